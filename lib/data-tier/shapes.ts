import { PATTERN_SHAPE, REGIONS_SHAPE, REMOVAL_POLICY_SHAPE, TAGS_SHAPE } from '../core/shapes';
import { opt, Shape, shapes } from '../core/validate';
import { MONITORING_SINK_SHAPE } from '../monitoring/shapes';
import type { DataTierProps } from './data-tier';

// Internal: run-time shapes of the data-tier props (not exported from the package).

/** The shape entries of `DataTierProps`, for each data-tier construct's own shape. */
export const DATA_TIER_ENTRIES: { readonly [K in keyof Required<DataTierProps>]: Shape } = {
  prefix: shapes.string(), pattern: PATTERN_SHAPE, regions: REGIONS_SHAPE, resourceGroupNames: opt(shapes.map(shapes.string())),
  createResourceGroups: opt(shapes.boolean()), monitoring: shapes.map(MONITORING_SINK_SHAPE), removalPolicy: opt(REMOVAL_POLICY_SHAPE), tags: opt(TAGS_SHAPE),
};
