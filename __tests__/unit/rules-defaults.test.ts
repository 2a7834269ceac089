import { checkSynthesized } from '../../lib/rules/rule-pack';
import { JsonObject } from '../../lib/rules/synthesized';

// Rules follow the provider's defaults: an unset attribute whose default complies is not a finding, and a rule about
// availability zones judges only regions that have them (azurerm v4.55.0 schemas, cited in each rule).

const ruleIds = (resource: { [type: string]: { [name: string]: JsonObject } }): string[] => [...new Set(checkSynthesized([{ name: 's', json: { resource } }]).findings.map((f) => f.ruleId))].sort();

describe('unset attributes with compliant provider defaults', () => {
  test.each<[string, string, JsonObject, string[]]>([
    ['SQL server without minimum_tls_version (default 1.2)', 'azurerm_mssql_server', { name: 's', location: 'westus3', public_network_access_enabled: false, azuread_administrator: { azuread_authentication_only: true } }, ['OP-SQL-002']],
    ['Service Bus namespace without minimum_tls_version (default 1.2)', 'azurerm_servicebus_namespace', { name: 'n', sku: 'Premium', local_auth_enabled: false, public_network_access_enabled: false }, ['OP-SB-004']],
    ['storage account without min_tls_version (default TLS1_2)', 'azurerm_storage_account', { name: 'st', location: 'westus3', account_replication_type: 'ZRS', shared_access_key_enabled: false, allow_nested_items_to_be_public: false, network_rules: { default_action: 'Deny' } }, ['OP-ST-003']],
    ['SQL database without storage_account_type (default Geo) or retention block (7 days)', 'azurerm_mssql_database', { name: 'd', zone_redundant: true }, ['OP-SQL-005', 'OP-SQL-010']],
    ['blob retention blocks without days (default 7)', 'azurerm_storage_account', { name: 'st', blob_properties: { delete_retention_policy: {}, container_delete_retention_policy: {} } }, ['OP-ST-006']],
    ['a cluster without the secrets provider', 'azurerm_kubernetes_cluster', { name: 'aks', location: 'westus3' }, ['OP-AKS-016']],
    ['a workspace with the deprecated local_authentication_disabled', 'azurerm_log_analytics_workspace', { name: 'log', local_authentication_disabled: true }, ['OP-MON-001']],
    ['a vault with the deprecated enable_rbac_authorization', 'azurerm_key_vault', { name: 'kv', enable_rbac_authorization: true }, ['OP-KV-004']],
    ['a Cosmos DB account of another API (MongoDB)', 'azurerm_cosmosdb_account', { name: 'c', kind: 'MongoDB' }, ['OP-COS-002']],
    ['an action group that notifies an ARM role', 'azurerm_monitor_action_group', { name: 'ag', arm_role_receiver: [{ name: 'owners', role_id: 'x' }] }, ['OP-MON-003']],
  ])('%s passes', (_label, type, body, rules) => {
    const found = ruleIds({ [type]: { R: body } });
    for (const rule of rules) expect(found).not.toContain(rule);
  });

  test.each<[string, string, JsonObject, string]>([
    ['an explicit TLS 1.0', 'azurerm_mssql_server', { name: 's', minimum_tls_version: '1.0' }, 'OP-SQL-002'],
    ['an explicit 1-day retention', 'azurerm_mssql_database', { name: 'd', short_term_retention_policy: { retention_days: 1 } }, 'OP-SQL-010'],
    ['a blob retention of 0 days', 'azurerm_storage_account', { name: 'st', blob_properties: { delete_retention_policy: { days: 0 }, container_delete_retention_policy: {} } }, 'OP-ST-006'],
    ['a disabled rate-limit rule', 'azurerm_cdn_frontdoor_firewall_policy', { name: 'w', mode: 'Prevention', custom_rule: [{ type: 'RateLimitRule', action: 'Block', enabled: false }] }, 'OP-AFD-004'],
    ['the rapid upgrade channel', 'azurerm_kubernetes_cluster', { name: 'aks', automatic_upgrade_channel: 'rapid' }, 'OP-AKS-008'],
    ['an auditing policy that is disabled', 'azurerm_mssql_server', { name: 's' }, 'OP-SQL-006'],
    ['IPv6 egress to anywhere without ports', 'kubernetes_network_policy_v1', { spec: { egress: [{ to: [{ ip_block: { cidr: '::/0' } }] }] } }, 'OP-K8S-010'],
  ])('%s is still a finding', (_label, type, body, rule) => {
    const extra: { [type: string]: { [name: string]: JsonObject } } = rule === 'OP-SQL-006' ? { azurerm_mssql_server_extended_auditing_policy: { A: { server_id: '${azurerm_mssql_server.R.id}', enabled: false } } } : {};
    expect(ruleIds({ [type]: { R: body }, ...extra })).toContain(rule);
  });
});

describe('zone rules judge only regions with zones', () => {
  test('LRS storage in a region without zones (westus) passes OP-ST-005; in westus3 it does not', () => {
    expect(ruleIds({ azurerm_storage_account: { R: { name: 'st', location: 'westus', account_replication_type: 'LRS' } } })).not.toContain('OP-ST-005');
    expect(ruleIds({ azurerm_storage_account: { R: { name: 'st', location: 'westus3', account_replication_type: 'LRS' } } })).toContain('OP-ST-005');
  });
});
