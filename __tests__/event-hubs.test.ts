import { App, Testing } from 'cdktf';
import {
  checkSchedulability, DatabaseEngine, EventBus, EventBusProps, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, RedundancyPattern, RemovalPolicy,
  ValidationError,
} from '../lib';
import { availabilityReport } from '../lib/insight/availability';
import { billableUnits } from '../lib/insight/billable';
import { simulateOutage } from '../lib/insight/outage';
import { runbookMarkdown } from '../lib/insight/runbook';
import { readTopology } from '../lib/insight/topology';
import { SynthesizedStack } from '../lib/rules/synthesized';
import { DATA_PATTERNS } from './support/patterns';
import { ownGroups } from './support/standalone';
import { all, only, StackJson, synthApp, synthStack, testStack } from './support/synth';

/**
 * EventTransport.eventHubs (lib/events/event-hubs.ts) under every pattern: as a standalone EventBus (namespaces,
 * event hub, consumer group, aliases exactly where Service Bus pairs, roles, private endpoints) and inside the platform
 * (private endpoints from every stamp, the workloads' roles and configuration, no KEDA backlog trigger, scheduling).
 */

const ORDER = { principalId: '11111111-2222-3333-4444-555555555555' };
const TRACKING = { principalId: '11111111-2222-3333-4444-666666666666' };
const PATTERNS: [string, RedundancyPattern, string[]][] = [
  ...DATA_PATTERNS,
  ['activePassive (pilot light)', RedundancyPattern.activePassive({ standby: 'pilot-light' }), ['eastus2', 'centralus']],
];

function bus(props: Partial<EventBusProps> = {}): { eventBus: EventBus; json: StackJson } {
  const stack = testStack();
  const regions = props.regions ?? ['westus3'];
  const eventBus = new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions, ...ownGroups(regions), transport: EventTransport.eventHubs(), ...props });
  return { eventBus, json: synthStack(stack) };
}

/** The region of each namespace a reference points at. */
const locationOf = (json: StackJson, type: string) => (ref: string): string => {
  const [, rtype, id] = ref.match(/^\$\{([a-z_]+)\.([^.]+)\.(?:id|name)\}$/)!;
  expect(rtype).toBe(type);
  return all(json, type)[id].location;
};

