/**
 * The billable units a platform deploys, read from its synthesized stacks, so patterns compare side by side: AKS nodes
 * at the autoscalers' minimum and maximum, database vCores, storage and copies, Cosmos DB regions and throughput,
 * Service Bus messaging units, the entry's tier, private endpoints and availability test runs; each priced, where the
 * list (prices.ts) has its meter, at the list price per month, and the monthly estimate they add up to.
 */
import { blocks, JsonObject, SynthesizedApp, SynthesizedResource, SynthesizedStack, valueAt } from '../rules/synthesized';
import { SERVERLESS_MIN_VCORES } from '../core/sql-serverless';
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

/** Said when a serverless database is among the lines. */
const SERVERLESS_ASSUMPTION = 'Azure SQL serverless bills the vCores it uses each second, at least its min vCores (auto-pause is off): the minimum counts min vCores all month, the maximum max vCores all month; its rate includes the SQL license.';

const ASSUMPTIONS = [
  `Pay-as-you-go list prices in US dollars (no reservations, savings plans or agreements), a month of ${HOURS_PER_MONTH} hours; Linux nodes priced in their own region, the other meters at the region each price names (East US, West US, West Europe, US regions or a global meter): your region's prices differ.`,
  'Azure SQL includes the SQL license (no Azure Hybrid Benefit) except on a standby replica, whose license is free up to its primary\'s vCores (learn.microsoft.com/azure/azure-sql/database/standby-replica-how-to-configure); a readable geo-secondary is billed like its primary. A PostgreSQL server with HA is billed for the standby\'s compute and storage too.',
  'Cosmos DB autoscale bills, each hour, the highest throughput reached, at least 10% of the maximum: the minimum assumes idle hours, the maximum every hour at the maximum.',
  'Metric alerts count one monitored time series per criterion (a dimension split monitors one per value, so this is the least); node OS disks are Premium SSD managed disks unless the pool says Ephemeral.',
  'Not included: meters billed by use (listed with their prices), cross-region replication traffic (SQL geo-replication, Cosmos DB, Service Bus geo-recovery), bandwidth, backups beyond the included amount, Microsoft Defender plans, load balancers and public IPs, taxes.',
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
    const pools: [string, JsonObject][] = [['system', system], ...app.ofType('azurerm_kubernetes_cluster_node_pool').filter((x) => app.referencedBy(x.stack, x.body.kubernetes_cluster_id).includes(c)).map((p): [string, JsonObject] => [String(p.body.name), p.body])];
    for (const [name, pool] of pools) {
      const [min, max] = [Number(pool.min_count ?? pool.node_count ?? 1), Number(pool.max_count ?? pool.node_count ?? 1)];
      add(`AKS nodes, ${name} pool`, String(pool.vm_size), min, max, region, nodeUnitPrice(region, String(pool.vm_size)));
      // azurerm's os_disk_type defaults to Managed (containers/kubernetes_nodepool.go): a Premium SSD per node.
      if (pool.os_disk_type !== 'Ephemeral') {
        const size = Number(pool.os_disk_size_gb ?? 128);
        add(`AKS node OS disks, ${name} pool`, `managed, ${size} GiB`, min, max, region, size === 128 ? one(LIST_PRICES.managedDiskP10) : { notPriced: `no list price for a ${size} GiB OS disk (the list has the 128 GiB P10)` });
      }
    }
  }
}

