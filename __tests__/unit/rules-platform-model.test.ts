import { checkSynthesized } from '../../lib/rules/rule-pack';
import { clusterOfAppsStack, podGroups, poolModels } from '../../lib/rules/rules-platform';
import { SynthesizedApp, SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';

// What OP-PLT-005 hands the scheduling model: the node pools of a cluster and the pod groups of an apps stack, read
// from the synthesized JSON, and the cluster an apps stack deploys to.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const APPS = 'zone-redundant-westus3-apps';
const copyOf = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: structuredClone(json) as Loose }));
/** The example's stacks with `edit` applied to every resource of a type (at least one). */
function edited(id: string, type: string, edit: (body: Loose, name: string) => void): SynthesizedApp {
  const stacks = copyOf(id);
  let n = 0;
  for (const s of stacks) for (const [name, body] of Object.entries((s.json as Loose).resource?.[type] ?? {})) { edit(body, name); n++; }
  expect(n).toBeGreaterThan(0);
  return new SynthesizedApp(stacks);
}
const pools = (app: SynthesizedApp) => poolModels(app, clusterOfAppsStack(app, APPS)!);
const groups = (app: SynthesizedApp, stack = APPS) => podGroups(app, stack) as Loose[];
const SPREAD = { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor', nodeAffinityPolicy: 'Honor' };
const group = (name: string) => ({ name, cpuMillis: 250, memoryMiB: 256, nodeSelector: { 'kubernetes.azure.com/mode': 'user' }, tolerations: [], zoneSpread: SPREAD, minReplicas: 2, maxReplicas: 10, surge: 3 });

describe('poolModels', () => {
  test('zoneRedundant: the system pool with its CriticalAddonsOnly taint and the user pool', () => {
    expect(pools(new SynthesizedApp(copyOf('zone-redundant')))).toStrictEqual([
      { name: 'system', zones: ['1', '2', '3'], minCount: 3, maxCount: 5, vmSize: 'Standard_D4ds_v5', labels: { 'kubernetes.azure.com/mode': 'system' }, taints: ['CriticalAddonsOnly=true:NoSchedule'] },
      { name: 'user', zones: ['1', '2', '3'], minCount: 3, maxCount: 10, vmSize: 'Standard_D4ds_v5', labels: { 'kubernetes.azure.com/mode': 'user' }, taints: [] },
    ]);
  });

  test('a fixed node count, none at all, a System-mode user pool, its labels and taints; no zones', () => {
    const app = edited('zone-redundant', 'azurerm_kubernetes_cluster_node_pool', (b) => {
      delete b.min_count; delete b.max_count; b.node_count = 4; b.mode = 'System'; b.node_labels = { tier: 1 }; b.node_taints = ['dedicated=orders:NoSchedule']; delete b.zones;
    });
    expect(pools(app)[1]).toStrictEqual({ name: 'user', zones: [], minCount: 4, maxCount: 4, vmSize: 'Standard_D4ds_v5', labels: { tier: '1', 'kubernetes.azure.com/mode': 'system' }, taints: ['dedicated=orders:NoSchedule'] });
    const bare = edited('zone-redundant', 'azurerm_kubernetes_cluster_node_pool', (b) => { delete b.min_count; delete b.max_count; });
    expect([pools(bare)[1].minCount, pools(bare)[1].maxCount]).toEqual([1, 1]);
  });

  test('a system pool that takes applications has no taint; a pool of another cluster is not this one\'s; no default pool, no system model', () => {
    const open = edited('zone-redundant', 'azurerm_kubernetes_cluster', (b) => { b.default_node_pool.only_critical_addons_enabled = false; });
    expect(pools(open)[0].taints).toEqual([]);
    const elsewhere = edited('zone-redundant', 'azurerm_kubernetes_cluster_node_pool', (b) => { b.kubernetes_cluster_id = '/subscriptions/0000/managedClusters/another'; });
    expect(pools(elsewhere).map((p) => p.name)).toEqual(['system']);
    const noDefault = edited('zone-redundant', 'azurerm_kubernetes_cluster', (b) => { delete b.default_node_pool; });
    expect(pools(noDefault).map((p) => p.name)).toEqual(['user']);
  });
});

describe('podGroups', () => {
  test('zoneRedundant: both services with their requests, HPA range, surge and zone spread', () => {
    expect(groups(new SynthesizedApp(copyOf('zone-redundant')))).toStrictEqual([group('order-api'), group('tracking-api')]);
  });

  test('only the stack\'s own Deployments and autoscalers: another region\'s KEDA ScaledObject does not set this region\'s range', () => {
    const stacks = copyOf('primary-secondary');
    const west = stacks.find((s) => s.name === 'primary-secondary-westus3-apps')!.json as Loose;
    for (const m of Object.values(west.resource.kubernetes_manifest) as Loose[]) if (m.manifest.kind === 'ScaledObject') m.manifest.spec.minReplicaCount = 7;
    const app = new SynthesizedApp(stacks);
    const before = groups(new SynthesizedApp(copyOf('primary-secondary')), 'primary-secondary-eastus-apps');
    // The idle blue colour runs a fixed count: the demand model's maximum, 20.
    expect(groups(app, 'primary-secondary-westus3-apps').map((g) => `${g.name} ${g.minReplicas}`)).toEqual(['order-api-b 7', 'order-api 20', 'tracking-api 7']);
    expect(groups(app, 'primary-secondary-eastus-apps')).toStrictEqual(before);
    expect(before.map((g) => `${g.name} ${g.minReplicas}`)).toEqual(['order-api-b 2', 'order-api 20', 'tracking-api 2']);
  });

  test('an HPA and a KEDA ScaledObject give the same range (the zone-redundant example scales with HPAs)', () => {
    const hpa = groups(new SynthesizedApp(copyOf('zone-redundant')), 'zone-redundant-westus3-apps').map((g) => `${g.name} ${g.minReplicas}-${g.maxReplicas}`);
    expect(hpa).toEqual(['order-api 2-10', 'tracking-api 2-10']);
    const keda = groups(new SynthesizedApp(copyOf('primary-secondary')), 'primary-secondary-eastus-apps').map((g) => `${g.name} ${g.minReplicas}-${g.maxReplicas}`);
    expect(keda).toEqual(['order-api-b 2-20', 'order-api 20-20', 'tracking-api 2-8']);
  });

  test('two containers add up; selectors and tolerations are read; a surge as a number or a percentage of the maximum', () => {
    const app = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => {
      const pod = b.spec.template.spec;
      pod.container.push({ ...structuredClone(pod.container[0]), name: 'sidecar', resources: { requests: { cpu: '100m', memory: '64Mi' } } });
      pod.node_selector = { disk: 1 };
      pod.toleration = [{ key: 'dedicated', value: 'orders', effect: 'NoExecute' }, { key: 'spot' }];
      b.spec.strategy.rolling_update.max_surge = b.metadata.name === 'order-api' ? '2' : '50%';
    });
    expect(groups(app).map((g) => [g.cpuMillis, g.memoryMiB, g.nodeSelector, g.tolerations, g.surge])).toEqual([
      [350, 320, { disk: '1' }, ['dedicated=orders:NoExecute', 'spot=:NoSchedule'], 2],
      [350, 320, { disk: '1' }, ['dedicated=orders:NoExecute', 'spot=:NoSchedule'], 5],
    ]);
    const noSurge = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => { delete b.spec.strategy.rolling_update.max_surge; });
    expect(groups(noSurge).map((g) => g.surge)).toEqual([3, 3]);
  });

  test('without an HPA the replicas (1 when unset) are the range; an HPA without a minimum starts at 1', () => {
    const stacks = copyOf('zone-redundant');
    const apps = stacks.find((s) => s.name === APPS)!.json as Loose;
    delete apps.resource.kubernetes_horizontal_pod_autoscaler_v2;
    const deployments = Object.values(apps.resource.kubernetes_deployment_v1) as Loose[];
    deployments[0].spec.replicas = 3;
    delete deployments[1].spec.replicas;
    expect(groups(new SynthesizedApp(stacks)).map((g) => [g.minReplicas, g.maxReplicas])).toEqual([[3, 3], [1, 1]]);
    const noMin = edited('zone-redundant', 'kubernetes_horizontal_pod_autoscaler_v2', (b) => { delete b.spec.min_replicas; });
    expect(groups(noMin).map((g) => g.minReplicas)).toEqual([1, 1]);
  });

  test('the zone spread as written: skew, ScheduleAnyway, policies; none without a zone key', () => {
    const loose = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => {
      for (const t of b.spec.template.spec.topology_spread_constraint) if (t.topology_key === 'topology.kubernetes.io/zone') Object.assign(t, { max_skew: 2, when_unsatisfiable: 'ScheduleAnyway', node_taints_policy: 'Ignore', node_affinity_policy: 'Ignore' });
    });
    expect(groups(loose)[0].zoneSpread).toStrictEqual({ maxSkew: 2, whenUnsatisfiable: 'ScheduleAnyway', nodeTaintsPolicy: 'Ignore', nodeAffinityPolicy: 'Ignore' });
    const defaults = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => {
      for (const t of b.spec.template.spec.topology_spread_constraint) { delete t.max_skew; delete t.when_unsatisfiable; delete t.node_taints_policy; delete t.node_affinity_policy; }
    });
    // Kubernetes' defaults: nodeTaintsPolicy Ignore, nodeAffinityPolicy Honor.
    expect(groups(defaults)[0].zoneSpread).toStrictEqual({ ...SPREAD, nodeTaintsPolicy: 'Ignore' });
    const hosts = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => { b.spec.template.spec.topology_spread_constraint = b.spec.template.spec.topology_spread_constraint.filter((t: Loose) => t.topology_key !== 'topology.kubernetes.io/zone'); });
    expect(groups(hosts)[0].zoneSpread).toBeUndefined();
    expect('zoneSpread' in groups(hosts)[0]).toBe(false);
  });

  test('a container without literal CPU or memory requests leaves the stack unjudged; a Deployment without a pod spec is skipped', () => {
    for (const missing of ['cpu', 'memory']) {
      const app = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => { delete b.spec.template.spec.container[0].resources.requests[missing]; });
      expect(podGroups(app, APPS)).toMatch(/^kubernetes_deployment_v1\.Workloads_OrderDeployment_[0-9A-F]+ has a container without literal CPU and memory requests$/);
    }
    // One container of two without requests is enough.
    const sidecar = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => { b.spec.template.spec.container.push({ name: 'sidecar', image: 'c.io/sidecar:1' }); });
    expect(podGroups(sidecar, APPS)).toMatch(/^kubernetes_deployment_v1\.Workloads_OrderDeployment_[0-9A-F]+ has a container without literal CPU and memory requests$/);
    let first = true;
    const specless = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => { if (first) b.spec.template.spec = 'x'; first = false; });
    expect(groups(specless).map((g) => g.name)).toEqual(['tracking-api']);
  });
});

