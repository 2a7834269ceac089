import { RootConstruct } from 'constructs';
import { Lazy } from 'cdktf';
import * as v from 'valibot';
import { ValidationError } from '../../lib/core/errors';
import {
  asOptions, checkFormat, checkGuid, checkInteger, checkOneOf, checkRegionKeys, Checks, checkShape, givenOf, GUID,
  IPV4, IPV4_CIDR, IPV4_OR_CIDR, objectShape, opt, pascal, recordGiven, Shape, shapes, strictShape,
} from '../../lib/core/validate';

/** Unit tests of lib/core/validate.ts: run-time shapes, the checks every construct runs, and their error fields. */

const scope = new RootConstruct('stack');
const PRINCIPAL = '11111111-2222-3333-4444-555555555555';

/** The error `fn` throws (fails the test when it throws none or another kind). */
function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('no error thrown');
}

/** [prop, value, problem, fix] of each violation `fn` reports. */
function violations(fn: () => unknown): [string, unknown, string, string][] {
  return thrown(fn).violations.map((e) => [e.prop, e.value, e.problem, e.fix]);
}

/** The violations of checking `value` against `schema` under `prefix`. */
function shapeViolations(schema: Shape, value: unknown, prefix = 'props'): [string, unknown, string, string][] {
  return violations(() => checkShape(scope, prefix, value, schema));
}

describe('recordGiven, givenOf, asOptions', () => {
  test('a factory-made value remembers what it was given', () => {
    const target = {};
    const given = { standby: 'cold' };
    expect(recordGiven(target, given)).toBe(target);
    expect(givenOf(target)).toBe(given);
    expect(givenOf({})).toBeUndefined();
  });

  test('options are read from an object, and from {} when something else was given', () => {
    const given = { a: 1 };
    expect(asOptions(given)).toBe(given);
    expect(asOptions(null)).toEqual({});
    expect(asOptions(undefined)).toEqual({});
    expect(asOptions([1, 2])).toEqual({});
    expect(asOptions('x')).toEqual({});
  });
});

