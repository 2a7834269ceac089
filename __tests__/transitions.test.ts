import { App } from 'cdktf';
import { DatabaseEngine, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, RedundancyPattern, Rollout, WorkloadServiceOptions } from '../lib';
import { EXAMPLES } from '../examples';
import { exampleStacks } from './support/examples';
import { StackJson, synthApp } from './support/synth';
import { capacity, CapacityReport, Change, harmful, plan } from './support/transitions';

/**
 * Every operation the README documents, as before/after synths: nothing stateful is destroyed or replaced, no serving
 * resource is replaced, and each service keeps serving through the apply (see `capacity` for the model).
 */

type Build = (app: App) => void;

/** Synthesizes each state once (an unmodified example comes synthesized: `exampleStacks`), then checks every step from one state to the next. */
function steps(states: [string, Build | Record<string, StackJson>][]): [string, Record<string, StackJson>, Record<string, StackJson>][] {
  const synths = states.map(([label, state]) => [label, typeof state === 'function' ? synthApp(state) : state] as const);
  return synths.slice(1).map(([label, after], i) => [`${synths[i][0]} -> ${label}`, synths[i][1], after]);
}

/** The capacity of every service in every `-apps` stack that serves before or after. */
function capacities(before: Record<string, StackJson>, after: Record<string, StackJson>): Record<string, CapacityReport> {
  const out: Record<string, CapacityReport> = {};
  for (const stack of Object.keys(after).filter((s) => s.endsWith('-apps'))) {
    for (const service of ['order-api', 'tracking-api']) out[`${stack} ${service}`] = capacity(before[stack], after[stack], service);
  }
  return out;
}

/**
 * The invariants of a documented operation. `standby`: `-apps` stacks of a standby region, which may serve nothing
 * before (pilot light) or return to serving nothing after a failback (by design, once the active region serves again).
 */
function expectSafe(before: Record<string, StackJson>, after: Record<string, StackJson>, options: { standby?: string[] } = {}): Change[] {
  const changes = plan(before, after);
  expect(harmful(changes)).toEqual([]);
  for (const [key, c] of Object.entries(capacities(before, after))) {
    const stack = key.split(' ')[0];
    const idle = (options.standby ?? []).includes(stack) && (c.before === 0 || c.after === 0);
    // Never zero where the region serves, never an HPA at zero, never below both ends during the apply, and a Service
    // switches only to pods that can take what the old ones carried.
    if (!idle) expect({ key, after: c.after >= 1 }).toEqual({ key, after: true });
    expect({ key, stuck: c.stuckAtZero }).toEqual({ key, stuck: [] });
    expect({ key, during: c.during >= Math.min(c.before, c.after) }).toEqual({ key, during: true });
    // (A region returning to standby hands its load to the active region through the entry, not through its Service.)
    if (!idle) expect({ key, switch: c.atSwitch >= c.handedOver }).toEqual({ key, switch: true });
  }
  return changes;
}

/** An example with overrides: a synth of its own. */
const example = (id: string, overrides: Partial<MultiRegionOrderPlatformProps>): Build => (app) => { EXAMPLES[id](app, overrides); };

