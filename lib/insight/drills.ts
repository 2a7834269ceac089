/**
 * What each failover drill of a platform must show: from the synthesized `<id>-drills` stack (its Chaos Studio
 * experiments, their faults, targets and roles), the platform's topology and outage simulation, and the alerts and
 * availability tests of its `<id>-observability` stack, the alerts that must fire, those that must not, what the
 * entry keeps serving, and the runbook sections that apply.
 */
import { blocks, isExpression, isObject, JsonObject, SynthesizedApp, SynthesizedResource, SynthesizedStack, valueAt } from '../rules/synthesized';
import { CAPABILITIES, Capability, simulateOutage } from './outage';
import { PlatformTopology, readTopology } from './topology';

/** A drill's scenario (see `DrillScenario`). */
export type DrillKind = 'zoneLoss' | 'regionLoss' | 'keyVaultLoss' | 'eventBusLoss';

/** An alert or availability test a drill refers to. */
export interface DrillAlert {
  /** Its key in the observability stack: `<alert>-<region>` or, for an availability test's alert, `availability-<test>`. */
  readonly key: string;
  /** The synthesized name of the alert rule. */
  readonly name: string;
  /** Why it must, must not or may fire. */
  readonly reason: string;
}

/** One fault of a drill: what it does to which resource. */
export interface DrillFault {
  /** The action's URN. */
  readonly urn: string;
  /** The target resource: its Terraform type and synthesized name. */
  readonly target: string;
  /** The fault's parameters, as synthesized (references shown as Terraform expressions). */
  readonly parameters: { readonly [key: string]: string };
}

/** What one drill must show. */
export interface DrillExpectation {
  /** The experiment's name (what a person starts). */
  readonly experiment: string;
  /** The scenario. */
  readonly scenario: DrillKind;
  /** The drilled region. */
  readonly region: string;
  /** The zone a zone-loss drill shuts down. */
  readonly zone?: string;
  /** The experiment's region. */
  readonly location: string;
  /** How long the faults last, in minutes. */
  readonly durationMinutes: number;
  /** The faults. */
  readonly faults: readonly DrillFault[];
  /** The experiment identity's role assignments: role and the synthesized name of the resource it is scoped to. */
  readonly roles: readonly { readonly role: string; readonly scope: string }[];
  /**
   * Each capability through the loss the drill rehearses, after the automatic failovers (the outage simulation): the
   * drill must not do worse.
   */
  readonly serving: readonly { readonly capability: Capability; readonly state: string; readonly reason: string }[];
  /** Alerts that must fire: a drill where one stays silent found a gap in the monitoring. */
  readonly mustFire: readonly DrillAlert[];
  /** Alerts that must not fire: one that fires found a failure the pattern should have absorbed. */
  readonly mustNotFire: readonly DrillAlert[];
  /** Alerts that may fire, with why. */
  readonly mayFire: readonly DrillAlert[];
  /** The runbook sections that apply (README sections, and `runbook.md` sections). */
  readonly runbook: readonly string[];
  /** Where the drill is milder than the loss it rehearses. */
  readonly notes: readonly string[];
  /** The Azure CLI commands that start and cancel the run. */
  readonly commands: { readonly start: string; readonly cancel: string; readonly status: string };
}

/** The drills of one platform. */
export interface DrillsReport {
  /** The platform's id. */
  readonly platform: string;
  /** Its pattern. */
  readonly pattern: string;
  /** Each drill's expectation, in the drills stack's order. */
  readonly drills: readonly DrillExpectation[];
}

const KINDS: readonly DrillKind[] = ['zoneLoss', 'regionLoss', 'keyVaultLoss', 'eventBusLoss'];
const regionIndex = (t: PlatformTopology, region: string) => t.regions.findIndex((r) => r.name === region);
const DRILL_PATH = /\/Drill-(zoneLoss|regionLoss|keyVaultLoss|eventBusLoss)-([a-z0-9]+)$/;
const ALERT_TYPES = ['azurerm_monitor_metric_alert', 'azurerm_monitor_scheduled_query_rules_alert_v2', 'azurerm_monitor_activity_log_alert'];
/** The services' availability-test key stems and the capability each serves. */
const TESTED: readonly { readonly stem: string; readonly capability: Capability }[] = [{ stem: 'order', capability: 'placeOrder' }, { stem: 'tracking', capability: 'trackDelivery' }];

