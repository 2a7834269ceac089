import { Token } from 'cdktf';
import { RootConstruct } from 'constructs';
import { RegionAddresses } from '../../lib/core/address-plan';
import { ValidationError } from '../../lib/core/errors';
import { PLATFORM_SERVICES } from '../../lib/core/services';
import { checkShape } from '../../lib/core/validate';
import { checkIngressAddresses, ingressIp, RegionalIngress } from '../../lib/common/regional-ingress';
import { REGIONAL_INGRESS_SHAPE } from '../../lib/common/shapes';

/** lib/common/regional-ingress.ts and its run-time shape (lib/common/shapes.ts): no synth. */

const scope = new RootConstruct('entry');
const ORDER = PLATFORM_SERVICES.find((s) => s.key === 'order')!;
const TRACKING = PLATFORM_SERVICES.find((s) => s.key === 'tracking')!;

const INGRESS: RegionalIngress = {
  region: 'westus3',
  nodeResourceGroup: 'rg-nodes',
  subnetName: 'snet-ingress',
  subnetCidr: '10.1.20.0/24',
  podCidr: '10.244.0.0/16',
  services: {
    order: { privateIp: '10.1.20.10', privateLinkServiceName: 'pls-order-api' },
    tracking: { privateIp: '10.1.20.11', privateLinkServiceName: 'pls-tracking-api' },
  },
};

/** The error `fn` throws (fails the test when it throws nothing or something else). */
function thrown(fn: () => void): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('accepted');
}

/** [prop, value, problem, fix] of every violation. */
const fields = (e: ValidationError) => e.violations.map((v) => [v.prop, v.value, v.problem, v.fix]);

describe('ingressIp', () => {
  test("a service's address is its fixed host number inside the ingress subnet", () => {
    const addresses = { ingress: '10.1.20.0/24' } as RegionAddresses;
    expect(ingressIp(addresses, ORDER)).toBe('10.1.20.10');
    expect(ingressIp(addresses, TRACKING)).toBe('10.1.20.11');
    // Counted from the subnet's first address, across an octet boundary.
    expect(ingressIp({ ingress: '10.1.20.248/29' } as RegionAddresses, ORDER)).toBe('10.1.21.2');
  });
});

describe('checkIngressAddresses', () => {
  test('a well-formed ingress passes, and so do Terraform tokens', () => {
    expect(() => checkIngressAddresses(scope, 'ingress', INGRESS)).not.toThrow();
    const tokens: RegionalIngress = {
      ...INGRESS,
      subnetCidr: Token.asString({ Ref: 'cidr' }),
      podCidr: Token.asString({ Ref: 'pods' }),
      services: { order: { privateIp: Token.asString({ Ref: 'ip' }), privateLinkServiceName: 'pls-order-api' } },
    };
    expect(() => checkIngressAddresses(scope, 'ingress', tokens)).not.toThrow();
  });

  test('one bad address is reported alone, with its prop path and fix', () => {
    const e = thrown(() => checkIngressAddresses(scope, 'ingress', { ...INGRESS, subnetCidr: '10.1.20.0' }));
    expect(e.constructPath).toBe('entry');
    expect(fields(e)).toEqual([['ingress.subnetCidr', '10.1.20.0', 'not an IPv4 CIDR', "pass the stamp's ingress subnet (RegionalStamp.ingress)"]]);
  });

  test('every bad address is reported at once, in order', () => {
    const e = thrown(() => checkIngressAddresses(scope, 'regions.westus3', {
      ...INGRESS,
      subnetCidr: '10.1.20.0/33',
      podCidr: 'pods',
      services: { order: { privateIp: '10.1.20.256', privateLinkServiceName: 'pls-order-api' }, tracking: { privateIp: '10.1.20.0/24', privateLinkServiceName: 'pls-tracking-api' } },
    }));
    expect(fields(e)).toEqual([
      ['regions.westus3.subnetCidr', '10.1.20.0/33', 'not an IPv4 CIDR', "pass the stamp's ingress subnet (RegionalStamp.ingress)"],
      ['regions.westus3.podCidr', 'pods', 'not an IPv4 CIDR', "pass the cluster's pod CIDR (RegionalStamp.ingress)"],
      ['regions.westus3.services.order.privateIp', '10.1.20.256', 'not an IPv4 address', 'pass RegionalStamp.ingress, whose addresses come from the address plan'],
      ['regions.westus3.services.tracking.privateIp', '10.1.20.0/24', 'not an IPv4 address', 'pass RegionalStamp.ingress, whose addresses come from the address plan'],
    ]);
    expect(e.message).toMatch(/^entry: 4 problems\n/);
  });

  test('each address is checked on its own: a bad pod CIDR or service address alone is reported', () => {
    expect(fields(thrown(() => checkIngressAddresses(scope, 'ingress', { ...INGRESS, podCidr: '10.244.0.0' })))).toEqual([
      ['ingress.podCidr', '10.244.0.0', 'not an IPv4 CIDR', "pass the cluster's pod CIDR (RegionalStamp.ingress)"],
    ]);
    const services = { ...INGRESS.services, tracking: { privateIp: '', privateLinkServiceName: 'pls-tracking-api' } };
    expect(fields(thrown(() => checkIngressAddresses(scope, 'ingress', { ...INGRESS, services })))).toEqual([
      ['ingress.services.tracking.privateIp', '', 'not an IPv4 address', 'pass RegionalStamp.ingress, whose addresses come from the address plan'],
    ]);
  });

  test('an error that is not a ValidationError is not swallowed', () => {
    const broken = { ...INGRESS, get subnetCidr(): string { throw new RangeError('unreadable'); } };
    expect(() => checkIngressAddresses(scope, 'ingress', broken)).toThrow(RangeError);
  });
});

