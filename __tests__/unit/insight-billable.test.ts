import { RedundancyPattern } from '../../lib/core/pattern';
import { availabilityMarkdown, availabilityReport, usd } from '../../lib/insight/availability';
import { BillableUnit, billableUnits, costEstimate } from '../../lib/insight/billable';
import { HOURS_PER_MONTH, LIST_PRICES, nodePrice, VM_PRICE_TABLE } from '../../lib/insight/prices';
import { readTopology } from '../../lib/insight/topology';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';
import { APIM, entryProps, publicFor, synthEntry } from '../support/global-entry';

// The billable units each example deploys, read from its synthesized stacks, their list prices and the monthly estimate.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const stacksOf = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose }));
/** The example's stacks as a mutable copy, with `edit` applied to every resource of a type. */
function edited(id: string, type: string, edit: (body: Loose) => void): SynthesizedStack[] {
  const stacks = stacksOf(id).map((s) => ({ name: s.name, json: JSON.parse(JSON.stringify(s.json)) }));
  let n = 0;
  for (const s of stacks) {
    for (const body of Object.values(s.json.resource?.[type] ?? {})) {
      edit(body);
      n++;
    }
  }
  expect(n).toBeGreaterThan(0);
  return stacks;
}
const line = (id: string) => billableUnits(stacksOf(id), id).map((u) => `${u.item} | ${u.sku} | ${u.min}-${u.max}`);
const find = (units: readonly BillableUnit[], item: string, detail = '') => {
  const found = units.filter((u) => u.item === item && u.detail.includes(detail));
  expect(found).toHaveLength(1);
  return found[0];
};
const hourly = (region: string, size: string) => VM_PRICE_TABLE.prices[region][size];

describe('billableUnits', () => {
  test('primarySecondary: two Standard clusters with their pools at min and max, a zone-redundant SQL database and its geo-secondary, Cosmos DB, two Premium namespaces, Front Door Premium', () => {
    const units = line('primary-secondary');
    const cluster = [
      'AKS cluster (uptime SLA) | Standard tier | 1-1', 'AKS nodes, system pool | Standard_D4ds_v5 | 3-5', 'AKS node OS disks, system pool | managed, 128 GiB | 3-5',
      'AKS nodes, user pool | Standard_D4ds_v5 | 3-10', 'AKS node OS disks, user pool | managed, 128 GiB | 3-10',
    ];
    expect(units.filter((u) => u.startsWith('AKS'))).toEqual([...cluster, ...cluster]);
    expect(units.filter((u) => u.startsWith('Azure SQL vCores'))).toEqual(['Azure SQL vCores | GP_Gen5_2, zone-redundant | 2-2', 'Azure SQL vCores | GP_Gen5_2, zone-redundant | 2-2']);
    // The geo-secondary has no max_size_gb of its own: it takes its primary's.
    expect(units.filter((u) => u.startsWith('Azure SQL storage'))).toEqual(['Azure SQL storage (GB) | General Purpose, zone-redundant | 32-32', 'Azure SQL storage (GB) | General Purpose, zone-redundant | 32-32']);
    expect(units).toContain('Cosmos DB autoscale RU/s (all regions) | single write region | 500-5000');
    expect(units.filter((u) => u.startsWith('Service Bus'))).toEqual(['Service Bus messaging units | Premium | 1-1', 'Service Bus messaging units | Premium | 1-1']);
    expect(units).toContain('Front Door profile | Premium_AzureFrontDoor | 1-1');
    // 12 to the databases, Cosmos DB, Service Bus and Key Vaults, and each region's cache from its own stamp.
    expect(units).toContain('Private endpoints | standard | 14-14');
    // Two standard web tests, every 300 s from 5 locations: 730 h x 12 runs x 5 locations each.
    expect(units).toContain(`Availability test runs a month | standard web test | ${2 * HOURS_PER_MONTH * 12 * 5}-${2 * HOURS_PER_MONTH * 12 * 5}`);
  });

  test('activePassive: the PostgreSQL primary counts its HA standby (twice the vCores and the storage), the replica runs without; Event Grid topics', () => {
    const units = billableUnits(stacksOf('active-passive'), 'active-passive');
    expect(units.filter((u) => u.item === 'PostgreSQL vCores').map((u) => [u.sku, u.min, u.detail.endsWith('(replica)')])).toEqual([
      ['GP_Standard_D4ds_v5', 4, true], ['GP_Standard_D4ds_v5, with HA standby', 8, false],
    ]);
    expect(units.filter((u) => u.item === 'PostgreSQL storage (GiB)').map((u) => [u.sku, u.max])).toEqual([['Premium SSD', 128], ['Premium SSD, primary and HA standby', 256]]);
    expect(units.find((u) => u.item === 'Event Grid topics')).toMatchObject({ sku: 'Basic', min: 2, detail: 'centralus, eastus2 (operations billed by use)', byUse: true });
    expect(units.filter((u) => u.item === 'PostgreSQL vCores').map((u) => u.detail.replace(/psql-[a-z0-9-]+/, 'psql'))).toEqual(['ordap-psql in centralus (replica)', 'ordap-psql in eastus2']);
  });
});

