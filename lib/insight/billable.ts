/**
 * The billable units a platform deploys, read from its synthesized stacks, so patterns compare side by side: AKS nodes
 * at the autoscalers' minimum and maximum, database vCores, storage and copies, Cosmos DB regions and throughput,
 * Service Bus messaging units, the entry's tier, private endpoints and availability test runs; each priced, where the
 * list (prices.ts) has its meter, at the list price per month, and the monthly estimate they add up to.
 */
import { blocks, SynthesizedApp, SynthesizedResource, SynthesizedStack, valueAt } from '../rules/synthesized';
import { HOURS_PER_MONTH, LIST_PRICES, ListPrice, nodePrice, PRICES_AS_OF } from './prices';

/** The price of one unit of a billable line: the sum of its list prices, each times a factor. */
export interface UnitPrice {
  /** US dollars per unit and month. */
  readonly usd: number;
  /** How it is made of list prices (`1 x AKS Standard tier`, `1 x compute + 1 x license per vCore`). */
  readonly parts: readonly { readonly factor: number; readonly price: ListPrice }[];
}

/** One line of the billable units. */
export interface BillableUnit {
  /** What is billed (`AKS nodes`, `Azure SQL vCores`, ...). */
  readonly item: string;
  /** The SKU or tier it is billed at. */
  readonly sku: string;
  /** How many at the least (autoscalers at their minimum). */
  readonly min: number;
  /** How many at the most (autoscalers at their maximum). */
  readonly max: number;
  /** Where, and what the count is made of. */
  readonly detail: string;
  /** The list price of one unit per month, when the price list has its meter. */
  readonly price?: UnitPrice;
  /** Why the line has no price (a SKU or region the list does not have). */
  readonly notPriced?: string;
  /** True when the resource is billed only by use (operations, GB ingested): it has no monthly price of its own. */
  readonly byUse?: boolean;
}

/** What the billable units cost a month at list prices. */
export interface CostEstimate {
  /** Always US dollars. */
  readonly currency: 'USD';
  /** The priced lines at the autoscalers' minimum, per month. */
  readonly monthlyMin: number;
  /** The priced lines at the autoscalers' maximum, per month. */
  readonly monthlyMax: number;
  /** The lines left out of the totals, with the reason. */
  readonly notPriced: readonly string[];
  /** Meters billed by use (requests, GB, operations), shown with their price and left out of the totals. */
  readonly usage: readonly ListPrice[];
  /** Every list price the totals use. */
  readonly prices: readonly ListPrice[];
  /** When the price list was compiled. */
  readonly pricesAsOf: string;
  /** What the estimate assumes. */
  readonly assumptions: readonly string[];
}

const ASSUMPTIONS = [
  `Pay-as-you-go list prices in US dollars (no reservations, savings plans or agreements), a month of ${HOURS_PER_MONTH} hours; Linux nodes priced in their own region, the other meters at the region each price names (mostly East US or a global meter): your region's prices differ.`,
  'Azure SQL includes the SQL license (no Azure Hybrid Benefit); a geo-secondary is billed like its primary. A PostgreSQL server with HA is billed for the standby\'s compute and storage too.',
  'Cosmos DB autoscale bills, each hour, the highest throughput reached, at least 10% of the maximum: the minimum assumes idle hours, the maximum every hour at the maximum.',
  'Not included: meters billed by use (listed with their prices), OS disks and bandwidth of the nodes, backups beyond the included amount, load balancers and public IPs, taxes.',
];

/** vCores of an Azure SQL SKU (`GP_Gen5_2`: 2) or a PostgreSQL flexible SKU (`GP_Standard_D4ds_v5`: 4). */
function vcores(sku: string): number {
  const sql = /_(\d+)$/.exec(sku);
  const vm = /_[A-Z]+(\d+)[a-z]*_v\d+$/.exec(sku);
  return vm ? Number(vm[1]) : sql ? Number(sql[1]) : 0;
}

const priced = (...parts: { factor: number; price: ListPrice }[]): { price: UnitPrice } => ({ price: { usd: parts.reduce((sum, p) => sum + p.factor * p.price.usd, 0), parts } });
const one = (price: ListPrice) => priced({ factor: 1, price });

type Add = (item: string, sku: string, min: number, max: number, detail: string, price: { price: UnitPrice } | { notPriced: string } | { byUse: true }) => void;
const BY_USE = { byUse: true } as const;

