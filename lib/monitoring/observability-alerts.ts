import type { AlertSeverity, ObservabilityAlert, ObservabilityTargets, ObservabilityThresholds } from './observability-types';

// Internal: the alert catalog of `Observability` (not exported from the package).

/** The README sections the alert descriptions point to (README.md, "Observability"). */
export const RUNBOOK_SECTIONS = {
  frontDoor: 'Runbook: Front Door',
  sql: 'Runbook: Azure SQL',
  postgresql: 'Runbook: PostgreSQL',
  cosmos: 'Runbook: Cosmos DB',
  serviceBus: 'Runbook: Service Bus',
  eventHubs: 'Runbook: Event Hubs',
  aks: 'Runbook: AKS',
  keyVault: 'Runbook: Key Vault',
  availability: 'Runbook: Availability',
} as const;

/** A README section title of {@link RUNBOOK_SECTIONS}. */
export type RunbookSection = (typeof RUNBOOK_SECTIONS)[keyof typeof RUNBOOK_SECTIONS];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens (`Runbook: AKS` -> `runbook-aks`). */
export function anchorOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/** Target maps keyed by region (the Front Door profile is global). */
export type RegionalTarget = 'postgresqlReplicaServerIds' | 'cosmosAccountIds' | 'serviceBusNamespaceIds' | 'eventHubsNamespaceIds' | 'kubernetesClusterIds' | 'keyVaultIds';

/** The alert region key of a standby target in `region` (`eastus-standby`). */
export const STANDBY_SUFFIX = '-standby';

/** A numeric threshold prop: its range and default. */
export interface ThresholdSpec {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly default: number;
}

/** Ranges and defaults of every threshold (documented on `ObservabilityThresholds`). */
export const THRESHOLDS: { readonly [K in keyof Required<ObservabilityThresholds>]: ThresholdSpec } = {
  frontDoorOriginHealthPercent: { min: 1, max: 100, integer: false, default: 80 },
  frontDoor5xxPercent: { min: 0, max: 100, integer: false, default: 5 },
  postgresqlReplicaLagSeconds: { min: 1, max: 86400, integer: true, default: 120 },
  cosmosAvailabilityPercent: { min: 1, max: 100, integer: false, default: 99.9 },
  cosmosServerSideLatencyMilliseconds: { min: 1, max: 60000, integer: false, default: 100 },
  cosmosThrottledRequests: { min: 0, max: 1000000, integer: true, default: 100 },
  cosmosReplicationLatencyMilliseconds: { min: 1, max: 600000, integer: false, default: 1000 },
  serviceBusDeadLetteredMessages: { min: 0, max: 1000000, integer: true, default: 0 },
  serviceBusServerErrors: { min: 0, max: 1000000, integer: true, default: 5 },
  serviceBusThrottledRequests: { min: 0, max: 1000000, integer: true, default: 0 },
  deliveryTrackingBacklogMessages: { min: 0, max: 10000000, integer: true, default: 1000 },
  eventHubsServerErrors: { min: 0, max: 1000000, integer: true, default: 5 },
  eventHubsThrottledRequests: { min: 0, max: 1000000, integer: true, default: 0 },
  aksPodsNotReady: { min: 0, max: 10000, integer: false, default: 0 },
  aksUnschedulablePods: { min: 0, max: 10000, integer: false, default: 0 },
  aksReadinessProbeFailures: { min: 0, max: 10000, integer: true, default: 2 },
  aksContainerRestarts: { min: 1, max: 1000, integer: true, default: 3 },
  aksHpaAtMaximumMinutes: { min: 1, max: 15, integer: true, default: 10 },
  keyVaultAvailabilityPercent: { min: 1, max: 100, integer: false, default: 99 },
};

