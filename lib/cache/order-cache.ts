import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack, Token } from 'cdktf';
import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { ManagedRedisGeoReplication } from '@cdktf/provider-azurerm/lib/managed-redis-geo-replication';
import { DataTierEndpoint } from '../common/private-endpoints';
import { PrivateDnsZones } from '../common/private-dns-zones';
import { DataTierConstruct } from '../data-tier/data-tier';
import { ValidationError } from '../core/errors';
import { protect } from '../core/lifecycle';
import { ResourceKind } from '../core/naming';
import { PatternKind, RegionPlacement } from '../core/pattern';
import { checkDistinct, checkRegionNames } from '../core/name-overrides';
import { GrantOptions, grantChildId, grantRegions, IPrincipal, resolveGrant } from '../core/principal';
import { Checks } from '../core/validate';
import { addDiagnostics, diagnose, MANAGED_REDIS_DATABASE_DIAGNOSTICS } from '../monitoring/diagnostics';
import { CacheClusteringPolicy, CacheEvictionPolicy, MANAGED_REDIS_SKUS, ManagedRedisSku, OrderCacheNames, OrderCacheProps } from './order-cache-types';
import { ORDER_CACHE_SHAPE } from './shapes';

/**
 * The port of every Azure Managed Redis database: TLS on 10000 (the provider reads it back as the computed
 * `default_database.port`; the platform needs it at synth time for the services' configuration).
 */
export const MANAGED_REDIS_PORT = 10000;

/** SKUs that cannot join a geo-replication group (internal/services/managedredis/validate/managed_redis_sku.go, SKUsSupportingGeoReplication). */
const NO_GEO_REPLICATION_SKUS: readonly ManagedRedisSku[] = ['Balanced_B0', 'Balanced_B1'];

/** Caches in one geo-replication group: the cache itself and at most 4 linked ones (`linked_managed_redis_ids` MaxItems 4). */
const MAX_GEO_REPLICATED = 5;

/** API version of the access policy assignment in {@link OrderCache.grantDataAccess}'s command (the provider's SDK, redisenterprise/2025-07-01). */
const ACCESS_POLICY_API_VERSION = '2025-07-01';

/** One region's cache and how the Order service reaches it. */
export interface OrderCacheInstance {
  /** The region of the cache (its stamp reaches it through a private endpoint). */
  readonly region: string;
  /** The Azure Managed Redis cluster. */
  readonly cache: ManagedRedis;
  /** Host name (`<name>.<region>.redis.azure.net`), resolved privately in the region's stamp. */
  readonly host: string;
  /** TLS port ({@link MANAGED_REDIS_PORT}). */
  readonly port: number;
  /** Whether high availability spreads the cache over the region's availability zones. */
  readonly zoneRedundant: boolean;
  /** Whether the cache is in the activeActive geo-replication group. */
  readonly geoReplicated: boolean;
}

/** A data-access grant on one region's cache, as a command to run once (see {@link OrderCache.grantDataAccess}). */
export interface OrderCacheAccessGrant {
  /** The region of the cache the grant is on. */
  readonly region: string;
  /** The `az rest` command that creates the access policy assignment. */
  readonly command: string;
  /** The Terraform output holding the command. */
  readonly output: TerraformOutput;
}

/**
 * The Order service's read cache: one Azure Managed Redis cluster per region of the pattern, reached from that region's
 * stamp only, through a private endpoint.
 *
 * Every cache has high availability (a replica of every shard, spread over the region's availability zones), TLS only
 * (client protocol `Encrypted`, TLS 1.2 minimum), public network access off, access keys off (Entra ID only) and its
 * connection logs and metrics in the region's workspace. Under activeActive the caches form one active
 * geo-replication group (every region reads and writes its own, changes reach the others); under every other pattern
 * each region's cache is independent, so a region that takes over starts with a cold cache. A cache is never a
 * system of record: the Order service must treat a miss, an empty cache and a lost region's writes as normal.
 */
