import { RootConstruct } from 'constructs';
import { Lazy, Token } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { CheckedMaintenanceWindow } from '../../lib/core/maintenance-window';
import { REGION_DATA } from '../../lib/core/region-data';
import { checkShape, Checks } from '../../lib/core/validate';
import {
  checkPeakWindow, checkTimeZone, checkWindowAgainstPeaks, describeWeekMinute, formatUtcOffset, intersection, maintenanceIntervals, MINUTES_PER_DAY, offPeakMaintenanceWindows,
  OffPeakWindows, overlaps, PEAK_WINDOW_SHAPE, PeakWindow, peakIntervals, peakMinutes, PlacedWindow, toUtcIntervals, union, WeeklyInterval, zoneOffsets,
} from '../../lib/core/weekly-time';

/** Unit tests of lib/core/weekly-time.ts: local weekly windows in the UTC week, peak checks, off-peak default maintenance windows. */

const scope = new RootConstruct('platform');
const DAY = MINUTES_PER_DAY;
/** Minute of the UTC week (Monday 00:00 = 0) of a day index (0 = Monday) and an HH:MM. */
const at = (day: number, time: string): number => day * DAY + Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const MON = 0, TUE = 1, FRI = 4, SAT = 5, SUN = 6;

/** The recorded violations of a check, as [prop, problem, fix]. */
function violations<T>(run: (checks: Checks) => T): { result: T; errors: [string, string, string][] } {
  const checks = new Checks(scope);
  const result = run(checks);
  try {
    checks.throwIfAny();
    return { result, errors: [] };
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return { result, errors: (e as ValidationError).violations.map((v) => [v.prop, v.problem, v.fix]) };
  }
}

const zone = (region: string): string => REGION_DATA.find((r) => r.name === region)!.timeZone;
const WEEKEND: PeakWindow = { days: ['Friday', 'Saturday', 'Sunday'], startTime: '17:00', endTime: '23:00' };

