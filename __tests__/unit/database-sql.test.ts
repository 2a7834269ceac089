import { Construct } from 'constructs';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { Naming, pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { Checks } from '../../lib/core/validate';
import { DatabaseEngine } from '../../lib/database/engine';
import { buildSql, checkSqlOptions } from '../../lib/database/sql';
import { cellPlans, DatabaseBuildContext } from '../../lib/database/topology';
import { ADMIN, makeDatabase, ref, resourceAt, synthDatabase, tagsOf, tenantRef, violatedProps, violations, workspaceOf } from '../support/database';
import { sink } from '../support/standalone';
import { all, only, testStack } from '../support/synth';

/** lib/database/sql.ts: the Azure SQL engine's checks and topology; each test builds one small standalone database. */

const sql = DatabaseEngine.sql;
/** primarySecondary in westus3 and eastus (a function: nothing of lib/ runs outside a test). */
const two = () => ({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] });
const passive = () => ({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'] });
const hash = (region: string) => pathHash(`test/OrderDb/${region}`);
const DRIFT = ['create_mode', 'creation_source_database_id', 'secondary_type'];
const SHORT_TERM = { retention_days: 14, backup_interval_in_hours: 12 };
const LONG_TERM = { weekly_retention: 'P4W', monthly_retention: 'P12M', yearly_retention: 'P5Y', week_of_year: 1 };
const SKU_FIX = "use e.g. 'GP_Gen5_2' (General Purpose), 'BC_Gen5_4' (Business Critical) or 'P2' (Premium)";
const ZONE_FIX = "use a General Purpose, Business Critical or Premium SKU, e.g. 'GP_Gen5_2'";
const STANDBY = [
  'engine.skuName',
  'a non-readable (Standby) secondary needs a provisioned General Purpose or Business Critical SKU (not serverless, Hyperscale or DTU)',
  "use e.g. 'GP_Gen5_2', or readableSecondary: true for a readable geo-secondary",
];

describe('Azure SQL: a zone-redundant database', () => {
  test('one logical server per region: Entra ID only, private, TLS 1.2, system identity, protected, named by region and path', () => {
    const { json } = synthDatabase();
    expect(resourceAt(json, 'azurerm_mssql_server', 'westus3/SqlServer')).toEqual({
      name: `shop-sql-westus3-${hash('westus3')}`,
      location: 'westus3',
      resource_group_name: ref(json, 'azurerm_resource_group', 'westus3/ResourceGroup', 'name'),
      version: '12.0',
      minimum_tls_version: '1.2',
      public_network_access_enabled: false,
      azuread_administrator: { login_username: ADMIN.name, object_id: ADMIN.objectId, tenant_id: tenantRef(json), azuread_authentication_only: true },
      identity: { type: 'SystemAssigned' },
      tags: tagsOf('zoneRedundant', { region: 'westus3' }),
      lifecycle: { prevent_destroy: true },
    });
  });

  test('server audit records reach the region\'s workspace through the master database; a security alert policy is on', () => {
    const { json } = synthDatabase();
    const server = (attribute: string) => ref(json, 'azurerm_mssql_server', 'westus3/SqlServer', attribute);
    expect(only(json, 'azurerm_mssql_server_extended_auditing_policy')).toEqual({ server_id: server('id'), log_monitoring_enabled: true });
    expect(only(json, 'azurerm_mssql_database_extended_auditing_policy')).toEqual({ database_id: `${server('id')}/databases/master`, log_monitoring_enabled: true });
    const settings = Object.values(all(json, 'azurerm_monitor_diagnostic_setting'));
    expect(settings.find((d) => String(d.target_resource_id).endsWith('/databases/master'))).toEqual({
      name: 'to-log-analytics', target_resource_id: `${server('id')}/databases/master`, log_analytics_workspace_id: workspaceOf('westus3'), enabled_log: [{ category: 'SQLSecurityAuditEvents' }],
    });
    // The database's own logs and metrics (SQL's metric categories, not AllMetrics).
    expect(settings.find((d) => /^\$\{azurerm_mssql_database\./.test(d.target_resource_id))).toEqual({
      name: 'to-log-analytics', target_resource_id: ref(json, 'azurerm_mssql_database', 'westus3/Database', 'id'), log_analytics_workspace_id: workspaceOf('westus3'),
      enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'Basic' }, { category: 'InstanceAndAppAdvanced' }, { category: 'WorkloadManagement' }],
    });
    expect(settings).toHaveLength(2);
    expect(only(json, 'azurerm_mssql_server_security_alert_policy')).toEqual({
      resource_group_name: ref(json, 'azurerm_resource_group', 'westus3/ResourceGroup', 'name'), server_name: server('name'), state: 'Enabled',
    });
  });

  test('the database: zone-redundant, geo-redundant backups, the default retention, tagged by cell, protected against failover drift', () => {
    const { json } = synthDatabase();
    expect(only(json, 'azurerm_mssql_database')).toEqual({
      name: 'orders',
      server_id: ref(json, 'azurerm_mssql_server', 'westus3/SqlServer', 'id'),
      sku_name: 'GP_Gen5_2',
      // The one attribute the default adds (in place): weekday nights, 22:00-06:00 local, Monday to Thursday.
      maintenance_configuration_name: 'SQL_WestUS3_DB_1',
      max_size_gb: 32,
      zone_redundant: true,
      storage_account_type: 'Geo',
      short_term_retention_policy: SHORT_TERM,
      long_term_retention_policy: LONG_TERM,
      tags: tagsOf('zoneRedundant', { region: 'westus3', cell: 'westus3' }),
      lifecycle: { prevent_destroy: true, ignore_changes: DRIFT },
    });
    expect(json.resource.azurerm_mssql_failover_group).toBeUndefined();
  });

  test('the cell reads and writes on its server; the server is the one private-endpoint target; the principal resources are the SQL ones', () => {
    const { database, json, cells, servers } = synthDatabase();
    const server = (attribute: string) => ref(json, 'azurerm_mssql_server', 'westus3/SqlServer', attribute);
    const host = server('fully_qualified_domain_name');
    expect(cells).toEqual([{ homeRegion: 'westus3', databaseName: 'orders', readWriteHost: host, readOnlyHost: host, serverHosts: { westus3: host } }]);
    expect(servers).toEqual([{ key: 'westus3', region: 'westus3', resourceId: server('id') }]);
    expect(Object.keys(database.sqlServers)).toEqual(['westus3']);
    expect(database.sqlServers.westus3.node.path).toBe('test/OrderDb/westus3/SqlServer');
    expect(database.sqlDatabases.westus3.node.path).toBe('test/OrderDb/westus3/Database');
    expect([database.sqlSecondaries, database.sqlFailoverGroups]).toEqual([{}, {}]);
    expect([database.postgresqlServers, database.postgresqlReplicas, database.postgresqlDatabases, database.postgresqlVirtualEndpoints]).toEqual([{}, {}, {}, {}]);
  });

  test('removalPolicy DESTROY leaves servers and databases destroyable, still ignoring failover drift', () => {
    const { json } = synthDatabase({ removalPolicy: RemovalPolicy.DESTROY });
    expect(only(json, 'azurerm_mssql_server').lifecycle).toEqual({ prevent_destroy: false });
    expect(only(json, 'azurerm_mssql_database').lifecycle).toEqual({ prevent_destroy: false, ignore_changes: DRIFT });
  });
});

describe('Azure SQL: replicated cells', () => {
  test('primarySecondary: a readable geo-secondary in the second region and an automatic failover group whose listeners are the cell\'s hosts', () => {
    const { database, json, cells, servers } = synthDatabase(two());
    const west = (attribute: string) => ref(json, 'azurerm_mssql_server', 'westus3/SqlServer', attribute);
    const east = (attribute: string) => ref(json, 'azurerm_mssql_server', 'eastus/SqlServer', attribute);
    const primaryId = ref(json, 'azurerm_mssql_database', 'westus3/Database', 'id');
    expect(resourceAt(json, 'azurerm_mssql_database', 'eastus/Replica-westus3')).toEqual({
      name: 'orders',
      server_id: east('id'),
      create_mode: 'Secondary',
      creation_source_database_id: primaryId,
      secondary_type: 'Geo',
      sku_name: 'GP_Gen5_2',
      // The default staggers the geo-secondary to the weekend nights of its region (the primary: weekday nights).
      maintenance_configuration_name: 'SQL_EastUS_DB_2',
      zone_redundant: true,
      storage_account_type: 'Geo',
      short_term_retention_policy: SHORT_TERM,
      long_term_retention_policy: LONG_TERM,
      tags: tagsOf('primarySecondary', { region: 'eastus', cell: 'westus3' }),
      lifecycle: { prevent_destroy: true, ignore_changes: DRIFT },
    });
    // The geo-secondary's logs and metrics go to its own region's workspace.
    const secondaryId = ref(json, 'azurerm_mssql_database', 'eastus/Replica-westus3', 'id');
    expect(Object.values(all(json, 'azurerm_monitor_diagnostic_setting')).filter((d) => d.target_resource_id === secondaryId).map((d) => [d.log_analytics_workspace_id, d.enabled_log])).toEqual([[workspaceOf('eastus'), [{ category_group: 'allLogs' }]]]);
    const group = `shop-sqlfg-westus3-${hash('westus3')}`;
    expect(only(json, 'azurerm_mssql_failover_group')).toEqual({
      name: group,
      server_id: west('id'),
      partner_server: [{ id: east('id') }],
      databases: [primaryId],
      read_write_endpoint_failover_policy: { mode: 'Automatic', grace_minutes: 60 },
      readonly_endpoint_failover_policy_enabled: true,
      tags: tagsOf('primarySecondary', { cell: 'westus3' }),
      depends_on: [`azurerm_mssql_database.${Object.keys(all(json, 'azurerm_mssql_database')).find((id) => id.startsWith('OrderDb_eastus_Replica-westus3_'))}`],
    });
    expect(cells).toEqual([{
      homeRegion: 'westus3', replicaRegion: 'eastus', databaseName: 'orders',
      readWriteHost: `${group}.database.windows.net`, readOnlyHost: `${group}.secondary.database.windows.net`,
      serverHosts: { westus3: west('fully_qualified_domain_name'), eastus: east('fully_qualified_domain_name') },
    }]);
    expect(servers).toEqual([{ key: 'westus3', region: 'westus3', resourceId: west('id') }, { key: 'eastus', region: 'eastus', resourceId: east('id') }]);
    expect(Object.keys(database.sqlServers)).toEqual(['westus3', 'eastus']);
    expect(database.sqlSecondaries.westus3.eastus.node.path).toBe('test/OrderDb/eastus/Replica-westus3');
    expect(Object.keys(database.sqlSecondaries)).toEqual(['westus3']);
    expect(database.sqlFailoverGroups.westus3.node.path).toBe('test/OrderDb/westus3/FailoverGroup');
  });

  test('activePassive: a license-free Standby secondary, so reads go to the read-write listener', () => {
    const { json, cells } = synthDatabase(passive());
    expect(resourceAt(json, 'azurerm_mssql_database', 'centralus/Replica-eastus2').secondary_type).toBe('Standby');
    const group = `shop-sqlfg-eastus2-${hash('eastus2')}`;
    expect(cells).toEqual([expect.objectContaining({ readWriteHost: `${group}.database.windows.net`, readOnlyHost: `${group}.database.windows.net` })]);
  });

  test('readableSecondary overrides the pattern\'s choice both ways', () => {
    const readable = synthDatabase({ ...passive(), engine: sql({ readableSecondary: true }) });
    expect(resourceAt(readable.json, 'azurerm_mssql_database', 'centralus/Replica-eastus2').secondary_type).toBe('Geo');
    expect(readable.cells).toEqual([expect.objectContaining({ readOnlyHost: `shop-sqlfg-eastus2-${hash('eastus2')}.secondary.database.windows.net` })]);
    const standby = makeDatabase({ ...two(), engine: sql({ readableSecondary: false }) });
    expect(standby.sqlSecondaries.westus3.eastus.secondaryTypeInput).toBe('Standby');
  });

  test('Manual failover carries no grace period; the read-only listener may stay put; a grace period reaches the group', () => {
    const manual = makeDatabase({ ...two(), engine: sql({ failoverMode: 'Manual', readOnlyEndpointFailover: false }) });
    expect(manual.sqlFailoverGroups.westus3.readWriteEndpointFailoverPolicyInput).toEqual({ mode: 'Manual' });
    expect(manual.sqlFailoverGroups.westus3.readonlyEndpointFailoverPolicyEnabledInput).toBe(false);
    const automatic = makeDatabase({ ...two(), engine: sql({ failoverMode: 'Automatic', graceMinutes: 90, readOnlyEndpointFailover: true }) });
    expect(automatic.sqlFailoverGroups.westus3.readWriteEndpointFailoverPolicyInput).toEqual({ mode: 'Automatic', graceMinutes: 90 });
    expect(automatic.sqlFailoverGroups.westus3.readonlyEndpointFailoverPolicyEnabledInput).toBe(true);
  });

  test('activeActive with three regions: each cell fails over to its partner and keeps a readable copy in the third region', () => {
    const regions = ['eastus2', 'westus3', 'centralus'];
    const { database, json, cells } = synthDatabase({ pattern: RedundancyPattern.activeActive(), regions, engine: sql({ readableSecondary: false }) });
    const copies = Object.fromEntries(Object.entries(database.sqlSecondaries).map(([home, byRegion]) => [home, Object.fromEntries(Object.entries(byRegion).map(([region, d]) => [region, d.secondaryTypeInput]))]));
    // The partner's copy follows readableSecondary; the other copies are always readable.
    expect(copies).toEqual({ eastus2: { westus3: 'Standby', centralus: 'Geo' }, westus3: { eastus2: 'Standby', centralus: 'Geo' }, centralus: { westus3: 'Standby', eastus2: 'Geo' } });
    expect(Object.values(database.sqlDatabases).map((d) => d.nameInput)).toEqual(['orders-eastus2', 'orders-westus3', 'orders-centralus']);
    const group = resourceAt(json, 'azurerm_mssql_failover_group', 'centralus/FailoverGroup');
    expect(group.partner_server).toEqual([{ id: ref(json, 'azurerm_mssql_server', 'westus3/SqlServer', 'id') }]);
    expect(group.databases).toEqual([ref(json, 'azurerm_mssql_database', 'centralus/Database', 'id')]);
    expect(group.depends_on).toEqual([`azurerm_mssql_database.${Object.keys(all(json, 'azurerm_mssql_database')).find((id) => id.startsWith('OrderDb_westus3_Replica-centralus_'))}`]);
    const third = resourceAt(json, 'azurerm_mssql_database', 'eastus2/Replica-centralus');
    expect([third.name, third.server_id, third.creation_source_database_id, third.tags]).toEqual([
      'orders-centralus', ref(json, 'azurerm_mssql_server', 'eastus2/SqlServer', 'id'), ref(json, 'azurerm_mssql_database', 'centralus/Database', 'id'), tagsOf('activeActive', { region: 'eastus2', cell: 'centralus' }),
    ]);
    const host = (region: string) => ref(json, 'azurerm_mssql_server', `${region}/SqlServer`, 'fully_qualified_domain_name');
    expect(cells).toEqual(regions.map((home, i) => ({
      homeRegion: home, replicaRegion: regions[i === 0 ? 1 : i - 1], databaseName: `orders-${home}`,
      readWriteHost: `shop-sqlfg-${home}-${hash(home)}.database.windows.net`, readOnlyHost: `shop-sqlfg-${home}-${hash(home)}.database.windows.net`,
      serverHosts: Object.fromEntries([home, regions[i === 0 ? 1 : i - 1], ...regions.filter((r, j) => r !== home && j !== (i === 0 ? 1 : i - 1))].map((r) => [r, host(r)])),
    })));
  });
});

describe('Azure SQL options', () => {
  test('SKU, size and retention reach every copy of the database, retention as ISO 8601 periods', () => {
    const database = makeDatabase({
      ...two(),
      engine: sql({ skuName: 'BC_Gen5_4', maxSizeGb: 4096, shortTermRetentionDays: 35, longTermRetention: { weeklyRetentionWeeks: 520, monthlyRetentionMonths: 120, yearlyRetentionYears: 10, weekOfYear: 52 } }),
    });
    for (const copy of [database.sqlDatabases.westus3, database.sqlSecondaries.westus3.eastus]) {
      expect(copy.skuNameInput).toBe('BC_Gen5_4');
      expect(copy.shortTermRetentionPolicyInput).toEqual({ retentionDays: 35, backupIntervalInHours: 12 });
      expect(copy.longTermRetentionPolicyInput).toEqual({ weeklyRetention: 'P520W', monthlyRetention: 'P120M', yearlyRetention: 'P10Y', weekOfYear: 52 });
    }
    expect(database.sqlDatabases.westus3.maxSizeGbInput).toBe(4096);
    expect(database.sqlSecondaries.westus3.eastus.maxSizeGbInput).toBeUndefined();
    const low = makeDatabase({ engine: sql({ maxSizeGb: 1, shortTermRetentionDays: 7, longTermRetention: { weeklyRetentionWeeks: 1, monthlyRetentionMonths: 1, yearlyRetentionYears: 1, weekOfYear: 1 } }) }).sqlDatabases.westus3;
    expect([low.maxSizeGbInput, low.shortTermRetentionPolicyInput?.retentionDays, low.longTermRetentionPolicyInput]).toEqual([1, 7, { weeklyRetention: 'P1W', monthlyRetention: 'P1M', yearlyRetention: 'P1Y', weekOfYear: 1 }]);
  });

  test.each(['GP_Gen5_2', 'GP_Gen5_10', 'GP_S_Gen5_12', 'GP_Fsv2_72', 'GP_DC_10', 'BC_Gen5_14', 'BC_DC_12', 'P1', 'P15'])('the zone-redundant SKU %s is accepted', (skuName) => {
    expect(makeDatabase({ engine: sql({ skuName }) }).sqlDatabases.westus3.skuNameInput).toBe(skuName);
  });

  test.each(['GP_Gen5_', 'GP_Gen5_x', 'GP_Gen6_2', 'xGP_Gen5_2', 'GP_Gen5_2x', 'GP_S_Gen5', 'P', 'PX', 'S', 'Basicx', 'Standard', ''])('%j is not an Azure SQL SKU', (skuName) => {
    expect(violations({ engine: sql({ skuName }) })).toEqual([['engine.skuName', skuName, 'not an Azure SQL Database SKU', SKU_FIX]]);
  });

  test.each(['HS_Gen5_2', 'HS_Gen5_10', 'HS_PRMS_12', 'HS_MOPRMS_10', 'HS_S_Gen5_16'])('the Hyperscale SKU %s is refused: this construct does not configure zone-redundant Hyperscale', (skuName) => {
    expect(violations({ engine: sql({ skuName }) })).toEqual([['engine.skuName', skuName, 'zone-redundant Hyperscale needs high-availability replicas and zone-redundant backup storage, which this construct does not configure', ZONE_FIX]]);
  });

  test.each(['Basic', 'S0', 'S12'])('the %s SKU is refused: Basic and Standard cannot be zone-redundant', (skuName) => {
    expect(violations({ engine: sql({ skuName }) })).toEqual([['engine.skuName', skuName, 'Basic and Standard databases cannot be zone-redundant, and every pattern keeps the Order database zone-redundant', ZONE_FIX]]);
  });

  test('sizes and retention out of Azure\'s ranges are each reported, at both ends', () => {
    const range = (prop: string, value: number, min: number, max: number, why: string) => [`engine.${prop}`, value, `must be an integer from ${min} to ${max} (${why})`, `set engine.${prop} between ${min} and ${max}`];
    const ltr = (key: string, value: number, max: number, unit: string) => range(`longTermRetention.${key}`, value, 1, max, `Azure SQL keeps long-term backups 1-${max} ${unit}`);
    expect(violations({ engine: sql({ maxSizeGb: 0, shortTermRetentionDays: 6, longTermRetention: { weeklyRetentionWeeks: 0, monthlyRetentionMonths: 0, yearlyRetentionYears: 0, weekOfYear: 0 } }) })).toEqual([
      range('maxSizeGb', 0, 1, 4096, 'vCore databases hold up to 4 TB'),
      range('shortTermRetentionDays', 6, 7, 35, 'Azure SQL point-in-time restore keeps 7-35 days'),
      ltr('weeklyRetentionWeeks', 0, 520, 'weeks'),
      ltr('monthlyRetentionMonths', 0, 120, 'months'),
      ltr('yearlyRetentionYears', 0, 10, 'years'),
      range('longTermRetention.weekOfYear', 0, 1, 52, 'a week of the year'),
    ]);
    expect(violatedProps({ engine: sql({ maxSizeGb: 4097, shortTermRetentionDays: 36, longTermRetention: { weeklyRetentionWeeks: 521, monthlyRetentionMonths: 121, yearlyRetentionYears: 11, weekOfYear: 53 } }) })).toEqual([
      'engine.maxSizeGb', 'engine.shortTermRetentionDays', 'engine.longTermRetention.weeklyRetentionWeeks', 'engine.longTermRetention.monthlyRetentionMonths',
      'engine.longTermRetention.yearlyRetentionYears', 'engine.longTermRetention.weekOfYear',
    ]);
  });

  test('an automatic failover waits 60 minutes or more', () => {
    const grace = "an automatic failover group waits at least 60 minutes (Azure rejects less); use failoverMode: 'Manual' to fail over sooner by hand";
    expect(violations({ ...two(), engine: sql({ graceMinutes: 59 }) })).toEqual([['engine.graceMinutes', 59, `must be an integer from 60 to 1000000 (${grace})`, 'set engine.graceMinutes between 60 and 1000000']]);
    expect(makeDatabase({ ...two(), engine: sql({ graceMinutes: 60 }) }).sqlFailoverGroups.westus3.readWriteEndpointFailoverPolicyInput).toEqual({ mode: 'Automatic', graceMinutes: 60 });
  });

  test('a grace period with Manual failover is refused, and only for that reason', () => {
    expect(violations({ ...two(), engine: sql({ failoverMode: 'Manual', graceMinutes: 30 }) })).toEqual([[
      'engine.graceMinutes', 30, 'a grace period only applies to Automatic failover; with Manual a person decides when to fail over', "drop graceMinutes, or set failoverMode: 'Automatic'",
    ]]);
  });

  test.each([
    ['zoneRedundant', ['westus3']],
    ['regionPinned', ['westeurope', 'swedencentral']],
  ] as const)('%s has no failover group: each failover setting is refused, and only for that reason', (kind, regions) => {
    const pattern = kind === 'zoneRedundant' ? RedundancyPattern.zoneRedundant() : RedundancyPattern.regionPinned();
    const fix = (key: string) => `drop ${key}, or choose primarySecondary, activePassive or activeActive`;
    const problem = `${kind} has no failover group, so this setting would be ignored`;
    expect(violations({ pattern, regions: [...regions], engine: sql({ failoverMode: 'Automatic', graceMinutes: 30, readableSecondary: false, readOnlyEndpointFailover: true }) })).toEqual([
      ['engine.failoverMode', 'Automatic', problem, fix('failoverMode')],
      ['engine.graceMinutes', 30, problem, fix('graceMinutes')],
      ['engine.readableSecondary', false, problem, fix('readableSecondary')],
      ['engine.readOnlyEndpointFailover', true, problem, fix('readOnlyEndpointFailover')],
    ]);
  });

  test('activeActive keeps at most four geo-secondaries per database: five regions pass, six fail', () => {
    const five = ['eastus2', 'westus3', 'centralus', 'eastus', 'southcentralus'];
    expect(Object.keys(makeDatabase({ pattern: RedundancyPattern.activeActive(), regions: five }).sqlSecondaries.eastus2)).toHaveLength(4);
    const six = [...five, 'westus2'];
    expect(violations({ pattern: RedundancyPattern.activeActive(), regions: six })).toEqual([[
      'regions', six, 'every activeActive cell keeps a readable copy in every other region, and Azure SQL allows at most four geo-secondaries per database (5 needed)', 'use at most 5 regions',
    ]]);
  });

  test.each(['GP_Gen5_2', 'GP_Gen5_16', 'GP_Fsv2_72', 'GP_DC_10', 'BC_Gen5_14', 'BC_DC_12'])('a Standby secondary runs on the provisioned SKU %s', (skuName) => {
    expect(makeDatabase({ ...passive(), engine: sql({ skuName }) }).sqlSecondaries.eastus2.centralus.secondaryTypeInput).toBe('Standby');
  });

  test.each(['GP_S_Gen5_2', 'P2'])('a Standby secondary cannot run on %s', (skuName) => {
    expect(violations({ ...passive(), engine: sql({ skuName }) })).toEqual([[STANDBY[0], skuName, STANDBY[1], STANDBY[2]]]);
    expect(violations({ ...two(), engine: sql({ skuName, readableSecondary: false }) })).toEqual([[STANDBY[0], skuName, STANDBY[1], STANDBY[2]]]);
  });

  test('a SKU refused for another reason raises no Standby complaint as well', () => {
    expect(violatedProps({ ...passive(), engine: sql({ skuName: 'S3' }) })).toEqual(['engine.skuName']);
  });

  test('a serverless SKU is fine without a Standby secondary: readable secondaries, or no secondary at all', () => {
    expect(makeDatabase({ ...passive(), engine: sql({ skuName: 'GP_S_Gen5_2', readableSecondary: true }) }).sqlSecondaries.eastus2.centralus.secondaryTypeInput).toBe('Geo');
    expect(makeDatabase({ ...two(), engine: sql({ skuName: 'GP_S_Gen5_2' }) }).sqlSecondaries.westus3.eastus.secondaryTypeInput).toBe('Geo');
    expect(makeDatabase({ engine: sql({ skuName: 'GP_S_Gen5_2' }) }).sqlDatabases.westus3.skuNameInput).toBe('GP_S_Gen5_2');
  });
});

describe('Azure SQL backups', () => {
  test('geo-redundant where the region has a pair; zone-redundant where a residency keeps the pair out', () => {
    expect(makeDatabase(two()).sqlSecondaries.westus3.eastus.storageAccountTypeInput).toBe('Geo');
    const pinned = makeDatabase({ pattern: RedundancyPattern.regionPinned(), regions: ['brazilsouth', 'westeurope'] });
    expect([pinned.sqlDatabases.brazilsouth.storageAccountTypeInput, pinned.sqlDatabases.westeurope.storageAccountTypeInput]).toEqual(['Zone', 'Geo']);
  });

  test.each(['Geo', 'GeoZone', 'Zone', 'Local'] as const)('backupStorageRedundancy %s reaches every copy', (backupStorageRedundancy) => {
    const database = makeDatabase({ ...two(), engine: sql({ backupStorageRedundancy }) });
    expect([database.sqlDatabases.westus3.storageAccountTypeInput, database.sqlSecondaries.westus3.eastus.storageAccountTypeInput]).toEqual([backupStorageRedundancy, backupStorageRedundancy]);
  });

  test('in-region backups are allowed where geo backups are not', () => {
    const database = makeDatabase({ pattern: RedundancyPattern.regionPinned(), regions: ['brazilsouth'], engine: sql({ backupStorageRedundancy: 'Local' }) });
    expect(database.sqlDatabases.brazilsouth.storageAccountTypeInput).toBe('Local');
  });

  test.each(['Geo', 'GeoZone'] as const)('%s backups are refused for a database homed where geo backups would leave the residency', (backupStorageRedundancy) => {
    expect(violations({ pattern: RedundancyPattern.regionPinned(), regions: ['brazilsouth'], engine: sql({ backupStorageRedundancy }) })).toEqual([[
      'engine.backupStorageRedundancy', backupStorageRedundancy,
      "geo-redundant backups would be copied to the paired region, but its pair southcentralus lies outside the cell's residency Brazil", "use 'Zone' (or 'Local' in a region without zones)",
    ]]);
  });

  test('geo backups are refused for a geo-secondary in a region without a pair', () => {
    const problem = 'geo-redundant backups would be copied to the paired region, but polandcentral has no paired region';
    expect(violations({ pattern: RedundancyPattern.primarySecondary(), regions: ['westeurope', 'polandcentral'], engine: sql({ backupStorageRedundancy: 'Geo' }) })).toEqual([
      ['engine.backupStorageRedundancy', 'Geo', problem, "use 'Zone' (or 'Local' in a region without zones)"],
    ]);
    // Reported with the other problems of the props, before anything is built.
    expect(violatedProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westeurope', 'polandcentral'], engine: sql({ backupStorageRedundancy: 'Geo', maxSizeGb: 0 }) })).toEqual(['engine.maxSizeGb', 'engine.backupStorageRedundancy']);
    // Without the option, the copy there keeps its backups in the region.
    expect(makeDatabase({ pattern: RedundancyPattern.primarySecondary(), regions: ['westeurope', 'polandcentral'] }).sqlSecondaries.westeurope.polandcentral.storageAccountTypeInput).toBe('Zone');
  });

  test('activeActive: every copy of a database in a region without a pair is reported (its own cell and the two read copies there)', () => {
    const regions = ['westeurope', 'northeurope', 'polandcentral'];
    expect(violatedProps({ pattern: RedundancyPattern.activeActive(), regions, engine: sql({ backupStorageRedundancy: 'Geo' }) })).toEqual(['engine.backupStorageRedundancy', 'engine.backupStorageRedundancy', 'engine.backupStorageRedundancy']);
    const database = makeDatabase({ pattern: RedundancyPattern.activeActive(), regions });
    expect(database.sqlSecondaries.westeurope.polandcentral.storageAccountTypeInput).toBe('Zone');
    expect(database.sqlSecondaries.polandcentral.westeurope.storageAccountTypeInput).toBe('Geo');
  });

  test('a copy in a region without zones keeps locally-redundant backups when geo backups are ruled out (build context stubbed)', () => {
    // No region of the catalog lacks both zones and a pair, so the construct never meets this case: the context says
    // geo backups are ruled out everywhere.
    const stack = testStack();
    const pattern = RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true });
    const placements = pattern.place(stack, ['eastus', 'westus']);
    const ctx: DatabaseBuildContext = {
      scope: stack, naming: new Naming('shop'), pattern, placements, plans: cellPlans(pattern.kind, placements), databaseName: 'orders', names: {},
      administrator: { ...ADMIN, type: 'Group' }, tenantId: 'tenant', removalPolicy: RemovalPolicy.RETAIN, tags: {},
      regionScope: (region) => (stack.node.tryFindChild(region) as Construct | undefined) ?? new Construct(stack, region),
      resourceGroupName: (region) => `rg-${region}`, monitoring: sink, geoBackupBlocker: () => 'the test rules geo backups out',
    };
    const checks = new Checks(stack);
    const build = buildSql(ctx, checkSqlOptions(ctx, {}, checks));
    checks.throwIfAny();
    expect([build.sqlDatabases?.eastus.storageAccountTypeInput, build.sqlSecondaries?.eastus.westus.storageAccountTypeInput]).toEqual(['Zone', 'Local']);
    expect([build.sqlDatabases?.eastus.zoneRedundantInput, build.sqlSecondaries?.eastus.westus.zoneRedundantInput]).toEqual([true, false]);
  });
});

