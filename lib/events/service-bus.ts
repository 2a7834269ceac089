import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ServicebusNamespace } from '@cdktf/provider-azurerm/lib/servicebus-namespace';
import { ServicebusNamespaceDisasterRecoveryConfig } from '@cdktf/provider-azurerm/lib/servicebus-namespace-disaster-recovery-config';
import { ServicebusSubscription } from '@cdktf/provider-azurerm/lib/servicebus-subscription';
import { ServicebusTopic } from '@cdktf/provider-azurerm/lib/servicebus-topic';
import { DataTierEndpoint } from '../common/private-endpoints';
import { PrivateDnsZones } from '../common/private-dns-zones';
import { protect } from '../core/lifecycle';
import { checkDistinct, checkRegionNames, checkUnused } from '../core/name-overrides';
import { ResourceKind } from '../core/naming';
import { activeActivePartner, PatternKind, RegionPlacement } from '../core/pattern';
import { opt, shapes, strictShape } from '../core/validate';
import { diagnose } from '../monitoring/diagnostics';
import { EventBusContext, EventBusEndpoint, EventBusNames, GrantScope, NO_RESOURCES, ServiceBusOptions, TransportBuild } from './transport-types';

// The Service Bus transport (`EventTransport.serviceBus`): its options' checks and the resources it builds for the
// event bus.

const TOPIC = 'order-events';
const SUBSCRIPTION = 'delivery-tracking';
const SB_SENDER = 'Azure Service Bus Data Sender';
const SB_RECEIVER = 'Azure Service Bus Data Receiver';

/** The run-time shape of the Service Bus options. */
export const SERVICE_BUS_OPTIONS_SHAPE = strictShape<ServiceBusOptions>({
  capacity: opt(shapes.number()), partitions: opt(shapes.number()), maxDeliveryCount: opt(shapes.number()), lockDurationSeconds: opt(shapes.number()),
  duplicateDetectionWindowMinutes: opt(shapes.number()), defaultMessageTtlDays: opt(shapes.number()),
});

/** The Service Bus options and names, checked: what every namespace, topic and subscription is built with. */
interface ServiceBusSettings {
  readonly capacity: number;
  readonly partitions: number;
  readonly maxDeliveryCount: number;
  /** ISO 8601, as the provider takes them. */
  readonly lockDuration: string;
  readonly duplicateDetectionWindow: string;
  readonly defaultMessageTtl: string;
  readonly topic: string;
  readonly subscription: string;
  readonly names: EventBusNames;
}

/** An active region's namespace and entities. */
interface ServiceBusEntities {
  readonly primary: ServicebusNamespace;
  readonly topic: ServicebusTopic;
  readonly subscription: ServicebusSubscription;
}

/**
 * A whole number of seconds as an ISO 8601 duration in the form Azure returns it (`PT1M`, `PT1M30S`, `P14D`, `P1DT2H`),
 * so that the provider, which reads back what Azure returns, shows no change on the next plan.
 */
export function isoDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/**
 * Checks the Service Bus options and the names the bus would use (each violation recorded in `checks`) and returns the
 * settings. The provider takes any ISO 8601 duration (internal/services/servicebus/servicebus_topic_resource.go,
 * servicebus_subscription_resource.go); the ranges are Azure's.
 */