describe.each(PATTERNS)('EventBus (Event Hubs) under %s', (kind, pattern, regions) => {
  const { eventBus, json } = bus({ pattern, regions, senders: { OrderService: ORDER }, receivers: { DeliveryTracking: TRACKING } });
  const namespaces = all(json, 'azurerm_eventhub_namespace');
  const aliases = Object.values(all(json, 'azurerm_eventhub_namespace_disaster_recovery_config'));
  const hubs = Object.values(all(json, 'azurerm_eventhub'));
  const where = locationOf(json, 'azurerm_eventhub_namespace');
  // The Service Bus bus of the same pattern: Event Hubs pairs exactly where it does.
  const sb = bus({ pattern, regions, transport: EventTransport.serviceBus() });

  test('namespaces: Standard, no SAS keys, TLS 1.2, no public access, protected; standbys never updated after pairing', () => {
    expect(Object.keys(namespaces)).toHaveLength(Object.keys(all(sb.json, 'azurerm_servicebus_namespace')).length);
    const standbys = new Set(aliases.map((a) => a.partner_namespace_id));
    for (const [id, ns] of Object.entries(namespaces)) {
      expect(ns).toMatchObject({
        sku: 'Standard', capacity: 1, auto_inflate_enabled: false, local_authentication_enabled: false, minimum_tls_version: '1.2', public_network_access_enabled: false,
        network_rulesets: [{ default_action: 'Allow', public_network_access_enabled: false, trusted_service_access_enabled: false }], lifecycle: { prevent_destroy: true },
      });
      expect(ns.maximum_throughput_units).toBeUndefined();
      expect(ns.lifecycle.ignore_changes).toEqual(standbys.has(`\${azurerm_eventhub_namespace.${id}.id}`) ? 'all' : undefined);
    }
  });

  test('geo-DR aliases exactly where Service Bus pairs, between the same regions', () => {
    const sbAliases = Object.values(all(sb.json, 'azurerm_servicebus_namespace_disaster_recovery_config'));
    const sbWhere = locationOf(sb.json, 'azurerm_servicebus_namespace');
    const pairs = aliases.map((a) => [where(a.namespace_name), where(a.partner_namespace_id)]).sort();
    expect(pairs).toEqual(sbAliases.map((a) => [sbWhere(a.primary_namespace_id), sbWhere(a.partner_namespace_id)]).sort());
    expect(pairs).toHaveLength({ zoneRedundant: 0, regionPinned: 0, activeActive: regions.length }[kind] ?? 1);
    for (const a of aliases) {
      expect(a.name).toMatch(/^shop-evhns-alias-[a-z0-9]+-[0-9a-f]{6}$/);
      expect(a.lifecycle.prevent_destroy).toBe(true);
      // Paired after the entities exist, so the alias replicates them.
      expect(a.depends_on).toEqual([expect.stringMatching(/^azurerm_eventhub\./), expect.stringMatching(/^azurerm_eventhub_consumer_group\./)]);
    }
  });

  test('the order-events hub and the delivery-tracking group on primary namespaces only, protected', () => {
    const standbys = new Set(aliases.map((a) => a.partner_namespace_id));
    expect(hubs).toHaveLength(Object.keys(namespaces).length - aliases.length);
    for (const hub of hubs) {
      expect(hub).toMatchObject({ name: 'order-events', partition_count: 4, message_retention: 7, lifecycle: { prevent_destroy: true } });
      expect(standbys.has(hub.namespace_id)).toBe(false);
    }
    const groups = Object.values(all(json, 'azurerm_eventhub_consumer_group'));
    expect(groups).toHaveLength(hubs.length);
    for (const g of groups) expect(g).toMatchObject({ name: 'delivery-tracking', lifecycle: { prevent_destroy: true } });
  });

  test('every region publishes and consumes through its alias (or its namespace), with the Kafka bootstrap server on 9093', () => {
    for (const region of regions) {
      const e = eventBus.endpoints[region];
      expect(e).toMatchObject({ topic: 'order-events', subscription: 'delivery-tracking', kafkaBootstrap: `${e.host}:9093` });
      // Unpaired: the namespace's own host (its name, a reference); paired: the alias's.
      expect(e.host).toMatch(kind === 'zoneRedundant' || kind === 'regionPinned' ? /^\$\{TfToken\[TOKEN\.\d+\]\}\.servicebus\.windows\.net$/ : /^shop-evhns-alias-[a-z0-9]+-[0-9a-f]{6}\.servicebus\.windows\.net$/);
      // The same region's Service Bus endpoint is paired the same way.
      expect(e.host.includes('-alias-')).toBe(sb.eventBus.endpoints[region].host.includes('-alias-'));
    }
  });

  test('sender and receiver roles at namespace scope (a Kafka metadata request names no topic), on every primary and standby namespace', () => {
    const roles = Object.values(all(json, 'azurerm_role_assignment'));
    const scopes = (role: string) => roles.filter((r) => r.role_definition_name === role).map((r) => String(r.scope)).sort();
    // Every namespace once: each primary (one per event hub) and each standby (one per alias).
    const expected = Object.keys(all(json, 'azurerm_eventhub_namespace')).map((id) => `\${azurerm_eventhub_namespace.${id}.id}`).sort();
    expect(expected).toHaveLength(hubs.length + aliases.length);
    expect(scopes('Azure Event Hubs Data Sender')).toEqual(expected);
    expect(scopes('Azure Event Hubs Data Receiver')).toEqual(expected);
    expect(roles.filter((r) => r.role_definition_name === 'Azure Event Hubs Data Sender').every((r) => r.principal_id === ORDER.principalId)).toBe(true);
  });

  test('a private endpoint to every namespace, in the Service Bus zone (Event Hubs answers on servicebus.windows.net)', () => {
    expect(eventBus.privateEndpoints.map((p) => [p.subresource, p.zone.zoneName])).toEqual(Object.keys(namespaces).map(() => ['namespace', 'privatelink.servicebus.windows.net']));
    expect(eventBus.serviceBusNamespaces).toEqual({});
    expect(Object.keys(eventBus.eventHubNamespaces).sort()).toEqual(Object.keys(sb.eventBus.serviceBusNamespaces).sort());
  });
});

