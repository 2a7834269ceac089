import { PLATFORM_SERVICES } from '../core/services';
import { objectShape, shapes, strictShape } from '../core/validate';
import type { RegionalIngress } from './regional-ingress';

// Internal: run-time shapes of the shared contracts (not exported from the package).

/** The shape of a {@link RegionalIngress} (given by stamps; checked where it is received). */
export const REGIONAL_INGRESS_SHAPE = strictShape<RegionalIngress>({
  region: shapes.string(), nodeResourceGroup: shapes.string(), subnetName: shapes.string(), subnetCidr: shapes.string(), podCidr: shapes.string(),
  services: objectShape(Object.fromEntries(PLATFORM_SERVICES.map((s) => [s.key, strictShape<RegionalIngress['services'][string]>({ privateIp: shapes.string(), privateLinkServiceName: shapes.string() })]))),
}, 'a RegionalIngress (RegionalStamp.ingress)');
