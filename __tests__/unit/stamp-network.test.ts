import { RegionAddresses } from '../../lib/core/address-plan';
import { ValidationError } from '../../lib/core/errors';
import { Naming, pathHash } from '../../lib/core/naming';
import { StampNetwork, StampNetworkProps, subnetName } from '../../lib/stamp/network';
import { all, only, StackJson, synthStack, testStack } from '../support/synth';

/** lib/stamp/network.ts: a stamp's VNet, subnets and NSGs, each test synthesizing one small stack. */

const ADDRESSES: RegionAddresses = {
  vnet: '10.100.0.0/20', aksNodes: '10.100.0.0/22', privateEndpoints: '10.100.4.0/24', ingress: '10.100.5.0/24',
  podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIp: '172.16.0.10',
};
const PROPS: StampNetworkProps = { naming: new Naming('shop'), location: 'westus3', resourceGroupName: 'rg-stamp', addresses: ADDRESSES, tags: { team: 'orders' } };

/** Resources of a type keyed by construct ID (the logical ID without its hash). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function byId(json: StackJson, type: string): Record<string, any> {
  return Object.fromEntries(Object.entries(all(json, type)).map(([id, r]) => [id.replace(/_[0-9A-F]{8}$/, ''), r]));
}

/** The `${type.<logical id of construct id>.attr}` reference to a resource of the stack. */
function ref(json: StackJson, type: string, constructId: string, attribute: string): string {
  const ids = Object.keys(all(json, type)).filter((id) => id.replace(/_[0-9A-F]{8}$/, '') === constructId);
  expect(ids).toHaveLength(1);
  return `\${${type}.${ids[0]}.${attribute}}`;
}

function thrown(fn: () => void): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('accepted');
}

describe('subnetName', () => {
  test('snet-<name> for each subnet', () => {
    expect([subnetName('aksNodes'), subnetName('privateEndpoints'), subnetName('ingress')]).toEqual(['snet-aks-nodes', 'snet-private-endpoints', 'snet-ingress']);
  });
});

describe('StampNetwork', () => {
  test('a generated VNet over the region block, three subnets with their tenants\' policies, and an NSG per subnet without extra rules', () => {
    const stack = testStack();
    const network = new StampNetwork(stack, 'Network', PROPS);
    const json = synthStack(stack);
    expect(only(json, 'azurerm_virtual_network')).toEqual({
      name: `shop-vnet-westus3-${pathHash('test/Network')}`, location: 'westus3', resource_group_name: 'rg-stamp', address_space: ['10.100.0.0/20'], tags: { team: 'orders' },
    });
    const vnetName = ref(json, 'azurerm_virtual_network', 'Network_VirtualNetwork', 'name');
    expect(byId(json, 'azurerm_subnet')).toEqual({
      Network_AksNodesSubnet: { name: 'snet-aks-nodes', resource_group_name: 'rg-stamp', virtual_network_name: vnetName, address_prefixes: ['10.100.0.0/22'] },
      Network_PrivateEndpointsSubnet: { name: 'snet-private-endpoints', resource_group_name: 'rg-stamp', virtual_network_name: vnetName, address_prefixes: ['10.100.4.0/24'], private_endpoint_network_policies: 'Enabled' },
      Network_IngressSubnet: { name: 'snet-ingress', resource_group_name: 'rg-stamp', virtual_network_name: vnetName, address_prefixes: ['10.100.5.0/24'], private_link_service_network_policies_enabled: false },
    });
    const nsg = (name: string) => ({ name, location: 'westus3', resource_group_name: 'rg-stamp', tags: { team: 'orders' } });
    expect(byId(json, 'azurerm_network_security_group')).toEqual({
      Network_AksNodesNsg: nsg('nsg-aks-nodes'), Network_PrivateEndpointsNsg: nsg('nsg-private-endpoints'), Network_IngressNsg: nsg('nsg-ingress'),
    });
    const association = (subnet: string) => ({
      subnet_id: ref(json, 'azurerm_subnet', `Network_${subnet}Subnet`, 'id'),
      network_security_group_id: ref(json, 'azurerm_network_security_group', `Network_${subnet}Nsg`, 'id'),
    });
    expect(byId(json, 'azurerm_subnet_network_security_group_association')).toEqual({
      Network_AksNodesNsgAssociation: association('AksNodes'), Network_PrivateEndpointsNsgAssociation: association('PrivateEndpoints'), Network_IngressNsgAssociation: association('Ingress'),
    });
    expect([network.virtualNetwork, network.aksNodesSubnet, network.privateEndpointsSubnet, network.ingressSubnet].map((c) => c.node.path)).toEqual([
      'test/Network/VirtualNetwork', 'test/Network/AksNodesSubnet', 'test/Network/PrivateEndpointsSubnet', 'test/Network/IngressSubnet',
    ]);
    const nsgs = network.networkSecurityGroups;
    expect([nsgs.aksNodes, nsgs.privateEndpoints, nsgs.ingress].map((c) => c.node.path)).toEqual(['test/Network/AksNodesNsg', 'test/Network/PrivateEndpointsNsg', 'test/Network/IngressNsg']);
    // No sink given: no diagnostic setting.
    expect(json.resource.azurerm_monitor_diagnostic_setting).toBeUndefined();
  });

  test('with a diagnostics sink: the VNet\'s logs and metrics, and each NSG\'s logs (NSGs have no metrics), at the sink\'s level', () => {
    const stack = testStack();
    const workspaceId = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log';
    new StampNetwork(stack, 'Network', { ...PROPS, diagnostics: { workspaceId, diagnosticLogs: 'audit' } });
    const json = synthStack(stack);
    const setting = (target: string, metrics: unknown[]) => ({ name: 'to-log-analytics', target_resource_id: target, log_analytics_workspace_id: workspaceId, enabled_log: [{ category_group: 'allLogs' }], enabled_metric: metrics });
    expect(byId(json, 'azurerm_monitor_diagnostic_setting')).toEqual({
      Network_VirtualNetworkDiagnostics: setting(ref(json, 'azurerm_virtual_network', 'Network_VirtualNetwork', 'id'), [{ category: 'AllMetrics' }]),
      Network_AksNodesNsgDiagnostics: setting(ref(json, 'azurerm_network_security_group', 'Network_AksNodesNsg', 'id'), []),
      Network_PrivateEndpointsNsgDiagnostics: setting(ref(json, 'azurerm_network_security_group', 'Network_PrivateEndpointsNsg', 'id'), []),
      Network_IngressNsgDiagnostics: setting(ref(json, 'azurerm_network_security_group', 'Network_IngressNsg', 'id'), []),
    });
  });

  test('public ingress ports open the node subnet\'s NSG to the Internet on those TCP ports, and only that NSG', () => {
    const stack = testStack();
    new StampNetwork(stack, 'Network', { ...PROPS, publicIngressPorts: [80, 443] });
    const nsgs = byId(synthStack(stack), 'azurerm_network_security_group');
    expect(nsgs.Network_AksNodesNsg.security_rule).toEqual([{
      name: 'allow-internet-to-public-load-balancers', priority: 200, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
      source_address_prefix: 'Internet', source_port_range: '*', destination_address_prefix: '*', destination_port_ranges: ['80', '443'],
      description: null, destination_address_prefixes: null, destination_application_security_group_ids: null, destination_port_range: null,
      source_address_prefixes: null, source_application_security_group_ids: null, source_port_ranges: null,
    }]);
    expect(nsgs.Network_PrivateEndpointsNsg.security_rule).toBeUndefined();
    expect(nsgs.Network_IngressNsg.security_rule).toBeUndefined();
  });

  test('an empty port list opens nothing', () => {
    const stack = testStack();
    new StampNetwork(stack, 'Network', { ...PROPS, publicIngressPorts: [] });
    expect(byId(synthStack(stack), 'azurerm_network_security_group').Network_AksNodesNsg.security_rule).toBeUndefined();
  });

  test('a VNet name given is used as it is, and checked against the virtual network rules', () => {
    const stack = testStack();
    new StampNetwork(stack, 'Network', { ...PROPS, virtualNetworkName: 'vnet-orders' });
    expect(only(synthStack(stack), 'azurerm_virtual_network').name).toBe('vnet-orders');
    const e = thrown(() => new StampNetwork(testStack(), 'Network', { ...PROPS, virtualNetworkName: 'vnet-' }));
    expect([e.constructPath, e.prop, e.value, e.problem]).toEqual(['test/Network', 'names.virtualNetwork', 'vnet-',
      'a virtual network name allows letters, digits, ._- starting with a letter or digit, ending with a letter, digit or _']);
  });
});

