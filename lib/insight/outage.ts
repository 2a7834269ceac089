/**
 * What the platform does when a zone or a region is lost, capability by capability, from its synthesized topology and
 * the reference recovery figures: the state right away, the state once every automatic or runbook failover has run,
 * how long that takes (RTO), what may be lost (RPO), and how to fail back.
 */
import { ValidationError } from '../core/errors';
import { RECOVERY } from './figures';
import { CellTopology, PlatformTopology, RegionTopology, SERVICES } from './topology';

/** What customers and the services do through the platform. */
export type Capability = 'placeOrder' | 'readOrder' | 'trackDelivery' | 'deliverEvents';

/** The capabilities, in report order, with what each means. */
export const CAPABILITIES: readonly { readonly key: Capability; readonly title: string }[] = [
  { key: 'placeOrder', title: 'place an order (Order service writes)' },
  { key: 'readOrder', title: 'read an order (Order service reads)' },
  { key: 'trackDelivery', title: 'track a delivery (Delivery-tracking service reads)' },
  { key: 'deliverEvents', title: 'deliver order events (event bus to the tracking consumer)' },
];

/** The service (Deployment `app` label) that serves each capability: its pods are what a lost zone or region takes away. */
export const CAPABILITY_SERVICE: { readonly [c in Capability]: string } = { placeOrder: SERVICES.order, readOrder: SERVICES.order, trackDelivery: SERVICES.tracking, deliverEvents: SERVICES.tracking };

/** up: as before; degraded: served with less (capacity, some users, stale reads); down: not served. */
export type ServiceState = 'up' | 'degraded' | 'down';

/** A state and why. */
export interface Outcome {
  /** up, degraded or down. */
  readonly state: ServiceState;
  /** Why, naming the components and regions. */
  readonly reason: string;
}

/** One capability through an outage. */
export interface CapabilityOutcome {
  /** The capability. */
  readonly capability: Capability;
  /** Right after the loss, before any failover. */
  readonly immediately: Outcome;
  /** Once the automatic failovers and the runbook's steps have run. */
  readonly afterFailover: Outcome;
  /** How long until `afterFailover` (from the reference figures), when the loss interrupts the capability. */
  readonly rto?: string;
  /** What may be lost, when the loss can lose data. */
  readonly rpo?: string;
  /** What has to happen (automatic or by an operator, with the runbook section). */
  readonly actions: readonly string[];
}

/** A zone or a region that is lost. */
export interface Outage {
  /** The lost region, or the region of the lost zone. */
  readonly region: string;
  /** A zone of the region (`1`, `2`, `3`): only that zone is lost. */
  readonly zone?: string;
}

/** The result of {@link simulateOutage}. */
export interface OutageReport {
  /** The platform's id. */
  readonly platform: string;
  /** Its pattern kind. */
  readonly pattern: string;
  /** What was lost. */
  readonly outage: Outage;
  /** The lost region's role in the pattern. */
  readonly role: string;
  /** Each capability through the outage. */
  readonly capabilities: readonly CapabilityOutcome[];
  /** How to return to the pattern's normal state once the region is back. */
  readonly failback: readonly string[];
}

const ORDER = ['up', 'degraded', 'down'] as const;
const worst = (...outcomes: readonly Outcome[]): Outcome => {
  const state = outcomes.reduce<ServiceState>((w, o) => (ORDER.indexOf(o.state) > ORDER.indexOf(w) ? o.state : w), 'up');
  const reasons = outcomes.filter((o) => o.state === state).map((o) => o.reason);
  return { state, reason: reasons.join('; ') };
};
const UP = (reason: string): Outcome => ({ state: 'up', reason });
const PROBE = RECOVERY.frontDoorProbe.text.split(': ')[1];
/** How long until the entry stops sending to a lost region, and how it says so. */
const detection = (t: PlatformTopology, region: string): { reason: string; time: string } => (t.entry.kind === 'trafficManager'
  ? { reason: `DNS answers pointing at ${region} fail until Traffic Manager marks its endpoints degraded and cached answers expire`, time: 'Traffic Manager: probing interval x tolerated failures, plus the DNS TTL' }
  : { reason: `requests Front Door sends to ${region} fail until its probes take the origin out (${PROBE})`, time: PROBE });

