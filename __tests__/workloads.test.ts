import {
  DatabaseEngine, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, OrderWorkloads, OrderWorkloadsProps, planRelease, RedundancyPattern, RegionRole, ReleaseInput,
  Rollout, SlotPlan, ValidationError,
} from '../lib';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { all, forService, only, StackJson, synthApp, synthStack, testStack } from './support/synth';

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
const BASE: OrderWorkloadsProps = {
  region: 'westus3',
  role: RegionRole.PRIMARY,
  order: { image: 'contoso.azurecr.io/order-api:1.0.0' },
  tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' },
  identities: { clientIds: { order: '11111111-1111-1111-1111-111111111111', tracking: '22222222-2222-2222-2222-222222222222' }, namespace: 'orders' },
  ingress: INGRESS,
  privateEndpointsCidr: '10.100.4.0/24',
  config: { order: { ORDER_DB_WRITE_HOST: 'db.example' }, tracking: { TRACKING_COSMOS_ENDPOINT: 'https://cosmos.example' } },
};

function workloads(props: Partial<OrderWorkloadsProps> = {}): StackJson {
  const stack = testStack();
  new KubernetesProvider(stack, 'Kubernetes', {});
  new OrderWorkloads(stack, 'Workloads', { ...BASE, ...props });
  return synthStack(stack);
}

/** Deployments of a service by slot (`a`, `b`): replicas, track, image, whether an HPA owns the count. */
function slots(json: StackJson, service: string): Record<string, { name: string; replicas: string; track: string; image: string; autoscaled: boolean }> {
  const hpas = Object.values(all(json, 'kubernetes_horizontal_pod_autoscaler_v2')).map((h) => h.metadata.name);
  return Object.fromEntries(forService(json, 'kubernetes_deployment_v1', service).map((d) => [d.spec.selector.match_labels.slot, {
    name: d.metadata.name, replicas: d.spec.replicas, track: d.metadata.labels.track, image: d.spec.template.spec.container[0].image,
    autoscaled: hpas.includes(d.metadata.name) && JSON.stringify(d.lifecycle?.ignore_changes) === '["spec[0].replicas"]',
  }]));
}

/** The main Service of a service (its load balancer), not the preview one. */
function mainService(json: StackJson, service: string) {
  return forService(json, 'kubernetes_service_v1', service).find((s) => s.metadata.name === service);
}

