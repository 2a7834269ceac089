import { PrivateDnsZones } from '../../lib/common/private-dns-zones';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { EventBus } from '../../lib/events/event-bus';
import { EventBusProps } from '../../lib/events/event-bus-types';
import { isoDuration } from '../../lib/events/service-bus';
import { EventTransport } from '../../lib/events/transport';
import { ServiceBusOptions } from '../../lib/events/transport-types';
import { resolved } from '../support/resolve';
import { ownGroups } from '../support/standalone';
import { all, only, StackJson, synthStack, testStack } from '../support/synth';

/**
 * lib/events/service-bus.ts (the Service Bus transport of the event bus): each test builds one small EventBus and at
 * most synthesizes its stack.
 */

const SENDER = '11111111-2222-3333-4444-555555555555';
const RECEIVER = '11111111-2222-3333-4444-666666666666';
const WORKSPACE = (region: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-${region}`;
const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] };

function build(props: Partial<EventBusProps> = {}): { bus: EventBus; json: StackJson } {
  const stack = testStack();
  const regions = props.regions ?? ['westus3'];
  const bus = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions, ...ownGroups(regions), ...props });
  return { bus, json: synthStack(stack) };
}

/** [construct path, prop, value, problem, fix] of every violation the props raise. */
function violations(props: Record<string, unknown>): unknown[][] {
  const regions = (props.regions as string[] | undefined) ?? ['westus3'];
  try {
    new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions, ...ownGroups(regions), ...props } as EventBusProps);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.constructPath, v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

function options(o: ServiceBusOptions | Record<string, unknown>): unknown[][] {
  return violations({ transport: EventTransport.serviceBus(o as ServiceBusOptions) });
}

/** The logical ID and resource of the only resource of a type whose logical ID starts with `start`. */
function byId(json: StackJson, type: string, start: string): [string, Record<string, unknown>] {
  const found = Object.entries(all(json, type)).filter(([id]) => id.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one ${type} ${start}*, found ${found.length}`);
  return found[0];
}

const NAMESPACE_COMMON = {
  sku: 'Premium', capacity: 1, premium_messaging_partitions: 1, local_auth_enabled: false, minimum_tls_version: '1.2',
  public_network_access_enabled: false, identity: { type: 'SystemAssigned' },
  network_rule_set: { default_action: 'Allow', public_network_access_enabled: false, trusted_services_allowed: false },
};

describe('isoDuration', () => {
  test.each([
    [1, 'PT1S'], [5, 'PT5S'], [59, 'PT59S'], [60, 'PT1M'], [90, 'PT1M30S'], [300, 'PT5M'], [3600, 'PT1H'], [3661, 'PT1H1M1S'],
    [7200, 'PT2H'], [86399, 'PT23H59M59S'], [86400, 'P1D'], [86460, 'P1DT1M'], [93784, 'P1DT2H3M4S'], [14 * 86400, 'P14D'],
    [10675199 * 86400, 'P10675199D'], [0, 'P'],
  ])('isoDuration(%d) is %s', (seconds, iso) => {
    expect(isoDuration(seconds)).toBe(iso);
  });
});

