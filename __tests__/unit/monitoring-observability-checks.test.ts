import { Lazy } from 'cdktf';
import { Regions } from '../../lib/core/regions';
import { DEFAULT_TEST_LOCATIONS, isHttpsUrl, TEST_LOCATIONS } from '../../lib/monitoring/availability-tests';
import { Observability } from '../../lib/monitoring/observability';
import { THRESHOLDS } from '../../lib/monitoring/observability-alerts';
import type { AvailabilityTestOptions, ObservabilityProps } from '../../lib/monitoring/observability-types';
import { all, StackJson, synthStack, testStack } from '../support/synth';
import { azureId, observabilityViolations, SUB } from '../support/observability';

/**
 * lib/monitoring/observability.ts, availability-tests.ts, observability-alerts.ts and shapes.ts: the words of every
 * check (problem and fix, what a user reads), the edges of each input rule and the data tables, one small stack per
 * test. The happy paths are in monitoring-observability.test.ts and monitoring-availability-tests.test.ts.
 */

const id = azureId;
const FRONT_DOOR = id('rg-global', 'Microsoft.Cdn/profiles', 'afd-shop');
const COSMOS = id('rg-westus3', 'Microsoft.DocumentDB/databaseAccounts', 'cosmos-shop');
const AKS = id('rg-westus3', 'Microsoft.ContainerService/managedClusters', 'aks-shop');
const KV = id('rg-westus3', 'Microsoft.KeyVault/vaults', 'kv-shop');
const LOG = id('rg-westus3', 'Microsoft.OperationalInsights/workspaces', 'log-shop');
const FG = id('rg-westus3', 'Microsoft.Sql/servers/sql-westus3/failoverGroups', 'fog-shop');
const FG_PARTNER = id('rg-eastus', 'Microsoft.Sql/servers/sql-eastus/failoverGroups', 'fog-shop');
const APPI = `${SUB}/rg-westus3/providers/Microsoft.Insights/components/appi-shop`;
const AG = `${SUB}/rg-ops/providers/Microsoft.Insights/actionGroups/ops`;
const AVAILABILITY: AvailabilityTestOptions = {
  applicationInsightsId: APPI, location: 'westus3',
  urls: { 'order-entry': 'https://shop.contoso.com/orders/healthz/ready', 'order-westus3': 'https://orders-westus3.contoso.com/healthz/ready' },
};
const PROPS: ObservabilityProps = { prefix: 'shop', resourceGroupName: 'rg-monitoring', contacts: { emails: ['oncall@contoso.com'] }, targets: { keyVaultIds: { westus3: KV } } };

function synth(props: Partial<ObservabilityProps> | Record<string, unknown> = {}): StackJson {
  const stack = testStack();
  new Observability(stack, 'Obs', { ...PROPS, ...props } as ObservabilityProps);
  return synthStack(stack);
}

/** [prop, value, problem, fix] of every violation. */
const violations = (props: Record<string, unknown>): unknown[][] => observabilityViolations(PROPS, props);
const availability = (options: Record<string, unknown>) => ({ availabilityTests: { ...AVAILABILITY, ...options } });

