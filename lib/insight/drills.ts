/**
 * What each failover drill of a platform must show: from the synthesized `<id>-drills` stack (its Chaos Studio
 * experiments, their faults, targets and roles), the platform's topology and outage simulation, and the alerts and
 * availability tests of its `<id>-observability` stack, the alerts that must fire, those that must not, what the
 * entry keeps serving, and the runbook sections that apply.
 */
import { blocks, isExpression, isObject, JsonObject, SynthesizedApp, SynthesizedResource, SynthesizedStack, valueAt } from '../rules/synthesized';
import { CAPABILITIES, CAPABILITY_SERVICE, Capability, ServiceState } from './outage';
import { nameOf, originRegion } from './runbook';
import { PlatformTopology, readTopology, SERVICES } from './topology';

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
   * Each capability while the drill runs, once what recovers by itself has (the entry's probes, Kubernetes, Cosmos DB's
   * failover): the drill's own faults on the platform's topology, not a real loss (`simulateOutage` models that).
   */
  readonly serving: readonly { readonly capability: Capability; readonly state: ServiceState; readonly reason: string }[];
  /**
   * Alerts that must fire: a drill where one stays silent found a gap in the monitoring. Every alert of the
   * observability stack is in exactly one of the three lists.
   */
  readonly mustFire: readonly DrillAlert[];
  /** Alerts that must not fire: one that fires found a failure the pattern should have absorbed. */
  readonly mustNotFire: readonly DrillAlert[];
  /** Alerts that may fire, with why. */
  readonly mayFire: readonly DrillAlert[];
  /** The runbook sections that apply (README sections, and `runbook.md` sections). */
  readonly runbook: readonly string[];
  /** Where the drill is milder than the loss it rehearses, what it cannot show, and what to rehearse beside it. */
  readonly notes: readonly string[];
  /**
   * The Azure CLI commands that start the run, list its runs and cancel it (`{subscriptionId}`: `az rest` fills in the
   * current subscription), and those that check (and where a cancelled run leaves it, restore) what it changed.
   */
  readonly commands: { readonly start: string; readonly status: string; readonly cancel: string; readonly checks: readonly string[] };
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
/** The services' availability-test key stems, their app label and the capabilities each serves. */
const TESTED = [{ stem: 'order', app: SERVICES.order }, { stem: 'tracking', app: SERVICES.tracking }] as const;

/** An alert of the observability stack: its key, its resource and the region it watches (none: global). */
interface Alert {
  readonly key: string;
  readonly resource: SynthesizedResource;
  readonly region?: string;
}

/** The drills of a platform from its synthesized stacks; `undefined` when it has no `<id>-drills` stack. */
export function drillsReport(stacks: readonly SynthesizedStack[], id: string): DrillsReport | undefined {
  const app = new SynthesizedApp(stacks);
  const stack = `${id}-drills`;
  if (!app.stack(stack)) return undefined;
  const topology = readTopology(stacks, id);
  const alerts = alertsOf(app, `${id}-observability`, topology.regions.map((r) => r.name));
  const traffic = trafficRegions(app, topology);
  const drills = app.resources
    .filter((r) => r.stack === stack && (r.type === 'azurerm_chaos_studio_experiment' || r.type === 'azurerm_resource_group_template_deployment') && DRILL_PATH.test(r.constructPath ?? ''))
    .map((r) => expectation(app, topology, alerts, traffic, r))
    // The scenarios in the order the drills stack creates them, each over the regions in the platform's order.
    .sort((x, y) => KINDS.indexOf(x.scenario) - KINDS.indexOf(y.scenario) || regionIndex(topology, x.region) - regionIndex(topology, y.region));
  return { platform: id, pattern: topology.pattern, drills };
}

/**
 * The regions the entry sends requests to: with Front Door, those with an origin of the lowest priority in its group
 * (a priority-2 standby gets none until the others fail); otherwise those that run pods.
 */
