import { runbookMarkdown } from '../../lib/insight/runbook';
import { SynthesizedStack } from '../../lib/rules/synthesized';
import { exampleStacks } from '../support/examples';
import { synthApp } from '../support/synth';
import { EXAMPLES } from '../../examples';
import { DatabaseEngine } from '../../lib/database/engine';

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
    // One command per Traffic Manager profile, each naming its own profile and only the lost region's endpoint.
    const away = section(md, 'westus3');
    const profiles = Object.values<Loose>(Object.values<Loose>(stacks).flatMap((s) => Object.values<Loose>(s.resource?.azurerm_traffic_manager_profile ?? {}))).map((p) => p.name);
    expect(profiles).toHaveLength(2);
    const commands = away.split('\n').filter((l) => l.startsWith('az network traffic-manager endpoint update'));
    expect(commands).toEqual(profiles.map((p) => expect.stringContaining(`--profile-name ${p} --type externalEndpoints --name westus3 --endpoint-status Disabled`)));
    expect(away).toContain('For a planned failover, take the region out of Traffic Manager first (clients follow once their cached DNS answers expire):\n\n```sh\naz network');
    expect(section(md, 'eastus')).not.toContain('--name westus3');
    expect(away).toMatch(/--endpoint-status Disabled\n```\n\n[A-Z]/);
  });

  test('activeActive with PostgreSQL: each cell\'s section promotes only the replicas of that cell\'s server', () => {
    const stacks = synthApp((app) => {
      EXAMPLES['active-active'](app, { database: { engine: DatabaseEngine.postgresql({ version: '16', skuName: 'GP_Standard_D4ds_v5' }), administrator: { objectId: '00000000-0000-0000-0000-000000000000', name: 'sg-order-db-admins' } } });
    }) as Record<string, Loose>;
    const md = runbookMarkdown(Object.entries(stacks).map(([name, json]) => ({ name, json })), 'active-active');
    const servers = Object.values<Loose>(stacks).flatMap((s) => Object.entries<Loose>(s.resource?.azurerm_postgresql_flexible_server ?? {}));
    for (const region of ['westus3', 'eastus2', 'centralus']) {
      const [primary] = servers.filter(([, s]) => s.create_mode !== 'Replica' && s.location === region);
      const own = servers.filter(([, s]) => s.create_mode === 'Replica' && String(s.source_server_id).includes(`.${primary[0]}.`)).map(([, s]) => s.name).sort();
      expect(own).toHaveLength(2);
      const promoted = [...section(md, region).matchAll(/replica promote --resource-group \S+ --name (\S+) --promote-mode switchover --promote-option planned/g)].map((m) => m[1]).sort();
      expect(promoted).toEqual(own);
    }
  });

  test('Traffic Manager: a profile whose every endpoint is in the region is left alone (disabling it stops the service)', () => {
    const stacks = synthApp((app) => { EXAMPLES['primary-secondary'](app, { entry: { trafficManager: { services: ['order', 'tracking'] } } }); }) as Record<string, Loose>;
    for (const s of Object.values(stacks)) for (const [k, e] of Object.entries<Loose>(s.resource?.azurerm_traffic_manager_external_endpoint ?? {})) if (e.endpoint_location === 'eastus') delete s.resource.azurerm_traffic_manager_external_endpoint[k];
    const md = runbookMarkdown(Object.entries(stacks).map(([name, json]) => ({ name, json })), 'primary-secondary');
    expect(md).not.toContain('traffic-manager endpoint update');
  });
});

/** The section of a runbook about failing over away from a region. */
function section(md: string, region: string): string {
  const start = md.indexOf(`## Failing over away from ${region} (`);
  expect(start).toBeGreaterThan(0);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

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

  const all = (stacks: SynthesizedStack[], type: string): Loose[] => stacks.flatMap((s) => Object.values<Loose>((s.json as Loose).resource?.[type] ?? {}));

  test('a literal resource group name is used as it is; an expression that names no resource becomes a placeholder', () => {
    const stacks = of('zone-redundant');
    const [cluster] = all(stacks, 'azurerm_kubernetes_cluster');
    cluster.resource_group_name = 'rg-literal';
    expect(runbookMarkdown(stacks, 'zone-redundant')).toContain(`az aks show --resource-group rg-literal --name ${cluster.name} --query`);
    cluster.resource_group_name = '${var.group}';
    const md = runbookMarkdown(stacks, 'zone-redundant');
    expect(md).toContain(`az aks show --resource-group <resource_group_name> --name ${cluster.name} --query`);
    expect(md).not.toContain('${');
  });

  test('an untagged resource in the stack of the platform\'s Front Door profile is not the platform\'s (only Front Door resources are taken from there)', () => {
    const stacks = of('zone-redundant');
    const edge = stacks.find((s) => s.name === 'zone-redundant-edge')!.json as Loose;
    edge.resource.azurerm_kubernetes_cluster = { Stray: { name: 'stray-cluster', location: 'westus3', resource_group_name: 'rg-stray' } };
    expect(runbookMarkdown(stacks, 'zone-redundant')).not.toContain('stray-cluster');
  });

  test('Front Door origins are found by their Private Link region, or by their name where they have none', () => {
    const renamed = of('primary-secondary');
    for (const o of all(renamed, 'azurerm_cdn_frontdoor_origin')) o.name = `origin-${String(o.private_link.location)}`;
    expect(section(runbookMarkdown(renamed, 'primary-secondary'), 'westus3')).toMatch(/--origin-group-name order-api-write --origin-name origin-westus3 --enabled-state Disabled/);
    // The Private Link location decides, even without the construct path.
    for (const o of all(renamed, 'azurerm_cdn_frontdoor_origin')) delete o['//'];
    expect(section(runbookMarkdown(renamed, 'primary-secondary'), 'westus3')).toMatch(/--origin-group-name order-api-write --origin-name origin-westus3 --enabled-state Disabled/);
    const publicOrigins = of('primary-secondary');
    for (const o of all(publicOrigins, 'azurerm_cdn_frontdoor_origin')) delete o.private_link;
    expect(runbookMarkdown(publicOrigins, 'primary-secondary')).toBe(runbookMarkdown(of('primary-secondary'), 'primary-secondary'));
    // Public origins renamed (names.frontDoorOrigins): the region comes from the construct ID, which keeps it.
    const renamedPublic = of('primary-secondary');
    for (const o of all(renamedPublic, 'azurerm_cdn_frontdoor_origin')) {
      delete o.private_link;
      o.name = o.name === 'westus3' ? 'aks-primary' : 'aks-secondary';
    }
    expect(section(runbookMarkdown(renamedPublic, 'primary-secondary'), 'westus3')).toMatch(/--origin-group-name order-api-write --origin-name aks-primary --enabled-state Disabled/);
    expect(section(runbookMarkdown(renamedPublic, 'primary-secondary'), 'westus3')).not.toContain('aks-secondary');
    // Without the metadata (stacks written by other tools), the name is the region.
    const bare = of('primary-secondary');
    for (const o of all(bare, 'azurerm_cdn_frontdoor_origin')) {
      delete o.private_link;
      delete o['//'];
    }
    expect(runbookMarkdown(bare, 'primary-secondary')).toBe(runbookMarkdown(of('primary-secondary'), 'primary-secondary'));
  });

  test('an origin disabled in the other region does not count: the region is the group\'s only one and stays in', () => {
    const stacks = of('primary-secondary');
    for (const o of all(stacks, 'azurerm_cdn_frontdoor_origin')) if (o.name === 'eastus') o.enabled = false;
    const away = section(runbookMarkdown(stacks, 'primary-secondary'), 'westus3');
    expect(away).not.toContain('az afd origin update');
    expect(away).toContain('No other region serves `order-api`, `order-api-write`, `tracking-api`, `tracking-api-write`: disabling westus3 there stops the service; wait for the region instead.');
  });

  test('Cosmos DB: the write region is the location of lowest failover priority, whatever the order of geo_location', () => {
    const stacks = of('primary-secondary');
    for (const a of all(stacks, 'azurerm_cosmosdb_account')) a.geo_location.reverse();
    expect(runbookMarkdown(stacks, 'primary-secondary')).toBe(runbookMarkdown(of('primary-secondary'), 'primary-secondary'));
  });

  test('Cosmos DB without automatic failover: the forced failover is the only way out of a lost write region', () => {
    const stacks = of('primary-secondary');
    for (const a of all(stacks, 'azurerm_cosmosdb_account')) a.automatic_failover_enabled = false;
    expect(runbookMarkdown(stacks, 'primary-secondary')).toContain('If westus3 is lost, do not change the write region (it does not succeed during an outage): automatic failover is off, so perform a forced failover');
  });

  test('PostgreSQL without a virtual endpoint: the replica is promoted, and no endpoint is named', () => {
    const stacks = of('active-passive');
    for (const s of stacks) delete (s.json as Loose).resource?.azurerm_postgresql_flexible_server_virtual_endpoint;
    const md = runbookMarkdown(stacks, 'active-passive');
    expect(md).toContain('PostgreSQL, promote the replica in centralus: planned waits for the replica to catch up; forced does not (up to 5 min of writes may be lost):');
    expect(md).not.toContain('virtual endpoint `');
  });

  test('the standby is scaled in its own cluster; without a user node pool, only the deploy step is given', () => {
    const stacks = of('active-passive');
    const standby = all(stacks, 'azurerm_kubernetes_cluster').find((c) => c.location === 'centralus');
    // Reversed, so the active region's cluster comes first.
    expect(runbookMarkdown([...stacks].reverse(), 'active-passive')).toMatch(new RegExp(`az aks nodepool update --resource-group \\S+ --cluster-name ${standby.name} --name user `));
    for (const s of stacks) delete (s.json as Loose).resource?.azurerm_kubernetes_cluster_node_pool;
    const md = runbookMarkdown(stacks, 'active-passive');
    expect(md).toContain('Scale the standby in centralus to full size');
    expect(md).not.toContain('az aks nodepool update');
  });
});