describe('OrderWorkloads defaults', () => {
  const json = workloads();
  const deployments = Object.values(all(json, 'kubernetes_deployment_v1'));

  test('one Deployment per service named after it, at least 2 replicas, RollingUpdate with maxUnavailable 0', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['order-api', 'tracking-api']);
    for (const d of deployments) {
      expect(d.spec.replicas).toBe('2');
      expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rolling_update: { max_unavailable: '0', max_surge: '25%' } });
      expect(d.lifecycle.ignore_changes).toEqual(['spec[0].replicas']);
      // The selector is immutable: the slot, never the release track.
      expect(d.spec.selector.match_labels).toEqual({ app: d.metadata.name, slot: 'a' });
    }
  });

  test('on the user pools only, spread over zones counting only the nodes the pods may use (taints and selector honoured)', () => {
    expect(deployments).toHaveLength(2);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.node_selector).toEqual({ 'kubernetes.azure.com/mode': 'user' });
      expect(pod.topology_spread_constraint.map((t: Record<string, unknown>) => [t.topology_key, t.when_unsatisfiable, t.node_taints_policy, t.node_affinity_policy])).toEqual([
        ['topology.kubernetes.io/zone', 'DoNotSchedule', 'Honor', 'Honor'], ['kubernetes.io/hostname', 'ScheduleAnyway', 'Honor', 'Honor'],
      ]);
      // Zones per slot; hosts over every pod of the service, so each node holds a similar share of it.
      expect(pod.topology_spread_constraint.map((t: { label_selector: { match_labels: object }[] }) => t.label_selector[0].match_labels)).toEqual([{ app: d.metadata.name, slot: 'a' }, { app: d.metadata.name }]);
    }
  });

  test('readiness, liveness and startup probes on distinct paths; requests and limits', () => {
    expect(deployments).toHaveLength(2);
    for (const d of deployments) {
      const c = d.spec.template.spec.container[0];
      expect([c.readiness_probe.http_get.path, c.liveness_probe.http_get.path, c.startup_probe.http_get.path]).toEqual(['/healthz/ready', '/healthz/live', '/healthz/startup']);
      expect(c.resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } });
    }
  });

  test('hardened security context: non-root UID above 10000, read-only root, no escalation, no capabilities, RuntimeDefault', () => {
    expect(deployments).toHaveLength(2);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.security_context).toMatchObject({ run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } });
      expect(Number(pod.security_context.run_as_user)).toBeGreaterThan(10000);
      expect(pod.container[0].security_context).toMatchObject({
        run_as_non_root: true, allow_privilege_escalation: false, privileged: false, read_only_root_filesystem: true,
        capabilities: { drop: ['ALL'] }, seccomp_profile: { type: 'RuntimeDefault' },
      });
    }
  });

  test('graceful shutdown: preStop pause, then a longer termination grace period', () => {
    expect(deployments).toHaveLength(2);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.container[0].lifecycle.pre_stop).toEqual([{ exec: { command: ['/bin/sh', '-c', 'sleep 15'] } }]);
      expect(pod.termination_grace_period_seconds).toBe(45);
    }
  });

  test('a configuration change rolls the pods: the pod template carries a hash of the ConfigMap data, computed by Terraform', () => {
    expect(deployments).toHaveLength(2);
    for (const d of deployments) {
      const config = Object.entries(all(json, 'kubernetes_config_map_v1')).find(([, c]) => c.metadata.name === `${d.metadata.name}-config`)![0];
      expect(d.spec.template.metadata.annotations['order-platform/config-sha256']).toBe(`\${sha256(jsonencode(kubernetes_config_map_v1.${config}.data))}`);
    }
  });

  test('HPA on CPU only by default (min 2, max 10) and a PodDisruptionBudget per service', () => {
    const hpas = Object.values(all(json, 'kubernetes_horizontal_pod_autoscaler_v2'));
    expect(hpas).toHaveLength(2);
    for (const hpa of hpas) {
      expect(hpa.spec).toMatchObject({ min_replicas: 2, max_replicas: 10, scale_target_ref: { kind: 'Deployment' } });
      expect(hpa.spec.metric.map((m: { resource: { name: string; target: { average_utilization: number } } }) => [m.resource.name, m.resource.target.average_utilization])).toEqual([['cpu', 70]]);
    }
    expect(Object.values(all(json, 'kubernetes_pod_disruption_budget_v1')).map((p) => p.spec.max_unavailable)).toEqual(['1', '1']);
  });

  test('workload identity: service accounts carry the client IDs, pods opt in; no secrets in config', () => {
    const accounts = Object.fromEntries(Object.values(all(json, 'kubernetes_service_account_v1')).map((a) => [a.metadata.name, a.metadata.annotations['azure.workload.identity/client-id']]));
    expect(accounts).toEqual({ 'order-api': BASE.identities.clientIds.order, 'tracking-api': BASE.identities.clientIds.tracking });
    expect(deployments).toHaveLength(2);
    for (const d of deployments) expect(d.spec.template.metadata.labels['azure.workload.identity/use']).toBe('true');
    const config = forService(json, 'kubernetes_config_map_v1', 'order-api')[0].data;
    expect(config).toEqual({ REGION: 'westus3', REGION_ROLE: 'primary', ORDER_DB_WRITE_HOST: 'db.example' });
  });

  test('default-deny NetworkPolicy; HTTPS in only from the Private Link Service NAT addresses (the ingress subnet), never from other pods', () => {
    const policies = Object.fromEntries(Object.values(all(json, 'kubernetes_network_policy_v1')).map((p) => [p.metadata.name, p.spec]));
    expect(policies['default-deny']).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
    for (const service of ['order-api', 'tracking-api']) {
      expect(policies[service].ingress).toEqual([{ from: [{ ip_block: { cidr: '10.100.5.0/24' } }], ports: [{ port: 'https', protocol: 'TCP' }] }]);
      expect(policies[service].egress[1]).toEqual({ to: [{ ip_block: { cidr: '10.100.4.0/24' } }] });
    }
  });

  test('exposure: internal load balancer at the fixed address with an AKS-managed Private Link Service; Local traffic policy, no TCP probe-path annotation', () => {
    const service = mainService(json, 'order-api');
    expect(service.spec).toMatchObject({ type: 'LoadBalancer', external_traffic_policy: 'Local', selector: { app: 'order-api' }, port: [{ port: 443, target_port: 'https' }] });
    expect(service.metadata.annotations).toMatchObject({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.100.5.10',
      'service.beta.kubernetes.io/azure-pls-create': 'true',
      'service.beta.kubernetes.io/azure-pls-name': 'pls-order-api',
    });
    expect(Object.keys(service.metadata.annotations).filter((k) => k.includes('health-probe'))).toEqual([]);
    // The Service switches only after the Deployment it selects is ready.
    expect(service.depends_on).toEqual([expect.stringMatching(/^kubernetes_deployment_v1\.Workloads_OrderDeployment_/)]);
  });

  test('exposes the pods of every Deployment for the scheduling check', () => {
    const stack = testStack();
    new KubernetesProvider(stack, 'Kubernetes', {});
    const w = new OrderWorkloads(stack, 'Workloads', BASE);
    expect(w.podGroups.map((g) => [g.name, g.cpuMillis, g.memoryMiB, g.minReplicas, g.maxReplicas, g.surge])).toEqual([['order-api', 250, 256, 2, 10, 3], ['tracking-api', 250, 256, 2, 10, 3]]);
  });
});

