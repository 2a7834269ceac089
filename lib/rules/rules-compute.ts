import { Regions } from '../core/regions';
import { attributeRule, equals, resourceRule, Rule, show } from './rule';
import { blocks, isExpression, JsonObject, JsonValue, valueAt } from './synthesized';

const CLUSTER = 'azurerm_kubernetes_cluster';
const POOL = 'azurerm_kubernetes_cluster_node_pool';
const DEPLOYMENT = 'kubernetes_deployment_v1';
const AKS_ZONES = 'https://learn.microsoft.com/azure/aks/availability-zones';

/** The zones a node pool lists, as strings. */
function zonesOf(pool: JsonObject): readonly string[] {
  return Array.isArray(pool.zones) ? pool.zones.map(String) : [];
}

/** A pool's problem with zones: it must span three zones where its region has them. */
function zoneProblem(pool: JsonObject, location: JsonValue | undefined, what: string): string | undefined {
  if (typeof location !== 'string' || isExpression(location) || !Regions.tryFind(location)?.availabilityZones) return undefined;
  const zones = new Set(zonesOf(pool));
  return zones.size >= 3 ? undefined : `${what} spans zones ${show([...zones])} in ${location}, which has availability zones; expected 3 zones (["1","2","3"])`;
}

/** The cluster a node pool belongs to (same stack). */
function clusterLocation(pool: JsonObject, stack: string, find: (stack: string, value: unknown) => readonly { type: string; body: JsonObject }[]): JsonValue | undefined {
  return find(stack, pool.kubernetes_cluster_id).find((r) => r.type === CLUSTER)?.body.location;
}

/** The containers of a Deployment's pod template. */
function containers(body: JsonObject): readonly JsonObject[] {
  return blocks(valueAt(body, 'spec.template.spec.container'));
}

