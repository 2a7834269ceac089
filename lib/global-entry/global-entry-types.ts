import { RedundancyPattern } from '../core/pattern';
import { ServiceKey } from '../core/services';
import { Tags } from '../core/tags';
import { IRegionalMonitoring } from '../monitoring/regional-monitoring';
import { RegionalIngress } from '../common/regional-ingress';

// The props of GlobalEntry, apart from the construct so that the API Management gateway (api-management.ts) and the
// props' run-time shape (shapes.ts) can name them without importing it.

/** Options of the Front Door entry. */
export interface FrontDoorOptions {
  /**
   * Services Front Door serves (the others must be served by Traffic Manager).
   * @default - every service not given to Traffic Manager
   */
  readonly services?: ServiceKey[];
  /**
   * Reach the stamps' internal load balancers over Private Link (the AKS-managed Private Link Services); `false`
   * uses `publicOrigins`.
   * @default true
   */
  readonly privateLink?: boolean;
  /**
   * Host header (and TLS server name) sent to each service's origins; Front Door checks the service's certificate
   * against it. Required for Private Link origins (their address is a private IP no public certificate covers)
   * unless `customDomains` are given.
   * @default - public origins: their host name; Private Link origins: the first custom domain
   */
  readonly originHostHeaders?: { readonly [service: string]: string };
  /**
   * Front Door Private Link region per origin region, where Front Door's private endpoints live. Front Door Private
   * Link works from a list of regions; any of them reaches any origin.
   * @default - the origin's region when Front Door Private Link is offered there, else an offered region in the same
   * geography
   */
  readonly privateLinkLocations?: { readonly [region: string]: string };
  /** Health-probe interval in seconds (5-31536000). @default 30 */
  readonly probeIntervalSeconds?: number;
  /** Health-probe samples considered (1-255). @default 4 */
  readonly sampleSize?: number;
  /** Successful samples needed for a healthy origin. @default 2 */
  readonly successfulSamplesRequired?: number;
  /** Latency sensitivity in milliseconds: origins within this much of the fastest share traffic (0-1000). @default 50 */
  readonly latencySensitivityMilliseconds?: number;
  /** Custom domains (host names) on the endpoint, with Azure-managed TLS certificates (TLS 1.2). @default - none */
  readonly customDomains?: string[];
  /** WAF settings. @default - Prevention, 1000 requests per client per minute */
  readonly waf?: WafOptions;
}

/** WAF policy settings. */
export interface WafOptions {
  /** Whether the WAF blocks (Prevention) or only logs (Detection) what its rules match. @default 'Prevention' */
  readonly mode?: 'Prevention' | 'Detection';
  /** Requests per client IP per window before the rate-limit rule blocks (a per-client throttle). @default 1000 */
  readonly rateLimitThreshold?: number;
  /** Rate-limit window in minutes: 1 or 5. @default 1 */
  readonly rateLimitWindowMinutes?: number;
}

/** Options of the Traffic Manager entry (DNS-level; needs public origins). */
export interface TrafficManagerOptions {
  /** Services Traffic Manager serves; Front Door must not serve them too. */
  readonly services: ServiceKey[];
  /** DNS TTL in seconds (0-2147483647); low, so clients follow a failover quickly. @default 30 */
  readonly dnsTtlSeconds?: number;
  /** Health-check interval in seconds: 30, or 10 (fast probing). @default 30 */
  readonly probeIntervalSeconds?: number;
}

/** Options of the API Management gateway behind Front Door. */
export interface ApiManagementOptions {
  /** Publisher name shown in the developer portal and notification mails. */
  readonly publisherName: string;
  /** Publisher e-mail address (API Management's notifications). */
  readonly publisherEmail: string;
  /**
   * SKU; several regions and availability zones need Premium.
   * @default 'Premium'
   */
  readonly sku?: 'Developer' | 'Basic' | 'Standard' | 'Premium';
  /** Units per region (Premium with zones: a multiple of 3, one per zone). @default - 3 with zones, else 1 */
  readonly capacity?: number;
  /** Token validation (validate-jwt). */
  readonly jwt: {
    /** Token issuer, e.g. `https://login.microsoftonline.com/<tenant>/v2.0`; its OpenID configuration is fetched. */
    readonly issuer: string;
    /** Accepted audiences, e.g. `api://orders`. */
    readonly audiences: string[];
  };
  /** Throttle per client IP (rate-limit-by-key). @default - 100 calls per 60 s */
  readonly rateLimit?: { readonly calls?: number; readonly renewalPeriodSeconds?: number };
}

/** Country-based routing of regionPinned cells. */
export interface GeoRoutingOptions {
  /** ISO 3166-1 alpha-2 country codes served by each cell, keyed by the cell's region. */
  readonly countries: { readonly [region: string]: string[] };
  /**
   * Cell serving requests from unmapped countries (Front Door: the routes' default; Traffic Manager: the WORLD
   * mapping).
   * @default - the first cell
   */
  readonly defaultRegion?: string;
  /** Reject unmapped countries instead (Front Door: a WAF geo rule; Traffic Manager: no WORLD mapping). @default false */
  readonly rejectUnmappedCountries?: boolean;
  /**
   * Let a cell's traffic fall back to other cells' origins when all of its own are down. Data residency usually
   * forbids it.
   * @default false
   */
  readonly allowCrossCellFallback?: boolean;
}

/**
 * Name overrides of {@link GlobalEntry}, e.g. to adopt existing resources by name. Each is checked against Azure's
 * rules for its resource type; a name for a resource the entry does not create is an error. The origin groups, origins,
 * routes and rule sets keep their fixed names (`order-api`, `order-api-write`, the region, ...): they are children of
 * the profile, named after the service they route.
 */
