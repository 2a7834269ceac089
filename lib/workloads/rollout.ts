import { asOptions, recordGiven } from '../core/validate';

/** Options of {@link Rollout.blueGreen}. */
export interface BlueGreenOptions {
  /**
   * Colour the Service sends traffic to. Blue runs in the service's first Deployment (`<service>`), green in its second
   * (`<service>-b`); flipping `live` changes only which one the Service selects, after the new live colour is ready.
   */
  readonly live: 'blue' | 'green';
  /** Image of the blue Deployment. */
  readonly blueImage: string;
  /** Image of the green Deployment. */
  readonly greenImage: string;
  /**
   * Pods the idle colour keeps running (a fixed count, no autoscaler), reachable through the `<service>-preview`
   * Service for testing. A flip sends the whole load to the idle colour, so before flipping it must hold at least what
   * the live colour may carry: keep the default, or raise it back one deploy before the flip if you lowered it.
   * @default - the service's maxReplicas (full size)
   */
  readonly idleReplicas?: number;
}

/** Options of {@link Rollout.canary}. */
export interface CanaryOptions {
  /** Image of the canary Deployment (the stable one runs the service's `image`). */
  readonly canaryImage: string;
  /**
   * Share of pods (and so, roughly, of requests) on the canary: an integer 0-100, stepped e.g. 10, then 50, then 100.
   * At 0 there is no canary Deployment; at 100 the Service selects only the canary, at full size, while the stable
   * Deployment idles at full size for a rollback.
   */
  readonly percent: number;
}

/** How a service's new versions are released. */
export class Rollout {
  /** One Deployment, RollingUpdate with maxUnavailable 0 (the default). */
  public static rolling(): Rollout {
    // eslint-disable-next-line prefer-rest-params -- a JavaScript caller may pass options this factory does not take
    return recordGiven(new Rollout('rolling', undefined, undefined), arguments[0]);
  }

  /** Two Deployments (blue, green); the Service selects the live colour. */
  public static blueGreen(options: BlueGreenOptions): Rollout {
    return recordGiven(new Rollout('blueGreen', asOptions(options), undefined), options);
  }

  /** Stable and canary Deployments behind one Service; the canary's share of pods is its share of requests. */
  public static canary(options: CanaryOptions): Rollout {
    return recordGiven(new Rollout('canary', undefined, asOptions(options)), options);
  }

  private constructor(
    /** The release strategy. */
    public readonly kind: 'rolling' | 'blueGreen' | 'canary',
    /** The options of a blue-green release (`kind` is `blueGreen`). */
    public readonly blueGreenOptions: BlueGreenOptions | undefined,
    /** The options of a canary release (`kind` is `canary`). */
    public readonly canaryOptions: CanaryOptions | undefined,
  ) {}
}
