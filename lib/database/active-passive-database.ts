import { Construct } from 'constructs';
import { Annotations } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { DataTierEndpoint } from '../common/private-endpoints';
import { PrivateDnsZones } from '../common/private-dns-zones';
import { DataTierConstruct } from '../data-tier/data-tier';
import { ValidationError } from '../core/errors';
import { checkFormat, checkGuid, checkShape, Checks, givenOf } from '../core/validate';
import { ActivePassiveDatabaseProps, DatabaseAdministrator, DatabaseCell, DatabaseServerEndpoint } from './active-passive-database-types';
import { DatabaseEngine, PostgresqlEngineOptions, SqlEngineOptions } from './engine';
import { buildPostgresql, checkPostgresqlOptions } from './postgresql';
import { cellPlans, DatabaseBuildContext } from './topology';
import { buildSql, checkSqlOptions } from './sql';
import { ACTIVE_PASSIVE_DATABASE_SHAPE, POSTGRESQL_OPTIONS_SHAPE, SQL_OPTIONS_SHAPE } from './shapes';

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

  constructor(scope: Construct, id: string, props: ActivePassiveDatabaseProps) {
    super(scope, id, props, 'order-database', ACTIVE_PASSIVE_DATABASE_SHAPE);
    const checks = new Checks(this);
    this.engine = props.engine;
    checks.run(undefined, () => this.checkEngineOptions(props.engine));
    const administrator = checks.run({ objectId: '', name: '', type: 'Group' as const }, () => this.checkAdministrator(props.administrator));
    const databaseName = checks.run('orders', () => this.checkDatabaseName(props.databaseName ?? 'orders'));
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
      administrator,
      tenantId: client.tenantId,
      removalPolicy: this.removalPolicy,
      tags: this.tags,
      regionScope: (region) => this.regionScope(region),
      resourceGroupName: (region) => this.resourceGroupName(region),
      monitoring: (region) => this.monitoring(region),
      geoBackupBlocker: (placement) => this.geoBackupBlocker(placement),
    };
    const sql = this.engine.kind === 'sql' ? checkSqlOptions(context, this.engine.options as SqlEngineOptions, checks) : undefined;
    const postgresql = this.engine.kind === 'postgresql' ? checkPostgresqlOptions(context, this.engine.options as PostgresqlEngineOptions, checks) : undefined;
    checks.throwIfAny();

    const build = sql ? buildSql(context, sql) : buildPostgresql(context, postgresql!);
    this.cells = build.cells;
    this.servers = build.servers;
    for (const plan of context.plans) {
      const why = this.geoBackupBlocker(plan.home);
      if (why) Annotations.of(this).addInfo(`Backups of the ${plan.home.region.name} database stay in-region (zone- or locally-redundant): ${why}.`);
    }
  }

  /** The private endpoints every stamp needs: one per database server. */
  public get privateEndpoints(): readonly DataTierEndpoint[] {
    const sql = this.engine.kind === 'sql';
    return this.servers.map((server) => ({
      key: server.key,
      qualifier: `${sql ? 'sql' : 'psql'}-${server.key}`,
      resourceId: server.resourceId,
      subresource: sql ? 'sqlServer' : 'postgresqlServer',
      zone: sql ? PrivateDnsZones.SQL_DATABASE : PrivateDnsZones.POSTGRESQL,
    }));
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

  private checkEngineOptions(engine: DatabaseEngine): void {
    const other = engine.kind === 'sql' ? DatabaseEngine.postgresql() : DatabaseEngine.sql();
    const options = engine.options as Record<string, unknown>;
    for (const key of Object.keys(options)) {
      if (!engine.knownOptions.includes(key) && other.knownOptions.includes(key)) {
        throw new ValidationError({
          scope: this, prop: `engine.${key}`, value: options[key],
          problem: `the ${engine.kind} engine has no option '${key}'; it is a ${other.kind} option`,
          fix: `use one of ${engine.knownOptions.join(', ')}, or DatabaseEngine.${other.kind}({...})`,
        });
      }
    }
    checkShape(this, 'engine', givenOf(engine), engine.kind === 'sql' ? SQL_OPTIONS_SHAPE : POSTGRESQL_OPTIONS_SHAPE);
  }

  private checkAdministrator(admin: DatabaseAdministrator): Required<DatabaseAdministrator> {
    checkGuid(this, 'administrator.objectId', admin.objectId, 'an Entra ID object ID', "use the group's object ID: az ad group show -g <name> --query id -o tsv");
    checkFormat(this, 'administrator.name', admin.name, /^.{1,128}$/, 'the administrator needs a display name of 1-128 characters', "use the group's display name, e.g. 'sg-order-db-admins'");
    return { objectId: admin.objectId, name: admin.name, type: admin.type ?? 'Group' };
  }

  private checkDatabaseName(name: string): string {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(name)) {
      throw new ValidationError({ scope: this, prop: 'databaseName', value: name, problem: 'database names here are 1-40 lower-case letters, digits and underscores, starting with a letter (valid for both engines without quoting)', fix: "use e.g. 'orders'" });
    }
    return name;
  }
}
