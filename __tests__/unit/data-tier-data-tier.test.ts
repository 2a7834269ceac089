import { Construct } from 'constructs';
import { TerraformOutput } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { PrivateDnsZones } from '../../lib/common/private-dns-zones';
import type { DataTierEndpoint } from '../../lib/common/private-endpoints';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern, RegionPlacement, RegionRole } from '../../lib/core/pattern';
import { strictShape } from '../../lib/core/validate';
import { DataTierConstruct, DataTierProps } from '../../lib/data-tier/data-tier';
import { DATA_TIER_ENTRIES } from '../../lib/data-tier/shapes';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { sink, sinks } from '../support/standalone';
import { synthStack, testStack } from '../support/synth';

/** lib/data-tier/data-tier.ts and shapes.ts: the plumbing every data-tier construct shares, through a minimal subclass. */

/** The smallest data-tier construct: endpoints as set, and its protected plumbing exposed. */
class Probe extends DataTierConstruct {
  public endpoints: DataTierEndpoint[] = [];

  constructor(scope: Construct, id: string, props: DataTierProps) {
    super(scope, id, props, 'probe', strictShape<DataTierProps>(DATA_TIER_ENTRIES));
  }

  public get privateEndpoints(): readonly DataTierEndpoint[] {
    return this.endpoints;
  }

  protected get resourceGroupQualifier(): string {
    return 'probe';
  }

  protected get endpointIdPrefix(): string {
    return 'Probe';
  }

  public get plumbing() {
    return { prefix: this.naming.prefix, removalPolicy: this.removalPolicy, tags: this.tags };
  }

  public scopeOf(region: string): Construct {
    return this.regionScope(region);
  }

  public groupOf(region: string): string {
    return this.resourceGroupName(region);
  }

  public sinkOf(region: string) {
    return this.monitoring(region);
  }

  public geo(placement: RegionPlacement): [string | undefined, boolean] {
    return [this.geoBackupBlocker(placement), this.geoBackupAllowed(placement)];
  }
}

const PROPS = (): DataTierProps => ({ prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], monitoring: sinks(['westus3']), createResourceGroups: true });

function probe(props: Partial<Record<keyof DataTierProps, unknown>> & Record<string, unknown> = {}): Probe {
  return new Probe(testStack(), 'Probe', { ...PROPS(), ...props } as DataTierProps);
}

