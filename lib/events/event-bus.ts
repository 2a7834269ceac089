import { Construct } from 'constructs';
import { Annotations, Token } from 'cdktf';
import { EventgridEventSubscription } from '@cdktf/provider-azurerm/lib/eventgrid-event-subscription';
import { EventgridTopic } from '@cdktf/provider-azurerm/lib/eventgrid-topic';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ServicebusNamespace } from '@cdktf/provider-azurerm/lib/servicebus-namespace';
import { ServicebusNamespaceDisasterRecoveryConfig } from '@cdktf/provider-azurerm/lib/servicebus-namespace-disaster-recovery-config';
import { ServicebusSubscription } from '@cdktf/provider-azurerm/lib/servicebus-subscription';
import { ServicebusTopic } from '@cdktf/provider-azurerm/lib/servicebus-topic';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { DataTierEndpoint } from '../common/private-endpoints';
import { PrivateDnsZones } from '../common/private-dns-zones';
import { DataTierConstruct } from '../data-tier/data-tier';
import { ValidationError } from '../core/errors';
import { protect } from '../core/lifecycle';
import { ResourceKind } from '../core/naming';
import { activeActivePartner, PatternKind, RegionPlacement } from '../core/pattern';
import { checkPrincipals, checkShape, Checks, givenOf } from '../core/validate';
import { addDiagnostics } from '../monitoring/diagnostics';
import { EventBusProps } from './event-bus-types';
import { EVENT_BUS_SHAPE, EVENT_GRID_OPTIONS_SHAPE, SERVICE_BUS_OPTIONS_SHAPE } from './shapes';
import { EventGridOptions, EventTransport, ServiceBusOptions } from './transport';

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
  /** Subscription the Delivery-tracking service consumes (Service Bus), or undefined (Event Grid pushes). */
  readonly subscription?: string;
}

const TOPIC = 'order-events';
const SB_SENDER = 'Azure Service Bus Data Sender';
const SB_RECEIVER = 'Azure Service Bus Data Receiver';
const EG_SENDER = 'EventGrid Data Sender';
const SUBSCRIPTION = 'delivery-tracking';
/** ISO 8601 durations with days, hours, minutes and seconds (what Service Bus accepts). */
const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

function seconds(value: string): number | undefined {
  const m = typeof value === 'string' ? DURATION.exec(value) : null;
  if (!m || value === 'P' || value.endsWith('T')) return undefined;
  return (Number(m[1] ?? 0) * 86400) + (Number(m[2] ?? 0) * 3600) + (Number(m[3] ?? 0) * 60) + Number(m[4] ?? 0);
}

/**
 * The event bus between the Order and Delivery-tracking services.
 *
 * Service Bus Premium (default): one namespace per region the pattern writes in; primarySecondary and
 * activePassive pair the primary namespace with a namespace in the second region through a geo-DR alias,
 * activeActive pairs every region's namespace with a standby namespace in its partner region (`activeActivePartner`), regionPinned keeps one
 * unpaired namespace per cell. Entities live on primary namespaces only (Azure refuses them on a paired secondary,
 * terraform-provider-azurerm#20933). Event Grid (option): a topic per region with dead-lettering to zone-redundant
 * storage.
 */
export class EventBus extends DataTierConstruct {
  /** The transport the bus was built with. */
  public readonly transport: EventTransport;
  /** Where each region's services publish and consume, by region. */
  public readonly endpoints: { readonly [region: string]: EventBusEndpoint };
  private readonly endpointResources: DataTierEndpoint[] = [];
  /** Event Grid: what each region's webhook subscription needs. */
  private readonly webhookTargets: { readonly region: string; readonly topicId: string; readonly storageId: string; readonly container: string; readonly writer: RoleAssignment }[] = [];
  private subscriptionsAdded = false;
  private webhookSettings?: { readonly url?: string; readonly subscribe: boolean; readonly maxDeliveryAttempts: number; readonly eventTimeToLive: number };
  /** Where senders and receivers get their roles: per active region, the entity scopes and the standby namespace. */
  private readonly grantScopes: { readonly region: string; readonly send: string; readonly receive?: string; readonly standby?: string; readonly sendRole: string }[] = [];

