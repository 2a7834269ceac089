import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { DatabaseEngine } from '../../lib/database/engine';
import { RedundancyPattern } from '../../lib/core/pattern';
import { diagramMermaid } from '../../lib/insight/diagram';
import { runbookMarkdown } from '../../lib/insight/runbook';
import { ValidationError } from '../../lib/core/errors';
import { availabilityMarkdown, availabilityReport, percent } from '../../lib/insight/availability';
import { RECOVERY, SLA } from '../../lib/insight/figures';
import { Capability, OutageReport, ServiceState, simulateOutage } from '../../lib/insight/outage';
import { platformIds, PlatformTopology, readTopology } from '../../lib/insight/topology';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { EXAMPLES } from '../../examples';
import { exampleStacks } from '../support/examples';

// The topology each example synthesizes, the source notes' failure scenarios replayed on every pattern (zone loss,
// primary loss: writes resume after failover and reads continue; secondary loss: the primary is unaffected; failback),
// and the availability report's arithmetic.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const stacksOf = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose }));
const topologyOf = (id: string): PlatformTopology => readTopology(stacksOf(id), id);
/** capability -> "immediately>afterFailover" states. */
const states = (r: OutageReport): { [c in Capability]: string } => Object.fromEntries(r.capabilities.map((c) => [c.capability, `${c.immediately.state}>${c.afterFailover.state}`])) as { [c in Capability]: string };
const outcome = (r: OutageReport, c: Capability) => r.capabilities.find((x) => x.capability === c)!;

describe('readTopology', () => {
  test('each example: regions with roles (primary first), zones, serving pods, the database cells, the tracking store and the bus', () => {
    expect(topologyOf('zone-redundant')).toMatchObject({
      id: 'zone-redundant', pattern: 'zoneRedundant', regions: [{ name: 'westus3', role: 'primary', zonal: true, minPods: { 'order-api': 2, 'tracking-api': 2 } }], entry: { kind: 'frontDoor' },
      orderDatabase: { engine: 'sql', cells: [{ home: 'westus3', zoneRedundant: true, copies: [], failover: { kind: 'none' } }] },
      trackingStore: { accounts: [{ regions: ['westus3'], zoneRedundant: true, multiWrite: false }] }, events: { transport: 'serviceBus', namespaces: [{ region: 'westus3' }] },
    });
    expect(topologyOf('primary-secondary')).toMatchObject({
      regions: [{ name: 'westus3', role: 'primary' }, { name: 'eastus', role: 'secondary' }],
      orderDatabase: { engine: 'sql', cells: [{ home: 'westus3', copies: ['eastus'], failover: { kind: 'failoverGroup', mode: 'Automatic', graceMinutes: 60 }, readableCopies: true }] },
      trackingStore: { accounts: [{ regions: ['westus3', 'eastus'], multiWrite: false, automaticFailover: true }] },
      events: { transport: 'serviceBus', namespaces: [{ region: 'westus3', standbyIn: 'eastus' }] },
    });
    expect(topologyOf('active-passive')).toMatchObject({
      regions: [{ name: 'eastus2', role: 'active' }, { name: 'centralus', role: 'passive', minPods: { 'order-api': 1 } }],
      orderDatabase: { engine: 'postgresql', cells: [{ home: 'eastus2', copies: ['centralus'], failover: { kind: 'virtualEndpoint' }, readableCopies: false }] },
      events: { transport: 'eventGrid' },
    });
    const aa = topologyOf('active-active');
    expect(aa.regions.map((r) => r.name)).toEqual(['westus3', 'centralus', 'eastus2']);
    expect(aa.orderDatabase!.cells.map((c) => `${c.home}:${c.copies.join('+')}`).sort()).toEqual(['centralus:eastus2+westus3', 'eastus2:westus3+centralus', 'westus3:eastus2+centralus']);
    expect(aa.trackingStore!.accounts[0]).toMatchObject({ multiWrite: true, regions: ['westus3', 'eastus2', 'centralus'] });
    expect(topologyOf('region-pinned')).toMatchObject({ regions: [{ name: 'westeurope', role: 'cell' }, { name: 'eastus2', role: 'cell' }], orderDatabase: { cells: [{ copies: [], failover: { kind: 'none' } }, { copies: [], failover: { kind: 'none' } }] } });
  });

  test('platformIds lists the platforms of a folder; an unknown id is a ValidationError naming the known ones', () => {
    const both = [...stacksOf('zone-redundant'), ...stacksOf('region-pinned')];
    expect(platformIds(both)).toEqual(['region-pinned', 'zone-redundant']);
    expect(() => readTopology(both, 'nope')).toThrow(/readTopology: invalid id "nope": no cluster tagged platform=nope in the stacks\. Fix: pass a platform of the stacks \(region-pinned, zone-redundant\)/);
  });

  test('MultiRegionOrderPlatform.topology() reads the same topology before synth as the synthesized stacks give', () => {
    const platform = EXAMPLES['active-passive'](new App({ outdir: '/tmp/unused-topology' }));
    expect(platform.topology()).toEqual(topologyOf('active-passive'));
  });
});