/** The price of a node, or why there is none. */
function nodeUnitPrice(region: string, vmSize: string): { price: UnitPrice } | { notPriced: string } {
  const price = nodePrice(region, vmSize);
  return price ? one(price) : { notPriced: `no list price for ${vmSize} in ${region} (the table has the Intel D and E v5 sizes with premium storage)` };
}

function compute(app: SynthesizedApp, clusters: readonly SynthesizedResource[], add: Add): void {
  for (const c of clusters) {
    const system = blocks(c.body.default_node_pool)[0] ?? {};
    const region = String(c.body.location);
    const tier = String(c.body.sku_tier ?? 'Free');
    // The Premium tier (Standard with long-term support) has a price of its own the list does not have.
    const price = tier === 'Standard' ? one(LIST_PRICES.aksStandardTier) : tier === 'Free' ? priced() : { notPriced: `no list price for the AKS ${tier} tier` };
    add('AKS cluster (uptime SLA)', `${tier} tier`, 1, 1, tier === 'Free' ? `${region} (no charge)` : region, price);
    add('AKS nodes, system pool', String(system.vm_size), Number(system.min_count ?? system.node_count ?? 1), Number(system.max_count ?? system.node_count ?? 1), region, nodeUnitPrice(region, String(system.vm_size)));
    for (const p of app.ofType('azurerm_kubernetes_cluster_node_pool').filter((x) => app.referencedBy(x.stack, x.body.kubernetes_cluster_id).includes(c))) {
      add(`AKS nodes, ${String(p.body.name)} pool`, String(p.body.vm_size), Number(p.body.min_count ?? p.body.node_count ?? 1), Number(p.body.max_count ?? p.body.node_count ?? 1), region, nodeUnitPrice(region, String(p.body.vm_size)));
    }
  }
}

function sql(app: SynthesizedApp, databases: readonly SynthesizedResource[], add: Add): void {
  for (const d of databases) {
    const server = app.referencedBy(d.stack, d.body.server_id)[0];
    const sku = String(d.body.sku_name);
    const zoneRedundant = d.body.zone_redundant === true;
    const cores = vcores(sku);
    const where = `${String(d.body.name)} in ${String(server?.body.location)}${d.body.create_mode === 'Secondary' ? ' (geo-secondary)' : ''}`;
    const generalPurpose = /^GP_Gen5_\d+$/.test(sku);
    const corePrice = generalPurpose
      ? priced({ factor: 1, price: LIST_PRICES.sqlGpCompute }, { factor: 1, price: LIST_PRICES.sqlLicense }, ...(zoneRedundant ? [{ factor: 1, price: LIST_PRICES.sqlZoneRedundancy }] : []))
      : { notPriced: `no list price for ${sku} (the list has General Purpose Gen5 provisioned)` };
    add('Azure SQL vCores', `${sku}${zoneRedundant ? ', zone-redundant' : ''}`, cores, cores, where, corePrice);
    // A geo-secondary takes its primary's maximum size.
    const source = d.body.create_mode === 'Secondary' ? app.referencedBy(d.stack, d.body.creation_source_database_id)[0] : d;
    const size = source?.body.max_size_gb;
    if (typeof size === 'number') {
      add('Azure SQL storage (GB)', generalPurpose ? `General Purpose${zoneRedundant ? ', zone-redundant' : ''}` : sku, size, size, where,
        generalPurpose ? one(zoneRedundant ? LIST_PRICES.sqlStorageZoneRedundant : LIST_PRICES.sqlStorage) : { notPriced: `no list price for ${sku} storage` });
    }
  }
}

function postgresql(servers: readonly SynthesizedResource[], add: Add): void {
  for (const s of servers) {
    const sku = String(s.body.sku_name);
    const ha = valueAt(s.body, 'high_availability.mode') !== undefined;
    const copies = ha ? 2 : 1;
    const cores = vcores(sku) * copies;
    const where = `${String(s.body.name)} in ${String(s.body.location)}${s.body.create_mode === 'Replica' ? ' (replica)' : ''}`;
    add('PostgreSQL vCores', `${sku}${ha ? ', with HA standby' : ''}`, cores, cores, where,
      /^GP_Standard_D\d+ds_v5$/.test(sku) ? one(LIST_PRICES.postgresqlGpCompute) : { notPriced: `no list price for ${sku} (the list has General Purpose Ddsv5)` });
    const gib = (Number(s.body.storage_mb) / 1024) * copies;
    add('PostgreSQL storage (GiB)', `Premium SSD${ha ? ', primary and HA standby' : ''}`, gib, gib, String(s.body.name), one(LIST_PRICES.postgresqlStorage));
  }
}

