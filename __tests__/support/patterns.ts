import { RedundancyPattern } from '../../lib';

/**
 * One region list per pattern for the data-tier tests: brazilsouth's pair (South Central US) lies outside Brazil,
 * so the regionPinned case also exercises backups that must stay in-region.
 */
export const DATA_PATTERNS: [string, RedundancyPattern, string[]][] = [
  ['zoneRedundant', RedundancyPattern.zoneRedundant(), ['westus3']],
  ['primarySecondary', RedundancyPattern.primarySecondary(), ['westus3', 'eastus']],
  ['activePassive', RedundancyPattern.activePassive(), ['eastus2', 'centralus']],
  ['activeActive', RedundancyPattern.activeActive(), ['eastus2', 'westus3', 'centralus']],
  ['regionPinned', RedundancyPattern.regionPinned(), ['westeurope', 'brazilsouth']],
];
