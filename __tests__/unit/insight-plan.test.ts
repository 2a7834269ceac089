import { harmful, hasReplaceForcingFacts, plan, replaceForcingAttributes, SERVING_TYPES, STATEFUL_TYPES, valuesAt } from '../../lib/insight/plan';
import { JsonObject } from '../../lib/rules/synthesized';

// The plan model's rules one by one, on single resources: where each attribute is read, what ignore_changes covers,
// every CustomizeDiff condition evaluated exactly, which changes are harmful.

/** One stack holding one resource of a type. */
const one = (type: string, body: JsonObject, stack = 's'): { [stack: string]: JsonObject } => ({ [stack]: { resource: { [type]: { R: body } } } });
const actionOf = (type: string, before: JsonObject, after: JsonObject) => plan(one(type, before), one(type, after));

describe('valuesAt', () => {
  test('walks objects, and lists element by element (a block written as an array), null where an element lacks it', () => {
    expect(valuesAt({ a: { b: 1 } }, ['a', 'b'])).toBe(1);
    expect(valuesAt({ a: [{ b: 1 }, { c: 2 }] }, ['a', 'b'])).toEqual([1, null]);
    expect(valuesAt({ a: 1 }, [])).toEqual({ a: 1 });
    expect(valuesAt({ a: 'x' }, ['a', 'b'])).toBeUndefined();
    expect(valuesAt(undefined, ['a'])).toBeUndefined();
  });
});

