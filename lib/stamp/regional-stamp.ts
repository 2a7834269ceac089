import { Construct } from 'constructs';
import { acceptFinding } from '../core/accepted-findings';
import { Token } from 'cdktf';
import { IPv4CidrRange } from 'ip-num';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { KubernetesCluster, KubernetesClusterDefaultNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { AKS_POOL_MODE_LABEL, NodePoolModel } from '../common/node-pool-model';
import { PrivateDnsZoneSpec, PrivateDnsZones } from '../common/private-dns-zones';
import { ingressIp, RegionalIngress } from '../common/regional-ingress';
import { AddressPlan, RegionAddresses } from '../core/address-plan';
import { protect, RemovalPolicy } from '../core/lifecycle';
import { CheckedMaintenanceWindow, checkMaintenanceWindow } from '../core/maintenance-window';
import { Naming, ResourceKind } from '../core/naming';
import { RegionRole } from '../core/pattern';
import { RegionInfo, Regions } from '../core/regions';
import { PLATFORM_SERVICES } from '../core/services';
import { ValidationError } from '../core/errors';
import { mergeTags, Tags } from '../core/tags';
import { checkFormat, checkGuid, checkShape, Checks, IPV4_OR_CIDR } from '../core/validate';
import { diagnose } from '../monitoring/diagnostics';
import { IRegionalMonitoring } from '../monitoring/regional-monitoring';
import { StampNetwork, subnetName } from './network';
import { DeployerLogin, KeyVaultOptions, KubernetesOptions, NodePoolOptions, RegionalStampNames, RegionalStampProps } from './regional-stamp-types';
import { REGIONAL_STAMP_SHAPE } from './shapes';

const SYSTEM_POOL_MIN = 3;
const USER_POOL_MIN = 2;
const USER_POOL_MIN_ZONAL = 3;
const DEPLOYER_LOGINS: readonly DeployerLogin[] = ['azurecli', 'servicePrincipal', 'workloadIdentity', 'managedIdentity'];
const ACR_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/[A-Za-z0-9]{5,50}$/i;
const DEFAULT_VM_SIZE = 'Standard_D4ds_v5';
const ZONES = ['1', '2', '3'];
const UPGRADE_CHANNELS = ['patch', 'stable', 'rapid', 'node-image'] as const;
const NETWORK_POLICIES = ['cilium', 'calico', 'azure'] as const;
/** AKS planned maintenance windows last 4-24 hours. */
export const AKS_WINDOW_LENGTHS = { minHours: 4, maxHours: 24, defaultHours: 4, why: 'AKS planned maintenance windows last 4-24 hours' };
/** Built-in role "Azure Kubernetes Service RBAC Cluster Admin". */
const AKS_RBAC_CLUSTER_ADMIN = 'Azure Kubernetes Service RBAC Cluster Admin';

/**
 * One Azure region of the platform: resource group, VNet and subnets, Key Vault behind a private endpoint and a
 * zone-redundant AKS cluster with secure defaults, reporting to the monitoring sink it is given.
 *
 * Defaults follow the AKS baseline architecture: Standard tier (99.95% API server SLA with zones), a system pool
 * of at least three nodes across zones 1-3 running critical add-ons only, an autoscaled user pool, Entra ID with
 * Azure RBAC and local accounts disabled, workload identity, Azure Policy, Cilium network policy, Container
 * Insights and an automatic upgrade channel with a maintenance window.
 */
export class RegionalStamp extends Construct {
  /** The region's catalog entry. */
  public readonly region: RegionInfo;
  /** What the region does in the pattern. */
  public readonly role: RegionRole;
  /** Whether zonal resources spread over availability zones 1-3. */
  public readonly zoneRedundant: boolean;
  /** The VNet and subnet ranges of this region's block. */
  public readonly addresses: RegionAddresses;
  /** The resource group the stamp creates; undefined when it deploys into an existing group (`resourceGroupName`). */
  public readonly resourceGroup?: ResourceGroup;
  /** Name of the group the stamp's resources are in (a reference to the created group, or the existing group's name). */
  public readonly resourceGroupName: string;
  /** VNet, subnets and NSGs. */
  public readonly network: StampNetwork;
  /** Workspace and Application Insights the stamp reports to. */
  public readonly monitoring: IRegionalMonitoring;
  /** Key Vault behind a private endpoint (RBAC, purge protection). */
  public readonly keyVault: KeyVault;
  /** The Key Vault's private endpoint in the stamp's private-endpoint subnet. */
  public readonly keyVaultEndpoint: PrivateEndpoint;
  /** User-assigned identity of the AKS control plane. */
  public readonly clusterIdentity: UserAssignedIdentity;
  /** The AKS cluster (with its system pool). */
  public readonly cluster: KubernetesCluster;
  /** The autoscaled user node pool the workloads run on. */
  public readonly userPool: KubernetesClusterNodePool;
  /** Private DNS zones linked to this stamp's VNet, one per private-link service. */
  public readonly privateDnsZones: PrivateDnsZones;
  /** Where the services' internal load balancers and Private Link Services live (the global entry's origins). */
  public readonly ingress: RegionalIngress;
  /** The node pools, for `checkSchedulability` of the workloads that run here. */
  public readonly nodePools: readonly NodePoolModel[];
  /** How the deployer authenticates to Entra ID (the `-apps` stacks' kubelogin mode). */
  public readonly deployerLogin: DeployerLogin;
  private readonly naming: Naming;
  private readonly tags: Tags;

  constructor(scope: Construct, id: string, props: RegionalStampProps) {
    super(scope, id);
    checkShape(this, '', props, REGIONAL_STAMP_SHAPE);
    const checks = new Checks(this);
    this.naming = new Naming(checks.run('invalid', () => Naming.validatePrefix(this, 'prefix', props.prefix)));
    this.region = checks.run(Regions.tryFind('westus3')!, () => Regions.find(props.region, this, 'region'));
    this.role = props.role ?? RegionRole.PRIMARY;
    this.zoneRedundant = props.zoneRedundant ?? true;
    if (this.zoneRedundant && !this.region.availabilityZones) {
      checks.fail({
        prop: 'region', value: props.region,
        problem: `${this.region.displayName} has no availability zones, so the stamp cannot be zone-redundant`,
        fix: 'choose a region with availability zones, or set zoneRedundant: false to accept a single-zone stamp (AKS SLA 99.9% instead of 99.95%)',
      });
    }
    const plan = props.addressPlan ?? new AddressPlan(this, {}, 1);
    const index = checks.integer('addressIndex', props.addressIndex ?? 0, 0, plan.capacity - 1, 'the block must lie inside the address plan', 0);
    this.addresses = plan.forRegion(index);
    if (props.addressIndex === undefined) this.node.addValidation({ validate: () => this.defaultBlockClashes() });
    this.tags = checks.run({}, () => mergeTags(this, 'tags', {
      'managed-by': 'cdktf-order-platform',
      component: 'regional-stamp',
      region: this.region.name,
      'region-role': this.role,
    }, props.tags));
    const names = props.names ?? {};
    const kubernetes = this.checkKubernetes(checks, props.kubernetes ?? {});
    const publicIngressPorts = (props.publicIngressPorts ?? []).map((port, i) => checks.integer(`publicIngressPorts[${i}]`, port, 1, 65535, 'a TCP port', 443));
    const vault = this.checkKeyVault(checks, props.keyVault ?? {});
    this.checkNames(checks, names, props.resourceGroupName);
    checks.throwIfAny();
    this.deployerLogin = kubernetes.deployerLogin;
    const location = this.region.name;
    const zones = this.zoneRedundant ? ZONES : undefined;

    const client = new DataAzurermClientConfig(this, 'ClientConfig', {});

    // An existing group is used as it is; otherwise the stamp creates its own, and its resources refer to it (so
    // Terraform creates it first).
    const resourceGroupName = props.resourceGroupName
      ?? this.naming.name(this, ResourceKind.RESOURCE_GROUP, { qualifier: location, override: names.resourceGroup, prop: 'names.resourceGroup' });
    this.resourceGroup = props.resourceGroupName === undefined
      ? new ResourceGroup(this, 'ResourceGroup', { name: resourceGroupName, location, tags: this.tags })
      : undefined;
    this.resourceGroupName = this.resourceGroup?.name ?? resourceGroupName;
    this.monitoring = props.monitoring;
    this.network = this.buildNetwork(names.virtualNetwork, publicIngressPorts);
    this.privateDnsZones = new PrivateDnsZones(this, 'PrivateDns', {
      resourceGroupName: this.resourceGroupName,
      virtualNetworkId: this.network.virtualNetwork.id,
      tags: this.tags,
    });
    ({ keyVault: this.keyVault, endpoint: this.keyVaultEndpoint } = this.buildKeyVault(client.tenantId, vault, names.keyVault));
    const { identity, networkRole } = this.buildClusterIdentity();
    this.clusterIdentity = identity;
    this.cluster = this.buildCluster({
      options: props.kubernetes ?? {}, checked: kubernetes, names, resourceGroupName, tenantId: client.tenantId, zones, networkRole,
    });
    this.ingress = this.regionalIngress();
    this.userPool = this.buildUserPool(kubernetes.user, zones);
    if (!this.zoneRedundant && this.region.availabilityZones) {
      // A single-zone stamp in a region with zones: the rule pack reports the pools' zones as this choice.
      acceptFinding(this.cluster, 'OP-AKS-001', 'zoneRedundant is false');
      acceptFinding(this.userPool, 'OP-AKS-002', 'zoneRedundant is false');
    }
    this.addContainerInsights();
    this.grantRegistryPulls(kubernetes.registries);
    this.nodePools = nodePoolModels(kubernetes.system, kubernetes.user, zones ?? []);

    if (props.kubernetes?.grantDeployerClusterAdmin ?? true) {
      new RoleAssignment(this, 'DeployerClusterAdmin', {
        scope: this.cluster.id,
        roleDefinitionName: AKS_RBAC_CLUSTER_ADMIN,
        principalId: client.objectId,
      });
    }
  }

  /**
   * A private endpoint in this stamp's private-endpoint subnet, registered in the stamp's private DNS zone for
   * the service, so the service's public name resolves to a private address inside the VNet.
   */
  public addPrivateEndpoint(id: string, options: { readonly resourceId: string; readonly subresource: string; readonly zone: PrivateDnsZoneSpec; readonly qualifier: string }) {
    return this.network.addPrivateEndpoint(this, id, {
      ...options,
      zoneId: this.privateDnsZones.zone(options.zone).id,
    });
  }

  /**
   * A stamp left at the default block (0) beside other stamps of the same app would silently share their addresses:
   * VNets that overlap cannot be peered, and a private endpoint of one is unreachable from the other.
   */
  private defaultBlockClashes(): string[] {
    const mine = IPv4CidrRange.fromCidr(this.addresses.vnet);
    return this.node.root.node.findAll()
      .filter((c): c is RegionalStamp => c instanceof RegionalStamp && c !== this && IPv4CidrRange.fromCidr(c.addresses.vnet).isOverlapping(mine))
      .map((other) => {
        const error = new ValidationError({
          scope: this, prop: 'addressIndex', value: undefined,
          problem: `the stamp took block 0 of its address plan (${this.addresses.vnet}), which overlaps ${other.node.path} (${other.addresses.vnet}): overlapping VNets cannot be peered or reach each other's private endpoints`,
          fix: 'give each stamp of the app its own addressIndex (0, 1, ...) from one AddressPlan, as MultiRegionOrderPlatform does',
        });
        return error.message.slice(`${error.constructPath}: `.length); // cdktf prefixes validation messages with the path
      });
  }

  /** The Kubernetes options, checked (node pools, upgrades, maintenance window, Entra ID groups, API server ranges, registries). */
  private checkKubernetes(checks: Checks, kubernetes: KubernetesOptions): CheckedKubernetes {
    const zonal = this.zoneRedundant;
    const system = this.checkPool(checks, 'kubernetes.systemPool', kubernetes.systemPool, SYSTEM_POOL_MIN, 5, 'one system node per zone survives a zone loss');
    const user = this.checkPool(checks, 'kubernetes.userPool', kubernetes.userPool, zonal ? USER_POOL_MIN_ZONAL : USER_POOL_MIN, 10,
      zonal ? 'one user node per zone: the pods spread over zones, and the autoscaler cannot add a node to a zone of a multi-zone pool that has none'
        : 'two user nodes keep workloads running through a node upgrade or loss');
    const upgradeChannel = checks.oneOf('kubernetes.automaticUpgradeChannel', kubernetes.automaticUpgradeChannel ?? 'patch', UPGRADE_CHANNELS);
    const networkPolicy = checks.oneOf('kubernetes.networkPolicy', kubernetes.networkPolicy ?? 'cilium', NETWORK_POLICIES);
    const window = checkMaintenanceWindow(checks, 'kubernetes.maintenanceWindow', kubernetes.maintenanceWindow, AKS_WINDOW_LENGTHS);
    // A whole list from Terraform (a list token) is known only at apply time.
    const literalList = (list: string[] | undefined) => (list === undefined || Token.isUnresolved(list) ? [] : list);
    literalList(kubernetes.adminGroupObjectIds).forEach((objectId, i) => checks.run(undefined, () => checkGuid(this, `kubernetes.adminGroupObjectIds[${i}]`, objectId, 'an Entra ID group object ID', 'use the group\'s object ID: az ad group show -g <name> --query id -o tsv')));
    literalList(kubernetes.apiServerAuthorizedIpRanges).forEach((range, i) => checks.run(undefined, () => checkFormat(this, `kubernetes.apiServerAuthorizedIpRanges[${i}]`, range, IPV4_OR_CIDR, 'not an IPv4 address or CIDR', "use e.g. '203.0.113.0/24' or '198.51.100.7/32'")));
    if (kubernetes.kubernetesVersion !== undefined) {
      checks.run(undefined, () => checkFormat(this, 'kubernetes.kubernetesVersion', kubernetes.kubernetesVersion!, /^1\.\d{1,2}(\.\d{1,2})?$/, 'not a Kubernetes version AKS accepts (major.minor, or major.minor.patch)', "use e.g. '1.33'"));
    }
    const deployerLogin = checks.oneOf('kubernetes.deployerLogin', kubernetes.deployerLogin ?? 'azurecli', DEPLOYER_LOGINS);
    const registries = Object.entries(kubernetes.containerRegistries ?? {});
    for (const [key, registryId] of registries) {
      if (!/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(key)) checks.fail({ prop: `kubernetes.containerRegistries.${key}`, value: key, problem: 'keys become construct IDs: 1-40 letters and digits, starting with a letter', fix: "use the registry's name, e.g. 'contoso'" });
      checks.run(undefined, () => checkFormat(this, `kubernetes.containerRegistries.${key}`, registryId, ACR_ID, 'not an Azure Container Registry resource ID', 'use /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>'));
    }
    return { system, user, upgradeChannel, networkPolicy, window, deployerLogin, registries };
  }

  /** The Key Vault options, checked. */
  private checkKeyVault(checks: Checks, options: KeyVaultOptions): CheckedKeyVault {
    const sku = checks.oneOf('keyVault.skuName', options.skuName ?? 'standard', ['standard', 'premium'] as const);
    const softDeleteDays = checks.integer('keyVault.softDeleteRetentionDays', options.softDeleteRetentionDays ?? 90, 7, 90, 'Key Vault soft-delete retention', 90);
    return { sku, softDeleteDays, removal: options.removalPolicy ?? RemovalPolicy.RETAIN };
  }

  /** Checks the name overrides: valid for their resource kind, only for what the stamp creates, a node resource group name AKS accepts. */
  private checkNames(checks: Checks, names: RegionalStampNames, existingGroup: string | undefined): void {
    const overrides: [keyof RegionalStampNames, ResourceKind][] = [
      ['resourceGroup', ResourceKind.RESOURCE_GROUP], ['virtualNetwork', ResourceKind.VIRTUAL_NETWORK], ['keyVault', ResourceKind.KEY_VAULT],
      ['kubernetesCluster', ResourceKind.KUBERNETES_CLUSTER], ['nodeResourceGroup', ResourceKind.RESOURCE_GROUP],
    ];
    for (const [key, kind] of overrides) {
      if (names[key] !== undefined) checks.run(undefined, () => kind.validate(this, `names.${key}`, names[key]!));
    }
    // AKS limits the node resource group name to 80 characters; the default appends '-aks-nodes' to the stamp's group.
    const groupName = existingGroup ?? names.resourceGroup ?? this.naming.name(this, ResourceKind.RESOURCE_GROUP, { qualifier: this.region.name });
    const nodeGroupLength = names.nodeResourceGroup?.length ?? (Token.isUnresolved(groupName) ? 0 : groupName.length + '-aks-nodes'.length);
    if (nodeGroupLength > 80) {
      checks.fail({ prop: 'names.nodeResourceGroup', value: names.nodeResourceGroup ?? `${groupName}-aks-nodes`, problem: 'AKS limits the node resource group name to 80 characters', fix: `set a shorter names.nodeResourceGroup or ${existingGroup === undefined ? 'names.resourceGroup' : 'resourceGroupName'}` });
    }
    if (existingGroup !== undefined) {
      checks.run(undefined, () => ResourceKind.RESOURCE_GROUP.validate(this, 'resourceGroupName', existingGroup));
      if (names.resourceGroup !== undefined) {
        checks.fail({ prop: 'names.resourceGroup', value: names.resourceGroup, problem: 'the stamp deploys into the existing group resourceGroupName and creates none, so the name would be ignored', fix: 'drop names.resourceGroup, or drop resourceGroupName to let the stamp create its group' });
      }
    }
  }

  /** Builds the VNet with its subnets and NSGs. */
  private buildNetwork(virtualNetworkName: string | undefined, publicIngressPorts: number[]): StampNetwork {
    return new StampNetwork(this, 'Network', {
      naming: this.naming,
      location: this.region.name,
      resourceGroupName: this.resourceGroupName,
      addresses: this.addresses,
      virtualNetworkName,
      publicIngressPorts,
      diagnostics: this.monitoring,
      tags: this.tags,
    });
  }

  /** Builds the Key Vault (RBAC, purge protection, no public access) with its private endpoint and audit diagnostics. */
  private buildKeyVault(tenantId: string, vault: CheckedKeyVault, nameOverride: string | undefined): { keyVault: KeyVault; endpoint: PrivateEndpoint } {
    const location = this.region.name;
    // Key Vault: RBAC (no access policies), purge protection, reachable only through the private endpoint.
    const keyVault = new KeyVault(this, 'KeyVault', {
      name: this.naming.name(this, ResourceKind.KEY_VAULT, { qualifier: location, override: nameOverride, prop: 'names.keyVault' }),
      location,
      resourceGroupName: this.resourceGroupName,
      tenantId,
      skuName: vault.sku,
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: vault.softDeleteDays,
      publicNetworkAccessEnabled: false,
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny' },
      tags: this.tags,
    });
    protect(keyVault, vault.removal);
    const endpoint = this.addPrivateEndpoint('KeyVaultEndpoint', {
      resourceId: keyVault.id,
      subresource: 'vault',
      zone: PrivateDnsZones.KEY_VAULT,
      qualifier: 'kv',
    });
    diagnose(this, 'KeyVaultDiagnostics', 'azurerm_key_vault', keyVault.id, this.monitoring);
    return { keyVault, endpoint };
  }

  /**
   * Builds the AKS control-plane identity, created first so it holds Network Contributor on the VNet before the
   * cluster needs it (internal load balancers and Private Link Services in the ingress subnet).
   */
  private buildClusterIdentity(): { identity: UserAssignedIdentity; networkRole: RoleAssignment } {
    const identity = new UserAssignedIdentity(this, 'ClusterIdentity', {
      name: this.naming.name(this, ResourceKind.USER_ASSIGNED_IDENTITY, { qualifier: `aks-${this.region.name}` }),
      location: this.region.name,
      resourceGroupName: this.resourceGroupName,
      tags: this.tags,
    });
    const networkRole = new RoleAssignment(this, 'ClusterNetworkContributor', {
      scope: this.network.virtualNetwork.id,
      roleDefinitionName: 'Network Contributor',
      principalId: identity.principalId,
      principalType: 'ServicePrincipal',
    });
    return { identity, networkRole };
  }

  /** Builds the AKS cluster with its system pool, Entra ID and Azure RBAC, overlay networking, add-ons and upgrade windows. */
  private buildCluster(c: ClusterSettings): KubernetesCluster {
    const { options: kubernetes, checked: { system, window, upgradeChannel, networkPolicy }, names } = c;
    const location = this.region.name;
    const clusterName = this.naming.name(this, ResourceKind.KUBERNETES_CLUSTER, { qualifier: location, override: names.kubernetesCluster, prop: 'names.kubernetesCluster' });
    const nodeResourceGroup = names.nodeResourceGroup !== undefined
      ? ResourceKind.RESOURCE_GROUP.validate(this, 'names.nodeResourceGroup', names.nodeResourceGroup)
      : `${c.resourceGroupName}-aks-nodes`;
    const maintenance = weeklyMaintenance(window);

    return new KubernetesCluster(this, 'Cluster', {
      name: clusterName,
      location,
      resourceGroupName: this.resourceGroupName,
      dnsPrefix: this.naming.name(this, ResourceKind.AKS_DNS_PREFIX, { qualifier: location }),
      nodeResourceGroup,
      kubernetesVersion: kubernetes.kubernetesVersion,
      // Standard tier: financially backed API server SLA (99.95% with availability zones: Microsoft Learn, "Azure Kubernetes Service (AKS) Free, Standard and Premium pricing tiers").
      skuTier: 'Standard',
      identity: { type: 'UserAssigned', identityIds: [this.clusterIdentity.id] },
      defaultNodePool: this.systemPool(system, c.zones),
      localAccountDisabled: true,
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: {
        azureRbacEnabled: true,
        tenantId: c.tenantId,
        adminGroupObjectIds: kubernetes.adminGroupObjectIds,
      },
      oidcIssuerEnabled: true,
      workloadIdentityEnabled: true,
      azurePolicyEnabled: true,
      imageCleanerEnabled: true,
      imageCleanerIntervalHours: 48,
      keyVaultSecretsProvider: { secretRotationEnabled: true },
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkPolicy,
        networkDataPlane: networkPolicy === 'cilium' ? 'cilium' : 'azure',
        podCidr: this.addresses.podCidr,
        serviceCidr: this.addresses.serviceCidr,
        dnsServiceIp: this.addresses.dnsServiceIp,
        loadBalancerSku: 'standard',
        outboundType: 'loadBalancer',
      },
      apiServerAccessProfile: kubernetes.apiServerAuthorizedIpRanges
        ? { authorizedIpRanges: kubernetes.apiServerAuthorizedIpRanges }
        : undefined,
      omsAgent: { logAnalyticsWorkspaceId: this.monitoring.workspaceId, msiAuthForMonitoringEnabled: true },
      automaticUpgradeChannel: upgradeChannel,
      nodeOsUpgradeChannel: 'NodeImage',
      maintenanceWindowAutoUpgrade: maintenance,
      maintenanceWindowNodeOs: maintenance,
      // KEDA add-on (kubernetes_cluster_resource.go: workload_autoscaler_profile is updated in place).
      workloadAutoscalerProfile: kubernetes.keda ? { kedaEnabled: true } : undefined,
      tags: this.tags,
      dependsOn: [c.networkRole],
      lifecycle: {
        // The autoscaler owns the node count.
        ignoreChanges: ['default_node_pool[0].node_count'],
      },
    });
  }

  /** The cluster's default node pool: the system pool, autoscaled across the zones, for critical add-ons only. */
  private systemPool(system: Required<NodePoolOptions>, zones: string[] | undefined): KubernetesClusterDefaultNodePool {
    return {
      name: 'system',
      // Changing vm_size or zones of the default pool otherwise forces a new cluster.
      temporaryNameForRotation: 'systemtmp',
      vmSize: system.vmSize,
      osDiskSizeGb: system.osDiskSizeGb,
      zones,
      onlyCriticalAddonsEnabled: true,
      autoScalingEnabled: true,
      minCount: system.minCount,
      maxCount: system.maxCount,
      vnetSubnetId: this.network.aksNodesSubnet.id,
      upgradeSettings: { maxSurge: '33%' },
      tags: this.tags,
    };
  }

  /** The stamp's ingress contract: where the services' internal load balancers and Private Link Services live. */
  private regionalIngress(): RegionalIngress {
    return {
      region: this.region.name,
      nodeResourceGroup: this.cluster.nodeResourceGroup,
      // A literal, not the subnet's token: the apps stack reads it without a cross-stack reference.
      subnetName: subnetName('ingress'),
      subnetCidr: this.addresses.ingress,
      podCidr: this.addresses.podCidr,
      services: Object.fromEntries(PLATFORM_SERVICES.map((service) => [service.key, { privateIp: ingressIp(this.addresses, service), privateLinkServiceName: service.privateLinkServiceName }])),
    };
  }

  /** Builds the autoscaled user node pool the workloads run on. */
  private buildUserPool(user: Required<NodePoolOptions>, zones: string[] | undefined): KubernetesClusterNodePool {
    return new KubernetesClusterNodePool(this, 'UserPool', {
      name: 'user',
      kubernetesClusterId: this.cluster.id,
      mode: 'User',
      temporaryNameForRotation: 'usertmp',
      vmSize: user.vmSize,
      osDiskSizeGb: user.osDiskSizeGb,
      zones,
      autoScalingEnabled: true,
      minCount: user.minCount,
      maxCount: user.maxCount,
      vnetSubnetId: this.network.aksNodesSubnet.id,
      upgradeSettings: { maxSurge: '33%' },
      tags: this.tags,
      lifecycle: { ignoreChanges: ['node_count'] },
    });
  }

  /**
   * Builds Container Insights with managed-identity auth (the data collection rule the portal would create and its
   * association) and the cluster's diagnostics.
   */
  private addContainerInsights(): void {
    const location = this.region.name;
    const insightsRule = new MonitorDataCollectionRule(this, 'ContainerInsightsRule', {
      name: this.naming.name(this, ResourceKind.DATA_COLLECTION_RULE, { qualifier: `ci-${location}` }),
      location,
      resourceGroupName: this.resourceGroupName,
      kind: 'Linux',
      destinations: { logAnalytics: [{ name: 'workspace', workspaceResourceId: this.monitoring.workspaceId }] },
      dataFlow: [{ streams: ['Microsoft-ContainerInsights-Group-Default'], destinations: ['workspace'] }],
      dataSources: {
        extension: [{
          name: 'ContainerInsightsExtension',
          extensionName: 'ContainerInsights',
          streams: ['Microsoft-ContainerInsights-Group-Default'],
          extensionJson: JSON.stringify({ dataCollectionSettings: { interval: '1m', namespaceFilteringMode: 'Off', enableContainerLogV2: true } }),
        }],
      },
      tags: this.tags,
    });
    diagnose(this, 'ContainerInsightsRuleDiagnostics', 'azurerm_monitor_data_collection_rule', insightsRule.id, this.monitoring);
    new MonitorDataCollectionRuleAssociation(this, 'ContainerInsightsAssociation', {
      name: 'ContainerInsightsExtension',
      targetResourceId: this.cluster.id,
      dataCollectionRuleId: insightsRule.id,
    });
    diagnose(this, 'ClusterDiagnostics', 'azurerm_kubernetes_cluster', this.cluster.id, this.monitoring);
  }

  /** Builds AcrPull grants on the private registries for the kubelet identity (which pulls images on the nodes). */
  private grantRegistryPulls(registries: [string, string][]): void {
    for (const [key, registryId] of registries) {
      new RoleAssignment(this, `AcrPull-${key}`, {
        scope: registryId,
        roleDefinitionName: 'AcrPull',
        principalId: this.cluster.kubeletIdentity.objectId,
        principalType: 'ServicePrincipal',
      });
    }
  }

  private checkPool(checks: Checks, prop: string, pool: NodePoolOptions | undefined, min: number, defaultMax: number, why: string): Required<NodePoolOptions> {
    const vmSize = checks.run(DEFAULT_VM_SIZE, () => checkFormat(this, `${prop}.vmSize`, pool?.vmSize ?? DEFAULT_VM_SIZE, /^Standard_[A-Za-z0-9_]+$/, 'not an Azure VM size name', `use a size such as '${DEFAULT_VM_SIZE}'`));
    const minCount = checks.integer(`${prop}.minCount`, pool?.minCount ?? min, min, 1000, why, min);
    const maxCount = checks.integer(`${prop}.maxCount`, pool?.maxCount ?? Math.max(defaultMax, minCount), minCount, 1000, `at least minCount ${minCount}; AKS allows up to 1000 nodes per pool`, Math.max(defaultMax, minCount));
    const osDiskSizeGb = checks.integer(`${prop}.osDiskSizeGb`, pool?.osDiskSizeGb ?? 128, 30, 2048, 'AKS OS disk size in GiB', 128);
    return { vmSize, minCount, maxCount, osDiskSizeGb };
  }
}

