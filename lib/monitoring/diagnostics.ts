import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';

/** What {@link addDiagnostics} sends where. */
export interface DiagnosticsOptions {
  /** Resource whose logs are collected. */
  readonly targetResourceId: string;
  /** Log Analytics workspace receiving them. */
  readonly workspaceId: string;
  /** Log categories, e.g. `kube-audit-admin`. */
  readonly categories?: string[];
  /** Log category groups, e.g. `audit`. */
  readonly categoryGroups?: string[];
  /** Resource-specific tables instead of `AzureDiagnostics` (for services that support them). */
  readonly dedicated?: boolean;
}

/** A diagnostic setting named `to-log-analytics` that sends a resource's logs to a workspace. */
export function addDiagnostics(scope: Construct, id: string, options: DiagnosticsOptions): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: 'to-log-analytics',
    targetResourceId: options.targetResourceId,
    logAnalyticsWorkspaceId: options.workspaceId,
    logAnalyticsDestinationType: options.dedicated ? 'Dedicated' : undefined,
    enabledLog: [
      ...(options.categories ?? []).map((category) => ({ category })),
      ...(options.categoryGroups ?? []).map((categoryGroup) => ({ categoryGroup })),
    ],
  });
}
