import { Construct } from 'constructs';
import { EventgridTopic } from '@cdktf/provider-azurerm/lib/eventgrid-topic';
import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { EventhubNamespaceDisasterRecoveryConfig } from '@cdktf/provider-azurerm/lib/eventhub-namespace-disaster-recovery-config';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ServicebusNamespace } from '@cdktf/provider-azurerm/lib/servicebus-namespace';
import { ServicebusNamespaceDisasterRecoveryConfig } from '@cdktf/provider-azurerm/lib/servicebus-namespace-disaster-recovery-config';
import { ServicebusSubscription } from '@cdktf/provider-azurerm/lib/servicebus-subscription';
import { ServicebusTopic } from '@cdktf/provider-azurerm/lib/servicebus-topic';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { DataTierEndpoint } from '../common/private-endpoints';
import { DataTierConstruct } from '../data-tier/data-tier';
import { ValidationError } from '../core/errors';
import { checkPrincipalMap, GrantOptions, grantChildId, grantRegions, IPrincipal, ResolvedGrant, resolveGrant } from '../core/principal';
import { Checks } from '../core/validate';
import { EventBusProps } from './event-bus-types';
import { EVENT_BUS_SHAPE } from './shapes';
import { EventTransport } from './transport';
import { EventBusEndpoint, GrantScope, TransportBuild } from './transport-types';

/** The role KEDA's Service Bus scaler needs to read a subscription's runtime properties (see `EventBus.grantBacklogRead`). */
const SERVICE_BUS_DATA_OWNER = 'Azure Service Bus Data Owner';

/**
 * The event bus between the Order and Delivery-tracking services.
 *
 * Service Bus Premium (default): one namespace per region the pattern writes in; primarySecondary and
 * activePassive pair the primary namespace with a namespace in the second region through a geo-DR alias,
 * activeActive pairs every region's namespace with a standby namespace in its partner region (`activeActivePartner`), regionPinned keeps one
 * unpaired namespace per cell. Entities live on primary namespaces only (Azure refuses them on a paired secondary,
 * terraform-provider-azurerm#20933). Event Hubs (option, Kafka-compatible): the same namespaces and pairing, with the
 * `order-events` event hub and the `delivery-tracking` consumer group. Event Grid (option): a topic per region with
 * dead-lettering to zone-redundant storage.
 */
export class EventBus extends DataTierConstruct {
  /** The transport the bus was built with. */
  public readonly transport: EventTransport;
  /** Where each region's services publish and consume, by region. */
  public readonly endpoints: { readonly [region: string]: EventBusEndpoint };
  /**
   * Service Bus: the namespace holding the topic and subscription, by region (the first region, or every region under
   * activeActive and regionPinned); empty with the other transports.
   */
  public readonly serviceBusNamespaces: { readonly [region: string]: ServicebusNamespace };
  /**
   * Service Bus: the standby namespace paired with a region's namespace, by the region of the namespace it stands by
   * for (it lives in the partner region); empty where the pattern does not pair, and with the other transports (Event Hubs: `eventHubStandbyNamespaces`).
   */
  public readonly standbyNamespaces: { readonly [region: string]: ServicebusNamespace };
  /** Service Bus: the geo-DR alias pairing a region's namespace with its standby, by region; empty where unpaired. */
  public readonly geoDrAliases: { readonly [region: string]: ServicebusNamespaceDisasterRecoveryConfig };
  /** Service Bus: the `order-events` topic, by the region of its namespace; empty with the other transports. */
  public readonly serviceBusTopics: { readonly [region: string]: ServicebusTopic };
  /** Service Bus: the `delivery-tracking` subscription, by the region of its namespace; empty with the other transports. */
  public readonly serviceBusSubscriptions: { readonly [region: string]: ServicebusSubscription };
  /** Event Grid: the topic of each region, by region; empty with the other transports. */
  public readonly eventGridTopics: { readonly [region: string]: EventgridTopic };
  /** Event Grid: the dead-letter storage account of each region, by region; empty with the other transports. */
  public readonly deadLetterStorageAccounts: { readonly [region: string]: StorageAccount };
  /** Event Hubs: the namespace holding the event hub, by region (as `serviceBusNamespaces`); empty with the other transports. */
  public readonly eventHubNamespaces: { readonly [region: string]: EventhubNamespace };
  /** Event Hubs: the standby namespace paired with a region's namespace, by that region; empty where unpaired. */
  public readonly eventHubStandbyNamespaces: { readonly [region: string]: EventhubNamespace };
  /** Event Hubs: the geo-DR alias pairing a region's namespace with its standby, by region; empty where unpaired. */
  public readonly eventHubGeoDrAliases: { readonly [region: string]: EventhubNamespaceDisasterRecoveryConfig };
  /** Event Hubs: the `order-events` event hub (the Kafka topic), by the region of its namespace. */
  public readonly eventHubs: { readonly [region: string]: Eventhub };
  /**
   * Event Hubs: the `delivery-tracking` consumer group, for AMQP readers (Kafka consumer groups are the namespace's own,
   * made by the first consumer of the `group.id` of that name), by the region of its namespace.
   */
  public readonly eventHubConsumerGroups: { readonly [region: string]: EventhubConsumerGroup };
  private readonly built: TransportBuild;

