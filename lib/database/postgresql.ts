import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { PostgresqlFlexibleServerActiveDirectoryAdministrator } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-active-directory-administrator';
import { PostgresqlFlexibleServerDatabase } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-database';
import { PostgresqlFlexibleServerVirtualEndpoint } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-virtual-endpoint';
import { addDiagnostics } from '../monitoring/diagnostics';
import { ValidationError } from '../core/errors';
import { protect } from '../core/lifecycle';
import { ResourceKind } from '../core/naming';
import { checkInteger, checkOneOf } from '../core/validate';
import type { DatabaseCell, DatabaseServerEndpoint } from './active-passive-database';
import type { DatabaseBuild, DatabaseBuildContext } from './topology';
import { RegionPlacement } from '../core/pattern';
import { PostgresqlEngineOptions } from './engine';

/**
 * Major versions Azure Database for PostgreSQL flexible server offers for new servers (11 and 12 are retired;
 * azurerm 4.55 added 18).
 */
export const POSTGRESQL_VERSIONS = ['13', '14', '15', '16', '17', '18'] as const;
/** Storage sizes (MB) flexible server accepts (Premium SSD). */
const STORAGE_MB = [32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408];
const PG_SKU = /^(B|GP|MO)_Standard_[A-Za-z0-9_]+$/;
const ZONES = ['1', '2', '3'] as const;
/**
 * Attributes Azure changes on its own: the primary and standby zones swap after an HA failover
 * (terraform-provider-azurerm#13443: without this the next plan replaces the server), and a promotion or
 * switchover rewrites the replication settings of both servers.
 */
const FAILOVER_DRIFT = ['zone', 'high_availability[0].standby_availability_zone', 'create_mode', 'source_server_id', 'replication_role'];

/** Server logs and the audit category group (pgaudit sessions) to Log Analytics. */
const LOGS = { categories: ['PostgreSQLLogs'], categoryGroups: ['audit'] };

interface CheckedPostgresqlOptions {
  readonly version: string;
  readonly skuName: string;
  readonly storageMb: number;
  readonly backupRetentionDays: number;
  readonly highAvailability: boolean;
  readonly primaryZone: string;
  readonly standbyZone: string;
  readonly geoRedundantBackup?: boolean;
  readonly maintenanceWindow: { dayOfWeek: number; startHour: number; startMinute: number };
}