describe('availability test locations', () => {
  // Microsoft Learn, "Application Insights availability tests", location population tags: the region each location
  // runs in and that region's country (ISO 3166-1 alpha-2), as the platform's geo-filter check compares them.
  const AZURE_LIST: [string, string, string][] = [
    ['emea-au-syd-edge', 'Australia East', 'AU'], ['latam-br-gru-edge', 'Brazil South', 'BR'], ['us-fl-mia-edge', 'Central US', 'US'],
    ['apac-hk-hkn-azr', 'East Asia', 'HK'], ['us-va-ash-azr', 'East US', 'US'], ['emea-ch-zrh-edge', 'France South', 'FR'],
    ['emea-fr-pra-edge', 'France Central', 'FR'], ['apac-jp-kaw-edge', 'Japan East', 'JP'], ['emea-gb-db3-azr', 'North Europe', 'IE'],
    ['us-il-ch1-azr', 'North Central US', 'US'], ['us-tx-sn1-azr', 'South Central US', 'US'], ['apac-sg-sin-azr', 'Southeast Asia', 'SG'],
    ['emea-se-sto-edge', 'UK West', 'GB'], ['emea-nl-ams-azr', 'West Europe', 'NL'], ['us-ca-sjc-azr', 'West US', 'US'],
    ['emea-ru-msa-edge', 'UK South', 'GB'],
  ];

  test('the table holds Azure\'s 16 locations, each with its region and country', () => {
    expect(Object.entries(TEST_LOCATIONS).map(([location, { region, country }]) => [location, region, country])).toEqual(AZURE_LIST);
  });

  test('every location runs in a region of the catalog (by its display name), and the defaults are among them', () => {
    const displayNames = new Set(Regions.all().map((r) => r.displayName));
    // France South is a restricted region (France Central's pair), outside the catalog of regions one deploys to.
    expect(Object.values(TEST_LOCATIONS).filter((l) => !displayNames.has(l.region)).map((l) => l.region)).toEqual(['France South']);
    expect(DEFAULT_TEST_LOCATIONS.filter((l) => !TEST_LOCATIONS[l])).toEqual([]);
  });

  test('a location ID is the whole value: nothing before the area, nothing after -azr or -edge', () => {
    const five = ['us-va-ash-azr', 'us-ca-sjc-azr', 'emea-nl-ams-azr', 'emea-gb-db3-azr'];
    expect(violations(availability({ testLocations: [...five, '1us-tx-sn1-azr'] })).map((v) => [v[0], v[1]])).toEqual([['availabilityTests.testLocations[4]', '1us-tx-sn1-azr']]);
    expect(violations(availability({ testLocations: [...five, 'us-tx-sn1-azrx'] })).map((v) => [v[0], v[1]])).toEqual([['availabilityTests.testLocations[4]', 'us-tx-sn1-azrx']]);
  });
});