describe('zone offsets and UTC intervals', () => {
  test.each([
    ['America/New_York', -300, -240], ['Europe/Berlin', 60, 120], ['Australia/Sydney', 600, 660], ['Asia/Kolkata', 330, 330], ['Asia/Kathmandu', 345, 345],
    ['America/Phoenix', -420, -420], ['UTC', 0, 0],
  ])('%s: standard %p, daylight %p minutes east of UTC', (tz, standard, daylight) => {
    expect(zoneOffsets(tz)).toEqual({ standard, daylight });
  });

  test.each([
    // Monday 02:00-03:00 local, in standard and in daylight time.
    ['America/New_York', [{ start: at(MON, '06:00'), end: at(MON, '08:00') }]],
    ['Europe/Berlin', [{ start: at(MON, '00:00'), end: at(MON, '02:00') }]],
    // South of the equator DST is in January; both variants still fall on Sunday in UTC.
    ['Australia/Sydney', [{ start: at(SUN, '15:00'), end: at(SUN, '17:00') }]],
    ['Asia/Kolkata', [{ start: at(SUN, '20:30'), end: at(SUN, '21:30') }]],
    ['Asia/Kathmandu', [{ start: at(SUN, '20:15'), end: at(SUN, '21:15') }]],
  ])('Monday 02:00 for an hour in %s covers both DST variants', (tz, expected) => {
    expect(toUtcIntervals(['Monday'], '02:00', 60, tz)).toEqual(expected);
  });

  test('Sunday 23:00 + 4 h wraps around the end of the week', () => {
    expect(toUtcIntervals(['Sunday'], '23:00', 240, 'UTC')).toEqual([{ start: 0, end: at(MON, '03:00') }, { start: at(SUN, '23:00'), end: 7 * DAY }]);
    // Berlin: Sunday 22:00 (standard) or 21:00 (daylight) UTC to Monday 02:00 or 01:00.
    expect(toUtcIntervals(['Sunday'], '23:00', 240, 'Europe/Berlin')).toEqual([{ start: 0, end: at(MON, '02:00') }, { start: at(SUN, '21:00'), end: 7 * DAY }]);
    // New York: the whole window moves into Monday UTC.
    expect(toUtcIntervals(['Sunday'], '23:00', 240, 'America/New_York')).toEqual([{ start: at(MON, '03:00'), end: at(MON, '08:00') }]);
    // Tokyo: Monday 01:00 local is Sunday 16:00 UTC (wrapping backwards).
    expect(toUtcIntervals(['Monday'], '01:00', 240, 'Asia/Tokyo')).toEqual([{ start: at(SUN, '16:00'), end: at(SUN, '20:00') }]);
  });

  test('several days, merged where they touch', () => {
    expect(toUtcIntervals(['Monday', 'Tuesday'], '00:00', DAY, 'UTC')).toEqual([{ start: 0, end: 2 * DAY }]);
    expect(toUtcIntervals(['Sunday', 'Monday'], '12:00', 60, 'UTC')).toEqual([{ start: at(MON, '12:00'), end: at(MON, '13:00') }, { start: at(SUN, '12:00'), end: at(SUN, '13:00') }]);
  });

  test('a peak ending at midnight lasts to the end of its day; one ending before its start runs into the next day', () => {
    expect(peakMinutes({ startTime: '17:00', endTime: '00:00' })).toBe(7 * 60);
    expect(peakMinutes({ startTime: '22:00', endTime: '02:00' })).toBe(4 * 60);
    expect(peakMinutes({ startTime: '09:00', endTime: '17:30' })).toBe(8 * 60 + 30);
    const friday = peakIntervals([{ days: ['Friday'], startTime: '17:00', endTime: '00:00' }], 'UTC');
    expect(friday).toEqual([{ start: at(FRI, '17:00'), end: at(SAT, '00:00') }]);
    expect(overlaps(friday, [{ start: at(SAT, '00:00'), end: at(SAT, '04:00') }])).toBe(false);
    expect(overlaps(friday, [{ start: at(FRI, '23:00'), end: at(SAT, '03:00') }])).toBe(true);
    // A Sunday peak to midnight ends exactly at the end of the week.
    expect(peakIntervals([{ days: ['Sunday'], startTime: '20:00', endTime: '00:00' }], 'UTC')).toEqual([{ start: at(SUN, '20:00'), end: 7 * DAY }]);
  });

  test('overlaps: half-open intervals, lists', () => {
    const a: WeeklyInterval[] = [{ start: 100, end: 200 }, { start: 500, end: 600 }];
    expect(overlaps(a, [{ start: 200, end: 500 }])).toBe(false);
    expect(overlaps(a, [{ start: 199, end: 201 }])).toBe(true);
    expect(overlaps(a, [{ start: 550, end: 560 }])).toBe(true);
    expect(overlaps(a, [])).toBe(false);
    expect(intersection(a, [{ start: 150, end: 550 }])).toEqual([{ start: 150, end: 200 }, { start: 500, end: 550 }]);
    expect(union([{ start: 5, end: 10 }, { start: 0, end: 5 }, { start: 20, end: 30 }, { start: 25, end: 26 }])).toEqual([{ start: 0, end: 10 }, { start: 20, end: 30 }]);
  });

  test('a maintenance window keeps its UTC hours: one interval, from its fixed offset, wrapped at the week end', () => {
    const w = (dayOfWeek: CheckedMaintenanceWindow['dayOfWeek'], startTime: string, utcOffset: string, durationHours = 4): CheckedMaintenanceWindow => ({ dayOfWeek, startTime, utcOffset, durationHours });
    expect(maintenanceIntervals(w('Tuesday', '02:00', '-05:00'))).toEqual([{ start: at(TUE, '07:00'), end: at(TUE, '11:00') }]);
    expect(maintenanceIntervals(w('Monday', '01:00', '+09:00'))).toEqual([{ start: at(SUN, '16:00'), end: at(SUN, '20:00') }]);
    expect(maintenanceIntervals(w('Sunday', '23:00', '+00:00'))).toEqual([{ start: at(SUN, '23:00'), end: 7 * DAY }, { start: 0, end: at(MON, '03:00') }]);
    expect(maintenanceIntervals(w('Monday', '02:00', '+05:45', 1))).toEqual([{ start: at(SUN, '20:15'), end: at(SUN, '21:15') }]);
  });

  test('describeWeekMinute', () => {
    expect(describeWeekMinute(0)).toBe('Monday 00:00 UTC');
    expect(describeWeekMinute(at(SAT, '01:30'))).toBe('Saturday 01:30 UTC');
    expect(describeWeekMinute(7 * DAY + 5)).toBe('Monday 00:05 UTC');
  });
});

