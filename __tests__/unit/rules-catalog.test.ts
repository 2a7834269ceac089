import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { RedundancyPattern } from '../../lib/core/pattern';
import { checkSynthesized, RULES } from '../../lib/rules/rule-pack';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';
import { APIM, entryProps, publicFor, synthEntry } from '../support/global-entry';

// Every rule of the pack, one compliant and one non-compliant case each. The compliant case is a real synthesized
// example (or a standalone GlobalEntry for Traffic Manager and API Management, which no example uses); the
// non-compliant case is the same JSON with one value changed or one resource removed, and the finding must name the
// resource at fault.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** A fixture: stacks by name (frozen, shared). */
type Fixture = () => Record<string, unknown>;

const example = (id: string): Fixture => () => exampleStacks(id);
let trafficManagerStacks: Record<string, unknown> | undefined;
const trafficManager: Fixture = () => (trafficManagerStacks ??= { test: synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], publicOrigins: publicFor(['westus3', 'eastus']), trafficManager: { services: ['order', 'tracking'] } })).json });
let apimStacks: Record<string, unknown> | undefined;
const apiManagement: Fixture = () => (apimStacks ??= { test: synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], publicOrigins: publicFor(['westus3', 'eastus']), apiManagement: APIM })).json });

const ZR = example('zone-redundant');
const PS = example('primary-secondary');
const AP = example('active-passive');
const AA = example('active-active');
const RP = example('region-pinned');

/** Where the finding must appear: the first resource of `type` (whose body passes `pick`). */
interface Target { readonly type: string; readonly pick?: (body: Loose, name: string) => boolean }

/** Helpers a mutation uses on the cloned stacks. */
interface Edit {
  /** Every resource of a type, as [stack, name, body]. */
  all(type: string): [string, string, Loose][];
  /** Removes every resource of a type whose body passes `pick`. */
  remove(type: string, pick: (body: Loose, name: string) => boolean): number;
  /** The Terraform address of the target. */
  readonly address: string;
}

interface Row { readonly id: string; readonly fixture: Fixture; readonly at: Target; readonly mutate: (body: Loose, edit: Edit) => void }

const row = (id: string, fixture: Fixture, at: string | Target, mutate: (body: Loose, edit: Edit) => void): Row => ({ id, fixture, at: typeof at === 'string' ? { type: at } : at, mutate });
const set = (path: string, value: unknown) => (body: Loose) => {
  const steps = path.split('.');
  let node = body;
  for (const step of steps.slice(0, -1)) node = Array.isArray(node[step]) ? node[step][0] : node[step];
  if (value === undefined) delete node[steps[steps.length - 1]];
  else node[steps[steps.length - 1]] = value;
};
const container = (body: Loose): Loose => body.spec.template.spec.container[0];
const refers = (address: string) => (body: Loose) => JSON.stringify(body).includes(`${address}.`);

