import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { exampleStacks } from './support/examples';

// `order-platform check` as a user runs it: the compiled command (npm test builds it first) in a real process, on
// real files (the zone-redundant example's synthesized stacks, copied into a cdktf.out folder).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const CLI = join(__dirname, '..', 'dist', 'cli', 'order-platform.js');
let dir: string;

/** Writes the zone-redundant example into `<dir>/cdktf.out`, with `change` applied to the stacks first. */
function writeOut(change: (stacks: Record<string, Loose>) => void = () => undefined): string {
  const stacks = structuredClone(exampleStacks('zone-redundant')) as Record<string, Loose>;
  change(stacks);
  for (const [name, json] of Object.entries(stacks)) {
    mkdirSync(join(dir, 'cdktf.out', 'stacks', name), { recursive: true });
    writeFileSync(join(dir, 'cdktf.out', 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
  }
  return join(dir, 'cdktf.out');
}

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const freeTier = (stacks: Record<string, Loose>) => {
  for (const cluster of Object.values<Loose>(stacks['zone-redundant-westus3'].resource.azurerm_kubernetes_cluster)) cluster.sku_tier = 'Free';
};

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test builds first)`);
});
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cli-check-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('order-platform check', () => {
  test('a compliant cdktf.out (the default folder) exits 0 with a one-line summary', () => {
    writeOut();
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^order-platform rules: \d+ rules on \d+ resources of 5 stack\(s\): 0 error\(s\), 0 warning\(s\), 0 suppressed\n$/);
  });

  test('an error finding exits 1 and names the rule, the resource, the value and the source', () => {
    const out = writeOut(freeTier);
    const r = run(out);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ERROR OP-AKS-003 zone-redundant-westus3\/azurerm_kubernetes_cluster\.Stamp_Cluster_[0-9A-F]{8}: sku_tier is "Free"; expected "Standard" or "Premium"\n.*\(checkov: CKV_AZURE_170\)/);
  });

  test('--json prints the report as JSON', () => {
    writeOut(freeTier);
    const r = run('cdktf.out', '--json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.stacks).toHaveLength(5);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'OP-AKS-003', severity: 'error', stack: 'zone-redundant-westus3', constructPath: 'zone-redundant-westus3/Stamp/Cluster' })]);
  });

  test('--suppressions accepts the finding with its reason: exit 0, and the report says so', () => {
    writeOut(freeTier);
    writeFileSync(join(dir, 'accepted.json'), JSON.stringify([{ ruleId: 'OP-AKS-003', resource: 'zone-redundant-westus3/Stamp/Cluster', reason: 'a development cluster without SLA' }]));
    const r = run('--suppressions', 'accepted.json');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 error\(s\), 0 warning\(s\), 1 suppressed\n {2}SUPPRESSED OP-AKS-003 zone-redundant-westus3\/azurerm_kubernetes_cluster\.\S+: a development cluster without SLA\n$/);
  });

  test('--stack checks only the named stacks', () => {
    writeOut(freeTier);
    const r = run('--stack', 'zone-redundant-data', '--stack', 'zone-redundant-edge');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/of 2 stack\(s\): 0 error\(s\)/);
  });

  test.each<[string, string[], RegExp]>([
    ['a missing folder', ['nowhere'], /^order-platform check: readCdktfOut: invalid dir ".*nowhere": not a folder/],
    ['an unknown stack', ['--stack', 'nope'], /^order-platform check: --stack nope: not in .*cdktf\.out \(it holds zone-redundant-data, /],
    ['a missing suppressions file', ['--suppressions', 'none.json'], /--suppressions .*none\.json: no such file/],
    ['a suppression without a reason', ['--suppressions', 'bad.json'], /suppressions\[0\]\.reason "": a suppression needs a written reason/],
    ['suppressions that are not JSON', ['--suppressions', 'notjson.json'], /--suppressions .*notjson\.json: not JSON/],
    ['an unknown option', ['--jsn'], /Unknown option '--jsn'[\s\S]*Usage: order-platform check/],
    ['two folders', ['a', 'b'], /one folder at most, got a b/],
  ])('%s exits 2 with a message', (_label, args, message) => {
    writeOut();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ ruleId: 'OP-AKS-003', resource: 'x.y', reason: '' }]));
    writeFileSync(join(dir, 'notjson.json'), '[{');
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  test('--help prints the usage and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: order-platform check \[dir\] \[options\]/);
  });
});
