import { ValidationError } from '../../lib/core/errors';
import { CellTopology, platformIds, readTopology } from '../../lib/insight/topology';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { DatabaseEngine } from '../../lib/database/engine';
import { activeActive } from '../../examples/active-active';
import { exampleStacks } from '../support/examples';
import { synthApp } from '../support/synth';

// The topology each example synthesizes, read back from its JSON alone, and how the reader treats what the examples
// do not have (another role source, fewer zones, Traffic Manager, API Management, a manual failover group).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const stacksOf = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: JSON.parse(JSON.stringify(json)) }));
/** The example's stacks with `edit` applied to every resource of a type. */
function edited(id: string, type: string, edit: (body: Loose, name: string) => void): SynthesizedStack[] {
  const stacks = stacksOf(id);
  let n = 0;
  for (const s of stacks) {
    for (const [name, body] of Object.entries((s.json as Loose).resource?.[type] ?? {})) {
      edit(body, name);
      n++;
    }
  }
  expect(n).toBeGreaterThan(0);
  return stacks;
}

const cell = (home: string, copies: string[], failover: CellTopology['failover'], readable: boolean, target?: string): CellTopology => ({
  home, zoneRedundant: true, copies, ...(target ? { failoverTarget: target } : {}), failover, readableCopies: readable,
});
const GROUP = { kind: 'failoverGroup', mode: 'Automatic', graceMinutes: 60 } as const;
const account = (regions: string[], multiWrite: boolean, automaticFailover: boolean) => ({ regions, zoneRedundant: true, multiWrite, automaticFailover });