function trafficRegions(app: SynthesizedApp, t: PlatformTopology): Set<string> {
  const origins = app.ofType('azurerm_cdn_frontdoor_origin').filter((o) => o.stack === `${t.id}-edge` && o.body.enabled !== false);
  if (origins.length === 0) return new Set(t.regions.filter((r) => Object.values(r.minPods).some((n) => n > 0)).map((r) => r.name));
  const group = (o: SynthesizedResource) => String(o.body.cdn_frontdoor_origin_group_id);
  const lowest = (g: string) => Math.min(...origins.filter((o) => group(o) === g).map((o) => Number(o.body.priority ?? 1)));
  return new Set(origins.filter((o) => Number(o.body.priority ?? 1) === lowest(group(o))).map((o) => String(originRegion(o))));
}

/**
 * The observability stack's alerts by key (the last segment of their construct path), each with the region it
 * watches: an availability test's from its key (`<service>-<region>`; `<service>-entry` is global), any other's from
 * the location of the resource it is scoped to (a standby namespace is in its own region), else from its key.
 */
function alertsOf(app: SynthesizedApp, stack: string, regions: readonly string[]): Map<string, Alert> {
  const byKey = new Map<string, Alert>();
  for (const r of app.ofType(...ALERT_TYPES).filter((a) => a.stack === stack)) {
    const key = (r.constructPath ?? '').split('/').pop()!.replace(/^AvailabilityAlert-/, 'availability-');
    // A failover group's alerts belong to its home (their key); their scopes name the partner's copy too.
    const located = key.startsWith('availability-') || key.startsWith('sql') ? undefined : app.referencedBy(r.stack, r.body.scopes).map((x) => x.body.location).find((l): l is string => typeof l === 'string' && regions.includes(l));
    const region = located ?? regions.find((g) => key.endsWith(`-${g}`));
    byKey.set(key, { key, resource: r, ...(region ? { region } : {}) });
  }
  return byKey;
}

function expectation(app: SynthesizedApp, t: PlatformTopology, alerts: Map<string, Alert>, traffic: ReadonlySet<string>, r: SynthesizedResource): DrillExpectation {
  const [, scenario, region] = DRILL_PATH.exec(r.constructPath!)! as unknown as [string, DrillKind, string];
  const definition = definitionOf(r);
  const name = String(r.body.name);
  const url = `https://management.azure.com/subscriptions/{subscriptionId}/resourceGroups/${nameOf(app, r, 'resource_group_name')}/providers/Microsoft.Chaos/experiments/${name}`;
  const targets = targetsOf(app, r.stack, definition.faults.map((f) => f.targets));
  const model = scenarioModel(t, traffic, scenario, region, definition.zone);
  const lists = classify(model, alerts, region);
  const sections = [...new Set([...model.runbook, ...[...lists.mustFire.map((a) => a.key), ...model.sectionFrom].filter((k) => alerts.has(k)).map((k) => readmeSection(alerts.get(k)!.resource)).filter((x): x is string => x !== undefined)])];
  return {
    experiment: name, scenario, region, ...(definition.zone ? { zone: definition.zone } : {}), location: String(r.body.location ?? definition.location),
    durationMinutes: definition.minutes,
    faults: definition.faults.map((f) => ({ urn: f.urn, target: targetsOf(app, r.stack, f.targets).map((x) => `${String(x.body.target_type)} on ${resourceName(app, x.stack, x.body.target_resource_id)}`).join(', '), parameters: Object.fromEntries(Object.entries(f.parameters).map(([k, v]) => [k, readable(app, r.stack, v)])) })),
    roles: app.resources.filter((a) => a.type === 'azurerm_role_assignment' && a.stack === r.stack && (a.constructPath ?? '').startsWith(`${r.constructPath!}-`))
      .map((a) => ({ role: String(a.body.role_definition_name), scope: resourceName(app, a.stack, a.body.scope) })),
    serving: model.serving,
    ...lists,
    runbook: sections,
    notes: [...model.notes, ...(lists.mustFire.length === 0 ? [`No alert of the platform is sure to fire for this drill: a gap in the monitoring it shows. ${model.gap ?? ''}`.trim()] : [])],
    commands: {
      start: `az rest --method post --url "${url}/start?api-version=2023-11-01"`,
      status: `az rest --method get --url "${url}/executions?api-version=2023-11-01"`,
      cancel: `az rest --method post --url "${url}/cancel?api-version=2023-11-01"`,
      checks: targets.flatMap((x) => checksOf(app, x, definition.faults)),
    },
  };
}