export function checkServiceBus(ctx: EventBusContext, o: ServiceBusOptions): ServiceBusSettings {
  const checks = ctx.checks;
  const capacity = checks.oneOf('transport.capacity', o.capacity ?? 1, [1, 2, 4, 8, 16], 1, 'not a number of Premium messaging units Service Bus offers');
  const partitions = checks.oneOf('transport.partitions', o.partitions ?? 1, [1, 2, 4], 1, 'not a number of Premium messaging partitions Service Bus offers');
  if (capacity % partitions !== 0) {
    checks.fail({ prop: 'transport.partitions', value: partitions, problem: `${capacity} messaging unit(s) cannot be spread over ${partitions} partitions`, fix: 'use a capacity that is a multiple of the partitions (e.g. capacity 4 with 2 or 4 partitions)' });
  }
  const maxDeliveryCount = checks.integer('transport.maxDeliveryCount', o.maxDeliveryCount ?? 10, 1, 2147483647, 'a message is delivered at least once', 10);
  const lockSeconds = checks.integer('transport.lockDurationSeconds', o.lockDurationSeconds ?? 60, 5, 300, 'Azure locks a message for at most 5 minutes', 60);
  const windowMinutes = checks.integer('transport.duplicateDetectionWindowMinutes', o.duplicateDetectionWindowMinutes ?? 10, 1, 7 * 1440, 'Azure detects duplicates over 20 seconds to 7 days', 10);
  // TimeSpan.MaxValue, Azure's "unbounded" default, is 10675199 days and a fraction.
  const ttlDays = checks.integer('transport.defaultMessageTtlDays', o.defaultMessageTtlDays ?? 14, 1, 10675199, "at most Azure's unbounded time to live", 14);
  return {
    capacity, partitions, maxDeliveryCount,
    lockDuration: isoDuration(lockSeconds), duplicateDetectionWindow: isoDuration(windowMinutes * 60), defaultMessageTtl: isoDuration(ttlDays * 86400),
    ...checkServiceBusNames(ctx),
  };
}

/** The names of a Service Bus bus, checked: overrides only for resources it creates, each valid and distinct. */
function checkServiceBusNames(ctx: EventBusContext): { topic: string; subscription: string; names: EventBusNames } {
  const { checks, names } = ctx;
  const homes = serviceBusHomes(ctx);
  const active = homes.map((h) => h.home.region.name);
  const paired = homes.filter((h) => h.standby).map((h) => h.home.region.name);
  checkRegionNames(checks, 'names.serviceBusNamespaces', names.serviceBusNamespaces, active, ResourceKind.SERVICE_BUS_NAMESPACE);
  checkRegionNames(checks, 'names.standbyNamespaces', names.standbyNamespaces, paired, ResourceKind.SERVICE_BUS_NAMESPACE);
  checkRegionNames(checks, 'names.geoDrAliases', names.geoDrAliases, paired, ResourceKind.SERVICE_BUS_NAMESPACE);
  const byRegion = (prop: string, map: { readonly [region: string]: string } | undefined) => Object.entries(map ?? {}).map(([region, name]) => [`${prop}.${region}`, name] as const);
  checkDistinct(checks, [
    ...byRegion('names.serviceBusNamespaces', names.serviceBusNamespaces), ...byRegion('names.standbyNamespaces', names.standbyNamespaces), ...byRegion('names.geoDrAliases', names.geoDrAliases),
  ], 'namespaces and geo-DR aliases share the servicebus.windows.net host names');
  for (const key of ['eventGridTopics', 'deadLetterStorageAccounts', 'deadLetterContainer'] as const) {
    checkUnused(checks, `names.${key}`, names[key], 'it names an Event Grid resource, and this bus uses Service Bus');
  }
  checkUnused(checks, 'names.eventHubNamespaces', names.eventHubNamespaces, 'it names an Event Hubs resource, and this bus uses Service Bus');
  const topic = names.topic ?? TOPIC;
  const subscription = names.subscription ?? SUBSCRIPTION;
  if (names.topic !== undefined) checks.run(undefined, () => ResourceKind.SERVICE_BUS_TOPIC.validate(ctx.bus, 'names.topic', topic));
  if (names.subscription !== undefined) checks.run(undefined, () => ResourceKind.SERVICE_BUS_SUBSCRIPTION.validate(ctx.bus, 'names.subscription', subscription));
  return { topic, subscription, names };
}

/** Which regions hold an active namespace (with entities), and where each one's standby lives (Event Hubs pairs the same way). */
export function serviceBusHomes(ctx: EventBusContext): { home: RegionPlacement; standby?: RegionPlacement }[] {
  const { pattern, placements } = ctx;
  const paired = pattern.kind !== PatternKind.ZONE_REDUNDANT && pattern.kind !== PatternKind.REGION_PINNED;
  return pattern.kind === PatternKind.ACTIVE_ACTIVE
    ? placements.map((home, i) => ({ home, standby: placements[activeActivePartner(i)] }))
    : pattern.kind === PatternKind.REGION_PINNED
      ? placements.map((home) => ({ home }))
      : paired ? [{ home: placements[0], standby: placements[1] }] : [{ home: placements[0] }];
}