/** What every alert has: its key, target, severity, README section and the words of its description. */
interface AlertSpecBase {
  readonly alert: ObservabilityAlert;
  /** What is measured, in words (the description starts with it, then the condition: `...: above 100 ms over 5 minutes`). */
  readonly summary: string;
  /** Unit of the threshold in the description (`'%'`, `' ms'`, `' messages'`). */
  readonly unit: string;
  readonly severity: AlertSeverity;
  readonly runbook: RunbookSection;
  /** The threshold prop, if the alert has one. */
  readonly threshold?: keyof ObservabilityThresholds;
}

/** One metric alert criterion (`azurerm_monitor_metric_alert` criteria block). */
export interface MetricAlertSpec extends AlertSpecBase {
  /** The target map, or the global Front Door profile. */
  readonly target: RegionalTarget | 'frontDoorProfileId';
  readonly namespace: string;
  readonly metric: string;
  readonly aggregation: 'Average' | 'Count' | 'Minimum' | 'Maximum' | 'Total';
  /** The operators the alerts below use (the provider accepts LessThanOrEqual too). */
  readonly operator: 'GreaterThan' | 'GreaterThanOrEqual' | 'LessThan';
  /** A fixed threshold (for alerts without a threshold prop). */
  readonly fixedThreshold?: number;
  /** Dimension filter; `values` of `undefined` take the backlog entity name. */
  readonly dimension?: { readonly name: string; readonly values?: readonly string[] };
  /**
   * Window and frequency: values the provider accepts (monitor_metric_alert_resource.go: window_size, frequency); the
   * windows are those the alerts below use (the provider accepts others too).
   */
  readonly windowSize: 'PT5M' | 'PT15M' | 'PT1H';
  readonly frequency: 'PT1M' | 'PT5M' | 'PT15M' | 'PT30M' | 'PT1H';
}

/*
 * Every metric below was checked against Microsoft's supported-metrics reference (name in REST API, aggregation,
 * dimensions, time grains):
 * - Front Door: https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-cdn-profiles-metrics
 * - PostgreSQL: https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-dbforpostgresql-flexibleservers-metrics
 * - Cosmos DB: https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-documentdb-databaseaccounts-metrics
 *   (ServiceAvailability has a one-hour time grain only, so its window is PT1H)
 * - Service Bus: https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-servicebus-namespaces-metrics
 *   (ActiveMessages and DeadletteredMessages are per queue or topic: the EntityName dimension)
 * - Event Hubs: https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-eventhub-namespaces-metrics
 *   and https://learn.microsoft.com/azure/event-hubs/monitor-event-hubs-reference (ServerErrors, ThrottledRequests)
 * - AKS: https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-containerservice-managedclusters-metrics
 *   (the status2 values NotReady/Unknown and phase values follow Azure Monitor Baseline Alerts,
 *   https://azure.github.io/azure-monitor-baseline-alerts/services/ContainerService/managedClusters/; the
 *   cluster_autoscaler_* metrics exist only on clusters with the cluster autoscaler, and have a 5-minute minimum grain)
 * - Key Vault: https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-keyvault-vaults-metrics
 * Azure SQL has no geo-replication or replica-lag metric in that reference (Microsoft.Sql/servers/databases), so no
 * SQL alert is created: see README, "Observability".
 */
