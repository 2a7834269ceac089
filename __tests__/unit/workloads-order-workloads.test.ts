import { TerraformStack, TerraformVariable } from 'cdktf';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ValidationError } from '../../lib/core/errors';
import { RegionRole } from '../../lib/core/pattern';
import { OrderWorkloads } from '../../lib/workloads/order-workloads';
import { OrderWorkloadsProps, WorkloadServiceOptions } from '../../lib/workloads/order-workloads-types';
import { Rollout } from '../../lib/workloads/rollout';
import { all, StackJson, synthStack, testStack } from '../support/synth';

/**
 * Unit tests of `OrderWorkloads` (lib/workloads/order-workloads.ts): each test builds (and at most once synthesizes)
 * one small stack with a kubernetes provider and the workloads.
 */
const INGRESS = {
  region: 'westus3',
  nodeResourceGroup: 'rg-nodes',
  subnetName: 'snet-ingress',
  subnetCidr: '10.100.5.0/24',
  podCidr: '192.168.0.0/16',
  services: {
    order: { privateIp: '10.100.5.10', privateLinkServiceName: 'pls-order-api' },
    tracking: { privateIp: '10.100.5.11', privateLinkServiceName: 'pls-tracking-api' },
  },
};
const ORDER_ID = '11111111-1111-1111-1111-111111111111';
const TRACKING_ID = '22222222-2222-2222-2222-222222222222';
const BASE: OrderWorkloadsProps = {
  region: 'westus3',
  role: RegionRole.PRIMARY,
  order: { image: 'c.io/order:1' },
  tracking: { image: 'c.io/tracking:1' },
  identities: { clientIds: { order: ORDER_ID, tracking: TRACKING_ID }, namespace: 'orders' },
  ingress: INGRESS,
  privateEndpointsCidr: '10.100.4.0/24',
  config: { order: { ORDER_DB_WRITE_HOST: 'db.example' }, tracking: {} },
};

/** A stack with the workloads built from BASE and `props`. */
function build(props: Partial<OrderWorkloadsProps> = {}): { stack: TerraformStack; w: OrderWorkloads } {
  const stack = testStack();
  new KubernetesProvider(stack, 'Kubernetes', {});
  const w = new OrderWorkloads(stack, 'Workloads', { ...BASE, ...props });
  return { stack, w };
}

/** The synthesized stack of the workloads built from BASE and `props`. */
function synth(props: Partial<OrderWorkloadsProps> = {}): StackJson {
  return synthStack(build(props).stack);
}

