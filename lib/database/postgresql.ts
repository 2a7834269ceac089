import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { acceptFinding } from '../core/accepted-findings';
import { PostgresqlFlexibleServerActiveDirectoryAdministrator } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-active-directory-administrator';
import { PostgresqlFlexibleServerDatabase } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-database';
import { PostgresqlFlexibleServerVirtualEndpoint } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-virtual-endpoint';
import { diagnose } from '../monitoring/diagnostics';
import { protect } from '../core/lifecycle';
import { checkMaintenanceWindow, utcWeeklyStart, UtcWeeklyStart } from '../core/maintenance-window';
import { ResourceKind } from '../core/naming';
import { checkDistinct } from '../core/name-overrides';
import { checkFormat, Checks } from '../core/validate';
import type { DatabaseCell, DatabaseServerEndpoint, PostgresqlEngineOptions, PostgresqlHighAvailabilityMode } from './database-types';
import { cellDatabaseNames, checkNameMap } from './topology';
import type { CellPlan, DatabaseBuild, DatabaseBuildContext } from './topology';
import { RegionPlacement } from '../core/pattern';

/**
 * Major versions Azure Database for PostgreSQL flexible server offers for new servers (11 and 12 are retired;
 * azurerm 4.55 added 18).
 */
export const POSTGRESQL_VERSIONS = ['13', '14', '15', '16', '17', '18'] as const;
/** Storage sizes (MB) flexible server accepts (Premium SSD). */
const STORAGE_MB = [32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408];
const PG_SKU = /^(B|GP|MO)_Standard_[A-Za-z0-9_]+$/;
/**
 * Attributes Azure changes on its own: the primary and standby zones swap after an HA failover
 * (terraform-provider-azurerm#13443: without this the next plan replaces the server), and a promotion or
 * switchover rewrites the replication settings of both servers.
 */
const FAILOVER_DRIFT = ['zone', 'high_availability[0].standby_availability_zone', 'create_mode', 'source_server_id', 'replication_role'];
/**
 * A replica configures no high availability (Azure offers none on replicas), so after a promotion the operator enables
 * it on the new primary (the runbook's step): without `high_availability` here the next plan would remove the block and
 * the provider would PATCH the mode to Disabled (postgresql_flexible_server_resource.go v4.55.0,
 * expandFlexibleServerHighAvailabilityForPatch: an absent block is `Disabled`).
 */
const REPLICA_DRIFT = FAILOVER_DRIFT.map((attribute) => (attribute.startsWith('high_availability') ? 'high_availability' : attribute));

/**
 * Custom maintenance windows of flexible server last one hour (Microsoft Learn, "Scheduled maintenance in Azure Database
 * for PostgreSQL": a day of the week and the start of a one-hour window); the provider's `maintenance_window` block holds
 * only the day, hour and minute, in UTC (postgresql_flexible_server_resource.go, v4.55.0).
 */
export const POSTGRESQL_WINDOW_LENGTHS = { minHours: 1, maxHours: 1, defaultHours: 1, why: 'flexible server custom maintenance windows last one hour' };

/** Server logs and the audit category group (pgaudit sessions) to Log Analytics. */

/** PostgreSQL options after validation. */
export interface CheckedPostgresqlOptions {
  readonly version: string;
  readonly skuName: string;
  readonly storageMb: number;
  readonly backupRetentionDays: number;
  /** Each cell's high-availability mode, by home region. */
  readonly highAvailability: { readonly [homeRegion: string]: PostgresqlHighAvailabilityMode };
  /** In-region read replicas of each cell's primary. */
  readonly readReplicas: number;
  readonly primaryZone: string;
  readonly standbyZone: string;
  readonly geoRedundantBackup?: boolean;
  /** The maintenance window's start in UTC, as the provider takes it (day 0 = Sunday). */
  readonly maintenanceWindow: UtcWeeklyStart;
  /** Each cell's database name, by home region. */
  readonly databaseNames: { readonly [homeRegion: string]: string };
}