describe('every line of a platform, and only its own', () => {
  test('zoneRedundant: what it deploys, line by line', () => {
    expect(billableUnits(stacksOf('zone-redundant'), 'zone-redundant').map((u) => `${u.item} | ${u.sku} | ${u.min}-${u.max} | ${u.detail}`)).toEqual([
      'AKS cluster (uptime SLA) | Standard tier | 1-1 | westus3',
      'AKS nodes, system pool | Standard_D4ds_v5 | 3-5 | westus3',
      'AKS node OS disks, system pool | managed, 128 GiB | 3-5 | westus3',
      'AKS nodes, user pool | Standard_D4ds_v5 | 3-10 | westus3',
      'AKS node OS disks, user pool | managed, 128 GiB | 3-10 | westus3',
      'Azure SQL vCores | GP_Gen5_2, zone-redundant | 2-2 | orders in westus3',
      'Azure SQL storage (GB) | General Purpose, zone-redundant | 32-32 | orders in westus3',
      'Cosmos DB autoscale RU/s (all regions) | single write region | 500-5000 | ordzr-cosmos-westus3-6afe8e: 2 container(s) or database(s) x 1 region(s) (autoscale bills from 10% of the maximum)',
      'Service Bus messaging units | Premium | 1-1 | ordzr-sbns-westus3-c10ec6 in westus3',
      'Front Door profile | Premium_AzureFrontDoor | 1-1 | ordzr-afd-c8d358',
      'Private endpoints | standard | 4-4 | in the regional stacks (data processed billed by use)',
      'Metric alert time series | monitored | 15-15 | 17 metric alert(s)',
      'Log alert rules | evaluated every 5 minutes | 3-3 | scheduled query rules',
      'Private DNS zones | hosted zone | 4-4 | queries billed by use',
      'Log Analytics workspaces | PerGB2018 | 1-1 | retention 30 days (ingestion billed by use)',
      'Availability test runs a month | standard web test | 87600-87600 | 2 test(s), one run per location and interval',
      'Key Vaults | standard | 1-1 | operations billed by use',
    ]);
  });

  test('two platforms in one folder: each counts only the resources it tags, and private endpoints of its regional stacks', () => {
    const both = [...stacksOf('zone-redundant'), ...stacksOf('primary-secondary')];
    expect(billableUnits(both, 'zone-redundant')).toEqual(billableUnits(stacksOf('zone-redundant'), 'zone-redundant'));
    expect(billableUnits(both, 'primary-secondary')).toEqual(billableUnits(stacksOf('primary-secondary'), 'primary-secondary'));
  });

  test('absent resources make no line: no alerts, zones, tests, manual throughput', () => {
    const units = billableUnits(stacksOf('zone-redundant'), 'zone-redundant');
    expect(units.filter((u) => u.item.startsWith('Cosmos DB manual'))).toEqual([]);
    const stripped = stacksOf('zone-redundant').map((s) => {
      const json = JSON.parse(JSON.stringify(s.json));
      for (const t of ['azurerm_monitor_metric_alert', 'azurerm_monitor_scheduled_query_rules_alert_v2', 'azurerm_private_dns_zone', 'azurerm_application_insights_standard_web_test', 'azurerm_private_endpoint']) delete json.resource?.[t];
      return { name: s.name, json };
    });
    const items = billableUnits(stripped, 'zone-redundant').map((u) => u.item);
    for (const item of ['Metric alert time series', 'Log alert rules', 'Private DNS zones', 'Availability test runs a month', 'Private endpoints']) expect(items).not.toContain(item);
    expect(costEstimate(billableUnits(stripped, 'zone-redundant')).usage).not.toContain(LIST_PRICES.privateEndpointData);
  });
});

