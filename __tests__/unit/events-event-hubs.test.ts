import { Lazy } from 'cdktf';
import { PrivateDnsZones } from '../../lib/common/private-dns-zones';
import { ValidationError } from '../../lib/core/errors';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { EventBus } from '../../lib/events/event-bus';
import { EventBusProps } from '../../lib/events/event-bus-types';
import { EventTransport } from '../../lib/events/transport';
import { EventHubsOptions } from '../../lib/events/transport-types';
import { resolved } from '../support/resolve';
import { ownGroups } from '../support/standalone';
import { all, only, StackJson, synthStack, testStack } from '../support/synth';

/**
 * lib/events/event-hubs.ts (the Event Hubs transport of the event bus): each test builds one small EventBus and at
 * most synthesizes its stack. The transport under every pattern and inside the platform: __tests__/event-hubs.test.ts.
 */

const SENDER = '11111111-2222-3333-4444-555555555555';
const RECEIVER = '11111111-2222-3333-4444-666666666666';
const WORKSPACE = (region: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-${region}`;
const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] };

function build(props: Partial<EventBusProps> = {}): { bus: EventBus; json: StackJson } {
  const stack = testStack();
  const regions = props.regions ?? ['westus3'];
  const bus = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions, ...ownGroups(regions), transport: EventTransport.eventHubs(), ...props });
  return { bus, json: synthStack(stack) };
}

/** [construct path, prop, value, problem, fix] of every violation the props raise. */
function violations(props: Record<string, unknown>): unknown[][] {
  const regions = (props.regions as string[] | undefined) ?? ['westus3'];
  try {
    new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions, ...ownGroups(regions), transport: EventTransport.eventHubs(), ...props } as EventBusProps);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.constructPath, v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

const options = (o: EventHubsOptions | Record<string, unknown>): unknown[][] => violations({ transport: EventTransport.eventHubs(o as EventHubsOptions) });

/** The logical ID and resource of the only resource of a type whose logical ID starts with `start`. */
function byId(json: StackJson, type: string, start: string): [string, Record<string, unknown>] {
  const found = Object.entries(all(json, type)).filter(([id]) => id.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one ${type} ${start}*, found ${found.length}`);
  return found[0];
}

