import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { describeValue, ValidationError } from '../core/errors';
import { asOptions, checkShape, Checks, givenOf, opt, recordGiven, shapes, strictShape } from '../core/validate';
import { canaryPods, fixedSlot, ReleasePlan, ReleaseSizing, servingSlot, SlotId, SlotSizes, slotSizes } from './release-slots';

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

/** The run-time shape of the blue-green options. */
const BLUE_GREEN_SHAPE = strictShape<BlueGreenOptions>({ live: shapes.oneOf(['blue', 'green']), blueImage: shapes.string(), greenImage: shapes.string(), idleReplicas: opt(shapes.number()) });
/** The run-time shape of the canary options. */
const CANARY_SHAPE = strictShape<CanaryOptions>({ canaryImage: shapes.string(), percent: shapes.number() });

/** What a rollout's options are checked against: the service they release, as `OrderWorkloads` checked it. */
export interface RolloutCheck {
  /** The construct the errors name. */
  readonly scope: IConstruct;
  /** The rollout's prop path, e.g. `order.rollout`. */
  readonly prop: string;
  /** The service's image (checked), or `undefined` when it was refused (its error is reported already). */
  readonly image: string | undefined;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Checks an image reference the way the service's own image is checked, throwing a `ValidationError` naming `prop`. */
  readonly checkImage: (prop: string, image: string) => string;
}

/** How one kind of release checks its options and plans its slots (the behaviour behind a `Rollout`). */
interface ReleaseStrategy {
  /** Throws one `ValidationError` listing what is wrong with the options as given. */
  check(given: unknown, c: RolloutCheck): void;
  /** The slots of a region that runs pods (a pilot light runs none, whatever the rollout). */
  plan(input: ReleaseSizing, sizes: SlotSizes): ReleasePlan;
}

/** How a service's new versions are released. */
export class Rollout {
  /** One Deployment, RollingUpdate with maxUnavailable 0 (the default). */
  public static rolling(): Rollout {
    // eslint-disable-next-line prefer-rest-params -- a JavaScript caller may pass options this factory does not take
    return recordGiven(new Rollout(new RollingRelease()), arguments[0]);
  }

  /** Two Deployments (blue, green); the Service selects the live colour. */
  public static blueGreen(options: BlueGreenOptions): Rollout {
    return recordGiven(new Rollout(new BlueGreenRelease(asOptions(options))), options);
  }

  /** Stable and canary Deployments behind one Service; the canary's share of pods is its share of requests. */
  public static canary(options: CanaryOptions): Rollout {
    return recordGiven(new Rollout(new CanaryRelease(asOptions(options))), options);
  }

  private constructor(private readonly strategy: ReleaseStrategy) {}

  /**
   * Which Deployments a service releasing this way runs in one region, at what size, and what its Services select
   * (`planRelease` states the rules).
   * @internal
   */
  public plan(input: ReleaseSizing): ReleasePlan {
    // A pilot-light region runs no pods: no slot exists, so no HPA is attached to a Deployment at zero.
    if (input.standby === 'pilot-light') return { slots: [] };
    return this.strategy.plan(input, slotSizes(input));
  }

  /**
   * Checks the options this rollout was made with against the service it releases; throws one `ValidationError`
   * listing every problem.
   * @internal
   */
  public validate(c: RolloutCheck): void {
    this.strategy.check(givenOf(this), c);
  }
}

/** One Deployment, autoscaled, rolled in place. */
class RollingRelease implements ReleaseStrategy {
  public check(given: unknown, c: RolloutCheck): void {
    if (given !== undefined) throw new ValidationError({ scope: c.scope, prop: c.prop, value: given, problem: 'Rollout.rolling() takes no options, so these would be ignored', fix: 'call Rollout.rolling() without arguments' });
  }

  public plan(input: ReleaseSizing, sizes: SlotSizes): ReleasePlan {
    return { slots: [servingSlot(sizes, 'a', 'stable', input.image)] };
  }
}

/** The options a factory was called with, as an object, or a `ValidationError` when it was called without. */
function requireOptions(given: unknown, c: RolloutCheck, factory: string): object {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new ValidationError({ scope: c.scope, prop: c.prop, value: given, problem: `the rollout was made without its options (got ${describeValue(given)})`, fix: `call ${factory}` });
  }
  return given;
}

/** Blue in slot `a`, green in slot `b`; the Service selects the live colour, the preview Service the idle one. */
class BlueGreenRelease implements ReleaseStrategy {
  constructor(private readonly options: BlueGreenOptions) {}