/** The problems building the workloads reports, as [prop, value, problem, fix]; none when they are accepted. */
function problems(props: Partial<OrderWorkloadsProps>): [string, unknown, string, string][] {
  try {
    build(props);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const error = e as ValidationError;
    expect(error.constructPath).toBe('test/Workloads');
    return error.violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  return [];
}

/** The props of the problems building the workloads reports. */
const props = (given: Partial<OrderWorkloadsProps>): string[] => problems(given).map(([prop]) => prop);
/** One service's options: BASE's order service with `options` over it. */
const order = (options: Partial<WorkloadServiceOptions>): Partial<OrderWorkloadsProps> => ({ order: { image: 'c.io/order:1', ...options } });

/** The resource of a type whose logical ID starts with `prefix` (exactly one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function resource(json: StackJson, type: string, prefix: string): { id: string; value: any } {
  const found = Object.entries(all(json, type)).filter(([id]) => id.startsWith(`${prefix}_`) && !id.slice(prefix.length + 1).includes('_'));
  expect(found).toHaveLength(1);
  return { id: `${type}.${found[0][0]}`, value: found[0][1] };
}

const NS = '${kubernetes_namespace_v1.Workloads_Namespace_73EAC358.metadata[0].name}';
const labels = (name: string) => ({ app: name, 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'order-platform' });

/** The pod spec every slot of `name` gets with the default options. */
function defaultContainer(name: string, image: string) {
  const probe = (path: string, period: number, failures: number) => ({ http_get: { path, port: 'https', scheme: 'HTTPS' }, timeout_seconds: 2, period_seconds: period, failure_threshold: failures });
  return {
    name,
    image,
    port: [{ name: 'https', container_port: 8443, protocol: 'TCP' }],
    env_from: [{ config_map_ref: { name: `${name}-config` } }],
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    startup_probe: probe('/healthz/startup', 5, 30),
    readiness_probe: probe('/healthz/ready', 5, 3),
    liveness_probe: probe('/healthz/live', 10, 3),
    lifecycle: { pre_stop: [{ exec: { command: ['/bin/sh', '-c', 'sleep 15'] } }] },
    security_context: {
      run_as_non_root: true, run_as_user: '10001', allow_privilege_escalation: false, privileged: false, read_only_root_filesystem: true,
      capabilities: { drop: ['ALL'] }, seccomp_profile: { type: 'RuntimeDefault' },
    },
    volume_mount: [{ name: 'tmp', mount_path: '/tmp' }],
  };
}

describe('OrderWorkloads defaults', () => {
  test('the namespace, labelled for the platform, and its default-deny policy', () => {
    const json = synth();
    expect(resource(json, 'kubernetes_namespace_v1', 'Workloads_Namespace').value).toEqual({ metadata: { name: 'orders', labels: { 'app.kubernetes.io/part-of': 'order-platform' } } });
    expect(resource(json, 'kubernetes_network_policy_v1', 'Workloads_DefaultDeny').value).toEqual({ metadata: { name: 'default-deny', namespace: NS }, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'] } });
  });

  test('the Deployment of a rolling service: slot a, hardened pods spread over zones and hosts on the user pools, its count owned by the HPA', () => {
    const json = synth();
    const config = resource(json, 'kubernetes_config_map_v1', 'Workloads_OrderConfig').id;
    const account = resource(json, 'kubernetes_service_account_v1', 'Workloads_OrderServiceAccount').id;
    expect(resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeployment').value).toEqual({
      metadata: { name: 'order-api', namespace: NS, labels: { ...labels('order-api'), slot: 'a', track: 'stable' } },
      spec: {
        replicas: '2',
        revision_history_limit: 5,
        selector: { match_labels: { app: 'order-api', slot: 'a' } },
        strategy: { type: 'RollingUpdate', rolling_update: { max_unavailable: '0', max_surge: '25%' } },
        template: {
          metadata: {
            labels: { ...labels('order-api'), slot: 'a', track: 'stable', 'azure.workload.identity/use': 'true' },
            annotations: { 'order-platform/config-sha256': `\${sha256(jsonencode(${config}.data))}` },
          },
          spec: {
            service_account_name: `\${${account}.metadata[0].name}`,
            termination_grace_period_seconds: 45,
            node_selector: { 'kubernetes.azure.com/mode': 'user' },
            security_context: { run_as_non_root: true, run_as_user: '10001', run_as_group: '10001', fs_group: '10001', seccomp_profile: { type: 'RuntimeDefault' } },
            topology_spread_constraint: [
              { max_skew: 1, topology_key: 'topology.kubernetes.io/zone', when_unsatisfiable: 'DoNotSchedule', node_affinity_policy: 'Honor', node_taints_policy: 'Honor', label_selector: [{ match_labels: { app: 'order-api', slot: 'a' } }] },
              { max_skew: 1, topology_key: 'kubernetes.io/hostname', when_unsatisfiable: 'ScheduleAnyway', node_affinity_policy: 'Honor', node_taints_policy: 'Honor', label_selector: [{ match_labels: { app: 'order-api' } }] },
            ],
            container: [defaultContainer('order-api', 'c.io/order:1')],
            volume: [{ name: 'tmp', empty_dir: { size_limit: '64Mi' } }],
          },
        },
      },
      lifecycle: { ignore_changes: ['spec[0].replicas'] },
    });
  });

  test('an HPA on CPU (no memory target by default) over the slot\'s range, and a PodDisruptionBudget of one pod', () => {
    const json = synth();
    const deployment = resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeployment').id;
    expect(resource(json, 'kubernetes_horizontal_pod_autoscaler_v2', 'Workloads_OrderAutoscaler').value).toEqual({
      metadata: { name: 'order-api', namespace: NS, labels: labels('order-api') },
      spec: {
        scale_target_ref: { api_version: 'apps/v1', kind: 'Deployment', name: `\${${deployment}.metadata[0].name}` },
        min_replicas: 2,
        max_replicas: 10,
        metric: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', average_utilization: 70 } } },
        ],
      },
    });
    expect(resource(json, 'kubernetes_pod_disruption_budget_v1', 'Workloads_OrderDisruptionBudget').value).toEqual({
      metadata: { name: 'order-api', namespace: NS, labels: labels('order-api') },
      spec: { max_unavailable: '1', selector: { match_labels: { app: 'order-api' } } },
    });
  });

  test('a workload-identity service account per service, and a ConfigMap of the region, its role and the config', () => {
    const json = synth();
    expect(resource(json, 'kubernetes_service_account_v1', 'Workloads_OrderServiceAccount').value).toEqual({
      metadata: { name: 'order-api', namespace: NS, annotations: { 'azure.workload.identity/client-id': ORDER_ID }, labels: labels('order-api') },
      automount_service_account_token: true,
    });
    expect(resource(json, 'kubernetes_service_account_v1', 'Workloads_TrackingServiceAccount').value.metadata.annotations).toEqual({ 'azure.workload.identity/client-id': TRACKING_ID });
    expect(resource(json, 'kubernetes_config_map_v1', 'Workloads_OrderConfig').value).toEqual({
      metadata: { name: 'order-api-config', namespace: NS, labels: labels('order-api') },
      data: { REGION: 'westus3', REGION_ROLE: 'primary', ORDER_DB_WRITE_HOST: 'db.example' },
    });
    expect(resource(json, 'kubernetes_config_map_v1', 'Workloads_TrackingConfig').value.data).toEqual({ REGION: 'westus3', REGION_ROLE: 'primary' });
  });

  test('an internal load balancer at the fixed address with an AKS-managed Private Link Service, waiting for the Deployment', () => {
    const json = synth();
    const deployment = resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeployment').id;
    expect(resource(json, 'kubernetes_service_v1', 'Workloads_OrderService').value).toEqual({
      metadata: {
        name: 'order-api',
        namespace: NS,
        labels: labels('order-api'),
        annotations: {
          'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
          'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': 'snet-ingress',
          'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.100.5.10',
          'service.beta.kubernetes.io/azure-pls-create': 'true',
          'service.beta.kubernetes.io/azure-pls-name': 'pls-order-api',
          'service.beta.kubernetes.io/azure-pls-ip-configuration-subnet': 'snet-ingress',
          'service.beta.kubernetes.io/azure-pls-ip-configuration-ip-address-count': '1',
          'service.beta.kubernetes.io/azure-pls-proxy-protocol': 'false',
          'service.beta.kubernetes.io/azure-pls-visibility': '*',
        },
      },
      spec: { type: 'LoadBalancer', external_traffic_policy: 'Local', selector: { app: 'order-api' }, port: [{ name: 'https', port: 443, target_port: 'https', protocol: 'TCP' }] },
      depends_on: [deployment],
    });
    expect(resource(json, 'kubernetes_service_v1', 'Workloads_TrackingService').value.metadata.annotations['service.beta.kubernetes.io/azure-pls-name']).toBe('pls-tracking-api');
    expect(resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeployment').value.depends_on).toBeUndefined();
  });

  test('a NetworkPolicy per service: HTTPS in from the ingress subnet only; DNS, the private endpoints and HTTPS out', () => {
    const json = synth();
    expect(resource(json, 'kubernetes_network_policy_v1', 'Workloads_OrderNetworkPolicy').value).toEqual({
      metadata: { name: 'order-api', namespace: NS },
      spec: {
        pod_selector: { match_labels: { app: 'order-api' } },
        policy_types: ['Ingress', 'Egress'],
        ingress: [{ from: [{ ip_block: { cidr: '10.100.5.0/24' } }], ports: [{ port: 'https', protocol: 'TCP' }] }],
        egress: [
          { to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }] },
          { to: [{ ip_block: { cidr: '10.100.4.0/24' } }] },
          { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] },
        ],
      },
    });
  });

  test('exposes what it built: releases, Deployment names, pod groups and every object by service', () => {
    const { stack, w } = build();
    const id = (r: { friendlyUniqueId: string }) => stack.getLogicalId(r as never);
    expect(w.releases).toEqual({
      order: { slots: [{ slot: 'a', track: 'stable', image: 'c.io/order:1', serving: true, autoscale: { min: 2, max: 10 }, replicas: 2 }] },
      tracking: { slots: [{ slot: 'a', track: 'stable', image: 'c.io/tracking:1', serving: true, autoscale: { min: 2, max: 10 }, replicas: 2 }] },
    });
    expect(w.deployments).toEqual({ order: ['order-api'], tracking: ['tracking-api'] });
    expect(w.podGroups).toEqual(['order-api', 'tracking-api'].map((name) => ({
      name, cpuMillis: 250, memoryMiB: 256, nodeSelector: { 'kubernetes.azure.com/mode': 'user' },
      zoneSpread: { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor', nodeAffinityPolicy: 'Honor' }, minReplicas: 2, maxReplicas: 10, surge: 3,
    })));
    expect(Object.keys(w.services)).toEqual(['order', 'tracking']);
    const o = w.services.order;
    expect([id(w.namespace), id(w.defaultDenyPolicy), id(o.serviceAccount), id(o.config), id(o.service), id(o.networkPolicy), id(o.disruptionBudget!)]).toEqual([
      'Workloads_Namespace_73EAC358', expect.stringMatching(/^Workloads_DefaultDeny_/), expect.stringMatching(/^Workloads_OrderServiceAccount_/), expect.stringMatching(/^Workloads_OrderConfig_/),
      expect.stringMatching(/^Workloads_OrderService_/), expect.stringMatching(/^Workloads_OrderNetworkPolicy_/), expect.stringMatching(/^Workloads_OrderDisruptionBudget_/),
    ]);
    expect(o.deployments.map((d) => [d.slot, id(d.deployment), d.autoscaler && id(d.autoscaler)])).toEqual([['a', expect.stringMatching(/^Workloads_OrderDeployment_/), expect.stringMatching(/^Workloads_OrderAutoscaler_/)]]);
    expect(o.previewService).toBeUndefined();
    expect(id(w.services.tracking.service)).toMatch(/^Workloads_TrackingService_/);
  });
});

