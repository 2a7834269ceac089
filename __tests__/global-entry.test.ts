import { TerraformElement, TerraformOutput, TerraformStack } from 'cdktf';
import { GlobalEntry, GlobalEntryNames, GlobalEntryProps, RedundancyPattern, RegionalIngress, ValidationError } from '../lib';
import { all, only, StackJson, synthStack, testStack } from './support/synth';

function ingressFor(regions: string[]): RegionalIngress[] {
  return regions.map((region, i) => ({
    region,
    nodeResourceGroup: `rg-${region}-aks-nodes`,
    subnetName: 'snet-ingress',
    subnetCidr: `10.100.${16 * i + 5}.0/24`,
    podCidr: '192.168.0.0/16',
    services: {
      order: { privateIp: `10.100.${16 * i + 5}.10`, privateLinkServiceName: 'pls-order-api' },
      tracking: { privateIp: `10.100.${16 * i + 5}.11`, privateLinkServiceName: 'pls-tracking-api' },
    },
  }));
}

function publicFor(regions: string[], services: ('order' | 'tracking')[] = ['order', 'tracking']) {
  return Object.fromEntries(regions.map((r) => [r, Object.fromEntries(services.map((s) => [s, `${s === 'order' ? 'orders' : 'tracking'}-${r}.contoso.com`]))]));
}

