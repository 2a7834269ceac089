import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { EventhubNamespaceDisasterRecoveryConfig } from '@cdktf/provider-azurerm/lib/eventhub-namespace-disaster-recovery-config';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { DataTierEndpoint } from '../common/private-endpoints';
import { PrivateDnsZones } from '../common/private-dns-zones';
import { protect } from '../core/lifecycle';
import { checkDistinct, checkRegionNames, checkUnused } from '../core/name-overrides';
import { ResourceKind } from '../core/naming';
import { PatternKind, RegionPlacement } from '../core/pattern';
import { opt, shapes, strictShape } from '../core/validate';
import { diagnose } from '../monitoring/diagnostics';
import { serviceBusHomes } from './service-bus';
import { EventBusContext, EventBusEndpoint, EventBusNames, EventHubsOptions, GrantScope, NO_RESOURCES, TransportBuild } from './transport-types';

// The Event Hubs transport (`EventTransport.eventHubs`): a Kafka-compatible event hub per active region, its options'
// checks and the resources it builds for the event bus. It pairs exactly where the Service Bus transport pairs.

const EVENT_HUB = 'order-events';
const CONSUMER_GROUP = 'delivery-tracking';
const EH_SENDER = 'Azure Event Hubs Data Sender';
const EH_RECEIVER = 'Azure Event Hubs Data Receiver';
/** The Kafka endpoint of every Event Hubs namespace (and geo-DR alias): SASL over TLS on port 9093. */
export const KAFKA_PORT = 9093;

/** What each SKU allows (Microsoft Learn, "Azure Event Hubs quotas and limits"). */
const SKU_LIMITS = {
  Standard: { capacity: 'throughput units', maxPartitions: 32, maxRetentionDays: 7 },
  Premium: { capacity: 'processing units', maxPartitions: 100, maxRetentionDays: 90 },
} as const;
const PREMIUM_UNITS = [1, 2, 4, 8, 16];

/** The run-time shape of the Event Hubs options. */
export const EVENT_HUBS_OPTIONS_SHAPE = strictShape<EventHubsOptions>({
  sku: opt(shapes.oneOf(['Standard', 'Premium'])), capacity: opt(shapes.number()), maximumThroughputUnits: opt(shapes.number()),
  partitions: opt(shapes.number()), retentionDays: opt(shapes.number()),
});

/** The Event Hubs options and names, checked: what every namespace, event hub and consumer group is built with. */
interface EventHubsSettings {
  readonly sku: 'Standard' | 'Premium';
  readonly capacity: number;
  readonly maximumThroughputUnits?: number;
  readonly partitions: number;
  readonly retentionDays: number;
  readonly eventHub: string;
  readonly consumerGroup: string;
  readonly names: EventBusNames;
}

/** An active region's namespace and entities. */
interface EventHubEntities {
  readonly primary: EventhubNamespace;
  readonly hub: Eventhub;
  readonly group: EventhubConsumerGroup;
}

/**
 * Checks the Event Hubs options against the SKU's limits and the names the bus would use (each violation recorded in
 * `checks`) and returns the settings. The provider accepts 1-1024 partitions and 1-90 days for any SKU
 * (internal/services/eventhub/validate/eventhub_partition.go, eventhub_message_retention.go) and leaves the SKU's
 * limits to Azure, which refuses them at apply time: they are checked here.
 */
export function checkEventHubs(ctx: EventBusContext, o: EventHubsOptions): EventHubsSettings {
  const checks = ctx.checks;
  const sku = checks.oneOf('transport.sku', o.sku ?? 'Standard', ['Standard', 'Premium'] as const, 'Standard', 'not an Event Hubs tier with private endpoints and geo-DR (Basic has neither)');
  const limits = SKU_LIMITS[sku];
  const capacity = sku === 'Premium'
    ? checks.oneOf('transport.capacity', o.capacity ?? 1, PREMIUM_UNITS, 1, 'not a number of Premium processing units Event Hubs offers')
    : checks.integer('transport.capacity', o.capacity ?? 1, 1, 40, 'a Standard namespace has 1 to 40 throughput units', 1);
  let maximumThroughputUnits: number | undefined;
  if (o.maximumThroughputUnits !== undefined) {
    if (sku === 'Premium') {
      checks.fail({ prop: 'transport.maximumThroughputUnits', value: o.maximumThroughputUnits, problem: 'auto-inflate exists only for Standard throughput units; Premium scales by its processing units', fix: 'drop maximumThroughputUnits, or raise capacity' });
    } else {
      maximumThroughputUnits = checks.integer('transport.maximumThroughputUnits', o.maximumThroughputUnits, capacity, 40, 'auto-inflate grows from capacity to at most 40 throughput units', 40);
    }
  }
  const partitions = checks.integer('transport.partitions', o.partitions ?? 4, 1, limits.maxPartitions, `an event hub in ${sku} has 1 to ${limits.maxPartitions} partitions`, 4);
  const retentionDays = checks.integer('transport.retentionDays', o.retentionDays ?? 7, 1, limits.maxRetentionDays, `${sku} keeps events 1 to ${limits.maxRetentionDays} days`, 7);
  return { sku, capacity, maximumThroughputUnits, partitions, retentionDays, ...checkEventHubsNames(ctx) };
}

