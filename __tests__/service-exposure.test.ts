import { readFileSync } from 'fs';
import { join } from 'path';
import { MultiRegionOrderPlatform } from '../lib';
import { PLATFORM_SERVICES } from '../lib/core/services';
import { entryServices, frontDoorServicesByDefault, publicDnsLabel, publicDnsName, publicServiceKeys } from '../lib/common/service-exposure';
import { EXAMPLES } from '../examples';
import { all, forService, StackJson, synthApp } from './support/synth';

/**
 * How each service is reached (lib/common/service-exposure.ts): which front end serves it, which services get a public
 * load balancer, and their DNS names. The global entry, the workloads and the platform take it from that one module.
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
  });
});

describe('public DNS names', () => {
  test('a label is <prefix>-<service name>-<hash>, a valid DNS label, apart per platform, region and service', () => {
    const label = publicDnsLabel('ordzr', 'zone-redundant', 'westus3', TRACKING);
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

  test('the platform puts the label on the public Service and its host name behind Traffic Manager; the other service stays internal', () => {
    let platform: MultiRegionOrderPlatform | undefined;
    const stacks: Record<string, StackJson> = synthApp((app) => {
      platform = EXAMPLES['zone-redundant'](app, {
        entry: { trafficManager: { services: ['tracking'] }, frontDoor: { originHostHeaders: { order: 'orders.contoso.com' } } },
      });
    });
    const apps = stacks['zone-redundant-westus3-apps'];
    const service = (spec: typeof ORDER) => forService(apps, 'kubernetes_service_v1', spec.name).find((s) => s.metadata.name === spec.name);
    const label = publicDnsLabel('ordzr', platform!.node.path, 'westus3', TRACKING);
    expect(service(TRACKING).metadata.annotations).toEqual({ 'service.beta.kubernetes.io/azure-dns-label-name': label });
    expect(service(ORDER).metadata.annotations['service.beta.kubernetes.io/azure-load-balancer-internal']).toBe('true');
    const endpoints = Object.values(all(stacks['zone-redundant-edge'], 'azurerm_traffic_manager_external_endpoint'));
    expect(endpoints.map((e) => e.target)).toEqual([publicDnsName(label, 'westus3')]);
  });

  test('the README states the host name convention', () => {
    expect(readFileSync(join(__dirname, '..', 'README.md'), 'utf8')).toContain(`(\`${publicDnsName('<label>', '<region>')}\``);
  });
});