describe('plan', () => {
  const PG = 'azurerm_postgresql_flexible_server';

  test('a changed ForceNew attribute replaces, named in forcedBy; another attribute updates in place; nested ForceNew attributes are read through blocks', () => {
    expect(actionOf(PG, { name: 'a', location: 'x', tags: { t: '1' } }, { name: 'b', location: 'y', tags: { t: '1' } })).toEqual([{ stack: 's', address: `${PG}.R`, type: PG, action: 'replace', forcedBy: ['location', 'name'] }]);
    expect(actionOf(PG, { name: 'a', tags: { t: '1' } }, { name: 'a', tags: { t: '2' } })).toEqual([{ stack: 's', address: `${PG}.R`, type: PG, action: 'update' }]);
    const aks = 'azurerm_kubernetes_cluster';
    expect(actionOf(aks, { default_node_pool: [{ type: 'VirtualMachineScaleSets', node_count: 1 }] }, { default_node_pool: [{ type: 'AvailabilitySet', node_count: 1 }] })[0]).toMatchObject({ action: 'replace', forcedBy: ['default_node_pool.type'] });
    expect(actionOf(aks, { default_node_pool: [{ type: 'VirtualMachineScaleSets', node_count: 1 }] }, { default_node_pool: [{ type: 'VirtualMachineScaleSets', node_count: 2 }] })[0]).toMatchObject({ action: 'update' });
  });

  test('ignore_changes of the new configuration: an attribute, a block and everything below it, indexed paths, and all', () => {
    expect(actionOf(PG, { name: 'a' }, { name: 'b', lifecycle: { ignore_changes: ['name'] } })[0].action).toBe('update');
    expect(actionOf(PG, { name: 'a' }, { name: 'b', lifecycle: { ignore_changes: 'all' } })[0].action).toBe('update');
    expect(actionOf(PG, { name: 'a' }, { name: 'b', lifecycle: { ignore_changes: ['all'] } })[0].action).toBe('update');
    expect(actionOf(PG, { name: 'a' }, { name: 'b', lifecycle: { ignore_changes: ['tags'] } })[0].action).toBe('replace');
    // Only the new configuration counts.
    expect(actionOf(PG, { name: 'a', lifecycle: { ignore_changes: ['name'] } }, { name: 'b' })[0].action).toBe('replace');
    const aks = 'azurerm_kubernetes_cluster';
    expect(actionOf(aks, { default_node_pool: [{ type: 'A' }] }, { default_node_pool: [{ type: 'B' }], lifecycle: { ignore_changes: ['default_node_pool'] } })[0].action).toBe('update');
    expect(actionOf(aks, { default_node_pool: [{ type: 'A' }] }, { default_node_pool: [{ type: 'B' }], lifecycle: { ignore_changes: ['default_node_pool[0].type'] } })[0].action).toBe('update');
    expect(actionOf(aks, { default_node_pool: [{ type: 'A' }] }, { default_node_pool: [{ type: 'B' }], lifecycle: { ignore_changes: ['default_node_pool[10].type'] } })[0].action).toBe('update');
    // Any entry of the list covers its attribute.
    expect(actionOf(PG, { name: 'a' }, { name: 'b', lifecycle: { ignore_changes: ['tags', 'name'] } })[0].action).toBe('update');
    // A prefix that is not a whole path step covers nothing.
    expect(actionOf(aks, { default_node_pool: [{ type: 'A' }] }, { default_node_pool: [{ type: 'B' }], lifecycle: { ignore_changes: ['default_node'] } })[0].action).toBe('replace');
  });

  test('the cdktf metadata ("//") never counts as a change', () => {
    expect(actionOf(PG, { name: 'a', '//': { metadata: { path: 'x' } } }, { name: 'a', '//': { metadata: { path: 'y' } } })).toEqual([]);
  });

  test('CustomizeDiff conditions, exactly: PostgreSQL storage and version only grow in place', () => {
    expect(actionOf(PG, { storage_mb: 32768 }, { storage_mb: 65536 })[0].action).toBe('update');
    expect(actionOf(PG, { storage_mb: 65536 }, { storage_mb: 32768 })[0]).toMatchObject({ action: 'replace', forcedBy: ['storage_mb'] });
    expect(actionOf(PG, { version: '15' }, { version: '16' })[0].action).toBe('update');
    expect(actionOf(PG, { version: '16' }, { version: '15' })[0]).toMatchObject({ action: 'replace', forcedBy: ['version'] });
    // A conditional attribute without an exact condition counts as a replacement.
    expect(actionOf(PG, { administrator_login: 'a' }, { administrator_login: 'b' })[0]).toMatchObject({ action: 'replace', forcedBy: ['administrator_login'] });
  });

  test('CustomizeDiff conditions: immutable ConfigMaps, Cosmos DB backup type, Azure SQL leaving Hyperscale', () => {
    const CM = 'kubernetes_config_map_v1';
    expect(actionOf(CM, { data: { a: '1' } }, { data: { a: '2' } })[0].action).toBe('update');
    expect(actionOf(CM, { data: { a: '1' }, immutable: true }, { data: { a: '2' }, immutable: true })[0]).toMatchObject({ action: 'replace', forcedBy: ['data'] });
    expect(actionOf(CM, { binary_data: { a: '1' } }, { binary_data: { a: '2' } })[0].action).toBe('update');
    expect(actionOf(CM, { binary_data: { a: '1' }, immutable: true }, { binary_data: { a: '2' }, immutable: true })[0]).toMatchObject({ action: 'replace', forcedBy: ['binary_data'] });
    expect(actionOf(CM, { immutable: false }, { immutable: true })[0]).toMatchObject({ action: 'replace', forcedBy: ['immutable'] });
    expect(actionOf(CM, { immutable: true }, { immutable: false })[0].action).toBe('update');
    const COSMOS = 'azurerm_cosmosdb_account';
    expect(actionOf(COSMOS, { backup: [{ type: 'Continuous' }] }, { backup: [{ type: 'Periodic' }] })[0]).toMatchObject({ action: 'replace', forcedBy: ['backup.type'] });
    expect(actionOf(COSMOS, { backup: [{ type: 'Periodic' }] }, { backup: [{ type: 'Continuous' }] })[0].action).toBe('update');
    // Only Continuous to Periodic: a type set where there was none, or dropped from the configuration, is not that.
    expect(actionOf(COSMOS, { backup: [{}] }, { backup: [{ type: 'Periodic' }] })[0].action).toBe('update');
    expect(actionOf(COSMOS, { backup: [{ type: 'Continuous' }] }, { backup: [{}] })[0].action).toBe('update');
    const DB = 'azurerm_mssql_database';
    expect(actionOf(DB, { sku_name: 'HS_Gen5_2' }, { sku_name: 'GP_Gen5_2' })[0]).toMatchObject({ action: 'replace', forcedBy: ['sku_name'] });
    expect(actionOf(DB, { sku_name: 'GP_Gen5_2' }, { sku_name: 'HS_Gen5_2' })[0].action).toBe('update');
    expect(actionOf(DB, { sku_name: 'HS_Gen5_2' }, { sku_name: 'HS_Gen5_4' })[0].action).toBe('update');
    expect(actionOf(DB, { sku_name: 'GP_Gen5_2' }, { sku_name: 'BC_Gen5_2' })[0].action).toBe('update');
  });

  test('every stack and type of either synth: created, destroyed, and a whole stack added or removed', () => {
    const before = { a: { resource: { azurerm_key_vault: { K: { name: 'k' } } } } };
    const after = { b: { resource: { azurerm_key_vault: { K: { name: 'k' } } } }, a: {} };
    expect(plan(before, after)).toEqual([
      { stack: 'a', address: 'azurerm_key_vault.K', type: 'azurerm_key_vault', action: 'destroy' },
      { stack: 'b', address: 'azurerm_key_vault.K', type: 'azurerm_key_vault', action: 'create' },
    ]);
    expect(plan({ a: { resource: 'x' } as unknown as JsonObject }, { a: {} })).toEqual([]);
  });

  test('a changed resource of a type without facts: an error naming it and the fix, or replaced when asked', () => {
    expect(() => actionOf('azurerm_unknown_thing', { a: 1 }, { a: 2 })).toThrow('no replacement facts for azurerm_unknown_thing: regenerate lib/insight/replace-forcing.json (npm run replace-forcing)');
    expect(plan(one('azurerm_unknown_thing', { a: 1 }), one('azurerm_unknown_thing', { a: 2 }), { unknownTypes: 'replace' })).toEqual([{ stack: 's', address: 'azurerm_unknown_thing.R', type: 'azurerm_unknown_thing', action: 'replace', forcedBy: ['(a type without replacement facts: assumed replaced)'] }]);
    // Unchanged or created, an unknown type needs no facts.
    expect(plan(one('azurerm_unknown_thing', { a: 1 }), one('azurerm_unknown_thing', { a: 1 }))).toEqual([]);
    expect(plan({}, one('azurerm_unknown_thing', { a: 1 }))[0].action).toBe('create');
  });
});

