import { Construct } from 'constructs';
import { Testing } from 'cdktf';
import { IPv4CidrRange } from 'ip-num';
import { AddressPlan, EU_DATA_BOUNDARY, PatternKind, RedundancyPattern, RegionRole, Regions, ValidationError } from '../lib';
import { Naming, pathHash, ResourceKind } from '../lib/core/naming';

/** A construct with a known path, for errors and name hashes. */
function scope(id = 'platform'): Construct {
  return new Construct(Testing.app(), id);
}

describe('ValidationError', () => {
  test('names the construct path, prop, value and fix', () => {
    const err = new ValidationError({ scope: scope('Thing'), prop: 'systemPool.minCount', value: 1, problem: 'too small', fix: 'use 3' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ValidationError');
    expect(err.message).toBe('Thing: invalid systemPool.minCount 1: too small. Fix: use 3');
    expect(err.constructPath).toBe('Thing');
    expect(err.prop).toBe('systemPool.minCount');
    expect(err.fix).toBe('use 3');
  });
});

describe('region catalog', () => {
  test('holds at least 30 public regions with display name, geography, pair and zone support', () => {
    const all = Regions.all();
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((r) => r.name)).size).toBe(all.length);
    for (const r of all) {
      expect(r.name).toMatch(/^[a-z0-9]+$/);
      expect(r.displayName.length).toBeGreaterThan(0);
      expect(r.geography.length).toBeGreaterThan(0);
      expect(typeof r.availabilityZones).toBe('boolean');
    }
  });

  test.each([
    ['westus3', 'West US 3', 'United States', 'eastus', true],
    ['eastus2', 'East US 2', 'United States', 'centralus', true],
    ['westeurope', 'West Europe', 'Europe', 'northeurope', true],
    ['koreacentral', 'Korea Central', 'Korea', 'koreasouth', true],
    ['westus', 'West US', 'United States', 'eastus', false],
    ['polandcentral', 'Poland Central', 'Poland', undefined, true],
  ])('%s: %s in %s, paired with %s, zones %s', (name, displayName, geography, pair, zones) => {
    const r = Regions.find(name, 'test', 'region');
    expect(r).toMatchObject({ displayName, geography, pairedRegion: pair, availabilityZones: zones });
  });

  test('pairs point at catalog regions or known restricted regions, and are mutual except documented one-way pairs', () => {
    const restricted = ['australiacentral2', 'brazilsoutheast', 'francesouth', 'germanynorth', 'norwaywest', 'southafricawest', 'swedensouth', 'switzerlandwest', 'uaecentral'];
    const oneWay = ['brazilsouth', 'westindia', 'westus3'];
    for (const r of Regions.all()) {
      if (!r.pairedRegion) continue;
      const pair = Regions.tryFind(r.pairedRegion);
      if (!pair) {
        expect(restricted).toContain(r.pairedRegion);
      } else if (!oneWay.includes(r.name)) {
        expect(pair.pairedRegion).toBe(r.name);
      }
    }
  });

  test.each([
    ['west-us-3', "did you mean 'westus3' (West US 3)?"],
    ['West US 3', "did you mean 'westus3' (West US 3)?"],
    ['eastus-2', "did you mean 'eastus2' (East US 2)?"],
    ['estus2', "did you mean 'eastus2' (East US 2)?"],
    ['westeurop', "did you mean 'westeurope' (West Europe)?"],
  ])('unknown %s suggests the closest real name', (input, suggestion) => {
    expect(() => Regions.find(input, scope(), 'regions[0]')).toThrow(ValidationError);
    expect(() => Regions.find(input, scope(), 'regions[0]')).toThrow(`platform: invalid regions[0] "${input}": not an Azure public region in the catalog`);
    expect(() => Regions.find(input, scope(), 'regions[0]')).toThrow(suggestion);
  });

  test('a name nothing resembles lists the catalog instead of guessing', () => {
    expect(() => Regions.find('mars-north-1', scope(), 'region')).toThrow(/Fix: use one of: .*westus3/);
  });

  test('residency: geography or the EU Data Boundary', () => {
    const we = Regions.find('westeurope', 'x', 'r');
    const uk = Regions.find('uksouth', 'x', 'r');
    expect(Regions.isInResidency(we, 'Europe')).toBe(true);
    expect(Regions.isInResidency(we, EU_DATA_BOUNDARY)).toBe(true);
    expect(Regions.isInResidency(Regions.find('germanywestcentral', 'x', 'r'), EU_DATA_BOUNDARY)).toBe(true);
    expect(Regions.isInResidency(uk, EU_DATA_BOUNDARY)).toBe(false);
    expect(Regions.isInResidency(uk, 'Europe')).toBe(false);
  });
});