describe('rolling release (zone-redundant)', () => {
  const order = (image: string): Partial<MultiRegionOrderPlatformProps> => ({ workloads: { order: { image }, tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' } } });
  test.each(steps([
    ['1.0.0', exampleStacks('zone-redundant')],
    ['1.1.0', example('zone-redundant', order('contoso.azurecr.io/order-api:1.1.0'))],
    ['rolled back', example('zone-redundant', order('contoso.azurecr.io/order-api:1.0.0'))],
  ]))('%s: an in-place rollout', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.filter((c) => c.action !== 'update')).toEqual([]);
  });
});

describe('blue-green release of the Order service (primary-secondary)', () => {
  const tracking: WorkloadServiceOptions = { image: 'contoso.azurecr.io/tracking-api:1.0.0' };
  const order = (o: WorkloadServiceOptions): Partial<MultiRegionOrderPlatformProps> => ({ workloads: { order: o, tracking } });
  const v1 = 'contoso.azurecr.io/order-api:1.0.0';
  const v2 = 'contoso.azurecr.io/order-api:1.1.0';
  const bg = (live: 'blue' | 'green', idleReplicas?: number) => order({ image: v2, rollout: Rollout.blueGreen({ live, blueImage: v1, greenImage: v2, idleReplicas }) });
  test.each(steps([
    ['rolling 1.0.0', example('primary-secondary', order({ image: v1 }))],
    ['blue-green, blue live, green 1.1.0 idle', example('primary-secondary', bg('blue'))],
    ['flip to green', example('primary-secondary', bg('green'))],
    ['roll back to blue', example('primary-secondary', bg('blue'))],
    ['flip to green again', example('primary-secondary', bg('green'))],
    ['idle colour lowered after the release', example('primary-secondary', bg('green', 2))],
    ['idle colour back to full size before the next flip', example('primary-secondary', bg('green'))],
    ['rolling 1.1.0', example('primary-secondary', order({ image: v2 }))],
  ]))('%s', (_label, before, after) => {
    expectSafe(before, after);
  });
});

describe('canary release of the Delivery-tracking service (active-passive)', () => {
  const order: WorkloadServiceOptions = { image: 'contoso.azurecr.io/order-api:1.0.0' };
  const v1 = 'contoso.azurecr.io/tracking-api:1.0.0';
  const v2 = 'contoso.azurecr.io/tracking-api:1.1.0';
  const tracking = (o: WorkloadServiceOptions): Partial<MultiRegionOrderPlatformProps> => ({ workloads: { order, tracking: o, standbyMinReplicas: 1 } });
  const canary = (percent: number) => tracking({ image: v1, rollout: Rollout.canary({ canaryImage: v2, percent }) });
  const standby = ['active-passive-centralus-apps'];
  test.each(steps([
    ['rolling 1.0.0', example('active-passive', tracking({ image: v1 }))],
    ['canary 10%', example('active-passive', canary(10))],
    ['canary 50%', example('active-passive', canary(50))],
    ['canary 100%', example('active-passive', canary(100))],
    ['rolled back to 0%', example('active-passive', canary(0))],
    ['canary 100% again', example('active-passive', canary(100))],
    ['promoted (rolling 1.1.0)', example('active-passive', tracking({ image: v2 }))],
  ]))('%s', (_label, before, after) => {
    expectSafe(before, after, { standby });
  });
});

describe('failover of the workloads to the standby region (active-passive)', () => {
  const platform = (standby: 'warm' | 'pilot-light', standbyActive?: boolean): Build => (app) => {
    new MultiRegionOrderPlatform(app, 'ap', {
      prefix: 'ap', pattern: RedundancyPattern.activePassive({ standby }), regions: ['eastus2', 'centralus'],
      workloads: { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' }, ...(standbyActive !== undefined ? { standbyActive } : {}) },
      entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } },
    });
  };
  test.each(steps([
    ['pilot light', platform('pilot-light')],
    ['pilot light made active', platform('pilot-light', true)],
    ['back to pilot light after failback', platform('pilot-light', false)],
  ]))('%s', (label, before, after) => {
    const changes = expectSafe(before, after, { standby: ['ap-centralus-apps'] });
    if (label.endsWith('made active')) {
      // The Deployments are created at the active minimum, with their HPAs (never attached to a Deployment at zero).
      expect(capacity(before['ap-centralus-apps'], after['ap-centralus-apps'], 'order-api')).toMatchObject({ before: 0, after: 2 });
      expect(changes.filter((c) => c.stack === 'ap-centralus-apps' && c.action !== 'update').map((c) => `${c.action} ${c.type}`).sort()).toEqual([
        'create kubernetes_deployment_v1', 'create kubernetes_deployment_v1', 'create kubernetes_horizontal_pod_autoscaler_v2', 'create kubernetes_horizontal_pod_autoscaler_v2',
        'create kubernetes_pod_disruption_budget_v1', 'create kubernetes_pod_disruption_budget_v1',
      ]);
    }
  });

  test.each(steps([
    ['warm', platform('warm')],
    ['warm made active', platform('warm', true)],
  ]))('%s: the standby scales out in place', (_label, before, after) => {
    expectSafe(before, after);
    expect(capacity(before['ap-centralus-apps'], after['ap-centralus-apps'], 'order-api')).toMatchObject({ before: 1, after: 2 });
  });
});