describe('simulateOutage: the source notes\' scenarios on every pattern', () => {
  test.each(['zone-redundant', 'primary-secondary', 'active-passive', 'active-active', 'region-pinned'])('%s: losing a zone of the primary loses nothing once pods are rescheduled', (id) => {
    const t = topologyOf(id);
    const r = simulateOutage(t, { region: t.regions[0].name, zone: '2' });
    for (const c of r.capabilities) {
      expect(c.afterFailover.state).toBe('up');
      expect(c.immediately.state).not.toBe('down');
      expect(c.rpo ?? 'none (synchronous standby)').toBe('none (synchronous standby)');
    }
    expect(outcome(r, 'placeOrder').immediately.reason).toContain(`pods in zone 2 of ${t.regions[0].name} restart in the other zones`);
    expect(r.failback).toEqual(['Nothing to fail back: zone-redundant resources rebalance when the zone returns.']);
  });

  test('zoneRedundant: losing the region is losing everything until it returns', () => {
    const r = simulateOutage(topologyOf('zone-redundant'), { region: 'westus3' });
    expect(states(r)).toEqual({ placeOrder: 'down>down', readOrder: 'down>down', trackDelivery: 'down>down', deliverEvents: 'down>down' });
    expect(outcome(r, 'placeOrder').rto).toBe('until the region recovers');
  });

  test('primarySecondary, primary lost: writes resume once an operator forces the failover (Azure\'s own is not to be waited on), reads continue from the readable secondary', () => {
    const r = simulateOutage(topologyOf('primary-secondary'), { region: 'westus3' });
    expect(r.role).toBe('primary');
    expect(states(r)).toEqual({ placeOrder: 'down>up', readOrder: 'degraded>up', trackDelivery: 'degraded>up', deliverEvents: 'down>degraded' });
    expect(outcome(r, 'placeOrder')).toMatchObject({
      rto: 'about 1-2 min to take an origin out; until an operator forces the failover (runbook.md), then the listener\'s DNS TTL 30 s; Azure\'s own failover comes only for a declared regional outage, not before the 60 min grace period, and is not guaranteed',
      rpo: '5 s (geo-replication lag) for a forced failover; unknown for a Microsoft-initiated one',
    });
    expect(outcome(r, 'placeOrder').actions).toContain('operator: force the failover to eastus (runbook.md); Azure may do it after the grace period, but do not wait on it');
    expect(outcome(r, 'readOrder').immediately.reason).toContain('reads continue from the readable copy in eastus');
    expect(outcome(r, 'trackDelivery')).toMatchObject({ rpo: 'below 15 min' });
    expect(outcome(r, 'deliverEvents').actions).toContain('operator: fail the alias over to eastus (runbook.md)');
    expect(r.failback.join('\n')).toMatch(/Azure SQL: once westus3 is back it rejoins as the secondary; fail the group back with a planned failover \(no data loss\)/);
    expect(r.failback.join('\n')).toMatch(/Service Bus: the alias now points at the standby; drain the old westus3 namespace's messages, then re-pair with an empty namespace/);
  });

  test('primarySecondary, secondary lost: the primary is unaffected (nothing goes down; after the probes everything is up)', () => {
    const r = simulateOutage(topologyOf('primary-secondary'), { region: 'eastus' });
    expect(states(r)).toEqual({ placeOrder: 'degraded>up', readOrder: 'degraded>up', trackDelivery: 'degraded>up', deliverEvents: 'degraded>up' });
    for (const c of r.capabilities) expect(c.rpo).toBeUndefined();
    expect(outcome(r, 'placeOrder').afterFailover.reason).toContain('it has no copy in eastus until the region returns');
    expect(outcome(r, 'deliverEvents').actions).toEqual(['automatic: the entry\'s health probes take the lost origins out', 'operator: re-pair the alias once the region returns (runbook.md)']);
  });

  test('activePassive, active lost: writes and reads wait for the replica\'s promotion (RPO 5 min); the warm standby serves from 1 pod and scales out', () => {
    const r = simulateOutage(topologyOf('active-passive'), { region: 'eastus2' });
    expect(states(r)).toEqual({ placeOrder: 'down>degraded', readOrder: 'down>degraded', trackDelivery: 'degraded>degraded', deliverEvents: 'degraded>degraded' });
    expect(outcome(r, 'placeOrder')).toMatchObject({ rpo: 'at most 5 min (asynchronous)', rto: expect.stringContaining('until an operator promotes the replica') });
    expect(outcome(r, 'placeOrder').afterFailover.reason).toBe('order-api in centralus starts from 1 pod(s) and scales out on load');
    expect(r.failback.join('\n')).toMatch(/PostgreSQL: the promoted server is now the writer; once eastus2 is back, make sure a replica runs there again/);
    expect(r.failback.join('\n')).toMatch(/Workloads: set workloads.standbyActive back to false/);
  });

  test('activePassive, passive lost: the active region is unaffected; only events the passive topic held are at risk', () => {
    const r = simulateOutage(topologyOf('active-passive'), { region: 'centralus' });
    expect(states(r)).toEqual({ placeOrder: 'degraded>up', readOrder: 'degraded>up', trackDelivery: 'degraded>up', deliverEvents: 'degraded>degraded' });
    expect(outcome(r, 'deliverEvents').afterFailover.reason).toContain('events the centralus topic accepted but has not delivered may be delayed or lost with the region; the topics in eastus2 deliver');
  });

  test('activeActive, a region lost: only its cell\'s writes wait for the failover group; reads and the other cells continue', () => {
    const r = simulateOutage(topologyOf('active-active'), { region: 'centralus' });
    expect(states(r)).toEqual({ placeOrder: 'degraded>up', readOrder: 'degraded>up', trackDelivery: 'degraded>up', deliverEvents: 'degraded>degraded' });
    expect(outcome(r, 'placeOrder').immediately.reason).toContain('orders of the centralus cell: the centralus SQL database is lost until the failover group fails over');
    expect(outcome(r, 'trackDelivery').afterFailover.reason).toContain('Cosmos DB serves from westus3, eastus2');
  });

  test('regionPinned, a cell lost: its users wait for the region (no cross-cell fallback); the other cell is unaffected', () => {
    const r = simulateOutage(topologyOf('region-pinned'), { region: 'westeurope' });
    expect(states(r)).toEqual({ placeOrder: 'degraded>degraded', readOrder: 'degraded>degraded', trackDelivery: 'degraded>degraded', deliverEvents: 'degraded>degraded' });
    expect(outcome(r, 'placeOrder').afterFailover.reason).toContain('users of the westeurope cell are not served (no cross-cell fallback)');
    expect(outcome(r, 'placeOrder').rto).toBe('until the region recovers');
  });

  test('a pilot-light standby serves nothing until it is made active', () => {
    const t = topologyOf('active-passive');
    const pilot: PlatformTopology = { ...t, regions: t.regions.map((r) => (r.role === 'passive' ? { ...r, minPods: { 'order-api': 0, 'tracking-api': 0 } } : r)) };
    const r = simulateOutage(pilot, { region: 'eastus2' });
    expect(outcome(r, 'placeOrder').immediately).toEqual({ state: 'down', reason: expect.stringContaining('order-api has no pods outside eastus2 (pilot light)') });
    expect(outcome(r, 'placeOrder').actions).toContain('operator: make the standby active (workloads.standbyActive: true) and deploy the apps stacks');
  });

  test('behind Traffic Manager the lost region drops out by its endpoint monitor and the DNS TTL', () => {
    const t = topologyOf('primary-secondary');
    const r = simulateOutage({ ...t, entry: { kind: 'trafficManager' } }, { region: 'eastus' });
    expect(outcome(r, 'readOrder').immediately.reason).toBe('DNS answers pointing at eastus fail until Traffic Manager marks its endpoints degraded and cached answers expire');
    expect(outcome(r, 'readOrder').rto).toBe('Traffic Manager: probing interval x tolerated failures, plus the DNS TTL');
    expect(r.failback).toContain('Traffic Manager: eastus\'s endpoints return by themselves once their monitor succeeds.');
  });

  test('a tracking store without automatic failover waits for an operator\'s forced failover when its write region is lost', () => {
    const t = topologyOf('primary-secondary');
    const manual: PlatformTopology = { ...t, trackingStore: { accounts: t.trackingStore!.accounts.map((a) => ({ ...a, automaticFailover: false })) } };
    const c = outcome(simulateOutage(manual, { region: 'westus3' }), 'trackDelivery');
    expect(c.rto).toContain('until an operator performs a forced failover (runbook.md; a write-region change does not succeed during an outage)');
    expect(c.actions).toContain('operator: force a failover to eastus (runbook.md)');
  });

  test('a region or zone that is not the platform\'s is a ValidationError', () => {
    expect(() => simulateOutage(topologyOf('zone-redundant'), { region: 'eastus' })).toThrow(ValidationError);
    expect(() => simulateOutage(topologyOf('zone-redundant'), { region: 'eastus' })).toThrow(/outage\.region "eastus": not a region of platform zone-redundant\. Fix: use one of westus3/);
    expect(() => simulateOutage(topologyOf('zone-redundant'), { region: 'westus3', zone: '4' })).toThrow(/outage\.zone "4": not an availability zone/);
  });

  test('a platform can be passed directly (its topology() is read)', () => {
    const platform = EXAMPLES['zone-redundant'](new App({ outdir: '/tmp/unused-topology' }));
    expect(states(simulateOutage(platform, { region: 'westus3' })).placeOrder).toBe('down>down');
  });
});

describe('availabilityReport', () => {
  const ps = availabilityReport(topologyOf('primary-secondary'));

  test('composite availability: series multiply, parallel regions and copies combine; every formula shows its figures', () => {
    const place = ps.flows.find((f) => f.capability === 'placeOrder')!;
    const aks = 1 - (1 - 0.9995) ** 2;
    const sql = 1 - (1 - 0.99995) ** 2;
    expect(place.availability).toBeCloseTo(0.9999 * aks * sql, 12);
    expect(place.formula).toBe(`Front Door 99.99% × parallel(AKS westus3 99.95%, AKS eastus 99.95%) × parallel(SQL westus3 99.995%, SQL eastus 99.995%) = ${percent(place.availability)}`);
    expect(place.monthlyDowntimeMinutes).toBeCloseTo((1 - place.availability) * 43200, 0);
    const events = ps.flows.find((f) => f.capability === 'deliverEvents')!;
    expect(events.formula).toMatch(/^parallel\(Service Bus westus3 99\.9%, Service Bus eastus 99\.9%\) × parallel\(AKS westus3 99\.95%, AKS eastus 99\.95%\) × Cosmos DB \(westus3, eastus\) 99\.999% = /);
    const zr = availabilityReport(topologyOf('zone-redundant')).flows.find((f) => f.capability === 'placeOrder')!;
    expect(zr.availability).toBeCloseTo(0.9999 * 0.9995 * 0.99995, 12);
    const ap = availabilityReport(topologyOf('active-passive')).flows.find((f) => f.capability === 'placeOrder')!;
    expect(ap.formula).toContain('parallel(PostgreSQL eastus2 99.99%, PostgreSQL centralus 99.9%)');
  });

  test('percent shows the first digit past the nines and never rounds up into another nine', () => {
    expect(percent(0.9999)).toBe('99.99%');
    expect(percent(0.999891)).toBe('99.989%');
    expect(percent(0.99989999)).toBe('99.989%');
    expect(percent(0.9999891)).toBe('99.9989%');
    expect(percent(0.5)).toBe('50.00%');
  });

  test('scenarios: a zone of the primary, the primary region, the secondary region', () => {
    expect(ps.scenarios.map((s) => s.scenario)).toEqual(['zone loss (zone 1 of westus3)', 'primary region loss (westus3)', 'secondary region loss (eastus)']);
    expect(availabilityReport(topologyOf('zone-redundant')).scenarios.map((s) => s.scenario)).toEqual(['zone loss (zone 1 of westus3)', 'primary region loss (westus3)']);
  });

  test('the Markdown: the composite table, a table per scenario with RTO and RPO, failback, assumptions and every figure with its source', () => {
    const md = availabilityMarkdown(ps);
    expect(md).toMatch(/^# Availability report: primary-secondary\n\nPattern `primarySecondary`; regions westus3 \(primary\), eastus \(secondary\)\.\n/);
    expect(md).toContain('| place an order (Order service writes) | 99.989% | 4.3 min | Front Door 99.99% × parallel(');
    expect(md).toContain('## Primary region loss (westus3)\n\n| capability | right away | after failover | RTO | RPO |');
    expect(md).toContain('| place an order (Order service writes) | **down**: the westus3 SQL database is lost until the failover group fails over | up: ');
    expect(md).toContain('Failback:\n\n- Azure SQL: once westus3 is back');
    for (const figure of [SLA.frontDoor, SLA.aksZonal, SLA.sqlZoneRedundant, SLA.cosmosMultiRegion, SLA.serviceBusPremium, RECOVERY.sqlFailoverGroupRto]) expect(md).toContain(`| ${figure.item} | ${figure.text} | ${figure.source} |`);
    expect(md).not.toContain(`| ${SLA.postgresqlNoHa.item} |`);
    expect(md).toMatch(/## Assumptions\n\n- Availability multiplies the monthly SLAs/);
  });

  test.each<[ServiceState, string]>([['down', '**down**'], ['degraded', 'degraded'], ['up', 'up']])('a %s state reads %s', (state, text) => {
    const md = availabilityMarkdown(availabilityReport(topologyOf('zone-redundant')));
    if (state === 'down') expect(md).toContain(`| ${text}: order-api runs only in westus3`);
    else expect(md).toContain(`| ${text}: `);
  });
});

describe('simulateOutage: the entry and compute cases the examples do not have', () => {
  const ps = topologyOf('primary-secondary');
  const entryOf = (r: OutageReport) => outcome(r, 'placeOrder').immediately;

  test('Traffic Manager: global, and its DNS-based detection is the reason and the RTO of a lost region', () => {
    const tm: PlatformTopology = { ...ps, entry: { kind: 'trafficManager' } };
    const r = simulateOutage(tm, { region: 'westus3' });
    expect(outcome(r, 'trackDelivery').immediately.state).toBe('degraded');
    expect(outcome(r, 'trackDelivery').immediately.reason).toMatch(/^DNS answers pointing at westus3 fail until Traffic Manager marks its endpoints degraded and cached answers expire; /);
    expect(outcome(r, 'trackDelivery').rto).toContain('Traffic Manager: probing interval x tolerated failures, plus the DNS TTL');
    expect(simulateOutage(tm, { region: 'westus3', zone: '1' }).capabilities.map((c) => c.immediately.reason).join(' ')).not.toContain('Front Door');
    expect(simulateOutage(ps, { region: 'eastus', zone: '1' }).capabilities[0].afterFailover.reason).toContain('Front Door is global');
    expect(simulateOutage(tm, { region: 'eastus', zone: '1' }).capabilities[0].afterFailover.reason).toContain('Traffic Manager is global');
  });

  test('API Management: gateways in one region fail with it, or with a zone when they have none; elsewhere they keep serving', () => {
    const one: PlatformTopology = { ...ps, entry: { kind: 'frontDoor', apiManagement: { regions: ['westus3'], zonal: false } } };
    expect(entryOf(simulateOutage(one, { region: 'westus3' })).state).toBe('down');
    expect(entryOf(simulateOutage(one, { region: 'westus3' })).reason).toMatch(/^API Management has gateways only in westus3; /);
    expect(outcome(simulateOutage(one, { region: 'westus3' }), 'trackDelivery').afterFailover).toEqual({ state: 'down', reason: 'API Management has gateways only in westus3' });
    expect(outcome(simulateOutage(one, { region: 'westus3' }), 'placeOrder').actions).toContain('wait for the region; API Management has no gateway elsewhere');
    expect(entryOf(simulateOutage(one, { region: 'westus3', zone: '2' }))).toEqual({ state: 'down', reason: 'API Management has gateways only in westus3, without zones' });
    expect(simulateOutage(one, { region: 'eastus' }).capabilities.map((c) => c.afterFailover.reason).join(' ')).toContain('API Management gateways in westus3 keep serving');
    const zonal: PlatformTopology = { ...ps, entry: { kind: 'frontDoor', apiManagement: { regions: ['westus3'], zonal: true } } };
    expect(outcome(simulateOutage(zonal, { region: 'westus3', zone: '2' }), 'placeOrder').afterFailover.state).toBe('up');
    const two: PlatformTopology = { ...ps, entry: { kind: 'frontDoor', apiManagement: { regions: ['westus3', 'eastus'], zonal: false } } };
    expect(outcome(simulateOutage(two, { region: 'westus3' }), 'readOrder').afterFailover.reason).toContain('API Management gateways in eastus keep serving');
  });

  test('a zone of a region without zones takes its cluster down; a service without workloads is not judged; a source with topology() is read', () => {
    const flat: PlatformTopology = { ...ps, regions: ps.regions.map((r) => ({ ...r, zonal: false })) };
    expect(outcome(simulateOutage(flat, { region: 'westus3', zone: '1' }), 'trackDelivery').immediately).toEqual({ state: 'down', reason: "westus3's cluster is not zone-redundant" });
    const noTracking: PlatformTopology = { ...ps, regions: ps.regions.map((r) => ({ ...r, minPods: { 'order-api': r.minPods['order-api'] } })) };
    const reasons = simulateOutage(noTracking, { region: 'eastus' }).capabilities.flatMap((c) => [c.immediately.reason, c.afterFailover.reason]).join(' | ');
    expect(reasons).toContain('tracking-api is not among the synthesized workloads');
    expect(simulateOutage({ topology: () => ps }, { region: 'eastus' })).toEqual(simulateOutage(ps, { region: 'eastus' }));
  });

  test('bad outages: an unknown region or zone names the platform\'s regions and the zones', () => {
    expect(() => simulateOutage(ps, { region: 'mars' })).toThrow('simulateOutage: invalid outage.region "mars": not a region of platform primary-secondary. Fix: use one of westus3, eastus');
    expect(() => simulateOutage(ps, { region: 'westus3', zone: '0' })).toThrow("simulateOutage: invalid outage.zone \"0\": not an availability zone. Fix: use '1', '2' or '3'");
    expect(simulateOutage(ps, { region: 'westus3', zone: '3' }).outage).toEqual({ region: 'westus3', zone: '3' });
  });
});

describe('simulateOutage: three regions and the database, tracking and bus cases the examples do not have', () => {
  const A = 'westus3';
  const B = 'eastus';
  const C = 'centralus';
  const pods = (order: number, tracking: number) => ({ 'order-api': order, 'tracking-api': tracking });
  /** Three SQL regions: a primary and two secondaries, one cell homed in the primary with copies in both. */
  const three: PlatformTopology = {
    id: 'three', pattern: 'primarySecondary',
    regions: [{ name: A, role: 'primary', zonal: true, minPods: pods(2, 2) }, { name: B, role: 'secondary', zonal: true, minPods: pods(2, 2) }, { name: C, role: 'secondary', zonal: true, minPods: pods(2, 2) }],
    entry: { kind: 'frontDoor' },
    orderDatabase: { engine: 'sql', cells: [{ home: A, zoneRedundant: true, copies: [B, C], failoverTarget: B, failover: { kind: 'failoverGroup', mode: 'Manual' }, readableCopies: true }] },
    trackingStore: { accounts: [{ regions: [A, B, C], zoneRedundant: true, multiWrite: false, automaticFailover: true }] },
    events: { transport: 'serviceBus', namespaces: [{ region: A, standbyIn: B }] },
  };
  const lose = (t: PlatformTopology, region: string, zone?: string) => simulateOutage(t, zone ? { region, zone } : { region });

  test('API Management in three regions: the two left keep serving, named', () => {
    const apim: PlatformTopology = { ...three, entry: { kind: 'frontDoor', apiManagement: { regions: [A, B, C], zonal: true } } };
    expect(outcome(lose(apim, A), 'placeOrder').afterFailover.reason).toContain(`API Management gateways in ${B}, ${C} keep serving`);
  });

  test('a service with no pods in the lost region was not served there: up at once, no RTO, no action; one with pods only elsewhere is still judged', () => {
    const noPodsInC: PlatformTopology = { ...three, regions: three.regions.map((r) => (r.name === C ? { ...r, minPods: { 'order-api': 0 } } : r)) };
    const r = outcome(lose(noPodsInC, C), 'trackDelivery');
    expect(r.immediately.reason).toContain(`tracking-api was not served from ${C}`);
    expect(r.immediately.state).toBe('up');
    expect(r.rto).toBeUndefined();
    expect(r.actions).toEqual(['automatic: the SDK routes to the remaining regions']);
    expect(outcome(lose(noPodsInC, C), 'trackDelivery').afterFailover.reason).toContain(`tracking-api is served from ${A}, ${B}`);
  });

  test('a pilot light in two regions names both, with the RTO of making the standby active; two warm standbys name their pods', () => {
    const pilot: PlatformTopology = { ...three, regions: three.regions.map((r) => (r.name === A ? r : { ...r, role: 'passive', minPods: pods(0, 0) })) };
    const r = outcome(lose(pilot, A), 'readOrder');
    expect(r.afterFailover.reason).toContain(`order-api runs in ${B}, ${C} once the standby is made active`);
    expect(r.rto).toContain('until the standby runs: deploy with workloads.standbyActive (runbook.md)');
    const warm: PlatformTopology = { ...three, regions: three.regions.map((r) => (r.name === A ? r : { ...r, role: 'passive', minPods: pods(r.name === B ? 1 : 2, 1) })) };
    expect(outcome(lose(warm, A), 'readOrder').afterFailover.reason).toContain(`order-api in ${B}, ${C} starts from 1, 2 pod(s) and scales out on load`);
  });

  test('a region without a copy of the cell: the database is not affected; a zone of a database that is not zone-redundant takes it down', () => {
    const twoCopies: PlatformTopology = { ...three, orderDatabase: { engine: 'sql', cells: [{ ...three.orderDatabase!.cells[0], copies: [B] }] } };
    expect(outcome(lose(twoCopies, C), 'placeOrder').afterFailover.reason).toContain('no Order database copy in the lost region');
    const lrs: PlatformTopology = { ...three, orderDatabase: { engine: 'sql', cells: [{ ...three.orderDatabase!.cells[0], zoneRedundant: false }] } };
    const z = outcome(lose(lrs, A, '1'), 'placeOrder');
    expect(z.immediately).toEqual({ state: 'down', reason: `the ${A} database is not zone-redundant` });
    expect(z.actions).toContain('wait for the zone');
  });

  test('a manual failover group: the operator forces it, with no word of Azure\'s own failover; an automatic one names its grace period', () => {
    const r = outcome(lose(three, A), 'placeOrder');
    expect(r.afterFailover.reason).toContain(`the failover group's listeners point at ${B}`);
    expect(r.rto).toBe(`${RECOVERY.frontDoorProbe.text.split(': ')[1]}; until an operator forces the failover (runbook.md), then the listener's ${RECOVERY.sqlListenerTtl.text.split(':')[0]}`);
    expect(r.rpo).toMatch(/ \(geo-replication lag\) for a forced failover$/);
    expect(r.actions).toContain(`operator: force the failover to ${B} (runbook.md)`);
    const auto: PlatformTopology = { ...three, orderDatabase: { engine: 'sql', cells: [{ ...three.orderDatabase!.cells[0], failover: { kind: 'failoverGroup', mode: 'Automatic', graceMinutes: 120 } }] } };
    expect(outcome(lose(auto, A), 'placeOrder').rto).toContain('not before the 120 min grace period');
  });

  test('two cells homed in the lost region with different failover modes: both RPOs, joined', () => {
    const cell = three.orderDatabase!.cells[0];
    const both: PlatformTopology = { ...three, orderDatabase: { engine: 'sql', cells: [cell, { ...cell, failover: { kind: 'failoverGroup', mode: 'Automatic', graceMinutes: 60 } }] } };
    const rpo = outcome(lose(both, A), 'placeOrder').rpo!;
    expect(rpo.split('; ')).toHaveLength(3);
    expect(rpo).toMatch(/for a forced failover; .* for a forced failover; unknown for a Microsoft-initiated one$/);
  });

  test('a cell whose failover is none, or whose target is the lost region, has no copy to fail over to', () => {
    const cell = three.orderDatabase!.cells[0];
    for (const broken of [{ ...cell, failover: { kind: 'none' as const } }, { ...cell, failoverTarget: A }]) {
      const t: PlatformTopology = { ...three, orderDatabase: { engine: 'sql', cells: [broken] } };
      expect(outcome(lose(t, A), 'placeOrder').afterFailover).toEqual({ state: 'down', reason: `the ${A} database has no copy it can fail over to` });
    }
  });

  test('PostgreSQL: the promoted replica is named after failover', () => {
    const pg: PlatformTopology = { ...three, orderDatabase: { engine: 'postgresql', cells: [{ home: A, zoneRedundant: true, copies: [C], failoverTarget: C, failover: { kind: 'virtualEndpoint' }, readableCopies: false }] } };
    expect(outcome(lose(pg, A), 'placeOrder').afterFailover.reason).toContain(`the replica in ${C} is promoted and the virtual endpoint's writer name follows`);
  });

  test('the tracking store: not in the lost region; a zone without zone redundancy; reads from the two others; the RTO of the account that needs a failover', () => {
    const elsewhere: PlatformTopology = { ...three, trackingStore: { accounts: [{ ...three.trackingStore!.accounts[0], regions: [A, B] }] } };
    expect(outcome(lose(elsewhere, C), 'trackDelivery').afterFailover.reason).toContain('the tracking store has no region in the lost region');
    const lrs: PlatformTopology = { ...three, trackingStore: { accounts: [{ ...three.trackingStore!.accounts[0], zoneRedundant: false }] } };
    expect(outcome(lose(lrs, A, '2'), 'trackDelivery').immediately.reason).toContain('Cosmos DB is not zone-redundant');
    expect(outcome(lose(lrs, A, '2'), 'trackDelivery').immediately.state).toBe('down');
    expect(outcome(lose(three, A), 'trackDelivery').immediately.reason).toContain(`reads continue from ${B}, ${C}; writes wait for the write region to move`);
    const two: PlatformTopology = { ...three, trackingStore: { accounts: [{ ...three.trackingStore!.accounts[0], multiWrite: true }, three.trackingStore!.accounts[0]] } };
    expect(outcome(lose(two, A), 'trackDelivery').rto).toContain('service-managed failover');
  });

  test('no event bus; Event Grid with the only topic lost, or two others left; Service Bus standbys left without a partner', () => {
    expect(outcome(lose({ ...three, events: undefined }, B), 'deliverEvents').afterFailover.reason).toContain('no event bus');
    const grid = (regions: string[]): PlatformTopology => ({ ...three, events: { transport: 'eventGrid', namespaces: regions.map((region) => ({ region })) } });
    expect(outcome(lose(grid([A]), A), 'deliverEvents').afterFailover).toEqual({ state: 'down', reason: `the only topic is in ${A}` });
    expect(outcome(lose(grid([A, B, C]), A), 'deliverEvents').afterFailover.reason).toContain(`the topics in ${B}, ${C} deliver`);
    const bus = (namespaces: { region: string; standbyIn?: string }[]): PlatformTopology => ({ ...three, events: { transport: 'serviceBus', namespaces } });
    const one = outcome(lose(bus([{ region: A, standbyIn: B }, { region: C, standbyIn: A }]), B), 'deliverEvents');
    expect(one.afterFailover.reason).toContain(`no namespace homed in ${B}; ${A} has no disaster-recovery partner until re-paired`);
    expect(one.actions).toContain('operator: re-pair the alias once the region returns (runbook.md)');
    const two = outcome(lose(bus([{ region: A, standbyIn: B }, { region: C, standbyIn: B }]), B), 'deliverEvents');
    expect(two.afterFailover.reason).toContain(`no namespace homed in ${B}; ${A}, ${C} have no disaster-recovery partner until re-paired`);
    const none = outcome(lose(bus([{ region: A }]), B), 'deliverEvents');
    expect(none.afterFailover.reason.split('; ')).toContain(`no namespace homed in ${B}`);
    expect(none.actions).toEqual(['automatic: the entry\'s health probes take the lost origins out']);
  });

  test('failback: Cosmos DB\'s write region moves back when any account had it in the lost region', () => {
    const accounts = [{ ...three.trackingStore!.accounts[0], regions: [B, A] }, three.trackingStore!.accounts[0]];
    expect(lose({ ...three, trackingStore: { accounts } }, A).failback.join(' ')).toContain(`Cosmos DB: ${A} returns as a read region`);
  });
});

describe('availabilityReport: the entry terms the examples do not have', () => {
  const ps = topologyOf('primary-secondary');
  const place = (t: PlatformTopology) => availabilityReport(t).flows.find((f) => f.capability === 'placeOrder')!;

  test('Traffic Manager, API Management in one region or zonal or several, and no entry at all', () => {
    expect(place({ ...ps, entry: { kind: 'trafficManager' } }).formula).toMatch(/^Traffic Manager 99\.99% × parallel\(AKS westus3/);
    expect(place({ ...ps, entry: { kind: 'frontDoor', apiManagement: { regions: ['westus3'], zonal: false } } }).formula).toMatch(/^Front Door 99\.99% × API Management 99\.95% × /);
    expect(place({ ...ps, entry: { kind: 'frontDoor', apiManagement: { regions: ['westus3'], zonal: true } } }).formula).toMatch(/^Front Door 99\.99% × API Management 99\.99% × /);
    expect(place({ ...ps, entry: { kind: 'frontDoor', apiManagement: { regions: ['westus3', 'eastus'], zonal: false } } }).formula).toMatch(/^Front Door 99\.99% × API Management 99\.99% × /);
    expect(place({ ...ps, entry: { kind: 'none' } }).formula).toMatch(/^parallel\(AKS westus3/);
  });

  test('a pilot-light region is not counted; without workloads every cluster is; a database without failover has no copies in the formula', () => {
    const pilot = { ...ps, regions: [ps.regions[0], { ...ps.regions[1], minPods: { 'order-api': 0, 'tracking-api': 0 } }] };
    expect(place(pilot).formula).toContain('× AKS westus3 99.95% ×');
    const none = { ...ps, regions: ps.regions.map((r) => ({ ...r, minPods: {} })) };
    expect(place(none).formula).toContain('parallel(AKS westus3 99.95%, AKS eastus 99.95%)');
    const alone = { ...ps, orderDatabase: { engine: 'sql' as const, cells: [{ ...ps.orderDatabase!.cells[0], failover: { kind: 'none' as const } }] } };
    expect(place(alone).formula).toMatch(/× SQL westus3 99\.995% = /);
    const bare = availabilityReport({ ...ps, orderDatabase: undefined, trackingStore: undefined, events: undefined });
    expect(bare.flows.map((f) => f.formula.split(' = ')[0])).toEqual([
      'Front Door 99.99% × parallel(AKS westus3 99.95%, AKS eastus 99.95%)', 'Front Door 99.99% × parallel(AKS westus3 99.95%, AKS eastus 99.95%)',
      'Front Door 99.99% × parallel(AKS westus3 99.95%, AKS eastus 99.95%)', 'parallel(AKS westus3 99.95%, AKS eastus 99.95%)',
    ]);
  });
});

describe('read pools and same-zone high availability in the insight model', () => {
  // regionPinned with a zonal cell (westeurope) and one without zones (ukwest, same-zone HA), each with a read pool of
  // two, and active-passive with a pool beside its cross-region replica.
  let pinned: PlatformTopology;
  let passive: PlatformTopology;
  let stacks: SynthesizedStack[];
  beforeAll(() => {
    const administrator = { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' };
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'pool-')) });
    EXAMPLES['region-pinned'](app, {
      pattern: RedundancyPattern.regionPinned({ residency: { westeurope: 'EU Data Boundary', ukwest: 'United Kingdom' }, allowCellsWithoutZones: true }),
      regions: ['westeurope', 'ukwest'],
      database: { engine: DatabaseEngine.postgresql({ readReplicas: 2 }), administrator },
      entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } }, geoRouting: { countries: { westeurope: ['DE'], ukwest: ['GB'] }, rejectUnmappedCountries: true } },
      drills: undefined,
    });
    EXAMPLES['active-passive'](app, { database: { engine: DatabaseEngine.postgresql({ readReplicas: 1 }), administrator } });
    app.synth();
    stacks = readdirSync(join(app.outdir, 'stacks')).map((name) => ({ name, json: JSON.parse(readFileSync(join(app.outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) }));
    pinned = readTopology(stacks, 'region-pinned');
    passive = readTopology(stacks, 'active-passive');
  });

  test('the topology: a pool is no copy elsewhere and no failover target; same-zone HA is read as such', () => {
    expect(pinned.orderDatabase!.cells).toEqual([
      { home: 'ukwest', zoneRedundant: false, sameZoneHa: true, readPool: 2, copies: [], failover: { kind: 'none' }, readableCopies: false },
      { home: 'westeurope', zoneRedundant: true, readPool: 2, copies: [], failover: { kind: 'none' }, readableCopies: false },
    ]);
    expect(passive.orderDatabase!.cells).toEqual([{ home: 'eastus2', zoneRedundant: true, readPool: 1, copies: ['centralus'], failoverTarget: 'centralus', failover: { kind: 'virtualEndpoint' }, readableCopies: false }]);
  });

  test('availability: a same-zone cell counts 99.95%, and a pool adds no parallel copy', () => {
    const uk = availabilityReport({ ...pinned, regions: [...pinned.regions].reverse() }).flows.find((f) => f.capability === 'placeOrder')!;
    expect(uk.formula).toContain(`PostgreSQL ukwest ${SLA.postgresqlSameZoneHa.text}`);
    expect(uk.formula).not.toContain('parallel(PostgreSQL');
    expect(availabilityReport(passive).flows.find((f) => f.capability === 'placeOrder')!.formula).toContain('parallel(PostgreSQL eastus2 99.99%, PostgreSQL centralus 99.9%)');
  });

  test('a zone lost under the same-zone cell takes its standby too; the runbook promotes only the cross-region replica and names its HA mode', () => {
    // westeurope with same-zone HA named for it (as `highAvailability: { westeurope: 'SameZone' }` synthesizes).
    const named: PlatformTopology = { ...pinned, orderDatabase: { engine: 'postgresql', cells: pinned.orderDatabase!.cells.map((c) => (c.home === 'westeurope' ? { ...c, zoneRedundant: false, sameZoneHa: true } : c)) } };
    const place = simulateOutage(named, { region: 'westeurope', zone: '1' }).capabilities.find((c) => c.capability === 'placeOrder')!;
    expect(place.immediately.state).toBe('degraded');
    expect(place.immediately.reason).toContain('orders of the westeurope cell: the westeurope database is not zone-redundant (its same-zone standby is in the lost zone too)');
    // Zone-redundant HA rides it out.
    expect(simulateOutage(pinned, { region: 'westeurope', zone: '1' }).capabilities.find((c) => c.capability === 'placeOrder')!.immediately.reason).toContain('HA fails over to the standby in another zone');
    const runbook = runbookMarkdown(stacks, 'active-passive');
    expect(runbook).toContain('--high-availability ZoneRedundant');
    expect(runbook).not.toMatch(/replica promote [^\n]*read1/);
    expect(diagramMermaid(pinned)).toContain('same-zone HA + 2 read replicas');
  });
});
