import { Token } from 'cdktf';
import { DAYS_OF_WEEK } from '../core/maintenance-window';
import { Checks, opt, shapes, strictShape } from '../core/validate';
import { checkPeakWindow, checkTimeZone, DayOfWeek, minutesOfDay, PEAK_WINDOW_SHAPE, PeakWindow } from '../core/weekly-time';

// The demand model of the platform (`MultiRegionOrderPlatformProps.demand`): what each service carries off-peak and
// at peak, and when the peaks come. The replica ranges, the scheduled peak floors (KEDA cron triggers) and the Cosmos
// DB autoscale maximum are derived from it, and a user-set maximum is checked against it.

/**
 * The load of one service, in one of two forms: requests per second for the whole platform with what one pod serves
 * (the platform divides by the regions that serve at once), or pods per serving region directly.
 */
export interface ServiceDemand {
  /** Requests per second at peak, over the whole platform (per cell under regionPinned). */
  readonly peakRequestsPerSecond?: number;
  /** Requests per second off-peak, over the whole platform (per cell under regionPinned). */
  readonly baseRequestsPerSecond?: number;
  /** Requests per second one pod serves at the CPU target. */
  readonly requestsPerSecondPerPod?: number;
  /** Pods each serving region needs at peak, with every region up (instead of the request rates). */
  readonly peakPodsPerRegion?: number;
  /** Pods each serving region needs off-peak, with every region up (instead of the request rates). */
  readonly basePodsPerRegion?: number;
  /**
   * Delivery-tracking only: Cosmos DB request units one request costs on average (a 1 KB point write costs about 5.5 RU
   * plus its indexing), which sets the deliveries container's autoscale maximum.
   * @default - the container's `maxThroughput` is not derived
   */
  readonly requestUnitsPerRequest?: number;
}

/** The demand model: each service's load and the weekly peaks (see the README's "Scaling"). */
export interface DemandModel {
  /** The Order service's load. */
  readonly order: ServiceDemand;
  /** The Delivery-tracking service's load. */
  readonly tracking: ServiceDemand;
  /** The weekly peaks (at least one). */
  readonly peaks: PeakWindow[];
  /**
   * IANA time zone of the peaks, e.g. `'America/New_York'` (not a bare offset: daylight saving time moves it).
   * @default - each region's own time zone (its customers' local time)
   */
  readonly timeZone?: string;
  /** Minutes before each peak that its pods are started, so the cluster autoscaler adds nodes in time (10-240). @default 30 */
  readonly leadMinutes?: number;
  /** Service Bus messages waiting per Delivery-tracking pod before KEDA adds one (the backlog scaler). @default 50 */
  readonly backlogPerPod?: number;
}

const SERVICE_DEMAND_SHAPE = strictShape<ServiceDemand>({
  peakRequestsPerSecond: opt(shapes.number()), baseRequestsPerSecond: opt(shapes.number()), requestsPerSecondPerPod: opt(shapes.number()),
  peakPodsPerRegion: opt(shapes.number()), basePodsPerRegion: opt(shapes.number()), requestUnitsPerRequest: opt(shapes.number()),
});
/** The run-time shape of a {@link DemandModel}. */
export const DEMAND_SHAPE = strictShape<DemandModel>({
  order: SERVICE_DEMAND_SHAPE, tracking: SERVICE_DEMAND_SHAPE, peaks: shapes.list(PEAK_WINDOW_SHAPE), timeZone: opt(shapes.string()),
  leadMinutes: opt(shapes.number()), backlogPerPod: opt(shapes.number()),
});

/** One service's demand after its checks, in pods per serving region or in requests per second. */
export type CheckedServiceDemand =
  | { readonly form: 'pods'; readonly peakPods: number; readonly basePods: number }
  | { readonly form: 'requests'; readonly peakRps: number; readonly baseRps: number; readonly rpsPerPod: number; readonly requestUnitsPerRequest?: number };

/** A peak after its checks: minutes from the start of the day. */
export interface CheckedPeak {
  readonly days: readonly DayOfWeek[];
  readonly startMinute: number;
  readonly endMinute: number;
}

/** The demand model after its checks. */
export interface CheckedDemand {
  readonly order: CheckedServiceDemand;
  readonly tracking: CheckedServiceDemand;
  readonly peaks: readonly CheckedPeak[];
  readonly timeZone?: string;
  readonly leadMinutes: number;
  readonly backlogPerPod: number;
}

/** The most pods a service's demand may ask for in one region (the replica limit of the workloads). */
const MAX_PODS = 1000;

