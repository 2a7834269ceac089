import type { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import type { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import type { HorizontalPodAutoscalerV2 } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import type { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import type { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import type { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import type { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import type { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { RegionRole, StandbyMode } from '../core/pattern';
import { ServiceKey } from '../core/services';
import { RegionalIngress } from '../common/regional-ingress';
import type { SlotId } from './release-slots';
import { Rollout } from './rollout';
import type { IWorkloadIdentities } from './workload-identities';

// The props of OrderWorkloads, apart from the construct so that the props' run-time shape (shapes.ts) can name them
// without importing it.

/** Probe paths of a service (must be distinct). */
export interface ProbePaths {
  /** Readiness probe path (Front Door and Traffic Manager probe it too). @default '/healthz/ready' */
  readonly readiness?: string;
  /** Liveness probe path (never checks dependencies). @default '/healthz/live' */
  readonly liveness?: string;
  /** Startup probe path. @default '/healthz/startup' */
  readonly startup?: string;
}

/** CPU and memory requests and limits (Kubernetes quantities). */
export interface ResourceOptions {
  /** CPU request. @default '250m' */
  readonly cpuRequest?: string;
  /** CPU limit. @default '1' */
  readonly cpuLimit?: string;
  /** Memory request. @default '256Mi' */
  readonly memoryRequest?: string;
  /** Memory limit. @default '512Mi' */
  readonly memoryLimit?: string;
}

/** Settings of one service's workload. */
export interface WorkloadServiceOptions {
  /**
   * Container image pinned by tag or digest (`registry/order-api:1.4.2` or `...@sha256:...`); `latest` is rejected. A
   * Terraform token (e.g. a tag from a data source) is accepted as is.
   */
  readonly image: string;
  /** Minimum replicas on an active region (2 or more). @default 2 */
  readonly minReplicas?: number;
  /** Maximum replicas (HPA). @default 10 */
  readonly maxReplicas?: number;
  /** HPA target CPU utilisation in percent (1-100). @default 70 */
  readonly cpuTargetPercent?: number;
  /**
   * Target memory utilisation in percent (1-100), a second scaling signal beside CPU. Managed runtimes (JVM, .NET,
   * Node.js) grow their heap towards the limit and rarely give it back, so a memory target holds them at the maximum:
   * set it only for a service whose memory follows its load.
   * @default - none: CPU only
   */
  readonly memoryTargetPercent?: number;
  /** CPU and memory requests and limits. @default - 250m / 1 CPU, 256Mi / 512Mi memory */
  readonly resources?: ResourceOptions;
  /** HTTPS port the container listens on. @default 8443 */
  readonly containerPort?: number;
  /** Probe paths. @default - the health endpoint contract (`/healthz/ready`, `/healthz/live`, `/healthz/startup`) */
  readonly probes?: ProbePaths;
  /** Non-root UID the container runs as (above 10000). @default 10001 */
  readonly runAsUser?: number;
  /**
   * Seconds the preStop hook waits so load balancers stop sending before the process gets SIGTERM (Azure's load balancer
   * drops a node after two failed 5 s probes of its health-check port).
   * @default 15
   */
  readonly preStopSeconds?: number;
  /** Grace period for in-flight requests after SIGTERM (more than preStopSeconds). @default 45 */
  readonly terminationGracePeriodSeconds?: number;
  /** Release strategy. @default Rollout.rolling() */
  readonly rollout?: Rollout;
}

/** Configuration each region's services receive (from the data tier), as plain values or tokens. */
export interface WorkloadConfig {
  /** Environment variables of the Order service (non-secret: endpoints, names, region role). */
  readonly order: { readonly [name: string]: string };
  /** Environment variables of the Delivery-tracking service. */
  readonly tracking: { readonly [name: string]: string };
}

/** Props of {@link OrderWorkloads}. */
export interface OrderWorkloadsProps {
  /** Region of the cluster. */
  readonly region: string;
  /** Region role (a passive region runs as its standby mode says, unless `standbyActive`). */
  readonly role: RegionRole;
  /** Standby mode of a passive region (only with `role: RegionRole.PASSIVE`). @default 'warm' */
  readonly standby?: StandbyMode;
  /**
   * Run the passive region at active size: during a failover (or a drill), so it carries the whole load. A pilot-light
   * region then gets its Deployments. Only with `role: RegionRole.PASSIVE`.
   * @default false
   */
  readonly standbyActive?: boolean;
  /** Minimum replicas of a warm standby region (scales out on failover). @default 1 */
  readonly standbyMinReplicas?: number;
  /** Namespace the workloads get (created here; not `default` or a system namespace). @default 'orders' */
  readonly namespace?: string;
  /** The Order service. */
  readonly order: WorkloadServiceOptions;
  /** The Delivery-tracking service. */
  readonly tracking: WorkloadServiceOptions;
  /**
   * The services' managed identities (`WorkloadIdentities`, or their client IDs and the namespace they trust): the
   * service accounts carry the client IDs, and the namespace must be the one the identities are federated with.
   */
  readonly identities: IWorkloadIdentities;
  /** The stamp's ingress (`RegionalStamp.ingress`: fixed load-balancer addresses, Private Link Service names, subnet). */
  readonly ingress: RegionalIngress;
  /** Services exposed on a public load balancer (Traffic Manager endpoints) instead of internal + Private Link. @default - none */
  readonly publicServices?: ServiceKey[];
  /** DNS labels of public load balancers (`<label>.<region>.cloudapp.azure.com`), by public service. @default - none */
  readonly publicDnsLabels?: { readonly [service: string]: string };
  /** CIDR of the stamp's private-endpoint subnet (database, Cosmos DB and Service Bus egress). */
  readonly privateEndpointsCidr: string;
  /** Per-service environment. */
  readonly config: WorkloadConfig;
  /**
   * KEDA scaling (the AKS add-on: `KubernetesOptions.keda`): a KEDA ScaledObject replaces each autoscaled slot's HPA,
   * with the CPU (and memory) target plus scheduled peak floors and, for the Delivery-tracking consumer, its Service Bus
   * backlog. The ScaledObject adopts the slot's HPA by name, so switching neither drops pods nor replaces a Deployment.
   * @default - plain HPAs on CPU (and memory)
   */
  readonly keda?: KedaScaling;
}

/** A scheduled floor of a service's replicas: a KEDA cron trigger. */
export interface ScheduledReplicas {
  /** IANA time zone of `start` and `end`, e.g. `'America/New_York'`. */
  readonly timeZone: string;
  /** Cron expression (minute hour day-of-month month day-of-week) at which the floor starts, e.g. `'30 16 * * 5,6'`. */
  readonly start: string;
  /** Cron expression at which the floor ends. */
  readonly end: string;
  /** Pods the service runs at least between start and end (capped at the slot's maximum). */
  readonly replicas: number;
}

/** Scaling a consumer on its Service Bus subscription's backlog: a KEDA `azure-servicebus` trigger with workload identity. */
export interface ServiceBusBacklog {
  /** The Service Bus namespace's name (or its geo-DR alias), without `.servicebus.windows.net`. */
  readonly namespace: string;
  /** The topic. */
  readonly topic: string;
  /** The subscription whose active messages count. */
  readonly subscription: string;
  /** Messages waiting per pod before KEDA adds one. */
  readonly messagesPerPod: number;
  /**
   * Client ID of the managed identity KEDA reads the backlog with: federated with the KEDA operator's service account
   * (`system:serviceaccount:kube-system:keda-operator`) and holding Azure Service Bus Data Owner on the subscription
   * (`WorkloadIdentities` with `keda: true`, `EventBus.grantBacklogRead`).
   */
  readonly identityClientId: string;
}

/** KEDA scaling of one service. */
export interface ServiceKedaScaling {
  /** Scheduled peak floors. @default - none */
  readonly schedules?: ScheduledReplicas[];
  /** Backlog scaling (the Delivery-tracking consumer only). @default - none */
  readonly backlog?: ServiceBusBacklog;
}

/** KEDA scaling of the services (see {@link OrderWorkloadsProps.keda}). */
export interface KedaScaling {
  /** The Order service. @default - CPU (and memory) only */
  readonly order?: ServiceKedaScaling;
  /** The Delivery-tracking service. @default - CPU (and memory) only */
  readonly tracking?: ServiceKedaScaling;
}

/** The Deployment of one release slot and, when the slot autoscales, its HorizontalPodAutoscaler. */
export interface OrderSlotResources {
  /** The slot: `a` (Deployment `<service>`) or `b` (`<service>-b`). */
  readonly slot: SlotId;
  /** The slot's Deployment. */
  readonly deployment: DeploymentV1;
  /** The slot's HPA, when it autoscales without KEDA (a serving slot; an idle or standby slot runs a fixed count). */
  readonly autoscaler?: HorizontalPodAutoscalerV2;
  /** The slot's KEDA ScaledObject (a `kubernetes_manifest`), when it autoscales with `keda`. */
  readonly scaledObject?: Manifest;
}

/** The Kubernetes objects of one service of {@link OrderWorkloads}. */
export interface OrderServiceResources {
  /** The workload-identity service account. */
  readonly serviceAccount: ServiceAccountV1;
  /** The ConfigMap of the service's environment (its hash rolls the pods when it changes). */
  readonly config: ConfigMapV1;
  /** The Deployment (and autoscaler) of every release slot that exists, in slot order; none in a pilot-light region. */
  readonly deployments: readonly OrderSlotResources[];
  /** The PodDisruptionBudget, when any slot exists. */
  readonly disruptionBudget?: PodDisruptionBudgetV1;
  /** The LoadBalancer Service the global entry reaches. */
  readonly service: ServiceV1;
  /** The `<service>-preview` ClusterIP Service of a blue-green release's idle colour. */
  readonly previewService?: ServiceV1;
  /** The service's NetworkPolicy. */
  readonly networkPolicy: NetworkPolicyV1;
  /** The KEDA TriggerAuthentication (workload identity) the backlog trigger reads with, when the service has one. */
  readonly backlogAuthentication?: Manifest;
}