describe('Event Grid subscriptions after the Private Link approvals (active-passive)', () => {
  test.each(steps([
    ['first deploy (subscribe: false)', exampleStacks('active-passive')],
    ['subscribe: true', example('active-passive', { eventBus: { transport: EventTransport.eventGrid({ subscribe: true }) } })],
  ]))('%s: only adds the subscriptions', (_label, before, after) => {
    const changes = expectSafe(before, after, { standby: [] });
    const created = changes.filter((c) => c.action === 'create').map((c) => c.type);
    expect(created).toEqual(['azurerm_eventgrid_event_subscription', 'azurerm_eventgrid_event_subscription']);
    expect(changes.filter((c) => c.action === 'destroy' || c.action === 'replace')).toEqual([]);
  });
});

describe('adding a region to activeActive', () => {
  const platform = (regions: string[]): Build => (app) => {
    new MultiRegionOrderPlatform(app, 'aa', {
      prefix: 'aa', pattern: RedundancyPattern.activeActive(), regions,
      database: { engine: DatabaseEngine.sql(), administrator: { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' } },
      trackingStore: {}, eventBus: {},
      workloads: { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } },
      entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } },
    });
  };
  const postgres = (regions: string[]): Build => (app) => {
    new MultiRegionOrderPlatform(app, 'aa', {
      prefix: 'aa', pattern: RedundancyPattern.activeActive(), regions,
      database: { engine: DatabaseEngine.postgresql(), administrator: { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' } },
    });
  };
  test.each(steps([
    ['2 regions', platform(['eastus2', 'westus3'])],
    ['a third region appended', platform(['eastus2', 'westus3', 'centralus'])],
  ]))('%s: creates the new region and its copies, replaces and destroys nothing', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.filter((c) => c.action === 'destroy' || c.action === 'replace')).toEqual([]);
    // The new region's stamp and apps, and copies of the existing cells in it.
    expect(changes.some((c) => c.stack === 'aa-centralus' && c.type === 'azurerm_kubernetes_cluster' && c.action === 'create')).toBe(true);
    expect(changes.filter((c) => c.type === 'azurerm_mssql_failover_group' && c.action === 'create')).toHaveLength(1);
    // The Cosmos DB account gains the region in place (multi-write accounts keep their region list managed).
    expect(changes.filter((c) => c.type === 'azurerm_cosmosdb_account').map((c) => c.action)).toEqual(['update']);
  });

  test.each(steps([
    ['PostgreSQL, 2 regions', postgres(['eastus2', 'westus3'])],
    ['PostgreSQL, a third region appended', postgres(['eastus2', 'westus3', 'centralus'])],
  ]))('%s: no replica or virtual endpoint is replaced', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.filter((c) => c.action === 'destroy' || c.action === 'replace')).toEqual([]);
  });
});

