import { Construct } from 'constructs';
import { MultiRegionOrderPlatform, MultiRegionOrderPlatformProps } from '../lib';
import { activeActive } from './active-active';
import { activePassive } from './active-passive';
import { primarySecondary } from './primary-secondary';
import { regionPinned } from './region-pinned';
import { zoneRedundant } from './zone-redundant';

/** Every example, keyed by its platform id (= its file name); `stacks/main.ts` synthesizes them all. */
export const EXAMPLES: { readonly [id: string]: (scope: Construct, overrides?: Partial<MultiRegionOrderPlatformProps>) => MultiRegionOrderPlatform } = {
  'active-active': activeActive,
  'active-passive': activePassive,
  'primary-secondary': primarySecondary,
  'region-pinned': regionPinned,
  'zone-redundant': zoneRedundant,
};
