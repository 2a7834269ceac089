import { TerraformElement, TerraformStack, Token } from 'cdktf';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { FRONT_DOOR_PRIVATE_LINK_REGIONS, HOST } from '../../lib/global-entry/front-door';
import { APIM, dependency, entryProps, HEADERS, ingressFor, logicalId, ownTags, publicFor, ref, resource, synthEntry, violations } from '../support/global-entry';
import { sink } from '../support/standalone';
import { all, only } from '../support/synth';

/** lib/global-entry/front-door.ts: each test builds (and at most synthesizes) one small GlobalEntry. */

const HASH = pathHash('test/Entry');
const ZR = { pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'] };
const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] };
const PROFILE = 'azurerm_cdn_frontdoor_profile';
const GROUP = 'azurerm_cdn_frontdoor_origin_group';
const ORIGIN = 'azurerm_cdn_frontdoor_origin';
const PLS = 'azurerm_private_link_service';
const WAF = 'azurerm_cdn_frontdoor_firewall_policy';
const DOMAIN = 'azurerm_cdn_frontdoor_custom_domain';
const RATE_LIMIT = {
  name: 'RateLimitPerClient', type: 'RateLimitRule', priority: 100, action: 'Block', rate_limit_duration_in_minutes: 1, rate_limit_threshold: 1000,
  match_condition: [{ match_variable: 'RequestUri', operator: 'BeginsWith', match_values: ['/'] }],
};

