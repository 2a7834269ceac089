/**
 * The topology of a platform as its synthesized stacks show it: regions and their roles, what serves each service
 * where, the Order database's cells and copies, the tracking store's regions and the event bus. The availability
 * report and the outage simulation read it; it reads only the JSON (tags the library writes, references between
 * resources), so it works on any `cdktf.out` folder the platform synthesized.
 */
import { ValidationError } from '../core/errors';
import { Regions } from '../core/regions';
import { clusterOfAppsStack } from '../rules/rules-platform';
import { blocks, SynthesizedApp, SynthesizedResource, SynthesizedStack, valueAt } from '../rules/synthesized';

/** The platform's services (the `app` label of their Deployments). */
export const SERVICES = { order: 'order-api', tracking: 'tracking-api' } as const;

/** One region of the platform. */
export interface RegionTopology {
  /** The region (`westus3`). */
  readonly name: string;
  /** Its role in the pattern (`primary`, `secondary`, `active`, `passive`, `cell`). */
  readonly role: string;
  /** Whether its cluster spreads over availability zones. */
  readonly zonal: boolean;
  /** Pods each service runs there at the least (0: a pilot light or no workloads), by Deployment `app` label. */
  readonly minPods: { readonly [app: string]: number };
}

/** One cell of the Order database: its home (writer) and its copies. */
export interface CellTopology {
  /** The region of the cell's writer. */
  readonly home: string;
  /** Zone-redundant in its home region. */
  readonly zoneRedundant: boolean;
  /** PostgreSQL: the home server's standby is in its own zone (same-zone high availability). */
  readonly sameZoneHa?: boolean;
  /** PostgreSQL: the home server's in-region read replicas (a read pool), when it has any. */
  readonly readPool?: number;
  /** Regions that hold a copy (a failover group's partner, a replica, readable geo-replicas), the failover target first. */
  readonly copies: readonly string[];
  /** The region writes fail over to (the failover group's partner, the virtual endpoint's replica), when there is one. */
  readonly failoverTarget?: string;
  /** How writes move to a copy: a failover group (Automatic after its grace period, or Manual), a PostgreSQL virtual endpoint (promotion by an operator), or not at all. */
  readonly failover: { readonly kind: 'failoverGroup'; readonly mode: string; readonly graceMinutes?: number } | { readonly kind: 'virtualEndpoint' } | { readonly kind: 'none' };
  /** Whether the copies serve reads (a readable secondary or replica the workloads read). */
  readonly readableCopies: boolean;
}

/** The platform's topology. */
export interface PlatformTopology {
  /** The platform's id (the `platform` tag). */
  readonly id: string;
  /** The pattern kind (`primarySecondary`, ...). */
  readonly pattern: string;
  /** Regions, the primary (home) first. */
  readonly regions: readonly RegionTopology[];
  /** The global entry: Front Door or Traffic Manager, and API Management's gateway regions when it is used. */
  readonly entry: { readonly kind: 'frontDoor' | 'trafficManager' | 'none'; readonly apiManagement?: { readonly regions: readonly string[]; readonly zonal: boolean } };
  /** The Order database: its engine and cells. */
  readonly orderDatabase?: { readonly engine: 'sql' | 'postgresql'; readonly cells: readonly CellTopology[] };
  /** The tracking store's accounts (sorted by write region): their regions (write region first) and failover settings. */
  readonly trackingStore?: { readonly accounts: readonly { readonly regions: readonly string[]; readonly zoneRedundant: boolean; readonly multiWrite: boolean; readonly automaticFailover: boolean }[] };
  /** The event bus: Service Bus namespaces (with the region of their standby) or Event Grid topics. */
  readonly events?: { readonly transport: 'serviceBus' | 'eventHubs' | 'eventGrid'; readonly namespaces: readonly { readonly region: string; readonly standbyIn?: string }[] };
}

/** The platforms (by the `platform` tag) whose stacks a set of synthesized stacks holds. */
export function platformIds(stacks: readonly SynthesizedStack[]): string[] {
  const app = new SynthesizedApp(stacks);
  return [...new Set(app.ofType('azurerm_kubernetes_cluster').map((c) => valueAt(c.body, 'tags.platform')).filter((p): p is string => typeof p === 'string'))].sort();
}

/** Reads one platform's topology from synthesized stacks (every stack of the platform, as `cdktf synth` wrote them). */
export function readTopology(stacks: readonly SynthesizedStack[], id: string): PlatformTopology {
  const app = new SynthesizedApp(stacks);
  const mine = (r: SynthesizedResource) => valueAt(r.body, 'tags.platform') === id;
  const clusters = app.ofType('azurerm_kubernetes_cluster').filter(mine);
  if (clusters.length === 0) {
    throw new ValidationError({ scope: 'readTopology', prop: 'id', value: id, problem: `no cluster tagged platform=${id} in the stacks`, fix: `pass a platform of the stacks (${platformIds(stacks).join(', ') || 'none'})` });
  }
  const primary = app.ofType('azurerm_resource_group').find((g) => mine(g) && ['observability', 'global-entry'].includes(String(valueAt(g.body, 'tags.component'))))?.body.location;
  const regions = clusters.map((c) => regionOf(app, c)).sort((a, b) => Number(b.name === primary) - Number(a.name === primary) || a.name.localeCompare(b.name));
  return {
    id,
    pattern: String(valueAt(clusters[0].body, 'tags.pattern')),
    regions,
    entry: entryOf(app, mine),
    ...orderDatabaseOf(app, mine),
    ...trackingOf(app, mine),
    ...eventsOf(app, mine),
  };
}

