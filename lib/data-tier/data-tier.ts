import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { IRegionalMonitoring } from '../monitoring/regional-monitoring';
import { DataTierEndpoint } from '../common/private-endpoints';
import { describeValue, ValidationError } from '../core/errors';
import { RemovalPolicy } from '../core/lifecycle';
import { Naming, ResourceKind } from '../core/naming';
import { PatternKind, RedundancyPattern, RegionPlacement } from '../core/pattern';
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
   * Resource group per region, by region name: existing groups the construct deploys into or, with
   * `createResourceGroups`, the names of the groups it creates. Without `createResourceGroups`, every region needs one.
   * @default - with `createResourceGroups`: `<prefix>-rg-<db|tracking|events>-<region>-<hash>`; without: none (required)
   */
  readonly resourceGroupNames?: { readonly [region: string]: string };
  /**
   * Create the resource groups (named by `resourceGroupNames` or generated) instead of deploying into existing ones.
   * The construct never creates a group it was not asked to.
   * @default false
   */
  readonly createResourceGroups?: boolean;
  /**
   * Where each region's diagnostics go (SQL auditing, Cosmos DB and Service Bus logs), by region name: one sink per
   * region, for example a `RegionalMonitoring`. The construct creates no workspace of its own.
   */
  readonly monitoring: { readonly [region: string]: IRegionalMonitoring };
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
 * region (keyed by region name, so adding a region never moves another's resources), resource groups given (or
 * created when asked), monitoring sinks given, and private endpoints into the regional stamps.
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
  private readonly groupNames = new Map<string, string>();
  private readonly createdGroups: { [region: string]: ResourceGroup } = {};
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
    this.checkEveryRegion(props);
  }

  /**
   * Every region needs a monitoring sink and, unless the construct creates its groups, an existing resource group:
   * the construct creates neither a workspace nor a group it was not asked for.
   */
  private checkEveryRegion(props: DataTierProps): void {
    const errors: ValidationError[] = [];
    const missingSinks = props.regions.filter((region) => props.monitoring[region] === undefined);
    if (missingSinks.length > 0) {
      errors.push(new ValidationError({
        scope: this, prop: 'monitoring', value: Object.keys(props.monitoring),
        problem: `no monitoring sink for ${missingSinks.join(', ')}: the construct sends its diagnostics there and creates no workspace of its own`,
        fix: `pass monitoring: { ${missingSinks.map((r) => `${r}: <RegionalMonitoring>`).join(', ')} } (new RegionalMonitoring(scope, id, { prefix, region, resourceGroupName }))`,
      }));
    }
    const missingGroups = props.createResourceGroups === true ? [] : props.regions.filter((region) => props.resourceGroupNames?.[region] === undefined);
    if (missingGroups.length > 0) {
      errors.push(new ValidationError({
        scope: this, prop: 'resourceGroupNames', value: Object.keys(props.resourceGroupNames ?? {}),
        problem: `no resource group for ${missingGroups.join(', ')}, and createResourceGroups is not set: the construct creates no group it was not asked for`,
        fix: `pass resourceGroupNames: { ${missingGroups.map((r) => `${r}: '<existing group>'`).join(', ')} }, or set createResourceGroups: true`,
      }));
    }
    if (errors.length > 0) throw ValidationError.combine(errors);
  }

  /** The resource groups this construct created (with `createResourceGroups`), by region; empty when it was given existing ones. */
  public get resourceGroups(): { readonly [region: string]: ResourceGroup } {
    return { ...this.createdGroups };
  }

  /** The private endpoints every stamp needs into this construct's resources. */
  public abstract get privateEndpoints(): readonly DataTierEndpoint[];

  /**
   * Adds a private endpoint to every resource of this construct in the stamp's private-endpoint subnet,
   * registered in the stamp's private DNS zone for the service, so the names resolve privately from the stamp's
   * VNet whichever region is primary. Under regionPinned a stamp reaches only its own cell's resources (those in its
   * region): no network path leads from one residency's workloads to another's data. A construct of per-region
   * resources that only their own region uses (the order cache) connects each stamp to its own region's only.
   */
  public connect(stamp: RegionalStamp): void {
    if (!(stamp instanceof RegionalStamp)) {
      throw new ValidationError({ scope: this, prop: 'connect(stamp)', value: stamp, problem: `expected a RegionalStamp, got ${describeValue(stamp)}`, fix: 'pass the RegionalStamp whose VNet reaches this data tier' });
    }
    if (this.connected.has(stamp)) {
      throw new ValidationError({ scope: this, prop: 'connect(stamp)', value: stamp.node.path, problem: 'this stamp is already connected: its private endpoints exist', fix: 'connect each stamp once' });
    }
    this.connected.add(stamp);
    const local = this.pattern.kind === PatternKind.REGION_PINNED || this.regionLocal;
    for (const endpoint of this.privateEndpoints.filter((e) => !(local || e.localOnly) || e.region === stamp.region.name)) {
      stamp.addPrivateEndpoint(`${this.endpointIdPrefix}Endpoint-${endpoint.key}`, {
        resourceId: endpoint.resourceId,
        subresource: endpoint.subresource,
        zone: endpoint.zone,
        qualifier: endpoint.qualifier,
      });
    }
  }

  /**
   * Whether a stamp reaches only the resources of its own region under every pattern (a per-region cache), not only
   * under regionPinned. @internal
   */
  protected get regionLocal(): boolean {
    return false;
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

  /** The resource group of a region: the existing one given, or, with `createResourceGroups`, created on first use. @internal */
  protected resourceGroupName(region: string): string {
    let name = this.groupNames.get(region);
    if (name === undefined) {
      const given = this.props.resourceGroupNames?.[region];
      if (this.props.createResourceGroups === true) {
        const scope = this.regionScope(region);
        const group = new ResourceGroup(scope, 'ResourceGroup', {
          name: given ?? this.naming.name(scope, ResourceKind.RESOURCE_GROUP, { qualifier: `${this.resourceGroupQualifier}-${region}` }),
          location: region,
          tags: this.tags,
        });
        this.createdGroups[region] = group;
        name = group.name;
      } else {
        name = given!; // checkEveryRegion: every region has one
      }
      this.groupNames.set(region, name);
    }
    return name;
  }

  /** Short word in generated resource-group names (`db`, `tracking`, `events`). @internal */
  protected abstract get resourceGroupQualifier(): string;

  /** Start of the private endpoints' construct IDs in the stamps (`OrderDb`, `Tracking`, `EventBus`). @internal */
  protected abstract get endpointIdPrefix(): string;

  /** The monitoring sink of a region (every region has one: see `checkEveryRegion`). @internal */
  protected monitoring(region: string): IRegionalMonitoring {
    return this.props.monitoring[region];
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
