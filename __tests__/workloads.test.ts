import {
  DatabaseEngine, EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, OrderWorkloads, OrderWorkloadsProps, RedundancyPattern, RegionRole, Rollout, ValidationError,
} from '../lib';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { all, only, StackJson, synthApp, synthStack, testStack } from './support/synth';

const INGRESS = {
  region: 'westus3',
  nodeResourceGroup: 'rg-nodes',
  subnetName: 'snet-ingress',
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
  identityClientIds: { order: '11111111-1111-1111-1111-111111111111', tracking: '22222222-2222-2222-2222-222222222222' },
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

/** Resources of a type whose `metadata.name` starts with the service name. */
function forService(json: StackJson, type: string, service: string) {
  return Object.values(all(json, type)).filter((r) => r.metadata.name.startsWith(service));
}

describe('OrderWorkloads defaults (seed 003 checklist)', () => {
  const json = workloads();
  const deployments = Object.values(all(json, 'kubernetes_deployment_v1'));

  test('one Deployment per service, at least 2 replicas, RollingUpdate with maxUnavailable 0', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['order-api', 'tracking-api']);
    for (const d of deployments) {
      expect(d.spec.replicas).toBe('2');
      expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rolling_update: { max_unavailable: '0', max_surge: '25%' } });
      expect(d.lifecycle.ignore_changes).toEqual(['spec[0].replicas']);
    }
  });

  test('spread across zones and hosts; readiness, liveness and startup probes on distinct paths', () => {
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.topology_spread_constraint.map((t: { topology_key: string; when_unsatisfiable: string }) => [t.topology_key, t.when_unsatisfiable])).toEqual([
        ['topology.kubernetes.io/zone', 'DoNotSchedule'], ['kubernetes.io/hostname', 'ScheduleAnyway'],
      ]);
      const c = pod.container[0];
      expect([c.readiness_probe.http_get.path, c.liveness_probe.http_get.path, c.startup_probe.http_get.path]).toEqual(['/healthz/ready', '/healthz/live', '/healthz/startup']);
      expect(c.resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } });
    }
  });

  test('hardened security context: non-root UID above 10000, read-only root, no escalation, no capabilities, RuntimeDefault', () => {
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
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.container[0].lifecycle.pre_stop).toEqual([{ exec: { command: ['/bin/sh', '-c', 'sleep 10'] } }]);
      expect(pod.termination_grace_period_seconds).toBe(45);
    }
  });

  test('HPA on CPU and memory (min 2, max 10) and a PodDisruptionBudget per service', () => {
    for (const hpa of Object.values(all(json, 'kubernetes_horizontal_pod_autoscaler_v2'))) {
      expect(hpa.spec).toMatchObject({ min_replicas: 2, max_replicas: 10, scale_target_ref: { kind: 'Deployment' } });
      expect(hpa.spec.metric.map((m: { resource: { name: string; target: { average_utilization: number } } }) => [m.resource.name, m.resource.target.average_utilization])).toEqual([['cpu', 70], ['memory', 80]]);
    }
    expect(Object.values(all(json, 'kubernetes_pod_disruption_budget_v1')).map((p) => p.spec.max_unavailable)).toEqual(['1', '1']);
  });

  test('workload identity: service accounts carry the client IDs, pods opt in; no secrets in config', () => {
    const accounts = Object.fromEntries(Object.values(all(json, 'kubernetes_service_account_v1')).map((a) => [a.metadata.name, a.metadata.annotations['azure.workload.identity/client-id']]));
    expect(accounts).toEqual({ 'order-api': BASE.identityClientIds.order, 'tracking-api': BASE.identityClientIds.tracking });
    for (const d of deployments) expect(d.spec.template.metadata.labels['azure.workload.identity/use']).toBe('true');
    const config = forService(json, 'kubernetes_config_map_v1', 'order-api')[0].data;
    expect(config).toEqual({ REGION: 'westus3', REGION_ROLE: 'primary', ORDER_DB_WRITE_HOST: 'db.example' });
  });

  test('default-deny NetworkPolicy plus each service\'s allows', () => {
    const policies = Object.fromEntries(Object.values(all(json, 'kubernetes_network_policy_v1')).map((p) => [p.metadata.name, p.spec]));
    expect(policies['default-deny']).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
    const order = policies['order-api'];
    expect(order.ingress).toEqual([{ ports: [{ port: 'https', protocol: 'TCP' }] }]);
    expect(order.egress[1]).toEqual({ to: [{ ip_block: { cidr: '10.100.4.0/24' } }] });
  });

  test('exposure: internal load balancer at the fixed address with an AKS-managed Private Link Service', () => {
    const service = forService(json, 'kubernetes_service_v1', 'order-api')[0];
    expect(service.spec).toMatchObject({ type: 'LoadBalancer', selector: { app: 'order-api' }, port: [{ port: 443, target_port: 'https' }] });
    expect(service.metadata.annotations).toMatchObject({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.100.5.10',
      'service.beta.kubernetes.io/azure-pls-create': 'true',
      'service.beta.kubernetes.io/azure-pls-name': 'pls-order-api',
      'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': '/healthz/ready',
    });
  });
});

