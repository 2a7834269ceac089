import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { Checks } from '../../lib/core/validate';
import { MultiRegionOrderPlatformProps } from '../../lib/platform/multi-region-order-platform-types';
import { backlogHome, checkPlatformDemand, PlatformDemand, regionScaling, servingWeights } from '../../lib/platform/scaling';

/**
 * Unit tests of the platform's demand checks and scaling (lib/platform/scaling.ts), calling its pure functions with plain
 * props: the checks against workloads, KEDA, the user's maxima and the Cosmos DB maximum; the serving weights; the
 * backlog's home region; and one region's ranges, peak floors and backlog trigger.
 */

type Props = MultiRegionOrderPlatformProps;
const IMAGES = { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } };
const DEMAND: NonNullable<Props['demand']> = {
  order: { peakRequestsPerSecond: 2000, baseRequestsPerSecond: 400, requestsPerSecondPerPod: 100 },
  tracking: { peakPodsPerRegion: 4, basePodsPerRegion: 2 },
  peaks: [{ days: ['Saturday'], startTime: '18:00', endTime: '23:00' }],
};

function props(p: Partial<Props>): Props {
  return { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], workloads: IMAGES, demand: DEMAND, ...p } as Props;
}

/** The checked demand and the violations (prop | problem | fix) of checking `p`. */
function check(p: Props): { result: PlatformDemand | undefined; errors: string[] } {
  const checks = new Checks(new Construct(Testing.app(), 'Platform'));
  const result = checkPlatformDemand(checks, p);
  try {
    checks.throwIfAny();
    return { result, errors: [] };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { result, errors: e.violations.map((v) => `${v.prop} | ${JSON.stringify(v.value)} | ${v.problem} | ${v.fix}`) };
  }
}

const placements = (pattern: RedundancyPattern, regions: string[]) => pattern.place(new Construct(Testing.app(), 'P'), regions);

describe('checkPlatformDemand', () => {
  test('without a demand model: nothing checked, undefined', () => {
    expect(check(props({ demand: undefined, workloads: undefined, kubernetes: { keda: false } }))).toEqual({ result: undefined, errors: [] });
  });

  test('a sound model: each region\'s capacity per service, no Cosmos DB maximum without request units', () => {
    const { result, errors } = check(props({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] }));
    expect(errors).toEqual([]);
    expect(result!.capacity).toEqual({
      westus3: { order: { basePods: 2, peakPods: 10, maxPods: 20 }, tracking: { basePods: 2, peakPods: 4, maxPods: 8 } },
      eastus: { order: { basePods: 2, peakPods: 10, maxPods: 20 }, tracking: { basePods: 2, peakPods: 4, maxPods: 8 } },
    });
    expect(result!.demand.leadMinutes).toBe(30);
    expect(Object.keys(result!)).toEqual(['demand', 'capacity']);
  });

  test('a demand model without workloads, or with the KEDA add-on off, is refused with its fix', () => {
    expect(check(props({ workloads: undefined, kubernetes: { keda: false } })).errors).toEqual([
      'demand | ["order","tracking","peaks"] | the demand model sizes the workloads, and there are none, so it would be ignored | add workloads, or drop demand',
      'kubernetes.keda | false | the demand model scales through the KEDA add-on (scheduled peaks, backlog) | drop kubernetes.keda (the demand model turns it on), or drop demand',
    ]);
    expect(check(props({ kubernetes: { keda: true } })).errors).toEqual([]);
  });

  test('the demand model\'s own checks are recorded under demand', () => {
    expect(check(props({ demand: { ...DEMAND, peaks: [] } })).errors).toEqual([
      'demand.peaks | [] | the demand model has no peak, so nothing would scale out before one | give at least one peak, e.g. { days: [\'Saturday\'], startTime: \'17:00\', endTime: \'22:00\' }',
    ]);
  });

  test('a maximum below the peak of a region that carries its load alone', () => {
    const given = { order: { ...IMAGES.order, maxReplicas: 19 }, tracking: { ...IMAGES.tracking, maxReplicas: 4 } };
    expect(check(props({ workloads: given })).errors).toEqual([
      'workloads.order.maxReplicas | 19 | the demand model needs 20 pods in westus3 at peak: this maximum cannot carry the peak | raise maxReplicas to at least 20, or drop it (the demand model sets it per region)',
    ]);
  });

  test('a maximum below a lost region\'s share names the region that needs the most', () => {
    const p = props({
      pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus2', 'centralus'], entry: { weights: { westus3: 500, eastus2: 1000, centralus: 1000 } } as Props['entry'],
      workloads: { order: { ...IMAGES.order, maxReplicas: 10 }, tracking: { ...IMAGES.tracking, maxReplicas: 2.5 } },
    });
    expect(check(p).errors).toEqual([
      'workloads.order.maxReplicas | 10 | the demand model needs 8 pods in eastus2 at peak, and 14 when another of the 3 serving regions is lost and the survivors carry its share: this maximum cannot carry a lost region | raise maxReplicas to at least 14, or drop it (the demand model sets it per region)',
    ]);
    expect(check({ ...p, workloads: { order: { ...IMAGES.order, maxReplicas: 14 }, tracking: IMAGES.tracking } }).errors).toEqual([]);
  });

  test('the Cosmos DB maximum: derived from request units, a smaller one given is refused, an equal one passes', () => {
    const demand = { ...DEMAND, tracking: { peakRequestsPerSecond: 300, baseRequestsPerSecond: 100, requestsPerSecondPerPod: 50, requestUnitsPerRequest: 10 } };
    expect(check(props({ demand })).result!.cosmosMaxThroughput).toBe(3000);
    expect(check(props({ demand, trackingStore: { deliveries: { maxThroughput: 2000 } } } as Partial<Props>)).errors).toEqual([
      'trackingStore.deliveries.maxThroughput | 2000 | the tracking demand needs 3000 RU/s at peak (peakRequestsPerSecond x requestUnitsPerRequest); every region of an account is provisioned the same, so one region must carry it all | raise maxThroughput to at least 3000, or drop it (the demand model sets it)',
    ]);
    expect(check(props({ demand, trackingStore: { deliveries: { maxThroughput: 3000 } } } as Partial<Props>)).errors).toEqual([]);
    expect(check(props({ trackingStore: { deliveries: { maxThroughput: 100 } } } as Partial<Props>)).errors).toEqual([]);
  });
});

