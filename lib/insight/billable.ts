/**
 * The billable units a platform deploys, read from its synthesized stacks, so patterns compare side by side: AKS nodes
 * at the autoscalers' minimum and maximum, database vCores and copies, Cosmos DB regions and throughput, Service Bus
 * messaging units, the entry's tier, private endpoints and monitoring. Quantities only: prices vary by region,
 * agreement and date (the Azure pricing calculator or the retail prices API turn these units into a bill).
 */
import { blocks, SynthesizedApp, SynthesizedResource, SynthesizedStack, valueAt } from '../rules/synthesized';

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
}

/** vCores of an Azure SQL SKU (`GP_Gen5_2`: 2) or a PostgreSQL flexible SKU (`GP_Standard_D4ds_v5`: 4). */
function vcores(sku: string): number {
  const sql = /_(\d+)$/.exec(sku);
  const vm = /_[A-Z]+(\d+)[a-z]*_v\d+$/.exec(sku);
  return vm ? Number(vm[1]) : sql ? Number(sql[1]) : 0;
}

/** The billable units of a platform's resources (by its `platform` tag; global entry resources by their profile). */
export function billableUnits(stacks: readonly SynthesizedStack[], id: string): BillableUnit[] {
  const app = new SynthesizedApp(stacks);
  const mine = (type: string): readonly SynthesizedResource[] => app.ofType(type).filter((r) => valueAt(r.body, 'tags.platform') === id);
  const units: BillableUnit[] = [];
  const add = (item: string, sku: string, min: number, max: number, detail: string) => units.push({ item, sku, min, max, detail });

  const clusters = mine('azurerm_kubernetes_cluster');
  for (const c of clusters) {
    const system = blocks(c.body.default_node_pool)[0] ?? {};
    add('AKS cluster (uptime SLA)', `${String(c.body.sku_tier ?? 'Free')} tier`, 1, 1, String(c.body.location));
    add('AKS nodes, system pool', String(system.vm_size), Number(system.min_count ?? system.node_count ?? 1), Number(system.max_count ?? system.node_count ?? 1), String(c.body.location));
    for (const p of app.ofType('azurerm_kubernetes_cluster_node_pool').filter((x) => app.referencedBy(x.stack, x.body.kubernetes_cluster_id).includes(c))) {
      add(`AKS nodes, ${String(p.body.name)} pool`, String(p.body.vm_size), Number(p.body.min_count ?? p.body.node_count ?? 1), Number(p.body.max_count ?? p.body.node_count ?? 1), String(c.body.location));
    }
  }
  for (const d of mine('azurerm_mssql_database')) {
    const server = app.referencedBy(d.stack, d.body.server_id)[0];
    const cores = vcores(String(d.body.sku_name));
    add('Azure SQL vCores', `${String(d.body.sku_name)}${d.body.zone_redundant === true ? ', zone-redundant' : ''}`, cores, cores, `${String(d.body.name)} in ${String(server?.body.location)}${d.body.create_mode === 'Secondary' ? ' (geo-secondary)' : ''}`);
  }
  for (const s of mine('azurerm_postgresql_flexible_server')) {
    const cores = vcores(String(s.body.sku_name)) * (valueAt(s.body, 'high_availability.mode') !== undefined ? 2 : 1);
    add('PostgreSQL vCores', `${String(s.body.sku_name)}${valueAt(s.body, 'high_availability.mode') !== undefined ? ', with HA standby' : ''}`, cores, cores, `${String(s.body.name)} in ${String(s.body.location)}${s.body.create_mode === 'Replica' ? ' (replica)' : ''}`);
    add('PostgreSQL storage (GiB)', 'Premium SSD', Number(s.body.storage_mb) / 1024, Number(s.body.storage_mb) / 1024, String(s.body.name));
  }
  for (const a of mine('azurerm_cosmosdb_account')) {
    const regions = blocks(a.body.geo_location).length;
    const containers = app.ofType('azurerm_cosmosdb_sql_container').filter((c) => app.referencedBy(c.stack, c.body.account_name).includes(a));
    const maxRu = containers.reduce((sum, c) => sum + Number(valueAt(c.body, 'autoscale_settings.max_throughput') ?? valueAt(c.body, 'throughput') ?? 0), 0);
    add('Cosmos DB autoscale RU/s, per region', a.body.multiple_write_locations_enabled === true ? 'multi-region writes' : 'single write region', maxRu / 10, maxRu, `${String(a.body.name)}: ${containers.length} container(s) x ${regions} region(s) (autoscale bills from 10% of the maximum)`);
  }
  for (const n of mine('azurerm_servicebus_namespace')) add('Service Bus messaging units', String(n.body.sku), Number(n.body.capacity ?? 0), Number(n.body.capacity ?? 0), `${String(n.body.name)} in ${String(n.body.location)}`);
  const topics = mine('azurerm_eventgrid_topic');
  if (topics.length) add('Event Grid topics', 'Basic', topics.length, topics.length, topics.map((t) => String(t.body.location)).join(', '));
  for (const p of mine('azurerm_cdn_frontdoor_profile')) add('Front Door profile', String(p.body.sku_name), 1, 1, String(p.body.name));
  for (const t of mine('azurerm_traffic_manager_profile')) add('Traffic Manager profile', 'per DNS query and health check', 1, 1, String(t.body.name));
  for (const a of mine('azurerm_api_management')) {
    const [sku, capacity] = String(a.body.sku_name).split('_');
    const locations = 1 + blocks(a.body.additional_location).length;
    add('API Management units', sku, Number(capacity) * locations, Number(capacity) * locations, `${locations} location(s)`);
  }
  const endpoints = app.ofType('azurerm_private_endpoint').filter((e) => clusters.some((c) => c.stack === e.stack));
  if (endpoints.length) add('Private endpoints', 'per hour', endpoints.length, endpoints.length, 'in the regional stacks');
  const workspaces = mine('azurerm_log_analytics_workspace');
  if (workspaces.length) add('Log Analytics workspaces', String(workspaces[0].body.sku), workspaces.length, workspaces.length, `retention ${String(workspaces[0].body.retention_in_days)} days (billed per GB ingested)`);
  const tests = mine('azurerm_application_insights_standard_web_test');
  if (tests.length) add('Availability tests', 'standard web test', tests.length, tests.length, 'billed per test execution');
  const vaults = mine('azurerm_key_vault');
  if (vaults.length) add('Key Vaults', String(vaults[0].body.sku_name), vaults.length, vaults.length, 'billed per operation');
  return units;
}
