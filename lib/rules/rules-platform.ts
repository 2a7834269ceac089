import type { EnvironmentKey } from '../common/environment-contract';
import { AKS_POOL_MODE_LABEL, NodePoolModel } from '../common/node-pool-model';
import { PROTECTED_TYPES } from '../core/stateful';
import { quantity } from '../common/quantity';
import { DIAGNOSTIC_SUPPORT } from '../monitoring/diagnostics';
import { checkSchedulability, PodGroupModel } from '../workloads/schedulability';
import { preventsDestroy, resourceRule, Rule, RuleViolation, show } from './rule';
import { blocks, isExpression, isObject, JsonObject, JsonValue, SynthesizedApp, SynthesizedResource, valueAt } from './synthesized';

const DEPLOYMENT = 'kubernetes_deployment_v1';
const CLUSTER = 'azurerm_kubernetes_cluster';


/** The data services the stamps reach through private endpoints (their public access is off). */
const PRIVATE_SERVICES = ['azurerm_mssql_server', 'azurerm_postgresql_flexible_server', 'azurerm_cosmosdb_account', 'azurerm_servicebus_namespace', 'azurerm_eventhub_namespace', 'azurerm_eventgrid_topic', 'azurerm_managed_redis'];

/** Per-region services that only their own region's stamp uses (the order cache), under every pattern. */
const REGION_LOCAL_SERVICES = ['azurerm_managed_redis'];

/** The stamps of the platform a data service belongs to: clusters tagged with its platform (regionPinned, and a region-local service: its own region's). */
function stampsUsing(app: SynthesizedApp, service: SynthesizedResource): readonly SynthesizedResource[] {
  const platform = valueAt(service.body, 'tags.platform');
  if (typeof platform !== 'string') return [];
  const pinned = valueAt(service.body, 'tags.pattern') === 'regionPinned' || REGION_LOCAL_SERVICES.includes(service.type) || inRegionReplica(app, service);
  const cell = valueAt(service.body, 'tags.cell') ?? valueAt(service.body, 'tags.region');
  return app.ofType(CLUSTER).filter((c) => valueAt(c.body, 'tags.platform') === platform && (!pinned || c.body.location === cell));
}

/** A PostgreSQL read replica in its source server's region (a cell's read pool): only its own region's stamp reads it. */
function inRegionReplica(app: SynthesizedApp, service: SynthesizedResource): boolean {
  if (service.type !== 'azurerm_postgresql_flexible_server' || service.body.create_mode !== 'Replica') return false;
  const source = app.referencedBy(service.stack, service.body.source_server_id)[0];
  return source !== undefined && source.body.location === service.body.location;
}

/** The deployments an HPA, PDB or Service of the same stack selects or targets. */
function deploymentsOf(app: SynthesizedApp, r: SynthesizedResource, labels: JsonValue | undefined): readonly SynthesizedResource[] {
  if (!isObject(labels)) return [];
  return app.ofType(DEPLOYMENT).filter((d) => d.stack === r.stack
    && Object.entries(labels).every(([k, v]) => valueAt(d.body, `spec.template.metadata.labels`) !== undefined && (valueAt(d.body, 'spec.template.metadata.labels') as JsonObject)[k] === v));
}

/** A host name's first label, when the value is a literal host (not an expression). */
function hostLabel(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && !isExpression(value) ? value.split('.')[0] : undefined;
}

/** The keys of the services' environment (the environment contract) that name where writes and events go. */
const WRITE_TARGET_KEYS: readonly EnvironmentKey[] = ['ORDER_DB_WRITE_HOST', 'EVENTS_HOST'];
/** activeActive's list of every cell, each with its `writeHost`. */
const CELLS_KEY: EnvironmentKey = 'ORDER_DB_CELLS';

