import { asOptions, recordGiven } from '../core/validate';

// How order events travel (EventTransport) and its options, apart from the event bus so that the props' run-time
// shapes (shapes.ts) and the platform can use them without importing the construct.

/** Options of {@link EventTransport.serviceBus}. */
export interface ServiceBusOptions {
  /** Premium messaging units per namespace: 1, 2, 4, 8 or 16. @default 1 */
  readonly capacity?: number;
  /**
   * Premium messaging partitions: 1, 2 or 4; the capacity must be a multiple of them. A standby namespace gets the
   * same count (Azure refuses to pair a partitioned namespace with a non-partitioned one).
   * @default 1
   */
  readonly partitions?: number;
  /** Deliveries before a message is dead-lettered (at least 1). @default 10 */
  readonly maxDeliveryCount?: number;
  /** Peek-lock duration, ISO 8601, at most 5 minutes. @default 'PT1M' */
  readonly lockDuration?: string;
  /** Duplicate-detection window, ISO 8601, 20 seconds to 7 days. @default 'PT10M' */
  readonly duplicateDetectionWindow?: string;
  /** Message time to live, ISO 8601. @default 'P14D' */
  readonly defaultMessageTtl?: string;
}

/** Options of {@link EventTransport.eventGrid}. */
export interface EventGridOptions {
  /**
   * HTTPS endpoint of the Delivery-tracking service that receives the events (CloudEvents 1.0 webhook). It must answer
   * Event Grid's validation handshake (an HTTP OPTIONS request with `WebHook-Request-Origin`) when a subscription is
   * created.
   * @default - in `MultiRegionOrderPlatform`: `https://<Front Door endpoint>/tracking/events`,
   * served by the tracking service through the platform's own entry; on its own: required when `subscribe` is true
   */
  readonly webhookUrl?: string;
  /**
   * Create the `delivery-tracking` webhook subscriptions. Event Grid validates the webhook when a subscription is
   * created, so a first deploy leaves this off: a webhook served through this platform's Front Door answers only once
   * the Private Link connections are approved (after the first deploy). Until it is on, no subscription exists and
   * events published to the topics are dropped (a synth warning says so); turning it on only adds the subscriptions.
   * @default false
   */
  readonly subscribe?: boolean;
  /** Delivery attempts before dead-lettering (1-30). @default 30 */
  readonly maxDeliveryAttempts?: number;
  /** Minutes an event is retried before dead-lettering (1-1440). @default 1440 */
  readonly eventTimeToLiveMinutes?: number;
  /**
   * Leave the webhook subscriptions to `EventBus.addWebhookSubscriptions(scope)`, for a stack applied after the webhook
   * exists (the platform adds them in the edge stack, after the workloads and Front Door).
   * @default false
   */
  readonly deferSubscriptions?: boolean;
}

/** How order events travel from the Order service to the Delivery-tracking service. */
export class EventTransport {
  /** Service Bus Premium: topic `order-events`, subscription `delivery-tracking`, geo-DR alias across regions. */
  public static serviceBus(options: ServiceBusOptions = {}): EventTransport {
    return recordGiven(new EventTransport('serviceBus', asOptions(options)), options);
  }

  /** Event Grid: a topic per region pushing CloudEvents to the tracking service, dead-letters to storage. */
  public static eventGrid(options: EventGridOptions = {}): EventTransport {
    return recordGiven(new EventTransport('eventGrid', asOptions(options)), options);
  }

  private constructor(
    /** `serviceBus` or `eventGrid`. */
    public readonly kind: 'serviceBus' | 'eventGrid',
    /** The options as given. */
    public readonly options: ServiceBusOptions | EventGridOptions,
  ) {}
}
