import { Observability } from '../../lib/monitoring/observability';
import type { AvailabilityTestOptions, ObservabilityProps } from '../../lib/monitoring/observability-types';
import { all, synthStack, testStack } from '../support/synth';
import { azureId, observabilityViolations, SUB } from '../support/observability';

/**
 * lib/monitoring/observability.ts: the edges mutation testing found unchecked (names for tests that do not exist, a
 * construct watching only availability tests, the availability alert's severity, the E.164 check, the scopes of
 * failover-group alerts without a partner, the props name overrides report). One small stack per test.
 */

const id = azureId;
const KV = id('rg-westus3', 'Microsoft.KeyVault/vaults', 'kv-shop');
const KV_EAST = id('rg-eastus', 'Microsoft.KeyVault/vaults', 'kv-shop-east');
const FG = id('rg-westus3', 'Microsoft.Sql/servers/sql-westus3/failoverGroups', 'fog-shop');
const AKS = id('rg-westus3', 'Microsoft.ContainerService/managedClusters', 'aks-shop');
const LOG = id('rg-westus3', 'Microsoft.OperationalInsights/workspaces', 'log-shop');
const AVAILABILITY: AvailabilityTestOptions = {
  applicationInsightsId: `${SUB}/rg-westus3/providers/Microsoft.Insights/components/appi-shop`, location: 'westus3',
  urls: { 'order-entry': 'https://shop.contoso.com/orders/healthz/ready' },
};
const PROPS: ObservabilityProps = { prefix: 'shop', resourceGroupName: 'rg-monitoring', contacts: { emails: ['oncall@contoso.com'] }, targets: { keyVaultIds: { westus3: KV } } };

/** [prop, value, problem, fix] of every violation. */
const violations = (props: Record<string, unknown>): unknown[][] => observabilityViolations(PROPS, props);

describe('Observability edges', () => {
  test.each(['availabilityTests', 'availabilityAlerts'])('names.%s without availabilityTests is refused (the names would be ignored)', (key) => {
    expect(violations({ names: { [key]: { 'order-entry': 'x' } } })).toEqual([
      [`names.${key}`, { 'order-entry': 'x' }, 'there are no availabilityTests, so the names would be ignored', `drop names.${key}, or add availabilityTests`],
    ]);
  });

  test('availability tests alone (no target) are something to watch', () => {
    const stack = testStack();
    const obs = new Observability(stack, 'Obs', { ...PROPS, targets: {}, availabilityTests: AVAILABILITY });
    expect(Object.keys(obs.availabilityTests)).toEqual(['order-entry']);
    expect(Object.keys(all(synthStack(stack), 'azurerm_application_insights_standard_web_test'))).toHaveLength(1);
  });

  test('without availability tests the tests and their alerts are empty maps', () => {
    const obs = new Observability(testStack(), 'Obs', PROPS);
    expect([obs.availabilityTests, obs.availabilityAlerts]).toEqual([{}, {}]);
  });

  test.each([[undefined, 1], [3, 3]] as const)('the availability alert\'s severity: %s given, %i used', (given, expected) => {
    const stack = testStack();
    new Observability(stack, 'Obs', { ...PROPS, availabilityTests: AVAILABILITY, ...(given !== undefined ? { severities: { availability: given } } : {}) });
    const alerts = Object.values(all(synthStack(stack), 'azurerm_monitor_metric_alert')).filter((a) => JSON.stringify(a.scopes).includes('appi-shop'));
    expect(alerts.map((a) => a.severity)).toEqual([expected]);
  });

  test('an invalid phone number with a valid country code is one format error, not also an E.164 length error', () => {
    expect(violations({ contacts: { smsNumbers: [{ countryCode: '44', phoneNumber: '1234567890123456' }] } })).toEqual([
      ['contacts.smsNumbers[0].phoneNumber', '1234567890123456', 'not a national phone number (4-14 digits, no spaces, + or punctuation)', "give the digits only, e.g. '5555551234'"],
    ]);
  });

  test('a silenced region that no target is in names every target region', () => {
    expect(violations({ targets: { keyVaultIds: { westus3: KV, eastus: KV_EAST } }, silencedRegions: ['centralus'] })).toEqual([
      ['silencedRegions[0]', 'centralus', 'no target of this construct is in centralus (targets are in westus3, eastus), so there is nothing to silence', 'silence one of westus3, eastus'],
    ]);
  });

  test('a failover group without a partner: its activity log alerts and the region\'s suppression rule scope only what exists', () => {
    const stack = testStack();
    new Observability(stack, 'Obs', { ...PROPS, targets: { sqlFailoverGroupIds: { westus3: FG } }, silencedRegions: ['westus3'] });
    const json = synthStack(stack);
    for (const alert of Object.values(all(json, 'azurerm_monitor_activity_log_alert'))) expect(alert.scopes).toEqual([FG]);
    expect(Object.values(all(json, 'azurerm_monitor_alert_processing_rule_suppression')).map((r) => r.scopes)).toEqual([[FG]]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['the action group', { names: { actionGroup: 'Bad Name!' } }, 'names.actionGroup'],
    ['a metric alert', { names: { metricAlerts: { keyVaultAvailability: { westus3: 'Bad Name!' } } } }, 'names.metricAlerts.keyVaultAvailability.westus3'],
    ['a log alert', { targets: { kubernetesClusterIds: { westus3: AKS }, logAnalyticsWorkspaceIds: { westus3: LOG } }, names: { logAlerts: { aksHpaAtMaximum: { westus3: 'Bad Name!' } } } }, 'names.logAlerts.aksHpaAtMaximum.westus3'],
    ['an activity log alert', { targets: { sqlFailoverGroupIds: { westus3: FG } }, names: { activityLogAlerts: { sqlFailover: { westus3: 'Bad Name!' } } } }, 'names.activityLogAlerts.sqlFailover.westus3'],
    ['a suppression rule', { silencedRegions: ['westus3'], names: { suppressionRules: { westus3: 'Bad Name!' } } }, 'names.suppressionRules.westus3'],
  ])('a name override for %s that Azure refuses names its prop', (_label, props, prop) => {
    expect(violations(props).map((v) => v[0])).toContain(prop);
  });
});