/** A region: its stamp's role, zones, and the minimum pods of each service in its apps stack. */
function regionOf(app: SynthesizedApp, cluster: SynthesizedResource): RegionTopology {
  const name = String(cluster.body.location);
  const zones = valueAt(cluster.body, 'default_node_pool.zones');
  const minPods: { [app: string]: number } = {};
  for (const d of app.ofType('kubernetes_deployment_v1')) {
    const label = valueAt(d.body, 'spec.template.metadata.labels.app');
    if (typeof label !== 'string' || !appsStackOf(app, d.stack, cluster)) continue;
    const autoscaler = app.autoscalerOf(d);
    const pods = autoscaler ? autoscaler.min : Number(valueAt(d.body, 'spec.replicas') ?? 0);
    minPods[label] = (minPods[label] ?? 0) + pods;
  }
  return { name, role: String(valueAt(cluster.body, 'tags.region-role') ?? regionRole(app, cluster)), zonal: Array.isArray(zones) && zones.length >= 2, minPods };
}

/** The role of a stamp from its resource group's tags (the cluster's own tags carry it too). */
function regionRole(app: SynthesizedApp, cluster: SynthesizedResource): string {
  const group = app.ofType('azurerm_resource_group').find((g) => g.stack === cluster.stack && valueAt(g.body, 'tags.region-role') !== undefined);
  return String(group ? valueAt(group.body, 'tags.region-role') : 'unknown');
}

/** Whether an apps stack deploys to a cluster. */
function appsStackOf(app: SynthesizedApp, stack: string, cluster: SynthesizedResource): boolean {
  return clusterOfAppsStack(app, stack) === cluster;
}

function entryOf(app: SynthesizedApp, mine: (r: SynthesizedResource) => boolean): PlatformTopology['entry'] {
  const apim = app.ofType('azurerm_api_management').find(mine);
  const apiManagement = apim ? {
    regions: [String(apim.body.location), ...blocks(apim.body.additional_location).map((l) => String(l.location))],
    zonal: Array.isArray(apim.body.zones) && apim.body.zones.length >= 2,
  } : undefined;
  const kind = app.ofType('azurerm_cdn_frontdoor_profile').some(mine) ? 'frontDoor' : app.ofType('azurerm_traffic_manager_profile').some(mine) ? 'trafficManager' : 'none';
  return { kind, ...(apiManagement ? { apiManagement } : {}) };
}

