/** Options of {@link Rollout.blueGreen}. */
export interface BlueGreenOptions {
  /** Colour the Service sends traffic to. Switching is this one prop; the other colour keeps running for rollback. */
  readonly live: 'blue' | 'green';
  /** Image of the blue Deployment. */
  readonly blueImage: string;
  /** Image of the green Deployment. */
  readonly greenImage: string;
}

/** Options of {@link Rollout.canary}. */
export interface CanaryOptions {
  /** Image of the canary Deployment (the stable one runs the service's `image`). */
  readonly canaryImage: string;
  /** Share of replicas (and so of requests) on the canary, 0-100: e.g. 10 -> 50 -> 100. */
  readonly percent: number;
}

/** How a service's new versions are released (seed 004). */
export class Rollout {
  /** One Deployment, RollingUpdate with maxUnavailable 0 (the default). */
  public static rolling(): Rollout {
    return new Rollout('rolling', undefined, undefined);
  }

  /** Two Deployments (blue, green); the Service selects the live colour. */
  public static blueGreen(options: BlueGreenOptions): Rollout {
    return new Rollout('blueGreen', options, undefined);
  }

  /** Stable and canary Deployments behind one Service; the canary's replica share is its traffic share. */
  public static canary(options: CanaryOptions): Rollout {
    return new Rollout('canary', undefined, options);
  }

  private constructor(
    public readonly kind: 'rolling' | 'blueGreen' | 'canary',
    public readonly blueGreenOptions: BlueGreenOptions | undefined,
    public readonly canaryOptions: CanaryOptions | undefined,
  ) {}
}
