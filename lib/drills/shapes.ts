import { REGIONS_SHAPE, TAGS_SHAPE } from '../core/shapes';
import { opt, Shape, shapes, strictShape } from '../core/validate';
import { RegionalStamp } from '../stamp/regional-stamp';
import { DRILL_SCENARIOS, DrillCosmosAccount, DrillServiceBusTopic, FailoverDrillsOptions, FailoverDrillsProps } from './failover-drills-types';

// Internal: the run-time shape of the drills props (not exported from the package).

const OPTION_ENTRIES: { readonly [K in keyof Required<FailoverDrillsOptions>]: Shape } = {
  durationMinutes: opt(shapes.number()), zone: opt(shapes.oneOf(['1', '2', '3'])), scenarios: opt(shapes.list(shapes.oneOf(DRILL_SCENARIOS), 'a list of drill scenarios')),
};

/** The run-time shape of `FailoverDrillsOptions` (the platform's `drills`). */
export const FAILOVER_DRILLS_OPTIONS_SHAPE = strictShape<FailoverDrillsOptions>(OPTION_ENTRIES);

/** The run-time shape of `FailoverDrillsProps` (FailoverDrills used on its own). */
export const FAILOVER_DRILLS_PROPS_SHAPE = strictShape<FailoverDrillsProps>({
  ...OPTION_ENTRIES,
  prefix: shapes.string(),
  placements: shapes.list(shapes.like<{ region: unknown; zoneRedundant: boolean }>({
    region: shapes.like<{ name: string }>({ name: shapes.string() }, 'a region of the catalog (Regions.find)'), zoneRedundant: shapes.boolean(),
  }, 'a RegionPlacement (RedundancyPattern.place)'), 'a list of region placements'),
  stamps: shapes.map(shapes.instance(() => RegionalStamp, 'a RegionalStamp'), 'an object of region names to RegionalStamps'),
  cosmosAccounts: opt(shapes.list(strictShape<DrillCosmosAccount>({ id: shapes.string(), regions: REGIONS_SHAPE, multiRegionWrites: shapes.boolean() }), 'a list of Cosmos DB accounts')),
  serviceBusTopics: opt(shapes.list(strictShape<DrillServiceBusTopic>({ region: shapes.string(), namespaceId: shapes.string(), topicName: shapes.string() }), 'a list of Service Bus topics')),
  tags: opt(TAGS_SHAPE),
});