/**
 * Builds the Service Bus namespaces of every active region with the order-events topic, the delivery-tracking
 * subscription and the senders' and receivers' roles, paired with a standby namespace through a geo-DR alias where
 * the pattern pairs; returns each region's endpoint, the resources and where grants go.
 */
export function buildServiceBus(ctx: EventBusContext, o: ServiceBusSettings): TransportBuild {
  const b = new ServiceBusBuilder(ctx, o);
  const endpoints: Record<string, EventBusEndpoint> = {};
  for (const { home, standby } of serviceBusHomes(ctx)) {
    const region = home.region.name;
    const { primary, topic, subscription } = b.entities(home);
    const grant = { region, send: topic.id, sendRole: SB_SENDER, receive: subscription.id, receiveRole: SB_RECEIVER };

    let host = `${primary.name}.servicebus.windows.net`;
    if (standby) {
      const { secondary, aliasName } = b.standby(home, standby, { primary, topic, subscription });
      host = `${aliasName}.servicebus.windows.net`;
      b.grantScopes.push({ ...grant, standby: secondary.id });
    } else {
      b.grantScopes.push(grant);
    }
    const endpoint = { region, host, topic: o.topic, subscription: o.subscription };
    endpoints[region] = endpoint;
    // primarySecondary / activePassive: the second region publishes and consumes through the same alias.
    if (standby && ctx.pattern.kind !== PatternKind.ACTIVE_ACTIVE) endpoints[standby.region.name] = { ...endpoint, region: standby.region.name };
  }
  return { endpoints, privateEndpoints: b.privateEndpoints, grantScopes: b.grantScopes, resources: { ...NO_RESOURCES, ...b.resources } };
}

/** Builds the namespaces, entities, aliases and roles of one Service Bus bus, collecting what the bus exposes. */
class ServiceBusBuilder {
  public readonly privateEndpoints: DataTierEndpoint[] = [];
  public readonly grantScopes: GrantScope[] = [];
  public readonly resources = {
    serviceBusNamespaces: {} as Record<string, ServicebusNamespace>,
    standbyNamespaces: {} as Record<string, ServicebusNamespace>,
    geoDrAliases: {} as Record<string, ServicebusNamespaceDisasterRecoveryConfig>,
    serviceBusTopics: {} as Record<string, ServicebusTopic>,
    serviceBusSubscriptions: {} as Record<string, ServicebusSubscription>,
  };

  constructor(private readonly ctx: EventBusContext, private readonly o: ServiceBusSettings) {}

  /** A Premium namespace (private, Entra ID only, zone-redundant where the region has zones) with its diagnostics. */
  public namespace(placement: RegionPlacement, id: string, qualifier: string, standby: boolean, nameOverride: string | undefined, prop: string): ServicebusNamespace {
    const { ctx, o } = this;
    const region = placement.region.name;
    const scope = ctx.regionScope(region);
    const ns = new ServicebusNamespace(scope, id, {
      name: ctx.naming.name(scope, ResourceKind.SERVICE_BUS_NAMESPACE, { qualifier, childId: id, override: nameOverride, prop }),
      location: region,
      resourceGroupName: ctx.resourceGroupName(region),
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
      tags: { ...ctx.tags, region },
    });
    // Azure refuses updates to a paired secondary ("Cannot update a namespace which is secondary"): a standby is
    // configured once, before pairing, and never touched by Terraform again.
    protect(ns, ctx.removalPolicy, standby ? 'all' : []);
    diagnose(scope, `${id}Diagnostics`, 'azurerm_servicebus_namespace', ns.id, ctx.monitoring(region));
    return ns;
  }

