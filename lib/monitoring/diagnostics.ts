import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';

/**
 * Which resource logs a diagnostic setting sends: every category (`allLogs`), or only the categories that record who
 * did what to the data and the settings (`audit`), where log volume costs too much. A type without an `audit` group
 * sends named categories instead (README, "Observability": diagnostics everywhere).
 */
export type DiagnosticLogs = 'allLogs' | 'audit';

/** The logs of a type at each level: category groups, or named categories where the type has no usable group. */
interface LogSelection {
  readonly categoryGroups?: readonly string[];
  readonly categories?: readonly string[];
}

/** What a resource type sends through a diagnostic setting. */
export interface DiagnosticSupport {
  /** The Azure resource type, for messages. */
  readonly azureType: string;
  /** Its logs at each level; none where the type has no resource logs. */
  readonly logs?: { readonly [L in DiagnosticLogs]: LogSelection };
  /** Its metric categories (`AllMetrics` for most types); none where no metric is exportable. */
  readonly metrics?: readonly string[];
  /** Resource-specific tables instead of `AzureDiagnostics` (the types that offer them). */
  readonly dedicated?: boolean;
  /** Appended to the resource ID (a sub-resource holds the logs, e.g. `/blobServices/default`). */
  readonly subresource?: string;
}

const ALL: LogSelection = { categoryGroups: ['allLogs'] };
const AUDIT: LogSelection = { categoryGroups: ['audit'] };
/** allLogs, or audit where the type has the group (Azure Monitor's built-in diagnostic-settings policies list it). */
const GROUPS = { allLogs: ALL, audit: AUDIT } as const;
/** Types without an `audit` group: all of their (few, small) categories at both levels. */
const ALL_ONLY = { allLogs: ALL, audit: ALL } as const;

/**
 * Every Terraform resource type the library creates that Azure Monitor diagnostic settings support, keyed by the
 * Terraform type. Sources (Microsoft Learn, Azure Monitor reference; MicrosoftDocs/azure-reference-other
 * `azure-monitor-ref/supported-logs` and `supported-metrics`): the log categories and whether metrics are exportable
 * ("DS Export"); the category groups from "Built-in policies for diagnostic settings" (its "All logs" and "Audit logs"
 * columns); metric categories other than `AllMetrics` from "Resource Manager template samples for diagnostic
 * settings" (SQL databases, storage) and the portal's metric category (Cosmos DB: `Requests`).
 */
export const DIAGNOSTIC_SUPPORT: { readonly [terraformType: string]: DiagnosticSupport } = {
  // AKS has no built-in audit policy: the audit level names its audit categories (the API server's admin audit and
  // Entra ID authentication) and the cluster autoscaler's events (small; "Runbook: AKS" reads them); kube-audit
  // (every read of the API server) and the control plane's own logs are left to allLogs.
  azurerm_kubernetes_cluster: { azureType: 'Microsoft.ContainerService/managedClusters', logs: { allLogs: ALL, audit: { categories: ['kube-audit-admin', 'guard', 'cluster-autoscaler'] } }, metrics: ['AllMetrics'], dedicated: true },
  azurerm_key_vault: { azureType: 'Microsoft.KeyVault/vaults', logs: GROUPS, metrics: ['AllMetrics'] },
  azurerm_mssql_database: { azureType: 'Microsoft.Sql/servers/databases', logs: GROUPS, metrics: ['Basic', 'InstanceAndAppAdvanced', 'WorkloadManagement'] },
  azurerm_postgresql_flexible_server: { azureType: 'Microsoft.DBforPostgreSQL/flexibleServers', logs: GROUPS, metrics: ['AllMetrics'] },
  azurerm_cosmosdb_account: { azureType: 'Microsoft.DocumentDB/databaseAccounts', logs: GROUPS, metrics: ['Requests'], dedicated: true },
  azurerm_servicebus_namespace: { azureType: 'Microsoft.ServiceBus/namespaces', logs: GROUPS, metrics: ['AllMetrics'] },
  azurerm_eventhub_namespace: { azureType: 'Microsoft.EventHub/namespaces', logs: GROUPS, metrics: ['AllMetrics'] },
  // Azure Managed Redis: the cluster exports metrics; its connection logs (ConnectionEvents) are on the database below.
  azurerm_managed_redis: { azureType: 'Microsoft.Cache/redisEnterprise', metrics: ['AllMetrics'] },
  azurerm_eventgrid_topic: { azureType: 'Microsoft.EventGrid/topics', logs: GROUPS, metrics: ['AllMetrics'] },
  azurerm_cdn_frontdoor_profile: { azureType: 'Microsoft.Cdn/profiles', logs: GROUPS, metrics: ['AllMetrics'] },
  azurerm_traffic_manager_profile: { azureType: 'Microsoft.Network/trafficManagerProfiles', logs: ALL_ONLY, metrics: ['AllMetrics'] },
  azurerm_api_management: { azureType: 'Microsoft.ApiManagement/service', logs: GROUPS, metrics: ['AllMetrics'] },
  // No metrics at all.
  azurerm_network_security_group: { azureType: 'Microsoft.Network/networkSecurityGroups', logs: ALL_ONLY },
  azurerm_virtual_network: { azureType: 'Microsoft.Network/virtualNetworks', logs: ALL_ONLY, metrics: ['AllMetrics'] },
  azurerm_log_analytics_workspace: { azureType: 'Microsoft.OperationalInsights/workspaces', logs: GROUPS, metrics: ['AllMetrics'] },
  azurerm_monitor_data_collection_rule: { azureType: 'Microsoft.Insights/dataCollectionRules', logs: ALL_ONLY, metrics: ['AllMetrics'] },
  // The account has metrics only (`Transaction`; `AllMetrics` is refused); its blob service has the logs, set apart below.
  azurerm_storage_account: { azureType: 'Microsoft.Storage/storageAccounts', metrics: ['Transaction'] },
};

