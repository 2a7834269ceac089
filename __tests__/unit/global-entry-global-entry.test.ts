import { TerraformStack, Token } from 'cdktf';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { GlobalEntryProps } from '../../lib/global-entry/global-entry-types';
import { APIM, entryProps, HEADERS, ingressFor, logicalId, ownTags, publicFor, ref, synthEntry, violations } from '../support/global-entry';
import { only } from '../support/synth';

/** lib/global-entry/global-entry.ts: the construct's props checks and what it exposes, one small GlobalEntry per test. */

const ZR = { pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'] };
const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] };
/** Front Door over Private Link for both services, with their certificates' names. */
const FD = { frontDoor: { originHostHeaders: HEADERS } };
/** Traffic Manager for both services, nothing through Front Door. */
const TM_ONLY = { publicOrigins: publicFor(['westus3']), trafficManager: { services: ['order', 'tracking'] as ('order' | 'tracking')[] } };
/** Front Door (order, over Private Link) and Traffic Manager (tracking). */
const SPLIT = { publicOrigins: publicFor(['westus3'], ['tracking']), frontDoor: { originHostHeaders: { order: HEADERS.order } }, trafficManager: { services: ['tracking'] as ('order' | 'tracking')[] } };

const bad = (props: Partial<GlobalEntryProps> & Record<string, unknown>) => violations(entryProps({ ...ZR, ...props }));

describe('GlobalEntry resource group', () => {
  test('an existing group: the entry creates none and deploys into it', () => {
    const { entry, json } = synthEntry(entryProps({ ...ZR, ...FD }));
    expect(entry.resourceGroup).toBeUndefined();
    expect(json.resource.azurerm_resource_group).toBeUndefined();
    expect(only(json, 'azurerm_cdn_frontdoor_profile').resource_group_name).toBe('rg-edge');
  });

  test('createResourceGroup: a tagged group in the first region, named <prefix>-rg-edge-<region>-<hash>, that every resource deploys into', () => {
    const { entry, json } = synthEntry({ ...entryProps({ ...PS, ...FD, resourceGroupName: undefined }), createResourceGroup: true });
    expect(only(json, 'azurerm_resource_group')).toEqual({ name: `shop-rg-edge-westus3-${pathHash('test/Entry')}`, location: 'westus3', tags: ownTags('primarySecondary') });
    expect(only(json, 'azurerm_cdn_frontdoor_profile').resource_group_name).toBe(ref(json, 'azurerm_resource_group', 'ResourceGroup', 'name'));
    expect(TerraformStack.of(entry).getLogicalId(entry.resourceGroup!)).toBe(logicalId(json, 'azurerm_resource_group', 'ResourceGroup'));
  });

  test('createResourceGroup with resourceGroupName: the group created under that name', () => {
    const { json } = synthEntry(entryProps({ ...ZR, ...FD, createResourceGroup: true, resourceGroupName: 'rg-contoso-edge' }));
    expect(only(json, 'azurerm_resource_group').name).toBe('rg-contoso-edge');
  });

  test('no group given and none to create is refused', () => {
    const refused = ['resourceGroupName', undefined,
      'no resource group for the global resources, and createResourceGroup is not set: the entry creates no group it was not asked for',
      "pass resourceGroupName: '<existing group>', or set createResourceGroup: true"];
    expect(bad({ ...FD, resourceGroupName: undefined })).toEqual([refused]);
    expect(bad({ ...FD, resourceGroupName: undefined, createResourceGroup: false })).toEqual([refused]);
  });

  test('the group\'s name follows Azure\'s rules for resource groups', () => {
    expect(bad({ ...FD, resourceGroupName: 'rg-edge.' })).toEqual([['resourceGroupName', 'rg-edge.', expect.stringContaining('not ending in a period'), expect.any(String)]]);
  });
});

