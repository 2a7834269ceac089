import { Token } from 'cdktf';
import type { Checks } from '../core/validate';
import type { SqlCompute, SqlMaintenance } from './database-types';
import { SERVERLESS_MIN_VCORES } from '../core/sql-serverless';

export { SERVERLESS_MIN_VCORES };

// Azure SQL compute (provisioned or General Purpose serverless) and maintenance windows: the rules and the pure
// functions sql.ts builds with, apart so the platform can read a window's hours without building a database.

/**
 * The min capacities azurerm accepts (terraform-provider-azurerm v4.55.0, internal/services/mssql/
 * mssql_database_resource.go, `min_capacity`: FloatInSlice; 0 means unset).
 */
export const SERVERLESS_MIN_CAPACITIES: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40];

/** Compute after its checks: the SKU, and for serverless the min vCores and the auto-pause delay (-1: off). */
export type CheckedSqlCompute =
  | { readonly kind: 'Provisioned'; readonly skuName: string }
  | { readonly kind: 'Serverless'; readonly skuName: string; readonly maxVcores: number; readonly minVcores: number; readonly autoPauseDelayMinutes: number };

/** What decides whether auto-pause can work: Azure does not pause a geo-replicated database or one with LTR. */
export interface AutoPauseBlockers {
  /** The pattern builds failover groups (geo-secondaries). */
  readonly failoverGroup: boolean;
  /** The databases keep long-term backups. */
  readonly longTermRetention: boolean;
}

/**
 * Checks serverless compute (every violation recorded in `checks`): max vCores one of Azure's sizes, min vCores in
 * azurerm's set and between Azure's floor for the max and the max, auto-pause off (-1) or 15-10080 minutes and only
 * where Azure can pause. Returns sound values (Azure's smallest serverless size where a value failed).
 */
export function checkServerless(checks: Checks, compute: Extract<SqlCompute, { kind: 'Serverless' }>, blockers: AutoPauseBlockers): CheckedSqlCompute {
  const sizes = Object.keys(SERVERLESS_MIN_VCORES).map(Number);
  const maxVcores = Token.isUnresolved(compute.maxVcores) ? 2 : checks.oneOf('engine.compute.maxVcores', compute.maxVcores, sizes, 2,
    'Azure SQL General Purpose serverless (GP_S_Gen5_<max vCores>) comes in these sizes only');
  const floor = SERVERLESS_MIN_VCORES[maxVcores];
  const minVcores = compute.minVcores ?? floor;
  if (compute.minVcores !== undefined && !Token.isUnresolved(minVcores) && !checks.failed('engine.compute.maxVcores')) {
    if (!SERVERLESS_MIN_CAPACITIES.includes(minVcores)) {
      checks.fail({ prop: 'engine.compute.minVcores', value: minVcores, problem: 'not a min capacity Azure SQL serverless takes', fix: `use one of ${SERVERLESS_MIN_CAPACITIES.filter((c) => c >= floor && c <= maxVcores).join(', ')}` });
    } else if (minVcores < floor || minVcores > maxVcores) {
      checks.fail({
        prop: 'engine.compute.minVcores', value: minVcores,
        problem: minVcores > maxVcores ? `more than maxVcores (${maxVcores})` : `below Azure's floor of ${floor} min vCores for ${maxVcores} max vCores`,
        fix: `use ${floor} to ${maxVcores} (e.g. ${floor}), or ${minVcores > maxVcores ? 'raise' : 'lower'} maxVcores`,
      });
    }
  }
  const delay = compute.autoPauseDelayMinutes ?? -1;
  if (delay !== -1 && !Token.isUnresolved(delay)) checkAutoPause(checks, delay, blockers);
  return { kind: 'Serverless', skuName: `GP_S_Gen5_${maxVcores}`, maxVcores, minVcores, autoPauseDelayMinutes: delay };
}

function checkAutoPause(checks: Checks, delay: number, blockers: AutoPauseBlockers): void {
  const prop = 'engine.compute.autoPauseDelayMinutes';
  // azurerm: 15-10080 or -1 (internal/services/mssql/validate/database_auto_pause_delay.go).
  if (!Number.isInteger(delay) || delay < 15 || delay > 10_080) {
    checks.fail({ prop, value: delay, problem: 'Azure SQL serverless pauses after 15 to 10080 minutes (a week), or never (-1)', fix: 'use -1 (auto-pause off, the default) or 15-10080' });
    return;
  }
  // Microsoft Learn, "Auto-pause and auto-resume in the serverless compute tier" (serverless-tier-auto-pause-resume),
  // Features that prevent auto-pause: geo-replication (active geo-replication and failover groups) and long-term backup
  // retention (LTR); the database would stay online while the setting said otherwise.
  const why = [
    ...(blockers.failoverGroup ? ['the database is geo-replicated in a failover group'] : []),
    ...(blockers.longTermRetention ? ['it keeps long-term backups (LTR, which this construct configures for every database)'] : []),
  ];
  if (why.length) {
    checks.fail({
      prop, value: delay,
      problem: `Azure does not auto-pause a serverless database that is geo-replicated or keeps long-term backups, and ${why.join(', and ')}, so it would never pause`,
      fix: 'leave autoPauseDelayMinutes out (auto-pause off, as production needs): serverless still scales down to minVcores; lower minVcores to save more when idle',
    });
  }
}

/**
 * Regions whose Azure SQL maintenance windows azurerm accepts, as they appear in the names `SQL_<Region>_DB_1|2`
 * (terraform-provider-azurerm v4.55.0, internal/services/mssql/mssql_database_resource.go,
 * resourceMsSqlDatabaseMaintenanceNames: `maintenance_configuration_name` is a StringInSlice of these).
 */