const ROWS: readonly Row[] = [
  row('OP-AKS-001', ZR, 'azurerm_kubernetes_cluster', set('default_node_pool.zones', ['1', '2'])),
  row('OP-AKS-002', ZR, 'azurerm_kubernetes_cluster_node_pool', set('zones', undefined)),
  row('OP-AKS-003', ZR, 'azurerm_kubernetes_cluster', set('sku_tier', 'Free')),
  row('OP-AKS-004', ZR, 'azurerm_kubernetes_cluster', set('default_node_pool.min_count', 2)),
  row('OP-AKS-005', ZR, 'azurerm_kubernetes_cluster_node_pool', set('max_count', 3)),
  row('OP-AKS-006', ZR, 'azurerm_kubernetes_cluster', set('local_account_disabled', false)),
  row('OP-AKS-007', ZR, 'azurerm_kubernetes_cluster', set('azure_active_directory_role_based_access_control.azure_rbac_enabled', false)),
  row('OP-AKS-008', ZR, 'azurerm_kubernetes_cluster', set('automatic_upgrade_channel', 'none')),
  row('OP-AKS-009', ZR, 'azurerm_kubernetes_cluster', set('maintenance_window_node_os', undefined)),
  row('OP-AKS-010', ZR, 'azurerm_kubernetes_cluster', set('network_profile.network_policy', undefined)),
  row('OP-AKS-011', ZR, 'azurerm_kubernetes_cluster', set('azure_policy_enabled', false)),
  row('OP-AKS-012', ZR, 'azurerm_kubernetes_cluster', set('default_node_pool.only_critical_addons_enabled', false)),
  row('OP-AKS-013', ZR, 'azurerm_kubernetes_cluster', set('local_account_disabled', undefined)),
  row('OP-AKS-014', ZR, 'azurerm_kubernetes_cluster', set('oms_agent.msi_auth_for_monitoring_enabled', false)),
  row('OP-AKS-015', ZR, 'azurerm_kubernetes_cluster', set('workload_identity_enabled', false)),
  row('OP-AKS-016', ZR, 'azurerm_kubernetes_cluster', set('key_vault_secrets_provider.secret_rotation_enabled', false)),
  row('OP-K8S-001', ZR, 'kubernetes_deployment_v1', (b) => { delete container(b).readiness_probe; }),
  row('OP-K8S-002', ZR, 'kubernetes_deployment_v1', (b) => { delete container(b).resources.limits.memory; }),
  row('OP-K8S-003', ZR, 'kubernetes_deployment_v1', (b) => { container(b).image = 'contoso.azurecr.io/order-api:latest'; }),
  row('OP-K8S-004', ZR, 'kubernetes_deployment_v1', (b) => { container(b).security_context.allow_privilege_escalation = true; }),
  row('OP-K8S-005', ZR, 'kubernetes_deployment_v1', (b) => { b.spec.template.spec.topology_spread_constraint = b.spec.template.spec.topology_spread_constraint.filter((t: Loose) => t.topology_key !== 'topology.kubernetes.io/zone'); }),
  row('OP-K8S-006', ZR, 'kubernetes_deployment_v1', set('spec.strategy.rolling_update.max_unavailable', '25%')),
  row('OP-K8S-007', ZR, 'kubernetes_deployment_v1', (_b, e) => { e.remove('kubernetes_pod_disruption_budget_v1', () => true); }),
  row('OP-K8S-008', ZR, 'kubernetes_deployment_v1', (_b, e) => { e.remove('kubernetes_horizontal_pod_autoscaler_v2', refers(e.address)); }),
  row('OP-K8S-009', ZR, 'kubernetes_namespace_v1', (_b, e) => { e.remove('kubernetes_network_policy_v1', (b) => b.metadata.name === 'default-deny'); }),
  row('OP-K8S-010', ZR, { type: 'kubernetes_network_policy_v1', pick: (b) => Array.isArray(b.spec.egress) }, (b) => { for (const e of b.spec.egress) delete e.ports; }),
  row('OP-SQL-001', ZR, 'azurerm_mssql_server', set('public_network_access_enabled', true)),
  row('OP-SQL-002', ZR, 'azurerm_mssql_server', set('minimum_tls_version', '1.0')),
  row('OP-SQL-003', ZR, 'azurerm_mssql_server', set('azuread_administrator.azuread_authentication_only', false)),
  row('OP-SQL-004', ZR, 'azurerm_mssql_database', set('zone_redundant', false)),
  row('OP-SQL-005', ZR, 'azurerm_mssql_database', set('storage_account_type', 'Local')),
  row('OP-SQL-006', ZR, 'azurerm_mssql_server', (_b, e) => { e.remove('azurerm_mssql_server_extended_auditing_policy', refers(e.address)); }),
  row('OP-SQL-007', ZR, 'azurerm_mssql_server', (_b, e) => { for (const [, , p] of e.all('azurerm_mssql_server_security_alert_policy')) p.state = 'Disabled'; }),
  row('OP-SQL-008', PS, 'azurerm_mssql_failover_group', (_b, e) => { for (const [, , s] of e.all('azurerm_mssql_server')) s.location = 'westus3'; }),
  row('OP-SQL-009', PS, 'azurerm_mssql_failover_group', set('read_write_endpoint_failover_policy.grace_minutes', 30)),
  row('OP-SQL-010', ZR, 'azurerm_mssql_database', set('short_term_retention_policy.retention_days', 1)),
  row('OP-PG-001', AP, 'azurerm_postgresql_flexible_server', set('public_network_access_enabled', true)),
  row('OP-PG-002', AP, 'azurerm_postgresql_flexible_server', set('authentication.password_auth_enabled', true)),
  row('OP-PG-003', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, set('high_availability', undefined)),
  row('OP-PG-004', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode === 'Replica' }, set('maintenance_window', undefined)),
  row('OP-PG-005', AP, 'azurerm_postgresql_flexible_server_virtual_endpoint', (_b, e) => { for (const [, , s] of e.all('azurerm_postgresql_flexible_server')) s.location = 'eastus2'; }),
  row('OP-PG-006', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, set('geo_redundant_backup_enabled', false)),
  row('OP-PG-007', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, (_b, e) => { e.remove('azurerm_postgresql_flexible_server_active_directory_administrator', () => true); }),
  row('OP-COS-001', ZR, 'azurerm_cosmosdb_account', set('public_network_access_enabled', true)),
  row('OP-COS-002', ZR, 'azurerm_cosmosdb_account', set('local_authentication_disabled', false)),
  row('OP-COS-003', ZR, 'azurerm_cosmosdb_account', (b) => { b.geo_location[0].zone_redundant = false; }),
  row('OP-COS-004', ZR, 'azurerm_cosmosdb_account', set('network_acl_bypass_for_azure_services', true)),
  row('OP-COS-005', ZR, 'azurerm_cosmosdb_account', set('access_key_metadata_writes_enabled', true)),
  row('OP-COS-006', PS, 'azurerm_cosmosdb_account', set('automatic_failover_enabled', false)),
  row('OP-COS-007', PS, 'azurerm_cosmosdb_account', (b) => { b.geo_location[1].location = b.geo_location[0].location; }),
  row('OP-COS-008', ZR, 'azurerm_cosmosdb_account', set('minimal_tls_version', 'Tls')),
  row('OP-SB-001', ZR, 'azurerm_servicebus_namespace', set('sku', 'Standard')),
  row('OP-SB-002', ZR, 'azurerm_servicebus_namespace', set('local_auth_enabled', true)),
  row('OP-SB-003', ZR, 'azurerm_servicebus_namespace', set('public_network_access_enabled', true)),
  row('OP-SB-004', ZR, 'azurerm_servicebus_namespace', set('minimum_tls_version', '1.1')),
  row('OP-SB-005', PS, 'azurerm_servicebus_namespace_disaster_recovery_config', (_b, e) => { for (const [, , n] of e.all('azurerm_servicebus_namespace')) n.location = 'eastus'; }),
  row('OP-SB-006', ZR, 'azurerm_servicebus_subscription', set('dead_lettering_on_message_expiration', false)),
  row('OP-SB-007', ZR, 'azurerm_servicebus_topic', set('requires_duplicate_detection', false)),
  row('OP-EG-001', AP, 'azurerm_eventgrid_topic', set('local_auth_enabled', true)),
  row('OP-EG-002', AP, 'azurerm_eventgrid_topic', set('public_network_access_enabled', true)),
  row('OP-EG-003', AP, 'azurerm_eventgrid_topic', set('identity', undefined)),
  row('OP-KV-001', ZR, 'azurerm_key_vault', set('purge_protection_enabled', false)),
  row('OP-KV-002', ZR, 'azurerm_key_vault', set('public_network_access_enabled', true)),
  row('OP-KV-003', ZR, 'azurerm_key_vault', set('network_acls.default_action', 'Allow')),
  row('OP-KV-004', ZR, 'azurerm_key_vault', set('rbac_authorization_enabled', false)),
  row('OP-ST-001', AP, 'azurerm_storage_account', set('shared_access_key_enabled', true)),
  row('OP-ST-002', AP, 'azurerm_storage_account', set('network_rules.default_action', 'Allow')),
  row('OP-ST-003', AP, 'azurerm_storage_account', set('min_tls_version', 'TLS1_0')),
  row('OP-ST-004', AP, 'azurerm_storage_account', set('allow_nested_items_to_be_public', true)),
  row('OP-ST-005', AP, 'azurerm_storage_account', set('account_replication_type', 'LRS')),
  row('OP-ST-006', AP, 'azurerm_storage_account', set('blob_properties.delete_retention_policy', undefined)),
  row('OP-MON-001', ZR, 'azurerm_log_analytics_workspace', set('local_authentication_enabled', true)),
  row('OP-MON-002', ZR, 'azurerm_application_insights', set('workspace_id', undefined)),
  row('OP-MON-003', ZR, 'azurerm_monitor_action_group', (b) => { b.email_receiver = []; b.sms_receiver = []; b.webhook_receiver = []; }),
  row('OP-NET-001', ZR, 'azurerm_subnet', (_b, e) => { e.remove('azurerm_subnet_network_security_group_association', refers(e.address)); }),
  row('OP-NET-002', ZR, 'azurerm_private_endpoint', set('private_dns_zone_group', undefined)),
  row('OP-AFD-001', PS, 'azurerm_cdn_frontdoor_profile', set('sku_name', 'Standard_AzureFrontDoor')),
  row('OP-AFD-002', PS, 'azurerm_cdn_frontdoor_firewall_policy', set('mode', 'Detection')),
  row('OP-AFD-003', PS, 'azurerm_cdn_frontdoor_firewall_policy', (b) => { b.managed_rule = b.managed_rule.filter((m: Loose) => !m.type.endsWith('DefaultRuleSet')); }),
  row('OP-AFD-004', PS, 'azurerm_cdn_frontdoor_firewall_policy', set('custom_rule', [])),
  row('OP-AFD-005', PS, 'azurerm_cdn_frontdoor_endpoint', (_b, e) => { e.remove('azurerm_cdn_frontdoor_security_policy', () => true); }),
  row('OP-AFD-006', PS, 'azurerm_cdn_frontdoor_route', set('forwarding_protocol', 'MatchRequest')),
  row('OP-AFD-007', PS, 'azurerm_cdn_frontdoor_origin_group', set('health_probe.protocol', 'Http')),
  row('OP-AFD-008', PS, 'azurerm_cdn_frontdoor_origin', set('certificate_name_check_enabled', false)),
  row('OP-AFD-009', PS, 'azurerm_cdn_frontdoor_origin_group', (_b, e) => { for (const [, , o] of e.all('azurerm_cdn_frontdoor_origin')) if (refers(e.address)(o)) o.enabled = o.name === 'westus3' || o.name.endsWith('westus3'); }),
  row('OP-TM-001', trafficManager, 'azurerm_traffic_manager_profile', set('monitor_config.protocol', 'HTTP')),
  row('OP-TM-002', trafficManager, 'azurerm_traffic_manager_profile', set('dns_config.ttl', 300)),
  row('OP-APIM-001', apiManagement, 'azurerm_api_management', (b) => { b.additional_location[0].zones = undefined; }),
  row('OP-APIM-002', apiManagement, 'azurerm_api_management', set('security', { frontend_tls10_enabled: true })),
  row('OP-APIM-003', apiManagement, 'azurerm_api_management', set('min_api_version', '2019-12-01')),
  row('OP-PLT-001', ZR, 'azurerm_mssql_server', set('lifecycle.prevent_destroy', false)),
  row('OP-PLT-002', ZR, 'azurerm_kubernetes_cluster', (_b, e) => { e.remove('azurerm_monitor_diagnostic_setting', refers(e.address)); }),
  row('OP-PLT-003', ZR, 'azurerm_mssql_server', (_b, e) => { e.remove('azurerm_private_endpoint', (b) => String(b.name).startsWith('pe-sql')); }),
  row('OP-PLT-004', PS, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_WRITE_HOST !== undefined }, (b, e) => {
    const server = e.all('azurerm_mssql_server')[0][2];
    b.data.ORDER_DB_WRITE_HOST = `${server.name}.database.windows.net`;
  }),
  row('OP-PLT-005', ZR, 'kubernetes_deployment_v1', (_b, e) => { for (const [, , h] of e.all('kubernetes_horizontal_pod_autoscaler_v2')) h.spec.max_replicas = 400; }),
];

/** The fixture's stacks as a deep copy, and the target's stack and address. */
function prepare(r: Row): { stacks: SynthesizedStack[]; stack: string; address: string; body: Loose } {
  const stacks: SynthesizedStack[] = Object.entries(r.fixture()).map(([name, json]) => ({ name, json: structuredClone(json) as Loose }));
  for (const s of stacks) {
    for (const [name, body] of Object.entries((s.json as Loose).resource?.[r.at.type] ?? {})) {
      if (!r.at.pick || r.at.pick(body, name)) return { stacks, stack: s.name, address: `${r.at.type}.${name}`, body };
    }
  }
  throw new Error(`${r.id}: the fixture has no ${r.at.type}${r.at.pick ? ' that the row picks' : ''}`);
}

