/**
 * The availability report of a platform: for each capability, the composite availability from the published SLAs of
 * its components, combined in series (every component needed) and in parallel (any one of several regions or copies
 * suffices) as the synthesized topology dictates; and, for a zone loss, the primary region's loss and the secondary
 * region's loss, what happens to each capability, with its RTO and RPO (from the outage simulation). Every figure
 * carries its Microsoft source.
 */
import { BillableUnit, costEstimate, CostEstimate } from './billable';
import { FIGURES_AS_OF, RECOVERY, ReferenceFigure, SLA, SlaFigure } from './figures';
import { Capability, CAPABILITIES, Outage, OutageReport, simulateOutage, ServiceState } from './outage';
import { CellTopology, PlatformTopology, RegionTopology, SERVICES } from './topology';

/** A component in a formula: one figure, or alternatives in parallel (each a series). */
type Term = { readonly label: string; readonly figure: SlaFigure } | { readonly parallel: readonly (readonly Term[])[] };

/** The composite availability of one capability. */
export interface FlowAvailability {
  /** The capability. */
  readonly capability: Capability;
  /** The formula with every component's figure (`Front Door 99.99% × parallel(...)`). */
  readonly formula: string;
  /** The composite, as a fraction. */
  readonly availability: number;
  /** The composite in percent, to three decimals past the last nine that holds. */
  readonly percent: string;
  /** Expected downtime per 30-day month. */
  readonly monthlyDowntimeMinutes: number;
}

/** A scenario of the report: a zone loss, the primary region's loss, the secondary region's. */
export interface ScenarioOutcome {
  /** The scenario in words (`primary region loss (westus3)`). */
  readonly scenario: string;
  /** What is lost. */
  readonly outage: Outage;
  /** The simulation's result. */
  readonly report: OutageReport;
}

/** The availability report. */
export interface AvailabilityReport {
  /** The platform's id. */
  readonly platform: string;
  /** Its pattern kind. */
  readonly pattern: string;
  /** Its regions and their roles, the primary first. */
  readonly regions: readonly { readonly name: string; readonly role: string }[];
  /** The composite availability of each capability. */
  readonly flows: readonly FlowAvailability[];
  /** Zone loss, primary region loss and secondary region loss. */
  readonly scenarios: readonly ScenarioOutcome[];
  /** Every figure the report uses, with its source, and when they were checked. */
  readonly figures: readonly ReferenceFigure[];
  /** When the figures were last checked against their sources. */
  readonly figuresAsOf: string;
  /** What the numbers assume. */
  readonly assumptions: readonly string[];
  /** The billable units the platform deploys, when the report was built from its stacks. */
  readonly billableUnits?: readonly BillableUnit[];
  /** What they cost a month at list prices, with them. */
  readonly costEstimate?: CostEstimate;
}

const ASSUMPTIONS = [
  'Availability multiplies the monthly SLAs of the components a request needs (series) and combines alternatives as 1 - product of their unavailabilities (parallel), assuming independent failures; it is what the SLAs promise, not a measurement.',
  'A parallel group counts a copy only once the failover to it has happened: the RTO of each scenario says how long that takes.',
  'AKS has no SLA for workloads; its Standard tier API server SLA stands for the regional compute. A pilot-light region (no pods) is not counted until it is made active.',
  'A region-pinned platform is computed for one cell: a customer is served by the cell of their geography only.',
];

function evaluate(term: Term): number {
  if ('figure' in term) return term.figure.availability;
  return 1 - term.parallel.reduce((u, series) => u * (1 - series.reduce((a, t) => a * evaluate(t), 1)), 1);
}

function render(term: Term): string {
  if ('figure' in term) return `${term.label} ${term.figure.text}`;
  return term.parallel.length === 1 ? term.parallel[0].map(render).join(' × ') : `parallel(${term.parallel.map((s) => s.map(render).join(' × ')).join(', ')})`;
}

/** A fraction in percent, cut (never rounded up) after the first digit past the nines: 0.99989 is 99.989%, not 99.99%. */
export function percent(availability: number): string {
  const decimals = Math.min(6, Math.max(2, Math.floor(-Math.log10(1 - availability))));
  const cut = Math.floor(availability * 100 * 10 ** decimals + 1e-6) / 10 ** decimals;
  return `${cut.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1')}%`;
}

/** The figures a term uses. */
function figuresOf(term: Term): SlaFigure[] {
  return 'figure' in term ? [term.figure] : term.parallel.flatMap((series) => series.flatMap(figuresOf));
}