describe('OrderWorkloads by region role', () => {
  test('a public load balancer for Traffic Manager services, admitting Internet clients but not pods', () => {
    const json = workloads({ publicServices: ['tracking'], publicDnsLabels: { tracking: 'shop-tracking-api-abc123' } });
    const service = mainService(json, 'tracking-api');
    expect(service.metadata.annotations['service.beta.kubernetes.io/azure-load-balancer-internal']).toBeUndefined();
    expect(service.metadata.annotations['service.beta.kubernetes.io/azure-dns-label-name']).toBe('shop-tracking-api-abc123');
    const policy = Object.values(all(json, 'kubernetes_network_policy_v1')).find((p) => p.metadata.name === 'tracking-api');
    expect(policy.spec.ingress[0].from).toEqual([{ ip_block: { cidr: '0.0.0.0/0', except: ['192.168.0.0/16'] } }]);
  });

  test('warm standby: a reduced minimum, still autoscaled; the stable version only', () => {
    const json = workloads({ role: RegionRole.PASSIVE, standby: 'warm', order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 10 }) } });
    expect(slots(json, 'order-api')).toEqual({ a: { name: 'order-api', replicas: '1', track: 'stable', image: 'c.io/order:1', autoscaled: true } });
    const hpas = Object.values(all(json, 'kubernetes_horizontal_pod_autoscaler_v2'));
    expect(hpas.map((h) => h.metadata.name).sort()).toEqual(['order-api', 'tracking-api']);
    for (const hpa of hpas) expect(hpa.spec).toMatchObject({ min_replicas: 1, max_replicas: 10 });
  });

  test('pilot light: no Deployments, HPAs or PodDisruptionBudgets (nothing at zero for an HPA to inherit), but the Services and identities stay', () => {
    const json = workloads({ role: RegionRole.PASSIVE, standby: 'pilot-light' });
    expect(all(json, 'kubernetes_deployment_v1')).toEqual({});
    expect(all(json, 'kubernetes_horizontal_pod_autoscaler_v2')).toEqual({});
    expect(all(json, 'kubernetes_pod_disruption_budget_v1')).toEqual({});
    expect(Object.values(all(json, 'kubernetes_service_v1')).map((s) => s.metadata.name).sort()).toEqual(['order-api', 'tracking-api']);
    expect(Object.keys(all(json, 'kubernetes_service_account_v1'))).toHaveLength(2);
  });

  test('standbyActive: the passive region at active size, whatever its standby mode', () => {
    for (const standby of ['warm', 'pilot-light'] as const) {
      const json = workloads({ role: RegionRole.PASSIVE, standby, standbyActive: true });
      expect(slots(json, 'order-api')).toEqual({ a: { name: 'order-api', replicas: '2', track: 'stable', image: BASE.order.image, autoscaled: true } });
    }
  });
});

