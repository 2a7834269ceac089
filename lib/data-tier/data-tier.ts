import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { IRegionalMonitoring, RegionalMonitoring } from '../monitoring/regional-monitoring';
import { DataTierEndpoint } from '../common/private-endpoints';
import { describeValue, ValidationError } from '../core/errors';
import { RemovalPolicy } from '../core/lifecycle';
import { Naming, ResourceKind } from '../core/naming';
import { RedundancyPattern, RegionPlacement } from '../core/pattern';
import { Regions } from '../core/regions';
import { mergeTags, Tags } from '../core/tags';
import { checkRegionKeys, checkShape, Shape } from '../core/validate';
import { RegionalStamp } from '../stamp/regional-stamp';

/** Props every data-tier construct (database, tracking store, event bus) shares. */
export interface DataTierProps {
  /** Name prefix (2-12 lower-case letters and digits, starting with a letter). */
  readonly prefix: string;
  /** The redundancy pattern. */
  readonly pattern: RedundancyPattern;
  /** Programmatic region names, first = primary / home; the same list the platform's stamps use. */
  readonly regions: string[];
  /**
   * Resource group per region, by region name.
   * @default - the construct creates `<prefix>-rg-<db|tracking|events>-<region>-<hash>` in each region it uses
   */
  readonly resourceGroupNames?: { readonly [region: string]: string };
  /**
   * Log Analytics sink per region for diagnostics, by region name.
   * @default - the construct creates a `RegionalMonitoring` in each region it uses
   */
  readonly monitoring?: { readonly [region: string]: IRegionalMonitoring };
  /**
   * RETAIN puts `prevent_destroy` on every stateful resource; DESTROY is for throw-away environments only.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /** Tags for every resource. @default - library tags only */
  readonly tags?: Tags;
}

/**
 * Shared plumbing of the data-tier constructs: validated naming and pattern placement, one construct scope per
 * region (keyed by region name, so adding a region never moves another's resources), resource groups and
 * monitoring sinks given or created on first use, and private endpoints into the regional stamps.
 */
export abstract class DataTierConstruct extends Construct {
  /** Where every region sits in the pattern, in list order. */
  public readonly placements: readonly RegionPlacement[];
  /** The redundancy pattern the construct was placed under. */
  public readonly pattern: RedundancyPattern;
  /** @internal */
  protected readonly naming: Naming;
  /** @internal */
  protected readonly removalPolicy: RemovalPolicy;
  /** @internal */
  protected readonly tags: Tags;
  private readonly regionScopes = new Map<string, Construct>();
  private readonly resourceGroups = new Map<string, string>();
  private readonly sinks = new Map<string, IRegionalMonitoring>();
  private readonly props: DataTierProps;
  private readonly connected = new Set<RegionalStamp>();

  /** @internal */
  constructor(scope: Construct, id: string, props: DataTierProps, component: string, shape: Shape) {
    super(scope, id);
    checkShape(this, '', props, shape);
    this.props = props;
    this.naming = new Naming(Naming.validatePrefix(this, 'prefix', props.prefix));
    this.pattern = props.pattern;
    this.placements = props.pattern.place(this, props.regions);
    this.removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.tags = mergeTags(this, 'tags', { 'managed-by': 'cdktf-order-platform', component, pattern: props.pattern.kind }, props.tags);
    checkRegionKeys(this, 'resourceGroupNames', props.resourceGroupNames, props.regions);
    checkRegionKeys(this, 'monitoring', props.monitoring, props.regions);
    for (const [region, name] of Object.entries(props.resourceGroupNames ?? {})) ResourceKind.RESOURCE_GROUP.validate(this, `resourceGroupNames.${region}`, name);
  }

  /** The private endpoints every stamp needs into this construct's resources. */
  public abstract get privateEndpoints(): readonly DataTierEndpoint[];

  /**
   * Adds a private endpoint to every resource of this construct in the stamp's private-endpoint subnet,
   * registered in the stamp's private DNS zone for the service, so the names resolve privately from the stamp's
   * VNet whichever region is primary.
   */
  public connect(stamp: RegionalStamp): void {
    if (!(stamp instanceof RegionalStamp)) {
      throw new ValidationError({ scope: this, prop: 'connect(stamp)', value: stamp, problem: `expected a RegionalStamp, got ${describeValue(stamp)}`, fix: 'pass the RegionalStamp whose VNet reaches this data tier' });
    }
    if (this.connected.has(stamp)) {
      throw new ValidationError({ scope: this, prop: 'connect(stamp)', value: stamp.node.path, problem: 'this stamp is already connected: its private endpoints exist', fix: 'connect each stamp once' });
    }
    this.connected.add(stamp);
    for (const endpoint of this.privateEndpoints) {
      stamp.addPrivateEndpoint(`${this.endpointIdPrefix}Endpoint-${endpoint.key}`, {
        resourceId: endpoint.resourceId,
        subresource: endpoint.subresource,
        zone: endpoint.zone,
        qualifier: endpoint.qualifier,
      });
    }
  }

  /** The construct scope of a region's resources. @internal */
  protected regionScope(region: string): Construct {
    let scope = this.regionScopes.get(region);
    if (!scope) {
      scope = new Construct(this, region);
      this.regionScopes.set(region, scope);
    }
    return scope;
  }

  /** The resource group of a region: given, or created on first use. @internal */
  protected resourceGroupName(region: string): string {
    let name = this.resourceGroups.get(region) ?? this.props.resourceGroupNames?.[region];
    if (!name) {
      const scope = this.regionScope(region);
      name = new ResourceGroup(scope, 'ResourceGroup', {
        name: this.naming.name(scope, ResourceKind.RESOURCE_GROUP, { qualifier: `${this.resourceGroupQualifier}-${region}` }),
        location: region,
        tags: this.tags,
      }).name;
    }
    this.resourceGroups.set(region, name);
    return name;
  }

  /** Short word in generated resource-group names (`db`, `tracking`, `events`). @internal */
  protected abstract get resourceGroupQualifier(): string;

  /** Start of the private endpoints' construct IDs in the stamps (`OrderDb`, `Tracking`, `EventBus`). @internal */
  protected abstract get endpointIdPrefix(): string;

  /** The monitoring sink of a region: given, or created on first use. @internal */
  protected monitoring(region: string): IRegionalMonitoring {
    let sink = this.sinks.get(region) ?? this.props.monitoring?.[region];
    if (!sink) {
      sink = new RegionalMonitoring(this.regionScope(region), 'Monitoring', {
        prefix: this.naming.prefix, region, resourceGroupName: this.resourceGroupName(region), removalPolicy: this.removalPolicy, tags: this.tags,
      });
    }
    this.sinks.set(region, sink);
    return sink;
  }

  /**
   * Why data homed in `placement` may not be copied to the region's pair (geo-redundant backups), or `undefined`
   * when it may: the region needs a pair and, for a regionPinned cell, the pair must lie inside the cell's residency.
   * @internal
   */
  protected geoBackupBlocker(placement: RegionPlacement): string | undefined {
    const region = placement.region;
    if (!region.pairedRegion) return `${region.name} has no paired region`;
    if (placement.residency !== undefined && !Regions.isPairInResidency(region, placement.residency)) {
      return `its pair ${region.pairedRegion} lies outside the cell's residency ${placement.residency}`;
    }
    return undefined;
  }

  /** Whether data homed in `placement` may be copied to the region's pair (see `geoBackupBlocker`). @internal */
  protected geoBackupAllowed(placement: RegionPlacement): boolean {
    return this.geoBackupBlocker(placement) === undefined;
  }
}
