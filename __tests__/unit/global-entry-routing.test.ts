import { RootConstruct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { GeoRoutingOptions } from '../../lib/global-entry/global-entry-types';
import { checkGeoRouting, checkWeights } from '../../lib/global-entry/routing';
import { dependency, entryProps, HEADERS, ref, resource, synthEntry } from '../support/global-entry';
import { all, only, StackJson } from '../support/synth';

/** lib/global-entry/routing.ts: the checks called directly; the routing through one small GlobalEntry per test. */

const scope = new RootConstruct('entry');
const AA = RedundancyPattern.activeActive();
const RP = RedundancyPattern.regionPinned();

/** [prop, value, problem, fix] of the error `check` throws (fails the test when it throws none). */
function error(check: () => unknown): unknown[] {
  try {
    check();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const v = e as ValidationError;
    expect(v.constructPath).toBe('entry');
    return [v.prop, v.value, v.problem, v.fix];
  }
  throw new Error('accepted');
}

const weights = (pattern: RedundancyPattern, given: { [region: string]: number } | undefined, regions = ['eastus2', 'westus3']) => checkWeights(scope, pattern.place(scope, regions), pattern, given);
const geo = (given: GeoRoutingOptions | undefined, regions = ['westeurope', 'japaneast'], pattern = RP) => checkGeoRouting(scope, pattern.place(scope, regions), pattern, given);

describe('checkWeights', () => {
  test('weights by region, 1 to 1000; none given is an empty map under any pattern', () => {
    expect([...weights(AA, { eastus2: 1, westus3: 1000 })]).toEqual([['eastus2', 1], ['westus3', 1000]]);
    expect(weights(AA, undefined).size).toBe(0);
    expect(weights(RedundancyPattern.primarySecondary(), {}, ['westus3', 'eastus']).size).toBe(0);
  });

  test('weights under a pattern that routes by priority or country would be ignored', () => {
    expect(error(() => weights(RedundancyPattern.primarySecondary(), { westus3: 10 }, ['westus3', 'eastus'])))
      .toEqual(['weights', { westus3: 10 }, 'primarySecondary routes by priority or country, so weights would be ignored', 'drop weights, or use activeActive']);
  });

  test('a weight for a region not listed, or outside 1-1000', () => {
    expect(error(() => weights(AA, { eastus2: 5, westus: 5 }))).toEqual(['weights.westus', 5, 'not one of the regions', 'key weights by eastus2, westus3']);
    for (const weight of [0, 1001, 2.5]) {
      expect(error(() => weights(AA, { westus3: weight }))).toEqual(['weights.westus3', weight, 'must be an integer from 1 to 1000 (Front Door and Traffic Manager weights are 1-1000)', 'set weights.westus3 between 1 and 1000']);
    }
  });
});

describe('checkGeoRouting', () => {
  test('other patterns route by no country: nothing to check, and a mapping would be ignored', () => {
    expect(geo(undefined, ['eastus2', 'westus3'], AA)).toBeUndefined();
    const problem = 'activeActive does not route by country, so geoRouting would be ignored';
    expect(error(() => geo({ countries: { eastus2: ['US'] } }, ['eastus2', 'westus3'], AA))).toEqual(['geoRouting', ['eastus2'], problem, 'drop geoRouting, or use regionPinned']);
    expect(error(() => geo({} as GeoRoutingOptions, ['eastus2', 'westus3'], AA))).toEqual(['geoRouting', [], problem, 'drop geoRouting, or use regionPinned']);
  });

  test('one cell needs no mapping: it serves every country, without fallback or rejection', () => {
    const alone = { countries: {}, defaultRegion: 'westeurope', rejectUnmappedCountries: false, allowCrossCellFallback: false };
    expect(geo(undefined, ['westeurope'])).toEqual(alone);
    expect(geo({ countries: {} }, ['westeurope'])).toEqual(alone);
    expect(geo({} as GeoRoutingOptions, ['westeurope'])).toEqual(alone);
  });

  test('several cells need a mapping', () => {
    const problem = 'regionPinned with several cells routes each country set to its cell, and no country mapping was given';
    const fix = "map countries to cells, e.g. { westeurope: ['DE', 'FR'], japaneast: ['JP'] }";
    expect(error(() => geo(undefined))).toEqual(['geoRouting.countries', undefined, problem, fix]);
    expect(error(() => geo({ countries: {} }))).toEqual(['geoRouting.countries', {}, problem, fix]);
  });

  test('the mapping as given; the first cell serves unmapped countries unless another is named; fallback and rejection off unless asked', () => {
    expect(geo({ countries: { westeurope: ['DE', 'FR'], japaneast: ['JP'] } }))
      .toEqual({ countries: { westeurope: ['DE', 'FR'], japaneast: ['JP'] }, defaultRegion: 'westeurope', rejectUnmappedCountries: false, allowCrossCellFallback: false });
    // A cell may serve only the countries no other cell serves.
    expect(geo({ countries: { japaneast: ['JP'] }, defaultRegion: 'westeurope', rejectUnmappedCountries: true, allowCrossCellFallback: true }))
      .toEqual({ countries: { japaneast: ['JP'] }, defaultRegion: 'westeurope', rejectUnmappedCountries: true, allowCrossCellFallback: true });
    expect(geo({ countries: { westeurope: ['DE'] }, defaultRegion: 'japaneast' })?.defaultRegion).toBe('japaneast');
  });

  test('countries keyed by a cell, at least one per cell, each an upper-case ISO 3166-1 alpha-2 code mapped once', () => {
    const at = 'geoRouting.countries.japaneast';
    expect(error(() => geo({ countries: { japanwest: ['JP'] } }))).toEqual(['geoRouting.countries.japanwest', ['JP'], 'not one of the cells', 'key countries by westeurope, japaneast']);
    expect(error(() => geo({ countries: { westeurope: ['DE'], japaneast: [] } }))).toEqual([at, [], 'a cell needs at least one country', "list ISO 3166-1 alpha-2 codes, e.g. ['DE']"]);
    expect(error(() => geo({ countries: { japaneast: 'JP' as unknown as string[] } }))).toEqual([at, 'JP', 'a cell needs at least one country', "list ISO 3166-1 alpha-2 codes, e.g. ['DE']"]);
    for (const code of ['jp', 'J', 'JPN', 'xJP', 'JPx', 'J1', '']) {
      expect(error(() => geo({ countries: { japaneast: [code] } }))).toEqual([at, code, 'not an ISO 3166-1 alpha-2 country code', "use upper-case two-letter codes such as 'DE' or 'JP'"]);
    }
    expect(error(() => geo({ countries: { westeurope: ['DE', 'JP'], japaneast: ['KR', 'JP'] } }))).toEqual([at, 'JP', 'also mapped to westeurope; a country belongs to one cell', 'map each country once']);
  });

  test('the default cell must be one of the cells', () => {
    expect(error(() => geo({ countries: { westeurope: ['DE'] }, defaultRegion: 'japanwest' }))).toEqual(['geoRouting.defaultRegion', 'japanwest', 'not one of the cells', 'use one of westeurope, japaneast']);
  });
});

/** Origins of an origin group (by construct name), as region -> [priority, weight]. */
function originsOf(json: StackJson, group: string): Record<string, [number, number]> {
  const id = ref(json, 'azurerm_cdn_frontdoor_origin_group', `OriginGroup-${group}`);
  return Object.fromEntries(Object.values(all(json, 'azurerm_cdn_frontdoor_origin')).filter((o) => o.cdn_frontdoor_origin_group_id === id).map((o) => [o.name, [o.priority, o.weight]]));
}

const origin = (json: StackJson, name: string) => dependency(json, 'azurerm_cdn_frontdoor_origin', `Origin-${name}`);
const originRef = (json: StackJson, name: string) => ref(json, 'azurerm_cdn_frontdoor_origin', `Origin-${name}`);

describe('Front Door routes', () => {
  test('a route per service on its path, HTTPS only with a redirect, to its origin group; no rule sets or custom domains when there are none', () => {
    const { entry, json } = synthEntry(entryProps({ pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], frontDoor: { originHostHeaders: HEADERS } }));
    expect(resource(json, 'azurerm_cdn_frontdoor_route', 'Route-tracking')).toEqual({
      name: 'tracking-api',
      cdn_frontdoor_endpoint_id: ref(json, 'azurerm_cdn_frontdoor_endpoint', 'FrontDoorEndpoint'),
      cdn_frontdoor_origin_group_id: ref(json, 'azurerm_cdn_frontdoor_origin_group', 'OriginGroup-tracking-api'),
      cdn_frontdoor_origin_ids: [originRef(json, 'tracking-api-westus3')],
      patterns_to_match: ['/tracking', '/tracking/*'],
      supported_protocols: ['Http', 'Https'],
      https_redirect_enabled: true,
      forwarding_protocol: 'HttpsOnly',
      link_to_default_domain: true,
      depends_on: [origin(json, 'tracking-api-westus3')],
    });
    expect(resource(json, 'azurerm_cdn_frontdoor_route', 'Route-order')).toMatchObject({ name: 'order-api', patterns_to_match: ['/orders', '/orders/*'] });
    expect(Object.keys(entry.routes)).toEqual(['order', 'tracking']);
    expect(json.resource.azurerm_cdn_frontdoor_rule_set).toBeUndefined();
  });

  test('activePassive: one group, the active region first, the passive second', () => {
    const { json } = synthEntry(entryProps({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'], frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order } } }));
    expect(originsOf(json, 'order-api')).toEqual({ eastus2: [1, 1000], centralus: [2, 1000] });
    expect(Object.keys(all(json, 'azurerm_cdn_frontdoor_origin_group'))).toHaveLength(1);
  });

  test('activeActive: equal priority, the weights given (1000 for a region without one)', () => {
    const { json } = synthEntry(entryProps({ pattern: AA, regions: ['eastus2', 'westus3', 'centralus'], weights: { westus3: 10 }, frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order } } }));
    expect(originsOf(json, 'order-api')).toEqual({ eastus2: [1, 1000], westus3: [1, 10], centralus: [1, 1000] });
  });

  test('primarySecondary: reads to both regions; writes (every method but GET, HEAD, OPTIONS) by a rule to the primary first', () => {
    const { entry, json } = synthEntry(entryProps({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order } } }));
    expect(originsOf(json, 'order-api')).toEqual({ westus3: [1, 1000], eastus: [1, 1000] });
    expect(originsOf(json, 'order-api-write')).toEqual({ westus3: [1, 1000], eastus: [2, 1000] });
    const ruleSet = ref(json, 'azurerm_cdn_frontdoor_rule_set', 'WriteRouting-order');
    expect(only(json, 'azurerm_cdn_frontdoor_rule_set')).toEqual({ name: 'OrderWriteRouting', cdn_frontdoor_profile_id: ref(json, 'azurerm_cdn_frontdoor_profile', 'FrontDoorProfile') });
    expect(only(json, 'azurerm_cdn_frontdoor_rule')).toEqual({
      name: 'WritesToPrimary', cdn_frontdoor_rule_set_id: ruleSet, order: 1, behavior_on_match: 'Stop',
      conditions: { request_method_condition: [{ operator: 'Equal', match_values: ['GET', 'HEAD', 'OPTIONS'], negate_condition: true }] },
      actions: { route_configuration_override_action: { cdn_frontdoor_origin_group_id: ref(json, 'azurerm_cdn_frontdoor_origin_group', 'OriginGroup-order-api-write'), forwarding_protocol: 'HttpsOnly', cache_behavior: 'Disabled' } },
      depends_on: [origin(json, 'order-api-write-westus3'), origin(json, 'order-api-write-eastus')],
    });
    expect(only(json, 'azurerm_cdn_frontdoor_route')).toMatchObject({
      cdn_frontdoor_origin_group_id: ref(json, 'azurerm_cdn_frontdoor_origin_group', 'OriginGroup-order-api'),
      cdn_frontdoor_origin_ids: [originRef(json, 'order-api-westus3'), originRef(json, 'order-api-eastus')],
      cdn_frontdoor_rule_set_ids: [ruleSet],
      depends_on: ['order-api-westus3', 'order-api-eastus', 'order-api-write-westus3', 'order-api-write-eastus'].map((o) => origin(json, o)),
    });
    expect(Object.keys(entry.originGroups)).toEqual(['order-api', 'order-api-write']);
  });

  test('regionPinned: a group per cell; the route goes to the default cell and a rule per other cell, in order, overrides it by country', () => {
    const { json } = synthEntry(entryProps({
      pattern: RP, regions: ['westeurope', 'francecentral', 'japaneast'], frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order } },
      geoRouting: { countries: { westeurope: ['DE', 'NL'], japaneast: ['JP'], francecentral: ['FR'] }, defaultRegion: 'francecentral' },
    }));
    for (const cell of ['westeurope', 'francecentral', 'japaneast']) expect(originsOf(json, `order-api-${cell}`)).toEqual({ [cell]: [1, 1000] });
    const ruleSet = ref(json, 'azurerm_cdn_frontdoor_rule_set', 'GeoRouting-order');
    expect(only(json, 'azurerm_cdn_frontdoor_rule_set')).toEqual({ name: 'OrderGeoRouting', cdn_frontdoor_profile_id: ref(json, 'azurerm_cdn_frontdoor_profile', 'FrontDoorProfile') });
    expect(Object.keys(all(json, 'azurerm_cdn_frontdoor_rule'))).toHaveLength(2);
    const rule = (cell: string, order: number, countries: string[]) => ({
      name: `Cell${cell.charAt(0).toUpperCase()}${cell.slice(1)}`, cdn_frontdoor_rule_set_id: ruleSet, order, behavior_on_match: 'Stop',
      conditions: { remote_address_condition: [{ operator: 'GeoMatch', match_values: countries }] },
      actions: { route_configuration_override_action: { cdn_frontdoor_origin_group_id: ref(json, 'azurerm_cdn_frontdoor_origin_group', `OriginGroup-order-api-${cell}`), forwarding_protocol: 'HttpsOnly', cache_behavior: 'Disabled' } },
      depends_on: [origin(json, `order-api-${cell}-${cell}`)],
    });
    expect(resource(json, 'azurerm_cdn_frontdoor_rule', 'GeoRule-order-westeurope')).toEqual(rule('westeurope', 1, ['DE', 'NL']));
    expect(resource(json, 'azurerm_cdn_frontdoor_rule', 'GeoRule-order-japaneast')).toEqual(rule('japaneast', 2, ['JP']));
    expect(only(json, 'azurerm_cdn_frontdoor_route')).toMatchObject({
      cdn_frontdoor_origin_group_id: ref(json, 'azurerm_cdn_frontdoor_origin_group', 'OriginGroup-order-api-francecentral'),
      cdn_frontdoor_origin_ids: [originRef(json, 'order-api-francecentral-francecentral')],
      cdn_frontdoor_rule_set_ids: [ruleSet],
      depends_on: ['francecentral-francecentral', 'westeurope-westeurope', 'japaneast-japaneast'].map((o) => origin(json, `order-api-${o}`)),
    });
  });

  test('regionPinned with cross-cell fallback: every cell\'s group holds the other cells at priority 2', () => {
    const { json } = synthEntry(entryProps({
      pattern: RP, regions: ['westeurope', 'francecentral', 'japaneast'], frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order } },
      geoRouting: { countries: { westeurope: ['DE'], japaneast: ['JP'], francecentral: ['FR'] }, allowCrossCellFallback: true },
    }));
    expect(originsOf(json, 'order-api-japaneast')).toEqual({ japaneast: [1, 1000], westeurope: [2, 1000], francecentral: [2, 1000] });
    expect(originsOf(json, 'order-api-westeurope')).toEqual({ westeurope: [1, 1000], francecentral: [2, 1000], japaneast: [2, 1000] });
  });

  test('regionPinned where only the default cell has countries: no rule, so the route carries no rule set', () => {
    const { json } = synthEntry(entryProps({ pattern: RP, regions: ['westeurope', 'japaneast'], frontDoor: { services: ['order'], originHostHeaders: { order: HEADERS.order } }, geoRouting: { countries: { westeurope: ['DE'] } } }));
    expect(json.resource.azurerm_cdn_frontdoor_rule).toBeUndefined();
    const route = only(json, 'azurerm_cdn_frontdoor_route');
    expect(route.cdn_frontdoor_rule_set_ids).toBeUndefined();
    expect(route.cdn_frontdoor_origin_group_id).toBe(ref(json, 'azurerm_cdn_frontdoor_origin_group', 'OriginGroup-order-api-westeurope'));
    expect(route.depends_on).toEqual([origin(json, 'order-api-westeurope-westeurope'), origin(json, 'order-api-japaneast-japaneast')]);
  });
});
