import { IConstruct } from 'constructs';
import { IPv4, IPv4CidrRange, Validator } from 'ip-num';
import { ValidationError } from './errors';
import { AddressPlanProps } from './address-plan-types';
import { ADDRESS_PLAN_PROPS_SHAPE } from './shapes';
import { checkShape } from './validate';

/** One region's slice of the plan. */
export interface RegionAddresses {
  /** The region's VNet address space. */
  readonly vnet: string;
  /** AKS node subnet: a quarter of the VNet. */
  readonly aksNodes: string;
  /** Private endpoints (Key Vault, databases, Cosmos DB, Service Bus): a sixteenth of the VNet. */
  readonly privateEndpoints: string;
  /** Internal load balancer front ends and their Private Link Services (Front Door origins): a sixteenth. */
  readonly ingress: string;
  /** Pod CIDR of every cluster (Azure CNI Overlay), outside the VNets. */
  readonly podCidr: string;
  /** Kubernetes service CIDR of every cluster, outside the VNets and the pod CIDR. */
  readonly serviceCidr: string;
  /** Cluster DNS service address inside `serviceCidr`. */
  readonly dnsServiceIp: string;
}

/**
 * Subnet layout inside a region block, as Terraform's `cidrsubnet(block, newBits, netNum)`.
 *
 * Offsets are fixed so a subnet added later takes a reserved slot (sixteenths 6-15 are free) without moving the
 * existing ones: a moved subnet cannot be changed while it holds nodes or endpoints.
 */
const SUBNET_LAYOUT = {
  aksNodes: { newBits: 2, netNum: 0 },
  privateEndpoints: { newBits: 4, netNum: 4 },
  ingress: { newBits: 4, netNum: 5 },
} as const;

/** Ranges Azure refuses in a VNet (Microsoft Learn, "Azure Virtual Network frequently asked questions"). */
const AZURE_RESERVED = ['224.0.0.0/4', '255.255.255.255/32', '127.0.0.0/8', '169.254.0.0/16', '168.63.129.16/32'];

const MIN_REGION_PREFIX = 16;
const MAX_REGION_PREFIX = 22;

/** Every region's VNet and subnets, carved deterministically from one address space, never overlapping. */
export class AddressPlan {
  /** The validated address space. */
  public readonly addressSpace: string;
  /** Prefix length of each region's block (its VNet). */
  public readonly regionPrefixLength: number;
  /** Pod CIDR of every cluster (Azure CNI Overlay). */
  public readonly podCidr: string;
  /** Kubernetes service CIDR of every cluster. */
  public readonly serviceCidr: string;
  /** How many region blocks the address space holds. */
  public readonly capacity: number;
  private readonly space: IPv4CidrRange;

  /**
   * @param scope - construct named in errors
   * @param props - the plan
   * @param regionCount - how many region blocks the space must hold
   * @param prop - prop name for errors
   */
  constructor(scope: IConstruct, props: AddressPlanProps, regionCount: number, prop = 'addressPlan') {
    checkShape(scope, prop, props, ADDRESS_PLAN_PROPS_SHAPE);
    this.addressSpace = props.addressSpace ?? '10.100.0.0/16';
    this.regionPrefixLength = props.regionPrefixLength ?? 20;
    this.podCidr = props.podCidr ?? '192.168.0.0/16';
    this.serviceCidr = props.serviceCidr ?? '172.16.0.0/16';

    this.space = parseCidr(scope, `${prop}.addressSpace`, this.addressSpace);
    const pods = parseCidr(scope, `${prop}.podCidr`, this.podCidr);
    const services = parseCidr(scope, `${prop}.serviceCidr`, this.serviceCidr);
    for (const [name, range] of [['addressSpace', this.space], ['podCidr', pods], ['serviceCidr', services]] as const) {
      const reserved = AZURE_RESERVED.find((r) => IPv4CidrRange.fromCidr(r).isOverlapping(range));
      if (reserved) {
        throw new ValidationError({
          scope, prop: `${prop}.${name}`, value: range.toCidrString(),
          problem: `overlaps ${reserved}, which Azure reserves`, fix: 'use an RFC 1918 private range such as 10.0.0.0/8',
        });
      }
    }
    const spacePrefix = Number(this.space.getPrefix().getValue());
    const rp = this.regionPrefixLength;
    if (!Number.isInteger(rp) || rp < MIN_REGION_PREFIX || rp > MAX_REGION_PREFIX) {
      throw new ValidationError({
        scope, prop: `${prop}.regionPrefixLength`, value: rp,
        problem: `a region VNet must be /${MIN_REGION_PREFIX} to /${MAX_REGION_PREFIX} (smaller blocks cannot hold the AKS node, private-endpoint and ingress subnets)`,
        fix: `use an integer from ${MIN_REGION_PREFIX} to ${MAX_REGION_PREFIX}; 20 gives each region 4,096 addresses`,
      });
    }
    const capacity = rp >= spacePrefix ? 2 ** (rp - spacePrefix) : 0;
    this.capacity = capacity;
    if (capacity < regionCount) {
      const needed = rp - Math.ceil(Math.log2(regionCount));
      throw new ValidationError({
        scope, prop: `${prop}.addressSpace`, value: this.addressSpace,
        problem: `too small: it holds ${capacity} region block(s) of /${rp}, the platform needs ${regionCount}`,
        fix: `use an address space of /${needed} or larger, or a longer regionPrefixLength (at most ${MAX_REGION_PREFIX})`,
      });
    }
    const overlaps: [string, IPv4CidrRange, IPv4CidrRange][] = [
      ['podCidr', pods, this.space], ['serviceCidr', services, this.space], ['serviceCidr', services, pods],
    ];
    for (const [name, a, b] of overlaps) {
      if (a.isOverlapping(b)) {
        throw new ValidationError({
          scope, prop: `${prop}.${name}`, value: a.toCidrString(),
          problem: `overlaps ${b === this.space ? 'the VNet address space' : 'the pod CIDR'} ${b.toCidrString()}; AKS rejects overlapping pod, service and node ranges`,
          fix: 'choose non-overlapping ranges, e.g. addressSpace 10.100.0.0/16, podCidr 192.168.0.0/16, serviceCidr 172.16.0.0/16',
        });
      }
    }
    const serviceSize = services.getSize();
    if (serviceSize < 16n) {
      throw new ValidationError({
        scope, prop: `${prop}.serviceCidr`, value: this.serviceCidr,
        problem: 'too small for the cluster services', fix: 'use a /28 or larger; /16 is the AKS default',
      });
    }
  }

