import type { StackJson } from './synth';
import { Regions } from '../../lib/core/regions';
import { formatUtcOffset, zoneOffsets } from '../../lib/core/weekly-time';

/**
 * The security and redundancy defaults every example must keep, one named invariant each, checked by
 * invariants.test.ts over every stack of every example. Each invariant states how many resources of its type (or of the
 * subset it selects) each example has, so a type that disappears, or a selector that stops matching, fails instead of
 * passing over nothing. platform.test.ts leaves the attributes pinned here out of its snapshot (`stripCovered`).
 *
 * Expected values are the library's, cited by file; change one only together with the library and the CHANGELOG.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized resource JSON
export type Resource = Record<string, any>;

/** What an invariant's expectations may depend on: the example's own settings, as its file in examples/ gives them. */
export interface ExampleFacts {
  readonly prefix: string;
  /** `RedundancyPattern` kind. */
  readonly pattern: 'zoneRedundant' | 'primarySecondary' | 'activePassive' | 'activeActive' | 'regionPinned';
  /** First = primary. Every region here has availability zones and a paired region inside its geography. */
  readonly regions: readonly string[];
  /** The example's `tags` prop. */
  readonly tags: Readonly<Record<string, string>>;
  /** `kubernetes.adminGroupObjectIds`. */
  readonly adminGroups: readonly string[];
  /** `entry.geoRouting.countries` when the example rejects unmapped countries (`rejectUnmappedCountries`). */
  readonly rejectedOutside?: Readonly<Record<string, readonly string[]>>;
  /** `observability.availabilityTests.testLocations`, where the example sets them. */
  readonly testLocations?: readonly string[];
}

