import { RemovalPolicy } from '../../lib/core/lifecycle';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { DatabaseEngine } from '../../lib/database/engine';
import { POSTGRESQL_VERSIONS } from '../../lib/database/postgresql';
import { ADMIN, makeDatabase, ref, resourceAt, synthDatabase, tagsOf, tenantRef, violatedProps, violations, workspaceOf } from '../support/database';
import { all, only } from '../support/synth';

/** lib/database/postgresql.ts: the PostgreSQL engine's checks and topology; each test builds one small standalone database. */

const pg = DatabaseEngine.postgresql;
/** primarySecondary in westus3 and eastus (a function: nothing of lib/ runs outside a test). */
const two = () => ({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] });
const hash = (path: string) => pathHash(`test/OrderDb/${path}`);
const DRIFT = ['zone', 'high_availability[0].standby_availability_zone', 'create_mode', 'source_server_id', 'replication_role'];
/** A replica configures no HA: the whole block is ignored, so HA enabled after a promotion stays. */
const REPLICA_DRIFT = ['zone', 'high_availability', 'create_mode', 'source_server_id', 'replication_role'];
/** Every PostgreSQL log and metric (lib/monitoring/diagnostics.ts). */
const LOGS = [{ category_group: 'allLogs' }];
const METRICS = [{ category: 'AllMetrics' }];
const AUTHENTICATION = (json: Parameters<typeof tenantRef>[0]) => ({ active_directory_auth_enabled: true, password_auth_enabled: false, tenant_id: tenantRef(json) });
const SKU = ['engine.skuName', 'not a flexible server SKU (tier_Standard_size)', "use e.g. 'GP_Standard_D4ds_v5' or 'MO_Standard_E4ds_v5'"];

describe('PostgreSQL: a zone-redundant server', () => {
  test('the primary: zone-redundant HA, Entra ID only, private, auto-grow, geo backups, Sunday 02:00 UTC maintenance, protected against failover drift', () => {
    const { json } = synthDatabase({ engine: pg() });
    expect(only(json, 'azurerm_postgresql_flexible_server')).toEqual({
      name: `shop-psql-westus3-${hash('westus3')}`,
      location: 'westus3',
      resource_group_name: ref(json, 'azurerm_resource_group', 'westus3/ResourceGroup', 'name'),
      version: '16',
      sku_name: 'GP_Standard_D4ds_v5',
      storage_mb: 131072,
      auto_grow_enabled: true,
      backup_retention_days: 14,
      geo_redundant_backup_enabled: true,
      zone: '1',
      high_availability: { mode: 'ZoneRedundant', standby_availability_zone: '2' },
      authentication: AUTHENTICATION(json),
      public_network_access_enabled: false,
      maintenance_window: { day_of_week: 0, start_hour: 2, start_minute: 0 },
      tags: tagsOf('zoneRedundant', { region: 'westus3', cell: 'westus3' }),
      lifecycle: { prevent_destroy: true, ignore_changes: DRIFT },
    });
  });

  test('the Entra administrator, the UTF-8 orders database (protected) and the server logs to the region\'s workspace', () => {
    const { json } = synthDatabase({ engine: pg() });
    const server = (attribute: string) => ref(json, 'azurerm_postgresql_flexible_server', 'westus3/PostgresqlServer', attribute);
    expect(only(json, 'azurerm_postgresql_flexible_server_active_directory_administrator')).toEqual({
      server_name: server('name'), resource_group_name: ref(json, 'azurerm_resource_group', 'westus3/ResourceGroup', 'name'), tenant_id: tenantRef(json),
      object_id: ADMIN.objectId, principal_name: ADMIN.name, principal_type: 'Group',
    });
    expect(only(json, 'azurerm_postgresql_flexible_server_database')).toEqual({ name: 'orders', server_id: server('id'), charset: 'UTF8', collation: 'en_US.utf8', lifecycle: { prevent_destroy: true } });
    expect(only(json, 'azurerm_monitor_diagnostic_setting')).toEqual({ name: 'to-log-analytics', target_resource_id: server('id'), log_analytics_workspace_id: workspaceOf('westus3'), enabled_log: LOGS, enabled_metric: METRICS });
  });

  test('the cell reads and writes on its server, the one private-endpoint target; the principal resources are the PostgreSQL ones', () => {
    const { database, json, cells, servers } = synthDatabase({ engine: pg() });
    const server = (attribute: string) => ref(json, 'azurerm_postgresql_flexible_server', 'westus3/PostgresqlServer', attribute);
    expect(cells).toEqual([{ homeRegion: 'westus3', databaseName: 'orders', readWriteHost: server('fqdn'), readOnlyHost: server('fqdn'), serverHosts: { westus3: server('fqdn') } }]);
    expect(servers).toEqual([{ key: 'westus3', region: 'westus3', resourceId: server('id') }]);
    expect(database.postgresqlServers.westus3.node.path).toBe('test/OrderDb/westus3/PostgresqlServer');
    expect(database.postgresqlDatabases.westus3.node.path).toBe('test/OrderDb/westus3/Database');
    expect([database.postgresqlReplicas, database.postgresqlVirtualEndpoints]).toEqual([{}, {}]);
    expect([database.sqlServers, database.sqlDatabases, database.sqlSecondaries, database.sqlFailoverGroups]).toEqual([{}, {}, {}, {}]);
    expect(json.resource.azurerm_postgresql_flexible_server_virtual_endpoint).toBeUndefined();
  });

  test('removalPolicy DESTROY leaves the server and database destroyable, still ignoring failover drift', () => {
    const { json } = synthDatabase({ engine: pg(), removalPolicy: RemovalPolicy.DESTROY });
    expect(only(json, 'azurerm_postgresql_flexible_server').lifecycle).toEqual({ prevent_destroy: false, ignore_changes: DRIFT });
    expect(only(json, 'azurerm_postgresql_flexible_server_database').lifecycle).toEqual({ prevent_destroy: false });
  });

  test('a User or service principal administrator keeps its type', () => {
    for (const type of ['User', 'ServicePrincipal'] as const) {
      const database = makeDatabase({ engine: pg(), administrator: { ...ADMIN, type } });
      const admins = database.node.findAll().filter((c) => c.node.id === 'EntraAdministrator');
      expect(admins.map((a) => (a as unknown as { principalTypeInput: string }).principalTypeInput)).toEqual([type]);
    }
  });
});

