import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { Manifest, ManifestConfig } from '@cdktf/provider-kubernetes/lib/manifest';

/** What a manifest waits for (the Deployment it scales, the namespace it lives in). */
type DependsOn = NonNullable<ManifestConfig['dependsOn']>;
import { checkTimeZone } from '../core/weekly-time';
import { Checks, GUID } from '../core/validate';
import { KedaScaling, ScheduledReplicas, ServiceBusBacklog } from './order-workloads-types';

// KEDA objects of the workloads (the AKS KEDA add-on installs the CRDs and the operator): a ScaledObject per autoscaled
// slot and the TriggerAuthentication of a backlog trigger. Both are `kubernetes_manifest` resources, which the
// kubernetes provider plans against the cluster's API (the CRDs must exist at plan time): the region stack, applied
// before the `-apps` stack, turns the add-on on.

/** KEDA's API group and version of ScaledObject and TriggerAuthentication. */
export const KEDA_API_VERSION = 'keda.sh/v1alpha1';
/**
 * The annotation with which a ScaledObject takes over an existing HPA of the name in
 * `advanced.horizontalPodAutoscalerConfig.name` (KEDA 2.10 and later) instead of being refused by KEDA's admission
 * webhook ("the workload is already managed by the hpa"; kedacore/keda apis/keda/v1alpha1/scaledobject_webhook.go).
 * Terraform destroys the library's HPA in the same apply, and KEDA adopts or recreates the HPA of that name; the
 * Deployment keeps its count throughout (its replicas are ignored by Terraform once created).
 */
export const TRANSFER_HPA_OWNERSHIP = 'scaledobject.keda.sh/transfer-hpa-ownership';
/**
 * How fast the HPA KEDA manages scales (Kubernetes' defaults, written out so the scale-out arithmetic in the README's
 * "Scaling" holds): out at once by doubling or by 4 pods every 15 s, whichever adds more; in after 5 minutes below.
 */
export const SCALE_BEHAVIOR = {
  scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }] },
  scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
} as const;

