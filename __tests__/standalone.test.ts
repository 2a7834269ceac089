import { ActivePassiveDatabase, DatabaseEngine, DataTierConstruct, EventBus, GlobalEntry, RedundancyPattern, RegionalStamp, TrackingStore } from '../lib';
import { sink, sinks } from './support/standalone';
import { all, StackJson, synthStack, testStack } from './support/synth';

// The building blocks used on their own create no resource group, Log Analytics workspace or Application Insights
// unless asked for (createResourceGroup(s)) or passed in (resourceGroupName(s), monitoring).

const ADMIN = { objectId: '11111111-2222-3333-4444-555555555555', name: 'sg-order-db-admins' };
const REGIONS = ['westus3', 'eastus'];
const EXISTING = { westus3: 'rg-orders-westus3', eastus: 'rg-orders-eastus' };
const HIDDEN = ['azurerm_resource_group', 'azurerm_log_analytics_workspace', 'azurerm_application_insights'];

/** Resource types among `types` that the synthesized stack holds, with their counts. */
function created(json: StackJson, types: readonly string[]): Record<string, number> {
  return Object.fromEntries(types.map((type) => [type, Object.keys(all(json, type)).length]).filter(([, n]) => n !== 0));
}

/**
 * The data-tier constructs, each built into `stack` with the given resource-group and monitoring props, and the
 * regions they put resources in (a group is created only where there is something to hold: one Cosmos DB account
 * spans both regions from its home region's group).
 */
const DATA_TIER: [string, (stack: ReturnType<typeof testStack>, home: object) => DataTierConstruct, string[]][] = [
  ['ActivePassiveDatabase', (stack, home) => new ActivePassiveDatabase(stack, 'OrderDb', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: REGIONS, engine: DatabaseEngine.sql(), administrator: ADMIN, monitoring: sinks(REGIONS), ...home }), ['eastus', 'westus3']],
  ['TrackingStore', (stack, home) => new TrackingStore(stack, 'Tracking', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: REGIONS, monitoring: sinks(REGIONS), ...home }), ['westus3']],
  ['EventBus', (stack, home) => new EventBus(stack, 'Events', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: REGIONS, monitoring: sinks(REGIONS), ...home }), ['eastus', 'westus3']],
];

describe.each(DATA_TIER)('%s on its own', (_name, build, groupRegions) => {
  test('deploys into the existing resource groups it is given and creates no group, workspace or Application Insights', () => {
    const stack = testStack();
    const tier = build(stack, { resourceGroupNames: EXISTING });
    const json = synthStack(stack);
    expect(created(json, HIDDEN)).toEqual({});
    expect(tier.resourceGroups).toEqual({});
    const located = Object.values(json.resource ?? {}).flatMap((byId) => Object.values(byId)).filter((r) => typeof r.resource_group_name === 'string');
    expect(located.length).toBeGreaterThan(0);
    for (const resource of located) expect(Object.values(EXISTING)).toContain(resource.resource_group_name);
    const diagnostics = Object.values(all(json, 'azurerm_monitor_diagnostic_setting'));
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const setting of diagnostics) expect([sink('westus3').workspaceId, sink('eastus').workspaceId]).toContain(setting.log_analytics_workspace_id);
  });

  test('asked to, creates a group in each region it uses, named as given', () => {
    const stack = testStack();
    const tier = build(stack, { createResourceGroups: true, resourceGroupNames: EXISTING });
    const json = synthStack(stack);
    expect(Object.keys(tier.resourceGroups).sort()).toEqual(groupRegions);
    for (const [region, group] of Object.entries(tier.resourceGroups)) expect(group.node.path).toBe(`${tier.node.path}/${region}/ResourceGroup`);
    expect(created(json, HIDDEN)).toEqual({ azurerm_resource_group: groupRegions.length });
    expect(Object.values(all(json, 'azurerm_resource_group')).map((g) => [g.name, g.location]).sort()).toEqual(groupRegions.map((r) => [EXISTING[r as keyof typeof EXISTING], r]));
  });

  test('asked to without names, creates a generated group in each region it uses', () => {
    const stack = testStack();
    build(stack, { createResourceGroups: true });
    const groups = Object.values(all(synthStack(stack), 'azurerm_resource_group'));
    expect(groups.map((g) => g.location).sort()).toEqual(groupRegions);
    for (const group of groups) expect(group.name).toMatch(new RegExp(`^shop-rg-(db|tracking|events)-${group.location}-[0-9a-f]+$`));
  });
});

describe('GlobalEntry on its own', () => {
  const ingress = {
    region: 'westus3', nodeResourceGroup: 'rg-westus3-aks-nodes', subnetName: 'snet-ingress', subnetCidr: '10.100.5.0/24', podCidr: '192.168.0.0/16',
    services: { order: { privateIp: '10.100.5.10', privateLinkServiceName: 'pls-order-api' }, tracking: { privateIp: '10.100.5.11', privateLinkServiceName: 'pls-tracking-api' } },
  };
  let built: GlobalEntry | undefined;
  const build = (extra: object): StackJson => {
    const stack = testStack();
    built = new GlobalEntry(stack, 'Entry', {
      prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ingress: [ingress],
      frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } }, ...extra,
    });
    return synthStack(stack);
  };

  test('deploys into the existing group it is given and creates no group or workspace', () => {
    const json = build({ resourceGroupName: 'rg-edge' });
    expect(created(json, HIDDEN)).toEqual({});
    expect(Object.values(all(json, 'azurerm_cdn_frontdoor_profile')).map((p) => p.resource_group_name)).toEqual(['rg-edge']);
    expect(built!.resourceGroup).toBeUndefined();
  });

  test('asked to, creates its group in the first region, named as given', () => {
    const json = build({ createResourceGroup: true, resourceGroupName: 'rg-edge' });
    expect(Object.values(all(json, 'azurerm_resource_group')).map((g) => [g.name, g.location])).toEqual([['rg-edge', 'westus3']]);
    expect(built!.resourceGroup!.node.path).toBe('test/Entry/ResourceGroup');
  });

  test('without monitoring, no diagnostic setting and no workspace', () => {
    const json = build({ resourceGroupName: 'rg-edge' });
    expect(all(json, 'azurerm_monitor_diagnostic_setting')).toEqual({});
  });
});

describe('RegionalStamp on its own', () => {
  test('owns its resource group (the region it stands for) and creates no workspace: it reports to the given sink', () => {
    const stack = testStack();
    new RegionalStamp(stack, 'Stamp', { prefix: 'shop', region: 'westus3', monitoring: sink('westus3') });
    const json = synthStack(stack);
    expect(created(json, HIDDEN)).toEqual({ azurerm_resource_group: 1 });
    const diagnostics = Object.values(all(json, 'azurerm_monitor_diagnostic_setting'));
    // AKS, Key Vault, the VNet, its three NSGs and the Container Insights rule.
    expect(diagnostics).toHaveLength(7);
    for (const setting of diagnostics) expect(setting.log_analytics_workspace_id).toBe(sink('westus3').workspaceId);
  });
});
