import { TerraformStack } from 'cdktf';
import { ActivePassiveDatabase, AddressPlan, DatabaseEngine, MaintenanceWindow, RedundancyPattern, RegionalMonitoring, RegionalStamp, RegionalStampProps, RegionRole, RemovalPolicy, ValidationError } from '../lib';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ownGroups, sink } from './support/standalone';
import { all, only, StackJson, synthStack, testStack } from './support/synth';

const BASE: RegionalStampProps = { region: 'westus3', prefix: 'shop', monitoring: sink('westus3') };

function synthStamp(props: Partial<RegionalStampProps> = {}): StackJson {
  const stack = testStack();
  new RegionalStamp(stack, 'Stamp', { ...BASE, ...props });
  return synthStack(stack);
}

describe('RegionalStamp defaults (zone-redundant, secure)', () => {
  const json = synthStamp();
  const cluster = only(json, 'azurerm_kubernetes_cluster');
  const userPool = only(json, 'azurerm_kubernetes_cluster_node_pool');
  const vault = only(json, 'azurerm_key_vault');

  test('resource group, VNet and subnets from the address plan', () => {
    expect(only(json, 'azurerm_resource_group')).toMatchObject({ location: 'westus3', name: expect.stringMatching(/^shop-rg-westus3-[0-9a-f]{6}$/) });
    expect(only(json, 'azurerm_virtual_network').address_space).toEqual(['10.100.0.0/20']);
    const subnets = Object.values(all(json, 'azurerm_subnet')).map((s) => [s.name, s.address_prefixes[0]]).sort();
    expect(subnets).toEqual([
      ['snet-aks-nodes', '10.100.0.0/22'],
      ['snet-ingress', '10.100.5.0/24'],
      ['snet-private-endpoints', '10.100.4.0/24'],
    ]);
    const byName = Object.fromEntries(Object.values(all(json, 'azurerm_subnet')).map((s) => [s.name, s]));
    expect(byName['snet-private-endpoints'].private_endpoint_network_policies).toBe('Enabled');
    expect(byName['snet-ingress'].private_link_service_network_policies_enabled).toBe(false);
    expect(Object.keys(all(json, 'azurerm_subnet_network_security_group_association'))).toHaveLength(3);
  });

  test('AKS: Standard tier, Entra ID + Azure RBAC, local accounts disabled', () => {
    expect(cluster.sku_tier).toBe('Standard');
    expect(cluster.local_account_disabled).toBe(true);
    expect(cluster.role_based_access_control_enabled).toBe(true);
    expect(cluster.azure_active_directory_role_based_access_control).toMatchObject({ azure_rbac_enabled: true, tenant_id: expect.stringContaining('azurerm_client_config') });
  });

  test('AKS: system pool across zones 1-3, >= 3 nodes, critical add-ons only, autoscaled', () => {
    expect(cluster.default_node_pool).toMatchObject({
      name: 'system',
      zones: ['1', '2', '3'],
      only_critical_addons_enabled: true,
      auto_scaling_enabled: true,
      min_count: 3,
      max_count: 5,
      vm_size: 'Standard_D4ds_v5',
      temporary_name_for_rotation: 'systemtmp',
      vnet_subnet_id: expect.stringContaining('AksNodesSubnet'),
    });
  });

  test('AKS: user pool across zones 1-3, >= 3 nodes (one per zone), autoscaled, in the node subnet', () => {
    expect(userPool).toMatchObject({
      name: 'user',
      mode: 'User',
      zones: ['1', '2', '3'],
      auto_scaling_enabled: true,
      min_count: 3,
      max_count: 10,
      kubernetes_cluster_id: expect.stringContaining('azurerm_kubernetes_cluster.'),
      vnet_subnet_id: expect.stringContaining('AksNodesSubnet'),
    });
    expect(userPool.lifecycle.ignore_changes).toEqual(['node_count']);
    expect(cluster.lifecycle.ignore_changes).toEqual(['default_node_pool[0].node_count']);
  });

  test('AKS: workload identity + OIDC issuer, Azure Policy, Cilium network policy on CNI Overlay', () => {
    expect(cluster.oidc_issuer_enabled).toBe(true);
    expect(cluster.workload_identity_enabled).toBe(true);
    expect(cluster.azure_policy_enabled).toBe(true);
    expect(cluster.network_profile).toEqual({
      network_plugin: 'azure',
      network_plugin_mode: 'overlay',
      network_policy: 'cilium',
      network_data_plane: 'cilium',
      pod_cidr: '192.168.0.0/16',
      service_cidr: '172.16.0.0/16',
      dns_service_ip: '172.16.0.10',
      load_balancer_sku: 'standard',
      outbound_type: 'loadBalancer',
    });
  });

  test('AKS: Container Insights to the regional workspace with managed-identity auth and a data collection rule', () => {
    const workspace = sink('westus3').workspaceId;
    expect(cluster.oms_agent).toEqual({ log_analytics_workspace_id: workspace, msi_auth_for_monitoring_enabled: true });
    const rule = only(json, 'azurerm_monitor_data_collection_rule');
    expect(rule.destinations.log_analytics[0].workspace_resource_id).toBe(workspace);
    expect(rule.data_sources.extension[0].extension_name).toBe('ContainerInsights');
    expect(only(json, 'azurerm_monitor_data_collection_rule_association').target_resource_id).toMatch(/azurerm_kubernetes_cluster\..*\.id/);
  });

  test('AKS: automatic upgrade channel with a weekly maintenance window for cluster and node OS', () => {
    expect(cluster.automatic_upgrade_channel).toBe('patch');
    expect(cluster.node_os_upgrade_channel).toBe('NodeImage');
    const window = { frequency: 'Weekly', interval: 1, day_of_week: 'Sunday', start_time: '02:00', duration: 4, utc_offset: '+00:00' };
    expect(cluster.maintenance_window_auto_upgrade).toEqual(window);
    expect(cluster.maintenance_window_node_os).toEqual(window);
  });

  test('AKS: user-assigned identity holds Network Contributor on the VNet before the cluster exists', () => {
    expect(cluster.identity).toEqual({ type: 'UserAssigned', identity_ids: [expect.stringContaining('azurerm_user_assigned_identity.')] });
    const assignments = Object.entries(all(json, 'azurerm_role_assignment'));
    const [networkId, network] = assignments.find(([, a]) => a.role_definition_name === 'Network Contributor')!;
    expect(network.scope).toMatch(/azurerm_virtual_network\..*\.id/);
    expect(cluster.depends_on).toContain(`azurerm_role_assignment.${networkId}`);
    const admin = assignments.find(([, a]) => a.role_definition_name === 'Azure Kubernetes Service RBAC Cluster Admin')![1];
    expect(admin.principal_id).toContain('azurerm_client_config');
  });

  test('Key Vault: RBAC, purge protection, no public access, private endpoint in its DNS zone, prevent_destroy', () => {
    expect(vault).toMatchObject({
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { bypass: 'AzureServices', default_action: 'Deny' },
      lifecycle: { prevent_destroy: true },
    });
    expect(vault.name.length).toBeLessThanOrEqual(24);
    expect(vault.access_policy).toBeUndefined();
    const endpoint = only(json, 'azurerm_private_endpoint');
    expect(endpoint.subnet_id).toContain('PrivateEndpointsSubnet');
    expect(endpoint.private_service_connection).toMatchObject({ subresource_names: ['vault'], is_manual_connection: false, private_connection_resource_id: expect.stringContaining('azurerm_key_vault.') });
    const zone = only(json, 'azurerm_private_dns_zone');
    expect(zone.name).toBe('privatelink.vaultcore.azure.net');
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([expect.stringContaining('azurerm_private_dns_zone.')]);
    expect(only(json, 'azurerm_private_dns_zone_virtual_network_link')).toMatchObject({ registration_enabled: false, virtual_network_id: expect.stringContaining('azurerm_virtual_network.') });
  });

  test('no workspace of its own: no Log Analytics workspace or Application Insights is created', () => {
    expect(all(json, 'azurerm_log_analytics_workspace')).toEqual({});
    expect(all(json, 'azurerm_application_insights')).toEqual({});
    expect(Object.keys(all(json, 'azurerm_kubernetes_cluster'))).toHaveLength(1);
  });

  test('RegionalMonitoring: workspace-based Application Insights, Entra-only workspace, retained on destroy', () => {
    const stack = testStack();
    new RegionalMonitoring(stack, 'Monitoring', { prefix: 'shop', region: 'westus3', resourceGroupName: 'rg-monitoring', retentionDays: 90 });
    const monitoring = synthStack(stack);
    const workspace = only(monitoring, 'azurerm_log_analytics_workspace');
    expect(workspace).toMatchObject({ sku: 'PerGB2018', retention_in_days: 90, local_authentication_enabled: false, lifecycle: { prevent_destroy: true } });
    expect(only(monitoring, 'azurerm_application_insights').workspace_id).toMatch(/azurerm_log_analytics_workspace\..*\.id/);
  });

  test('diagnostics: every log and metric of AKS, Key Vault, the VNet, its NSGs and the Container Insights rule go to the workspace', () => {
    const settings = Object.values(all(json, 'azurerm_monitor_diagnostic_setting'));
    const targets = settings.map((s) => [String(s.target_resource_id).split('.')[0].slice(2), s.enabled_log, s.enabled_metric]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const logs = [{ category_group: 'allLogs' }];
    const metrics = [{ category: 'AllMetrics' }];
    expect(targets).toEqual([
      ['azurerm_key_vault', logs, metrics], ['azurerm_kubernetes_cluster', logs, metrics], ['azurerm_monitor_data_collection_rule', logs, metrics],
      ['azurerm_network_security_group', logs, []], ['azurerm_network_security_group', logs, []], ['azurerm_network_security_group', logs, []], ['azurerm_virtual_network', logs, metrics],
    ]);
  });

  test('tags name the component, region and role', () => {
    expect(cluster.tags).toMatchObject({ 'managed-by': 'cdktf-order-platform', component: 'regional-stamp', region: 'westus3', 'region-role': 'primary' });
  });
});

describe('RegionalStamp options', () => {
  test('sizes, counts, window and names are props', () => {
    const json = synthStamp({
      role: RegionRole.SECONDARY,
      kubernetes: {
        systemPool: { vmSize: 'Standard_D8ds_v5', minCount: 4, maxCount: 6 },
        userPool: { minCount: 3, maxCount: 30 },
        automaticUpgradeChannel: 'stable',
        maintenanceWindow: { dayOfWeek: 'Saturday', startTime: '22:30', durationHours: 6, utcOffset: '+09:00' },
        networkPolicy: 'calico',
        grantDeployerClusterAdmin: false,
        apiServerAuthorizedIpRanges: ['203.0.113.0/24'],
      },
      keyVault: { skuName: 'premium', softDeleteRetentionDays: 30, removalPolicy: RemovalPolicy.DESTROY },
      names: { keyVault: 'orders-kv-01', kubernetesCluster: 'orders-aks' },
    });
    const cluster = only(json, 'azurerm_kubernetes_cluster');
    expect(cluster.default_node_pool).toMatchObject({ vm_size: 'Standard_D8ds_v5', min_count: 4, max_count: 6 });
    expect(only(json, 'azurerm_kubernetes_cluster_node_pool')).toMatchObject({ min_count: 3, max_count: 30 });
    expect(cluster.automatic_upgrade_channel).toBe('stable');
    expect(cluster.maintenance_window_auto_upgrade).toMatchObject({ day_of_week: 'Saturday', start_time: '22:30', duration: 6, utc_offset: '+09:00' });
    expect(cluster.network_profile).toMatchObject({ network_policy: 'calico', network_data_plane: 'azure' });
    expect(cluster.api_server_access_profile).toEqual({ authorized_ip_ranges: ['203.0.113.0/24'] });
    expect(cluster.name).toBe('orders-aks');
    expect(cluster.tags['region-role']).toBe('secondary');
    const vault = only(json, 'azurerm_key_vault');
    expect(vault).toMatchObject({ name: 'orders-kv-01', sku_name: 'premium', soft_delete_retention_days: 30 });
    expect(vault.lifecycle.prevent_destroy).toBe(false);
    expect(Object.values(all(json, 'azurerm_role_assignment')).map((a) => a.role_definition_name)).toEqual(['Network Contributor']);
  });

  test('a non-zonal stamp (accepted explicitly) has no zones on any node pool', () => {
    const json = synthStamp({ region: 'westus', zoneRedundant: false });
    expect(only(json, 'azurerm_kubernetes_cluster').default_node_pool.zones).toBeUndefined();
    expect(only(json, 'azurerm_kubernetes_cluster_node_pool').zones).toBeUndefined();
  });

  test('a RegionalMonitoring sink is used by reference', () => {
    const stack = testStack();
    const monitoring = new RegionalMonitoring(stack, 'Shared', { prefix: 'shop', region: 'westus3', resourceGroupName: 'rg-shared' });
    new RegionalStamp(stack, 'Stamp', { ...BASE, monitoring });
    const json = synthStack(stack);
    const workspace = Object.keys(all(json, 'azurerm_log_analytics_workspace'));
    expect(workspace).toEqual([expect.stringMatching(/^Shared_Workspace_/)]);
    expect(only(json, 'azurerm_kubernetes_cluster').oms_agent.log_analytics_workspace_id).toBe(`\${azurerm_log_analytics_workspace.${workspace[0]}.id}`);
  });

  test('a second region of an address plan gets the second block', () => {
    const stack = testStack();
    const plan = new AddressPlan(stack, { addressSpace: '10.20.0.0/16' }, 2);
    new RegionalStamp(stack, 'Stamp', { ...BASE, addressPlan: plan, addressIndex: 1 });
    expect(only(synthStack(stack), 'azurerm_virtual_network').address_space).toEqual(['10.20.16.0/20']);
  });
});

describe('RegionalStamp address blocks in one app', () => {
  /** Two standalone stamps in two stacks of one app, each with its own provider. */
  function twoStamps(first: Partial<RegionalStampProps>, second: Partial<RegionalStampProps>): [TerraformStack, TerraformStack] {
    const one = testStack();
    const two = new TerraformStack(one.node.scope!, 'second');
    new AzurermProvider(two, 'Azurerm', { features: [{}] });
    new RegionalStamp(one, 'Stamp', { ...BASE, ...first });
    new RegionalStamp(two, 'Stamp', { ...BASE, region: 'eastus2', ...second });
    return [one, two];
  }

  test('two stamps both left at the default block fail the synth, naming both and the fix', () => {
    const [one] = twoStamps({}, {});
    expect(() => synthStack(one)).toThrow(/\[test\/Stamp\] invalid addressIndex \(undefined\): the stamp took block 0 of its address plan \(10\.100\.0\.0\/20\), which overlaps second\/Stamp \(10\.100\.0\.0\/20\).*Fix: give each stamp of the app its own addressIndex/s);
  });

  test('a defaulted stamp that overlaps one with an explicit index fails too; the explicit one alone is not blamed', () => {
    const [, two] = twoStamps({}, {});
    expect(() => synthStack(two)).toThrow(/\[second\/Stamp\] invalid addressIndex/);
    const [defaulted, explicit] = twoStamps({}, { addressIndex: 0 });
    expect(() => synthStack(defaulted)).toThrow(/which overlaps second\/Stamp/);
    expect(() => synthStack(explicit)).not.toThrow();
  });

  test('distinct blocks of one plan, or disjoint plans, synthesize', () => {
    const [a, b] = twoStamps({ addressIndex: 0 }, { addressIndex: 1 });
    expect(only(synthStack(a), 'azurerm_virtual_network').address_space).toEqual(['10.100.0.0/20']);
    expect(only(synthStack(b), 'azurerm_virtual_network').address_space).toEqual(['10.100.16.0/20']);
    const one = testStack();
    const two = new TerraformStack(one.node.scope!, 'second');
    new AzurermProvider(two, 'Azurerm', { features: [{}] });
    new RegionalStamp(one, 'Stamp', BASE);
    new RegionalStamp(two, 'Stamp', { ...BASE, region: 'eastus2', addressPlan: new AddressPlan(two, { addressSpace: '10.101.0.0/16' }, 1) });
    expect(only(synthStack(one), 'azurerm_virtual_network').address_space).toEqual(['10.100.0.0/20']);
    expect(only(synthStack(two), 'azurerm_virtual_network').address_space).toEqual(['10.101.0.0/20']);
  });
});

describe('RegionalStamp registries and scheduling model', () => {
  test('the kubelet identity may pull from each private registry (AcrPull), keyed by a stable name', () => {
    const acr = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/contoso';
    const json = synthStamp({ kubernetes: { containerRegistries: { contoso: acr } } });
    const pulls = Object.entries(all(json, 'azurerm_role_assignment')).filter(([, r]) => r.role_definition_name === 'AcrPull');
    expect(pulls).toHaveLength(1);
    expect(pulls[0][0]).toMatch(/^Stamp_AcrPull-contoso_/);
    expect(pulls[0][1]).toMatchObject({ scope: acr, principal_type: 'ServicePrincipal', principal_id: expect.stringMatching(/azurerm_kubernetes_cluster\.[^.]+\.kubelet_identity\[0\]\.object_id/) });
    expect(Object.values(all(synthStamp(), 'azurerm_role_assignment')).filter((r) => r.role_definition_name === 'AcrPull')).toEqual([]);
  });

  test('describes its node pools for the scheduling check: the system pool tainted, the user pool one node per zone', () => {
    const stamp = new RegionalStamp(testStack(), 'Stamp', BASE);
    expect(stamp.nodePools).toEqual([
      { name: 'system', zones: ['1', '2', '3'], minCount: 3, maxCount: 5, vmSize: 'Standard_D4ds_v5', labels: { 'kubernetes.azure.com/mode': 'system' }, taints: ['CriticalAddonsOnly=true:NoSchedule'] },
      { name: 'user', zones: ['1', '2', '3'], minCount: 3, maxCount: 10, vmSize: 'Standard_D4ds_v5', labels: { 'kubernetes.azure.com/mode': 'user' }, taints: [] },
    ]);
  });
});

describe('RegionalStamp maintenance window (the MaintenanceWindow every resource takes)', () => {
  test('AKS takes the local time and its offset as given; PostgreSQL takes the same window converted to UTC', () => {
    const window: MaintenanceWindow = { dayOfWeek: 'Monday', startTime: '01:00', utcOffset: '+09:00' };
    const stack = testStack();
    new RegionalStamp(stack, 'Stamp', { ...BASE, kubernetes: { maintenanceWindow: { ...window, durationHours: 4 } } });
    new ActivePassiveDatabase(stack, 'OrderDb', {
      prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], administrator: { objectId: '11111111-2222-3333-4444-555555555555', name: 'sg-db' },
      engine: DatabaseEngine.postgresql({ maintenanceWindow: window }), ...ownGroups(['westus3']),
    });
    const json = synthStack(stack);
    const cluster = only(json, 'azurerm_kubernetes_cluster');
    expect(cluster.maintenance_window_auto_upgrade).toEqual({ frequency: 'Weekly', interval: 1, day_of_week: 'Monday', start_time: '01:00', duration: 4, utc_offset: '+09:00' });
    expect(cluster.maintenance_window_node_os).toEqual(cluster.maintenance_window_auto_upgrade);
    expect(only(json, 'azurerm_postgresql_flexible_server').maintenance_window).toEqual({ day_of_week: 0, start_hour: 16, start_minute: 0 });
  });
});

