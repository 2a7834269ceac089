import { RootConstruct } from 'constructs';
import { AddressPlan } from '../../lib/core/address-plan';
import { AddressPlanProps } from '../../lib/core/address-plan-types';
import { ValidationError } from '../../lib/core/errors';

/** Unit tests of lib/core/address-plan.ts: the address space carved into region blocks and subnets, and its checks. */

function plan(props: AddressPlanProps, regions = 1): AddressPlan {
  return new AddressPlan(new RootConstruct('platform'), props, regions);
}

/** [prop, value, problem, fix] of the error a plan throws. */
function refusal(props: unknown, regions = 1, prop?: string): [string, unknown, string, string] {
  try {
    new AddressPlan(new RootConstruct('platform'), props as AddressPlanProps, regions, prop);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const v = e as ValidationError;
    expect(v.constructPath).toBe('platform');
    return [v.prop, v.value, v.problem, v.fix];
  }
  throw new Error(`accepted ${JSON.stringify(props)}`);
}

const OVERLAP_FIX = 'choose non-overlapping ranges, e.g. addressSpace 10.100.0.0/16, podCidr 192.168.0.0/16, serviceCidr 172.16.0.0/16';

describe('AddressPlan: defaults and region blocks', () => {
  test('defaults: 10.100.0.0/16 in /20 blocks, pods 192.168.0.0/16, services 172.16.0.0/16', () => {
    const p = plan({});
    expect([p.addressSpace, p.regionPrefixLength, p.podCidr, p.serviceCidr, p.capacity]).toEqual(['10.100.0.0/16', 20, '192.168.0.0/16', '172.16.0.0/16', 16]);
    expect(p.forRegion(0)).toEqual({
      vnet: '10.100.0.0/20', aksNodes: '10.100.0.0/22', privateEndpoints: '10.100.4.0/24', ingress: '10.100.5.0/24',
      podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIp: '172.16.0.10',
    });
  });

  test('each region takes the next block, in list order, with the same subnet offsets', () => {
    const p = plan({ addressSpace: '10.0.0.0/12', regionPrefixLength: 16, podCidr: '100.64.0.0/16', serviceCidr: '172.20.0.0/24' }, 3);
    expect([p.addressSpace, p.regionPrefixLength, p.podCidr, p.serviceCidr, p.capacity]).toEqual(['10.0.0.0/12', 16, '100.64.0.0/16', '172.20.0.0/24', 16]);
    expect(p.forRegion(2)).toEqual({
      vnet: '10.2.0.0/16', aksNodes: '10.2.0.0/18', privateEndpoints: '10.2.64.0/20', ingress: '10.2.80.0/20',
      podCidr: '100.64.0.0/16', serviceCidr: '172.20.0.0/24', dnsServiceIp: '172.20.0.10',
    });
    expect(p.forRegion(15).vnet).toBe('10.15.0.0/16');
  });

  test('/22 regions: the smallest blocks that hold every subnet', () => {
    const p = plan({ addressSpace: '10.1.0.0/16', regionPrefixLength: 22 }, 64);
    expect(p.capacity).toBe(64);
    expect(p.forRegion(1)).toMatchObject({ vnet: '10.1.4.0/22', aksNodes: '10.1.4.0/24', privateEndpoints: '10.1.5.0/26', ingress: '10.1.5.64/26' });
  });

  test('a region block as large as the address space: capacity 1', () => {
    expect(plan({ addressSpace: '10.1.0.0/16', regionPrefixLength: 16 }).capacity).toBe(1);
    expect(plan({ addressSpace: '10.1.0.0/16', regionPrefixLength: 16 }).forRegion(0).vnet).toBe('10.1.0.0/16');
  });
});

