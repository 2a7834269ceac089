import { join } from 'path';
import { availabilityMarkdown, availabilityReport, comparisonMarkdown } from '../../lib/insight/availability';
import { billableUnits } from '../../lib/insight/billable';
import { diagramMermaid } from '../../lib/insight/diagram';
import { simulateOutage } from '../../lib/insight/outage';
import { runbookMarkdown } from '../../lib/insight/runbook';
import { readTopology } from '../../lib/insight/topology';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';
import { expectContract } from '../support/contract';

// What the insight tools tell a user about each example, word for word: the availability report, every region's and
// the primary's zone loss as simulated, the runbook and the Mermaid diagram, in __tests__/contracts/insight/. The
// behaviour is asserted in the other insight tests; these files pin the wording a reader acts on. After a deliberate
// change, `UPDATE_CONTRACTS=1 npx jest __tests__/unit/insight-contracts.test.ts` rewrites them (review the diff).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const DIR = join(__dirname, '..', 'contracts', 'insight');
const EXAMPLES = ['zone-redundant', 'primary-secondary', 'active-passive', 'active-active', 'region-pinned'];

function contract(file: string, actual: string): void {
  expectContract(join(DIR, file), actual);
}

describe.each(EXAMPLES)('%s', (id) => {
  const stacks: SynthesizedStack[] = Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose }));
  const topology = readTopology(stacks, id);

  test('the availability report, with its cost', () => {
    contract(`${id}.availability.md`, availabilityMarkdown(availabilityReport(topology, billableUnits(stacks, id))));
  });

  test('every region lost, and a zone of the primary', () => {
    const outages = [
      ...topology.regions.map((r) => ({ region: r.name })),
      ...(topology.regions[0].zonal ? [{ region: topology.regions[0].name, zone: '2' }] : []),
    ];
    contract(`${id}.outages.json`, `${JSON.stringify(outages.map((o) => simulateOutage(topology, o)), null, 2)}\n`);
  });

  test('the runbook and the diagram', () => {
    contract(`${id}.runbook.md`, runbookMarkdown(stacks, id));
    contract(`${id}.diagram.mmd`, diagramMermaid(topology));
  });
});

test('the examples side by side, as order-platform report prints them first', () => {
  const reports = EXAMPLES.map((id) => {
    const stacks: SynthesizedStack[] = Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose }));
    return availabilityReport(readTopology(stacks, id), billableUnits(stacks, id));
  });
  contract('patterns-compared.md', comparisonMarkdown(reports));
  // Without billable units there is no cost to compare.
  expect(comparisonMarkdown(reports.map((r) => ({ ...r, costEstimate: undefined })))).toContain(' | - |\n');
});
