import { availabilityMarkdown, availabilityReport } from '../../lib/insight/availability';
import { FIGURES_AS_OF, RECOVERY, SLA } from '../../lib/insight/figures';
import { readTopology } from '../../lib/insight/topology';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';

// The reference figures are data the reports cite: each must say what it is, agree with itself and point at Microsoft.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const MICROSOFT = /^https:\/\/(learn\.microsoft\.com|www\.microsoft\.com)\/\S+$/;

describe('reference figures', () => {
  const all = [...Object.values(SLA), ...Object.values(RECOVERY)];

  test('every figure names its item, states its figure and cites a Microsoft page', () => {
    expect(all.length).toBe(Object.keys(SLA).length + Object.keys(RECOVERY).length);
    for (const f of all) {
      expect(f.item.length).toBeGreaterThan(5);
      expect(f.text.length).toBeGreaterThan(1);
      expect(f.source).toMatch(MICROSOFT);
    }
  });

  test('every SLA\'s text is its fraction in percent, and below 100%', () => {
    expect(Object.keys(SLA).length).toBeGreaterThan(10);
    for (const f of Object.values(SLA)) {
      expect(f.text).toBe(`${Number((f.availability * 100).toFixed(4))}%`);
      expect(f.availability).toBeLessThan(1);
      expect(f.availability).toBeGreaterThan(0.99);
    }
  });

  test('they were checked on a real date, not in the future, and the report says when', () => {
    expect(FIGURES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${FIGURES_AS_OF}T00:00:00Z`).toISOString().slice(0, 10)).toBe(FIGURES_AS_OF);
    expect(Date.parse(FIGURES_AS_OF)).toBeLessThanOrEqual(Date.now());
    const stacks: SynthesizedStack[] = Object.entries(exampleStacks('zone-redundant')).map(([name, json]) => ({ name, json: json as Loose }));
    const md = availabilityMarkdown(availabilityReport(readTopology(stacks, 'zone-redundant')));
    expect(md).toContain(`## Reference figures (checked ${FIGURES_AS_OF})`);
    expect(md).toContain(`| ${SLA.frontDoor.item} | 99.99% | ${SLA.frontDoor.source} |`);
  });
});