describe('shapes', () => {
  test('values of the right shape pass', () => {
    const schema = strictShape<{ a: string; b?: number; c: boolean; d: string[]; e: { [k: string]: number }; f: 'x' | 1; g: object; h: RootConstruct }>({
      a: shapes.string(), b: opt(shapes.number()), c: shapes.boolean(), d: shapes.list(shapes.string()), e: shapes.map(shapes.number()),
      f: shapes.oneOf<'x' | 1>(['x', 1]), g: shapes.like<{ id: string }>({ id: shapes.string() }, 'something with an id'),
      h: shapes.instance(() => RootConstruct, 'a root construct'),
    });
    expect(() => checkShape(scope, '', { a: 'x', c: false, d: ['y'], e: { k: 1 }, f: 1, g: { id: 'i', more: true }, h: scope }, schema)).not.toThrow();
    expect(() => checkShape(scope, '', { a: 'x', b: 2.5, c: true, d: [], e: {}, f: 'x', g: { id: 'i' }, h: new RootConstruct('other') }, schema)).not.toThrow();
  });

  test('each building block says what it expects, by default and in its own words', () => {
    expect(shapeViolations(shapes.string(), 5)).toEqual([['props', 5, 'expected a string, got the number 5', 'give a string']]);
    expect(shapeViolations(shapes.string('a region name'), 5)).toEqual([['props', 5, 'expected a region name, got the number 5', 'give a region name']]);
    expect(shapeViolations(shapes.number(), '5')).toEqual([['props', '5', 'expected a number, got the string "5"', 'give a number']]);
    expect(shapeViolations(shapes.number('a count'), '5')).toEqual([['props', '5', 'expected a count, got the string "5"', 'give a count']]);
    expect(shapeViolations(shapes.boolean(), 'true')).toEqual([['props', 'true', 'expected true or false (a boolean, not a string), got the string "true"', 'give true or false (a boolean, not a string)']]);
    expect(shapeViolations(shapes.list(shapes.string()), {})).toEqual([['props', {}, 'expected a list, got an object', 'give a list']]);
    expect(shapeViolations(shapes.list(shapes.string(), 'some names'), 'a')).toEqual([['props', 'a', 'expected some names, got the string "a"', 'give some names']]);
    expect(shapeViolations(shapes.map(shapes.string()), 'a')).toEqual([['props', 'a', 'expected an object of keys to values, got the string "a"', 'give an object of keys to values']]);
    expect(shapeViolations(shapes.map(shapes.string(), 'tags'), 'a')).toEqual([['props', 'a', 'expected tags, got the string "a"', 'give tags']]);
    expect(shapeViolations(shapes.oneOf(['warm', 'pilot-light']), 'cold')).toEqual([['props', 'cold', "expected one of 'warm', 'pilot-light', got the string \"cold\"", "give one of 'warm', 'pilot-light'"]]);
    expect(shapeViolations(shapes.oneOf([1, 2, 3]), 4)).toEqual([['props', 4, 'expected one of 1, 2, 3, got the number 4', 'give one of 1, 2, 3']]);
    expect(shapeViolations(shapes.like<{ id: string }>({ id: shapes.string() }, 'an identity'), 'i')).toEqual([['props', 'i', 'expected an identity, got the string "i"', 'give an identity']]);
    expect(shapeViolations(shapes.instance(() => RootConstruct, 'a root construct'), {})).toEqual([['props', {}, 'expected a root construct, got an object', 'give a root construct']]);
    expect(shapeViolations(strictShape<{ a?: string }>({ a: opt(shapes.string()) }), 'x')).toEqual([['props', 'x', 'expected an object, got the string "x"', 'give an object']]);
    expect(shapeViolations(objectShape({}, 'the options'), 'x')).toEqual([['props', 'x', 'expected the options, got the string "x"', 'give the options']]);
  });

  test('numbers are finite: NaN and the infinities are refused', () => {
    expect(shapeViolations(shapes.number(), NaN)).toEqual([['props', NaN, 'expected a number, got NaN', 'give a number']]);
    expect(shapeViolations(shapes.number(), Infinity)).toEqual([['props', Infinity, 'expected a number, got Infinity', 'give a number']]);
    expect(shapeViolations(shapes.number('a count'), -Infinity)).toEqual([['props', -Infinity, 'expected a count, got -Infinity', 'give a count']]);
  });

  test('a list is not an object, for objects and maps (whose keys might all be optional)', () => {
    expect(shapeViolations(strictShape<{ a?: string }>({ a: opt(shapes.string()) }), [])).toEqual([['props', [], 'expected an object, got a list', 'give an object']]);
    expect(shapeViolations(shapes.map(shapes.string()), [])).toEqual([['props', [], 'expected an object of keys to values, got a list', 'give an object of keys to values']]);
    expect(shapeViolations(shapes.like<{ id?: string }>({ id: opt(shapes.string()) }, 'an identity'), [])).toEqual([['props', [], 'expected an identity, got a list', 'give an identity']]);
    expect(shapeViolations(shapes.like<{ id?: string }>({ id: opt(shapes.string()) }, 'an identity'), null)).toEqual([['props', null, 'expected an identity, got null', 'give an identity']]);
  });

  test('a Map, Set or other class instance is not an object of props (Object.keys would not see its entries); like still takes instances', () => {
    const a = new Map([['a', 'x']]);
    expect(shapeViolations(strictShape<{ a?: string }>({ a: opt(shapes.string()) }), a)).toEqual([['props', a, 'expected an object, got an instance of Map', 'give an object']]);
    expect(shapeViolations(shapes.map(shapes.string()), new Set(['x']))).toEqual([['props', new Set(['x']), 'expected an object of keys to values, got an instance of Set', 'give an object of keys to values']]);
    expect(() => checkShape('props', '', Object.assign(Object.create(null), { a: 'x' }), strictShape<{ a?: string }>({ a: opt(shapes.string()) }))).not.toThrow();
    class Identity { public readonly id = 'x'; }
    expect(() => checkShape('props', '', new Identity(), shapes.like<{ id?: string }>({ id: opt(shapes.string()) }, 'an identity'))).not.toThrow();
  });

  test('like: a missing or wrong member is reported, further members are allowed', () => {
    const identity = shapes.like<{ principalId: string }>({ principalId: shapes.string('a principal ID') }, 'an identity');
    expect(shapeViolations(identity, { principalId: 7, clientId: 'c' })).toEqual([['props.principalId', 7, 'expected a principal ID, got the number 7', 'give a principal ID']]);
  });
});

