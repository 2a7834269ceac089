// Contract between the stamp, which describes its node pools, and the workloads' scheduling check
// (`checkSchedulability(stamp.nodePools, workloads.podGroups)`), which places pods on them.

/** The label AKS sets on every node to its pool's mode, `system` or `user`. */
export const AKS_POOL_MODE_LABEL = 'kubernetes.azure.com/mode';

/** One node pool of a cluster. */
export interface NodePoolModel {
  /** Node pool name (`system`, `user`). */
  readonly name: string;
  /** Availability zones the pool spreads over (`[]` for a non-zonal pool). */
  readonly zones: readonly string[];
  /** Nodes the autoscaler keeps at least (over all zones). */
  readonly minCount: number;
  /** Nodes the autoscaler may add up to (over all zones). */
  readonly maxCount: number;
  /** VM size of the nodes (`Standard_D4ds_v5`). */
  readonly vmSize: string;
  /** Node labels (AKS sets `kubernetes.azure.com/mode` to `system` or `user`). */
  readonly labels: { readonly [key: string]: string };
  /** NoSchedule taints, as `key=value:NoSchedule`. */
  readonly taints: readonly string[];
}
