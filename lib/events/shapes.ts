import { DATA_TIER_ENTRIES } from '../data-tier/shapes';
import { opt, shapes, strictShape } from '../core/validate';
import type { EventBusProps } from './event-bus-types';
import { EventGridOptions, EventTransport, ServiceBusOptions } from './transport';

// Internal: the run-time shapes of the event bus props (not exported from the package).

export const SERVICE_BUS_OPTIONS_SHAPE = strictShape<ServiceBusOptions>({
  capacity: opt(shapes.number()), partitions: opt(shapes.number()), maxDeliveryCount: opt(shapes.number()), lockDuration: opt(shapes.string()),
  duplicateDetectionWindow: opt(shapes.string()), defaultMessageTtl: opt(shapes.string()),
});

export const EVENT_GRID_OPTIONS_SHAPE = strictShape<EventGridOptions>({
  webhookUrl: opt(shapes.string()), subscribe: opt(shapes.boolean()), maxDeliveryAttempts: opt(shapes.number()), eventTimeToLiveMinutes: opt(shapes.number()),
  deferSubscriptions: opt(shapes.boolean()),
});

export const TRANSPORT_SHAPE = shapes.instance(() => EventTransport, 'an EventTransport (EventTransport.serviceBus({...}) or EventTransport.eventGrid({...}))');

/** The event bus's own props (beside the data-tier ones). */
export const EVENT_BUS_ENTRIES = { transport: opt(TRANSPORT_SHAPE), senders: opt(shapes.map(shapes.string())), receivers: opt(shapes.map(shapes.string())) };

export const EVENT_BUS_SHAPE = strictShape<EventBusProps>({ ...DATA_TIER_ENTRIES, ...EVENT_BUS_ENTRIES });
