/**
 * `order-platform diff <before> <after> [--allow stack/address]... [--json]`: a plan preview of two synthesized
 * `cdktf.out` folders without a provider or an Azure login. Exit code 1 when a stateful resource would be destroyed or
 * replaced, a serving one replaced, or a service would lose ready pods, unless allowed.
 */
import { resolve } from 'path';
import { parseArgs } from 'util';
import { ValidationError } from '../lib/core/errors';
import { diffSynthesized, formatDiffReport } from '../lib/insight/diff';
import { readCdktfOut } from '../lib/rules/rule-pack';
import { UsageError } from './init';

export const DIFF_USAGE = `Usage: order-platform diff <before> <after> [options]

Compares two synthesized cdktf.out folders (before: what is deployed; after: the change) the way terraform plan
would, from the JSON and the providers' replacement rules (azurerm 4.55, kubernetes 2.38): per stack, what is
created, updated, replaced (and which attribute forces it) and destroyed. Exits 1 when a stateful resource
(database, Cosmos DB, Service Bus, Key Vault, workspace, storage, ...) would be destroyed or replaced, a serving
one (cluster, node pool, Deployment, Front Door, ...) replaced, or a service would lose ready pods.

Options:
  --allow <stack/address>  accept this harmful change (or <stack/service> for a capacity drop); repeatable
  --json                   print the report as JSON
  -h, --help               this text`;

/** The command: prints the diff; returns the exit code. */
export function diff(args: readonly string[], cwd: string): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { allow: { type: 'string', multiple: true }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${DIFF_USAGE}`);
  }
  if (parsed.values.help) {
    console.log(DIFF_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) throw new UsageError(`two folders, before and after; got ${parsed.positionals.length}\n\n${DIFF_USAGE}`);
  const [before, after] = parsed.positionals.map((p) => {
    try {
      return readCdktfOut(resolve(cwd, p));
    } catch (e) {
      if (e instanceof ValidationError) throw new UsageError(e.message);
      throw e;
    }
  });
  const report = diffSynthesized(before, after, { allow: parsed.values.allow ?? [] });
  console.log(parsed.values.json ? JSON.stringify(report, null, 2) : formatDiffReport(report));
  return report.harmful.length + report.capacityDrops.length > 0 ? 1 : 0;
}
