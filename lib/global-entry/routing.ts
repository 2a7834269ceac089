import { Construct } from 'constructs';
import { CdnFrontdoorOrigin } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin';
import { CdnFrontdoorOriginGroup } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin-group';
import { CdnFrontdoorRoute } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-route';
import { CdnFrontdoorRule } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-rule';
import { CdnFrontdoorRuleSet } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-rule-set';
import { ValidationError } from '../core/errors';
import { Naming } from '../core/naming';
import { PatternKind, RedundancyPattern, RegionPlacement } from '../core/pattern';
import { PLATFORM_SERVICES, PlatformServiceSpec, ServiceKey } from '../core/services';
import { Tags } from '../core/tags';
import { checkInteger, pascal } from '../core/validate';
import { GeoRoutingOptions } from './global-entry-types';

// Internal: how the pattern routes requests (weights, country mapping, Front Door's origin groups, rule sets and
// routes per service). Front Door (front-door.ts) and Traffic Manager (traffic-manager.ts) build on it.

/**
 * Front Door's request-method condition knows GET, POST, PUT, DELETE, HEAD, OPTIONS and TRACE, not PATCH: writes are
 * matched as "not a read" so PATCH goes to the write group too.
 */
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const COUNTRY = /^[A-Z]{2}$/;

/** The global entry's own settings every part of it builds with. */
export interface EntryContext {
  readonly naming: Naming;
  /** Where every region sits in the pattern, in list order. */
  readonly placements: readonly RegionPlacement[];
  readonly resourceGroupName: string;
  readonly tags: Tags;
}

/** The country routing of regionPinned, checked. */
export interface CheckedGeo {
  readonly countries: { readonly [region: string]: string[] };
  readonly defaultRegion: string;
  readonly rejectUnmappedCountries: boolean;
  readonly allowCrossCellFallback: boolean;
}

/** The routing weights by region (activeActive only), checked. */
export function checkWeights(scope: Construct, placements: readonly RegionPlacement[], pattern: RedundancyPattern, weights: { readonly [region: string]: number } | undefined): Map<string, number> {
  const entries = Object.entries(weights ?? {});
  if (entries.length > 0 && pattern.kind !== PatternKind.ACTIVE_ACTIVE) {
    throw new ValidationError({ scope, prop: 'weights', value: weights, problem: `${pattern.kind} routes by priority or country, so weights would be ignored`, fix: 'drop weights, or use activeActive' });
  }
  for (const [region, weight] of entries) {
    if (!placements.some((p) => p.region.name === region)) {
      throw new ValidationError({ scope, prop: `weights.${region}`, value: weight, problem: 'not one of the regions', fix: `key weights by ${placements.map((p) => p.region.name).join(', ')}` });
    }
    checkInteger(scope, `weights.${region}`, weight, 1, 1000, 'Front Door and Traffic Manager weights are 1-1000');
  }
  return new Map(entries);
}