export const METRIC_ALERTS: readonly MetricAlertSpec[] = [
  {
    alert: 'frontDoorOriginHealth', target: 'frontDoorProfileId', summary: 'Front Door origin health (share of successful probes) of an origin group', unit: '%',
    namespace: 'Microsoft.Cdn/profiles', metric: 'OriginHealthPercentage', aggregation: 'Average', operator: 'LessThan',
    threshold: 'frontDoorOriginHealthPercent', dimension: { name: 'OriginGroup', values: ['*'] }, severity: 1, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.frontDoor,
  },
  {
    alert: 'frontDoor5xx', target: 'frontDoorProfileId', summary: 'Front Door share of client requests answered 5xx', unit: '%',
    namespace: 'Microsoft.Cdn/profiles', metric: 'Percentage5XX', aggregation: 'Average', operator: 'GreaterThan',
    threshold: 'frontDoor5xxPercent', severity: 1, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.frontDoor,
  },
  {
    alert: 'postgresqlReplicaLag', target: 'postgresqlReplicaServerIds', summary: 'PostgreSQL read replica lag', unit: ' seconds',
    namespace: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'physical_replication_delay_in_seconds', aggregation: 'Maximum', operator: 'GreaterThan',
    threshold: 'postgresqlReplicaLagSeconds', severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.postgresql,
  },
  {
    alert: 'cosmosAvailability', target: 'cosmosAccountIds', summary: 'Cosmos DB account request availability', unit: '%',
    namespace: 'Microsoft.DocumentDB/databaseAccounts', metric: 'ServiceAvailability', aggregation: 'Average', operator: 'LessThan',
    threshold: 'cosmosAvailabilityPercent', severity: 1, windowSize: 'PT1H', frequency: 'PT1H', runbook: RUNBOOK_SECTIONS.cosmos,
  },
  {
    alert: 'cosmosServerSideLatency', target: 'cosmosAccountIds', summary: 'Cosmos DB average server-side latency', unit: ' ms',
    namespace: 'Microsoft.DocumentDB/databaseAccounts', metric: 'ServerSideLatency', aggregation: 'Average', operator: 'GreaterThan',
    threshold: 'cosmosServerSideLatencyMilliseconds', severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.cosmos,
  },
  {
    alert: 'cosmosThrottledRequests', target: 'cosmosAccountIds', summary: 'Cosmos DB requests throttled (HTTP 429)', unit: ' requests',
    namespace: 'Microsoft.DocumentDB/databaseAccounts', metric: 'TotalRequests', aggregation: 'Count', operator: 'GreaterThan',
    threshold: 'cosmosThrottledRequests', dimension: { name: 'StatusCode', values: ['429'] }, severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.cosmos,
  },
  {
    alert: 'cosmosReplicationLatency', target: 'cosmosAccountIds', summary: 'Cosmos DB P99 replication latency between regions', unit: ' ms',
    namespace: 'Microsoft.DocumentDB/databaseAccounts', metric: 'ReplicationLatency', aggregation: 'Maximum', operator: 'GreaterThan',
    threshold: 'cosmosReplicationLatencyMilliseconds', severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.cosmos,
  },
  {
    alert: 'serviceBusDeadLettered', target: 'serviceBusNamespaceIds', summary: 'Service Bus dead-lettered messages in a queue or topic', unit: ' messages',
    namespace: 'Microsoft.ServiceBus/namespaces', metric: 'DeadletteredMessages', aggregation: 'Maximum', operator: 'GreaterThan',
    threshold: 'serviceBusDeadLetteredMessages', dimension: { name: 'EntityName', values: ['*'] }, severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.serviceBus,
  },
  {
    alert: 'serviceBusServerErrors', target: 'serviceBusNamespaceIds', summary: 'Service Bus server errors', unit: ' errors',
    namespace: 'Microsoft.ServiceBus/namespaces', metric: 'ServerErrors', aggregation: 'Total', operator: 'GreaterThan',
    threshold: 'serviceBusServerErrors', severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.serviceBus,
  },
  {
    alert: 'serviceBusThrottledRequests', target: 'serviceBusNamespaceIds', summary: 'Service Bus throttled requests', unit: ' requests',
    namespace: 'Microsoft.ServiceBus/namespaces', metric: 'ThrottledRequests', aggregation: 'Total', operator: 'GreaterThan',
    threshold: 'serviceBusThrottledRequests', severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.serviceBus,
  },
  {
    alert: 'deliveryTrackingBacklog', target: 'serviceBusNamespaceIds', summary: 'delivery-tracking backlog (active messages of its topic)', unit: ' messages',
    namespace: 'Microsoft.ServiceBus/namespaces', metric: 'ActiveMessages', aggregation: 'Maximum', operator: 'GreaterThan',
    threshold: 'deliveryTrackingBacklogMessages', dimension: { name: 'EntityName' }, severity: 2, windowSize: 'PT15M', frequency: 'PT5M', runbook: RUNBOOK_SECTIONS.serviceBus,
  },
  {
    alert: 'eventHubsServerErrors', target: 'eventHubsNamespaceIds', summary: 'Event Hubs server errors', unit: ' errors',
    namespace: 'Microsoft.EventHub/namespaces', metric: 'ServerErrors', aggregation: 'Total', operator: 'GreaterThan',
    threshold: 'eventHubsServerErrors', severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.eventHubs,
  },
  {
    alert: 'eventHubsThrottledRequests', target: 'eventHubsNamespaceIds', summary: 'Event Hubs throttled requests (throughput or processing units exhausted)', unit: ' requests',
    namespace: 'Microsoft.EventHub/namespaces', metric: 'ThrottledRequests', aggregation: 'Total', operator: 'GreaterThan',
    threshold: 'eventHubsThrottledRequests', severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.eventHubs,
  },
  {
    alert: 'aksNodesNotReady', target: 'kubernetesClusterIds', summary: 'AKS nodes NotReady or Unknown', unit: '',
    namespace: 'Microsoft.ContainerService/managedClusters', metric: 'kube_node_status_condition', aggregation: 'Total', operator: 'GreaterThan',
    fixedThreshold: 0, dimension: { name: 'status2', values: ['NotReady', 'Unknown'] }, severity: 1, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.aks,
  },
  {
    alert: 'aksPodsNotReady', target: 'kubernetesClusterIds', summary: 'AKS pods Pending, Failed or Unknown (average count)', unit: ' pods',
    namespace: 'Microsoft.ContainerService/managedClusters', metric: 'kube_pod_status_phase', aggregation: 'Average', operator: 'GreaterThan',
    threshold: 'aksPodsNotReady', dimension: { name: 'phase', values: ['Pending', 'Failed', 'Unknown'] }, severity: 2, windowSize: 'PT15M', frequency: 'PT5M', runbook: RUNBOOK_SECTIONS.aks,
  },
  {
    // Pods the scheduler cannot place and the cluster autoscaler has not placed by adding nodes: a pool at its maximum
    // node count, a vCPU quota or a VM size out of capacity in the region (the cluster still counts as safe to scale).
    alert: 'aksUnschedulablePods', target: 'kubernetesClusterIds', summary: 'AKS pods the cluster autoscaler cannot schedule (average count)', unit: ' pods',
    namespace: 'Microsoft.ContainerService/managedClusters', metric: 'cluster_autoscaler_unschedulable_pods_count', aggregation: 'Average', operator: 'GreaterThan',
    threshold: 'aksUnschedulablePods', severity: 2, windowSize: 'PT15M', frequency: 'PT5M', runbook: RUNBOOK_SECTIONS.aks,
  },
  {
    // Below 1 when the autoscaler will not act on the cluster at all (too many unready nodes), not when it is short of nodes.
    alert: 'aksAutoscalerUnableToScale', target: 'kubernetesClusterIds', summary: 'AKS cluster autoscaler halted (cluster not safe to autoscale)', unit: '',
    namespace: 'Microsoft.ContainerService/managedClusters', metric: 'cluster_autoscaler_cluster_safe_to_autoscale', aggregation: 'Average', operator: 'LessThan',
    fixedThreshold: 1, severity: 2, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.aks,
  },
  {
    alert: 'keyVaultAvailability', target: 'keyVaultIds', summary: 'Key Vault request availability', unit: '%',
    namespace: 'Microsoft.KeyVault/vaults', metric: 'Availability', aggregation: 'Average', operator: 'LessThan',
    threshold: 'keyVaultAvailabilityPercent', severity: 1, windowSize: 'PT5M', frequency: 'PT1M', runbook: RUNBOOK_SECTIONS.keyVault,
  },
];

