import { Construct } from 'constructs';
import { Annotations } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ValidationError } from '../core/errors';
import { checkRemovalPolicy, RemovalPolicy } from '../core/lifecycle';
import { Naming, ResourceKind } from '../core/naming';
import { RedundancyPattern } from '../core/pattern';
import { Regions } from '../core/regions';
import { mergeTags, Tags } from '../core/tags';
import { checkOneOf } from '../core/validate';
import { IRegionalMonitoring, RegionalMonitoring } from '../monitoring/regional-monitoring';
import { PrivateDnsZoneSpec, PrivateDnsZones } from '../stamp/network';
import { RegionalStamp } from '../stamp/regional-stamp';
import { DatabaseEngine, PostgresqlEngineOptions, SqlEngineOptions } from './engine';
import { buildPostgresql } from './postgresql';
import { cellPlans, DatabaseBuildContext } from './topology';
import { buildSql } from './sql';

/** The Entra ID principal that administers the database servers. */
export interface DatabaseAdministrator {
  /** Object ID of the group (or user / service principal). */
  readonly objectId: string;
  /** Display name (SQL: the login name; PostgreSQL: the principal name). */
  readonly name: string;
  /** @default 'Group' */
  readonly type?: 'Group' | 'User' | 'ServicePrincipal';
}

/** Props of {@link ActivePassiveDatabase}. */
export interface ActivePassiveDatabaseProps {
  /** Name prefix (2-12 lower-case letters and digits, starting with a letter). */
  readonly prefix: string;
  /** The redundancy pattern. */
  readonly pattern: RedundancyPattern;
  /** Programmatic region names, first = primary / home; the same list the platform's stamps use. */
  readonly regions: string[];
  /** Engine and its settings, e.g. `DatabaseEngine.sql({ failoverMode: 'Manual' })`. */
  readonly engine: DatabaseEngine;
  /** Entra ID administrator of every server (password logins stay off). */
  readonly administrator: DatabaseAdministrator;
  /**
   * Database name. Under activeActive every cell's database is `<name>-<home region>` (a server in the ring holds
   * its own cell's database and a replica of the previous cell's, which keep their names).
   * @default 'orders'
   */
  readonly databaseName?: string;
  /**
   * Resource group per region, by region name.
   * @default - the construct creates `<prefix>-rg-db-<region>-<hash>` in each region
   */
  readonly resourceGroupNames?: { readonly [region: string]: string };
  /**
   * Log Analytics sink per region for auditing and diagnostics, by region name.
   * @default - the construct creates a `RegionalMonitoring` in each region's resource group
   */
  readonly monitoring?: { readonly [region: string]: IRegionalMonitoring };
  /**
   * RETAIN puts `prevent_destroy` on servers and databases; DESTROY is for throw-away environments only.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /** Tags for every resource. @default - library tags only */
  readonly tags?: Tags;
}

/** One cell of the Order database: a home region that writes, and where applications connect. */
export interface DatabaseCell {
  /** Region whose database this is (the writer in steady state). */
  readonly homeRegion: string;
  /** Region holding the cross-region replica, if the pattern has one. */
  readonly replicaRegion?: string;
  /** Database name inside the servers. */
  readonly databaseName: string;
  /**
   * Host name for writes; it follows a failover. SQL: the failover group's read-write listener
   * (`<group>.database.windows.net`) or the server; PostgreSQL: the virtual endpoint's writer or the server.
   */
  readonly readWriteHost: string;
  /**
   * Host name for reads. SQL: the read-only listener (`<group>.secondary.database.windows.net`, with
   * `ApplicationIntent=ReadOnly`) or the server; PostgreSQL: the virtual endpoint's reader or the server.
   */
  readonly readOnlyHost: string;
  /** Every server of the cell by region (home and replica), as fully qualified host names. */
  readonly serverHosts: { readonly [region: string]: string };
}

