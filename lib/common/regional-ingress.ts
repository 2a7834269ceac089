import { IConstruct } from 'constructs';
import { IPv4, IPv4CidrRange } from 'ip-num';
import { RegionAddresses } from '../core/address-plan';
import { ValidationError } from '../core/errors';
import { PlatformServiceSpec } from '../core/services';
import { checkFormat, IPV4, IPV4_CIDR } from '../core/validate';

/**
 * Where one regional stamp's services are reached: what the global entry (origins) and the workloads (Service
 * annotations, NetworkPolicies) agree on.
 */
export interface RegionalIngress {
  /** Region of the cluster. */
  readonly region: string;
  /** Resource group where AKS creates load balancers and Private Link Services (the node resource group). */
  readonly nodeResourceGroup: string;
  /** Name of the subnet holding the internal load balancers and their Private Link Services. */
  readonly subnetName: string;
  /**
   * Address range of that subnet: Private Link Service NAT addresses come from it, so it is where Front Door's
   * requests to the pods come from.
   */
  readonly subnetCidr: string;
  /** The cluster's pod CIDR (excluded from the sources a public service admits). */
  readonly podCidr: string;
  /** Per service: the fixed internal load-balancer address (from the address plan) and its Private Link Service name. */
  readonly services: { readonly [key: string]: { readonly privateIp: string; readonly privateLinkServiceName: string } };
}

/** The internal load-balancer address of a service in a region: a fixed host of the ingress subnet. */
export function ingressIp(addresses: RegionAddresses, service: PlatformServiceSpec): string {
  const subnet = IPv4CidrRange.fromCidr(addresses.ingress);
  return IPv4.fromNumber(subnet.getFirst().getValue() + BigInt(service.ingressHost)).toString();
}

/** Checks the addresses of a {@link RegionalIngress} (a hand-made one may hold anything); tokens pass. */
export function checkIngressAddresses(scope: IConstruct, prop: string, ingress: RegionalIngress): void {
  const errors: ValidationError[] = [];
  const attempt = (fn: () => void) => {
    try { fn(); } catch (e) { if (e instanceof ValidationError) errors.push(...e.violations); else throw e; }
  };
  attempt(() => checkFormat(scope, `${prop}.subnetCidr`, ingress.subnetCidr, IPV4_CIDR, 'not an IPv4 CIDR', "pass the stamp's ingress subnet (RegionalStamp.ingress)"));
  attempt(() => checkFormat(scope, `${prop}.podCidr`, ingress.podCidr, IPV4_CIDR, 'not an IPv4 CIDR', "pass the cluster's pod CIDR (RegionalStamp.ingress)"));
  for (const [key, service] of Object.entries(ingress.services)) {
    attempt(() => checkFormat(scope, `${prop}.services.${key}.privateIp`, service.privateIp, IPV4, 'not an IPv4 address', "pass RegionalStamp.ingress, whose addresses come from the address plan"));
  }
  if (errors.length > 0) throw ValidationError.combine(errors);
}
