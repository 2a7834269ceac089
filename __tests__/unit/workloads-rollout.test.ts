import { RootConstruct } from 'constructs';
import { Lazy } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { Rollout, RolloutCheck } from '../../lib/workloads/rollout';
import { SlotPlan } from '../../lib/workloads/release-slots';

/**
 * Unit tests of the rollouts (lib/workloads/rollout.ts): how each checks its options against the service it releases
 * and plans its slots. No synth: a rollout is checked with a hand-made `RolloutCheck` and planned from plain sizes.
 */
const scope = new RootConstruct('workloads');
const SIZING = { image: 'c.io/o:1', minReplicas: 2, maxReplicas: 10, standbyMinReplicas: 1 };
/** An image checker standing in for the workloads' own: `c.io/<name>:<digits>` passes, anything else is refused. */
const checkImage = (prop: string, image: string): string => {
  if (/^c\.io\/[a-z]+:\d+$/.test(image)) return image;
  throw new ValidationError({ scope, prop, value: image, problem: 'not a pinned image', fix: 'pin it' });
};
const CHECK: RolloutCheck = { scope, prop: 'order.rollout', image: 'c.io/o:1', minReplicas: 2, maxReplicas: 10, checkImage };

/** The problems `validate` reports, as [prop, value, problem, fix]; none when the rollout is accepted. */
function problems(rollout: Rollout, check: Partial<RolloutCheck> = {}): [string, unknown, string, string][] {
  try {
    rollout.validate({ ...CHECK, ...check });
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const error = e as ValidationError;
    expect(error.constructPath).toBe('workloads');
    return error.violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  return [];
}

const serving = (slot: 'a' | 'b', track: SlotPlan['track'], image: string, min: number, max: number): SlotPlan => ({ slot, track, image, serving: true, autoscale: { min, max }, replicas: min });
const fixed = (slot: 'a' | 'b', track: SlotPlan['track'], image: string, replicas: number, isServing: boolean): SlotPlan => ({ slot, track, image, serving: isServing, replicas });
const blueGreen = (live: 'blue' | 'green', extra: { blueImage?: string; greenImage?: string; idleReplicas?: number } = {}) => Rollout.blueGreen({ live, blueImage: 'c.io/o:1', greenImage: 'c.io/o:2', ...extra });
const canary = (percent: number, canaryImage = 'c.io/o:2') => Rollout.canary({ canaryImage, percent });

describe('Rollout.rolling', () => {
  test('takes no options: accepted as called', () => {
    expect(problems(Rollout.rolling())).toEqual([]);
  });

  test('options a JavaScript caller passes are refused, not ignored', () => {
    const rolling = Rollout.rolling as unknown as (options: unknown) => Rollout;
    expect(problems(rolling({ maxSurge: 2 }))).toEqual([['order.rollout', { maxSurge: 2 }, 'Rollout.rolling() takes no options, so these would be ignored', 'call Rollout.rolling() without arguments']]);
  });

  test('plans one autoscaled stable slot over the region\'s range', () => {
    expect(Rollout.rolling().plan(SIZING)).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 2, 10)] });
    expect(Rollout.rolling().plan({ ...SIZING, standby: 'warm' })).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 1, 10)] });
  });
});

describe('options made without an object', () => {
  test.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['a list', [], 'a list'],
    ['a string', 'green', 'the string "green"'],
    ['nothing', undefined, 'nothing (undefined)'],
  ])('blue-green with %s', (_label, given, described) => {
    const rollout = (Rollout.blueGreen as (options: unknown) => Rollout)(given);
    expect(problems(rollout)).toEqual([['order.rollout', given, `the rollout was made without its options (got ${described})`, 'call Rollout.blueGreen({ live, blueImage, greenImage })']]);
  });

  test('canary with null', () => {
    const rollout = (Rollout.canary as (options: unknown) => Rollout)(null);
    expect(problems(rollout)).toEqual([['order.rollout', null, 'the rollout was made without its options (got null)', 'call Rollout.canary({ canaryImage, percent })']]);
  });
});