describe('Front Door resources', () => {
  test('defaults: a Premium profile, an endpoint, a WAF policy and its security policy on the endpoint, named from the prefix', () => {
    const { entry, json } = synthEntry(entryProps({ ...ZR, frontDoor: { originHostHeaders: HEADERS } }));
    const profileId = ref(json, PROFILE, 'FrontDoorProfile');
    expect(only(json, PROFILE)).toEqual({ name: `shop-afd-${HASH}`, resource_group_name: 'rg-edge', sku_name: 'Premium_AzureFrontDoor', response_timeout_seconds: 60, tags: ownTags('zoneRedundant') });
    expect(only(json, 'azurerm_cdn_frontdoor_endpoint')).toEqual({ name: `shop-fde-${HASH}`, cdn_frontdoor_profile_id: profileId, tags: ownTags('zoneRedundant') });
    expect(only(json, WAF)).toEqual({
      name: `shopwaf${HASH}`, resource_group_name: 'rg-edge', sku_name: 'Premium_AzureFrontDoor', enabled: true, mode: 'Prevention', request_body_check_enabled: true,
      managed_rule: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' }, { type: 'Microsoft_BotManagerRuleSet', version: '1.1', action: 'Block' }],
      custom_rule: [RATE_LIMIT], tags: ownTags('zoneRedundant'),
    });
    expect(only(json, 'azurerm_cdn_frontdoor_security_policy')).toEqual({
      name: 'waf', cdn_frontdoor_profile_id: profileId,
      security_policies: { firewall: { cdn_frontdoor_firewall_policy_id: ref(json, WAF, 'WafPolicy'), association: { domain: [{ cdn_frontdoor_domain_id: ref(json, 'azurerm_cdn_frontdoor_endpoint', 'FrontDoorEndpoint') }], patterns_to_match: ['/*'] } } },
    });
    expect(json.resource[DOMAIN]).toBeUndefined();
    expect(json.resource.azurerm_monitor_diagnostic_setting).toBeUndefined();
    expect([entry.customDomainResources, entry.customDomains]).toEqual([{}, []]);
    // The exposed resources are those synthesized.
    const id = (element: TerraformElement | undefined) => TerraformStack.of(entry).getLogicalId(element!);
    expect([id(entry.profile), id(entry.endpoint), id(entry.wafPolicy), id(entry.securityPolicy)]).toEqual([
      logicalId(json, PROFILE, 'FrontDoorProfile'), logicalId(json, 'azurerm_cdn_frontdoor_endpoint', 'FrontDoorEndpoint'), logicalId(json, WAF, 'WafPolicy'), logicalId(json, 'azurerm_cdn_frontdoor_security_policy', 'SecurityPolicy'),
    ]);
  });

  test('an origin group per service probes the readiness path with HEAD; a Private Link origin per region sends the service\'s host header', () => {
    const { entry, json } = synthEntry(entryProps({ ...ZR, frontDoor: { originHostHeaders: HEADERS } }), (e) => ({ order: e.privateLinkApprovals[0].privateLinkServiceId, tracking: e.privateLinkApprovals[1].privateLinkServiceId }));
    expect(resource(json, GROUP, 'OriginGroup-order-api')).toEqual({
      name: 'order-api', cdn_frontdoor_profile_id: ref(json, PROFILE, 'FrontDoorProfile'), session_affinity_enabled: false, restore_traffic_time_to_healed_or_new_endpoint_in_minutes: 0,
      health_probe: { protocol: 'Https', request_type: 'HEAD', path: '/healthz/ready', interval_in_seconds: 30 },
      load_balancing: { sample_size: 4, successful_samples_required: 2, additional_latency_in_milliseconds: 50 },
    });
    expect(Object.keys(all(json, GROUP))).toHaveLength(2);
    expect(resource(json, ORIGIN, 'Origin-tracking-api-westus3')).toEqual({
      name: 'westus3', cdn_frontdoor_origin_group_id: ref(json, GROUP, 'OriginGroup-tracking-api'), enabled: true, host_name: '10.100.5.11', origin_host_header: 'tracking.contoso.com',
      https_port: 443, http_port: 80, priority: 1, weight: 1000, certificate_name_check_enabled: true,
      private_link: { private_link_target_id: ref(json, PLS, 'PrivateLinkService-tracking-westus3'), location: 'westus3', request_message: 'Front Door shop tracking-api' },
    });
    expect(resource(json, ORIGIN, 'Origin-order-api-westus3')).toMatchObject({ host_name: '10.100.5.10', origin_host_header: 'orders.contoso.com' });
    expect(json.data?.[PLS]).toEqual({
      [logicalId(json, PLS, 'PrivateLinkService-order-westus3')]: { name: 'pls-order-api', resource_group_name: 'rg-westus3-aks-nodes' },
      [logicalId(json, PLS, 'PrivateLinkService-tracking-westus3')]: { name: 'pls-tracking-api', resource_group_name: 'rg-westus3-aks-nodes' },
    });
    expect(entry.privateLinkApprovals.map(({ region, service }) => [region, service])).toEqual([['westus3', 'order'], ['westus3', 'tracking']]);
    expect([json.output?.order.value, json.output?.tracking.value]).toEqual([ref(json, PLS, 'PrivateLinkService-order-westus3'), ref(json, PLS, 'PrivateLinkService-tracking-westus3')]);
    expect(Object.keys(entry.originGroups)).toEqual(['order-api', 'tracking-api']);
  });

  test('a Private Link Service is looked up once per region and service, however many origin groups reach it', () => {
    const { entry, json } = synthEntry(entryProps({ ...PS, frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order } } }));
    expect(Object.keys(all(json, ORIGIN))).toHaveLength(4);
    expect(Object.keys(json.data?.[PLS] ?? {})).toHaveLength(2);
    for (const group of ['order-api', 'order-api-write']) {
      expect(resource(json, ORIGIN, `Origin-${group}-eastus`).private_link.private_link_target_id).toBe(ref(json, PLS, 'PrivateLinkService-order-eastus'));
    }
    expect(entry.privateLinkApprovals.map(({ region, service }) => [region, service])).toEqual([['westus3', 'order'], ['eastus', 'order']]);
  });

  test('custom domains: managed TLS 1.2 certificates, named by the host with hyphens or by names.customDomains, under the WAF and on every route; the first is the Private Link origins\' host header', () => {
    const { entry, json } = synthEntry(entryProps({ ...ZR, frontDoor: { customDomains: ['shop.contoso.com', 'www.contoso.com'] }, names: { customDomains: { 'www.contoso.com': 'www' } } }));
    const profileId = ref(json, PROFILE, 'FrontDoorProfile');
    expect(resource(json, DOMAIN, 'CustomDomain-shop.contoso.com')).toEqual({ name: 'shop-contoso-com', cdn_frontdoor_profile_id: profileId, host_name: 'shop.contoso.com', tls: { certificate_type: 'ManagedCertificate', minimum_tls_version: 'TLS12' } });
    expect(resource(json, DOMAIN, 'CustomDomain-www.contoso.com')).toMatchObject({ name: 'www', host_name: 'www.contoso.com' });
    const domainIds = [ref(json, DOMAIN, 'CustomDomain-shop.contoso.com'), ref(json, DOMAIN, 'CustomDomain-www.contoso.com')];
    expect(only(json, 'azurerm_cdn_frontdoor_security_policy').security_policies.firewall.association.domain.map((d: { cdn_frontdoor_domain_id: string }) => d.cdn_frontdoor_domain_id))
      .toEqual([ref(json, 'azurerm_cdn_frontdoor_endpoint', 'FrontDoorEndpoint'), ...domainIds]);
    for (const route of Object.values(all(json, 'azurerm_cdn_frontdoor_route'))) expect(route.cdn_frontdoor_custom_domain_ids).toEqual(domainIds);
    for (const origin of Object.values(all(json, ORIGIN))) expect(origin.origin_host_header).toBe('shop.contoso.com');
    expect(Object.keys(entry.customDomainResources)).toEqual(['shop.contoso.com', 'www.contoso.com']);
    expect(entry.customDomains).toEqual(['shop.contoso.com', 'www.contoso.com']);
  });

  test('public origins: no Private Link; the host header is the one given, else the origin\'s own host (not a custom domain)', () => {
    const { entry, json } = synthEntry(entryProps({
      ...ZR, publicOrigins: { westus3: { order: 'orders-westus3.contoso.com', tracking: '20.1.2.3' } },
      frontDoor: { privateLink: false, customDomains: ['shop.contoso.com'], originHostHeaders: { order: 'orders.contoso.com' } },
    }));
    expect(resource(json, ORIGIN, 'Origin-order-api-westus3')).toMatchObject({ host_name: 'orders-westus3.contoso.com', origin_host_header: 'orders.contoso.com' });
    expect(resource(json, ORIGIN, 'Origin-tracking-api-westus3')).toMatchObject({ host_name: '20.1.2.3', origin_host_header: '20.1.2.3' });
    for (const origin of Object.values(all(json, ORIGIN))) expect(origin.private_link).toBeUndefined();
    expect(json.data).toBeUndefined();
    expect(entry.privateLinkApprovals).toEqual([]);
  });

  test('behind API Management the origins are the regional gateways, with their own host as host header', () => {
    const { json } = synthEntry(entryProps({ ...ZR, publicOrigins: publicFor(['westus3']), apiManagement: APIM, frontDoor: { customDomains: ['shop.contoso.com'] } }));
    const origin = resource(json, ORIGIN, 'Origin-order-api-westus3');
    expect(origin.host_name).toBe(`\${replace(${ref(json, 'azurerm_api_management', 'ApiManagement', 'gateway_regional_url').slice(2, -1)}, "https://", "")}`);
    expect(origin.origin_host_header).toBe(origin.host_name);
    expect(origin.private_link).toBeUndefined();
  });

  test('the options set every origin group\'s probe and balancing and the WAF\'s mode and rate limit', () => {
    const { json } = synthEntry(entryProps({
      ...ZR, frontDoor: { originHostHeaders: HEADERS, probeIntervalSeconds: 5, sampleSize: 255, successfulSamplesRequired: 255, latencySensitivityMilliseconds: 0, waf: { mode: 'Detection', rateLimitWindowMinutes: 5, rateLimitThreshold: 5000000 } },
    }));
    for (const group of Object.values(all(json, GROUP))) {
      expect([group.health_probe.interval_in_seconds, group.load_balancing]).toEqual([5, { sample_size: 255, successful_samples_required: 255, additional_latency_in_milliseconds: 0 }]);
    }
    expect(only(json, WAF)).toMatchObject({ mode: 'Detection', custom_rule: [{ ...RATE_LIMIT, rate_limit_duration_in_minutes: 5, rate_limit_threshold: 5000000 }] });
  });

  test('regionPinned rejecting unmapped countries: a WAF rule ahead of the rate limit blocks every country no cell serves', () => {
    const { json } = synthEntry(entryProps({
      pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'japaneast'], frontDoor: { originHostHeaders: HEADERS },
      geoRouting: { countries: { westeurope: ['DE', 'FR'], japaneast: ['JP'] }, rejectUnmappedCountries: true },
    }));
    expect(only(json, WAF).custom_rule).toEqual([RATE_LIMIT, {
      name: 'RejectUnmappedCountries', type: 'MatchRule', priority: 10, action: 'Block',
      match_condition: [{ match_variable: 'SocketAddr', operator: 'GeoMatch', negation_condition: true, match_values: ['DE', 'FR', 'JP'] }],
    }]);
  });

  test('a monitoring sink gets Front Door\'s access, health-probe and WAF logs', () => {
    const { json } = synthEntry(entryProps({ ...ZR, frontDoor: { originHostHeaders: HEADERS }, monitoring: sink('westus3') }));
    expect(only(json, 'azurerm_monitor_diagnostic_setting')).toEqual({
      name: 'to-log-analytics', target_resource_id: ref(json, PROFILE, 'FrontDoorProfile'), log_analytics_workspace_id: sink('westus3').workspaceId,
      // Every category (access, health probe, WAF) and every metric.
      enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('name overrides of the profile, endpoint, WAF policy and security policy', () => {
    const { json } = synthEntry(entryProps({ ...ZR, frontDoor: { originHostHeaders: HEADERS }, names: { frontDoorProfile: 'afd-contoso', frontDoorEndpoint: 'contoso-orders', wafPolicy: 'contosoWaf', securityPolicy: 'contoso-waf' } }));
    expect([only(json, PROFILE).name, only(json, 'azurerm_cdn_frontdoor_endpoint').name, only(json, WAF).name, only(json, 'azurerm_cdn_frontdoor_security_policy').name])
      .toEqual(['afd-contoso', 'contoso-orders', 'contosoWaf', 'contoso-waf']);
    expect(dependency(json, PROFILE, 'FrontDoorProfile')).toMatch(/^azurerm_cdn_frontdoor_profile\.Entry_FrontDoorProfile_/);
  });
});

describe('Front Door Private Link locations', () => {
  test('the origin\'s region where Front Door Private Link is offered, else the first offered region of its geography, else the one given', () => {
    const { json } = synthEntry(entryProps({
      pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus2', 'swedencentral'],
      frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order }, privateLinkLocations: { swedencentral: 'northeurope' } },
    }));
    const byRegion = Object.fromEntries(Object.values(all(json, ORIGIN)).map((o) => [o.name, o.private_link.location]));
    expect(byRegion).toEqual({ eastus2: 'eastus2', westus2: 'centralus', swedencentral: 'northeurope' });
  });

  test('a region with no offered location in its geography must be given one; the fix lists where it is offered', () => {
    expect(violations(entryProps({ pattern: RedundancyPattern.zoneRedundant(), regions: ['polandcentral'], frontDoor: { originHostHeaders: HEADERS } }))).toEqual([[
      'frontDoor.privateLinkLocations.polandcentral', undefined, 'Front Door Private Link is not offered in polandcentral or elsewhere in its geography',
      'set frontDoor.privateLinkLocations.polandcentral to a nearby region where it is offered (brazilsouth, canadacentral, centralus, eastus, eastus2, southcentralus, westus3, francecentral, germanywestcentral, northeurope, norwayeast, uksouth, westeurope, swedencentral, southafricanorth, australiaeast, centralindia, japaneast, koreacentral, eastasia)',
    ]]);
    expect(FRONT_DOOR_PRIVATE_LINK_REGIONS).toHaveLength(20);
  });

  test('a location given must be a catalog region, and keyed by one of the regions', () => {
    const bad = violations(entryProps({ ...ZR, frontDoor: { originHostHeaders: HEADERS, privateLinkLocations: { westus3: 'westus9', eastus: 'eastus' } } }));
    expect(bad.map(([prop, value]) => [prop, value])).toEqual([['frontDoor.privateLinkLocations.eastus', 'eastus'], ['frontDoor.privateLinkLocations.westus3', 'westus9']]);
    expect(bad[0].slice(2)).toEqual(['not one of the regions (westus3), so the setting would be ignored', "key frontDoor.privateLinkLocations by the listed regions; did you mean 'westus3'?"]);
  });

  test('locations without Private Link origins would be ignored', () => {
    expect(violations(entryProps({ ...ZR, publicOrigins: publicFor(['westus3']), frontDoor: { privateLink: false, privateLinkLocations: { westus3: 'westus3' } } }))).toEqual([[
      'frontDoor.privateLinkLocations', { westus3: 'westus3' }, 'the origins are not reached over Private Link, so the setting would be ignored', 'drop privateLinkLocations',
    ]]);
  });
});