export const EXAMPLE_FACTS: Readonly<Record<string, ExampleFacts>> = {
  'active-active': { prefix: 'ordaa', pattern: 'activeActive', regions: ['westus3', 'eastus2', 'centralus'], tags: { environment: 'example', 'cost-center': 'orders' }, adminGroups: ['00000000-0000-0000-0000-000000000000'] },
  'active-passive': { prefix: 'ordap', pattern: 'activePassive', regions: ['eastus2', 'centralus'], tags: { environment: 'example', 'cost-center': 'orders' }, adminGroups: ['00000000-0000-0000-0000-000000000000'] },
  'primary-secondary': { prefix: 'ordps', pattern: 'primarySecondary', regions: ['westus3', 'eastus'], tags: { environment: 'example', 'cost-center': 'orders' }, adminGroups: ['00000000-0000-0000-0000-000000000000'] },
  'region-pinned': {
    prefix: 'ordrp', pattern: 'regionPinned', regions: ['westeurope', 'eastus2'], tags: { environment: 'example', 'cost-center': 'orders' }, adminGroups: ['00000000-0000-0000-0000-000000000000'],
    rejectedOutside: { westeurope: ['AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'NO', 'PL', 'PT', 'SE'], eastus2: ['US', 'CA'] },
    testLocations: ['us-va-ash-azr', 'us-ca-sjc-azr', 'us-il-ch1-azr', 'emea-nl-ams-azr', 'emea-gb-db3-azr', 'emea-fr-pra-edge'],
  },
  'zone-redundant': { prefix: 'ordzr', pattern: 'zoneRedundant', regions: ['westus3'], tags: { environment: 'example', 'cost-center': 'orders' }, adminGroups: ['00000000-0000-0000-0000-000000000000'] },
};

/** Where a resource sits. */
export interface Ctx {
  readonly id: string;
  readonly facts: ExampleFacts;
  readonly stack: string;
  readonly stacks: Record<string, StackJson>;
  readonly address: string;
}

export interface Invariant {
  /** The named assertion (the test name). */
  readonly name: string;
  readonly type: string;
  /** The subset of the type's resources the invariant is about (default: all). */
  readonly select?: (r: Resource, ctx: Ctx) => boolean;
  /** How many selected resources each example has, over all its stacks (0 where it has none). */
  readonly count: Readonly<Record<string, number>>;
  /**
   * Attribute path -> the value it must have. Paths: `a.b`, `a[0].b`, `a["key.with.dots"]`, and `a[*].b` (every
   * element of a non-empty list has the value).
   */
  readonly expected?: (r: Resource, ctx: Ctx) => Record<string, unknown>;
  /** Rules that are not one value per path: the broken ones, described (empty when the resource keeps them). */
  readonly violations?: (r: Resource, ctx: Ctx) => string[];
  /** The paths `violations` pins completely (left out of the snapshot). */
  readonly covers?: readonly string[] | ((r: Resource, ctx: Ctx) => string[]);
}

// ---------------------------------------------------------------------------------------------------------------
// Paths.

function segments(path: string): (string | number | '*')[] {
  const out: (string | number | '*')[] = [];
  const token = /\.?([^.[\]"]+)|\[(\d+|\*)\]|\["([^"]+)"\]/g;
  let consumed = 0;
  for (let m = token.exec(path); m; m = token.exec(path)) {
    if (m.index !== consumed) break;
    consumed = token.lastIndex;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(m[2] === '*' ? '*' : Number(m[2]));
    else out.push(m[3]);
  }
  if (consumed !== path.length || out.length === 0) throw new Error(`bad path ${path}`);
  return out;
}

function walk(value: unknown, segs: (string | number | '*')[]): unknown {
  if (segs.length === 0) return value;
  const [head, ...rest] = segs;
  if (head === '*') return Array.isArray(value) ? value.map((v) => walk(v, rest)) : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  return walk((value as Record<string | number, unknown>)[head], rest);
}

/** The value at `path` (for `[*]`, the list of element values; undefined where a step is missing). */
export function valueAt(resource: unknown, path: string): unknown {
  return walk(resource, segments(path));
}

/** What the resource has at each expected path, shaped like `expected` so that `toEqual` shows the difference. */
export function actualFor(resource: Resource, expected: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of Object.keys(expected)) out[path] = valueAt(resource, path);
  return out;
}

/** `expected` with every `[*]` path's value repeated for each element the resource has (or a marker when it has none). */
export function expandedExpectation(resource: Resource, expected: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(expected)) {
    if (!path.includes('[*]')) {
      out[path] = value;
      continue;
    }
    const actual = valueAt(resource, path);
    out[path] = Array.isArray(actual) && actual.length > 0 ? actual.map(() => value) : ['<at least one element>'];
  }
  return out;
}

function remove(value: unknown, segs: (string | number | '*')[]): void {
  if (value === null || typeof value !== 'object' || segs.length === 0) return;
  const [head, ...rest] = segs;
  if (head === '*') {
    if (Array.isArray(value)) for (const v of value) remove(v, rest);
    return;
  }
  const obj = value as Record<string | number, unknown>;
  if (rest.length === 0) delete obj[head];
  else remove(obj[head], rest);
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for expectations.

const STAMP_TYPES_PER_REGION = (id: string): number => EXAMPLE_FACTS[id].regions.length;
/** The example's region stacks `<id>-<region>` (not data, edge or apps). */
export function regionOf(ctx: Ctx): string {
  const m = new RegExp(`^${ctx.id}-(.+?)(-apps)?$`).exec(ctx.stack);
  if (!m || !ctx.facts.regions.includes(m[1])) throw new Error(`${ctx.stack} is not a region stack of ${ctx.id}`);
  return m[1];
}

function subnetCidr(ctx: Ctx, subnetName: string): string {
  const stamp = ctx.stacks[`${ctx.id}-${regionOf(ctx)}`];
  const subnets = Object.values(stamp.resource.azurerm_subnet ?? {}).filter((s) => s.name === subnetName);
  if (subnets.length !== 1) throw new Error(`${ctx.stack}: expected one subnet ${subnetName} in the stamp, found ${subnets.length}`);
  return subnets[0].address_prefixes[0];
}

/** The region a data-tier address is built for (`OrderDatabase_<region>_...`, `TrackingStore_<region>_...`). */
function addressRegion(ctx: Ctx): string {
  const found = ctx.facts.regions.filter((region) => ctx.address.includes(`_${region}_`));
  if (found.length !== 1) throw new Error(`${ctx.address}: expected one region of ${ctx.facts.regions.join(', ')} in the address`);
  return found[0];
}
/** The cell a data-tier resource belongs to: under regionPinned its own region, else the pattern's first (home) region. */
const cellHome = (ctx: Ctx): string => (ctx.facts.pattern === 'regionPinned' ? addressRegion(ctx) : ctx.facts.regions[0]);

const isPrimaryPostgres = (r: Resource): boolean => r.create_mode === undefined;
const isReplicaPostgres = (r: Resource): boolean => r.create_mode === 'Replica';
const isServiceNetworkPolicy = (r: Resource): boolean => r.metadata.name !== 'default-deny';
const per = (zr: number, ps: number, ap: number, aa: number, rp: number): Record<string, number> => ({ 'zone-redundant': zr, 'primary-secondary': ps, 'active-passive': ap, 'active-active': aa, 'region-pinned': rp });
const perRegion = (times = 1): Record<string, number> => Object.fromEntries(Object.keys(EXAMPLE_FACTS).map((id) => [id, STAMP_TYPES_PER_REGION(id) * times]));

// ---------------------------------------------------------------------------------------------------------------
// The invariants.

/** Stateful types: `lifecycle.prevent_destroy` (RemovalPolicy.RETAIN, the default: lib/core/lifecycle.ts `protect`). */
const RETAINED: readonly [string, Record<string, number>][] = [
  ['azurerm_mssql_server', per(1, 2, 0, 3, 0)],
  ['azurerm_mssql_database', per(1, 2, 0, 9, 0)],
  ['azurerm_postgresql_flexible_server', per(0, 0, 2, 0, 2)],
  ['azurerm_postgresql_flexible_server_database', per(0, 0, 1, 0, 2)],
  ['azurerm_cosmosdb_account', per(1, 1, 1, 1, 2)],
  ['azurerm_cosmosdb_sql_database', per(1, 1, 1, 1, 2)],
  ['azurerm_cosmosdb_sql_container', per(2, 2, 2, 2, 4)],
  ['azurerm_servicebus_namespace', per(1, 2, 0, 6, 2)],
  ['azurerm_servicebus_namespace_disaster_recovery_config', per(0, 1, 0, 3, 0)],
  ['azurerm_servicebus_topic', per(1, 1, 0, 3, 2)],
  ['azurerm_servicebus_subscription', per(1, 1, 0, 3, 2)],
  ['azurerm_key_vault', perRegion()],
  ['azurerm_log_analytics_workspace', perRegion()],
  ['azurerm_storage_account', per(0, 0, 2, 0, 0)],
  ['azurerm_managed_redis', per(0, 2, 0, 3, 0)],
];

/** Library tags on every tagged azurerm resource (lib/core/tags.ts `mergeTags`, merged over the example's `tags`). */
const LIBRARY_TAGS = (ctx: Ctx): Record<string, string> => ({ ...ctx.facts.tags, 'managed-by': 'cdktf-order-platform', platform: ctx.id, pattern: ctx.facts.pattern });

/** Every type that carries the platform's tags, with its count per example (zone-redundant, primary-secondary, active-passive, active-active, region-pinned). */
const TAGGED: Record<string, [number, number, number, number, number]> = {
  // Each multi-region example's drills stack adds one.
  azurerm_resource_group: [4, 7, 7, 9, 7],
  azurerm_virtual_network: [1, 2, 2, 3, 2],
  azurerm_network_security_group: [3, 6, 6, 9, 6],
  azurerm_private_endpoint: [4, 14, 12, 36, 8],
  azurerm_private_dns_zone: [4, 10, 8, 15, 8],
  azurerm_private_dns_zone_virtual_network_link: [4, 10, 8, 15, 8],
  azurerm_kubernetes_cluster: [1, 2, 2, 3, 2],
  azurerm_kubernetes_cluster_node_pool: [1, 2, 2, 3, 2],
  azurerm_key_vault: [1, 2, 2, 3, 2],
  azurerm_monitor_data_collection_rule: [1, 2, 2, 3, 2],
  azurerm_log_analytics_workspace: [1, 2, 2, 3, 2],
  azurerm_application_insights: [1, 2, 2, 3, 2],
  azurerm_mssql_server: [1, 2, 0, 3, 0],
  azurerm_mssql_database: [1, 2, 0, 9, 0],
  azurerm_mssql_failover_group: [0, 1, 0, 3, 0],
  azurerm_postgresql_flexible_server: [0, 0, 2, 0, 2],
  azurerm_cosmosdb_account: [1, 1, 1, 1, 2],
  azurerm_servicebus_namespace: [1, 2, 0, 6, 2],
  azurerm_eventgrid_topic: [0, 0, 2, 0, 0],
  azurerm_storage_account: [0, 0, 2, 0, 0],
  azurerm_cdn_frontdoor_profile: [1, 1, 1, 1, 1],
  azurerm_cdn_frontdoor_endpoint: [1, 1, 1, 1, 1],
  azurerm_cdn_frontdoor_firewall_policy: [1, 1, 1, 1, 1],
  // The cluster's identity (workload identities: below).
  azurerm_user_assigned_identity: [1, 2, 2, 3, 2],
  // The -observability stack.
  azurerm_monitor_action_group: [1, 1, 1, 1, 1],
  azurerm_monitor_metric_alert: [17, 26, 19, 47, 30],
  azurerm_monitor_scheduled_query_rules_alert_v2: [3, 6, 6, 9, 6],
  azurerm_application_insights_standard_web_test: [2, 2, 2, 2, 2],
  azurerm_application_insights_workbook: [1, 1, 1, 1, 1],
  azurerm_monitor_activity_log_alert: [0, 2, 0, 6, 0],
  azurerm_portal_dashboard: [1, 1, 1, 1, 1],
};


// ---------------------------------------------------------------------------------------------------------------
// Observability (lib/monitoring/observability.ts in the -observability stack): what an alert's reference points to.

/** A resource another stack's reference resolves to. */
export interface Target {
  readonly stack: string;
  readonly type: string;
  /** The resource's key in its stack's JSON (`<type>.<key>` is its address). */
  readonly key: string;
  readonly attribute: string;
  readonly resource: Resource;
}

/**
 * The resource a reference points to, in the same stack (`${azurerm_x.key.id}`) or through cdktf's cross-stack
 * remote state (`${data.terraform_remote_state.cross-stack-reference-input-<stack>.outputs.<output>}`, whose output in
 * `<stack>` is `${azurerm_x.key.id}`); undefined when any step is missing.
 */
export function targetOf(ctx: Ctx, reference: unknown): Target | undefined {
  if (typeof reference !== 'string') return undefined;
  let stack = ctx.stack;
  let expression = reference;
  const remote = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-([^.]+)\.outputs\.([^}]+)\}$/.exec(reference);
  if (remote) {
    stack = remote[1];
    const output = ctx.stacks[stack]?.output?.[remote[2]];
    if (!output || typeof output.value !== 'string') return undefined;
    expression = output.value;
  }
  const local = /^\$\{([a-z0-9_]+)\.([^.]+)\.([a-z_]+)\}$/.exec(expression);
  if (!local) return undefined;
  const resource = ctx.stacks[stack]?.resource?.[local[1]]?.[local[2]];
  return resource ? { stack, type: local[1], key: local[2], attribute: local[3], resource } : undefined;
}

/** `<alert>` and `<key>` of an Observability alert address (`Observability_<alert>-<key>_<hash>`). */
function alertKey(ctx: Ctx): { alert: string; key: string } {
  const m = /^[a-z0-9_]+\.Observability_([a-zA-Z0-9]+)-(.+)_[0-9A-F]{8}$/.exec(ctx.address);
  if (!m) throw new Error(`${ctx.address} is not an Observability alert`);
  return { alert: m[1], key: m[2] };
}

/** The single resource of a type in the example's -observability stack, as a reference. */
function observabilityRef(ctx: Ctx, type: string): string {
  const keys = Object.keys(ctx.stacks[`${ctx.id}-observability`]?.resource?.[type] ?? {});
  return keys.length === 1 ? `\${${type}.${keys[0]}.${type === 'azurerm_resource_group' ? 'name' : 'id'}}` : `<one ${type} in the observability stack, found ${keys.length}>`;
}

/**
 * What each metric alert must watch, independent of the library's own table: the metric (Azure Monitor's
 * supported-metrics reference), how it is aggregated and compared, the default threshold, the dimension filter, the
 * severity, the window and frequency, and the type of resource it is scoped to.
 */
const METRIC_ALERT_FACTS: Readonly<Record<string, { type: string; criteria: Record<string, unknown>; severity: number; window: string; frequency: string }>> = {
  frontDoorOriginHealth: { type: 'azurerm_cdn_frontdoor_profile', criteria: { metric_namespace: 'Microsoft.Cdn/profiles', metric_name: 'OriginHealthPercentage', aggregation: 'Average', operator: 'LessThan', threshold: 80, dimension: [{ name: 'OriginGroup', operator: 'Include', values: ['*'] }] }, severity: 1, window: 'PT5M', frequency: 'PT1M' },
  frontDoor5xx: { type: 'azurerm_cdn_frontdoor_profile', criteria: { metric_namespace: 'Microsoft.Cdn/profiles', metric_name: 'Percentage5XX', aggregation: 'Average', operator: 'GreaterThan', threshold: 5 }, severity: 1, window: 'PT5M', frequency: 'PT1M' },
  postgresqlReplicaLag: { type: 'azurerm_postgresql_flexible_server', criteria: { metric_namespace: 'Microsoft.DBforPostgreSQL/flexibleServers', metric_name: 'physical_replication_delay_in_seconds', aggregation: 'Maximum', operator: 'GreaterThan', threshold: 120 }, severity: 2, window: 'PT5M', frequency: 'PT1M' },
  cosmosAvailability: { type: 'azurerm_cosmosdb_account', criteria: { metric_namespace: 'Microsoft.DocumentDB/databaseAccounts', metric_name: 'ServiceAvailability', aggregation: 'Average', operator: 'LessThan', threshold: 99.9 }, severity: 1, window: 'PT1H', frequency: 'PT1H' },
  cosmosServerSideLatency: { type: 'azurerm_cosmosdb_account', criteria: { metric_namespace: 'Microsoft.DocumentDB/databaseAccounts', metric_name: 'ServerSideLatency', aggregation: 'Average', operator: 'GreaterThan', threshold: 100 }, severity: 2, window: 'PT5M', frequency: 'PT1M' },
  cosmosThrottledRequests: { type: 'azurerm_cosmosdb_account', criteria: { metric_namespace: 'Microsoft.DocumentDB/databaseAccounts', metric_name: 'TotalRequests', aggregation: 'Count', operator: 'GreaterThan', threshold: 100, dimension: [{ name: 'StatusCode', operator: 'Include', values: ['429'] }] }, severity: 2, window: 'PT5M', frequency: 'PT1M' },
  cosmosReplicationLatency: { type: 'azurerm_cosmosdb_account', criteria: { metric_namespace: 'Microsoft.DocumentDB/databaseAccounts', metric_name: 'ReplicationLatency', aggregation: 'Maximum', operator: 'GreaterThan', threshold: 1000 }, severity: 2, window: 'PT5M', frequency: 'PT1M' },
  serviceBusDeadLettered: { type: 'azurerm_servicebus_namespace', criteria: { metric_namespace: 'Microsoft.ServiceBus/namespaces', metric_name: 'DeadletteredMessages', aggregation: 'Maximum', operator: 'GreaterThan', threshold: 0, dimension: [{ name: 'EntityName', operator: 'Include', values: ['*'] }] }, severity: 2, window: 'PT5M', frequency: 'PT1M' },
  serviceBusServerErrors: { type: 'azurerm_servicebus_namespace', criteria: { metric_namespace: 'Microsoft.ServiceBus/namespaces', metric_name: 'ServerErrors', aggregation: 'Total', operator: 'GreaterThan', threshold: 5 }, severity: 2, window: 'PT5M', frequency: 'PT1M' },
  serviceBusThrottledRequests: { type: 'azurerm_servicebus_namespace', criteria: { metric_namespace: 'Microsoft.ServiceBus/namespaces', metric_name: 'ThrottledRequests', aggregation: 'Total', operator: 'GreaterThan', threshold: 0 }, severity: 2, window: 'PT5M', frequency: 'PT1M' },
  // The topic the delivery-tracking subscription reads (lib/events: `order-events`).
  deliveryTrackingBacklog: { type: 'azurerm_servicebus_namespace', criteria: { metric_namespace: 'Microsoft.ServiceBus/namespaces', metric_name: 'ActiveMessages', aggregation: 'Maximum', operator: 'GreaterThan', threshold: 1000, dimension: [{ name: 'EntityName', operator: 'Include', values: ['order-events'] }] }, severity: 2, window: 'PT15M', frequency: 'PT5M' },
  aksNodesNotReady: { type: 'azurerm_kubernetes_cluster', criteria: { metric_namespace: 'Microsoft.ContainerService/managedClusters', metric_name: 'kube_node_status_condition', aggregation: 'Total', operator: 'GreaterThan', threshold: 0, dimension: [{ name: 'status2', operator: 'Include', values: ['NotReady', 'Unknown'] }] }, severity: 1, window: 'PT5M', frequency: 'PT1M' },
  aksPodsNotReady: { type: 'azurerm_kubernetes_cluster', criteria: { metric_namespace: 'Microsoft.ContainerService/managedClusters', metric_name: 'kube_pod_status_phase', aggregation: 'Average', operator: 'GreaterThan', threshold: 0, dimension: [{ name: 'phase', operator: 'Include', values: ['Pending', 'Failed', 'Unknown'] }] }, severity: 2, window: 'PT15M', frequency: 'PT5M' },
  aksUnschedulablePods: { type: 'azurerm_kubernetes_cluster', criteria: { metric_namespace: 'Microsoft.ContainerService/managedClusters', metric_name: 'cluster_autoscaler_unschedulable_pods_count', aggregation: 'Average', operator: 'GreaterThan', threshold: 0 }, severity: 2, window: 'PT15M', frequency: 'PT5M' },
  aksAutoscalerUnableToScale: { type: 'azurerm_kubernetes_cluster', criteria: { metric_namespace: 'Microsoft.ContainerService/managedClusters', metric_name: 'cluster_autoscaler_cluster_safe_to_autoscale', aggregation: 'Average', operator: 'LessThan', threshold: 1 }, severity: 2, window: 'PT5M', frequency: 'PT1M' },
  keyVaultAvailability: { type: 'azurerm_key_vault', criteria: { metric_namespace: 'Microsoft.KeyVault/vaults', metric_name: 'Availability', aggregation: 'Average', operator: 'LessThan', threshold: 99 }, severity: 1, window: 'PT5M', frequency: 'PT1M' },
};

/**
 * Where the watched resource must be, from the alert's key: `global` (Front Door, in the edge stack); a region (its
 * stamp stack's resource, or the data stack's resource built for that region); `<home>-standby` (the standby namespace
 * of that cell, in the data stack); `<home>-replica-<region>` (that cell's replica in that region).
 */
function watchedResourceProblems(target: Target | undefined, type: string, key: string, ctx: Ctx): string[] {
  if (!target) return ['the scope does not resolve to a resource of the example'];
  const out: string[] = [];
  if (target.type !== type || target.attribute !== 'id') out.push(`scope is ${target.type}.${target.attribute}, expected ${type}.id`);
  const standby = /^(.+)-standby$/.exec(key);
  const replica = /^(.+)-replica-(.+)$/.exec(key);
  if (key === 'global') {
    if (target.stack !== `${ctx.id}-edge`) out.push(`scope in ${target.stack}, expected the edge stack`);
  } else if (standby) {
    if (!target.key.includes(`_Standby-${standby[1]}_`) || target.stack !== `${ctx.id}-data`) out.push(`scope ${target.stack} ${target.key} is not the standby namespace of ${standby[1]}`);
  } else if (replica) {
    if (!target.key.includes(`_${replica[2]}_Replica-${replica[1]}_`) || target.resource.create_mode !== 'Replica') out.push(`scope ${target.key} is not ${replica[1]}'s replica in ${replica[2]}`);
  } else if (target.stack === `${ctx.id}-${key}`) {
    // A stamp's resource of that region.
  } else if (target.stack !== `${ctx.id}-data` || !`_${target.key}`.includes(`_${key}_`) || target.key.includes('_Standby-')) {
    out.push(`scope ${target.stack} ${target.key} is not ${key}'s`);
  }
  return out;
}

/** The Terraform type of each metric namespace the health workbook and dashboard chart. */
const CHART_TYPES: Readonly<Record<string, string>> = {
  'microsoft.cdn/profiles': 'azurerm_cdn_frontdoor_profile',
  'microsoft.network/trafficmanagerprofiles': 'azurerm_traffic_manager_profile',
  'microsoft.containerservice/managedclusters': 'azurerm_kubernetes_cluster',
  'microsoft.keyvault/vaults': 'azurerm_key_vault',
  'microsoft.sql/servers/databases': 'azurerm_mssql_database',
  'microsoft.dbforpostgresql/flexibleservers': 'azurerm_postgresql_flexible_server',
  'microsoft.documentdb/databaseaccounts': 'azurerm_cosmosdb_account',
  'microsoft.servicebus/namespaces': 'azurerm_servicebus_namespace',
  'microsoft.eventgrid/topics': 'azurerm_eventgrid_topic',
};
/** The types whose failover state the workbook reads from Azure Resource Manager. */
const FAILOVER_TYPES = ['azurerm_mssql_failover_group', 'azurerm_postgresql_flexible_server', 'azurerm_cosmosdb_account', 'azurerm_servicebus_namespace_disaster_recovery_config'];
/** The types every region row (or the entry row) charts: each resource of these must be in a chart. */
const CHARTED_TYPES = Object.values(CHART_TYPES);

/** Every resource of `types` in the example, as `<type>.<key>`. */
function resourcesOf(ctx: Ctx, types: readonly string[]): string[] {
  return Object.values(ctx.stacks).flatMap((json) => types.flatMap((type) => Object.keys(json.resource?.[type] ?? {}).map((key) => `${type}.${key}`)));
}

/** Problems of charts (namespace, reference): each must resolve to a resource of the namespace's type. */
function chartProblems(ctx: Ctx, charts: readonly { namespace: string; reference: unknown; where: string }[]): { problems: string[]; charted: Set<string> } {
  const problems: string[] = [];
  const charted = new Set<string>();
  for (const { namespace, reference, where } of charts) {
    const target = targetOf(ctx, reference);
    const type = CHART_TYPES[namespace];
    if (!type) problems.push(`${where}: namespace ${namespace} is not one the test knows`);
    else if (!target || target.type !== type || target.attribute !== 'id') problems.push(`${where}: ${String(reference)} is not the id of an ${type} of the example`);
    else charted.add(`${target.type}.${target.key}`);
  }
  return { problems, charted };
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics: which types support diagnostic settings, independent of the library's table (lib/monitoring/diagnostics.ts).
// Sources: Microsoft Learn's Azure Monitor reference (supported logs and supported metrics per type, "DS Export"),
// "Built-in policies for diagnostic settings" (category groups) and "Resource Manager template samples for diagnostic
// settings" (metric categories of SQL databases and storage).

/** Types that support diagnostic settings: the logs (at allLogs) and metric categories each must send. */
export const DIAGNOSABLE: Readonly<Record<string, { logs: unknown[]; metrics: unknown[]; subresource?: string }>> = {
  azurerm_kubernetes_cluster: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_key_vault: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_mssql_database: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'Basic' }, { category: 'InstanceAndAppAdvanced' }, { category: 'WorkloadManagement' }] },
  // The logical server has no diagnostic settings of its own: its audit log goes through the master database.
  azurerm_mssql_server: { logs: [{ category: 'SQLSecurityAuditEvents' }], metrics: [], subresource: '/databases/master' },
  azurerm_postgresql_flexible_server: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_cosmosdb_account: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'Requests' }] },
  azurerm_servicebus_namespace: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_eventgrid_topic: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_cdn_frontdoor_profile: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_traffic_manager_profile: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_api_management: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_network_security_group: { logs: [{ category_group: 'allLogs' }], metrics: [] },
  azurerm_virtual_network: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_log_analytics_workspace: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  azurerm_monitor_data_collection_rule: { logs: [{ category_group: 'allLogs' }], metrics: [{ category: 'AllMetrics' }] },
  // Account metrics only (`AllMetrics` is refused); the blob service's logs below.
  azurerm_storage_account: { logs: [], metrics: [{ category: 'Transaction' }] },
  // Azure Managed Redis: the cluster's metrics; the connection logs on its default database below.
  azurerm_managed_redis: { logs: [], metrics: [{ category: 'AllMetrics' }] },
};