/**
 * Every alert in one list: the scenario's own first; then the drilled region's other alerts as the scenario says
 * (quiet, or possibly firing where the region is cut off); the other regions' must stay quiet, apart from the
 * scale-out alerts of regions that take a lost region's load; the global ones as the scenario says.
 */
function classify(model: ScenarioModel, alerts: Map<string, Alert>, region: string): Pick<DrillExpectation, 'mustFire' | 'mustNotFire' | 'mayFire'> {
  const out: { [list in 'mustFire' | 'mustNotFire' | 'mayFire']: DrillAlert[] } = { mustFire: [], mustNotFire: [], mayFire: [] };
  const placed = new Set<string>();
  const put = (list: keyof typeof out, key: string, reason: string) => {
    const alert = alerts.get(key);
    if (!alert || placed.has(key)) return;
    placed.add(key);
    out[list].push({ key, name: String(alert.resource.body.name), reason });
  };
  for (const list of ['mustFire', 'mustNotFire', 'mayFire'] as const) for (const [key, reason] of model[list]) put(list, key, reason);
  // Nobody forces a failover group over in a drill: the region is back when it ends.
  for (const alert of alerts.values()) if (alert.key.startsWith('sqlForcedFailover-')) put('mustNotFire', alert.key, 'a drill never needs a forced failover: the region is back when it ends');
  for (const alert of alerts.values()) {
    if (alert.region === region) put(model.rest[0], alert.key, model.rest[1]);
    else if (alert.region === undefined) put('mustNotFire', alert.key, model.global);
    else if (model.takesLoad && /^(aksHpaAtMaximum|aksUnschedulablePods)-/.test(alert.key)) put('mayFire', alert.key, `the region takes ${region}'s share of the load and scales out`);
    else put('mustNotFire', alert.key, `the drill touches nothing in ${alert.region}`);
  }
  return out;
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
  // A one-item list of a resource's name, read from another stack (`["order-events"]`).
  const list = /^\$\{jsonencode\(\[(.+name)\]\)\}$/.exec(value);
  const named = list ? app.referencedBy(stack, `\${${list[1]}}`)[0] : undefined;
  if (typeof named?.body.name === 'string' && !isExpression(named.body.name)) return JSON.stringify([named.body.name]);
  const refs = app.referencedBy(stack, value);
  return refs.length ? `${value.includes('private_ip_address') ? 'the private IP of ' : ''}${refs.map((x) => `${x.type} ${String(x.body.name)}`).join(', ')} (at apply)` : value;
}

const minutesOf = (duration: unknown): number => Number(/^PT(\d+)M$/.exec(String(duration ?? ''))?.[1] ?? 0);

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

/** The Chaos Studio targets a value names (a zone-loss template's parameters nest several references in one expression). */
function targetsOf(app: SynthesizedApp, stack: string, value: unknown): SynthesizedResource[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  const names = [...new Set([...text.matchAll(/azurerm_chaos_studio_target\.([A-Za-z0-9_-]+)/g)].map(([, name]) => name))];
  return names.map((name) => app.find(stack, `azurerm_chaos_studio_target.${name}`)).filter((x): x is SynthesizedResource => x !== undefined);
}

