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
   * workload identities of the services. Keys become part of construct IDs, so keep them stable.
   * @default - none
   */
  readonly dataContributors?: { readonly [key: string]: string };
}
