import { AddressPlan } from '../core/address-plan';
import { MAINTENANCE_WINDOW_SHAPE } from '../core/maintenance-window';
import { REMOVAL_POLICY_SHAPE, TAGS_SHAPE } from '../core/shapes';
import { RegionRole } from '../core/pattern';
import { opt, shapes, strictShape } from '../core/validate';
import { MONITORING_SINK_SHAPE } from '../monitoring/shapes';
import type { KeyVaultOptions, KubernetesOptions, NodePoolOptions, RegionalStampNames, RegionalStampProps } from './regional-stamp-types';

// Internal: the run-time shapes of the stamp props (not exported from the package).

const NODE_POOL_SHAPE = strictShape<NodePoolOptions>({ vmSize: opt(shapes.string()), minCount: opt(shapes.number()), maxCount: opt(shapes.number()), osDiskSizeGb: opt(shapes.number()) });

/** AKS settings (also the platform's `kubernetes`). */
export const KUBERNETES_SHAPE = strictShape<KubernetesOptions>({
  kubernetesVersion: opt(shapes.string()), systemPool: opt(NODE_POOL_SHAPE), userPool: opt(NODE_POOL_SHAPE),
  adminGroupObjectIds: opt(shapes.list(shapes.string())), grantDeployerClusterAdmin: opt(shapes.boolean()),
  automaticUpgradeChannel: opt(shapes.oneOf(['patch', 'stable', 'rapid', 'node-image'])), maintenanceWindow: opt(MAINTENANCE_WINDOW_SHAPE),
  networkPolicy: opt(shapes.oneOf(['cilium', 'calico', 'azure'])), apiServerAuthorizedIpRanges: opt(shapes.list(shapes.string())),
  containerRegistries: opt(shapes.map(shapes.string())), deployerLogin: opt(shapes.oneOf(['azurecli', 'servicePrincipal', 'workloadIdentity', 'managedIdentity'])),
  keda: opt(shapes.boolean()),
});

/** Key Vault settings (also the platform's `keyVault`). */
export const KEY_VAULT_SHAPE = strictShape<KeyVaultOptions>({ skuName: opt(shapes.oneOf(['standard', 'premium'])), softDeleteRetentionDays: opt(shapes.number()), removalPolicy: opt(REMOVAL_POLICY_SHAPE) });

const NAMES_SHAPE = strictShape<RegionalStampNames>({
  resourceGroup: opt(shapes.string()), virtualNetwork: opt(shapes.string()), keyVault: opt(shapes.string()), kubernetesCluster: opt(shapes.string()),
  nodeResourceGroup: opt(shapes.string()),
});


export const REGIONAL_STAMP_SHAPE = strictShape<RegionalStampProps>({
  region: shapes.string(), resourceGroupName: opt(shapes.string()), prefix: shapes.string(), role: opt(shapes.oneOf(Object.values(RegionRole))), zoneRedundant: opt(shapes.boolean()),
  addressPlan: opt(shapes.instance(() => AddressPlan, 'an AddressPlan')), addressIndex: opt(shapes.number()), monitoring: MONITORING_SINK_SHAPE, kubernetes: opt(KUBERNETES_SHAPE),
  keyVault: opt(KEY_VAULT_SHAPE), names: opt(NAMES_SHAPE), publicIngressPorts: opt(shapes.list(shapes.number())), tags: opt(TAGS_SHAPE),
});