describe('servingWeights', () => {
  test('activeActive: the entry\'s positive weights, else 1000; an unknown region sits first', () => {
    const p = { pattern: RedundancyPattern.activeActive(), regions: ['a', 'b', 'c', 'd'], entry: { weights: { a: 200, b: 0, c: -5 } } } as Parameters<typeof servingWeights>[0];
    expect(servingWeights(p, 'c')).toEqual({ weights: [200, 1000, 1000, 1000], index: 2 });
    expect(servingWeights({ ...p, entry: { weights: { a: '7' } } } as unknown as typeof p, 'x')).toEqual({ weights: [1000, 1000, 1000, 1000], index: 0 });
  });

  test('primarySecondary: both regions equally; the others: the region alone', () => {
    expect(servingWeights({ pattern: RedundancyPattern.primarySecondary(), regions: ['a', 'b'] }, 'b')).toEqual({ weights: [1, 1], index: 1 });
    expect(servingWeights({ pattern: RedundancyPattern.primarySecondary(), regions: ['a', 'b'] }, 'x')).toEqual({ weights: [1, 1], index: 0 });
    for (const pattern of [RedundancyPattern.zoneRedundant(), RedundancyPattern.activePassive(), RedundancyPattern.regionPinned()]) {
      expect(servingWeights({ pattern, regions: ['a', 'b'] }, 'b')).toEqual({ weights: [1], index: 0 });
    }
  });
});