/** The default database of each Azure Managed Redis cluster: its connection logs (every connection and authentication). */
const MANAGED_REDIS_DATABASE = { logs: [{ category_group: 'allLogs' }], metrics: [], subresource: '/databases/default' };

/** The blob service of each storage account: reads, writes and deletes, and `Transaction` metrics. */
const BLOB_SERVICE = { logs: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }], metrics: [{ category: 'Transaction' }], subresource: '/blobServices/default' };

/** Every other azurerm type the library creates, and why it has no diagnostic setting. */
export const NOT_DIAGNOSABLE: Readonly<Record<string, string>> = {
  azurerm_application_insights: 'workspace-based: its data is in the workspace already, and Azure refuses a setting to the workspace it is based on',
  azurerm_private_endpoint: 'no logs, and its metrics are not exportable',
  azurerm_private_dns_zone: 'no logs, and its metrics are not exportable',
  azurerm_private_dns_zone_virtual_network_link: 'not a monitored resource',
  azurerm_user_assigned_identity: 'no logs or metrics',
  azurerm_federated_identity_credential: 'no logs or metrics',
  azurerm_role_assignment: 'no logs or metrics (the activity log records changes)',
  azurerm_chaos_studio_target: 'an extension of the resource it onboards, with no logs or metrics of its own (Microsoft.Chaos/targets is not in the diagnostic settings categories reference)',
  azurerm_chaos_studio_capability: 'a child of a Chaos Studio target, with no logs or metrics',
  azurerm_chaos_studio_experiment: 'Microsoft.Chaos/experiments has no diagnostic settings categories; its runs are in its execution history and the activity log',
  azurerm_resource_group_template_deployment: 'a deployment record, not a monitored resource (it creates a Chaos Studio experiment, which has none either)',
  azurerm_resource_group: 'no logs or metrics (the activity log records changes)',
  azurerm_subnet: 'its traffic is logged by its NSG',
  azurerm_subnet_network_security_group_association: 'not a monitored resource',
  azurerm_kubernetes_cluster_node_pool: 'logged with its cluster',
  azurerm_monitor_data_collection_rule_association: 'not a monitored resource',
  azurerm_monitor_diagnostic_setting: 'the setting itself',
  azurerm_mssql_failover_group: 'no logs or metrics of its own (its databases have them)',
  azurerm_mssql_database_extended_auditing_policy: 'configuration of its database',
  azurerm_mssql_server_extended_auditing_policy: 'configuration of its server',
  azurerm_mssql_server_security_alert_policy: 'configuration of its server',
  azurerm_postgresql_flexible_server_active_directory_administrator: 'configuration of its server',
  azurerm_postgresql_flexible_server_database: 'logged with its server',
  azurerm_postgresql_flexible_server_virtual_endpoint: 'logged with its server',
  azurerm_cosmosdb_sql_database: 'logged with its account',
  azurerm_cosmosdb_sql_container: 'logged with its account',
  azurerm_cosmosdb_sql_role_assignment: 'configuration of its account',
  azurerm_servicebus_topic: 'logged with its namespace',
  azurerm_servicebus_subscription: 'logged with its namespace',
  azurerm_servicebus_namespace_disaster_recovery_config: 'logged with its namespaces',
  azurerm_storage_container: 'logged with its blob service',
  azurerm_eventgrid_event_subscription: 'logged with its topic',
  azurerm_cdn_frontdoor_endpoint: 'logged with its profile',
  azurerm_cdn_frontdoor_origin: 'logged with its profile',
  azurerm_cdn_frontdoor_origin_group: 'logged with its profile',
  azurerm_cdn_frontdoor_route: 'logged with its profile',
  azurerm_cdn_frontdoor_rule: 'logged with its profile',
  azurerm_cdn_frontdoor_rule_set: 'logged with its profile',
  azurerm_cdn_frontdoor_custom_domain: 'logged with its profile',
  azurerm_cdn_frontdoor_firewall_policy: 'its log (FrontDoorWebApplicationFirewallLog) comes through the profile',
  azurerm_cdn_frontdoor_security_policy: 'logged with its profile',
  azurerm_traffic_manager_external_endpoint: 'logged with its profile',
  azurerm_api_management_api: 'logged with its service',
  azurerm_api_management_api_policy: 'configuration of its service',
  azurerm_api_management_api_operation: 'logged with its service',
  azurerm_api_management_backend: 'logged with its service',
  azurerm_monitor_action_group: 'no diagnostic settings',
  azurerm_monitor_metric_alert: 'no diagnostic settings',
  azurerm_monitor_scheduled_query_rules_alert_v2: 'no diagnostic settings',
  azurerm_monitor_activity_log_alert: 'no diagnostic settings',
  azurerm_monitor_alert_processing_rule_suppression: 'no diagnostic settings',
  azurerm_application_insights_standard_web_test: 'its results are in its Application Insights component',
  azurerm_application_insights_workbook: 'no diagnostic settings',
  azurerm_portal_dashboard: 'no diagnostic settings',
  azurerm_managed_redis_geo_replication: 'a link between caches (each cache has its own settings)',
};

/** The region a resource is in: its stamp stack's, the region in its data-tier address, or the primary's for global ones. */
function regionOfResource(ctx: Ctx, target: Target): string {
  const stackRegion = ctx.facts.regions.find((region) => target.stack === `${ctx.id}-${region}`);
  if (stackRegion) return stackRegion;
  const inAddress = ctx.facts.regions.filter((region) => `_${target.key}`.includes(`_${region}_`));
  if (target.stack === `${ctx.id}-data` && inAddress.length >= 1) return inAddress[0];
  return ctx.facts.regions[0];
}