describe('PostgreSQL: replicated cells', () => {
  test('primarySecondary: a read replica in the second region (no HA, no backups; maintenance the day after the primary) and a ReadWrite virtual endpoint', () => {
    const { database, json, cells, servers } = synthDatabase({ ...two(), engine: pg() });
    const primary = (attribute: string) => ref(json, 'azurerm_postgresql_flexible_server', 'westus3/PostgresqlServer', attribute);
    const replica = (attribute: string) => ref(json, 'azurerm_postgresql_flexible_server', 'eastus/Replica-westus3', attribute);
    expect(resourceAt(json, 'azurerm_postgresql_flexible_server', 'eastus/Replica-westus3')).toEqual({
      name: `shop-psql-eastus-of-westus3-${hash('eastus/Replica-westus3')}`,
      location: 'eastus',
      resource_group_name: ref(json, 'azurerm_resource_group', 'eastus/ResourceGroup', 'name'),
      create_mode: 'Replica',
      source_server_id: primary('id'),
      version: '16',
      sku_name: 'GP_Standard_D4ds_v5',
      storage_mb: 131072,
      auto_grow_enabled: true,
      zone: '1',
      authentication: AUTHENTICATION(json),
      public_network_access_enabled: false,
      maintenance_window: { day_of_week: 1, start_hour: 2, start_minute: 0 },
      tags: tagsOf('primarySecondary', { region: 'eastus', cell: 'westus3' }),
      lifecycle: { prevent_destroy: true, ignore_changes: REPLICA_DRIFT },
    });
    expect(resourceAt(json, 'azurerm_monitor_diagnostic_setting', 'eastus/Replica-westus3Diagnostics')).toEqual({
      name: 'to-log-analytics', target_resource_id: replica('id'), log_analytics_workspace_id: workspaceOf('eastus'), enabled_log: LOGS, enabled_metric: METRICS,
    });
    const endpoint = `shop-psqlve-westus3-${hash('westus3')}`;
    expect(only(json, 'azurerm_postgresql_flexible_server_virtual_endpoint')).toEqual({
      name: endpoint, source_server_id: primary('id'), replica_server_id: replica('id'), type: 'ReadWrite',
      depends_on: [replica('id').slice(2, -4)], lifecycle: { ignore_changes: ['replica_server_id'] },
    });
    expect(cells).toEqual([{
      homeRegion: 'westus3', replicaRegion: 'eastus', databaseName: 'orders',
      readWriteHost: `${endpoint}.writer.postgres.database.azure.com`, readOnlyHost: `${endpoint}.reader.postgres.database.azure.com`,
      serverHosts: { westus3: primary('fqdn'), eastus: replica('fqdn') },
    }]);
    expect(servers).toEqual([{ key: 'westus3', region: 'westus3', resourceId: primary('id') }, { key: 'westus3-replica-eastus', region: 'eastus', resourceId: replica('id') }]);
    expect(database.postgresqlReplicas.westus3.eastus.node.path).toBe('test/OrderDb/eastus/Replica-westus3');
    expect(Object.keys(database.postgresqlReplicas)).toEqual(['westus3']);
    expect(database.postgresqlVirtualEndpoints.westus3.node.path).toBe('test/OrderDb/westus3/VirtualEndpoint');
    // Only the primary has an administrator and the database.
    expect(Object.keys(all(json, 'azurerm_postgresql_flexible_server_active_directory_administrator'))).toHaveLength(1);
    expect(Object.keys(all(json, 'azurerm_postgresql_flexible_server_database'))).toHaveLength(1);
  });

  test('a replica in a region without zones is placed in no zone', () => {
    const database = makeDatabase({ engine: pg(), pattern: RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), regions: ['eastus', 'westus'] });
    expect([database.postgresqlServers.eastus.zoneInput, database.postgresqlReplicas.eastus.westus.zoneInput]).toEqual(['1', undefined]);
  });

  test('activeActive with three regions: each cell has a replica in every other region, and its endpoint waits for all of them', () => {
    const regions = ['eastus2', 'westus3', 'centralus'];
    const { database, json, cells, servers } = synthDatabase({ engine: pg(), pattern: RedundancyPattern.activeActive(), regions });
    expect(Object.fromEntries(Object.entries(database.postgresqlReplicas).map(([home, byRegion]) => [home, Object.keys(byRegion)]))).toEqual({
      eastus2: ['westus3', 'centralus'], westus3: ['eastus2', 'centralus'], centralus: ['westus3', 'eastus2'],
    });
    const endpoint = resourceAt(json, 'azurerm_postgresql_flexible_server_virtual_endpoint', 'centralus/VirtualEndpoint');
    const replica = (path: string, attribute: string) => ref(json, 'azurerm_postgresql_flexible_server', path, attribute);
    expect(endpoint.replica_server_id).toBe(replica('westus3/Replica-centralus', 'id'));
    expect(endpoint.depends_on).toEqual([replica('westus3/Replica-centralus', 'id').slice(2, -4), replica('eastus2/Replica-centralus', 'id').slice(2, -4)]);
    expect((servers as { key: string }[]).map((s) => s.key)).toEqual([
      'eastus2', 'eastus2-replica-westus3', 'eastus2-replica-centralus', 'westus3', 'westus3-replica-eastus2', 'westus3-replica-centralus',
      'centralus', 'centralus-replica-westus3', 'centralus-replica-eastus2',
    ]);
    // Every cell keeps the database name (each primary is its own server) and reaches a server in every region.
    expect((cells as { databaseName: string; serverHosts: object }[]).map((c) => [c.databaseName, Object.keys(c.serverHosts).sort()])).toEqual(regions.map(() => ['orders', ['centralus', 'eastus2', 'westus3']]));
    expect(database.cells.map((c) => Object.keys(c.serverHosts))).toEqual([['eastus2', 'westus3', 'centralus'], ['westus3', 'eastus2', 'centralus'], ['centralus', 'westus3', 'eastus2']]);
    expect(resourceAt(json, 'azurerm_postgresql_flexible_server', 'eastus2/Replica-centralus').name).toBe(`shop-psql-eastus2-of-centralus-${hash('eastus2/Replica-centralus')}`);
  });
});

