/**
 * Azure public-cloud region catalog.
 *
 * Source: Microsoft Learn, "Azure regions list" and "Azure region pairs and nonpaired regions"
 * (learn.microsoft.com/azure/reliability/regions-list, read November 2026: page revision of September 2025;
 * availability zones checked against "What are availability zones?", revision of February 2026). Regions whose access is
 * restricted (for example australiacentral2, brazilsoutheast, francesouth, germanynorth, norwaywest, southafricawest,
 * swedensouth, switzerlandwest, uaecentral) are left out: they cannot host a stamp without an access request.
 * North Central US is recorded without availability zones: Microsoft lists its zones as in preview, not generally available.
 * Time zones are the IANA (tz database) zone of each row's `location` (Microsoft does not publish one): the city's zone,
 * or for a US state, province or country the zone of the whole of it or of its Azure datacenter area (Virginia
 * America/New_York, Iowa, Illinois and Texas America/Chicago, Wyoming America/Denver, Arizona America/Phoenix without
 * daylight saving time, California and Washington America/Los_Angeles, Quebec America/Toronto, Querétaro
 * America/Mexico_City, Canberra Australia/Sydney, Victoria Australia/Melbourne, Ireland Europe/Dublin); checked
 * against the tz database as Node's ICU ships it (the unit tests format a date in every zone).
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
  /**
   * IANA time zone of `location`, e.g. `America/Phoenix`: the local time that off-peak maintenance windows and peak
   * hours are reckoned in (its daylight-saving rules come with it).
   */
  readonly timeZone: string;
  /** Programmatic name of the paired region, or `undefined` for a nonpaired region. */
  readonly pairedRegion: string | undefined;
  /** Whether the region has availability zones. */
  readonly availabilityZones: boolean;
  /** Whether the region lies inside the EU Data Boundary (EU and EFTA countries). */
  readonly euDataBoundary: boolean;
}