describe('plan: meta-arguments', () => {
  test('a change of lifecycle or depends_on alone plans nothing; beside an attribute change it is an update', () => {
    const server = { name: 'pg', location: 'eastus', lifecycle: { prevent_destroy: true, ignore_changes: ['zone'] }, depends_on: ['a.b'] };
    expect(actionOf('azurerm_postgresql_flexible_server', server, { ...server, lifecycle: { prevent_destroy: true, ignore_changes: ['zone', 'high_availability'] }, depends_on: [] })).toEqual([]);
    expect(actionOf('azurerm_postgresql_flexible_server', server, { ...server, lifecycle: { prevent_destroy: false }, sku_name: 'GP_Standard_D2ds_v5' }).map((c) => c.action)).toEqual(['update']);
  });
});

describe('harmful', () => {
  const change = (type: string, action: 'create' | 'destroy' | 'update' | 'replace') => ({ stack: 's', address: `${type}.R`, type, action });

  test('destroying or replacing a stateful resource, replacing a serving one; never an update or a create', () => {
    const stateful = STATEFUL_TYPES[0];
    const serving = 'kubernetes_deployment_v1';
    expect(SERVING_TYPES).toContain(serving);
    expect(STATEFUL_TYPES).not.toContain(serving);
    const all = (['create', 'destroy', 'update', 'replace'] as const).flatMap((a) => [change(stateful, a), change(serving, a), change('azurerm_resource_group_thing', a)]);
    expect(harmful(all)).toEqual([change(stateful, 'destroy'), change(stateful, 'replace'), change(serving, 'replace')]);
  });
});

describe('the type lists', () => {
  test('every serving and stateful type is one the replacement facts know (a type the library emits)', () => {
    expect(SERVING_TYPES.length).toBeGreaterThanOrEqual(11);
    expect(STATEFUL_TYPES.length).toBeGreaterThanOrEqual(10);
    for (const t of [...SERVING_TYPES, ...STATEFUL_TYPES]) expect({ type: t, known: hasReplaceForcingFacts(t) }).toEqual({ type: t, known: true });
    expect(new Set(SERVING_TYPES).size).toBe(SERVING_TYPES.length);
  });
});

describe('replacement facts', () => {
  test('the attributes that force a replacement, ForceNew and conditional together, sorted and unique; none for an unknown type', () => {
    const attrs = replaceForcingAttributes('azurerm_postgresql_flexible_server');
    expect(attrs).toEqual([...new Set(attrs)].sort());
    expect(attrs).toEqual(expect.arrayContaining(['name', 'location', 'storage_mb', 'version', 'administrator_login']));
    expect(replaceForcingAttributes('azurerm_unknown_thing')).toEqual([]);
    expect(hasReplaceForcingFacts('azurerm_postgresql_flexible_server')).toBe(true);
    expect(hasReplaceForcingFacts('azurerm_unknown_thing')).toBe(false);
  });
});

