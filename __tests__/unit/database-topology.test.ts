import { RootConstruct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { ResourceKind } from '../../lib/core/naming';
import { PatternKind, RedundancyPattern, RegionPlacement } from '../../lib/core/pattern';
import { Checks } from '../../lib/core/validate';
import type { ActivePassiveDatabaseNames } from '../../lib/database/database-types';
import { cellDatabaseNames, cellPlans, checkNameMap, DatabaseBuildContext } from '../../lib/database/topology';

/** lib/database/topology.ts: the cells of each pattern and the checks of name overrides; nothing is synthesized. */

const scope = new RootConstruct('topology');

function place(pattern: RedundancyPattern, regions: string[]): RegionPlacement[] {
  return pattern.place(scope, regions);
}

/** The parts of the build context the name checks read. */
function context(pattern: RedundancyPattern, regions: string[], names: ActivePassiveDatabaseNames = {}): DatabaseBuildContext {
  const placements = place(pattern, regions);
  const read: Pick<DatabaseBuildContext, 'scope' | 'pattern' | 'placements' | 'plans' | 'names' | 'databaseName'> = { scope, pattern, placements, plans: cellPlans(pattern.kind, placements), names, databaseName: 'orders' };
  return read as DatabaseBuildContext;
}

/** [prop, value, problem, fix] of what `check` recorded. */
function recorded(check: (checks: Checks) => void): unknown[][] {
  const checks = new Checks(scope);
  check(checks);
  try {
    checks.throwIfAny();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  return [];
}

describe('cellPlans', () => {
  test('zoneRedundant: one cell, no replica', () => {
    const [west] = place(RedundancyPattern.zoneRedundant(), ['westus3']);
    expect(cellPlans(PatternKind.ZONE_REDUNDANT, [west])).toStrictEqual([{ home: west, readReplicas: [] }]);
  });

  test.each([PatternKind.PRIMARY_SECONDARY, PatternKind.ACTIVE_PASSIVE])('%s: one cell homed in the first region, its replica in the second', (kind) => {
    const pattern = kind === PatternKind.PRIMARY_SECONDARY ? RedundancyPattern.primarySecondary() : RedundancyPattern.activePassive();
    const [first, second] = place(pattern, ['eastus2', 'centralus']);
    const plans = cellPlans(kind, [first, second]);
    expect(plans).toEqual([{ home: first, replica: second, readReplicas: [] }]);
    expect(plans[0].home).toBe(first);
    expect(plans[0].replica).toBe(second);
  });

  test('activeActive: a cell per region, failing over to the region listed before it (the first region\'s: the second), with read copies everywhere else', () => {
    const [a, b, c, d] = place(RedundancyPattern.activeActive(), ['eastus2', 'westus3', 'centralus', 'eastus']);
    expect(cellPlans(PatternKind.ACTIVE_ACTIVE, [a, b, c, d])).toEqual([
      { home: a, replica: b, readReplicas: [c, d] },
      { home: b, replica: a, readReplicas: [c, d] },
      { home: c, replica: b, readReplicas: [a, d] },
      { home: d, replica: c, readReplicas: [a, b] },
    ]);
    const [x, y] = place(RedundancyPattern.activeActive(), ['eastus2', 'westus3']);
    expect(cellPlans(PatternKind.ACTIVE_ACTIVE, [x, y])).toEqual([{ home: x, replica: y, readReplicas: [] }, { home: y, replica: x, readReplicas: [] }]);
  });

  test('regionPinned: an independent cell per region', () => {
    const [eu, se] = place(RedundancyPattern.regionPinned(), ['westeurope', 'swedencentral']);
    const plans = cellPlans(PatternKind.REGION_PINNED, [eu, se]);
    expect(plans).toStrictEqual([{ home: eu, readReplicas: [] }, { home: se, readReplicas: [] }]);
  });
});

describe('checkNameMap', () => {
  const twoRegions = () => context(RedundancyPattern.primarySecondary(), ['westus3', 'eastus']);

  test('valid names under the listed keys pass; no map passes', () => {
    const ctx = twoRegions();
    expect(recorded((checks) => checkNameMap(ctx, checks, 'names.sqlServers', { westus3: 'a-sql', eastus: 'b-sql' }, ['westus3', 'eastus'], ResourceKind.SQL_SERVER, 'the regions'))).toEqual([]);
    expect(recorded((checks) => checkNameMap(ctx, checks, 'names.sqlServers', undefined, [], ResourceKind.SQL_SERVER, 'the regions'))).toEqual([]);
  });

  test('every key outside the list and every invalid name is recorded', () => {
    const ctx = twoRegions();
    expect(recorded((checks) => checkNameMap(ctx, checks, 'names.sqlServers', { westus3: 'A', centralus: 'c-sql', eastus: '-b' }, ['westus3', 'eastus'], ResourceKind.SQL_SERVER, 'the regions'))).toEqual([
      ['names.sqlServers.westus3', 'A', 'an Azure SQL logical server name allows lower-case letters, digits and hyphens, not starting or ending with a hyphen', 'choose a name of lower-case letters, digits and hyphens, not starting or ending with a hyphen, 1-63 characters'],
      ['names.sqlServers.centralus', 'centralus', 'primarySecondary creates no Azure SQL logical server for this key, so the name would be ignored (keys are the regions: westus3, eastus)', 'key names.sqlServers by westus3, eastus'],
      ['names.sqlServers.eastus', '-b', 'an Azure SQL logical server name allows lower-case letters, digits and hyphens, not starting or ending with a hyphen', 'choose a name of lower-case letters, digits and hyphens, not starting or ending with a hyphen, 1-63 characters'],
    ]);
  });

  test('with no keys at all, the whole map is to be dropped', () => {
    const ctx = twoRegions();
    expect(recorded((checks) => checkNameMap(ctx, checks, 'names.things', { westus3: 'x' }, [], ResourceKind.SQL_FAILOVER_GROUP, 'what nobody has'))).toEqual([[
      'names.things.westus3', 'westus3', 'primarySecondary creates no SQL auto-failover group for this key, so the name would be ignored (keys are what nobody has: none under this pattern)', 'drop names.things',
    ]]);
  });
});

describe('cellDatabaseNames', () => {
  test('each cell\'s database: the override, else the generated name', () => {
    const ctx = context(RedundancyPattern.regionPinned(), ['westeurope', 'swedencentral'], { databases: { swedencentral: 'orders_se' } });
    expect(recorded((checks) => expect(cellDatabaseNames(ctx, checks, ResourceKind.POSTGRESQL_DATABASE, (home) => `gen-${home}`)).toEqual({ westeurope: 'gen-westeurope', swedencentral: 'orders_se' }))).toEqual([]);
    const plain = context(RedundancyPattern.zoneRedundant(), ['westus3']);
    expect(recorded((checks) => expect(cellDatabaseNames(plain, checks, ResourceKind.SQL_DATABASE, () => 'orders')).toEqual({ westus3: 'orders' }))).toEqual([]);
  });

  test('overrides are keyed by the cells\' home regions and follow the kind\'s rules', () => {
    const ctx = context(RedundancyPattern.primarySecondary(), ['westus3', 'eastus'], { databases: { eastus: 'orders', westus3: '9' } });
    expect(recorded((checks) => cellDatabaseNames(ctx, checks, ResourceKind.POSTGRESQL_DATABASE, () => 'orders'))).toEqual([
      ['names.databases.eastus', 'eastus', "primarySecondary creates no PostgreSQL database for this key, so the name would be ignored (keys are the cells' home regions: westus3)", 'key names.databases by westus3'],
      ['names.databases.westus3', '9', 'a PostgreSQL database name allows letters, digits, - and _, not starting with a digit', 'choose a name of letters, digits, - and _, not starting with a digit, 1-63 characters'],
    ]);
  });
});