/** Azure's limit of read replicas per flexible server (Microsoft Learn, "Read replicas": up to five). */
export const MAX_POSTGRESQL_REPLICAS = 5;

/** Checks the PostgreSQL options (every violation recorded in `checks`), returning sound values to build with. */
export function checkPostgresqlOptions(ctx: DatabaseBuildContext, o: PostgresqlEngineOptions, checks: Checks): CheckedPostgresqlOptions {
  const version = checks.oneOf('engine.version', o.version ?? '16', POSTGRESQL_VERSIONS, '16', 'Azure Database for PostgreSQL flexible server does not offer this major version for new servers');
  const skuName = checks.run('GP_Standard_D4ds_v5', () => checkFormat(ctx.scope, 'engine.skuName', o.skuName ?? 'GP_Standard_D4ds_v5', PG_SKU, 'not a flexible server SKU (tier_Standard_size)', "use e.g. 'GP_Standard_D4ds_v5' or 'MO_Standard_E4ds_v5'"));
  const highAvailability = checkHighAvailability(ctx, o.highAvailability, checks);
  const modes = Object.values(highAvailability);
  if (skuName.startsWith('B_') && modes.some((m) => m !== 'Disabled')) {
    checks.fail({ prop: 'engine.skuName', value: skuName, problem: 'Burstable servers cannot run high availability', fix: "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5', or set highAvailability: 'Disabled'" });
  }
  if (skuName.startsWith('B_') && ctx.pattern.replicatesAcrossRegions) {
    checks.fail({ prop: 'engine.skuName', value: skuName, problem: `${ctx.pattern.kind} needs a cross-region read replica, and Burstable servers cannot have replicas`, fix: "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5'" });
  }
  const readReplicas = checkReadReplicas(ctx, o.readReplicas, skuName, checks);
  const storageMb = checks.oneOf('engine.storageMb', o.storageMb ?? 131072, STORAGE_MB, 131072, 'not a storage size flexible server offers');
  const backupRetentionDays = checks.integer('engine.backupRetentionDays', o.backupRetentionDays ?? 14, 7, 35, 'flexible server keeps backups 7-35 days', 14);
  const primaryZone = o.primaryZone ?? '1';
  const standbyZone = o.standbyZone ?? '2';
  const zoneRedundant = modes.includes('ZoneRedundant');
  if (zoneRedundant && primaryZone === standbyZone) {
    checks.fail({ prop: 'engine.standbyZone', value: standbyZone, problem: 'zone-redundant HA needs the standby in a different zone from the primary', fix: `choose a zone other than ${primaryZone}` });
  }
  if (!zoneRedundant && o.standbyZone !== undefined) {
    checks.fail({ prop: 'engine.standbyZone', value: o.standbyZone, problem: `no cell runs zone-redundant HA (high availability: ${[...new Set(modes)].join(', ')}), and only a zone-redundant standby has a zone of its own, so the setting would be ignored`, fix: "drop standbyZone, or use zone-redundant HA (leave highAvailability out, or 'ZoneRedundant')" });
  }
  const maintenanceWindow = utcWeeklyStart(checkMaintenanceWindow(checks, 'engine.maintenanceWindow', o.maintenanceWindow, POSTGRESQL_WINDOW_LENGTHS));
  if (o.geoRedundantBackup === true) {
    for (const plan of ctx.plans) {
      const why = ctx.geoBackupBlocker(plan.home);
      if (why) checks.fail({ prop: 'engine.geoRedundantBackup', value: true, problem: `geo-redundant backups of the ${plan.home.region.name} server are stored in the paired region, but ${why}`, fix: 'drop geoRedundantBackup (backups then stay zone-redundant in the region)' });
    }
  }
  const databaseNames = checkPostgresqlNames(ctx, checks, readReplicas);
  return { version, skuName, storageMb, backupRetentionDays, highAvailability, readReplicas, primaryZone, standbyZone, geoRedundantBackup: o.geoRedundantBackup, maintenanceWindow, databaseNames };
}

