import { canaryPods, planRelease } from '../../lib/workloads/release-plan';
import { Rollout } from '../../lib/workloads/rollout';

/** Unit tests of `planRelease` (lib/workloads/release-plan.ts): the plan is the rollout's, for the service's sizes. */
const INPUT = { image: 'c.io/o:1', minReplicas: 2, maxReplicas: 10, standbyMinReplicas: 1 };

describe('planRelease', () => {
  test('plans with the rollout it is given, from the service\'s image and sizes', () => {
    expect(planRelease({ ...INPUT, rollout: Rollout.rolling() })).toEqual({ slots: [{ slot: 'a', track: 'stable', image: 'c.io/o:1', serving: true, autoscale: { min: 2, max: 10 }, replicas: 2 }] });
    expect(planRelease({ ...INPUT, minReplicas: 4, rollout: Rollout.canary({ canaryImage: 'c.io/o:2', percent: 50 }) })).toEqual({
      slots: [
        { slot: 'a', track: 'stable', image: 'c.io/o:1', serving: true, autoscale: { min: 4, max: 10 }, replicas: 4 },
        { slot: 'b', track: 'canary', image: 'c.io/o:2', serving: true, replicas: 4 },
      ],
    });
  });

  test('a pilot-light region runs nothing; a warm standby its own minimum', () => {
    expect(planRelease({ ...INPUT, standby: 'pilot-light', rollout: Rollout.rolling() })).toEqual({ slots: [] });
    expect(planRelease({ ...INPUT, standby: 'warm', rollout: Rollout.rolling() }).slots.map((s) => s.replicas)).toEqual([1]);
  });

  test('re-exports the canary pod ratio', () => {
    expect(canaryPods(2, 25)).toEqual({ canary: 1, stable: 3 });
  });
});