describe('StampNetwork.addPrivateEndpoint', () => {
  test('pe-<qualifier> in the private-endpoint subnet, auto-approved, registered in the zone through a zone group', () => {
    const stack = testStack();
    const network = new StampNetwork(stack, 'Network', PROPS);
    const endpoint = network.addPrivateEndpoint(stack, 'KeyVaultEndpoint', { resourceId: '/subscriptions/s/vaults/kv', subresource: 'vault', zoneId: '/subscriptions/s/privateDnsZones/z', qualifier: 'kv' });
    expect(endpoint.node.path).toBe('test/KeyVaultEndpoint');
    const json = synthStack(stack);
    expect(only(json, 'azurerm_private_endpoint')).toEqual({
      name: 'pe-kv',
      location: 'westus3',
      resource_group_name: 'rg-stamp',
      subnet_id: ref(json, 'azurerm_subnet', 'Network_PrivateEndpointsSubnet', 'id'),
      private_service_connection: { name: 'pe-kv-connection', private_connection_resource_id: '/subscriptions/s/vaults/kv', subresource_names: ['vault'], is_manual_connection: false },
      private_dns_zone_group: { name: 'default', private_dns_zone_ids: ['/subscriptions/s/privateDnsZones/z'] },
      tags: { team: 'orders' },
    });
  });

  test('the name is checked against the private endpoint rules, reported at the caller\'s scope', () => {
    const stack = testStack();
    const network = new StampNetwork(stack, 'Network', PROPS);
    const e = thrown(() => network.addPrivateEndpoint(network, 'Bad', { resourceId: '/r', subresource: 'sqlServer', zoneId: '/z', qualifier: 'sql-' }));
    expect([e.constructPath, e.prop, e.value, e.problem, e.fix]).toEqual(['test/Network', 'qualifier', 'pe-sql-',
      'a private endpoint name allows letters, digits, ._- starting with a letter or digit, ending with a letter, digit or _',
      'choose a name of letters, digits, ._- starting with a letter or digit, ending with a letter, digit or _, 2-64 characters']);
  });
});
