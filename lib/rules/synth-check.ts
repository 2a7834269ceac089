import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { IConstruct } from 'constructs';
import { App, TerraformStack } from 'cdktf';
import { checkShape, opt, shapes, strictShape } from '../core/validate';
import { checkSuppressions, checkSynthesized, formatRuleReport, RuleReport, ruleReportMarkdown, RuleSuppression, SUPPRESSION_SHAPE } from './rule-pack';
import { isObject, JsonObject, SynthesizedStack } from './synthesized';

/** How the rule pack runs at synth time. */
export interface RuleChecksOptions {
  /** Run the rule pack when the app synthesizes. @default true */
  readonly enabled?: boolean;
  /** Findings to accept, each with its written reason (they appear in the report). @default none */
  readonly suppressions?: readonly RuleSuppression[];
}

/** The run-time shape of {@link RuleChecksOptions}. */
export const RULE_CHECKS_SHAPE = opt(strictShape<RuleChecksOptions>({ enabled: opt(shapes.boolean()), suppressions: opt(SUPPRESSION_SHAPE) }));

/**
 * Runs the rule pack on the final synthesized JSON of `stacks()` when the app synthesizes (a validation of the App,
 * which cdktf runs after writing every stack): error findings fail synth with the report; warnings, suppressions and
 * unused suppressions are printed. The report is written to `<outdir>/order-platform/<id>/rules.md` and `rules.json`.
 * Does nothing when `scope` is not in a cdktf App or `enabled` is false.
 */
export function addRuleChecks(scope: IConstruct, prop: string, id: string, stacks: () => readonly TerraformStack[], options: RuleChecksOptions | undefined): void {
  checkShape(scope, prop, options, RULE_CHECKS_SHAPE);
  const suppressions = checkSuppressions(scope.node.path, `${prop}.suppressions`, options?.suppressions);
  const root = scope.node.root;
  if (options?.enabled === false || !App.isApp(root)) return;
  root.node.addValidation({
    validate: () => {
      const report = checkSynthesized(stacks().map((stack) => synthesized(root, stack)), { suppressions });
      writeReport(root.outdir, id, report);
      const errors = report.findings.filter((f) => f.severity === 'error');
      if (errors.length) return [`${scope.node.path}: ${formatRuleReport(report)}`];
      if (report.findings.length || report.suppressed.length || report.unusedSuppressions.length) process.stderr.write(`${scope.node.path}: ${formatRuleReport(report)}\n`);
      return [];
    },
  });
}

/** A stack's final JSON: the file cdktf just wrote, or (HCL output) the stack's own rendering. */
export function synthesized(app: App, stack: TerraformStack): SynthesizedStack {
  const file = join(app.outdir, 'stacks', stack.node.id, 'cdk.tf.json');
  const json: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : stack.toTerraform();
  return { name: stack.node.id, json: isObject(json) ? json : ({} as JsonObject) };
}

/** Writes the report next to the synthesized stacks. */
function writeReport(outdir: string, id: string, report: RuleReport): void {
  const dir = join(outdir, 'order-platform', id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'rules.md'), ruleReportMarkdown(report));
  writeFileSync(join(dir, 'rules.json'), `${JSON.stringify(report, null, 2)}\n`);
}
