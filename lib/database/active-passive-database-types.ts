import { DataTierProps } from '../data-tier/data-tier';
import { DatabaseEngine } from './engine';

// The public types of ActivePassiveDatabase, apart from the construct so that the engine builders (sql.ts,
// postgresql.ts, topology.ts) and the props' run-time shape (shapes.ts) can name them without importing it.

/** The Entra ID principal that administers the database servers. */
export interface DatabaseAdministrator {
  /** Object ID of the group (or user / service principal). */
  readonly objectId: string;
  /** Display name (SQL: the login name; PostgreSQL: the principal name). */
  readonly name: string;
  /** What kind of Entra ID principal the administrator is. @default 'Group' */
  readonly type?: 'Group' | 'User' | 'ServicePrincipal';
}

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
}

/** One cell of the Order database: a home region that writes, and where applications connect. */
export interface DatabaseCell {
  /** Region whose database this is (the writer in steady state). */
  readonly homeRegion: string;
  /** Region holding the cross-region replica, if the pattern has one. */
  readonly replicaRegion?: string;
  /** Database name inside the servers. */
  readonly databaseName: string;
  /**
   * Host name for writes; it follows a failover. SQL: the failover group's read-write listener
   * (`<group>.database.windows.net`) or the server; PostgreSQL: the virtual endpoint's writer or the server.
   */
  readonly readWriteHost: string;
  /**
   * Host name for reads. SQL: the read-only listener (`<group>.secondary.database.windows.net`, with
   * `ApplicationIntent=ReadOnly`) or the server; PostgreSQL: the virtual endpoint's reader or the server.
   */
  readonly readOnlyHost: string;
  /** Every server of the cell by region (home and replica), as fully qualified host names. */
  readonly serverHosts: { readonly [region: string]: string };
}

/** A database server that stamps reach through a private endpoint. */
export interface DatabaseServerEndpoint {
  /** Stable key (`<region>` or `<region>-replica`), used in construct IDs of the private endpoints. */
  readonly key: string;
  /** Region the server is in. */
  readonly region: string;
  /** Azure resource ID of the server (the private endpoints' target). */
  readonly resourceId: string;
}