describe('OrderWorkloads options', () => {
  const FULL: WorkloadServiceOptions = {
    image: 'c.io/order:2', minReplicas: 3, maxReplicas: 7, cpuTargetPercent: 55, memoryTargetPercent: 65,
    resources: { cpuRequest: '500m', cpuLimit: '2', memoryRequest: '1Gi', memoryLimit: '2Gi' }, containerPort: 9443,
    probes: { readiness: '/ready', liveness: '/live', startup: '/started' }, runAsUser: 20000, preStopSeconds: 20, terminationGracePeriodSeconds: 60,
  };

  test('every option of a service reaches its pods: image, port, resources, probes, UID, shutdown', () => {
    const json = synth({ order: FULL });
    const pod = resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeployment').value.spec.template.spec;
    const probe = (path: string, period: number, failures: number) => ({ http_get: { path, port: 'https', scheme: 'HTTPS' }, timeout_seconds: 2, period_seconds: period, failure_threshold: failures });
    expect(pod.container).toEqual([{
      ...defaultContainer('order-api', 'c.io/order:2'),
      port: [{ name: 'https', container_port: 9443, protocol: 'TCP' }],
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
      startup_probe: probe('/started', 5, 30),
      readiness_probe: probe('/ready', 5, 3),
      liveness_probe: probe('/live', 10, 3),
      lifecycle: { pre_stop: [{ exec: { command: ['/bin/sh', '-c', 'sleep 20'] } }] },
      security_context: { ...defaultContainer('order-api', '').security_context, run_as_user: '20000' },
    }]);
    expect(pod.security_context).toEqual({ run_as_non_root: true, run_as_user: '20000', run_as_group: '20000', fs_group: '20000', seccomp_profile: { type: 'RuntimeDefault' } });
    expect(pod.termination_grace_period_seconds).toBe(60);
  });

  test('every option of a service reaches its autoscaler and the scheduling model', () => {
    const { stack, w } = build({ order: FULL });
    const hpa = resource(synthStack(stack), 'kubernetes_horizontal_pod_autoscaler_v2', 'Workloads_OrderAutoscaler').value.spec;
    expect([hpa.min_replicas, hpa.max_replicas, hpa.metric.map((m: { resource: { target: { average_utilization: number } } }) => m.resource.target.average_utilization)]).toEqual([3, 7, [55, 65]]);
    expect(w.podGroups[0]).toMatchObject({ name: 'order-api', cpuMillis: 500, memoryMiB: 1024, minReplicas: 3, maxReplicas: 7, surge: 2 });
  });

  test('the namespace, region and role of the props', () => {
    const json = synth({ namespace: 'shop', identities: { ...BASE.identities, namespace: 'shop' }, region: 'eastus2', ingress: { ...INGRESS, region: 'eastus2' }, role: RegionRole.SECONDARY });
    expect(resource(json, 'kubernetes_namespace_v1', 'Workloads_Namespace').value.metadata.name).toBe('shop');
    expect(resource(json, 'kubernetes_config_map_v1', 'Workloads_TrackingConfig').value.data).toEqual({ REGION: 'eastus2', REGION_ROLE: 'secondary' });
  });

  test('the maximum defaults to 10, or to the minimum above it', () => {
    const { w } = build({ order: { image: 'c.io/order:1', minReplicas: 12 } });
    expect(w.releases.order.slots[0].autoscale).toEqual({ min: 12, max: 12 });
    expect(w.releases.tracking.slots[0].autoscale).toEqual({ min: 2, max: 10 });
  });

  test('an image from Terraform (a token) is taken as it is', () => {
    const stack = testStack();
    new KubernetesProvider(stack, 'Kubernetes', {});
    const tag = new TerraformVariable(stack, 'tag', { type: 'string' });
    new OrderWorkloads(stack, 'Workloads', { ...BASE, order: { image: `c.io/order:${tag.stringValue}` } });
    const container = resource(synthStack(stack), 'kubernetes_deployment_v1', 'Workloads_OrderDeployment').value.spec.template.spec.container[0];
    expect(container.image).toBe('c.io/order:${var.tag}');
  });

  test('client IDs and the identities\' namespace from Terraform (tokens) are taken as they are', () => {
    const stack = testStack();
    new KubernetesProvider(stack, 'Kubernetes', {});
    const id = new TerraformVariable(stack, 'id', { type: 'string' });
    const ns = new TerraformVariable(stack, 'ns', { type: 'string' });
    new OrderWorkloads(stack, 'Workloads', { ...BASE, namespace: 'shop', identities: { clientIds: { order: id.stringValue, tracking: TRACKING_ID }, namespace: ns.stringValue } });
    expect(resource(synthStack(stack), 'kubernetes_service_account_v1', 'Workloads_OrderServiceAccount').value.metadata.annotations).toEqual({ 'azure.workload.identity/client-id': '${var.id}' });
  });
});

