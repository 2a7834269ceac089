/**
 * `order-platform report` and `order-platform simulate`: the availability report and the outage simulation of the
 * platforms in a synthesized `cdktf.out` folder.
 */
import { resolve } from 'path';
import { parseArgs } from 'util';
import { ValidationError } from '../lib/core/errors';
import { availabilityMarkdown, availabilityReport, comparisonMarkdown } from '../lib/insight/availability';
import { billableUnits } from '../lib/insight/billable';
import { CAPABILITIES, simulateOutage } from '../lib/insight/outage';
import { diagramMermaid, diagramSvg } from '../lib/insight/diagram';
import { runbookMarkdown } from '../lib/insight/runbook';
import { DrillsReport, drillsMarkdown, drillsReport } from '../lib/insight/drills';
import { platformIds, PlatformTopology, readTopology } from '../lib/insight/topology';
import { readCdktfOut } from '../lib/rules/rule-pack';
import { UsageError } from './init';

export const REPORT_USAGE = `Usage: order-platform report [dir] [options]

Prints the availability report of each platform in dir (default: cdktf.out): the composite availability of placing an
order, reading an order, tracking a delivery and delivering order events from the published SLAs of their components;
what a zone loss, the primary region's loss and the secondary region's loss do to each, with RTO and RPO; how to fail
back; the billable units the platform deploys and their monthly cost at list prices (each price with its source and
date); and every figure with its Microsoft source. With several platforms, a table compares them side by side first.
cdktf synth also writes each report to cdktf.out/order-platform/<id>/.

Options:
  --platform <id>  only this platform (the id given to MultiRegionOrderPlatform)
  --json           print the report as JSON
  -h, --help       this text`;

export const SIMULATE_USAGE = `Usage: order-platform simulate --region <region> [--zone <1|2|3>] [dir] [options]

Simulates the loss of a region, or of one zone of it, on a platform in dir (default: cdktf.out): for each capability
the state right away and after failover (up, degraded, down) with the reason, the RTO and RPO, what happens
(automatically or by an operator, with the README runbook section), and how to fail back.

Options:
  --region <region>  the lost region (required)
  --zone <zone>      only this availability zone of the region is lost
  --platform <id>    the platform (required when dir holds several that use the region)
  --json             print the result as JSON
  -h, --help         this text`;

export const RUNBOOK_USAGE = `Usage: order-platform runbook [dir] [options]

Prints the failover runbook of each platform in dir (default: cdktf.out): the Azure CLI commands, with the synthesized
names, for health checks, planned and forced failover away from each region (Front Door origins, SQL failover groups,
PostgreSQL replica promotion, Cosmos DB write region, Service Bus alias), scaling a standby, and failback.
cdktf synth also writes it to cdktf.out/order-platform/<id>/runbook.md.

Options:
  --platform <id>  only this platform
  -h, --help       this text`;

/** `runbook`: prints each platform's failover runbook. */
export function runbook(args: readonly string[], cwd: string): number {
  const parsed = parse(args, RUNBOOK_USAGE, {});
  if (parsed.values.help) {
    console.log(RUNBOOK_USAGE);
    return 0;
  }
  if (parsed.values.json) throw new UsageError(`runbook prints Markdown only (no --json)\n\n${RUNBOOK_USAGE}`);
  if (parsed.positionals.length > 1) throw new UsageError(`one folder at most, got ${parsed.positionals.join(' ')}\n\n${RUNBOOK_USAGE}`);
  const dir = resolve(cwd, parsed.positionals[0] ?? 'cdktf.out');
  const ids = topologies(dir, parsed.values.platform as string | undefined).map((t) => t.id);
  const stacks = readCdktfOut(dir);
  console.log(ids.map((id) => runbookMarkdown(stacks, id)).join('\n'));
  return 0;
}

export const DIAGRAM_USAGE = `Usage: order-platform diagram [dir] [options]

Prints a picture of a platform in dir (default: cdktf.out): the entry, each region (role, zones, the services' pods,
the Order database, the tracking store, the event bus) and the replication between regions, as SVG or as Mermaid
text for a README. cdktf synth also writes both to cdktf.out/order-platform/<id>/.

Options:
  --platform <id>     the platform (required when dir holds several)
  --format <format>   svg (default) or mermaid
  -h, --help          this text`;

/** `diagram`: prints one platform's diagram. */
export function diagram(args: readonly string[], cwd: string): number {
  const parsed = parse(args, DIAGRAM_USAGE, { format: { type: 'string' } });
  if (parsed.values.help) {
    console.log(DIAGRAM_USAGE);
    return 0;
  }
  const format = (parsed.values.format as string | undefined) ?? 'svg';
  if (format !== 'svg' && format !== 'mermaid') throw new UsageError(`--format ${format}: use svg or mermaid\n\n${DIAGRAM_USAGE}`);
  if (parsed.values.json) throw new UsageError(`diagram prints SVG or Mermaid (no --json)\n\n${DIAGRAM_USAGE}`);
  if (parsed.positionals.length > 1) throw new UsageError(`one folder at most, got ${parsed.positionals.join(' ')}\n\n${DIAGRAM_USAGE}`);
  const found = topologies(resolve(cwd, parsed.positionals[0] ?? 'cdktf.out'), parsed.values.platform as string | undefined);
  if (found.length > 1) throw new UsageError(`the folder holds several platforms (${found.map((t) => t.id).join(', ')}); pass --platform`);
  process.stdout.write(format === 'svg' ? diagramSvg(found[0]) : diagramMermaid(found[0]));
  return 0;
}

