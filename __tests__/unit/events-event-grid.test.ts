import { Construct } from 'constructs';
import { TerraformVariable } from 'cdktf';
import { PrivateDnsZones } from '../../lib/common/private-dns-zones';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { EventBus } from '../../lib/events/event-bus';
import { EventBusProps } from '../../lib/events/event-bus-types';
import { checkWebhookUrl } from '../../lib/events/event-grid';
import { EventTransport } from '../../lib/events/transport';
import { EventGridOptions } from '../../lib/events/transport-types';
import { resolved } from '../support/resolve';
import { ownGroups } from '../support/standalone';
import { all, StackJson, synthStack, testStack } from '../support/synth';

/**
 * lib/events/event-grid.ts (the Event Grid transport of the event bus): each test builds one small EventBus and at
 * most synthesizes its stack.
 */

const SENDER = '11111111-2222-3333-4444-555555555555';
const URL = 'https://tracking.example.com/tracking/events';
const WORKSPACE = (region: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-${region}`;
const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']) };
const WARNING = 'Event Grid has no subscriptions yet (subscribe: false): events published to the topics are dropped. Set subscribe: true once the webhook answers (after the Private Link connections are approved) and deploy again.';
const NEVER_ADDED = 'subscribe and deferSubscriptions are true, and addWebhookSubscriptions(scope) was never called: no subscription would exist. Call it with the stack applied after the webhook exists.';

function eventGrid(scope: Construct, options: EventGridOptions, props: Partial<EventBusProps> = {}): EventBus {
  return new EventBus(scope, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']), transport: EventTransport.eventGrid(options), ...props });
}

/** [construct path, prop, value, problem, fix] of every violation a call raises. */
function violations(call: () => unknown): unknown[][] {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.constructPath, v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error('accepted');
}

function propsViolations(options: Record<string, unknown>, props: Record<string, unknown> = {}): unknown[][] {
  return violations(() => eventGrid(testStack(), options as EventGridOptions, props as Partial<EventBusProps>));
}

/** The logical ID and resource of the only resource of a type whose logical ID starts with `start`. */
function byId(json: StackJson, type: string, start: string): [string, Record<string, unknown>] {
  const found = Object.entries(all(json, type)).filter(([id]) => id.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one ${type} ${start}*, found ${found.length}`);
  return found[0];
}

/** The warnings a construct carries. */
function warnings(construct: Construct): unknown[] {
  return construct.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
}

describe('checkWebhookUrl', () => {
  const scope = new Construct(undefined as never, 'Bus');
  test.each(['https://x.example.com', 'https://x.example.com/tracking/events', 'https://10.0.0.4:8443/e?k=v', 'https://ab'])('%s is an HTTPS webhook', (url) => {
    expect(checkWebhookUrl(scope, 'transport.webhookUrl', url)).toBe(url);
  });

  test.each([
    'http://x.example.com/e', 'https://', 'https:///events', 'https://x.example.com/a b', 'https://x.example.com events', 'see https://x.example.com',
    'https://x example.com', 'HTTPS://x.example.com', '',
  ])('%j is refused', (url) => {
    expect(violations(() => checkWebhookUrl(scope, 'transport.webhookUrl', url))).toEqual([[
      'Bus', 'transport.webhookUrl', url, 'Event Grid delivers to an HTTPS webhook', "use the tracking service's HTTPS URL, e.g. 'https://tracking.contoso.com/tracking/events'",
    ]]);
  });

  test('a Terraform token passes; a value that is no string is refused, even one that prints as a URL', () => {
    const stack = testStack();
    const token = new TerraformVariable(stack, 'url', { type: 'string' }).stringValue;
    expect(checkWebhookUrl(stack, 'webhookUrl', token)).toBe(token);
    const printsAsUrl = { toString: () => 'https://x.example.com' };
    expect(violations(() => checkWebhookUrl(stack, 'webhookUrl', printsAsUrl as never)).map((v) => [v[1], v[2]])).toEqual([['webhookUrl', printsAsUrl]]);
  });
});

