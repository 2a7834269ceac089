import { PatternKind, RegionPlacement, RegionRole } from '../core/pattern';
import { PLATFORM_SERVICES, ServiceKey } from '../core/services';
import { Checks } from '../core/validate';
import { CheckedDemand, checkDemand, cosmosMaxThroughput, peakSchedules, ServiceCapacity, serviceCapacity } from '../workloads/demand';
import { KedaScaling, ServiceBusBacklog, WorkloadServiceOptions } from '../workloads/order-workloads-types';
import type { MultiRegionOrderPlatformProps } from './multi-region-order-platform-types';

// The platform's demand model turned into each region's scaling: replica ranges with a lost region's share, the
// scheduled peak floors and the backlog trigger (KEDA), the KEDA add-on and the Cosmos DB autoscale maximum.

/**
 * The serving regions' shares of the requests, in platform order, and where each region sits among them: every region
 * under activeActive (by the entry's weights, else equally), both regions of primarySecondary (reads go to both),
 * otherwise each region carries its load alone (the active region, a standby taking over, a cell).
 */
export function servingWeights(props: Pick<MultiRegionOrderPlatformProps, 'pattern' | 'regions' | 'entry'>, region: string): { readonly weights: number[]; readonly index: number } {
  const kind = props.pattern.kind;
  if (kind === PatternKind.ACTIVE_ACTIVE) {
    const given = props.entry?.weights ?? {};
    return { weights: props.regions.map((r) => (typeof given[r] === 'number' && given[r] > 0 ? given[r] : 1000)), index: Math.max(0, props.regions.indexOf(region)) };
  }
  if (kind === PatternKind.PRIMARY_SECONDARY) return { weights: [1, 1], index: Math.max(0, props.regions.indexOf(region)) };
  return { weights: [1], index: 0 };
}

/** The demand model checked against the rest of the props, with each service's capacity per serving region. */
export interface PlatformDemand {
  readonly demand: CheckedDemand;
  /** Each service's capacity, by region. */
  readonly capacity: { readonly [region: string]: { readonly [service in ServiceKey]: ServiceCapacity } };
  /** The Cosmos DB autoscale maximum the tracking demand needs (RU/s), when its form says. */
  readonly cosmosMaxThroughput?: number;
}

/**
 * Checks `demand` and what it must agree with: it needs workloads, the KEDA add-on, and user-set maxima (replicas,
 * Cosmos DB throughput) that carry the peak with a lost region's share. Every violation is recorded in `checks`.
 */
export function checkPlatformDemand(checks: Checks, props: MultiRegionOrderPlatformProps): PlatformDemand | undefined {
  if (!props.demand) return undefined;
  if (!props.workloads) {
    checks.fail({ prop: 'demand', value: Object.keys(props.demand), problem: 'the demand model sizes the workloads, and there are none, so it would be ignored', fix: 'add workloads, or drop demand' });
  }
  if (props.kubernetes?.keda === false) {
    checks.fail({ prop: 'kubernetes.keda', value: false, problem: 'the demand model scales through the KEDA add-on (scheduled peaks, backlog)', fix: 'drop kubernetes.keda (the demand model turns it on), or drop demand' });
  }
  const demand = checkDemand(checks, 'demand', props.demand);
  const capacity: Record<string, Record<ServiceKey, ServiceCapacity>> = {};
  for (const region of props.regions) {
    const { weights, index } = servingWeights(props, region);
    capacity[region] = Object.fromEntries(PLATFORM_SERVICES.map((s) => [s.key, serviceCapacity(demand[s.key], weights, index)])) as Record<ServiceKey, ServiceCapacity>;
  }
  for (const s of PLATFORM_SERVICES) {
    const given = props.workloads?.[s.key]?.maxReplicas;
    if (given === undefined || !Number.isInteger(given)) continue;
    const [region, need] = props.regions.map((r): [string, ServiceCapacity] => [r, capacity[r][s.key]]).sort((a, b) => b[1].maxPods - a[1].maxPods)[0];
    if (given >= need.maxPods) continue;
    const serving = servingWeights(props, region).weights.length;
    const lost = serving > 1 ? `, and ${need.maxPods} when another of the ${serving} serving regions is lost and the survivors carry its share` : '';
    checks.fail({
      prop: `workloads.${s.key}.maxReplicas`, value: given,
      problem: `the demand model needs ${need.peakPods} pods in ${region} at peak${lost}: this maximum cannot carry ${serving > 1 ? 'a lost region' : 'the peak'}`,
      fix: `raise maxReplicas to at least ${need.maxPods}, or drop it (the demand model sets it per region)`,
    });
  }
  const cosmos = cosmosMaxThroughput(demand.tracking);
  const givenRu = props.trackingStore?.deliveries?.maxThroughput;
  if (cosmos !== undefined && typeof givenRu === 'number' && givenRu < cosmos) {
    checks.fail({ prop: 'trackingStore.deliveries.maxThroughput', value: givenRu, problem: `the tracking demand needs ${cosmos} RU/s at peak (peakRequestsPerSecond x requestUnitsPerRequest); every region of an account is provisioned the same, so one region must carry it all`, fix: `raise maxThroughput to at least ${cosmos}, or drop it (the demand model sets it)` });
  }
  return { demand, capacity, ...(cosmos !== undefined ? { cosmosMaxThroughput: cosmos } : {}) };
}