describe('OrderWorkloads releases', () => {
  const blueGreen = { image: 'c.io/tracking:2', rollout: Rollout.blueGreen({ live: 'green', blueImage: 'c.io/tracking:1', greenImage: 'c.io/tracking:2' }) };

  test('blue-green: the idle colour at a fixed full size, shrinking only after the Service switched to the live one', () => {
    const json = synth({ tracking: blueGreen });
    const service = resource(json, 'kubernetes_service_v1', 'Workloads_TrackingService');
    const blue = resource(json, 'kubernetes_deployment_v1', 'Workloads_TrackingDeployment').value;
    const green = resource(json, 'kubernetes_deployment_v1', 'Workloads_TrackingDeploymentB');
    expect([blue.metadata.name, blue.metadata.labels.slot, blue.metadata.labels.track, blue.spec.replicas, blue.spec.template.spec.container[0].image]).toEqual(['tracking-api', 'a', 'blue', '10', 'c.io/tracking:1']);
    expect('lifecycle' in blue).toBe(false);
    expect(blue.depends_on).toEqual([service.id]);
    expect(service.value.depends_on).toEqual([green.id]);
    expect(service.value.spec.selector).toEqual({ app: 'tracking-api', slot: 'b' });
    expect(green.value.metadata).toEqual({ name: 'tracking-api-b', namespace: NS, labels: { ...labels('tracking-api'), slot: 'b', track: 'green' } });
    expect(green.value.spec.selector).toEqual({ match_labels: { app: 'tracking-api', slot: 'b' } });
    expect(green.value.spec.template.metadata.labels).toEqual({ ...labels('tracking-api'), slot: 'b', track: 'green', 'azure.workload.identity/use': 'true' });
    expect(green.value.spec.template.spec.topology_spread_constraint[0].label_selector).toEqual([{ match_labels: { app: 'tracking-api', slot: 'b' } }]);
    expect([green.value.spec.replicas, green.value.lifecycle, green.value.depends_on]).toEqual(['2', { ignore_changes: ['spec[0].replicas'] }, undefined]);
  });

  test('blue-green: only the live colour has an autoscaler; a preview Service selects the idle one', () => {
    const json = synth({ tracking: blueGreen });
    const hpas = Object.entries(all(json, 'kubernetes_horizontal_pod_autoscaler_v2')).filter(([, h]) => h.metadata.name.startsWith('tracking-api'));
    expect(hpas.map(([id, h]) => [id, h.metadata.name, h.spec.scale_target_ref.name])).toEqual([
      [expect.stringMatching(/^Workloads_TrackingAutoscalerB_/), 'tracking-api-b', `\${${resource(json, 'kubernetes_deployment_v1', 'Workloads_TrackingDeploymentB').id}.metadata[0].name}`],
    ]);
    expect(resource(json, 'kubernetes_service_v1', 'Workloads_TrackingPreviewService').value).toEqual({
      metadata: { name: 'tracking-api-preview', namespace: NS, labels: { ...labels('tracking-api'), 'order-platform/role': 'preview' } },
      spec: { type: 'ClusterIP', selector: { app: 'tracking-api', slot: 'a' }, port: [{ name: 'https', port: 443, target_port: 'https', protocol: 'TCP' }] },
    });
    expect(resource(json, 'kubernetes_pod_disruption_budget_v1', 'Workloads_TrackingDisruptionBudget').value.spec.selector).toEqual({ match_labels: { app: 'tracking-api' } });
  });

  test('blue-green: what it exposes, both slots in the scheduling model', () => {
    const { stack, w } = build({ tracking: blueGreen });
    const id = (r: { friendlyUniqueId: string }) => stack.getLogicalId(r as never);
    expect(w.deployments).toEqual({ order: ['order-api'], tracking: ['tracking-api', 'tracking-api-b'] });
    expect(w.services.tracking.deployments.map((d) => [d.slot, id(d.deployment), d.autoscaler && id(d.autoscaler)])).toEqual([
      ['a', expect.stringMatching(/^Workloads_TrackingDeployment_/), undefined],
      ['b', expect.stringMatching(/^Workloads_TrackingDeploymentB_/), expect.stringMatching(/^Workloads_TrackingAutoscalerB_/)],
    ]);
    expect(id(w.services.tracking.previewService!)).toMatch(/^Workloads_TrackingPreviewService_/);
    expect(w.podGroups.map((g) => [g.name, g.minReplicas, g.maxReplicas, g.surge])).toEqual([['order-api', 2, 10, 3], ['tracking-api', 10, 10, 3], ['tracking-api-b', 2, 10, 3]]);
  });

  test('canary: both slots serve, so the Service waits for both and selects the whole service; the canary runs a fixed count', () => {
    const json = synth({ order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 10 }) } });
    const stable = resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeployment');
    const canary = resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeploymentB');
    const service = resource(json, 'kubernetes_service_v1', 'Workloads_OrderService').value;
    expect(service.depends_on).toEqual([stable.id, canary.id]);
    expect(service.spec.selector).toEqual({ app: 'order-api' });
    expect([stable.value.depends_on, canary.value.depends_on]).toEqual([undefined, undefined]);
    expect([canary.value.spec.replicas, canary.value.metadata.labels.track, 'lifecycle' in canary.value]).toEqual(['1', 'canary', false]);
    expect(Object.values(all(json, 'kubernetes_service_v1')).map((s) => s.metadata.name)).toEqual(['order-api', 'tracking-api']);
  });

  test('canary at 100 %: the Service selects the canary; the stable slot idles at full size behind the preview Service', () => {
    const json = synth({ order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 100 }) } });
    const stable = resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeployment');
    const service = resource(json, 'kubernetes_service_v1', 'Workloads_OrderService');
    expect(service.value.depends_on).toEqual([resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeploymentB').id]);
    expect(stable.value.depends_on).toEqual([service.id]);
    expect(resource(json, 'kubernetes_service_v1', 'Workloads_OrderPreviewService').value.spec.selector).toEqual({ app: 'order-api', slot: 'a' });
  });

  test('a refused rollout is reported under the service\'s rollout prop, its images checked as the service\'s', () => {
    expect(problems({ tracking: { image: 'c.io/tracking:2', rollout: Rollout.blueGreen({ live: 'green', blueImage: 'c.io/tracking', greenImage: 'c.io/tracking:2' }) } })).toEqual([[
      'tracking.rollout.blueImage', 'c.io/tracking', 'an image must be pinned by a tag (other than latest) or by a digest, so every rollout and rollback is reproducible', "use e.g. 'contoso.azurecr.io/order-api:1.4.2' or '...@sha256:<digest>'",
    ]]);
  });

  test('a refused image is reported once: the rollout does not compare its colours or canary with a placeholder', () => {
    const blueGreen = Rollout.blueGreen({ live: 'green', blueImage: 'c.io/tracking:1', greenImage: 'c.io/tracking:2' });
    expect(props({ tracking: { image: 'c.io/tracking:latest', rollout: blueGreen } })).toEqual(['tracking.image']);
    // A pinned image that is neither colour is still refused under blue-green.
    expect(props({ tracking: { image: 'c.io/tracking:3', rollout: blueGreen } })).toEqual(['tracking.image']);
    expect(problems({ tracking: { image: 'c.io/tracking:3', rollout: blueGreen } })[0][2]).toMatch(/colours' images run/);
    expect(props(order({ image: 'c.io/order', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 10 }) }))).toEqual(['order.image']);
  });

  test('a rollout is checked against the service\'s checked sizes', () => {
    expect(problems(order({ maxReplicas: 5, rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 10 }) })).map(([prop, value]) => [prop, value])).toEqual([['order.rollout.percent', 10]]);
    expect(problems(order({ minReplicas: 9, rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 50 }) })).map(([prop, value]) => [prop, value])).toEqual([]);
    expect(problems(order({ image: 'c.io/order:2', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 50 }) })).map(([prop]) => prop)).toEqual(['order.rollout.canaryImage']);
  });

  test('a refused maxReplicas is reported once: the rollout is checked against the default instead', () => {
    const rollout = Rollout.blueGreen({ live: 'blue', blueImage: 'c.io/order:1', greenImage: 'c.io/order:2', idleReplicas: 10 });
    expect(props(order({ maxReplicas: 1, rollout }))).toEqual(['order.maxReplicas']);
    expect(props(order({ minReplicas: 1, maxReplicas: 10, rollout }))).toEqual(['order.minReplicas']);
  });
});

