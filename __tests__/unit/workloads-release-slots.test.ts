import { canaryPods, fixedSlot, servingSlot, slotSizes } from '../../lib/workloads/release-slots';

/** Unit tests of the slot sizing every rollout plans with (lib/workloads/release-slots.ts): pure functions, no synth. */
const SIZING = { image: 'c.io/o:1', minReplicas: 3, maxReplicas: 10, standbyMinReplicas: 1 };

describe('slotSizes', () => {
  test('an active region (no standby) runs its own minimum up to its maximum', () => {
    expect(slotSizes(SIZING)).toEqual({ min: 3, max: 10, warm: false });
  });

  test('a warm standby runs the standby minimum and keeps the maximum', () => {
    expect(slotSizes({ ...SIZING, standby: 'warm' })).toEqual({ min: 1, max: 10, warm: true });
  });

  test('a pilot light is not warm: the active range stands (the rollout plans no slot for it)', () => {
    expect(slotSizes({ ...SIZING, standby: 'pilot-light' })).toEqual({ min: 3, max: 10, warm: false });
  });

  test('the maximum never falls below the minimum', () => {
    expect(slotSizes({ ...SIZING, minReplicas: 12 })).toEqual({ min: 12, max: 12, warm: false });
    expect(slotSizes({ ...SIZING, standby: 'warm', standbyMinReplicas: 4, maxReplicas: 3 })).toEqual({ min: 4, max: 4, warm: true });
  });
});

describe('servingSlot and fixedSlot', () => {
  const sizes = { min: 2, max: 8, warm: false };

  test('a serving slot is autoscaled over the region\'s range by default and created at its minimum', () => {
    expect(servingSlot(sizes, 'b', 'green', 'c.io/o:2')).toEqual({ slot: 'b', track: 'green', image: 'c.io/o:2', serving: true, autoscale: { min: 2, max: 8 }, replicas: 2 });
  });

  test('a serving slot over an explicit range starts at that range\'s minimum', () => {
    expect(servingSlot(sizes, 'a', 'stable', 'c.io/o:1', { min: 5, max: 9 })).toEqual({ slot: 'a', track: 'stable', image: 'c.io/o:1', serving: true, autoscale: { min: 5, max: 9 }, replicas: 5 });
  });

  test('a fixed slot has a count and no autoscaler, serving or idle as told', () => {
    const idle = fixedSlot('a', 'blue', 'c.io/o:1', 4, false);
    expect(idle).toEqual({ slot: 'a', track: 'blue', image: 'c.io/o:1', serving: false, replicas: 4 });
    expect('autoscale' in idle).toBe(false);
    expect(fixedSlot('b', 'canary', 'c.io/o:2', 1, true)).toEqual({ slot: 'b', track: 'canary', image: 'c.io/o:2', serving: true, replicas: 1 });
  });
});

describe('canaryPods', () => {
  test.each<[number, number, number, number]>([
    // minReplicas, percent, canary, stable
    [2, 10, 1, 9],
    [2, 25, 1, 3],
    [2, 50, 2, 2],
    [2, 75, 6, 2],
    [4, 20, 1, 4],
    [10, 50, 10, 10],
    [3, 60, 5, 3],
    [2, 90, 18, 2],
  ])('minReplicas %i at %i %%: %i canary pod(s) beside %i stable', (minReplicas, percent, canary, stable) => {
    expect(canaryPods(minReplicas, percent)).toEqual({ canary, stable });
  });

  test('at least one canary pod, however small the share; the stable pods then carry the rest of the ratio', () => {
    expect(canaryPods(2, 1)).toEqual({ canary: 1, stable: 99 });
    expect(canaryPods(2, 5)).toEqual({ canary: 1, stable: 19 });
  });

  test('never fewer stable pods than the service\'s minimum, even where the ratio would round below it', () => {
    expect(canaryPods(2, 41)).toEqual({ canary: 1, stable: 2 });
    expect(canaryPods(3, 30)).toEqual({ canary: 1, stable: 3 });
    expect(canaryPods(4, 24)).toEqual({ canary: 1, stable: 4 });
  });
});