describe('Rollout.blueGreen checks', () => {
  test('the live colour\'s image as the service\'s image, the other one different: accepted, for either colour', () => {
    expect(problems(blueGreen('blue'), { image: 'c.io/o:1' })).toEqual([]);
    expect(problems(blueGreen('green'), { image: 'c.io/o:2' })).toEqual([]);
  });

  test('options are checked against their shape, under the rollout\'s prop', () => {
    const rollout = Rollout.blueGreen({ live: 'red', blueImage: 'c.io/o:1', greenImage: 'c.io/o:2', idle: 3 } as never);
    expect(problems(rollout, { prop: 'tracking.rollout' }).map(([prop, value]) => [prop, value])).toEqual([['tracking.rollout.live', 'red'], ['tracking.rollout.idle', 3]]);
  });

  test('each colour\'s image is checked under its own prop', () => {
    expect(problems(blueGreen('blue', { blueImage: 'c.io/o:1', greenImage: 'nope' }))).toEqual([['order.rollout.greenImage', 'nope', 'not a pinned image', 'pin it']]);
    expect(problems(blueGreen('blue', { blueImage: 'bad', greenImage: 'c.io/o:1' }))).toEqual([['order.rollout.blueImage', 'bad', 'not a pinned image', 'pin it']]);
  });

  test('two bad images are two problems, and nothing more is concluded from them', () => {
    expect(problems(blueGreen('green', { blueImage: 'x', greenImage: 'y' })).map(([prop]) => prop)).toEqual(['order.rollout.blueImage', 'order.rollout.greenImage']);
    expect(problems(blueGreen('green', { blueImage: 'x', greenImage: 'x' })).map(([prop]) => prop)).toEqual(['order.rollout.blueImage', 'order.rollout.greenImage']);
  });

  test('both colours on one image: the idle colour\'s image is the one to change', () => {
    const problem = 'both colours run the same image, so there is no previous version to roll back to';
    const fix = 'keep the previous image on the idle colour';
    expect(problems(blueGreen('blue', { greenImage: 'c.io/o:1' }))).toEqual([['order.rollout.greenImage', 'c.io/o:1', problem, fix]]);
    expect(problems(blueGreen('green', { blueImage: 'c.io/o:2', greenImage: 'c.io/o:2' }), { image: 'c.io/o:2' })).toEqual([['order.rollout.blueImage', 'c.io/o:2', problem, fix]]);
  });

  test('a service image that neither colour runs is refused under the service\'s image prop, naming the live colour\'s image', () => {
    expect(problems(blueGreen('green'), { image: 'c.io/o:3', prop: 'tracking.rollout' })).toEqual([[
      'tracking.image', 'c.io/o:3', "under blue-green the colours' images run (c.io/o:1, c.io/o:2), so this image would be ignored", "set image to the live colour's image (c.io/o:2)",
    ]]);
    expect(problems(blueGreen('blue'), { image: 'c.io/o:3' })[0][3]).toBe("set image to the live colour's image (c.io/o:1)");
    // Only a trailing `.rollout` names the rollout.
    expect(problems(blueGreen('blue'), { image: 'c.io/o:3', prop: 'a.rollout.rollout' })[0][0]).toBe('a.rollout.image');
  });

  test('a service image from Terraform (a token) is not compared', () => {
    expect(problems(blueGreen('blue'), { image: Lazy.stringValue({ produce: () => 'c.io/o:3' }) })).toEqual([]);
  });

  test('a service image is not compared with a colour whose image is refused', () => {
    expect(problems(blueGreen('blue', { greenImage: 'bad' }), { image: 'c.io/o:3' }).map(([prop]) => prop)).toEqual(['order.rollout.greenImage']);
    expect(problems(blueGreen('blue', { blueImage: 'bad' }), { image: 'c.io/o:3' }).map(([prop]) => prop)).toEqual(['order.rollout.blueImage']);
  });

  test('idleReplicas from 1 to the service\'s maxReplicas', () => {
    expect(problems(blueGreen('blue', { idleReplicas: 1 }), { maxReplicas: 6 })).toEqual([]);
    expect(problems(blueGreen('blue', { idleReplicas: 6 }), { maxReplicas: 6 })).toEqual([]);
    const why = 'the idle colour runs at least one pod and at most maxReplicas (6); keep it at maxReplicas for a flip';
    expect(problems(blueGreen('blue', { idleReplicas: 7 }), { maxReplicas: 6 })).toEqual([['order.rollout.idleReplicas', 7, `must be an integer from 1 to 6 (${why})`, 'set order.rollout.idleReplicas between 1 and 6']]);
    expect(problems(blueGreen('blue', { idleReplicas: 0 }), { maxReplicas: 6 }).map(([prop, value]) => [prop, value])).toEqual([['order.rollout.idleReplicas', 0]]);
  });

  test('every problem at once', () => {
    expect(problems(blueGreen('blue', { greenImage: 'c.io/o:1', idleReplicas: 0 }), { image: 'c.io/o:3' }).map(([prop]) => prop)).toEqual(['order.rollout.greenImage', 'order.image', 'order.rollout.idleReplicas']);
  });
});