/** The drills of a platform from its synthesized stacks; `undefined` when it has no `<id>-drills` stack. */
export function drillsReport(stacks: readonly SynthesizedStack[], id: string): DrillsReport | undefined {
  const app = new SynthesizedApp(stacks);
  const stack = `${id}-drills`;
  if (!app.stack(stack)) return undefined;
  const topology = readTopology(stacks, id);
  const alerts = alertsOf(app, `${id}-observability`);
  const drills = app.resources
    .filter((r) => r.stack === stack && (r.type === 'azurerm_chaos_studio_experiment' || r.type === 'azurerm_resource_group_template_deployment') && DRILL_PATH.test(r.constructPath ?? ''))
    .map((r) => expectation(app, topology, alerts, r))
    // The scenarios in the order the drills stack creates them, each over the regions in the platform's order.
    .sort((x, y) => KINDS.indexOf(x.scenario) - KINDS.indexOf(y.scenario) || regionIndex(topology, x.region) - regionIndex(topology, y.region));
  return { platform: id, pattern: topology.pattern, drills };
}

/** The observability stack's alerts by key (the last segment of their construct path). */
function alertsOf(app: SynthesizedApp, stack: string): Map<string, SynthesizedResource> {
  const byKey = new Map<string, SynthesizedResource>();
  for (const r of app.ofType(...ALERT_TYPES).filter((a) => a.stack === stack)) {
    const key = (r.constructPath ?? '').split('/').pop()!.replace(/^AvailabilityAlert-/, 'availability-');
    byKey.set(key, r);
  }
  return byKey;
}

function expectation(app: SynthesizedApp, t: PlatformTopology, alerts: Map<string, SynthesizedResource>, r: SynthesizedResource): DrillExpectation {
  const [, scenario, region] = DRILL_PATH.exec(r.constructPath!)! as unknown as [string, DrillKind, string];
  const definition = definitionOf(r);
  const name = String(r.body.name);
  const group = app.referencedBy(r.stack, r.body.resource_group_name)[0];
  const url = `https://management.azure.com/subscriptions/<subscription-id>/resourceGroups/${String(group?.body.name ?? r.body.resource_group_name)}/providers/Microsoft.Chaos/experiments/${name}`;
  const model = scenarioModel(t, alerts, scenario, region, definition.zone);
  const ref = (key: string, reason: string): DrillAlert[] => (alerts.has(key) ? [{ key, name: String(alerts.get(key)!.body.name), reason }] : []);
  const list = (items: readonly [string, string][]) => items.flatMap(([key, reason]) => ref(key, reason));
  const mustFire = list(model.mustFire);
  const mustNotFire = list(model.mustNotFire);
  const sections = [...new Set([...model.runbook, ...[...mustFire, ...model.sectionFrom.flatMap(([key]) => ref(key, ''))].map((a) => readmeSection(alerts.get(a.key)!)).filter((s): s is string => s !== undefined)])];
  return {
    experiment: name, scenario, region, ...(definition.zone ? { zone: definition.zone } : {}), location: String(r.body.location ?? definition.location),
    durationMinutes: definition.minutes,
    faults: definition.faults.map((f) => ({ urn: f.urn, target: targetOf(app, r.stack, f.targets), parameters: Object.fromEntries(Object.entries(f.parameters).map(([k, v]) => [k, readable(app, r.stack, v)])) })),
    roles: app.resources.filter((a) => a.type === 'azurerm_role_assignment' && a.stack === r.stack && (a.constructPath ?? '').startsWith(`${r.constructPath!}-`))
      .map((a) => ({ role: String(a.body.role_definition_name), scope: resourceName(app, a.stack, a.body.scope) })),
    serving: model.serving,
    mustFire, mustNotFire, mayFire: list(model.mayFire),
    runbook: sections,
    notes: model.notes ?? [],
    commands: {
      start: `az rest --method post --url "${url}/start?api-version=2023-11-01"`,
      cancel: `az rest --method post --url "${url}/cancel?api-version=2023-11-01"`,
      status: `az rest --method get --url "${url}/executions?api-version=2023-11-01"`,
    },
  };
}

