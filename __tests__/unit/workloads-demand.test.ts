import { Lazy, Testing, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { Checks, checkShape } from '../../lib/core/validate';
import { CheckedServiceDemand, checkDemand, cosmosMaxThroughput, DEMAND_SHAPE, DemandModel, peakSchedules, serviceCapacity } from '../../lib/workloads/demand';

/** Unit tests of the demand model (lib/workloads/demand.ts): its checks, the capacity arithmetic and the cron schedules. */

const MODEL: DemandModel = {
  order: { peakRequestsPerSecond: 3000, baseRequestsPerSecond: 600, requestsPerSecondPerPod: 100 },
  tracking: { peakPodsPerRegion: 6, basePodsPerRegion: 2 },
  peaks: [{ days: ['Friday', 'Saturday'], startTime: '17:00', endTime: '22:00' }],
};

/** The violations (prop: problem) of checking `model`, or the checked model. */
function check(model: DemandModel) {
  const checks = new Checks(new Construct(Testing.app(), 'Platform'));
  const checked = checkDemand(checks, 'demand', model);
  try {
    checks.throwIfAny();
    return { checked, errors: [] as string[] };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { checked, errors: e.violations.map((v) => `${v.prop}: ${v.problem}`), fixes: e.violations.map((v) => `${v.prop}: ${v.fix}`) };
  }
}

describe('checkDemand', () => {
  test('a sound model passes with its defaults (lead 30 minutes, 50 messages per pod)', () => {
    const { checked, errors } = check(MODEL);
    expect(errors).toEqual([]);
    expect(checked).toEqual({
      order: { form: 'requests', peakRps: 3000, baseRps: 600, rpsPerPod: 100 },
      tracking: { form: 'pods', peakPods: 6, basePods: 2 },
      peaks: [{ days: ['Friday', 'Saturday'], startMinute: 1020, endMinute: 1320 }],
      timeZone: undefined,
      leadMinutes: 30,
      backlogPerPod: 50,
    });
  });

  test.each<[string, Partial<DemandModel>, string[]]>([
    ['no peak', { peaks: [] }, ['demand.peaks: the demand model has no peak, so nothing would scale out before one']],
    ['a peak with no days', { peaks: [{ days: [], startTime: '17:00', endTime: '22:00' }] }, ['demand.peaks[0].days: no days: the peak would never happen']],
    ['a day listed twice', { peaks: [{ days: ['Friday', 'Friday'], startTime: '17:00', endTime: '22:00' }] }, ["demand.peaks[0].days[1]: 'Friday' is listed twice"]],
    ['a start that is not HH:MM', { peaks: [{ days: ['Friday'], startTime: '5pm', endTime: '22:00' }] }, ['demand.peaks[0].startTime: not a 24-hour HH:MM time']],
    ['an end at 24:00', { peaks: [{ days: ['Friday'], startTime: '17:00', endTime: '24:00' }] }, ['demand.peaks[0].endTime: not a 24-hour HH:MM time']],
    ['a peak that ends when it starts', { peaks: [{ days: ['Friday'], startTime: '17:00', endTime: '17:00' }] }, ['demand.peaks[0].endTime: the peak ends when it starts (17:00), so its length is unclear (no time, or the whole day)']],
    ['a bare UTC offset as the time zone', { timeZone: '+09:00' }, ['demand.timeZone: a fixed UTC offset, not a time zone: it would ignore daylight saving time']],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, ['demand.timeZone: not an IANA time zone name that Intl (the tz database) knows']],
    ['a lead of 5 minutes', { leadMinutes: 5 }, ['demand.leadMinutes: must be an integer from 10 to 240 (new nodes take several minutes to join, so a peak floor starts at least 10 minutes early)']],
    ['a backlog of 0 per pod', { backlogPerPod: 0 }, ['demand.backlogPerPod: must be an integer from 1 to 100000 (messages waiting per pod)']],
    ['a base load above the peak (requests)', { order: { peakRequestsPerSecond: 100, baseRequestsPerSecond: 200, requestsPerSecondPerPod: 10 } }, ['demand.order.baseRequestsPerSecond: above the peak (100 requests per second)']],
    ['a base load above the peak (pods)', { tracking: { peakPodsPerRegion: 3, basePodsPerRegion: 4 } }, ['demand.tracking.basePodsPerRegion: above the peak (3 pods)']],
    ['both forms at once', { order: { peakRequestsPerSecond: 100, baseRequestsPerSecond: 50, requestsPerSecondPerPod: 10, peakPodsPerRegion: 4 } }, [
      'demand.order: the load is given both as request rates and as pods, and the two could disagree',
    ]],
    ['a request rate without the per-pod rate', { order: { peakRequestsPerSecond: 100, baseRequestsPerSecond: 50 } }, ['demand.order.requestsPerSecondPerPod: missing: the load in requests per second needs requests per second one pod serves']],
    ['a negative per-pod rate', { order: { peakRequestsPerSecond: 100, baseRequestsPerSecond: 50, requestsPerSecondPerPod: -1 } }, ['demand.order.requestsPerSecondPerPod: must be a number above 0 (requests per second one pod serves)']],
    ['a peak that needs more than 1000 pods', { order: { peakRequestsPerSecond: 200000, baseRequestsPerSecond: 50, requestsPerSecondPerPod: 100 } }, [
      'demand.order.peakRequestsPerSecond: 200000 requests per second at 100 per pod needs 2000 pods, above the 1000 a region runs',
    ]],
    ['one pod at peak', { tracking: { peakPodsPerRegion: 1, basePodsPerRegion: 1 } }, [
      'demand.tracking.peakPodsPerRegion: must be an integer from 2 to 1000 (pods per serving region at peak; an active region runs at least 2)',
      'demand.tracking.basePodsPerRegion: must be an integer from 2 to 1000 (pods per serving region off-peak; an active region runs at least 2)',
    ]],
    ['request units on the Order service', { order: { peakRequestsPerSecond: 100, baseRequestsPerSecond: 50, requestsPerSecondPerPod: 10, requestUnitsPerRequest: 5 } }, [
      'demand.order.requestUnitsPerRequest: only the Delivery-tracking service writes to Cosmos DB, so the setting would be ignored',
    ]],
    ['request units with a load in pods', { tracking: { peakPodsPerRegion: 4, basePodsPerRegion: 2, requestUnitsPerRequest: 5 } }, [
      'demand.tracking.requestUnitsPerRequest: request units are counted per request, and the load is given in pods',
    ]],
  ])('%s', (_name, change, expected) => {
    expect(check({ ...MODEL, ...change }).errors).toEqual(expected);
  });

  test('a Terraform token as a rate: said so, and the rates are not compared with its placeholder', () => {
    const token = Token.asNumber(Lazy.numberValue({ produce: () => 3000 }));
    expect(check({ ...MODEL, order: { peakRequestsPerSecond: token, baseRequestsPerSecond: 600, requestsPerSecondPerPod: 100 } }).errors).toEqual([
      'demand.order.peakRequestsPerSecond: a Terraform token is unknown until apply, and the demand model computes replica counts from requests per second at peak at synth time',
    ]);
    expect(check({ ...MODEL, order: { peakRequestsPerSecond: 3000, baseRequestsPerSecond: 600, requestsPerSecondPerPod: 0.001 } }).errors).toEqual([
      'demand.order.peakRequestsPerSecond: 3000 requests per second at 0.001 per pod needs 3000000 pods, above the 1000 a region runs',
    ]);
    expect(check({ ...MODEL, order: { peakRequestsPerSecond: 100000, baseRequestsPerSecond: 600, requestsPerSecondPerPod: 100 } }).errors).toEqual([]);
  });

  test('every violation is reported at once', () => {
    expect(check({ ...MODEL, peaks: [{ days: [], startTime: 'x', endTime: 'y' }], leadMinutes: 1, timeZone: 'UTC+2' }).errors.map((e) => e.split(':')[0])).toEqual([
      'demand.peaks[0].days', 'demand.peaks[0].startTime', 'demand.peaks[0].endTime', 'demand.timeZone', 'demand.leadMinutes',
    ]);
  });
});

