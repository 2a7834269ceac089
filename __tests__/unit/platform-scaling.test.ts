import { TerraformStack, Testing } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { formatUtcOffset, maintenanceIntervals, overlaps, zoneOffsets } from '../../lib/core/weekly-time';
import { Regions } from '../../lib/core/regions';
import { DatabaseEngine } from '../../lib/database/engine';
import { EventTransport } from '../../lib/events/transport';
import { MultiRegionOrderPlatform } from '../../lib/platform/multi-region-order-platform';
import { MultiRegionOrderPlatformProps } from '../../lib/platform/multi-region-order-platform-types';
import { servingWeights } from '../../lib/platform/scaling';

/**
 * The demand model on the platform (lib/platform/scaling.ts, lib/platform/maintenance.ts): each pattern's replica
 * ranges, KEDA ScaledObjects with peak floors and the backlog trigger, the KEDA add-on and identity, the Cosmos DB
 * maximum, and the maintenance windows, read from the synthesized stacks.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const IMAGES = { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } };
const ENTRY = { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } };
const DEMAND: NonNullable<MultiRegionOrderPlatformProps['demand']> = {
  order: { peakRequestsPerSecond: 2000, baseRequestsPerSecond: 400, requestsPerSecondPerPod: 100 },
  tracking: { peakPodsPerRegion: 4, basePodsPerRegion: 2 },
  peaks: [{ days: ['Saturday'], startTime: '18:00', endTime: '23:00' }],
};

function platform(props: Partial<MultiRegionOrderPlatformProps>): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(Testing.app(), 'shop', {
    prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], workloads: IMAGES, entry: ENTRY, demand: DEMAND,
    kubernetes: { userPool: { maxCount: 20 } }, observability: { enabled: false }, ...props,
  });
}

const json = (stack: TerraformStack): Loose => JSON.parse(Testing.synth(stack));

/** The ScaledObjects of a region's apps stack: name -> [min, max, cron floors, trigger types]. */
function scaled(p: MultiRegionOrderPlatform, region: string): Record<string, [number, number, string[], string[]]> {
  const manifests = Object.values(json(p.appsStacks[region]).resource.kubernetes_manifest ?? {}).map((m: Loose) => m.manifest).filter((m: Loose) => m.kind === 'ScaledObject');
  return Object.fromEntries(manifests.map((m: Loose) => [m.metadata.name, [
    m.spec.minReplicaCount, m.spec.maxReplicaCount,
    m.spec.triggers.filter((t: Loose) => t.type === 'cron').map((t: Loose) => `${t.metadata.desiredReplicas} ${t.metadata.timezone} ${t.metadata.start} / ${t.metadata.end}`),
    m.spec.triggers.map((t: Loose) => t.type),
  ]]));
}

