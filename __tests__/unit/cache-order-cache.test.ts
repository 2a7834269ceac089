import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { MANAGED_REDIS_PORT, OrderCache } from '../../lib/cache/order-cache';
import { OrderCacheProps } from '../../lib/cache/order-cache-types';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { RedundancyPattern } from '../../lib/core/pattern';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { ownGroups, sink } from '../support/standalone';
import { all, StackJson, synthStack, testStack } from '../support/synth';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** lib/cache/order-cache.ts and lib/cache/shapes.ts: each test builds one small OrderCache and at most synthesizes its stack. */

const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']) };
const AP = { pattern: RedundancyPattern.activePassive(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']) };
const AA = { pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3', 'northeurope'], ...ownGroups(['eastus2', 'westus3', 'northeurope']) };
const PINNED = { pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth'], ...ownGroups(['westeurope', 'brazilsouth']) };

function cacheIn(scope: Construct, props: Partial<OrderCacheProps> = {}): OrderCache {
  return new OrderCache(scope, 'Cache', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']), ...props });
}

function build(props: Partial<OrderCacheProps> = {}): { cache: OrderCache; json: StackJson } {
  const stack = testStack();
  const cache = cacheIn(stack, props);
  return { cache, json: synthStack(stack) };
}

/** [prop, value, problem] of every violation the props raise. */
function violations(props: Record<string, unknown>): unknown[][] {
  try {
    cacheIn(testStack(), props as Partial<OrderCacheProps>);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem]);
  }
  throw new Error('accepted');
}

const caches = (json: StackJson) => Object.values(all(json, 'azurerm_managed_redis')) as Loose[];

describe('OrderCache: every cache', () => {
  test.each([
    ['zoneRedundant', {}, ['westus3']],
    ['primarySecondary', PS, ['westus3', 'eastus']],
    ['activePassive', AP, ['westus3', 'eastus']],
    ['activeActive', AA, ['eastus2', 'westus3', 'northeurope']],
    ['regionPinned', PINNED, ['westeurope', 'brazilsouth']],
  ])('%s: one cache per region, high availability, TLS only, private, access keys off, prevent_destroy, tagged', (_, props, regions) => {
    const { cache, json } = build(props);
    const found = caches(json);
    expect(found.map((c) => c.location).sort()).toEqual([...regions].sort());
    expect(cache.instances.map((i) => i.region)).toEqual(regions);
    for (const c of found) {
      expect(c.sku_name).toBe('Balanced_B3');
      expect(c.high_availability_enabled).toBe(true);
      expect(c.public_network_access).toBe('Disabled');
      expect(c.default_database.client_protocol).toBe('Encrypted');
      expect(c.default_database.access_keys_authentication_enabled).toBe(false);
      expect(c.default_database.clustering_policy).toBe('EnterpriseCluster');
      expect(c.default_database.eviction_policy).toBe('AllKeysLRU');
      // A cache is not a system of record: no persistence.
      expect(c.default_database.persistence_append_only_file_backup_frequency).toBeUndefined();
      expect(c.default_database.persistence_redis_database_backup_frequency).toBeUndefined();
      expect(c.lifecycle.prevent_destroy).toBe(true);
      expect(c.tags).toMatchObject({ component: 'order-cache', region: c.location, 'managed-by': 'cdktf-order-platform' });
      expect(c.name).toMatch(new RegExp(`^shop-redis-${c.location}-[0-9a-f]{6}$`));
    }
    expect(cache.instances.every((i) => i.port === MANAGED_REDIS_PORT && i.zoneRedundant)).toBe(true);
  });

  test('RemovalPolicy.DESTROY drops prevent_destroy', () => {
    expect(caches(build({ removalPolicy: RemovalPolicy.DESTROY }).json)[0].lifecycle.prevent_destroy).toBe(false);
  });

  test("metrics from the cluster and connection logs from its database go to the region's workspace", () => {
    const { json } = build(PS);
    const settings = Object.entries(all(json, 'azurerm_monitor_diagnostic_setting')) as [string, Loose][];
    for (const region of ['westus3', 'eastus']) {
      const [[cacheId]] = Object.entries(all(json, 'azurerm_managed_redis')).filter(([, c]) => (c as Record<string, unknown>).location === region);
      const mine = settings.filter(([, s]) => String(s.target_resource_id).startsWith(`\${azurerm_managed_redis.${cacheId}.id}`));
      expect(mine.map(([, s]) => s.target_resource_id).sort()).toEqual([`\${azurerm_managed_redis.${cacheId}.id}`, `\${azurerm_managed_redis.${cacheId}.id}/databases/default`]);
      for (const [, s] of mine) expect(s.log_analytics_workspace_id).toBe(sink(region).workspaceId);
      const cluster = mine.find(([, s]) => !String(s.target_resource_id).endsWith('/databases/default'))![1];
      const database = mine.find(([, s]) => String(s.target_resource_id).endsWith('/databases/default'))![1];
      expect(cluster.enabled_metric).toEqual([{ category: 'AllMetrics' }]);
      expect(database.enabled_log).toEqual([{ category_group: 'allLogs' }]);
    }
  });
});

describe('OrderCache: geo-replication', () => {
  test('activeActive: every cache in one group, linked from the first region to the others', () => {
    const { cache, json } = build(AA);
    const found = Object.entries(all(json, 'azurerm_managed_redis')) as [string, Loose][];
    expect(new Set(found.map(([, c]) => c.default_database.geo_replication_group_name))).toEqual(new Set(['shop-order-cache']));
    const links = Object.values(all(json, 'azurerm_managed_redis_geo_replication')) as Loose[];
    expect(links).toHaveLength(1);
    const id = (region: string) => `\${azurerm_managed_redis.${found.find(([, c]) => c.location === region)![0]}.id}`;
    expect(links[0].managed_redis_id).toBe(id('eastus2'));
    expect([...links[0].linked_managed_redis_ids].sort()).toEqual([id('westus3'), id('northeurope')].sort());
    expect(cache.instances.every((i) => i.geoReplicated)).toBe(true);
  });

  test('activeActive with geoReplication: false: independent caches', () => {
    const { json } = build({ ...AA, geoReplication: false });
    expect(caches(json).map((c) => c.default_database.geo_replication_group_name)).toEqual([undefined, undefined, undefined]);
    expect(all(json, 'azurerm_managed_redis_geo_replication')).toEqual({});
  });

  test.each([['primarySecondary', PS], ['activePassive', AP], ['regionPinned', PINNED]])('%s: independent caches, no group, no link', (_, props) => {
    const { cache, json } = build(props);
    expect(caches(json).every((c) => c.default_database.geo_replication_group_name === undefined)).toBe(true);
    expect(all(json, 'azurerm_managed_redis_geo_replication')).toEqual({});
    expect(cache.geoReplicationLink).toBeUndefined();
  });

  test('a named group', () => {
    const { json } = build({ ...AA, names: { geoReplicationGroup: 'orders-cache' } });
    expect(caches(json).map((c) => c.default_database.geo_replication_group_name)).toEqual(['orders-cache', 'orders-cache', 'orders-cache']);
  });
});

describe('OrderCache: private endpoints', () => {
  test.each([['primarySecondary', PS], ['activeActive', AA]])("%s: each stamp gets an endpoint to its own region's cache only, in the Managed Redis zone", (_, props) => {
    const stack = testStack();
    const cache = cacheIn(stack, props);
    for (const region of props.regions) cache.connect(new RegionalStamp(stack, `Stamp-${region}`, { prefix: 'shop', region, addressIndex: props.regions.indexOf(region), monitoring: sink(region) }));
    const json = synthStack(stack);
    const cacheIds = Object.fromEntries(Object.entries(all(json, 'azurerm_managed_redis')).map(([id, c]) => [`\${azurerm_managed_redis.${id}.id}`, (c as Record<string, unknown>).location]));
    // Besides each stamp's own Key Vault endpoint.
    const endpoints = (Object.values(all(json, 'azurerm_private_endpoint')) as Loose[]).filter((e) => e.name !== 'pe-kv');
    expect(endpoints).toHaveLength(props.regions.length);
    for (const e of endpoints) {
      // The endpoint sits in its stamp's region and reaches the cache of that region.
      expect(cacheIds[e.private_service_connection.private_connection_resource_id]).toBe(e.location);
      expect(e.private_service_connection.subresource_names).toEqual(['redisEnterprise']);
      expect(e.name).toContain(`pe-redis-${e.location}`);
    }
    expect(new Set(endpoints.map((e) => e.location))).toEqual(new Set(props.regions));
    const zones = Object.values(all(json, 'azurerm_private_dns_zone')).map((z) => (z as Record<string, unknown>).name);
    expect(zones.filter((z) => z === 'privatelink.redis.azure.net')).toHaveLength(props.regions.length);
  });
});

describe('OrderCache: Entra ID data access', () => {
  test("grantDataAccess writes, per covered cache, the command that assigns the 'default' access policy to the principal", () => {
    const stack = testStack();
    const cache = cacheIn(stack, PS);
    const identity = new UserAssignedIdentity(stack, 'Order', { name: 'id-order', location: 'westus3', resourceGroupName: 'rg' });
    const grants = cache.grantDataAccess(identity, { regions: ['eastus'] });
    expect(grants.map((g) => g.region)).toEqual(['eastus']);
    const json = synthStack(stack);
    const outputs = Object.values((json as unknown as { output: Record<string, { value: string }> }).output);
    expect(outputs).toHaveLength(1);
    const [[cacheId]] = Object.entries(all(json, 'azurerm_managed_redis')).filter(([, c]) => (c as Record<string, unknown>).location === 'eastus');
    expect(outputs[0].value).toContain(`https://management.azure.com\${azurerm_managed_redis.${cacheId}.id}/databases/default/accessPolicyAssignments/`);
    expect(outputs[0].value).toContain('"accessPolicyName":"default"');
    expect(outputs[0].value).toContain('"objectId":"${azurerm_user_assigned_identity.Order.principal_id}"');
  });
});

describe('OrderCache: bad input', () => {
  test.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an unknown SKU', { sku: 'Premium_P1' }, 'sku', /^Azure Managed Redis SKUs are .*got the string "Premium_P1"/],
    ['a retired Enterprise SKU', { sku: 'Enterprise_E10' }, 'sku', /the Enterprise_\* tiers are retired.*got the string "Enterprise_E10"/],
    ['high availability off in a region with zones', { highAvailability: false }, 'highAvailability', /westus3 has availability zones/],
    ['geo-replication outside activeActive', { ...PS, geoReplication: true }, 'geoReplication', /only activeActive uses/],
    ['a SKU that cannot geo-replicate under activeActive', { ...AA, sku: 'Balanced_B1' }, 'sku', /cannot join an active geo-replication group/],
    ['a cache name with consecutive hyphens', { names: { caches: { westus3: 'shop--cache' } } }, 'names.caches.westus3', /consecutive hyphens/],
    ['a cache name too short', { names: { caches: { westus3: 'ab' } } }, 'names.caches.westus3', /3-63 characters/],
    ['a cache name for a region without a cache', { names: { caches: { eastus: 'shop-cache-east' } } }, 'names.caches.eastus', /only in westus3/],
    ['a group name outside activeActive', { ...PS, names: { geoReplicationGroup: 'orders' } }, 'names.geoReplicationGroup', /would be ignored/],
    ['a bad group name', { ...AA, names: { geoReplicationGroup: '-orders' } }, 'names.geoReplicationGroup', /1-63 letters/],
    ['an unknown prop', { replicas: 2 }, 'replicas', /./],
    ['an unknown eviction policy', { evictionPolicy: 'allkeys-lru' }, 'evictionPolicy', /./],
  ])('%s', (_, props, prop, problem) => {
    const found = violations(props);
    expect(found.map((v) => v[0])).toContain(prop);
    expect(found.filter((v) => v[0] === prop).map((v) => String(v[2])).join(' ')).toMatch(problem);
  });

  test('two caches with one name', () => {
    expect(violations({ ...PS, names: { caches: { westus3: 'shop-cache', eastus: 'SHOP-CACHE' } } }).map((v) => v[0])).toEqual(['names.caches.eastus']);
  });

  test('high availability off is accepted where no region has zones, and then the cache is not zone-redundant', () => {
    const cache = cacheIn(testStack(), { pattern: RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), regions: ['westus3', 'canadaeast'], ...ownGroups(['westus3', 'canadaeast']) });
    expect(cache.instances.map((i) => i.zoneRedundant)).toEqual([true, false]);
    // Off with a zonal region in the list names that region only.
    const found = violations({ pattern: RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), regions: ['westus3', 'canadaeast'], ...ownGroups(['westus3', 'canadaeast']), highAvailability: false });
    expect(found).toEqual([['highAvailability', false, expect.stringMatching(/^westus3 has availability zones/)]]);
  });

  test('cacheFor refuses a region without a cache', () => {
    expect(() => cacheIn(testStack()).cacheFor('eastus')).toThrow(/no cache in this region/);
  });
});

