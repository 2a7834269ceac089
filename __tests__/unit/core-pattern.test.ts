import { RootConstruct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { activeActivePartner, PatternKind, RedundancyPattern, RegionPlacement, RegionRole } from '../../lib/core/pattern';
import { EU_DATA_BOUNDARY, Regions } from '../../lib/core/regions';

/** Unit tests of lib/core/pattern.ts: the five redundancy patterns, their options and how they place regions. */

/** The error `fn` throws (fails the test when it throws none or another kind). */
function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('no error thrown');
}

/** [prop, value, problem, fix] of the error placing `regions` throws. */
function refusal(pattern: RedundancyPattern, regions: unknown, prop?: string): [string, unknown, string, string] {
  const e = thrown(() => pattern.place(new RootConstruct('platform'), regions as string[], prop));
  expect(e.constructPath).toBe('platform');
  return [e.prop, e.value, e.problem, e.fix];
}

function place(pattern: RedundancyPattern, regions: string[]): RegionPlacement[] {
  return pattern.place(new RootConstruct('platform'), regions);
}

/** A placement as the pattern should return it. */
function placement(name: string, role: RegionRole, index: number, zoneRedundant = true, residency?: string): RegionPlacement {
  return { region: Regions.tryFind(name)!, role, index, zoneRedundant, ...(residency ? { residency } : {}) };
}

describe('activeActivePartner', () => {
  test('the region listed before, and for the first region the second', () => {
    expect([0, 1, 2, 3, 4].map(activeActivePartner)).toEqual([1, 0, 1, 2, 3]);
  });
});

describe('RedundancyPattern: kinds and flags', () => {
  test('each factory makes its kind', () => {
    expect([
      RedundancyPattern.zoneRedundant(), RedundancyPattern.primarySecondary(), RedundancyPattern.activePassive(), RedundancyPattern.activeActive(), RedundancyPattern.regionPinned(),
    ].map((p) => p.kind)).toEqual(['zoneRedundant', 'primarySecondary', 'activePassive', 'activeActive', 'regionPinned']);
    expect([PatternKind.ZONE_REDUNDANT, PatternKind.PRIMARY_SECONDARY, PatternKind.ACTIVE_PASSIVE, PatternKind.ACTIVE_ACTIVE, PatternKind.REGION_PINNED])
      .toEqual(['zoneRedundant', 'primarySecondary', 'activePassive', 'activeActive', 'regionPinned']);
    expect([RegionRole.PRIMARY, RegionRole.SECONDARY, RegionRole.ACTIVE, RegionRole.PASSIVE, RegionRole.CELL]).toEqual(['primary', 'secondary', 'active', 'passive', 'cell']);
  });

  test('standby: warm by default, as given, and only for activePassive', () => {
    expect(RedundancyPattern.activePassive().standby).toBe('warm');
    expect(RedundancyPattern.activePassive({}).standby).toBe('warm');
    expect(RedundancyPattern.activePassive({ standby: 'pilot-light' }).standby).toBe('pilot-light');
    expect(RedundancyPattern.activePassive({ standby: 'warm' }).standby).toBe('warm');
    expect(RedundancyPattern.activePassive(null as never).standby).toBe('warm');
    expect([RedundancyPattern.zoneRedundant(), RedundancyPattern.primarySecondary(), RedundancyPattern.activeActive(), RedundancyPattern.regionPinned()].map((p) => p.standby))
      .toEqual([undefined, undefined, undefined, undefined]);
    expect(RedundancyPattern.primarySecondary({ standby: 'pilot-light' } as never).standby).toBeUndefined();
  });

  test('only primarySecondary, activePassive and activeActive replicate across regions', () => {
    expect([
      RedundancyPattern.zoneRedundant(), RedundancyPattern.primarySecondary(), RedundancyPattern.activePassive(), RedundancyPattern.activeActive(), RedundancyPattern.regionPinned(),
    ].map((p) => p.replicatesAcrossRegions)).toEqual([false, true, true, true, false]);
  });
});

