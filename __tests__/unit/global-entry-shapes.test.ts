import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { checkShape, objectShape } from '../../lib/core/validate';
import { GlobalEntryProps } from '../../lib/global-entry/global-entry-types';
import { ENTRY_OPTION_ENTRIES, GLOBAL_ENTRY_SHAPE } from '../../lib/global-entry/shapes';
import { APIM, ingressFor, publicFor } from '../support/global-entry';
import { sink } from '../support/standalone';

/** lib/global-entry/shapes.ts: the run-time shapes of the GlobalEntry props, checked directly. */

/** Props that set every key of every shape. */
const EVERY_KEY: GlobalEntryProps = {
  prefix: 'shop', pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], ingress: ingressFor(['eastus2', 'westus3']),
  publicOrigins: publicFor(['eastus2', 'westus3']),
  frontDoor: {
    services: ['order'], privateLink: false, originHostHeaders: { order: 'orders.contoso.com' }, privateLinkLocations: { eastus2: 'eastus2' },
    probeIntervalSeconds: 30, sampleSize: 4, successfulSamplesRequired: 2, latencySensitivityMilliseconds: 50, customDomains: ['orders.contoso.com'],
    waf: { mode: 'Detection', rateLimitThreshold: 100, rateLimitWindowMinutes: 5 },
  },
  trafficManager: { services: ['tracking'], dnsTtlSeconds: 30, probeIntervalSeconds: 10 },
  apiManagement: { ...APIM, sku: 'Developer', capacity: 1, rateLimit: { calls: 10, renewalPeriodSeconds: 10 } },
  healthProbePath: '/healthz/ready', weights: { eastus2: 10 },
  geoRouting: { countries: { eastus2: ['US'] }, defaultRegion: 'eastus2', rejectUnmappedCountries: true, allowCrossCellFallback: false },
  names: {
    frontDoorProfile: 'afd', frontDoorEndpoint: 'fde', wafPolicy: 'waf', securityPolicy: 'sec', customDomains: { 'orders.contoso.com': 'orders' },
    trafficManagerProfiles: { tracking: 'tm' }, apiManagement: 'apim',
  },
  resourceGroupName: 'rg-edge', createResourceGroup: false, monitoring: sink('eastus2'), tags: { team: 'orders' },
};

/** [prop, problem] of every violation of the shape. */
function problems(props: unknown): string[][] {
  try {
    checkShape('entry', '', props, GLOBAL_ENTRY_SHAPE);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.problem]);
  }
  return [];
}

describe('GLOBAL_ENTRY_SHAPE', () => {
  test('every prop and option the types declare is known', () => {
    expect(problems(EVERY_KEY)).toEqual([]);
    expect(problems({ prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ingress: [] })).toEqual([]);
    // The platform's `entry` takes the same options.
    const options = Object.fromEntries(Object.entries(EVERY_KEY).filter(([key]) => key in ENTRY_OPTION_ENTRIES));
    expect(Object.keys(options)).toEqual(['publicOrigins', 'frontDoor', 'trafficManager', 'apiManagement', 'healthProbePath', 'weights', 'geoRouting', 'names']);
    expect(() => checkShape('platform', 'entry', options, objectShape(ENTRY_OPTION_ENTRIES))).not.toThrow();
  });

  test('the choices offered: services, WAF modes, API Management SKUs', () => {
    const services = "expected one of 'order', 'tracking', got the string \"payments\"";
    expect(problems({
      ...EVERY_KEY,
      frontDoor: { services: ['payments'], waf: { mode: 'Block' } }, trafficManager: { services: 'tracking' },
      apiManagement: { ...APIM, sku: 'Consumption' },
    })).toEqual([
      ['frontDoor.services[0]', services],
      ['frontDoor.waf.mode', "expected one of 'Prevention', 'Detection', got the string \"Block\""],
      ['trafficManager.services', "expected a list of services ('order', 'tracking'), got the string \"tracking\""],
      ['apiManagement.sku', "expected one of 'Developer', 'Basic', 'Standard', 'Premium', got the string \"Consumption\""],
    ]);
    for (const mode of ['Prevention', 'Detection'] as const) expect(problems({ ...EVERY_KEY, frontDoor: { waf: { mode } } })).toEqual([]);
    for (const sku of ['Developer', 'Basic', 'Standard', 'Premium'] as const) expect(problems({ ...EVERY_KEY, apiManagement: { ...APIM, sku } })).toEqual([]);
    expect(problems({ ...EVERY_KEY, trafficManager: { services: ['order', 'tracking'] } })).toEqual([]);
  });

  test('an unknown key at any depth is reported where it is', () => {
    expect(problems({
      ...EVERY_KEY, frontDoor: { wafMode: 'Detection', waf: { limit: 1 } }, trafficManager: { services: ['order'], ttl: 1 },
      apiManagement: { ...APIM, jwt: { ...APIM.jwt, tenant: 't' }, rateLimit: { window: 1 } }, geoRouting: { countries: {}, fallback: true }, names: { profile: 'x' },
    }).map(([prop]) => prop)).toEqual([
      'frontDoor.waf.limit', 'frontDoor.wafMode', 'trafficManager.ttl', 'apiManagement.jwt.tenant', 'apiManagement.rateLimit.window', 'geoRouting.fallback', 'names.profile',
    ]);
  });

  test('required options inside the optional ones', () => {
    expect(problems({ ...EVERY_KEY, trafficManager: {}, apiManagement: { publisherName: 'Contoso' }, geoRouting: {} }).map(([prop]) => prop)).toEqual([
      'trafficManager.services', 'apiManagement.publisherEmail', 'apiManagement.jwt', 'geoRouting.countries',
    ]);
  });
});