describe('Event Hubs options', () => {
  test('Premium with processing units, 100 partitions and 90 days', () => {
    const { json } = bus({ transport: EventTransport.eventHubs({ sku: 'Premium', capacity: 2, partitions: 100, retentionDays: 90 }) });
    expect(only(json, 'azurerm_eventhub_namespace')).toMatchObject({ sku: 'Premium', capacity: 2, auto_inflate_enabled: false });
    expect(only(json, 'azurerm_eventhub')).toMatchObject({ partition_count: 100, message_retention: 90 });
  });

  test('Standard with auto-inflate up to a maximum', () => {
    const { json } = bus({ transport: EventTransport.eventHubs({ capacity: 2, maximumThroughputUnits: 10, partitions: 32 }) });
    expect(only(json, 'azurerm_eventhub_namespace')).toMatchObject({ sku: 'Standard', capacity: 2, auto_inflate_enabled: true, maximum_throughput_units: 10 });
    expect(only(json, 'azurerm_eventhub').partition_count).toBe(32);
  });

  test('names: the namespaces, standby and alias by region; the hub and group by topic and subscription', () => {
    const { json, eventBus } = bus({
      pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'],
      names: { eventHubNamespaces: { westus3: 'contoso-orders-w' }, standbyNamespaces: { westus3: 'contoso-orders-e' }, geoDrAliases: { westus3: 'contoso-orders' }, topic: 'orders', subscription: 'tracking' },
    });
    expect(Object.values(all(json, 'azurerm_eventhub_namespace')).map((n) => n.name).sort()).toEqual(['contoso-orders-e', 'contoso-orders-w']);
    expect(only(json, 'azurerm_eventhub_namespace_disaster_recovery_config').name).toBe('contoso-orders');
    expect(only(json, 'azurerm_eventhub').name).toBe('orders');
    expect(only(json, 'azurerm_eventhub_consumer_group').name).toBe('tracking');
    expect(eventBus.endpoints.eastus.kafkaBootstrap).toBe('contoso-orders.servicebus.windows.net:9093');
  });

  test('RemovalPolicy.DESTROY lifts prevent_destroy', () => {
    const { json } = bus({ removalPolicy: RemovalPolicy.DESTROY });
    expect(only(json, 'azurerm_eventhub_namespace').lifecycle.prevent_destroy).toBe(false);
    expect(only(json, 'azurerm_eventhub').lifecycle.prevent_destroy).toBe(false);
  });

  test('KEDA cannot read the backlog: grantBacklogRead is refused', () => {
    const { eventBus } = bus();
    expect(() => eventBus.grantBacklogRead({ principalId: ORDER.principalId }, { id: 'Keda' })).toThrow(ValidationError);
    expect(() => eventBus.grantBacklogRead({ principalId: ORDER.principalId }, { id: 'Keda' })).toThrow(/KEDA has no backlog scaler for Event Hubs/);
  });
});

const IMAGES = { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } };
const DEMAND: MultiRegionOrderPlatformProps['demand'] = {
  order: { peakRequestsPerSecond: 2000, baseRequestsPerSecond: 400, requestsPerSecondPerPod: 100 },
  tracking: { peakRequestsPerSecond: 800, baseRequestsPerSecond: 160, requestsPerSecondPerPod: 100 },
  peaks: [{ days: ['Friday', 'Saturday', 'Sunday'], startTime: '17:00', endTime: '22:00' }],
};

function platform(app: App, pattern: RedundancyPattern, regions: string[], overrides: Partial<MultiRegionOrderPlatformProps> = {}): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(app, 'shop', {
    prefix: 'shop', pattern, regions,
    database: { engine: DatabaseEngine.sql(), administrator: { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' } },
    trackingStore: {}, eventBus: { transport: EventTransport.eventHubs() },
    workloads: IMAGES, demand: DEMAND,
    entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } },
    ...overrides,
  });
}

