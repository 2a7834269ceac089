import { TerraformOutput } from 'cdktf';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { pathHash } from '../../lib/core/naming';
import { ValidationError } from '../../lib/core/errors';
import { RegionalMonitoring, RegionalMonitoringProps } from '../../lib/monitoring/regional-monitoring';
import { only, synthStack, testStack } from '../support/synth';

/** lib/monitoring/regional-monitoring.ts: each test builds (and at most synthesizes) one small stack. */

const PROPS: RegionalMonitoringProps = { prefix: 'shop', region: 'westus3', resourceGroupName: 'rg-monitoring' };
const HASH = pathHash('test/Monitoring');

/** [construct path, prop, value, problem, fix] of every violation the props raise. */
function violations(props: Partial<Record<keyof RegionalMonitoringProps, unknown>> & Record<string, unknown>): unknown[][] {
  try {
    new RegionalMonitoring(testStack(), 'Monitoring', { ...PROPS, ...props } as RegionalMonitoringProps);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.constructPath, v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

describe('RegionalMonitoring', () => {
  test('defaults: a PerGB2018 workspace kept 30 days, Entra ID only, protected from destroy; workspace-based web Application Insights', () => {
    const stack = testStack();
    const monitoring = new RegionalMonitoring(stack, 'Monitoring', PROPS);
    new TerraformOutput(stack, 'workspaceId', { value: monitoring.workspaceId });
    new TerraformOutput(stack, 'connectionString', { value: monitoring.appInsightsConnectionString, sensitive: true });
    const json = synthStack(stack);
    const workspace = only(json, 'azurerm_log_analytics_workspace');
    expect(workspace).toEqual({
      name: `shop-log-westus3-${HASH}`,
      location: 'westus3',
      resource_group_name: 'rg-monitoring',
      sku: 'PerGB2018',
      retention_in_days: 30,
      local_authentication_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(only(json, 'azurerm_application_insights')).toEqual({
      name: `shop-appi-westus3-${HASH}`,
      location: 'westus3',
      resource_group_name: 'rg-monitoring',
      application_type: 'web',
      workspace_id: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.Monitoring_Workspace_[0-9A-F]{8}\.id\}$/),
    });
    expect(monitoring.workspace.node.path).toBe('test/Monitoring/Workspace');
    expect(monitoring.appInsights.node.path).toBe('test/Monitoring/AppInsights');
    const [workspaceId] = Object.keys(json.resource.azurerm_log_analytics_workspace);
    const [appInsightsId] = Object.keys(json.resource.azurerm_application_insights);
    expect(json.output?.workspaceId.value).toBe(`\${azurerm_log_analytics_workspace.${workspaceId}.id}`);
    expect(json.output?.connectionString.value).toBe(`\${azurerm_application_insights.${appInsightsId}.connection_string}`);
  });

  test('the workspace\'s own logs and metrics go to itself; no setting on Application Insights; the diagnostic level is the sink\'s', () => {
    const stack = testStack();
    const monitoring = new RegionalMonitoring(stack, 'Monitoring', PROPS);
    const json = synthStack(stack);
    const [workspaceId] = Object.keys(json.resource.azurerm_log_analytics_workspace);
    const ref = `\${azurerm_log_analytics_workspace.${workspaceId}.id}`;
    expect(only(json, 'azurerm_monitor_diagnostic_setting')).toEqual({
      name: 'to-log-analytics', target_resource_id: ref, log_analytics_workspace_id: ref, enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(monitoring.diagnosticLogs).toBe('allLogs');
    const auditStack = testStack();
    const audit = new RegionalMonitoring(auditStack, 'Monitoring', { ...PROPS, diagnosticLogs: 'audit' });
    expect(audit.diagnosticLogs).toBe('audit');
    expect(only(synthStack(auditStack), 'azurerm_monitor_diagnostic_setting').enabled_log).toEqual([{ category_group: 'audit' }]);
    expect(violations({ diagnosticLogs: 'all' })).toEqual([['test/Monitoring', 'diagnosticLogs', 'all', "expected one of 'allLogs', 'audit', got the string \"all\"", "give one of 'allLogs', 'audit'"]]);
  });

  test('retention, removal policy, names and tags as given', () => {
    const stack = testStack();
    new RegionalMonitoring(stack, 'Monitoring', {
      ...PROPS, retentionDays: 730, removalPolicy: RemovalPolicy.DESTROY, tags: { team: 'orders' },
      names: { logAnalyticsWorkspace: 'log-orders', applicationInsights: 'appi-orders' },
    });
    const json = synthStack(stack);
    const workspace = only(json, 'azurerm_log_analytics_workspace');
    expect([workspace.name, workspace.retention_in_days, workspace.lifecycle, workspace.tags]).toEqual(['log-orders', 730, { prevent_destroy: false }, { team: 'orders' }]);
    const appInsights = only(json, 'azurerm_application_insights');
    expect([appInsights.name, appInsights.tags]).toEqual(['appi-orders', { team: 'orders' }]);
  });

  test('retention is an integer of 30 to 730 days', () => {
    const problem = 'must be an integer from 30 to 730 (Log Analytics (PerGB2018) keeps data 30-730 days)';
    for (const days of [29, 731, 30.5]) {
      expect(violations({ retentionDays: days })).toEqual([['test/Monitoring', 'retentionDays', days, problem, 'set retentionDays between 30 and 730']]);
    }
    expect(() => new RegionalMonitoring(testStack(), 'Monitoring', { ...PROPS, retentionDays: 30 })).not.toThrow();
  });

  test('the prefix and name overrides follow the naming rules, reported at their props', () => {
    expect(violations({ prefix: 'Shop' })).toEqual([['test/Monitoring', 'prefix', 'Shop',
      'a name prefix must be 2-12 lower-case letters or digits and start with a letter (it is part of storage-account and Key Vault names, which allow neither hyphens nor more than 24 characters)',
      "use a short organisation or product code such as 'contoso' or 'shop01'"]]);
    expect(violations({ names: { logAnalyticsWorkspace: 'log' } })).toEqual([['test/Monitoring', 'names.logAnalyticsWorkspace', 'log',
      'a Log Analytics workspace name must be 4-63 characters long', 'choose a name of letters, digits and hyphens, starting and ending with a letter or digit, 4-63 characters']]);
    expect(violations({ names: { applicationInsights: 'appi.' } })).toEqual([['test/Monitoring', 'names.applicationInsights', 'appi.',
      'an Application Insights component name allows no %&\\?/ and not ending in a period or space', 'choose a name of no %&\\?/ and not ending in a period or space, 1-260 characters']]);
  });

  test('the props shape: every key typed, unknown keys refused, all problems at once', () => {
    expect(violations({ prefix: 7, region: null, resourceGroupName: ['rg'], retentionDays: NaN, removalPolicy: 'keep', tags: 'x', retention: 30 })).toEqual([
      ['test/Monitoring', 'prefix', 7, 'expected a string, got the number 7', 'give a string'],
      ['test/Monitoring', 'region', null, 'expected a string, got null', 'give a string'],
      ['test/Monitoring', 'resourceGroupName', ['rg'], 'expected a string, got a list', 'give a string'],
      ['test/Monitoring', 'retentionDays', NaN, 'expected a number, got NaN', 'give a number'],
      ['test/Monitoring', 'removalPolicy', 'keep', "expected one of 'retain', 'destroy', got the string \"keep\"", "give one of 'retain', 'destroy'"],
      ['test/Monitoring', 'tags', 'x', 'expected an object of tag names to string values, got the string "x"', 'give an object of tag names to string values'],
      ['test/Monitoring', 'retention', 30, "unknown option 'retention', which would be ignored", "did you mean 'retentionDays'?"],
    ]);
    expect(violations({ names: { workspace: 'log-orders', applicationInsights: 3 } })).toEqual([
      ['test/Monitoring', 'names.applicationInsights', 3, 'expected a string, got the number 3', 'give a string'],
      ['test/Monitoring', 'names.workspace', 'log-orders', "unknown option 'workspace', which would be ignored", "use only 'logAnalyticsWorkspace', 'applicationInsights'"],
    ]);
    expect(violations({ names: 'log-orders' })).toEqual([['test/Monitoring', 'names', 'log-orders', 'expected an object, got the string "log-orders"', 'give an object']]);
  });
});
