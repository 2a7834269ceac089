import { IConstruct } from 'constructs';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
// cdktf's resolver, the one synth runs (not exported from the package's index).
import { resolve as cdktfResolve } from 'cdktf/lib/_tokens';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { MultiRegionOrderPlatform } from '../../lib/platform/multi-region-order-platform';
import { MultiRegionOrderPlatformProps } from '../../lib/platform/multi-region-order-platform-types';
import { checkSynthesized } from '../../lib/rules/rule-pack';
import { all, StackJson, synthApp } from '../support/synth';

/**
 * The platform's `cache` prop (lib/platform/multi-region-order-platform.ts, buildCache and workloadConfig): the
 * caches in the data stack, each reached from its own region's stamp, the Order service's configuration, its access
 * command and its network path. Each test builds at most one platform.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const IMAGES = { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } };
const ENTRY = { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } } };
const AA: MultiRegionOrderPlatformProps = { prefix: 'shop', pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'centralus'], workloads: IMAGES, entry: ENTRY, cache: {} };
const PS: MultiRegionOrderPlatformProps = { ...AA, pattern: RedundancyPattern.primarySecondary() };

function resolve(scope: IConstruct, value: unknown): unknown {
  return cdktfResolve(TerraformStack.of(scope), value);
}

/** The private endpoints to a Managed Redis cache under `scope`. */
function cacheEndpoints(scope: IConstruct): PrivateEndpoint[] {
  return scope.node.findAll().filter((c): c is PrivateEndpoint => c instanceof PrivateEndpoint
    && (c.privateServiceConnectionInput as { subresourceNames: string[] }).subresourceNames[0] === 'redisEnterprise');
}

function error(build: () => unknown): ValidationError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('accepted');
}

let synthesized: Record<string, StackJson> | undefined;
/** The activeActive platform with a cache, synthesized once (the rule pack runs at synth: its errors would throw). */
function activeActive(): Record<string, StackJson> {
  synthesized ??= synthApp((app) => { new MultiRegionOrderPlatform(app, 'shop', AA); });
  return synthesized;
}

/** The rule pack's findings on a copy of the activeActive stacks after `edit`, as `<rule> <stack> <message>`. */
function findingsAfter(edit: (stacks: Record<string, Loose>) => void): string[] {
  const copy = JSON.parse(JSON.stringify(activeActive()));
  edit(copy);
  return checkSynthesized(Object.entries(copy).map(([name, json]) => ({ name, json: json as Loose }))).findings
    .filter((f) => f.address.startsWith('azurerm_managed_redis')).map((f) => `${f.ruleId} ${f.stack} ${f.message}`);
}