describe('RedundancyPattern.place: roles', () => {
  test('zoneRedundant: one primary region', () => {
    expect(place(RedundancyPattern.zoneRedundant(), ['westus3'])).toStrictEqual([placement('westus3', RegionRole.PRIMARY, 0)]);
  });

  test('primarySecondary: primary, then secondary', () => {
    expect(place(RedundancyPattern.primarySecondary(), ['eastus2', 'centralus'])).toStrictEqual([placement('eastus2', RegionRole.PRIMARY, 0), placement('centralus', RegionRole.SECONDARY, 1)]);
  });

  test('activePassive: active, then passive', () => {
    expect(place(RedundancyPattern.activePassive(), ['westeurope', 'northeurope'])).toStrictEqual([placement('westeurope', RegionRole.ACTIVE, 0), placement('northeurope', RegionRole.PASSIVE, 1)]);
  });

  test('activeActive: every region active', () => {
    expect(place(RedundancyPattern.activeActive(), ['eastus2', 'westus3', 'centralus'])).toStrictEqual([
      placement('eastus2', RegionRole.ACTIVE, 0), placement('westus3', RegionRole.ACTIVE, 1), placement('centralus', RegionRole.ACTIVE, 2),
    ]);
  });

  test('regionPinned: cells, each with its residency (its geography unless declared)', () => {
    expect(place(RedundancyPattern.regionPinned(), ['westeurope'])).toStrictEqual([placement('westeurope', RegionRole.CELL, 0, true, 'Europe')]);
    expect(place(RedundancyPattern.regionPinned({ residency: { germanywestcentral: EU_DATA_BOUNDARY, japaneast: 'Japan' } }), ['germanywestcentral', 'japaneast', 'westus3'])).toStrictEqual([
      placement('germanywestcentral', RegionRole.CELL, 0, true, EU_DATA_BOUNDARY), placement('japaneast', RegionRole.CELL, 1, true, 'Japan'), placement('westus3', RegionRole.CELL, 2, true, 'United States'),
    ]);
  });

  test('a non-zonal secondary or passive region only when asked for, then marked non-zonal', () => {
    expect(place(RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), ['eastus', 'westus'])).toStrictEqual([
      placement('eastus', RegionRole.PRIMARY, 0), placement('westus', RegionRole.SECONDARY, 1, false),
    ]);
    expect(place(RedundancyPattern.activePassive({ allowPassiveWithoutZones: true, standby: 'pilot-light' }), ['uksouth', 'ukwest'])).toStrictEqual([
      placement('uksouth', RegionRole.ACTIVE, 0), placement('ukwest', RegionRole.PASSIVE, 1, false),
    ]);
  });
});

describe('RedundancyPattern.place: the region list', () => {
  test.each<[string, RedundancyPattern, string[], string]>([
    ['zoneRedundant', RedundancyPattern.zoneRedundant(), ['westus3', 'eastus2'], 'exactly 1 region'],
    ['primarySecondary', RedundancyPattern.primarySecondary(), ['westus3'], 'exactly 2 regions (primary, secondary)'],
    ['primarySecondary', RedundancyPattern.primarySecondary(), ['westus3', 'eastus2', 'centralus'], 'exactly 2 regions (primary, secondary)'],
    ['activePassive', RedundancyPattern.activePassive(), ['westus3'], 'exactly 2 regions (active, passive)'],
    ['activePassive', RedundancyPattern.activePassive(), ['westus3', 'eastus2', 'centralus'], 'exactly 2 regions (active, passive)'],
    ['activeActive', RedundancyPattern.activeActive(), ['westus3'], '2 or more regions'],
  ])('%s refuses %p: it takes %s', (kind, pattern, regions, count) => {
    const other = kind === 'zoneRedundant' ? '; for more regions choose primarySecondary, activePassive, activeActive or regionPinned' : kind === 'activeActive' ? '; for one region choose zoneRedundant' : '';
    expect(refusal(pattern, regions)).toEqual(['regions', regions, `${kind} takes ${count}, got ${regions.length}`, `list ${count}, the first being the primary / home region${other}`]);
  });

  test.each<[RedundancyPattern, string]>([
    [RedundancyPattern.zoneRedundant(), 'list exactly 1 region, the first being the primary / home region; for more regions choose primarySecondary, activePassive, activeActive or regionPinned'],
    [RedundancyPattern.activeActive(), 'list 2 or more regions, the first being the primary / home region; for one region choose zoneRedundant'],
    [RedundancyPattern.regionPinned(), 'list 1 or more regions (one cell each), the first being the primary / home region'],
  ])('an empty list, or none, is refused: %#', (pattern, fix) => {
    expect(refusal(pattern, [])).toEqual(['regions', [], 'at least one region is required', fix]);
    expect(refusal(pattern, undefined, 'cells')).toEqual(['cells', undefined, 'at least one region is required', fix]);
    expect(refusal(pattern, 'westus3')).toEqual(['regions', 'westus3', 'at least one region is required', fix]);
  });

  test('more than two cells or active regions are fine', () => {
    expect(place(RedundancyPattern.regionPinned(), ['westus3', 'eastus2', 'japaneast'])).toHaveLength(3);
    expect(place(RedundancyPattern.activeActive(), ['westus3', 'eastus2', 'centralus', 'westus2'])).toHaveLength(4);
  });

  test('an unknown region is reported at its position under the prop', () => {
    const [prop, value, problem, fix] = refusal(RedundancyPattern.activeActive(), ['eastus2', 'westus-3'], 'stampRegions');
    expect([prop, value, fix]).toEqual(['stampRegions[1]', 'westus-3', "did you mean 'westus3' (West US 3)?"]);
    expect(problem).toMatch(/^not an Azure public region in the catalog/);
  });

  test('a region listed twice: both positions, and its pair as another region when the pair can host a stamp', () => {
    const twice = (region: string) => "region '" + region + "' is listed twice (positions 0 and 1); a second copy in the same region protects against nothing a zone-redundant stamp does not";
    expect(refusal(RedundancyPattern.primarySecondary(), ['westus3', 'westus3'])).toEqual(['regions', ['westus3', 'westus3'], twice('westus3'), "list each region once; pick a different region, e.g. its pair 'eastus'"]);
    // francesouth, France Central's pair, is a restricted region; Poland Central has no pair.
    expect(refusal(RedundancyPattern.activeActive(), ['francecentral', 'francecentral'])[3]).toBe('list each region once; pick a different region');
    expect(refusal(RedundancyPattern.activePassive(), ['polandcentral', 'polandcentral'])[3]).toBe('list each region once; pick a different region');
    expect(refusal(RedundancyPattern.zoneRedundant(), ['westus3', 'westus3'])).toEqual(['regions', ['westus3', 'westus3'], twice('westus3'), 'list each region once']);
    expect(refusal(RedundancyPattern.activeActive(), ['eastus2', 'westus3', 'eastus2'])[2]).toBe("region 'eastus2' is listed twice (positions 0 and 2); a second copy in the same region protects against nothing a zone-redundant stamp does not");
  });
});