export class OrderCache extends DataTierConstruct {
  /** The caches, in region order. */
  public readonly instances: readonly OrderCacheInstance[];
  /** The Azure Managed Redis clusters, by region. */
  public readonly caches: { readonly [region: string]: ManagedRedis };
  /** The active geo-replication link (activeActive with more than one region), on the first region's cache. */
  public readonly geoReplicationLink?: ManagedRedisGeoReplication;
  /** The clustering policy of every cache (a client of `OSSCluster` must be cluster-aware). */
  public readonly clusteringPolicy: CacheClusteringPolicy;

  constructor(scope: Construct, id: string, props: OrderCacheProps) {
    super(scope, id, props, 'order-cache', ORDER_CACHE_SHAPE);
    const settings = this.checkProps(props);
    this.clusteringPolicy = settings.clusteringPolicy;
    this.instances = this.placements.map((placement) => this.buildCache(settings, placement));
    this.caches = Object.fromEntries(this.instances.map((i) => [i.region, i.cache]));
    if (settings.geoGroup !== undefined && this.instances.length > 1) {
      const [first, ...others] = this.instances;
      // One link resource holds the whole group (the provider links and unlinks the databases from the listed
      // clusters: internal/services/managedredis/managed_redis_geo_replication_resource.go).
      this.geoReplicationLink = new ManagedRedisGeoReplication(this.regionScope(first.region), 'GeoReplication', {
        managedRedisId: first.cache.id,
        linkedManagedRedisIds: others.map((o) => o.cache.id),
      });
    }
  }

  /** Every check of the props, reported at once; the settings every cache is built with. */
  private checkProps(props: OrderCacheProps): CacheSettings {
    const checks = new Checks(this);
    const sku = props.sku ?? 'Balanced_B3';
    if (!Token.isUnresolved(sku)) checks.oneOf<string>('sku', sku, MANAGED_REDIS_SKUS, 'Balanced_B3', 'Azure Managed Redis SKUs are Balanced_B*, ComputeOptimized_X*, MemoryOptimized_M* and FlashOptimized_A* (the Enterprise_* tiers are retired)');
    const highAvailability = props.highAvailability ?? true;
    const zonal = this.placements.filter((p) => p.region.availabilityZones).map((p) => p.region.name);
    if (!highAvailability && zonal.length > 0) {
      checks.fail({
        prop: 'highAvailability', value: false,
        problem: `${zonal.join(', ')} ${zonal.length > 1 ? 'have' : 'has'} availability zones, and a cache without high availability is one node in one zone: a zone or node failure empties it and the Order service's reads all reach the database`,
        fix: 'leave highAvailability out (true, zone-redundant where the region has zones)',
      });
    }
    const activeActive = this.pattern.kind === PatternKind.ACTIVE_ACTIVE;
    const geoReplication = props.geoReplication ?? activeActive;
    if (geoReplication && !activeActive) {
      checks.fail({
        prop: 'geoReplication', value: true,
        problem: `active geo-replication makes every region's cache writable and replicated, which only activeActive uses; under ${this.pattern.kind} each serving region has its own cache, and a region that takes over starts cold`,
        fix: 'leave geoReplication out under this pattern',
      });
    }
    const geo = geoReplication && activeActive;
    if (geo && (NO_GEO_REPLICATION_SKUS as readonly string[]).includes(sku)) {
      checks.fail({ prop: 'sku', value: sku, problem: `${sku} cannot join an active geo-replication group (terraform-provider-azurerm v4.55.0 refuses it at plan)`, fix: "use 'Balanced_B3' or larger, or set geoReplication: false" });
    }
    if (geo && this.placements.length > MAX_GEO_REPLICATED) {
      checks.fail({ prop: 'regions', value: this.placements.map((p) => p.region.name), problem: `a geo-replication group holds at most ${MAX_GEO_REPLICATED} caches`, fix: `use at most ${MAX_GEO_REPLICATED} regions, or set geoReplication: false` });
    }
    const names = this.checkNames(checks, props.names ?? {});
    checks.throwIfAny();
    return {
      sku, highAvailability, geoGroup: geo ? names.geoReplicationGroup : undefined, names,
      evictionPolicy: props.evictionPolicy ?? 'AllKeysLRU', clusteringPolicy: props.clusteringPolicy ?? 'EnterpriseCluster',
    };
  }