describe('read scale-out added and raised', () => {
  const admin = { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' };
  const pg = (id: string, readReplicas: number): Build => example(id, { database: { engine: DatabaseEngine.postgresql({ version: '16', skuName: 'GP_Standard_D4ds_v5', readReplicas }), administrator: admin } });
  const sql = (readScaleOut?: boolean): Build => example('primary-secondary', { database: { engine: DatabaseEngine.sql({ failoverMode: 'Automatic', graceMinutes: 60, skuName: 'BC_Gen5_2', ...(readScaleOut === undefined ? {} : { readScaleOut }) }), administrator: admin } });
  const created = (changes: Change[]) => [...new Set(changes.filter((c) => c.action === 'create').map((c) => c.type))].sort();

  test.each(steps([
    ['active-passive', exampleStacks('active-passive')],
    ['one read replica', pg('active-passive', 1)],
    ['two read replicas', pg('active-passive', 2)],
  ]))('%s: creates the replicas, their endpoints, diagnostics and alerts; the ConfigMap is updated in place', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.filter((c) => c.action === 'destroy' || c.action === 'replace')).toEqual([]);
    expect(created(changes)).toEqual(['azurerm_monitor_diagnostic_setting', 'azurerm_monitor_metric_alert', 'azurerm_postgresql_flexible_server', 'azurerm_private_endpoint']);
    expect(changes.filter((c) => c.action === 'create' && c.type === 'azurerm_postgresql_flexible_server')).toHaveLength(1);
    expect(changes.filter((c) => c.action === 'update').map((c) => c.type)).toContain('kubernetes_config_map_v1');
  });

  test.each(steps([
    ['zoneRedundant PostgreSQL', pg('zone-redundant', 0)],
    ['with a read pool of two', pg('zone-redundant', 2)],
  ]))('%s: a cell without a cross-region replica gains a virtual endpoint too; its server is not touched', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.filter((c) => c.action === 'destroy' || c.action === 'replace')).toEqual([]);
    expect(created(changes)).toContain('azurerm_postgresql_flexible_server_virtual_endpoint');
    expect(changes.filter((c) => c.type === 'azurerm_postgresql_flexible_server' && c.action !== 'create')).toEqual([]);
  });

  test('lowering readReplicas destroys a protected server: the plan model calls it harmful (the README says how to remove one)', () => {
    const [[, before, after]] = steps([['two', pg('active-passive', 2)], ['one', pg('active-passive', 1)]]);
    const bad = harmful(plan(before, after));
    expect(bad.some((c) => c.type === 'azurerm_postgresql_flexible_server' && c.action === 'destroy' && c.address.includes('ReadReplica2'))).toBe(true);
  });

  test.each(steps([
    ['Business Critical', sql()],
    ['read scale-out on', sql(true)],
    ['read scale-out off', sql(false)],
  ]))('%s: the databases and ConfigMaps are updated in place, nothing else', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect([...new Set(changes.map((c) => `${c.type} ${c.action}`))].sort()).toEqual(['azurerm_mssql_database update', 'kubernetes_config_map_v1 update']);
  });
});

describe('a PostgreSQL HA mode changed through Disabled, and an Event Hubs namespace scaled (zone-redundant)', () => {
  const admin = { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' };
  const ha = (highAvailability?: 'Disabled' | { westus3: 'SameZone' }): Build => example('zone-redundant', { database: { engine: DatabaseEngine.postgresql(highAvailability ? { highAvailability } : {}), administrator: admin } });
  test.each(steps([
    ['zone-redundant HA', ha()],
    ['HA disabled', ha('Disabled')],
    ['same-zone HA named for westus3', ha({ westus3: 'SameZone' })],
  ]))('%s: the server is updated in place, nothing else changes', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.map((c) => `${c.type} ${c.action}`)).toEqual(['azurerm_postgresql_flexible_server update']);
  });

  const hubs = (options: Parameters<typeof EventTransport.eventHubs>[0]): Build => example('zone-redundant', { eventBus: { transport: EventTransport.eventHubs(options) } });
  test.each(steps([
    ['Event Hubs, 1 throughput unit', hubs({ capacity: 1 })],
    ['2 units', hubs({ capacity: 2 })],
    ['auto-inflate up to 10', hubs({ capacity: 2, maximumThroughputUnits: 10 })],
    ['retention of 2 days', hubs({ capacity: 2, maximumThroughputUnits: 10, retentionDays: 2 })],
  ]))('%s: the namespace or the event hub is updated in place', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.map((c) => c.action)).toEqual(['update']);
    expect(['azurerm_eventhub_namespace', 'azurerm_eventhub']).toContain(changes[0].type);
  });
});

