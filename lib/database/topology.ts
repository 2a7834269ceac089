import { Construct } from 'constructs';
import { RemovalPolicy } from '../core/lifecycle';
import { Naming } from '../core/naming';
import { activeActivePartner, PatternKind, RedundancyPattern, RegionPlacement } from '../core/pattern';
import { Tags } from '../core/tags';
import { IRegionalMonitoring } from '../monitoring/regional-monitoring';
import type { DatabaseAdministrator, DatabaseCell, DatabaseServerEndpoint } from './active-passive-database-types';

// Internal: the shared shape of the SQL and PostgreSQL builders (not exported from the package).

/** Everything an engine builder needs, already validated. */
export interface DatabaseBuildContext {
  readonly scope: Construct;
  readonly naming: Naming;
  readonly pattern: RedundancyPattern;
  readonly placements: readonly RegionPlacement[];
  readonly plans: readonly CellPlan[];
  readonly databaseName: string;
  readonly administrator: Required<DatabaseAdministrator>;
  readonly tenantId: string;
  readonly removalPolicy: RemovalPolicy;
  readonly tags: Tags;
  /** Region scope (a construct keyed by region name) for a region's resources. */
  regionScope(region: string): Construct;
  resourceGroupName(region: string): string;
  monitoring(region: string): IRegionalMonitoring;
  /** Why geo-redundant backups are not allowed for a region (no pair, or a pair outside the residency), if so. */
  geoBackupBlocker(placement: RegionPlacement): string | undefined;
}

/** Where a cell lives: its home, its failover partner (if the pattern replicates) and extra local read copies. */
export interface CellPlan {
  readonly home: RegionPlacement;
  /** Failover partner: the cross-region replica that takes over writes. */
  readonly replica?: RegionPlacement;
  /** activeActive with 3+ regions: readable copies in every other region, so every region reads every cell locally. */
  readonly readReplicas: readonly RegionPlacement[];
}

/** What an engine builder returns. */
export interface DatabaseBuild {
  readonly cells: DatabaseCell[];
  readonly servers: DatabaseServerEndpoint[];
}

/**
 * The cells of a pattern: one home and at most one replica region each.
 *
 * zoneRedundant and regionPinned cells have no replica; primarySecondary and activePassive have one cell homed in
 * the first region with its replica in the second; under activeActive cell i's failover partner is the region listed
 * before it (the first region's is the second: `activeActivePartner`), and with three or more regions every cell adds
 * a readable copy in every other region.
 */
export function cellPlans(kind: PatternKind, placements: readonly RegionPlacement[]): CellPlan[] {
  switch (kind) {
    case PatternKind.ZONE_REDUNDANT:
      return [{ home: placements[0], readReplicas: [] }];
    case PatternKind.PRIMARY_SECONDARY:
    case PatternKind.ACTIVE_PASSIVE:
      return [{ home: placements[0], replica: placements[1], readReplicas: [] }];
    case PatternKind.ACTIVE_ACTIVE:
      return placements.map((home, i) => {
        const replica = placements[activeActivePartner(i)];
        return { home, replica, readReplicas: placements.filter((p) => p !== home && p !== replica) };
      });
    case PatternKind.REGION_PINNED:
      return placements.map((home) => ({ home, readReplicas: [] }));
  }
}