describe('OrderCache: every check with its fix', () => {
  /** [prop, value, problem, fix] of every violation. */
  function refused(props: Record<string, unknown>): unknown[][] {
    try {
      cacheIn(testStack(), props as Partial<OrderCacheProps>);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return e.violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
    }
    return [];
  }
  const SIX = ['eastus2', 'westus3', 'northeurope', 'westeurope', 'japaneast', 'australiaeast'];

  test.each<[string, Record<string, unknown>, unknown[][]]>([
    ['high availability off in two zonal regions', { ...PS, highAvailability: false }, [['highAvailability', false, "westus3, eastus have availability zones, and a cache without high availability is one node in one zone: a zone or node failure empties it and the Order service's reads all reach the database", 'leave highAvailability out (true, zone-redundant where the region has zones)']]],
    ['geo-replication outside activeActive', { ...AP, geoReplication: true }, [['geoReplication', true, "active geo-replication makes every region's cache writable and replicated, which only activeActive uses; under activePassive each serving region has its own cache, and a region that takes over starts cold", 'leave geoReplication out under this pattern']]],
    ['Balanced_B0 under activeActive', { ...AA, sku: 'Balanced_B0' }, [['sku', 'Balanced_B0', 'Balanced_B0 cannot join an active geo-replication group (terraform-provider-azurerm v4.55.0 refuses it at plan)', "use 'Balanced_B3' or larger, or set geoReplication: false"]]],
    ['six geo-replicated regions', { pattern: RedundancyPattern.activeActive(), regions: SIX, ...ownGroups(SIX) }, [['regions', SIX, 'a geo-replication group holds at most 5 caches', 'use at most 5 regions, or set geoReplication: false']]],
    ['a group name outside activeActive', { ...PS, names: { geoReplicationGroup: 'orders' } }, [['names.geoReplicationGroup', 'orders', 'only activeActive geo-replicates its caches, so under primarySecondary the name would be ignored', 'drop names.geoReplicationGroup']]],
    ['a group name ending with a hyphen', { ...AA, names: { geoReplicationGroup: 'orders-' } }, [['names.geoReplicationGroup', 'orders-', 'a geo-replication group name is 1-63 letters, digits and hyphens, starting and ending with a letter or digit, without consecutive hyphens', "use e.g. 'orders-cache'"]]],
    ['a group name with consecutive hyphens', { ...AA, names: { geoReplicationGroup: 'orders--cache' } }, [['names.geoReplicationGroup', 'orders--cache', 'a geo-replication group name is 1-63 letters, digits and hyphens, starting and ending with a letter or digit, without consecutive hyphens', "use e.g. 'orders-cache'"]]],
  ])('%s', (_name, props, expected) => {
    expect(refused(props)).toEqual(expected);
  });

  test('the SKU list and the uniqueness rule are named in their problems', () => {
    expect(String(refused({ sku: 'Premium_P1' })[0][2])).toMatch(/^Azure Managed Redis SKUs are Balanced_B\*, ComputeOptimized_X\*, MemoryOptimized_M\* and FlashOptimized_A\* \(the Enterprise_\* tiers are retired\)/);
    expect(String(refused({ ...PS, names: { caches: { westus3: 'shop-cache', eastus: 'SHOP-CACHE' } } })[0][2])).toContain('Azure Managed Redis names are unique across Azure');
  });

  test('accepted: five geo-replicated regions, a one-character group, a token SKU', () => {
    const five = SIX.slice(0, 5);
    expect(refused({ pattern: RedundancyPattern.activeActive(), regions: five, ...ownGroups(five), names: { geoReplicationGroup: 'o' } })).toEqual([]);
    const token = cacheIn(testStack(), { sku: Token.asString({ Ref: 'sku' }) as never });
    expect(token.instances).toHaveLength(1);
  });

  test('cacheFor: the region\'s cache, or an error naming the regions that have one', () => {
    const cache = cacheIn(testStack(), PS);
    expect(cache.cacheFor('eastus')).toBe(cache.instances[1]);
    expect(cache.caches).toEqual({ westus3: cache.instances[0].cache, eastus: cache.instances[1].cache });
    try {
      cache.cacheFor('northeurope');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect([(e as ValidationError).prop, (e as ValidationError).problem, (e as ValidationError).fix]).toEqual(['region', 'no cache in this region', 'use one of westus3, eastus']);
    }
  });
});