  constructor(scope: Construct, id: string, props: EventBusProps) {
    super(scope, id, props, 'event-bus', EVENT_BUS_SHAPE);
    this.transport = props.transport ?? EventTransport.serviceBus();
    const serviceBus = this.transport.kind === 'serviceBus';
    checkShape(this, 'transport', givenOf(this.transport), serviceBus ? SERVICE_BUS_OPTIONS_SHAPE : EVENT_GRID_OPTIONS_SHAPE);
    const checks = new Checks(this);
    const senders = checks.run([], () => checkPrincipals(this, 'senders', props.senders));
    const receivers = checks.run([], () => checkPrincipals(this, 'receivers', props.receivers));
    if (!serviceBus && receivers.length > 0) {
      checks.fail({ prop: 'receivers', value: Object.keys(props.receivers ?? {}), problem: 'Event Grid pushes events to the webhook, so there is nothing to grant receivers', fix: 'drop receivers, or use EventTransport.serviceBus()' });
    }
    const sb = serviceBus ? this.checkServiceBus(checks, this.transport.options as ServiceBusOptions) : undefined;
    const eg = serviceBus ? undefined : this.checkEventGrid(checks, this.transport.options as EventGridOptions);
    checks.throwIfAny();
    this.endpoints = sb ? this.buildServiceBus(sb, senders, receivers) : this.buildEventGrid(eg!, senders);
  }

  /** The private endpoints every stamp needs: one per namespace (or Event Grid topic). */
  public get privateEndpoints(): readonly DataTierEndpoint[] {
    return this.endpointResources;
  }

  /**
   * Lets a principal publish order events in every active region (topic scope, plus namespace scope on standby
   * namespaces for after a failover); assignments are created in `scope`.
   */
  public grantSend(scope: Construct, id: string, principalId: string): void {
    for (const g of this.grantScopes) {
      new RoleAssignment(scope, `${id}-${g.region}`, { scope: g.send, roleDefinitionName: g.sendRole, principalId });
      if (g.standby) new RoleAssignment(scope, `${id}-${g.region}-standby`, { scope: g.standby, roleDefinitionName: g.sendRole, principalId });
    }
  }

  /** Lets a principal receive from the `delivery-tracking` subscription in every active region (Service Bus only). */
  public grantReceive(scope: Construct, id: string, principalId: string): void {
    for (const g of this.grantScopes) {
      if (!g.receive) continue;
      new RoleAssignment(scope, `${id}-${g.region}`, { scope: g.receive, roleDefinitionName: SB_RECEIVER, principalId });
      if (g.standby) new RoleAssignment(scope, `${id}-${g.region}-standby`, { scope: g.standby, roleDefinitionName: SB_RECEIVER, principalId });
    }
  }

  /** @internal */
  protected get resourceGroupQualifier(): string {
    return 'events';
  }

  /** @internal */
  protected get endpointIdPrefix(): string {
    return 'EventBus';
  }

  private checkServiceBus(checks: Checks, o: ServiceBusOptions) {
    const capacity = checks.oneOf('transport.capacity', o.capacity ?? 1, [1, 2, 4, 8, 16], 1, 'not a number of Premium messaging units Service Bus offers');
    const partitions = checks.oneOf('transport.partitions', o.partitions ?? 1, [1, 2, 4], 1, 'not a number of Premium messaging partitions Service Bus offers');
    if (capacity % partitions !== 0) {
      checks.fail({ prop: 'transport.partitions', value: partitions, problem: `${capacity} messaging unit(s) cannot be spread over ${partitions} partitions`, fix: 'use a capacity that is a multiple of the partitions (e.g. capacity 4 with 2 or 4 partitions)' });
    }
    return {
      capacity, partitions,
      maxDeliveryCount: checks.integer('transport.maxDeliveryCount', o.maxDeliveryCount ?? 10, 1, 2147483647, 'a message is delivered at least once', 10),
      lockDuration: checks.run('PT1M', () => this.checkDuration('transport.lockDuration', o.lockDuration ?? 'PT1M', 5, 300)),
      duplicateDetectionWindow: checks.run('PT10M', () => this.checkDuration('transport.duplicateDetectionWindow', o.duplicateDetectionWindow ?? 'PT10M', 20, 7 * 86400)),
      defaultMessageTtl: checks.run('P14D', () => this.checkDuration('transport.defaultMessageTtl', o.defaultMessageTtl ?? 'P14D', 1, 10675199 * 86400)),
    };
  }