/** Something a capability needs, through the outage. */
interface Part {
  readonly immediately: Outcome;
  readonly afterFailover: Outcome;
  readonly rto?: string;
  readonly rpo?: string;
  readonly actions: readonly string[];
}

const steady = (outcome: Outcome, actions: readonly string[] = []): Part => ({ immediately: outcome, afterFailover: outcome, actions });

/** What a topology or a platform offers to {@link simulateOutage}. */
export type TopologySource = PlatformTopology | { topology(): PlatformTopology };

/**
 * Simulates the loss of a region (`{ region }`) or of one zone of it (`{ region, zone }`) on a platform's synthesized
 * topology: for each capability, the state right away and after failover, the RTO and RPO from the reference figures,
 * the actions it takes, and how to fail back.
 */
export function simulateOutage(source: TopologySource, outage: Outage): OutageReport {
  const t = 'topology' in source && typeof source.topology === 'function' ? source.topology() : (source as PlatformTopology);
  const region = t.regions.find((r) => r.name === outage.region);
  if (!region) throw new ValidationError({ scope: 'simulateOutage', prop: 'outage.region', value: outage.region, problem: `not a region of platform ${t.id}`, fix: `use one of ${t.regions.map((r) => r.name).join(', ')}` });
  if (outage.zone !== undefined && !['1', '2', '3'].includes(outage.zone)) {
    throw new ValidationError({ scope: 'simulateOutage', prop: 'outage.zone', value: outage.zone, problem: 'not an availability zone', fix: "use '1', '2' or '3'" });
  }
  const zoneLoss = outage.zone !== undefined;
  const parts: { readonly [c in Capability]: readonly Part[] } = {
    placeOrder: [entry(t, region, zoneLoss), compute(t, region, CAPABILITY_SERVICE.placeOrder, outage.zone), ...database(t, region, 'write', zoneLoss)],
    readOrder: [entry(t, region, zoneLoss), compute(t, region, CAPABILITY_SERVICE.readOrder, outage.zone), ...database(t, region, 'read', zoneLoss)],
    trackDelivery: [entry(t, region, zoneLoss), compute(t, region, CAPABILITY_SERVICE.trackDelivery, outage.zone), tracking(t, region, zoneLoss)],
    deliverEvents: [compute(t, region, CAPABILITY_SERVICE.deliverEvents, outage.zone), events(t, region, zoneLoss)],
  };
  const capabilities = CAPABILITIES.map(({ key }): CapabilityOutcome => {
    const ps = parts[key];
    const rto = [...new Set(ps.map((p) => p.rto).filter((x): x is string => x !== undefined))];
    const rpo = [...new Set(ps.map((p) => p.rpo).filter((x): x is string => x !== undefined))];
    return {
      capability: key,
      immediately: worst(...ps.map((p) => p.immediately)),
      afterFailover: worst(...ps.map((p) => p.afterFailover)),
      ...(rto.length ? { rto: rto.join('; ') } : {}),
      ...(rpo.length ? { rpo: rpo.join('; ') } : {}),
      actions: [...new Set(ps.flatMap((p) => p.actions))],
    };
  });
  return { platform: t.id, pattern: t.pattern, outage, role: region.role, capabilities, failback: zoneLoss ? ['Nothing to fail back: zone-redundant resources rebalance when the zone returns.'] : failback(t, region) };
}