describe('checkShape', () => {
  const pool = objectShape({ name: shapes.string('a pool name'), size: opt(shapes.number()) });
  const props = strictShape<{ name: string; count?: number; pools?: object[]; tags?: object; standby?: string; nested?: object }>({
    name: shapes.string('a name'),
    count: opt(shapes.number('a count')),
    pools: opt(shapes.list(pool)),
    tags: opt(shapes.map(pool)),
    standby: opt(shapes.oneOf(['warm', 'pilot-light'])),
    nested: opt(strictShape<{ allowSecondaryWithoutZones?: boolean; deep?: object }>({
      allowSecondaryWithoutZones: opt(shapes.boolean()), deep: opt(strictShape<object>({})),
    })),
  });

  test('a value of the shape passes', () => {
    expect(checkShape(scope, '', { name: 'n', pools: [{ name: 'p' }], tags: { t: { name: 'q', size: 1 } } }, props)).toBeUndefined();
  });

  test('prop paths: dotted keys and [index] for list items, under the prefix or from the root', () => {
    expect(shapeViolations(props, { name: 'n', pools: [{ name: 'p' }, { name: 3 }] }, '')).toEqual([['pools[1].name', 3, 'expected a pool name, got the number 3', 'give a pool name']]);
    expect(shapeViolations(props, { name: 'n', pools: [{ name: 'p' }, { name: 3 }] }, 'database')).toEqual([['database.pools[1].name', 3, 'expected a pool name, got the number 3', 'give a pool name']]);
    expect(shapeViolations(props, { name: 'n', tags: { a: { name: 1 } } }, '')).toEqual([['tags.a.name', 1, 'expected a pool name, got the number 1', 'give a pool name']]);
    expect(shapeViolations(shapes.list(shapes.string()), ['a', 2], '')).toEqual([['[1]', 2, 'expected a string, got the number 2', 'give a string']]);
    expect(shapeViolations(shapes.list(shapes.list(shapes.string())), [['a'], ['b', 2]], 'x')).toEqual([['x[1][1]', 2, 'expected a string, got the number 2', 'give a string']]);
  });

  test('a wrong value at the root is reported as (props)', () => {
    expect(shapeViolations(props, 'x', '')).toEqual([['(props)', 'x', 'expected an object, got the string "x"', 'give an object']]);
    expect(shapeViolations(props, null, '')).toEqual([['(props)', null, 'expected an object, got null', 'give an object']]);
  });

  test('every violation is reported at once, in one error', () => {
    const e = thrown(() => checkShape(scope, '', { name: 1, count: 'x', extra: true }, props));
    expect(e.violations).toHaveLength(3);
    expect(e.message).toMatch(/^stack: 3 problems\n/);
    expect(e.violations.map((x) => x.prop).sort()).toEqual(['count', 'extra', 'name']);
    expect(e.violations.every((x) => x.constructPath === 'stack')).toBe(true);
  });

  test('the construct path or label of the scope is named', () => {
    expect(thrown(() => checkShape('RedundancyPattern.activePassive', 'pattern', 1, props)).constructPath).toBe('RedundancyPattern.activePassive');
  });

  test('null where an optional value belongs: leave it out or give a value', () => {
    expect(shapeViolations(props, { name: 'n', count: null }, '')).toEqual([['count', null, 'expected a count, got null', 'leave count out to take the default, or give a count']]);
    expect(shapeViolations(props, { name: 'n', pools: [{ name: 'p', size: null }] }, 'db')).toEqual([['db.pools[0].size', null, 'expected a number, got null', 'leave db.pools[0].size out to take the default, or give a number']]);
    expect(shapeViolations(props, { name: null }, '')).toEqual([['name', null, 'expected a name, got null', 'give a name']]);
    expect(shapeViolations(props, null, 'db')).toEqual([['db', null, 'expected an object, got null', 'give an object']]);
  });

  test('a missing required key: what its own shape expects', () => {
    expect(shapeViolations(props, {}, '')).toEqual([['name', undefined, 'expected a name, got nothing (undefined)', 'give a name']]);
    expect(shapeViolations(props, { name: 'n', pools: [{}] }, '')).toEqual([['pools[0].name', undefined, 'expected a pool name, got nothing (undefined)', 'give a pool name']]);
    // A required object shape (a pipe of the object check and the strict object) expects what the strict object says.
    expect(shapeViolations(objectShape({ pool }), {}, '')).toEqual([['pool', undefined, 'expected an object, got nothing (undefined)', 'give an object']]);
    // A pipe without entries: what its first schema says.
    expect(shapeViolations(objectShape({ id: v.pipe(v.string('an ID'), v.minLength(3)) }), {}, '')).toEqual([['id', undefined, 'expected an ID, got nothing (undefined)', 'give an ID']]);
    // A schema without a message of its own: valibot's word for the type.
    expect(shapeViolations(objectShape({ n: v.number() }), {}, '')).toEqual([['n', undefined, 'expected number, got nothing (undefined)', 'give number']]);
  });

  test('a schema without a message of its own: valibot\'s expected type, or "another value" when it has none', () => {
    expect(shapeViolations(objectShape({ n: v.number() }), { n: 'x' }, '')).toEqual([['n', 'x', 'expected number, got the string "x"', 'give number']]);
    expect(shapeViolations(objectShape({ n: v.pipe(v.string(), v.check((s) => s.length > 2)) }), { n: 'x' }, '')).toEqual([['n', 'x', 'expected another value, got the string "x"', 'give another value']]);
    expect(shapeViolations(objectShape({ n: v.pipe(v.string(), v.check((s) => s.length > 2, 'Invalid means its own words')) }), { n: 'x' }, '')).toEqual([['n', 'x', 'expected another value, got the string "x"', 'give another value']]);
    expect(shapeViolations(objectShape({ n: v.pipe(v.string(), v.check((s) => s.length > 2, 'three letters or more')) }), { n: 'x' }, '')).toEqual([['n', 'x', 'expected three letters or more, got the string "x"', 'give three letters or more']]);
  });

  test('an unknown key names its value and the closest known key', () => {
    expect(shapeViolations(props, { name: 'n', nmae: 'x' }, '')).toEqual([['nmae', 'x', "unknown option 'nmae', which would be ignored", "did you mean 'name'?"]]);
    expect(shapeViolations(props, { name: 'n', nested: { allowSecondaryWithoutZone: true } }, 'p')).toEqual([
      ['p.nested.allowSecondaryWithoutZone', true, "unknown option 'allowSecondaryWithoutZone', which would be ignored", "did you mean 'allowSecondaryWithoutZones'?"],
    ]);
    expect(shapeViolations(props, { name: 'n', pools: [{ name: 'p', sise: 1 }] }, '')).toEqual([['pools[0].sise', 1, "unknown option 'sise', which would be ignored", "did you mean 'size'?"]]);
    expect(shapeViolations(props, { name: 'n', tags: { a: { name: 'p', nam: 1 } } }, '')).toEqual([['tags.a.nam', 1, "unknown option 'nam', which would be ignored", "did you mean 'name'?"]]);
  });

  test('an unknown key that is no close spelling: a known key it starts (or is started by), or the list, or remove it', () => {
    // Farther than max(2, a third of the key) from every known key, but a prefix of one (or one is a prefix of it).
    expect(shapeViolations(props, { name: 'n', nested: { allow: true } }, '')[0][3]).toBe("did you mean 'allowSecondaryWithoutZones'?");
    expect(shapeViolations(props, { name: 'n', nested: { ALLOW: true } }, '')[0][3]).toBe("did you mean 'allowSecondaryWithoutZones'?");
    expect(shapeViolations(props, { name: 'n', standbyModeOfThePassiveRegion: 'warm' }, '')[0][3]).toBe("did you mean 'standby'?");
    expect(shapeViolations(props, { name: 'n', STANDBYModeOfThePassiveRegion: 'warm' }, '')[0][3]).toBe("did you mean 'standby'?");
    expect(shapeViolations(props, { name: 'n', nested: { zones: true } }, '')[0][3]).toBe("use only 'allowSecondaryWithoutZones', 'deep'");
    expect(shapeViolations(props, { name: 'n', nested: { deep: { anything: 1 } } }, '')).toEqual([['nested.deep.anything', 1, "unknown option 'anything', which would be ignored", 'remove it']]);
  });

  test('below a schema it cannot look into (a tuple), an unknown key gets no suggestion and a missing one valibot\'s words', () => {
    const schema = objectShape({ a: v.tuple([objectShape({ b: shapes.string(), y: opt(v.strictObject({ b: shapes.string() })) })]) });
    expect(shapeViolations(schema, { a: [{ b: 'x', c: 1 }] }, '')).toEqual([['a[0].c', 1, "unknown option 'c', which would be ignored", 'remove it']]);
    expect(shapeViolations(schema, { a: [{ b: 'x', y: { b: 'z', c: 1 } }] }, '')).toEqual([['a[0].y.c', 1, "unknown option 'c', which would be ignored", 'remove it']]);
    expect(shapeViolations(schema, { a: [{ b: 'x', y: {} }] }, '')).toEqual([['a[0].y.b', undefined, 'expected "b", got nothing (undefined)', 'give "b"']]);
  });

  test('null in a list or map of objects: give a value (items cannot be left out)', () => {
    expect(shapeViolations(props, { name: 'n', pools: [null] }, '')).toEqual([['pools[0]', null, 'expected an object, got null', 'give an object']]);
    expect(shapeViolations(props, { name: 'n', tags: { a: null } }, '')).toEqual([['tags.a', null, 'expected an object, got null', 'give an object']]);
  });

  test('a wrong value that is not null, where an optional value belongs: give a value', () => {
    expect(shapeViolations(props, { name: 'n', count: 'x' }, '')).toEqual([['count', 'x', 'expected a count, got the string "x"', 'give a count']]);
  });

  test('close spelling: two edits for short keys, a third of the key for long ones, ignoring case', () => {
    const schema = objectShape({ ab: opt(shapes.string()), replicationFactor: opt(shapes.string()) });
    expect(shapeViolations(schema, { xy: '' }, '')[0][3]).toBe("did you mean 'ab'?");
    expect(shapeViolations(schema, { xyz: '' }, '')[0][3]).toBe("use only 'ab', 'replicationFactor'");
    // 'replicationXXXXXX' (17 letters) is 6 edits from 'replicationFactor': within ceil(17 / 3) = 6; 7 edits are not.
    expect(shapeViolations(schema, { replicationXXXXXX: '' }, '')[0][3]).toBe("did you mean 'replicationFactor'?");
    expect(shapeViolations(schema, { replicatioXXXXXXX: '' }, '')[0][3]).toBe("use only 'ab', 'replicationFactor'");
    expect(shapeViolations(schema, { AB: '' }, '')[0][3]).toBe("did you mean 'ab'?");
    expect(shapeViolations(schema, { REPLICATIONFACTOR: '' }, '')[0][3]).toBe("did you mean 'replicationFactor'?");
  });
});

