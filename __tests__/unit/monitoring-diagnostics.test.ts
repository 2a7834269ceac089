import { addDiagnostics, addSqlServerAuditDiagnostics, BLOB_SERVICE_DIAGNOSTICS, diagnose, DIAGNOSTIC_SUPPORT, MANAGED_REDIS_DATABASE_DIAGNOSTICS } from '../../lib/monitoring/diagnostics';
import { only, synthStack, testStack } from '../support/synth';

/** lib/monitoring/diagnostics.ts: each test synthesizes one small stack. */

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers';
const TARGET = `${SUB}/Microsoft.KeyVault/vaults/kv`;
const WORKSPACE = `${SUB}/Microsoft.OperationalInsights/workspaces/log`;

/** The one diagnostic setting `build` adds to a fresh stack, synthesized. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setting(build: (stack: ReturnType<typeof testStack>) => void): any {
  const stack = testStack();
  build(stack);
  return only(synthStack(stack), 'azurerm_monitor_diagnostic_setting');
}

describe('addDiagnostics', () => {
  test('a setting named to-log-analytics: allLogs by default, the type\'s metric categories, into AzureDiagnostics unless the type has resource-specific tables', () => {
    const stack = testStack();
    const made = addDiagnostics(stack, 'Diagnostics', { support: DIAGNOSTIC_SUPPORT.azurerm_key_vault, targetResourceId: TARGET, workspaceId: WORKSPACE });
    expect(made.node.path).toBe('test/Diagnostics');
    expect(only(synthStack(stack), 'azurerm_monitor_diagnostic_setting')).toEqual({
      name: 'to-log-analytics', target_resource_id: TARGET, log_analytics_workspace_id: WORKSPACE,
      enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('audit: the audit group where the type has one; named categories where it has none usable; allLogs where its logs are all small', () => {
    expect(setting((s) => addDiagnostics(s, 'D', { support: DIAGNOSTIC_SUPPORT.azurerm_key_vault, targetResourceId: TARGET, workspaceId: WORKSPACE, logs: 'audit' })).enabled_log).toEqual([{ category_group: 'audit' }]);
    const aks = setting((s) => addDiagnostics(s, 'D', { support: DIAGNOSTIC_SUPPORT.azurerm_kubernetes_cluster, targetResourceId: TARGET, workspaceId: WORKSPACE, logs: 'audit' }));
    expect([aks.enabled_log, aks.log_analytics_destination_type]).toEqual([[{ category: 'kube-audit-admin' }, { category: 'guard' }, { category: 'cluster-autoscaler' }], 'Dedicated']);
    expect(setting((s) => addDiagnostics(s, 'D', { support: DIAGNOSTIC_SUPPORT.azurerm_network_security_group, targetResourceId: TARGET, workspaceId: WORKSPACE, logs: 'audit' })).enabled_log).toEqual([{ category_group: 'allLogs' }]);
  });

  test('types without metrics send none; a type without logs sends metrics only; the blob service is a sub-resource', () => {
    const nsg = setting((s) => addDiagnostics(s, 'D', { support: DIAGNOSTIC_SUPPORT.azurerm_network_security_group, targetResourceId: TARGET, workspaceId: WORKSPACE }));
    expect(nsg.enabled_metric).toEqual([]);
    const account = setting((s) => addDiagnostics(s, 'D', { support: DIAGNOSTIC_SUPPORT.azurerm_storage_account, targetResourceId: TARGET, workspaceId: WORKSPACE }));
    expect([account.enabled_log, account.enabled_metric]).toEqual([[], [{ category: 'Transaction' }]]);
    const blob = setting((s) => addDiagnostics(s, 'D', { support: BLOB_SERVICE_DIAGNOSTICS, targetResourceId: TARGET, workspaceId: WORKSPACE }));
    expect([blob.target_resource_id, blob.enabled_log, blob.enabled_metric]).toEqual([`${TARGET}/blobServices/default`, [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }], [{ category: 'Transaction' }]]);
    const sql = setting((s) => addDiagnostics(s, 'D', { support: DIAGNOSTIC_SUPPORT.azurerm_mssql_database, targetResourceId: TARGET, workspaceId: WORKSPACE }));
    expect(sql.enabled_metric).toEqual([{ category: 'Basic' }, { category: 'InstanceAndAppAdvanced' }, { category: 'WorkloadManagement' }]);
  });

  test('what each type sends: the metric categories Azure names for it (AllMetrics unless documented otherwise), resource-specific tables for AKS and Cosmos DB', () => {
    const table = Object.fromEntries(Object.entries(DIAGNOSTIC_SUPPORT).map(([type, d]) => [type, [d.azureType, d.metrics ?? [], d.dedicated ?? false, d.logs?.audit]]));
    const all = ['AllMetrics'];
    const audit = { categoryGroups: ['audit'] };
    const allLogs = { categoryGroups: ['allLogs'] };
    expect(table).toEqual({
      azurerm_kubernetes_cluster: ['Microsoft.ContainerService/managedClusters', all, true, { categories: ['kube-audit-admin', 'guard', 'cluster-autoscaler'] }],
      azurerm_key_vault: ['Microsoft.KeyVault/vaults', all, false, audit],
      azurerm_mssql_database: ['Microsoft.Sql/servers/databases', ['Basic', 'InstanceAndAppAdvanced', 'WorkloadManagement'], false, audit],
      azurerm_postgresql_flexible_server: ['Microsoft.DBforPostgreSQL/flexibleServers', all, false, audit],
      azurerm_cosmosdb_account: ['Microsoft.DocumentDB/databaseAccounts', ['Requests'], true, audit],
      azurerm_servicebus_namespace: ['Microsoft.ServiceBus/namespaces', all, false, audit],
      azurerm_eventhub_namespace: ['Microsoft.EventHub/namespaces', all, false, audit],
      azurerm_eventgrid_topic: ['Microsoft.EventGrid/topics', all, false, audit],
      azurerm_cdn_frontdoor_profile: ['Microsoft.Cdn/profiles', all, false, audit],
      azurerm_traffic_manager_profile: ['Microsoft.Network/trafficManagerProfiles', all, false, allLogs],
      azurerm_api_management: ['Microsoft.ApiManagement/service', all, false, audit],
      azurerm_network_security_group: ['Microsoft.Network/networkSecurityGroups', [], false, allLogs],
      azurerm_virtual_network: ['Microsoft.Network/virtualNetworks', all, false, allLogs],
      azurerm_log_analytics_workspace: ['Microsoft.OperationalInsights/workspaces', all, false, audit],
      azurerm_monitor_data_collection_rule: ['Microsoft.Insights/dataCollectionRules', all, false, allLogs],
      azurerm_storage_account: ['Microsoft.Storage/storageAccounts', ['Transaction'], false, undefined],
      // Metrics only: Managed Redis's connection logs are on its database (below).
      azurerm_managed_redis: ['Microsoft.Cache/redisEnterprise', all, false, undefined],
    });
    expect(MANAGED_REDIS_DATABASE_DIAGNOSTICS).toEqual({ azureType: 'Microsoft.Cache/redisEnterprise/databases', logs: { allLogs, audit }, subresource: '/databases/default' });
    expect(BLOB_SERVICE_DIAGNOSTICS).toEqual({
      azureType: 'Microsoft.Storage/storageAccounts/blobServices',
      logs: { allLogs: { categories: ['StorageRead', 'StorageWrite', 'StorageDelete'] }, audit: { categories: ['StorageRead', 'StorageWrite', 'StorageDelete'] } },
      metrics: ['Transaction'], subresource: '/blobServices/default',
    });
  });

  test('every supported type has logs or metrics, and an Azure type', () => {
    for (const [type, support] of Object.entries(DIAGNOSTIC_SUPPORT)) {
      expect([type, Boolean(support.logs) || (support.metrics ?? []).length > 0, /^Microsoft\.[A-Za-z]+\/[A-Za-z/]+$/.test(support.azureType)]).toEqual([type, true, true]);
    }
  });
});

describe('diagnose', () => {
  test('the type\'s support entry, to the sink\'s workspace, at the sink\'s level (allLogs when it has none)', () => {
    const audit = setting((s) => diagnose(s, 'D', 'azurerm_servicebus_namespace', TARGET, { workspaceId: WORKSPACE, diagnosticLogs: 'audit' }));
    expect([audit.log_analytics_workspace_id, audit.enabled_log, audit.enabled_metric]).toEqual([WORKSPACE, [{ category_group: 'audit' }], [{ category: 'AllMetrics' }]]);
    expect(setting((s) => diagnose(s, 'D', 'azurerm_servicebus_namespace', TARGET, { workspaceId: WORKSPACE })).enabled_log).toEqual([{ category_group: 'allLogs' }]);
    expect(() => diagnose(testStack(), 'D', 'azurerm_nothing', TARGET, { workspaceId: WORKSPACE })).toThrow('internal: no diagnostics support entry for azurerm_nothing');
  });

  test('the SQL server\'s audit log goes through its master database', () => {
    expect(setting((s) => addSqlServerAuditDiagnostics(s, 'D', `${SUB}/Microsoft.Sql/servers/sql`, WORKSPACE))).toEqual({
      name: 'to-log-analytics', target_resource_id: `${SUB}/Microsoft.Sql/servers/sql/databases/master`, log_analytics_workspace_id: WORKSPACE, enabled_log: [{ category: 'SQLSecurityAuditEvents' }],
    });
  });
});
