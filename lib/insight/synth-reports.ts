import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { IConstruct } from 'constructs';
import { App, TerraformStack } from 'cdktf';
import { synthesized } from '../rules/synth-check';
import { availabilityMarkdown, availabilityReport } from './availability';
import { billableUnits } from './billable';
import { diagramMermaid, diagramSvg } from './diagram';
import { drillsMarkdown, drillsReport } from './drills';
import { runbookMarkdown } from './runbook';
import { readTopology } from './topology';

/**
 * Writes the platform's availability report (composite availability, zone and region loss with RTO and RPO, failback)
 * its failover runbook and its diagram next to the synthesized stacks when the app synthesizes:
 * `<outdir>/order-platform/<id>/` `availability.md`, `availability.json`, `runbook.md`, `diagram.svg` and `diagram.mmd`
 * (and, with failover drills, `drills.md` and `drills.json`),
 * from the stacks as cdktf wrote them. Does nothing outside a cdktf App.
 */
export function addSynthReports(scope: IConstruct, id: string, stacks: () => readonly TerraformStack[]): void {
  const root = scope.node.root;
  if (!App.isApp(root)) return;
  root.node.addValidation({
    validate: () => {
      const synthesizedStacks = stacks().map((stack) => synthesized(root, stack));
      const topology = readTopology(synthesizedStacks, id);
      const report = availabilityReport(topology, billableUnits(synthesizedStacks, id));
      const dir = join(root.outdir, 'order-platform', id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'availability.md'), availabilityMarkdown(report));
      writeFileSync(join(dir, 'availability.json'), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(join(dir, 'runbook.md'), runbookMarkdown(synthesizedStacks, id));
      writeFileSync(join(dir, 'diagram.svg'), diagramSvg(topology));
      writeFileSync(join(dir, 'diagram.mmd'), diagramMermaid(topology));
      const drills = drillsReport(synthesizedStacks, id);
      if (drills) {
        writeFileSync(join(dir, 'drills.md'), drillsMarkdown(drills));
        writeFileSync(join(dir, 'drills.json'), `${JSON.stringify(drills, null, 2)}\n`);
      }
      return [];
    },
  });
}