describe('PostgreSQL options', () => {
  test.each([...POSTGRESQL_VERSIONS])('version %s is offered', (version) => {
    expect(makeDatabase({ engine: pg({ version }) }).postgresqlServers.westus3.versionInput).toBe(version);
  });

  test('a version Azure does not offer for new servers is refused', () => {
    expect(violations({ engine: pg({ version: '12' }) })).toEqual([[
      'engine.version', '12', `Azure Database for PostgreSQL flexible server does not offer this major version for new servers (expected '13', '14', '15', '16', '17', '18', got the string "12")`, "use one of '13', '14', '15', '16', '17', '18'",
    ]]);
  });

  test('compute, storage, retention, zones and version reach the primary and its replica', () => {
    const database = makeDatabase({ ...two(), engine: pg({ version: '17', skuName: 'MO_Standard_E4ds_v5', storageMb: 33553408, backupRetentionDays: 35, primaryZone: '3', standbyZone: '1' }) });
    const primary = database.postgresqlServers.westus3;
    expect([primary.versionInput, primary.skuNameInput, primary.storageMbInput, primary.backupRetentionDaysInput, primary.zoneInput, primary.highAvailabilityInput])
      .toEqual(['17', 'MO_Standard_E4ds_v5', 33553408, 35, '3', { mode: 'ZoneRedundant', standbyAvailabilityZone: '1' }]);
    const replica = database.postgresqlReplicas.westus3.eastus;
    expect([replica.versionInput, replica.skuNameInput, replica.storageMbInput, replica.backupRetentionDaysInput, replica.zoneInput, replica.highAvailabilityInput])
      .toEqual(['17', 'MO_Standard_E4ds_v5', 33553408, undefined, '3', undefined]);
    expect(makeDatabase({ engine: pg({ storageMb: 32768, backupRetentionDays: 7 }) }).postgresqlServers.westus3.storageMbInput).toBe(32768);
  });

  test.each(['GP_Standard_D2ds_v5', 'MO_Standard_E64ds_v5', 'GP_Standard_D2s_v3'])('the SKU %s is accepted', (skuName) => {
    expect(makeDatabase({ engine: pg({ skuName }) }).postgresqlServers.westus3.skuNameInput).toBe(skuName);
  });

  test.each(['Standard_D2ds_v5', 'GP_Standard_', 'GP_Standard_D2-v5', 'xGP_Standard_D2ds_v5', 'GP_Basic_D2ds_v5', 'HS_Standard_D2ds_v5', 'gp_Standard_D2ds_v5', ''])('%j is not a flexible server SKU', (skuName) => {
    expect(violations({ engine: pg({ skuName }) })).toEqual([[SKU[0], skuName, SKU[1], SKU[2]]]);
  });

  test('a Burstable server runs without high availability and replicas; with either it is refused', () => {
    expect(makeDatabase({ engine: pg({ skuName: 'B_Standard_B2s', highAvailability: false }) }).postgresqlServers.westus3.highAvailabilityInput).toBeUndefined();
    expect(violations({ ...two(), engine: pg({ skuName: 'B_Standard_B2s' }) })).toEqual([
      ['engine.skuName', 'B_Standard_B2s', 'Burstable servers cannot run high availability', "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5', or set highAvailability: 'Disabled'"],
      ['engine.skuName', 'B_Standard_B2s', 'primarySecondary needs a cross-region read replica, and Burstable servers cannot have replicas', "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5'"],
    ]);
    expect(violatedProps({ engine: pg({ skuName: 'B_Standard_B2s', highAvailability: true }) })).toEqual(['engine.skuName']);
    expect(violatedProps({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope'], engine: pg({ skuName: 'B_Standard_B2s' }) })).toEqual(['engine.skuName']);
  });

  test('activeActive keeps at most five read replicas per server: six regions pass, seven fail', () => {
    const six = ['eastus2', 'westus3', 'centralus', 'eastus', 'southcentralus', 'westus2'];
    expect(Object.keys(makeDatabase({ engine: pg(), pattern: RedundancyPattern.activeActive(), regions: six }).postgresqlReplicas.eastus2)).toHaveLength(5);
    const seven = [...six, 'canadacentral'];
    expect(violations({ engine: pg(), pattern: RedundancyPattern.activeActive(), regions: seven })).toEqual([[
      'regions', seven, 'every activeActive cell keeps a read replica in every other region, and a flexible server has at most five (6 needed)', 'use at most 6 regions',
    ]]);
  });

  test('storage sizes and retention outside what flexible server offers are reported', () => {
    expect(violations({ engine: pg({ storageMb: 100000, backupRetentionDays: 6 }) })).toEqual([
      ['engine.storageMb', 100000, 'not a storage size flexible server offers (expected 32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408, got the number 100000)', 'use one of 32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408'],
      ['engine.backupRetentionDays', 6, 'must be an integer from 7 to 35 (flexible server keeps backups 7-35 days)', 'set engine.backupRetentionDays between 7 and 35'],
    ]);
    expect(violatedProps({ engine: pg({ backupRetentionDays: 36 }) })).toEqual(['engine.backupRetentionDays']);
  });

  test('the HA standby needs its own zone; without HA there is no standby zone to set', () => {
    expect(violations({ engine: pg({ primaryZone: '2', standbyZone: '2' }) })).toEqual([[
      'engine.standbyZone', '2', 'zone-redundant HA needs the standby in a different zone from the primary', 'choose a zone other than 2',
    ]]);
    expect(violations({ engine: pg({ primaryZone: '2' }) })).toEqual([['engine.standbyZone', '2', 'zone-redundant HA needs the standby in a different zone from the primary', 'choose a zone other than 2']]);
    expect(violations({ engine: pg({ highAvailability: false, standbyZone: '3' }) })).toEqual([[
      'engine.standbyZone', '3', 'no cell runs zone-redundant HA (high availability: Disabled), and only a zone-redundant standby has a zone of its own, so the setting would be ignored', "drop standbyZone, or use zone-redundant HA (leave highAvailability out, or 'ZoneRedundant')",
    ]]);
    const single = makeDatabase({ engine: pg({ highAvailability: false, primaryZone: '2' }) }).postgresqlServers.westus3;
    expect([single.zoneInput, single.highAvailabilityInput]).toEqual(['2', undefined]);
  });

  test('the maintenance window is converted to UTC; it lasts one hour', () => {
    const server = makeDatabase({ engine: pg({ maintenanceWindow: { dayOfWeek: 'Monday', startTime: '01:30', utcOffset: '+09:00', durationHours: 1 } }) }).postgresqlServers.westus3;
    expect(server.maintenanceWindowInput).toEqual({ dayOfWeek: 0, startHour: 16, startMinute: 30 });
    expect(violations({ engine: pg({ maintenanceWindow: { durationHours: 2 } }) })).toEqual([[
      'engine.maintenanceWindow.durationHours', 2, 'flexible server custom maintenance windows last one hour', 'set durationHours to 1, or leave it out',
    ]]);
    expect(violatedProps({ engine: pg({ maintenanceWindow: { startTime: '25:00' } }) })).toEqual(['engine.maintenanceWindow.startTime']);
  });

  test('geo-redundant backups: on where the region has a pair, off where it has none or the residency keeps it out, off on request', () => {
    const pinned = makeDatabase({ engine: pg(), pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth', 'polandcentral'] });
    expect(Object.values(pinned.postgresqlServers).map((s) => s.geoRedundantBackupEnabledInput)).toEqual([true, false, false]);
    expect(makeDatabase({ engine: pg({ geoRedundantBackup: false }) }).postgresqlServers.westus3.geoRedundantBackupEnabledInput).toBe(false);
    expect(makeDatabase({ engine: pg({ geoRedundantBackup: true }) }).postgresqlServers.westus3.geoRedundantBackupEnabledInput).toBe(true);
  });

  test('geo-redundant backups asked for where they cannot go are refused, per server', () => {
    const fix = 'drop geoRedundantBackup (backups then stay zone-redundant in the region)';
    expect(violations({ engine: pg({ geoRedundantBackup: true }), pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth', 'polandcentral'] })).toEqual([
      ['engine.geoRedundantBackup', true, "geo-redundant backups of the brazilsouth server are stored in the paired region, but its pair southcentralus lies outside the cell's residency Brazil", fix],
      ['engine.geoRedundantBackup', true, 'geo-redundant backups of the polandcentral server are stored in the paired region, but polandcentral has no paired region', fix],
    ]);
  });
});

describe('PostgreSQL names', () => {
  test('primaries, replicas, virtual endpoints and databases can be named; the hosts follow the endpoint\'s name', () => {
    const { json, cells } = synthDatabase({
      ...two(), engine: pg(),
      names: { postgresqlServers: { westus3: 'orders-pg' }, postgresqlReplicas: { westus3: { eastus: 'orders-pg-copy' } }, postgresqlVirtualEndpoints: { westus3: 'orders-ve' }, databases: { westus3: 'orders_prod' } },
    });
    expect(Object.values(all(json, 'azurerm_postgresql_flexible_server')).map((s) => s.name).sort()).toEqual(['orders-pg', 'orders-pg-copy']);
    expect(only(json, 'azurerm_postgresql_flexible_server_database').name).toBe('orders_prod');
    expect(cells).toEqual([expect.objectContaining({ databaseName: 'orders_prod', readWriteHost: 'orders-ve.writer.postgres.database.azure.com', readOnlyHost: 'orders-ve.reader.postgres.database.azure.com' })]);
  });

  test('activeActive: every replica of a cell can be named', () => {
    const database = makeDatabase({
      engine: pg(), pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3', 'centralus'],
      names: { postgresqlReplicas: { eastus2: { westus3: 'east-in-west', centralus: 'east-in-central' } } },
    });
    expect(Object.values(database.postgresqlReplicas.eastus2).map((r) => r.nameInput)).toEqual(['east-in-west', 'east-in-central']);
    expect(database.postgresqlReplicas.westus3.centralus.nameInput).toMatch(/^shop-psql-centralus-of-westus3-[0-9a-f]{6}$/);
  });

  test('a name for something the pattern does not create is refused, naming the keys that would work', () => {
    expect(violations({
      engine: pg(),
      names: { postgresqlServers: { eastus: 'a-pg' }, postgresqlVirtualEndpoints: { westus3: 'a-ve' }, postgresqlReplicas: { westus3: { eastus: 'a-copy' } }, databases: { eastus: 'orders' } },
    })).toEqual([
      ['names.postgresqlServers.eastus', 'eastus', "zoneRedundant creates no PostgreSQL flexible server for this key, so the name would be ignored (keys are the cells' home regions: westus3)", 'key names.postgresqlServers by westus3'],
      ['names.postgresqlVirtualEndpoints.westus3', 'westus3', 'zoneRedundant creates no PostgreSQL virtual endpoint for this key, so the name would be ignored (keys are the home regions of cells with replicas: none under this pattern)', 'drop names.postgresqlVirtualEndpoints'],
      ['names.postgresqlReplicas.westus3', 'westus3', 'zoneRedundant keeps no read replica of a cell homed here, so the names would be ignored (keys are the home regions of replicated cells: none under this pattern)', 'drop names.postgresqlReplicas'],
      ['names.databases.eastus', 'eastus', "zoneRedundant creates no PostgreSQL database for this key, so the name would be ignored (keys are the cells' home regions: westus3)", 'key names.databases by westus3'],
    ]);
    expect(violations({ ...two(), engine: pg(), names: { postgresqlServers: { eastus: 'a-pg' }, postgresqlReplicas: { eastus: { westus3: 'a-copy' }, westus3: { westus3: 'b-copy' } } } })).toEqual([
      ['names.postgresqlServers.eastus', 'eastus', "primarySecondary creates no PostgreSQL flexible server for this key, so the name would be ignored (keys are the cells' home regions: westus3)", 'key names.postgresqlServers by westus3'],
      ['names.postgresqlReplicas.eastus', 'eastus', 'primarySecondary keeps no read replica of a cell homed here, so the names would be ignored (keys are the home regions of replicated cells: westus3)', 'key names.postgresqlReplicas by westus3'],
      ['names.postgresqlReplicas.westus3.westus3', 'westus3', 'primarySecondary creates no PostgreSQL flexible server for this key, so the name would be ignored (keys are the regions holding a replica of the westus3 cell: eastus)', 'key names.postgresqlReplicas.westus3 by eastus'],
    ]);
  });

  test('replica names keyed by a region that homes no replicated cell list every home that does', () => {
    expect(violations({ engine: pg(), pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], names: { postgresqlReplicas: { centralus: { eastus2: 'a-copy' } } } })).toEqual([[
      'names.postgresqlReplicas.centralus', 'centralus', 'activeActive keeps no read replica of a cell homed here, so the names would be ignored (keys are the home regions of replicated cells: eastus2, westus3)',
      'key names.postgresqlReplicas by eastus2, westus3',
    ]]);
  });

  test('names that break Azure\'s rules are refused with the rule of their kind', () => {
    expect(violatedProps({
      ...two(), engine: pg(),
      names: { postgresqlServers: { westus3: 'PG' }, postgresqlReplicas: { westus3: { eastus: 'copy-' } }, postgresqlVirtualEndpoints: { westus3: 've_1' }, databases: { westus3: '1orders' } },
    })).toEqual(['names.postgresqlServers.westus3', 'names.postgresqlVirtualEndpoints.westus3', 'names.postgresqlReplicas.westus3.eastus', 'names.databases.westus3']);
    expect(violations({ engine: pg(), names: { databases: { westus3: '1orders' } } })).toEqual([[
      'names.databases.westus3', '1orders', 'a PostgreSQL database name allows letters, digits, - and _, not starting with a digit', 'choose a name of letters, digits, - and _, not starting with a digit, 1-63 characters',
    ]]);
  });

  test('activeActive cells share the database name (each cell has its own primary server)', () => {
    const database = makeDatabase({ engine: pg(), pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], databaseName: 'shop' });
    expect(Object.values(database.postgresqlDatabases).map((d) => d.nameInput)).toEqual(['shop', 'shop']);
  });
});