describe('GlobalEntry props', () => {
  test('tags: the user\'s over the library\'s, on every resource', () => {
    const { json } = synthEntry(entryProps({ ...ZR, ...FD, tags: { team: 'orders', component: 'edge' } }));
    expect(only(json, 'azurerm_cdn_frontdoor_profile').tags).toEqual({ 'managed-by': 'cdktf-order-platform', component: 'edge', pattern: 'zoneRedundant', team: 'orders' });
    expect(bad({ ...FD, tags: { 'a/b': 'x' } }).map(([prop]) => prop)).toEqual(['tags.a/b']);
  });

  test('the health-probe path: every probe uses it, except Front Door\'s behind API Management (it probes the gateway)', () => {
    const { json } = synthEntry(entryProps({ ...ZR, publicOrigins: publicFor(['westus3']), apiManagement: APIM, frontDoor: { services: ['order'] }, trafficManager: { services: ['tracking'] }, healthProbePath: '/' }));
    expect(only(json, 'azurerm_traffic_manager_profile').monitor_config.path).toBe('/');
    expect(only(json, 'azurerm_cdn_frontdoor_origin_group').health_probe.path).toBe('/status-0123456789abcdef');
    const fd = synthEntry(entryProps({ ...ZR, ...FD, healthProbePath: '/healthz/live-1' })).json;
    expect(Object.values(fd.resource.azurerm_cdn_frontdoor_origin_group).map((g) => g.health_probe.path)).toEqual(['/healthz/live-1', '/healthz/live-1']);
  });

  test.each(['healthz', 'x/healthz', '/a b', '/a\tb', '/a?b', '/a#b', '', '/a\n'])('the health-probe path %j is refused', (path) => {
    expect(bad({ ...FD, healthProbePath: path })).toEqual([['healthProbePath', path, "a probe path starts with '/' and has no spaces, query or fragment", "use e.g. '/healthz/ready'"]]);
  });

  test('unknown props and a bad prefix are refused before anything else', () => {
    expect(bad({ ...FD, frontdoor: {} })).toEqual([['frontdoor', {}, "unknown option 'frontdoor', which would be ignored", "did you mean 'frontDoor'?"]]);
    expect(bad({ ...FD, prefix: 'Shop' }).map(([prop, value]) => [prop, value])).toEqual([['prefix', 'Shop']]);
  });

  test('every problem is reported at once, in the order of the props', () => {
    expect(bad({ ...FD, tags: { 'a/b': 'x' }, healthProbePath: 'x', weights: { westus3: 5 }, geoRouting: { countries: {} } }).map(([prop]) => prop))
      .toEqual(['tags.a/b', 'healthProbePath', 'weights', 'geoRouting']);
  });
});

describe('GlobalEntry ingress', () => {
  test('one ingress per region, each with sound addresses', () => {
    expect(bad({ ...FD, ...PS, ingress: ingressFor(['westus3']) })).toEqual([['ingress', ['westus3'], 'no ingress for region eastus', "pass each listed region's RegionalStamp.ingress once"]]);
    expect(bad({ ...FD, ingress: ingressFor(['westus3', 'eastus']) })).toEqual([['ingress', ['westus3', 'eastus'], 'ingress for eastus, which is not a listed region or is given twice', "pass each listed region's RegionalStamp.ingress once"]]);
    expect(bad({ ...FD, ingress: [...ingressFor(['westus3']), ...ingressFor(['westus3'])] })).toEqual([['ingress', ['westus3', 'westus3'], 'ingress for westus3, which is not a listed region or is given twice', "pass each listed region's RegionalStamp.ingress once"]]);
    // Missing comes first when both are wrong.
    expect(bad({ ...FD, ...PS, ingress: ingressFor(['westus3', 'japaneast']) })[0][2]).toBe('no ingress for region eastus');
    const [ingress] = ingressFor(['westus3']);
    expect(bad({ ...FD, ingress: [{ ...ingress, subnetCidr: '10.100.5.0/33' }] }).map(([prop]) => prop)).toEqual(['ingress[0].subnetCidr']);
  });
});