/** The blob service of a storage account: its logs (no category group is documented for it) and `Transaction` metrics. */
export const BLOB_SERVICE_DIAGNOSTICS: DiagnosticSupport = {
  azureType: 'Microsoft.Storage/storageAccounts/blobServices',
  logs: { allLogs: { categories: ['StorageRead', 'StorageWrite', 'StorageDelete'] }, audit: { categories: ['StorageRead', 'StorageWrite', 'StorageDelete'] } },
  metrics: ['Transaction'],
  subresource: '/blobServices/default',
};

/**
 * The default database of an Azure Managed Redis cluster (`Microsoft.Cache/redisEnterprise/databases`): its connection
 * logs (`ConnectionEvents`: every connection, disconnection and authentication, failed ones included), which the
 * `audit` and `allLogs` groups both hold. The database is part of `azurerm_managed_redis` (named `default`).
 */
export const MANAGED_REDIS_DATABASE_DIAGNOSTICS: DiagnosticSupport = {
  azureType: 'Microsoft.Cache/redisEnterprise/databases', logs: GROUPS, subresource: '/databases/default',
};

/** What {@link addDiagnostics} sends where. */
export interface DiagnosticsOptions {
  /** What the resource supports (an entry of {@link DIAGNOSTIC_SUPPORT}, or {@link BLOB_SERVICE_DIAGNOSTICS}). */
  readonly support: DiagnosticSupport;
  /** Resource whose logs and metrics are collected. */
  readonly targetResourceId: string;
  /** Log Analytics workspace receiving them. */
  readonly workspaceId: string;
  /** Which logs. @default 'allLogs' */
  readonly logs?: DiagnosticLogs;
}

/** A diagnostic setting named `to-log-analytics` that sends a resource's logs and metrics to a workspace. */
export function addDiagnostics(scope: Construct, id: string, options: DiagnosticsOptions): MonitorDiagnosticSetting {
  const { support } = options;
  const logs = support.logs?.[options.logs ?? 'allLogs'];
  return new MonitorDiagnosticSetting(scope, id, {
    name: 'to-log-analytics',
    targetResourceId: `${options.targetResourceId}${support.subresource ?? ''}`,
    logAnalyticsWorkspaceId: options.workspaceId,
    logAnalyticsDestinationType: support.dedicated ? 'Dedicated' : undefined,
    enabledLog: [
      ...(logs?.categories ?? []).map((category) => ({ category })),
      ...(logs?.categoryGroups ?? []).map((categoryGroup) => ({ categoryGroup })),
    ],
    // enabled_metric (azurerm 4.x; the `metric` block is deprecated and removed in 5.0: monitor_diagnostic_setting_resource.go).
    enabledMetric: (support.metrics ?? []).map((category) => ({ category })),
  });
}

/** Where a resource's diagnostics go: a workspace, and which logs (a `RegionalMonitoring` is one). */
export interface DiagnosticSink {
  readonly workspaceId: string;
  /** @default 'allLogs' */
  readonly diagnosticLogs?: DiagnosticLogs;
}

/** {@link addDiagnostics} for a resource of a type of {@link DIAGNOSTIC_SUPPORT}, to a sink. */
export function diagnose(scope: Construct, id: string, terraformType: keyof typeof DIAGNOSTIC_SUPPORT, targetResourceId: string, sink: DiagnosticSink): MonitorDiagnosticSetting {
  const support = DIAGNOSTIC_SUPPORT[terraformType];
  if (!support) throw new Error(`internal: no diagnostics support entry for ${terraformType}`);
  return addDiagnostics(scope, id, { support, targetResourceId, workspaceId: sink.workspaceId, logs: sink.diagnosticLogs });
}

/** The SQL logical server's audit log: a setting on its `master` database (server-level auditing to Log Analytics). */
export function addSqlServerAuditDiagnostics(scope: Construct, id: string, serverId: string, workspaceId: string): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: 'to-log-analytics',
    targetResourceId: `${serverId}/databases/master`,
    logAnalyticsWorkspaceId: workspaceId,
    enabledLog: [{ category: 'SQLSecurityAuditEvents' }],
  });
}