/** The entry: Front Door and Traffic Manager are global; API Management has gateways in its regions. */
function entry(t: PlatformTopology, lost: RegionTopology, zoneLoss: boolean): Part {
  const apim = t.entry.apiManagement;
  if (!apim || zoneLoss && apim.zonal) return steady(UP(`${t.entry.kind === 'trafficManager' ? 'Traffic Manager' : 'Front Door'} is global`));
  const others = apim.regions.filter((r) => r !== lost.name);
  if (zoneLoss || apim.regions.includes(lost.name) && others.length === 0) {
    return steady({ state: 'down', reason: `API Management has gateways only in ${lost.name}${zoneLoss ? ', without zones' : ''}` }, ['wait for the region; API Management has no gateway elsewhere']);
  }
  return steady(UP(`API Management gateways in ${others.join(', ')} keep serving`));
}

/** A service's pods: rescheduled over the other zones, or served from the other regions once the entry's probes notice. */
function compute(t: PlatformTopology, lost: RegionTopology, app: string, zone: string | undefined): Part {
  if (zone !== undefined) {
    return lost.zonal
      ? { immediately: { state: 'degraded', reason: `${app} pods in zone ${zone} of ${lost.name} restart in the other zones (pod disruption budget and zone spread keep the rest serving)` }, afterFailover: UP(`${app} runs in the remaining zones; the autoscaler adds nodes there`), actions: ['automatic: Kubernetes reschedules the pods, the cluster autoscaler adds nodes in the remaining zones'] }
      : steady({ state: 'down', reason: `${lost.name}'s cluster is not zone-redundant` });
  }
  if (!t.regions.some((r) => r.minPods[app] !== undefined)) return steady(UP(`${app} is not among the synthesized workloads`));
  const served = lost.minPods[app] ?? 0;
  if (t.pattern === 'regionPinned') {
    return steady({ state: 'degraded', reason: `users of the ${lost.name} cell are not served (no cross-cell fallback); other cells are unaffected` }, ['wait for the region: a region-pinned cell has no fallback by design']);
  }
  const others = t.regions.filter((r) => r.name !== lost.name);
  if (others.length === 0) return steady({ state: 'down', reason: `${app} runs only in ${lost.name}` }, ['wait for the region (a single-region pattern)']);
  const ready = others.filter((r) => (r.minPods[app] ?? 0) > 0);
  const entryTime = detection(t, lost.name);
  const immediately: Outcome = served > 0 ? { state: 'degraded', reason: entryTime.reason } : UP(`${app} was not served from ${lost.name}`);
  if (ready.length === 0) {
    return { immediately: { state: 'down', reason: `${app} has no pods outside ${lost.name} (pilot light)` }, afterFailover: UP(`${app} runs in ${others.map((r) => r.name).join(', ')} once the standby is made active`), rto: 'until the standby runs: deploy with workloads.standbyActive (runbook.md)', actions: ['operator: make the standby active (workloads.standbyActive: true) and deploy the apps stacks'] };
  }
  const small = ready.filter((r) => r.role === 'passive');
  return {
    immediately,
    afterFailover: small.length ? { state: 'degraded', reason: `${app} in ${small.map((r) => r.name).join(', ')} starts from ${small.map((r) => r.minPods[app]).join(', ')} pod(s) and scales out on load` } : UP(`${app} is served from ${ready.map((r) => r.name).join(', ')}`),
    ...(served > 0 ? { rto: entryTime.time } : {}),
    actions: served > 0 ? ['automatic: the entry\'s health probes take the lost origins out'] : [],
  };
}

/** The Order database cells: writes (`write`) or reads (`read`). */
function database(t: PlatformTopology, lost: RegionTopology, access: 'write' | 'read', zoneLoss: boolean): Part[] {
  const db = t.orderDatabase;
  if (!db) return [];
  const affected = db.cells.filter((c) => c.home === lost.name || c.copies.includes(lost.name));
  if (affected.length === 0) return [steady(UP('no Order database copy in the lost region'))];
  const partial = db.cells.length > 1;
  return affected.map((cell) => {
    const part = zoneLoss ? cellZoneLoss(db.engine, cell, lost) : cellRegionLoss(db.engine, cell, lost, access);
    if (!partial) return part;
    // Several cells (activeActive, regionPinned): only the lost cell's orders are affected.
    const scope = (o: Outcome): Outcome => (o.state === 'down' ? { state: 'degraded', reason: `orders of the ${cell.home} cell: ${o.reason}` } : o);
    return { ...part, immediately: scope(part.immediately), afterFailover: scope(part.afterFailover) };
  });
}