describe('observability operations (primary-secondary)', () => {
  const contacts = { emails: ['oncall@contoso.com'] };
  test.each(steps([
    ['watching', exampleStacks('primary-secondary')],
    ['eastus silenced for planned maintenance', example('primary-secondary', { observability: { contacts, silencedRegions: ['eastus'] } })],
    ['maintenance over', example('primary-secondary', { observability: { contacts } })],
  ]))('%s: only the alert processing rule comes or goes', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.map((c) => [c.stack, c.type, c.action])).toEqual([['primary-secondary-observability', 'azurerm_monitor_alert_processing_rule_suppression', expect.stringMatching(/^(create|destroy)$/)]]);
  });

  test.each(steps([
    ['without observability', example('primary-secondary', { observability: { enabled: false } })],
    ['with observability', exampleStacks('primary-secondary')],
    ['without again', example('primary-secondary', { observability: { enabled: false } })],
  ]))('%s: only the observability stack\'s resources come or go', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.length).toBeGreaterThan(30);
    expect(changes.filter((c) => c.stack !== 'primary-secondary-observability')).toEqual([]);
    expect([...new Set(changes.map((c) => c.action))]).toHaveLength(1);
  });

  test.each(steps([
    ['contacts given', exampleStacks('primary-secondary')],
    ['a webhook added', example('primary-secondary', { observability: { contacts: { ...contacts, webhooks: ['https://hooks.contoso.com/alerts'] } } })],
  ]))('%s: the action group changes in place, no alert is replaced', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.map((c) => [c.type, c.action])).toEqual([['azurerm_monitor_action_group', 'update']]);
  });
});

describe('diagnostic logs from allLogs to audit and back (active-active)', () => {
  test.each(steps([
    ['allLogs', exampleStacks('active-active')],
    ['audit', example('active-active', { monitoring: { diagnosticLogs: 'audit' } })],
    ['allLogs again', example('active-active', {})],
  ]))('%s: the diagnostic settings change in place, nothing else', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect([...new Set(changes.map((c) => `${c.type} ${c.action}`))]).toEqual(['azurerm_monitor_diagnostic_setting update']);
  });
});