/** One log alert (`azurerm_monitor_scheduled_query_rules_alert_v2`) over Container Insights tables in the region's workspace. */
export interface LogAlertSpec extends AlertSpecBase {
  readonly threshold: keyof ObservabilityThresholds;
  readonly operator: 'GreaterThan' | 'GreaterThanOrEqual';
  /** The KQL, for one cluster (`clusterId`: its resource ID, a literal or a Terraform token). */
  readonly query: (clusterId: string) => string;
  /** Columns the alert splits by (one alert per value). */
  readonly dimensions: readonly string[];
  /** Values the provider accepts (monitor_scheduled_query_rules_alert_v2_resource.go: window_duration, evaluation_frequency). */
  readonly windowDuration: 'PT15M';
  readonly evaluationFrequency: 'PT5M';
}

/** A KQL string literal: quotes and backslashes escaped with a backslash. */
function kqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/*
 * The Container Insights tables the log alerts query (collected by the stamp's data collection rule stream
 * Microsoft-ContainerInsights-Group-Default):
 * - KubePodInventory (ClusterId, Namespace, Name, ContainerName, ContainerRestartCount):
 *   https://learn.microsoft.com/azure/azure-monitor/reference/tables/kubepodinventory
 * - InsightsMetrics, metric kube_hpa_status_current_replicas with tags hpa, k8sNamespace, spec_max_replicas and
 *   container.azm.ms/clusterId, sampled every 60 seconds:
 *   https://learn.microsoft.com/azure/azure-monitor/containers/container-insights-deployment-hpa-metrics
 * - KubeEvents (ClusterId, ObjectKind, Namespace, Name, Reason, Message), the cluster's Warning events: the kubelet's
 *   `Unhealthy` event says `Readiness probe failed: ...`:
 *   https://learn.microsoft.com/azure/azure-monitor/reference/tables/kubeevents
 * AKS has no platform metric for container restarts, for an HPA at its maximum or for a pod failing its readiness probe
 * (its kube_pod_status_ready counts ready pods per namespace and pod, with no condition to select the unready ones).
 */