/** The commands that show a target's resource is back as it was (and, for a topic a cancelled run leaves disabled, restore it). */
function checksOf(app: SynthesizedApp, target: SynthesizedResource, faults: readonly { readonly parameters: { readonly [key: string]: string } }[]): string[] {
  const resource = app.referencedBy(target.stack, target.body.target_resource_id)[0];
  switch (String(target.body.target_type)) {
    case 'Microsoft-NetworkSecurityGroup':
      return resource ? [`az network nsg rule list --resource-group ${nameOf(app, resource, 'resource_group_name')} --nsg-name ${String(resource.body.name)} --query "[?starts_with(name, 'chaos-drill')].name" -o tsv   # prints nothing once restored`] : [];
    case 'Microsoft-CosmosDB':
      return resource ? [`az cosmosdb show --resource-group ${nameOf(app, resource, 'resource_group_name')} --name ${String(resource.body.name)} --query "writeLocations[].locationName" -o tsv   # the write region is back`] : [];
    case 'Microsoft-ServiceBus': {
      const topic = faults.map((f) => app.referencedBy(target.stack, String(f.parameters.topics ?? '').replace(/^\$\{jsonencode\(\[(.+)\]\)\}$/, '$${$1}'))[0]).find((x) => x !== undefined);
      if (!resource || !topic) return [];
      const where = `--resource-group ${nameOf(app, resource, 'resource_group_name')} --namespace-name ${String(resource.body.name)} --name ${String(topic.body.name)}`;
      return [`az servicebus topic show ${where} --query status -o tsv   # Active once restored`, `az servicebus topic update ${where} --status Active   # a run cancelled before its last step leaves the topic disabled`];
    }
    default: {
      // A node pool's scale set, looked up in the cluster's node resource group.
      const lookup = /data\.azurerm_resources\.([^.]+)\./.exec(String(target.body.target_resource_id));
      const data = lookup ? ((app.stack(target.stack)?.json.data as JsonObject | undefined)?.azurerm_resources as JsonObject | undefined)?.[lookup[1]] as JsonObject | undefined : undefined;
      const cluster = data ? app.referencedBy(target.stack, data.resource_group_name)[0] : undefined;
      return cluster ? [`az aks nodepool show --resource-group ${nameOf(app, cluster, 'resource_group_name')} --cluster-name ${String(cluster.body.name)} --name ${String(valueAt(data!, 'required_tags.aks-managed-poolName'))} --query "{nodes: count, state: provisioningState, power: powerState.code}" -o table   # Running, its node count`] : [];
    }
  }
}

/** What a scenario does: the capabilities during the drill, its alert lists, and how to take the rest of the alerts. */
interface ScenarioModel {
  readonly serving: DrillExpectation['serving'];
  readonly mustFire: readonly [string, string][];
  readonly mustNotFire: readonly [string, string][];
  readonly mayFire: readonly [string, string][];
  /** The drilled region's other alerts: the list they go to and why. */
  readonly rest: readonly ['mustNotFire' | 'mayFire', string];
  /** Why the global alerts not listed must stay quiet. */
  readonly global: string;
  /** Whether the other regions take the drilled region's load (their scale-out alerts may fire). */
  readonly takesLoad?: boolean;
  readonly runbook: readonly string[];
  /** Alerts (of any list) whose README section applies. */
  readonly sectionFrom: readonly string[];
  readonly notes: readonly string[];
  /** What to watch where no alert is sure to fire. */
  readonly gap?: string;
}

const NSG_NOTE = 'An NSG deny rule drops the packets of new connections (clients time out rather than being refused), and an established connection breaks only after 4 minutes idle (Chaos Studio fault library, NSG security rule limitations): a busy pooled connection (Front Door\'s to its origins, the pods\' to the databases) can survive the whole drill. To make every connection new, restart the region\'s workloads (kubectl rollout restart deployment -n <namespace>) once the drill has started.';

function scenarioModel(t: PlatformTopology, traffic: ReadonlySet<string>, scenario: DrillKind, region: string, zone: string | undefined): ScenarioModel {
  switch (scenario) {
    case 'zoneLoss': return zoneModel(t, region, zone ?? '1');
    case 'regionLoss': return regionModel(t, traffic, region);
    case 'keyVaultLoss': return {
      serving: CAPABILITIES.map(({ key }) => ({ capability: key, state: 'up', reason: 'running pods keep the secrets the Key Vault provider mounted; only pods that start during the drill cannot mount theirs' })),
      mustFire: [],
      mustNotFire: [...entryTests('the running pods keep serving'), [`keyVaultAvailability-${region}`, 'the requests never reach the vault (its private endpoint refuses them), so the vault\'s own availability stays at 100%: the alert watches the vault, not the path to it']],
      mayFire: [[`aksPodsNotReady-${region}`, 'a pod that starts during the drill waits for its secrets volume'], [`aksContainerRestarts-${region}`, 'a container restarted during the drill cannot remount its secrets']],
      rest: ['mustNotFire', 'the drill blocks only the path to the Key Vault'], global: 'the running pods keep serving',
      runbook: [], sectionFrom: [`keyVaultAvailability-${region}`], notes: [NSG_NOTE],
      gap: `Watch the Key Vault provider's mount errors (kubectl get events -A --field-selector reason=FailedMount) in ${region}.`,
    };
    case 'eventBusLoss': return {
      serving: CAPABILITIES.map(({ key }) => (key === 'deliverEvents'
        ? eventsDuring(t, region)
        : { capability: key, state: 'up', reason: 'served without the event bus' })),
      mustFire: [],
      mustNotFire: [
        ...entryTests('orders and tracking are served without the event bus'),
        [`serviceBusServerErrors-${region}`, 'a disabled topic answers with a client error (a user error), not a server error'],
        [`deliveryTrackingBacklog-${region}`, 'nothing is published while the topic is disabled, so the backlog does not grow'],
      ],
      mayFire: [],
      rest: ['mustNotFire', 'the drill disables only the topic'], global: 'orders and tracking are served without the event bus',
      runbook: [], sectionFrom: [`serviceBusServerErrors-${region}`], notes: [],
      gap: 'Watch the Order service\'s failed publishes (Application Insights dependency failures to Service Bus), and that the tracking consumer catches up once the topic is active.',
    };
  }
}

