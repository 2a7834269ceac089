import { Construct, RootConstruct } from 'constructs';
import { Lazy } from 'cdktf';
import { describeValue, formatValue, ValidationError } from '../../lib/core/errors';

/** Unit tests of lib/core/errors.ts: the error every bad input ends in, and the words it uses for values. */

class Widget {}

function problem(scope: ConstructLike, prop: string, value: unknown): ValidationError {
  return new ValidationError({ scope, prop, value, problem: 'too small', fix: 'use 3' });
}
type ConstructLike = Construct | string;

describe('ValidationError', () => {
  test('names the construct path, prop, value, problem and fix, in its fields and its message', () => {
    const scope = new Construct(new RootConstruct('app'), 'Thing');
    const e = problem(scope, 'systemPool.minCount', 1);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ValidationError');
    expect(e.message).toBe('app/Thing: invalid systemPool.minCount 1: too small. Fix: use 3');
    expect([e.constructPath, e.prop, e.value, e.problem, e.fix]).toEqual(['app/Thing', 'systemPool.minCount', 1, 'too small', 'use 3']);
    expect(e.violations).toEqual([e]);
    expect(e.violations[0]).toBe(e);
  });

  test('a label stands for the construct path; the root construct (empty path) is called <root>', () => {
    expect(problem('RedundancyPattern.activeActive', 'options', 'x').message).toBe('RedundancyPattern.activeActive: invalid options "x": too small. Fix: use 3');
    const root = problem(new RootConstruct(), 'p', undefined);
    expect(root.constructPath).toBe('<root>');
    expect(root.message).toBe('<root>: invalid p (undefined): too small. Fix: use 3');
  });

  test('combine: one error stays itself', () => {
    const only = problem('a', 'p', 1);
    expect(ValidationError.combine([only])).toBe(only);
  });

  test('combine: several errors become one that carries them all, its fields the first one\'s, one message line each', () => {
    const first = new ValidationError({ scope: 'platform', prop: 'regions', value: [], problem: 'empty', fix: 'list one' });
    const second = new ValidationError({ scope: 'platform/db', prop: 'sku', value: 'x', problem: 'unknown', fix: 'use GP' });
    const third = new ValidationError({ scope: 'platform', prop: 'tags', value: 7, problem: 'not tags', fix: 'give tags' });
    const combined = ValidationError.combine([first, second, third]);
    expect(combined).not.toBe(first);
    expect(combined).toBeInstanceOf(ValidationError);
    expect([combined.constructPath, combined.prop, combined.value, combined.problem, combined.fix]).toEqual(['platform', 'regions', [], 'empty', 'list one']);
    expect(combined.violations).toEqual([first, second, third]);
    expect(combined.message).toBe([
      'platform: 3 problems',
      '  - platform: invalid regions []: empty. Fix: list one',
      '  - platform/db: invalid sku "x": unknown. Fix: use GP',
      '  - platform: invalid tags 7: not tags. Fix: give tags',
    ].join('\n'));
  });
});

describe('formatValue', () => {
  test('plain data is JSON', () => {
    expect(formatValue('westus3')).toBe('"westus3"');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(true)).toBe('true');
    expect(formatValue([1, 'a'])).toBe('[1,"a"]');
    expect(formatValue({ a: 1, b: [2] })).toBe('{"a":1,"b":[2]}');
    expect(formatValue(Object.assign(Object.create(null), { a: 1 }))).toBe('{"a":1}');
  });

  test('numbers are spelled out, NaN and infinities too (JSON would print null), also inside data', () => {
    expect(formatValue(3)).toBe('3');
    expect(formatValue(-1.5)).toBe('-1.5');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('Infinity');
    expect(formatValue(-Infinity)).toBe('-Infinity');
    expect(formatValue({ a: NaN, b: Infinity, c: 2 })).toBe('{"a":"NaN","b":"Infinity","c":2}');
  });

  test('what JSON cannot show is put in words', () => {
    expect(formatValue(undefined)).toBe('(undefined)');
    expect(formatValue(12n)).toBe('12n');
    expect(formatValue(function named() {})).toBe('(a function named)');
    expect(formatValue([() => 1][0])).toBe('(a function)');
    expect(formatValue(Symbol('s'))).toBe('(Symbol(s))');
    expect(formatValue(new Widget())).toBe('(an instance of Widget)');
    expect(formatValue(Object.create(Object.create(null)))).toBe('(an instance of an unknown class)');
  });

  test('Terraform tokens say so', () => {
    const text = Lazy.stringValue({ produce: () => 'x' });
    expect(formatValue(text)).toBe(`${JSON.stringify(text)} (a Terraform token, unknown until apply)`);
    expect(formatValue(Lazy.numberValue({ produce: () => 1 }))).toBe('(a Terraform number token, unknown until apply)');
    expect(formatValue(Lazy.anyValue({ produce: () => 1 }))).toBe('(a Terraform token, unknown until apply)');
  });

  test('JSON longer than 200 characters is cut to 197 and an ellipsis; 200 stay whole', () => {
    expect(formatValue('x'.repeat(198))).toBe(`"${'x'.repeat(198)}"`);
    expect(formatValue('x'.repeat(199))).toBe(`"${'x'.repeat(196)}...`);
    expect(formatValue('x'.repeat(199))).toHaveLength(200);
  });

  test('a value JSON refuses (a cycle) or turns into nothing (toJSON) is printed by String()', () => {
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(formatValue(cycle)).toBe('[object Object]');
    expect(formatValue({ toJSON: () => undefined })).toBe('[object Object]');
  });
});

describe('describeValue', () => {
  test.each<[string, unknown, string]>([
    ['undefined', undefined, 'nothing (undefined)'],
    ['null', null, 'null'],
    ['a list', [1], 'a list'],
    ['a string', 'eastus', 'the string "eastus"'],
    ['a number', 4, 'the number 4'],
    ['NaN', NaN, 'NaN'],
    ['Infinity', Infinity, 'Infinity'],
    ['-Infinity', -Infinity, '-Infinity'],
    ['true', true, 'the boolean true'],
    ['false', false, 'the boolean false'],
    ['an object', { a: 1 }, 'an object'],
    ['an object without prototype', Object.create(null), 'an object'],
    ['a class instance', new Widget(), 'an instance of Widget'],
    ['an instance of a class without constructor', Object.create(Object.create(null)), 'an instance of a class'],
    ['a function', () => 1, 'a function'],
    ['a bigint', 1n, 'a bigint'],
    ['a symbol', Symbol('s'), 'a symbol'],
  ])('%s: %s', (_label, value, words) => {
    expect(describeValue(value)).toBe(words);
  });

  test('Terraform tokens say so', () => {
    expect(describeValue(Lazy.stringValue({ produce: () => 'x' }))).toBe('a Terraform token');
    expect(describeValue(Lazy.numberValue({ produce: () => 1 }))).toBe('a Terraform number token (unknown until apply)');
    expect(describeValue(Lazy.anyValue({ produce: () => 1 }))).toBe('a Terraform token (unknown until apply)');
  });
});