describe('Checks', () => {
  test('run: the check\'s result, or the fallback with its violations recorded; other errors pass through', () => {
    const checks = new Checks(scope);
    expect(checks.scope).toBe(scope);
    expect(checks.run(0, () => 5)).toBe(5);
    expect(checks.run(0, () => checkInteger(scope, 'count', 9, 1, 3, 'why'))).toBe(0);
    const bug = new TypeError('bug');
    expect(() => checks.run(0, () => {
      throw bug;
    })).toThrow(bug);
    expect(violations(() => checks.throwIfAny())).toEqual([['count', 9, 'must be an integer from 1 to 3 (why)', 'set count between 1 and 3']]);
  });

  test('run records every violation of a combined error', () => {
    const checks = new Checks(scope);
    checks.run(undefined, () => checkShape(scope, '', { a: 1, b: 2 }, objectShape({ a: shapes.string(), b: shapes.string() })));
    expect(thrown(() => checks.throwIfAny()).violations.map((e) => e.prop)).toEqual(['a', 'b']);
  });

  test('fail records a violation in the scope; throwIfAny throws one error with all of them, or nothing', () => {
    const checks = new Checks(scope);
    expect(checks.throwIfAny()).toBeUndefined();
    checks.fail({ prop: 'a', value: 1, problem: 'p1', fix: 'f1' });
    const one = thrown(() => checks.throwIfAny());
    expect([one.constructPath, one.prop, one.value, one.problem, one.fix, one.violations.length]).toEqual(['stack', 'a', 1, 'p1', 'f1', 1]);
    checks.fail({ prop: 'b', value: 2, problem: 'p2', fix: 'f2' });
    const both = thrown(() => checks.throwIfAny());
    expect(both.message).toMatch(/^stack: 2 problems\n/);
    expect(both.violations.map((e) => e.prop)).toEqual(['a', 'b']);
  });

  test('failed: the prop or a prop inside it (dotted or indexed), not a prop that only starts with its name', () => {
    const checks = new Checks(scope);
    expect(checks.failed('pool')).toBe(false);
    checks.fail({ prop: 'pool.min', value: 0, problem: 'p', fix: 'f' });
    checks.fail({ prop: 'zones[1]', value: 0, problem: 'p', fix: 'f' });
    checks.fail({ prop: 'name', value: 0, problem: 'p', fix: 'f' });
    expect(['pool', 'zones', 'name', 'pool.min', 'poo', 'pools', 'zone', 'names', 'nam', 'min'].map((p) => checks.failed(p)))
      .toEqual([true, true, true, true, false, false, false, false, false, false]);
  });

  test('integer: the value, or the fallback (the minimum by default) with the violation recorded', () => {
    const checks = new Checks(scope);
    expect(checks.integer('a', 2, 1, 3, 'why')).toBe(2);
    expect(checks.integer('b', 7, 1, 3, 'why')).toBe(1);
    expect(checks.integer('c', 7, 1, 3, 'why', 2)).toBe(2);
    expect(violations(() => checks.throwIfAny()).map((x) => x[0])).toEqual(['b', 'c']);
  });

  test('oneOf: the value, or the fallback (the first allowed by default) with the violation recorded', () => {
    const checks = new Checks(scope);
    expect(checks.oneOf('a', 'y', ['x', 'y'])).toBe('y');
    expect(checks.oneOf('b', 'zzz', ['x', 'y'])).toBe('x');
    expect(checks.oneOf('c', 'zzz', ['x', 'y'], 'y', 'SKUs of the region')).toBe('y');
    expect(violations(() => checks.throwIfAny())).toEqual([
      ['b', 'zzz', "not a supported value (expected 'x', 'y', got the string \"zzz\")", "use one of 'x', 'y'"],
      ['c', 'zzz', "SKUs of the region (expected 'x', 'y', got the string \"zzz\")", "use one of 'x', 'y'"],
    ]);
  });
});

