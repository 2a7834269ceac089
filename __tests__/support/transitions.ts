import { readFileSync } from 'fs';
import { join } from 'path';
import { StackJson } from './synth';

/**
 * Plans a change between two synths the way Terraform would, from the synthesized JSON alone: which resources are
 * created, destroyed, updated in place or replaced. Replacement comes from the provider sources
 * (`replace-forcing.json`, extracted by scripts/extract-replace-forcing.ts): a change of a ForceNew attribute replaces the
 * resource, and so (conservatively) does any change of an attribute whose CustomizeDiff may force a new resource.
 * `lifecycle.ignore_changes` of the new configuration is honoured, as Terraform does.
 */

interface ReplaceForcing {
  readonly resources: { readonly [type: string]: { readonly forceNew: readonly string[]; readonly forceNewIf: readonly { readonly attribute: string }[] } };
}

const DATA: ReplaceForcing = JSON.parse(readFileSync(join(__dirname, 'replace-forcing.json'), 'utf8'));

/** What happens to one resource. */
export interface Change {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly action: 'create' | 'destroy' | 'update' | 'replace';
  /** Attributes that force the replacement. */
  readonly forcedBy?: readonly string[];
}

/** Types whose loss loses data or a name others depend on: never destroyed or replaced by a documented operation. */
export const STATEFUL_TYPES: readonly string[] = [
  'azurerm_mssql_server', 'azurerm_mssql_database', 'azurerm_mssql_failover_group',
  'azurerm_postgresql_flexible_server', 'azurerm_postgresql_flexible_server_database', 'azurerm_postgresql_flexible_server_virtual_endpoint',
  'azurerm_cosmosdb_account', 'azurerm_cosmosdb_sql_database', 'azurerm_cosmosdb_sql_container',
  'azurerm_servicebus_namespace', 'azurerm_servicebus_topic', 'azurerm_servicebus_subscription', 'azurerm_servicebus_namespace_disaster_recovery_config',
  'azurerm_eventgrid_topic', 'azurerm_storage_account', 'azurerm_key_vault', 'azurerm_log_analytics_workspace', 'azurerm_application_insights',
];

/** Types that carry requests: replacing one interrupts service. */
export const SERVING_TYPES: readonly string[] = [
  'azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool', 'kubernetes_deployment_v1', 'kubernetes_service_v1',
  'azurerm_cdn_frontdoor_profile', 'azurerm_cdn_frontdoor_endpoint', 'azurerm_cdn_frontdoor_origin_group', 'azurerm_cdn_frontdoor_origin',
  'azurerm_cdn_frontdoor_route', 'azurerm_traffic_manager_profile', 'azurerm_api_management',
];

type Json = unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized resource JSON
type Resource = Record<string, any>;

/**
 * CustomizeDiff conditions evaluated exactly, for the attributes the library's operations can change (the provider
 * source line is in replace-forcing.json); any other conditional attribute that changes counts as a replacement.
 */
const CONDITIONS: { readonly [typeAttribute: string]: (before: Resource, after: Resource) => boolean } = {
  // Only an immutable ConfigMap is replaced when its data changes.
  'kubernetes_config_map_v1 data': (_b, a) => a.immutable === true,
  'kubernetes_config_map_v1 binary_data': (_b, a) => a.immutable === true,
  'kubernetes_config_map_v1 immutable': (_b, a) => a.immutable === true,
  // Storage and major version only grow in place.
  'azurerm_postgresql_flexible_server storage_mb': (b, a) => Number(a.storage_mb) < Number(b.storage_mb),
  'azurerm_postgresql_flexible_server version': (b, a) => Number(a.version) < Number(b.version),
  'azurerm_cosmosdb_account backup.type': (b, a) => b.backup?.type === 'Continuous' && a.backup?.type === 'Periodic',
  'azurerm_mssql_database sku_name': (b, a) => String(b.sku_name).startsWith('HS') && !String(a.sku_name).startsWith('HS'),
};

/** Values at a dotted attribute path; lists (blocks written as arrays) are walked element by element. */
function valuesAt(resource: Json, path: readonly string[]): Json {
  if (path.length === 0) return resource;
  if (Array.isArray(resource)) return resource.map((item) => valuesAt(item, path));
  if (resource === null || typeof resource !== 'object') return undefined;
  return valuesAt((resource as Record<string, Json>)[path[0]], path.slice(1));
}

/** `spec[0].replicas` -> `spec.replicas`. */
function normalise(attr: string): string {
  return attr.replace(/\[\d+\]/g, '');
}

function ignored(resource: Record<string, Json>, attr: string): boolean {
  const lifecycle = resource.lifecycle as { ignore_changes?: string[] | 'all' } | undefined;
  const ignore = lifecycle?.ignore_changes;
  if (ignore === 'all' || (Array.isArray(ignore) && ignore.includes('all'))) return true;
  return Array.isArray(ignore) && ignore.some((i) => attr === normalise(i) || attr.startsWith(`${normalise(i)}.`));
}

