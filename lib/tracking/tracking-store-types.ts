import { IPrincipal } from '../core/principal';
import { DataTierProps } from '../data-tier/data-tier';

// The props of TrackingStore, apart from the construct so that the props' run-time shape (shapes.ts) can name them
// without importing it.

/** Cosmos DB consistency levels. */
export type ConsistencyLevel = 'Strong' | 'BoundedStaleness' | 'Session' | 'ConsistentPrefix' | 'Eventual';

/** Cosmos DB backup policy. */
export type TrackingBackup = 'continuous7Days' | 'continuous30Days' | 'periodic';

/** The `deliveries` container. */
export interface DeliveriesContainerOptions {
  /** Container name. @default 'deliveries' */
  readonly name?: string;
  /** Partition key path. @default '/orderId' */
  readonly partitionKeyPath?: string;
  /** Autoscale maximum RU/s (1000 or more, in steps of 1000). @default 4000 */
  readonly maxThroughput?: number;
  /**
   * Time to live of delivery documents in seconds (`-1`: on, no default expiry).
   * @default - off (documents never expire)
   */
  readonly defaultTtlSeconds?: number;
}

/**
 * Name overrides of {@link TrackingStore}, to adopt existing resources or follow a naming convention. Each is checked
 * against Azure's rules for the resource; a name for a resource the store does not create is an error, not ignored.
 * The database and the deliveries container are named by `databaseName` and `deliveries.name`.
 */
export interface TrackingStoreNames {
  /**
   * The Cosmos DB account, by its home region: the first region, or each cell's region under regionPinned (globally
   * unique, 3-44 lower-case letters, digits and hyphens).
   * @default - `<prefix>-cosmos-<region>-<hash>`
   */
  readonly cosmosAccounts?: { readonly [region: string]: string };
  /** The change-feed processor's lease container. @default 'leases' */
  readonly leasesContainer?: string;
}

/** Props of {@link TrackingStore}. */
export interface TrackingStoreProps extends DataTierProps {
  /**
   * Consistency level. Strong cannot be combined with multi-region writes (activeActive).
   * @default 'Session'
   */
  readonly consistency?: ConsistencyLevel;
  /**
   * Backup: continuous (point-in-time restore) or periodic. Continuous backup cannot be combined with multi-region
   * writes, so activeActive accounts use periodic, geo-redundant backups.
   * @default - 'periodic' under activeActive, 'continuous7Days' otherwise
   */
  readonly backup?: TrackingBackup;
  /** NoSQL database name. @default 'tracking' */
  readonly databaseName?: string;
  /** The `deliveries` container. @default - see `DeliveriesContainerOptions` */
  readonly deliveries?: DeliveriesContainerOptions;
  /** Autoscale maximum RU/s of the change-feed `leases` container. @default 1000 */
  readonly leasesMaxThroughput?: number;
  /**
   * Principals (by a stable key) granted "Cosmos DB Built-in Data Contributor" on the tracking database: the
   * workload identities of the services, as a `UserAssignedIdentity` or `{ principalId: '<Entra ID object ID>' }`. Keys
   * become part of construct IDs, so keep them stable.
   * @default - none
   */
  readonly dataContributors?: { readonly [key: string]: IPrincipal };
  /** Name overrides of the resources the store creates. @default - generated names (see `TrackingStoreNames`) */
  readonly names?: TrackingStoreNames;
}
