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
    expect(units.filter((u) => u.startsWith('AKS'))).toEqual([
      'AKS cluster (uptime SLA) | Standard tier | 1-1', 'AKS nodes, system pool | Standard_D4ds_v5 | 3-5', 'AKS nodes, user pool | Standard_D4ds_v5 | 3-10',
      'AKS cluster (uptime SLA) | Standard tier | 1-1', 'AKS nodes, system pool | Standard_D4ds_v5 | 3-5', 'AKS nodes, user pool | Standard_D4ds_v5 | 3-10',
    ]);
    expect(units.filter((u) => u.startsWith('Azure SQL vCores'))).toEqual(['Azure SQL vCores | GP_Gen5_2, zone-redundant | 2-2', 'Azure SQL vCores | GP_Gen5_2, zone-redundant | 2-2']);
    // The geo-secondary has no max_size_gb of its own: it takes its primary's.
    expect(units.filter((u) => u.startsWith('Azure SQL storage'))).toEqual(['Azure SQL storage (GB) | General Purpose, zone-redundant | 32-32', 'Azure SQL storage (GB) | General Purpose, zone-redundant | 32-32']);
    expect(units).toContain('Cosmos DB autoscale RU/s, per region | single write region | 500-5000');
    expect(units.filter((u) => u.startsWith('Service Bus'))).toEqual(['Service Bus messaging units | Premium | 1-1', 'Service Bus messaging units | Premium | 1-1']);
    expect(units).toContain('Front Door profile | Premium_AzureFrontDoor | 1-1');
    expect(units).toContain('Private endpoints | per hour | 12-12');
    // Two standard web tests, every 300 s from 5 locations: 730 h x 12 runs x 5 locations each.
    expect(units).toContain(`Availability test runs a month | standard web test | ${2 * HOURS_PER_MONTH * 12 * 5}-${2 * HOURS_PER_MONTH * 12 * 5}`);
  });

  test('activePassive: the PostgreSQL primary counts its HA standby (twice the vCores and the storage), the replica runs without; Event Grid topics', () => {
    const units = billableUnits(stacksOf('active-passive'), 'active-passive');
    expect(units.filter((u) => u.item === 'PostgreSQL vCores').map((u) => [u.sku, u.min, u.detail.endsWith('(replica)')])).toEqual([
      ['GP_Standard_D4ds_v5', 4, true], ['GP_Standard_D4ds_v5, with HA standby', 8, false],
    ]);
    expect(units.filter((u) => u.item === 'PostgreSQL storage (GiB)').map((u) => [u.sku, u.max])).toEqual([['Premium SSD', 128], ['Premium SSD, primary and HA standby', 256]]);
    expect(units.find((u) => u.item === 'Event Grid topics')).toMatchObject({ min: 2, detail: 'centralus, eastus2 (operations billed by use)', byUse: true });
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
  });

  test('PostgreSQL per vCore and GiB; Cosmos DB per 100 RU/s and region, multi-region writes at their own rate', () => {
    const ap = billableUnits(stacksOf('active-passive'), 'active-passive');
    expect(find(ap, 'PostgreSQL vCores', 'in eastus2').price!.usd).toBeCloseTo(148.19 / 2, 6);
    expect(find(ap, 'PostgreSQL storage (GiB)', 'psql-eastus2').price!.usd).toBeCloseTo(17.66 / 128, 6);
    // Two regions: one RU/s costs the 100 RU/s price / 100 in each.
    expect(find(ap, 'Cosmos DB autoscale RU/s, per region').price!.usd).toBeCloseTo((2 * 0.012 * 730) / 100, 9);
    const aa = billableUnits(stacksOf('active-active'), 'active-active');
    const cosmos = find(aa, 'Cosmos DB autoscale RU/s, per region');
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
    expect(find(bc, 'Azure SQL vCores')).toMatchObject({ min: 4, notPriced: 'no list price for BC_Gen5_4 (the list has General Purpose Gen5 provisioned)' });
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
    expect(checks[0].price!.usd).toBe(0.54);
    expect(costEstimate(billableUnits(tag(tm, 'azurerm_traffic_manager_profile'), 'entry')).usage).toEqual([LIST_PRICES.trafficManagerQueries]);

    const apim = synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], publicOrigins: publicFor(['westus3', 'eastus']), apiManagement: APIM })).json;
    const units = billableUnits(tag(apim, 'azurerm_api_management'), 'entry').filter((u) => u.item === 'API Management units');
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ sku: 'Premium', detail: '2 location(s)' });
    expect(units[0].min).toBeGreaterThanOrEqual(2);
    expect(units[0].price!.usd).toBeCloseTo(11180.68 / 4, 6);
  });
});