function sql(app: SynthesizedApp, databases: readonly SynthesizedResource[], add: Add): void {
  for (const d of databases) {
    const server = app.referencedBy(d.stack, d.body.server_id)[0];
    const sku = String(d.body.sku_name);
    const zoneRedundant = d.body.zone_redundant === true;
    const cores = vcores(sku);
    const serverless = /^GP_S_Gen5_\d+$/.test(sku);
    // Serverless: between min_capacity (Azure's floor for the max when unset) and the max vCores of the SKU.
    const minCores = serverless ? Number(d.body.min_capacity ?? SERVERLESS_MIN_VCORES[cores] ?? cores) : cores;
    // A server the stacks do not hold (an adopted one, by its ID) has no known region.
    const where = `${String(d.body.name)} in ${server ? String(server.body.location) : 'an adopted server'}${d.body.create_mode === 'Secondary' ? ' (geo-secondary)' : ''}`;
    const generalPurpose = /^GP_(S_)?Gen5_\d+$/.test(sku);
    // A standby replica's license is free (up to its primary's vCores); BasePrice is Azure Hybrid Benefit.
    const standby = d.body.create_mode === 'Secondary' && d.body.secondary_type === 'Standby';
    const license = !standby && d.body.license_type !== 'BasePrice' ? [{ factor: 1, price: LIST_PRICES.sqlLicense }] : [];
    const corePrice = serverless
      ? priced({ factor: 1, price: LIST_PRICES.sqlServerlessCompute }, ...(zoneRedundant ? [{ factor: 1, price: LIST_PRICES.sqlServerlessZoneRedundancy }] : []))
      : generalPurpose
      ? priced({ factor: 1, price: LIST_PRICES.sqlGpCompute }, ...license, ...(zoneRedundant ? [{ factor: 1, price: LIST_PRICES.sqlZoneRedundancy }] : []))
      : { notPriced: `no list price for ${sku} (the list has General Purpose Gen5 provisioned and serverless)` };
    const licensing = serverless ? ', serverless (license included)' : license.length ? '' : standby ? ', standby (no license)' : ', Azure Hybrid Benefit';
    add('Azure SQL vCores', `${sku}${zoneRedundant ? ', zone-redundant' : ''}${licensing}`, minCores, cores, where, corePrice);
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
    const multiWrite = a.body.multiple_write_locations_enabled === true;
    // Throughput is provisioned on containers or shared on databases, as autoscale (a maximum) or manual (a count).
    const holders = ['azurerm_cosmosdb_sql_container', 'azurerm_cosmosdb_sql_database'].flatMap((type) => app.ofType(type).filter((c) => app.referencedBy(c.stack, c.body.account_name).includes(a)));
    const autoscale = holders.filter((h) => valueAt(h.body, 'autoscale_settings.max_throughput') !== undefined);
    const manual = holders.filter((h) => valueAt(h.body, 'autoscale_settings.max_throughput') === undefined && h.body.throughput !== undefined);
    const sum = (list: readonly SynthesizedResource[], path: string) => list.reduce((total, h) => total + Number(valueAt(h.body, path)), 0);
    // The price of one RU/s per month in every region of the account.
    const perRu = (price: ListPrice) => priced({ factor: regions / 100, price });
    const detail = (n: number, what: string) => `${String(a.body.name)}: ${n} container(s) or database(s) x ${regions} region(s)${what}`;
    if (autoscale.length) {
      const maxRu = sum(autoscale, 'autoscale_settings.max_throughput');
      add('Cosmos DB autoscale RU/s (all regions)', multiWrite ? 'multi-region writes' : 'single write region', maxRu / 10, maxRu, detail(autoscale.length, ' (autoscale bills from 10% of the maximum)'), perRu(multiWrite ? LIST_PRICES.cosmosAutoscaleMultiWrite : LIST_PRICES.cosmosAutoscale));
    }
    if (manual.length) {
      const ru = sum(manual, 'throughput');
      add('Cosmos DB manual RU/s (all regions)', multiWrite ? 'multi-region writes' : 'single write region', ru, ru, detail(manual.length, multiWrite ? '' : ' (zone-redundant regions add 25% to manual throughput, not included)'), perRu(multiWrite ? LIST_PRICES.cosmosAutoscaleMultiWrite : LIST_PRICES.cosmosManual));
    }
  }
}

function entry(app: SynthesizedApp, mine: (type: string) => readonly SynthesizedResource[], add: Add): void {
  for (const p of mine('azurerm_cdn_frontdoor_profile')) {
    const sku = String(p.body.sku_name);
    add('Front Door profile', sku, 1, 1, String(p.body.name), sku === 'Premium_AzureFrontDoor' ? one(LIST_PRICES.frontDoorPremium) : sku === 'Standard_AzureFrontDoor' ? one(LIST_PRICES.frontDoorStandard) : { notPriced: `no list price for ${sku}` });
  }
  for (const t of mine('azurerm_traffic_manager_profile')) {
    const endpoints = app.ofType('azurerm_traffic_manager_external_endpoint').filter((e) => app.referencedBy(e.stack, e.body.profile_id).includes(t)).length;
    // A 10-second probing interval is the fast interval add-on, billed per endpoint on top of the health check.
    const fast = Number(valueAt(t.body, 'monitor_config.interval_in_seconds')) === 10;
    add('Traffic Manager health checks', `external endpoint${fast ? ', fast interval' : ''}`, endpoints, endpoints, `${String(t.body.name)} (DNS queries billed by use)`,
      priced({ factor: 1, price: LIST_PRICES.trafficManagerHealthCheck }, ...(fast ? [{ factor: 1, price: LIST_PRICES.trafficManagerFastInterval }] : [])));
  }
  const APIM: { readonly [sku: string]: ListPrice } = { Premium: LIST_PRICES.apiManagementPremium, Standard: LIST_PRICES.apiManagementStandard, Basic: LIST_PRICES.apiManagementBasic, Developer: LIST_PRICES.apiManagementDeveloper };
  for (const a of mine('azurerm_api_management')) {
    const [sku, capacity] = String(a.body.sku_name).split('_');
    const extra = blocks(a.body.additional_location);
    // Each additional location has its own units; `capacity` there defaults to the main region's.
    const units = Number(capacity) + extra.reduce((sum, l) => sum + Number(l.capacity ?? capacity), 0);
    add('API Management units', sku, units, units, `${1 + extra.length} location(s)`, APIM[sku] ? one(APIM[sku]) : { notPriced: `no list price for API Management ${sku}` });
  }
}