/** Names the services' certificates cover (Front Door checks them against the origin host header). */
const HEADERS = { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' };

/** The origin host headers of the services Front Door serves (a header for another service would be ignored). */
function frontDoorFor(props: Partial<GlobalEntryProps>): GlobalEntryProps['frontDoor'] {
  const tm = props.trafficManager?.services ?? [];
  const fd = props.frontDoor?.services ?? (['order', 'tracking'] as const).filter((k) => !tm.includes(k));
  if (fd.length === 0) return props.frontDoor;
  return { originHostHeaders: Object.fromEntries(fd.map((k) => [k, HEADERS[k]])), ...props.frontDoor };
}

/** Builds and synthesizes a GlobalEntry; `outputs` names values of the construct to synthesize as stack outputs. */
function entry(props: Partial<GlobalEntryProps> & Pick<GlobalEntryProps, 'pattern' | 'regions'>, outputs: (e: GlobalEntry) => Record<string, string> = () => ({})): { entry: GlobalEntry; json: StackJson } {
  const stack: TerraformStack = testStack();
  const e = new GlobalEntry(stack, 'Entry', { prefix: 'shop', ingress: ingressFor(props.regions), createResourceGroup: true, ...props, frontDoor: frontDoorFor(props) });
  for (const [name, value] of Object.entries(outputs(e))) new TerraformOutput(stack, name, { value });
  return { entry: e, json: synthStack(stack) };
}

/** Origins of an origin group (by group name), as region -> {priority, weight}. */
function originsOf(json: StackJson, groupName: string): Record<string, { priority: number; weight: number }> {
  const groupId = Object.entries(all(json, 'azurerm_cdn_frontdoor_origin_group')).find(([, g]) => g.name === groupName)?.[0];
  if (!groupId) throw new Error(`no origin group ${groupName}`);
  return Object.fromEntries(Object.values(all(json, 'azurerm_cdn_frontdoor_origin'))
    .filter((o) => o.cdn_frontdoor_origin_group_id === `\${azurerm_cdn_frontdoor_origin_group.${groupId}.id}`)
    .map((o) => [o.name, { priority: o.priority, weight: o.weight }]));
}

/**
 * Front Door origin groups per pattern (for the PATTERNS below): one per service with an origin in every region, a write
 * group per service under primarySecondary, and one group per service and cell under regionPinned (its only origin).
 */
const GROUPS: Record<string, number> = { zoneRedundant: 2, primarySecondary: 4, activePassive: 2, activeActive: 2, regionPinned: 4 };
const ORIGINS: Record<string, number> = { zoneRedundant: 2, primarySecondary: 8, activePassive: 4, activeActive: 6, regionPinned: 4 };

const GEO = { countries: { westeurope: ['DE', 'FR', 'NL'], japaneast: ['JP'] } };
const PATTERNS: [string, RedundancyPattern, string[], Partial<GlobalEntryProps>][] = [
  ['zoneRedundant', RedundancyPattern.zoneRedundant(), ['westus3'], {}],
  ['primarySecondary', RedundancyPattern.primarySecondary(), ['westus3', 'eastus'], {}],
  ['activePassive', RedundancyPattern.activePassive(), ['eastus2', 'centralus'], {}],
  ['activeActive', RedundancyPattern.activeActive(), ['eastus2', 'westus3', 'centralus'], {}],
  ['regionPinned', RedundancyPattern.regionPinned(), ['westeurope', 'japaneast'], { geoRouting: GEO }],
];

describe.each(PATTERNS)('Front Door under %s', (kind, pattern, regions, extra) => {
  const { entry: fd, json } = entry({ pattern, regions, ...extra }, (e) => ({ EndpointHostName: e.endpointHostName! }));
  const groups = Object.values(all(json, 'azurerm_cdn_frontdoor_origin_group'));

  test('Premium profile and one endpoint; HTTPS-only routes with redirect, per service path', () => {
    expect(only(json, 'azurerm_cdn_frontdoor_profile').sku_name).toBe('Premium_AzureFrontDoor');
    only(json, 'azurerm_cdn_frontdoor_endpoint');
    const routes = Object.values(all(json, 'azurerm_cdn_frontdoor_route'));
    expect(routes.map((r) => r.patterns_to_match).sort()).toEqual([['/orders', '/orders/*'], ['/tracking', '/tracking/*']]);
    for (const r of routes) expect(r).toMatchObject({ supported_protocols: ['Http', 'Https'], https_redirect_enabled: true, forwarding_protocol: 'HttpsOnly' });
    // The property is the endpoint's host name attribute (what operators point their DNS at).
    expect(json.output?.EndpointHostName.value).toMatch(/^\$\{azurerm_cdn_frontdoor_endpoint\.[^.]+\.host_name\}$/);
  });

  test('health probes: HEAD on the readiness path every 30 s; sample 4, 2 successful; latency sensitivity 50 ms', () => {
    expect(groups).toHaveLength(GROUPS[kind]);
    for (const g of groups) {
      expect(g.health_probe).toEqual({ protocol: 'Https', request_type: 'HEAD', path: '/healthz/ready', interval_in_seconds: 30 });
      expect(g.load_balancing).toEqual({ sample_size: 4, successful_samples_required: 2, additional_latency_in_milliseconds: 50 });
    }
  });

  test('routing per pattern', () => {
    for (const service of ['order-api', 'tracking-api']) {
      switch (kind) {
        case 'zoneRedundant':
          expect(originsOf(json, service)).toEqual({ westus3: { priority: 1, weight: 1000 } });
          break;
        case 'primarySecondary':
          // Reads latency-routed to both; writes to the primary first, the secondary only when it is unhealthy.
          expect(originsOf(json, service)).toEqual({ westus3: { priority: 1, weight: 1000 }, eastus: { priority: 1, weight: 1000 } });
          expect(originsOf(json, `${service}-write`)).toEqual({ westus3: { priority: 1, weight: 1000 }, eastus: { priority: 2, weight: 1000 } });
          break;
        case 'activePassive':
          expect(originsOf(json, service)).toEqual({ eastus2: { priority: 1, weight: 1000 }, centralus: { priority: 2, weight: 1000 } });
          break;
        case 'activeActive':
          expect(originsOf(json, service)).toEqual(Object.fromEntries(regions.map((r) => [r, { priority: 1, weight: 1000 }])));
          break;
        case 'regionPinned':
          // A cell's group holds only its own origins: no cross-cell fallback.
          expect(originsOf(json, `${service}-westeurope`)).toEqual({ westeurope: { priority: 1, weight: 1000 } });
          expect(originsOf(json, `${service}-japaneast`)).toEqual({ japaneast: { priority: 1, weight: 1000 } });
          break;
      }
    }
    const rules = Object.values(all(json, 'azurerm_cdn_frontdoor_rule'));
    if (kind === 'primarySecondary') {
      expect(rules).toHaveLength(2);
      for (const rule of rules) {
        // Every method but the reads (so POST, PUT, PATCH, DELETE; PATCH is not a value the condition accepts).
        expect(rule.conditions.request_method_condition).toEqual([{ operator: 'Equal', match_values: ['GET', 'HEAD', 'OPTIONS'], negate_condition: true }]);
        expect(rule.actions.route_configuration_override_action).toMatchObject({ cdn_frontdoor_origin_group_id: expect.stringMatching(/OriginGroup-(order|tracking)-api-write/), cache_behavior: 'Disabled' });
      }
    } else if (kind === 'regionPinned') {
      // Default route goes to the first cell; Japan is overridden by country.
      expect(rules).toHaveLength(2);
      for (const rule of rules) {
        expect(rule.conditions.remote_address_condition).toEqual([{ operator: 'GeoMatch', match_values: ['JP'] }]);
        expect(rule.actions.route_configuration_override_action).toMatchObject({ cdn_frontdoor_origin_group_id: expect.stringMatching(/japaneast/), cache_behavior: 'Disabled' });
      }
    } else {
      expect(rules).toHaveLength(0);
    }
  });

  test('origins reach the stamps over Private Link; every connection is listed for approval', () => {
    expect(Object.keys(all(json, 'azurerm_cdn_frontdoor_origin'))).toHaveLength(ORIGINS[kind]);
    for (const origin of Object.values(all(json, 'azurerm_cdn_frontdoor_origin'))) {
      expect(origin.private_link.private_link_target_id).toMatch(/data\.azurerm_private_link_service\./);
      expect(origin.certificate_name_check_enabled).toBe(true);
      expect(origin.host_name).toMatch(/^10\.100\.\d+\.1[01]$/);
      expect(['orders.contoso.com', 'tracking.contoso.com']).toContain(origin.origin_host_header);
    }
    const pls = Object.values(json.data?.azurerm_private_link_service ?? {});
    expect(pls).toHaveLength(regions.length * 2);
    expect(fd.privateLinkApprovals).toHaveLength(regions.length * 2);
  });

  test('no origin group is empty', () => {
    expect(groups).toHaveLength(GROUPS[kind]);
    for (const g of groups) expect(Object.keys(originsOf(json, g.name)).length).toBeGreaterThan(0);
  });

  test('WAF: Premium, Prevention, DRS 2.1 + Bot Manager 1.1, rate limit; attached to the endpoint', () => {
    const waf = only(json, 'azurerm_cdn_frontdoor_firewall_policy');
    expect(waf).toMatchObject({ sku_name: 'Premium_AzureFrontDoor', mode: 'Prevention', enabled: true });
    expect(waf.managed_rule).toEqual([
      { type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' },
      { type: 'Microsoft_BotManagerRuleSet', version: '1.1', action: 'Block' },
    ]);
    expect(waf.custom_rule).toContainEqual(expect.objectContaining({ name: 'RateLimitPerClient', type: 'RateLimitRule', rate_limit_threshold: 1000, rate_limit_duration_in_minutes: 1, action: 'Block' }));
    const policy = only(json, 'azurerm_cdn_frontdoor_security_policy');
    expect(policy.security_policies.firewall.association.domain).toEqual([{ cdn_frontdoor_domain_id: expect.stringContaining('azurerm_cdn_frontdoor_endpoint.') }]);
  });
});

describe('Front Door Private Link locations', () => {
  test('the origin region where Front Door Private Link is offered, else one in the same geography, or the one given', () => {
    const { json } = entry({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus2', 'swedencentral'], frontDoor: { privateLinkLocations: { swedencentral: 'northeurope' } } });
    const byRegion = Object.fromEntries(Object.values(all(json, 'azurerm_cdn_frontdoor_origin')).map((o) => [o.name, o.private_link.location]));
    expect(byRegion).toEqual({ eastus2: 'eastus2', westus2: 'centralus', swedencentral: 'northeurope' });
  });

  test('a region with no offered location in its geography must be given one', () => {
    const make = () => entry({ pattern: RedundancyPattern.zoneRedundant(), regions: ['polandcentral'] });
    expect(make).toThrow("invalid frontDoor.privateLinkLocations.polandcentral (undefined): Front Door Private Link is not offered in polandcentral or elsewhere in its geography");
    const { json } = entry({ pattern: RedundancyPattern.zoneRedundant(), regions: ['polandcentral'], frontDoor: { privateLinkLocations: { polandcentral: 'germanywestcentral' } } });
    expect(Object.values(all(json, 'azurerm_cdn_frontdoor_origin')).map((o) => o.private_link.location)).toEqual(['germanywestcentral', 'germanywestcentral']);
  });
});

describe('Front Door options', () => {
  test('probe interval, samples and latency sensitivity (milliseconds) set every origin group', () => {
    const { json } = entry({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'], frontDoor: { probeIntervalSeconds: 60, sampleSize: 6, successfulSamplesRequired: 3, latencySensitivityMilliseconds: 120 } });
    const groups = Object.values(all(json, 'azurerm_cdn_frontdoor_origin_group'));
    expect(groups).toHaveLength(2);
    for (const g of groups) {
      expect(g.health_probe.interval_in_seconds).toBe(60);
      expect(g.load_balancing).toEqual({ sample_size: 6, successful_samples_required: 3, additional_latency_in_milliseconds: 120 });
    }
  });

  test('activeActive weights shift traffic between stamps', () => {
    const { json } = entry({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], weights: { eastus2: 100, westus3: 10 } });
    expect(originsOf(json, 'order-api')).toEqual({ eastus2: { priority: 1, weight: 100 }, westus3: { priority: 1, weight: 10 } });
  });

  test('regionPinned with fallback allowed adds the other cells at priority 2; rejecting unmapped countries adds a WAF geo rule', () => {
    const { json } = entry({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'japaneast'], geoRouting: { ...GEO, allowCrossCellFallback: true, rejectUnmappedCountries: true } });
    expect(originsOf(json, 'order-api-japaneast')).toEqual({ japaneast: { priority: 1, weight: 1000 }, westeurope: { priority: 2, weight: 1000 } });
    const waf = only(json, 'azurerm_cdn_frontdoor_firewall_policy');
    expect(waf.custom_rule).toContainEqual(expect.objectContaining({ name: 'RejectUnmappedCountries', action: 'Block', match_condition: [expect.objectContaining({ operator: 'GeoMatch', negation_condition: true, match_values: ['DE', 'FR', 'NL', 'JP'] })] }));
  });

  test('custom domains get managed TLS 1.2 certificates and the WAF; public origins need no Private Link', () => {
    const { json } = entry({
      pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], publicOrigins: publicFor(['westus3']),
      frontDoor: { privateLink: false, customDomains: ['orders.contoso.com'], originHostHeaders: { order: 'orders.internal.contoso.com' }, waf: { rateLimitThreshold: 300, rateLimitWindowMinutes: 5, mode: 'Detection' } },
    });
    expect(only(json, 'azurerm_cdn_frontdoor_custom_domain')).toMatchObject({ host_name: 'orders.contoso.com', tls: { certificate_type: 'ManagedCertificate', minimum_tls_version: 'TLS12' } });
    expect(only(json, 'azurerm_cdn_frontdoor_security_policy').security_policies.firewall.association.domain).toHaveLength(2);
    const origins = Object.values(all(json, 'azurerm_cdn_frontdoor_origin'));
    expect(origins.map((o) => [o.host_name, o.origin_host_header, o.private_link]).sort()).toEqual([
      ['orders-westus3.contoso.com', 'orders.internal.contoso.com', undefined],
      ['tracking-westus3.contoso.com', 'tracking-westus3.contoso.com', undefined],
    ]);
    expect(json.data?.azurerm_private_link_service).toBeUndefined();
    expect(only(json, 'azurerm_cdn_frontdoor_firewall_policy')).toMatchObject({ mode: 'Detection', custom_rule: [expect.objectContaining({ rate_limit_threshold: 300, rate_limit_duration_in_minutes: 5 })] });
  });
});

describe.each<[string, RedundancyPattern, string[], Partial<GlobalEntryProps>, string]>([
  ['zoneRedundant', RedundancyPattern.zoneRedundant(), ['westus3'], {}, 'Priority'],
  ['primarySecondary', RedundancyPattern.primarySecondary(), ['westus3', 'eastus'], {}, 'Priority'],
  ['activePassive', RedundancyPattern.activePassive(), ['eastus2', 'centralus'], {}, 'Priority'],
  ['activeActive', RedundancyPattern.activeActive(), ['eastus2', 'westus3'], {}, 'Performance'],
  ['activeActive with weights', RedundancyPattern.activeActive(), ['eastus2', 'westus3'], { weights: { eastus2: 50, westus3: 50 } }, 'Weighted'],
  ['regionPinned', RedundancyPattern.regionPinned(), ['westeurope', 'japaneast'], { geoRouting: GEO }, 'Geographic'],
])('Traffic Manager under %s', (_kind, pattern, regions, extra, method) => {
  const { entry: tm, json } = entry({ pattern, regions, publicOrigins: publicFor(regions, ['tracking']), trafficManager: { services: ['tracking'] }, ...extra }, (e) => ({ TrackingFqdn: e.trafficManagerFqdns.tracking! }));

  test(`${method} routing, HTTPS monitor on the readiness path every 30 s, 3 tolerated failures, low TTL`, () => {
    const profile = only(json, 'azurerm_traffic_manager_profile');
    expect(profile.traffic_routing_method).toBe(method);
    expect(profile.monitor_config).toMatchObject({ protocol: 'HTTPS', port: 443, path: '/healthz/ready', interval_in_seconds: 30, tolerated_number_of_failures: 3 });
    expect(profile.dns_config.ttl).toBe(30);
    expect(json.output?.TrackingFqdn.value).toMatch(/^\$\{azurerm_traffic_manager_profile\.[^.]+\.fqdn\}$/);
    expect(Object.keys(tm.trafficManagerFqdns)).toEqual(['tracking']);
  });

  test('one external endpoint per region with the pattern\'s priority, weight or countries', () => {
    const endpoints = Object.values(all(json, 'azurerm_traffic_manager_external_endpoint'));
    expect(endpoints.map((e) => e.target).sort()).toEqual(regions.map((r) => `tracking-${r}.contoso.com`).sort());
    const by = Object.fromEntries(endpoints.map((e) => [e.name, e]));
    if (method === 'Priority') regions.forEach((r, i) => expect(by[r].priority).toBe(i + 1));
    if (method === 'Weighted') regions.forEach((r) => expect(by[r].weight).toBe(50));
    if (method === 'Geographic') {
      expect(by.westeurope.geo_mappings).toEqual(['DE', 'FR', 'NL', 'WORLD']);
      expect(by.japaneast.geo_mappings).toEqual(['JP']);
    }
    // Front Door still serves the order API; the tracking path is Traffic Manager's alone.
    expect(Object.values(all(json, 'azurerm_cdn_frontdoor_route')).map((r) => r.name)).toEqual(['order-api']);
  });
});

describe('API Management behind Front Door', () => {
  const regions = ['westus3', 'eastus'];
  const apimOptions = { publisherName: 'Contoso', publisherEmail: 'platform@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/tenant-id/v2.0', audiences: ['api://orders'] } };
  const { json } = entry({ pattern: RedundancyPattern.primarySecondary(), regions, publicOrigins: publicFor(regions), apiManagement: apimOptions });
  const apim = only(json, 'azurerm_api_management');

  test('Premium with zones in the primary region and a zone-redundant gateway in every other region', () => {
    expect(apim).toMatchObject({ sku_name: 'Premium_3', location: 'westus3', zones: ['1', '2', '3'], additional_location: [{ location: 'eastus', capacity: 3, zones: ['1', '2', '3'] }] });
  });

  test('Front Door origins are the regional gateways, probed on the gateway health endpoint', () => {
    const hosts = Object.values(all(json, 'azurerm_cdn_frontdoor_origin')).map((o) => o.host_name);
    // Both services' groups (and the write groups of primarySecondary) have an origin in each region.
    expect(hosts).toHaveLength(ORIGINS.primarySecondary);
    expect(hosts.filter((h) => !/gateway_regional_url/.test(h) || /10\.100/.test(h))).toEqual([]);
    expect(Object.keys(all(json, 'azurerm_cdn_frontdoor_origin_group'))).toHaveLength(GROUPS.primarySecondary);
    for (const o of Object.values(all(json, 'azurerm_cdn_frontdoor_origin'))) expect(o.private_link).toBeUndefined();
    for (const g of Object.values(all(json, 'azurerm_cdn_frontdoor_origin_group'))) expect(g.health_probe.path).toBe('/status-0123456789abcdef');
  });

  test('an API per service, a backend per service per region, validate-jwt, rate-limit-by-key and the Front Door check', () => {
    expect(Object.values(all(json, 'azurerm_api_management_api')).map((a) => [a.name, a.path, a.subscription_required]).sort()).toEqual([['order-api', 'orders', false], ['tracking-api', 'tracking', false]]);
    // Wildcard operations per method, or the gateway answers 404.
    const operations = Object.values(all(json, 'azurerm_api_management_api_operation'));
    expect(operations).toHaveLength(10);
    expect([...new Set(operations.map((o) => `${o.method} ${o.url_template}`))].sort()).toEqual(['DELETE /*', 'GET /*', 'PATCH /*', 'POST /*', 'PUT /*']);
    expect(Object.values(all(json, 'azurerm_api_management_backend')).map((b) => b.url).sort()).toEqual([
      'https://orders-eastus.contoso.com/orders', 'https://orders-westus3.contoso.com/orders',
      'https://tracking-eastus.contoso.com/tracking', 'https://tracking-westus3.contoso.com/tracking',
    ]);
    const policy = Object.values(all(json, 'azurerm_api_management_api_policy')).find((p) => p.api_name.includes('Api-order'))!.xml_content as string;
    expect(policy).toContain('<validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer">');
    expect(policy).toContain('<openid-config url="https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration" />');
    expect(policy).toContain('<audiences><audience>api://orders</audience></audiences>');
    expect(policy).toContain('<rate-limit-by-key calls="100" renewal-period="60"');
    expect(policy).toMatch(/<check-header name="X-Azure-FDID"[^>]*>\s*<value>\$\{azurerm_cdn_frontdoor_profile\.[^}]+\.resource_guid\}<\/value>/);
    expect(policy).toContain('<when condition="@(context.Deployment.Region == &quot;East US&quot;)"><set-backend-service backend-id="order-api-eastus" /></when>');
  });
});

describe('GlobalEntry names and principal resources', () => {
  const regions = ['westus3', 'eastus'];
  const apiManagement = { publisherName: 'Contoso', publisherEmail: 'platform@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/tenant-id/v2.0', audiences: ['api://orders'] } };
  /** Every kind of resource the entry names: Front Door (order, behind API Management, two custom domains), Traffic Manager (tracking), its resource group. */
  const everything = (names?: GlobalEntryNames, outputs?: (e: GlobalEntry) => Record<string, string>, resourceGroupName?: string) => entry({
    pattern: RedundancyPattern.primarySecondary(), regions, publicOrigins: publicFor(regions), apiManagement, names, resourceGroupName,
    frontDoor: { customDomains: ['orders.contoso.com', 'www.contoso.com'] }, trafficManager: { services: ['tracking'] },
  }, outputs);
  const nameOf = (json: StackJson, type: string) => only(json, type).name;

  test('defaults: the generated names', () => {
    const { json } = everything();
    expect(nameOf(json, 'azurerm_resource_group')).toMatch(/^shop-rg-edge-westus3-[0-9a-f]{6}$/);
    expect(nameOf(json, 'azurerm_cdn_frontdoor_profile')).toMatch(/^shop-afd-[0-9a-f]{6}$/);
    expect(nameOf(json, 'azurerm_cdn_frontdoor_endpoint')).toMatch(/^shop-fde-[0-9a-f]{6}$/);
    expect(nameOf(json, 'azurerm_cdn_frontdoor_firewall_policy')).toMatch(/^shopwaf[0-9a-f]{6}$/);
    expect(nameOf(json, 'azurerm_cdn_frontdoor_security_policy')).toBe('waf');
    expect(Object.values(all(json, 'azurerm_cdn_frontdoor_custom_domain')).map((d) => d.name)).toEqual(['orders-contoso-com', 'www-contoso-com']);
    const profile = only(json, 'azurerm_traffic_manager_profile');
    expect(profile.name).toMatch(/^shop-traf-tracking-[0-9a-f]{6}$/);
    expect(profile.dns_config.relative_name).toBe(profile.name);
    expect(nameOf(json, 'azurerm_api_management')).toMatch(/^shop-apim-westus3-[0-9a-f]{6}$/);
  });

  test('names overrides every Azure name the entry creates (a Traffic Manager profile\'s DNS name too)', () => {
    const { json } = everything({
      frontDoorProfile: 'afd-contoso', frontDoorEndpoint: 'contoso-orders', wafPolicy: 'contosoWaf', securityPolicy: 'contoso-waf',
      customDomains: { 'www.contoso.com': 'www' }, trafficManagerProfiles: { tracking: 'contoso-tracking' }, apiManagement: 'apim-contoso',
    }, undefined, 'rg-contoso-edge');
    expect(nameOf(json, 'azurerm_resource_group')).toBe('rg-contoso-edge');
    expect(nameOf(json, 'azurerm_cdn_frontdoor_profile')).toBe('afd-contoso');
    expect(nameOf(json, 'azurerm_cdn_frontdoor_endpoint')).toBe('contoso-orders');
    expect(nameOf(json, 'azurerm_cdn_frontdoor_firewall_policy')).toBe('contosoWaf');
    expect(nameOf(json, 'azurerm_cdn_frontdoor_security_policy')).toBe('contoso-waf');
    // A domain without an override keeps its default.
    expect(Object.values(all(json, 'azurerm_cdn_frontdoor_custom_domain')).map((d) => [d.host_name, d.name])).toEqual([['orders.contoso.com', 'orders-contoso-com'], ['www.contoso.com', 'www']]);
    expect(only(json, 'azurerm_traffic_manager_profile')).toMatchObject({ name: 'contoso-tracking', dns_config: { relative_name: 'contoso-tracking' } });
    expect(nameOf(json, 'azurerm_api_management')).toBe('apim-contoso');
  });

  test('the principal resources are exposed as the provider objects the stack holds', () => {
    const { entry: e, json } = everything(undefined, (x) => ({
      TrackingFqdn: x.trafficManagerFqdns.tracking, TrackingProfileFqdn: x.trafficManagerProfiles.tracking.fqdn, HostName: x.endpointHostName!, EndpointHostName: x.endpoint!.hostName,
    }));
    const idOf = (type: string) => Object.keys(all(json, type));
    const id = (resource: TerraformElement) => TerraformStack.of(e).getLogicalId(resource);
    expect([id(e.profile!)]).toEqual(idOf('azurerm_cdn_frontdoor_profile'));
    expect([id(e.endpoint!)]).toEqual(idOf('azurerm_cdn_frontdoor_endpoint'));
    expect([id(e.wafPolicy!)]).toEqual(idOf('azurerm_cdn_frontdoor_firewall_policy'));
    expect([id(e.securityPolicy!)]).toEqual(idOf('azurerm_cdn_frontdoor_security_policy'));
    expect([id(e.apiManagement!)]).toEqual(idOf('azurerm_api_management'));
    expect(Object.fromEntries(Object.entries(e.routes).map(([service, route]) => [service, id(route)]))).toEqual({ order: idOf('azurerm_cdn_frontdoor_route')[0] });
    expect(Object.values(e.originGroups).map((g) => id(g)).sort()).toEqual(idOf('azurerm_cdn_frontdoor_origin_group').sort());
    expect(Object.keys(e.originGroups).sort()).toEqual(['order-api', 'order-api-write']);
    expect(Object.keys(e.customDomainResources)).toEqual(['orders.contoso.com', 'www.contoso.com']);
    expect(Object.values(e.customDomainResources).map((d) => id(d))).toEqual(idOf('azurerm_cdn_frontdoor_custom_domain'));
    expect(Object.keys(e.trafficManagerProfiles)).toEqual(['tracking']);
    expect(id(e.trafficManagerProfiles.tracking)).toBe(idOf('azurerm_traffic_manager_profile')[0]);
    // Attribute tokens differ per read: compare what they synthesize to.
    const output = (name: string) => json.output?.[name].value;
    expect(output('TrackingFqdn')).toBe(`\${azurerm_traffic_manager_profile.${idOf('azurerm_traffic_manager_profile')[0]}.fqdn}`);
    expect(output('TrackingProfileFqdn')).toBe(output('TrackingFqdn'));
    expect(output('HostName')).toBe(`\${azurerm_cdn_frontdoor_endpoint.${idOf('azurerm_cdn_frontdoor_endpoint')[0]}.host_name}`);
    expect(output('EndpointHostName')).toBe(output('HostName'));
  });

  test('Traffic Manager alone: no Front Door resources to expose', () => {
    const { entry: e } = entry({ pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], publicOrigins: publicFor(['westus3']), trafficManager: { services: ['order', 'tracking'] } });
    expect([e.profile, e.endpoint, e.wafPolicy, e.securityPolicy, e.apiManagement]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([e.routes, e.originGroups, e.customDomainResources]).toEqual([{}, {}, {}]);
    expect(Object.keys(e.trafficManagerProfiles)).toEqual(['order', 'tracking']);
  });
});

