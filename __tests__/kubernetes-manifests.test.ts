import { EXAMPLES } from '../examples';
import { exampleStacks } from './support/examples';
import { StackJson } from './support/synth';
import {
  JsonObject,
  KubernetesObject,
  kubernetesObjects,
  kubernetesResources,
  parseIntOrString,
  toKubernetesObject,
  validateKubernetesObject,
} from './support/kubernetes-objects';

/**
 * Every `kubernetes_*` resource of every example's `-apps` stacks, converted to the API object the kubernetes
 * provider v2.38.0 sends, must pass the Kubernetes OpenAPI schema (kubernetes-models).
 */

/** The types OrderWorkloads emits in every region, whatever its role. */
const EVERY_REGION = [
  'kubernetes_namespace_v1',
  'kubernetes_service_account_v1',
  'kubernetes_config_map_v1',
  'kubernetes_network_policy_v1',
  'kubernetes_service_v1',
];
/** Every type OrderWorkloads emits: Deployments, HPAs and PDBs are absent from a pilot-light region, not from an example. */
const WORKLOAD_TYPES = [
  ...EVERY_REGION,
  'kubernetes_deployment_v1',
  'kubernetes_horizontal_pod_autoscaler_v2',
  'kubernetes_pod_disruption_budget_v1',
];

// Every example as jest's globalSetup synthesized it (once per run).
const synthesized: { id: string; stacks: Record<string, StackJson> }[] = Object.keys(EXAMPLES).map((id) => ({ id, stacks: exampleStacks(id) }));
const appsStacks: [string, string, StackJson][] = synthesized.flatMap(({ id, stacks }) =>
  Object.keys(stacks).filter((name) => name.endsWith('-apps')).sort().map((name): [string, string, StackJson] => [id, name, stacks[name]]));

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

describe('examples: kubernetes_* resources are valid Kubernetes API objects', () => {
  test('every example has at least one -apps stack', () => {
    for (const { id } of synthesized) expect(appsStacks.filter(([example]) => example === id).length).toBeGreaterThan(0);
  });

  test.each(appsStacks)('%s: %s', (_id, stackName, json) => {
    const failures: string[] = [];
    const counts: Record<string, number> = {};
    for (const r of kubernetesResources(json)) {
      counts[r.type] = (counts[r.type] ?? 0) + 1;
      let obj: KubernetesObject;
      try {
        obj = toKubernetesObject(r.type, r.address, r.resource);
      } catch (e) {
        failures.push(`conversion: ${message(e)}`);
        continue;
      }
      try {
        validateKubernetesObject(obj);
      } catch (e) {
        failures.push(`schema: ${r.address}: ${message(e)}`);
      }
    }
    for (const type of EVERY_REGION) if (!counts[type]) failures.push(`${stackName} has no ${type}`);
    expect(failures).toEqual([]);
  });

  test.each(synthesized.map(({ id }) => id))('%s: every type the workloads emit is checked at least once', (id) => {
    const resources = appsStacks.filter(([example]) => example === id).flatMap(([, , json]) => kubernetesResources(json));
    const types = new Set(resources.map((r) => r.type));
    // With a demand model, KEDA ScaledObjects (kubernetes_manifest) take the HPAs' place.
    const keda = resources.some((r) => r.type === 'kubernetes_manifest' && (r.resource as Loose).manifest.kind === 'ScaledObject');
    const expected = keda ? [...WORKLOAD_TYPES.filter((t) => t !== 'kubernetes_horizontal_pod_autoscaler_v2'), 'kubernetes_manifest'] : WORKLOAD_TYPES;
    expect(expected.filter((type) => !types.has(type))).toEqual([]);
    expect(keda ? [...types].filter((t) => t === 'kubernetes_horizontal_pod_autoscaler_v2') : []).toEqual([]);
  });

  test('the demand-model examples hold ScaledObjects and a TriggerAuthentication, all checked against the KEDA schemas', () => {
    const kinds = allManifestKinds();
    expect(kinds).toEqual(expect.arrayContaining(['ScaledObject', 'TriggerAuthentication']));
  });
});

