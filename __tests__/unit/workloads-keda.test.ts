import { Lazy, TerraformStack } from 'cdktf';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ValidationError } from '../../lib/core/errors';
import { Checks } from '../../lib/core/validate';
import { RegionRole } from '../../lib/core/pattern';
import { checkKeda, slotFloor, SCALE_BEHAVIOR } from '../../lib/workloads/keda';
import { OrderWorkloads } from '../../lib/workloads/order-workloads';
import { KedaScaling, OrderWorkloadsProps } from '../../lib/workloads/order-workloads-types';
import { Rollout } from '../../lib/workloads/rollout';
import { all, StackJson, synthStack, testStack } from '../support/synth';

/** Unit tests of the KEDA objects of `OrderWorkloads` (lib/workloads/keda.ts): ScaledObjects, their triggers and checks. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const INGRESS = {
  region: 'westus3', nodeResourceGroup: 'rg-nodes', subnetName: 'snet-ingress', subnetCidr: '10.100.5.0/24', podCidr: '192.168.0.0/16',
  services: { order: { privateIp: '10.100.5.10', privateLinkServiceName: 'pls-order-api' }, tracking: { privateIp: '10.100.5.11', privateLinkServiceName: 'pls-tracking-api' } },
};
const KEDA_ID = '55555555-5555-5555-5555-555555555555';
const BASE: OrderWorkloadsProps = {
  region: 'westus3', role: RegionRole.PRIMARY, order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' },
  identities: { clientIds: { order: '11111111-1111-1111-1111-111111111111', tracking: '22222222-2222-2222-2222-222222222222' }, namespace: 'orders' },
  ingress: INGRESS, privateEndpointsCidr: '10.100.4.0/24', config: { order: {}, tracking: {} },
};
const PEAK = { timeZone: 'Europe/Berlin', start: '30 16 * * 5,6', end: '0 22 * * 5,6', replicas: 8 };
const BACKLOG = { namespace: 'sb-shop-westus3', topic: 'order-events', subscription: 'delivery-tracking', messagesPerPod: 40, identityClientId: KEDA_ID };
const KEDA: KedaScaling = { order: { schedules: [PEAK] }, tracking: { schedules: [{ ...PEAK, replicas: 4 }], backlog: BACKLOG } };

function build(props: Partial<OrderWorkloadsProps>): { stack: TerraformStack; w: OrderWorkloads } {
  const stack = testStack();
  new KubernetesProvider(stack, 'Kubernetes', {});
  return { stack, w: new OrderWorkloads(stack, 'Workloads', { ...BASE, ...props }) };
}
const manifests = (json: StackJson): Loose[] => Object.values(all(json, 'kubernetes_manifest')).map((m: Loose) => m.manifest);
const scaledObject = (json: StackJson, name: string): Loose => manifests(json).find((m) => m.kind === 'ScaledObject' && m.metadata.name === name);

describe('ScaledObjects', () => {
  test('each autoscaled slot: adopts its HPA by name, CPU, a cron floor per schedule, the backlog for the consumer; no HPA', () => {
    const json = synthStack(build({ keda: KEDA }).stack);
    expect(all(json, 'kubernetes_horizontal_pod_autoscaler_v2')).toEqual({});
    const order = scaledObject(json, 'order-api');
    expect(order).toEqual({
      apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject',
      metadata: { name: 'order-api', namespace: 'orders', labels: { app: 'order-api', 'app.kubernetes.io/name': 'order-api', 'app.kubernetes.io/part-of': 'order-platform' }, annotations: { 'scaledobject.keda.sh/transfer-hpa-ownership': 'true' } },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'order-api' },
        minReplicaCount: 2, maxReplicaCount: 10,
        advanced: { horizontalPodAutoscalerConfig: { name: 'order-api', behavior: SCALE_BEHAVIOR } },
        triggers: [
          { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
          { type: 'cron', name: 'peak-1', metadata: { timezone: 'Europe/Berlin', start: '30 16 * * 5,6', end: '0 22 * * 5,6', desiredReplicas: '8' } },
        ],
      },
    });
    const tracking = scaledObject(json, 'tracking-api');
    expect(tracking.spec.triggers.slice(1)).toEqual([
      { type: 'cron', name: 'peak-1', metadata: { timezone: 'Europe/Berlin', start: '30 16 * * 5,6', end: '0 22 * * 5,6', desiredReplicas: '4' } },
      { type: 'azure-servicebus', name: 'backlog', metadata: { namespace: 'sb-shop-westus3', topicName: 'order-events', subscriptionName: 'delivery-tracking', messageCount: '40' }, authenticationRef: { name: 'tracking-api-servicebus' } },
    ]);
    expect(manifests(json).filter((m) => m.kind === 'TriggerAuthentication')).toEqual([{
      apiVersion: 'keda.sh/v1alpha1', kind: 'TriggerAuthentication',
      metadata: { name: 'tracking-api-servicebus', namespace: 'orders', labels: { app: 'tracking-api', 'app.kubernetes.io/name': 'tracking-api', 'app.kubernetes.io/part-of': 'order-platform' } },
      spec: { podIdentity: { provider: 'azure-workload', identityId: KEDA_ID } },
    }]);
    // Each waits for its Deployment; the Deployment's count still belongs to the autoscaler.
    const deployments = Object.entries(all(json, 'kubernetes_deployment_v1'));
    const orderDeployment = deployments.find(([, d]: Loose) => d.metadata.name === 'order-api')!;
    const raw = Object.values(all(json, 'kubernetes_manifest')).find((m: Loose) => m.manifest.metadata.name === 'order-api') as Loose;
    expect(raw.depends_on).toEqual([`kubernetes_deployment_v1.${orderDeployment[0]}`]);
    expect((orderDeployment[1] as Loose).lifecycle).toEqual({ ignore_changes: ['spec[0].replicas'] });
  });

  test('a memory target adds a memory trigger; the workloads expose each ScaledObject', () => {
    const { w, stack } = build({ keda: {}, order: { image: 'c.io/order:1', memoryTargetPercent: 75 } });
    expect(scaledObject(synthStack(stack), 'order-api').spec.triggers).toEqual([
      { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
      { type: 'memory', metricType: 'Utilization', metadata: { value: '75' } },
    ]);
    expect(w.services.order.deployments.map((d) => [d.slot, d.autoscaler, d.scaledObject !== undefined])).toEqual([['a', undefined, true]]);
    expect(w.services.tracking.backlogAuthentication).toBeUndefined();
  });

  test('a canary: the stable slot takes the floor, the canary its share of it; a fixed slot has no ScaledObject', () => {
    const json = synthStack(build({ keda: { order: { schedules: [{ ...PEAK, replicas: 18 }] } }, order: { image: 'c.io/order:1', maxReplicas: 30, rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 50 }) } }).stack);
    const names = manifests(json).filter((m) => m.kind === 'ScaledObject').map((m) => m.metadata.name).sort();
    expect(names).toEqual(['order-api', 'tracking-api']);
    expect(scaledObject(json, 'order-api').spec.triggers[1].metadata.desiredReplicas).toBe('18');
  });

  test('a pilot-light region has no Deployments, so no KEDA objects at all', () => {
    const json = synthStack(build({ role: RegionRole.PASSIVE, standby: 'pilot-light', keda: KEDA }).stack);
    expect(all(json, 'kubernetes_manifest')).toEqual({});
  });
});

describe('slotFloor', () => {
  test('the service\'s floor for a slot at the service\'s minimum; a proportional share for a smaller slot; always within the slot\'s range', () => {
    expect(slotFloor({ min: 2, max: 20, serviceMin: 2 }, 12)).toBe(12);
    expect(slotFloor({ min: 1, max: 20, serviceMin: 2 }, 12)).toBe(6);
    expect(slotFloor({ min: 1, max: 20, serviceMin: 3 }, 10)).toBe(4);
    expect(slotFloor({ min: 2, max: 5, serviceMin: 2 }, 12)).toBe(5);
    expect(slotFloor({ min: 4, max: 20, serviceMin: 2 }, 1)).toBe(4);
  });
});

describe('checkKeda', () => {
  const violations = (keda: Loose, withFix = false): string[] => {
    const checks = new Checks(testStack());
    checkKeda(checks, keda);
    try {
      checks.throwIfAny();
      return [];
    } catch (e) {
      return (e as ValidationError).violations.map((v) => `${v.prop}: ${v.problem}${withFix ? ` | ${v.fix}` : ''}`);
    }
  };

  test.each<[string, Loose, string[]]>([
    ['sound', KEDA, []],
    ['Terraform tokens as a schedule\'s zone and expressions', { order: { schedules: [{ ...PEAK, timeZone: Lazy.stringValue({ produce: () => 'z' }), start: Lazy.stringValue({ produce: () => 's' }), end: Lazy.stringValue({ produce: () => 'e' }) }] } }, []],
    ['a Terraform token as the namespace and client ID', { tracking: { backlog: { ...BACKLOG, namespace: Lazy.stringValue({ produce: () => 'sb' }), identityClientId: Lazy.stringValue({ produce: () => 'id' }) } } }, []],
    ['a backlog on the Order service', { order: { backlog: BACKLOG } }, ['keda.order.backlog: the Order service consumes no subscription, so its pods would scale on a backlog they never drain']],
    ['a schedule that is not cron', { order: { schedules: [{ ...PEAK, start: 'Fridays at 5' }] } }, ['keda.order.schedules[0].start: not a five-field cron expression (minute hour day-of-month month day-of-week)']],
    ['a cron field with letters', { order: { schedules: [{ ...PEAK, end: '0 22 * * FRI' }] } }, ['keda.order.schedules[0].end: not a five-field cron expression (minute hour day-of-month month day-of-week)']],
    ['six fields', { order: { schedules: [{ ...PEAK, end: '0 0 22 * * 5' }] } }, ['keda.order.schedules[0].end: not a five-field cron expression (minute hour day-of-month month day-of-week)']],
    ['a floor that ends when it starts', { tracking: { schedules: [{ ...PEAK, end: ' 30 16 * * 5,6' }] } }, ['keda.tracking.schedules[0].end: the floor ends when it starts, so it never applies']],
    ['an offset as the time zone', { order: { schedules: [{ ...PEAK, timeZone: '+01:00' }] } }, ['keda.order.schedules[0].timeZone: a fixed UTC offset, not a time zone: it would ignore daylight saving time']],
    ['no pods', { order: { schedules: [{ ...PEAK, replicas: 0 }] } }, ['keda.order.schedules[0].replicas: must be an integer from 1 to 1000 (pods during the scheduled window)']],
    ['a namespace host name', { tracking: { backlog: { ...BACKLOG, namespace: 'sb-shop.servicebus.windows.net' } } }, ['keda.tracking.backlog.namespace: not a Service Bus namespace name (6-50 letters, digits and hyphens; the name alone, without .servicebus.windows.net)']],
    ['an empty topic', { tracking: { backlog: { ...BACKLOG, topic: ' ' } } }, ['keda.tracking.backlog.topic: empty']],
    ['an empty subscription', { tracking: { backlog: { ...BACKLOG, subscription: '' } } }, ['keda.tracking.backlog.subscription: empty']],
    ['no messages per pod', { tracking: { backlog: { ...BACKLOG, messagesPerPod: 0 } } }, ['keda.tracking.backlog.messagesPerPod: must be an integer from 1 to 100000 (messages waiting per pod)']],
    ['a client ID that is not a GUID', { tracking: { backlog: { ...BACKLOG, identityClientId: 'keda' } } }, ['keda.tracking.backlog.identityClientId: not a managed identity client ID (a GUID)']],
  ])('%s', (_name, keda, expected) => {
    expect(violations(keda)).toEqual(expected);
  });

  const CRON = 'not a five-field cron expression (minute hour day-of-month month day-of-week)';
  test.each<[string, Loose, string[]]>([
    ['ranges, steps and lists in any field, fields apart by several spaces', { order: { schedules: [{ ...PEAK, start: '0/15  9-17 1,10-20 1,2/12 1-5', end: ' 0 18 * */2 1-5 ' }] } }, []],
    ['letters before a number', { order: { schedules: [{ ...PEAK, start: '30 16 * * x5' }] } }, [`keda.order.schedules[0].start: ${CRON} | write it like '30 16 * * 5,6'`]],
    ['letters after a number', { order: { schedules: [{ ...PEAK, end: '0 22x * * 5' }] } }, [`keda.order.schedules[0].end: ${CRON} | write it like '30 16 * * 5,6'`]],
    ['a floor that ends when it starts, the start padded', { order: { schedules: [{ ...PEAK, start: ' 0 22 * * 5,6', end: '0 22 * * 5,6' }] } }, ['keda.order.schedules[0].end: the floor ends when it starts, so it never applies | give an end other than the start']],
    ['a backlog on the Order service', { order: { backlog: BACKLOG } }, ['keda.order.backlog: the Order service consumes no subscription, so its pods would scale on a backlog they never drain | move backlog to keda.tracking']],
    ['a namespace that starts with a hyphen', { tracking: { backlog: { ...BACKLOG, namespace: '-sb-shop-westus3' } } }, ["keda.tracking.backlog.namespace: not a Service Bus namespace name (6-50 letters, digits and hyphens; the name alone, without .servicebus.windows.net) | give the namespace's or alias's name, e.g. 'sb-orders-eastus'"]],
    ['an empty topic and subscription', { tracking: { backlog: { ...BACKLOG, topic: '', subscription: ' ' } } }, ["keda.tracking.backlog.topic: empty | give the topic's name", "keda.tracking.backlog.subscription: empty | give the subscription's name"]],
    ['a client ID that is not a GUID', { tracking: { backlog: { ...BACKLOG, identityClientId: 'keda' } } }, ["keda.tracking.backlog.identityClientId: not a managed identity client ID (a GUID) | pass the KEDA identity's client_id (WorkloadIdentities with keda: true)"]],
  ])('with its fix: %s', (_name, keda, expected) => {
    expect(violations(keda, true)).toEqual(expected);
  });

  test('OrderWorkloads reports them with its other checks, under keda', () => {
    expect(() => build({ keda: { order: { backlog: BACKLOG } } })).toThrow('invalid keda.order.backlog');
  });
});
