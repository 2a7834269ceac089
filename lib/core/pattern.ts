import { IConstruct } from 'constructs';
import { closest } from 'fastest-levenshtein';
import { ValidationError } from './errors';
import { RegionInfo, Regions } from './regions';
import { checkShape, opt, Shape, shapes, strictShape } from './validate';

/** The five redundancy patterns (the README's pattern table). */
export enum PatternKind {
  /** One region, every component spread over its availability zones. */
  ZONE_REDUNDANT = 'zoneRedundant',
  /** Two regions: the primary writes, the secondary serves reads and takes over writes on failover. */
  PRIMARY_SECONDARY = 'primarySecondary',
  /** Two regions: the active serves everything, the passive waits (warm or pilot light). */
  ACTIVE_PASSIVE = 'activePassive',
  /** Two or more regions all serving traffic; each region writes its own orders. */
  ACTIVE_ACTIVE = 'activeActive',
  /** One or more independent cells, each pinned to a data-residency boundary. */
  REGION_PINNED = 'regionPinned',
}

/** What a region does under a pattern. */
export enum RegionRole {
  /** Writes and reads (zoneRedundant, primarySecondary). */
  PRIMARY = 'primary',
  /** Readable replica region that takes over writes on failover (primarySecondary). */
  SECONDARY = 'secondary',
  /** Serves traffic (activePassive's first region, every activeActive region). */
  ACTIVE = 'active',
  /** Standby region that takes over on failover (activePassive). */
  PASSIVE = 'passive',
  /** Independent residency cell (regionPinned). */
  CELL = 'cell',
}

/** How the passive region of `activePassive` waits. */
export type StandbyMode = 'warm' | 'pilot-light';

const STANDBY_MODES: readonly StandbyMode[] = ['warm', 'pilot-light'];

/** Where one region sits in a pattern. */
export interface RegionPlacement {
  /** The region's catalog entry. */
  readonly region: RegionInfo;
  /** What the region does under the pattern. */
  readonly role: RegionRole;
  /** Position in the platform's region list (0 = primary / home). */
  readonly index: number;
  /** Whether zonal resources in this region are spread over availability zones 1-3. */
  readonly zoneRedundant: boolean;
  /** The residency boundary of a `regionPinned` cell. */
  readonly residency?: string;
}

/** Options of {@link RedundancyPattern.primarySecondary}. */
export interface PrimarySecondaryOptions {
  /**
   * Accept a secondary region without availability zones (its stamp is then not zone-redundant: AKS 99.9%
   * instead of 99.95%, and a zone loss there during a failover is not survived).
   * @default false
   */
  readonly allowSecondaryWithoutZones?: boolean;
}

/** Options of {@link RedundancyPattern.activePassive}. */
export interface ActivePassiveOptions {
  /**
   * `warm`: the passive region runs the workloads at reduced capacity and scales out on failover;
   * `pilot-light`: the passive cluster exists but runs no workloads until failover (longer recovery).
   * @default 'warm'
   */
  readonly standby?: StandbyMode;
  /**
   * Accept a passive region without availability zones.
   * @default false
   */
  readonly allowPassiveWithoutZones?: boolean;
}

/** Options of {@link RedundancyPattern.regionPinned}. */
export interface RegionPinnedOptions {
  /**
   * The declared residency of each cell, keyed by region: a Microsoft geography (`Europe`, `Japan`, ...) or
   * `EU Data Boundary`. Every cell's data stays inside its residency; a region outside it is rejected.
   * @default - each cell's residency is its region's own geography
   */
  readonly residency?: { readonly [region: string]: string };
  /**
   * Accept cells in regions without availability zones (a geography whose only region, or only region inside the
   * residency, has none). Such a cell's stamp is not zone-redundant (AKS 99.9% instead of 99.95%), its data services
   * run without zone redundancy, and its PostgreSQL primary runs same-zone high availability: a server failure is
   * survived, the loss of the datacenter is not.
   * @default false
   */
  readonly allowCellsWithoutZones?: boolean;
}

/** The options each factory accepts (JavaScript callers can pass anything: unknown keys and wrong types are errors). */
const OPTION_SHAPES: { readonly [kind in PatternKind]: Shape } = {
  [PatternKind.ZONE_REDUNDANT]: strictShape<object>({}),
  [PatternKind.PRIMARY_SECONDARY]: strictShape<PrimarySecondaryOptions>({ allowSecondaryWithoutZones: opt(shapes.boolean()) }),
  [PatternKind.ACTIVE_PASSIVE]: strictShape<ActivePassiveOptions>({ standby: opt(shapes.oneOf(STANDBY_MODES)), allowPassiveWithoutZones: opt(shapes.boolean()) }),
  [PatternKind.ACTIVE_ACTIVE]: strictShape<object>({}),
  [PatternKind.REGION_PINNED]: strictShape<RegionPinnedOptions>({ residency: opt(shapes.map(shapes.string('a geography name'))), allowCellsWithoutZones: opt(shapes.boolean()) }),
};

