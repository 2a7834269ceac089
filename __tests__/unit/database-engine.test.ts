import { PrivateDnsZones } from '../../lib/common/private-dns-zones';
import { RedundancyPattern } from '../../lib/core/pattern';
import { DatabaseEngine } from '../../lib/database/engine';
import { makeDatabase, violations } from '../support/database';

/** lib/database/engine.ts and engine-shapes.ts: the engine factories, their option checks and private links. */

const SQL_OPTIONS = 'skuName, compute, maxSizeGb, shortTermRetentionDays, longTermRetention, failoverMode, graceMinutes, readableSecondary, readOnlyEndpointFailover, readScaleOut, backupStorageRedundancy, maintenance, secondaryMaintenance';
const HA_EXPECTED = "true, false, 'ZoneRedundant', 'SameZone', 'Disabled', or an object of home regions to one of those modes";
const POSTGRESQL_OPTIONS = 'version, skuName, storageMb, backupRetentionDays, highAvailability, readReplicas, primaryZone, standbyZone, geoRedundantBackup, maintenanceWindow';
const SERVER = { key: 'westus3-replica-eastus', region: 'eastus', resourceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Sql/servers/y' };

describe('DatabaseEngine', () => {
  test('each factory names its engine for the services (ORDER_DB_ENGINE), with or without options', () => {
    expect([DatabaseEngine.sql().name, DatabaseEngine.sql({ skuName: 'BC_Gen5_4' }).name, DatabaseEngine.postgresql().name, DatabaseEngine.postgresql({ version: '17' }).name])
      .toEqual(['sql', 'sql', 'postgresql', 'postgresql']);
  });

  test('an engine made without options builds with the defaults', () => {
    expect(makeDatabase({ engine: DatabaseEngine.sql() }).sqlDatabases.westus3.skuNameInput).toBe('GP_Gen5_2');
    expect(makeDatabase({ engine: DatabaseEngine.postgresql() }).postgresqlServers.westus3.skuNameInput).toBe('GP_Standard_D4ds_v5');
  });

  test('the private endpoint to a server: the engine\'s sub-resource and private DNS zone, qualified by the server\'s key, in the server\'s region', () => {
    expect(DatabaseEngine.sql().privateEndpoint(SERVER)).toEqual({
      key: 'westus3-replica-eastus', qualifier: 'sql-westus3-replica-eastus', resourceId: SERVER.resourceId, subresource: 'sqlServer', zone: PrivateDnsZones.SQL_DATABASE, region: 'eastus',
    });
    expect(DatabaseEngine.postgresql().privateEndpoint(SERVER)).toEqual({
      key: 'westus3-replica-eastus', qualifier: 'psql-westus3-replica-eastus', resourceId: SERVER.resourceId, subresource: 'postgresqlServer', zone: PrivateDnsZones.POSTGRESQL, region: 'eastus',
    });
  });

  test('an engine the factories did not make is refused', () => {
    const copy = Object.create(DatabaseEngine.sql());
    expect(violations({ engine: copy })).toEqual([[
      'engine', copy, 'not an engine made by DatabaseEngine.sql() or DatabaseEngine.postgresql()', 'use DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...})',
    ]]);
  });

  test('an option of the other engine is named as such', () => {
    expect(violations({ engine: DatabaseEngine.postgresql({ graceMinutes: 60 } as never) })).toEqual([[
      'engine.graceMinutes', 60, "the postgresql engine has no option 'graceMinutes'; it is a sql option", `use one of ${POSTGRESQL_OPTIONS}, or DatabaseEngine.sql({...})`,
    ]]);
    expect(violations({ engine: DatabaseEngine.sql({ highAvailability: true } as never) })).toEqual([[
      'engine.highAvailability', true, "the sql engine has no option 'highAvailability'; it is a postgresql option", `use one of ${SQL_OPTIONS}, or DatabaseEngine.postgresql({...})`,
    ]]);
    expect(violations({ engine: DatabaseEngine.sql({ maintenanceWindow: {}, storageMb: 1 } as never) }).map(([prop]) => prop)).toEqual(['engine.maintenanceWindow']);
  });

  test('an option both engines take is checked by the engine it was given to', () => {
    expect(violations({ engine: DatabaseEngine.postgresql({ skuName: 'GP_Gen5_2' }) })).toEqual([[
      'engine.skuName', 'GP_Gen5_2', 'not a flexible server SKU (tier_Standard_size)', "use e.g. 'GP_Standard_D4ds_v5' or 'MO_Standard_E4ds_v5'",
    ]]);
  });

  test('options that are no object, or unknown to both engines, are refused by their shape', () => {
    expect(violations({ engine: DatabaseEngine.sql(null as never) })).toEqual([['engine', null, 'expected an object, got null', 'give an object']]);
    expect(violations({ engine: DatabaseEngine.postgresql('x' as never) })).toEqual([['engine', 'x', 'expected an object, got the string "x"', 'give an object']]);
    expect(violations({ engine: DatabaseEngine.sql({ sku: 'x' } as never) })).toEqual([['engine.sku', 'x', "unknown option 'sku', which would be ignored", "did you mean 'skuName'?"]]);
  });

  test('a wrong type is reported once, by the shape: the engine\'s own checks run only on sound options', () => {
    expect(violations({ ...{ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] }, engine: DatabaseEngine.sql({ maxSizeGb: '32', graceMinutes: '90' } as never) })).toEqual([
      ['engine.maxSizeGb', '32', 'expected a number, got the string "32"', 'give a number'],
      ['engine.graceMinutes', '90', 'expected a number, got the string "90"', 'give a number'],
    ]);
  });

  test('each engine refuses the names of the other engine\'s resources; both take database names', () => {
    expect(violations({ names: { postgresqlServers: { westus3: 'orders-pg' }, postgresqlReplicas: {}, postgresqlVirtualEndpoints: {} } })).toEqual([
      ['names.postgresqlServers', { westus3: 'orders-pg' }, 'the sql engine creates no such resources, so the names would be ignored', 'name only what this engine creates (sqlServers, sqlFailoverGroups, databases), or drop names.postgresqlServers'],
      ['names.postgresqlReplicas', {}, 'the sql engine creates no such resources, so the names would be ignored', 'name only what this engine creates (sqlServers, sqlFailoverGroups, databases), or drop names.postgresqlReplicas'],
      ['names.postgresqlVirtualEndpoints', {}, 'the sql engine creates no such resources, so the names would be ignored', 'name only what this engine creates (sqlServers, sqlFailoverGroups, databases), or drop names.postgresqlVirtualEndpoints'],
    ]);
    const pgFix = (key: string) => `name only what this engine creates (postgresqlServers, postgresqlReplicas, postgresqlReadReplicas, postgresqlVirtualEndpoints, databases), or drop names.${key}`;
    expect(violations({ engine: DatabaseEngine.postgresql(), names: { sqlServers: { westus3: 'orders-sql' }, sqlFailoverGroups: {} } })).toEqual([
      ['names.sqlServers', { westus3: 'orders-sql' }, 'the postgresql engine creates no such resources, so the names would be ignored', pgFix('sqlServers')],
      ['names.sqlFailoverGroups', {}, 'the postgresql engine creates no such resources, so the names would be ignored', pgFix('sqlFailoverGroups')],
    ]);
    // A key left undefined names nothing.
    expect(makeDatabase({ names: { postgresqlServers: undefined, databases: { westus3: 'orders_sql' } } }).sqlDatabases.westus3.nameInput).toBe('orders_sql');
    expect(makeDatabase({ engine: DatabaseEngine.postgresql(), names: { sqlServers: undefined, databases: { westus3: 'orders_pg' } } }).postgresqlDatabases.westus3.nameInput).toBe('orders_pg');
  });
});