describe('Azure SQL names', () => {
  test('servers, failover groups and databases can be named; the listeners follow the group\'s name', () => {
    const { json, cells } = synthDatabase({
      ...two(), names: { sqlServers: { westus3: 'orders-sql-west', eastus: 'orders-sql-east' }, sqlFailoverGroups: { westus3: 'orders-fg' }, databases: { westus3: 'orders-prod' } },
    });
    expect(Object.values(all(json, 'azurerm_mssql_server')).map((s) => s.name).sort()).toEqual(['orders-sql-east', 'orders-sql-west']);
    expect(only(json, 'azurerm_mssql_failover_group').name).toBe('orders-fg');
    expect(Object.values(all(json, 'azurerm_mssql_database')).map((d) => d.name)).toEqual(['orders-prod', 'orders-prod']);
    expect(cells).toEqual([expect.objectContaining({ databaseName: 'orders-prod', readWriteHost: 'orders-fg.database.windows.net', readOnlyHost: 'orders-fg.secondary.database.windows.net' })]);
  });

  test('a name for something the pattern does not create is refused, naming the keys that would work', () => {
    expect(violations({ names: { sqlServers: { eastus: 'orders-sql' }, sqlFailoverGroups: { westus3: 'orders-fg' }, databases: { eastus: 'orders' } } })).toEqual([
      ['names.sqlServers.eastus', 'eastus', 'zoneRedundant creates no Azure SQL logical server for this key, so the name would be ignored (keys are the regions: westus3)', 'key names.sqlServers by westus3'],
      ['names.sqlFailoverGroups.westus3', 'westus3', 'zoneRedundant creates no SQL auto-failover group for this key, so the name would be ignored (keys are the home regions of replicated cells: none under this pattern)', 'drop names.sqlFailoverGroups'],
      ['names.databases.eastus', 'eastus', "zoneRedundant creates no Azure SQL database for this key, so the name would be ignored (keys are the cells' home regions: westus3)", 'key names.databases by westus3'],
    ]);
    expect(violations({ ...two(), names: { sqlFailoverGroups: { eastus: 'orders-fg' } } })).toEqual([[
      'names.sqlFailoverGroups.eastus', 'eastus', 'primarySecondary creates no SQL auto-failover group for this key, so the name would be ignored (keys are the home regions of replicated cells: westus3)', 'key names.sqlFailoverGroups by westus3',
    ]]);
  });

  test('names break Azure\'s rules are refused with the rule of their kind', () => {
    expect(violations({ names: { sqlServers: { westus3: 'Orders_SQL' }, databases: { westus3: 'orders.' } } })).toEqual([
      ['names.sqlServers.westus3', 'Orders_SQL', 'an Azure SQL logical server name allows lower-case letters, digits and hyphens, not starting or ending with a hyphen', 'choose a name of lower-case letters, digits and hyphens, not starting or ending with a hyphen, 1-63 characters'],
      ['names.databases.westus3', 'orders.', 'an Azure SQL database name allows any characters but <>*%&:\\/? and control characters, not ending with a period or space', 'choose a name of any characters but <>*%&:\\/? and control characters, not ending with a period or space, 1-128 characters'],
    ]);
    expect(violatedProps({ ...two(), names: { sqlFailoverGroups: { westus3: '-fg' } } })).toEqual(['names.sqlFailoverGroups.westus3']);
  });

  test('activeActive: a database name given to one cell may not be another cell\'s, since every server holds every cell', () => {
    const aa = { pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'] };
    expect(violations({ ...aa, names: { databases: { eastus2: 'orders-westus3' } } })).toEqual([[
      'names.databases.eastus2', 'orders-westus3', "under activeActive every server holds every cell's database, and the westus3 cell's database has this name too", 'give every cell its own database name',
    ]]);
    expect(Object.values(makeDatabase({ ...aa, names: { databases: { eastus2: 'east', westus3: 'west' } } }).sqlDatabases).map((d) => d.nameInput)).toEqual(['east', 'west']);
    // Independent cells live on their own servers: one name serves them all.
    const pinned = makeDatabase({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'swedencentral'], names: { databases: { westeurope: 'orders' } } });
    expect(Object.values(pinned.sqlDatabases).map((d) => d.nameInput)).toEqual(['orders', 'orders']);
  });
});

