import { DATA_TIER_ENTRIES } from '../data-tier/shapes';
import { PRINCIPAL_SHAPE } from '../core/principal';
import { opt, shapes, strictShape } from '../core/validate';
import type { EventBusProps } from './event-bus-types';
import { EventTransport } from './transport';
import type { EventBusNames } from './transport-types';

// Internal: the run-time shapes of the event bus props (not exported from the package). Each transport's options have
// their shape beside the transport (service-bus.ts, event-grid.ts).

// A bus has one transport: an object naming several (`{ serviceBus: {...}, eventHubs: {...} }`) or a list of them is refused here.
export const TRANSPORT_SHAPE = shapes.instance(() => EventTransport, 'exactly one EventTransport (EventTransport.serviceBus({...}), EventTransport.eventHubs({...}) or EventTransport.eventGrid({...}))');

const REGION_NAMES = opt(shapes.map(shapes.string(), 'an object of region names to resource names'));

const EVENT_BUS_NAMES_SHAPE = strictShape<EventBusNames>({
  serviceBusNamespaces: REGION_NAMES, eventHubNamespaces: REGION_NAMES, standbyNamespaces: REGION_NAMES, geoDrAliases: REGION_NAMES, topic: opt(shapes.string()), subscription: opt(shapes.string()),
  eventGridTopics: REGION_NAMES, deadLetterStorageAccounts: REGION_NAMES, deadLetterContainer: opt(shapes.string()),
});

const PRINCIPALS = opt(shapes.map(PRINCIPAL_SHAPE, 'an object of keys to principals, e.g. { OrderService: identity }'));

/** The event bus's own props (beside the data-tier ones). */
export const EVENT_BUS_ENTRIES = { transport: opt(TRANSPORT_SHAPE), senders: PRINCIPALS, receivers: PRINCIPALS, names: opt(EVENT_BUS_NAMES_SHAPE) };

export const EVENT_BUS_SHAPE = strictShape<EventBusProps>({ ...DATA_TIER_ENTRIES, ...EVENT_BUS_ENTRIES });
