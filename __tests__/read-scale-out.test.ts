import { DatabaseEngine, MultiRegionOrderPlatformProps, RedundancyPattern } from '../lib';
import { EXAMPLES } from '../examples';
import { all, StackJson, synthApp } from './support/synth';

/**
 * Read scale-out on the platform, per pattern: PostgreSQL in-region read replicas (the read pool) and Azure SQL read
 * scale-out, wired into the Order service's ConfigMap; the pool reached only from its own region's stamp; its
 * replication lag alerted; and same-zone high availability for a cell without zones. Each platform is synthesized
 * once.
 */

const ADMIN = { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' };
const pg = (options: Parameters<typeof DatabaseEngine.postgresql>[0]): Partial<MultiRegionOrderPlatformProps> => ({ database: { engine: DatabaseEngine.postgresql(options), administrator: ADMIN } });
const sql = (options: Parameters<typeof DatabaseEngine.sql>[0]): Partial<MultiRegionOrderPlatformProps> => ({ database: { engine: DatabaseEngine.sql(options), administrator: ADMIN } });

/** The Order service's ConfigMap data of a region. */
function orderConfig(stacks: Record<string, StackJson>, id: string, region: string): Record<string, string> {
  return Object.values(all(stacks[`${id}-${region}-apps`], 'kubernetes_config_map_v1')).find((c) => c.metadata.name === 'order-api-config')!.data;
}

/** The data stack's PostgreSQL servers: [region, create_mode, name] of each in-region read replica (a replica in its source's region). */
function inRegionReplicas(data: StackJson): string[] {
  const servers = all(data, 'azurerm_postgresql_flexible_server');
  return Object.entries(servers).filter(([, s]) => s.create_mode === 'Replica' && servers[/\.([A-Za-z0-9_]+)\.id\}$/.exec(s.source_server_id)![1]]?.location === s.location).map(([key]) => key);
}

/** The pool's ConfigMap value: the data stack's replica hosts, comma-separated, as remote-state references. */
const poolOf = (value: string | undefined) => (value ?? '').split(',').map((host) => /ReadReplica\d/.exec(host)?.[0]);

/** The private endpoints of a region's stamp into the data stack's in-region read replicas. */
const poolEndpoints = (stacks: Record<string, StackJson>, id: string, region: string) => Object.keys(all(stacks[`${id}-${region}`], 'azurerm_private_endpoint')).filter((k) => /OrderDbEndpoint-.*-read\d/.test(k));

/** The replication-lag alerts of the observability stack, by their scope's server key. */
const lagAlerts = (stacks: Record<string, StackJson>, id: string) => Object.values(all(stacks[`${id}-observability`], 'azurerm_monitor_metric_alert')).filter((a) => [a.criteria].flat()[0]?.metric_name === 'physical_replication_delay_in_seconds').map((a) => /ReadReplica\d|Replica-[a-z0-9]+/.exec(a.scopes[0])?.[0]).sort();