describe('Event Hubs under zoneRedundant', () => {
  test('one namespace with the event hub, the consumer group, the roles, the diagnostics and the endpoint; no standby', () => {
    const { bus, json } = build({ senders: { Orders: { principalId: SENDER } }, receivers: { Tracking: { principalId: RECEIVER } } });
    const [nsId, ns] = byId(json, 'azurerm_eventhub_namespace', 'Events_westus3_EventHubNamespace_');
    const [rgId] = byId(json, 'azurerm_resource_group', 'Events_westus3_ResourceGroup_');
    expect(ns).toEqual({
      name: `shop-evhns-westus3-${pathHash('test/Events/westus3/EventHubNamespace')}`, location: 'westus3', resource_group_name: `\${azurerm_resource_group.${rgId}.name}`,
      sku: 'Standard', capacity: 1, auto_inflate_enabled: false, local_authentication_enabled: false, minimum_tls_version: '1.2', public_network_access_enabled: false,
      network_rulesets: [{ default_action: 'Allow', public_network_access_enabled: false, trusted_service_access_enabled: false, ip_rule: null, virtual_network_rule: null }],
      identity: { type: 'SystemAssigned' },
      tags: { component: 'event-bus', 'managed-by': 'cdktf-order-platform', pattern: 'zoneRedundant', region: 'westus3' }, lifecycle: { prevent_destroy: true },
    });
    const [hubId, hub] = byId(json, 'azurerm_eventhub', 'Events_westus3_OrderEventsHub_');
    expect(hub).toEqual({ name: 'order-events', namespace_id: `\${azurerm_eventhub_namespace.${nsId}.id}`, partition_count: 4, message_retention: 7, lifecycle: { prevent_destroy: true } });
    expect(byId(json, 'azurerm_eventhub_consumer_group', 'Events_westus3_DeliveryTrackingGroup_')[1]).toEqual({
      name: 'delivery-tracking', namespace_name: `\${azurerm_eventhub_namespace.${nsId}.name}`, eventhub_name: `\${azurerm_eventhub.${hubId}.name}`,
      resource_group_name: `\${azurerm_resource_group.${rgId}.name}`, lifecycle: { prevent_destroy: true },
    });
    expect(all(json, 'azurerm_role_assignment')).toEqual({
      [byId(json, 'azurerm_role_assignment', 'Events_westus3_Sender-Orders_')[0]]: { principal_id: SENDER, role_definition_name: 'Azure Event Hubs Data Sender', scope: `\${azurerm_eventhub_namespace.${nsId}.id}` },
      [byId(json, 'azurerm_role_assignment', 'Events_westus3_Receiver-Tracking_')[0]]: { principal_id: RECEIVER, role_definition_name: 'Azure Event Hubs Data Receiver', scope: `\${azurerm_eventhub_namespace.${nsId}.id}` },
    });
    expect(byId(json, 'azurerm_monitor_diagnostic_setting', 'Events_westus3_EventHubNamespaceDiagnostics_')[1]).toEqual({
      name: 'to-log-analytics', target_resource_id: `\${azurerm_eventhub_namespace.${nsId}.id}`, log_analytics_workspace_id: WORKSPACE('westus3'), enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(all(json, 'azurerm_eventhub_namespace_disaster_recovery_config')).toEqual({});
    const host = `\${azurerm_eventhub_namespace.${nsId}.name}.servicebus.windows.net`;
    expect(resolved(bus, bus.endpoints)).toEqual({ westus3: { region: 'westus3', host, topic: 'order-events', subscription: 'delivery-tracking', kafkaBootstrap: `${host}:9093` } });
    expect(resolved(bus, bus.privateEndpoints)).toEqual([{ key: 'westus3', qualifier: 'evhns-westus3', resourceId: `\${azurerm_eventhub_namespace.${nsId}.id}`, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region: 'westus3' }]);
    expect(bus.eventHubs.westus3.node.path).toBe('test/Events/westus3/OrderEventsHub');
    expect(bus.eventHubConsumerGroups.westus3.node.path).toBe('test/Events/westus3/DeliveryTrackingGroup');
    expect([bus.serviceBusNamespaces, bus.standbyNamespaces, bus.eventHubStandbyNamespaces, bus.eventHubGeoDrAliases, bus.eventGridTopics]).toEqual([{}, {}, {}, {}, {}]);
    expect([bus.transport.environmentName, bus.transport.delivery, bus.transport.backlogScaling]).toEqual(['eventHubs', 'pull', false]);
  });
});

describe('Event Hubs under primarySecondary', () => {
  test('the standby in the second region, paired after the entities exist; both regions connect through the alias', () => {
    const { bus, json } = build({ ...PS, ...ownGroups(PS.regions), senders: { Orders: { principalId: SENDER } } });
    const [primaryId] = byId(json, 'azurerm_eventhub_namespace', 'Events_westus3_EventHubNamespace_');
    const [standbyId, standby] = byId(json, 'azurerm_eventhub_namespace', 'Events_eastus_EventHubStandby-westus3_');
    expect([standby.location, standby.name, standby.lifecycle]).toEqual(['eastus', `shop-evhns-eastus-dr-${pathHash('test/Events/eastus/EventHubStandby-westus3')}`, { prevent_destroy: true, ignore_changes: 'all' }]);
    const [, alias] = byId(json, 'azurerm_eventhub_namespace_disaster_recovery_config', 'Events_westus3_EventHubGeoDrAlias_');
    const aliasName = `shop-evhns-alias-westus3-${pathHash('test/Events/westus3/EventHubGeoDrAlias')}`;
    expect(alias).toMatchObject({ name: aliasName, namespace_name: `\${azurerm_eventhub_namespace.${primaryId}.name}`, partner_namespace_id: `\${azurerm_eventhub_namespace.${standbyId}.id}` });
    const endpoint = { host: `${aliasName}.servicebus.windows.net`, topic: 'order-events', subscription: 'delivery-tracking', kafkaBootstrap: `${aliasName}.servicebus.windows.net:9093` };
    expect(resolved(bus, bus.endpoints)).toEqual({ westus3: { region: 'westus3', ...endpoint }, eastus: { region: 'eastus', ...endpoint } });
    expect(bus.privateEndpoints.map((p) => [p.key, p.qualifier, p.region])).toEqual([['westus3', 'evhns-westus3', 'westus3'], ['westus3-standby-eastus', 'evhns-westus3-standby-eastus', 'eastus']]);
    expect(byId(json, 'azurerm_role_assignment', 'Events_eastus_EventHubStandby-westus3-Sender-Orders_')[1]).toEqual({ principal_id: SENDER, role_definition_name: 'Azure Event Hubs Data Sender', scope: `\${azurerm_eventhub_namespace.${standbyId}.id}` });
  });

  test('grantSend and grantReceive: the namespace, and the standby namespace for after a failover', () => {
    const { bus } = build({ ...PS, ...ownGroups(PS.regions) });
    const granted = bus.grantReceive({ principalId: RECEIVER }, { id: 'Tracker' });
    expect(granted.map((r) => [r.node.id, r.roleDefinitionNameInput])).toEqual([['Tracker-westus3', 'Azure Event Hubs Data Receiver'], ['Tracker-westus3-standby', 'Azure Event Hubs Data Receiver']]);
    expect(resolved(bus, granted.map((r) => r.scopeInput))).toEqual([expect.stringMatching(/^\$\{azurerm_eventhub_namespace\.Events_westus3_EventHubNamespace_[0-9A-F]+\.id\}$/), expect.stringMatching(/^\$\{azurerm_eventhub_namespace\.Events_eastus_EventHubStandby-westus3_[0-9A-F]+\.id\}$/)]);
  });
});

describe('Event Hubs options: every violation with its prop, value, problem and fix', () => {
  test('each option out of range, reported together', () => {
    expect(options({ capacity: 0, partitions: 40, retentionDays: 0 })).toEqual([
      ['test/Events', 'transport.capacity', 0, 'must be an integer from 1 to 40 (a Standard namespace has 1 to 40 throughput units)', 'set transport.capacity between 1 and 40'],
      ['test/Events', 'transport.partitions', 40, 'must be an integer from 1 to 32 (an event hub in Standard has 1 to 32 partitions)', 'set transport.partitions between 1 and 32'],
      ['test/Events', 'transport.retentionDays', 0, 'must be an integer from 1 to 7 (Standard keeps events 1 to 7 days)', 'set transport.retentionDays between 1 and 7'],
    ]);
  });

  test("Premium's limits, and auto-inflate refused on it", () => {
    expect(options({ sku: 'Premium', capacity: 32, partitions: 100, retentionDays: 90, maximumThroughputUnits: 20 }).map((v) => [v[1], v[2], v[3]])).toEqual([
      ['transport.capacity', 32, expect.stringMatching(/not a number of Premium processing units Event Hubs offers/)],
      ['transport.maximumThroughputUnits', 20, 'auto-inflate exists only for Standard throughput units; Premium scales by its processing units'],
    ]);
  });

  test('the auto-inflate maximum from the capacity to 40', () => {
    expect(options({ capacity: 5, maximumThroughputUnits: 41 }).map((v) => [v[1], v[3]])).toEqual([['transport.maximumThroughputUnits', 'must be an integer from 5 to 40 (auto-inflate grows from capacity to at most 40 throughput units)']]);
    expect(() => build({ transport: EventTransport.eventHubs({ capacity: 5, maximumThroughputUnits: 5 }) })).not.toThrow();
  });

  test('a partition count from Terraform (a token) is refused: the SKU limit is checked at synth time', () => {
    const token = Lazy.numberValue({ produce: () => 8 });
    expect(options({ partitions: token }).map((v) => [v[1], v[3]])).toEqual([['transport.partitions', expect.stringMatching(/^a Terraform token is unknown until apply/)]]);
  });
});

describe('Event Hubs names', () => {
  test('a standby or alias name where nothing pairs, and the other transports\' names, are errors', () => {
    expect(violations({ names: { standbyNamespaces: { westus3: 'contoso-dr' }, geoDrAliases: { westus3: 'contoso' }, serviceBusNamespaces: { westus3: 'contoso-sb1' }, deadLetterContainer: 'dl' } }).map((v) => v[1])).toEqual([
      'names.standbyNamespaces.westus3', 'names.geoDrAliases.westus3', 'names.serviceBusNamespaces', 'names.deadLetterContainer',
    ]);
  });

  test('the namespace, its standby and its alias must differ: they share servicebus.windows.net', () => {
    const v = violations({ ...PS, ...ownGroups(PS.regions), names: { eventHubNamespaces: { westus3: 'contoso-orders' }, geoDrAliases: { westus3: 'contoso-orders' } } });
    expect(v.map((x) => [x[1], x[2]])).toEqual([['names.geoDrAliases.westus3', 'contoso-orders']]);
    expect(String(v[0][3])).toMatch(/share the servicebus\.windows\.net host names/);
  });

  test('an event hub name with a slash, a consumer group name too long', () => {
    expect(violations({ names: { topic: 'order/events', subscription: 'x'.repeat(51) } }).map((v) => [v[1], v[3]])).toEqual([
      ['names.topic', 'an event hub name allows letters, digits, periods, hyphens and underscores, starting and ending with a letter or digit'],
      ['names.subscription', 'an event hub consumer group name must be 1-50 characters long'],
    ]);
  });
});

describe('Event Hubs auto-inflate', () => {
  test('with maximumThroughputUnits the primary namespace leaves its capacity to Azure (auto-inflate only raises it); without, the capacity stays managed', () => {
    const inflating = only(build({ transport: EventTransport.eventHubs({ capacity: 2, maximumThroughputUnits: 10 }) }).json, 'azurerm_eventhub_namespace');
    expect([inflating.capacity, inflating.auto_inflate_enabled, inflating.maximum_throughput_units, inflating.lifecycle]).toEqual([2, true, 10, { prevent_destroy: true, ignore_changes: ['capacity'] }]);
    const fixed = only(build({ transport: EventTransport.eventHubs({ capacity: 2 }) }).json, 'azurerm_eventhub_namespace');
    expect([fixed.auto_inflate_enabled, fixed.lifecycle]).toEqual([false, { prevent_destroy: true }]);
  });
});

describe('Event Hubs: what the other tests leave out', () => {
  test('a bad SKU with its message; every Premium unit count accepted, its partition and retention limits exact', () => {
    // The options' shape refuses another tier first.
    expect(options({ sku: 'Basic' }).map((v) => [v[1], v[3]])).toEqual([['transport.sku', 'expected one of \'Standard\', \'Premium\', got the string "Basic"']]);
    for (const capacity of [1, 2, 4, 8, 16]) expect(only(build({ transport: EventTransport.eventHubs({ sku: 'Premium', capacity }) }).json, 'azurerm_eventhub_namespace').capacity).toBe(capacity);
    expect(options({ sku: 'Premium', partitions: 101, retentionDays: 91 }).map((v) => v[3])).toEqual([
      'must be an integer from 1 to 100 (an event hub in Premium has 1 to 100 partitions)', 'must be an integer from 1 to 90 (Premium keeps events 1 to 90 days)',
    ]);
    expect(options({ sku: 'Premium', maximumThroughputUnits: 20 })[0][4]).toBe('drop maximumThroughputUnits, or raise capacity');
  });

  test('names of other transports and regions, each with its message', () => {
    const v = violations({ names: { eventHubNamespaces: { eastus: 'contoso-east' }, serviceBusNamespaces: { westus3: 'contoso-sb1' }, eventGridTopics: { westus3: 'contoso-evgt' } } });
    expect(v.map((x) => [x[1], x[3]])).toEqual([
      ['names.eventHubNamespaces.eastus', expect.stringContaining('eastus')],
      ['names.serviceBusNamespaces', expect.stringContaining('it names a Service Bus resource, and this bus uses Event Hubs')],
      ['names.eventGridTopics', expect.stringContaining('it names an Event Grid resource, and this bus uses Event Hubs')],
    ]);
    // Distinctness names both props.
    const d = violations({ ...PS, ...ownGroups(PS.regions), names: { eventHubNamespaces: { westus3: 'contoso-orders' }, standbyNamespaces: { westus3: 'contoso-orders' } } });
    expect(d.map((x) => [x[1], x[3]])).toEqual([['names.standbyNamespaces.westus3', expect.stringContaining('the same name as names.eventHubNamespaces.westus3')]]);
  });

  test('the standby: its private endpoint, its receivers\' role, the alias created after the entities', () => {
    const { bus, json } = build({ ...PS, ...ownGroups(PS.regions), receivers: { Tracking: { principalId: RECEIVER } }, senders: { Orders: { principalId: SENDER } } });
    const standbyId = Object.keys(all(json, 'azurerm_eventhub_namespace')).find((k) => k.includes('EventHubStandby'))!;
    expect((resolved(bus, bus.privateEndpoints) as { key: string; subresource: string; resourceId: string }[]).map((e) => [e.key, e.subresource, e.resourceId.includes('EventHubStandby')])).toEqual([['westus3', 'namespace', false], ['westus3-standby-eastus', 'namespace', true]]);
    const standbyRoles = Object.entries(all(json, 'azurerm_role_assignment')).filter(([k]) => k.includes('EventHubStandby')).map(([, r]) => [r.role_definition_name, r.scope, r.principal_id]).sort();
    expect(standbyRoles).toEqual([
      ['Azure Event Hubs Data Receiver', `\${azurerm_eventhub_namespace.${standbyId}.id}`, RECEIVER],
      ['Azure Event Hubs Data Sender', `\${azurerm_eventhub_namespace.${standbyId}.id}`, SENDER],
    ]);
    const alias = Object.values(all(json, 'azurerm_eventhub_namespace_disaster_recovery_config'))[0];
    expect(alias.depends_on.map((d: string) => d.split('.')[0]).sort()).toEqual(['azurerm_eventhub', 'azurerm_eventhub_consumer_group']);
  });

  test('activeActive with three regions: each region publishes through its own alias, never a partner\'s', () => {
    const regions = ['eastus2', 'westus3', 'centralus'];
    const { bus } = build({ pattern: RedundancyPattern.activeActive(), regions, ...ownGroups(regions) });
    const hosts = resolved(bus, bus.endpoints) as Record<string, { host: string }>;
    expect(Object.keys(hosts).sort()).toEqual([...regions].sort());
    expect(new Set(Object.values(hosts).map((h) => h.host)).size).toBe(3);
    for (const region of regions) expect(hosts[region].host).toMatch(new RegExp(`EventHubGeoDrAlias|alias-${region}`));
    // The grants of an unpaired bus (regionPinned) are on each namespace, with no standby.
    const pinned = build({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'eastus2'], ...ownGroups(['westeurope', 'eastus2']) }).bus;
    const granted = pinned.grantSend({ principalId: SENDER }, { id: 'Orders' });
    expect(granted.map((r) => r.node.id)).toEqual(['Orders-westeurope', 'Orders-eastus2']);
  });
});
