import type { TerraformOutput } from 'cdktf';
import type { MaintenanceWindow } from '../core/maintenance-window';
import type { GrantOptions, IPrincipal } from '../core/principal';
import type { DatabaseAccess, DatabasePrincipalType } from './access';

// The public types the engine builders (sql.ts, postgresql.ts, topology.ts) share with the construct: the engines'
// options, the administrator, the name overrides and what the construct builds. They are apart from the props
// (active-passive-database-types.ts), which name DatabaseEngine: the engine builds with sql.ts and postgresql.ts, so
// nothing those import may import the engine.

/** The Entra ID principal that administers the database servers. */
export interface DatabaseAdministrator {
  /** Object ID of the group (or user / service principal). */
  readonly objectId: string;
  /** Display name (SQL: the login name; PostgreSQL: the principal name). */
  readonly name: string;
  /** What kind of Entra ID principal the administrator is. @default 'Group' */
  readonly type?: 'Group' | 'User' | 'ServicePrincipal';
}

/**
 * Name overrides of {@link ActivePassiveDatabase}, to adopt existing resources by name. Maps are keyed by region name;
 * a key the construct creates nothing for, or a name of the other engine, is an error (it would be ignored). Resource
 * groups are named by `resourceGroupNames`; monitoring sinks are given (`monitoring`).
 */
export interface ActivePassiveDatabaseNames {
  /**
   * Azure SQL: the logical server of each region, by region.
   * @default - `<prefix>-sql-<region>-<hash>`
   */
  readonly sqlServers?: { readonly [region: string]: string };
  /**
   * Azure SQL: the auto-failover group of each replicated cell, by home region (its listeners are
   * `<name>.database.windows.net` and `<name>.secondary.database.windows.net`).
   * @default - `<prefix>-sqlfg-<home region>-<hash>`
   */
  readonly sqlFailoverGroups?: { readonly [homeRegion: string]: string };
  /**
   * PostgreSQL: the primary server of each cell, by home region.
   * @default - `<prefix>-psql-<home region>-<hash>`
   */
  readonly postgresqlServers?: { readonly [homeRegion: string]: string };
  /**
   * PostgreSQL: the read replicas of each replicated cell, by home region, then by the replica's region.
   * @default - `<prefix>-psql-<replica region>-of-<home region>-<hash>` (`<prefix>-psql-<hash>` where that would
   * exceed 63 characters)
   */
  readonly postgresqlReplicas?: { readonly [homeRegion: string]: { readonly [replicaRegion: string]: string } };
  /**
   * PostgreSQL: the in-region read replicas of each cell (`readReplicas`), by home region, in replica order (a name per
   * replica; fewer names than replicas leave the rest generated).
   * @default - `<prefix>-psql-<home region>-read<n>-<hash>` (`<prefix>-psql-<hash>` where that would exceed 63 characters)
   */
  readonly postgresqlReadReplicas?: { readonly [homeRegion: string]: readonly string[] };
  /**
   * PostgreSQL: the virtual endpoint of each replicated cell or cell with in-region read replicas, by home region (its hosts are
   * `<name>.writer.postgres.database.azure.com` and `<name>.reader.postgres.database.azure.com`).
   * @default - `<prefix>-psqlve-<home region>-<hash>`
   */
  readonly postgresqlVirtualEndpoints?: { readonly [homeRegion: string]: string };
  /**
   * The database of each cell, by home region (SQL: its geo-secondaries take the same name; under activeActive every
   * server holds every cell's database, so the names must differ).
   * @default - `databaseName`; Azure SQL under activeActive `<databaseName>-<home region>`
   */
  readonly databases?: { readonly [homeRegion: string]: string };
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
  /**
   * PostgreSQL with `readReplicas`: the host of each in-region read replica of the home server, in replica order
   * (a read pool in the home region; reads there may lag the primary by the replication delay).
   */
  readonly readPool?: readonly string[];
  /**
   * Azure SQL with `readScaleOut`: `ReadOnly`, the `ApplicationIntent` that sends a read connection to a readable
   * high-availability replica.
   */
  readonly readIntent?: 'ReadOnly';
}