/** The best high-availability mode a region offers: zone-redundant where it has availability zones, same-zone otherwise. */
export function defaultHighAvailability(placement: RegionPlacement): PostgresqlHighAvailabilityMode {
  return placement.zoneRedundant ? 'ZoneRedundant' : 'SameZone';
}

/**
 * Each cell's high-availability mode from `highAvailability` as given (shape-checked): a mode for every cell, a mode
 * per home region, or the default per region. Records a mode a region cannot run (zone-redundant without zones), a
 * same-zone standby where zone-redundant is possible unless the region is named, and keys that are no home region.
 */
function checkHighAvailability(ctx: DatabaseBuildContext, given: PostgresqlEngineOptions['highAvailability'], checks: Checks): { [homeRegion: string]: PostgresqlHighAvailabilityMode } {
  const homes = ctx.plans.map((p) => p.home);
  const perRegion = given !== null && typeof given === 'object' ? given : undefined;
  const all: PostgresqlHighAvailabilityMode | undefined = given === false ? 'Disabled' : typeof given === 'string' ? given : undefined;
  for (const key of Object.keys(perRegion ?? {}).filter((k) => !homes.some((h) => h.region.name === k))) {
    checks.fail({
      prop: `engine.highAvailability.${key}`, value: perRegion![key],
      problem: `no cell is homed in ${key}, and only a cell's primary server runs high availability (replicas cannot), so the mode would be ignored`,
      fix: `key highAvailability by the cells' home regions (${homes.map((h) => h.region.name).join(', ')})`,
    });
  }
  const out: { [homeRegion: string]: PostgresqlHighAvailabilityMode } = {};
  for (const home of homes) {
    const region = home.region.name;
    const named = perRegion?.[region];
    const mode = named ?? all ?? defaultHighAvailability(home);
    const prop = named !== undefined ? `engine.highAvailability.${region}` : 'engine.highAvailability';
    if (mode === 'ZoneRedundant' && !home.zoneRedundant) {
      checks.fail({ prop, value: mode, problem: `${home.region.displayName} has no availability zones, so a standby cannot be placed in another zone`, fix: named !== undefined ? `use 'SameZone' (a standby in the same datacenter), or drop highAvailability.${region} for that default` : `leave highAvailability out (each region's best mode: 'SameZone' in ${region}), or name modes per region` });
    } else if (mode === 'SameZone' && home.zoneRedundant && named === undefined) {
      checks.fail({ prop, value: mode, problem: `${home.region.displayName} has availability zones, where a same-zone standby survives a server failure but not the loss of its zone, and zone-redundant HA is possible`, fix: `leave highAvailability out (zone-redundant there), or say so for the region: highAvailability: { ${region}: 'SameZone' }` });
    }
    out[region] = mode;
  }
  return out;
}

/**
 * The in-region read replicas of each cell (0-5, integer): refused on Burstable servers, and where a cell's replicas
 * with the cross-region ones the pattern keeps would pass Azure's five per server.
 */
