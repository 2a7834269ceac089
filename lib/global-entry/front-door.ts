import { Construct } from 'constructs';
import { acceptFinding } from '../core/accepted-findings';
import { Token } from 'cdktf';
import { CdnFrontdoorCustomDomain } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-custom-domain';
import { CdnFrontdoorEndpoint } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-endpoint';
import { CdnFrontdoorFirewallPolicy, CdnFrontdoorFirewallPolicyCustomRule } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-firewall-policy';
import { CdnFrontdoorOrigin } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin';
import { CdnFrontdoorOriginGroup } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin-group';
import { CdnFrontdoorProfile } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-profile';
import { CdnFrontdoorRoute } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-route';
import { CdnFrontdoorSecurityPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-security-policy';
import { DataAzurermPrivateLinkService } from '@cdktf/provider-azurerm/lib/data-azurerm-private-link-service';
import { ValidationError } from '../core/errors';
import { ResourceKind } from '../core/naming';
import { RedundancyPattern, RegionPlacement } from '../core/pattern';
import { Regions } from '../core/regions';
import { PlatformServiceSpec, ServiceKey } from '../core/services';
import { checkFormat, checkRegionKeys, Checks } from '../core/validate';
import { diagnose } from '../monitoring/diagnostics';
import { IRegionalMonitoring } from '../monitoring/regional-monitoring';
import { RegionalIngress } from '../common/regional-ingress';
import { FrontDoorOptions, GlobalEntryNames } from './global-entry-types';
import { addFrontDoorRoutes, CheckedGeo, EntryContext, FrontDoorRoutingProps, OriginGroup, OriginMember } from './routing';

// Internal: Azure Front Door Premium of the global entry (profile, endpoint, custom domains, origins, WAF), and the
// check of its options. GlobalEntry re-exports the public names.

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
 * Regions where Front Door Private Link is offered (Microsoft Learn, "Secure your origin with Private Link in Azure
 * Front Door Premium", region availability; the list grows, so `privateLinkLocations` accepts any catalog region).
 */
export const FRONT_DOOR_PRIVATE_LINK_REGIONS: readonly string[] = [
  'brazilsouth', 'canadacentral', 'centralus', 'eastus', 'eastus2', 'southcentralus', 'westus3',
  'francecentral', 'germanywestcentral', 'northeurope', 'norwayeast', 'uksouth', 'westeurope', 'swedencentral',
  'southafricanorth', 'australiaeast', 'centralindia', 'japaneast', 'koreacentral', 'eastasia',
];
/** A lower-case DNS host name. */
export const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The Front Door options, checked. */
export interface CheckedFrontDoor {
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

/** The Front Door options, checked; Private Link locations resolved per region. */
export function checkFrontDoor(scope: Construct, placements: readonly RegionPlacement[], checks: Checks, o: FrontDoorOptions, services: ServiceKey[], privateLinkOrigins: boolean): CheckedFrontDoor {
  const sampleSize = checks.integer('frontDoor.sampleSize', o.sampleSize ?? 4, 1, 255, 'Front Door sample size', 4);
  const checked: CheckedFrontDoor = {
    probeInterval: checks.integer('frontDoor.probeIntervalSeconds', o.probeIntervalSeconds ?? 30, 5, 31536000, 'Front Door probes every 5 s to 1 year', 30),
    sampleSize,
    successful: checks.integer('frontDoor.successfulSamplesRequired', o.successfulSamplesRequired ?? 2, 1, sampleSize, 'at most the sample size', Math.min(2, sampleSize)),
    latency: checks.integer('frontDoor.latencySensitivityMilliseconds', o.latencySensitivityMilliseconds ?? 50, 0, 1000, 'Front Door latency sensitivity', 50),
    wafMode: o.waf?.mode ?? 'Prevention',
    rateWindow: checks.oneOf('frontDoor.waf.rateLimitWindowMinutes', o.waf?.rateLimitWindowMinutes ?? 1, [1, 5]),
    rateThreshold: checks.integer('frontDoor.waf.rateLimitThreshold', o.waf?.rateLimitThreshold ?? 1000, 1, 5000000, 'requests per client per window', 1000),
    domains: (o.customDomains ?? []).map((host, i) => checks.run(host, () => {
      // A custom domain names its Front Door resource and construct: it must be known at synth time.
      if (Token.isUnresolved(host)) throw new ValidationError({ scope, prop: `frontDoor.customDomains[${i}]`, value: host, problem: 'a Terraform token is unknown until apply, and a custom domain names its Front Door resource at synth time', fix: 'give the literal host name' });
      return checkFormat(scope, `frontDoor.customDomains[${i}]`, host, HOST, 'not a lower-case DNS host name', "use e.g. 'orders.contoso.com'");
    })),
    originHostHeaders: o.originHostHeaders ?? {},
    privateLinkLocations: new Map(),
  };
  for (const [key, header] of Object.entries(o.originHostHeaders ?? {})) {
    if (!services.includes(key as ServiceKey)) {
      checks.fail({ prop: `frontDoor.originHostHeaders.${key}`, value: header, problem: `Front Door does not serve '${key}' here (${services.join(', ')}), so the setting would be ignored`, fix: `key originHostHeaders by ${services.map((x) => `'${x}'`).join(', ')}` });
    }
    checks.run(undefined, () => checkFormat(scope, `frontDoor.originHostHeaders.${key}`, header, HOST, 'not a lower-case DNS host name', "use the name on the service's certificate, e.g. 'orders.contoso.com'"));
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
    checks.run(undefined, () => checkRegionKeys(scope, 'frontDoor.privateLinkLocations', o.privateLinkLocations, placements.map((p) => p.region.name)));
    for (const placement of placements) {
      const region = placement.region.name;
      checks.run(undefined, () => checked.privateLinkLocations.set(region, privateLinkLocation(scope, o, region)));
    }
  } else if (o.privateLinkLocations !== undefined) {
    checks.fail({ prop: 'frontDoor.privateLinkLocations', value: o.privateLinkLocations, problem: 'the origins are not reached over Private Link, so the setting would be ignored', fix: 'drop privateLinkLocations' });
  }
  return checked;
}

/** Where Front Door's private endpoint for an origin region lives (given, the region itself, or one nearby). */
function privateLinkLocation(scope: Construct, o: FrontDoorOptions, region: string): string {
  const given = o.privateLinkLocations?.[region];
  if (given !== undefined) return Regions.find(given, scope, `frontDoor.privateLinkLocations.${region}`).name;
  if (FRONT_DOOR_PRIVATE_LINK_REGIONS.includes(region)) return region;
  const geography = Regions.find(region, scope, 'regions').geography;
  const nearby = FRONT_DOOR_PRIVATE_LINK_REGIONS.find((r) => Regions.tryFind(r)?.geography === geography);
  if (nearby) return nearby;
  throw new ValidationError({
    scope, prop: `frontDoor.privateLinkLocations.${region}`, value: undefined,
    problem: `Front Door Private Link is not offered in ${region} or elsewhere in its geography`,
    fix: `set frontDoor.privateLinkLocations.${region} to a nearby region where it is offered (${FRONT_DOOR_PRIVATE_LINK_REGIONS.join(', ')})`,
  });
}

/** What `buildFrontDoor` builds from: the entry's settings, the checked options and where the origins are. */
export interface FrontDoorBuildProps extends EntryContext {
  readonly options: CheckedFrontDoor;
  /** The services Front Door serves. */
  readonly services: ServiceKey[];
  readonly ingress: Map<string, RegionalIngress>;
  /** Public host per service per region (public origins only). */
  readonly publicOrigins: Map<string, Record<string, string>> | undefined;
  /** Reach the origins over Private Link. */
  readonly privateLink: boolean;
  /** The path the origin groups probe. */
  readonly healthPath: string;
  readonly weights: Map<string, number>;
  readonly geo: CheckedGeo | undefined;
  readonly pattern: RedundancyPattern;
  readonly monitoring: IRegionalMonitoring | undefined;
  /** The API Management gateway's host per region, when Front Door's origins are the gateways. */
  readonly gatewayHosts: Map<string, string> | undefined;
  /** Name overrides (checked). */
  readonly names: GlobalEntryNames;
}

/** The Front Door that `buildFrontDoor` built. */
export interface FrontDoorBuild {
  readonly profile: CdnFrontdoorProfile;
  readonly endpoint: CdnFrontdoorEndpoint;
  /** Custom domains by host name. */
  readonly customDomains: Record<string, CdnFrontdoorCustomDomain>;
  /** Origin groups by name. */
  readonly originGroups: Record<string, CdnFrontdoorOriginGroup>;
  /** Routes by service. */
  readonly routes: Record<string, CdnFrontdoorRoute>;
  readonly wafPolicy: CdnFrontdoorFirewallPolicy;
  readonly securityPolicy: CdnFrontdoorSecurityPolicy;
  /** The Private Link connections the origins request, in the order they were looked up. */
  readonly approvals: PrivateLinkApproval[];
}

/** The name of the custom-domain resource of a host: the override, or the host name with its dots as hyphens. */
export function customDomainName(names: GlobalEntryNames, hostName: string): string {
  return names.customDomains?.[hostName] ?? hostName.replace(/\./g, '-');
}

/** Builds the Front Door Premium profile, endpoint, custom domains, origins and routes per pattern, WAF and diagnostics. */
export function buildFrontDoor(scope: Construct, p: FrontDoorBuildProps): FrontDoorBuild {
  const { naming, resourceGroupName, tags, names } = p;
  const profile = new CdnFrontdoorProfile(scope, 'FrontDoorProfile', {
    name: naming.name(scope, ResourceKind.FRONT_DOOR_PROFILE, { override: names.frontDoorProfile, prop: 'names.frontDoorProfile' }),
    resourceGroupName,
    // Premium: WAF managed rule sets, bot protection and Private Link origins.
    skuName: 'Premium_AzureFrontDoor',
    responseTimeoutSeconds: 60,
    tags,
  });
  const endpoint = new CdnFrontdoorEndpoint(scope, 'FrontDoorEndpoint', {
    name: naming.name(scope, ResourceKind.FRONT_DOOR_ENDPOINT, { override: names.frontDoorEndpoint, prop: 'names.frontDoorEndpoint' }),
    cdnFrontdoorProfileId: profile.id,
    tags,
  });
  const customDomains = p.options.domains.map((hostName) => new CdnFrontdoorCustomDomain(scope, `CustomDomain-${hostName}`, {
    name: customDomainName(names, hostName),
    cdnFrontdoorProfileId: profile.id,
    hostName,
    tls: { certificateType: 'ManagedCertificate', minimumTlsVersion: 'TLS12' },
  }));
  const approvals: PrivateLinkApproval[] = [];
  const originGroups: Record<string, CdnFrontdoorOriginGroup> = {};
  const routes = addFrontDoorRoutes(scope, p.services, {
    placements: p.placements,
    pattern: p.pattern,
    weights: p.weights,
    geo: p.geo,
    profileId: profile.id,
    endpointId: endpoint.id,
    customDomainIds: customDomains.map((d) => d.id),
    originGroup: originGroupBuilder(scope, p, profile, privateLinkTargets(scope, p.ingress, approvals), originGroups),
    routeNames: p.names.frontDoorRoutes ?? {},
  });
  const { wafPolicy, securityPolicy } = addWaf(scope, p, profile, [endpoint.id, ...customDomains.map((d) => d.id)]);
  if (p.monitoring) {
    diagnose(scope, 'FrontDoorDiagnostics', 'azurerm_cdn_frontdoor_profile', profile.id, p.monitoring);
  }
  return {
    profile, endpoint, customDomains: Object.fromEntries(p.options.domains.map((host, i) => [host, customDomains[i]])), originGroups, routes, wafPolicy, securityPolicy, approvals,
  };
}

/**
 * The Private Link target of a service in a region: the AKS-managed Private Link Service (created by the cloud
 * controller from the Service annotations in the `-apps` stack, hence looked up, not created), looked up once and
 * recorded in `approvals`.
 */
function privateLinkTargets(scope: Construct, ingress: Map<string, RegionalIngress>, approvals: PrivateLinkApproval[]): (region: string, service: PlatformServiceSpec) => string {
  const plsIds = new Map<string, string>();
  return (region, service) => {
    const key = `${region}/${service.key}`;
    if (!plsIds.has(key)) {
      const regional = ingress.get(region)!;
      const pls = new DataAzurermPrivateLinkService(scope, `PrivateLinkService-${service.key}-${region}`, {
        name: regional.services[service.key].privateLinkServiceName,
        resourceGroupName: regional.nodeResourceGroup,
      });
      plsIds.set(key, pls.id);
      approvals.push({ region, service: service.key, privateLinkServiceId: pls.id });
    }
    return plsIds.get(key)!;
  };
}

/**
 * Builds origin groups (recorded by name in `built`): health probe and load balancing from the options, an origin per
 * member (gateway, Private Link or public host).
 */
function originGroupBuilder(scope: Construct, p: FrontDoorBuildProps, profile: CdnFrontdoorProfile, target: (region: string, service: PlatformServiceSpec) => string, built: Record<string, CdnFrontdoorOriginGroup>): FrontDoorRoutingProps['originGroup'] {
  const { probeInterval, sampleSize, successful, latency, domains } = p.options;
  const { privateLink, gatewayHosts } = p;
  return (service: PlatformServiceSpec, name: string, members: OriginMember[]): OriginGroup => {
    if (members.length === 0) {
      // Front Door rejects a route to an empty origin group on the first deploy.
      throw new ValidationError({ scope, prop: 'regions', value: name, problem: 'this origin group would have no origins', fix: 'give every routed cell at least one region' });
    }
    // The library's name keys the construct ID (so the address stays) and `names.frontDoorOriginGroups`.
    const group = new CdnFrontdoorOriginGroup(scope, `OriginGroup-${name}`, {
      name: p.names.frontDoorOriginGroups?.[name] ?? name,
      cdnFrontdoorProfileId: profile.id,
      sessionAffinityEnabled: false,
      restoreTrafficTimeToHealedOrNewEndpointInMinutes: 0,
      healthProbe: { protocol: 'Https', requestType: 'HEAD', path: p.healthPath, intervalInSeconds: probeInterval },
      loadBalancing: { sampleSize, successfulSamplesRequired: successful, additionalLatencyInMilliseconds: latency },
    });
    built[name] = group;
    const origins = members.map(({ placement, priority, weight }) => {
      const region = placement.region.name;
      const host = gatewayHosts ? gatewayHosts.get(region)! : privateLink ? p.ingress.get(region)!.services[service.key].privateIp : p.publicOrigins!.get(region)![service.key];
      return new CdnFrontdoorOrigin(scope, `Origin-${name}-${region}`, {
        name: p.names.frontDoorOrigins?.[region] ?? region,
        cdnFrontdoorOriginGroupId: group.id,
        enabled: true,
        hostName: host,
        originHostHeader: p.options.originHostHeaders[service.key] ?? (privateLink && !gatewayHosts ? domains[0] : host),
        httpsPort: 443,
        httpPort: 80,
        priority,
        weight,
        certificateNameCheckEnabled: true,
        privateLink: privateLink
          ? { privateLinkTargetId: target(region, service), location: p.options.privateLinkLocations.get(region)!, requestMessage: `Front Door ${p.naming.prefix} ${service.name}` }
          : undefined,
      });
    });
    return { group, origins };
  };
}

/**
 * Builds the WAF policy on the given domains: Premium managed rules (Default Rule Set 2.1, Bot Manager 1.1) in
 * Prevention mode plus a per-client throttle, and under regionPinned a block of unmapped countries when asked.
 */
function addWaf(scope: Construct, p: FrontDoorBuildProps, profile: CdnFrontdoorProfile, domainIds: string[]): { wafPolicy: CdnFrontdoorFirewallPolicy; securityPolicy: CdnFrontdoorSecurityPolicy } {
  const { wafMode, rateWindow, rateThreshold } = p.options;
  const customRules: CdnFrontdoorFirewallPolicyCustomRule[] = [{
    name: 'RateLimitPerClient',
    type: 'RateLimitRule',
    priority: 100,
    action: 'Block',
    rateLimitDurationInMinutes: rateWindow,
    rateLimitThreshold: rateThreshold,
    matchCondition: [{ matchVariable: 'RequestUri', operator: 'BeginsWith', matchValues: ['/'] }],
  }];
  if (p.geo?.rejectUnmappedCountries) {
    customRules.push({
      name: 'RejectUnmappedCountries',
      type: 'MatchRule',
      priority: 10,
      action: 'Block',
      matchCondition: [{ matchVariable: 'SocketAddr', operator: 'GeoMatch', negationCondition: true, matchValues: Object.values(p.geo.countries).flat() }],
    });
  }
  const policy = new CdnFrontdoorFirewallPolicy(scope, 'WafPolicy', {
    name: p.naming.name(scope, ResourceKind.FRONT_DOOR_WAF_POLICY, { override: p.names.wafPolicy, prop: 'names.wafPolicy' }),
    resourceGroupName: p.resourceGroupName,
    skuName: 'Premium_AzureFrontDoor',
    enabled: true,
    mode: wafMode,
    requestBodyCheckEnabled: true,
    managedRule: [
      { type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' },
      { type: 'Microsoft_BotManagerRuleSet', version: '1.1', action: 'Block' },
    ],
    customRule: customRules,
    tags: p.tags,
  });
  if (wafMode === 'Detection') acceptFinding(policy, 'OP-AFD-002', "waf.mode is 'Detection'");
  const securityPolicy = new CdnFrontdoorSecurityPolicy(scope, 'SecurityPolicy', {
    name: p.names.securityPolicy ?? 'waf',
    cdnFrontdoorProfileId: profile.id,
    securityPolicies: {
      firewall: {
        cdnFrontdoorFirewallPolicyId: policy.id,
        association: {
          domain: domainIds.map((cdnFrontdoorDomainId) => ({ cdnFrontdoorDomainId })),
          patternsToMatch: ['/*'],
        },
      },
    },
  });
  return { wafPolicy: policy, securityPolicy };
}
