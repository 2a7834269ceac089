import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { CosmosdbAccount } from '@cdktf/provider-azurerm/lib/cosmosdb-account';
import { CosmosdbSqlContainer } from '@cdktf/provider-azurerm/lib/cosmosdb-sql-container';
import { CosmosdbSqlDatabase } from '@cdktf/provider-azurerm/lib/cosmosdb-sql-database';
import { CosmosdbSqlRoleAssignment } from '@cdktf/provider-azurerm/lib/cosmosdb-sql-role-assignment';
import { DataTierEndpoint } from '../common/private-endpoints';
import { PrivateDnsZones } from '../common/private-dns-zones';
import { DataTierConstruct } from '../data-tier/data-tier';
import { ValidationError } from '../core/errors';
import { protect } from '../core/lifecycle';
import { ResourceKind } from '../core/naming';
import { PatternKind, RegionPlacement } from '../core/pattern';
import { checkDistinct, checkRegionNames } from '../core/name-overrides';
import { checkPrincipalMap, GrantOptions, grantChildId, grantRegions, IPrincipal, resolveGrant } from '../core/principal';
import { checkInteger, Checks } from '../core/validate';
import { TRACKING_STORE_SHAPE } from './shapes';
import { ConsistencyLevel, DeliveriesContainerOptions, TrackingBackup, TrackingStoreNames, TrackingStoreProps } from './tracking-store-types';
import { diagnose } from '../monitoring/diagnostics';

/** One Cosmos DB account of the store and how workloads reach it. */
export interface TrackingAccount {
  /** Home (write) region: the first region, or the cell under regionPinned. */
  readonly homeRegion: string;
  /** Regions the account spans, in failover-priority order. */
  readonly regions: readonly string[];
  /** Account endpoint (`https://<account>.documents.azure.com:443/`). */
  readonly endpoint: string;
  /** The NoSQL database holding the containers. */
  readonly databaseName: string;
  /** Name of the `deliveries` container. */
  readonly deliveriesContainer: string;
  /** Name of the change-feed lease container (`leases`, unless `names.leasesContainer` renames it). */
  readonly leasesContainer: string;
  /** Whether every region of the account accepts writes (activeActive). */
  readonly multiRegionWrites: boolean;
}

/** Built-in data-plane role "Cosmos DB Built-in Data Contributor". */
const DATA_CONTRIBUTOR_ROLE = '00000000-0000-0000-0000-000000000002';

/**
 * The Delivery-tracking store: Cosmos DB for NoSQL with a `deliveries` container and a `leases` container for the
 * change-feed processor.
 *
 * One account across the pattern's regions (failover priority in region order, zone-redundant where the region
 * has zones; service-managed failover for primarySecondary and activePassive; multi-region writes with Session
 * consistency for activeActive), or one account per cell under regionPinned. Keys and public access are off; the
 * stamps reach it through private endpoints (`connect(stamp)`), the workloads through Entra ID data-plane roles.
 */
export class TrackingStore extends DataTierConstruct {
  /** The accounts: one, or one per cell under regionPinned. */
  public readonly accounts: readonly TrackingAccount[];
  /** The Cosmos DB accounts, by home region (the first region, or each cell's region under regionPinned). */
  public readonly cosmosAccounts: { readonly [region: string]: CosmosdbAccount };
  private readonly accountResources: { readonly home: string; readonly account: CosmosdbAccount; readonly resourceGroupName: string; readonly databaseName: string }[] = [];

  constructor(scope: Construct, id: string, props: TrackingStoreProps) {
    super(scope, id, props, 'tracking-store', TRACKING_STORE_SHAPE);
    const settings = this.checkProps(props);
    // regionPinned: one account per cell, never replicated; otherwise one account across every region.
    const groups: RegionPlacement[][] = this.pattern.kind === PatternKind.REGION_PINNED ? this.placements.map((p) => [p]) : [[...this.placements]];
    this.accounts = groups.map((placements) => this.buildAccount(settings, placements));
    this.cosmosAccounts = Object.fromEntries(this.accountResources.map((r) => [r.home, r.account]));
  }

