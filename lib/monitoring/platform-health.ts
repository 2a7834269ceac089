import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { ApplicationInsightsWorkbook } from '@cdktf/provider-azurerm/lib/application-insights-workbook';
import { PortalDashboard } from '@cdktf/provider-azurerm/lib/portal-dashboard';
import { Naming, ResourceKind } from '../core/naming';
import type { Tags } from '../core/tags';

// Internal: the platform's health workbook and dashboard (not exported from the package; MultiRegionOrderPlatform
// builds the model from the resources it created).

/** How a metric is aggregated: Azure Monitor's names and the numbers workbooks and dashboards store for them. */
export const AGGREGATIONS = { Total: 1, Minimum: 2, Maximum: 3, Average: 4, Count: 7 } as const;
export type Aggregation = keyof typeof AGGREGATIONS;

/** One chart: a platform metric of one resource (Azure Monitor's supported-metrics reference names them). */
export interface HealthChart {
  readonly title: string;
  /** The resource's ID (Terraform tokens accepted). */
  readonly resourceId: string;
  /** Its resource type, the metric namespace (`Microsoft.ContainerService/managedClusters`). */
  readonly namespace: string;
  readonly metric: string;
  readonly aggregation: Aggregation;
  /** A dimension to split the chart by (`status2`, `EntityName`). */
  readonly splitBy?: string;
}

/** A row of charts: the entry, or one region's AKS, database, tracking store and bus. */
export interface HealthRow {
  readonly title: string;
  readonly charts: readonly HealthChart[];
}

/** A data service whose failover state is read from Azure Resource Manager: which side holds the writes, and the link's state. */
export interface FailoverState {
  readonly title: string;
  readonly resourceId: string;
  /** The ARM API version of the GET. */
  readonly apiVersion: string;
  /** Columns: label and JSONPath into the resource (`$.properties.replicationRole`). */
  readonly columns: readonly { readonly label: string; readonly path: string }[];
}

/** What the workbook and the dashboard show. */
export interface PlatformHealthProps {
  readonly naming: Naming;
  /** The title, e.g. `orders platform health`. */
  readonly title: string;
  /** Markdown under the title: the pattern and each region's role. */
  readonly summary: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly rows: readonly HealthRow[];
  readonly failover: readonly FailoverState[];
  readonly names?: { readonly workbook?: string; readonly dashboard?: string };
  readonly tags?: Tags;
}

/** A workbook's name is a lower-case UUID (application_insights_workbook_resource.go: IsUUID, no upper case). */
export const WORKBOOK_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID (version 5 layout) from a construct path: the workbook's name never changes while the path stays. */
export function pathUuid(path: string): string {
  const h = createHash('sha1').update(path).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The platform's health at a glance: an Azure Monitor workbook (failover state of every replicated data service, read
 * from Azure Resource Manager, then a row of metric charts for the entry and for each region) and a portal dashboard
 * with the same rows of charts, where people pin it. Both are generated from the synthesized resources: every ID in
 * them is a reference to a resource of the platform.
 */
export class PlatformHealth extends Construct {
  public readonly workbook: ApplicationInsightsWorkbook;
  public readonly dashboard: PortalDashboard;

  constructor(scope: Construct, id: string, props: PlatformHealthProps) {
    super(scope, id);
    const workbookName = props.names?.workbook ?? pathUuid(`${this.node.path}/Workbook`);
    if (!WORKBOOK_NAME.test(workbookName)) throw new Error(`internal: workbook name ${workbookName} is not a lower-case UUID`);
    this.workbook = new ApplicationInsightsWorkbook(this, 'Workbook', {
      name: workbookName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      displayName: props.title,
      // Tokens inside the string resolve to `${...}` references: valid JSON once Terraform interpolates the IDs.
      dataJson: JSON.stringify(workbookJson(props)),
      tags: props.tags,
    });
    this.dashboard = new PortalDashboard(this, 'Dashboard', {
      name: props.naming.name(this, ResourceKind.PORTAL_DASHBOARD, { qualifier: 'health', override: props.names?.dashboard, prop: 'names.dashboard', childId: 'Dashboard' }),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dashboardProperties: JSON.stringify(dashboardJson(props)),
      // The portal shows a dashboard's `hidden-title` tag as its title.
      tags: { ...props.tags, 'hidden-title': props.title },
    });
  }
}

