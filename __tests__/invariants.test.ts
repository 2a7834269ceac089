import { EXAMPLES } from '../examples';
import { exampleStacks } from './support/examples';
import { actualFor, EXAMPLE_FACTS, expandedExpectation, INVARIANTS, selected, selectedStacks, STACK_INVARIANTS } from './support/invariants';
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
    const unretained = ['azurerm_mssql_failover_group', 'azurerm_postgresql_flexible_server_virtual_endpoint', 'azurerm_eventgrid_topic', 'azurerm_application_insights'];
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