describe('OrderWorkloads by region role', () => {
  test('a warm standby (a passive region\'s default): every service autoscaled from the standby minimum', () => {
    const json = synth({ role: RegionRole.PASSIVE });
    const hpas = Object.values(all(json, 'kubernetes_horizontal_pod_autoscaler_v2'));
    expect(hpas.map((h) => [h.metadata.name, h.spec.min_replicas, h.spec.max_replicas])).toEqual([['order-api', 1, 10], ['tracking-api', 1, 10]]);
    expect(resource(json, 'kubernetes_deployment_v1', 'Workloads_OrderDeployment').value.spec.replicas).toBe('1');
    expect(resource(json, 'kubernetes_config_map_v1', 'Workloads_OrderConfig').value.data.REGION_ROLE).toBe('passive');
  });

  test('a warm standby\'s minimum may rise to the smallest active minimum', () => {
    const { w } = build({ role: RegionRole.PASSIVE, standby: 'warm', standbyMinReplicas: 3, order: { image: 'c.io/order:1', minReplicas: 3 }, tracking: { image: 'c.io/tracking:1', minReplicas: 4 } });
    expect([w.releases.order.slots[0].autoscale, w.releases.tracking.slots[0].autoscale]).toEqual([{ min: 3, max: 10 }, { min: 3, max: 10 }]);
  });

  test('a pilot light: no Deployment, autoscaler or disruption budget, but the identities, Services and policies stay', () => {
    const { stack, w } = build({ role: RegionRole.PASSIVE, standby: 'pilot-light' });
    const json = synthStack(stack);
    expect([all(json, 'kubernetes_deployment_v1'), all(json, 'kubernetes_horizontal_pod_autoscaler_v2'), all(json, 'kubernetes_pod_disruption_budget_v1')]).toEqual([{}, {}, {}]);
    expect(Object.keys(json.resource).sort()).toEqual(['kubernetes_config_map_v1', 'kubernetes_namespace_v1', 'kubernetes_network_policy_v1', 'kubernetes_service_account_v1', 'kubernetes_service_v1']);
    expect(Object.values(all(json, 'kubernetes_service_v1')).map((s) => [s.metadata.name, s.depends_on])).toEqual([['order-api', []], ['tracking-api', []]]);
    expect([w.deployments, w.podGroups, w.services.order.deployments, w.services.order.disruptionBudget]).toEqual([{ order: [], tracking: [] }, [], [], undefined]);
  });

  test('standbyActive: a pilot light at active size during a failover', () => {
    const { w } = build({ role: RegionRole.PASSIVE, standby: 'pilot-light', standbyActive: true });
    expect(w.deployments).toEqual({ order: ['order-api'], tracking: ['tracking-api'] });
    expect(w.releases.order.slots[0].autoscale).toEqual({ min: 2, max: 10 });
  });

  test('standbyActive: a warm standby at active size, its standby minimum unchecked against the active one', () => {
    const { w } = build({ role: RegionRole.PASSIVE, standbyActive: true, standbyMinReplicas: 5 });
    expect(w.releases.tracking.slots[0].autoscale).toEqual({ min: 2, max: 10 });
  });

  test('public services: a public load balancer (with a DNS label when given) admitting the Internet but not pods', () => {
    const json = synth({ publicServices: ['order', 'tracking', 'order'], publicDnsLabels: { tracking: 'shop-tracking-api' } });
    const annotations = (prefix: string) => resource(json, 'kubernetes_service_v1', prefix).value.metadata.annotations;
    expect(annotations('Workloads_TrackingService')).toEqual({ 'service.beta.kubernetes.io/azure-dns-label-name': 'shop-tracking-api' });
    expect(annotations('Workloads_OrderService')).toEqual({});
    expect(resource(json, 'kubernetes_service_v1', 'Workloads_OrderService').value.spec.type).toBe('LoadBalancer');
    for (const prefix of ['Workloads_OrderNetworkPolicy', 'Workloads_TrackingNetworkPolicy']) {
      expect(resource(json, 'kubernetes_network_policy_v1', prefix).value.spec.ingress).toEqual([{ from: [{ ip_block: { cidr: '0.0.0.0/0', except: ['192.168.0.0/16'] } }], ports: [{ port: 'https', protocol: 'TCP' }] }]);
    }
  });

  test('one public service leaves the other internal', () => {
    const json = synth({ publicServices: ['tracking'] });
    expect(resource(json, 'kubernetes_service_v1', 'Workloads_OrderService').value.metadata.annotations['service.beta.kubernetes.io/azure-load-balancer-internal']).toBe('true');
    expect(resource(json, 'kubernetes_network_policy_v1', 'Workloads_OrderNetworkPolicy').value.spec.ingress[0].from).toEqual([{ ip_block: { cidr: '10.100.5.0/24' } }]);
  });
});

describe('OrderWorkloads scheduling model', () => {
  const pods = (o: Partial<WorkloadServiceOptions>, t: Partial<WorkloadServiceOptions>) => build({ order: { image: 'c.io/order:1', ...o }, tracking: { image: 'c.io/tracking:1', ...t } }).w.podGroups.map((g) => [g.cpuMillis, g.memoryMiB]);

  test('requests in m, cores, G and Ki', () => {
    expect(pods({ resources: { cpuRequest: '1500m', cpuLimit: '2', memoryRequest: '1G', memoryLimit: '2G' } }, { resources: { cpuRequest: '2', cpuLimit: '2', memoryRequest: '2048Ki', memoryLimit: '3M' } })).toEqual([[1500, 1e9 / 1024 ** 2], [2000, 2]]);
  });

  test('requests in K, M, bytes and fractions', () => {
    expect(pods({ resources: { cpuRequest: '0.25', memoryRequest: '1000K' } }, { resources: { memoryRequest: '5M' } })).toEqual([[250, 1e6 / 1024 ** 2], [250, 5e6 / 1024 ** 2]]);
    expect(pods({ resources: { memoryRequest: '1048576' } }, { resources: { memoryRequest: '0.5Gi' } })).toEqual([[250, 1], [250, 512]]);
  });

  test('the surge is a quarter of the maximum, rounded up', () => {
    expect(build({ order: { image: 'c.io/order:1', maxReplicas: 4 }, tracking: { image: 'c.io/tracking:1', maxReplicas: 5 } }).w.podGroups.map((g) => g.surge)).toEqual([1, 2]);
  });
});

describe('OrderWorkloads images', () => {
  const digest = '0123456789abcdef'.repeat(4);

  test.each([
    ['c.io/order:1'], ['o:1'], ['contoso.azurecr.io/order-api:1.4.2'], ['registry:5000/team/app:v1.0_rc-1'], ['c.io/team/app__x:1'], [`c.io/o@sha256:${digest}`],
    [`c.io/o:v${'1'.repeat(127)}`], ['c.io/o:_x'], ['c.io/o:V1'], ['c.io/o:latest-1'],
  ])('%s is a pinned image reference', (image) => {
    expect(build(order({ image })).w.releases.order.slots[0].image).toBe(image);
  });

  const FIX = "use e.g. 'contoso.azurecr.io/order-api:1.4.2' or '...@sha256:<digest>'";
  const UNPINNED = 'an image must be pinned by a tag (other than latest) or by a digest, so every rollout and rollback is reproducible';
  const NOT_A_REFERENCE = 'not an image reference (registry/repository:tag or @sha256:digest)';
  test.each([
    ['c.io/order', UNPINNED],
    ['registry:5000/team/app', UNPINNED],
    ['c.io/order:latest', "the tag 'latest' moves, so a rollout or rollback would not be reproducible"],
    ['C.io/order:1', 'registry and repository names are lower-case'],
    ['c.io/Order:1', 'registry and repository names are lower-case'],
    ['c.io/o@sha256:abc', 'a sha256 digest is 64 lower-case hex digits'],
    [`c.io/o@sha256:${digest.toUpperCase()}`, 'a sha256 digest is 64 lower-case hex digits'],
    ['c.io//o:1', NOT_A_REFERENCE],
    ['c.io/o:-V1', NOT_A_REFERENCE],
    [`c.io/o:v${'1'.repeat(128)}`, NOT_A_REFERENCE],
    [' c.io/o:1', NOT_A_REFERENCE],
    ['c.io/o:1 ', NOT_A_REFERENCE],
    ['-c.io/o:1', NOT_A_REFERENCE],
  ])('%j is refused: %s', (image, problem) => {
    expect(problems(order({ image }))).toEqual([['order.image', image, problem, FIX]]);
  });
});