/** A workbook metric item (MetricsItem/2.0: `<namespace>--<metric>`, the aggregation as a number). */
function metricItem(chart: HealthChart, name: string): object {
  const namespace = chart.namespace.toLowerCase();
  return {
    type: 10,
    name,
    customWidth: '33',
    content: {
      chartId: `workbook${pathUuid(name)}`,
      version: 'MetricsItem/2.0',
      size: 0,
      chartType: 2,
      resourceType: namespace,
      metricScope: 0,
      resourceIds: [chart.resourceId],
      timeContext: { durationMs: 3600000 },
      metrics: [{ namespace, metric: `${namespace}--${chart.metric}`, aggregation: AGGREGATIONS[chart.aggregation], ...(chart.splitBy ? { splitBy: [chart.splitBy], splitBySortOrder: -1, splitByLimit: 10 } : {}) }],
      title: chart.title,
      gridSettings: { rowLimit: 10000 },
    },
  };
}

/** A workbook query item that GETs a resource from Azure Resource Manager (ARMEndpoint/1.0, queryType 12) and shows the columns. */
function armItem(state: FailoverState, name: string): object {
  const query = {
    version: 'ARMEndpoint/1.0', data: null, headers: [], method: 'GET', path: state.resourceId,
    urlParams: [{ key: 'api-version', value: state.apiVersion }], batchDisabled: false,
    transformers: [{ type: 'jsonpath', settings: { tablePath: '$', columns: state.columns.map((c) => ({ path: c.path, columnid: c.label })) } }],
  };
  return { type: 3, name, customWidth: '50', content: { version: 'KqlItem/1.0', query: JSON.stringify(query), size: 4, title: state.title, queryType: 12, visualization: 'table' } };
}

function workbookJson(props: PlatformHealthProps): object {
  const items: object[] = [{ type: 1, name: 'title', content: { json: `# ${props.title}\n\n${props.summary}` } }];
  if (props.failover.length > 0) {
    items.push({
      type: 12, name: 'failover-state',
      content: {
        version: 'NotebookGroup/1.0', groupType: 'editable', title: 'Failover state of the data services',
        items: props.failover.map((state, i) => armItem(state, `failover-${i}`)),
      },
    });
  }
  props.rows.forEach((row, r) => items.push({
    type: 12, name: `row-${r}`,
    content: { version: 'NotebookGroup/1.0', groupType: 'editable', title: row.title, items: row.charts.map((chart, c) => metricItem(chart, `row-${r}-chart-${c}`)) },
  }));
  return { version: 'Notebook/1.0', items, isLocked: false, $schema: 'https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json' };
}

/** Dashboard grid: a label of 2 columns, then charts of 4 columns and 3 rows each. */
const LABEL_COLUMNS = 2;
const CHART_COLUMNS = 4;
const CHART_ROWS = 3;

function markdownPart(x: number, y: number, colSpan: number, rowSpan: number, title: string, content: string): object {
  return {
    position: { x, y, colSpan, rowSpan },
    metadata: { inputs: [], type: 'Extension/HubsExtension/PartType/MarkdownPart', settings: { content: { settings: { content, title, subtitle: '' } } } },
  };
}

function chartPart(x: number, y: number, chart: HealthChart): object {
  return {
    position: { x, y, colSpan: CHART_COLUMNS, rowSpan: CHART_ROWS },
    metadata: {
      inputs: [{
        name: 'options', isOptional: true,
        value: {
          chart: {
            title: chart.title,
            metrics: [{ resourceMetadata: { id: chart.resourceId }, name: chart.metric, aggregationType: AGGREGATIONS[chart.aggregation], namespace: chart.namespace.toLowerCase(), metricVisualization: { displayName: chart.metric } }],
            ...(chart.splitBy ? { grouping: { dimension: chart.splitBy, sort: 2, top: 10 } } : {}),
            visualization: { chartType: 2 },
            timespan: { relative: { duration: 3600000 } },
          },
        },
      }],
      type: 'Extension/HubsExtension/PartType/MonitorChartPart',
      settings: {},
    },
  };
}

function dashboardJson(props: PlatformHealthProps): object {
  const parts: object[] = [markdownPart(0, 0, LABEL_COLUMNS + 3 * CHART_COLUMNS, 2, props.title, `${props.summary}\n\nThe failover state of each data service is in the workbook "${props.title}".`)];
  let y = 2;
  for (const row of props.rows) {
    parts.push(markdownPart(0, y, LABEL_COLUMNS, CHART_ROWS, row.title, ''));
    // Three charts per line, as many lines as the row needs.
    row.charts.forEach((chart, i) => parts.push(chartPart(LABEL_COLUMNS + (i % 3) * CHART_COLUMNS, y + Math.floor(i / 3) * CHART_ROWS, chart)));
    y += Math.max(1, Math.ceil(row.charts.length / 3)) * CHART_ROWS;
  }
  return {
    lenses: { 0: { order: 0, parts: Object.fromEntries(parts.map((part, i) => [String(i), part])) } },
    metadata: { model: { timeRange: { value: { relative: { duration: 24, timeUnit: 1 } }, type: 'MsPortalFx.Composition.Configuration.ValueTypes.TimeRange' } } },
  };
}