  private checkEventGrid(checks: Checks, o: EventGridOptions) {
    if (o.webhookUrl !== undefined) checks.run(undefined, () => checkWebhookUrl(this, 'transport.webhookUrl', o.webhookUrl!));
    const subscribe = o.subscribe ?? false;
    if (subscribe && o.webhookUrl === undefined && !o.deferSubscriptions) {
      checks.fail({ prop: 'transport.webhookUrl', value: undefined, problem: 'subscribe is true, and Event Grid needs the webhook to deliver to', fix: "set webhookUrl to the tracking service's HTTPS endpoint, e.g. 'https://tracking.contoso.com/tracking/events'" });
    }
    return {
      webhookUrl: o.webhookUrl, subscribe, deferSubscriptions: o.deferSubscriptions ?? false,
      maxDeliveryAttempts: checks.integer('transport.maxDeliveryAttempts', o.maxDeliveryAttempts ?? 30, 1, 30, 'Event Grid retries up to 30 times', 30),
      eventTimeToLive: checks.integer('transport.eventTimeToLiveMinutes', o.eventTimeToLiveMinutes ?? 1440, 1, 1440, 'Event Grid retries for at most 24 hours', 1440),
    };
  }

  /**
   * Builds the Service Bus namespaces of every active region with the order-events topic, the delivery-tracking
   * subscription and the senders' and receivers' roles, paired with a standby namespace through a geo-DR alias where
   * the pattern pairs; returns each region's endpoint.
   */
  private buildServiceBus(o: CheckedServiceBus, senders: [string, string][], receivers: [string, string][]): Record<string, EventBusEndpoint> {
    const endpoints: Record<string, EventBusEndpoint> = {};
    for (const { home, standby } of this.serviceBusHomes()) {
      const region = home.region.name;
      const { primary, topic, subscription } = this.serviceBusEntities(o, home, senders, receivers);
      const grant = { region, send: topic.id, receive: subscription.id, sendRole: SB_SENDER };

      let host = `${primary.name}.servicebus.windows.net`;
      if (standby) {
        const { secondary, aliasName } = this.serviceBusStandby(o, home, standby, { primary, topic, subscription }, senders, receivers);
        host = `${aliasName}.servicebus.windows.net`;
        this.grantScopes.push({ ...grant, standby: secondary.id });
      } else {
        this.grantScopes.push(grant);
      }
      const endpoint = { region, host, topic: TOPIC, subscription: SUBSCRIPTION };
      endpoints[region] = endpoint;
      // primarySecondary / activePassive: the second region publishes and consumes through the same alias.
      if (standby && this.pattern.kind !== PatternKind.ACTIVE_ACTIVE) endpoints[standby.region.name] = { ...endpoint, region: standby.region.name };
    }
    return endpoints;
  }

  /** Which regions hold an active namespace (with entities), and where each one's standby lives. */
  private serviceBusHomes(): { home: RegionPlacement; standby?: RegionPlacement }[] {
    const paired = this.pattern.kind !== PatternKind.ZONE_REDUNDANT && this.pattern.kind !== PatternKind.REGION_PINNED;
    return this.pattern.kind === PatternKind.ACTIVE_ACTIVE
      ? this.placements.map((home, i) => ({ home, standby: this.placements[activeActivePartner(i)] }))
      : this.pattern.kind === PatternKind.REGION_PINNED
        ? this.placements.map((home) => ({ home }))
        : paired ? [{ home: this.placements[0], standby: this.placements[1] }] : [{ home: this.placements[0] }];
  }