/** Every resource change between two synths of the same app. */
export function plan(before: Record<string, StackJson>, after: Record<string, StackJson>): Change[] {
  const changes: Change[] = [];
  for (const stack of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[stack]?.resource ?? {};
    const a = after[stack]?.resource ?? {};
    for (const type of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const bt = b[type] ?? {};
      const at = a[type] ?? {};
      for (const id of new Set([...Object.keys(bt), ...Object.keys(at)])) {
        const address = `${type}.${id}`;
        if (!bt[id]) { changes.push({ stack, address, type, action: 'create' }); continue; }
        if (!at[id]) { changes.push({ stack, address, type, action: 'destroy' }); continue; }
        const strip = (r: Record<string, Json>) => JSON.stringify({ ...r, '//': undefined });
        if (strip(bt[id]) === strip(at[id])) continue;
        const facts = DATA.resources[type];
        if (!facts) throw new Error(`no replacement facts for ${type}: regenerate __tests__/support/replace-forcing.json`);
        const changed = (attr: string) => !ignored(at[id], attr) && JSON.stringify(valuesAt(bt[id], attr.split('.'))) !== JSON.stringify(valuesAt(at[id], attr.split('.')));
        const conditional = facts.forceNewIf.map((f) => f.attribute).filter((attr) => changed(attr) && (CONDITIONS[`${type} ${attr}`]?.(bt[id], at[id]) ?? true));
        const forcedBy = [...new Set([...facts.forceNew.filter(changed), ...conditional])];
        changes.push({ stack, address, type, action: forcedBy.length ? 'replace' : 'update', ...(forcedBy.length ? { forcedBy } : {}) });
      }
    }
  }
  return changes;
}

/** Changes that destroy or replace a stateful or serving resource (what a documented operation must never do). */
export function harmful(changes: readonly Change[]): Change[] {
  return changes.filter((c) => (c.action === 'destroy' || c.action === 'replace') && (STATEFUL_TYPES.includes(c.type) || (SERVING_TYPES.includes(c.type) && c.action === 'replace')));
}

/** One Deployment of a service as the capacity model sees it. */
interface DeploymentState {
  readonly address: string;
  readonly name: string;
  readonly labels: { readonly [key: string]: string };
  readonly replicas: number;
  /** HPA range when an HPA owns the count (the config's replicas then only matter at creation). */
  readonly hpa?: { readonly min: number; readonly max: number };
  readonly dependsOn: readonly string[];
}

interface ServiceState {
  readonly address: string;
  readonly selector: { readonly [key: string]: string };
  readonly dependsOn: readonly string[];
}

function deploymentsOf(json: StackJson | undefined, service: string): DeploymentState[] {
  const resources = json?.resource ?? {};
  const hpas = Object.values(resources.kubernetes_horizontal_pod_autoscaler_v2 ?? {});
  return Object.entries(resources.kubernetes_deployment_v1 ?? {})
    .filter(([, d]) => d.spec.template.metadata.labels.app === service)
    .map(([id, d]) => {
      const hpa = hpas.find((h) => h.metadata.name === d.metadata.name);
      const ownsCount = hpa && JSON.stringify(d.lifecycle?.ignore_changes ?? []).includes('spec[0].replicas');
      return {
        address: `kubernetes_deployment_v1.${id}`, name: d.metadata.name, labels: d.spec.template.metadata.labels, replicas: Number(d.spec.replicas),
        ...(ownsCount ? { hpa: { min: hpa.spec.min_replicas as number, max: hpa.spec.max_replicas as number } } : {}), dependsOn: d.depends_on ?? [],
      };
    });
}

function mainServiceOf(json: StackJson | undefined, service: string): ServiceState | undefined {
  const entry = Object.entries(json?.resource?.kubernetes_service_v1 ?? {}).find(([, s]) => s.metadata.name === service);
  return entry ? { address: `kubernetes_service_v1.${entry[0]}`, selector: entry[1].spec.selector, dependsOn: entry[1].depends_on ?? [] } : undefined;
}

const selects = (service: ServiceState | undefined, d: DeploymentState) => !!service && Object.entries(service.selector).every(([k, v]) => d.labels[k] === v);

/** What one service can serve across one apply, in ready pods behind its Service. */
export interface CapacityReport {
  /** Guaranteed ready pods before (an HPA-owned count is at least its minimum). */
  readonly before: number;
  /** Guaranteed ready pods right after the apply. */
  readonly after: number;
  /** The fewest ready pods at any moment of the apply. */
  readonly during: number;
  /** What the Deployments the Service stops sending to may have carried (an HPA's maximum). */
  readonly handedOver: number;
  /** Ready pods selected when the Service switches. */
  readonly atSwitch: number;
  /** Deployments an HPA would own at zero pods (an HPA never scales from zero). */
  readonly stuckAtZero: readonly string[];
}