/** The country mapping of regionPinned, checked (undefined under the other patterns). */
export function checkGeoRouting(scope: Construct, placements: readonly RegionPlacement[], pattern: RedundancyPattern, geo: GeoRoutingOptions | undefined): CheckedGeo | undefined {
  if (pattern.kind !== PatternKind.REGION_PINNED) {
    if (geo) throw new ValidationError({ scope, prop: 'geoRouting', value: Object.keys(geo.countries ?? {}), problem: `${pattern.kind} does not route by country, so geoRouting would be ignored`, fix: 'drop geoRouting, or use regionPinned' });
    return undefined;
  }
  const cells = placements.map((p) => p.region.name);
  if (!geo || Object.keys(geo.countries ?? {}).length === 0) {
    if (cells.length === 1) return { countries: {}, defaultRegion: cells[0], rejectUnmappedCountries: false, allowCrossCellFallback: false };
    throw new ValidationError({ scope, prop: 'geoRouting.countries', value: geo?.countries, problem: 'regionPinned with several cells routes each country set to its cell, and no country mapping was given', fix: "map countries to cells, e.g. { westeurope: ['DE', 'FR'], japaneast: ['JP'] }" });
  }
  const seen = new Map<string, string>();
  for (const [region, countries] of Object.entries(geo.countries)) {
    if (!cells.includes(region)) {
      throw new ValidationError({ scope, prop: `geoRouting.countries.${region}`, value: countries, problem: 'not one of the cells', fix: `key countries by ${cells.join(', ')}` });
    }
    if (!Array.isArray(countries) || countries.length === 0) {
      throw new ValidationError({ scope, prop: `geoRouting.countries.${region}`, value: countries, problem: 'a cell needs at least one country', fix: "list ISO 3166-1 alpha-2 codes, e.g. ['DE']" });
    }
    for (const country of countries) {
      if (!COUNTRY.test(country)) {
        throw new ValidationError({ scope, prop: `geoRouting.countries.${region}`, value: country, problem: 'not an ISO 3166-1 alpha-2 country code', fix: "use upper-case two-letter codes such as 'DE' or 'JP'" });
      }
      if (seen.has(country)) {
        throw new ValidationError({ scope, prop: `geoRouting.countries.${region}`, value: country, problem: `also mapped to ${seen.get(country)}; a country belongs to one cell`, fix: 'map each country once' });
      }
      seen.set(country, region);
    }
  }
  const defaultRegion = geo.defaultRegion ?? cells[0];
  if (!cells.includes(defaultRegion)) {
    throw new ValidationError({ scope, prop: 'geoRouting.defaultRegion', value: defaultRegion, problem: 'not one of the cells', fix: `use one of ${cells.join(', ')}` });
  }
  return { countries: geo.countries, defaultRegion, rejectUnmappedCountries: geo.rejectUnmappedCountries ?? false, allowCrossCellFallback: geo.allowCrossCellFallback ?? false };
}

/** A region in an origin group, with its priority and weight. */
export interface OriginMember {
  readonly placement: RegionPlacement;
  readonly priority: number;
  readonly weight: number;
}

/** An origin group and its origins. */
export interface OriginGroup {
  readonly group: CdnFrontdoorOriginGroup;
  readonly origins: CdnFrontdoorOrigin[];
}

/** What routing the services through Front Door needs: the endpoint, the pattern's routing and an origin group builder. */
export interface FrontDoorRoutingProps {
  readonly placements: readonly RegionPlacement[];
  readonly pattern: RedundancyPattern;
  readonly weights: Map<string, number>;
  readonly geo: CheckedGeo | undefined;
  readonly profileId: string;
  readonly endpointId: string;
  readonly customDomainIds: string[];
  /** Builds the origin group `name` of `service` with an origin per member. */
  readonly originGroup: (service: PlatformServiceSpec, name: string, members: OriginMember[]) => OriginGroup;
  /** Route name overrides by service (checked). */
  readonly routeNames: { readonly [service: string]: string };
}

/**
 * The library's names of the origin groups Front Door gets for `services` under `pattern` (the keys of
 * `names.frontDoorOriginGroups`, and the groups' construct IDs `OriginGroup-<name>`), as `cellRouting` and
 * `priorityRouting` build them.
 */
export function originGroupKeys(services: readonly ServiceKey[], pattern: RedundancyPattern, placements: readonly RegionPlacement[]): string[] {
  return services.flatMap((key) => {
    const name = PLATFORM_SERVICES.find((s) => s.key === key)!.name;
    if (pattern.kind === PatternKind.REGION_PINNED) return placements.map((cell) => `${name}-${cell.region.name}`);
    return pattern.kind === PatternKind.PRIMARY_SECONDARY ? [name, `${name}-write`] : [name];
  });
}

/** Where a service's route sends requests: its main origin group, the other groups' origins and the rule sets that pick them. */
interface ServiceRouting {
  readonly main: OriginGroup;
  /** Origins of the groups the rule sets override to (the route depends on them too). */
  readonly extraOrigins: CdnFrontdoorOrigin[];
  readonly ruleSetIds: string[];
}