/** Alert rules and private DNS zones, priced per month. */
function monitoring(mine: (type: string) => readonly SynthesizedResource[], add: Add): void {
  const metric = mine('azurerm_monitor_metric_alert');
  // One time series per criterion, two per dynamic criterion (the metric and its dynamic threshold).
  const series = metric.reduce((sum, m) => sum + blocks(m.body.criteria).length + 2 * blocks(m.body.dynamic_criteria).length, 0);
  if (metric.length) add('Metric alert time series', 'monitored', series, series, `${metric.length} metric alert(s)`, one(LIST_PRICES.metricAlertSeries));
  const logs = mine('azurerm_monitor_scheduled_query_rules_alert_v2');
  const every5 = logs.filter((l) => l.body.evaluation_frequency === 'PT5M').length;
  if (every5) add('Log alert rules', 'evaluated every 5 minutes', every5, every5, 'scheduled query rules', one(LIST_PRICES.logAlertRule));
  if (logs.length > every5) add('Log alert rules', 'another evaluation frequency', logs.length - every5, logs.length - every5, 'scheduled query rules', { notPriced: 'the list has the 5-minute frequency only' });
  const zones = mine('azurerm_private_dns_zone');
  if (zones.length) add('Private DNS zones', 'hosted zone', zones.length, zones.length, 'queries billed by use', one(LIST_PRICES.privateDnsZone));
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
  // Event Hubs: throughput units (Standard) or processing units (Premium) per namespace; the price list has no Event
  // Hubs meter, so they are counted and left out of the totals, never guessed.
  for (const n of mine('azurerm_eventhub_namespace')) {
    const sku = String(n.body.sku);
    add(sku === 'Premium' ? 'Event Hubs processing units' : 'Event Hubs throughput units', sku, Number(n.body.capacity ?? 0), Number(n.body.maximum_throughput_units ?? n.body.capacity ?? 0), `${String(n.body.name)} in ${String(n.body.location)}`, { notPriced: 'no Event Hubs meter in the price list' });
  }
  const topics = mine('azurerm_eventgrid_topic');
  if (topics.length) add('Event Grid topics', 'Basic', topics.length, topics.length, `${topics.map((t) => String(t.body.location)).join(', ')} (operations billed by use)`, BY_USE);
  // Azure Managed Redis is billed per cache-hour by SKU (high availability doubles the nodes); the price list has no
  // Managed Redis meter, so the caches are counted and left out of the totals, never guessed.
  const caches = mine('azurerm_managed_redis');
  for (const sku of [...new Set(caches.map((c) => String(c.body.sku_name)))]) {
    const these = caches.filter((c) => String(c.body.sku_name) === sku);
    const ha = these.filter((c) => c.body.high_availability_enabled !== false).length;
    add('Azure Managed Redis caches', sku, these.length, these.length, `${these.map((c) => String(c.body.location)).join(', ')}; ${ha} with high availability`, { notPriced: `no list price for Azure Managed Redis ${sku} in the price list` });
  }
  entry(app, mine, add);
  const endpoints = app.ofType('azurerm_private_endpoint').filter((e) => clusters.some((c) => c.stack === e.stack));
  if (endpoints.length) add('Private endpoints', 'standard', endpoints.length, endpoints.length, 'in the regional stacks (data processed billed by use)', one(LIST_PRICES.privateEndpoint));
  monitoring(mine, add);
  const workspaces = mine('azurerm_log_analytics_workspace');
  if (workspaces.length) add('Log Analytics workspaces', String(workspaces[0].body.sku), workspaces.length, workspaces.length, `retention ${String(workspaces[0].body.retention_in_days)} days (ingestion billed by use)`, BY_USE);
  // A disabled test does not run.
  const tests = mine('azurerm_application_insights_standard_web_test').filter((t) => t.body.enabled !== false);
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
    ...(has('Private endpoints') ? [LIST_PRICES.privateEndpointData] : []),
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
    assumptions: units.some((u) => u.item === 'Azure SQL vCores' && u.sku.includes('serverless')) ? [...ASSUMPTIONS, SERVERLESS_ASSUMPTION] : ASSUMPTIONS,
  };
}
