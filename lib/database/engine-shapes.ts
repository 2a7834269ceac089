import { MAINTENANCE_WINDOW_SHAPE } from '../core/maintenance-window';
import { opt, Shape, shapes, strictShape } from '../core/validate';
import type { PostgresqlEngineOptions, SqlEngineOptions, SqlLongTermRetention } from './database-types';

// Internal: the run-time shapes of the engines' options and their names (not exported from the package). Apart from
// shapes.ts, which names DatabaseEngine: the engine checks its options with these.

const COMPUTE_SHAPE = shapes.variant('kind', {
  Provisioned: {}, Serverless: { maxVcores: shapes.number(), minVcores: opt(shapes.number()), autoPauseDelayMinutes: opt(shapes.number()) },
}, "{ kind: 'Provisioned' } or { kind: 'Serverless', maxVcores, minVcores?, autoPauseDelayMinutes? }");
const SQL_MAINTENANCE = shapes.oneOf(['SystemDefault', 'WeekdayNights', 'WeekendNights']);

const LTR_SHAPE = strictShape<SqlLongTermRetention>({
  weeklyRetentionWeeks: opt(shapes.number()), monthlyRetentionMonths: opt(shapes.number()), yearlyRetentionYears: opt(shapes.number()), weekOfYear: opt(shapes.number()),
});

/** The shape of each SQL option (the compiler checks that none is missing). */
const SQL_OPTION_ENTRIES: { readonly [K in keyof Required<SqlEngineOptions>]: Shape } = {
  skuName: opt(shapes.string()), compute: opt(COMPUTE_SHAPE), maxSizeGb: opt(shapes.number()), shortTermRetentionDays: opt(shapes.number()), longTermRetention: opt(LTR_SHAPE),
  failoverMode: opt(shapes.oneOf(['Automatic', 'Manual'])), graceMinutes: opt(shapes.number()), readableSecondary: opt(shapes.boolean()),
  readOnlyEndpointFailover: opt(shapes.boolean()), readScaleOut: opt(shapes.boolean()), backupStorageRedundancy: opt(shapes.oneOf(['Geo', 'GeoZone', 'Zone', 'Local'])),
  maintenance: opt(SQL_MAINTENANCE), secondaryMaintenance: opt(SQL_MAINTENANCE),
};
export const SQL_OPTIONS_SHAPE = strictShape<SqlEngineOptions>(SQL_OPTION_ENTRIES);
/** The SQL options' names, in the order error messages list them. */
export const SQL_OPTION_NAMES: readonly string[] = Object.keys(SQL_OPTION_ENTRIES);

const ZONE = shapes.oneOf(['1', '2', '3']);
const HA_MODE = shapes.oneOf(['ZoneRedundant', 'SameZone', 'Disabled']);
const HIGH_AVAILABILITY_SHAPE = shapes.anyOf([shapes.boolean(), HA_MODE, shapes.map(HA_MODE)], "true, false, 'ZoneRedundant', 'SameZone', 'Disabled', or an object of home regions to one of those modes");
/** The shape of each PostgreSQL option (the compiler checks that none is missing). */
const POSTGRESQL_OPTION_ENTRIES: { readonly [K in keyof Required<PostgresqlEngineOptions>]: Shape } = {
  version: opt(shapes.string("a major version string such as '16'")), skuName: opt(shapes.string()), storageMb: opt(shapes.number()), backupRetentionDays: opt(shapes.number()),
  highAvailability: opt(HIGH_AVAILABILITY_SHAPE), readReplicas: opt(shapes.number()), primaryZone: opt(ZONE), standbyZone: opt(ZONE), geoRedundantBackup: opt(shapes.boolean()),
  maintenanceWindow: opt(MAINTENANCE_WINDOW_SHAPE),
};
export const POSTGRESQL_OPTIONS_SHAPE = strictShape<PostgresqlEngineOptions>(POSTGRESQL_OPTION_ENTRIES);
/** The PostgreSQL options' names, in the order error messages list them. */
export const POSTGRESQL_OPTION_NAMES: readonly string[] = Object.keys(POSTGRESQL_OPTION_ENTRIES);