/** Delivering events while a region's topic is disabled: down with one home namespace, degraded where others keep delivering. */
function eventsDuring(t: PlatformTopology, region: string): DrillExpectation['serving'][number] {
  const disabled = `the ${region} namespace's order-events topic is disabled: its publishers get MessagingEntityDisabled, its consumer receives nothing`;
  const others = (t.events?.namespaces ?? []).filter((n) => n.region !== region).map((n) => n.region);
  return others.length ? { capability: 'deliverEvents', state: 'degraded', reason: `${disabled}; the namespaces of ${others.join(', ')} keep delivering` } : { capability: 'deliverEvents', state: 'down', reason: disabled };
}

/** The entry's availability tests, which must stay quiet while the pattern keeps serving. */
function entryTests(reason: string): [string, string][] {
  return TESTED.map(({ stem }): [string, string] => [`availability-${stem}-entry`, reason]);
}

/** Zone loss: the zone's AKS nodes stop; the pods restart in the other zones; the data tier (zone-redundant) is untouched. */
function zoneModel(t: PlatformTopology, region: string, zone: string): ScenarioModel {
  const here = t.regions.find((r) => r.name === region)!;
  return {
    serving: CAPABILITIES.map(({ key }) => {
      const app = CAPABILITY_SERVICE[key];
      return (here.minPods[app] ?? 0) > 0
        ? { capability: key, state: 'up', reason: `${app}'s pods on the zone ${zone} nodes of ${region} restart in the other zones (zone spread and disruption budgets keep the rest serving); the drill stops only AKS nodes, so the data tier is untouched` }
        : { capability: key, state: 'up', reason: `${app} is not served from ${region}` };
    }),
    mustFire: [[`aksNodesNotReady-${region}`, `the zone ${zone} nodes of ${region} are shut down`]],
    mustNotFire: [...entryTests('the other zones keep serving'), ...TESTED.map(({ stem }): [string, string] => [`availability-${stem}-${region}`, `${region} keeps serving from its other zones`]), ['frontDoorOriginHealth-global', `${region}'s origins keep answering from the other zones`]],
    mayFire: [['frontDoor5xx-global', 'requests to pods on the stopped nodes fail until Kubernetes marks the nodes NotReady (about 40-50 s) and takes their endpoints out'], [`aksPodsNotReady-${region}`, 'the lost zone\'s pods are rescheduled; some wait for the autoscaler\'s new nodes'], [`aksUnschedulablePods-${region}`, 'until the autoscaler adds nodes in the remaining zones'], [`aksReadinessProbeFailures-${region}`, 'pods moved to new nodes start cold'], [`aksContainerRestarts-${region}`, 'pods moved to new nodes start over']],
    rest: ['mustNotFire', 'the drill stops only one zone\'s AKS nodes'], global: 'the other zones keep serving',
    runbook: [], sectionFrom: [`aksNodesNotReady-${region}`],
    notes: ['AKS node auto-repair acts on nodes that stay NotReady (Microsoft Learn, "Azure Kubernetes Service (AKS) node auto-repair") and may start the stopped instances before the drill ends: keep zone-loss drills short, and read an early return of the nodes as the repair, not as the drill.'],
  };
}

