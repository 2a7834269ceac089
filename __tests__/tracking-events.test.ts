import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import {
  EventBus, EventBusProps, EventTransport, MultiRegionOrderPlatform, RedundancyPattern, RegionalStamp, RemovalPolicy, ServiceBusOptions, TrackingStore, TrackingStoreProps,
  ValidationError,
} from '../lib';
import { isoDuration } from '../lib/events/service-bus';
import { DATA_PATTERNS } from './support/patterns';
import { ownGroups, sink } from './support/standalone';
import { all, only, StackJson, synthApp, synthStack, testStack } from './support/synth';

const PRINCIPAL = '11111111-2222-3333-4444-555555555555';
const PRINCIPAL2 = '11111111-2222-3333-4444-666666666666';
/** Principals as `{ principalId }` (a `UserAssignedIdentity` satisfies the same interface). */
const ORDER_ID = { principalId: PRINCIPAL };
const TRACKING_ID = { principalId: PRINCIPAL2 };

const PATTERNS = DATA_PATTERNS;

function tracking(props: Partial<TrackingStoreProps> = {}) {
  const stack = testStack();
  const store = new TrackingStore(stack, 'Tracking', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(props.regions ?? ['westus3']), ...props });
  return { store, json: synthStack(stack) };
}

function bus(props: Partial<EventBusProps> = {}) {
  const stack = testStack();
  const eventBus = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(props.regions ?? ['westus3']), ...props });
  return { eventBus, json: synthStack(stack) };
}

describe.each(PATTERNS)('TrackingStore under %s', (kind, pattern, regions) => {
  const { store, json } = tracking({ pattern, regions, dataContributors: { DeliveryTracking: ORDER_ID } });
  const accounts = Object.values(all(json, 'azurerm_cosmosdb_account'));
  /** One account, or one per cell under regionPinned. */
  const accountCount = kind === 'regionPinned' ? regions.length : 1;

  test('geo locations in region order, failover priority 0 = primary, zone-redundant where the region has zones', () => {
    if (kind === 'regionPinned') {
      // One account per cell, never replicated outside it.
      expect(accounts.map((a) => a.geo_location)).toEqual(expect.arrayContaining(regions.map((r) => [{ location: r, failover_priority: 0, zone_redundant: true }])));
      expect(accounts).toHaveLength(regions.length);
      return;
    }
    expect(accounts).toHaveLength(1);
    expect(accounts[0].geo_location).toEqual(regions.map((location, i) => ({ location, failover_priority: i, zone_redundant: true })));
    expect(accounts[0].location).toBe(regions[0]);
  });

  test('writes and failover per pattern: single write + service-managed failover, or multi-region writes with Session', () => {
    expect(accounts).toHaveLength(accountCount);
    for (const account of accounts) {
      expect(account.multiple_write_locations_enabled).toBe(kind === 'activeActive');
      expect(account.automatic_failover_enabled).toBe(kind === 'primarySecondary' || kind === 'activePassive');
      expect(account.consistency_policy).toEqual({ consistency_level: 'Session' });
    }
  });

  test('backup: periodic geo-redundant with multi-region writes, continuous otherwise', () => {
    expect(accounts).toHaveLength(accountCount);
    for (const account of accounts) {
      expect(account.backup).toEqual(kind === 'activeActive'
        ? { type: 'Periodic', interval_in_minutes: 240, retention_in_hours: 8, storage_redundancy: 'Geo' }
        : { type: 'Continuous', tier: 'Continuous7Days' });
    }
  });

  test('security: no keys, no key-based metadata writes, TLS 1.2, no public access; protected', () => {
    expect(accounts).toHaveLength(accountCount);
    for (const account of accounts) {
      expect(account).toMatchObject({
        local_authentication_disabled: true,
        access_key_metadata_writes_enabled: false,
        minimal_tls_version: 'Tls12',
        public_network_access_enabled: false,
        lifecycle: { prevent_destroy: true },
      });
      // A service-managed failover (single write region) rewrites failover priorities; the next plan must not fail
      // back. Multi-write accounts have no such failover and keep their region list managed (adding a region adds it).
      expect(account.lifecycle.ignore_changes).toEqual(account.geo_location.length > 1 && kind !== 'activeActive' ? ['geo_location'] : undefined);
    }
  });

  test('deliveries and leases containers with autoscale, protected; data contributor role on the database', () => {
    const containers = Object.values(all(json, 'azurerm_cosmosdb_sql_container'));
    expect(containers).toHaveLength(2 * accounts.length);
    for (const c of containers) expect(c.lifecycle.prevent_destroy).toBe(true);
    const deliveries = containers.filter((c) => c.name === 'deliveries');
    expect(deliveries).toHaveLength(accounts.length);
    for (const d of deliveries) expect(d).toMatchObject({ partition_key_paths: ['/orderId'], autoscale_settings: { max_throughput: 4000 } });
    const leases = containers.filter((c) => c.name === 'leases');
    expect(leases).toHaveLength(accounts.length);
    for (const l of leases) expect(l).toMatchObject({ partition_key_paths: ['/id'], autoscale_settings: { max_throughput: 1000 } });
    const roles = Object.values(all(json, 'azurerm_cosmosdb_sql_role_assignment'));
    expect(roles).toHaveLength(accounts.length);
    for (const r of roles) {
      expect(r.principal_id).toBe(PRINCIPAL);
      expect(r.role_definition_id).toMatch(/\/sqlRoleDefinitions\/00000000-0000-0000-0000-000000000002$/);
      expect(r.scope).toMatch(/\/dbs\/tracking$/);
    }
  });

  test('workloads prefer their own region first', () => {
    for (const region of regions) {
      const { account, preferredRegions } = store.accountFor(region);
      expect(preferredRegions[0]).toBe(region);
      expect([...preferredRegions].sort()).toEqual([...account.regions].sort());
    }
  });
});

