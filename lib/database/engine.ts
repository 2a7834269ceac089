import { asOptions, recordGiven } from '../core/validate';

/** Long-term retention of Azure SQL backups (ISO 8601 durations). */
export interface SqlLongTermRetention {
  /** Weekly backups kept, `P1W`-`P520W` (or `PnM`/`PnY`). @default 'P4W' */
  readonly weekly?: string;
  /** Monthly backups kept, `P1M`-`P120M`. @default 'P12M' */
  readonly monthly?: string;
  /** Yearly backups kept, `P1Y`-`P10Y`. @default 'P5Y' */
  readonly yearly?: string;
  /** Week of the year whose backup is the yearly one (1-52). @default 1 */
  readonly weekOfYear?: number;
}

/** Options of {@link DatabaseEngine.sql}. */
export interface SqlEngineOptions {
  /**
   * Database SKU: General Purpose (`GP_*`), Business Critical (`BC_*`) or Premium (`P*`), the tiers this construct
   * makes zone-redundant.
   * @default 'GP_Gen5_2'
   */
  readonly skuName?: string;
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
   * Backup storage redundancy: `Geo` (to the paired region), `GeoZone`, `Zone` or `Local`.
   * @default - `Geo` when the region has a pair (for regionPinned: a pair inside the cell's residency), otherwise
   * `Zone` in a region with availability zones, else `Local`
   */
  readonly backupStorageRedundancy?: 'Geo' | 'GeoZone' | 'Zone' | 'Local';
}

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
   * Zone-redundant high availability (a hot standby in another zone, automatic failover in 60-120 s).
   * @default true
   */
  readonly highAvailability?: boolean;
  /** Availability zone of the primary. @default '1' */
  readonly primaryZone?: '1' | '2' | '3';
  /** Availability zone of the HA standby (must differ from the primary's). @default '2' */
  readonly standbyZone?: '1' | '2' | '3';
  /**
   * Geo-redundant backups (stored in the paired region).
   * @default - true when the region has a pair (for regionPinned: a pair inside the cell's residency)
   */
  readonly geoRedundantBackup?: boolean;
  /** Weekly maintenance window (UTC). @default - Sunday 02:00 */
  readonly maintenanceWindow?: { readonly dayOfWeek?: number; readonly startHour?: number; readonly startMinute?: number };
}

/** Which engine holds the Order database, with its settings. */
export class DatabaseEngine {
  /** Azure SQL Database: one logical server per region, auto-failover groups across regions. */
  public static sql(options: SqlEngineOptions = {}): DatabaseEngine {
    return recordGiven(new DatabaseEngine('sql', asOptions(options)), options);
  }

  /** Azure Database for PostgreSQL flexible server: zone-redundant HA, cross-region read replica + virtual endpoint. */
  public static postgresql(options: PostgresqlEngineOptions = {}): DatabaseEngine {
    return recordGiven(new DatabaseEngine('postgresql', asOptions(options)), options);
  }

  private constructor(
    /** `sql` or `postgresql`. */
    public readonly kind: 'sql' | 'postgresql',
    /** The options as given (validated by the construct that receives the engine). */
    public readonly options: SqlEngineOptions | PostgresqlEngineOptions,
  ) {}

  /** The option names this engine accepts. */
  public get knownOptions(): readonly string[] {
    return this.kind === 'sql' ? SQL_OPTIONS : POSTGRESQL_OPTIONS;
  }
}

const SQL_OPTIONS = ['skuName', 'maxSizeGb', 'shortTermRetentionDays', 'longTermRetention', 'failoverMode', 'graceMinutes', 'readableSecondary', 'readOnlyEndpointFailover', 'backupStorageRedundancy'];
const POSTGRESQL_OPTIONS = ['version', 'skuName', 'storageMb', 'backupRetentionDays', 'highAvailability', 'primaryZone', 'standbyZone', 'geoRedundantBackup', 'maintenanceWindow'];
