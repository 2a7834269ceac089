import { Construct } from 'constructs';
import { EventgridTopic } from '@cdktf/provider-azurerm/lib/eventgrid-topic';
import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { EventhubNamespaceDisasterRecoveryConfig } from '@cdktf/provider-azurerm/lib/eventhub-namespace-disaster-recovery-config';
import { ServicebusNamespace } from '@cdktf/provider-azurerm/lib/servicebus-namespace';
import { ServicebusNamespaceDisasterRecoveryConfig } from '@cdktf/provider-azurerm/lib/servicebus-namespace-disaster-recovery-config';
import { ServicebusSubscription } from '@cdktf/provider-azurerm/lib/servicebus-subscription';
import { ServicebusTopic } from '@cdktf/provider-azurerm/lib/servicebus-topic';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { DataTierEndpoint } from '../common/private-endpoints';
import type { DiagnosticSink } from '../monitoring/diagnostics';
import { Checks } from '../core/validate';
import { RemovalPolicy } from '../core/lifecycle';
import { Naming } from '../core/naming';
import { RedundancyPattern, RegionPlacement } from '../core/pattern';
import { Tags } from '../core/tags';

// What an event transport is given and what it builds for the event bus, apart from the transports (service-bus.ts,
// event-grid.ts) and the class users pick them with (transport.ts), so that each of them can use these types without
// importing the others.

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
  /** Peek-lock duration of the `delivery-tracking` subscription in seconds, 5-300 (Azure's maximum is 5 minutes). @default 60 */
  readonly lockDurationSeconds?: number;
  /** Duplicate-detection window of the topic in minutes, 1-10080 (Azure allows 20 seconds to 7 days). @default 10 */
  readonly duplicateDetectionWindowMinutes?: number;
  /** Time to live of messages on the topic and the subscription in days, 1-10675199 (Azure's unbounded maximum). @default 14 */
  readonly defaultMessageTtlDays?: number;
}