describe('backlogHome', () => {
  const home = (pattern: RedundancyPattern, standbyActive?: boolean) => {
    const regions = pattern.kind === 'zoneRedundant' ? ['westus3'] : ['eastus2', 'centralus'];
    return placements(pattern, regions).map((pl) => backlogHome({ pattern, regions, workloads: { ...IMAGES, standbyActive } }, pl) ?? '-');
  };

  test('each region its own subscription, unless the regions share the first one\'s namespace', () => {
    expect(home(RedundancyPattern.zoneRedundant())).toEqual(['westus3']);
    expect(home(RedundancyPattern.activeActive())).toEqual(['eastus2', 'centralus']);
    expect(home(RedundancyPattern.regionPinned({ residency: { eastus2: 'United States', centralus: 'United States' } }))).toEqual(['eastus2', 'centralus']);
    expect(home(RedundancyPattern.primarySecondary())).toEqual(['eastus2', '-']);
    expect(home(RedundancyPattern.primarySecondary(), true)).toEqual(['eastus2', '-']);
    expect(home(RedundancyPattern.activePassive())).toEqual(['eastus2', '-']);
    expect(home(RedundancyPattern.activePassive(), true)).toEqual(['eastus2', 'eastus2']);
    const pattern = RedundancyPattern.activePassive();
    expect(backlogHome({ pattern, regions: ['eastus2', 'centralus'] }, placements(pattern, ['eastus2', 'centralus'])[1])).toBeUndefined();
  });
});

describe('regionScaling', () => {
  const pattern = RedundancyPattern.activePassive();
  const regions = ['eastus2', 'centralus'];
  const d = check(props({ pattern, regions })).result!;
  const [active, passive] = placements(pattern, regions);
  const backlog = { namespace: 'ns', topicName: 'order-events', subscriptionName: 'delivery-tracking', authenticationRef: 'auth' } as unknown as Parameters<typeof regionScaling>[4];

  test('an active region: the demand\'s range, floors at the peak pods in the given time zone, the backlog trigger per pod', () => {
    const s = regionScaling(d, active, IMAGES, 'America/New_York', backlog);
    expect(s.order).toEqual({ image: 'c.io/order:1', minReplicas: 4, maxReplicas: 20 });
    expect(s.tracking).toEqual({ image: 'c.io/tracking:1', minReplicas: 2, maxReplicas: 4 });
    expect(s.keda.order).toEqual({ schedules: [{ timeZone: 'America/New_York', start: '30 17 * * 6', end: '0 23 * * 6', replicas: 20 }] });
    expect(s.keda.tracking).toEqual({ schedules: [{ timeZone: 'America/New_York', start: '30 17 * * 6', end: '0 23 * * 6', replicas: 4 }], backlog: { ...(backlog as object), messagesPerPod: 50 } });
  });

  test('the user\'s range wins and caps the floor; the peaks\' own time zone wins; no backlog without one', () => {
    const zoned = check(props({ pattern, regions, demand: { ...DEMAND, timeZone: 'Europe/Berlin', backlogPerPod: 7 } })).result!;
    const s = regionScaling(zoned, active, { order: { ...IMAGES.order, minReplicas: 3, maxReplicas: 12 }, tracking: IMAGES.tracking }, 'America/New_York', undefined);
    expect(s.order).toEqual({ image: 'c.io/order:1', minReplicas: 3, maxReplicas: 12 });
    expect(s.keda.order!.schedules).toEqual([{ timeZone: 'Europe/Berlin', start: '30 17 * * 6', end: '0 23 * * 6', replicas: 12 }]);
    expect(s.keda.tracking).toEqual({ schedules: [{ timeZone: 'Europe/Berlin', start: '30 17 * * 6', end: '0 23 * * 6', replicas: 4 }] });
    expect(regionScaling(zoned, active, IMAGES, 'UTC', backlog).keda.tracking!.backlog!.messagesPerPod).toBe(7);
  });

  test('a passive region: no floors unless standbyActive makes it serve at active size', () => {
    const warm = regionScaling(d, passive, IMAGES, 'America/Chicago', undefined);
    expect(warm.keda).toEqual({ order: { schedules: [] }, tracking: { schedules: [] } });
    expect(warm.order).toEqual({ image: 'c.io/order:1', minReplicas: 4, maxReplicas: 20 });
    const serving = regionScaling(d, passive, { ...IMAGES, standbyActive: true }, 'America/Chicago', undefined);
    expect(serving.keda.order!.schedules).toEqual([{ timeZone: 'America/Chicago', start: '30 17 * * 6', end: '0 23 * * 6', replicas: 20 }]);
    expect(regionScaling(d, passive, { ...IMAGES, standbyActive: false }, 'UTC', undefined).keda.order!.schedules).toEqual([]);
  });
});
