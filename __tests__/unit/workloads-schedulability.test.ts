import { NodePoolModel } from '../../lib/common/node-pool-model';
import { checkSchedulability, nodeCapacity, PodGroupModel } from '../../lib/workloads/schedulability';

/** AKS zone-redundant pools as the stamp describes them. */
const system: NodePoolModel = { name: 'system', zones: ['1', '2', '3'], minCount: 3, maxCount: 5, vmSize: 'Standard_D4ds_v5', labels: { 'kubernetes.azure.com/mode': 'system' }, taints: ['CriticalAddonsOnly=true:NoSchedule'] };
const user = (minCount: number, maxCount = 10): NodePoolModel => ({ name: 'user', zones: ['1', '2', '3'], minCount, maxCount, vmSize: 'Standard_D4ds_v5', labels: { 'kubernetes.azure.com/mode': 'user' }, taints: [] });
const service = (name: string, extra: Partial<PodGroupModel> = {}): PodGroupModel => ({
  name, cpuMillis: 250, memoryMiB: 256, nodeSelector: { 'kubernetes.azure.com/mode': 'user' },
  zoneSpread: { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor', nodeAffinityPolicy: 'Honor' },
  minReplicas: 2, maxReplicas: 10, surge: 3, ...extra,
});

describe('nodeCapacity', () => {
  test('AKS reservations and the daemon-set estimate come off the VM size', () => {
    // 4 vCPUs: 140m kube-reserved, 500m daemon sets; 16 GiB: min(20 MiB x 250 + 50, 25%) = 4096 MiB + 100 MiB eviction, 1 GiB daemon sets.
    expect(nodeCapacity('Standard_D4ds_v5')).toEqual({ cpuMillis: 3360, memoryMiB: 11164 });
    expect(nodeCapacity('Standard_E8ds_v5')).toEqual({ cpuMillis: 8000 - 180 - 500, memoryMiB: 65536 - 5050 - 100 - 1024 });
    expect(nodeCapacity('Standard_NC24ads_A100_v4')).toBeUndefined();
  });
});

describe('checkSchedulability', () => {
  test('the defect it was built for: DoNotSchedule zone spread with the default nodeTaintsPolicy (Ignore), no node selector and a 2-node user pool stops at 2 pods', () => {
    // What the workloads did before: the tainted system pool's three zones counted as domains, one zone had no user node.
    const before = service('order-api', { nodeSelector: {}, zoneSpread: { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Ignore', nodeAffinityPolicy: 'Honor' } });
    const report = checkSchedulability([system, user(2)], [before]);
    expect(report.fits).toBe(false);
    const minimum = report.scenarios.find((s) => s.name === 'minimum')!;
    expect(minimum.pending).toEqual([expect.stringMatching(/^order-api: the only zones its spread allows have no node of a matching pool, and the autoscaler cannot place a node.*\(rolling update surge\)$/)]);
    expect(report.scenarios.find((s) => s.name === 'maximum')!.fits).toBe(false);
  });

  test('honouring taints and selecting the user pool fixes it even with 2 user nodes; 3 (one per zone) is the default', () => {
    expect(checkSchedulability([system, user(2)], [service('order-api')]).fits).toBe(true);
    const report = checkSchedulability([system, user(3)], [service('order-api'), service('tracking-api')]);
    expect(report.fits).toBe(true);
    expect(report.scenarios.map((s) => [s.name, s.nodes])).toEqual([['minimum', { 'system/1': 1, 'system/2': 1, 'system/3': 1, 'user/1': 1, 'user/2': 1, 'user/3': 1 }], ['maximum', expect.any(Object)]]);
  });

  test('capacity: more pods than the pool can hold at its maximum stay Pending, with the reason', () => {
    // 3 nodes x floor(3360 / 1000) = 9 pods of 1 CPU.
    const report = checkSchedulability([system, user(3, 3)], [service('order-api', { cpuMillis: 1000, maxReplicas: 12, surge: 3 })]);
    expect(report.fits).toBe(false);
    expect(report.scenarios.find((s) => s.name === 'minimum')!.fits).toBe(true);
    expect(report.scenarios.find((s) => s.name === 'maximum')!.pending[0]).toMatch(/^order-api: every matching pool is at its maximum and no node has room/);
  });

  test('the autoscaler adds nodes up to the maximum, round-robin over the zones; a non-zonal pool has one domain', () => {
    // 1-CPU pods, 3 per node: 21 pods plus a surge of 6 take 9 nodes, 3 per zone; the maximum (10) would land 4/3/3.
    const fits = checkSchedulability([system, user(3, 10)], [service('order-api', { cpuMillis: 1000, maxReplicas: 21, surge: 6 })]);
    expect(fits.fits).toBe(true);
    expect(fits.scenarios[1].nodes).toMatchObject({ 'user/1': 3, 'user/2': 3, 'user/3': 3 });
    // Uneven zones waste capacity: 30 pods would need 10 in every zone, and 4/3/3 nodes hold 12/9/9.
    expect(checkSchedulability([system, user(3, 10)], [service('order-api', { cpuMillis: 1000, maxReplicas: 24, surge: 6 })]).fits).toBe(false);
    const flat: NodePoolModel = { ...user(2, 6), zones: [] };
    const report = checkSchedulability([{ ...system, zones: [] }, flat], [service('order-api', { cpuMillis: 1000, maxReplicas: 14, surge: 4 })]);
    expect(report.fits).toBe(true);
  });

  test('a pod no pool accepts is reported', () => {
    const report = checkSchedulability([system, user(3)], [service('gpu', { nodeSelector: { accelerator: 'a100' } })]);
    expect(report.scenarios[0].pending).toEqual(['gpu: no node pool matches its node selector and tolerations']);
  });

  test('an unknown VM size is not checked for capacity, and says so', () => {
    expect(checkSchedulability([system, { ...user(3), vmSize: 'Standard_NC24ads_A100_v4' }], [service('order-api')]).unknownVmSizes).toEqual(['Standard_NC24ads_A100_v4']);
  });
});