describe('costEstimate', () => {
  test('the totals are the priced lines at min and at max, to the cent; the prices are listed once per meter and region', () => {
    const units = billableUnits(stacksOf('primary-secondary'), 'primary-secondary');
    const cost = costEstimate(units);
    const sum = (n: (u: BillableUnit) => number) => units.reduce((s, u) => s + (u.price ? n(u) * u.price.usd : 0), 0);
    expect(cost.monthlyMin).toBeCloseTo(sum((u) => u.min), 2);
    expect(cost.monthlyMax).toBeCloseTo(sum((u) => u.max), 2);
    expect(cost.monthlyMin).toBe(Math.round(cost.monthlyMin * 100) / 100);
    expect(cost.monthlyMin).not.toBe(sum((u) => u.min));
    expect(cost.monthlyMax).toBeGreaterThan(cost.monthlyMin);
    expect(cost.currency).toBe('USD');
    // Nodes in westus3 and eastus: two node prices (one per region), each once.
    expect(cost.prices.filter((p) => p.meter === 'Virtual machine Standard_D4ds_v5, Linux').map((p) => p.region).sort()).toEqual(['eastus', 'westus3']);
    expect(new Set(cost.prices.map((p) => `${p.meter}|${p.region}`)).size).toBe(cost.prices.length);
    expect(cost.prices).toContain(LIST_PRICES.sqlLicense);
    expect(cost.usage).toEqual([LIST_PRICES.frontDoorEgress, LIST_PRICES.cosmosStorage, LIST_PRICES.logAnalyticsIngestion, LIST_PRICES.keyVaultOperations]);
    expect(costEstimate(billableUnits(stacksOf('active-passive'), 'active-passive')).usage).toContain(LIST_PRICES.eventGridOperations);
  });

  test('nodePrice: hourly times 730, with the table as its source; none for a size or region the table lacks', () => {
    expect(nodePrice('eastus', 'Standard_D4ds_v5')).toMatchObject({ usd: hourly('eastus', 'Standard_D4ds_v5') * 730, unit: 'node-month', region: 'eastus', source: VM_PRICE_TABLE.source });
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
    expect(md).toContain('| Key Vaults | standard | 1 | 1 | by use | by use | by use | operations billed by use |');
    expect(md).toContain(`| **total** | | | | | **${money(cost.monthlyMin)}** | **${money(cost.monthlyMax)}** | |`);
    expect(md).toContain(`- Log Analytics data ingestion (pay-as-you-go): $2.99 per GB ingested (westeurope; [source](${LIST_PRICES.logAnalyticsIngestion.source}))`);
    expect(md).toContain("Not priced (left out of the total):\n\n- Front Door Premium requests");
    expect(md).toContain(`### List prices (compiled ${cost.pricesAsOf})`);
    expect(md).toContain(`| Private endpoint | $7.30 per endpoint-month | global | Private endpoint 730 hour $7.30 | ${LIST_PRICES.privateEndpoint.seen} | ${LIST_PRICES.privateEndpoint.source} |`);
    for (const a of cost.assumptions) expect(md).toContain(`- ${a}`);
    expect(availabilityMarkdown(availabilityReport(t))).not.toContain('## Billable units');
  });

  test('usd: cents with separators from a dollar up, three significant digits below', () => {
    expect(usd(12760.7)).toBe('$12,760.70');
    expect(usd(73)).toBe('$73.00');
    expect(usd(0.23)).toBe('$0.23');
    expect(usd(0.0830001)).toBe('$0.083');
    expect(usd(5.65 / 8760)).toBe('$0.000645');
    expect(usd(0)).toBe('$0.00');
  });
});