describe('readTopology: the examples', () => {
  test('zoneRedundant: one zonal region, a database and an account without copies, one namespace', () => {
    expect(readTopology(stacksOf('zone-redundant'), 'zone-redundant')).toEqual({
      id: 'zone-redundant', pattern: 'zoneRedundant',
      regions: [{ name: 'westus3', role: 'primary', zonal: true, minPods: { 'order-api': 2, 'tracking-api': 2 } }],
      entry: { kind: 'frontDoor' },
      orderDatabase: { engine: 'sql', cells: [cell('westus3', [], { kind: 'none' }, false)] },
      trackingStore: { accounts: [account(['westus3'], false, false)] },
      events: { transport: 'serviceBus', namespaces: [{ region: 'westus3' }] },
    });
  });

  test('primarySecondary: the primary first, a failover group to the secondary whose copy serves reads, a namespace with its standby', () => {
    expect(readTopology(stacksOf('primary-secondary'), 'primary-secondary')).toEqual({
      id: 'primary-secondary', pattern: 'primarySecondary',
      regions: [
        // Blue-green: the live green colour's KEDA minimum (2) and the idle blue colour at the demand model's maximum (20).
        { name: 'westus3', role: 'primary', zonal: true, minPods: { 'order-api': 22, 'tracking-api': 2 } },
        { name: 'eastus', role: 'secondary', zonal: true, minPods: { 'order-api': 22, 'tracking-api': 2 } },
      ],
      entry: { kind: 'frontDoor' },
      orderDatabase: { engine: 'sql', cells: [cell('westus3', ['eastus'], GROUP, true, 'eastus')] },
      trackingStore: { accounts: [account(['westus3', 'eastus'], false, true)] },
      events: { transport: 'serviceBus', namespaces: [{ region: 'westus3', standbyIn: 'eastus' }] },
    });
  });

  test('activePassive: a warm standby, PostgreSQL with a virtual endpoint to its replica, Event Grid topics in both regions', () => {
    expect(readTopology(stacksOf('active-passive'), 'active-passive')).toEqual({
      id: 'active-passive', pattern: 'activePassive',
      regions: [
        { name: 'eastus2', role: 'active', zonal: true, minPods: { 'order-api': 2, 'tracking-api': 10 } },
        { name: 'centralus', role: 'passive', zonal: true, minPods: { 'order-api': 1, 'tracking-api': 1 } },
      ],
      entry: { kind: 'frontDoor' },
      orderDatabase: { engine: 'postgresql', cells: [cell('eastus2', ['centralus'], { kind: 'virtualEndpoint' }, false, 'centralus')] },
      trackingStore: { accounts: [account(['eastus2', 'centralus'], false, true)] },
      events: { transport: 'eventGrid', namespaces: [{ region: 'centralus' }, { region: 'eastus2' }] },
    });
  });

  test('activeActive: three cells in a failover-group ring, multi-region writes, a namespace per region with its standby', () => {
    expect(readTopology(stacksOf('active-active'), 'active-active')).toEqual({
      id: 'active-active', pattern: 'activeActive',
      // The demand model's off-peak minimum: 3 Order pods in the two 40 % regions, 2 in centralus (20 %).
      regions: ['westus3', 'centralus', 'eastus2'].map((name) => ({ name, role: 'active', zonal: true, minPods: { 'order-api': name === 'centralus' ? 2 : 3, 'tracking-api': 2 } })),
      entry: { kind: 'frontDoor' },
      orderDatabase: {
        engine: 'sql',
        cells: [
          cell('centralus', ['eastus2', 'westus3'], GROUP, true, 'eastus2'),
          cell('eastus2', ['westus3', 'centralus'], GROUP, true, 'westus3'),
          cell('westus3', ['eastus2', 'centralus'], GROUP, true, 'eastus2'),
        ],
      },
      trackingStore: { accounts: [account(['westus3', 'eastus2', 'centralus'], true, false)] },
      events: { transport: 'serviceBus', namespaces: [{ region: 'centralus', standbyIn: 'eastus2' }, { region: 'eastus2', standbyIn: 'westus3' }, { region: 'westus3', standbyIn: 'eastus2' }] },
    });
  });

  test('regionPinned: two cells with nothing shared, the home cell first', () => {
    expect(readTopology(stacksOf('region-pinned'), 'region-pinned')).toEqual({
      id: 'region-pinned', pattern: 'regionPinned',
      regions: ['westeurope', 'eastus2'].map((name) => ({ name, role: 'cell', zonal: true, minPods: { 'order-api': 2, 'tracking-api': 2 } })),
      entry: { kind: 'frontDoor' },
      orderDatabase: { engine: 'postgresql', cells: [cell('eastus2', [], { kind: 'none' }, false), cell('westeurope', [], { kind: 'none' }, false)] },
      trackingStore: { accounts: [account(['eastus2'], false, false), account(['westeurope'], false, false)] },
      events: { transport: 'serviceBus', namespaces: [{ region: 'eastus2' }, { region: 'westeurope' }] },
    });
  });
});

