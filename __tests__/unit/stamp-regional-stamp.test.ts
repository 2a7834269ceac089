import { TerraformStack, Token } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateDnsZones } from '../../lib/common/private-dns-zones';
import { AddressPlan } from '../../lib/core/address-plan';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { RegionRole } from '../../lib/core/pattern';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { RegionalStampProps } from '../../lib/stamp/regional-stamp-types';
import { sink } from '../support/standalone';
import { StackJson, synthStack, testStack } from '../support/synth';

/**
 * Unit tests of `RegionalStamp` (lib/stamp/regional-stamp.ts): each test builds one stamp (and synthesizes at most one
 * stack), so a mutant of the module is tested in about a second. The resources are compared whole, so that every
 * setting the stamp writes is pinned.
 */
const BASE: RegionalStampProps = { prefix: 'shop', region: 'westus3', monitoring: sink('westus3') };
const WORKSPACE = sink('westus3').workspaceId;
const TAGS = { 'managed-by': 'cdktf-order-platform', component: 'regional-stamp', region: 'westus3', 'region-role': 'primary' };
const GUID = '00000000-0000-0000-0000-000000000000';
const acr = (name: string, subscription = GUID, group = 'rg-acr') => `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.ContainerRegistry/registries/${name}`;

function build(props: Partial<RegionalStampProps> = {}): { stack: TerraformStack; stamp: RegionalStamp } {
  const stack = testStack();
  const stamp = new RegionalStamp(stack, 'Stamp', { ...BASE, ...props });
  return { stack, stamp };
}

function synth(props: Partial<RegionalStampProps> = {}): StackJson {
  return synthStack(build(props).stack);
}

/** The logical ID of the one resource (or data source) of `type` the stamp's construct `id` created. */
function logicalId(json: StackJson, type: string, id: string, data = false): string {
  const ids = Object.keys((data ? json.data : json.resource)?.[type] ?? {}).filter((key) => new RegExp(`^Stamp_${id}_[0-9A-F]{8}$`).test(key));
  if (ids.length !== 1) throw new Error(`expected one ${type} Stamp_${id}, found ${ids.length}`);
  return ids[0];
}

/** A Terraform reference to an attribute of a resource of the stamp. */
function ref(json: StackJson, type: string, id: string, attribute: string): string {
  return `\${${type}.${logicalId(json, type, id)}.${attribute}}`;
}

/** A reference to the client config data source (tenant and deployer identity). */
const client = (json: StackJson, attribute: string) => `\${data.azurerm_client_config.${logicalId(json, 'azurerm_client_config', 'ClientConfig', true)}.${attribute}}`;

/** The resource the stamp's construct `id` created. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const resource = (json: StackJson, type: string, id: string): any => json.resource[type][logicalId(json, type, id)];

type Violation = Pick<ValidationError, 'prop' | 'value' | 'problem' | 'fix'>;

/** Every violation the stamp reports for `props` (fails the test when it accepts them). */
function violations(props: Partial<RegionalStampProps>): Violation[] {
  try {
    build(props);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).constructPath).toBe('test/Stamp');
    return (e as ValidationError).violations.map(({ prop, value, problem, fix }) => ({ prop, value, problem, fix }));
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

const integer = (prop: string, value: number, min: number, max: number, why: string): Violation => ({ prop, value, problem: `must be an integer from ${min} to ${max} (${why})`, fix: `set ${prop} between ${min} and ${max}` });