function checkOptions(ctx: DatabaseBuildContext, o: PostgresqlEngineOptions): CheckedPostgresqlOptions {
  const scope = ctx.scope;
  const version = o.version ?? '16';
  if (!POSTGRESQL_VERSIONS.includes(version as (typeof POSTGRESQL_VERSIONS)[number])) {
    throw new ValidationError({ scope, prop: 'engine.version', value: version, problem: 'Azure Database for PostgreSQL flexible server does not offer this major version for new servers', fix: `use one of ${POSTGRESQL_VERSIONS.join(', ')}` });
  }
  const skuName = o.skuName ?? 'GP_Standard_D4ds_v5';
  if (typeof skuName !== 'string' || !PG_SKU.test(skuName)) {
    throw new ValidationError({ scope, prop: 'engine.skuName', value: skuName, problem: 'not a flexible server SKU (tier_Standard_size)', fix: "use e.g. 'GP_Standard_D4ds_v5' or 'MO_Standard_E4ds_v5'" });
  }
  const highAvailability = o.highAvailability ?? true;
  if (highAvailability && skuName.startsWith('B_')) {
    throw new ValidationError({ scope, prop: 'engine.skuName', value: skuName, problem: 'Burstable servers cannot run high availability', fix: "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5', or set highAvailability: false" });
  }
  if (skuName.startsWith('B_') && ctx.pattern.replicatesAcrossRegions) {
    throw new ValidationError({ scope, prop: 'engine.skuName', value: skuName, problem: `${ctx.pattern.kind} needs a cross-region read replica, and Burstable servers cannot have replicas`, fix: "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5'" });
  }
  const replicas = Math.max(0, ...ctx.plans.map((p) => (p.replica ? 1 : 0) + p.readReplicas.length));
  if (replicas > 5) {
    throw new ValidationError({ scope, prop: 'regions', value: ctx.placements.map((p) => p.region.name), problem: `every activeActive cell keeps a read replica in every other region, and a flexible server has at most five (${replicas} needed)`, fix: 'use at most 6 regions' });
  }
  const storageMb = o.storageMb ?? 131072;
  if (!STORAGE_MB.includes(storageMb)) {
    throw new ValidationError({ scope, prop: 'engine.storageMb', value: storageMb, problem: 'not a storage size flexible server offers', fix: `use one of ${STORAGE_MB.join(', ')}` });
  }
  const backupRetentionDays = checkInteger(scope, 'engine.backupRetentionDays', o.backupRetentionDays ?? 14, 7, 35, 'flexible server keeps backups 7-35 days');
  const primaryZone = checkOneOf(scope, 'engine.primaryZone', o.primaryZone ?? '1', ZONES);
  const standbyZone = checkOneOf(scope, 'engine.standbyZone', o.standbyZone ?? '2', ZONES);
  if (highAvailability && primaryZone === standbyZone) {
    throw new ValidationError({ scope, prop: 'engine.standbyZone', value: standbyZone, problem: 'zone-redundant HA needs the standby in a different zone from the primary', fix: `choose a zone other than ${primaryZone}` });
  }
  if (!highAvailability && o.standbyZone !== undefined) {
    throw new ValidationError({ scope, prop: 'engine.standbyZone', value: o.standbyZone, problem: 'there is no standby without high availability, so the setting would be ignored', fix: 'drop standbyZone, or set highAvailability: true' });
  }
  const window = o.maintenanceWindow ?? {};
  const maintenanceWindow = {
    dayOfWeek: checkInteger(scope, 'engine.maintenanceWindow.dayOfWeek', window.dayOfWeek ?? 0, 0, 6, '0 = Sunday'),
    startHour: checkInteger(scope, 'engine.maintenanceWindow.startHour', window.startHour ?? 2, 0, 23, 'UTC hour'),
    startMinute: checkInteger(scope, 'engine.maintenanceWindow.startMinute', window.startMinute ?? 0, 0, 59, 'minute'),
  };
  return { version, skuName, storageMb, backupRetentionDays, highAvailability, primaryZone, standbyZone, geoRedundantBackup: o.geoRedundantBackup, maintenanceWindow };
}

