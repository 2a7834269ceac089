import { RootConstruct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RegionRole } from '../../lib/core/pattern';
import { checkShape } from '../../lib/core/validate';
import { Rollout } from '../../lib/workloads/rollout';
import { ORDER_WORKLOADS_SHAPE, WORKLOAD_SERVICE_SHAPE } from '../../lib/workloads/shapes';

/** Unit tests of the run-time shapes of the workload props (lib/workloads/shapes.ts), checked directly: no synth. */
const scope = new RootConstruct('workloads');
const INGRESS = {
  region: 'westus3', nodeResourceGroup: 'rg-nodes', subnetName: 'snet-ingress', subnetCidr: '10.100.5.0/24', podCidr: '192.168.0.0/16',
  services: { order: { privateIp: '10.100.5.10', privateLinkServiceName: 'pls-order-api' }, tracking: { privateIp: '10.100.5.11', privateLinkServiceName: 'pls-tracking-api' } },
};
const BASE = {
  region: 'westus3',
  role: RegionRole.PRIMARY,
  order: { image: 'c.io/order:1' },
  tracking: { image: 'c.io/tracking:1' },
  identities: { clientIds: { order: '11111111-1111-1111-1111-111111111111', tracking: '22222222-2222-2222-2222-222222222222' }, namespace: 'orders' },
  ingress: INGRESS,
  privateEndpointsCidr: '10.100.4.0/24',
  config: { order: { A: 'x' }, tracking: {} },
};
/** Every option of a service, given. */
const FULL_SERVICE = {
  image: 'c.io/order:2', minReplicas: 3, maxReplicas: 9, cpuTargetPercent: 60, memoryTargetPercent: 70,
  resources: { cpuRequest: '100m', cpuLimit: '2', memoryRequest: '128Mi', memoryLimit: '1Gi' }, containerPort: 8080,
  probes: { readiness: '/r', liveness: '/l', startup: '/s' }, runAsUser: 20000, preStopSeconds: 5, terminationGracePeriodSeconds: 30,
  rollout: Rollout.canary({ canaryImage: 'c.io/order:3', percent: 10 }),
};

/** The violations of props against the workloads' shape, as [prop, problem, fix]; none when they pass. */
function violations(props: unknown, shape = ORDER_WORKLOADS_SHAPE): [string, string, string][] {
  try {
    checkShape(scope, '', props, shape);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.problem, v.fix]);
  }
  return [];
}