describe('Event Grid resources', () => {
  test('a topic per region with its private endpoint, dead-letter storage, sender roles, diagnostics and endpoint', () => {
    const stack = testStack();
    const bus = eventGrid(stack, { webhookUrl: URL, subscribe: true }, { senders: { Orders: { principalId: SENDER } } });
    const json = synthStack(stack);
    const [topicId, topic] = byId(json, 'azurerm_eventgrid_topic', 'Events_westus3_EventGridTopic_');
    const [rgId] = byId(json, 'azurerm_resource_group', 'Events_westus3_ResourceGroup_');
    const tags = { component: 'event-bus', 'managed-by': 'cdktf-order-platform', pattern: 'zoneRedundant', region: 'westus3' };
    expect(topic).toEqual({
      name: `shop-evgt-westus3-${pathHash('test/Events/westus3')}`, location: 'westus3', resource_group_name: `\${azurerm_resource_group.${rgId}.name}`,
      input_schema: 'CloudEventSchemaV1_0', local_auth_enabled: false, public_network_access_enabled: false, identity: { type: 'SystemAssigned' }, tags,
    });
    const [storageId, storage] = byId(json, 'azurerm_storage_account', 'Events_westus3_DeadLetterStorage_');
    expect(storage).toEqual({
      name: `shopstwestus3${pathHash('test/Events/westus3')}`, location: 'westus3', resource_group_name: `\${azurerm_resource_group.${rgId}.name}`,
      account_kind: 'StorageV2', account_tier: 'Standard', account_replication_type: 'ZRS', https_traffic_only_enabled: true, min_tls_version: 'TLS1_2',
      shared_access_key_enabled: false, default_to_oauth_authentication: true, allow_nested_items_to_be_public: false,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
      blob_properties: { delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 } },
      tags, lifecycle: { prevent_destroy: true },
    });
    const [containerId, container] = byId(json, 'azurerm_storage_container', 'Events_westus3_DeadLetterContainer_');
    expect(container).toEqual({ name: 'dead-letters', storage_account_id: `\${azurerm_storage_account.${storageId}.id}`, container_access_type: 'private' });
    const [writerId, writer] = byId(json, 'azurerm_role_assignment', 'Events_westus3_TopicDeadLetterWriter_');
    expect(writer).toEqual({
      scope: `\${azurerm_storage_account.${storageId}.id}`, role_definition_name: 'Storage Blob Data Contributor',
      principal_id: `\${azurerm_eventgrid_topic.${topicId}.identity[0].principal_id}`, principal_type: 'ServicePrincipal',
    });
    expect(byId(json, 'azurerm_role_assignment', 'Events_westus3_Sender-Orders_')[1]).toEqual({ scope: `\${azurerm_eventgrid_topic.${topicId}.id}`, role_definition_name: 'EventGrid Data Sender', principal_id: SENDER });
    expect(Object.keys(all(json, 'azurerm_role_assignment'))).toHaveLength(2);
    expect(byId(json, 'azurerm_monitor_diagnostic_setting', 'Events_westus3_EventGridDiagnostics_')[1]).toEqual({
      name: 'to-log-analytics', target_resource_id: `\${azurerm_eventgrid_topic.${topicId}.id}`, log_analytics_workspace_id: WORKSPACE('westus3'), enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }],
    });
    // The dead-letter account's metrics, and its blob service's reads, writes and deletes.
    expect(byId(json, 'azurerm_monitor_diagnostic_setting', 'Events_westus3_DeadLetterStorageDiagnostics_')[1]).toEqual({
      name: 'to-log-analytics', target_resource_id: `\${azurerm_storage_account.${storageId}.id}`, log_analytics_workspace_id: WORKSPACE('westus3'), enabled_log: [], enabled_metric: [{ category: 'Transaction' }],
    });
    expect(byId(json, 'azurerm_monitor_diagnostic_setting', 'Events_westus3_DeadLetterBlobDiagnostics_')[1]).toEqual({
      name: 'to-log-analytics', target_resource_id: `\${azurerm_storage_account.${storageId}.id}/blobServices/default`, log_analytics_workspace_id: WORKSPACE('westus3'),
      enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }], enabled_metric: [{ category: 'Transaction' }],
    });
    expect(byId(json, 'azurerm_eventgrid_event_subscription', 'Events_westus3_DeliveryTrackingSubscription_')[1]).toEqual({
      name: 'delivery-tracking', scope: `\${azurerm_eventgrid_topic.${topicId}.id}`, event_delivery_schema: 'CloudEventSchemaV1_0',
      webhook_endpoint: { url: URL, max_events_per_batch: 1, preferred_batch_size_in_kilobytes: 64 },
      retry_policy: { max_delivery_attempts: 30, event_time_to_live: 1440 }, dead_letter_identity: { type: 'SystemAssigned' },
      storage_blob_dead_letter_destination: { storage_account_id: `\${azurerm_storage_account.${storageId}.id}`, storage_blob_container_name: `\${azurerm_storage_container.${containerId}.name}` },
      depends_on: [`azurerm_role_assignment.${writerId}`],
    });
    const endpoint = `\${azurerm_eventgrid_topic.${topicId}.endpoint}`;
    expect(resolved(bus, bus.endpoints)).toEqual({ westus3: { region: 'westus3', host: endpoint, topic: endpoint } });
    expect(resolved(bus, bus.privateEndpoints)).toEqual([{ key: 'westus3', qualifier: 'evgt-westus3', resourceId: `\${azurerm_eventgrid_topic.${topicId}.id}`, subresource: 'topic', zone: PrivateDnsZones.EVENT_GRID, region: 'westus3' }]);
    expect(bus.eventGridTopics.westus3.node.path).toBe('test/Events/westus3/EventGridTopic');
    expect(bus.deadLetterStorageAccounts.westus3.node.path).toBe('test/Events/westus3/DeadLetterStorage');
    expect([bus.serviceBusNamespaces, bus.standbyNamespaces, bus.geoDrAliases, bus.serviceBusTopics, bus.serviceBusSubscriptions]).toEqual([{}, {}, {}, {}, {}]);
    expect(warnings(bus)).toEqual([]);
  });

  test('every region gets its own topic and storage, locally redundant where the region has no zones; retry options and removal policy apply', () => {
    const stack = testStack();
    const regions = ['canadacentral', 'canadaeast'];
    const bus = eventGrid(stack, { webhookUrl: URL, subscribe: true, maxDeliveryAttempts: 1, eventTimeToLiveMinutes: 1 }, {
      pattern: RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), regions, ...ownGroups(regions), removalPolicy: RemovalPolicy.DESTROY,
    });
    const json = synthStack(stack);
    expect(Object.values(all(json, 'azurerm_storage_account')).map((s) => [s.location, s.account_replication_type, s.lifecycle])).toEqual([
      ['canadacentral', 'ZRS', { prevent_destroy: false }], ['canadaeast', 'LRS', { prevent_destroy: false }],
    ]);
    expect(Object.values(all(json, 'azurerm_eventgrid_topic')).map((t) => t.location)).toEqual(regions);
    expect(Object.values(all(json, 'azurerm_eventgrid_event_subscription')).map((s) => s.retry_policy)).toEqual([
      { max_delivery_attempts: 1, event_time_to_live: 1 }, { max_delivery_attempts: 1, event_time_to_live: 1 },
    ]);
    expect(Object.keys(bus.endpoints)).toEqual(regions);
    expect(bus.privateEndpoints.map((e) => [e.key, e.qualifier])).toEqual([['canadacentral', 'evgt-canadacentral'], ['canadaeast', 'evgt-canadaeast']]);
  });
});

