import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { exampleStacks } from './support/examples';

// `order-platform report` and `order-platform simulate` as a user runs them: the compiled command in a real process,
// on a cdktf.out folder holding two examples' stacks.

const CLI = join(__dirname, '..', 'dist', 'cli', 'order-platform.js');
let dir: string;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test builds first)`);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-insight-'));
  for (const id of ['primary-secondary', 'zone-redundant']) {
    for (const [name, json] of Object.entries(exampleStacks(id))) {
      mkdirSync(join(dir, 'cdktf.out', 'stacks', name), { recursive: true });
      writeFileSync(join(dir, 'cdktf.out', 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
    }
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('order-platform report', () => {
  test('prints the availability report of every platform in the folder', () => {
    const r = run('report');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Availability report: primary-secondary\n');
    expect(r.stdout).toContain('# Availability report: zone-redundant\n');
    expect(r.stdout).toContain('| place an order (Order service writes) | 99.989% | 4.3 min | Front Door 99.99% × parallel(AKS westus3 99.95%, AKS eastus 99.95%)');
    // Two platforms: the side-by-side table first, then each report with its cost.
    expect(r.stdout).toMatch(/^# Platforms compared\n\n\| platform \| pattern \| regions \|[^\n]*\| a month at list prices \|\n\|---/);
    expect(r.stdout).toMatch(/\n\| primary-secondary \| `primarySecondary` \| westus3, eastus \| 99\.989% \| 99\.988% \| up \(RPO 5 s[^|]*\| \$[\d,]+\.\d\d to \$[\d,]+\.\d\d \|\n\| zone-redundant \| `zoneRedundant` \| westus3 \| 99\.935% \| 99\.935% \| \*\*down\*\* \|/);
    expect(r.stdout.indexOf('# Platforms compared')).toBeLessThan(r.stdout.indexOf('# Availability report: primary-secondary'));
    expect(r.stdout.match(/## Billable units and monthly cost/g)).toHaveLength(2);
  });

  test('--platform narrows it; --json prints the reports', () => {
    const r = run('report', 'cdktf.out', '--platform', 'zone-redundant', '--json');
    expect(r.status).toBe(0);
    const reports = JSON.parse(r.stdout);
    expect(reports.map((x: { platform: string }) => x.platform)).toEqual(['zone-redundant']);
    expect(reports[0].flows[0]).toMatchObject({ capability: 'placeOrder', percent: '99.935%' });
    expect(reports[0].costEstimate).toMatchObject({ currency: 'USD', pricesAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(reports[0].costEstimate.monthlyMax).toBeGreaterThan(reports[0].costEstimate.monthlyMin);
    // One platform: no comparison.
    expect(run('report', '--platform', 'zone-redundant').stdout).toMatch(/^# Availability report: zone-redundant\n/);
  });

  test('an unknown platform exits 2 and names the known ones', () => {
    const r = run('report', '--platform', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--platform nope: not in .*cdktf\.out \(it holds primary-secondary, zone-redundant\)/);
  });
});

describe('order-platform diagram', () => {
  test('SVG by default, Mermaid on request; several platforms need --platform; a bad format exits 2', () => {
    const svg = run('diagram', '--platform', 'primary-secondary');
    expect(svg.status).toBe(0);
    expect(svg.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*>westus3 \(primary\)<\/text>[\s\S]*<\/svg>\n$/);
    const mermaid = run('diagram', '--platform', 'zone-redundant', '--format', 'mermaid');
    expect(mermaid.stdout).toMatch(/^flowchart TB\n {2}users\(\(Customers\)\)\n/);
    expect(run('diagram').stderr).toMatch(/the folder holds several platforms \(primary-secondary, zone-redundant\); pass --platform/);
    const bad = run('diagram', '--platform', 'zone-redundant', '--format', 'png');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format png: use svg or mermaid/);
  });
});

describe('order-platform runbook', () => {
  test('prints the runbook of the chosen platform; --json is refused', () => {
    const r = run('runbook', '--platform', 'primary-secondary');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Failover runbook: primary-secondary\n/);
    expect(r.stdout).toMatch(/az sql failover-group set-primary --resource-group \S+ --server \S+ --name \S+ --allow-data-loss {3}# forced/);
    expect(run('runbook', '--json').stderr).toMatch(/runbook prints Markdown only/);
  });
});

describe('order-platform simulate', () => {
  test('the primary region of primarySecondary: each capability right away and after failover, RTO, RPO, actions and failback', () => {
    const r = run('simulate', '--region', 'westus3', '--platform', 'primary-secondary');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^primary-secondary \(primarySecondary\): loss of westus3 \(primary\)\n\nplace an order \(Order service writes\)\n {2}right away: {5}DOWN: the westus3 SQL database is lost until the failover group fails over\n {2}after failover: UP: /);
    expect(r.stdout).toContain('  RPO: 5 s');
    expect(r.stdout).toMatch(/Failback:\n {2}- Azure SQL: once westus3 is back/);
  });

  test('a zone; --json', () => {
    const r = run('simulate', '--region', 'westus3', '--zone', '3', '--platform', 'zone-redundant', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.outage).toEqual({ region: 'westus3', zone: '3' });
    expect(report.capabilities.map((c: { afterFailover: { state: string } }) => c.afterFailover.state)).toEqual(['up', 'up', 'up', 'up']);
  });

  test('a region only one platform has needs no --platform', () => {
    const r = run('simulate', '--region', 'eastus');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^primary-secondary \(primarySecondary\): loss of eastus \(secondary\)/);
  });

  test.each<[string, string[], RegExp]>([
    ['no region', ['simulate'], /--region is required/],
    ['a region two platforms use', ['simulate', '--region', 'westus3'], /--region westus3: several platforms use it \(primary-secondary, zone-redundant\); pass --platform/],
    ['a region no platform uses', ['simulate', '--region', 'japaneast'], /--region japaneast: no platform in .* has it/],
    ['a bad zone', ['simulate', '--region', 'eastus', '--zone', '9'], /outage\.zone "9": not an availability zone/],
    ['two folders', ['simulate', '--region', 'eastus', 'a', 'b'], /one folder at most/],
  ])('%s exits 2 with a message', (_label, args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('--help of both commands', () => {
    expect(run('simulate', '--help').stdout).toMatch(/^Usage: order-platform simulate --region <region>/);
    expect(run('report', '-h').stdout).toMatch(/^Usage: order-platform report \[dir\] \[options\]/);
  });
});

describe('order-platform drills', () => {
  test('prints each drill with its start command, faults, roles and expectations', () => {
    const r = run('drills');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Failover drills: primary-secondary\n/);
    expect(r.stdout).toContain('/providers/Microsoft.Chaos/experiments/ordps-chaos-region-loss-westus3-');
    expect(r.stdout).toMatch(/## ordps-chaos-zone-loss-westus3-\w+: zoneLoss in westus3 \(zone 1\)/);
    expect(r.stdout).toContain('Must fire:');
    expect(r.stdout).toContain('Network Contributor on azurerm_network_security_group nsg-aks-nodes');
  });

  test('--json prints the expectations; a platform without drills is a usage error; --help describes it', () => {
    const json = JSON.parse(run('drills', '--json').stdout);
    expect(json.map((p: { platform: string }) => p.platform)).toEqual(['primary-secondary']);
    const r = run('drills', '--platform', 'zone-redundant');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('order-platform drills: platform zone-redundant has no failover drills: set drills on MultiRegionOrderPlatform');
    expect(run('drills', 'a', 'b').status).toBe(2);
    const help = run('drills', '--help');
    expect([help.status, help.stdout]).toEqual([0, expect.stringMatching(/^Usage: order-platform drills \[dir\]/)]);
  });
});