  public check(given: unknown, c: RolloutCheck): void {
    const { prop, image } = c;
    const bg = this.options;
    checkShape(c.scope, prop, requireOptions(given, c, 'Rollout.blueGreen({ live, blueImage, greenImage })'), BLUE_GREEN_SHAPE);
    const checks = new Checks(c.scope);
    const blue = checks.run('', () => c.checkImage(`${prop}.blueImage`, bg.blueImage));
    const green = checks.run('', () => c.checkImage(`${prop}.greenImage`, bg.greenImage));
    if (blue && blue === green) {
      checks.fail({ prop: `${prop}.${bg.live === 'blue' ? 'greenImage' : 'blueImage'}`, value: blue, problem: 'both colours run the same image, so there is no previous version to roll back to', fix: 'keep the previous image on the idle colour' });
    }
    if (image !== undefined && blue && green && image !== blue && image !== green && !Token.isUnresolved(image)) {
      checks.fail({ prop: prop.replace(/\.rollout$/, '.image'), value: image, problem: `under blue-green the colours' images run (${blue}, ${green}), so this image would be ignored`, fix: `set image to the live colour's image (${bg.live === 'blue' ? blue : green})` });
    }
    if (bg.idleReplicas !== undefined) checks.integer(`${prop}.idleReplicas`, bg.idleReplicas, 1, c.maxReplicas, `the idle colour runs at least one pod and at most maxReplicas (${c.maxReplicas}); keep it at maxReplicas for a flip`);
    checks.throwIfAny();
  }

  public plan(_input: ReleaseSizing, sizes: SlotSizes): ReleasePlan {
    const bg = this.options;
    const liveSlot: SlotId = bg.live === 'blue' ? 'a' : 'b';
    const idleSlot: SlotId = liveSlot === 'a' ? 'b' : 'a';
    // A warm standby carries no traffic: its idle colour is as small as its live one.
    const idleReplicas = sizes.warm ? sizes.min : (bg.idleReplicas ?? sizes.max);
    const slots = [
      liveSlot === 'a' ? servingSlot(sizes, 'a', 'blue', bg.blueImage) : fixedSlot('a', 'blue', bg.blueImage, idleReplicas, false),
      liveSlot === 'b' ? servingSlot(sizes, 'b', 'green', bg.greenImage) : fixedSlot('b', 'green', bg.greenImage, idleReplicas, false),
    ];
    return { slots, selectedSlot: liveSlot, previewSlot: idleSlot };
  }
}

/** Stable in slot `a`, the canary in slot `b`, sized so the canary's share of pods is `percent`. */
class CanaryRelease implements ReleaseStrategy {
  constructor(private readonly options: CanaryOptions) {}

  public check(given: unknown, c: RolloutCheck): void {
    const { prop, minReplicas, maxReplicas } = c;
    checkShape(c.scope, prop, requireOptions(given, c, 'Rollout.canary({ canaryImage, percent })'), CANARY_SHAPE);
    const checks = new Checks(c.scope);
    const canaryImage = checks.run('', () => c.checkImage(`${prop}.canaryImage`, this.options.canaryImage));
    if (canaryImage && canaryImage === c.image) {
      checks.fail({ prop: `${prop}.canaryImage`, value: canaryImage, problem: 'the canary runs the stable image, so there is no new version to try', fix: 'give the canary the new image' });
    }
    const percent = checks.integer(`${prop}.percent`, this.options.percent, 0, 100, 'a canary share is a whole percentage; step it 10 -> 50 -> 100', 0);
    if (percent > 0 && percent < 100) {
      const pods = canaryPods(minReplicas, percent);
      if (pods.canary > maxReplicas || pods.stable > maxReplicas) {
        checks.fail({
          prop: `${prop}.percent`, value: percent,
          problem: `the share is a pod ratio: ${percent} % needs ${pods.canary} canary pod(s) beside ${pods.stable} stable ones (with minReplicas ${minReplicas}), above maxReplicas (${maxReplicas})`,
          fix: `use a share whose ratio fits (e.g. ${[10, 25, 50, 75].filter((p) => { const x = canaryPods(minReplicas, p); return x.canary <= maxReplicas && x.stable <= maxReplicas; }).join(', ')}), or raise maxReplicas`,
        });
      }
    }
    checks.throwIfAny();
  }

  public plan(input: ReleaseSizing, sizes: SlotSizes): ReleasePlan {
    const { canaryImage, percent } = this.options;
    // A standby region serves no traffic: it keeps the stable version only.
    if (sizes.warm || percent === 0) return { slots: [servingSlot(sizes, 'a', 'stable', input.image)] };
    if (percent === 100) {
      // The canary takes every request at full size; the stable version idles at full size for a rollback.
      return { slots: [fixedSlot('a', 'stable', input.image, sizes.max, false), fixedSlot('b', 'canary', canaryImage, sizes.max, true)], selectedSlot: 'b', previewSlot: 'a' };
    }
    const { canary: canaryReplicas, stable: stableReplicas } = canaryPods(sizes.min, percent);
    return {
      slots: [
        servingSlot(sizes, 'a', 'stable', input.image, { min: stableReplicas, max: Math.max(stableReplicas, sizes.max) }),
        fixedSlot('b', 'canary', canaryImage, canaryReplicas, true),
      ],
    };
  }
}