/** A database server that stamps reach through a private endpoint. */
export interface DatabaseServerEndpoint {
  /** Stable key (`<region>` or `<region>-replica`), used in construct IDs of the private endpoints. */
  readonly key: string;
  /** Region the server is in. */
  readonly region: string;
  /** Azure resource ID of the server (the private endpoints' target). */
  readonly resourceId: string;
  /** Only the stamp of the server's own region reaches it (an in-region read replica). @default false */
  readonly localOnly?: boolean;
}

/**
 * Long-term retention of Azure SQL backups: how long the weekly, monthly and yearly full backups are kept (Azure's
 * limits, per the azurerm provider's mssql_database documentation: 1-520 weeks, 1-120 months, 1-10 years).
 */
export interface SqlLongTermRetention {
  /** Weeks each weekly backup is kept (1-520). @default 4 */
  readonly weeklyRetentionWeeks?: number;
  /** Months the first backup of each month is kept (1-120). @default 12 */
  readonly monthlyRetentionMonths?: number;
  /** Years the yearly backup (the one of `weekOfYear`) is kept (1-10). @default 5 */
  readonly yearlyRetentionYears?: number;
  /** Week of the year whose backup is the yearly one (1-52). @default 1 */
  readonly weekOfYear?: number;
}

/** Provisioned compute: the vCores of `skuName`, reserved and billed by the hour. */
export interface SqlProvisionedCompute {
  /** Provisioned compute. */
  readonly kind: 'Provisioned';
}

/**
 * General Purpose serverless compute (`GP_S_Gen5_<maxVcores>`): Azure scales the vCores between `minVcores` and
 * `maxVcores` with the load and bills each second's vCores (at least `minVcores`). Valid with zone redundancy and
 * with failover groups (the geo-secondaries run the same settings); not with a license-free `Standby` secondary.
 */
export interface SqlServerlessCompute {
  /** General Purpose serverless compute. */
  readonly kind: 'Serverless';
  /** Most vCores: 1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40 or 80 (Azure's GP serverless sizes). */
  readonly maxVcores: number;
  /**
   * Fewest vCores, billed even when idle: at least Azure's floor for `maxVcores` (0.5 up to 4 max vCores, 0.75 for
   * 6, then an eighth of the maximum: 1 for 8 ... 10 for 80) and at most `maxVcores`, one of 0.5, 0.75, 1, 1.25, 1.5,
   * 1.75, 2, 2.25, 2.5, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40.
   * @default - Azure's floor for `maxVcores`
   */
  readonly minVcores?: number;
  /**
   * Minutes without sessions and load before Azure pauses the database (15-10080), or -1 for never. A paused
   * database takes up to a minute to resume on the next login. Azure does not pause a database that is
   * geo-replicated or keeps long-term backups, and this construct geo-replicates every multi-region pattern and keeps
   * long-term backups of every database, so any value but -1 is refused.
   * @default -1 (auto-pause off)
   */
  readonly autoPauseDelayMinutes?: number;
}

/** How the Order database's compute is bought: provisioned (`skuName`) or General Purpose serverless. */
export type SqlCompute = SqlProvisionedCompute | SqlServerlessCompute;

/**
 * An Azure SQL maintenance window, in the local time of the database's region (Microsoft Learn, "Maintenance window
 * in Azure SQL Database"): `SystemDefault` (Azure's policy: impactful updates 17:00-08:00 local, urgent ones at any
 * time), `WeekdayNights` (22:00-06:00 starting Monday to Thursday) or `WeekendNights` (22:00-06:00 starting Friday to
 * Sunday).
 */
export type SqlMaintenance = 'SystemDefault' | 'WeekdayNights' | 'WeekendNights';

