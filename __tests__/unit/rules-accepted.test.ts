import { TerraformStack } from 'cdktf';
import { ACCEPTED_FINDINGS_KEY, acceptFinding } from '../../lib/core/accepted-findings';
import { protect, RemovalPolicy } from '../../lib/core/lifecycle';
import { RedundancyPattern } from '../../lib/core/pattern';
import { DatabaseEngine } from '../../lib/database/engine';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { checkSynthesized } from '../../lib/rules/rule-pack';
import { GlobalEntry } from '../../lib/global-entry/global-entry';
import { GlobalEntryProps } from '../../lib/global-entry/global-entry-types';
import { APIM, entryProps, HEADERS, publicFor } from '../support/global-entry';
import { makeDatabase } from '../support/database';
import { sink } from '../support/standalone';
import { StackJson, synthApp } from '../support/synth';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';

// Findings a prop chose: the construct writes the choice into the resource's JSON (a "//" comment Terraform ignores),
// and the rule pack reports the finding as suppressed with that reason, wherever it reads the JSON.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** One stack `test` synthesized by a whole app (cdktf's Testing.synth drops the "//" comments, app.synth keeps them). */
function appJson(build: (stack: TerraformStack) => void): StackJson {
  return synthApp((app) => {
    const stack = new TerraformStack(app, 'test');
    new AzurermProvider(stack, 'Azurerm', { features: [{}] });
    build(stack);
  }).test;
}
const entry = (props: Partial<GlobalEntryProps>) => appJson((stack) => { new GlobalEntry(stack, 'Entry', entryProps({ pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...props })); });

/** The rule pack on one stack: [rule, type, reason] of the suppressed findings, and the rules still found. */
function accepted(json: StackJson): { suppressed: string[]; found: string[] } {
  const report = checkSynthesized([{ name: 'test', json: json as Loose }]);
  return { suppressed: report.suppressed.map((f) => `${f.ruleId} ${f.address.split('.')[0]}: ${f.reason}`), found: [...new Set(report.findings.map((f) => f.ruleId))] };
}

