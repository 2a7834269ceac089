import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { CdnFrontdoorCustomDomain } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-custom-domain';
import { CdnFrontdoorEndpoint } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-endpoint';
import { CdnFrontdoorFirewallPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-firewall-policy';
import { CdnFrontdoorOriginGroup } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin-group';
import { CdnFrontdoorProfile } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-profile';
import { CdnFrontdoorRoute } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-route';
import { CdnFrontdoorSecurityPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-security-policy';
import { TrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
import { ValidationError } from '../core/errors';
import { Naming, ResourceKind } from '../core/naming';
import { diagnose } from '../monitoring/diagnostics';
import { RegionPlacement } from '../core/pattern';
import { checkIngressAddresses, RegionalIngress } from '../common/regional-ingress';
import { frontDoorServicesByDefault } from '../common/service-exposure';
import { HEALTH_ENDPOINTS, PLATFORM_SERVICES, ServiceKey } from '../core/services';
import { mergeTags, Tags } from '../core/tags';
import { checkFormat, checkOneOf, checkRegionKeys, checkShape, Checks, IPV4 } from '../core/validate';
import { API_MANAGEMENT_STATUS_PATH, ApiManagementGateway } from './api-management';
import { buildFrontDoor, CheckedFrontDoor, checkFrontDoor, customDomainName, HOST, PrivateLinkApproval } from './front-door';
import { GlobalEntryNames, GlobalEntryProps } from './global-entry-types';
import { CheckedGeo, checkGeoRouting, checkWeights, EntryContext, originGroupKeys } from './routing';
import { GLOBAL_ENTRY_SHAPE } from './shapes';
import { buildTrafficManager } from './traffic-manager';

// Front Door (front-door.ts), Traffic Manager (traffic-manager.ts) and the pattern's routing (routing.ts) are built in
// modules of their own; their public names are exported from here, as before.
export { FRONT_DOOR_PRIVATE_LINK_REGIONS } from './front-door';
export type { PrivateLinkApproval } from './front-door';

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
  /** The resource group of the global resources, when the entry created it (`createResourceGroup`). */
  public readonly resourceGroup?: ResourceGroup;
  /** The Front Door profile, when any service uses Front Door. */
  public readonly profile?: CdnFrontdoorProfile;
  /** The Front Door endpoint, when any service uses Front Door. */
  public readonly endpoint?: CdnFrontdoorEndpoint;
  /** The Front Door endpoint's host name (`<endpoint>-<hash>.z01.azurefd.net`). */
  public readonly endpointHostName?: string;
  /** The Front Door routes by service (`order`, `tracking`), for the services Front Door serves. */
  public readonly routes: { readonly [service: string]: CdnFrontdoorRoute };
  /**
   * The Front Door origin groups by name: `<service name>` (e.g. `order-api`), `<service name>-write` under
   * primarySecondary, `<service name>-<cell region>` under regionPinned.
   */
  public readonly originGroups: { readonly [name: string]: CdnFrontdoorOriginGroup };
  /** The Front Door WAF policy, when any service uses Front Door. */
  public readonly wafPolicy?: CdnFrontdoorFirewallPolicy;
  /** The security policy that attaches the WAF policy to the endpoint and the custom domains, when any service uses Front Door. */
  public readonly securityPolicy?: CdnFrontdoorSecurityPolicy;
  /** The custom-domain resources on the Front Door endpoint, by host name. */
  public readonly customDomainResources: { readonly [hostName: string]: CdnFrontdoorCustomDomain };
  /** The Traffic Manager profiles by service, for the services Traffic Manager serves. */
  public readonly trafficManagerProfiles: { readonly [service: string]: TrafficManagerProfile };
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

  constructor(scope: Construct, id: string, props: GlobalEntryProps) {
    super(scope, id);
    checkShape(this, '', props, GLOBAL_ENTRY_SHAPE);
    this.naming = new Naming(Naming.validatePrefix(this, 'prefix', props.prefix));
    this.placements = props.pattern.place(this, props.regions);
    const c = this.checkProps(props);
    this.tags = c.tags;

    if (props.createResourceGroup === true) {
      this.resourceGroup = new ResourceGroup(this, 'ResourceGroup', {
        name: this.naming.name(this, ResourceKind.RESOURCE_GROUP, { qualifier: `edge-${this.placements[0].region.name}`, override: props.resourceGroupName, prop: 'resourceGroupName' }),
        location: this.placements[0].region.name,
        tags: this.tags,
      });
    }
    this.resourceGroupName = this.resourceGroup?.name ?? props.resourceGroupName!; // checkProps: given when not created
    const context: EntryContext = { naming: this.naming, placements: this.placements, resourceGroupName: this.resourceGroupName, tags: this.tags };
    const routing = { weights: c.weights, geo: c.geo, pattern: props.pattern };

    const gateway = c.apim ? new ApiManagementGateway(this, c.apim, this.placements, this.naming, this.resourceGroupName, this.tags, c.names.apiManagement) : undefined;
    let approvals: PrivateLinkApproval[] = [];
    if (c.frontDoor) {
      const fd = buildFrontDoor(this, {
        ...context, ...routing, options: c.frontDoor, services: c.fdServices, ingress: c.ingress, publicOrigins: c.publicOrigins, privateLink: c.usePrivateLink,
        // Behind API Management, Front Door probes the gateway's own health endpoint (the services' readiness is
        // probed by Kubernetes and, for Traffic Manager, by its monitor).
        healthPath: gateway ? API_MANAGEMENT_STATUS_PATH : c.healthPath,
        monitoring: props.monitoring, gatewayHosts: gateway?.regionalHosts, names: c.names,
      });
      gateway?.addApis(c.fdServices, c.publicOrigins!, fd.profile.resourceGuid);
      this.apiManagement = gateway?.service;
      this.profile = fd.profile;
      this.endpoint = fd.endpoint;
      this.endpointHostName = fd.endpoint.hostName;
      this.routes = fd.routes;
      this.originGroups = fd.originGroups;
      this.wafPolicy = fd.wafPolicy;
      this.securityPolicy = fd.securityPolicy;
      this.customDomainResources = fd.customDomains;
      this.customDomains = c.frontDoor.domains;
      this.originHealthAlert = { scopeId: fd.profile.id, metricNamespace: 'Microsoft.Cdn/profiles', metricName: 'OriginHealthPercentage', threshold: 80 };
      approvals = fd.approvals;
    } else {
      this.routes = {};
      this.originGroups = {};
      this.customDomainResources = {};
      this.customDomains = [];
    }
    this.trafficManagerProfiles = c.trafficManager
      ? buildTrafficManager(this, { ...context, ...routing, ...c.trafficManager, services: c.tmServices, publicOrigins: c.publicOrigins!, healthPath: c.healthPath, names: c.names.trafficManagerProfiles ?? {}, endpointNames: c.names.trafficManagerEndpoints ?? {} })
      : {};
    this.trafficManagerFqdns = Object.fromEntries(Object.entries(this.trafficManagerProfiles).map(([service, profile]) => [service, profile.fqdn]));
    this.privateLinkApprovals = approvals;
    // Global resources report to the primary's workspace (Front Door's setting is made with the profile).
    const monitoring = props.monitoring;
    if (monitoring) {
      for (const [service, profile] of Object.entries(this.trafficManagerProfiles)) diagnose(this, `TrafficManager-${service}Diagnostics`, 'azurerm_traffic_manager_profile', profile.id, monitoring);
      if (this.apiManagement) diagnose(this, 'ApiManagementDiagnostics', 'azurerm_api_management', this.apiManagement.id, monitoring);
    }
  }

  /** Every check of the props, in order, reported at once; which services each entry serves and how it reaches them. */
  private checkProps(props: GlobalEntryProps): CheckedEntry {
    const checks = new Checks(this);
    const tags = checks.run({}, () => mergeTags(this, 'tags', { 'managed-by': 'cdktf-order-platform', component: 'global-entry', pattern: props.pattern.kind }, props.tags));
    const ingress = checks.run(new Map<string, RegionalIngress>(), () => this.checkIngress(props.ingress));
    if (props.createResourceGroup !== true && props.resourceGroupName === undefined) {
      checks.fail({
        prop: 'resourceGroupName', value: undefined,
        problem: 'no resource group for the global resources, and createResourceGroup is not set: the entry creates no group it was not asked for',
        fix: "pass resourceGroupName: '<existing group>', or set createResourceGroup: true",
      });
    }
    const healthPath = props.healthProbePath ?? HEALTH_ENDPOINTS.readiness;
    if (!/^\/[^\s?#]*$/.test(healthPath)) {
      checks.fail({ prop: 'healthProbePath', value: healthPath, problem: "a probe path starts with '/' and has no spaces, query or fragment", fix: `use e.g. '${HEALTH_ENDPOINTS.readiness}'` });
    }
    const weights = checks.run(new Map<string, number>(), () => checkWeights(this, this.placements, props.pattern, props.weights));
    const geo = checks.run(undefined, () => checkGeoRouting(this, this.placements, props.pattern, props.geoRouting));

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
    const frontDoor = fdServices.length > 0 ? checkFrontDoor(this, this.placements, checks, props.frontDoor ?? {}, fdServices, usePrivateLink && !apim) : undefined;
    const trafficManager = tm && tmServices.length > 0 ? {
      ttl: checks.integer('trafficManager.dnsTtlSeconds', tm.dnsTtlSeconds ?? 30, 0, 2147483647, 'DNS TTL', 30),
      interval: checks.oneOf('trafficManager.probeIntervalSeconds', tm.probeIntervalSeconds ?? 30, [30, 10]),
    } : undefined;
    const apimChecked = apim ? ApiManagementGateway.check(checks, this, apim, this.placements) : undefined;
    if (props.resourceGroupName !== undefined) checks.run(undefined, () => ResourceKind.RESOURCE_GROUP.validate(this, 'resourceGroupName', props.resourceGroupName!));
    const names = props.names ?? {};
    this.checkNames(checks, names, {
      frontDoor: frontDoor !== undefined, domains: frontDoor?.domains ?? [], tmServices: trafficManager ? tmServices : [], apim: apim !== undefined,
      fdServices: frontDoor ? fdServices : [], originGroups: frontDoor ? originGroupKeys(fdServices, props.pattern, this.placements) : [],
    });
    checks.throwIfAny();
    return { tags, ingress, healthPath, weights, geo, tmServices, fdServices, usePrivateLink, publicOrigins, frontDoor, trafficManager, apim: apimChecked, names };
  }

  /**
   * Checks the name overrides: each valid for its resource kind, only for resources the entry creates (`created`), and no
   * two custom domains or Traffic Manager profiles under one name.
   */
  private checkNames(checks: Checks, names: GlobalEntryNames, created: CreatedResources): void {
    const ignored = (prop: string, value: unknown, why: string, fix: string) => checks.fail({ prop: `names.${prop}`, value, problem: `${why}, so the name would be ignored`, fix });
    const kinds: [keyof GlobalEntryNames, ResourceKind, boolean, string][] = [
      ['frontDoorProfile', ResourceKind.FRONT_DOOR_PROFILE, created.frontDoor, 'Front Door serves no service here'],
      ['frontDoorEndpoint', ResourceKind.FRONT_DOOR_ENDPOINT, created.frontDoor, 'Front Door serves no service here'],
      ['wafPolicy', ResourceKind.FRONT_DOOR_WAF_POLICY, created.frontDoor, 'Front Door serves no service here'],
      ['securityPolicy', ResourceKind.FRONT_DOOR_SECURITY_POLICY, created.frontDoor, 'Front Door serves no service here'],
      ['apiManagement', ResourceKind.API_MANAGEMENT, created.apim, 'apiManagement is not set'],
    ];
    for (const [key, kind, made, why] of kinds) {
      const name = names[key] as string | undefined;
      if (name === undefined) continue;
      if (!made) ignored(key, name, why, `drop names.${key}`);
      else checks.run(undefined, () => kind.validate(this, `names.${key}`, name));
    }
    const regions = this.placements.map((placement) => placement.region.name);
    const maps: [MapNameKey, ResourceKind, string[], string][] = [
      ['customDomains', ResourceKind.FRONT_DOOR_CUSTOM_DOMAIN, created.domains, 'frontDoor.customDomains'],
      ['trafficManagerProfiles', ResourceKind.TRAFFIC_MANAGER_PROFILE, created.tmServices, 'trafficManager.services'],
      ['frontDoorRoutes', ResourceKind.FRONT_DOOR_ROUTE, created.fdServices, 'the services Front Door serves'],
      ['frontDoorOriginGroups', ResourceKind.FRONT_DOOR_ORIGIN_GROUP, created.originGroups, "Front Door's origin groups"],
      ['frontDoorOrigins', ResourceKind.FRONT_DOOR_ORIGIN, created.frontDoor ? regions : [], "the regions of Front Door's origins"],
      ['trafficManagerEndpoints', ResourceKind.TRAFFIC_MANAGER_ENDPOINT, created.tmServices.length > 0 ? regions : [], "the regions of Traffic Manager's endpoints"],
    ];
    for (const [key, kind, keys, listedIn] of maps) {
      for (const [item, name] of Object.entries(names[key] ?? {})) {
        if (!keys.includes(item)) ignored(`${key}.${item}`, name, `'${item}' is not in ${listedIn} (${keys.join(', ') || 'none'})`, `key names.${key} by ${listedIn}`);
        else checks.run(undefined, () => kind.validate(this, `names.${key}.${item}`, name));
      }
    }
    // Two resources of one kind under one name: Azure would refuse the second (a profile's custom domains; the global Traffic Manager DNS names).
    const twice = (key: string, finals: [string, string][]) => {
      // Azure compares these names ignoring case.
      const seen = new Map<string, [item: string, name: string]>();
      for (const [item, name] of finals) {
        if (Token.isUnresolved(name)) continue;
        const first = seen.get(name.toLowerCase());
        if (first) {
          const how = first[1] === name ? '' : ` in other letter case ('${first[1]}'), and Azure ignores case`;
          checks.fail({ prop: `names.${key}.${item}`, value: name, problem: `'${first[0]}' has this name too${how}`, fix: `give each a name of its own in names.${key}` });
        } else {
          seen.set(name.toLowerCase(), [item, name]);
        }
      }
    };
    twice('customDomains', created.domains.map((host) => [host, customDomainName(names, host)]));
    twice('trafficManagerProfiles', Object.entries(names.trafficManagerProfiles ?? {}).filter(([service]) => created.tmServices.includes(service)));
    // A profile's routes and origin groups, and a group's origins or a profile's endpoints (one per region), need names of their own.
    const finals = (key: MapNameKey, items: string[], fallback: (item: string) => string): [string, string][] => items.map((item) => [item, names[key]?.[item] ?? fallback(item)]);
    twice('frontDoorRoutes', finals('frontDoorRoutes', created.fdServices, (service) => PLATFORM_SERVICES.find((s) => s.key === service)!.name));
    twice('frontDoorOriginGroups', finals('frontDoorOriginGroups', created.originGroups, (group) => group));
    if (created.frontDoor) twice('frontDoorOrigins', finals('frontDoorOrigins', regions, (region) => region));
    if (created.tmServices.length > 0) twice('trafficManagerEndpoints', finals('trafficManagerEndpoints', regions, (region) => region));
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

/** The props of a GlobalEntry, checked. */
interface CheckedEntry {
  readonly tags: Tags;
  readonly ingress: Map<string, RegionalIngress>;
  /** The path the services answer readiness on. */
  readonly healthPath: string;
  readonly weights: Map<string, number>;
  readonly geo: CheckedGeo | undefined;
  readonly tmServices: ServiceKey[];
  readonly fdServices: ServiceKey[];
  /** Front Door reaches the services over Private Link. */
  readonly usePrivateLink: boolean;
  readonly publicOrigins: Map<string, Record<string, string>> | undefined;
  /** The Front Door options, when Front Door serves a service. */
  readonly frontDoor: CheckedFrontDoor | undefined;
  /** The Traffic Manager options, when Traffic Manager serves a service. */
  readonly trafficManager: { readonly ttl: number; readonly interval: number } | undefined;
  readonly apim: ReturnType<typeof ApiManagementGateway.check> | undefined;
  readonly names: GlobalEntryNames;
}

/** Which of the resources that take a name override the entry creates. */
interface CreatedResources {
  /** Front Door serves a service. */
  readonly frontDoor: boolean;
  /** The custom domains' host names. */
  readonly domains: string[];
  /** The services Traffic Manager serves. */
  readonly tmServices: string[];
  readonly apim: boolean;
  /** The services Front Door serves. */
  readonly fdServices: string[];
  /** The library's names of Front Door's origin groups (`originGroupKeys`). */
  readonly originGroups: string[];
}

/** The name overrides keyed by item (host name, service, group or region). */
type MapNameKey = 'customDomains' | 'trafficManagerProfiles' | 'frontDoorRoutes' | 'frontDoorOriginGroups' | 'frontDoorOrigins' | 'trafficManagerEndpoints';