describe('engine option shapes', () => {
  test('Azure SQL options of the wrong type are each reported', () => {
    expect(violations({
      engine: DatabaseEngine.sql({
        skuName: 2, shortTermRetentionDays: '7', longTermRetention: { weeks: 1, weeklyRetentionWeeks: '1', monthlyRetentionMonths: '1', yearlyRetentionYears: '1', weekOfYear: '1' },
        failoverMode: 'automatic', readableSecondary: 'yes', readOnlyEndpointFailover: 1, backupStorageRedundancy: 'geo',
      } as never),
    })).toEqual([
      ['engine.skuName', 2, 'expected a string, got the number 2', 'give a string'],
      ['engine.shortTermRetentionDays', '7', 'expected a number, got the string "7"', 'give a number'],
      ['engine.longTermRetention.weeklyRetentionWeeks', '1', 'expected a number, got the string "1"', 'give a number'],
      ['engine.longTermRetention.monthlyRetentionMonths', '1', 'expected a number, got the string "1"', 'give a number'],
      ['engine.longTermRetention.yearlyRetentionYears', '1', 'expected a number, got the string "1"', 'give a number'],
      ['engine.longTermRetention.weekOfYear', '1', 'expected a number, got the string "1"', 'give a number'],
      ['engine.longTermRetention.weeks', 1, "unknown option 'weeks', which would be ignored", "use only 'weeklyRetentionWeeks', 'monthlyRetentionMonths', 'yearlyRetentionYears', 'weekOfYear'"],
      ['engine.failoverMode', 'automatic', 'expected one of \'Automatic\', \'Manual\', got the string "automatic"', "give one of 'Automatic', 'Manual'"],
      ['engine.readableSecondary', 'yes', 'expected true or false (a boolean, not a string), got the string "yes"', 'give true or false (a boolean, not a string)'],
      ['engine.readOnlyEndpointFailover', 1, 'expected true or false (a boolean, not a string), got the number 1', 'give true or false (a boolean, not a string)'],
      ['engine.backupStorageRedundancy', 'geo', 'expected one of \'Geo\', \'GeoZone\', \'Zone\', \'Local\', got the string "geo"', "give one of 'Geo', 'GeoZone', 'Zone', 'Local'"],
    ]);
    expect(violations({ engine: DatabaseEngine.sql({ longTermRetention: 4 } as never) })).toEqual([['engine.longTermRetention', 4, 'expected an object, got the number 4', 'give an object']]);
  });

  test('PostgreSQL options of the wrong type are each reported', () => {
    expect(violations({
      engine: DatabaseEngine.postgresql({
        version: 16, skuName: 2, storageMb: '1', backupRetentionDays: '7', highAvailability: 'true', primaryZone: 1, standbyZone: '4', geoRedundantBackup: 1, maintenanceWindow: { dayOfWeek: 'Sun', start: '1' },
      } as never),
    })).toEqual([
      ['engine.version', 16, "expected a major version string such as '16', got the number 16", "give a major version string such as '16'"],
      ['engine.skuName', 2, 'expected a string, got the number 2', 'give a string'],
      ['engine.storageMb', '1', 'expected a number, got the string "1"', 'give a number'],
      ['engine.backupRetentionDays', '7', 'expected a number, got the string "7"', 'give a number'],
      ['engine.highAvailability', 'true', `expected ${HA_EXPECTED}, got the string "true"`, `give ${HA_EXPECTED}`],
      ['engine.primaryZone', 1, "expected one of '1', '2', '3', got the number 1", "give one of '1', '2', '3'"],
      ['engine.standbyZone', '4', 'expected one of \'1\', \'2\', \'3\', got the string "4"', "give one of '1', '2', '3'"],
      ['engine.geoRedundantBackup', 1, 'expected true or false (a boolean, not a string), got the number 1', 'give true or false (a boolean, not a string)'],
      ['engine.maintenanceWindow.dayOfWeek', 'Sun', expect.stringContaining("expected one of 'Monday'"), expect.stringContaining("give one of 'Monday'")],
      ['engine.maintenanceWindow.start', '1', "unknown option 'start', which would be ignored", "did you mean 'startTime'?"],
    ]);
  });

  test('every value the option shapes list is accepted', () => {
    for (const failoverMode of ['Automatic', 'Manual'] as const) {
      expect(makeDatabase({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], engine: DatabaseEngine.sql({ failoverMode }) }).sqlFailoverGroups.westus3.readWriteEndpointFailoverPolicyInput?.mode).toBe(failoverMode);
    }
    for (const [primaryZone, standbyZone] of [['1', '2'], ['2', '3'], ['3', '1']] as const) {
      const server = makeDatabase({ engine: DatabaseEngine.postgresql({ primaryZone, standbyZone }) }).postgresqlServers.westus3;
      expect([server.zoneInput, server.highAvailabilityInput?.standbyAvailabilityZone]).toEqual([primaryZone, standbyZone]);
    }
  });
});
