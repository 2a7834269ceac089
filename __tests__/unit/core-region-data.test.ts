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

/** UTC offset of a zone at an instant, in minutes, as Intl reckons it. */
function offsetAt(timeZone: string, instant: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name)!;
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The continent (first part of the IANA name) each geography's zones lie in. */
const AREA_OF_GEOGRAPHY: Record<string, string> = {
  'Asia Pacific': 'Asia', Australia: 'Australia', Austria: 'Europe', Belgium: 'Europe', Brazil: 'America', Canada: 'America', Chile: 'America',
  Denmark: 'Europe', Europe: 'Europe', France: 'Europe', Germany: 'Europe', India: 'Asia', Indonesia: 'Asia', Israel: 'Asia', Italy: 'Europe',
  Japan: 'Asia', Korea: 'Asia', Malaysia: 'Asia', Mexico: 'America', 'New Zealand': 'Pacific', Norway: 'Europe', Poland: 'Europe', Qatar: 'Asia',
  'South Africa': 'Africa', Spain: 'Europe', Sweden: 'Europe', Switzerland: 'Europe', UAE: 'Asia', 'United Kingdom': 'Europe', 'United States': 'America',
};

describe('REGION_DATA time zones', () => {
  test('every row has an IANA zone that Intl accepts, and no bare offset', () => {
    const refused = REGION_DATA.filter((r) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: r.timeZone });
        return !/^[A-Z][A-Za-z]+\/[A-Za-z_]+$/.test(r.timeZone);
      } catch {
        return true;
      }
    });
    expect(refused).toEqual([]);
    // Intl refuses what is not a zone, so the check above can fail.
    expect(() => new Intl.DateTimeFormat('en-US', { timeZone: 'America/Phoenixx' })).toThrow(RangeError);
  });

  test('zones agree with geography: every United States row is America/*, every Europe row Europe/*, and so on', () => {
    expect(Object.keys(AREA_OF_GEOGRAPHY).sort()).toEqual([...new Set(REGION_DATA.map((r) => r.geography))].sort());
    const abroad = REGION_DATA.filter((r) => r.timeZone.split('/')[0] !== AREA_OF_GEOGRAPHY[r.geography]);
    expect(abroad.map((r) => [r.name, r.timeZone])).toEqual([]);
  });

  test('the zones of the brief and of US states: eastus New York, westeurope Amsterdam, koreacentral Seoul, Arizona without DST', () => {
    const zone = (name: string) => REGION_DATA.find((r) => r.name === name)!.timeZone;
    expect([zone('eastus'), zone('westeurope'), zone('koreacentral'), zone('westus3')]).toEqual(['America/New_York', 'Europe/Amsterdam', 'Asia/Seoul', 'America/Phoenix']);
    const us = Object.fromEntries(REGION_DATA.filter((r) => r.geography === 'United States').map((r) => [r.location, r.timeZone]));
    expect(us).toEqual({
      Iowa: 'America/Chicago', Virginia: 'America/New_York', Illinois: 'America/Chicago', Texas: 'America/Chicago', Wyoming: 'America/Denver',
      California: 'America/Los_Angeles', Washington: 'America/Los_Angeles', Phoenix: 'America/Phoenix',
    });
  });

  test('offsets in January and July: DST north and south, none in Arizona, Korea or India', () => {
    const offsets = (name: string) => {
      const tz = REGION_DATA.find((r) => r.name === name)!.timeZone;
      return [offsetAt(tz, Date.UTC(2026, 0, 15, 12)), offsetAt(tz, Date.UTC(2026, 6, 15, 12))];
    };
    expect(offsets('eastus')).toEqual([-300, -240]);
    expect(offsets('westus3')).toEqual([-420, -420]);
    expect(offsets('westeurope')).toEqual([60, 120]);
    expect(offsets('uksouth')).toEqual([0, 60]);
    expect(offsets('australiaeast')).toEqual([660, 600]);
    expect(offsets('newzealandnorth')).toEqual([780, 720]);
    expect(offsets('koreacentral')).toEqual([540, 540]);
    expect(offsets('centralindia')).toEqual([330, 330]);
    expect(offsets('mexicocentral')).toEqual([-360, -360]);
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
