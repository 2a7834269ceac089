import { Naming, pathHash } from '../../lib/core/naming';
import { AGGREGATIONS, PlatformHealth, PlatformHealthProps, pathUuid } from '../../lib/monitoring/platform-health';
import { only, synthStack, testStack } from '../support/synth';

/** lib/monitoring/platform-health.ts: the workbook and dashboard JSON, from a model given directly. */

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups';
const AKS = `${SUB}/rg/providers/Microsoft.ContainerService/managedClusters/aks`;
const KV = `${SUB}/rg/providers/Microsoft.KeyVault/vaults/kv`;
const FG = `${SUB}/rg/providers/Microsoft.Sql/servers/sql/failoverGroups/fg`;

const PROPS: PlatformHealthProps = {
  naming: new Naming('shop'),
  title: 'shop platform health',
  summary: 'Pattern: zoneRedundant. West US 3: primary.',
  resourceGroupName: 'rg-obs',
  location: 'westus3',
  rows: [
    { title: 'westus3 (primary)', charts: [
      { title: 'AKS nodes', resourceId: AKS, namespace: 'Microsoft.ContainerService/managedClusters', metric: 'kube_node_status_condition', aggregation: 'Average', splitBy: 'status2' },
      { title: 'Key Vault', resourceId: KV, namespace: 'Microsoft.KeyVault/vaults', metric: 'Availability', aggregation: 'Average' },
      { title: 'Key Vault again', resourceId: KV, namespace: 'Microsoft.KeyVault/vaults', metric: 'Availability', aggregation: 'Minimum' },
      { title: 'AKS pods', resourceId: AKS, namespace: 'Microsoft.ContainerService/managedClusters', metric: 'kube_pod_status_phase', aggregation: 'Total' },
    ] },
    { title: 'empty', charts: [] },
  ],
  failover: [{ title: 'Failover group', resourceId: FG, apiVersion: '2021-11-01', columns: [{ label: 'Role', path: '$.properties.replicationRole' }] }],
};

function build(props: Partial<PlatformHealthProps> = {}) {
  const stack = testStack();
  const health = new PlatformHealth(stack, 'Health', { ...PROPS, ...props });
  const json = synthStack(stack);
  return { health, workbook: only(json, 'azurerm_application_insights_workbook'), dashboard: only(json, 'azurerm_portal_dashboard') };
}

describe('pathUuid', () => {
  test('a lower-case UUID (version 5 layout, RFC 4122 variant), the same for the same path and different for another', () => {
    const uuid = pathUuid('shop/shop-observability/Health/Workbook');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pathUuid('shop/shop-observability/Health/Workbook')).toBe(uuid);
    expect(pathUuid('shop/shop-observability/Health/Workbook2')).not.toBe(uuid);
    // Every variant nibble: the two high bits are always 10.
    const variants = new Set(Array.from({ length: 64 }, (_, i) => pathUuid(`p${i}`)[19]));
    expect([...variants].every((v) => '89ab'.includes(v))).toBe(true);
    expect(variants.size).toBeGreaterThan(1);
  });

  test('the aggregation numbers workbooks and dashboards store', () => {
    expect(AGGREGATIONS).toEqual({ Total: 1, Minimum: 2, Maximum: 3, Average: 4, Count: 7 });
  });
});

