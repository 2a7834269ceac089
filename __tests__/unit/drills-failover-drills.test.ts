import { Construct } from 'constructs';
import { AddressPlan } from '../../lib/core/address-plan';
import { ValidationError } from '../../lib/core/errors';
import { RegionPlacement, RegionRole } from '../../lib/core/pattern';
import { Regions } from '../../lib/core/regions';
import { CHAOS_FAULTS, DRILL_RULE_PRIORITIES, EXPERIMENT_REGIONS } from '../../lib/drills/chaos-faults';
import { experimentLocation, FailoverDrills } from '../../lib/drills/failover-drills';
import { FailoverDrillsProps } from '../../lib/drills/failover-drills-types';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { sink } from '../support/standalone';
import { all, StackJson, synthStack, testStack } from '../support/synth';

// lib/drills/failover-drills.ts, lib/drills/chaos-faults.ts and lib/drills/shapes.ts: FailoverDrills on its own, over
// stamps in one stack (the platform puts them in their own stacks), with plain IDs for Cosmos DB and Service Bus.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const COSMOS = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/cosmos';
const NAMESPACE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/sb';

const placement = (name: string, index: number, zoneRedundant = true, role = index === 0 ? RegionRole.PRIMARY : RegionRole.SECONDARY, residency?: string): RegionPlacement => (
  { region: Regions.tryFind(name)!, role, index, zoneRedundant, ...(residency ? { residency } : {}) });

/** Stamps for the placements in one stack, then the drills beside them. */
function build(placements: readonly RegionPlacement[], props: Partial<FailoverDrillsProps> = {}): { drills: FailoverDrills; json: StackJson } {
  const stack = testStack();
  const drills = drillsIn(stack, placements, props);
  return { drills, json: synthStack(stack) };
}

function drillsIn(stack: Construct, placements: readonly RegionPlacement[], props: Partial<FailoverDrillsProps> = {}): FailoverDrills {
  const addressPlan = new AddressPlan(stack, {}, Math.max(placements.length, 1));
  const stamps = Object.fromEntries(placements.map((p) => [p.region.name, new RegionalStamp(stack, `Stamp-${p.region.name}`, {
    region: p.region.name, prefix: 'shop', monitoring: sink(p.region.name), zoneRedundant: p.zoneRedundant, addressPlan, addressIndex: p.index,
  })]));
  return new FailoverDrills(stack, 'Drills', { prefix: 'shop', placements, stamps, ...props });
}

/** [prop, value, problem] of every violation. */
function violations(placements: readonly RegionPlacement[], props: Loose): unknown[][] {
  try {
    drillsIn(testStack(), placements, props);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem]);
  }
  throw new Error('no ValidationError');
}

const TWO = [placement('westus3', 0), placement('eastus', 1)];

