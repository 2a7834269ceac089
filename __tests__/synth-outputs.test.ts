import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { EXAMPLES } from '../examples';
import { EXAMPLE_STACKS_ENV } from './support/examples';

// `npm run synth` (cdktf synth) writes, next to every example's stacks, its rule report, availability report,
// runbook and diagram. The examples as jest's globalSetup synthesized them (or, with the cache off, synthesized here).

const own = process.env[EXAMPLE_STACKS_ENV] ? undefined : mkdtempSync(join(tmpdir(), 'synth-outputs-'));
afterAll(() => { if (own) rmSync(own, { recursive: true, force: true }); });

function outdir(id: string): string {
  if (!own) return join(process.env[EXAMPLE_STACKS_ENV]!, id);
  const dir = join(own, id);
  if (!existsSync(dir)) {
    const app = new App({ outdir: dir });
    EXAMPLES[id](app);
    app.synth();
  }
  return dir;
}

test.each(Object.keys(EXAMPLES))('%s: cdktf.out/order-platform/<id>/ holds the rule report, the availability report, the runbook and the diagram', (id) => {
  const dir = join(outdir(id), 'order-platform', id);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  expect(JSON.parse(read('rules.json'))).toMatchObject({ findings: [], suppressed: [] });
  expect(read('rules.md')).toMatch(/^# Rule report\n/);
  expect(JSON.parse(read('availability.json'))).toMatchObject({ platform: id, flows: expect.arrayContaining([expect.objectContaining({ capability: 'placeOrder' })]) });
  expect(read('availability.md')).toMatch(new RegExp(`^# Availability report: ${id}\\n`));
  expect(read('runbook.md')).toMatch(new RegExp(`^# Failover runbook: ${id}\\n`));
  expect(read('diagram.svg')).toMatch(/^<svg [\s\S]*<\/svg>\n$/);
  expect(read('diagram.mmd')).toMatch(/^flowchart TB\n/);
  // The multi-region examples drill; the zone-redundant one shows drills are opt-in.
  if (id === 'zone-redundant') expect(existsSync(join(dir, 'drills.md'))).toBe(false);
  else {
    expect(read('drills.md')).toMatch(new RegExp(`^# Failover drills: ${id}\\n`));
    expect(JSON.parse(read('drills.json'))).toMatchObject({ platform: id, drills: expect.arrayContaining([expect.objectContaining({ scenario: 'regionLoss' })]) });
  }
});
