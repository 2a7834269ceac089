import { IConstruct } from 'constructs';
import { ValidationError } from './errors';

/** An integer prop within [min, max], or a `ValidationError` that says why and how to fix it. */
export function checkInteger(scope: IConstruct, prop: string, value: number, min: number, max: number, why: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError({ scope, prop, value, problem: `must be an integer from ${min} to ${max} (${why})`, fix: `set ${prop} between ${min} and ${max}` });
  }
  return value;
}

/** A prop that must be one of `allowed`. */
export function checkOneOf<T extends string | number>(scope: IConstruct, prop: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new ValidationError({ scope, prop, value, problem: 'not a supported value', fix: `use one of ${allowed.map((a) => (typeof a === 'string' ? `'${a}'` : String(a))).join(', ')}` });
  }
  return value;
}