describe('GlobalEntry services: Front Door and Traffic Manager', () => {
  test('Traffic Manager alone: no Front Door resources, only the profiles and their DNS names', () => {
    const { entry, json } = synthEntry(entryProps({ ...ZR, ...TM_ONLY }), (e) => ({ order: e.trafficManagerFqdns.order, tracking: e.trafficManagerFqdns.tracking }));
    expect([entry.profile, entry.endpoint, entry.endpointHostName, entry.wafPolicy, entry.securityPolicy, entry.apiManagement, entry.originHealthAlert]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect([entry.routes, entry.originGroups, entry.customDomainResources, entry.customDomains, entry.privateLinkApprovals]).toEqual([{}, {}, {}, [], []]);
    expect(Object.keys(entry.trafficManagerFqdns)).toEqual(['order', 'tracking']);
    expect([json.output?.order.value, json.output?.tracking.value]).toEqual([ref(json, 'azurerm_traffic_manager_profile', 'TrafficManager-order', 'fqdn'), ref(json, 'azurerm_traffic_manager_profile', 'TrafficManager-tracking', 'fqdn')]);
  });

  test('Front Door alone: its resources and the origin-health alert hook, no Traffic Manager', () => {
    const { entry, json } = synthEntry(entryProps({ ...ZR, ...FD }), (e) => ({ host: e.endpointHostName!, scope: e.originHealthAlert!.scopeId }));
    expect(entry.originHealthAlert).toMatchObject({ metricNamespace: 'Microsoft.Cdn/profiles', metricName: 'OriginHealthPercentage', threshold: 80 });
    expect(json.output?.scope.value).toBe(ref(json, 'azurerm_cdn_frontdoor_profile', 'FrontDoorProfile'));
    expect(json.output?.host.value).toBe(ref(json, 'azurerm_cdn_frontdoor_endpoint', 'FrontDoorEndpoint', 'host_name'));
    expect([entry.trafficManagerProfiles, entry.trafficManagerFqdns]).toEqual([{}, {}]);
    expect(Object.keys(entry.routes)).toEqual(['order', 'tracking']);
  });

  test('each service goes to one entry: Front Door serves those Traffic Manager does not', () => {
    const { entry } = synthEntry(entryProps({ ...ZR, ...SPLIT }));
    expect([Object.keys(entry.routes), Object.keys(entry.trafficManagerProfiles)]).toEqual([['order'], ['tracking']]);
  });

  test('a list of services names at least one', () => {
    // Traffic Manager serving nothing, its other options are not checked.
    expect(bad({ ...TM_ONLY, trafficManager: { services: [], dnsTtlSeconds: -1 }, publicOrigins: undefined, ...FD })).toEqual([['trafficManager.services', [], 'no services listed', "list 'order' and/or 'tracking'"]]);
    expect(bad({ frontDoor: { services: [], originHostHeaders: HEADERS } })).toEqual([['frontDoor.services', [], 'no services listed', "list 'order' and/or 'tracking'"]]);
  });

  test('never both entries for one path', () => {
    expect(bad({ ...TM_ONLY, frontDoor: { services: ['order', 'tracking'] } })[0]).toEqual(['trafficManager.services', ['order', 'tracking'],
      'Front Door and Traffic Manager would both serve these paths; Microsoft advises against chaining them', 'give each service to one entry only']);
  });

  test('Front Door settings or API Management while Traffic Manager serves everything would be ignored', () => {
    expect(bad({ ...TM_ONLY, frontDoor: { privateLink: false, sampleSize: 3 } })).toEqual([['frontDoor', ['privateLink', 'sampleSize'],
      'Traffic Manager serves every service, so the Front Door settings would be ignored', 'drop frontDoor, or give Front Door a service']]);
    expect(bad({ ...TM_ONLY, apiManagement: APIM })).toEqual([['apiManagement', 'Contoso',
      'API Management sits behind Front Door, and Front Door serves no service here', 'give Front Door at least one service, or drop apiManagement']]);
  });

  test('API Management with Private Link origins is refused: Front Door\'s origins are then the gateways', () => {
    expect(bad({ publicOrigins: publicFor(['westus3']), apiManagement: APIM, frontDoor: { privateLink: true } })).toEqual([['frontDoor.privateLink', true,
      "behind API Management Front Door's origins are the gateways, which have no Private Link Service", 'drop frontDoor.privateLink, or drop apiManagement']]);
  });

  test('Traffic Manager: a TTL of 0 to 2147483647 s and a probe every 30 or 10 s', () => {
    for (const ttl of [-1, 2147483648]) {
      expect(bad({ ...TM_ONLY, trafficManager: { ...TM_ONLY.trafficManager, dnsTtlSeconds: ttl } })).toEqual([['trafficManager.dnsTtlSeconds', ttl, 'must be an integer from 0 to 2147483647 (DNS TTL)', 'set trafficManager.dnsTtlSeconds between 0 and 2147483647']]);
    }
    expect(bad({ ...TM_ONLY, trafficManager: { ...TM_ONLY.trafficManager, probeIntervalSeconds: 20 } })).toEqual([['trafficManager.probeIntervalSeconds', 20, 'not a supported value (expected 30, 10, got the number 20)', 'use one of 30, 10']]);
    const { json } = synthEntry(entryProps({ ...ZR, ...TM_ONLY, trafficManager: { ...TM_ONLY.trafficManager, dnsTtlSeconds: 2147483647 } }));
    expect(Object.values(json.resource.azurerm_traffic_manager_profile).map((p) => p.dns_config.ttl)).toEqual([2147483647, 2147483647]);
  });
});

describe('GlobalEntry public origins', () => {
  const fix = "set publicOrigins: { <region>: { order: 'orders-westus3.example.com', tracking: '...' } }";

  test('needed by Traffic Manager, by API Management and by Front Door without Private Link, each saying why', () => {
    expect(bad({ ...TM_ONLY, publicOrigins: undefined })).toEqual([['publicOrigins', undefined, 'Traffic Manager resolves clients to public endpoints, and no public origins were given', fix]]);
    expect(bad({ ...SPLIT, publicOrigins: undefined, apiManagement: APIM, frontDoor: {} })[0]).toEqual(['publicOrigins', undefined, 'Traffic Manager resolves clients to public endpoints, and no public origins were given', fix]);
    expect(bad({ apiManagement: APIM })).toEqual([['publicOrigins', undefined, 'API Management outside a VNet reaches its backends over public addresses, and no public origins were given', fix]]);
    expect(bad({ frontDoor: { privateLink: false } })).toEqual([['publicOrigins', undefined, 'frontDoor.privateLink is false, so Front Door needs public origins, and no public origins were given', fix]]);
  });

  test('ignored when every service is reached over Private Link', () => {
    expect(bad({ ...FD, publicOrigins: publicFor(['westus3'], ['order']) })).toEqual([
      ['publicOrigins', ['westus3'], 'every service is reached over Private Link, so public origins would be ignored', 'drop publicOrigins, or set frontDoor.privateLink: false'],
      ['publicOrigins.westus3.order', 'orders-westus3.contoso.com', "no entry reaches 'order' through a public origin here (none), so the setting would be ignored", 'drop it'],
    ]);
  });

  test('a host for each service reached publicly in each region, and none for the others or other regions', () => {
    expect(bad({ ...SPLIT, publicOrigins: publicFor(['westus3']) })).toEqual([
      ['publicOrigins.westus3.order', 'orders-westus3.contoso.com', "no entry reaches 'order' through a public origin here (tracking), so the setting would be ignored", 'drop it'],
    ]);
    expect(bad({ ...SPLIT, publicOrigins: { ...publicFor(['westus3'], ['tracking']), eastus: { tracking: 'x.contoso.com' } } })).toEqual([
      ['publicOrigins.eastus', 'eastus', 'not one of the regions (westus3), so the setting would be ignored', "key publicOrigins by the listed regions; did you mean 'westus3'?"],
    ]);
    const missing = 'missing or not a host name / IPv4 address';
    const hostFix = "give every region a public host per service, e.g. 'orders-westus3.contoso.com'";
    expect(violations(entryProps({ ...PS, ...TM_ONLY, publicOrigins: { westus3: { order: 'orders_westus3.contoso.com', tracking: '10.1.2.3' } } }))).toEqual([
      ['publicOrigins.westus3.order', 'orders_westus3.contoso.com', missing, hostFix],
      ['publicOrigins.eastus.order', undefined, `${missing}; got nothing (undefined)`, hostFix],
      ['publicOrigins.eastus.tracking', undefined, `${missing}; got nothing (undefined)`, hostFix],
    ]);
  });

  test('a host name or IPv4 address, per region', () => {
    const { json } = synthEntry(entryProps({ ...PS, ...TM_ONLY, publicOrigins: { westus3: { order: '20.1.2.3', tracking: 'tracking.contoso.com' }, eastus: { order: 'orders-eastus.contoso.com', tracking: '20.1.2.4' } } }));
    expect(Object.values(json.resource.azurerm_traffic_manager_external_endpoint).map((e) => e.target).sort()).toEqual(['20.1.2.3', '20.1.2.4', 'orders-eastus.contoso.com', 'tracking.contoso.com']);
  });
});

describe('GlobalEntry names', () => {
  test('names of Front Door resources without Front Door, or of API Management without it, would be ignored', () => {
    const why = 'Front Door serves no service here, so the name would be ignored';
    expect(bad({ ...TM_ONLY, names: { frontDoorProfile: 'afd', frontDoorEndpoint: 'fde', wafPolicy: 'waf', securityPolicy: 'sec', apiManagement: 'apim-contoso' } })).toEqual([
      ['names.frontDoorProfile', 'afd', why, 'drop names.frontDoorProfile'],
      ['names.frontDoorEndpoint', 'fde', why, 'drop names.frontDoorEndpoint'],
      ['names.wafPolicy', 'waf', why, 'drop names.wafPolicy'],
      ['names.securityPolicy', 'sec', why, 'drop names.securityPolicy'],
      ['names.apiManagement', 'apim-contoso', 'apiManagement is not set, so the name would be ignored', 'drop names.apiManagement'],
    ]);
  });

  test('each name follows Azure\'s rules for its kind of resource', () => {
    const names = { frontDoorProfile: '-afd', frontDoorEndpoint: '-fde', wafPolicy: 'waf-policy', securityPolicy: '-sec', apiManagement: '-apim', customDomains: { 'orders.contoso.com': '-www' } };
    const got = bad({ publicOrigins: publicFor(['westus3']), apiManagement: APIM, frontDoor: { customDomains: ['orders.contoso.com'] }, names });
    expect(got.map(([prop, value]) => [prop, value])).toEqual([
      ['names.frontDoorProfile', '-afd'], ['names.frontDoorEndpoint', '-fde'], ['names.wafPolicy', 'waf-policy'], ['names.securityPolicy', '-sec'], ['names.apiManagement', '-apim'], ['names.customDomains.orders.contoso.com', '-www'],
    ]);
    expect(got.map(([, , problem]) => problem)).toEqual([
      expect.stringContaining('Front Door profile'), expect.stringContaining('Front Door endpoint'), expect.stringContaining('WAF policy'), expect.stringContaining('security policy'),
      expect.stringContaining('API Management'), expect.stringContaining('custom domain'),
    ]);
    expect(bad({ ...TM_ONLY, names: { trafficManagerProfiles: { order: '-tm' } } }).map(([prop, value, problem]) => [prop, value, problem]))
      .toEqual([['names.trafficManagerProfiles.order', '-tm', expect.stringContaining('Traffic Manager profile')]]);
  });

  test('custom-domain names by a listed host, profile names by a service of Traffic Manager', () => {
    expect(bad({ frontDoor: { customDomains: ['orders.contoso.com'] }, names: { customDomains: { 'www.contoso.com': 'www' } } })).toEqual([[
      'names.customDomains.www.contoso.com', 'www', "'www.contoso.com' is not in frontDoor.customDomains (orders.contoso.com), so the name would be ignored", 'key names.customDomains by frontDoor.customDomains',
    ]]);
    expect(bad({ ...FD, names: { customDomains: { 'www.contoso.com': 'www' } } })[0][2]).toBe("'www.contoso.com' is not in frontDoor.customDomains (none), so the name would be ignored");
    expect(bad({ ...SPLIT, names: { trafficManagerProfiles: { order: 'tm-orders', tracking: 'tm-orders' } } })).toEqual([[
      'names.trafficManagerProfiles.order', 'tm-orders', "'order' is not in trafficManager.services (tracking), so the name would be ignored", 'key names.trafficManagerProfiles by trafficManager.services',
    ]]);
    expect(bad({ ...FD, names: { trafficManagerProfiles: { order: 'tm-orders' } } })[0][2]).toBe("'order' is not in trafficManager.services (none), so the name would be ignored");
  });

  test('two custom domains or two Traffic Manager profiles under one name are refused (names from Terraform are not compared)', () => {
    expect(bad({ frontDoor: { customDomains: ['orders.contoso.com', 'www.contoso.com'] }, names: { customDomains: { 'www.contoso.com': 'orders-contoso-com' } } })).toEqual([[
      'names.customDomains.www.contoso.com', 'orders-contoso-com', "'orders.contoso.com' has this name too", 'give each a name of its own in names.customDomains',
    ]]);
    expect(bad({ ...TM_ONLY, names: { trafficManagerProfiles: { order: 'tm-shop', tracking: 'tm-shop' } } })).toEqual([[
      'names.trafficManagerProfiles.tracking', 'tm-shop', "'order' has this name too", 'give each a name of its own in names.trafficManagerProfiles',
    ]]);
    const fromTerraform = Token.asString({ Ref: 'name' });
    expect(() => synthEntry(entryProps({ ...ZR, ...TM_ONLY, names: { trafficManagerProfiles: { order: fromTerraform, tracking: fromTerraform } } }))).not.toThrow();
  });
});

describe('GlobalEntry child names (routes, origin groups, origins, Traffic Manager endpoints)', () => {
  const names = (json: ReturnType<typeof synthEntry>['json'], type: string) => Object.entries(json.resource[type] ?? {}).map(([id, r]) => [id, (r as { name: string }).name]).sort();

  test('by default the library\'s names; overrides rename the resources and keep every construct ID (the Terraform addresses)', () => {
    const props = { ...PS, ...FD };
    const before = synthEntry(entryProps(props)).json;
    expect(names(before, 'azurerm_cdn_frontdoor_route').map(([, name]) => name).sort()).toEqual(['order-api', 'tracking-api']);
    expect(names(before, 'azurerm_cdn_frontdoor_origin_group').map(([, name]) => name).sort()).toEqual(['order-api', 'order-api-write', 'tracking-api', 'tracking-api-write']);
    expect(new Set(names(before, 'azurerm_cdn_frontdoor_origin').map(([, name]) => name))).toEqual(new Set(['westus3', 'eastus']));
    const renamed = {
      frontDoorRoutes: { order: 'orders-route' },
      frontDoorOriginGroups: { 'order-api-write': 'orders-writes', 'tracking-api': 'tracking' },
      frontDoorOrigins: { eastus: 'aks-eus' },
    };
    const after = synthEntry(entryProps({ ...props, names: renamed })).json;
    for (const type of ['azurerm_cdn_frontdoor_route', 'azurerm_cdn_frontdoor_origin_group', 'azurerm_cdn_frontdoor_origin']) {
      expect(names(after, type).map(([id]) => id)).toEqual(names(before, type).map(([id]) => id));
    }
    expect(names(after, 'azurerm_cdn_frontdoor_route').map(([, name]) => name).sort()).toEqual(['orders-route', 'tracking-api']);
    expect(names(after, 'azurerm_cdn_frontdoor_origin_group').map(([, name]) => name).sort()).toEqual(['order-api', 'orders-writes', 'tracking', 'tracking-api-write']);
    const origins = names(after, 'azurerm_cdn_frontdoor_origin');
    expect(origins.filter(([id]) => id.includes('eastus')).map(([, name]) => name)).toEqual(['aks-eus', 'aks-eus', 'aks-eus', 'aks-eus']);
    expect(origins.filter(([id]) => id.includes('westus3')).map(([, name]) => name)).toEqual(['westus3', 'westus3', 'westus3', 'westus3']);
  });

  test('regionPinned\'s cell groups are keyed <service name>-<region>; Traffic Manager endpoints are renamed by region in every profile', () => {
    const pinned = { pattern: RedundancyPattern.regionPinned(), regions: ['westus3', 'eastus'], geoRouting: { countries: { westus3: ['US'], eastus: ['CA'] } } };
    const { json } = synthEntry(entryProps({ ...pinned, ...FD, names: { frontDoorOriginGroups: { 'order-api-eastus': 'orders-ca' } } }));
    expect(names(json, 'azurerm_cdn_frontdoor_origin_group').map(([, name]) => name).sort()).toEqual(['order-api-westus3', 'orders-ca', 'tracking-api-eastus', 'tracking-api-westus3']);
    const tm = synthEntry(entryProps({ ...PS, publicOrigins: publicFor(['westus3', 'eastus']), trafficManager: { services: ['order', 'tracking'] }, names: { trafficManagerEndpoints: { westus3: 'primary' } } })).json;
    expect(names(tm, 'azurerm_traffic_manager_external_endpoint').map(([id, name]) => [id.includes('westus3') ? 'westus3' : 'eastus', name])).toEqual([
      ['eastus', 'eastus'], ['westus3', 'primary'], ['eastus', 'eastus'], ['westus3', 'primary'],
    ]);
  });

  test('bad overrides: a key the entry creates nothing for, a name Azure refuses, two children of one parent under one name', () => {
    expect(bad({ ...FD, names: { frontDoorRoutes: { billing: 'billing' }, frontDoorOriginGroups: { 'order-api-write': 'w' }, frontDoorOrigins: { eastus: 'e' }, trafficManagerEndpoints: { westus3: 'w' } } })).toEqual([
      ['names.frontDoorRoutes.billing', 'billing', "'billing' is not in the services Front Door serves (order, tracking), so the name would be ignored", 'key names.frontDoorRoutes by the services Front Door serves'],
      ['names.frontDoorOriginGroups.order-api-write', 'w', "'order-api-write' is not in Front Door's origin groups (order-api, tracking-api), so the name would be ignored", "key names.frontDoorOriginGroups by Front Door's origin groups"],
      ['names.frontDoorOrigins.eastus', 'e', "'eastus' is not in the regions of Front Door's origins (westus3), so the name would be ignored", "key names.frontDoorOrigins by the regions of Front Door's origins"],
      ['names.trafficManagerEndpoints.westus3', 'w', "'westus3' is not in the regions of Traffic Manager's endpoints (none), so the name would be ignored", "key names.trafficManagerEndpoints by the regions of Traffic Manager's endpoints"],
    ]);
    const kinds = bad({ ...FD, names: { frontDoorRoutes: { order: '-r' }, frontDoorOriginGroups: { 'order-api': 'g_1' }, frontDoorOrigins: { westus3: 'o'.repeat(91) } } });
    expect(kinds.map(([prop, value, problem]) => [prop, value, (problem as string).split(':')[0]])).toEqual([
      ['names.frontDoorRoutes.order', '-r', expect.stringContaining('Front Door route')],
      ['names.frontDoorOriginGroups.order-api', 'g_1', expect.stringContaining('Front Door origin group')],
      ['names.frontDoorOrigins.westus3', 'o'.repeat(91), expect.stringContaining('Front Door origin')],
    ]);
    for (const name of [' x', 'a/b', 'a#b', 'a?b', 'a%b', 'a\\b']) {
      expect(bad({ ...TM_ONLY, names: { trafficManagerEndpoints: { westus3: name } } }).map(([prop, value]) => [prop, value])).toEqual([['names.trafficManagerEndpoints.westus3', name]]);
    }
    expect(bad({ ...FD, names: { frontDoorRoutes: { tracking: 'order-api' } } })).toEqual([[
      'names.frontDoorRoutes.tracking', 'order-api', "'order' has this name too", 'give each a name of its own in names.frontDoorRoutes',
    ]]);
    expect(bad({ ...PS, ...FD, names: { frontDoorOriginGroups: { 'order-api-write': 'order-api' } } })).toEqual([[
      'names.frontDoorOriginGroups.order-api-write', 'order-api', "'order-api' has this name too", 'give each a name of its own in names.frontDoorOriginGroups',
    ]]);
    expect(bad({ ...FD, names: { frontDoorRoutes: { order: 'Orders', tracking: 'orders' } } })).toEqual([[
      'names.frontDoorRoutes.tracking', 'orders', "'order' has this name too in other letter case ('Orders'), and Azure ignores case", 'give each a name of its own in names.frontDoorRoutes',
    ]]);
    expect(bad({ ...TM_ONLY, names: { trafficManagerProfiles: { order: 'TM-Shop', tracking: 'tm-shop' } } })[0][2]).toBe("'order' has this name too in other letter case ('TM-Shop'), and Azure ignores case");
    expect(bad({ ...PS, ...FD, names: { frontDoorOrigins: { westus3: 'aks', eastus: 'aks' } } })).toEqual([[
      'names.frontDoorOrigins.eastus', 'aks', "'westus3' has this name too", 'give each a name of its own in names.frontDoorOrigins',
    ]]);
    expect(bad({ ...PS, publicOrigins: publicFor(['westus3', 'eastus']), trafficManager: { services: ['order', 'tracking'] }, names: { trafficManagerEndpoints: { eastus: 'westus3' } } })).toEqual([[
      'names.trafficManagerEndpoints.eastus', 'westus3', "'westus3' has this name too", 'give each a name of its own in names.trafficManagerEndpoints',
    ]]);
    expect(bad({ ...FD, names: { frontDoorOrigins: 'x' as never } })[0].slice(0, 2)).toEqual(['names.frontDoorOrigins', 'x']);
  });
});

describe('GlobalEntry diagnostics', () => {
  const SINK = { workspaceId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log', appInsightsConnectionString: 'InstrumentationKey=x', diagnosticLogs: 'audit' as const };

  test('with a monitoring sink: each Traffic Manager profile, API Management and Front Door send their logs (at the sink\'s level) and metrics to it', () => {
    const { json } = synthEntry(entryProps({ ...ZR, publicOrigins: publicFor(['westus3']), trafficManager: { services: ['tracking'] }, frontDoor: { privateLink: false }, apiManagement: APIM, monitoring: SINK }));
    const settings = Object.values(json.resource.azurerm_monitor_diagnostic_setting ?? {}) as { target_resource_id: string; log_analytics_workspace_id: string; enabled_log: unknown; enabled_metric: unknown }[];
    expect(settings.map((d) => [d.target_resource_id, d.log_analytics_workspace_id, d.enabled_log, d.enabled_metric]).sort()).toEqual([
      [ref(json, 'azurerm_api_management', 'ApiManagement'), SINK.workspaceId, [{ category_group: 'audit' }], [{ category: 'AllMetrics' }]],
      [ref(json, 'azurerm_cdn_frontdoor_profile', 'FrontDoorProfile'), SINK.workspaceId, [{ category_group: 'audit' }], [{ category: 'AllMetrics' }]],
      // Traffic Manager has no audit group: its one small category either way.
      [ref(json, 'azurerm_traffic_manager_profile', 'TrafficManager-tracking'), SINK.workspaceId, [{ category_group: 'allLogs' }], [{ category: 'AllMetrics' }]],
    ].sort());
  });

  test('without a monitoring sink: no diagnostic setting', () => {
    const { json } = synthEntry(entryProps({ ...ZR, ...TM_ONLY }));
    expect(json.resource.azurerm_monitor_diagnostic_setting).toBeUndefined();
  });
});