/** The entry's terms: Front Door or Traffic Manager, and API Management when present. */
function entryTerms(t: PlatformTopology): Term[] {
  const terms: Term[] = [];
  if (t.entry.kind !== 'none') terms.push({ label: t.entry.kind === 'frontDoor' ? 'Front Door' : 'Traffic Manager', figure: t.entry.kind === 'frontDoor' ? SLA.frontDoor : SLA.trafficManager });
  const apim = t.entry.apiManagement;
  if (apim) terms.push({ label: 'API Management', figure: apim.zonal || apim.regions.length > 1 ? SLA.apiManagementRedundant : SLA.apiManagementSingle });
  return terms;
}

/** The regions a flow's compute may run in: every region with pods (one cell when region-pinned). */
function computeRegions(t: PlatformTopology, app: string): RegionTopology[] {
  // Without synthesized workloads (deployed some other way), every region's cluster counts.
  const serving = t.regions.some((r) => r.minPods[app] !== undefined) ? t.regions.filter((r) => (r.minPods[app] ?? 0) > 0) : [...t.regions];
  return t.pattern === 'regionPinned' ? serving.slice(0, 1) : serving;
}

const aks = (r: RegionTopology): Term => ({ label: `AKS ${r.name}`, figure: r.zonal ? SLA.aksZonal : SLA.aksNonZonal });

/** The Order database terms for the primary's cell: the home and, with a failover, its copies in parallel. */
function databaseTerm(t: PlatformTopology): Term | undefined {
  const db = t.orderDatabase;
  if (!db) return undefined;
  const cell: CellTopology = db.cells.find((c) => c.home === t.regions[0].name) ?? db.cells[0];
  const figure = db.engine === 'sql' ? (cell.zoneRedundant ? SLA.sqlZoneRedundant : SLA.sql) : (cell.zoneRedundant ? SLA.postgresqlZoneRedundantHa : cell.sameZoneHa ? SLA.postgresqlSameZoneHa : SLA.postgresqlNoHa);
  const label = db.engine === 'sql' ? 'SQL' : 'PostgreSQL';
  const copies = cell.failover.kind === 'none' ? [] : cell.copies;
  // A PostgreSQL replica runs without HA of its own (HA is enabled after a promotion).
  const copyFigure = db.engine === 'sql' ? figure : SLA.postgresqlNoHa;
  return { parallel: [[{ label: `${label} ${cell.home}`, figure }], ...copies.map((r) => [{ label: `${label} ${r}`, figure: copyFigure }])] };
}

function trackingTerm(t: PlatformTopology): Term | undefined {
  const accounts = t.trackingStore?.accounts;
  if (!accounts?.length) return undefined;
  const account = accounts.find((a) => a.regions[0] === t.regions[0].name) ?? accounts[0];
  const figure = account.regions.length > 1 ? SLA.cosmosMultiRegion : account.zoneRedundant ? SLA.cosmosSingleRegionZones : SLA.cosmosSingleRegion;
  return { label: `Cosmos DB (${account.regions.join(', ')})`, figure };
}

function eventsTerm(t: PlatformTopology): Term | undefined {
  const bus = t.events;
  if (!bus) return undefined;
  if (bus.transport === 'eventGrid') return { parallel: (t.pattern === 'regionPinned' ? bus.namespaces.slice(0, 1) : bus.namespaces).map((n) => [{ label: `Event Grid ${n.region}`, figure: SLA.eventGrid }]) };
  const ns = bus.namespaces.find((n) => n.region === t.regions[0].name) ?? bus.namespaces[0];
  const [label, figure] = bus.transport === 'eventHubs' ? ['Event Hubs', SLA.eventHubs] : ['Service Bus', SLA.serviceBusPremium];
  return { parallel: [ns.region, ...(ns.standbyIn ? [ns.standbyIn] : [])].map((r) => [{ label: `${label} ${r}`, figure }]) };
}

function flow(capability: Capability, terms: readonly (Term | undefined)[], used: Set<ReferenceFigure>): FlowAvailability {
  const present = terms.filter((x): x is Term => x !== undefined);
  present.flatMap(figuresOf).forEach((f) => used.add(f));
  const availability = present.reduce((a, term) => a * evaluate(term), 1);
  return { capability, formula: `${present.map(render).join(' × ')} = ${percent(availability)}`, availability, percent: percent(availability), monthlyDowntimeMinutes: Math.round((1 - availability) * 30 * 24 * 60 * 10) / 10 };
}

