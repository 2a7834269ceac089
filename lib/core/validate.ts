import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { closest, distance } from 'fastest-levenshtein';
import * as v from 'valibot';
import { describeValue, ValidationError, ValidationErrorDetails } from './errors';

/** What each factory-made value (`DatabaseEngine`, `EventTransport`, `Rollout`, ...) was given, for checking later. */
const GIVEN = new WeakMap<object, unknown>();

/** Remembers the options a factory was called with, as given (a JavaScript caller can pass anything). */
export function recordGiven<T extends object>(target: T, given: unknown): T {
  GIVEN.set(target, given);
  return target;
}

/** The options a factory-made value was given. */
export function givenOf(target: object): unknown {
  return GIVEN.get(target);
}

/** The options as an object to read: what was given when it is an object, otherwise `{}` (the checks report it). */
export function asOptions<T>(given: unknown): T {
  return (given !== null && typeof given === 'object' && !Array.isArray(given) ? given : {}) as T;
}

/** A schema of a props object or one of its values (valibot). */
export type Shape = v.GenericSchema;

/**
 * The shape of a props interface: every key of `T` must be listed (the compiler checks it), and at run time a key not
 * listed is an error, not silently ignored (users drive constructs from JavaScript, YAML and JSON too).
 */
export function strictShape<T>(entries: { readonly [K in keyof Required<T>]: Shape }, expected = 'an object'): Shape {
  return objectShape(entries, expected);
}

/** A strict object shape from entries (for shapes composed of other shapes' entries). */
export function objectShape(entries: { readonly [key: string]: Shape }, expected = 'an object'): Shape {
  return v.pipe(v.custom(isRecord, expected), v.strictObject(entries as v.ObjectEntries, expected));
}

/** An object, not a list (a list is an object to JavaScript, and would pass a shape whose keys are all optional). */
function isPlainObject(input: unknown): boolean {
  return input !== null && typeof input === 'object' && !Array.isArray(input);
}

/**
 * A plain object (`{...}`, or one without a prototype): not a `Map`, `Set`, `Date` or other class instance, whose
 * entries `Object.keys` does not see, so a props object given as a `Map` would pass with every key ignored.
 */
function isRecord(input: unknown): boolean {
  if (!isPlainObject(input)) return false;
  const proto = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
}

/** Optional value: `undefined` (or a missing key) takes the default; `null` is an error. */
export function opt(schema: Shape): Shape {
  return v.optional(schema);
}

/** Shape building blocks, each carrying the words error messages use for what is expected. */
export const shapes = {
  string: (expected = 'a string'): Shape => v.string(expected),
  /** A finite number (NaN and Infinity are errors; Terraform number tokens pass here and are judged by the checks). */
  number: (expected = 'a number'): Shape => v.pipe(v.number(expected), v.finite(expected)),
  boolean: (): Shape => v.boolean('true or false (a boolean, not a string)'),
  list: (item: Shape, expected = 'a list'): Shape => v.array(item, expected),
  map: (value: Shape, expected = 'an object of keys to values'): Shape =>
    v.pipe(v.custom(isRecord, expected), v.record(v.string(), value, expected)),
  oneOf: <T extends string | number>(values: readonly T[]): Shape =>
    v.picklist(values as T[], `one of ${values.map((x) => (typeof x === 'string' ? `'${x}'` : String(x))).join(', ')}`),
  /** An object with at least these keys (a construct or other class instance implementing an interface). */
  like: <T>(entries: { readonly [K in keyof Required<T>]: Shape }, expected: string): Shape =>
    v.pipe(v.custom(isPlainObject, expected), v.looseObject(entries as v.ObjectEntries, expected)),
  /**
   * An instance of a class (including classes with private constructors and static factories). The class is given as a
   * function, read when a value is checked, so a shape may name a class whose module imports the shape's module.
   */
  instance: (cls: () => { readonly prototype: object }, expected: string): Shape =>
    v.custom((input) => input instanceof (cls() as unknown as abstract new () => unknown), expected),
  /** A value of one of several shapes (`true`, `'SameZone'` or `{ westeurope: 'SameZone' }`), reported as `expected` when it is none. */
  anyOf: (options: readonly Shape[], expected: string): Shape => v.union(options as Shape[], expected),
  /**
   * A plain object that is one of several kinds, told apart by `key` (e.g. `kind: 'Serverless'`): each kind's own
   * entries (besides `key`), strict, so the form works as it is from JSON and YAML.
   */
  variant: (key: string, kinds: { readonly [kind: string]: { readonly [entry: string]: Shape } }, expected: string): Shape =>
    v.pipe(v.custom(isRecord, expected), v.variant(key, Object.entries(kinds).map(([kind, entries]) => v.strictObject({ [key]: v.literal(kind), ...entries } as v.ObjectEntries, expected)), expected)),
};