describe('OrderWorkloads resources and probes', () => {
  test.each([['0.5'], ['1.5Gi'], ['100Ki'], ['64M']])('%s is a quantity', (memoryRequest) => {
    expect(problems(order({ resources: { memoryRequest, memoryLimit: '2Gi' } }))).toEqual([]);
  });

  test.each([['.5'], ['1.'], ['Mi'], ['1Ti'], ['1mi'], ['-1'], ['1e3'], ['x1'], ['1x'], ['1.5.5']])('%j is not a quantity', (memoryRequest) => {
    expect(problems(order({ resources: { memoryRequest } }))).toEqual([['order.resources.memoryRequest', memoryRequest, 'not a Kubernetes quantity', "use e.g. '250m', '1', '256Mi'"]]);
  });

  test('each resource is checked under its own prop, the first refused one reported', () => {
    expect(props(order({ resources: { cpuRequest: 'a', memoryLimit: 'b' } }))).toEqual(['order.resources.cpuRequest']);
    expect(props(order({ resources: { cpuLimit: 'a' } }))).toEqual(['order.resources.cpuLimit']);
    expect(props({ tracking: { image: 'c.io/tracking:1', resources: { memoryLimit: 'b' } } })).toEqual(['tracking.resources.memoryLimit']);
  });

  test('a limit below its request is refused; equal passes, across units', () => {
    expect(problems(order({ resources: { memoryRequest: '1Gi', memoryLimit: '1023Mi' } }))).toEqual([['order.resources.memoryLimit', '1023Mi', 'below the memory request 1Gi', 'set the limit at or above the request']]);
    expect(problems(order({ resources: { cpuRequest: '2', cpuLimit: '1999m' } }))).toEqual([['order.resources.cpuLimit', '1999m', 'below the CPU request 2', 'set the limit at or above the request']]);
    expect(problems(order({ resources: { memoryRequest: '1Gi', memoryLimit: '1024Mi', cpuRequest: '1500m', cpuLimit: '1.5' } }))).toEqual([]);
  });

  test.each<[string, string, string]>([
    ['1G', '953Mi', '954Mi'], ['1M', '976Ki', '977Ki'], ['1025K', '1000Ki', '1001Ki'], ['1Mi', '1048575', '1048576'],
  ])('a memory request of %s: a limit of %s is below it, %s is not', (memoryRequest, below, above) => {
    expect(props(order({ resources: { memoryRequest, memoryLimit: below } }))).toEqual(['order.resources.memoryLimit']);
    expect(props(order({ resources: { memoryRequest, memoryLimit: above } }))).toEqual([]);
  });

  test('probe paths start with / and have no spaces, query or fragment', () => {
    expect(problems(order({ probes: { readiness: '/', liveness: '/a/b-c', startup: '/s' } }))).toEqual([]);
    const fix = "use e.g. '/healthz/ready'";
    const problem = "a probe path starts with '/' and has no spaces, query or fragment";
    expect(problems(order({ probes: { readiness: 'ready' } }))).toEqual([['order.probes.readiness', 'ready', problem, fix]]);
    expect(problems(order({ probes: { liveness: '/a b' } }))).toEqual([['order.probes.liveness', '/a b', problem, fix]]);
    expect(problems(order({ probes: { startup: '/a?x' } }))).toEqual([['order.probes.startup', '/a?x', problem, fix]]);
    expect(problems(order({ probes: { startup: '/a#x' } }))).toEqual([['order.probes.startup', '/a#x', problem, fix]]);
    expect(problems(order({ probes: { startup: '' } }))).toEqual([['order.probes.startup', '', problem, fix]]);
  });

  test('probe paths must be distinct', () => {
    expect(problems(order({ probes: { startup: '/healthz/live' } }))).toEqual([[
      'order.probes', { readiness: '/healthz/ready', liveness: '/healthz/live', startup: '/healthz/live' },
      'readiness, liveness and startup share a path, so a slow dependency would restart pods instead of only taking them out of rotation', 'give each probe its own path',
    ]]);
  });
});

