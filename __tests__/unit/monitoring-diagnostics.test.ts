import { addDiagnostics } from '../../lib/monitoring/diagnostics';
import { only, synthStack, testStack } from '../support/synth';

/** lib/monitoring/diagnostics.ts: each test synthesizes one small stack. */

const TARGET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv';
const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log';

describe('addDiagnostics', () => {
  test('a setting named to-log-analytics with the categories, then the category groups, into AzureDiagnostics by default', () => {
    const stack = testStack();
    const setting = addDiagnostics(stack, 'Diagnostics', { targetResourceId: TARGET, workspaceId: WORKSPACE, categories: ['AuditEvent', 'AzurePolicyEvaluationDetails'], categoryGroups: ['audit'] });
    expect(setting.node.path).toBe('test/Diagnostics');
    expect(only(synthStack(stack), 'azurerm_monitor_diagnostic_setting')).toEqual({
      name: 'to-log-analytics',
      target_resource_id: TARGET,
      log_analytics_workspace_id: WORKSPACE,
      enabled_log: [{ category: 'AuditEvent' }, { category: 'AzurePolicyEvaluationDetails' }, { category_group: 'audit' }],
    });
  });

  test('dedicated: resource-specific tables; category groups alone', () => {
    const stack = testStack();
    addDiagnostics(stack, 'Diagnostics', { targetResourceId: TARGET, workspaceId: WORKSPACE, categoryGroups: ['allLogs'], dedicated: true });
    const setting = only(synthStack(stack), 'azurerm_monitor_diagnostic_setting');
    expect(setting.log_analytics_destination_type).toBe('Dedicated');
    expect(setting.enabled_log).toEqual([{ category_group: 'allLogs' }]);
  });

  test('categories alone; dedicated false is AzureDiagnostics', () => {
    const stack = testStack();
    addDiagnostics(stack, 'Diagnostics', { targetResourceId: TARGET, workspaceId: WORKSPACE, categories: ['kube-audit-admin'], dedicated: false });
    const setting = only(synthStack(stack), 'azurerm_monitor_diagnostic_setting');
    expect(setting.log_analytics_destination_type).toBeUndefined();
    expect(setting.enabled_log).toEqual([{ category: 'kube-audit-admin' }]);
  });
});
