import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { ACCEPTED_FINDINGS_KEY } from '../core/accepted-findings';
import { ValidationError } from '../core/errors';
import { checkShape, shapes, strictShape } from '../core/validate';
import { Rule, RuleSeverity, RuleSource } from './rule';
import { COMPUTE_RULES } from './rules-compute';
import { DATA_RULES } from './rules-data';
import { EDGE_RULES } from './rules-edge';
import { PLATFORM_RULES } from './rules-platform';
import { SERVICE_RULES } from './rules-services';
import { isObject, SynthesizedApp, SynthesizedStack, valueAt } from './synthesized';

/** Every rule of the pack, by id. */
export const RULES: readonly Rule[] = [...COMPUTE_RULES, ...DATA_RULES, ...SERVICE_RULES, ...EDGE_RULES, ...PLATFORM_RULES].sort((a, b) => a.id.localeCompare(b.id));

/**
 * A finding the team accepts: one rule on one resource, with the reason written down (it appears in the report).
 * `resource` is the resource's address (`azurerm_mssql_server.OrderDatabase_westus3_SqlServer_1A2B3C4D`), its address
 * qualified by its stack (`orders-data/azurerm_mssql_server.…`), or its construct path (`orders-data/OrderDatabase/westus3/SqlServer`).
 */
export interface RuleSuppression {
  /** The rule's id (`OP-SQL-001`). */
  readonly ruleId: string;
  /** The resource: address, stack-qualified address or construct path. */
  readonly resource: string;
  /** Why the finding is accepted (at least 10 characters: a reviewer must be able to judge it). */
  readonly reason: string;
}

/** One rule that failed on one resource. */
export interface RuleFinding {
  /** The rule's id (`OP-SQL-001`). */
  readonly ruleId: string;
  /** The rule's severity. */
  readonly severity: RuleSeverity;
  /** The rule's one-line summary. */
  readonly summary: string;
  /** Where the rule comes from. */
  readonly source: RuleSource;
  /** The stack that holds the resource. */
  readonly stack: string;
  /** The resource's Terraform address (`type.name`). */
  readonly address: string;
  /** Its construct path, when cdktf recorded one. */
  readonly constructPath?: string;
  /** What is wrong, with the value found. */
  readonly message: string;
}

/** A finding a suppression accepted. */
export interface SuppressedFinding extends RuleFinding {
  /** The suppression's reason. */
  readonly reason: string;
}

/** The result of checking synthesized stacks against the rule pack. */
export interface RuleReport {
  /** The stacks checked. */
  readonly stacks: readonly string[];
  /** How many rules ran. */
  readonly rules: number;
  /** How many resources they read. */
  readonly resources: number;
  /** Findings no suppression accepts: errors fail synth, warnings are printed. */
  readonly findings: readonly RuleFinding[];
  /** Findings accepted by a suppression, with its reason. */
  readonly suppressed: readonly SuppressedFinding[];
  /** Suppressions that matched no finding (the resource was fixed or renamed: remove them). */
  readonly unusedSuppressions: readonly RuleSuppression[];
}

/** Options of {@link checkSynthesized}. */
export interface RuleCheckOptions {
  /** Findings to accept, each with its reason. @default none */
  readonly suppressions?: readonly RuleSuppression[];
}

/** The run-time shape of a list of {@link RuleSuppression}. */
export const SUPPRESSION_SHAPE = shapes.list(strictShape<RuleSuppression>({
  ruleId: shapes.string('a rule id'), resource: shapes.string('a resource address or construct path'), reason: shapes.string('a reason'),
}, 'a suppression { ruleId, resource, reason }'), 'a list of suppressions');

/** Checks suppressions: the shape, a known rule id, a resource and a written reason. */
export function checkSuppressions(scope: string, prop: string, suppressions: unknown): readonly RuleSuppression[] {
  if (suppressions === undefined) return [];
  checkShape(scope, prop, suppressions, SUPPRESSION_SHAPE);
  const list = suppressions as readonly RuleSuppression[];
  const problems: ValidationError[] = [];
  list.forEach((s, i) => {
    if (!RULES.some((r) => r.id === s.ruleId)) problems.push(new ValidationError({ scope, prop: `${prop}[${i}].ruleId`, value: s.ruleId, problem: 'not a rule of the pack', fix: 'use an id from docs/rules.md (e.g. OP-SQL-001)' }));
    if (s.resource.trim() === '') problems.push(new ValidationError({ scope, prop: `${prop}[${i}].resource`, value: s.resource, problem: 'empty', fix: 'name the resource: its address, stack/address or construct path, as the report prints it' }));
    if (s.reason.trim().length < 10) problems.push(new ValidationError({ scope, prop: `${prop}[${i}].reason`, value: s.reason, problem: 'a suppression needs a written reason (at least 10 characters)', fix: 'say why the finding is accepted, so a reviewer can judge it' }));
  });
  if (problems.length) throw ValidationError.combine(problems);
  return list;
}

/** Whether a suppression names a finding's resource. */
function names(s: RuleSuppression, f: RuleFinding): boolean {
  return s.resource === f.address || s.resource === `${f.stack}/${f.address}` || (f.constructPath !== undefined && s.resource === f.constructPath);
}

/** The reason a resource's JSON records for not satisfying a rule (a prop chose it: core/accepted-findings.ts). */
function acceptedBy(app: SynthesizedApp, f: RuleFinding): string | undefined {
  const body = app.find(f.stack, f.address)?.body;
  const list = body ? valueAt(body, `//.${ACCEPTED_FINDINGS_KEY}`) : undefined;
  const entry = Array.isArray(list) ? list.find((a) => isObject(a) && a.ruleId === f.ruleId) : undefined;
  return isObject(entry) && typeof entry.reason === 'string' ? entry.reason : undefined;
}