describe('OrderWorkloads releases', () => {
  const bg = (live: 'blue' | 'green', idleReplicas?: number) => workloads({ order: { image: 'c.io/order:2', rollout: Rollout.blueGreen({ live, blueImage: 'c.io/order:1', greenImage: 'c.io/order:2', idleReplicas }) } });

  test('blue-green: blue in order-api, green in order-api-b; the live colour autoscaled, the idle one at full size with a preview Service', () => {
    const green = bg('green');
    expect(slots(green, 'order-api')).toEqual({
      a: { name: 'order-api', replicas: '10', track: 'blue', image: 'c.io/order:1', autoscaled: false },
      b: { name: 'order-api-b', replicas: '2', track: 'green', image: 'c.io/order:2', autoscaled: true },
    });
    expect(mainService(green, 'order-api').spec.selector).toEqual({ app: 'order-api', slot: 'b' });
    const preview = forService(green, 'kubernetes_service_v1', 'order-api').find((s) => s.metadata.name === 'order-api-preview');
    expect(preview.spec).toMatchObject({ type: 'ClusterIP', selector: { app: 'order-api', slot: 'a' } });
    expect(mainService(bg('blue'), 'order-api').spec.selector).toEqual({ app: 'order-api', slot: 'a' });
  });

  test('blue-green ordering: the Service waits for the live colour; the idle colour shrinks only after the Service switched', () => {
    const json = bg('green');
    const ids = Object.fromEntries(Object.entries(all(json, 'kubernetes_deployment_v1')).map(([id, d]) => [d.metadata.name, id]));
    const serviceId = Object.entries(all(json, 'kubernetes_service_v1')).find(([, s]) => s.metadata.name === 'order-api')![0];
    expect(mainService(json, 'order-api').depends_on).toEqual([`kubernetes_deployment_v1.${ids['order-api-b']}`]);
    expect(all(json, 'kubernetes_deployment_v1')[ids['order-api']].depends_on).toEqual([`kubernetes_service_v1.${serviceId}`]);
  });

  test('blue-green: idleReplicas lowers the idle colour', () => {
    expect(slots(bg('blue', 3), 'order-api').b.replicas).toBe('3');
  });

  test.each([[10, '1', '9'], [25, '1', '3'], [50, '2', '2']])('canary at %i%%: %s canary pod(s) beside %s stable, one Service over both', (percent, canaryReplicas, stableReplicas) => {
    const json = workloads({ order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent }) } });
    const by = slots(json, 'order-api');
    expect(by.b).toEqual({ name: 'order-api-b', replicas: canaryReplicas, track: 'canary', image: 'c.io/order:2', autoscaled: false });
    expect(by.a).toMatchObject({ name: 'order-api', track: 'stable', autoscaled: true });
    const hpa = Object.values(all(json, 'kubernetes_horizontal_pod_autoscaler_v2')).find((h) => h.metadata.name === 'order-api');
    expect(String(hpa.spec.min_replicas)).toBe(stableReplicas);
    const share = Number(canaryReplicas) / (Number(canaryReplicas) + Number(stableReplicas));
    expect(Math.abs(share * 100 - percent)).toBeLessThanOrEqual(5);
    expect(mainService(json, 'order-api').spec.selector).toEqual({ app: 'order-api' });
  });

  test('canary at 0%: no canary Deployment at all', () => {
    const json = workloads({ order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 0 }) } });
    expect(Object.keys(slots(json, 'order-api'))).toEqual(['a']);
  });

  test('canary at 100%: the Service selects the canary at full size; the stable version idles at full size for a rollback', () => {
    const json = workloads({ order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 100 }) } });
    expect(slots(json, 'order-api')).toEqual({
      a: { name: 'order-api', replicas: '10', track: 'stable', image: 'c.io/order:1', autoscaled: false },
      b: { name: 'order-api-b', replicas: '10', track: 'canary', image: 'c.io/order:2', autoscaled: false },
    });
    expect(mainService(json, 'order-api').spec.selector).toEqual({ app: 'order-api', slot: 'b' });
  });
});

describe('planRelease: each rollout plans its own slots', () => {
  const size = { image: 'c.io/o:1', minReplicas: 2, maxReplicas: 10, standbyMinReplicas: 1 };
  const plan = (rollout: Rollout, extra: Partial<ReleaseInput> = {}) => planRelease({ ...size, rollout, ...extra });
  const serving = (slot: 'a' | 'b', track: SlotPlan['track'], image: string, min: number, max: number): SlotPlan => ({ slot, track, image, serving: true, autoscale: { min, max }, replicas: min });
  const fixed = (slot: 'a' | 'b', track: SlotPlan['track'], image: string, replicas: number, isServing: boolean): SlotPlan => ({ slot, track, image, serving: isServing, replicas });
  const blueGreen = (live: 'blue' | 'green', idleReplicas?: number) => Rollout.blueGreen({ live, blueImage: 'c.io/o:1', greenImage: 'c.io/o:2', idleReplicas });
  const canary = (percent: number) => Rollout.canary({ canaryImage: 'c.io/o:2', percent });

  test('rolling: one autoscaled stable slot at the active range, or at the warm standby minimum', () => {
    expect(plan(Rollout.rolling())).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 2, 10)] });
    expect(plan(Rollout.rolling(), { standby: 'warm' })).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 1, 10)] });
    // The maximum never falls below the minimum.
    expect(plan(Rollout.rolling(), { minReplicas: 12 })).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 12, 12)] });
  });

  test('pilot light: no slot, whatever the rollout', () => {
    const rollouts = [Rollout.rolling(), blueGreen('green'), canary(10), canary(100)];
    expect(rollouts.map((r) => plan(r, { standby: 'pilot-light' }))).toEqual([{ slots: [] }, { slots: [] }, { slots: [] }, { slots: [] }]);
  });

  test('blue-green: the live colour autoscaled and selected, the idle one fixed at full size (or idleReplicas) and previewed', () => {
    expect(plan(blueGreen('green'))).toEqual({ slots: [fixed('a', 'blue', 'c.io/o:1', 10, false), serving('b', 'green', 'c.io/o:2', 2, 10)], selectedSlot: 'b', previewSlot: 'a' });
    expect(plan(blueGreen('blue', 3))).toEqual({ slots: [serving('a', 'blue', 'c.io/o:1', 2, 10), fixed('b', 'green', 'c.io/o:2', 3, false)], selectedSlot: 'a', previewSlot: 'b' });
    // A warm standby carries no traffic: the idle colour is as small as the live one.
    expect(plan(blueGreen('blue', 3), { standby: 'warm' })).toEqual({ slots: [serving('a', 'blue', 'c.io/o:1', 1, 10), fixed('b', 'green', 'c.io/o:2', 1, false)], selectedSlot: 'a', previewSlot: 'b' });
  });

  test('canary: none at 0 % and on a warm standby; a pod ratio between; the canary alone at 100 % with the stable version idle', () => {
    expect(plan(canary(0))).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 2, 10)] });
    expect(plan(canary(50), { standby: 'warm' })).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 1, 10)] });
    expect(plan(canary(10))).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 9, 10), fixed('b', 'canary', 'c.io/o:2', 1, true)] });
    expect(plan(canary(25))).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 3, 10), fixed('b', 'canary', 'c.io/o:2', 1, true)] });
    expect(plan(canary(50))).toEqual({ slots: [serving('a', 'stable', 'c.io/o:1', 2, 10), fixed('b', 'canary', 'c.io/o:2', 2, true)] });
    expect(plan(canary(100))).toEqual({ slots: [fixed('a', 'stable', 'c.io/o:1', 10, false), fixed('b', 'canary', 'c.io/o:2', 10, true)], selectedSlot: 'b', previewSlot: 'a' });
  });

  test("the workloads run their rollouts' plans", () => {
    const stack = testStack();
    new KubernetesProvider(stack, 'Kubernetes', {});
    const w = new OrderWorkloads(stack, 'Workloads', { ...BASE, order: { image: 'c.io/o:2', rollout: blueGreen('green') }, tracking: { image: 'c.io/t:1', rollout: Rollout.canary({ canaryImage: 'c.io/t:2', percent: 50 }) } });
    expect(w.releases.order).toEqual(plan(blueGreen('green'), { image: 'c.io/o:2' }));
    expect(w.releases.tracking).toEqual(planRelease({ ...size, image: 'c.io/t:1', rollout: Rollout.canary({ canaryImage: 'c.io/t:2', percent: 50 }) }));
    expect(w.deployments).toEqual({ order: ['order-api', 'order-api-b'], tracking: ['tracking-api', 'tracking-api-b'] });
  });

  test('a rollout exposes no kind or options to switch on, only the factories', () => {
    const rollout = Rollout.canary({ canaryImage: 'c.io/o:2', percent: 10 }) as unknown as Record<string, unknown>;
    expect(['kind', 'blueGreenOptions', 'canaryOptions'].filter((key) => key in rollout)).toEqual([]);
  });
});