// Positive controls, on real resources: the first of each type in the -apps stacks (whatever the workloads emit today).
const allResources = appsStacks.flatMap(([, , json]) => kubernetesResources(json));

/** The kinds of every kubernetes_manifest of the examples. */
function allManifestKinds(): string[] {
  return [...new Set(allResources.filter((r) => r.type === 'kubernetes_manifest').map((r) => String((r.resource as Loose).manifest.kind)))].sort();
}

/** A deep copy of the API object of the first kubernetes_manifest of a kind. */
function manifestOf(kind: string): Loose {
  const r = allResources.find((x) => x.type === 'kubernetes_manifest' && (x.resource as Loose).manifest.kind === kind);
  if (!r) throw new Error(`no example emits a ${kind}`);
  return toKubernetesObject(r.type, r.address, structuredClone(r.resource));
}

/** A deep copy of the first resource of a type, as cdktf wrote it. */
function terraform(type: string): { address: string; resource: JsonObject } {
  const r = allResources.find((x) => x.type === type);
  if (!r) throw new Error(`no example emits ${type}`);
  return { address: r.address, resource: structuredClone(r.resource) };
}

/** The API object of the first resource of a type (a fresh copy). */
function converted(type: string): KubernetesObject {
  const { address, resource } = terraform(type);
  return toKubernetesObject(type, address, resource);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations reach into nested API objects freely
type Loose = any;

describe('positive control: the schema rejects broken objects built from real ones', () => {
  const cases: [string, string, (o: Loose) => void, RegExp][] = [
    ['Deployment replicas as a string', 'kubernetes_deployment_v1', (o) => { o.spec.replicas = '2'; }, /spec\/replicas must be integer/],
    ['Deployment replicas not a whole number', 'kubernetes_deployment_v1', (o) => { o.spec.replicas = 1.5; }, /spec\/replicas must be integer/],
    ['container without a name', 'kubernetes_deployment_v1', (o) => { delete o.spec.template.spec.containers[0].name; }, /containers\/0 must have required property name/],
    ['pod template without containers', 'kubernetes_deployment_v1', (o) => { delete o.spec.template.spec.containers; }, /template\/spec must have required property containers/],
    ['Deployment without a selector', 'kubernetes_deployment_v1', (o) => { delete o.spec.selector; }, /spec must have required property selector/],
    ['container port as a string', 'kubernetes_deployment_v1', (o) => { o.spec.template.spec.containers[0].ports = [{ containerPort: '8443' }]; }, /ports\/0\/containerPort must be integer/],
    ['runAsUser as a string', 'kubernetes_deployment_v1', (o) => { o.spec.template.spec.securityContext = { runAsUser: '10001' }; }, /securityContext\/runAsUser must be integer/],
    ['a quantity the API cannot parse', 'kubernetes_deployment_v1', (o) => { o.spec.template.spec.containers[0].resources = { limits: { cpu: 'one core' } }; }, /limits\/cpu must match format "quantity"/],
    ['an unknown imagePullPolicy', 'kubernetes_deployment_v1', (o) => { o.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes'; }, /imagePullPolicy must be equal to one of the allowed values/],
    ['maxSurge neither integer nor string', 'kubernetes_deployment_v1', (o) => { o.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: true } }; }, /rollingUpdate\/maxSurge must be string, .*must be integer/],
    ['Service port as a string', 'kubernetes_service_v1', (o) => { o.spec.ports[0].port = '443'; }, /ports\/0\/port must be integer/],
    ['Service port without a number', 'kubernetes_service_v1', (o) => { delete o.spec.ports[0].port; }, /ports\/0 must have required property port/],
    ['an unknown Service type', 'kubernetes_service_v1', (o) => { o.spec.type = 'InternalLoadBalancer'; }, /spec\/type must be equal to one of the allowed values/],
    ['NetworkPolicy with a bad policy type', 'kubernetes_network_policy_v1', (o) => { o.spec.policyTypes = ['Ingress', 'Egres']; }, /policyTypes\/1 must be equal to one of the allowed values/],
    ['NetworkPolicy without podSelector', 'kubernetes_network_policy_v1', (o) => { delete o.spec.podSelector; }, /spec must have required property podSelector/],
    ['NetworkPolicy port as an object', 'kubernetes_network_policy_v1', (o) => { o.spec.egress = [{ ports: [{ port: { number: 53 } }] }]; }, /ports\/0\/port must be string/],
    ['HPA without maxReplicas', 'kubernetes_horizontal_pod_autoscaler_v2', (o) => { delete o.spec.maxReplicas; }, /spec must have required property maxReplicas/],
    ['HPA utilization as a string', 'kubernetes_horizontal_pod_autoscaler_v2', (o) => { o.spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: '70' } } }]; }, /averageUtilization must be integer/],
    ['PDB maxUnavailable as a boolean', 'kubernetes_pod_disruption_budget_v1', (o) => { o.spec.maxUnavailable = true; }, /spec\/maxUnavailable must be string/],
    ['ConfigMap data value not a string', 'kubernetes_config_map_v1', (o) => { o.data = { ...o.data, REPLICAS: 2 }; }, /data\/REPLICAS must be string/],
    ['metadata.namespace not a string', 'kubernetes_service_account_v1', (o) => { o.metadata.namespace = 1; }, /metadata\/namespace must be string/],
    ['automountServiceAccountToken as a string', 'kubernetes_service_account_v1', (o) => { o.automountServiceAccountToken = 'true'; }, /automountServiceAccountToken must be boolean/],
    ['Namespace label value not a string', 'kubernetes_namespace_v1', (o) => { o.metadata.labels = { tier: 1 }; }, /labels\/tier must be string/],
  ];

  const kedaCases: [string, string, (o: Loose) => void, RegExp][] = [
    ['ScaledObject without a scale target', 'ScaledObject', (o) => { delete o.spec.scaleTargetRef; }, /spec must have required property 'scaleTargetRef'|spec must have required property scaleTargetRef/],
    ['ScaledObject maximum as a string', 'ScaledObject', (o) => { o.spec.maxReplicaCount = '20'; }, /maxReplicaCount must be integer/],
    ['a trigger without a type', 'ScaledObject', (o) => { delete o.spec.triggers[0].type; }, /triggers\/0 must have required property '?type'?/],
    ['a cron trigger\'s metadata value not a string', 'ScaledObject', (o) => { o.spec.triggers[1].metadata.desiredReplicas = 12; }, /metadata\/desiredReplicas must be string/],
    ['TriggerAuthentication with an unknown identity provider', 'TriggerAuthentication', (o) => { o.spec.podIdentity.provider = 'azure-pod'; }, /provider must be equal to one of the allowed values/],
  ];

  test.each(kedaCases)('%s', (_name, kind, mutate, expected) => {
    const obj = manifestOf(kind);
    expect(() => validateKubernetesObject(obj)).not.toThrow();
    mutate(obj);
    expect(() => validateKubernetesObject(obj)).toThrow(expected);
  });

  test.each(cases)('%s', (_name, type, mutate, expected) => {
    const obj = converted(type);
    expect(() => validateKubernetesObject(obj)).not.toThrow();
    mutate(obj);
    expect(() => validateKubernetesObject(obj)).toThrow(expected);
  });

  test('the error names the object', () => {
    const obj: Loose = converted('kubernetes_deployment_v1');
    obj.spec.replicas = '2';
    expect(() => validateKubernetesObject(obj)).toThrow(`Deployment ${obj.metadata.name}: data/spec/replicas must be integer`);
  });
});