function cellZoneLoss(engine: 'sql' | 'postgresql', cell: CellTopology, lost: RegionTopology): Part {
  if (cell.home !== lost.name) return steady(UP(`the ${cell.home} cell's copy in ${lost.name} is zone-redundant or rebuilt by Azure`));
  if (!cell.zoneRedundant) return { ...steady({ state: 'down', reason: `the ${cell.home} database is not zone-redundant${cell.sameZoneHa ? ' (its same-zone standby is in the lost zone too)' : ''}` }), actions: ['wait for the zone'] };
  if (engine === 'postgresql') {
    return { immediately: { state: 'degraded', reason: `PostgreSQL HA fails over to the standby in another zone (${RECOVERY.postgresqlHaFailover.text})` }, afterFailover: UP('served by the standby'), rto: RECOVERY.postgresqlHaFailover.text, rpo: 'none (synchronous standby)', actions: ['automatic: HA failover to the standby zone'] };
  }
  return steady(UP(`the ${cell.home} database is zone-redundant (synchronous replicas in the other zones)`), ['automatic: zone-redundant database']);
}

function cellRegionLoss(engine: 'sql' | 'postgresql', cell: CellTopology, lost: RegionTopology, access: 'write' | 'read'): Part {
  if (cell.home !== lost.name) {
    return steady(UP(`the ${cell.home} cell's writer is not in ${lost.name}${cell.copies.includes(lost.name) ? `; it has no copy in ${lost.name} until the region returns` : ''}`));
  }
  if (cell.failover.kind === 'none' || !cell.failoverTarget || cell.failoverTarget === lost.name) {
    return { ...steady({ state: 'down', reason: `the ${cell.home} database has no copy it can fail over to` }), rto: 'until the region recovers', actions: ['wait for the region (or restore the geo-redundant backup elsewhere)'] };
  }
  // Writes fail over to the failover target, and reads continue from it where copies are readable.
  const target = cell.failoverTarget;
  const readsContinue = access === 'read' && cell.readableCopies;
  const immediately: Outcome = readsContinue
    ? { state: 'degraded', reason: `reads continue from the readable copy in ${target} (up to the replication lag behind)` }
    : { state: 'down', reason: `the ${cell.home} ${engine === 'sql' ? 'SQL database' : 'PostgreSQL server'} is lost until ${cell.failover.kind === 'virtualEndpoint' ? 'an operator promotes the replica' : 'the failover group fails over'}` };
  if (cell.failover.kind === 'virtualEndpoint') {
    return {
      immediately,
      afterFailover: UP(`the replica in ${target} is promoted and the virtual endpoint's writer name follows`),
      rto: 'until an operator promotes the replica (runbook.md)', rpo: RECOVERY.postgresqlReplicaRpo.text.split(';')[0].replace(/^RPO /, ''),
      actions: [`operator: promote the replica in ${target} through the virtual endpoint (runbook.md)`],
    };
  }
  // Microsoft-managed (Automatic) failover happens only for a declared regional outage and is not guaranteed: the
  // operator's forced failover is the plan either way (Microsoft Learn, "Failover groups overview").
  const automatic = cell.failover.mode === 'Automatic';
  return {
    immediately,
    afterFailover: UP(`the failover group's listeners point at ${target}`),
    rto: `until an operator forces the failover (runbook.md), then the listener's ${RECOVERY.sqlListenerTtl.text.split(':')[0]}${automatic ? `; Azure's own failover comes only for a declared regional outage, not before the ${cell.failover.graceMinutes ?? 60} min grace period, and is not guaranteed` : ''}`,
    rpo: `${RECOVERY.sqlFailoverGroupRpo.text.replace(/^RPO /, '')} (geo-replication lag) for a forced failover${automatic ? '; unknown for a Microsoft-initiated one' : ''}`,
    actions: [`operator: force the failover to ${target} (runbook.md)${automatic ? '; Azure may do it after the grace period, but do not wait on it' : ''}`],
  };
}