describe('clusterOfAppsStack', () => {
  test('through a data source named after the cluster, when the provider does not read the cluster itself', () => {
    const stacks = copyOf('zone-redundant');
    const cluster = Object.values((stacks.find((s) => s.name === 'zone-redundant-westus3')!.json as Loose).resource.azurerm_kubernetes_cluster)[0] as Loose;
    const apps = { name: 'by-name-apps', json: { data: { azurerm_kubernetes_cluster: { Aks: { name: cluster.name, resource_group_name: 'rg' } } }, provider: { kubernetes: [{ host: '${data.azurerm_kubernetes_cluster.Aks.kube_config[0].host}' }] } } };
    const app = new SynthesizedApp([...stacks, apps as Loose]);
    expect(clusterOfAppsStack(app, 'by-name-apps')?.body.name).toBe(cluster.name);
    expect(clusterOfAppsStack(app, 'no-such-stack')).toBeUndefined();
    const unnamed = { name: 'unnamed-apps', json: { data: { azurerm_kubernetes_cluster: { Aks: { name: 'aks-elsewhere' } } } } };
    expect(clusterOfAppsStack(new SynthesizedApp([...stacks, unnamed as Loose]), 'unnamed-apps')).toBeUndefined();
  });
});

test('the five examples in one app: no finding (each platform\'s stamps, data services and workloads are judged among their own)', () => {
  const all = ['zone-redundant', 'primary-secondary', 'active-passive', 'active-active', 'region-pinned'].flatMap(copyOf);
  expect(checkSynthesized(all).findings).toEqual([]);
});
