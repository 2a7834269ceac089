import { Construct } from 'constructs';
import type { MssqlDatabase } from '@cdktf/provider-azurerm/lib/mssql-database';
import type { MssqlFailoverGroup } from '@cdktf/provider-azurerm/lib/mssql-failover-group';
import type { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import type { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import type { PostgresqlFlexibleServerDatabase } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-database';
import type { PostgresqlFlexibleServerVirtualEndpoint } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-virtual-endpoint';
import { RemovalPolicy } from '../core/lifecycle';
import { Naming, ResourceKind } from '../core/naming';
import { activeActivePartner, PatternKind, RedundancyPattern, RegionPlacement } from '../core/pattern';
import { Tags } from '../core/tags';
import { Checks } from '../core/validate';
import { IRegionalMonitoring } from '../monitoring/regional-monitoring';
import type { UtcWeeklyStart } from '../core/maintenance-window';
import type { ActivePassiveDatabaseNames, DatabaseAdministrator, DatabaseCell, DatabaseServerEndpoint } from './database-types';

// Internal: the shared shape of the SQL and PostgreSQL builders (not exported from the package).

/** Everything an engine builder needs, already validated. */
export interface DatabaseBuildContext {
  readonly scope: Construct;
  readonly naming: Naming;
  readonly pattern: RedundancyPattern;
  readonly placements: readonly RegionPlacement[];
  readonly plans: readonly CellPlan[];
  readonly databaseName: string;
  /** The name overrides as given (each engine checks the ones it uses, and rejects the other engine's). */
  readonly names: ActivePassiveDatabaseNames;
  readonly administrator: Required<DatabaseAdministrator>;
  readonly tenantId: string;
  readonly removalPolicy: RemovalPolicy;
  readonly tags: Tags;
  /** PostgreSQL: each region's servers' maintenance window (`ActivePassiveDatabaseProps.maintenanceWindows`), in UTC. */
  readonly maintenanceWindows?: { readonly [region: string]: UtcWeeklyStart };
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

/** What an engine builder returns: the cells, the servers for private endpoints and the principal resources it made. */
export interface DatabaseBuild {
  readonly cells: DatabaseCell[];
  readonly servers: DatabaseServerEndpoint[];
  readonly sqlServers?: { readonly [region: string]: MssqlServer };
  readonly sqlDatabases?: { readonly [homeRegion: string]: MssqlDatabase };
  readonly sqlSecondaries?: { readonly [homeRegion: string]: { readonly [region: string]: MssqlDatabase } };
  readonly sqlFailoverGroups?: { readonly [homeRegion: string]: MssqlFailoverGroup };
  readonly postgresqlServers?: { readonly [homeRegion: string]: PostgresqlFlexibleServer };
  readonly postgresqlReplicas?: { readonly [homeRegion: string]: { readonly [region: string]: PostgresqlFlexibleServer } };
  readonly postgresqlReadReplicas?: { readonly [homeRegion: string]: readonly PostgresqlFlexibleServer[] };
  readonly postgresqlDatabases?: { readonly [homeRegion: string]: PostgresqlFlexibleServerDatabase };
  readonly postgresqlVirtualEndpoints?: { readonly [homeRegion: string]: PostgresqlFlexibleServerVirtualEndpoint };
}

/**
 * Checks one map of name overrides (`names.<key>`): every key must be one of `keys` (`what` says what they are, for the
 * message), every name valid for `kind`. Violations are recorded in `checks`.
 */
export function checkNameMap(ctx: DatabaseBuildContext, checks: Checks, prop: string, map: { readonly [key: string]: string } | undefined, keys: readonly string[], kind: ResourceKind, what: string): void {
  for (const [key, name] of Object.entries(map ?? {})) {
    if (!keys.includes(key)) {
      checks.fail({
        prop: `${prop}.${key}`, value: key,
        problem: `${ctx.pattern.kind} creates no ${kind.props.label} for this key, so the name would be ignored (keys are ${what}: ${keys.length ? keys.join(', ') : 'none under this pattern'})`,
        fix: keys.length ? `key ${prop} by ${keys.join(', ')}` : `drop ${prop}`,
      });
    } else {
      checks.run(undefined, () => kind.validate(ctx.scope, `${prop}.${key}`, name));
    }
  }
}

/** The name of each cell's database: the override, or `generated(home)`; validated for `kind` with `checkNameMap`. */
export function cellDatabaseNames(ctx: DatabaseBuildContext, checks: Checks, kind: ResourceKind, generated: (home: string) => string): { readonly [homeRegion: string]: string } {
  checkNameMap(ctx, checks, 'names.databases', ctx.names.databases, ctx.plans.map((p) => p.home.region.name), kind, 'the cells\' home regions');
  return Object.fromEntries(ctx.plans.map((p) => {
    const home = p.home.region.name;
    return [home, ctx.names.databases?.[home] ?? generated(home)];
  }));
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