describe('Service Bus under zoneRedundant', () => {
  test('one Premium namespace with the topic, the subscription, the roles, the diagnostics and the endpoint; no standby', () => {
    const { bus, json } = build({ senders: { Orders: { principalId: SENDER } }, receivers: { Tracking: { principalId: RECEIVER } } });
    const [nsId, ns] = byId(json, 'azurerm_servicebus_namespace', 'Events_westus3_Namespace_');
    const [rgId] = byId(json, 'azurerm_resource_group', 'Events_westus3_ResourceGroup_');
    const tags = { component: 'event-bus', 'managed-by': 'cdktf-order-platform', pattern: 'zoneRedundant' };
    expect(ns).toEqual({
      ...NAMESPACE_COMMON, name: `shop-sbns-westus3-${pathHash('test/Events/westus3/Namespace')}`, location: 'westus3',
      resource_group_name: `\${azurerm_resource_group.${rgId}.name}`, tags: { ...tags, region: 'westus3' }, lifecycle: { prevent_destroy: true },
    });
    expect(only(json, 'azurerm_resource_group')).toEqual({ name: `shop-rg-events-westus3-${pathHash('test/Events/westus3')}`, location: 'westus3', tags });
    const [topicId, topic] = byId(json, 'azurerm_servicebus_topic', 'Events_westus3_OrderEventsTopic_');
    expect(topic).toEqual({
      name: 'order-events', namespace_id: `\${azurerm_servicebus_namespace.${nsId}.id}`, partitioning_enabled: false, requires_duplicate_detection: true,
      duplicate_detection_history_time_window: 'PT10M', default_message_ttl: 'P14D', batched_operations_enabled: true, lifecycle: { prevent_destroy: true },
    });
    const [subscriptionId, subscription] = byId(json, 'azurerm_servicebus_subscription', 'Events_westus3_DeliveryTrackingSubscription_');
    expect(subscription).toEqual({
      name: 'delivery-tracking', topic_id: `\${azurerm_servicebus_topic.${topicId}.id}`, max_delivery_count: 10, lock_duration: 'PT1M', default_message_ttl: 'P14D',
      dead_lettering_on_message_expiration: true, dead_lettering_on_filter_evaluation_error: true, lifecycle: { prevent_destroy: true },
    });
    expect(all(json, 'azurerm_role_assignment')).toEqual({
      [byId(json, 'azurerm_role_assignment', 'Events_westus3_Sender-Orders_')[0]]: { principal_id: SENDER, role_definition_name: 'Azure Service Bus Data Sender', scope: `\${azurerm_servicebus_topic.${topicId}.id}` },
      [byId(json, 'azurerm_role_assignment', 'Events_westus3_Receiver-Tracking_')[0]]: { principal_id: RECEIVER, role_definition_name: 'Azure Service Bus Data Receiver', scope: `\${azurerm_servicebus_subscription.${subscriptionId}.id}` },
    });
    expect(byId(json, 'azurerm_monitor_diagnostic_setting', 'Events_westus3_NamespaceDiagnostics_')[1]).toEqual({
      name: 'to-log-analytics', target_resource_id: `\${azurerm_servicebus_namespace.${nsId}.id}`, log_analytics_workspace_id: WORKSPACE('westus3'), enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(Object.keys(all(json, 'azurerm_monitor_diagnostic_setting'))).toHaveLength(1);
    expect(all(json, 'azurerm_servicebus_namespace_disaster_recovery_config')).toEqual({});
    expect(resolved(bus, bus.endpoints)).toEqual({ westus3: { region: 'westus3', host: `\${azurerm_servicebus_namespace.${nsId}.name}.servicebus.windows.net`, topic: 'order-events', subscription: 'delivery-tracking' } });
    expect(resolved(bus, bus.privateEndpoints)).toEqual([{ key: 'westus3', qualifier: 'sb-westus3', resourceId: `\${azurerm_servicebus_namespace.${nsId}.id}`, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region: 'westus3' }]);
    expect(Object.keys(bus.serviceBusNamespaces)).toEqual(['westus3']);
    expect(bus.serviceBusTopics.westus3.node.path).toBe('test/Events/westus3/OrderEventsTopic');
    expect(bus.serviceBusSubscriptions.westus3.node.path).toBe('test/Events/westus3/DeliveryTrackingSubscription');
    expect([bus.standbyNamespaces, bus.geoDrAliases, bus.eventGridTopics, bus.deadLetterStorageAccounts]).toEqual([{}, {}, {}, {}]);
  });

  test('options reach the namespace, the topic and the subscription; removalPolicy DESTROY lifts prevent_destroy', () => {
    const { json } = build({
      removalPolicy: RemovalPolicy.DESTROY,
      transport: EventTransport.serviceBus({ capacity: 4, partitions: 2, maxDeliveryCount: 3, lockDurationSeconds: 90, duplicateDetectionWindowMinutes: 10080, defaultMessageTtlDays: 1 }),
    });
    const ns = only(json, 'azurerm_servicebus_namespace');
    expect([ns.capacity, ns.premium_messaging_partitions, ns.lifecycle]).toEqual([4, 2, { prevent_destroy: false }]);
    const topic = only(json, 'azurerm_servicebus_topic');
    expect([topic.partitioning_enabled, topic.duplicate_detection_history_time_window, topic.default_message_ttl, topic.lifecycle]).toEqual([true, 'P7D', 'P1D', { prevent_destroy: false }]);
    const subscription = only(json, 'azurerm_servicebus_subscription');
    expect([subscription.max_delivery_count, subscription.lock_duration, subscription.default_message_ttl, subscription.lifecycle]).toEqual([3, 'PT1M30S', 'P1D', { prevent_destroy: false }]);
  });

  test('the largest capacity with the most partitions, and the bounds of every number option, are accepted', () => {
    const { json } = build({ transport: EventTransport.serviceBus({ capacity: 16, partitions: 4, maxDeliveryCount: 2147483647, lockDurationSeconds: 300, duplicateDetectionWindowMinutes: 1, defaultMessageTtlDays: 10675199 }) });
    expect([only(json, 'azurerm_servicebus_namespace').capacity, only(json, 'azurerm_servicebus_namespace').premium_messaging_partitions]).toEqual([16, 4]);
    expect(only(json, 'azurerm_servicebus_topic')).toMatchObject({ duplicate_detection_history_time_window: 'PT1M', default_message_ttl: 'P10675199D' });
    expect(only(json, 'azurerm_servicebus_subscription')).toMatchObject({ max_delivery_count: 2147483647, lock_duration: 'PT5M' });
    const low = build({ transport: EventTransport.serviceBus({ capacity: 2, partitions: 2, maxDeliveryCount: 1, lockDurationSeconds: 5 }) }).json;
    expect(only(low, 'azurerm_servicebus_subscription')).toMatchObject({ max_delivery_count: 1, lock_duration: 'PT5S' });
    expect(only(low, 'azurerm_servicebus_topic').partitioning_enabled).toBe(true);
  });
});

describe('Service Bus under paired patterns', () => {
  test('primarySecondary: the first region holds the entities, the second a standby paired through the geo-DR alias; both publish through the alias', () => {
    const { bus, json } = build({ ...PS, ...ownGroups(PS.regions), senders: { Orders: { principalId: SENDER } }, receivers: { Tracking: { principalId: RECEIVER } } });
    const [primaryId] = byId(json, 'azurerm_servicebus_namespace', 'Events_westus3_Namespace_');
    const [standbyId, standby] = byId(json, 'azurerm_servicebus_namespace', 'Events_eastus_Standby-westus3_');
    const [rgId] = byId(json, 'azurerm_resource_group', 'Events_eastus_ResourceGroup_');
    expect(standby).toEqual({
      ...NAMESPACE_COMMON, name: `shop-sbns-eastus-dr-${pathHash('test/Events/eastus/Standby-westus3')}`, location: 'eastus',
      resource_group_name: `\${azurerm_resource_group.${rgId}.name}`,
      tags: { component: 'event-bus', 'managed-by': 'cdktf-order-platform', pattern: 'primarySecondary', region: 'eastus' },
      // Azure refuses updates to a paired secondary.
      lifecycle: { prevent_destroy: true, ignore_changes: 'all' },
    });
    const [topicId] = byId(json, 'azurerm_servicebus_topic', 'Events_westus3_OrderEventsTopic_');
    const [subscriptionId] = byId(json, 'azurerm_servicebus_subscription', 'Events_westus3_DeliveryTrackingSubscription_');
    const [, alias] = byId(json, 'azurerm_servicebus_namespace_disaster_recovery_config', 'Events_westus3_GeoDrAlias_');
    const aliasName = `shop-sbns-alias-westus3-${pathHash('test/Events/westus3/GeoDrAlias')}`;
    expect(alias).toEqual({
      name: aliasName, primary_namespace_id: `\${azurerm_servicebus_namespace.${primaryId}.id}`, partner_namespace_id: `\${azurerm_servicebus_namespace.${standbyId}.id}`,
      depends_on: [`azurerm_servicebus_topic.${topicId}`, `azurerm_servicebus_subscription.${subscriptionId}`], lifecycle: { prevent_destroy: true },
    });
    // The entities exist on the primary only.
    expect(Object.keys(all(json, 'azurerm_servicebus_topic'))).toHaveLength(1);
    expect(Object.keys(all(json, 'azurerm_servicebus_subscription'))).toHaveLength(1);
    expect(byId(json, 'azurerm_role_assignment', 'Events_eastus_Standby-westus3-Sender-Orders_')[1]).toEqual({ principal_id: SENDER, role_definition_name: 'Azure Service Bus Data Sender', scope: `\${azurerm_servicebus_namespace.${standbyId}.id}` });
    expect(byId(json, 'azurerm_role_assignment', 'Events_eastus_Standby-westus3-Receiver-Tracking_')[1]).toEqual({ principal_id: RECEIVER, role_definition_name: 'Azure Service Bus Data Receiver', scope: `\${azurerm_servicebus_namespace.${standbyId}.id}` });
    expect(Object.keys(all(json, 'azurerm_role_assignment'))).toHaveLength(4);
    expect(byId(json, 'azurerm_monitor_diagnostic_setting', 'Events_eastus_Standby-westus3Diagnostics_')[1]).toMatchObject({ target_resource_id: `\${azurerm_servicebus_namespace.${standbyId}.id}`, log_analytics_workspace_id: WORKSPACE('eastus') });
    const endpoint = { host: `${aliasName}.servicebus.windows.net`, topic: 'order-events', subscription: 'delivery-tracking' };
    expect(bus.endpoints).toEqual({ westus3: { region: 'westus3', ...endpoint }, eastus: { region: 'eastus', ...endpoint } });
    expect(resolved(bus, bus.privateEndpoints)).toEqual([
      { key: 'westus3', qualifier: 'sb-westus3', resourceId: `\${azurerm_servicebus_namespace.${primaryId}.id}`, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region: 'westus3' },
      { key: 'westus3-standby-eastus', qualifier: 'sb-westus3-standby-eastus', resourceId: `\${azurerm_servicebus_namespace.${standbyId}.id}`, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region: 'eastus' },
    ]);
    expect(Object.keys(bus.standbyNamespaces)).toEqual(['westus3']);
    expect(bus.standbyNamespaces.westus3.node.path).toBe('test/Events/eastus/Standby-westus3');
    expect(bus.geoDrAliases.westus3.node.path).toBe('test/Events/westus3/GeoDrAlias');
  });

  test('activePassive pairs the first region with the second, like primarySecondary', () => {
    const regions = ['westus3', 'eastus'];
    const { bus, json } = build({ pattern: RedundancyPattern.activePassive(), regions, ...ownGroups(regions) });
    expect(Object.values(all(json, 'azurerm_servicebus_namespace')).map((n) => n.location).sort()).toEqual(['eastus', 'westus3']);
    expect(Object.keys(all(json, 'azurerm_servicebus_namespace_disaster_recovery_config'))).toHaveLength(1);
    expect(Object.keys(bus.endpoints)).toEqual(['westus3', 'eastus']);
    expect(bus.endpoints.eastus.host).toBe(bus.endpoints.westus3.host);
  });

  test('activeActive: every region holds entities, paired with a standby in its partner region; each region publishes through its own alias', () => {
    const regions = ['westus3', 'eastus', 'centralus'];
    const { bus, json } = build({ pattern: RedundancyPattern.activeActive(), regions, ...ownGroups(regions), senders: { Orders: { principalId: SENDER } } });
    expect(Object.keys(bus.serviceBusNamespaces)).toEqual(regions);
    expect(Object.entries(bus.standbyNamespaces).map(([region, ns]) => [region, ns.locationInput])).toEqual([['westus3', 'eastus'], ['eastus', 'westus3'], ['centralus', 'eastus']]);
    expect(Object.keys(bus.geoDrAliases)).toEqual(regions);
    expect(Object.keys(all(json, 'azurerm_servicebus_topic'))).toHaveLength(3);
    expect(Object.keys(all(json, 'azurerm_servicebus_namespace'))).toHaveLength(6);
    for (const region of regions) {
      expect(bus.endpoints[region]).toEqual({ region, host: `shop-sbns-alias-${region}-${pathHash(`test/Events/${region}/GeoDrAlias`)}.servicebus.windows.net`, topic: 'order-events', subscription: 'delivery-tracking' });
    }
    expect(Object.keys(all(json, 'azurerm_role_assignment'))).toHaveLength(6);
  });

  test('regionPinned: an unpaired namespace with entities in every cell', () => {
    const regions = ['westeurope', 'brazilsouth'];
    const { bus, json } = build({ pattern: RedundancyPattern.regionPinned(), regions, ...ownGroups(regions) });
    expect(Object.keys(bus.serviceBusNamespaces)).toEqual(regions);
    expect(bus.standbyNamespaces).toEqual({});
    expect(all(json, 'azurerm_servicebus_namespace_disaster_recovery_config')).toEqual({});
    expect(Object.keys(all(json, 'azurerm_servicebus_topic'))).toHaveLength(2);
    for (const region of regions) {
      const [nsId] = byId(json, 'azurerm_servicebus_namespace', `Events_${region}_Namespace_`);
      expect(resolved(bus, bus.endpoints[region])).toEqual({ region, host: `\${azurerm_servicebus_namespace.${nsId}.name}.servicebus.windows.net`, topic: 'order-events', subscription: 'delivery-tracking' });
    }
  });

  test('partitions reach the standby namespace too', () => {
    const { json } = build({ ...PS, ...ownGroups(PS.regions), transport: EventTransport.serviceBus({ capacity: 4, partitions: 4 }) });
    const namespaces = Object.values(all(json, 'azurerm_servicebus_namespace'));
    expect(namespaces.map((n) => [n.capacity, n.premium_messaging_partitions])).toEqual([[4, 4], [4, 4]]);
  });
});

describe('Service Bus options are checked', () => {
  test('a capacity Service Bus does not offer', () => {
    expect(options({ capacity: 3 })).toEqual([['test/Events', 'transport.capacity', 3, 'not a number of Premium messaging units Service Bus offers (expected 1, 2, 4, 8, 16, got the number 3)', 'use one of 1, 2, 4, 8, 16']]);
  });

  test('partitions Service Bus does not offer; a capacity that is no multiple of the partitions', () => {
    expect(options({ partitions: 3 })).toEqual([['test/Events', 'transport.partitions', 3, 'not a number of Premium messaging partitions Service Bus offers (expected 1, 2, 4, got the number 3)', 'use one of 1, 2, 4']]);
    const spread = 'use a capacity that is a multiple of the partitions (e.g. capacity 4 with 2 or 4 partitions)';
    expect(options({ capacity: 2, partitions: 4 })).toEqual([['test/Events', 'transport.partitions', 4, '2 messaging unit(s) cannot be spread over 4 partitions', spread]]);
    // Partitions default to 1, which divides every capacity; a capacity refused falls back to 1.
    expect(options({ partitions: 2 })).toEqual([['test/Events', 'transport.partitions', 2, '1 messaging unit(s) cannot be spread over 2 partitions', spread]]);
    expect(options({ capacity: 3, partitions: 2 }).map((v) => v[3])).toEqual([
      'not a number of Premium messaging units Service Bus offers (expected 1, 2, 4, 8, 16, got the number 3)', '1 messaging unit(s) cannot be spread over 2 partitions',
    ]);
  });

  test.each<[string, number, number, number, string]>([
    ['maxDeliveryCount', 0, 1, 2147483647, 'a message is delivered at least once'],
    ['lockDurationSeconds', 4, 5, 300, 'Azure locks a message for at most 5 minutes'],
    ['lockDurationSeconds', 301, 5, 300, 'Azure locks a message for at most 5 minutes'],
    ['lockDurationSeconds', 1.5, 5, 300, 'Azure locks a message for at most 5 minutes'],
    ['duplicateDetectionWindowMinutes', 0, 1, 10080, 'Azure detects duplicates over 20 seconds to 7 days'],
    ['duplicateDetectionWindowMinutes', 10081, 1, 10080, 'Azure detects duplicates over 20 seconds to 7 days'],
    ['defaultMessageTtlDays', 0, 1, 10675199, "at most Azure's unbounded time to live"],
    ['defaultMessageTtlDays', 10675200, 1, 10675199, "at most Azure's unbounded time to live"],
  ])('%s %d is refused', (key, value, min, max, why) => {
    expect(options({ [key]: value })).toEqual([['test/Events', `transport.${key}`, value, `must be an integer from ${min} to ${max} (${why})`, `set transport.${key} between ${min} and ${max}`]]);
  });

  test('unknown options and wrong types are refused by the options\' shape', () => {
    const [[path, prop, value, problem]] = options({ capacity: '2' });
    expect([path, prop, value]).toEqual(['test/Events', 'transport.capacity', '2']);
    expect(problem).toMatch(/^expected a number/);
    for (const key of ['partitions', 'maxDeliveryCount', 'lockDurationSeconds', 'duplicateDetectionWindowMinutes', 'defaultMessageTtlDays']) {
      expect(options({ [key]: 'x' }).map((v) => v[1])).toEqual([`transport.${key}`]);
    }
    expect(options({ lockDuration: 'PT1M' }).map((v) => [v[1], v[3]])).toEqual([['transport.lockDuration', "unknown option 'lockDuration', which would be ignored"]]);
  });

  test('every violation is reported at once', () => {
    expect(options({ capacity: 3, maxDeliveryCount: 0, lockDurationSeconds: 4, duplicateDetectionWindowMinutes: 0, defaultMessageTtlDays: 0 }).map((v) => v[1])).toEqual([
      'transport.capacity', 'transport.maxDeliveryCount', 'transport.lockDurationSeconds', 'transport.duplicateDetectionWindowMinutes', 'transport.defaultMessageTtlDays',
    ]);
  });
});

describe('Service Bus names', () => {
  test('overrides of the namespace, standby, alias, topic and subscription; the endpoints follow', () => {
    const { bus, json } = build({
      ...PS, ...ownGroups(PS.regions),
      names: { serviceBusNamespaces: { westus3: 'contoso-orders-w3' }, standbyNamespaces: { westus3: 'contoso-orders-e1' }, geoDrAliases: { westus3: 'contoso-orders' }, topic: 'orders', subscription: 'tracking' },
    });
    expect(Object.values(all(json, 'azurerm_servicebus_namespace')).map((n) => [n.location, n.name])).toEqual([['eastus', 'contoso-orders-e1'], ['westus3', 'contoso-orders-w3']]);
    expect(only(json, 'azurerm_servicebus_namespace_disaster_recovery_config').name).toBe('contoso-orders');
    expect(only(json, 'azurerm_servicebus_topic').name).toBe('orders');
    expect(only(json, 'azurerm_servicebus_subscription').name).toBe('tracking');
    expect(bus.endpoints.eastus).toEqual({ region: 'eastus', host: 'contoso-orders.servicebus.windows.net', topic: 'orders', subscription: 'tracking' });
  });

  test('a namespace for a region without one, and names that break Azure\'s rules', () => {
    expect(violations({ ...PS, names: { serviceBusNamespaces: { eastus: 'contoso-orders-e1' } } })).toEqual([[
      'test/Events', 'names.serviceBusNamespaces.eastus', 'contoso-orders-e1',
      'no Service Bus namespace of this construct is in eastus (only in westus3), so the name would be ignored', 'key names.serviceBusNamespaces by westus3',
    ]]);
    expect(violations({ names: { serviceBusNamespaces: { westus3: 'orders-sb' } } }).map((v) => [v[1], v[3]])).toEqual([['names.serviceBusNamespaces.westus3', "a Service Bus namespace name must not end with '-sb' or '-mgmt'"]]);
    expect(violations({ ...PS, names: { standbyNamespaces: { westus3: 'orders-mgmt' }, geoDrAliases: { westus3: 'Orders-sb' } } }).map((v) => v[1])).toEqual(['names.standbyNamespaces.westus3', 'names.geoDrAliases.westus3']);
  });

  test('standby and alias names where the pattern does not pair, or for a region that is not paired', () => {
    const none = (prop: string, name: string) => ['test/Events', `${prop}.westus3`, name, 'this construct creates no Service Bus namespace, so the name would be ignored', `drop ${prop}`];
    expect(violations({ names: { standbyNamespaces: { westus3: 'contoso-orders-dr' }, geoDrAliases: { westus3: 'contoso-orders' } } })).toEqual([none('names.standbyNamespaces', 'contoso-orders-dr'), none('names.geoDrAliases', 'contoso-orders')]);
    expect(violations({ ...PS, names: { standbyNamespaces: { eastus: 'contoso-orders-dr' } } })).toEqual([[
      'test/Events', 'names.standbyNamespaces.eastus', 'contoso-orders-dr',
      'no Service Bus namespace of this construct is in eastus (only in westus3), so the name would be ignored', 'key names.standbyNamespaces by westus3',
    ]]);
  });

  test('namespaces and aliases share one host name space: a name used twice is refused, whatever its case', () => {
    const why = 'namespaces and geo-DR aliases share the servicebus.windows.net host names';
    expect(violations({ ...PS, names: { serviceBusNamespaces: { westus3: 'contoso-orders' }, standbyNamespaces: { westus3: 'CONTOSO-ORDERS' }, geoDrAliases: { westus3: 'Contoso-Orders' } } })).toEqual([
      ['test/Events', 'names.standbyNamespaces.westus3', 'CONTOSO-ORDERS', `the same name as names.serviceBusNamespaces.westus3 (${why})`, 'give each resource its own name'],
      ['test/Events', 'names.geoDrAliases.westus3', 'Contoso-Orders', `the same name as names.serviceBusNamespaces.westus3 (${why})`, 'give each resource its own name'],
    ]);
    expect(violations({ ...PS, names: { standbyNamespaces: { westus3: 'contoso-orders' }, geoDrAliases: { westus3: 'contoso-orders' } } }).map((v) => [v[1], v[3]])).toEqual([
      ['names.geoDrAliases.westus3', `the same name as names.standbyNamespaces.westus3 (${why})`],
    ]);
  });

  test('Event Grid names on a Service Bus bus are refused, each at its prop', () => {
    const why = 'it names an Event Grid resource, and this bus uses Service Bus, so the name would be ignored';
    expect(violations({ names: { eventGridTopics: { westus3: 'orders' }, deadLetterStorageAccounts: { westus3: 'contosodl' }, deadLetterContainer: 'dead' } })).toEqual([
      ['test/Events', 'names.eventGridTopics', { westus3: 'orders' }, why, 'drop names.eventGridTopics'],
      ['test/Events', 'names.deadLetterStorageAccounts', { westus3: 'contosodl' }, why, 'drop names.deadLetterStorageAccounts'],
      ['test/Events', 'names.deadLetterContainer', 'dead', why, 'drop names.deadLetterContainer'],
    ]);
  });

  test('topic and subscription names follow Azure\'s rules', () => {
    expect(violations({ names: { topic: 'order events', subscription: 'a'.repeat(51) } }).map((v) => [v[1], v[2]])).toEqual([['names.topic', 'order events'], ['names.subscription', 'a'.repeat(51)]]);
    expect(violations({ names: { topic: 'order events' } })[0][3]).toMatch(/^a Service Bus topic name allows letters, digits, periods, hyphens, tildes, slashes and underscores/);
    expect(violations({ names: { subscription: '-tracking' } })[0][3]).toMatch(/^a Service Bus subscription name allows letters, digits, periods, hyphens and underscores/);
  });
});