describe('replica ranges and peak floors, per pattern', () => {
  test('zoneRedundant: one region carries it all; the floor starts 30 minutes early in the region\'s own time zone', () => {
    const p = platform({});
    expect(scaled(p, 'westus3')).toEqual({
      'order-api': [4, 20, ['20 America/Phoenix 30 17 * * 6 / 0 23 * * 6'], ['cpu', 'cron']],
      'tracking-api': [2, 4, ['4 America/Phoenix 30 17 * * 6 / 0 23 * * 6'], ['cpu', 'cron']],
    });
    expect(json(p.appsStacks.westus3).resource.kubernetes_horizontal_pod_autoscaler_v2).toBeUndefined();
    expect(Object.values(json(p.regionStacks.westus3).resource.azurerm_kubernetes_cluster).map((c: Loose) => c.workload_autoscaler_profile)).toEqual([{ keda_enabled: true }]);
  });

  test('primarySecondary: each region half the peak, the whole peak when the other is lost; a peak time zone given holds everywhere', () => {
    const p = platform({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], demand: { ...DEMAND, timeZone: 'America/Chicago' } });
    for (const region of ['westus3', 'eastus']) {
      expect(scaled(p, region)).toEqual({
        'order-api': [2, 20, ['10 America/Chicago 30 17 * * 6 / 0 23 * * 6'], ['cpu', 'cron']],
        'tracking-api': [2, 8, ['4 America/Chicago 30 17 * * 6 / 0 23 * * 6'], ['cpu', 'cron']],
      });
    }
  });

  test('activePassive: the active region at the whole peak; a warm standby at its minimum with the same maximum and no floors; a pilot light without ScaledObjects', () => {
    const warm = platform({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'] });
    expect(scaled(warm, 'eastus2')['order-api']).toEqual([4, 20, ['20 America/New_York 30 17 * * 6 / 0 23 * * 6'], ['cpu', 'cron']]);
    expect(scaled(warm, 'centralus')).toEqual({ 'order-api': [1, 20, [], ['cpu']], 'tracking-api': [1, 4, [], ['cpu']] });
    const failover = platform({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'], workloads: { ...IMAGES, standbyActive: true } });
    expect(scaled(failover, 'centralus')['order-api']).toEqual([4, 20, ['20 America/Chicago 30 17 * * 6 / 0 23 * * 6'], ['cpu', 'cron']]);
    const pilot = platform({ pattern: RedundancyPattern.activePassive({ standby: 'pilot-light' }), regions: ['eastus2', 'centralus'] });
    expect(scaled(pilot, 'centralus')).toEqual({});
  });

  test('activeActive: by the entry\'s weights, each region\'s maximum the share it gets when the region that hurts it most is lost', () => {
    const p = platform({ pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus2', 'centralus'], entry: { ...ENTRY, weights: { westus3: 1000, eastus2: 1000, centralus: 500 } } });
    expect(scaled(p, 'westus3')['order-api'].slice(0, 3)).toEqual([2, 14, ['8 America/Phoenix 30 17 * * 6 / 0 23 * * 6']]);
    expect(scaled(p, 'centralus')['order-api'].slice(0, 3)).toEqual([2, 7, ['4 America/Chicago 30 17 * * 6 / 0 23 * * 6']]);
    // Pods per region in the pods form are an average region's: 2 off-peak x 3 regions at 40 % is 2.4, so 3; at peak
    // 4 x 3 regions, and 1000/1500 of it when eastus2 is lost, 8.
    expect(scaled(p, 'westus3')['tracking-api'].slice(0, 2)).toEqual([3, 8]);
    expect(servingWeights({ pattern: RedundancyPattern.activeActive(), regions: ['a', 'b'] }, 'b')).toEqual({ weights: [1000, 1000], index: 1 });
  });

  test('regionPinned: each cell carries its own load; no cell takes another\'s', () => {
    const p = platform({ pattern: RedundancyPattern.regionPinned({ residency: { westeurope: 'EU Data Boundary', eastus2: 'United States' } }), regions: ['westeurope', 'eastus2'], entry: { ...ENTRY, geoRouting: { countries: { westeurope: ['DE'], eastus2: ['US'] } } } });
    expect(scaled(p, 'westeurope')['order-api']).toEqual([4, 20, ['20 Europe/Amsterdam 30 17 * * 6 / 0 23 * * 6'], ['cpu', 'cron']]);
    expect(scaled(p, 'eastus2')['order-api'][1]).toBe(20);
  });

  test('a user-set range wins where it carries the demand', () => {
    const p = platform({ workloads: { order: { image: 'c.io/order:1', minReplicas: 6, maxReplicas: 30 }, tracking: IMAGES.tracking } });
    expect(scaled(p, 'westus3')['order-api'].slice(0, 3)).toEqual([6, 30, ['20 America/Phoenix 30 17 * * 6 / 0 23 * * 6']]);
  });

  test('without a demand model: HPAs, no KEDA add-on, no KEDA identity', () => {
    const p = platform({ demand: undefined, eventBus: {} });
    expect(Object.keys(json(p.appsStacks.westus3).resource.kubernetes_horizontal_pod_autoscaler_v2)).toHaveLength(2);
    expect(json(p.appsStacks.westus3).resource.kubernetes_manifest).toBeUndefined();
    const stamp = json(p.regionStacks.westus3).resource;
    expect(Object.values(stamp.azurerm_kubernetes_cluster).map((c: Loose) => c.workload_autoscaler_profile)).toEqual([undefined]);
    expect(Object.values(stamp.azurerm_user_assigned_identity).map((i: Loose) => i.tags.service).sort()).toEqual(['order-api', 'tracking-api']);
  });
});

describe('the backlog scaler', () => {
  test('Service Bus: a trigger on the delivery-tracking subscription through the alias, read as KEDA\'s own identity with Data Owner on the subscription only', () => {
    const p = platform({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], eventBus: {} });
    // The regions share the primary's namespace: only the primary scales on its backlog (KEDA sizes one region's
    // consumers by the whole backlog), and only its KEDA identity is allowed to read it.
    expect(scaled(p, 'eastus')['tracking-api'][3]).toEqual(['cpu', 'cron']);
    expect(Object.values(json(p.regionStacks.eastus).resource.azurerm_user_assigned_identity).map((i: Loose) => i.tags.service)).not.toContain('keda-operator');
    const apps = json(p.appsStacks.westus3).resource.kubernetes_manifest;
    const tracking = Object.values(apps).map((m: Loose) => m.manifest).find((m: Loose) => m.kind === 'ScaledObject' && m.metadata.name === 'tracking-api');
    const backlog = tracking.spec.triggers.find((t: Loose) => t.type === 'azure-servicebus');
    expect(backlog.metadata).toMatchObject({ topicName: 'order-events', subscriptionName: 'delivery-tracking', messageCount: '50' });
    expect(backlog.metadata.namespace).toMatch(/^\$\{element\(split\("\.", /);
    expect(backlog.authenticationRef).toEqual({ name: 'tracking-api-servicebus' });
    const auth = Object.values(apps).map((m: Loose) => m.manifest).find((m: Loose) => m.kind === 'TriggerAuthentication');
    expect(auth.metadata.name).toBe('tracking-api-servicebus');
    expect(auth.spec.podIdentity.provider).toBe('azure-workload');
    const stamp = json(p.regionStacks.westus3).resource;
    const keda = Object.entries(stamp.azurerm_user_assigned_identity).find(([, i]: Loose) => i.tags.service === 'keda-operator')!;
    expect(auth.spec.podIdentity.identityId).toBe(`\${azurerm_user_assigned_identity.${keda[0]}.client_id}`);
    expect(Object.values(stamp.azurerm_federated_identity_credential).map((c: Loose) => c.subject)).toContain('system:serviceaccount:kube-system:keda-operator');
    const roles = Object.values(stamp.azurerm_role_assignment).filter((r: Loose) => r.principal_id === `\${azurerm_user_assigned_identity.${keda[0]}.principal_id}`) as Loose[];
    expect(roles.map((r) => r.role_definition_definition ?? r.role_definition_name)).toEqual(['Azure Service Bus Data Owner', 'Azure Service Bus Data Owner']);
    // The active subscription, and the standby namespace's replicated subscription for after a failover.
    expect(roles.map((r) => String(r.scope)).some((s) => s.endsWith('/topics/order-events/subscriptions/delivery-tracking'))).toBe(true);
  });

  test('Event Grid pushes: no backlog trigger, no KEDA identity, and grantBacklogRead is refused', () => {
    const p = platform({ eventBus: { transport: EventTransport.eventGrid({ subscribe: false } as Loose) } });
    expect(scaled(p, 'westus3')['tracking-api'][3]).toEqual(['cpu', 'cron']);
    const identities = Object.values(json(p.regionStacks.westus3).resource.azurerm_user_assigned_identity).map((i: Loose) => i.tags.service);
    expect(identities).not.toContain('keda-operator');
    expect(() => p.eventBus!.grantBacklogRead({ principalId: '44444444-4444-4444-4444-444444444444' }, { id: 'X', scope: p.regionStacks.westus3 })).toThrow(ValidationError);
  });
});

describe('the backlog scaler, per pattern', () => {
  const kedaRoles = (p: MultiRegionOrderPlatform, region: string): string[] => {
    const stamp = json(p.regionStacks[region]).resource;
    const keda = Object.entries(stamp.azurerm_user_assigned_identity ?? {}).find(([, i]: Loose) => i.tags.service === 'keda-operator');
    if (!keda) return [];
    return (Object.values(stamp.azurerm_role_assignment) as Loose[]).filter((r) => r.principal_id === `\${azurerm_user_assigned_identity.${keda[0]}.principal_id}`).map((r) => `${r.role_definition_name} ${String(r.scope).replace(/\$\{azurerm_servicebus_namespace\.EventBus_([a-z0-9]+)_.*$/, '$1 standby').replace(/^.*remote_state.*$/, 'subscription')}`).sort();
  };

  test('activeActive: each region scales on its own subscription, and its KEDA identity may read only that one and its standby', () => {
    const p = platform({ pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus2'], eventBus: {} });
    for (const region of ['westus3', 'eastus2']) {
      expect(scaled(p, region)['tracking-api'][3]).toEqual(['cpu', 'cron', 'azure-servicebus']);
      expect(kedaRoles(p, region)).toHaveLength(2);
    }
  });

  test('activePassive: the active region scales on the backlog; the passive one only once standbyActive makes it serve', () => {
    const ap = { pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'], eventBus: {} };
    const warm = platform(ap);
    expect(scaled(warm, 'eastus2')['tracking-api'][3]).toEqual(['cpu', 'cron', 'azure-servicebus']);
    expect(scaled(warm, 'centralus')['tracking-api'][3]).toEqual(['cpu']);
    expect(kedaRoles(warm, 'centralus')).toEqual([]);
    const failover = platform({ ...ap, workloads: { ...IMAGES, standbyActive: true } });
    expect(scaled(failover, 'centralus')['tracking-api'][3]).toEqual(['cpu', 'cron', 'azure-servicebus']);
    expect(kedaRoles(failover, 'centralus')).toHaveLength(2);
  });
});

describe('Cosmos DB from the demand model', () => {
  const tracking = { peakRequestsPerSecond: 1500, baseRequestsPerSecond: 300, requestsPerSecondPerPod: 150, requestUnitsPerRequest: 8 };
  const deliveries = (p: MultiRegionOrderPlatform) => Object.values(json(p.dataStack).resource.azurerm_cosmosdb_sql_container).map((c: Loose) => [c.name, c.autoscale_settings.max_throughput]);

  test('the deliveries container\'s autoscale maximum carries the peak; a larger one given is kept', () => {
    expect(deliveries(platform({ trackingStore: {}, demand: { ...DEMAND, tracking } }))).toEqual(expect.arrayContaining([['deliveries', 12000]]));
    expect(deliveries(platform({ trackingStore: { deliveries: { maxThroughput: 20000 } }, demand: { ...DEMAND, tracking } }))).toEqual(expect.arrayContaining([['deliveries', 20000]]));
    expect(deliveries(platform({ trackingStore: {} }))).toEqual(expect.arrayContaining([['deliveries', 4000]]));
  });
});

describe('maintenance windows', () => {
  const windows = (p: MultiRegionOrderPlatform, regions: string[]) => regions.map((r) => Object.values(json(p.regionStacks[r]).resource.azurerm_kubernetes_cluster).map((c: Loose) => c.maintenance_window_auto_upgrade)[0]);
  const asChecked = (w: Loose) => ({ dayOfWeek: w.day_of_week, startTime: w.start_time, durationHours: w.duration, utcOffset: w.utc_offset });

  test('each region at 02:00 local standard time on its own night, no two overlapping (five regions)', () => {
    const regions = ['eastus', 'eastus2', 'centralus', 'westus3', 'canadacentral'];
    const p = platform({ pattern: RedundancyPattern.activeActive(), regions, demand: undefined });
    const got = windows(p, regions);
    expect(got.map((w) => w.utc_offset)).toEqual(regions.map((r) => formatUtcOffset(zoneOffsets(Regions.tryFind(r)!.timeZone).standard)));
    expect(got.every((w) => w.start_time === '02:00' && w.duration === 4 && w.day_of_week !== 'Monday')).toBe(true);
    got.forEach((a, i) => got.slice(i + 1).forEach((b) => expect(overlaps(maintenanceIntervals(asChecked(a)), maintenanceIntervals(asChecked(b)))).toBe(false)));
    // The node-image window is the same.
    expect(regions.map((r) => Object.values(json(p.regionStacks[r]).resource.azurerm_kubernetes_cluster).map((c: Loose) => c.maintenance_window_node_os)[0])).toEqual(got);
  });

  test('a peak on every night from Tuesday to Thursday moves the windows to the nights it leaves free', () => {
    const nights = { days: ['Tuesday', 'Wednesday', 'Thursday'] as Loose, startTime: '00:00', endTime: '06:00' };
    const p = platform({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], demand: { ...DEMAND, peaks: [nights] } });
    expect(windows(p, ['westus3', 'eastus']).map((w) => w.day_of_week)).toEqual(['Friday', 'Saturday']);
  });

  test('PostgreSQL: each region\'s servers get their own hour, apart from every cluster window', () => {
    const p = platform({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'], database: { engine: DatabaseEngine.postgresql(), administrator: { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' } } });
    const servers = Object.values(json(p.dataStack).resource.azurerm_postgresql_flexible_server).map((s: Loose) => [s.location, s.maintenance_window]);
    expect(servers).toEqual(expect.arrayContaining([['eastus2', { day_of_week: 2, start_hour: 6, start_minute: 0 }], ['centralus', { day_of_week: 3, start_hour: 7, start_minute: 0 }]]));
  });

  test('a window given per region is used as given', () => {
    const given = { dayOfWeek: 'Thursday' as const, startTime: '03:00', durationHours: 5, utcOffset: '-07:00' };
    const p = platform({ maintenanceWindows: { westus3: { kubernetes: given } } });
    expect(windows(p, ['westus3'])).toEqual([{ day_of_week: 'Thursday', duration: 5, frequency: 'Weekly', interval: 1, start_time: '03:00', utc_offset: '-07:00' }]);
  });

  test.each<[string, Partial<MultiRegionOrderPlatformProps>, string]>([
    ['a window for a region the platform does not have', { maintenanceWindows: { eastus: { kubernetes: { dayOfWeek: 'Tuesday' } } } }, 'maintenanceWindows.eastus'],
    ['a window inside the peak', { maintenanceWindows: { westus3: { kubernetes: { dayOfWeek: 'Saturday', startTime: '19:00', utcOffset: '-07:00' } } } }, 'inside peak 1 (Saturday 18:00-23:00 America/Phoenix)'],
    ['a database window with PostgreSQL\'s own engine window', { database: { engine: DatabaseEngine.postgresql({ maintenanceWindow: { dayOfWeek: 'Monday' } }), administrator: { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' } }, maintenanceWindows: { westus3: { database: { dayOfWeek: 'Tuesday' } } } }, 'database.engine.maintenanceWindow sets every server\'s window already'],
    ['a database window without a database', { maintenanceWindows: { westus3: { database: { dayOfWeek: 'Tuesday' } } } }, 'there is no database, so the window would be ignored'],
    ['a database window of two hours', { database: { engine: DatabaseEngine.postgresql(), administrator: { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' } }, maintenanceWindows: { westus3: { database: { dayOfWeek: 'Tuesday', durationHours: 2 } } } }, 'flexible server custom maintenance windows last one hour'],
  ])('refuses %s', (_name, props, message) => {
    expect(() => platform(props)).toThrow(message);
  });
});