/** The region-pinned example's cells and country routing. */
const PINNED = { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } }, geoRouting: { countries: { westeurope: ['DE', 'FR'], eastus2: ['US'] } } };
const PLATFORM_PATTERNS = PATTERNS.map(([kind, pattern, regions]) => (kind === 'regionPinned' ? [kind, pattern, ['westeurope', 'eastus2']] as const : [kind, pattern, regions] as const));

describe.each(PLATFORM_PATTERNS)('MultiRegionOrderPlatform with Event Hubs under %s', (kind, pattern, regions) => {
  let built: MultiRegionOrderPlatform;
  const stacks = synthApp((app) => {
    built = platform(app, pattern, [...regions], kind === 'regionPinned' ? { entry: PINNED } : {});
  });
  const data = stacks['shop-data'];
  const namespaceIds = Object.keys(all(data, 'azurerm_eventhub_namespace'));

  test('every stamp reaches every namespace through a private endpoint in its own stack', () => {
    for (const region of regions) {
      const endpoints = Object.values(all(stacks[`shop-${region}`], 'azurerm_private_endpoint')).filter((pe) => /eventhub_namespace/.test(JSON.stringify(pe.private_service_connection)));
      const reached = endpoints.map((pe) => String(pe.private_service_connection.private_connection_resource_id ?? pe.private_service_connection[0]?.private_connection_resource_id));
      expect(reached.length).toBeGreaterThan(0);
      // regionPinned: a cell reaches only its own namespace; otherwise every namespace.
      expect(reached.length).toBe(kind === 'regionPinned' ? 1 : namespaceIds.length);
    }
  });

  test('ConfigMaps: transport, host, topic, consumer group and the Kafka bootstrap server', () => {
    for (const region of regions) {
      const maps = Object.values(all(stacks[`shop-${region}-apps`], 'kubernetes_config_map_v1'));
      const order = maps.find((m) => m.metadata.name === 'order-api-config')!.data;
      const tracking = maps.find((m) => m.metadata.name === 'tracking-api-config')!.data;
      const host = order.EVENTS_HOST;
      expect(host).toMatch(/^(shop-evhns-alias-[a-z0-9]+-[0-9a-f]{6}|\$\{[^}]+\})\.servicebus\.windows\.net$/);
      expect(order).toMatchObject({ EVENTS_TRANSPORT: 'eventHubs', EVENTS_TOPIC: 'order-events', EVENTS_KAFKA_BOOTSTRAP: `${host}:9093` });
      expect(order.EVENTS_SUBSCRIPTION).toBeUndefined();
      expect(tracking).toMatchObject({ EVENTS_TRANSPORT: 'eventHubs', EVENTS_HOST: host, EVENTS_SUBSCRIPTION: 'delivery-tracking', EVENTS_KAFKA_BOOTSTRAP: `${host}:9093` });
      if (built.eventBus!.endpoints[region].host.includes('-alias-')) expect(host).toBe(built.eventBus!.endpoints[region].host);
    }
  });

  test("the workloads' identities get the Event Hubs roles; KEDA gets no backlog trigger (CPU and schedules only)", () => {
    for (const region of regions) {
      const roles = Object.values(all(stacks[`shop-${region}`], 'azurerm_role_assignment')).map((r) => r.role_definition_name);
      expect(roles).toContain('Azure Event Hubs Data Sender');
      expect(roles).toContain('Azure Event Hubs Data Receiver');
      expect(roles.filter((r) => /Service Bus/.test(r))).toEqual([]);
      const manifests = JSON.stringify(all(stacks[`shop-${region}-apps`], 'kubernetes_manifest'));
      expect(manifests).not.toMatch(/azure-servicebus|azure-eventhub|"kafka"/);
    }
  });

  test('the workloads fit their stamps', () => {
    for (const region of Object.keys(built.workloads)) {
      const report = checkSchedulability(built.stamps[region].nodePools, built.workloads[region].podGroups);
      expect({ region, fits: report.fits }).toEqual({ region, fits: true });
    }
  });
});