/** Every diagnosable resource of the stacks without exactly one diagnostic setting of the right content, and every unclassified type. */
export function diagnosticsProblems(stacks: Record<string, StackJson>): string[] {
  const out: string[] = [];
  for (const [stack, json] of Object.entries(stacks)) {
    // A resource's setting is made beside it, in its stack.
    const settings = Object.values(json.resource?.azurerm_monitor_diagnostic_setting ?? {}) as Resource[];
    for (const [type, resources] of Object.entries(json.resource ?? {})) {
      if (!type.startsWith('azurerm_')) continue;
      const expected = DIAGNOSABLE[type];
      if (!expected) {
        if (!(type in NOT_DIAGNOSABLE)) out.push(`${type}: not classified (add it to DIAGNOSABLE or NOT_DIAGNOSABLE with its source)`);
        continue;
      }
      for (const key of Object.keys(resources)) {
        for (const want of [expected, ...(type === 'azurerm_storage_account' ? [BLOB_SERVICE] : []), ...(type === 'azurerm_managed_redis' ? [MANAGED_REDIS_DATABASE] : [])]) {
          const target = `\${${type}.${key}.id}${want.subresource ?? ''}`;
          const found = settings.filter((d) => d.target_resource_id === target);
          if (found.length !== 1) {
            out.push(`${stack} ${type}.${key}: ${found.length} diagnostic settings target ${target}`);
            continue;
          }
          if (JSON.stringify(found[0].enabled_log ?? []) !== JSON.stringify(want.logs)) out.push(`${stack} ${type}.${key}: logs ${JSON.stringify(found[0].enabled_log)}`);
          if (JSON.stringify(found[0].enabled_metric ?? []) !== JSON.stringify(want.metrics)) out.push(`${stack} ${type}.${key}: metrics ${JSON.stringify(found[0].enabled_metric)}`);
        }
      }
    }
  }
  return out;
}

/**
 * The other side of a paired resource, `<partner server or standby namespace id>/<failoverGroups|disasterRecoveryConfigs>/<name>`:
 * the pair (`<type>.<key>` of the group or alias) when the parent is the partner it pairs with, else a problem;
 * undefined when the path is not of that form.
 */
function otherSide(ctx: Ctx, path: string): { pair?: string; problem?: string } | undefined {
  const side = /^(\$\{[^}]+\})\/(failoverGroups|disasterRecoveryConfigs)\/(\$\{[^}]+\})$/.exec(path);
  if (!side) return undefined;
  const parent = targetOf(ctx, side[1]);
  const named = targetOf(ctx, side[3]);
  const types = side[2] === 'failoverGroups' ? ['azurerm_mssql_server', 'azurerm_mssql_failover_group'] : ['azurerm_servicebus_namespace', 'azurerm_servicebus_namespace_disaster_recovery_config'];
  if (parent?.type !== types[0] || named?.type !== types[1] || named.attribute !== 'name') return { problem: `${path} is not a pair's other side` };
  // The parent must be the server or namespace the group or alias pairs with (its partner_server / partner_namespace_id).
  const partner = targetOf({ ...ctx, stack: named.stack }, named.resource.partner_server?.[0]?.id ?? named.resource.partner_namespace_id);
  if (partner?.key !== parent.key || partner.stack !== parent.stack) return { problem: `${parent.key} is not the partner of ${named.key}` };
  return { pair: `${named.type}.${named.key}` };
}

