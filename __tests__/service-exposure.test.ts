import { MultiRegionOrderPlatform } from '../lib';
import { PLATFORM_SERVICES } from '../lib/core/services';
import { publicDnsLabel, publicDnsName } from '../lib/common/service-exposure';
import { EXAMPLES } from '../examples';
import { all, forService, StackJson, synthApp } from './support/synth';

/**
 * What a synthesized platform makes of lib/common/service-exposure.ts: the public DNS label on the Service and its host
 * name behind Traffic Manager. The module's functions themselves are unit-tested in
 * __tests__/unit/common-service-exposure.test.ts.
 */

const ORDER = PLATFORM_SERVICES.find((s) => s.key === 'order')!;
const TRACKING = PLATFORM_SERVICES.find((s) => s.key === 'tracking')!;

describe('public DNS names in a platform', () => {
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
});
