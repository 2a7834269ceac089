import { blocks, isExpression, JsonObject, JsonValue, SynthesizedApp, SynthesizedResource, valueAt } from './synthesized';

/** How bad a finding is: an `error` fails synth (unless suppressed with a reason), a `warning` is printed. */
export type RuleSeverity = 'error' | 'warning';

/**
 * Where a rule comes from:
 * - `checkov`: a checkov check id (`CKV_AZURE_113`), which the rule restates for this library's resources;
 * - `waf`: Microsoft's Well-Architected service guide or reliability guidance (the reference is its page);
 * - `azure`: a documented Azure behaviour or limit (the reference is the Microsoft Learn page);
 * - `pattern`: the redundancy pattern table and the operations of this repository's README (the section named).
 */
export interface RuleSource {
  /** What kind of source. */
  readonly kind: 'checkov' | 'waf' | 'azure' | 'pattern';
  /** The check id, page address or README section. */
  readonly reference: string;
}

/** One problem a rule found on one resource. */
export interface RuleViolation {
  /** The resource at fault. */
  readonly resource: SynthesizedResource;
  /** What is wrong, with the value found. */
  readonly message: string;
}

/** A rule of the pack: what it checks, how bad a failure is, where the rule comes from, and the check. */
export interface Rule {
  /** Stable id (`OP-SQL-001`): ids are never reused or renumbered, so suppressions keep their meaning. */
  readonly id: string;
  /** How bad a failure is. */
  readonly severity: RuleSeverity;
  /** One line: what must hold, and why it matters. */
  readonly summary: string;
  /** The Terraform resource types it reads. */
  readonly resourceTypes: readonly string[];
  /** The Terraform attribute(s) it reads (`public_network_access_enabled`). */
  readonly attribute: string;
  /** Where the rule comes from. */
  readonly source: RuleSource;
  /** The violations in a synthesized app (none when it holds). */
  check(app: SynthesizedApp): readonly RuleViolation[];
}

/** What {@link attributeRule} and {@link resourceRule} take besides the check. */
export type RuleInfo = Omit<Rule, 'check'>;

/**
 * A rule that judges each resource of its types on its own: `problem` returns what is wrong (the message) or
 * `undefined` when the resource complies or its value is an unresolved expression the JSON cannot judge.
 */
export function resourceRule(info: RuleInfo, problem: (body: JsonObject, resource: SynthesizedResource, app: SynthesizedApp) => string | undefined): Rule {
  return {
    ...info,
    check: (app) => app.ofType(...info.resourceTypes).flatMap((resource) => {
      const message = problem(resource.body, resource, app);
      return message === undefined ? [] : [{ resource, message }];
    }),
  };
}

/**
 * A rule on one attribute (a dotted path, `info.attribute`) of each resource of its types: `ok` says whether the
 * value found complies (`undefined` when the attribute is not set). Expressions are not judged.
 */
export function attributeRule(info: RuleInfo, ok: (value: JsonValue | undefined, body: JsonObject) => boolean, expected: string): Rule {
  return resourceRule(info, (body) => {
    const value = valueAt(body, info.attribute);
    if (isExpression(value) || ok(value, body)) return undefined;
    return `${info.attribute} is ${show(value)}; expected ${expected}`;
  });
}

/** A value for a message: JSON, or `not set`. */
export function show(value: unknown): string {
  return value === undefined ? 'not set' : JSON.stringify(value);
}

/** `attribute` equals `expected` (a constant attribute rule). */
export function equals(expected: JsonValue): (value: JsonValue | undefined) => boolean {
  return (value) => JSON.stringify(value) === JSON.stringify(expected);
}

/** The `lifecycle.prevent_destroy` of a body. */
export function preventsDestroy(body: JsonObject): boolean {
  return blocks(body.lifecycle).some((l) => l.prevent_destroy === true);
}