/** Builds the PostgreSQL flexible server topology of every cell. */
export function buildPostgresql(ctx: DatabaseBuildContext, options: PostgresqlEngineOptions): DatabaseBuild {
  const o = checkOptions(ctx, options);
  const servers: DatabaseServerEndpoint[] = [];

  const cells: DatabaseCell[] = ctx.plans.map((plan) => {
    const home = plan.home.region.name;
    const scope = ctx.regionScope(home);
    const why = ctx.geoBackupBlocker(plan.home);
    const geoAllowed = why === undefined;
    if (o.geoRedundantBackup === true && why) {
      throw new ValidationError({ scope: ctx.scope, prop: 'engine.geoRedundantBackup', value: true, problem: `geo-redundant backups are stored in the paired region, but ${why}`, fix: 'drop geoRedundantBackup (backups then stay zone-redundant in the region)' });
    }
    const zonal = plan.home.zoneRedundant;
    const primary = new PostgresqlFlexibleServer(scope, 'PostgresqlServer', {
      name: ctx.naming.name(scope, ResourceKind.POSTGRESQL_SERVER, { qualifier: home }),
      location: home,
      resourceGroupName: ctx.resourceGroupName(home),
      version: o.version,
      skuName: o.skuName,
      storageMb: o.storageMb,
      autoGrowEnabled: true,
      backupRetentionDays: o.backupRetentionDays,
      geoRedundantBackupEnabled: o.geoRedundantBackup ?? geoAllowed,
      zone: zonal ? o.primaryZone : undefined,
      highAvailability: o.highAvailability && zonal ? { mode: 'ZoneRedundant', standbyAvailabilityZone: o.standbyZone } : undefined,
      // Entra ID only; private endpoints only (no delegated subnet: the data tier meets stamps through endpoints).
      authentication: { activeDirectoryAuthEnabled: true, passwordAuthEnabled: false, tenantId: ctx.tenantId },
      publicNetworkAccessEnabled: false,
      maintenanceWindow: o.maintenanceWindow,
      tags: { ...ctx.tags, region: home, cell: home },
    });
    protect(primary, ctx.removalPolicy, FAILOVER_DRIFT);
    new PostgresqlFlexibleServerActiveDirectoryAdministrator(scope, 'EntraAdministrator', {
      serverName: primary.name,
      resourceGroupName: ctx.resourceGroupName(home),
      tenantId: ctx.tenantId,
      objectId: ctx.administrator.objectId,
      principalName: ctx.administrator.name,
      principalType: ctx.administrator.type,
    });
    const database = new PostgresqlFlexibleServerDatabase(scope, 'Database', {
      name: ctx.databaseName,
      serverId: primary.id,
      charset: 'UTF8',
      collation: 'en_US.utf8',
    });
    protect(database, ctx.removalPolicy);
    addDiagnostics(scope, 'PostgresqlDiagnostics', { targetResourceId: primary.id, workspaceId: ctx.monitoring(home).workspaceId, ...LOGS });
    servers.push({ key: home, region: home, resourceId: primary.id });
    const serverHosts: Record<string, string> = { [home]: primary.fqdn };
    if (!plan.replica) {
      return { homeRegion: home, databaseName: ctx.databaseName, readWriteHost: primary.fqdn, readOnlyHost: primary.fqdn, serverHosts };
    }

    const replicaRegion = plan.replica.region.name;
    // Cross-region read replicas (asynchronous, RPO <= 5 min). Replicas run neither HA nor backups of their own;
    // after a promotion, enable HA on the new primary.
    const readReplica = (placement: RegionPlacement) => {
      const region = placement.region.name;
      const replicaScope = ctx.regionScope(region);
      const id = `Replica-${home}`;
      const replica = new PostgresqlFlexibleServer(replicaScope, id, {
        name: ctx.naming.name(replicaScope, ResourceKind.POSTGRESQL_SERVER, { qualifier: `${region}-of-${home}`, childId: id }),
        location: region,
        resourceGroupName: ctx.resourceGroupName(region),
        createMode: 'Replica',
        sourceServerId: primary.id,
        version: o.version,
        // Same compute and storage as the primary: a promotion needs them equal.
        skuName: o.skuName,
        storageMb: o.storageMb,
        autoGrowEnabled: true,
        zone: placement.zoneRedundant ? o.primaryZone : undefined,
        authentication: { activeDirectoryAuthEnabled: true, passwordAuthEnabled: false, tenantId: ctx.tenantId },
        publicNetworkAccessEnabled: false,
        tags: { ...ctx.tags, region, cell: home },
      });
      protect(replica, ctx.removalPolicy, FAILOVER_DRIFT);
      addDiagnostics(replicaScope, `${id}Diagnostics`, { targetResourceId: replica.id, workspaceId: ctx.monitoring(region).workspaceId, ...LOGS });
      servers.push({ key: `${home}-replica-${region}`, region, resourceId: replica.id });
      serverHosts[region] = replica.fqdn;
      return replica;
    };
    const replica = readReplica(plan.replica);
    // activeActive with 3+ regions: a readable copy of the cell in every other region (up to five replicas).
    const others = plan.readReplicas.map((other) => readReplica(other));
    const endpointName = ctx.naming.name(scope, ResourceKind.POSTGRESQL_VIRTUAL_ENDPOINT, { qualifier: home });
    new PostgresqlFlexibleServerVirtualEndpoint(scope, 'VirtualEndpoint', {
      name: endpointName,
      sourceServerId: primary.id,
      replicaServerId: replica.id,
      type: 'ReadWrite',
      // Created only once every replica exists (the provider fails otherwise), and not rewritten after a
      // promotion: Azure swaps the members then, and the provider cannot update replica_server_id.
      dependsOn: [replica, ...others],
      lifecycle: { ignoreChanges: ['replica_server_id'] },
    });
    return {
      homeRegion: home,
      replicaRegion,
      databaseName: ctx.databaseName,
      // Virtual endpoints keep one writer and one reader name across a promotion (Microsoft Learn, "Virtual
      // endpoints for read replicas"): the writer always points at the current primary.
      readWriteHost: `${endpointName}.writer.postgres.database.azure.com`,
      readOnlyHost: `${endpointName}.reader.postgres.database.azure.com`,
      serverHosts,
    };
  });
  return { cells, servers };
}