describe('accepted findings', () => {
  test('PostgreSQL with highAvailability false in a zonal region: OP-PG-003 is the engine\'s choice', () => {
    const r = accepted(appJson((stack) => { makeDatabase({ engine: DatabaseEngine.postgresql({ highAvailability: false }) }, stack); }));
    expect(r.suppressed).toContain("OP-PG-003 azurerm_postgresql_flexible_server: engine.highAvailability is 'Disabled' in westus3");
    expect(r.found).not.toContain('OP-PG-003');
    // With HA on, nothing is recorded.
    const on = appJson((stack) => { makeDatabase({ engine: DatabaseEngine.postgresql() }, stack); }) as Loose;
    expect(Object.values<Loose>(on.resource.azurerm_postgresql_flexible_server)[0]['//'][ACCEPTED_FINDINGS_KEY]).toBeUndefined();
  });

  test('PostgreSQL same-zone HA named for a zonal region: OP-PG-003 is the engine\'s choice; the default same-zone HA of a region without zones satisfies the rule', () => {
    const pattern = RedundancyPattern.regionPinned({ allowCellsWithoutZones: true });
    const r = accepted(appJson((stack) => { makeDatabase({ pattern, regions: ['westeurope', 'ukwest'], engine: DatabaseEngine.postgresql({ highAvailability: { westeurope: 'SameZone' } }) }, stack); }));
    expect(r.suppressed).toEqual(["OP-PG-003 azurerm_postgresql_flexible_server: engine.highAvailability is 'SameZone' in westeurope"]);
    expect(r.found).not.toContain('OP-PG-003');
    const disabled = accepted(appJson((stack) => { makeDatabase({ pattern, regions: ['westeurope', 'ukwest'], engine: DatabaseEngine.postgresql({ highAvailability: 'Disabled' }) }, stack); }));
    expect(disabled.suppressed.sort()).toEqual(["OP-PG-003 azurerm_postgresql_flexible_server: engine.highAvailability is 'Disabled' in ukwest", "OP-PG-003 azurerm_postgresql_flexible_server: engine.highAvailability is 'Disabled' in westeurope"]);
  });

  test('PostgreSQL read replicas of a cell without a cross-region replica: its virtual endpoint\'s in-region reader is OP-PG-005\'s accepted exception', () => {
    const r = accepted(appJson((stack) => { makeDatabase({ engine: DatabaseEngine.postgresql({ readReplicas: 2 }) }, stack); }));
    expect(r.suppressed).toEqual(['OP-PG-005 azurerm_postgresql_flexible_server_virtual_endpoint: the westus3 cell keeps no replica in another region; the reader names its first in-region read replica']);
    expect(r.found).toEqual([]);
    // A replicated cell's endpoint names its cross-region replica: nothing accepted.
    const replicated = accepted(appJson((stack) => { makeDatabase({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], engine: DatabaseEngine.postgresql({ readReplicas: 2 }) }, stack); }));
    expect(replicated.suppressed).toEqual([]);
    expect(replicated.found).toEqual([]);
    const json = appJson((stack) => { makeDatabase({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], engine: DatabaseEngine.postgresql({ readReplicas: 1 }) }, stack); }) as Loose;
    expect(Object.values<Loose>(json.resource.azurerm_postgresql_flexible_server_virtual_endpoint).map((e) => e['//']?.[ACCEPTED_FINDINGS_KEY])).toEqual([undefined]);
  });

  test('a WAF in Detection mode: OP-AFD-002 is waf.mode\'s choice', () => {
    expect(accepted(entry({ frontDoor: { originHostHeaders: HEADERS, waf: { mode: 'Detection' } } })).suppressed).toContain("OP-AFD-002 azurerm_cdn_frontdoor_firewall_policy: waf.mode is 'Detection'");
    const prevention = entry({ frontDoor: { originHostHeaders: HEADERS } });
    expect(accepted(prevention).suppressed.filter((s) => s.startsWith('OP-AFD-002'))).toEqual([]);
  });

  test('API Management below Premium: OP-APIM-001 is apiManagement.sku\'s choice', () => {
    expect(accepted(entry({ publicOrigins: publicFor(['westus3']), apiManagement: { ...APIM, sku: 'Developer' } })).suppressed).toContain("OP-APIM-001 azurerm_api_management: apiManagement.sku is 'Developer'");
    // Premium is what the rule asks for: nothing accepted on the service.
    const premium = entry({ publicOrigins: publicFor(['westus3']), apiManagement: { ...APIM, sku: 'Premium' } });
    expect(Object.values<Loose>(premium.resource.azurerm_api_management).map((a) => a['//'].acceptedFindings)).toEqual([undefined]);
  });

  test('a stamp with zoneRedundant false in a region with zones: OP-AKS-001 and OP-AKS-002 are that choice', () => {
    const r = accepted(appJson((stack) => { new RegionalStamp(stack, 'Stamp', { prefix: 'shop', region: 'westus3', monitoring: sink('westus3'), zoneRedundant: false }); }));
    expect(r.suppressed).toEqual(expect.arrayContaining(['OP-AKS-001 azurerm_kubernetes_cluster: zoneRedundant is false', 'OP-AKS-002 azurerm_kubernetes_cluster_node_pool: zoneRedundant is false']));
    expect(r.found).not.toEqual(expect.arrayContaining(['OP-AKS-001']));
  });

  test('acceptFinding keeps one entry per rule (the last reason) and several rules side by side', () => {
    const json = appJson((stack) => {
      const group = new MonitorActionGroup(stack, 'Ag', { name: 'ag', resourceGroupName: 'rg', shortName: 'ag' });
      acceptFinding(group, 'OP-MON-003', 'first');
      acceptFinding(group, 'OP-MON-003', 'second');
      acceptFinding(group, 'OP-PLT-001', 'other');
    });
    expect(Object.values<Loose>((json as Loose).resource.azurerm_monitor_action_group)[0]['//'][ACCEPTED_FINDINGS_KEY]).toEqual([
      { ruleId: 'OP-MON-003', reason: 'second' }, { ruleId: 'OP-PLT-001', reason: 'other' },
    ]);
  });

  test('a recorded choice suppresses only its rule, and only with a reason in words', () => {
    const json = { resource: { azurerm_mssql_server: { Sql: { '//': { [ACCEPTED_FINDINGS_KEY]: [{ ruleId: 'OP-SQL-002', reason: 'x' }, { ruleId: 'OP-SQL-001', reason: 42 }] }, name: 's', public_network_access_enabled: true, minimum_tls_version: '1.0' } } } };
    const report = checkSynthesized([{ name: 's', json: json as Loose }]);
    expect(report.findings.map((f) => f.ruleId)).toContain('OP-SQL-001');
    const noReason = checkSynthesized([{ name: 's', json: { resource: { azurerm_mssql_server: { Sql: { ...json.resource.azurerm_mssql_server.Sql, '//': { [ACCEPTED_FINDINGS_KEY]: [{ ruleId: 'OP-SQL-001' }] } } } } } as Loose }]);
    expect(noReason.findings.map((f) => f.ruleId)).toContain('OP-SQL-001');
    expect(report.suppressed.map((f) => `${f.ruleId}: ${f.reason}`)).toEqual(['OP-SQL-002: x']);
  });

  test('protect() with RemovalPolicy.DESTROY records OP-PLT-001 under the documented key; RETAIN records nothing', () => {
    const json = appJson((stack) => {
      protect(new MonitorActionGroup(stack, 'Destroy', { name: 'a', resourceGroupName: 'rg', shortName: 'a' }), RemovalPolicy.DESTROY);
      protect(new MonitorActionGroup(stack, 'Retain', { name: 'b', resourceGroupName: 'rg', shortName: 'b' }), RemovalPolicy.RETAIN);
    }) as Loose;
    const groups = Object.values<Loose>(json.resource.azurerm_monitor_action_group);
    // The key is part of the JSON contract docs/rules.md documents.
    expect(groups.map((g) => g['//'].acceptedFindings)).toEqual([[{ ruleId: 'OP-PLT-001', reason: 'removalPolicy is RemovalPolicy.DESTROY' }], undefined]);
  });
});
