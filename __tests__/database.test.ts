import { TerraformStack } from 'cdktf';
import { MssqlDatabase } from '@cdktf/provider-azurerm/lib/mssql-database';
import { MssqlFailoverGroup } from '@cdktf/provider-azurerm/lib/mssql-failover-group';
import { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { PostgresqlFlexibleServerDatabase } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-database';
import { PostgresqlFlexibleServerVirtualEndpoint } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-virtual-endpoint';
import {
  ActivePassiveDatabase, ActivePassiveDatabaseProps, DatabaseEngine, RedundancyPattern, RegionalStamp, RemovalPolicy, ValidationError,
} from '../lib';
import { DATA_PATTERNS } from './support/patterns';
import { ownGroups, sink } from './support/standalone';
import { all, StackJson, synthStack, testStack } from './support/synth';

const ADMIN = { objectId: '11111111-2222-3333-4444-555555555555', name: 'sg-order-db-admins' };

const PATTERNS = DATA_PATTERNS;

function build(props: Partial<ActivePassiveDatabaseProps> & Pick<ActivePassiveDatabaseProps, 'engine'>, stack: TerraformStack = testStack()) {
  const database = new ActivePassiveDatabase(stack, 'OrderDb', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], administrator: ADMIN, ...ownGroups(props.regions ?? ['westus3']), ...props });
  return { stack, database, json: synthStack(stack) };
}

/** Cells (home databases) a pattern has: one per region under activeActive and regionPinned, else one. */
const cellCount = (kind: string, regions: string[]): number => (kind === 'activeActive' || kind === 'regionPinned' ? regions.length : 1);

/** Resources of a type whose construct path lies under a region scope, by region. */
function inRegion(json: StackJson, type: string, region: string): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return Object.fromEntries(Object.entries(all(json, type)).filter(([id]) => id.startsWith(`OrderDb_${region}_`)));
}