describe('list prices of the lines', () => {
  test('nodes at the Linux price of their own region', () => {
    const units = billableUnits(stacksOf('active-passive'), 'active-passive');
    const east = units.filter((u) => u.item.startsWith('AKS nodes') && u.detail === 'eastus2');
    const central = units.filter((u) => u.item.startsWith('AKS nodes') && u.detail === 'centralus');
    expect(east).toHaveLength(2);
    expect(central).toHaveLength(2);
    for (const u of east) expect(u.price!.usd).toBeCloseTo(hourly('eastus2', 'Standard_D4ds_v5') * 730, 6);
    for (const u of central) expect(u.price!.usd).toBeCloseTo(hourly('centralus', 'Standard_D4ds_v5') * 730, 6);
    expect(hourly('centralus', 'Standard_D4ds_v5')).not.toBe(hourly('eastus2', 'Standard_D4ds_v5'));
    expect(find(units, 'AKS cluster (uptime SLA)', 'eastus2').price!.usd).toBe(73);
  });

  test('Azure SQL General Purpose: compute, license and the zone-redundancy surcharge per vCore; zone-redundant storage per GB', () => {
    const units = billableUnits(stacksOf('primary-secondary'), 'primary-secondary');
    const db = find(units, 'Azure SQL vCores', 'westus3');
    expect(db.price!.parts.map((p) => p.price)).toEqual([LIST_PRICES.sqlGpCompute, LIST_PRICES.sqlLicense, LIST_PRICES.sqlZoneRedundancy]);
    expect(db.price!.usd).toBeCloseTo(444.47 / 4 + (291.9 / 2920) * 730 + 266.68 / 4, 6);
    expect(find(units, 'Azure SQL storage (GB)', 'westus3').price!.usd).toBe(0.23);
    // Without zone redundancy: no surcharge, the locally redundant storage price.
    const lrs = billableUnits(edited('primary-secondary', 'azurerm_mssql_database', (b) => { b.zone_redundant = false; }), 'primary-secondary');
    expect(find(lrs, 'Azure SQL vCores', 'westus3').price!.usd).toBeCloseTo(444.47 / 4 + (291.9 / 2920) * 730, 6);
    expect(find(lrs, 'Azure SQL storage (GB)', 'westus3')).toMatchObject({ sku: 'General Purpose', price: { usd: 0.115 } });
    expect(find(lrs, 'Azure SQL vCores', 'westus3').sku).toBe('GP_Gen5_2');
  });

  test('PostgreSQL per vCore and GiB; Cosmos DB per 100 RU/s and region, multi-region writes at their own rate', () => {
    const ap = billableUnits(stacksOf('active-passive'), 'active-passive');
    expect(find(ap, 'PostgreSQL vCores', 'in eastus2').price!.usd).toBeCloseTo(148.19 / 2, 6);
    expect(find(ap, 'PostgreSQL storage (GiB)', 'psql-eastus2').price!.usd).toBeCloseTo(17.66 / 128, 6);
    // Two regions: one RU/s costs the 100 RU/s price / 100 in each.
    expect(find(ap, 'Cosmos DB autoscale RU/s (all regions)').price!.usd).toBeCloseTo((2 * 0.012 * 730) / 100, 9);
    const aa = billableUnits(stacksOf('active-active'), 'active-active');
    const cosmos = find(aa, 'Cosmos DB autoscale RU/s (all regions)');
    expect(cosmos.sku).toBe('multi-region writes');
    expect(cosmos.price!.usd).toBeCloseTo((3 * 0.016 * 730) / 100, 9);
  });

  test('what the list does not have is not priced, with the reason, and stays out of the total', () => {
    const stacks = edited('zone-redundant', 'azurerm_kubernetes_cluster_node_pool', (b) => { b.vm_size = 'Standard_D4as_v5'; });
    const units = billableUnits(stacks, 'zone-redundant');
    const user = find(units, 'AKS nodes, user pool');
    expect(user.price).toBeUndefined();
    expect(user.notPriced).toBe('no list price for Standard_D4as_v5 in westus3 (the table has the Intel D and E v5 sizes with premium storage)');
    const cost = costEstimate(units);
    expect(cost.notPriced).toContain(`AKS nodes, user pool (Standard_D4as_v5, westus3): ${user.notPriced}`);
    expect(cost.monthlyMin).toBeCloseTo(costEstimate(billableUnits(stacksOf('zone-redundant'), 'zone-redundant')).monthlyMin - 3 * hourly('westus3', 'Standard_D4ds_v5') * 730, 1);

    const bc = billableUnits(edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.sku_name = 'BC_Gen5_4'; }), 'zone-redundant');
    expect(find(bc, 'Azure SQL vCores')).toMatchObject({ min: 4, notPriced: 'no list price for BC_Gen5_4 (the list has General Purpose Gen5 provisioned and serverless)' });
    expect(find(bc, 'Azure SQL storage (GB)')).toMatchObject({ sku: 'BC_Gen5_4', notPriced: 'no list price for BC_Gen5_4 storage' });
    const sb = billableUnits(edited('zone-redundant', 'azurerm_servicebus_namespace', (b) => { b.sku = 'Standard'; }), 'zone-redundant');
    expect(find(sb, 'Service Bus messaging units').notPriced).toBe('no list price for Service Bus Standard');
    const pg = billableUnits(edited('active-passive', 'azurerm_postgresql_flexible_server', (b) => { b.sku_name = 'MO_Standard_E4ds_v5'; }), 'active-passive');
    expect(find(pg, 'PostgreSQL vCores', 'in eastus2').notPriced).toBe('no list price for MO_Standard_E4ds_v5 (the list has General Purpose Ddsv5)');
  });

  test('the AKS Free tier costs nothing; Front Door Standard has its base fee and its request price billed by use', () => {
    const free = billableUnits(edited('zone-redundant', 'azurerm_kubernetes_cluster', (b) => { b.sku_tier = 'Free'; }), 'zone-redundant');
    expect(find(free, 'AKS cluster (uptime SLA)')).toMatchObject({ sku: 'Free tier', detail: 'westus3 (no charge)', price: { usd: 0, parts: [] } });
    const premiumTier = billableUnits(edited('zone-redundant', 'azurerm_kubernetes_cluster', (b) => { b.sku_tier = 'Premium'; }), 'zone-redundant');
    expect(find(premiumTier, 'AKS cluster (uptime SLA)')).toMatchObject({ sku: 'Premium tier', detail: 'westus3', notPriced: 'no list price for the AKS Premium tier' });
    const unset = billableUnits(edited('zone-redundant', 'azurerm_kubernetes_cluster', (b) => { delete b.sku_tier; }), 'zone-redundant');
    expect(find(unset, 'AKS cluster (uptime SLA)')).toMatchObject({ sku: 'Free tier', price: { usd: 0 } });
    const standard = billableUnits(edited('zone-redundant', 'azurerm_cdn_frontdoor_profile', (b) => { b.sku_name = 'Standard_AzureFrontDoor'; }), 'zone-redundant');
    expect(find(standard, 'Front Door profile').price!.usd).toBe(35);
    const cost = costEstimate(standard);
    expect(cost.usage).toContain(LIST_PRICES.frontDoorRequests);
    expect(cost.notPriced).toEqual([]);
    const premium = costEstimate(billableUnits(stacksOf('zone-redundant'), 'zone-redundant'));
    expect(premium.usage).not.toContain(LIST_PRICES.frontDoorRequests);
    expect(premium.usage).toContain(LIST_PRICES.frontDoorEgress);
    expect(premium.notPriced).toEqual(["Front Door Premium requests: billed by use at a higher rate than Standard's, which the Front Door price comparison does not give"]);
  });

  test('Traffic Manager: a health check per endpoint; API Management: its units in every location', () => {
    const tag = (json: Loose, type: string) => {
      const copy = JSON.parse(JSON.stringify(json));
      for (const body of Object.values(copy.resource[type]) as Loose[]) body.tags = { platform: 'entry' };
      return [{ name: 'entry', json: copy }];
    };
    const tm = synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], publicOrigins: publicFor(['westus3', 'eastus']), trafficManager: { services: ['order', 'tracking'] } })).json;
    const endpoints = Object.keys((tm as Loose).resource.azurerm_traffic_manager_external_endpoint).length;
    expect(endpoints).toBeGreaterThan(1);
    const checks = billableUnits(tag(tm, 'azurerm_traffic_manager_profile'), 'entry').filter((u) => u.item === 'Traffic Manager health checks');
    expect(checks.reduce((n, u) => n + u.min, 0)).toBe(endpoints);
    expect(checks[0]).toMatchObject({ sku: 'external endpoint', price: { usd: 0.54 } });
    expect(costEstimate(billableUnits(tag(tm, 'azurerm_traffic_manager_profile'), 'entry')).usage).toEqual([LIST_PRICES.trafficManagerQueries]);

    const apim = synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], publicOrigins: publicFor(['westus3', 'eastus']), apiManagement: APIM })).json;
    const units = billableUnits(tag(apim, 'azurerm_api_management'), 'entry').filter((u) => u.item === 'API Management units');
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ sku: 'Premium', detail: '2 location(s)' });
    const body = Object.values((apim as Loose).resource.azurerm_api_management)[0] as Loose;
    const capacity = Number(String(body.sku_name).split('_')[1]);
    expect(units[0].min).toBe(capacity * 2);
    expect(units[0].price!.usd).toBeCloseTo(11180.68 / 4, 6);
    // An additional location with units of its own counts them.
    const own = JSON.parse(JSON.stringify(apim));
    for (const b of Object.values(own.resource.azurerm_api_management) as Loose[]) b.additional_location[0].capacity = 5;
    expect(billableUnits(tag(own, 'azurerm_api_management'), 'entry').find((u) => u.item === 'API Management units')!.min).toBe(capacity + 5);
  });
});