describe('the transition model catches what it must', () => {
  const ps = (order: WorkloadServiceOptions): Build => example('primary-secondary', { workloads: { order, tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' } } });
  const [[, rolling, , ], [, blue]] = [
    ['rolling', synthApp(ps({ image: 'c.io/o:1' }))],
    ['blue', synthApp(ps({ image: 'c.io/o:2', rollout: Rollout.blueGreen({ live: 'blue', blueImage: 'c.io/o:1', greenImage: 'c.io/o:2', idleReplicas: 2 }) }))],
  ] as const;

  test('a flip to an idle colour smaller than what the live one may carry is a capacity cliff', () => {
    const green = synthApp(ps({ image: 'c.io/o:2', rollout: Rollout.blueGreen({ live: 'green', blueImage: 'c.io/o:1', greenImage: 'c.io/o:2', idleReplicas: 2 }) }));
    const c = capacity(blue['primary-secondary-westus3-apps'], green['primary-secondary-westus3-apps'], 'order-api');
    // The live colour may carry the demand model's maximum: the whole peak when the other region is lost, 20 pods.
    expect(c.handedOver).toBe(20);
    expect(c.atSwitch).toBe(2);
  });

  test('a renamed Deployment and a changed database name are harmful', () => {
    const renamed = JSON.parse(JSON.stringify(rolling)) as Record<string, StackJson>;
    const apps = renamed['primary-secondary-westus3-apps'].resource.kubernetes_deployment_v1;
    const id = Object.keys(apps).find((k) => apps[k].metadata.name === 'order-api')!;
    apps[id].metadata.name = 'order-api-stable';
    const db = renamed['primary-secondary-data'].resource.azurerm_mssql_database;
    const dbId = Object.keys(db)[0];
    db[dbId].name = 'orders2';
    expect(harmful(plan(rolling, renamed)).map((c) => [c.type, c.action, c.forcedBy])).toEqual([
      ['azurerm_mssql_database', 'replace', ['name']],
      ['kubernetes_deployment_v1', 'replace', ['metadata.name']],
    ]);
  });

  test('an HPA handed a Deployment at zero is caught', () => {
    const before = JSON.parse(JSON.stringify(rolling)) as Record<string, StackJson>;
    const apps = before['primary-secondary-westus3-apps'].resource;
    const [id, d] = Object.entries(apps.kubernetes_deployment_v1).find(([, x]) => x.metadata.name === 'order-api')!;
    apps.kubernetes_deployment_v1[id] = { ...d, spec: { ...d.spec, replicas: '0' }, lifecycle: undefined };
    // The example scales with KEDA (a demand model): its ScaledObject is the autoscaler the Deployment loses.
    delete apps.kubernetes_manifest[Object.keys(apps.kubernetes_manifest).find((k) => apps.kubernetes_manifest[k].manifest.spec?.scaleTargetRef?.name === 'order-api')!];
    expect(capacity(before['primary-secondary-westus3-apps'], rolling['primary-secondary-westus3-apps'], 'order-api').stuckAtZero).toEqual(['order-api']);
  });
});

describe('the demand model and the cache switched on (active-active, primary-secondary)', () => {
  const DEMAND: MultiRegionOrderPlatformProps['demand'] = {
    order: { peakRequestsPerSecond: 3000, baseRequestsPerSecond: 600, requestsPerSecondPerPod: 100 },
    tracking: { peakRequestsPerSecond: 1500, baseRequestsPerSecond: 300, requestsPerSecondPerPod: 150, requestUnitsPerRequest: 8 },
    peaks: [{ days: ['Friday', 'Saturday', 'Sunday'], startTime: '17:00', endTime: '22:00' }],
  };
  const LUNCH = { ...DEMAND!, peaks: [...DEMAND!.peaks, { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], startTime: '11:30', endTime: '13:30' }] } as MultiRegionOrderPlatformProps['demand'];
  // The active-passive example's services (its tracking canary included).
  const AP_WORKLOADS = {
    order: { image: 'contoso.azurecr.io/order-api:1.0.0' },
    tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0', rollout: Rollout.canary({ canaryImage: 'contoso.azurecr.io/tracking-api:1.1.0', percent: 10 }) },
  };
  const changesOf = (changes: Change[], action: string) => changes.filter((c) => c.action === action).map((c) => `${c.stack} ${c.type}`).sort();

  test.each(steps([
    ['plain HPAs, no cache', example('active-active', { demand: undefined, cache: undefined })],
    ['the caches added', example('active-active', { demand: undefined })],
    ['the demand model', exampleStacks('active-active')],
    ['a weekday lunch peak added', example('active-active', { demand: LUNCH })],
    ['westus3 maintenance moved to Friday 03:00', example('active-active', { demand: LUNCH, maintenanceWindows: { westus3: { kubernetes: { dayOfWeek: 'Friday', startTime: '03:00', utcOffset: '-07:00' } } } })],
    ['plain HPAs again', example('active-active', { demand: undefined })],
  ]))('%s: nothing replaced, every service keeps its pods', (label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changesOf(changes, 'replace')).toEqual([]);
    // Switching to KEDA destroys only the HPAs, which the ScaledObjects of the same names adopt (the Deployments keep
    // their counts whichever Terraform applies first); the region stacks turn the KEDA add-on on in place.
    const destroyed = changesOf(changes, 'destroy');
    // Switching back destroys the ScaledObjects (KEDA removes the HPAs they manage) and the KEDA identities' grants.
    const back = label.endsWith('-> plain HPAs again');
    expect(destroyed.every((c) => (back ? /kubernetes_manifest|azurerm_(user_assigned_identity|federated_identity_credential|role_assignment)$/ : /kubernetes_horizontal_pod_autoscaler_v2$/).test(c))).toBe(true);
    if (label.endsWith('-> westus3 maintenance moved to Friday 03:00')) {
      expect(changes.map((c) => `${c.stack} ${c.type} ${c.action}`)).toEqual(['active-active-westus3 azurerm_kubernetes_cluster update']);
    }
    if (label.endsWith('-> the demand model')) {
      expect(destroyed).toHaveLength(6);
      expect(changesOf(changes, 'create').filter((c) => c.endsWith('kubernetes_manifest'))).toHaveLength(9);
      const clusters = changes.filter((c) => c.type === 'azurerm_kubernetes_cluster');
      expect(clusters.map((c) => c.action)).toEqual(['update', 'update', 'update']);
      const after3 = after['active-active-westus3'].resource.azurerm_kubernetes_cluster;
      expect(Object.values(after3).map((c) => (c as { workload_autoscaler_profile: unknown }).workload_autoscaler_profile)).toEqual([{ keda_enabled: true }]);
    }
  });

  test.each(steps([
    ['warm standby', example('active-passive', { demand: DEMAND })],
    ['standbyActive: the passive region at active size, with the peak floors', example('active-passive', { demand: DEMAND, workloads: { ...AP_WORKLOADS, standbyActive: true } })],
    ['failed back', example('active-passive', { demand: DEMAND })],
  ]))('active-passive under the demand model, %s: nothing replaced, the serving region keeps its pods', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changesOf(changes, 'replace')).toEqual([]);
  });

  test('each ScaledObject adopts the HPA of its own name, so KEDA keeps the HPA Terraform destroys', () => {
    const [before, after] = [synthApp(example('primary-secondary', { demand: undefined })), exampleStacks('primary-secondary')];
    for (const region of ['westus3', 'eastus']) {
      const hpas = Object.values(before[`primary-secondary-${region}-apps`].resource.kubernetes_horizontal_pod_autoscaler_v2).map((h) => (h as { metadata: { name: string } }).metadata.name).sort();
      const scaled = Object.values(after[`primary-secondary-${region}-apps`].resource.kubernetes_manifest).map((m) => (m as { manifest: { kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec: { advanced?: { horizontalPodAutoscalerConfig?: { name: string } } } } }).manifest)
        .filter((m) => m.kind === 'ScaledObject');
      expect(scaled.map((m) => m.spec.advanced?.horizontalPodAutoscalerConfig?.name).sort()).toEqual(hpas);
      for (const m of scaled) expect(m.metadata.annotations).toEqual({ 'scaledobject.keda.sh/transfer-hpa-ownership': 'true' });
    }
  });
});

