import { attributeRule, equals, resourceRule, Rule, show } from './rule';
import { blocks, isExpression, valueAt } from './synthesized';
import { zonal } from './rules-data';

const PROFILE = 'azurerm_cdn_frontdoor_profile';
const WAF = 'azurerm_cdn_frontdoor_firewall_policy';
const ORIGIN = 'azurerm_cdn_frontdoor_origin';
const ORIGIN_GROUP = 'azurerm_cdn_frontdoor_origin_group';
const TM = 'azurerm_traffic_manager_profile';
const APIM = 'azurerm_api_management';
const AFD_WAF = 'https://learn.microsoft.com/azure/web-application-firewall/afds/afds-overview';
const AFD_HEALTH = 'https://learn.microsoft.com/azure/frontdoor/health-probe-best-practices';

/** Rules for the global entry: Front Door and its WAF, Traffic Manager and API Management. */
export const EDGE_RULES: readonly Rule[] = [
  resourceRule({
    id: 'OP-AFD-001', severity: 'error', summary: 'A Front Door profile whose origins use Private Link is Premium (Standard cannot reach private origins).',
    resourceTypes: [PROFILE], attribute: 'sku_name', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/frontdoor/private-link' },
  }, (body, r, app) => {
    if (body.sku_name === 'Premium_AzureFrontDoor') return undefined;
    const groups = app.ofType(ORIGIN_GROUP).filter((g) => app.referencedBy(g.stack, g.body.cdn_frontdoor_profile_id).includes(r));
    const privateOrigins = app.ofType(ORIGIN).filter((o) => blocks(o.body.private_link).length > 0 && app.referencedBy(o.stack, o.body.cdn_frontdoor_origin_group_id).some((g) => groups.includes(g)));
    return privateOrigins.length ? `sku_name is ${show(body.sku_name)} with ${privateOrigins.length} Private Link origin(s); expected "Premium_AzureFrontDoor"` : undefined;
  }),
  resourceRule({
    id: 'OP-AFD-002', severity: 'error', summary: 'The WAF policy is enabled and blocks (Prevention mode), not only logs.',
    resourceTypes: [WAF], attribute: 'enabled, mode', source: { kind: 'waf', reference: AFD_WAF },
  }, (body) => (body.enabled !== false && body.mode === 'Prevention' ? undefined : `enabled is ${show(body.enabled)} and mode ${show(body.mode)}; expected enabled with mode "Prevention"`)),
  resourceRule({
    id: 'OP-AFD-003', severity: 'error', summary: 'The WAF policy runs Microsoft\'s default managed rule set, blocking.',
    resourceTypes: [WAF], attribute: 'managed_rule.type, managed_rule.action', source: { kind: 'waf', reference: AFD_WAF },
  }, (body) => (blocks(body.managed_rule).some((m) => /DefaultRuleSet$/.test(String(m.type)) && m.action === 'Block') ? undefined
    : `managed_rule is ${show(body.managed_rule)}; expected Microsoft_DefaultRuleSet (or DefaultRuleSet) with action "Block"`)),
  resourceRule({
    id: 'OP-AFD-004', severity: 'warning', summary: 'The WAF policy limits the request rate per client.',
    resourceTypes: [WAF], attribute: 'custom_rule.type', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-rate-limit' },
  }, (body) => (blocks(body.custom_rule).some((c) => c.type === 'RateLimitRule' && c.action === 'Block' && c.enabled !== false) ? undefined : 'no enabled custom_rule of type "RateLimitRule" with action "Block"')),
  resourceRule({
    id: 'OP-AFD-005', severity: 'error', summary: 'Every Front Door endpoint is protected by a security policy with a WAF policy.',
    resourceTypes: ['azurerm_cdn_frontdoor_endpoint'], attribute: 'azurerm_cdn_frontdoor_security_policy.security_policies.firewall.association.domain.cdn_frontdoor_domain_id', source: { kind: 'waf', reference: AFD_WAF },
  }, (_body, r, app) => (app.ofType('azurerm_cdn_frontdoor_security_policy').some((p) => valueAt(p.body, 'security_policies.firewall.cdn_frontdoor_firewall_policy_id') !== undefined
    && blocks(valueAt(p.body, 'security_policies.firewall.association.domain')).some((d) => app.referencedBy(p.stack, d.cdn_frontdoor_domain_id).includes(r))) ? undefined : 'no azurerm_cdn_frontdoor_security_policy associates this endpoint with a WAF policy')),
  resourceRule({
    id: 'OP-AFD-006', severity: 'error', summary: 'Routes forward to the origins over HTTPS only and redirect HTTP to HTTPS.',
    resourceTypes: ['azurerm_cdn_frontdoor_route'], attribute: 'forwarding_protocol, https_redirect_enabled, supported_protocols', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/well-architected/service-guides/azure-front-door' },
  }, (body) => {
    const protocols = Array.isArray(body.supported_protocols) ? body.supported_protocols : [];
    const redirects = body.https_redirect_enabled !== false || !protocols.includes('Http');
    return body.forwarding_protocol === 'HttpsOnly' && redirects ? undefined
      : `forwarding_protocol is ${show(body.forwarding_protocol)}, https_redirect_enabled ${show(body.https_redirect_enabled)}, supported_protocols ${show(body.supported_protocols)}; expected "HttpsOnly" and HTTP redirected to HTTPS`;
  }),
  resourceRule({
    id: 'OP-AFD-007', severity: 'error', summary: 'Origin groups probe their origins\' readiness path over HTTPS, so Front Door stops sending traffic to a failed region.',
    resourceTypes: [ORIGIN_GROUP], attribute: 'health_probe.protocol, health_probe.path', source: { kind: 'waf', reference: AFD_HEALTH },
  }, (body) => {
    const probe = blocks(body.health_probe)[0];
    if (!probe) return 'health_probe not set; expected an HTTPS probe of the readiness path';
    return probe.protocol === 'Https' && typeof probe.path === 'string' && probe.path !== '/' ? undefined
      : `health_probe.protocol is ${show(probe.protocol)} and path ${show(probe.path)}; expected "Https" and the service's readiness path`;
  }),
  attributeRule({
    id: 'OP-AFD-008', severity: 'error', summary: 'Front Door checks each origin\'s certificate name.',
    resourceTypes: [ORIGIN], attribute: 'certificate_name_check_enabled', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/frontdoor/origin-security' },
  }, equals(true), 'true'),
  resourceRule({
    id: 'OP-AFD-009', severity: 'error', summary: 'In a multi-region pattern every origin group has origins in at least two regions, so the entry can fail over.',
    resourceTypes: [ORIGIN_GROUP], attribute: 'azurerm_cdn_frontdoor_origin.cdn_frontdoor_origin_group_id', source: { kind: 'pattern', reference: 'README, "The five redundancy patterns" (global entry row)' },
  }, (_body, r, app) => {
    const profile = app.referencedBy(r.stack, r.body.cdn_frontdoor_profile_id).find((p) => p.type === PROFILE);
    const pattern = profile ? valueAt(profile.body, 'tags.pattern') : undefined;
    if (pattern !== 'primarySecondary' && pattern !== 'activePassive' && pattern !== 'activeActive') return undefined;
    const origins = app.ofType(ORIGIN).filter((o) => o.body.enabled !== false && app.referencedBy(o.stack, o.body.cdn_frontdoor_origin_group_id).includes(r));
    const regions = new Set(origins.map((o) => String(valueAt(o.body, 'private_link.location') ?? o.body.host_name)));
    return regions.size >= 2 ? undefined : `${origins.length} enabled origin(s) in ${regions.size} region(s) under pattern ${String(pattern)}; expected at least two regions`;
  }),
  resourceRule({
    id: 'OP-TM-001', severity: 'error', summary: 'Traffic Manager monitors every endpoint over HTTPS on the service\'s health path.',
    resourceTypes: [TM], attribute: 'monitor_config.protocol, monitor_config.path', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/traffic-manager/traffic-manager-monitoring' },
  }, (body) => {
    const monitor = blocks(body.monitor_config)[0] ?? {};
    return monitor.protocol === 'HTTPS' && typeof monitor.path === 'string' && monitor.path.length > 1 ? undefined
      : `monitor_config.protocol is ${show(monitor.protocol)} and path ${show(monitor.path)}; expected "HTTPS" and the health path`;
  }),
  resourceRule({
    id: 'OP-TM-002', severity: 'warning', summary: 'Traffic Manager answers with a DNS TTL of at most 60 seconds, so clients follow a failover quickly.',
    resourceTypes: [TM], attribute: 'dns_config.ttl', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/traffic-manager/traffic-manager-performance-considerations' },
  }, (body) => {
    const ttl = valueAt(body, 'dns_config.ttl');
    return isExpression(ttl) || Number(ttl) <= 60 ? undefined : `dns_config.ttl is ${show(ttl)}; expected <= 60`;
  }),
  resourceRule({
    id: 'OP-APIM-001', severity: 'error', summary: 'API Management is Premium and zone-redundant in every region with availability zones, the primary and each additional location.',
    resourceTypes: [APIM], attribute: 'sku_name, zones, additional_location.zones', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/reliability/reliability-api-management' },
  }, (body) => {
    const flat = [{ location: body.location, zones: body.zones }, ...blocks(body.additional_location).map((l) => ({ location: l.location, zones: l.zones }))]
      .filter((l) => zonal(l.location) && !(Array.isArray(l.zones) && l.zones.length >= 2)).map((l) => String(l.location));
    if (typeof body.sku_name === 'string' && !isExpression(body.sku_name) && !body.sku_name.startsWith('Premium_')) return `sku_name is ${show(body.sku_name)}; expected Premium (the only tier with zones and multiple regions)`;
    return flat.length ? `no zones in ${flat.join(', ')}, which have availability zones; expected zones ["1","2","3"]` : undefined;
  }),
  resourceRule({
    id: 'OP-APIM-002', severity: 'error', summary: 'API Management accepts TLS 1.2 or later only, on the front end and towards the back ends.',
    resourceTypes: [APIM], attribute: 'security.*_tls10_enabled, security.*_tls11_enabled, security.*_ssl30_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_173' },
  }, (body) => {
    const security = blocks(body.security)[0] ?? {};
    const on = Object.entries(security).filter(([k, v]) => /(tls10|tls11|ssl30)/.test(k) && v === true).map(([k]) => k);
    return on.length ? `security.${on.join(', security.')} true; expected TLS 1.0, TLS 1.1 and SSL 3.0 off` : undefined;
  }),
  attributeRule({
    id: 'OP-APIM-003', severity: 'warning', summary: 'API Management refuses management API versions older than 2021-08-01, which could read secrets without the right role.',
    resourceTypes: [APIM], attribute: 'min_api_version', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/api-management/breaking-changes/api-version-retirement-sep-2023' },
  }, (v) => typeof v === 'string' && v >= '2021-08-01', '"2021-08-01" or later'),
];
