import type { StandbyMode } from '../core/pattern';

// The slots a release plans (public types, re-exported by release-plan.ts) and the sizing every rollout plans them
// with. Apart from release-plan.ts so that the rollouts (rollout.ts) can build plans without importing the module that
// imports them.

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

/** What a rollout plans from: `ReleaseInput` without the rollout. */
export interface ReleaseSizing {
  /** The service's stable image. */
  readonly image: string;
  /** Minimum replicas in an active region. */
  readonly minReplicas: number;
  /** Maximum replicas (the HPA's ceiling). */
  readonly maxReplicas: number;
  /** Standby mode of a passive region that is not serving; undefined for a region at active size. */
  readonly standby?: StandbyMode;
  /** Minimum replicas of a warm standby. */
  readonly standbyMinReplicas: number;
}

/** The replica range of a region that runs pods (not a pilot light): a warm standby's or an active region's. */
export interface SlotSizes {
  /** The minimum of a slot the Service selects on its own. */
  readonly min: number;
  /** The maximum (never below `min`). */
  readonly max: number;
  /** The region is a warm standby (it carries no traffic). */
  readonly warm: boolean;
}

/** The replica range of a region that runs pods. */
export function slotSizes(input: ReleaseSizing): SlotSizes {
  const warm = input.standby === 'warm';
  const min = warm ? input.standbyMinReplicas : input.minReplicas;
  return { min, max: Math.max(min, input.maxReplicas), warm };
}

/** A slot the Service selects, autoscaled over `range` (by default the region's). */
export function servingSlot(sizes: SlotSizes, slot: SlotId, track: SlotPlan['track'], image: string, range = { min: sizes.min, max: sizes.max }): SlotPlan {
  return { slot, track, image, serving: true, autoscale: range, replicas: range.min };
}

/** A slot at a fixed count. */
export function fixedSlot(slot: SlotId, track: SlotPlan['track'], image: string, replicas: number, serving: boolean): SlotPlan {
  return { slot, track, image, serving, replicas };
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