/** A cron field: digits, `*`, ranges, lists and steps. */
const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;
/** A Service Bus namespace name (Azure: 6-50 letters, digits and hyphens, starting with a letter). */
const SERVICE_BUS_NAMESPACE = /^[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$/;

/** Checks the KEDA scaling of the workloads; every violation is recorded under `keda`. */
export function checkKeda(checks: Checks, keda: KedaScaling): void {
  for (const service of ['order', 'tracking'] as const) {
    const s = keda[service];
    (s?.schedules ?? []).forEach((schedule, i) => checkSchedule(checks, `keda.${service}.schedules[${i}]`, schedule));
    if (s?.backlog) {
      if (service === 'order') {
        checks.fail({ prop: 'keda.order.backlog', value: s.backlog, problem: 'the Order service consumes no subscription, so its pods would scale on a backlog they never drain', fix: 'move backlog to keda.tracking' });
      } else {
        checkBacklog(checks, 'keda.tracking.backlog', s.backlog);
      }
    }
  }
}

function checkSchedule(checks: Checks, prop: string, s: ScheduledReplicas): void {
  // KEDA reads the zone and the expressions at run time: a Terraform token is passed as it is.
  if (!Token.isUnresolved(s.timeZone)) checkTimeZone(checks, `${prop}.timeZone`, s.timeZone);
  for (const key of ['start', 'end'] as const) {
    if (Token.isUnresolved(s[key])) continue;
    const fields = s[key].trim().split(/\s+/);
    if (fields.length !== 5 || !fields.every((f) => CRON_FIELD.test(f))) {
      checks.fail({ prop: `${prop}.${key}`, value: s[key], problem: 'not a five-field cron expression (minute hour day-of-month month day-of-week)', fix: "write it like '30 16 * * 5,6'" });
    }
  }
  if (!Token.isUnresolved(s.start) && s.start.trim() === s.end.trim()) checks.fail({ prop: `${prop}.end`, value: s.end, problem: 'the floor ends when it starts, so it never applies', fix: 'give an end other than the start' });
  checks.integer(`${prop}.replicas`, s.replicas, 1, 1000, 'pods during the scheduled window');
}

function checkBacklog(checks: Checks, prop: string, b: ServiceBusBacklog): void {
  if (!Token.isUnresolved(b.namespace) && !SERVICE_BUS_NAMESPACE.test(b.namespace)) {
    checks.fail({ prop: `${prop}.namespace`, value: b.namespace, problem: 'not a Service Bus namespace name (6-50 letters, digits and hyphens; the name alone, without .servicebus.windows.net)', fix: "give the namespace's or alias's name, e.g. 'sb-orders-eastus'" });
  }
  for (const key of ['topic', 'subscription'] as const) {
    if (!Token.isUnresolved(b[key]) && b[key].trim() === '') checks.fail({ prop: `${prop}.${key}`, value: b[key], problem: 'empty', fix: `give the ${key}'s name` });
  }
  checks.integer(`${prop}.messagesPerPod`, b.messagesPerPod, 1, 100000, 'messages waiting per pod');
  if (!Token.isUnresolved(b.identityClientId) && !GUID.test(b.identityClientId)) {
    checks.fail({ prop: `${prop}.identityClientId`, value: b.identityClientId, problem: 'not a managed identity client ID (a GUID)', fix: "pass the KEDA identity's client_id (WorkloadIdentities with keda: true)" });
  }
}

/** One autoscaled slot as KEDA scales it. */
export interface ScaledSlot {
  /** The Deployment's name (also the name of the HPA KEDA manages). */
  readonly name: string;
  /** The namespace's name. */
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly min: number;
  readonly max: number;
  /** The service's minimum in an active region: a slot with a smaller range gets a proportional share of each floor. */
  readonly serviceMin: number;
  readonly cpuTarget: number;
  readonly memoryTarget?: number;
  readonly schedules: readonly ScheduledReplicas[];
  readonly backlog?: ServiceBusBacklog & { readonly authenticationName: string };
}

/** The pods a slot runs during a scheduled floor: its share of the service's floor, within its own range. */
export function slotFloor(slot: Pick<ScaledSlot, 'min' | 'max' | 'serviceMin'>, replicas: number): number {
  return Math.min(slot.max, Math.max(slot.min, Math.ceil((replicas * slot.min) / slot.serviceMin - 1e-9)));
}

/** A slot's ScaledObject: CPU (and memory), its scheduled floors and its backlog, over the HPA it adopts. */
export function scaledObject(scope: Construct, id: string, slot: ScaledSlot, dependsOn: DependsOn): Manifest {
  const triggers: object[] = [{ type: 'cpu', metricType: 'Utilization', metadata: { value: String(slot.cpuTarget) } }];
  if (slot.memoryTarget !== undefined) triggers.push({ type: 'memory', metricType: 'Utilization', metadata: { value: String(slot.memoryTarget) } });
  slot.schedules.forEach((s, i) => triggers.push({
    type: 'cron', name: `peak-${i + 1}`,
    metadata: { timezone: s.timeZone, start: s.start, end: s.end, desiredReplicas: String(slotFloor(slot, s.replicas)) },
  }));
  if (slot.backlog) {
    triggers.push({
      type: 'azure-servicebus', name: 'backlog',
      metadata: { namespace: slot.backlog.namespace, topicName: slot.backlog.topic, subscriptionName: slot.backlog.subscription, messageCount: String(slot.backlog.messagesPerPod) },
      authenticationRef: { name: slot.backlog.authenticationName },
    });
  }
  return new Manifest(scope, id, {
    manifest: {
      apiVersion: KEDA_API_VERSION,
      kind: 'ScaledObject',
      metadata: { name: slot.name, namespace: slot.namespace, labels: slot.labels, annotations: { [TRANSFER_HPA_OWNERSHIP]: 'true' } },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: slot.name },
        minReplicaCount: slot.min,
        maxReplicaCount: slot.max,
        advanced: { horizontalPodAutoscalerConfig: { name: slot.name, behavior: SCALE_BEHAVIOR } },
        triggers,
      },
    },
    dependsOn,
  });
}

/** The TriggerAuthentication a backlog trigger reads with: workload identity, as the KEDA operator, with the given identity. */
export function backlogAuthentication(scope: Construct, id: string, name: string, namespace: string, clientId: string, labels: Record<string, string>, dependsOn: DependsOn): Manifest {
  return new Manifest(scope, id, {
    manifest: {
      apiVersion: KEDA_API_VERSION,
      kind: 'TriggerAuthentication',
      metadata: { name, namespace, labels },
      spec: { podIdentity: { provider: 'azure-workload', identityId: clientId } },
    },
    dependsOn,
  });
}