describe.each(PATTERNS)('EventBus (Service Bus) under %s', (kind, pattern, regions) => {
  const { eventBus, json } = bus({ pattern, regions, senders: { OrderService: ORDER_ID }, receivers: { DeliveryTracking: TRACKING_ID } });
  const namespaces = all(json, 'azurerm_servicebus_namespace');
  const aliases = Object.values(all(json, 'azurerm_servicebus_namespace_disaster_recovery_config'));
  const topics = Object.values(all(json, 'azurerm_servicebus_topic'));

  test('Premium namespaces: no SAS keys, TLS 1.2, no public access, protected', () => {
    const expected = { zoneRedundant: 1, primarySecondary: 2, activePassive: 2, activeActive: 2 * regions.length, regionPinned: regions.length }[kind];
    expect(Object.keys(namespaces)).toHaveLength(expected!);
    for (const ns of Object.values(namespaces)) {
      expect(ns).toMatchObject({ sku: 'Premium', capacity: 1, premium_messaging_partitions: 1, local_auth_enabled: false, minimum_tls_version: '1.2', public_network_access_enabled: false, lifecycle: { prevent_destroy: true } });
    }
    // The rule set repeats "no public access" with an Allow default: the provider fails after creating a namespace whose
    // rule set denies by default without IP or network rules, leaving it tainted (servicebus_namespace_resource.go).
    for (const ns of Object.values(namespaces)) {
      expect(ns.network_rule_set).toEqual({ default_action: 'Allow', public_network_access_enabled: false, trusted_services_allowed: false });
    }
    // Standby namespaces are never updated after pairing (Azure refuses updates to a paired secondary).
    const standbyIds = new Set(aliases.map((a) => a.partner_namespace_id));
    for (const [id, ns] of Object.entries(namespaces)) {
      expect(ns.lifecycle.ignore_changes).toEqual(standbyIds.has(`\${azurerm_servicebus_namespace.${id}.id}`) ? 'all' : undefined);
    }
  });

  test('geo-DR alias pairs each primary with a namespace in its partner region (the one listed before; the first region: the second); none when the pattern forbids it', () => {
    if (kind === 'zoneRedundant' || kind === 'regionPinned') return expect(aliases).toHaveLength(0);
    expect(aliases).toHaveLength(kind === 'activeActive' ? regions.length : 1);
    const location = (ref: string) => namespaces[ref.match(/azurerm_servicebus_namespace\.([^.]+)\.id/)![1]].location;
    const pairs = aliases.map((a) => [location(a.primary_namespace_id), location(a.partner_namespace_id)]);
    const expected = kind === 'activeActive' ? regions.map((r, i) => [r, regions[i === 0 ? 1 : i - 1]]) : [[regions[0], regions[1]]];
    expect(pairs.sort()).toEqual(expected.sort());
  });

  test('entities only on primary namespaces: topic order-events -> subscription delivery-tracking', () => {
    const primaryIds = new Set(aliases.map((a) => a.primary_namespace_id));
    const secondaryIds = new Set(aliases.map((a) => a.partner_namespace_id));
    // One topic per namespace that is not a paired standby.
    expect(topics).toHaveLength(Object.keys(namespaces).length - aliases.length);
    expect(Object.keys(all(json, 'azurerm_servicebus_subscription'))).toHaveLength(topics.length);
    for (const topic of topics) {
      expect(secondaryIds.has(topic.namespace_id)).toBe(false);
      if (aliases.length) expect(primaryIds.has(topic.namespace_id)).toBe(true);
      expect(topic).toMatchObject({ name: 'order-events', requires_duplicate_detection: true, duplicate_detection_history_time_window: 'PT10M', lifecycle: { prevent_destroy: true } });
    }
    for (const sub of Object.values(all(json, 'azurerm_servicebus_subscription'))) {
      expect(sub).toMatchObject({ name: 'delivery-tracking', max_delivery_count: 10, lock_duration: 'PT1M', dead_lettering_on_message_expiration: true });
    }
  });

  test('applications use the alias host where paired', () => {
    for (const region of regions) {
      const endpoint = eventBus.endpoints[region];
      expect(endpoint.topic).toBe('order-events');
      if (kind === 'zoneRedundant' || kind === 'regionPinned') expect(endpoint.host).toMatch(/\.servicebus\.windows\.net$/);
      else expect(endpoint.host).toMatch(/^shop-sbns-alias-[a-z0-9]+-[0-9a-f]{6}\.servicebus\.windows\.net$/);
    }
  });

  test('sender and receiver roles on the entities, and on standby namespaces for after a failover', () => {
    const roles = Object.values(all(json, 'azurerm_role_assignment'));
    const senders = roles.filter((r) => r.role_definition_name === 'Azure Service Bus Data Sender');
    const receivers = roles.filter((r) => r.role_definition_name === 'Azure Service Bus Data Receiver');
    expect(senders.length).toBe(topics.length + aliases.length);
    expect(receivers.length).toBe(topics.length + aliases.length);
    expect(senders.every((r) => r.principal_id === PRINCIPAL)).toBe(true);
    expect(receivers.every((r) => r.principal_id === PRINCIPAL2)).toBe(true);
  });
});