describe('PostgreSQL read pool and HA modes per pattern', () => {
  let stacks: Record<string, StackJson> = {};
  beforeAll(() => {
    stacks = synthApp((app) => {
      EXAMPLES['zone-redundant'](app, pg({ readReplicas: 2 }));
      EXAMPLES['primary-secondary'](app, pg({ readReplicas: 1 }));
      EXAMPLES['active-passive'](app, pg({ readReplicas: 2 }));
      EXAMPLES['active-active'](app, pg({ readReplicas: 1 }));
      EXAMPLES['region-pinned'](app, {
        ...pg({ readReplicas: 1 }),
        pattern: RedundancyPattern.regionPinned({ residency: { westeurope: 'EU Data Boundary', ukwest: 'United Kingdom' }, allowCellsWithoutZones: true }),
        regions: ['westeurope', 'ukwest'],
        entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } }, geoRouting: { countries: { westeurope: ['DE', 'FR'], ukwest: ['GB'] }, rejectUnmappedCountries: true } },
        observability: { contacts: { emails: ['oncall@contoso.com'] }, availabilityTests: { testLocations: ['emea-nl-ams-azr', 'emea-gb-db3-azr', 'emea-fr-pra-edge', 'emea-ru-msa-edge', 'emea-se-sto-edge'] } },
      });
    });
  });

  test('zoneRedundant: two replicas, the pool in the ConfigMap, endpoints from the stamp, lag alerts on both', () => {
    expect(inRegionReplicas(stacks['zone-redundant-data']).length).toBe(2);
    const config = orderConfig(stacks, 'zone-redundant', 'westus3');
    expect(poolOf(config.ORDER_DB_READ_POOL)).toEqual(['ReadReplica1', 'ReadReplica2']);
    expect(config.ORDER_DB_WRITE_HOST).toMatch(/\.writer\.postgres\.database\.azure\.com$/);
    expect(poolEndpoints(stacks, 'zone-redundant', 'westus3')).toHaveLength(2);
    expect(lagAlerts(stacks, 'zone-redundant')).toEqual(['ReadReplica1', 'ReadReplica2']);
  });

  test.each([['primary-secondary', 'westus3', 'eastus', 1], ['active-passive', 'eastus2', 'centralus', 2]] as const)(
    '%s: the pool in the home region only; the other region reads its cross-region replica and has no endpoint to the pool',
    (id, home, other, n) => {
      expect(inRegionReplicas(stacks[`${id}-data`]).length).toBe(n);
      expect(poolOf(orderConfig(stacks, id, home).ORDER_DB_READ_POOL)).toHaveLength(n);
      expect(orderConfig(stacks, id, other).ORDER_DB_READ_POOL).toBeUndefined();
      expect(poolEndpoints(stacks, id, home)).toHaveLength(n);
      expect(poolEndpoints(stacks, id, other)).toEqual([]);
      expect(lagAlerts(stacks, id)).toEqual([...Array.from({ length: n }, (_, k) => `ReadReplica${k + 1}`), `Replica-${home}`].sort());
    },
  );

  test('activeActive: each region reads its own cell\'s pool and reaches only its own', () => {
    const regions = ['eastus2', 'westus3', 'centralus'];
    expect(inRegionReplicas(stacks['active-active-data']).length).toBe(3);
    for (const region of regions) {
      const pool = orderConfig(stacks, 'active-active', region).ORDER_DB_READ_POOL!;
      expect(pool).toContain(`OrderDatabase_${region}_ReadReplica1`);
      expect(poolEndpoints(stacks, 'active-active', region)).toEqual([expect.stringContaining(`OrderDbEndpoint-${region}-read1`)]);
    }
  });

  test('regionPinned with a cell without zones: same-zone HA there, zone-redundant in the zonal cell; replicas without a zone there', () => {
    const servers = all(stacks['region-pinned-data'], 'azurerm_postgresql_flexible_server');
    const primary = (region: string) => Object.values(servers).find((s) => s.location === region && s.create_mode !== 'Replica');
    expect(primary('ukwest').high_availability).toEqual({ mode: 'SameZone' });
    expect(primary('ukwest').zone).toBeUndefined();
    expect(primary('westeurope').high_availability).toEqual({ mode: 'ZoneRedundant', standby_availability_zone: '2' });
    const replica = (region: string) => Object.values(servers).find((s) => s.location === region && s.create_mode === 'Replica');
    expect(replica('ukwest').zone).toBeUndefined();
    expect(replica('westeurope').zone).toBe('2');
    for (const region of ['westeurope', 'ukwest']) expect(poolOf(orderConfig(stacks, 'region-pinned', region).ORDER_DB_READ_POOL)).toEqual(['ReadReplica1']);
    // The non-zonal cell's AKS pools are not zonal.
    const cluster = Object.values(all(stacks['region-pinned-ukwest'], 'azurerm_kubernetes_cluster'))[0];
    expect(cluster.default_node_pool.zones).toBeUndefined();
  });

  test.each([
    ['zone-redundant', { westus3: 'ZoneRedundant' }],
    ['primary-secondary', { westus3: 'ZoneRedundant' }],
    ['active-passive', { eastus2: 'ZoneRedundant' }],
    ['active-active', { eastus2: 'ZoneRedundant', westus3: 'ZoneRedundant', centralus: 'ZoneRedundant' }],
    ['region-pinned', { westeurope: 'ZoneRedundant', ukwest: 'SameZone' }],
  ] as const)('%s: each primary runs its home region\'s HA mode; no replica runs HA', (id, modes) => {
    const servers = Object.values(all(stacks[`${id}-data`], 'azurerm_postgresql_flexible_server'));
    expect(Object.fromEntries(servers.filter((s) => s.create_mode !== 'Replica').map((s) => [s.location, s.high_availability.mode]))).toEqual(modes);
    expect(servers.filter((s) => s.create_mode === 'Replica').every((s) => s.high_availability === undefined)).toBe(true);
  });

  test('no key of the read pool or intent without the options (the examples as they are)', () => {
    const plain = synthApp((app) => { EXAMPLES['active-passive'](app); });
    for (const region of ['eastus2', 'centralus']) {
      expect(orderConfig(plain, 'active-passive', region).ORDER_DB_READ_POOL).toBeUndefined();
      expect(orderConfig(plain, 'active-passive', region).ORDER_DB_READ_INTENT).toBeUndefined();
    }
    expect(inRegionReplicas(plain['active-passive-data'])).toEqual([]);
  });
});

describe('Azure SQL read scale-out per pattern', () => {
  let stacks: Record<string, StackJson> = {};
  beforeAll(() => {
    stacks = synthApp((app) => {
      EXAMPLES['zone-redundant'](app, sql({ skuName: 'BC_Gen5_2', readScaleOut: true }));
      EXAMPLES['primary-secondary'](app, sql({ skuName: 'BC_Gen5_2', readScaleOut: true }));
      EXAMPLES['active-passive'](app, sql({ skuName: 'BC_Gen5_2', readScaleOut: true }));
      EXAMPLES['active-active'](app, sql({ skuName: 'BC_Gen5_2', readScaleOut: true }));
      EXAMPLES['region-pinned'](app, sql({ skuName: 'BC_Gen5_2', readScaleOut: true }));
    });
  });

  test.each([
    ['zone-redundant', ['westus3'], 1],
    ['primary-secondary', ['westus3', 'eastus'], 2],
    ['active-passive', ['eastus2', 'centralus'], 1],
    ['active-active', ['eastus2', 'westus3', 'centralus'], 9],
    ['region-pinned', ['westeurope', 'eastus2'], 2],
  ] as const)('%s: read_scale on every readable database, ReadOnly intent in every region', (id, regions, readable) => {
    const databases = Object.values(all(stacks[`${id}-data`], 'azurerm_mssql_database'));
    expect(databases.filter((d) => d.read_scale === true)).toHaveLength(readable);
    // Only a Standby (activePassive) copy goes without.
    expect(databases.filter((d) => d.read_scale !== true).map((d) => d.secondary_type)).toEqual(id === 'active-passive' ? ['Standby'] : []);
    for (const region of regions) expect(orderConfig(stacks, id, region).ORDER_DB_READ_INTENT).toBe('ReadOnly');
  });
});