  constructor(scope: Construct, id: string, props: EventBusProps) {
    super(scope, id, props, 'event-bus', EVENT_BUS_SHAPE);
    this.transport = props.transport ?? EventTransport.serviceBus();
    this.transport.checkOptions(this, 'transport');
    const checks = new Checks(this);
    const senders = checks.run([], () => checkPrincipalMap(this, 'senders', props.senders));
    const receivers = checks.run([], () => checkPrincipalMap(this, 'receivers', props.receivers));
    // The transport adds its own checks (options, names) and reports them with these before it builds anything.
    this.built = this.transport.build({
      bus: this, naming: this.naming, pattern: this.pattern, placements: this.placements, removalPolicy: this.removalPolicy, tags: this.tags,
      names: props.names ?? {}, senders, receivers, checks,
      regionScope: (region) => this.regionScope(region),
      resourceGroupName: (region) => this.resourceGroupName(region),
      monitoring: (region) => this.monitoring(region),
    });
    this.endpoints = this.built.endpoints;
    const r = this.built.resources;
    this.serviceBusNamespaces = r.serviceBusNamespaces;
    this.standbyNamespaces = r.standbyNamespaces;
    this.geoDrAliases = r.geoDrAliases;
    this.serviceBusTopics = r.serviceBusTopics;
    this.serviceBusSubscriptions = r.serviceBusSubscriptions;
    this.eventGridTopics = r.eventGridTopics;
    this.deadLetterStorageAccounts = r.deadLetterStorageAccounts;
    this.eventHubNamespaces = r.eventHubNamespaces;
    this.eventHubStandbyNamespaces = r.eventHubStandbyNamespaces;
    this.eventHubGeoDrAliases = r.eventHubGeoDrAliases;
    this.eventHubs = r.eventHubs;
    this.eventHubConsumerGroups = r.eventHubConsumerGroups;
  }

  /** The private endpoints every stamp needs: one per namespace (or Event Grid topic). */
  public get privateEndpoints(): readonly DataTierEndpoint[] {
    return this.built.privateEndpoints;
  }

  /**
   * Lets a principal publish order events in every active region: the sender role on the topics, plus on the standby
   * namespaces (namespace scope) for after a failover.
   *
   * @param grantee - a `UserAssignedIdentity` (or another construct with a `principalId`), or `{ principalId }`
   * @param options - where the role assignments go and their construct IDs (required `id` for a grantee that is not a construct)
   * @returns the role assignments created, `<id>-<region>` and `<id>-<region>-standby`
   */
  public grantSend(grantee: IPrincipal, options?: GrantOptions): RoleAssignment[] {
    const grant = resolveGrant(this, 'grantSend', grantee, options, 'Send');
    return this.grantRole(grant, 'grantSend', options, (g) => ({ scope: g.send, role: g.sendRole }));
  }

  /**
   * Lets a principal receive from the `delivery-tracking` subscription (Service Bus) or the event hub (Event Hubs) in
   * every active region, plus on the standby namespaces for after a failover. Event Grid pushes to the webhook, and a
   * grant is an error.
   *
   * @param grantee - a `UserAssignedIdentity` (or another construct with a `principalId`), or `{ principalId }`
   * @param options - where the role assignments go and their construct IDs (required `id` for a grantee that is not a construct)
   * @returns the role assignments created, `<id>-<region>` and `<id>-<region>-standby`
   */
  public grantReceive(grantee: IPrincipal, options?: GrantOptions): RoleAssignment[] {
    const grant = resolveGrant(this, 'grantReceive', grantee, options, 'Receive');
    if (this.transport.delivery === 'push') {
      throw new ValidationError({ scope: this, prop: 'grantReceive(grantee)', value: grantee, problem: 'Event Grid pushes events to the webhook, so there is nothing to grant receivers', fix: 'grant receivers only with EventTransport.serviceBus() (EventTransport.delivery is pull)' });
    }
    return this.grantRole(grant, 'grantReceive', options, (g) => ({ scope: g.receive!, role: g.receiveRole! }));
  }

