import { capacity, servicesOf } from '../../lib/insight/capacity';
import { JsonObject } from '../../lib/rules/synthesized';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

// The serving capacity model on hand-written apps stacks: Deployments (with or without an HPA that owns the count),
// the Service selecting them, and the order Terraform applies them in (depends_on).

interface Dep { replicas: number; labels?: Record<string, string>; hpa?: { min: number; max: number }; owns?: boolean; dependsOn?: string[]; app?: string }

/** An apps stack: Deployments by id (`metadata.name` = id), and the `api` Service with its selector and depends_on. */
function stack(deps: Record<string, Dep>, selector: Record<string, string> | null = { app: 'api' }, serviceDependsOn: string[] = []): JsonObject {
  const deployment: Loose = {};
  const hpa: Loose = {};
  for (const [id, d] of Object.entries(deps)) {
    deployment[id] = {
      metadata: { name: id },
      spec: { replicas: String(d.replicas), template: { metadata: { labels: { app: d.app ?? 'api', ...(d.labels ?? {}) } } } },
      ...(d.owns === false ? {} : d.hpa ? { lifecycle: { ignore_changes: ['spec[0].replicas'] } } : {}),
      ...(d.dependsOn ? { depends_on: d.dependsOn } : {}),
    };
    if (d.hpa) hpa[`${id}Hpa`] = { metadata: { name: id }, spec: { min_replicas: d.hpa.min, max_replicas: d.hpa.max } };
  }
  return {
    resource: {
      kubernetes_deployment_v1: deployment,
      ...(Object.keys(hpa).length ? { kubernetes_horizontal_pod_autoscaler_v2: hpa } : {}),
      ...(selector ? { kubernetes_service_v1: { Svc: { metadata: { name: 'api' }, spec: { selector }, ...(serviceDependsOn.length ? { depends_on: serviceDependsOn } : {}) } } } : {}),
    },
  };
}

