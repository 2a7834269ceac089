import { Construct } from 'constructs';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { RegionAddresses } from '../core/address-plan';
import { Naming, ResourceKind } from '../core/naming';
import { DiagnosticSink, diagnose } from '../monitoring/diagnostics';
import { Tags } from '../core/tags';

/** Props of {@link StampNetwork}. */
export interface StampNetworkProps {
  readonly naming: Naming;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly addresses: RegionAddresses;
  /** @default - generated */
  readonly virtualNetworkName?: string;
  /** TCP ports the Internet may reach on the node subnet (public load balancers). @default - none */
  readonly publicIngressPorts?: number[];
  /** Where the VNet's and the NSGs' diagnostics go. @default - no diagnostic settings */
  readonly diagnostics?: DiagnosticSink;
  readonly tags: Tags;
}

/** The subnets of a stamp, with the settings each one's tenants need. */
const SUBNETS = [
  // AKS nodes (Azure CNI Overlay: pods take overlay addresses, so the subnet only holds node IPs).
  { id: 'AksNodes', key: 'aksNodes', name: 'aks-nodes' },
  // Private endpoints: network policies on so the subnet's NSG applies to endpoint traffic.
  { id: 'PrivateEndpoints', key: 'privateEndpoints', name: 'private-endpoints', privateEndpointNetworkPolicies: 'Enabled' },
  // Internal load balancers and their Private Link Services: PLS needs its network policies off.
  { id: 'Ingress', key: 'ingress', name: 'ingress', privateLinkServiceNetworkPoliciesEnabled: false },
] as const;

/** The Azure name of a stamp subnet (`snet-<name>`), known at synth time. */
export function subnetName(key: (typeof SUBNETS)[number]['key']): string {
  return `snet-${SUBNETS.find((spec) => spec.key === key)!.name}`;
}

/** VNet, subnets and one NSG per subnet for a stamp. */
export class StampNetwork extends Construct {
  /** The stamp's VNet. */
  public readonly virtualNetwork: VirtualNetwork;
  /** Subnet of the AKS nodes. */
  public readonly aksNodesSubnet: Subnet;
  /** Subnet of the private endpoints. */
  public readonly privateEndpointsSubnet: Subnet;
  /**
   * The NSG of each subnet (`aksNodes`, `privateEndpoints`, `ingress`): where a failover drill adds its deny rules
   * for the drill's duration.
   */
  public readonly networkSecurityGroups: { readonly aksNodes: NetworkSecurityGroup; readonly privateEndpoints: NetworkSecurityGroup; readonly ingress: NetworkSecurityGroup };
  /** Subnet of the internal load balancers and their Private Link Services. */
  public readonly ingressSubnet: Subnet;
  private readonly props: StampNetworkProps;

  /** @internal */
  constructor(scope: Construct, id: string, props: StampNetworkProps) {
    super(scope, id);
    this.props = props;
    this.virtualNetwork = new VirtualNetwork(this, 'VirtualNetwork', {
      name: props.naming.name(this, ResourceKind.VIRTUAL_NETWORK, { qualifier: props.location, override: props.virtualNetworkName, prop: 'names.virtualNetwork' }),
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      addressSpace: [props.addresses.vnet],
      tags: props.tags,
    });
    if (props.diagnostics) diagnose(this, 'VirtualNetworkDiagnostics', 'azurerm_virtual_network', this.virtualNetwork.id, props.diagnostics);
    const nsgs: NetworkSecurityGroup[] = [];
    const subnets = SUBNETS.map((spec) => {
      const subnet = new Subnet(this, `${spec.id}Subnet`, {
        name: subnetName(spec.key),
        resourceGroupName: props.resourceGroupName,
        virtualNetworkName: this.virtualNetwork.name,
        addressPrefixes: [props.addresses[spec.key]],
        privateEndpointNetworkPolicies: 'privateEndpointNetworkPolicies' in spec ? spec.privateEndpointNetworkPolicies : undefined,
        privateLinkServiceNetworkPoliciesEnabled: 'privateLinkServiceNetworkPoliciesEnabled' in spec ? spec.privateLinkServiceNetworkPoliciesEnabled : undefined,
      });
      // Azure's default rules (VNet and load balancer in, deny the rest): a place for stricter rules, and what
      // the "subnets should have an NSG" policy asks for.
      // Public load balancers (Traffic Manager / API Management backends) deliver Internet traffic to the nodes,
      // and AKS only opens its own NSG in the node resource group, never this one.
      const publicPorts = spec.key === 'aksNodes' ? (props.publicIngressPorts ?? []) : [];
      const nsg = new NetworkSecurityGroup(this, `${spec.id}Nsg`, {
        name: `nsg-${spec.name}`,
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        securityRule: publicPorts.length > 0 ? [{
          name: 'allow-internet-to-public-load-balancers',
          priority: 200,
          direction: 'Inbound',
          access: 'Allow',
          protocol: 'Tcp',
          sourceAddressPrefix: 'Internet',
          sourcePortRange: '*',
          destinationAddressPrefix: '*',
          destinationPortRanges: publicPorts.map(String),
        }] : undefined,
        tags: props.tags,
      });
      nsgs.push(nsg);
      new SubnetNetworkSecurityGroupAssociation(this, `${spec.id}NsgAssociation`, { subnetId: subnet.id, networkSecurityGroupId: nsg.id });
      if (props.diagnostics) diagnose(this, `${spec.id}NsgDiagnostics`, 'azurerm_network_security_group', nsg.id, props.diagnostics);
      return subnet;
    });
    [this.aksNodesSubnet, this.privateEndpointsSubnet, this.ingressSubnet] = subnets;
    this.networkSecurityGroups = { aksNodes: nsgs[0], privateEndpoints: nsgs[1], ingress: nsgs[2] };
  }

  /** A private endpoint in the private-endpoint subnet, registered in `zoneId` through a DNS zone group. */
  public addPrivateEndpoint(scope: Construct, id: string, options: { readonly resourceId: string; readonly subresource: string; readonly zoneId: string; readonly qualifier: string }): PrivateEndpoint {
    // Unique within the stamp's resource group; the qualifier names the target (`kv`, `sql-westus3`, ...).
    const name = ResourceKind.PRIVATE_ENDPOINT.validate(scope, 'qualifier', `pe-${options.qualifier}`);
    return new PrivateEndpoint(scope, id, {
      name,
      location: this.props.location,
      resourceGroupName: this.props.resourceGroupName,
      subnetId: this.privateEndpointsSubnet.id,
      privateServiceConnection: {
        name: `${name}-connection`,
        privateConnectionResourceId: options.resourceId,
        subresourceNames: [options.subresource],
        isManualConnection: false,
      },
      privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [options.zoneId] },
      tags: this.props.tags,
    });
  }
}