/** The names of an Event Hubs bus, checked: overrides only for resources it creates, each valid and distinct. */
function checkEventHubsNames(ctx: EventBusContext): { eventHub: string; consumerGroup: string; names: EventBusNames } {
  const { checks, names } = ctx;
  const homes = serviceBusHomes(ctx);
  const active = homes.map((h) => h.home.region.name);
  const paired = homes.filter((h) => h.standby).map((h) => h.home.region.name);
  checkRegionNames(checks, 'names.eventHubNamespaces', names.eventHubNamespaces, active, ResourceKind.EVENT_HUB_NAMESPACE);
  checkRegionNames(checks, 'names.standbyNamespaces', names.standbyNamespaces, paired, ResourceKind.EVENT_HUB_NAMESPACE);
  checkRegionNames(checks, 'names.geoDrAliases', names.geoDrAliases, paired, ResourceKind.EVENT_HUB_NAMESPACE);
  const byRegion = (prop: string, map: { readonly [region: string]: string } | undefined) => Object.entries(map ?? {}).map(([region, name]) => [`${prop}.${region}`, name] as const);
  checkDistinct(checks, [
    ...byRegion('names.eventHubNamespaces', names.eventHubNamespaces), ...byRegion('names.standbyNamespaces', names.standbyNamespaces), ...byRegion('names.geoDrAliases', names.geoDrAliases),
  ], 'namespaces and geo-DR aliases share the servicebus.windows.net host names');
  checkUnused(checks, 'names.serviceBusNamespaces', names.serviceBusNamespaces, 'it names a Service Bus resource, and this bus uses Event Hubs');
  for (const key of ['eventGridTopics', 'deadLetterStorageAccounts', 'deadLetterContainer'] as const) {
    checkUnused(checks, `names.${key}`, names[key], 'it names an Event Grid resource, and this bus uses Event Hubs');
  }
  const eventHub = names.topic ?? EVENT_HUB;
  const consumerGroup = names.subscription ?? CONSUMER_GROUP;
  if (names.topic !== undefined) checks.run(undefined, () => ResourceKind.EVENT_HUB.validate(ctx.bus, 'names.topic', eventHub));
  if (names.subscription !== undefined) checks.run(undefined, () => ResourceKind.EVENT_HUB_CONSUMER_GROUP.validate(ctx.bus, 'names.subscription', consumerGroup));
  return { eventHub, consumerGroup, names };
}

/**
 * Builds the Event Hubs namespaces of every active region with the order-events event hub, the delivery-tracking
 * consumer group and the senders' and receivers' roles, paired with a standby namespace through a geo-DR alias where
 * the pattern pairs (as Service Bus does); returns each region's endpoint (with the Kafka bootstrap server), the
 * resources and where grants go.
 */