  /** The addresses of the region at position `index` in the platform's region list. */
  public forRegion(index: number): RegionAddresses {
    const vnet = subnet(this.space, this.regionPrefixLength - Number(this.space.getPrefix().getValue()), index);
    const services = IPv4CidrRange.fromCidr(this.serviceCidr);
    return {
      vnet: vnet.toCidrString(),
      aksNodes: subnet(vnet, SUBNET_LAYOUT.aksNodes.newBits, SUBNET_LAYOUT.aksNodes.netNum).toCidrString(),
      privateEndpoints: subnet(vnet, SUBNET_LAYOUT.privateEndpoints.newBits, SUBNET_LAYOUT.privateEndpoints.netNum).toCidrString(),
      ingress: subnet(vnet, SUBNET_LAYOUT.ingress.newBits, SUBNET_LAYOUT.ingress.netNum).toCidrString(),
      podCidr: this.podCidr,
      serviceCidr: this.serviceCidr,
      dnsServiceIp: IPv4.fromNumber(services.getFirst().getValue() + 10n).toString(),
    };
  }
}

/** Parses a network-aligned IPv4 CIDR or throws a `ValidationError`. */
function parseCidr(scope: IConstruct, prop: string, cidr: string): IPv4CidrRange {
  const [notation] = typeof cidr === 'string' ? Validator.isValidIPv4CidrNotation(cidr) : [false];
  if (!notation) {
    throw new ValidationError({ scope, prop, value: cidr, problem: 'not an IPv4 CIDR', fix: "write it as 'a.b.c.d/n', e.g. '10.100.0.0/16'" });
  }
  const [aligned] = Validator.isValidIPv4CidrRange(cidr);
  if (!aligned) {
    const range = IPv4CidrRange.fromCidr(cidr);
    const prefix = range.getPrefix().getValue();
    const mask = ((1n << 32n) - 1n) ^ ((1n << (32n - prefix)) - 1n);
    const network = IPv4.fromNumber(range.getFirst().getValue() & mask).toString();
    throw new ValidationError({ scope, prop, value: cidr, problem: 'host bits are set, so it is not a network address', fix: `use '${network}/${prefix}'` });
  }
  return IPv4CidrRange.fromCidr(cidr);
}

/** Terraform's `cidrsubnet`: the `netNum`-th block of `prefix + newBits` inside `range`. */
function subnet(range: IPv4CidrRange, newBits: number, netNum: number): IPv4CidrRange {
  const prefix = range.getPrefix().getValue() + BigInt(newBits);
  const start = range.getFirst().getValue() + BigInt(netNum) * (1n << (32n - prefix));
  return IPv4CidrRange.fromCidr(`${IPv4.fromNumber(start).toString()}/${prefix}`);
}