describe('availability test checks: the words a user reads', () => {
  test('the component ID is the whole value, and the fix says where to get it', () => {
    const fix = "give the component's id attribute (e.g. RegionalMonitoring.appInsights.id)";
    expect(violations(availability({ applicationInsightsId: `x${APPI}` }))).toEqual([['availabilityTests.applicationInsightsId', `x${APPI}`, expect.stringContaining('not the resource ID of an Application Insights component'), fix]]);
    expect(violations(availability({ applicationInsightsId: `${APPI}/extra` })).map((v) => v[3])).toEqual([fix]);
  });

  test('keys, schemes and frequencies: each fix', () => {
    expect(violations(availability({ urls: { Order: 'https://x.contoso.com/' } })).map((v) => v[3])).toEqual(["use e.g. 'order-entry'"]);
    expect(violations(availability({ urls: { order: 'http://x.contoso.com/' } })).map((v) => v[3])).toEqual(['test the https:// address clients use']);
    expect(violations(availability({ frequencySeconds: 60 })).map((v) => v[2])).toEqual([expect.stringContaining('the provider runs a standard web test every 300, 600 or 900 seconds')]);
  });

  test('urlRegions and name keys that match no address: the fix lists the addresses, or says to drop them', () => {
    expect(violations(availability({ urlRegions: { nope: 'westus3' } }))).toEqual([
      ['availabilityTests.urlRegions.nope', 'westus3', 'no address has the key nope, so the region would be ignored', 'key urlRegions by order-entry, order-westus3'],
    ]);
    expect(violations(availability({ urls: {}, urlRegions: { nope: 'westus3' } })).map((v) => [v[0], v[3]])).toEqual([
      ['availabilityTests.urls', expect.stringContaining('give at least one')],
      ['availabilityTests.urlRegions.nope', 'drop urlRegions'],
    ]);
    for (const prop of ['availabilityTests', 'availabilityAlerts']) {
      expect(violations({ ...availability({}), names: { [prop]: { nope: 'x' } } }).map((v) => [v[0], v[3]])).toEqual([[`names.${prop}.nope`, `key names.${prop} by order-entry, order-westus3`]]);
      expect(violations({ ...availability({ urls: {} }), names: { [prop]: { nope: 'x' } } }).map((v) => [v[0], v[3]])).toEqual([
        ['availabilityTests.urls', expect.stringContaining('give at least one')],
        [`names.${prop}.nope`, `drop names.${prop}`],
      ]);
    }
  });

  test('names for only the tests, or only their alerts', () => {
    const testsOnly = synth({ ...availability({}), names: { availabilityTests: { 'order-entry': 'web-entry' } } });
    expect(Object.values(all(testsOnly, 'azurerm_application_insights_standard_web_test')).map((t) => t.name).sort()).toEqual([expect.stringMatching(/^shop-avail-order-westus3-/), 'web-entry']);
    const availabilityAlertNames = (json: StackJson) => Object.values(all(json, 'azurerm_monitor_metric_alert')).map((a) => a.name as string).filter((n) => !n.includes('key-vault')).sort();
    expect(availabilityAlertNames(testsOnly)).toEqual([expect.stringMatching(/^shop-alert-availability-order-entry-/), expect.stringMatching(/^shop-alert-availability-order-westus3-/)]);
    const alertsOnly = synth({ ...availability({}), names: { availabilityAlerts: { 'order-entry': 'alert-entry' } } });
    expect(availabilityAlertNames(alertsOnly)).toEqual(['alert-entry', expect.stringMatching(/^shop-alert-availability-order-westus3-/)]);
    expect(Object.values(all(alertsOnly, 'azurerm_application_insights_standard_web_test')).map((t) => t.name).sort()).toEqual([expect.stringMatching(/^shop-avail-order-entry-/), expect.stringMatching(/^shop-avail-order-westus3-/)]);
  });

  test('isHttpsUrl: https with a host, nothing else', () => {
    expect([isHttpsUrl('https://x.contoso.com/a'), isHttpsUrl('http://x.contoso.com/'), isHttpsUrl('https://'), isHttpsUrl('not a url'), isHttpsUrl('https://x .com/')]).toEqual([true, false, false, false, false]);
    // URL would encode a space in the path and accept it; an address with whitespace is a typo.
    expect([isHttpsUrl('https://x.contoso.com/a b'), isHttpsUrl('https://x.contoso.com/a\t'), isHttpsUrl(' https://x.contoso.com/')]).toEqual([false, false, false]);
  });

  test('a test name is checked as an availability test\'s, an alert name as a metric alert\'s', () => {
    expect(violations({ ...availability({}), names: { availabilityTests: { 'order-entry': '-web' }, availabilityAlerts: { 'order-entry': '-alert' } } }).map((v) => [v[0], v[2]])).toEqual([
      ['names.availabilityTests.order-entry', expect.stringMatching(/^an availability test name allows /)],
      ['names.availabilityAlerts.order-entry', expect.stringMatching(/^a metric alert name allows /)],
    ]);
  });
});