/** The scenarios of the report: a zone of the primary, the primary region, the secondary (the second region). */
function scenarios(t: PlatformTopology): ScenarioOutcome[] {
  const [primary, secondary] = t.regions;
  const list: { scenario: string; outage: Outage }[] = [];
  if (primary.zonal) list.push({ scenario: `zone loss (zone 1 of ${primary.name})`, outage: { region: primary.name, zone: '1' } });
  list.push({ scenario: `${primary.role} region loss (${primary.name})`, outage: { region: primary.name } });
  if (secondary) list.push({ scenario: `${secondary.role} region loss (${secondary.name})`, outage: { region: secondary.name } });
  return list.map((s) => ({ ...s, report: simulateOutage(t, s.outage) }));
}

/** Builds the availability report of a platform's topology (with its billable units, when given). */
export function availabilityReport(t: PlatformTopology, billable?: readonly BillableUnit[]): AvailabilityReport {
  const entry = entryTerms(t);
  const compute = (app: string): Term => ({ parallel: computeRegions(t, app).map((r) => [aks(r)]) });
  const used = new Set<ReferenceFigure>();
  const flows = [
    flow('placeOrder', [...entry, compute(SERVICES.order), databaseTerm(t)], used),
    flow('readOrder', [...entry, compute(SERVICES.order), databaseTerm(t)], used),
    flow('trackDelivery', [...entry, compute(SERVICES.tracking), trackingTerm(t)], used),
    flow('deliverEvents', [eventsTerm(t), compute(SERVICES.tracking), trackingTerm(t)], used),
  ];
  return {
    platform: t.id, pattern: t.pattern, regions: t.regions.map((r) => ({ name: r.name, role: r.role })), flows, scenarios: scenarios(t),
    figures: [...Object.values(SLA).filter((f) => used.has(f)), ...Object.values(RECOVERY)], figuresAsOf: FIGURES_AS_OF, assumptions: ASSUMPTIONS,
    ...(billable ? { billableUnits: billable, costEstimate: costEstimate(billable) } : {}),
  };
}

/** US dollars: cents, with thousands separators; below a dollar (a unit price) three significant digits (`$0.000645`). */
export function usd(amount: number): string {
  if (amount !== 0 && Math.abs(amount) < 1) {
    const decimals = Math.max(2, 2 - Math.floor(Math.log10(Math.abs(amount))));
    return `$${amount.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
  }
  return total(amount);
}

/** A monthly amount: cents, with thousands separators. */
function total(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The billable units with their prices, the monthly estimate, what it leaves out and the list prices it uses. */
function costMarkdown(units: readonly BillableUnit[], cost: CostEstimate): string[] {
  const money = (u: BillableUnit, n: number) => (u.price ? total(n * u.price.usd) : u.byUse ? 'by use' : '-');
  const count = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  // Every source date starts with its ISO date.
  const dates = cost.prices.map((p) => p.seen.slice(0, 10)).sort();
  return [
    '', '## Billable units and monthly cost', '',
    `What the platform deploys, at the autoscalers' minimum and maximum, at list prices: **${total(cost.monthlyMin)} to ${total(cost.monthlyMax)} a month** (${cost.currency}), plus what is billed by use. Prices vary by region, agreement and date: this compares patterns, it is not a quote.`, '',
    '| item | SKU or tier | min | max | unit price (a month, or per run) | at min, a month | at max, a month | detail |', '|---|---|---|---|---|---|---|---|',
    ...units.map((u) => `| ${cell(u.item)} | ${cell(u.sku)} | ${count(u.min)} | ${count(u.max)} | ${u.price ? usd(u.price.usd) : u.byUse ? 'by use' : 'not priced'} | ${money(u, u.min)} | ${money(u, u.max)} | ${cell(u.detail)} |`),
    `| **total** | | | | | **${total(cost.monthlyMin)}** | **${total(cost.monthlyMax)}** | |`,
    ...(cost.usage.length ? ['', 'Billed by use, not in the total:', '', ...cost.usage.map((p) => `- ${p.meter}: ${usd(p.usd)} per ${p.unit} (${p.region}; [source](${p.source}))`)] : []),
    ...(cost.notPriced.length ? ['', 'Not priced (left out of the total):', '', ...cost.notPriced.map((n) => `- ${n}`)] : []),
    '', 'The estimate assumes:', '', ...cost.assumptions.map((a) => `- ${a}`),
    '', `### List prices (compiled ${cost.pricesAsOf}${dates.length ? ` from sources dated ${dates[0]} to ${dates[dates.length - 1]}` : ''})`, '', '| meter | price | region | as the source prints it | source date | source |', '|---|---|---|---|---|---|',
    ...cost.prices.map((p) => `| ${cell(p.meter)} | ${usd(p.usd)} per ${cell(p.unit)} | ${cell(p.region)} | ${cell(p.quoted)} | ${cell(p.seen)} | ${p.source} |`),
  ];
}