describe('ORDER_WORKLOADS_SHAPE', () => {
  test('the required props alone pass', () => {
    expect(violations(BASE)).toEqual([]);
  });

  test('every optional prop given, nested ones too, passes', () => {
    expect(violations({
      ...BASE, role: RegionRole.PASSIVE, standby: 'pilot-light', standbyActive: true, standbyMinReplicas: 1, namespace: 'shop',
      order: FULL_SERVICE, tracking: { ...FULL_SERVICE, rollout: Rollout.blueGreen({ live: 'blue', blueImage: 'c.io/t:1', greenImage: 'c.io/t:2', idleReplicas: 2 }) },
      publicServices: ['order', 'tracking'], publicDnsLabels: { order: 'shop-order' },
    })).toEqual([]);
    expect(violations({ ...BASE, role: RegionRole.PASSIVE, standby: 'warm', tracking: { image: 'c.io/t:1', rollout: Rollout.rolling() } })).toEqual([]);
  });

  test('every region role passes, and only those', () => {
    for (const role of Object.values(RegionRole)) expect(violations({ ...BASE, role })).toEqual([]);
    expect(violations({ ...BASE, role: 'leader' })).toEqual([['role', `expected one of ${Object.values(RegionRole).map((r) => `'${r}'`).join(', ')}, got the string "leader"`, `give one of ${Object.values(RegionRole).map((r) => `'${r}'`).join(', ')}`]]);
  });

  test.each<[string, object, string, string]>([
    ['a standby mode that does not exist', { standby: 'cold' }, 'standby', 'expected one of \'warm\', \'pilot-light\', got the string "cold"'],
    ['a public service that does not exist', { publicServices: ['orders'] }, 'publicServices[0]', 'expected one of \'order\', \'tracking\', got the string "orders"'],
    ['a rollout that is not a Rollout', { order: { image: 'c.io/o:1', rollout: { kind: 'canary' } } }, 'order.rollout', 'expected a Rollout (Rollout.rolling(), Rollout.blueGreen({...}) or Rollout.canary({...})), got an object'],
    ['identities that are not identities', { identities: 'ids' }, 'identities', 'expected WorkloadIdentities (or { clientIds, namespace }), got the string "ids"'],
    ['a client ID that is not a string', { identities: { clientIds: { order: 1, tracking: 'x' }, namespace: 'orders' } }, 'identities.clientIds.order', 'expected a string, got the number 1'],
    ['a namespace of the identities missing', { identities: { clientIds: { order: 'x', tracking: 'y' } } }, 'identities.namespace', 'expected a string, got nothing (undefined)'],
    ['a standby flag as a string', { standbyActive: 'true' }, 'standbyActive', 'expected true or false (a boolean, not a string), got the string "true"'],
    ['a service without an image', { tracking: {} }, 'tracking.image', 'expected a string, got nothing (undefined)'],
    ['a replica count as a string', { order: { image: 'c.io/o:1', minReplicas: '2' } }, 'order.minReplicas', 'expected a number, got the string "2"'],
    ['a probe path as a number', { order: { image: 'c.io/o:1', probes: { startup: 5 } } }, 'order.probes.startup', 'expected a string, got the number 5'],
    ['a resource as a number', { order: { image: 'c.io/o:1', resources: { memoryLimit: 512 } } }, 'order.resources.memoryLimit', 'expected a string, got the number 512'],
    ['a config value as a number', { config: { order: { PORT: 1 }, tracking: {} } }, 'config.order.PORT', 'expected a string, got the number 1'],
    ['a DNS label as a number', { publicDnsLabels: { order: 7 } }, 'publicDnsLabels.order', 'expected a string, got the number 7'],
    ['an ingress that is not one', { ingress: [] }, 'ingress', 'expected a RegionalIngress (RegionalStamp.ingress), got a list'],
  ])('refuses %s', (_label, override, prop, problem) => {
    const found = violations({ ...BASE, ...override });
    expect(found.map(([p, pr]) => [p, pr])).toEqual([[prop, problem]]);
  });

  test.each<[string, object, string, string]>([
    ['a misspelt prop', { namespce: 'shop' }, 'namespce', "did you mean 'namespace'?"],
    ['a misspelt service option', { order: { image: 'c.io/o:1', maxReplica: 3 } }, 'order.maxReplica', "did you mean 'maxReplicas'?"],
    ['a misspelt probe', { order: { image: 'c.io/o:1', probes: { readyness: '/r' } } }, 'order.probes.readyness', "did you mean 'readiness'?"],
    ['a misspelt resource', { order: { image: 'c.io/o:1', resources: { cpuLimits: '1' } } }, 'order.resources.cpuLimits', "did you mean 'cpuLimit'?"],
    ['a third service\'s client ID', { identities: { clientIds: { order: 'x', tracking: 'y', payments: 'z' }, namespace: 'orders' } }, 'identities.clientIds.payments', "use only 'order', 'tracking'"],
    ['a third service\'s config', { config: { order: {}, tracking: {}, payments: {} } }, 'config.payments', "use only 'order', 'tracking'"],
  ])('refuses %s as an unknown option', (_label, override, prop, fix) => {
    const found = violations({ ...BASE, ...override });
    expect(found).toHaveLength(1);
    expect(found[0][0]).toBe(prop);
    expect(found[0][1]).toMatch(/^unknown option '.*', which would be ignored$/);
    expect(found[0][2]).toBe(fix);
  });

  test('identities may be a construct carrying more than the interface (a loose shape)', () => {
    expect(violations({ ...BASE, identities: { ...BASE.identities, identities: {}, node: {} } })).toEqual([]);
  });
});

describe('WORKLOAD_SERVICE_SHAPE', () => {
  test('a service with every option passes on its own', () => {
    expect(violations(FULL_SERVICE, WORKLOAD_SERVICE_SHAPE)).toEqual([]);
  });

  test('a service without an image does not', () => {
    expect(violations({ minReplicas: 2 }, WORKLOAD_SERVICE_SHAPE)).toEqual([['image', 'expected a string, got nothing (undefined)', 'give a string']]);
  });
});
