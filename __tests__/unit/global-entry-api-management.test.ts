import { RootConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern, RegionPlacement, RegionRole } from '../../lib/core/pattern';
import { Regions } from '../../lib/core/regions';
import { Checks } from '../../lib/core/validate';
import { API_MANAGEMENT_STATUS_PATH, ApiManagementGateway, CheckedApiManagement } from '../../lib/global-entry/api-management';
import { ApiManagementOptions } from '../../lib/global-entry/global-entry-types';
import { APIM, dependency, entryProps, logicalId, ownTags, publicFor, ref, resource, synthEntry } from '../support/global-entry';
import { all, only } from '../support/synth';

/** lib/global-entry/api-management.ts: the option checks called directly; the gateway through one small GlobalEntry per test. */

const scope = new RootConstruct('entry');
const PS = RedundancyPattern.primarySecondary();
const TWO = PS.place(scope, ['westus3', 'eastus']);
const ONE = RedundancyPattern.zoneRedundant().place(scope, ['westus3']);
/** A primary region without availability zones (no pattern places one; the check must still read the placement). */
const NO_ZONES: RegionPlacement[] = [{ region: Regions.find('westus', scope, 'regions'), role: RegionRole.PRIMARY, index: 0, zoneRedundant: false }];

/** The checked options and the [prop, value, problem, fix] of every violation. */
function check(options: Partial<ApiManagementOptions>, placements: readonly RegionPlacement[] = TWO): { checked: CheckedApiManagement; errors: unknown[][] } {
  const checks = new Checks(scope);
  const checked = ApiManagementGateway.check(checks, scope, { ...APIM, ...options }, placements);
  try {
    checks.throwIfAny();
    return { checked, errors: [] };
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return { checked, errors: (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem, v.fix]) };
  }
}
const errors = (options: Partial<ApiManagementOptions>, placements?: readonly RegionPlacement[]) => check(options, placements).errors;

describe('ApiManagementGateway.check', () => {
  test('defaults: Premium, 3 units (one per zone) where the first region has zones, else 1; 100 calls per 60 s', () => {
    expect(check({})).toEqual({ checked: { options: APIM, sku: 'Premium', capacity: 3, zonal: true, calls: 100, period: 60 }, errors: [] });
    expect(check({}, NO_ZONES).checked).toEqual({ options: APIM, sku: 'Premium', capacity: 1, zonal: false, calls: 100, period: 60 });
    // Below Premium there are no zones: one unit.
    expect(check({ sku: 'Developer' }, ONE).checked).toMatchObject({ sku: 'Developer', capacity: 1, zonal: false });
  });

  test('the options as given', () => {
    const options = { ...APIM, capacity: 6, rateLimit: { calls: 1000000, renewalPeriodSeconds: 300 } };
    expect(check(options)).toEqual({ checked: { options, sku: 'Premium', capacity: 6, zonal: true, calls: 1000000, period: 300 }, errors: [] });
    expect(check({ sku: 'Standard', capacity: 2 }, ONE).checked).toMatchObject({ sku: 'Standard', capacity: 2, zonal: false });
    expect(check({ capacity: 31 }, NO_ZONES).checked.capacity).toBe(31);
  });

  test('a publisher name and e-mail address', () => {
    expect(errors({ publisherName: '  ' })).toEqual([['apiManagement.publisherName', '  ', 'API Management needs a publisher name', "use your organisation's name"]]);
    for (const email of ['platform@contoso.com', 'A.B+c@Mail.Contoso.IO', 'a@b.co']) expect(errors({ publisherEmail: email })).toEqual([]);
    for (const email of ['platform', 'a b@contoso.com', '@contoso.com', 'a@@contoso.com', 'a@contoso', 'a@.com', 'a@contoso .com', 'a@contoso.c', 'a@contoso.c0m', 'a@contoso.com x', 'x a@contoso.com']) {
      expect(errors({ publisherEmail: email })).toEqual([['apiManagement.publisherEmail', email, 'not an e-mail address', "use e.g. 'platform@contoso.com'"]]);
    }
  });

  test('only Premium spans several regions', () => {
    expect(errors({ sku: 'Standard' })).toEqual([['apiManagement.sku', 'Standard', 'only Premium deploys gateways to several regions, and the platform spans 2', "use sku 'Premium'"]]);
    expect(errors({ sku: 'Basic' }, ONE)).toEqual([]);
  });

  test('1 to 31 units per region, a multiple of 3 across zones', () => {
    for (const capacity of [0, 32]) {
      expect(errors({ capacity }, NO_ZONES)).toEqual([['apiManagement.capacity', capacity, 'must be an integer from 1 to 31 (API Management units per region)', 'set apiManagement.capacity between 1 and 31']]);
    }
    expect(errors({ capacity: 4 })).toEqual([['apiManagement.capacity', 4, 'units must spread evenly over availability zones 1-3', 'use 3, 6, 9, ...']]);
    // A wrong number stands in as 3 across zones: no second error.
    expect(errors({ capacity: 0 }).map(([prop]) => prop)).toEqual(['apiManagement.capacity']);
  });

  test('an HTTPS token issuer and at least one non-empty audience', () => {
    const issuer = (value: string) => errors({ jwt: { issuer: value, audiences: ['api://orders'] } });
    expect(issuer('https://sts.windows.net/t/')).toEqual([]);
    for (const value of ['http://login.microsoftonline.com/t/v2.0', 'https://', 'https://login microsoftonline.com', 'xhttps://login.microsoftonline.com', 'login.microsoftonline.com']) {
      expect(issuer(value)).toEqual([['apiManagement.jwt.issuer', value, 'validate-jwt needs an HTTPS issuer whose OpenID configuration it can fetch', "use e.g. 'https://login.microsoftonline.com/<tenant id>/v2.0'"]]);
    }
    const audiences = (value: string[]) => errors({ jwt: { issuer: APIM.jwt.issuer, audiences: value } });
    expect(audiences(['api://orders', 'api://tracking'])).toEqual([]);
    for (const value of [[], ['api://orders', ' '], ['']]) {
      expect(audiences(value)).toEqual([['apiManagement.jwt.audiences', value, 'validate-jwt needs at least one non-empty audience', "use e.g. ['api://orders']"]]);
    }
  });

  test('rate limits: 1 to 1,000,000 calls per window of 1 to 300 s', () => {
    for (const calls of [0, 1000001]) {
      expect(errors({ rateLimit: { calls } })).toEqual([['apiManagement.rateLimit.calls', calls, 'must be an integer from 1 to 1000000 (calls per window)', 'set apiManagement.rateLimit.calls between 1 and 1000000']]);
    }
    for (const period of [0, 301]) {
      expect(errors({ rateLimit: { renewalPeriodSeconds: period } })).toEqual([['apiManagement.rateLimit.renewalPeriodSeconds', period, 'must be an integer from 1 to 300 (rate-limit-by-key windows are at most 300 s)', 'set apiManagement.rateLimit.renewalPeriodSeconds between 1 and 300']]);
    }
    expect(check({ rateLimit: { calls: 1, renewalPeriodSeconds: 1 } }).checked).toMatchObject({ calls: 1, period: 1 });
  });
});

