import type { RegionPlacement } from '../core/pattern';
import type { Tags } from '../core/tags';
import type { RegionalStamp } from '../stamp/regional-stamp';

// The props of FailoverDrills, apart from the construct so that the props' run-time shape can name them without
// importing it.

/**
 * A failure a drill causes:
 * - `zoneLoss`: one availability zone's AKS nodes (system and user pool) shut down in a region;
 * - `regionLoss`: a region cut off: its AKS nodes accept no inbound connection, its private endpoints (the data tier
 *   as the region reaches it) accept none either, and each Cosmos DB account written there fails over to its next
 *   region;
 * - `keyVaultLoss`: a region's Key Vault unreachable from the region (its private endpoint refuses connections);
 * - `eventBusLoss`: a region's Service Bus `order-events` topic disabled (publishers and the tracking consumer fail).
 */
export type DrillScenario = 'zoneLoss' | 'regionLoss' | 'keyVaultLoss' | 'eventBusLoss';

/** Every scenario, in the order the drills stack creates them. */
export const DRILL_SCENARIOS: readonly DrillScenario[] = ['zoneLoss', 'regionLoss', 'keyVaultLoss', 'eventBusLoss'];

/** The failover drills of a platform (see the README's "Failover drills"). */
export interface FailoverDrillsOptions {
  /**
   * How long each fault lasts, in minutes (5-60): at least the alerts' 5-minute windows, so the alerts a drill
   * expects can fire. Chaos Studio restores the resources when the time is up or the run is cancelled.
   * @default 10
   */
  readonly durationMinutes?: number;
  /** The availability zone a `zoneLoss` drill shuts down. @default '1' */
  readonly zone?: '1' | '2' | '3';
  /**
   * Which scenarios get experiments. `regionLoss` needs two regions or cells, `zoneLoss` a region with availability
   * zones, `eventBusLoss` the Service Bus transport.
   * @default - every scenario the platform supports
   */
  readonly scenarios?: DrillScenario[];
}

/** A Cosmos DB account a region-loss drill fails over (the tracking store's accounts). */
export interface DrillCosmosAccount {
  /** The account's resource ID. */
  readonly id: string;
  /** Its regions in failover-priority order (the first writes). */
  readonly regions: readonly string[];
  /** Whether every region writes (no failover to cause). */
  readonly multiRegionWrites: boolean;
}

/** A Service Bus topic an event-bus drill disables (the event bus's `order-events` topic in a region's namespace). */
export interface DrillServiceBusTopic {
  /** The region of the namespace. */
  readonly region: string;
  /** The namespace's resource ID. */
  readonly namespaceId: string;
  /** The topic's name. */
  readonly topicName: string;
}

/** Props of `FailoverDrills`. */
export interface FailoverDrillsProps extends FailoverDrillsOptions {
  /** Name prefix (the platform's). */
  readonly prefix: string;
  /** The platform's regions as its pattern placed them. */
  readonly placements: readonly RegionPlacement[];
  /** The regional stamps, by region. */
  readonly stamps: { readonly [region: string]: RegionalStamp };
  /** The tracking store's Cosmos DB accounts. @default - none */
  readonly cosmosAccounts?: readonly DrillCosmosAccount[];
  /** The event bus's topics (Service Bus transport). @default - none */
  readonly serviceBusTopics?: readonly DrillServiceBusTopic[];
  /** Tags of the drills' resource group. */
  readonly tags?: Tags;
}