describe('Observability checks: edges and words', () => {
  // Counts and durations in whole units are integers; percentages, latencies and the pods-not-ready average are not.
  const INTEGER_THRESHOLDS = ['postgresqlReplicaLagSeconds', 'cosmosThrottledRequests', 'serviceBusDeadLetteredMessages', 'serviceBusServerErrors', 'serviceBusThrottledRequests', 'deliveryTrackingBacklogMessages', 'eventHubsServerErrors', 'eventHubsThrottledRequests', 'aksContainerRestarts', 'aksReadinessProbeFailures', 'aksHpaAtMaximumMinutes'];

  test.each(Object.entries(THRESHOLDS))('threshold %s: a fraction inside its range is refused only for a count', (key, spec) => {
    const value = spec.min + 0.5;
    const integer = INTEGER_THRESHOLDS.includes(key);
    const props = { thresholds: { [key]: value } };
    if (integer) expect(violations(props)).toEqual([[`thresholds.${key}`, value, `must be an integer from ${spec.min} to ${spec.max}`, expect.any(String)]]);
    else expect(() => synth(props)).not.toThrow();
  });

  test('a cluster ID is a KQL string literal in the log alerts: quotes and backslashes escaped', () => {
    const cluster = id('rg-westus3', 'Microsoft.ContainerService/managedClusters', "aks'shop\\x");
    const json = synth({ targets: { kubernetesClusterIds: { westus3: cluster }, logAnalyticsWorkspaceIds: { westus3: LOG } } });
    const queries = Object.values(all(json, 'azurerm_monitor_scheduled_query_rules_alert_v2')).map((r) => r.criteria[0].query as string);
    expect(queries).toHaveLength(3);
    for (const query of queries) expect(query).toContain(`'${cluster.replace("aks'shop\\x", "aks\\'shop\\\\x")}'`);
  });

  test.each([
    ['cosmosAccountIds', 'a Cosmos DB account'], ['kubernetesClusterIds', 'an AKS cluster'], ['logAnalyticsWorkspaceIds', 'a Log Analytics workspace'],
    ['keyVaultIds', 'a Key Vault'], ['serviceBusNamespaceIds', 'a Service Bus namespace'], ['sqlFailoverGroupIds', 'an Azure SQL failover group'],
  ])('targets.%s: an ID of another resource type is refused, naming the type expected', (key, label) => {
    const targets = { [key]: { westus3: COSMOS.replace('DocumentDB/databaseAccounts', 'Web/sites') }, ...(key === 'kubernetesClusterIds' ? { logAnalyticsWorkspaceIds: { westus3: LOG } } : {}) };
    expect(violations({ targets }).map((v) => [v[0], v[2]])).toEqual([[`targets.${key}.westus3`, expect.stringContaining(`not the resource ID of ${label} (`)]]);
  });

  test('resource IDs are compared without case, as Azure does', () => {
    expect(() => synth({ targets: { keyVaultIds: { westus3: KV.toLowerCase() } } })).not.toThrow();
  });

  test('SQL failover groups: the activity log alerts say which failover they saw; without a partner the scope is the group alone', () => {
    const json = synth({ targets: { sqlFailoverGroupIds: { westus3: FG } } });
    const alerts = Object.values(all(json, 'azurerm_monitor_activity_log_alert'));
    expect(alerts.map((a) => [a.scopes, (a.description as string).split(' (cell')[0]])).toEqual([
      [[FG], 'Azure SQL failover group failed over (planned, no data loss)'],
      [[FG], 'Azure SQL failover group forced over (data loss possible)'],
    ]);
    const silenced = synth({ targets: { sqlFailoverGroupIds: { westus3: FG } }, silencedRegions: ['westus3'] });
    expect(Object.values(all(silenced, 'azurerm_monitor_alert_processing_rule_suppression')).map((r) => r.scopes)).toEqual([[FG]]);
    const withPartner = synth({ targets: { sqlFailoverGroupIds: { westus3: FG }, sqlFailoverGroupPartnerIds: { westus3: FG_PARTNER } } });
    expect(Object.values(all(withPartner, 'azurerm_monitor_activity_log_alert')).map((a) => a.scopes)).toEqual([[FG, FG_PARTNER], [FG, FG_PARTNER]]);
  });

  test('a partner without its failover group is refused, however the groups are given', () => {
    const problem = 'no failover group of westus3 is in sqlFailoverGroupIds, so the partner\'s side would be ignored';
    const fix = 'add targets.sqlFailoverGroupIds.westus3, or drop this key';
    expect(violations({ targets: { keyVaultIds: { westus3: KV }, sqlFailoverGroupPartnerIds: { westus3: FG_PARTNER } } })).toEqual([['targets.sqlFailoverGroupPartnerIds.westus3', FG_PARTNER, problem, fix]]);
    expect(violations({ targets: { sqlFailoverGroupIds: { eastus: FG }, sqlFailoverGroupPartnerIds: { westus3: FG_PARTNER } } })).toEqual([['targets.sqlFailoverGroupPartnerIds.westus3', FG_PARTNER, problem, fix]]);
  });

  test('Front Door and SQL failover groups alone are something to watch (2 metric alerts, 2 activity log alerts)', () => {
    const json = synth({ targets: { frontDoorProfileId: FRONT_DOOR, sqlFailoverGroupIds: { westus3: FG } } });
    expect([Object.keys(all(json, 'azurerm_monitor_metric_alert')).length, Object.keys(all(json, 'azurerm_monitor_activity_log_alert')).length]).toEqual([2, 2]);
  });

  test('a region that is not a region is refused once, and is not offered as one to silence', () => {
    expect(violations({ targets: { keyVaultIds: { mars: KV } }, silencedRegions: ['mars'] }).map((v) => [v[0], v[2]])).toEqual([
      ['targets.keyVaultIds.mars', expect.stringContaining('not an Azure public region')],
      ['silencedRegions[0]', 'no regional target is given, so there is nothing to silence'],
    ]);
  });

  test('the backlog entity: a Terraform token passes, a literal must be a queue or topic name', () => {
    const entity = Lazy.stringValue({ produce: () => 'order-events' });
    expect(() => synth({ targets: { serviceBusNamespaceIds: { westus3: id('rg', 'Microsoft.ServiceBus/namespaces', 'sb') }, serviceBusBacklogEntityName: entity } })).not.toThrow();
    expect(violations({ targets: { keyVaultIds: { westus3: KV }, serviceBusBacklogEntityName: '-events' } }).map((v) => v[0])).toEqual(['targets.serviceBusBacklogEntityName']);
  });

  test('any one contact of any kind is enough, and so are two; webhooks and action groups listed twice are refused', () => {
    for (const contacts of [{ smsNumbers: [{ countryCode: '1', phoneNumber: '5555551234' }] }, { webhooks: ['https://hooks.contoso.com/a'] }, { actionGroupIds: [AG] }]) {
      expect(() => synth({ contacts })).not.toThrow();
    }
    expect(violations({ contacts: {} }).map((v) => [v[0], v[2]])).toEqual([['contacts', 'no contact, so every alert would fire unseen']]);
    expect(() => synth({ contacts: { emails: ['a@contoso.com'], smsNumbers: [{ countryCode: '1', phoneNumber: '5555551234' }] } })).not.toThrow();
    expect(() => synth({ contacts: { emails: ['a@contoso.com'], webhooks: ['https://hooks.contoso.com/a'] } })).not.toThrow();
    expect(violations({ contacts: { webhooks: ['https://hooks.contoso.com/a', 'https://hooks.contoso.com/a'], actionGroupIds: [AG, AG] } })).toEqual([
      ['contacts.webhooks[1]', 'https://hooks.contoso.com/a', 'listed twice, so it would be notified twice', 'list each contact once'],
      ['contacts.actionGroupIds[1]', AG, 'listed twice, so it would be notified twice', 'list each contact once'],
    ]);
  });

  test('an action group for existing action groups alone has no receivers of its own', () => {
    const group = Object.values(all(synth({ contacts: { actionGroupIds: [AG] } }), 'azurerm_monitor_action_group'))[0];
    expect([group.email_receiver, group.sms_receiver, group.webhook_receiver]).toEqual([[], [], []]);
  });

  test('contact formats are whole values: email, country code, phone number and action group ID', () => {
    const props = (contacts: Record<string, unknown>) => ({ contacts });
    expect(violations(props({ emails: ['a@b@contoso.com'] })).map((v) => v[0])).toEqual(['contacts.emails[0]']);
    expect(violations(props({ emails: ['a@contoso.com@x'] })).map((v) => v[0])).toEqual(['contacts.emails[0]']);
    expect(violations(props({ smsNumbers: [{ countryCode: '1234', phoneNumber: '5555551234' }] })).map((v) => v[0])).toEqual(['contacts.smsNumbers[0].countryCode']);
    expect(violations(props({ smsNumbers: [{ countryCode: '1', phoneNumber: '5555551234x' }] })).map((v) => v[0])).toEqual(['contacts.smsNumbers[0].phoneNumber']);
    expect(violations(props({ actionGroupIds: [`x${AG}`] })).map((v) => v[0])).toEqual(['contacts.actionGroupIds[0]']);
    expect(violations(props({ actionGroupIds: [`${AG}/extra`] })).map((v) => v[0])).toEqual(['contacts.actionGroupIds[0]']);
  });

  test('an SMS number: a bad part is refused once, and 15 digits with the country code are allowed', () => {
    expect(violations({ contacts: { smsNumbers: [{ countryCode: '1', phoneNumber: '55-55' }] } }).map((v) => v[0])).toEqual(['contacts.smsNumbers[0].phoneNumber']);
    expect(() => synth({ contacts: { smsNumbers: [{ countryCode: '44', phoneNumber: '1234567890123' }] } })).not.toThrow();
    expect(violations({ contacts: { smsNumbers: [{ countryCode: '44', phoneNumber: '12345678901234' }] } }).map((v) => v[0])).toEqual(['contacts.smsNumbers[0]']);
  });

  test('a token silenced region: the fix lists the targets\' regions, or none', () => {
    const region = Lazy.stringValue({ produce: () => 'westus3' });
    expect(violations({ silencedRegions: [region] }).map((v) => v[3])).toEqual(['pass a literal region name (westus3)']);
    expect(violations({ targets: { frontDoorProfileId: FRONT_DOOR }, silencedRegions: [region] }).map((v) => v[3])).toEqual(['pass a literal region name']);
  });

  test('silencing a region silences the availability tests of its origins only', () => {
    const json = synth({ ...availability({ urlRegions: { 'order-westus3': 'westus3', 'order-entry': 'eastus' } }), silencedRegions: ['westus3'] });
    const [rule] = Object.values(all(json, 'azurerm_monitor_alert_processing_rule_suppression'));
    const westTest = Object.keys(all(json, 'azurerm_application_insights_standard_web_test')).find((k) => k.includes('order-westus3'));
    expect(rule.scopes).toEqual([KV, `\${azurerm_application_insights_standard_web_test.${westTest}.id}`]);
  });

  test('names given for the action group only: every alert keeps the convention (no names object of its kind is read)', () => {
    const json = synth({
      targets: { frontDoorProfileId: FRONT_DOOR, kubernetesClusterIds: { westus3: AKS }, logAnalyticsWorkspaceIds: { westus3: LOG }, sqlFailoverGroupIds: { westus3: FG } },
      names: { actionGroup: 'ag-orders' },
    });
    expect(Object.values(all(json, 'azurerm_monitor_action_group')).map((g) => g.name)).toEqual(['ag-orders']);
    for (const [type, count] of [['azurerm_monitor_metric_alert', 6], ['azurerm_monitor_scheduled_query_rules_alert_v2', 3], ['azurerm_monitor_activity_log_alert', 2]] as const) {
      const names = Object.values(all(json, type)).map((a) => a.name as string);
      expect([type, names.length]).toEqual([type, count]);
      for (const name of names) expect(name).toMatch(/^shop-alert-[a-z0-9-]+-[0-9a-f]{6}$/);
    }
  });

  test('names for alerts this construct does not create: the fix lists the alerts it does, or none', () => {
    expect(violations({ targets: { sqlFailoverGroupIds: { westus3: FG } }, names: { metricAlerts: { cosmosAvailability: { westus3: 'x' } } } })).toEqual([
      ['names.metricAlerts.cosmosAvailability', { westus3: 'x' }, expect.stringContaining('this construct creates no such alert'), 'key names.metricAlerts by the alerts it creates: (none)'],
    ]);
  });

  test('names for suppression rules without silenced regions: nothing to name', () => {
    expect(violations({ names: { suppressionRules: { westus3: 'apr-x' } } }).map((v) => [v[0], v[2], v[3]])).toEqual([
      ['names.suppressionRules.westus3', expect.stringMatching(/^this construct creates no .*, so the name would be ignored$/), 'drop names.suppressionRules'],
    ]);
  });
});