export function buildEventHubs(ctx: EventBusContext, o: EventHubsSettings): TransportBuild {
  const b = new EventHubsBuilder(ctx, o);
  const endpoints: Record<string, EventBusEndpoint> = {};
  for (const { home, standby } of serviceBusHomes(ctx)) {
    const region = home.region.name;
    const { primary, hub, group } = b.entities(home);
    const grant = { region, send: primary.id, sendRole: EH_SENDER, receive: primary.id, receiveRole: EH_RECEIVER };

    let host = `${primary.name}.servicebus.windows.net`;
    if (standby) {
      const { secondary, aliasName } = b.standby(home, standby, { primary, hub, group });
      // Kafka clients bootstrap from the alias host, which follows a failover like the AMQP host does.
      host = `${aliasName}.servicebus.windows.net`;
      b.grantScopes.push({ ...grant, standby: secondary.id });
    } else {
      b.grantScopes.push(grant);
    }
    const endpoint = { region, host, topic: o.eventHub, subscription: o.consumerGroup, kafkaBootstrap: `${host}:${KAFKA_PORT}` };
    endpoints[region] = endpoint;
    // primarySecondary / activePassive: the second region publishes and consumes through the same alias.
    if (standby && ctx.pattern.kind !== PatternKind.ACTIVE_ACTIVE) endpoints[standby.region.name] = { ...endpoint, region: standby.region.name };
  }
  return { endpoints, privateEndpoints: b.privateEndpoints, grantScopes: b.grantScopes, resources: { ...NO_RESOURCES, ...b.resources } };
}

/** Builds the namespaces, entities, aliases and roles of one Event Hubs bus, collecting what the bus exposes. */
class EventHubsBuilder {
  public readonly privateEndpoints: DataTierEndpoint[] = [];
  public readonly grantScopes: GrantScope[] = [];
  public readonly resources = {
    eventHubNamespaces: {} as Record<string, EventhubNamespace>,
    eventHubStandbyNamespaces: {} as Record<string, EventhubNamespace>,
    eventHubGeoDrAliases: {} as Record<string, EventhubNamespaceDisasterRecoveryConfig>,
    eventHubs: {} as Record<string, Eventhub>,
    eventHubConsumerGroups: {} as Record<string, EventhubConsumerGroup>,
  };

  constructor(private readonly ctx: EventBusContext, private readonly o: EventHubsSettings) {}

  /**
   * A namespace (private, Entra ID only, TLS 1.2) with its diagnostics. azurerm v4.55 has no `zone_redundant` on
   * azurerm_eventhub_namespace (internal/services/eventhub/eventhub_namespace_resource.go): Azure makes Standard and
   * Premium namespaces zone-redundant in regions with availability zones on its own.
   */
  public namespace(placement: RegionPlacement, id: string, qualifier: string, standby: boolean, nameOverride: string | undefined, prop: string): EventhubNamespace {
    const { ctx, o } = this;
    const region = placement.region.name;
    const scope = ctx.regionScope(region);
    const ns = new EventhubNamespace(scope, id, {
      name: ctx.naming.name(scope, ResourceKind.EVENT_HUB_NAMESPACE, { qualifier, childId: id, override: nameOverride, prop }),
      location: region,
      resourceGroupName: ctx.resourceGroupName(region),
      sku: o.sku,
      capacity: o.capacity,
      autoInflateEnabled: o.maximumThroughputUnits !== undefined,
      maximumThroughputUnits: o.maximumThroughputUnits,
      localAuthenticationEnabled: false,
      minimumTlsVersion: '1.2',
      publicNetworkAccessEnabled: false,
      // The provider refuses a rule set whose public access differs from the namespace's
      // (eventhub_namespace_resource.go, resourceEventHubNamespaceCreate); with public access off, the default action
      // admits nothing.
      networkRulesets: [{ defaultAction: 'Allow', publicNetworkAccessEnabled: false, trustedServiceAccessEnabled: false }],
      identity: { type: 'SystemAssigned' },
      tags: { ...ctx.tags, region },
    });
    // Azure refuses updates to a paired secondary: a standby is configured once, before pairing, and never touched again.
    // With auto-inflate Azure raises the capacity and never lowers it, while the provider reads the live value back and
    // would send the configured one on the next deploy (terraform-provider-azurerm#6929): the capacity is then Azure's.
    protect(ns, ctx.removalPolicy, standby ? 'all' : o.maximumThroughputUnits !== undefined ? ['capacity'] : []);
    diagnose(scope, `${id}Diagnostics`, 'azurerm_eventhub_namespace', ns.id, ctx.monitoring(region));
    return ns;
  }