  /** Builds a Premium namespace (private, Entra ID only, zone-redundant where the region has zones) with its diagnostics. */
  private serviceBusNamespace(o: CheckedServiceBus, placement: RegionPlacement, id: string, qualifier: string, standby: boolean): ServicebusNamespace {
    const region = placement.region.name;
    const scope = this.regionScope(region);
    const ns = new ServicebusNamespace(scope, id, {
      name: this.naming.name(scope, ResourceKind.SERVICE_BUS_NAMESPACE, { qualifier, childId: id }),
      location: region,
      resourceGroupName: this.resourceGroupName(region),
      // Premium: private endpoints, geo-DR, and zone redundancy (automatic in regions with zones).
      sku: 'Premium',
      capacity: o.capacity,
      premiumMessagingPartitions: o.partitions,
      localAuthEnabled: false,
      minimumTlsVersion: '1.2',
      publicNetworkAccessEnabled: false,
      // Public access is off above; the rule set only repeats it. Its default action must stay Allow: with no IP or
      // network rules the provider creates the namespace and then fails on a Deny rule set, leaving it tainted
      // (terraform-provider-azurerm v4.55.0, internal/services/servicebus/servicebus_namespace_resource.go,
      // createNetworkRuleSetForNamespace). With public network access disabled the default action admits nothing.
      networkRuleSet: { defaultAction: 'Allow', publicNetworkAccessEnabled: false, trustedServicesAllowed: false },
      identity: { type: 'SystemAssigned' },
      tags: { ...this.tags, region },
    });
    // Azure refuses updates to a paired secondary ("Cannot update a namespace which is secondary"): a standby is
    // configured once, before pairing, and never touched by Terraform again.
    protect(ns, this.removalPolicy, standby ? 'all' : []);
    addDiagnostics(scope, `${id}Diagnostics`, { targetResourceId: ns.id, workspaceId: this.monitoring(region).workspaceId, categoryGroups: ['allLogs'] });
    return ns;
  }

  /**
   * Builds an active region's namespace (with its private endpoint), the order-events topic, the delivery-tracking
   * subscription, and the senders' and receivers' roles on them.
   */
  private serviceBusEntities(o: CheckedServiceBus, home: RegionPlacement, senders: [string, string][], receivers: [string, string][]): ServiceBusEntities {
    const region = home.region.name;
    const scope = this.regionScope(region);
    const primary = this.serviceBusNamespace(o, home, 'Namespace', region, false);
    this.endpointResources.push({ key: region, qualifier: `sb-${region}`, resourceId: primary.id, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS });
    const topic = new ServicebusTopic(scope, 'OrderEventsTopic', {
      name: TOPIC,
      namespaceId: primary.id,
      // Required to match the namespace: partitioned Premium namespaces only take partitioned entities.
      partitioningEnabled: o.partitions > 1,
      requiresDuplicateDetection: true,
      duplicateDetectionHistoryTimeWindow: o.duplicateDetectionWindow,
      defaultMessageTtl: o.defaultMessageTtl,
      batchedOperationsEnabled: true,
    });
    protect(topic, this.removalPolicy);
    const subscription = new ServicebusSubscription(scope, 'DeliveryTrackingSubscription', {
      name: SUBSCRIPTION,
      topicId: topic.id,
      maxDeliveryCount: o.maxDeliveryCount,
      lockDuration: o.lockDuration,
      defaultMessageTtl: o.defaultMessageTtl,
      deadLetteringOnMessageExpiration: true,
      deadLetteringOnFilterEvaluationError: true,
    });
    protect(subscription, this.removalPolicy);
    for (const [key, principalId] of senders) {
      new RoleAssignment(scope, `Sender-${key}`, { scope: topic.id, roleDefinitionName: SB_SENDER, principalId });
    }
    for (const [key, principalId] of receivers) {
      new RoleAssignment(scope, `Receiver-${key}`, { scope: subscription.id, roleDefinitionName: SB_RECEIVER, principalId });
    }
    return { primary, topic, subscription };
  }

