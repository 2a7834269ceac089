import { capacity, servicesOf } from '../../lib/insight/capacity';
import { diffSynthesized, formatDiffReport } from '../../lib/insight/diff';
import { hasReplaceForcingFacts, plan, REPLACE_FORCING_PROVIDERS, replaceForcingAttributes, valuesAt } from '../../lib/insight/plan';
import { JsonObject } from '../../lib/rules/synthesized';

// The plan preview on small hand-written stacks: what is created, updated, replaced (and why) and destroyed; the
// harmful changes; the serving capacity of a service across the apply. (The transitions tests run the same model on
// every documented operation of the examples.)

/** A data stack with one SQL server named `name`, and an apps stack with `order-api` at `replicas` behind its Service. */
function stacks(name: string, replicas: number, extra: JsonObject = {}): { name: string; json: JsonObject }[] {
  return [
    { name: 'shop-data', json: { resource: { azurerm_mssql_server: { Sql: { name, location: 'westus3', version: '12.0', tags: { a: 'b' } } }, ...extra } } },
    {
      name: 'shop-apps',
      json: {
        resource: {
          kubernetes_deployment_v1: { Order: { metadata: { name: 'order-api' }, spec: { replicas: String(replicas), template: { metadata: { labels: { app: 'order-api' } } } } } },
          kubernetes_service_v1: { OrderSvc: { metadata: { name: 'order-api' }, spec: { selector: { app: 'order-api' } } } },
        },
      },
    },
  ];
}

describe('plan', () => {
  const byName = (s: ReturnType<typeof stacks>) => Object.fromEntries(s.map((x) => [x.name, x.json]));

  test('a rename replaces (forced by name); a tag updates in place; new and removed resources are created and destroyed', () => {
    const before = byName(stacks('sql-a', 2));
    expect(plan(before, byName(stacks('sql-b', 2)))).toEqual([{ stack: 'shop-data', address: 'azurerm_mssql_server.Sql', type: 'azurerm_mssql_server', action: 'replace', forcedBy: ['name'] }]);
    const tagged = byName(stacks('sql-a', 2));
    tagged['shop-data'] = { resource: { azurerm_mssql_server: { Sql: { name: 'sql-a', location: 'westus3', version: '12.0', tags: { a: 'c' } } } } };
    expect(plan(before, tagged)).toEqual([{ stack: 'shop-data', address: 'azurerm_mssql_server.Sql', type: 'azurerm_mssql_server', action: 'update' }]);
    const more = byName(stacks('sql-a', 2, { azurerm_key_vault: { Kv: { name: 'kv' } } }));
    expect(plan(before, more)).toEqual([{ stack: 'shop-data', address: 'azurerm_key_vault.Kv', type: 'azurerm_key_vault', action: 'create' }]);
    expect(plan(more, before)).toEqual([{ stack: 'shop-data', address: 'azurerm_key_vault.Kv', type: 'azurerm_key_vault', action: 'destroy' }]);
    expect(plan(before, before)).toEqual([]);
  });

  test('an attribute in ignore_changes of the new configuration never forces a replacement; the cdktf metadata never counts', () => {
    const ignoring = (name: string) => ({ 'shop-data': { resource: { azurerm_mssql_server: { Sql: { name, lifecycle: { ignore_changes: ['name'] } } } } } });
    expect(plan(ignoring('a'), ignoring('b'))).toEqual([{ stack: 'shop-data', address: 'azurerm_mssql_server.Sql', type: 'azurerm_mssql_server', action: 'update' }]);
    const all = (name: string) => ({ s: { resource: { azurerm_mssql_server: { Sql: { name, lifecycle: { ignore_changes: 'all' } } } } } });
    expect(plan(all('a'), all('b'))[0].action).toBe('update');
    const meta = (path: string) => ({ s: { resource: { azurerm_mssql_server: { Sql: { name: 'a', '//': { metadata: { path } } } } } } });
    expect(plan(meta('x'), meta('y'))).toEqual([]);
  });

  test('CustomizeDiff conditions: PostgreSQL storage grows in place and shrinks by replacement', () => {
    const pg = (storage: number) => ({ s: { resource: { azurerm_postgresql_flexible_server: { Pg: { name: 'pg', storage_mb: storage } } } } });
    expect(plan(pg(32768), pg(65536))[0].action).toBe('update');
    expect(plan(pg(65536), pg(32768))[0]).toMatchObject({ action: 'replace', forcedBy: ['storage_mb'] });
  });

  test('a type without replacement facts is an error, or assumed replaced when asked', () => {
    const odd = (v: number) => ({ s: { resource: { other_thing: { X: { v } } } } });
    expect(() => plan(odd(1), odd(2))).toThrow(/no replacement facts for other_thing: regenerate lib\/insight\/replace-forcing\.json/);
    expect(plan(odd(1), odd(2), { unknownTypes: 'replace' })).toEqual([{ stack: 's', address: 'other_thing.X', type: 'other_thing', action: 'replace', forcedBy: ['(a type without replacement facts: assumed replaced)'] }]);
  });

  test('the replacement facts come from the pinned providers', () => {
    expect(REPLACE_FORCING_PROVIDERS).toEqual({ azurerm: 'v4.55.0', kubernetes: 'v2.38.0' });
    expect(replaceForcingAttributes('azurerm_mssql_server')).toEqual(expect.arrayContaining(['location', 'name', 'resource_group_name']));
    expect(replaceForcingAttributes('nothing_known')).toEqual([]);
    expect(hasReplaceForcingFacts('azurerm_mssql_server')).toBe(true);
    expect(hasReplaceForcingFacts('nothing_known')).toBe(false);
    expect(valuesAt({ a: [{ b: 1 }, { c: 2 }] }, ['a', 'b'])).toEqual([1, null]);
    expect(valuesAt(3, ['a'])).toBeUndefined();
  });
});

