import { DATA_TIER_ENTRIES } from '../data-tier/shapes';
import { opt, shapes, strictShape } from '../core/validate';
import type { ActivePassiveDatabaseProps, DatabaseAdministrator } from './active-passive-database-types';
import { DatabaseEngine, PostgresqlEngineOptions, SqlEngineOptions, SqlLongTermRetention } from './engine';

// Internal: the run-time shapes of the database props (not exported from the package).

const LTR_SHAPE = strictShape<SqlLongTermRetention>({ weekly: opt(shapes.string()), monthly: opt(shapes.string()), yearly: opt(shapes.string()), weekOfYear: opt(shapes.number()) });

export const SQL_OPTIONS_SHAPE = strictShape<SqlEngineOptions>({
  skuName: opt(shapes.string()), maxSizeGb: opt(shapes.number()), shortTermRetentionDays: opt(shapes.number()), longTermRetention: opt(LTR_SHAPE),
  failoverMode: opt(shapes.oneOf(['Automatic', 'Manual'])), graceMinutes: opt(shapes.number()), readableSecondary: opt(shapes.boolean()),
  readOnlyEndpointFailover: opt(shapes.boolean()), backupStorageRedundancy: opt(shapes.oneOf(['Geo', 'GeoZone', 'Zone', 'Local'])),
});

const ZONE = shapes.oneOf(['1', '2', '3']);
export const POSTGRESQL_OPTIONS_SHAPE = strictShape<PostgresqlEngineOptions>({
  version: opt(shapes.string("a major version string such as '16'")), skuName: opt(shapes.string()), storageMb: opt(shapes.number()), backupRetentionDays: opt(shapes.number()),
  highAvailability: opt(shapes.boolean()), primaryZone: opt(ZONE), standbyZone: opt(ZONE), geoRedundantBackup: opt(shapes.boolean()),
  maintenanceWindow: opt(strictShape<NonNullable<PostgresqlEngineOptions['maintenanceWindow']>>({ dayOfWeek: opt(shapes.number()), startHour: opt(shapes.number()), startMinute: opt(shapes.number()) })),
});

export const ADMINISTRATOR_SHAPE = strictShape<DatabaseAdministrator>({ objectId: shapes.string(), name: shapes.string(), type: opt(shapes.oneOf(['Group', 'User', 'ServicePrincipal'])) });

export const ENGINE_SHAPE = shapes.instance(() => DatabaseEngine, 'a DatabaseEngine (DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...}))');

export const ACTIVE_PASSIVE_DATABASE_SHAPE = strictShape<ActivePassiveDatabaseProps>({
  ...DATA_TIER_ENTRIES, engine: ENGINE_SHAPE, administrator: ADMINISTRATOR_SHAPE, databaseName: opt(shapes.string()),
});
