import type { IConstruct } from 'constructs';
import { PrivateDnsZones, PrivateDnsZoneSpec } from '../common/private-dns-zones';
import type { DataTierEndpoint } from '../common/private-endpoints';
import { ValidationError } from '../core/errors';
import { asOptions, checkShape, Checks, givenOf, recordGiven, Shape } from '../core/validate';
import type { ActivePassiveDatabaseNames, DatabaseServerEndpoint, PostgresqlEngineOptions, SqlEngineOptions } from './database-types';
// The option names come from the options' shapes, which list every option once (the compiler checks that none is missing).
import { POSTGRESQL_OPTION_NAMES, POSTGRESQL_OPTIONS_SHAPE, SQL_OPTION_NAMES, SQL_OPTIONS_SHAPE } from './engine-shapes';
import { AccessScriptSpec, postgresqlAccessScript, sqlAccessScript } from './access';
import { buildPostgresql, checkPostgresqlOptions } from './postgresql';
import { buildSql, checkSqlOptions } from './sql';
import type { DatabaseBuild, DatabaseBuildContext } from './topology';

/**
 * Which engine holds the Order database, with its settings: `DatabaseEngine.sql({...})` or
 * `DatabaseEngine.postgresql({...})`. The engine checks its options and builds the servers, databases and replicas of
 * every cell of the {@link ActivePassiveDatabase} it is given to.
 */
export abstract class DatabaseEngine {
  /** Azure SQL Database: one logical server per region, auto-failover groups across regions. */
  public static sql(options: SqlEngineOptions = {}): DatabaseEngine {
    return recordGiven(new SqlEngine(asOptions(options)), options);
  }

  /** Azure Database for PostgreSQL flexible server: zone-redundant HA, cross-region read replica + virtual endpoint. */
  public static postgresql(options: PostgresqlEngineOptions = {}): DatabaseEngine {
    return recordGiven(new PostgresqlEngine(asOptions(options)), options);
  }

  /**
   * The factory's name, `sql` or `postgresql`: what the services' `ORDER_DB_ENGINE` says and error messages name.
   * @internal
   */
  public abstract readonly name: 'sql' | 'postgresql';
  /** The options this engine takes (their keys). @internal */
  protected abstract readonly optionNames: readonly string[];
  /** The run-time shape of the options. @internal */
  protected abstract readonly optionsShape: Shape;
  /** The name overrides (keys of `ActivePassiveDatabaseNames`) this engine uses. @internal */
  protected abstract readonly nameKeys: readonly (keyof ActivePassiveDatabaseNames)[];

  /** @internal */
  protected constructor() {}

  /**
   * Checks the options as given (a JavaScript caller can pass anything): an option of the other engine is named as
   * such, then the run-time shape. Throws one `ValidationError` with every violation, reported under `prop`.
   * @internal
   */
  public checkOptions(scope: IConstruct, prop: string): void {
    // Factories record what they were given (at least `{}`); anything else is a subclass of the user's, which cannot
    // implement the internal members.
    if (givenOf(this) === undefined) {
      throw new ValidationError({ scope, prop, value: this, problem: 'not an engine made by DatabaseEngine.sql() or DatabaseEngine.postgresql()', fix: 'use DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...})' });
    }
    const other = this.name === 'sql' ? DatabaseEngine.postgresql() : DatabaseEngine.sql();
    const given = givenOf(this);
    const options = asOptions<Record<string, unknown>>(given);
    for (const key of Object.keys(options)) {
      if (!this.optionNames.includes(key) && other.optionNames.includes(key)) {
        throw new ValidationError({
          scope, prop: `${prop}.${key}`, value: options[key],
          problem: `the ${this.name} engine has no option '${key}'; it is a ${other.name} option`,
          fix: `use one of ${this.optionNames.join(', ')}, or DatabaseEngine.${other.name}({...})`,
        });
      }
    }
    checkShape(scope, prop, given, this.optionsShape);
  }