describe('what a review of the bill found', () => {
  test('a standby geo-secondary pays no SQL license (free up to its primary\'s vCores); Azure Hybrid Benefit none either', () => {
    const standby = billableUnits(edited('primary-secondary', 'azurerm_mssql_database', (b) => { if (b.create_mode === 'Secondary') b.secondary_type = 'Standby'; }), 'primary-secondary');
    const secondary = find(standby, 'Azure SQL vCores', 'geo-secondary');
    expect(secondary.sku).toBe('GP_Gen5_2, zone-redundant, standby (no license)');
    expect(secondary.price!.parts.map((p) => p.price)).toEqual([LIST_PRICES.sqlGpCompute, LIST_PRICES.sqlZoneRedundancy]);
    expect(find(standby, 'Azure SQL vCores', 'in westus3').price!.parts.map((p) => p.price)).toContain(LIST_PRICES.sqlLicense);
    const ahb = billableUnits(edited('primary-secondary', 'azurerm_mssql_database', (b) => { b.license_type = 'BasePrice'; }), 'primary-secondary');
    expect(find(ahb, 'Azure SQL vCores', 'in westus3')).toMatchObject({ sku: 'GP_Gen5_2, zone-redundant, Azure Hybrid Benefit' });
    expect(find(ahb, 'Azure SQL vCores', 'in westus3').price!.parts.map((p) => p.price)).not.toContain(LIST_PRICES.sqlLicense);
  });

  test('node OS disks: a P10 per node for the default 128 GiB managed disk; none when Ephemeral; another size not priced', () => {
    const units = billableUnits(stacksOf('zone-redundant'), 'zone-redundant');
    expect(find(units, 'AKS node OS disks, user pool')).toMatchObject({ min: 3, max: 10, price: { usd: 59.13 / 3 } });
    const ephemeral = billableUnits(edited('zone-redundant', 'azurerm_kubernetes_cluster_node_pool', (b) => { b.os_disk_type = 'Ephemeral'; }), 'zone-redundant');
    expect(ephemeral.filter((u) => u.item === 'AKS node OS disks, user pool')).toEqual([]);
    expect(ephemeral.filter((u) => u.item === 'AKS node OS disks, system pool')).toHaveLength(1);
    const big = billableUnits(edited('zone-redundant', 'azurerm_kubernetes_cluster_node_pool', (b) => { b.os_disk_size_gb = 256; }), 'zone-redundant');
    expect(find(big, 'AKS node OS disks, user pool')).toMatchObject({ sku: 'managed, 256 GiB', notPriced: 'no list price for a 256 GiB OS disk (the list has the 128 GiB P10)' });
  });

  test('Cosmos DB manual throughput at the standard rate, at its count; shared database throughput counts', () => {
    const manual = billableUnits(edited('primary-secondary', 'azurerm_cosmosdb_sql_container', (b) => { delete b.autoscale_settings; b.throughput = 400; }), 'primary-secondary');
    expect(manual.filter((u) => u.item.startsWith('Cosmos DB autoscale'))).toEqual([]);
    expect(find(manual, 'Cosmos DB manual RU/s (all regions)')).toMatchObject({ sku: 'single write region', min: 800, max: 800, price: { usd: (2 * 0.008 * 730) / 100 } });
    expect(find(manual, 'Cosmos DB manual RU/s (all regions)').detail).toContain('zone-redundant regions add 25% to manual throughput, not included');
    const shared = billableUnits(edited('primary-secondary', 'azurerm_cosmosdb_sql_database', (b) => { b.autoscale_settings = [{ max_throughput: 4000 }]; }), 'primary-secondary');
    expect(find(shared, 'Cosmos DB autoscale RU/s (all regions)')).toMatchObject({ max: 9000, min: 900 });
  });

  test('Traffic Manager at a 10-second interval adds the fast interval add-on per endpoint', () => {
    const tm = synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], publicOrigins: publicFor(['westus3', 'eastus']), trafficManager: { services: ['order', 'tracking'], probeIntervalSeconds: 10 } })).json as Loose;
    for (const body of Object.values(tm.resource.azurerm_traffic_manager_profile) as Loose[]) body.tags = { platform: 'entry' };
    const checks = billableUnits([{ name: 'entry', json: tm }], 'entry').filter((u) => u.item === 'Traffic Manager health checks');
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(c).toMatchObject({ sku: 'external endpoint, fast interval', price: { usd: 0.54 + 2 } });
    expect(checks[0].detail).toMatch(/^\S+ \(DNS queries billed by use\)$/);
  });

  test('a disabled availability test does not run; alert rules and private DNS zones are priced', () => {
    const units = billableUnits(stacksOf('zone-redundant'), 'zone-redundant');
    const runs = find(units, 'Availability test runs a month').min;
    const off = billableUnits(edited('zone-redundant', 'azurerm_application_insights_standard_web_test', (b) => { if (b.name.includes('order')) b.enabled = false; }), 'zone-redundant');
    expect(find(off, 'Availability test runs a month').min).toBe(runs / 2);
    const json = Object.values(exampleStacks('zone-redundant')) as Loose[];
    const all = (type: string) => json.flatMap((s) => Object.values(s.resource?.[type] ?? {}) as Loose[]);
    const series = all('azurerm_monitor_metric_alert').reduce((n, m) => n + (m.criteria?.length ?? 0) + 2 * (m.dynamic_criteria?.length ?? 0), 0);
    expect(series).toBeGreaterThan(10);
    expect(find(units, 'Metric alert time series')).toMatchObject({ min: series, detail: `${all('azurerm_monitor_metric_alert').length} metric alert(s)`, price: { usd: 0.1 } });
    expect(find(units, 'Log alert rules')).toMatchObject({ min: all('azurerm_monitor_scheduled_query_rules_alert_v2').length, price: { usd: 1.5 } });
    expect(find(units, 'Private DNS zones')).toMatchObject({ min: all('azurerm_private_dns_zone').length, price: { usd: 0.5 } });
    const hourly = billableUnits(edited('zone-redundant', 'azurerm_monitor_scheduled_query_rules_alert_v2', (b) => { b.evaluation_frequency = 'PT1H'; }), 'zone-redundant');
    expect(find(hourly, 'Log alert rules')).toMatchObject({ sku: 'another evaluation frequency', notPriced: 'the list has the 5-minute frequency only' });
  });
});