  /**
   * Builds an active region's standby namespace (with its private endpoint), the geo-DR alias pairing it with the
   * primary, and the senders' and receivers' roles on it for after a failover.
   */
  private serviceBusStandby(o: CheckedServiceBus, home: RegionPlacement, standby: RegionPlacement, active: ServiceBusEntities, senders: [string, string][], receivers: [string, string][]): { secondary: ServicebusNamespace; aliasName: string } {
    const region = home.region.name;
    const scope = this.regionScope(region);
    const standbyRegion = standby.region.name;
    const standbyScope = this.regionScope(standbyRegion);
    // The standby namespace stays empty: the alias replicates entities and their settings (metadata, not
    // messages) from the primary, and Azure refuses entity changes on a paired secondary.
    const secondary = this.serviceBusNamespace(o, standby, `Standby-${region}`, `${standbyRegion}-dr`, true);
    this.endpointResources.push({ key: `${region}-standby-${standbyRegion}`, qualifier: `sb-${region}-standby-${standbyRegion}`, resourceId: secondary.id, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS });
    const aliasName = this.naming.name(scope, ResourceKind.SERVICE_BUS_NAMESPACE, { qualifier: `alias-${region}`, childId: 'GeoDrAlias' });
    const alias = new ServicebusNamespaceDisasterRecoveryConfig(scope, 'GeoDrAlias', {
      name: aliasName,
      primaryNamespaceId: active.primary.id,
      partnerNamespaceId: secondary.id,
      dependsOn: [active.topic, active.subscription],
    });
    protect(alias, this.removalPolicy);
    // After a failover the secondary becomes primary: the same roles there, at namespace scope (entities on a
    // paired secondary cannot be addressed until then).
    for (const [key, principalId] of senders) {
      new RoleAssignment(standbyScope, `Standby-${region}-Sender-${key}`, { scope: secondary.id, roleDefinitionName: SB_SENDER, principalId });
    }
    for (const [key, principalId] of receivers) {
      new RoleAssignment(standbyScope, `Standby-${region}-Receiver-${key}`, { scope: secondary.id, roleDefinitionName: SB_RECEIVER, principalId });
    }
    return { secondary, aliasName };
  }

  private buildEventGrid(o: ReturnType<EventBus['checkEventGrid']>, senders: [string, string][]): Record<string, EventBusEndpoint> {
    const { subscribe, maxDeliveryAttempts, eventTimeToLive } = o;
    const endpoints: Record<string, EventBusEndpoint> = {};
    for (const placement of this.placements) {
      const region = placement.region.name;
      const scope = this.regionScope(region);
      const topic = new EventgridTopic(scope, 'EventGridTopic', {
        name: this.naming.name(scope, ResourceKind.EVENT_GRID_TOPIC, { qualifier: region }),
        location: region,
        resourceGroupName: this.resourceGroupName(region),
        inputSchema: 'CloudEventSchemaV1_0',
        localAuthEnabled: false,
        publicNetworkAccessEnabled: false,
        identity: { type: 'SystemAssigned' },
        tags: { ...this.tags, region },
      });
      this.endpointResources.push({ key: region, qualifier: `evgt-${region}`, resourceId: topic.id, subresource: 'topic', zone: PrivateDnsZones.EVENT_GRID });
      // Dead letters: zone-redundant storage, Entra ID only, reached by Event Grid as a trusted service.
      const storage = new StorageAccount(scope, 'DeadLetterStorage', {
        name: this.naming.name(scope, ResourceKind.STORAGE_ACCOUNT, { qualifier: region }),
        location: region,
        resourceGroupName: this.resourceGroupName(region),
        accountKind: 'StorageV2',
        accountTier: 'Standard',
        accountReplicationType: placement.zoneRedundant ? 'ZRS' : 'LRS',
        httpsTrafficOnlyEnabled: true,
        minTlsVersion: 'TLS1_2',
        sharedAccessKeyEnabled: false,
        defaultToOauthAuthentication: true,
        allowNestedItemsToBePublic: false,
        networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
        blobProperties: { deleteRetentionPolicy: { days: 30 }, containerDeleteRetentionPolicy: { days: 30 } },
        tags: { ...this.tags, region },
      });
      protect(storage, this.removalPolicy);
      const container = new StorageContainer(scope, 'DeadLetterContainer', { name: 'dead-letters', storageAccountId: storage.id, containerAccessType: 'private' });
      const writer = new RoleAssignment(scope, 'TopicDeadLetterWriter', { scope: storage.id, roleDefinitionName: 'Storage Blob Data Contributor', principalId: topic.identity.principalId, principalType: 'ServicePrincipal' });
      this.webhookTargets.push({ region, topicId: topic.id, storageId: storage.id, container: container.name, writer });
      for (const [key, principalId] of senders) {
        new RoleAssignment(scope, `Sender-${key}`, { scope: topic.id, roleDefinitionName: EG_SENDER, principalId });
      }
      this.grantScopes.push({ region, send: topic.id, sendRole: EG_SENDER });
      addDiagnostics(scope, 'EventGridDiagnostics', { targetResourceId: topic.id, workspaceId: this.monitoring(region).workspaceId, categoryGroups: ['allLogs'] });
      endpoints[region] = { region, host: topic.endpoint, topic: topic.endpoint };
    }
    this.webhookSettings = { url: o.webhookUrl, subscribe, maxDeliveryAttempts, eventTimeToLive };
    if (subscribe && o.deferSubscriptions) {
      this.node.addValidation({ validate: () => (this.subscriptionsAdded ? [] : ['subscribe and deferSubscriptions are true, and addWebhookSubscriptions(scope) was never called: no subscription would exist. Call it with the stack applied after the webhook exists.']) });
    }
    if (!subscribe) {
      Annotations.of(this).addWarning('Event Grid has no subscriptions yet (subscribe: false): events published to the topics are dropped. Set subscribe: true once the webhook answers (after the Private Link connections are approved) and deploy again.');
    } else if (!o.deferSubscriptions) {
      this.addWebhookSubscriptions();
    }
    return endpoints;
  }

