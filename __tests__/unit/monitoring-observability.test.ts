import { readFileSync } from 'fs';
import { join } from 'path';
import { Lazy } from 'cdktf';
import { pathHash } from '../../lib/core/naming';
import { ValidationError } from '../../lib/core/errors';
import { Observability } from '../../lib/monitoring/observability';
import { anchorOf, LOG_ALERTS, METRIC_ALERTS, RUNBOOK_SECTIONS, THRESHOLDS } from '../../lib/monitoring/observability-alerts';
import type { ObservabilityProps } from '../../lib/monitoring/observability-types';
import { all, only, StackJson, synthStack, testStack } from '../support/synth';
import { azureId, SUB } from '../support/observability';

/** lib/monitoring/observability.ts: each test builds (and at most synthesizes) one small stack. */

const id = azureId;
const FRONT_DOOR = id('rg-global', 'Microsoft.Cdn/profiles', 'afd-shop');
const PG = id('rg-eastus', 'Microsoft.DBforPostgreSQL/flexibleServers', 'psql-replica');
const COSMOS = id('rg-westus3', 'Microsoft.DocumentDB/databaseAccounts', 'cosmos-shop');
const BUS = id('rg-westus3', 'Microsoft.ServiceBus/namespaces', 'sb-shop');
const AKS = id('rg-westus3', 'Microsoft.ContainerService/managedClusters', 'aks-shop');
const KV = id('rg-westus3', 'Microsoft.KeyVault/vaults', 'kv-shop');
const LOG = id('rg-westus3', 'Microsoft.OperationalInsights/workspaces', 'log-shop');
const EXISTING_AG = `${SUB}/rg-ops/providers/Microsoft.Insights/actionGroups/ops`;
const AG_REF = expect.stringMatching(/^\$\{azurerm_monitor_action_group\.Obs_ActionGroup_[0-9A-F]{8}\.id\}$/);

const PROPS: ObservabilityProps = {
  prefix: 'shop', resourceGroupName: 'rg-monitoring',
  contacts: { emails: ['oncall@contoso.com'] },
  targets: {
    frontDoorProfileId: FRONT_DOOR,
    postgresqlReplicaServerIds: { westus3: { eastus: PG } },
    cosmosAccountIds: { westus3: COSMOS },
    serviceBusNamespaceIds: { westus3: BUS },
    kubernetesClusterIds: { westus3: AKS },
    keyVaultIds: { westus3: KV },
    logAnalyticsWorkspaceIds: { westus3: LOG },
  },
};

function synth(props: Partial<ObservabilityProps> = {}): { json: StackJson; obs: Observability } {
  const stack = testStack();
  const obs = new Observability(stack, 'Obs', { ...PROPS, ...props });
  return { json: synthStack(stack), obs };
}

