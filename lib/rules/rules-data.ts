import { Regions } from '../core/regions';
import { attributeRule, equals, resourceRule, Rule, show } from './rule';
import { blocks, isExpression, JsonObject, JsonValue, SynthesizedApp, SynthesizedResource, valueAt } from './synthesized';

const SQL_SERVER = 'azurerm_mssql_server';
const SQL_DATABASE = 'azurerm_mssql_database';
const FAILOVER_GROUP = 'azurerm_mssql_failover_group';
const PG = 'azurerm_postgresql_flexible_server';
const COSMOS = 'azurerm_cosmosdb_account';
const PATTERNS = 'README, "The five redundancy patterns"';

/** Whether a location is a catalogued region with availability zones (unknown or expression: not judged). */
export function zonal(location: JsonValue | undefined): boolean {
  return typeof location === 'string' && !isExpression(location) && Regions.tryFind(location)?.availabilityZones === true;
}

/** The first resource of a type a value refers to. */
function referenced(app: SynthesizedApp, r: SynthesizedResource, value: unknown, type: string): SynthesizedResource | undefined {
  return app.referencedBy(r.stack, value).find((x) => x.type === type);
}

/** Whether some resource of `type` refers to `target` through `attribute`. */
function hasCompanion(app: SynthesizedApp, target: SynthesizedResource, type: string, attribute: string, accept: (body: JsonObject) => boolean = () => true): boolean {
  return app.ofType(type).some((c) => accept(c.body) && app.referencedBy(c.stack, valueAt(c.body, attribute)).includes(target));
}

/** A problem with a pair of regions that must differ (a failover partner in the same region is no regional redundancy). */
function sameRegion(what: string, a: JsonValue | undefined, b: JsonValue | undefined): string | undefined {
  if (typeof a !== 'string' || typeof b !== 'string' || isExpression(a) || isExpression(b)) return undefined;
  return a === b ? `${what} are both in ${a}; expected two different regions` : undefined;
}

