import { Regions } from '../lib/core/regions';
import { SynthesizedApp, SynthesizedResource, SynthesizedStack } from '../lib/rules/synthesized';
import { EXAMPLES } from '../examples';
import { exampleStacks } from './support/examples';
import { plan } from './support/transitions';
import { synthApp } from './support/synth';

// The failover drills of the multi-region examples, as synthesized: every experiment's targets, faults, durations and
// role assignments per pattern, the safety rules (own resources only, no schedule, residency), and the expectations
// `order-platform drills` prints.

const DRILLED = ['primary-secondary', 'active-passive', 'active-active', 'region-pinned'];
const stacksOf = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as never }));
const appOf = (id: string) => new SynthesizedApp(stacksOf(id));

/** The drills stack's experiments (ARM-deployed zone-loss experiments included) with their scenario and region. */
function experiments(id: string): { r: SynthesizedResource; scenario: string; region: string }[] {
  return appOf(id).resources.filter((r) => r.stack === `${id}-drills` && ['azurerm_chaos_studio_experiment', 'azurerm_resource_group_template_deployment'].includes(r.type)).map((r) => {
    const [, scenario, region] = /\/Drill-(\w+)-([a-z0-9]+)$/.exec(r.constructPath!)!;
    return { r, scenario, region };
  });
}

/** The example's regions (in order), the zonal ones, and the regions of its Service Bus home namespaces. */
function shape(id: string) {
  const app = appOf(id);
  const clusters = app.ofType('azurerm_kubernetes_cluster');
  const regions = clusters.map((c) => String(c.body.location));
  const zonal = clusters.filter((c) => Array.isArray((c.body.default_node_pool as { zones?: unknown }).zones)).map((c) => String(c.body.location));
  const namespaces = app.ofType('azurerm_servicebus_namespace').filter((n) => !/standby/i.test(n.constructPath ?? '')).map((n) => String(n.body.location));
  return { regions, zonal, namespaces };
}

