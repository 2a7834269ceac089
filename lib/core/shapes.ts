import type { IRegionalMonitoring } from '../monitoring/regional-monitoring';
import type { AddressPlanProps } from './address-plan';
import type { DataTierProps } from './data-tier';
import { RemovalPolicy } from './lifecycle';
import { RedundancyPattern } from './pattern';
import { PLATFORM_SERVICES, RegionalIngress } from './services';
import { objectShape, opt, Shape, shapes, strictShape } from './validate';

// Internal: run-time shapes of the core contracts (not exported from the package).

/** The shape of a {@link RegionalIngress} (given by stamps; checked where it is received). */
export const REGIONAL_INGRESS_SHAPE = strictShape<RegionalIngress>({
  region: shapes.string(), nodeResourceGroup: shapes.string(), subnetName: shapes.string(), subnetCidr: shapes.string(), podCidr: shapes.string(),
  services: objectShape(Object.fromEntries(PLATFORM_SERVICES.map((s) => [s.key, strictShape<RegionalIngress['services'][string]>({ privateIp: shapes.string(), privateLinkServiceName: shapes.string() })]))),
}, 'a RegionalIngress (RegionalStamp.ingress)');

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

/** A monitoring sink: anything with a workspace ID and an Application Insights connection string. */
export const MONITORING_SINK_SHAPE = shapes.like<IRegionalMonitoring>({ workspaceId: shapes.string(), appInsightsConnectionString: shapes.string() }, 'a monitoring sink (RegionalMonitoring)');

/** The shape entries of `DataTierProps`, for each data-tier construct's own shape. */
export const DATA_TIER_ENTRIES: { readonly [K in keyof Required<DataTierProps>]: Shape } = {
  prefix: shapes.string(), pattern: PATTERN_SHAPE, regions: REGIONS_SHAPE, resourceGroupNames: opt(shapes.map(shapes.string())),
  monitoring: opt(shapes.map(MONITORING_SINK_SHAPE)), removalPolicy: opt(REMOVAL_POLICY_SHAPE), tags: opt(TAGS_SHAPE),
};