describe.each(PATTERNS)('Azure SQL under %s', (kind, pattern, regions) => {
  const { database, json } = build({ engine: DatabaseEngine.sql(), pattern, regions });
  const servers = Object.values(all(json, 'azurerm_mssql_server'));
  const databases = all(json, 'azurerm_mssql_database');
  const groups = Object.values(all(json, 'azurerm_mssql_failover_group'));

  test('one Entra-only, private, TLS 1.2 server per region, protected', () => {
    expect(servers.map((s) => s.location).sort()).toEqual([...regions].sort());
    for (const server of servers) {
      expect(server).toMatchObject({
        version: '12.0',
        minimum_tls_version: '1.2',
        public_network_access_enabled: false,
        azuread_administrator: { azuread_authentication_only: true, object_id: ADMIN.objectId, login_username: ADMIN.name },
        lifecycle: { prevent_destroy: true },
      });
      expect(server.administrator_login).toBeUndefined();
      expect(server.administrator_login_password).toBeUndefined();
    }
  });

  test('extended auditing to Log Analytics and a security alert policy on every server', () => {
    expect(Object.values(all(json, 'azurerm_mssql_server_extended_auditing_policy')).map((p) => p.log_monitoring_enabled)).toEqual(regions.map(() => true));
    const audit = Object.values(all(json, 'azurerm_monitor_diagnostic_setting')).filter((d) => d.target_resource_id.endsWith('/databases/master'));
    expect(audit).toHaveLength(regions.length);
    for (const setting of audit) expect(setting.enabled_log).toContainEqual({ category: 'SQLSecurityAuditEvents' });
    expect(Object.values(all(json, 'azurerm_mssql_database_extended_auditing_policy')).map((p) => [p.database_id.endsWith('/databases/master'), p.log_monitoring_enabled])).toEqual(regions.map(() => [true, true]));
    expect(Object.values(all(json, 'azurerm_mssql_server_security_alert_policy')).map((p) => p.state)).toEqual(regions.map(() => 'Enabled'));
  });

  test('zone-redundant home databases with retention, protected against failover drift', () => {
    const homes = Object.values(databases).filter((d) => d.create_mode === undefined);
    const expectedHomes = kind === 'activeActive' || kind === 'regionPinned' ? regions.length : 1;
    expect(homes).toHaveLength(expectedHomes);
    for (const home of homes) {
      expect(home).toMatchObject({
        sku_name: 'GP_Gen5_2',
        zone_redundant: true,
        short_term_retention_policy: { retention_days: 14 },
        long_term_retention_policy: { weekly_retention: 'P4W', monthly_retention: 'P12M', yearly_retention: 'P5Y', week_of_year: 1 },
        lifecycle: { prevent_destroy: true, ignore_changes: ['create_mode', 'creation_source_database_id', 'secondary_type'] },
      });
    }
  });

  test('every copy carries the same retention; geo-secondaries carry no max size (the provider refuses it in Secondary create mode)', () => {
    const all_ = Object.values(databases);
    expect(all_.length).toBeGreaterThan(0);
    for (const db of all_) {
      expect(db.short_term_retention_policy).toEqual({ retention_days: 14, backup_interval_in_hours: 12 });
      expect(db.long_term_retention_policy).toEqual({ weekly_retention: 'P4W', monthly_retention: 'P12M', yearly_retention: 'P5Y', week_of_year: 1 });
      expect(db.max_size_gb).toBe(db.create_mode === 'Secondary' ? undefined : 32);
    }
    if (kind !== 'zoneRedundant' && kind !== 'regionPinned') expect(all_.some((d) => d.create_mode === 'Secondary')).toBe(true);
  });

  test('backups: geo-redundant unless the pattern forbids it', () => {
    const byHome = Object.fromEntries(database.cells.map((c) => [c.homeRegion, Object.values(inRegion(json, 'azurerm_mssql_database', c.homeRegion)).find((d) => d.create_mode === undefined).storage_account_type]));
    // brazilsouth's pair (South Central US) lies outside Brazil, so the pinned Brazil cell keeps zone-redundant backups.
    expect(byHome).toEqual(Object.fromEntries(database.cells.map((c) => [c.homeRegion, c.homeRegion === 'brazilsouth' ? 'Zone' : 'Geo'])));
  });

  test('failover groups: none for single-home patterns, one per cell otherwise, partner = the region listed before (the first region: the second)', () => {
    expect(database.cells).toHaveLength(cellCount(kind, regions));
    if (kind === 'zoneRedundant' || kind === 'regionPinned') {
      expect(groups).toHaveLength(0);
      for (const cell of database.cells) expect(cell.replicaRegion).toBeUndefined();
      return;
    }
    expect(groups).toHaveLength(kind === 'activeActive' ? regions.length : 1);
    const serverIdOf = (region: string) => `\${azurerm_mssql_server.${Object.keys(all(json, 'azurerm_mssql_server')).find((id) => id.startsWith(`OrderDb_${region}_`))}.id}`;
    database.cells.forEach((cell, i) => {
      const next = regions[i === 0 ? 1 : i - 1];
      expect(cell).toMatchObject({ homeRegion: regions[i], replicaRegion: next });
      const group = Object.values(inRegion(json, 'azurerm_mssql_failover_group', regions[i]))[0];
      expect(group.server_id).toBe(serverIdOf(regions[i]));
      expect(group.partner_server).toEqual([{ id: serverIdOf(next) }]);
      expect(group.read_write_endpoint_failover_policy).toEqual({ mode: 'Automatic', grace_minutes: 60 });
      expect(group.readonly_endpoint_failover_policy_enabled).toBe(true);
      expect(cell.readWriteHost).toBe(`${group.name}.database.windows.net`);
    });
  });

  test('geo-secondaries: readable except under activePassive (license-free standby), zone-redundant', () => {
    const secondaries = Object.values(databases).filter((d) => d.create_mode === 'Secondary');
    if (kind === 'zoneRedundant' || kind === 'regionPinned') return expect(secondaries).toHaveLength(0);
    expect(secondaries).toHaveLength(kind === 'activeActive' ? regions.length * (regions.length - 1) : 1);
    expect(database.cells).toHaveLength(cellCount(kind, regions));
    expect(secondaries.map((d) => d.secondary_type)).toEqual(secondaries.map(() => (kind === 'activePassive' ? 'Standby' : 'Geo')));
    for (const s of secondaries) {
      expect(s).toMatchObject({ zone_redundant: true, sku_name: 'GP_Gen5_2', creation_source_database_id: expect.stringContaining('azurerm_mssql_database.'), lifecycle: { prevent_destroy: true } });
      // Azure refuses max_size_gb on a secondary; the LTR policy is kept so backups continue after a failover.
      expect(s.max_size_gb).toBeUndefined();
      expect(s.long_term_retention_policy.weekly_retention).toBe('P4W');
    }
    for (const cell of database.cells) {
      expect(cell.readOnlyHost).toMatch(kind === 'activePassive' ? /^shop-sqlfg-[a-z0-9]+-[0-9a-f]{6}\.database\.windows\.net$/ : /\.secondary\.database\.windows\.net$/);
    }
  });

  test('every region holds a readable copy of every cell under activeActive (local reads)', () => {
    expect(database.cells).toHaveLength(cellCount(kind, regions));
    for (const cell of database.cells) {
      expect(Object.keys(cell.serverHosts).sort()).toEqual(kind === 'activeActive' ? [...regions].sort() : [cell.homeRegion, ...(cell.replicaRegion ? [cell.replicaRegion] : [])].sort());
    }
    if (kind !== 'activeActive') return;
    const secondaries = Object.entries(databases).filter(([, d]) => d.create_mode === 'Secondary');
    expect(secondaries).toHaveLength(regions.length * (regions.length - 1));
    // Only the ring partner's copy belongs to the failover group.
    expect(groups).toHaveLength(regions.length);
    for (const group of groups) expect(group.databases).toHaveLength(1);
  });

  test('activeActive cells carry distinct database names (a server holds every cell)', () => {
    const names = database.cells.map((c) => c.databaseName);
    expect(names).toEqual(kind === 'activeActive' ? regions.map((r) => `orders-${r}`) : names.map(() => 'orders'));
  });
});