describe('RegionalStamp bad input', () => {
  test.each<[string, Partial<RegionalStampProps>, string]>([
    ['unknown region', { region: 'moon-1' }, 'test/Stamp: invalid region "moon-1": not an Azure public region in the catalog'],
    ['typo in region', { region: 'west-us-3' }, "Fix: did you mean 'westus3' (West US 3)?"],
    ['region without zones', { region: 'westus' }, 'West US has no availability zones, so the stamp cannot be zone-redundant. Fix: choose a region with availability zones, or set zoneRedundant: false'],
    ['prefix with upper case', { prefix: 'Shop' }, 'test/Stamp: invalid prefix "Shop": a name prefix must be 2-12 lower-case letters or digits'],
    ['prefix too long', { prefix: 'averyverylongprefix' }, 'invalid prefix "averyverylongprefix"'],
    ['system pool below 3 nodes', { kubernetes: { systemPool: { minCount: 2 } } }, 'invalid kubernetes.systemPool.minCount 2: must be an integer from 3 to 1000 (one system node per zone survives a zone loss)'],
    ['zonal user pool below 3 nodes', { kubernetes: { userPool: { minCount: 1 } } }, 'invalid kubernetes.userPool.minCount 1: must be an integer from 3 to 1000 (one user node per zone'],
    ['max below min', { kubernetes: { userPool: { minCount: 4, maxCount: 3 } } }, 'invalid kubernetes.userPool.maxCount 3: must be an integer from 4 to 1000'],
    ['VM size that is not one', { kubernetes: { userPool: { vmSize: 'D4ds_v5' } } }, 'invalid kubernetes.userPool.vmSize "D4ds_v5": not an Azure VM size name'],
    ['maintenance window under 4 hours', { kubernetes: { maintenanceWindow: { durationHours: 2 } } }, 'invalid kubernetes.maintenanceWindow.durationHours 2'],
    ['maintenance start time', { kubernetes: { maintenanceWindow: { startTime: '25:00' } } }, 'not a 24-hour HH:MM time'],
    ['maintenance window over 24 hours', { kubernetes: { maintenanceWindow: { durationHours: 25 } } }, 'invalid kubernetes.maintenanceWindow.durationHours 25: must be an integer from 4 to 24 (AKS planned maintenance windows last 4-24 hours)'],
    ['maintenance UTC offset', { kubernetes: { maintenanceWindow: { utcOffset: 'UTC+9' } } }, 'invalid kubernetes.maintenanceWindow.utcOffset "UTC+9": not a UTC offset'],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['unknown upgrade channel', { kubernetes: { automaticUpgradeChannel: 'nightly' as any } }, "invalid kubernetes.automaticUpgradeChannel \"nightly\": expected one of 'patch', 'stable', 'rapid', 'node-image', got the string \"nightly\""],
    ['Key Vault retention out of range', { keyVault: { softDeleteRetentionDays: 120 } }, 'invalid keyVault.softDeleteRetentionDays 120'],
    ['Key Vault name too long', { names: { keyVault: 'orders-key-vault-production' } }, 'invalid names.keyVault "orders-key-vault-production": a Key Vault name must be 3-24 characters long'],
    ['address index outside the plan', { addressIndex: 16 }, 'invalid addressIndex 16'],
  ])('%s', (_label, props, message) => {
    expect(() => synthStamp(props)).toThrow(ValidationError);
    expect(() => synthStamp(props)).toThrow(message);
  });

  test('errors come from the constructor, not from deep inside cdktf', () => {
    const stack: TerraformStack = testStack();
    let error: unknown;
    try {
      new RegionalStamp(stack, 'Stamp', { ...BASE, kubernetes: { systemPool: { minCount: 1 } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).constructPath).toBe('test/Stamp');
    expect((error as ValidationError).prop).toBe('kubernetes.systemPool.minCount');
  });
});