const MAINTENANCE_REGIONS = [
  'AustraliaEast', 'AustraliaSoutheast', 'BrazilSouth', 'BrazilSoutheast', 'CanadaCentral', 'CanadaEast', 'CentralIndia', 'CentralUS', 'EastAsia', 'EastUS',
  'EastUS2', 'FranceCentral', 'FranceSouth', 'GermanyWestCentral', 'JapanEast', 'JapanWest', 'NorthCentralUS', 'NorthEurope', 'SouthAfricaNorth', 'SouthCentralUS',
  'SouthIndia', 'SoutheastAsia', 'SwedenCentral', 'SwitzerlandNorth', 'UAENorth', 'UKSouth', 'UKWest', 'WestCentralUS', 'WestEurope', 'WestUS', 'WestUS2', 'WestUS3',
] as const;
const MAINTENANCE_REGION_BY_NAME: ReadonlyMap<string, string> = new Map(MAINTENANCE_REGIONS.map((r) => [r.toLowerCase(), r]));
/**
 * SKUs without a choice of maintenance window: DC and Fsv2 hardware (Microsoft Learn, "Maintenance window in Azure SQL
 * Database", Supported service level objectives; Basic, S0 and S1 are refused as not zone-redundant already).
 */
const NO_MAINTENANCE_CHOICE_SKU = /^(GP|BC)_(DC|Fsv2)_\d+$/;

/** Whether a region (programmatic name, `eastus2`) offers the night windows, and the SKU supports a choice. */
export function offersSqlMaintenanceWindows(region: string, skuName: string): boolean {
  return MAINTENANCE_REGION_BY_NAME.has(region) && !NO_MAINTENANCE_CHOICE_SKU.test(skuName);
}

/** Why a night window is not available (for the error), or undefined. */
export function sqlMaintenanceBlocker(region: string, skuName: string): string | undefined {
  if (!MAINTENANCE_REGION_BY_NAME.has(region)) return `Azure SQL offers no maintenance window choice in ${region} (azurerm accepts SQL_<Region>_DB_1|2 for ${MAINTENANCE_REGIONS.length} regions)`;
  if (NO_MAINTENANCE_CHOICE_SKU.test(skuName)) return `${skuName} (DC or Fsv2 hardware) has no maintenance window choice`;
  return undefined;
}

/**
 * The `maintenance_configuration_name` of a window in a region: `SQL_Default`, `SQL_<Region>_DB_1` (weekday nights)
 * or `SQL_<Region>_DB_2` (weekend nights). The caller checks the region first (`offersSqlMaintenanceWindows`).
 */
export function sqlMaintenanceConfigurationName(maintenance: SqlMaintenance, region: string): string {
  if (maintenance === 'SystemDefault') return 'SQL_Default';
  const name = MAINTENANCE_REGION_BY_NAME.get(region);
  if (!name) throw new Error(`no Azure SQL maintenance windows in ${region}`);
  return `SQL_${name}_DB_${maintenance === 'WeekdayNights' ? 1 : 2}`;
}

/** The hours a maintenance window covers each week, in the local time of the database's region. */
export interface SqlMaintenanceHours {
  /** The days a window opens (it closes the next morning). */
  readonly days: readonly ('Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday')[];
  /** Local time each window opens, `HH:MM`. */
  readonly startTime: string;
  /** Hours each window lasts. */
  readonly durationHours: number;
  /** Always the region's local time (with its daylight saving time), not UTC. */
  readonly timeZone: 'region-local';
  /** False for `SystemDefault`: Azure may still apply urgent updates outside these hours. */
  readonly exclusive: boolean;
}

/**
 * The local weekly hours of a maintenance window (Microsoft Learn, "Maintenance window in Azure SQL Database"): the
 * night windows open at 22:00 for 8 hours, Monday to Thursday or Friday to Sunday; the system default keeps impactful
 * updates to 17:00-08:00 every day, without excluding urgent ones. The region is checked only for the night windows
 * (a region without them has no hours to give).
 */
export function sqlMaintenanceHours(maintenance: SqlMaintenance, region: string): SqlMaintenanceHours {
  if (maintenance === 'SystemDefault') {
    return { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], startTime: '17:00', durationHours: 15, timeZone: 'region-local', exclusive: false };
  }
  if (!MAINTENANCE_REGION_BY_NAME.has(region)) throw new Error(`no Azure SQL maintenance windows in ${region}`);
  const days = maintenance === 'WeekdayNights' ? (['Monday', 'Tuesday', 'Wednesday', 'Thursday'] as const) : (['Friday', 'Saturday', 'Sunday'] as const);
  return { days, startTime: '22:00', durationHours: 8, timeZone: 'region-local', exclusive: true };
}

/**
 * The windows a cell's primary and its geo-secondaries take: as asked, else the primary weekday nights and the
 * secondaries the other night window (before a region or SKU without a choice falls back to the system default).
 */
export function sqlMaintenanceSlots(maintenance: SqlMaintenance | undefined, secondaryMaintenance: SqlMaintenance | undefined): { readonly primary: SqlMaintenance; readonly secondary: SqlMaintenance } {
  const primary = maintenance ?? 'WeekdayNights';
  return { primary, secondary: secondaryMaintenance ?? staggeredSqlMaintenance(primary) };
}

/** The window a geo-secondary takes by default: the other night window, so a primary and its secondary never share one. */
export function staggeredSqlMaintenance(primary: SqlMaintenance): SqlMaintenance {
  return primary === 'WeekdayNights' ? 'WeekendNights' : primary === 'WeekendNights' ? 'WeekdayNights' : 'SystemDefault';
}