export const LOG_ALERTS: readonly LogAlertSpec[] = [
  {
    alert: 'aksContainerRestarts', summary: 'AKS container restarts of a pod', unit: ' restarts',
    threshold: 'aksContainerRestarts', operator: 'GreaterThan', severity: 2, runbook: RUNBOOK_SECTIONS.aks,
    windowDuration: 'PT15M', evaluationFrequency: 'PT5M', dimensions: ['Namespace', 'Name'],
    query: (clusterId) => [
      'KubePodInventory',
      `| where ClusterId =~ ${kqlString(clusterId)}`,
      '| summarize Restarts = max(ContainerRestartCount) - min(ContainerRestartCount) by Namespace, Name, ContainerName',
      '| summarize AggregatedValue = max(Restarts) by Namespace, Name',
    ].join('\n'),
  },
  {
    // A pod that runs but fails its readiness probe leaves its Service's endpoints: the phase alert does not see it.
    alert: 'aksReadinessProbeFailures', summary: 'AKS readiness probe failures of a pod', unit: ' failures',
    threshold: 'aksReadinessProbeFailures', operator: 'GreaterThan', severity: 2, runbook: RUNBOOK_SECTIONS.aks,
    windowDuration: 'PT15M', evaluationFrequency: 'PT5M', dimensions: ['Namespace', 'Name'],
    query: (clusterId) => [
      'KubeEvents',
      `| where ClusterId =~ ${kqlString(clusterId)}`,
      "| where ObjectKind == 'Pod' and Reason == 'Unhealthy' and Message startswith 'Readiness probe failed'",
      '| summarize AggregatedValue = count() by Namespace, Name',
    ].join('\n'),
  },
  {
    alert: 'aksHpaAtMaximum', summary: 'AKS horizontal pod autoscaler at its maximum replicas', unit: ' minutes',
    threshold: 'aksHpaAtMaximumMinutes', operator: 'GreaterThanOrEqual', severity: 2, runbook: RUNBOOK_SECTIONS.aks,
    windowDuration: 'PT15M', evaluationFrequency: 'PT5M', dimensions: ['K8sNamespace', 'Hpa'],
    query: (clusterId) => [
      'InsightsMetrics',
      "| where Name == 'kube_hpa_status_current_replicas'",
      '| extend T = parse_json(Tags)',
      `| where tostring(T['container.azm.ms/clusterId']) =~ ${kqlString(clusterId)}`,
      '| extend Hpa = tostring(T.hpa), K8sNamespace = tostring(T.k8sNamespace), MaxReplicas = toreal(T.spec_max_replicas)',
      '| summarize AggregatedValue = countif(Val >= MaxReplicas) by K8sNamespace, Hpa',
    ].join('\n'),
  },
];

