import { join } from 'path';
import { expectContract } from '../support/contract';
import { exampleStacks } from '../support/examples';

// The observability stack of every example, attribute by attribute, in __tests__/contracts/observability/: the
// alerts and their targets, the availability tests, and the health workbook and dashboard (their JSON read back, so
// every row, chart, metric, failover-state query and the resource each names is a line). What the platform hands
// Observability and PlatformHealth (lib/platform/multi-region-order-platform.ts) shows up here, so a change to it is a
// reviewed diff. After an intended change, `UPDATE_CONTRACTS=1 npx jest __tests__/unit/platform-observability-contract.test.ts`
// rewrites the files (review the diff); CI never rewrites them.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const DIR = join(__dirname, '..', 'contracts', 'observability');
const EXAMPLES = ['zone-redundant', 'primary-secondary', 'active-passive', 'active-active', 'region-pinned'];

/** A cross-stack reference, shortened to `${<stack>:<output>}`. */
const short = (s: string): string => s.replace(/\$\{data\.terraform_remote_state\.cross-stack-reference-input-([^.]+)\.outputs\.cross-stack-output-([^}]+)\}/g, '${$1:$2}');

/** A string that holds a JSON object or array (the workbook, the dashboard, a workbook query), parsed. */
function parsed(value: string): Loose | undefined {
  if (!/^\s*[[{]/.test(value)) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Every leaf of a value as `path = value`, JSON held in strings opened up. */
function flatten(value: Loose, path: string, out: string[]): string[] {
  if (typeof value === 'string' && parsed(value) !== undefined) return flatten(parsed(value), `${path}(json)`, out);
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${path} = []`);
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).filter((k) => k !== '//').sort();
    if (keys.length === 0) out.push(`${path} = {}`);
    for (const k of keys) flatten(value[k], path ? `${path}.${k}` : k, out);
  } else {
    out.push(`${path} = ${typeof value === 'string' ? JSON.stringify(short(value)) : JSON.stringify(value)}`);
  }
  return out;
}

/** The observability stack of an example as text: each resource's address, then its attributes. */
function observabilityContract(id: string): string {
  const stack = exampleStacks(id)[`${id}-observability`] as Loose;
  const lines = [`# ${id}-observability`];
  for (const type of Object.keys(stack.resource).sort()) {
    for (const name of Object.keys(stack.resource[type]).sort()) lines.push('', `## ${type}.${name}`, ...flatten(stack.resource[type][name], '', []));
  }
  return `${lines.join('\n')}\n`;
}

describe.each(EXAMPLES)('%s', (id) => {
  test('the observability stack is its contract', () => {
    expectContract(join(DIR, `${id}.txt`), observabilityContract(id));
  });
});

test('the contract opens the workbook: every row, chart and failover state is a line, with the resource it reads', () => {
  const text = observabilityContract('active-active');
  expect(text).toMatch(/^## azurerm_application_insights_workbook\.\S+$/m);
  expect(text).toMatch(/^data_json\(json\)\.items\[1\]\.content\.items\[0\]\.content\.query\(json\)\.path = "\$\{active-active-data:azurerm_mssql_failover_group\S+id\}"$/m);
  expect(text).toMatch(/^data_json\(json\)\.items\[\d+\]\.content\.title = "westus3 \(active\)"$/m);
  expect(text).not.toContain('cross-stack-reference-input');
});