/** [construct path, prop, value, problem, fix] of every violation the props raise. */
function violations(props: Record<string, unknown>): unknown[][] {
  try {
    new Observability(testStack(), 'Obs', { ...PROPS, ...props } as ObservabilityProps);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.constructPath, v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

/** The synthesized metric alert whose name contains `<alert kebab>-<region>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function alertNamed(json: StackJson, type: string, fragment: string): any {
  const found = Object.values(all(json, type)).filter((a) => (a.name as string).includes(`-${fragment}-`));
  expect(found).toHaveLength(1);
  return found[0];
}

// [alert, name fragment, scope, namespace, metric, aggregation, operator, threshold, dimension, severity, window, frequency]
const METRIC_TABLE: [string, string, string, string, string, string, string, number, unknown, number, string, string][] = [
  ['frontDoorOriginHealth', 'front-door-origin-health-global', FRONT_DOOR, 'Microsoft.Cdn/profiles', 'OriginHealthPercentage', 'Average', 'LessThan', 80, [{ name: 'OriginGroup', operator: 'Include', values: ['*'] }], 1, 'PT5M', 'PT1M'],
  ['frontDoor5xx', 'front-door-5xx-global', FRONT_DOOR, 'Microsoft.Cdn/profiles', 'Percentage5XX', 'Average', 'GreaterThan', 5, undefined, 1, 'PT5M', 'PT1M'],
  ['postgresqlReplicaLag', 'postgresql-replica-lag-westus3-replica-eastus', PG, 'Microsoft.DBforPostgreSQL/flexibleServers', 'physical_replication_delay_in_seconds', 'Maximum', 'GreaterThan', 120, undefined, 2, 'PT5M', 'PT1M'],
  ['cosmosAvailability', 'cosmos-availability-westus3', COSMOS, 'Microsoft.DocumentDB/databaseAccounts', 'ServiceAvailability', 'Average', 'LessThan', 99.9, undefined, 1, 'PT1H', 'PT1H'],
  ['cosmosServerSideLatency', 'cosmos-server-side-latency-westus3', COSMOS, 'Microsoft.DocumentDB/databaseAccounts', 'ServerSideLatency', 'Average', 'GreaterThan', 100, undefined, 2, 'PT5M', 'PT1M'],
  ['cosmosThrottledRequests', 'cosmos-throttled-requests-westus3', COSMOS, 'Microsoft.DocumentDB/databaseAccounts', 'TotalRequests', 'Count', 'GreaterThan', 100, [{ name: 'StatusCode', operator: 'Include', values: ['429'] }], 2, 'PT5M', 'PT1M'],
  ['cosmosReplicationLatency', 'cosmos-replication-latency-westus3', COSMOS, 'Microsoft.DocumentDB/databaseAccounts', 'ReplicationLatency', 'Maximum', 'GreaterThan', 1000, undefined, 2, 'PT5M', 'PT1M'],
  ['serviceBusDeadLettered', 'service-bus-dead-lettered-westus3', BUS, 'Microsoft.ServiceBus/namespaces', 'DeadletteredMessages', 'Maximum', 'GreaterThan', 0, [{ name: 'EntityName', operator: 'Include', values: ['*'] }], 2, 'PT5M', 'PT1M'],
  ['serviceBusServerErrors', 'service-bus-server-errors-westus3', BUS, 'Microsoft.ServiceBus/namespaces', 'ServerErrors', 'Total', 'GreaterThan', 5, undefined, 2, 'PT5M', 'PT1M'],
  ['serviceBusThrottledRequests', 'service-bus-throttled-requests-westus3', BUS, 'Microsoft.ServiceBus/namespaces', 'ThrottledRequests', 'Total', 'GreaterThan', 0, undefined, 2, 'PT5M', 'PT1M'],
  ['deliveryTrackingBacklog', 'delivery-tracking-backlog-westus3', BUS, 'Microsoft.ServiceBus/namespaces', 'ActiveMessages', 'Maximum', 'GreaterThan', 1000, [{ name: 'EntityName', operator: 'Include', values: ['order-events'] }], 2, 'PT15M', 'PT5M'],
  ['aksNodesNotReady', 'aks-nodes-not-ready-westus3', AKS, 'Microsoft.ContainerService/managedClusters', 'kube_node_status_condition', 'Total', 'GreaterThan', 0, [{ name: 'status2', operator: 'Include', values: ['NotReady', 'Unknown'] }], 1, 'PT5M', 'PT1M'],
  ['aksPodsNotReady', 'aks-pods-not-ready-westus3', AKS, 'Microsoft.ContainerService/managedClusters', 'kube_pod_status_phase', 'Average', 'GreaterThan', 0, [{ name: 'phase', operator: 'Include', values: ['Pending', 'Failed', 'Unknown'] }], 2, 'PT15M', 'PT5M'],
  ['aksUnschedulablePods', 'aks-unschedulable-pods-westus3', AKS, 'Microsoft.ContainerService/managedClusters', 'cluster_autoscaler_unschedulable_pods_count', 'Average', 'GreaterThan', 0, undefined, 2, 'PT15M', 'PT5M'],
  ['aksAutoscalerUnableToScale', 'aks-autoscaler-unable-to-scale-westus3', AKS, 'Microsoft.ContainerService/managedClusters', 'cluster_autoscaler_cluster_safe_to_autoscale', 'Average', 'LessThan', 1, undefined, 2, 'PT5M', 'PT1M'],
  ['keyVaultAvailability', 'key-vault-availability-westus3', KV, 'Microsoft.KeyVault/vaults', 'Availability', 'Average', 'LessThan', 99, undefined, 1, 'PT5M', 'PT1M'],
];

const readme = (section: string) => `Runbook: README section "Runbook: ${section}"`;
/** Each alert's description with the default thresholds and no runbookUrl. */
const DESCRIPTIONS: Record<string, string> = {
  frontDoorOriginHealth: `Front Door origin health (share of successful probes) of an origin group: below 80% over 5 minutes. ${readme('Front Door')}`,
  frontDoor5xx: `Front Door share of client requests answered 5xx: above 5% over 5 minutes. ${readme('Front Door')}`,
  postgresqlReplicaLag: `PostgreSQL read replica lag: above 120 seconds over 5 minutes. ${readme('PostgreSQL')}`,
  cosmosAvailability: `Cosmos DB account request availability: below 99.9% over 1 hour. ${readme('Cosmos DB')}`,
  cosmosServerSideLatency: `Cosmos DB average server-side latency: above 100 ms over 5 minutes. ${readme('Cosmos DB')}`,
  cosmosThrottledRequests: `Cosmos DB requests throttled (HTTP 429): above 100 requests over 5 minutes. ${readme('Cosmos DB')}`,
  cosmosReplicationLatency: `Cosmos DB P99 replication latency between regions: above 1000 ms over 5 minutes. ${readme('Cosmos DB')}`,
  serviceBusDeadLettered: `Service Bus dead-lettered messages in a queue or topic: above 0 messages over 5 minutes. ${readme('Service Bus')}`,
  serviceBusServerErrors: `Service Bus server errors: above 5 errors over 5 minutes. ${readme('Service Bus')}`,
  serviceBusThrottledRequests: `Service Bus throttled requests: above 0 requests over 5 minutes. ${readme('Service Bus')}`,
  deliveryTrackingBacklog: `delivery-tracking backlog (active messages of its topic): above 1000 messages over 15 minutes. ${readme('Service Bus')}`,
  aksNodesNotReady: `AKS nodes NotReady or Unknown: above 0 over 5 minutes. ${readme('AKS')}`,
  aksPodsNotReady: `AKS pods Pending, Failed or Unknown (average count): above 0 pods over 15 minutes. ${readme('AKS')}`,
  aksUnschedulablePods: `AKS pods the cluster autoscaler cannot schedule (average count): above 0 pods over 15 minutes. ${readme('AKS')}`,
  aksAutoscalerUnableToScale: `AKS cluster autoscaler halted (cluster not safe to autoscale): below 1 over 5 minutes. ${readme('AKS')}`,
  keyVaultAvailability: `Key Vault request availability: below 99% over 5 minutes. ${readme('Key Vault')}`,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const hpaDescription = (json: StackJson): any => alertNamed(json, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'aks-hpa-at-maximum-westus3').description;

describe('Observability', () => {
  test('the action group: one receiver per contact, the common alert schema on email and webhook, the prefix as short name', () => {
    const { json, obs } = synth({
      contacts: { emails: ['oncall@contoso.com', 'db@contoso.com'], smsNumbers: [{ countryCode: '1', phoneNumber: '5555551234' }], webhooks: ['https://hooks.contoso.com/alerts'] },
    });
    expect(only(json, 'azurerm_monitor_action_group')).toEqual({
      name: `shop-ag-${pathHash('test/Obs/ActionGroup')}`,
      resource_group_name: 'rg-monitoring',
      short_name: 'shop',
      email_receiver: [
        { name: 'email-1', email_address: 'oncall@contoso.com', use_common_alert_schema: true },
        { name: 'email-2', email_address: 'db@contoso.com', use_common_alert_schema: true },
      ],
      sms_receiver: [{ name: 'sms-1', country_code: '1', phone_number: '5555551234' }],
      webhook_receiver: [{ name: 'webhook-1', service_uri: 'https://hooks.contoso.com/alerts', use_common_alert_schema: true }],
    });
    expect(obs.actionGroup!.node.path).toBe('test/Obs/ActionGroup');
  });

  test('every metric alert: namespace, metric, aggregation, operator, threshold, dimension, severity, window, frequency, scope, action group', () => {
    const { json, obs } = synth();
    expect(Object.keys(all(json, 'azurerm_monitor_metric_alert'))).toHaveLength(METRIC_TABLE.length);
    // The fragment is `<alert in kebab case>-<key>`; the key is the region, or `<home>-replica-<region>` for a replica.
    const keyOf = (alert: string, fragment: string) => fragment.slice(alert.replace(/[A-Z0-9]+/g, (m) => `-${m.toLowerCase()}`).length + 1);
    expect(Object.keys(obs.metricAlerts).sort()).toEqual(METRIC_TABLE.map(([alert, fragment]) => `${alert}.${keyOf(alert, fragment)}`).sort());
    for (const [alert, fragment, scope, namespace, metric, aggregation, operator, threshold, dimension, severity, window, frequency] of METRIC_TABLE) {
      const region = keyOf(alert, fragment);
      const resource = alertNamed(json, 'azurerm_monitor_metric_alert', fragment);
      expect([alert, resource.scopes, resource.severity, resource.window_size, resource.frequency, resource.auto_mitigate]).toEqual([alert, [scope], severity, window, frequency, true]);
      expect([alert, resource.criteria]).toEqual([alert, [{ metric_namespace: namespace, metric_name: metric, aggregation, operator, threshold, ...(dimension ? { dimension } : {}) }]]);
      expect(resource.action).toEqual([{ action_group_id: AG_REF }]);
      expect(resource.resource_group_name).toBe('rg-monitoring');
      expect(resource.name).toBe(`shop-alert-${fragment}-${pathHash(`test/Obs/${alert}-${region}`)}`);
      expect([alert, resource.description]).toEqual([alert, DESCRIPTIONS[alert]]);
      expect(obs.metricAlerts[`${alert}.${region}`].node.path).toBe(`test/Obs/${alert}-${region}`);
    }
  });

  test('the AKS log alerts: KQL over Container Insights tables for the cluster, on its region\'s workspace', () => {
    const { json, obs } = synth();
    expect(Object.keys(all(json, 'azurerm_monitor_scheduled_query_rules_alert_v2'))).toHaveLength(3);
    const restarts = alertNamed(json, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'aks-container-restarts-westus3');
    expect(restarts).toEqual({
      name: `shop-alert-aks-container-restarts-westus3-${pathHash('test/Obs/aksContainerRestarts-westus3')}`,
      resource_group_name: 'rg-monitoring', location: 'westus3', scopes: [LOG], severity: 2,
      window_duration: 'PT15M', evaluation_frequency: 'PT5M', auto_mitigation_enabled: true,
      description: 'AKS container restarts of a pod: above 3 restarts over 15 minutes. Runbook: README section "Runbook: AKS"',
      display_name: 'AKS container restarts of a pod (westus3)',
      criteria: [{
        query: `KubePodInventory\n| where ClusterId =~ '${AKS}'\n| summarize Restarts = max(ContainerRestartCount) - min(ContainerRestartCount) by Namespace, Name, ContainerName\n| summarize AggregatedValue = max(Restarts) by Namespace, Name`,
        time_aggregation_method: 'Maximum', metric_measure_column: 'AggregatedValue', operator: 'GreaterThan', threshold: 3,
        dimension: [{ name: 'Namespace', operator: 'Include', values: ['*'] }, { name: 'Name', operator: 'Include', values: ['*'] }],
      }],
      action: { action_groups: [AG_REF] },
    });
    const hpa = alertNamed(json, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'aks-hpa-at-maximum-westus3');
    expect([hpa.scopes, hpa.location, hpa.severity, hpa.window_duration, hpa.evaluation_frequency]).toEqual([[LOG], 'westus3', 2, 'PT15M', 'PT5M']);
    expect(hpa.criteria[0]).toEqual({
      query: [
        'InsightsMetrics',
        "| where Name == 'kube_hpa_status_current_replicas'",
        '| extend T = parse_json(Tags)',
        `| where tostring(T['container.azm.ms/clusterId']) =~ '${AKS}'`,
        '| extend Hpa = tostring(T.hpa), K8sNamespace = tostring(T.k8sNamespace), MaxReplicas = toreal(T.spec_max_replicas)',
        '| summarize AggregatedValue = countif(Val >= MaxReplicas) by K8sNamespace, Hpa',
      ].join('\n'),
      time_aggregation_method: 'Maximum', metric_measure_column: 'AggregatedValue', operator: 'GreaterThanOrEqual', threshold: 10,
      dimension: [{ name: 'K8sNamespace', operator: 'Include', values: ['*'] }, { name: 'Hpa', operator: 'Include', values: ['*'] }],
    });
    const readiness = alertNamed(json, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'aks-readiness-probe-failures-westus3');
    expect([readiness.scopes, readiness.location, readiness.severity, readiness.window_duration, readiness.evaluation_frequency, readiness.description]).toEqual([
      [LOG], 'westus3', 2, 'PT15M', 'PT5M', 'AKS readiness probe failures of a pod: above 2 failures over 15 minutes. Runbook: README section "Runbook: AKS"',
    ]);
    expect(readiness.criteria[0]).toEqual({
      query: [
        'KubeEvents',
        `| where ClusterId =~ '${AKS}'`,
        "| where ObjectKind == 'Pod' and Reason == 'Unhealthy' and Message startswith 'Readiness probe failed'",
        '| summarize AggregatedValue = count() by Namespace, Name',
      ].join('\n'),
      time_aggregation_method: 'Maximum', metric_measure_column: 'AggregatedValue', operator: 'GreaterThan', threshold: 2,
      dimension: [{ name: 'Namespace', operator: 'Include', values: ['*'] }, { name: 'Name', operator: 'Include', values: ['*'] }],
    });
    expect(Object.keys(obs.logAlerts).sort()).toEqual(['aksContainerRestarts.westus3', 'aksHpaAtMaximum.westus3', 'aksReadinessProbeFailures.westus3']);
  });

  test('thresholds, severities, the backlog entity, existing action groups, a runbook URL and tags as given', () => {
    const { json } = synth({
      thresholds: { frontDoorOriginHealthPercent: 90, cosmosThrottledRequests: 0, deliveryTrackingBacklogMessages: 50, aksContainerRestarts: 10, aksHpaAtMaximumMinutes: 15 },
      severities: { frontDoorOriginHealth: 0, aksHpaAtMaximum: 4 },
      targets: { ...PROPS.targets, serviceBusBacklogEntityName: 'shop-events' },
      contacts: { emails: ['oncall@contoso.com'], actionGroupIds: [EXISTING_AG] },
      runbookUrl: 'https://wiki.contoso.com/platform/runbook',
      tags: { team: 'orders' },
    });
    const origin = alertNamed(json, 'azurerm_monitor_metric_alert', 'front-door-origin-health-global');
    expect([origin.criteria[0].threshold, origin.severity, origin.tags]).toEqual([90, 0, { team: 'orders' }]);
    expect(origin.action).toEqual([{ action_group_id: AG_REF }, { action_group_id: EXISTING_AG }]);
    expect(origin.description).toBe('Front Door origin health (share of successful probes) of an origin group: below 90% over 5 minutes. Runbook: https://wiki.contoso.com/platform/runbook#runbook-front-door');
    expect(alertNamed(json, 'azurerm_monitor_metric_alert', 'cosmos-throttled-requests-westus3').criteria[0].threshold).toBe(0);
    const backlog = alertNamed(json, 'azurerm_monitor_metric_alert', 'delivery-tracking-backlog-westus3').criteria[0];
    expect([backlog.threshold, backlog.dimension]).toEqual([50, [{ name: 'EntityName', operator: 'Include', values: ['shop-events'] }]]);
    expect(alertNamed(json, 'azurerm_monitor_metric_alert', 'cosmos-availability-westus3').description).toBe('Cosmos DB account request availability: below 99.9% over 1 hour. Runbook: https://wiki.contoso.com/platform/runbook#runbook-cosmos-db');
    expect(hpaDescription(json)).toBe('AKS horizontal pod autoscaler at its maximum replicas: at least 15 minutes over 15 minutes. Runbook: https://wiki.contoso.com/platform/runbook#runbook-aks');
    const restarts = alertNamed(json, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'aks-container-restarts-westus3');
    expect([restarts.criteria[0].threshold, restarts.severity, restarts.action, restarts.tags]).toEqual([10, 2, { action_groups: [AG_REF, EXISTING_AG] }, { team: 'orders' }]);
    const hpa = alertNamed(json, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'aks-hpa-at-maximum-westus3');
    expect([hpa.criteria[0].threshold, hpa.severity]).toEqual([15, 4]);
    expect(only(json, 'azurerm_monitor_action_group').tags).toEqual({ team: 'orders' });
  });

  test('each kind of target gets its alerts only when given; Terraform tokens pass as resource IDs', () => {
    const vault = Lazy.stringValue({ produce: () => '${azurerm_key_vault.kv.id}' });
    const { json, obs } = synth({ targets: { keyVaultIds: { westeurope: vault } }, contacts: { webhooks: ['https://hooks.contoso.com/a'] } });
    expect(Object.keys(obs.metricAlerts)).toEqual(['keyVaultAvailability.westeurope']);
    expect(only(json, 'azurerm_monitor_metric_alert').scopes).toEqual(['${azurerm_key_vault.kv.id}']);
    expect(json.resource.azurerm_monitor_scheduled_query_rules_alert_v2).toBeUndefined();
    expect(json.resource.azurerm_monitor_alert_processing_rule_suppression).toBeUndefined();
    expect(obs.logAlerts).toEqual({});
    expect(obs.suppressionRules).toEqual({});
  });

  test('a silenced region: a suppression rule scoped to every target of the region, its workspace included', () => {
    const { json, obs } = synth({ silencedRegions: ['westus3'] });
    expect(only(json, 'azurerm_monitor_alert_processing_rule_suppression')).toEqual({
      name: `shop-apr-westus3-${pathHash('test/Obs/Silence-westus3')}`,
      resource_group_name: 'rg-monitoring',
      scopes: [COSMOS, BUS, AKS, KV, LOG],
      description: "Planned maintenance in westus3: alerts on the region's resources notify no one (silencedRegions).",
    });
    expect(Object.keys(obs.suppressionRules)).toEqual(['westus3']);
    const eastus = synth({ silencedRegions: ['eastus'] }).json;
    expect(only(eastus, 'azurerm_monitor_alert_processing_rule_suppression').scopes).toEqual([PG]);
  });

  test('without contacts: no action group, alerts without actions, and a warning; given contacts must hold one', () => {
    const stack = testStack();
    const obs = new Observability(stack, 'Obs', { ...PROPS, contacts: undefined, availabilityTests: { applicationInsightsId: id('rg', 'Microsoft.Insights/components', 'appi'), location: 'westus3', urls: { 'order-entry': 'https://shop.example.com/orders/healthz/ready' } } });
    const json = synthStack(stack);
    expect(obs.actionGroup).toBeUndefined();
    expect(json.resource.azurerm_monitor_action_group).toBeUndefined();
    const metricAlerts = Object.values(all(json, 'azurerm_monitor_metric_alert'));
    expect(metricAlerts).toHaveLength(METRIC_TABLE.length + 1);
    for (const alert of metricAlerts) expect([alert.name, alert.action]).toEqual([alert.name, []]);
    const logAlerts = Object.values(all(json, 'azurerm_monitor_scheduled_query_rules_alert_v2'));
    expect(logAlerts).toHaveLength(3);
    for (const alert of logAlerts) expect([alert.name, alert.action]).toEqual([alert.name, undefined]);
    expect(obs.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data)).toEqual([
      'Observability has no contacts: its alerts fire and show in the Azure portal but notify no one. Give contacts (emails, smsNumbers, webhooks or actionGroupIds).',
    ]);
    const withContacts = new Observability(testStack(), 'Obs', PROPS);
    expect(withContacts.node.metadata.filter((m) => m.type === '@cdktf/warn')).toEqual([]);
  });

  test('standby Service Bus namespaces: the active namespace\'s alerts, keyed <home>-standby, silenced with the region they are in', () => {
    const standbyBus = id('rg-eastus', 'Microsoft.ServiceBus/namespaces', 'sb-shop-dr');
    const otherStandby = id('rg-eastus', 'Microsoft.ServiceBus/namespaces', 'sb-other-dr');
    const { json, obs } = synth({
      targets: { serviceBusNamespaceIds: { westus3: BUS }, serviceBusStandbyNamespaces: { westus3: { id: standbyBus, region: 'eastus' }, centralus: { id: otherStandby, region: 'eastus' } } },
      silencedRegions: ['eastus'],
    });
    expect(Object.keys(obs.metricAlerts).sort()).toEqual(['deliveryTrackingBacklog', 'serviceBusDeadLettered', 'serviceBusServerErrors', 'serviceBusThrottledRequests']
      .flatMap((alert) => [`${alert}.westus3`, `${alert}.westus3-standby`, `${alert}.centralus-standby`]).sort());
    const standbyAlert = alertNamed(json, 'azurerm_monitor_metric_alert', 'service-bus-server-errors-westus3-standby');
    expect([standbyAlert.scopes, standbyAlert.criteria[0].metric_name]).toEqual([[standbyBus], 'ServerErrors']);
    expect(alertNamed(json, 'azurerm_monitor_metric_alert', 'delivery-tracking-backlog-centralus-standby').scopes).toEqual([otherStandby]);
    expect(only(json, 'azurerm_monitor_alert_processing_rule_suppression').scopes).toEqual([standbyBus, otherStandby]);
    const unknown = 'not an Azure public region in the catalog (use the programmatic name, as `az account list-locations -o table` prints it)';
    expect(violations({ targets: { serviceBusStandbyNamespaces: { pluto: { id: 'sb', region: 'mars' } } } }).map((v) => [v[1], v[2], v[3]])).toEqual([
      ['targets.serviceBusStandbyNamespaces.pluto', 'pluto', unknown],
      ['targets.serviceBusStandbyNamespaces.pluto.region', 'mars', unknown],
      ['targets.serviceBusStandbyNamespaces.pluto.id', 'sb', expect.stringContaining('not the resource ID of a Service Bus namespace')],
    ]);
  });

  test('PostgreSQL replicas by cell, then region: two cells\' replicas in one region get an alert each', () => {
    const other = id('rg-eastus', 'Microsoft.DBforPostgreSQL/flexibleServers', 'psql-replica-2');
    const { json, obs } = synth({ targets: { postgresqlReplicaServerIds: { westus3: { eastus: PG }, centralus: { eastus: other } } }, silencedRegions: ['eastus'] });
    expect(Object.keys(obs.metricAlerts)).toEqual(['postgresqlReplicaLag.westus3-replica-eastus', 'postgresqlReplicaLag.centralus-replica-eastus']);
    expect(alertNamed(json, 'azurerm_monitor_metric_alert', 'postgresql-replica-lag-centralus-replica-eastus').scopes).toEqual([other]);
    expect(only(json, 'azurerm_monitor_alert_processing_rule_suppression').scopes).toEqual([PG, other]);
    expect(violations({ targets: { postgresqlReplicaServerIds: { westus3: { eastus: COSMOS } } } }).map((v) => [v[1], v[3]])).toEqual([
      ['targets.postgresqlReplicaServerIds.westus3.eastus', expect.stringContaining('not the resource ID of a PostgreSQL flexible server')],
    ]);
  });

  test('SQL failover groups: an activity log alert per group for a planned and for a forced failover, silenced with the cell\'s region', () => {
    const group = `${SUB}/rg-westus3/providers/Microsoft.Sql/servers/sql-shop/failoverGroups/fg-shop`;
    const partner = `${SUB}/rg-eastus/providers/Microsoft.Sql/servers/sql-shop-east/failoverGroups/fg-shop`;
    const { json, obs } = synth({ targets: { sqlFailoverGroupIds: { westus3: group }, sqlFailoverGroupPartnerIds: { westus3: partner } }, silencedRegions: ['westus3'], names: { activityLogAlerts: { sqlForcedFailover: { westus3: 'sql-forced' } } } });
    expect(Object.keys(obs.activityLogAlerts)).toEqual(['sqlFailover.westus3', 'sqlForcedFailover.westus3']);
    const alerts = Object.values(all(json, 'azurerm_monitor_activity_log_alert'));
    expect(alerts.map((a) => [a.name, a.location, a.scopes, a.criteria, a.action, a.resource_group_name])).toEqual([
      [`shop-alert-sql-failover-westus3-${pathHash('test/Obs/sqlFailover-westus3')}`, 'global', [group, partner], { category: 'Administrative', operation_name: 'Microsoft.Sql/servers/failoverGroups/failover/action', statuses: ['Succeeded'] }, [{ action_group_id: AG_REF }], 'rg-monitoring'],
      ['sql-forced', 'global', [group, partner], { category: 'Administrative', operation_name: 'Microsoft.Sql/servers/failoverGroups/forceFailoverAllowDataLoss/action', statuses: ['Succeeded'] }, [{ action_group_id: AG_REF }], 'rg-monitoring'],
    ]);
    expect(alerts[1].description).toBe(`Azure SQL failover group forced over (data loss possible) (cell westus3). ${readme('Azure SQL')}`);
    expect(only(json, 'azurerm_monitor_alert_processing_rule_suppression').scopes).toEqual([group, partner]);
    // Without the partner's side the alerts watch the home server's only.
    expect(Object.values(all(synth({ targets: { sqlFailoverGroupIds: { westus3: group } } }).json, 'azurerm_monitor_activity_log_alert')).map((a) => a.scopes)).toEqual([[group], [group]]);
    expect(violations({ targets: { sqlFailoverGroupIds: { westus3: group }, sqlFailoverGroupPartnerIds: { westus3: 'x', eastus: partner } } }).map((v) => [v[1], v[3]])).toEqual([
      ['targets.sqlFailoverGroupPartnerIds.westus3', expect.stringContaining('not the resource ID of an Azure SQL failover group')],
      ['targets.sqlFailoverGroupPartnerIds.eastus', 'no failover group of eastus is in sqlFailoverGroupIds, so the partner\'s side would be ignored'],
    ]);
    expect(violations({ targets: { sqlFailoverGroupIds: { westus3: `${SUB}/rg/providers/Microsoft.Sql/servers/sql-shop` } } }).map((v) => [v[1], v[3]])).toEqual([
      ['targets.sqlFailoverGroupIds.westus3', 'not the resource ID of an Azure SQL failover group (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Sql/servers/<server>/failoverGroups/<name>), so the alerts would watch the wrong resource'],
    ]);
    expect(violations({ targets: { keyVaultIds: { westus3: KV } }, names: { activityLogAlerts: { sqlFailover: { westus3: 'x' } } } }).map((v) => [v[1], v[3]])).toEqual([
      ['names.activityLogAlerts.sqlFailover', 'this construct creates no such alert (unknown alert, or its target is not given), so the names would be ignored'],
    ]);
  });

  test('contacts listed twice, addresses with spaces, placeholder IDs, no target at all and token regions are refused', () => {
    const token = Lazy.stringValue({ produce: () => 'eastus' });
    expect(violations({
      contacts: { emails: ['a@contoso.com', 'a@contoso.com'], webhooks: ['https://hooks.contoso.com/a b'], actionGroupIds: ['/subscriptions/<id>/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ops'], smsNumbers: [{ countryCode: '1', phoneNumber: '5555551234' }, { countryCode: '1', phoneNumber: '5555551234' }] },
      silencedRegions: [token],
    }).map((v) => [v[1], v[3]])).toEqual([
      ['contacts.emails[1]', 'listed twice, so it would be notified twice'],
      ['contacts.smsNumbers[1]', 'listed twice, so it would be notified twice'],
      ['contacts.webhooks[0]', 'not an https:// URL without spaces (alert payloads must not travel unencrypted)'],
      ['contacts.actionGroupIds[0]', 'not the resource ID of an action group'],
      ['silencedRegions[0]', "a Terraform token is unknown until apply, and each silenced region is matched against the targets' regions at synth time"],
    ]);
    expect(violations({ targets: {} })).toEqual([['test/Obs', 'targets', {}, 'no target and no availability test, so there is nothing to watch (only an action group would be created)', 'give at least one target (e.g. targets.kubernetesClusterIds) or availabilityTests']]);
  });

  test('names as given', () => {
    const { json } = synth({
      silencedRegions: ['eastus'],
      names: {
        actionGroup: 'ag-orders', actionGroupShortName: 'orders-oncal',
        metricAlerts: { frontDoor5xx: { global: 'afd-5xx' }, cosmosAvailability: { westus3: 'cosmos.availability' } },
        logAlerts: { aksContainerRestarts: { westus3: 'aks_restarts' } },
        suppressionRules: { eastus: 'silence-eastus' },
      },
    });
    const ag = only(json, 'azurerm_monitor_action_group');
    expect([ag.name, ag.short_name]).toEqual(['ag-orders', 'orders-oncal']);
    expect(Object.values(all(json, 'azurerm_monitor_metric_alert')).map((a) => a.name)).toEqual(expect.arrayContaining(['afd-5xx', 'cosmos.availability']));
    expect(Object.values(all(json, 'azurerm_monitor_scheduled_query_rules_alert_v2')).map((a) => a.name)).toContain('aks_restarts');
    expect(only(json, 'azurerm_monitor_alert_processing_rule_suppression').name).toBe('silence-eastus');
  });

  test('contacts: at least one; email, E.164-ish SMS numbers, https webhooks and action group IDs checked', () => {
    expect(violations({ contacts: {} })).toEqual([['test/Obs', 'contacts', {}, 'no contact, so every alert would fire unseen',
      'give at least one of contacts.emails, contacts.smsNumbers, contacts.webhooks or contacts.actionGroupIds']]);
    expect(violations({ contacts: { emails: [] } })[0][3]).toBe('no contact, so every alert would fire unseen');
    expect(violations({
      contacts: {
        emails: ['oncall', 'a@b.co'], smsNumbers: [{ countryCode: '+1', phoneNumber: '555 1234' }, { countryCode: '999', phoneNumber: '12345678901234' }],
        webhooks: ['http://hooks.contoso.com/a', 'hooks'], actionGroupIds: ['ops'],
      },
    })).toEqual([
      ['test/Obs', 'contacts.emails[0]', 'oncall', 'not an email address', "give an address such as 'oncall@contoso.com'"],
      ['test/Obs', 'contacts.smsNumbers[0].countryCode', '+1', 'not a country calling code (1-3 digits, no + or leading zero)', "give the digits only, e.g. '1' or '44'"],
      ['test/Obs', 'contacts.smsNumbers[0].phoneNumber', '555 1234', 'not a national phone number (4-14 digits, no spaces, + or punctuation)', "give the digits only, e.g. '5555551234'"],
      ['test/Obs', 'contacts.smsNumbers[1]', { countryCode: '999', phoneNumber: '12345678901234' }, 'longer than 15 digits with its country code (E.164 allows at most 15)', 'drop the trunk prefix (a leading 0) from phoneNumber'],
      ['test/Obs', 'contacts.webhooks[0]', 'http://hooks.contoso.com/a', 'not an https:// URL without spaces (alert payloads must not travel unencrypted)', 'give the https:// address of the receiving endpoint'],
      ['test/Obs', 'contacts.webhooks[1]', 'hooks', 'not an https:// URL without spaces (alert payloads must not travel unencrypted)', 'give the https:// address of the receiving endpoint'],
      ['test/Obs', 'contacts.actionGroupIds[0]', 'ops', 'not the resource ID of an action group',
        'give /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/actionGroups/<name> (or the id attribute of a MonitorActionGroup)'],
    ]);
    const token = Lazy.stringValue({ produce: () => 'x' });
    expect(() => synth({ contacts: { emails: [token], actionGroupIds: [token], webhooks: [token], smsNumbers: [{ countryCode: token, phoneNumber: token }] } })).not.toThrow();
  });

  test('targets: known regions, resource IDs of the right type, a workspace for every AKS region, a queue or topic name', () => {
    expect(violations({
      targets: {
        frontDoorProfileId: KV, cosmosAccountIds: { westus: COSMOS, westus9: COSMOS }, kubernetesClusterIds: { westus3: AKS }, serviceBusBacklogEntityName: 'order events',
      },
    })).toEqual([
      ['test/Obs', 'targets.frontDoorProfileId', KV,
        'not the resource ID of a Front Door profile (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Cdn/profiles/<name>), so the alerts would watch the wrong resource',
        "give the resource's id attribute (a literal ID or a reference such as resource.id)"],
      ['test/Obs', 'targets.cosmosAccountIds.westus9', 'westus9', expect.stringContaining('not an Azure public region in the catalog'), expect.stringContaining("did you mean 'westus")],
      ['test/Obs', 'targets.logAnalyticsWorkspaceIds.westus3', undefined,
        'the AKS log alerts (container restarts, HPA at maximum) of westus3 query its Container Insights workspace, and none is given',
        "add targets.logAnalyticsWorkspaceIds.westus3 (the workspace of the cluster's Container Insights, e.g. RegionalMonitoring.workspaceId)"],
      ['test/Obs', 'targets.serviceBusBacklogEntityName', 'order events', 'not a Service Bus queue or topic name', "give the topic the delivery-tracking subscription reads, e.g. 'order-events'"],
    ]);
    expect(violations({ targets: { keyVaultIds: { westus3: COSMOS } } })[0].slice(1, 4)).toEqual(['targets.keyVaultIds.westus3', COSMOS,
      'not the resource ID of a Key Vault (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>), so the alerts would watch the wrong resource']);
  });

  test('thresholds within their ranges, integers where counts; literal numbers only', () => {
    expect(violations({ thresholds: { frontDoorOriginHealthPercent: 0, postgresqlReplicaLagSeconds: 1.5, aksHpaAtMaximumMinutes: 16, cosmosAvailabilityPercent: 100 } })).toEqual([
      ['test/Obs', 'thresholds.frontDoorOriginHealthPercent', 0, 'must be a number from 1 to 100', 'set thresholds.frontDoorOriginHealthPercent between 1 and 100 (default 80)'],
      ['test/Obs', 'thresholds.postgresqlReplicaLagSeconds', 1.5, 'must be an integer from 1 to 86400', 'set thresholds.postgresqlReplicaLagSeconds between 1 and 86400 (default 120)'],
      ['test/Obs', 'thresholds.aksHpaAtMaximumMinutes', 16, 'must be an integer from 1 to 15', 'set thresholds.aksHpaAtMaximumMinutes between 1 and 15 (default 10)'],
    ]);
    const token = Lazy.numberValue({ produce: () => 5 });
    expect(violations({ thresholds: { frontDoor5xxPercent: token } })).toEqual([['test/Obs', 'thresholds.frontDoor5xxPercent', token,
      'a Terraform token is unknown until apply, and the threshold is checked against its range at synth time', 'pass a literal number']]);
  });

  test('runbookUrl: https without a fragment, and without Terraform template syntax', () => {
    for (const url of ['http://wiki.contoso.com/runbook', 'https://wiki.contoso.com/runbook#alerts', 'wiki', 'https://wiki.contoso.com/${x}/runbook', 'https://wiki.contoso.com/%{if true}x%{endif}']) {
      expect(violations({ runbookUrl: url })).toEqual([['test/Obs', 'runbookUrl', url, "not an https:// URL without a fragment or ${ / %{ (the library appends each alert's #anchor, and Terraform would read ${ and %{ in the descriptions as template syntax)",
        "give the page's https:// address without '#...', e.g. 'https://wiki.contoso.com/platform/runbook'"]]);
    }
  });

  test('silencedRegions: regions of the targets, each once', () => {
    expect(violations({ silencedRegions: ['northeurope', 'westus3', 'westus3'] })).toEqual([
      ['test/Obs', 'silencedRegions[0]', 'northeurope', 'no target of this construct is in northeurope (targets are in eastus, westus3), so there is nothing to silence', 'silence one of eastus, westus3'],
      ['test/Obs', 'silencedRegions[2]', 'westus3', 'listed twice', 'list each region once'],
    ]);
    expect(violations({ targets: { frontDoorProfileId: FRONT_DOOR }, silencedRegions: ['westus3'] })).toEqual([
      ['test/Obs', 'silencedRegions[0]', 'westus3', 'no regional target is given, so there is nothing to silence', 'drop silencedRegions'],
    ]);
  });

  test('names: Azure rules per kind, only for alerts and regions the construct creates', () => {
    expect(violations({
      silencedRegions: ['westus3'],
      names: {
        actionGroup: 'ag/orders', actionGroupShortName: 'orders-oncall',
        metricAlerts: { cosmosAvailability: { westus3: 'cosmos#avail', eastus: 'x' }, sqlReplicationLag: { westus3: 'y' } },
        logAlerts: { aksHpaAtMaximum: { westus3: 'hpa.' } },
        suppressionRules: { westus3: 'silence.westus3' },
      },
    })).toEqual([
      ['test/Obs', 'names.actionGroup', 'ag/orders', 'an action group name allows letters, digits, ._- starting with a letter or digit, not ending with a period',
        'choose a name of letters, digits, ._- starting with a letter or digit, not ending with a period, 1-260 characters'],
      ['test/Obs', 'names.actionGroupShortName', 'orders-oncall', 'an action group short name must be 1-12 characters long',
        'choose a name of any characters, not starting or ending with a space, 1-12 characters'],
      ['test/Obs', 'names.metricAlerts.cosmosAvailability.westus3', 'cosmos#avail', 'a metric alert name allows letters, digits, ._- starting with a letter or digit, not ending with a period',
        'choose a name of letters, digits, ._- starting with a letter or digit, not ending with a period, 1-260 characters'],
      ['test/Obs', 'names.metricAlerts.cosmosAvailability.eastus', 'x', 'no metric alert of this construct is in eastus (only in westus3), so the name would be ignored', 'key names.metricAlerts.cosmosAvailability by westus3'],
      ['test/Obs', 'names.metricAlerts.sqlReplicationLag', { westus3: 'y' }, 'this construct creates no such alert (unknown alert, or its target is not given), so the names would be ignored',
        expect.stringContaining('key names.metricAlerts by the alerts it creates: frontDoorOriginHealth, frontDoor5xx, postgresqlReplicaLag')],
      ['test/Obs', 'names.logAlerts.aksHpaAtMaximum.westus3', 'hpa.', 'a log alert rule name allows letters, digits, ._- starting with a letter or digit, not ending with a period',
        'choose a name of letters, digits, ._- starting with a letter or digit, not ending with a period, 1-260 characters'],
      ['test/Obs', 'names.suppressionRules.westus3', 'silence.westus3', 'an alert processing rule name allows letters, digits, _ and -, starting with a letter or digit',
        'choose a name of letters, digits, _ and -, starting with a letter or digit, 1-260 characters'],
    ]);
  });

  test('the props shape: every key typed, unknown keys refused, all problems at once', () => {
    expect(violations({ prefix: 'Shop' })).toEqual([['test/Obs', 'prefix', 'Shop', expect.stringContaining('a name prefix must be 2-12 lower-case letters'), "use a short organisation or product code such as 'contoso' or 'shop01'"]]);
    expect(violations({
      contacts: { email: ['a@b.co'] }, targets: { keyVaultId: KV }, thresholds: { frontDoorOriginHealth: 80, cosmosThrottledRequests: NaN },
      severities: { keyVaultAvailability: 5 }, silencedRegions: 'westus3', names: { actionGroups: 'x' },
    })).toEqual([
      ['test/Obs', 'contacts.email', ['a@b.co'], "unknown option 'email', which would be ignored", "did you mean 'emails'?"],
      ['test/Obs', 'targets.keyVaultId', KV, "unknown option 'keyVaultId', which would be ignored", "did you mean 'keyVaultIds'?"],
      ['test/Obs', 'thresholds.cosmosThrottledRequests', NaN, 'expected a number, got NaN', 'give a number'],
      ['test/Obs', 'thresholds.frontDoorOriginHealth', 80, "unknown option 'frontDoorOriginHealth', which would be ignored", "did you mean 'frontDoorOriginHealthPercent'?"],
      ['test/Obs', 'severities.keyVaultAvailability', 5, 'expected one of 0, 1, 2, 3, 4, got the number 5', 'give one of 0, 1, 2, 3, 4'],
      ['test/Obs', 'silencedRegions', 'westus3', 'expected a list of region names, got the string "westus3"', 'give a list of region names'],
      ['test/Obs', 'names.actionGroups', 'x', "unknown option 'actionGroups', which would be ignored", "did you mean 'actionGroup'?"],
    ]);
  });

  test('the README documents every alert, threshold default and runbook section the descriptions point to', () => {
    const readmeText = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const alerts = [...METRIC_ALERTS, ...LOG_ALERTS];
    expect(alerts).toHaveLength(21);
    for (const spec of alerts) expect(readmeText).toMatch(new RegExp(`^\\| \`${spec.alert}\` \\|.*\\| ${spec.severity} \\| \\[[^\\]]+\\]\\(#${anchorOf(spec.runbook)}\\) \\|$`, 'm'));
    for (const [key, spec] of Object.entries(THRESHOLDS)) expect(readmeText).toContain(`\`${key}\` (${spec.default})`);
    for (const section of Object.values(RUNBOOK_SECTIONS)) expect(readmeText).toContain(`\n### ${section}\n`);
  });
});