/**
 * The activeActive failover partner of the region at `index`: the region listed before it, and for the first region
 * the second. Appending a region never changes an existing region's partner, so adding a region to an activeActive
 * platform creates resources without replacing any pairing (a ring would re-pair the last region).
 */
export function activeActivePartner(index: number): number {
  return index === 0 ? 1 : index - 1;
}

/**
 * A redundancy pattern: which roles the platform's regions take and what every component does in them.
 *
 * Pick one with a static factory; the platform's `regions` list (first = primary / home) is checked against it
 * when a construct places the pattern, so errors name the construct that received the bad input.
 */
export class RedundancyPattern {
  /** One region, zone-redundant everywhere. */
  public static zoneRedundant(): RedundancyPattern {
    // eslint-disable-next-line prefer-rest-params -- a JavaScript caller may pass options this factory does not take
    return new RedundancyPattern(PatternKind.ZONE_REDUNDANT, arguments[0] ?? {});
  }

  /** Two regions: primary writes; secondary reads locally and takes over writes on failover. */
  public static primarySecondary(options: PrimarySecondaryOptions = {}): RedundancyPattern {
    return new RedundancyPattern(PatternKind.PRIMARY_SECONDARY, options);
  }

  /** Two regions: active serves, passive stands by (warm or pilot light). */
  public static activePassive(options: ActivePassiveOptions = {}): RedundancyPattern {
    return new RedundancyPattern(PatternKind.ACTIVE_PASSIVE, options);
  }

  /** Two or more regions serving traffic at once; each region is the home cell of its own orders. */
  public static activeActive(): RedundancyPattern {
    // eslint-disable-next-line prefer-rest-params -- a JavaScript caller may pass options this factory does not take
    return new RedundancyPattern(PatternKind.ACTIVE_ACTIVE, arguments[0] ?? {});
  }

  /** One or more independent cells that never replicate outside their residency. */
  public static regionPinned(options: RegionPinnedOptions = {}): RedundancyPattern {
    return new RedundancyPattern(PatternKind.REGION_PINNED, options);
  }

  private readonly options: PrimarySecondaryOptions & ActivePassiveOptions & RegionPinnedOptions;

  private constructor(
    /** Which of the five patterns this is. */
    public readonly kind: PatternKind,
    /** The options as given (checked by `place`). */
    private readonly given: unknown,
  ) {
    this.options = given !== null && typeof given === 'object' ? given : {};
  }

  /** The passive region's standby mode (`activePassive` only). */
  public get standby(): StandbyMode | undefined {
    return this.kind === PatternKind.ACTIVE_PASSIVE ? (this.options.standby ?? 'warm') : undefined;
  }

  /** Whether the pattern spans more than one region with replication between them. */
  public get replicatesAcrossRegions(): boolean {
    return this.kind !== PatternKind.ZONE_REDUNDANT && this.kind !== PatternKind.REGION_PINNED;
  }

  /**
   * Checks a region list against the pattern and returns each region's placement.
   *
   * @param scope - construct that received the list (named in errors)
   * @param regions - programmatic region names, first = primary / home
   * @param prop - prop name for errors
   */
  public place(scope: IConstruct, regions: readonly string[], prop = 'regions'): RegionPlacement[] {
    checkShape(scope, 'pattern', this.given, OPTION_SHAPES[this.kind]);
    if (!Array.isArray(regions) || regions.length === 0) {
      throw new ValidationError({ scope, prop, value: regions, problem: 'at least one region is required', fix: this.countFix() });
    }
    for (const key of Object.keys(this.options.residency ?? {})) {
      if (typeof this.options.residency![key] !== 'string') {
        throw new ValidationError({ scope, prop: `pattern.residency.${key}`, value: this.options.residency![key], problem: 'a residency is a Microsoft geography name or \'EU Data Boundary\'', fix: "use e.g. 'Europe' or 'EU Data Boundary'" });
      }
    }
    const infos = regions.map((name, i) => Regions.find(name, scope, `${prop}[${i}]`));
    infos.forEach((info, i) => {
      const first = infos.findIndex((other) => other.name === info.name);
      if (first !== i) {
        throw new ValidationError({
          scope, prop, value: regions,
          problem: `region '${info.name}' is listed twice (positions ${first} and ${i}); a second copy in the same region protects against nothing a zone-redundant stamp does not`,
          fix: `list each region once${this.kind === PatternKind.ZONE_REDUNDANT ? '' : `; pick a different region${info.pairedRegion && Regions.tryFind(info.pairedRegion) ? `, e.g. its pair '${info.pairedRegion}'` : ''}`}`,
        });
      }
    });
    this.checkCount(scope, prop, regions);
    const placements = infos.map((region, index) => this.placeOne(scope, prop, region, index));
    if (this.kind === PatternKind.REGION_PINNED) this.checkResidencyKeys(scope, regions);
    return placements;
  }