function editor(stacks: SynthesizedStack[], address: string): Edit {
  const all = (type: string): [string, string, Loose][] => stacks.flatMap((s) => Object.entries((s.json as Loose).resource?.[type] ?? {}).map(([n, b]) => [s.name, n, b] as [string, string, Loose]));
  return {
    address,
    all,
    remove: (type, pick) => {
      let removed = 0;
      for (const s of stacks) {
        const named = (s.json as Loose).resource?.[type] ?? {};
        for (const [n, b] of Object.entries(named)) if (pick(b, n)) { delete named[n]; removed++; }
      }
      if (removed === 0) throw new Error(`nothing of ${type} removed`);
      return removed;
    },
  };
}

// What each rule tells the user about its non-compliant case, word for word: __tests__/contracts/rule-messages.json.
// After changing a rule's message, `UPDATE_CONTRACTS=1 npx jest __tests__/unit/rules-catalog.test.ts` rewrites it.
const MESSAGES_FILE = join(__dirname, '..', 'contracts', 'rule-messages.json');
const UPDATE = process.env.UPDATE_CONTRACTS === '1' && !process.env.CI;
const MESSAGES: Record<string, string> = existsSync(MESSAGES_FILE) ? JSON.parse(readFileSync(MESSAGES_FILE, 'utf8')) : {};
const seen: Record<string, string> = {};
afterAll(() => {
  if (UPDATE && Object.keys(seen).length === ROWS.length) writeFileSync(MESSAGES_FILE, `${JSON.stringify(Object.fromEntries(Object.entries(seen).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`);
});

describe('the rule pack: one compliant and one non-compliant case per rule', () => {
  test('every rule has a row and every row a rule; ids are unique, stable-looking and sorted', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(60);
    expect(ROWS.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.id));
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.id).toMatch(/^OP-[A-Z0-9]+-\d{3}$/);
  });

  test.each(ROWS.map((r) => [r.id, r] as const))('%s: the unchanged fixture complies', (_id, r) => {
    const { stacks, stack, address } = prepare(r);
    const report = checkSynthesized(stacks);
    expect(report.findings.filter((f) => f.ruleId === r.id)).toEqual([]);
    // The rule had something to judge: its target exists in the fixture (prepare found it).
    expect(report.stacks).toContain(stack);
    expect(address.startsWith(`${r.at.type}.`)).toBe(true);
  });

  test.each(ROWS.map((r) => [r.id, r] as const))('%s: the changed fixture is a finding on the resource at fault', (_id, r) => {
    const { stacks, stack, address, body } = prepare(r);
    r.mutate(body, editor(stacks, address));
    const findings = checkSynthesized(stacks).findings.filter((f) => f.ruleId === r.id);
    expect(findings.map((f) => `${f.stack}/${f.address}`)).toContain(`${stack}/${address}`);
    const rule = RULES.find((x) => x.id === r.id)!;
    for (const f of findings) {
      expect(f).toMatchObject({ severity: rule.severity, summary: rule.summary, source: rule.source });
      expect(f.message.length).toBeGreaterThan(10);
    }
    // The message on the resource at fault, as the contract records it.
    const message = findings.find((f) => `${f.stack}/${f.address}` === `${stack}/${address}`)!.message;
    seen[r.id] = message;
    if (!UPDATE) expect(message).toBe(MESSAGES[r.id]);
  });

  test('the message contract has an entry for every rule and no other', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test('every rule states its severity, a one-line summary, the types and attribute it reads, and its source', () => {
    for (const r of RULES) {
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.summary).toMatch(/^[A-Z].*\.$/);
      expect(r.summary).not.toContain('\n');
      expect(r.resourceTypes.length).toBeGreaterThan(0);
      for (const t of r.resourceTypes) expect(t).toMatch(/^(azurerm|kubernetes)_[a-z0-9_]+$/);
      expect(r.attribute.length).toBeGreaterThan(0);
      expect(['checkov', 'waf', 'azure', 'pattern']).toContain(r.source.kind);
      if (r.source.kind === 'checkov') expect(r.source.reference).toMatch(/^CKV2?_(AZURE|K8S)_\d+(, CKV2?_(AZURE|K8S)_\d+)*$/);
      if (r.source.kind === 'waf' || r.source.kind === 'azure') expect(r.source.reference).toMatch(/^https:\/\/learn\.microsoft\.com\/azure\//);
      if (r.source.kind === 'pattern') expect(r.source.reference).toMatch(/^README, "[^"]+"/);
    }
  });

  test.each(['zone-redundant', 'primary-secondary', 'active-passive', 'active-active', 'region-pinned'])('the %s example has no finding', (id) => {
    const report = checkSynthesized(Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose })));
    expect(report.resources).toBeGreaterThan(100);
    expect(report.findings).toEqual([]);
  });
});

// More ways to break a rule, and changes a rule must still accept, where one pair per rule leaves a condition untried.
/** The resource group in the same stack as the target (a reference that resolves to something other than a cluster). */
const groupBeside = (body: Loose, e: Edit): string => {
  const stack = e.all(e.address.split('.')[0]).find(([, , b]) => b === body)![0];
  const group = e.all('azurerm_resource_group').find(([s]) => s === stack);
  if (!group) throw new Error(`no resource group in ${stack}`);
  return `\${azurerm_resource_group.${group[1]}.id}`;
};
const second = (b: Loose, image: string) => { b.spec.template.spec.container.push({ ...structuredClone(container(b)), name: 'sidecar', image }); };
const sc = (b: Loose): Loose => container(b).security_context;