/** Builds each service's origin groups, rule sets and Front Door route, the way the pattern routes (see `GlobalEntry`); returns the routes by service. */
export function addFrontDoorRoutes(scope: Construct, services: ServiceKey[], p: FrontDoorRoutingProps): Record<string, CdnFrontdoorRoute> {
  const routes: Record<string, CdnFrontdoorRoute> = {};
  for (const key of services) {
    const service = PLATFORM_SERVICES.find((s) => s.key === key)!;
    const { main, extraOrigins, ruleSetIds } = p.pattern.kind === PatternKind.REGION_PINNED ? cellRouting(scope, service, p) : priorityRouting(scope, service, p);
    routes[key] = new CdnFrontdoorRoute(scope, `Route-${service.key}`, {
      name: p.routeNames[key] ?? service.name,
      cdnFrontdoorEndpointId: p.endpointId,
      cdnFrontdoorOriginGroupId: main.group.id,
      cdnFrontdoorOriginIds: main.origins.map((origin) => origin.id),
      cdnFrontdoorRuleSetIds: ruleSetIds.length ? ruleSetIds : undefined,
      cdnFrontdoorCustomDomainIds: p.customDomainIds.length ? p.customDomainIds : undefined,
      patternsToMatch: [service.pathPrefix, `${service.pathPrefix}/*`],
      supportedProtocols: ['Http', 'Https'],
      httpsRedirectEnabled: true,
      forwardingProtocol: 'HttpsOnly',
      linkToDefaultDomain: true,
      dependsOn: [...main.origins, ...extraOrigins],
    });
  }
  return routes;
}

/**
 * Builds regionPinned's routing of a service: one origin group per cell; the route defaults to the default cell and a
 * rule per other cell overrides it by the client's country.
 */
function cellRouting(scope: Construct, service: PlatformServiceSpec, p: FrontDoorRoutingProps): ServiceRouting {
  const geo = p.geo!;
  const all = p.placements;
  const ruleSetIds: string[] = [];
  const extraOrigins: CdnFrontdoorOrigin[] = [];
  const groups = new Map(all.map((cell) => {
    const fallback = geo.allowCrossCellFallback ? all.filter((o) => o !== cell).map((placement) => ({ placement, priority: 2, weight: 1000 })) : [];
    return [cell.region.name, p.originGroup(service, `${service.name}-${cell.region.name}`, [{ placement: cell, priority: 1, weight: 1000 }, ...fallback])];
  }));
  const main = groups.get(geo.defaultRegion)!;
  groups.forEach((g, region) => { if (region !== geo.defaultRegion) extraOrigins.push(...g.origins); });
  const ruleSet = new CdnFrontdoorRuleSet(scope, `GeoRouting-${service.key}`, { name: `${pascal(service.key)}GeoRouting`, cdnFrontdoorProfileId: p.profileId });
  let order = 1;
  for (const [region, countries] of Object.entries(geo.countries)) {
    if (region === geo.defaultRegion) continue;
    new CdnFrontdoorRule(scope, `GeoRule-${service.key}-${region}`, {
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
  return { main, extraOrigins, ruleSetIds };
}

/**
 * Builds the routing of a service by priority and weight: reads (and everything else) to the main group; under
 * primarySecondary writes to a write group by a rule on the request method.
 */
function priorityRouting(scope: Construct, service: PlatformServiceSpec, p: FrontDoorRoutingProps): ServiceRouting {
  const kind = p.pattern.kind;
  const all = p.placements;
  const ruleSetIds: string[] = [];
  const extraOrigins: CdnFrontdoorOrigin[] = [];
  // Reads (and everything else) to the main group: priorities and weights per pattern.
  const members = all.map((placement, i) => ({
    placement,
    priority: kind === PatternKind.ACTIVE_PASSIVE ? i + 1 : 1,
    weight: p.weights.get(placement.region.name) ?? 1000,
  }));
  const main = p.originGroup(service, service.name, members);
  if (kind === PatternKind.PRIMARY_SECONDARY) {
    // Writes to the primary first, the secondary only when the primary is unhealthy.
    const write = p.originGroup(service, `${service.name}-write`, all.map((placement, i) => ({ placement, priority: i + 1, weight: 1000 })));
    extraOrigins.push(...write.origins);
    const ruleSet = new CdnFrontdoorRuleSet(scope, `WriteRouting-${service.key}`, { name: `${pascal(service.key)}WriteRouting`, cdnFrontdoorProfileId: p.profileId });
    new CdnFrontdoorRule(scope, `WriteRule-${service.key}`, {
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
  return { main, extraOrigins, ruleSetIds };
}
