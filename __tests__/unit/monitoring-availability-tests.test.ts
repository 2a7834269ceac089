import { Lazy } from 'cdktf';
import { DEFAULT_TEST_LOCATIONS } from '../../lib/monitoring/availability-tests';
import { Observability } from '../../lib/monitoring/observability';
import type { AvailabilityTestOptions, ObservabilityProps } from '../../lib/monitoring/observability-types';
import { all, StackJson, synthStack, testStack } from '../support/synth';
import { observabilityViolations, SUB } from '../support/observability';

/** lib/monitoring/availability-tests.ts, through Observability's `availabilityTests`: one small stack per test. */

const APPI = `${SUB}/rg-westus3/providers/Microsoft.Insights/components/appi-shop`;
const ENTRY = 'https://shop-fde-abc.z01.azurefd.net';
const AVAILABILITY: AvailabilityTestOptions = {
  applicationInsightsId: APPI, location: 'westus3',
  urls: { 'order-entry': `${ENTRY}/healthz/ready`, 'order-westus3': 'https://orders-westus3.contoso.com/healthz/ready' },
};
const PROPS: ObservabilityProps = { prefix: 'shop', resourceGroupName: 'rg-monitoring', contacts: { emails: ['oncall@contoso.com'] }, targets: {}, availabilityTests: AVAILABILITY };

function synth(props: Partial<ObservabilityProps> = {}): { json: StackJson; obs: Observability } {
  const stack = testStack();
  const obs = new Observability(stack, 'Obs', { ...PROPS, ...props });
  return { json: synthStack(stack), obs };
}

/** [prop, value, problem, fix] of every violation. */
const violations = (props: Record<string, unknown>): unknown[][] => observabilityViolations(PROPS, props);
const availability = (options: Partial<AvailabilityTestOptions> | Record<string, unknown>) => ({ availabilityTests: { ...AVAILABILITY, ...options } });