/** Rules for AKS clusters, node pools and the Kubernetes workloads. */
export const COMPUTE_RULES: readonly Rule[] = [
  resourceRule({
    id: 'OP-AKS-001', severity: 'error', summary: 'The system node pool spans three availability zones, so losing a zone leaves the cluster running.',
    resourceTypes: [CLUSTER], attribute: 'default_node_pool.zones', source: { kind: 'waf', reference: AKS_ZONES },
  }, (body) => zoneProblem(blocks(body.default_node_pool)[0] ?? {}, body.location, 'the system pool')),
  resourceRule({
    id: 'OP-AKS-002', severity: 'error', summary: 'Every user node pool spans three availability zones.',
    resourceTypes: [POOL], attribute: 'zones', source: { kind: 'waf', reference: AKS_ZONES },
  }, (body, r, app) => zoneProblem(body, clusterLocation(body, r.stack, (s, v) => app.referencedBy(s, v)), `node pool ${show(body.name)}`)),
  attributeRule({
    id: 'OP-AKS-003', severity: 'error', summary: 'The cluster runs the Standard (or Premium) tier: the Free tier has no API server SLA.',
    resourceTypes: [CLUSTER], attribute: 'sku_tier', source: { kind: 'checkov', reference: 'CKV_AZURE_170' },
  }, (v) => v === 'Standard' || v === 'Premium', '"Standard" or "Premium"'),
  resourceRule({
    id: 'OP-AKS-004', severity: 'error', summary: 'The system pool autoscales with at least 3 nodes, one per zone.',
    resourceTypes: [CLUSTER], attribute: 'default_node_pool.min_count', source: { kind: 'pattern', reference: 'README, "The five redundancy patterns" (AKS row)' },
  }, (body) => {
    const pool = blocks(body.default_node_pool)[0] ?? {};
    if (isExpression(pool.min_count)) return undefined;
    return pool.auto_scaling_enabled === true && Number(pool.min_count) >= 3 ? undefined : `default_node_pool has auto_scaling_enabled ${show(pool.auto_scaling_enabled)} and min_count ${show(pool.min_count)}; expected autoscaling with min_count >= 3`;
  }),
  resourceRule({
    id: 'OP-AKS-005', severity: 'error', summary: 'Every user node pool autoscales with a minimum of at least 2 nodes and a maximum above it.',
    resourceTypes: [POOL], attribute: 'min_count, max_count', source: { kind: 'pattern', reference: 'README, "The five redundancy patterns" (AKS row)' },
  }, (body) => {
    if (isExpression(body.min_count) || isExpression(body.max_count)) return undefined;
    return body.auto_scaling_enabled === true && Number(body.min_count) >= 2 && Number(body.max_count) > Number(body.min_count) ? undefined
      : `auto_scaling_enabled ${show(body.auto_scaling_enabled)}, min_count ${show(body.min_count)}, max_count ${show(body.max_count)}; expected autoscaling with 2 <= min_count < max_count`;
  }),
  attributeRule({
    id: 'OP-AKS-006', severity: 'error', summary: 'Local accounts are disabled: every API server login goes through Entra ID.',
    resourceTypes: [CLUSTER], attribute: 'local_account_disabled', source: { kind: 'checkov', reference: 'CKV_AZURE_141' },
  }, equals(true), 'true'),
  attributeRule({
    id: 'OP-AKS-007', severity: 'error', summary: 'Kubernetes authorization uses Azure RBAC through Entra ID integration.',
    resourceTypes: [CLUSTER], attribute: 'azure_active_directory_role_based_access_control.azure_rbac_enabled', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/aks/manage-azure-rbac' },
  }, equals(true), 'true'),
  attributeRule({
    id: 'OP-AKS-008', severity: 'warning', summary: 'The cluster upgrades itself on the patch or stable channel, inside its maintenance window (stricter than CKV_AZURE_171, which accepts any channel).',
    resourceTypes: [CLUSTER], attribute: 'automatic_upgrade_channel', source: { kind: 'checkov', reference: 'CKV_AZURE_171' },
  }, (v) => v === 'patch' || v === 'stable', '"patch" or "stable"'),
  resourceRule({
    id: 'OP-AKS-009', severity: 'error', summary: 'The cluster has maintenance windows for upgrades and node OS updates, so they never start at random times.',
    resourceTypes: [CLUSTER], attribute: 'maintenance_window_auto_upgrade, maintenance_window_node_os', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/aks/planned-maintenance' },
  }, (body) => {
    const missing = ['maintenance_window_auto_upgrade', 'maintenance_window_node_os'].filter((key) => blocks(body[key]).length === 0);
    return missing.length ? `${missing.join(' and ')} not set; expected a weekly window for each` : undefined;
  }),
  attributeRule({
    id: 'OP-AKS-010', severity: 'error', summary: 'A network policy engine enforces the workloads\' network policies.',
    resourceTypes: [CLUSTER], attribute: 'network_profile.network_policy', source: { kind: 'checkov', reference: 'CKV_AZURE_7' },
  }, (v) => v === 'cilium' || v === 'azure' || v === 'calico', '"cilium", "azure" or "calico"'),
  attributeRule({
    id: 'OP-AKS-011', severity: 'warning', summary: 'The Azure Policy add-on audits the cluster against the platform\'s policies.',
    resourceTypes: [CLUSTER], attribute: 'azure_policy_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_116' },
  }, equals(true), 'true'),
  attributeRule({
    id: 'OP-AKS-012', severity: 'error', summary: 'The system pool runs only critical add-ons, so application pods cannot starve the cluster\'s own services.',
    resourceTypes: [CLUSTER], attribute: 'default_node_pool.only_critical_addons_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_232' },
  }, equals(true), 'true'),
  resourceRule({
    id: 'OP-AKS-013', severity: 'error', summary: 'The API server is private, limited to authorized IP ranges, or public with Entra ID-only login and no local accounts (the library\'s default; weaker than CKV_AZURE_115 and CKV_AZURE_6, which accept only the first two).',
    resourceTypes: [CLUSTER], attribute: 'private_cluster_enabled, api_server_access_profile.authorized_ip_ranges, local_account_disabled', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges' },
  }, (body) => {
    if (body.private_cluster_enabled === true) return undefined;
    const ranges = valueAt(body, 'api_server_access_profile.authorized_ip_ranges');
    if (Array.isArray(ranges) && ranges.length > 0) return undefined;
    if (body.local_account_disabled === true && blocks(body.azure_active_directory_role_based_access_control).length > 0) return undefined;
    return 'the API server is public (private_cluster_enabled not true, no authorized_ip_ranges) and accepts local accounts; expected a private cluster, authorized IP ranges, or Entra ID-only login';
  }),
  resourceRule({
    id: 'OP-AKS-014', severity: 'error', summary: 'Container Insights sends the cluster\'s logs to a workspace with managed-identity authentication.',
    resourceTypes: [CLUSTER], attribute: 'oms_agent', source: { kind: 'checkov', reference: 'CKV_AZURE_4' },
  }, (body) => {
    const agent = blocks(body.oms_agent)[0];
    if (!agent?.log_analytics_workspace_id) return 'oms_agent not set; expected Container Insights with a log_analytics_workspace_id';
    return agent.msi_auth_for_monitoring_enabled === true ? undefined : `oms_agent.msi_auth_for_monitoring_enabled is ${show(agent.msi_auth_for_monitoring_enabled)}; expected true`;
  }),
  resourceRule({
    id: 'OP-AKS-015', severity: 'error', summary: 'Workload identity and the OIDC issuer are on: pods reach Azure with federated identities, never stored secrets.',
    resourceTypes: [CLUSTER], attribute: 'workload_identity_enabled, oidc_issuer_enabled', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/aks/workload-identity-overview' },
  }, (body) => (body.workload_identity_enabled === true && body.oidc_issuer_enabled === true ? undefined
    : `workload_identity_enabled ${show(body.workload_identity_enabled)}, oidc_issuer_enabled ${show(body.oidc_issuer_enabled)}; expected both true`)),
  attributeRule({
    id: 'OP-AKS-016', severity: 'warning', summary: 'The Key Vault secrets provider, where it runs, rotates mounted secrets.',
    resourceTypes: [CLUSTER], attribute: 'key_vault_secrets_provider.secret_rotation_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_172' },
  }, (v, body) => v === true || blocks(body.key_vault_secrets_provider).length === 0, 'true'),
  resourceRule({
    id: 'OP-K8S-001', severity: 'error', summary: 'Every container has readiness and liveness probes, so the entry and Kubernetes stop sending traffic to a broken pod.',
    resourceTypes: [DEPLOYMENT], attribute: 'spec.template.spec.container.readiness_probe, liveness_probe', source: { kind: 'checkov', reference: 'CKV_K8S_8, CKV_K8S_9' },
  }, (body) => {
    const missing = containers(body).flatMap((c) => ['readiness_probe', 'liveness_probe'].filter((p) => blocks(c[p]).length === 0).map((p) => `${show(c.name)} has no ${p}`));
    return missing.length ? `${missing.join(', ')}; expected both probes on every container` : undefined;
  }),
  resourceRule({
    id: 'OP-K8S-002', severity: 'error', summary: 'Every container requests and limits CPU and memory, so scheduling and autoscaling have something to work with.',
    resourceTypes: [DEPLOYMENT], attribute: 'spec.template.spec.container.resources', source: { kind: 'checkov', reference: 'CKV_K8S_10, CKV_K8S_11, CKV_K8S_12, CKV_K8S_13' },
  }, (body) => {
    const missing = containers(body).flatMap((c) => ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']
      .filter((p) => valueAt(c, `resources.${p}`) === undefined).map((p) => `${show(c.name)} has no ${p}`));
    return missing.length ? `${missing.join(', ')}; expected CPU and memory requests and limits` : undefined;
  }),
  resourceRule({
    id: 'OP-K8S-003', severity: 'error', summary: 'Images are pinned to a tag or digest, never `latest`, so a restart never changes the code.',
    resourceTypes: [DEPLOYMENT], attribute: 'spec.template.spec.container.image', source: { kind: 'checkov', reference: 'CKV_K8S_14' },
  }, (body) => {
    const pinned = (image: string): boolean => image.includes('@sha256:') || (/:[^/:]+$/.test(image) && !image.endsWith(':latest'));
    const bad = containers(body).filter((c) => typeof c.image === 'string' && !isExpression(c.image) && !pinned(c.image));
    return bad.length ? `image ${bad.map((c) => show(c.image)).join(', ')}; expected a version tag or a digest` : undefined;
  }),
  resourceRule({
    id: 'OP-K8S-004', severity: 'error', summary: 'Containers run as non-root, without privilege escalation, with a read-only root file system and every capability dropped.',
    resourceTypes: [DEPLOYMENT], attribute: 'spec.template.spec.container.security_context', source: { kind: 'checkov', reference: 'CKV_K8S_20, CKV_K8S_22, CKV_K8S_37' },
  }, (body) => {
    const podNonRoot = valueAt(body, 'spec.template.spec.security_context.run_as_non_root') === true;
    const bad = containers(body).flatMap((c) => {
      const sc = blocks(c.security_context)[0] ?? {};
      const drops = valueAt(sc, 'capabilities.drop');
      const problems = [
        sc.allow_privilege_escalation === false ? undefined : 'allow_privilege_escalation is not false',
        sc.read_only_root_filesystem === true ? undefined : 'read_only_root_filesystem is not true',
        sc.run_as_non_root === true || podNonRoot ? undefined : 'run_as_non_root is not true',
        sc.privileged === true ? 'privileged is true' : undefined,
        Array.isArray(drops) && drops.includes('ALL') ? undefined : 'capabilities.drop lacks "ALL"',
      ].filter((p): p is string => p !== undefined);
      return problems.map((p) => `${show(c.name)}: ${p}`);
    });
    return bad.length ? `${bad.join(', ')}; expected a restricted security context` : undefined;
  }),
  resourceRule({
    id: 'OP-K8S-005', severity: 'error', summary: 'Every Deployment spreads its pods over the zones (a topology spread constraint on topology.kubernetes.io/zone).',
    resourceTypes: [DEPLOYMENT], attribute: 'spec.template.spec.topology_spread_constraint', source: { kind: 'waf', reference: AKS_ZONES },
  }, (body) => (blocks(valueAt(body, 'spec.template.spec.topology_spread_constraint')).some((t) => t.topology_key === 'topology.kubernetes.io/zone') ? undefined
    : 'no topology_spread_constraint on topology.kubernetes.io/zone; expected pods spread over the zones')),
  resourceRule({
    id: 'OP-K8S-006', severity: 'error', summary: 'Rolling updates never take a serving pod away before its replacement is ready (maxUnavailable 0).',
    resourceTypes: [DEPLOYMENT], attribute: 'spec.strategy.rolling_update.max_unavailable', source: { kind: 'pattern', reference: 'README, "The services: OrderWorkloads"' },
  }, (body) => {
    if (Number(valueAt(body, 'spec.replicas') ?? 1) === 0) return undefined;
    const value = valueAt(body, 'spec.strategy.rolling_update.max_unavailable');
    return value === '0' || value === 0 || value === '0%' ? undefined : `spec.strategy.rolling_update.max_unavailable is ${show(value)}; expected "0"`;
  }),
];
