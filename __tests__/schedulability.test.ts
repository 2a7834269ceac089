import { Testing } from 'cdktf';
import { checkSchedulability, MultiRegionOrderPlatform, RedundancyPattern, ValidationError } from '../lib';
import { EXAMPLES } from '../examples';

/**
 * The scheduling model (lib/workloads/schedulability.ts) against every example's stamps and workloads, and the
 * platform's refusal of workloads that do not fit. The model itself is unit-tested in
 * __tests__/unit/workloads-schedulability.test.ts.
 */

describe('every example fits its stamps', () => {
  test.each(Object.keys(EXAMPLES))('%s: minimum and maximum replicas, each with a rolling surge, in every region', (id) => {
    const platform = EXAMPLES[id](Testing.app());
    const regions = Object.keys(platform.workloads);
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) {
      const report = checkSchedulability(platform.stamps[region].nodePools, platform.workloads[region].podGroups);
      expect({ region, fits: report.fits, pending: report.scenarios.flatMap((s) => s.pending) }).toEqual({ region, fits: true, pending: [] });
    }
  });

  test('the platform refuses workloads its user pool cannot hold at their maximum', () => {
    const make = () => new MultiRegionOrderPlatform(Testing.app(), 'shop', {
      prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'],
      kubernetes: { userPool: { maxCount: 3 } },
      workloads: { order: { image: 'c.io/o:1', maxReplicas: 40, resources: { cpuRequest: '1', cpuLimit: '1' } }, tracking: { image: 'c.io/t:1' } },
      entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } },
    });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(/invalid kubernetes.userPool \{"region":"westus3","vmSize":"Standard_D4ds_v5","minCount":3,"maxCount":3\}: in westus3 the workloads do not fit the user node pool at its maximum .* order-api: every matching pool is at its maximum/);
  });
});