describe('OrderWorkloads bad input', () => {
  test.each<[string, Partial<OrderWorkloadsProps>, string]>([
    ['an image without a tag', { order: { image: 'contoso.azurecr.io/order-api' } }, 'test/Workloads: invalid order.image "contoso.azurecr.io/order-api": an image must be pinned by a tag (other than latest) or by a digest'],
    ['the latest tag', { tracking: { image: 'contoso.azurecr.io/tracking-api:latest' } }, 'invalid tracking.image "contoso.azurecr.io/tracking-api:latest"'],
    ['min replicas below 2 on an active region', { order: { image: 'c.io/o:1', minReplicas: 1 } }, 'invalid order.minReplicas 1: must be an integer from 2 to 1000 (an active region runs at least 2 replicas'],
    ['max below min', { order: { image: 'c.io/o:1', minReplicas: 4, maxReplicas: 3 } }, 'invalid order.maxReplicas 3: must be an integer from 4 to 1000 (at least minReplicas (4))'],
    ['a memory limit below the request', { order: { image: 'c.io/o:1', resources: { memoryRequest: '1Gi', memoryLimit: '512Mi' } } }, 'invalid order.resources.memoryLimit "512Mi": below the memory request 1Gi'],
    ['a CPU limit below the request', { order: { image: 'c.io/o:1', resources: { cpuRequest: '2', cpuLimit: '500m' } } }, 'invalid order.resources.cpuLimit "500m"'],
    ['a canary share above 100', { order: { image: 'c.io/o:1', rollout: Rollout.canary({ canaryImage: 'c.io/o:2', percent: 150 }) } }, 'invalid order.rollout.percent 150: must be an integer from 0 to 100 (a canary share is a whole percentage'],
    ['a canary share below 0', { order: { image: 'c.io/o:1', rollout: Rollout.canary({ canaryImage: 'c.io/o:2', percent: -5 }) } }, 'invalid order.rollout.percent -5'],
    ['blue-green with no previous colour', { order: { image: 'c.io/o:2', rollout: Rollout.blueGreen({ live: 'green', blueImage: 'c.io/o:2', greenImage: 'c.io/o:2' }) } }, 'invalid order.rollout.blueImage "c.io/o:2": both colours run the same image, so there is no previous version to roll back to'],
    ['probe paths colliding', { order: { image: 'c.io/o:1', probes: { liveness: '/healthz/ready' } } }, 'readiness, liveness and startup share a path'],
    ['a UID of 1000', { order: { image: 'c.io/o:1', runAsUser: 1000 } }, 'invalid order.runAsUser 1000: must be an integer from 10001'],
    ['a grace period shorter than the preStop pause', { order: { image: 'c.io/o:1', preStopSeconds: 30, terminationGracePeriodSeconds: 20 } }, 'invalid order.terminationGracePeriodSeconds 20'],
    ['a CPU target above 100%', { tracking: { image: 'c.io/t:1', cpuTargetPercent: 150 } }, 'invalid tracking.cpuTargetPercent 150'],
    ['a namespace that is not a DNS label', { namespace: 'Orders_NS' }, 'invalid namespace "Orders_NS": not a DNS-1123 label'],
  ])('rejects %s', (_label, props, message) => {
    expect(() => workloads(props)).toThrow(ValidationError);
    expect(() => workloads(props)).toThrow(message);
  });
});

