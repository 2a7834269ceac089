import { EXAMPLES } from '../examples';
import { exampleStacks } from './support/examples';
import { actualFor, diagnosticsProblems, EXAMPLE_FACTS, expandedExpectation, INVARIANTS, selected, selectedStacks, STACK_INVARIANTS } from './support/invariants';
import { StackJson, synthApp } from './support/synth';
import { STATEFUL_TYPES } from './support/transitions';

/**
 * The security and redundancy defaults (support/invariants.ts), each a named assertion over every stack of every
 * example. Each first checks how many resources it is about in the example, so none passes over nothing.
 */

const ids = Object.keys(EXAMPLES).sort();

describe('the invariant table', () => {
  test('knows every example, and no example it does not have', () => {
    expect(Object.keys(EXAMPLE_FACTS).sort()).toEqual(ids);
    for (const invariant of [...INVARIANTS, ...STACK_INVARIANTS]) expect({ invariant: invariant.name, examples: Object.keys(invariant.count).sort() }).toEqual({ invariant: invariant.name, examples: ids });
  });

  test('every invariant is about at least one resource of some example, and names are unique', () => {
    for (const invariant of INVARIANTS) expect({ invariant: invariant.name, total: Object.values(invariant.count).reduce((a, b) => a + b, 0) > 0 }).toEqual({ invariant: invariant.name, total: true });
    expect(new Set(INVARIANTS.map((i) => i.name)).size).toBe(INVARIANTS.length);
  });

  test('every invariant checks something: expected values or a rule', () => {
    for (const invariant of INVARIANTS) expect({ invariant: invariant.name, checks: invariant.expected !== undefined || invariant.violations !== undefined }).toEqual({ invariant: invariant.name, checks: true });
  });

  test('every stateful type the examples use that Terraform can destroy is retained (prevent_destroy), except the ones named here', () => {
    // Not retained on purpose: a failover group, a virtual endpoint and Application Insights hold no data of their
    // own, and an Event Grid topic only forwards (its dead letters are in retained storage).
    // A cache geo-replication link holds no data either: destroying it force-unlinks the caches, each keeping its data.
    const unretained = ['azurerm_mssql_failover_group', 'azurerm_postgresql_flexible_server_virtual_endpoint', 'azurerm_eventgrid_topic', 'azurerm_application_insights', 'azurerm_managed_redis_geo_replication'];
    const used = STATEFUL_TYPES.filter((type) => ids.some((id) => Object.values(exampleStacks(id)).some((json) => Object.keys(json.resource?.[type] ?? {}).length > 0)));
    const retained = INVARIANTS.filter((i) => i.name.endsWith(': lifecycle.prevent_destroy = true')).map((i) => i.type);
    expect(used.filter((type) => !unretained.includes(type)).sort()).toEqual([...retained].sort());
  });
});

describe.each(ids)('%s', (id) => {
  const stacks = exampleStacks(id);

  test.each(INVARIANTS.map((invariant) => [invariant.name, invariant] as const))('%s', (_name, invariant) => {
    const resources = selected(invariant, id, stacks);
    // Present where it should be (and absent where the example has none): a check over zero resources proves nothing.
    expect({ type: invariant.type, count: resources.length }).toEqual({ type: invariant.type, count: invariant.count[id] });
    for (const { r, ctx } of resources) {
      const where = `${ctx.stack} ${ctx.address}`;
      if (invariant.expected) {
        const expected = invariant.expected(r, ctx);
        expect({ where, ...actualFor(r, expected) }).toEqual({ where, ...expandedExpectation(r, expected) });
      }
      if (invariant.violations) expect({ where, violations: invariant.violations(r, ctx) }).toEqual({ where, violations: [] });
    }
  });
});

describe.each(ids)('%s stacks', (id) => {
  const stacks = exampleStacks(id);

  test.each(STACK_INVARIANTS.map((invariant) => [invariant.name, invariant] as const))('%s', (_name, invariant) => {
    const chosen = selectedStacks(invariant, id, stacks);
    expect(chosen.length).toBe(invariant.count[id]);
    for (const [stack, json] of chosen) {
      const expected = invariant.expected(json);
      expect({ stack, ...actualFor(json, expected) }).toEqual({ stack, ...expandedExpectation(json, expected) });
    }
  });
});

describe('diagnostics everywhere, beyond the examples', () => {
  test('Traffic Manager and API Management, at the audit level: every diagnosable resource has its setting; the classification covers every type', () => {
    const apim = { publisherName: 'Contoso', publisherEmail: 'p@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } };
    const stacks = synthApp((app) => EXAMPLES['primary-secondary'](app, {
      monitoring: { diagnosticLogs: 'audit' },
      entry: { trafficManager: { services: ['tracking'] }, frontDoor: { privateLink: false }, apiManagement: apim },
    }));
    const types = new Set(Object.values(stacks).flatMap((json) => Object.keys(json.resource ?? {})));
    expect(['azurerm_traffic_manager_profile', 'azurerm_api_management'].filter((t) => !types.has(t))).toEqual([]);
    // At the audit level the groups change, so the allLogs table does not apply: classification and one setting each.
    const problems = diagnosticsProblems(stacks).filter((p) => !/: logs \[/.test(p));
    expect(problems).toEqual([]);
    const settings = Object.values(stacks).flatMap((json) => Object.values(json.resource?.azurerm_monitor_diagnostic_setting ?? {}));
    const logs = (target: RegExp) => settings.filter((d) => target.test(d.target_resource_id)).map((d) => d.enabled_log);
    expect(logs(/azurerm_api_management\./)).toEqual([[{ category_group: 'audit' }]]);
    expect(logs(/azurerm_traffic_manager_profile\./)).toEqual([[{ category_group: 'allLogs' }]]);
    expect(logs(/azurerm_kubernetes_cluster\./)).toEqual([[{ category: 'kube-audit-admin' }, { category: 'guard' }, { category: 'cluster-autoscaler' }], [{ category: 'kube-audit-admin' }, { category: 'guard' }, { category: 'cluster-autoscaler' }]]);
    expect(logs(/azurerm_key_vault\./)).toEqual([[{ category_group: 'audit' }], [{ category_group: 'audit' }]]);
  });

  test('an unclassified type, a missing setting and wrong logs are problems', () => {
    const stacks = { s: { resource: { azurerm_new_thing: { a: {} }, azurerm_key_vault: { kv: {} }, azurerm_virtual_network: { vnet: {} }, azurerm_monitor_diagnostic_setting: { d: { target_resource_id: '${azurerm_virtual_network.vnet.id}', enabled_log: [{ category_group: 'audit' }], enabled_metric: [{ category: 'AllMetrics' }] } } } } } as unknown as Record<string, StackJson>;
    expect(diagnosticsProblems(stacks)).toEqual([
      'azurerm_new_thing: not classified (add it to DIAGNOSABLE or NOT_DIAGNOSABLE with its source)',
      's azurerm_key_vault.kv: 0 diagnostic settings target ${azurerm_key_vault.kv.id}',
      's azurerm_virtual_network.vnet: logs [{"category_group":"audit"}]',
    ]);
  });
});