describe('edges of the price list', () => {
  test('vCores of two-digit SKUs: GP_Gen5_16 and GP_Standard_D16ds_v5 are 16 and priced', () => {
    const sql = billableUnits(edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.sku_name = 'GP_Gen5_16'; }), 'zone-redundant');
    expect(find(sql, 'Azure SQL vCores')).toMatchObject({ min: 16, sku: 'GP_Gen5_16, zone-redundant' });
    expect(find(sql, 'Azure SQL vCores').price).toBeDefined();
    const pg = billableUnits(edited('active-passive', 'azurerm_postgresql_flexible_server', (b) => { b.sku_name = 'GP_Standard_D16ds_v5'; }), 'active-passive');
    expect(find(pg, 'PostgreSQL vCores', '(replica)')).toMatchObject({ min: 16 });
    expect(find(pg, 'PostgreSQL vCores', '(replica)').price).toBeDefined();
    expect(find(billableUnits(edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.sku_name = 'HS_Gen5_2'; }), 'zone-redundant'), 'Azure SQL vCores').notPriced).toBe('no list price for HS_Gen5_2 (the list has General Purpose Gen5 provisioned and serverless)');
  });

  test('Azure SQL serverless: min vCores at the autoscalers\' minimum, max vCores at their maximum, at the serverless rate (license included) and its zone-redundancy rate', () => {
    const units = billableUnits(edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.sku_name = 'GP_S_Gen5_8'; b.min_capacity = 2; }), 'zone-redundant');
    const db = find(units, 'Azure SQL vCores');
    expect([db.sku, db.min, db.max]).toEqual(['GP_S_Gen5_8, zone-redundant, serverless (license included)', 2, 8]);
    expect(db.price!.parts.map((p) => p.price)).toEqual([LIST_PRICES.sqlServerlessCompute, LIST_PRICES.sqlServerlessZoneRedundancy]);
    expect(db.price!.usd).toBeCloseTo((260.88 / 500) * 730 + 0.31 * 730, 6);
    expect(find(units, 'Azure SQL storage (GB)')).toMatchObject({ sku: 'General Purpose, zone-redundant', price: { usd: 0.23 } });
    const estimate = costEstimate(units);
    expect(estimate.assumptions.at(-1)).toMatch(/^Azure SQL serverless bills the vCores it uses each second, at least its min vCores/);
    // Without min_capacity Azure runs the floor of the max (1 for 8 max vCores); a local database pays no zone redundancy.
    const floor = find(billableUnits(edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.sku_name = 'GP_S_Gen5_8'; b.zone_redundant = false; }), 'zone-redundant'), 'Azure SQL vCores');
    expect([floor.min, floor.max, floor.price!.parts.map((p) => p.price)]).toEqual([1, 8, [LIST_PRICES.sqlServerlessCompute]]);
    expect(costEstimate([floor]).assumptions).toHaveLength(6);
  });

  test('only a secondary can be a standby: a primary marked Standby still pays its license; a database without a maximum size has no storage line', () => {
    const marked = billableUnits(edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.secondary_type = 'Standby'; }), 'zone-redundant');
    expect(find(marked, 'Azure SQL vCores').price!.parts.map((p) => p.price)).toContain(LIST_PRICES.sqlLicense);
    const unsized = billableUnits(edited('zone-redundant', 'azurerm_mssql_database', (b) => { delete b.max_size_gb; }), 'zone-redundant');
    expect(unsized.filter((u) => u.item === 'Azure SQL storage (GB)')).toEqual([]);
  });

  test('a database on a server the stacks do not hold says so; a geo-secondary whose source is not in the stacks has no storage line', () => {
    const adopted = billableUnits(edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.server_id = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/adopted'; }), 'zone-redundant');
    expect(find(adopted, 'Azure SQL vCores').detail).toMatch(/ in an adopted server$/);
    const orphan = billableUnits(edited('primary-secondary', 'azurerm_mssql_database', (b) => { if (b.create_mode === 'Secondary') b.creation_source_database_id = '/subscriptions/0000/databases/elsewhere'; }), 'primary-secondary');
    expect(orphan.filter((u) => u.item === 'Azure SQL storage (GB)').map((u) => u.detail.includes('geo-secondary'))).toEqual([false]);
    expect(orphan.filter((u) => u.item === 'Azure SQL vCores')).toHaveLength(2);
  });

  test('unknown tiers are not priced: Front Door, API Management, Service Bus', () => {
    const classic = billableUnits(edited('zone-redundant', 'azurerm_cdn_frontdoor_profile', (b) => { b.sku_name = 'Classic_AzureFrontDoor'; }), 'zone-redundant');
    expect(find(classic, 'Front Door profile').notPriced).toBe('no list price for Classic_AzureFrontDoor');
    const apim = synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], publicOrigins: publicFor(['westus3', 'eastus']), apiManagement: APIM })).json as Loose;
    for (const b of Object.values(apim.resource.azurerm_api_management) as Loose[]) { b.sku_name = 'StandardV2_1'; b.tags = { platform: 'entry' }; }
    expect(billableUnits([{ name: 'entry', json: apim }], 'entry').find((u) => u.item === 'API Management units')).toMatchObject({ sku: 'StandardV2', notPriced: 'no list price for API Management StandardV2' });
  });

  test('Cosmos DB manual throughput with multi-region writes: the multi-region write rate, no zone note', () => {
    const aa = billableUnits(edited('active-active', 'azurerm_cosmosdb_sql_container', (b) => { delete b.autoscale_settings; b.throughput = 1000; }), 'active-active');
    const line = find(aa, 'Cosmos DB manual RU/s (all regions)');
    expect(line).toMatchObject({ sku: 'multi-region writes', min: 2000, max: 2000, price: { usd: (3 * 0.016 * 730) / 100 } });
    expect(line.detail).toBe(`${line.detail.split(':')[0]}: 2 container(s) or database(s) x 3 region(s)`);
  });

  test('metric alerts: two time series per dynamic criterion; log alert rules split by frequency; a test without a frequency runs every 300 s', () => {
    const base = find(billableUnits(stacksOf('zone-redundant'), 'zone-redundant'), 'Metric alert time series').min;
    let done = false;
    const dynamic = billableUnits(edited('zone-redundant', 'azurerm_monitor_metric_alert', (b) => {
      if (!done && b.criteria?.length === 1) { b.dynamic_criteria = [{ metric_name: 'x' }]; done = true; }
    }), 'zone-redundant');
    expect(find(dynamic, 'Metric alert time series').min).toBe(base + 2);
    let first = true;
    const mixed = billableUnits(edited('zone-redundant', 'azurerm_monitor_scheduled_query_rules_alert_v2', (b) => { if (first) b.evaluation_frequency = 'PT1H'; first = false; }), 'zone-redundant');
    const logs = mixed.filter((u) => u.item === 'Log alert rules').map((u) => `${u.sku} ${u.min}-${u.max} ${u.detail}`);
    expect(logs).toEqual(['evaluated every 5 minutes 2-2 scheduled query rules', 'another evaluation frequency 1-1 scheduled query rules']);
    const runs = find(billableUnits(stacksOf('zone-redundant'), 'zone-redundant'), 'Availability test runs a month').min;
    expect(find(billableUnits(edited('zone-redundant', 'azurerm_application_insights_standard_web_test', (b) => { delete b.frequency; }), 'zone-redundant'), 'Availability test runs a month').min).toBe(runs);
    expect(find(billableUnits(edited('zone-redundant', 'azurerm_application_insights_standard_web_test', (b) => { b.frequency = 900; }), 'zone-redundant'), 'Availability test runs a month').min).toBe(runs / 3);
  });

  test('the assumptions say what the estimate is and leaves out', () => {
    const a = costEstimate(billableUnits(stacksOf('zone-redundant'), 'zone-redundant')).assumptions;
    expect(a).toHaveLength(5);
    expect(a[0]).toMatch(/^Pay-as-you-go list prices in US dollars .* a month of 730 hours;/);
    expect(a[1]).toMatch(/^Azure SQL includes the SQL license .* standby replica/);
    expect(a[2]).toMatch(/^Cosmos DB autoscale bills, each hour, the highest throughput reached, at least 10% of the maximum/);
    expect(a[3]).toMatch(/^Metric alerts count one monitored time series per criterion/);
    expect(a[4]).toMatch(/^Not included: meters billed by use .*cross-region replication traffic/);
  });
});