export const INVARIANTS: readonly Invariant[] = [
  // --- Storage (lib/events/event-bus.ts, DeadLetterStorage) -----------------------------------------------------
  {
    name: 'storage account: Entra ID only (shared keys off, OAuth by default), HTTPS only, TLS 1.2, no public blobs',
    type: 'azurerm_storage_account',
    count: per(0, 0, 2, 0, 0),
    expected: () => ({
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      allow_nested_items_to_be_public: false,
      // The library does not set infrastructure encryption (a second, platform-managed key layer): Azure's default (off).
      infrastructure_encryption_enabled: undefined,
    }),
  },
  {
    name: 'storage account: public network access denied by a closed firewall (default Deny, only the trusted-services bypass, no IP or VNet rules)',
    type: 'azurerm_storage_account',
    count: per(0, 0, 2, 0, 0),
    expected: () => ({
      // Left unset (Enabled) on purpose: Event Grid writes dead letters as a trusted Azure service, through the
      // firewall's AzureServices bypass; the firewall itself admits no network (lib/events/event-bus.ts).
      public_network_access_enabled: undefined,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
    }),
  },
  {
    name: 'dead-letter storage: zone-redundant (ZRS), blob and container soft delete 30 days, private container',
    type: 'azurerm_storage_account',
    count: per(0, 0, 2, 0, 0),
    expected: () => ({
      account_replication_type: 'ZRS',
      account_kind: 'StorageV2',
      blob_properties: { delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 } },
    }),
  },
  {
    name: 'dead-letter container: private access',
    type: 'azurerm_storage_container',
    count: per(0, 0, 2, 0, 0),
    expected: () => ({ container_access_type: 'private' }),
  },
  // --- Cosmos DB (lib/tracking/tracking-store.ts) ----------------------------------------------------------------
  {
    name: 'Cosmos DB account: public network access off, no Azure-services ACL bypass, key auth off, TLS 1.2',
    type: 'azurerm_cosmosdb_account',
    count: per(1, 1, 1, 1, 2),
    expected: () => ({
      public_network_access_enabled: false,
      network_acl_bypass_for_azure_services: false,
      local_authentication_disabled: true,
      access_key_metadata_writes_enabled: false,
      minimal_tls_version: 'Tls12',
    }),
  },
  {
    name: 'Cosmos DB account: zone-redundant in every region of its cell (failover priority in region order); one write region, continuous 7-day backup and service-managed failover when multi-region, except activeActive: every region writes, periodic geo-redundant backup',
    type: 'azurerm_cosmosdb_account',
    count: per(1, 1, 1, 1, 2),
    // lib/tracking/tracking-store.ts: multi-region writes under activeActive, which this library backs up periodically
    // (continuous backup with multi-region writes is documented inconsistently); one account per cell under regionPinned.
    expected: (_r, ctx) => {
      const multiWrite = ctx.facts.pattern === 'activeActive';
      const regions = ctx.facts.pattern === 'regionPinned' ? [addressRegion(ctx)] : ctx.facts.regions;
      return {
        location: regions[0],
        geo_location: regions.map((location, i) => ({ location, failover_priority: i, zone_redundant: true })),
        backup: multiWrite ? { type: 'Periodic', interval_in_minutes: 240, retention_in_hours: 8, storage_redundancy: 'Geo' } : { type: 'Continuous', tier: 'Continuous7Days' },
        multiple_write_locations_enabled: multiWrite,
        automatic_failover_enabled: regions.length > 1 && !multiWrite,
        'consistency_policy.consistency_level': 'Session',
      };
    },
  },
  // --- Azure SQL (lib/database/sql.ts) -----------------------------------------------------------------------------
  {
    name: 'SQL server: Entra ID authentication only, public network access off, TLS 1.2',
    type: 'azurerm_mssql_server',
    count: per(1, 2, 0, 3, 0),
    expected: () => ({
      'azuread_administrator.azuread_authentication_only': true,
      public_network_access_enabled: false,
      minimum_tls_version: '1.2',
      'identity.type': 'SystemAssigned',
    }),
  },
  {
    name: 'SQL server: security alert policy enabled and audit records to Log Analytics',
    type: 'azurerm_mssql_server',
    count: per(1, 2, 0, 3, 0),
    violations: (r, ctx) => {
      const json = ctx.stacks[ctx.stack];
      const ref = `\${${ctx.address}.`;
      const alerts = Object.values(json.resource.azurerm_mssql_server_security_alert_policy ?? {}).filter((p) => p.server_name === `${ref}name}` && p.state === 'Enabled');
      const audits = Object.values(json.resource.azurerm_mssql_server_extended_auditing_policy ?? {}).filter((p) => p.server_id === `${ref}id}` && p.log_monitoring_enabled === true);
      return [...(alerts.length === 1 ? [] : [`${alerts.length} enabled security alert policies`]), ...(audits.length === 1 ? [] : [`${audits.length} auditing policies to Log Analytics`])].map((v) => `${r.name}: ${v}`);
    },
  },
  {
    name: 'SQL database (primary and geo-secondary): zone-redundant where its region has zones, 14-day point-in-time restore every 12 h, long-term retention, geo-redundant backups',
    type: 'azurerm_mssql_database',
    count: per(1, 2, 0, 9, 0),
    expected: () => ({
      zone_redundant: true,
      short_term_retention_policy: { retention_days: 14, backup_interval_in_hours: 12 },
      long_term_retention_policy: { weekly_retention: 'P4W', monthly_retention: 'P12M', yearly_retention: 'P5Y', week_of_year: 1 },
      storage_account_type: 'Geo',
      sku_name: 'GP_Gen5_2',
    }),
  },
  {
    name: 'SQL database: collation left at Azure\'s default (SQL_Latin1_General_CP1_CI_AS); setting one replaces the database; named orders (activeActive: orders-<cell home>, as every server holds every cell)',
    type: 'azurerm_mssql_database',
    count: per(1, 2, 0, 9, 0),
    expected: (_r, ctx) => {
      // activeActive: `<server region>_Database` is the region's own cell, `<server region>_Replica-<home>` a copy of <home>'s.
      const home = /_Replica-([a-z0-9]+)_/.exec(ctx.address)?.[1] ?? addressRegion(ctx);
      return { collation: undefined, name: ctx.facts.pattern === 'activeActive' ? `orders-${home}` : 'orders' };
    },
  },
  // --- PostgreSQL (lib/database/postgresql.ts) -------------------------------------------------------------------
  {
    name: 'PostgreSQL server (primary and every replica): Entra ID only, password login off, public network access off',
    type: 'azurerm_postgresql_flexible_server',
    count: per(0, 0, 2, 0, 2),
    expected: () => ({
      'authentication.active_directory_auth_enabled': true,
      'authentication.password_auth_enabled': false,
      public_network_access_enabled: false,
    }),
  },
  {
    name: 'PostgreSQL read replica: password login off too, a replica of the primary in the same stack',
    type: 'azurerm_postgresql_flexible_server',
    select: isReplicaPostgres,
    count: per(0, 0, 1, 0, 0),
    expected: (_r, ctx) => {
      const primaries = Object.entries(ctx.stacks[ctx.stack].resource.azurerm_postgresql_flexible_server ?? {}).filter(([, s]) => isPrimaryPostgres(s));
      return {
        'authentication.password_auth_enabled': false,
        'authentication.active_directory_auth_enabled': true,
        location: ctx.facts.regions[1],
        source_server_id: primaries.length === 1 ? `\${azurerm_postgresql_flexible_server.${primaries[0][0]}.id}` : '<one primary in the stack>',
      };
    },
  },
  {
    name: 'PostgreSQL primary: zone-redundant HA (standby in another zone), geo-redundant backups (the region\'s pair is in its geography), 14 days',
    type: 'azurerm_postgresql_flexible_server',
    select: isPrimaryPostgres,
    count: per(0, 0, 1, 0, 2),
    expected: (_r, ctx) => ({
      location: cellHome(ctx),
      zone: '1',
      high_availability: { mode: 'ZoneRedundant', standby_availability_zone: '2' },
      geo_redundant_backup_enabled: true,
      backup_retention_days: 14,
    }),
  },
  {
    name: 'PostgreSQL server names: <prefix>-psql-<region>-<hash>, replicas <prefix>-psql-<region>-of-<home>-<hash> (the names contract pins each)',
    type: 'azurerm_postgresql_flexible_server',
    count: per(0, 0, 2, 0, 2),
    violations: (r, ctx) => {
      const home = cellHome(ctx);
      const replica = ctx.facts.regions[1];
      const pattern = isReplicaPostgres(r) ? new RegExp(`^${ctx.facts.prefix}-psql-${replica}-of-${home}-[0-9a-f]{6}$`) : new RegExp(`^${ctx.facts.prefix}-psql-${home}-[0-9a-f]{6}$`);
      return pattern.test(r.name) ? [] : [`${r.name} does not match ${pattern}`];
    },
  },
  {
    name: 'PostgreSQL database: UTF8, collation en_US.utf8 (fixed: a change replaces the database)',
    type: 'azurerm_postgresql_flexible_server_database',
    count: per(0, 0, 1, 0, 2),
    expected: () => ({ charset: 'UTF8', collation: 'en_US.utf8', name: 'orders' }),
  },
  // --- Service Bus (lib/events/event-bus.ts) -------------------------------------------------------------------------
  {
    name: 'Service Bus namespace: Premium, public network access off (namespace and rule set), local (SAS) auth off, TLS 1.2',
    type: 'azurerm_servicebus_namespace',
    count: per(1, 2, 0, 6, 2),
    expected: () => ({
      sku: 'Premium',
      public_network_access_enabled: false,
      local_auth_enabled: false,
      minimum_tls_version: '1.2',
      // Default action Allow on purpose: with public access off it admits nothing, and Deny without rules fails the create.
      network_rule_set: { default_action: 'Allow', public_network_access_enabled: false, trusted_services_allowed: false },
    }),
  },
  {
    name: 'Service Bus namespace: zone-redundant (Premium, which Azure makes zone-redundant in a region with zones: every region of the pattern has them)',
    type: 'azurerm_servicebus_namespace',
    count: per(1, 2, 0, 6, 2),
    violations: (r, ctx) => [
      ...(r.sku === 'Premium' ? [] : [`${r.name}: sku ${r.sku}, not Premium`]),
      ...(ctx.facts.regions.includes(r.location) ? [] : [`${r.name}: in ${r.location}, not a region of the pattern`]),
      ...(r.premium_messaging_partitions === 1 && r.capacity === 1 ? [] : [`${r.name}: ${r.capacity} units in ${r.premium_messaging_partitions} partitions`]),
    ],
    covers: ['sku', 'premium_messaging_partitions', 'capacity'],
  },
  {
    name: 'Event Grid topic: public network access off, local (key) auth off, managed identity for dead letters',
    type: 'azurerm_eventgrid_topic',
    count: per(0, 0, 2, 0, 0),
    expected: () => ({ public_network_access_enabled: false, local_auth_enabled: false, 'identity.type': 'SystemAssigned' }),
  },
  // --- Monitoring (lib/monitoring/regional-monitoring.ts) ---------------------------------------------------------
  {
    name: 'Log Analytics workspace: local (shared key) auth off, 30-day retention, one per region of the pattern',
    type: 'azurerm_log_analytics_workspace',
    count: perRegion(),
    violations: (r, ctx) => [
      ...(r.local_authentication_enabled === false ? [] : [`${r.name}: local_authentication_enabled ${r.local_authentication_enabled}`]),
      ...(r.retention_in_days === 30 ? [] : [`${r.name}: retention_in_days ${r.retention_in_days}`]),
      ...(ctx.facts.regions.includes(r.location) ? [] : [`${r.name}: in ${r.location}`]),
    ],
    covers: ['local_authentication_enabled', 'retention_in_days'],
  },
  // --- Key Vault and AKS (lib/stamp/regional-stamp.ts) ---------------------------------------------------------------
  {
    name: 'Key Vault: RBAC authorization, purge protection, 90-day soft delete, public network access off, firewall Deny',
    type: 'azurerm_key_vault',
    count: perRegion(),
    expected: () => ({
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { bypass: 'AzureServices', default_action: 'Deny' },
    }),
  },
  {
    name: 'AKS cluster: local accounts disabled, Entra ID with Azure RBAC (the example\'s admin group), Standard tier, workload identity, Azure Policy',
    type: 'azurerm_kubernetes_cluster',
    count: perRegion(),
    expected: (_r, ctx) => ({
      local_account_disabled: true,
      role_based_access_control_enabled: true,
      'azure_active_directory_role_based_access_control.azure_rbac_enabled': true,
      'azure_active_directory_role_based_access_control.admin_group_object_ids': ctx.facts.adminGroups,
      sku_tier: 'Standard',
      oidc_issuer_enabled: true,
      workload_identity_enabled: true,
      azure_policy_enabled: true,
    }),
  },
  {
    name: 'AKS system pool: across zones 1-3, critical add-ons only, autoscaled from 3 nodes',
    type: 'azurerm_kubernetes_cluster',
    count: perRegion(),
    expected: () => ({
      'default_node_pool.zones': ['1', '2', '3'],
      'default_node_pool.only_critical_addons_enabled': true,
      'default_node_pool.auto_scaling_enabled': true,
      'default_node_pool.min_count': 3,
    }),
  },
  {
    name: 'AKS network: Azure CNI overlay with Cilium network policy (the NetworkPolicies are enforced)',
    type: 'azurerm_kubernetes_cluster',
    count: perRegion(),
    expected: () => ({
      'network_profile.network_plugin': 'azure',
      'network_profile.network_plugin_mode': 'overlay',
      'network_profile.network_policy': 'cilium',
      'network_profile.network_data_plane': 'cilium',
    }),
  },
  {
    name: 'AKS user pool: across zones 1-3, autoscaled from 3 nodes (one per zone)',
    type: 'azurerm_kubernetes_cluster_node_pool',
    count: perRegion(),
    expected: () => ({ mode: 'User', zones: ['1', '2', '3'], auto_scaling_enabled: true, min_count: 3 }),
  },
  {
    name: 'AKS operations: patch upgrades and node images in one weekly 4-hour window at 02:00 local standard time (the region\'s fixed offset) on a weekday, Container Insights with managed identity, secret rotation, image cleaner',
    type: 'azurerm_kubernetes_cluster',
    count: perRegion(),
    expected: (r) => {
      const offset = formatUtcOffset(zoneOffsets(Regions.tryFind(String(r.location))!.timeZone).standard);
      const window = { day_of_week: r.maintenance_window_auto_upgrade?.day_of_week, duration: 4, frequency: 'Weekly', interval: 1, start_time: '02:00', utc_offset: offset };
      expect(['Tuesday', 'Wednesday', 'Thursday']).toContain(window.day_of_week);
      return {
        automatic_upgrade_channel: 'patch',
        node_os_upgrade_channel: 'NodeImage',
        maintenance_window_auto_upgrade: window,
        maintenance_window_node_os: window,
        'oms_agent.msi_auth_for_monitoring_enabled': true,
        key_vault_secrets_provider: { secret_rotation_enabled: true },
        image_cleaner_enabled: true,
        image_cleaner_interval_hours: 48,
      };
    },
  },
  {
    name: 'AKS network addressing: overlay pods and services outside the VNet, standard load balancer, load-balancer outbound',
    type: 'azurerm_kubernetes_cluster',
    count: perRegion(),
    expected: () => ({
      'network_profile.pod_cidr': '192.168.0.0/16',
      'network_profile.service_cidr': '172.16.0.0/16',
      'network_profile.dns_service_ip': '172.16.0.10',
      'network_profile.load_balancer_sku': 'standard',
      'network_profile.outbound_type': 'loadBalancer',
    }),
  },
  // --- Front Door (lib/global-entry/global-entry.ts) ------------------------------------------------------------------
  {
    name: 'Front Door profile: Premium (Private Link origins, managed WAF rules)',
    type: 'azurerm_cdn_frontdoor_profile',
    count: per(1, 1, 1, 1, 1),
    expected: () => ({ sku_name: 'Premium_AzureFrontDoor', response_timeout_seconds: 60 }),
  },
  {
    name: 'Front Door WAF: Prevention mode, request body inspection, Default Rule Set 2.1 and Bot Manager 1.1 blocking, a per-client rate limit (and the unmapped countries blocked where the example rejects them)',
    type: 'azurerm_cdn_frontdoor_firewall_policy',
    count: per(1, 1, 1, 1, 1),
    expected: (_r, ctx) => ({
      enabled: true,
      mode: 'Prevention',
      sku_name: 'Premium_AzureFrontDoor',
      request_body_check_enabled: true,
      managed_rule: [{ action: 'Block', type: 'Microsoft_DefaultRuleSet', version: '2.1' }, { action: 'Block', type: 'Microsoft_BotManagerRuleSet', version: '1.1' }],
      custom_rule: [
        { action: 'Block', match_condition: [{ match_values: ['/'], match_variable: 'RequestUri', operator: 'BeginsWith' }], name: 'RateLimitPerClient', priority: 100, rate_limit_duration_in_minutes: 1, rate_limit_threshold: 1000, type: 'RateLimitRule' },
        // geoRouting.rejectUnmappedCountries: the WAF blocks every client outside the mapped countries (lib/global-entry/front-door.ts).
        ...(ctx.facts.rejectedOutside ? [{ action: 'Block', name: 'RejectUnmappedCountries', priority: 10, type: 'MatchRule', match_condition: [{ match_variable: 'SocketAddr', operator: 'GeoMatch', negation_condition: true, match_values: Object.values(ctx.facts.rejectedOutside).flat() }] }] : []),
      ],
    }),
  },
  {
    name: 'Front Door security policy: the WAF on every path of the endpoint',
    type: 'azurerm_cdn_frontdoor_security_policy',
    count: per(1, 1, 1, 1, 1),
    expected: () => ({ 'security_policies.firewall.association.patterns_to_match': ['/*'] }),
  },
  {
    name: 'Front Door route: HTTPS to the origins only, HTTP redirected to HTTPS',
    type: 'azurerm_cdn_frontdoor_route',
    count: per(2, 2, 2, 2, 2),
    expected: () => ({ forwarding_protocol: 'HttpsOnly', https_redirect_enabled: true, supported_protocols: ['Http', 'Https'] }),
  },
  {
    name: 'Front Door origin: over Private Link to the region\'s service, TLS certificate checked against the service\'s host name',
    type: 'azurerm_cdn_frontdoor_origin',
    count: per(2, 8, 4, 6, 4),
    violations: (r, ctx) => [
      ...(r.certificate_name_check_enabled === true ? [] : ['certificate_name_check_enabled is not true']),
      ...(r.enabled === true ? [] : ['not enabled']),
      ...(['orders.contoso.com', 'tracking.contoso.com'].includes(r.origin_host_header) ? [] : [`origin_host_header ${r.origin_host_header}`]),
      ...(ctx.facts.regions.includes(r.private_link?.location) && /^\$\{data\.azurerm_private_link_service\.[^.]+\.id\}$/.test(r.private_link?.private_link_target_id ?? '') ? [] : [`private_link ${JSON.stringify(r.private_link)}`]),
    ].map((v) => `${r.name}: ${v}`),
    covers: ['certificate_name_check_enabled', 'enabled', 'origin_host_header', 'private_link.location', 'private_link.private_link_target_id'],
  },
  {
    name: 'Front Door origin group: HTTPS health probe of the readiness endpoint, no session affinity',
    type: 'azurerm_cdn_frontdoor_origin_group',
    count: per(2, 4, 2, 2, 4),
    expected: () => ({
      health_probe: { interval_in_seconds: 30, path: '/healthz/ready', protocol: 'Https', request_type: 'HEAD' },
      session_affinity_enabled: false,
    }),
  },
  // --- Private endpoints (lib/stamp/regional-stamp.ts addPrivateEndpoint) ----------------------------------------
  {
    name: 'private endpoint: in the stamp\'s private-endpoint subnet, approved automatically, registered in one private DNS zone of the stamp',
    type: 'azurerm_private_endpoint',
    count: per(4, 14, 12, 36, 8),
    expected: (r, ctx) => {
      const stamp = ctx.stacks[ctx.stack].resource;
      const subnet = Object.entries(stamp.azurerm_subnet ?? {}).filter(([, x]) => x.name === 'snet-private-endpoints').map(([id]) => `\${azurerm_subnet.${id}.id}`);
      const zones: string[] = r.private_dns_zone_group?.private_dns_zone_ids ?? [];
      return {
        subnet_id: subnet.length === 1 ? subnet[0] : '<one private-endpoint subnet in the stack>',
        'private_service_connection.is_manual_connection': false,
        'private_dns_zone_group.name': 'default',
        'private_dns_zone_group.private_dns_zone_ids': zones.length === 1 && /^\$\{azurerm_private_dns_zone\.[^.]+\.id\}$/.test(zones[0]) ? zones : ['<one private DNS zone of the stack>'],
      };
    },
  },
  // --- Diagnostics (lib/monitoring/diagnostics.ts) ---------------------------------------------------------------------
  {
    name: 'diagnostic setting: to the Log Analytics workspace of the watched resource\'s region (global resources: the primary\'s)',
    type: 'azurerm_monitor_diagnostic_setting',
    count: per(13, 28, 26, 50, 23),
    expected: () => ({ name: 'to-log-analytics' }),
    violations: (r, ctx) => {
      const workspace = targetOf(ctx, r.log_analytics_workspace_id);
      const watched = targetOf(ctx, String(r.target_resource_id).replace(/\/(databases\/master|blobServices\/default|databases\/default)$/, ''));
      if (!workspace || workspace.type !== 'azurerm_log_analytics_workspace') return [`${ctx.address}: workspace ${r.log_analytics_workspace_id}`];
      if (!watched) return [`${ctx.address}: target ${r.target_resource_id} is not a resource of the example`];
      const region = regionOfResource(ctx, watched);
      return workspace.key.startsWith(`${region}_`) ? [] : [`${ctx.address}: ${watched.type}.${watched.key} (${region}) reports to ${workspace.key}`];
    },
    covers: ['log_analytics_workspace_id'],
  },
  {
    name: 'diagnostics everywhere: every resource of a type that supports diagnostic settings has exactly one, with its logs (allLogs) and metrics; every other type is classified with a reason',
    type: 'azurerm_resource_group',
    select: (_r, ctx) => ctx.stack === `${ctx.id}-data` && ctx.address.startsWith(`azurerm_resource_group.${ctx.facts.regions[0]}_`),
    count: per(1, 1, 1, 1, 1),
    violations: (_r, ctx) => diagnosticsProblems(ctx.stacks),
  },
  // --- Kubernetes (lib/workloads/order-workloads.ts) --------------------------------------------------------------
  {
    name: 'NetworkPolicy default-deny: every pod of the namespace, ingress and egress, no rule',
    type: 'kubernetes_network_policy_v1',
    select: (r) => !isServiceNetworkPolicy(r),
    count: perRegion(),
    expected: () => ({ 'spec.pod_selector': {}, 'spec.policy_types': ['Ingress', 'Egress'], 'spec.ingress': undefined, 'spec.egress': undefined }),
  },
  {
    name: 'NetworkPolicy per service: every egress rule bound to ports, except the data tier over the stamp\'s private-endpoint subnet; ingress only from the ingress subnet, on the https port',
    type: 'kubernetes_network_policy_v1',
    select: isServiceNetworkPolicy,
    count: perRegion(2),
    violations: (r, ctx) => {
      const out: string[] = [];
      const privateEndpoints = subnetCidr(ctx, 'snet-private-endpoints');
      const ingressSubnet = subnetCidr(ctx, 'snet-ingress');
      const spec = r.spec;
      if (JSON.stringify(spec.policy_types) !== JSON.stringify(['Ingress', 'Egress'])) out.push(`policy_types ${JSON.stringify(spec.policy_types)}`);
      if (JSON.stringify(spec.pod_selector) !== JSON.stringify({ match_labels: { app: r.metadata.name } })) out.push(`pod_selector ${JSON.stringify(spec.pod_selector)}`);
      const egress: Resource[] = spec.egress ?? [];
      if (egress.length === 0) out.push('no egress rule');
      // Any port to the private endpoints only: SQL redirect (11000-11999) and Cosmos DB direct mode use wide port
      // ranges (lib/workloads/order-workloads.ts); every other rule names its ports.
      const portless = egress.filter((rule) => !(Array.isArray(rule.ports) && rule.ports.length > 0));
      for (const rule of portless) {
        if (JSON.stringify(rule.to) !== JSON.stringify([{ ip_block: { cidr: privateEndpoints } }])) out.push(`egress rule without ports to ${JSON.stringify(rule.to)}`);
      }
      if (portless.length > 1) out.push(`${portless.length} egress rules without ports`);
      for (const rule of egress) {
        for (const port of rule.ports ?? []) if (!port.port || !port.protocol) out.push(`egress port without number or protocol: ${JSON.stringify(port)}`);
        if (!Array.isArray(rule.to) || rule.to.length === 0) out.push(`egress rule to anywhere: ${JSON.stringify(rule)}`);
      }
      const ingress: Resource[] = spec.ingress ?? [];
      if (ingress.length === 0) out.push('no ingress rule');
      for (const rule of ingress) {
        if (JSON.stringify(rule.from) !== JSON.stringify([{ ip_block: { cidr: ingressSubnet } }])) out.push(`ingress from ${JSON.stringify(rule.from)}, not only the ingress subnet ${ingressSubnet}`);
        if (JSON.stringify(rule.ports) !== JSON.stringify([{ port: 'https', protocol: 'TCP' }])) out.push(`ingress ports ${JSON.stringify(rule.ports)}`);
      }
      return out.map((v) => `${r.metadata.name}: ${v}`);
    },
    covers: ['spec.ingress', 'spec.policy_types', 'spec.pod_selector'],
  },
  {
    name: 'Deployment pods: non-root (uid 10001), RuntimeDefault seccomp; every container non-root, read-only root FS (writable /tmp only, 64Mi), no privilege escalation, all capabilities dropped',
    type: 'kubernetes_deployment_v1',
    count: per(2, 6, 5, 6, 4),
    expected: () => ({
      'spec.template.spec.security_context.run_as_non_root': true,
      'spec.template.spec.security_context.run_as_user': '10001',
      'spec.template.spec.security_context.seccomp_profile': { type: 'RuntimeDefault' },
      'spec.template.spec.init_container': undefined,
      'spec.template.spec.host_network': undefined,
      'spec.template.spec.container[*].security_context.run_as_non_root': true,
      'spec.template.spec.container[*].security_context.read_only_root_filesystem': true,
      'spec.template.spec.container[*].security_context.allow_privilege_escalation': false,
      'spec.template.spec.container[*].security_context.privileged': false,
      'spec.template.spec.container[*].security_context.capabilities': { drop: ['ALL'] },
      'spec.template.spec.container[*].security_context.seccomp_profile': { type: 'RuntimeDefault' },
      // The only writable path: /tmp, a size-limited emptyDir (the root FS is read-only).
      'spec.template.spec.volume': [{ name: 'tmp', empty_dir: { size_limit: '64Mi' } }],
      'spec.template.spec.container[*].volume_mount': [{ mount_path: '/tmp', name: 'tmp' }],
    }),
  },
  {
    name: 'NetworkPolicy per service: egress exactly DNS to kube-system (53 UDP/TCP), the stamp\'s private-endpoint subnet, HTTPS (443) out',
    type: 'kubernetes_network_policy_v1',
    select: isServiceNetworkPolicy,
    count: perRegion(2),
    expected: (_r, ctx) => ({
      'spec.egress': [
        { to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }] },
        { to: [{ ip_block: { cidr: subnetCidr(ctx, 'snet-private-endpoints') } }] },
        { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] },
      ],
    }),
  },
  {
    name: 'Deployment: pods spread over the zones (DoNotSchedule, max skew 1) and the nodes, on the user pool only',
    type: 'kubernetes_deployment_v1',
    count: per(2, 6, 5, 6, 4),
    expected: (r) => {
      const spread = (topologyKey: string, matchLabels: unknown, whenUnsatisfiable: string) => ({
        label_selector: [{ match_labels: matchLabels }], max_skew: 1, node_affinity_policy: 'Honor', node_taints_policy: 'Honor', topology_key: topologyKey, when_unsatisfiable: whenUnsatisfiable,
      });
      const selector = r.spec.selector.match_labels;
      return {
        'spec.template.spec.topology_spread_constraint': [
          spread('topology.kubernetes.io/zone', selector, 'DoNotSchedule'),
          spread('kubernetes.io/hostname', { app: selector.app }, 'ScheduleAnyway'),
        ],
        'spec.template.spec.node_selector': { 'kubernetes.azure.com/mode': 'user' },
      };
    },
  },
  {
    name: 'Deployment: rolling updates never below the desired count, HTTPS startup/readiness/liveness probes, 15 s preStop drain within a 45 s grace period, requests and limits',
    type: 'kubernetes_deployment_v1',
    count: per(2, 6, 5, 6, 4),
    expected: () => ({
      'spec.strategy': { type: 'RollingUpdate', rolling_update: { max_surge: '25%', max_unavailable: '0' } },
      'spec.template.spec.termination_grace_period_seconds': 45,
      'spec.template.spec.container[*].lifecycle': { pre_stop: [{ exec: { command: ['/bin/sh', '-c', 'sleep 15'] } }] },
      'spec.template.spec.container[*].startup_probe': { failure_threshold: 30, http_get: { path: '/healthz/startup', port: 'https', scheme: 'HTTPS' }, period_seconds: 5, timeout_seconds: 2 },
      'spec.template.spec.container[*].readiness_probe': { failure_threshold: 3, http_get: { path: '/healthz/ready', port: 'https', scheme: 'HTTPS' }, period_seconds: 5, timeout_seconds: 2 },
      'spec.template.spec.container[*].liveness_probe': { failure_threshold: 3, http_get: { path: '/healthz/live', port: 'https', scheme: 'HTTPS' }, period_seconds: 10, timeout_seconds: 2 },
      'spec.template.spec.container[*].resources': { limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '250m', memory: '256Mi' } },
    }),
  },
  {
    name: 'PodDisruptionBudget: at most one pod of a service down at a time (node drains, upgrades)',
    type: 'kubernetes_pod_disruption_budget_v1',
    count: perRegion(2),
    expected: (r) => ({ spec: { max_unavailable: '1', selector: { match_labels: { app: r.metadata.name } } } }),
  },
  {
    name: 'HorizontalPodAutoscaler (no demand model): up to 10 replicas on CPU 70% (no memory target), scaling a Deployment',
    type: 'kubernetes_horizontal_pod_autoscaler_v2',
    count: per(2, 0, 4, 0, 4),
    expected: () => ({
      'spec.max_replicas': 10,
      'spec.metric': [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', average_utilization: 70 } } },
      ],
      'spec.scale_target_ref.kind': 'Deployment',
      'spec.scale_target_ref.api_version': 'apps/v1',
    }),
  },
  {
    name: 'KEDA ScaledObject (demand model): adopts the HPA of its Deployment\'s name, CPU 70% plus a cron floor per peak (and the tracking backlog), Kubernetes\' scale-out speed',
    type: 'kubernetes_manifest',
    select: (r) => r.manifest.kind === 'ScaledObject',
    count: per(0, 4, 0, 6, 0),
    expected: (r, ctx) => ({
      'manifest.apiVersion': 'keda.sh/v1alpha1',
      'manifest.metadata.annotations': { 'scaledobject.keda.sh/transfer-hpa-ownership': 'true' },
      'manifest.spec.scaleTargetRef': { apiVersion: 'apps/v1', kind: 'Deployment', name: r.manifest.metadata.name },
      'manifest.spec.advanced.horizontalPodAutoscalerConfig.name': r.manifest.metadata.name,
      'manifest.spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp': { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }] },
      'manifest.spec.triggers[0]': { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
      'manifest.spec.triggers[1].type': 'cron',
      'manifest.spec.triggers[1].metadata.start': '30 16 * * 0,5,6',
      'manifest.spec.triggers[1].metadata.end': '0 22 * * 0,5,6',
      // The backlog trigger where the region scales on a subscription: not a primarySecondary secondary, which shares
      // the primary's (KEDA would size both regions' consumers by the whole backlog).
      'manifest.spec.triggers[2]': r.manifest.metadata.name === 'tracking-api' && (ctx.facts.pattern !== 'primarySecondary' || regionOf(ctx) === ctx.facts.regions[0])
        ? expect.objectContaining({ type: 'azure-servicebus', authenticationRef: { name: 'tracking-api-servicebus' } }) : undefined,
    }),
  },
  {
    name: 'Service: internal load balancer in the ingress subnet behind a Private Link Service (Front Door\'s only way in), Local traffic policy, HTTPS only',
    type: 'kubernetes_service_v1',
    select: (r) => r.spec.type === 'LoadBalancer',
    count: perRegion(2),
    expected: (r) => ({
      ...Object.fromEntries(Object.entries({
        'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
        'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': 'snet-ingress',
        'service.beta.kubernetes.io/azure-pls-create': 'true',
        'service.beta.kubernetes.io/azure-pls-ip-configuration-subnet': 'snet-ingress',
        'service.beta.kubernetes.io/azure-pls-name': `pls-${r.metadata.name}`,
        'service.beta.kubernetes.io/azure-pls-proxy-protocol': 'false',
      }).map(([k, v]) => [`metadata.annotations["${k}"]`, v])),
      'spec.external_traffic_policy': 'Local',
      'spec.port': [{ name: 'https', port: 443, protocol: 'TCP', target_port: 'https' }],
    }),
  },
  // --- Every stateful resource ---------------------------------------------------------------------------------------
  ...RETAINED.map(([type, count]): Invariant => ({
    name: `${type}: lifecycle.prevent_destroy = true`,
    type,
    count,
    expected: () => ({ 'lifecycle.prevent_destroy': true }),
  })),
  // --- Observability (lib/monitoring/observability.ts, the -observability stack) ----------------------------------------
  {
    name: 'action group: the example\'s on-call email with the common alert schema, short name the prefix, in the observability resource group',
    type: 'azurerm_monitor_action_group',
    count: per(1, 1, 1, 1, 1),
    expected: (_r, ctx) => ({
      email_receiver: [{ name: 'email-1', email_address: 'oncall@contoso.com', use_common_alert_schema: true }],
      sms_receiver: [], webhook_receiver: [],
      short_name: ctx.facts.prefix,
      resource_group_name: observabilityRef(ctx, 'azurerm_resource_group'),
    }),
  },
  {
    name: 'metric alert: Microsoft\'s metric, aggregation, operator, default threshold and dimension, its severity and window, scoped to the right resource of the right region, notifying the action group',
    type: 'azurerm_monitor_metric_alert',
    select: (r) => r.criteria !== undefined,
    count: per(15, 24, 17, 45, 28),
    expected: (_r, ctx) => {
      const facts = METRIC_ALERT_FACTS[alertKey(ctx).alert];
      return {
        criteria: facts ? [facts.criteria] : '<an alert the test knows>',
        severity: facts?.severity, window_size: facts?.window, frequency: facts?.frequency, auto_mitigate: true,
        action: [{ action_group_id: observabilityRef(ctx, 'azurerm_monitor_action_group') }],
        resource_group_name: observabilityRef(ctx, 'azurerm_resource_group'),
      };
    },
    violations: (r, ctx) => {
      const { alert, key } = alertKey(ctx);
      const facts = METRIC_ALERT_FACTS[alert];
      if (!facts) return [`${ctx.address}: unknown alert ${alert}`];
      if (r.scopes?.length !== 1) return [`${ctx.address}: ${r.scopes?.length} scopes`];
      return watchedResourceProblems(targetOf(ctx, r.scopes[0]), facts.type, key, ctx).map((v) => `${ctx.address}: ${v}`);
    },
    covers: ['scopes'],
  },
  {
    name: 'alerts: every region\'s cluster and Key Vault, every Cosmos DB account and Service Bus namespace (standbys included), every PostgreSQL replica, SQL failover group and the Front Door profile is watched',
    type: 'azurerm_monitor_action_group',
    count: per(1, 1, 1, 1, 1),
    violations: (_r, ctx) => {
      const alerts = Object.entries(ctx.stacks[`${ctx.id}-observability`].resource.azurerm_monitor_metric_alert ?? {});
      const watched = new Set(alerts.flatMap(([, a]) => (a.scopes ?? []).map((ref: unknown) => targetOf({ ...ctx, stack: `${ctx.id}-observability` }, ref))).filter((t): t is Target => t !== undefined).map((t) => `${t.type}.${t.key}`));
      const out: string[] = [];
      for (const [stack, json] of Object.entries(ctx.stacks)) {
        for (const type of ['azurerm_kubernetes_cluster', 'azurerm_key_vault', 'azurerm_cosmosdb_account', 'azurerm_servicebus_namespace', 'azurerm_cdn_frontdoor_profile']) {
          for (const key of Object.keys(json.resource?.[type] ?? {})) if (!watched.has(`${type}.${key}`)) out.push(`${stack} ${type}.${key} has no metric alert`);
        }
        const activity = new Set(Object.values(ctx.stacks[`${ctx.id}-observability`].resource.azurerm_monitor_activity_log_alert ?? {}).map((a) => targetOf({ ...ctx, stack: `${ctx.id}-observability` }, a.scopes?.[0])).filter((t): t is Target => t !== undefined).map((t) => `${t.type}.${t.key}`));
        for (const key of Object.keys(json.resource?.azurerm_mssql_failover_group ?? {})) if (!activity.has(`azurerm_mssql_failover_group.${key}`)) out.push(`${stack} failover group ${key} has no activity log alert`);
        for (const [key, server] of Object.entries(json.resource?.azurerm_postgresql_flexible_server ?? {})) {
          if ((server as Resource).create_mode === 'Replica' && !watched.has(`azurerm_postgresql_flexible_server.${key}`)) out.push(`${stack} replica ${key} has no lag alert`);
        }
      }
      return out;
    },
  },
  {
    name: 'log alert (AKS restarts, readiness probe failures, HPA at maximum): the region\'s workspace, a query on its cluster, the threshold, notifying the action group',
    type: 'azurerm_monitor_scheduled_query_rules_alert_v2',
    count: perRegion(3),
    expected: (r, ctx) => {
      const { alert } = alertKey(ctx);
      return {
        severity: 2, auto_mitigation_enabled: true, window_duration: 'PT15M', evaluation_frequency: 'PT5M',
        'criteria[0].threshold': ({ aksContainerRestarts: 3, aksReadinessProbeFailures: 2, aksHpaAtMaximum: 10 } as Record<string, number>)[alert] ?? '<a known log alert>',
        'criteria[0].operator': alert === 'aksHpaAtMaximum' ? 'GreaterThanOrEqual' : 'GreaterThan',
        'action.action_groups': [observabilityRef(ctx, 'azurerm_monitor_action_group')],
        location: r.location,
      };
    },
    violations: (r, ctx) => {
      const { key } = alertKey(ctx);
      const out = watchedResourceProblems(targetOf(ctx, r.scopes?.[0]), 'azurerm_log_analytics_workspace', key, ctx);
      if (r.location !== key) out.push(`location ${r.location}`);
      const cluster = Object.keys(ctx.stacks[`${ctx.id}-${key}`]?.resource?.azurerm_kubernetes_cluster ?? {});
      const clusterRef = /'(\$\{[^}]+\})'/.exec(r.criteria?.[0]?.query ?? '')?.[1];
      const queried = targetOf(ctx, clusterRef);
      if (!queried || queried.type !== 'azurerm_kubernetes_cluster' || queried.stack !== `${ctx.id}-${key}` || !cluster.includes(queried.key)) out.push(`the query does not filter on ${key}'s cluster: ${clusterRef}`);
      return out.map((v) => `${ctx.address}: ${v}`);
    },
    covers: ['scopes', 'location'],
  },
  {
    name: 'availability test: GET each service\'s readiness path under its Front Door route, from the example\'s locations (at least 5) every 5 minutes, expecting 200 and a valid certificate, in the primary\'s Application Insights',
    type: 'azurerm_application_insights_standard_web_test',
    count: per(2, 2, 2, 2, 2),
    expected: (r, ctx) => {
      const service = /Availability-(order|tracking)-entry_/.exec(ctx.address)?.[1];
      const host = /^https:\/\/(\$\{[^}]+\})\//.exec(r.request?.url ?? '')?.[1];
      const endpoint = targetOf(ctx, host);
      const endpointOk = endpoint?.type === 'azurerm_cdn_frontdoor_endpoint' && endpoint.attribute === 'host_name' && endpoint.stack === `${ctx.id}-edge`;
      return {
        'request.url': endpointOk ? `https://${host}/${service === 'order' ? 'orders' : 'tracking'}/healthz/ready` : '<https://<the Front Door endpoint host>/<route>/healthz/ready>',
        'request.http_verb': 'GET',
        geo_locations: ctx.facts.testLocations ?? ['us-va-ash-azr', 'us-ca-sjc-azr', 'emea-nl-ams-azr', 'emea-gb-db3-azr', 'apac-sg-sin-azr'],
        frequency: 300, enabled: true, retry_enabled: true,
        validation_rules: { expected_status_code: 200, ssl_check_enabled: true, ssl_cert_remaining_lifetime: 7 },
        location: ctx.facts.regions[0],
      };
    },
    violations: (r, ctx) => {
      const insights = targetOf(ctx, r.application_insights_id);
      return insights?.type === 'azurerm_application_insights' && insights.key.startsWith(`${ctx.facts.regions[0]}_`) ? [] : [`${ctx.address}: Application Insights ${r.application_insights_id}`];
    },
    covers: ['application_insights_id'],
  },
  {
    name: 'availability alert: fires when 2 locations of its test fail, scoped to the test and its component, severity 1',
    type: 'azurerm_monitor_metric_alert',
    select: (r) => r.application_insights_web_test_location_availability_criteria !== undefined,
    count: per(2, 2, 2, 2, 2),
    expected: (r, ctx) => {
      const test = targetOf(ctx, r.application_insights_web_test_location_availability_criteria.web_test_id);
      const component = test?.resource.application_insights_id;
      return {
        'application_insights_web_test_location_availability_criteria.failed_location_count': 2,
        'application_insights_web_test_location_availability_criteria.component_id': component ?? '<the test\'s component>',
        scopes: [r.application_insights_web_test_location_availability_criteria.web_test_id, component],
        severity: 1, window_size: 'PT5M', auto_mitigate: true,
        action: [{ action_group_id: observabilityRef(ctx, 'azurerm_monitor_action_group') }],
      };
    },
    violations: (r, ctx) => {
      const test = targetOf(ctx, r.application_insights_web_test_location_availability_criteria.web_test_id);
      return test?.type === 'azurerm_application_insights_standard_web_test' && test.stack === ctx.stack ? [] : [`${ctx.address}: web test ${JSON.stringify(r.application_insights_web_test_location_availability_criteria.web_test_id)}`];
    },
    covers: ['application_insights_web_test_location_availability_criteria.web_test_id'],
  },
  {
    name: 'activity log alert: a planned and a forced failover of each SQL failover group, from the activity log, notifying the action group',
    type: 'azurerm_monitor_activity_log_alert',
    count: per(0, 2, 0, 6, 0),
    expected: (_r, ctx) => {
      const { alert } = alertKey(ctx);
      const operation = { sqlFailover: 'failover', sqlForcedFailover: 'forceFailoverAllowDataLoss' }[alert];
      return {
        location: 'global',
        criteria: { category: 'Administrative', operation_name: operation ? `Microsoft.Sql/servers/failoverGroups/${operation}/action` : '<a known SQL alert>', statuses: ['Succeeded'] },
        action: [{ action_group_id: observabilityRef(ctx, 'azurerm_monitor_action_group') }],
      };
    },
    violations: (r, ctx) => {
      const { key } = alertKey(ctx);
      // The group as the home server sees it, and as the partner does (Azure records a failover on the new primary).
      const target = targetOf(ctx, r.scopes?.[0]);
      const side = otherSide(ctx, r.scopes?.[1] ?? '');
      return target?.type === 'azurerm_mssql_failover_group' && target.attribute === 'id' && target.key.includes(`_${key}_`) && r.scopes.length === 2
        && side?.pair === `azurerm_mssql_failover_group.${target.key}` ? [] : [`${ctx.address}: scopes ${JSON.stringify(r.scopes)} ${side?.problem ?? ''}`];
    },
    covers: ['scopes'],
  },
  {
    name: 'health workbook: every chart and failover query names a resource of the example; every cluster, vault, database, Cosmos DB account, namespace, topic and entry is charted, and every replicated data service\'s failover state read',
    type: 'azurerm_application_insights_workbook',
    count: per(1, 1, 1, 1, 1),
    expected: (_r, ctx) => ({ location: ctx.facts.regions[0], display_name: `${ctx.id} platform health`, resource_group_name: observabilityRef(ctx, 'azurerm_resource_group'), category: undefined, source_id: undefined }),
    violations: (r, ctx) => {
      const json = JSON.parse(r.data_json);
      if (json.version !== 'Notebook/1.0') return [`version ${json.version}`];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- workbook JSON
      const items: any[] = json.items.flatMap((item: any) => (item.type === 12 ? item.content.items : [item]));
      const metricItems = items.filter((i) => i.type === 10);
      const { problems, charted } = chartProblems(ctx, metricItems.map((i) => ({ namespace: i.content.resourceType, reference: i.content.resourceIds?.[0], where: i.name })));
      for (const i of metricItems) {
        const m = i.content.metrics?.[0];
        if (i.content.resourceIds?.length !== 1 || m?.namespace !== i.content.resourceType || !String(m?.metric).startsWith(`${i.content.resourceType}--`)) problems.push(`${i.name}: metric ${JSON.stringify(m)}`);
      }
      for (const missing of resourcesOf(ctx, CHARTED_TYPES).filter((x) => !charted.has(x))) problems.push(`${missing} is in no chart`);
      const armItems = items.filter((i) => i.type === 3);
      const read = new Set<string>();
      const sides = new Set<string>();
      for (const i of armItems) {
        const query = JSON.parse(i.content.query);
        const side = otherSide(ctx, query.path);
        if (side) {
          if (side.problem) problems.push(`${i.name}: ${side.problem}`);
          else sides.add(side.pair!);
          continue;
        }
        const target = targetOf(ctx, query.path);
        if (i.content.queryType !== 12 || query.version !== 'ARMEndpoint/1.0' || query.method !== 'GET' || !query.urlParams?.some((p: { key: string }) => p.key === 'api-version')) problems.push(`${i.name}: not an ARM GET`);
        if (!target || !FAILOVER_TYPES.includes(target.type) || target.attribute !== 'id') problems.push(`${i.name}: ${query.path} is not a data service of the example`);
        else read.add(`${target.type}.${target.key}`);
      }
      for (const missing of resourcesOf(ctx, FAILOVER_TYPES).filter((x) => !read.has(x))) problems.push(`${missing}: failover state not read`);
      for (const missing of resourcesOf(ctx, ['azurerm_mssql_failover_group', 'azurerm_servicebus_namespace_disaster_recovery_config']).filter((x) => !sides.has(x))) problems.push(`${missing}: the partner's side not read`);
      return problems;
    },
    covers: ['data_json'],
  },
  {
    name: 'health dashboard: a title part and a row of charts per region and for the entry, every chart on a resource of the example, every resource charted',
    type: 'azurerm_portal_dashboard',
    count: per(1, 1, 1, 1, 1),
    expected: (_r, ctx) => ({ location: ctx.facts.regions[0], 'tags["hidden-title"]': `${ctx.id} platform health`, resource_group_name: observabilityRef(ctx, 'azurerm_resource_group') }),
    violations: (r, ctx) => {
      const json = JSON.parse(r.dashboard_properties);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- dashboard JSON
      const parts: any[] = Object.values(json.lenses?.['0']?.parts ?? {});
      const charts = parts.filter((p) => p.metadata.type === 'Extension/HubsExtension/PartType/MonitorChartPart');
      const labels = parts.filter((p) => p.metadata.type === 'Extension/HubsExtension/PartType/MarkdownPart').map((p) => p.metadata.settings.content.settings.title);
      const { problems, charted } = chartProblems(ctx, charts.map((p, i) => {
        const metric = p.metadata.inputs[0].value.chart.metrics[0];
        return { namespace: metric.namespace, reference: metric.resourceMetadata.id, where: `chart ${i}` };
      }));
      for (const missing of resourcesOf(ctx, CHARTED_TYPES).filter((x) => !charted.has(x))) problems.push(`${missing} is in no chart`);
      const regions = ctx.facts.regions.map((region) => labels.find((l) => l.startsWith(`${region} (`)) ?? `<a row for ${region}>`);
      if (JSON.stringify(labels.slice(2)) !== JSON.stringify(regions)) problems.push(`row labels ${JSON.stringify(labels)}`);
      if (labels[0] !== `${ctx.id} platform health` || labels[1] !== 'Global entry') problems.push(`title and entry labels ${JSON.stringify(labels.slice(0, 2))}`);
      // No two parts overlap on the grid.
      const cells = new Set<string>();
      for (const p of parts) {
        for (let x = p.position.x; x < p.position.x + p.position.colSpan; x++) {
          for (let y = p.position.y; y < p.position.y + p.position.rowSpan; y++) {
            if (cells.has(`${x},${y}`)) problems.push(`parts overlap at ${x},${y}`);
            cells.add(`${x},${y}`);
          }
        }
      }
      return problems;
    },
    covers: ['dashboard_properties'],
  },
  // --- Tags (lib/core/tags.ts) ---------------------------------------------------------------------------------------
  ...Object.entries(TAGGED).map(([type, [zr, ps, ap, aa, rp]]): Invariant => ({
    name: `${type}: the platform's tags (managed-by, platform, pattern) over the example's own`,
    type,
    select: (r) => r.tags?.component !== 'workload-identity',
    count: per(zr, ps, ap, aa, rp),
    violations: (r, ctx) => {
      const want = LIBRARY_TAGS(ctx);
      const wrong = Object.entries(want).filter(([k, v]) => r.tags?.[k] !== v).map(([k, v]) => `tags.${k} = ${JSON.stringify(r.tags?.[k])}, expected ${JSON.stringify(v)}`);
      return wrong.map((w) => `${r.name ?? ctx.address}: ${w}`);
    },
    covers: (_r, ctx) => Object.keys(LIBRARY_TAGS(ctx)).map((k) => `tags.${k}`),
  })),
  {
    name: 'workload identities: tagged with component, service and region only (a known gap: not the platform\'s tags, lib/workloads/workload-identities.ts)',
    type: 'azurerm_user_assigned_identity',
    select: (r) => r.tags?.component === 'workload-identity',
    // Two services per region, and the KEDA operator's identity where the demand model scales on the backlog.
    count: per(2, 5, 4, 9, 4),
    expected: (r, ctx) => ({ tags: { component: 'workload-identity', service: r.tags?.service, region: regionOf(ctx) } }),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Running them.

/** Every resource an invariant selects in an example, over all its stacks. */
export function selected(invariant: Invariant, id: string, stacks: Record<string, StackJson>): { r: Resource; ctx: Ctx }[] {
  const out: { r: Resource; ctx: Ctx }[] = [];
  for (const [stack, json] of Object.entries(stacks)) {
    for (const [logicalId, r] of Object.entries(json.resource?.[invariant.type] ?? {})) {
      const ctx: Ctx = { id, facts: EXAMPLE_FACTS[id], stack, stacks, address: `${invariant.type}.${logicalId}` };
      if (!invariant.select || invariant.select(r, ctx)) out.push({ r, ctx });
    }
  }
  return out;
}

function coveredPaths(invariant: Invariant, r: Resource, ctx: Ctx): string[] {
  const covers = typeof invariant.covers === 'function' ? invariant.covers(r, ctx) : invariant.covers ?? [];
  return [...Object.keys(invariant.expected?.(r, ctx) ?? {}), ...covers];
}

/**
 * A deep copy of an example's stacks without what the invariants pin (each invariant's expected paths and covers,
 * on the resources it selects): the rest is what a snapshot still has to record.
 */
export function stripCovered(id: string, stacks: Record<string, StackJson>): Record<string, StackJson> {
  const copy = JSON.parse(JSON.stringify(stacks)) as Record<string, StackJson>;
  for (const invariant of INVARIANTS) {
    // Paths come from the unmodified resources; removal happens on the copy.
    for (const { r, ctx } of selected(invariant, id, stacks)) {
      const target = copy[ctx.stack].resource[invariant.type][ctx.address.slice(invariant.type.length + 1)];
      for (const path of coveredPaths(invariant, r, ctx)) remove(target, segments(path));
    }
  }
  for (const invariant of STACK_INVARIANTS) {
    for (const [stack, json] of selectedStacks(invariant, id, stacks)) for (const path of Object.keys(invariant.expected(json))) remove(copy[stack], segments(path));
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// Stack-level invariants (provider configuration), paths relative to the stack's JSON.

export interface StackInvariant {
  readonly name: string;
  readonly select: (stack: string, ctx: { id: string }) => boolean;
  /** How many stacks of each example it is about. */
  readonly count: Readonly<Record<string, number>>;
  readonly expected: (json: StackJson) => Record<string, unknown>;
}

/** Stacks per example: data, edge, observability, and a stamp and an apps stack per region. */
// data, edge and observability, a stamp and an apps stack per region, and the drills stack of the multi-region examples.
const allStacks = (): Record<string, number> => Object.fromEntries(Object.keys(EXAMPLE_FACTS).map((id) => [id, 3 + 2 * EXAMPLE_FACTS[id].regions.length + (EXAMPLE_FACTS[id].regions.length > 1 ? 1 : 0)]));

export const STACK_INVARIANTS: readonly StackInvariant[] = [
  {
    // lib/platform/platform-stack.ts
    name: 'every stack: azurerm 4.55.0, soft-deleted Key Vaults kept and recovered (never purged on destroy), non-empty resource groups never deleted, Entra ID for storage',
    select: () => true,
    count: allStacks(),
    expected: () => ({
      'terraform.required_providers.azurerm': { source: 'azurerm', version: '4.55.0' },
      'provider.azurerm[0].features': [{
        key_vault: [{ purge_soft_delete_on_destroy: false, recover_soft_deleted_key_vaults: true }],
        resource_group: [{ prevent_deletion_if_contains_resources: true }],
        storage: [{ data_plane_available: false }],
      }],
      'provider.azurerm[0].storage_use_azuread': true,
    }),
  },
  {
    // lib/stamp/kubelogin.ts: the cluster has no local accounts, so the provider gets an Entra ID token from kubelogin.
    name: 'every -apps stack: the kubernetes provider signs in with Entra ID through kubelogin (no client certificate, key or static token)',
    select: (stack) => stack.endsWith('-apps'),
    count: perRegion(),
    expected: () => ({
      'provider.kubernetes[0].exec[0].command': 'kubelogin',
      'provider.kubernetes[0].exec[0].api_version': 'client.authentication.k8s.io/v1beta1',
      // Azure CLI login (the examples' deployer); the server ID is the AKS Entra ID server application, the same in every tenant.
      'provider.kubernetes[0].exec[0].args': ['get-token', '--login', 'azurecli', '--server-id', '6dae42f8-4368-4678-94ff-3960e28e3630'],
      'provider.kubernetes[0].client_certificate': undefined,
      'provider.kubernetes[0].client_key': undefined,
      'provider.kubernetes[0].token': undefined,
    }),
  },
];

/** The stacks of an example a stack invariant is about. */
export function selectedStacks(invariant: StackInvariant, id: string, stacks: Record<string, StackJson>): [string, StackJson][] {
  return Object.entries(stacks).filter(([stack]) => invariant.select(stack, { id }));
}
