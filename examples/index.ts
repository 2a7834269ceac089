import { Construct } from 'constructs';
import { MultiRegionOrderPlatform } from '../lib';
import { zoneRedundant } from './zone-redundant';

/** Every example, keyed by its platform id (= its file name); `stacks/main.ts` synthesizes them all. */
export const EXAMPLES: { readonly [id: string]: (scope: Construct) => MultiRegionOrderPlatform } = {
  'zone-redundant': zoneRedundant,
};