describe.each(PATTERNS)('PostgreSQL under %s', (kind, pattern, regions) => {
  const { database, json } = build({ engine: DatabaseEngine.postgresql(), pattern, regions });
  const servers = all(json, 'azurerm_postgresql_flexible_server');
  const primaries = Object.values(servers).filter((s) => s.create_mode === undefined);
  const replicas = Object.values(servers).filter((s) => s.create_mode === 'Replica');

  test('HA primaries: ZoneRedundant, standby in another zone, GP SKU, Entra only, private, auto-grow, maintenance window', () => {
    expect(primaries).toHaveLength(kind === 'activeActive' || kind === 'regionPinned' ? regions.length : 1);
    for (const server of primaries) {
      expect(server).toMatchObject({
        version: '16',
        sku_name: 'GP_Standard_D4ds_v5',
        zone: '1',
        high_availability: { mode: 'ZoneRedundant', standby_availability_zone: '2' },
        authentication: { active_directory_auth_enabled: true, password_auth_enabled: false },
        public_network_access_enabled: false,
        auto_grow_enabled: true,
        backup_retention_days: 14,
        maintenance_window: { day_of_week: 0, start_hour: 2, start_minute: 0 },
      });
      expect(server.delegated_subnet_id).toBeUndefined();
      expect(server.administrator_password).toBeUndefined();
    }
  });

  test('zone swaps after an HA failover and promotions never plan a replacement; servers are protected', () => {
    expect(Object.keys(servers).length).toBeGreaterThanOrEqual(cellCount(kind, regions));
    for (const server of Object.values(servers)) {
      expect(server.lifecycle.prevent_destroy).toBe(true);
      // A primary ignores its standby's zone; a replica the whole HA block (HA enabled on it after a promotion stays).
      const ha = server.create_mode === 'Replica' ? 'high_availability' : 'high_availability[0].standby_availability_zone';
      expect(server.lifecycle.ignore_changes).toEqual(expect.arrayContaining(['zone', ha, 'source_server_id', 'create_mode']));
    }
  });

  test('geo-redundant backups unless residency forbids them', () => {
    expect(Object.fromEntries(primaries.map((s) => [s.location, s.geo_redundant_backup_enabled]))).toEqual(Object.fromEntries(primaries.map((s) => [s.location, s.location !== 'brazilsouth'])));
  });

  test('cross-region replica + ReadWrite virtual endpoint per replicated cell', () => {
    const endpoints = Object.values(all(json, 'azurerm_postgresql_flexible_server_virtual_endpoint'));
    if (kind === 'zoneRedundant' || kind === 'regionPinned') {
      expect(replicas).toHaveLength(0);
      expect(endpoints).toHaveLength(0);
      return;
    }
    // activeActive: every cell has a replica in every other region (N x (N-1)); otherwise one, in the second region.
    expect(replicas.map((r) => r.location).sort()).toEqual(kind === 'activeActive' ? regions.flatMap((r) => regions.filter((o) => o !== r)).sort() : [regions[1]]);
    for (const replica of replicas) {
      expect(replica.source_server_id).toMatch(/azurerm_postgresql_flexible_server\..*\.id/);
      expect(replica.high_availability).toBeUndefined();
      expect(replica.public_network_access_enabled).toBe(false);
    }
    expect(endpoints.map((e) => e.type)).toEqual(endpoints.map(() => 'ReadWrite'));
    for (const e of endpoints) {
      // Waits for every replica of its cell; never rewritten after a promotion.
      expect(e.depends_on).toHaveLength(kind === 'activeActive' ? regions.length - 1 : 1);
      expect(e.lifecycle.ignore_changes).toEqual(['replica_server_id']);
    }
    expect(database.cells).toHaveLength(cellCount(kind, regions));
    for (const cell of database.cells) {
      expect(cell.readWriteHost).toMatch(/^shop-psqlve-[a-z0-9]+-[0-9a-f]{6}\.writer\.postgres\.database\.azure\.com$/);
      expect(cell.readOnlyHost).toBe(cell.readWriteHost.replace('.writer.', '.reader.'));
      expect(Object.keys(cell.serverHosts).sort()).toEqual(kind === 'activeActive' ? [...regions].sort() : [cell.homeRegion, cell.replicaRegion].sort());
    }
  });

  test('Entra administrator group and the orders database on every primary', () => {
    const admins = Object.values(all(json, 'azurerm_postgresql_flexible_server_active_directory_administrator'));
    expect(admins).toHaveLength(primaries.length);
    for (const admin of admins) expect(admin).toMatchObject({ object_id: ADMIN.objectId, principal_name: ADMIN.name, principal_type: 'Group' });
    const dbs = Object.values(all(json, 'azurerm_postgresql_flexible_server_database'));
    expect(dbs.map((d) => d.name)).toEqual(primaries.map(() => 'orders'));
    for (const db of dbs) expect(db.lifecycle.prevent_destroy).toBe(true);
  });
});