export interface GlobalEntryNames {
  /** Name of the Front Door profile. @default - `<prefix>-afd-<hash>` */
  readonly frontDoorProfile?: string;
  /**
   * Name of the Front Door endpoint, the start of its host name (`<name>-<hash>.z01.azurefd.net`).
   * @default - `<prefix>-fde-<hash>`
   */
  readonly frontDoorEndpoint?: string;
  /** Name of the WAF policy (letters and digits only). @default - `<prefix>waf<hash>` */
  readonly wafPolicy?: string;
  /** Name of the security policy that attaches the WAF policy to the endpoint and custom domains. @default 'waf' */
  readonly securityPolicy?: string;
  /**
   * Names of the custom-domain resources, by host name (a key of `frontDoor.customDomains`).
   * @default - the host name with its dots replaced by hyphens (`orders-contoso-com` for `orders.contoso.com`)
   */
  readonly customDomains?: { readonly [hostName: string]: string };
  /**
   * Names of the Traffic Manager profiles, by service (a service of `trafficManager.services`); a profile's name is also
   * its DNS name, `<name>.trafficmanager.net`.
   * @default - `<prefix>-traf-<service>-<hash>`
   */
  readonly trafficManagerProfiles?: { readonly [service: string]: string };
  /**
   * Names of the Front Door routes, by service (`order`, `tracking`; a service Front Door serves). A route's name cannot
   * change in place, and a second route with the same paths is refused, so adopting an endpoint means naming its routes.
   * @default - the service's name (`order-api`, `tracking-api`)
   */
  readonly frontDoorRoutes?: { readonly [service: string]: string };
  /**
   * Names of the Front Door origin groups, by the library's name for the group: `<service name>` (every pattern),
   * `<service name>-write` (primarySecondary's writes) or `<service name>-<region>` (a regionPinned cell), e.g.
   * `order-api-write`.
   * @default - the library's name for the group
   */
  readonly frontDoorOriginGroups?: { readonly [group: string]: string };
  /**
   * Names of the Front Door origins, by region: a region's origin has this name in every origin group.
   * @default - the region's name (`westus3`)
   */
  readonly frontDoorOrigins?: { readonly [region: string]: string };
  /**
   * Names of the Traffic Manager endpoints, by region: a region's endpoint has this name in every profile.
   * @default - the region's name (`westus3`)
   */
  readonly trafficManagerEndpoints?: { readonly [region: string]: string };
  /**
   * Name of the API Management service (also its host name, `<name>.azure-api.net`).
   * @default - `<prefix>-apim-<first region>-<hash>`, or `<prefix>-apim-<hash>` where that would exceed 50 characters
   */
  readonly apiManagement?: string;
}

/** Props of {@link GlobalEntry}. */
export interface GlobalEntryProps {
  /** Name prefix (2-12 lower-case letters and digits, starting with a letter). */
  readonly prefix: string;
  /** Redundancy pattern: decides the routing (priority, weights, geography). */
  readonly pattern: RedundancyPattern;
  /** Programmatic region names, first = primary / home. */
  readonly regions: string[];
  /** Each stamp's ingress (`RegionalStamp.ingress`), one per region. */
  readonly ingress: RegionalIngress[];
  /**
   * Public origin host names per region and service, for public Front Door origins or Traffic Manager.
   * @default - none (Private Link origins)
   */
  readonly publicOrigins?: { readonly [region: string]: { readonly [service: string]: string } };
  /** Front Door Premium (the default entry). @default - every service through Front Door over Private Link */
  readonly frontDoor?: FrontDoorOptions;
  /** Traffic Manager for some services instead of Front Door. @default - none */
  readonly trafficManager?: TrafficManagerOptions;
  /**
   * API Management between Front Door and the Front Door services (JWT validation, throttling, regional backends).
   * Its backends are the `publicOrigins` (a gateway outside a VNet cannot reach the stamps' private addresses).
   * @default - none
   */
  readonly apiManagement?: ApiManagementOptions;
  /** Health-probe path of every service. @default '/healthz/ready' */
  readonly healthProbePath?: string;
  /**
   * activeActive: traffic weight per region (1-1000; shift gradually, e.g. 10, then 50, then 100, for blue-green between
   * stamps). Traffic Manager switches from Performance to Weighted routing when weights are given.
   * @default - equal weights
   */
  readonly weights?: { readonly [region: string]: number };
  /** regionPinned: which countries each cell serves. Required for regionPinned with more than one cell. */
  readonly geoRouting?: GeoRoutingOptions;
  /**
   * Resource group of the global resources: an existing group the entry deploys into or, with
   * `createResourceGroup`, the name of the group it creates. Without `createResourceGroup` it is required.
   * @default - with `createResourceGroup`: `<prefix>-rg-edge-<first region>-<hash>`; without: none (required)
   */
  readonly resourceGroupName?: string;
  /**
   * Create the resource group (in the first region, named by `resourceGroupName` or generated) instead of deploying
   * into an existing one. The entry never creates a group it was not asked to.
   * @default false
   */
  readonly createResourceGroup?: boolean;
  /** Name overrides. @default - generated names */
  readonly names?: GlobalEntryNames;
  /** Workspace for access, health-probe and WAF logs. @default - no diagnostics */
  readonly monitoring?: IRegionalMonitoring;
  /** Tags for every resource (merged over the library's own). @default - library tags only */
  readonly tags?: Tags;
}