describe('RegionalStamp defaults', () => {
  test('resource group, control-plane identity with Network Contributor on the VNet, deployer as cluster admin', () => {
    const json = synth();
    const group = ref(json, 'azurerm_resource_group', 'ResourceGroup', 'name');
    expect(resource(json, 'azurerm_resource_group', 'ResourceGroup')).toEqual({ name: 'shop-rg-westus3-059e38', location: 'westus3', tags: TAGS });
    expect(resource(json, 'azurerm_user_assigned_identity', 'ClusterIdentity')).toEqual({ name: 'shop-id-aks-westus3-059e38', location: 'westus3', resource_group_name: group, tags: TAGS });
    expect(json.resource.azurerm_role_assignment).toEqual({
      [logicalId(json, 'azurerm_role_assignment', 'ClusterNetworkContributor')]: {
        scope: '${azurerm_virtual_network.Stamp_Network_VirtualNetwork_1D81F40C.id}',
        role_definition_name: 'Network Contributor',
        principal_id: ref(json, 'azurerm_user_assigned_identity', 'ClusterIdentity', 'principal_id'),
        principal_type: 'ServicePrincipal',
      },
      [logicalId(json, 'azurerm_role_assignment', 'DeployerClusterAdmin')]: {
        scope: ref(json, 'azurerm_kubernetes_cluster', 'Cluster', 'id'),
        role_definition_name: 'Azure Kubernetes Service RBAC Cluster Admin',
        principal_id: client(json, 'object_id'),
      },
    });
  });

  test('AKS cluster: Standard tier, Entra ID with Azure RBAC, CNI Overlay with Cilium, add-ons, weekly upgrade windows', () => {
    const json = synth();
    const window = { frequency: 'Weekly', interval: 1, day_of_week: 'Sunday', start_time: '02:00', duration: 4, utc_offset: '+00:00' };
    expect(resource(json, 'azurerm_kubernetes_cluster', 'Cluster')).toEqual({
      name: 'shop-aks-westus3-059e38',
      location: 'westus3',
      resource_group_name: ref(json, 'azurerm_resource_group', 'ResourceGroup', 'name'),
      dns_prefix: 'shop-aks-westus3-059e38',
      node_resource_group: 'shop-rg-westus3-059e38-aks-nodes',
      sku_tier: 'Standard',
      identity: { type: 'UserAssigned', identity_ids: [ref(json, 'azurerm_user_assigned_identity', 'ClusterIdentity', 'id')] },
      default_node_pool: {
        name: 'system',
        temporary_name_for_rotation: 'systemtmp',
        vm_size: 'Standard_D4ds_v5',
        os_disk_size_gb: 128,
        zones: ['1', '2', '3'],
        only_critical_addons_enabled: true,
        auto_scaling_enabled: true,
        min_count: 3,
        max_count: 5,
        vnet_subnet_id: '${azurerm_subnet.Stamp_Network_AksNodesSubnet_AD8852E6.id}',
        upgrade_settings: { max_surge: '33%' },
        tags: TAGS,
      },
      local_account_disabled: true,
      role_based_access_control_enabled: true,
      azure_active_directory_role_based_access_control: { azure_rbac_enabled: true, tenant_id: client(json, 'tenant_id') },
      oidc_issuer_enabled: true,
      workload_identity_enabled: true,
      azure_policy_enabled: true,
      image_cleaner_enabled: true,
      image_cleaner_interval_hours: 48,
      key_vault_secrets_provider: { secret_rotation_enabled: true },
      network_profile: {
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        network_policy: 'cilium',
        network_data_plane: 'cilium',
        pod_cidr: '192.168.0.0/16',
        service_cidr: '172.16.0.0/16',
        dns_service_ip: '172.16.0.10',
        load_balancer_sku: 'standard',
        outbound_type: 'loadBalancer',
      },
      oms_agent: { log_analytics_workspace_id: WORKSPACE, msi_auth_for_monitoring_enabled: true },
      automatic_upgrade_channel: 'patch',
      node_os_upgrade_channel: 'NodeImage',
      maintenance_window_auto_upgrade: window,
      maintenance_window_node_os: window,
      tags: TAGS,
      depends_on: [`azurerm_role_assignment.${logicalId(json, 'azurerm_role_assignment', 'ClusterNetworkContributor')}`],
      lifecycle: { ignore_changes: ['default_node_pool[0].node_count'] },
    });
  });

  test('user pool: autoscaled over zones 1-3 in the node subnet, its node count left to the autoscaler', () => {
    const json = synth();
    expect(json.resource.azurerm_kubernetes_cluster_node_pool).toEqual({
      [logicalId(json, 'azurerm_kubernetes_cluster_node_pool', 'UserPool')]: {
        name: 'user',
        kubernetes_cluster_id: ref(json, 'azurerm_kubernetes_cluster', 'Cluster', 'id'),
        mode: 'User',
        temporary_name_for_rotation: 'usertmp',
        vm_size: 'Standard_D4ds_v5',
        os_disk_size_gb: 128,
        zones: ['1', '2', '3'],
        auto_scaling_enabled: true,
        min_count: 3,
        max_count: 10,
        vnet_subnet_id: '${azurerm_subnet.Stamp_Network_AksNodesSubnet_AD8852E6.id}',
        upgrade_settings: { max_surge: '33%' },
        tags: TAGS,
        lifecycle: { ignore_changes: ['node_count'] },
      },
    });
  });

  test('Key Vault: RBAC, purge protection, private only, retained; its private endpoint and audit logs', () => {
    const { stack, stamp } = build();
    const json = synthStack(stack);
    expect([stamp.keyVault.node.path, stamp.keyVaultEndpoint.node.path]).toEqual(['test/Stamp/KeyVault', 'test/Stamp/KeyVaultEndpoint']);
    const vault = ref(json, 'azurerm_key_vault', 'KeyVault', 'id');
    expect(resource(json, 'azurerm_key_vault', 'KeyVault')).toEqual({
      name: 'shop-kv-westus3-059e38',
      location: 'westus3',
      resource_group_name: ref(json, 'azurerm_resource_group', 'ResourceGroup', 'name'),
      tenant_id: client(json, 'tenant_id'),
      sku_name: 'standard',
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { bypass: 'AzureServices', default_action: 'Deny' },
      tags: TAGS,
      lifecycle: { prevent_destroy: true },
    });
    expect(resource(json, 'azurerm_private_endpoint', 'KeyVaultEndpoint')).toMatchObject({
      name: 'pe-kv',
      private_service_connection: { name: 'pe-kv-connection', private_connection_resource_id: vault, subresource_names: ['vault'], is_manual_connection: false },
      private_dns_zone_group: { name: 'default', private_dns_zone_ids: ['${azurerm_private_dns_zone.Stamp_PrivateDns_KeyVaultZone_583DF8DC.id}'] },
    });
    // The stamp's private DNS zone for Key Vault, in its resource group and linked to its VNet.
    const group = ref(json, 'azurerm_resource_group', 'ResourceGroup', 'name');
    expect(Object.values(json.resource.azurerm_private_dns_zone)).toEqual([{ name: 'privatelink.vaultcore.azure.net', resource_group_name: group, tags: TAGS }]);
    expect(Object.values(json.resource.azurerm_private_dns_zone_virtual_network_link)).toEqual([{
      name: 'stamp-vnet', resource_group_name: group, private_dns_zone_name: '${azurerm_private_dns_zone.Stamp_PrivateDns_KeyVaultZone_583DF8DC.name}',
      virtual_network_id: '${azurerm_virtual_network.Stamp_Network_VirtualNetwork_1D81F40C.id}', registration_enabled: false, tags: TAGS,
    }]);
    expect(resource(json, 'azurerm_monitor_diagnostic_setting', 'KeyVaultDiagnostics')).toEqual({
      name: 'to-log-analytics', target_resource_id: vault, log_analytics_workspace_id: WORKSPACE, enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('Container Insights: a data collection rule to the workspace, associated with the cluster; the cluster\'s audit logs', () => {
    const json = synth();
    const cluster = ref(json, 'azurerm_kubernetes_cluster', 'Cluster', 'id');
    const streams = ['Microsoft-ContainerInsights-Group-Default'];
    expect(resource(json, 'azurerm_monitor_data_collection_rule', 'ContainerInsightsRule')).toEqual({
      name: 'shop-dcr-ci-westus3-059e38',
      location: 'westus3',
      resource_group_name: ref(json, 'azurerm_resource_group', 'ResourceGroup', 'name'),
      kind: 'Linux',
      destinations: { log_analytics: [{ name: 'workspace', workspace_resource_id: WORKSPACE }] },
      data_flow: [{ streams, destinations: ['workspace'] }],
      data_sources: {
        extension: [{
          name: 'ContainerInsightsExtension',
          extension_name: 'ContainerInsights',
          streams,
          extension_json: '{"dataCollectionSettings":{"interval":"1m","namespaceFilteringMode":"Off","enableContainerLogV2":true}}',
        }],
      },
      tags: TAGS,
    });
    expect(resource(json, 'azurerm_monitor_data_collection_rule_association', 'ContainerInsightsAssociation')).toEqual({
      name: 'ContainerInsightsExtension',
      target_resource_id: cluster,
      data_collection_rule_id: ref(json, 'azurerm_monitor_data_collection_rule', 'ContainerInsightsRule', 'id'),
    });
    expect(resource(json, 'azurerm_monitor_diagnostic_setting', 'ClusterDiagnostics')).toEqual({
      name: 'to-log-analytics',
      target_resource_id: cluster,
      log_analytics_workspace_id: WORKSPACE,
      log_analytics_destination_type: 'Dedicated',
      enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('what the stamp exposes: region, role, zones, addresses, deployer login, node pools and ingress contract', () => {
    const monitoring = sink('westus3');
    const { stamp } = build({ monitoring });
    expect(stamp.region.name).toBe('westus3');
    expect(stamp.role).toBe(RegionRole.PRIMARY);
    expect(stamp.zoneRedundant).toBe(true);
    expect(stamp.monitoring).toBe(monitoring);
    expect(stamp.deployerLogin).toBe('azurecli');
    expect(stamp.addresses).toEqual({
      vnet: '10.100.0.0/20', aksNodes: '10.100.0.0/22', privateEndpoints: '10.100.4.0/24', ingress: '10.100.5.0/24',
      podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIp: '172.16.0.10',
    });
    expect(stamp.nodePools).toEqual([
      { name: 'system', zones: ['1', '2', '3'], minCount: 3, maxCount: 5, vmSize: 'Standard_D4ds_v5', labels: { 'kubernetes.azure.com/mode': 'system' }, taints: ['CriticalAddonsOnly=true:NoSchedule'] },
      { name: 'user', zones: ['1', '2', '3'], minCount: 3, maxCount: 10, vmSize: 'Standard_D4ds_v5', labels: { 'kubernetes.azure.com/mode': 'user' }, taints: [] },
    ]);
    // The node resource group is the cluster's attribute (a token, read anew at each access).
    expect(stamp.ingress).toEqual({
      region: 'westus3',
      nodeResourceGroup: expect.stringMatching(/^\$\{TfToken\[TOKEN\.\d+\]\}$/),
      subnetName: 'snet-ingress',
      subnetCidr: '10.100.5.0/24',
      podCidr: '192.168.0.0/16',
      services: {
        order: { privateIp: '10.100.5.10', privateLinkServiceName: 'pls-order-api' },
        tracking: { privateIp: '10.100.5.11', privateLinkServiceName: 'pls-tracking-api' },
      },
    });
  });
});

describe('RegionalStamp options', () => {
  test('every option given: pools, version, admins, API server ranges, upgrades, window, policy, vault, names, tags, registries', () => {
    const admins = ['11111111-2222-3333-4444-555555555555'];
    const json = synth({
      role: RegionRole.SECONDARY,
      addressPlan: undefined,
      addressIndex: 2,
      kubernetes: {
        kubernetesVersion: '1.33',
        systemPool: { vmSize: 'Standard_D8ds_v5', minCount: 4, maxCount: 6, osDiskSizeGb: 64 },
        userPool: { vmSize: 'Standard_E4ds_v5', minCount: 5, maxCount: 30, osDiskSizeGb: 256 },
        adminGroupObjectIds: admins,
        apiServerAuthorizedIpRanges: ['203.0.113.0/24'],
        grantDeployerClusterAdmin: false,
        automaticUpgradeChannel: 'stable',
        maintenanceWindow: { dayOfWeek: 'Saturday', startTime: '22:30', durationHours: 6, utcOffset: '+09:00' },
        networkPolicy: 'calico',
        containerRegistries: { contoso: acr('contoso'), fabrikam: acr('fabrikam') },
        deployerLogin: 'managedIdentity',
      },
      keyVault: { skuName: 'premium', softDeleteRetentionDays: 7, removalPolicy: RemovalPolicy.DESTROY },
      names: { resourceGroup: 'rg-orders', virtualNetwork: 'vnet-orders', keyVault: 'kv-orders', kubernetesCluster: 'aks-orders', nodeResourceGroup: 'rg-orders-nodes' },
      tags: { team: 'orders', component: 'mine' },
    });
    const tags = { ...TAGS, 'region-role': 'secondary', team: 'orders', component: 'mine' };
    const window = { frequency: 'Weekly', interval: 1, day_of_week: 'Saturday', start_time: '22:30', duration: 6, utc_offset: '+09:00' };
    expect(resource(json, 'azurerm_resource_group', 'ResourceGroup')).toEqual({ name: 'rg-orders', location: 'westus3', tags });
    expect(Object.values(json.resource.azurerm_virtual_network).map((vnet) => [vnet.name, vnet.address_space])).toEqual([['vnet-orders', ['10.100.32.0/20']]]);
    expect(resource(json, 'azurerm_kubernetes_cluster', 'Cluster')).toMatchObject({
      name: 'aks-orders',
      dns_prefix: 'shop-aks-westus3-059e38',
      node_resource_group: 'rg-orders-nodes',
      kubernetes_version: '1.33',
      default_node_pool: { vm_size: 'Standard_D8ds_v5', min_count: 4, max_count: 6, os_disk_size_gb: 64, tags },
      azure_active_directory_role_based_access_control: { azure_rbac_enabled: true, tenant_id: client(json, 'tenant_id'), admin_group_object_ids: admins },
      api_server_access_profile: { authorized_ip_ranges: ['203.0.113.0/24'] },
      network_profile: { network_policy: 'calico', network_data_plane: 'azure', pod_cidr: '192.168.0.0/16', service_cidr: '172.16.0.0/16', dns_service_ip: '172.16.0.10' },
      automatic_upgrade_channel: 'stable',
      maintenance_window_auto_upgrade: window,
      maintenance_window_node_os: window,
      tags,
    });
    expect(resource(json, 'azurerm_kubernetes_cluster_node_pool', 'UserPool')).toMatchObject({ vm_size: 'Standard_E4ds_v5', min_count: 5, max_count: 30, os_disk_size_gb: 256, tags });
    expect(resource(json, 'azurerm_key_vault', 'KeyVault')).toMatchObject({ name: 'kv-orders', sku_name: 'premium', soft_delete_retention_days: 7, lifecycle: { prevent_destroy: false }, tags });
    // No deployer grant; AcrPull for the kubelet identity on each registry, keyed by the registry's key.
    const kubelet = ref(json, 'azurerm_kubernetes_cluster', 'Cluster', 'kubelet_identity[0].object_id');
    expect(Object.entries(json.resource.azurerm_role_assignment).filter(([id]) => !id.startsWith('Stamp_ClusterNetworkContributor_'))).toEqual([
      [logicalId(json, 'azurerm_role_assignment', 'AcrPull-contoso'), { scope: acr('contoso'), role_definition_name: 'AcrPull', principal_id: kubelet, principal_type: 'ServicePrincipal' }],
      [logicalId(json, 'azurerm_role_assignment', 'AcrPull-fabrikam'), { scope: acr('fabrikam'), role_definition_name: 'AcrPull', principal_id: kubelet, principal_type: 'ServicePrincipal' }],
    ]);
  });

  test('the other upgrade channels and network policies; Cilium data plane only with the Cilium policy', () => {
    const rapid = resource(synth({ kubernetes: { automaticUpgradeChannel: 'rapid', networkPolicy: 'azure' } }), 'azurerm_kubernetes_cluster', 'Cluster');
    expect(rapid.automatic_upgrade_channel).toBe('rapid');
    expect(rapid.network_profile).toMatchObject({ network_policy: 'azure', network_data_plane: 'azure' });
  });

  test('the node-image upgrade channel', () => {
    expect(resource(synth({ kubernetes: { automaticUpgradeChannel: 'node-image' } }), 'azurerm_kubernetes_cluster', 'Cluster').automatic_upgrade_channel).toBe('node-image');
  });

  test('every deployer login mode is taken', () => {
    const modes = ['servicePrincipal', 'workloadIdentity', 'managedIdentity'] as const;
    expect(modes.map((deployerLogin) => build({ kubernetes: { deployerLogin } }).stamp.deployerLogin)).toEqual(modes);
  });

  test('a non-zonal stamp: no zones on the pools, a user pool of 2 nodes at least', () => {
    const { stack, stamp } = build({ region: 'westus', zoneRedundant: false, kubernetes: { userPool: { minCount: 2 } } });
    expect(stamp.zoneRedundant).toBe(false);
    expect(stamp.nodePools.map(({ name, zones, minCount, maxCount }) => ({ name, zones, minCount, maxCount }))).toEqual([
      { name: 'system', zones: [], minCount: 3, maxCount: 5 },
      { name: 'user', zones: [], minCount: 2, maxCount: 10 },
    ]);
    const json = synthStack(stack);
    expect(resource(json, 'azurerm_kubernetes_cluster', 'Cluster').default_node_pool.zones).toBeUndefined();
    expect(resource(json, 'azurerm_kubernetes_cluster_node_pool', 'UserPool').zones).toBeUndefined();
  });

  test('a zone-redundant stamp may opt out of zones', () => {
    expect(build({ zoneRedundant: false }).stamp.nodePools.map((pool) => pool.zones)).toEqual([[], []]);
  });

  test('the autoscaler maximum defaults to the larger of the pool\'s default maximum and its minimum', () => {
    const { stamp } = build({ kubernetes: { systemPool: { minCount: 7 }, userPool: { minCount: 12 } } });
    expect(stamp.nodePools.map(({ minCount, maxCount }) => [minCount, maxCount])).toEqual([[7, 7], [12, 12]]);
  });

  test('lists from Terraform (list tokens) are known only at apply time and pass unchecked', () => {
    const admins = Token.asList('${var.admins}');
    const ranges = Token.asList('${var.ranges}');
    const cluster = resource(synth({ kubernetes: { adminGroupObjectIds: admins, apiServerAuthorizedIpRanges: ranges } }), 'azurerm_kubernetes_cluster', 'Cluster');
    expect(cluster.azure_active_directory_role_based_access_control.admin_group_object_ids).toBe('${var.admins}');
    expect(cluster.api_server_access_profile).toEqual({ authorized_ip_ranges: '${var.ranges}' });
  });

  test('addPrivateEndpoint: an endpoint in the private-endpoint subnet, registered in the stamp\'s zone for the service', () => {
    const { stack, stamp } = build();
    const server = `/subscriptions/${GUID}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders`;
    stamp.addPrivateEndpoint('SqlEndpoint', { resourceId: server, subresource: 'sqlServer', zone: PrivateDnsZones.SQL_DATABASE, qualifier: 'sql-westus3' });
    const json = synthStack(stack);
    expect(resource(json, 'azurerm_private_endpoint', 'SqlEndpoint')).toMatchObject({
      name: 'pe-sql-westus3',
      subnet_id: '${azurerm_subnet.Stamp_Network_PrivateEndpointsSubnet_4CC29A67.id}',
      private_service_connection: { name: 'pe-sql-westus3-connection', private_connection_resource_id: server, subresource_names: ['sqlServer'], is_manual_connection: false },
      private_dns_zone_group: { name: 'default', private_dns_zone_ids: [expect.stringMatching(/^\$\{azurerm_private_dns_zone\.Stamp_PrivateDns_SqlDatabaseZone_[0-9A-F]{8}\.id\}$/)] },
    });
  });
});

describe('RegionalStamp address blocks in one app', () => {
  /** The synth errors of the first of two stamps in two stacks of one app. */
  function clash(first: Partial<RegionalStampProps>, second: Partial<RegionalStampProps>): string {
    const one = testStack();
    const two = new TerraformStack(one.node.scope!, 'second');
    new AzurermProvider(two, 'Azurerm', { features: [{}] });
    new RegionalStamp(one, 'Stamp', { ...BASE, ...first });
    new RegionalStamp(two, 'Other', { ...BASE, region: 'eastus2', ...second });
    try {
      synthStack(one);
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  }

  test('a stamp left at block 0 beside another stamp on that block fails the synth, naming both and the fix', () => {
    expect(clash({}, { addressIndex: 0 })).toBe('Validation failed with the following errors:\n'
      + '  [test/Stamp] invalid addressIndex (undefined): the stamp took block 0 of its address plan (10.100.0.0/20), which overlaps second/Other (10.100.0.0/20): '
      + "overlapping VNets cannot be peered or reach each other's private endpoints. "
      + 'Fix: give each stamp of the app its own addressIndex (0, 1, ...) from one AddressPlan, as MultiRegionOrderPlatform does\n\n'
      + "If you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.\n");
  });

  test('a stamp given its block is not checked; a defaulted one beside a disjoint block passes', () => {
    expect(clash({ addressIndex: 0 }, {})).toBe('');
    expect(clash({}, { addressPlan: undefined, addressIndex: 1 })).toBe('');
  });
});

describe('RegionalStamp bad input', () => {
  test('the props\' shape is checked first, each prop under its own path', () => {
    expect(violations({ region: 5 as never, kubernetes: { networkPolicy: 'none' as never } }).map(({ prop, value }) => [prop, value])).toEqual([['region', 5], ['kubernetes.networkPolicy', 'none']]);
  });

  test('an unknown region: one violation (the checks after it go on with a stand-in region)', () => {
    expect(violations({ region: 'moon' }).map(({ prop, value }) => [prop, value])).toEqual([['region', 'moon']]);
  });

  test('a bad prefix: one violation (the name checks go on with a stand-in prefix)', () => {
    expect(violations({ prefix: 'A' }).map(({ prop, value }) => [prop, value])).toEqual([['prefix', 'A']]);
  });

  test('zone-redundant in a region without zones', () => {
    expect(violations({ region: 'westus' })).toEqual([{
      prop: 'region', value: 'westus', problem: 'West US has no availability zones, so the stamp cannot be zone-redundant',
      fix: 'choose a region with availability zones, or set zoneRedundant: false to accept a single-zone stamp (AKS SLA 99.9% instead of 99.95%)',
    }]);
  });

  test('the address block must lie inside the plan: 0-15 of the default plan', () => {
    expect(build({ addressIndex: 15 }).stamp.addresses.vnet).toBe('10.100.240.0/20');
    const plan = () => new AddressPlan(testStack(), { addressSpace: '10.20.0.0/16', regionPrefixLength: 18 }, 1);
    expect(violations({ addressIndex: 16 })).toEqual([integer('addressIndex', 16, 0, 15, 'the block must lie inside the address plan')]);
    expect(violations({ addressPlan: plan(), addressIndex: 4 })).toEqual([integer('addressIndex', 4, 0, 3, 'the block must lie inside the address plan')]);
  });

  test('public ingress ports are TCP ports', () => {
    expect(violations({ publicIngressPorts: [0, 65536, 80] })).toEqual([
      integer('publicIngressPorts[0]', 0, 1, 65535, 'a TCP port'),
      integer('publicIngressPorts[1]', 65536, 1, 65535, 'a TCP port'),
    ]);
  });

  test('tags are checked with the library\'s own', () => {
    expect(violations({ tags: { 'a/b': 'x' } }).map(({ prop }) => prop)).toEqual(['tags.a/b']);
  });

  test('node pools: VM size, node counts per zone, autoscaler range and disk size, all reported together', () => {
    expect(violations({ kubernetes: { systemPool: { vmSize: 'D4ds_v5', minCount: 2, maxCount: 1001, osDiskSizeGb: 29 }, userPool: { vmSize: 'Standard_D4ds-v5', minCount: 2, maxCount: 2, osDiskSizeGb: 2049 } } })).toEqual([
      { prop: 'kubernetes.systemPool.vmSize', value: 'D4ds_v5', problem: 'not an Azure VM size name', fix: "use a size such as 'Standard_D4ds_v5'" },
      integer('kubernetes.systemPool.minCount', 2, 3, 1000, 'one system node per zone survives a zone loss'),
      integer('kubernetes.systemPool.maxCount', 1001, 3, 1000, 'at least minCount 3; AKS allows up to 1000 nodes per pool'),
      integer('kubernetes.systemPool.osDiskSizeGb', 29, 30, 2048, 'AKS OS disk size in GiB'),
      { prop: 'kubernetes.userPool.vmSize', value: 'Standard_D4ds-v5', problem: 'not an Azure VM size name', fix: "use a size such as 'Standard_D4ds_v5'" },
      integer('kubernetes.userPool.minCount', 2, 3, 1000, 'one user node per zone: the pods spread over zones, and the autoscaler cannot add a node to a zone of a multi-zone pool that has none'),
      integer('kubernetes.userPool.maxCount', 2, 3, 1000, 'at least minCount 3; AKS allows up to 1000 nodes per pool'),
      integer('kubernetes.userPool.osDiskSizeGb', 2049, 30, 2048, 'AKS OS disk size in GiB'),
    ]);
  });

  test('VM sizes: Standard_ and letters, digits or underscores, nothing around them', () => {
    expect(build({ kubernetes: { systemPool: { vmSize: 'Standard_D2' }, userPool: { vmSize: 'Standard_M416ms_v2' } } }).stamp.nodePools.map((pool) => pool.vmSize)).toEqual(['Standard_D2', 'Standard_M416ms_v2']);
    expect(violations({ kubernetes: { systemPool: { vmSize: 'xStandard_D2' }, userPool: { vmSize: 'Standard_D2 ' } } }).map(({ prop, value }) => [prop, value])).toEqual([
      ['kubernetes.systemPool.vmSize', 'xStandard_D2'], ['kubernetes.userPool.vmSize', 'Standard_D2 '],
    ]);
    expect(violations({ kubernetes: { systemPool: { vmSize: 'Standard_' } } }).map(({ prop, value }) => [prop, value])).toEqual([['kubernetes.systemPool.vmSize', 'Standard_']]);
  });

  test('a non-zonal user pool needs two nodes', () => {
    expect(violations({ region: 'westus', zoneRedundant: false, kubernetes: { userPool: { minCount: 1 } } })).toEqual([
      integer('kubernetes.userPool.minCount', 1, 2, 1000, 'two user nodes keep workloads running through a node upgrade or loss'),
    ]);
  });

  test('maintenance window: AKS windows last 4-24 hours', () => {
    expect(violations({ kubernetes: { maintenanceWindow: { durationHours: 3 } } })).toEqual([
      integer('kubernetes.maintenanceWindow.durationHours', 3, 4, 24, 'AKS planned maintenance windows last 4-24 hours'),
    ]);
  });

  test('admin groups, API server ranges and the Kubernetes version: each bad entry under its index', () => {
    expect(violations({ kubernetes: { adminGroupObjectIds: [GUID, 'nope'], apiServerAuthorizedIpRanges: ['198.51.100.7/32', '1.2.3'], kubernetesVersion: '1.3x' } })).toEqual([
      { prop: 'kubernetes.adminGroupObjectIds[1]', value: 'nope', problem: 'not an Entra ID group object ID (a GUID)', fix: 'use the group\'s object ID: az ad group show -g <name> --query id -o tsv' },
      { prop: 'kubernetes.apiServerAuthorizedIpRanges[1]', value: '1.2.3', problem: 'not an IPv4 address or CIDR', fix: "use e.g. '203.0.113.0/24' or '198.51.100.7/32'" },
      { prop: 'kubernetes.kubernetesVersion', value: '1.3x', problem: 'not a Kubernetes version AKS accepts (major.minor, or major.minor.patch)', fix: "use e.g. '1.33'" },
    ]);
  });

  test('Kubernetes versions: 1.minor or 1.minor.patch, one or two digits each', () => {
    for (const kubernetesVersion of ['1.3', '1.33', '1.33.1', '1.33.12']) expect(() => build({ kubernetes: { kubernetesVersion } })).not.toThrow();
    const refused = ['2.33', '11.33', '1.333', '1.33.', '1.33.123', '1.33 ', 'v1.33', '1-33'];
    expect(refused.map((kubernetesVersion) => violations({ kubernetes: { kubernetesVersion } }).map(({ prop, value }) => [prop, value]))).toEqual(refused.map((v) => [['kubernetes.kubernetesVersion', v]]));
  });

  test('container registries: keys of 1-40 letters and digits starting with a letter, values Azure Container Registry IDs', () => {
    const accepted = { a: acr('abcde'), Z9: acr('A'.repeat(50), GUID.toUpperCase().replace(/0/g, 'F'), 'rg.with(parens)'), ['k'.repeat(40)]: acr('contoso') };
    expect(() => build({ kubernetes: { containerRegistries: accepted } })).not.toThrow();
    const refused = violations({ kubernetes: { containerRegistries: { '1a': acr('contoso'), 'a-b': acr('contoso'), ['k'.repeat(41)]: acr('contoso') } } });
    expect(refused).toEqual(['1a', 'a-b', 'k'.repeat(41)].map((key) => ({
      prop: `kubernetes.containerRegistries.${key}`, value: key, problem: 'keys become construct IDs: 1-40 letters and digits, starting with a letter', fix: "use the registry's name, e.g. 'contoso'",
    })));
  });

  test('container registry IDs: a subscription GUID, a group, and a registry name of 5-50 letters and digits', () => {
    const bad = {
      short: acr('abcd'), long: acr('a'.repeat(51)), dash: acr('con-toso'), guid: acr('contoso', GUID.slice(1)), notHex: acr('contoso', GUID.replace('0', 'g')),
      group: acr('contoso', GUID, 'rg/x'), noGroup: acr('contoso', GUID, ''), before: ` ${acr('contoso')}`, after: `${acr('contoso')}/x`,
      provider: acr('contoso').replace('Microsoft.ContainerRegistry', 'Microsoft.Storage'), dot: acr('contoso').replace('Microsoft.ContainerRegistry', 'MicrosoftXContainerRegistry'),
    };
    expect(violations({ kubernetes: { containerRegistries: bad } })).toEqual(Object.entries(bad).map(([key, value]) => ({
      prop: `kubernetes.containerRegistries.${key}`, value, problem: 'not an Azure Container Registry resource ID',
      fix: 'use /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>',
    })));
  });

  test('Key Vault soft-delete retention is 7-90 days', () => {
    expect(violations({ keyVault: { softDeleteRetentionDays: 6 } })).toEqual([integer('keyVault.softDeleteRetentionDays', 6, 7, 90, 'Key Vault soft-delete retention')]);
  });

  test('each name override is checked against its resource kind\'s rules', () => {
    expect(violations({ names: { resourceGroup: 'rg.', virtualNetwork: 'v', keyVault: 'k', kubernetesCluster: '-a', nodeResourceGroup: 'n.' } }).map(({ prop, value, problem }) => ({ prop, value, problem }))).toEqual([
      { prop: 'names.resourceGroup', value: 'rg.', problem: 'a resource group name allows letters, digits, ._-() and not ending in a period' },
      { prop: 'names.virtualNetwork', value: 'v', problem: 'a virtual network name must be 2-64 characters long' },
      { prop: 'names.keyVault', value: 'k', problem: 'a Key Vault name must be 3-24 characters long' },
      { prop: 'names.kubernetesCluster', value: '-a', problem: 'an AKS cluster name allows letters, digits, _ and -, starting and ending with a letter or digit' },
      { prop: 'names.nodeResourceGroup', value: 'n.', problem: 'a resource group name allows letters, digits, ._-() and not ending in a period' },
    ]);
  });

  test('the node resource group name is at most 80 characters, given or derived from the resource group\'s', () => {
    const tooLong = (value: string): Violation => ({ prop: 'names.nodeResourceGroup', value, problem: 'AKS limits the node resource group name to 80 characters', fix: 'set a shorter names.nodeResourceGroup or names.resourceGroup' });
    expect(() => build({ names: { nodeResourceGroup: 'n'.repeat(80), resourceGroup: 'r'.repeat(90) } })).not.toThrow();
    expect(() => build({ names: { resourceGroup: 'r'.repeat(70) } })).not.toThrow();
    expect(violations({ names: { nodeResourceGroup: 'n'.repeat(81) } })).toEqual([tooLong('n'.repeat(81))]);
    expect(violations({ names: { resourceGroup: 'r'.repeat(71) } })).toEqual([tooLong(`${'r'.repeat(71)}-aks-nodes`)]);
    expect(violations({ resourceGroupName: 'r'.repeat(71) })).toEqual([{ ...tooLong(`${'r'.repeat(71)}-aks-nodes`), fix: 'set a shorter names.nodeResourceGroup or resourceGroupName' }]);
  });
});

describe('RegionalStamp in an existing resource group', () => {
  test('resourceGroupName: no group is created, every resource is in the named group, the node group follows it', () => {
    const { stamp } = build({ resourceGroupName: 'rg-platform-westus3' });
    expect(stamp.resourceGroup).toBeUndefined();
    expect(stamp.resourceGroupName).toBe('rg-platform-westus3');
    const json = synth({ resourceGroupName: 'rg-platform-westus3' });
    expect(json.resource.azurerm_resource_group).toBeUndefined();
    const groups = Object.values(json.resource).flatMap((byId) => Object.values(byId)).map((r) => (r as { resource_group_name?: string }).resource_group_name).filter((g) => g !== undefined);
    expect(groups.length).toBeGreaterThan(5);
    expect(new Set(groups)).toEqual(new Set(['rg-platform-westus3']));
    expect(resource(json, 'azurerm_kubernetes_cluster', 'Cluster').node_resource_group).toBe('rg-platform-westus3-aks-nodes');
  });

  test('by default the stamp creates its group and its resources refer to it (so Terraform creates it first)', () => {
    const { stamp } = build();
    expect(stamp.resourceGroup).toBeDefined();
    const json = synth();
    expect(resource(json, 'azurerm_kubernetes_cluster', 'Cluster').resource_group_name).toBe(ref(json, 'azurerm_resource_group', 'ResourceGroup', 'name'));
  });

  test('a token is accepted; a bad name or a names.resourceGroup beside it is refused', () => {
    const group = Token.asString({ Ref: 'group' });
    expect(build({ resourceGroupName: group }).stamp.resourceGroupName).toBe(group);
    expect(violations({ resourceGroupName: 'rg.' }).map(({ prop, value, problem }) => ({ prop, value, problem }))).toEqual([
      { prop: 'resourceGroupName', value: 'rg.', problem: 'a resource group name allows letters, digits, ._-() and not ending in a period' },
    ]);
    expect(violations({ resourceGroupName: 'rg-platform', names: { resourceGroup: 'rg-stamp' } })).toEqual([{
      prop: 'names.resourceGroup', value: 'rg-stamp', problem: 'the stamp deploys into the existing group resourceGroupName and creates none, so the name would be ignored',
      fix: 'drop names.resourceGroup, or drop resourceGroupName to let the stamp create its group',
    }]);
    expect(violations({ resourceGroupName: 7 as never }).map(({ prop, value }) => ({ prop, value }))).toEqual([{ prop: 'resourceGroupName', value: 7 }]);
  });
});