describe('costEstimate', () => {
  test('Azure Managed Redis caches are counted per SKU and left out of the totals: the price list has no meter for them', () => {
    const cache = (location: string, sku: string, ha?: boolean) => ({ location, sku_name: sku, ...(ha === undefined ? {} : { high_availability_enabled: ha }), tags: { platform: 'p' } });
    const stacks: SynthesizedStack[] = [{ name: 'p-data', json: { resource: { azurerm_managed_redis: {
      a: cache('eastus2', 'Balanced_B3'), b: cache('centralus', 'Balanced_B3', true), c: cache('westus3', 'Balanced_B10', false), other: { ...cache('westus3', 'Balanced_B3'), tags: { platform: 'q' } },
    } } } as Loose }];
    const units = billableUnits(stacks, 'p').filter((u) => u.item === 'Azure Managed Redis caches');
    expect(units.map((u) => [u.sku, u.min, u.max, u.detail, u.price, u.notPriced])).toEqual([
      ['Balanced_B3', 2, 2, 'eastus2, centralus; 2 with high availability', undefined, 'no list price for Azure Managed Redis Balanced_B3 in the price list'],
      ['Balanced_B10', 1, 1, 'westus3; 0 with high availability', undefined, 'no list price for Azure Managed Redis Balanced_B10 in the price list'],
    ]);
    const cost = costEstimate(units);
    expect([cost.monthlyMin, cost.monthlyMax]).toEqual([0, 0]);
    expect(cost.notPriced).toHaveLength(2);
  });

  test('the totals are the priced lines at min and at max, to the cent; the prices are listed once per meter and region', () => {
    const units = billableUnits(stacksOf('primary-secondary'), 'primary-secondary');
    const cost = costEstimate(units);
    const sum = (n: (u: BillableUnit) => number) => units.reduce((s, u) => s + (u.price ? n(u) * u.price.usd : 0), 0);
    expect(cost.monthlyMin).toBeCloseTo(sum((u) => u.min), 2);
    expect(cost.monthlyMax).toBeCloseTo(sum((u) => u.max), 2);
    expect(cost.monthlyMin).toBe(Math.round(cost.monthlyMin * 100) / 100);
    expect(cost.monthlyMax).toBe(Math.round(cost.monthlyMax * 100) / 100);
    expect(cost.monthlyMax).toBeGreaterThan(cost.monthlyMin);
    expect(cost.currency).toBe('USD');
    // Nodes in westus3 and eastus: two node prices (one per region), each once.
    expect(cost.prices.filter((p) => p.meter === 'Virtual machine Standard_D4ds_v5, Linux').map((p) => p.region).sort()).toEqual(['eastus', 'westus3']);
    expect(new Set(cost.prices.map((p) => `${p.meter}|${p.region}`)).size).toBe(cost.prices.length);
    expect(cost.prices).toContain(LIST_PRICES.sqlLicense);
    expect(cost.usage).toEqual([LIST_PRICES.frontDoorEgress, LIST_PRICES.cosmosStorage, LIST_PRICES.logAnalyticsIngestion, LIST_PRICES.keyVaultOperations, LIST_PRICES.privateEndpointData]);
    expect(costEstimate(billableUnits(stacksOf('active-passive'), 'active-passive')).usage).toContain(LIST_PRICES.eventGridOperations);
  });

  test('nodePrice: hourly times 730, with the table as its source; none for a size or region the table lacks', () => {
    expect(nodePrice('eastus', 'Standard_D4ds_v5')).toEqual({
      meter: 'Virtual machine Standard_D4ds_v5, Linux', usd: hourly('eastus', 'Standard_D4ds_v5') * 730, unit: 'node-month', region: 'eastus', source: VM_PRICE_TABLE.source,
      quoted: `eastus: "Standard_D4ds_v5": ${hourly('eastus', 'Standard_D4ds_v5')}`, seen: `${VM_PRICE_TABLE.generatedAt.slice(0, 10)} (generated from the Azure Retail Prices API)`,
    });
    expect(nodePrice('eastus', 'Standard_D4as_v5')).toBeUndefined();
    expect(nodePrice('marsnorth', 'Standard_D4ds_v5')).toBeUndefined();
  });
});

