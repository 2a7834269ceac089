import { RootConstruct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { mergeTags } from '../../lib/core/tags';

/** Unit tests of `mergeTags` (lib/core/tags.ts): no synth, so each mutant of the module is tested in milliseconds. */
const scope = new RootConstruct('tags');
const OWN = { 'managed-by': 'cdktf-order-platform', component: 'stamp' };

function error(user: unknown): ValidationError {
  try {
    mergeTags(scope, 'tags', OWN, user as never);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`accepted ${JSON.stringify(user)}`);
}

describe('mergeTags', () => {
  test('the user\'s tags are merged over the library\'s, the user winning; without user tags the library\'s stand', () => {
    expect(mergeTags(scope, 'tags', OWN, { component: 'mine', team: 'orders' })).toEqual({ 'managed-by': 'cdktf-order-platform', component: 'mine', team: 'orders' });
    expect(mergeTags(scope, 'tags', OWN, undefined)).toEqual(OWN);
    expect(mergeTags(scope, 'tags', OWN, {})).toEqual(OWN);
  });

  test('tag names of 1 to 128 characters without <>%&\\?/ are accepted at both ends', () => {
    expect(mergeTags(scope, 'tags', {}, { a: 'x', ['n'.repeat(128)]: 'y' })).toEqual({ a: 'x', ['n'.repeat(128)]: 'y' });
  });

  test.each([
    ['', 'tags.'],
    ['n'.repeat(129), `tags.${'n'.repeat(129)}`],
    ...['<', '>', '%', '&', '\\', '?', '/'].map((c) => [`cost${c}center`, `tags.cost${c}center`]),
  ])('the tag name %j is refused', (name, prop) => {
    const e = error({ [name]: 'x' });
    expect(e.prop).toBe(prop);
    expect(e.value).toBe(name);
    expect(e.problem).toBe('Azure tag names are 1-128 characters (storage accounts) without <>%&\\?/');
    expect(e.fix).toBe('rename the tag');
    expect(e.constructPath).toBe('tags');
  });

  test('values up to 256 characters are accepted; longer ones and non-strings are refused', () => {
    expect(mergeTags(scope, 'tags', {}, { v: 'x'.repeat(256) }).v).toHaveLength(256);
    for (const value of ['x'.repeat(257), 7, null]) {
      const e = error({ v: value });
      expect(e.prop).toBe('tags.v');
      expect(e.value).toBe(value);
      expect(e.problem).toBe('Azure tag values are strings of at most 256 characters');
      expect(e.fix).toBe('shorten the value');
    }
  });

  test('at most 50 tags in all, the library\'s counted: 48 user tags beside 2 own pass, 49 fail', () => {
    const user = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, 'v']));
    expect(Object.keys(mergeTags(scope, 'tags', OWN, user(48)))).toHaveLength(50);
    const e = error(user(49));
    expect(e.prop).toBe('tags');
    expect(e.value).toHaveLength(51);
    expect(e.problem).toBe('Azure allows at most 50 tags per resource');
    expect(e.fix).toBe('drop some tags');
    // A user tag that overrides one of the library's does not count twice.
    expect(Object.keys(mergeTags(scope, 'tags', OWN, { ...user(48), component: 'x' }))).toHaveLength(50);
  });
});