describe('checkDemand: each violation says how to fix it', () => {
  const RATES = { peakRequestsPerSecond: 100, baseRequestsPerSecond: 50, requestsPerSecondPerPod: 10 };
  test.each<[string, Partial<DemandModel>, string[]]>([
    ['no peak', { peaks: [] }, ["demand.peaks: give at least one peak, e.g. { days: ['Saturday'], startTime: '17:00', endTime: '22:00' }"]],
    ['both forms at once (a base in pods)', { order: { ...RATES, basePodsPerRegion: 4 } }, ['demand.order: give either peakRequestsPerSecond, baseRequestsPerSecond and requestsPerSecondPerPod, or peakPodsPerRegion and basePodsPerRegion']],
    ['request units on the Order service', { order: { ...RATES, requestUnitsPerRequest: 5 } }, ['demand.order.requestUnitsPerRequest: move requestUnitsPerRequest to demand.tracking']],
    ['request units with a load in pods', { tracking: { peakPodsPerRegion: 4, basePodsPerRegion: 2, requestUnitsPerRequest: 5 } }, ['demand.tracking.requestUnitsPerRequest: give the load as request rates (peakRequestsPerSecond, ...), or drop requestUnitsPerRequest']],
    ['a base above the peak (pods)', { tracking: { peakPodsPerRegion: 3, basePodsPerRegion: 4 } }, ['demand.tracking.basePodsPerRegion: give an off-peak load at or below the peak']],
    ['a base above the peak (requests)', { order: { ...RATES, baseRequestsPerSecond: 101 } }, ['demand.order.baseRequestsPerSecond: give an off-peak load at or below the peak']],
    ['a peak over 1000 pods', { order: { ...RATES, peakRequestsPerSecond: 10_010 } }, ['demand.order.peakRequestsPerSecond: check the figures, or raise requestsPerSecondPerPod (larger pods)']],
    ['a token as a rate', { order: { ...RATES, requestsPerSecondPerPod: Token.asNumber({ Ref: 'x' }) } }, ['demand.order.requestsPerSecondPerPod: pass a literal number']],
    ['a missing peak and a negative base', { order: { baseRequestsPerSecond: -5, requestsPerSecondPerPod: 10 } }, ['demand.order.peakRequestsPerSecond: set peakRequestsPerSecond', 'demand.order.baseRequestsPerSecond: set baseRequestsPerSecond above 0']],
  ])('%s', (_name, change, fixes) => {
    expect(check({ ...MODEL, ...change }).fixes).toEqual(fixes);
  });

  test('a missing rate, a rate of 0 or an infinite one: each rate named with what it is', () => {
    expect(check({ ...MODEL, order: { baseRequestsPerSecond: 0, requestsPerSecondPerPod: Infinity } }).errors).toEqual([
      'demand.order.peakRequestsPerSecond: missing: the load in requests per second needs requests per second at peak',
      'demand.order.baseRequestsPerSecond: must be a number above 0 (requests per second off-peak)',
      'demand.order.requestsPerSecondPerPod: must be a number above 0 (requests per second one pod serves)',
    ]);
    expect(check({ ...MODEL, tracking: { ...RATES, requestUnitsPerRequest: 0 } }).errors).toEqual(['demand.tracking.requestUnitsPerRequest: must be a number above 0 (request units per request)']);
  });

  test('a failed base or per-pod rate is not compared with the peak', () => {
    expect(check({ ...MODEL, order: { peakRequestsPerSecond: 20_000, baseRequestsPerSecond: -1, requestsPerSecondPerPod: 10 } }).errors).toEqual([
      'demand.order.baseRequestsPerSecond: must be a number above 0 (requests per second off-peak)',
    ]);
    expect(check({ ...MODEL, order: { peakRequestsPerSecond: 2000, baseRequestsPerSecond: 100, requestsPerSecondPerPod: 0 } }).errors).toEqual([
      'demand.order.requestsPerSecondPerPod: must be a number above 0 (requests per second one pod serves)',
    ]);
  });

  test('a base at the peak, and exactly 1000 pods, pass; request units are kept; a failed peak adds no peak', () => {
    const { checked, errors } = check({ ...MODEL, order: { ...RATES, baseRequestsPerSecond: 100, peakRequestsPerSecond: 10_000 }, tracking: { ...RATES, requestUnitsPerRequest: 6 } });
    expect(errors).toEqual([]);
    expect(Object.keys(checked.order)).toEqual(['form', 'peakRps', 'baseRps', 'rpsPerPod']);
    expect(check({ ...MODEL, order: { ...RATES, baseRequestsPerSecond: 100 } }).errors).toEqual([]);
    expect([checked.order, checked.tracking]).toEqual([
      { form: 'requests', peakRps: 10_000, baseRps: 100, rpsPerPod: 10 },
      { form: 'requests', peakRps: 100, baseRps: 50, rpsPerPod: 10, requestUnitsPerRequest: 6 },
    ]);
    expect(check({ ...MODEL, peaks: [{ days: ['Friday'], startTime: 'x', endTime: '22:00' }, MODEL.peaks[0]] }).checked.peaks).toEqual([{ days: ['Friday', 'Saturday'], startMinute: 1020, endMinute: 1320 }]);
  });

  test('the run-time shape takes the model and refuses an unknown key', () => {
    expect(() => checkShape('Platform', 'demand', { ...MODEL, timeZone: 'UTC', leadMinutes: 20, backlogPerPod: 10, order: { ...MODEL.order, requestUnitsPerRequest: 1 }, tracking: { peakPodsPerRegion: 3, basePodsPerRegion: 2 } }, DEMAND_SHAPE)).not.toThrow();
    expect(() => checkShape('Platform', 'demand', { ...MODEL, order: { ...MODEL.order, peakRps: 1 } }, DEMAND_SHAPE)).toThrow(ValidationError);
  });
});