const MORE: readonly (Row & { readonly finding: boolean; readonly message?: string })[] = [
  // Zones are judged only where the region is known to have them.
  { ...row('OP-AKS-001', ZR, 'azurerm_kubernetes_cluster', (b) => { b.default_node_pool.zones = ['1']; b.location = '${var.location}'; }), finding: false },
  { ...row('OP-AKS-001', ZR, 'azurerm_kubernetes_cluster', (b) => { b.default_node_pool.zones = ['1']; b.location = 42; }), finding: false },
  { ...row('OP-AKS-001', ZR, 'azurerm_kubernetes_cluster', (b) => { b.default_node_pool.zones = ['1']; b.location = 'nowhere'; }), finding: false },
  { ...row('OP-AKS-001', ZR, 'azurerm_kubernetes_cluster', (b) => { b.default_node_pool.zones = ['1']; b.location = 'northcentralus'; }), finding: false },
  { ...row('OP-AKS-001', ZR, 'azurerm_kubernetes_cluster', set('default_node_pool.zones', ['1', '1', '2'])), finding: true, message: 'the system pool spans zones ["1","2"] in westus3, which has availability zones; expected 3 zones (["1","2","3"])' },
  { ...row('OP-AKS-002', ZR, 'azurerm_kubernetes_cluster_node_pool', (b, e) => { b.zones = ['1']; b.kubernetes_cluster_id = groupBeside(b, e); }), finding: false },
  { ...row('OP-AKS-002', ZR, 'azurerm_kubernetes_cluster_node_pool', (b) => { b.zones = ['1']; b.kubernetes_cluster_id = '/subscriptions/x/managedClusters/adopted'; }), finding: false },
  { ...row('OP-AKS-003', ZR, 'azurerm_kubernetes_cluster', set('sku_tier', 'Premium')), finding: false },
  { ...row('OP-AKS-004', ZR, 'azurerm_kubernetes_cluster', (b) => { b.default_node_pool.min_count = '${var.min}'; b.default_node_pool.auto_scaling_enabled = false; }), finding: false },
  { ...row('OP-AKS-004', ZR, 'azurerm_kubernetes_cluster', set('default_node_pool.auto_scaling_enabled', false)), finding: true },
  { ...row('OP-AKS-005', ZR, 'azurerm_kubernetes_cluster_node_pool', (b) => { b.min_count = '${var.min}'; b.auto_scaling_enabled = false; }), finding: false },
  { ...row('OP-AKS-005', ZR, 'azurerm_kubernetes_cluster_node_pool', (b) => { b.max_count = '${var.max}'; b.auto_scaling_enabled = false; }), finding: false },
  { ...row('OP-AKS-005', ZR, 'azurerm_kubernetes_cluster_node_pool', set('auto_scaling_enabled', false)), finding: true },
  { ...row('OP-AKS-005', ZR, 'azurerm_kubernetes_cluster_node_pool', set('min_count', 1)), finding: true },
  { ...row('OP-AKS-005', ZR, 'azurerm_kubernetes_cluster_node_pool', set('min_count', 2)), finding: false },
  { ...row('OP-AKS-008', ZR, 'azurerm_kubernetes_cluster', set('automatic_upgrade_channel', 'stable')), finding: false },
  { ...row('OP-AKS-009', ZR, 'azurerm_kubernetes_cluster', (b) => { delete b.maintenance_window_node_os; delete b.maintenance_window_auto_upgrade; }), finding: true, message: 'maintenance_window_auto_upgrade and maintenance_window_node_os not set; expected a weekly window for each' },
  { ...row('OP-AKS-010', ZR, 'azurerm_kubernetes_cluster', set('network_profile.network_policy', 'azure')), finding: false },
  { ...row('OP-AKS-010', ZR, 'azurerm_kubernetes_cluster', set('network_profile.network_policy', 'calico')), finding: false },
  // A public API server is accepted when private, limited to ranges, or Entra ID-only.
  { ...row('OP-AKS-013', ZR, 'azurerm_kubernetes_cluster', (b) => { delete b.local_account_disabled; b.private_cluster_enabled = true; }), finding: false },
  { ...row('OP-AKS-013', ZR, 'azurerm_kubernetes_cluster', (b) => { delete b.local_account_disabled; b.api_server_access_profile = { authorized_ip_ranges: ['203.0.113.0/24'] }; }), finding: false },
  { ...row('OP-AKS-013', ZR, 'azurerm_kubernetes_cluster', (b) => { delete b.local_account_disabled; b.api_server_access_profile = { authorized_ip_ranges: [] }; }), finding: true },
  { ...row('OP-AKS-013', ZR, 'azurerm_kubernetes_cluster', set('azure_active_directory_role_based_access_control', undefined)), finding: true },
  { ...row('OP-AKS-014', ZR, 'azurerm_kubernetes_cluster', set('oms_agent', undefined)), finding: true, message: 'oms_agent not set; expected Container Insights with a log_analytics_workspace_id' },
  { ...row('OP-AKS-015', ZR, 'azurerm_kubernetes_cluster', set('oidc_issuer_enabled', false)), finding: true },
  // Every container is judged, and every problem of one is named.
  { ...row('OP-K8S-001', ZR, 'kubernetes_deployment_v1', (b) => { delete container(b).readiness_probe; delete container(b).liveness_probe; }), finding: true, message: '"order-api" has no readiness_probe, "order-api" has no liveness_probe; expected both probes on every container' },
  { ...row('OP-K8S-002', ZR, 'kubernetes_deployment_v1', (b) => { delete container(b).resources.requests; }), finding: true, message: '"order-api" has no requests.cpu, "order-api" has no requests.memory; expected CPU and memory requests and limits' },
  { ...row('OP-K8S-003', ZR, 'kubernetes_deployment_v1', (b) => { container(b).image = 'contoso.azurecr.io:5000/order-api'; second(b, 'busybox'); }), finding: true, message: 'image "contoso.azurecr.io:5000/order-api", "busybox"; expected a version tag or a digest' },
  { ...row('OP-K8S-003', ZR, 'kubernetes_deployment_v1', (b) => { container(b).image = '${var.image}'; second(b, 'contoso.azurecr.io/sidecar@sha256:abc'); }), finding: false },
  { ...row('OP-K8S-003', ZR, 'kubernetes_deployment_v1', (b) => { container(b).image = 42; }), finding: false },
  { ...row('OP-K8S-004', ZR, 'kubernetes_deployment_v1', (b) => { delete sc(b).run_as_non_root; }), finding: false },
  { ...row('OP-K8S-004', ZR, 'kubernetes_deployment_v1', (b) => { delete sc(b).run_as_non_root; b.spec.template.spec.security_context.run_as_non_root = false; }), finding: true, message: '"order-api": run_as_non_root is not true; expected a restricted security context' },
  { ...row('OP-K8S-004', ZR, 'kubernetes_deployment_v1', (b) => { sc(b).run_as_non_root = false; delete b.spec.template.spec.security_context; }), finding: true, message: '"order-api": run_as_non_root is not true; expected a restricted security context' },
  { ...row('OP-K8S-004', ZR, 'kubernetes_deployment_v1', (b) => { second(b, 'contoso.azurecr.io/sidecar:1'); sc(b).read_only_root_filesystem = false; sc(b).privileged = true; sc(b).capabilities.drop = ['NET_RAW']; delete b.spec.template.spec.container[1].security_context.capabilities; }), finding: true,
    message: '"order-api": read_only_root_filesystem is not true, "order-api": privileged is true, "order-api": capabilities.drop lacks "ALL", "sidecar": capabilities.drop lacks "ALL"; expected a restricted security context' },
  { ...row('OP-K8S-004', ZR, 'kubernetes_deployment_v1', (b) => { sc(b).run_as_non_root = true; b.spec.template.spec.security_context.run_as_non_root = false; }), finding: false },
  { ...row('OP-K8S-006', ZR, 'kubernetes_deployment_v1', (b) => { b.spec.replicas = 0; b.spec.strategy.rolling_update.max_unavailable = '1'; }), finding: false },
  // The kubernetes provider's spec.replicas is a string: a drained Deployment carries "0".
  { ...row('OP-K8S-006', ZR, 'kubernetes_deployment_v1', (b) => { b.spec.replicas = '0'; b.spec.strategy.rolling_update.max_unavailable = '1'; }), finding: false },
  { ...row('OP-K8S-006', ZR, 'kubernetes_deployment_v1', (b) => { delete b.spec.replicas; b.spec.strategy.rolling_update.max_unavailable = '1'; }), finding: true },
  { ...row('OP-K8S-006', ZR, 'kubernetes_deployment_v1', set('spec.strategy.rolling_update.max_unavailable', 0)), finding: false },
  { ...row('OP-K8S-006', ZR, 'kubernetes_deployment_v1', set('spec.strategy.rolling_update.max_unavailable', '0%')), finding: false },
  // Data rules: the values each accepts, what they do not judge (expressions, regions without zones or pairs, replicas, secondaries).
  { ...row('OP-SQL-002', ZR, 'azurerm_mssql_server', set('minimum_tls_version', '1.2')), finding: false },
  { ...row('OP-SQL-004', ZR, 'azurerm_mssql_database', (b, e) => { b.zone_redundant = false; for (const [, , x] of e.all('azurerm_mssql_server')) x.location = '${var.location}'; }), finding: false },
  { ...row('OP-SQL-004', ZR, 'azurerm_mssql_database', (b, e) => { b.zone_redundant = false; for (const [, , x] of e.all('azurerm_mssql_server')) x.location = 'northcentralus'; }), finding: false },
  { ...row('OP-SQL-004', ZR, 'azurerm_mssql_database', (b) => { b.zone_redundant = false; b.server_id = '/subscriptions/x/servers/adopted'; }), finding: false },
  ...['Geo', 'GeoZone', 'Zone'].map((v) => ({ ...row('OP-SQL-005', ZR, 'azurerm_mssql_database', set('storage_account_type', v)), finding: false })),
  { ...row('OP-SQL-006', ZR, 'azurerm_mssql_server', (_b, e) => { for (const [, , p] of e.all('azurerm_mssql_server_extended_auditing_policy')) p.log_monitoring_enabled = false; }), finding: true },
  { ...row('OP-SQL-006', ZR, 'azurerm_mssql_server', (_b, e) => { for (const [, , p] of e.all('azurerm_mssql_server_extended_auditing_policy')) p.enabled = false; }), finding: true, message: 'no enabled azurerm_mssql_server_extended_auditing_policy with log monitoring (both default to true) for this server' },
  { ...row('OP-SQL-008', PS, 'azurerm_mssql_failover_group', (_b, e) => { const [a, b] = e.all('azurerm_mssql_server').map(([, , x]) => x); a.location = '${var.location}'; b.location = '${var.location}'; }), finding: false },
  { ...row('OP-SQL-008', PS, 'azurerm_mssql_failover_group', (_b, e) => { for (const [, , x] of e.all('azurerm_mssql_server')) x.location = 'eastus'; }), finding: true, message: 'the server and its failover partner are both in eastus; expected two different regions' },
  { ...row('OP-SQL-009', PS, 'azurerm_mssql_failover_group', (b) => { b.read_write_endpoint_failover_policy.mode = 'Manual'; b.read_write_endpoint_failover_policy.grace_minutes = 30; }), finding: false },
  { ...row('OP-SQL-009', PS, 'azurerm_mssql_failover_group', set('read_write_endpoint_failover_policy.grace_minutes', '${var.grace}')), finding: false },
  { ...row('OP-SQL-009', PS, 'azurerm_mssql_failover_group', set('read_write_endpoint_failover_policy.grace_minutes', 60)), finding: false },
  { ...row('OP-SQL-009', PS, 'azurerm_mssql_failover_group', set('read_write_endpoint_failover_policy.grace_minutes', 59)), finding: true, message: 'read_write_endpoint_failover_policy.grace_minutes is 59 with mode "Automatic"; expected >= 60' },
  { ...row('OP-SQL-010', PS, { type: 'azurerm_mssql_database', pick: (b) => b.create_mode === 'Secondary' }, set('short_term_retention_policy', { retention_days: 1 })), finding: false },
  { ...row('OP-SQL-010', ZR, 'azurerm_mssql_database', set('short_term_retention_policy.retention_days', '${var.days}')), finding: false },
  { ...row('OP-SQL-010', ZR, 'azurerm_mssql_database', set('short_term_retention_policy.retention_days', 7)), finding: false },
  { ...row('OP-SQL-010', ZR, 'azurerm_mssql_database', set('short_term_retention_policy.retention_days', 6)), finding: true },
  { ...row('OP-PG-002', AP, 'azurerm_postgresql_flexible_server', set('authentication.active_directory_auth_enabled', false)), finding: true, message: 'authentication.password_auth_enabled is false and active_directory_auth_enabled false; expected false and true' },
  { ...row('OP-PG-002', AP, 'azurerm_postgresql_flexible_server', set('authentication', undefined)), finding: true },
  { ...row('OP-PG-003', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, (b) => { delete b.high_availability; b.location = 'northcentralus'; }), finding: true, message: 'high_availability.mode is not set in northcentralus; expected "SameZone"' },
  { ...row('OP-PG-003', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, (b) => { b.high_availability = { mode: 'SameZone' }; b.location = 'northcentralus'; }), finding: false },
  { ...row('OP-PG-003', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, (b) => { delete b.high_availability; b.location = '${var.location}'; }), finding: false },
  { ...row('OP-PG-003', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, (b) => { delete b.high_availability; b.location = 'atlantis'; }), finding: false },
  { ...row('OP-PG-003', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode === 'Replica' }, set('high_availability', { mode: 'SameZone' })), finding: false },
  { ...row('OP-PG-003', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, set('high_availability.mode', 'SameZone')), finding: true, message: 'high_availability.mode is "SameZone" in eastus2; expected "ZoneRedundant"' },
  { ...row('OP-PG-005', AP, 'azurerm_postgresql_flexible_server_virtual_endpoint', (_b, e) => { for (const [, , x] of e.all('azurerm_postgresql_flexible_server')) x.location = '${var.location}'; }), finding: false },
  { ...row('OP-PG-005', AP, 'azurerm_postgresql_flexible_server_virtual_endpoint', (_b, e) => { for (const [, , x] of e.all('azurerm_postgresql_flexible_server')) x.location = 42; }), finding: false },
  { ...row('OP-PG-006', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, (b) => { b.geo_redundant_backup_enabled = false; b.location = 'israelcentral'; }), finding: false },
  { ...row('OP-PG-006', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, (b) => { b.geo_redundant_backup_enabled = false; b.location = 'nowhere'; }), finding: false },
  { ...row('OP-PG-006', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode !== 'Replica' }, (b) => { b.geo_redundant_backup_enabled = false; b.location = 42; }), finding: false },
  { ...row('OP-PG-006', AP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.create_mode === 'Replica' }, set('geo_redundant_backup_enabled', false)), finding: false },
  { ...row('OP-COS-002', ZR, 'azurerm_cosmosdb_account', (b) => { b.local_authentication_disabled = false; b.kind = 'GlobalDocumentDB'; }), finding: true },
  { ...row('OP-COS-002', ZR, 'azurerm_cosmosdb_account', (b) => { b.local_authentication_disabled = false; b.kind = 'MongoDB'; }), finding: false },
  { ...row('OP-COS-002', ZR, 'azurerm_cosmosdb_account', (b) => { b.local_authentication_disabled = false; delete b.kind; }), finding: true },
  { ...row('OP-SQL-008', PS, 'azurerm_mssql_failover_group', (b) => { set('partner_server.id', '/subscriptions/0000/servers/adopted')(b); b.server_id = '/subscriptions/0000/servers/adopted-too'; }), finding: false },
  { ...row('OP-PG-005', AP, 'azurerm_postgresql_flexible_server_virtual_endpoint', (b) => { b.source_server_id = '/subscriptions/0000/servers/adopted'; b.replica_server_id = '/subscriptions/0000/servers/adopted-too'; }), finding: false },
  { ...row('OP-COS-003', PS, 'azurerm_cosmosdb_account', (b) => { for (const g of b.geo_location) g.zone_redundant = false; }), finding: true, message: 'geo_location westus3, eastus not zone_redundant; expected zone_redundant = true' },
  { ...row('OP-COS-003', PS, 'azurerm_cosmosdb_account', (b) => { b.geo_location[1].zone_redundant = false; b.geo_location[1].location = 'northcentralus'; }), finding: false },
  { ...row('OP-COS-006', PS, 'azurerm_cosmosdb_account', (b) => { b.automatic_failover_enabled = false; b.multiple_write_locations_enabled = true; }), finding: false },
  { ...row('OP-COS-006', ZR, 'azurerm_cosmosdb_account', set('automatic_failover_enabled', false)), finding: false },
  { ...row('OP-COS-006', PS, 'azurerm_cosmosdb_account', set('automatic_failover_enabled', false)), finding: true, message: 'automatic_failover_enabled is false with 2 regions and one write region; expected true' },
  { ...row('OP-COS-007', PS, 'azurerm_cosmosdb_account', (b) => { b.geo_location.push({ ...b.geo_location[0] }, { ...b.geo_location[0] }); }), finding: true, message: 'geo_location lists ["westus3"] more than once; expected distinct regions' },
  { ...row('OP-COS-008', ZR, 'azurerm_cosmosdb_account', set('minimal_tls_version', undefined)), finding: false },
  // Event bus, Key Vault, storage, monitoring and network rules: accepted values, deprecated spellings, what is not judged.
  { ...row('OP-SB-004', ZR, 'azurerm_servicebus_namespace', set('minimum_tls_version', '1.2')), finding: false },
  { ...row('OP-SB-005', PS, 'azurerm_servicebus_namespace_disaster_recovery_config', (_b, e) => { for (const [, , n] of e.all('azurerm_servicebus_namespace')) n.location = '${var.location}'; }), finding: false },
  { ...row('OP-SB-005', PS, 'azurerm_servicebus_namespace_disaster_recovery_config', (_b, e) => { for (const [, , n] of e.all('azurerm_servicebus_namespace')) n.location = 7; }), finding: false },
  { ...row('OP-SB-005', PS, 'azurerm_servicebus_namespace_disaster_recovery_config', (b, e) => { for (const [, , n] of e.all('azurerm_servicebus_namespace')) n.location = 'eastus'; b.partner_namespace_id = '/subscriptions/0000/namespaces/adopted'; }), finding: false },
  { ...row('OP-SB-005', PS, 'azurerm_servicebus_namespace_disaster_recovery_config', (_b, e) => { for (const [, , n] of e.all('azurerm_servicebus_namespace')) n.location = 'eastus'; }), finding: true, message: 'the primary and partner namespaces are both in eastus; expected two different regions' },
  { ...row('OP-EG-003', AP, 'azurerm_eventgrid_topic', set('identity.type', '')), finding: true },
  { ...row('OP-KV-004', ZR, 'azurerm_key_vault', (b) => { delete b.rbac_authorization_enabled; b.enable_rbac_authorization = true; }), finding: false },
  { ...row('OP-KV-004', ZR, 'azurerm_key_vault', (b) => { delete b.rbac_authorization_enabled; b.enable_rbac_authorization = false; }), finding: true },
  { ...row('OP-KV-004', ZR, 'azurerm_key_vault', (b) => { b.rbac_authorization_enabled = false; b.enable_rbac_authorization = true; }), finding: true },
  { ...row('OP-ST-003', AP, 'azurerm_storage_account', set('min_tls_version', 'TLS1_2')), finding: false },
  ...['ZRS', 'GZRS', 'RAGZRS', '${var.replication}'].map((v) => ({ ...row('OP-ST-005', AP, 'azurerm_storage_account', set('account_replication_type', v)), finding: false })),
  { ...row('OP-ST-005', AP, 'azurerm_storage_account', (b) => { b.account_replication_type = 'LRS'; b.location = 'northcentralus'; }), finding: false },
  { ...row('OP-ST-005', AP, 'azurerm_storage_account', set('account_replication_type', 'GRS')), finding: true, message: 'account_replication_type is "GRS" in centralus, which has availability zones; expected "ZRS", "GZRS" or "RAGZRS"' },
  { ...row('OP-ST-006', AP, 'azurerm_storage_account', set('blob_properties.delete_retention_policy', { days: 0 })), finding: true },
  { ...row('OP-ST-006', AP, 'azurerm_storage_account', set('blob_properties.delete_retention_policy', { days: 1 })), finding: false },
  { ...row('OP-ST-006', AP, 'azurerm_storage_account', set('blob_properties.delete_retention_policy', { days: '${var.days}' })), finding: false },
  { ...row('OP-ST-006', AP, 'azurerm_storage_account', set('blob_properties.delete_retention_policy', {})), finding: false },
  { ...row('OP-ST-006', AP, 'azurerm_storage_account', (b) => { b.blob_properties = {}; }), finding: true, message: 'blob_properties.delete_retention_policy and container_delete_retention_policy not set (or below 1 day); expected a retention in days' },
  { ...row('OP-MON-001', ZR, 'azurerm_log_analytics_workspace', (b) => { delete b.local_authentication_enabled; b.local_authentication_disabled = true; }), finding: false },
  { ...row('OP-MON-001', ZR, 'azurerm_log_analytics_workspace', (b) => { delete b.local_authentication_enabled; b.local_authentication_disabled = false; }), finding: true },
  { ...row('OP-MON-001', ZR, 'azurerm_log_analytics_workspace', (b) => { b.local_authentication_enabled = true; b.local_authentication_disabled = true; }), finding: true },
  { ...row('OP-MON-002', ZR, 'azurerm_application_insights', set('workspace_id', '')), finding: true },
  { ...row('OP-MON-003', ZR, 'azurerm_monitor_action_group', (b) => { b.email_receiver = []; b.sms_receiver = []; b.webhook_receiver = []; b.arm_role_receiver = [{ name: 'owners', role_id: 'x' }]; }), finding: false },
  ...['GatewaySubnet', 'AzureFirewallSubnet', 'AzureFirewallManagementSubnet', 'AzureBastionSubnet', 'RouteServerSubnet'].map((name) => ({ ...row('OP-NET-001', ZR, 'azurerm_subnet', (b, e) => { e.remove('azurerm_subnet_network_security_group_association', refers(e.address)); b.name = name; }), finding: false })),
  { ...row('OP-MON-002', ZR, 'azurerm_application_insights', set('workspace_id', '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/adopted')), finding: false },
  { ...row('OP-NET-002', ZR, 'azurerm_private_endpoint', set('private_dns_zone_group.private_dns_zone_ids', [])), finding: true },
  // Entry rules: what each accepts and the conditions one pair per rule leaves untried.
  // Cross-resource rules: the failover names of each data service, the workloads' selectors, the default-deny shape.
  { ...row('OP-PLT-003', ZR, 'azurerm_mssql_server', (b, e) => { delete b.tags.platform; e.remove('azurerm_private_endpoint', (x) => String(x.name).startsWith('pe-sql')); }), finding: false },
  { ...row('OP-PLT-004', AP, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_WRITE_HOST !== undefined }, set('data.ORDER_DB_WRITE_HOST', 'ordap-psql-eastus2-c96f5a.postgres.database.azure.com')), finding: true,
    message: 'ORDER_DB_WRITE_HOST is the host of azurerm_postgresql_flexible_server.OrderDatabase_eastus2_PostgresqlServer_DB1F1182 ("ordap-psql-eastus2-c96f5a"); expected its failover name "ordap-psqlve-eastus2-c96f5a"' },
  { ...row('OP-PLT-004', PS, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.EVENTS_HOST !== undefined }, set('data.EVENTS_HOST', 'ordps-sbns-westus3-897f48.servicebus.windows.net')), finding: true },
  { ...row('OP-PLT-004', AA, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_CELLS !== undefined }, (b) => {
    const cells = JSON.parse(b.data.ORDER_DB_CELLS);
    cells[1].writeHost = cells[1].writeHost.replace('-sqlfg-', '-sql-');
    b.data.ORDER_DB_CELLS = JSON.stringify(cells);
  }), finding: true, message: 'ORDER_DB_CELLS[1].writeHost is the host of azurerm_mssql_server.OrderDatabase_eastus2_SqlServer_3BA5A33A ("ordaa-sql-eastus2-95958c"); expected its failover name "ordaa-sqlfg-eastus2-95958c"' },
  { ...row('OP-PLT-004', AA, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_CELLS !== undefined }, set('data.ORDER_DB_CELLS', 'ordaa-sql-westus3-33ce84.database.windows.net')), finding: false },
  { ...row('OP-PLT-004', AA, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_CELLS !== undefined }, set('data.ORDER_DB_CELLS', '{"writeHost":"ordaa-sql-westus3-33ce84.database.windows.net"}')), finding: false },
  { ...row('OP-PLT-003', PS, { type: 'azurerm_mssql_server', pick: (b) => b.location === 'westus3' }, (_b, e) => { for (const [st, , x] of e.all('azurerm_private_endpoint')) if (st === 'primary-secondary-eastus' && x.name === 'pe-sql-westus3') x.private_service_connection.private_connection_resource_id = '/subscriptions/0000/elsewhere'; }), finding: true, message: 'no private endpoint from stamp stack(s) primary-secondary-eastus' },
  { ...row('OP-PLT-004', PS, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_WRITE_HOST !== undefined }, set('data.ORDER_DB_WRITE_HOST', 'ordps-sql-westus3-e7f623.database.windows.net')), finding: true },
  { ...row('OP-PLT-004', PS, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_WRITE_HOST !== undefined }, set('data.ORDER_DB_WRITE_HOST', 'ordps-sql-eastus-e76a71.database.windows.net')), finding: true },
  { ...row('OP-PLT-004', PS, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.EVENTS_HOST !== undefined }, set('data.EVENTS_HOST', 'ordps-sbns-eastus-dr-3ac9d0.servicebus.windows.net')), finding: true },
  { ...row('OP-PLT-004', PS, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.EVENTS_HOST !== undefined }, set('data.EVENTS_HOST', 42)), finding: false },
  { ...row('OP-PLT-004', AP, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_WRITE_HOST !== undefined }, set('data.ORDER_DB_WRITE_HOST', 'ordap-psql-centralus-of-eastus2-ec879f.postgres.database.azure.com')), finding: true },
  { ...row('OP-K8S-007', ZR, 'kubernetes_deployment_v1', (_b, e) => { for (const [, , p] of e.all('kubernetes_pod_disruption_budget_v1')) p.spec.selector.match_labels.tier = 'another'; }), finding: true },
  { ...row('OP-K8S-007', ZR, 'kubernetes_deployment_v1', (b) => { delete b.spec.template.metadata.labels; }), finding: true },
  { ...row('OP-K8S-007', ZR, 'kubernetes_deployment_v1', (_b, e) => { for (const [, , p] of e.all('kubernetes_pod_disruption_budget_v1')) p.spec.selector.match_labels = { app: 'another' }; }), finding: true },
  { ...row('OP-K8S-007', ZR, 'kubernetes_deployment_v1', (_b, e) => { for (const [, , p] of e.all('kubernetes_pod_disruption_budget_v1')) delete p.spec.selector; }), finding: true, message: 'no kubernetes_pod_disruption_budget_v1 selects its pods' },
  { ...row('OP-K8S-008', ZR, 'kubernetes_deployment_v1', (b, e) => { e.remove('kubernetes_horizontal_pod_autoscaler_v2', refers(e.address)); b.spec.replicas = 0; }), finding: false },
  { ...row('OP-K8S-008', ZR, 'kubernetes_deployment_v1', (b, e) => { e.remove('kubernetes_horizontal_pod_autoscaler_v2', refers(e.address)); b.spec.replicas = '0'; }), finding: false },
  // Neither the minimum nor the maximum fits: both scenarios are named.
  { ...row('OP-PLT-005', ZR, 'kubernetes_deployment_v1', (_b, e) => { for (const [, , h] of e.all('kubernetes_horizontal_pod_autoscaler_v2')) { h.spec.min_replicas = 400; h.spec.max_replicas = 400; } }), finding: true,
    message: 'the workloads of zone-redundant-westus3-apps do not fit on azurerm_kubernetes_cluster.Stamp_Cluster_6B91003B (zone-redundant-westus3): minimum: order-api: every matching pool is at its maximum and no node has room (zone spread: 1=20, 2=19, 3=20); tracking-api: every matching pool is at its maximum and no node has room (zone spread: 1=20, 2=20, 3=19) | maximum: order-api: every matching pool is at its maximum and no node has room (zone spread: 1=20, 2=19, 3=20); tracking-api: every matching pool is at its maximum and no node has room (zone spread: 1=20, 2=20, 3=19)' },
  // The finding is on the first Deployment of the apps stack that does not fit, not on another stack's (eastus-apps comes first).
  { ...row('OP-PLT-005', PS, { type: 'kubernetes_deployment_v1', pick: (b) => b['//'].metadata.path === 'primary-secondary-westus3-apps/Workloads/OrderDeploymentB' }, (_b, e) => { for (const [stack, , m] of e.all('kubernetes_manifest')) if (stack === 'primary-secondary-westus3-apps' && m.manifest.kind === 'ScaledObject') m.manifest.spec.maxReplicaCount = 400; }), finding: true },
  { ...row('OP-PLT-005', ZR, 'kubernetes_deployment_v1', (_b, e) => { for (const [, , h] of e.all('kubernetes_horizontal_pod_autoscaler_v2')) h.spec.max_replicas = 400; }), finding: true,
    message: 'the workloads of zone-redundant-westus3-apps do not fit on azurerm_kubernetes_cluster.Stamp_Cluster_6B91003B (zone-redundant-westus3): maximum: order-api: every matching pool is at its maximum and no node has room (zone spread: 1=20, 2=19, 3=20); tracking-api: every matching pool is at its maximum and no node has room (zone spread: 1=20, 2=20, 3=19)' },
  { ...row('OP-K8S-008', ZR, 'kubernetes_deployment_v1', (b, e) => { e.remove('kubernetes_horizontal_pod_autoscaler_v2', refers(e.address)); b.spec.template.metadata.labels.track = 'canary'; }), finding: false },
  { ...row('OP-K8S-008', ZR, 'kubernetes_deployment_v1', (b, e) => { e.remove('kubernetes_horizontal_pod_autoscaler_v2', refers(e.address)); b.spec.template.metadata.labels.track = 'stable'; }), finding: true, message: 'no kubernetes_horizontal_pod_autoscaler_v2 targets a Deployment of app "order-api"' },
  ...[
    (spec: Loose) => { spec.pod_selector = { match_labels: { app: 'order-api' } }; },
    (spec: Loose) => { spec.policy_types = ['Ingress']; },
    (spec: Loose) => { spec.policy_types = ['Egress']; },
    (spec: Loose) => { spec.ingress = [{}]; },
    (spec: Loose) => { spec.egress = [{}]; },
  ].map((edit) => ({ ...row('OP-K8S-009', ZR, 'kubernetes_namespace_v1', (_b, e) => { for (const [, , p] of e.all('kubernetes_network_policy_v1')) if (p.metadata.name === 'default-deny') edit(p.spec); }), finding: true })),
  { ...row('OP-K8S-010', ZR, { type: 'kubernetes_network_policy_v1', pick: (b) => Array.isArray(b.spec.egress) }, (b) => { b.spec.egress.push({}, { to: [{ ip_block: { cidr: '0.0.0.0/0' } }] }); }), finding: true, message: '2 egress rule(s) to the internet without ports; expected each bound to its ports' },
  { ...row('OP-AFD-001', PS, 'azurerm_cdn_frontdoor_profile', (b, e) => { b.sku_name = 'Standard_AzureFrontDoor'; for (const [, , g] of e.all('azurerm_cdn_frontdoor_origin_group')) g.cdn_frontdoor_profile_id = '/subscriptions/0000/profiles/another'; }), finding: false },
  { ...row('OP-AFD-002', PS, 'azurerm_cdn_frontdoor_firewall_policy', set('mode', 'Detection')), finding: true },
  // regionPinned: a cell's service is used by its own cell's stamp only, and that stamp's missing endpoint is named.
  { ...row('OP-PLT-003', RP, { type: 'azurerm_postgresql_flexible_server', pick: (b) => b.location === 'westeurope' }, (_b, e) => { e.remove('azurerm_private_endpoint', (x) => x.name === 'pe-psql-westeurope'); }), finding: true, message: 'no private endpoint from stamp stack(s) region-pinned-westeurope' },
  // Two stamps without an endpoint: both named.
  { ...row('OP-PLT-003', PS, { type: 'azurerm_mssql_server', pick: (b) => b.location === 'westus3' }, (_b, e) => { e.remove('azurerm_private_endpoint', (x) => x.name === 'pe-sql-westus3'); }), finding: true, message: 'no private endpoint from stamp stack(s) primary-secondary-eastus, primary-secondary-westus3' },
  // A service without a platform tag belongs to no platform, even where the clusters carry none either.
  { ...row('OP-PLT-003', ZR, 'azurerm_mssql_server', (b, e) => { delete b.tags.platform; for (const [, , c] of e.all('azurerm_kubernetes_cluster')) delete c.tags.platform; e.remove('azurerm_private_endpoint', (x) => String(x.name).startsWith('pe-sql')); }), finding: false },
  // ORDER_DB_CELLS entries that are not objects are skipped; a later cell's server host is still found.
  { ...row('OP-PLT-004', AA, { type: 'kubernetes_config_map_v1', pick: (b) => b.data.ORDER_DB_CELLS !== undefined }, set('data.ORDER_DB_CELLS', '[null, {"writeHost":"ordaa-sql-westus3-33ce84.database.windows.net"}]')), finding: true },
  // A pod disruption budget covers the Deployments of its own apps stack only (another region's has the same labels).
  { ...row('OP-K8S-007', PS, 'kubernetes_deployment_v1', (b, e) => {
    const stack = e.all('kubernetes_deployment_v1').find(([, , d]) => d === b)![0];
    e.remove('kubernetes_pod_disruption_budget_v1', (p) => e.all('kubernetes_pod_disruption_budget_v1').some(([st, , x]) => x === p && st === stack));
  }), finding: true },
  // A blue-green release pins both colours' sizes: no HPA is expected for either.
  ...['blue', 'green'].map((track) => ({ ...row('OP-K8S-008', ZR, 'kubernetes_deployment_v1', (b, e) => { e.remove('kubernetes_horizontal_pod_autoscaler_v2', refers(e.address)); b.spec.template.metadata.labels.track = track; }), finding: false })),
  // One egress rule to a private range and to the internet, without ports: open.
  { ...row('OP-K8S-010', ZR, { type: 'kubernetes_network_policy_v1', pick: (b) => Array.isArray(b.spec.egress) }, (b) => { b.spec.egress.push({ to: [{ ip_block: { cidr: '10.0.0.0/8' } }, { ip_block: { cidr: '0.0.0.0/0' } }] }); }), finding: true, message: '1 egress rule(s) to the internet without ports; expected each bound to its ports' },
  { ...row('OP-AFD-003', PS, 'azurerm_cdn_frontdoor_firewall_policy', (b) => { for (const m of b.managed_rule) m.type = 'DefaultRuleSetPreview'; }), finding: true },
  { ...row('OP-AFD-004', PS, 'azurerm_cdn_frontdoor_firewall_policy', (b) => { for (const c of b.custom_rule) c.enabled = false; }), finding: true },
  { ...row('OP-AFD-005', PS, 'azurerm_cdn_frontdoor_endpoint', (_b, e) => { for (const [, , p] of e.all('azurerm_cdn_frontdoor_security_policy')) p.security_policies.firewall.association.domain.push({ cdn_frontdoor_domain_id: '/subscriptions/0000/domains/elsewhere' }); }), finding: false },
  { ...row('OP-AFD-006', PS, 'azurerm_cdn_frontdoor_route', (_b, e) => { for (const [, , r] of e.all('azurerm_cdn_frontdoor_route')) { r.https_redirect_enabled = false; delete r.supported_protocols; } }), finding: false },
  { ...row('OP-AFD-006', PS, 'azurerm_cdn_frontdoor_route', set('forwarding_protocol', 'MatchRequest')), finding: true },
  { ...row('OP-AFD-007', PS, 'azurerm_cdn_frontdoor_origin_group', set('health_probe.protocol', 'Http')), finding: true },
  { ...row('OP-AFD-007', PS, 'azurerm_cdn_frontdoor_origin_group', set('health_probe.path', 42)), finding: true },
  { ...row('OP-AFD-009', AA, 'azurerm_cdn_frontdoor_origin_group', (_b, e) => { for (const [, , o] of e.all('azurerm_cdn_frontdoor_origin')) if (refers(e.address)(o) && !JSON.stringify(o).includes('westus3')) o.enabled = false; }), finding: true, message: '1 enabled origin(s) in 1 region(s) under pattern activeActive; expected at least two regions' },
  { ...row('OP-TM-001', trafficManager, 'azurerm_traffic_manager_profile', set('monitor_config.protocol', 'HTTP')), finding: true },
  { ...row('OP-TM-001', trafficManager, 'azurerm_traffic_manager_profile', set('monitor_config.path', 42)), finding: true },
  { ...row('OP-TM-001', trafficManager, 'azurerm_traffic_manager_profile', set('monitor_config.path', undefined)), finding: true },
  { ...row('OP-TM-002', trafficManager, 'azurerm_traffic_manager_profile', set('dns_config.ttl', '${var.ttl}')), finding: false },
  { ...row('OP-APIM-001', apiManagement, 'azurerm_api_management', (b) => { delete b.zones; for (const l of b.additional_location) delete l.zones; }), finding: true, message: 'no zones in westus3, eastus, which have availability zones; expected zones ["1","2","3"]' },
  { ...row('OP-APIM-001', apiManagement, 'azurerm_api_management', set('sku_name', '${var.sku}')), finding: false },
  { ...row('OP-APIM-002', apiManagement, 'azurerm_api_management', set('security', { frontend_tls10_enabled: false, backend_tls11_enabled: false })), finding: false },
  { ...row('OP-AFD-001', PS, 'azurerm_cdn_frontdoor_profile', (b, e) => { b.sku_name = 'Standard_AzureFrontDoor'; for (const [, , o] of e.all('azurerm_cdn_frontdoor_origin')) delete o.private_link; }), finding: false },
  { ...row('OP-AFD-002', PS, 'azurerm_cdn_frontdoor_firewall_policy', set('enabled', false)), finding: true },
  { ...row('OP-AFD-003', PS, 'azurerm_cdn_frontdoor_firewall_policy', (b) => { for (const m of b.managed_rule) m.action = 'Log'; }), finding: true },
  { ...row('OP-AFD-004', PS, 'azurerm_cdn_frontdoor_firewall_policy', (b) => { for (const c of b.custom_rule) c.action = 'Log'; }), finding: true },
  { ...row('OP-AFD-004', PS, 'azurerm_cdn_frontdoor_firewall_policy', (b) => { for (const c of b.custom_rule) c.type = 'MatchRule'; }), finding: true },
  { ...row('OP-AFD-005', PS, 'azurerm_cdn_frontdoor_endpoint', (_b, e) => { for (const [, , p] of e.all('azurerm_cdn_frontdoor_security_policy')) delete p.security_policies.firewall.cdn_frontdoor_firewall_policy_id; }), finding: true },
  { ...row('OP-AFD-006', PS, 'azurerm_cdn_frontdoor_route', (b) => { b.https_redirect_enabled = false; b.supported_protocols = ['Http', 'Https']; }), finding: true },
  { ...row('OP-AFD-006', PS, 'azurerm_cdn_frontdoor_route', (_b, e) => { for (const [, , r] of e.all('azurerm_cdn_frontdoor_route')) { r.https_redirect_enabled = false; r.supported_protocols = ['Https']; } }), finding: false },
  { ...row('OP-AFD-007', PS, 'azurerm_cdn_frontdoor_origin_group', set('health_probe', undefined)), finding: true, message: 'health_probe not set; expected an HTTPS probe of the readiness path' },
  { ...row('OP-AFD-007', PS, 'azurerm_cdn_frontdoor_origin_group', set('health_probe.path', '/')), finding: true },
  { ...row('OP-AFD-009', ZR, 'azurerm_cdn_frontdoor_origin_group', (_b, e) => { for (const [, , o] of e.all('azurerm_cdn_frontdoor_origin')) o.enabled = false; }), finding: false },
  { ...row('OP-AFD-009', AP, 'azurerm_cdn_frontdoor_origin_group', (_b, e) => { for (const [, , o] of e.all('azurerm_cdn_frontdoor_origin')) if (refers(e.address)(o) && JSON.stringify(o).includes('centralus')) o.enabled = false; }), finding: true },
  // Private Link origins in two regions may carry the same private host name: their regions are told apart by private_link.location.
  { ...row('OP-AFD-009', PS, 'azurerm_cdn_frontdoor_origin_group', (_b, e) => { for (const [, , o] of e.all('azurerm_cdn_frontdoor_origin')) if (refers(e.address)(o)) o.host_name = '10.1.0.4'; }), finding: false },
  // Public origins (no Private Link) are told apart by their host names.
  { ...row('OP-AFD-009', PS, 'azurerm_cdn_frontdoor_origin_group', (_b, e) => { for (const [, , o] of e.all('azurerm_cdn_frontdoor_origin')) if (refers(e.address)(o)) delete o.private_link; }), finding: false },
  { ...row('OP-TM-001', trafficManager, 'azurerm_traffic_manager_profile', set('monitor_config.path', '/')), finding: true },
  { ...row('OP-TM-002', trafficManager, 'azurerm_traffic_manager_profile', set('dns_config.ttl', 60)), finding: false },
  { ...row('OP-TM-002', trafficManager, 'azurerm_traffic_manager_profile', set('dns_config.ttl', 61)), finding: true },
  { ...row('OP-APIM-001', apiManagement, 'azurerm_api_management', set('sku_name', 'Developer_1')), finding: true, message: 'sku_name is "Developer_1"; expected Premium (the only tier with zones and multiple regions)' },
  { ...row('OP-APIM-001', apiManagement, 'azurerm_api_management', set('sku_name', 42)), finding: false },
  { ...row('OP-APIM-001', apiManagement, 'azurerm_api_management', (b) => { b.zones = ['1', '2']; for (const l of b.additional_location) l.zones = ['1', '2']; }), finding: false },
  { ...row('OP-APIM-001', apiManagement, 'azurerm_api_management', set('zones', ['1'])), finding: true },
  { ...row('OP-APIM-002', apiManagement, 'azurerm_api_management', set('security', { tls_rsa_with_aes128_cbc_sha_ciphers_enabled: true, backend_tls11_enabled: false })), finding: false },
  { ...row('OP-APIM-003', apiManagement, 'azurerm_api_management', set('min_api_version', 20210801)), finding: true },
];

