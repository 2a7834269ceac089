import { drillsMarkdown, drillsReport } from '../../lib/insight/drills';
import { SynthesizedApp, SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';

// lib/insight/drills.ts: each drill's expectation from the examples' synthesized stacks (as the unmutated build wrote
// them): the alerts that must, must not and may fire, what keeps serving, the runbook sections, the commands.

const stacksOf = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as never }));

describe('the expectations, scenario by scenario (primary-secondary and region-pinned)', () => {
  const report = (id: string) => drillsReport(stacksOf(id), id)!;
  const drill = (id: string, scenario: string, region: string) => report(id).drills.find((d) => d.scenario === scenario && d.region === region)!;
  const keys = (list: readonly { key: string }[]) => list.map((a) => a.key);

  test('the drills in the stack\'s order: scenarios, then the platform\'s regions; each with its commands', () => {
    expect(report('primary-secondary').drills.map((d) => `${d.scenario} ${d.region}`)).toEqual([
      'zoneLoss westus3', 'zoneLoss eastus', 'regionLoss westus3', 'regionLoss eastus', 'keyVaultLoss westus3', 'keyVaultLoss eastus', 'eventBusLoss westus3',
    ]);
    const d = drill('primary-secondary', 'zoneLoss', 'westus3');
    expect([d.zone, d.location, d.durationMinutes]).toEqual(['1', 'eastus', 10]);
    expect(d.commands.start).toMatch(new RegExp(`^az rest --method post --url "https://management\\.azure\\.com/subscriptions/<subscription-id>/resourceGroups/ordps-rg-drills-\\w+/providers/Microsoft\\.Chaos/experiments/${d.experiment}/start\\?api-version=2023-11-01"$`));
    expect(d.commands.cancel).toContain(`/experiments/${d.experiment}/cancel?`);
    expect(d.commands.status).toMatch(/^az rest --method get .*\/executions\?api-version=2023-11-01"$/);
    expect(d.roles).toEqual([{ role: 'Virtual Machine Contributor', scope: 'the scale set of node pool system' }, { role: 'Virtual Machine Contributor', scope: 'the scale set of node pool user' }]);
  });

  test('zone loss: its nodes NotReady must fire; the entry and the other region must stay quiet; the AKS runbook applies', () => {
    const d = drill('primary-secondary', 'zoneLoss', 'westus3');
    expect(keys(d.mustFire)).toEqual(['aksNodesNotReady-westus3']);
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['availability-order-entry', 'availability-tracking-entry', 'frontDoorOriginHealth-global', 'aksNodesNotReady-eastus']));
    expect(keys(d.mustNotFire).some((k) => k.endsWith('-westus3') && !k.startsWith('availability-'))).toBe(false);
    expect(keys(d.mayFire)).toEqual(['aksPodsNotReady-westus3', 'aksUnschedulablePods-westus3', 'aksReadinessProbeFailures-westus3']);
    expect(d.serving.every((s) => s.state === 'up')).toBe(true);
    expect(d.runbook).toEqual(['README, "Runbook: AKS"']);
  });

  test('region loss of the primary: Front Door\'s origin health must fire; tracking stays served; the order entry may fail until the failover; the region\'s runbook section applies', () => {
    const d = drill('primary-secondary', 'regionLoss', 'westus3');
    expect(keys(d.mustFire)).toEqual(['frontDoorOriginHealth-global']);
    expect(keys(d.mustNotFire)).toContain('availability-tracking-entry');
    expect(keys(d.mustNotFire)).toContain('aksNodesNotReady-eastus');
    expect(keys(d.mayFire)).toEqual(['aksUnschedulablePods-eastus', 'aksHpaAtMaximum-eastus', 'availability-order-entry']);
    expect(d.runbook).toEqual(['runbook.md, "Failing over away from westus3 (primary)"', 'README, "Runbook: Front Door"']);
    expect(d.notes).toEqual([expect.stringContaining('no Azure SQL, PostgreSQL or Service Bus failover fault'), expect.stringContaining('4 minutes idle'), expect.stringContaining('moves the write region')]);
    // The secondary's loss moves no Cosmos DB write region (the accounts are written in westus3).
    expect(drill('primary-secondary', 'regionLoss', 'eastus').notes).toHaveLength(2);
    expect(d.faults.map((f) => f.urn)).toEqual(['urn:csci:microsoft:networkSecurityGroup:securityRule/1.0', 'urn:csci:microsoft:networkSecurityGroup:securityRule/1.0', 'urn:csci:microsoft:cosmosDB:failover/1.0']);
    expect(d.faults[2].parameters).toEqual({ readRegion: 'East US' });
  });

  test('Key Vault loss: the vault\'s own availability must not fire; the fault reads the endpoint\'s address at apply', () => {
    const d = drill('primary-secondary', 'keyVaultLoss', 'eastus');
    expect(d.mustFire).toEqual([]);
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['availability-order-entry', 'keyVaultAvailability-eastus']));
    expect(d.faults[0].parameters.destinationAddresses).toMatch(/^the private IP of azurerm_private_endpoint \S+ \(at apply\)$/);
    expect(d.runbook).toEqual(['README, "Runbook: Key Vault"']);
  });

  test('event bus loss: only delivering events is down; no Service Bus alert is sure to fire (a disabled topic is a client error)', () => {
    const d = drill('primary-secondary', 'eventBusLoss', 'westus3');
    expect(d.serving.map((s) => `${s.capability} ${s.state}`)).toEqual(['placeOrder up', 'readOrder up', 'trackDelivery up', 'deliverEvents down']);
    expect(d.mustFire).toEqual([]);
    expect(keys(d.mayFire)).toEqual(['serviceBusServerErrors-westus3', 'deliveryTrackingBacklog-westus3']);
    expect(d.runbook).toEqual(['README, "Runbook: Service Bus"']);
  });

  test('region-pinned: a lost cell\'s entry tests may fail, the other cell takes none of its load (its scaling alerts must not fire), and no data moves', () => {
    const d = drill('region-pinned', 'regionLoss', 'westeurope');
    expect(keys(d.mayFire)).toEqual(['availability-order-entry', 'availability-tracking-entry']);
    expect(d.mayFire[0].reason).toContain('tests the entry routes to the lost cell fail until it returns');
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['aksUnschedulablePods-eastus2', 'aksHpaAtMaximum-eastus2']));
    expect(d.notes[0]).toContain('no data moves to another cell');
    expect(d.serving.every((s) => s.state === 'degraded')).toBe(true);
  });
});