/**
 * Checks a value against its shape and throws one `ValidationError` listing every violation: unknown keys (with the
 * closest known key), wrong types, `null` where a value or object belongs, NaN or Infinity where a number belongs.
 *
 * @param prop - prefix of the reported prop paths (`''` for a construct's own props)
 */
export function checkShape(scope: IConstruct | string, prop: string, value: unknown, schema: Shape): void {
  const result = v.safeParse(schema, value, { abortEarly: false });
  if (result.success) return;
  throw ValidationError.combine(result.issues.map((issue) => shapeError(scope, prop, value, schema, issue)));
}

function shapeError(scope: IConstruct | string, prefix: string, root: unknown, schema: Shape, issue: v.BaseIssue<unknown>): ValidationError {
  const path = issue.path ?? [];
  const keys = path.map((p) => p.key as string | number);
  const propPath = keys.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : String(key)), prefix);
  const keyIssue = path.length > 0 && path[path.length - 1].origin === 'key';
  if (keyIssue && issue.expected === 'never') {
    const key = String(keys[keys.length - 1]);
    const known = Object.keys(entriesAt(schema, keys.slice(0, -1)) ?? {});
    const best = nearest(key, known);
    return new ValidationError({
      scope, prop: propPath, value: valueAt(root, keys),
      problem: `unknown option '${key}', which would be ignored`,
      fix: best ? `did you mean '${best}'?` : known.length ? `use only ${known.map((k) => `'${k}'`).join(', ')}` : 'remove it',
    });
  }
  const actual = valueAt(root, keys);
  // A missing required key: what belongs there is what its own schema expects.
  const own = keyIssue ? (unwrapShape(entriesAt(schema, keys.slice(0, -1))?.[keys[keys.length - 1]]) as { message?: string; expects?: string } | undefined) : undefined;
  const expected = own ? (typeof own.message === 'string' ? own.message : own.expects ?? 'a value')
    : issue.message.startsWith('Invalid ') ? issue.expected ?? 'another value' : issue.message;
  return new ValidationError({
    scope, prop: propPath || '(props)', value: actual,
    problem: `expected ${expected}, got ${describeValue(actual)}`,
    fix: actual === null && optionalAt(schema, keys) ? `leave ${propPath || 'it'} out to take the default, or give ${expected}` : `give ${expected}`,
  });
}

