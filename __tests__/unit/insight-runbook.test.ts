import { runbookMarkdown } from '../../lib/insight/runbook';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';
import { synthApp } from '../support/synth';
import { EXAMPLES } from '../../examples';

// The failover runbook: Azure CLI commands with the names each example synthesizes.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const stacksOf = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: json as Loose }));
/** The `name` of the only resource of a type in a stack whose body passes `pick`. */
function nameOf(id: string, stack: string, type: string, pick: (b: Loose) => boolean = () => true): string {
  const found = Object.values<Loose>((exampleStacks(id)[stack] as Loose).resource[type]).filter(pick);
  expect(found).toHaveLength(1);
  return found[0].name;
}

describe('runbookMarkdown', () => {
  test('primarySecondary: health checks and, away from the primary, Front Door origins, the SQL failover group, Cosmos DB and the Service Bus alias, with the synthesized names', () => {
    const md = runbookMarkdown(stacksOf('primary-secondary'), 'primary-secondary');
    const data = 'primary-secondary-data';
    const fg = nameOf('primary-secondary', data, 'azurerm_mssql_failover_group');
    const east = nameOf('primary-secondary', data, 'azurerm_mssql_server', (s) => s.location === 'eastus');
    const eastGroup = nameOf('primary-secondary', data, 'azurerm_resource_group', (g) => g.location === 'eastus');
    const cluster = nameOf('primary-secondary', 'primary-secondary-westus3', 'azurerm_kubernetes_cluster');
    const alias = nameOf('primary-secondary', data, 'azurerm_servicebus_namespace_disaster_recovery_config');
    expect(md).toMatch(/^# Failover runbook: primary-secondary\n\nPattern `primarySecondary`; regions westus3 \(primary\), eastus \(secondary\)\./);
    expect(md).toContain(`az aks show --resource-group ${nameOf('primary-secondary', 'primary-secondary-westus3', 'azurerm_resource_group')} --name ${cluster} --query`);
    expect(md).toContain(`az sql failover-group set-primary --resource-group ${eastGroup} --server ${east} --name ${fg}\n`);
    expect(md).toContain(`az sql failover-group set-primary --resource-group ${eastGroup} --server ${east} --name ${fg} --allow-data-loss   # forced`);
    expect(md).toMatch(/az cosmosdb failover-priority-change --resource-group \S+ --name \S+ --failover-policies eastus=0 westus3=1/);
    expect(md).toMatch(new RegExp(`az servicebus georecovery-alias fail-over --resource-group ${eastGroup} --namespace-name \\S+ --alias ${alias}`));
    expect(md).toMatch(/az afd origin update --resource-group \S+ --profile-name \S+ --origin-group-name order-api-write --origin-name westus3 --enabled-state Disabled/);
    // Away from the secondary: only the entry (the primary keeps its database, store and bus).
    const secondary = md.slice(md.indexOf('## Failing over away from eastus (secondary)'));
    expect(secondary).toContain('--origin-name eastus --enabled-state Disabled');
    expect(secondary).not.toContain('az sql failover-group set-primary');
    expect(md).not.toContain('<resource_group_name>');
  });

  test('activePassive: the PostgreSQL replica is promoted through the virtual endpoint, and the standby is scaled', () => {
    const md = runbookMarkdown(stacksOf('active-passive'), 'active-passive');
    const replica = nameOf('active-passive', 'active-passive-data', 'azurerm_postgresql_flexible_server', (s) => s.create_mode === 'Replica');
    const endpoint = nameOf('active-passive', 'active-passive-data', 'azurerm_postgresql_flexible_server_virtual_endpoint');
    expect(md).toContain(`PostgreSQL, promote the replica in centralus (the virtual endpoint \`${endpoint}\`'s writer name follows)`);
    expect(md).toMatch(new RegExp(`az postgres flexible-server replica promote --resource-group \\S+ --name ${replica} --promote-mode switchover --promote-option planned\\n`));
    expect(md).toContain('--promote-option forced   # the primary is lost');
    expect(md).toContain('Scale the standby in centralus to full size: set `workloads.standbyActive: true` and deploy its apps stack (`cdktf deploy active-passive-centralus-apps`)');
    expect(md).toMatch(/az aks nodepool update --resource-group \S+ --cluster-name \S+ --name user --update-cluster-autoscaler --min-count 10 --max-count 10/);
  });

  test('regionPinned: no failover commands for data (no copies), only the entry', () => {
    const md = runbookMarkdown(stacksOf('region-pinned'), 'region-pinned');
    expect(md).not.toMatch(/set-primary|replica promote|failover-priority-change|georecovery-alias fail-over/);
    expect(md).toContain('## Failing over away from westeurope (cell)');
  });

  test('a region no other region can replace is not taken out of the entry; failback only where something was disabled', () => {
    const md = runbookMarkdown(stacksOf('zone-redundant'), 'zone-redundant');
    expect(md).toContain('No other region serves `order-api`, `tracking-api`: disabling westus3 there stops the service; wait for the region instead.');
    expect(md).not.toContain('az afd origin update');
    expect(md).not.toContain('Failback:');
  });

  test('the PostgreSQL switchover note: the virtual endpoint is the wrong way round in Terraform afterwards', () => {
    expect(runbookMarkdown(stacksOf('active-passive'), 'active-passive')).toContain("After a switchover the data stack's configuration has source and replica the wrong way round");
  });

  test('Cosmos DB: the write-region change is the planned move only; a lost write region needs a forced failover', () => {
    const md = runbookMarkdown(stacksOf('primary-secondary'), 'primary-secondary');
    expect(md).toMatch(/Cosmos DB `\S+`, planned move of the write region to eastus \(both regions healthy\):/);
    expect(md).toContain('If westus3 is lost, do not change the write region (it does not succeed during an outage): service-managed failover moves it (it can take an hour or more), or perform a forced failover');
  });

  test('Traffic Manager: the region\'s endpoints are disabled for a planned failover', () => {
    const stacks = synthApp((app) => { EXAMPLES['primary-secondary'](app, { entry: { trafficManager: { services: ['order', 'tracking'] } } }); });
    const md = runbookMarkdown(Object.entries(stacks).map(([name, json]) => ({ name, json: json as Loose })), 'primary-secondary');
    expect(md).toMatch(/az network traffic-manager endpoint update --resource-group \S+ --profile-name \S+ --type externalEndpoints --name westus3 --endpoint-status Disabled/);
    expect(md).not.toContain('az afd origin update');
  });
});

describe('runbook: several platforms and names it cannot read', () => {
  const of = (id: string): SynthesizedStack[] => Object.entries(exampleStacks(id)).map(([name, json]) => ({ name, json: JSON.parse(JSON.stringify(json)) }));

  test('each platform\'s runbook names only its own resources when the folder holds several', () => {
    for (const [id, other] of [['zone-redundant', 'primary-secondary'], ['primary-secondary', 'active-active'], ['active-passive', 'region-pinned']]) {
      expect(runbookMarkdown([...of(id), ...of(other)], id)).toBe(runbookMarkdown(of(id), id));
    }
  });

  test('a name held by a resource group is followed; one that is an expression becomes a placeholder', () => {
    const stacks = of('zone-redundant');
    const groups = stacks.flatMap((s) => Object.values((s.json as { resource?: { azurerm_resource_group?: object } }).resource?.azurerm_resource_group ?? {})) as { name: string }[];
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) g.name = '${var.group}';
    const md = runbookMarkdown(stacks, 'zone-redundant');
    expect(md).toContain('<resource_group_name>');
    expect(runbookMarkdown(of('zone-redundant'), 'zone-redundant')).not.toContain('<resource_group_name>');
  });
});