describe('serviceCapacity', () => {
  const rps: CheckedServiceDemand = { form: 'requests', peakRps: 3000, baseRps: 600, rpsPerPod: 100 };

  test('one region carries the whole load: the maximum is the peak', () => {
    expect(serviceCapacity(rps, [1], 0)).toEqual({ basePods: 6, peakPods: 30, maxPods: 30 });
  });

  test('N equal regions: each carries 1/N at peak and N/(N-1) of that when one is lost', () => {
    expect(serviceCapacity(rps, [1, 1], 0)).toEqual({ basePods: 3, peakPods: 15, maxPods: 30 });
    expect(serviceCapacity(rps, [1000, 1000, 1000], 2)).toEqual({ basePods: 2, peakPods: 10, maxPods: 15 });
    expect(serviceCapacity(rps, [1, 1, 1, 1], 3)).toEqual({ basePods: 2, peakPods: 8, maxPods: 10 });
  });

  test('weighted regions: each region its weight\'s share, and the share it gets when the region that hurts it most is lost', () => {
    // 1000/1000/500: westus3 carries 40 % (1200 rps); losing eastus2 leaves it 1000/1500 (2000 rps).
    expect(serviceCapacity(rps, [1000, 1000, 500], 0)).toEqual({ basePods: 3, peakPods: 12, maxPods: 20 });
    // centralus carries 20 % (600 rps); losing either other region leaves it 500/1500 (1000 rps).
    expect(serviceCapacity(rps, [1000, 1000, 500], 2)).toEqual({ basePods: 2, peakPods: 6, maxPods: 10 });
    // The heaviest region: losing either other one leaves it 2000/3000 (its own loss is no share).
    expect(serviceCapacity(rps, [2000, 1000, 1000], 0)).toEqual({ basePods: 3, peakPods: 15, maxPods: 20 });
  });

  test('a load in pods is the pods of a region of average weight; the floor is 2 pods', () => {
    const pods: CheckedServiceDemand = { form: 'pods', peakPods: 6, basePods: 2 };
    expect(serviceCapacity(pods, [1, 1, 1], 1)).toEqual({ basePods: 2, peakPods: 6, maxPods: 9 });
    expect(serviceCapacity(pods, [1], 0)).toEqual({ basePods: 2, peakPods: 6, maxPods: 6 });
    expect(serviceCapacity({ form: 'pods', peakPods: 6, basePods: 4 }, [1, 1, 1], 0)).toEqual({ basePods: 4, peakPods: 6, maxPods: 9 });
    expect(serviceCapacity({ form: 'requests', peakRps: 10, baseRps: 1, rpsPerPod: 100 }, [1], 0)).toEqual({ basePods: 2, peakPods: 2, maxPods: 2 });
  });

  test('exact divisions do not round up', () => {
    expect(serviceCapacity({ form: 'requests', peakRps: 0.3 * 1000, baseRps: 0.1 * 1000, rpsPerPod: 10 }, [1], 0)).toEqual({ basePods: 10, peakPods: 30, maxPods: 30 });
  });
});

