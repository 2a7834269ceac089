import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { DatabaseEngine } from '../../lib/database/engine';
import { makeDatabase, ref, resourceAt, synthDatabase, violations } from '../support/database';
import { all } from '../support/synth';

/**
 * lib/database/postgresql.ts: the high-availability mode of each cell (chosen per home region, or named) and the
 * in-region read replicas (`readReplicas`); each test builds one small standalone database.
 */

const pg = DatabaseEngine.postgresql;
const PG = 'azurerm_postgresql_flexible_server';
const hash = (path: string) => pathHash(`test/OrderDb/${path}`);
/** regionPinned with a zonal cell (westeurope) and one without zones (ukwest). */
const mixed = (engine = pg()) => ({ pattern: RedundancyPattern.regionPinned({ allowCellsWithoutZones: true }), regions: ['westeurope', 'ukwest'], engine });
const two = () => ({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] });
const REPLICA_DRIFT = ['zone', 'high_availability', 'create_mode', 'source_server_id', 'replication_role'];

describe('PostgreSQL high availability, per home region', () => {
  test('by default each home region runs its best mode: zone-redundant with zones, same-zone (no standby zone) without', () => {
    const db = makeDatabase(mixed());
    expect(db.postgresqlServers.westeurope.highAvailabilityInput).toEqual({ mode: 'ZoneRedundant', standbyAvailabilityZone: '2' });
    expect(db.postgresqlServers.westeurope.zoneInput).toBe('1');
    expect(db.postgresqlServers.ukwest.highAvailabilityInput).toEqual({ mode: 'SameZone' });
    expect(db.postgresqlServers.ukwest.zoneInput).toBeUndefined();
    // `true` is the same default.
    expect(makeDatabase(mixed(pg({ highAvailability: true }))).postgresqlServers.ukwest.highAvailabilityInput).toEqual({ mode: 'SameZone' });
  });

  test('a mode per home region: same-zone named for a zonal region (rules-accepted.test.ts: its accepted OP-PG-003), the others keep the default', () => {
    const { json } = synthDatabase(mixed(pg({ highAvailability: { westeurope: 'SameZone' } })));
    const server = (region: string) => resourceAt(json, PG, `${region}/PostgresqlServer`);
    expect(server('westeurope').high_availability).toEqual({ mode: 'SameZone' });
    expect(server('ukwest').high_availability).toEqual({ mode: 'SameZone' });
  });

  test("'Disabled' or false: no standby anywhere", () => {
    for (const highAvailability of ['Disabled', false] as const) {
      const { json } = synthDatabase(mixed(pg({ highAvailability })));
      for (const region of ['westeurope', 'ukwest']) {
        const server = resourceAt(json, PG, `${region}/PostgresqlServer`);
        expect(server.high_availability).toBeUndefined();
      }
    }
  });

  test("'ZoneRedundant' for every cell where one has no zones is impossible; naming it for that region says which", () => {
    expect(violations(mixed(pg({ highAvailability: 'ZoneRedundant' })))).toEqual([[
      'engine.highAvailability', 'ZoneRedundant', 'UK West has no availability zones, so a standby cannot be placed in another zone',
      "leave highAvailability out (each region's best mode: 'SameZone' in ukwest), or name modes per region",
    ]]);
    expect(violations(mixed(pg({ highAvailability: { ukwest: 'ZoneRedundant' } })))).toEqual([[
      'engine.highAvailability.ukwest', 'ZoneRedundant', 'UK West has no availability zones, so a standby cannot be placed in another zone',
      "use 'SameZone' (a standby in the same datacenter), or drop highAvailability.ukwest for that default",
    ]]);
  });

  test("'SameZone' for every cell where zone-redundant HA is possible is refused unless the region is named", () => {
    expect(violations({ engine: pg({ highAvailability: 'SameZone' }) })).toEqual([[
      'engine.highAvailability', 'SameZone',
      'West US 3 has availability zones, where a same-zone standby survives a server failure but not the loss of its zone, and zone-redundant HA is possible',
      "leave highAvailability out (zone-redundant there), or say so for the region: highAvailability: { westus3: 'SameZone' }",
    ]]);
    expect(makeDatabase({ engine: pg({ highAvailability: { westus3: 'SameZone' } }) }).postgresqlServers.westus3.highAvailabilityInput).toEqual({ mode: 'SameZone' });
    // Where no cell has zones, 'SameZone' for all is simply the default.
    const ukOnly = { pattern: RedundancyPattern.regionPinned({ allowCellsWithoutZones: true }), regions: ['ukwest'] };
    expect(makeDatabase({ ...ukOnly, engine: pg({ highAvailability: 'SameZone' }) }).postgresqlServers.ukwest.highAvailabilityInput).toEqual({ mode: 'SameZone' });
  });

  test('a mode for a region that homes no cell would be ignored, so it is refused (a replica cannot run HA)', () => {
    expect(violations({ ...two(), engine: pg({ highAvailability: { eastus: 'SameZone' } }) })).toEqual([[
      'engine.highAvailability.eastus', 'SameZone', 'no cell is homed in eastus, and only a cell\'s primary server runs high availability (replicas cannot), so the mode would be ignored',
      'key highAvailability by the cells\' home regions (westus3)',
    ]]);
  });

  test('the standby zone belongs to zone-redundant HA only; with a same-zone cell beside a zone-redundant one it still applies there', () => {
    expect(violations(mixed(pg({ highAvailability: { westeurope: 'SameZone' }, standbyZone: '3' })))[0].slice(0, 2)).toEqual(['engine.standbyZone', '3']);
    expect(makeDatabase(mixed(pg({ standbyZone: '3' }))).postgresqlServers.westeurope.highAvailabilityInput).toEqual({ mode: 'ZoneRedundant', standbyAvailabilityZone: '3' });
  });

  test('Burstable: refused with any HA mode, accepted with Disabled', () => {
    expect(violations(mixed(pg({ skuName: 'B_Standard_B2s', highAvailability: { westeurope: 'Disabled' } })))).toEqual([[
      'engine.skuName', 'B_Standard_B2s', 'Burstable servers cannot run high availability', "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5', or set highAvailability: 'Disabled'",
    ]]);
    expect(makeDatabase(mixed(pg({ skuName: 'B_Standard_B2s', highAvailability: 'Disabled' }))).postgresqlServers.ukwest.skuNameInput).toBe('B_Standard_B2s');
  });

  test('the mode\'s shape: booleans, the three modes, or an object of them', () => {
    const expected = "true, false, 'ZoneRedundant', 'SameZone', 'Disabled', or an object of home regions to one of those modes";
    for (const bad of ['zoneRedundant', 1, ['SameZone'], { westus3: 'Zone' }]) {
      expect(violations({ engine: pg({ highAvailability: bad } as never) }).map(([prop, , problem]) => [prop, (problem as string).startsWith(`expected ${expected}`)])).toEqual([['engine.highAvailability', true]]);
    }
  });
});

