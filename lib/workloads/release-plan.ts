import type { StandbyMode } from '../core/pattern';
import { ReleasePlan } from './release-slots';
import { Rollout } from './rollout';

export { canaryPods } from './release-slots';
export type { ReleasePlan, SlotId, SlotPlan } from './release-slots';

/** Input of {@link planRelease}, already validated. */
export interface ReleaseInput {
  /** The service's stable image. */
  readonly image: string;
  /** How the service releases (rolling, blue-green or canary). */
  readonly rollout: Rollout;
  /** Minimum replicas in an active region (2 or more). */
  readonly minReplicas: number;
  /** Maximum replicas (the HPA's ceiling). */
  readonly maxReplicas: number;
  /** Standby mode of a passive region that is not serving; undefined for a region at active size. */
  readonly standby?: StandbyMode;
  /** Minimum replicas of a warm standby. */
  readonly standbyMinReplicas: number;
}

/**
 * Which Deployments a service runs, at what size, and what its Services select, for one region: the plan of the
 * service's rollout.
 *
 * The rules that keep every documented step serving (each is a transition test):
 * - a slot the Service selects on its own is autoscaled; a slot that idles runs a fixed count (default: full size), so
 *   a flip or a rollback sends the load to pods that already run, never to an HPA minimum;
 * - no HPA is ever attached to a Deployment at zero: a slot that would hold no pods does not exist (pilot light, a
 *   canary at 0 %), and every fixed count is at least 1;
 * - the platform orders each apply so that newly selected slots are ready before the Service switches to them, and
 *   slots that stop serving shrink only after it has (`dependsOn` in `OrderWorkloads`).
 */
export function planRelease(input: ReleaseInput): ReleasePlan {
  return input.rollout.plan(input);
}