describe('OrderCache: names of what it adds', () => {
  test('the access command\'s assignment name from the grant\'s id, its API version and its description', () => {
    const stack = testStack();
    const cache = cacheIn(stack);
    const [plain] = cache.grantDataAccess({ principalId: '44444444-4444-4444-4444-444444444444' }, { id: 'Order-API_1', scope: stack });
    expect(plain.command).toMatch(/\/databases\/default\/accessPolicyAssignments\/orderapi1\?api-version=2025-07-01' /);
    const [long] = cache.grantDataAccess({ principalId: '44444444-4444-4444-4444-444444444444' }, { id: `L${'x'.repeat(70)}`, scope: stack });
    expect(long.command).toContain(`/accessPolicyAssignments/l${'x'.repeat(59)}?api-version=`);
    const json = synthStack(stack) as unknown as { output: Record<string, { description: string }> };
    expect(Object.keys(json.output).some((k) => k.startsWith('Order-API_1-westus3'))).toBe(true);
    expect(Object.values(json.output)[0].description).toBe(`Creates the access policy assignment that lets a principal use ${cache.node.path}'s westus3 cache with Entra ID: run it once after apply (azurerm v4.55.0 has no resource for it).`);
  });

  test('a grant without an id is refused with the method and the cache role in its fix', () => {
    expect(() => cacheIn(testStack()).grantDataAccess({ principalId: '44444444-4444-4444-4444-444444444444' })).toThrow(/grantDataAccess\(principal, \{ id: 'OrderServiceCacheAccess' \}\)/);
  });

  test('its own resource group per region, and private endpoints named after the cache', () => {
    const stack = testStack();
    const cache = cacheIn(stack);
    cache.connect(new RegionalStamp(stack, 'Stamp-westus3', { prefix: 'shop', region: 'westus3', addressIndex: 0, monitoring: sink('westus3') }));
    const json = synthStack(stack);
    expect((Object.values(all(json, 'azurerm_resource_group')) as Loose[]).map((g) => g.name).filter((n) => /cache/.test(n))).toEqual([expect.stringContaining('cache-westus3')]);
    expect(Object.keys(all(json, 'azurerm_private_endpoint')).some((k) => k.includes('OrderCacheEndpoint-westus3'))).toBe(true);
  });
});
