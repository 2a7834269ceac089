import { IConstruct } from 'constructs';
import { asOptions, checkShape } from '../core/validate';
import { buildEventGrid, checkEventGrid, EVENT_GRID_OPTIONS_SHAPE } from './event-grid';
import { buildServiceBus, checkServiceBus, SERVICE_BUS_OPTIONS_SHAPE } from './service-bus';
import { EventBusContext, EventDelivery, EventGridOptions, ServiceBusOptions, TransportBuild, WebhookSettings } from './transport-types';

// How order events travel (EventTransport): the class users pick a transport with, and the private strategies that
// check each transport's options and build its resources for the event bus.

/** What one transport does for the event bus. */
interface TransportStrategy {
  /** The transport's name in the services' environment (`EVENTS_TRANSPORT`). */
  readonly name: 'serviceBus' | 'eventGrid';
  readonly delivery: EventDelivery;
  /** The webhook of a pushing transport, as given. */
  readonly webhook?: WebhookSettings;
  /** Checks the options' run-time shape (unknown keys, wrong types), reported as `prop`. */
  checkOptions(scope: IConstruct, prop: string): void;
  /** Checks the options and names against the bus, reports every violation of the bus at once, then builds. */
  build(ctx: EventBusContext): TransportBuild;
  /** The same transport with its webhook subscriptions left to `EventBus.addWebhookSubscriptions(scope)`. */
  withDeferredSubscriptions(): TransportStrategy;
}

/** Service Bus Premium: the Delivery-tracking service pulls from a subscription. */
class ServiceBusTransport implements TransportStrategy {
  public readonly name = 'serviceBus';
  public readonly delivery = 'pull';

  /** @param given - the options as given (a JavaScript caller can pass anything; `checkOptions` says what is wrong) */
  constructor(private readonly given: unknown) {}

  public checkOptions(scope: IConstruct, prop: string): void {
    checkShape(scope, prop, this.given, SERVICE_BUS_OPTIONS_SHAPE);
  }

  public build(ctx: EventBusContext): TransportBuild {
    const settings = checkServiceBus(ctx, asOptions<ServiceBusOptions>(this.given));
    ctx.checks.throwIfAny();
    return buildServiceBus(ctx, settings);
  }

  public withDeferredSubscriptions(): TransportStrategy {
    return this;
  }
}

/** Event Grid: the topics push to the Delivery-tracking service's webhook. */
class EventGridTransport implements TransportStrategy {
  public readonly name = 'eventGrid';
  public readonly delivery = 'push';

  /** @param given - the options as given (a JavaScript caller can pass anything; `checkOptions` says what is wrong) */
  constructor(private readonly given: unknown) {}

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
    return new EventTransport(new ServiceBusTransport(options));
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
   * How events reach the Delivery-tracking service: `pull` (Service Bus: it receives from the `delivery-tracking`
   * subscription and needs `EventBus.grantReceive`) or `push` (Event Grid: the topics post them to its webhook).
   */
  public get delivery(): EventDelivery {
    return this.strategy.delivery;
  }

  /** The transport's name in the services' environment (`EVENTS_TRANSPORT`): `serviceBus` or `eventGrid`. @internal */
  public get environmentName(): 'serviceBus' | 'eventGrid' {
    return this.strategy.name;
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
   * a transport without subscriptions (Service Bus) is returned as it is.
   * @internal
   */
  public withDeferredSubscriptions(): EventTransport {
    const deferred = this.strategy.withDeferredSubscriptions();
    return deferred === this.strategy ? this : new EventTransport(deferred);
  }
}