describe('Rollout.blueGreen plans', () => {
  test('live blue: slot a autoscaled and selected, green idle at full size in slot b and previewed', () => {
    expect(blueGreen('blue').plan(SIZING)).toEqual({ slots: [serving('a', 'blue', 'c.io/o:1', 2, 10), fixed('b', 'green', 'c.io/o:2', 10, false)], selectedSlot: 'a', previewSlot: 'b' });
  });

  test('live green: slot b autoscaled and selected, blue idle in slot a, at idleReplicas when given', () => {
    expect(blueGreen('green', { idleReplicas: 3 }).plan(SIZING)).toEqual({ slots: [fixed('a', 'blue', 'c.io/o:1', 3, false), serving('b', 'green', 'c.io/o:2', 2, 10)], selectedSlot: 'b', previewSlot: 'a' });
  });

  test('the colours\' images run, not the service\'s', () => {
    expect(blueGreen('blue').plan({ ...SIZING, image: 'c.io/x:9' }).slots.map((s) => s.image)).toEqual(['c.io/o:1', 'c.io/o:2']);
  });

  test('a warm standby keeps its idle colour as small as its live one, whatever idleReplicas says', () => {
    expect(blueGreen('green', { idleReplicas: 3 }).plan({ ...SIZING, standby: 'warm' })).toEqual({ slots: [fixed('a', 'blue', 'c.io/o:1', 1, false), serving('b', 'green', 'c.io/o:2', 1, 10)], selectedSlot: 'b', previewSlot: 'a' });
  });
});