  /**
   * An active region's namespace (with its private endpoint), the order-events topic, the delivery-tracking
   * subscription, and the senders' and receivers' roles on them.
   */
  public entities(home: RegionPlacement): ServiceBusEntities {
    const { ctx, o } = this;
    const region = home.region.name;
    const scope = ctx.regionScope(region);
    const primary = this.namespace(home, 'Namespace', region, false, o.names.serviceBusNamespaces?.[region], `names.serviceBusNamespaces.${region}`);
    this.privateEndpoints.push({ key: region, qualifier: `sb-${region}`, resourceId: primary.id, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region });
    const topic = new ServicebusTopic(scope, 'OrderEventsTopic', {
      name: o.topic,
      namespaceId: primary.id,
      // Required to match the namespace: partitioned Premium namespaces only take partitioned entities.
      partitioningEnabled: o.partitions > 1,
      requiresDuplicateDetection: true,
      duplicateDetectionHistoryTimeWindow: o.duplicateDetectionWindow,
      defaultMessageTtl: o.defaultMessageTtl,
      batchedOperationsEnabled: true,
    });
    protect(topic, ctx.removalPolicy);
    const subscription = new ServicebusSubscription(scope, 'DeliveryTrackingSubscription', {
      name: o.subscription,
      topicId: topic.id,
      maxDeliveryCount: o.maxDeliveryCount,
      lockDuration: o.lockDuration,
      defaultMessageTtl: o.defaultMessageTtl,
      deadLetteringOnMessageExpiration: true,
      deadLetteringOnFilterEvaluationError: true,
    });
    protect(subscription, ctx.removalPolicy);
    for (const [key, principalId] of ctx.senders) {
      new RoleAssignment(scope, `Sender-${key}`, { scope: topic.id, roleDefinitionName: SB_SENDER, principalId });
    }
    for (const [key, principalId] of ctx.receivers) {
      new RoleAssignment(scope, `Receiver-${key}`, { scope: subscription.id, roleDefinitionName: SB_RECEIVER, principalId });
    }
    this.resources.serviceBusNamespaces[region] = primary;
    this.resources.serviceBusTopics[region] = topic;
    this.resources.serviceBusSubscriptions[region] = subscription;
    return { primary, topic, subscription };
  }

  /**
   * An active region's standby namespace (with its private endpoint), the geo-DR alias pairing it with the primary,
   * and the senders' and receivers' roles on it for after a failover.
   */
  public standby(home: RegionPlacement, standby: RegionPlacement, active: ServiceBusEntities): { secondary: ServicebusNamespace; aliasName: string } {
    const { ctx, o } = this;
    const region = home.region.name;
    const scope = ctx.regionScope(region);
    const standbyRegion = standby.region.name;
    const standbyScope = ctx.regionScope(standbyRegion);
    // The standby namespace stays empty: the alias replicates entities and their settings (metadata, not
    // messages) from the primary, and Azure refuses entity changes on a paired secondary.
    const secondary = this.namespace(standby, `Standby-${region}`, `${standbyRegion}-dr`, true, o.names.standbyNamespaces?.[region], `names.standbyNamespaces.${region}`);
    this.privateEndpoints.push({ key: `${region}-standby-${standbyRegion}`, qualifier: `sb-${region}-standby-${standbyRegion}`, resourceId: secondary.id, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region: standbyRegion });
    const aliasName = ctx.naming.name(scope, ResourceKind.SERVICE_BUS_NAMESPACE, { qualifier: `alias-${region}`, childId: 'GeoDrAlias', override: o.names.geoDrAliases?.[region], prop: `names.geoDrAliases.${region}` });
    const alias = new ServicebusNamespaceDisasterRecoveryConfig(scope, 'GeoDrAlias', {
      name: aliasName,
      primaryNamespaceId: active.primary.id,
      partnerNamespaceId: secondary.id,
      dependsOn: [active.topic, active.subscription],
    });
    protect(alias, ctx.removalPolicy);
    // After a failover the secondary becomes primary: the same roles there, at namespace scope (entities on a
    // paired secondary cannot be addressed until then).
    for (const [key, principalId] of ctx.senders) {
      new RoleAssignment(standbyScope, `Standby-${region}-Sender-${key}`, { scope: secondary.id, roleDefinitionName: SB_SENDER, principalId });
    }
    for (const [key, principalId] of ctx.receivers) {
      new RoleAssignment(standbyScope, `Standby-${region}-Receiver-${key}`, { scope: secondary.id, roleDefinitionName: SB_RECEIVER, principalId });
    }
    this.resources.standbyNamespaces[region] = secondary;
    this.resources.geoDrAliases[region] = alias;
    return { secondary, aliasName };
  }
}