describe('OrderWorkloads service settings', () => {
  const integer = (prop: string, value: number, min: number, max: number, why: string): [string, unknown, string, string] => [prop, value, `must be an integer from ${min} to ${max} (${why})`, `set ${prop} between ${min} and ${max}`];

  test.each<[string, Partial<WorkloadServiceOptions>, [string, unknown, string, string]]>([
    ['one replica', { minReplicas: 1 }, integer('order.minReplicas', 1, 2, 1000, 'an active region runs at least 2 replicas: one pod or node loss must not stop the service')],
    ['1001 replicas', { minReplicas: 1001, maxReplicas: 1000 }, integer('order.minReplicas', 1001, 2, 1000, 'an active region runs at least 2 replicas: one pod or node loss must not stop the service')],
    ['a maximum below the minimum', { minReplicas: 4, maxReplicas: 3 }, integer('order.maxReplicas', 3, 4, 1000, 'at least minReplicas (4)')],
    ['a maximum above 1000', { maxReplicas: 1001 }, integer('order.maxReplicas', 1001, 2, 1000, 'at least minReplicas (2)')],
    ['a CPU target of 0', { cpuTargetPercent: 0 }, integer('order.cpuTargetPercent', 0, 1, 100, 'utilisation percent')],
    ['a CPU target above 100', { cpuTargetPercent: 101 }, integer('order.cpuTargetPercent', 101, 1, 100, 'utilisation percent')],
    ['a memory target of 0', { memoryTargetPercent: 0 }, integer('order.memoryTargetPercent', 0, 1, 100, 'utilisation percent')],
    ['a memory target above 100', { memoryTargetPercent: 101 }, integer('order.memoryTargetPercent', 101, 1, 100, 'utilisation percent')],
    ['a privileged port', { containerPort: 1023 }, integer('order.containerPort', 1023, 1024, 65535, 'non-root containers bind unprivileged ports')],
    ['a port above 65535', { containerPort: 65536 }, integer('order.containerPort', 65536, 1024, 65535, 'non-root containers bind unprivileged ports')],
    ['UID 10000', { runAsUser: 10000 }, integer('order.runAsUser', 10000, 10001, 2147483647, 'a UID above 10000 never collides with a host user')],
    ['a negative preStop pause', { preStopSeconds: -1 }, integer('order.preStopSeconds', -1, 0, 120, 'seconds')],
    ['a preStop pause above 120 s', { preStopSeconds: 121, terminationGracePeriodSeconds: 200 }, integer('order.preStopSeconds', 121, 0, 120, 'seconds')],
    ['a grace period as long as the preStop pause', { preStopSeconds: 30, terminationGracePeriodSeconds: 30 }, integer('order.terminationGracePeriodSeconds', 30, 31, 600, 'longer than the preStop pause, so requests can finish after SIGTERM')],
    ['a grace period above 600 s', { terminationGracePeriodSeconds: 601 }, integer('order.terminationGracePeriodSeconds', 601, 16, 600, 'longer than the preStop pause, so requests can finish after SIGTERM')],
    ['a preStop pause beyond the default grace period', { preStopSeconds: 60 }, integer('order.terminationGracePeriodSeconds', 45, 61, 600, 'longer than the preStop pause, so requests can finish after SIGTERM')],
  ])('refuses %s', (_label, options, expected) => {
    expect(problems(order(options))).toEqual([expected]);
  });

  test.each<[string, Partial<WorkloadServiceOptions>]>([
    ['the bounds of the replicas', { minReplicas: 1000, maxReplicas: 1000 }],
    ['the bounds of the targets and port', { cpuTargetPercent: 1, memoryTargetPercent: 100, containerPort: 65535 }],
    ['the lower bounds of the targets and port', { cpuTargetPercent: 100, memoryTargetPercent: 1, containerPort: 1024 }],
    ['the bounds of the UID and pauses', { runAsUser: 2147483647, preStopSeconds: 0, terminationGracePeriodSeconds: 1 }],
    ['the upper bounds of the pauses', { runAsUser: 10001, preStopSeconds: 120, terminationGracePeriodSeconds: 600 }],
    ['a grace period one second above the pause', { preStopSeconds: 30, terminationGracePeriodSeconds: 31 }],
  ])('accepts %s', (_label, options) => {
    expect(problems(order(options))).toEqual([]);
  });

  test('a refused preStop pause leaves the grace period checked against the default pause', () => {
    expect(props(order({ preStopSeconds: 121, terminationGracePeriodSeconds: 16 }))).toEqual(['order.preStopSeconds']);
    expect(props(order({ preStopSeconds: 121, terminationGracePeriodSeconds: 15 }))).toEqual(['order.preStopSeconds', 'order.terminationGracePeriodSeconds']);
  });

  test('the tracking service is checked as the order service is', () => {
    expect(props({ tracking: { image: 'c.io/tracking', minReplicas: 1, cpuTargetPercent: 0, memoryTargetPercent: 0, containerPort: 80, runAsUser: 0, preStopSeconds: -1, terminationGracePeriodSeconds: 0, resources: { cpuRequest: 'x' }, probes: { readiness: 'x' } } })).toEqual([
      'tracking.image', 'tracking.minReplicas', 'tracking.cpuTargetPercent', 'tracking.memoryTargetPercent', 'tracking.resources.cpuRequest', 'tracking.containerPort',
      'tracking.probes.readiness', 'tracking.runAsUser', 'tracking.preStopSeconds', 'tracking.terminationGracePeriodSeconds',
    ]);
  });
});