describe('Rollout.canary checks', () => {
  test('a new canary image at a share that fits: accepted', () => {
    expect(problems(canary(10))).toEqual([]);
  });

  test('options are checked against their shape', () => {
    expect(problems(Rollout.canary({ canaryImage: 'c.io/o:2', percent: '10' } as never)).map(([prop, value]) => [prop, value])).toEqual([['order.rollout.percent', '10']]);
  });

  test('the canary image is checked under its prop', () => {
    expect(problems(canary(10, 'latest'))).toEqual([['order.rollout.canaryImage', 'latest', 'not a pinned image', 'pin it']]);
  });

  test('a canary on the stable image is refused', () => {
    expect(problems(canary(10, 'c.io/o:1'))).toEqual([['order.rollout.canaryImage', 'c.io/o:1', 'the canary runs the stable image, so there is no new version to try', 'give the canary the new image']]);
  });

  test('the share is a whole percentage from 0 to 100', () => {
    const why = 'a canary share is a whole percentage; step it 10 -> 50 -> 100';
    expect(problems(canary(101))).toEqual([['order.rollout.percent', 101, `must be an integer from 0 to 100 (${why})`, 'set order.rollout.percent between 0 and 100']]);
    expect(problems(canary(12.5)).map(([prop, value]) => [prop, value])).toEqual([['order.rollout.percent', 12.5]]);
    expect(problems(canary(-1)).map(([prop, value]) => [prop, value])).toEqual([['order.rollout.percent', -1]]);
  });

  test('0 and 100 have no pod ratio to fit, whatever maxReplicas', () => {
    expect(problems(canary(0), { minReplicas: 2, maxReplicas: 2 })).toEqual([]);
    expect(problems(canary(100), { minReplicas: 2, maxReplicas: 2 })).toEqual([]);
  });

  test('a share whose canary pods exceed maxReplicas is refused, naming the shares that fit', () => {
    expect(problems(canary(90), { maxReplicas: 6 })).toEqual([[
      'order.rollout.percent', 90,
      'the share is a pod ratio: 90 % needs 18 canary pod(s) beside 2 stable ones (with minReplicas 2), above maxReplicas (6)',
      'use a share whose ratio fits (e.g. 25, 50, 75), or raise maxReplicas',
    ]]);
    expect(problems(canary(90), { maxReplicas: 18 })).toEqual([]);
  });

  test('a share whose stable pods exceed maxReplicas is refused too', () => {
    expect(problems(canary(10), { maxReplicas: 8 })).toEqual([[
      'order.rollout.percent', 10,
      'the share is a pod ratio: 10 % needs 1 canary pod(s) beside 9 stable ones (with minReplicas 2), above maxReplicas (8)',
      'use a share whose ratio fits (e.g. 25, 50, 75), or raise maxReplicas',
    ]]);
    expect(problems(canary(10), { maxReplicas: 9 })).toEqual([]);
    // At maxReplicas 9, 10 % fits exactly, so the suggestion lists it.
    expect(problems(canary(90), { maxReplicas: 9 })[0][3]).toBe('use a share whose ratio fits (e.g. 10, 25, 50, 75), or raise maxReplicas');
    // At maxReplicas 5, 75 % needs 6 canary pods, so the suggestion leaves it out.
    expect(problems(canary(90), { maxReplicas: 5 })[0][3]).toBe('use a share whose ratio fits (e.g. 25, 50), or raise maxReplicas');
  });

  test('the pod ratio follows the service\'s minReplicas', () => {
    expect(problems(canary(50), { minReplicas: 4, maxReplicas: 4 })).toEqual([]);
    expect(problems(canary(75), { minReplicas: 4, maxReplicas: 4 })[0][2]).toBe('the share is a pod ratio: 75 % needs 12 canary pod(s) beside 4 stable ones (with minReplicas 4), above maxReplicas (4)');
  });

  test('every problem at once', () => {
    expect(problems(canary(101, 'c.io/o:1')).map(([prop]) => prop)).toEqual(['order.rollout.canaryImage', 'order.rollout.percent']);
  });
});

describe('Rollout.canary plans', () => {
  test('at 0 %: the stable slot alone', () => {
    expect(canary(0).plan(SIZING)).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 2, 10)] });
  });

  test('between: the stable slot autoscaled from its share of the ratio, the canary fixed, one Service over both', () => {
    expect(canary(10).plan(SIZING)).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 9, 10), fixed('b', 'canary', 'c.io/o:2', 1, true)] });
    expect(canary(75).plan(SIZING)).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 2, 10), fixed('b', 'canary', 'c.io/o:2', 6, true)] });
  });

  test('the stable slot\'s maximum never falls below its minimum', () => {
    expect(canary(1).plan(SIZING).slots[0]).toEqual(serving('a', 'stable', 'c.io/o:1', 99, 99));
  });

  test('at 100 %: the canary alone, selected at full size; the stable version idle at full size and previewed', () => {
    expect(canary(100).plan(SIZING)).toEqual({ slots: [fixed('a', 'stable', 'c.io/o:1', 10, false), fixed('b', 'canary', 'c.io/o:2', 10, true)], selectedSlot: 'b', previewSlot: 'a' });
  });

  test('a warm standby keeps the stable version only, at its own minimum', () => {
    for (const percent of [10, 100]) expect(canary(percent).plan({ ...SIZING, standby: 'warm' })).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 1, 10)] });
  });
});

describe('Rollout.plan', () => {
  test('a pilot-light region runs no slot, whatever the rollout', () => {
    for (const rollout of [Rollout.rolling(), blueGreen('green'), canary(10), canary(100)]) expect(rollout.plan({ ...SIZING, standby: 'pilot-light' })).toEqual({ slots: [] });
  });
});
