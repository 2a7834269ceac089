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

/** An Entra ID object (principal) ID. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Principals keyed by a stable name (the keys become construct IDs): each key 1-40 letters and digits starting with
 * a letter, each value an Entra ID object ID. Returns the entries.
 */
export function checkPrincipals(scope: IConstruct, prop: string, map: { readonly [key: string]: string } | undefined): [string, string][] {
  const entries = Object.entries(map ?? {});
  for (const [key, principalId] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(key)) {
      throw new ValidationError({ scope, prop: `${prop}.${key}`, value: key, problem: 'keys become construct IDs: 1-40 letters and digits, starting with a letter', fix: "use e.g. 'OrderService'" });
    }
    if (typeof principalId !== 'string' || !GUID.test(principalId)) {
      throw new ValidationError({ scope, prop: `${prop}.${key}`, value: principalId, problem: 'not an Entra ID principal (object) ID', fix: "pass the managed identity's principal ID (azurerm_user_assigned_identity.principal_id)" });
    }
  }
  return entries;
}

/** `order` -> `Order`, for construct IDs built from keys. */
export function pascal(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