/** Region loss: the region's nodes and private endpoints refuse connections; the entry routes around it; its Cosmos DB accounts fail over. */
function regionModel(t: PlatformTopology, traffic: ReadonlySet<string>, region: string): ScenarioModel {
  const here = t.regions.find((r) => r.name === region)!;
  const pinned = t.pattern === 'regionPinned';
  const busy = traffic.has(region);
  const cosmos = t.trackingStore?.accounts.filter((a) => a.regions[0] === region && a.regions.length > 1 && !a.multiWrite) ?? [];
  const serving = CAPABILITIES.map(({ key }): DrillExpectation['serving'][number] => {
    const app = CAPABILITY_SERVICE[key];
    const others = t.regions.filter((r) => r.name !== region && (r.minPods[app] ?? 0) > 0).map((r) => r.name);
    const moved = key === 'trackDelivery' && cosmos.length ? `; Cosmos DB writes move to ${cosmos.map((a) => a.regions[1]).join(', ')} for the drill` : '';
    if (pinned) return { capability: key, state: 'degraded', reason: `users of the ${region} cell are not served for the drill (no cross-cell fallback); other cells are unaffected` };
    if ((here.minPods[app] ?? 0) === 0 || !busy) return { capability: key, state: 'up', reason: `${region} serves no requests (${(here.minPods[app] ?? 0) === 0 ? `no ${app} pods` : 'a standby the entry sends nothing to'})${moved}` };
    if (others.length === 0) return { capability: key, state: 'down', reason: `${app} has no pods outside ${region} (pilot light) until the standby is made active (workloads.standbyActive)` };
    return { capability: key, state: 'up', reason: `served from ${others.join(', ')} once the entry's probes take ${region} out (1-2 min); the drill leaves the data tier reachable from there${moved}` };
  });
  const mustFire: [string, string][] = TESTED.map(({ stem }): [string, string] => [`availability-${stem}-${region}`, `${region}'s public origin refuses every new connection`]);
  if (Object.values(here.minPods).some((n) => n > 0)) mustFire.push(['frontDoorOriginHealth-global', `the probes of ${region}'s origins fail, and Front Door takes them out`]);
  const mustNotFire: [string, string][] = [];
  const mayFire: [string, string][] = [];
  (busy ? mayFire : mustNotFire).push(['frontDoor5xx-global', busy ? `requests sent to ${region} before the probes take it out fail` : `the entry sends no requests to ${region}`]);
  for (const { stem, app } of TESTED) {
    const state = serving.find((s) => CAPABILITY_SERVICE[s.capability] === app)!;
    const key = `availability-${stem}-entry`;
    if (state.state === 'down') mustFire.push([key, state.reason]);
    else if (state.state === 'degraded') mayFire.push([key, `${state.reason}: the test runs the entry routes to the lost cell fail until it returns, so it fires when at least the alert's number of failing locations are routed there`]);
    else if (busy) mayFire.push([key, `${state.reason}: the runs during the probes' detection fail, and the alert fires if enough locations run then`]);
    else mustNotFire.push([key, state.reason]);
  }
  // The region's own alerts: quiet unless a fault reaches what they watch.
  mayFire.push(
    [`sqlFailover-${region}`, 'fires if you rehearse the failover group\'s planned failover (the notes)'],
    [`aksReadinessProbeFailures-${region}`, `${region}'s pods reach none of its data tier: readiness probes that check it fail`],
    [`aksContainerRestarts-${region}`, `liveness probes that check the data tier restart ${region}'s pods`],
    [`aksPodsNotReady-${region}`, 'pods restarted during the drill may not start'],
    [`deliveryTrackingBacklog-${region}`, `${region}'s consumer reaches none of its namespace while publishers elsewhere may still send to it`],
    ...(cosmos.length ? ['cosmosAvailability', 'cosmosServerSideLatency', 'cosmosReplicationLatency', 'cosmosThrottledRequests'].map((a): [string, string] => [`${a}-${region}`, `the drill fails the account over to ${cosmos[0].regions[1]}${a === 'cosmosAvailability' ? ' (this alert has a one-hour window: it may fire up to an hour after the drill)' : ''}`]) : []),
  );
  return {
    serving, mustFire, mustNotFire, mayFire, takesLoad: busy && !pinned,
    rest: ['mustNotFire', `the drill leaves what this alert watches running; ${region}'s blocked clients never reach it`], global: 'the other regions keep serving',
    runbook: [`runbook.md, "Failing over away from ${region} (${here.role})"`], sectionFrom: ['frontDoorOriginHealth-global', `availability-order-${region}`],
    notes: [NSG_NOTE, ...rehearsal(t, region), ...(cosmos.length ? [`Cosmos DB: the drill moves the write region of the accounts written in ${region} for its duration and back at its end; do not change it yourself meanwhile.`] : [])],
  };
}

