import { REGIONAL_INGRESS_SHAPE } from '../common/shapes';
import { PATTERN_SHAPE, REGIONS_SHAPE, TAGS_SHAPE } from '../core/shapes';
import { PLATFORM_SERVICES } from '../core/services';
import { opt, shapes, strictShape } from '../core/validate';
import { MONITORING_SINK_SHAPE } from '../monitoring/shapes';
import type { ApiManagementOptions, FrontDoorOptions, GeoRoutingOptions, GlobalEntryNames, GlobalEntryProps, TrafficManagerOptions, WafOptions } from './global-entry-types';

// Internal: the run-time shapes of the global entry props (not exported from the package).

const SERVICES = shapes.list(shapes.oneOf(PLATFORM_SERVICES.map((s) => s.key)), "a list of services ('order', 'tracking')");

const WAF_SHAPE = strictShape<WafOptions>({ mode: opt(shapes.oneOf(['Prevention', 'Detection'])), rateLimitThreshold: opt(shapes.number()), rateLimitWindowMinutes: opt(shapes.number()) });

const FRONT_DOOR_SHAPE = strictShape<FrontDoorOptions>({
  services: opt(SERVICES), privateLink: opt(shapes.boolean()), originHostHeaders: opt(shapes.map(shapes.string())), privateLinkLocations: opt(shapes.map(shapes.string())),
  probeIntervalSeconds: opt(shapes.number()), sampleSize: opt(shapes.number()), successfulSamplesRequired: opt(shapes.number()), latencySensitivityMilliseconds: opt(shapes.number()),
  customDomains: opt(shapes.list(shapes.string())), waf: opt(WAF_SHAPE),
});

const TRAFFIC_MANAGER_SHAPE = strictShape<TrafficManagerOptions>({ services: SERVICES, dnsTtlSeconds: opt(shapes.number()), probeIntervalSeconds: opt(shapes.number()) });

const API_MANAGEMENT_SHAPE = strictShape<ApiManagementOptions>({
  publisherName: shapes.string(), publisherEmail: shapes.string(), sku: opt(shapes.oneOf(['Developer', 'Basic', 'Standard', 'Premium'])), capacity: opt(shapes.number()),
  jwt: strictShape<ApiManagementOptions['jwt']>({ issuer: shapes.string(), audiences: shapes.list(shapes.string()) }),
  rateLimit: opt(strictShape<NonNullable<ApiManagementOptions['rateLimit']>>({ calls: opt(shapes.number()), renewalPeriodSeconds: opt(shapes.number()) })),
});

const GEO_ROUTING_SHAPE = strictShape<GeoRoutingOptions>({
  countries: shapes.map(shapes.list(shapes.string())), defaultRegion: opt(shapes.string()), rejectUnmappedCountries: opt(shapes.boolean()), allowCrossCellFallback: opt(shapes.boolean()),
});

const NAMES_SHAPE = strictShape<GlobalEntryNames>({
  frontDoorProfile: opt(shapes.string()), frontDoorEndpoint: opt(shapes.string()), wafPolicy: opt(shapes.string()),
  securityPolicy: opt(shapes.string()), customDomains: opt(shapes.map(shapes.string())), trafficManagerProfiles: opt(shapes.map(shapes.string())), apiManagement: opt(shapes.string()),
  frontDoorRoutes: opt(shapes.map(shapes.string())), frontDoorOriginGroups: opt(shapes.map(shapes.string())), frontDoorOrigins: opt(shapes.map(shapes.string())),
  trafficManagerEndpoints: opt(shapes.map(shapes.string())),
});

/** The entry options the platform passes through (also the platform's `entry`). */
export const ENTRY_OPTION_ENTRIES = {
  publicOrigins: opt(shapes.map(shapes.map(shapes.string()))), frontDoor: opt(FRONT_DOOR_SHAPE), trafficManager: opt(TRAFFIC_MANAGER_SHAPE), apiManagement: opt(API_MANAGEMENT_SHAPE),
  healthProbePath: opt(shapes.string()), weights: opt(shapes.map(shapes.number())), geoRouting: opt(GEO_ROUTING_SHAPE), names: opt(NAMES_SHAPE),
};

export const GLOBAL_ENTRY_SHAPE = strictShape<GlobalEntryProps>({
  prefix: shapes.string(), pattern: PATTERN_SHAPE, regions: REGIONS_SHAPE, ingress: shapes.list(REGIONAL_INGRESS_SHAPE), ...ENTRY_OPTION_ENTRIES,
  resourceGroupName: opt(shapes.string()), createResourceGroup: opt(shapes.boolean()), monitoring: opt(MONITORING_SINK_SHAPE), tags: opt(TAGS_SHAPE),
});