describe('naming', () => {
  const naming = new Naming('contoso');

  test('user prefix + abbreviation + region + short stable hash of the construct path', () => {
    const s = scope('platform');
    const hash = pathHash('platform');
    expect(hash).toMatch(/^[0-9a-f]{6}$/);
    expect(naming.name(s, ResourceKind.RESOURCE_GROUP, { qualifier: 'westus3' })).toBe(`contoso-rg-westus3-${hash}`);
    expect(naming.name(s, ResourceKind.SQL_SERVER, { qualifier: 'westus3' })).toBe(`contoso-sql-westus3-${hash}`);
  });

  test('deterministic for a path, different for another path', () => {
    expect(naming.name(scope('a'), ResourceKind.KEY_VAULT)).toBe(naming.name(scope('a'), ResourceKind.KEY_VAULT));
    expect(naming.name(scope('a'), ResourceKind.KEY_VAULT)).not.toBe(naming.name(scope('b'), ResourceKind.KEY_VAULT));
  });

  test.each([
    [ResourceKind.KEY_VAULT, 24],
    [ResourceKind.STORAGE_ACCOUNT, 24],
    [ResourceKind.COSMOS_ACCOUNT, 44],
    [ResourceKind.SERVICE_BUS_NAMESPACE, 50],
    [ResourceKind.SQL_SERVER, 63],
    [ResourceKind.POSTGRESQL_SERVER, 63],
    [ResourceKind.FRONT_DOOR_ENDPOINT, 46],
    [ResourceKind.FRONT_DOOR_WAF_POLICY, 128],
    [ResourceKind.API_MANAGEMENT, 50],
  ])('the longest prefix and region still give a valid %p name (max %i)', (kind, max) => {
    const long = new Naming('abcdefghijkl');
    const name = long.name(scope(), kind, { qualifier: 'germanywestcentral' });
    expect(name.length).toBeLessThanOrEqual(max);
    expect(name).toMatch(kind.props.pattern);
    expect(name.startsWith('abcdefghijkl')).toBe(true);
  });

  test('globally unique types are marked so', () => {
    for (const kind of [ResourceKind.KEY_VAULT, ResourceKind.STORAGE_ACCOUNT, ResourceKind.COSMOS_ACCOUNT, ResourceKind.SERVICE_BUS_NAMESPACE, ResourceKind.SQL_SERVER, ResourceKind.POSTGRESQL_SERVER, ResourceKind.FRONT_DOOR_ENDPOINT]) {
      expect(kind.props.globallyUnique).toBe(true);
    }
  });

  test('storage accounts and WAF policies get no hyphens; the region is dropped when it does not fit', () => {
    expect(naming.name(scope('p'), ResourceKind.STORAGE_ACCOUNT, { qualifier: 'westus3' })).toBe(`contosostwestus3${pathHash('p')}`);
    expect(naming.name(scope('p'), ResourceKind.STORAGE_ACCOUNT, { qualifier: 'germanywestcentral' })).toBe(`contosost${pathHash('p')}`);
    expect(naming.name(scope('p'), ResourceKind.FRONT_DOOR_WAF_POLICY)).toBe(`contosowaf${pathHash('p')}`);
    expect(naming.name(scope('p'), ResourceKind.KEY_VAULT, { qualifier: 'westus3' })).toBe(`contoso-kv-${pathHash('p')}`);
  });

  test('an override is used as given when Azure accepts it', () => {
    expect(naming.name(scope(), ResourceKind.KEY_VAULT, { override: 'my-vault-01' })).toBe('my-vault-01');
  });

  test.each([
    [ResourceKind.KEY_VAULT, 'this-name-is-far-too-long-for-a-vault', 'must be 3-24 characters long'],
    [ResourceKind.KEY_VAULT, '1vault', 'allows letters, digits and hyphens, starting with a letter'],
    [ResourceKind.KEY_VAULT, 'my--vault', 'must not contain consecutive hyphens'],
    [ResourceKind.STORAGE_ACCOUNT, 'My-Storage', 'allows lower-case letters and digits only'],
    [ResourceKind.SQL_SERVER, 'Orders-SQL', 'allows lower-case letters, digits and hyphens'],
    [ResourceKind.SERVICE_BUS_NAMESPACE, 'orders-bus-sb', "must not end with '-sb' or '-mgmt'"],
    [ResourceKind.SERVICE_BUS_NAMESPACE, 'bus', 'must be 6-50 characters long'],
  ])('override %p %s is rejected: %s', (kind, value, message) => {
    expect(() => naming.name(scope(), kind, { override: value, prop: 'names.x' })).toThrow(ValidationError);
    expect(() => naming.name(scope(), kind, { override: value, prop: 'names.x' })).toThrow(`platform: invalid names.x "${value}"`);
    expect(() => naming.name(scope(), kind, { override: value, prop: 'names.x' })).toThrow(message);
  });

  test.each(['Contoso', 'c', 'contoso-shop', '1shop', 'abcdefghijklm', ''])('prefix %p is rejected', (prefix) => {
    expect(() => Naming.validatePrefix(scope(), 'prefix', prefix)).toThrow('a name prefix must be 2-12 lower-case letters or digits and start with a letter');
  });
});

