/**
 * A model of where Kubernetes can put a stamp's pods: given the node pools (zones, taints, labels, autoscaler range, VM
 * size) and the workloads (requests, node selector, zone spread, replica range, rolling surge), it says whether the
 * minimum and the maximum replicas, each with a rolling surge, can be scheduled.
 *
 * What it models (kube-scheduler and the AKS cluster autoscaler):
 * - filters: node selector, untolerated NoSchedule taints, CPU and memory requests against allocatable capacity;
 * - `topologySpreadConstraints` on the zone with `DoNotSchedule`: a pod may go to a zone only if its count there plus
 *   one exceeds the smallest count over the eligible domains by at most maxSkew; the eligible domains are the zones of
 *   the nodes that pass the pod's node selector (nodeAffinityPolicy Honor, the default) and, with nodeTaintsPolicy
 *   Honor, that carry no taint the pod does not tolerate (the default, Ignore, counts tainted nodes' zones too);
 * - a node pool spread over zones is one scale set: it places its nodes round-robin over its zones, and the autoscaler
 *   scales it up for a pending pod only when a copy of one of the pool's existing nodes (same zone) would take the pod;
 *   the new node then lands in the pool's zone with the fewest nodes, whether or not that is the zone the pod needs;
 * - allocatable capacity per node: AKS reservations (kube-reserved CPU by core count; memory
 *   min(20 MiB x max pods + 50 MiB, 25 %) plus a 100 MiB eviction threshold) minus an estimate of the system daemon
 *   sets every node runs (Container Insights, Cilium, CSI drivers, ...).
 */

import { NodePoolModel } from '../common/node-pool-model';
import { describeValue, ValidationError } from '../core/errors';

/** The pods of one Deployment. */
export interface PodGroupModel {
  /** Deployment name (unique per cluster model). */
  readonly name: string;
  /** CPU request of one pod, in millicores. */
  readonly cpuMillis: number;
  /** Memory request of one pod, in MiB. */
  readonly memoryMiB: number;
  /** Node labels the pods require. */
  readonly nodeSelector: { readonly [key: string]: string };
  /** Taints (`key=value:NoSchedule`) the pods tolerate. @default none */
  readonly tolerations?: readonly string[];
  /** The zone spread constraint, if any. */
  readonly zoneSpread?: {
    readonly maxSkew: number;
    readonly whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
    readonly nodeTaintsPolicy: 'Honor' | 'Ignore';
    readonly nodeAffinityPolicy: 'Honor' | 'Ignore';
  };
  /** Replicas at the least (the HPA minimum). */
  readonly minReplicas: number;
  /** Replicas at the most (the HPA maximum). */
  readonly maxReplicas: number;
  /** Extra pods during a rolling update (maxSurge). */
  readonly surge: number;
}

/** Allocatable capacity of one node for pods. */
export interface NodeCapacity {
  /** Allocatable CPU, in millicores. */
  readonly cpuMillis: number;
  /** Allocatable memory, in MiB. */
  readonly memoryMiB: number;
}

/** One checked situation. */
export interface SchedulingScenario {
  /** What was checked (`maximum replicas with a rolling surge`, ...). */
  readonly name: string;
  /** Whether every pod found a node. */
  readonly fits: boolean;
  /** Pods that stay Pending, with why. */
  readonly pending: readonly string[];
  /** Nodes per pool and zone at the end of the scenario (`pool/zone: n`). */
  readonly nodes: { readonly [poolZone: string]: number };
}

/** The verdict of {@link checkSchedulability}. */
export interface SchedulingReport {
  /** Whether every scenario fits. */
  readonly fits: boolean;
  /** Each checked scenario. */
  readonly scenarios: readonly SchedulingScenario[];
  /** Pools whose VM size the model does not know (their capacity is not checked). */
  readonly unknownVmSizes: readonly string[];
}

/** Max pods per node with Azure CNI Overlay (the AKS default there). */
const MAX_PODS = 250;
/** Estimate of what the AKS system daemon sets request on every node. */
const DAEMON_SET_OVERHEAD: NodeCapacity = { cpuMillis: 500, memoryMiB: 1024 };
/** GiB of memory per vCPU of the general-purpose (D), memory-optimised (E) and compute-optimised (F) families. */
const MEMORY_PER_VCPU: { readonly [family: string]: number } = { D: 4, E: 8, F: 2 };

