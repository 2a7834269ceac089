import { DATA_TIER_ENTRIES } from '../data-tier/shapes';
import { PRINCIPAL_SHAPE } from '../core/principal';
import { opt, shapes, strictShape } from '../core/validate';
import type { ConsistencyLevel, DeliveriesContainerOptions, TrackingBackup, TrackingStoreNames, TrackingStoreProps } from './tracking-store-types';

// Internal: the run-time shape of the tracking store props (not exported from the package).

const CONSISTENCY_LEVELS: readonly ConsistencyLevel[] = ['Strong', 'BoundedStaleness', 'Session', 'ConsistentPrefix', 'Eventual'];
const TRACKING_BACKUPS: readonly TrackingBackup[] = ['continuous7Days', 'continuous30Days', 'periodic'];

const DELIVERIES_SHAPE = strictShape<DeliveriesContainerOptions>({ name: opt(shapes.string()), partitionKeyPath: opt(shapes.string()), maxThroughput: opt(shapes.number()), defaultTtlSeconds: opt(shapes.number()) });

const NAMES_SHAPE = strictShape<TrackingStoreNames>({
  cosmosAccounts: opt(shapes.map(shapes.string(), 'an object of region names to account names')), leasesContainer: opt(shapes.string()),
});

/** The tracking store's own props (beside the data-tier ones). */
export const TRACKING_STORE_ENTRIES = {
  consistency: opt(shapes.oneOf(CONSISTENCY_LEVELS)), backup: opt(shapes.oneOf(TRACKING_BACKUPS)), databaseName: opt(shapes.string()),
  deliveries: opt(DELIVERIES_SHAPE), leasesMaxThroughput: opt(shapes.number()),
  dataContributors: opt(shapes.map(PRINCIPAL_SHAPE, 'an object of keys to principals, e.g. { DeliveryTracking: identity }')), names: opt(NAMES_SHAPE),
};

export const TRACKING_STORE_SHAPE = strictShape<TrackingStoreProps>({ ...DATA_TIER_ENTRIES, ...TRACKING_STORE_ENTRIES });