function checkReadReplicas(ctx: DatabaseBuildContext, given: number | undefined, skuName: string, checks: Checks): number {
  const readReplicas = checks.integer('engine.readReplicas', given ?? 0, 0, MAX_POSTGRESQL_REPLICAS, `a flexible server has at most ${MAX_POSTGRESQL_REPLICAS} read replicas`, 0);
  if (readReplicas > 0 && skuName.startsWith('B_')) {
    checks.fail({ prop: 'engine.readReplicas', value: readReplicas, problem: 'Burstable servers cannot have read replicas', fix: "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5', or drop readReplicas" });
  }
  const crossRegion = Math.max(0, ...ctx.plans.map((p) => (p.replica ? 1 : 0) + p.readReplicas.length));
  if (crossRegion > MAX_POSTGRESQL_REPLICAS) {
    checks.fail({ prop: 'regions', value: ctx.placements.map((p) => p.region.name), problem: `every activeActive cell keeps a read replica in every other region, and a flexible server has at most five (${crossRegion} needed)`, fix: 'use at most 6 regions' });
  } else if (crossRegion + readReplicas > MAX_POSTGRESQL_REPLICAS) {
    checks.fail({
      prop: 'engine.readReplicas', value: readReplicas,
      problem: `${ctx.pattern.kind} keeps ${crossRegion} cross-region replica(s) of each cell's server, and a flexible server has at most ${MAX_POSTGRESQL_REPLICAS} replicas (${crossRegion + readReplicas} needed)`,
      fix: `use at most ${MAX_POSTGRESQL_REPLICAS - crossRegion} in-region read replicas`,
    });
  }
  return readReplicas;
}

/**
 * Checks the name overrides of the PostgreSQL resources (servers, replicas, in-region read replicas, virtual endpoints,
 * databases); returns each cell's database name.
 */
function checkPostgresqlNames(ctx: DatabaseBuildContext, checks: Checks, readReplicas: number): { readonly [homeRegion: string]: string } {
  const names = ctx.names;
  const homesOf = (plans: readonly CellPlan[]) => plans.map((p) => p.home.region.name);
  checkNameMap(ctx, checks, 'names.postgresqlServers', names.postgresqlServers, homesOf(ctx.plans), ResourceKind.POSTGRESQL_SERVER, "the cells' home regions");
  const replicated = ctx.plans.filter((p) => p.replica);
  const homes = homesOf(replicated);
  checkNameMap(ctx, checks, 'names.postgresqlVirtualEndpoints', names.postgresqlVirtualEndpoints, homesOf(ctx.plans.filter((p) => p.replica || readReplicas > 0)), ResourceKind.POSTGRESQL_VIRTUAL_ENDPOINT, 'the home regions of cells with replicas');
  for (const [home, replicas] of Object.entries(names.postgresqlReplicas ?? {})) {
    const plan = replicated.find((p) => p.home.region.name === home);
    if (!plan) {
      checks.fail({ prop: `names.postgresqlReplicas.${home}`, value: home, problem: `${ctx.pattern.kind} keeps no read replica of a cell homed here, so the names would be ignored (keys are the home regions of replicated cells: ${homes.join(', ') || 'none under this pattern'})`, fix: homes.length ? `key names.postgresqlReplicas by ${homes.join(', ')}` : 'drop names.postgresqlReplicas' });
      continue;
    }
    const regions = [plan.replica!, ...plan.readReplicas].map((p) => p.region.name);
    checkNameMap(ctx, checks, `names.postgresqlReplicas.${home}`, replicas, regions, ResourceKind.POSTGRESQL_SERVER, `the regions holding a replica of the ${home} cell`);
  }
  for (const [home, list] of Object.entries(names.postgresqlReadReplicas ?? {})) {
    const prop = `names.postgresqlReadReplicas.${home}`;
    if (!homesOf(ctx.plans).includes(home)) {
      checks.fail({ prop, value: home, problem: `no cell is homed in ${home}, so the names would be ignored`, fix: `key names.postgresqlReadReplicas by the cells' home regions (${homesOf(ctx.plans).join(', ')})` });
    } else if (list.length > readReplicas) {
      checks.fail({ prop, value: list, problem: `${list.length} name(s) for ${readReplicas} in-region read replica(s), so the names past the count would be ignored`, fix: `give at most ${readReplicas} name(s), or raise engine.readReplicas` });
    } else {
      list.forEach((name, k) => checks.run(undefined, () => ResourceKind.POSTGRESQL_SERVER.validate(ctx.scope, `${prop}[${k}]`, name)));
    }
  }
  // Server names are global (`<name>.postgres.database.azure.com`): two overrides alike would fail at apply.
  checkDistinct(checks, [
    ...Object.entries(names.postgresqlServers ?? {}).map(([home, name]) => [`names.postgresqlServers.${home}`, name] as const),
    ...Object.entries(names.postgresqlReplicas ?? {}).flatMap(([home, byRegion]) => Object.entries(byRegion ?? {}).map(([region, name]) => [`names.postgresqlReplicas.${home}.${region}`, name] as const)),
    ...Object.entries(names.postgresqlReadReplicas ?? {}).flatMap(([home, list]) => (Array.isArray(list) ? list : []).map((name, k) => [`names.postgresqlReadReplicas.${home}[${k}]`, name] as const)),
  ], 'flexible server names are global');
  return cellDatabaseNames(ctx, checks, ResourceKind.POSTGRESQL_DATABASE, () => ctx.databaseName);
}