/** The topologies of the platforms in a folder (one when `platform` is given). */
function topologies(dir: string, platform: string | undefined): PlatformTopology[] {
  try {
    const stacks = readCdktfOut(dir);
    const ids = platformIds(stacks);
    if (platform !== undefined && !ids.includes(platform)) throw new UsageError(`--platform ${platform}: not in ${dir} (it holds ${ids.join(', ') || 'no platform'})`);
    return (platform !== undefined ? [platform] : ids).map((id) => readTopology(stacks, id));
  } catch (e) {
    if (e instanceof ValidationError) throw new UsageError(e.message);
    throw e;
  }
}

/** The parsed arguments: option values by name, and the positionals. */
interface Parsed {
  readonly values: { readonly [name: string]: string | boolean | undefined };
  readonly positionals: readonly string[];
}

function parse(args: readonly string[], usage: string, extra: { readonly [name: string]: { readonly type: 'string' } }): Parsed {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...extra, platform: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }) as Parsed;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${usage}`);
  }
}

/** `report`: prints each platform's availability report. */
export function report(args: readonly string[], cwd: string): number {
  const parsed = parse(args, REPORT_USAGE, {});
  if (parsed.values.help) {
    console.log(REPORT_USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new UsageError(`one folder at most, got ${parsed.positionals.join(' ')}\n\n${REPORT_USAGE}`);
  const dir = resolve(cwd, parsed.positionals[0] ?? 'cdktf.out');
  const found = topologies(dir, parsed.values.platform as string | undefined);
  const stacks = found.length ? readCdktfOut(dir) : [];
  const reports = found.map((t) => availabilityReport(t, billableUnits(stacks, t.id)));
  const comparison = reports.length > 1 ? [`# Platforms compared\n\n${comparisonMarkdown(reports)}`] : [];
  console.log(parsed.values.json ? JSON.stringify(reports, null, 2) : [...comparison, ...reports.map(availabilityMarkdown)].join('\n'));
  return 0;
}

/** `simulate`: prints what the loss of a region or zone does to each capability. */
export function simulate(args: readonly string[], cwd: string): number {
  const parsed = parse(args, SIMULATE_USAGE, { region: { type: 'string' }, zone: { type: 'string' } });
  if (parsed.values.help) {
    console.log(SIMULATE_USAGE);
    return 0;
  }
  const region = parsed.values.region as string | undefined;
  const zone = parsed.values.zone as string | undefined;
  if (region === undefined) throw new UsageError(`--region is required\n\n${SIMULATE_USAGE}`);
  if (parsed.positionals.length > 1) throw new UsageError(`one folder at most, got ${parsed.positionals.join(' ')}\n\n${SIMULATE_USAGE}`);
  const dir = resolve(cwd, parsed.positionals[0] ?? 'cdktf.out');
  const candidates = topologies(dir, parsed.values.platform as string | undefined).filter((t) => t.regions.some((r) => r.name === region));
  if (candidates.length === 0) throw new UsageError(`--region ${region}: no platform in ${dir} has it`);
  if (candidates.length > 1) throw new UsageError(`--region ${region}: several platforms use it (${candidates.map((t) => t.id).join(', ')}); pass --platform`);
  let result;
  try {
    result = simulateOutage(candidates[0], { region, ...(zone !== undefined ? { zone } : {}) });
  } catch (e) {
    if (e instanceof ValidationError) throw new UsageError(e.message);
    throw e;
  }
  if (parsed.values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const lines = [`${result.platform} (${result.pattern}): loss of ${zone !== undefined ? `zone ${zone} of ` : ''}${region} (${result.role})`];
  for (const c of result.capabilities) {
    const title = CAPABILITIES.find((x) => x.key === c.capability)!.title;
    lines.push('', `${title}`, `  right away:     ${c.immediately.state.toUpperCase()}: ${c.immediately.reason}`, `  after failover: ${c.afterFailover.state.toUpperCase()}: ${c.afterFailover.reason}`);
    if (c.rto) lines.push(`  RTO: ${c.rto}`);
    if (c.rpo) lines.push(`  RPO: ${c.rpo}`);
    for (const a of c.actions) lines.push(`  - ${a}`);
  }
  lines.push('', 'Failback:', ...result.failback.map((f) => `  - ${f}`));
  console.log(lines.join('\n'));
  return 0;
}

export const DRILLS_USAGE = `Usage: order-platform drills [dir] [options]

Prints the failover drills of each platform in dir (default: cdktf.out) that has a -drills stack: per Chaos Studio
experiment, the commands that start, watch and cancel it, its faults and targets, the roles of its identity, what keeps
serving, the alerts and availability tests that must fire, must not fire and may fire, and the runbook sections that
apply. cdktf synth also writes it to cdktf.out/order-platform/<id>/drills.md and drills.json.

Options:
  --platform <id>  only this platform
  --json           print the expectations as JSON
  -h, --help       this text`;

/** `drills`: prints each platform's drills and their expectations. */
export function drills(args: readonly string[], cwd: string): number {
  const parsed = parse(args, DRILLS_USAGE, {});
  if (parsed.values.help) {
    console.log(DRILLS_USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new UsageError(`one folder at most, got ${parsed.positionals.join(' ')}\n\n${DRILLS_USAGE}`);
  const dir = resolve(cwd, parsed.positionals[0] ?? 'cdktf.out');
  const found = topologies(dir, parsed.values.platform as string | undefined);
  const stacks = found.length ? readCdktfOut(dir) : [];
  const reports = found.map((t) => drillsReport(stacks, t.id)).filter((r): r is DrillsReport => r !== undefined);
  if (reports.length === 0) throw new UsageError(`${found.length === 1 ? `platform ${found[0].id} has no` : `no platform in ${dir} has`} failover drills: set drills on MultiRegionOrderPlatform and synthesize`);
  console.log(parsed.values.json ? JSON.stringify(reports, null, 2) : reports.map(drillsMarkdown).join('\n'));
  return 0;
}