describe('AddressPlan: checks', () => {
  test('the props\' shape, under the prop name given', () => {
    expect(refusal({ regionPrefixLength: '20' })).toEqual(['addressPlan.regionPrefixLength', '20', 'expected a number, got the string "20"', 'give a number']);
    expect(refusal({ addresSpace: '10.0.0.0/16' }, 1, 'network')).toEqual(['network.addresSpace', '10.0.0.0/16', "unknown option 'addresSpace', which would be ignored", "did you mean 'addressSpace'?"]);
    expect(refusal({ podCidr: null })[3]).toBe('leave addressPlan.podCidr out to take the default, or give a string');
  });

  test.each([
    ['addressSpace', '10.0.0.0'], ['addressSpace', '10.0.0.0/33'], ['podCidr', 'pods'], ['serviceCidr', '172.16.0/16'],
  ])('%s %p is not a CIDR', (key, cidr) => {
    expect(refusal({ [key]: cidr }, 1, 'net')).toEqual([`net.${key}`, cidr, 'not an IPv4 CIDR', "write it as 'a.b.c.d/n', e.g. '10.100.0.0/16'"]);
  });

  test.each([
    ['addressSpace', '10.0.0.1/16', '10.0.0.0/16'], ['addressSpace', '10.17.255.255/12', '10.16.0.0/12'],
    ['podCidr', '192.168.1.130/25', '192.168.1.128/25'], ['serviceCidr', '172.16.0.1/31', '172.16.0.0/31'],
  ])('%s %s has host bits set: use %s', (key, cidr, network) => {
    expect(refusal({ [key]: cidr })).toEqual([`addressPlan.${key}`, cidr, 'host bits are set, so it is not a network address', `use '${network}'`]);
  });

  test.each([
    ['addressSpace', '230.0.0.0/16', '224.0.0.0/4'], ['addressSpace', '0.0.0.0/0', '224.0.0.0/4'], ['podCidr', '255.255.255.0/24', '255.255.255.255/32'],
    ['serviceCidr', '127.0.0.0/16', '127.0.0.0/8'], ['addressSpace', '169.254.0.0/16', '169.254.0.0/16'], ['podCidr', '168.63.0.0/16', '168.63.129.16/32'],
  ])('%s %s overlaps %s, which Azure reserves', (key, cidr, reserved) => {
    expect(refusal({ [key]: cidr })).toEqual([`addressPlan.${key}`, cidr, `overlaps ${reserved}, which Azure reserves`, 'use an RFC 1918 private range such as 10.0.0.0/8']);
  });

  test.each([15, 23, 20.5, 0, -20])('a region prefix length of %p is refused', (regionPrefixLength) => {
    expect(refusal({ regionPrefixLength })).toEqual([
      'addressPlan.regionPrefixLength', regionPrefixLength,
      'a region VNet must be /16 to /22 (smaller blocks cannot hold the AKS node, private-endpoint and ingress subnets)',
      'use an integer from 16 to 22; 20 gives each region 4,096 addresses',
    ]);
  });

  test('an address space too small for the regions: how large it must be', () => {
    expect(refusal({ addressSpace: '10.0.0.0/20' }, 2)).toEqual([
      'addressPlan.addressSpace', '10.0.0.0/20', 'too small: it holds 1 region block(s) of /20, the platform needs 2',
      'use an address space of /19 or larger, or a longer regionPrefixLength (at most 22)',
    ]);
    expect(refusal({ addressSpace: '10.0.0.0/20' }, 3)[3]).toBe('use an address space of /18 or larger, or a longer regionPrefixLength (at most 22)');
    expect(refusal({ addressSpace: '10.0.0.0/24' }, 1).slice(2)).toEqual([
      'too small: it holds 0 region block(s) of /20, the platform needs 1', 'use an address space of /20 or larger, or a longer regionPrefixLength (at most 22)',
    ]);
    expect(refusal({ addressSpace: '10.0.0.0/18', regionPrefixLength: 21 }, 9)[2]).toBe('too small: it holds 8 region block(s) of /21, the platform needs 9');
    expect(plan({ addressSpace: '10.0.0.0/18', regionPrefixLength: 21 }, 8).capacity).toBe(8);
  });

  test('pod, service and VNet ranges must not overlap', () => {
    expect(refusal({ addressSpace: '192.168.0.0/16' })).toEqual(['addressPlan.podCidr', '192.168.0.0/16', 'overlaps the VNet address space 192.168.0.0/16; AKS rejects overlapping pod, service and node ranges', OVERLAP_FIX]);
    expect(refusal({ podCidr: '10.100.128.0/17' })).toEqual(['addressPlan.podCidr', '10.100.128.0/17', 'overlaps the VNet address space 10.100.0.0/16; AKS rejects overlapping pod, service and node ranges', OVERLAP_FIX]);
    expect(refusal({ serviceCidr: '10.100.0.0/24' })).toEqual(['addressPlan.serviceCidr', '10.100.0.0/24', 'overlaps the VNet address space 10.100.0.0/16; AKS rejects overlapping pod, service and node ranges', OVERLAP_FIX]);
    expect(refusal({ serviceCidr: '192.168.0.0/20' })).toEqual(['addressPlan.serviceCidr', '192.168.0.0/20', 'overlaps the pod CIDR 192.168.0.0/16; AKS rejects overlapping pod, service and node ranges', OVERLAP_FIX]);
  });

  test('the service CIDR holds at least 16 addresses', () => {
    expect(refusal({ serviceCidr: '172.16.0.0/29' })).toEqual(['addressPlan.serviceCidr', '172.16.0.0/29', 'too small for the cluster services', 'use a /28 or larger; /16 is the AKS default']);
    expect(plan({ serviceCidr: '172.16.0.0/28' }).forRegion(0).dnsServiceIp).toBe('172.16.0.10');
  });
});