describe('checkInteger', () => {
  test('integers from min to max pass, both ends included', () => {
    expect([1, 2, 3].map((n) => checkInteger(scope, 'n', n, 1, 3, 'why'))).toEqual([1, 2, 3]);
  });

  test.each([0, 4, 1.5, -1, NaN, Infinity])('%p is refused with the range and the reason', (n) => {
    expect(violations(() => checkInteger(scope, 'pool.size', n, 1, 3, 'AKS limit'))).toEqual([['pool.size', n, 'must be an integer from 1 to 3 (AKS limit)', 'set pool.size between 1 and 3']]);
  });

  test('a value that is not a number says what it is', () => {
    expect(violations(() => checkInteger(scope, 'n', '2' as never, 1, 3, 'why'))).toEqual([['n', '2', 'must be an integer from 1 to 3 (why), got the string "2"', 'set n between 1 and 3']]);
    expect(violations(() => checkInteger(scope, 'n', undefined as never, 1, 3, 'why'))).toEqual([['n', undefined, 'must be an integer from 1 to 3 (why), got nothing (undefined)', 'set n between 1 and 3']]);
    const token = Lazy.stringValue({ produce: () => '2' });
    expect(violations(() => checkInteger(scope, 'n', token as never, 1, 3, 'why'))).toEqual([['n', token, 'must be an integer from 1 to 3 (why), got a Terraform token', 'set n between 1 and 3']]);
  });

  test('a number token is refused: it is unknown at synth time', () => {
    const token = Lazy.numberValue({ produce: () => 2 });
    expect(violations(() => checkInteger(scope, 'n', token, -Infinity, Infinity, 'zones are counted'))).toEqual([[
      'n', token, 'a Terraform token is unknown until apply, and this number is checked at synth time (zones are counted)', 'pass a literal number',
    ]]);
  });
});