/** [prop, value, problem, fix] of every violation the props raise. */
function violations(props: Partial<Record<keyof DataTierProps, unknown>> & Record<string, unknown>): unknown[][] {
  try {
    probe(props);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    for (const v of (e as ValidationError).violations) expect(v.constructPath).toBe('test/Probe');
    return (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

function stamp(path: string, region = 'westus3'): RegionalStamp & { endpoints: [string, unknown][] } {
  const endpoints: [string, unknown][] = [];
  return Object.assign(Object.create(RegionalStamp.prototype), { node: { path }, region: { name: region }, endpoints, addPrivateEndpoint: (id: string, options: unknown) => endpoints.push([id, options]) });
}

const groups = (construct: Construct) => construct.node.findAll().filter((c): c is ResourceGroup => c instanceof ResourceGroup);

describe('DataTierConstruct props', () => {
  test('the pattern places the regions; removal is RETAIN and the library\'s tags are set unless told otherwise', () => {
    const pattern = RedundancyPattern.primarySecondary();
    const tier = probe({ pattern, regions: ['westus3', 'eastus'], monitoring: sinks(['westus3', 'eastus']) });
    expect(tier.pattern).toBe(pattern);
    expect(tier.placements.map((p) => [p.region.name, p.role, p.index, p.zoneRedundant])).toEqual([['westus3', RegionRole.PRIMARY, 0, true], ['eastus', RegionRole.SECONDARY, 1, true]]);
    expect(tier.plumbing).toEqual({ prefix: 'shop', removalPolicy: RemovalPolicy.RETAIN, tags: { 'managed-by': 'cdktf-order-platform', component: 'probe', pattern: 'primarySecondary' } });
    const told = probe({ removalPolicy: RemovalPolicy.DESTROY, tags: { team: 'orders', component: 'mine' } });
    expect(told.plumbing).toEqual({ prefix: 'shop', removalPolicy: RemovalPolicy.DESTROY, tags: { 'managed-by': 'cdktf-order-platform', component: 'mine', pattern: 'zoneRedundant', team: 'orders' } });
  });

  test('props of the wrong shape are refused by the shape', () => {
    expect(violations({ prefix: 7, pattern: 'zoneRedundant', regions: 'westus3', resourceGroupNames: { westus3: 1 }, createResourceGroups: 'yes', monitoring: { westus3: {} }, removalPolicy: 'keep', tags: { team: 1 } }).map(([prop, value]) => [prop, value])).toEqual([
      ['prefix', 7], ['pattern', 'zoneRedundant'], ['regions', 'westus3'], ['resourceGroupNames.westus3', 1], ['createResourceGroups', 'yes'],
      ['monitoring.westus3.workspaceId', undefined], ['monitoring.westus3.appInsightsConnectionString', undefined], ['removalPolicy', 'keep'], ['tags.team', 1],
    ]);
    expect(violations({ createResourceGroups: 'yes' })).toEqual([['createResourceGroups', 'yes', 'expected true or false (a boolean, not a string), got the string "yes"', 'give true or false (a boolean, not a string)']]);
    expect(violations({ resourceGroupNames: { westus3: 1 } })).toEqual([['resourceGroupNames.westus3', 1, 'expected a string, got the number 1', 'give a string']]);
    expect(violations({ prefix: 7 })).toEqual([['prefix', 7, 'expected a string, got the number 7', 'give a string']]);
  });

  test('the prefix follows the naming rules', () => {
    expect(violations({ prefix: 'Shop' })).toEqual([[
      'prefix', 'Shop',
      'a name prefix must be 2-12 lower-case letters or digits and start with a letter (it is part of storage-account and Key Vault names, which allow neither hyphens nor more than 24 characters)',
      "use a short organisation or product code such as 'contoso' or 'shop01'",
    ]]);
  });

  test('resource groups and sinks are keyed by the listed regions; group names follow Azure\'s rules', () => {
    expect(violations({ resourceGroupNames: { eastus: 'rg-db' } })).toEqual([[
      'resourceGroupNames.eastus', 'eastus', 'not one of the regions (westus3), so the setting would be ignored', "key resourceGroupNames by the listed regions; did you mean 'westus3'?",
    ]]);
    expect(violations({ monitoring: { ...sinks(['westus3']), eastus: sink('eastus') } })).toEqual([[
      'monitoring.eastus', 'eastus', 'not one of the regions (westus3), so the setting would be ignored', "key monitoring by the listed regions; did you mean 'westus3'?",
    ]]);
    expect(violations({ resourceGroupNames: { westus3: 'rg-db.' } })).toEqual([[
      'resourceGroupNames.westus3', 'rg-db.', 'a resource group name allows letters, digits, ._-() and not ending in a period', 'choose a name of letters, digits, ._-() and not ending in a period, 1-90 characters',
    ]]);
  });

  test('every region needs a sink, and a group unless the construct creates them: both are reported at once', () => {
    const two = { pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus', 'eastus2'] };
    expect(violations({ ...two, monitoring: sinks(['eastus']), createResourceGroups: false, resourceGroupNames: { eastus: 'rg-east' } })).toEqual([
      ['monitoring', ['eastus'], 'no monitoring sink for westus3, eastus2: the construct sends its diagnostics there and creates no workspace of its own',
        'pass monitoring: { westus3: <RegionalMonitoring>, eastus2: <RegionalMonitoring> } (new RegionalMonitoring(scope, id, { prefix, region, resourceGroupName }))'],
      ['resourceGroupNames', ['eastus'], 'no resource group for westus3, eastus2, and createResourceGroups is not set: the construct creates no group it was not asked for',
        "pass resourceGroupNames: { westus3: '<existing group>', eastus2: '<existing group>' }, or set createResourceGroups: true"],
    ]);
    expect(violations({ createResourceGroups: undefined })).toEqual([[
      'resourceGroupNames', [], 'no resource group for westus3, and createResourceGroups is not set: the construct creates no group it was not asked for',
      "pass resourceGroupNames: { westus3: '<existing group>' }, or set createResourceGroups: true",
    ]]);
    expect(groups(probe({ createResourceGroups: false, resourceGroupNames: { westus3: 'rg-west' } }))).toEqual([]);
  });
});

describe('DataTierConstruct plumbing', () => {
  test('one construct scope per region, keyed by its name', () => {
    const tier = probe();
    const scope = tier.scopeOf('westus3');
    expect(scope.node.path).toBe('test/Probe/westus3');
    expect(tier.scopeOf('westus3')).toBe(scope);
  });

  test('existing resource groups are used by name; none is created', () => {
    const tier = probe({ createResourceGroups: false, resourceGroupNames: { westus3: 'rg-west' } });
    expect([tier.groupOf('westus3'), tier.groupOf('westus3')]).toEqual(['rg-west', 'rg-west']);
    expect(groups(tier)).toEqual([]);
    expect(tier.resourceGroups).toEqual({});
  });

  test('resourceGroups: the groups created so far, by region, as a copy', () => {
    const tier = probe({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], monitoring: sinks(['westus3', 'eastus']) });
    expect(tier.resourceGroups).toEqual({});
    tier.groupOf('eastus');
    tier.groupOf('westus3');
    tier.groupOf('eastus');
    const created = tier.resourceGroups;
    expect(Object.entries(created).map(([region, group]) => [region, group.node.path])).toEqual([['eastus', 'test/Probe/eastus/ResourceGroup'], ['westus3', 'test/Probe/westus3/ResourceGroup']]);
    expect(groups(tier)).toEqual([created.eastus, created.westus3]);
    // Changing the copy changes nothing of the construct's.
    delete (created as Record<string, unknown>).eastus;
    expect(Object.keys(tier.resourceGroups)).toEqual(['eastus', 'westus3']);
  });

  test('with createResourceGroups a region\'s group is created once, on first use, named as given or generated', () => {
    const stack = testStack();
    const tier = new Probe(stack, 'Probe', { ...PROPS(), tags: { team: 'orders' } });
    expect(groups(tier)).toEqual([]);
    const name = tier.groupOf('westus3');
    expect(tier.groupOf('westus3')).toBe(name);
    const [group, ...others] = groups(tier);
    expect(others).toEqual([]);
    expect([group.node.path, group.nameInput, group.locationInput, group.tagsInput]).toEqual([
      'test/Probe/westus3/ResourceGroup', `shop-rg-probe-westus3-${pathHash('test/Probe/westus3')}`, 'westus3',
      { 'managed-by': 'cdktf-order-platform', component: 'probe', pattern: 'zoneRedundant', team: 'orders' },
    ]);
    // The name handed out is the group's name attribute, so what is built in the group depends on it.
    new TerraformOutput(stack, 'group', { value: name });
    const json = synthStack(stack);
    expect(json.output?.group.value).toBe(`\${azurerm_resource_group.${Object.keys(json.resource.azurerm_resource_group)[0]}.name}`);
    const named = probe({ resourceGroupNames: { westus3: 'rg-orders' } });
    named.groupOf('westus3');
    expect(groups(named).map((g) => g.nameInput)).toEqual(['rg-orders']);
  });

  test('each region\'s sink is the one given', () => {
    const given = sinks(['westus3', 'eastus']);
    const tier = probe({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], monitoring: given });
    expect([tier.sinkOf('westus3'), tier.sinkOf('eastus')]).toEqual([given.westus3, given.eastus]);
    expect(tier.sinkOf('eastus')).toBe(given.eastus);
  });

  test('geo-redundant copies need a pair, and for a pinned cell a pair inside its residency', () => {
    const pinned = probe({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth', 'polandcentral'], monitoring: sinks(['westeurope', 'brazilsouth', 'polandcentral']) });
    expect(pinned.placements.map((p) => pinned.geo(p))).toEqual([
      [undefined, true],
      ["its pair southcentralus lies outside the cell's residency Brazil", false],
      ['polandcentral has no paired region', false],
    ]);
    // Without a residency, any pair will do.
    const zonal = probe({ regions: ['brazilsouth'], monitoring: sinks(['brazilsouth']) });
    expect(zonal.geo(zonal.placements[0])).toEqual([undefined, true]);
  });
});

describe('DataTierConstruct.connect', () => {
  const endpoint = (key: string, region = key): DataTierEndpoint => ({ key, qualifier: `q-${key}`, resourceId: `/subscriptions/x/${key}`, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, region });

  test('adds a private endpoint per resource to the stamp, under <prefix>Endpoint-<key>; every stamp gets its own', () => {
    const tier = probe();
    tier.endpoints = [endpoint('westus3'), endpoint('eastus')];
    const [a, b] = [stamp('test/A'), stamp('test/B')];
    tier.connect(a);
    tier.connect(b);
    const expected = ['westus3', 'eastus'].map((key) => [`ProbeEndpoint-${key}`, { resourceId: `/subscriptions/x/${key}`, subresource: 'namespace', zone: PrivateDnsZones.SERVICE_BUS, qualifier: `q-${key}` }]);
    expect(a.endpoints).toEqual(expected);
    expect(b.endpoints).toEqual(expected);
  });

  test('under every pattern but regionPinned a stamp reaches every resource, in whichever region', () => {
    const tier = probe({ pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus2'], monitoring: sinks(['westus3', 'eastus2']) });
    tier.endpoints = [endpoint('westus3'), endpoint('eastus2'), endpoint('westus3-standby-eastus2', 'eastus2')];
    const a = stamp('test/A', 'westus3');
    tier.connect(a);
    expect(a.endpoints.map(([id]) => id)).toEqual(['ProbeEndpoint-westus3', 'ProbeEndpoint-eastus2', 'ProbeEndpoint-westus3-standby-eastus2']);
  });

  test('under regionPinned a stamp reaches only the resources of its own cell (its region)', () => {
    const tier = probe({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'eastus2'], monitoring: sinks(['westeurope', 'eastus2']) });
    tier.endpoints = [endpoint('westeurope'), endpoint('eastus2')];
    const [eu, us, elsewhere] = [stamp('test/EU', 'westeurope'), stamp('test/US', 'eastus2'), stamp('test/JP', 'japaneast')];
    for (const s of [eu, us, elsewhere]) tier.connect(s);
    expect(eu.endpoints.map(([id]) => id)).toEqual(['ProbeEndpoint-westeurope']);
    expect(us.endpoints.map(([id]) => id)).toEqual(['ProbeEndpoint-eastus2']);
    expect(elsewhere.endpoints).toEqual([]);
  });

  test('a stamp is connected once', () => {
    const tier = probe();
    const a = stamp('test/A');
    tier.connect(a);
    let error: unknown;
    try {
      tier.connect(a);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    expect([e.constructPath, e.prop, e.value, e.problem, e.fix]).toEqual(['test/Probe', 'connect(stamp)', 'test/A', 'this stamp is already connected: its private endpoints exist', 'connect each stamp once']);
  });

  test('anything but a RegionalStamp is refused', () => {
    for (const [value, got] of [[{}, 'an object'], [undefined, 'nothing (undefined)'], ['stamp', 'the string "stamp"']] as const) {
      let error: unknown;
      try {
        probe().connect(value as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      const e = error as ValidationError;
      expect([e.constructPath, e.prop, e.value, e.problem, e.fix]).toEqual(['test/Probe', 'connect(stamp)', value, `expected a RegionalStamp, got ${got}`, 'pass the RegionalStamp whose VNet reaches this data tier']);
    }
  });
});