describe('the props\' shapes: what each key expects', () => {
  test.each([
    ['contacts.emails', { contacts: { emails: 'a@contoso.com' } }, 'a list of email addresses'],
    ['contacts.emails[0]', { contacts: { emails: [1] } }, 'an email address'],
    ['contacts.smsNumbers', { contacts: { smsNumbers: '1 5555551234' } }, 'a list of { countryCode, phoneNumber } objects'],
    ['contacts.smsNumbers[0]', { contacts: { smsNumbers: ['5555551234'] } }, "an object { countryCode: '1', phoneNumber: '5555551234' }"],
    ['contacts.webhooks', { contacts: { webhooks: 'https://x' } }, 'a list of https:// URLs'],
    ['contacts.webhooks[0]', { contacts: { webhooks: [1] } }, 'an https:// URL'],
    ['contacts.actionGroupIds', { contacts: { actionGroupIds: AG } }, 'a list of action group resource IDs'],
    ['contacts.actionGroupIds[0]', { contacts: { actionGroupIds: [1] } }, 'an action group resource ID'],
    ['targets.frontDoorProfileId', { targets: { frontDoorProfileId: 1 } }, 'a resource ID'],
    ['targets.keyVaultIds', { targets: { keyVaultIds: KV } }, 'an object of region names to resource IDs, e.g. { westus3: cluster.id }'],
    ['targets.keyVaultIds.westus3', { targets: { keyVaultIds: { westus3: 1 } } }, 'a resource ID'],
    ['targets.postgresqlReplicaServerIds', { targets: { postgresqlReplicaServerIds: 'x' } }, 'an object of primary regions to { replica region: resource ID }, e.g. { eastus2: { centralus: replica.id } }'],
    ['targets.postgresqlReplicaServerIds.westus3', { targets: { postgresqlReplicaServerIds: { westus3: 'x' } } }, 'an object of replica regions to resource IDs'],
    ['targets.postgresqlReplicaServerIds.westus3.eastus', { targets: { postgresqlReplicaServerIds: { westus3: { eastus: 1 } } } }, 'a resource ID'],
    ['targets.serviceBusStandbyNamespaces', { targets: { serviceBusStandbyNamespaces: 'x' } }, "an object of region names to { id, region }, e.g. { westus3: { id: standby.id, region: 'eastus' } }"],
    ['targets.serviceBusStandbyNamespaces.westus3.id', { targets: { serviceBusStandbyNamespaces: { westus3: { id: 1, region: 'eastus' } } } }, 'a resource ID'],
    ['targets.serviceBusStandbyNamespaces.westus3.region', { targets: { serviceBusStandbyNamespaces: { westus3: { id: KV, region: 1 } } } }, 'a region name'],
    ['availabilityTests.applicationInsightsId', availability({ applicationInsightsId: 1 }), 'a resource ID'],
    ['availabilityTests.location', availability({ location: 1 }), 'a region name'],
    ['availabilityTests.urls', availability({ urls: 'https://x' }), "an object of test keys to https:// addresses, e.g. { 'order-entry': 'https://.../healthz/ready' }"],
    ['availabilityTests.urls.a', availability({ urls: { a: 1 } }), 'an https:// address'],
    ['availabilityTests.testLocations', availability({ testLocations: 'us-va-ash-azr' }), 'a list of test location IDs'],
    ['availabilityTests.testLocations[0]', availability({ testLocations: [1] }), 'a test location ID'],
    ['availabilityTests.urlRegions', availability({ urlRegions: 'westus3' }), 'an object of test keys to region names'],
    ['availabilityTests.urlRegions.a', availability({ urlRegions: { a: 1 } }), 'a region name'],
    ['silencedRegions', { silencedRegions: 'westus3' }, 'a list of region names'],
    ['silencedRegions[0]', { silencedRegions: [1] }, 'a region name'],
    ['names.metricAlerts', { names: { metricAlerts: 'x' } }, 'an object of alert keys to { region: name } objects'],
    ['names.metricAlerts.keyVaultAvailability', { names: { metricAlerts: { keyVaultAvailability: 'x' } } }, 'an object of region names to names'],
    ['names.metricAlerts.keyVaultAvailability.westus3', { names: { metricAlerts: { keyVaultAvailability: { westus3: 1 } } } }, 'a name'],
    ['names.suppressionRules', { names: { suppressionRules: 'x' } }, 'an object of region names to names'],
    ['names.suppressionRules.westus3', { names: { suppressionRules: { westus3: 1 } } }, 'a name'],
    ['names.availabilityTests', { names: { availabilityTests: 'x' } }, 'an object of test keys to names'],
    ['names.availabilityTests.a', { names: { availabilityTests: { a: 1 } } }, 'a name'],
    ['names.availabilityAlerts', { names: { availabilityAlerts: 'x' } }, 'an object of test keys to names'],
    ['names.availabilityAlerts.a', { names: { availabilityAlerts: { a: 1 } } }, 'a name'],
  ])('%s', (prop, props, expected) => {
    const found = violations(props as Record<string, unknown>).filter((v) => v[0] === prop);
    expect(found).toHaveLength(1);
    expect(found[0][2]).toMatch(new RegExp(`^expected ${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, got `));
  });
});