describe('checkPeakWindow', () => {
  test('a sound peak is returned as given', () => {
    expect(violations((c) => checkPeakWindow(c, 'demand.peaks[0]', WEEKEND))).toEqual({ result: WEEKEND, errors: [] });
    const midnight: PeakWindow = { days: ['Saturday'], startTime: '18:00', endTime: '00:00' };
    expect(violations((c) => checkPeakWindow(c, 'p', midnight)).result).toEqual(midnight);
  });

  const token = Lazy.stringValue({ produce: () => '17:00' });
  test.each<[string, unknown, [string, string, string][]]>([
    ['no days', { days: [], startTime: '17:00', endTime: '23:00' }, [['p.days', 'no days: the peak would never happen', "list the days the peak starts on, e.g. ['Friday', 'Saturday', 'Sunday']"]]],
    ['days not a list', { days: 'Friday', startTime: '17:00', endTime: '23:00' }, [['p.days', 'expected a list of days, got the string "Friday"', "list the days the peak starts on, e.g. ['Friday', 'Saturday', 'Sunday']"]]],
    ['a duplicate day', { days: ['Friday', 'Saturday', 'Friday'], startTime: '17:00', endTime: '23:00' }, [['p.days[2]', "'Friday' is listed twice", 'list each day once']]],
    ['a bad start', { days: ['Friday'], startTime: '5pm', endTime: '23:00' }, [['p.startTime', 'not a 24-hour HH:MM time', "write it like '17:00'"]]],
    ['24:00 as end', { days: ['Friday'], startTime: '17:00', endTime: '24:00' }, [['p.endTime', 'not a 24-hour HH:MM time', "write it like '23:00', or '00:00' for midnight"]]],
    ['a missing end', { days: ['Friday'], startTime: '17:00' }, [['p.endTime', 'not a 24-hour HH:MM time; got nothing (undefined)', "write it like '23:00', or '00:00' for midnight"]]],
    ['start == end', { days: ['Friday'], startTime: '17:00', endTime: '17:00' }, [['p.endTime', 'the peak ends when it starts (17:00), so its length is unclear (no time, or the whole day)', "give the hour the peak ends, e.g. startTime '00:00' and endTime '23:59' for all day, or leave the day out"]]],
    ['a token', { days: ['Friday'], startTime: token, endTime: '23:00' }, [['p.startTime', 'a Terraform token is unknown until apply, and peak hours and time zones are computed with at synth time', "write it like '17:00'"]]],
  ])('%s', (_name, peak, errors) => {
    expect(violations((c) => checkPeakWindow(c, 'p', peak as PeakWindow))).toEqual({ result: undefined, errors });
  });

  test('an unknown day: named, with the closest day', () => {
    const { result, errors } = violations((c) => checkPeakWindow(c, 'p', { days: ['Friday', 'Fridy' as never], startTime: '17:00', endTime: '23:00' }));
    expect(result).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0][0]).toBe('p.days[1]');
    expect(errors[0][1]).toMatch(/^not a day of the week \(expected 'Monday', .*'Sunday', got the string "Fridy"\)$/);
    expect(errors[0][2]).toMatch(/^did you mean 'Friday'\?/);
  });

  test('every violation at once', () => {
    const { errors } = violations((c) => checkPeakWindow(c, 'p', { days: [], startTime: 'noon', endTime: '25:00' }));
    expect(errors.map((e) => e[0])).toEqual(['p.days', 'p.startTime', 'p.endTime']);
    expect(violations((c) => checkPeakWindow(c, 'p', undefined)).errors.map((e) => e[0])).toEqual(['p.days', 'p.startTime', 'p.endTime']);
  });

  test('PEAK_WINDOW_SHAPE: every field required, unknown keys and days refused', () => {
    expect(() => checkShape(scope, 'peaks[0]', WEEKEND, PEAK_WINDOW_SHAPE)).not.toThrow();
    const refused = (value: unknown): string[] => {
      try {
        checkShape(scope, 'peaks[0]', value, PEAK_WINDOW_SHAPE);
      } catch (e) {
        return (e as ValidationError).violations.map((v) => `${v.prop}: ${v.problem}`);
      }
      return [];
    };
    expect(refused({ ...WEEKEND, timeZone: 'UTC' })).toEqual(["peaks[0].timeZone: unknown option 'timeZone', which would be ignored"]);
    expect(refused({ ...WEEKEND, days: ['Fri'] })[0]).toMatch(/^peaks\[0\]\.days\[0\]: expected one of 'Monday'/);
    expect(refused({ days: ['Friday'], startTime: '17:00' })).toEqual(['peaks[0].endTime: expected a string, got nothing (undefined)']);
  });
});

