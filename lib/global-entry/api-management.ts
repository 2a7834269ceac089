import { Construct } from 'constructs';
import { acceptFinding } from '../core/accepted-findings';
import { Fn } from 'cdktf';
import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { ApiManagementApi } from '@cdktf/provider-azurerm/lib/api-management-api';
import { ApiManagementApiOperation } from '@cdktf/provider-azurerm/lib/api-management-api-operation';
import { ApiManagementApiPolicy } from '@cdktf/provider-azurerm/lib/api-management-api-policy';
import { ApiManagementBackend } from '@cdktf/provider-azurerm/lib/api-management-backend';
import { Naming, ResourceKind } from '../core/naming';
import { RegionPlacement } from '../core/pattern';
import { PLATFORM_SERVICES, ServiceKey } from '../core/services';
import { Tags } from '../core/tags';
import { checkFormat, Checks } from '../core/validate';
import type { ApiManagementOptions } from './global-entry-types';

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
/** The gateway's built-in health endpoint, which Front Door probes when API Management is its origin. */
export const API_MANAGEMENT_STATUS_PATH = '/status-0123456789abcdef';
const ZONES = ['1', '2', '3'];

/** XML attribute / text escaping for policy documents. */
function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * API Management behind Front Door (internal to `GlobalEntry`): Premium across the pattern's regions with zones,
 * one API per Front Door service with validate-jwt, rate-limit-by-key, a Front Door ID check and a backend per
 * region chosen by the gateway's own region.
 */
/** API Management options after validation. */
export interface CheckedApiManagement {
  readonly options: ApiManagementOptions;
  readonly sku: 'Developer' | 'Basic' | 'Standard' | 'Premium';
  readonly capacity: number;
  readonly zonal: boolean;
  readonly calls: number;
  readonly period: number;
}

export class ApiManagementGateway {
  /** Checks the options (every violation recorded in `checks`), returning sound values to build with. */
  public static check(checks: Checks, scope: Construct, options: ApiManagementOptions, placements: readonly RegionPlacement[]): CheckedApiManagement {
    if (options.publisherName.trim() === '') {
      checks.fail({ prop: 'apiManagement.publisherName', value: options.publisherName, problem: 'API Management needs a publisher name', fix: "use your organisation's name" });
    }
    checks.run(undefined, () => checkFormat(scope, 'apiManagement.publisherEmail', options.publisherEmail, EMAIL, 'not an e-mail address', "use e.g. 'platform@contoso.com'"));
    const sku = options.sku ?? 'Premium';
    if (sku !== 'Premium' && placements.length > 1) {
      checks.fail({ prop: 'apiManagement.sku', value: sku, problem: `only Premium deploys gateways to several regions, and the platform spans ${placements.length}`, fix: "use sku 'Premium'" });
    }
    const zonal = sku === 'Premium' && placements[0].zoneRedundant;
    const capacity = checks.integer('apiManagement.capacity', options.capacity ?? (zonal ? 3 : 1), 1, 31, 'API Management units per region', zonal ? 3 : 1);
    if (zonal && capacity % 3 !== 0) {
      checks.fail({ prop: 'apiManagement.capacity', value: capacity, problem: 'units must spread evenly over availability zones 1-3', fix: 'use 3, 6, 9, ...' });
    }
    checks.run(undefined, () => checkFormat(scope, 'apiManagement.jwt.issuer', options.jwt.issuer, /^https:\/\/\S+$/, 'validate-jwt needs an HTTPS issuer whose OpenID configuration it can fetch', "use e.g. 'https://login.microsoftonline.com/<tenant id>/v2.0'"));
    if (options.jwt.audiences.length === 0 || options.jwt.audiences.some((a) => a.trim() === '')) {
      checks.fail({ prop: 'apiManagement.jwt.audiences', value: options.jwt.audiences, problem: 'validate-jwt needs at least one non-empty audience', fix: "use e.g. ['api://orders']" });
    }
    const calls = checks.integer('apiManagement.rateLimit.calls', options.rateLimit?.calls ?? 100, 1, 1000000, 'calls per window', 100);
    const period = checks.integer('apiManagement.rateLimit.renewalPeriodSeconds', options.rateLimit?.renewalPeriodSeconds ?? 60, 1, 300, 'rate-limit-by-key windows are at most 300 s', 60);
    return { options, sku, capacity, zonal, calls, period };
  }

  public readonly service: ApiManagement;
  /** Regional gateway host names, by region (Front Door's origins). */
  public readonly regionalHosts = new Map<string, string>();
  private readonly checked: CheckedApiManagement;

