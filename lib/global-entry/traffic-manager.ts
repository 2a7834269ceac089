import { Construct } from 'constructs';
import { TrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
import { TrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
import { ResourceKind } from '../core/naming';
import { PatternKind, RedundancyPattern } from '../core/pattern';
import { PLATFORM_SERVICES, ServiceKey } from '../core/services';
import { CheckedGeo, EntryContext } from './routing';

// Internal: the Traffic Manager profiles of the global entry (DNS-level routing to public origins).

/** What `buildTrafficManager` builds from: the entry's settings, the checked options and the public origins. */
export interface TrafficManagerBuildProps extends EntryContext {
  /** DNS TTL in seconds. */
  readonly ttl: number;
  /** Health-check interval in seconds (30 or 10). */
  readonly interval: number;
  /** The services Traffic Manager serves. */
  readonly services: ServiceKey[];
  /** Public host per service per region. */
  readonly publicOrigins: Map<string, Record<string, string>>;
  /** Profile name overrides by service (checked). */
  readonly names: { readonly [service: string]: string };
  /** Endpoint name overrides by region (checked). */
  readonly endpointNames: { readonly [region: string]: string };
  /** The path the profiles' monitors probe. */
  readonly healthPath: string;
  readonly weights: Map<string, number>;
  readonly geo: CheckedGeo | undefined;
  readonly pattern: RedundancyPattern;
}

/** Builds a Traffic Manager profile per service with an external endpoint per region; returns the profiles by service. */
export function buildTrafficManager(scope: Construct, p: TrafficManagerBuildProps): Record<string, TrafficManagerProfile> {
  const { ttl, interval, pattern, weights, geo } = p;
  const method = pattern.kind === PatternKind.REGION_PINNED ? 'Geographic'
    : pattern.kind === PatternKind.ACTIVE_ACTIVE ? (weights.size > 0 ? 'Weighted' : 'Performance')
      : 'Priority';
  const profiles: Record<string, TrafficManagerProfile> = {};
  for (const key of p.services) {
    const service = PLATFORM_SERVICES.find((s) => s.key === key)!;
    const name = p.naming.name(scope, ResourceKind.TRAFFIC_MANAGER_PROFILE, { qualifier: service.key, childId: `TrafficManager-${key}`, override: p.names[key], prop: `names.trafficManagerProfiles.${key}` });
    const profile = new TrafficManagerProfile(scope, `TrafficManager-${key}`, {
      name,
      resourceGroupName: p.resourceGroupName,
      trafficRoutingMethod: method,
      dnsConfig: { relativeName: name, ttl },
      // HTTPS health checks on the readiness path; three failures mark an endpoint down.
      monitorConfig: { protocol: 'HTTPS', port: 443, path: p.healthPath, intervalInSeconds: interval, timeoutInSeconds: interval === 10 ? 9 : 10, toleratedNumberOfFailures: 3 },
      tags: p.tags,
    });
    p.placements.forEach((placement, i) => {
      const region = placement.region.name;
      const geoMappings = method === 'Geographic'
        ? [...(geo!.countries[region] ?? []), ...(region === geo!.defaultRegion && !geo!.rejectUnmappedCountries ? ['WORLD'] : [])]
        : undefined;
      new TrafficManagerExternalEndpoint(scope, `TrafficManagerEndpoint-${key}-${region}`, {
        name: p.endpointNames[region] ?? region,
        profileId: profile.id,
        target: p.publicOrigins.get(region)![key],
        endpointLocation: region,
        priority: method === 'Priority' ? i + 1 : undefined,
        weight: method === 'Weighted' ? (weights.get(region) ?? 1) : undefined,
        geoMappings: geoMappings && geoMappings.length ? geoMappings : undefined,
      });
    });
    profiles[key] = profile;
  }
  return profiles;
}