describe('checkTimeZone', () => {
  test.each(['Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'UTC', 'Australia/Sydney'])('%s is a time zone', (tz) => {
    expect(violations((c) => checkTimeZone(c, 'demand.timeZone', tz))).toEqual({ result: tz, errors: [] });
  });

  const FIX = "give an IANA time zone name such as 'Europe/Berlin' or 'America/New_York' (its daylight-saving rules come with it)";
  const OFFSET = 'a fixed UTC offset, not a time zone: it would ignore daylight saving time';
  test.each<[unknown, string, string]>([
    ['+02:00', OFFSET, FIX], ['-05:00', OFFSET, FIX], ['UTC+2', OFFSET, FIX], ['GMT-5', OFFSET, FIX], ['2', OFFSET, FIX],
    ['Europe/Berln', 'not an IANA time zone name that Intl (the tz database) knows', "did you mean 'Europe/Berlin'?"],
    ['Mars/Olympus_Mons', 'not an IANA time zone name that Intl (the tz database) knows', FIX],
    ['', 'not an IANA time zone name that Intl (the tz database) knows', FIX],
    [undefined, 'expected an IANA time zone name, got nothing (undefined)', FIX],
    [Lazy.stringValue({ produce: () => 'UTC' }), 'a Terraform token is unknown until apply, and peak hours and time zones are computed with at synth time', FIX],
  ])('%p is refused', (tz, problem, fix) => {
    expect(violations((c) => checkTimeZone(c, 'demand.timeZone', tz as string))).toEqual({ result: undefined, errors: [['demand.timeZone', problem, fix]] });
  });
});

/** Every window of a plan, with its region, for checking. */
function placed(plan: readonly OffPeakWindows[], zones: Record<string, string>): PlacedWindow[] {
  return plan.flatMap((p) => [
    { region: p.region, timeZone: zones[p.region], prop: `${p.region}.aks`, window: p.aks! },
    { region: p.region, timeZone: zones[p.region], prop: `${p.region}.database`, window: p.database! },
  ]);
}

