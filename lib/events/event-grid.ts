import { Construct } from 'constructs';
import { Annotations, Token } from 'cdktf';
import { EventgridEventSubscription } from '@cdktf/provider-azurerm/lib/eventgrid-event-subscription';
import { EventgridTopic } from '@cdktf/provider-azurerm/lib/eventgrid-topic';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { DataTierEndpoint } from '../common/private-endpoints';
import { PrivateDnsZones } from '../common/private-dns-zones';
import { ValidationError } from '../core/errors';
import { protect } from '../core/lifecycle';
import { checkDistinct, checkRegionNames, checkUnused } from '../core/name-overrides';
import { ResourceKind } from '../core/naming';
import { RegionPlacement } from '../core/pattern';
import { opt, shapes, strictShape } from '../core/validate';
import { addDiagnostics, BLOB_SERVICE_DIAGNOSTICS, diagnose } from '../monitoring/diagnostics';
import { EventBusContext, EventBusEndpoint, EventGridOptions, GrantScope, NO_RESOURCES, TransportBuild } from './transport-types';

// The Event Grid transport (`EventTransport.eventGrid`): its options' checks and the resources it builds for the
// event bus.

const SUBSCRIPTION = 'delivery-tracking';
const DEAD_LETTER_CONTAINER = 'dead-letters';
const EG_SENDER = 'EventGrid Data Sender';

/** The run-time shape of the Event Grid options. */
export const EVENT_GRID_OPTIONS_SHAPE = strictShape<EventGridOptions>({
  webhookUrl: opt(shapes.string()), subscribe: opt(shapes.boolean()), maxDeliveryAttempts: opt(shapes.number()), eventTimeToLiveMinutes: opt(shapes.number()),
  deferSubscriptions: opt(shapes.boolean()),
});

/** The Event Grid options and names, checked. */
interface EventGridSettings {
  readonly webhookUrl?: string;
  readonly subscribe: boolean;
  readonly deferSubscriptions: boolean;
  readonly maxDeliveryAttempts: number;
  readonly eventTimeToLive: number;
  readonly subscription: string;
  readonly deadLetterContainer: string;
}

/** An HTTPS URL (format checks skip a Terraform token, which resolves at apply time). */
export function checkWebhookUrl(scope: Construct, prop: string, url: string): string {
  if (typeof url !== 'string' || (!Token.isUnresolved(url) && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(url))) {
    throw new ValidationError({ scope, prop, value: url, problem: 'Event Grid delivers to an HTTPS webhook', fix: "use the tracking service's HTTPS URL, e.g. 'https://tracking.contoso.com/tracking/events'" });
  }
  return url;
}

/**
 * Checks the Event Grid options, the receivers (Event Grid has none) and the names the bus would use, each violation
 * recorded in the bus's checks; returns the settings.
 */
export function checkEventGrid(ctx: EventBusContext, o: EventGridOptions): EventGridSettings {
  const { checks, bus } = ctx;
  if (ctx.receivers.length > 0) {
    checks.fail({ prop: 'receivers', value: ctx.receivers.map(([key]) => key), problem: 'Event Grid pushes events to the webhook, so there is nothing to grant receivers', fix: 'drop receivers, or use EventTransport.serviceBus()' });
  }
  if (o.webhookUrl !== undefined) checks.run(undefined, () => checkWebhookUrl(bus, 'transport.webhookUrl', o.webhookUrl!));
  const subscribe = o.subscribe ?? false;
  if (subscribe && o.webhookUrl === undefined && !o.deferSubscriptions) {
    checks.fail({ prop: 'transport.webhookUrl', value: undefined, problem: 'subscribe is true, and Event Grid needs the webhook to deliver to', fix: "set webhookUrl to the tracking service's HTTPS endpoint, e.g. 'https://tracking.contoso.com/tracking/events'" });
  }
  return {
    webhookUrl: o.webhookUrl, subscribe, deferSubscriptions: o.deferSubscriptions ?? false,
    maxDeliveryAttempts: checks.integer('transport.maxDeliveryAttempts', o.maxDeliveryAttempts ?? 30, 1, 30, 'Event Grid retries up to 30 times', 30),
    eventTimeToLive: checks.integer('transport.eventTimeToLiveMinutes', o.eventTimeToLiveMinutes ?? 1440, 1, 1440, 'Event Grid retries for at most 24 hours', 1440),
    ...checkEventGridNames(ctx),
  };
}

