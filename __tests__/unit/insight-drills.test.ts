import { drillsMarkdown, drillsReport } from '../../lib/insight/drills';
import { SynthesizedApp, SynthesizedStack } from '../../lib/rules/synthesized';
import { RedundancyPattern } from '../../lib/core/pattern';
import { EXAMPLES } from '../../examples';
import { join } from 'path';
import { expectContract } from '../support/contract';
import { exampleStacks } from '../support/examples';
import { synthApp } from '../support/synth';

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
    expect(d.commands.start).toMatch(new RegExp(`^az rest --method post --url "https://management\\.azure\\.com/subscriptions/\\{subscriptionId\\}/resourceGroups/ordps-rg-drills-\\w+/providers/Microsoft\\.Chaos/experiments/${d.experiment}/start\\?api-version=2023-11-01"$`));
    expect(d.commands.cancel).toMatch(new RegExp(`^az rest --method post --url ".*/experiments/${d.experiment}/cancel\\?api-version=2023-11-01"$`));
    expect(d.commands.status).toMatch(/^az rest --method get .*\/executions\?api-version=2023-11-01"$/);
    expect(d.roles).toEqual([{ role: 'Virtual Machine Contributor', scope: 'the scale set of node pool system' }, { role: 'Virtual Machine Contributor', scope: 'the scale set of node pool user' }]);
    expect(d.commands.checks).toEqual(['system', 'user'].map((pool) => expect.stringMatching(new RegExp(`^az aks nodepool show --resource-group ordps-rg-westus3-\\w+ --cluster-name ordps-aks-westus3-\\w+ --name ${pool} --query`))));
  });

  test('every alert is in exactly one list', () => {
    const app = new SynthesizedApp(stacksOf('primary-secondary'));
    const all = app.resources.filter((r) => r.stack === 'primary-secondary-observability' && r.type.startsWith('azurerm_monitor_') && r.type.includes('alert')).map((r) => String(r.body.name)).sort();
    for (const d of report('primary-secondary').drills) expect([...d.mustFire, ...d.mustNotFire, ...d.mayFire].map((a) => a.name).sort()).toEqual(all);
  });

  test('zone loss: its nodes NotReady must fire; the entry, the region\'s data tier and the other region stay quiet; the AKS runbook applies', () => {
    const d = drill('primary-secondary', 'zoneLoss', 'westus3');
    expect(keys(d.mustFire)).toEqual(['aksNodesNotReady-westus3']);
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['availability-order-entry', 'availability-tracking-entry', 'frontDoorOriginHealth-global', 'sqlForcedFailover-westus3', 'sqlFailover-westus3', 'aksNodesNotReady-eastus', 'cosmosAvailability-westus3', 'keyVaultAvailability-westus3']));
    expect(keys(d.mayFire)).toEqual(['frontDoor5xx-global', 'aksPodsNotReady-westus3', 'aksUnschedulablePods-westus3', 'aksReadinessProbeFailures-westus3', 'aksContainerRestarts-westus3']);
    expect(d.mayFire[0].reason).toContain('about 40-50 s');
    expect(d.serving.map((s) => s.state)).toEqual(['up', 'up', 'up', 'up']);
    expect(d.serving[0].reason).toContain('the drill stops only AKS nodes, so the data tier is untouched');
    expect(d.runbook).toEqual(['README, "Runbook: AKS"']);
    expect(d.notes).toEqual([expect.stringContaining('node auto-repair')]);
  });

  test('region loss of the primary: the entry keeps serving from the secondary; the region\'s own alerts may fire; the failover group may be rehearsed', () => {
    const d = drill('primary-secondary', 'regionLoss', 'westus3');
    expect(keys(d.mustFire)).toEqual(['frontDoorOriginHealth-global']);
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['sqlForcedFailover-westus3', 'aksNodesNotReady-westus3', 'keyVaultAvailability-westus3', 'serviceBusServerErrors-westus3', 'aksNodesNotReady-eastus']));
    expect(d.mustNotFire.find((a) => a.key === 'aksNodesNotReady-westus3')!.reason).toBe('the drill leaves what this alert watches running; westus3\'s blocked clients never reach it');
    // westus3 takes requests: the entry's tests may see runs fail during the probes' detection.
    expect(keys(d.mayFire).slice(0, 4)).toEqual(['frontDoor5xx-global', 'availability-order-entry', 'availability-tracking-entry', 'sqlFailover-westus3']);
    expect(keys(d.mayFire)).toEqual(expect.arrayContaining(['aksReadinessProbeFailures-westus3', 'deliveryTrackingBacklog-westus3', 'cosmosAvailability-westus3', 'aksUnschedulablePods-eastus', 'aksHpaAtMaximum-eastus']));
    expect(d.mayFire.find((a) => a.key === 'cosmosAvailability-westus3')!.reason).toContain('one-hour window');
    expect(d.serving.map((s) => s.state)).toEqual(['up', 'up', 'up', 'up']);
    expect(d.serving[2].reason).toBe('served from eastus once the entry\'s probes take westus3 out (1-2 min); the drill leaves the data tier reachable from there; Cosmos DB writes move to eastus for the drill');
    expect(d.runbook).toEqual(['runbook.md, "Failing over away from westus3 (primary)"', 'README, "Runbook: Front Door"']);
    expect(d.notes).toEqual([expect.stringContaining('4 minutes idle'), expect.stringContaining('no Azure SQL, PostgreSQL or Service Bus failover fault'), expect.stringContaining('planned failover of its failover group'), expect.stringContaining('moves the write region')]);
    // The secondary homes nothing: nothing to rehearse, no write region to move.
    expect(drill('primary-secondary', 'regionLoss', 'eastus').notes).toHaveLength(2);
    expect(d.faults.map((f) => f.urn)).toEqual(['urn:csci:microsoft:networkSecurityGroup:securityRule/1.0', 'urn:csci:microsoft:networkSecurityGroup:securityRule/1.0', 'urn:csci:microsoft:cosmosDB:failover/1.0']);
    expect(d.faults[2].parameters).toEqual({ readRegion: 'East US' });
    expect(d.commands.checks).toEqual([
      expect.stringMatching(/^az network nsg rule list --resource-group ordps-rg-westus3-\w+ --nsg-name nsg-aks-nodes --query "\[\?starts_with\(name, 'chaos-drill'\)\]\.name" -o tsv/),
      expect.stringMatching(/--nsg-name nsg-private-endpoints /),
      expect.stringMatching(/^az cosmosdb show --resource-group ordps-rg-data-westus3-\w+ --name ordps-cosmos-westus3-\w+ --query "writeLocations\[\]\.locationName"/),
    ]);
  });

  test('Key Vault loss: the vault\'s own availability must not fire, and no alert is sure to: a gap, with what to watch', () => {
    const d = drill('primary-secondary', 'keyVaultLoss', 'eastus');
    expect(d.mustFire).toEqual([]);
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['availability-order-entry', 'keyVaultAvailability-eastus', 'aksNodesNotReady-eastus']));
    expect(keys(d.mayFire)).toEqual(['aksPodsNotReady-eastus', 'aksContainerRestarts-eastus']);
    expect(d.faults[0].parameters.destinationAddresses).toMatch(/^the private IP of azurerm_private_endpoint \S+ \(at apply\)$/);
    expect(d.runbook).toEqual(['README, "Runbook: Key Vault"']);
    expect(d.notes).toEqual([expect.stringContaining('4 minutes idle'), expect.stringMatching(/^No alert of the platform is sure to fire for this drill: a gap in the monitoring it shows\. Watch the Key Vault provider's mount errors/)]);
  });

  test('event bus loss: only delivering events is down; no Service Bus alert fires (a disabled topic is a client error); the restore command is printed', () => {
    const d = drill('primary-secondary', 'eventBusLoss', 'westus3');
    expect(d.serving.map((s) => `${s.capability} ${s.state}`)).toEqual(['placeOrder up', 'readOrder up', 'trackDelivery up', 'deliverEvents down']);
    expect(d.mustFire).toEqual([]);
    expect(d.mayFire).toEqual([]);
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['serviceBusServerErrors-westus3', 'deliveryTrackingBacklog-westus3']));
    expect(d.faults.map((f) => f.parameters)).toEqual([{ desiredState: 'Disabled', topics: '["order-events"]' }, { desiredState: 'Active', topics: '["order-events"]' }]);
    expect(d.runbook).toEqual(['README, "Runbook: Service Bus"']);
    expect(d.notes).toEqual([expect.stringContaining('Watch the Order service\'s failed publishes')]);
    expect(d.commands.checks).toEqual([
      expect.stringMatching(/^az servicebus topic show --resource-group ordps-rg-data-westus3-\w+ --namespace-name ordps-sbns-westus3-\w+ --name order-events --query status -o tsv/),
      expect.stringMatching(/^az servicebus topic update --resource-group ordps-rg-data-westus3-\w+ --namespace-name ordps-sbns-westus3-\w+ --name order-events --status Active /),
    ]);
  });

  test('event bus loss with a namespace per region: delivering events is degraded, the other namespaces keep delivering', () => {
    const d = drill('active-active', 'eventBusLoss', 'westus3');
    expect(d.serving[3]).toEqual({ capability: 'deliverEvents', state: 'degraded', reason: expect.stringMatching(/topic is disabled: .*; the namespaces of (centralus, eastus2|eastus2, centralus) keep delivering$/) });
  });

  test('region-pinned: a lost cell\'s entry tests may fail, the other cell takes none of its load (its scaling alerts must not fire), and no data moves', () => {
    const d = drill('region-pinned', 'regionLoss', 'westeurope');
    expect(keys(d.mayFire).slice(0, 3)).toEqual(['frontDoor5xx-global', 'availability-order-entry', 'availability-tracking-entry']);
    expect(d.mayFire[1].reason).toContain('the test runs the entry routes to the lost cell fail until it returns');
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['aksUnschedulablePods-eastus2', 'aksHpaAtMaximum-eastus2']));
    expect(d.notes[1]).toContain('no data moves to another cell');
    expect(d.serving.every((s) => s.state === 'degraded')).toBe(true);
  });

  test('active-passive: the passive region\'s loss leaves the active serving; the active\'s loss with a pilot light is down until the standby is made active', () => {
    const d = drill('active-passive', 'regionLoss', 'centralus');
    // A priority-2 standby: the entry sends it nothing, so nothing the users see changes and no region takes its load.
    expect(d.serving.map((s) => s.reason)).toEqual(Array(4).fill('centralus serves no requests (a standby the entry sends nothing to)'));
    expect(keys(d.mustFire)).toEqual(['frontDoorOriginHealth-global']);
    expect(keys(d.mustNotFire)).toEqual(expect.arrayContaining(['frontDoor5xx-global', 'availability-order-entry', 'availability-tracking-entry', 'aksUnschedulablePods-eastus2', 'aksHpaAtMaximum-eastus2']));
    // Event Grid: the region's topic has no Service Bus alerts; the active region's loss is the busy one.
    expect(keys(drill('active-passive', 'regionLoss', 'eastus2').mayFire)).toEqual(expect.arrayContaining(['frontDoor5xx-global', 'availability-order-entry', 'aksHpaAtMaximum-centralus']));
    const pilot = synthApp((app) => EXAMPLES['active-passive'](app, { pattern: RedundancyPattern.activePassive({ standby: 'pilot-light' }), workloads: { order: { image: 'contoso.azurecr.io/order-api:1.0.0' }, tracking: { image: 'contoso.azurecr.io/tracking-api:1.0.0' } } }));
    const stacks = Object.entries(pilot).map(([name, json]) => ({ name, json: json as never }));
    const lost = drillsReport(stacks, 'active-passive')!.drills.find((x) => x.scenario === 'regionLoss' && x.region === 'eastus2')!;
    expect(lost.serving.map((s) => s.state)).toEqual(['down', 'down', 'down', 'down']);
    expect(lost.serving[0].reason).toBe('order-api has no pods outside eastus2 (pilot light) until the standby is made active (workloads.standbyActive)');
    expect(lost.mustFire.map((a) => a.key)).toEqual(['frontDoorOriginHealth-global', 'availability-order-entry', 'availability-tracking-entry']);
    const idle = drillsReport(stacks, 'active-passive')!.drills.find((x) => x.scenario === 'regionLoss' && x.region === 'centralus')!;
    expect(idle.serving[0]).toEqual({ capability: 'placeOrder', state: 'up', reason: 'centralus serves no requests (no order-api pods)' });
    // A pilot light runs nothing, so Front Door has no origin health to lose there.
    expect(idle.mustFire).toEqual([]);
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

describe('several platforms in one folder', () => {
  test('each platform\'s drills read only its own experiments, roles, origins and alerts', () => {
    const both = [...stacksOf('primary-secondary'), ...stacksOf('active-passive')];
    for (const id of ['primary-secondary', 'active-passive']) expect(drillsReport(both, id)).toEqual(drillsReport(stacksOf(id), id));
  });
});

describe('drillsMarkdown', () => {
  test('one section per drill: the commands, the faults, the roles, what keeps serving, the alert lists and the notes', () => {
    const md = drillsMarkdown(drillsReport(stacksOf('primary-secondary'), 'primary-secondary')!);
    expect(md).toMatch(/^# Failover drills: primary-secondary\n\nPattern `primarySecondary`\. Run one drill at a time \(overlapping drills blur each other's expectations\)/);
    expect(md.match(/^## /gm)).toHaveLength(7);
    expect(md).toMatch(/## ordps-chaos-region-loss-westus3-\w+: regionLoss in westus3\n\n10 minutes; experiment in eastus\.\n\n```sh\naz rest --method post/);
    expect(md).toContain('- `urn:csci:microsoft:cosmosDB:failover/1.0` on Microsoft-CosmosDB on azurerm_cosmosdb_account ordps-cosmos-westus3-');
    expect(md).toContain(': readRegion=East US');
    expect(md).toMatch(/\nMust fire:\n\n- `ordps-alert-front-door-origin-health-global-\w+` \(frontDoorOriginHealth-global\): /);
    expect(md).toContain('\nMust not fire:\n');
    expect(md).toContain('\nMay fire:\n');
    expect(md).toContain('- deliverEvents: **down**, ');
    expect(md).toContain('\nMust fire:\n\n- none\n');
    expect(md).toMatch(/\nAfter the run, check that everything is back:\n\n```sh\naz servicebus topic show /);
    expect(md).toContain('Runbook: runbook.md, "Failing over away from westus3 (primary)"; README, "Runbook: Front Door".');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n{3}/);
  });
});

// What the drills tell a user, word for word, in __tests__/contracts/insight/<id>.drills.md (the behaviour is asserted
// above; the files pin the wording a reader acts on). After a deliberate change,
// `UPDATE_CONTRACTS=1 npx jest __tests__/unit/insight-drills.test.ts` rewrites them (review the diff).
test.each(['primary-secondary', 'active-passive', 'active-active', 'region-pinned'])('%s: the drills as order-platform drills prints them', (id) => {
  expectContract(join(__dirname, '..', 'contracts', 'insight', `${id}.drills.md`), drillsMarkdown(drillsReport(stacksOf(id), id)!));
});

describe('behind Traffic Manager (public origins, each region\'s own availability tests)', () => {
  const stacks = Object.entries(synthApp((app) => EXAMPLES['primary-secondary'](app, { entry: { trafficManager: { services: ['order', 'tracking'] } } }))).map(([name, json]) => ({ name, json: json as never }));
  const report = drillsReport(stacks, 'primary-secondary')!;
  const drill = (scenario: string, region: string) => report.drills.find((d) => d.scenario === scenario && d.region === region)!;

  test('region loss: the region\'s own availability tests must fire; zone loss: they must not', () => {
    expect(drill('regionLoss', 'westus3').mustFire.map((a) => a.key)).toEqual(['availability-order-westus3', 'availability-tracking-westus3']);
    expect(drill('regionLoss', 'westus3').mustFire[0].reason).toBe('westus3\'s public origin refuses every new connection');
    expect(drill('zoneLoss', 'eastus').mustNotFire.filter((a) => a.key.startsWith('availability-'))).toEqual([
      expect.objectContaining({ key: 'availability-order-entry' }), expect.objectContaining({ key: 'availability-tracking-entry' }),
      { key: 'availability-order-eastus', name: expect.any(String), reason: 'eastus keeps serving from its other zones' },
      { key: 'availability-tracking-eastus', name: expect.any(String), reason: 'eastus keeps serving from its other zones' },
      expect.objectContaining({ key: 'availability-order-westus3', reason: 'the drill touches nothing in westus3' }),
      expect.objectContaining({ key: 'availability-tracking-westus3', reason: 'the drill touches nothing in westus3' }),
    ]);
  });

  test('without Front Door, every region with pods takes requests', () => {
    expect(drill('regionLoss', 'eastus').serving[0].reason).toMatch(/^served from westus3 once the entry's probes take eastus out/);
  });

  test('the drills, word for word', () => {
    expectContract(join(__dirname, '..', 'contracts', 'insight', 'primary-secondary-traffic-manager.drills.md'), drillsMarkdown(report));
  });
});