/** An experiment's faults, duration and zone, from the resource or (zone loss) its ARM template. */
function definitionOf(r: SynthesizedResource): { minutes: number; zone?: string; location?: string; faults: { urn: string; targets: unknown; parameters: { [key: string]: string } }[] } {
  if (r.type === 'azurerm_resource_group_template_deployment') {
    const template = JSON.parse(String(r.body.template_content)) as JsonObject;
    const experiment = (template.resources as JsonObject[])[0];
    const props = experiment.properties as JsonObject;
    const selector = (props.selectors as JsonObject[])[0];
    const action = ((((props.steps as JsonObject[])[0].branches as JsonObject[])[0].actions) as JsonObject[])[0];
    const parameters = Object.fromEntries((action.parameters as JsonObject[]).map((p) => [String(p.key), String(p.value)]));
    return {
      minutes: minutesOf(action.duration), zone: String((valueAt(selector, 'filter.parameters.zones') as string[])[0]), location: String(experiment.location),
      faults: [{ urn: String(action.name), targets: r.body.parameters_content, parameters }],
    };
  }
  const selectors = new Map(blocks(r.body.selectors).map((s) => [String(s.name), s.chaos_studio_target_ids]));
  const actions = blocks(r.body.steps).flatMap((s) => blocks(s.branch)).flatMap((b) => blocks(b.actions));
  const faults = actions.filter((a) => a.action_type !== 'delay').map((a) => ({
    urn: String(a.urn), targets: selectors.get(String(a.selector_name)),
    parameters: isObject(a.parameters) ? Object.fromEntries(Object.entries(a.parameters).map(([k, v]) => [k, String(v)])) : {},
  }));
  return { minutes: Math.max(...actions.map((a) => minutesOf(a.duration)).filter((m) => m > 0)), faults };
}

/** A parameter with its Terraform references named (`<private IP of azurerm_private_endpoint pe-kv>`). */
function readable(app: SynthesizedApp, stack: string, value: string): string {
  if (!isExpression(value)) return value;
  const refs = app.referencedBy(stack, value);
  return refs.length ? `${value.includes('private_ip_address') ? 'the private IP of ' : ''}${refs.map((x) => `${x.type} ${String(x.body.name)}`).join(', ')} (at apply)` : value;
}

const NSG_NOTE = 'An NSG deny rule refuses new connections at once; an established connection breaks only after 4 minutes idle (Chaos Studio fault library, NSG security rule limitations), so pooled connections may keep working for a while.';

const minutesOf = (duration: unknown): number => Number(/^PT(\d+)M$/.exec(String(duration ?? ''))?.[1] ?? 0);

/** The Terraform type and name of the resource a fault's Chaos Studio target onboards. */
function targetOf(app: SynthesizedApp, stack: string, targets: unknown): string {
  // Every target the value names (a zone-loss template's parameters nest several references in one expression).
  const text = typeof targets === 'string' ? targets : JSON.stringify(targets ?? null);
  const chaosTargets = [...text.matchAll(/azurerm_chaos_studio_target\.([A-Za-z0-9_-]+)/g)].map(([, name]) => app.find(stack, `azurerm_chaos_studio_target.${name}`)).filter((x): x is SynthesizedResource => x !== undefined);
  return chaosTargets.map((c) => `${c.body.target_type as string} on ${resourceName(app, c.stack, c.body.target_resource_id)}`).join(', ');
}

/** `type name` of the resource a value refers to (a data source's lookup shows as its arguments). */
function resourceName(app: SynthesizedApp, stack: string, value: unknown): string {
  const target = app.referencedBy(stack, value)[0];
  if (target) return `${target.type} ${isExpression(target.body.name) || target.body.name === undefined ? target.address : String(target.body.name)}`;
  const lookup = /data\.azurerm_resources\.([^.]+)\./.exec(String(value));
  if (lookup) {
    const tags = (app.stack(stack)?.json.data as JsonObject | undefined)?.azurerm_resources as JsonObject | undefined;
    const data = tags?.[lookup[1]] as JsonObject | undefined;
    return `the scale set of node pool ${String(valueAt(data ?? {}, 'required_tags.aks-managed-poolName'))}`;
  }
  return String(value);
}

/** The README section an alert's description points to (`Runbook: README section "Runbook: AKS"`). */
function readmeSection(alert: SynthesizedResource): string | undefined {
  const match = /README section "([^"]+)"/.exec(String(alert.body.description ?? ''));
  return match ? `README, "${match[1]}"` : undefined;
}

interface ScenarioModel {
  readonly serving: DrillExpectation['serving'];
  readonly mustFire: readonly [string, string][];
  readonly mustNotFire: readonly [string, string][];
  readonly mayFire: readonly [string, string][];
  readonly runbook: readonly string[];
  /** Alerts (must-not-fire ones too) whose README section applies. */
  readonly sectionFrom: readonly [string, string][];
  readonly notes?: readonly string[];
}