/** The catalog, sorted by `name`. */
export const REGION_DATA: readonly RegionData[] = [
  { name: 'australiacentral', displayName: 'Australia Central', geography: 'Australia', location: 'Canberra', timeZone: 'Australia/Sydney', pairedRegion: 'australiacentral2', availabilityZones: false, euDataBoundary: false },
  { name: 'australiaeast', displayName: 'Australia East', geography: 'Australia', location: 'New South Wales', timeZone: 'Australia/Sydney', pairedRegion: 'australiasoutheast', availabilityZones: true, euDataBoundary: false },
  { name: 'australiasoutheast', displayName: 'Australia Southeast', geography: 'Australia', location: 'Victoria', timeZone: 'Australia/Melbourne', pairedRegion: 'australiaeast', availabilityZones: false, euDataBoundary: false },
  { name: 'austriaeast', displayName: 'Austria East', geography: 'Austria', location: 'Vienna', timeZone: 'Europe/Vienna', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'belgiumcentral', displayName: 'Belgium Central', geography: 'Belgium', location: 'Brussels', timeZone: 'Europe/Brussels', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'brazilsouth', displayName: 'Brazil South', geography: 'Brazil', location: 'Sao Paulo State', timeZone: 'America/Sao_Paulo', pairedRegion: 'southcentralus', availabilityZones: true, euDataBoundary: false },
  { name: 'canadacentral', displayName: 'Canada Central', geography: 'Canada', location: 'Toronto', timeZone: 'America/Toronto', pairedRegion: 'canadaeast', availabilityZones: true, euDataBoundary: false },
  { name: 'canadaeast', displayName: 'Canada East', geography: 'Canada', location: 'Quebec', timeZone: 'America/Toronto', pairedRegion: 'canadacentral', availabilityZones: false, euDataBoundary: false },
  { name: 'centralindia', displayName: 'Central India', geography: 'India', location: 'Pune', timeZone: 'Asia/Kolkata', pairedRegion: 'southindia', availabilityZones: true, euDataBoundary: false },
  { name: 'centralus', displayName: 'Central US', geography: 'United States', location: 'Iowa', timeZone: 'America/Chicago', pairedRegion: 'eastus2', availabilityZones: true, euDataBoundary: false },
  { name: 'chilecentral', displayName: 'Chile Central', geography: 'Chile', location: 'Santiago', timeZone: 'America/Santiago', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'denmarkeast', displayName: 'Denmark East', geography: 'Denmark', location: 'Copenhagen', timeZone: 'Europe/Copenhagen', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'eastasia', displayName: 'East Asia', geography: 'Asia Pacific', location: 'Hong Kong SAR', timeZone: 'Asia/Hong_Kong', pairedRegion: 'southeastasia', availabilityZones: true, euDataBoundary: false },
  { name: 'eastus', displayName: 'East US', geography: 'United States', location: 'Virginia', timeZone: 'America/New_York', pairedRegion: 'westus', availabilityZones: true, euDataBoundary: false },
  { name: 'eastus2', displayName: 'East US 2', geography: 'United States', location: 'Virginia', timeZone: 'America/New_York', pairedRegion: 'centralus', availabilityZones: true, euDataBoundary: false },
  { name: 'francecentral', displayName: 'France Central', geography: 'France', location: 'Paris', timeZone: 'Europe/Paris', pairedRegion: 'francesouth', availabilityZones: true, euDataBoundary: true },
  { name: 'germanywestcentral', displayName: 'Germany West Central', geography: 'Germany', location: 'Frankfurt', timeZone: 'Europe/Berlin', pairedRegion: 'germanynorth', availabilityZones: true, euDataBoundary: true },
  { name: 'indonesiacentral', displayName: 'Indonesia Central', geography: 'Indonesia', location: 'Jakarta', timeZone: 'Asia/Jakarta', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'israelcentral', displayName: 'Israel Central', geography: 'Israel', location: 'Israel', timeZone: 'Asia/Jerusalem', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'italynorth', displayName: 'Italy North', geography: 'Italy', location: 'Milan', timeZone: 'Europe/Rome', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'japaneast', displayName: 'Japan East', geography: 'Japan', location: 'Tokyo, Saitama', timeZone: 'Asia/Tokyo', pairedRegion: 'japanwest', availabilityZones: true, euDataBoundary: false },
  { name: 'japanwest', displayName: 'Japan West', geography: 'Japan', location: 'Osaka', timeZone: 'Asia/Tokyo', pairedRegion: 'japaneast', availabilityZones: true, euDataBoundary: false },
  { name: 'koreacentral', displayName: 'Korea Central', geography: 'Korea', location: 'Seoul', timeZone: 'Asia/Seoul', pairedRegion: 'koreasouth', availabilityZones: true, euDataBoundary: false },
  { name: 'koreasouth', displayName: 'Korea South', geography: 'Korea', location: 'Busan', timeZone: 'Asia/Seoul', pairedRegion: 'koreacentral', availabilityZones: false, euDataBoundary: false },
  { name: 'malaysiawest', displayName: 'Malaysia West', geography: 'Malaysia', location: 'Kuala Lumpur', timeZone: 'Asia/Kuala_Lumpur', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'mexicocentral', displayName: 'Mexico Central', geography: 'Mexico', location: 'Querétaro State', timeZone: 'America/Mexico_City', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'newzealandnorth', displayName: 'New Zealand North', geography: 'New Zealand', location: 'Auckland', timeZone: 'Pacific/Auckland', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'northcentralus', displayName: 'North Central US', geography: 'United States', location: 'Illinois', timeZone: 'America/Chicago', pairedRegion: 'southcentralus', availabilityZones: false, euDataBoundary: false },
  { name: 'northeurope', displayName: 'North Europe', geography: 'Europe', location: 'Ireland', timeZone: 'Europe/Dublin', pairedRegion: 'westeurope', availabilityZones: true, euDataBoundary: true },
  { name: 'norwayeast', displayName: 'Norway East', geography: 'Norway', location: 'Norway', timeZone: 'Europe/Oslo', pairedRegion: 'norwaywest', availabilityZones: true, euDataBoundary: true },
  { name: 'polandcentral', displayName: 'Poland Central', geography: 'Poland', location: 'Warsaw', timeZone: 'Europe/Warsaw', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'qatarcentral', displayName: 'Qatar Central', geography: 'Qatar', location: 'Doha', timeZone: 'Asia/Qatar', pairedRegion: undefined, availabilityZones: true, euDataBoundary: false },
  { name: 'southafricanorth', displayName: 'South Africa North', geography: 'South Africa', location: 'Johannesburg', timeZone: 'Africa/Johannesburg', pairedRegion: 'southafricawest', availabilityZones: true, euDataBoundary: false },
  { name: 'southcentralus', displayName: 'South Central US', geography: 'United States', location: 'Texas', timeZone: 'America/Chicago', pairedRegion: 'northcentralus', availabilityZones: true, euDataBoundary: false },
  { name: 'southeastasia', displayName: 'Southeast Asia', geography: 'Asia Pacific', location: 'Singapore', timeZone: 'Asia/Singapore', pairedRegion: 'eastasia', availabilityZones: true, euDataBoundary: false },
  { name: 'southindia', displayName: 'South India', geography: 'India', location: 'Chennai', timeZone: 'Asia/Kolkata', pairedRegion: 'centralindia', availabilityZones: false, euDataBoundary: false },
  { name: 'spaincentral', displayName: 'Spain Central', geography: 'Spain', location: 'Madrid', timeZone: 'Europe/Madrid', pairedRegion: undefined, availabilityZones: true, euDataBoundary: true },
  { name: 'swedencentral', displayName: 'Sweden Central', geography: 'Sweden', location: 'Gävle', timeZone: 'Europe/Stockholm', pairedRegion: 'swedensouth', availabilityZones: true, euDataBoundary: true },
  { name: 'switzerlandnorth', displayName: 'Switzerland North', geography: 'Switzerland', location: 'Zurich', timeZone: 'Europe/Zurich', pairedRegion: 'switzerlandwest', availabilityZones: true, euDataBoundary: true },
  { name: 'uaenorth', displayName: 'UAE North', geography: 'UAE', location: 'Dubai', timeZone: 'Asia/Dubai', pairedRegion: 'uaecentral', availabilityZones: true, euDataBoundary: false },
  { name: 'uksouth', displayName: 'UK South', geography: 'United Kingdom', location: 'London', timeZone: 'Europe/London', pairedRegion: 'ukwest', availabilityZones: true, euDataBoundary: false },
  { name: 'ukwest', displayName: 'UK West', geography: 'United Kingdom', location: 'Cardiff', timeZone: 'Europe/London', pairedRegion: 'uksouth', availabilityZones: false, euDataBoundary: false },
  { name: 'westcentralus', displayName: 'West Central US', geography: 'United States', location: 'Wyoming', timeZone: 'America/Denver', pairedRegion: 'westus2', availabilityZones: false, euDataBoundary: false },
  { name: 'westeurope', displayName: 'West Europe', geography: 'Europe', location: 'Netherlands', timeZone: 'Europe/Amsterdam', pairedRegion: 'northeurope', availabilityZones: true, euDataBoundary: true },
  { name: 'westindia', displayName: 'West India', geography: 'India', location: 'Mumbai', timeZone: 'Asia/Kolkata', pairedRegion: 'southindia', availabilityZones: false, euDataBoundary: false },
  { name: 'westus', displayName: 'West US', geography: 'United States', location: 'California', timeZone: 'America/Los_Angeles', pairedRegion: 'eastus', availabilityZones: false, euDataBoundary: false },
  { name: 'westus2', displayName: 'West US 2', geography: 'United States', location: 'Washington', timeZone: 'America/Los_Angeles', pairedRegion: 'westcentralus', availabilityZones: true, euDataBoundary: false },
  { name: 'westus3', displayName: 'West US 3', geography: 'United States', location: 'Phoenix', timeZone: 'America/Phoenix', pairedRegion: 'eastus', availabilityZones: true, euDataBoundary: false },
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
