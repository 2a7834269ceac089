import { Construct, RootConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { checkDistinct, checkRegionNames, checkUnused } from '../../lib/core/name-overrides';
import { ResourceKind } from '../../lib/core/naming';
import { Checks } from '../../lib/core/validate';

/** lib/core/name-overrides.ts: the checks of `names` props, recorded in a `Checks` of a bare construct. */

function checks(): Checks {
  return new Checks(new Construct(new RootConstruct('app'), 'Bus'));
}

/** [construct path, prop, value, problem, fix] of every violation recorded. */
function recorded(c: Checks): unknown[][] {
  try {
    c.throwIfAny();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.constructPath, v.prop, v.value, v.problem, v.fix]);
  }
  return [];
}

describe('checkRegionNames', () => {
  test('names for regions with such a resource are returned as given; none given is an empty map', () => {
    const c = checks();
    const names = { westus3: 'contoso-orders', eastus: 'contoso-orders-e1' };
    expect(checkRegionNames(c, 'names.serviceBusNamespaces', names, ['westus3', 'eastus'], ResourceKind.SERVICE_BUS_NAMESPACE)).toBe(names);
    expect(checkRegionNames(c, 'names.serviceBusNamespaces', undefined, ['westus3'], ResourceKind.SERVICE_BUS_NAMESPACE)).toEqual({});
    expect(recorded(c)).toEqual([]);
  });

  test('a region without such a resource, among several or none; a name that breaks the kind\'s rules', () => {
    const c = checks();
    const names = { eastus: 'contoso-orders', westus3: 'orders-sb', centralus: 'contoso-c' };
    expect(checkRegionNames(c, 'names.serviceBusNamespaces', names, ['westus3', 'northeurope'], ResourceKind.SERVICE_BUS_NAMESPACE)).toBe(names);
    checkRegionNames(c, 'names.standbyNamespaces', { westus3: 'contoso-dr' }, [], ResourceKind.SERVICE_BUS_NAMESPACE);
    expect(recorded(c)).toEqual([
      ['app/Bus', 'names.serviceBusNamespaces.eastus', 'contoso-orders', 'no Service Bus namespace of this construct is in eastus (only in westus3, northeurope), so the name would be ignored', 'key names.serviceBusNamespaces by westus3, northeurope'],
      ['app/Bus', 'names.serviceBusNamespaces.westus3', 'orders-sb', "a Service Bus namespace name must not end with '-sb' or '-mgmt'", expect.any(String)],
      ['app/Bus', 'names.serviceBusNamespaces.centralus', 'contoso-c', 'no Service Bus namespace of this construct is in centralus (only in westus3, northeurope), so the name would be ignored', 'key names.serviceBusNamespaces by westus3, northeurope'],
      ['app/Bus', 'names.standbyNamespaces.westus3', 'contoso-dr', 'this construct creates no Service Bus namespace, so the name would be ignored', 'drop names.standbyNamespaces'],
    ]);
  });

  test('the kind\'s label names the resource', () => {
    const c = checks();
    checkRegionNames(c, 'names.cosmosAccounts', { eastus: 'contoso' }, ['westus3'], ResourceKind.COSMOS_ACCOUNT);
    expect(recorded(c).map((v) => v[3])).toEqual(['no Cosmos DB account of this construct is in eastus (only in westus3), so the name would be ignored']);
  });
});

describe('checkUnused', () => {
  test('a name given for a resource the construct does not create is an error; none given is fine', () => {
    const c = checks();
    checkUnused(c, 'names.topic', undefined, 'it names a Service Bus resource');
    expect(recorded(c)).toEqual([]);
    checkUnused(c, 'names.topic', 'orders', 'it names a Service Bus resource');
    checkUnused(c, 'names.eventGridTopics', {}, 'it names an Event Grid resource');
    expect(recorded(c)).toEqual([
      ['app/Bus', 'names.topic', 'orders', 'it names a Service Bus resource, so the name would be ignored', 'drop names.topic'],
      ['app/Bus', 'names.eventGridTopics', {}, 'it names an Event Grid resource, so the name would be ignored', 'drop names.eventGridTopics'],
    ]);
  });
});

describe('checkDistinct', () => {
  test('each repeat of an earlier name is an error naming the first, compared case-insensitively', () => {
    const c = checks();
    checkDistinct(c, [['a.x', 'Orders'], ['a.y', 'other'], ['b.x', 'orders'], ['b.y', 'ORDERS'], ['b.z', 'Other']], 'they share a DNS zone');
    expect(recorded(c)).toEqual([
      ['app/Bus', 'b.x', 'orders', 'the same name as a.x (they share a DNS zone)', 'give each resource its own name'],
      ['app/Bus', 'b.y', 'ORDERS', 'the same name as a.x (they share a DNS zone)', 'give each resource its own name'],
      ['app/Bus', 'b.z', 'Other', 'the same name as a.y (they share a DNS zone)', 'give each resource its own name'],
    ]);
  });

  test('distinct names, tokens and non-strings pass', () => {
    const c = checks();
    const token = Token.asString({ Ref: 'name' });
    checkDistinct(c, [['a', 'orders'], ['b', 'orders-dr'], ['c', token], ['d', token], ['e', 7 as never], ['f', 7 as never]], 'why');
    expect(recorded(c)).toEqual([]);
  });
});
