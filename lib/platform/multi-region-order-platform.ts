import { Construct } from 'constructs';
import { Annotations, Fn, TerraformOutput, TerraformStack, Token } from 'cdktf';
import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import { ApplicationInsightsWorkbook } from '@cdktf/provider-azurerm/lib/application-insights-workbook';
import { PortalDashboard } from '@cdktf/provider-azurerm/lib/portal-dashboard';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { AddressPlan } from '../core/address-plan';
import { DataTierConstruct } from '../data-tier/data-tier';
import { ValidationError } from '../core/errors';
import { checkGuid, checkShape, Checks } from '../core/validate';
import { keepNamingPath, Naming, ResourceKind } from '../core/naming';
import { PatternKind, RedundancyPattern, RegionPlacement, RegionRole } from '../core/pattern';
import { Regions } from '../core/regions';
import { HEALTH_ENDPOINTS, PLATFORM_SERVICES, ServiceKey, TRACKING_EVENTS_PATH } from '../core/services';
import { mergeTags, Tags } from '../core/tags';
import { ActivePassiveDatabase } from '../database/active-passive-database';
import { EventBus } from '../events/event-bus';
import { GlobalEntry } from '../global-entry/global-entry';
import { GlobalEntryProps } from '../global-entry/global-entry-types';
import { Observability } from '../monitoring/observability';
import { FailoverState, HealthChart, HealthRow, PlatformHealth, WORKBOOK_NAME } from '../monitoring/platform-health';
import { AvailabilityTestOptions, RegionResourceIds } from '../monitoring/observability-types';
import { DEFAULT_TEST_LOCATIONS, TEST_LOCATIONS } from '../monitoring/availability-tests';
import { RegionalMonitoring } from '../monitoring/regional-monitoring';
import { kubeloginExec } from '../stamp/kubelogin';
import { RegionalStamp } from '../stamp/regional-stamp';
import { TrackingStore } from '../tracking/tracking-store';
import { OrderCache } from '../cache/order-cache';
import { OrderWorkloads } from '../workloads/order-workloads';
import { ServiceBusBacklog, WorkloadConfig } from '../workloads/order-workloads-types';
import { checkSchedulability } from '../workloads/schedulability';
import { WorkloadIdentities } from '../workloads/workload-identities';
import { ServiceEnvironment } from '../common/environment-contract';
import { entryServices, publicDnsLabel, publicDnsName, publicServiceKeys } from '../common/service-exposure';
import { addRuleChecks } from '../rules/synth-check';
import { JsonObject } from '../rules/synthesized';
import { addSynthReports } from '../insight/synth-reports';
import { PlatformTopology, readTopology } from '../insight/topology';
import { PlatformBackend } from './backend';
import { MultiRegionOrderPlatformProps, PlatformObservabilityOptions, PlatformDatabaseOptions, PlatformEntryOptions, PlatformEventBusOptions, PlatformMonitoringOptions, PlatformTrackingOptions, PlatformWorkloadOptions, PlatformCacheOptions } from './multi-region-order-platform-types';
import { PlatformStack, PlatformStackProps } from './platform-stack';
import { FailoverDrills } from '../drills/failover-drills';
import { FailoverDrillsOptions } from '../drills/failover-drills-types';
import { PLATFORM_SHAPE } from './shapes';
import { backlogHome, checkPlatformDemand, PlatformDemand, regionScaling } from './scaling';
import { PlannedMaintenance, planMaintenance } from './maintenance';
import type { MaintenanceWindow } from '../core/maintenance-window';

/**
 * The services the entry probes on their readiness path: Traffic Manager's, and Front Door's unless API Management
 * sits between (Front Door then probes the gateways' own status endpoint).
 */
function probedServices(entry: PlatformEntryOptions | undefined): ServiceKey[] {
  const { frontDoor, trafficManager } = entryServices(entry);
  return [...trafficManager, ...(entry?.apiManagement ? [] : frontDoor)];
}

/** The data-stack share of one region: its resource group and monitoring sink. */
export class RegionalData extends Construct {
  /** The region's data resource group in the data stack. */
  public readonly resourceGroup: ResourceGroup;
  /** The region's Log Analytics workspace and Application Insights. */
  public readonly monitoring: RegionalMonitoring;

  /** @internal */
  constructor(scope: Construct, id: string, props: { readonly naming: Naming; readonly placement: RegionPlacement; readonly monitoring: PlatformMonitoringOptions; readonly tags: Tags }) {
    super(scope, id);
    const region = props.placement.region.name;
    this.resourceGroup = new ResourceGroup(this, 'ResourceGroup', {
      name: props.naming.name(this, ResourceKind.RESOURCE_GROUP, { qualifier: `data-${region}` }),
      location: region,
      tags: props.tags,
    });
    this.monitoring = new RegionalMonitoring(this, 'Monitoring', {
      prefix: props.naming.prefix,
      region,
      resourceGroupName: this.resourceGroup.name,
      retentionDays: props.monitoring.retentionDays,
      removalPolicy: props.monitoring.removalPolicy,
      diagnosticLogs: props.monitoring.diagnosticLogs,
      tags: props.tags,
    });
  }
}

/**
 * The whole ordering platform for one redundancy pattern, as separate Terraform stacks (see the README's Stacks):
 * `<id>-data` (stateful, rarely changed), one `<id>-<region>` stamp per region and `<id>-edge` (the global entry).
 *
 * Create it on the cdktf `App` (or any construct outside a stack); it creates and wires the stacks.
 */
export class MultiRegionOrderPlatform extends Construct {
  /** Where every region sits in the pattern, in list order. */
  public readonly placements: readonly RegionPlacement[];
  /** The redundancy pattern. */
  public readonly pattern: RedundancyPattern;
  /** The address plan every region's VNet is carved from. */
  public readonly addressPlan: AddressPlan;
  /** `<id>-data`: databases, Cosmos DB, Service Bus and every region's monitoring. */
  public readonly dataStack: TerraformStack;
  /** `<id>-<region>` stacks, by region name. */
  public readonly regionStacks: { readonly [region: string]: TerraformStack };
  /** The regional stamps, by region name. */
  public readonly stamps: { readonly [region: string]: RegionalStamp };
  /** The data stack's per-region share, by region name. */
  public readonly regionalData: { readonly [region: string]: RegionalData };
  /** The Order database, when `database` is set. */
  public readonly database?: ActivePassiveDatabase;
  /** The Delivery-tracking store, when `trackingStore` is set. */
  public readonly trackingStore?: TrackingStore;
  /** The Order service's read cache, when `cache` is set. */
  public readonly cache?: OrderCache;
  /** The event bus, when `eventBus` is set. */
  public readonly eventBus?: EventBus;
  /** `<id>-<region>-apps` stacks, by region, when `workloads` is set. */
  public readonly appsStacks: { readonly [region: string]: TerraformStack };
  /** The workloads of each region, by region, when `workloads` is set. */
  public readonly workloads: { readonly [region: string]: OrderWorkloads };
  /** `<id>-edge`: the global entry, when there are workloads or an `entry` is given. */
  public readonly edgeStack?: TerraformStack;
  /** Front Door / Traffic Manager, when there are workloads or an `entry` is given. */
  public readonly entry?: GlobalEntry;
  /** `<id>-observability`: alerts and availability tests, unless `observability.enabled` is false. */
  public readonly observabilityStack?: TerraformStack;
  /** The `<id>-drills` stack (Chaos Studio experiments), when `drills` is set. */
  public readonly drillsStack?: TerraformStack;
  /** The platform's alerting, unless `observability.enabled` is false. */
  public readonly observability?: Observability;
  /** The health workbook, unless `observability.enabled` or `observability.health.enabled` is false. */
  public readonly healthWorkbook?: ApplicationInsightsWorkbook;
  /** The health portal dashboard, unless `observability.enabled` or `observability.health.enabled` is false. */
  public readonly healthDashboard?: PortalDashboard;

  constructor(scope: Construct, id: string, props: MultiRegionOrderPlatformProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/.test(id)) {
      throw new ValidationError({ scope: this, prop: 'id', value: id, problem: 'the platform id starts every stack name and state key', fix: 'use 2-40 lower-case letters, digits and hyphens, e.g. the example file name' });
    }
    const inStack = this.node.scopes.find((s) => TerraformStack.isStack(s));
    if (inStack) {
      throw new ValidationError({ scope: this, prop: 'scope', value: inStack.node.path, problem: 'the platform creates its own stacks and cannot live inside a stack', fix: 'create it on the App (new MultiRegionOrderPlatform(app, ...))' });
    }
    checkShape(this, '', props, PLATFORM_SHAPE);
    const naming = new Naming(Naming.validatePrefix(this, 'prefix', props.prefix));
    this.pattern = props.pattern;
    this.placements = props.pattern.place(this, props.regions);
    this.addressPlan = new AddressPlan(this, props.addressPlan ?? {}, this.placements.length);
    const backend = props.backend ?? PlatformBackend.local();
    backend.validate(this, 'backend');
    const tags = mergeTags(this, 'tags', { 'managed-by': 'cdktf-order-platform', platform: id, pattern: props.pattern.kind }, props.tags);
    const stackProps = { backend, subscriptionId: props.subscriptionId };
    const { demand, maintenance } = this.checkComposition(props);

