/**
 * Plans a change between two synths the way Terraform would, from the synthesized JSON alone, without a provider or
 * an Azure login: which resources are created, destroyed, updated in place or replaced, and what each serving
 * service's capacity does across the apply. Replacement comes from the provider sources (`replace-forcing.json`,
 * extracted by scripts/extract-replace-forcing.ts from azurerm v4.55.0 and kubernetes v2.38.0): a change of a ForceNew
 * attribute replaces the resource, and so (conservatively) does any change of an attribute whose CustomizeDiff may
 * force a new resource. `lifecycle.ignore_changes` of the new configuration is honoured, as Terraform does.
 */
import * as DATA from './replace-forcing.json';
import { STATEFUL_TYPES } from '../core/stateful';
import { isObject, JsonObject, JsonValue, valueAt } from '../rules/synthesized';

export { STATEFUL_TYPES };

/** The synthesized stacks of one synth, by stack name. */
export type StacksJson = { readonly [stack: string]: JsonObject };

/** What happens to one resource. */
export interface Change {
  /** The stack that holds it. */
  readonly stack: string;
  /** Its Terraform address (`type.name`). */
  readonly address: string;
  /** Its Terraform type. */
  readonly type: string;
  /** What Terraform would do. */
  readonly action: 'create' | 'destroy' | 'update' | 'replace';
  /** Attributes that force the replacement. */
  readonly forcedBy?: readonly string[];
}


/** Types that carry requests: replacing one interrupts service. */
export const SERVING_TYPES: readonly string[] = [
  'azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool', 'kubernetes_deployment_v1', 'kubernetes_service_v1',
  'azurerm_cdn_frontdoor_profile', 'azurerm_cdn_frontdoor_endpoint', 'azurerm_cdn_frontdoor_origin_group', 'azurerm_cdn_frontdoor_origin',
  'azurerm_cdn_frontdoor_route', 'azurerm_traffic_manager_profile', 'azurerm_api_management',
];

interface ReplaceForcing {
  readonly resources: { readonly [type: string]: { readonly forceNew: readonly string[]; readonly forceNewIf: readonly { readonly attribute: string }[] } };
}
const FACTS: ReplaceForcing = DATA;

/** The provider versions the replacement facts come from. */
export const REPLACE_FORCING_PROVIDERS: { readonly [provider: string]: string } = DATA.providers;

/**
 * CustomizeDiff conditions evaluated exactly, for the attributes the library's operations can change (the provider
 * source line is in replace-forcing.json); any other conditional attribute that changes counts as a replacement.
 */
const CONDITIONS: { readonly [typeAttribute: string]: (before: JsonObject, after: JsonObject) => boolean } = {
  // Only an immutable ConfigMap is replaced when its data changes.
  'kubernetes_config_map_v1 data': (_b, a) => a.immutable === true,
  'kubernetes_config_map_v1 binary_data': (_b, a) => a.immutable === true,
  'kubernetes_config_map_v1 immutable': (_b, a) => a.immutable === true,
  // Storage and major version only grow in place.
  'azurerm_postgresql_flexible_server storage_mb': (b, a) => Number(a.storage_mb) < Number(b.storage_mb),
  'azurerm_postgresql_flexible_server version': (b, a) => Number(a.version) < Number(b.version),
  'azurerm_cosmosdb_account backup.type': (b, a) => valueAt(b, 'backup.type') === 'Continuous' && valueAt(a, 'backup.type') === 'Periodic',
  'azurerm_mssql_database sku_name': (b, a) => String(b.sku_name).startsWith('HS') && !String(a.sku_name).startsWith('HS'),
};

/** Values at a dotted attribute path; lists (blocks written as arrays) are walked element by element. */
export function valuesAt(resource: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  if (path.length === 0) return resource;
  if (Array.isArray(resource)) return (resource as readonly JsonValue[]).map((item) => valuesAt(item, path) ?? null);
  if (!isObject(resource)) return undefined;
  return valuesAt(resource[path[0]], path.slice(1));
}

/** `spec[0].replicas` -> `spec.replicas`. */
function normalise(attr: string): string {
  return attr.replace(/\[\d+\]/g, '');
}

/** Whether the new configuration's `lifecycle.ignore_changes` covers an attribute. */
function ignored(resource: JsonObject, attr: string): boolean {
  const ignore = valueAt(resource, 'lifecycle.ignore_changes');
  if (ignore === 'all' || (Array.isArray(ignore) && ignore.includes('all'))) return true;
  return Array.isArray(ignore) && ignore.some((i) => attr === normalise(String(i)) || attr.startsWith(`${normalise(String(i))}.`));
}

/** The resources of a stack, by type and name. */
function resourcesOf(json: JsonObject | undefined): { readonly [type: string]: { readonly [name: string]: JsonObject } } {
  const resource = json?.resource;
  return isObject(resource) ? (resource as { readonly [type: string]: { readonly [name: string]: JsonObject } }) : {};
}

/** Options of {@link plan}. */
export interface PlanOptions {
  /**
   * A changed resource of a type the replacement facts do not know: `error` throws; `replace` assumes the worst (the
   * change replaces it, `forcedBy` says why).
   * @default 'error'
   */
  readonly unknownTypes?: 'error' | 'replace';
}

