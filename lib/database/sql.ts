import { addDiagnostics } from '../monitoring/diagnostics';
import { MssqlDatabase } from '@cdktf/provider-azurerm/lib/mssql-database';
import { MssqlDatabaseExtendedAuditingPolicy } from '@cdktf/provider-azurerm/lib/mssql-database-extended-auditing-policy';
import { MssqlFailoverGroup } from '@cdktf/provider-azurerm/lib/mssql-failover-group';
import { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import { MssqlServerExtendedAuditingPolicy } from '@cdktf/provider-azurerm/lib/mssql-server-extended-auditing-policy';
import { MssqlServerSecurityAlertPolicy } from '@cdktf/provider-azurerm/lib/mssql-server-security-alert-policy';
import { ValidationError } from '../core/errors';
import { protect } from '../core/lifecycle';
import { ResourceKind } from '../core/naming';
import { PatternKind, RegionPlacement, RegionRole } from '../core/pattern';
import { checkInteger, checkOneOf } from '../core/validate';
import type { DatabaseCell, DatabaseServerEndpoint } from './active-passive-database';
import type { DatabaseBuild, DatabaseBuildContext } from './topology';
import { SqlEngineOptions } from './engine';

/**
 * SKUs this construct makes zone-redundant: General Purpose, Business Critical, Premium. (Zone-redundant Hyperscale
 * also needs HA replicas and zone-redundant backup storage, which this construct does not configure.)
 */
const ZONE_REDUNDANT_SKU = /^(GP_|BC_|P\d+$)/;
const SQL_SKU = /^(GP_S_Gen5_\d+|GP_Gen5_\d+|GP_Fsv2_\d+|GP_DC_\d+|BC_Gen5_\d+|BC_DC_\d+|HS_Gen5_\d+|HS_PRMS_\d+|HS_MOPRMS_\d+|HS_S_Gen5_\d+|P\d+|S\d+|Basic)$/;
/** SKUs a license-free Standby replica supports: provisioned vCore General Purpose and Business Critical. */
const STANDBY_SKU = /^(GP_Gen5|GP_Fsv2|GP_DC|BC_Gen5|BC_DC)_\d+$/;
/** ISO 8601 periods Azure SQL long-term retention accepts. */
const PERIOD = /^P(\d+)([WMY])$/;
const LTR_LIMITS = { weekly: { W: 520, M: 120, Y: 10 }, monthly: { W: 520, M: 120, Y: 10 }, yearly: { W: 520, M: 120, Y: 10 } } as const;
/** Attributes a failover changes on the databases (the old primary turns into a geo-secondary and back). */
const FAILOVER_DRIFT = ['create_mode', 'creation_source_database_id', 'secondary_type'];

interface CheckedSqlOptions {
  readonly skuName: string;
  readonly maxSizeGb: number;
  readonly shortTermRetentionDays: number;
  readonly ltr: { weekly: string; monthly: string; yearly: string; weekOfYear: number };
  readonly failoverMode: 'Automatic' | 'Manual';
  readonly graceMinutes?: number;
  readonly readableSecondary?: boolean;
  readonly readOnlyEndpointFailover: boolean;
  readonly backupStorageRedundancy?: 'Geo' | 'GeoZone' | 'Zone' | 'Local';
}

function checkOptions(ctx: DatabaseBuildContext, o: SqlEngineOptions): CheckedSqlOptions {
  const scope = ctx.scope;
  const skuName = o.skuName ?? 'GP_Gen5_2';
  if (typeof skuName !== 'string' || !SQL_SKU.test(skuName)) {
    throw new ValidationError({ scope, prop: 'engine.skuName', value: skuName, problem: 'not an Azure SQL Database SKU', fix: "use e.g. 'GP_Gen5_2' (General Purpose), 'BC_Gen5_4' (Business Critical) or 'HS_Gen5_2' (Hyperscale)" });
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
  const maxSizeGb = checkInteger(scope, 'engine.maxSizeGb', o.maxSizeGb ?? 32, 1, 4096, 'vCore databases hold up to 4 TB');
  const shortTermRetentionDays = checkInteger(scope, 'engine.shortTermRetentionDays', o.shortTermRetentionDays ?? 14, 7, 35, 'Azure SQL point-in-time restore keeps 7-35 days');
  const ltr = {
    weekly: checkPeriod(ctx, 'weekly', o.longTermRetention?.weekly ?? 'P4W'),
    monthly: checkPeriod(ctx, 'monthly', o.longTermRetention?.monthly ?? 'P12M'),
    yearly: checkPeriod(ctx, 'yearly', o.longTermRetention?.yearly ?? 'P5Y'),
    weekOfYear: checkInteger(scope, 'engine.longTermRetention.weekOfYear', o.longTermRetention?.weekOfYear ?? 1, 1, 52, 'a week of the year'),
  };
  const failoverMode = checkOneOf(scope, 'engine.failoverMode', o.failoverMode ?? 'Automatic', ['Automatic', 'Manual'] as const);
  let graceMinutes: number | undefined;
  if (failoverMode === 'Manual' && o.graceMinutes !== undefined) {
    throw new ValidationError({ scope, prop: 'engine.graceMinutes', value: o.graceMinutes, problem: 'a grace period only applies to Automatic failover; with Manual a person decides when to fail over', fix: "drop graceMinutes, or set failoverMode: 'Automatic'" });
  }
  if (failoverMode === 'Automatic') {
    graceMinutes = o.graceMinutes ?? 60;
    if (!Number.isInteger(graceMinutes) || graceMinutes < 60) {
      throw new ValidationError({ scope, prop: 'engine.graceMinutes', value: graceMinutes, problem: 'an automatic failover group waits at least 60 minutes (Azure rejects less)', fix: "use 60 or more, or failoverMode: 'Manual' to fail over sooner by hand" });
    }
  }
  const backupStorageRedundancy = o.backupStorageRedundancy === undefined ? undefined
    : checkOneOf(scope, 'engine.backupStorageRedundancy', o.backupStorageRedundancy, ['Geo', 'GeoZone', 'Zone', 'Local'] as const);
  const secondaries = Math.max(0, ...ctx.plans.map((p) => (p.replica ? 1 : 0) + p.readReplicas.length));
  if (secondaries > 4) {
    throw new ValidationError({ scope, prop: 'regions', value: ctx.placements.map((p) => p.region.name), problem: `every activeActive cell keeps a readable copy in every other region, and Azure SQL allows at most four geo-secondaries per database (${secondaries} needed)`, fix: 'use at most 5 regions' });
  }
  const multiRegion = ctx.pattern.replicatesAcrossRegions;
  for (const [key, value] of [['failoverMode', o.failoverMode], ['graceMinutes', o.graceMinutes], ['readableSecondary', o.readableSecondary], ['readOnlyEndpointFailover', o.readOnlyEndpointFailover]] as const) {
    if (!multiRegion && value !== undefined) {
      throw new ValidationError({ scope, prop: `engine.${key}`, value, problem: `${ctx.pattern.kind} has no failover group, so this setting would be ignored`, fix: `drop ${key}, or choose primarySecondary, activePassive or activeActive` });
    }
  }
  return {
    skuName, maxSizeGb, shortTermRetentionDays, ltr, failoverMode, graceMinutes,
    readableSecondary: o.readableSecondary, readOnlyEndpointFailover: o.readOnlyEndpointFailover ?? true, backupStorageRedundancy,
  };
}

function checkPeriod(ctx: DatabaseBuildContext, kind: 'weekly' | 'monthly' | 'yearly', value: string): string {
  const match = typeof value === 'string' ? PERIOD.exec(value) : null;
  const limit = match ? LTR_LIMITS[kind][match[2] as 'W' | 'M' | 'Y'] : 0;
  if (!match || Number(match[1]) < 1 || Number(match[1]) > limit) {
    throw new ValidationError({ scope: ctx.scope, prop: `engine.longTermRetention.${kind}`, value, problem: 'not an ISO 8601 period Azure SQL long-term retention accepts (PnW up to 520 weeks, PnM up to 120 months, PnY up to 10 years)', fix: "write it like 'P4W', 'P12M' or 'P5Y'" });
  }
  return value;
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

/** Builds the Azure SQL topology of every cell. */
export function buildSql(ctx: DatabaseBuildContext, options: SqlEngineOptions): DatabaseBuild {
  const o = checkOptions(ctx, options);
  const servers = new Map<string, MssqlServer>();

  // One logical server per region, Entra-only, private, audited.
  for (const placement of ctx.placements) {
    const region = placement.region.name;
    const scope = ctx.regionScope(region);
    const server = new MssqlServer(scope, 'SqlServer', {
      name: ctx.naming.name(scope, ResourceKind.SQL_SERVER, { qualifier: region }),
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
    // diagnostic setting (azurerm docs, mssql_server_extended_auditing_policy; examples/sql-azure).
    new MssqlServerExtendedAuditingPolicy(scope, 'Auditing', { serverId: server.id, logMonitoringEnabled: true });
    new MssqlDatabaseExtendedAuditingPolicy(scope, 'MasterAuditing', { databaseId: `${server.id}/databases/master`, logMonitoringEnabled: true });
    addDiagnostics(scope, 'AuditDiagnostics', { targetResourceId: `${server.id}/databases/master`, workspaceId: ctx.monitoring(region).workspaceId, categories: ['SQLSecurityAuditEvents'] });
    new MssqlServerSecurityAlertPolicy(scope, 'SecurityAlertPolicy', {
      resourceGroupName: ctx.resourceGroupName(region),
      serverName: server.name,
      state: 'Enabled',
    });
    servers.set(region, server);
  }

  const ring = ctx.pattern.kind === PatternKind.ACTIVE_ACTIVE;
  const cells: DatabaseCell[] = ctx.plans.map((plan) => {
    const home = plan.home.region.name;
    const scope = ctx.regionScope(home);
    const name = ring ? `${ctx.databaseName}-${home}` : ctx.databaseName;
    const server = servers.get(home)!;
    const database = new MssqlDatabase(scope, 'Database', {
      name,
      serverId: server.id,
      skuName: o.skuName,
      maxSizeGb: o.maxSizeGb,
      zoneRedundant: plan.home.zoneRedundant,
      storageAccountType: backupRedundancy(ctx, o, plan.home),
      shortTermRetentionPolicy: { retentionDays: o.shortTermRetentionDays, backupIntervalInHours: 12 },
      longTermRetentionPolicy: { weeklyRetention: o.ltr.weekly, monthlyRetention: o.ltr.monthly, yearlyRetention: o.ltr.yearly, weekOfYear: o.ltr.weekOfYear },
      tags: { ...ctx.tags, region: home, cell: home },
    });
    protect(database, ctx.removalPolicy, FAILOVER_DRIFT);
    const serverHosts: Record<string, string> = { [home]: server.fullyQualifiedDomainName };
    if (!plan.replica) {
      return { homeRegion: home, databaseName: name, readWriteHost: server.fullyQualifiedDomainName, readOnlyHost: server.fullyQualifiedDomainName, serverHosts };
    }

    const replicaRegion = plan.replica.region.name;
    const partner = servers.get(replicaRegion)!;
    const readable = o.readableSecondary ?? plan.replica.role !== RegionRole.PASSIVE;
    if (!readable && !STANDBY_SKU.test(o.skuName)) {
      throw new ValidationError({
        scope: ctx.scope, prop: 'engine.skuName', value: o.skuName,
        problem: 'a non-readable (Standby) secondary needs a provisioned General Purpose or Business Critical SKU (not serverless, Hyperscale or DTU)',
        fix: "use e.g. 'GP_Gen5_2', or readableSecondary: true for a readable geo-secondary",
      });
    }
    const geoSecondary = (placement: RegionPlacement, secondaryType: 'Geo' | 'Standby') => {
      const secondaryRegion = placement.region.name;
      const secondary = new MssqlDatabase(ctx.regionScope(secondaryRegion), `Replica-${home}`, {
        name,
        serverId: servers.get(secondaryRegion)!.id,
        createMode: 'Secondary',
        creationSourceDatabaseId: database.id,
        secondaryType,
        // Same SKU as the primary (otherwise an unresolvable diff); no max_size_gb: Azure refuses it on secondaries.
        skuName: o.skuName,
        zoneRedundant: placement.zoneRedundant,
        // After a failover this database is the primary: keep its backups as safe as the original's, and its
        // long-term retention (backups are only taken once it is primary).
        storageAccountType: backupRedundancy(ctx, o, placement),
        longTermRetentionPolicy: { weeklyRetention: o.ltr.weekly, monthlyRetention: o.ltr.monthly, yearlyRetention: o.ltr.yearly, weekOfYear: o.ltr.weekOfYear },
        tags: { ...ctx.tags, region: secondaryRegion, cell: home },
      });
      protect(secondary, ctx.removalPolicy, FAILOVER_DRIFT);
      serverHosts[secondaryRegion] = servers.get(secondaryRegion)!.fullyQualifiedDomainName;
      return secondary;
    };
    // Declared explicitly (rather than left to the failover group to create) so the geo-secondary is
    // zone-redundant, tagged and protected like the primary, and a Standby replica can be chosen.
    const secondary = geoSecondary(plan.replica, readable ? 'Geo' : 'Standby');
    // activeActive with 3+ regions: a readable copy in every other region (active geo-replication allows four
    // secondaries; after a failover Azure links the others to the new primary).
    for (const other of plan.readReplicas) geoSecondary(other, 'Geo');
    const groupName = ctx.naming.name(scope, ResourceKind.SQL_FAILOVER_GROUP, { qualifier: home });
    new MssqlFailoverGroup(scope, 'FailoverGroup', {
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
    };
  });

  const endpoints: DatabaseServerEndpoint[] = [...servers.entries()].map(([region, server]) => ({ key: region, region, resourceId: server.id }));
  return { cells, servers: endpoints };
}