/**
 * Checks synthesized stacks against every rule of the pack. A finding the resource's JSON records as chosen by a prop
 * (`//.acceptedFindings`), and one a suppression names, move to `suppressed` with their reasons.
 */
export function checkSynthesized(stacks: readonly SynthesizedStack[], options: RuleCheckOptions = {}): RuleReport {
  const suppressions = checkSuppressions('checkSynthesized', 'suppressions', options.suppressions);
  const app = new SynthesizedApp(stacks);
  const all: RuleFinding[] = RULES.flatMap((rule) => rule.check(app).map(({ resource, message }) => ({
    ruleId: rule.id, severity: rule.severity, summary: rule.summary, source: rule.source, stack: resource.stack, address: resource.address,
    ...(resource.constructPath !== undefined ? { constructPath: resource.constructPath } : {}), message,
  })));
  const used = new Set<RuleSuppression>();
  const findings: RuleFinding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of all) {
    const chosen = acceptedBy(app, f);
    if (chosen !== undefined) {
      suppressed.push({ ...f, reason: chosen });
      continue;
    }
    const s = suppressions.find((x) => x.ruleId === f.ruleId && names(x, f));
    if (s) {
      used.add(s);
      suppressed.push({ ...f, reason: s.reason });
    } else {
      findings.push(f);
    }
  }
  return { stacks: stacks.map((s) => s.name), rules: RULES.length, resources: app.resources.length, findings, suppressed, unusedSuppressions: suppressions.filter((s) => !used.has(s)) };
}

/** Reads the synthesized stacks of a `cdktf.out` folder (or its `stacks` folder): every `stacks/<name>/cdk.tf.json`. */
export function readCdktfOut(dir: string): SynthesizedStack[] {
  const stacksDir = existsSync(join(dir, 'stacks')) ? join(dir, 'stacks') : dir;
  if (!existsSync(stacksDir) || !statSync(stacksDir).isDirectory()) {
    throw new ValidationError({ scope: 'readCdktfOut', prop: 'dir', value: dir, problem: 'not a folder', fix: 'pass the cdktf output folder (cdktf.out) after cdktf synth' });
  }
  const names = readdirSync(stacksDir).filter((n) => existsSync(join(stacksDir, n, 'cdk.tf.json'))).sort();
  if (names.length === 0) {
    throw new ValidationError({ scope: 'readCdktfOut', prop: 'dir', value: dir, problem: 'holds no stacks/<stack>/cdk.tf.json', fix: 'run cdktf synth first (JSON output, not HCL), and pass its output folder' });
  }
  return names.map((name) => {
    const json: unknown = JSON.parse(readFileSync(join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
    if (!isObject(json)) throw new ValidationError({ scope: 'readCdktfOut', prop: `stacks/${name}/cdk.tf.json`, value: json, problem: 'not a Terraform JSON object', fix: 'synthesize again' });
    return { name, json };
  });
}

/** Where a finding is: `stack/address`. */
function where(f: RuleFinding): string {
  return `${f.stack}/${f.address}`;
}

/** The report as text (what synth and `order-platform check` print): errors, warnings, suppressions. */
export function formatRuleReport(report: RuleReport): string {
  const errors = report.findings.filter((f) => f.severity === 'error');
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  const lines = [`order-platform rules: ${report.rules} rules on ${report.resources} resources of ${report.stacks.length} stack(s): ${errors.length} error(s), ${warnings.length} warning(s), ${report.suppressed.length} suppressed`];
  for (const f of [...errors, ...warnings]) lines.push(`  ${f.severity === 'error' ? 'ERROR' : 'WARN '} ${f.ruleId} ${where(f)}: ${f.message}\n        ${f.summary} (${f.source.kind}: ${f.source.reference})`);
  for (const f of report.suppressed) lines.push(`  SUPPRESSED ${f.ruleId} ${where(f)}: ${f.reason}`);
  for (const s of report.unusedSuppressions) lines.push(`  UNUSED SUPPRESSION ${s.ruleId} ${s.resource}: it matches no finding; remove it`);
  if (errors.length) lines.push('Fix each error, or suppress it with a reason (MultiRegionOrderPlatform checks.suppressions, README "Rules").');
  return lines.join('\n');
}

/** The report as Markdown (written next to the synthesized stacks). */
export function ruleReportMarkdown(report: RuleReport): string {
  const row = (f: RuleFinding, last: string): string => `| ${f.ruleId} | ${f.severity} | \`${where(f)}\` | ${f.message.replace(/\|/g, '\\|')} | ${last.replace(/\|/g, '\\|')} |`;
  const lines = [
    '# Rule report', '',
    `${report.rules} rules on ${report.resources} resources of ${report.stacks.length} stack(s): ${report.stacks.join(', ')}.`, '',
    '## Findings', '',
  ];
  if (report.findings.length) lines.push('| rule | severity | resource | finding | source |', '|---|---|---|---|---|', ...report.findings.map((f) => row(f, `${f.source.kind}: ${f.source.reference}`)));
  else lines.push('None.');
  lines.push('', '## Suppressed', '');
  if (report.suppressed.length) lines.push('| rule | severity | resource | finding | reason |', '|---|---|---|---|---|', ...report.suppressed.map((f) => row(f, f.reason)));
  else lines.push('None.');
  if (report.unusedSuppressions.length) lines.push('', '## Unused suppressions', '', ...report.unusedSuppressions.map((s) => `- ${s.ruleId} \`${s.resource}\`: matches no finding`));
  return `${lines.join('\n')}\n`;
}