describe('GlobalEntry bad input', () => {
  const APIM = { publisherName: 'Contoso', publisherEmail: 'platform@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } };
  const ps = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] };
  const aa = { pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'] };
  const rp = { pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'japaneast'] };
  test.each<[string, Partial<GlobalEntryProps> & Pick<GlobalEntryProps, 'pattern' | 'regions'>, string]>([
    ['a weight out of range', { ...aa, weights: { eastus2: 0 } }, 'test/Entry: invalid weights.eastus2 0: must be an integer from 1 to 1000'],
    ['a weight above 1000', { ...aa, weights: { westus3: 5000 } }, 'invalid weights.westus3 5000'],
    ['weights under a priority pattern', { ...ps, weights: { westus3: 10 } }, 'invalid weights {"westus3":10}: primarySecondary routes by priority or country, so weights would be ignored'],
    ['an empty region list', { pattern: RedundancyPattern.activeActive(), regions: [] }, 'invalid regions []: at least one region is required'],
    ['geographic routing without country mappings', rp, 'invalid geoRouting.countries (undefined): regionPinned with several cells routes each country set to its cell, and no country mapping was given'],
    ['a country mapped to two cells', { ...rp, geoRouting: { countries: { westeurope: ['DE'], japaneast: ['DE'] } } }, 'invalid geoRouting.countries.japaneast "DE": also mapped to westeurope'],
    ['a country code that is not one', { ...rp, geoRouting: { countries: { westeurope: ['Germany'], japaneast: ['JP'] } } }, 'not an ISO 3166-1 alpha-2 country code'],
    ['a latency sensitivity above a second', { ...ps, frontDoor: { latencySensitivityMilliseconds: 1500 } }, 'invalid frontDoor.latencySensitivityMilliseconds 1500: must be an integer from 0 to 1000'],
    ['a Front Door probe interval outside Azure\'s range', { ...ps, frontDoor: { probeIntervalSeconds: 2 } }, 'invalid frontDoor.probeIntervalSeconds 2: must be an integer from 5 to 31536000'],
    ['a Traffic Manager probe interval Azure does not offer', { ...ps, publicOrigins: publicFor(ps.regions, ['order']), trafficManager: { services: ['order'], probeIntervalSeconds: 20 } }, 'invalid trafficManager.probeIntervalSeconds 20: not a supported value (expected 30, 10, got the number 20). Fix: use one of 30, 10'],
    ['Traffic Manager and Front Door on one path', { ...ps, publicOrigins: publicFor(ps.regions), frontDoor: { services: ['order', 'tracking'] }, trafficManager: { services: ['order'] } }, 'invalid trafficManager.services ["order"]: Front Door and Traffic Manager would both serve these paths'],
    ['Traffic Manager without public origins', { ...ps, trafficManager: { services: ['order'] } }, 'invalid publicOrigins (undefined): Traffic Manager resolves clients to public endpoints, and no public origins were given'],
    ['a missing public origin', { ...ps, publicOrigins: { westus3: { order: 'orders.contoso.com' } }, trafficManager: { services: ['order'] } }, 'invalid publicOrigins.eastus.order (undefined): missing or not a host name'],
    ['a rate-limit window Front Door does not offer', { ...ps, frontDoor: { waf: { rateLimitWindowMinutes: 10 } } }, 'invalid frontDoor.waf.rateLimitWindowMinutes 10: not a supported value (expected 1, 5, got the number 10). Fix: use one of 1, 5'],
    ['a probe path without a slash', { ...ps, healthProbePath: 'healthz' }, "invalid healthProbePath \"healthz\": a probe path starts with '/'"],
    ['a custom domain that is not a host name', { ...ps, frontDoor: { customDomains: ['https://orders.contoso.com'] } }, 'invalid frontDoor.customDomains[0] "https://orders.contoso.com": not a lower-case DNS host name'],
    ['an unknown service', { ...ps, frontDoor: { services: ['payments' as 'order'], originHostHeaders: HEADERS } }, "invalid frontDoor.services[0] \"payments\": expected one of 'order', 'tracking', got the string \"payments\""],
    ['ingress missing for a region', { ...ps, ingress: ingressFor(['westus3']) }, 'invalid ingress ["westus3"]: no ingress for region eastus'],
    ['a Private Link origin without a certificate name', { ...ps, frontDoor: { originHostHeaders: { order: 'orders.contoso.com' } } }, "invalid frontDoor.originHostHeaders.tracking (undefined): Front Door checks the origin's TLS certificate against the host header"],
    ['API Management below Premium with several regions', { ...ps, publicOrigins: publicFor(ps.regions), apiManagement: { ...APIM, sku: 'Standard' } }, 'invalid apiManagement.sku "Standard": only Premium deploys gateways to several regions'],
    ['API Management units that do not spread over zones', { ...ps, publicOrigins: publicFor(ps.regions), apiManagement: { ...APIM, capacity: 2 } }, 'invalid apiManagement.capacity 2: units must spread evenly over availability zones 1-3'],
    ['API Management without public backends', { ...ps, apiManagement: APIM }, 'invalid publicOrigins (undefined): API Management outside a VNet reaches its backends over public addresses'],
    ['a JWT issuer that is not HTTPS', { ...ps, publicOrigins: publicFor(ps.regions), apiManagement: { ...APIM, jwt: { issuer: 'login.microsoftonline.com', audiences: ['api://orders'] } } }, 'invalid apiManagement.jwt.issuer "login.microsoftonline.com"'],
    ['no JWT audience', { ...ps, publicOrigins: publicFor(ps.regions), apiManagement: { ...APIM, jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: [] } } }, 'invalid apiManagement.jwt.audiences []: validate-jwt needs at least one non-empty audience'],
  ])('rejects %s', (_label, props, message) => {
    const make = () => new GlobalEntry(testStack(), 'Entry', { prefix: 'shop', ingress: ingressFor(props.regions), createResourceGroup: true, ...props, frontDoor: frontDoorFor(props) });
    expect(make).toThrow(ValidationError);
    expect(make).toThrow(message);
  });
});