describe('Event Grid options are checked', () => {
  test('receivers are refused: Event Grid pushes', () => {
    expect(propsViolations({}, { receivers: { Tracker: { principalId: SENDER }, Audit: { principalId: SENDER } } })).toEqual([[
      'test/Events', 'receivers', ['Tracker', 'Audit'], 'Event Grid pushes events to the webhook, so there is nothing to grant receivers', 'drop receivers, or use EventTransport.serviceBus()',
    ]]);
  });

  test('a webhook that is not HTTPS', () => {
    expect(propsViolations({ webhookUrl: 'http://x.example.com/e' }).map((v) => [v[1], v[2], v[3]])).toEqual([['transport.webhookUrl', 'http://x.example.com/e', 'Event Grid delivers to an HTTPS webhook']]);
  });

  test('subscribe needs a webhook unless the subscriptions are deferred', () => {
    expect(propsViolations({ subscribe: true })).toEqual([[
      'test/Events', 'transport.webhookUrl', undefined, 'subscribe is true, and Event Grid needs the webhook to deliver to',
      "set webhookUrl to the tracking service's HTTPS endpoint, e.g. 'https://tracking.contoso.com/tracking/events'",
    ]]);
    expect(() => eventGrid(testStack(), { subscribe: true, deferSubscriptions: true })).not.toThrow();
    expect(() => eventGrid(testStack(), { subscribe: false })).not.toThrow();
    expect(() => eventGrid(testStack(), { deferSubscriptions: true })).not.toThrow();
  });

  test.each<[string, number, number, number, string]>([
    ['maxDeliveryAttempts', 0, 1, 30, 'Event Grid retries up to 30 times'],
    ['maxDeliveryAttempts', 31, 1, 30, 'Event Grid retries up to 30 times'],
    ['eventTimeToLiveMinutes', 0, 1, 1440, 'Event Grid retries for at most 24 hours'],
    ['eventTimeToLiveMinutes', 1441, 1, 1440, 'Event Grid retries for at most 24 hours'],
  ])('%s %d is refused', (key, value, min, max, why) => {
    expect(propsViolations({ [key]: value })).toEqual([['test/Events', `transport.${key}`, value, `must be an integer from ${min} to ${max} (${why})`, `set transport.${key} between ${min} and ${max}`]]);
  });

  test('the options\' shape: every option has its type', () => {
    for (const key of ['webhookUrl', 'subscribe', 'maxDeliveryAttempts', 'eventTimeToLiveMinutes', 'deferSubscriptions']) {
      expect(propsViolations({ [key]: null }).map((v) => v[1])).toEqual([`transport.${key}`]);
    }
    expect(propsViolations({ subscribe: 'yes' }).map((v) => v[1])).toEqual(['transport.subscribe']);
    expect(propsViolations({ maxDeliveryAttempts: '3' }).map((v) => v[1])).toEqual(['transport.maxDeliveryAttempts']);
  });

  test('every violation is reported at once, with the names\'', () => {
    expect(propsViolations({ webhookUrl: 'http://x', maxDeliveryAttempts: 0, eventTimeToLiveMinutes: 0 }, { receivers: { Tracker: { principalId: SENDER } }, names: { topic: 'orders' } }).map((v) => v[1])).toEqual([
      'receivers', 'transport.webhookUrl', 'transport.maxDeliveryAttempts', 'transport.eventTimeToLiveMinutes', 'names.topic',
    ]);
  });
});