/** A database server that stamps reach through a private endpoint. */
export interface DatabaseServerEndpoint {
  /** Stable key (`<region>` or `<region>-replica`), used in construct IDs of the private endpoints. */
  readonly key: string;
  readonly region: string;
  readonly resourceId: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Order database across the pattern's regions, on Azure SQL Database or PostgreSQL flexible server.
 *
 * | pattern | SQL | PostgreSQL |
 * |---|---|---|
 * | zoneRedundant | zone-redundant database, geo backups | zone-redundant HA, geo backups |
 * | primarySecondary | auto-failover group, readable secondary | HA primary + cross-region replica + virtual endpoint |
 * | activePassive | auto-failover group, standby (non-readable) secondary | same as primarySecondary |
 * | activeActive | one cell per region, each with a failover group to the next region (ring) | one HA server per region, each with a replica in the next region |
 * | regionPinned | independent zone-redundant database per cell, backups inside the residency | independent HA server per cell |
 *
 * Place it in the data stack; `connect(stamp)` adds the private endpoints to each regional stamp.
 */
export class ActivePassiveDatabase extends Construct {
  /** The engine (`sql` or `postgresql`). */
  public readonly engine: DatabaseEngine;
  /** One entry per cell, home region first in region-list order. */
  public readonly cells: readonly DatabaseCell[];
  /** Every server, for private endpoints. */
  public readonly servers: readonly DatabaseServerEndpoint[];
  private readonly regionScopes = new Map<string, Construct>();

  constructor(scope: Construct, id: string, props: ActivePassiveDatabaseProps) {
    super(scope, id);
    const naming = new Naming(Naming.validatePrefix(this, 'prefix', props.prefix));
    if (!(props.pattern instanceof RedundancyPattern)) {
      throw new ValidationError({ scope: this, prop: 'pattern', value: props.pattern, problem: 'not a RedundancyPattern', fix: 'use a factory such as RedundancyPattern.primarySecondary()' });
    }
    const placements = props.pattern.place(this, props.regions);
    this.engine = this.checkEngine(props.engine);
    const administrator = this.checkAdministrator(props.administrator);
    const databaseName = this.checkDatabaseName(props.databaseName ?? 'orders');
    const removalPolicy = checkRemovalPolicy(this, 'removalPolicy', props.removalPolicy);
    const tags = mergeTags(this, 'tags', { 'managed-by': 'cdktf-order-platform', component: 'order-database', pattern: props.pattern.kind }, props.tags);
    for (const [prop, map] of [['resourceGroupNames', props.resourceGroupNames], ['monitoring', props.monitoring]] as const) {
      for (const region of Object.keys(map ?? {})) {
        if (!props.regions.includes(region)) {
          throw new ValidationError({ scope: this, prop: `${prop}.${region}`, value: region, problem: 'not one of the database regions, so the setting would be ignored', fix: `key ${prop} by the regions listed in regions (${props.regions.join(', ')})` });
        }
      }
    }

    const client = new DataAzurermClientConfig(this, 'ClientConfig', {});
    const resourceGroups = new Map<string, string>();
    const sinks = new Map<string, IRegionalMonitoring>();
    const context: DatabaseBuildContext = {
      scope: this,
      naming,
      pattern: props.pattern,
      placements,
      plans: cellPlans(props.pattern.kind, placements),
      databaseName,
      administrator,
      tenantId: client.tenantId,
      removalPolicy,
      tags,
      regionScope: (region) => this.regionScope(region),
      resourceGroupName: (region) => {
        let name = resourceGroups.get(region) ?? props.resourceGroupNames?.[region];
        if (!name) {
          const group = new ResourceGroup(this.regionScope(region), 'ResourceGroup', {
            name: naming.name(this.regionScope(region), ResourceKind.RESOURCE_GROUP, { qualifier: `db-${region}` }),
            location: region,
            tags,
          });
          name = group.name;
        }
        resourceGroups.set(region, name);
        return name;
      },
      monitoring: (region) => {
        let sink = sinks.get(region) ?? props.monitoring?.[region];
        if (!sink) {
          sink = new RegionalMonitoring(this.regionScope(region), 'Monitoring', {
            prefix: naming.prefix, region, resourceGroupName: context.resourceGroupName(region), removalPolicy, tags,
          });
        }
        sinks.set(region, sink);
        return sink;
      },
      geoBackupAllowed: (placement) => {
        if (!placement.region.pairedRegion) return false;
        return placement.residency === undefined || Regions.isPairInResidency(placement.region, placement.residency);
      },
    };

    const build = this.engine.kind === 'sql'
      ? buildSql(context, this.engine.options as SqlEngineOptions)
      : buildPostgresql(context, this.engine.options as PostgresqlEngineOptions);
    this.cells = build.cells;
    this.servers = build.servers;
    for (const plan of context.plans) {
      if (!context.geoBackupAllowed(plan.home)) {
        const why = plan.home.region.pairedRegion ? `its pair ${plan.home.region.pairedRegion} lies outside the residency ${plan.home.residency}` : 'it has no paired region';
        Annotations.of(this).addInfo(`Backups of the ${plan.home.region.name} database stay in-region (zone- or locally-redundant): ${why}.`);
      }
    }
  }