/** The names of an Event Grid bus, checked: overrides only for resources it creates, each valid and distinct. */
function checkEventGridNames(ctx: EventBusContext): { subscription: string; deadLetterContainer: string } {
  const { checks, names, bus } = ctx;
  const regions = ctx.placements.map((p) => p.region.name);
  checkRegionNames(checks, 'names.eventGridTopics', names.eventGridTopics, regions, ResourceKind.EVENT_GRID_TOPIC);
  checkRegionNames(checks, 'names.deadLetterStorageAccounts', names.deadLetterStorageAccounts, regions, ResourceKind.STORAGE_ACCOUNT);
  checkDistinct(checks, Object.entries(names.deadLetterStorageAccounts ?? {}).map(([region, name]) => [`names.deadLetterStorageAccounts.${region}`, name] as const), 'storage account names are globally unique');
  for (const key of ['serviceBusNamespaces', 'standbyNamespaces', 'geoDrAliases', 'topic'] as const) {
    checkUnused(checks, `names.${key}`, names[key], 'it names a Service Bus resource, and this bus uses Event Grid');
  }
  checkUnused(checks, 'names.eventHubNamespaces', names.eventHubNamespaces, 'it names an Event Hubs resource, and this bus uses Event Grid');
  const subscription = names.subscription ?? SUBSCRIPTION;
  const deadLetterContainer = names.deadLetterContainer ?? DEAD_LETTER_CONTAINER;
  if (names.subscription !== undefined) checks.run(undefined, () => ResourceKind.EVENT_GRID_SUBSCRIPTION.validate(bus, 'names.subscription', subscription));
  if (names.deadLetterContainer !== undefined) checks.run(undefined, () => ResourceKind.STORAGE_CONTAINER.validate(bus, 'names.deadLetterContainer', deadLetterContainer));
  return { subscription, deadLetterContainer };
}

/** What a region's webhook subscription needs. */
interface WebhookTarget {
  readonly region: string;
  readonly topicId: string;
  readonly storageId: string;
  readonly container: string;
  readonly writer: RoleAssignment;
}

/**
 * Builds an Event Grid topic per region with dead-lettering to zone-redundant storage and the senders' roles, and the
 * webhook subscriptions unless they are deferred or not wanted yet; returns each region's endpoint, the resources,
 * where grants go, and how to add the subscriptions later.
 */
export function buildEventGrid(ctx: EventBusContext, o: EventGridSettings): TransportBuild {
  const endpoints: Record<string, EventBusEndpoint> = {};
  const privateEndpoints: DataTierEndpoint[] = [];
  const grantScopes: GrantScope[] = [];
  const targets: WebhookTarget[] = [];
  const eventGridTopics: Record<string, EventgridTopic> = {};
  const deadLetterStorageAccounts: Record<string, StorageAccount> = {};
  for (const placement of ctx.placements) {
    const region = placement.region.name;
    const scope = ctx.regionScope(region);
    const topic = new EventgridTopic(scope, 'EventGridTopic', {
      name: ctx.naming.name(scope, ResourceKind.EVENT_GRID_TOPIC, { qualifier: region, override: ctx.names.eventGridTopics?.[region], prop: `names.eventGridTopics.${region}` }),
      location: region,
      resourceGroupName: ctx.resourceGroupName(region),
      inputSchema: 'CloudEventSchemaV1_0',
      localAuthEnabled: false,
      publicNetworkAccessEnabled: false,
      identity: { type: 'SystemAssigned' },
      tags: { ...ctx.tags, region },
    });
    privateEndpoints.push({ key: region, qualifier: `evgt-${region}`, resourceId: topic.id, subresource: 'topic', zone: PrivateDnsZones.EVENT_GRID, region });
    const { storage, container, writer } = deadLetters(ctx, o, placement, topic);
    targets.push({ region, topicId: topic.id, storageId: storage.id, container: container.name, writer });
    for (const [key, principalId] of ctx.senders) {
      new RoleAssignment(scope, `Sender-${key}`, { scope: topic.id, roleDefinitionName: EG_SENDER, principalId });
    }
    grantScopes.push({ region, send: topic.id, sendRole: EG_SENDER });
    diagnose(scope, 'EventGridDiagnostics', 'azurerm_eventgrid_topic', topic.id, ctx.monitoring(region));
    endpoints[region] = { region, host: topic.endpoint, topic: topic.endpoint };
    eventGridTopics[region] = topic;
    deadLetterStorageAccounts[region] = storage;
  }
  const subscriptions = new WebhookSubscriptions(ctx, o, targets);
  const resources = { ...NO_RESOURCES, eventGridTopics, deadLetterStorageAccounts };
  return { endpoints, privateEndpoints, grantScopes, resources, addWebhookSubscriptions: (scope, url) => subscriptions.add(scope, url) };
}

