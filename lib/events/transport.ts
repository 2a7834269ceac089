import { IConstruct } from 'constructs';
import { asOptions, checkShape, Shape } from '../core/validate';
import { buildEventGrid, checkEventGrid, EVENT_GRID_OPTIONS_SHAPE } from './event-grid';
import { buildEventHubs, checkEventHubs, EVENT_HUBS_OPTIONS_SHAPE } from './event-hubs';
import { buildServiceBus, checkServiceBus, SERVICE_BUS_OPTIONS_SHAPE } from './service-bus';
import { EventBusContext, EventDelivery, EventGridOptions, EventHubsOptions, ServiceBusOptions, TransportBuild, WebhookSettings } from './transport-types';

/** A transport's name in the services' environment (`EVENTS_TRANSPORT`). */
export type TransportName = 'serviceBus' | 'eventGrid' | 'eventHubs';

// How order events travel (EventTransport): the class users pick a transport with, and the private strategies that
// check each transport's options and build its resources for the event bus.

/** What one transport does for the event bus. */
interface TransportStrategy {
  /** The transport's name in the services' environment (`EVENTS_TRANSPORT`). */
  readonly name: TransportName;
  /** The options as given (a JavaScript caller can pass anything; `checkOptions` says what is wrong). */
  readonly given: unknown;
  readonly delivery: EventDelivery;
  /** Whether KEDA can scale the consumer on its backlog (an `azure-servicebus` trigger). */
  readonly backlogScaling: boolean;
  /** The webhook of a pushing transport, as given. */
  readonly webhook?: WebhookSettings;
  /** Checks the options' run-time shape (unknown keys, wrong types), reported as `prop`. */
  checkOptions(scope: IConstruct, prop: string): void;
  /** Checks the options and names against the bus, reports every violation of the bus at once, then builds. */
  build(ctx: EventBusContext): TransportBuild;
  /** The same transport with its webhook subscriptions left to `EventBus.addWebhookSubscriptions(scope)`. */
  withDeferredSubscriptions(): TransportStrategy;
}

/** What a pulling transport is made of: its name, whether KEDA can scale on its backlog, and its options' checks and build. */
interface PullTransportParts<S> {
  readonly name: TransportName;
  readonly backlogScaling: boolean;
  readonly shape: Shape;
  readonly check: (ctx: EventBusContext, options: never) => S;
  readonly build: (ctx: EventBusContext, settings: S) => TransportBuild;
}

/** A transport the Delivery-tracking service pulls from (no webhook, nothing to defer). */
class PullTransport<S> implements TransportStrategy {
  public readonly delivery = 'pull';

  /** @param given - the options as given (a JavaScript caller can pass anything; `checkOptions` says what is wrong) */
  constructor(private readonly parts: PullTransportParts<S>, public readonly given: unknown) {}

  public get name(): TransportName {
    return this.parts.name;
  }

  public get backlogScaling(): boolean {
    return this.parts.backlogScaling;
  }

  public checkOptions(scope: IConstruct, prop: string): void {
    checkShape(scope, prop, this.given, this.parts.shape);
  }

  public build(ctx: EventBusContext): TransportBuild {
    const settings = this.parts.check(ctx, asOptions<never>(this.given));
    ctx.checks.throwIfAny();
    return this.parts.build(ctx, settings);
  }

  public withDeferredSubscriptions(): TransportStrategy {
    return this;
  }
}

/** Service Bus Premium: the Delivery-tracking service pulls from a subscription; KEDA scales it on the backlog. */
const SERVICE_BUS = { name: 'serviceBus', backlogScaling: true, shape: SERVICE_BUS_OPTIONS_SHAPE, check: checkServiceBus, build: buildServiceBus } as const;

/**
 * Event Hubs: the Delivery-tracking service consumes the event hub over Kafka (or AMQP) as the `delivery-tracking`
 * group. No KEDA backlog trigger: Kafka consumers commit offsets to the Event Hubs group coordinator, which KEDA's
 * `azure-eventhub` scaler does not read (it reads blob checkpoints), and KEDA's `kafka` scaler has no Azure workload
 * identity (kedacore/keda v2.17, pkg/scalers/azure_eventhub_scaler.go and kafka_scaler.go).
 */
const EVENT_HUBS = { name: 'eventHubs', backlogScaling: false, shape: EVENT_HUBS_OPTIONS_SHAPE, check: checkEventHubs, build: buildEventHubs } as const;

