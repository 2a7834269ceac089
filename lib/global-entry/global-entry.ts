import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { CdnFrontdoorCustomDomain } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-custom-domain';
import { CdnFrontdoorEndpoint } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-endpoint';
import { CdnFrontdoorFirewallPolicy, CdnFrontdoorFirewallPolicyCustomRule } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-firewall-policy';
import { CdnFrontdoorOrigin } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin';
import { CdnFrontdoorOriginGroup } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin-group';
import { CdnFrontdoorProfile } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-profile';
import { CdnFrontdoorRoute } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-route';
import { CdnFrontdoorRule } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-rule';
import { CdnFrontdoorRuleSet } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-rule-set';
import { CdnFrontdoorSecurityPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-security-policy';
import { DataAzurermPrivateLinkService } from '@cdktf/provider-azurerm/lib/data-azurerm-private-link-service';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { TrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
import { TrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
import { ValidationError } from '../core/errors';
import { Naming, ResourceKind } from '../core/naming';
import { PatternKind, RedundancyPattern, RegionPlacement } from '../core/pattern';
import { Regions } from '../core/regions';
import { checkIngressAddresses, RegionalIngress } from '../shared/regional-ingress';
import { frontDoorServicesByDefault } from '../shared/service-exposure';
import { HEALTH_ENDPOINTS, PLATFORM_SERVICES, PlatformServiceSpec, ServiceKey } from '../core/services';
import { mergeTags, Tags } from '../core/tags';
import { checkFormat, checkInteger, checkOneOf, checkRegionKeys, checkShape, Checks, IPV4, pascal } from '../core/validate';
import { addDiagnostics } from '../monitoring/diagnostics';
import { IRegionalMonitoring } from '../monitoring/regional-monitoring';
import { API_MANAGEMENT_STATUS_PATH, ApiManagementGateway } from './api-management';
import { FrontDoorOptions, GeoRoutingOptions, GlobalEntryProps } from './global-entry-types';
import { GLOBAL_ENTRY_SHAPE } from './shapes';

/** A Private Link connection Front Door requests and someone must approve (azurerm cannot). */
export interface PrivateLinkApproval {
  /** Region of the origin. */
  readonly region: string;
  /** Service whose origin it is. */
  readonly service: ServiceKey;
  /** The Private Link Service whose pending connection needs approval. */
  readonly privateLinkServiceId: string;
}

/**
 * What a metric alert on the Front Door profile's origin health needs (the scope, metric and threshold of an
 * `azurerm_monitor_metric_alert`); the library creates no alert itself.
 */
export interface OriginHealthAlertHook {
  /** Resource ID of the Front Door profile (the alert's scope). */
  readonly scopeId: string;
  /** Metric namespace (`Microsoft.Cdn/profiles`). */
  readonly metricNamespace: string;
  /** Metric name (`OriginHealthPercentage`). */
  readonly metricName: string;
  /** Alert when origin health drops below this percentage. */
  readonly threshold: number;
}

/**
 * Front Door's request-method condition knows GET, POST, PUT, DELETE, HEAD, OPTIONS and TRACE, not PATCH: writes are
 * matched as "not a read" so PATCH goes to the write group too.
 */
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Regions where Front Door Private Link is offered (Microsoft Learn, "Secure your origin with Private Link in Azure
 * Front Door Premium", region availability; the list grows, so `privateLinkLocations` accepts any catalog region).
 */
export const FRONT_DOOR_PRIVATE_LINK_REGIONS: readonly string[] = [
  'brazilsouth', 'canadacentral', 'centralus', 'eastus', 'eastus2', 'southcentralus', 'westus3',
  'francecentral', 'germanywestcentral', 'northeurope', 'norwayeast', 'uksouth', 'westeurope', 'swedencentral',
  'southafricanorth', 'australiaeast', 'centralindia', 'japaneast', 'koreacentral', 'eastasia',
];
const COUNTRY = /^[A-Z]{2}$/;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** A host name or an IPv4 address. */
const PUBLIC_HOST = { test: (value: string) => HOST.test(value) || IPV4.test(value) };

/**
 * The global entry: Azure Front Door Premium with a WAF policy and pattern-aware routing (default), or Traffic
 * Manager for some services.
 *
 * | pattern | Front Door | Traffic Manager |
 * |---|---|---|
 * | zoneRedundant | one origin per service | Priority, one endpoint |
 * | primarySecondary | reads latency-routed to both regions; writes to a write origin group, primary 1 / secondary 2 (rule set on the request method) | Priority |
 * | activePassive | one origin group, active 1 / passive 2 | Priority |
 * | activeActive | equal priority, weights | Performance, or Weighted with weights |
 * | regionPinned | each country set to its cell (rule set on the client's country); no cross-cell fallback unless allowed | Geographic (+ WORLD unless rejected) |
 */
export class GlobalEntry extends Construct {
  /** The Front Door profile, when any service uses Front Door. */
  public readonly profile?: CdnFrontdoorProfile;
  /** The Front Door endpoint's host name (`<endpoint>-<hash>.z01.azurefd.net`). */
  public readonly endpointHostName?: string;
  /** Private Link connections to approve after the first deploy (see the README). */
  public readonly privateLinkApprovals: readonly PrivateLinkApproval[];
  /** Traffic Manager DNS names by service. */
  public readonly trafficManagerFqdns: { readonly [service: string]: string };
  /** What an origin-health metric alert needs (Front Door only; see `OriginHealthAlertHook`). */
  public readonly originHealthAlert?: OriginHealthAlertHook;
  /** The API Management service, when `apiManagement` is set. */
  public readonly apiManagement?: ApiManagement;
  /** Custom domains on the Front Door endpoint. */
  public readonly customDomains: readonly string[];
  private readonly naming: Naming;
  private readonly placements: readonly RegionPlacement[];
  private readonly tags: Tags;
  private readonly resourceGroupName: string;
  private readonly approvals: PrivateLinkApproval[] = [];

  constructor(scope: Construct, id: string, props: GlobalEntryProps) {
    super(scope, id);
    checkShape(this, '', props, GLOBAL_ENTRY_SHAPE);
    this.naming = new Naming(Naming.validatePrefix(this, 'prefix', props.prefix));
    this.placements = props.pattern.place(this, props.regions);
    const checks = new Checks(this);
    this.tags = checks.run({}, () => mergeTags(this, 'tags', { 'managed-by': 'cdktf-order-platform', component: 'global-entry', pattern: props.pattern.kind }, props.tags));
    const ingress = checks.run(new Map<string, RegionalIngress>(), () => this.checkIngress(props.ingress));
    const healthPath = props.healthProbePath ?? HEALTH_ENDPOINTS.readiness;
    if (!/^\/[^\s?#]*$/.test(healthPath)) {
      checks.fail({ prop: 'healthProbePath', value: healthPath, problem: "a probe path starts with '/' and has no spaces, query or fragment", fix: `use e.g. '${HEALTH_ENDPOINTS.readiness}'` });
    }
    const weights = checks.run(new Map<string, number>(), () => this.checkWeights(props.pattern, props.weights));
    const geo = checks.run(undefined, () => this.checkGeoRouting(props.pattern, props.geoRouting));

    // Which services each entry serves: Traffic Manager's explicitly, Front Door the rest; never both for one path.
    const tm = props.trafficManager;
    const tmServices = tm ? checks.run([], () => this.checkServices('trafficManager.services', tm.services)) : [];
    const fdServices = props.frontDoor?.services
      ? checks.run(frontDoorServicesByDefault(tmServices), () => this.checkServices('frontDoor.services', props.frontDoor!.services!))
      : frontDoorServicesByDefault(tmServices);
    const both = fdServices.filter((s) => tmServices.includes(s));
    if (both.length > 0) {
      checks.fail({ prop: 'trafficManager.services', value: both, problem: 'Front Door and Traffic Manager would both serve these paths; Microsoft advises against chaining them', fix: 'give each service to one entry only' });
    }
    const apim = props.apiManagement;
    if (apim && fdServices.length === 0) {
      checks.fail({ prop: 'apiManagement', value: apim.publisherName, problem: 'API Management sits behind Front Door, and Front Door serves no service here', fix: 'give Front Door at least one service, or drop apiManagement' });
    }
    if (props.frontDoor && fdServices.length === 0) {
      checks.fail({ prop: 'frontDoor', value: Object.keys(props.frontDoor), problem: 'Traffic Manager serves every service, so the Front Door settings would be ignored', fix: 'drop frontDoor, or give Front Door a service' });
    }
    // Behind API Management, Front Door's origins are the gateways, and the gateways reach the public origins.
    const usePrivateLink = !apim && (props.frontDoor?.privateLink ?? true);
    if (apim && props.frontDoor?.privateLink === true) {
      checks.fail({ prop: 'frontDoor.privateLink', value: true, problem: "behind API Management Front Door's origins are the gateways, which have no Private Link Service", fix: 'drop frontDoor.privateLink, or drop apiManagement' });
    }
    const publicNeeded = [...tmServices, ...(usePrivateLink ? [] : fdServices)];
    if (publicNeeded.length > 0 && !props.publicOrigins) {
      const why = tmServices.length > 0 ? 'Traffic Manager resolves clients to public endpoints'
        : apim ? 'API Management outside a VNet reaches its backends over public addresses' : 'frontDoor.privateLink is false, so Front Door needs public origins';
      checks.fail({ prop: 'publicOrigins', value: undefined, problem: `${why}, and no public origins were given`, fix: "set publicOrigins: { <region>: { order: 'orders-westus3.example.com', tracking: '...' } }" });
    } else if (publicNeeded.length === 0 && props.publicOrigins) {
      checks.fail({ prop: 'publicOrigins', value: Object.keys(props.publicOrigins), problem: 'every service is reached over Private Link, so public origins would be ignored', fix: 'drop publicOrigins, or set frontDoor.privateLink: false' });
    }
    const publicOrigins = checks.run(undefined, () => this.checkPublicOrigins(props.publicOrigins, publicNeeded));
    const frontDoor = fdServices.length > 0 ? this.checkFrontDoor(checks, props.frontDoor ?? {}, fdServices, usePrivateLink && !apim) : undefined;
    const trafficManager = tm && tmServices.length > 0 ? {
      ttl: checks.integer('trafficManager.dnsTtlSeconds', tm.dnsTtlSeconds ?? 30, 0, 2147483647, 'DNS TTL', 30),
      interval: checks.oneOf('trafficManager.probeIntervalSeconds', tm.probeIntervalSeconds ?? 30, [30, 10]),
    } : undefined;
    const apimChecked = apim ? ApiManagementGateway.check(checks, this, apim, this.placements) : undefined;
    if (props.resourceGroupName !== undefined) checks.run(undefined, () => ResourceKind.RESOURCE_GROUP.validate(this, 'resourceGroupName', props.resourceGroupName!));
    checks.throwIfAny();

    this.resourceGroupName = props.resourceGroupName ?? new ResourceGroup(this, 'ResourceGroup', {
      name: this.naming.name(this, ResourceKind.RESOURCE_GROUP, { qualifier: `edge-${this.placements[0].region.name}` }),
      location: this.placements[0].region.name,
      tags: this.tags,
    }).name;

    const gateway = apimChecked ? new ApiManagementGateway(this, apimChecked, this.placements, this.naming, this.resourceGroupName, this.tags) : undefined;
    if (frontDoor) {
      // Behind API Management, Front Door probes the gateway's own health endpoint (the services' readiness is
      // probed by Kubernetes and, for Traffic Manager, by its monitor).
      const fdProbePath = gateway ? API_MANAGEMENT_STATUS_PATH : healthPath;
      const fd = this.buildFrontDoor(frontDoor, fdServices, ingress, publicOrigins, usePrivateLink, fdProbePath, weights, geo, props.pattern, props.monitoring, gateway?.regionalHosts);
      gateway?.addApis(fdServices, publicOrigins!, fd.profile.resourceGuid);
      this.apiManagement = gateway?.service;
      this.profile = fd.profile;
      this.endpointHostName = fd.hostName;
      this.customDomains = frontDoor.domains;
      this.originHealthAlert = { scopeId: fd.profile.id, metricNamespace: 'Microsoft.Cdn/profiles', metricName: 'OriginHealthPercentage', threshold: 80 };
    } else {
      this.customDomains = [];
    }
    this.trafficManagerFqdns = trafficManager ? this.buildTrafficManager(trafficManager, tmServices, publicOrigins!, healthPath, weights, geo, props.pattern) : {};
    this.privateLinkApprovals = this.approvals;
  }

  /** The Front Door options, checked; Private Link locations resolved per region. */
  private checkFrontDoor(checks: Checks, o: FrontDoorOptions, services: ServiceKey[], privateLinkOrigins: boolean): CheckedFrontDoor {
    const sampleSize = checks.integer('frontDoor.sampleSize', o.sampleSize ?? 4, 1, 255, 'Front Door sample size', 4);
    const checked: CheckedFrontDoor = {
      probeInterval: checks.integer('frontDoor.probeIntervalSeconds', o.probeIntervalSeconds ?? 30, 5, 31536000, 'Front Door probes every 5 s to 1 year', 30),
      sampleSize,
      successful: checks.integer('frontDoor.successfulSamplesRequired', o.successfulSamplesRequired ?? 2, 1, sampleSize, 'at most the sample size', Math.min(2, sampleSize)),
      latency: checks.integer('frontDoor.latencySensitivityMs', o.latencySensitivityMs ?? 50, 0, 1000, 'Front Door latency sensitivity', 50),
      wafMode: o.waf?.mode ?? 'Prevention',
      rateWindow: checks.oneOf('frontDoor.waf.rateLimitWindowMinutes', o.waf?.rateLimitWindowMinutes ?? 1, [1, 5]),
      rateThreshold: checks.integer('frontDoor.waf.rateLimitThreshold', o.waf?.rateLimitThreshold ?? 1000, 1, 5000000, 'requests per client per window', 1000),
      domains: (o.customDomains ?? []).map((host, i) => checks.run(host, () => {
        // A custom domain names its Front Door resource and construct: it must be known at synth time.
        if (Token.isUnresolved(host)) throw new ValidationError({ scope: this, prop: `frontDoor.customDomains[${i}]`, value: host, problem: 'a Terraform token is unknown until apply, and a custom domain names its Front Door resource at synth time', fix: 'give the literal host name' });
        return checkFormat(this, `frontDoor.customDomains[${i}]`, host, HOST, 'not a lower-case DNS host name', "use e.g. 'orders.contoso.com'");
      })),
      originHostHeaders: o.originHostHeaders ?? {},
      privateLinkLocations: new Map(),
    };
    for (const [key, header] of Object.entries(o.originHostHeaders ?? {})) {
      if (!services.includes(key as ServiceKey)) {
        checks.fail({ prop: `frontDoor.originHostHeaders.${key}`, value: header, problem: `Front Door does not serve '${key}' here (${services.join(', ')}), so the setting would be ignored`, fix: `key originHostHeaders by ${services.map((x) => `'${x}'`).join(', ')}` });
      }
      checks.run(undefined, () => checkFormat(this, `frontDoor.originHostHeaders.${key}`, header, HOST, 'not a lower-case DNS host name', "use the name on the service's certificate, e.g. 'orders.contoso.com'"));
    }
    if (new Set(checked.domains).size !== checked.domains.length) {
      checks.fail({ prop: 'frontDoor.customDomains', value: checked.domains, problem: 'a custom domain is listed twice', fix: 'list each host name once' });
    }
    if (privateLinkOrigins) {
      for (const key of services) {
        if (!o.originHostHeaders?.[key] && checked.domains.length === 0) {
          checks.fail({
            prop: `frontDoor.originHostHeaders.${key}`, value: undefined,
            problem: "Front Door checks the origin's TLS certificate against the host header, and a Private Link origin's address is a private IP that no public certificate covers",
            fix: `set frontDoor.originHostHeaders.${key} to the name the service's certificate covers (e.g. '${key === 'order' ? 'orders' : 'tracking'}.contoso.com'), or give customDomains`,
          });
        }
      }
      checks.run(undefined, () => checkRegionKeys(this, 'frontDoor.privateLinkLocations', o.privateLinkLocations, this.placements.map((p) => p.region.name)));
      for (const placement of this.placements) {
        const region = placement.region.name;
        checks.run(undefined, () => checked.privateLinkLocations.set(region, this.privateLinkLocation(o, region)));
      }
    } else if (o.privateLinkLocations !== undefined) {
      checks.fail({ prop: 'frontDoor.privateLinkLocations', value: o.privateLinkLocations, problem: 'the origins are not reached over Private Link, so the setting would be ignored', fix: 'drop privateLinkLocations' });
    }
    return checked;
  }

  /** Where Front Door's private endpoint for an origin region lives (given, the region itself, or one nearby). */
  private privateLinkLocation(o: FrontDoorOptions, region: string): string {
    const given = o.privateLinkLocations?.[region];
    if (given !== undefined) return Regions.find(given, this, `frontDoor.privateLinkLocations.${region}`).name;
    if (FRONT_DOOR_PRIVATE_LINK_REGIONS.includes(region)) return region;
    const geography = Regions.find(region, this, 'regions').geography;
    const nearby = FRONT_DOOR_PRIVATE_LINK_REGIONS.find((r) => Regions.tryFind(r)?.geography === geography);
    if (nearby) return nearby;
    throw new ValidationError({
      scope: this, prop: `frontDoor.privateLinkLocations.${region}`, value: undefined,
      problem: `Front Door Private Link is not offered in ${region} or elsewhere in its geography`,
      fix: `set frontDoor.privateLinkLocations.${region} to a nearby region where it is offered (${FRONT_DOOR_PRIVATE_LINK_REGIONS.join(', ')})`,
    });
  }

  private buildFrontDoor(
    o: CheckedFrontDoor, services: ServiceKey[], ingress: Map<string, RegionalIngress>, publicOrigins: Map<string, Record<string, string>> | undefined,
    privateLink: boolean, healthPath: string, weights: Map<string, number>, geo: CheckedGeo | undefined, pattern: RedundancyPattern, monitoring: IRegionalMonitoring | undefined,
    gatewayHosts: Map<string, string> | undefined,
  ): { profile: CdnFrontdoorProfile; hostName: string } {
    const { probeInterval, sampleSize, successful, latency, wafMode, rateWindow, rateThreshold, domains } = o;

    const profile = new CdnFrontdoorProfile(this, 'FrontDoorProfile', {
      name: this.naming.name(this, ResourceKind.FRONT_DOOR_PROFILE),
      resourceGroupName: this.resourceGroupName,
      // Premium: WAF managed rule sets, bot protection and Private Link origins.
      skuName: 'Premium_AzureFrontDoor',
      responseTimeoutSeconds: 60,
      tags: this.tags,
    });
    const endpoint = new CdnFrontdoorEndpoint(this, 'FrontDoorEndpoint', {
      name: this.naming.name(this, ResourceKind.FRONT_DOOR_ENDPOINT),
      cdnFrontdoorProfileId: profile.id,
      tags: this.tags,
    });
    const customDomains = domains.map((hostName) => new CdnFrontdoorCustomDomain(this, `CustomDomain-${hostName}`, {
      name: hostName.replace(/\./g, '-'),
      cdnFrontdoorProfileId: profile.id,
      hostName,
      tls: { certificateType: 'ManagedCertificate', minimumTlsVersion: 'TLS12' },
    }));

    // Private Link targets: the AKS-managed Private Link Service of each service in each region (created by the
    // cloud controller from the Service annotations in the `-apps` stack, hence looked up, not created).
    const plsIds = new Map<string, string>();
    const target = (region: string, service: PlatformServiceSpec) => {
      const key = `${region}/${service.key}`;
      if (!plsIds.has(key)) {
        const regional = ingress.get(region)!;
        const pls = new DataAzurermPrivateLinkService(this, `PrivateLinkService-${service.key}-${region}`, {
          name: regional.services[service.key].privateLinkServiceName,
          resourceGroupName: regional.nodeResourceGroup,
        });
        plsIds.set(key, pls.id);
        this.approvals.push({ region, service: service.key, privateLinkServiceId: pls.id });
      }
      return plsIds.get(key)!;
    };

    const originGroup = (service: PlatformServiceSpec, name: string, members: { placement: RegionPlacement; priority: number; weight: number }[]) => {
      if (members.length === 0) {
        // Front Door rejects a route to an empty origin group on the first deploy.
        throw new ValidationError({ scope: this, prop: 'regions', value: name, problem: 'this origin group would have no origins', fix: 'give every routed cell at least one region' });
      }
      const group = new CdnFrontdoorOriginGroup(this, `OriginGroup-${name}`, {
        name,
        cdnFrontdoorProfileId: profile.id,
        sessionAffinityEnabled: false,
        restoreTrafficTimeToHealedOrNewEndpointInMinutes: 0,
        healthProbe: { protocol: 'Https', requestType: 'HEAD', path: healthPath, intervalInSeconds: probeInterval },
        loadBalancing: { sampleSize, successfulSamplesRequired: successful, additionalLatencyInMilliseconds: latency },
      });
      const origins = members.map(({ placement, priority, weight }) => {
        const region = placement.region.name;
        const host = gatewayHosts ? gatewayHosts.get(region)! : privateLink ? ingress.get(region)!.services[service.key].privateIp : publicOrigins!.get(region)![service.key];
        return new CdnFrontdoorOrigin(this, `Origin-${name}-${region}`, {
          name: region,
          cdnFrontdoorOriginGroupId: group.id,
          enabled: true,
          hostName: host,
          originHostHeader: o.originHostHeaders[service.key] ?? (privateLink && !gatewayHosts ? domains[0] : host),
          httpsPort: 443,
          httpPort: 80,
          priority,
          weight,
          certificateNameCheckEnabled: true,
          privateLink: privateLink
            ? { privateLinkTargetId: target(region, service), location: o.privateLinkLocations.get(region)!, requestMessage: `Front Door ${this.naming.prefix} ${service.name}` }
            : undefined,
        });
      });
      return { group, origins };
    };

    const kind = pattern.kind;
    const all = this.placements;
    const routeIds: string[] = [];
    for (const key of services) {
      const service = PLATFORM_SERVICES.find((s) => s.key === key)!;
      const ruleSetIds: string[] = [];
      let main: { group: CdnFrontdoorOriginGroup; origins: CdnFrontdoorOrigin[] };
      const extraOrigins: CdnFrontdoorOrigin[] = [];
      if (kind === PatternKind.REGION_PINNED) {
        // One origin group per cell; the route defaults to the default cell and a rule per other cell overrides it
        // by the client's country.
        const groups = new Map(all.map((cell) => {
          const fallback = geo!.allowCrossCellFallback ? all.filter((o) => o !== cell).map((placement) => ({ placement, priority: 2, weight: 1000 })) : [];
          return [cell.region.name, originGroup(service, `${service.name}-${cell.region.name}`, [{ placement: cell, priority: 1, weight: 1000 }, ...fallback])];
        }));
        main = groups.get(geo!.defaultRegion)!;
        groups.forEach((g, region) => { if (region !== geo!.defaultRegion) extraOrigins.push(...g.origins); });
        const ruleSet = new CdnFrontdoorRuleSet(this, `GeoRouting-${service.key}`, { name: `${pascal(service.key)}GeoRouting`, cdnFrontdoorProfileId: profile.id });
        let order = 1;
        for (const [region, countries] of Object.entries(geo!.countries)) {
          if (region === geo!.defaultRegion) continue;
          new CdnFrontdoorRule(this, `GeoRule-${service.key}-${region}`, {
            name: `Cell${pascal(region)}`,
            cdnFrontdoorRuleSetId: ruleSet.id,
            order: order++,
            behaviorOnMatch: 'Stop',
            conditions: { remoteAddressCondition: [{ operator: 'GeoMatch', matchValues: countries }] },
            actions: { routeConfigurationOverrideAction: { cdnFrontdoorOriginGroupId: groups.get(region)!.group.id, forwardingProtocol: 'HttpsOnly', cacheBehavior: 'Disabled' } },
            dependsOn: groups.get(region)!.origins,
          });
        }
        if (order > 1) ruleSetIds.push(ruleSet.id);
      } else {
        // Reads (and everything else) to the main group: priorities and weights per pattern.
        const members = all.map((placement, i) => ({
          placement,
          priority: kind === PatternKind.ACTIVE_PASSIVE ? i + 1 : 1,
          weight: weights.get(placement.region.name) ?? 1000,
        }));
        main = originGroup(service, service.name, members);
        if (kind === PatternKind.PRIMARY_SECONDARY) {
          // Writes to the primary first, the secondary only when the primary is unhealthy.
          const write = originGroup(service, `${service.name}-write`, all.map((placement, i) => ({ placement, priority: i + 1, weight: 1000 })));
          extraOrigins.push(...write.origins);
          const ruleSet = new CdnFrontdoorRuleSet(this, `WriteRouting-${service.key}`, { name: `${pascal(service.key)}WriteRouting`, cdnFrontdoorProfileId: profile.id });
          new CdnFrontdoorRule(this, `WriteRule-${service.key}`, {
            name: 'WritesToPrimary',
            cdnFrontdoorRuleSetId: ruleSet.id,
            order: 1,
            behaviorOnMatch: 'Stop',
            conditions: { requestMethodCondition: [{ operator: 'Equal', matchValues: READ_METHODS, negateCondition: true }] },
            // azurerm requires a cache behaviour on an override; API responses are never cached.
            actions: { routeConfigurationOverrideAction: { cdnFrontdoorOriginGroupId: write.group.id, forwardingProtocol: 'HttpsOnly', cacheBehavior: 'Disabled' } },
            dependsOn: write.origins,
          });
          ruleSetIds.push(ruleSet.id);
        }
      }
      const route = new CdnFrontdoorRoute(this, `Route-${service.key}`, {
        name: service.name,
        cdnFrontdoorEndpointId: endpoint.id,
        cdnFrontdoorOriginGroupId: main.group.id,
        cdnFrontdoorOriginIds: main.origins.map((origin) => origin.id),
        cdnFrontdoorRuleSetIds: ruleSetIds.length ? ruleSetIds : undefined,
        cdnFrontdoorCustomDomainIds: customDomains.length ? customDomains.map((d) => d.id) : undefined,
        patternsToMatch: [service.pathPrefix, `${service.pathPrefix}/*`],
        supportedProtocols: ['Http', 'Https'],
        httpsRedirectEnabled: true,
        forwardingProtocol: 'HttpsOnly',
        linkToDefaultDomain: true,
        dependsOn: [...main.origins, ...extraOrigins],
      });
      routeIds.push(route.id);
    }

    // WAF: Premium managed rules (Default Rule Set 2.1, Bot Manager 1.1) in Prevention mode plus a per-client throttle.
    const customRules: CdnFrontdoorFirewallPolicyCustomRule[] = [{
      name: 'RateLimitPerClient',
      type: 'RateLimitRule',
      priority: 100,
      action: 'Block',
      rateLimitDurationInMinutes: rateWindow,
      rateLimitThreshold: rateThreshold,
      matchCondition: [{ matchVariable: 'RequestUri', operator: 'BeginsWith', matchValues: ['/'] }],
    }];
    if (geo?.rejectUnmappedCountries) {
      customRules.push({
        name: 'RejectUnmappedCountries',
        type: 'MatchRule',
        priority: 10,
        action: 'Block',
        matchCondition: [{ matchVariable: 'SocketAddr', operator: 'GeoMatch', negationCondition: true, matchValues: Object.values(geo.countries).flat() }],
      });
    }
    const policy = new CdnFrontdoorFirewallPolicy(this, 'WafPolicy', {
      name: this.naming.name(this, ResourceKind.FRONT_DOOR_WAF_POLICY),
      resourceGroupName: this.resourceGroupName,
      skuName: 'Premium_AzureFrontDoor',
      enabled: true,
      mode: wafMode,
      requestBodyCheckEnabled: true,
      managedRule: [
        { type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' },
        { type: 'Microsoft_BotManagerRuleSet', version: '1.1', action: 'Block' },
      ],
      customRule: customRules,
      tags: this.tags,
    });
    new CdnFrontdoorSecurityPolicy(this, 'SecurityPolicy', {
      name: 'waf',
      cdnFrontdoorProfileId: profile.id,
      securityPolicies: {
        firewall: {
          cdnFrontdoorFirewallPolicyId: policy.id,
          association: {
            domain: [endpoint.id, ...customDomains.map((d) => d.id)].map((cdnFrontdoorDomainId) => ({ cdnFrontdoorDomainId })),
            patternsToMatch: ['/*'],
          },
        },
      },
    });
    if (monitoring) {
      addDiagnostics(this, 'FrontDoorDiagnostics', {
        targetResourceId: profile.id, workspaceId: monitoring.workspaceId,
        categories: ['FrontDoorAccessLog', 'FrontDoorHealthProbeLog', 'FrontDoorWebApplicationFirewallLog'],
      });
    }
    return { profile, hostName: endpoint.hostName };
  }

  private buildTrafficManager(o: { ttl: number; interval: number }, services: ServiceKey[], publicOrigins: Map<string, Record<string, string>>, healthPath: string, weights: Map<string, number>, geo: CheckedGeo | undefined, pattern: RedundancyPattern): Record<string, string> {
    const { ttl, interval } = o;
    const method = pattern.kind === PatternKind.REGION_PINNED ? 'Geographic'
      : pattern.kind === PatternKind.ACTIVE_ACTIVE ? (weights.size > 0 ? 'Weighted' : 'Performance')
        : 'Priority';
    const fqdns: Record<string, string> = {};
    for (const key of services) {
      const service = PLATFORM_SERVICES.find((s) => s.key === key)!;
      const name = this.naming.name(this, ResourceKind.TRAFFIC_MANAGER_PROFILE, { qualifier: service.key, childId: `TrafficManager-${key}` });
      const profile = new TrafficManagerProfile(this, `TrafficManager-${key}`, {
        name,
        resourceGroupName: this.resourceGroupName,
        trafficRoutingMethod: method,
        dnsConfig: { relativeName: name, ttl },
        // HTTPS health checks on the readiness path; three failures mark an endpoint down.
        monitorConfig: { protocol: 'HTTPS', port: 443, path: healthPath, intervalInSeconds: interval, timeoutInSeconds: interval === 10 ? 9 : 10, toleratedNumberOfFailures: 3 },
        tags: this.tags,
      });
      this.placements.forEach((placement, i) => {
        const region = placement.region.name;
        const geoMappings = method === 'Geographic'
          ? [...(geo!.countries[region] ?? []), ...(region === geo!.defaultRegion && !geo!.rejectUnmappedCountries ? ['WORLD'] : [])]
          : undefined;
        new TrafficManagerExternalEndpoint(this, `TrafficManagerEndpoint-${key}-${region}`, {
          name: region,
          profileId: profile.id,
          target: publicOrigins.get(region)![key],
          endpointLocation: region,
          priority: method === 'Priority' ? i + 1 : undefined,
          weight: method === 'Weighted' ? (weights.get(region) ?? 1) : undefined,
          geoMappings: geoMappings && geoMappings.length ? geoMappings : undefined,
        });
      });
      fqdns[key] = profile.fqdn;
    }
    return fqdns;
  }

  private checkIngress(ingress: RegionalIngress[]): Map<string, RegionalIngress> {
    ingress.forEach((i, n) => checkIngressAddresses(this, `ingress[${n}]`, i));
    const regions = this.placements.map((p) => p.region.name);
    const byRegion = new Map(ingress.map((i) => [i.region, i]));
    const missing = regions.filter((r) => !byRegion.has(r));
    const extra = ingress.map((i) => i.region).filter((r, i, all) => !regions.includes(r) || all.indexOf(r) !== i);
    if (missing.length > 0 || extra.length > 0) {
      throw new ValidationError({
        scope: this, prop: 'ingress', value: ingress.map((i) => i.region),
        problem: missing.length > 0 ? `no ingress for region ${missing.join(', ')}` : `ingress for ${extra.join(', ')}, which is not a listed region or is given twice`,
        fix: "pass each listed region's RegionalStamp.ingress once",
      });
    }
    return byRegion;
  }

  private checkServices(prop: string, services: string[]): ServiceKey[] {
    if (!Array.isArray(services) || services.length === 0) {
      throw new ValidationError({ scope: this, prop, value: services, problem: 'no services listed', fix: "list 'order' and/or 'tracking'" });
    }
    for (const s of services) checkOneOf(this, prop, s, PLATFORM_SERVICES.map((p) => p.key));
    return services as ServiceKey[];
  }

  private checkWeights(pattern: RedundancyPattern, weights: { readonly [region: string]: number } | undefined): Map<string, number> {
    const entries = Object.entries(weights ?? {});
    if (entries.length > 0 && pattern.kind !== PatternKind.ACTIVE_ACTIVE) {
      throw new ValidationError({ scope: this, prop: 'weights', value: weights, problem: `${pattern.kind} routes by priority or country, so weights would be ignored`, fix: 'drop weights, or use activeActive' });
    }
    for (const [region, weight] of entries) {
      if (!this.placements.some((p) => p.region.name === region)) {
        throw new ValidationError({ scope: this, prop: `weights.${region}`, value: weight, problem: 'not one of the regions', fix: `key weights by ${this.placements.map((p) => p.region.name).join(', ')}` });
      }
      checkInteger(this, `weights.${region}`, weight, 1, 1000, 'Front Door and Traffic Manager weights are 1-1000');
    }
    return new Map(entries);
  }

  private checkGeoRouting(pattern: RedundancyPattern, geo: GeoRoutingOptions | undefined): CheckedGeo | undefined {
    if (pattern.kind !== PatternKind.REGION_PINNED) {
      if (geo) throw new ValidationError({ scope: this, prop: 'geoRouting', value: Object.keys(geo.countries ?? {}), problem: `${pattern.kind} does not route by country, so geoRouting would be ignored`, fix: 'drop geoRouting, or use regionPinned' });
      return undefined;
    }
    const cells = this.placements.map((p) => p.region.name);
    if (!geo || Object.keys(geo.countries ?? {}).length === 0) {
      if (cells.length === 1) return { countries: {}, defaultRegion: cells[0], rejectUnmappedCountries: false, allowCrossCellFallback: false };
      throw new ValidationError({ scope: this, prop: 'geoRouting.countries', value: geo?.countries, problem: 'regionPinned with several cells routes each country set to its cell, and no country mapping was given', fix: "map countries to cells, e.g. { westeurope: ['DE', 'FR'], japaneast: ['JP'] }" });
    }
    const seen = new Map<string, string>();
    for (const [region, countries] of Object.entries(geo.countries)) {
      if (!cells.includes(region)) {
        throw new ValidationError({ scope: this, prop: `geoRouting.countries.${region}`, value: countries, problem: 'not one of the cells', fix: `key countries by ${cells.join(', ')}` });
      }
      if (!Array.isArray(countries) || countries.length === 0) {
        throw new ValidationError({ scope: this, prop: `geoRouting.countries.${region}`, value: countries, problem: 'a cell needs at least one country', fix: "list ISO 3166-1 alpha-2 codes, e.g. ['DE']" });
      }
      for (const country of countries) {
        if (!COUNTRY.test(country)) {
          throw new ValidationError({ scope: this, prop: `geoRouting.countries.${region}`, value: country, problem: 'not an ISO 3166-1 alpha-2 country code', fix: "use upper-case two-letter codes such as 'DE' or 'JP'" });
        }
        if (seen.has(country)) {
          throw new ValidationError({ scope: this, prop: `geoRouting.countries.${region}`, value: country, problem: `also mapped to ${seen.get(country)}; a country belongs to one cell`, fix: 'map each country once' });
        }
        seen.set(country, region);
      }
    }
    const defaultRegion = geo.defaultRegion ?? cells[0];
    if (!cells.includes(defaultRegion)) {
      throw new ValidationError({ scope: this, prop: 'geoRouting.defaultRegion', value: defaultRegion, problem: 'not one of the cells', fix: `use one of ${cells.join(', ')}` });
    }
    return { countries: geo.countries, defaultRegion, rejectUnmappedCountries: geo.rejectUnmappedCountries ?? false, allowCrossCellFallback: geo.allowCrossCellFallback ?? false };
  }

  private checkPublicOrigins(origins: GlobalEntryProps['publicOrigins'], services: ServiceKey[]): Map<string, Record<string, string>> | undefined {
    if (!origins) return undefined;
    const errors: ValidationError[] = [];
    const attempt = (fn: () => void) => {
      try { fn(); } catch (e) { if (e instanceof ValidationError) errors.push(...e.violations); else throw e; }
    };
    attempt(() => checkRegionKeys(this, 'publicOrigins', origins, this.placements.map((p) => p.region.name)));
    const map = new Map<string, Record<string, string>>();
    for (const placement of this.placements) {
      const region = placement.region.name;
      const hosts = origins[region] ?? {};
      for (const key of Object.keys(hosts)) {
        if (!services.includes(key as ServiceKey)) {
          errors.push(new ValidationError({ scope: this, prop: `publicOrigins.${region}.${key}`, value: hosts[key], problem: `no entry reaches '${key}' through a public origin here (${services.join(', ') || 'none'}), so the setting would be ignored`, fix: 'drop it' }));
        }
      }
      for (const service of services) {
        attempt(() => checkFormat(this, `publicOrigins.${region}.${service}`, hosts[service], PUBLIC_HOST, 'missing or not a host name / IPv4 address', "give every region a public host per service, e.g. 'orders-westus3.contoso.com'"));
      }
      map.set(region, { ...hosts });
    }
    if (errors.length > 0) throw ValidationError.combine(errors);
    return map;
  }
}

interface CheckedFrontDoor {
  readonly probeInterval: number;
  readonly sampleSize: number;
  readonly successful: number;
  readonly latency: number;
  readonly wafMode: 'Prevention' | 'Detection';
  readonly rateWindow: number;
  readonly rateThreshold: number;
  readonly domains: string[];
  readonly originHostHeaders: { readonly [service: string]: string };
  /** Front Door Private Link region by origin region (Private Link origins only). */
  readonly privateLinkLocations: Map<string, string>;
}

interface CheckedGeo {
  readonly countries: { readonly [region: string]: string[] };
  readonly defaultRegion: string;
  readonly rejectUnmappedCountries: boolean;
  readonly allowCrossCellFallback: boolean;
}

