import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { transformSync } from '@swc/core';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { EventTransport, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps, PlatformBackend, RedundancyPattern, RegionRole, ValidationError } from '../lib';
import { pathHash } from '../lib/core/naming';
import { EXAMPLES } from '../examples';
import { exampleStacks } from './support/examples';
import { addresses, all, forService, only, StackJson, synthApp } from './support/synth';
import { stripCovered } from './support/invariants';
import { replaceForcingAttributes, replacementContract, STATEFUL_TYPES } from './support/transitions';

const CONTRACTS = join(__dirname, 'contracts');
const EXAMPLE_DIR = join(__dirname, '..', 'examples');

/** Deletes a provider attribute path (`backup.type`) from a resource, through lists of blocks. */
function removeAttribute(value: unknown, path: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) removeAttribute(v, path);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  if (path.length === 1) delete object[path[0]];
  else removeAttribute(object[path[0]], path.slice(1));
}

/** Example files, by platform id (= file name). */
const exampleFiles = readdirSync(EXAMPLE_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));

describe('examples', () => {
  test('every example file is registered under its file name, and every registered id has a file', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(exampleFiles.sort());
  });

  describe.each(exampleFiles)('%s', (id) => {
    const stacks = exampleStacks(id);

    test('its header says when to choose it, what it costs, what fails over how, and names every stack it synthesizes', () => {
      const header = /^\/\*\*\n([\s\S]*?)\n \*\//.exec(readFileSync(join(EXAMPLE_DIR, `${id}.ts`), 'utf8'))?.[1].replace(/^ \* ?/gm, '').replace(/\n/g, ' ') ?? '';
      for (const paragraph of ['Choose it when ', 'What it costs: ', 'What fails over how: ', 'Monitoring, in its own stack: ']) expect(header).toContain(paragraph);
      const listed = [...(/ Stacks: (.*)$/.exec(header)?.[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
      expect(listed.sort()).toEqual(Object.keys(stacks).sort());
    });

    test('every stack name begins with the example id', () => {
      expect(Object.keys(stacks).length).toBeGreaterThan(1);
      for (const name of Object.keys(stacks)) expect(name.startsWith(`${id}-`)).toBe(true);
      expect(Object.keys(stacks)).toContain(`${id}-data`);
    });

    test('names and replacement contract: every stateful resource\'s name and replace-forcing values match the committed list', () => {
      const actual = replacementContract(stacks).join('\n') + '\n';
      const file = join(CONTRACTS, `${id}.names.txt`);
      if (process.env.UPDATE_CONTRACTS === '1' && !process.env.CI) writeFileSync(file, actual);
      expect(existsSync(file)).toBe(true);
      // A changed name or replace-forcing value replaces a database, an account or a namespace: update the file on
      // purpose, with `UPDATE_CONTRACTS=1 npx jest`, and call the change out in CHANGELOG.md.
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });

    test('run as a program (the app of a project it was copied into), the file synthesizes the same stacks on its own', () => {
      const outdir = mkdtempSync(join(tmpdir(), `order-platform-${id}-`));
      const previous = process.env.CDKTF_OUTDIR;
      process.env.CDKTF_OUTDIR = outdir;
      try {
        const code = transformSync(readFileSync(join(EXAMPLE_DIR, `${id}.ts`), 'utf8'), { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code;
        const module = { exports: {} };
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const load = Object.assign((name: string) => require(name), { main: module });
        new Function('require', 'exports', 'module', code)(load, module.exports, module);
        const written = readdirSync(join(outdir, 'stacks')).sort();
        expect(written).toEqual(Object.keys(stacks).sort());
        for (const stack of written) {
          const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson;
          expect(addresses({ [stack]: json })).toEqual(addresses({ [stack]: stacks[stack] }));
        }
      } finally {
        if (previous === undefined) delete process.env.CDKTF_OUTDIR;
        else process.env.CDKTF_OUTDIR = previous;
        rmSync(outdir, { recursive: true, force: true });
      }
    });

    test('address contract: the sorted Terraform addresses match the committed list', () => {
      const actual = addresses(stacks).join('\n') + '\n';
      const file = join(CONTRACTS, `${id}.txt`);
      if (process.env.UPDATE_CONTRACTS === '1' && !process.env.CI) writeFileSync(file, actual);
      expect(existsSync(file)).toBe(true);
      // A changed address replaces a resource (a database, a cluster): update the file on purpose, with
      // `UPDATE_CONTRACTS=1 npx jest`, and call the change out in CHANGELOG.md.
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  });
});

describe('zone-redundant example', () => {
  const stacks = exampleStacks('zone-redundant');
  const region = stacks['zone-redundant-westus3'];
  const data = stacks['zone-redundant-data'];

  test('snapshot of what no invariant or contract pins (backend paths made machine-independent, the cdktf or CDK Terrain version stamp left out)', () => {
    // Left out: every attribute an invariant pins (invariants.test.ts, on every example), every stateful resource's
    // replace-forcing attributes (the names contract) and cdktf's per-resource metadata (construct path and logical ID:
    // the address contract). A `jest -u` can accept a change of what is left; it cannot accept a changed default.
    const rest = stripCovered('zone-redundant', stacks);
    for (const json of Object.values(rest)) {
      for (const [type, byId] of Object.entries(json.resource)) {
        for (const resource of Object.values(byId)) {
          delete resource['//'];
          if (STATEFUL_TYPES.includes(type)) for (const attribute of replaceForcingAttributes(type)) removeAttribute(resource, attribute.split('.'));
        }
      }
    }
    const normalized = JSON.parse(JSON.stringify(rest).split(process.cwd()).join('<project>'));
    for (const stack of Object.values(normalized) as { '//': { metadata: { version: string } } }[]) {
      expect(stack['//'].metadata.version).toMatch(/^0\.\d+\.\d+$/);
      stack['//'].metadata.version = '<cdktf version>';
    }
    expect(normalized).toMatchSnapshot();
  });

  test('the data stack owns the regional workspace and Application Insights, retained on destroy', () => {
    expect(only(data, 'azurerm_log_analytics_workspace')).toMatchObject({ location: 'westus3', lifecycle: { prevent_destroy: true } });
    expect(only(data, 'azurerm_application_insights').workspace_id).toMatch(/azurerm_log_analytics_workspace\./);
    expect(only(data, 'azurerm_resource_group').name).toMatch(/^ordzr-rg-data-westus3-[0-9a-f]{6}$/);
    expect(all(region, 'azurerm_log_analytics_workspace')).toEqual({});
  });

  test('the stamp reports to the data stack workspace through a cross-stack reference', () => {
    const cluster = only(region, 'azurerm_kubernetes_cluster');
    expect(cluster.oms_agent.log_analytics_workspace_id).toMatch(/^\$\{data\.terraform_remote_state\.[^.]+\.outputs\.[^}]+\}$/);
    const outputName = cluster.oms_agent.log_analytics_workspace_id.match(/outputs\.([^}]+)\}/)[1];
    expect(data.output?.[outputName].value).toMatch(/azurerm_log_analytics_workspace\..*\.id/);
  });

  test('zone-redundant stamp with the AKS and Key Vault defaults', () => {
    const cluster = only(region, 'azurerm_kubernetes_cluster');
    expect(cluster.default_node_pool.zones).toEqual(['1', '2', '3']);
    expect(only(region, 'azurerm_kubernetes_cluster_node_pool').zones).toEqual(['1', '2', '3']);
    expect(cluster).toMatchObject({ sku_tier: 'Standard', local_account_disabled: true, oidc_issuer_enabled: true, workload_identity_enabled: true, azure_policy_enabled: true });
    expect(only(region, 'azurerm_key_vault')).toMatchObject({ purge_protection_enabled: true, public_network_access_enabled: false });
  });

  test('each stack configures the azurerm provider with safe features and pins the provider version', () => {
    for (const json of Object.values(stacks) as StackJson[]) {
      expect(json.terraform.required_providers.azurerm.version).toBe('4.55.0');
    }
    const provider = (region as unknown as { provider: { azurerm: { features: object[] }[] } }).provider.azurerm[0];
    expect(provider.features).toEqual([{ key_vault: [{ purge_soft_delete_on_destroy: false, recover_soft_deleted_key_vaults: true }], resource_group: [{ prevent_deletion_if_contains_resources: true }], storage: [{ data_plane_available: false }] }]);
  });

  test('outputs for operators', () => {
    // Operator outputs (cross-stack outputs for the edge stack aside).
    expect(Object.keys(region.output ?? {}).filter((k) => !k.startsWith('cross-stack-output-')).sort()).toEqual(['ClusterName', 'KeyVaultUri', 'OidcIssuerUrl', 'OrderDbAccess-westus3', 'ResourceGroupName']);
  });
});

describe('database examples', () => {
  test('primary-secondary: SQL failover group in the data stack, private endpoints to both servers in each stamp', () => {
    const stacks = exampleStacks('primary-secondary');
    const data = stacks['primary-secondary-data'];
    const group = only(data, 'azurerm_mssql_failover_group');
    expect(group.read_write_endpoint_failover_policy).toEqual({ mode: 'Automatic', grace_minutes: 60 });
    expect(Object.values(all(data, 'azurerm_mssql_server')).map((s) => s.location).sort()).toEqual(['eastus', 'westus3']);
    // The servers live in the data stack's per-region resource groups.
    for (const server of Object.values(all(data, 'azurerm_mssql_server'))) expect(server.resource_group_name).toMatch(/^\$\{azurerm_resource_group\.(westus3|eastus)_ResourceGroup_/);
    for (const region of ['westus3', 'eastus']) {
      const endpoints = Object.values(all(stacks[`primary-secondary-${region}`], 'azurerm_private_endpoint')).filter((e) => e.private_service_connection.subresource_names[0] === 'sqlServer');
      expect(endpoints).toHaveLength(2);
      for (const e of endpoints) expect(e.private_service_connection.private_connection_resource_id).toMatch(/^\$\{data\.terraform_remote_state\./);
    }
    expect(Object.keys(data.output ?? {})).toEqual(expect.arrayContaining(['OrderDb-westus3-ReadWriteHost', 'OrderDb-westus3-ReadOnlyHost']));
  });

  test('active-passive: PostgreSQL HA primary, replica and virtual endpoint; both stamps reach both servers', () => {
    const stacks = exampleStacks('active-passive');
    const data = stacks['active-passive-data'];
    const servers = Object.values(all(data, 'azurerm_postgresql_flexible_server'));
    expect(servers.map((s) => [s.location, s.create_mode ?? 'Default', s.high_availability?.mode ?? 'none']).sort()).toEqual([['centralus', 'Replica', 'none'], ['eastus2', 'Default', 'ZoneRedundant']]);
    expect(only(data, 'azurerm_postgresql_flexible_server_virtual_endpoint').type).toBe('ReadWrite');
    for (const region of ['eastus2', 'centralus']) {
      const endpoints = Object.values(all(stacks[`active-passive-${region}`], 'azurerm_private_endpoint')).filter((e) => e.private_service_connection.subresource_names[0] === 'postgresqlServer');
      expect(endpoints).toHaveLength(2);
    }
  });
});

describe('tracking store and event bus in the examples', () => {
  test('primary-secondary: one Cosmos account over both regions and a geo-DR alias; every stamp reaches both, and its own cache', () => {
    const stacks = exampleStacks('primary-secondary');
    const data = stacks['primary-secondary-data'];
    expect(only(data, 'azurerm_cosmosdb_account').geo_location.map((g: { location: string }) => g.location)).toEqual(['westus3', 'eastus']);
    expect(Object.values(all(data, 'azurerm_servicebus_namespace')).map((n) => n.location).sort()).toEqual(['eastus', 'westus3']);
    expect(only(data, 'azurerm_servicebus_namespace_disaster_recovery_config').name).toMatch(/^ordps-sbns-alias-westus3-/);
    for (const region of ['westus3', 'eastus']) {
      const subresources = Object.values(all(stacks[`primary-secondary-${region}`], 'azurerm_private_endpoint')).map((e) => e.private_service_connection.subresource_names[0]).sort();
      // ... and its own region's cache (Azure Managed Redis), not the other region's.
      expect(subresources).toEqual(['Sql', 'namespace', 'namespace', 'redisEnterprise', 'sqlServer', 'sqlServer', 'vault']);
    }
    expect(Object.keys(data.output ?? {})).toEqual(expect.arrayContaining(['Tracking-westus3-Endpoint', 'EventBus-westus3-Host', 'EventBus-eastus-Host']));
  });

  test('region-pinned: each cell\'s stamp reaches and is granted only its own cell\'s data (no path across residencies)', () => {
    const stacks = exampleStacks('region-pinned');
    const cells = ['westeurope', 'eastus2'];
    for (const cell of cells) {
      const other = cells.find((c) => c !== cell)!;
      const stamp = stacks[`region-pinned-${cell}`];
      const endpoints = Object.values(all(stamp, 'azurerm_private_endpoint'));
      expect(endpoints.map((e) => e.private_service_connection.subresource_names[0]).sort()).toEqual(['Sql', 'namespace', 'postgresqlServer', 'vault']);
      const targets = [
        ...endpoints.map((e) => e.private_service_connection.private_connection_resource_id as string),
        ...Object.values(all(stamp, 'azurerm_role_assignment')).map((r) => r.scope as string),
        ...Object.values(all(stamp, 'azurerm_cosmosdb_sql_role_assignment')).map((r) => r.scope as string),
      ];
      const dataTargets = targets.filter((t) => t.includes('region-pinned-data'));
      // The PostgreSQL server, the Cosmos DB account, the namespace; the sender, receiver and data contributor roles.
      expect(dataTargets).toHaveLength(6);
      expect(dataTargets.filter((t) => !t.includes(`_${cell}_`) || t.includes(`_${other}_`))).toEqual([]);
    }
  });

  test('active-passive uses the Event Grid option: a topic per region, reached from every stamp', () => {
    const stacks = exampleStacks('active-passive');
    expect(Object.values(all(stacks['active-passive-data'], 'azurerm_eventgrid_topic')).map((t) => t.location).sort()).toEqual(['centralus', 'eastus2']);
    expect(all(stacks['active-passive-data'], 'azurerm_servicebus_namespace')).toEqual({});
    const topicEndpoints = Object.values(all(stacks['active-passive-eastus2'], 'azurerm_private_endpoint')).filter((e) => e.private_service_connection.subresource_names[0] === 'topic');
    expect(topicEndpoints).toHaveLength(2);
    // Deployable as written: no subscription on the first deploy (Event Grid would validate a webhook that Front Door
    // serves only after the Private Link approvals).
    for (const json of Object.values(stacks)) expect(all(json, 'azurerm_eventgrid_event_subscription')).toEqual({});
    // The tracking service learns the webhook path it must serve.
    expect(forService(stacks['active-passive-eastus2-apps'], 'kubernetes_config_map_v1', 'tracking-api')[0].data.EVENTS_WEBHOOK_PATH).toBe('/tracking/events');
  });

  test('turning subscribe on adds the subscriptions in the edge stack, to the webhook under the tracking route of the platform\'s own Front Door', () => {
    const stacks = synthApp((app) => EXAMPLES['active-passive'](app, { eventBus: { transport: EventTransport.eventGrid({ subscribe: true }) } }));
    expect(all(stacks['active-passive-data'], 'azurerm_eventgrid_event_subscription')).toEqual({});
    const subscriptions = Object.values(all(stacks['active-passive-edge'], 'azurerm_eventgrid_event_subscription'));
    expect(subscriptions).toHaveLength(2);
    for (const sub of subscriptions) {
      expect(sub.scope).toMatch(/terraform_remote_state/);
      expect(sub.webhook_endpoint.url).toMatch(/^https:\/\/\$\{azurerm_cdn_frontdoor_endpoint\.[^}]+\.host_name\}\/tracking\/events$/);
    }
    // The Front Door route of the tracking service matches that path.
    const route = Object.values(all(stacks['active-passive-edge'], 'azurerm_cdn_frontdoor_route')).find((r) => r.name === 'tracking-api');
    expect(route.patterns_to_match).toContain('/tracking/*');
  });
});

describe('global entry in the examples', () => {
  test.each(exampleFiles)('%s: Front Door Premium with WAF in the edge stack, origins in every region over Private Link', (id) => {
    const stacks = exampleStacks(id);
    const edge = stacks[`${id}-edge`];
    expect(only(edge, 'azurerm_cdn_frontdoor_profile').sku_name).toBe('Premium_AzureFrontDoor');
    expect(only(edge, 'azurerm_cdn_frontdoor_firewall_policy').mode).toBe('Prevention');
    const regions = Object.keys(stacks).filter((s) => s !== `${id}-data` && s !== `${id}-edge` && s !== `${id}-observability` && s !== `${id}-drills` && !s.endsWith('-apps')).map((s) => s.slice(id.length + 1));
    const originRegions = new Set(Object.values(all(edge, 'azurerm_cdn_frontdoor_origin')).map((o) => o.name));
    expect([...originRegions].sort()).toEqual(regions.sort());
    // Private Link Services are looked up in each stamp's node resource group, through cross-stack references.
    const privateLinkServices = Object.values(edge.data?.azurerm_private_link_service ?? {});
    expect(privateLinkServices).toHaveLength(regions.length * 2);
    for (const pls of privateLinkServices) expect(pls.resource_group_name).toMatch(/terraform_remote_state/);
    expect(Object.keys(edge.output ?? {})).toEqual(expect.arrayContaining(['FrontDoorHostName', 'PrivateLinkServicesToApprove']));
    // Every log (access, health-probe, WAF) and metric goes to the primary region's workspace in the data stack.
    const diagnostics = only(edge, 'azurerm_monitor_diagnostic_setting');
    expect([diagnostics.enabled_log, diagnostics.enabled_metric]).toEqual([[{ category_group: 'allLogs' }], [{ category: 'AllMetrics' }]]);
    expect(diagnostics.log_analytics_workspace_id).toMatch(/terraform_remote_state/);
  });
});

describe('MultiRegionOrderPlatform', () => {
  const base: MultiRegionOrderPlatformProps = { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['eastus2', 'centralus'] };

  test('one stamp stack per region, each with its own address block, role and workspace', () => {
    const stacks = synthApp((app) => new MultiRegionOrderPlatform(app, 'shop', base));
    // No workloads and no entry: no edge stack (its Private Link origins would not exist).
    expect(Object.keys(stacks).sort()).toEqual(['shop-centralus', 'shop-data', 'shop-eastus2', 'shop-observability']);
    expect(only(stacks['shop-eastus2'], 'azurerm_virtual_network').address_space).toEqual(['10.100.0.0/20']);
    expect(only(stacks['shop-centralus'], 'azurerm_virtual_network').address_space).toEqual(['10.100.16.0/20']);
    expect(only(stacks['shop-eastus2'], 'azurerm_kubernetes_cluster').tags['region-role']).toBe(RegionRole.PRIMARY);
    expect(only(stacks['shop-centralus'], 'azurerm_kubernetes_cluster').tags['region-role']).toBe(RegionRole.SECONDARY);
    expect(Object.values(all(stacks['shop-data'], 'azurerm_log_analytics_workspace')).map((w) => w.location).sort()).toEqual(['centralus', 'eastus2']);
  });

  test('globally unique names differ between regions and platforms', () => {
    const stacks = synthApp((app) => {
      new MultiRegionOrderPlatform(app, 'shop', base);
      new MultiRegionOrderPlatform(app, 'shop2', base);
    });
    const vaults = Object.values(stacks).flatMap((s) => Object.values(all(s, 'azurerm_key_vault')).map((v) => v.name));
    expect(vaults).toHaveLength(4);
    expect(new Set(vaults).size).toBe(4);
  });

  test('azurerm backend: one state key per stack, Entra ID auth', () => {
    const stacks = synthApp((app) => new MultiRegionOrderPlatform(app, 'shop', {
      ...base,
      backend: PlatformBackend.azurerm({ resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate01', keyPrefix: 'orders/' }),
    }));
    expect(stacks['shop-data'].terraform.backend.azurerm).toMatchObject({ key: 'orders/shop-data.tfstate', container_name: 'tfstate', use_azuread_auth: true });
    expect(stacks['shop-eastus2'].terraform.backend.azurerm.key).toBe('orders/shop-eastus2.tfstate');
  });

  test.each<[string, Partial<MultiRegionOrderPlatformProps>, string]>([
    ['wrong region count', { regions: ['eastus2'] }, 'shop: invalid regions ["eastus2"]: primarySecondary takes exactly 2 regions (primary, secondary), got 1'],
    ['duplicate regions', { regions: ['eastus2', 'eastus2'] }, "region 'eastus2' is listed twice"],
    ['typo in a region', { regions: ['eastus2', 'central-us'] }, "shop: invalid regions[1] \"central-us\""],
    ['bad prefix', { prefix: 'my-shop' }, 'shop: invalid prefix "my-shop"'],
    ['too-small address space', { addressPlan: { addressSpace: '10.0.0.0/21' } }, 'shop: invalid addressPlan.addressSpace "10.0.0.0/21": too small'],
    ['overlapping pod range', { addressPlan: { addressSpace: '10.0.0.0/16', podCidr: '10.0.128.0/17' } }, 'shop: invalid addressPlan.podCidr "10.0.128.0/17": overlaps the VNet address space'],
    ['node counts below the minimum', { kubernetes: { systemPool: { minCount: 1 } } }, 'shop-eastus2/Stamp: invalid kubernetes.systemPool.minCount 1'],
    ['bad state storage account', { backend: PlatformBackend.azurerm({ resourceGroupName: 'rg', storageAccountName: 'St-State' }) }, 'shop: invalid backend.storageAccountName "St-State"'],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ['a pattern that is not one', { pattern: 'activeActive' as any }, 'shop: invalid pattern "activeActive": expected a RedundancyPattern (e.g. RedundancyPattern.zoneRedundant()), got the string'],
  ])('rejects %s', (_label, props, message) => {
    const build = () => new MultiRegionOrderPlatform(Testing.app(), 'shop', { ...base, ...props });
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(message);
  });

  test('rejects a bad platform id and a platform inside a stack', () => {
    expect(() => new MultiRegionOrderPlatform(Testing.app(), 'Shop_1', base)).toThrow('Shop_1: invalid id "Shop_1"');
    const stack = new TerraformStack(Testing.app(), 'existing');
    expect(() => new MultiRegionOrderPlatform(stack, 'shop', base)).toThrow('existing/shop: invalid scope "existing": the platform creates its own stacks and cannot live inside a stack');
  });

  test('rejects a second platform whose stacks would take names the app already has', () => {
    const app = Testing.app();
    new MultiRegionOrderPlatform(new Construct(app, 'team-a'), 'shop', base);
    expect(() => new MultiRegionOrderPlatform(new Construct(app, 'team-b'), 'shop', base))
      .toThrow("team-b/shop: invalid id \"shop\": the app already has a construct named 'shop-data' (shop-data), and stack names must be unique in an app. Fix: give each platform of the app its own id");
  });
});

describe('stacks cdktf deploy can order', () => {
  // cdktf-cli matches each stack's manifest dependencies against stack names (@cdktf/cli-core
  // src/lib/helpers/stack-helpers.js): a dependency that names no stack stops `cdktf deploy '<id>-*'` with "dependencies
  // are not included in the stacks to run", as it did while the stacks were children of the platform construct.
  const outdir = mkdtempSync(join(tmpdir(), 'order-platform-manifest-'));
  let manifest: { stacks: Record<string, { name: string; constructPath: string; dependencies: string[] }> };
  let names: Record<string, string> = {};
  beforeAll(() => {
    try {
      const app = new App({ outdir });
      // Inside a wrapper construct, as a team that groups its platforms would write it.
      const platform = EXAMPLES['primary-secondary'](new Construct(app, 'team'));
      app.synth();
      manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
      names = Object.fromEntries([platform.dataStack, ...Object.values(platform.regionStacks)].map((s) => [s.node.id, s.node.path]));
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('every dependency is the name of a stack of the app', () => {
    const stackNames = Object.values(manifest.stacks).map((s) => s.name);
    // data, two stamps, two apps, edge, observability and drills.
    expect(stackNames.length).toBe(8);
    for (const stack of Object.values(manifest.stacks)) {
      for (const dependency of stack.dependencies) expect(stackNames).toContain(dependency);
    }
  });

  test('the stacks are the App\'s children whatever scope the platform has, so construct path = stack name', () => {
    for (const stack of Object.values(manifest.stacks)) expect(stack.constructPath).toBe(stack.name);
    expect(names['primary-secondary-data']).toBe('primary-secondary-data');
  });

  test('deploy order: data, then each region, then its apps stack, then the edge, then observability', () => {
    const deps = (name: string) => [...manifest.stacks[name].dependencies].sort();
    expect(deps('primary-secondary-data')).toEqual([]);
    expect(deps('primary-secondary-westus3')).toEqual(['primary-secondary-data']);
    expect(deps('primary-secondary-westus3-apps')).toEqual(['primary-secondary-data', 'primary-secondary-westus3']);
    expect(deps('primary-secondary-edge')).toEqual(expect.arrayContaining(['primary-secondary-data', 'primary-secondary-eastus', 'primary-secondary-westus3']));
    // Observability last: after the data, region and edge stacks whose resources it watches.
    expect(deps('primary-secondary-observability')).toEqual(['primary-secondary-data', 'primary-secondary-eastus', 'primary-secondary-edge', 'primary-secondary-westus3']);
  });

  test('Azure names hash the path under the platform (<platform path>/<stack>/...), as when the stacks were its children', () => {
    // The names contracts (contracts/*.names.txt) stayed byte-identical through the move; here the rule itself.
    const inWrapper = synthApp((app) => EXAMPLES['zone-redundant'](new Construct(app, 'team')));
    const vault = only(inWrapper['zone-redundant-westus3'], 'azurerm_key_vault');
    expect(vault.name).toBe(`ordzr-kv-westus3-${pathHash('team/zone-redundant/zone-redundant-westus3/Stamp')}`);
    expect(vault.name).not.toBe(`ordzr-kv-westus3-${pathHash('zone-redundant-westus3/Stamp')}`);
  });
});