  /**
   * Event Grid: the `delivery-tracking` webhook subscription of every region's topic, with dead-lettering to the
   * region's storage, when `subscribe` is on. Created in `scope` (a stack applied after the webhook exists), or next to
   * the topics; `webhookUrl` overrides the transport's (the platform passes the one it derives from its entry).
   */
  public addWebhookSubscriptions(scope?: Construct, webhookUrl?: string): void {
    if (!this.webhookSettings) {
      throw new ValidationError({ scope: this, prop: 'transport', value: this.transport.kind, problem: 'webhook subscriptions exist only with Event Grid', fix: 'use EventTransport.eventGrid({ webhookUrl })' });
    }
    const { subscribe, maxDeliveryAttempts, eventTimeToLive } = this.webhookSettings;
    if (!subscribe) return;
    this.subscriptionsAdded = true;
    const url = webhookUrl ?? this.webhookSettings.url;
    if (url === undefined) {
      throw new ValidationError({ scope: this, prop: 'transport.webhookUrl', value: undefined, problem: 'subscribe is true, and Event Grid needs the webhook to deliver to', fix: "set webhookUrl to the tracking service's HTTPS endpoint" });
    }
    checkWebhookUrl(this, 'transport.webhookUrl', url);
    for (const t of this.webhookTargets) {
      new EventgridEventSubscription(scope ?? this.regionScope(t.region), scope ? `DeliveryTrackingSubscription-${t.region}` : 'DeliveryTrackingSubscription', {
        name: SUBSCRIPTION,
        scope: t.topicId,
        eventDeliverySchema: 'CloudEventSchemaV1_0',
        // Azure's defaults, stated: the provider writes back what Azure returns for these Optional (not Computed)
        // attributes, so leaving them out could show a change on every plan.
        webhookEndpoint: { url, maxEventsPerBatch: 1, preferredBatchSizeInKilobytes: 64 },
        retryPolicy: { maxDeliveryAttempts, eventTimeToLive },
        deadLetterIdentity: { type: 'SystemAssigned' },
        storageBlobDeadLetterDestination: { storageAccountId: t.storageId, storageBlobContainerName: t.container },
        // In another stack the role assignment was applied with the data stack already.
        dependsOn: scope ? undefined : [t.writer],
      });
    }
  }

  private checkDuration(prop: string, value: string, minSeconds: number, maxSeconds: number): string {
    const s = seconds(value);
    if (s === undefined || s < minSeconds || s > maxSeconds) {
      throw new ValidationError({ scope: this, prop, value, problem: `must be an ISO 8601 duration from ${minSeconds} s to ${maxSeconds} s`, fix: "write it like 'PT1M', 'PT10M' or 'P14D'" });
    }
    return value;
  }
}

/** An HTTPS URL (format checks skip a Terraform token, which resolves at apply time). */
export function checkWebhookUrl(scope: Construct, prop: string, url: string): string {
  if (typeof url !== 'string' || (!Token.isUnresolved(url) && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(url))) {
    throw new ValidationError({ scope, prop, value: url, problem: 'Event Grid delivers to an HTTPS webhook', fix: "use the tracking service's HTTPS URL, e.g. 'https://tracking.contoso.com/tracking/events'" });
  }
  return url;
}

/** The Service Bus options, checked. */
type CheckedServiceBus = ReturnType<EventBus['checkServiceBus']>;

/** An active region's namespace and entities. */
interface ServiceBusEntities {
  readonly primary: ServicebusNamespace;
  readonly topic: ServicebusTopic;
  readonly subscription: ServicebusSubscription;
}
