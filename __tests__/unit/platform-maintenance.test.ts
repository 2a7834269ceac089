import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { Checks } from '../../lib/core/validate';
import { PeakWindow } from '../../lib/core/weekly-time';
import { DatabaseEngine } from '../../lib/database/engine';
import { planMaintenance } from '../../lib/platform/maintenance';
import { MultiRegionOrderPlatformProps } from '../../lib/platform/multi-region-order-platform-types';

/**
 * Unit tests of the maintenance plan (lib/platform/maintenance.ts), calling `planMaintenance` with plain props and
 * `RedundancyPattern.place` placements: default windows, windows given, and every violation with its problem and fix.
 */

type Props = MultiRegionOrderPlatformProps;
const ADMIN = { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' };

/** The plan and the violations (prop | problem | fix) for `p` with `peaks`. */
function plan(p: Partial<Props>, peaks: PeakWindow[] = [], peakTimeZone?: string) {
  const pattern = p.pattern ?? RedundancyPattern.zoneRedundant();
  const regions = p.regions ?? ['westus3'];
  const checks = new Checks(new Construct(Testing.app(), 'Platform'));
  const placements = pattern.place(checks.scope, regions);
  const windows = planMaintenance(checks, { prefix: 'shop', ...p, pattern, regions } as Props, placements, peaks, peakTimeZone);
  try {
    checks.throwIfAny();
    return { windows, errors: [] as string[] };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { windows, errors: e.violations.map((v) => `${v.prop} | ${v.problem} | ${v.fix}`) };
  }
}

const PG = { engine: DatabaseEngine.postgresql(), administrator: ADMIN };
const SQL = (o: object = {}) => ({ engine: DatabaseEngine.sql(o), administrator: ADMIN }) as Props['database'];
const SATURDAY_NIGHT: PeakWindow[] = [{ days: ['Saturday'], startTime: '18:00', endTime: '23:00' }];
const AA = { pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus2'] };
const at = (dayOfWeek: string, startTime: string, utcOffset = '+00:00', durationHours?: number) => ({ dayOfWeek, startTime, utcOffset, ...(durationHours ? { durationHours } : {}) }) as never;

describe('planMaintenance: default and given windows', () => {
  test('by default the cluster at 02:00 local standard time, the PostgreSQL servers in their own hour before it', () => {
    expect(plan({})).toEqual({ windows: { westus3: { kubernetes: { dayOfWeek: 'Tuesday', startTime: '02:00', durationHours: 4, utcOffset: '-07:00' } } }, errors: [] });
    expect(plan({ database: PG }).windows.westus3.database).toEqual({ dayOfWeek: 'Tuesday', startTime: '01:00', durationHours: 1, utcOffset: '-07:00' });
    expect(plan({ database: SQL() }).windows.westus3.database).toBeUndefined();
  });

  test('one region may take kubernetes.maintenanceWindow; a database window given is used', () => {
    expect(plan({ kubernetes: { maintenanceWindow: { dayOfWeek: 'Thursday' } } })).toEqual({ windows: { westus3: { kubernetes: { dayOfWeek: 'Thursday', startTime: '02:00', durationHours: 4, utcOffset: '+00:00' } } }, errors: [] });
    const given = plan({ database: PG, maintenanceWindows: { westus3: { database: at('Sunday', '03:00', '-07:00') } } });
    expect(given).toEqual({ windows: { westus3: { kubernetes: { dayOfWeek: 'Tuesday', startTime: '02:00', durationHours: 4, utcOffset: '-07:00' }, database: { dayOfWeek: 'Sunday', startTime: '03:00', durationHours: 1, utcOffset: '-07:00' } } }, errors: [] });
  });

  test('peaks on every night: no default fits, each missing window is refused, the cluster falls back to Sunday 02:00 UTC', () => {
    const all: PeakWindow[] = [{ days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], startTime: '00:00', endTime: '12:00' }];
    expect(plan({ database: PG }, all)).toEqual({
      windows: { westus3: { kubernetes: { dayOfWeek: 'Sunday', startTime: '02:00', durationHours: 4, utcOffset: '+00:00' } } },
      errors: [
        "maintenanceWindows.westus3.kubernetes | no night of the week in westus3 is outside the peaks and the other regions' windows | give maintenanceWindows.westus3.kubernetes yourself, or shorten the peaks",
        "maintenanceWindows.westus3.database | no night of the week in westus3 is outside the peaks and the other regions' windows | give maintenanceWindows.westus3.database yourself, or shorten the peaks",
      ],
    });
  });
});

describe('planMaintenance: refused windows', () => {
  test.each<[string, Partial<Props>, string[]]>([
    ['a region the platform does not have', { maintenanceWindows: { eastus: { kubernetes: at('Tuesday', '02:00') } } }, [
      "maintenanceWindows.eastus | not one of the regions (westus3), so the setting would be ignored | key maintenanceWindows by the listed regions; did you mean 'westus3'?",
    ]],
    ['a database window without a database', { maintenanceWindows: { westus3: { database: at('Sunday', '03:00') } } }, [
      'maintenanceWindows.westus3.database | there is no database, so the window would be ignored | drop maintenanceWindows.<region>.database',
    ]],
    ['a database window with Azure SQL', { database: SQL(), maintenanceWindows: { westus3: { database: at('Sunday', '03:00') } } }, [
      'maintenanceWindows.westus3.database | Azure SQL Database takes maintenance in the slots Azure offers, so the window would be ignored | drop maintenanceWindows.<region>.database',
    ]],
    ['a database window with the engine\'s own window', { database: { engine: DatabaseEngine.postgresql({ maintenanceWindow: { dayOfWeek: 'Monday' } }), administrator: ADMIN }, maintenanceWindows: { westus3: { database: at('Sunday', '03:00') } } }, [
      "maintenanceWindows.westus3.database | database.engine.maintenanceWindow sets every server's window already, and the two would disagree | give the windows per region only (drop engine.maintenanceWindow)",
    ]],
    ['a database window over the default cluster window (reported at the window given)', { database: PG, maintenanceWindows: { westus3: { database: at('Tuesday', '03:00', '-07:00') } } }, [
      "maintenanceWindows.westus3.database | maintenanceWindows.westus3.kubernetes (default) and maintenanceWindows.westus3.database overlap from Tuesday 10:00 UTC: westus3's cluster and database would be in maintenance at once | give one of them another day or hour (the defaults are staggered)",
    ]],
    ['a cluster and database window given over each other', { database: PG, maintenanceWindows: { westus3: { kubernetes: at('Tuesday', '02:00'), database: at('Tuesday', '03:00') } } }, [
      "maintenanceWindows.westus3.kubernetes | maintenanceWindows.westus3.kubernetes and maintenanceWindows.westus3.database overlap from Tuesday 03:00 UTC: westus3's cluster and database would be in maintenance at once | give one of them another day or hour (the defaults are staggered)",
    ]],
    ['two regions\' windows over each other', { ...AA, maintenanceWindows: { westus3: { kubernetes: at('Tuesday', '02:00') }, eastus2: { kubernetes: at('Tuesday', '03:00') } } }, [
      'maintenanceWindows.westus3.kubernetes | maintenanceWindows.westus3.kubernetes and maintenanceWindows.eastus2.kubernetes overlap from Tuesday 03:00 UTC: westus3 and eastus2 would be in maintenance at once | give one of them another day or hour (the defaults are staggered)',
    ]],
    ['one cluster window for two regions', { ...AA, kubernetes: { maintenanceWindow: at('Thursday', '02:00') } }, [
      'kubernetes.maintenanceWindow | one window for the 2 regions: every cluster would upgrade at once, so a region would lose nodes while another takes its load | give each region its own window under maintenanceWindows.<region>.kubernetes, or drop it (the default windows are staggered)',
      // Reported once: the window does not overlap "itself" a second time.
    ]],
  ])('%s', (_name, p, errors) => {
    expect(plan(p).errors).toEqual(errors);
  });

  test('the engine\'s own PostgreSQL window alone is no clash; a given cluster window over the default database hour is reported at the window given', () => {
    expect(plan({ database: { engine: DatabaseEngine.postgresql({ maintenanceWindow: { dayOfWeek: 'Monday' } }), administrator: ADMIN } })).toEqual({
      windows: { westus3: { kubernetes: { dayOfWeek: 'Tuesday', startTime: '02:00', durationHours: 4, utcOffset: '-07:00' } } }, errors: [],
    });
    expect(plan({ database: PG, maintenanceWindows: { westus3: { kubernetes: at('Tuesday', '00:00', '-07:00') } } }).errors).toEqual([
      "maintenanceWindows.westus3.kubernetes | maintenanceWindows.westus3.kubernetes and maintenanceWindows.westus3.database (default) overlap from Tuesday 08:00 UTC: westus3's cluster and database would be in maintenance at once | give one of them another day or hour (the defaults are staggered)",
    ]);
  });

  test('a window inside a peak of several days names them all', () => {
    expect(plan({ maintenanceWindows: { westus3: { kubernetes: at('Friday', '19:00', '-07:00') } } }, [{ days: ['Friday', 'Saturday'], startTime: '18:00', endTime: '23:00' }]).errors).toEqual([
      'maintenanceWindows.westus3.kubernetes | inside peak 1 (Friday, Saturday 18:00-23:00 America/Phoenix) from Saturday 02:00 UTC: upgrades would drain nodes or restart servers while the load is highest | move the window to off-peak hours, or drop it (the default is off-peak)',
    ]);
  });

  test('a window inside a peak, all year or in one season of the peaks\' zone', () => {
    expect(plan({ maintenanceWindows: { westus3: { kubernetes: at('Saturday', '19:00', '-07:00') } } }, SATURDAY_NIGHT).errors).toEqual([
      'maintenanceWindows.westus3.kubernetes | inside peak 1 (Saturday 18:00-23:00 America/Phoenix) from Sunday 02:00 UTC: upgrades would drain nodes or restart servers while the load is highest | move the window to off-peak hours, or drop it (the default is off-peak)',
    ]);
    expect(plan({ regions: ['eastus2'], maintenanceWindows: { eastus2: { kubernetes: at('Saturday', '14:00', '-05:00') } } }, SATURDAY_NIGHT, 'America/New_York').errors).toEqual([
      'maintenanceWindows.eastus2.kubernetes | inside peak 1 (Saturday 18:00-23:00 America/New_York) from Saturday 22:00 UTC during daylight saving time: upgrades would drain nodes or restart servers while the load is highest | move the window to off-peak hours, or drop it (the default is off-peak)',
    ]);
  });
});

describe('planMaintenance: Azure SQL slots against the peaks', () => {
  const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['eastus2', 'centralus'] };
  const WEEKNIGHTS: PeakWindow[] = [{ days: ['Tuesday', 'Wednesday'], startTime: '22:30', endTime: '23:30' }];
  const SATURDAY_LATE: PeakWindow[] = [{ days: ['Saturday'], startTime: '23:00', endTime: '23:30' }];

  test('the primaries\' slot in the home region, once per slot and region however many nights it hits', () => {
    expect(plan({ ...PS, database: SQL() }, WEEKNIGHTS).errors).toEqual([
      "database.engine.maintenance | Azure SQL's WeekdayNights slot (22:00 for 8 hours, eastus2 local time) falls in peak 1 (Tuesday, Wednesday 22:30-23:30) from Wednesday 03:00 UTC | choose the other night slot for maintenance, or move the peak",
    ]);
  });

  test('the geo-secondaries\' slot (the other night slot by default) in the secondary region', () => {
    expect(plan({ ...PS, database: SQL() }, SATURDAY_LATE).errors).toEqual([
      "database.engine.secondaryMaintenance | Azure SQL's WeekendNights slot (22:00 for 8 hours, centralus local time) falls in peak 1 (Saturday 23:00-23:30) from Sunday 04:00 UTC | choose the other night slot for secondaryMaintenance, or move the peak",
    ]);
    expect(plan({ ...PS, database: SQL({ secondaryMaintenance: 'WeekdayNights' }) }, SATURDAY_LATE).errors).toEqual([]);
  });

  test('activeActive: every region holds primaries and copies', () => {
    expect(plan({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'centralus'], database: SQL({ maintenance: 'WeekendNights' }) }, SATURDAY_LATE).errors).toEqual([
      "database.engine.maintenance | Azure SQL's WeekendNights slot (22:00 for 8 hours, eastus2 local time) falls in peak 1 (Saturday 23:00-23:30) from Sunday 03:00 UTC | choose the other night slot for maintenance, or move the peak",
      "database.engine.maintenance | Azure SQL's WeekendNights slot (22:00 for 8 hours, centralus local time) falls in peak 1 (Saturday 23:00-23:30) from Sunday 04:00 UTC | choose the other night slot for maintenance, or move the peak",
    ]);
    expect(plan({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'centralus'], database: SQL({ maintenance: 'WeekdayNights', secondaryMaintenance: 'WeekendNights' }) }, SATURDAY_LATE).errors).toHaveLength(2);
  });

  test('no clash without peaks, with the system default slot, where Azure offers no slot, or for a SKU without the choice', () => {
    expect(plan({ ...PS, database: SQL() }).errors).toEqual([]);
    expect(plan({ ...PS, database: SQL({ maintenance: 'SystemDefault' }) }, WEEKNIGHTS).errors).toEqual([]);
    expect(plan({ ...PS, regions: ['italynorth', 'polandcentral'], database: SQL() }, WEEKNIGHTS).errors).toEqual([]);
    expect(plan({ ...PS, database: SQL({ skuName: 'GP_DC_2' }) }, WEEKNIGHTS).errors).toEqual([]);
  });

  test('the active region\'s primaries; the passive region holds copies', () => {
    expect(plan({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'], database: SQL() }, SATURDAY_LATE).errors).toEqual([
      "database.engine.secondaryMaintenance | Azure SQL's WeekendNights slot (22:00 for 8 hours, centralus local time) falls in peak 1 (Saturday 23:00-23:30) from Sunday 04:00 UTC | choose the other night slot for secondaryMaintenance, or move the peak",
    ]);
  });
});

describe('planMaintenance: one cluster window for a single region', () => {
  test('is used as the region\'s, and reported under its own prop when it falls in a peak', () => {
    const peak = { days: ['Saturday'], startTime: '18:00', endTime: '23:00' } as PeakWindow;
    const given = plan({ kubernetes: { maintenanceWindow: at('Saturday', '19:00', '-07:00') } }, [peak]);
    expect(given.errors.map((e) => e.split(' | ')[0])).toEqual(['kubernetes.maintenanceWindow']);
    expect(given.errors[0]).toContain('inside peak 1 (Saturday 18:00-23:00 America/Phoenix)');
    expect(plan({ kubernetes: { maintenanceWindow: at('Wednesday', '03:00', '-07:00') } }, [peak]).windows.westus3.kubernetes).toEqual({ dayOfWeek: 'Wednesday', startTime: '03:00', durationHours: 4, utcOffset: '-07:00' });
  });
});
