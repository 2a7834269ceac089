import { REGION_DATA, RESTRICTED_PAIR_DATA } from '../../lib/core/region-data';

/**
 * Unit tests of lib/core/region-data.ts: the catalog's rows hold together and match its source (Microsoft Learn,
 * "Azure regions list" and "Azure region pairs and nonpaired regions", as cited in the module).
 */

/** The geographies inside the EU Data Boundary (EU and EFTA countries) that the catalog has regions in. */
const EU_DATA_BOUNDARY_GEOGRAPHIES = ['Austria', 'Belgium', 'Denmark', 'Europe', 'France', 'Germany', 'Italy', 'Norway', 'Poland', 'Spain', 'Sweden', 'Switzerland'];

describe('REGION_DATA', () => {
  test('48 regions, sorted by programmatic name, each once', () => {
    const names = REGION_DATA.map((r) => r.name);
    expect(names).toHaveLength(48);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });

  test('the programmatic name is the display name in lower case without spaces', () => {
    const mismatched = REGION_DATA.filter((r) => r.displayName.toLowerCase().replace(/ /g, '') !== r.name || !/^[a-z0-9]+$/.test(r.name));
    expect(mismatched).toEqual([]);
  });

  test('every region has a geography and a location', () => {
    expect(REGION_DATA.filter((r) => !r.geography || !r.location)).toEqual([]);
  });

  test('the regions without availability zones', () => {
    expect(REGION_DATA.filter((r) => !r.availabilityZones).map((r) => r.name)).toEqual([
      'australiacentral', 'australiasoutheast', 'canadaeast', 'koreasouth', 'northcentralus', 'southindia', 'ukwest', 'westcentralus', 'westindia', 'westus',
    ]);
  });

  test('the EU Data Boundary holds exactly the regions of EU and EFTA geographies', () => {
    const outside = REGION_DATA.filter((r) => r.euDataBoundary !== EU_DATA_BOUNDARY_GEOGRAPHIES.includes(r.geography));
    expect(outside).toEqual([]);
    expect(REGION_DATA.filter((r) => r.euDataBoundary)).toHaveLength(13);
  });

  test('the nonpaired regions', () => {
    expect(REGION_DATA.filter((r) => r.pairedRegion === undefined).map((r) => r.name)).toEqual([
      'austriaeast', 'belgiumcentral', 'chilecentral', 'denmarkeast', 'indonesiacentral', 'israelcentral', 'italynorth', 'malaysiawest', 'mexicocentral',
      'newzealandnorth', 'polandcentral', 'qatarcentral', 'spaincentral',
    ]);
  });

  test('pairs are mutual, except the documented one-way pairs, and lie in the same geography but for Brazil South', () => {
    const byName = new Map(REGION_DATA.map((r) => [r.name, r]));
    const oneWay = REGION_DATA.filter((r) => r.pairedRegion && byName.has(r.pairedRegion) && byName.get(r.pairedRegion)!.pairedRegion !== r.name);
    expect(oneWay.map((r) => [r.name, r.pairedRegion])).toEqual([['brazilsouth', 'southcentralus'], ['westindia', 'southindia'], ['westus3', 'eastus']]);
    const restricted = new Map(RESTRICTED_PAIR_DATA.map((r) => [r.name, r]));
    const abroad = REGION_DATA.filter((r) => r.pairedRegion && (byName.get(r.pairedRegion) ?? restricted.get(r.pairedRegion))?.geography !== r.geography);
    expect(abroad.map((r) => r.name)).toEqual(['brazilsouth']);
  });
});

describe('RESTRICTED_PAIR_DATA', () => {
  test('the restricted regions that catalog regions pair with, none of them in the catalog', () => {
    const names = RESTRICTED_PAIR_DATA.map((r) => r.name);
    expect(names).toEqual(['australiacentral2', 'brazilsoutheast', 'francesouth', 'germanynorth', 'norwaywest', 'southafricawest', 'swedensouth', 'switzerlandwest', 'uaecentral']);
    const catalog = new Set(REGION_DATA.map((r) => r.name));
    const pairs = new Set(REGION_DATA.map((r) => r.pairedRegion));
    expect(names.filter((n) => catalog.has(n) || !pairs.has(n) && n !== 'brazilsoutheast')).toEqual([]);
    expect(REGION_DATA.filter((r) => r.pairedRegion && !catalog.has(r.pairedRegion) && !names.includes(r.pairedRegion))).toEqual([]);
  });

  test('each lies in the geography and on the EU Data Boundary side of the region that pairs with it', () => {
    const pairer = (name: string) => REGION_DATA.find((r) => r.pairedRegion === name);
    const rows = RESTRICTED_PAIR_DATA.filter((r) => pairer(r.name)).map((r) => [r.name, r.geography, r.euDataBoundary]);
    expect(rows).toEqual(RESTRICTED_PAIR_DATA.filter((r) => pairer(r.name)).map((r) => [r.name, pairer(r.name)!.geography, pairer(r.name)!.euDataBoundary]));
    expect(rows).toHaveLength(8);
    // Brazil Southeast pairs with Brazil South, which itself pairs with South Central US (a one-way pair).
    expect(RESTRICTED_PAIR_DATA.find((r) => r.name === 'brazilsoutheast')).toEqual({ name: 'brazilsoutheast', geography: 'Brazil', euDataBoundary: false });
  });
});
