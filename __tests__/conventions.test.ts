import { readFileSync } from 'fs';
import { join } from 'path';

// docs/conventions.md names public members; the committed API report (etc/, checked against the code by
// `npm run api`) says which exist, so the page cannot drift from the API.

const root = join(__dirname, '..');
const doc = readFileSync(join(root, 'docs', 'conventions.md'), 'utf8');
const report = readFileSync(join(root, 'etc', 'cdktf-order-platform.api.md'), 'utf8');

/** The members of a class or interface in the API report. */
function members(name: string): string[] {
  const start = report.search(new RegExp(`export (?:declare )?(?:abstract )?(?:class|interface) ${name}\\b`));
  if (start < 0) throw new Error(`${name} is not in the API report`);
  const body = report.slice(start, report.indexOf('\n}\n', start));
  const own = [...body.matchAll(/^ {4}(?:static |abstract |protected )?(?:readonly |get )?(\w+)\??[(:<]/gm)].map((m) => m[1]);
  // A class inherits the members of the class it extends (DataTierConstruct's resourceGroups).
  const parent = /extends (\w+)/.exec(body.slice(0, body.indexOf('{')))?.[1];
  return parent && parent !== 'Construct' ? [...own, ...members(parent)] : own;
}

/** Rows of the markdown table whose header starts with `header`: [first cell, second cell]. */
function table(header: string): [string, string][] {
  const start = doc.indexOf(`\n| ${header} |`) + 1;
  expect(start).toBeGreaterThan(0);
  const lines = doc.slice(start).split('\n');
  const rows: [string, string][] = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    rows.push([cells[0], cells[1]]);
  }
  return rows;
}

/** The `code` spans of a cell, without their parenthesised detail. */
const codes = (cell: string): string[] => [...cell.replace(/\([^)]*\)/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe('docs/conventions.md', () => {
  const exposed = table('construct');

  test('the table of exposed resources covers every construct the package exports', () => {
    expect(exposed.map(([construct]) => construct.replace(/`/g, '')).sort()).toEqual([
      'ActivePassiveDatabase', 'EventBus', 'GlobalEntry', 'MultiRegionOrderPlatform', 'Observability', 'OrderWorkloads', 'RegionalMonitoring', 'RegionalStamp', 'TrackingStore', 'WorkloadIdentities',
    ]);
  });

  test.each(exposed.map(([construct, resources]) => [construct.replace(/`/g, ''), resources]))('every member it lists for %s exists', (construct, resources) => {
    const listed = codes(resources).map((code) => code.split('.')[0]);
    expect(listed.length).toBeGreaterThan(0);
    const own = members(construct);
    expect(listed.filter((member) => !own.includes(member))).toEqual([]);
  });

  test('every names interface it lists is exported, and every exported one is listed', () => {
    const listed = [...doc.matchAll(/`([A-Z]\w+Names)`/g)].map((m) => m[1]).sort();
    const exported = [...report.matchAll(/export interface (\w+Names) /g)].map((m) => m[1]).sort();
    expect(listed.length).toBeGreaterThan(0);
    expect([...new Set(listed)]).toEqual(exported);
  });

  test('every duration prop it lists exists in the API report, and none is an ISO string or ...InDays', () => {
    const durations = table('prop').flatMap(([props]) => codes(props).map((code) => code.split('.').pop()!));
    expect(durations.length).toBeGreaterThan(15);
    for (const prop of durations) expect(report).toMatch(new RegExp(`readonly ${prop}\\?: number;`));
    expect(report).not.toMatch(/readonly \w+InDays\??:/);
    expect(report).not.toMatch(/readonly (lockDuration|duplicateDetectionWindow|defaultMessageTtl|weekly|monthly|yearly)\??: string/);
  });
});