function cosmos(app: SynthesizedApp, accounts: readonly SynthesizedResource[], add: Add): void {
  for (const a of accounts) {
    const regions = blocks(a.body.geo_location).length;
    const containers = app.ofType('azurerm_cosmosdb_sql_container').filter((c) => app.referencedBy(c.stack, c.body.account_name).includes(a));
    const maxRu = containers.reduce((sum, c) => sum + Number(valueAt(c.body, 'autoscale_settings.max_throughput') ?? valueAt(c.body, 'throughput') ?? 0), 0);
    const multiWrite = a.body.multiple_write_locations_enabled === true;
    // The price of one RU/s per month in every region of the account.
    add('Cosmos DB autoscale RU/s, per region', multiWrite ? 'multi-region writes' : 'single write region', maxRu / 10, maxRu,
      `${String(a.body.name)}: ${containers.length} container(s) x ${regions} region(s) (autoscale bills from 10% of the maximum)`,
      priced({ factor: regions / 100, price: multiWrite ? LIST_PRICES.cosmosAutoscaleMultiWrite : LIST_PRICES.cosmosAutoscale }));
  }
}

function entry(app: SynthesizedApp, mine: (type: string) => readonly SynthesizedResource[], add: Add): void {
  for (const p of mine('azurerm_cdn_frontdoor_profile')) {
    const sku = String(p.body.sku_name);
    add('Front Door profile', sku, 1, 1, String(p.body.name), sku === 'Premium_AzureFrontDoor' ? one(LIST_PRICES.frontDoorPremium) : sku === 'Standard_AzureFrontDoor' ? one(LIST_PRICES.frontDoorStandard) : { notPriced: `no list price for ${sku}` });
  }
  for (const t of mine('azurerm_traffic_manager_profile')) {
    const endpoints = app.ofType('azurerm_traffic_manager_external_endpoint').filter((e) => app.referencedBy(e.stack, e.body.profile_id).includes(t)).length;
    add('Traffic Manager health checks', 'external endpoint', endpoints, endpoints, `${String(t.body.name)} (DNS queries billed by use)`, one(LIST_PRICES.trafficManagerHealthCheck));
  }
  const APIM: { readonly [sku: string]: ListPrice } = { Premium: LIST_PRICES.apiManagementPremium, Standard: LIST_PRICES.apiManagementStandard, Basic: LIST_PRICES.apiManagementBasic, Developer: LIST_PRICES.apiManagementDeveloper };
  for (const a of mine('azurerm_api_management')) {
    const [sku, capacity] = String(a.body.sku_name).split('_');
    const locations = 1 + blocks(a.body.additional_location).length;
    add('API Management units', sku, Number(capacity) * locations, Number(capacity) * locations, `${locations} location(s)`, APIM[sku] ? one(APIM[sku]) : { notPriced: `no list price for API Management ${sku}` });
  }
}

