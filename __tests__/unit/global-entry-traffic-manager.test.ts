import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { GlobalEntryProps } from '../../lib/global-entry/global-entry-types';
import { entryProps, ownTags, publicFor, ref, resource, synthEntry } from '../support/global-entry';
import { all, StackJson } from '../support/synth';

/** lib/global-entry/traffic-manager.ts: each test builds and synthesizes one small GlobalEntry with Traffic Manager for every service. */

const PROFILE = 'azurerm_traffic_manager_profile';
const ENDPOINT = 'azurerm_traffic_manager_external_endpoint';

/** An entry whose Traffic Manager serves both services in `regions`, nothing through Front Door. */
function tm(pattern: RedundancyPattern, regions: string[], extra: Partial<GlobalEntryProps> = {}) {
  return synthEntry(entryProps({ pattern, regions, publicOrigins: publicFor(regions), ...extra, trafficManager: { services: ['order', 'tracking'], ...extra.trafficManager } }));
}

/** The order service's profile. */
const orderProfile = (json: StackJson) => resource(json, PROFILE, 'TrafficManager-order');

/** The endpoints of a service's profile, by name (region). */
function endpoints(json: StackJson, service: string): Record<string, Record<string, unknown>> {
  const profileId = ref(json, PROFILE, `TrafficManager-${service}`);
  return Object.fromEntries(Object.values(all(json, ENDPOINT)).filter((e) => e.profile_id === profileId).map((e) => [e.name, e]));
}

describe('Traffic Manager', () => {
  test('a profile per service: named after it, the DNS name its name, HTTPS monitor on the readiness path every 30 s with a 10 s timeout, TTL 30 s', () => {
    const { entry, json } = tm(RedundancyPattern.zoneRedundant(), ['westus3']);
    const name = `shop-traf-tracking-${pathHash('test/Entry/TrafficManager-tracking')}`;
    expect(resource(json, PROFILE, 'TrafficManager-tracking')).toEqual({
      name, resource_group_name: 'rg-edge', traffic_routing_method: 'Priority', dns_config: { relative_name: name, ttl: 30 },
      monitor_config: { protocol: 'HTTPS', port: 443, path: '/healthz/ready', interval_in_seconds: 30, timeout_in_seconds: 10, tolerated_number_of_failures: 3 },
      tags: ownTags('zoneRedundant'),
    });
    expect(resource(json, PROFILE, 'TrafficManager-order').name).toBe(`shop-traf-order-${pathHash('test/Entry/TrafficManager-order')}`);
    expect(endpoints(json, 'tracking')).toEqual({ westus3: { name: 'westus3', profile_id: ref(json, PROFILE, 'TrafficManager-tracking'), target: 'tracking-westus3.contoso.com', endpoint_location: 'westus3', priority: 1 } });
    expect(endpoints(json, 'order').westus3.target).toBe('orders-westus3.contoso.com');
    expect(Object.keys(entry.trafficManagerProfiles)).toEqual(['order', 'tracking']);
    expect(json.resource.azurerm_cdn_frontdoor_profile).toBeUndefined();
  });

  test('fast probing: every 10 s with a 9 s timeout; the TTL and probe path as given', () => {
    const { json } = tm(RedundancyPattern.zoneRedundant(), ['westus3'], { trafficManager: { services: ['order', 'tracking'], probeIntervalSeconds: 10, dnsTtlSeconds: 0 }, healthProbePath: '/ready' });
    expect(orderProfile(json)).toMatchObject({ dns_config: { ttl: 0 }, monitor_config: { path: '/ready', interval_in_seconds: 10, timeout_in_seconds: 9 } });
  });

  test.each<[string, RedundancyPattern, string[]]>([
    ['primarySecondary', RedundancyPattern.primarySecondary(), ['westus3', 'eastus']],
    ['activePassive', RedundancyPattern.activePassive(), ['eastus2', 'centralus']],
  ])('%s: Priority, the regions in list order', (_kind, pattern, regions) => {
    const { json } = tm(pattern, regions, {});
    expect(orderProfile(json).traffic_routing_method).toBe('Priority');
    const byRegion = endpoints(json, 'order');
    expect(regions.map((r) => [byRegion[r].priority, byRegion[r].weight, byRegion[r].geo_mappings])).toEqual([[1, undefined, undefined], [2, undefined, undefined]]);
  });

  test('activeActive: Performance (closest healthy region), no priority or weight', () => {
    const { json } = tm(RedundancyPattern.activeActive(), ['eastus2', 'westus3'], {});
    expect(orderProfile(json).traffic_routing_method).toBe('Performance');
    for (const e of Object.values(endpoints(json, 'order'))) expect([e.priority, e.weight, e.geo_mappings]).toEqual([undefined, undefined, undefined]);
  });

  test('activeActive with weights: Weighted, a region without a weight weighs 1', () => {
    const { json } = tm(RedundancyPattern.activeActive(), ['eastus2', 'westus3', 'centralus'], { weights: { eastus2: 50, westus3: 1000 } });
    expect(orderProfile(json).traffic_routing_method).toBe('Weighted');
    const byRegion = endpoints(json, 'order');
    expect(['eastus2', 'westus3', 'centralus'].map((r) => [byRegion[r].weight, byRegion[r].priority])).toEqual([[50, undefined], [1000, undefined], [1, undefined]]);
  });

  test('regionPinned: Geographic, each cell its countries, the default cell WORLD too', () => {
    const { json } = tm(RedundancyPattern.regionPinned(), ['westeurope', 'japaneast'], { geoRouting: { countries: { westeurope: ['DE', 'FR'], japaneast: ['JP'] }, defaultRegion: 'japaneast' } });
    expect(orderProfile(json).traffic_routing_method).toBe('Geographic');
    const byRegion = endpoints(json, 'order');
    expect([byRegion.westeurope.geo_mappings, byRegion.japaneast.geo_mappings]).toEqual([['DE', 'FR'], ['JP', 'WORLD']]);
    expect([byRegion.westeurope.priority, byRegion.westeurope.weight]).toEqual([undefined, undefined]);
  });

  test('regionPinned rejecting unmapped countries: no WORLD, and a cell without countries has no mapping', () => {
    const { json } = tm(RedundancyPattern.regionPinned(), ['westeurope', 'japaneast'], { geoRouting: { countries: { japaneast: ['JP'] }, rejectUnmappedCountries: true } });
    const byRegion = endpoints(json, 'order');
    expect([byRegion.westeurope.geo_mappings, byRegion.japaneast.geo_mappings]).toEqual([undefined, ['JP']]);
  });

  test('a single regionPinned cell without a mapping serves the WORLD', () => {
    const { json } = tm(RedundancyPattern.regionPinned(), ['westeurope'], {});
    expect(endpoints(json, 'order').westeurope.geo_mappings).toEqual(['WORLD']);
  });

  test('names.trafficManagerProfiles names a profile and its DNS name; the other keeps its generated name', () => {
    const { json } = tm(RedundancyPattern.zoneRedundant(), ['westus3'], { names: { trafficManagerProfiles: { order: 'contoso-orders' } } });
    expect(resource(json, PROFILE, 'TrafficManager-order')).toMatchObject({ name: 'contoso-orders', dns_config: { relative_name: 'contoso-orders' } });
    expect(resource(json, PROFILE, 'TrafficManager-tracking').name).toBe(`shop-traf-tracking-${pathHash('test/Entry/TrafficManager-tracking')}`);
  });
});