describe('the availability report', () => {
  test('carries the units and their cost and renders a table with totals, what is billed by use and every price with its source; without them there is no section', () => {
    const stacks = stacksOf('zone-redundant');
    const t = readTopology(stacks, 'zone-redundant');
    const report = availabilityReport(t, billableUnits(stacks, 'zone-redundant'));
    const cost = report.costEstimate!;
    const md = availabilityMarkdown(report);
    const money = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(md).toContain(`## Billable units and monthly cost\n\nWhat the platform deploys, at the autoscalers' minimum and maximum, at list prices: **${money(cost.monthlyMin)} to ${money(cost.monthlyMax)} a month** (USD)`);
    const node = hourly('westus3', 'Standard_D4ds_v5') * 730;
    expect(md).toContain(`| AKS nodes, user pool | Standard_D4ds_v5 | 3 | 10 | ${money(node)} | ${money(3 * node)} | ${money(10 * node)} | westus3 |`);
    // Counts with separators: runs a month.
    expect(md).toContain(`| Availability test runs a month | standard web test | ${(2 * 8760 * 5).toLocaleString('en-US')} |`);
    expect(md).toContain('| Key Vaults | standard | 1 | 1 | by use | by use | by use | operations billed by use |');
    expect(md).toContain(`| **total** | | | | | **${money(cost.monthlyMin)}** | **${money(cost.monthlyMax)}** | |`);
    expect(md).toContain(`- Log Analytics data ingestion (pay-as-you-go): $2.99 per GB ingested (westeurope; [source](${LIST_PRICES.logAnalyticsIngestion.source}))`);
    expect(md).toContain("Not priced (left out of the total):\n\n- Front Door Premium requests");
    const dates = cost.prices.map((p) => p.seen.slice(0, 10)).sort();
    expect(dates[0] < dates[dates.length - 1]).toBe(true);
    expect(md).toContain(`### List prices (compiled ${cost.pricesAsOf} from sources dated ${dates[0]} to ${dates[dates.length - 1]})`);
    expect(md).toContain(`| Private endpoint | $7.30 per endpoint-month | westus | Private endpoint 730 hour $7.30 | ${LIST_PRICES.privateEndpoint.seen} | ${LIST_PRICES.privateEndpoint.source} |`);
    for (const a of cost.assumptions) expect(md).toContain(`- ${a}`);
    expect(availabilityMarkdown(availabilityReport(t))).not.toContain('## Billable units');
    // Nothing priced (a hand-made list): the heading gives no source dates.
    const unpriced = billableUnits(stacks, 'zone-redundant').filter((u) => !u.price);
    expect(availabilityMarkdown({ ...report, billableUnits: unpriced, costEstimate: costEstimate(unpriced) })).toContain(`### List prices (compiled ${cost.pricesAsOf})\n`);
  });

  test('usd: cents with separators from a dollar up, three significant digits below', () => {
    expect(usd(12760.7)).toBe('$12,760.70');
    expect(usd(73)).toBe('$73.00');
    expect(usd(0.23)).toBe('$0.23');
    expect(usd(0.1)).toBe('$0.10');
    expect(usd(1e-7)).toBe('$0.0000001');
    expect(usd(0.0830001)).toBe('$0.083');
    expect(usd(5.65 / 8760)).toBe('$0.000645');
    expect(usd(0)).toBe('$0.00');
  });
});