describe('Event Grid names', () => {
  test('overrides of the topics, the dead-letter storage and container, and the subscription', () => {
    const stack = testStack();
    eventGrid(stack, { webhookUrl: URL, subscribe: true }, {
      ...PS, names: { eventGridTopics: { eastus: 'orders-east' }, deadLetterStorageAccounts: { westus3: 'contosodlw3' }, deadLetterContainer: 'failed-events', subscription: 'tracking-hook' },
    });
    const json = synthStack(stack);
    const names = (type: string) => Object.values(all(json, type)).map((r) => [r.location, r.name]);
    expect(names('azurerm_eventgrid_topic')).toEqual([['eastus', 'orders-east'], ['westus3', `shop-evgt-westus3-${pathHash('test/Events/westus3')}`]]);
    expect(names('azurerm_storage_account')).toEqual([['eastus', `shopsteastus${pathHash('test/Events/eastus')}`], ['westus3', 'contosodlw3']]);
    expect(Object.values(all(json, 'azurerm_storage_container')).map((c) => c.name)).toEqual(['failed-events', 'failed-events']);
    expect(Object.values(all(json, 'azurerm_eventgrid_event_subscription')).map((s) => s.name)).toEqual(['tracking-hook', 'tracking-hook']);
  });

  test('topic and storage names for regions the bus is not in, and names that break Azure\'s rules', () => {
    expect(propsViolations({}, { names: { eventGridTopics: { eastus: 'orders-east' }, deadLetterStorageAccounts: { eastus: 'contosodl' } } })).toEqual([
      ['test/Events', 'names.eventGridTopics.eastus', 'orders-east', 'no Event Grid topic of this construct is in eastus (only in westus3), so the name would be ignored', 'key names.eventGridTopics by westus3'],
      ['test/Events', 'names.deadLetterStorageAccounts.eastus', 'contosodl', 'no storage account of this construct is in eastus (only in westus3), so the name would be ignored', 'key names.deadLetterStorageAccounts by westus3'],
    ]);
    expect(propsViolations({}, { names: { eventGridTopics: { westus3: 'orders_west' }, deadLetterStorageAccounts: { westus3: 'contoso-dl' } } }).map((v) => [v[1], v[3]])).toEqual([
      ['names.eventGridTopics.westus3', expect.stringMatching(/^an Event Grid topic name allows letters, digits and hyphens/)],
      ['names.deadLetterStorageAccounts.westus3', expect.stringMatching(/^a storage account name allows lower-case letters and digits only/)],
    ]);
  });

  test('storage account names are globally unique: the same one twice is refused, whatever its case', () => {
    expect(propsViolations({}, { ...PS, names: { deadLetterStorageAccounts: { westus3: 'contosodl', eastus: 'contosodl' } } })).toEqual([[
      'test/Events', 'names.deadLetterStorageAccounts.eastus', 'contosodl', 'the same name as names.deadLetterStorageAccounts.westus3 (storage account names are globally unique)', 'give each resource its own name',
    ]]);
  });

  test('Service Bus names on an Event Grid bus are refused, each at its prop', () => {
    const why = 'it names a Service Bus resource, and this bus uses Event Grid, so the name would be ignored';
    expect(propsViolations({}, { names: { serviceBusNamespaces: { westus3: 'a' }, standbyNamespaces: { westus3: 'b' }, geoDrAliases: { westus3: 'c' }, topic: 'orders' } })).toEqual([
      ['test/Events', 'names.serviceBusNamespaces', { westus3: 'a' }, why, 'drop names.serviceBusNamespaces'],
      ['test/Events', 'names.standbyNamespaces', { westus3: 'b' }, why, 'drop names.standbyNamespaces'],
      ['test/Events', 'names.geoDrAliases', { westus3: 'c' }, why, 'drop names.geoDrAliases'],
      ['test/Events', 'names.topic', 'orders', why, 'drop names.topic'],
    ]);
  });

  test('subscription and container names follow Azure\'s rules', () => {
    expect(propsViolations({}, { names: { subscription: 'delivery_tracking', deadLetterContainer: 'DeadLetters' } }).map((v) => [v[1], v[3]])).toEqual([
      ['names.subscription', expect.stringMatching(/^an Event Grid subscription name allows letters, digits and hyphens/)],
      ['names.deadLetterContainer', expect.stringMatching(/^a blob container name allows lower-case letters, digits and hyphens/)],
    ]);
  });
});