describe('RedundancyPattern.place: availability zones', () => {
  test.each<[string, RedundancyPattern, string[], number, string, string]>([
    ['the zoneRedundant region', RedundancyPattern.zoneRedundant(), ['westus'], 0, 'primary', ''],
    ['the primary', RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), ['westus', 'eastus'], 0, 'primary', ''],
    ['the secondary', RedundancyPattern.primarySecondary(), ['eastus', 'westus'], 1, 'secondary', ', or set allowSecondaryWithoutZones: true to accept a non-zonal secondary region'],
    ['the passive region', RedundancyPattern.activePassive({ standby: 'warm' }), ['eastus', 'westus'], 1, 'passive', ', or set allowPassiveWithoutZones: true to accept a non-zonal passive region'],
    ['the active region', RedundancyPattern.activePassive({ allowPassiveWithoutZones: true }), ['westus', 'eastus'], 0, 'active', ''],
    ['an active region', RedundancyPattern.activeActive(), ['eastus', 'westus'], 1, 'active', ''],
    ['a cell', RedundancyPattern.regionPinned(), ['eastus', 'westus'], 1, 'cell', ', or set allowCellsWithoutZones: true to accept a non-zonal cell region'],
  ])('%s must have zones (unless an option accepts it)', (_label, pattern, regions, index, role, option) => {
    expect(refusal(pattern, regions)).toEqual([
      `regions[${index}]`, 'westus',
      `West US has no availability zones, but the ${role} region of ${pattern.kind} must be zone-redundant (AKS node pools across zones 1-3, zone-redundant data services)`,
      `choose a region with availability zones in United States (centralus, eastus, eastus2, southcentralus, westus2, westus3)${option}`,
    ]);
  });

  test('allowCellsWithoutZones accepts non-zonal cells, which are placed without zone redundancy; zonal cells keep theirs', () => {
    const placements = RedundancyPattern.regionPinned({ allowCellsWithoutZones: true }).place(new RootConstruct('platform'), ['westeurope', 'ukwest']);
    expect(placements.map((p) => [p.region.name, p.role, p.zoneRedundant])).toEqual([['westeurope', 'cell', true], ['ukwest', 'cell', false]]);
    expect(refusal((RedundancyPattern.regionPinned as (o: unknown) => RedundancyPattern)({ allowCellsWithoutZones: 'yes' }), ['ukwest'])[0]).toBe('pattern.allowCellsWithoutZones');
    // The option belongs to regionPinned only.
    expect(refusal((RedundancyPattern.activeActive as (o: unknown) => RedundancyPattern)({ allowCellsWithoutZones: true }), ['eastus', 'westus'])[0]).toBe('pattern.allowCellsWithoutZones');
  });

  test('the zonal regions suggested are those of the region\'s own geography', () => {
    expect(refusal(RedundancyPattern.zoneRedundant(), ['ukwest'])[3]).toBe('choose a region with availability zones in United Kingdom (uksouth)');
  });
});

