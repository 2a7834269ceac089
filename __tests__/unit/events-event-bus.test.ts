import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { EventBus } from '../../lib/events/event-bus';
import { EventBusProps } from '../../lib/events/event-bus-types';
import { EventTransport } from '../../lib/events/transport';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { resolved } from '../support/resolve';
import { ownGroups, sink } from '../support/standalone';
import { all, synthStack, testStack } from '../support/synth';

/**
 * lib/events/event-bus.ts (the EventBus construct: its props, grants and webhook subscriptions), lib/events/shapes.ts
 * and lib/events/transport.ts: each test builds one small EventBus and at most synthesizes its stack.
 */

const SENDER = '11111111-2222-3333-4444-555555555555';
const RECEIVER = '11111111-2222-3333-4444-666666666666';
const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']) };
const ZR = { pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']) };

function eventBus(scope: Construct, props: Partial<EventBusProps> = {}): EventBus {
  return new EventBus(scope, 'Events', { prefix: 'shop', ...ZR, ...props });
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

function propsViolations(props: Record<string, unknown>): unknown[][] {
  return violations(() => eventBus(testStack(), props as Partial<EventBusProps>));
}

/** The resolved [scope, role, principal ID] of each role assignment. */
function assignments(bus: EventBus, created: readonly RoleAssignment[]): unknown[][] {
  return created.map((r) => resolved(bus, [r.scopeInput, r.roleDefinitionNameInput, r.principalIdInput]) as unknown[]);
}

describe('EventBus props', () => {
  test('the transport defaults to Service Bus', () => {
    const bus = eventBus(testStack());
    expect([bus.transport.environmentName, bus.transport.delivery]).toEqual(['serviceBus', 'pull']);
  });

  test('senders and receivers are checked with the transport\'s options, every violation at once', () => {
    const got = propsViolations({ senders: { 'order-service': { principalId: SENDER } }, receivers: { Tracking: { principalId: 'tracking' } }, transport: EventTransport.serviceBus({ capacity: 3 }) });
    expect(got.map((v) => v.slice(0, 3))).toEqual([
      ['test/Events', 'senders.order-service', 'order-service'],
      ['test/Events', 'receivers.Tracking.principalId', 'tracking'],
      ['test/Events', 'transport.capacity', 3],
    ]);
  });

  test('refused receivers leave none for Event Grid to refuse again', () => {
    const got = propsViolations({ receivers: { 'tracking-service': { principalId: RECEIVER } }, transport: EventTransport.eventGrid() });
    expect(got.map((v) => v[1])).toEqual(['receivers.tracking-service']);
  });

  test('the props\' shape: a transport that is not an EventTransport, principals that are not principals, names that are not strings', () => {
    expect(propsViolations({ transport: 'serviceBus' })).toEqual([[
      'test/Events', 'transport', 'serviceBus',
      'expected exactly one EventTransport (EventTransport.serviceBus({...}), EventTransport.eventHubs({...}) or EventTransport.eventGrid({...})), got the string "serviceBus"', 'give exactly one EventTransport (EventTransport.serviceBus({...}), EventTransport.eventHubs({...}) or EventTransport.eventGrid({...}))',
    ]]);
    const [[, prop, , problem]] = propsViolations({ senders: 'orders' });
    expect([prop, problem]).toEqual(['senders', 'expected an object of keys to principals, e.g. { OrderService: identity }, got the string "orders"']);
    const [[, receiversProp, , receiversProblem]] = propsViolations({ receivers: [] });
    expect([receiversProp, receiversProblem]).toEqual(['receivers', 'expected an object of keys to principals, e.g. { OrderService: identity }, got a list']);
    const [[, namesProp, , namesProblem]] = propsViolations({ names: { serviceBusNamespaces: 'orders' } });
    expect([namesProp, namesProblem]).toEqual(['names.serviceBusNamespaces', 'expected an object of region names to resource names, got the string "orders"']);
  });

  test('every name override has its type in the names\' shape', () => {
    const maps = ['serviceBusNamespaces', 'standbyNamespaces', 'geoDrAliases', 'eventGridTopics', 'deadLetterStorageAccounts'];
    const strings = ['topic', 'subscription', 'deadLetterContainer'];
    for (const key of maps) expect(propsViolations({ names: { [key]: { westus3: 7 } } }).map((v) => v[1])).toEqual([`names.${key}.westus3`]);
    for (const key of strings) expect(propsViolations({ names: { [key]: 7 } }).map((v) => v[1])).toEqual([`names.${key}`]);
  });
});

describe('EventBus.grantSend and grantReceive', () => {
  test('a construct grantee: one assignment per active region and one per standby namespace, under the grantee, named after it', () => {
    const stack = testStack();
    const bus = eventBus(stack, PS);
    const identity = new UserAssignedIdentity(stack, 'OrderIdentity', { name: 'id-order', location: 'westus3', resourceGroupName: 'rg-apps' });
    const send = bus.grantSend(identity);
    expect(send.map((r) => r.node.path)).toEqual(['test/OrderIdentity/OrderIdentity-Events-Send-westus3', 'test/OrderIdentity/OrderIdentity-Events-Send-westus3-standby']);
    const receive = bus.grantReceive(identity);
    expect(receive.map((r) => r.node.path)).toEqual(['test/OrderIdentity/OrderIdentity-Events-Receive-westus3', 'test/OrderIdentity/OrderIdentity-Events-Receive-westus3-standby']);
    const principal = resolved(bus, identity.principalId);
    const topic = resolved(bus, bus.serviceBusTopics.westus3.id);
    const subscription = resolved(bus, bus.serviceBusSubscriptions.westus3.id);
    const standby = resolved(bus, bus.standbyNamespaces.westus3.id);
    expect(assignments(bus, send)).toEqual([[topic, 'Azure Service Bus Data Sender', principal], [standby, 'Azure Service Bus Data Sender', principal]]);
    expect(assignments(bus, receive)).toEqual([[subscription, 'Azure Service Bus Data Receiver', principal], [standby, 'Azure Service Bus Data Receiver', principal]]);
    expect(Object.keys(all(synthStack(stack), 'azurerm_role_assignment'))).toHaveLength(4);
  });

  test('an unpaired bus grants in every active region, without standby', () => {
    const stack = testStack();
    const bus = eventBus(stack, { pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth'], ...ownGroups(['westeurope', 'brazilsouth']) });
    const created = bus.grantReceive({ principalId: RECEIVER }, { id: 'Tracker' });
    expect(created.map((r) => r.node.path)).toEqual(['test/Events/Tracker-westeurope', 'test/Events/Tracker-brazilsouth']);
    expect(assignments(bus, created)).toEqual([
      [resolved(bus, bus.serviceBusSubscriptions.westeurope.id), 'Azure Service Bus Data Receiver', RECEIVER],
      [resolved(bus, bus.serviceBusSubscriptions.brazilsouth.id), 'Azure Service Bus Data Receiver', RECEIVER],
    ]);
  });

  test('options.regions: only the resources homed there (a regionPinned cell\'s own), standbys included; other regions refused', () => {
    const pinned = eventBus(testStack(), { pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth'], ...ownGroups(['westeurope', 'brazilsouth']) });
    const created = pinned.grantSend({ principalId: SENDER }, { id: 'Orders', regions: ['brazilsouth'] });
    expect(assignments(pinned, created)).toEqual([[resolved(pinned, pinned.serviceBusTopics.brazilsouth.id), 'Azure Service Bus Data Sender', SENDER]]);
    const paired = eventBus(testStack(), PS);
    expect(paired.grantReceive({ principalId: RECEIVER }, { id: 'Tracker', regions: ['westus3'] }).map((r) => r.node.id)).toEqual(['Tracker-westus3', 'Tracker-westus3-standby']);
    // The standby region homes nothing: its namespace is the westus3 one's standby.
    expect(violations(() => paired.grantSend({ principalId: SENDER }, { id: 'Orders', regions: ['eastus'] }))).toEqual([[
      'test/Events', 'grantSend(options).regions', 'eastus', 'test/Events has no resources homed in eastus, so the grant would cover nothing there', 'use regions of westus3',
    ]]);
  });

  test('a plain principal with an id lands in the scope given', () => {
    const stack = testStack();
    const bus = eventBus(stack);
    const apps = new Construct(stack, 'Apps');
    const created = bus.grantSend({ principalId: SENDER }, { scope: apps, id: 'OrderSender' });
    expect(created.map((r) => r.node.path)).toEqual(['test/Apps/OrderSender-westus3']);
    expect(assignments(bus, created)).toEqual([[resolved(bus, bus.serviceBusTopics.westus3.id), 'Azure Service Bus Data Sender', SENDER]]);
  });

  test('the same grant twice is a ValidationError of the bus', () => {
    const stack = testStack();
    const bus = eventBus(stack);
    bus.grantSend({ principalId: SENDER }, { id: 'Orders' });
    expect(violations(() => bus.grantSend({ principalId: SENDER }, { id: 'Orders' }))).toEqual([[
      'test/Events', 'grantSend(options).id', 'Orders', "test/Events already holds a construct 'Orders-westus3': the principal was granted this already, or another grant uses the same id", 'grant each principal once, or pass another id',
    ]]);
    expect(violations(() => bus.grantReceive({ principalId: RECEIVER })).map((v) => v[1])).toEqual(['grantReceive(options).id']);
    bus.grantReceive({ principalId: RECEIVER }, { id: 'Tracker' });
    expect(violations(() => bus.grantReceive({ principalId: RECEIVER }, { id: 'Tracker' })).map((v) => [v[1], v[2]])).toEqual([['grantReceive(options).id', 'Tracker']]);
  });

  test('a grantee that is no principal is reported at the grant method', () => {
    const bus = eventBus(testStack());
    expect(violations(() => bus.grantSend({ principalId: 'orders' }, { id: 'Orders' }))).toEqual([[
      'test/Events', 'grantSend(grantee).principalId', 'orders', 'not an Entra ID principal (object) ID (a GUID)',
      "pass the managed identity itself, or { principalId: '<object ID>' } (az ad sp show --id <app id> --query id -o tsv)",
    ]]);
    expect(violations(() => bus.grantReceive({ principalId: 'tracking' }, { id: 'Tracker' })).map((v) => v[1])).toEqual(['grantReceive(grantee).principalId']);
  });

  test('Event Grid: senders get the EventGrid Data Sender role on every topic; receivers get nothing, as Event Grid pushes', () => {
    const stack = testStack();
    const bus = eventBus(stack, { ...PS, transport: EventTransport.eventGrid() });
    const created = bus.grantSend({ principalId: SENDER }, { id: 'Orders' });
    expect(created.map((r) => r.node.path)).toEqual(['test/Events/Orders-westus3', 'test/Events/Orders-eastus']);
    expect(assignments(bus, created)).toEqual([
      [resolved(bus, bus.eventGridTopics.westus3.id), 'EventGrid Data Sender', SENDER],
      [resolved(bus, bus.eventGridTopics.eastus.id), 'EventGrid Data Sender', SENDER],
    ]);
    const grantee = { principalId: RECEIVER };
    expect(violations(() => bus.grantReceive(grantee, { id: 'Tracker' }))).toEqual([[
      'test/Events', 'grantReceive(grantee)', grantee, 'Event Grid pushes events to the webhook, so there is nothing to grant receivers',
      'grant receivers only with EventTransport.serviceBus() (EventTransport.delivery is pull)',
    ]]);
    // A grantee that is no principal is reported as such first.
    expect(violations(() => bus.grantReceive({ principalId: 'tracking' }, { id: 'Tracker' })).map((v) => v[1])).toEqual(['grantReceive(grantee).principalId']);
    expect(bus.node.tryFindChild('Tracker-westus3')).toBeUndefined();
  });
});

describe('EventBus.addWebhookSubscriptions', () => {
  test('a Service Bus bus has no webhook subscriptions to add', () => {
    const bus = eventBus(testStack());
    expect(violations(() => bus.addWebhookSubscriptions())).toEqual([[
      'test/Events', 'transport', 'serviceBus', 'webhook subscriptions exist only with Event Grid', 'use EventTransport.eventGrid({ webhookUrl })',
    ]]);
  });

  test('an Event Grid bus adds them where asked, with the URL given', () => {
    const stack = testStack();
    const bus = eventBus(stack, { transport: EventTransport.eventGrid({ subscribe: true, deferSubscriptions: true }) });
    bus.addWebhookSubscriptions(new Construct(stack, 'Edge'), 'https://edge.example.com/tracking/events');
    const subscriptions = Object.entries(all(synthStack(stack), 'azurerm_eventgrid_event_subscription'));
    expect(subscriptions.map(([id, s]) => [id.replace(/_[0-9A-F]{8}$/, ''), s.webhook_endpoint.url])).toEqual([['Edge_DeliveryTrackingSubscription-westus3', 'https://edge.example.com/tracking/events']]);
  });
});

describe('EventBus.connect', () => {
  test('a stamp gets a private endpoint into every namespace, named after the bus', () => {
    const stack = testStack();
    const bus = eventBus(stack, PS);
    const stamp = new RegionalStamp(stack, 'Stamp', { prefix: 'shop', region: 'eastus', monitoring: sink('eastus') });
    bus.connect(stamp);
    const ids = stamp.node.findAll().map((c) => c.node.id).filter((id) => id.startsWith('EventBusEndpoint-'));
    expect(ids).toEqual(['EventBusEndpoint-westus3', 'EventBusEndpoint-westus3-standby-eastus']);
  });
});

describe('EventTransport', () => {
  test('Service Bus pulls, has no webhook, and has no subscriptions to defer', () => {
    const serviceBus = EventTransport.serviceBus({ capacity: 2 });
    expect([serviceBus.delivery, serviceBus.environmentName, serviceBus.webhook]).toEqual(['pull', 'serviceBus', undefined]);
    expect(serviceBus.withDeferredSubscriptions()).toBe(serviceBus);
  });

  test('Event Grid pushes to the webhook as given; deferring keeps the options and leaves the original as it was', () => {
    const eventGrid = EventTransport.eventGrid({ webhookUrl: 'https://x.example.com/e', subscribe: true, maxDeliveryAttempts: 5 });
    expect([eventGrid.delivery, eventGrid.environmentName]).toEqual(['push', 'eventGrid']);
    expect(eventGrid.webhook).toEqual({ url: 'https://x.example.com/e', subscribe: true, deferSubscriptions: undefined });
    expect(EventTransport.eventGrid().webhook).toEqual({ url: undefined, subscribe: false, deferSubscriptions: undefined });
    expect(EventTransport.eventGrid({ subscribe: false, deferSubscriptions: false }).webhook).toEqual({ url: undefined, subscribe: false, deferSubscriptions: false });
    const deferred = eventGrid.withDeferredSubscriptions();
    expect(deferred).not.toBe(eventGrid);
    expect([deferred.delivery, deferred.environmentName]).toEqual(['push', 'eventGrid']);
    expect(deferred.webhook).toEqual({ url: 'https://x.example.com/e', subscribe: true, deferSubscriptions: true });
    expect(eventGrid.webhook?.deferSubscriptions).toBeUndefined();
    // The other options survive the deferral.
    const stack = testStack();
    eventBus(stack, { transport: deferred }).addWebhookSubscriptions();
    const [subscription] = Object.values(all(synthStack(stack), 'azurerm_eventgrid_event_subscription'));
    expect(subscription.retry_policy).toEqual({ max_delivery_attempts: 5, event_time_to_live: 1440 });
  });

  test('each transport checks its own options\' shape, reported at the prop given', () => {
    const scope = testStack();
    expect(violations(() => EventTransport.serviceBus({ webhookUrl: 'https://x' } as never).checkOptions(scope, 'eventBus.transport')).map((v) => [v[1], v[3]])).toEqual([
      ['eventBus.transport.webhookUrl', "unknown option 'webhookUrl', which would be ignored"],
    ]);
    expect(violations(() => EventTransport.eventGrid({ capacity: 2 } as never).checkOptions(scope, 'eventBus.transport')).map((v) => [v[1], v[3]])).toEqual([
      ['eventBus.transport.capacity', "unknown option 'capacity', which would be ignored"],
    ]);
    expect(() => EventTransport.serviceBus().checkOptions(scope, 'transport')).not.toThrow();
    expect(() => EventTransport.eventGrid().checkOptions(scope, 'transport')).not.toThrow();
  });
});
