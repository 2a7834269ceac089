import { MAINTENANCE_WINDOW_SHAPE } from '../core/maintenance-window';
import { DATA_TIER_ENTRIES } from '../data-tier/shapes';
import { GRANT_OPTIONS_ENTRIES } from '../core/principal';
import { opt, shapes, strictShape } from '../core/validate';
import type { ActivePassiveDatabaseProps } from './active-passive-database-types';
import type { ActivePassiveDatabaseNames, DatabaseAdministrator, DatabaseGrantOptions } from './database-types';
import { DatabaseEngine } from './engine';

// Internal: the run-time shapes of the database props (not exported from the package). The engines' options have
// theirs in engine-shapes.ts.

const PRINCIPAL_TYPE = shapes.oneOf(['Group', 'User', 'ServicePrincipal']);

export const ADMINISTRATOR_SHAPE = strictShape<DatabaseAdministrator>({ objectId: shapes.string(), name: shapes.string(), type: opt(PRINCIPAL_TYPE) });

export const DATABASE_GRANT_OPTIONS_SHAPE = strictShape<DatabaseGrantOptions>({
  ...GRANT_OPTIONS_ENTRIES, access: opt(shapes.oneOf(['readWrite', 'readOnly'])), principalType: opt(PRINCIPAL_TYPE),
});

export const ENGINE_SHAPE = shapes.instance(() => DatabaseEngine, 'a DatabaseEngine (DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...}))');

const BY_REGION = shapes.map(shapes.string('a name'), 'an object of region names to names');
export const DATABASE_NAMES_SHAPE = strictShape<ActivePassiveDatabaseNames>({
  sqlServers: opt(BY_REGION), sqlFailoverGroups: opt(BY_REGION), postgresqlServers: opt(BY_REGION),
  postgresqlReplicas: opt(shapes.map(BY_REGION, 'an object of home regions to objects of replica regions to names')),
  postgresqlReadReplicas: opt(shapes.map(shapes.list(shapes.string('a name'), 'a list of names'), 'an object of home regions to lists of names')),
  postgresqlVirtualEndpoints: opt(BY_REGION), databases: opt(BY_REGION),
});

export const ACTIVE_PASSIVE_DATABASE_SHAPE = strictShape<ActivePassiveDatabaseProps>({
  ...DATA_TIER_ENTRIES, engine: ENGINE_SHAPE, administrator: ADMINISTRATOR_SHAPE, databaseName: opt(shapes.string()), names: opt(DATABASE_NAMES_SHAPE),
  maintenanceWindows: opt(shapes.map(MAINTENANCE_WINDOW_SHAPE)),
});