describe('Event Hubs on the platform: refusals', () => {
  test('the eventBusLoss drill is refused (Chaos Studio has no Event Hubs fault)', () => {
    expect(() => platform(Testing.app(), RedundancyPattern.primarySecondary(), ['westus3', 'eastus'], { drills: { scenarios: ['eventBusLoss'] } })).toThrow(/Chaos Studio has no Event Grid or Event Hubs fault/);
  });
});

describe('insight reads an Event Hubs bus', () => {
  const stacks = synthApp((app) => {
    platform(app, RedundancyPattern.primarySecondary(), ['westus3', 'eastus']);
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const synthesized: SynthesizedStack[] = Object.entries(stacks).map(([name, json]) => ({ name, json: json as any }));
  const topology = readTopology(synthesized, 'shop');

  test('topology: the namespace in the first region, its standby in the second', () => {
    expect(topology.events).toEqual({ transport: 'eventHubs', namespaces: [{ region: 'westus3', standbyIn: 'eastus' }] });
  });

  test('losing the first region: the alias fails over; in-flight events and the group offsets stay behind', () => {
    const events = simulateOutage(topology, { region: 'westus3' }).capabilities.filter((c) => c.rpo?.includes('committed offsets'));
    expect(events.length).toBeGreaterThan(0);
    expect(simulateOutage(topology, { region: 'westus3' }).failback.join(' ')).toMatch(/Event Hubs: the alias now points at the standby/);
  });

  test('runbook: the alias health check and its failover command', () => {
    const md = runbookMarkdown(synthesized, 'shop');
    expect(md).toMatch(/az eventhubs georecovery-alias show --resource-group \S+ --namespace-name shop-evhns-westus3-[0-9a-f]{6} --alias shop-evhns-alias-westus3-[0-9a-f]{6}/);
    expect(md).toMatch(/az eventhubs georecovery-alias fail-over --resource-group \S+ --namespace-name shop-evhns-eastus-dr-[0-9a-f]{6} --alias shop-evhns-alias-westus3-[0-9a-f]{6}/);
  });

  test('alerts: server errors and throttling on the namespace and its standby, none left on Service Bus', () => {
    const withAlerts = synthApp((app) => {
      platform(app, RedundancyPattern.primarySecondary(), ['westus3', 'eastus'], { observability: { contacts: { emails: ['oncall@contoso.com'] } } });
    });
    const alerts = Object.values(all(withAlerts['shop-observability'], 'azurerm_monitor_metric_alert'));
    const hubs = alerts.filter((a) => a.criteria?.[0]?.metric_namespace === 'Microsoft.EventHub/namespaces');
    expect(hubs.map((a) => a.criteria[0].metric_name).sort()).toEqual(['ServerErrors', 'ServerErrors', 'ThrottledRequests', 'ThrottledRequests']);
    expect(alerts.filter((a) => a.criteria?.[0]?.metric_namespace === 'Microsoft.ServiceBus/namespaces')).toEqual([]);
    // The health views: the namespace's charts in its region's row, the standby's in the other, the alias on both sides.
    const views = JSON.stringify(withAlerts['shop-observability']);
    for (const title of ['Event Hubs server errors', 'Event Hubs incoming messages by event hub', 'Event Hubs standby (cell westus3) incoming messages', 'Event Hubs geo-DR alias (cell westus3), primary namespace', 'Event Hubs geo-DR alias (cell westus3), standby namespace']) {
      expect({ title, found: views.includes(title) }).toEqual({ title, found: true });
    }
    expect(views).not.toMatch(/Event bus (server errors|backlog by entity|geo-DR alias)/);
  });

  test('availability counts Event Hubs at its SLA; billing counts the throughput units, not priced', () => {
    expect(JSON.stringify(availabilityReport(topology))).toMatch(/Event Hubs westus3/);
    const units = billableUnits(synthesized, 'shop').filter((u) => u.item === 'Event Hubs throughput units');
    expect(units.map((u) => [u.sku, u.min, u.notPriced])).toEqual([['Standard', 1, 'no Event Hubs meter in the price list'], ['Standard', 1, 'no Event Hubs meter in the price list']]);
  });
});