/** AKS kube-reserved CPU (millicores) for a node with `cores` vCPUs. */
function reservedCpu(cores: number): number {
  // 60m for the first core, 40m for the second, 20m each for the third and fourth, 10m for every further core.
  return 60 + (cores >= 2 ? 40 : 0) + Math.min(Math.max(cores - 2, 0), 2) * 20 + Math.max(cores - 4, 0) * 10;
}

/**
 * Allocatable pod capacity of an AKS node of a VM size (`Standard_D4ds_v5`: 4 vCPUs, 16 GiB), or `undefined` when the
 * model does not know the size. It knows the sizes whose name gives the vCPU count and whose family fixes the memory
 * per vCPU: D and E from v3 on (4 and 8 GiB; the D `l` sizes, e.g. `Standard_D4pls_v5`, 2 GiB), F and Fs (v1) and
 * Fs_v2 (2 GiB). In older D sizes the number is not the vCPU count (`Standard_D3_v2` has 4 vCPUs and 14 GiB,
 * `Standard_D11_v2` 2 vCPUs and 14 GiB), so they are unknown rather than wrong.
 */
export function nodeCapacity(vmSize: string): NodeCapacity | undefined {
  const m = /^Standard_([DEF])(\d+)([a-z]*)(?:_v(\d+))?$/.exec(vmSize);
  if (!m) return undefined;
  const [, family, count, letters, version] = m;
  const v = version === undefined ? 1 : Number(version);
  if (family === 'F' ? v > 2 : v < 3) return undefined;
  const cores = Number(count);
  const perVcpu = family === 'D' && letters.includes('l') ? 2 : MEMORY_PER_VCPU[family];
  const memoryMiB = cores * perVcpu * 1024;
  const reservedMemory = Math.min(20 * MAX_PODS + 50, memoryMiB * 0.25) + 100;
  return {
    cpuMillis: cores * 1000 - reservedCpu(cores) - DAEMON_SET_OVERHEAD.cpuMillis,
    memoryMiB: Math.floor(memoryMiB - reservedMemory - DAEMON_SET_OVERHEAD.memoryMiB),
  };
}

/**
 * A simulated node: its pool, zone, free capacity and pods per group.
 * @internal
 */
export interface SimNode {
  readonly pool: NodePoolModel;
  readonly zone: string;
  cpu: number;
  memory: number;
  readonly pods: Map<string, number>;
}

/**
 * The simulated cluster: nodes per pool and zone, and the pods on them. Exported for the unit tests
 * (__tests__/unit/workloads-schedulability.test.ts), not from the package.
 * @internal
 */
export class Cluster {
  public readonly nodes: SimNode[] = [];
  private readonly capacities = new Map<string, NodeCapacity>();

  constructor(private readonly pools: readonly NodePoolModel[]) {
    for (const pool of pools) {
      this.capacities.set(pool.name, nodeCapacity(pool.vmSize) ?? { cpuMillis: Number.MAX_SAFE_INTEGER, memoryMiB: Number.MAX_SAFE_INTEGER });
      for (let i = 0; i < pool.minCount; i++) this.addNode(pool);
    }
  }

  /** A new node of the pool, in the pool's zone with the fewest nodes (scale sets balance their zones). */
  public addNode(pool: NodePoolModel): SimNode {
    const zones = pool.zones.length ? pool.zones : [''];
    const count = (zone: string) => this.nodes.filter((n) => n.pool === pool && n.zone === zone).length;
    const zone = zones.reduce((best, z) => (count(z) < count(best) ? z : best), zones[0]);
    const capacity = this.capacities.get(pool.name)!;
    const node: SimNode = { pool, zone, cpu: capacity.cpuMillis, memory: capacity.memoryMiB, pods: new Map() };
    this.nodes.push(node);
    return node;
  }