/** Options of {@link DatabaseEngine.sql}. */
export interface SqlEngineOptions {
  /**
   * Database SKU of provisioned compute: General Purpose (`GP_*`), Business Critical (`BC_*`) or Premium (`P*`), the
   * tiers this construct makes zone-redundant. Not with serverless `compute`, which names its own SKU.
   * @default 'GP_Gen5_2'
   */
  readonly skuName?: string;
  /**
   * Provisioned or serverless compute: `SqlProvisionedCompute` (kind 'Provisioned') or `SqlServerlessCompute`
   * (kind 'Serverless', with `maxVcores` and optionally `minVcores`). Switching between them changes the SKU in place
   * (the database is not replaced).
   * @default - provisioned
   */
  readonly compute?: SqlCompute;
  /**
   * Maintenance window of each cell's primary database (its home region's local time). A night window needs a region
   * that offers it (the azurerm provider's list) and a SKU that supports it (not DC or Fsv2 hardware).
   * @default 'WeekdayNights' where the region and SKU offer it, otherwise 'SystemDefault'
   */
  readonly maintenance?: SqlMaintenance;
  /**
   * Maintenance window of the geo-secondaries (failover group partners and activeActive read copies), in their
   * regions' local time. Microsoft recommends different windows for a primary and its geo-secondary, so the default
   * staggers them.
   * @default - the other night window than `maintenance` ('WeekendNights' for 'WeekdayNights' and the reverse;
   * 'SystemDefault' for 'SystemDefault'), or 'SystemDefault' where the region or SKU does not offer it
   */
  readonly secondaryMaintenance?: SqlMaintenance;
  /** Maximum size in GB. @default 32 */
  readonly maxSizeGb?: number;
  /** Point-in-time restore window in days (7-35). @default 14 */
  readonly shortTermRetentionDays?: number;
  /** Long-term retention. @default - 4 weekly, 12 monthly, 5 yearly backups */
  readonly longTermRetention?: SqlLongTermRetention;
  /**
   * Read-write listener failover: `Automatic` (Azure fails over after `graceMinutes` of
   * primary outage) or `Manual` (customer-managed: a person runs the failover; Microsoft's recommendation, because a
   * Microsoft-managed failover only happens for a region-wide outage and can take about an hour).
   * @default 'Automatic'
   */
  readonly failoverMode?: 'Automatic' | 'Manual';
  /** Minutes of primary outage before an automatic failover (Azure's minimum is 60). @default 60 */
  readonly graceMinutes?: number;
  /**
   * Whether the geo-secondary serves reads (a readable `Geo` replica) or is a license-free `Standby` replica for
   * disaster recovery only.
   * @default - true for primarySecondary and activeActive, false for activePassive
   */
  readonly readableSecondary?: boolean;
  /**
   * Let the read-only listener fail over to the primary when the secondary is down, so reads keep working
   * when the secondary region is lost.
   * @default true
   */
  readonly readOnlyEndpointFailover?: boolean;
  /**
   * Read scale-out: connections with `ApplicationIntent=ReadOnly` reach a readable high-availability replica of the
   * database (in the same region; Business Critical and Premium keep such replicas, General Purpose and serverless
   * do not). Every database of the cell gets it, so a failed-over geo-secondary scales reads out too. On the platform
   * the Order service's `ORDER_DB_READ_INTENT` says `ReadOnly`. Hyperscale's named replicas stay out of reach: the
   * construct refuses Hyperscale (zone-redundant Hyperscale needs settings it does not make). To turn it off again,
   * set `false`: the provider keeps Azure's value of an attribute left out.
   * @default - not written: off on a new database (the provider creates it without)
   */
  readonly readScaleOut?: boolean;
  /**
   * Backup storage redundancy: `Geo` (to the paired region), `GeoZone`, `Zone` or `Local`.
   * @default - `Geo` when the region has a pair (for regionPinned: a pair inside the cell's residency), otherwise
   * `Zone` in a region with availability zones, else `Local`
   */
  readonly backupStorageRedundancy?: 'Geo' | 'GeoZone' | 'Zone' | 'Local';
}

/** A PostgreSQL flexible server high-availability mode (`PostgresqlEngineOptions.highAvailability`). */
export type PostgresqlHighAvailabilityMode = 'ZoneRedundant' | 'SameZone' | 'Disabled';