describe('the Event Hubs transport (issue 16)', () => {
  const hubs = (regions: string[], eventBus: MultiRegionOrderPlatformProps['eventBus']): Build => (app) => {
    new MultiRegionOrderPlatform(app, 'aa', {
      prefix: 'aa', pattern: RedundancyPattern.activeActive(), regions,
      database: { engine: DatabaseEngine.sql(), administrator: { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' } },
      trackingStore: {}, eventBus,
      workloads: { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } },
      entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } },
    });
  };
  const eventHubs = { transport: EventTransport.eventHubs({ partitions: 8 }) };

  test.each(steps([
    ['activeActive, no event bus', hubs(['eastus2', 'westus3'], undefined)],
    ['the Event Hubs bus added', hubs(['eastus2', 'westus3'], eventHubs)],
  ]))('%s: creates only', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.filter((c) => c.action !== 'create' && c.action !== 'update')).toEqual([]);
    const created = changes.filter((c) => c.action === 'create').map((c) => c.type);
    // A namespace and a standby per region, an event hub, a consumer group and an alias per region.
    expect(created.filter((t) => t === 'azurerm_eventhub_namespace')).toHaveLength(4);
    expect(created.filter((t) => t === 'azurerm_eventhub')).toHaveLength(2);
    expect(created.filter((t) => t === 'azurerm_eventhub_consumer_group')).toHaveLength(2);
    expect(created.filter((t) => t === 'azurerm_eventhub_namespace_disaster_recovery_config')).toHaveLength(2);
  });

  test.each(steps([
    ['Event Hubs, 2 regions', hubs(['eastus2', 'westus3'], eventHubs)],
    ['Event Hubs, a third region appended', hubs(['eastus2', 'westus3', 'centralus'], eventHubs)],
  ]))('%s: creates the new cell and its pairing, replaces and destroys nothing', (_label, before, after) => {
    const changes = expectSafe(before, after);
    expect(changes.filter((c) => c.action === 'destroy' || c.action === 'replace')).toEqual([]);
    const hubChanges = changes.filter((c) => c.type.startsWith('azurerm_eventhub')).map((c) => `${c.type} ${c.action}`).sort();
    // centralus's namespace, its hub, group and alias, and its standby in westus3 (its partner).
    expect(hubChanges).toEqual([
      'azurerm_eventhub create', 'azurerm_eventhub_consumer_group create', 'azurerm_eventhub_namespace create', 'azurerm_eventhub_namespace create', 'azurerm_eventhub_namespace_disaster_recovery_config create',
    ]);
  });
});