/** The Kubernetes options, checked. */
interface CheckedKubernetes {
  readonly system: Required<NodePoolOptions>;
  readonly user: Required<NodePoolOptions>;
  readonly upgradeChannel: (typeof UPGRADE_CHANNELS)[number];
  readonly networkPolicy: (typeof NETWORK_POLICIES)[number];
  readonly window: CheckedMaintenanceWindow;
  readonly deployerLogin: DeployerLogin;
  /** Registry resource IDs by key. */
  readonly registries: [string, string][];
}

/** The Key Vault options, checked. */
interface CheckedKeyVault {
  readonly sku: 'standard' | 'premium';
  readonly softDeleteDays: number;
  readonly removal: RemovalPolicy;
}

/** What `buildCluster` builds from. */
interface ClusterSettings {
  /** The Kubernetes options as given (version, admin groups, API server ranges). */
  readonly options: KubernetesOptions;
  readonly checked: CheckedKubernetes;
  readonly names: RegionalStampNames;
  /** The stamp's resource group name (the default node resource group appends '-aks-nodes'). */
  readonly resourceGroupName: string;
  readonly tenantId: string;
  readonly zones: string[] | undefined;
  /** The identity's Network Contributor role, which the cluster waits for. */
  readonly networkRole: RoleAssignment;
}

/** The AKS maintenance window (automatic upgrades and node OS upgrades): weekly, in the checked window. */
function weeklyMaintenance(window: CheckedMaintenanceWindow) {
  return {
    frequency: 'Weekly',
    interval: 1,
    dayOfWeek: window.dayOfWeek,
    startTime: window.startTime,
    duration: window.durationHours,
    utcOffset: window.utcOffset,
  };
}

/** The node pools as the scheduler sees them: the system pool tainted for critical add-ons, the user pool for the workloads. */
function nodePoolModels(system: Required<NodePoolOptions>, user: Required<NodePoolOptions>, zones: string[]): NodePoolModel[] {
  return [
    { name: 'system', zones, minCount: system.minCount, maxCount: system.maxCount, vmSize: system.vmSize, labels: { [AKS_POOL_MODE_LABEL]: 'system' }, taints: ['CriticalAddonsOnly=true:NoSchedule'] },
    { name: 'user', zones, minCount: user.minCount, maxCount: user.maxCount, vmSize: user.vmSize, labels: { [AKS_POOL_MODE_LABEL]: 'user' }, taints: [] },
  ];
}
