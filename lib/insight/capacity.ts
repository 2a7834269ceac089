import { isObject, JsonObject, valueAt } from '../rules/synthesized';

/** One Deployment of a service as the capacity model sees it. */
interface DeploymentState {
  readonly address: string;
  readonly name: string;
  readonly labels: { readonly [key: string]: string };
  readonly replicas: number;
  /** HPA range when an HPA owns the count (the config's replicas then only matter at creation). */
  readonly hpa?: { readonly min: number; readonly max: number };
  readonly dependsOn: readonly string[];
}

interface ServiceState {
  readonly address: string;
  readonly selector: { readonly [key: string]: string };
  readonly dependsOn: readonly string[];
}

/** The resources of one type in a stack, as [name, body]. */
function entries(json: JsonObject | undefined, type: string): [string, JsonObject][] {
  const named = valueAt(json ?? {}, `resource.${type}`);
  return isObject(named) ? Object.entries(named).filter((e): e is [string, JsonObject] => isObject(e[1])) : [];
}

/** A map of strings (labels, selectors). */
function strings(value: unknown): { readonly [key: string]: string } {
  return isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : {};
}

/** A list of strings (`depends_on`). */
function list(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function deploymentsOf(json: JsonObject | undefined, service: string): DeploymentState[] {
  // The autoscalers' ranges by target name: HPAs, and KEDA ScaledObjects (kubernetes_manifest), which manage an HPA.
  const hpas = [
    ...entries(json, 'kubernetes_horizontal_pod_autoscaler_v2').map(([, h]) => ({ name: valueAt(h, 'metadata.name'), min: Number(valueAt(h, 'spec.min_replicas')), max: Number(valueAt(h, 'spec.max_replicas')) })),
    ...entries(json, 'kubernetes_manifest').filter(([, m]) => valueAt(m, 'manifest.kind') === 'ScaledObject')
      .map(([, m]) => ({ name: valueAt(m, 'manifest.spec.scaleTargetRef.name'), min: Number(valueAt(m, 'manifest.spec.minReplicaCount') ?? 1), max: Number(valueAt(m, 'manifest.spec.maxReplicaCount') ?? 100) })),
  ];
  return entries(json, 'kubernetes_deployment_v1')
    .filter(([, d]) => valueAt(d, 'spec.template.metadata.labels.app') === service)
    .map(([id, d]) => {
      const name = String(valueAt(d, 'metadata.name'));
      const range = hpas.find((h) => h.name === name);
      const ownsCount = range !== undefined && JSON.stringify(valueAt(d, 'lifecycle.ignore_changes') ?? []).includes('spec[0].replicas');
      return {
        address: `kubernetes_deployment_v1.${id}`, name, labels: strings(valueAt(d, 'spec.template.metadata.labels')), replicas: Number(valueAt(d, 'spec.replicas')),
        ...(ownsCount ? { hpa: { min: range.min, max: range.max } } : {}), dependsOn: list(d.depends_on),
      };
    });
}

function mainServiceOf(json: JsonObject | undefined, service: string): ServiceState | undefined {
  const entry = entries(json, 'kubernetes_service_v1').find(([, s]) => valueAt(s, 'metadata.name') === service);
  return entry ? { address: `kubernetes_service_v1.${entry[0]}`, selector: strings(valueAt(entry[1], 'spec.selector')), dependsOn: list(entry[1].depends_on) } : undefined;
}

const selects = (service: ServiceState | undefined, d: DeploymentState) => !!service && Object.entries(service.selector).every(([k, v]) => d.labels[k] === v);

/** What one service can serve across one apply, in ready pods behind its Service. */
export interface CapacityReport {
  /** Guaranteed ready pods before (an HPA-owned count is at least its minimum). */
  readonly before: number;
  /** Guaranteed ready pods right after the apply. */
  readonly after: number;
  /** The fewest ready pods at any moment of the apply. */
  readonly during: number;
  /** What the Deployments the Service stops sending to may have carried (an HPA's maximum). */
  readonly handedOver: number;
  /** Ready pods selected when the Service switches. */
  readonly atSwitch: number;
  /** Deployments an HPA would own at zero pods (an HPA never scales from zero). */
  readonly stuckAtZero: readonly string[];
}

/** The services (the `app` label of the Deployments) of an apps stack, in either synth. */
export function servicesOf(...stacks: readonly (JsonObject | undefined)[]): string[] {
  return [...new Set(stacks.flatMap((json) => entries(json, 'kubernetes_deployment_v1').map(([, d]) => valueAt(d, 'spec.template.metadata.labels.app')).filter((a): a is string => typeof a === 'string')))].sort();
}

/**
 * The serving capacity of one service in one `-apps` stack across an apply, from the two synths: Terraform applies a
 * Deployment before the Service that depends on it (and waits for its rollout), and a Deployment that depends on the
 * Service after it; a Deployment whose count falls drops at once, one whose count rises counts only once its update
 * is done; an HPA never lowers a count because its minimum fell (only load does, after its stabilisation window), and a
 * count Terraform ignores stays what it was.
 */
export function capacity(before: JsonObject | undefined, after: JsonObject | undefined, service: string): CapacityReport {
  const db = deploymentsOf(before, service);
  const da = deploymentsOf(after, service);
  const sb = mainServiceOf(before, service);
  const sa = mainServiceOf(after, service);
  const prior = new Map(db.map((d) => [d.address, d]));
  const floorBefore = (d: DeploymentState) => (d.hpa ? Math.max(d.replicas, d.hpa.min) : d.replicas);
  const stuckAtZero: string[] = [];
  const countAfter = (d: DeploymentState): number => {
    const old = prior.get(d.address);
    if (!d.hpa) return d.replicas;
    if (!old) return Math.max(d.replicas, 0);
    const held = floorBefore(old);
    if (held === 0) stuckAtZero.push(d.name);
    return held === 0 ? 0 : Math.max(held, d.hpa.min);
  };
  const afterCounts = new Map(da.map((d) => [d.address, countAfter(d)]));
  const beforeCounts = new Map(db.map((d) => [d.address, floorBefore(d)]));
  const serviceAddress = sa?.address ?? sb?.address ?? '';
  const firstSet = new Set(sa?.dependsOn ?? []);
  // Ordered after the switch: Deployments that depend on the Service (new config), and those destroyed whose old
  // config the Service depended on (Terraform destroys a dependency after updating its dependents).
  const lateSet = new Set([...da.filter((d) => d.dependsOn.includes(serviceAddress)).map((d) => d.address), ...db.filter((d) => !afterCounts.has(d.address) && (sb?.dependsOn ?? []).includes(d.address)).map((d) => d.address)]);
  const all = [...new Set([...db.map((d) => d.address), ...da.map((d) => d.address)])];
  const stateOf = (address: string) => da.find((d) => d.address === address) ?? db.find((d) => d.address === address)!;
  const b = (address: string) => beforeCounts.get(address) ?? 0;
  const a = (address: string) => afterCounts.get(address) ?? 0;
  // Ready pods of a Deployment in each phase: before the switch, at the switch, and after.
  const phaseA = (address: string) => (lateSet.has(address) ? b(address) : Math.min(b(address), a(address)));
  const phaseB = (address: string) => (lateSet.has(address) ? b(address) : firstSet.has(address) ? a(address) : Math.min(b(address), a(address)));
  const sum = (svc: ServiceState | undefined, count: (address: string) => number) => all.filter((x) => selects(svc, stateOf(x))).reduce((acc, x) => acc + count(x), 0);
  const beforeTotal = db.filter((d) => selects(sb, d)).reduce((acc, d) => acc + floorBefore(d), 0);
  const afterTotal = da.filter((d) => selects(sa, d)).reduce((acc, d) => acc + a(d.address), 0);
  const atSwitch = sum(sa, phaseB);
  const during = Math.min(sum(sb, phaseA), atSwitch, afterTotal);
  const deselected = db.filter((d) => selects(sb, d) && (!afterCounts.has(d.address) || !selects(sa, stateOf(d.address))));
  const handedOver = deselected.reduce((acc, d) => acc + (d.hpa ? d.hpa.max : d.replicas), 0);
  return { before: beforeTotal, after: afterTotal, during, handedOver, atSwitch, stuckAtZero };
}