  /**
   * Lets KEDA read the `delivery-tracking` subscription's backlog (the `azure-servicebus` scaler) in every active region
   * and, after a failover, on the standby namespace's replicated subscription. The scaler reads the subscription's
   * runtime properties, a management operation that Azure Service Bus Data Receiver does not allow: Microsoft's KEDA
   * add-on guide ("Securely scale your applications using the KEDA add-on and workload identity") assigns Azure Service
   * Bus Data Owner, here scoped to the subscription alone. Service Bus only.
   *
   * @param grantee - the KEDA operator's identity (`WorkloadIdentities.kedaIdentity`), or `{ principalId }`
   * @param options - where the role assignments go and their construct IDs (required `id` for a grantee that is not a construct)
   * @returns the role assignments created, `<id>-<region>` and `<id>-<region>-standby`
   */
  public grantBacklogRead(grantee: IPrincipal, options?: GrantOptions): RoleAssignment[] {
    const grant = resolveGrant(this, 'grantBacklogRead', grantee, options, 'BacklogReader');
    if (this.transport.delivery === 'push') {
      throw new ValidationError({ scope: this, prop: 'grantBacklogRead(grantee)', value: grantee, problem: 'Event Grid pushes events to the webhook, so there is no backlog to scale on', fix: 'scale on a backlog only with EventTransport.serviceBus()' });
    }
    if (!this.transport.backlogScaling) {
      throw new ValidationError({ scope: this, prop: 'grantBacklogRead(grantee)', value: grantee, problem: "KEDA has no backlog scaler for Event Hubs' Kafka consumer groups with workload identity (azure-eventhub reads blob checkpoints, kafka has no Azure identity)", fix: 'scale the tracking service on CPU and schedules, or use EventTransport.serviceBus()' });
    }
    return this.grantRole(grant, 'grantBacklogRead', options, (g) => ({ scope: g.receive!, role: SERVICE_BUS_DATA_OWNER }), (g) => {
      const e = this.endpoints[g.region];
      return `${g.standby}/topics/${e.topic}/subscriptions/${e.subscription}`;
    });
  }

  /**
   * Event Grid: the `delivery-tracking` webhook subscription of every region's topic, with dead-lettering to the
   * region's storage, when `subscribe` is on. Created in `scope` (a stack applied after the webhook exists), or next to
   * the topics; `webhookUrl` overrides the transport's (the platform passes the one it derives from its entry).
   */
  public addWebhookSubscriptions(scope?: Construct, webhookUrl?: string): void {
    if (!this.built.addWebhookSubscriptions) {
      throw new ValidationError({ scope: this, prop: 'transport', value: this.transport.environmentName, problem: 'webhook subscriptions exist only with Event Grid', fix: 'use EventTransport.eventGrid({ webhookUrl })' });
    }
    this.built.addWebhookSubscriptions(scope, webhookUrl);
  }

  /** @internal */
  protected get resourceGroupQualifier(): string {
    return 'events';
  }

  /** @internal */
  protected get endpointIdPrefix(): string {
    return 'EventBus';
  }

  /** One role assignment per active region (and its standby namespace, if any) for a resolved grant. */
  private grantRole(grant: ResolvedGrant, method: string, options: GrantOptions | undefined, target: (g: GrantScope) => { scope: string; role: string }, standbyScope: (g: GrantScope) => string = (g) => g.standby!): RoleAssignment[] {
    const covers = grantRegions(this, method, options, this.built.grantScopes.map((g) => g.region));
    const created: RoleAssignment[] = [];
    for (const g of this.built.grantScopes.filter((s) => covers(s.region))) {
      const { scope, role } = target(g);
      created.push(new RoleAssignment(grant.scope, grantChildId(this, method, grant, g.region), { scope, roleDefinitionName: role, principalId: grant.principalId }));
      if (g.standby) {
        created.push(new RoleAssignment(grant.scope, grantChildId(this, method, grant, `${g.region}-standby`), { scope: standbyScope(g), roleDefinitionName: role, principalId: grant.principalId }));
      }
    }
    return created;
  }
}