  /**
   * Checks the options against the pattern and regions, and the name overrides (every violation recorded in `checks`;
   * names of the other engine's resources are rejected), and returns the build to run once all checks passed.
   * @internal
   */
  public prepare(ctx: DatabaseBuildContext, checks: Checks): () => DatabaseBuild {
    for (const key of Object.keys(ctx.names) as (keyof ActivePassiveDatabaseNames)[]) {
      if (!this.nameKeys.includes(key) && ctx.names[key] !== undefined) {
        checks.fail({
          prop: `names.${key}`, value: ctx.names[key],
          problem: `the ${this.name} engine creates no such resources, so the names would be ignored`,
          fix: `name only what this engine creates (${this.nameKeys.join(', ')}), or drop names.${key}`,
        });
      }
    }
    return this.prepareEngine(ctx, checks);
  }

  /** The private endpoint a stamp needs to reach `server`. @internal */
  public privateEndpoint(server: DatabaseServerEndpoint): DataTierEndpoint {
    const link = this.privateLink;
    return { key: server.key, qualifier: `${link.qualifier}-${server.key}`, resourceId: server.resourceId, subresource: link.subresource, zone: link.zone, region: server.region, ...(server.localOnly ? { localOnly: true } : {}) };
  }

  /** The engine's own checks (see `prepare`). @internal */
  protected abstract prepareEngine(ctx: DatabaseBuildContext, checks: Checks): () => DatabaseBuild;

  /** The statements an administrator runs to give a principal a user in one cell's database (see access.ts). @internal */
  public abstract accessScript(spec: AccessScriptSpec): string;

  /** The longest database user name the engine keeps whole, and what it counts. @internal */
  public abstract readonly maxUserNameLength: { readonly max: number; readonly unit: 'characters' | 'bytes' };

  /** How a stamp reaches the servers: the private endpoints' name qualifier, sub-resource and private DNS zone. @internal */
  protected abstract readonly privateLink: { readonly qualifier: string; readonly subresource: string; readonly zone: PrivateDnsZoneSpec };
}

/** Azure SQL Database (sql.ts builds it). */
class SqlEngine extends DatabaseEngine {
  public readonly name = 'sql';
  protected readonly optionNames = SQL_OPTION_NAMES;
  protected readonly optionsShape = SQL_OPTIONS_SHAPE;
  protected readonly nameKeys = ['sqlServers', 'sqlFailoverGroups', 'databases'] as const;
  protected readonly privateLink = { qualifier: 'sql', subresource: 'sqlServer', zone: PrivateDnsZones.SQL_DATABASE };
  // A user name is a sysname, nvarchar(128).
  public readonly maxUserNameLength = { max: 128, unit: 'characters' } as const;

  constructor(private readonly options: SqlEngineOptions) {
    super();
  }

  protected prepareEngine(ctx: DatabaseBuildContext, checks: Checks): () => DatabaseBuild {
    const checked = checkSqlOptions(ctx, this.options, checks);
    return () => buildSql(ctx, checked);
  }

  public accessScript(spec: AccessScriptSpec): string {
    return sqlAccessScript(spec);
  }
}

/** Azure Database for PostgreSQL flexible server (postgresql.ts builds it). */
class PostgresqlEngine extends DatabaseEngine {
  public readonly name = 'postgresql';
  protected readonly optionNames = POSTGRESQL_OPTION_NAMES;
  protected readonly optionsShape = POSTGRESQL_OPTIONS_SHAPE;
  protected readonly nameKeys = ['postgresqlServers', 'postgresqlReplicas', 'postgresqlReadReplicas', 'postgresqlVirtualEndpoints', 'databases'] as const;
  protected readonly privateLink = { qualifier: 'psql', subresource: 'postgresqlServer', zone: PrivateDnsZones.POSTGRESQL };
  // NAMEDATALEN - 1 bytes: PostgreSQL truncates longer role names.
  public readonly maxUserNameLength = { max: 63, unit: 'bytes' } as const;

  constructor(private readonly options: PostgresqlEngineOptions) {
    super();
  }

  protected prepareEngine(ctx: DatabaseBuildContext, checks: Checks): () => DatabaseBuild {
    const checked = checkPostgresqlOptions(ctx, this.options, checks);
    return () => buildPostgresql(ctx, checked);
  }

  public accessScript(spec: AccessScriptSpec): string {
    return postgresqlAccessScript(spec);
  }
}