/** Dead letters of a region's topic: zone-redundant storage, Entra ID only, reached by Event Grid as a trusted service. */
function deadLetters(ctx: EventBusContext, o: EventGridSettings, placement: RegionPlacement, topic: EventgridTopic): { storage: StorageAccount; container: StorageContainer; writer: RoleAssignment } {
  const region = placement.region.name;
  const scope = ctx.regionScope(region);
  const storage = new StorageAccount(scope, 'DeadLetterStorage', {
    name: ctx.naming.name(scope, ResourceKind.STORAGE_ACCOUNT, { qualifier: region, override: ctx.names.deadLetterStorageAccounts?.[region], prop: `names.deadLetterStorageAccounts.${region}` }),
    location: region,
    resourceGroupName: ctx.resourceGroupName(region),
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
    tags: { ...ctx.tags, region },
  });
  protect(storage, ctx.removalPolicy);
  const container = new StorageContainer(scope, 'DeadLetterContainer', { name: o.deadLetterContainer, storageAccountId: storage.id, containerAccessType: 'private' });
  // The account's metrics and its blob service's logs (reads and writes of dead letters).
  diagnose(scope, 'DeadLetterStorageDiagnostics', 'azurerm_storage_account', storage.id, ctx.monitoring(region));
  const sink = ctx.monitoring(region);
  addDiagnostics(scope, 'DeadLetterBlobDiagnostics', { support: BLOB_SERVICE_DIAGNOSTICS, targetResourceId: storage.id, workspaceId: sink.workspaceId, logs: sink.diagnosticLogs });
  const writer = new RoleAssignment(scope, 'TopicDeadLetterWriter', { scope: storage.id, roleDefinitionName: 'Storage Blob Data Contributor', principalId: topic.identity.principalId, principalType: 'ServicePrincipal' });
  return { storage, container, writer };
}

/** The `delivery-tracking` webhook subscriptions of an Event Grid bus: now, later (deferred), or not yet (`subscribe` off). */
class WebhookSubscriptions {
  private added = false;

  constructor(private readonly ctx: EventBusContext, private readonly o: EventGridSettings, private readonly targets: readonly WebhookTarget[]) {
    const { bus } = ctx;
    if (o.subscribe && o.deferSubscriptions) {
      bus.node.addValidation({ validate: () => (this.added ? [] : ['subscribe and deferSubscriptions are true, and addWebhookSubscriptions(scope) was never called: no subscription would exist. Call it with the stack applied after the webhook exists.']) });
    }
    if (!o.subscribe) {
      Annotations.of(bus).addWarning('Event Grid has no subscriptions yet (subscribe: false): events published to the topics are dropped. Set subscribe: true once the webhook answers (after the Private Link connections are approved) and deploy again.');
    } else if (!o.deferSubscriptions) {
      this.add();
    }
  }

  /** Adds the subscriptions in `scope` (another stack), or next to the topics; `webhookUrl` overrides the option's. */
  public add(scope?: Construct, webhookUrl?: string): void {
    const { ctx, o } = this;
    if (!o.subscribe) return;
    this.added = true;
    const url = webhookUrl ?? o.webhookUrl;
    if (url === undefined) {
      throw new ValidationError({ scope: ctx.bus, prop: 'transport.webhookUrl', value: undefined, problem: 'subscribe is true, and Event Grid needs the webhook to deliver to', fix: "set webhookUrl to the tracking service's HTTPS endpoint" });
    }
    checkWebhookUrl(ctx.bus, 'transport.webhookUrl', url);
    const { maxDeliveryAttempts, eventTimeToLive } = o;
    for (const t of this.targets) {
      new EventgridEventSubscription(scope ?? ctx.regionScope(t.region), scope ? `DeliveryTrackingSubscription-${t.region}` : 'DeliveryTrackingSubscription', {
        name: o.subscription,
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
}