describe('readTopology: what the examples do not show', () => {
  test('several platforms: platformIds lists them sorted, each reads only its own; an unknown id names the known ones', () => {
    const both = [...stacksOf('zone-redundant'), ...stacksOf('primary-secondary')];
    expect(platformIds(both)).toEqual(['primary-secondary', 'zone-redundant']);
    expect(readTopology(both, 'zone-redundant')).toEqual(readTopology(stacksOf('zone-redundant'), 'zone-redundant'));
    expect(readTopology(both, 'primary-secondary')).toEqual(readTopology(stacksOf('primary-secondary'), 'primary-secondary'));
    expect(() => readTopology(both, 'nope')).toThrow(ValidationError);
    expect(() => readTopology(both, 'nope')).toThrow('no cluster tagged platform=nope in the stacks');
    expect(() => readTopology(both, 'nope')).toThrow('pass a platform of the stacks (primary-secondary, zone-redundant)');
    expect(() => readTopology([], 'nope')).toThrow('pass a platform of the stacks (none)');
  });

  test('all five platforms in one app, stacks, resources and Cosmos locations in reverse order: each reads as it does alone', () => {
    const ids = ['zone-redundant', 'primary-secondary', 'active-passive', 'active-active', 'region-pinned'];
    const reversed = ids.flatMap(stacksOf).reverse().map((s) => {
      const json = s.json as Loose;
      for (const [type, resources] of Object.entries(json.resource ?? {}) as [string, Loose][]) {
        json.resource[type] = Object.fromEntries(Object.entries(resources).reverse());
        for (const r of Object.values(json.resource[type]) as Loose[]) if (type === 'azurerm_cosmosdb_account') r.geo_location = [...r.geo_location].reverse();
      }
      return s;
    });
    expect(platformIds(reversed)).toEqual([...ids].sort());
    for (const id of ids) expect([id, readTopology(reversed, id)]).toEqual([id, readTopology(stacksOf(id), id)]);
  });

  test('a cluster without a platform tag names no platform', () => {
    const untagged = edited('zone-redundant', 'azurerm_kubernetes_cluster', (b) => { delete b.tags.platform; });
    expect(platformIds([...untagged, ...stacksOf('active-passive')])).toStrictEqual(['active-passive']);
  });

  test('without an observability or global-entry resource group the regions are in name order; a cluster\'s role tag wins over its group\'s', () => {
    const stacks = stacksOf('primary-secondary');
    for (const s of stacks) {
      const groups = (s.json as Loose).resource?.azurerm_resource_group ?? {};
      for (const [name, g] of Object.entries(groups) as [string, Loose][]) if (['observability', 'global-entry'].includes(g.tags?.component)) delete groups[name];
    }
    expect(readTopology(stacks, 'primary-secondary').regions.map((r) => r.name)).toEqual(['eastus', 'westus3']);
    const retagged = edited('primary-secondary', 'azurerm_kubernetes_cluster', (b) => { b.tags['region-role'] = 'standby'; });
    expect(readTopology(retagged, 'primary-secondary').regions.map((r) => r.role)).toEqual(['standby', 'standby']);
  });

  test('two zones are zonal, for a cluster and for API Management', () => {
    const two = edited('zone-redundant', 'azurerm_kubernetes_cluster', (b) => { b.default_node_pool.zones = ['1', '2']; });
    expect(readTopology(two, 'zone-redundant').regions[0].zonal).toBe(true);
    const json = two.find((s) => (s.json as Loose).resource?.azurerm_cdn_frontdoor_profile)!.json as Loose;
    json.resource.azurerm_api_management = { Apim: { location: 'westus3', zones: ['1', '2'], tags: { platform: 'zone-redundant' } } };
    expect(readTopology(two, 'zone-redundant').entry.apiManagement).toEqual({ regions: ['westus3'], zonal: true });
  });

  test('a Deployment without an app label is not a service', () => {
    let first = true;
    const unlabelled = edited('zone-redundant', 'kubernetes_deployment_v1', (b) => { if (first) delete b.spec.template.metadata.labels.app; first = false; });
    expect(Object.keys(readTopology(unlabelled, 'zone-redundant').regions[0].minPods)).toHaveLength(1);
  });

  test('a SQL database on a server the stacks do not hold is no cell; an account in an unknown region is not judged for zones', () => {
    const adopted = edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.server_id = '/subscriptions/0000/servers/adopted'; });
    expect(readTopology(adopted, 'zone-redundant').orderDatabase).toEqual({ engine: 'sql', cells: [] });
    const unknown = edited('zone-redundant', 'azurerm_cosmosdb_account', (b) => { b.geo_location[0].location = 'nowhere'; b.geo_location[0].zone_redundant = false; });
    expect(readTopology(unknown, 'zone-redundant').trackingStore!.accounts[0]).toMatchObject({ regions: ['nowhere'], zoneRedundant: true });
  });

  test('PostgreSQL copies: a replica counts without a virtual endpoint, and the endpoint\'s target counts without being a replica of the cell', () => {
    const noEndpoint = stacksOf('active-passive').map((s) => { delete (s.json as Loose).resource?.azurerm_postgresql_flexible_server_virtual_endpoint; return s; });
    expect(readTopology(noEndpoint, 'active-passive').orderDatabase!.cells).toEqual([cell('eastus2', ['centralus'], { kind: 'none' }, false)]);
    const detached = edited('active-passive', 'azurerm_postgresql_flexible_server', (b) => { if (b.create_mode === 'Replica') b.source_server_id = '/subscriptions/0000/servers/elsewhere'; });
    expect(readTopology(detached, 'active-passive').orderDatabase!.cells).toEqual([cell('eastus2', ['centralus'], { kind: 'virtualEndpoint' }, false, 'centralus')]);
    const notReplica = edited('active-passive', 'azurerm_postgresql_flexible_server', (b) => { if (b.create_mode === 'Replica') b.create_mode = 'Default'; });
    expect(readTopology(notReplica, 'active-passive').orderDatabase!.cells.map((c) => [c.home, c.copies])).toEqual([['centralus', []], ['eastus2', ['centralus']]]);
  });

  test('activeActive on PostgreSQL: each cell counts only its own replicas, its virtual endpoint\'s target first', () => {
    const stacks = synthApp((app) => { activeActive(app, { database: { engine: DatabaseEngine.postgresql({ version: '16', skuName: 'GP_Standard_D4ds_v5' }), administrator: { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' } } }); });
    const read = readTopology(Object.entries(stacks).map(([name, json]) => ({ name, json: json as Loose })), 'active-active');
    expect(read.orderDatabase).toEqual({
      engine: 'postgresql',
      cells: [
        cell('centralus', ['eastus2', 'westus3'], { kind: 'virtualEndpoint' }, true, 'eastus2'),
        cell('eastus2', ['westus3', 'centralus'], { kind: 'virtualEndpoint' }, true, 'westus3'),
        cell('westus3', ['eastus2', 'centralus'], { kind: 'virtualEndpoint' }, true, 'eastus2'),
      ],
    });
  });

  test('another platform\'s Event Grid topics are not this one\'s', () => {
    const stacks = stacksOf('active-passive');
    const json = stacks.find((s) => (s.json as Loose).resource?.azurerm_eventgrid_topic)!.json as Loose;
    for (const [name, t] of Object.entries(json.resource.azurerm_eventgrid_topic) as [string, Loose][]) json.resource.azurerm_eventgrid_topic[`${name}Other`] = { ...t, location: 'westeurope', tags: { ...t.tags, platform: 'other' } };
    expect(readTopology(stacks, 'active-passive').events).toEqual({ transport: 'eventGrid', namespaces: [{ region: 'centralus' }, { region: 'eastus2' }] });
  });

  test('a region\'s role from its resource group when the cluster has no role tag, unknown without either; one zone is not zonal', () => {
    const untagged = edited('primary-secondary', 'azurerm_kubernetes_cluster', (b) => { delete b.tags['region-role']; b.default_node_pool.zones = ['1']; });
    expect(readTopology(untagged, 'primary-secondary').regions.map((r) => `${r.name} ${r.role} ${r.zonal}`)).toEqual(['westus3 primary false', 'eastus secondary false']);
    for (const s of untagged) for (const g of Object.values((s.json as Loose).resource?.azurerm_resource_group ?? {}) as Loose[]) delete g.tags?.['region-role'];
    expect(readTopology(untagged, 'primary-secondary').regions.map((r) => r.role)).toEqual(['unknown', 'unknown']);
  });

  test('minimum pods: the HPA that targets a Deployment sets them; without one, the Deployment\'s replicas', () => {
    const noHpa = stacksOf('zone-redundant').map((s) => {
      const json = s.json as Loose;
      if (json.resource?.kubernetes_horizontal_pod_autoscaler_v2) delete json.resource.kubernetes_horizontal_pod_autoscaler_v2;
      return s;
    });
    const replicas = (Object.values(exampleStacks('zone-redundant')) as Loose[]).flatMap((j) => Object.values(j.resource?.kubernetes_deployment_v1 ?? {}) as Loose[])
      .filter((d) => d.spec.template.metadata.labels.app === 'order-api').reduce((n, d) => n + Number(d.spec.replicas ?? 0), 0);
    expect(readTopology(noHpa, 'zone-redundant').regions[0].minPods['order-api']).toBe(replicas);
    const raised = edited('zone-redundant', 'kubernetes_horizontal_pod_autoscaler_v2', (b) => { b.spec.min_replicas = 7; });
    expect(readTopology(raised, 'zone-redundant').regions[0].minPods).toEqual({ 'order-api': 7, 'tracking-api': 7 });
  });

  test('the entry: Traffic Manager, none, and API Management with its gateway regions and zones', () => {
    const stacks = stacksOf('zone-redundant');
    const json = stacks.find((s) => (s.json as Loose).resource?.azurerm_cdn_frontdoor_profile)!.json as Loose;
    const [name, profile] = Object.entries(json.resource.azurerm_cdn_frontdoor_profile)[0] as [string, Loose];
    delete json.resource.azurerm_cdn_frontdoor_profile[name];
    expect(readTopology(stacks, 'zone-redundant').entry).toEqual({ kind: 'none' });
    json.resource.azurerm_traffic_manager_profile = { Tm: { name: 'tm', tags: profile.tags } };
    json.resource.azurerm_api_management = { Apim: { location: 'westus3', additional_location: [{ location: 'eastus' }], zones: ['1', '2', '3'], tags: profile.tags } };
    expect(readTopology(stacks, 'zone-redundant').entry).toEqual({ kind: 'trafficManager', apiManagement: { regions: ['westus3', 'eastus'], zonal: true } });
    json.resource.azurerm_api_management.Apim.zones = ['1'];
    expect(readTopology(stacks, 'zone-redundant').entry.apiManagement).toEqual({ regions: ['westus3', 'eastus'], zonal: false });
  });

  test('a manual failover group has no grace period; a database that is not zone-redundant; an account in a region without zones counts as zone-redundant', () => {
    const manual = edited('primary-secondary', 'azurerm_mssql_failover_group', (b) => { b.read_write_endpoint_failover_policy = [{ mode: 'Manual' }]; });
    expect(readTopology(manual, 'primary-secondary').orderDatabase!.cells[0].failover).toEqual({ kind: 'failoverGroup', mode: 'Manual' });
    const lrs = edited('zone-redundant', 'azurerm_mssql_database', (b) => { b.zone_redundant = false; });
    expect(readTopology(lrs, 'zone-redundant').orderDatabase!.cells[0].zoneRedundant).toBe(false);
    const noZones = edited('primary-secondary', 'azurerm_cosmosdb_account', (b) => { b.geo_location[1].zone_redundant = false; });
    expect(readTopology(noZones, 'primary-secondary').trackingStore!.accounts[0].zoneRedundant).toBe(false);
    const northCentral = edited('primary-secondary', 'azurerm_cosmosdb_account', (b) => { b.geo_location[1].zone_redundant = false; b.geo_location[1].location = 'northcentralus'; });
    expect(readTopology(northCentral, 'primary-secondary').trackingStore!.accounts[0]).toMatchObject({ regions: ['westus3', 'northcentralus'], zoneRedundant: true });
  });

  test('PostgreSQL without HA is not zone-redundant; a platform without a database, tracking store or event bus has none', () => {
    const noHa = edited('active-passive', 'azurerm_postgresql_flexible_server', (b) => { delete b.high_availability; });
    expect(readTopology(noHa, 'active-passive').orderDatabase!.cells[0].zoneRedundant).toBe(false);
    const bare = stacksOf('active-passive').map((s) => {
      const json = s.json as Loose;
      for (const t of ['azurerm_postgresql_flexible_server', 'azurerm_cosmosdb_account', 'azurerm_eventgrid_topic']) delete json.resource?.[t];
      return s;
    });
    const t = readTopology(bare, 'active-passive');
    expect([t.orderDatabase, t.trackingStore, t.events]).toEqual([undefined, undefined, undefined]);
  });
});
