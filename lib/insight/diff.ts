import { capacity, CapacityReport, servicesOf } from './capacity';
import { Change, harmful, plan, StacksJson } from './plan';
import { SynthesizedStack } from '../rules/synthesized';

/** One service whose serving capacity falls during or after an apply. */
export interface CapacityDrop extends CapacityReport {
  /** The apps stack. */
  readonly stack: string;
  /** The service (`order-api`). */
  readonly service: string;
}

/** What applying `after` over `before` would do, and what of it is harmful. */
export interface DiffReport {
  /** Every change, stack by stack. */
  readonly changes: readonly Change[];
  /** Stateful resources destroyed or replaced, serving resources replaced, not allowed. */
  readonly harmful: readonly Change[];
  /** Services whose ready pods fall below what they had (during the apply or after it), not allowed. */
  readonly capacityDrops: readonly CapacityDrop[];
  /** What `allow` accepted (harmful changes and capacity drops). */
  readonly allowed: readonly string[];
}

/** Options of {@link diffSynthesized}. */
export interface DiffOptions {
  /**
   * Harmful changes and capacity drops the change means to make: `stack/address` (`orders-data/azurerm_mssql_server.Db`)
   * or `stack/service` (`orders-westus3-apps/order-api`).
   * @default none
   */
  readonly allow?: readonly string[];
}

/**
 * Plans `after` over `before` from two synths without a provider or an Azure login: created, updated, replaced and
 * destroyed resources per stack (replacement from the provider sources), the harmful ones (stateful resources
 * destroyed or replaced, serving ones replaced), and every service whose serving capacity drops across the apply.
 */
export function diffSynthesized(before: readonly SynthesizedStack[], after: readonly SynthesizedStack[], options: DiffOptions = {}): DiffReport {
  const byName = (stacks: readonly SynthesizedStack[]): StacksJson => Object.fromEntries(stacks.map((s) => [s.name, s.json]));
  const [b, a] = [byName(before), byName(after)];
  const changes = plan(b, a, { unknownTypes: 'replace' });
  const allow = new Set(options.allow ?? []);
  const allowed: string[] = [];
  const keep = (key: string): boolean => {
    if (!allow.has(key)) return true;
    allowed.push(key);
    return false;
  };
  const bad = harmful(changes).filter((c) => keep(`${c.stack}/${c.address}`));
  const drops: CapacityDrop[] = [];
  for (const stack of Object.keys(a).filter((s) => b[s] !== undefined)) {
    for (const service of servicesOf(b[stack], a[stack])) {
      const report = capacity(b[stack], a[stack], service);
      if ((report.during < report.before || report.after < report.before || report.stuckAtZero.length > 0) && keep(`${stack}/${service}`)) drops.push({ stack, service, ...report });
    }
  }
  return { changes, harmful: bad, capacityDrops: drops, allowed };
}

const SYMBOL: { readonly [action in Change['action']]: string } = { create: '  +', update: '  ~', replace: '-/+', destroy: '  -' };

/** The diff as text: per stack its counts and each change; harmful ones and capacity drops called out. */
export function formatDiffReport(report: DiffReport): string {
  const lines: string[] = [];
  const stacks = [...new Set(report.changes.map((c) => c.stack))].sort();
  const flagged = new Set(report.harmful);
  for (const stack of stacks) {
    const changes = report.changes.filter((c) => c.stack === stack);
    const count = (action: Change['action']) => changes.filter((c) => c.action === action).length;
    lines.push(`${stack}: ${count('create')} to create, ${count('update')} to update, ${count('replace')} to replace, ${count('destroy')} to destroy`);
    for (const c of [...changes].sort((x, y) => x.address.localeCompare(y.address))) {
      const forced = c.forcedBy ? ` (forced by ${c.forcedBy.join(', ')})` : '';
      lines.push(`${SYMBOL[c.action]} ${c.address}${forced}${flagged.has(c) ? '   <-- HARMFUL' : ''}`);
    }
  }
  if (stacks.length === 0) lines.push('No changes.');
  for (const d of report.capacityDrops) {
    lines.push(`CAPACITY ${d.stack}/${d.service}: ${d.before} ready pods before, ${d.during} at the lowest during the apply, ${d.after} after${d.stuckAtZero.length ? `; ${d.stuckAtZero.join(', ')} stuck at zero (an HPA never scales from zero)` : ''}`);
  }
  for (const a of report.allowed) lines.push(`ALLOWED ${a}`);
  const blocked = report.harmful.length + report.capacityDrops.length;
  lines.push(blocked
    ? `${report.harmful.length} harmful change(s) and ${report.capacityDrops.length} capacity drop(s): a stateful resource destroyed or replaced, a serving one replaced, or fewer ready pods. Change the code, or pass --allow <stack>/<address|service> when you mean it.`
    : 'Nothing stateful is destroyed or replaced, nothing serving is replaced, and no service loses ready pods.');
  return lines.join('\n');
}
