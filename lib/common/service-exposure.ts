import { pathHash } from '../core/naming';
import { PLATFORM_SERVICES, PlatformServiceSpec, ServiceKey } from '../core/services';

// Internal (not exported from the package): how each service is reached from the Internet, the one place the global
// entry, the workloads and the platform take it from. __tests__/unit/common-service-exposure.test.ts tests it, and
// __tests__/service-exposure.test.ts checks it against what a platform synthesizes.

/** The services the global entry's two front ends serve. */
export interface EntryServices {
  /** Front Door: the services given to it, or every service not given to Traffic Manager. */
  readonly frontDoor: ServiceKey[];
  /** Traffic Manager: the services given to it (none by default). */
  readonly trafficManager: ServiceKey[];
}

/** Front Door serves every service that Traffic Manager does not, unless `frontDoor.services` says otherwise. */
export function frontDoorServicesByDefault(trafficManager: readonly ServiceKey[]): ServiceKey[] {
  return PLATFORM_SERVICES.map((spec) => spec.key).filter((key) => !trafficManager.includes(key));
}

/** Which front end serves each service, from the entry options as given (`GlobalEntryProps`, the platform's `entry`). */
export function entryServices(entry: { readonly frontDoor?: { readonly services?: ServiceKey[] }; readonly trafficManager?: { readonly services: ServiceKey[] } } | undefined): EntryServices {
  const trafficManager = entry?.trafficManager?.services ?? [];
  return { frontDoor: entry?.frontDoor?.services ?? frontDoorServicesByDefault(trafficManager), trafficManager };
}

/**
 * The services behind public load balancers (a public IP with a DNS label per region, and an NSG opening): those
 * Traffic Manager serves (it resolves clients to public endpoints), and Front Door's when API Management sits between
 * (a gateway outside a VNet reaches its backends over public addresses). The others stay internal, behind Private Link.
 */
export function publicServiceKeys(services: EntryServices, apiManagement: boolean): ServiceKey[] {
  return [...new Set([...services.trafficManager, ...(apiManagement ? services.frontDoor : [])])];
}

/**
 * The DNS label of a service's public load balancer in a region: `<prefix>-<service name>-<hash>`, the hash taken over
 * `<platform path>/<region>/<service key>`, so labels stay apart across platforms and regions (Azure wants them unique
 * per region).
 */
export function publicDnsLabel(prefix: string, platformPath: string, region: string, service: PlatformServiceSpec): string {
  return `${prefix}-${service.name}-${pathHash(`${platformPath}/${region}/${service.key}`)}`;
}

/** The host name Azure gives a public IP's DNS label: `<label>.<region>.cloudapp.azure.com`. */
export function publicDnsName(label: string, region: string): string {
  return `${label}.${region}.cloudapp.azure.com`;
}
