import { DatabaseEngine, EventTransport, RedundancyPattern } from '../lib';
import { PLATFORM_SERVICES, ServiceKey } from '../lib/core/services';
import { DEFAULT_NAMESPACE, ENVIRONMENT_CONTRACT } from '../lib/common/environment-contract';
import { EXAMPLES } from '../examples';
import { all, StackJson, synthApp } from './support/synth';

/**
 * The environment contract (lib/common/environment-contract.ts) is the one list of what the services find in their
 * ConfigMap: the keys the platform really sets must be that list (__tests__/unit/common-environment-contract.test.ts
 * checks the README's table against it).
 */

/** Keys of each service's ConfigMap over every `-apps` stack, by service key. */
function configMapKeys(stacks: Record<string, StackJson>): Record<ServiceKey, Set<string>> {
  const keys = { order: new Set<string>(), tracking: new Set<string>() };
  for (const [name, json] of Object.entries(stacks)) {
    if (!name.endsWith('-apps')) continue;
    for (const configMap of Object.values(all(json, 'kubernetes_config_map_v1'))) {
      const spec = PLATFORM_SERVICES.find((s) => configMap.metadata.name === `${s.name}-config`);
      if (!spec) throw new Error(`a ConfigMap of no service: ${configMap.metadata.name}`);
      Object.keys(configMap.data).forEach((key) => keys[spec.key].add(key));
    }
  }
  return keys;
}

const contractKeys = (service: ServiceKey) => ENVIRONMENT_CONTRACT.filter((spec) => (spec.services as readonly string[]).includes(service)).map((spec) => spec.name).sort();

describe('the environment contract', () => {
  // Between them every key is set: active-passive has Event Grid with the derived webhook (EVENTS_WEBHOOK_PATH), and
  // with PostgreSQL read replicas the read pool (ORDER_DB_READ_POOL); primary-secondary run as activeActive has
  // ORDER_DB_CELLS and Service Bus (EVENTS_SUBSCRIPTION), with a cache the ORDER_CACHE_* keys, and with Azure SQL read
  // scale-out the read intent (ORDER_DB_READ_INTENT); zone-redundant with Event Hubs has EVENTS_KAFKA_BOOTSTRAP.
  let stacks: Record<string, StackJson> = {};
  beforeAll(() => {
    const administrator = { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' };
    stacks = synthApp((app) => {
      EXAMPLES['active-passive'](app, { database: { engine: DatabaseEngine.postgresql({ readReplicas: 1 }), administrator } });
      EXAMPLES['primary-secondary'](app, { pattern: RedundancyPattern.activeActive(), cache: {}, database: { engine: DatabaseEngine.sql({ skuName: 'BC_Gen5_2', readScaleOut: true }), administrator } });
      EXAMPLES['zone-redundant'](app, { eventBus: { transport: EventTransport.eventHubs() } });
    });
  });

  test.each(PLATFORM_SERVICES.map((s) => [s.key]))("the %s service's ConfigMaps carry exactly the keys the contract gives it", (service) => {
    expect([...configMapKeys(stacks)[service as ServiceKey]].sort()).toEqual(contractKeys(service as ServiceKey));
  });

  test('the default namespace is the one the workloads create and the identities trust', () => {
    for (const [name, json] of Object.entries(stacks)) {
      if (name.endsWith('-apps')) expect(Object.values(all(json, 'kubernetes_namespace_v1')).map((ns) => ns.metadata.name)).toEqual([DEFAULT_NAMESPACE]);
    }
    const subjects = Object.values(stacks).flatMap((json) => Object.values(all(json, 'azurerm_federated_identity_credential')).map((c) => c.subject));
    expect(subjects.length).toBeGreaterThan(0);
    // The services' identities trust the default namespace; the KEDA operator's identity (demand model) its own account.
    for (const subject of subjects) expect(subject).toMatch(new RegExp(`^system:serviceaccount:(${DEFAULT_NAMESPACE}:|kube-system:keda-operator$)`));
    expect(subjects.filter((subject) => subject.startsWith(`system:serviceaccount:${DEFAULT_NAMESPACE}:`)).length).toBeGreaterThan(0);
  });
});
