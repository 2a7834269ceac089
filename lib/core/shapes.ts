import type { AddressPlanProps } from './address-plan-types';
import { RemovalPolicy } from './lifecycle';
import { RedundancyPattern } from './pattern';
import { opt, shapes, strictShape } from './validate';

// Internal: run-time shapes of the core contracts (not exported from the package).

/** Azure tags. */
export const TAGS_SHAPE = shapes.map(shapes.string('a string tag value'), 'an object of tag names to string values');

/** A removal policy. */
export const REMOVAL_POLICY_SHAPE = shapes.oneOf(Object.values(RemovalPolicy));

/** A redundancy pattern (its options are checked when a construct places it). */
export const PATTERN_SHAPE = shapes.instance(() => RedundancyPattern, 'a RedundancyPattern (e.g. RedundancyPattern.zoneRedundant())');

/** A list of region names. */
export const REGIONS_SHAPE = shapes.list(shapes.string('a region name'), "a list of region names, e.g. ['westus3']");

/** The props of an address plan. */
export const ADDRESS_PLAN_PROPS_SHAPE = strictShape<AddressPlanProps>({
  addressSpace: opt(shapes.string()), regionPrefixLength: opt(shapes.number()), podCidr: opt(shapes.string()), serviceCidr: opt(shapes.string()),
});
