import { Construct } from 'constructs';
import {
  EventBus, EventBusProps, EventTransport, RedundancyPattern, RegionalStamp, RemovalPolicy, TrackingStore, TrackingStoreProps, ValidationError,
} from '../lib';
import { DATA_PATTERNS } from './support/patterns';
import { all, only, StackJson, synthStack, testStack } from './support/synth';

const PRINCIPAL = '11111111-2222-3333-4444-555555555555';
const PRINCIPAL2 = '11111111-2222-3333-4444-666666666666';
/** Principals as `{ principalId }` (a `UserAssignedIdentity` satisfies the same interface). */
const ORDER_ID = { principalId: PRINCIPAL };
const TRACKING_ID = { principalId: PRINCIPAL2 };

const PATTERNS = DATA_PATTERNS;

function tracking(props: Partial<TrackingStoreProps> = {}) {
  const stack = testStack();
  const store = new TrackingStore(stack, 'Tracking', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...props });
  return { store, json: synthStack(stack) };
}

function bus(props: Partial<EventBusProps> = {}) {
  const stack = testStack();
  const eventBus = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...props });
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
    const quiet = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], transport: EventTransport.eventGrid({ webhookUrl: 'https://orders.example.com/events' }) });
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
    new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], transport: EventTransport.eventGrid({ webhookUrl: 'https://orders.example.com/events', subscribe: true, deferSubscriptions: true }) });
    expect(() => synthStack(stack)).toThrow(/addWebhookSubscriptions\(scope\) was never called: no subscription would exist/);
  });

  test('the subscriptions land where addWebhookSubscriptions puts them', () => {
    const stack = testStack();
    const eventBus = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], transport: EventTransport.eventGrid({ webhookUrl: 'https://orders.example.com/events', subscribe: true, deferSubscriptions: true }) });
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
    const common = { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] };
    const store = new TrackingStore(stack, 'Tracking', common);
    const eventBus = new EventBus(stack, 'Events', common);
    const stamp = new RegionalStamp(stack, 'Stamp', { prefix: 'shop', region: 'eastus' });
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
    ['a transport that is not an EventTransport', () => bus({ transport: 'serviceBus' as any }), 'invalid transport "serviceBus": expected an EventTransport (EventTransport.serviceBus({...}) or EventTransport.eventGrid({...})), got the string'],
  ])('rejects %s', (_label, make, message) => {
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(message);
  });
});