describe('checkOneOf', () => {
  test('an allowed value passes', () => {
    expect(checkOneOf(scope, 'sku', 'GP', ['BC', 'GP'])).toBe('GP');
    expect(checkOneOf(scope, 'zones', 2, [1, 2, 3])).toBe(2);
  });

  test('a near miss is suggested: one edit for short values, a third of the value for long ones, ignoring case', () => {
    const fix = (value: string | number, allowed: readonly (string | number)[]) => thrown(() => checkOneOf(scope, 'p', value, allowed)).fix;
    expect(fix('warn', ['warm', 'pilot-light'])).toBe("did you mean 'warm'? (one of 'warm', 'pilot-light')");
    expect(fix('WARN', ['warm', 'pilot-light'])).toBe("did you mean 'warm'? (one of 'warm', 'pilot-light')");
    expect(fix('warn', ['WARM', 'pilot-light'])).toBe("did you mean 'WARM'? (one of 'WARM', 'pilot-light')");
    expect(fix('ab', ['ac'])).toBe("did you mean 'ac'? (one of 'ac')");
    expect(fix('ab', ['cd'])).toBe("use one of 'cd'");
    expect(fix('stndrd', ['premium', 'standard'])).toBe("did you mean 'standard'? (one of 'premium', 'standard')");
    expect(fix('stndr', ['premium', 'standard'])).toBe("use one of 'premium', 'standard'");
  });

  test('no guess for numbers, for values without letters or among numbers', () => {
    expect(violations(() => checkOneOf(scope, 'zones', 4, [1, 2, 3]))).toEqual([['zones', 4, 'not a supported value (expected 1, 2, 3, got the number 4)', 'use one of 1, 2, 3']]);
    expect(thrown(() => checkOneOf(scope, 'v', '13', ['12', '14'])).fix).toBe("use one of '12', '14'");
    expect(thrown(() => checkOneOf(scope, 'v', '1' as never, [1, 2])).fix).toBe('use one of 1, 2');
    expect(thrown(() => checkOneOf(scope, 'v', 'a' as never, ['b', 1])).fix).toBe("use one of 'b', 1");
    // A boolean where a string belongs (from JavaScript or YAML) is no near miss of the string 'true'.
    expect(thrown(() => checkOneOf(scope, 'v', true as never, ['true', 'yes'])).fix).toBe("use one of 'true', 'yes'");
  });

  test('the reason replaces "not a supported value"', () => {
    expect(thrown(() => checkOneOf(scope, 'v', 'x', ['y'], 'versions AKS supports')).problem).toBe('versions AKS supports (expected \'y\', got the string "x")');
  });

  test('a token is refused: the choice is made at synth time', () => {
    const token = Lazy.stringValue({ produce: () => 'GP' });
    expect(violations(() => checkOneOf(scope, 'sku', token, ['GP']))).toEqual([['sku', token, 'a Terraform token is unknown until apply, and this choice is made at synth time', "use one of 'GP'"]]);
  });
});