describe('ActivePassiveDatabase wiring', () => {
  test('connect() puts a private endpoint to every server into the stamp, registered in the engine zone', () => {
    const stack = testStack();
    const { database } = { database: new ActivePassiveDatabase(stack, 'OrderDb', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], engine: DatabaseEngine.sql(), administrator: ADMIN, ...ownGroups(['westus3', 'eastus']) }) };
    const stamp = new RegionalStamp(stack, 'Stamp', { prefix: 'shop', region: 'eastus', monitoring: sink('eastus') });
    database.connect(stamp);
    const json = synthStack(stack);
    const endpoints = Object.values(all(json, 'azurerm_private_endpoint')).filter((e) => e.private_service_connection.subresource_names[0] === 'sqlServer');
    expect(endpoints.map((e) => e.name).sort()).toEqual(['pe-sql-eastus', 'pe-sql-westus3']);
    for (const endpoint of endpoints) expect(endpoint.subnet_id).toContain('PrivateEndpointsSubnet');
    const zones = Object.values(all(json, 'azurerm_private_dns_zone')).map((z) => z.name);
    expect(zones).toContain('privatelink.database.windows.net');
  });

  test('PostgreSQL endpoints use the postgresqlServer sub-resource and their own zone', () => {
    const stack = testStack();
    const database = new ActivePassiveDatabase(stack, 'OrderDb', { prefix: 'shop', pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'], engine: DatabaseEngine.postgresql(), administrator: ADMIN, ...ownGroups(['eastus2', 'centralus']) });
    const stamp = new RegionalStamp(stack, 'Stamp', { prefix: 'shop', region: 'eastus2', monitoring: sink('eastus2') });
    database.connect(stamp);
    const json = synthStack(stack);
    const endpoints = Object.values(all(json, 'azurerm_private_endpoint')).filter((e) => e.private_service_connection.subresource_names[0] === 'postgresqlServer');
    expect(endpoints.map((e) => e.name).sort()).toEqual(['pe-psql-eastus2', 'pe-psql-eastus2-replica-centralus']);
    expect(Object.values(all(json, 'azurerm_private_dns_zone')).map((z) => z.name)).toContain('privatelink.postgres.database.azure.com');
  });

  test('removalPolicy DESTROY drops prevent_destroy, keeps the failover ignore_changes', () => {
    const { json } = build({ engine: DatabaseEngine.postgresql(), removalPolicy: RemovalPolicy.DESTROY });
    const server = Object.values(all(json, 'azurerm_postgresql_flexible_server'))[0];
    expect(server.lifecycle.prevent_destroy).toBe(false);
    expect(server.lifecycle.ignore_changes).toContain('zone');
  });

  test('options reach the resources: Manual failover, Standby overridden to readable, SKU, retention', () => {
    const { json } = build({
      engine: DatabaseEngine.sql({ failoverMode: 'Manual', readableSecondary: true, skuName: 'BC_Gen5_4', shortTermRetentionDays: 35, readOnlyEndpointFailover: false, longTermRetention: { weeklyRetentionWeeks: 8, yearlyRetentionYears: 10, weekOfYear: 20 } }),
      pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'],
    });
    const group = Object.values(all(json, 'azurerm_mssql_failover_group'))[0];
    expect(group.read_write_endpoint_failover_policy).toEqual({ mode: 'Manual' });
    expect(group.readonly_endpoint_failover_policy_enabled).toBe(false);
    const dbs = Object.values(all(json, 'azurerm_mssql_database'));
    expect(dbs.map((d) => d.sku_name)).toEqual(['BC_Gen5_4', 'BC_Gen5_4']);
    expect(dbs.find((d) => d.create_mode === 'Secondary').secondary_type).toBe('Geo');
    expect(dbs.find((d) => d.create_mode === undefined)).toMatchObject({ short_term_retention_policy: { retention_days: 35 }, long_term_retention_policy: { weekly_retention: 'P8W', monthly_retention: 'P12M', yearly_retention: 'P10Y', week_of_year: 20 } });
  });

  test('a residency that forbids geo backups is reported, not silently applied', () => {
    const { database } = build({ engine: DatabaseEngine.sql(), pattern: RedundancyPattern.regionPinned(), regions: ['brazilsouth'] });
    const messages = database.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => m.data);
    expect(messages).toContain('Backups of the brazilsouth database stay in-region (zone- or locally-redundant): its pair southcentralus lies outside the cell\'s residency Brazil.');
  });
});