/** Options of {@link DatabaseEngine.postgresql}. */
export interface PostgresqlEngineOptions {
  /** PostgreSQL major version. @default '16' */
  readonly version?: string;
  /**
   * Compute SKU: General Purpose (`GP_Standard_*`) or Memory Optimized (`MO_Standard_*`); Burstable (`B_*`)
   * cannot run high availability.
   * @default 'GP_Standard_D4ds_v5'
   */
  readonly skuName?: string;
  /** Storage in MB (one of Azure's sizes, 32768 to 33553408); auto-grow is on. @default 131072 */
  readonly storageMb?: number;
  /** Point-in-time restore window in days (7-35). @default 14 */
  readonly backupRetentionDays?: number;
  /**
   * High availability of the cells' primary servers (a hot standby with automatic failover in 60-120 s):
   * - `'ZoneRedundant'`: the standby in another zone (`standbyZone`); only where the region has availability zones.
   * - `'SameZone'`: the standby in the primary's zone. What a region without zones can offer; in a region with zones
   *   it survives a server failure but not the loss of the zone, so it is accepted there only when the region is named
   *   (`{ <home region>: 'SameZone' }`).
   * - `'Disabled'` (or `false`): no standby.
   * - `true` or left out: each home region's best mode from the region catalog (`ZoneRedundant` with zones,
   *   `SameZone` without).
   * - `{ [homeRegion]: mode }`: a mode per cell's home region (keys are home regions; the others take the default).
   *
   * Read replicas run no HA of their own (Azure does not offer it); after a promotion, enable the region's mode on the
   * new primary (the runbook names it).
   * @default - per home region: `ZoneRedundant` where it has zones, `SameZone` where it has none
   */
  readonly highAvailability?: boolean | PostgresqlHighAvailabilityMode | { readonly [homeRegion: string]: PostgresqlHighAvailabilityMode };
  /**
   * Read replicas of each cell's primary server in its own region (a read pool): asynchronous copies with the
   * primary's SKU and storage, spread over the region's zones (the zone after the primary's first), each with its own
   * host in `DatabaseCell.readPool` and, on the platform, in the Order service's `ORDER_DB_READ_POOL`. A cell without a
   * cross-region replica gets a virtual endpoint whose reader names its first in-region replica. Azure allows five
   * replicas per server, counting the cross-region ones the pattern keeps; Burstable servers have none. Raise or lower
   * the count as read load changes: the replicas are numbered, so lowering it removes only the highest-numbered ones.
   * @default 0
   */
  readonly readReplicas?: number;
  /** Availability zone of the primary. @default '1' */
  readonly primaryZone?: '1' | '2' | '3';
  /** Availability zone of the HA standby (must differ from the primary's). @default '2' */
  readonly standbyZone?: '1' | '2' | '3';
  /**
   * Geo-redundant backups (stored in the paired region).
   * @default - true when the region has a pair (for regionPinned: a pair inside the cell's residency)
   */
  readonly geoRedundantBackup?: boolean;
  /**
   * Weekly maintenance window of the primary servers. Flexible server takes a day and start in UTC (the window is
   * converted, moving to the previous or next day when the UTC offset crosses midnight); its custom windows last one
   * hour, so `durationHours` can only be 1.
   * @default - Sunday 02:00 UTC, 1 hour
   */
  readonly maintenanceWindow?: MaintenanceWindow;
}

/**
 * A principal that can be given a user in the Order database: an `IPrincipal` with the display name the database user
 * takes. An azurerm `UserAssignedIdentity` satisfies it as it is; any other principal is
 * `{ principalId: '<object ID>', name: '<display name>' }`.
 */
export interface IDatabasePrincipal extends IPrincipal {
  /**
   * The database user's name, by which Azure SQL looks the principal up: the display name of a group, service principal
   * or managed identity (a `UserAssignedIdentity`'s `name`), or a user's user principal name (`bob@contoso.com`). A
   * Terraform token is accepted.
   */
  readonly name: string;
}

/** Options of `ActivePassiveDatabase.grantDataAccess`: where the outputs go and what the user may do. */
export interface DatabaseGrantOptions extends GrantOptions {
  /** Read and write the application's tables, or only read them. @default 'readWrite' */
  readonly access?: DatabaseAccess;
  /**
   * The kind of Entra ID principal (PostgreSQL maps the role by object ID and kind).
   * @default 'ServicePrincipal' (a managed identity or an application)
   */
  readonly principalType?: DatabasePrincipalType;
}

/** One cell's part of a grant of database access. */
export interface DatabaseAccessGrant {
  /** Home region of the cell. */
  readonly homeRegion: string;
  /** The cell's database. */
  readonly databaseName: string;
  /** The cell's read-write host, where the statements run. */
  readonly host: string;
  /** The statements, with Terraform tokens where names are known only at apply. */
  readonly statements: string;
  /** The Terraform output that carries the resolved statements (`cdktf output <stack>`, or `terraform output -raw <name>`). */
  readonly output: TerraformOutput;
}