describe('OrderWorkloads region, role and wiring checks', () => {
  test.each<[string, Partial<OrderWorkloadsProps>, [string, unknown, string, string]]>([
    ['a namespace that is not a DNS label', { namespace: 'Shop' }, ['namespace', 'Shop', 'not a DNS-1123 label', "use lower-case letters, digits and hyphens, e.g. 'orders'"]],
    ['an ingress from another region', { ingress: { ...INGRESS, region: 'eastus2' } }, ['ingress.region', 'eastus2', "the ingress is the eastus2 stamp's, and the workloads run in westus3", 'pass the ingress of the stamp whose cluster runs the workloads (stamp.ingress)']],
    ['an ingress subnet that is not a CIDR', { ingress: { ...INGRESS, subnetCidr: '10.100.5.0' } }, ['ingress.subnetCidr', '10.100.5.0', 'not an IPv4 CIDR', "pass the stamp's ingress subnet (RegionalStamp.ingress)"]],
    ['a standby on a primary region', { standby: 'warm' }, ['standby', 'warm', 'only a passive region has a standby, and this region is primary, so the setting would be ignored', 'drop standby']],
    ['standbyActive on an active region', { role: RegionRole.ACTIVE, standbyActive: false }, ['standbyActive', false, 'only a passive region has a standby, and this region is active, so the setting would be ignored', 'drop standbyActive']],
    ['a standby minimum on a secondary region', { role: RegionRole.SECONDARY, standbyMinReplicas: 1 }, ['standbyMinReplicas', 1, 'only a passive region has a standby, and this region is secondary, so the setting would be ignored', 'drop standbyMinReplicas']],
    ['a standby minimum for a pilot light', { role: RegionRole.PASSIVE, standby: 'pilot-light', standbyMinReplicas: 1 }, ['standbyMinReplicas', 1, 'a pilot-light region runs no replicas, so the setting would be ignored', "drop standbyMinReplicas, or use standby 'warm'"]],
    ['a warm standby at the active minimum\'s size', { role: RegionRole.PASSIVE, standbyMinReplicas: 3, order: { image: 'c.io/order:1', minReplicas: 3 } }, ['standbyMinReplicas', 3, 'must be an integer from 1 to 2 (a warm standby runs fewer replicas than an active region, and at least one)', 'set standbyMinReplicas between 1 and 2']],
    ['a warm standby of no pods', { role: RegionRole.PASSIVE, standby: 'warm', standbyMinReplicas: 0 }, ['standbyMinReplicas', 0, 'must be an integer from 1 to 2 (a warm standby runs fewer replicas than an active region, and at least one)', 'set standbyMinReplicas between 1 and 2']],
    ['an order client ID that is not a GUID', { identities: { clientIds: { order: 'abc', tracking: TRACKING_ID }, namespace: 'orders' } }, ['identities.clientIds.order', 'abc', 'not a managed identity client ID (a GUID)', "pass the identity's client_id"]],
    ['a tracking client ID that is not a GUID', { identities: { clientIds: { order: ORDER_ID, tracking: 'abc' }, namespace: 'orders' } }, ['identities.clientIds.tracking', 'abc', 'not a managed identity client ID (a GUID)', "pass the identity's client_id"]],
    ['identities of another namespace', { namespace: 'shop' }, ['identities.namespace', 'orders', "the identities trust service accounts in namespace 'orders', but the workloads run in 'shop': Entra ID would refuse every token exchange", 'give WorkloadIdentities and OrderWorkloads the same namespace']],
    ['a private-endpoint range that is not a CIDR', { privateEndpointsCidr: '10.100.4.0/33' }, ['privateEndpointsCidr', '10.100.4.0/33', 'not an IPv4 CIDR', "pass the stamp's private-endpoint subnet, e.g. '10.100.4.0/24'"]],
    ['a DNS label of an internal service', { publicServices: ['tracking'], publicDnsLabels: { order: 'shop-order' } }, ['publicDnsLabels.order', 'shop-order', 'only public services get a DNS label, so the setting would be ignored', "list 'order' in publicServices, or drop the label"]],
    ['a DNS label keyed by something that is not a service', { publicServices: ['order'], publicDnsLabels: { orders: 'shop-order' } as never }, ['publicDnsLabels.orders', 'shop-order', "'orders' is not a service, so the label would label nothing", "key the label by a service ('order', 'tracking')"]],
    ['a DNS label that is not one', { publicServices: ['order'], publicDnsLabels: { order: 'Shop' } }, ['publicDnsLabels.order', 'Shop', 'not a DNS label (lower-case letters, digits and hyphens, starting with a letter, at most 63)', "use e.g. 'contoso-order-api'"]],
    ['a config key that is not an environment variable name', { config: { order: { '1X': 'v' }, tracking: {} } }, ['config.order.1X', '1X', 'not an environment variable name', 'use letters, digits and underscores, not starting with a digit']],
    ['a config key the workloads set', { config: { order: {}, tracking: { REGION_ROLE: 'x' } } }, ['config.tracking.REGION_ROLE', 'x', "REGION_ROLE is set from the workloads' own region and role, and this would override it", 'drop REGION_ROLE from the config']],
  ])('refuses %s', (_label, given, expected) => {
    expect(problems(given)).toEqual([expected]);
  });

  test('a region not in the catalog', () => {
    const found = problems({ region: 'west-us3', ingress: { ...INGRESS, region: 'west-us3' } });
    expect(found).toEqual([['region', 'west-us3', expect.stringMatching(/^not an Azure public region in the catalog/), "did you mean 'westus3' (West US 3)?"]]);
  });

  test('a client ID and an ingress address refused together with everything else, in order', () => {
    expect(props({
      namespace: 'Shop', ingress: { ...INGRESS, region: 'eastus2', podCidr: 'x' }, standby: 'warm', standbyActive: true, standbyMinReplicas: 1,
      identities: { clientIds: { order: 'a', tracking: 'b' }, namespace: 'orders' }, privateEndpointsCidr: 'x', publicDnsLabels: { order: 'x' },
      config: { order: { REGION: 'x' }, tracking: { 'A-B': 'x' } }, order: { image: 'c.io/order' }, tracking: { image: 'c.io/tracking:1', minReplicas: 1 },
    })).toEqual([
      'namespace', 'ingress.region', 'ingress.podCidr', 'standby', 'standbyActive', 'standbyMinReplicas', 'identities.clientIds.order', 'identities.clientIds.tracking',
      'privateEndpointsCidr', 'publicDnsLabels.order', 'config.order.REGION', 'config.tracking.A-B', 'order.image', 'tracking.minReplicas',
    ]);
  });

  test('a refused namespace is not compared with the identities\' one', () => {
    expect(props({ namespace: 'Shop', identities: { ...BASE.identities, namespace: 'shop' } })).toEqual(['namespace']);
  });

  test('the identities\' namespace must be the workloads\', named or defaulted', () => {
    expect(problems({ namespace: 'shop', identities: { ...BASE.identities, namespace: 'shop' } })).toEqual([]);
    expect(props({ identities: { ...BASE.identities, namespace: 'shop' } })).toEqual(['identities.namespace']);
  });

  test('a standby of a passive region, and public services with their labels, are accepted', () => {
    expect(problems({ role: RegionRole.PASSIVE, standby: 'warm', standbyActive: false, standbyMinReplicas: 2 })).toEqual([]);
    expect(problems({ publicServices: ['order'], publicDnsLabels: { order: `a${'b'.repeat(61)}9` } })).toEqual([]);
  });

  test.each([['A'], ['_x'], ['a1'], ['ORDER_DB_HOST']])('%s is an environment variable name', (name) => {
    expect(problems({ config: { order: { [name]: 'v' }, tracking: { [name]: 'v' } } })).toEqual([]);
  });

  test.each([['1A'], ['A-B'], ['A B'], ['A!'], ['!A']])('%j is not an environment variable name', (name) => {
    expect(props({ config: { order: {}, tracking: { [name]: 'v' } } })).toEqual([`config.tracking.${name}`]);
  });

  test('REGION is set by the workloads too', () => {
    expect(problems({ config: { order: { REGION: 'eastus' }, tracking: {} } })).toEqual([['config.order.REGION', 'eastus', "REGION is set from the workloads' own region and role, and this would override it", 'drop REGION from the config']]);
  });
});

describe('OrderWorkloads namespaces', () => {
  const inNamespace = (namespace: string) => problems({ namespace, identities: { ...BASE.identities, namespace } });

  test.each([['a'], [`a${'b'.repeat(61)}9`], ['defaults'], ['my-default'], ['kube'], ['kubesystem'], ['aks'], ['xaks-a'], ['calico'], ['tigera-operator2']])('%s is a namespace of its own', (namespace) => {
    expect(inNamespace(namespace)).toEqual([]);
  });

  test.each([[`a${'b'.repeat(62)}9`], ['a-'], ['-a'], ['1a'], ['a_b'], ['a!'], ['!a'], ['']])('%j is not a DNS label', (namespace) => {
    expect(inNamespace(namespace)).toEqual([['namespace', namespace, 'not a DNS-1123 label', "use lower-case letters, digits and hyphens, e.g. 'orders'"]]);
  });

  test.each([['default'], ['kube-system'], ['kube-node-lease'], ['gatekeeper-system'], ['app-routing-system'], ['calico-system'], ['tigera-operator'], ['aks-istio-ingress']])('%s belongs to Kubernetes or AKS', (namespace) => {
    expect(inNamespace(namespace)).toEqual([['namespace', namespace, 'Kubernetes or AKS owns this namespace: creating it fails on apply, and the platform must not share it with system pods', "use a namespace of its own, e.g. 'orders'"]]);
  });
});

describe('OrderWorkloads edge cases of the checks', () => {
  test('props are checked against their shape first, under their own names', () => {
    expect(problems({ namespce: 'shop' } as never)).toEqual([['namespce', 'shop', "unknown option 'namespce', which would be ignored", "did you mean 'namespace'?"]]);
  });

  test.each([
    // The problem is judged on the name without its trailing tag or digest: a registry port is not a tag.
    ['c.io:5000/o:V!', 'not an image reference (registry/repository:tag or @sha256:digest)'],
    ['c.io/o@sha256:A:b', 'a sha256 digest is 64 lower-case hex digits'],
    // Only a trailing `:latest` is the moving tag.
    ['c.io/o:latest!', 'not an image reference (registry/repository:tag or @sha256:digest)'],
    // A digest is hex digits: a slash after `@sha256:` pins nothing.
    ['c.io/o@sha256:/', 'an image must be pinned by a tag (other than latest) or by a digest, so every rollout and rollback is reproducible'],
  ])('%j is refused: %s', (image, problem) => {
    expect(problems(order({ image })).map(([prop, value, p]) => [prop, value, p])).toEqual([['order.image', image, problem]]);
  });

  test('a probe path must start with /, not merely contain one', () => {
    expect(props(order({ probes: { readiness: 'healthz/ready' } }))).toEqual(['order.probes.readiness']);
  });
});
