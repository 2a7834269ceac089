import { Token } from 'cdktf';
import { closest, distance } from 'fastest-levenshtein';
import { describeValue } from './errors';
import { CheckedMaintenanceWindow, DAYS_OF_WEEK, utcWeeklyStart } from './maintenance-window';
import { Checks, shapes, strictShape } from './validate';

// Weekly time arithmetic for maintenance outside the peaks (issue 14): local weekly windows in IANA time zones turned
// into intervals of the UTC week (the union of standard and daylight time), peak windows and their checks, default
// maintenance windows in each region's local night that avoid the peaks and each other, and the findings for
// user-given windows. Pure functions; the platform turns the findings into ValidationErrors.

/** A day of the week, Monday first. */
export type DayOfWeek = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

/**
 * A weekly peak: the days it starts on and its local hours, in the time zone the demand model gives (or the
 * region's own).
 */
export interface PeakWindow {
  /** Days the peak starts on, each once, e.g. `['Friday', 'Saturday', 'Sunday']`. */
  readonly days: readonly DayOfWeek[];
  /** Local start, `HH:MM` (24-hour clock). */
  readonly startTime: string;
  /**
   * Local end, `HH:MM`. An end at or before the start ends on the next day (`'22:00'` to `'02:00'`); `'00:00'` is
   * midnight at the end of the start day.
   */
  readonly endTime: string;
}

/** The run-time shape of a {@link PeakWindow}. */
export const PEAK_WINDOW_SHAPE = strictShape<PeakWindow>({
  days: shapes.list(shapes.oneOf(DAYS_OF_WEEK)), startTime: shapes.string(), endTime: shapes.string(),
});

/**
 * A stretch of the UTC week, in minutes since Monday 00:00 UTC: `0 <= start < end <= 10080`. A window across the end
 * of the week is two intervals.
 */
export interface WeeklyInterval {
  readonly start: number;
  readonly end: number;
}

export const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of a valid `HH:MM`. */
export function minutesOfDay(time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  return hour * 60 + minute;
}

/** `HH:MM` of minutes since midnight (0-1439). */
function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The length of a peak in minutes: from its start to its end, on the next day when the end is not after the start. */
export function peakMinutes(peak: Pick<PeakWindow, 'startTime' | 'endTime'>): number {
  const start = minutesOfDay(peak.startTime);
  const end = minutesOfDay(peak.endTime);
  return end > start ? end - start : end + MINUTES_PER_DAY - start;
}

