import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { availabilityReport, comparisonMarkdown, usd } from '../lib/insight/availability';
import { billableUnits } from '../lib/insight/billable';
import { LIST_PRICES, VM_PRICE_TABLE } from '../lib/insight/prices';
import { readTopology } from '../lib/insight/topology';
import { SynthesizedStack } from '../lib/rules/synthesized';
import { EXAMPLES } from '../examples';
import { exampleStacks } from './support/examples';

// The examples side by side (availability, what a primary region's loss does, cost a month) in docs/patterns-compared.md
// and the README, and the price list in docs/patterns-compared.md, generated from what the examples synthesize and the
// price data: `UPDATE_CONTRACTS=1 npx jest __tests__/patterns-doc.test.ts` rewrites the parts between the markers.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const DOC = join(__dirname, '..', 'docs', 'patterns-compared.md');
const README = join(__dirname, '..', 'README.md');
const ORDER = ['zone-redundant', 'primary-secondary', 'active-passive', 'active-active', 'region-pinned'];

const reports = ORDER.map((id) => {
  const stacks: SynthesizedStack[] = Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose }));
  return availabilityReport(readTopology(stacks, id), billableUnits(stacks, id));
});
/** The example each report is of, by its place in ORDER. */
const exampleOf = (i: number): string => ORDER[i];

function priceTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| meter | price | region | as the source prints it | source date | source |',
    '|---|---|---|---|---|---|',
    ...Object.values(LIST_PRICES).map((p) => `| ${cell(p.meter)}${'usage' in p ? ' (billed by use)' : ''} | ${usd(p.usd)} per ${cell(p.unit)} | ${cell(p.region)} | ${cell(p.quoted)} | ${cell(p.seen)} | ${p.source} |`),
    `| AKS nodes: Linux virtual machines of the Intel D and E v5 sizes, per region | hourly price × 730 | every region of the catalog | \`"<size>": <USD per hour>\` per region | ${VM_PRICE_TABLE.generatedAt.slice(0, 10)} | ${VM_PRICE_TABLE.source} |`,
  ].join('\n');
}

function fill(file: string, marker: string, body: string): void {
  const doc = readFileSync(file, 'utf8');
  const markers = new RegExp(`<!-- ${marker} -->\\n[\\s\\S]*?<!-- /${marker} -->`);
  expect(doc).toMatch(markers);
  const expected = doc.replace(markers, `<!-- ${marker} -->\n${body.trimEnd()}\n<!-- /${marker} -->`);
  if (expected !== doc && process.env.UPDATE_CONTRACTS === '1' && !process.env.CI) writeFileSync(file, expected);
  expect(readFileSync(file, 'utf8')).toBe(expected);
}

test('the comparison covers every example, in the order of the pattern table', () => {
  expect([...ORDER].sort()).toEqual(Object.keys(EXAMPLES).sort());
  expect(reports.map((r) => r.pattern)).toEqual(['zoneRedundant', 'primarySecondary', 'activePassive', 'activeActive', 'regionPinned']);
});

test('docs/patterns-compared.md and the README compare the examples as they synthesize', () => {
  fill(DOC, 'patterns-compared', comparisonMarkdown(reports));
  fill(README, 'patterns-compared', comparisonMarkdown(reports));
});

test('docs/patterns-compared.md lists every list price with its source and date', () => {
  fill(DOC, 'list-prices', priceTable());
});

test('a second region costs more than the zone-redundant single region, and every example is fully priced but for Front Door Premium requests and the Managed Redis caches', () => {
  const [zr, ...multi] = reports;
  for (const r of multi) expect(r.costEstimate!.monthlyMin).toBeGreaterThan(zr.costEstimate!.monthlyMin);
  const FRONT_DOOR = "Front Door Premium requests: billed by use at a higher rate than Standard's, which the Front Door price comparison does not give";
  // The price sources have no Azure Managed Redis meter: the caches are listed as not priced, never guessed.
  const caches: Record<string, string[]> = {
    'primary-secondary': ['Azure Managed Redis caches (Balanced_B3, eastus, westus3; 2 with high availability): no list price for Azure Managed Redis Balanced_B3 in the price list'],
    'active-active': ['Azure Managed Redis caches (Balanced_B3, centralus, eastus2, westus3; 3 with high availability): no list price for Azure Managed Redis Balanced_B3 in the price list'],
  };
  reports.forEach((r, i) => {
    expect(r.costEstimate!.monthlyMax).toBeGreaterThan(r.costEstimate!.monthlyMin);
    expect([exampleOf(i), [...r.costEstimate!.notPriced].sort()]).toEqual([exampleOf(i), [...(caches[exampleOf(i)] ?? []), FRONT_DOOR].sort()]);
  });
});