/** The expected alerts and states of a scenario, from the outage simulation where there is one. */
function scenarioModel(t: PlatformTopology, alerts: Map<string, SynthesizedResource>, scenario: DrillKind, region: string, zone: string | undefined): ScenarioModel {
  const others = t.regions.filter((r) => r.name !== region).map((r) => r.name);
  const quietElsewhere = [...alerts.keys()].filter((k) => others.some((o) => k.endsWith(`-${o}`) && !k.startsWith('availability-'))).map((k): [string, string] => [k, 'the drill touches nothing in this region']);
  const lost = t.regions.find((r) => r.name === region);
  switch (scenario) {
    case 'zoneLoss': return zoneModel(t, alerts, region, zone ?? '1', quietElsewhere);
    case 'regionLoss': return regionModel(t, region, lost?.role ?? '', quietElsewhere);
    case 'keyVaultLoss': return {
      serving: CAPABILITIES.map(({ key }) => ({ capability: key, state: 'up', reason: 'running pods keep the secrets the Key Vault provider mounted; only pods that start during the drill cannot mount theirs' })),
      mustFire: [],
      mustNotFire: [...entryTests(alerts, 'the running pods keep serving'), [`keyVaultAvailability-${region}`, 'the requests never reach the vault (its private endpoint refuses them), so the vault\'s own availability stays at 100%: the alert watches the vault, not the path to it'], ...quietElsewhere],
      mayFire: [[`aksPodsNotReady-${region}`, 'a pod that starts during the drill waits for its secrets volume'], [`aksContainerRestarts-${region}`, 'a container restarted during the drill cannot remount its secrets']],
      runbook: [], sectionFrom: [[`keyVaultAvailability-${region}`, '']], notes: [NSG_NOTE],
    };
    case 'eventBusLoss': return {
      serving: CAPABILITIES.map(({ key }) => (key === 'deliverEvents'
        ? { capability: key, state: 'down', reason: `the ${region} namespace's order-events topic is disabled: publishers get MessagingEntityDisabled, the tracking consumer receives nothing` }
        : { capability: key, state: 'up', reason: 'served without the event bus' })),
      mustFire: [],
      mustNotFire: [...entryTests(alerts, 'orders and tracking are served without the event bus'), ...quietElsewhere],
      mayFire: [[`serviceBusServerErrors-${region}`, 'a disabled topic answers with a client error (a user error, not a server error), so this stays quiet unless Service Bus itself fails: watch the Order service\'s publish failures in Application Insights'], [`deliveryTrackingBacklog-${region}`, 'nothing is delivered while the topic is disabled, and the backlog drains once it is active again']],
      runbook: [], sectionFrom: [[`serviceBusServerErrors-${region}`, '']],
    };
  }
}

/** The entry's availability tests, which must not fire while the pattern keeps serving. */
function entryTests(alerts: Map<string, SynthesizedResource>, reason: string): [string, string][] {
  return TESTED.map(({ stem }): [string, string] => [`availability-${stem}-entry`, reason]).filter(([k]) => alerts.has(k));
}

function zoneModel(t: PlatformTopology, alerts: Map<string, SynthesizedResource>, region: string, zone: string, quiet: readonly [string, string][]): ScenarioModel {
  const sim = simulateOutage(t, { region, zone });
  return {
    serving: sim.capabilities.map((c) => ({ capability: c.capability, state: c.afterFailover.state, reason: c.afterFailover.reason })),
    mustFire: [[`aksNodesNotReady-${region}`, `the zone ${zone} nodes of ${region} are shut down`]],
    mustNotFire: [
      ...entryTests(alerts, 'the other zones keep serving (zone spread and pod disruption budgets)'),
      ...TESTED.map(({ stem }): [string, string] => [`availability-${stem}-${region}`, `${region} keeps serving from its other zones`]),
      ['frontDoorOriginHealth-global', `${region}'s origins keep answering from the other zones`],
      ...quiet,
    ],
    mayFire: [[`aksPodsNotReady-${region}`, 'the lost zone\'s pods are rescheduled; some wait for the autoscaler\'s new nodes'], [`aksUnschedulablePods-${region}`, 'until the autoscaler adds nodes in the remaining zones'], [`aksReadinessProbeFailures-${region}`, 'pods moved to new nodes start cold']],
    runbook: [], sectionFrom: [[`aksNodesNotReady-${region}`, '']],
  };
}