describe('offPeakMaintenanceWindows', () => {
  const regions = (...names: string[]) => names.map((name) => ({ name, timeZone: zone(name) }));

  test('one region without peaks: Tuesday 02:00 local standard time for AKS (4 h), the hour before for the database', () => {
    expect(offPeakMaintenanceWindows({ regions: regions('eastus'), peaks: [] })).toEqual([{
      region: 'eastus',
      aks: { dayOfWeek: 'Tuesday', startTime: '02:00', durationHours: 4, utcOffset: '-05:00' },
      database: { dayOfWeek: 'Tuesday', startTime: '01:00', durationHours: 1, utcOffset: '-05:00' },
    }]);
  });

  test('standard-time offsets, north and south, with minutes', () => {
    const plan = offPeakMaintenanceWindows({ regions: [{ name: 'a', timeZone: 'Australia/Sydney' }, { name: 'b', timeZone: 'Asia/Kathmandu' }, { name: 'c', timeZone: 'Europe/Berlin' }], peaks: [] });
    expect(plan.map((p) => [p.aks!.utcOffset, p.database!.utcOffset])).toEqual([['+10:00', '+10:00'], ['+05:45', '+05:45'], ['+01:00', '+01:00']]);
  });

  test('two regions in the same zone are staggered: the second takes the next day', () => {
    const plan = offPeakMaintenanceWindows({ regions: regions('eastus', 'eastus2'), peaks: [WEEKEND] });
    expect(plan.map((p) => [p.region, p.aks!.dayOfWeek, p.aks!.startTime, p.database!.dayOfWeek, p.database!.startTime])).toEqual([
      ['eastus', 'Tuesday', '02:00', 'Tuesday', '01:00'], ['eastus2', 'Wednesday', '02:00', 'Wednesday', '01:00'],
    ]);
    expect(checkWindowAgainstPeaks(placed(plan, { eastus: zone('eastus'), eastus2: zone('eastus2') }), [WEEKEND])).toEqual([]);
  });

  test('five regions in the same zone: a later day each, none in maintenance at once, none in the weekend peaks', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const plan = offPeakMaintenanceWindows({ regions: names.map((name) => ({ name, timeZone: 'America/New_York' })), peaks: [WEEKEND] });
    expect(plan.map((p) => p.aks!.dayOfWeek)).toEqual(['Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect(plan.every((p) => p.aks!.startTime === '02:00' && p.aks!.durationHours === 4 && p.database!.durationHours === 1)).toBe(true);
    const zones = Object.fromEntries(names.map((n) => [n, 'America/New_York']));
    expect(checkWindowAgainstPeaks(placed(plan, zones), [WEEKEND])).toEqual([]);
    // The same plan again: deterministic.
    expect(offPeakMaintenanceWindows({ regions: names.map((name) => ({ name, timeZone: 'America/New_York' })), peaks: [WEEKEND] })).toEqual(plan);
  });

  test('different zones (eastus, westeurope): each in its own night, which already keeps them apart', () => {
    const plan = offPeakMaintenanceWindows({ regions: regions('eastus', 'westeurope'), peaks: [WEEKEND] });
    expect(plan.map((p) => [p.aks!.dayOfWeek, p.aks!.startTime, p.aks!.utcOffset])).toEqual([['Tuesday', '02:00', '-05:00'], ['Tuesday', '02:00', '+01:00']]);
    expect(checkWindowAgainstPeaks(placed(plan, { eastus: zone('eastus'), westeurope: zone('westeurope') }), [WEEKEND])).toEqual([]);
  });

  test('five regions around the world with weekend peaks in their own zones: every window avoids the peaks and the others', () => {
    const names = ['eastus', 'westeurope', 'koreacentral', 'australiaeast', 'westus3'];
    const plan = offPeakMaintenanceWindows({ regions: regions(...names), peaks: [WEEKEND] });
    expect(plan.every((p) => p.aks && p.database)).toBe(true);
    expect(checkWindowAgainstPeaks(placed(plan, Object.fromEntries(names.map((n) => [n, zone(n)]))), [WEEKEND])).toEqual([]);
    // Every window opens in the local night (01:00-03:00 standard time).
    expect(plan.every((p) => ['01:00', '02:00', '03:00'].includes(p.aks!.startTime) && ['01:00', '02:00', '03:00'].includes(p.database!.startTime))).toBe(true);
  });

  test('weekend peaks over the nights leave four nights: four regions fit, the fifth gets none', () => {
    const nights: PeakWindow = { days: ['Friday', 'Saturday', 'Sunday'], startTime: '17:00', endTime: '08:00' };
    const names = ['a', 'b', 'c', 'd', 'e'];
    const plan = offPeakMaintenanceWindows({ regions: names.map((name) => ({ name, timeZone: 'Europe/Berlin' })), peaks: [nights] });
    // Friday night's peak runs into Saturday, Sunday's into Monday: Saturday, Sunday and Monday nights are taken.
    // One night holds one region (AKS 02:00-06:00, database 01:00-02:00), so the fifth region finds no free night.
    expect(plan.map((p) => [p.aks?.dayOfWeek, p.database?.dayOfWeek])).toEqual([
      ['Tuesday', 'Tuesday'], ['Wednesday', 'Wednesday'], ['Thursday', 'Thursday'], ['Friday', 'Friday'], [undefined, undefined],
    ]);
    expect(checkWindowAgainstPeaks(placed(plan.slice(0, 4), Object.fromEntries(names.map((n) => [n, 'Europe/Berlin']))), [nights])).toEqual([]);
  });

  test('peaks in one time zone for all regions: a Korean night that is a New York peak is avoided', () => {
    const newYorkMidday: PeakWindow = { days: ['Monday', 'Tuesday'], startTime: '11:00', endTime: '15:00' };
    const own = offPeakMaintenanceWindows({ regions: regions('koreacentral'), peaks: [newYorkMidday] });
    expect(own[0].aks!.dayOfWeek).toBe('Tuesday');
    // Tuesday and Wednesday 01:00-07:00 in Seoul are Monday and Tuesday 11:00-17:00 (or 12:00-18:00) in New York.
    const shared = offPeakMaintenanceWindows({ regions: regions('koreacentral'), peaks: [newYorkMidday], peakTimeZone: 'America/New_York' });
    expect(shared[0].aks).toEqual({ dayOfWeek: 'Thursday', startTime: '02:00', durationHours: 4, utcOffset: '+09:00' });
    expect(checkWindowAgainstPeaks(placed(shared, { koreacentral: zone('koreacentral') }), [newYorkMidday], 'America/New_York')).toEqual([]);
  });

  test('peaks over every night: nothing fits, and the windows are undefined for the caller to report', () => {
    const allNights: PeakWindow = { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], startTime: '22:00', endTime: '08:00' };
    expect(offPeakMaintenanceWindows({ regions: regions('eastus', 'westeurope'), peaks: [allNights] })).toEqual([
      { region: 'eastus', aks: undefined, database: undefined }, { region: 'westeurope', aks: undefined, database: undefined },
    ]);
    const wholeWeek: PeakWindow = { ...allNights, startTime: '00:00', endTime: '23:59' };
    expect(offPeakMaintenanceWindows({ regions: regions('westus3'), peaks: [wholeWeek] })[0]).toEqual({ region: 'westus3', aks: undefined, database: undefined });
  });

  test('lengths are honoured: a longer AKS window, and windows never overlap within a region', () => {
    const plan = offPeakMaintenanceWindows({ regions: regions('uksouth', 'ukwest'), peaks: [], aksHours: 8, databaseHours: 1 });
    expect(plan.map((p) => [p.aks!.durationHours, p.database!.durationHours])).toEqual([[8, 1], [8, 1]]);
    const windows = placed(plan, { uksouth: 'Europe/London', ukwest: 'Europe/London' });
    expect(checkWindowAgainstPeaks(windows, [])).toEqual([]);
  });
});