describe('capacity', () => {
  test('a fixed count: unchanged, lowered (drops at once) and raised (counts once the rollout is done)', () => {
    expect(capacity(stack({ a: { replicas: 3 } }), stack({ a: { replicas: 3 } }), 'api')).toEqual({ before: 3, after: 3, during: 3, handedOver: 0, atSwitch: 3, stuckAtZero: [] });
    expect(capacity(stack({ a: { replicas: 3 } }), stack({ a: { replicas: 2 } }), 'api')).toMatchObject({ before: 3, after: 2, during: 2, atSwitch: 2 });
    expect(capacity(stack({ a: { replicas: 2 } }), stack({ a: { replicas: 4 } }), 'api')).toMatchObject({ before: 2, after: 4, during: 2, atSwitch: 2 });
  });

  test('an HPA that owns the count: at least its minimum before; after, it keeps what it held and rises to a higher minimum, never falls to a lower one', () => {
    const before = stack({ a: { replicas: 1, hpa: { min: 3, max: 10 } } });
    expect(capacity(before, before, 'api')).toMatchObject({ before: 3, after: 3, during: 3 });
    expect(capacity(before, stack({ a: { replicas: 1, hpa: { min: 2, max: 10 } } }), 'api')).toMatchObject({ before: 3, after: 3, during: 3 });
    expect(capacity(before, stack({ a: { replicas: 1, hpa: { min: 5, max: 10 } } }), 'api')).toMatchObject({ before: 3, after: 5, during: 3 });
    // The config's count above the HPA's minimum holds before the HPA takes over.
    expect(capacity(stack({ a: { replicas: 4, hpa: { min: 3, max: 10 } } }), stack({ a: { replicas: 4, hpa: { min: 3, max: 10 } } }), 'api')).toMatchObject({ before: 4, after: 4 });
  });

  test('an HPA without ignore_changes on the count does not own it: Terraform sets the config\'s count', () => {
    const before = stack({ a: { replicas: 1, hpa: { min: 3, max: 10 }, owns: false } });
    expect(capacity(before, stack({ a: { replicas: 2, hpa: { min: 3, max: 10 }, owns: false } }), 'api')).toMatchObject({ before: 1, after: 2, during: 1 });
  });

  test('an HPA matches its Deployment by name: one for another Deployment does not own the count', () => {
    const json: Loose = stack({ a: { replicas: 1 } });
    json.resource.kubernetes_horizontal_pod_autoscaler_v2 = { H: { metadata: { name: 'other' }, spec: { min_replicas: 5, max_replicas: 9 } } };
    json.resource.kubernetes_deployment_v1.a.lifecycle = { ignore_changes: ['spec[0].replicas'] };
    expect(capacity(json, json, 'api')).toMatchObject({ before: 1, after: 1 });
  });

  test('a new HPA-owned Deployment starts at its config\'s count; one that held zero pods stays at zero (an HPA never scales from zero)', () => {
    expect(capacity(stack({}), stack({ a: { replicas: 2, hpa: { min: 3, max: 10 } } }), 'api')).toMatchObject({ before: 0, after: 2, during: 0 });
    const zero = stack({ a: { replicas: 0, hpa: { min: 0, max: 10 } } });
    expect(capacity(zero, stack({ a: { replicas: 0, hpa: { min: 2, max: 10 } } }), 'api')).toMatchObject({ after: 0, stuckAtZero: ['a'] });
    expect(capacity(stack({ a: { replicas: 2, hpa: { min: 2, max: 10 } } }), stack({ a: { replicas: 0, hpa: { min: 2, max: 10 } } }), 'api').stuckAtZero).toEqual([]);
  });

  test('a blue-green switch: the new colour the Service depends on counts at the switch; the old colour it leaves hands over its maximum', () => {
    const blueLive = stack({ blue: { replicas: 3, labels: { color: 'blue' }, hpa: { min: 3, max: 8 } }, green: { replicas: 3, labels: { color: 'green' } } }, { app: 'api', color: 'blue' });
    const greenLive = stack({ blue: { replicas: 3, labels: { color: 'blue' }, hpa: { min: 3, max: 8 } }, green: { replicas: 3, labels: { color: 'green' } } }, { app: 'api', color: 'green' }, ['kubernetes_deployment_v1.green']);
    expect(capacity(blueLive, greenLive, 'api')).toEqual({ before: 3, after: 3, during: 3, handedOver: 8, atSwitch: 3, stuckAtZero: [] });
    // A green raised in the same apply: the Service depends on it, so it switches only once green is rolled out.
    const greenRaised = stack({ blue: { replicas: 3, labels: { color: 'blue' }, hpa: { min: 3, max: 8 } }, green: { replicas: 5, labels: { color: 'green' } } }, { app: 'api', color: 'green' }, ['kubernetes_deployment_v1.green']);
    expect(capacity(blueLive, greenRaised, 'api')).toMatchObject({ atSwitch: 5, after: 5, during: 3 });
    // Without that dependency the switch may come first: the raise does not count yet.
    const unordered = stack({ blue: { replicas: 3, labels: { color: 'blue' }, hpa: { min: 3, max: 8 } }, green: { replicas: 5, labels: { color: 'green' } } }, { app: 'api', color: 'green' });
    expect(capacity(blueLive, unordered, 'api')).toMatchObject({ atSwitch: 3, during: 3 });
    // A fixed-count colour hands over its count.
    expect(capacity(greenLive, blueLive, 'api').handedOver).toBe(3);
  });

  test('a Deployment that depends on the Service is applied after the switch: its old count serves until then', () => {
    const before = stack({ a: { replicas: 4 } });
    const after = stack({ a: { replicas: 1, dependsOn: ['kubernetes_service_v1.Svc'] } });
    expect(capacity(before, after, 'api')).toMatchObject({ atSwitch: 4, during: 1, after: 1 });
    const selfFirst = stack({ a: { replicas: 1 } });
    expect(capacity(before, selfFirst, 'api')).toMatchObject({ atSwitch: 1, during: 1 });
  });

  test('a removed Deployment the old Service depended on is destroyed after the switch; a removed one selected hands over its count', () => {
    const before = stack({ a: { replicas: 2 }, b: { replicas: 3 } }, { app: 'api' }, ['kubernetes_deployment_v1.b']);
    const after = stack({ a: { replicas: 2 } });
    expect(capacity(before, after, 'api')).toMatchObject({ before: 5, after: 2, handedOver: 3, during: 2 });
  });

  test('a removed colour the old Service depended on serves until the switch; lowering the old colour in the same apply drops at once', () => {
    const blue = stack({ blue: { replicas: 3, labels: { color: 'blue' } } }, { app: 'api', color: 'blue' }, ['kubernetes_deployment_v1.blue']);
    const green = stack({ green: { replicas: 3, labels: { color: 'green' } } }, { app: 'api', color: 'green' }, ['kubernetes_deployment_v1.green']);
    expect(capacity(blue, green, 'api')).toMatchObject({ before: 3, atSwitch: 3, after: 3, during: 3, handedOver: 3 });
    // The old Service did not depend on blue: Terraform may destroy it first.
    const unordered = stack({ blue: { replicas: 3, labels: { color: 'blue' } } }, { app: 'api', color: 'blue' });
    expect(capacity(unordered, green, 'api').during).toBe(0);
    // Blue lowered to 1 while the Service switches to a new green: blue's lower count serves until the switch.
    const lowered = stack({ blue: { replicas: 1, labels: { color: 'blue' } }, green: { replicas: 5, labels: { color: 'green' } } }, { app: 'api', color: 'green' }, ['kubernetes_deployment_v1.green']);
    expect(capacity(stack({ blue: { replicas: 4, labels: { color: 'blue' } } }, { app: 'api', color: 'blue' }), lowered, 'api')).toMatchObject({ before: 4, atSwitch: 5, after: 5, during: 1 });
  });

  test('the Service is found by the service\'s name, and another app\'s Deployments never count, stuck or not', () => {
    const json: Loose = stack({ a: { replicas: 2 }, o: { replicas: 0, app: 'other', hpa: { min: 0, max: 3 } } });
    json.resource.kubernetes_service_v1 = { Other: { metadata: { name: 'other' }, spec: { selector: { app: 'other' } } }, ...json.resource.kubernetes_service_v1 };
    const after: Loose = JSON.parse(JSON.stringify(json));
    after.resource.kubernetes_horizontal_pod_autoscaler_v2.oHpa.spec.min_replicas = 2;
    expect(capacity(json, after, 'api')).toEqual({ before: 2, after: 2, during: 2, handedOver: 0, atSwitch: 2, stuckAtZero: [] });
    expect(capacity(json, after, 'other').stuckAtZero).toEqual(['o']);
  });

  test('only the service\'s Deployments and Service count; no Service selects nothing; no stack is empty', () => {
    const mixed = stack({ a: { replicas: 2 }, o: { replicas: 7, app: 'other' } });
    expect(capacity(mixed, mixed, 'api')).toMatchObject({ before: 2, after: 2 });
    expect(capacity(stack({ a: { replicas: 2 } }, null), stack({ a: { replicas: 2 } }, null), 'api')).toMatchObject({ before: 0, after: 0, during: 0 });
    expect(capacity(undefined, undefined, 'api')).toEqual({ before: 0, after: 0, during: 0, handedOver: 0, atSwitch: 0, stuckAtZero: [] });
    expect(capacity({ resource: { kubernetes_deployment_v1: { x: 'not an object' } } } as unknown as JsonObject, undefined, 'api').before).toBe(0);
  });
});

describe('servicesOf', () => {
  test('the apps of the Deployments of either synth, once each, sorted; labels that are not strings are left out', () => {
    const a = stack({ x: { replicas: 1, app: 'web' }, y: { replicas: 1, app: 'api' } });
    const b: Loose = stack({ z: { replicas: 1, app: 'api' } });
    b.resource.kubernetes_deployment_v1.n = { metadata: { name: 'n' }, spec: { template: { metadata: { labels: { app: 3 } } } } };
    expect(servicesOf(a, b, undefined)).toEqual(['api', 'web']);
  });
});
