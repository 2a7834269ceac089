import { Construct } from 'constructs';
import { Annotations, TerraformOutput, TerraformStack } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import type { MssqlDatabase } from '@cdktf/provider-azurerm/lib/mssql-database';
import type { MssqlFailoverGroup } from '@cdktf/provider-azurerm/lib/mssql-failover-group';
import type { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import type { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import type { PostgresqlFlexibleServerDatabase } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-database';
import type { PostgresqlFlexibleServerVirtualEndpoint } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-virtual-endpoint';
import { DataTierEndpoint } from '../common/private-endpoints';
import { DataTierConstruct } from '../data-tier/data-tier';
import { ValidationError } from '../core/errors';
import { checkPrincipal, grantChildId, GrantOptions, grantRegions, resolveGrant } from '../core/principal';
import { checkFormat, checkGuid, checkRegionKeys, Checks, checkShape, opt } from '../core/validate';
import { checkMaintenanceWindow, utcWeeklyStart, UtcWeeklyStart } from '../core/maintenance-window';
import { POSTGRESQL_WINDOW_LENGTHS } from './postgresql';
import { DatabaseAccess, databaseUserNameProblem, DatabasePrincipalType } from './access';
import { ActivePassiveDatabaseProps } from './active-passive-database-types';
import { DatabaseAccessGrant, DatabaseAdministrator, DatabaseCell, DatabaseGrantOptions, DatabaseServerEndpoint, IDatabasePrincipal } from './database-types';
import { DatabaseEngine } from './engine';
import { cellPlans, DatabaseBuildContext } from './topology';
import { ACTIVE_PASSIVE_DATABASE_SHAPE, DATABASE_GRANT_OPTIONS_SHAPE } from './shapes';

/**
 * The Order database across the pattern's regions, on Azure SQL Database or PostgreSQL flexible server.
 *
 * | pattern | SQL | PostgreSQL |
 * |---|---|---|
 * | zoneRedundant | zone-redundant database, geo backups | zone-redundant HA, geo backups |
 * | primarySecondary | auto-failover group, readable secondary | HA primary + cross-region replica + virtual endpoint |
 * | activePassive | auto-failover group, standby (non-readable) secondary | same as primarySecondary |
 * | activeActive | one cell per region, each with a failover group to its partner (the region listed before it; the first region's is the second) | one HA server per region, each with a replica in its partner region |
 * | regionPinned | independent zone-redundant database per cell, backups inside the residency | independent HA server per cell |
 *
 * Place it in the data stack; `connect(stamp)` adds the private endpoints to each regional stamp.
 */
export class ActivePassiveDatabase extends DataTierConstruct {
  /** The engine (`sql` or `postgresql`). */
  public readonly engine: DatabaseEngine;
  /** One entry per cell, home region first in region-list order. */
  public readonly cells: readonly DatabaseCell[];
  /** Every server, for private endpoints. */
  public readonly servers: readonly DatabaseServerEndpoint[];
  /** Azure SQL: the logical server of each region, by region (empty for PostgreSQL). */
  public readonly sqlServers: { readonly [region: string]: MssqlServer };
  /** Azure SQL: each cell's (primary) database, by home region (empty for PostgreSQL). */
  public readonly sqlDatabases: { readonly [homeRegion: string]: MssqlDatabase };
  /**
   * Azure SQL: each replicated cell's geo-secondaries, by home region, then by the secondary's region (empty for
   * PostgreSQL and for patterns without replicas).
   */
  public readonly sqlSecondaries: { readonly [homeRegion: string]: { readonly [region: string]: MssqlDatabase } };
  /** Azure SQL: each replicated cell's auto-failover group, by home region (empty for PostgreSQL and for patterns without replicas). */
  public readonly sqlFailoverGroups: { readonly [homeRegion: string]: MssqlFailoverGroup };
  /** PostgreSQL: each cell's primary server, by home region (empty for Azure SQL). */
  public readonly postgresqlServers: { readonly [homeRegion: string]: PostgresqlFlexibleServer };
  /**
   * PostgreSQL: each replicated cell's read replicas, by home region, then by the replica's region (empty for Azure SQL
   * and for patterns without replicas).
   */
  public readonly postgresqlReplicas: { readonly [homeRegion: string]: { readonly [region: string]: PostgresqlFlexibleServer } };
  /**
   * PostgreSQL: each cell's in-region read replicas (`readReplicas`), by home region, in replica order (empty for Azure
   * SQL and without `readReplicas`).
   */
  public readonly postgresqlReadReplicas: { readonly [homeRegion: string]: readonly PostgresqlFlexibleServer[] };
  /** PostgreSQL: each cell's database on its primary server, by home region (empty for Azure SQL). */
  public readonly postgresqlDatabases: { readonly [homeRegion: string]: PostgresqlFlexibleServerDatabase };
  /**
   * PostgreSQL: the virtual endpoint of each cell with replicas (cross-region or in-region), by home region (empty for
   * Azure SQL and for cells without replicas).
   */
  public readonly postgresqlVirtualEndpoints: { readonly [homeRegion: string]: PostgresqlFlexibleServerVirtualEndpoint };
  /** The servers' Entra ID administrator, as checked. */
  private readonly administrator: Required<DatabaseAdministrator>;

  constructor(scope: Construct, id: string, props: ActivePassiveDatabaseProps) {
    super(scope, id, props, 'order-database', ACTIVE_PASSIVE_DATABASE_SHAPE);
    const checks = new Checks(this);
    this.engine = props.engine;
    checks.run(undefined, () => props.engine.checkOptions(this, 'engine'));
    const administrator = this.administrator = checks.run({ objectId: '', name: '', type: 'Group' as const }, () => this.checkAdministrator(props.administrator));
    const databaseName = checks.run('orders', () => this.checkDatabaseName(props.databaseName ?? 'orders'));
    const maintenanceWindows = this.checkMaintenanceWindows(checks, props);
    // The engine's own checks read its options, so their shape must hold first.
    if (checks.failed('engine')) checks.throwIfAny();
    const plans = cellPlans(this.pattern.kind, this.placements);
    const client = new DataAzurermClientConfig(this, 'ClientConfig', {});
    const context: DatabaseBuildContext = {
      scope: this,
      naming: this.naming,
      pattern: this.pattern,
      placements: this.placements,
      plans,
      databaseName,
      names: props.names ?? {},
      administrator,
      tenantId: client.tenantId,
      removalPolicy: this.removalPolicy,
      tags: this.tags,
      ...(maintenanceWindows ? { maintenanceWindows } : {}),
      regionScope: (region) => this.regionScope(region),
      resourceGroupName: (region) => this.resourceGroupName(region),
      monitoring: (region) => this.monitoring(region),
      geoBackupBlocker: (placement) => this.geoBackupBlocker(placement),
    };
    const buildEngine = this.engine.prepare(context, checks);
    checks.throwIfAny();

    const build = buildEngine();
    this.cells = build.cells;
    this.servers = build.servers;
    this.sqlServers = build.sqlServers ?? {};
    this.sqlDatabases = build.sqlDatabases ?? {};
    this.sqlSecondaries = build.sqlSecondaries ?? {};
    this.sqlFailoverGroups = build.sqlFailoverGroups ?? {};
    this.postgresqlServers = build.postgresqlServers ?? {};
    this.postgresqlReplicas = build.postgresqlReplicas ?? {};
    this.postgresqlReadReplicas = build.postgresqlReadReplicas ?? {};
    this.postgresqlDatabases = build.postgresqlDatabases ?? {};
    this.postgresqlVirtualEndpoints = build.postgresqlVirtualEndpoints ?? {};
    for (const plan of context.plans) {
      const why = this.geoBackupBlocker(plan.home);
      if (why) Annotations.of(this).addInfo(`Backups of the ${plan.home.region.name} database stay in-region (zone- or locally-redundant): ${why}.`);
    }
  }

  /** The private endpoints every stamp needs: one per database server. */
  public get privateEndpoints(): readonly DataTierEndpoint[] {
    return this.servers.map((server) => this.engine.privateEndpoint(server));
  }

  /** @internal */
  protected get resourceGroupQualifier(): string {
    return 'db';
  }

  /** @internal */
  protected get endpointIdPrefix(): string {
    return 'OrderDb';
  }

  /** The cell whose home is `region`. */
  public cell(region: string): DatabaseCell {
    const cell = this.cells.find((c) => c.homeRegion === region);
    if (!cell) throw new ValidationError({ scope: this, prop: 'region', value: region, problem: 'no database cell has this home region', fix: `use one of ${this.cells.map((c) => c.homeRegion).join(', ')}` });
    return cell;
  }

  /**
   * Gives a principal a user in each cell's database, the way aws-cdk's `grantConnect` gives database access. Azure
   * creates database users only from inside the database (azurerm has no resource for them), so this writes, per
   * cell, the statements one of the `administrator`'s members runs once after the first deploy, as a Terraform output
   * of the grantee's stack: `<id>-<home region>` (`cdktf output <stack>`). Azure SQL: a contained user
   * `FROM EXTERNAL PROVIDER` with `db_datareader` (and `db_datawriter`); PostgreSQL:
   * `pgaadauth_create_principal_with_oid` and the privileges on the database's `public` schema (a psql script). The
   * user reaches the cell's replicas by replication.
   *
   * @param grantee - a `UserAssignedIdentity` (or another construct with a `principalId` and a `name`), or
   *   `{ principalId, name }`
   * @param options - where the outputs go and their IDs (required `id` for a grantee that is not a construct), the
   *   cells (by home region), the access and the kind of principal
   * @returns one grant per cell covered, home regions in region-list order
   */
  public grantDataAccess(grantee: IDatabasePrincipal, options?: DatabaseGrantOptions): DatabaseAccessGrant[] {
    const method = 'grantDataAccess';
    // Every problem of the call at once: the options' shape, the grant's own checks and the user name.
    const checks = new Checks(this);
    const checked = checks.run(undefined, () => checkGrantOptions(this, method, options));
    // Options of the wrong shape cannot be resolved; the grantee is still checked.
    const grant = checked ? checks.run(undefined, () => resolveGrant(this, method, grantee, grantOptionsOf(checked), 'DataAccess')) : checks.run(undefined, () => void checkPrincipal(this, `${method}(grantee)`, grantee));
    const name = (grantee as { name?: unknown } | null | undefined)?.name;
    const { max, unit } = this.engine.maxUserNameLength;
    const problem = grantee !== null && typeof grantee === 'object' ? databaseUserNameProblem(name, max, unit) : undefined;
    if (problem) checks.fail({ prop: `${method}(grantee).name`, value: name, problem, fix: "pass the managed identity itself, or { principalId, name: '<its display name, or a user principal name>' }" });
    checks.throwIfAny();
    // Nothing failed, so the options were checked and the grant resolved.
    const { access, principalType } = checked!;
    const resolved = grant!;
    const covers = grantRegions(this, method, grantOptionsOf(checked!), this.cells.map((cell) => cell.homeRegion));
    // The output goes straight into the stack, so its name is the ID: `<id>-<home region>`.
    const stack = TerraformStack.of(resolved.scope);
    return this.cells.filter((cell) => covers(cell.homeRegion)).map((cell) => {
      const statements = this.engine.accessScript({
        name: grantee.name, objectId: resolved.principalId, principalType, access,
        databaseName: cell.databaseName, host: cell.readWriteHost, administrator: this.administrator.name, replicated: cell.replicaRegion !== undefined,
      });
      const output = new TerraformOutput(stack, grantChildId(this, method, { ...resolved, scope: stack }, cell.homeRegion), {
        value: statements,
        description: `Statements that give ${this.node.path}'s ${cell.homeRegion} database access (${access}) to a principal: run them once as its Entra ID administrator.`,
      });
      return { homeRegion: cell.homeRegion, databaseName: cell.databaseName, host: cell.readWriteHost, statements, output };
    });
  }

  private checkAdministrator(admin: DatabaseAdministrator): Required<DatabaseAdministrator> {
    checkGuid(this, 'administrator.objectId', admin.objectId, 'an Entra ID object ID', "use the group's object ID: az ad group show -g <name> --query id -o tsv");
    checkFormat(this, 'administrator.name', admin.name, /^.{1,128}$/, 'the administrator needs a display name of 1-128 characters', "use the group's display name, e.g. 'sg-order-db-admins'");
    return { objectId: admin.objectId, name: admin.name, type: admin.type ?? 'Group' };
  }

  /** The per-region PostgreSQL maintenance windows, checked (regions of the platform, one-hour windows), in UTC. */
  private checkMaintenanceWindows(checks: Checks, props: ActivePassiveDatabaseProps): { [region: string]: UtcWeeklyStart } | undefined {
    const given = props.maintenanceWindows;
    if (given === undefined) return undefined;
    if (props.engine.name !== 'postgresql') {
      checks.fail({ prop: 'maintenanceWindows', value: Object.keys(given), problem: 'Azure SQL Database takes maintenance in the slots Azure offers, not in a window of your choice, so the setting would be ignored', fix: 'drop maintenanceWindows (DatabaseEngine.sql takes a maintenance slot), or use DatabaseEngine.postgresql' });
      return undefined;
    }
    checks.run(undefined, () => checkRegionKeys(this, 'maintenanceWindows', given, this.placements.map((p) => p.region.name)));
    return Object.fromEntries(Object.entries(given).map(([region, window]) => [region, utcWeeklyStart(checkMaintenanceWindow(checks, `maintenanceWindows.${region}`, window, POSTGRESQL_WINDOW_LENGTHS))]));
  }

  private checkDatabaseName(name: string): string {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(name)) {
      throw new ValidationError({ scope: this, prop: 'databaseName', value: name, problem: 'database names here are 1-40 lower-case letters, digits and underscores, starting with a letter (valid for both engines without quoting)', fix: "use e.g. 'orders'" });
    }
    return name;
  }
}

/** The options of a database grant that every grant has (`GrantOptions`). */
function grantOptionsOf(options: DatabaseGrantOptions): GrantOptions {
  return { scope: options.scope, id: options.id, regions: options.regions };
}

/** Checks a database grant's options (their shape; `resolveGrant` checks the grant's own) and fills the defaults. */
function checkGrantOptions(scope: ActivePassiveDatabase, method: string, options: DatabaseGrantOptions | undefined): DatabaseGrantOptions & { access: DatabaseAccess; principalType: DatabasePrincipalType } {
  checkShape(scope, `${method}(options)`, options, opt(DATABASE_GRANT_OPTIONS_SHAPE));
  return { ...options, access: options?.access ?? 'readWrite', principalType: options?.principalType ?? 'ServicePrincipal' };
}