  /** Every check of the props, in order, reported at once; the settings every account is built with. */
  private checkProps(props: TrackingStoreProps): TrackingSettings {
    const checks = new Checks(this);
    const multiWrite = this.pattern.kind === PatternKind.ACTIVE_ACTIVE;
    const consistency = props.consistency ?? 'Session';
    if (multiWrite && consistency === 'Strong') {
      checks.fail({ prop: 'consistency', value: consistency, problem: 'Strong consistency cannot be combined with multi-region writes (activeActive)', fix: "use 'Session' (the default) or 'BoundedStaleness'" });
    }
    const backup = props.backup ?? (multiWrite ? 'periodic' : 'continuous7Days');
    if (multiWrite && backup !== 'periodic') {
      checks.fail({ prop: 'backup', value: backup, problem: 'this library does not combine continuous backup with multi-region writes (activeActive): Microsoft documents the combination inconsistently and its restores as preview', fix: "use 'periodic' (geo-redundant, the default under activeActive)" });
    }
    const databaseName = props.databaseName ?? 'tracking';
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(databaseName)) {
      checks.fail({ prop: 'databaseName', value: databaseName, problem: 'names here are 1-40 lower-case letters, digits and hyphens, starting with a letter', fix: "use e.g. 'tracking'" });
    }
    // A leases container named in `names` is checked against the deliveries container there; the default one here.
    const deliveries = this.checkDeliveries(checks, props.deliveries ?? {}, props.names?.leasesContainer === undefined);
    const leasesMax = checks.run(1000, () => this.checkThroughput('leasesMaxThroughput', props.leasesMaxThroughput ?? 1000));
    const contributors = checks.run([], () => checkPrincipalMap(this, 'dataContributors', props.dataContributors));
    const names = this.checkNames(checks, props.names ?? {}, deliveries.name);
    checks.throwIfAny();
    return { multiWrite, consistency, backup, databaseName, deliveries, leasesMax, contributors, names };
  }

  /**
   * Builds one account over `placements` (its home first) with the tracking database, the deliveries and leases
   * containers, the data contributors' roles and diagnostics; returns how workloads reach it.
   */
  private buildAccount(settings: TrackingSettings, placements: RegionPlacement[]): TrackingAccount {
    const { multiWrite, databaseName, deliveries } = settings;
    const home = placements[0].region.name;
    const scope = this.regionScope(home);
    const account = this.cosmosAccount(settings, placements);
    const database = new CosmosdbSqlDatabase(scope, 'Database', {
      name: databaseName,
      accountName: account.name,
      resourceGroupName: this.resourceGroupName(home),
    });
    protect(database, this.removalPolicy);
    const deliveriesContainer = new CosmosdbSqlContainer(scope, 'DeliveriesContainer', {
      name: deliveries.name,
      accountName: account.name,
      databaseName: database.name,
      resourceGroupName: this.resourceGroupName(home),
      partitionKeyPaths: [deliveries.partitionKeyPath],
      partitionKeyVersion: 2,
      autoscaleSettings: { maxThroughput: deliveries.maxThroughput },
      defaultTtl: deliveries.defaultTtlSeconds,
    });
    protect(deliveriesContainer, this.removalPolicy);
    // The change-feed processor's lease container: partitioned by /id, as the processor requires.
    const leases = new CosmosdbSqlContainer(scope, 'LeasesContainer', {
      name: settings.names.leasesContainer,
      accountName: account.name,
      databaseName: database.name,
      resourceGroupName: this.resourceGroupName(home),
      partitionKeyPaths: ['/id'],
      partitionKeyVersion: 2,
      autoscaleSettings: { maxThroughput: settings.leasesMax },
    });
    protect(leases, this.removalPolicy);
    for (const [key, principalId] of settings.contributors) {
      dataContributor(scope, `DataContributor-${key}`, account, this.resourceGroupName(home), databaseName, principalId);
    }
    diagnose(scope, 'CosmosDiagnostics', 'azurerm_cosmosdb_account', account.id, this.monitoring(home));
    this.accountResources.push({ home, account, resourceGroupName: this.resourceGroupName(home), databaseName });
    return {
      homeRegion: home,
      regions: placements.map((p) => p.region.name),
      endpoint: account.endpoint,
      databaseName,
      deliveriesContainer: deliveries.name,
      leasesContainer: settings.names.leasesContainer,
      multiRegionWrites: multiWrite,
    };
  }

  /**
   * Builds the Cosmos DB account: failover priority in region order, zone-redundant where the region has zones,
   * service-managed failover or multi-region writes, the backup policy; Entra ID only, private only.
   */
  private cosmosAccount(settings: TrackingSettings, placements: RegionPlacement[]): CosmosdbAccount {
    const { multiWrite, consistency, backup } = settings;
    const home = placements[0].region.name;
    const scope = this.regionScope(home);
    const multiRegion = placements.length > 1;
    // Single write region across several regions: Azure fails the write region over on its own.
    const serviceManagedFailover = multiRegion && !multiWrite;
    const account = new CosmosdbAccount(scope, 'CosmosAccount', {
      name: this.naming.name(scope, ResourceKind.COSMOS_ACCOUNT, { qualifier: home, override: settings.names.cosmosAccounts[home], prop: `names.cosmosAccounts.${home}` }),
      location: home,
      resourceGroupName: this.resourceGroupName(home),
      offerType: 'Standard',
      kind: 'GlobalDocumentDB',
      consistencyPolicy: consistency === 'BoundedStaleness'
        // Multi-region accounts need at least 100,000 operations / 300 s of staleness.
        ? { consistencyLevel: consistency, maxIntervalInSeconds: 300, maxStalenessPrefix: 100000 }
        : { consistencyLevel: consistency },
      geoLocation: placements.map((p, priority) => ({ location: p.region.name, failoverPriority: priority, zoneRedundant: p.zoneRedundant })),
      automaticFailoverEnabled: serviceManagedFailover,
      multipleWriteLocationsEnabled: multiWrite,
      backup: backup === 'periodic'
        ? { type: 'Periodic', intervalInMinutes: 240, retentionInHours: 8, storageRedundancy: this.periodicRedundancy(placements[0]) }
        : { type: 'Continuous', tier: backup === 'continuous30Days' ? 'Continuous30Days' : 'Continuous7Days' },
      // Entra ID only, private only.
      localAuthenticationDisabled: true,
      accessKeyMetadataWritesEnabled: false,
      minimalTlsVersion: 'Tls12',
      publicNetworkAccessEnabled: false,
      networkAclBypassForAzureServices: false,
      tags: { ...this.tags, region: home },
    });
    // A service-managed failover (single write region) rewrites the failover priorities; without ignore_changes the
    // next apply would fail the account back. Multi-region-write accounts (activeActive) have no such failover, so
    // their region list stays managed: adding a region adds a location in place (the provider updates `locations`
    // without replacement: terraform-provider-azurerm v4.55.0, internal/services/cosmos/cosmosdb_account_resource.go).
    protect(account, this.removalPolicy, serviceManagedFailover ? ['geo_location'] : []);
    return account;
  }

  /**
   * Grants a principal "Cosmos DB Built-in Data Contributor" (a data-plane role) on the tracking database of every
   * account.
   *
   * @param grantee - a `UserAssignedIdentity` (or another construct with a `principalId`), or `{ principalId }`
   * @param options - where the role assignments go (e.g. the region stack that owns the workload identity) and their
   * construct IDs (required `id` for a grantee that is not a construct)
   * @returns the role assignments created, `<id>-<home region>`
   */
  public grantDataContributor(grantee: IPrincipal, options?: GrantOptions): CosmosdbSqlRoleAssignment[] {
    const grant = resolveGrant(this, 'grantDataContributor', grantee, options, 'DataContributor');
    const covers = grantRegions(this, 'grantDataContributor', options, this.accountResources.map((a) => a.home));
    return this.accountResources.filter(({ home }) => covers(home)).map(({ home, account, resourceGroupName, databaseName }) =>
      dataContributor(grant.scope, grantChildId(this, 'grantDataContributor', grant, home), account, resourceGroupName, databaseName, grant.principalId));
  }

  /** The account a region's workloads use, and the preferred regions (own region first) for the SDK. */
  public accountFor(region: string): { readonly account: TrackingAccount; readonly preferredRegions: readonly string[] } {
    const account = this.accounts.find((a) => a.regions.includes(region));
    if (!account) throw new ValidationError({ scope: this, prop: 'region', value: region, problem: 'no tracking account spans this region', fix: `use one of ${this.placements.map((p) => p.region.name).join(', ')}` });
    return { account, preferredRegions: [region, ...account.regions.filter((r) => r !== region)] };
  }

  /** The private endpoints every stamp needs: one per Cosmos DB account. */
  public get privateEndpoints(): readonly DataTierEndpoint[] {
    return this.accountResources.map(({ home, account }) => ({
      key: home, qualifier: `cosmos-${home}`, resourceId: account.id, subresource: 'Sql', zone: PrivateDnsZones.COSMOS_SQL, region: home,
    }));
  }

  /** @internal */
  protected get resourceGroupQualifier(): string {
    return 'tracking';
  }

  /** @internal */
  protected get endpointIdPrefix(): string {
    return 'Tracking';
  }

  /** Periodic backups: geo-redundant where allowed, else zone- or locally-redundant. */
  private periodicRedundancy(home: RegionPlacement): string {
    return this.geoBackupAllowed(home) ? 'Geo' : home.zoneRedundant ? 'Zone' : 'Local';
  }

  private checkThroughput(prop: string, value: number): number {
    if (Token.isUnresolved(value)) checkInteger(this, prop, value, 1000, 1000000, 'autoscale maximum throughput in RU/s');
    if (!Number.isInteger(value) || value < 1000 || value > 1000000 || value % 1000 !== 0) {
      throw new ValidationError({ scope: this, prop, value, problem: 'autoscale maximum throughput is 1000 RU/s or more, in steps of 1000 (Azure scales between 10% and 100% of it)', fix: 'use 1000, 2000, 4000, ...' });
    }
    return value;
  }

  /** The names: overrides only for accounts the store creates, each valid and distinct; the leases container's. */
  private checkNames(checks: Checks, names: TrackingStoreNames, deliveriesName: string): { readonly cosmosAccounts: { readonly [region: string]: string }; readonly leasesContainer: string } {
    const homes = this.pattern.kind === PatternKind.REGION_PINNED ? this.placements.map((p) => p.region.name) : [this.placements[0].region.name];
    const cosmosAccounts = checkRegionNames(checks, 'names.cosmosAccounts', names.cosmosAccounts, homes, ResourceKind.COSMOS_ACCOUNT);
    checkDistinct(checks, Object.entries(cosmosAccounts).map(([region, name]) => [`names.cosmosAccounts.${region}`, name] as const), 'Cosmos DB account names are globally unique');
    const leasesContainer = names.leasesContainer ?? 'leases';
    if (names.leasesContainer !== undefined) {
      checks.run(undefined, () => ResourceKind.COSMOS_SQL_CONTAINER.validate(this, 'names.leasesContainer', leasesContainer));
      if (leasesContainer === deliveriesName) {
        checks.fail({ prop: 'names.leasesContainer', value: leasesContainer, problem: 'the deliveries container has this name, and the change-feed processor needs a container of its own for its leases', fix: 'give the leases container another name' });
      }
    }
    return { cosmosAccounts, leasesContainer };
  }

  private checkDeliveries(checks: Checks, options: DeliveriesContainerOptions, leasesByDefault: boolean): Required<Omit<DeliveriesContainerOptions, 'defaultTtlSeconds'>> & { defaultTtlSeconds?: number } {
    const name = options.name ?? 'deliveries';
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(name) || (leasesByDefault && name === 'leases')) {
      checks.fail({ prop: 'deliveries.name', value: name, problem: "container names here are 1-40 lower-case letters, digits and hyphens, and 'leases' is taken by the change feed", fix: "use e.g. 'deliveries'" });
    }
    const partitionKeyPath = options.partitionKeyPath ?? '/orderId';
    if (!/^\/[^/\s]+(\/[^/\s]+)*$/.test(partitionKeyPath)) {
      checks.fail({ prop: 'deliveries.partitionKeyPath', value: partitionKeyPath, problem: "a partition key path starts with '/' and names a property", fix: "use e.g. '/orderId'" });
    }
    const maxThroughput = checks.run(4000, () => this.checkThroughput('deliveries.maxThroughput', options.maxThroughput ?? 4000));
    const ttl = options.defaultTtlSeconds;
    if (ttl !== undefined && ttl !== -1) checks.integer('deliveries.defaultTtlSeconds', ttl, 1, 2147483647, '-1 (on, no default expiry) or seconds');
    return { name, partitionKeyPath, maxThroughput, ...(ttl !== undefined ? { defaultTtlSeconds: ttl } : {}) };
  }
}

/** The props of a TrackingStore after validation: what every account is built with. */
interface TrackingSettings {
  /** activeActive: multi-region writes. */
  readonly multiWrite: boolean;
  readonly consistency: ConsistencyLevel;
  readonly backup: TrackingBackup;
  readonly databaseName: string;
  readonly deliveries: ReturnType<TrackingStore['checkDeliveries']>;
  readonly leasesMax: number;
  /** Data contributors' principal IDs by key. */
  readonly contributors: [string, string][];
  readonly names: ReturnType<TrackingStore['checkNames']>;
}

/** A "Cosmos DB Built-in Data Contributor" assignment on one account's database. */
function dataContributor(scope: Construct, id: string, account: CosmosdbAccount, resourceGroupName: string, databaseName: string, principalId: string): CosmosdbSqlRoleAssignment {
  return new CosmosdbSqlRoleAssignment(scope, id, {
    accountName: account.name,
    resourceGroupName,
    roleDefinitionId: `${account.id}/sqlRoleDefinitions/${DATA_CONTRIBUTOR_ROLE}`,
    principalId,
    scope: `${account.id}/dbs/${databaseName}`,
  });
}
