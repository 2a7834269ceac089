import { addSqlServerAuditDiagnostics, diagnose } from '../monitoring/diagnostics';
import { MssqlDatabase, MssqlDatabaseLongTermRetentionPolicy, MssqlDatabaseShortTermRetentionPolicy } from '@cdktf/provider-azurerm/lib/mssql-database';
import { MssqlDatabaseExtendedAuditingPolicy } from '@cdktf/provider-azurerm/lib/mssql-database-extended-auditing-policy';
import { MssqlFailoverGroup } from '@cdktf/provider-azurerm/lib/mssql-failover-group';
import { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import { MssqlServerExtendedAuditingPolicy } from '@cdktf/provider-azurerm/lib/mssql-server-extended-auditing-policy';
import { MssqlServerSecurityAlertPolicy } from '@cdktf/provider-azurerm/lib/mssql-server-security-alert-policy';
import { ValidationError } from '../core/errors';
import { protect } from '../core/lifecycle';
import { ResourceKind } from '../core/naming';
import { PatternKind, RegionPlacement, RegionRole } from '../core/pattern';
import { Checks } from '../core/validate';
import type { DatabaseCell, DatabaseServerEndpoint, SqlEngineOptions, SqlMaintenance } from './database-types';
import { checkServerless, CheckedSqlCompute, offersSqlMaintenanceWindows, sqlMaintenanceBlocker, sqlMaintenanceConfigurationName, sqlMaintenanceSlots } from './sql-compute';
import { cellDatabaseNames, checkNameMap } from './topology';
import type { CellPlan, DatabaseBuild, DatabaseBuildContext } from './topology';
import type { Construct } from 'constructs';

/**
 * SKUs this construct makes zone-redundant: General Purpose, Business Critical, Premium. (Zone-redundant Hyperscale
 * also needs HA replicas and zone-redundant backup storage, which this construct does not configure.)
 */
const ZONE_REDUNDANT_SKU = /^(GP_|BC_|P\d+$)/;
const SQL_SKU = /^(GP_S_Gen5_\d+|GP_Gen5_\d+|GP_Fsv2_\d+|GP_DC_\d+|BC_Gen5_\d+|BC_DC_\d+|HS_Gen5_\d+|HS_PRMS_\d+|HS_MOPRMS_\d+|HS_S_Gen5_\d+|P\d+|S\d+|Basic)$/;
/** SKUs a license-free Standby replica supports: provisioned vCore General Purpose and Business Critical. */
const STANDBY_SKU = /^(GP_Gen5|GP_Fsv2|GP_DC|BC_Gen5|BC_DC)_\d+$/;
/**
 * The long-term retention Azure SQL accepts: 1-520 weeks, 1-120 months, 1-10 years, the yearly backup from week 1-52
 * (terraform-provider-azurerm v4.55.0, website/docs/r/mssql_database.html.markdown, long_term_retention_policy; the
 * provider itself only checks that the values are ISO 8601 durations).
 */
const LTR_LIMITS = { weeklyRetentionWeeks: 520, monthlyRetentionMonths: 120, yearlyRetentionYears: 10 } as const;
/**
 * SKUs with readable high-availability replicas, which read scale-out routes `ApplicationIntent=ReadOnly` connections
 * to: Business Critical and Premium (the provider's `read_scale` is "only settable for Premium and Business Critical
 * databases", website/docs/r/mssql_database.html.markdown, v4.55.0).
 */
const READ_SCALE_SKU = /^(BC_|P\d+$)/;
/** Attributes a failover changes on the databases (the old primary turns into a geo-secondary and back). */
const FAILOVER_DRIFT = ['create_mode', 'creation_source_database_id', 'secondary_type'];

/** SQL options after validation. */
export interface CheckedSqlOptions {
  /** The SKU the databases run: `skuName`, or `GP_S_Gen5_<maxVcores>` for serverless compute. */
  readonly skuName: string;
  readonly compute: CheckedSqlCompute;
  /** The maintenance windows as given (the defaults depend on each database's region, see `maintenanceOf`). */
  readonly maintenance?: SqlMaintenance;
  readonly secondaryMaintenance?: SqlMaintenance;
  readonly maxSizeGb: number;
  readonly shortTermRetentionDays: number;
  /** Long-term retention as the provider takes it: ISO 8601 periods (`P4W`, `P12M`, `P5Y`) and the week of the year. */
  readonly ltr: { weekly: string; monthly: string; yearly: string; weekOfYear: number };
  /** Each cell's database name, by home region. */
  readonly databaseNames: { readonly [homeRegion: string]: string };
  readonly failoverMode: 'Automatic' | 'Manual';
  readonly graceMinutes?: number;
  readonly readableSecondary?: boolean;
  readonly readOnlyEndpointFailover: boolean;
  /** As given: `read_scale` is Optional and Computed in the provider, so only a value written changes Azure's. */
  readonly readScaleOut?: boolean;
  readonly backupStorageRedundancy?: 'Geo' | 'GeoZone' | 'Zone' | 'Local';
}

/** Checks the SQL options (every violation recorded in `checks`), returning sound values to build with. */
export function checkSqlOptions(ctx: DatabaseBuildContext, o: SqlEngineOptions, checks: Checks): CheckedSqlOptions {
  const compute = checkCompute(ctx, o, checks);
  const skuName = compute.skuName;
  const maxSizeGb = checks.integer('engine.maxSizeGb', o.maxSizeGb ?? 32, 1, 4096, 'vCore databases hold up to 4 TB', 32);
  const shortTermRetentionDays = checks.integer('engine.shortTermRetentionDays', o.shortTermRetentionDays ?? 14, 7, 35, 'Azure SQL point-in-time restore keeps 7-35 days', 14);
  const retention = o.longTermRetention ?? {};
  const ltrCount = (key: keyof typeof LTR_LIMITS, fallback: number, unit: string) =>
    checks.integer(`engine.longTermRetention.${key}`, retention[key] ?? fallback, 1, LTR_LIMITS[key], `Azure SQL keeps long-term backups 1-${LTR_LIMITS[key]} ${unit}`, fallback);
  const ltr = {
    weekly: `P${ltrCount('weeklyRetentionWeeks', 4, 'weeks')}W`,
    monthly: `P${ltrCount('monthlyRetentionMonths', 12, 'months')}M`,
    yearly: `P${ltrCount('yearlyRetentionYears', 5, 'years')}Y`,
    weekOfYear: checks.integer('engine.longTermRetention.weekOfYear', retention.weekOfYear ?? 1, 1, 52, 'a week of the year', 1),
  };
  const failoverMode = o.failoverMode ?? 'Automatic';
  let graceMinutes: number | undefined;
  if (failoverMode === 'Manual' && o.graceMinutes !== undefined) {
    checks.fail({ prop: 'engine.graceMinutes', value: o.graceMinutes, problem: 'a grace period only applies to Automatic failover; with Manual a person decides when to fail over', fix: "drop graceMinutes, or set failoverMode: 'Automatic'" });
  }
  if (failoverMode === 'Automatic' && ctx.pattern.replicatesAcrossRegions) {
    graceMinutes = checks.integer('engine.graceMinutes', o.graceMinutes ?? 60, 60, 1_000_000, "an automatic failover group waits at least 60 minutes (Azure rejects less); use failoverMode: 'Manual' to fail over sooner by hand", 60);
  }
  const secondaries = Math.max(0, ...ctx.plans.map((p) => (p.replica ? 1 : 0) + p.readReplicas.length));
  if (secondaries > 4) {
    checks.fail({ prop: 'regions', value: ctx.placements.map((p) => p.region.name), problem: `every activeActive cell keeps a readable copy in every other region, and Azure SQL allows at most four geo-secondaries per database (${secondaries} needed)`, fix: 'use at most 5 regions' });
  }
  const readScaleOut = o.readScaleOut;
  // Judged only on a SKU that was accepted: a refused one stands in as the default, which would name the wrong SKU.
  if (readScaleOut === true && !checks.failed('engine.skuName') && !checks.failed('engine.compute') && !READ_SCALE_SKU.test(skuName)) {
    checks.fail({
      prop: 'engine.readScaleOut', value: true,
      problem: `${skuName} keeps no readable high-availability replica to scale reads out to (Azure offers read scale-out on Business Critical and Premium; General Purpose and serverless have none, and the construct refuses Hyperscale)`,
      fix: "use a Business Critical or Premium SKU such as 'BC_Gen5_4', or drop readScaleOut (reads then use the primary, and the readable geo-secondary in its region)",
    });
  }
  const multiRegion = ctx.pattern.replicatesAcrossRegions;
  for (const [key, value] of [['failoverMode', o.failoverMode], ['graceMinutes', o.graceMinutes], ['readableSecondary', o.readableSecondary], ['readOnlyEndpointFailover', o.readOnlyEndpointFailover]] as const) {
    if (!multiRegion && value !== undefined) {
      checks.fail({ prop: `engine.${key}`, value, problem: `${ctx.pattern.kind} has no failover group, so this setting would be ignored`, fix: `drop ${key}, or choose primarySecondary, activePassive or activeActive` });
    }
  }
  const checked: CheckedSqlOptions = {
    skuName, compute, maintenance: o.maintenance, secondaryMaintenance: o.secondaryMaintenance, maxSizeGb, shortTermRetentionDays, ltr, failoverMode, graceMinutes, databaseNames: checkSqlNames(ctx, checks),
    readableSecondary: o.readableSecondary, readOnlyEndpointFailover: o.readOnlyEndpointFailover ?? true, readScaleOut, backupStorageRedundancy: o.backupStorageRedundancy,
  };
  for (const plan of ctx.plans) {
    for (const placement of [plan.home, ...(plan.replica ? [plan.replica] : []), ...plan.readReplicas]) checks.run(undefined, () => backupRedundancy(ctx, checked, placement));
    if (plan.replica && !(o.readableSecondary ?? plan.replica.role !== RegionRole.PASSIVE) && !STANDBY_SKU.test(skuName)) {
      // Microsoft Learn, "Configure a license-free standby replica", Limitations: the serverless compute tier isn't
      // supported (neither primary nor secondary), nor Hyperscale or DTU.
      checks.fail(compute.kind === 'Serverless' ? {
        prop: 'engine.compute', value: o.compute,
        problem: 'a non-readable (Standby) secondary cannot be serverless: Azure offers the license-free standby replica on provisioned General Purpose and Business Critical only',
        fix: "set readableSecondary: true (a readable geo-secondary, billed with its license), or use compute: { kind: 'Provisioned' }",
      } : {
        prop: 'engine.skuName', value: skuName,
        problem: 'a non-readable (Standby) secondary needs a provisioned General Purpose or Business Critical SKU (not serverless, Hyperscale or DTU)',
        fix: "use e.g. 'GP_Gen5_2', or readableSecondary: true for a readable geo-secondary",
      });
    }
  }
  checkMaintenance(ctx, checked, checks);
  return checked;
}

/** Checks the compute: a provisioned `skuName`, or serverless settings (not both). */
function checkCompute(ctx: DatabaseBuildContext, o: SqlEngineOptions, checks: Checks): CheckedSqlCompute {
  if (o.compute?.kind !== 'Serverless') return { kind: 'Provisioned', skuName: checks.run('GP_Gen5_2', () => checkSku(ctx.scope, o.skuName ?? 'GP_Gen5_2')) };
  if (o.skuName !== undefined) {
    checks.fail({
      prop: 'engine.skuName', value: o.skuName, problem: 'serverless compute names its own SKU (GP_S_Gen5_<maxVcores>), so skuName would conflict with it',
      fix: "drop skuName and size serverless with compute.maxVcores, or use compute: { kind: 'Provisioned' } with skuName",
    });
  }
  // Auto-pause: every multi-region pattern builds a failover group, and every database keeps long-term backups.
  return checkServerless(checks, o.compute, { failoverGroup: ctx.pattern.replicatesAcrossRegions, longTermRetention: true });
}

/** Checks that a maintenance window that was asked for exists in every region and for the SKU it applies to. */
function checkMaintenance(ctx: DatabaseBuildContext, o: CheckedSqlOptions, checks: Checks): void {
  const secondaries = ctx.plans.flatMap((p) => [...(p.replica ? [p.replica] : []), ...p.readReplicas]);
  if (o.secondaryMaintenance !== undefined && secondaries.length === 0) {
    checks.fail({ prop: 'engine.secondaryMaintenance', value: o.secondaryMaintenance, problem: `${ctx.pattern.kind} has no geo-secondaries, so this setting would be ignored`, fix: 'drop secondaryMaintenance, or choose primarySecondary, activePassive or activeActive' });
    return;
  }
  const given: [string, SqlMaintenance | undefined, readonly RegionPlacement[]][] = [['maintenance', o.maintenance, ctx.plans.map((p) => p.home)], ['secondaryMaintenance', o.secondaryMaintenance, secondaries]];
  for (const [key, window, placements] of given) {
    if (window === undefined || window === 'SystemDefault') continue;
    const blocked = [...new Set(placements.map((p) => sqlMaintenanceBlocker(p.region.name, o.skuName)).filter((why) => why !== undefined))];
    if (blocked.length) {
      checks.fail({ prop: `engine.${key}`, value: window, problem: blocked.join('; '), fix: `use 'SystemDefault' (Azure's 17:00-08:00 local policy), or a region and SKU that offer ${window}` });
    }
  }
}

/**
 * The maintenance window of a database: what was asked for its role, otherwise the default (the primary weekday
 * nights, its geo-secondaries the other night window), falling back to the system default where the region or SKU
 * offers no choice.
 */
function maintenanceOf(o: CheckedSqlOptions, region: string, role: 'primary' | 'secondary'): string {
  const window = sqlMaintenanceSlots(o.maintenance, o.secondaryMaintenance)[role];
  return sqlMaintenanceConfigurationName(offersSqlMaintenanceWindows(region, o.skuName) ? window : 'SystemDefault', region);
}

/**
 * The compute and maintenance attributes of a database. sku_name changes in place between provisioned and
 * serverless General Purpose (azurerm v4.55.0 mssql_database_resource.go: sku_name is not ForceNew; its CustomizeDiff
 * forces a new database only when leaving Hyperscale), and so do min_capacity, auto_pause_delay_in_minutes and
 * maintenance_configuration_name (none ForceNew; the update sends each when it changed).
 */
function computeOf(o: CheckedSqlOptions, region: string, role: 'primary' | 'secondary') {
  const c = o.compute;
  return {
    skuName: c.skuName,
    ...(c.kind === 'Serverless' ? { minCapacity: c.minVcores, autoPauseDelayInMinutes: c.autoPauseDelayMinutes } : {}),
    maintenanceConfigurationName: maintenanceOf(o, region, role),
  };
}

function checkSku(scope: Construct, skuName: string): string {
  if (!SQL_SKU.test(skuName)) {
    throw new ValidationError({ scope, prop: 'engine.skuName', value: skuName, problem: 'not an Azure SQL Database SKU', fix: "use e.g. 'GP_Gen5_2' (General Purpose), 'BC_Gen5_4' (Business Critical) or 'P2' (Premium)" });
  }
  if (!ZONE_REDUNDANT_SKU.test(skuName)) {
    throw new ValidationError({
      scope, prop: 'engine.skuName', value: skuName,
      problem: skuName.startsWith('HS_')
        ? 'zone-redundant Hyperscale needs high-availability replicas and zone-redundant backup storage, which this construct does not configure'
        : 'Basic and Standard databases cannot be zone-redundant, and every pattern keeps the Order database zone-redundant',
      fix: "use a General Purpose, Business Critical or Premium SKU, e.g. 'GP_Gen5_2'",
    });
  }
  return skuName;
}

/**
 * Checks the name overrides of the SQL resources (servers, failover groups, databases) and returns each cell's
 * database name. Under activeActive every server holds every cell's database, so the names must differ.
 */
function checkSqlNames(ctx: DatabaseBuildContext, checks: Checks): { readonly [homeRegion: string]: string } {
  const activeActive = ctx.pattern.kind === PatternKind.ACTIVE_ACTIVE;
  checkNameMap(ctx, checks, 'names.sqlServers', ctx.names.sqlServers, ctx.placements.map((p) => p.region.name), ResourceKind.SQL_SERVER, 'the regions');
  const replicated = ctx.plans.filter((p) => p.replica).map((p) => p.home.region.name);
  checkNameMap(ctx, checks, 'names.sqlFailoverGroups', ctx.names.sqlFailoverGroups, replicated, ResourceKind.SQL_FAILOVER_GROUP, 'the home regions of replicated cells');
  const names = cellDatabaseNames(ctx, checks, ResourceKind.SQL_DATABASE, (home) => (activeActive ? `${ctx.databaseName}-${home}` : ctx.databaseName));
  if (activeActive) {
    for (const [home, name] of Object.entries(names)) {
      const other = Object.keys(names).find((h) => h !== home && names[h] === name);
      if (other && ctx.names.databases?.[home] !== undefined) {
        checks.fail({ prop: `names.databases.${home}`, value: name, problem: `under activeActive every server holds every cell's database, and the ${other} cell's database has this name too`, fix: 'give every cell its own database name' });
      }
    }
  }
  return names;
}

/** Backup storage redundancy for a database homed in `placement`. */
function backupRedundancy(ctx: DatabaseBuildContext, o: CheckedSqlOptions, placement: RegionPlacement): string {
  const why = ctx.geoBackupBlocker(placement);
  if (o.backupStorageRedundancy) {
    if (o.backupStorageRedundancy.startsWith('Geo') && why) {
      throw new ValidationError({ scope: ctx.scope, prop: 'engine.backupStorageRedundancy', value: o.backupStorageRedundancy, problem: `geo-redundant backups would be copied to the paired region, but ${why}`, fix: "use 'Zone' (or 'Local' in a region without zones)" });
    }
    return o.backupStorageRedundancy;
  }
  return !why ? 'Geo' : placement.zoneRedundant ? 'Zone' : 'Local';
}

/** Builds the Azure SQL topology of every cell from checked options. */
export function buildSql(ctx: DatabaseBuildContext, o: CheckedSqlOptions): DatabaseBuild {
  const servers = new Map<string, MssqlServer>();
  // Every copy of a database carries the same retention: the copy that is primary after a failover takes the backups.
  const b: SqlBuild = {
    ctx, o, servers, databases: {}, secondaries: {}, failoverGroups: {},
    shortTerm: { retentionDays: o.shortTermRetentionDays, backupIntervalInHours: 12 },
    longTerm: { weeklyRetention: o.ltr.weekly, monthlyRetention: o.ltr.monthly, yearlyRetention: o.ltr.yearly, weekOfYear: o.ltr.weekOfYear },
  };
  for (const placement of ctx.placements) servers.set(placement.region.name, sqlServer(ctx, placement));
  const cells: DatabaseCell[] = ctx.plans.map((plan) => sqlCell(b, plan));
  const endpoints: DatabaseServerEndpoint[] = [...servers.entries()].map(([region, server]) => ({ key: region, region, resourceId: server.id }));
  return {
    cells, servers: endpoints, sqlServers: Object.fromEntries(servers), sqlDatabases: b.databases, sqlSecondaries: b.secondaries, sqlFailoverGroups: b.failoverGroups,
  };
}

/** What the cells' databases are built with: the checked options, every region's server and the retention policies. */
interface SqlBuild {
  readonly ctx: DatabaseBuildContext;
  readonly o: CheckedSqlOptions;
  /** The logical server of each region. */
  readonly servers: Map<string, MssqlServer>;
  /** Each cell's database, its geo-secondaries (by region) and its failover group, by home region, as they are built. */
  readonly databases: Record<string, MssqlDatabase>;
  readonly secondaries: Record<string, Record<string, MssqlDatabase>>;
  readonly failoverGroups: Record<string, MssqlFailoverGroup>;
  readonly shortTerm: MssqlDatabaseShortTermRetentionPolicy;
  readonly longTerm: MssqlDatabaseLongTermRetentionPolicy;
}

/** Builds a region's logical server: Entra-only, private, audited to Log Analytics, with a security alert policy. */
function sqlServer(ctx: DatabaseBuildContext, placement: RegionPlacement): MssqlServer {
  const region = placement.region.name;
  const scope = ctx.regionScope(region);
  const server = new MssqlServer(scope, 'SqlServer', {
    name: ctx.naming.name(scope, ResourceKind.SQL_SERVER, { qualifier: region, override: ctx.names.sqlServers?.[region], prop: `names.sqlServers.${region}` }),
    location: region,
    resourceGroupName: ctx.resourceGroupName(region),
    version: '12.0',
    minimumTlsVersion: '1.2',
    publicNetworkAccessEnabled: false,
    azureadAdministrator: {
      loginUsername: ctx.administrator.name,
      objectId: ctx.administrator.objectId,
      tenantId: ctx.tenantId,
      azureadAuthenticationOnly: true,
    },
    identity: { type: 'SystemAssigned' },
    tags: { ...ctx.tags, region },
  });
  protect(server, ctx.removalPolicy);
  // Server-level audit records reach Log Analytics through the master database: its auditing policy and its
  // diagnostic setting (the azurerm provider's documentation of mssql_server_extended_auditing_policy, and its
  // repository's examples/sql-azure).
  new MssqlServerExtendedAuditingPolicy(scope, 'Auditing', { serverId: server.id, logMonitoringEnabled: true });
  new MssqlDatabaseExtendedAuditingPolicy(scope, 'MasterAuditing', { databaseId: `${server.id}/databases/master`, logMonitoringEnabled: true });
  addSqlServerAuditDiagnostics(scope, 'AuditDiagnostics', server.id, ctx.monitoring(region).workspaceId);
  new MssqlServerSecurityAlertPolicy(scope, 'SecurityAlertPolicy', {
    resourceGroupName: ctx.resourceGroupName(region),
    serverName: server.name,
    state: 'Enabled',
  });
  return server;
}

/**
 * Builds a cell: its zone-redundant database on the home server and, when the cell replicates, its geo-secondaries and
 * the failover group whose listener names follow a failover.
 */
function sqlCell(b: SqlBuild, plan: CellPlan): DatabaseCell {
  const { ctx, o, servers } = b;
  const home = plan.home.region.name;
  const scope = ctx.regionScope(home);
  const name = o.databaseNames[home];
  const server = servers.get(home)!;
  const database = new MssqlDatabase(scope, 'Database', {
    name,
    serverId: server.id,
    ...computeOf(o, home, 'primary'),
    maxSizeGb: o.maxSizeGb,
    // Written only when given: the provider's read_scale is Optional and Computed
    // (internal/services/mssql/mssql_database_resource.go, v4.55.0), so leaving it out keeps what Azure has, and
    // `false` is what turns it off again.
    ...(o.readScaleOut !== undefined ? { readScale: o.readScaleOut } : {}),
    zoneRedundant: plan.home.zoneRedundant,
    storageAccountType: backupRedundancy(ctx, o, plan.home),
    shortTermRetentionPolicy: b.shortTerm,
    longTermRetentionPolicy: b.longTerm,
    tags: { ...ctx.tags, region: home, cell: home },
  });
  protect(database, ctx.removalPolicy, FAILOVER_DRIFT);
  diagnose(scope, 'DatabaseDiagnostics', 'azurerm_mssql_database', database.id, ctx.monitoring(home));
  b.databases[home] = database;
  const serverHosts: Record<string, string> = { [home]: server.fullyQualifiedDomainName };
  const intent = o.readScaleOut === true ? { readIntent: 'ReadOnly' as const } : {};
  if (!plan.replica) {
    return { homeRegion: home, databaseName: name, readWriteHost: server.fullyQualifiedDomainName, readOnlyHost: server.fullyQualifiedDomainName, serverHosts, ...intent };
  }

  const replicaRegion = plan.replica.region.name;
  const partner = servers.get(replicaRegion)!;
  const readable = o.readableSecondary ?? plan.replica.role !== RegionRole.PASSIVE;
  const primary = { home, name, database, serverHosts };
  // Declared explicitly (rather than left to the failover group to create) so the geo-secondary is
  // zone-redundant, tagged and protected like the primary, and a Standby replica can be chosen.
  const secondary = geoSecondary(b, primary, plan.replica, readable ? 'Geo' : 'Standby');
  // activeActive with 3+ regions: a readable copy in every other region (active geo-replication allows four
  // secondaries; after a failover Azure links the others to the new primary).
  for (const other of plan.readReplicas) geoSecondary(b, primary, other, 'Geo');
  const groupName = ctx.naming.name(scope, ResourceKind.SQL_FAILOVER_GROUP, { qualifier: home, override: ctx.names.sqlFailoverGroups?.[home], prop: `names.sqlFailoverGroups.${home}` });
  b.failoverGroups[home] = new MssqlFailoverGroup(scope, 'FailoverGroup', {
    name: groupName,
    serverId: server.id,
    partnerServer: [{ id: partner.id }],
    databases: [database.id],
    readWriteEndpointFailoverPolicy: o.failoverMode === 'Automatic'
      ? { mode: 'Automatic', graceMinutes: o.graceMinutes }
      : { mode: 'Manual' },
    readonlyEndpointFailoverPolicyEnabled: o.readOnlyEndpointFailover,
    tags: { ...ctx.tags, cell: home },
    dependsOn: [secondary],
  });
  return {
    homeRegion: home,
    replicaRegion,
    databaseName: name,
    // Listener DNS names (TTL 30 s) follow the failover: Microsoft Learn, "Failover groups overview".
    readWriteHost: `${groupName}.database.windows.net`,
    readOnlyHost: readable ? `${groupName}.secondary.database.windows.net` : `${groupName}.database.windows.net`,
    serverHosts,
    ...intent,
  };
}

/** Builds a geo-secondary of a cell's database in `placement`'s region, adding its server to the cell's hosts. */
function geoSecondary(
  b: SqlBuild, primary: { readonly home: string; readonly name: string; readonly database: MssqlDatabase; readonly serverHosts: Record<string, string> },
  placement: RegionPlacement, secondaryType: 'Geo' | 'Standby',
): MssqlDatabase {
  const { ctx, o, servers } = b;
  const secondaryRegion = placement.region.name;
  const secondary = new MssqlDatabase(ctx.regionScope(secondaryRegion), `Replica-${primary.home}`, {
    name: primary.name,
    serverId: servers.get(secondaryRegion)!.id,
    createMode: 'Secondary',
    creationSourceDatabaseId: primary.database.id,
    secondaryType,
    // Same SKU as the primary (otherwise an unresolvable diff). No max_size_gb: the provider refuses it in
    // secondary create mode ("it is not possible to change maximum size ... in secondary create mode",
    // terraform-provider-azurerm v4.55.0, internal/services/mssql/mssql_database_resource.go); Azure seeds the copy
    // with the primary's size.
    ...computeOf(o, secondaryRegion, 'secondary'),
    // A readable copy scales reads out like its primary (and keeps doing so once a failover makes it primary); a
    // Standby copy serves no reads (Microsoft Learn, "License-free standby replica").
    ...(o.readScaleOut !== undefined && secondaryType === 'Geo' ? { readScale: o.readScaleOut } : {}),
    zoneRedundant: placement.zoneRedundant,
    // After a failover this database is the primary: keep its backups as safe as the original's, and its
    // long-term retention (backups are only taken once it is primary).
    storageAccountType: backupRedundancy(ctx, o, placement),
    // The provider applies the short-term policy in any create mode; without it a failed-over primary keeps
    // Azure's default point-in-time restore window instead of the configured one.
    shortTermRetentionPolicy: b.shortTerm,
    longTermRetentionPolicy: b.longTerm,
    tags: { ...ctx.tags, region: secondaryRegion, cell: primary.home },
  });
  protect(secondary, ctx.removalPolicy, FAILOVER_DRIFT);
  diagnose(ctx.regionScope(secondaryRegion), `Replica-${primary.home}Diagnostics`, 'azurerm_mssql_database', secondary.id, ctx.monitoring(secondaryRegion));
  (b.secondaries[primary.home] ??= {})[secondaryRegion] = secondary;
  primary.serverHosts[secondaryRegion] = servers.get(secondaryRegion)!.fullyQualifiedDomainName;
  return secondary;
}