/**
 * The serving capacity of one service in one `-apps` stack across an apply, from the two synths: Terraform applies a
 * Deployment before the Service that depends on it (and waits for its rollout), and a Deployment that depends on the
 * Service after it; a Deployment whose count falls drops at once, one whose count rises counts only once its update
 * is done; an HPA never lowers a count because its minimum fell (only load does, after its stabilisation window), and a
 * count Terraform ignores stays what it was.
 */
export function capacity(before: StackJson | undefined, after: StackJson | undefined, service: string): CapacityReport {
  const db = deploymentsOf(before, service);
  const da = deploymentsOf(after, service);
  const sb = mainServiceOf(before, service);
  const sa = mainServiceOf(after, service);
  const prior = new Map(db.map((d) => [d.address, d]));
  const floorBefore = (d: DeploymentState) => (d.hpa ? Math.max(d.replicas, d.hpa.min) : d.replicas);
  const stuckAtZero: string[] = [];
  const countAfter = (d: DeploymentState): number => {
    const old = prior.get(d.address);
    if (!d.hpa) return d.replicas;
    if (!old) return Math.max(d.replicas, 0);
    const held = floorBefore(old);
    if (held === 0) stuckAtZero.push(d.name);
    return held === 0 ? 0 : Math.max(held, d.hpa.min);
  };
  const afterCounts = new Map(da.map((d) => [d.address, countAfter(d)]));
  const beforeCounts = new Map(db.map((d) => [d.address, floorBefore(d)]));
  const serviceAddress = sa?.address ?? sb?.address ?? '';
  const firstSet = new Set(sa?.dependsOn ?? []);
  // Ordered after the switch: Deployments that depend on the Service (new config), and those destroyed whose old
  // config the Service depended on (Terraform destroys a dependency after updating its dependents).
  const lateSet = new Set([...da.filter((d) => d.dependsOn.includes(serviceAddress)).map((d) => d.address), ...db.filter((d) => !afterCounts.has(d.address) && (sb?.dependsOn ?? []).includes(d.address)).map((d) => d.address)]);
  const all = [...new Set([...db.map((d) => d.address), ...da.map((d) => d.address)])];
  const stateOf = (address: string) => da.find((d) => d.address === address) ?? db.find((d) => d.address === address)!;
  const b = (address: string) => beforeCounts.get(address) ?? 0;
  const a = (address: string) => afterCounts.get(address) ?? 0;
  // Ready pods of a Deployment in each phase: before the switch, at the switch, and after.
  const phaseA = (address: string) => (lateSet.has(address) ? b(address) : Math.min(b(address), a(address)));
  const phaseB = (address: string) => (lateSet.has(address) ? b(address) : firstSet.has(address) ? a(address) : Math.min(b(address), a(address)));
  const sum = (service: ServiceState | undefined, count: (address: string) => number) => all.filter((x) => selects(service, stateOf(x))).reduce((acc, x) => acc + count(x), 0);
  const beforeTotal = db.filter((d) => selects(sb, d)).reduce((acc, d) => acc + floorBefore(d), 0);
  const afterTotal = da.filter((d) => selects(sa, d)).reduce((acc, d) => acc + a(d.address), 0);
  const atSwitch = sum(sa, phaseB);
  const during = Math.min(sum(sb, phaseA), atSwitch, afterTotal);
  const deselected = db.filter((d) => selects(sb, d) && (!afterCounts.has(d.address) || !selects(sa, stateOf(d.address))));
  const handedOver = deselected.reduce((acc, d) => acc + (d.hpa ? d.hpa.max : d.replicas), 0);
  return { before: beforeTotal, after: afterTotal, during, handedOver, atSwitch, stuckAtZero };
}

/** The attributes of a type whose change replaces the resource (ForceNew, or possibly through CustomizeDiff), sorted. */
export function replaceForcingAttributes(type: string): string[] {
  const facts = DATA.resources[type];
  return [...new Set([...facts.forceNew, ...facts.forceNewIf.map((f) => f.attribute)])].sort();
}

/**
 * The names and replacement contract: for every stateful resource, one line with its address, its name and the value
 * of every attribute that would replace it if changed. A rename is then as loud as an address move.
 */
export function replacementContract(stacks: Record<string, StackJson>): string[] {
  const lines: string[] = [];
  for (const [stack, json] of Object.entries(stacks)) {
    for (const type of STATEFUL_TYPES) {
      for (const [id, resource] of Object.entries(json.resource?.[type] ?? {})) {
        const attrs = replaceForcingAttributes(type);
        const values = attrs.map((attr) => [attr, valuesAt(resource, attr.split('.'))] as const).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.every((x) => x === undefined)));
        lines.push(`${stack} ${type}.${id} ${values.map(([attr, v]) => `${attr}=${JSON.stringify(v)}`).join(' ')}`);
      }
    }
  }
  return lines.sort();
}
