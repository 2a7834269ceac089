import { RootConstruct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { ADDRESS_PLAN_PROPS_SHAPE, PATTERN_SHAPE, REGIONS_SHAPE, REMOVAL_POLICY_SHAPE, TAGS_SHAPE } from '../../lib/core/shapes';
import { checkShape, Shape } from '../../lib/core/validate';

/** Unit tests of lib/core/shapes.ts: the run-time shapes of the core contracts and the words their errors use. */

/** [prop, value, problem, fix] of each violation checking `value` reports. */
function violations(schema: Shape, value: unknown, prop = 'x'): [string, unknown, string, string][] {
  try {
    checkShape(new RootConstruct('c'), prop, value, schema);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  return [];
}

describe('core shapes', () => {
  test('tags: an object of tag names to string values', () => {
    expect(violations(TAGS_SHAPE, { team: 'orders' })).toEqual([]);
    expect(violations(TAGS_SHAPE, { team: 7 }, 'tags')).toEqual([['tags.team', 7, 'expected a string tag value, got the number 7', 'give a string tag value']]);
    expect(violations(TAGS_SHAPE, ['orders'], 'tags')).toEqual([['tags', ['orders'], 'expected an object of tag names to string values, got a list', 'give an object of tag names to string values']]);
  });

  test('removal policy: retain or destroy', () => {
    expect(violations(REMOVAL_POLICY_SHAPE, 'retain')).toEqual([]);
    expect(violations(REMOVAL_POLICY_SHAPE, 'destroy')).toEqual([]);
    expect(violations(REMOVAL_POLICY_SHAPE, 'keep', 'removalPolicy')).toEqual([['removalPolicy', 'keep', "expected one of 'retain', 'destroy', got the string \"keep\"", "give one of 'retain', 'destroy'"]]);
  });

  test('pattern: a RedundancyPattern made by a factory', () => {
    expect(violations(PATTERN_SHAPE, RedundancyPattern.activeActive())).toEqual([]);
    expect(violations(PATTERN_SHAPE, { kind: 'activeActive' }, 'pattern')).toEqual([[
      'pattern', { kind: 'activeActive' }, 'expected a RedundancyPattern (e.g. RedundancyPattern.zoneRedundant()), got an object', 'give a RedundancyPattern (e.g. RedundancyPattern.zoneRedundant())',
    ]]);
  });

  test('regions: a list of region names', () => {
    expect(violations(REGIONS_SHAPE, ['westus3'])).toEqual([]);
    expect(violations(REGIONS_SHAPE, 'westus3', 'regions')).toEqual([['regions', 'westus3', "expected a list of region names, e.g. ['westus3'], got the string \"westus3\"", "give a list of region names, e.g. ['westus3']"]]);
    expect(violations(REGIONS_SHAPE, ['westus3', 3], 'regions')).toEqual([['regions[1]', 3, 'expected a region name, got the number 3', 'give a region name']]);
  });

  test('address plan: four optional keys, strings but for the prefix length', () => {
    expect(violations(ADDRESS_PLAN_PROPS_SHAPE, {})).toEqual([]);
    expect(violations(ADDRESS_PLAN_PROPS_SHAPE, { addressSpace: '10.0.0.0/16', regionPrefixLength: 20, podCidr: 'p', serviceCidr: 's' })).toEqual([]);
    expect(violations(ADDRESS_PLAN_PROPS_SHAPE, { addressSpace: 1, regionPrefixLength: '20', podCidr: 2, serviceCidr: 3 }, 'plan').map((v) => [v[0], v[2]])).toEqual([
      ['plan.addressSpace', 'expected a string, got the number 1'], ['plan.regionPrefixLength', 'expected a number, got the string "20"'],
      ['plan.podCidr', 'expected a string, got the number 2'], ['plan.serviceCidr', 'expected a string, got the number 3'],
    ]);
  });
});
