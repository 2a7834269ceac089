import { RootConstruct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { checkShape } from '../../lib/core/validate';
import { PLATFORM_SHAPE } from '../../lib/platform/shapes';

/** The platform's `observability` and `checks` shapes (lib/platform/shapes.ts): what a JSON or YAML user reads. */
const scope = new RootConstruct('shop');
const BASE = { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'] };

function problems(props: Record<string, unknown>): [string, string][] {
  try {
    checkShape(scope, '', { ...BASE, ...props }, PLATFORM_SHAPE);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.problem]);
  }
  throw new Error('accepted');
}

test.each<[string, Record<string, unknown>, string, RegExp]>([
  ['silenced regions as one string', { observability: { silencedRegions: 'westus3' } }, 'observability.silencedRegions', /^expected a list of region names, got the string "westus3"$/],
  ['a silenced region that is a number', { observability: { silencedRegions: [3] } }, 'observability.silencedRegions[0]', /^expected region name, got the number 3$/],
  ['test locations as one string', { observability: { availabilityTests: { testLocations: 'us-va-ash-azr' } } }, 'observability.availabilityTests.testLocations', /^expected a list of test location IDs, got the string "us-va-ash-azr"$/],
  ['a test location that is a number', { observability: { availabilityTests: { testLocations: [1] } } }, 'observability.availabilityTests.testLocations[0]', /^expected test location ID, got the number 1$/],
  ['checks with a misspelt key', { checks: { enable: false } }, 'checks.enable', /unknown option 'enable'/],
  ['health with a misspelt key', { observability: { health: { enabeld: false } } }, 'observability.health.enabeld', /unknown option 'enabeld'/],
  ['health names with a misspelt key', { observability: { health: { names: { workbok: 'x' } } } }, 'observability.health.names.workbok', /unknown option 'workbok'/],
])('%s', (_label, props, prop, problem) => {
  const found = problems(props);
  expect(found.map(([p]) => p)).toEqual([prop]);
  expect(found[0][1]).toMatch(problem);
});

test('health names with both known keys are accepted', () => {
  expect(() => checkShape(scope, '', { ...BASE, observability: { health: { enabled: true, names: { workbook: 'wb-orders', dashboard: 'db-orders' } } } }, PLATFORM_SHAPE)).not.toThrow();
});
