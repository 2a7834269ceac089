import { Token } from 'cdktf';
import { ResourceKind } from './naming';
import { Checks } from './validate';

// Checks of the `names` props through which constructs let users adopt existing resources by name.

/**
 * Name overrides keyed by region (`names.serviceBusNamespaces`): each key must be a region where the construct creates
 * such a resource (`regions`), or the name would be ignored; each name must satisfy `kind`. Violations are recorded in
 * `checks`; returns the overrides as given.
 */
export function checkRegionNames(checks: Checks, prop: string, names: { readonly [region: string]: string } | undefined, regions: readonly string[], kind: ResourceKind): { readonly [region: string]: string } {
  const label = kind.props.label;
  for (const [region, name] of Object.entries(names ?? {})) {
    if (!regions.includes(region)) {
      checks.fail({
        prop: `${prop}.${region}`, value: name,
        problem: regions.length > 0 ? `no ${label} of this construct is in ${region} (only in ${regions.join(', ')}), so the name would be ignored` : `this construct creates no ${label}, so the name would be ignored`,
        fix: regions.length > 0 ? `key ${prop} by ${regions.join(', ')}` : `drop ${prop}`,
      });
      continue;
    }
    checks.run(undefined, () => kind.validate(checks.scope, `${prop}.${region}`, name));
  }
  return names ?? {};
}

/** A name override for a resource this construct does not create: an error (the name would be ignored). */
export function checkUnused(checks: Checks, prop: string, value: unknown, why: string): void {
  if (value !== undefined) checks.fail({ prop, value, problem: `${why}, so the name would be ignored`, fix: `drop ${prop}` });
}

/**
 * Names that must differ (globally unique names that share one DNS zone, such as Service Bus namespaces and geo-DR
 * aliases): a violation for each one that repeats an earlier one, compared case-insensitively. Tokens are skipped.
 */
export function checkDistinct(checks: Checks, names: readonly (readonly [prop: string, name: string])[], why: string): void {
  const seen = new Map<string, string>();
  for (const [prop, name] of names) {
    if (typeof name !== 'string' || Token.isUnresolved(name)) continue;
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      checks.fail({ prop, value: name, problem: `the same name as ${first} (${why})`, fix: 'give each resource its own name' });
    } else {
      seen.set(name.toLowerCase(), prop);
    }
  }
}