/** Checks the demand model (its shape is checked with the props); every violation is recorded under `prop`. */
export function checkDemand(checks: Checks, prop: string, demand: DemandModel): CheckedDemand {
  const order = checkServiceDemand(checks, `${prop}.order`, demand.order, false);
  const tracking = checkServiceDemand(checks, `${prop}.tracking`, demand.tracking, true);
  if (demand.peaks.length === 0) {
    checks.fail({ prop: `${prop}.peaks`, value: demand.peaks, problem: 'the demand model has no peak, so nothing would scale out before one', fix: "give at least one peak, e.g. { days: ['Saturday'], startTime: '17:00', endTime: '22:00' }" });
  }
  const peaks = demand.peaks.flatMap((peak, i) => {
    const checked = checkPeakWindow(checks, `${prop}.peaks[${i}]`, peak);
    return checked ? [{ days: checked.days, startMinute: minutesOfDay(checked.startTime), endMinute: minutesOfDay(checked.endTime) }] : [];
  });
  const timeZone = demand.timeZone === undefined ? undefined : checkTimeZone(checks, `${prop}.timeZone`, demand.timeZone);
  const leadMinutes = checks.integer(`${prop}.leadMinutes`, demand.leadMinutes ?? 30, 10, 240, 'new nodes take several minutes to join, so a peak floor starts at least 10 minutes early', 30);
  const backlogPerPod = checks.integer(`${prop}.backlogPerPod`, demand.backlogPerPod ?? 50, 1, 100000, 'messages waiting per pod', 50);
  return { order, tracking, peaks, timeZone, leadMinutes, backlogPerPod };
}

function checkServiceDemand(checks: Checks, prop: string, d: ServiceDemand, tracking: boolean): CheckedServiceDemand {
  const rates = [d.peakRequestsPerSecond, d.baseRequestsPerSecond, d.requestsPerSecondPerPod].some((x) => x !== undefined);
  const pods = d.peakPodsPerRegion !== undefined || d.basePodsPerRegion !== undefined;
  if (rates && pods) {
    checks.fail({ prop, value: Object.keys(d), problem: 'the load is given both as request rates and as pods, and the two could disagree', fix: 'give either peakRequestsPerSecond, baseRequestsPerSecond and requestsPerSecondPerPod, or peakPodsPerRegion and basePodsPerRegion' });
  }
  if (d.requestUnitsPerRequest !== undefined && !tracking) {
    checks.fail({ prop: `${prop}.requestUnitsPerRequest`, value: d.requestUnitsPerRequest, problem: 'only the Delivery-tracking service writes to Cosmos DB, so the setting would be ignored', fix: 'move requestUnitsPerRequest to demand.tracking' });
  }
  if (!rates) {
    const peakPods = checks.integer(`${prop}.peakPodsPerRegion`, d.peakPodsPerRegion as number, 2, MAX_PODS, 'pods per serving region at peak; an active region runs at least 2', 2);
    const basePods = checks.integer(`${prop}.basePodsPerRegion`, d.basePodsPerRegion as number, 2, MAX_PODS, 'pods per serving region off-peak; an active region runs at least 2', 2);
    if (d.requestUnitsPerRequest !== undefined && tracking) {
      checks.fail({ prop: `${prop}.requestUnitsPerRequest`, value: d.requestUnitsPerRequest, problem: 'request units are counted per request, and the load is given in pods', fix: 'give the load as request rates (peakRequestsPerSecond, ...), or drop requestUnitsPerRequest' });
    }
    if (basePods > peakPods) checks.fail({ prop: `${prop}.basePodsPerRegion`, value: basePods, problem: `above the peak (${peakPods} pods)`, fix: 'give an off-peak load at or below the peak' });
    return { form: 'pods', peakPods, basePods: Math.min(basePods, peakPods) };
  }
  const peakRps = positive(checks, `${prop}.peakRequestsPerSecond`, d.peakRequestsPerSecond, 'requests per second at peak');
  const baseRps = positive(checks, `${prop}.baseRequestsPerSecond`, d.baseRequestsPerSecond, 'requests per second off-peak');
  const rpsPerPod = positive(checks, `${prop}.requestsPerSecondPerPod`, d.requestsPerSecondPerPod, 'requests per second one pod serves');
  const rated = !checks.failed(`${prop}.peakRequestsPerSecond`) && !checks.failed(`${prop}.baseRequestsPerSecond`) && !checks.failed(`${prop}.requestsPerSecondPerPod`);
  if (rated && baseRps > peakRps) checks.fail({ prop: `${prop}.baseRequestsPerSecond`, value: baseRps, problem: `above the peak (${peakRps} requests per second)`, fix: 'give an off-peak load at or below the peak' });
  if (rated && peakRps / rpsPerPod > MAX_PODS) {
    checks.fail({ prop: `${prop}.peakRequestsPerSecond`, value: peakRps, problem: `${peakRps} requests per second at ${rpsPerPod} per pod needs ${Math.ceil(peakRps / rpsPerPod)} pods, above the ${MAX_PODS} a region runs`, fix: 'check the figures, or raise requestsPerSecondPerPod (larger pods)' });
  }
  const ru = d.requestUnitsPerRequest === undefined ? undefined : positive(checks, `${prop}.requestUnitsPerRequest`, d.requestUnitsPerRequest, 'request units per request');
  return { form: 'requests', peakRps, baseRps: Math.min(baseRps, peakRps), rpsPerPod, ...(ru !== undefined ? { requestUnitsPerRequest: ru } : {}) };
}

