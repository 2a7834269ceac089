import { RootConstruct } from 'constructs';
import { Lazy } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { REGION_DATA } from '../../lib/core/region-data';
import { EU_DATA_BOUNDARY, RegionInfo, Regions } from '../../lib/core/regions';

/** Unit tests of lib/core/regions.ts: looking regions up, suggestions for wrong names, and residencies. */

/** [constructPath, prop, value, problem, fix] of the error finding `name` throws. */
function refusal(name: unknown): [string, string, unknown, string, string] {
  try {
    Regions.find(name as string, new RootConstruct('platform'), 'regions[0]');
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const v = e as ValidationError;
    return [v.constructPath, v.prop, v.value, v.problem, v.fix];
  }
  throw new Error(`found ${String(name)}`);
}

const NOT_IN_CATALOG = 'not an Azure public region in the catalog (use the programmatic name, as `az account list-locations -o table` prints it)';
const CATALOG = `use one of: ${REGION_DATA.map((r) => r.name).join(', ')}`;

function region(name: string): RegionInfo {
  return Regions.find(name, 'test', 'region');
}

describe('Regions lookups', () => {
  test('all: the catalog; tryFind: an entry by programmatic name, or undefined', () => {
    expect(Regions.all()).toBe(REGION_DATA);
    expect(Regions.tryFind('westus3')).toBe(REGION_DATA.find((r) => r.name === 'westus3'));
    expect(Regions.tryFind('West US 3')).toBeUndefined();
    expect(Regions.tryFind('francesouth')).toBeUndefined();
  });

  test('find: the entry of a programmatic name', () => {
    expect(region('westus3')).toEqual({ name: 'westus3', displayName: 'West US 3', geography: 'United States', location: 'Phoenix', timeZone: 'America/Phoenix', pairedRegion: 'eastus', availabilityZones: true, euDataBoundary: false });
    expect(REGION_DATA.every((r) => region(r.name) === r)).toBe(true);
  });

  test.each([
    ['west-us-3', 'westus3', 'West US 3'], ['West US 3', 'westus3', 'West US 3'], ['WESTEUROPE', 'westeurope', 'West Europe'],
    ['eastus-2', 'eastus2', 'East US 2'], ['estus2', 'eastus2', 'East US 2'], ['westeurop', 'westeurope', 'West Europe'],
    // Two edits, or one per four letters: 'gremanywestcnetral' (18 letters) is four edits from germanywestcentral.
    ['gremanywestcnetral', 'germanywestcentral', 'Germany West Central'], ['wstus', 'westus', 'West US'],
  ])('%p is no catalog name: did you mean %p?', (input, name, displayName) => {
    expect(refusal(input)).toEqual(['platform', 'regions[0]', input, NOT_IN_CATALOG, `did you mean '${name}' (${displayName})?`]);
  });

  test.each(['mars-north-1', 'xyz', 'gremanywestcnetrla', ''])('%p resembles nothing: the catalog is listed instead of a guess', (input) => {
    expect(refusal(input)).toEqual(['platform', 'regions[0]', input, NOT_IN_CATALOG, CATALOG]);
  });

  test('a restricted region is not in the catalog', () => {
    expect(refusal('francesouth')[3]).toBe(NOT_IN_CATALOG);
  });

  test('a value that is not a string lists the catalog', () => {
    expect(refusal(3)).toEqual(['platform', 'regions[0]', 3, NOT_IN_CATALOG, CATALOG]);
    expect(refusal(undefined)).toEqual(['platform', 'regions[0]', undefined, NOT_IN_CATALOG, CATALOG]);
    // A number token is no region name either (only a string token gets the token message).
    const token = Lazy.numberValue({ produce: () => 3 });
    expect(refusal(token)).toEqual(['platform', 'regions[0]', token, NOT_IN_CATALOG, CATALOG]);
  });

  test('a token is refused: the region decides stacks, names, zones and pairs at synth time', () => {
    const token = Lazy.stringValue({ produce: () => 'westus3' });
    expect(refusal(token)).toEqual([
      'platform', 'regions[0]', token, 'a Terraform token is unknown until apply, and the region decides the stacks, names, zones and pairs at synth time', "give the literal region name, e.g. 'westus3'",
    ]);
  });

  test('a label can stand for the construct', () => {
    try {
      Regions.find('nowhere', 'RedundancyPattern.activeActive', 'regions[1]');
    } catch (e) {
      expect((e as ValidationError).constructPath).toBe('RedundancyPattern.activeActive');
      return;
    }
    throw new Error('found nowhere');
  });
});

