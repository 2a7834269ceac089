import { closest, distance } from 'fastest-levenshtein';
import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ValidationError } from './errors';
import { REGION_DATA, RegionData, RESTRICTED_PAIR_DATA } from './region-data';

/** A region of the catalog, as the rest of the library sees it. */
export type RegionInfo = RegionData;

/** The EU Data Boundary (EU and EFTA regions), accepted as a residency next to Microsoft geography names. */
export const EU_DATA_BOUNDARY = 'EU Data Boundary';

const BY_NAME: ReadonlyMap<string, RegionInfo> = new Map(REGION_DATA.map((r) => [r.name, r]));

/** Lower-case letters and digits only: `West US 3`, `west-us-3` and `westus3` all become `westus3`. */
function squash(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The closest catalog name to a wrong one, by exact squashed match first, then edit distance. */
function suggest(name: string): string | undefined {
  const squashed = squash(name);
  if (BY_NAME.has(squashed)) return squashed;
  const byDisplay = REGION_DATA.find((r) => squash(r.displayName) === squashed);
  if (byDisplay) return byDisplay.name;
  const names = REGION_DATA.map((r) => r.name);
  const best = closest(squashed, names);
  // Two edits, or one per four letters, catch typos; anything further away is noise, not help.
  return distance(squashed, best) <= Math.max(2, Math.floor(squashed.length / 4)) ? best : undefined;
}

/** Read-only access to the region catalog. */
export class Regions {
  /** Every region in the catalog, sorted by programmatic name. */
  public static all(): readonly RegionInfo[] {
    return REGION_DATA;
  }

  /** The catalog entry for a programmatic name, or `undefined`. */
  public static tryFind(name: string): RegionInfo | undefined {
    return BY_NAME.get(name);
  }

  /**
   * The catalog entry for a programmatic region name (`westus3`); anything else throws a `ValidationError`
   * that suggests the closest real name.
   */
  public static find(name: string, scope: IConstruct | string, prop: string): RegionInfo {
    const found = typeof name === 'string' ? BY_NAME.get(name) : undefined;
    if (found) return found;
    if (typeof name === 'string' && Token.isUnresolved(name)) {
      throw new ValidationError({ scope, prop, value: name, problem: 'a Terraform token is unknown until apply, and the region decides the stacks, names, zones and pairs at synth time', fix: "give the literal region name, e.g. 'westus3'" });
    }
    const suggestion = typeof name === 'string' ? suggest(name) : undefined;
    throw new ValidationError({
      scope,
      prop,
      value: name,
      problem: 'not an Azure public region in the catalog (use the programmatic name, as `az account list-locations -o table` prints it)',
      fix: suggestion
        ? `did you mean '${suggestion}' (${BY_NAME.get(suggestion)!.displayName})?`
        : `use one of: ${REGION_DATA.map((r) => r.name).join(', ')}`,
    });
  }

  /** Whether a region lies inside a residency: a Microsoft geography name or {@link EU_DATA_BOUNDARY}. */
  public static isInResidency(region: RegionInfo, residency: string): boolean {
    return residency === EU_DATA_BOUNDARY ? region.euDataBoundary : region.geography === residency;
  }

  /**
   * Whether the region's paired region (where geo-redundant backups are stored) lies inside a residency;
   * `false` for a region without a pair.
   */
  public static isPairInResidency(region: RegionInfo, residency: string): boolean {
    if (!region.pairedRegion) return false;
    const pair = BY_NAME.get(region.pairedRegion) ?? RESTRICTED_PAIR_DATA.find((r) => r.name === region.pairedRegion);
    if (!pair) return false;
    return residency === EU_DATA_BOUNDARY ? pair.euDataBoundary : pair.geography === residency;
  }

  /** Every residency name the catalog knows: the geographies plus {@link EU_DATA_BOUNDARY}. */
  public static residencies(): readonly string[] {
    return [...new Set(REGION_DATA.map((r) => r.geography)), EU_DATA_BOUNDARY].sort();
  }
}
