import { RootConstruct } from 'constructs';
import { AddressPlan } from '../../lib/core/address-plan';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { RegionRole } from '../../lib/core/pattern';
import { checkShape } from '../../lib/core/validate';
import { KEY_VAULT_SHAPE, KUBERNETES_SHAPE, REGIONAL_STAMP_SHAPE } from '../../lib/stamp/shapes';
import { sink } from '../support/standalone';

/** Unit tests of the run-time shapes of the stamp props (lib/stamp/shapes.ts): no construct, no synth. */
const scope = new RootConstruct('stamp');
const BASE = { region: 'westus3', prefix: 'shop', monitoring: sink('westus3') };

/** The violations of `props` against the stamp's shape, as `prop: problem` lines. */
function problems(props: unknown): string[] {
  try {
    checkShape(scope, '', props, REGIONAL_STAMP_SHAPE);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => `${v.prop}: ${v.problem}`);
  }
}

describe('REGIONAL_STAMP_SHAPE', () => {
  test('every prop, at every level, in its type', () => {
    expect(problems({
      ...BASE, role: RegionRole.SECONDARY, zoneRedundant: false, addressPlan: new AddressPlan(scope, {}, 1), addressIndex: 1,
      kubernetes: {
        kubernetesVersion: '1.33', systemPool: { vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 5, osDiskSizeGb: 128 }, userPool: { minCount: 3 },
        adminGroupObjectIds: ['11111111-2222-3333-4444-555555555555'], grantDeployerClusterAdmin: false, automaticUpgradeChannel: 'patch',
        maintenanceWindow: { dayOfWeek: 'Sunday' }, networkPolicy: 'cilium', apiServerAuthorizedIpRanges: ['203.0.113.0/24'],
        containerRegistries: { contoso: '/subscriptions/x' }, deployerLogin: 'azurecli',
      },
      keyVault: { skuName: 'standard', softDeleteRetentionDays: 90, removalPolicy: RemovalPolicy.RETAIN },
      names: { resourceGroup: 'rg', virtualNetwork: 'vnet', keyVault: 'kv', kubernetesCluster: 'aks', nodeResourceGroup: 'rg-nodes' },
      publicIngressPorts: [443], tags: { team: 'orders' },
    })).toEqual([]);
  });

  test('every choice of each closed list is accepted', () => {
    const roles = Object.values(RegionRole).map((role) => ({ ...BASE, role }));
    const channels = ['patch', 'stable', 'rapid', 'node-image'].map((automaticUpgradeChannel) => ({ ...BASE, kubernetes: { automaticUpgradeChannel } }));
    const policies = ['cilium', 'calico', 'azure'].map((networkPolicy) => ({ ...BASE, kubernetes: { networkPolicy } }));
    const logins = ['azurecli', 'servicePrincipal', 'workloadIdentity', 'managedIdentity'].map((deployerLogin) => ({ ...BASE, kubernetes: { deployerLogin } }));
    const vaults = ['standard', 'premium'].map((skuName) => ({ ...BASE, keyVault: { skuName } }));
    const all = [...roles, ...channels, ...policies, ...logins, ...vaults];
    expect(all).toHaveLength(18);
    expect(all.map(problems)).toEqual(all.map(() => []));
  });

  test('region, prefix and monitoring are required; top-level types and an unknown prop are reported together', () => {
    expect(problems({})).toEqual([
      'region: expected a string, got nothing (undefined)',
      'prefix: expected a string, got nothing (undefined)',
      'monitoring: expected a monitoring sink (RegionalMonitoring), got nothing (undefined)',
    ]);
    expect(problems({
      ...BASE, role: 'main', zoneRedundant: 'yes', addressPlan: { addressSpace: '10.0.0.0/16' }, addressIndex: '1', kubernetes: [], keyVault: 'kv', names: 1,
      publicIngressPorts: ['443'], tags: { team: 1 }, zoneRedundnat: true,
    })).toEqual([
      "role: expected one of 'primary', 'secondary', 'active', 'passive', 'cell', got the string \"main\"",
      'zoneRedundant: expected true or false (a boolean, not a string), got the string "yes"',
      'addressPlan: expected an AddressPlan, got an object',
      'addressIndex: expected a number, got the string "1"',
      'kubernetes: expected an object, got a list',
      'keyVault: expected an object, got the string "kv"',
      'names: expected an object, got the number 1',
      'publicIngressPorts[0]: expected a number, got the string "443"',
      'tags.team: expected a string tag value, got the number 1',
      "zoneRedundnat: unknown option 'zoneRedundnat', which would be ignored",
    ]);
  });

  test('kubernetes: each option in its type, node pools and the window strict too', () => {
    expect(problems({
      ...BASE,
      kubernetes: {
        kubernetesVersion: 1.33, systemPool: { vmSize: 4, minCount: '3', maxCount: null, osDiskSizeGb: NaN, size: 'x' }, userPool: [],
        adminGroupObjectIds: 'group', grantDeployerClusterAdmin: 'true', automaticUpgradeChannel: 'weekly', maintenanceWindow: { day: 'Sunday' },
        networkPolicy: 'none', apiServerAuthorizedIpRanges: [1], containerRegistries: { contoso: 1 }, deployerLogin: 'password', version: '1.33',
      },
    })).toEqual([
      'kubernetes.kubernetesVersion: expected a string, got the number 1.33',
      'kubernetes.systemPool.vmSize: expected a string, got the number 4',
      'kubernetes.systemPool.minCount: expected a number, got the string "3"',
      'kubernetes.systemPool.maxCount: expected a number, got null',
      'kubernetes.systemPool.osDiskSizeGb: expected a number, got NaN',
      "kubernetes.systemPool.size: unknown option 'size', which would be ignored",
      'kubernetes.userPool: expected an object, got a list',
      'kubernetes.adminGroupObjectIds: expected a list, got the string "group"',
      'kubernetes.grantDeployerClusterAdmin: expected true or false (a boolean, not a string), got the string "true"',
      "kubernetes.automaticUpgradeChannel: expected one of 'patch', 'stable', 'rapid', 'node-image', got the string \"weekly\"",
      "kubernetes.maintenanceWindow.day: unknown option 'day', which would be ignored",
      "kubernetes.networkPolicy: expected one of 'cilium', 'calico', 'azure', got the string \"none\"",
      'kubernetes.apiServerAuthorizedIpRanges[0]: expected a string, got the number 1',
      'kubernetes.containerRegistries.contoso: expected a string, got the number 1',
      "kubernetes.deployerLogin: expected one of 'azurecli', 'servicePrincipal', 'workloadIdentity', 'managedIdentity', got the string \"password\"",
      "kubernetes.version: unknown option 'version', which would be ignored",
    ]);
  });

  test('keyVault and names: each option in its type, unknown ones refused', () => {
    expect(problems({
      ...BASE,
      keyVault: { skuName: 'basic', softDeleteRetentionDays: '90', removalPolicy: 'keep', purge: true },
      names: { resourceGroup: 1, virtualNetwork: 2, keyVault: 3, kubernetesCluster: 4, nodeResourceGroup: 5, cluster: 'aks' },
    })).toEqual([
      "keyVault.skuName: expected one of 'standard', 'premium', got the string \"basic\"",
      'keyVault.softDeleteRetentionDays: expected a number, got the string "90"',
      "keyVault.removalPolicy: expected one of 'retain', 'destroy', got the string \"keep\"",
      "keyVault.purge: unknown option 'purge', which would be ignored",
      'names.resourceGroup: expected a string, got the number 1',
      'names.virtualNetwork: expected a string, got the number 2',
      'names.keyVault: expected a string, got the number 3',
      'names.kubernetesCluster: expected a string, got the number 4',
      'names.nodeResourceGroup: expected a string, got the number 5',
      "names.cluster: unknown option 'cluster', which would be ignored",
    ]);
  });

  test('the platform\'s kubernetes and keyVault props take the same shapes', () => {
    expect(() => checkShape(scope, 'kubernetes', { networkPolicy: 'calico', systemPool: { minCount: 3 } }, KUBERNETES_SHAPE)).not.toThrow();
    expect(() => checkShape(scope, 'keyVault', { skuName: 'premium', removalPolicy: RemovalPolicy.DESTROY }, KEY_VAULT_SHAPE)).not.toThrow();
    expect(() => checkShape(scope, 'keyVault', { skuName: 'basic' }, KEY_VAULT_SHAPE)).toThrow("stamp: invalid keyVault.skuName \"basic\": expected one of 'standard', 'premium', got the string \"basic\"");
  });
});