describe('capacity', () => {
  const apps = (replicas: number) => stacks('sql', replicas)[1].json;

  test('fewer replicas drop capacity at once; more count only after the rollout', () => {
    expect(capacity(apps(4), apps(2), 'order-api')).toEqual({ before: 4, after: 2, during: 2, handedOver: 0, atSwitch: 2, stuckAtZero: [] });
    expect(capacity(apps(2), apps(4), 'order-api')).toMatchObject({ before: 2, after: 4, during: 2 });
    expect(servicesOf(apps(2), undefined)).toEqual(['order-api']);
  });
});

describe('diffSynthesized and its report', () => {
  test('a renamed server is harmful, a capacity drop is reported, and both can be allowed', () => {
    const report = diffSynthesized(stacks('sql-a', 4), stacks('sql-b', 2));
    expect(report.harmful.map((c) => `${c.stack}/${c.address}`)).toEqual(['shop-data/azurerm_mssql_server.Sql']);
    expect(report.capacityDrops).toEqual([{ stack: 'shop-apps', service: 'order-api', before: 4, after: 2, during: 2, handedOver: 0, atSwitch: 2, stuckAtZero: [] }]);
    const text = formatDiffReport(report);
    expect(text).toContain('shop-data: 0 to create, 0 to update, 1 to replace, 0 to destroy\n-/+ azurerm_mssql_server.Sql (forced by name)   <-- HARMFUL');
    expect(text).toContain('shop-apps: 0 to create, 1 to update, 0 to replace, 0 to destroy\n  ~ kubernetes_deployment_v1.Order');
    expect(text).toContain('CAPACITY shop-apps/order-api: 4 ready pods before, 2 at the lowest during the apply, 2 after');
    expect(text.split('\n').pop()).toMatch(/^1 harmful change\(s\) and 1 capacity drop\(s\)/);
    const allowed = diffSynthesized(stacks('sql-a', 4), stacks('sql-b', 2), { allow: ['shop-data/azurerm_mssql_server.Sql', 'shop-apps/order-api', 'x/y'] });
    expect(allowed).toMatchObject({ harmful: [], capacityDrops: [], allowed: ['shop-data/azurerm_mssql_server.Sql', 'shop-apps/order-api'] });
    expect(formatDiffReport(allowed)).toMatch(/ALLOWED shop-data\/azurerm_mssql_server\.Sql\nALLOWED shop-apps\/order-api\nNothing stateful is destroyed or replaced/);
  });

  test('no change says so', () => {
    expect(formatDiffReport(diffSynthesized(stacks('a', 2), stacks('a', 2)))).toBe('No changes.\nNothing stateful is destroyed or replaced, nothing serving is replaced, and no service loses ready pods.');
  });

  test('a destroyed stateful resource is harmful; a destroyed Deployment is not (its Service may move on), a created one never', () => {
    const report = diffSynthesized(stacks('a', 2, { azurerm_key_vault: { Kv: { name: 'kv' } } }), stacks('a', 2, { azurerm_monitor_action_group: { Ag: { name: 'ag' } } }));
    expect(report.changes.map((c) => `${c.action} ${c.address}`).sort()).toEqual(['create azurerm_monitor_action_group.Ag', 'destroy azurerm_key_vault.Kv']);
    expect(report.harmful.map((c) => c.address)).toEqual(['azurerm_key_vault.Kv']);
    expect(formatDiffReport(report)).toContain('  - azurerm_key_vault.Kv   <-- HARMFUL\n  + azurerm_monitor_action_group.Ag\n');
  });

  test('counts per stack, stacks in name order, changes in address order, every forcing attribute named', () => {
    const before: { name: string; json: JsonObject }[] = [{ name: 'b-stack', json: { resource: { azurerm_key_vault: { Kv: { name: 'kv' } } } } }, { name: 'a-stack', json: { resource: { azurerm_postgresql_flexible_server: { Pg: { name: 'p', location: 'x' } } } } }];
    const after: { name: string; json: JsonObject }[] = [{ name: 'b-stack', json: { resource: { azurerm_monitor_action_group: { Ag: { name: 'ag' } } } } }, { name: 'a-stack', json: { resource: { azurerm_postgresql_flexible_server: { Pg: { name: 'q', location: 'y' } } } } }];
    const text = formatDiffReport(diffSynthesized(before, after));
    expect(text.split('\n').slice(0, 5)).toEqual([
      'a-stack: 0 to create, 0 to update, 1 to replace, 0 to destroy',
      '-/+ azurerm_postgresql_flexible_server.Pg (forced by location, name)   <-- HARMFUL',
      'b-stack: 1 to create, 0 to update, 0 to replace, 1 to destroy',
      '  - azurerm_key_vault.Kv   <-- HARMFUL',
      '  + azurerm_monitor_action_group.Ag',
    ]);
  });

  test('within a stack, changes in address order whatever the order of their types; "No changes." only when there are none', () => {
    const before: { name: string; json: JsonObject }[] = [{ name: 's', json: { resource: { azurerm_monitor_action_group: { Ag: { name: 'ag' } } } } }];
    const after: { name: string; json: JsonObject }[] = [{ name: 's', json: { resource: { azurerm_monitor_action_group: { Ag: { name: 'ag2' } }, azurerm_key_vault: { Kv: { name: 'kv' } } } } }];
    const text = formatDiffReport(diffSynthesized(before, after));
    expect(text.split('\n').slice(0, 3)).toEqual(['s: 1 to create, 0 to update, 1 to replace, 0 to destroy', '  + azurerm_key_vault.Kv', '-/+ azurerm_monitor_action_group.Ag (forced by name)']);
    expect(text).not.toContain('No changes.');
  });

  test('a changed resource of a type without replacement facts is assumed replaced, not an error', () => {
    const report = diffSynthesized(stacks('a', 2, { azurerm_unknown_thing: { U: { v: 1 } } }), stacks('a', 2, { azurerm_unknown_thing: { U: { v: 2 } } }));
    expect(report.changes).toEqual([{ stack: 'shop-data', address: 'azurerm_unknown_thing.U', type: 'azurerm_unknown_thing', action: 'replace', forcedBy: ['(a type without replacement facts: assumed replaced)'] }]);
  });

  test('a dip during the apply is a capacity drop even when the count is back after it; so is an HPA stuck at zero', () => {
    const two = (a: number, b: number | undefined): { name: string; json: JsonObject }[] => [{
      name: 'apps',
      json: {
        resource: {
          kubernetes_deployment_v1: {
            A: { metadata: { name: 'a' }, spec: { replicas: String(a), template: { metadata: { labels: { app: 'api' } } } } },
            ...(b === undefined ? {} : { B: { metadata: { name: 'b' }, spec: { replicas: String(b), template: { metadata: { labels: { app: 'api' } } } } } }),
          },
          kubernetes_service_v1: { S: { metadata: { name: 'api' }, spec: { selector: { app: 'api' } } } },
        },
      },
    }];
    // A (2) and B (2) become A (4): B goes at once, A's raise counts only once rolled out.
    const dip = diffSynthesized(two(2, 2), two(4, undefined));
    expect(dip.capacityDrops).toEqual([expect.objectContaining({ stack: 'apps', service: 'api', before: 4, after: 4, during: 2 })]);
    const hpa = (min: number): { name: string; json: JsonObject }[] => [{
      name: 'apps',
      json: {
        resource: {
          kubernetes_deployment_v1: { A: { metadata: { name: 'a' }, spec: { replicas: '0', template: { metadata: { labels: { app: 'api' } } } }, lifecycle: { ignore_changes: ['spec[0].replicas'] } } },
          kubernetes_horizontal_pod_autoscaler_v2: { H: { metadata: { name: 'a' }, spec: { min_replicas: min, max_replicas: 5 } } },
          kubernetes_service_v1: { S: { metadata: { name: 'api' }, spec: { selector: { app: 'api' } } } },
        },
      },
    }];
    const stuck = diffSynthesized(hpa(0), hpa(2));
    expect(stuck.capacityDrops).toEqual([expect.objectContaining({ before: 0, after: 0, during: 0, stuckAtZero: ['a'] })]);
    expect(formatDiffReport(stuck)).toContain('CAPACITY apps/api: 0 ready pods before, 0 at the lowest during the apply, 0 after; a stuck at zero (an HPA never scales from zero)\n');
    expect(formatDiffReport(dip)).toContain('CAPACITY apps/api: 4 ready pods before, 2 at the lowest during the apply, 4 after\n');
    const twoStuck = (min: number) => {
      const [s0] = hpa(min);
      const json = JSON.parse(JSON.stringify(s0.json));
      json.resource.kubernetes_deployment_v1.B = { ...json.resource.kubernetes_deployment_v1.A, metadata: { name: 'b' } };
      json.resource.kubernetes_horizontal_pod_autoscaler_v2.HB = { metadata: { name: 'b' }, spec: { min_replicas: min, max_replicas: 5 } };
      return [{ name: 'apps', json }];
    };
    expect(formatDiffReport(diffSynthesized(twoStuck(0), twoStuck(1)))).toContain('; a, b stuck at zero');
    expect(diffSynthesized(hpa(2), hpa(3)).capacityDrops).toEqual([]);
  });

  test.each(['azurerm_mssql_failover_group', 'azurerm_postgresql_flexible_server_virtual_endpoint', 'azurerm_eventgrid_topic', 'azurerm_application_insights'])('a destroyed %s is harmful (stateful beyond what prevent_destroy protects)', (type) => {
    const report = diffSynthesized(stacks('a', 2, { [type]: { X: { name: 'x' } } }), stacks('a', 2));
    expect(report.harmful.map((c) => `${c.action} ${c.type}`)).toEqual([`destroy ${type}`]);
  });
});
