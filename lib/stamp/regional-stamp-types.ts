import { AddressPlan } from '../core/address-plan';
import { MaintenanceWindow } from '../core/maintenance-window';
import { RemovalPolicy } from '../core/lifecycle';
import { RegionRole } from '../core/pattern';
import { Tags } from '../core/tags';
import { IRegionalMonitoring } from '../monitoring/regional-monitoring';

// The props of RegionalStamp, apart from the construct so that the props' run-time shape (shapes.ts) and the
// kubelogin settings (kubelogin.ts) can name them without importing it.

/** Size and autoscaler range of one AKS node pool. */
export interface NodePoolOptions {
  /**
   * VM size (must be offered in all three zones of the region).
   * @default 'Standard_D4ds_v5'
   */
  readonly vmSize?: string;
  /**
   * Autoscaler minimum (at least 3 in a zone-redundant stamp, one node per zone, so every zone the pods spread over
   * has a node; a non-zonal user pool at least 2).
   * @default 3
   */
  readonly minCount?: number;
  /**
   * Autoscaler maximum.
   * @default - 5 for the system pool, 10 for the user pool
   */
  readonly maxCount?: number;
  /**
   * OS disk size in GiB.
   * @default 128
   */
  readonly osDiskSizeGb?: number;
}

/** AKS settings of a stamp. */
export interface KubernetesOptions {
  /**
   * Kubernetes minor version (`1.33`); with an automatic upgrade channel AKS keeps patches current.
   * @default - the AKS default version at creation
   */
  readonly kubernetesVersion?: string;
  /** System pool (critical add-ons only). @default - Standard_D4ds_v5, 3-5 nodes */
  readonly systemPool?: NodePoolOptions;
  /** User pool (the workloads). @default - Standard_D4ds_v5, 3-10 nodes (2-10 without zones) */
  readonly userPool?: NodePoolOptions;
  /**
   * Entra ID groups whose members administer the cluster (`admin_group_object_ids`).
   * @default - none; access goes through Azure RBAC role assignments
   */
  readonly adminGroupObjectIds?: string[];
  /**
   * Grant the identity running Terraform "Azure Kubernetes Service RBAC Cluster Admin" on the cluster, so the
   * `-apps` stack can deploy workloads with local accounts disabled.
   * @default true
   */
  readonly grantDeployerClusterAdmin?: boolean;
  /**
   * AKS automatic upgrade channel.
   * @default 'patch'
   */
  readonly automaticUpgradeChannel?: 'patch' | 'stable' | 'rapid' | 'node-image';
  /**
   * Weekly window for cluster and node-OS upgrades (AKS planned maintenance windows last 4-24 hours).
   * @default - Sunday 02:00 UTC, 4 hours
   */
  readonly maintenanceWindow?: MaintenanceWindow;
  /**
   * Network policy engine (Azure CNI Overlay data plane follows it: Cilium policy runs on the Cilium data plane).
   * @default 'cilium'
   */
  readonly networkPolicy?: 'cilium' | 'calico' | 'azure';
  /**
   * CIDRs allowed to reach the public API server.
   * @default - any address (access still requires Entra ID and Azure RBAC)
   */
  readonly apiServerAuthorizedIpRanges?: string[];
  /**
   * Container registries the nodes pull images from, by a stable key (it becomes part of a construct ID): Azure
   * Container Registry resource IDs. The cluster's kubelet identity gets AcrPull on each.
   * @default - none (public images only)
   */
  readonly containerRegistries?: { readonly [key: string]: string };
  /**
   * How the `-apps` stacks' kubernetes provider gets its Entra ID token (kubelogin): the same identity Terraform's
   * azurerm provider runs as, which is the identity `grantDeployerClusterAdmin` grants. `azurecli`: an `az login`
   * session; `servicePrincipal`: the `ARM_CLIENT_ID` / `ARM_CLIENT_SECRET` (or `ARM_CLIENT_CERTIFICATE_PATH`) /
   * `ARM_TENANT_ID` variables azurerm reads; `workloadIdentity`: federated (OIDC) credentials in `AZURE_CLIENT_ID`,
   * `AZURE_TENANT_ID` and `AZURE_FEDERATED_TOKEN_FILE`; `managedIdentity`: the machine's managed identity. At run time
   * `AAD_LOGIN_METHOD` overrides it (kubelogin reads it).
   * @default 'azurecli'
   */
  readonly deployerLogin?: DeployerLogin;
  /**
   * The AKS KEDA add-on (`workload_autoscaler_profile.keda_enabled`, changed in place): the operator and CRDs that
   * scheduled peak floors and backlog scaling need. The platform turns it on with a `demand` model.
   * @default false (true on a platform with `demand`)
   */
  readonly keda?: boolean;
}