/** The billable units of a platform's resources (by its `platform` tag), each priced where the list has its meter. */
export function billableUnits(stacks: readonly SynthesizedStack[], id: string): BillableUnit[] {
  const app = new SynthesizedApp(stacks);
  const mine = (type: string): readonly SynthesizedResource[] => app.ofType(type).filter((r) => valueAt(r.body, 'tags.platform') === id);
  const units: BillableUnit[] = [];
  const add: Add = (item, sku, min, max, detail, price) => units.push({ item, sku, min, max, detail, ...price });
  const clusters = mine('azurerm_kubernetes_cluster');
  compute(app, clusters, add);
  sql(app, mine('azurerm_mssql_database'), add);
  postgresql(mine('azurerm_postgresql_flexible_server'), add);
  cosmos(app, mine('azurerm_cosmosdb_account'), add);
  for (const n of mine('azurerm_servicebus_namespace')) {
    const sku = String(n.body.sku);
    add('Service Bus messaging units', sku, Number(n.body.capacity ?? 0), Number(n.body.capacity ?? 0), `${String(n.body.name)} in ${String(n.body.location)}`, sku === 'Premium' ? one(LIST_PRICES.serviceBusPremium) : { notPriced: `no list price for Service Bus ${sku}` });
  }
  const topics = mine('azurerm_eventgrid_topic');
  if (topics.length) add('Event Grid topics', 'Basic', topics.length, topics.length, `${topics.map((t) => String(t.body.location)).join(', ')} (operations billed by use)`, BY_USE);
  entry(app, mine, add);
  const endpoints = app.ofType('azurerm_private_endpoint').filter((e) => clusters.some((c) => c.stack === e.stack));
  if (endpoints.length) add('Private endpoints', 'per hour', endpoints.length, endpoints.length, 'in the regional stacks', one(LIST_PRICES.privateEndpoint));
  const workspaces = mine('azurerm_log_analytics_workspace');
  if (workspaces.length) add('Log Analytics workspaces', String(workspaces[0].body.sku), workspaces.length, workspaces.length, `retention ${String(workspaces[0].body.retention_in_days)} days (ingestion billed by use)`, BY_USE);
  const tests = mine('azurerm_application_insights_standard_web_test');
  // geo_locations is a list of location ids; a standard web test runs from each of them once per interval.
  const runs = tests.reduce((sum, t) => sum + ((HOURS_PER_MONTH * 3600) / Number(t.body.frequency ?? 300)) * (Array.isArray(t.body.geo_locations) ? t.body.geo_locations.length : 0), 0);
  if (tests.length) add('Availability test runs a month', 'standard web test', runs, runs, `${tests.length} test(s), one run per location and interval`, one(LIST_PRICES.availabilityTestRun));
  const vaults = mine('azurerm_key_vault');
  if (vaults.length) add('Key Vaults', String(vaults[0].body.sku_name), vaults.length, vaults.length, 'operations billed by use', BY_USE);
  return units;
}

/** The meters billed by use, for the resources the units count. */
function usageMeters(units: readonly BillableUnit[]): ListPrice[] {
  const has = (item: string, sku?: string) => units.some((u) => u.item.startsWith(item) && (sku === undefined || u.sku === sku));
  return [
    // The Front Door price comparison gives Premium's request rate only as higher than Standard's.
    ...(has('Front Door', 'Standard_AzureFrontDoor') ? [LIST_PRICES.frontDoorRequests] : []),
    ...(has('Front Door') ? [LIST_PRICES.frontDoorEgress] : []),
    ...(has('Traffic Manager') ? [LIST_PRICES.trafficManagerQueries] : []),
    ...(has('Cosmos DB') ? [LIST_PRICES.cosmosStorage] : []),
    ...(has('Event Grid') ? [LIST_PRICES.eventGridOperations] : []),
    ...(has('Log Analytics') ? [LIST_PRICES.logAnalyticsIngestion] : []),
    ...(has('Key Vaults') ? [LIST_PRICES.keyVaultOperations] : []),
  ];
}

/** The monthly estimate of billable units at list prices: the priced lines added up, and what is left out. */
export function costEstimate(units: readonly BillableUnit[]): CostEstimate {
  const priced = units.filter((u) => u.price);
  const total = (n: (u: BillableUnit) => number) => Math.round(priced.reduce((sum, u) => sum + n(u) * u.price!.usd, 0) * 100) / 100;
  return {
    currency: 'USD',
    monthlyMin: total((u) => u.min),
    monthlyMax: total((u) => u.max),
    notPriced: [
      ...units.filter((u) => u.notPriced).map((u) => `${u.item} (${u.sku}, ${u.detail}): ${u.notPriced}`),
      ...(units.some((u) => u.item === 'Front Door profile' && u.sku === 'Premium_AzureFrontDoor') ? ['Front Door Premium requests: billed by use at a higher rate than Standard\'s, which the Front Door price comparison does not give'] : []),
    ],
    usage: usageMeters(units),
    // One row per meter and region (node prices are built per call).
    prices: [...new Map(priced.flatMap((u) => u.price!.parts.map((p) => [`${p.price.meter}|${p.price.region}`, p.price] as const))).values()],
    pricesAsOf: PRICES_AS_OF,
    assumptions: ASSUMPTIONS,
  };
}