/**
 * The region whose `delivery-tracking` subscription a region's KEDA scales the consumer on, or undefined when the region
 * gets no backlog trigger. Each subscription is scaled on by one region only (KEDA sizes the consumers of one region
 * by the whole backlog, so two regions reading one subscription would run twice the consumers): under primarySecondary
 * and activePassive the regions share the first region's namespace (its geo-DR alias), which the primary / active
 * region scales on (a passive region once `standbyActive` makes it serve); otherwise each region its own.
 */
export function backlogHome(props: Pick<MultiRegionOrderPlatformProps, 'pattern' | 'regions' | 'workloads'>, placement: RegionPlacement): string | undefined {
  const kind = props.pattern.kind;
  if (kind !== PatternKind.PRIMARY_SECONDARY && kind !== PatternKind.ACTIVE_PASSIVE) return placement.region.name;
  const home = props.regions[0];
  if (placement.index === 0) return home;
  return kind === PatternKind.ACTIVE_PASSIVE && props.workloads?.standbyActive === true ? home : undefined;
}

/** Whether a region serves at active size (a passive region only when `standbyActive`). */
function servesAtActiveSize(placement: RegionPlacement, standbyActive: boolean | undefined): boolean {
  return placement.role !== RegionRole.PASSIVE || standbyActive === true;
}

/** A region's services sized by the demand model, and their KEDA scaling. */
export interface RegionScaling {
  readonly order: WorkloadServiceOptions;
  readonly tracking: WorkloadServiceOptions;
  readonly keda: KedaScaling;
}

/**
 * One region's scaling: each service's range (the user's values win; the maximum is checked already), the peak floors
 * in the peaks' time zone (or the region's) where the region serves at active size, and the backlog trigger.
 */
export function regionScaling(d: PlatformDemand, placement: RegionPlacement, workloads: NonNullable<MultiRegionOrderPlatformProps['workloads']>, timeZone: string, backlog: Omit<ServiceBusBacklog, 'messagesPerPod'> | undefined): RegionScaling {
  const active = servesAtActiveSize(placement, workloads.standbyActive);
  const capacity = d.capacity[placement.region.name];
  const sized = (key: ServiceKey): WorkloadServiceOptions => ({
    ...workloads[key],
    minReplicas: workloads[key].minReplicas ?? capacity[key].basePods,
    maxReplicas: workloads[key].maxReplicas ?? capacity[key].maxPods,
  });
  const schedules = (key: ServiceKey) => (active
    ? peakSchedules(d.demand.peaks, d.demand.leadMinutes, d.demand.timeZone ?? timeZone).map((s) => ({ ...s, replicas: Math.min(capacity[key].peakPods, workloads[key].maxReplicas ?? capacity[key].maxPods) }))
    : []);
  return {
    order: sized('order'),
    tracking: sized('tracking'),
    keda: {
      order: { schedules: schedules('order') },
      tracking: { schedules: schedules('tracking'), ...(backlog ? { backlog: { ...backlog, messagesPerPod: d.demand.backlogPerPod } } : {}) },
    },
  };
}