/** Event Grid: the topics push to the Delivery-tracking service's webhook. */
class EventGridTransport implements TransportStrategy {
  public readonly name = 'eventGrid';
  public readonly delivery = 'push';
  public readonly backlogScaling = false;

  /** @param given - the options as given (a JavaScript caller can pass anything; `checkOptions` says what is wrong) */
  constructor(public readonly given: unknown) {}

  public get webhook(): WebhookSettings {
    const o = asOptions<EventGridOptions>(this.given);
    return { url: o.webhookUrl, subscribe: o.subscribe ?? false, deferSubscriptions: o.deferSubscriptions };
  }

  public checkOptions(scope: IConstruct, prop: string): void {
    checkShape(scope, prop, this.given, EVENT_GRID_OPTIONS_SHAPE);
  }

  public build(ctx: EventBusContext): TransportBuild {
    const settings = checkEventGrid(ctx, asOptions<EventGridOptions>(this.given));
    ctx.checks.throwIfAny();
    return buildEventGrid(ctx, settings);
  }

  public withDeferredSubscriptions(): TransportStrategy {
    return new EventGridTransport({ ...asOptions<EventGridOptions>(this.given), deferSubscriptions: true });
  }
}

/** How order events travel from the Order service to the Delivery-tracking service. */
export class EventTransport {
  /** Service Bus Premium: topic `order-events`, subscription `delivery-tracking`, geo-DR alias across regions. */
  public static serviceBus(options: ServiceBusOptions = {}): EventTransport {
    return new EventTransport(new PullTransport(SERVICE_BUS, options));
  }

  /**
   * Event Hubs (Standard or Premium), Kafka-compatible: event hub `order-events` (the Kafka topic), an Event Hubs
   * consumer group `delivery-tracking` for AMQP readers (the name is the Kafka `group.id` too), a geo-DR alias where the pattern pairs (as Service Bus does), and the
   * Kafka bootstrap server `<host>:9093` in the services' environment.
   */
  public static eventHubs(options: EventHubsOptions = {}): EventTransport {
    return new EventTransport(new PullTransport(EVENT_HUBS, options));
  }

  /** Event Grid: a topic per region pushing CloudEvents to the tracking service, dead-letters to storage. */
  public static eventGrid(options: EventGridOptions = {}): EventTransport {
    return new EventTransport(new EventGridTransport(options));
  }

  private readonly strategy: TransportStrategy;

  private constructor(strategy: TransportStrategy) {
    this.strategy = strategy;
  }

  /**
   * How an error message shows the transport: the factory and its options as given, not the strategy inside.
   * @internal
   */
  public toJSON(): string {
    return `EventTransport.${this.strategy.name}(${JSON.stringify(this.strategy.given ?? {})})`;
  }

  /**
   * How events reach the Delivery-tracking service: `pull` (Service Bus: it receives from the `delivery-tracking`
   * subscription; Event Hubs: it consumes as the `delivery-tracking` group; both need `EventBus.grantReceive`) or
   * `push` (Event Grid: the topics post them to its webhook).
   */
  public get delivery(): EventDelivery {
    return this.strategy.delivery;
  }

  /** The transport's name in the services' environment (`EVENTS_TRANSPORT`): `serviceBus`, `eventHubs` or `eventGrid`. @internal */
  public get environmentName(): TransportName {
    return this.strategy.name;
  }

  /** Whether KEDA can scale the consumer on its backlog: Service Bus only (see `EventTransport.eventHubs`). @internal */
  public get backlogScaling(): boolean {
    return this.strategy.backlogScaling;
  }

  /** The webhook of a pushing transport (Event Grid) as given; undefined for Service Bus. @internal */
  public get webhook(): WebhookSettings | undefined {
    return this.strategy.webhook;
  }

  /** Checks the options' run-time shape (unknown keys, wrong types), reported as `prop`. @internal */
  public checkOptions(scope: IConstruct, prop: string): void {
    this.strategy.checkOptions(scope, prop);
  }

  /**
   * Checks the options and names against the bus (every violation of the bus reported at once), then builds the
   * transport's resources for it.
   * @internal
   */
  public build(ctx: EventBusContext): TransportBuild {
    return this.strategy.build(ctx);
  }

  /**
   * The same transport with its webhook subscriptions left to `EventBus.addWebhookSubscriptions(scope)` (Event Grid);
   * a transport without subscriptions (Service Bus, Event Hubs) is returned as it is.
   * @internal
   */
  public withDeferredSubscriptions(): EventTransport {
    const deferred = this.strategy.withDeferredSubscriptions();
    return deferred === this.strategy ? this : new EventTransport(deferred);
  }
}