/** The environment values of a config map that name where writes and events go. */
function writeTargets(body: JsonObject): readonly { key: string; value: JsonValue }[] {
  const data = isObject(body.data) ? body.data : {};
  const found: { key: string; value: JsonValue }[] = [];
  for (const key of WRITE_TARGET_KEYS) if (data[key] !== undefined) found.push({ key, value: data[key] });
  const cellsValue = data[CELLS_KEY];
  if (typeof cellsValue === 'string') {
    try {
      const cells: unknown = JSON.parse(cellsValue);
      if (Array.isArray(cells)) cells.forEach((c, i) => isObject(c) && c.writeHost !== undefined && found.push({ key: `${CELLS_KEY}[${i}].writeHost`, value: c.writeHost }));
    } catch {
      // Not JSON: nothing to read (a token the JSON cannot judge).
    }
  }
  return found;
}

/** The servers and namespaces that have a failover name (a failover group, a virtual endpoint, a geo-DR alias). */
function failoverMembers(app: SynthesizedApp): Map<SynthesizedResource, string> {
  const members = new Map<SynthesizedResource, string>();
  // [type, the primary's attribute, the partner's attribute] of each failover name.
  const kinds = [
    ['azurerm_mssql_failover_group', 'server_id', 'partner_server.id'],
    ['azurerm_postgresql_flexible_server_virtual_endpoint', 'source_server_id', 'replica_server_id'],
    ['azurerm_servicebus_namespace_disaster_recovery_config', 'primary_namespace_id', 'partner_namespace_id'],
    // Event Hubs names its primary by name (internal/services/eventhub/eventhub_namespace_disaster_recovery_config_resource.go).
    ['azurerm_eventhub_namespace_disaster_recovery_config', 'namespace_name', 'partner_namespace_id'],
  ] as const;
  // A server can be a primary under its own name and the partner under another's (activeActive's ring): its own wins.
  for (const role of [1, 2] as const) {
    for (const kind of kinds) {
      for (const r of app.ofType(kind[0])) {
        for (const t of app.referencedBy(r.stack, valueAt(r.body, kind[role]))) if (role === 1 || !members.has(t)) members.set(t, String(r.body.name));
      }
    }
  }
  return members;
}

/** The node pools of a cluster, as the scheduling model takes them. */
export function poolModels(app: SynthesizedApp, cluster: SynthesizedResource): NodePoolModel[] {
  const pool = (p: JsonObject, mode: 'system' | 'user'): NodePoolModel => ({
    name: String(p.name),
    zones: Array.isArray(p.zones) ? p.zones.map(String) : [],
    minCount: Number(p.min_count ?? p.node_count ?? 1),
    maxCount: Number(p.max_count ?? p.node_count ?? 1),
    vmSize: String(p.vm_size),
    labels: { ...(isObject(p.node_labels) ? Object.fromEntries(Object.entries(p.node_labels).map(([k, v]) => [k, String(v)])) : {}), [AKS_POOL_MODE_LABEL]: mode },
    taints: [...(Array.isArray(p.node_taints) ? p.node_taints.map(String) : []), ...(p.only_critical_addons_enabled === true ? ['CriticalAddonsOnly=true:NoSchedule'] : [])],
  });
  const system = blocks(cluster.body.default_node_pool)[0];
  const user = app.ofType('azurerm_kubernetes_cluster_node_pool').filter((p) => app.referencedBy(p.stack, p.body.kubernetes_cluster_id).includes(cluster));
  return [...(system ? [pool(system, 'system')] : []), ...user.map((p) => pool(p.body, p.body.mode === 'System' ? 'system' : 'user'))];
}