/** Builds the PostgreSQL flexible server topology of every cell. */
export function buildPostgresql(ctx: DatabaseBuildContext, o: CheckedPostgresqlOptions): DatabaseBuild {
  const b: PostgresqlBuild = { ctx, o, servers: [], primaries: {}, replicas: {}, readReplicas: {}, databases: {}, endpoints: {} };
  const cells: DatabaseCell[] = ctx.plans.map((plan) => postgresqlCell(b, plan));
  return {
    cells, servers: b.servers, postgresqlServers: b.primaries, postgresqlReplicas: b.replicas, postgresqlReadReplicas: b.readReplicas, postgresqlDatabases: b.databases, postgresqlVirtualEndpoints: b.endpoints,
  };
}

/** What the cells are built with, and what they add as they are built (every server, and the principal resources by home region). */
interface PostgresqlBuild {
  readonly ctx: DatabaseBuildContext;
  readonly o: CheckedPostgresqlOptions;
  /** Every server, for the private endpoints. */
  readonly servers: DatabaseServerEndpoint[];
  readonly primaries: Record<string, PostgresqlFlexibleServer>;
  /** Each cell's read replicas, by the replica's region. */
  readonly replicas: Record<string, Record<string, PostgresqlFlexibleServer>>;
  /** Each cell's in-region read replicas, in order. */
  readonly readReplicas: Record<string, PostgresqlFlexibleServer[]>;
  readonly databases: Record<string, PostgresqlFlexibleServerDatabase>;
  readonly endpoints: Record<string, PostgresqlFlexibleServerVirtualEndpoint>;
}

/**
 * Builds a cell: its primary server with Entra administrator, database and diagnostics, its in-region read replicas
 * and, when the cell replicates or has in-region replicas, its cross-region replicas and the virtual endpoint whose
 * names follow a promotion; records every server and resource in `b`.
 */