/** How the deployer authenticates to Entra ID (see `KubernetesOptions.deployerLogin`). */
export type DeployerLogin = 'azurecli' | 'servicePrincipal' | 'workloadIdentity' | 'managedIdentity';

/** Key Vault settings of a stamp. */
export interface KeyVaultOptions {
  /** Key Vault SKU (`premium` for HSM-backed keys). @default 'standard' */
  readonly skuName?: 'standard' | 'premium';
  /**
   * Days a deleted vault or secret stays recoverable (7-90; purge protection is always on).
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /** Whether the vault is kept (prevent_destroy) or may be destroyed. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** Name overrides of {@link RegionalStamp}. */
export interface RegionalStampNames {
  /** Name of the stamp's resource group. @default - `<prefix>-rg-<region>-<hash>` */
  readonly resourceGroup?: string;
  /** Name of the VNet. @default - `<prefix>-vnet-<region>-<hash>` */
  readonly virtualNetwork?: string;
  /** Name of the Key Vault (globally unique, 24 characters at most). @default - `<prefix>-kv-<region>-<hash>`, or `<prefix>-kv-<hash>` where that would exceed 24 characters */
  readonly keyVault?: string;
  /** Name of the AKS cluster. @default - `<prefix>-aks-<region>-<hash>` */
  readonly kubernetesCluster?: string;
  /** Name of the node resource group AKS creates. @default - `<resource group>-aks-nodes` */
  readonly nodeResourceGroup?: string;
}

/** Props of {@link RegionalStamp}. */
export interface RegionalStampProps {
  /** Programmatic Azure region name, e.g. `westus3`. */
  readonly region: string;
  /**
   * An existing resource group to deploy the stamp into (any location: every resource names its region); the stamp
   * then creates none, and `names.resourceGroup` is refused. A Terraform token is accepted.
   * @default - the stamp creates its own group, named by `names.resourceGroup`
   */
  readonly resourceGroupName?: string;
  /** Name prefix: 2-12 lower-case letters and digits, starting with a letter. */
  readonly prefix: string;
  /**
   * The region's role in the redundancy pattern (the `region-role` tag; pools and Key Vault are sized by their own props
   * whatever the role).
   * @default RegionRole.PRIMARY
   */
  readonly role?: RegionRole;
  /**
   * Spread zonal resources over availability zones 1-3. `true` in a region without zones is rejected.
   * @default true
   */
  readonly zoneRedundant?: boolean;
  /** Address plan the VNet is carved from. @default - `new AddressPlan(this, {}, 1)` (10.100.0.0/16, /20) */
  readonly addressPlan?: AddressPlan;
  /**
   * This region's block in the address plan (its position in the platform's region list). Left out, the stamp takes
   * block 0, and the synth fails if another stamp of the app overlaps it.
   * @default 0
   */
  readonly addressIndex?: number;
  /**
   * Where the stamp's diagnostics, Container Insights and audit logs go (a Log Analytics workspace and Application
   * Insights), for example a `RegionalMonitoring`. The stamp creates no workspace of its own; keep the workspace
   * outside the stamp's resource group so that logs outlive the stamp (the platform puts it in the data stack).
   */
  readonly monitoring: IRegionalMonitoring;
  /** AKS settings. @default - see `KubernetesOptions` */
  readonly kubernetes?: KubernetesOptions;
  /** Key Vault settings. @default - see `KeyVaultOptions` */
  readonly keyVault?: KeyVaultOptions;
  /** Name overrides. @default - generated names */
  readonly names?: RegionalStampNames;
  /**
   * TCP ports the Internet may reach on the node subnet, for services behind public load balancers (Traffic Manager
   * endpoints, API Management backends).
   * @default - none: services are reached through internal load balancers and Private Link
   */
  readonly publicIngressPorts?: number[];
  /** Tags for every resource (merged over the library's own). @default - library tags only */
  readonly tags?: Tags;
}