describe('workloads in the platform', () => {
  const admin = { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' };
  const base = (pattern: RedundancyPattern, regions: string[], extra: Partial<MultiRegionOrderPlatformProps> = {}): Record<string, StackJson> => synthApp((app) => new MultiRegionOrderPlatform(app, 'shop', {
    prefix: 'shop', pattern, regions,
    database: { engine: DatabaseEngine.sql(), administrator: admin },
    trackingStore: {},
    eventBus: {},
    workloads: { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } },
    ...extra,
    entry: { ...extra.entry, frontDoor: { originHostHeaders: Object.fromEntries(Object.entries({ order: 'orders.contoso.com', tracking: 'tracking.contoso.com' }).filter(([k]) => !(extra.entry?.trafficManager?.services ?? []).includes(k as 'order'))), ...extra.entry?.frontDoor } },
  }));
  const config = (stacks: Record<string, StackJson>, region: string, service: string) => forService(stacks[`shop-${region}-apps`], 'kubernetes_config_map_v1', service)[0].data;

  test('an -apps stack per region, kubernetes provider from the cluster data source with kubelogin', () => {
    const stacks = base(RedundancyPattern.primarySecondary(), ['westus3', 'eastus']);
    for (const region of ['westus3', 'eastus']) {
      const apps = stacks[`shop-${region}-apps`] as StackJson & { provider: { kubernetes: { host: string; exec: { command: string }[] }[] } };
      // The cluster of the region's own stamp stack, through its outputs.
      expect(apps.data?.azurerm_kubernetes_cluster?.Cluster).toMatchObject({
        name: expect.stringMatching(new RegExp(`^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-shop-${region}\\.outputs\\.[^}]*azurerm_kubernetes_cluster[^}]*name\\}$`)),
        resource_group_name: expect.stringMatching(new RegExp(`^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-shop-${region}\\.outputs\\.`)),
      });
      expect(apps.provider.kubernetes[0].host).toContain('data.azurerm_kubernetes_cluster.Cluster.kube_config[0].host');
      expect(apps.provider.kubernetes[0].exec[0].command).toBe('kubelogin');
      expect(JSON.stringify(apps)).not.toMatch(/client_key|client_certificate|"token"/);
      // Identities and their federation live in the region stack.
      const federations = Object.values(all(stacks[`shop-${region}`], 'azurerm_federated_identity_credential'));
      expect(federations.map((f) => f.subject).sort()).toEqual(['system:serviceaccount:orders:order-api', 'system:serviceaccount:orders:tracking-api']);
      const roles = Object.values(all(stacks[`shop-${region}`], 'azurerm_role_assignment')).map((r) => r.role_definition_name);
      expect(roles).toEqual(expect.arrayContaining(['Azure Service Bus Data Sender', 'Azure Service Bus Data Receiver']));
      expect(Object.values(all(stacks[`shop-${region}`], 'azurerm_cosmosdb_sql_role_assignment'))).toHaveLength(1);
    }
  });

  test.each([
    ['azurecli', ['--login', 'azurecli']],
    ['servicePrincipal', ['--login', 'spn', '--use-azurerm-env-vars']],
    ['workloadIdentity', ['--login', 'workloadidentity', '--use-azurerm-env-vars']],
    ['managedIdentity', ['--login', 'msi', '--use-azurerm-env-vars']],
  ] as const)('kubelogin logs in as the deployer runs azurerm: %s', (deployerLogin, args) => {
    const stacks = base(RedundancyPattern.zoneRedundant(), ['westus3'], { kubernetes: { deployerLogin } });
    const apps = stacks['shop-westus3-apps'] as StackJson & { provider: { kubernetes: { exec: { command: string; args: string[] }[] }[] } };
    expect(apps.provider.kubernetes[0].exec[0]).toMatchObject({ command: 'kubelogin', args: ['get-token', ...args, '--server-id', '6dae42f8-4368-4678-94ff-3960e28e3630'] });
    // The cluster-admin grant goes to the same identity: the one azurerm runs as.
    expect(Object.values(all(stacks['shop-westus3'], 'azurerm_role_assignment')).find((r) => r.role_definition_name === 'Azure Kubernetes Service RBAC Cluster Admin').principal_id).toMatch(/data\.azurerm_client_config\.[^.]+\.object_id/);
  });

  test('primarySecondary wiring: the primary reads where it writes; the secondary reads the read-only listener and writes the read-write one', () => {
    const stacks = base(RedundancyPattern.primarySecondary(), ['westus3', 'eastus']);
    const primary = config(stacks, 'westus3', 'order-api');
    const secondary = config(stacks, 'eastus', 'order-api');
    expect(primary.ORDER_DB_WRITE_HOST).toMatch(/^shop-sqlfg-westus3-[0-9a-f]{6}\.database\.windows\.net$/);
    expect(primary.ORDER_DB_READ_HOST).toBe(primary.ORDER_DB_WRITE_HOST);
    expect(secondary.ORDER_DB_WRITE_HOST).toBe(primary.ORDER_DB_WRITE_HOST);
    expect(secondary.ORDER_DB_READ_HOST).toBe(primary.ORDER_DB_WRITE_HOST.replace('.database.', '.secondary.database.'));
    expect(secondary.REGION_ROLE).toBe('secondary');
    expect(config(stacks, 'eastus', 'tracking-api').TRACKING_PREFERRED_REGIONS).toBe('East US,West US 3');
    expect(config(stacks, 'eastus', 'tracking-api').EVENTS_HOST).toMatch(/^shop-sbns-alias-westus3-/);
  });

  test('activePassive wiring: both regions use the read-write listener; the passive region is a warm standby', () => {
    const stacks = base(RedundancyPattern.activePassive(), ['eastus2', 'centralus']);
    const passive = config(stacks, 'centralus', 'order-api');
    expect(passive.ORDER_DB_READ_HOST).toBe(passive.ORDER_DB_WRITE_HOST);
    expect(Object.values(all(stacks['shop-centralus-apps'], 'kubernetes_horizontal_pod_autoscaler_v2')).map((h) => h.spec.min_replicas)).toEqual([1, 1]);
    expect(Object.values(all(stacks['shop-eastus2-apps'], 'kubernetes_horizontal_pod_autoscaler_v2')).map((h) => h.spec.min_replicas)).toEqual([2, 2]);
  });

  test('activeActive wiring: own cell for writes, every cell read from the local copy', () => {
    const regions = ['eastus2', 'westus3', 'centralus'];
    const stacks = base(RedundancyPattern.activeActive(), regions);
    const c = config(stacks, 'westus3', 'order-api');
    expect(c.ORDER_DB_WRITE_HOST).toMatch(/^shop-sqlfg-westus3-/);
    expect(c.ORDER_DB_NAME).toBe('orders-westus3');
    const cells = JSON.parse(c.ORDER_DB_CELLS);
    expect(cells.map((x: { home: string }) => x.home)).toEqual(regions);
    // Every cell's read host is the local (westus3) server.
    expect(new Set(cells.map((x: { readHost: string }) => x.readHost)).size).toBe(1);
    expect(c.ORDER_DB_READ_HOST).toBe(cells[1].readHost);
  });

  test('regionPinned wiring: each cell only its own database', () => {
    const stacks = base(RedundancyPattern.regionPinned(), ['westeurope', 'japaneast'], { entry: { geoRouting: { countries: { westeurope: ['DE'], japaneast: ['JP'] } } } });
    const we = config(stacks, 'westeurope', 'order-api');
    const jp = config(stacks, 'japaneast', 'order-api');
    expect(we.ORDER_DB_WRITE_HOST).not.toBe(jp.ORDER_DB_WRITE_HOST);
    expect(we.ORDER_DB_CELLS).toBeUndefined();
  });

  test('Traffic Manager services get public load balancers, and their DNS names become the endpoints', () => {
    const stacks = base(RedundancyPattern.activeActive(), ['eastus2', 'westus3'], { eventBus: { transport: EventTransport.serviceBus() }, entry: { trafficManager: { services: ['tracking'] } } });
    const service = forService(stacks['shop-eastus2-apps'], 'kubernetes_service_v1', 'tracking-api')[0];
    const label = service.metadata.annotations['service.beta.kubernetes.io/azure-dns-label-name'];
    expect(label).toMatch(/^shop-tracking-api-[0-9a-f]{6}$/);
    const endpoints = Object.values(all(stacks['shop-edge'], 'azurerm_traffic_manager_external_endpoint')).map((e) => e.target);
    expect(endpoints).toContain(`${label}.eastus2.cloudapp.azure.com`);
    expect(only(stacks['shop-edge'], 'azurerm_traffic_manager_profile').traffic_routing_method).toBe('Performance');
    // The node subnet's NSG lets the Internet reach the public load balancers (AKS only opens its own NSG).
    const nodesNsg = Object.values(all(stacks['shop-eastus2'], 'azurerm_network_security_group')).find((n) => n.name === 'nsg-aks-nodes');
    expect(nodesNsg.security_rule).toEqual([expect.objectContaining({ direction: 'Inbound', access: 'Allow', source_address_prefix: 'Internet', destination_port_ranges: ['443'] })]);
  });

  test('without public services the node subnet stays closed to the Internet', () => {
    const stacks = base(RedundancyPattern.zoneRedundant(), ['westus3']);
    const nodesNsg = Object.values(all(stacks['shop-westus3'], 'azurerm_network_security_group')).find((n) => n.name === 'nsg-aks-nodes');
    expect(nodesNsg.security_rule).toBeUndefined();
  });

  test('API Management in front: the services get public load balancers that become its backends', () => {
    const stacks = base(RedundancyPattern.zoneRedundant(), ['westus3'], { entry: { apiManagement: { publisherName: 'Contoso', publisherEmail: 'p@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } } } });
    const label = forService(stacks['shop-westus3-apps'], 'kubernetes_service_v1', 'order-api')[0].metadata.annotations['service.beta.kubernetes.io/azure-dns-label-name'];
    expect(Object.values(all(stacks['shop-edge'], 'azurerm_api_management_backend')).map((b) => b.url)).toContain(`https://${label}.westus3.cloudapp.azure.com/orders`);
  });
});

describe('OrderWorkloads exposes its Kubernetes objects', () => {
  /** The Terraform address of a construct's resource in the synthesized stack. */
  const address = (stack: ReturnType<typeof testStack>, resource: { terraformResourceType: string; friendlyUniqueId: string }) => `${resource.terraformResourceType}.${stack.getLogicalId(resource as never)}`;

  test('namespace, default deny and, per service, every object it synthesizes, by slot', () => {
    const stack = testStack();
    new KubernetesProvider(stack, 'Kubernetes', {});
    const w = new OrderWorkloads(stack, 'Workloads', { ...BASE, tracking: { image: 'contoso.azurecr.io/tracking-api:2.0.0', rollout: Rollout.blueGreen({ live: 'green', blueImage: 'contoso.azurecr.io/tracking-api:1.0.0', greenImage: 'contoso.azurecr.io/tracking-api:2.0.0' }) } });
    const json = synthStack(stack);
    const exposed = [
      w.namespace, w.defaultDenyPolicy,
      ...Object.values(w.services).flatMap((s) => [s.serviceAccount, s.config, s.service, s.networkPolicy, s.disruptionBudget!, ...(s.previewService ? [s.previewService] : []), ...s.deployments.flatMap((d) => [d.deployment, ...(d.autoscaler ? [d.autoscaler] : [])])]),
    ].map((r) => address(stack, r)).sort();
    const synthesized = Object.entries(json.resource).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)).sort();
    // Every exposed object is a distinct synthesized resource, and nothing synthesized is left unexposed.
    expect(new Set(exposed).size).toBe(exposed.length);
    expect(exposed).toEqual(synthesized);
    expect(w.services.order.deployments.map((d) => [d.slot, d.autoscaler !== undefined])).toEqual([['a', true]]);
    const tracking = Object.values(all(json, 'kubernetes_deployment_v1')).filter((d) => d.metadata.name.startsWith('tracking-api')).map((d) => d.metadata.name).sort();
    expect(tracking).toEqual(['tracking-api', 'tracking-api-b']);
    expect(w.services.tracking.deployments.map((d) => [d.slot, address(stack, d.deployment)])).toEqual([['a', expect.stringMatching(/^kubernetes_deployment_v1\.Workloads_TrackingDeployment_/)], ['b', expect.stringMatching(/^kubernetes_deployment_v1\.Workloads_TrackingDeploymentB_/)]]);
    expect(address(stack, w.services.tracking.previewService!)).toMatch(/^kubernetes_service_v1\.Workloads_TrackingPreviewService_/);
    expect(w.services.order.previewService).toBeUndefined();
    expect(w.deployments.tracking).toHaveLength(2);
  });

  test('a pilot-light region exposes no Deployment and no disruption budget', () => {
    const stack = testStack();
    new KubernetesProvider(stack, 'Kubernetes', {});
    const w = new OrderWorkloads(stack, 'Workloads', { ...BASE, role: RegionRole.PASSIVE, standby: 'pilot-light' });
    expect(w.services.order.deployments).toEqual([]);
    expect(w.services.order.disruptionBudget).toBeUndefined();
    expect(w.deployments.order).toEqual([]);
  });
});