describe('availability tests', () => {
  test('a standard web test per address: GET from five locations every 5 minutes, expecting 200 and a valid certificate, one retry', () => {
    const { json, obs } = synth();
    const tests = Object.entries(all(json, 'azurerm_application_insights_standard_web_test'));
    expect(tests).toHaveLength(2);
    expect(Object.keys(obs.availabilityTests)).toEqual(['order-entry', 'order-westus3']);
    const [, entry] = tests.find(([address]) => address.startsWith('Obs_Availability-order-entry_'))!;
    expect(entry).toEqual({
      name: expect.stringMatching(/^shop-avail-order-entry-[0-9a-f]{6}$/), resource_group_name: 'rg-monitoring', location: 'westus3', application_insights_id: APPI,
      geo_locations: ['us-va-ash-azr', 'us-ca-sjc-azr', 'emea-nl-ams-azr', 'emea-gb-db3-azr', 'apac-sg-sin-azr'], frequency: 300, enabled: true, retry_enabled: true,
      request: { url: `${ENTRY}/healthz/ready`, http_verb: 'GET' },
      validation_rules: { expected_status_code: 200, ssl_check_enabled: true, ssl_cert_remaining_lifetime: 7 },
      description: 'GET order-entry from 5 locations every 5 minutes, expecting 200 and a certificate valid for 7 more days.',
    });
    expect(DEFAULT_TEST_LOCATIONS).toHaveLength(5);
  });

  test('an alert per test: 2 failing locations within 5 minutes, scoped to the test and its component, to the action group', () => {
    const { json } = synth();
    const alerts = Object.entries(all(json, 'azurerm_monitor_metric_alert'));
    expect(alerts).toHaveLength(2);
    const [testAddress] = Object.keys(all(json, 'azurerm_application_insights_standard_web_test')).filter((a) => a.startsWith('Obs_Availability-order-westus3_'));
    const [agAddress] = Object.keys(all(json, 'azurerm_monitor_action_group'));
    const [, alert] = alerts.find(([address]) => address.startsWith('Obs_AvailabilityAlert-order-westus3_'))!;
    const testId = `\${azurerm_application_insights_standard_web_test.${testAddress}.id}`;
    expect(alert).toEqual({
      name: expect.stringMatching(/^shop-alert-availability-order-westus3-[0-9a-f]{6}$/), resource_group_name: 'rg-monitoring', scopes: [testId, APPI],
      description: 'Availability test order-westus3: failing from at least 2 of 5 locations over 5 minutes. Runbook: README section "Runbook: Availability"',
      severity: 1, window_size: 'PT5M', frequency: 'PT1M', auto_mitigate: true,
      application_insights_web_test_location_availability_criteria: { web_test_id: testId, component_id: APPI, failed_location_count: 2 },
      action: [{ action_group_id: `\${azurerm_monitor_action_group.${agAddress}.id}` }],
    });
  });

  test('locations, frequency, failing locations, severity, runbook, names and tags as given; tokens in the address and as the location', () => {
    const host = Lazy.stringValue({ produce: () => '${azurerm_cdn_frontdoor_endpoint.e.host_name}' });
    const locations = ['us-va-ash-azr', 'us-tx-sn1-azr', 'us-il-ch1-azr', 'emea-nl-ams-azr', 'apac-jp-kaw-edge', 'latam-br-gru-edge'];
    const location = Lazy.stringValue({ produce: () => '${azurerm_application_insights.a.location}' });
    const { json, obs } = synth({
      ...availability({ urls: { 'tracking-entry': `https://${host}/healthz/ready` }, location, testLocations: locations, frequencySeconds: 900, failedLocations: 3 }),
      severities: { availability: 0 }, runbookUrl: 'https://wiki.contoso.com/runbook', tags: { team: 'orders' },
      names: { availabilityTests: { 'tracking-entry': 'avail-tracking' }, availabilityAlerts: { 'tracking-entry': 'alert-tracking-down' } },
    });
    const test = Object.values(all(json, 'azurerm_application_insights_standard_web_test'))[0];
    expect([test.name, test.location, test.geo_locations, test.frequency, test.request.url, test.tags]).toEqual(['avail-tracking', '${azurerm_application_insights.a.location}', locations, 900, 'https://${azurerm_cdn_frontdoor_endpoint.e.host_name}/healthz/ready', { team: 'orders' }]);
    const alert = Object.values(all(json, 'azurerm_monitor_metric_alert'))[0];
    expect([alert.name, alert.severity, alert.application_insights_web_test_location_availability_criteria.failed_location_count, alert.description, alert.tags]).toEqual([
      'alert-tracking-down', 0, 3, 'Availability test tracking-entry: failing from at least 3 of 6 locations over 5 minutes. Runbook: https://wiki.contoso.com/runbook#runbook-availability', { team: 'orders' },
    ]);
    expect(Object.keys(obs.availabilityAlerts)).toEqual(['tracking-entry']);
  });

  test('without availabilityTests there are none, and names for them are refused', () => {
    const { json, obs } = synth({ availabilityTests: undefined, targets: { keyVaultIds: { westus3: `${SUB}/rg/providers/Microsoft.KeyVault/vaults/kv` } } });
    expect([all(json, 'azurerm_application_insights_standard_web_test'), obs.availabilityTests, obs.availabilityAlerts]).toEqual([{}, {}, {}]);
    expect(violations({ availabilityTests: undefined, targets: { keyVaultIds: { westus3: `${SUB}/rg/providers/Microsoft.KeyVault/vaults/kv` } }, names: { availabilityTests: { x: 'y' }, availabilityAlerts: { x: 'z' } } })).toEqual([
      ['names.availabilityTests', { x: 'y' }, 'there are no availabilityTests, so the names would be ignored', 'drop names.availabilityTests, or add availabilityTests'],
      ['names.availabilityAlerts', { x: 'z' }, 'there are no availabilityTests, so the names would be ignored', 'drop names.availabilityAlerts, or add availabilityTests'],
    ]);
  });

  test('the component, region, addresses and keys are checked', () => {
    expect(violations(availability({ applicationInsightsId: `${SUB}/rg/providers/Microsoft.OperationalInsights/workspaces/log`, location: 'westus9', urls: { Order: 'http://shop.contoso.com/healthz/ready', 'x-entry': 'not a url' } })).map((v) => [v[0], v[1], v[2]])).toEqual([
      ['availabilityTests.applicationInsightsId', `${SUB}/rg/providers/Microsoft.OperationalInsights/workspaces/log`, 'not the resource ID of an Application Insights component (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/components/<name>)'],
      ['availabilityTests.location', 'westus9', expect.stringContaining('not an Azure public region')],
      ['availabilityTests.urls.Order', 'Order', 'the key names the test and its alert: 1-40 lower-case letters, digits and hyphens, starting with a letter'],
      ['availabilityTests.urls.Order', 'http://shop.contoso.com/healthz/ready', 'not an https:// address (the test also checks the certificate)'],
      ['availabilityTests.urls.x-entry', 'not a url', 'not an https:// address (the test also checks the certificate)'],
    ]);
    expect(violations(availability({ urls: {} }))).toEqual([['availabilityTests.urls', {}, 'no address to test', "give at least one, e.g. { 'order-entry': 'https://<entry host>/healthz/ready' }"]]);
    // A token address must still start with https://.
    const host = Lazy.stringValue({ produce: () => 'h' });
    expect(violations(availability({ urls: { a: `http://${host}/` } })).map((v) => v[0])).toEqual(['availabilityTests.urls.a']);
    expect(violations(availability({ urls: { [`a${'b'.repeat(40)}`]: 'https://x.contoso.com/' } })).map((v) => v[0])).toEqual([`availabilityTests.urls.a${'b'.repeat(40)}`]);
  });

  test('locations: at least five, each an ID, each once; frequency 300, 600 or 900; failing locations 1 to the number of locations', () => {
    expect(violations(availability({ testLocations: ['us-va-ash-azr', 'emea-nl-ams-azr'] }))).toEqual([[
      'availabilityTests.testLocations', ['us-va-ash-azr', 'emea-nl-ams-azr'], "2 location(s): with fewer than 5, one location's network trouble looks like an outage", 'list at least 5 locations, or leave testLocations out for the default five',
    ]]);
    expect(violations(availability({ testLocations: ['us-va-ash-azr', 'East US', 'us-ca-sjc-azr', 'us-va-ash-azr', 'emea-nl-ams-azr'] }))).toEqual([
      ['availabilityTests.testLocations[1]', 'East US', 'not an availability test location ID (<area>-<country>-<site>-azr or -edge)', "use Azure's location IDs, e.g. 'us-va-ash-azr' (East US) or 'emea-nl-ams-azr' (West Europe)"],
      ['availabilityTests.testLocations[3]', 'us-va-ash-azr', 'listed twice', 'list each location once'],
    ]);
    expect(violations(availability({ frequencySeconds: 60 })).map((v) => [v[0], v[1]])).toEqual([['availabilityTests.frequencySeconds', 60]]);
    expect(violations(availability({ failedLocations: 6 })).map((v) => [v[0], v[1], v[2]])).toEqual([['availabilityTests.failedLocations', 6, expect.stringContaining('at least 1 and at most the number of test locations (5)')]]);
    expect(violations(availability({ failedLocations: 0 })).map((v) => v[0])).toEqual(['availabilityTests.failedLocations']);
    expect(violations(availability({ failedLocations: 1.5 })).map((v) => v[0])).toEqual(['availabilityTests.failedLocations']);
    // The limits themselves pass.
    expect(synth(availability({ failedLocations: 5, frequencySeconds: 600 })).obs.availabilityAlerts['order-entry'].node.id).toBe('AvailabilityAlert-order-entry');
    expect(synth(availability({ failedLocations: 1, testLocations: ['us-va-ash-azr', 'us-ca-sjc-azr', 'emea-nl-ams-azr', 'emea-gb-db3-azr', 'apac-sg-sin-azr'] })).obs.availabilityTests['order-entry'].node.id).toBe('Availability-order-entry');
  });

  test('urlRegions: each key an address of the tests, each a region; silencing the region silences its tests\' alerts', () => {
    const keys = Object.keys(AVAILABILITY.urls);
    const { json, obs } = synth({ ...availability({ urlRegions: { [keys[1]]: 'westus3' } }), silencedRegions: ['westus3'] });
    const rule = Object.values(json.resource.azurerm_monitor_alert_processing_rule_suppression ?? {})[0] as { scopes: string[] };
    expect(rule.scopes).toEqual([`\${azurerm_application_insights_standard_web_test.${Object.keys(json.resource.azurerm_application_insights_standard_web_test).find((k) => k.includes(keys[1]))}.id}`]);
    expect(obs.suppressionRules.westus3).toBeDefined();
    expect(violations(availability({ urlRegions: { nope: 'westus3', [keys[0]]: 'mars' } })).map((v) => [v[0], v[2]])).toEqual([
      ['availabilityTests.urlRegions.nope', `no address has the key nope, so the region would be ignored`],
      [`availabilityTests.urlRegions.${keys[0]}`, expect.stringContaining('not an Azure public region')],
    ]);
  });

  test('names: keyed by the tests, each one Azure accepts', () => {
    expect(violations({ names: { availabilityTests: { 'order-api': 'x' }, availabilityAlerts: { 'order-entry': '-bad' } } }).map((v) => [v[0], v[1], v[2]])).toEqual([
      ['names.availabilityTests.order-api', 'x', 'no availability test has the key order-api, so the name would be ignored'],
      ['names.availabilityAlerts.order-entry', '-bad', expect.stringContaining('metric alert')],
    ]);
  });

  test('the options\' shape: unknown keys, wrong types', () => {
    expect(violations(availability({ url: 'https://x' })).map((v) => v[0])).toEqual(['availabilityTests.url']);
    expect(violations(availability({ urls: ['https://x'] })).map((v) => v[0])).toEqual(['availabilityTests.urls']);
    expect(violations(availability({ frequencySeconds: '300' })).map((v) => v[0])).toEqual(['availabilityTests.frequencySeconds']);
  });
});