describe('FailoverDrills', () => {
  test('by default: every supported scenario, zone loss only where there are zones, event bus loss only with topics', () => {
    const { drills } = build([placement('westus3', 0), placement('westus', 1, false)], { serviceBusTopics: [{ region: 'westus3', namespaceId: NAMESPACE, topicName: 'order-events' }] });
    expect(drills.experiments.map((e) => `${e.scenario} ${e.region} ${e.location}`)).toEqual([
      'zoneLoss westus3 eastus', 'regionLoss westus3 eastus', 'regionLoss westus westus', 'keyVaultLoss westus3 eastus', 'keyVaultLoss westus westus', 'eventBusLoss westus3 eastus',
    ]);
    expect(drills.experiments.every((e) => /^shop-chaos-[a-z0-9-]+-[0-9a-f]{6}$/.test(e.name))).toBe(true);
  });

  test('scenarios and duration as given: only those experiments, every fault that long', () => {
    const { drills, json } = build(TWO, { scenarios: ['regionLoss'], durationMinutes: 30 });
    expect(drills.experiments.map((e) => e.scenario)).toEqual(['regionLoss', 'regionLoss']);
    const experiments = Object.values(all(json, 'azurerm_chaos_studio_experiment'));
    const durations = experiments.flatMap((x: Loose) => x.steps.flatMap((s: Loose) => s.branch.flatMap((b: Loose) => b.actions.map((a: Loose) => a.duration))));
    expect(new Set(durations)).toEqual(new Set(['PT30M']));
    expect(Object.keys(all(json, 'azurerm_resource_group_template_deployment'))).toEqual([]);
  });

  test('region loss: two deny rules on the region\'s NSGs and a Cosmos DB failover to the account\'s next region, only for single-write accounts written there', () => {
    const cosmosAccounts = [
      { id: COSMOS, regions: ['westus3', 'eastus'], multiRegionWrites: false },
      { id: `${COSMOS}-multi`, regions: ['westus3', 'eastus'], multiRegionWrites: true },
      { id: `${COSMOS}-alone`, regions: ['westus3'], multiRegionWrites: false },
      { id: `${COSMOS}-east`, regions: ['eastus', 'westus3'], multiRegionWrites: false },
    ];
    const { json } = build(TWO, { scenarios: ['regionLoss'], cosmosAccounts });
    const experiment: Loose = Object.entries(all(json, 'azurerm_chaos_studio_experiment')).find(([k]) => k.includes('regionLoss-westus3'))![1];
    const actions = experiment.steps[0].branch.flatMap((b: Loose) => b.actions);
    expect(actions.map((a: Loose) => [a.urn, a.parameters.name ?? a.parameters.readRegion, a.parameters.priority])).toEqual([
      [CHAOS_FAULTS.nsgRule.urn, 'chaos-drill-deny-ingress', String(DRILL_RULE_PRIORITIES.ingress)],
      [CHAOS_FAULTS.nsgRule.urn, 'chaos-drill-deny-data-tier', String(DRILL_RULE_PRIORITIES.dataTier)],
      [CHAOS_FAULTS.cosmosFailover.urn, 'East US', undefined],
    ]);
    for (const action of actions.slice(0, 2)) expect(action.parameters).toMatchObject({ action: 'Deny', direction: 'Inbound', protocol: 'Any', sourceAddresses: '["*"]', destinationAddresses: '["*"]', destinationPortRanges: '["*"]', sourcePortRanges: '["*"]' });
    const targets = Object.values(all(json, 'azurerm_chaos_studio_target')) as Loose[];
    // Each account written in a region is onboarded there, for that region's drill.
    expect(targets.filter((t) => t.target_type === CHAOS_FAULTS.cosmosFailover.targetType).map((t) => [t.target_resource_id, t.location]).sort()).toEqual([[COSMOS, 'westus3'], [`${COSMOS}-east`, 'eastus']]);
    // One role per selected resource, each the fault's.
    const roles = Object.entries(all(json, 'azurerm_role_assignment')).filter(([k]) => k.includes('regionLoss-westus3')).map(([, r]: Loose) => r.role_definition_name).sort();
    expect(roles).toEqual(['Cosmos DB Operator', 'Network Contributor', 'Network Contributor']);
  });

  test('Key Vault loss: a deny rule for the vault\'s private endpoint address, read at apply', () => {
    const { json } = build([placement('westus3', 0)], { scenarios: ['keyVaultLoss'] });
    const experiment: Loose = Object.values(all(json, 'azurerm_chaos_studio_experiment'))[0];
    const parameters = experiment.steps[0].branch[0].actions[0].parameters;
    expect(parameters.priority).toBe(String(DRILL_RULE_PRIORITIES.keyVault));
    expect(parameters.destinationAddresses).toMatch(/^\$\{jsonencode\(\["\$\{azurerm_private_endpoint\.Stamp-westus3_KeyVaultEndpoint_\w+\.private_service_connection\[0\]\.private_ip_address\}\/32"\]\)\}$/);
  });

  test('event bus loss: disable, wait, enable, with the topic as a JSON list', () => {
    const { json } = build([placement('westus3', 0)], { scenarios: ['eventBusLoss'], serviceBusTopics: [{ region: 'westus3', namespaceId: NAMESPACE, topicName: 'order-events' }] });
    const experiment: Loose = Object.values(all(json, 'azurerm_chaos_studio_experiment'))[0];
    expect(experiment.steps.map((s: Loose) => [s.name, s.branch[0].actions[0].action_type, s.branch[0].actions[0].parameters?.desiredState, s.branch[0].actions[0].parameters?.topics])).toEqual([
      ['disable-topic', 'discrete', 'Disabled', '["order-events"]'], ['wait', 'delay', undefined, undefined], ['enable-topic', 'discrete', 'Active', '["order-events"]'],
    ]);
    const role: Loose = Object.values(all(json, 'azurerm_role_assignment'))[0];
    expect([role.scope, role.role_definition_name, role.principal_type]).toEqual([NAMESPACE, 'Azure Service Bus Data Owner', 'ServicePrincipal']);
  });

  test('targets and capabilities are shared between experiments, one per resource and fault, with IDs from the resource\'s role', () => {
    const { json } = build([placement('westus3', 0)], { scenarios: ['regionLoss', 'keyVaultLoss'].slice(1) as Loose });
    const { json: both } = build(TWO, { scenarios: ['regionLoss', 'keyVaultLoss'] });
    expect(Object.keys(all(json, 'azurerm_chaos_studio_target'))).toEqual([expect.stringMatching(/^Drills_Target-westus3-private-endpoints-nsg_/)]);
    // Region and Key Vault loss both use each region's private-endpoint NSG: 2 regions x 2 NSGs.
    expect(Object.keys(all(both, 'azurerm_chaos_studio_target'))).toHaveLength(4);
    expect(Object.keys(all(both, 'azurerm_chaos_studio_capability'))).toHaveLength(4);
  });

  test('zone loss: the given zone, an ARM-deployed experiment over the pools\' scale sets found by tag', () => {
    const { json } = build([placement('westus3', 0)], { scenarios: ['zoneLoss'], zone: '3' });
    const deployment: Loose = Object.values(all(json, 'azurerm_resource_group_template_deployment'))[0];
    const template = JSON.parse(deployment.template_content);
    expect(template.resources[0].properties.selectors[0].filter).toEqual({ type: 'Simple', parameters: { zones: ['3'] } });
    expect(template.resources[0].properties.steps[0].name).toBe('zone-3-down');
    expect(template.resources[0].location).toBe('eastus');
    const lookups = Object.values((json.data as Loose).azurerm_resources) as Loose[];
    expect(lookups.map((d) => d.lifecycle.postcondition[0].condition)).toEqual(['${length(self.resources) == 1}', '${length(self.resources) == 1}']);
    expect(lookups[1].lifecycle.postcondition[0].error_message).toContain('needs exactly one scale set of node pool user');
    expect(lookups.map((d) => [d.type, d.required_tags])).toEqual([
      ['Microsoft.Compute/virtualMachineScaleSets', { 'aks-managed-poolName': 'system' }], ['Microsoft.Compute/virtualMachineScaleSets', { 'aks-managed-poolName': 'user' }],
    ]);
    const roles = Object.entries(all(json, 'azurerm_role_assignment')).filter(([k]) => k.startsWith('Drills_')).map(([, r]) => r) as Loose[];
    expect(roles.map((r) => r.role_definition_name)).toEqual(['Virtual Machine Contributor', 'Virtual Machine Contributor']);
    expect(roles.every((r) => /jsondecode\(azurerm_resource_group_template_deployment\.\S+\.output_content\)/.test(r.principal_id))).toBe(true);
  });

  test('bad options: each violation with its prop', () => {
    expect(violations(TWO, { durationMinutes: 4 })).toEqual([['durationMinutes', 4, expect.stringContaining('from 5 to 60')]]);
    expect(violations(TWO, { scenarios: [] })).toEqual([['scenarios', [], expect.stringContaining('no scenario')]]);
    expect(violations(TWO, { scenarios: ['regionLoss', 'regionLoss'] })).toEqual([['scenarios', ['regionLoss', 'regionLoss'], 'a scenario is named twice']]);
    expect(violations([placement('westus3', 0)], { scenarios: ['regionLoss', 'eventBusLoss'] })).toEqual([
      ['scenarios', 'regionLoss', expect.stringContaining('one region')], ['scenarios', 'eventBusLoss', expect.stringContaining('no Service Bus event bus')],
    ]);
    expect(violations([placement('westus', 0, false)], { scenarios: ['zoneLoss'] })).toEqual([['scenarios', 'zoneLoss', expect.stringContaining('no region of the platform is zone-redundant')]]);
    expect(violations(TWO, { zone: 4 })[0][0]).toBe('zone');
    expect(violations(TWO, { zone: '2', scenarios: ['regionLoss'] })).toEqual([['zone', '2', 'only a zoneLoss drill shuts a zone down, and scenarios leaves it out, so the zone would be ignored']]);
    expect(violations([placement('westus', 0, false)], { zone: '2' })).toEqual([['zone', '2', 'only a zoneLoss drill shuts a zone down, and the platform has no region with zones, so the zone would be ignored']]);
    expect(violations(TWO, { minutes: 10 })[0][0]).toBe('minutes');
    expect(violations(TWO, { cosmosAccounts: [{ id: COSMOS, regions: ['westus3'] }] })[0][0]).toBe('cosmosAccounts[0].multiRegionWrites');
    expect(violations(TWO, { serviceBusTopics: [{ region: 'westus3', namespaceId: NAMESPACE, topic: 'x' }] }).map((v) => v[0])).toEqual(expect.arrayContaining(['serviceBusTopics[0].topic']));
  });
});