/** The tracking store: reads from any region of the account; writes from its write region(s). */
function tracking(t: PlatformTopology, lost: RegionTopology, zoneLoss: boolean): Part {
  const accounts = (t.trackingStore?.accounts ?? []).filter((a) => a.regions.includes(lost.name));
  if (accounts.length === 0) return steady(UP('the tracking store has no region in the lost region'));
  const parts = accounts.map((a): Part => {
    if (zoneLoss) return steady(a.zoneRedundant ? UP('Cosmos DB is zone-redundant') : { state: 'down', reason: 'Cosmos DB is not zone-redundant' });
    const others = a.regions.filter((r) => r !== lost.name);
    if (others.length === 0) {
      const reason = `the tracking store's only region is ${lost.name}`;
      return { ...steady({ state: t.pattern === 'regionPinned' ? 'degraded' : 'down', reason: t.pattern === 'regionPinned' ? `deliveries of the ${lost.name} cell: ${reason}` : reason }), rto: 'until the region recovers', actions: ['wait for the region'] };
    }
    if (a.multiWrite || a.regions[0] !== lost.name) return steady(UP(`Cosmos DB serves from ${others.join(', ')}`), ['automatic: the SDK routes to the remaining regions']);
    return {
      immediately: { state: 'degraded', reason: `reads continue from ${others.join(', ')}; writes wait for the write region to move` },
      afterFailover: UP(`${others[0]} is the write region`),
      rto: a.automaticFailover ? 'service-managed failover: it can take an hour or more (a forced failover is faster)' : 'until an operator performs a forced failover (runbook.md; a write-region change does not succeed during an outage)',
      rpo: RECOVERY.cosmosRpo.text.replace(/^RPO /, ''),
      actions: [a.automaticFailover ? `automatic: Cosmos DB makes ${others[0]} the write region (or an operator forces it earlier: runbook.md)` : `operator: force a failover to ${others[0]} (runbook.md)`],
    };
  });
  return { immediately: worst(...parts.map((p) => p.immediately)), afterFailover: worst(...parts.map((p) => p.afterFailover)), ...first(parts, 'rto'), ...first(parts, 'rpo'), actions: parts.flatMap((p) => p.actions) };
}

/** The first value of a field over parts, as an optional field. */
function first(parts: readonly Part[], field: 'rto' | 'rpo'): { rto?: string } | { rpo?: string } {
  const value = parts.map((p) => p[field]).find((v) => v !== undefined);
  return value === undefined ? {} : { [field]: value };
}

