import { Construct } from 'constructs';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { protect, RemovalPolicy } from '../core/lifecycle';
import { REMOVAL_POLICY_SHAPE, TAGS_SHAPE } from '../core/shapes';
import { checkInteger, checkShape, opt, shapes, strictShape } from '../core/validate';
import { Naming, ResourceKind } from '../core/naming';
import { Tags } from '../core/tags';
import { addDiagnostics, DIAGNOSTIC_SUPPORT, DiagnosticLogs } from './diagnostics';

/** `allLogs` or `audit`. */
export const DIAGNOSTIC_LOGS_SHAPE = shapes.oneOf(['allLogs', 'audit']);

/** Name overrides of {@link RegionalMonitoring}. */
export interface RegionalMonitoringNames {
  /** Name of the Log Analytics workspace. @default - `<prefix>-log-<region>-<hash>` */
  readonly logAnalyticsWorkspace?: string;
  /** Name of the Application Insights component. @default - `<prefix>-appi-<region>-<hash>` */
  readonly applicationInsights?: string;
}

/** Props of {@link RegionalMonitoring}. */
export interface RegionalMonitoringProps {
  /** Name prefix (2-12 lower-case letters and digits). */
  readonly prefix: string;
  /** Programmatic region name (already validated by the caller). */
  readonly region: string;
  /** Resource group that holds the workspace. */
  readonly resourceGroupName: string;
  /**
   * Days Log Analytics keeps data (30-730; the first 31 days are included in the price).
   * @default 30
   */
  readonly retentionDays?: number;
  /**
   * Logs are data: RETAIN puts `prevent_destroy` on the workspace.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Which resource logs the diagnostic settings of every resource reporting to this sink send: `allLogs`, or `audit`
   * (who did what to the data and the settings) where log volume costs too much. Metrics go either way.
   * @default 'allLogs'
   */
  readonly diagnosticLogs?: DiagnosticLogs;
  /** Name overrides. @default - generated names */
  readonly names?: RegionalMonitoringNames;
  /** Tags for every resource. @default - none */
  readonly tags?: Tags;
}

/** The regional monitoring sink every stamp reports to (Container Insights, diagnostics, APM). */
export interface IRegionalMonitoring {
  /** Resource ID of the Log Analytics workspace. */
  readonly workspaceId: string;
  /** Application Insights connection string (for the workloads). */
  readonly appInsightsConnectionString: string;
  /** Which resource logs diagnostic settings send to this workspace. @default 'allLogs' */
  readonly diagnosticLogs?: DiagnosticLogs;
}

/**
 * A region's Log Analytics workspace and workspace-based Application Insights.
 *
 * The platform puts it in the data stack (logs outlive stamps, and the data tier's own diagnostics need a
 * workspace that already exists). Used on their own, the stamp, the data-tier constructs and the global entry create
 * no workspace: pass them one of these (or any `IRegionalMonitoring`).
 */
export class RegionalMonitoring extends Construct implements IRegionalMonitoring {
  /** The Log Analytics workspace. */
  public readonly workspace: LogAnalyticsWorkspace;
  /** The workspace-based Application Insights component. */
  public readonly appInsights: ApplicationInsights;
  /** Resource ID of the workspace. */
  public readonly workspaceId: string;
  /** Application Insights connection string (for the workloads). */
  public readonly appInsightsConnectionString: string;
  /** Which resource logs diagnostic settings send to this workspace. */
  public readonly diagnosticLogs: DiagnosticLogs;

  constructor(scope: Construct, id: string, props: RegionalMonitoringProps) {
    super(scope, id);
    checkShape(this, '', props, strictShape<RegionalMonitoringProps>({
      prefix: shapes.string(), region: shapes.string(), resourceGroupName: shapes.string(), retentionDays: opt(shapes.number()), removalPolicy: opt(REMOVAL_POLICY_SHAPE),
      diagnosticLogs: opt(DIAGNOSTIC_LOGS_SHAPE),
      names: opt(strictShape<RegionalMonitoringNames>({ logAnalyticsWorkspace: opt(shapes.string()), applicationInsights: opt(shapes.string()) })), tags: opt(TAGS_SHAPE),
    }));
    const naming = new Naming(Naming.validatePrefix(this, 'prefix', props.prefix));
    const retention = checkInteger(this, 'retentionDays', props.retentionDays ?? 30, 30, 730, 'Log Analytics (PerGB2018) keeps data 30-730 days');
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.workspace = new LogAnalyticsWorkspace(this, 'Workspace', {
      name: naming.name(this, ResourceKind.LOG_ANALYTICS_WORKSPACE, { qualifier: props.region, override: props.names?.logAnalyticsWorkspace, prop: 'names.logAnalyticsWorkspace' }),
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: 'PerGB2018',
      retentionInDays: retention,
      // Entra ID only: Container Insights (managed identity) and diagnostic settings need no shared keys.
      localAuthenticationEnabled: false,
      tags: props.tags,
    });
    protect(this.workspace, removalPolicy);

    this.appInsights = new ApplicationInsights(this, 'AppInsights', {
      name: naming.name(this, ResourceKind.APPLICATION_INSIGHTS, { qualifier: props.region, override: props.names?.applicationInsights, prop: 'names.applicationInsights' }),
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      applicationType: 'web',
      // Workspace-based: classic (standalone) Application Insights was retired in February 2024.
      workspaceId: this.workspace.id,
      tags: props.tags,
    });

    this.workspaceId = this.workspace.id;
    this.appInsightsConnectionString = this.appInsights.connectionString;
    this.diagnosticLogs = props.diagnosticLogs ?? 'allLogs';
    // The workspace's own query audit and summary logs, to itself. Application Insights gets none: its data is in this
    // workspace already, and Azure refuses a setting that targets the workspace a component is based on.
    addDiagnostics(this, 'WorkspaceDiagnostics', { support: DIAGNOSTIC_SUPPORT.azurerm_log_analytics_workspace, targetResourceId: this.workspace.id, workspaceId: this.workspace.id, logs: this.diagnosticLogs });
  }
}