/** A positive finite number given at synth time, or 1 with the violation recorded. */
function positive(checks: Checks, prop: string, value: number | undefined, what: string): number {
  if (typeof value === 'number' && Token.isUnresolved(value)) {
    checks.fail({ prop, value, problem: `a Terraform token is unknown until apply, and the demand model computes replica counts from ${what} at synth time`, fix: 'pass a literal number' });
    return 1;
  }
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  checks.fail({ prop, value, problem: value === undefined ? `missing: the load in requests per second needs ${what}` : `must be a number above 0 (${what})`, fix: value === undefined ? `set ${prop.split('.').pop()}` : `set ${prop.split('.').pop()} above 0` });
  return 1;
}

/** A service's replica range in a serving region, from its demand. */
export interface ServiceCapacity {
  /** Pods off-peak: the autoscaler's minimum. */
  readonly basePods: number;
  /** Pods during a peak with every region up: the scheduled floor. */
  readonly peakPods: number;
  /**
   * Pods at peak when another serving region is lost and the survivors carry its share (N/(N-1) of the peak with N
   * equal serving regions; the whole peak for a region that carries the load alone): the autoscaler's maximum.
   */
  readonly maxPods: number;
}

/**
 * A service's capacity in one serving region. `weights` are the serving regions' shares of the requests (equal, or the
 * entry's weights), `index` the region's place among them. With N > 1 serving regions, the maximum is the region's
 * load when the region whose loss hurts it most is lost and the survivors share its requests by their weights: N/(N-1)
 * of its peak with equal weights. A load given in pods is the pods of a region with an average weight.
 */
export function serviceCapacity(d: CheckedServiceDemand, weights: readonly number[], index: number): ServiceCapacity {
  const n = weights.length;
  const total = weights.reduce((a, w) => a + w, 0);
  const [peak, base, perPod] = d.form === 'pods' ? [d.peakPods * n, d.basePods * n, 1] : [d.peakRps, d.baseRps, d.rpsPerPod];
  const pods = (load: number): number => Math.ceil(load / perPod - 1e-9);
  const share = weights[index] / total;
  const lostShare = n > 1 ? Math.max(...weights.map((w, j) => (j === index ? 0 : weights[index] / (total - w)))) : share;
  const basePods = Math.max(2, pods(base * share));
  const peakPods = Math.max(basePods, pods(peak * share));
  return { basePods, peakPods, maxPods: Math.max(peakPods, pods(peak * lostShare)) };
}

/** The Cosmos DB autoscale maximum (RU/s, a multiple of 1000) the tracking demand needs, if its form says. */
export function cosmosMaxThroughput(d: CheckedServiceDemand): number | undefined {
  if (d.form !== 'requests' || d.requestUnitsPerRequest === undefined) return undefined;
  return Math.max(1000, Math.ceil((d.peakRps * d.requestUnitsPerRequest) / 1000 - 1e-9) * 1000);
}

/** A KEDA cron trigger's schedule: start and end as cron expressions in `timeZone`. */
export interface PeakSchedule {
  /** IANA time zone of the expressions. */
  readonly timeZone: string;
  /** Cron expression (minute hour day-of-month month day-of-week, Sunday = 0) of the floor's start. */
  readonly start: string;
  /** Cron expression of the floor's end. */
  readonly end: string;
}

/** Sunday-first day number (cron's) of a Monday-first day. */
const cronDay = (day: DayOfWeek): number => (DAYS_OF_WEEK.indexOf(day) + 1) % 7;

/**
 * The cron schedules of the peaks in `timeZone`: each starts `leadMinutes` before its peak (on the day before when that
 * crosses midnight) and ends with it (the next day when the end is at or before the start).
 */
export function peakSchedules(peaks: readonly CheckedPeak[], leadMinutes: number, timeZone: string): PeakSchedule[] {
  return peaks.filter((p) => p.days.length > 0).map((p) => {
    const start = p.startMinute - leadMinutes;
    const end = p.endMinute <= p.startMinute ? p.endMinute + 1440 : p.endMinute;
    return { timeZone, start: cron(p.days, start), end: cron(p.days, end) };
  });
}

/** A cron expression at `minute` from the start of each of `days` (negative: the day before; past 1440: the next). */
function cron(days: readonly DayOfWeek[], minute: number): string {
  const shift = Math.floor(minute / 1440);
  const m = minute - shift * 1440;
  const list = [...new Set(days.map((d) => (cronDay(d) + shift + 7) % 7))].sort((a, b) => a - b);
  return `${m % 60} ${Math.floor(m / 60)} * * ${list.join(',')}`;
}