describe('RedundancyPattern.place: options', () => {
  test.each<[string, RedundancyPattern, string, unknown, string, string]>([
    ['zoneRedundant takes no options', (RedundancyPattern.zoneRedundant as (o: unknown) => RedundancyPattern)({ standby: 'warm' }), 'pattern.standby', 'warm', "unknown option 'standby', which would be ignored", 'remove it'],
    ['activeActive takes no options', (RedundancyPattern.activeActive as (o: unknown) => RedundancyPattern)({ zones: 3 }), 'pattern.zones', 3, "unknown option 'zones', which would be ignored", 'remove it'],
    ['primarySecondary: a misspelt option', RedundancyPattern.primarySecondary({ allowSecondaryWithoutZone: true } as never), 'pattern.allowSecondaryWithoutZone', true, "unknown option 'allowSecondaryWithoutZone', which would be ignored", "did you mean 'allowSecondaryWithoutZones'?"],
    ['primarySecondary: a string for a boolean', RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: 'yes' } as never), 'pattern.allowSecondaryWithoutZones', 'yes', 'expected true or false (a boolean, not a string), got the string "yes"', 'give true or false (a boolean, not a string)'],
    ['activePassive: an unknown standby', RedundancyPattern.activePassive({ standby: 'cold' } as never), 'pattern.standby', 'cold', "expected one of 'warm', 'pilot-light', got the string \"cold\"", "give one of 'warm', 'pilot-light'"],
    ['activePassive: the passive option as a string', RedundancyPattern.activePassive({ allowPassiveWithoutZones: 'true' } as never), 'pattern.allowPassiveWithoutZones', 'true', 'expected true or false (a boolean, not a string), got the string "true"', 'give true or false (a boolean, not a string)'],
    ['activePassive: a primarySecondary option', RedundancyPattern.activePassive({ allowSecondaryWithoutZones: true } as never), 'pattern.allowSecondaryWithoutZones', true, "unknown option 'allowSecondaryWithoutZones', which would be ignored", "did you mean 'allowPassiveWithoutZones'?"],
    ['regionPinned: a residency that is not a name', RedundancyPattern.regionPinned({ residency: { westeurope: 5 } } as never), 'pattern.residency.westeurope', 5, 'expected a geography name, got the number 5', 'give a geography name'],
    ['regionPinned: residency as a list', RedundancyPattern.regionPinned({ residency: ['Europe'] } as never), 'pattern.residency', ['Europe'], 'expected an object of keys to values, got a list', 'give an object of keys to values'],
    ['options that are not an object', RedundancyPattern.regionPinned('Europe' as never), 'pattern', 'Europe', 'expected an object, got the string "Europe"', 'give an object'],
  ])('%s', (_label, pattern, prop, value, problem, fix) => {
    const regions = pattern.kind === PatternKind.ZONE_REDUNDANT || pattern.kind === PatternKind.REGION_PINNED ? ['westeurope'] : ['westeurope', 'northeurope'];
    expect(refusal(pattern, regions)).toEqual([prop, value, problem, fix]);
  });

  test('options are checked before the region list', () => {
    expect(refusal(RedundancyPattern.activePassive({ standby: 'cold' } as never), [])[0]).toBe('pattern.standby');
  });
});

describe('RedundancyPattern.place: residency of regionPinned cells', () => {
  test('an unknown residency: the closest known one and the list', () => {
    expect(refusal(RedundancyPattern.regionPinned({ residency: { westeurope: 'Europa' } }), ['westeurope'])).toEqual([
      'pattern.residency.westeurope', 'Europa', 'not a Microsoft geography or the EU Data Boundary', `did you mean 'Europe'? Known residencies: ${Regions.residencies().join(', ')}`,
    ]);
  });

  test('a cell outside its declared residency: the zonal regions inside it, or its own geography', () => {
    expect(refusal(RedundancyPattern.regionPinned({ residency: { westeurope: 'United States' } }), ['westeurope'])).toEqual([
      'pattern.residency.westeurope', 'United States',
      'cell region westeurope lies in Europe, outside its declared residency United States; its data would leave the boundary',
      "place the cell in a region inside United States (centralus, eastus, eastus2, southcentralus, westus2, westus3) or declare residency 'Europe'",
    ]);
    expect(refusal(RedundancyPattern.regionPinned({ residency: { uksouth: EU_DATA_BOUNDARY } }), ['uksouth'])[3]).toBe(
      "place the cell in a region inside EU Data Boundary (austriaeast, belgiumcentral, denmarkeast, francecentral, germanywestcentral, italynorth, northeurope, norwayeast, polandcentral, spaincentral, swedencentral, switzerlandnorth, westeurope) or declare residency 'United Kingdom'",
    );
  });

  test('residency declared for a region that is not a cell', () => {
    expect(refusal(RedundancyPattern.regionPinned({ residency: { westeurope: 'Europe', japaneast: 'Japan' } }), ['westeurope', 'westus3'])).toEqual([
      'pattern.residency.japaneast', 'Japan', "residency is declared for region 'japaneast', which is not one of the platform's cells (westeurope, westus3)",
      'declare residency only for listed regions, or add the region to the list',
    ]);
  });
});