function regionModel(t: PlatformTopology, region: string, role: string, quiet: readonly [string, string][]): ScenarioModel {
  const sim = simulateOutage(t, { region });
  const state = (c: Capability) => sim.capabilities.find((x) => x.capability === c)!;
  const served = (t.regions.find((r) => r.name === region)?.minPods ?? {});
  const mustFire: [string, string][] = TESTED.map(({ stem }): [string, string] => [`availability-${stem}-${region}`, `${region}'s public origin refuses every connection`]);
  // The surviving regions take the lost one's load: their scale-out alerts may fire, the rest must not.
  // Cells take no other cell's load (regionPinned).
  const scaling = t.pattern === 'regionPinned' ? /^$/ : /^(aksHpaAtMaximum|aksUnschedulablePods)-/;
  const mustNotFire: [string, string][] = quiet.filter(([k]) => !scaling.test(k));
  const mayFire: [string, string][] = quiet.filter(([k]) => scaling.test(k)).map(([k]): [string, string] => [k, `the region takes ${region}'s share of the load and scales out`]);
  if (Object.values(served).some((n) => n > 0)) mustFire.push(['frontDoorOriginHealth-global', `the probes of ${region}'s origins fail, and Front Door takes them out`]);
  for (const { stem, capability } of TESTED) {
    const outcome = state(capability).afterFailover;
    const key = `availability-${stem}-entry`;
    if (outcome.state === 'down') mustFire.push([key, `not served after failover: ${outcome.reason}`]);
    else if (t.pattern === 'regionPinned') mayFire.push([key, `${outcome.reason}: tests the entry routes to the lost cell fail until it returns`]);
    else if (state(capability).immediately.state === 'down') mayFire.push([key, `down right after a real loss until the failover (${state(capability).immediately.reason}); the drill leaves the data tier in place, so it fires only where the drill takes away what serves it`]);
    else mustNotFire.push([key, `${outcome.reason} (a failed run during the probes' detection is expected; the alert needs several locations failing at once)`]);
  }
  return {
    serving: sim.capabilities.map((c) => ({ capability: c.capability, state: c.afterFailover.state, reason: c.afterFailover.reason })),
    mustFire, mustNotFire, mayFire,
    runbook: [`runbook.md, "Failing over away from ${region} (${role})"`],
    notes: [
      t.pattern === 'regionPinned'
        ? `Chaos Studio has no Azure SQL, PostgreSQL or Service Bus fault: the ${region} cell's data tier keeps running, unreachable from its own cluster for the drill; no data moves to another cell.`
        : `Chaos Studio has no Azure SQL, PostgreSQL or Service Bus failover fault: the data tier homed in ${region} keeps running, and the other regions keep reaching it through their own private endpoints. Rehearse its failover with the runbook's planned commands during the drill, and fail back after it.`,
      NSG_NOTE,
      ...(t.trackingStore?.accounts.some((a) => a.regions[0] === region && a.regions.length > 1 && !a.multiWrite) ? [`Cosmos DB: the drill moves the write region of the accounts written in ${region} for its duration and back at its end.`] : []),
    ],
    sectionFrom: [['frontDoorOriginHealth-global', ''], [`availability-order-${region}`, '']],
  };
}

/** The drills report as Markdown: per drill, how to start it, what it does, and what must and must not happen. */
export function drillsMarkdown(report: DrillsReport): string {
  const out = [`# Failover drills: ${report.platform}`, '', `Pattern \`${report.pattern}\`. Start one drill at a time, watch the alerts below, and cancel the run if something not listed breaks (README, "Failover drills").`];
  for (const d of report.drills) {
    out.push('', `## ${d.experiment}: ${d.scenario} in ${d.region}${d.zone ? ` (zone ${d.zone})` : ''}`, '', `${d.durationMinutes} minutes; experiment in ${d.location}.`, '', '```sh', d.commands.start, `${d.commands.status}   # its runs`, `${d.commands.cancel}   # stops it; Chaos Studio restores what it changed`, '```', '', 'Faults:', '');
    for (const f of d.faults) out.push(`- \`${f.urn}\` on ${f.target}${Object.keys(f.parameters).length ? `: ${Object.entries(f.parameters).map(([k, v]) => `${k}=${v}`).join(', ')}` : ''}`);
    out.push('', `Roles of its identity: ${d.roles.map((r) => `${r.role} on ${r.scope}`).join('; ')}.`, '', 'What the pattern keeps serving through this loss (the outage simulation; the drill must not do worse):', '');
    for (const s of d.serving) out.push(`- ${s.capability}: **${s.state}**, ${s.reason}`);
    const alerts = (title: string, list: readonly DrillAlert[]) => (list.length ? ['', `${title}:`, '', ...list.map((a) => `- \`${a.name}\` (${a.key}): ${a.reason}`)] : []);
    out.push(...alerts('Must fire', d.mustFire), ...alerts('Must not fire', d.mustNotFire), ...alerts('May fire', d.mayFire));
    if (d.runbook.length) out.push('', `Runbook: ${d.runbook.join('; ')}.`);
    for (const n of d.notes) out.push('', n);
  }
  return `${out.join('\n')}\n`;
}