/** The pod groups of the deployments of an apps stack, as the scheduling model takes them (HPA range, surge, spread). */
export function podGroups(app: SynthesizedApp, stack: string): PodGroupModel[] | string {
  const groups: PodGroupModel[] = [];
  for (const d of app.ofType(DEPLOYMENT).filter((x) => x.stack === stack)) {
    const pod = valueAt(d.body, 'spec.template.spec');
    if (!isObject(pod)) continue;
    const requests = blocks(pod.container).map((c) => ({ cpu: quantity(String(valueAt(c, 'resources.requests.cpu'))), memory: quantity(String(valueAt(c, 'resources.requests.memory'))) }));
    if (requests.some((r) => r.cpu === undefined || r.memory === undefined)) return `${d.address} has a container without literal CPU and memory requests`;
    const autoscaler = app.autoscalerOf(d);
    const replicas = Number(valueAt(d.body, 'spec.replicas') ?? 1);
    const min = autoscaler ? autoscaler.min : replicas;
    const max = autoscaler ? autoscaler.max : replicas;
    const surge = String(valueAt(d.body, 'spec.strategy.rolling_update.max_surge') ?? '25%');
    const zone = blocks(pod.topology_spread_constraint).find((t) => t.topology_key === 'topology.kubernetes.io/zone');
    groups.push({
      name: String(valueAt(d.body, 'metadata.name')),
      cpuMillis: requests.reduce((sum, r) => sum + r.cpu!, 0) * 1000,
      memoryMiB: requests.reduce((sum, r) => sum + r.memory!, 0) / 1024 ** 2,
      nodeSelector: isObject(pod.node_selector) ? Object.fromEntries(Object.entries(pod.node_selector).map(([k, v]) => [k, String(v)])) : {},
      tolerations: blocks(pod.toleration).map((t) => `${String(t.key)}=${String(t.value ?? '')}:${String(t.effect ?? 'NoSchedule')}`),
      ...(zone ? { zoneSpread: { maxSkew: Number(zone.max_skew ?? 1), whenUnsatisfiable: zone.when_unsatisfiable === 'ScheduleAnyway' ? 'ScheduleAnyway' : 'DoNotSchedule', nodeTaintsPolicy: zone.node_taints_policy === 'Honor' ? 'Honor' : 'Ignore', nodeAffinityPolicy: zone.node_affinity_policy === 'Ignore' ? 'Ignore' : 'Honor' } as const } : {}),
      minReplicas: min,
      maxReplicas: max,
      surge: surge.endsWith('%') ? Math.ceil((max * Number(surge.slice(0, -1))) / 100) : Number(surge),
    });
  }
  return groups;
}

/** The cluster an apps stack deploys to: the one its Kubernetes provider or remote state reads. */
export function clusterOfAppsStack(app: SynthesizedApp, stack: string): SynthesizedResource | undefined {
  const json = app.stack(stack)?.json;
  const reads = app.referencedBy(stack, { provider: json?.provider, data: json?.data });
  const direct = reads.find((r) => r.type === CLUSTER);
  if (direct) return direct;
  // The provider reads the cluster through a data source named after it; find the cluster by that name in the stamps.
  const name = JSON.stringify(valueAt(json ?? {}, 'data.azurerm_kubernetes_cluster') ?? '');
  return app.ofType(CLUSTER).find((c) => typeof c.body.name === 'string' && name.includes(`"${c.body.name}"`));
}