  public count(group: PodGroupModel, zone?: string): number {
    return this.nodes.filter((n) => zone === undefined || n.zone === zone).reduce((sum, n) => sum + (n.pods.get(group.name) ?? 0), 0);
  }

  /** Places one pod, scaling pools up as the autoscaler would; returns why it stays Pending, or undefined. */
  public place(group: PodGroupModel): string | undefined {
    for (;;) {
      const candidates = this.nodes.filter((n) => this.selects(group, n) && this.tolerates(group, n) && n.cpu >= group.cpuMillis && n.memory >= group.memoryMiB && this.spreadAllows(group, n.zone));
      if (candidates.length > 0) {
        // Spread first (fewest pods of the group in the zone, then on the node), then least allocated.
        candidates.sort((x, y) => this.count(group, x.zone) - this.count(group, y.zone) || (x.pods.get(group.name) ?? 0) - (y.pods.get(group.name) ?? 0) || y.cpu - x.cpu);
        const node = candidates[0];
        node.cpu -= group.cpuMillis;
        node.memory -= group.memoryMiB;
        node.pods.set(group.name, (node.pods.get(group.name) ?? 0) + 1);
        return undefined;
      }
      const pool = this.pools.find((p) => p.maxCount > this.nodes.filter((n) => n.pool === p).length && this.templateFits(group, p));
      if (!pool) return this.whyPending(group);
      this.addNode(pool);
    }
  }

  public remove(group: PodGroupModel, count: number): void {
    for (let i = 0; i < count; i++) {
      const node = this.nodes.filter((n) => (n.pods.get(group.name) ?? 0) > 0).sort((x, y) => this.count(group, y.zone) - this.count(group, x.zone))[0];
      if (!node) return;
      node.pods.set(group.name, node.pods.get(group.name)! - 1);
      node.cpu += group.cpuMillis;
      node.memory += group.memoryMiB;
    }
  }

  public layout(): { [poolZone: string]: number } {
    const out: Record<string, number> = {};
    for (const n of this.nodes) out[`${n.pool.name}/${n.zone || '-'}`] = (out[`${n.pool.name}/${n.zone || '-'}`] ?? 0) + 1;
    return out;
  }

  private selects(group: PodGroupModel, node: SimNode): boolean {
    return Object.entries(group.nodeSelector).every(([k, v]) => node.pool.labels[k] === v);
  }

  private tolerates(group: PodGroupModel, node: SimNode): boolean {
    return node.pool.taints.every((t) => (group.tolerations ?? []).includes(t));
  }

  /** The zones that count as spread domains for the group. */
  private domains(group: PodGroupModel): string[] {
    const spread = group.zoneSpread!;
    const eligible = this.nodes.filter((n) => (spread.nodeAffinityPolicy === 'Ignore' || this.selects(group, n)) && (spread.nodeTaintsPolicy === 'Ignore' || this.tolerates(group, n)));
    return [...new Set(eligible.map((n) => n.zone))];
  }

  private spreadAllows(group: PodGroupModel, zone: string): boolean {
    const spread = group.zoneSpread;
    if (!spread || spread.whenUnsatisfiable !== 'DoNotSchedule') return true;
    const domains = this.domains(group);
    if (!domains.includes(zone)) domains.push(zone);
    const minCount = Math.min(...domains.map((d) => this.count(group, d)));
    return this.count(group, zone) + 1 - minCount <= spread.maxSkew;
  }

  /** Whether the autoscaler's template (a copy of an existing node of the pool, same zone) would take the pod. */
  private templateFits(group: PodGroupModel, pool: NodePoolModel): boolean {
    const capacity = this.capacities.get(pool.name)!;
    const probe: SimNode = { pool, zone: '', cpu: capacity.cpuMillis, memory: capacity.memoryMiB, pods: new Map() };
    if (!this.selects(group, probe) || !this.tolerates(group, probe) || capacity.cpuMillis < group.cpuMillis || capacity.memoryMiB < group.memoryMiB) return false;
    const zones = [...new Set(this.nodes.filter((n) => n.pool === pool).map((n) => n.zone))];
    return zones.some((zone) => this.spreadAllows(group, zone));
  }