/** `+HH:MM` / `-HH:MM` of an offset in minutes. */
export function formatUtcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${hhmm(abs)}`;
}

/** A minute of the UTC week as people read it: `Saturday 01:00 UTC`. */
export function describeWeekMinute(minute: number): string {
  const m = mod(minute, MINUTES_PER_WEEK);
  return `${DAYS_OF_WEEK[Math.floor(m / MINUTES_PER_DAY)]} ${hhmm(m % MINUTES_PER_DAY)} UTC`;
}

function mod(value: number, by: number): number {
  return ((value % by) + by) % by;
}

/** UTC offset of a zone at an instant, in minutes, as Intl reckons it (`GMT+05:45` is 345, `GMT` 0). */
function offsetAt(timeZone: string, instant: number): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(part?.value ?? '');
  if (!m) throw new Error(`Intl gave no UTC offset for time zone '${timeZone}' (got '${part?.value}')`);
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The offsets a zone keeps over the year: standard time and daylight time (equal where the zone has no DST). */
export interface ZoneOffsets {
  /** The smaller offset, in minutes east of UTC (winter in the north, July in the south). */
  readonly standard: number;
  /** The larger offset, in minutes (equal to `standard` without DST). */
  readonly daylight: number;
}

/**
 * The standard and daylight offsets of an IANA zone, read from Intl on 15 January and 15 July of the current year (one
 * of them is in DST wherever DST is kept, north or south of the equator). Throws a RangeError for an unknown zone;
 * check it first with {@link checkTimeZone}.
 */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  const year = new Date().getUTCFullYear();
  const january = offsetAt(timeZone, Date.UTC(year, 0, 15, 12));
  const july = offsetAt(timeZone, Date.UTC(year, 6, 15, 12));
  return { standard: Math.min(january, july), daylight: Math.max(january, july) };
}

/** The interval(s) of `duration` minutes from a minute of the week, split at the end of the week. */
function span(start: number, duration: number): WeeklyInterval[] {
  if (duration >= MINUTES_PER_WEEK) return [{ start: 0, end: MINUTES_PER_WEEK }];
  const s = mod(start, MINUTES_PER_WEEK);
  const e = s + duration;
  return e <= MINUTES_PER_WEEK ? [{ start: s, end: e }] : [{ start: s, end: MINUTES_PER_WEEK }, { start: 0, end: e - MINUTES_PER_WEEK }];
}

/** The union of intervals, sorted and merged (touching intervals merge). */
export function union(intervals: readonly WeeklyInterval[]): WeeklyInterval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ start: i.start, end: i.end });
  }
  return merged;
}

/** The intervals both lists cover (empty when they do not overlap; touching is no overlap). */
export function intersection(a: readonly WeeklyInterval[], b: readonly WeeklyInterval[]): WeeklyInterval[] {
  const out: WeeklyInterval[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) out.push({ start, end });
    }
  }
  return union(out);
}

/** Whether two interval lists share a minute (intervals are half-open: one ending at 06:00 and one starting then do not). */
export function overlaps(a: readonly WeeklyInterval[], b: readonly WeeklyInterval[]): boolean {
  return intersection(a, b).length > 0;
}

/** The UTC intervals of a local weekly window at one fixed offset (minutes east of UTC). */
export function toUtcIntervalsAtOffset(days: readonly DayOfWeek[], startTime: string, durationMinutes: number, offsetMinutes: number): WeeklyInterval[] {
  const start = minutesOfDay(startTime);
  return union(days.flatMap((day) => span(DAYS_OF_WEEK.indexOf(day) * MINUTES_PER_DAY + start - offsetMinutes, durationMinutes)));
}

/**
 * The UTC intervals a local weekly window covers over a whole year: the union of where it lies in standard time and
 * in daylight time (so a window that keeps its local hours is covered on both sides of a DST change), wrapped around
 * the end of the week. Sunday 23:00 for 4 hours at UTC lies in Sunday 23:00-24:00 and Monday 00:00-03:00.
 */
export function toUtcIntervals(days: readonly DayOfWeek[], startTime: string, durationMinutes: number, timeZone: string): WeeklyInterval[] {
  const { standard, daylight } = zoneOffsets(timeZone);
  return union([...toUtcIntervalsAtOffset(days, startTime, durationMinutes, standard), ...toUtcIntervalsAtOffset(days, startTime, durationMinutes, daylight)]);
}

/** The UTC intervals of a set of peaks in a zone, over the whole year. */
export function peakIntervals(peaks: readonly PeakWindow[], timeZone: string): WeeklyInterval[] {
  return union(peaks.flatMap((p) => toUtcIntervals(p.days, p.startTime, peakMinutes(p), timeZone)));
}

/**
 * The UTC interval(s) of a checked maintenance window. Its `utcOffset` is fixed, so it lies at the same UTC hours all
 * year (its local hours drift by the zone's DST shift).
 */
export function maintenanceIntervals(window: CheckedMaintenanceWindow): WeeklyInterval[] {
  const utc = utcWeeklyStart(window);
  // utcWeeklyStart counts days from Sunday; the week here starts on Monday.
  const start = mod(utc.dayOfWeek - 1, 7) * MINUTES_PER_DAY + utc.startHour * 60 + utc.startMinute;
  return span(start, window.durationHours * 60);
}

/** Why a token cannot stand in a peak or time zone. */
const TOKEN_PROBLEM = 'a Terraform token is unknown until apply, and peak hours and time zones are computed with at synth time';

/**
 * Checks a peak window (its shape is checked with the props): at least one day, each a day of the week and listed
 * once, a 24-hour `HH:MM` start and end, and an end other than the start. Every violation is recorded in `checks`
 * under `prop`; the result is the peak when it is sound, `undefined` when it is not (leave it out of the arithmetic).
 */
export function checkPeakWindow(checks: Checks, prop: string, window: PeakWindow | undefined): PeakWindow | undefined {
  const given = (window ?? {}) as Partial<PeakWindow>;
  const days = checkDays(checks, `${prop}.days`, given.days);
  const startTime = checkTime(checks, `${prop}.startTime`, given.startTime, "'17:00'");
  const endTime = checkTime(checks, `${prop}.endTime`, given.endTime, "'23:00', or '00:00' for midnight");
  if (startTime !== undefined && endTime !== undefined && startTime === endTime) {
    checks.fail({
      prop: `${prop}.endTime`, value: endTime,
      problem: `the peak ends when it starts (${startTime}), so its length is unclear (no time, or the whole day)`,
      fix: "give the hour the peak ends, e.g. startTime '00:00' and endTime '23:59' for all day, or leave the day out",
    });
    return undefined;
  }
  return days && startTime !== undefined && endTime !== undefined ? { days, startTime, endTime } : undefined;
}

function checkDays(checks: Checks, prop: string, days: unknown): DayOfWeek[] | undefined {
  if (!Array.isArray(days) || days.length === 0) {
    checks.fail({
      prop, value: days,
      problem: Array.isArray(days) ? 'no days: the peak would never happen' : `expected a list of days, got ${describeValue(days)}`,
      fix: "list the days the peak starts on, e.g. ['Friday', 'Saturday', 'Sunday']",
    });
    return undefined;
  }
  let sound = true;
  const seen = new Set<string>();
  days.forEach((day, i) => {
    const checked = checks.oneOf<string>(`${prop}[${i}]`, day, DAYS_OF_WEEK, '', 'not a day of the week');
    if (checked === '') sound = false;
    else if (seen.has(checked)) {
      checks.fail({ prop: `${prop}[${i}]`, value: day, problem: `'${day}' is listed twice`, fix: 'list each day once' });
      sound = false;
    }
    seen.add(checked);
  });
  return sound ? (days as DayOfWeek[]) : undefined;
}

function checkTime(checks: Checks, prop: string, time: unknown, example: string): string | undefined {
  if (typeof time === 'string' && HH_MM.test(time)) return time;
  checks.fail({
    prop, value: time,
    problem: typeof time === 'string' && Token.isUnresolved(time) ? TOKEN_PROBLEM : `not a 24-hour HH:MM time${typeof time === 'string' ? '' : `; got ${describeValue(time)}`}`,
    fix: `write it like ${example}`,
  });
  return undefined;
}

const BARE_OFFSET = /^\s*(UTC|GMT|Z)?\s*[-+\u2212]?\s*\d/i;

/**
 * Checks an IANA time zone name (`Europe/Berlin`): one Intl knows, and not a bare offset (`+02:00`, `UTC+2`), which
 * would lose the zone's daylight-saving rules. Records a violation under `prop` and returns `undefined` when it fails.
 */
export function checkTimeZone(checks: Checks, prop: string, zone: string | undefined): string | undefined {
  const fix = "give an IANA time zone name such as 'Europe/Berlin' or 'America/New_York' (its daylight-saving rules come with it)";
  if (typeof zone !== 'string' || Token.isUnresolved(zone)) {
    checks.fail({ prop, value: zone, problem: typeof zone === 'string' ? TOKEN_PROBLEM : `expected an IANA time zone name, got ${describeValue(zone)}`, fix });
    return undefined;
  }
  if (BARE_OFFSET.test(zone)) {
    checks.fail({ prop, value: zone, problem: 'a fixed UTC offset, not a time zone: it would ignore daylight saving time', fix });
    return undefined;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    const known = Intl.supportedValuesOf('timeZone');
    const near = zone.length > 0 ? closest(zone, known) : undefined;
    const close = near !== undefined && distance(zone.toLowerCase(), near.toLowerCase()) <= Math.max(2, Math.floor(zone.length / 4));
    checks.fail({ prop, value: zone, problem: 'not an IANA time zone name that Intl (the tz database) knows', fix: close ? `did you mean '${near}'?` : fix });
    return undefined;
  }
}

/** A region of the platform as the maintenance arithmetic sees it. */
export interface RegionZone {
  /** Programmatic region name, e.g. `eastus`. */
  readonly name: string;
  /** The region's IANA time zone (`RegionInfo.timeZone`). */
  readonly timeZone: string;
}

/** What {@link offPeakMaintenanceWindows} plans from. */
export interface OffPeakInput {
  /** The platform's regions, in platform order (the first gets the earliest day). */
  readonly regions: readonly RegionZone[];
  /** The peak calendar (checked with {@link checkPeakWindow}). */
  readonly peaks: readonly PeakWindow[];
  /** The time zone of every peak, or `undefined` for each region's own zone (peaks in local hours everywhere). */
  readonly peakTimeZone?: string;
  /** Length of the AKS window in hours. @default 4 (the shortest AKS planned maintenance window) */
  readonly aksHours?: number;
  /** Length of the database window in hours. @default 1 (PostgreSQL flexible server custom windows last one hour) */
  readonly databaseHours?: number;
}

/** The default maintenance windows of one region; `undefined` where no off-peak night fits (the caller reports it). */
export interface OffPeakWindows {
  readonly region: string;
  readonly aks: CheckedMaintenanceWindow | undefined;
  readonly database: CheckedMaintenanceWindow | undefined;
}

/** Days tried, in order: mid-week first, then onwards, so a region forced off a day moves to a later one. */
const DAY_PREFERENCE: readonly DayOfWeek[] = ['Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday'];
/** Local (standard-time) start hours tried on each day: the middle of the night first. */
const START_PREFERENCE = ['02:00', '01:00', '03:00'];

/** The first preferred night whose window, at the zone's standard offset, avoids every blocked interval. */
function firstFreeNight(standardOffset: number, hours: number, blocked: readonly WeeklyInterval[]): CheckedMaintenanceWindow | undefined {
  const utcOffset = formatUtcOffset(standardOffset);
  for (const dayOfWeek of DAY_PREFERENCE) {
    for (const startTime of START_PREFERENCE) {
      const window = { dayOfWeek, startTime, durationHours: hours, utcOffset };
      if (!overlaps(maintenanceIntervals(window), blocked)) return window;
    }
  }
  return undefined;
}

/**
 * Default AKS and database maintenance windows for every region of a platform, in the region's local night, outside
 * the peaks and staggered so that no two windows of the platform overlap (no two regions in maintenance at once, and a
 * region's database window apart from its own AKS window).
 *
 * Each window opens between 01:00 and 03:00 local standard time (02:00 first) on the first day from Tuesday onwards
 * (Tuesday, Wednesday, ... Monday) that fits, so when windows collide the later region moves to a later day. It is
 * expressed with the region's standard-time `utcOffset`, a fixed offset the provider takes as is: the window keeps its
 * UTC hours all year, so under daylight saving time it opens an hour later by the local clock (02:00 becomes 03:00).
 * The peaks, which keep their local hours, are avoided in both standard and daylight time; the peak calendar is read
 * in `peakTimeZone`, or in each region's own zone when that is `undefined` (a region avoids its own peaks).
 *
 * One night of a zone holds one region (AKS 02:00-06:00 and the database 01:00-02:00 leave no 01:00-03:00 start
 * free), so regions of one zone take a night each: seven at most, fewer where peaks cover nights. Deterministic for the
 * same input and tz data. A window is `undefined` when no night fits (the peaks or the other regions' windows cover
 * every candidate night): the caller reports it as a ValidationError. The zones must be valid ({@link checkTimeZone}
 * first; Intl throws a RangeError for an unknown one).
 */
export function offPeakMaintenanceWindows(input: OffPeakInput): OffPeakWindows[] {
  const aksHours = input.aksHours ?? 4;
  const databaseHours = input.databaseHours ?? 1;
  const taken: WeeklyInterval[] = [];
  return input.regions.map((region) => {
    const peaks = peakIntervals(input.peaks, input.peakTimeZone ?? region.timeZone);
    const { standard } = zoneOffsets(region.timeZone);
    const aks = firstFreeNight(standard, aksHours, [...peaks, ...taken]);
    if (aks) taken.push(...maintenanceIntervals(aks));
    const database = firstFreeNight(standard, databaseHours, [...peaks, ...taken]);
    if (database) taken.push(...maintenanceIntervals(database));
    return { region: region.name, aks, database };
  });
}

/** A maintenance window of a region, to check against the peaks and the other windows. */
export interface PlacedWindow {
  readonly region: string;
  /** The region's IANA time zone (the peaks' zone when the calendar has none). */
  readonly timeZone: string;
  /** The prop the window was given under, e.g. `regions.eastus.kubernetes.maintenanceWindow`. */
  readonly prop: string;
  readonly window: CheckedMaintenanceWindow;
}

/** When a clash happens: all year, or only while the peak's zone keeps standard or daylight time. */
export type ClashSeason = 'all year' | 'standard time' | 'daylight saving time';

/** A maintenance window that falls in a peak. */
export interface PeakClash {
  readonly kind: 'peak';
  readonly window: PlacedWindow;
  /** The peak it falls in, and its index in the calendar. */
  readonly peak: PeakWindow;
  readonly peakIndex: number;
  /** The zone the peak was read in. */
  readonly peakTimeZone: string;
  /** Where the clash starts, as the earliest minute of the UTC week (Monday 00:00 first) it covers, e.g. `Saturday 01:00 UTC`. */
  readonly at: string;
  readonly season: ClashSeason;
}

/** Two maintenance windows of the platform that overlap. */
export interface WindowClash {
  readonly kind: 'overlap';
  readonly window: PlacedWindow;
  readonly other: PlacedWindow;
  /** The earliest minute of the UTC week (Monday 00:00 first) both cover. */
  readonly at: string;
}

/** A finding of {@link checkWindowAgainstPeaks}. */
export type MaintenanceFinding = PeakClash | WindowClash;

/** Whether a window holds a token (it resolves at apply time, so it cannot be placed in the week at synth time). */
function unresolved(w: CheckedMaintenanceWindow): boolean {
  return [w.dayOfWeek, w.startTime, w.utcOffset, w.durationHours].some((v) => Token.isUnresolved(v));
}

function peakClash(placed: PlacedWindow, intervals: readonly WeeklyInterval[], peak: PeakWindow, peakIndex: number, zone: string): PeakClash | undefined {
  const { standard, daylight } = zoneOffsets(zone);
  const length = peakMinutes(peak);
  const inStandard = intersection(intervals, toUtcIntervalsAtOffset(peak.days, peak.startTime, length, standard));
  const inDaylight = intersection(intervals, toUtcIntervalsAtOffset(peak.days, peak.startTime, length, daylight));
  const first = [...inStandard, ...inDaylight].sort((a, b) => a.start - b.start)[0];
  if (!first) return undefined;
  const season: ClashSeason = standard === daylight || (inStandard.length > 0 && inDaylight.length > 0) ? 'all year' : inStandard.length > 0 ? 'standard time' : 'daylight saving time';
  return { kind: 'peak', window: placed, peak, peakIndex, peakTimeZone: zone, at: describeWeekMinute(first.start), season };
}

/**
 * Checks maintenance windows (each with its region) against the peak calendar and against each other. Reports every
 * window that falls in a peak (which peak, from when, and in which season, since the window keeps its UTC hours while
 * the peak keeps its local ones) and every pair of windows that overlap (the caller decides which pairs matter, e.g.
 * two regions, or a region's database and AKS windows). Windows holding Terraform tokens are skipped. The peaks are
 * read in `peakTimeZone`, or in each window's region zone when that is `undefined`.
 */
export function checkWindowAgainstPeaks(windows: readonly PlacedWindow[], peaks: readonly PeakWindow[], peakTimeZone?: string): MaintenanceFinding[] {
  const placed = windows.filter((w) => !unresolved(w.window)).map((w) => ({ w, intervals: maintenanceIntervals(w.window) }));
  const findings: MaintenanceFinding[] = [];
  for (const { w, intervals } of placed) {
    peaks.forEach((peak, i) => {
      const clash = peakClash(w, intervals, peak, i, peakTimeZone ?? w.timeZone);
      if (clash) findings.push(clash);
    });
  }
  placed.forEach((a, i) => {
    for (const b of placed.slice(i + 1)) {
      const both = intersection(a.intervals, b.intervals);
      if (both.length > 0) findings.push({ kind: 'overlap', window: a.w, other: b.w, at: describeWeekMinute(both[0].start) });
    }
  });
  return findings;
}