/** What of the data tier's failover can be rehearsed during a region-loss drill (Chaos Studio fails none of it). */
function rehearsal(t: PlatformTopology, region: string): string[] {
  if (t.pattern === 'regionPinned') return [`Chaos Studio has no Azure SQL, PostgreSQL or Service Bus failover fault: the ${region} cell's data tier keeps running, unreachable from its own cluster for the drill; no data moves to another cell.`];
  const cells = t.orderDatabase?.cells.filter((c) => c.home === region && c.failoverTarget && c.failoverTarget !== region) ?? [];
  const out = [`Chaos Studio has no Azure SQL, PostgreSQL or Service Bus failover fault: the data tier homed in ${region} keeps running, and the other regions keep reaching it through their own private endpoints.`];
  if (cells.some((c) => c.failover.kind === 'failoverGroup')) out.push(`To rehearse the Order database's failover too, run the planned failover of its failover group from runbook.md during the drill, and fail back with the planned command in the other direction after it.`);
  if (cells.some((c) => c.failover.kind === 'virtualEndpoint')) out.push('Do not rehearse the PostgreSQL switchover during a drill: afterwards the data stack needs its virtual endpoint re-imported (runbook.md), which is a change of its own, previewed with order-platform diff.');
  return out;
}

/** The drills report as Markdown: per drill, how to start it, what it does, and what must and must not happen. */
export function drillsMarkdown(report: DrillsReport): string {
  const out = [`# Failover drills: ${report.platform}`, '', `Pattern \`${report.pattern}\`. Run one drill at a time (overlapping drills blur each other's expectations), watch the alerts below, and cancel the run if an alert under "Must not fire" fires or anything outside the drill breaks (README, "Failover drills").`];
  for (const d of report.drills) {
    out.push('', `## ${d.experiment}: ${d.scenario} in ${d.region}${d.zone ? ` (zone ${d.zone})` : ''}`, '', `${d.durationMinutes} minutes; experiment in ${d.location}.`, '', '```sh', d.commands.start, `${d.commands.status}   # its runs`, `${d.commands.cancel}   # stops it; Chaos Studio undoes its continuous faults`, '```', '', 'Faults:', '');
    for (const f of d.faults) out.push(`- \`${f.urn}\` on ${f.target}${Object.keys(f.parameters).length ? `: ${Object.entries(f.parameters).map(([k, v]) => `${k}=${v}`).join(', ')}` : ''}`);
    out.push('', `Roles of its identity: ${d.roles.map((r) => `${r.role} on ${r.scope}`).join('; ')}.`, '', 'During the drill:', '');
    for (const s of d.serving) out.push(`- ${s.capability}: **${s.state}**, ${s.reason}`);
    const alerts = (title: string, list: readonly DrillAlert[]) => ['', `${title}:`, '', ...(list.length ? list.map((a) => `- \`${a.name}\` (${a.key}): ${a.reason}`) : ['- none'])];
    out.push(...alerts('Must fire', d.mustFire), ...alerts('Must not fire', d.mustNotFire), ...alerts('May fire', d.mayFire));
    if (d.runbook.length) out.push('', `Runbook: ${d.runbook.join('; ')}.`);
    for (const n of d.notes) out.push('', n);
    if (d.commands.checks.length) out.push('', 'After the run, check that everything is back:', '', '```sh', ...d.commands.checks, '```');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