function postgresqlCell(b: PostgresqlBuild, plan: CellPlan): DatabaseCell {
  const { ctx, o, servers } = b;
  const home = plan.home.region.name;
  const databaseName = o.databaseNames[home];
  const primary = primaryServer(b, plan.home);
  servers.push({ key: home, region: home, resourceId: primary.id });
  const serverHosts: Record<string, string> = { [home]: primary.fqdn };
  const pool = Array.from({ length: o.readReplicas }, (_, k) => inRegionReplica(b, primary, plan.home, k));
  const readPool = pool.length ? { readPool: pool.map((r) => r.fqdn) } : {};
  if (!plan.replica && !pool.length) {
    return { homeRegion: home, databaseName, readWriteHost: primary.fqdn, readOnlyHost: primary.fqdn, serverHosts };
  }

  const readReplica = (placement: RegionPlacement) => {
    const replica = readReplicaServer(ctx, o, primary, home, placement);
    servers.push({ key: `${home}-replica-${placement.region.name}`, region: placement.region.name, resourceId: replica.id });
    serverHosts[placement.region.name] = replica.fqdn;
    (b.replicas[home] ??= {})[placement.region.name] = replica;
    return replica;
  };
  const replica = plan.replica ? readReplica(plan.replica) : undefined;
  // activeActive with 3+ regions: a readable copy of the cell in every other region (up to five replicas).
  const others = plan.readReplicas.map((other) => readReplica(other));
  // The reader names the cross-region replica (the one a promotion makes primary), else the first in-region one.
  const endpointName = virtualEndpoint(b, home, primary, replica ? { server: replica, inRegion: false } : { server: pool[0], inRegion: true }, [...(replica ? [replica] : []), ...others, ...pool]);
  return {
    homeRegion: home,
    ...(plan.replica ? { replicaRegion: plan.replica.region.name } : {}),
    databaseName,
    // Virtual endpoints keep one writer and one reader name across a promotion (Microsoft Learn, "Virtual
    // endpoints for read replicas"): the writer always points at the current primary.
    readWriteHost: `${endpointName}.writer.postgres.database.azure.com`,
    readOnlyHost: `${endpointName}.reader.postgres.database.azure.com`,
    serverHosts,
    ...readPool,
  };
}

/**
 * The cell's pair of virtual endpoints (Azure allows one pair per replication set): the writer on the primary, the
 * reader on `reader.server` (in the home region when the cell keeps no cross-region replica). Returns its name.
 */
function virtualEndpoint(b: PostgresqlBuild, home: string, primary: PostgresqlFlexibleServer, reader: { readonly server: PostgresqlFlexibleServer; readonly inRegion: boolean }, replicas: PostgresqlFlexibleServer[]): string {
  const inRegion = reader.inRegion;
  const { ctx } = b;
  const scope = ctx.regionScope(home);
  const endpointName = ctx.naming.name(scope, ResourceKind.POSTGRESQL_VIRTUAL_ENDPOINT, { qualifier: home, override: ctx.names.postgresqlVirtualEndpoints?.[home], prop: `names.postgresqlVirtualEndpoints.${home}` });
  b.endpoints[home] = new PostgresqlFlexibleServerVirtualEndpoint(scope, 'VirtualEndpoint', {
    name: endpointName,
    sourceServerId: primary.id,
    replicaServerId: reader.server.id,
    type: 'ReadWrite',
    // Created only once every replica exists (the provider fails otherwise), and not rewritten after a
    // promotion: Azure swaps the members then, and the provider cannot update replica_server_id.
    dependsOn: replicas,
    lifecycle: { ignoreChanges: ['replica_server_id'] },
  });
  if (inRegion) acceptFinding(b.endpoints[home], 'OP-PG-005', `the ${home} cell keeps no replica in another region; the reader names its first in-region read replica`);
  return endpointName;
}

/**
 * The window of the `k`-th in-region replica: the primary's hour (the region's off-peak hour on the platform), two days
 * after the primary's day and one more per replica, so the primary, the pool and (without the platform's per-region
 * windows) its cross-region replica, on the next day, never restart together (Azure allows at most five replicas, so the days never wrap onto the primary's).
 */
function replicaWindow(primary: UtcWeeklyStart, k: number): UtcWeeklyStart {
  return { ...primary, dayOfWeek: (primary.dayOfWeek + 2 + k) % 7 };
}

/**
 * What every replica of a primary is, wherever it is: a replica of the primary's version with the same compute and
 * storage (a promotion needs them equal), Entra ID only and private like its primary.
 */
function replicaOf(ctx: DatabaseBuildContext, o: CheckedPostgresqlOptions, primary: PostgresqlFlexibleServer) {
  return {
    createMode: 'Replica', sourceServerId: primary.id, version: o.version, skuName: o.skuName, storageMb: o.storageMb, autoGrowEnabled: true,
    authentication: { activeDirectoryAuthEnabled: true, passwordAuthEnabled: false, tenantId: ctx.tenantId }, publicNetworkAccessEnabled: false,
  };
}

