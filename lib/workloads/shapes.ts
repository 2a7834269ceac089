import { REGIONAL_INGRESS_SHAPE } from '../common/shapes';
import { PLATFORM_SERVICES } from '../core/services';
import { RegionRole } from '../core/pattern';
import { opt, shapes, strictShape } from '../core/validate';
import type { KedaScaling, OrderWorkloadsProps, ProbePaths, ResourceOptions, ScheduledReplicas, ServiceBusBacklog, ServiceKedaScaling, WorkloadConfig, WorkloadServiceOptions } from './order-workloads-types';
import { Rollout } from './rollout';
import type { IWorkloadIdentities } from './workload-identities';

// Internal: the run-time shapes of the workload props (not exported from the package).

const PROBES_SHAPE = strictShape<ProbePaths>({ readiness: opt(shapes.string()), liveness: opt(shapes.string()), startup: opt(shapes.string()) });
const RESOURCES_SHAPE = strictShape<ResourceOptions>({ cpuRequest: opt(shapes.string()), cpuLimit: opt(shapes.string()), memoryRequest: opt(shapes.string()), memoryLimit: opt(shapes.string()) });
const ROLLOUT_SHAPE = shapes.instance(() => Rollout, 'a Rollout (Rollout.rolling(), Rollout.blueGreen({...}) or Rollout.canary({...}))');
/** The shape of one service's options (also used by the platform's `workloads`). */
export const WORKLOAD_SERVICE_SHAPE = strictShape<WorkloadServiceOptions>({
  image: shapes.string(), minReplicas: opt(shapes.number()), maxReplicas: opt(shapes.number()), cpuTargetPercent: opt(shapes.number()),
  memoryTargetPercent: opt(shapes.number()), resources: opt(RESOURCES_SHAPE), containerPort: opt(shapes.number()), probes: opt(PROBES_SHAPE),
  runAsUser: opt(shapes.number()), preStopSeconds: opt(shapes.number()), terminationGracePeriodSeconds: opt(shapes.number()), rollout: opt(ROLLOUT_SHAPE),
});
const SCHEDULE_SHAPE = strictShape<ScheduledReplicas>({ timeZone: shapes.string(), start: shapes.string(), end: shapes.string(), replicas: shapes.number() });
const BACKLOG_SHAPE = strictShape<ServiceBusBacklog>({ namespace: shapes.string(), topic: shapes.string(), subscription: shapes.string(), messagesPerPod: shapes.number(), identityClientId: shapes.string() });
const SERVICE_KEDA_SHAPE = strictShape<ServiceKedaScaling>({ schedules: opt(shapes.list(SCHEDULE_SHAPE)), backlog: opt(BACKLOG_SHAPE) });
const KEDA_SHAPE = strictShape<KedaScaling>({ order: opt(SERVICE_KEDA_SHAPE), tracking: opt(SERVICE_KEDA_SHAPE) });
const SERVICE_KEYS = PLATFORM_SERVICES.map((s) => s.key);
export const ORDER_WORKLOADS_SHAPE = strictShape<OrderWorkloadsProps>({
  region: shapes.string(), role: shapes.oneOf(Object.values(RegionRole)), standby: opt(shapes.oneOf(['warm', 'pilot-light'])), standbyActive: opt(shapes.boolean()),
  standbyMinReplicas: opt(shapes.number()), namespace: opt(shapes.string()), order: WORKLOAD_SERVICE_SHAPE, tracking: WORKLOAD_SERVICE_SHAPE,
  identities: shapes.like<IWorkloadIdentities>({ clientIds: strictShape<IWorkloadIdentities['clientIds']>({ order: shapes.string(), tracking: shapes.string() }), namespace: shapes.string() }, 'WorkloadIdentities (or { clientIds, namespace })'),
  ingress: REGIONAL_INGRESS_SHAPE, publicServices: opt(shapes.list(shapes.oneOf(SERVICE_KEYS))), publicDnsLabels: opt(shapes.map(shapes.string())),
  privateEndpointsCidr: shapes.string(), config: strictShape<WorkloadConfig>({ order: shapes.map(shapes.string()), tracking: shapes.map(shapes.string()) }),
  keda: opt(KEDA_SHAPE),
});