describe('EventBus (Event Grid option)', () => {
  const { eventBus, json } = bus({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], transport: EventTransport.eventGrid({ webhookUrl: 'https://orders.example.com/events', subscribe: true }), senders: { OrderService: ORDER_ID } });

  test('without subscribe, no subscription is created (Event Grid would validate a webhook that may not answer yet), and the synth warns', () => {
    const stack = testStack();
    const quiet = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']), transport: EventTransport.eventGrid({ webhookUrl: 'https://orders.example.com/events' }) });
    const unsubscribed = synthStack(stack);
    expect(all(unsubscribed, 'azurerm_eventgrid_topic')).not.toEqual({});
    expect(all(unsubscribed, 'azurerm_eventgrid_event_subscription')).toEqual({});
    expect(quiet.node.metadata.map((m) => m.data).join('\n')).toMatch(/subscribe: false\): events published to the topics are dropped/);
  });

  test('a topic per region: CloudEvents, no local auth, no public access', () => {
    const topics = Object.values(all(json, 'azurerm_eventgrid_topic'));
    expect(topics.map((t) => t.location).sort()).toEqual(['eastus', 'westus3']);
    for (const t of topics) expect(t).toMatchObject({ input_schema: 'CloudEventSchemaV1_0', local_auth_enabled: false, public_network_access_enabled: false, identity: { type: 'SystemAssigned' } });
    expect(Object.keys(eventBus.endpoints).sort()).toEqual(['eastus', 'westus3']);
  });

  test('dead letters to zone-redundant, Entra-only storage written by the topic identity', () => {
    expect(Object.keys(all(json, 'azurerm_storage_account'))).toHaveLength(2);
    for (const storage of Object.values(all(json, 'azurerm_storage_account'))) {
      expect(storage).toMatchObject({ account_replication_type: 'ZRS', shared_access_key_enabled: false, min_tls_version: 'TLS1_2', https_traffic_only_enabled: true, lifecycle: { prevent_destroy: true } });
    }
    const subscriptions = Object.values(all(json, 'azurerm_eventgrid_event_subscription'));
    expect(subscriptions).toHaveLength(2);
    for (const sub of subscriptions) {
      // Azure's batch defaults stated, so the provider's read-back shows no change on the next plan.
      expect(sub.webhook_endpoint).toEqual({ url: 'https://orders.example.com/events', max_events_per_batch: 1, preferred_batch_size_in_kilobytes: 64 });
      expect(sub).toMatchObject({ webhook_endpoint: { url: 'https://orders.example.com/events' }, dead_letter_identity: { type: 'SystemAssigned' }, retry_policy: { max_delivery_attempts: 30, event_time_to_live: 1440 } });
    }
    const roles = Object.values(all(json, 'azurerm_role_assignment')).map((r) => r.role_definition_name).sort();
    expect(roles).toEqual(['EventGrid Data Sender', 'EventGrid Data Sender', 'Storage Blob Data Contributor', 'Storage Blob Data Contributor']);
  });
});

describe('EventBus with deferred subscriptions', () => {
  test('subscribe with deferSubscriptions and no addWebhookSubscriptions call fails the synth instead of creating nothing', () => {
    const stack = testStack();
    new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']), transport: EventTransport.eventGrid({ webhookUrl: 'https://orders.example.com/events', subscribe: true, deferSubscriptions: true }) });
    expect(() => synthStack(stack)).toThrow(/addWebhookSubscriptions\(scope\) was never called: no subscription would exist/);
  });

  test('the subscriptions land where addWebhookSubscriptions puts them', () => {
    const stack = testStack();
    const eventBus = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']), transport: EventTransport.eventGrid({ webhookUrl: 'https://orders.example.com/events', subscribe: true, deferSubscriptions: true }) });
    eventBus.addWebhookSubscriptions(new Construct(stack, 'Later'));
    expect(Object.keys(all(synthStack(stack), 'azurerm_eventgrid_event_subscription'))).toEqual([expect.stringMatching(/^Later_DeliveryTrackingSubscription-westus3_/)]);
  });
});

describe('EventBus with partitioned namespaces', () => {
  test('partitions reach both paired namespaces, and the topic is partitioned to match', () => {
    const { json } = bus({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], transport: EventTransport.serviceBus({ capacity: 4, partitions: 2 }) });
    const namespaces = Object.values(all(json, 'azurerm_servicebus_namespace'));
    expect(namespaces).toHaveLength(2);
    for (const ns of namespaces) expect(ns).toMatchObject({ capacity: 4, premium_messaging_partitions: 2 });
    expect(only(json, 'azurerm_servicebus_topic').partitioning_enabled).toBe(true);
  });
});

