import { readFileSync } from 'fs';
import { join } from 'path';
import { pathHash } from '../../lib/core/naming';
import { PLATFORM_SERVICES } from '../../lib/core/services';
import { entryServices, frontDoorServicesByDefault, publicDnsLabel, publicDnsName, publicServiceKeys } from '../../lib/common/service-exposure';

/**
 * How each service is reached (lib/common/service-exposure.ts): which front end serves it, which services get a public
 * load balancer, and their DNS names. The global entry, the workloads and the platform take it from that one module;
 * __tests__/service-exposure.test.ts checks what a synthesized platform makes of it.
 */

const ORDER = PLATFORM_SERVICES.find((s) => s.key === 'order')!;
const TRACKING = PLATFORM_SERVICES.find((s) => s.key === 'tracking')!;

describe('which front end serves each service', () => {
  test('Front Door serves every service unless Traffic Manager takes some', () => {
    expect(entryServices(undefined)).toEqual({ frontDoor: ['order', 'tracking'], trafficManager: [] });
    expect(entryServices({ frontDoor: {} })).toEqual({ frontDoor: ['order', 'tracking'], trafficManager: [] });
    expect(entryServices({ trafficManager: { services: ['tracking'] } })).toEqual({ frontDoor: ['order'], trafficManager: ['tracking'] });
    expect(entryServices({ trafficManager: { services: ['order', 'tracking'] } })).toEqual({ frontDoor: [], trafficManager: ['order', 'tracking'] });
    expect(frontDoorServicesByDefault(['order'])).toEqual(['tracking']);
  });

  test("frontDoor.services as given wins (the global entry rejects an overlap with Traffic Manager's)", () => {
    expect(entryServices({ frontDoor: { services: ['order'] }, trafficManager: { services: ['order'] } })).toEqual({ frontDoor: ['order'], trafficManager: ['order'] });
  });

  test("public load balancers: Traffic Manager's services, and Front Door's behind API Management", () => {
    const services = entryServices({ trafficManager: { services: ['tracking'] } });
    expect(publicServiceKeys(services, false)).toEqual(['tracking']);
    expect(publicServiceKeys(services, true)).toEqual(['tracking', 'order']);
    expect(publicServiceKeys(entryServices(undefined), false)).toEqual([]);
    expect(publicServiceKeys(entryServices(undefined), true)).toEqual(['order', 'tracking']);
    // A service both front ends serve gets one public load balancer.
    expect(publicServiceKeys({ frontDoor: ['order'], trafficManager: ['order'] }, true)).toEqual(['order']);
  });
});

describe('public DNS names', () => {
  test('a label is <prefix>-<service name>-<hash>, a valid DNS label, apart per platform, region and service', () => {
    const label = publicDnsLabel('ordzr', 'zone-redundant', 'westus3', TRACKING);
    expect(label).toBe(`ordzr-tracking-api-${pathHash('zone-redundant/westus3/tracking')}`);
    expect(label).toMatch(/^ordzr-tracking-api-[0-9a-f]{6}$/);
    expect(label).toMatch(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/);
    const others = [
      publicDnsLabel('ordzr', 'other', 'westus3', TRACKING),
      publicDnsLabel('ordzr', 'zone-redundant', 'eastus', TRACKING),
      publicDnsLabel('ordzr', 'zone-redundant', 'westus3', ORDER),
    ];
    expect(new Set([label, ...others]).size).toBe(4);
    expect(publicDnsName(label, 'westus3')).toBe(`${label}.westus3.cloudapp.azure.com`);
  });

  test('the README states the host name convention', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')).toContain(`(\`${publicDnsName('<label>', '<region>')}\``);
  });
});
