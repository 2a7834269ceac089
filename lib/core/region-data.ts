/**
 * Azure public-cloud region catalog.
 *
 * Source: Microsoft Learn, "Azure regions list" and "Azure region pairs and nonpaired regions"
 * (learn.microsoft.com/azure/reliability/regions-list, read November 2026: page revision of September 2025;
 * availability zones checked against "What are availability zones?", revision of February 2026). Regions whose access is
 * restricted (for example australiacentral2, brazilsoutheast, francesouth, germanynorth, norwaywest, southafricawest,
 * swedensouth, switzerlandwest, uaecentral) are left out: they cannot host a stamp without an access request.
 * North Central US is recorded without availability zones: Microsoft lists its zones as in preview, not generally available.
 */

/** One row of the catalog. */
export interface RegionData {
  /** Programmatic name Azure and Terraform use, e.g. `westus3`. */
  readonly name: string;
  /** Display name, e.g. `West US 3`. */
  readonly displayName: string;
  /** Microsoft geography (the data-residency boundary), e.g. `United States`, `Europe`, `Japan`. */
  readonly geography: string;
  /** Physical location, e.g. `Phoenix`. */
  readonly location: string;
  /** Programmatic name of the paired region, or `undefined` for a nonpaired region. */
  readonly pairedRegion: string | undefined;
  /** Whether the region has availability zones. */
  readonly availabilityZones: boolean;
  /** Whether the region lies inside the EU Data Boundary (EU and EFTA countries). */
  readonly euDataBoundary: boolean;
}