  /**
   * An active region's namespace (with its private endpoint), the order-events event hub, the delivery-tracking
   * consumer group, and the senders' and receivers' roles on the event hub.
   */
  public entities(home: RegionPlacement): EventHubEntities {
    const { ctx, o } = this;
    const region = home.region.name;
    const scope = ctx.regionScope(region);
    const primary = this.namespace(home, 'EventHubNamespace', region, false, o.names.eventHubNamespaces?.[region], `names.eventHubNamespaces.${region}`);
    // Event Hubs answers on servicebus.windows.net, so its private endpoints use the Service Bus zone.
    this.privateEndpoints.push({ key: region, qualifier: `evhns-${region}`, resourceId: primary.id, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region });
    const hub = new Eventhub(scope, 'OrderEventsHub', { name: o.eventHub, namespaceId: primary.id, partitionCount: o.partitions, messageRetention: o.retentionDays });
    protect(hub, ctx.removalPolicy);
    const group = new EventhubConsumerGroup(scope, 'DeliveryTrackingGroup', { name: o.consumerGroup, namespaceName: primary.name, eventhubName: hub.name, resourceGroupName: ctx.resourceGroupName(region) });
    protect(group, ctx.removalPolicy);
    // The roles are on the namespace, which holds only this event hub: a Kafka client's metadata request names no topic
    // and is refused with rights on the event hub alone (Azure/azure-event-hubs-for-kafka#159), and Kafka consumer
    // groups belong to the namespace, not to an event hub.
    for (const [key, principalId] of ctx.senders) {
      new RoleAssignment(scope, `Sender-${key}`, { scope: primary.id, roleDefinitionName: EH_SENDER, principalId });
    }
    for (const [key, principalId] of ctx.receivers) {
      new RoleAssignment(scope, `Receiver-${key}`, { scope: primary.id, roleDefinitionName: EH_RECEIVER, principalId });
    }
    this.resources.eventHubNamespaces[region] = primary;
    this.resources.eventHubs[region] = hub;
    this.resources.eventHubConsumerGroups[region] = group;
    return { primary, hub, group };
  }

  /**
   * An active region's standby namespace (with its private endpoint), the geo-DR alias pairing it with the primary,
   * and the senders' and receivers' roles on it for after a failover.
   */
  public standby(home: RegionPlacement, standby: RegionPlacement, active: EventHubEntities): { secondary: EventhubNamespace; aliasName: string } {
    const { ctx, o } = this;
    const region = home.region.name;
    const scope = ctx.regionScope(region);
    const standbyRegion = standby.region.name;
    const standbyScope = ctx.regionScope(standbyRegion);
    // The standby namespace stays empty: the alias replicates the event hub, its consumer group and their settings
    // (metadata, not events or the group's committed offsets), and Azure refuses entity changes on a paired secondary.
    const secondary = this.namespace(standby, `EventHubStandby-${region}`, `${standbyRegion}-dr`, true, o.names.standbyNamespaces?.[region], `names.standbyNamespaces.${region}`);
    this.privateEndpoints.push({ key: `${region}-standby-${standbyRegion}`, qualifier: `evhns-${region}-standby-${standbyRegion}`, resourceId: secondary.id, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region: standbyRegion });
    const aliasName = ctx.naming.name(scope, ResourceKind.EVENT_HUB_NAMESPACE, { qualifier: `alias-${region}`, childId: 'EventHubGeoDrAlias', override: o.names.geoDrAliases?.[region], prop: `names.geoDrAliases.${region}` });
    const alias = new EventhubNamespaceDisasterRecoveryConfig(scope, 'EventHubGeoDrAlias', {
      name: aliasName,
      namespaceName: active.primary.name,
      resourceGroupName: ctx.resourceGroupName(region),
      partnerNamespaceId: secondary.id,
      dependsOn: [active.hub, active.group],
    });
    protect(alias, ctx.removalPolicy);
    // After a failover the secondary becomes primary: the same roles there, at namespace scope.
    for (const [key, principalId] of ctx.senders) {
      new RoleAssignment(standbyScope, `EventHubStandby-${region}-Sender-${key}`, { scope: secondary.id, roleDefinitionName: EH_SENDER, principalId });
    }
    for (const [key, principalId] of ctx.receivers) {
      new RoleAssignment(standbyScope, `EventHubStandby-${region}-Receiver-${key}`, { scope: secondary.id, roleDefinitionName: EH_RECEIVER, principalId });
    }
    this.resources.eventHubStandbyNamespaces[region] = secondary;
    this.resources.eventHubGeoDrAliases[region] = alias;
    return { secondary, aliasName };
  }
}
