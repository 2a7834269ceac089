import { MAINTENANCE_WINDOW_SHAPE } from '../core/maintenance-window';
import { opt, shapes, strictShape } from '../core/validate';
import type { PostgresqlEngineOptions, SqlEngineOptions, SqlLongTermRetention } from './database-types';

// Internal: the run-time shapes of the engines' options (not exported from the package). Apart from shapes.ts, which
// names DatabaseEngine: the engine checks its options with these.

const LTR_SHAPE = strictShape<SqlLongTermRetention>({
  weeklyRetentionWeeks: opt(shapes.number()), monthlyRetentionMonths: opt(shapes.number()), yearlyRetentionYears: opt(shapes.number()), weekOfYear: opt(shapes.number()),
});

export const SQL_OPTIONS_SHAPE = strictShape<SqlEngineOptions>({
  skuName: opt(shapes.string()), maxSizeGb: opt(shapes.number()), shortTermRetentionDays: opt(shapes.number()), longTermRetention: opt(LTR_SHAPE),
  failoverMode: opt(shapes.oneOf(['Automatic', 'Manual'])), graceMinutes: opt(shapes.number()), readableSecondary: opt(shapes.boolean()),
  readOnlyEndpointFailover: opt(shapes.boolean()), backupStorageRedundancy: opt(shapes.oneOf(['Geo', 'GeoZone', 'Zone', 'Local'])),
});

const ZONE = shapes.oneOf(['1', '2', '3']);
export const POSTGRESQL_OPTIONS_SHAPE = strictShape<PostgresqlEngineOptions>({
  version: opt(shapes.string("a major version string such as '16'")), skuName: opt(shapes.string()), storageMb: opt(shapes.number()), backupRetentionDays: opt(shapes.number()),
  highAvailability: opt(shapes.boolean()), primaryZone: opt(ZONE), standbyZone: opt(ZONE), geoRedundantBackup: opt(shapes.boolean()),
  maintenanceWindow: opt(MAINTENANCE_WINDOW_SHAPE),
});