/** Cross-resource rules: the pattern's promises that no single resource shows. */
export const PLATFORM_RULES: readonly Rule[] = [
  resourceRule({
    id: 'OP-PLT-001', severity: 'error', summary: 'Stateful resources (databases, Cosmos DB, Service Bus, Key Vault, workspaces, storage, caches) refuse to be destroyed (lifecycle.prevent_destroy).',
    resourceTypes: PROTECTED_TYPES, attribute: 'lifecycle.prevent_destroy', source: { kind: 'pattern', reference: 'README, "Stacks"' },
  }, (body) => (preventsDestroy(body) ? undefined : 'lifecycle.prevent_destroy is not true; a change that replaces it would delete its data')),
  {
    id: 'OP-PLT-002', severity: 'error', summary: 'Every resource whose type supports diagnostic settings sends its logs and metrics to a workspace.',
    resourceTypes: Object.keys(DIAGNOSTIC_SUPPORT), attribute: 'azurerm_monitor_diagnostic_setting.target_resource_id', source: { kind: 'pattern', reference: 'README, "Observability"' },
    check: (app) => {
      const targeted = new Set(app.ofType('azurerm_monitor_diagnostic_setting').flatMap((s) => app.referencedBy(s.stack, s.body.target_resource_id)));
      return app.ofType(...Object.keys(DIAGNOSTIC_SUPPORT)).filter((r) => !targeted.has(r)).map((resource) => ({ resource, message: 'no azurerm_monitor_diagnostic_setting targets it' }));
    },
  },
  {
    id: 'OP-PLT-003', severity: 'error', summary: 'Every data service is reachable by a private endpoint from every stamp that uses it (its public access is off).',
    resourceTypes: PRIVATE_SERVICES, attribute: 'azurerm_private_endpoint.private_service_connection.private_connection_resource_id', source: { kind: 'pattern', reference: 'README, "What a regional stamp gets by default"' },
    check: (app) => {
      const reached = new Map<SynthesizedResource, Set<string>>();
      for (const pe of app.ofType('azurerm_private_endpoint')) {
        for (const target of app.referencedBy(pe.stack, valueAt(pe.body, 'private_service_connection.private_connection_resource_id'))) {
          reached.set(target, new Set([...(reached.get(target) ?? []), pe.stack]));
        }
      }
      return app.ofType(...PRIVATE_SERVICES).flatMap((service): RuleViolation[] => {
        const missing = stampsUsing(app, service).filter((stamp) => !reached.get(service)?.has(stamp.stack)).map((s) => s.stack);
        return missing.length ? [{ resource: service, message: `no private endpoint from stamp stack(s) ${missing.join(', ')}` }] : [];
      });
    },
  },
  {
    id: 'OP-PLT-004', severity: 'error', summary: 'Workloads write through the failover name (SQL failover group listener, PostgreSQL virtual endpoint, Service Bus or Event Hubs alias), never a server\'s own host name, so writes follow a failover.',
    resourceTypes: ['kubernetes_config_map_v1'], attribute: (['ORDER_DB_WRITE_HOST', 'ORDER_DB_CELLS', 'EVENTS_HOST'] satisfies EnvironmentKey[]).map((key) => `data.${key}`).join(', '), source: { kind: 'pattern', reference: 'README, "The five redundancy patterns" (workload wiring)' },
    check: (app) => {
      const members = failoverMembers(app);
      return app.ofType('kubernetes_config_map_v1').flatMap((map) => writeTargets(map.body).flatMap(({ key, value }): RuleViolation[] => {
        const direct = [...app.referencedBy(map.stack, value), ...[...members.keys()].filter((m) => hostLabel(value) === m.body.name)].find((t) => members.has(t));
        return direct ? [{ resource: map, message: `${key} is the host of ${direct.address} (${show(direct.body.name)}); expected its failover name ${show(members.get(direct))}` }] : [];
      }));
    },
  },
  {
    id: 'OP-PLT-005', severity: 'error', summary: 'The workloads fit on their cluster\'s node pools at their minimum and maximum replicas, with a rolling surge, spread over the zones.',
    resourceTypes: [DEPLOYMENT, CLUSTER, 'azurerm_kubernetes_cluster_node_pool'], attribute: 'spec.template.spec.container.resources.requests, node pools vm_size, min_count, max_count', source: { kind: 'pattern', reference: 'README, "The services: OrderWorkloads"' },
    check: (app) => {
      const stacks = [...new Set(app.ofType(DEPLOYMENT).map((d) => d.stack))];
      return stacks.flatMap((stack): RuleViolation[] => {
        const cluster = clusterOfAppsStack(app, stack);
        const first = app.ofType(DEPLOYMENT).find((d) => d.stack === stack)!;
        if (!cluster) return [];
        const groups = podGroups(app, stack);
        if (typeof groups === 'string') return [];
        const report = checkSchedulability(poolModels(app, cluster), groups);
        if (report.fits) return [];
        const failed = report.scenarios.filter((s) => !s.fits).map((s) => `${s.name}: ${s.pending.slice(0, 3).join('; ')}${s.pending.length > 3 ? '; ...' : ''}`);
        return [{ resource: first, message: `the workloads of ${stack} do not fit on ${cluster.address} (${cluster.stack}): ${failed.join(' | ')}` }];
      });
    },
  },
  {
    id: 'OP-K8S-007', severity: 'error', summary: 'Every serving Deployment has a pod disruption budget, so node upgrades never take all its pods at once.',
    resourceTypes: [DEPLOYMENT, 'kubernetes_pod_disruption_budget_v1'], attribute: 'kubernetes_pod_disruption_budget_v1.spec.selector.match_labels', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/aks/operator-best-practices-scheduler' },
    check: (app) => {
      const covered = new Set(app.ofType('kubernetes_pod_disruption_budget_v1').flatMap((p) => deploymentsOf(app, p, valueAt(p.body, 'spec.selector.match_labels'))));
      return app.ofType(DEPLOYMENT).filter((d) => !covered.has(d)).map((resource) => ({ resource, message: 'no kubernetes_pod_disruption_budget_v1 selects its pods' }));
    },
  },
  {
    id: 'OP-K8S-008', severity: 'error', summary: 'Every service (the Deployments sharing an `app` label) is scaled by a horizontal pod autoscaler (or a KEDA ScaledObject), except while a release (canary, blue-green) pins its slots.',
    resourceTypes: [DEPLOYMENT, 'kubernetes_horizontal_pod_autoscaler_v2', 'kubernetes_manifest'], attribute: 'kubernetes_horizontal_pod_autoscaler_v2.spec.scale_target_ref.name', source: { kind: 'pattern', reference: 'README, "The services: OrderWorkloads"' },
    check: (app) => {
      const scaled = new Set(app.ofType(DEPLOYMENT).filter((d) => app.autoscalerOf(d) !== undefined));
      const service = (d: SynthesizedResource): string => `${d.stack}\u0000${String(valueAt(d.body, 'spec.template.metadata.labels.app') ?? valueAt(d.body, 'metadata.name'))}`;
      // A release in progress (canary, blue-green) pins its slots at a size the release plan sets.
      const releasing = new Set(app.ofType(DEPLOYMENT).filter((d) => ['canary', 'blue', 'green'].includes(String(valueAt(d.body, 'spec.template.metadata.labels.track')))).map(service));
      const autoscaled = new Set([...[...scaled].map(service), ...releasing]);
      const seen = new Set<string>();
      return app.ofType(DEPLOYMENT).filter((d) => {
        const key = service(d);
        if (autoscaled.has(key) || seen.has(key) || Number(valueAt(d.body, 'spec.replicas') ?? 1) === 0) return false;
        seen.add(key);
        return true;
      }).map((resource) => ({ resource, message: `no kubernetes_horizontal_pod_autoscaler_v2 targets a Deployment of app ${show(valueAt(resource.body, 'spec.template.metadata.labels.app'))}` }));
    },
  },
  {
    id: 'OP-K8S-009', severity: 'error', summary: 'Every namespace with workloads denies all traffic by default; each service opens only what it needs.',
    resourceTypes: ['kubernetes_namespace_v1', 'kubernetes_network_policy_v1'], attribute: 'kubernetes_network_policy_v1.spec.pod_selector, spec.policy_types', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
    check: (app) => app.ofType('kubernetes_namespace_v1').filter((ns) => !app.ofType('kubernetes_network_policy_v1').some((p) => {
      const spec = blocks(p.body.spec)[0] ?? {};
      const types = Array.isArray(spec.policy_types) ? spec.policy_types : [];
      return app.referencedBy(p.stack, valueAt(p.body, 'metadata.namespace')).includes(ns) && JSON.stringify(spec.pod_selector ?? {}) === '{}'
        && types.includes('Ingress') && types.includes('Egress') && spec.ingress === undefined && spec.egress === undefined;
    })).map((resource) => ({ resource, message: 'no default-deny network policy (empty pod_selector, Ingress and Egress, no rules) in this namespace' })),
  },
  resourceRule({
    id: 'OP-K8S-010', severity: 'error', summary: 'Egress to the internet is bound to ports (HTTPS), never open to every port.',
    resourceTypes: ['kubernetes_network_policy_v1'], attribute: 'spec.egress.to.ip_block.cidr, spec.egress.ports', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/aks/use-network-policies' },
  }, (body) => {
    const open = blocks(valueAt(body, 'spec.egress')).filter((e) => blocks(e.ports).length === 0
      && (blocks(e.to).length === 0 || blocks(e.to).some((t) => ['0.0.0.0/0', '::/0'].includes(String(valueAt(t, 'ip_block.cidr'))))));
    return open.length ? `${open.length} egress rule(s) to the internet without ports; expected each bound to its ports` : undefined;
  }),
];