describe('PlatformHealth', () => {
  test('the workbook: named by the path\'s UUID in the group and region given, a title, the failover state read from ARM, a group of metric charts per row', () => {
    const { health, workbook } = build({ tags: { team: 'orders' } });
    expect(workbook.name).toBe(pathUuid('test/Health/Workbook'));
    expect([workbook.resource_group_name, workbook.location, workbook.display_name, workbook.tags]).toEqual(['rg-obs', 'westus3', 'shop platform health', { team: 'orders' }]);
    const json = JSON.parse(workbook.data_json);
    expect(json.version).toBe('Notebook/1.0');
    expect(json.items[0]).toEqual({ type: 1, name: 'title', content: { json: '# shop platform health\n\nPattern: zoneRedundant. West US 3: primary.' } });
    const failover = json.items[1];
    expect({ ...failover, content: { ...failover.content, items: undefined } }).toEqual({
      type: 12, name: 'failover-state', content: { version: 'NotebookGroup/1.0', groupType: 'editable', title: 'Failover state of the data services', items: undefined },
    });
    const arm = failover.content.items[0];
    expect({ ...arm, content: { ...arm.content, query: undefined } }).toEqual({
      type: 3, name: 'failover-0', customWidth: '50', content: { version: 'KqlItem/1.0', query: undefined, size: 4, title: 'Failover group', queryType: 12, visualization: 'table' },
    });
    expect(JSON.parse(arm.content.query)).toEqual({
      version: 'ARMEndpoint/1.0', data: null, headers: [], method: 'GET', path: FG, urlParams: [{ key: 'api-version', value: '2021-11-01' }], batchDisabled: false,
      transformers: [{ type: 'jsonpath', settings: { tablePath: '$', columns: [{ path: '$.properties.replicationRole', columnid: 'Role' }] } }],
    });
    const row = json.items[2];
    expect([row.type, row.name, row.content.version, row.content.groupType, row.content.title, row.content.items.length]).toEqual([12, 'row-0', 'NotebookGroup/1.0', 'editable', 'westus3 (primary)', 4]);
    expect([json.isLocked, json.$schema]).toEqual([false, 'https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json']);
    expect(row.content.items[0]).toEqual({
      type: 10, name: 'row-0-chart-0', customWidth: '33',
      content: {
        chartId: `workbook${pathUuid('row-0-chart-0')}`, version: 'MetricsItem/2.0', size: 0, chartType: 2, resourceType: 'microsoft.containerservice/managedclusters', metricScope: 0,
        resourceIds: [AKS], timeContext: { durationMs: 3600000 },
        metrics: [{ namespace: 'microsoft.containerservice/managedclusters', metric: 'microsoft.containerservice/managedclusters--kube_node_status_condition', aggregation: 4, splitBy: ['status2'], splitBySortOrder: -1, splitByLimit: 10 }],
        title: 'AKS nodes', gridSettings: { rowLimit: 10000 },
      },
    });
    expect(row.content.items[1].content.metrics).toEqual([{ namespace: 'microsoft.keyvault/vaults', metric: 'microsoft.keyvault/vaults--Availability', aggregation: 4 }]);
    expect(json.items[3].content.items).toEqual([]);
    expect(json.items).toHaveLength(4);
    expect(health.workbook.node.path).toBe('test/Health/Workbook');
  });

  test('without replicated data services there is no failover group in the workbook', () => {
    const json = JSON.parse(build({ failover: [] }).workbook.data_json);
    expect(json.items.map((i: { name: string }) => i.name)).toEqual(['title', 'row-0', 'row-1']);
  });

  test('the dashboard: generated name, the title as hidden-title, a title part, a label and three charts per line for each row, no overlap', () => {
    const { dashboard } = build({ tags: { team: 'orders' } });
    expect(dashboard.name).toBe(`shop-dash-health-${pathHash('test/Health/Dashboard')}`);
    expect([dashboard.resource_group_name, dashboard.location, dashboard.tags]).toEqual(['rg-obs', 'westus3', { team: 'orders', 'hidden-title': 'shop platform health' }]);
    const json = JSON.parse(dashboard.dashboard_properties);
    const parts = Object.values(json.lenses['0'].parts) as { position: { x: number; y: number; colSpan: number; rowSpan: number }; metadata: { type: string; settings: { content?: { settings: { title: string; content: string } } }; inputs: { value: { chart: Record<string, unknown> } }[] } }[];
    expect(parts.map((p) => [p.metadata.type.split('/').pop(), p.position.x, p.position.y, p.position.colSpan, p.position.rowSpan])).toEqual([
      ['MarkdownPart', 0, 0, 14, 2],
      ['MarkdownPart', 0, 2, 2, 3], ['MonitorChartPart', 2, 2, 4, 3], ['MonitorChartPart', 6, 2, 4, 3], ['MonitorChartPart', 10, 2, 4, 3], ['MonitorChartPart', 2, 5, 4, 3],
      ['MarkdownPart', 0, 8, 2, 3],
    ]);
    expect(parts[0].metadata.settings.content!.settings).toEqual({ title: 'shop platform health', subtitle: '', content: 'Pattern: zoneRedundant. West US 3: primary.\n\nThe failover state of each data service is in the workbook "shop platform health".' });
    expect(parts[1].metadata).toEqual({ inputs: [], type: 'Extension/HubsExtension/PartType/MarkdownPart', settings: { content: { settings: { content: '', title: 'westus3 (primary)', subtitle: '' } } } });
    expect({ ...parts[2].metadata.inputs[0], value: undefined }).toEqual({ name: 'options', isOptional: true, value: undefined });
    expect(parts[2].metadata).toMatchObject({ type: 'Extension/HubsExtension/PartType/MonitorChartPart', settings: {} });
    expect(parts[2].metadata.inputs[0].value.chart).toEqual({
      title: 'AKS nodes',
      metrics: [{ resourceMetadata: { id: AKS }, name: 'kube_node_status_condition', aggregationType: 4, namespace: 'microsoft.containerservice/managedclusters', metricVisualization: { displayName: 'kube_node_status_condition' } }],
      grouping: { dimension: 'status2', sort: 2, top: 10 },
      visualization: { chartType: 2 },
      timespan: { relative: { duration: 3600000 } },
    });
    expect(parts[3].metadata.inputs[0].value.chart.grouping).toBeUndefined();
    expect(json.metadata).toEqual({ model: { timeRange: { value: { relative: { duration: 24, timeUnit: 1 } }, type: 'MsPortalFx.Composition.Configuration.ValueTypes.TimeRange' } } });
  });

  test('names as given', () => {
    const { workbook, dashboard } = build({ names: { workbook: '4b2c1f5e-8d3a-5e6f-9a1b-2c3d4e5f6a7b', dashboard: 'orders_health' } });
    expect([workbook.name, dashboard.name]).toEqual(['4b2c1f5e-8d3a-5e6f-9a1b-2c3d4e5f6a7b', 'orders_health']);
    expect(() => build({ names: { workbook: 'Not-A-UUID' } })).toThrow('internal: workbook name Not-A-UUID is not a lower-case UUID');
    // Anchored: nothing before or after the UUID.
    expect(() => build({ names: { workbook: 'x4b2c1f5e-8d3a-5e6f-9a1b-2c3d4e5f6a7b' } })).toThrow('is not a lower-case UUID');
    expect(() => build({ names: { workbook: '4b2c1f5e-8d3a-5e6f-9a1b-2c3d4e5f6a7bx' } })).toThrow('is not a lower-case UUID');
    // A dashboard name is checked and reported at names.dashboard.
    expect(() => build({ names: { dashboard: 'orders health' } })).toThrow(expect.objectContaining({ violations: [expect.objectContaining({ prop: 'names.dashboard' })] }));
  });
});