/** The event bus: a namespace (and its alias) per region or cell, or Event Grid topics per region. */
function events(t: PlatformTopology, lost: RegionTopology, zoneLoss: boolean): Part {
  const bus = t.events;
  if (!bus) return steady(UP('no event bus'));
  if (zoneLoss) return steady(UP({ serviceBus: 'Service Bus Premium is zone-redundant in regions with zones', eventHubs: 'Event Hubs Standard and Premium are zone-redundant in regions with zones', eventGrid: 'Event Grid is zone-redundant in regions with zones' }[bus.transport]));
  if (bus.transport === 'eventGrid') {
    const others = bus.namespaces.filter((n) => n.region !== lost.name);
    return steady(others.length ? { state: 'degraded', reason: `events the ${lost.name} topic accepted but has not delivered may be delayed or lost with the region; the topics in ${others.map((n) => n.region).join(', ')} deliver` } : { state: 'down', reason: `the only topic is in ${lost.name}` });
  }
  const home = bus.namespaces.filter((n) => n.region === lost.name);
  const standby = bus.namespaces.filter((n) => n.standbyIn === lost.name && n.region !== lost.name);
  if (home.length === 0) return steady(UP(`no namespace homed in ${lost.name}${standby.length ? `; ${standby.map((n) => n.region).join(', ')} ha${standby.length > 1 ? 've' : 's'} no disaster-recovery partner until re-paired` : ''}`), standby.length ? ['operator: re-pair the alias once the region returns (runbook.md)'] : []);
  const paired = home.filter((n) => n.standbyIn !== undefined);
  const partial = bus.namespaces.length > 1;
  if (paired.length === 0) {
    const reason = `the ${lost.name} namespace has no disaster-recovery partner`;
    return { ...steady({ state: partial ? 'degraded' : 'down', reason }), rto: 'until the region recovers', actions: ['wait for the region'] };
  }
  return {
    immediately: { state: partial ? 'degraded' : 'down', reason: `publishing and consuming through the ${lost.name} alias stop until it fails over` },
    afterFailover: { state: 'degraded', reason: `the alias points at the standby in ${paired[0].standbyIn}: new events flow; ${RECOVERY.serviceBusGeoDr.text.split(':')[1].trim()}` },
    rto: 'until an operator fails the alias over (runbook.md)',
    rpo: bus.transport === 'eventHubs' ? 'events not yet consumed in the lost namespace are delayed until it recovers (the alias copies no events, and the consumer group restarts without its committed offsets)' : 'messages not yet consumed in the lost namespace are delayed until it recovers (the alias copies no messages)',
    actions: [`operator: fail the alias over to ${paired[0].standbyIn} (runbook.md)`],
  };
}

/** Returning to the pattern's normal state once the lost region is back. */
function failback(t: PlatformTopology, lost: RegionTopology): string[] {
  const steps: string[] = [];
  const db = t.orderDatabase;
  const homed = db?.cells.filter((c) => c.home === lost.name) ?? [];
  if (homed.some((c) => c.failover.kind === 'failoverGroup')) steps.push(`Azure SQL: once ${lost.name} is back it rejoins as the secondary; fail the group back with a planned failover (no data loss) in a quiet hour (runbook.md).`);
  if (homed.some((c) => c.failover.kind === 'virtualEndpoint')) steps.push(`PostgreSQL: the promoted server is now the writer; once ${lost.name} is back, make sure a replica runs there again (recreate it if the old server did not rejoin), then switch back with a planned switchover through the virtual endpoint (runbook.md).`);
  if (t.trackingStore?.accounts.some((a) => a.regions[0] === lost.name && !a.multiWrite && a.regions.length > 1)) steps.push(`Cosmos DB: ${lost.name} returns as a read region; move the write region back if you want it there (runbook.md).`);
  if (t.events?.transport === 'eventHubs' && t.events.namespaces.some((n) => n.region === lost.name && n.standbyIn)) steps.push(`Event Hubs: the alias now points at the standby; let the delivery-tracking group read the old ${lost.name} namespace's retained events, then re-pair with an empty namespace (README, "Delivery tracking and events").`);
  if (t.events?.transport === 'serviceBus' && t.events.namespaces.some((n) => n.region === lost.name && n.standbyIn)) steps.push(`Service Bus: the alias now points at the standby; drain the old ${lost.name} namespace's messages, then re-pair with an empty namespace (runbook.md).`);
  if (lost.role === 'passive' || t.regions.some((r) => r.role === 'passive')) steps.push('Workloads: set workloads.standbyActive back to false once the active region serves again (runbook.md).');
  steps.push(t.entry.kind === 'trafficManager' ? `Traffic Manager: ${lost.name}'s endpoints return by themselves once their monitor succeeds.` : `Front Door: ${lost.name}'s origins return to the rotation by themselves once their probes succeed.`);
  return steps;
}