describe('API Management gateway', () => {
  const regions = ['westus3', 'eastus'];

  test('Premium in the first region with zones and a zone-redundant gateway in every other region; system identity, HTTP/2', () => {
    const { entry, json } = synthEntry(entryProps({ pattern: PS, regions, publicOrigins: publicFor(regions), apiManagement: APIM }));
    expect(only(json, 'azurerm_api_management')).toEqual({
      name: `shop-apim-westus3-${pathHash('test/Entry/ApiManagement')}`, location: 'westus3', resource_group_name: 'rg-edge',
      publisher_name: 'Contoso', publisher_email: 'platform@contoso.com', sku_name: 'Premium_3', zones: ['1', '2', '3'],
      additional_location: [{ location: 'eastus', capacity: 3, zones: ['1', '2', '3'] }],
      identity: { type: 'SystemAssigned' }, min_api_version: '2021-08-01', protocols: { http2_enabled: true }, tags: ownTags('primarySecondary'),
    });
    expect(TerraformStack.of(entry).getLogicalId(entry.apiManagement!)).toBe(logicalId(json, 'azurerm_api_management', 'ApiManagement'));
  });

  test('a secondary region without zones gets a gateway without zones; below Premium, one region has no zones', () => {
    const noZones = synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), regions: ['westus3', 'westus'], publicOrigins: publicFor(['westus3', 'westus']), apiManagement: { ...APIM, capacity: 6 } }));
    expect(only(noZones.json, 'azurerm_api_management')).toMatchObject({ sku_name: 'Premium_6', zones: ['1', '2', '3'], additional_location: [{ location: 'westus', capacity: 6 }] });
    expect(only(noZones.json, 'azurerm_api_management').additional_location[0].zones).toBeUndefined();
  });

  test('below Premium in one region: no zones and no other location', () => {
    const { json } = synthEntry(entryProps({ pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], publicOrigins: publicFor(['westus3']), apiManagement: { ...APIM, sku: 'Developer' }, names: { apiManagement: 'apim-contoso' } }));
    const apim = only(json, 'azurerm_api_management');
    expect([apim.name, apim.sku_name, apim.zones, apim.additional_location ?? []]).toEqual(['apim-contoso', 'Developer_1', undefined, []]);
  });

  test('Front Door\'s origins are the regional gateways, probed on the gateway\'s status endpoint', () => {
    const { json } = synthEntry(entryProps({ pattern: PS, regions, publicOrigins: publicFor(regions), apiManagement: APIM, healthProbePath: '/ready' }));
    const apim = `azurerm_api_management.${logicalId(json, 'azurerm_api_management', 'ApiManagement')}`;
    expect(resource(json, 'azurerm_cdn_frontdoor_origin', 'Origin-order-api-westus3').host_name).toBe(`\${replace(${apim}.gateway_regional_url, "https://", "")}`);
    expect(resource(json, 'azurerm_cdn_frontdoor_origin', 'Origin-order-api-eastus').host_name).toBe(`\${replace(${apim}.additional_location[0].gateway_regional_url, "https://", "")}`);
    expect(API_MANAGEMENT_STATUS_PATH).toBe('/status-0123456789abcdef');
    for (const group of Object.values(all(json, 'azurerm_cdn_frontdoor_origin_group'))) expect(group.health_probe.path).toBe('/status-0123456789abcdef');
  });

  test('an API per service with wildcard operations, a backend per region, and the policy: Front Door ID, validate-jwt, rate limit, the gateway\'s own region\'s backend', () => {
    const { json } = synthEntry(entryProps({
      pattern: PS, regions, publicOrigins: publicFor(regions), frontDoor: { services: ['tracking'] }, trafficManager: { services: ['order'] },
      apiManagement: { ...APIM, jwt: { issuer: 'https://login.contoso.com/t&u/', audiences: ['api://orders', 'api://a<b>"c"'] }, rateLimit: { calls: 500, renewalPeriodSeconds: 30 } },
    }));
    const apimName = ref(json, 'azurerm_api_management', 'ApiManagement', 'name');
    const apiName = ref(json, 'azurerm_api_management_api', 'Api-tracking', 'name');
    const common = { api_management_name: apimName, resource_group_name: 'rg-edge' };
    expect(only(json, 'azurerm_api_management_api')).toEqual({ ...common, name: 'tracking-api', revision: '1', display_name: 'tracking-api', path: 'tracking', protocols: ['https'], subscription_required: false });
    const operations = Object.values(all(json, 'azurerm_api_management_api_operation'));
    expect(operations).toHaveLength(5);
    expect(operations.map((o) => [o.operation_id, o.method, o.display_name]).sort()).toEqual([
      ['delete-all', 'DELETE', 'DELETE /*'], ['get-all', 'GET', 'GET /*'], ['patch-all', 'PATCH', 'PATCH /*'], ['post-all', 'POST', 'POST /*'], ['put-all', 'PUT', 'PUT /*'],
    ]);
    expect(resource(json, 'azurerm_api_management_api_operation', 'Api-tracking-GET')).toEqual({ ...common, api_name: apiName, operation_id: 'get-all', display_name: 'GET /*', method: 'GET', url_template: '/*' });
    expect(resource(json, 'azurerm_api_management_backend', 'Backend-tracking-eastus')).toEqual({
      ...common, name: 'tracking-api-eastus', protocol: 'http', url: 'https://tracking-eastus.contoso.com/tracking',
      tls: { validate_certificate_chain: true, validate_certificate_name: true }, depends_on: [dependency(json, 'azurerm_api_management', 'ApiManagement')],
    });
    expect(resource(json, 'azurerm_api_management_backend', 'Backend-tracking-westus3').url).toBe('https://tracking-westus3.contoso.com/tracking');
    const policy = only(json, 'azurerm_api_management_api_policy');
    expect(policy).toMatchObject({ ...common, api_name: apiName });
    expect(policy.xml_content).toBe([
      '<policies>',
      '  <inbound>',
      '    <base />',
      '    <!-- Only this platform\'s Front Door may call the gateway. -->',
      '    <check-header name="X-Azure-FDID" failed-check-httpcode="403" failed-check-error-message="Forbidden" ignore-case="true">',
      `      <value>${ref(json, 'azurerm_cdn_frontdoor_profile', 'FrontDoorProfile', 'resource_guid')}</value>`,
      '    </check-header>',
      '    <validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer">',
      '      <openid-config url="https://login.contoso.com/t&amp;u/.well-known/openid-configuration" />',
      '      <audiences><audience>api://orders</audience><audience>api://a&lt;b&gt;&quot;c&quot;</audience></audiences>',
      '      <issuers><issuer>https://login.contoso.com/t&amp;u/</issuer></issuers>',
      '    </validate-jwt>',
      '    <rate-limit-by-key calls="500" renewal-period="30" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Azure-ClientIP&quot;, context.Request.IpAddress))" />',
      '    <choose>',
      '      <when condition="@(context.Deployment.Region == &quot;West US 3&quot;)"><set-backend-service backend-id="tracking-api-westus3" /></when>',
      '      <when condition="@(context.Deployment.Region == &quot;East US&quot;)"><set-backend-service backend-id="tracking-api-eastus" /></when>',
      '      <otherwise><set-backend-service backend-id="tracking-api-westus3" /></otherwise>',
      '    </choose>',
      '  </inbound>',
      '  <backend><base /></backend>',
      '  <outbound><base /></outbound>',
      '  <on-error><base /></on-error>',
      '</policies>',
    ].join('\n'));
  });
});