describe('the platform cache', () => {
  test.each([['activeActive', AA, true], ['primarySecondary', PS, false]])('%s: a cache per region in the data stack, each reached from its own stamp only; geo-replicated: %s', (_, props, geo) => {
    const p = new MultiRegionOrderPlatform(Testing.app(), 'shop', props);
    const cache = p.cache!;
    expect(cache.node.path).toBe('shop-data/OrderCache');
    expect(cache.instances.map((i) => i.region)).toEqual(['eastus2', 'centralus']);
    expect(cache.geoReplicationLink !== undefined).toBe(geo);
    for (const region of ['eastus2', 'centralus']) {
      // The caches live in the region's data resource group.
      expect(resolve(cache, cache.caches[region].resourceGroupNameInput)).toBe(resolve(cache, p.regionalData[region].resourceGroup.name));
      const endpoints = cacheEndpoints(p.regionStacks[region]);
      expect(endpoints).toHaveLength(1);
      const target = (endpoints[0].privateServiceConnectionInput as { privateConnectionResourceId: string }).privateConnectionResourceId;
      // The endpoint's target is this region's cache (a cross-stack reference to its ID).
      expect(resolve(cache, target)).toBe(resolve(cache, cache.caches[region].id));
      expect(resolve(endpoints[0], endpoints[0].subnetIdInput)).toBe(resolve(endpoints[0], p.stamps[region].network.privateEndpointsSubnet.id));
    }
    const outputs = p.dataStack.node.children.filter((c): c is TerraformOutput => c instanceof TerraformOutput).map((o) => o.node.id).filter((id) => id.startsWith('OrderCache-'));
    expect(outputs).toEqual(['OrderCache-eastus2-Host', 'OrderCache-centralus-Host']);
  });

  test("the Order service's ConfigMap names its own region's cache; its NetworkPolicy reaches the stamp's private endpoints; the access command is an output of the region stack", () => {
    const stacks = activeActive();
    for (const region of ['eastus2', 'centralus']) {
      const apps = stacks[`shop-${region}-apps`];
      const maps = Object.values(all(apps, 'kubernetes_config_map_v1')) as Loose[];
      const order = maps.find((m) => m.metadata.name === 'order-api-config');
      const tracking = maps.find((m) => m.metadata.name === 'tracking-api-config');
      expect(order.data.ORDER_CACHE_PORT).toBe('10000');
      expect(order.data.ORDER_CACHE_CLUSTERING_POLICY).toBe('EnterpriseCluster');
      expect(order.data.ORDER_CACHE_HOST).toMatch(/^\$\{.*\}$/);
      // The host is this region's cache's, through the data stack's output of it.
      expect(order.data.ORDER_CACHE_HOST).toContain(region);
      expect(Object.keys(tracking.data).filter((k) => k.startsWith('ORDER_CACHE'))).toEqual([]);
      const subnet = Object.values(all(stacks[`shop-${region}`], 'azurerm_subnet')).find((s: Loose) => s.name === 'snet-private-endpoints') as Loose;
      const policy = (Object.values(all(apps, 'kubernetes_network_policy_v1')) as Loose[]).find((n) => n.metadata.name === 'order-api');
      expect(policy.spec.egress).toContainEqual({ to: [{ ip_block: { cidr: subnet.address_prefixes[0] } }] });
      const endpoint = (Object.values(all(stacks[`shop-${region}`], 'azurerm_private_endpoint')) as Loose[]).find((e) => e.private_service_connection.subresource_names[0] === 'redisEnterprise');
      expect(endpoint.subnet_id).toMatch(/azurerm_subnet\..*PrivateEndpointsSubnet/);
      const command = Object.entries(stacks[`shop-${region}`].output ?? {}).find(([id]) => id.startsWith('OrderCacheAccess'));
      expect(command).toBeDefined();
      expect((command![1] as { value: string }).value).toMatch(/^az rest --method put --url 'https:\/\/management\.azure\.com\$\{.*\}\/databases\/default\/accessPolicyAssignments\/ordercacheaccess\?api-version=2025-07-01'/);
    }
    // Geo-replication in the data stack: one group, one link.
    const caches = Object.values(all(stacks['shop-data'], 'azurerm_managed_redis')) as Loose[];
    expect(caches.map((c) => c.default_database.geo_replication_group_name)).toEqual(['shop-order-cache', 'shop-order-cache']);
    expect(Object.keys(all(stacks['shop-data'], 'azurerm_managed_redis_geo_replication'))).toHaveLength(1);
  });

  test('errors name the platform prop: cache.<prop>', () => {
    const geo = error(() => new MultiRegionOrderPlatform(Testing.app(), 'shop', { ...PS, cache: { geoReplication: true } }));
    expect([geo.constructPath, geo.prop, geo.value]).toEqual(['shop-data/OrderCache', 'cache.geoReplication', true]);
    const sku = error(() => new MultiRegionOrderPlatform(Testing.app(), 'shop', { ...PS, cache: { sku: 'Premium_P1' as Loose } }));
    expect([sku.constructPath, sku.prop, sku.value]).toEqual(['shop-data/OrderCache', 'cache.sku', 'Premium_P1']);
    const unknown = error(() => new MultiRegionOrderPlatform(Testing.app(), 'shop', { ...PS, cache: { prefix: 'other' } as Loose }));
    expect(unknown.prop).toBe('cache.prefix');
  });

  test('the rule pack: no finding as built; a missing endpoint from its own stamp, prevent_destroy off, a missing diagnostic setting each found', () => {
    expect(findingsAfter(() => undefined)).toEqual([]);
    const redis = (stack: Loose, region: string): Loose => Object.values(stack.resource.azurerm_managed_redis).find((c: Loose) => c.location === region);
    expect(findingsAfter((stacks) => {
      const endpoints = stacks['shop-eastus2'].resource.azurerm_private_endpoint;
      for (const [id, e] of Object.entries(endpoints) as [string, Loose][]) if (e.private_service_connection.subresource_names[0] === 'redisEnterprise') delete endpoints[id];
    })).toEqual([expect.stringMatching(/^OP-PLT-003 shop-data no private endpoint from stamp stack\(s\) shop-eastus2$/)]);
    expect(findingsAfter((stacks) => { redis(stacks['shop-data'], 'centralus').lifecycle.prevent_destroy = false; })).toEqual([expect.stringMatching(/^OP-PLT-001 shop-data /)]);
    expect(findingsAfter((stacks) => {
      const settings = stacks['shop-data'].resource.azurerm_monitor_diagnostic_setting;
      for (const [id, s] of Object.entries(settings) as [string, Loose][]) if (String(s.target_resource_id).startsWith('${azurerm_managed_redis.') && String(id).includes('centralus')) delete settings[id];
    })).toEqual([expect.stringMatching(/^OP-PLT-002 shop-data /)]);
  });
});