describe.each(DRILLED)('%s: the drills stack', (id) => {
  test('has one experiment per scenario and region the pattern supports, and nothing else', () => {
    const { regions, zonal, namespaces } = shape(id);
    const got = experiments(id).map((e) => `${e.scenario}-${e.region}`).sort();
    const want = [...zonal.map((r) => `zoneLoss-${r}`), ...regions.map((r) => `regionLoss-${r}`), ...regions.map((r) => `keyVaultLoss-${r}`), ...namespaces.map((r) => `eventBusLoss-${r}`)].sort();
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(4);
  });

  test('registers Chaos Studio\'s resource provider, which azurerm does not register by default', () => {
    const azurerm = (stack: string) => (exampleStacks(id)[stack] as unknown as { provider: { azurerm: Record<string, unknown>[] } }).provider.azurerm[0];
    expect(azurerm(`${id}-drills`).resource_providers_to_register).toEqual(['Microsoft.Chaos']);
    expect(azurerm(`${id}-data`).resource_providers_to_register).toBeUndefined();
  });

  test('holds only targets, capabilities, experiments, their role assignments and its resource group: no schedule, no automation', () => {
    const types = new Set(appOf(id).resources.filter((r) => r.stack === `${id}-drills`).map((r) => r.type));
    expect([...types].sort()).toEqual(['azurerm_chaos_studio_capability', 'azurerm_chaos_studio_experiment', 'azurerm_chaos_studio_target', 'azurerm_resource_group', 'azurerm_resource_group_template_deployment', 'azurerm_role_assignment']);
  });

  test('every target onboards a resource of this platform\'s own stacks, in the resource\'s region', () => {
    const app = appOf(id);
    const targets = app.resources.filter((r) => r.type === 'azurerm_chaos_studio_target');
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      const referenced = app.referencedBy(t.stack, t.body.target_resource_id);
      const scaleSet = /data\.azurerm_resources\./.test(String(t.body.target_resource_id));
      if (scaleSet) {
        // The node pools' scale sets, looked up in this platform's node resource groups.
        const data = (exampleStacks(id)[`${id}-drills`].data!.azurerm_resources);
        const name = /data\.azurerm_resources\.([^.]+)\./.exec(String(t.body.target_resource_id))![1];
        const group = app.referencedBy(t.stack, data[name].resource_group_name)[0];
        expect(group.type).toBe('azurerm_kubernetes_cluster');
        expect(group.stack.startsWith(`${id}-`)).toBe(true);
        expect(t.body.location).toBe(group.body.location);
        continue;
      }
      expect(referenced).toHaveLength(1);
      expect(referenced[0].stack.startsWith(`${id}-`)).toBe(true);
      expect(t.body.location).toBe(referenced[0].body.location);
    }
  });

  test('every experiment has a system-assigned identity holding exactly its faults\' roles on exactly its targets', () => {
    const app = appOf(id);
    for (const { r } of experiments(id)) {
      const roles = app.resources.filter((a) => a.type === 'azurerm_role_assignment' && (a.constructPath ?? '').startsWith(`${r.constructPath!}-`));
      const principal = r.type === 'azurerm_chaos_studio_experiment' ? `azurerm_chaos_studio_experiment.${r.name}.identity[0].principal_id` : `azurerm_resource_group_template_deployment.${r.name}.output_content`;
      if (r.type === 'azurerm_chaos_studio_experiment') expect(r.body.identity).toEqual({ type: 'SystemAssigned' });
      expect(roles.length).toBeGreaterThan(0);
      for (const a of roles) expect(String(a.body.principal_id)).toContain(principal);
      // One role per selected resource, the fault's role: Network Contributor on NSGs, Cosmos DB Operator on accounts,
      // Virtual Machine Contributor on scale sets, Service Bus Data Owner on namespaces.
      const granted = roles.map((a) => `${String(a.body.role_definition_name)} ${kindOf(app, a.stack, a.body.scope)}`).sort();
      const targets = targetsOf(app, r).map((t) => `${ROLE_OF[String(t.body.target_type)]} ${kindOf(app, t.stack, t.body.target_resource_id)}`).sort();
      expect(granted).toEqual(targets);
    }
  });

  test('every fault lasts the default 10 minutes and names its selector; the event-bus drill sets the topic back', () => {
    for (const { r, scenario } of experiments(id)) {
      if (r.type === 'azurerm_resource_group_template_deployment') continue;
      const actions = (r.body.steps as { branch: { actions: Record<string, unknown>[] }[] }[]).flatMap((s) => s.branch.flatMap((b) => b.actions));
      const selectors = (r.body.selectors as { name: string }[]).map((s) => s.name);
      for (const a of actions) {
        if (a.action_type === 'continuous' || a.action_type === 'delay') expect(a.duration).toBe('PT10M');
        if (a.action_type !== 'delay') expect(selectors).toContain(a.selector_name);
      }
      if (scenario === 'eventBusLoss') {
        expect(actions.map((a) => `${String(a.action_type)} ${String((a.parameters as Record<string, string> | undefined)?.desiredState ?? '')}`)).toEqual(['discrete Disabled', 'delay ', 'discrete Active']);
        // A JSON list of the topic's name, read from the data stack at apply.
        for (const a of actions.filter((x) => x.action_type === 'discrete')) {
          const topics = (a.parameters as Record<string, string>).topics;
          expect(topics).toMatch(/^\$\{jsonencode\(\[data\.terraform_remote_state\..+\]\)\}$/);
          const reference = topics.replace(/^\$\{jsonencode\(\[(.+)\]\)\}$/, '$${$1}');
          expect(appOf(id).referencedBy(r.stack, reference).map((t) => [t.type, t.body.name])).toEqual([['azurerm_servicebus_topic', 'order-events']]);
        }
      }
    }
  });

  test('zone loss: the ARM template shuts down zone 1 of the system and user pools\' scale sets for 10 minutes', () => {
    const app = appOf(id);
    const zone = experiments(id).filter((e) => e.scenario === 'zoneLoss');
    expect(zone.length).toBeGreaterThan(0);
    for (const { r } of zone) {
      const template = JSON.parse(String(r.body.template_content));
      const experiment = template.resources[0];
      expect(experiment.type).toBe('Microsoft.Chaos/experiments');
      expect(experiment.identity).toEqual({ type: 'SystemAssigned' });
      expect(experiment.properties.selectors).toEqual([{ type: 'List', id: 'nodes', targets: "[parameters('targets')]", filter: { type: 'Simple', parameters: { zones: ['1'] } } }]);
      expect(experiment.properties.steps[0].branches[0].actions).toEqual([{ type: 'continuous', name: 'urn:csci:microsoft:virtualMachineScaleSet:shutdown/2.0', selectorId: 'nodes', duration: 'PT10M', parameters: [{ key: 'abruptShutdown', value: 'true' }] }]);
      expect(template.outputs.principalId.value).toContain('.identity.principalId');
      const targets = targetsOf(app, r);
      expect(targets.map((t) => t.body.target_type)).toEqual(['Microsoft-VirtualMachineScaleSet', 'Microsoft-VirtualMachineScaleSet']);
      const data = exampleStacks(id)[`${id}-drills`].data!.azurerm_resources;
      const pools = targets.map((t) => data[/data\.azurerm_resources\.([^.]+)\./.exec(String(t.body.target_resource_id))![1]].required_tags['aks-managed-poolName']);
      expect(pools).toEqual(['system', 'user']);
    }
  });

  test('region loss: deny rules on the region\'s node and private-endpoint NSGs, and a Cosmos DB failover only to a region of the account', () => {
    const app = appOf(id);
    for (const { r, region } of experiments(id).filter((e) => e.scenario === 'regionLoss')) {
      const actions = (r.body.steps as { branch: { actions: { urn: string; parameters: Record<string, string> }[] }[] }[]).flatMap((s) => s.branch.flatMap((b) => b.actions));
      const rules = actions.filter((a) => a.urn === 'urn:csci:microsoft:networkSecurityGroup:securityRule/1.0').map((a) => a.parameters);
      expect(rules.map((p) => [p.name, p.action, p.direction, p.priority, p.sourceAddresses, p.destinationAddresses])).toEqual([
        ['chaos-drill-deny-ingress', 'Deny', 'Inbound', '100', '["*"]', '["*"]'],
        ['chaos-drill-deny-data-tier', 'Deny', 'Inbound', '101', '["*"]', '["*"]'],
      ]);
      const nsgs = targetsOf(app, r).filter((t) => t.body.target_type === 'Microsoft-NetworkSecurityGroup').map((t) => app.referencedBy(t.stack, t.body.target_resource_id)[0]);
      expect(nsgs.map((n) => [n.body.name, n.body.location])).toEqual([['nsg-aks-nodes', region], ['nsg-private-endpoints', region]]);
      for (const a of actions.filter((x) => x.urn === 'urn:csci:microsoft:cosmosDB:failover/1.0')) {
        const account = targetsOf(app, r).filter((t) => t.body.target_type === 'Microsoft-CosmosDB').map((t) => app.referencedBy(t.stack, t.body.target_resource_id)[0])[0];
        const locations = [...(account.body.geo_location as { location: string; failover_priority: number }[])].sort((x, y) => x.failover_priority - y.failover_priority).map((l) => l.location);
        expect(locations[0]).toBe(region);
        expect(a.parameters.readRegion).toBe(Regions.tryFind(locations[1])!.displayName);
        expect(account.body.multiple_write_locations_enabled).not.toBe(true);
      }
    }
  });

});

