import { Testing, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { Checks } from '../../lib/core/validate';
import { DatabaseEngine } from '../../lib/database/engine';
import { AutoPauseBlockers, checkServerless, offersSqlMaintenanceWindows, SERVERLESS_MIN_VCORES, sqlMaintenanceConfigurationName, sqlMaintenanceHours, staggeredSqlMaintenance } from '../../lib/database/sql-compute';
import { logicalId, makeDatabase, resourceAt, synthDatabase, violations } from '../support/database';

/** lib/database/sql-compute.ts with sql.ts: serverless compute and maintenance windows of the Azure SQL databases. */

const sql = DatabaseEngine.sql;
const two = () => ({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] });
const passive = () => ({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'] });
const serverless = (extra: object = {}) => ({ kind: 'Serverless', maxVcores: 4, ...extra }) as const;
const AUTO_PAUSE_FIX = 'leave autoPauseDelayMinutes out (auto-pause off, as production needs): serverless still scales down to minVcores; lower minVcores to save more when idle';

describe('Azure SQL serverless compute', () => {
  test('serverless: GP_S_Gen5_<max>, min vCores at Azure\'s floor by default, auto-pause off (-1), zone-redundant', () => {
    const { json } = synthDatabase({ engine: sql({ compute: serverless() }) });
    const db = resourceAt(json, 'azurerm_mssql_database', 'westus3/Database');
    expect([db.sku_name, db.min_capacity, db.auto_pause_delay_in_minutes, db.zone_redundant]).toEqual(['GP_S_Gen5_4', 0.5, -1, true]);
  });

  test('the plain-object form from JSON works as it is; a provisioned kind keeps skuName', () => {
    const fromJson = JSON.parse('{"compute":{"kind":"Serverless","maxVcores":8,"minVcores":2}}');
    expect(makeDatabase({ engine: sql(fromJson) }).sqlDatabases.westus3.minCapacityInput).toBe(2);
    const provisioned = makeDatabase({ engine: sql({ skuName: 'BC_Gen5_4', compute: { kind: 'Provisioned' } }) }).sqlDatabases.westus3;
    expect([provisioned.skuNameInput, provisioned.minCapacityInput, provisioned.autoPauseDelayInMinutesInput]).toEqual(['BC_Gen5_4', undefined, undefined]);
  });

  test('a failover group\'s geo-secondary runs the same serverless settings (readable: Standby is refused below)', () => {
    const { json } = synthDatabase({ ...two(), engine: sql({ compute: serverless({ maxVcores: 16, minVcores: 4 }) }) });
    const secondary = resourceAt(json, 'azurerm_mssql_database', 'eastus/Replica-westus3');
    expect([secondary.sku_name, secondary.min_capacity, secondary.auto_pause_delay_in_minutes, secondary.secondary_type, secondary.zone_redundant]).toEqual(['GP_S_Gen5_16', 4, -1, 'Geo', true]);
  });

  test('switching provisioned to serverless keeps the construct IDs, Terraform addresses and names (an in-place SKU change)', () => {
    const before = synthDatabase(two()).json;
    const after = synthDatabase({ ...two(), engine: sql({ compute: serverless() }) }).json;
    for (const path of ['westus3/Database', 'eastus/Replica-westus3']) {
      expect(logicalId(after, 'azurerm_mssql_database', path)).toBe(logicalId(before, 'azurerm_mssql_database', path));
      expect(resourceAt(after, 'azurerm_mssql_database', path).name).toBe(resourceAt(before, 'azurerm_mssql_database', path).name);
      expect(resourceAt(after, 'azurerm_mssql_database', path).sku_name).not.toBe(resourceAt(before, 'azurerm_mssql_database', path).sku_name);
    }
  });

  test.each(Object.entries(SERVERLESS_MIN_VCORES))('max %s vCores takes min vCores down to Azure\'s floor %s', (max, floor) => {
    expect(makeDatabase({ engine: sql({ compute: serverless({ maxVcores: Number(max), minVcores: floor }) }) }).sqlDatabases.westus3.skuNameInput).toBe(`GP_S_Gen5_${max}`);
  });

  test.each([
    [{ maxVcores: 3 }, 'engine.compute.maxVcores'],
    [{ maxVcores: 64 }, 'engine.compute.maxVcores'],
    [{ maxVcores: 8, minVcores: 0.5 }, 'engine.compute.minVcores'],
    [{ maxVcores: 2, minVcores: 4 }, 'engine.compute.minVcores'],
    [{ maxVcores: 40, minVcores: 7 }, 'engine.compute.minVcores'],
    [{ autoPauseDelayMinutes: 10 }, 'engine.compute.autoPauseDelayMinutes'],
    [{ autoPauseDelayMinutes: 10_081 }, 'engine.compute.autoPauseDelayMinutes'],
  ])('%j is refused (%s)', (extra, prop) => {
    expect(violations({ engine: sql({ compute: serverless(extra) }) }).map(([p]) => p)).toEqual([prop]);
  });

  test('min vCores below the floor, or above the max, say which range fits', () => {
    expect(violations({ engine: sql({ compute: serverless({ maxVcores: 8, minVcores: 0.5 }) }) })).toEqual([
      ['engine.compute.minVcores', 0.5, "below Azure's floor of 1 min vCores for 8 max vCores", 'use 1 to 8 (e.g. 1), or lower maxVcores'],
    ]);
    expect(violations({ engine: sql({ compute: serverless({ maxVcores: 2, minVcores: 4 }) }) })[0][2]).toBe('more than maxVcores (2)');
  });

  test('auto-pause is refused: every database keeps long-term backups, and a failover group geo-replicates it', () => {
    expect(violations({ engine: sql({ compute: serverless({ autoPauseDelayMinutes: 60 }) }) })).toEqual([[
      'engine.compute.autoPauseDelayMinutes', 60,
      'Azure does not auto-pause a serverless database that is geo-replicated or keeps long-term backups, and it keeps long-term backups (LTR, which this construct configures for every database), so it would never pause',
      AUTO_PAUSE_FIX,
    ]]);
    const [[, , problem]] = violations({ ...two(), engine: sql({ compute: serverless({ autoPauseDelayMinutes: 60 }) }) });
    expect(problem).toContain('the database is geo-replicated in a failover group, and it keeps long-term backups');
    // -1 (off) is what the default says anyway.
    expect(makeDatabase({ ...two(), engine: sql({ compute: serverless({ autoPauseDelayMinutes: -1 }) }) }).sqlDatabases.westus3.autoPauseDelayInMinutesInput).toBe(-1);
  });

  test('skuName with serverless compute is refused', () => {
    expect(violations({ engine: sql({ skuName: 'GP_Gen5_2', compute: serverless() }) })).toEqual([[
      'engine.skuName', 'GP_Gen5_2', 'serverless compute names its own SKU (GP_S_Gen5_<maxVcores>), so skuName would conflict with it',
      "drop skuName and size serverless with compute.maxVcores, or use compute: { kind: 'Provisioned' } with skuName",
    ]]);
  });

  test('a Standby (license-free) secondary cannot be serverless; a readable one can', () => {
    expect(violations({ ...passive(), engine: sql({ compute: serverless() }) })).toEqual([[
      'engine.compute', serverless(),
      'a non-readable (Standby) secondary cannot be serverless: Azure offers the license-free standby replica on provisioned General Purpose and Business Critical only',
      "set readableSecondary: true (a readable geo-secondary, billed with its license), or use compute: { kind: 'Provisioned' }",
    ]]);
    expect(makeDatabase({ ...passive(), engine: sql({ compute: serverless(), readableSecondary: true }) }).sqlSecondaries.eastus2.centralus.secondaryTypeInput).toBe('Geo');
  });

  test.each([
    [{ kind: 'Serverless' }],
    [{ kind: 'Serverless', maxVcores: 4, skuName: 'GP_S_Gen5_4' }],
    [{ kind: 'Elastic' }],
    ['Serverless'],
    [{ kind: 'Provisioned', maxVcores: 4 }],
  ])('the compute %j is not one of the two kinds', (compute) => {
    expect(violations({ engine: sql({ compute } as never) }).map(([p]) => String(p).startsWith('engine.compute'))).toEqual([true]);
  });
});

describe('Azure SQL maintenance windows', () => {
  test('by default a failover group\'s primary takes weekday nights and its geo-secondary weekend nights, each in its region', () => {
    const database = makeDatabase(two());
    expect(database.sqlDatabases.westus3.maintenanceConfigurationNameInput).toBe('SQL_WestUS3_DB_1');
    expect(database.sqlSecondaries.westus3.eastus.maintenanceConfigurationNameInput).toBe('SQL_EastUS_DB_2');
  });

  test('activeActive: every cell\'s primary weekday nights, every copy of another cell weekend nights', () => {
    const database = makeDatabase({ pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus', 'northeurope'] });
    expect(Object.values(database.sqlDatabases).map((d) => d.maintenanceConfigurationNameInput)).toEqual(['SQL_WestUS3_DB_1', 'SQL_EastUS_DB_1', 'SQL_NorthEurope_DB_1']);
    expect(Object.values(database.sqlSecondaries).flatMap((s) => Object.values(s)).every((d) => /_DB_2$/.test(String(d.maintenanceConfigurationNameInput)))).toBe(true);
  });

  test('maintenance and secondaryMaintenance as given; the secondary\'s default follows the primary\'s', () => {
    const swapped = makeDatabase({ ...two(), engine: sql({ maintenance: 'WeekendNights' }) });
    expect([swapped.sqlDatabases.westus3.maintenanceConfigurationNameInput, swapped.sqlSecondaries.westus3.eastus.maintenanceConfigurationNameInput]).toEqual(['SQL_WestUS3_DB_2', 'SQL_EastUS_DB_1']);
    const same = makeDatabase({ ...two(), engine: sql({ maintenance: 'SystemDefault', secondaryMaintenance: 'WeekdayNights' }) });
    expect([same.sqlDatabases.westus3.maintenanceConfigurationNameInput, same.sqlSecondaries.westus3.eastus.maintenanceConfigurationNameInput]).toEqual(['SQL_Default', 'SQL_EastUS_DB_1']);
  });

  test('serverless takes a maintenance window too', () => {
    expect(makeDatabase({ engine: sql({ compute: serverless(), maintenance: 'WeekendNights' }) }).sqlDatabases.westus3.maintenanceConfigurationNameInput).toBe('SQL_WestUS3_DB_2');
  });

  test('a region or SKU without a choice falls back to the system default, and refuses a night window asked for', () => {
    expect(makeDatabase({ regions: ['polandcentral'] }).sqlDatabases.polandcentral.maintenanceConfigurationNameInput).toBe('SQL_Default');
    expect(makeDatabase({ engine: sql({ skuName: 'GP_DC_10' }) }).sqlDatabases.westus3.maintenanceConfigurationNameInput).toBe('SQL_Default');
    expect(violations({ regions: ['polandcentral'], engine: sql({ maintenance: 'WeekdayNights' }) })).toEqual([[
      'engine.maintenance', 'WeekdayNights', 'Azure SQL offers no maintenance window choice in polandcentral (azurerm accepts SQL_<Region>_DB_1|2 for 32 regions)',
      "use 'SystemDefault' (Azure's 17:00-08:00 local policy), or a region and SKU that offer WeekdayNights",
    ]]);
    expect(violations({ engine: sql({ skuName: 'GP_Fsv2_72', maintenance: 'WeekendNights' }) })[0][2]).toBe('GP_Fsv2_72 (DC or Fsv2 hardware) has no maintenance window choice');
  });

  test('secondaryMaintenance without geo-secondaries, and a window that is not one, are refused', () => {
    expect(violations({ engine: sql({ secondaryMaintenance: 'WeekendNights' }) }).map(([p, , problem]) => [p, problem])).toEqual([['engine.secondaryMaintenance', 'zoneRedundant has no geo-secondaries, so this setting would be ignored']]);
    expect(violations({ engine: sql({ maintenance: 'Sunday' } as never) }).map(([p]) => p)).toEqual(['engine.maintenance']);
  });

  test('the window names and local hours (for checks against a peak calendar)', () => {
    expect(sqlMaintenanceConfigurationName('WeekdayNights', 'eastus2')).toBe('SQL_EastUS2_DB_1');
    expect(sqlMaintenanceConfigurationName('WeekendNights', 'uaenorth')).toBe('SQL_UAENorth_DB_2');
    expect(sqlMaintenanceConfigurationName('SystemDefault', 'polandcentral')).toBe('SQL_Default');
    expect(() => sqlMaintenanceConfigurationName('WeekdayNights', 'polandcentral')).toThrow('no Azure SQL maintenance windows in polandcentral');
    expect(sqlMaintenanceHours('WeekdayNights', 'westeurope')).toEqual({ days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'], startTime: '22:00', durationHours: 8, timeZone: 'region-local', exclusive: true });
    expect(sqlMaintenanceHours('WeekendNights', 'westeurope').days).toEqual(['Friday', 'Saturday', 'Sunday']);
    expect(sqlMaintenanceHours('SystemDefault', 'polandcentral')).toMatchObject({ startTime: '17:00', durationHours: 15, exclusive: false });
    expect([staggeredSqlMaintenance('WeekdayNights'), staggeredSqlMaintenance('WeekendNights'), staggeredSqlMaintenance('SystemDefault')]).toEqual(['WeekendNights', 'WeekdayNights', 'SystemDefault']);
  });
});

describe('the compute shape', () => {
  test('a typo inside the serverless form gets the closest option; a missing maxVcores is named', () => {
    expect(violations({ engine: sql({ compute: { kind: 'Serverless', maxVcores: 4, minVcore: 1 } } as never) })).toEqual([
      ['engine.compute.minVcore', 1, "unknown option 'minVcore', which would be ignored", "did you mean 'minVcores'?"],
    ]);
    expect(violations({ engine: sql({ compute: { kind: 'Serverless' } } as never) }).map(([p]) => p)).toEqual(['engine.compute.maxVcores']);
  });
});

describe('checkServerless, called directly', () => {
  const NONE: AutoPauseBlockers = { failoverGroup: false, longTermRetention: false };
  /** The checked compute and the violations (prop | problem | fix). */
  function check(extra: object, blockers = NONE) {
    const checks = new Checks(new Construct(Testing.app(), 'Database'));
    const checked = checkServerless(checks, { kind: 'Serverless', maxVcores: 8, ...extra } as never, blockers);
    try {
      checks.throwIfAny();
      return { checked, errors: [] as string[] };
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return { checked, errors: e.violations.map((v) => `${v.prop} | ${v.problem} | ${v.fix}`) };
    }
  }

  test('sound values pass: min vCores at the floor or at the max, auto-pause at 15 and 10080 minutes', () => {
    expect(check({})).toEqual({ checked: { kind: 'Serverless', skuName: 'GP_S_Gen5_8', maxVcores: 8, minVcores: 1, autoPauseDelayMinutes: -1 }, errors: [] });
    expect(check({ minVcores: 8, autoPauseDelayMinutes: 15 })).toEqual({ checked: { kind: 'Serverless', skuName: 'GP_S_Gen5_8', maxVcores: 8, minVcores: 8, autoPauseDelayMinutes: 15 }, errors: [] });
    expect(check({ minVcores: 1, autoPauseDelayMinutes: 10_080 }).errors).toEqual([]);
  });

  test.each<[string, object, string[]]>([
    ['a max that is not a size', { maxVcores: 3, minVcores: 0.6 }, ['engine.compute.maxVcores | Azure SQL General Purpose serverless (GP_S_Gen5_<max vCores>) comes in these sizes only (expected 1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80, got the number 3) | use one of 1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80']],
    ['a min that is not a capacity', { minVcores: 0.6 }, ['engine.compute.minVcores | not a min capacity Azure SQL serverless takes | use one of 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 4, 5, 6, 8']],
    ['a min below the floor', { minVcores: 0.75 }, ["engine.compute.minVcores | below Azure's floor of 1 min vCores for 8 max vCores | use 1 to 8 (e.g. 1), or lower maxVcores"]],
    ['a min above the max', { minVcores: 10 }, ['engine.compute.minVcores | more than maxVcores (8) | use 1 to 8 (e.g. 1), or raise maxVcores']],
    ['auto-pause after 14 minutes', { autoPauseDelayMinutes: 14 }, ['engine.compute.autoPauseDelayMinutes | Azure SQL serverless pauses after 15 to 10080 minutes (a week), or never (-1) | use -1 (auto-pause off, the default) or 15-10080']],
    ['auto-pause after 10081 minutes', { autoPauseDelayMinutes: 10_081 }, ['engine.compute.autoPauseDelayMinutes | Azure SQL serverless pauses after 15 to 10080 minutes (a week), or never (-1) | use -1 (auto-pause off, the default) or 15-10080']],
    ['auto-pause after 60.5 minutes', { autoPauseDelayMinutes: 60.5 }, ['engine.compute.autoPauseDelayMinutes | Azure SQL serverless pauses after 15 to 10080 minutes (a week), or never (-1) | use -1 (auto-pause off, the default) or 15-10080']],
  ])('refuses %s', (_name, extra, errors) => {
    expect(check(extra).errors).toEqual(errors);
  });

  test('auto-pause where Azure cannot pause names each blocker', () => {
    const problem = (why: string) => `engine.compute.autoPauseDelayMinutes | Azure does not auto-pause a serverless database that is geo-replicated or keeps long-term backups, and ${why}, so it would never pause | ${AUTO_PAUSE_FIX}`;
    expect(check({ autoPauseDelayMinutes: 60 }, { failoverGroup: true, longTermRetention: false }).errors).toEqual([problem('the database is geo-replicated in a failover group')]);
    expect(check({ autoPauseDelayMinutes: 60 }, { failoverGroup: false, longTermRetention: true }).errors).toEqual([problem('it keeps long-term backups (LTR, which this construct configures for every database)')]);
    expect(check({ autoPauseDelayMinutes: 60 }, { failoverGroup: true, longTermRetention: true }).errors).toEqual([problem('the database is geo-replicated in a failover group, and it keeps long-term backups (LTR, which this construct configures for every database)')]);
    expect(check({ autoPauseDelayMinutes: -1 }, { failoverGroup: true, longTermRetention: true }).errors).toEqual([]);
  });

  test('tokens are taken unchecked (a token max falls back to 2 vCores for the SKU name)', () => {
    const max = Token.asNumber({ Ref: 'max' });
    const min = Token.asNumber({ Ref: 'min' });
    const delay = Token.asNumber({ Ref: 'delay' });
    const { checked, errors } = check({ maxVcores: max, minVcores: min, autoPauseDelayMinutes: delay }, { failoverGroup: true, longTermRetention: true });
    expect(errors).toEqual([]);
    expect(checked).toEqual({ kind: 'Serverless', skuName: 'GP_S_Gen5_2', maxVcores: 2, minVcores: min, autoPauseDelayMinutes: delay });
  });
});

describe('maintenance window availability and hours', () => {
  test('only DC and Fsv2 SKUs, named in full, lack the choice; only the listed regions offer it', () => {
    expect(['GP_DC_2', 'BC_Fsv2_72', 'GP_Gen5_2', 'XGP_DC_2', 'GP_DC_2x', 'GP_S_Gen5_2'].map((sku) => offersSqlMaintenanceWindows('eastus2', sku))).toEqual([false, false, true, true, true, true]);
    expect(offersSqlMaintenanceWindows('polandcentral', 'GP_Gen5_2')).toBe(false);
  });

  test('the system default covers 17:00-08:00 every day, not exclusively; a night window outside its regions throws', () => {
    expect(sqlMaintenanceHours('SystemDefault', 'polandcentral')).toEqual({ days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], startTime: '17:00', durationHours: 15, timeZone: 'region-local', exclusive: false });
    expect(() => sqlMaintenanceHours('WeekendNights', 'polandcentral')).toThrow('no Azure SQL maintenance windows in polandcentral');
  });
});