describe('Event Grid webhook subscriptions', () => {
  test('without subscribe: no subscription, a warning, and adding them later adds nothing', () => {
    const stack = testStack();
    const bus = eventGrid(stack, { webhookUrl: URL });
    expect(warnings(bus)).toEqual([WARNING]);
    bus.addWebhookSubscriptions(new Construct(stack, 'Edge'));
    expect(bus.node.validate()).toEqual([]);
    expect(all(synthStack(stack), 'azurerm_eventgrid_event_subscription')).toEqual({});
  });

  test('deferSubscriptions without subscribe: nothing to add, nothing to fail', () => {
    const stack = testStack();
    const bus = eventGrid(stack, { webhookUrl: URL, deferSubscriptions: true });
    expect(warnings(bus)).toEqual([WARNING]);
    expect(bus.node.validate()).toEqual([]);
  });

  test('deferred: none until addWebhookSubscriptions, and the synth fails without the call', () => {
    const stack = testStack();
    const bus = eventGrid(stack, { webhookUrl: URL, subscribe: true, deferSubscriptions: true }, PS);
    expect(bus.node.validate()).toEqual([NEVER_ADDED]);
    expect(warnings(bus)).toEqual([]);
    const edge = new Construct(stack, 'Edge');
    bus.addWebhookSubscriptions(edge);
    expect(bus.node.validate()).toEqual([]);
    const json = synthStack(stack);
    const subscriptions = Object.entries(all(json, 'azurerm_eventgrid_event_subscription'));
    expect(subscriptions.map(([id, s]) => [id.replace(/_[0-9A-F]{8}$/, ''), s.webhook_endpoint.url, s.depends_on])).toEqual([
      ['Edge_DeliveryTrackingSubscription-eastus', URL, undefined], ['Edge_DeliveryTrackingSubscription-westus3', URL, undefined],
    ]);
  });

  test('the URL given to addWebhookSubscriptions wins, and is checked', () => {
    const stack = testStack();
    const bus = eventGrid(stack, { webhookUrl: URL, subscribe: true, deferSubscriptions: true });
    expect(violations(() => bus.addWebhookSubscriptions(undefined, 'http://edge.example.com'))).toEqual([[
      'test/Events', 'transport.webhookUrl', 'http://edge.example.com', 'Event Grid delivers to an HTTPS webhook', "use the tracking service's HTTPS URL, e.g. 'https://tracking.contoso.com/tracking/events'",
    ]]);
    const other = testStack();
    eventGrid(other, { webhookUrl: URL, subscribe: true, deferSubscriptions: true }).addWebhookSubscriptions(undefined, 'https://edge.example.com/e');
    const [[id, subscription]] = Object.entries(all(synthStack(other), 'azurerm_eventgrid_event_subscription'));
    // Without a scope, next to the topic, after the topic's dead-letter role.
    expect(id).toMatch(/^Events_westus3_DeliveryTrackingSubscription_[0-9A-F]{8}$/);
    expect(subscription.webhook_endpoint.url).toBe('https://edge.example.com/e');
    expect(subscription.depends_on).toEqual([expect.stringMatching(/^azurerm_role_assignment\.Events_westus3_TopicDeadLetterWriter_/)]);
  });

  test('deferred without any URL: adding them is refused', () => {
    const bus = eventGrid(testStack(), { subscribe: true, deferSubscriptions: true });
    expect(violations(() => bus.addWebhookSubscriptions(new Construct(bus, 'Later')))).toEqual([[
      'test/Events', 'transport.webhookUrl', undefined, 'subscribe is true, and Event Grid needs the webhook to deliver to', "set webhookUrl to the tracking service's HTTPS endpoint",
    ]]);
  });
});