  /** The cache names: overrides only for the regions the cache covers, each valid and distinct; the group's name. */
  private checkNames(checks: Checks, names: OrderCacheNames): { readonly caches: { readonly [region: string]: string }; readonly geoReplicationGroup: string } {
    const caches = checkRegionNames(checks, 'names.caches', names.caches, this.placements.map((p) => p.region.name), ResourceKind.MANAGED_REDIS);
    checkDistinct(checks, Object.entries(caches).map(([region, name]) => [`names.caches.${region}`, name] as const), 'Azure Managed Redis names are unique across Azure');
    const group = names.geoReplicationGroup ?? `${this.naming.prefix}-order-cache`;
    if (names.geoReplicationGroup !== undefined) {
      if (this.pattern.kind !== PatternKind.ACTIVE_ACTIVE) {
        checks.fail({ prop: 'names.geoReplicationGroup', value: group, problem: `only activeActive geo-replicates its caches, so under ${this.pattern.kind} the name would be ignored`, fix: 'drop names.geoReplicationGroup' });
      } else if (!Token.isUnresolved(group) && (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(group) || group.includes('--'))) {
        // internal/services/managedredis/validate/managed_redis_database_georeplication_group_name.go
        checks.fail({ prop: 'names.geoReplicationGroup', value: group, problem: 'a geo-replication group name is 1-63 letters, digits and hyphens, starting and ending with a letter or digit, without consecutive hyphens', fix: "use e.g. 'orders-cache'" });
      }
    }
    return { caches, geoReplicationGroup: group };
  }

  /** Builds one region's cache: high availability, TLS only, private, Entra ID only; its diagnostics. */
  private buildCache(settings: CacheSettings, placement: RegionPlacement): OrderCacheInstance {
    const region = placement.region.name;
    const scope = this.regionScope(region);
    const cache = new ManagedRedis(scope, 'Cache', {
      name: this.naming.name(scope, ResourceKind.MANAGED_REDIS, { qualifier: region, override: settings.names.caches[region], prop: `names.caches.${region}` }),
      location: region,
      resourceGroupName: this.resourceGroupName(region),
      // ForceNew: sku_name, high_availability_enabled (internal/services/managedredis/managed_redis_resource.go).
      skuName: settings.sku,
      highAvailabilityEnabled: settings.highAvailability,
      publicNetworkAccess: 'Disabled',
      defaultDatabase: {
        // TLS only (the provider sets the cluster's minimum TLS version to 1.2 on create) and Entra ID only.
        clientProtocol: 'Encrypted',
        accessKeysAuthenticationEnabled: false,
        clusteringPolicy: settings.clusteringPolicy,
        evictionPolicy: settings.evictionPolicy,
        // No persistence: a cache is not a system of record (and persistence conflicts with geo-replication).
        ...(settings.geoGroup !== undefined ? { geoReplicationGroupName: settings.geoGroup } : {}),
      },
      tags: { ...this.tags, region },
    });
    protect(cache, this.removalPolicy);
    // Metrics from the cluster, connection logs (who connected, authentication failures) from its database.
    diagnose(scope, 'CacheDiagnostics', 'azurerm_managed_redis', cache.id, this.monitoring(region));
    addDiagnostics(scope, 'CacheDatabaseDiagnostics', { support: MANAGED_REDIS_DATABASE_DIAGNOSTICS, targetResourceId: cache.id, workspaceId: this.monitoring(region).workspaceId, logs: this.monitoring(region).diagnosticLogs });
    return { region, cache, host: cache.hostname, port: MANAGED_REDIS_PORT, zoneRedundant: settings.highAvailability && placement.region.availabilityZones, geoReplicated: settings.geoGroup !== undefined };
  }