describe('checkFormat and the formats', () => {
  test('a matching string passes; a token passes unchecked', () => {
    expect(checkFormat(scope, 'ip', '10.0.0.1', IPV4, 'not an IP', 'fix it')).toBe('10.0.0.1');
    const token = Lazy.stringValue({ produce: () => 'x' });
    expect(checkFormat(scope, 'ip', token, IPV4, 'not an IP', 'fix it')).toBe(token);
  });

  test('a string that does not match: the problem; anything else: the problem and what it is', () => {
    expect(violations(() => checkFormat(scope, 'ip', '10.0.0', IPV4, 'not an IP', 'fix it'))).toEqual([['ip', '10.0.0', 'not an IP', 'fix it']]);
    expect(violations(() => checkFormat(scope, 'ip', 5 as never, { test: () => true }, 'not an IP', 'fix it'))).toEqual([['ip', 5, 'not an IP; got the number 5', 'fix it']]);
  });

  test('IPV4: four octets of 0-255', () => {
    const ok = ['0.0.0.0', '255.255.255.255', '10.1.2.3', '192.168.100.249', '1.10.100.200', '250.251.252.253', '199.99.9.0'];
    const bad = ['256.0.0.0', '0.0.0.256', '260.0.0.1', '300.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4x', 'a.b.c.d', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.4/8', '', '1..2.3', '1000.1.1.1', '1.2.3.-4'];
    expect(ok.filter((s) => !IPV4.test(s))).toEqual([]);
    expect(bad.filter((s) => IPV4.test(s))).toEqual([]);
  });

  test('IPV4_CIDR: an address and a prefix length of 0-32', () => {
    const ok = ['10.0.0.0/8', '0.0.0.0/0', '1.2.3.4/32', '1.2.3.4/30', '1.2.3.4/29', '1.2.3.4/19', '1.2.3.4/20', '1.2.3.4/9', '255.255.255.255/1'];
    const bad = ['1.2.3.4', '1.2.3.4/33', '1.2.3.4/40', '1.2.3.4/', '1.2.3.4/123', '256.1.1.1/8', '1.2.3.4/8 ', 'x1.2.3.4/8', '1.2.3.4/-1', '1.2.3/8'];
    expect(ok.filter((s) => !IPV4_CIDR.test(s))).toEqual([]);
    expect(bad.filter((s) => IPV4_CIDR.test(s))).toEqual([]);
  });

  test('IPV4_OR_CIDR: either', () => {
    const ok = ['1.2.3.4', '10.0.0.0/8', '0.0.0.0/0', '1.2.3.4/32', '1.2.3.4/29', '1.2.3.4/19', '1.2.3.4/9', '255.255.255.255'];
    const bad = ['1.2.3.4/33', '1.2.3.4/', '256.1.1.1', '1.2.3.4/8 ', ' 1.2.3.4', '1.2.3.4//8', '1.2.3.4/123', '1.2.3'];
    expect(ok.filter((s) => !IPV4_OR_CIDR.test(s))).toEqual([]);
    expect(bad.filter((s) => IPV4_OR_CIDR.test(s))).toEqual([]);
  });

  test('GUID: 8-4-4-4-12 hex digits, either case', () => {
    const ok = [PRINCIPAL, 'abcdef01-2345-6789-abcd-ef0123456789', 'ABCDEF01-2345-6789-ABCD-EF0123456789'];
    const bad = [
      '1111111-2222-3333-4444-555555555555', '111111111-2222-3333-4444-555555555555', '11111111-222-3333-4444-555555555555',
      '11111111-22222-3333-4444-555555555555', '11111111-2222-333-4444-555555555555', '11111111-2222-33333-4444-555555555555',
      '11111111-2222-3333-444-555555555555', '11111111-2222-3333-44444-555555555555', '11111111-2222-3333-4444-55555555555',
      '11111111-2222-3333-4444-5555555555555', 'g1111111-2222-3333-4444-555555555555', '11111111-g222-3333-4444-555555555555',
      '11111111-2222-g333-4444-555555555555', '11111111-2222-3333-g444-555555555555', '11111111-2222-3333-4444-g55555555555',
      `x${PRINCIPAL}`, `${PRINCIPAL}x`, '11111111222233334444555555555555', '',
    ];
    expect(ok.filter((s) => !GUID.test(s))).toEqual([]);
    expect(bad.filter((s) => GUID.test(s))).toEqual([]);
  });

  test('checkGuid: an object ID or a token', () => {
    expect(checkGuid(scope, 'admin', PRINCIPAL, 'a group ID', 'give the group')).toBe(PRINCIPAL);
    expect(violations(() => checkGuid(scope, 'admin', 'ops-team', 'a group ID', 'give the group'))).toEqual([['admin', 'ops-team', 'not a group ID (a GUID)', 'give the group']]);
  });
});

describe('pascal', () => {
  test('upper-cases the first letter only', () => {
    expect(pascal('order')).toBe('Order');
    expect(pascal('oRDER')).toBe('ORDER');
    expect(pascal('x')).toBe('X');
    expect(pascal('')).toBe('');
  });
});

describe('checkRegionKeys', () => {
  test('keys among the regions pass, as does no map', () => {
    expect(checkRegionKeys(scope, 'names', { westus3: 'a', eastus2: 'b' }, ['eastus2', 'westus3'])).toBeUndefined();
    expect(checkRegionKeys(scope, 'names', undefined, ['westus3'])).toBeUndefined();
  });

  test('every other key is refused, with the closest region', () => {
    expect(violations(() => checkRegionKeys(scope, 'names', { westus3: 'a', westus: 'b', eastus: 'c' }, ['westus3', 'eastus2']))).toEqual([
      ['names.westus', 'westus', 'not one of the regions (westus3, eastus2), so the setting would be ignored', "key names by the listed regions; did you mean 'westus3'?"],
      ['names.eastus', 'eastus', 'not one of the regions (westus3, eastus2), so the setting would be ignored', "key names by the listed regions; did you mean 'eastus2'?"],
    ]);
  });

  test('without regions there is nothing to suggest', () => {
    expect(violations(() => checkRegionKeys(scope, 'names', { westus: 'b' }, []))).toEqual([
      ['names.westus', 'westus', 'not one of the regions (), so the setting would be ignored', 'key names by the listed regions'],
    ]);
  });
});