describe('data tier wiring', () => {
  test('connect() gives a stamp private endpoints to the Cosmos account and every Service Bus namespace', () => {
    const stack = testStack();
    const common = { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']) };
    const store = new TrackingStore(stack, 'Tracking', common);
    const eventBus = new EventBus(stack, 'Events', common);
    const stamp = new RegionalStamp(stack, 'Stamp', { prefix: 'shop', region: 'eastus', monitoring: sink('eastus') });
    store.connect(stamp);
    eventBus.connect(stamp);
    const json: StackJson = synthStack(stack);
    const endpoints = Object.values(all(json, 'azurerm_private_endpoint')).map((e) => [e.name, e.private_service_connection.subresource_names[0]]).sort();
    expect(endpoints).toEqual([['pe-cosmos-westus3', 'Sql'], ['pe-kv', 'vault'], ['pe-sb-westus3', 'namespace'], ['pe-sb-westus3-standby-eastus', 'namespace']]);
    const zones = Object.values(all(json, 'azurerm_private_dns_zone')).map((z) => z.name).sort();
    expect(zones).toEqual(['privatelink.documents.azure.com', 'privatelink.servicebus.windows.net', 'privatelink.vaultcore.azure.net']);
  });

  test('removalPolicy DESTROY drops prevent_destroy on the account and the namespaces', () => {
    expect(only(tracking({ removalPolicy: RemovalPolicy.DESTROY }).json, 'azurerm_cosmosdb_account').lifecycle.prevent_destroy).toBe(false);
    expect(only(bus({ removalPolicy: RemovalPolicy.DESTROY }).json, 'azurerm_servicebus_namespace').lifecycle.prevent_destroy).toBe(false);
  });
});

describe('TrackingStore and EventBus bad input', () => {
  const aa = { pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'] };
  test.each<[string, () => unknown, string]>([
    ['Strong consistency with multi-region writes', () => tracking({ ...aa, consistency: 'Strong' }), 'test/Tracking: invalid consistency "Strong": Strong consistency cannot be combined with multi-region writes (activeActive)'],
    ['continuous backup with multi-region writes', () => tracking({ ...aa, backup: 'continuous7Days' }), 'invalid backup "continuous7Days": this library does not combine continuous backup with multi-region writes'],
    ['throughput below the autoscale minimum', () => tracking({ deliveries: { maxThroughput: 400 } }), 'invalid deliveries.maxThroughput 400: autoscale maximum throughput is 1000 RU/s or more, in steps of 1000'],
    ['throughput not a multiple of 1000', () => tracking({ leasesMaxThroughput: 1500 }), 'invalid leasesMaxThroughput 1500'],
    ['a partition key not starting with /', () => tracking({ deliveries: { partitionKeyPath: 'orderId' } }), "invalid deliveries.partitionKeyPath \"orderId\": a partition key path starts with '/'"],
    ['a TTL of zero', () => tracking({ deliveries: { defaultTtlSeconds: 0 } }), 'invalid deliveries.defaultTtlSeconds 0'],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['an unknown consistency level', () => tracking({ consistency: 'Linearizable' as any }), "invalid consistency \"Linearizable\": expected one of 'Strong', 'BoundedStaleness', 'Session', 'ConsistentPrefix', 'Eventual', got the string"],
    ['a data contributor that is not a principal ID', () => tracking({ dataContributors: { Tracker: { principalId: 'delivery-tracking' } } }), 'invalid dataContributors.Tracker.principalId "delivery-tracking": not an Entra ID principal (object) ID'],
    ['a capacity Service Bus does not offer', () => bus({ transport: EventTransport.serviceBus({ capacity: 3 }) }), "invalid transport.capacity 3: not a number of Premium messaging units Service Bus offers (expected 1, 2, 4, 8, 16, got the number 3). Fix: use one of 1, 2, 4, 8, 16"],
    ['partitions that do not divide the capacity', () => bus({ transport: EventTransport.serviceBus({ capacity: 2, partitions: 4 }) }), '2 messaging unit(s) cannot be spread over 4 partitions'],
    ['a lock longer than 5 minutes', () => bus({ transport: EventTransport.serviceBus({ lockDurationSeconds: 600 }) }), 'invalid transport.lockDurationSeconds 600: must be an integer from 5 to 300 (Azure locks a message for at most 5 minutes)'],
    ['a duplicate-detection window of zero', () => bus({ transport: EventTransport.serviceBus({ duplicateDetectionWindowMinutes: 0 }) }), 'invalid transport.duplicateDetectionWindowMinutes 0: must be an integer from 1 to 10080'],
    ['a delivery count of zero', () => bus({ transport: EventTransport.serviceBus({ maxDeliveryCount: 0 }) }), 'invalid transport.maxDeliveryCount 0'],
    ['an Event Grid webhook over plain HTTP', () => bus({ transport: EventTransport.eventGrid({ webhookUrl: 'http://orders.example.com/events' }) }), 'invalid transport.webhookUrl "http://orders.example.com/events": Event Grid delivers to an HTTPS webhook'],
    ['receivers with Event Grid', () => bus({ transport: EventTransport.eventGrid({ webhookUrl: 'https://x.example.com' }), receivers: { Tracker: ORDER_ID } }), 'invalid receivers ["Tracker"]: Event Grid pushes events to the webhook'],
    ['a sender that is not a principal ID', () => bus({ senders: { OrderService: { principalId: 'orders' } } }), 'invalid senders.OrderService.principalId "orders": not an Entra ID principal (object) ID'],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['a transport that is not an EventTransport', () => bus({ transport: 'serviceBus' as any }), 'invalid transport "serviceBus": expected exactly one EventTransport (EventTransport.serviceBus({...}), EventTransport.eventHubs({...}) or EventTransport.eventGrid({...})), got the string'],
  ])('rejects %s', (_label, make, message) => {
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(message);
  });
});

describe('grants take a principal', () => {
  const ps = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']) };
  function setup(props: Partial<EventBusProps> = {}) {
    const stack = testStack();
    const eventBus = new EventBus(stack, 'Events', { prefix: 'shop', ...ps, ...props });
    const store = new TrackingStore(stack, 'Tracking', { prefix: 'shop', ...ps });
    const identity = new UserAssignedIdentity(stack, 'OrderIdentity', { name: 'id-order', location: 'westus3', resourceGroupName: 'rg-apps' });
    return { stack, eventBus, store, identity };
  }
  /** Resources of a type under a construct of the stack (logical IDs start with the construct path below the stack). */
  const under = (json: StackJson, type: string, id: string) => Object.entries(all(json, type)).filter(([key]) => key.startsWith(`${id}_`)).map(([, r]) => r);

  test('a construct grantee: the assignments live under it, named after it, with its principal ID; the topic and the standby namespace', () => {
    const { stack, eventBus, identity } = setup();
    const created = eventBus.grantSend(identity);
    expect(created.map((r) => r.node.path)).toEqual(['test/OrderIdentity/OrderIdentity-Events-Send-westus3', 'test/OrderIdentity/OrderIdentity-Events-Send-westus3-standby']);
    const json = synthStack(stack);
    const granted = under(json, 'azurerm_role_assignment', 'OrderIdentity');
    expect(granted).toHaveLength(2);
    for (const r of granted) {
      expect(r.principal_id).toBe('${azurerm_user_assigned_identity.OrderIdentity.principal_id}');
      expect(r.role_definition_name).toBe('Azure Service Bus Data Sender');
    }
    expect(granted.map((r) => r.scope).sort()).toEqual([
      expect.stringMatching(/^\$\{azurerm_servicebus_namespace\.Events_eastus_Standby-westus3_[0-9A-F]+\.id\}$/),
      expect.stringMatching(/^\$\{azurerm_servicebus_topic\.Events_westus3_OrderEventsTopic_[0-9A-F]+\.id\}$/),
    ]);
  });

  test("a grantee in another stack: the assignments deploy with the grantee's stack, referring to the bus across stacks", () => {
    const stacks = synthApp((app) => {
      const data = new TerraformStack(app, 'data');
      new AzurermProvider(data, 'Azurerm', { features: [{}] });
      const region = new TerraformStack(app, 'region');
      new AzurermProvider(region, 'Azurerm', { features: [{}] });
      const eventBus = new EventBus(data, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']) });
      eventBus.grantReceive(new UserAssignedIdentity(region, 'TrackingIdentity', { name: 'id-tracking', location: 'westus3', resourceGroupName: 'rg-apps' }));
    });
    expect(all(stacks.data, 'azurerm_role_assignment')).toEqual({});
    const [role] = Object.values(all(stacks.region, 'azurerm_role_assignment'));
    expect(role.principal_id).toBe('${azurerm_user_assigned_identity.TrackingIdentity.principal_id}');
    expect(role.scope).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-data\.outputs\./);
  });

  test('a plain { principalId } with an id: in the given scope, or in the granting construct', () => {
    const { stack, eventBus, store } = setup();
    const apps = new Construct(stack, 'Apps');
    const receive = eventBus.grantReceive(TRACKING_ID, { scope: apps, id: 'TrackingReceiver' });
    expect(receive.map((r) => r.node.path)).toEqual(['test/Apps/TrackingReceiver-westus3', 'test/Apps/TrackingReceiver-westus3-standby']);
    const data = store.grantDataContributor(TRACKING_ID, { id: 'Tracker' });
    expect(data.map((r) => r.node.path)).toEqual(['test/Tracking/Tracker-westus3']);
    const json = synthStack(stack);
    const receivers = under(json, 'azurerm_role_assignment', 'Apps');
    expect(receivers).toHaveLength(2);
    for (const r of receivers) expect(r).toMatchObject({ principal_id: PRINCIPAL2, role_definition_name: 'Azure Service Bus Data Receiver' });
    const [role] = Object.values(all(json, 'azurerm_cosmosdb_sql_role_assignment'));
    expect(role).toMatchObject({ principal_id: PRINCIPAL2, scope: expect.stringMatching(/\/dbs\/tracking$/) });
  });

  test('a principal ID from Terraform (a token)', () => {
    const { stack, store } = setup();
    const variable = new TerraformVariable(stack, 'trackingPrincipal', { type: 'string' });
    const [role] = store.grantDataContributor({ principalId: variable.stringValue }, { id: 'FromVariable' });
    expect(role.node.id).toBe('FromVariable-westus3');
    expect(Object.values(all(synthStack(stack), 'azurerm_cosmosdb_sql_role_assignment')).map((r) => r.principal_id)).toEqual(['${var.trackingPrincipal}']);
  });

  test('one grant per principal and id: the same grant twice is an error, not a construct clash', () => {
    const { eventBus, identity } = setup();
    eventBus.grantSend(identity);
    expect(() => eventBus.grantSend(identity)).toThrow("test/Events: invalid grantSend(options).id \"OrderIdentity-Events-Send\": test/OrderIdentity already holds a construct 'OrderIdentity-Events-Send-westus3'");
  });

  test.each<[string, (s: ReturnType<typeof setup>) => unknown, string]>([
    ['a plain principal without an id', (s) => s.eventBus.grantSend(ORDER_ID), "test/Events: invalid grantSend(options).id (undefined): the grantee is not a construct, so there is no construct ID to derive the role assignments' IDs from. Fix: pass a stable id, e.g. grantSend(principal, { id: 'OrderServiceSend' })"],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['a principal ID string instead of a principal (the old signature)', (s) => s.store.grantDataContributor(PRINCIPAL as any), `test/Tracking: invalid grantDataContributor(grantee) "${PRINCIPAL}": expected a principal (an object with a principalId, such as a UserAssignedIdentity or { principalId: '<Entra ID object ID>' }), got the string`],
    ['a principal ID that is not a GUID', (s) => s.eventBus.grantSend({ principalId: 'order-service' }, { id: 'Order' }), 'test/Events: invalid grantSend(grantee).principalId "order-service": not an Entra ID principal (object) ID (a GUID)'],
    ['an id that cannot start a construct ID', (s) => s.eventBus.grantSend(ORDER_ID, { id: 'order/sender' }), 'invalid grantSend(options).id "order/sender": the id starts construct IDs and Terraform addresses'],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['a typo in the options', (s) => s.eventBus.grantSend(s.identity, { scop: s.stack } as any), "invalid grantSend(options).scop (an instance of TerraformStack): unknown option 'scop', which would be ignored. Fix: did you mean 'scope'?"],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['a scope that is not a construct', (s) => s.eventBus.grantSend(s.identity, { scope: 'apps' as any }), 'invalid grantSend(options).scope "apps": expected a construct, got the string'],
  ])('rejects %s', (_label, grant, message) => {
    const s = setup();
    expect(() => grant(s)).toThrow(ValidationError);
    expect(() => grant(s)).toThrow(message);
  });

  test('receiving from Event Grid is an error: it pushes to the webhook', () => {
    const { eventBus, identity } = setup({ transport: EventTransport.eventGrid({ webhookUrl: 'https://x.example.com/e' }) });
    expect(() => eventBus.grantReceive(identity)).toThrow('test/Events: invalid grantReceive(grantee) (an instance of UserAssignedIdentity): Event Grid pushes events to the webhook, so there is nothing to grant receivers');
    expect(eventBus.grantSend(identity).map((r) => r.node.id)).toEqual(['OrderIdentity-Events-Send-westus3', 'OrderIdentity-Events-Send-eastus']);
  });

  test('props take identities too: a UserAssignedIdentity as a sender', () => {
    const stack = testStack();
    const identity = new UserAssignedIdentity(stack, 'OrderIdentity', { name: 'id-order', location: 'westus3', resourceGroupName: 'rg-apps' });
    new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']), senders: { OrderService: identity } });
    const senders = Object.values(all(synthStack(stack), 'azurerm_role_assignment')).filter((r) => r.role_definition_name === 'Azure Service Bus Data Sender');
    expect(senders.map((r) => r.principal_id)).toEqual(['${azurerm_user_assigned_identity.OrderIdentity.principal_id}']);
  });
});

describe('EventTransport behaviour', () => {
  test('Service Bus pulls (the tracking service receives from a subscription), Event Grid pushes to the webhook', () => {
    expect(EventTransport.serviceBus().delivery).toBe('pull');
    expect(EventTransport.eventGrid().delivery).toBe('push');
    expect(EventTransport.serviceBus().environmentName).toBe('serviceBus');
    expect(EventTransport.eventGrid().environmentName).toBe('eventGrid');
  });

  test('the webhook as given: Event Grid only', () => {
    expect(EventTransport.serviceBus().webhook).toBeUndefined();
    expect(EventTransport.eventGrid().webhook).toEqual({ url: undefined, subscribe: false, deferSubscriptions: undefined });
    expect(EventTransport.eventGrid({ webhookUrl: 'https://x.example.com/e', subscribe: true }).webhook).toEqual({ url: 'https://x.example.com/e', subscribe: true, deferSubscriptions: undefined });
  });

  test('deferred subscriptions: Event Grid leaves them to addWebhookSubscriptions; Service Bus has none to defer', () => {
    const serviceBus = EventTransport.serviceBus();
    expect(serviceBus.withDeferredSubscriptions()).toBe(serviceBus);
    const deferred = EventTransport.eventGrid({ webhookUrl: 'https://x.example.com/e', subscribe: true }).withDeferredSubscriptions();
    expect(deferred.webhook).toEqual({ url: 'https://x.example.com/e', subscribe: true, deferSubscriptions: true });
    const stack = testStack();
    const eventBus = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']), transport: deferred });
    expect(() => synthStack(stack)).toThrow(/addWebhookSubscriptions\(scope\) was never called/);
    eventBus.addWebhookSubscriptions(new Construct(stack, 'Edge'), 'https://derived.example.com/tracking/events');
    const subscription = only(synthStack(stack), 'azurerm_eventgrid_event_subscription');
    expect(subscription.webhook_endpoint.url).toBe('https://derived.example.com/tracking/events');
  });

  test('webhook subscriptions on Service Bus are an error', () => {
    expect(() => bus().eventBus.addWebhookSubscriptions()).toThrow('test/Events: invalid transport "serviceBus": webhook subscriptions exist only with Event Grid');
  });

  test('each bus exposes its transport\'s resources, by region', () => {
    const serviceBus = bus({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] }).eventBus;
    expect(Object.keys(serviceBus.serviceBusNamespaces)).toEqual(['westus3']);
    expect(Object.keys(serviceBus.standbyNamespaces)).toEqual(['westus3']);
    expect(serviceBus.standbyNamespaces.westus3.locationInput).toBe('eastus');
    expect(Object.keys(serviceBus.geoDrAliases)).toEqual(['westus3']);
    expect(serviceBus.serviceBusTopics.westus3.nameInput).toBe('order-events');
    expect(serviceBus.serviceBusSubscriptions.westus3.nameInput).toBe('delivery-tracking');
    expect(serviceBus.eventGridTopics).toEqual({});
    expect(serviceBus.deadLetterStorageAccounts).toEqual({});
    const eventGrid = bus({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], transport: EventTransport.eventGrid() }).eventBus;
    expect(Object.keys(eventGrid.eventGridTopics)).toEqual(['westus3', 'eastus']);
    expect(eventGrid.deadLetterStorageAccounts.eastus.locationInput).toBe('eastus');
    expect(eventGrid.serviceBusNamespaces).toEqual({});
    const pinned = tracking({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth'] }).store;
    expect(Object.entries(pinned.cosmosAccounts).map(([region, account]) => [region, account.locationInput])).toEqual([['westeurope', 'westeurope'], ['brazilsouth', 'brazilsouth']]);
  });
});

describe('Service Bus durations as numbers', () => {
  test('the defaults are the ISO 8601 durations of before', () => {
    const { json } = bus();
    expect(only(json, 'azurerm_servicebus_topic')).toMatchObject({ duplicate_detection_history_time_window: 'PT10M', default_message_ttl: 'P14D' });
    expect(only(json, 'azurerm_servicebus_subscription')).toMatchObject({ lock_duration: 'PT1M', default_message_ttl: 'P14D' });
  });

  test('seconds, minutes and days become the durations Azure returns', () => {
    const { json } = bus({ transport: EventTransport.serviceBus({ lockDurationSeconds: 90, duplicateDetectionWindowMinutes: 10080, defaultMessageTtlDays: 1 }) });
    expect(only(json, 'azurerm_servicebus_topic')).toMatchObject({ duplicate_detection_history_time_window: 'P7D', default_message_ttl: 'P1D' });
    expect(only(json, 'azurerm_servicebus_subscription')).toMatchObject({ lock_duration: 'PT1M30S', default_message_ttl: 'P1D' });
  });

  test.each([[5, 'PT5S'], [60, 'PT1M'], [300, 'PT5M'], [3661, 'PT1H1M1S'], [86400, 'P1D'], [93784, 'P1DT2H3M4S'], [14 * 86400, 'P14D']])('isoDuration(%d) is %s', (seconds, iso) => {
    expect(isoDuration(seconds)).toBe(iso);
  });

  test.each<[string, ServiceBusOptions, string]>([
    ['a lock below 5 seconds', { lockDurationSeconds: 4 }, 'invalid transport.lockDurationSeconds 4: must be an integer from 5 to 300'],
    ['a fractional lock', { lockDurationSeconds: 1.5 }, 'invalid transport.lockDurationSeconds 1.5: must be an integer from 5 to 300'],
    ['a duplicate-detection window beyond 7 days', { duplicateDetectionWindowMinutes: 10081 }, 'invalid transport.duplicateDetectionWindowMinutes 10081: must be an integer from 1 to 10080 (Azure detects duplicates over 20 seconds to 7 days)'],
    ['a time to live of zero days', { defaultMessageTtlDays: 0 }, 'invalid transport.defaultMessageTtlDays 0: must be an integer from 1 to 10675199'],
    ['a time to live beyond the unbounded maximum', { defaultMessageTtlDays: 10675200 }, 'invalid transport.defaultMessageTtlDays 10675200: must be an integer from 1 to 10675199'],
    ['a duration from Terraform (a number token)', { lockDurationSeconds: Token.asNumber('${var.lock}') }, 'invalid transport.lockDurationSeconds (a Terraform number token, unknown until apply): a Terraform token is unknown until apply'],
  ])('rejects %s', (_label, options, message) => {
    expect(() => bus({ transport: EventTransport.serviceBus(options) })).toThrow(message);
  });
});

describe('name overrides', () => {
  const ps = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] };

  test('Service Bus: namespace, standby, alias, topic and subscription; the endpoints follow', () => {
    const { eventBus, json } = bus({ ...ps, names: { serviceBusNamespaces: { westus3: 'contoso-orders-w3' }, standbyNamespaces: { westus3: 'contoso-orders-e1' }, geoDrAliases: { westus3: 'contoso-orders' }, topic: 'orders', subscription: 'tracking' } });
    const namespaces = Object.values(all(json, 'azurerm_servicebus_namespace')).map((n) => [n.location, n.name]).sort();
    expect(namespaces).toEqual([['eastus', 'contoso-orders-e1'], ['westus3', 'contoso-orders-w3']]);
    expect(only(json, 'azurerm_servicebus_namespace_disaster_recovery_config').name).toBe('contoso-orders');
    expect(only(json, 'azurerm_servicebus_topic').name).toBe('orders');
    expect(only(json, 'azurerm_servicebus_subscription').name).toBe('tracking');
    expect(eventBus.endpoints.eastus).toEqual({ region: 'eastus', host: 'contoso-orders.servicebus.windows.net', topic: 'orders', subscription: 'tracking' });
  });

  test('Event Grid: topics, dead-letter storage and container, subscription', () => {
    const { json } = bus({ ...ps, transport: EventTransport.eventGrid({ webhookUrl: 'https://x.example.com/e', subscribe: true }), names: { eventGridTopics: { eastus: 'orders-east' }, deadLetterStorageAccounts: { westus3: 'contosodlw3' }, deadLetterContainer: 'failed-events', subscription: 'tracking-hook' } });
    const names = (type: string) => Object.fromEntries(Object.values(all(json, type)).map((r) => [r.location, r.name]));
    expect(names('azurerm_eventgrid_topic')).toEqual({ westus3: expect.stringMatching(/^shop-evgt-westus3-[0-9a-f]{6}$/), eastus: 'orders-east' });
    expect(names('azurerm_storage_account')).toEqual({ westus3: 'contosodlw3', eastus: expect.stringMatching(/^shopsteastus[0-9a-f]{6}$/) });
    const containers = Object.values(all(json, 'azurerm_storage_container'));
    expect(containers).toHaveLength(2);
    for (const c of containers) expect(c.name).toBe('failed-events');
    const subscriptions = Object.values(all(json, 'azurerm_eventgrid_event_subscription'));
    expect(subscriptions).toHaveLength(2);
    for (const s of subscriptions) expect(s.name).toBe('tracking-hook');
  });

  test('TrackingStore: an account per cell and the leases container; the accounts the workloads read follow', () => {
    const { store, json } = tracking({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth'], names: { cosmosAccounts: { brazilsouth: 'contoso-tracking-br' }, leasesContainer: 'change-feed-leases' } });
    expect(Object.fromEntries(Object.values(all(json, 'azurerm_cosmosdb_account')).map((a) => [a.location, a.name]))).toEqual({ westeurope: expect.stringMatching(/^shop-cosmos-westeurope-[0-9a-f]{6}$/), brazilsouth: 'contoso-tracking-br' });
    expect(Object.values(all(json, 'azurerm_cosmosdb_sql_container')).map((c) => c.name).sort()).toEqual(['change-feed-leases', 'change-feed-leases', 'deliveries', 'deliveries']);
    expect(store.accountFor('brazilsouth').account.leasesContainer).toBe('change-feed-leases');
  });

  test("with the leases container renamed, the deliveries container may take the name 'leases'", () => {
    const { json } = tracking({ deliveries: { name: 'leases' }, names: { leasesContainer: 'change-feed' } });
    expect(Object.values(all(json, 'azurerm_cosmosdb_sql_container')).map((c) => c.name).sort()).toEqual(['change-feed', 'leases']);
  });

  test('the defaults are the generated names of before', () => {
    const { json } = bus(ps);
    expect(Object.values(all(json, 'azurerm_servicebus_namespace')).map((n) => n.name).sort()).toEqual([expect.stringMatching(/^shop-sbns-eastus-dr-[0-9a-f]{6}$/), expect.stringMatching(/^shop-sbns-westus3-[0-9a-f]{6}$/)]);
    expect(only(json, 'azurerm_servicebus_namespace_disaster_recovery_config').name).toMatch(/^shop-sbns-alias-westus3-[0-9a-f]{6}$/);
    expect(only(tracking().json, 'azurerm_cosmosdb_account').name).toMatch(/^shop-cosmos-westus3-[0-9a-f]{6}$/);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const loose = (names: any) => ({ names });
  test.each<[string, () => unknown, string]>([
    ['a namespace name Azure refuses', () => bus(loose({ serviceBusNamespaces: { westus3: 'orders-sb' } })), "invalid names.serviceBusNamespaces.westus3 \"orders-sb\": a Service Bus namespace name must not end with '-sb' or '-mgmt'"],
    ['a namespace for a region without one (the standby region)', () => bus({ ...ps, ...loose({ serviceBusNamespaces: { eastus: 'contoso-orders-e1' } }) }), 'invalid names.serviceBusNamespaces.eastus "contoso-orders-e1": no Service Bus namespace of this construct is in eastus (only in westus3), so the name would be ignored. Fix: key names.serviceBusNamespaces by westus3'],
    ['a standby where the pattern does not pair', () => bus(loose({ standbyNamespaces: { westus3: 'contoso-orders-dr' } })), 'invalid names.standbyNamespaces.westus3 "contoso-orders-dr": this construct creates no Service Bus namespace, so the name would be ignored'],
    ['the same name for a namespace and the alias', () => bus({ ...ps, ...loose({ serviceBusNamespaces: { westus3: 'contoso-orders' }, geoDrAliases: { westus3: 'Contoso-Orders' } }) }), 'invalid names.geoDrAliases.westus3 "Contoso-Orders": the same name as names.serviceBusNamespaces.westus3 (namespaces and geo-DR aliases share the servicebus.windows.net host names)'],
    ['an Event Grid name on a Service Bus bus', () => bus(loose({ eventGridTopics: { westus3: 'orders' } })), 'invalid names.eventGridTopics {"westus3":"orders"}: it names an Event Grid resource, and this bus uses Service Bus, so the name would be ignored. Fix: drop names.eventGridTopics'],
    ['a Service Bus name on an Event Grid bus', () => bus({ transport: EventTransport.eventGrid(), ...loose({ topic: 'orders' }) }), 'invalid names.topic "orders": it names a Service Bus resource, and this bus uses Event Grid, so the name would be ignored'],
    ['a topic name with a space', () => bus(loose({ topic: 'order events' })), 'invalid names.topic "order events": a Service Bus topic name allows letters, digits, periods, hyphens, tildes, slashes and underscores'],
    ['a subscription longer than 50 characters', () => bus(loose({ subscription: 'a'.repeat(51) })), 'invalid names.subscription'],
    ['an Event Grid subscription with an underscore', () => bus({ transport: EventTransport.eventGrid(), ...loose({ subscription: 'delivery_tracking' }) }), 'invalid names.subscription "delivery_tracking": an Event Grid subscription name allows letters, digits and hyphens'],
    ['a storage account with hyphens', () => bus({ transport: EventTransport.eventGrid(), ...loose({ deadLetterStorageAccounts: { westus3: 'contoso-dl' } }) }), 'invalid names.deadLetterStorageAccounts.westus3 "contoso-dl": a storage account name allows lower-case letters and digits only'],
    ['a dead-letter container with capitals', () => bus({ transport: EventTransport.eventGrid(), ...loose({ deadLetterContainer: 'DeadLetters' }) }), 'invalid names.deadLetterContainer "DeadLetters": a blob container name allows lower-case letters, digits and hyphens'],
    ['a typo in the names', () => bus(loose({ namespaces: { westus3: 'contoso-orders' } })), "invalid names.namespaces {\"westus3\":\"contoso-orders\"}: unknown option 'namespaces'"],
    ['a Cosmos account with capitals', () => tracking(loose({ cosmosAccounts: { westus3: 'Contoso-Tracking' } })), 'invalid names.cosmosAccounts.westus3 "Contoso-Tracking": a Cosmos DB account name allows lower-case letters, digits and hyphens'],
    ['a Cosmos account for a region without one', () => tracking({ ...ps, ...loose({ cosmosAccounts: { eastus: 'contoso-tracking' } }) }), 'invalid names.cosmosAccounts.eastus "contoso-tracking": no Cosmos DB account of this construct is in eastus (only in westus3)'],
    ['the leases container named like the deliveries one', () => tracking({ deliveries: { name: 'events' }, ...loose({ leasesContainer: 'events' }) }), 'invalid names.leasesContainer "events": the deliveries container has this name'],
    ['a leases container with a slash', () => tracking(loose({ leasesContainer: 'change/leases' })), 'invalid names.leasesContainer "change/leases": a Cosmos DB container name allows any characters but / \\ # ?'],
  ])('rejects %s', (_label, make, message) => {
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(message);
  });

  test('names reach the event bus and the tracking store through the platform', () => {
    const stacks = synthApp((app) => new MultiRegionOrderPlatform(app, 'shop', {
      prefix: 'shop', ...ps,
      trackingStore: { names: { cosmosAccounts: { westus3: 'contoso-tracking' } } },
      eventBus: { names: { geoDrAliases: { westus3: 'contoso-orders' } } },
    }));
    const data = stacks['shop-data'];
    expect(only(data, 'azurerm_cosmosdb_account').name).toBe('contoso-tracking');
    expect(only(data, 'azurerm_servicebus_namespace_disaster_recovery_config').name).toBe('contoso-orders');
    expect(() => new MultiRegionOrderPlatform(Testing.app(), 'shop', { prefix: 'shop', ...ps, eventBus: { names: { geoDrAliases: { eastus: 'contoso-orders' } } } })).toThrow('shop-data/EventBus: invalid eventBus.names.geoDrAliases.eastus "contoso-orders": no Service Bus namespace of this construct is in eastus');
  });
});