/** The catalog, sorted by `name`. */
export const REGION_DATA: readonly RegionData[] = [
  { name: 'australiacentral', displayName: 'Australia Central', geography: 'Australia', location: 'Canberra', pairedRegion: 'australiacentral2', availabilityZones: false, euDataBoundary: false },
  { name: 'australiaeast', displayName: 'Australia East', geography: 'Australia', location: 'New South Wales', pairedRegion: 'australiasoutheast', availabilityZones: true, euDataBoundary: false },
  { name: 'australiasoutheast', displayName: 'Australia Southeast', geography: 'Australia', location: 'Victoria', pairedRegion: 'australiaeast', availabilityZones: false, euDataBoundary: false },
  { name: 'austriaeast', displayName: 'Austria East', geography: 'Austria', location: 'Vienna', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'belgiumcentral', displayName: 'Belgium Central', geography: 'Belgium', location: 'Brussels', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'brazilsouth', displayName: 'Brazil South', geography: 'Brazil', location: 'Sao Paulo State', pairedRegion: 'southcentralus', availabilityZones: true, euDataBoundary: false },
  { name: 'canadacentral', displayName: 'Canada Central', geography: 'Canada', location: 'Toronto', pairedRegion: 'canadaeast', availabilityZones: true, euDataBoundary: false },
  { name: 'canadaeast', displayName: 'Canada East', geography: 'Canada', location: 'Quebec', pairedRegion: 'canadacentral', availabilityZones: false, euDataBoundary: false },
  { name: 'centralindia', displayName: 'Central India', geography: 'India', location: 'Pune', pairedRegion: 'southindia', availabilityZones: true, euDataBoundary: false },
  { name: 'centralus', displayName: 'Central US', geography: 'United States', location: 'Iowa', pairedRegion: 'eastus2', availabilityZones: true, euDataBoundary: false },
  { name: 'chilecentral', displayName: 'Chile Central', geography: 'Chile', location: 'Santiago', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'denmarkeast', displayName: 'Denmark East', geography: 'Denmark', location: 'Copenhagen', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'eastasia', displayName: 'East Asia', geography: 'Asia Pacific', location: 'Hong Kong SAR', pairedRegion: 'southeastasia', availabilityZones: true, euDataBoundary: false },
  { name: 'eastus', displayName: 'East US', geography: 'United States', location: 'Virginia', pairedRegion: 'westus', availabilityZones: true, euDataBoundary: false },
  { name: 'eastus2', displayName: 'East US 2', geography: 'United States', location: 'Virginia', pairedRegion: 'centralus', availabilityZones: true, euDataBoundary: false },
  { name: 'francecentral', displayName: 'France Central', geography: 'France', location: 'Paris', pairedRegion: 'francesouth', availabilityZones: true, euDataBoundary: true },
  { name: 'germanywestcentral', displayName: 'Germany West Central', geography: 'Germany', location: 'Frankfurt', pairedRegion: 'germanynorth', availabilityZones: true, euDataBoundary: true },
  { name: 'indonesiacentral', displayName: 'Indonesia Central', geography: 'Indonesia', location: 'Jakarta', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'israelcentral', displayName: 'Israel Central', geography: 'Israel', location: 'Israel', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'italynorth', displayName: 'Italy North', geography: 'Italy', location: 'Milan', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'japaneast', displayName: 'Japan East', geography: 'Japan', location: 'Tokyo, Saitama', pairedRegion: 'japanwest', availabilityZones: true, euDataBoundary: false },
  { name: 'japanwest', displayName: 'Japan West', geography: 'Japan', location: 'Osaka', pairedRegion: 'japaneast', availabilityZones: true, euDataBoundary: false },
  { name: 'koreacentral', displayName: 'Korea Central', geography: 'Korea', location: 'Seoul', pairedRegion: 'koreasouth', availabilityZones: true, euDataBoundary: false },
  { name: 'koreasouth', displayName: 'Korea South', geography: 'Korea', location: 'Busan', pairedRegion: 'koreacentral', availabilityZones: false, euDataBoundary: false },
  { name: 'malaysiawest', displayName: 'Malaysia West', geography: 'Malaysia', location: 'Kuala Lumpur', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'mexicocentral', displayName: 'Mexico Central', geography: 'Mexico', location: 'Querétaro State', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'newzealandnorth', displayName: 'New Zealand North', geography: 'New Zealand', location: 'Auckland', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'northcentralus', displayName: 'North Central US', geography: 'United States', location: 'Illinois', pairedRegion: 'southcentralus', availabilityZones: false, euDataBoundary: false },
  { name: 'northeurope', displayName: 'North Europe', geography: 'Europe', location: 'Ireland', pairedRegion: 'westeurope', availabilityZones: true, euDataBoundary: true },
  { name: 'norwayeast', displayName: 'Norway East', geography: 'Norway', location: 'Norway', pairedRegion: 'norwaywest', availabilityZones: true, euDataBoundary: true },
  { name: 'polandcentral', displayName: 'Poland Central', geography: 'Poland', location: 'Warsaw', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'qatarcentral', displayName: 'Qatar Central', geography: 'Qatar', location: 'Doha', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'southafricanorth', displayName: 'South Africa North', geography: 'South Africa', location: 'Johannesburg', pairedRegion: 'southafricawest', availabilityZones: true, euDataBoundary: false },
  { name: 'southcentralus', displayName: 'South Central US', geography: 'United States', location: 'Texas', pairedRegion: 'northcentralus', availabilityZones: true, euDataBoundary: false },
  { name: 'southeastasia', displayName: 'Southeast Asia', geography: 'Asia Pacific', location: 'Singapore', pairedRegion: 'eastasia', availabilityZones: true, euDataBoundary: false },
  { name: 'southindia', displayName: 'South India', geography: 'India', location: 'Chennai', pairedRegion: 'centralindia', availabilityZones: false, euDataBoundary: false },
  { name: 'spaincentral', displayName: 'Spain Central', geography: 'Spain', location: 'Madrid', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'swedencentral', displayName: 'Sweden Central', geography: 'Sweden', location: 'Gävle', pairedRegion: 'swedensouth', availabilityZones: true, euDataBoundary: true },
  { name: 'switzerlandnorth', displayName: 'Switzerland North', geography: 'Switzerland', location: 'Zurich', pairedRegion: 'switzerlandwest', availabilityZones: true, euDataBoundary: true },
  { name: 'uaenorth', displayName: 'UAE North', geography: 'UAE', location: 'Dubai', pairedRegion: 'uaecentral', availabilityZones: true, euDataBoundary: false },
  { name: 'uksouth', displayName: 'UK South', geography: 'United Kingdom', location: 'London', pairedRegion: 'ukwest', availabilityZones: true, euDataBoundary: false },
  { name: 'ukwest', displayName: 'UK West', geography: 'United Kingdom', location: 'Cardiff', pairedRegion: 'uksouth', availabilityZones: false, euDataBoundary: false },
  { name: 'westcentralus', displayName: 'West Central US', geography: 'United States', location: 'Wyoming', pairedRegion: 'westus2', availabilityZones: false, euDataBoundary: false },
  { name: 'westeurope', displayName: 'West Europe', geography: 'Europe', location: 'Netherlands', pairedRegion: 'northeurope', availabilityZones: true, euDataBoundary: true },
  { name: 'westindia', displayName: 'West India', geography: 'India', location: 'Mumbai', pairedRegion: 'southindia', availabilityZones: false, euDataBoundary: false },
  { name: 'westus', displayName: 'West US', geography: 'United States', location: 'California', pairedRegion: 'eastus', availabilityZones: false, euDataBoundary: false },
  { name: 'westus2', displayName: 'West US 2', geography: 'United States', location: 'Washington', pairedRegion: 'westcentralus', availabilityZones: true, euDataBoundary: false },
  { name: 'westus3', displayName: 'West US 3', geography: 'United States', location: 'Phoenix', pairedRegion: 'eastus', availabilityZones: true, euDataBoundary: false },
];

/** A restricted-access region: it cannot host a stamp, but it is the pair of a catalog region. */
export interface RestrictedRegionData {
  readonly name: string;
  readonly geography: string;
  readonly euDataBoundary: boolean;
}

/**
 * Restricted regions that are pairs of catalog regions (same source), so geo-redundant backups, which land in the
 * pair, can be checked against a residency.
 */
export const RESTRICTED_PAIR_DATA: readonly RestrictedRegionData[] = [
  { name: 'australiacentral2', geography: 'Australia', euDataBoundary: false },
  { name: 'brazilsoutheast', geography: 'Brazil', euDataBoundary: false },
  { name: 'francesouth', geography: 'France', euDataBoundary: true },
  { name: 'germanynorth', geography: 'Germany', euDataBoundary: true },
  { name: 'norwaywest', geography: 'Norway', euDataBoundary: true },
  { name: 'southafricawest', geography: 'South Africa', euDataBoundary: false },
  { name: 'swedensouth', geography: 'Sweden', euDataBoundary: true },
  { name: 'switzerlandwest', geography: 'Switzerland', euDataBoundary: true },
  { name: 'uaecentral', geography: 'UAE', euDataBoundary: false },
];