describe('PostgreSQL in-region read replicas', () => {
  test('zoneRedundant: n replicas of the home server, spread over the zones after the primary\'s, protected, each day of maintenance its own', () => {
    const { json, database } = synthDatabase({ engine: pg({ readReplicas: 3 }) });
    const primary = (attribute: string) => ref(json, PG, 'westus3/PostgresqlServer', attribute);
    const replicas = [1, 2, 3].map((n) => resourceAt(json, PG, `westus3/ReadReplica${n}`));
    expect(replicas.map((r) => [r.name, r.location, r.zone, r.create_mode, r.source_server_id, r.sku_name, r.storage_mb, r.maintenance_window.day_of_week])).toEqual([
      [`shop-psql-westus3-read1-${hash('westus3/ReadReplica1')}`, 'westus3', '2', 'Replica', primary('id'), 'GP_Standard_D4ds_v5', 131072, 2],
      [`shop-psql-westus3-read2-${hash('westus3/ReadReplica2')}`, 'westus3', '3', 'Replica', primary('id'), 'GP_Standard_D4ds_v5', 131072, 3],
      [`shop-psql-westus3-read3-${hash('westus3/ReadReplica3')}`, 'westus3', '1', 'Replica', primary('id'), 'GP_Standard_D4ds_v5', 131072, 4],
    ]);
    for (const r of replicas) {
      expect(r.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: REPLICA_DRIFT });
      expect(r.high_availability).toBeUndefined();
      expect(r.public_network_access_enabled).toBe(false);
      expect(r.auto_grow_enabled).toBe(true);
      expect(r.authentication).toEqual({ active_directory_auth_enabled: true, password_auth_enabled: false, tenant_id: expect.stringContaining('tenant_id') });
      expect(r.tags).toMatchObject({ region: 'westus3', cell: 'westus3', pattern: 'zoneRedundant' });
    }
    expect(database.postgresqlReadReplicas.westus3).toHaveLength(3);
    // Every replica logs to the region's workspace.
    expect(Object.values(all(json, 'azurerm_monitor_diagnostic_setting')).map((d) => (d as { target_resource_id: string }).target_resource_id)).toEqual(
      ['PostgresqlServer', 'ReadReplica1', 'ReadReplica2', 'ReadReplica3'].map((path) => ref(json, PG, `westus3/${path}`, 'id')),
    );
  });

  test('zoneRedundant: a virtual endpoint names the first replica as reader (rules-accepted.test.ts: an accepted OP-PG-005); the pool\'s hosts are the cell\'s read pool', () => {
    const { json, cells, servers } = synthDatabase({ engine: pg({ readReplicas: 2 }) });
    const endpoint = resourceAt(json, 'azurerm_postgresql_flexible_server_virtual_endpoint', 'westus3/VirtualEndpoint');
    expect(endpoint.source_server_id).toBe(ref(json, PG, 'westus3/PostgresqlServer', 'id'));
    expect(endpoint.replica_server_id).toBe(ref(json, PG, 'westus3/ReadReplica1', 'id'));
    // Created once every replica exists.
    expect(endpoint.depends_on).toEqual(['ReadReplica1', 'ReadReplica2'].map((path) => ref(json, PG, `westus3/${path}`, 'id').replace(/^\$\{(.*)\.id\}$/, '$1')));
    const name = endpoint.name;
    expect(cells).toEqual([{
      homeRegion: 'westus3', databaseName: 'orders', readWriteHost: `${name}.writer.postgres.database.azure.com`, readOnlyHost: `${name}.reader.postgres.database.azure.com`,
      serverHosts: { westus3: ref(json, PG, 'westus3/PostgresqlServer', 'fqdn') }, readPool: [ref(json, PG, 'westus3/ReadReplica1', 'fqdn'), ref(json, PG, 'westus3/ReadReplica2', 'fqdn')],
    }]);
    // Only the home region's stamp reaches the pool.
    expect((servers as { key: string; localOnly?: boolean }[]).map((s) => [s.key, s.localOnly ?? false])).toEqual([['westus3', false], ['westus3-read1', true], ['westus3-read2', true]]);
  });

  test('primarySecondary: the pool sits in the home region beside the cross-region replica, which stays the reader', () => {
    const { json, cells, database } = synthDatabase({ ...two(), engine: pg({ readReplicas: 2 }) });
    const endpoint = resourceAt(json, 'azurerm_postgresql_flexible_server_virtual_endpoint', 'westus3/VirtualEndpoint');
    expect(endpoint.replica_server_id).toBe(ref(json, PG, 'eastus/Replica-westus3', 'id'));
    expect(endpoint.depends_on).toHaveLength(3);
    expect((cells as { replicaRegion: string; readPool: string[] }[])[0]).toMatchObject({ replicaRegion: 'eastus', readPool: [ref(json, PG, 'westus3/ReadReplica1', 'fqdn'), ref(json, PG, 'westus3/ReadReplica2', 'fqdn')] });
    expect(Object.keys(database.postgresqlReplicas.westus3)).toEqual(['eastus']);
    expect(database.postgresqlReadReplicas.westus3.map((r) => r.locationInput)).toEqual(['westus3', 'westus3']);
  });

  test('activeActive: every cell gets its own pool; with the per-region windows of the platform, replicas keep their region\'s hour two days later', () => {
    const db = makeDatabase({
      pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], engine: pg({ readReplicas: 1 }),
      maintenanceWindows: { eastus2: { dayOfWeek: 'Tuesday', startTime: '03:00', durationHours: 1, utcOffset: '+00:00' }, westus3: { dayOfWeek: 'Wednesday', startTime: '03:00', durationHours: 1, utcOffset: '+00:00' } },
    });
    expect(Object.keys(db.postgresqlReadReplicas)).toEqual(['eastus2', 'westus3']);
    expect(db.cells.map((c) => [c.homeRegion, c.readPool?.length])).toEqual([['eastus2', 1], ['westus3', 1]]);
    expect(db.postgresqlServers.westus3.maintenanceWindowInput).toEqual({ dayOfWeek: 3, startHour: 3, startMinute: 0 });
    expect(db.postgresqlReadReplicas.westus3[0].maintenanceWindowInput).toEqual({ dayOfWeek: 5, startHour: 3, startMinute: 0 });
    // Tuesday + 2 + 4 wraps the week: Azure's five replicas never reach the primary's own day.
    const five = makeDatabase({ engine: pg({ readReplicas: 5 }), maintenanceWindows: { westus3: { dayOfWeek: 'Friday', startTime: '03:00', durationHours: 1, utcOffset: '+00:00' } } });
    expect(five.postgresqlReadReplicas.westus3.map((r) => (r.maintenanceWindowInput as { dayOfWeek: number }).dayOfWeek)).toEqual([0, 1, 2, 3, 4]);
  });

  test('a region without zones: the replicas have no zone', () => {
    const db = makeDatabase(mixed(pg({ readReplicas: 2 })));
    expect(db.postgresqlReadReplicas.ukwest.map((r) => r.zoneInput)).toEqual([undefined, undefined]);
    expect(db.postgresqlReadReplicas.westeurope.map((r) => r.zoneInput)).toEqual(['2', '3']);
  });

  test('names: a list per home region, validated; extra names or unknown homes are refused', () => {
    const db = makeDatabase({ engine: pg({ readReplicas: 2 }), names: { postgresqlReadReplicas: { westus3: ['orders-read-a'] } } });
    expect(db.postgresqlReadReplicas.westus3.map((r) => r.nameInput)).toEqual(['orders-read-a', `shop-psql-westus3-read2-${hash('westus3/ReadReplica2')}`]);
    expect(violations({ engine: pg({ readReplicas: 1 }), names: { postgresqlReadReplicas: { westus3: ['a-one', 'a-two'], eastus: ['x-one'] } } })).toEqual([
      ['names.postgresqlReadReplicas.westus3', ['a-one', 'a-two'], '2 name(s) for 1 in-region read replica(s), so the names past the count would be ignored', 'give at most 1 name(s), or raise engine.readReplicas'],
      ['names.postgresqlReadReplicas.eastus', 'eastus', 'no cell is homed in eastus, so the names would be ignored', "key names.postgresqlReadReplicas by the cells' home regions (westus3)"],
    ]);
    expect(violations({ engine: pg({ readReplicas: 1 }), names: { postgresqlReadReplicas: { westus3: ['Not_Valid'] } } })[0][0]).toBe('names.postgresqlReadReplicas.westus3[0]');
    // Names for one cell's pool leave the other cells' generated.
    const aa = makeDatabase({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], engine: pg({ readReplicas: 1 }), names: { postgresqlReadReplicas: { westus3: ['orders-west-read'] } } });
    expect([aa.postgresqlReadReplicas.westus3[0].nameInput, aa.postgresqlReadReplicas.eastus2[0].nameInput]).toEqual(['orders-west-read', `shop-psql-eastus2-read1-${hash('eastus2/ReadReplica1')}`]);
    // Server names are global: two overrides alike are refused, wherever they are given.
    expect(violations({ ...two(), engine: pg({ readReplicas: 1 }), names: { postgresqlServers: { westus3: 'orders-pg' }, postgresqlReplicas: { westus3: { eastus: 'orders-pg' } }, postgresqlReadReplicas: { westus3: ['orders-pg'] } } })).toEqual([
      ['names.postgresqlReplicas.westus3.eastus', 'orders-pg', 'the same name as names.postgresqlServers.westus3 (flexible server names are global)', 'give each resource its own name'],
      ['names.postgresqlReadReplicas.westus3[0]', 'orders-pg', 'the same name as names.postgresqlServers.westus3 (flexible server names are global)', 'give each resource its own name'],
    ]);
    // The virtual endpoint of a cell with in-region replicas only takes a name too.
    expect(makeDatabase({ engine: pg({ readReplicas: 1 }), names: { postgresqlVirtualEndpoints: { westus3: 'orders-ve' } } }).postgresqlVirtualEndpoints.westus3.nameInput).toBe('orders-ve');
  });

  test('limits: an integer 0-5, none on Burstable, and with the cross-region replicas at most five per server', () => {
    expect(violations({ engine: pg({ readReplicas: 6 }) })).toEqual([['engine.readReplicas', 6, 'must be an integer from 0 to 5 (a flexible server has at most 5 read replicas)', expect.any(String)]]);
    expect(violations({ engine: pg({ readReplicas: 1.5 }) })[0][0]).toBe('engine.readReplicas');
    expect(violations({ engine: pg({ readReplicas: -1 }) })[0][0]).toBe('engine.readReplicas');
    expect(violations({ engine: pg({ skuName: 'B_Standard_B2s', highAvailability: 'Disabled', readReplicas: 1 }) })).toEqual([[
      'engine.readReplicas', 1, 'Burstable servers cannot have read replicas', "use a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5', or drop readReplicas",
    ]]);
    expect(violations({ ...two(), engine: pg({ readReplicas: 5 }) })).toEqual([[
      'engine.readReplicas', 5, "primarySecondary keeps 1 cross-region replica(s) of each cell's server, and a flexible server has at most 5 replicas (6 needed)", 'use at most 4 in-region read replicas',
    ]]);
    expect(makeDatabase({ ...two(), engine: pg({ readReplicas: 4 }) }).postgresqlReadReplicas.westus3).toHaveLength(4);
    const three = { pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3', 'centralus'] };
    expect(violations({ ...three, engine: pg({ readReplicas: 4 }) })[0].slice(0, 2)).toEqual(['engine.readReplicas', 4]);
    expect(makeDatabase({ ...three, engine: pg({ readReplicas: 3 }) }).postgresqlReadReplicas.centralus).toHaveLength(3);
    expect(violations({ engine: pg({ readReplicas: '2' } as never) })[0].slice(0, 2)).toEqual(['engine.readReplicas', '2']);
  });

  test('without readReplicas nothing changes: no virtual endpoint, no pool', () => {
    const db = makeDatabase({ engine: pg({ readReplicas: 0 }) });
    expect(db.postgresqlVirtualEndpoints).toEqual({});
    expect(db.postgresqlReadReplicas).toEqual({});
    expect(db.cells[0].readPool).toBeUndefined();
  });
});