/** The target each kind of resource ID must point to: resource type in the ID, for "scope on the right resource" checks. */
export const TARGET_TYPES: { readonly [K in keyof Required<ObservabilityTargets>]?: { readonly type: string; readonly label: string } } = {
  frontDoorProfileId: { type: 'Microsoft.Cdn/profiles', label: 'a Front Door profile' },
  postgresqlReplicaServerIds: { type: 'Microsoft.DBforPostgreSQL/flexibleServers', label: 'a PostgreSQL flexible server' },
  cosmosAccountIds: { type: 'Microsoft.DocumentDB/databaseAccounts', label: 'a Cosmos DB account' },
  serviceBusNamespaceIds: { type: 'Microsoft.ServiceBus/namespaces', label: 'a Service Bus namespace' },
  eventHubsNamespaceIds: { type: 'Microsoft.EventHub/namespaces', label: 'an Event Hubs namespace' },
  kubernetesClusterIds: { type: 'Microsoft.ContainerService/managedClusters', label: 'an AKS cluster' },
  keyVaultIds: { type: 'Microsoft.KeyVault/vaults', label: 'a Key Vault' },
  sqlFailoverGroupIds: { type: 'Microsoft.Sql/servers/<server>/failoverGroups', label: 'an Azure SQL failover group' },
  logAnalyticsWorkspaceIds: { type: 'Microsoft.OperationalInsights/workspaces', label: 'a Log Analytics workspace' },
};

/** An activity log alert: an administrative operation on the target succeeded. */
export interface ActivityLogAlertSpec {
  readonly alert: 'sqlFailover' | 'sqlForcedFailover';
  readonly summary: string;
  /** The operation (Azure resource provider operations, Microsoft.Sql). */
  readonly operation: string;
  readonly runbook: RunbookSection;
}

/**
 * SQL failover-group failovers, from the activity log (category Administrative, status Succeeded). The operations are
 * Microsoft.Sql's (https://learn.microsoft.com/azure/role-based-access-control/resource-provider-operations#microsoftsql):
 * `failoverGroups/failover/action` (planned, no data loss) and `failoverGroups/forceFailoverAllowDataLoss/action`.
 */
export const ACTIVITY_LOG_ALERTS: readonly ActivityLogAlertSpec[] = [
  { alert: 'sqlFailover', summary: 'Azure SQL failover group failed over (planned, no data loss)', operation: 'Microsoft.Sql/servers/failoverGroups/failover/action', runbook: RUNBOOK_SECTIONS.sql },
  { alert: 'sqlForcedFailover', summary: 'Azure SQL failover group forced over (data loss possible)', operation: 'Microsoft.Sql/servers/failoverGroups/forceFailoverAllowDataLoss/action', runbook: RUNBOOK_SECTIONS.sql },
];