describe('every expectation names alerts the observability stack holds', () => {
  test.each(['primary-secondary', 'active-passive', 'active-active', 'region-pinned'])('%s', (id) => {
    const app = new SynthesizedApp(stacksOf(id));
    const alerts = new Set(app.resources.filter((r) => r.stack === `${id}-observability` && /^azurerm_monitor_(metric_alert|scheduled_query_rules_alert_v2|activity_log_alert)$/.test(r.type)).map((r) => String(r.body.name)));
    const report = drillsReport(stacksOf(id), id)!;
    expect(report.drills.length).toBeGreaterThan(4);
    for (const d of report.drills) {
      for (const a of [...d.mustFire, ...d.mustNotFire, ...d.mayFire]) expect(alerts.has(a.name)).toBe(true);
      if (d.scenario === 'zoneLoss') expect(d.mustFire.map((a) => a.key)).toEqual([`aksNodesNotReady-${d.region}`]);
      if (d.scenario === 'regionLoss') expect(d.mustFire.map((a) => a.key)).toContain('frontDoorOriginHealth-global');
      expect(d.runbook.length).toBeGreaterThan(0);
      const must = new Set(d.mustFire.map((a) => a.key));
      expect(d.mustNotFire.filter((a) => must.has(a.key))).toEqual([]);
    }
  });

  test('a platform without a drills stack has no report; without an observability stack, no alert is named', () => {
    expect(drillsReport(stacksOf('zone-redundant'), 'zone-redundant')).toBeUndefined();
    const id = 'primary-secondary';
    const report = drillsReport(stacksOf(id).filter((s) => s.name !== `${id}-observability`), id)!;
    expect(report.drills.flatMap((d) => [...d.mustFire, ...d.mustNotFire, ...d.mayFire])).toEqual([]);
    // The runbook sections of the alerts go with them; the region's runbook.md section stays.
    expect(report.drills.find((d) => d.scenario === 'regionLoss')!.runbook).toEqual(['runbook.md, "Failing over away from westus3 (primary)"']);
  });
});

describe('drillsMarkdown', () => {
  test('one section per drill: the commands, the faults, the roles, what keeps serving, the alert lists and the notes', () => {
    const md = drillsMarkdown(drillsReport(stacksOf('primary-secondary'), 'primary-secondary')!);
    expect(md).toMatch(/^# Failover drills: primary-secondary\n\nPattern `primarySecondary`\. Start one drill at a time/);
    expect(md.match(/^## /gm)).toHaveLength(7);
    expect(md).toMatch(/## ordps-chaos-region-loss-westus3-\w+: regionLoss in westus3\n\n10 minutes; experiment in eastus\.\n\n```sh\naz rest --method post/);
    expect(md).toContain('- `urn:csci:microsoft:cosmosDB:failover/1.0` on Microsoft-CosmosDB on azurerm_cosmosdb_account ordps-cosmos-westus3-');
    expect(md).toContain(': readRegion=East US');
    expect(md).toMatch(/\nMust fire:\n\n- `ordps-alert-front-door-origin-health-global-\w+` \(frontDoorOriginHealth-global\): /);
    expect(md).toContain('\nMust not fire:\n');
    expect(md).toContain('\nMay fire:\n');
    expect(md).toContain('- deliverEvents: **down**, ');
    expect(md).toContain('Runbook: runbook.md, "Failing over away from westus3 (primary)"; README, "Runbook: Front Door".');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n{3}/);
  });
});