    // Services behind public load balancers (Traffic Manager's, and Front Door's behind API Management) get a DNS
    // label per region and an NSG opening.
    const services = entryServices(props.entry);
    const publicServices = publicServiceKeys(services, Boolean(props.entry?.apiManagement));
    const b: PlatformBuild = { id, props, naming, tags, publicServices, demand, maintenance, newStack: (name, providers) => newStack(this, id, name, providers ? { ...stackProps, resourceProvidersToRegister: providers } : stackProps) };

    this.dataStack = b.newStack(`${id}-data`);
    const regions = this.buildRegions(b);
    this.regionalData = regions.regionalData;
    this.regionStacks = regions.regionStacks;
    this.stamps = regions.stamps;

    // The data tier lives in the data stack, in the regions' data resource groups, reporting to their workspaces;
    // every stamp reaches it through private endpoints.
    const shared = {
      prefix: naming.prefix,
      pattern: props.pattern,
      regions: props.regions,
      resourceGroupNames: Object.fromEntries(Object.entries(regions.regionalData).map(([region, data]) => [region, data.resourceGroup.name])),
      monitoring: Object.fromEntries(Object.entries(regions.regionalData).map(([region, data]) => [region, data.monitoring])),
      tags,
    };
    const connect = (tier: DataTierConstruct) => Object.values(regions.stamps).forEach((stamp) => tier.connect(stamp));
    if (props.database) this.database = this.buildDatabase(props.database, shared, connect, databaseWindows(maintenance));
    if (props.trackingStore) this.trackingStore = this.buildTrackingStore(withDemandThroughput(props.trackingStore, demand), shared, connect);
    if (props.eventBus) this.eventBus = this.buildEventBus(props.eventBus, shared, connect);
    if (props.cache) this.cache = this.buildCache(props.cache, shared, connect);

    const dnsLabels = Object.fromEntries(this.placements.map((p) => [p.region.name, Object.fromEntries(
      PLATFORM_SERVICES.filter((s) => publicServices.includes(s.key)).map((s) => [s.key, publicDnsLabel(naming.prefix, this.node.path, p.region.name, s)]),
    )]));
    const apps = this.buildWorkloads(b, regions, dnsLabels);
    this.appsStacks = apps.appsStacks;
    this.workloads = apps.workloads;

    // Edge last: it reads every stamp's ingress, and at deploy time the Private Link Services the apps create.
    if (props.workloads || props.entry) {
      const derivedPublicOrigins = props.workloads && publicServices.length > 0 && !props.entry?.publicOrigins
        ? Object.fromEntries(Object.entries(dnsLabels).map(([region, labels]) => [region, Object.fromEntries(Object.entries(labels).map(([svc, label]) => [svc, publicDnsName(label, region)]))]))
        : undefined;
      const edge = this.buildEdge(b, regions, apps.appsStacks, derivedPublicOrigins);
      this.edgeStack = edge.stack;
      this.entry = edge.entry;
      this.publicOrigins = props.entry?.publicOrigins ?? derivedPublicOrigins;
    }