describe('REGIONAL_INGRESS_SHAPE', () => {
  const check = (value: unknown) => () => checkShape(scope, 'ingress', value, REGIONAL_INGRESS_SHAPE);

  test('a RegionalIngress with both services passes', () => {
    expect(check(INGRESS)).not.toThrow();
  });

  test('anything but an object is refused, in words that name what to pass', () => {
    expect(fields(thrown(check('westus3')))).toEqual([
      ['ingress', 'westus3', 'expected a RegionalIngress (RegionalStamp.ingress), got the string "westus3"', 'give a RegionalIngress (RegionalStamp.ingress)'],
    ]);
  });

  test('every field is a string, and unknown keys are refused', () => {
    expect(fields(thrown(check({ ...INGRESS, region: 3, nodeResourceGroup: 1, subnetName: 2, subnetCidr: null, podCidr: false, zone: '1' })))).toEqual([
      ['ingress.region', 3, 'expected a string, got the number 3', 'give a string'],
      ['ingress.nodeResourceGroup', 1, 'expected a string, got the number 1', 'give a string'],
      ['ingress.subnetName', 2, 'expected a string, got the number 2', 'give a string'],
      ['ingress.subnetCidr', null, 'expected a string, got null', 'give a string'],
      ['ingress.podCidr', false, 'expected a string, got the boolean false', 'give a string'],
      ['ingress.zone', '1', "unknown option 'zone', which would be ignored", "use only 'region', 'nodeResourceGroup', 'subnetName', 'subnetCidr', 'podCidr', 'services'"],
    ]);
  });

  test('services: one entry per platform service, each with a string address and Private Link Service name', () => {
    const services = { order: { privateIp: 10, privateLinkServiceName: 'pls-order-api', port: 80 }, trackng: INGRESS.services.tracking };
    expect(fields(thrown(check({ ...INGRESS, services })))).toEqual([
      ['ingress.services.order.privateIp', 10, 'expected a string, got the number 10', 'give a string'],
      ['ingress.services.order.port', 80, "unknown option 'port', which would be ignored", "use only 'privateIp', 'privateLinkServiceName'"],
      ['ingress.services.tracking', undefined, 'expected an object, got nothing (undefined)', 'give an object'],
      ['ingress.services.trackng', INGRESS.services.tracking, "unknown option 'trackng', which would be ignored", "did you mean 'tracking'?"],
    ]);
    expect(fields(thrown(check({ ...INGRESS, services: { ...INGRESS.services, order: { privateIp: '10.1.20.10' } } })))).toEqual([
      ['ingress.services.order.privateLinkServiceName', undefined, 'expected a string, got nothing (undefined)', 'give a string'],
    ]);
  });
});