describe('residencies', () => {
  test('the EU Data Boundary is named so', () => {
    expect(EU_DATA_BOUNDARY).toBe('EU Data Boundary');
  });

  test('every geography of the catalog once, and the EU Data Boundary, sorted', () => {
    expect(Regions.residencies()).toEqual([
      'Asia Pacific', 'Australia', 'Austria', 'Belgium', 'Brazil', 'Canada', 'Chile', 'Denmark', 'EU Data Boundary', 'Europe', 'France', 'Germany', 'India',
      'Indonesia', 'Israel', 'Italy', 'Japan', 'Korea', 'Malaysia', 'Mexico', 'New Zealand', 'Norway', 'Poland', 'Qatar', 'South Africa', 'Spain', 'Sweden',
      'Switzerland', 'UAE', 'United Kingdom', 'United States',
    ]);
  });

  test('isInResidency: the region\'s geography, or the EU Data Boundary for EU and EFTA regions', () => {
    expect(Regions.isInResidency(region('westeurope'), 'Europe')).toBe(true);
    expect(Regions.isInResidency(region('westeurope'), EU_DATA_BOUNDARY)).toBe(true);
    expect(Regions.isInResidency(region('norwayeast'), EU_DATA_BOUNDARY)).toBe(true);
    expect(Regions.isInResidency(region('norwayeast'), 'Europe')).toBe(false);
    expect(Regions.isInResidency(region('uksouth'), EU_DATA_BOUNDARY)).toBe(false);
    expect(Regions.isInResidency(region('uksouth'), 'Europe')).toBe(false);
    expect(Regions.isInResidency(region('uksouth'), 'United Kingdom')).toBe(true);
  });

  test('isPairInResidency: where the pair (catalog or restricted region) lies; never for a region without a pair', () => {
    expect(Regions.isPairInResidency(region('westeurope'), EU_DATA_BOUNDARY)).toBe(true);
    expect(Regions.isPairInResidency(region('westeurope'), 'Europe')).toBe(true);
    expect(Regions.isPairInResidency(region('uksouth'), EU_DATA_BOUNDARY)).toBe(false);
    expect(Regions.isPairInResidency(region('uksouth'), 'United Kingdom')).toBe(true);
    // Brazil South's pair is South Central US.
    expect(Regions.isPairInResidency(region('brazilsouth'), 'Brazil')).toBe(false);
    expect(Regions.isPairInResidency(region('brazilsouth'), 'United States')).toBe(true);
    // Restricted pairs: France South (EU), UAE Central (not EU).
    expect(Regions.isPairInResidency(region('francecentral'), EU_DATA_BOUNDARY)).toBe(true);
    expect(Regions.isPairInResidency(region('francecentral'), 'France')).toBe(true);
    expect(Regions.isPairInResidency(region('francecentral'), 'Europe')).toBe(false);
    expect(Regions.isPairInResidency(region('uaenorth'), EU_DATA_BOUNDARY)).toBe(false);
    expect(Regions.isPairInResidency(region('uaenorth'), 'UAE')).toBe(true);
    expect(Regions.isPairInResidency(region('polandcentral'), 'Poland')).toBe(false);
    expect(Regions.isPairInResidency(region('polandcentral'), EU_DATA_BOUNDARY)).toBe(false);
  });

  test('isPairInResidency: a pair the catalog does not know lies nowhere', () => {
    const unknownPair: RegionInfo = { ...region('westeurope'), pairedRegion: 'atlantis' };
    expect(Regions.isPairInResidency(unknownPair, 'Europe')).toBe(false);
    expect(Regions.isPairInResidency(unknownPair, EU_DATA_BOUNDARY)).toBe(false);
  });
});
