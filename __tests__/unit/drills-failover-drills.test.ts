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
    expect(actions[0].parameters).toMatchObject({ action: 'Deny', direction: 'Inbound', protocol: 'Any', sourceAddresses: '["*"]', destinationAddresses: '["*"]', destinationPortRanges: '["*"]', sourcePortRanges: '["*"]' });
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
      ['scenarios', 'regionLoss', expect.stringContaining('one region')], ['scenarios', 'eventBusLoss', expect.stringContaining('not on Service Bus')],
    ]);
    expect(violations([placement('westus', 0, false)], { scenarios: ['zoneLoss'] })).toEqual([['scenarios', 'zoneLoss', expect.stringContaining('no region of the platform is zone-redundant')]]);
    expect(violations(TWO, { zone: 4 })[0][0]).toBe('zone');
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

  test('a region whose geography (or residency) has no experiment region is refused', () => {
    expect(() => experimentLocation(scope(), placement('koreacentral', 0))).toThrow(/Chaos Studio hosts experiments in none of Korea's regions/);
    expect(() => experimentLocation(scope(), placement('koreacentral', 0, true, RegionRole.CELL, 'Korea'))).toThrow(/none of the regions of the residency Korea/);
  });
});
