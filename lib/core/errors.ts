import { IConstruct } from 'constructs';
import { Token } from 'cdktf';

/** What a {@link ValidationError} reports. */
export interface ValidationErrorDetails {
  /** The construct (or a label such as `RedundancyPattern.activeActive`) whose input is wrong. */
  readonly scope: IConstruct | string;
  /** The prop that holds the bad value, dotted for nested props (`systemPool.minCount`). */
  readonly prop: string;
  /** The value given. */
  readonly value: unknown;
  /** What is wrong with it. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Bad input, detected at synth time: names the construct path, the prop, the value and the fix.
 *
 * Thrown from constructors (or from `node.addValidation` checks for cross-construct rules) so that a
 * mistake surfaces in `cdktf synth`, not in a failed `terraform apply` an hour later. When a construct finds several
 * problems at once, one error carries them all: `violations` lists each, and the message has one line per problem.
 */
export class ValidationError extends Error {
  /** Several problems found together, as one error (its fields are the first problem's). */
  public static combine(errors: readonly ValidationError[]): ValidationError {
    if (errors.length === 1) return errors[0];
    const first = errors[0];
    const combined = new ValidationError({ scope: first.constructPath, prop: first.prop, value: first.value, problem: first.problem, fix: first.fix }, errors);
    combined.message = `${first.constructPath}: ${errors.length} problems\n${errors.map((e) => `  - ${e.message}`).join('\n')}`;
    return combined;
  }

  /** Construct path (or label) of the construct whose input is wrong. */
  public readonly constructPath: string;
  /** The prop that holds the bad value. */
  public readonly prop: string;
  /** The value given. */
  public readonly value: unknown;
  /** What is wrong with it. */
  public readonly problem: string;
  /** How to fix it. */
  public readonly fix: string;
  /** Every problem this error reports (itself alone unless combined). */
  public readonly violations: readonly ValidationError[];

  constructor(details: ValidationErrorDetails, violations?: readonly ValidationError[]) {
    const path = typeof details.scope === 'string' ? details.scope : details.scope.node.path || '<root>';
    super(`${path}: invalid ${details.prop} ${formatValue(details.value)}: ${details.problem}. Fix: ${details.fix}`);
    this.name = 'ValidationError';
    this.constructPath = path;
    this.prop = details.prop;
    this.value = details.value;
    this.problem = details.problem;
    this.fix = details.fix;
    this.violations = violations ?? [this];
  }
}

/**
 * Renders a value for an error message so that it never misstates what was given: JSON for plain data, and words for
 * what JSON cannot show (`undefined`, `NaN`, `Infinity`, functions, class instances, Terraform tokens).
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(undefined)';
  if (typeof value === 'number') {
    if (Token.isUnresolved(value)) return '(a Terraform number token, unknown until apply)';
    return String(value); // NaN, Infinity and -Infinity spelled out, where JSON would print null
  }
  if (typeof value === 'string' && Token.isUnresolved(value)) return `${JSON.stringify(value)} (a Terraform token, unknown until apply)`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `(a function${value.name ? ` ${value.name}` : ''})`;
  if (typeof value === 'symbol') return `(${String(value)})`;
  if (value !== null && typeof value === 'object' && Token.isUnresolved(value)) return '(a Terraform token, unknown until apply)';
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return `(an instance of ${value.constructor?.name ?? 'an unknown class'})`;
  }
  try {
    const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    if (json === undefined) return String(value);
    return json.length > 200 ? `${json.slice(0, 197)}...` : json;
  } catch {
    return String(value);
  }
}

/** What a value is, in words, for "expected ..., got ..." messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (undefined)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return Token.isUnresolved(value) ? 'a Terraform token' : `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') {
    if (Token.isUnresolved(value)) return 'a Terraform number token (unknown until apply)';
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return String(value);
    return `the number ${value}`;
  }
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'object') {
    if (Token.isUnresolved(value)) return 'a Terraform token (unknown until apply)';
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null ? 'an object' : `an instance of ${value.constructor?.name ?? 'a class'}`;
  }
  return `a ${typeof value}`;
}