  private placeOne(scope: IConstruct, prop: string, region: RegionInfo, index: number): RegionPlacement {
    const role = this.roleOf(index);
    const mayLackZones =
      (role === RegionRole.SECONDARY && this.options.allowSecondaryWithoutZones === true) ||
      (role === RegionRole.PASSIVE && this.options.allowPassiveWithoutZones === true) ||
      (role === RegionRole.CELL && this.options.allowCellsWithoutZones === true);
    if (!region.availabilityZones && !mayLackZones) {
      const option = role === RegionRole.SECONDARY ? 'allowSecondaryWithoutZones' : role === RegionRole.PASSIVE ? 'allowPassiveWithoutZones' : role === RegionRole.CELL ? 'allowCellsWithoutZones' : undefined;
      const zonal = Regions.all().filter((r) => r.geography === region.geography && r.availabilityZones).map((r) => r.name);
      throw new ValidationError({
        scope,
        prop: `${prop}[${index}]`,
        value: region.name,
        problem: `${region.displayName} has no availability zones, but the ${role} region of ${this.kind} must be zone-redundant (AKS node pools across zones 1-3, zone-redundant data services)`,
        fix: `choose a region with availability zones${zonal.length ? ` in ${region.geography} (${zonal.join(', ')})` : ''}${option ? `, or set ${option}: true to accept a non-zonal ${role} region` : ''}`,
      });
    }
    const residency = this.kind === PatternKind.REGION_PINNED ? this.residencyOf(scope, region) : undefined;
    return { region, role, index, zoneRedundant: region.availabilityZones, ...(residency ? { residency } : {}) };
  }

  private roleOf(index: number): RegionRole {
    switch (this.kind) {
      case PatternKind.ZONE_REDUNDANT:
        return RegionRole.PRIMARY;
      case PatternKind.PRIMARY_SECONDARY:
        return index === 0 ? RegionRole.PRIMARY : RegionRole.SECONDARY;
      case PatternKind.ACTIVE_PASSIVE:
        return index === 0 ? RegionRole.ACTIVE : RegionRole.PASSIVE;
      case PatternKind.ACTIVE_ACTIVE:
        return RegionRole.ACTIVE;
      case PatternKind.REGION_PINNED:
        return RegionRole.CELL;
    }
  }

  private checkCount(scope: IConstruct, prop: string, regions: readonly string[]): void {
    const n = regions.length;
    const ok =
      this.kind === PatternKind.ZONE_REDUNDANT ? n === 1
        : this.kind === PatternKind.PRIMARY_SECONDARY || this.kind === PatternKind.ACTIVE_PASSIVE ? n === 2
          : this.kind === PatternKind.ACTIVE_ACTIVE ? n >= 2
            : n >= 1;
    if (!ok) {
      throw new ValidationError({ scope, prop, value: regions, problem: `${this.kind} takes ${this.countText()}, got ${n}`, fix: this.countFix() });
    }
  }

  private countText(): string {
    switch (this.kind) {
      case PatternKind.ZONE_REDUNDANT: return 'exactly 1 region';
      case PatternKind.PRIMARY_SECONDARY: return 'exactly 2 regions (primary, secondary)';
      case PatternKind.ACTIVE_PASSIVE: return 'exactly 2 regions (active, passive)';
      case PatternKind.ACTIVE_ACTIVE: return '2 or more regions';
      case PatternKind.REGION_PINNED: return '1 or more regions (one cell each)';
    }
  }

  private countFix(): string {
    const other = this.kind === PatternKind.ZONE_REDUNDANT
      ? '; for more regions choose primarySecondary, activePassive, activeActive or regionPinned'
      : this.kind === PatternKind.ACTIVE_ACTIVE ? '; for one region choose zoneRedundant' : '';
    return `list ${this.countText()}, the first being the primary / home region${other}`;
  }

  private residencyOf(scope: IConstruct, region: RegionInfo): string {
    const declared = this.options.residency?.[region.name];
    if (declared === undefined) return region.geography;
    const known = Regions.residencies();
    if (!known.includes(declared)) {
      throw new ValidationError({
        scope, prop: `pattern.residency.${region.name}`, value: declared,
        problem: 'not a Microsoft geography or the EU Data Boundary',
        fix: `did you mean '${closest(declared, [...known])}'? Known residencies: ${known.join(', ')}`,
      });
    }
    if (!Regions.isInResidency(region, declared)) {
      const inside = Regions.all().filter((r) => Regions.isInResidency(r, declared) && r.availabilityZones).map((r) => r.name);
      throw new ValidationError({
        scope, prop: `pattern.residency.${region.name}`, value: declared,
        problem: `cell region ${region.name} lies in ${region.geography}, outside its declared residency ${declared}; its data would leave the boundary`,
        fix: `place the cell in a region inside ${declared} (${inside.join(', ')}) or declare residency '${region.geography}'`,
      });
    }
    return declared;
  }

  private checkResidencyKeys(scope: IConstruct, regions: readonly string[]): void {
    for (const key of Object.keys(this.options.residency ?? {})) {
      if (!regions.includes(key)) {
        throw new ValidationError({
          scope, prop: `pattern.residency.${key}`, value: this.options.residency![key],
          problem: `residency is declared for region '${key}', which is not one of the platform's cells (${regions.join(', ')})`,
          fix: 'declare residency only for listed regions, or add the region to the list',
        });
      }
    }
  }
}