describe('Azure SQL read scale-out', () => {
  const RS_FIX = "use a Business Critical or Premium SKU such as 'BC_Gen5_4', or drop readScaleOut (reads then use the primary, and the readable geo-secondary in its region)";
  const rsProblem = (sku: string) => `${sku} keeps no readable high-availability replica to scale reads out to (Azure offers read scale-out on Business Critical and Premium; General Purpose and serverless have none, and the construct refuses Hyperscale)`;

  test('Business Critical: read_scale on the database, and the cell asks reads for the ReadOnly intent', () => {
    const { json, database } = synthDatabase({ engine: sql({ skuName: 'BC_Gen5_4', readScaleOut: true }) });
    expect(resourceAt(json, 'azurerm_mssql_database', 'westus3/Database').read_scale).toBe(true);
    expect(database.cells[0].readIntent).toBe('ReadOnly');
    expect(makeDatabase({ engine: sql({ skuName: 'P2', readScaleOut: true }) }).sqlDatabases.westus3.readScaleInput).toBe(true);
  });

  test('primarySecondary: the readable geo-secondary scales out too (after a failover it is the primary); the cell keeps its listeners', () => {
    const db = makeDatabase({ ...two(), engine: sql({ skuName: 'BC_Gen5_4', readScaleOut: true }) });
    expect(db.sqlSecondaries.westus3.eastus.readScaleInput).toBe(true);
    expect(db.cells[0]).toMatchObject({ readOnlyHost: expect.stringMatching(/\.secondary\.database\.windows\.net$/), readIntent: 'ReadOnly' });
  });

  test('activePassive: a Standby secondary serves no reads, so it gets no read scale-out; a readable one does', () => {
    const standby = makeDatabase({ ...passive(), engine: sql({ skuName: 'BC_Gen5_4', readScaleOut: true }) });
    expect(standby.sqlSecondaries.eastus2.centralus.secondaryTypeInput).toBe('Standby');
    expect(standby.sqlSecondaries.eastus2.centralus.readScaleInput).toBeUndefined();
    expect(standby.sqlDatabases.eastus2.readScaleInput).toBe(true);
    const readable = makeDatabase({ ...passive(), engine: sql({ skuName: 'BC_Gen5_4', readScaleOut: true, readableSecondary: true }) });
    expect(readable.sqlSecondaries.eastus2.centralus.readScaleInput).toBe(true);
  });

  test('activeActive with three regions: every cell\'s database and every readable copy', () => {
    const db = makeDatabase({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3', 'centralus'], engine: sql({ skuName: 'BC_Gen5_4', readScaleOut: true }) });
    const copies = Object.values(db.sqlSecondaries).flatMap((byRegion) => Object.values(byRegion));
    expect(copies).toHaveLength(6);
    expect([...Object.values(db.sqlDatabases), ...copies].every((d) => d.readScaleInput === true)).toBe(true);
    expect(db.cells.map((c) => c.readIntent)).toEqual(['ReadOnly', 'ReadOnly', 'ReadOnly']);
  });

  test('General Purpose and serverless have no readable replica: refused; without the option nothing is written', () => {
    expect(violations({ engine: sql({ readScaleOut: true }) })).toEqual([['engine.readScaleOut', true, rsProblem('GP_Gen5_2'), RS_FIX]]);
    expect(violations({ engine: sql({ compute: { kind: 'Serverless', maxVcores: 4 }, readScaleOut: true }) })).toEqual([['engine.readScaleOut', true, rsProblem('GP_S_Gen5_4'), RS_FIX]]);
    const plain = makeDatabase({ engine: sql({ skuName: 'BC_Gen5_4' }) });
    expect(plain.sqlDatabases.westus3.readScaleInput).toBeUndefined();
    expect(plain.cells[0].readIntent).toBeUndefined();
    // false is written: the provider's read_scale is Optional and Computed, so only false turns it off again.
    const off = makeDatabase({ ...two(), engine: sql({ skuName: 'BC_Gen5_4', readScaleOut: false }) });
    expect([off.sqlDatabases.westus3.readScaleInput, off.sqlSecondaries.westus3.eastus.readScaleInput, off.cells[0].readIntent]).toEqual([false, false, undefined]);
    expect(makeDatabase({ engine: sql({ readScaleOut: false }) }).sqlDatabases.westus3.readScaleInput).toBe(false);
    expect(violations({ engine: sql({ readScaleOut: 'yes' } as never) })[0].slice(0, 2)).toEqual(['engine.readScaleOut', 'yes']);
  });
});

describe('Azure SQL read scale-out beside a refused SKU', () => {
  test('only the SKU is reported: read scale-out is not judged on the default that stands in for it', () => {
    expect(violations({ engine: sql({ skuName: 'bc_gen5_2', readScaleOut: true }) }).map(([prop]) => prop)).toEqual(['engine.skuName']);
    expect(violations({ engine: sql({ skuName: 'HS_Gen5_2', readScaleOut: true }) }).map(([prop]) => prop)).toEqual(['engine.skuName']);
  });
});