/** Every resource change between two synths of the same app. */
export function plan(before: StacksJson, after: StacksJson, options: PlanOptions = {}): Change[] {
  const changes: Change[] = [];
  for (const stack of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = resourcesOf(before[stack]);
    const a = resourcesOf(after[stack]);
    for (const type of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const bt = b[type] ?? {};
      const at = a[type] ?? {};
      for (const id of new Set([...Object.keys(bt), ...Object.keys(at)])) {
        const address = `${type}.${id}`;
        if (!bt[id]) { changes.push({ stack, address, type, action: 'create' }); continue; }
        if (!at[id]) { changes.push({ stack, address, type, action: 'destroy' }); continue; }
        // Comments and the meta-arguments `lifecycle` and `depends_on` are no attributes: Terraform plans nothing when
        // only they change.
        const strip = (r: JsonObject) => JSON.stringify({ ...r, '//': undefined, lifecycle: undefined, depends_on: undefined });
        if (strip(bt[id]) === strip(at[id])) continue;
        const facts = FACTS.resources[type];
        if (!facts && options.unknownTypes === 'replace') { changes.push({ stack, address, type, action: 'replace', forcedBy: ['(a type without replacement facts: assumed replaced)'] }); continue; }
        if (!facts) throw new Error(`no replacement facts for ${type}: regenerate lib/insight/replace-forcing.json (npm run replace-forcing)`);
        const changed = (attr: string) => !ignored(at[id], attr) && JSON.stringify(valuesAt(bt[id], attr.split('.'))) !== JSON.stringify(valuesAt(at[id], attr.split('.')));
        const conditional = facts.forceNewIf.map((f) => f.attribute).filter((attr) => changed(attr) && (CONDITIONS[`${type} ${attr}`]?.(bt[id], at[id]) ?? true));
        const forcedBy = [...new Set([...facts.forceNew.filter(changed), ...conditional])];
        changes.push({ stack, address, type, action: forcedBy.length ? 'replace' : 'update', ...(forcedBy.length ? { forcedBy } : {}) });
      }
    }
  }
  return withUnknownAfterApply(changes, before, after);
}

/**
 * Attributes a provider marks unknown when others change (CustomizeDiff's SetNewComputed), by type: the new value is
 * known only after apply. terraform-provider-azurerm v4.55.0,
 * internal/services/resource/resource_group_template_deployment_resource.go: a change of `template_content` or
 * `parameters_content` makes `output_content` unknown.
 */
const UNKNOWN_AFTER_UPDATE: { readonly [type: string]: { readonly when: readonly string[]; readonly attribute: string } } = {
  azurerm_resource_group_template_deployment: { when: ['template_content', 'parameters_content'], attribute: 'output_content' },
};

/**
 * Resources of the same stack that read such an unknown value in a replace-forcing attribute are replaced too (a
 * ForceNew attribute whose new value is unknown plans a replacement); one that is created anyway stays a create.
 */
function withUnknownAfterApply(changes: Change[], before: StacksJson, after: StacksJson): Change[] {
  const out = [...changes];
  const unknown = changes.filter((c) => c.action === 'update' && UNKNOWN_AFTER_UPDATE[c.type]?.when.some((attr) => {
    const [type, name] = [c.type, c.address.slice(c.type.length + 1)];
    return JSON.stringify(resourcesOf(before[c.stack])[type]?.[name]?.[attr]) !== JSON.stringify(resourcesOf(after[c.stack])[type]?.[name]?.[attr]);
  }));
  for (const source of unknown) {
    const reference = `${source.address}.${UNKNOWN_AFTER_UPDATE[source.type].attribute}`;
    for (const [type, byName] of Object.entries(resourcesOf(after[source.stack]))) {
      for (const [name, body] of Object.entries(byName)) {
        const forcedBy = replaceForcingAttributes(type).filter((attr) => JSON.stringify(valuesAt(body, attr.split('.')) ?? null).includes(reference) && !ignored(body, attr));
        if (forcedBy.length === 0) continue;
        const address = `${type}.${name}`;
        const at = out.findIndex((c) => c.stack === source.stack && c.address === address);
        const change: Change = { stack: source.stack, address, type, action: 'replace', forcedBy: forcedBy.map((attr) => `${attr} (known after apply: ${reference})`) };
        if (at < 0) out.push(change);
        else if (out[at].action !== 'create') out[at] = change;
      }
    }
  }
  return out;
}

/** Changes that destroy or replace a stateful resource, or replace a serving one (what an operation must never do). */
export function harmful(changes: readonly Change[]): Change[] {
  return changes.filter((c) => (c.action === 'destroy' || c.action === 'replace') && (STATEFUL_TYPES.includes(c.type) || (SERVING_TYPES.includes(c.type) && c.action === 'replace')));
}

/** The attributes of a type whose change replaces the resource (ForceNew, or possibly through CustomizeDiff), sorted. */
export function replaceForcingAttributes(type: string): string[] {
  const facts = FACTS.resources[type];
  return facts ? [...new Set([...facts.forceNew, ...facts.forceNewIf.map((f) => f.attribute)])].sort() : [];
}

/** Whether the replacement facts know a type. */
export function hasReplaceForcingFacts(type: string): boolean {
  return FACTS.resources[type] !== undefined;
}