describe('Front Door options are checked', () => {
  const fd = (frontDoor: object) => violations(entryProps({ ...ZR, frontDoor: { originHostHeaders: HEADERS, ...frontDoor } }));

  test.each<[string, object, string, unknown, string, string]>([
    ['probe interval below 5 s', { probeIntervalSeconds: 4 }, 'frontDoor.probeIntervalSeconds', 4, 'must be an integer from 5 to 31536000 (Front Door probes every 5 s to 1 year)', 'set frontDoor.probeIntervalSeconds between 5 and 31536000'],
    ['probe interval above a year', { probeIntervalSeconds: 31536001 }, 'frontDoor.probeIntervalSeconds', 31536001, 'must be an integer from 5 to 31536000 (Front Door probes every 5 s to 1 year)', 'set frontDoor.probeIntervalSeconds between 5 and 31536000'],
    ['no samples', { sampleSize: 0 }, 'frontDoor.sampleSize', 0, 'must be an integer from 1 to 255 (Front Door sample size)', 'set frontDoor.sampleSize between 1 and 255'],
    ['more than 255 samples', { sampleSize: 256 }, 'frontDoor.sampleSize', 256, 'must be an integer from 1 to 255 (Front Door sample size)', 'set frontDoor.sampleSize between 1 and 255'],
    ['more successful samples than samples', { sampleSize: 3, successfulSamplesRequired: 4 }, 'frontDoor.successfulSamplesRequired', 4, 'must be an integer from 1 to 3 (at most the sample size)', 'set frontDoor.successfulSamplesRequired between 1 and 3'],
    ['no successful samples', { successfulSamplesRequired: 0 }, 'frontDoor.successfulSamplesRequired', 0, 'must be an integer from 1 to 4 (at most the sample size)', 'set frontDoor.successfulSamplesRequired between 1 and 4'],
    ['latency sensitivity above a second', { latencySensitivityMilliseconds: 1001 }, 'frontDoor.latencySensitivityMilliseconds', 1001, 'must be an integer from 0 to 1000 (Front Door latency sensitivity)', 'set frontDoor.latencySensitivityMilliseconds between 0 and 1000'],
    ['a negative latency sensitivity', { latencySensitivityMilliseconds: -1 }, 'frontDoor.latencySensitivityMilliseconds', -1, 'must be an integer from 0 to 1000 (Front Door latency sensitivity)', 'set frontDoor.latencySensitivityMilliseconds between 0 and 1000'],
    ['a rate-limit window Front Door does not offer', { waf: { rateLimitWindowMinutes: 2 } }, 'frontDoor.waf.rateLimitWindowMinutes', 2, 'not a supported value (expected 1, 5, got the number 2)', 'use one of 1, 5'],
    ['a rate limit of 0', { waf: { rateLimitThreshold: 0 } }, 'frontDoor.waf.rateLimitThreshold', 0, 'must be an integer from 1 to 5000000 (requests per client per window)', 'set frontDoor.waf.rateLimitThreshold between 1 and 5000000'],
    ['a rate limit above 5 million', { waf: { rateLimitThreshold: 5000001 } }, 'frontDoor.waf.rateLimitThreshold', 5000001, 'must be an integer from 1 to 5000000 (requests per client per window)', 'set frontDoor.waf.rateLimitThreshold between 1 and 5000000'],
    ['a custom domain that is not a host name', { customDomains: ['orders.contoso.com', 'Www.contoso.com'] }, 'frontDoor.customDomains[1]', 'Www.contoso.com', 'not a lower-case DNS host name', "use e.g. 'orders.contoso.com'"],
    ['an origin host header that is not a host name', { originHostHeaders: { ...HEADERS, order: 'https://orders.contoso.com' } }, 'frontDoor.originHostHeaders.order', 'https://orders.contoso.com', 'not a lower-case DNS host name', "use the name on the service's certificate, e.g. 'orders.contoso.com'"],
  ])('%s', (_label, frontDoor, prop, value, problem, fix) => {
    expect(fd(frontDoor)).toEqual([[prop, value, problem, fix]]);
  });

  test('a custom domain listed twice is reported, and its two resources would share a name', () => {
    expect(fd({ customDomains: ['orders.contoso.com', 'orders.contoso.com'] })).toEqual([
      ['frontDoor.customDomains', ['orders.contoso.com', 'orders.contoso.com'], 'a custom domain is listed twice', 'list each host name once'],
      ['names.customDomains.orders.contoso.com', 'orders-contoso-com', "'orders.contoso.com' has this name too", 'give each a name of its own in names.customDomains'],
    ]);
  });

  test('the limits themselves are accepted, and the sample size stands in when it is wrong (no second error about the successful samples)', () => {
    expect(() => synthEntry(entryProps({ ...ZR, frontDoor: { originHostHeaders: HEADERS, probeIntervalSeconds: 31536000, sampleSize: 1, successfulSamplesRequired: 1, latencySensitivityMilliseconds: 1000, waf: { rateLimitThreshold: 1 } } }))).not.toThrow();
    expect(fd({ sampleSize: 0, successfulSamplesRequired: 4 }).map(([prop]) => prop)).toEqual(['frontDoor.sampleSize']);
  });

  test('a custom domain from Terraform (a token) is refused: it names a resource at synth time', () => {
    const host = Token.asString({ Ref: 'domain' });
    expect(fd({ customDomains: [host] })).toEqual([['frontDoor.customDomains[0]', host, 'a Terraform token is unknown until apply, and a custom domain names its Front Door resource at synth time', 'give the literal host name']]);
  });

  test('an origin host header for a service Front Door does not serve would be ignored; the fix lists the services it serves', () => {
    expect(fd({ services: ['order'], originHostHeaders: HEADERS, customDomains: [] }).slice(0, 1)).toEqual([[
      'frontDoor.originHostHeaders.tracking', 'tracking.contoso.com', "Front Door does not serve 'tracking' here (order), so the setting would be ignored", "key originHostHeaders by 'order'",
    ]]);
    expect(violations(entryProps({ ...ZR, publicOrigins: publicFor(['westus3'], ['order']), trafficManager: { services: ['order'] }, frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: HEADERS.tracking } } }))).toEqual([[
      'frontDoor.originHostHeaders.order', 'orders.contoso.com', "Front Door does not serve 'order' here (tracking), so the setting would be ignored", "key originHostHeaders by 'tracking'",
    ]]);
    expect(violations(entryProps({ ...ZR, frontDoor: { originHostHeaders: { ...HEADERS, payments: 'pay.contoso.com' } } }))[0].slice(2)).toEqual([
      "Front Door does not serve 'payments' here (order, tracking), so the setting would be ignored", "key originHostHeaders by 'order', 'tracking'",
    ]);
  });

  test('Private Link origins need a host header per service (or a custom domain) that the service\'s certificate covers', () => {
    const problem = "Front Door checks the origin's TLS certificate against the host header, and a Private Link origin's address is a private IP that no public certificate covers";
    expect(violations(entryProps(ZR))).toEqual([
      ['frontDoor.originHostHeaders.order', undefined, problem, "set frontDoor.originHostHeaders.order to the name the service's certificate covers (e.g. 'orders.contoso.com'), or give customDomains"],
      ['frontDoor.originHostHeaders.tracking', undefined, problem, "set frontDoor.originHostHeaders.tracking to the name the service's certificate covers (e.g. 'tracking.contoso.com'), or give customDomains"],
    ]);
    expect(fd({ originHostHeaders: { order: HEADERS.order } }).map(([prop]) => prop)).toEqual(['frontDoor.originHostHeaders.tracking']);
    // Public origins send their own host name.
    expect(() => synthEntry(entryProps({ ...ZR, publicOrigins: publicFor(['westus3']), frontDoor: { privateLink: false } }))).not.toThrow();
  });

  test('no ingress addresses are needed from other services than those Front Door serves', () => {
    const ingress = ingressFor(['westus3']);
    expect(() => synthEntry(entryProps({ ...ZR, ingress, frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order } } }))).not.toThrow();
  });
});

describe('HOST (a lower-case DNS host name)', () => {
  test.each([
    'orders.contoso.com', 'a.io', 'x-1.b2.contoso.co', `${'a'.repeat(63)}.com`, `${'a'.repeat(61)}.${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(63)}`,
    'a0.com', '0a.com', `a.${'z'.repeat(63)}`,
  ])('accepts %s', (host) => {
    expect(HOST.test(host)).toBe(true);
  });

  test.each([
    '', 'com', 'Orders.contoso.com', 'orders.contoso.c', 'orders.contoso.com.', '.orders.contoso.com', 'orders..com', '-orders.contoso.com', 'orders-.contoso.com',
    `${'a'.repeat(64)}.com`, `a.${'z'.repeat(64)}`, `${'a'.repeat(62)}.${'b'.repeat(62)}.${'c'.repeat(62)}.${'d'.repeat(62)}.com`, 'orders.contoso.c0m', 'orders.contoso.com/x',
    'x orders.com', 'orders_api.com', 'https://orders.com', '10.0.0.1',
  ])('refuses %j', (host) => {
    expect(HOST.test(host)).toBe(false);
  });
});