/** The value at a key path (`undefined` when the path leaves the data). */
function valueAt(root: unknown, keys: readonly (string | number)[]): unknown {
  let current: unknown = root;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

type ShapeNode = Shape & { wrapped?: Shape; pipe?: Shape[]; entries?: v.ObjectEntries; item?: Shape; value?: Shape; options?: Shape[] };

/** The schema inside `optional` and `pipe` wrappers (the one that holds entries, items or values, if any). */
function unwrapShape(s: Shape | undefined): ShapeNode | undefined {
  let x = s as ShapeNode | undefined;
  for (;;) {
    if (x?.type === 'optional') x = x.wrapped as ShapeNode;
    else if (x?.pipe && !x.entries && !x.item && !x.value) x = (x.pipe.find((p) => (p as ShapeNode).entries || (p as ShapeNode).item || (p as ShapeNode).value || (p as ShapeNode).options) ?? x.pipe[0]) as ShapeNode;
    // A variant (shapes.variant): every kind's entries, so a typo is matched against all of them.
    else if (x?.type === 'variant' && x.options) return { ...x, entries: Object.assign({}, ...x.options.map((o) => unwrapShape(o)?.entries)) } as ShapeNode;
    else return x;
  }
}

/** The entries of the strict object schema at a key path, for suggesting the closest known key. */
function entriesAt(schema: Shape, keys: readonly (string | number)[]): v.ObjectEntries | undefined {
  let current: Shape | undefined = schema;
  for (const key of keys) {
    const s = unwrapShape(current);
    if (!s) return undefined;
    current = s.entries ? s.entries[key] : s.item ?? s.value;
  }
  return unwrapShape(current)?.entries;
}

/** Whether the value at a key path may be left out (its schema is optional). */
function optionalAt(schema: Shape, keys: readonly (string | number)[]): boolean {
  if (keys.length === 0) return false;
  const parent = entriesAt(schema, keys.slice(0, -1));
  return (parent?.[keys[keys.length - 1]] as ShapeNode | undefined)?.type === 'optional';
}

/** The known key a typo most likely meant: a close spelling, or one that starts with (or is started by) it. */
function nearest(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = key.toLowerCase();
  const best = closest(key, [...known]);
  if (distance(lower, best.toLowerCase()) <= Math.max(2, Math.ceil(key.length / 3))) return best;
  return known.find((k) => k.toLowerCase().startsWith(lower) || lower.startsWith(k.toLowerCase()));
}

/**
 * Collects the violations of one construct's input so that it reports them all at once. Each check runs on its own;
 * a failed one records its error and yields a valid fallback, so the checks after it still run on sound values.
 */
export class Checks {
  private readonly errors: ValidationError[] = [];

  constructor(public readonly scope: IConstruct) {}

  /** Runs `check`; a `ValidationError` it throws is recorded and `fallback` returned. */
  public run<T>(fallback: T, check: () => T): T {
    try {
      return check();
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      this.errors.push(...e.violations);
      return fallback;
    }
  }

  /** Records a violation. */
  public fail(details: Omit<ValidationErrorDetails, 'scope'>): void {
    this.errors.push(new ValidationError({ scope: this.scope, ...details }));
  }

  /** Whether a violation of `prop` (or of a prop inside it) was recorded. */
  public failed(prop: string): boolean {
    return this.errors.some((e) => e.prop === prop || e.prop.startsWith(`${prop}.`) || e.prop.startsWith(`${prop}[`));
  }

  /** An integer within [min, max] (see `checkInteger`), or `fallback` with the violation recorded. */
  public integer(prop: string, value: number, min: number, max: number, why: string, fallback = min): number {
    return this.run(fallback, () => checkInteger(this.scope, prop, value, min, max, why));
  }

  /** One of `allowed`, or `fallback` with the violation recorded. */
  public oneOf<T extends string | number>(prop: string, value: T, allowed: readonly T[], fallback = allowed[0], why?: string): T {
    return this.run(fallback, () => checkOneOf(this.scope, prop, value, allowed, why));
  }

  /** Throws one `ValidationError` with every recorded violation, if any. */
  public throwIfAny(): void {
    if (this.errors.length > 0) throw ValidationError.combine(this.errors);
  }
}

/** Why a Terraform number token cannot stand where the library computes with the number at synth time. */
function rejectNumberToken(scope: IConstruct, prop: string, value: number, why: string): void {
  if (Token.isUnresolved(value)) {
    throw new ValidationError({ scope, prop, value, problem: `a Terraform token is unknown until apply, and this number is checked at synth time (${why})`, fix: 'pass a literal number' });
  }
}

/** An integer prop within [min, max], or a `ValidationError` that says why and how to fix it. */
export function checkInteger(scope: IConstruct, prop: string, value: number, min: number, max: number, why: string): number {
  if (typeof value === 'number') rejectNumberToken(scope, prop, value, why);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError({ scope, prop, value, problem: `must be an integer from ${min} to ${max} (${why})${typeof value === 'number' ? '' : `, got ${describeValue(value)}`}`, fix: `set ${prop} between ${min} and ${max}` });
  }
  return value;
}

