import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { exampleStacks } from './support/examples';
import { synthApp } from './support/synth';
import { EXAMPLES } from '../examples';

// `order-platform diff` as a user runs it: the compiled command in a real process on two real cdktf.out folders.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const CLI = join(__dirname, '..', 'dist', 'cli', 'order-platform.js');
let dir: string;

function writeOut(name: string, stacks: Record<string, unknown>): string {
  for (const [stack, json] of Object.entries(stacks)) {
    mkdirSync(join(dir, name, 'stacks', stack), { recursive: true });
    writeFileSync(join(dir, name, 'stacks', stack, 'cdk.tf.json'), JSON.stringify(json));
  }
  return join(dir, name);
}

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'diff', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test builds first)`);
});
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cli-diff-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('order-platform diff', () => {
  test('a release (a new image) updates the Deployments in place: exit 0', () => {
    writeOut('before', exampleStacks('zone-redundant'));
    writeOut('after', synthApp((app) => { EXAMPLES['zone-redundant'](app, { workloads: { order: { image: 'contoso.azurecr.io/order-api:1.1.0' }, tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' } } }); }));
    const r = run('before', 'after');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^zone-redundant-westus3-apps: 0 to create, 1 to update, 0 to replace, 0 to destroy\n {2}~ kubernetes_deployment_v1\.Workloads_OrderDeployment_[0-9A-F]{8}\nNothing stateful is destroyed or replaced, nothing serving is replaced, and no service loses ready pods\.\n$/);
  });

  test('a renamed database server is a replacement: exit 1 with the attribute that forces it; --allow accepts it; --json', () => {
    const before = exampleStacks('zone-redundant');
    const after = structuredClone(before) as Record<string, Loose>;
    const [id, server] = Object.entries<Loose>(after['zone-redundant-data'].resource.azurerm_mssql_server)[0];
    server.name = 'orders-sql-renamed';
    writeOut('before', before);
    writeOut('after', after);
    const r = run('before', 'after');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`zone-redundant-data: 0 to create, 0 to update, 1 to replace, 0 to destroy\n-/+ azurerm_mssql_server.${id} (forced by name)   <-- HARMFUL`);
    expect(r.stdout).toMatch(/1 harmful change\(s\) and 0 capacity drop\(s\)/);
    const allowed = run('before', 'after', '--allow', `zone-redundant-data/azurerm_mssql_server.${id}`);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain(`ALLOWED zone-redundant-data/azurerm_mssql_server.${id}`);
    const json = JSON.parse(run('before', 'after', '--json').stdout);
    expect(json.harmful).toEqual([{ stack: 'zone-redundant-data', address: `azurerm_mssql_server.${id}`, type: 'azurerm_mssql_server', action: 'replace', forcedBy: ['name'] }]);
  });

  test.each<[string, string[], RegExp]>([
    ['one folder', ['before'], /two folders, before and after; got 1/],
    ['a missing folder', ['before', 'nowhere'], /readCdktfOut: invalid dir ".*nowhere": not a folder/],
    ['an unknown option', ['before', 'before', '--force'], /Unknown option '--force'/],
  ])('%s exits 2 with a message', (_label, args, message) => {
    writeOut('before', { s: { resource: {} } });
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('--help prints the usage', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: order-platform diff <before> <after> \[options\]/);
  });
});