function orderDatabaseOf(app: SynthesizedApp, mine: (r: SynthesizedResource) => boolean): Pick<PlatformTopology, 'orderDatabase'> {
  const location = (r: SynthesizedResource | undefined) => String(r?.body.location);
  const pattern = app.ofType('azurerm_kubernetes_cluster').find(mine)?.body;
  const readsFromCopies = ['primarySecondary', 'activeActive'].includes(String(pattern ? valueAt(pattern, 'tags.pattern') : ''));
  const sqlServers = app.ofType('azurerm_mssql_server').filter(mine);
  if (sqlServers.length) {
    const groups = app.ofType('azurerm_mssql_failover_group').filter(mine);
    const homes = app.ofType('azurerm_mssql_database').filter((d) => mine(d) && d.body.create_mode !== 'Secondary' && valueAt(d.body, 'tags.cell') !== undefined && valueAt(d.body, 'tags.cell') === location(app.referencedBy(d.stack, d.body.server_id)[0]));
    const cells = homes.map((db): CellTopology => {
      const server = app.referencedBy(db.stack, db.body.server_id)[0];
      const group = groups.find((g) => app.referencedBy(g.stack, g.body.server_id).includes(server));
      const partner = group ? location(app.referencedBy(group.stack, valueAt(group.body, 'partner_server.id'))[0]) : undefined;
      const copies = app.ofType('azurerm_mssql_database').filter((d) => mine(d) && d.body.create_mode === 'Secondary' && valueAt(d.body, 'tags.cell') === location(server)).map((d) => location(app.referencedBy(d.stack, d.body.server_id)[0]));
      const policy = group ? blocks(group.body.read_write_endpoint_failover_policy)[0] ?? {} : {};
      return {
        home: location(server), zoneRedundant: db.body.zone_redundant === true, copies: [...new Set([...(partner ? [partner] : []), ...copies])], ...(partner ? { failoverTarget: partner } : {}),
        failover: group ? { kind: 'failoverGroup', mode: String(policy.mode), ...(policy.grace_minutes !== undefined ? { graceMinutes: Number(policy.grace_minutes) } : {}) } : { kind: 'none' },
        readableCopies: readsFromCopies,
      };
    });
    return { orderDatabase: { engine: 'sql', cells: cells.sort((x, y) => x.home.localeCompare(y.home)) } };
  }
  const pg = app.ofType('azurerm_postgresql_flexible_server').filter(mine);
  if (pg.length === 0) return {};
  const endpoints = app.ofType('azurerm_postgresql_flexible_server_virtual_endpoint');
  const cells = pg.filter((s) => s.body.create_mode !== 'Replica').map((s): CellTopology => {
    const endpoint = endpoints.find((e) => app.referencedBy(e.stack, e.body.source_server_id).includes(s));
    // In-region read replicas are a read pool of the home, not copies elsewhere; a cell whose virtual endpoint names
    // one of them has no region to fail over to.
    const elsewhere = (r: SynthesizedResource) => location(r) !== location(s);
    const reader = endpoint ? app.referencedBy(endpoint.stack, endpoint.body.replica_server_id)[0] : undefined;
    const target = reader && elsewhere(reader) ? reader : undefined;
    const replicas = pg.filter((r) => r.body.create_mode === 'Replica' && app.referencedBy(r.stack, r.body.source_server_id).includes(s));
    const mode = valueAt(s.body, 'high_availability.mode');
    const pool = replicas.filter((r) => !elsewhere(r)).length;
    return {
      home: location(s),
      zoneRedundant: mode === 'ZoneRedundant',
      ...(mode === 'SameZone' ? { sameZoneHa: true } : {}),
      ...(pool ? { readPool: pool } : {}),
      copies: [...new Set([...(target ? [location(target)] : []), ...replicas.filter(elsewhere).map(location)])],
      ...(target ? { failoverTarget: location(target) } : {}),
      failover: target ? { kind: 'virtualEndpoint' } : { kind: 'none' },
      readableCopies: readsFromCopies,
    };
  });
  return { orderDatabase: { engine: 'postgresql', cells: cells.sort((x, y) => x.home.localeCompare(y.home)) } };
}

function trackingOf(app: SynthesizedApp, mine: (r: SynthesizedResource) => boolean): Pick<PlatformTopology, 'trackingStore'> {
  const accounts = app.ofType('azurerm_cosmosdb_account').filter(mine).map((a) => {
    const locations = [...blocks(a.body.geo_location)].sort((x, y) => Number(x.failover_priority) - Number(y.failover_priority));
    return {
      regions: locations.map((l) => String(l.location)),
      zoneRedundant: locations.every((l) => l.zone_redundant === true || !Regions.tryFind(String(l.location))?.availabilityZones),
      multiWrite: a.body.multiple_write_locations_enabled === true,
      automaticFailover: a.body.automatic_failover_enabled === true,
    };
  }).sort((x, y) => String(x.regions[0]).localeCompare(String(y.regions[0])));
  return accounts.length ? { trackingStore: { accounts } } : {};
}

/** The namespace transports: their namespace and alias types, and the alias's reference to its primary. */
const NAMESPACE_TRANSPORTS = [
  { transport: 'serviceBus', namespace: 'azurerm_servicebus_namespace', alias: 'azurerm_servicebus_namespace_disaster_recovery_config', primary: 'primary_namespace_id' },
  { transport: 'eventHubs', namespace: 'azurerm_eventhub_namespace', alias: 'azurerm_eventhub_namespace_disaster_recovery_config', primary: 'namespace_name' },
] as const;

function eventsOf(app: SynthesizedApp, mine: (r: SynthesizedResource) => boolean): Pick<PlatformTopology, 'events'> {
  for (const kind of NAMESPACE_TRANSPORTS) {
    const namespaces = app.ofType(kind.namespace).filter(mine);
    if (!namespaces.length) continue;
    const aliases = app.ofType(kind.alias);
    const primaries = namespaces.filter((n) => !aliases.some((a) => app.referencedBy(a.stack, a.body.partner_namespace_id).includes(n)));
    return {
      events: {
        transport: kind.transport,
        namespaces: [...primaries].sort((x, y) => String(x.body.location).localeCompare(String(y.body.location))).map((n) => {
          const alias = aliases.find((a) => app.referencedBy(a.stack, a.body[kind.primary]).includes(n));
          const partner = alias ? app.referencedBy(alias.stack, alias.body.partner_namespace_id)[0] : undefined;
          return { region: String(n.body.location), ...(partner ? { standbyIn: String(partner.body.location) } : {}) };
        }),
      },
    };
  }
  const topics = app.ofType('azurerm_eventgrid_topic').filter(mine);
  return topics.length ? { events: { transport: 'eventGrid', namespaces: topics.map((t) => ({ region: String(t.body.location) })).sort((x, y) => x.region.localeCompare(y.region)) } } : {};
}