  private whyPending(group: PodGroupModel): string {
    const pools = this.pools.filter((p) => this.selects(group, { pool: p } as SimNode) && this.tolerates(group, { pool: p } as SimNode));
    if (pools.length === 0) return `${group.name}: no node pool matches its node selector and tolerations`;
    const roomy = pools.filter((p) => { const c = this.capacities.get(p.name)!; return c.cpuMillis >= group.cpuMillis && c.memoryMiB >= group.memoryMiB; });
    if (roomy.length === 0) {
      const c = this.capacities.get(pools[0].name)!;
      return `${group.name}: one pod requests ${group.cpuMillis}m CPU and ${group.memoryMiB} MiB, more than a node of ${pools.map((p) => p.vmSize).join(', ')} can give a pod (${c.cpuMillis}m, ${c.memoryMiB} MiB), so no number of nodes helps`;
    }
    const full = pools.every((p) => this.nodes.filter((n) => n.pool === p).length >= p.maxCount);
    const spread = group.zoneSpread?.whenUnsatisfiable === 'DoNotSchedule'
      ? ` (zone spread: ${this.domains(group).map((d) => `${d || '-'}=${this.count(group, d)}`).join(', ')})` : '';
    return full
      ? `${group.name}: every matching pool is at its maximum and no node has room${spread}`
      : `${group.name}: the only zones its spread allows have no node of a matching pool, and the autoscaler cannot place a node in a chosen zone of a multi-zone pool${spread}`;
  }
}

/** Scales each group to `target(group)` pods, one pod per group in turn (as HPAs do together). */
function scaleTo(cluster: Cluster, groups: readonly PodGroupModel[], target: (g: PodGroupModel) => number, pending: string[]): void {
  let progress = true;
  while (progress) {
    progress = false;
    for (const group of groups) {
      if (cluster.count(group) >= target(group) || pending.some((p) => p.startsWith(`${group.name}:`))) continue;
      const why = cluster.place(group);
      if (why) pending.push(why);
      else progress = true;
    }
  }
}

/** Rolls each group in turn: its surge pods must fit beside the running ones. */
function rollEach(cluster: Cluster, groups: readonly PodGroupModel[], pending: string[]): void {
  for (const group of groups) {
    let placed = 0;
    for (let i = 0; i < group.surge; i++) {
      const why = cluster.place(group);
      if (why) {
        pending.push(`${why} (rolling update surge)`);
        break;
      }
      placed++;
    }
    cluster.remove(group, placed);
  }
}

/**
 * Whether the pods fit: `minimum` (the pools at their minimum node count, every Deployment at its minimum, then a
 * rolling update of each) and `maximum` (every Deployment scaled to its maximum, the autoscaler adding nodes, then a
 * rolling update of each).
 */
export function checkSchedulability(pools: readonly NodePoolModel[], groups: readonly PodGroupModel[]): SchedulingReport {
  for (const [prop, value] of [['pools', pools], ['groups', groups]] as const) {
    if (!Array.isArray(value)) {
      throw new ValidationError({ scope: 'checkSchedulability', prop, value, problem: `expected a list, got ${describeValue(value)}`, fix: prop === 'pools' ? 'pass RegionalStamp.nodePools' : 'pass OrderWorkloads.podGroups' });
    }
  }
  const scenarios: SchedulingScenario[] = [];
  for (const [name, target] of [['minimum', (g: PodGroupModel) => g.minReplicas], ['maximum', (g: PodGroupModel) => g.maxReplicas]] as const) {
    const cluster = new Cluster(pools);
    const pending: string[] = [];
    scaleTo(cluster, groups, (g) => g.minReplicas, pending);
    if (name === 'maximum') scaleTo(cluster, groups, target, pending);
    if (pending.length === 0) rollEach(cluster, groups, pending);
    scenarios.push({ name, fits: pending.length === 0, pending, nodes: cluster.layout() });
  }
  return {
    fits: scenarios.every((s) => s.fits),
    scenarios,
    unknownVmSizes: [...new Set(pools.filter((p) => nodeCapacity(p.vmSize) === undefined).map((p) => p.vmSize))],
  };
}