/** The Chaos Studio targets an experiment's selectors (or zone-loss template parameters) name. */
function targetsOf(app: SynthesizedApp, r: SynthesizedResource): SynthesizedResource[] {
  const text = JSON.stringify(r.type === 'azurerm_chaos_studio_experiment' ? r.body.selectors : r.body.parameters_content);
  return [...text.matchAll(/azurerm_chaos_studio_target\.([A-Za-z0-9_-]+)/g)].map(([, name]) => app.find(r.stack, `azurerm_chaos_studio_target.${name}`)!);
}

const ROLE_OF: Record<string, string> = {
  'Microsoft-NetworkSecurityGroup': 'Network Contributor', 'Microsoft-CosmosDB': 'Cosmos DB Operator',
  'Microsoft-VirtualMachineScaleSet': 'Virtual Machine Contributor', 'Microsoft-ServiceBus': 'Azure Service Bus Data Owner',
};

/** What a scope or target resource ID refers to: `<type> <name>`, or the scale set a data source looks up. */
function kindOf(app: SynthesizedApp, stack: string, value: unknown): string {
  const lookup = /data\.azurerm_resources\.([^.]+)\./.exec(String(value));
  if (lookup) return `scale-set ${lookup[1]}`;
  const r = app.referencedBy(stack, value)[0];
  return `${r.type} ${r.address}`;
}

