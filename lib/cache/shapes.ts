import { DATA_TIER_ENTRIES } from '../data-tier/shapes';
import { opt, shapes, strictShape } from '../core/validate';
import type { CacheClusteringPolicy, CacheEvictionPolicy, OrderCacheNames, OrderCacheProps } from './order-cache-types';

// Internal: the run-time shape of the order cache props (not exported from the package).

export const EVICTION_POLICIES: readonly CacheEvictionPolicy[] = ['AllKeysLRU', 'AllKeysLFU', 'AllKeysRandom', 'VolatileLRU', 'VolatileLFU', 'VolatileRandom', 'VolatileTTL', 'NoEviction'];
export const CLUSTERING_POLICIES: readonly CacheClusteringPolicy[] = ['EnterpriseCluster', 'OSSCluster'];

const NAMES_SHAPE = strictShape<OrderCacheNames>({
  caches: opt(shapes.map(shapes.string(), 'an object of region names to cache names')), geoReplicationGroup: opt(shapes.string()),
});

/** The order cache's own props (beside the data-tier ones). The SKU is checked by the construct (it suggests one). */
export const ORDER_CACHE_ENTRIES = {
  sku: opt(shapes.string()), highAvailability: opt(shapes.boolean()), evictionPolicy: opt(shapes.oneOf(EVICTION_POLICIES)),
  clusteringPolicy: opt(shapes.oneOf(CLUSTERING_POLICIES)), geoReplication: opt(shapes.boolean()), names: opt(NAMES_SHAPE),
};

export const ORDER_CACHE_SHAPE = strictShape<OrderCacheProps>({ ...DATA_TIER_ENTRIES, ...ORDER_CACHE_ENTRIES });