const STATE: { readonly [s in ServiceState]: string } = { up: 'up', degraded: 'degraded', down: '**down**' };
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The report as Markdown. */
export function availabilityMarkdown(r: AvailabilityReport): string {
  const title = (c: Capability) => CAPABILITIES.find((x) => x.key === c)!.title;
  const lines = [
    `# Availability report: ${r.platform}`, '',
    `Pattern \`${r.pattern}\`; regions ${r.regions.map((x) => `${x.name} (${x.role})`).join(', ')}.`, '',
    '## Composite availability', '',
    '| capability | availability | downtime per month | formula |', '|---|---|---|---|',
    ...r.flows.map((f) => `| ${title(f.capability)} | ${f.percent} | ${f.monthlyDowntimeMinutes} min | ${cell(f.formula)} |`),
  ];
  for (const s of r.scenarios) {
    lines.push('', `## ${s.scenario[0].toUpperCase()}${s.scenario.slice(1)}`, '', '| capability | right away | after failover | RTO | RPO |', '|---|---|---|---|---|');
    for (const c of s.report.capabilities) {
      lines.push(`| ${title(c.capability)} | ${STATE[c.immediately.state]}: ${cell(c.immediately.reason)} | ${STATE[c.afterFailover.state]}: ${cell(c.afterFailover.reason)} | ${cell(c.rto ?? '-')} | ${cell(c.rpo ?? '-')} |`);
    }
    const actions = [...new Set(s.report.capabilities.flatMap((c) => c.actions))];
    if (actions.length) lines.push('', 'What happens:', '', ...actions.map((a) => `- ${a}`));
    if (s.outage.zone === undefined) lines.push('', 'Failback:', '', ...s.report.failback.map((f) => `- ${f}`));
  }
  if (r.billableUnits && r.costEstimate) lines.push(...costMarkdown(r.billableUnits, r.costEstimate));
  lines.push('', '## Assumptions', '', ...r.assumptions.map((a) => `- ${a}`));
  lines.push('', `## Reference figures (checked ${r.figuresAsOf})`, '', '| item | figure | source |', '|---|---|---|', ...r.figures.map((f) => `| ${cell(f.item)} | ${cell(f.text)} | ${f.source} |`));
  return `${lines.join('\n')}\n`;
}

/**
 * Platforms side by side (the source notes weigh cost against availability): per platform its pattern and regions,
 * the composite availability of placing an order and of tracking a delivery, what placing an order does after the
 * primary region's loss and its failover, with the RPO, and the monthly cost at list prices (reports built with billable units).
 */
export function comparisonMarkdown(reports: readonly AvailabilityReport[]): string {
  const flow = (r: AvailabilityReport, c: Capability) => r.flows.find((f) => f.capability === c)!.percent;
  const primaryLoss = (r: AvailabilityReport) => {
    const s = r.scenarios.find((x) => x.outage.zone === undefined && x.outage.region === r.regions[0].name)!;
    const place = s.report.capabilities.find((c) => c.capability === 'placeOrder')!;
    return `${STATE[place.afterFailover.state]}${place.rpo ? ` (RPO ${cell(place.rpo)})` : ''}`;
  };
  const cost = (r: AvailabilityReport) => (r.costEstimate ? `${total(r.costEstimate.monthlyMin)} to ${total(r.costEstimate.monthlyMax)}` : '-');
  return [
    '| platform | pattern | regions | place an order | track a delivery | placing orders after the primary region\'s loss | a month at list prices |',
    '|---|---|---|---|---|---|---|',
    ...reports.map((r) => `| ${r.platform} | \`${r.pattern}\` | ${r.regions.map((x) => x.name).join(', ')} | ${flow(r, 'placeOrder')} | ${flow(r, 'trackDelivery')} | ${primaryLoss(r)} | ${cost(r)} |`),
  ].join('\n') + '\n';
}