describe('RedundancyPattern', () => {
  test.each([
    [RedundancyPattern.zoneRedundant(), ['westus3'], [RegionRole.PRIMARY]],
    [RedundancyPattern.primarySecondary(), ['eastus2', 'centralus'], [RegionRole.PRIMARY, RegionRole.SECONDARY]],
    [RedundancyPattern.activePassive(), ['westeurope', 'northeurope'], [RegionRole.ACTIVE, RegionRole.PASSIVE]],
    [RedundancyPattern.activeActive(), ['eastus2', 'westus3', 'centralus'], [RegionRole.ACTIVE, RegionRole.ACTIVE, RegionRole.ACTIVE]],
    [RedundancyPattern.regionPinned(), ['westeurope', 'japaneast'], [RegionRole.CELL, RegionRole.CELL]],
  ])('%#: %p places %p as %p', (pattern, regions, roles) => {
    const placements = pattern.place(scope(), regions);
    expect(placements.map((p) => p.role)).toEqual(roles);
    expect(placements.map((p) => p.region.name)).toEqual(regions);
    expect(placements.map((p) => p.index)).toEqual(regions.map((_, i) => i));
    expect(placements.every((p) => p.zoneRedundant)).toBe(true);
  });

  test('kinds, standby and replication flags', () => {
    expect(RedundancyPattern.zoneRedundant().kind).toBe(PatternKind.ZONE_REDUNDANT);
    expect(RedundancyPattern.activePassive().standby).toBe('warm');
    expect(RedundancyPattern.activePassive({ standby: 'pilot-light' }).standby).toBe('pilot-light');
    expect(RedundancyPattern.activeActive().standby).toBeUndefined();
    expect(RedundancyPattern.primarySecondary().replicatesAcrossRegions).toBe(true);
    expect(RedundancyPattern.regionPinned().replicatesAcrossRegions).toBe(false);
  });

  test('regionPinned cells carry their residency (own geography by default, or the declared one)', () => {
    const placements = RedundancyPattern.regionPinned({ residency: { germanywestcentral: EU_DATA_BOUNDARY } }).place(scope(), ['germanywestcentral', 'japaneast']);
    expect(placements.map((p) => p.residency)).toEqual([EU_DATA_BOUNDARY, 'Japan']);
  });

  test('a non-zonal secondary or passive region is accepted only when asked for, and marked non-zonal', () => {
    const p = RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }).place(scope(), ['eastus', 'westus']);
    expect(p[1]).toMatchObject({ role: RegionRole.SECONDARY, zoneRedundant: false });
    const a = RedundancyPattern.activePassive({ allowPassiveWithoutZones: true }).place(scope(), ['uksouth', 'ukwest']);
    expect(a[1]).toMatchObject({ role: RegionRole.PASSIVE, zoneRedundant: false });
  });

  test.each<[string, RedundancyPattern, string[], string]>([
    ['zoneRedundant with two regions', RedundancyPattern.zoneRedundant(), ['westus3', 'eastus2'], 'zoneRedundant takes exactly 1 region, got 2'],
    ['primarySecondary with one region', RedundancyPattern.primarySecondary(), ['westus3'], 'primarySecondary takes exactly 2 regions (primary, secondary), got 1'],
    ['activePassive with three regions', RedundancyPattern.activePassive(), ['westus3', 'eastus2', 'centralus'], 'activePassive takes exactly 2 regions (active, passive), got 3'],
    ['activeActive with one region', RedundancyPattern.activeActive(), ['westus3'], 'activeActive takes 2 or more regions, got 1'],
    ['no regions', RedundancyPattern.regionPinned(), [], 'at least one region is required'],
    ['duplicate regions', RedundancyPattern.primarySecondary(), ['westus3', 'westus3'], "region 'westus3' is listed twice (positions 0 and 1)"],
    ['a region without zones', RedundancyPattern.zoneRedundant(), ['westus'], 'West US has no availability zones, but the primary region of zoneRedundant must be zone-redundant'],
    ['a secondary without zones', RedundancyPattern.primarySecondary(), ['eastus', 'westus'], 'or set allowSecondaryWithoutZones: true'],
    ['a typo', RedundancyPattern.activeActive(), ['eastus2', 'westus-3'], "invalid regions[1] \"westus-3\": not an Azure public region in the catalog (use the programmatic name, as `az account list-locations -o table` prints it). Fix: did you mean 'westus3'"],
    ['a cell outside its residency', RedundancyPattern.regionPinned({ residency: { uksouth: EU_DATA_BOUNDARY } }), ['uksouth'], 'cell region uksouth lies in United Kingdom, outside its declared residency EU Data Boundary'],
    ['an unknown residency', RedundancyPattern.regionPinned({ residency: { westeurope: 'Europa' } }), ['westeurope'], "did you mean 'Europe'?"],
    ['residency for a region that is not a cell', RedundancyPattern.regionPinned({ residency: { japaneast: 'Japan' } }), ['westeurope'], "residency is declared for region 'japaneast', which is not one of the platform's cells"],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['an unknown standby mode', RedundancyPattern.activePassive({ standby: 'cold' as any }), ['eastus2', 'centralus'], `invalid pattern.standby "cold": expected one of 'warm', 'pilot-light', got the string "cold"`],
  ])('rejects %s', (_label, pattern, regions, message) => {
    expect(() => pattern.place(scope(), regions)).toThrow(ValidationError);
    expect(() => pattern.place(scope(), regions)).toThrow(message);
  });
});