  /**
   * Gives a principal data access ("default" access policy: read and write, no administrative commands) to the caches.
   *
   * terraform-provider-azurerm v4.55.0 has no resource for Managed Redis access policy assignments
   * (`azurerm_managed_redis_access_policy_assignment` arrived in v4.60.0), so this returns, and writes as a Terraform
   * output in the grant's stack, the `az rest` command that creates the assignment: run it once after apply, as a
   * principal allowed to write the cache (Owner or Contributor on it). Until then the Order service's Entra ID tokens
   * are refused (access keys are off).
   *
   * @param grantee - a `UserAssignedIdentity` (or another construct with a `principalId`), or `{ principalId }`
   * @param options - where the outputs go (e.g. the region stack that owns the workload identity), their construct IDs
   * (required `id` for a grantee that is not a construct), and which regions' caches (`regions`; default all)
   * @returns the commands, one per cache
   */
  public grantDataAccess(grantee: IPrincipal, options?: GrantOptions): OrderCacheAccessGrant[] {
    const method = 'grantDataAccess';
    const grant = resolveGrant(this, method, grantee, options, 'CacheAccess');
    const covers = grantRegions(this, method, options, this.instances.map((i) => i.region));
    const stack = TerraformStack.of(grant.scope);
    // An assignment name of letters and digits: the grant's construct ID.
    const assignment = grant.id.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 60) || 'access';
    return this.instances.filter((i) => covers(i.region)).map(({ region, cache }) => {
      const url = `https://management.azure.com${cache.id}/databases/default/accessPolicyAssignments/${assignment}?api-version=${ACCESS_POLICY_API_VERSION}`;
      const body = `{"properties":{"accessPolicyName":"default","user":{"objectId":"${grant.principalId}"}}}`;
      const command = `az rest --method put --url '${url}' --body '${body}'`;
      const output = new TerraformOutput(stack, grantChildId(this, method, { ...grant, scope: stack }, region), {
        value: command,
        description: `Creates the access policy assignment that lets a principal use ${this.node.path}'s ${region} cache with Entra ID: run it once after apply (azurerm v4.55.0 has no resource for it).`,
      });
      return { region, command, output };
    });
  }

  /** The cache of a region. */
  public cacheFor(region: string): OrderCacheInstance {
    const instance = this.instances.find((i) => i.region === region);
    if (!instance) throw new ValidationError({ scope: this, prop: 'region', value: region, problem: 'no cache in this region', fix: `use one of ${this.instances.map((i) => i.region).join(', ')}` });
    return instance;
  }

  /** The private endpoints: one per cache, created only in the stamp of the cache's region. */
  public get privateEndpoints(): readonly DataTierEndpoint[] {
    return this.instances.map(({ region, cache }) => ({
      key: region, qualifier: `redis-${region}`, resourceId: cache.id, subresource: 'redisEnterprise', zone: PrivateDnsZones.MANAGED_REDIS, region,
    }));
  }

  /** @internal */
  protected get regionLocal(): boolean {
    return true;
  }

  /** @internal */
  protected get resourceGroupQualifier(): string {
    return 'cache';
  }

  /** @internal */
  protected get endpointIdPrefix(): string {
    return 'OrderCache';
  }
}

/** The props of an OrderCache after validation. */
interface CacheSettings {
  readonly sku: string;
  readonly highAvailability: boolean;
  readonly evictionPolicy: CacheEvictionPolicy;
  readonly clusteringPolicy: CacheClusteringPolicy;
  /** The geo-replication group (activeActive), else undefined. */
  readonly geoGroup?: string;
  readonly names: ReturnType<OrderCache['checkNames']>;
}