describe('OrderWorkloads by region role and release', () => {
  test('a public load balancer for Traffic Manager services', () => {
    const json = workloads({ publicServices: ['tracking'], publicDnsLabels: { tracking: 'shop-tracking-api-abc123' } });
    const annotations = forService(json, 'kubernetes_service_v1', 'tracking-api')[0].metadata.annotations;
    expect(annotations['service.beta.kubernetes.io/azure-load-balancer-internal']).toBeUndefined();
    expect(annotations['service.beta.kubernetes.io/azure-dns-label-name']).toBe('shop-tracking-api-abc123');
  });

  test('a standby region keeps the stable version only', () => {
    const json = workloads({ role: RegionRole.PASSIVE, standby: 'warm', order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 10 }) } });
    const byTrack = Object.fromEntries(forService(json, 'kubernetes_deployment_v1', 'order-api').map((d) => [d.metadata.labels.track, d.spec.replicas]));
    expect(byTrack).toEqual({ stable: '1', canary: '0' });
  });

  test('warm standby: reduced minimum, still autoscaled', () => {
    const json = workloads({ role: RegionRole.PASSIVE, standby: 'warm' });
    for (const d of Object.values(all(json, 'kubernetes_deployment_v1'))) expect(d.spec.replicas).toBe('1');
    for (const hpa of Object.values(all(json, 'kubernetes_horizontal_pod_autoscaler_v2'))) expect(hpa.spec).toMatchObject({ min_replicas: 1, max_replicas: 10 });
  });

  test('pilot light: zero replicas, no HPA, no PodDisruptionBudget', () => {
    const json = workloads({ role: RegionRole.PASSIVE, standby: 'pilot-light' });
    for (const d of Object.values(all(json, 'kubernetes_deployment_v1'))) {
      expect(d.spec.replicas).toBe('0');
      expect(d.lifecycle).toBeUndefined();
    }
    expect(all(json, 'kubernetes_horizontal_pod_autoscaler_v2')).toEqual({});
    expect(all(json, 'kubernetes_pod_disruption_budget_v1')).toEqual({});
  });

  test('blue-green: two Deployments, the Service selects the live colour; switching is one prop', () => {
    const make = (live: 'blue' | 'green') => workloads({ order: { image: 'c.io/order:2', rollout: Rollout.blueGreen({ live, blueImage: 'c.io/order:1', greenImage: 'c.io/order:2' }) } });
    const green = make('green');
    const deployments = forService(green, 'kubernetes_deployment_v1', 'order-api');
    expect(deployments.map((d) => [d.metadata.name, d.spec.template.spec.container[0].image]).sort()).toEqual([['order-api-blue', 'c.io/order:1'], ['order-api-green', 'c.io/order:2']]);
    expect(forService(green, 'kubernetes_service_v1', 'order-api')[0].spec.selector).toEqual({ app: 'order-api', track: 'green' });
    expect(forService(make('blue'), 'kubernetes_service_v1', 'order-api')[0].spec.selector).toEqual({ app: 'order-api', track: 'blue' });
  });

  test.each([[10, '1', '9'], [25, '1', '3'], [50, '2', '2'], [100, '2', '0'], [0, '0', '2']])('canary at %i%%: %s canary pod(s) beside %s stable', (percent, canaryReplicas, stableReplicas) => {
    const json = workloads({ order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent }) } });
    const byTrack = Object.fromEntries(forService(json, 'kubernetes_deployment_v1', 'order-api').map((d) => [d.metadata.labels.track, d.spec.replicas]));
    expect(byTrack.canary).toBe(canaryReplicas);
    expect(byTrack.stable).toBe(stableReplicas);
    const share = Number(canaryReplicas) / (Number(canaryReplicas) + Number(stableReplicas));
    expect(Math.abs(share * 100 - percent)).toBeLessThanOrEqual(5);
    // One Service over both tracks.
    expect(forService(json, 'kubernetes_service_v1', 'order-api')[0].spec.selector).toEqual({ app: 'order-api' });
  });
});

describe('OrderWorkloads bad input', () => {
  test.each<[string, Partial<OrderWorkloadsProps>, string]>([
    ['an image without a tag', { order: { image: 'contoso.azurecr.io/order-api' } }, 'test/Workloads: invalid order.image "contoso.azurecr.io/order-api": an image must be pinned by a tag other than latest or by a digest'],
    ['the latest tag', { tracking: { image: 'contoso.azurecr.io/tracking-api:latest' } }, 'invalid tracking.image "contoso.azurecr.io/tracking-api:latest"'],
    ['min replicas below 2 on an active region', { order: { image: 'c.io/o:1', minReplicas: 1 } }, 'invalid order.minReplicas 1: an active region runs at least 2 replicas'],
    ['max below min', { order: { image: 'c.io/o:1', minReplicas: 4, maxReplicas: 3 } }, 'invalid order.maxReplicas 3: below minReplicas (4)'],
    ['a memory limit below the request', { order: { image: 'c.io/o:1', resources: { memoryRequest: '1Gi', memoryLimit: '512Mi' } } }, 'invalid order.resources.memoryLimit "512Mi": below the memory request 1Gi'],
    ['a CPU limit below the request', { order: { image: 'c.io/o:1', resources: { cpuRequest: '2', cpuLimit: '500m' } } }, 'invalid order.resources.cpuLimit "500m"'],
    ['a canary share above 100', { order: { image: 'c.io/o:1', rollout: Rollout.canary({ canaryImage: 'c.io/o:2', percent: 150 }) } }, 'invalid order.rollout.percent 150: a canary share is 0-100 percent'],
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
    entry: { ...extra.entry, frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' }, ...extra.entry?.frontDoor } },
  }));
  const config = (stacks: Record<string, StackJson>, region: string, service: string) => forService(stacks[`shop-${region}-apps`], 'kubernetes_config_map_v1', service)[0].data;

  test('an -apps stack per region, kubernetes provider from the cluster data source with kubelogin', () => {
    const stacks = base(RedundancyPattern.primarySecondary(), ['westus3', 'eastus']);
    for (const region of ['westus3', 'eastus']) {
      const apps = stacks[`shop-${region}-apps`] as StackJson & { provider: { kubernetes: { host: string; exec: { command: string }[] }[] } };
      expect(apps.data?.azurerm_kubernetes_cluster).toBeDefined();
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