  /** The cell whose home is `region`. */
  public cell(region: string): DatabaseCell {
    const cell = this.cells.find((c) => c.homeRegion === region);
    if (!cell) throw new ValidationError({ scope: this, prop: 'region', value: region, problem: 'no database cell has this home region', fix: `use one of ${this.cells.map((c) => c.homeRegion).join(', ')}` });
    return cell;
  }

  /**
   * Adds a private endpoint to every database server in the stamp's private-endpoint subnet, registered in the
   * stamp's private DNS zone, so both listeners (or virtual endpoints) resolve to private addresses from the
   * stamp's VNet whichever server is primary.
   */
  public connect(stamp: RegionalStamp): void {
    const zone: PrivateDnsZoneSpec = this.engine.kind === 'sql' ? PrivateDnsZones.SQL_DATABASE : PrivateDnsZones.POSTGRESQL;
    for (const server of this.servers) {
      stamp.addPrivateEndpoint(`OrderDbEndpoint-${server.key}`, {
        resourceId: server.resourceId,
        subresource: this.engine.kind === 'sql' ? 'sqlServer' : 'postgresqlServer',
        zone,
        qualifier: `${this.engine.kind === 'sql' ? 'sql' : 'psql'}-${server.key}`,
      });
    }
  }

  private regionScope(region: string): Construct {
    let scope = this.regionScopes.get(region);
    if (!scope) {
      // Keyed by region name, never by list position: adding a region never moves another region's resources.
      scope = new Construct(this, region);
      this.regionScopes.set(region, scope);
    }
    return scope;
  }

  private checkEngine(engine: DatabaseEngine): DatabaseEngine {
    if (!(engine instanceof DatabaseEngine)) {
      throw new ValidationError({ scope: this, prop: 'engine', value: engine, problem: 'not a DatabaseEngine', fix: 'use DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...})' });
    }
    const other = engine.kind === 'sql' ? DatabaseEngine.postgresql() : DatabaseEngine.sql();
    for (const key of Object.keys(engine.options)) {
      if (!engine.knownOptions.includes(key)) {
        const belongs = other.knownOptions.includes(key) ? `; it is a ${other.kind} option` : '';
        throw new ValidationError({
          scope: this, prop: `engine.${key}`, value: (engine.options as Record<string, unknown>)[key],
          problem: `the ${engine.kind} engine has no option '${key}'${belongs}`,
          fix: `use one of ${engine.knownOptions.join(', ')}`,
        });
      }
    }
    return engine;
  }

  private checkAdministrator(admin: DatabaseAdministrator): Required<DatabaseAdministrator> {
    if (!admin || typeof admin.objectId !== 'string' || !GUID.test(admin.objectId)) {
      throw new ValidationError({ scope: this, prop: 'administrator.objectId', value: admin?.objectId, problem: 'not an Entra ID object ID (a GUID)', fix: "use the group's object ID: az ad group show -g <name> --query id -o tsv" });
    }
    if (typeof admin.name !== 'string' || admin.name.length === 0 || admin.name.length > 128) {
      throw new ValidationError({ scope: this, prop: 'administrator.name', value: admin.name, problem: 'the administrator needs a display name of 1-128 characters', fix: "use the group's display name, e.g. 'sg-order-db-admins'" });
    }
    const type = checkOneOf(this, 'administrator.type', admin.type ?? 'Group', ['Group', 'User', 'ServicePrincipal'] as const);
    return { objectId: admin.objectId, name: admin.name, type };
  }

  private checkDatabaseName(name: string): string {
    if (typeof name !== 'string' || !/^[a-z][a-z0-9_]{0,39}$/.test(name)) {
      throw new ValidationError({ scope: this, prop: 'databaseName', value: name, problem: 'database names here are 1-40 lower-case letters, digits and underscores, starting with a letter (valid for both engines without quoting)', fix: "use e.g. 'orders'" });
    }
    return name;
  }
}
