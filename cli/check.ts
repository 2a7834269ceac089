/**
 * `order-platform check [dir] [--suppressions file.json] [--stack name]... [--json]`: the rule pack on a synthesized
 * `cdktf.out` folder. Exit code 1 when an error finding is not suppressed, 0 otherwise.
 */
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { parseArgs } from 'util';
import { ValidationError } from '../lib/core/errors';
import { checkSynthesized, formatRuleReport, readCdktfOut, RuleReport } from '../lib/rules/rule-pack';
import { UsageError } from './init';

export const CHECK_USAGE = `Usage: order-platform check [dir] [options]

Checks the synthesized stacks in dir (default: cdktf.out) against the rule pack (docs/rules.md): every stack's
cdk.tf.json, whatever made it. Prints each finding with its rule, resource and source; exits 1 when an error
finding is not suppressed.

Options:
  --suppressions <file>  a JSON list of { "ruleId", "resource", "reason" } findings to accept
  --stack <name>         check only this stack (repeat for several)
  --json                 print the report as JSON instead of text
  -h, --help             this text`;

/** What `check` acts on. */
export interface CheckRequest {
  readonly dir: string;
  readonly suppressionsFile?: string;
  readonly stacks?: readonly string[];
  readonly json: boolean;
}

/** Parses `check`'s arguments; a mistake is a {@link UsageError}. */
export function parseCheckArgs(args: readonly string[], cwd: string): CheckRequest | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args], allowPositionals: true, strict: true,
      options: { suppressions: { type: 'string' }, stack: { type: 'string', multiple: true }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${CHECK_USAGE}`);
  }
  if (parsed.values.help) return 'help';
  if (parsed.positionals.length > 1) throw new UsageError(`one folder at most, got ${parsed.positionals.join(' ')}\n\n${CHECK_USAGE}`);
  return {
    dir: resolve(cwd, parsed.positionals[0] ?? 'cdktf.out'),
    ...(parsed.values.suppressions !== undefined ? { suppressionsFile: resolve(cwd, parsed.values.suppressions) } : {}),
    ...(parsed.values.stack ? { stacks: parsed.values.stack } : {}),
    json: parsed.values.json === true,
  };
}

/** Runs the rule pack for a request: the report, or a {@link UsageError} for a folder, stack or file that is wrong. */
export function runCheck(request: CheckRequest): RuleReport {
  let suppressions: unknown;
  if (request.suppressionsFile !== undefined) {
    if (!existsSync(request.suppressionsFile)) throw new UsageError(`--suppressions ${request.suppressionsFile}: no such file`);
    try {
      suppressions = JSON.parse(readFileSync(request.suppressionsFile, 'utf8'));
    } catch (e) {
      throw new UsageError(`--suppressions ${request.suppressionsFile}: not JSON (${(e as Error).message})`);
    }
  }
  try {
    const all = readCdktfOut(request.dir);
    const missing = (request.stacks ?? []).filter((s) => !all.some((x) => x.name === s));
    if (missing.length) throw new UsageError(`--stack ${missing.join(', ')}: not in ${request.dir} (it holds ${all.map((s) => s.name).join(', ')})`);
    const stacks = request.stacks ? all.filter((s) => request.stacks!.includes(s.name)) : all;
    return checkSynthesized(stacks, { suppressions: suppressions as never });
  } catch (e) {
    if (e instanceof ValidationError) throw new UsageError(e.message);
    throw e;
  }
}

/** The command: prints the report; returns the exit code (1 with an error finding). */
export function check(args: readonly string[], cwd: string): number {
  const request = parseCheckArgs(args, cwd);
  if (request === 'help') {
    console.log(CHECK_USAGE);
    return 0;
  }
  const report = runCheck(request);
  console.log(request.json ? JSON.stringify(report, null, 2) : formatRuleReport(report));
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