  constructor(
    private readonly scope: Construct,
    checked: CheckedApiManagement,
    private readonly placements: readonly RegionPlacement[],
    naming: Naming,
    private readonly resourceGroupName: string,
    tags: Tags,
    /** The service's name, overriding the generated one (checked). */
    nameOverride?: string,
  ) {
    this.checked = checked;
    const { options, sku, capacity, zonal } = checked;
    const primary = placements[0].region.name;
    this.service = new ApiManagement(scope, 'ApiManagement', {
      name: naming.name(scope, ResourceKind.API_MANAGEMENT, { qualifier: primary, childId: 'ApiManagement', override: nameOverride, prop: 'names.apiManagement' }),
      location: primary,
      resourceGroupName,
      publisherName: options.publisherName,
      publisherEmail: options.publisherEmail,
      skuName: `${sku}_${capacity}`,
      zones: zonal ? ZONES : undefined,
      // Every other region gets a gateway, zone-redundant where the region has zones (99.99% across regions).
      additionalLocation: placements.slice(1).map((p) => ({ location: p.region.name, capacity, zones: p.zoneRedundant ? ZONES : undefined })),
      identity: { type: 'SystemAssigned' },
      minApiVersion: '2021-08-01',
      protocols: { http2Enabled: true },
      tags,
    });
    if (sku !== 'Premium') acceptFinding(this.service, 'OP-APIM-001', `apiManagement.sku is '${sku}'`);
    this.regionalHosts.set(primary, Fn.replace(this.service.gatewayRegionalUrl, 'https://', ''));
    placements.slice(1).forEach((p, i) => this.regionalHosts.set(p.region.name, Fn.replace(this.service.additionalLocation.get(i).gatewayRegionalUrl, 'https://', '')));
  }

  /** One API per service, a backend per service per region, and the policy. */
  public addApis(services: ServiceKey[], publicOrigins: Map<string, Record<string, string>>, frontDoorId: string): void {
    const { calls, period } = this.checked;
    const jwt = this.checked.options.jwt;
    for (const key of services) {
      const spec = PLATFORM_SERVICES.find((s) => s.key === key)!;
      const api = new ApiManagementApi(this.scope, `Api-${key}`, {
        name: spec.name,
        apiManagementName: this.service.name,
        resourceGroupName: this.resourceGroupName,
        revision: '1',
        displayName: spec.name,
        path: spec.pathPrefix.slice(1),
        protocols: ['https'],
        // Callers authenticate with Entra ID tokens (validate-jwt), not subscription keys.
        subscriptionRequired: false,
      });
      // Wildcard operations: the gateway answers 404 for requests that match no operation.
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        new ApiManagementApiOperation(this.scope, `Api-${key}-${method}`, {
          operationId: `${method.toLowerCase()}-all`,
          apiName: api.name,
          apiManagementName: this.service.name,
          resourceGroupName: this.resourceGroupName,
          displayName: `${method} /*`,
          method,
          urlTemplate: '/*',
        });
      }
      for (const placement of this.placements) {
        const region = placement.region.name;
        new ApiManagementBackend(this.scope, `Backend-${key}-${region}`, {
          name: `${spec.name}-${region}`,
          apiManagementName: this.service.name,
          resourceGroupName: this.resourceGroupName,
          protocol: 'http',
          url: `https://${publicOrigins.get(region)![key]}${spec.pathPrefix}`,
          tls: { validateCertificateChain: true, validateCertificateName: true },
          dependsOn: [this.service],
        });
      }
      const choose = this.placements.map((p) => `      <when condition="@(context.Deployment.Region == &quot;${xml(p.region.displayName)}&quot;)"><set-backend-service backend-id="${spec.name}-${p.region.name}" /></when>`).join('\n');
      new ApiManagementApiPolicy(this.scope, `ApiPolicy-${key}`, {
        apiName: api.name,
        apiManagementName: this.service.name,
        resourceGroupName: this.resourceGroupName,
        xmlContent: [
          '<policies>',
          '  <inbound>',
          '    <base />',
          '    <!-- Only this platform\'s Front Door may call the gateway. -->',
          '    <check-header name="X-Azure-FDID" failed-check-httpcode="403" failed-check-error-message="Forbidden" ignore-case="true">',
          `      <value>${frontDoorId}</value>`,
          '    </check-header>',
          '    <validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer">',
          `      <openid-config url="${xml(jwt.issuer.replace(/\/$/, ''))}/.well-known/openid-configuration" />`,
          `      <audiences>${jwt.audiences.map((a) => `<audience>${xml(a)}</audience>`).join('')}</audiences>`,
          `      <issuers><issuer>${xml(jwt.issuer)}</issuer></issuers>`,
          '    </validate-jwt>',
          `    <rate-limit-by-key calls="${calls}" renewal-period="${period}" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Azure-ClientIP&quot;, context.Request.IpAddress))" />`,
          '    <choose>',
          choose,
          `      <otherwise><set-backend-service backend-id="${spec.name}-${this.placements[0].region.name}" /></otherwise>`,
          '    </choose>',
          '  </inbound>',
          '  <backend><base /></backend>',
          '  <outbound><base /></outbound>',
          '  <on-error><base /></on-error>',
          '</policies>',
        ].join('\n'),
      });
    }
  }
}