    // Observability last: it watches every other stack's resources.
    if (props.observability?.enabled !== false) {
      const monitoring = this.buildObservabilityStack(b, props.observability ?? {});
      this.observabilityStack = monitoring.stack;
      this.observability = monitoring.observability;
      this.healthWorkbook = monitoring.health?.workbook;
      this.healthDashboard = monitoring.health?.dashboard;
    }
    if (props.drills) this.drillsStack = this.buildDrills(b, props.drills).stack;
    // The rule pack and the availability report read the final JSON of every stack of the platform at synth time.
    addRuleChecks(this, 'checks', id, () => this.platformStacks(), props.checks);
    addSynthReports(this, id, () => this.platformStacks());
  }

  /**
   * The platform's topology as its stacks synthesize now (regions and roles, serving pods, database cells and copies,
   * tracking regions, event bus): what `simulateOutage(platform, ...)` and the availability report read.
   */
  public topology(): PlatformTopology {
    const stacks = this.platformStacks();
    stacks.forEach((stack) => stack.prepareStack());
    return readTopology(stacks.map((stack) => ({ name: stack.node.id, json: stack.toTerraform() as JsonObject })), this.node.id);
  }

  /** Every stack of the platform. */
  private platformStacks(): TerraformStack[] {
    return [this.dataStack, ...Object.values(this.regionStacks), ...Object.values(this.appsStacks), ...(this.edgeStack ? [this.edgeStack] : []), ...(this.observabilityStack ? [this.observabilityStack] : []), ...(this.drillsStack ? [this.drillsStack] : [])];
  }

  /**
   * The `<id>-drills` stack: the Chaos Studio experiments of `drills` over this platform's stamps, tracking store and
   * event bus, applied after the stacks whose resources they target.
   */
  private buildDrills(b: PlatformBuild, options: FailoverDrillsOptions): { stack: TerraformStack; drills: FailoverDrills } {
    // Chaos Studio's resource provider is not among those azurerm registers by default.
    const stack = b.newStack(`${b.id}-drills`, ['Microsoft.Chaos']);
    [this.dataStack, ...Object.values(this.regionStacks)].forEach((s) => stack.addDependency(s));
    const cosmos = this.trackingStore;
    const bus = this.eventBus;
    const drills = asPlatformProps((prop) => (prop === 'regions' ? prop : `drills.${prop}`), () => new FailoverDrills(stack, 'Drills', {
      ...options, prefix: b.naming.prefix, placements: this.placements, stamps: this.stamps, tags: b.tags,
      cosmosAccounts: cosmos?.accounts.map((a) => ({ id: cosmos.cosmosAccounts[a.homeRegion].id, regions: a.regions, multiRegionWrites: a.multiRegionWrites })),
      serviceBusTopics: bus ? Object.entries(bus.serviceBusTopics).map(([region, topic]) => ({ region, namespaceId: bus.serviceBusNamespaces[region].id, topicName: topic.name })) : undefined,
    }));
    return { stack, drills };
  }

  /** The regions' public origin hosts by service (Traffic Manager's and API Management's backends, or `entry.publicOrigins`). */
  private publicOrigins?: GlobalEntryProps['publicOrigins'];

  /** The `<id>-observability` stack, applied after every other stack: its resource group, the alerting and the health views. */
  private buildObservabilityStack(b: PlatformBuild, options: PlatformObservabilityOptions): { stack: TerraformStack; observability: Observability; health?: PlatformHealth } {
    const stack = b.newStack(`${b.id}-observability`);
    // Applied after every other stack (the references add the dependencies; the apps stacks have none).
    [this.dataStack, ...Object.values(this.regionStacks), ...(this.edgeStack ? [this.edgeStack] : [])].forEach((s) => stack.addDependency(s));
    const group = new ResourceGroup(stack, 'ResourceGroup', {
      name: b.naming.name(stack, ResourceKind.RESOURCE_GROUP, { qualifier: 'observability' }),
      location: this.placements[0].region.name,
      tags: { ...b.tags, component: 'observability' },
    });
    const observability = this.buildObservability(b, stack, group, options);
    const health = options.health?.enabled !== false ? this.buildHealth(b, stack, group, options.health?.names) : undefined;
    return { stack, observability, health };
  }

  /**
   * Builds `Observability` in the `<id>-observability` stack, in its resource group, over
   * every resource the platform created, with availability tests of each service through the entry and of each region's
   * public origin.
   */
  private buildObservability(b: PlatformBuild, stack: TerraformStack, group: ResourceGroup, options: PlatformObservabilityOptions): Observability {
    const primary = this.placements[0].region.name;
    const ids = <T extends { readonly id: string }>(map: { readonly [region: string]: T }): RegionResourceIds => Object.fromEntries(Object.entries(map).map(([region, r]) => [region, r.id]));
    const bus = this.eventBus;
    const serviceBus = bus ? ids(bus.serviceBusNamespaces) : {};
    // Each standby namespace with the region it is in (silencing that region silences it).
    const standby = Object.fromEntries(Object.entries(bus?.standbyNamespaces ?? {}).map(([home, ns]) => [home, { id: ns.id, region: ns.locationInput! }]));
    const monitoring = this.regionalData[primary].monitoring;
    const { enabled: testsEnabled, ...testOptions } = options.availabilityTests ?? {};
    const { urls, urlRegions } = testsEnabled === false ? { urls: {}, urlRegions: {} } : this.availabilityUrls(b);
    const geo = b.props.entry?.geoRouting;
    if (Object.keys(urls).length > 0 && geo?.rejectUnmappedCountries) this.warnUnmappedTestLocations(geo.countries, testOptions.testLocations);
    return asPlatformProps((prop) => `observability.${prop}`, () => new Observability(stack, 'Observability', {
      contacts: options.contacts,
      thresholds: options.thresholds,
      severities: options.severities,
      runbookUrl: options.runbookUrl,
      silencedRegions: options.silencedRegions,
      names: options.names,
      prefix: b.naming.prefix,
      resourceGroupName: group.name,
      targets: {
        frontDoorProfileId: this.entry?.profile?.id,
        postgresqlReplicaServerIds: Object.fromEntries(Object.entries(this.database?.postgresqlReplicas ?? {}).map(([home, replicas]) => [home, ids(replicas)])),
        ...(Object.keys(this.database?.postgresqlReadReplicas ?? {}).length ? { postgresqlReadReplicaServerIds: Object.fromEntries(Object.entries(this.database!.postgresqlReadReplicas).map(([home, replicas]) => [home, replicas.map((r) => r.id)])) } : {}),
        cosmosAccountIds: this.trackingStore ? ids(this.trackingStore.cosmosAccounts) : undefined,
        serviceBusNamespaceIds: serviceBus,
        serviceBusStandbyNamespaces: standby,
        serviceBusBacklogEntityName: bus && Object.keys(serviceBus).length > 0 ? Object.values(bus.endpoints)[0].topic : undefined,
        eventHubsNamespaceIds: bus ? ids(bus.eventHubNamespaces) : {},
        eventHubsStandbyNamespaces: Object.fromEntries(Object.entries(bus?.eventHubStandbyNamespaces ?? {}).map(([home, ns]) => [home, { id: ns.id, region: ns.locationInput! }])),
        kubernetesClusterIds: Object.fromEntries(Object.entries(this.stamps).map(([region, stamp]) => [region, stamp.cluster.id])),
        keyVaultIds: Object.fromEntries(Object.entries(this.stamps).map(([region, stamp]) => [region, stamp.keyVault.id])),
        sqlFailoverGroupIds: ids(this.database?.sqlFailoverGroups ?? {}),
        // Azure records a failover on the server that becomes primary: the partner's side of each group.
        sqlFailoverGroupPartnerIds: Object.fromEntries(Object.keys(this.database?.sqlFailoverGroups ?? {}).map((home) => [home, this.partnerFailoverGroupId(home)])),
        logAnalyticsWorkspaceIds: Object.fromEntries(Object.entries(this.regionalData).map(([region, data]) => [region, data.monitoring.workspaceId])),
      },
      availabilityTests: Object.keys(urls).length > 0 ? {
        ...testOptions, applicationInsightsId: monitoring.appInsights.id, location: primary, urls, urlRegions,
      } satisfies AvailabilityTestOptions : undefined,
      tags: { ...b.tags, component: 'observability' },
    }), (text) => text.replace(OBSERVABILITY_TEXT_PROPS, '$1observability.$2'));
  }

  /**
   * The health workbook and dashboard: the failover state of every replicated data service (read from Azure Resource
   * Manager), the entry's charts, and a row of charts per region (AKS, Key Vault, database, tracking store, bus).
   * Metric names are Microsoft's (Azure Monitor supported-metrics reference, per resource type).
   */
  private buildHealth(b: PlatformBuild, stack: TerraformStack, group: ResourceGroup, names: { readonly workbook?: string; readonly dashboard?: string } | undefined): PlatformHealth {
    const primary = this.placements[0].region.name;
    const rows: HealthRow[] = [];
    const entry = this.entry;
    if (entry) {
      const charts: HealthChart[] = [];
      const profile = entry.profile;
      if (profile) {
        const fd = { resourceId: profile.id, namespace: 'Microsoft.Cdn/profiles' };
        charts.push({ ...fd, title: 'Origin health by origin', metric: 'OriginHealthPercentage', aggregation: 'Average', splitBy: 'Origin' });
        charts.push({ ...fd, title: 'Share of 5xx responses', metric: 'Percentage5XX', aggregation: 'Average' });
        charts.push({ ...fd, title: 'Requests', metric: 'RequestCount', aggregation: 'Total' });
      }
      for (const [service, tm] of Object.entries(entry.trafficManagerProfiles)) {
        charts.push({ title: `Traffic Manager ${service}: endpoint state`, resourceId: tm.id, namespace: 'Microsoft.Network/trafficManagerProfiles', metric: 'ProbeAgentCurrentEndpointStateByProfileResourceId', aggregation: 'Maximum', splitBy: 'EndpointName' });
      }
      rows.push({ title: 'Global entry', charts });
    }
    for (const placement of this.placements) rows.push({ title: `${placement.region.name} (${placement.role})`, charts: this.regionCharts(placement.region.name) });
    return new PlatformHealth(stack, 'Health', {
      naming: b.naming,
      title: `${b.id} platform health`,
      summary: `Pattern: ${this.pattern.kind}. ${this.placements.map((p) => `${p.region.displayName}: ${p.role}`).join('; ')}.`,
      resourceGroupName: group.name,
      location: primary,
      rows,
      failover: this.failoverStates(),
      names,
      tags: { ...b.tags, component: 'observability' },
    });
  }

  /** The charts of one region's row: AKS, Key Vault, the database servers and copies in it, the tracking store homed there, the bus. */
  private regionCharts(region: string): HealthChart[] {
    const stamp = this.stamps[region];
    const aks = { resourceId: stamp.cluster.id, namespace: 'Microsoft.ContainerService/managedClusters' };
    const charts: HealthChart[] = [
      { ...aks, title: 'AKS nodes by condition', metric: 'kube_node_status_condition', aggregation: 'Average', splitBy: 'status2' },
      { ...aks, title: 'AKS pods by phase', metric: 'kube_pod_status_phase', aggregation: 'Average', splitBy: 'phase' },
      { title: 'Key Vault availability', resourceId: stamp.keyVault.id, namespace: 'Microsoft.KeyVault/vaults', metric: 'Availability', aggregation: 'Average' },
    ];
    const db = this.database;
    if (db) {
      const sql = [...(db.sqlDatabases[region] ? [[region, db.sqlDatabases[region]] as const] : []), ...Object.entries(db.sqlSecondaries).filter(([, byRegion]) => byRegion[region]).map(([home, byRegion]) => [home, byRegion[region]] as const)];
      for (const [home, database] of sql) charts.push({ title: `Order database (cell ${home}) CPU`, resourceId: database.id, namespace: 'Microsoft.Sql/servers/databases', metric: 'cpu_percent', aggregation: 'Average' });
      const server = db.postgresqlServers[region];
      if (server) charts.push({ title: `Order database (cell ${region}) CPU`, resourceId: server.id, namespace: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'cpu_percent', aggregation: 'Average' });
      for (const [home, byRegion] of Object.entries(db.postgresqlReplicas)) {
        if (byRegion[region]) charts.push({ title: `Order database replica (cell ${home}) lag`, resourceId: byRegion[region].id, namespace: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'physical_replication_delay_in_seconds', aggregation: 'Maximum' });
      }
    }
    const account = this.trackingStore?.cosmosAccounts[region];
    if (account) {
      charts.push({ title: 'Tracking store availability', resourceId: account.id, namespace: 'Microsoft.DocumentDB/databaseAccounts', metric: 'ServiceAvailability', aggregation: 'Average' });
      charts.push({ title: 'Tracking store requests by status', resourceId: account.id, namespace: 'Microsoft.DocumentDB/databaseAccounts', metric: 'TotalRequests', aggregation: 'Count', splitBy: 'StatusCode' });
    }
    // The accounts homed in another region that replicate into this one: their requests by region show this region's share.
    for (const [home, replicated] of Object.entries(this.trackingStore?.cosmosAccounts ?? {})) {
      const locations = replicated.geoLocationInput;
      if (home !== region && Array.isArray(locations) && locations.some((l) => l.location === region)) {
        charts.push({ title: `Tracking store (account of ${home}) requests by region`, resourceId: replicated.id, namespace: 'Microsoft.DocumentDB/databaseAccounts', metric: 'TotalRequests', aggregation: 'Count', splitBy: 'Region' });
      }
    }
    const bus = this.eventBus;
    const namespace = bus?.serviceBusNamespaces[region];
    if (namespace) {
      charts.push({ title: 'Event bus server errors', resourceId: namespace.id, namespace: 'Microsoft.ServiceBus/namespaces', metric: 'ServerErrors', aggregation: 'Total' });
      charts.push({ title: 'Event bus backlog by entity', resourceId: namespace.id, namespace: 'Microsoft.ServiceBus/namespaces', metric: 'ActiveMessages', aggregation: 'Maximum', splitBy: 'EntityName' });
    }
    for (const [home, standby] of Object.entries(bus?.standbyNamespaces ?? {})) {
      if (standby.locationInput === region) charts.push({ title: `Event bus standby (cell ${home}) messages`, resourceId: standby.id, namespace: 'Microsoft.ServiceBus/namespaces', metric: 'ActiveMessages', aggregation: 'Maximum', splitBy: 'EntityName' });
    }
    const hubs = bus?.eventHubNamespaces[region];
    if (hubs) {
      charts.push({ title: 'Event Hubs server errors', resourceId: hubs.id, namespace: 'Microsoft.EventHub/namespaces', metric: 'ServerErrors', aggregation: 'Total' });
      charts.push({ title: 'Event Hubs incoming messages by event hub', resourceId: hubs.id, namespace: 'Microsoft.EventHub/namespaces', metric: 'IncomingMessages', aggregation: 'Total', splitBy: 'EntityName' });
    }
    for (const [home, standby] of Object.entries(bus?.eventHubStandbyNamespaces ?? {})) {
      if (standby.locationInput === region) charts.push({ title: `Event Hubs standby (cell ${home}) incoming messages`, resourceId: standby.id, namespace: 'Microsoft.EventHub/namespaces', metric: 'IncomingMessages', aggregation: 'Total' });
    }
    const topic = bus?.eventGridTopics[region];
    if (topic) {
      charts.push({ title: 'Event Grid publish failures', resourceId: topic.id, namespace: 'Microsoft.EventGrid/topics', metric: 'PublishFailCount', aggregation: 'Total' });
      charts.push({ title: 'Event Grid dropped events', resourceId: topic.id, namespace: 'Microsoft.EventGrid/topics', metric: 'DroppedEventCount', aggregation: 'Total' });
    }
    return charts;
  }

  /** A cell's SQL failover group as its partner server sees it: `<partner server ID>/failoverGroups/<name>`. */
  private partnerFailoverGroupId(home: string): string {
    const db = this.database!;
    const partner = db.cells.find((c) => c.homeRegion === home)!.replicaRegion!;
    return `${db.sqlServers[partner].id}/failoverGroups/${db.sqlFailoverGroups[home].name}`;
  }

  /**
   * Where each data service stands, read from Azure Resource Manager: SQL failover groups (this side's role and the
   * replication state), PostgreSQL servers (state, replica role and replication state, HA state), Cosmos DB accounts
   * (the write region) and Service Bus geo-DR aliases (role, state, pending operations).
   */
  private failoverStates(): FailoverState[] {
    const states: FailoverState[] = [];
    const db = this.database;
    const sqlColumns = [
      { label: 'Role of this server', path: '$.properties.replicationRole' }, { label: 'Replication', path: '$.properties.replicationState' }, { label: 'Failover policy', path: '$.properties.readWriteEndpoint.failoverPolicy' },
    ];
    for (const [home, group] of Object.entries(db?.sqlFailoverGroups ?? {})) {
      // The group as each of its servers sees it: the roles swap on a failover.
      states.push({ title: `Order database failover group (cell ${home}), home server`, resourceId: group.id, apiVersion: '2021-11-01', columns: sqlColumns });
      states.push({ title: `Order database failover group (cell ${home}), partner server`, resourceId: this.partnerFailoverGroupId(home), apiVersion: '2021-11-01', columns: sqlColumns });
    }
    const postgres = (title: string, server: { readonly id: string }) => states.push({ title, resourceId: server.id, apiVersion: '2024-08-01', columns: [
      { label: 'State', path: '$.properties.state' }, { label: 'Replica role', path: '$.properties.replica.role' }, { label: 'Replication', path: '$.properties.replica.replicationState' }, { label: 'High availability', path: '$.properties.highAvailability.state' },
    ] });
    for (const [home, server] of Object.entries(db?.postgresqlServers ?? {})) postgres(`Order database server (cell ${home})`, server);
    for (const [home, byRegion] of Object.entries(db?.postgresqlReplicas ?? {})) for (const [region, replica] of Object.entries(byRegion)) postgres(`Order database replica of cell ${home} in ${region}`, replica);
    for (const [home, account] of Object.entries(this.trackingStore?.cosmosAccounts ?? {})) {
      states.push({ title: `Tracking store (cell ${home})`, resourceId: account.id, apiVersion: '2024-05-15', columns: [
        { label: 'Write region', path: '$.properties.writeLocations[0].locationName' }, { label: 'Multi-region writes', path: '$.properties.enableMultipleWriteLocations' },
      ] });
    }
    const aliasColumns = [{ label: 'Role', path: '$.properties.role' }, { label: 'State', path: '$.properties.provisioningState' }, { label: 'Pending operations', path: '$.properties.pendingReplicationOperationsCount' }];
    for (const [home, alias] of Object.entries(this.eventBus?.geoDrAliases ?? {})) {
      // The alias on both namespaces: after a failover (which breaks the pairing) it lives on the standby only.
      states.push({ title: `Event bus geo-DR alias (cell ${home}), primary namespace`, resourceId: alias.id, apiVersion: '2021-11-01', columns: aliasColumns });
      states.push({ title: `Event bus geo-DR alias (cell ${home}), standby namespace`, resourceId: `${this.eventBus!.standbyNamespaces[home].id}/disasterRecoveryConfigs/${alias.name}`, apiVersion: '2021-11-01', columns: aliasColumns });
    }
    for (const [home, alias] of Object.entries(this.eventBus?.eventHubGeoDrAliases ?? {})) {
      states.push({ title: `Event Hubs geo-DR alias (cell ${home}), primary namespace`, resourceId: alias.id, apiVersion: '2024-01-01', columns: aliasColumns });
      states.push({ title: `Event Hubs geo-DR alias (cell ${home}), standby namespace`, resourceId: `${this.eventBus!.eventHubStandbyNamespaces[home].id}/disasterRecoveryConfigs/${alias.name}`, apiVersion: '2024-01-01', columns: aliasColumns });
    }
    return states;
  }

  /**
   * Warns about test locations the entry refuses (geography routing that rejects unmapped countries): each location's
   * country from the table of Azure's test locations; a location the table does not know cannot be checked.
   */
  private warnUnmappedTestLocations(countries: { readonly [region: string]: readonly string[] }, given: readonly string[] | undefined): void {
    const mapped = new Set(Object.values(countries).flat().map((c) => c.toUpperCase()));
    const locations = given ?? DEFAULT_TEST_LOCATIONS;
    const refused = locations.filter((id) => TEST_LOCATIONS[id] && !mapped.has(TEST_LOCATIONS[id].country)).map((id) => `${id} (${TEST_LOCATIONS[id].region}, ${TEST_LOCATIONS[id].country})`);
    const unknown = locations.filter((id) => !Token.isUnresolved(id) && !TEST_LOCATIONS[id]);
    const where = given ? 'observability.availabilityTests.testLocations' : 'the default test locations';
    if (refused.length > 0) {
      Annotations.of(this).addWarning(`observability.availabilityTests: the entry refuses countries outside entry.geoRouting.countries, and ${where} include ${refused.join(', ')}: every test from there fails. Choose at least 5 locations in the mapped countries (README, "Observability").`);
    }
    if (unknown.length > 0) {
      Annotations.of(this).addWarning(`observability.availabilityTests: the entry refuses countries outside entry.geoRouting.countries, and the country of ${unknown.join(', ')} is not in the library's table of Azure test locations: check that it is a mapped country.`);
    }
  }

  /**
   * The addresses the availability tests request: each service's readiness through the entry (`<service>-entry`:
   * Front Door forwards the path as requested, so under the service's route, `/orders/healthz/ready`; Traffic Manager
   * resolves to a region, which answers `/healthz/ready`), and each region's public origin (`<service>-<region>`).
   * Services behind API Management are tested at their regions only: its gateway refuses requests without a token.
   */
  private availabilityUrls(b: PlatformBuild): { urls: { [key: string]: string }; urlRegions: { [key: string]: string } } {
    const workloads = b.props.workloads;
    const entry = this.entry;
    const urls: { [key: string]: string } = {};
    // Each region's origin test belongs to its region (silencing the region silences it).
    const urlRegions: { [key: string]: string } = {};
    if (!workloads || !entry) return { urls, urlRegions };
    const readiness = (key: ServiceKey) => workloads[key].probes?.readiness ?? HEALTH_ENDPOINTS.readiness;
    const { frontDoor, trafficManager } = entryServices(b.props.entry);
    for (const service of PLATFORM_SERVICES) {
      if (frontDoor.includes(service.key) && entry.endpointHostName && !entry.apiManagement) urls[`${service.key}-entry`] = `https://${entry.endpointHostName}${service.pathPrefix}${readiness(service.key)}`;
      const fqdn = entry.trafficManagerFqdns[service.key];
      if (trafficManager.includes(service.key) && fqdn) urls[`${service.key}-entry`] = `https://${fqdn}${readiness(service.key)}`;
    }
    for (const placement of this.placements) {
      const region = placement.region.name;
      for (const [key, host] of Object.entries(this.publicOrigins?.[region] ?? {})) {
        urls[`${key}-${region}`] = `https://${host}${readiness(key as ServiceKey)}`;
        urlRegions[`${key}-${region}`] = region;
      }
    }
    return { urls, urlRegions };
  }

  /** Builds each region's share of the data stack (resource group, monitoring) and its stamp stack with the stamp's outputs. */
  private buildRegions(b: PlatformBuild): PlatformRegions {
    const { id, props, naming, tags } = b;
    const regionalData: Record<string, RegionalData> = {};
    const regionStacks: Record<string, TerraformStack> = {};
    const stamps: Record<string, RegionalStamp> = {};
    for (const placement of this.placements) {
      const region = placement.region.name;
      // Keyed by region name, never by list position: adding a region never moves another region's addresses.
      regionalData[region] = new RegionalData(this.dataStack, region, {
        naming, placement, monitoring: props.monitoring ?? {}, tags: { ...tags, region, component: 'data' },
      });
      const stack = b.newStack(`${id}-${region}`);
      const stamp = asPlatformProps((prop) => prop, () => new RegionalStamp(stack, 'Stamp', {
        prefix: naming.prefix,
        region,
        role: placement.role,
        zoneRedundant: placement.zoneRedundant,
        addressPlan: this.addressPlan,
        addressIndex: placement.index,
        monitoring: regionalData[region].monitoring,
        // The demand model scales through the KEDA add-on.
        // Each region its own window (staggered, off-peak).
        kubernetes: { ...props.kubernetes, maintenanceWindow: b.maintenance[region].kubernetes, ...(b.demand ? { keda: true } : {}) },
        keyVault: props.keyVault,
        publicIngressPorts: props.workloads && b.publicServices.length > 0 ? [443] : undefined,
        tags,
      }));
      new TerraformOutput(stack, 'ResourceGroupName', { value: stamp.resourceGroupName });
      new TerraformOutput(stack, 'ClusterName', { value: stamp.cluster.name });
      new TerraformOutput(stack, 'OidcIssuerUrl', { value: stamp.cluster.oidcIssuerUrl });
      new TerraformOutput(stack, 'KeyVaultUri', { value: stamp.keyVault.vaultUri });
      regionStacks[region] = stack;
      stamps[region] = stamp;
    }
    return { regionalData, regionStacks, stamps };
  }

  /** Builds the Order database in the data stack, connected to every stamp, with each cell's hosts as outputs. */
  private buildDatabase(options: PlatformDatabaseOptions, shared: DataTierShared, connect: (tier: DataTierConstruct) => void, maintenanceWindows: { [region: string]: MaintenanceWindow } | undefined): ActivePassiveDatabase {
    const database = asPlatformProps(dataTierProp('database'), () => new ActivePassiveDatabase(this.dataStack, 'OrderDatabase', { ...shared, ...options, ...(maintenanceWindows ? { maintenanceWindows } : {}) }));
    connect(database);
    for (const cell of database.cells) {
      new TerraformOutput(this.dataStack, `OrderDb-${cell.homeRegion}-ReadWriteHost`, { value: cell.readWriteHost });
      new TerraformOutput(this.dataStack, `OrderDb-${cell.homeRegion}-ReadOnlyHost`, { value: cell.readOnlyHost });
      if (cell.readPool) new TerraformOutput(this.dataStack, `OrderDb-${cell.homeRegion}-ReadPool`, { value: cell.readPool });
    }
    return database;
  }

  /** Builds the Delivery-tracking store in the data stack, connected to every stamp, with each account's endpoint as an output. */
  private buildTrackingStore(options: PlatformTrackingOptions, shared: DataTierShared, connect: (tier: DataTierConstruct) => void): TrackingStore {
    const tracking = asPlatformProps(dataTierProp('trackingStore'), () => new TrackingStore(this.dataStack, 'TrackingStore', { ...shared, ...options }));
    connect(tracking);
    for (const account of tracking.accounts) new TerraformOutput(this.dataStack, `Tracking-${account.homeRegion}-Endpoint`, { value: account.endpoint });
    return tracking;
  }

  /** Builds the Order cache in the data stack, each cache connected to its region's stamp, with each host as an output. */
  private buildCache(options: PlatformCacheOptions, shared: DataTierShared, connect: (tier: DataTierConstruct) => void): OrderCache {
    const cache = asPlatformProps(dataTierProp('cache'), () => new OrderCache(this.dataStack, 'OrderCache', { ...shared, ...options }));
    connect(cache);
    for (const instance of cache.instances) new TerraformOutput(this.dataStack, `OrderCache-${instance.region}-Host`, { value: instance.host });
    return cache;
  }

  /** Builds the event bus in the data stack, connected to every stamp, with each region's host as an output. */
  private buildEventBus(options: PlatformEventBusOptions, shared: DataTierShared, connect: (tier: DataTierConstruct) => void): EventBus {
    // Event Grid validates its webhook when the subscription is created, so the platform adds the subscriptions in
    // the edge stack, after the workloads and Front Door exist.
    const transport = options.transport?.withDeferredSubscriptions();
    const bus = asPlatformProps(dataTierProp('eventBus'), () => new EventBus(this.dataStack, 'EventBus', { ...shared, ...options, transport }));
    connect(bus);
    for (const endpoint of Object.values(bus.endpoints)) new TerraformOutput(this.dataStack, `EventBus-${endpoint.region}-Host`, { value: endpoint.host });
    return bus;
  }

  /**
   * Builds, when `workloads` is set, each region's workload identities (in its stamp stack) and its `-apps` stack with
   * the workloads; every region's pods must fit its node pools.
   */
  private buildWorkloads(b: PlatformBuild, regions: PlatformRegions, dnsLabels: Record<string, Record<string, string>>): { appsStacks: Record<string, TerraformStack>; workloads: Record<string, OrderWorkloads> } {
    const appsStacks: Record<string, TerraformStack> = {};
    const regionWorkloads: Record<string, OrderWorkloads> = {};
    const scheduling = new Checks(this);
    const workloadOptions = b.props.workloads;
    if (workloadOptions) {
      for (const placement of this.placements) {
        const region = placement.region.name;
        const stamp = regions.stamps[region];
        // Azure side of workload identity in the region stack, with the data-tier roles the services need.
        // KEDA reads the delivery-tracking backlog with an identity of its own, federated with its operator, allowed
        // on the one subscription (and its standby copy) this region scales on. Service Bus only: Event Hubs has no
        // sound KEDA trigger (see EventTransport.eventHubs), so its consumer scales on CPU and schedules.
        const backlog = b.demand && this.eventBus?.transport.backlogScaling ? backlogHome(b.props, placement) : undefined;
        const identities = asPlatformProps((prop) => `workloads.${prop}`, () => new WorkloadIdentities(regions.regionStacks[region], 'WorkloadIdentities', { stamp, prefix: b.naming.prefix, namespace: workloadOptions.namespace, ...(backlog ? { keda: true } : {}) }));
        const { order, tracking } = identities.identities;
        // A regionPinned cell's services are granted only their own cell's data (like its private endpoints).
        const cell = this.pattern.kind === PatternKind.REGION_PINNED ? { regions: [region] } : {};
        this.trackingStore?.grantDataContributor(tracking, { scope: identities, id: 'TrackingDataContributor', ...cell });
        this.eventBus?.grantSend(order, { scope: identities, id: 'OrderEventsSender', ...cell });
        if (this.eventBus?.transport.delivery === 'pull') this.eventBus.grantReceive(tracking, { scope: identities, id: 'OrderEventsReceiver', ...cell });
        if (backlog) this.eventBus!.grantBacklogRead(identities.kedaIdentity!, { scope: identities, id: 'OrderEventsBacklogReader', regions: [backlog] });
        // The Order service's database user in every cell it writes to (activeActive: all of them), as statements to run once.
        this.database?.grantDataAccess(order, { scope: identities, id: 'OrderDbAccess', ...cell });
        // The Order service's access to its own region's cache, as a command to run once (azurerm v4.55 has no resource for it).
        this.cache?.grantDataAccess(order, { scope: identities, id: 'OrderCacheAccess', regions: [region] });

        const apps = b.newStack(`${b.id}-${region}-apps`);
        const workloads = this.regionWorkloads(b, { apps, placement, stamp, identities, publicDnsLabels: dnsLabels[region], monitoring: regions.regionalData[region].monitoring });
        // The pods must fit the stamp's node pools at the minimum and at the maximum, each with a rolling surge.
        checkScheduling(scheduling, region, stamp, workloads);
        regionWorkloads[region] = workloads;
        appsStacks[region] = apps;
      }
    }
    scheduling.throwIfAny();
    return { appsStacks, workloads: regionWorkloads };
  }

  /**
   * Builds a region's `-apps` stack content: the kubernetes provider, configured from the existing cluster (a data
   * source, never a resource created in the same apply) and, with local accounts disabled, authenticating through
   * kubelogin (Entra ID) as the identity the deployer runs azurerm with; then the workloads.
   */
  private regionWorkloads(b: PlatformBuild, r: RegionApps): OrderWorkloads {
    const { apps, placement, stamp } = r;
    const workloadOptions = b.props.workloads!;
    const cluster = new DataAzurermKubernetesCluster(apps, 'Cluster', { name: stamp.cluster.name, resourceGroupName: stamp.resourceGroupName });
    new KubernetesProvider(apps, 'Kubernetes', {
      host: cluster.kubeConfig.get(0).host,
      clusterCaCertificate: Fn.base64decode(cluster.kubeConfig.get(0).clusterCaCertificate),
      exec: [kubeloginExec(stamp.deployerLogin)],
    });
    const passive = placement.role === RegionRole.PASSIVE;
    // Peaks in the demand model's time zone, else in the region's own (its customers' local time).
    const scaling = b.demand ? regionScaling(b.demand, placement, workloadOptions, placement.region.timeZone, this.backlogSource(placement, r.identities)) : undefined;
    return asPlatformProps((prop) => (/^(order|tracking|namespace|standby)/.test(prop) ? `workloads.${prop}` : prop), () => new OrderWorkloads(apps, 'Workloads', {
      region: placement.region.name,
      role: placement.role,
      ...(passive ? { standby: b.props.pattern.standby, standbyActive: workloadOptions.standbyActive, standbyMinReplicas: workloadOptions.standbyMinReplicas } : {}),
      namespace: workloadOptions.namespace,
      order: scaling?.order ?? workloadOptions.order,
      tracking: scaling?.tracking ?? workloadOptions.tracking,
      ...(scaling ? { keda: scaling.keda } : {}),
      identities: r.identities,
      ingress: stamp.ingress,
      publicServices: b.publicServices,
      publicDnsLabels: r.publicDnsLabels,
      privateEndpointsCidr: stamp.addresses.privateEndpoints,
      config: this.workloadConfig(placement, r.monitoring, r.identities.names.order),
    }));
  }

  /**
   * Where a region's Delivery-tracking consumer reads its backlog: the namespace (or geo-DR alias) its endpoint names,
   * read with the KEDA identity; none without a Service Bus event bus in that region (Event Hubs has no backlog trigger).
   */
  private backlogSource(placement: RegionPlacement, identities: WorkloadIdentities): Omit<ServiceBusBacklog, 'messagesPerPod'> | undefined {
    const endpoint = this.eventBus?.endpoints[placement.region.name];
    if (!endpoint?.subscription || !identities.kedaIdentity || !this.eventBus?.transport.backlogScaling) return undefined;
    return { namespace: Fn.element(Fn.split('.', endpoint.host), 0), topic: endpoint.topic, subscription: endpoint.subscription, identityClientId: identities.kedaIdentity.clientId };
  }

  /**
   * Builds the `<id>-edge` stack after every `-apps` stack: the global entry over every stamp's ingress, its outputs,
   * and the Event Grid subscriptions when the event bus uses Event Grid.
   */
  private buildEdge(b: PlatformBuild, regions: PlatformRegions, appsStacks: Record<string, TerraformStack>, derivedPublicOrigins: GlobalEntryProps['publicOrigins']): { stack: TerraformStack; entry: GlobalEntry } {
    const { props } = b;
    const edgeStack = b.newStack(`${b.id}-edge`);
    Object.values(appsStacks).forEach((apps) => edgeStack.addDependency(apps));
    const entry = asPlatformProps((prop) => (prop === 'regions' || prop.startsWith('ingress') ? prop : `entry.${prop}`), () => new GlobalEntry(edgeStack, 'Entry', {
      ...props.entry,
      publicOrigins: props.entry?.publicOrigins ?? derivedPublicOrigins,
      healthProbePath: props.entry?.healthProbePath ?? (props.workloads ? this.readinessPath(props.workloads, probedServices(props.entry)) : undefined),
      prefix: b.naming.prefix,
      pattern: props.pattern,
      regions: props.regions,
      ingress: Object.values(regions.stamps).map((stamp) => stamp.ingress),
      monitoring: regions.regionalData[this.placements[0].region.name].monitoring,
      createResourceGroup: true,
      tags: b.tags,
    }));
    if (entry.endpointHostName) new TerraformOutput(edgeStack, 'FrontDoorHostName', { value: entry.endpointHostName });
    for (const [service, fqdn] of Object.entries(entry.trafficManagerFqdns)) new TerraformOutput(edgeStack, `TrafficManager-${service}-Fqdn`, { value: fqdn });
    if (entry.privateLinkApprovals.length > 0) {
      new TerraformOutput(edgeStack, 'PrivateLinkServicesToApprove', { value: entry.privateLinkApprovals.map((a) => a.privateLinkServiceId) });
    }
    const webhook = this.eventBus?.transport.webhook;
    if (this.eventBus && webhook) {
      // Event Grid validates the webhook when a subscription is created: the subscriptions come with the edge stack,
      // and only once `subscribe` is on (after the Private Link connections are approved).
      // The Front Door endpoint's own host always exists and carries Azure's certificate; a custom domain may not be
      // validated yet, and following the first one would repeat Event Grid's handshake whenever the list changes.
      const host = entry.endpointHostName;
      const url = webhook.url ?? (host ? `https://${host}${TRACKING_EVENTS_PATH}` : undefined);
      this.eventBus.addWebhookSubscriptions(new Construct(edgeStack, 'EventGrid'), url);
    }
    return { stack: edgeStack, entry };
  }

  /**
   * Checks that span the platform's parts (each part checks its own props): options that one part would ignore or that
   * could not work with another part.
   */
  private checkComposition(props: MultiRegionOrderPlatformProps): { demand?: PlatformDemand; maintenance: { readonly [region: string]: PlannedMaintenance } } {
    const checks = new Checks(this);
    const demand = checkPlatformDemand(checks, props);
    // Peaks that failed their checks are reported already; the windows are planned around the sound ones.
    const peaks = demand && !checks.failed('demand.peaks') ? props.demand!.peaks : [];
    const maintenance = planMaintenance(checks, props, this.placements, peaks, demand?.demand.timeZone);
    const entry = props.entry;
    const { frontDoor: fdServices } = entryServices(entry);
    const privateLinkOrigins = fdServices.length > 0 && !entry?.apiManagement && (entry?.frontDoor?.privateLink ?? true);
    if (!props.workloads && entry && privateLinkOrigins) {
      checks.fail({
        prop: 'entry', value: Object.keys(entry),
        problem: "Front Door's Private Link origins are the Private Link Services the workloads' Services create, and there are no workloads: the edge stack would look them up and fail on apply",
        fix: 'add workloads, or set entry.frontDoor.privateLink: false with publicOrigins, or serve the services with trafficManager',
      });
    }
    const activePassive = props.pattern.kind === PatternKind.ACTIVE_PASSIVE;
    for (const key of ['standbyMinReplicas', 'standbyActive'] as const) {
      if (props.workloads?.[key] !== undefined && !activePassive) {
        checks.fail({ prop: `workloads.${key}`, value: props.workloads[key], problem: `only activePassive has a standby region, and this platform is ${props.pattern.kind}, so the setting would be ignored`, fix: `drop ${key}` });
      }
    }
    if (props.workloads?.standbyMinReplicas !== undefined && props.pattern.standby === 'pilot-light') {
      checks.fail({ prop: 'workloads.standbyMinReplicas', value: props.workloads.standbyMinReplicas, problem: 'a pilot-light standby runs no replicas, so the setting would be ignored', fix: "drop standbyMinReplicas, or use RedundancyPattern.activePassive({ standby: 'warm' })" });
    }
    if (props.kubernetes?.deployerLogin !== undefined && !props.workloads) {
      checks.fail({ prop: 'kubernetes.deployerLogin', value: props.kubernetes.deployerLogin, problem: 'only the -apps stacks log in to the clusters, and there are no workloads, so the setting would be ignored', fix: 'drop deployerLogin, or add workloads' });
    }
    if (props.subscriptionId !== undefined) {
      checks.run(undefined, () => checkGuid(this, 'subscriptionId', props.subscriptionId!, 'an Azure subscription ID', 'use the subscription ID: az account show --query id -o tsv'));
    }
    // The entry probes each service it reaches directly on the path the workloads answer readiness on.
    if (props.workloads) {
      const probed = probedServices(entry);
      const paths = new Map(probed.map((key) => [key, props.workloads![key].probes?.readiness ?? HEALTH_ENDPOINTS.readiness]));
      const given = entry?.healthProbePath;
      for (const [key, path] of paths) {
        if (given !== undefined && given !== path) {
          checks.fail({ prop: 'entry.healthProbePath', value: given, problem: `the ${key} service answers readiness on ${path}, so the entry would probe a path the service does not use for readiness`, fix: `drop entry.healthProbePath (it follows the workloads), or set it to ${path}` });
        }
      }
      if (given === undefined && new Set(paths.values()).size > 1) {
        checks.fail({ prop: 'workloads.tracking.probes.readiness', value: paths.get('tracking'), problem: `the entry probes every service on one path, and the services' readiness paths differ (${[...paths].map(([k, p]) => `${k}: ${p}`).join(', ')})`, fix: 'give both services the same readiness path' });
      }
    }
    checkObservability(this, checks, props);
    const transport = props.eventBus?.transport;
    // The platform rebuilds an Event Grid transport for the edge stack: check the options as given first.
    if (transport) checks.run(undefined, () => transport.checkOptions(this, 'eventBus.transport'));
    const webhook = transport?.webhook;
    if (webhook && !checks.failed('eventBus.transport')) {
      if (entry?.apiManagement) {
        checks.fail({ prop: 'eventBus.transport', value: 'eventGrid', problem: "Event Grid's webhook handshake and deliveries would reach the tracking service through API Management, whose validate-jwt policy refuses them", fix: 'use EventTransport.serviceBus() (the default), or drop apiManagement' });
      }
      if (webhook.deferSubscriptions !== undefined) {
        checks.fail({ prop: 'eventBus.transport.deferSubscriptions', value: webhook.deferSubscriptions, problem: 'the platform always creates the subscriptions in the edge stack, so the setting would be ignored', fix: 'drop deferSubscriptions' });
      }
      if (webhook.url === undefined && webhook.subscribe && (!fdServices.includes('tracking') || !(props.workloads || entry))) {
        checks.fail({ prop: 'eventBus.transport.webhookUrl', value: undefined, problem: 'the webhook is derived from the Front Door entry that serves the tracking service, and there is none', fix: "set webhookUrl to the tracking service's HTTPS endpoint" });
      }
      const url = webhook.url;
      const customDomains = entry?.frontDoor?.customDomains ?? [];
      const m = url && !Token.isUnresolved(url) ? /^https:\/\/([^/:]+)(\/[^?#]*)?/.exec(url) : null;
      if (m && customDomains.includes(m[1]) && !(m[2] ?? '/').startsWith(`${PLATFORM_SERVICES.find((s) => s.key === 'tracking')!.pathPrefix}/`)) {
        checks.fail({ prop: 'eventBus.transport.webhookUrl', value: url, problem: `Front Door forwards only the services' paths, and this path is not under the tracking route`, fix: `use https://${m[1]}${TRACKING_EVENTS_PATH}` });
      }
    }
    checks.throwIfAny();
    return { demand, maintenance };
  }

  /**
   * The readiness path the entry probes: that of the services it probes (they must agree; `checkComposition` says so
   * otherwise). With none probed (Front Door behind API Management probes the gateway), the order service's.
   */
  private readinessPath(workloads: PlatformWorkloadOptions, probed: readonly ServiceKey[]): string {
    return workloads[probed[0] ?? 'order'].probes?.readiness ?? HEALTH_ENDPOINTS.readiness;
  }

  /**
   * The environment of each service in a region, by region role (the README's wiring by role): where the Order
   * service writes and reads, the tracking account and preferred regions, the event bus host, the telemetry sink. Only
   * keys of the environment contract (common/environment-contract.ts) type-check here.
   */
  private workloadConfig(placement: RegionPlacement, monitoring: RegionalMonitoring, orderUser: string): WorkloadConfig {
    const region = placement.region.name;
    const common: ServiceEnvironment = { APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.appInsightsConnectionString };
    const order: ServiceEnvironment = { ...common };
    const tracking: ServiceEnvironment = { ...common };
    const db = this.database;
    if (db) {
      const kind = this.pattern.kind;
      // Own cell under activeActive and regionPinned; the single cell otherwise.
      const cell = kind === PatternKind.ACTIVE_ACTIVE || kind === PatternKind.REGION_PINNED ? db.cell(region) : db.cells[0];
      order.ORDER_DB_ENGINE = db.engine.name;
      order.ORDER_DB_NAME = cell.databaseName;
      // The database user `grantDataAccess` creates for the Order identity (see buildWorkloads).
      order.ORDER_DB_USER = orderUser;
      // Writes always go to the read-write name, which follows a failover.
      order.ORDER_DB_WRITE_HOST = cell.readWriteHost;
      // Reads: the secondary of primarySecondary reads its local replica through the read-only name; activeActive
      // reads its own copy; everyone else reads where they write.
      order.ORDER_DB_READ_HOST = placement.role === RegionRole.SECONDARY ? cell.readOnlyHost
        : kind === PatternKind.ACTIVE_ACTIVE ? cell.serverHosts[region] : cell.readWriteHost;
      // PostgreSQL read pool: the home region's in-region replicas of its own cell (no other region reads them).
      if (cell.readPool && cell.homeRegion === region) order.ORDER_DB_READ_POOL = cell.readPool.join(',');
      // Azure SQL read scale-out: read connections ask for a readable replica wherever they connect.
      if (cell.readIntent) order.ORDER_DB_READ_INTENT = cell.readIntent;
      if (kind === PatternKind.ACTIVE_ACTIVE) {
        // Every cell's local read copy in this region (the readable secondaries).
        order.ORDER_DB_CELLS = JSON.stringify(db.cells.map((c) => ({ home: c.homeRegion, database: c.databaseName, readHost: c.serverHosts[region], writeHost: c.readWriteHost })));
      }
    }
    if (this.trackingStore) {
      const { account, preferredRegions } = this.trackingStore.accountFor(region);
      Object.assign(tracking, {
        TRACKING_COSMOS_ENDPOINT: account.endpoint,
        TRACKING_COSMOS_DATABASE: account.databaseName,
        TRACKING_DELIVERIES_CONTAINER: account.deliveriesContainer,
        TRACKING_LEASES_CONTAINER: account.leasesContainer,
        TRACKING_PREFERRED_REGIONS: preferredRegions.map((r) => Regions.tryFind(r)?.displayName ?? r).join(','),
      } satisfies ServiceEnvironment);
    }
    if (this.cache) {
      // Every region reads its own cache (activeActive's are one geo-replication group; the others' are independent).
      const cache = this.cache.cacheFor(region);
      Object.assign(order, { ORDER_CACHE_HOST: cache.host, ORDER_CACHE_PORT: String(cache.port), ORDER_CACHE_CLUSTERING_POLICY: this.cache.clusteringPolicy } satisfies ServiceEnvironment);
    }
    const events = this.eventBus?.endpoints[region];
    if (events) {
      const bus: ServiceEnvironment = { EVENTS_TRANSPORT: this.eventBus!.transport.environmentName, EVENTS_HOST: events.host, EVENTS_TOPIC: events.topic };
      Object.assign(order, bus);
      Object.assign(tracking, bus, events.subscription ? { EVENTS_SUBSCRIPTION: events.subscription } satisfies ServiceEnvironment : {});
      if (events.kafkaBootstrap) [order, tracking].forEach((env) => (env.EVENTS_KAFKA_BOOTSTRAP = events.kafkaBootstrap));
      // Event Grid pushes to the tracking service's webhook, under its route.
      const webhook = this.eventBus!.transport.webhook;
      if (webhook && !webhook.url) tracking.EVENTS_WEBHOOK_PATH = TRACKING_EVENTS_PATH;
    }
    return { order, tracking };
  }
}

/** What the parts of the platform are built with. */
interface PlatformBuild {
  /** The platform id, which starts every stack name. */
  readonly id: string;
  readonly props: MultiRegionOrderPlatformProps;
  readonly naming: Naming;
  readonly tags: Tags;
  /** Services behind public load balancers. */
  readonly publicServices: ServiceKey[];
  /** The demand model, checked, with each service's capacity. */
  readonly demand?: PlatformDemand;
  /** Each region's maintenance windows. */
  readonly maintenance: { readonly [region: string]: PlannedMaintenance };
  /** A new stack of the app (see `newStack`). */
  readonly newStack: (name: string, resourceProvidersToRegister?: string[]) => PlatformStack;
}

/** The per-region parts, by region name. */
interface PlatformRegions {
  readonly regionalData: Record<string, RegionalData>;
  readonly regionStacks: Record<string, TerraformStack>;
  readonly stamps: Record<string, RegionalStamp>;
}

/** What a region's `-apps` stack is built from. */
interface RegionApps {
  readonly apps: TerraformStack;
  readonly placement: RegionPlacement;
  readonly stamp: RegionalStamp;
  readonly identities: WorkloadIdentities;
  readonly publicDnsLabels: Record<string, string>;
  /** The region's monitoring sink (its Application Insights connection string goes into the services' environment). */
  readonly monitoring: RegionalMonitoring;
}

/** The props every data-tier construct of the platform shares. */
interface DataTierShared {
  readonly prefix: string;
  readonly pattern: RedundancyPattern;
  readonly regions: string[];
  readonly resourceGroupNames: { [region: string]: string };
  readonly monitoring: { [region: string]: RegionalMonitoring };
  readonly tags: Tags;
}

/**
 * A stack of the platform, a child of the App rather than of the platform. cdktf writes each stack's dependencies into
 * manifest.json as construct paths ('orders/orders-data') while cdktf-cli matches them against stack names
 * ('orders-data') (@cdktf/cli-core src/lib/helpers/stack-helpers.js; hashicorp/terraform-cdk#2976): with nested
 * stacks, `cdktf deploy 'orders-*'` stops with "dependencies are not included in the stacks to run".
 */
function newStack(platform: Construct, id: string, name: string, props: PlatformStackProps): PlatformStack {
  const existing = platform.node.root.node.tryFindChild(name);
  if (existing) {
    throw new ValidationError({ scope: platform, prop: 'id', value: id, problem: `the app already has a construct named '${name}' (${existing.node.path}), and stack names must be unique in an app`, fix: 'give each platform of the app its own id' });
  }
  const stack = new PlatformStack(platform.node.root, name, props);
  // Names hash the construct path; the stacks were once children of the platform, so keep naming by that path.
  keepNamingPath(stack, `${platform.node.path}/${name}`);
  return stack;
}

/** Records a region whose workloads do not fit its node pools (`checkSchedulability`). */
function checkScheduling(checks: Checks, region: string, stamp: RegionalStamp, workloads: OrderWorkloads): void {
  const report = checkSchedulability(stamp.nodePools, workloads.podGroups);
  if (report.unknownVmSizes.length > 0) {
    Annotations.of(workloads).addWarning(`Node capacity is not checked for VM size(s) ${report.unknownVmSizes.join(', ')}: the scheduling model knows the D, E and F families.`);
  }
  for (const scenario of report.scenarios.filter((s) => !s.fits)) {
    const user = stamp.nodePools.find((p) => p.name === 'user')!;
    checks.fail({
      prop: 'kubernetes.userPool', value: { region, vmSize: user.vmSize, minCount: user.minCount, maxCount: user.maxCount },
      problem: `in ${region} the workloads do not fit the user node pool at its ${scenario.name} (${Object.entries(scenario.nodes).map(([k, n]) => `${k}: ${n}`).join(', ')}); pods stay Pending: ${scenario.pending.join('; ')}`,
      fix: scenario.pending.some((p) => p.includes('no number of nodes helps')) ? "use a larger kubernetes.userPool.vmSize, or lower the service's resources"
        : scenario.name === 'minimum' ? "raise kubernetes.userPool.minCount, or lower the services' minReplicas or resources"
          : "raise kubernetes.userPool.maxCount or use a larger vmSize, or lower the services' maxReplicas (or a blue-green idleReplicas)",
    });
  }
}

/** Checks of `observability` that span the platform: settings that would be ignored, and the health names. */
function checkObservability(platform: Construct, checks: Checks, props: MultiRegionOrderPlatformProps): void {
    const observability = props.observability;
    if (observability?.enabled === false) {
      const ignored = Object.keys(observability).filter((key) => key !== 'enabled');
      if (ignored.length > 0) checks.fail({ prop: 'observability', value: ignored, problem: 'observability is disabled, so these settings would be ignored', fix: `drop ${ignored.join(', ')}, or enabled: false` });
    }
    const tests = observability?.availabilityTests;
    if (tests && observability?.enabled !== false) {
      const ignored = Object.keys(tests).filter((key) => key !== 'enabled');
      if (tests.enabled === false && ignored.length > 0) {
        checks.fail({ prop: 'observability.availabilityTests', value: ignored, problem: 'availability tests are disabled, so these settings would be ignored', fix: `drop ${ignored.join(', ')}, or enabled: false` });
      } else if (tests.enabled !== false && (ignored.length > 0 || tests.enabled === true) && !props.workloads) {
        checks.fail({ prop: 'observability.availabilityTests', value: Object.keys(tests), problem: "the availability tests request the services' readiness paths, and there are no workloads, so there is nothing to test", fix: 'drop availabilityTests, or add workloads' });
      }
    }
    const health = observability?.health;
    if (health && observability?.enabled !== false) {
      if (health.enabled === false && health.names !== undefined) {
        checks.fail({ prop: 'observability.health.names', value: health.names, problem: 'the health workbook and dashboard are disabled, so the names would be ignored', fix: 'drop names, or enabled: false' });
      }
      const workbook = health.names?.workbook;
      if (workbook !== undefined && !WORKBOOK_NAME.test(workbook)) {
        // application_insights_workbook_resource.go: name is a UUID without upper-case letters.
        checks.fail({ prop: 'observability.health.names.workbook', value: workbook, problem: 'Azure names a workbook by a lower-case UUID', fix: "give the existing workbook's name, e.g. '4b2c1f5e-8d3a-5e6f-9a1b-2c3d4e5f6a7b'" });
      }
      const dashboard = health.names?.dashboard;
      if (dashboard !== undefined) checks.run(undefined, () => ResourceKind.PORTAL_DASHBOARD.validate(platform, 'observability.health.names.dashboard', dashboard));
    }
}

/** The planned PostgreSQL windows by region, when the platform sets them. */
function databaseWindows(plan: { readonly [region: string]: PlannedMaintenance }): { [region: string]: MaintenanceWindow } | undefined {
  const windows = Object.entries(plan).flatMap(([region, p]) => (p.database ? [[region, p.database] as const] : []));
  return windows.length > 0 ? Object.fromEntries(windows) : undefined;
}

/** The tracking store's options with the deliveries container's autoscale maximum from the demand model, unless given. */
function withDemandThroughput(options: PlatformTrackingOptions, demand: PlatformDemand | undefined): PlatformTrackingOptions {
  const ru = demand?.cosmosMaxThroughput;
  if (ru === undefined || options.deliveries?.maxThroughput !== undefined) return options;
  return { ...options, deliveries: { ...options.deliveries, maxThroughput: ru } };
}

/** A data-tier part's prop as the platform's: `regions` is the platform's own, the rest are the part's options (`database.engine`). */
function dataTierProp(part: string): (prop: string) => string {
  return (prop) => (prop === 'regions' ? prop : `${part}.${prop}`);
}

/**
 * Builds a part of the platform, reporting its violations under the platform's own prop names (`workloads.order.image`,
 * `database.engine.skuName`), with the path of the part that found them.
 */
function asPlatformProps<T>(rename: (prop: string) => string, build: () => T, renameFix: (fix: string) => string = (fix) => fix): T {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw ValidationError.combine(e.violations.map((v) => new ValidationError({ scope: v.constructPath, prop: rename(v.prop), value: v.value, problem: v.problem, fix: renameFix(v.fix) })));
  }
}

/** The props of `Observability` that the platform takes under `observability`, named as the platform's in the fixes of its errors (`set observability.thresholds.x ...`). */
const OBSERVABILITY_TEXT_PROPS = /(^|[\s(,])(thresholds|contacts|availabilityTests|silencedRegions|severities|runbookUrl|names)(?=[.\s,)]|$)/g;