describe('positive control: the converter fails on what it does not know', () => {
  test('an unknown attribute, with the resource address and the attribute path', () => {
    const { address, resource } = terraform('kubernetes_deployment_v1');
    (resource as Loose).spec.template.spec.container[0].share_process_namespace = true;
    expect(() => toKubernetesObject('kubernetes_deployment_v1', address, resource))
      .toThrow(`${address} spec.template.spec.container[0].share_process_namespace: attribute not known to the converter`);
  });

  test('an API field name written where a Terraform attribute belongs', () => {
    const { address, resource } = terraform('kubernetes_service_v1');
    (resource as Loose).spec.externalTrafficPolicy = 'Local';
    expect(() => toKubernetesObject('kubernetes_service_v1', address, resource)).toThrow(`${address} spec.externalTrafficPolicy: attribute not known`);
  });

  test('an unknown top-level attribute', () => {
    const { address, resource } = terraform('kubernetes_namespace_v1');
    resource.status = [{ phase: 'Active' }];
    expect(() => toKubernetesObject('kubernetes_namespace_v1', address, resource)).toThrow(`${address} status: attribute not known`);
  });

  test('kubernetesObjects lists every kubernetes_* resource of a stack, and no data source or other provider', () => {
    const [, , json] = appsStacks[0];
    const expected = Object.entries(json.resource).filter(([type]) => type.startsWith('kubernetes_')).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`));
    const listed = kubernetesObjects(json);
    expect(listed.map((x) => x.address).sort()).toEqual(expected.sort());
    expect(listed.length).toBeGreaterThan(0);
    // Each object has the kind of its resource type.
    const KINDS: Record<string, string> = {
      kubernetes_namespace_v1: 'Namespace', kubernetes_service_account_v1: 'ServiceAccount', kubernetes_config_map_v1: 'ConfigMap', kubernetes_network_policy_v1: 'NetworkPolicy',
      kubernetes_service_v1: 'Service', kubernetes_deployment_v1: 'Deployment', kubernetes_horizontal_pod_autoscaler_v2: 'HorizontalPodAutoscaler', kubernetes_pod_disruption_budget_v1: 'PodDisruptionBudget',
    };
    // A kubernetes_manifest holds its object's own kind.
    const kindOf = (x: { address: string; resource: Loose }) => (x.address.startsWith('kubernetes_manifest.') ? x.resource.manifest.kind : KINDS[x.address.split('.')[0]]);
    expect(listed.map((x) => [x.address, x.object.kind, typeof x.object.apiVersion])).toEqual(listed.map((x) => [x.address, kindOf(x), 'string']));
    const withOthers = { resource: { ...json.resource, azurerm_resource_group: { rg: { name: 'rg', location: 'westus3' } } }, data: { kubernetes_namespace_v1: { ns: { metadata: { name: 'x' } } } } };
    expect(kubernetesObjects(withOthers)).toHaveLength(listed.length);
  });

  test('a kubernetes_* type without a converter', () => {
    expect(() => toKubernetesObject('kubernetes_ingress_v1', 'kubernetes_ingress_v1.x', { metadata: { name: 'x' } })).toThrow(/kubernetes_ingress_v1\.x: no converter for kubernetes_ingress_v1/);
    const stack = { resource: { kubernetes_ingress_v1: { x: { metadata: { name: 'x' } } } } };
    expect(() => kubernetesObjects(stack)).toThrow(/no converter/);
  });

  test('an attribute the provider ignores', () => {
    const { address, resource } = terraform('kubernetes_horizontal_pod_autoscaler_v2');
    (resource as Loose).spec.target_cpu_utilization_percentage = 70;
    expect(() => toKubernetesObject('kubernetes_horizontal_pod_autoscaler_v2', address, resource)).toThrow(`${address} spec.target_cpu_utilization_percentage: the provider ignores this attribute`);
  });

  test('a second element of a list the provider reads only the first of', () => {
    const { address, resource } = terraform('kubernetes_deployment_v1');
    const container = (resource as Loose).spec.template.spec.container[0];
    container.lifecycle = { pre_stop: [{ exec: { command: ['sleep', '5'] } }, { exec: { command: ['sleep', '10'] } }] };
    expect(() => toKubernetesObject('kubernetes_deployment_v1', address, resource)).toThrow(/container\[0\]\.lifecycle\.pre_stop: 2 blocks, but the provider sends only the first/);
  });

  test.each([
    ['replicas', (r: Loose) => { r.spec.replicas = '${var.replicas}'; }, /spec\.replicas: Terraform expression .* parses as an integer/],
    ['max_unavailable', (r: Loose) => { r.spec.strategy = { rolling_update: { max_unavailable: '${var.x}' } }; }, /max_unavailable: Terraform expression .* parses as an IntOrString/],
    ['revision_history_limit', (r: Loose) => { r.spec.revision_history_limit = '${var.x}'; }, /revision_history_limit: Terraform expression .* in a number field/],
    ['a quantity', (r: Loose) => { r.spec.template.spec.container[0].resources = { limits: { cpu: '${var.cpu}' } }; }, /limits\.cpu: Terraform expression .* in a quantity/],
  ])('a Terraform expression where the API wants a number or a parsed value: %s', (_name, mutate, expected) => {
    const { address, resource } = terraform('kubernetes_deployment_v1');
    mutate(resource);
    expect(() => toKubernetesObject('kubernetes_deployment_v1', address, resource)).toThrow(expected);
  });

  test('a Terraform expression where the API wants a string stays a string', () => {
    const { address, resource } = terraform('kubernetes_config_map_v1');
    (resource as Loose).metadata.namespace = '${kubernetes_namespace_v1.ns.metadata[0].name}';
    (resource as Loose).data = { HOST: '${azurerm_mssql_server.sql.fully_qualified_domain_name}' };
    const obj: Loose = toKubernetesObject('kubernetes_config_map_v1', address, resource);
    expect(obj.metadata.namespace).toBe('${kubernetes_namespace_v1.ns.metadata[0].name}');
    expect(obj.data).toEqual({ HOST: '${azurerm_mssql_server.sql.fully_qualified_domain_name}' });
    expect(() => validateKubernetesObject(obj)).not.toThrow();
  });

  test('meta-arguments and provider-only attributes are dropped', () => {
    const { address, resource } = terraform('kubernetes_deployment_v1');
    const plain = toKubernetesObject('kubernetes_deployment_v1', address, resource);
    const decorated = {
      ...resource,
      depends_on: ['kubernetes_namespace_v1.ns'],
      lifecycle: { ignore_changes: ['spec[0].replicas'] },
      provider: 'kubernetes.west',
      timeouts: { create: '5m' },
      wait_for_rollout: false,
    };
    expect(toKubernetesObject('kubernetes_deployment_v1', address, decorated)).toEqual(plain);
  });
});

describe('positive control: the converter follows the provider', () => {
  test('IntOrString as intstr.Parse: digits become integers, everything else stays a string', () => {
    expect(parseIntOrString('0')).toBe(0);
    expect(parseIntOrString('25%')).toBe('25%');
    expect(parseIntOrString('https')).toBe('https');
    expect(parseIntOrString('+5')).toBe(5);
    expect(parseIntOrString('')).toBe('');
    expect(() => parseIntOrString('4294967296')).toThrow(/overflows/);
  });

  test('Deployment: rolling update IntOrStrings, string replicas and UIDs, defaults from the provider schema', () => {
    const { address, resource } = terraform('kubernetes_deployment_v1');
    const spec = (resource as Loose).spec;
    spec.replicas = '3';
    spec.strategy = { type: 'RollingUpdate', rolling_update: { max_surge: '25%', max_unavailable: '0' } };
    delete spec.progress_deadline_seconds;
    spec.template.spec.security_context = { run_as_user: '10001', fs_group: '2000' };
    const obj: Loose = toKubernetesObject('kubernetes_deployment_v1', address, resource);
    expect(obj.spec.replicas).toBe(3);
    expect(obj.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
    expect(obj.spec.progressDeadlineSeconds).toBe(600);
    // `run_as_non_root` is set through a pointer even when left out.
    expect(obj.spec.template.spec.securityContext).toEqual({ runAsUser: 10001, fsGroup: 2000, runAsNonRoot: false });
    expect(() => validateKubernetesObject(obj)).not.toThrow();
  });

  test('container: lists the provider sends as objects, renamed blocks, IntOrString probe ports', () => {
    const { address, resource } = terraform('kubernetes_deployment_v1');
    const pod = (resource as Loose).spec.template.spec;
    pod.container = [{
      name: 'app',
      image: 'registry.example/app:1.0.0',
      port: [{ name: 'https', container_port: 8443 }],
      env_from: [{ config_map_ref: { name: 'app-config' } }],
      lifecycle: { pre_stop: [{ exec: { command: ['/bin/sh', '-c', 'sleep 10'] } }] },
      readiness_probe: { http_get: { path: '/ready', port: 'https', scheme: 'HTTPS' } },
      liveness_probe: { tcp_socket: [{ port: '8443' }] },
      volume_mount: [{ name: 'tmp', mount_path: '/tmp' }],
    }];
    pod.topology_spread_constraint = [{ topology_key: 'topology.kubernetes.io/zone', node_taints_policy: 'Honor', label_selector: [{ match_labels: { app: 'app' } }] }];
    pod.node_selector = { 'kubernetes.azure.com/mode': 'user' };
    (resource as Loose).spec.template.metadata.annotations = { 'example/config-sha256': '${sha256(jsonencode({}))}' };
    pod.volume = [{ name: 'tmp', empty_dir: { size_limit: '64Mi' } }];
    const obj: Loose = toKubernetesObject('kubernetes_deployment_v1', address, resource);
    const c = obj.spec.template.spec.containers[0];
    expect(c.ports).toEqual([{ name: 'https', containerPort: 8443, protocol: 'TCP' }]);
    expect(c.envFrom).toEqual([{ configMapRef: { name: 'app-config', optional: false } }]);
    expect(c.lifecycle).toEqual({ preStop: { exec: { command: ['/bin/sh', '-c', 'sleep 10'] } } });
    expect(c.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 'https', scheme: 'HTTPS' }, failureThreshold: 3, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 });
    expect(c.livenessProbe.tcpSocket).toEqual({ port: 8443 });
    expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp', mountPropagation: 'None' }]);
    expect(obj.spec.template.spec.topologySpreadConstraints).toEqual([
      { topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app: 'app' } }, whenUnsatisfiable: 'DoNotSchedule', maxSkew: 1, nodeTaintsPolicy: 'Honor' },
    ]);
    expect(obj.spec.template.spec.nodeSelector).toEqual({ 'kubernetes.azure.com/mode': 'user' });
    expect(obj.spec.template.metadata.annotations).toEqual({ 'example/config-sha256': '${sha256(jsonencode({}))}' });
    expect(obj.spec.template.spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    expect(() => validateKubernetesObject(obj)).not.toThrow();
  });

  test('NetworkPolicy ports, Service target port and PDB budget through intstr.Parse; namespace defaults to "default"', () => {
    const np = terraform('kubernetes_network_policy_v1');
    (np.resource as Loose).spec.egress = [{ to: [{ ip_block: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: '53', protocol: 'UDP' }, { port: 'https' }] }];
    delete (np.resource as Loose).metadata.namespace;
    const policy: Loose = toKubernetesObject('kubernetes_network_policy_v1', np.address, np.resource);
    expect(policy.spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 'https', protocol: 'TCP' }] }]);
    expect(policy.metadata.namespace).toBe('default');

    const svc = terraform('kubernetes_service_v1');
    (svc.resource as Loose).spec.port = [{ port: 443, target_port: '8443' }, { name: 'metrics', port: 9090, target_port: 'metrics' }];
    const service: Loose = toKubernetesObject('kubernetes_service_v1', svc.address, svc.resource);
    expect(service.spec.ports.map((p: Loose) => p.targetPort)).toEqual([8443, 'metrics']);

    const pdb = terraform('kubernetes_pod_disruption_budget_v1');
    (pdb.resource as Loose).spec = { ...(pdb.resource as Loose).spec, max_unavailable: '1' };
    expect((toKubernetesObject('kubernetes_pod_disruption_budget_v1', pdb.address, pdb.resource) as Loose).spec.maxUnavailable).toBe(1);
    (pdb.resource as Loose).spec.max_unavailable = '50%';
    expect((toKubernetesObject('kubernetes_pod_disruption_budget_v1', pdb.address, pdb.resource) as Loose).spec.maxUnavailable).toBe('50%');
  });
});