/** A prop that must be one of `allowed` (`why` says where the list comes from). */
export function checkOneOf<T extends string | number>(scope: IConstruct, prop: string, value: T, allowed: readonly T[], why?: string): T {
  if (!allowed.includes(value)) {
    const near = typeof value === 'string' && allowed.every((a) => typeof a === 'string') ? closest(value, allowed as readonly string[]) : undefined;
    const list = allowed.map((a) => (typeof a === 'string' ? `'${a}'` : String(a))).join(', ');
    throw new ValidationError({
      scope, prop, value,
      problem: Token.isUnresolved(value) ? 'a Terraform token is unknown until apply, and this choice is made at synth time' : `${why ?? 'not a supported value'} (expected ${list}, got ${describeValue(value)})`,
      fix: near && /[a-z]/i.test(String(value)) && distance(String(value).toLowerCase(), near.toLowerCase()) <= Math.max(1, Math.floor(String(value).length / 3)) ? `did you mean '${near}'? (one of ${list})` : `use one of ${list}`,
    });
  }
  return value;
}

/**
 * A string in a given format; a Terraform token passes unchecked (it resolves at apply time, e.g. an object ID from
 * another resource), anything else that is not a matching string is a `ValidationError`.
 */
export function checkFormat(scope: IConstruct, prop: string, value: string, format: { test(value: string): boolean }, problem: string, fix: string): string {
  if (typeof value === 'string' && (Token.isUnresolved(value) || format.test(value))) return value;
  throw new ValidationError({ scope, prop, value, problem: typeof value === 'string' ? problem : `${problem}; got ${describeValue(value)}`, fix });
}

const OCTETS = '((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)';
/** An IPv4 address (octets 0-255). */
export const IPV4 = new RegExp(`^${OCTETS}$`);
/** An IPv4 CIDR (octets 0-255, prefix length 0-32). */
export const IPV4_CIDR = new RegExp(`^${OCTETS}/(3[0-2]|[12]?\\d)$`);
/** An IPv4 address or CIDR. */
export const IPV4_OR_CIDR = new RegExp(`^${OCTETS}(/(3[0-2]|[12]?\\d))?$`);

/** An Entra ID object (principal) ID. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Entra ID object ID (or a token that resolves to one). */
export function checkGuid(scope: IConstruct, prop: string, value: string, what: string, fix: string): string {
  return checkFormat(scope, prop, value, GUID, `not ${what} (a GUID)`, fix);
}

/** `order` -> `Order`, for construct IDs built from keys. */
export function pascal(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** A map keyed by region: every key must be one of `regions`, or the setting would be silently ignored. */
export function checkRegionKeys(scope: IConstruct, prop: string, map: { readonly [region: string]: unknown } | undefined, regions: readonly string[]): void {
  const errors = Object.keys(map ?? {}).filter((key) => !regions.includes(key)).map((key) => new ValidationError({
    scope, prop: `${prop}.${key}`, value: key,
    problem: `not one of the regions (${regions.join(', ')}), so the setting would be ignored`,
    fix: `key ${prop} by the listed regions${regions.length ? `; did you mean '${closest(key, [...regions])}'?` : ''}`,
  }));
  if (errors.length > 0) throw ValidationError.combine(errors);
}