describe('plan: values known only after apply', () => {
  const DEPLOY = 'azurerm_resource_group_template_deployment';
  const ROLE = 'azurerm_role_assignment';
  const OUTPUT = `\${jsondecode(${DEPLOY}.D.output_content)["principalId"]["value"]}`;
  const stack = (deployment: JsonObject | undefined, role: JsonObject | undefined, other: JsonObject = {}): { [stack: string]: JsonObject } => ({
    s: { resource: { ...(deployment ? { [DEPLOY]: { D: deployment } } : {}), ...(role ? { [ROLE]: { A: role } } : {}), ...other } },
  });
  const role = { scope: '/x', role_definition_name: 'Reader', principal_id: OUTPUT };

  test('a changed template or parameters makes output_content unknown: a ForceNew attribute reading it replaces its resource', () => {
    for (const attribute of ['template_content', 'parameters_content']) {
      const changes = plan(stack({ name: 'd', [attribute]: '{"a":1}' }, role), stack({ name: 'd', [attribute]: '{"a":2}' }, role));
      expect(changes).toEqual([
        { stack: 's', address: `${DEPLOY}.D`, type: DEPLOY, action: 'update' },
        { stack: 's', address: `${ROLE}.A`, type: ROLE, action: 'replace', forcedBy: [`principal_id (known after apply: ${DEPLOY}.D.output_content)`] },
      ]);
    }
  });

  test('a resource that changes anyway and reads the unknown value is replaced (a create stays a create); a deployment changed elsewhere (its tags) leaves the output known', () => {
    const group = (tags: JsonObject) => ({ azurerm_resource_group: { G: { name: OUTPUT, location: 'x', tags } } });
    const changes = plan(stack({ name: 'd', template_content: '1' }, undefined, group({ a: '1' })), stack({ name: 'd', template_content: '2' }, undefined, group({ a: '2' })));
    expect(changes.find((c) => c.type === 'azurerm_resource_group')).toEqual({ stack: 's', address: 'azurerm_resource_group.G', type: 'azurerm_resource_group', action: 'replace', forcedBy: [`name (known after apply: ${DEPLOY}.D.output_content)`] });
    expect(plan(stack({ name: 'd', template_content: '1' }, undefined), stack({ name: 'd', template_content: '2' }, role)).map((c) => `${c.action} ${c.type}`)).toEqual([`update ${DEPLOY}`, `create ${ROLE}`]);
    expect(plan(stack({ name: 'd', template_content: '1', tags: { a: '1' } }, role), stack({ name: 'd', template_content: '1', tags: { a: '2' } }, role)).map((c) => `${c.action} ${c.type}`)).toEqual([`update ${DEPLOY}`]);
  });

  test('the reading resource\'s own change is replaced in place, found by stack and address (the same address in another stack is another resource)', () => {
    const reader = (tags: JsonObject) => ({ name: OUTPUT, location: 'x', tags });
    const before = { t: { resource: { azurerm_resource_group: { G: { name: 'g', location: 'x', tags: { a: '1' } } } } }, s: { resource: { azurerm_resource_group: { G: reader({ a: '1' }) }, [DEPLOY]: { D: { name: 'd', template_content: '1' } } } } };
    const after = { t: { resource: { azurerm_resource_group: { G: { name: 'g', location: 'x', tags: { a: '2' } } } } }, s: { resource: { azurerm_resource_group: { G: reader({ a: '2' }) }, [DEPLOY]: { D: { name: 'd', template_content: '2' } } } } };
    expect(plan(before, after).map((c) => `${c.stack} ${c.action} ${c.type}`)).toEqual(['t update azurerm_resource_group', 's replace azurerm_resource_group', `s update ${DEPLOY}`]);
    // The reader's own change first in the list: replaced where it is, not added twice.
    expect(plan({ s: before.s }, { s: after.s }).map((c) => `${c.stack} ${c.action} ${c.type}`)).toEqual(['s replace azurerm_resource_group', `s update ${DEPLOY}`]);
  });

  test('nothing more when the deployment is unchanged, created or replaced, when the reading attribute is not ForceNew or is ignored, or in another stack', () => {
    expect(plan(stack({ name: 'd', template_content: '1' }, role), stack({ name: 'd', template_content: '1' }, role))).toEqual([]);
    expect(plan(stack(undefined, undefined), stack({ name: 'd', template_content: '1' }, role)).map((c) => c.action)).toEqual(['create', 'create']);
    expect(plan(stack({ name: 'd', template_content: '1' }, role), stack({ name: 'e', template_content: '2' }, role)).map((c) => `${c.action} ${c.type}`)).toEqual([`replace ${DEPLOY}`]);
    // tags are updated in place: an unknown value there is an update, which the stack JSON does not show either.
    const tagged = { name: 'rg', location: 'x', tags: { p: OUTPUT } };
    expect(plan(stack({ name: 'd', template_content: '1' }, undefined, { azurerm_resource_group: { G: tagged } }), stack({ name: 'd', template_content: '2' }, undefined, { azurerm_resource_group: { G: tagged } })).map((c) => c.type)).toEqual([DEPLOY]);
    const ignoring = { ...role, lifecycle: { ignore_changes: ['principal_id'] } };
    expect(plan(stack({ name: 'd', template_content: '1' }, ignoring), stack({ name: 'd', template_content: '2' }, ignoring)).map((c) => c.type)).toEqual([DEPLOY]);
    const elsewhere = { t: { resource: { [ROLE]: { A: role } } } };
    expect(plan({ ...stack({ name: 'd', template_content: '1' }, undefined), ...elsewhere }, { ...stack({ name: 'd', template_content: '2' }, undefined), ...elsewhere }).map((c) => c.type)).toEqual([DEPLOY]);
  });
});