describe('region-pinned: drills stay inside each cell\'s residency', () => {
  test('each experiment lives in a Chaos Studio region of its cell\'s geography, and no fault names another cell\'s resource', () => {
    const app = appOf('region-pinned');
    for (const { r, region } of experiments('region-pinned')) {
      const location = String(r.body.location ?? JSON.parse(String(r.body.template_content)).resources[0].location);
      expect(Regions.tryFind(location)!.geography).toBe(Regions.tryFind(region)!.geography);
      for (const t of targetsOf(app, r)) expect(t.body.location).toBe(region);
    }
  });
});

describe('adding drills to a platform', () => {
  test('changes no resource of the other stacks (they gain outputs only) and replaces nothing', () => {
    const build = (drills: boolean) => synthApp((app) => EXAMPLES['primary-secondary'](app, drills ? undefined : { drills: undefined }));
    const before = build(false);
    const after = build(true);
    expect(Object.keys(before)).not.toContain('primary-secondary-drills');
    const changes = plan(before, after);
    expect(changes.filter((c) => !c.stack.endsWith('-drills'))).toEqual([]);
    expect(changes.filter((c) => c.action !== 'create')).toEqual([]);
    expect(changes.length).toBeGreaterThan(20);
  });
});

describe('turning drills off, and dropping a scenario', () => {
  test('without drills the drills stack goes, and nothing else changes', () => {
    const before = synthApp((app) => EXAMPLES['primary-secondary'](app));
    const after = synthApp((app) => EXAMPLES['primary-secondary'](app, { drills: undefined }));
    const changes = plan(before, after);
    expect(changes.filter((c) => !c.stack.endsWith('-drills'))).toEqual([]);
    expect(new Set(changes.map((c) => c.action))).toEqual(new Set(['destroy']));
    expect(changes).toHaveLength(Object.values(before['primary-secondary-drills'].resource).reduce((n, byName) => n + Object.keys(byName).length, 0));
  });

  test('dropping a scenario destroys its experiments, roles and the targets only it used; every other address stays', () => {
    const before = synthApp((app) => EXAMPLES['primary-secondary'](app));
    const after = synthApp((app) => EXAMPLES['primary-secondary'](app, { drills: { scenarios: ['zoneLoss', 'regionLoss', 'eventBusLoss'] } }));
    const changes = plan(before, after);
    expect(changes.filter((c) => c.action !== 'destroy')).toEqual([]);
    // The Key Vault drills' experiments and roles; their NSG targets are the region-loss drills' too, so they stay.
    expect(changes.map((c) => c.address.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
      'azurerm_chaos_studio_experiment.Drills_Drill-keyVaultLoss-eastus', 'azurerm_chaos_studio_experiment.Drills_Drill-keyVaultLoss-westus3',
      'azurerm_role_assignment.Drills_Drill-keyVaultLoss-eastus-private-endpoints-Role', 'azurerm_role_assignment.Drills_Drill-keyVaultLoss-westus3-private-endpoints-Role',
    ]);
  });
});

describe('changing a drill\'s duration', () => {
  test('updates the experiments in place, replaces the zone-loss role assignments, and touches no other stack', () => {
    const before = synthApp((app) => EXAMPLES['primary-secondary'](app));
    const after = synthApp((app) => EXAMPLES['primary-secondary'](app, { drills: { durationMinutes: 15 } }));
    const changes = plan(before, after);
    expect(changes.filter((c) => !c.stack.endsWith('-drills'))).toEqual([]);
    expect([...new Set(changes.map((c) => `${c.action} ${c.type}`))].sort()).toEqual(['replace azurerm_role_assignment', 'update azurerm_chaos_studio_experiment', 'update azurerm_resource_group_template_deployment']);
    // Every experiment changes: each fault now lasts 15 minutes.
    expect(changes.filter((c) => c.action === 'update')).toHaveLength(experiments('primary-secondary').length);
    expect(JSON.stringify(after['primary-secondary-drills'].resource)).not.toContain('PT10M');
    // The zone-loss experiments' identities are read from the deployments' output, unknown until they are updated: the
    // role assignments (principal_id forces a new one) are recreated. Two regions, two pools each.
    const replaced = changes.filter((c) => c.action === 'replace');
    expect(replaced.map((c) => c.address).every((a) => /Drill-zoneLoss-\w+-(system|user)-pool-Role/.test(a))).toBe(true);
    expect(replaced).toHaveLength(4);
    expect(replaced[0].forcedBy).toEqual([expect.stringMatching(/^principal_id \(known after apply: azurerm_resource_group_template_deployment\.Drills_Drill-zoneLoss-/)]);
  });
});
