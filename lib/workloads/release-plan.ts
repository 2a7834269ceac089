import type { StandbyMode } from '../core/pattern';
import { Rollout } from './rollout';

/**
 * The two Deployment slots of a service. Slot `a` is `<service>`, slot `b` is `<service>-b`; which release track runs
 * in a slot never changes its Deployment's name, so changing the rollout never replaces a serving Deployment.
 */
export type SlotId = 'a' | 'b';

/** What runs in one slot. */
export interface SlotPlan {
  /** Which of the two fixed slots (`a`: `<service>`, `b`: `<service>-b`). */
  readonly slot: SlotId;
  /** Release track, a pod label for people and dashboards: `stable` / `canary` or `blue` / `green`. */
  readonly track: 'stable' | 'canary' | 'blue' | 'green';
  /** Image the slot runs. */
  readonly image: string;
  /** Whether the service's main Service sends traffic to this slot. */
  readonly serving: boolean;
  /**
   * Replica range of the HPA that owns this slot's count (Terraform then sets the count only when it creates the
   * Deployment); absent for a fixed count that Terraform sets on every apply.
   */
  readonly autoscale?: { readonly min: number; readonly max: number };
  /** The fixed count, or the count the Deployment is created with when autoscaled. */
  readonly replicas: number;
}

/** One service's Deployments in one region, and what its Services select. */
export interface ReleasePlan {
  /** The slots that have a Deployment, in slot order. */
  readonly slots: readonly SlotPlan[];
  /** The slot the main Service selects, or every slot when undefined. */
  readonly selectedSlot?: SlotId;
  /** The idle slot a `<service>-preview` Service selects for testing, if any. */
  readonly previewSlot?: SlotId;
}

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
 * Which Deployments a service runs, at what size, and what its Services select, for one region.
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
  if (input.standby === 'pilot-light') return { slots: [] };
  const warm = input.standby === 'warm';
  const min = warm ? input.standbyMinReplicas : input.minReplicas;
  const max = Math.max(min, input.maxReplicas);
  const serving = (slot: SlotId, track: SlotPlan['track'], image: string, range = { min, max }): SlotPlan =>
    ({ slot, track, image, serving: true, autoscale: range, replicas: range.min });
  const fixed = (slot: SlotId, track: SlotPlan['track'], image: string, replicas: number, isServing: boolean): SlotPlan =>
    ({ slot, track, image, serving: isServing, replicas });
  const { rollout } = input;

  if (rollout.kind === 'blueGreen') {
    const bg = rollout.blueGreenOptions!;
    const liveSlot: SlotId = bg.live === 'blue' ? 'a' : 'b';
    const idleSlot: SlotId = liveSlot === 'a' ? 'b' : 'a';
    // A warm standby carries no traffic: its idle colour is as small as its live one.
    const idleReplicas = warm ? min : (bg.idleReplicas ?? max);
    const slots = [
      liveSlot === 'a' ? serving('a', 'blue', bg.blueImage) : fixed('a', 'blue', bg.blueImage, idleReplicas, false),
      liveSlot === 'b' ? serving('b', 'green', bg.greenImage) : fixed('b', 'green', bg.greenImage, idleReplicas, false),
    ];
    return { slots, selectedSlot: liveSlot, previewSlot: idleSlot };
  }

  if (rollout.kind === 'canary') {
    const { canaryImage, percent } = rollout.canaryOptions!;
    // A standby region serves no traffic: it keeps the stable version only.
    if (warm || percent === 0) return { slots: [serving('a', 'stable', input.image)] };
    if (percent === 100) {
      // The canary takes every request at full size; the stable version idles at full size for a rollback.
      return { slots: [fixed('a', 'stable', input.image, max, false), fixed('b', 'canary', canaryImage, max, true)], selectedSlot: 'b', previewSlot: 'a' };
    }
    const { canary: canaryReplicas, stable: stableReplicas } = canaryPods(min, percent);
    return {
      slots: [
        serving('a', 'stable', input.image, { min: stableReplicas, max: Math.max(stableReplicas, max) }),
        fixed('b', 'canary', canaryImage, canaryReplicas, true),
      ],
    };
  }
  return { slots: [serving('a', 'stable', input.image)] };
}

/**
 * Pods of a canary between 1 and 99 percent: the share is a pod ratio (requests spread over ready pods), so at least
 * one canary pod, and enough stable pods next to it (at least the service's minimum) that canary / (stable + canary) is
 * the requested share.
 */
export function canaryPods(minReplicas: number, percent: number): { readonly canary: number; readonly stable: number } {
  const canary = Math.max(1, Math.round((minReplicas * percent) / (100 - percent)));
  const stable = Math.max(minReplicas, Math.round((canary * (100 - percent)) / percent));
  return { canary, stable };
}