describe('experimentLocation', () => {
  const scope = () => testStack();
  test('the region itself where Chaos Studio hosts experiments, else the first experiment region of its geography or residency', () => {
    expect(experimentLocation(scope(), placement('westeurope', 0))).toBe('westeurope');
    expect(experimentLocation(scope(), placement('westus3', 0))).toBe('eastus');
    expect(experimentLocation(scope(), placement('northeurope', 0))).toBe('westeurope');
    expect(experimentLocation(scope(), placement('germanywestcentral', 0, true, RegionRole.CELL, 'EU Data Boundary'))).toBe('westeurope');
    expect(EXPERIMENT_REGIONS).toContain('swedencentral');
  });

  test('without a residency, another region of the platform; with one, only inside it', () => {
    expect(experimentLocation(scope(), placement('koreacentral', 0), ['koreacentral', 'koreasouth', 'japaneast'])).toBe('japaneast');
    expect(() => experimentLocation(scope(), placement('koreacentral', 0, true, RegionRole.CELL, 'Korea'), ['koreacentral', 'japaneast'])).toThrow(/none of the regions of the residency Korea/);
  });

  test('a region whose geography (or residency) has no experiment region is refused', () => {
    expect(() => experimentLocation(scope(), placement('koreacentral', 0))).toThrow(/Chaos Studio hosts experiments in none of Korea's regions, nor in another region of the platform/);
    expect(() => experimentLocation(scope(), placement('koreacentral', 0, true, RegionRole.CELL, 'Korea'))).toThrow(/none of the regions of the residency Korea/);
  });
});

describe('FailoverDrills: the synthesized resources, whole', () => {
  const REF = expect.stringMatching(/^\$\{/);
  const experimentOf = (json: StackJson, scenario: string, region: string): Loose => Object.entries(all(json, 'azurerm_chaos_studio_experiment')).find(([k]) => k.startsWith(`Drills_Drill-${scenario}-${region}_`))![1];

  test('the resource group and the experiments\' names, identities and selectors', () => {
    const { json } = build(TWO, { scenarios: ['regionLoss', 'keyVaultLoss'], tags: { team: 'orders' } });
    const group: Loose = Object.values(all(json, 'azurerm_resource_group')).find((g: Loose) => g.tags?.component === 'drills');
    expect(group).toMatchObject({ name: expect.stringMatching(/^shop-rg-drills-[0-9a-f]{6}$/), location: 'westus3', tags: { team: 'orders', component: 'drills' } });
    const region = experimentOf(json, 'regionLoss', 'westus3');
    expect(region).toMatchObject({ name: expect.stringMatching(/^shop-chaos-region-loss-westus3-[0-9a-f]{6}$/), location: 'eastus', identity: { type: 'SystemAssigned' } });
    expect(region.selectors).toEqual([{ name: 'nodes', chaos_studio_target_ids: [REF] }, { name: 'private-endpoints', chaos_studio_target_ids: [REF] }]);
    expect(region.selectors[0].chaos_studio_target_ids[0]).toMatch(/^\$\{azurerm_chaos_studio_target\.Drills_Target-westus3-nodes-nsg_\w+\.id\}$/);
    expect(region.steps).toEqual([{ name: 'westus3-lost', branch: [
      { name: 'ingress', actions: [{ action_type: 'continuous', urn: CHAOS_FAULTS.nsgRule.urn, selector_name: 'nodes', duration: 'PT10M', parameters: expect.objectContaining({ name: 'chaos-drill-deny-ingress' }) }] },
      { name: 'data-tier', actions: [{ action_type: 'continuous', urn: CHAOS_FAULTS.nsgRule.urn, selector_name: 'private-endpoints', duration: 'PT10M', parameters: expect.objectContaining({ name: 'chaos-drill-deny-data-tier' }) }] },
    ] }]);
    expect(region.depends_on).toEqual([expect.stringMatching(/^azurerm_chaos_studio_capability\.Drills_Capability-westus3-nodes-nsg-SecurityRule-10_/), expect.stringMatching(/^azurerm_chaos_studio_capability\.Drills_Capability-westus3-private-endpoints-nsg-SecurityRule-10_/)]);
    const vault = experimentOf(json, 'keyVaultLoss', 'eastus');
    expect(vault.name).toMatch(/^shop-chaos-key-vault-loss-eastus-[0-9a-f]{6}$/);
    expect(vault.selectors).toEqual([{ name: 'private-endpoints', chaos_studio_target_ids: [expect.stringMatching(/Drills_Target-eastus-private-endpoints-nsg_/)] }]);
    expect(vault.steps).toEqual([{ name: 'key-vault-unreachable', branch: [{ name: 'key-vault', actions: [{ action_type: 'continuous', urn: CHAOS_FAULTS.nsgRule.urn, selector_name: 'private-endpoints', duration: 'PT10M', parameters: expect.objectContaining({ name: 'chaos-drill-deny-key-vault', action: 'Deny' }) }] }] }]);
    const capabilities = Object.values(all(json, 'azurerm_chaos_studio_capability')) as Loose[];
    expect(capabilities.map((c) => c.capability_type)).toEqual(['SecurityRule-1.0', 'SecurityRule-1.0', 'SecurityRule-1.0', 'SecurityRule-1.0']);
    expect(capabilities.every((c) => /^\$\{azurerm_chaos_studio_target\.Drills_Target-\S+\.id\}$/.test(c.chaos_studio_target_id))).toBe(true);
  });

  test('a Cosmos DB failover branch per account, named by its index, with the next region\'s display name', () => {
    const { json } = build(TWO, { scenarios: ['regionLoss'], cosmosAccounts: [{ id: COSMOS, regions: ['westus3', 'eastus'], multiRegionWrites: false }, { id: `${COSMOS}-2`, regions: ['westus3', 'westeurope'], multiRegionWrites: false }] });
    const region = experimentOf(json, 'regionLoss', 'westus3');
    expect(region.selectors.slice(2)).toEqual([{ name: 'cosmos-0', chaos_studio_target_ids: [expect.stringMatching(/Drills_Target-westus3-cosmos-0_/)] }, { name: 'cosmos-1', chaos_studio_target_ids: [expect.stringMatching(/Drills_Target-westus3-cosmos-1_/)] }]);
    expect(region.steps[0].branch.slice(2)).toEqual([
      { name: 'cosmos-failover-0', actions: [{ action_type: 'continuous', urn: CHAOS_FAULTS.cosmosFailover.urn, selector_name: 'cosmos-0', duration: 'PT10M', parameters: { readRegion: 'East US' } }] },
      { name: 'cosmos-failover-1', actions: [{ action_type: 'continuous', urn: CHAOS_FAULTS.cosmosFailover.urn, selector_name: 'cosmos-1', duration: 'PT10M', parameters: { readRegion: 'West Europe' } }] },
    ]);
  });

  test('the event bus experiment, whole', () => {
    const { json } = build([placement('westus3', 0)], { scenarios: ['eventBusLoss'], serviceBusTopics: [{ region: 'westus3', namespaceId: NAMESPACE, topicName: 'order-events' }] });
    const experiment = experimentOf(json, 'eventBusLoss', 'westus3');
    expect(experiment.name).toMatch(/^shop-chaos-event-bus-loss-westus3-[0-9a-f]{6}$/);
    expect(experiment.selectors).toEqual([{ name: 'namespace', chaos_studio_target_ids: [expect.stringMatching(/Drills_Target-westus3-service-bus_/)] }]);
    const state = (desiredState: string) => ({ action_type: 'discrete', urn: CHAOS_FAULTS.serviceBusTopicState.urn, selector_name: 'namespace', parameters: { desiredState, topics: '["order-events"]' } });
    expect(experiment.steps).toEqual([
      { name: 'disable-topic', branch: [{ name: 'topic', actions: [state('Disabled')] }] },
      { name: 'wait', branch: [{ name: 'topic', actions: [{ action_type: 'delay', duration: 'PT10M' }] }] },
      { name: 'enable-topic', branch: [{ name: 'topic', actions: [state('Active')] }] },
    ]);
    const target: Loose = Object.values(all(json, 'azurerm_chaos_studio_target'))[0];
    expect(target).toMatchObject({ target_resource_id: NAMESPACE, target_type: 'Microsoft-ServiceBus', location: 'westus3' });
  });

  test('the zone-loss deployment and its template, whole', () => {
    const { json } = build([placement('westus3', 0)], { scenarios: ['zoneLoss'] });
    const [key, deployment]: Loose = Object.entries(all(json, 'azurerm_resource_group_template_deployment'))[0];
    expect(key).toMatch(/^Drills_Drill-zoneLoss-westus3_/);
    expect(deployment).toMatchObject({ name: expect.stringMatching(/^shop-chaos-zone-loss-westus3-[0-9a-f]{6}$/), deployment_mode: 'Incremental', resource_group_name: REF });
    expect(deployment.parameters_content).toMatch(/^\$\{jsonencode\(\{"targets" = \{"value" = \[\{"type" = "ChaosTarget", "id" = azurerm_chaos_studio_target\.Drills_Target-westus3-system-pool_\w+\.id\}, \{"type" = "ChaosTarget", "id" = azurerm_chaos_studio_target\.Drills_Target-westus3-user-pool_\w+\.id\}\]\}\}\)\}$/);
    expect(deployment.depends_on).toHaveLength(2);
    expect(JSON.parse(deployment.template_content)).toEqual({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { targets: { type: 'array' } },
      resources: [{
        type: 'Microsoft.Chaos/experiments', apiVersion: '2023-11-01', name: deployment.name, location: 'eastus', identity: { type: 'SystemAssigned' },
        properties: {
          selectors: [{ type: 'List', id: 'nodes', targets: "[parameters('targets')]", filter: { type: 'Simple', parameters: { zones: ['1'] } } }],
          steps: [{ name: 'zone-1-down', branches: [{ name: 'nodes', actions: [{ type: 'continuous', name: CHAOS_FAULTS.vmssShutdown.urn, selectorId: 'nodes', duration: 'PT10M', parameters: [{ key: 'abruptShutdown', value: 'true' }] }] }] }],
        },
      }],
      outputs: { principalId: { type: 'string', value: `[reference(resourceId('Microsoft.Chaos/experiments', '${deployment.name}'), '2023-11-01', 'full').identity.principalId]` } },
    });
    const role: Loose = Object.entries(all(json, 'azurerm_role_assignment')).find(([k]) => k.startsWith('Drills_Drill-zoneLoss-westus3-system-pool-Role'))![1];
    expect(role.principal_id).toMatch(/^\$\{jsondecode\(azurerm_resource_group_template_deployment\.Drills_Drill-zoneLoss-westus3_\w+\.output_content\)\.principalId\.value\}$/);
    expect(role.scope).toMatch(/^\$\{data\.azurerm_resources\.Drills_Drill-zoneLoss-westus3-system-ScaleSet_\w+\.resources\[0\]\.id\}$/);
  });

  test('the errors, word for word', () => {
    const one = [placement('westus3', 0)];
    const message = (p: readonly RegionPlacement[], props: Loose) => { try { drillsIn(testStack(), p, props); } catch (e) { return (e as Error).message; } return ''; };
    expect(message(TWO, { scenarios: [] })).toContain("invalid scenarios []: no scenario, so the drills stack would hold no experiment. Fix: name at least one of zoneLoss, regionLoss, keyVaultLoss, eventBusLoss, or drop drills");
    expect(message(TWO, { scenarios: ['zoneLoss', 'zoneLoss'] })).toContain('a scenario is named twice. Fix: name each scenario once');
    expect(message(one, { scenarios: ['regionLoss'] })).toContain("losing it is an outage, not a failover to rehearse. Fix: drop 'regionLoss'");
    expect(message(TWO, { durationMinutes: 61 })).toContain("a drill lasts at least the alerts' 5-minute windows and at most an hour");
    expect(message(TWO, { placements: [{ zoneRedundant: true }] })).toContain('a region of the catalog (Regions.find)');
    expect(message(TWO, { placements: [{ region: {}, zoneRedundant: true }] })).toContain('placements[0].region.name');
    expect(message(TWO, { zone: '2', scenarios: ['regionLoss'] })).toContain("Fix: drop zone, or add 'zoneLoss' to scenarios");
    expect(message(TWO, { placements: ['westus3'] })).toContain('a RegionPlacement (RedundancyPattern.place)');
    expect(message(TWO, { placements: 'westus3' })).toContain('a list of region placements');
    expect(message(TWO, { stamps: { westus3: {} } })).toContain('a RegionalStamp');
    expect(message(TWO, { stamps: [] })).toContain('an object of region names to RegionalStamps');
    expect(message(TWO, { cosmosAccounts: {} })).toContain('a list of Cosmos DB accounts');
    expect(message(TWO, { serviceBusTopics: {} })).toContain('a list of Service Bus topics');
    expect(message(TWO, { zone: '0' })).toContain("one of '1', '2', '3'");
    expect(message(TWO, { scenarios: ['x'] })).toContain("one of 'zoneLoss', 'regionLoss', 'keyVaultLoss', 'eventBusLoss'");
    expect(message(TWO, { scenarios: 'zoneLoss' })).toContain('a list of drill scenarios');
    expect(() => experimentLocation(testStack(), placement('koreacentral', 0))).toThrow(/invalid regions "koreacentral": .*\. Fix: drop the drills, or drill a platform with a region of eastus, eastus2, .*australiaeast$/m);
    expect(() => experimentLocation(testStack(), placement('koreacentral', 0, true, RegionRole.CELL, 'Korea'))).toThrow(/australiaeast inside the residency/);
  });

  test('the default scenarios leave out what the platform cannot drill, and the default zone is 1', () => {
    const { drills, json } = build([placement('westus', 0, false)]);
    expect(drills.experiments.map((e) => e.scenario)).toEqual(['keyVaultLoss']);
    expect(Object.keys(all(json, 'azurerm_resource_group_template_deployment'))).toEqual([]);
    const zonal = build([placement('westus3', 0)], { scenarios: ['zoneLoss'] }).json;
    expect(JSON.parse((Object.values(all(zonal, 'azurerm_resource_group_template_deployment'))[0] as Loose).template_content).resources[0].properties.selectors[0].filter.parameters.zones).toEqual(['1']);
  });

  test('a region without a Chaos Studio experiment region in its geography drills from another region of the platform', () => {
    const { drills } = build([placement('koreacentral', 0), placement('japaneast', 1)], { scenarios: ['keyVaultLoss'] });
    expect(drills.experiments.map((e) => `${e.region} ${e.location}`)).toEqual(['koreacentral japaneast', 'japaneast japaneast']);
  });

  test('a cell\'s region-loss drill never moves data out of its residency', () => {
    const cell = [placement('westeurope', 0, true, RegionRole.CELL, 'Europe')];
    const accounts = (second: string) => ({ scenarios: ['regionLoss'] as Loose, cosmosAccounts: [{ id: COSMOS, regions: ['westeurope', second], multiRegionWrites: false }] });
    const inside = () => drillsIn(testStack(), [...cell, placement('eastus2', 1, true, RegionRole.CELL, 'United States')], accounts('northeurope'));
    expect(inside).not.toThrow();
    expect(() => drillsIn(testStack(), [...cell, placement('eastus2', 1, true, RegionRole.CELL, 'United States')], accounts('eastus'))).toThrow(
      "invalid cosmosAccounts [\"westeurope\",\"eastus\"]: the westeurope cell's region-loss drill would move the account's writes to eastus, outside its residency Europe. Fix: give the cell only accounts whose regions stay inside its residency",
    );
  });

  test('every experiment region is a region of the catalog', () => {
    expect(EXPERIMENT_REGIONS.filter((r) => Regions.tryFind(r) === undefined)).toEqual([]);
    expect(EXPERIMENT_REGIONS).toHaveLength(13);
  });
});