describe('cosmosMaxThroughput', () => {
  test('the peak in request units, up to the next 1000 RU/s, at least 1000', () => {
    expect(cosmosMaxThroughput({ form: 'requests', peakRps: 1500, baseRps: 1, rpsPerPod: 1, requestUnitsPerRequest: 8 })).toBe(12000);
    expect(cosmosMaxThroughput({ form: 'requests', peakRps: 1501, baseRps: 1, rpsPerPod: 1, requestUnitsPerRequest: 8 })).toBe(13000);
    expect(cosmosMaxThroughput({ form: 'requests', peakRps: 10, baseRps: 1, rpsPerPod: 1, requestUnitsPerRequest: 5 })).toBe(1000);
  });

  test('nothing without request units, or for a load in pods', () => {
    expect(cosmosMaxThroughput({ form: 'requests', peakRps: 1500, baseRps: 1, rpsPerPod: 1 })).toBeUndefined();
    expect(cosmosMaxThroughput({ form: 'pods', peakPods: 4, basePods: 2 })).toBeUndefined();
  });
});

describe('peakSchedules', () => {
  const peak = (days: string[], start: number, end: number) => ({ days, startMinute: start, endMinute: end }) as never;

  test('starts leadMinutes early and ends with the peak, on the peak days (cron: Sunday = 0)', () => {
    expect(peakSchedules([peak(['Friday', 'Saturday', 'Sunday'], 17 * 60, 22 * 60)], 30, 'America/New_York')).toEqual([
      { timeZone: 'America/New_York', start: '30 16 * * 0,5,6', end: '0 22 * * 0,5,6' },
    ]);
  });

  test('a lead that crosses midnight starts the day before; an end at or before the start is the next day', () => {
    expect(peakSchedules([peak(['Monday'], 15, 120)], 30, 'UTC')).toEqual([{ timeZone: 'UTC', start: '45 23 * * 0', end: '0 2 * * 1' }]);
    expect(peakSchedules([peak(['Saturday'], 20 * 60, 0)], 60, 'UTC')).toEqual([{ timeZone: 'UTC', start: '0 19 * * 6', end: '0 0 * * 0' }]);
    expect(peakSchedules([peak(['Sunday'], 22 * 60, 2 * 60)], 10, 'UTC')).toEqual([{ timeZone: 'UTC', start: '50 21 * * 0', end: '0 2 * * 1' }]);
    expect(peakSchedules([peak(['Sunday'], 10 * 60, 10 * 60)], 10, 'UTC')).toEqual([{ timeZone: 'UTC', start: '50 9 * * 0', end: '0 10 * * 1' }]);
  });

  test('one schedule per peak; a peak without days has none', () => {
    expect(peakSchedules([peak(['Monday'], 600, 660), peak([], 600, 660), peak(['Tuesday'], 720, 780)], 10, 'UTC').map((s) => s.start)).toEqual(['50 9 * * 1', '50 11 * * 2']);
  });
});
