import { DataTierProps } from '../data-tier/data-tier';
import type { MaintenanceWindow } from '../core/maintenance-window';
import type { ActivePassiveDatabaseNames, DatabaseAdministrator } from './database-types';
import { DatabaseEngine } from './engine';

// The props of ActivePassiveDatabase, apart from the construct so that the props' run-time shape (shapes.ts) can name
// them without importing it. The types the engine builders share are in database-types.ts.

/** Props of {@link ActivePassiveDatabase}. */
export interface ActivePassiveDatabaseProps extends DataTierProps {
  /** Engine and its settings, e.g. `DatabaseEngine.sql({ failoverMode: 'Manual' })`. */
  readonly engine: DatabaseEngine;
  /** Entra ID administrator of every server (password logins stay off). */
  readonly administrator: DatabaseAdministrator;
  /**
   * Database name. Under activeActive every cell's database is `<name>-<home region>` (a server holds its own
   * cell's database and copies of the other cells', which keep their names).
   * @default 'orders'
   */
  readonly databaseName?: string;
  /** Name overrides, to adopt existing servers, failover groups, replicas, endpoints or databases. @default - generated names */
  readonly names?: ActivePassiveDatabaseNames;
  /**
   * PostgreSQL: the maintenance window of each region's servers (its cell's primary and the replicas in it), by region,
   * so that regions take their maintenance at different times (one-hour windows, as `engine.maintenanceWindow`). A
   * region left out keeps `engine.maintenanceWindow` (a replica: the day after). Azure SQL takes Azure's maintenance
   * slots instead (see `SqlEngineOptions`).
   * @default - `engine.maintenanceWindow` for every primary, the day after for every replica
   */
  readonly maintenanceWindows?: { readonly [region: string]: MaintenanceWindow };
}