describe('the rule pack: more ways to break a rule, and changes it accepts', () => {
  test.each(MORE.map((r, i) => [`${r.id} #${i}`, r] as const))('%s', (_label, r) => {
    const { stacks, stack, address, body } = prepare(r);
    r.mutate(body, editor(stacks, address));
    const found = checkSynthesized(stacks).findings.filter((f) => f.ruleId === r.id);
    const findings = found.map((f) => `${f.stack}/${f.address}`);
    if (r.finding) expect(findings).toContain(`${stack}/${address}`);
    else expect(findings).toEqual([]);
    if (r.message) expect(found.find((f) => `${f.stack}/${f.address}` === `${stack}/${address}`)!.message).toBe(r.message);
  });

  test('two findings at once are both named: API Management with TLS 1.1 to the back ends and SSL 3.0 at the front', () => {
    const r = row('OP-APIM-002', apiManagement, 'azurerm_api_management', set('security', { backend_tls11_enabled: true, frontend_ssl30_enabled: true, frontend_tls10_enabled: false }));
    const { stacks, address, body } = prepare(r);
    r.mutate(body, editor(stacks, address));
    expect(checkSynthesized(stacks).findings.find((f) => f.ruleId === 'OP-APIM-002')!.message).toBe('security.backend_tls11_enabled, security.frontend_ssl30_enabled true; expected TLS 1.0, TLS 1.1 and SSL 3.0 off');
  });
});
