import { NodePoolModel } from '../../lib/common/node-pool-model';
import { ValidationError } from '../../lib/core/errors';
import { checkSchedulability, Cluster, nodeCapacity, PodGroupModel, SchedulingReport } from '../../lib/workloads/schedulability';

/**
 * The scheduling model (lib/workloads/schedulability.ts): `nodeCapacity`, `checkSchedulability` and the simulated
 * cluster it runs on. __tests__/schedulability.test.ts runs it over every example's stamps.
 */

const MODE = 'kubernetes.azure.com/mode';
/** AKS zone-redundant pools as the stamp describes them. */
const system: NodePoolModel = { name: 'system', zones: ['1', '2', '3'], minCount: 3, maxCount: 5, vmSize: 'Standard_D4ds_v5', labels: { [MODE]: 'system' }, taints: ['CriticalAddonsOnly=true:NoSchedule'] };
const user = (minCount: number, maxCount = 10): NodePoolModel => ({ name: 'user', zones: ['1', '2', '3'], minCount, maxCount, vmSize: 'Standard_D4ds_v5', labels: { [MODE]: 'user' }, taints: [] });
/** A user-mode pool of Standard_D4ds_v5 nodes (3360m, 11164 MiB for pods), zonal over 1-3 unless `extra` says otherwise. */
const pool = (name: string, extra: Partial<NodePoolModel> = {}): NodePoolModel => ({ ...user(3), name, ...extra });
const HONOR = { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor', nodeAffinityPolicy: 'Honor' } as const;
const service = (name: string, extra: Partial<PodGroupModel> = {}): PodGroupModel => ({
  name, cpuMillis: 250, memoryMiB: 256, nodeSelector: { [MODE]: 'user' }, zoneSpread: HONOR, minReplicas: 2, maxReplicas: 10, surge: 3, ...extra,
});
/** A group without a zone spread constraint. */
const unspread = (name: string, extra: Partial<PodGroupModel> = {}): PodGroupModel => ({
  name, cpuMillis: 250, memoryMiB: 256, nodeSelector: { [MODE]: 'user' }, minReplicas: 2, maxReplicas: 10, surge: 3, ...extra,
});

/** Each scenario as [name, fits, pending, nodes]. */
const outcome = (report: SchedulingReport) => report.scenarios.map((s) => [s.name, s.fits, s.pending, s.nodes]);
const SYSTEM_NODES = { 'system/1': 1, 'system/2': 1, 'system/3': 1 };

describe('nodeCapacity', () => {
  test('AKS reservations and the daemon-set estimate come off the VM size', () => {
    // 4 vCPUs: 140m kube-reserved, 500m daemon sets; 16 GiB: min(20 MiB x 250 + 50, 25%) = 4096 MiB + 100 MiB eviction, 1 GiB daemon sets.
    expect(nodeCapacity('Standard_D4ds_v5')).toEqual({ cpuMillis: 3360, memoryMiB: 11164 });
    expect(nodeCapacity('Standard_E8ds_v5')).toEqual({ cpuMillis: 8000 - 180 - 500, memoryMiB: 65536 - 5050 - 100 - 1024 });
    expect(nodeCapacity('Standard_NC24ads_A100_v4')).toBeUndefined();
  });

  test('kube-reserved CPU: 60m for the first core, 40m for the second, 20m for the third and fourth, 10m for each further one', () => {
    // Memory: a quarter of the node below 20 GiB (the 20 MiB x 250 pods + 50 MiB term is 5050 MiB), plus 100 MiB eviction.
    expect(nodeCapacity('Standard_F1s')).toEqual({ cpuMillis: 1000 - 60 - 500, memoryMiB: 2048 - 512 - 100 - 1024 });
    expect(nodeCapacity('Standard_D2s_v5')).toEqual({ cpuMillis: 2000 - 100 - 500, memoryMiB: 8192 - 2048 - 100 - 1024 });
    expect(nodeCapacity('Standard_F8s_v2')).toEqual({ cpuMillis: 8000 - 180 - 500, memoryMiB: 16384 - 4096 - 100 - 1024 });
    expect(nodeCapacity('Standard_D16ds_v5')).toEqual({ cpuMillis: 16000 - 260 - 500, memoryMiB: 65536 - 5050 - 100 - 1024 });
  });

  test('the size is read from the whole name: D, E or F, the vCPU count, optional letters and version', () => {
    expect(nodeCapacity('Standard_F8s')).toEqual({ cpuMillis: 7320, memoryMiB: 11164 });
    // Any version number, not only one digit.
    expect(nodeCapacity('Standard_D4ds_v10')).toEqual({ cpuMillis: 3360, memoryMiB: 11164 });
    for (const size of ['Standard_B2s', 'Basic_Standard_D4ds_v5', 'Standard_D4ds_v5_Promo', 'Standard_D4ds_v5x', 'Standard_D', 'standard_D4ds_v5']) {
      expect([size, nodeCapacity(size)]).toEqual([size, undefined]);
    }
  });

  test('sizes whose number is not the vCPU count are unknown, not misread; low-memory D sizes have 2 GiB per vCPU', () => {
    // Standard_D3_v2 has 4 vCPUs and 14 GiB, Standard_D11_v2 2 vCPUs and 14 GiB, Standard_D2 (v1) 2 vCPUs and 7 GiB.
    for (const size of ['Standard_D3_v2', 'Standard_DS3_v2', 'Standard_D11_v2', 'Standard_D14_v2', 'Standard_D2', 'Standard_D4s_v2', 'Standard_E4', 'Standard_E4_v2', 'Standard_F4s_v3']) {
      expect([size, nodeCapacity(size)]).toEqual([size, undefined]);
    }
    // v3 is the first D and E version the model reads; F v1 (no suffix) and Fs_v2 both have 2 GiB per vCPU.
    expect(nodeCapacity('Standard_D4s_v3')).toEqual(nodeCapacity('Standard_D4ds_v5'));
    expect(nodeCapacity('Standard_E4_v3')).toEqual({ cpuMillis: 3360, memoryMiB: 32768 - 5050 - 100 - 1024 });
    expect(nodeCapacity('Standard_F4s_v2')).toEqual(nodeCapacity('Standard_F4s'));
    expect(nodeCapacity('Standard_F4')).toEqual({ cpuMillis: 3360, memoryMiB: 8192 - 2048 - 100 - 1024 });
    // Dl: 4 vCPUs and 8 GiB.
    expect(nodeCapacity('Standard_D4pls_v5')).toEqual({ cpuMillis: 3360, memoryMiB: 8192 - 2048 - 100 - 1024 });
    expect(nodeCapacity('Standard_D4ls_v5')).toEqual(nodeCapacity('Standard_D4pls_v5'));
  });
});

describe('checkSchedulability', () => {
  test('the defect it was built for: DoNotSchedule zone spread with the default nodeTaintsPolicy (Ignore), no node selector and a 2-node user pool stops at 2 pods', () => {
    // What the workloads did before: the tainted system pool's three zones counted as domains, one zone had no user node.
    const before = service('order-api', { nodeSelector: {}, zoneSpread: { ...HONOR, nodeTaintsPolicy: 'Ignore' } });
    const report = checkSchedulability([system, user(2)], [before]);
    expect(report.fits).toBe(false);
    const why = 'order-api: the only zones its spread allows have no node of a matching pool, and the autoscaler cannot place a node in a chosen zone of a multi-zone pool (zone spread: 1=1, 2=1, 3=0)';
    const nodes = { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1 };
    expect(outcome(report)).toEqual([['minimum', false, [`${why} (rolling update surge)`], nodes], ['maximum', false, [why], nodes]]);
  });

  test('honouring taints fixes it even without a node selector: the tainted pool\'s zones are no spread domains', () => {
    const honour = service('order-api', { nodeSelector: {} });
    expect(checkSchedulability([system, user(2)], [honour]).fits).toBe(true);
  });

  test('honouring taints and selecting the user pool fixes it even with 2 user nodes; 3 (one per zone) is the default', () => {
    expect(checkSchedulability([system, user(2)], [service('order-api')]).fits).toBe(true);
    const report = checkSchedulability([system, user(3)], [service('order-api'), service('tracking-api')]);
    expect(report.fits).toBe(true);
    expect(report.scenarios.map((s) => [s.name, s.nodes])).toEqual([['minimum', { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1, 'user/3': 1 }], ['maximum', expect.any(Object)]]);
  });

  test('without a zone spread, or with ScheduleAnyway, zones do not matter', () => {
    const groups = [unspread('order-api', { nodeSelector: {} }), service('tracking-api', { nodeSelector: {}, zoneSpread: { ...HONOR, whenUnsatisfiable: 'ScheduleAnyway', nodeTaintsPolicy: 'Ignore' } })];
    const report = checkSchedulability([system, user(2)], groups);
    expect(outcome(report)).toEqual([['minimum', true, [], { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1 }], ['maximum', true, [], { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1 }]]);
  });

  test('nodeAffinityPolicy Honor leaves out the zones of nodes the selector rejects; Ignore counts them', () => {
    const other = pool('other', { zones: ['3'], minCount: 1, maxCount: 1, labels: { [MODE]: 'other' } });
    const pools = [system, pool('user', { zones: ['1', '2'], minCount: 2 }), other];
    expect(checkSchedulability(pools, [service('a')]).fits).toBe(true);
    const report = checkSchedulability(pools, [service('a', { zoneSpread: { ...HONOR, nodeAffinityPolicy: 'Ignore' } })]);
    const why = 'a: the only zones its spread allows have no node of a matching pool, and the autoscaler cannot place a node in a chosen zone of a multi-zone pool (zone spread: 1=1, 2=1, 3=0)';
    expect(report.scenarios.map((s) => s.pending)).toEqual([[`${why} (rolling update surge)`], [why]]);
  });

  test('capacity: more pods than the pool can hold at its maximum stay Pending, with the reason', () => {
    // 3 nodes x floor(3360 / 1000) = 9 pods of 1 CPU.
    const report = checkSchedulability([system, user(3, 3)], [service('order-api', { cpuMillis: 1000, maxReplicas: 12, surge: 3 })]);
    expect(report.fits).toBe(false);
    const nodes = { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1, 'user/3': 1 };
    expect(outcome(report)).toEqual([
      ['minimum', true, [], nodes],
      ['maximum', false, ['order-api: every matching pool is at its maximum and no node has room (zone spread: 1=3, 2=3, 3=3)'], nodes],
    ]);
  });

  test('memory counts like CPU: two 4000 MiB pods per node', () => {
    const report = checkSchedulability([pool('user', { minCount: 1, maxCount: 1 })], [unspread('cache', { cpuMillis: 100, memoryMiB: 4000, minReplicas: 2, maxReplicas: 3, surge: 0 })]);
    expect(outcome(report)).toEqual([
      ['minimum', true, [], { 'user/1': 1 }],
      ['maximum', false, ['cache: every matching pool is at its maximum and no node has room'], { 'user/1': 1 }],
    ]);
  });

  test('a pod that takes a whole node fits it, and the autoscaler adds a node for the next', () => {
    const whole = unspread('batch', { cpuMillis: 3360, memoryMiB: 11164, minReplicas: 2, maxReplicas: 2, surge: 0 });
    const report = checkSchedulability([pool('user', { minCount: 1, maxCount: 2 })], [whole]);
    expect(outcome(report)).toEqual([['minimum', true, [], { 'user/1': 1, 'user/2': 1 }], ['maximum', true, [], { 'user/1': 1, 'user/2': 1 }]]);
    // At the pool's maximum the second one waits for room, not for a bigger node.
    const full = checkSchedulability([pool('user', { minCount: 1, maxCount: 1 })], [whole]);
    expect(full.scenarios[0].pending).toEqual(['batch: every matching pool is at its maximum and no node has room']);
  });

  test('a pod bigger than any node of the matching pools says so and adds no node', () => {
    const pools = [pool('small', { vmSize: 'Standard_F1s', minCount: 1, maxCount: 3 }), pool('medium', { vmSize: 'Standard_D2s_v5', minCount: 1, maxCount: 3 })];
    const cpu = checkSchedulability(pools, [unspread('big', { cpuMillis: 1500 })]);
    expect(outcome(cpu)[0]).toEqual(['minimum', false,
      ['big: one pod requests 1500m CPU and 256 MiB, more than a node of Standard_F1s, Standard_D2s_v5 can give a pod (440m, 412 MiB), so no number of nodes helps'],
      { 'small/1': 1, 'medium/1': 1 }]);
    const memory = checkSchedulability(pools, [unspread('big', { cpuMillis: 100, memoryMiB: 6000 })]);
    expect(outcome(memory)[0]).toEqual(['minimum', false,
      ['big: one pod requests 100m CPU and 6000 MiB, more than a node of Standard_F1s, Standard_D2s_v5 can give a pod (440m, 412 MiB), so no number of nodes helps'],
      { 'small/1': 1, 'medium/1': 1 }]);
  });

  test('the autoscaler adds nodes up to the maximum, round-robin over the zones; a non-zonal pool has one domain', () => {
    // 1-CPU pods, 3 per node: 21 pods plus a surge of 6 take 9 nodes, 3 per zone; the maximum (10) would land 4/3/3.
    const fits = checkSchedulability([system, user(3, 10)], [service('order-api', { cpuMillis: 1000, maxReplicas: 21, surge: 6 })]);
    expect(outcome(fits)).toEqual([
      ['minimum', true, [], { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1, 'user/3': 1 }],
      ['maximum', true, [], { ...SYSTEM_NODES, 'user/1': 3, 'user/2': 3, 'user/3': 3 }],
    ]);
    // Uneven zones waste capacity: 30 pods would need 10 in every zone, and 4/3/3 nodes hold 12/9/9.
    const uneven = checkSchedulability([system, user(3, 10)], [service('order-api', { cpuMillis: 1000, maxReplicas: 24, surge: 6 })]);
    expect(outcome(uneven)[1]).toEqual(['maximum', false,
      ['order-api: every matching pool is at its maximum and no node has room (zone spread: 1=10, 2=9, 3=9) (rolling update surge)'],
      { ...SYSTEM_NODES, 'user/1': 4, 'user/2': 3, 'user/3': 3 }]);
    const flat: NodePoolModel = { ...user(2, 6), zones: [] };
    const report = checkSchedulability([{ ...system, zones: [] }, flat], [service('order-api', { cpuMillis: 1000, maxReplicas: 14, surge: 4 })]);
    expect(outcome(report)).toEqual([['minimum', true, [], { 'system/-': 3, 'user/-': 2 }], ['maximum', true, [], { 'system/-': 3, 'user/-': 6 }]]);
  });

  test('a non-zonal pool at its maximum: one domain, shown as -', () => {
    const report = checkSchedulability([pool('flat', { zones: [], minCount: 2, maxCount: 2 })], [service('a', { cpuMillis: 1000, maxReplicas: 7 })]);
    expect(outcome(report)[1]).toEqual(['maximum', false, ['a: every matching pool is at its maximum and no node has room (zone spread: -=6)'], { 'flat/-': 2 }]);
  });

  test('a pod no pool accepts is reported, and no node is added for it', () => {
    const report = checkSchedulability([system, user(3)], [service('gpu', { nodeSelector: { accelerator: 'a100' } })]);
    expect(outcome(report)[0]).toEqual(['minimum', false, ['gpu: no node pool matches its node selector and tolerations'], { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1, 'user/3': 1 }]);
    // Selected but not tolerated is no match either.
    const tainted = checkSchedulability([system, user(3)], [service('gpu', { nodeSelector: { [MODE]: 'system' } })]);
    expect(outcome(tainted)[0]).toEqual(['minimum', false, ['gpu: no node pool matches its node selector and tolerations'], { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1, 'user/3': 1 }]);
  });

  test('a pod that tolerates a taint runs on the tainted pool', () => {
    const critical = service('agent', { nodeSelector: { [MODE]: 'system' }, tolerations: ['CriticalAddonsOnly=true:NoSchedule'], maxReplicas: 3, surge: 1 });
    expect(outcome(checkSchedulability([system], [critical]))).toEqual([['minimum', true, [], SYSTEM_NODES], ['maximum', true, [], SYSTEM_NODES]]);
  });

  test('"every matching pool is at its maximum" only when each matching pool is at its own maximum', () => {
    // The defect again, beside a second matching pool that is full: the user pool (2 of 4 nodes) is not.
    const extra = pool('extra', { zones: ['1'], minCount: 1, maxCount: 1 });
    const report = checkSchedulability([system, user(2, 4), extra], [service('a', { nodeSelector: {}, zoneSpread: { ...HONOR, nodeTaintsPolicy: 'Ignore' } })]);
    expect(report.scenarios[1].pending).toEqual(['a: the only zones its spread allows have no node of a matching pool, and the autoscaler cannot place a node in a chosen zone of a multi-zone pool (zone spread: 1=1, 2=1, 3=0)']);
  });

  test('a Pending group is reported once, and the other groups keep scaling', () => {
    const report = checkSchedulability([system, user(3, 10)], [
      service('gpu', { nodeSelector: { accelerator: 'a100' } }),
      service('order-api', { cpuMillis: 1000, maxReplicas: 21, surge: 6 }),
    ]);
    expect(outcome(report)).toEqual([
      ['minimum', false, ['gpu: no node pool matches its node selector and tolerations'], { ...SYSTEM_NODES, 'user/1': 1, 'user/2': 1, 'user/3': 1 }],
      // 21 pods of 1 CPU, 7 per zone, 3 per node; no rolling update once a pod is Pending.
      ['maximum', false, ['gpu: no node pool matches its node selector and tolerations'], { ...SYSTEM_NODES, 'user/1': 3, 'user/2': 3, 'user/3': 3 }],
    ]);
  });

  test('a rolling update frees its surge pods before the next group rolls', () => {
    // One node of 3360m: 1 + 1 running pods of 1 CPU, then each group's surge beside them.
    const node = [pool('user', { minCount: 1, maxCount: 1 })];
    const a = unspread('a', { cpuMillis: 1000, minReplicas: 1, maxReplicas: 1, surge: 1 });
    expect(checkSchedulability(node, [a, unspread('b', { cpuMillis: 1000, minReplicas: 1, maxReplicas: 1, surge: 1 })]).fits).toBe(true);
    // b's surge of 2 does not fit beside a's and b's running pod; it is reported once.
    const report = checkSchedulability(node, [a, unspread('b', { cpuMillis: 1000, minReplicas: 1, maxReplicas: 1, surge: 2 })]);
    expect(report.scenarios.map((s) => s.pending)).toEqual([
      ['b: every matching pool is at its maximum and no node has room (rolling update surge)'],
      ['b: every matching pool is at its maximum and no node has room (rolling update surge)'],
    ]);
  });

  test('an unknown VM size is not checked for capacity, and says so', () => {
    const report = checkSchedulability([system, { ...user(3), vmSize: 'Standard_NC24ads_A100_v4' }], [service('order-api', { cpuMillis: 100000, memoryMiB: 1000000 })]);
    expect(report.unknownVmSizes).toEqual(['Standard_NC24ads_A100_v4']);
    expect(report.fits).toBe(true);
    expect(checkSchedulability([system, user(3)], [service('order-api')]).unknownVmSizes).toEqual([]);
    const twice = checkSchedulability([{ ...system, vmSize: 'Standard_NC24ads_A100_v4' }, { ...user(3), vmSize: 'Standard_NC24ads_A100_v4' }], []);
    expect(twice.unknownVmSizes).toEqual(['Standard_NC24ads_A100_v4']);
  });

  test('pools and groups must be lists', () => {
    const errors = [['pools', () => checkSchedulability({} as never, []), 'expected a list, got an object', 'pass RegionalStamp.nodePools'],
      ['groups', () => checkSchedulability([], undefined as never), 'expected a list, got nothing (undefined)', 'pass OrderWorkloads.podGroups']] as const;
    for (const [prop, run, problem, fix] of errors) {
      let error: unknown;
      try { run(); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(ValidationError);
      const e = error as ValidationError;
      expect([e.constructPath, e.prop, e.problem, e.fix]).toEqual(['checkSchedulability', prop, problem, fix]);
    }
  });
});

describe('the simulated cluster', () => {
  /** [pool, zone, pods of `group`, free CPU] per node. */
  const state = (cluster: Cluster, group = 'a') => cluster.nodes.map((n) => [n.pool.name, n.zone, n.pods.get(group) ?? 0, n.cpu]);

  test('a pool starts at its minimum, each node in its zone with the fewest of the pool\'s nodes, ties to the first zone', () => {
    const cluster = new Cluster([pool('system', { zones: ['1'], minCount: 1 }), pool('user', { minCount: 2 })]);
    // The system node in zone 1 does not count for the user pool.
    expect(cluster.nodes.map((n) => `${n.pool.name}/${n.zone}`)).toEqual(['system/1', 'user/1', 'user/2']);
    expect(cluster.layout()).toEqual({ 'system/1': 1, 'user/1': 1, 'user/2': 1 });
    expect(cluster.addNode(cluster.nodes[1].pool).zone).toBe('3');
    expect(cluster.addNode(cluster.nodes[1].pool).zone).toBe('1');
    expect(cluster.layout()).toEqual({ 'system/1': 1, 'user/1': 2, 'user/2': 1, 'user/3': 1 });
  });

  test('pods go to the zone with the fewest, then the node with the fewest, then the node with the most free CPU', () => {
    const cluster = new Cluster([pool('user', { zones: ['1', '2'], minCount: 4 })]);
    const a = unspread('a', { cpuMillis: 100 });
    // Another group's pod on the first node of zone 2.
    cluster.nodes[1].cpu -= 2000;
    for (let i = 0; i < 4; i++) expect(cluster.place(a)).toBeUndefined();
    // Zone 1 first (tie), its first node; zone 2, the node with more room; zone 1's empty node; zone 2's empty node.
    expect(state(cluster)).toEqual([['user', '1', 1, 3260], ['user', '2', 1, 1260], ['user', '1', 1, 3260], ['user', '2', 1, 3260]]);
    expect([cluster.count(a), cluster.count(a, '1'), cluster.count(a, '2'), cluster.count(a, '3')]).toEqual([4, 2, 2, 0]);
  });

  test('between otherwise equal nodes, the one with the most free CPU, wherever it is in the list', () => {
    for (const busy of [0, 1]) {
      const cluster = new Cluster([pool('user', { zones: ['1'], minCount: 2 })]);
      cluster.nodes[busy].cpu -= 2000;
      cluster.place(unspread('a', { cpuMillis: 100 }));
      expect(cluster.nodes.map((n) => n.pods.get('a') ?? 0)).toEqual(busy === 0 ? [0, 1] : [1, 0]);
    }
  });

  test('a non-zonal pool\'s nodes are in the zone \'\'', () => {
    expect(new Cluster([pool('flat', { zones: [], minCount: 2 })]).nodes.map((n) => n.zone)).toEqual(['', '']);
  });

  test('a node already running the group is passed over for an emptier one even when it has more room', () => {
    const cluster = new Cluster([pool('user', { zones: ['1'], minCount: 2 })]);
    const a = unspread('a', { cpuMillis: 100 });
    cluster.nodes[0].cpu -= 2000;
    cluster.place(a);
    cluster.place(a);
    expect(state(cluster)).toEqual([['user', '1', 1, 1260], ['user', '1', 1, 3260]]);
  });

  test('removing pods takes them from the zone with the most, frees their requests, and stops when none is left', () => {
    const cluster = new Cluster([pool('user', { zones: ['1', '2'], minCount: 2 })]);
    const a = unspread('a', { cpuMillis: 1000, memoryMiB: 1000 });
    for (let i = 0; i < 3; i++) cluster.place(a);
    expect(state(cluster)).toEqual([['user', '1', 2, 1360], ['user', '2', 1, 2360]]);
    cluster.remove(a, 1);
    expect(state(cluster)).toEqual([['user', '1', 1, 2360], ['user', '2', 1, 2360]]);
    expect(cluster.nodes.map((n) => n.memory)).toEqual([10164, 10164]);
    cluster.nodes[0].pods.set('a', 2);
    cluster.nodes[0].cpu -= 1000;
    cluster.nodes[0].memory -= 1000;
    cluster.remove(a, 2);
    expect(state(cluster)).toEqual([['user', '1', 0, 3360], ['user', '2', 1, 2360]]);
    cluster.remove(a, 5);
    expect(state(cluster)).toEqual([['user', '1', 0, 3360], ['user', '2', 0, 3360]]);
    expect(cluster.nodes.map((n) => n.memory)).toEqual([11164, 11164]);
  });

  test('removing takes from the most crowded zone wherever its node is in the list', () => {
    for (const crowded of [0, 1]) {
      const cluster = new Cluster([pool('user', { zones: ['1', '2'], minCount: 2 })]);
      const a = unspread('a', { cpuMillis: 1000, memoryMiB: 1000 });
      cluster.nodes.forEach((n, i) => {
        const pods = i === crowded ? 2 : 1;
        n.pods.set('a', pods);
        n.cpu -= pods * 1000;
      });
      cluster.remove(a, 1);
      expect(cluster.nodes.map((n) => [n.pods.get('a'), n.cpu])).toEqual([[1, 2360], [1, 2360]]);
    }
  });
});