/** Availability zones, in the order in-region replicas are spread from the zone after the primary's. */
const ZONES = ['1', '2', '3'] as const;

/**
 * Builds the `k`-th (0-based) in-region read replica of a cell's primary: same SKU and storage, in the zone `k + 1`
 * after the primary's (none in a region without zones), maintenance at the primary's hour on its own day. Protected
 * like every server: a replica promoted by a switchover is the cell's primary, so lowering `readReplicas` must not
 * destroy it unseen.
 */
function inRegionReplica(b: PostgresqlBuild, primary: PostgresqlFlexibleServer, placement: RegionPlacement, k: number): PostgresqlFlexibleServer {
  const { ctx, o, servers } = b;
  const home = placement.region.name;
  const scope = ctx.regionScope(home);
  const id = `ReadReplica${k + 1}`;
  const replica = new PostgresqlFlexibleServer(scope, id, {
    name: ctx.naming.name(scope, ResourceKind.POSTGRESQL_SERVER, {
      qualifier: `${home}-read${k + 1}`, childId: id, override: ctx.names.postgresqlReadReplicas?.[home]?.[k], prop: `names.postgresqlReadReplicas.${home}[${k}]`,
    }),
    location: home,
    resourceGroupName: ctx.resourceGroupName(home),
    ...replicaOf(ctx, o, primary),
    zone: placement.zoneRedundant ? ZONES[(ZONES.indexOf(o.primaryZone as (typeof ZONES)[number]) + 1 + k) % ZONES.length] : undefined,
    maintenanceWindow: replicaWindow(ctx.maintenanceWindows?.[home] ?? o.maintenanceWindow, k),
    tags: { ...ctx.tags, region: home, cell: home },
  });
  protect(replica, ctx.removalPolicy, REPLICA_DRIFT);
  diagnose(scope, `${id}Diagnostics`, 'azurerm_postgresql_flexible_server', replica.id, ctx.monitoring(home));
  // Only the home region's stamp reads the pool; other regions read their own copies.
  servers.push({ key: `${home}-read${k + 1}`, region: home, resourceId: replica.id, localOnly: true });
  (b.readReplicas[home] ??= []).push(replica);
  return replica;
}

/**
 * The server's `high_availability` block: none when disabled; a same-zone standby in the primary's zone (Azure places
 * it: the provider sends `standby_availability_zone` only when given); a zone-redundant standby in `standbyZone`.
 * internal/services/postgres/postgresql_flexible_server_resource.go (v4.55.0) takes `ZoneRedundant` and `SameZone`.
 */
function haBlock(mode: PostgresqlHighAvailabilityMode, standbyZone: string) {
  return mode === 'Disabled' ? undefined : mode === 'SameZone' ? { mode } : { mode, standbyAvailabilityZone: standbyZone };
}

