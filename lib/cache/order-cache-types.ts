import { DataTierProps } from '../data-tier/data-tier';

// The props of OrderCache, apart from the construct so that the props' run-time shape (shapes.ts) can name them
// without importing it.

/**
 * Azure Managed Redis SKUs terraform-provider-azurerm v4.55.0 accepts (`sku_name`,
 * internal/services/managedredis/validate/managed_redis_sku.go: the SDK's values without the retired `Enterprise_*` and
 * `EnterpriseFlash_*`). The number is the memory in GB (`Balanced_B0`: 0.5 GB).
 */
export const MANAGED_REDIS_SKUS = [
  'Balanced_B0', 'Balanced_B1', 'Balanced_B3', 'Balanced_B5', 'Balanced_B10', 'Balanced_B20', 'Balanced_B50', 'Balanced_B100', 'Balanced_B150',
  'Balanced_B250', 'Balanced_B350', 'Balanced_B500', 'Balanced_B700', 'Balanced_B1000',
  'ComputeOptimized_X3', 'ComputeOptimized_X5', 'ComputeOptimized_X10', 'ComputeOptimized_X20', 'ComputeOptimized_X50', 'ComputeOptimized_X100',
  'ComputeOptimized_X150', 'ComputeOptimized_X250', 'ComputeOptimized_X350', 'ComputeOptimized_X500', 'ComputeOptimized_X700',
  'FlashOptimized_A250', 'FlashOptimized_A500', 'FlashOptimized_A700', 'FlashOptimized_A1000', 'FlashOptimized_A1500', 'FlashOptimized_A2000', 'FlashOptimized_A4500',
  'MemoryOptimized_M10', 'MemoryOptimized_M20', 'MemoryOptimized_M50', 'MemoryOptimized_M100', 'MemoryOptimized_M150', 'MemoryOptimized_M250',
  'MemoryOptimized_M350', 'MemoryOptimized_M500', 'MemoryOptimized_M700', 'MemoryOptimized_M1000', 'MemoryOptimized_M1500', 'MemoryOptimized_M2000',
] as const;

/** An Azure Managed Redis SKU (see {@link MANAGED_REDIS_SKUS}). */
export type ManagedRedisSku = (typeof MANAGED_REDIS_SKUS)[number];

/** Which keys Redis evicts when the cache is full (`default_database.eviction_policy`). */
export type CacheEvictionPolicy = 'AllKeysLRU' | 'AllKeysLFU' | 'AllKeysRandom' | 'VolatileLRU' | 'VolatileLFU' | 'VolatileRandom' | 'VolatileTTL' | 'NoEviction';

/**
 * How clients reach the shards (`default_database.clustering_policy`): `EnterpriseCluster`, one endpoint that routes
 * every command (any Redis client); `OSSCluster`, the Redis Cluster protocol (a cluster-aware client, higher throughput).
 */
export type CacheClusteringPolicy = 'EnterpriseCluster' | 'OSSCluster';

/**
 * Name overrides of {@link OrderCache}, to adopt existing caches or follow a naming convention. Each is checked against
 * Azure's rules; a name for a region the cache does not cover is an error, not ignored.
 */
export interface OrderCacheNames {
  /**
   * The Azure Managed Redis cluster of each region (3-63 letters, digits and hyphens, no `--`).
   * @default - `<prefix>-redis-<region>-<hash>`
   */
  readonly caches?: { readonly [region: string]: string };
  /**
   * The active geo-replication group (activeActive only; 1-63 letters, digits and hyphens, no `--`).
   * @default - `<prefix>-order-cache`
   */
  readonly geoReplicationGroup?: string;
}

/** Props of {@link OrderCache}. */
export interface OrderCacheProps extends DataTierProps {
  /**
   * The SKU of every region's cache (all caches of a geo-replication group must have the same one). `Balanced_B0` and
   * `Balanced_B1` cannot join a geo-replication group.
   * @default 'Balanced_B3'
   */
  readonly sku?: ManagedRedisSku;
  /**
   * High availability: a replica of every shard on another node, spread across the region's availability zones where
   * it has them. Off only in a region without zones (a throw-away environment); a region with zones refuses it.
   * ForceNew: changing it replaces the caches.
   * @default true
   */
  readonly highAvailability?: boolean;
  /**
   * Which keys Redis evicts when memory is full. The default evicts any key, least recently used first, so a read
   * cache whose keys have no TTL keeps accepting writes; `Volatile*` evicts only keys with a TTL.
   * @default 'AllKeysLRU'
   */
  readonly evictionPolicy?: CacheEvictionPolicy;
  /**
   * The clustering policy. Changing it deletes and recreates the database (its data is lost; the provider says so in
   * internal/services/managedredis/managed_redis_resource.go, Update).
   * @default 'EnterpriseCluster'
   */
  readonly clusteringPolicy?: CacheClusteringPolicy;
  /**
   * Active geo-replication between the regions' caches: activeActive only, where it is the default. Other patterns
   * get one independent cache per region (a failover reaches a cold cache). Only set at creation: turning it on or off
   * later deletes and recreates every database.
   * @default - true under activeActive, false otherwise
   */
  readonly geoReplication?: boolean;
  /** Name overrides. @default - generated names (see `OrderCacheNames`) */
  readonly names?: OrderCacheNames;
}