/** Rules for the Order database (Azure SQL and PostgreSQL flexible server) and the tracking store (Cosmos DB). */
export const DATA_RULES: readonly Rule[] = [
  attributeRule({
    id: 'OP-SQL-001', severity: 'error', summary: 'SQL servers refuse public network access; the stamps reach them through private endpoints.',
    resourceTypes: [SQL_SERVER], attribute: 'public_network_access_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_113' },
  }, equals(false), 'false'),
  attributeRule({
    id: 'OP-SQL-002', severity: 'error', summary: 'SQL servers accept TLS 1.2 or later only (unset is the provider\'s default, 1.2).',
    resourceTypes: [SQL_SERVER], attribute: 'minimum_tls_version', source: { kind: 'checkov', reference: 'CKV_AZURE_52' },
  }, (v) => v === undefined || v === '1.2', '"1.2" (or unset)'),
  attributeRule({
    id: 'OP-SQL-003', severity: 'error', summary: 'SQL servers accept Entra ID authentication only: no SQL logins or passwords.',
    resourceTypes: [SQL_SERVER], attribute: 'azuread_administrator.azuread_authentication_only', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/azure-sql/database/authentication-azure-ad-only-authentication' },
  }, equals(true), 'true'),
  resourceRule({
    id: 'OP-SQL-004', severity: 'error', summary: 'Databases are zone-redundant in regions with availability zones.',
    resourceTypes: [SQL_DATABASE], attribute: 'zone_redundant', source: { kind: 'checkov', reference: 'CKV_AZURE_229' },
  }, (body, r, app) => {
    const location = referenced(app, r, body.server_id, SQL_SERVER)?.body.location;
    return zonal(location) && body.zone_redundant !== true ? `zone_redundant is ${show(body.zone_redundant)} in ${String(location)}, which has availability zones; expected true` : undefined;
  }),
  attributeRule({
    id: 'OP-SQL-005', severity: 'warning', summary: 'Database backups are stored zone- or geo-redundantly, not on locally redundant storage.',
    resourceTypes: [SQL_DATABASE], attribute: 'storage_account_type', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/azure-sql/database/automated-backups-overview' },
  }, (v) => v === undefined || v === 'Geo' || v === 'GeoZone' || v === 'Zone', '"Geo" (the default), "GeoZone" or "Zone"'),
  resourceRule({
    id: 'OP-SQL-006', severity: 'error', summary: 'Every SQL server audits to Log Analytics (an extended auditing policy with log monitoring).',
    resourceTypes: [SQL_SERVER, 'azurerm_mssql_server_extended_auditing_policy'], attribute: 'azurerm_mssql_server_extended_auditing_policy.log_monitoring_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_23' },
  }, (_body, r, app) => (r.type !== SQL_SERVER || hasCompanion(app, r, 'azurerm_mssql_server_extended_auditing_policy', 'server_id', (p) => p.log_monitoring_enabled !== false && p.enabled !== false) ? undefined
    : 'no enabled azurerm_mssql_server_extended_auditing_policy with log monitoring (both default to true) for this server')),
  resourceRule({
    id: 'OP-SQL-007', severity: 'error', summary: 'Every SQL server has Defender threat detection on (a security alert policy in state Enabled).',
    resourceTypes: [SQL_SERVER, 'azurerm_mssql_server_security_alert_policy'], attribute: 'azurerm_mssql_server_security_alert_policy.state', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/azure-sql/database/threat-detection-configure' },
  }, (_body, r, app) => (r.type !== SQL_SERVER || hasCompanion(app, r, 'azurerm_mssql_server_security_alert_policy', 'server_name', (p) => p.state === 'Enabled') ? undefined
    : 'no azurerm_mssql_server_security_alert_policy with state "Enabled" for this server')),
  resourceRule({
    id: 'OP-SQL-008', severity: 'error', summary: 'A failover group pairs servers in two different regions.',
    resourceTypes: [FAILOVER_GROUP], attribute: 'server_id, partner_server.id', source: { kind: 'pattern', reference: PATTERNS },
  }, (body, r, app) => sameRegion('the server and its failover partner', referenced(app, r, body.server_id, SQL_SERVER)?.body.location,
    referenced(app, r, valueAt(body, 'partner_server.id'), SQL_SERVER)?.body.location)),
  resourceRule({
    id: 'OP-SQL-009', severity: 'error', summary: 'A failover group with the Automatic policy has a grace period of at least 60 minutes (Azure\'s minimum for Microsoft-managed failover).',
    resourceTypes: [FAILOVER_GROUP], attribute: 'read_write_endpoint_failover_policy.grace_minutes', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/azure-sql/database/failover-group-sql-db' },
  }, (body) => {
    const policy = blocks(body.read_write_endpoint_failover_policy)[0] ?? {};
    if (policy.mode !== 'Automatic' || isExpression(policy.grace_minutes)) return undefined;
    return Number(policy.grace_minutes) >= 60 ? undefined : `read_write_endpoint_failover_policy.grace_minutes is ${show(policy.grace_minutes)} with mode "Automatic"; expected >= 60`;
  }),
  resourceRule({
    id: 'OP-SQL-010', severity: 'warning', summary: 'Databases keep point-in-time backups for at least 7 days.',
    resourceTypes: [SQL_DATABASE], attribute: 'short_term_retention_policy.retention_days', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/azure-sql/database/automated-backups-overview' },
  }, (body) => {
    if (body.create_mode === 'Secondary') return undefined;
    // Without the block Azure keeps its default of 7 days.
    const days = valueAt(body, 'short_term_retention_policy.retention_days');
    return days === undefined || isExpression(days) || Number(days) >= 7 ? undefined : `short_term_retention_policy.retention_days is ${show(days)}; expected >= 7`;
  }),
  attributeRule({
    id: 'OP-PG-001', severity: 'error', summary: 'PostgreSQL servers refuse public network access; the stamps reach them through private endpoints.',
    resourceTypes: [PG], attribute: 'public_network_access_enabled', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private-link' },
  }, equals(false), 'false'),
  resourceRule({
    id: 'OP-PG-002', severity: 'error', summary: 'PostgreSQL servers accept Entra ID authentication only: password login is off.',
    resourceTypes: [PG], attribute: 'authentication.password_auth_enabled, authentication.active_directory_auth_enabled', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-azure-ad-authentication' },
  }, (body) => {
    const auth = blocks(body.authentication)[0] ?? {};
    return auth.password_auth_enabled === false && auth.active_directory_auth_enabled === true ? undefined
      : `authentication.password_auth_enabled is ${show(auth.password_auth_enabled)} and active_directory_auth_enabled ${show(auth.active_directory_auth_enabled)}; expected false and true`;
  }),
  resourceRule({
    id: 'OP-PG-003', severity: 'error', summary: 'A PostgreSQL primary runs high availability: zone-redundant in a region with availability zones, same-zone in a region without.',
    resourceTypes: [PG], attribute: 'high_availability.mode', source: { kind: 'pattern', reference: PATTERNS },
  }, (body) => {
    const region = typeof body.location === 'string' && !isExpression(body.location) ? Regions.tryFind(body.location) : undefined;
    if (body.create_mode === 'Replica' || !region) return undefined;
    const expected = region.availabilityZones ? 'ZoneRedundant' : 'SameZone';
    const mode = valueAt(body, 'high_availability.mode');
    return mode === expected ? undefined : `high_availability.mode is ${show(mode)} in ${String(body.location)}; expected "${expected}"`;
  }),
  resourceRule({
    id: 'OP-PG-004', severity: 'error', summary: 'Every PostgreSQL server, replicas included, has a custom maintenance window (a promoted replica keeps it).',
    resourceTypes: [PG], attribute: 'maintenance_window', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-maintenance' },
  }, (body) => (blocks(body.maintenance_window).length ? undefined : 'maintenance_window not set; Azure picks the time (system-managed schedule); expected a custom window')),
  resourceRule({
    id: 'OP-PG-005', severity: 'error', summary: 'A virtual endpoint fails over to a replica in another region than its source.',
    resourceTypes: ['azurerm_postgresql_flexible_server_virtual_endpoint'], attribute: 'source_server_id, replica_server_id', source: { kind: 'pattern', reference: PATTERNS },
  }, (body, r, app) => sameRegion('the source server and its replica', referenced(app, r, body.source_server_id, PG)?.body.location, referenced(app, r, body.replica_server_id, PG)?.body.location)),
  resourceRule({
    id: 'OP-PG-006', severity: 'warning', summary: 'A PostgreSQL primary in a paired region keeps geo-redundant backups.',
    resourceTypes: [PG], attribute: 'geo_redundant_backup_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_136' },
  }, (body) => {
    if (body.create_mode === 'Replica' || typeof body.location !== 'string' || !Regions.tryFind(body.location)?.pairedRegion) return undefined;
    return body.geo_redundant_backup_enabled === true ? undefined : `geo_redundant_backup_enabled is ${show(body.geo_redundant_backup_enabled)} in ${body.location}, which has a paired region; expected true`;
  }),
  resourceRule({
    id: 'OP-PG-007', severity: 'error', summary: 'Every PostgreSQL primary has an Entra ID administrator (with password login off, nobody else can log in).',
    resourceTypes: [PG], attribute: 'azurerm_postgresql_flexible_server_active_directory_administrator.server_name', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-configure-sign-in-azure-ad-authentication' },
  }, (body, r, app) => (body.create_mode === 'Replica' || hasCompanion(app, r, 'azurerm_postgresql_flexible_server_active_directory_administrator', 'server_name') ? undefined
    : 'no azurerm_postgresql_flexible_server_active_directory_administrator for this server')),
  attributeRule({
    id: 'OP-COS-001', severity: 'error', summary: 'Cosmos DB accounts refuse public network access.',
    resourceTypes: [COSMOS], attribute: 'public_network_access_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_101' },
  }, equals(false), 'false'),
  attributeRule({
    id: 'OP-COS-002', severity: 'error', summary: 'Cosmos DB accounts of the NoSQL API accept Entra ID only: account keys are off.',
    resourceTypes: [COSMOS], attribute: 'local_authentication_disabled', source: { kind: 'checkov', reference: 'CKV_AZURE_140' },
  }, (v, body) => v === true || (body.kind !== undefined && body.kind !== 'GlobalDocumentDB'), 'true (for kind GlobalDocumentDB)'),
  resourceRule({
    id: 'OP-COS-003', severity: 'error', summary: 'Every Cosmos DB region with availability zones is zone-redundant.',
    resourceTypes: [COSMOS], attribute: 'geo_location.zone_redundant', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql' },
  }, (body) => {
    const flat = blocks(body.geo_location).filter((g) => zonal(g.location) && g.zone_redundant !== true).map((g) => String(g.location));
    return flat.length ? `geo_location ${flat.join(', ')} not zone_redundant; expected zone_redundant = true` : undefined;
  }),
  attributeRule({
    id: 'OP-COS-004', severity: 'error', summary: 'Cosmos DB accounts let no Azure service bypass their network rules.',
    resourceTypes: [COSMOS], attribute: 'network_acl_bypass_for_azure_services', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall' },
  }, (v) => v !== true, 'false'),
  attributeRule({
    id: 'OP-COS-005', severity: 'warning', summary: 'Data-plane clients cannot change the account\'s metadata (databases, containers, throughput).',
    resourceTypes: [COSMOS], attribute: 'access_key_metadata_writes_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_132' },
  }, equals(false), 'false'),
  resourceRule({
    id: 'OP-COS-006', severity: 'error', summary: 'A multi-region account with one write region fails over automatically.',
    resourceTypes: [COSMOS], attribute: 'automatic_failover_enabled, multiple_write_locations_enabled', source: { kind: 'pattern', reference: PATTERNS },
  }, (body) => (blocks(body.geo_location).length < 2 || body.multiple_write_locations_enabled === true || body.automatic_failover_enabled === true ? undefined
    : `automatic_failover_enabled is ${show(body.automatic_failover_enabled)} with ${blocks(body.geo_location).length} regions and one write region; expected true`)),
  resourceRule({
    id: 'OP-COS-007', severity: 'error', summary: 'Every Cosmos DB geo location is a different region.',
    resourceTypes: [COSMOS], attribute: 'geo_location.location', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/cosmos-db/distribute-data-globally' },
  }, (body) => {
    const locations = blocks(body.geo_location).map((g) => g.location);
    const twice = locations.filter((l, i) => locations.indexOf(l) !== i);
    return twice.length ? `geo_location lists ${show([...new Set(twice)])} more than once; expected distinct regions` : undefined;
  }),
  attributeRule({
    id: 'OP-COS-008', severity: 'error', summary: 'Cosmos DB accounts accept TLS 1.2 or later only.',
    resourceTypes: [COSMOS], attribute: 'minimal_tls_version', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/cosmos-db/self-serve-minimum-tls-enforcement' },
  }, (v) => v === undefined || v === 'Tls12', '"Tls12"'),
];