/** Options of {@link EventTransport.eventHubs}. */
export interface EventHubsOptions {
  /**
   * `Standard` (throughput units, up to 32 partitions and 7 days of retention per event hub) or `Premium` (processing
   * units, up to 100 partitions and 90 days). A change between them replaces the primary namespaces (the provider forces
   * it); a paired standby is never updated by Terraform, so it keeps its first SKU and capacity.
   * @default 'Standard'
   */
  readonly sku?: 'Standard' | 'Premium';
  /**
   * Per namespace: Standard throughput units (1-40), or Premium processing units (1, 2, 4, 8 or 16).
   * @default 1
   */
  readonly capacity?: number;
  /**
   * Standard only: turn on auto-inflate up to this many throughput units (from `capacity` to 40). Premium scales by
   * `capacity` alone.
   * @default - no auto-inflate
   */
  readonly maximumThroughputUnits?: number;
  /**
   * Partitions of the `order-events` event hub (the Kafka topic): 1-32 (Standard) or 1-100 (Premium). They bound the
   * consumers of the `delivery-tracking` group that work at once. Standard cannot change them after creation, and no
   * SKU can lower them (the provider refuses both on update), so choose for the peak.
   * @default 4
   */
  readonly partitions?: number;
  /** Days the event hub keeps events: 1-7 (Standard) or 1-90 (Premium). @default 7 */
  readonly retentionDays?: number;
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

/**
 * How events reach the Delivery-tracking service: `pull` (Service Bus: it receives from the `delivery-tracking`
 * subscription; Event Hubs: it consumes the event hub as the `delivery-tracking` group; either needs
 * `EventBus.grantReceive`) or `push` (Event Grid: the topics post them to its webhook).
 */
export type EventDelivery = 'pull' | 'push';

/**
 * Name overrides of {@link EventBus}, to adopt existing resources or follow a naming convention. Each is checked
 * against Azure's rules for the resource; a name for a resource the bus does not create (a region without such a
 * resource, or the other transport's resources) is an error, not ignored.
 */
export interface EventBusNames {
  /**
   * Service Bus: the namespace that holds the topic, by the region it is in (the first region, or every region under
   * activeActive and regionPinned).
   * @default - `<prefix>-sbns-<region>-<hash>`
   */
  readonly serviceBusNamespaces?: { readonly [region: string]: string };
  /**
   * Event Hubs: the namespace that holds the event hub, by the region it is in (the first region, or every region
   * under activeActive and regionPinned).
   * @default - `<prefix>-evhns-<region>-<hash>`
   */
  readonly eventHubNamespaces?: { readonly [region: string]: string };
  /**
   * Service Bus or Event Hubs: the standby namespace paired with a region's namespace, by the region of the namespace
   * it stands by for (it lives in the partner region).
   * @default - `<prefix>-sbns-<standby region>-dr-<hash>` (Event Hubs: `evhns`)
   */
  readonly standbyNamespaces?: { readonly [region: string]: string };
  /**
   * Service Bus or Event Hubs: the geo-DR alias of a paired region's namespace, by region (the host the services
   * connect to, with the namespace rules).
   * @default - `<prefix>-sbns-alias-<region>-<hash>` (Event Hubs: `evhns`)
   */
  readonly geoDrAliases?: { readonly [region: string]: string };
  /** The topic the Order service publishes to: the Service Bus topic, or the event hub (the Kafka topic). @default 'order-events' */
  readonly topic?: string;
  /**
   * The Delivery-tracking service's subscription: the Service Bus subscription, the name of the event hub's consumer group
   * and of the Kafka `group.id`, or the Event Grid event subscription.
   * @default 'delivery-tracking'
   */
  readonly subscription?: string;
  /** Event Grid: the topic of each region, by region. @default - `<prefix>-evgt-<region>-<hash>` */
  readonly eventGridTopics?: { readonly [region: string]: string };
  /**
   * Event Grid: the dead-letter storage account of each region, by region (globally unique, 3-24 lower-case letters
   * and digits).
   * @default - `<prefix>st<region><hash>`, or `<prefix>st<hash>` where that would exceed 24 characters
   */
  readonly deadLetterStorageAccounts?: { readonly [region: string]: string };
  /** Event Grid: the dead-letter blob container. @default 'dead-letters' */
  readonly deadLetterContainer?: string;
}

/** Where a region's services publish and consume. */
export interface EventBusEndpoint {
  /** Region whose services use this endpoint. */
  readonly region: string;
  /**
   * Service Bus: the host to connect to (the geo-DR alias `<alias>.servicebus.windows.net` when paired, which
   * follows a failover; the namespace otherwise). Event Grid: the topic endpoint.
   */
  readonly host: string;
  /** Topic name (Service Bus) or topic endpoint URL (Event Grid). */
  readonly topic: string;
  /**
   * Subscription the Delivery-tracking service consumes (Service Bus), its group (Event Hubs: the Kafka `group.id`,
   * and an Event Hubs consumer group of that name), or undefined (Event Grid pushes).
   */
  readonly subscription?: string;
  /** Event Hubs: the Kafka bootstrap server, `<host>:9093`; undefined for the other transports. */
  readonly kafkaBootstrap?: string;
}

/**
 * What a transport builds with: the event bus's placement, naming and per-region plumbing, and its checked props.
 * @internal
 */
export interface EventBusContext {
  /** The event bus (errors, annotations and synth-time validations are its). */
  readonly bus: Construct;
  readonly naming: Naming;
  readonly pattern: RedundancyPattern;
  readonly placements: readonly RegionPlacement[];
  readonly removalPolicy: RemovalPolicy;
  readonly tags: Tags;
  /** Name overrides as given (shape-checked; the transport checks the names it uses). */
  readonly names: EventBusNames;
  /** Senders' principal IDs by key. */
  readonly senders: readonly [string, string][];
  /** Receivers' principal IDs by key. */
  readonly receivers: readonly [string, string][];
  /** The bus's violations so far: the transport adds its own, then reports them all before building. */
  readonly checks: Checks;
  /** The construct scope of a region's resources. */
  regionScope(region: string): Construct;
  /** The resource group of a region. */
  resourceGroupName(region: string): string;
  /** Where a region's diagnostics go (its workspace, and which logs). */
  monitoring(region: string): DiagnosticSink;
}

/** Where a principal gets a role in one region, for `grantSend` and `grantReceive`. @internal */
export interface GrantScope {
  readonly region: string;
  /** Scope of the send role (the topic, or the event hub). */
  readonly send: string;
  readonly sendRole: string;
  /** Scope of the receive role (the subscription, or the event hub); undefined when the transport pushes. */
  readonly receive?: string;
  readonly receiveRole?: string;
  /** The standby namespace, where the same roles apply after a failover. */
  readonly standby?: string;
}

/** The principal resources of an event bus, by region (empty for the other transport's). @internal */
export interface EventBusResources {
  readonly serviceBusNamespaces: { readonly [region: string]: ServicebusNamespace };
  readonly standbyNamespaces: { readonly [region: string]: ServicebusNamespace };
  readonly geoDrAliases: { readonly [region: string]: ServicebusNamespaceDisasterRecoveryConfig };
  readonly serviceBusTopics: { readonly [region: string]: ServicebusTopic };
  readonly serviceBusSubscriptions: { readonly [region: string]: ServicebusSubscription };
  readonly eventGridTopics: { readonly [region: string]: EventgridTopic };
  readonly deadLetterStorageAccounts: { readonly [region: string]: StorageAccount };
  readonly eventHubNamespaces: { readonly [region: string]: EventhubNamespace };
  readonly eventHubStandbyNamespaces: { readonly [region: string]: EventhubNamespace };
  readonly eventHubGeoDrAliases: { readonly [region: string]: EventhubNamespaceDisasterRecoveryConfig };
  readonly eventHubs: { readonly [region: string]: Eventhub };
  readonly eventHubConsumerGroups: { readonly [region: string]: EventhubConsumerGroup };
}

/** The empty resources of every transport, for a transport to spread its own over. @internal */
export const NO_RESOURCES: EventBusResources = {
  serviceBusNamespaces: {}, standbyNamespaces: {}, geoDrAliases: {}, serviceBusTopics: {}, serviceBusSubscriptions: {}, eventGridTopics: {}, deadLetterStorageAccounts: {},
  eventHubNamespaces: {}, eventHubStandbyNamespaces: {}, eventHubGeoDrAliases: {}, eventHubs: {}, eventHubConsumerGroups: {},
};

/** What a transport built for the event bus. @internal */
export interface TransportBuild {
  readonly resources: EventBusResources;
  readonly endpoints: { readonly [region: string]: EventBusEndpoint };
  readonly privateEndpoints: readonly DataTierEndpoint[];
  readonly grantScopes: readonly GrantScope[];
  /** Event Grid: adds the webhook subscriptions (see `EventBus.addWebhookSubscriptions`). */
  readonly addWebhookSubscriptions?: (scope?: Construct, webhookUrl?: string) => void;
}

/** The webhook of a pushing transport, as given. @internal */
export interface WebhookSettings {
  readonly url?: string;
  readonly subscribe: boolean;
  /** `deferSubscriptions` as given (undefined when left out). */
  readonly deferSubscriptions?: boolean;
}