describe('AddressPlan', () => {
  test('carves one block per region from one address space, in list order', () => {
    const plan = new AddressPlan(scope(), { addressSpace: '10.100.0.0/16' }, 3);
    expect([0, 1, 2].map((i) => plan.forRegion(i).vnet)).toEqual(['10.100.0.0/20', '10.100.16.0/20', '10.100.32.0/20']);
    expect(plan.forRegion(1)).toEqual({
      vnet: '10.100.16.0/20',
      aksNodes: '10.100.16.0/22',
      privateEndpoints: '10.100.20.0/24',
      ingress: '10.100.21.0/24',
      podCidr: '192.168.0.0/16',
      serviceCidr: '172.16.0.0/16',
      dnsServiceIp: '172.16.0.10',
    });
  });

  test.each([[16, 16], [20, 16], [22, 8], [18, 16]])('/%i regions: no two subnets of any region overlap, all inside their VNet', (regionPrefixLength, regions) => {
    const plan = new AddressPlan(scope(), { addressSpace: '10.0.0.0/12', regionPrefixLength }, regions);
    const ranges: IPv4CidrRange[] = [];
    for (let i = 0; i < regions; i++) {
      const r = plan.forRegion(i);
      const vnet = IPv4CidrRange.fromCidr(r.vnet);
      for (const s of [r.aksNodes, r.privateEndpoints, r.ingress]) {
        const range = IPv4CidrRange.fromCidr(s);
        expect(range.inside(vnet)).toBe(true);
        ranges.push(range);
      }
    }
    for (let a = 0; a < ranges.length; a++) for (let b = a + 1; b < ranges.length; b++) {
      expect([ranges[a].toCidrString(), ranges[b].toCidrString(), ranges[a].isOverlapping(ranges[b])]).toEqual([ranges[a].toCidrString(), ranges[b].toCidrString(), false]);
    }
  });

  test.each<[string, object, number, string]>([
    ['too small for the regions', { addressSpace: '10.0.0.0/20' }, 2, 'too small: it holds 1 region block(s) of /20, the platform needs 2. Fix: use an address space of /19 or larger'],
    ['pods overlapping the VNets', { addressSpace: '192.168.0.0/16' }, 1, 'overlaps the VNet address space 192.168.0.0/16'],
    ['services overlapping pods', { serviceCidr: '192.168.0.0/20' }, 1, 'overlaps the pod CIDR 192.168.0.0/16'],
    ['host bits set', { addressSpace: '10.0.0.1/16' }, 1, "host bits are set, so it is not a network address. Fix: use '10.0.0.0/16'"],
    ['not a CIDR', { addressSpace: '10.0.0.0' }, 1, 'not an IPv4 CIDR'],
    ['an Azure-reserved range', { addressSpace: '169.254.0.0/16' }, 1, 'overlaps 169.254.0.0/16, which Azure reserves'],
    ['region blocks too small for the subnets', { regionPrefixLength: 24 }, 1, 'a region VNet must be /16 to /22'],
  ])('rejects %s', (_label, props, regions, message) => {
    expect(() => new AddressPlan(scope(), props, regions)).toThrow(ValidationError);
    expect(() => new AddressPlan(scope(), props, regions)).toThrow(message);
  });
});