describe('DatabaseEngine behaviour', () => {
  test('each factory makes an engine that builds its own servers: SQL logical servers or PostgreSQL flexible servers', () => {
    const sql = build({ engine: DatabaseEngine.sql(), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] }).json;
    expect(Object.keys(all(sql, 'azurerm_mssql_server'))).toHaveLength(2);
    expect(sql.resource.azurerm_postgresql_flexible_server).toBeUndefined();
    const pg = build({ engine: DatabaseEngine.postgresql(), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] }).json;
    expect(Object.keys(all(pg, 'azurerm_postgresql_flexible_server'))).toHaveLength(2);
    expect(pg.resource.azurerm_mssql_server).toBeUndefined();
  });

  test('an engine keeps no state of the construct it builds: one engine serves two databases, each with its own servers', () => {
    const engine = DatabaseEngine.postgresql({ maintenanceWindow: { dayOfWeek: 'Saturday' } });
    const stack = testStack();
    const a = new ActivePassiveDatabase(stack, 'A', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], administrator: ADMIN, engine, ...ownGroups(['westus3']) });
    const b = new ActivePassiveDatabase(stack, 'B', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['eastus2', 'centralus'], administrator: ADMIN, engine, ...ownGroups(['eastus2', 'centralus']) });
    const servers = Object.values(all(synthStack(stack), 'azurerm_postgresql_flexible_server'));
    expect(servers.map((s) => s.location).sort()).toEqual(['centralus', 'eastus2', 'westus3']);
    expect(Object.keys(a.postgresqlServers)).toEqual(['westus3']);
    expect(Object.keys(b.postgresqlServers)).toEqual(['eastus2']);
    expect(a.engine).toBe(b.engine);
  });

  test('long-term retention in weeks, months and years reaches the provider as ISO 8601 periods', () => {
    const { json } = build({ engine: DatabaseEngine.sql({ longTermRetention: { weeklyRetentionWeeks: 520, monthlyRetentionMonths: 1, yearlyRetentionYears: 10, weekOfYear: 52 } }) });
    expect(Object.values(all(json, 'azurerm_mssql_database'))[0].long_term_retention_policy).toEqual({ weekly_retention: 'P520W', monthly_retention: 'P1M', yearly_retention: 'P10Y', week_of_year: 52 });
  });
});

describe('PostgreSQL maintenance window', () => {
  const windowOf = (maintenanceWindow: Record<string, unknown>) => {
    const { json } = build({ engine: DatabaseEngine.postgresql({ maintenanceWindow }) });
    return Object.values(all(json, 'azurerm_postgresql_flexible_server'))[0].maintenance_window;
  };

  test.each<[string, Record<string, unknown>, Record<string, number>]>([
    ['the defaults: Sunday 02:00 UTC, as before', {}, { day_of_week: 0, start_hour: 2, start_minute: 0 }],
    ['a UTC window, day and minute', { dayOfWeek: 'Wednesday', startTime: '03:45' }, { day_of_week: 3, start_hour: 3, start_minute: 45 }],
    ['east of UTC: Monday 01:00 +09:00 opens Sunday 16:00 UTC', { dayOfWeek: 'Monday', startTime: '01:00', utcOffset: '+09:00' }, { day_of_week: 0, start_hour: 16, start_minute: 0 }],
    ['west of UTC: Saturday 22:30 -05:00 opens Sunday 03:30 UTC', { dayOfWeek: 'Saturday', startTime: '22:30', utcOffset: '-05:00', durationHours: 1 }, { day_of_week: 0, start_hour: 3, start_minute: 30 }],
    ['east of UTC across the week: Sunday 00:30 +01:00 opens Saturday 23:30 UTC', { dayOfWeek: 'Sunday', startTime: '00:30', utcOffset: '+01:00' }, { day_of_week: 6, start_hour: 23, start_minute: 30 }],
  ])('%s', (_label, given, expected) => {
    expect(windowOf(given)).toEqual(expected);
  });

  test.each([
    ['Tuesday', 2, 3],
    ['Saturday, so the replica\'s day wraps to Sunday', 6, 0],
  ])('a replica has its own window, the day after its primary\'s (%s)', (_label, primaryDay, replicaDay) => {
    const dayOfWeek = _label.split(',')[0] as 'Tuesday' | 'Saturday';
    const { json } = build({ engine: DatabaseEngine.postgresql({ maintenanceWindow: { dayOfWeek } }), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] });
    const servers = Object.values(all(json, 'azurerm_postgresql_flexible_server'));
    expect(servers.map((s) => [s.create_mode ?? 'Default', s.maintenance_window]).sort()).toEqual([
      ['Default', { day_of_week: primaryDay, start_hour: 2, start_minute: 0 }], ['Replica', { day_of_week: replicaDay, start_hour: 2, start_minute: 0 }],
    ]);
  });
});

