import { attributeRule, equals, resourceRule, Rule, show } from './rule';
import { blocks, isExpression, valueAt } from './synthesized';
import { zonal } from './rules-data';

const NAMESPACE = 'azurerm_servicebus_namespace';
const TOPIC = 'azurerm_eventgrid_topic';
const VAULT = 'azurerm_key_vault';
const STORAGE = 'azurerm_storage_account';
const WORKSPACE = 'azurerm_log_analytics_workspace';
const PATTERNS = 'README, "The five redundancy patterns"';

/** Rules for the event bus (Service Bus, Event Grid), Key Vault, storage, monitoring and networking. */
export const SERVICE_RULES: readonly Rule[] = [
  attributeRule({
    id: 'OP-SB-001', severity: 'error', summary: 'Service Bus namespaces are Premium: only Premium takes private endpoints and pairs for geo-disaster recovery.',
    resourceTypes: [NAMESPACE], attribute: 'sku', source: { kind: 'pattern', reference: PATTERNS },
  }, equals('Premium'), '"Premium"'),
  attributeRule({
    id: 'OP-SB-002', severity: 'error', summary: 'Service Bus accepts Entra ID only: shared access keys are off.',
    resourceTypes: [NAMESPACE], attribute: 'local_auth_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_203' },
  }, equals(false), 'false'),
  attributeRule({
    id: 'OP-SB-003', severity: 'error', summary: 'Service Bus namespaces refuse public network access.',
    resourceTypes: [NAMESPACE], attribute: 'public_network_access_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_204' },
  }, equals(false), 'false'),
  attributeRule({
    id: 'OP-SB-004', severity: 'error', summary: 'Service Bus accepts TLS 1.2 or later only (unset is the provider\'s default, 1.2).',
    resourceTypes: [NAMESPACE], attribute: 'minimum_tls_version', source: { kind: 'checkov', reference: 'CKV_AZURE_205' },
  }, (v) => v === undefined || v === '1.2', '"1.2" (or unset)'),
  resourceRule({
    id: 'OP-SB-005', severity: 'error', summary: 'A geo-disaster-recovery alias pairs namespaces in two different regions.',
    resourceTypes: ['azurerm_servicebus_namespace_disaster_recovery_config'], attribute: 'primary_namespace_id, partner_namespace_id', source: { kind: 'pattern', reference: PATTERNS },
  }, (body, r, app) => {
    const location = (attribute: string): unknown => app.referencedBy(r.stack, body[attribute]).find((x) => x.type === NAMESPACE)?.body.location;
    const [primary, partner] = [location('primary_namespace_id'), location('partner_namespace_id')];
    if (typeof primary !== 'string' || typeof partner !== 'string' || isExpression(primary) || isExpression(partner)) return undefined;
    return primary === partner ? `the primary and partner namespaces are both in ${primary}; expected two different regions` : undefined;
  }),
  attributeRule({
    id: 'OP-SB-006', severity: 'warning', summary: 'Subscriptions dead-letter expired messages, so an event no consumer took is kept, not dropped.',
    resourceTypes: ['azurerm_servicebus_subscription'], attribute: 'dead_lettering_on_message_expiration', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-dead-letter-queues' },
  }, equals(true), 'true'),
  attributeRule({
    id: 'OP-SB-007', severity: 'warning', summary: 'Topics detect duplicates, so a publisher that retries after a failover does not deliver an order event twice.',
    resourceTypes: ['azurerm_servicebus_topic'], attribute: 'requires_duplicate_detection', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/service-bus-messaging/duplicate-detection' },
  }, equals(true), 'true'),
  attributeRule({
    id: 'OP-EG-001', severity: 'error', summary: 'Event Grid topics accept Entra ID only: access keys are off.',
    resourceTypes: [TOPIC], attribute: 'local_auth_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_192' },
  }, equals(false), 'false'),
  attributeRule({
    id: 'OP-EG-002', severity: 'error', summary: 'Event Grid topics refuse public network access.',
    resourceTypes: [TOPIC], attribute: 'public_network_access_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_193' },
  }, equals(false), 'false'),
  attributeRule({
    id: 'OP-EG-003', severity: 'warning', summary: 'Event Grid topics have a managed identity to deliver and dead-letter without keys.',
    resourceTypes: [TOPIC], attribute: 'identity.type', source: { kind: 'checkov', reference: 'CKV_AZURE_191' },
  }, (v) => typeof v === 'string' && v.length > 0, 'an identity type'),
  attributeRule({
    id: 'OP-KV-001', severity: 'error', summary: 'Key Vaults have purge protection, so a deleted vault and its secrets can be recovered.',
    resourceTypes: [VAULT], attribute: 'purge_protection_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_110' },
  }, equals(true), 'true'),
  attributeRule({
    id: 'OP-KV-002', severity: 'error', summary: 'Key Vaults refuse public network access.',
    resourceTypes: [VAULT], attribute: 'public_network_access_enabled', source: { kind: 'checkov', reference: 'CKV_AZURE_189' },
  }, equals(false), 'false'),
  attributeRule({
    id: 'OP-KV-003', severity: 'error', summary: 'Key Vault firewalls deny by default.',
    resourceTypes: [VAULT], attribute: 'network_acls.default_action', source: { kind: 'checkov', reference: 'CKV_AZURE_109' },
  }, equals('Deny'), '"Deny"'),
  attributeRule({
    id: 'OP-KV-004', severity: 'error', summary: 'Key Vaults authorize with Azure RBAC, not access policies.',
    resourceTypes: [VAULT], attribute: 'rbac_authorization_enabled', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide' },
  }, (v, body) => v === true || (v === undefined && body.enable_rbac_authorization === true), 'true (or the deprecated enable_rbac_authorization = true)'),
  attributeRule({
    id: 'OP-ST-001', severity: 'error', summary: 'Storage accounts refuse shared keys: every request is authorized with Entra ID.',
    resourceTypes: [STORAGE], attribute: 'shared_access_key_enabled', source: { kind: 'checkov', reference: 'CKV2_AZURE_40' },
  }, equals(false), 'false'),
  attributeRule({
    id: 'OP-ST-002', severity: 'error', summary: 'Storage account firewalls deny by default.',
    resourceTypes: [STORAGE], attribute: 'network_rules.default_action', source: { kind: 'checkov', reference: 'CKV_AZURE_35' },
  }, equals('Deny'), '"Deny"'),
  attributeRule({
    id: 'OP-ST-003', severity: 'error', summary: 'Storage accounts accept TLS 1.2 or later only (unset is the provider\'s default, TLS1_2).',
    resourceTypes: [STORAGE], attribute: 'min_tls_version', source: { kind: 'checkov', reference: 'CKV_AZURE_44' },
  }, (v) => v === undefined || v === 'TLS1_2', '"TLS1_2" (or unset)'),
  attributeRule({
    id: 'OP-ST-004', severity: 'error', summary: 'No blob in a storage account can be made public.',
    resourceTypes: [STORAGE], attribute: 'allow_nested_items_to_be_public', source: { kind: 'checkov', reference: 'CKV_AZURE_190' },
  }, equals(false), 'false'),
  resourceRule({
    id: 'OP-ST-005', severity: 'error', summary: 'Storage accounts in regions with availability zones are zone-redundant (ZRS, GZRS or RA-GZRS).',
    resourceTypes: [STORAGE], attribute: 'account_replication_type', source: { kind: 'waf', reference: 'https://learn.microsoft.com/azure/storage/common/storage-redundancy' },
  }, (body) => {
    const v = body.account_replication_type;
    if (!zonal(body.location) || isExpression(v) || v === 'ZRS' || v === 'GZRS' || v === 'RAGZRS') return undefined;
    return `account_replication_type is ${show(v)} in ${String(body.location)}, which has availability zones; expected "ZRS", "GZRS" or "RAGZRS"`;
  }),
  resourceRule({
    id: 'OP-ST-006', severity: 'warning', summary: 'Deleted blobs and containers are kept for a while (soft delete).',
    resourceTypes: [STORAGE], attribute: 'blob_properties.delete_retention_policy, blob_properties.container_delete_retention_policy', source: { kind: 'checkov', reference: 'CKV2_AZURE_38' },
  }, (body) => {
    // A policy block without `days` keeps 7 days (the provider's default); only a missing block or days < 1 fails.
    const missing = ['delete_retention_policy', 'container_delete_retention_policy'].filter((p) => {
      const block = blocks(valueAt(body, `blob_properties.${p}`))[0];
      return block === undefined || (block.days !== undefined && !isExpression(block.days) && !(Number(block.days) >= 1));
    });
    return missing.length ? `blob_properties.${missing.join(' and ')} not set (or below 1 day); expected a retention in days` : undefined;
  }),
  attributeRule({
    id: 'OP-MON-001', severity: 'error', summary: 'Log Analytics workspaces accept Entra ID only: shared keys cannot read or write logs.',
    resourceTypes: [WORKSPACE], attribute: 'local_authentication_enabled', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/azure-monitor/logs/azure-ad-authentication-logs' },
  }, (v, body) => v === false || (v === undefined && body.local_authentication_disabled === true), 'false (or the deprecated local_authentication_disabled = true)'),
  attributeRule({
    id: 'OP-MON-002', severity: 'error', summary: 'Application Insights is workspace-based (classic resources are retired).',
    resourceTypes: ['azurerm_application_insights'], attribute: 'workspace_id', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/azure-monitor/app/convert-classic-resource' },
  }, (v) => typeof v === 'string' && v.length > 0, 'a workspace ID'),
  resourceRule({
    id: 'OP-MON-003', severity: 'warning', summary: 'Action groups notify someone (an email, SMS or webhook receiver).',
    resourceTypes: ['azurerm_monitor_action_group'], attribute: '*_receiver', source: { kind: 'pattern', reference: 'README, "Observability"' },
  }, (body) => (Object.keys(body).filter((k) => k.endsWith('_receiver')).some((k) => blocks(body[k]).length > 0) ? undefined
    : 'no receiver (email, SMS, webhook, ARM role, voice, app push, logic app, ...); expected at least one')),
  resourceRule({
    id: 'OP-NET-001', severity: 'error', summary: 'Every subnet has a network security group.',
    resourceTypes: ['azurerm_subnet'], attribute: 'azurerm_subnet_network_security_group_association.subnet_id', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview' },
  }, (_body, r, app) => (['GatewaySubnet', 'AzureFirewallSubnet', 'AzureFirewallManagementSubnet', 'AzureBastionSubnet', 'RouteServerSubnet'].includes(String(r.body.name))
    || app.ofType('azurerm_subnet_network_security_group_association').some((a) => app.referencedBy(a.stack, a.body.subnet_id).includes(r)) ? undefined
    : `subnet ${show(r.body.name)} has no azurerm_subnet_network_security_group_association`)),
  resourceRule({
    id: 'OP-NET-002', severity: 'error', summary: 'Private endpoints register in a private DNS zone, so clients resolve the service to its private address.',
    resourceTypes: ['azurerm_private_endpoint'], attribute: 'private_dns_zone_group.private_dns_zone_ids', source: { kind: 'azure', reference: 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns' },
  }, (body) => {
    const ids = valueAt(body, 'private_dns_zone_group.private_dns_zone_ids');
    return Array.isArray(ids) && ids.length > 0 ? undefined : 'private_dns_zone_group not set; expected the zone of the service';
  }),
];