describe('checkWindowAgainstPeaks', () => {
  const eastus = (window: CheckedMaintenanceWindow, prop = 'kubernetes.maintenanceWindow'): PlacedWindow => ({ region: 'eastus', timeZone: 'America/New_York', prop, window });

  test('today\'s default, Sunday 02:00 UTC, falls in the US Saturday evening peak all year', () => {
    const w = eastus({ dayOfWeek: 'Sunday', startTime: '02:00', durationHours: 4, utcOffset: '+00:00' });
    expect(checkWindowAgainstPeaks([w], [WEEKEND])).toEqual([{ kind: 'peak', window: w, peak: WEEKEND, peakIndex: 0, peakTimeZone: 'America/New_York', at: 'Sunday 02:00 UTC', season: 'all year' }]);
  });

  test('a window inside a peak is found, with which peak', () => {
    const weekday: PeakWindow = { days: ['Monday'], startTime: '08:00', endTime: '10:00' };
    const w = eastus({ dayOfWeek: 'Saturday', startTime: '18:00', durationHours: 4, utcOffset: '-05:00' });
    const findings = checkWindowAgainstPeaks([w], [weekday, WEEKEND]);
    expect(findings.map((f) => f.kind === 'peak' && [f.peakIndex, f.at, f.season])).toEqual([[1, 'Saturday 23:00 UTC', 'all year']]);
  });

  test('a window that touches the peak only in standard or only in daylight time says so', () => {
    // Saturday's peak ends at Sunday 04:00 UTC in winter and 03:00 UTC in summer.
    const winter = eastus({ dayOfWeek: 'Sunday', startTime: '03:30', durationHours: 1, utcOffset: '+00:00' });
    expect(checkWindowAgainstPeaks([winter], [WEEKEND]).map((f) => f.kind === 'peak' && [f.at, f.season])).toEqual([['Sunday 03:30 UTC', 'standard time']]);
    // Friday's peak opens at 22:00 UTC in winter and 21:00 UTC in summer.
    const summer = eastus({ dayOfWeek: 'Friday', startTime: '20:00', durationHours: 2, utcOffset: '+00:00' });
    expect(checkWindowAgainstPeaks([summer], [WEEKEND]).map((f) => f.kind === 'peak' && [f.at, f.season])).toEqual([['Friday 21:00 UTC', 'daylight saving time']]);
    // Kolkata keeps no DST: a clash is all year.
    const india: PlacedWindow = { region: 'centralindia', timeZone: 'Asia/Kolkata', prop: 'w', window: { dayOfWeek: 'Friday', startTime: '22:00', durationHours: 1, utcOffset: '+05:30' } };
    expect(checkWindowAgainstPeaks([india], [WEEKEND]).map((f) => f.kind === 'peak' && f.season)).toEqual(['all year']);
  });

  test('peaks read in one zone for every region', () => {
    const seoul: PlacedWindow = { region: 'koreacentral', timeZone: 'Asia/Seoul', prop: 'w', window: { dayOfWeek: 'Sunday', startTime: '09:00', durationHours: 4, utcOffset: '+09:00' } };
    // Sunday 09:00 in Seoul is Saturday 19:00 or 20:00 in New York.
    expect(checkWindowAgainstPeaks([seoul], [WEEKEND])).toEqual([]);
    expect(checkWindowAgainstPeaks([seoul], [WEEKEND], 'America/New_York').map((f) => f.kind === 'peak' && [f.peakTimeZone, f.at])).toEqual([['America/New_York', 'Sunday 00:00 UTC']]);
  });

  test('two regions\' windows that overlap are reported once, as a pair; windows side by side are not', () => {
    const a = eastus({ dayOfWeek: 'Tuesday', startTime: '02:00', durationHours: 4, utcOffset: '-05:00' });
    const b: PlacedWindow = { region: 'westeurope', timeZone: 'Europe/Amsterdam', prop: 'w', window: { dayOfWeek: 'Tuesday', startTime: '09:00', durationHours: 4, utcOffset: '+01:00' } };
    const c: PlacedWindow = { ...b, window: { ...b.window, startTime: '12:00' } };
    expect(checkWindowAgainstPeaks([a, b, c], [])).toEqual([
      { kind: 'overlap', window: a, other: b, at: 'Tuesday 08:00 UTC' },
      { kind: 'overlap', window: b, other: c, at: 'Tuesday 11:00 UTC' },
    ]);
    const d: PlacedWindow = { ...b, window: { ...b.window, startTime: '12:00', durationHours: 1 } };
    expect(checkWindowAgainstPeaks([a, d], [])).toEqual([]);
  });

  test('a window holding a Terraform token is skipped', () => {
    const w = eastus({ dayOfWeek: 'Sunday', startTime: Lazy.stringValue({ produce: () => '02:00' }), durationHours: 4, utcOffset: '+00:00' });
    expect(checkWindowAgainstPeaks([w, w], [WEEKEND])).toEqual([]);
  });
});