describe('ActivePassiveDatabase names and principal resources', () => {
  test('SQL: every generated name can be overridden (servers, failover group, database), and the hosts follow', () => {
    const { database, json } = build({
      engine: DatabaseEngine.sql(), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'],
      names: { sqlServers: { westus3: 'orders-sql-west', eastus: 'orders-sql-east' }, sqlFailoverGroups: { westus3: 'orders-fg' }, databases: { westus3: 'orders-prod' } },
    });
    expect(Object.values(all(json, 'azurerm_mssql_server')).map((s) => [s.location, s.name]).sort()).toEqual([['eastus', 'orders-sql-east'], ['westus3', 'orders-sql-west']]);
    expect(Object.values(all(json, 'azurerm_mssql_failover_group')).map((g) => g.name)).toEqual(['orders-fg']);
    expect(Object.values(all(json, 'azurerm_mssql_database')).map((d) => [d.create_mode ?? 'Default', d.name]).sort()).toEqual([['Default', 'orders-prod'], ['Secondary', 'orders-prod']]);
    expect(database.cells).toHaveLength(1);
    expect(database.cells[0]).toMatchObject({
      homeRegion: 'westus3', replicaRegion: 'eastus', databaseName: 'orders-prod',
      readWriteHost: 'orders-fg.database.windows.net', readOnlyHost: 'orders-fg.secondary.database.windows.net',
    });
    expect(Object.keys(database.cells[0].serverHosts).sort()).toEqual(['eastus', 'westus3']);
  });

  test('SQL: names left out keep their generated defaults (the same names as without names)', () => {
    const props = { engine: DatabaseEngine.sql(), pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'] };
    const plain = build(props).json;
    const named = build({ ...props, names: { sqlServers: { westus3: 'orders-sql-west' } } }).json;
    const names = (json: StackJson, type: string) => Object.values(all(json, type)).map((r) => r.name);
    expect(names(named, 'azurerm_mssql_server')).toEqual([names(plain, 'azurerm_mssql_server')[0], 'orders-sql-west']);
    expect(names(named, 'azurerm_mssql_failover_group')).toEqual(names(plain, 'azurerm_mssql_failover_group'));
    expect(names(named, 'azurerm_mssql_database')).toEqual(names(plain, 'azurerm_mssql_database'));
  });

  test('SQL: the principal resources, by region and home region', () => {
    const { database, json } = build({ engine: DatabaseEngine.sql(), pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3', 'centralus'] });
    expect(Object.keys(database.sqlServers)).toEqual(['eastus2', 'westus3', 'centralus']);
    expect(Object.values(database.sqlServers).map((s) => s.constructor)).toEqual([MssqlServer, MssqlServer, MssqlServer]);
    expect(Object.entries(database.sqlDatabases).map(([home, d]) => [home, d instanceof MssqlDatabase])).toEqual([['eastus2', true], ['westus3', true], ['centralus', true]]);
    expect(Object.fromEntries(Object.entries(database.sqlSecondaries).map(([home, copies]) => [home, Object.keys(copies).sort()]))).toEqual({ eastus2: ['centralus', 'westus3'], westus3: ['centralus', 'eastus2'], centralus: ['eastus2', 'westus3'] });
    expect(Object.values(database.sqlFailoverGroups).map((g) => g instanceof MssqlFailoverGroup)).toEqual([true, true, true]);
    // The objects are the synthesized resources: each server is its region's, each group names its cell's listener.
    const servers = all(json, 'azurerm_mssql_server');
    expect(Object.entries(database.sqlServers).map(([region, s]) => servers[s.friendlyUniqueId].location === region)).toEqual([true, true, true]);
    const groups = all(json, 'azurerm_mssql_failover_group');
    expect(database.cells.map((c) => c.readWriteHost)).toEqual(Object.values(database.sqlFailoverGroups).map((g) => `${groups[g.friendlyUniqueId].name}.database.windows.net`));
    expect([database.postgresqlServers, database.postgresqlReplicas, database.postgresqlDatabases, database.postgresqlVirtualEndpoints]).toEqual([{}, {}, {}, {}]);
  });

  test('PostgreSQL: every generated name can be overridden (primaries, replicas, virtual endpoints, databases)', () => {
    const { database, json } = build({
      engine: DatabaseEngine.postgresql(), pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'],
      names: {
        postgresqlServers: { eastus2: 'orders-pg-east', westus3: 'orders-pg-west' },
        postgresqlReplicas: { eastus2: { westus3: 'orders-pg-east-copy' }, westus3: { eastus2: 'orders-pg-west-copy' } },
        postgresqlVirtualEndpoints: { eastus2: 'orders-ve-east' },
        databases: { westus3: 'orders_west' },
      },
    });
    expect(Object.values(all(json, 'azurerm_postgresql_flexible_server')).map((s) => [s.location, s.name]).sort()).toEqual([
      ['eastus2', 'orders-pg-east'], ['eastus2', 'orders-pg-west-copy'], ['westus3', 'orders-pg-east-copy'], ['westus3', 'orders-pg-west'],
    ]);
    const endpoints = Object.values(all(json, 'azurerm_postgresql_flexible_server_virtual_endpoint')).map((e) => e.name);
    expect(endpoints).toHaveLength(2);
    expect(endpoints[0]).toBe('orders-ve-east');
    expect(endpoints[1]).toMatch(/^shop-psqlve-westus3-[0-9a-f]{6}$/);
    expect(Object.values(all(json, 'azurerm_postgresql_flexible_server_database')).map((d) => d.name)).toEqual(['orders', 'orders_west']);
    expect(database.cells.map((c) => [c.homeRegion, c.databaseName, c.readWriteHost.split('.')[0]])).toEqual([['eastus2', 'orders', 'orders-ve-east'], ['westus3', 'orders_west', endpoints[1]]]);
  });

  test('PostgreSQL: the principal resources, by home region', () => {
    const { database, json } = build({ engine: DatabaseEngine.postgresql(), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] });
    expect(Object.keys(database.postgresqlServers)).toEqual(['westus3']);
    expect(database.postgresqlServers.westus3).toBeInstanceOf(PostgresqlFlexibleServer);
    expect(Object.keys(database.postgresqlReplicas)).toEqual(['westus3']);
    expect(Object.keys(database.postgresqlReplicas.westus3)).toEqual(['eastus']);
    const servers = all(json, 'azurerm_postgresql_flexible_server');
    expect([servers[database.postgresqlServers.westus3.friendlyUniqueId].location, servers[database.postgresqlReplicas.westus3.eastus.friendlyUniqueId].location]).toEqual(['westus3', 'eastus']);
    expect(database.postgresqlDatabases.westus3).toBeInstanceOf(PostgresqlFlexibleServerDatabase);
    expect(database.postgresqlVirtualEndpoints.westus3).toBeInstanceOf(PostgresqlFlexibleServerVirtualEndpoint);
    const endpoint = all(json, 'azurerm_postgresql_flexible_server_virtual_endpoint')[database.postgresqlVirtualEndpoints.westus3.friendlyUniqueId];
    expect(database.cells[0].readWriteHost).toBe(`${endpoint.name}.writer.postgres.database.azure.com`);
    expect([database.sqlServers, database.sqlDatabases, database.sqlSecondaries, database.sqlFailoverGroups]).toEqual([{}, {}, {}, {}]);
  });

  test('PostgreSQL without replicas: servers and databases, no replicas or endpoints', () => {
    const { database } = build({ engine: DatabaseEngine.postgresql(), pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'germanywestcentral'] });
    expect(Object.keys(database.postgresqlServers)).toEqual(['westeurope', 'germanywestcentral']);
    expect(Object.keys(database.postgresqlDatabases)).toEqual(['westeurope', 'germanywestcentral']);
    expect([database.postgresqlReplicas, database.postgresqlVirtualEndpoints]).toEqual([{}, {}]);
  });
});

describe('ActivePassiveDatabase bad input', () => {
  const sql = DatabaseEngine.sql;
  const pg = DatabaseEngine.postgresql;
  const two = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] };
  test.each<[string, Partial<ActivePassiveDatabaseProps>, string]>([
    ['the same region twice', { engine: sql(), pattern: RedundancyPattern.primarySecondary(), regions: ['eastus2', 'eastus2'] }, "test/OrderDb: invalid regions [\"eastus2\",\"eastus2\"]: region 'eastus2' is listed twice"],
    ['a secondary region without zones', { engine: sql(), pattern: RedundancyPattern.primarySecondary(), regions: ['eastus', 'westus'] }, 'invalid regions[1] "westus": West US has no availability zones, but the secondary region of primarySecondary must be zone-redundant'],
    ['a grace period below 60 minutes', { engine: sql({ graceMinutes: 30 }), ...two }, 'invalid engine.graceMinutes 30: must be an integer from 60 to 1000000 (an automatic failover group waits at least 60 minutes'],
    ['a grace period with Manual failover', { engine: sql({ failoverMode: 'Manual', graceMinutes: 90 }), ...two }, 'invalid engine.graceMinutes 90: a grace period only applies to Automatic failover'],
    ['failover settings without a failover group', { engine: sql({ failoverMode: 'Manual' }) }, 'invalid engine.failoverMode "Manual": zoneRedundant has no failover group, so this setting would be ignored'],
    ['a Burstable SKU with HA', { engine: pg({ skuName: 'B_Standard_B2s' }) }, 'invalid engine.skuName "B_Standard_B2s": Burstable servers cannot run high availability'],
    ['SQL retention out of range', { engine: sql({ shortTermRetentionDays: 3 }) }, 'invalid engine.shortTermRetentionDays 3: must be an integer from 7 to 35'],
    ['PostgreSQL retention out of range', { engine: pg({ backupRetentionDays: 40 }) }, 'invalid engine.backupRetentionDays 40: must be an integer from 7 to 35'],
    ['a PostgreSQL version Azure does not offer', { engine: pg({ version: '11' }) }, `invalid engine.version "11": Azure Database for PostgreSQL flexible server does not offer this major version for new servers (expected '13', '14', '15', '16', '17', '18', got the string "11")`],
    ['a region-pinned cell outside its declared residency', { engine: sql(), pattern: RedundancyPattern.regionPinned({ residency: { uksouth: 'EU Data Boundary' } }), regions: ['uksouth'] }, 'cell region uksouth lies in United Kingdom, outside its declared residency EU Data Boundary'],
    ['geo backups a residency forbids', { engine: sql({ backupStorageRedundancy: 'Geo' }), pattern: RedundancyPattern.regionPinned(), regions: ['brazilsouth'] }, "invalid engine.backupStorageRedundancy \"Geo\": geo-redundant backups would be copied to the paired region, but its pair southcentralus lies outside the cell's residency Brazil"],
    ['PostgreSQL geo backups in a region without a pair', { engine: pg({ geoRedundantBackup: true }), pattern: RedundancyPattern.regionPinned(), regions: ['polandcentral'] }, 'invalid engine.geoRedundantBackup true: geo-redundant backups of the polandcentral server are stored in the paired region, but polandcentral has no paired region'],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['a SQL option given to PostgreSQL', { engine: pg({ graceMinutes: 60 } as any) }, "invalid engine.graceMinutes 60: the postgresql engine has no option 'graceMinutes'; it is a sql option"],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['a PostgreSQL option given to SQL', { engine: sql({ highAvailability: true } as any) }, "invalid engine.highAvailability true: the sql engine has no option 'highAvailability'; it is a postgresql option"],
    ['a SQL SKU that cannot be zone-redundant', { engine: sql({ skuName: 'S3' }) }, 'invalid engine.skuName "S3": Basic and Standard databases cannot be zone-redundant'],
    ['a weekly retention beyond 520 weeks', { engine: sql({ longTermRetention: { weeklyRetentionWeeks: 600 } }) }, 'invalid engine.longTermRetention.weeklyRetentionWeeks 600: must be an integer from 1 to 520 (Azure SQL keeps long-term backups 1-520 weeks)'],
    ['the HA standby in the primary zone', { engine: pg({ primaryZone: '2', standbyZone: '2' }) }, 'invalid engine.standbyZone "2": zone-redundant HA needs the standby in a different zone'],
    ['a Standby secondary on a serverless SKU', { engine: sql({ skuName: 'GP_S_Gen5_2' }), pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'] }, 'invalid engine.skuName "GP_S_Gen5_2": a non-readable (Standby) secondary needs a provisioned General Purpose or Business Critical SKU'],
    ['a Burstable server where a replica is needed', { engine: pg({ skuName: 'B_Standard_B2s', highAvailability: false }), ...two }, 'invalid engine.skuName "B_Standard_B2s": primarySecondary needs a cross-region read replica, and Burstable servers cannot have replicas'],
    ['more SQL geo-secondaries than Azure allows', { engine: sql(), pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3', 'centralus', 'eastus', 'southcentralus', 'westus2'] }, 'Azure SQL allows at most four geo-secondaries per database (5 needed). Fix: use at most 5 regions'],
    ['more PostgreSQL replicas than Azure allows', { engine: pg(), pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3', 'centralus', 'eastus', 'southcentralus', 'westus2', 'canadacentral'] }, 'a flexible server has at most five (6 needed)'],
    ['zone-redundant Hyperscale', { engine: sql({ skuName: 'HS_Gen5_2' }) }, 'invalid engine.skuName "HS_Gen5_2": zone-redundant Hyperscale needs high-availability replicas and zone-redundant backup storage'],
    ['a storage size Azure does not offer', { engine: pg({ storageMb: 100000 }) }, 'invalid engine.storageMb 100000: not a storage size flexible server offers'],
    ['an administrator that is not an object ID', { engine: sql(), administrator: { objectId: 'sg-order-db-admins', name: 'x' } }, 'invalid administrator.objectId "sg-order-db-admins": not an Entra ID object ID (a GUID)'],
    ['a database name with spaces', { engine: sql(), databaseName: 'Order DB' }, 'invalid databaseName "Order DB"'],
    ['a resource group for a region that is not listed', { engine: sql(), resourceGroupNames: { eastus: 'rg-db' } }, 'invalid resourceGroupNames.eastus "eastus": not one of the regions (westus3), so the setting would be ignored'],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['an engine that is expected a DatabaseEngine (DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...})), got the string', { engine: 'sql' as any }, 'invalid engine "sql": expected a DatabaseEngine (DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...})), got the string'],
  ])('rejects %s', (_label, props, message) => {
    const make = () => new ActivePassiveDatabase(testStack(), 'OrderDb', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], administrator: ADMIN, engine: sql(), ...ownGroups((props as { regions?: string[] }).regions ?? ['westus3']), ...props });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(message);
  });
});