/** Builds a cell's primary server (zone-redundant HA, Entra ID only, private), its Entra administrator, database and diagnostics. */
function primaryServer(b: PostgresqlBuild, placement: RegionPlacement): PostgresqlFlexibleServer {
  const { ctx, o } = b;
  const home = placement.region.name;
  const scope = ctx.regionScope(home);
  const geoAllowed = ctx.geoBackupBlocker(placement) === undefined;
  const zonal = placement.zoneRedundant;
  const primary = new PostgresqlFlexibleServer(scope, 'PostgresqlServer', {
    name: ctx.naming.name(scope, ResourceKind.POSTGRESQL_SERVER, { qualifier: home, override: ctx.names.postgresqlServers?.[home], prop: `names.postgresqlServers.${home}` }),
    location: home,
    resourceGroupName: ctx.resourceGroupName(home),
    version: o.version,
    skuName: o.skuName,
    storageMb: o.storageMb,
    autoGrowEnabled: true,
    backupRetentionDays: o.backupRetentionDays,
    geoRedundantBackupEnabled: o.geoRedundantBackup ?? geoAllowed,
    zone: zonal ? o.primaryZone : undefined,
    highAvailability: haBlock(o.highAvailability[home], o.standbyZone),
    // Entra ID only; private endpoints only (no delegated subnet: the data tier meets stamps through endpoints).
    authentication: { activeDirectoryAuthEnabled: true, passwordAuthEnabled: false, tenantId: ctx.tenantId },
    publicNetworkAccessEnabled: false,
    maintenanceWindow: ctx.maintenanceWindows?.[home] ?? o.maintenanceWindow,
    tags: { ...ctx.tags, region: home, cell: home },
  });
  protect(primary, ctx.removalPolicy, FAILOVER_DRIFT);
  const mode = o.highAvailability[home];
  if (mode !== defaultHighAvailability(placement)) acceptFinding(primary, 'OP-PG-003', `engine.highAvailability is '${mode}' in ${home}`);
  new PostgresqlFlexibleServerActiveDirectoryAdministrator(scope, 'EntraAdministrator', {
    serverName: primary.name,
    resourceGroupName: ctx.resourceGroupName(home),
    tenantId: ctx.tenantId,
    objectId: ctx.administrator.objectId,
    principalName: ctx.administrator.name,
    principalType: ctx.administrator.type,
  });
  const database = new PostgresqlFlexibleServerDatabase(scope, 'Database', {
    name: o.databaseNames[home],
    serverId: primary.id,
    charset: 'UTF8',
    collation: 'en_US.utf8',
  });
  protect(database, ctx.removalPolicy);
  b.primaries[home] = primary;
  b.databases[home] = database;
  diagnose(scope, 'PostgresqlDiagnostics', 'azurerm_postgresql_flexible_server', primary.id, ctx.monitoring(home));
  return primary;
}

/**
 * Builds a cross-region read replica of the cell homed in `home` (asynchronous, RPO <= 5 min) in `placement`'s region.
 * Replicas run neither HA nor backups of their own; after a promotion, enable HA on the new primary.
 */
function readReplicaServer(ctx: DatabaseBuildContext, o: CheckedPostgresqlOptions, primary: PostgresqlFlexibleServer, home: string, placement: RegionPlacement): PostgresqlFlexibleServer {
  const region = placement.region.name;
  const replicaScope = ctx.regionScope(region);
  const id = `Replica-${home}`;
  const replica = new PostgresqlFlexibleServer(replicaScope, id, {
    name: ctx.naming.name(replicaScope, ResourceKind.POSTGRESQL_SERVER, {
      qualifier: `${region}-of-${home}`, childId: id, override: ctx.names.postgresqlReplicas?.[home]?.[region], prop: `names.postgresqlReplicas.${home}.${region}`,
    }),
    location: region,
    resourceGroupName: ctx.resourceGroupName(region),
    ...replicaOf(ctx, o, primary),
    zone: placement.zoneRedundant ? o.primaryZone : undefined,
    // A replica has its own maintenance (a promoted replica keeps it): the day after its primary's, so the cell's two
    // copies never restart in the same window. The provider applies it right after creating the replica
    // (internal/services/postgres/postgresql_flexible_server_resource.go: maintenance_window is an update after create).
    // With per-region windows (staggered across the regions), the replica takes its own region's.
    maintenanceWindow: ctx.maintenanceWindows?.[region] ?? { ...o.maintenanceWindow, dayOfWeek: (o.maintenanceWindow.dayOfWeek + 1) % 7 },
    tags: { ...ctx.tags, region, cell: home },
  });
  protect(replica, ctx.removalPolicy, REPLICA_DRIFT);
  diagnose(replicaScope, `${id}Diagnostics`, 'azurerm_postgresql_flexible_server', replica.id, ctx.monitoring(region));
  return replica;
}