describe('edges of the week arithmetic', () => {
  test('a peak that ends when it starts lasts a whole day; offsets of zero and below', () => {
    expect(peakMinutes({ startTime: '10:00', endTime: '10:00' })).toBe(DAY);
    expect(peakMinutes({ startTime: '10:00', endTime: '10:01' })).toBe(1);
    expect([formatUtcOffset(0), formatUtcOffset(-330), formatUtcOffset(345)]).toEqual(['+00:00', '-05:30', '+05:45']);
    expect(zoneOffsets('UTC')).toEqual({ standard: 0, daylight: 0 });
  });

  test('a window of a whole week covers the week once; one that ends with the week is not split', () => {
    const week = (durationHours: number, dayOfWeek: CheckedMaintenanceWindow['dayOfWeek']): WeeklyInterval[] => maintenanceIntervals({ dayOfWeek, startTime: '20:00', durationHours, utcOffset: '+00:00' });
    expect(week(168, 'Wednesday')).toEqual([{ start: 0, end: 7 * DAY }]);
    expect(week(4, 'Sunday')).toEqual([{ start: at(SUN, '20:00'), end: 7 * DAY }]);
    expect(week(5, 'Sunday')).toEqual([{ start: at(SUN, '20:00'), end: 7 * DAY }, { start: 0, end: 60 }]);
  });

  test('union drops empty intervals', () => {
    expect(union([{ start: 500, end: 500 }, { start: 10, end: 20 }, { start: 30, end: 25 }])).toEqual([{ start: 10, end: 20 }]);
  });

  test('a clash seen earlier in daylight time than in standard time is reported from the earlier minute', () => {
    const window: PlacedWindow = { region: 'eastus2', timeZone: 'America/New_York', prop: 'w', window: { dayOfWeek: 'Saturday', startTime: '21:00', durationHours: 4, utcOffset: '+00:00' } };
    expect(checkWindowAgainstPeaks([window], [{ days: ['Saturday'], startTime: '18:00', endTime: '23:00' }], 'America/New_York').map((f) => [f.at, f.kind === 'peak' && f.season])).toEqual([['Saturday 22:00 UTC', 'all year']]);
  });

  test('a window with a token anywhere is skipped', () => {
    const sunday = { dayOfWeek: 'Sunday', startTime: '02:00', durationHours: 4, utcOffset: '+00:00' } as const;
    const placed = (prop: string, window: object): PlacedWindow => ({ region: 'r', timeZone: 'UTC', prop, window: window as CheckedMaintenanceWindow });
    // A token day reads as Sunday (the placeholder is not a day), so the two would overlap if the token were placed.
    expect(checkWindowAgainstPeaks([placed('a', sunday), placed('b', { ...sunday, dayOfWeek: Lazy.stringValue({ produce: () => 'Sunday' }) })], [])).toEqual([]);
    expect(checkWindowAgainstPeaks([placed('a', sunday), placed('b', sunday)], []).map((f) => f.kind)).toEqual(['overlap']);
  });

  test('the default nights move on to Sunday, then Monday, when the peaks take the others', () => {
    const nights = (days: PeakWindow['days']) => offPeakMaintenanceWindows({ regions: [{ name: 'r', timeZone: 'UTC' }], peaks: [{ days, startTime: '00:00', endTime: '08:00' }] })[0].aks?.dayOfWeek;
    expect(nights(['Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'])).toBe('Sunday');
    expect(nights(['Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])).toBe('Monday');
  });
});

describe('edges of the peak and time zone checks', () => {
  test.each<[string, Partial<PeakWindow>, [string, string][]]>([
    ['neither time an HH:MM', { startTime: 'x', endTime: 'y' }, [['p.startTime', 'not a 24-hour HH:MM time'], ['p.endTime', 'not a 24-hour HH:MM time']]],
    ['a digit before the time', { startTime: '117:00' }, [['p.startTime', 'not a 24-hour HH:MM time']]],
    ['a digit after the time', { endTime: '23:000' }, [['p.endTime', 'not a 24-hour HH:MM time']]],
    ['a time in a list', { startTime: ['17:00'] as never }, [['p.startTime', 'not a 24-hour HH:MM time; got a list']]],
    ['a number token as the time', { startTime: Token.asNumber({ Ref: 't' }) as never }, [['p.startTime', 'not a 24-hour HH:MM time; got a Terraform number token (unknown until apply)']]],
  ])('%s', (_name, change, expected) => {
    const { errors } = violations((checks) => checkPeakWindow(checks, 'p', { days: ['Friday'], startTime: '17:00', endTime: '23:00', ...change }));
    expect(errors.map(([prop, problem]) => [prop, problem])).toEqual(expected);
  });

  test('zones with digits in their names are zones; a near miss at the edge of the distance still gets its suggestion', () => {
    expect(violations((checks) => checkTimeZone(checks, 'tz', 'EST5EDT'))).toEqual({ result: 'EST5EDT', errors: [] });
    expect(violations((checks) => checkTimeZone(checks, 'tz', 'Asia/Tokiu')).errors.map(([, , fix]) => fix)).toEqual(["did you mean 'Asia/Tokyo'?"]);
    expect(violations((checks) => checkTimeZone(checks, 'tz', 'Europe/Bxxxin')).errors.map(([, , fix]) => fix)).toEqual(["did you mean 'Europe/Berlin'?"]);
  });
});
