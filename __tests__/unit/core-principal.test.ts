import { Construct, RootConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { checkPrincipal, checkPrincipalMap, grantChildId, grantRegions, resolveGrant } from '../../lib/core/principal';

/** lib/core/principal.ts: principals, principal maps and grants, checked without a stack. */

const ID = '11111111-2222-3333-4444-555555555555';
const ID2 = '11111111-2222-3333-4444-666666666666';
const NOT_A_PRINCIPAL = "expected a principal (an object with a principalId, such as a UserAssignedIdentity or { principalId: '<Entra ID object ID>' })";
const GUID_PROBLEM = 'not an Entra ID principal (object) ID (a GUID)';
const GUID_FIX = "pass the managed identity itself, or { principalId: '<object ID>' } (az ad sp show --id <app id> --query id -o tsv)";
const KEY_PROBLEM = 'keys become construct IDs: 1-40 letters and digits, starting with a letter';
const ID_PROBLEM = 'the id starts construct IDs and Terraform addresses: 1-80 letters, digits, _ and -, starting with a letter';

/** A granting construct and a construct grantee with a principal ID, in a fresh tree. */
function tree(): { granter: Construct; grantee: Construct & { principalId: string }; apps: Construct } {
  const root = new RootConstruct('app');
  const granter = new Construct(root, 'Events');
  const grantee = Object.assign(new Construct(root, 'OrderIdentity'), { principalId: ID });
  return { granter, grantee, apps: new Construct(root, 'Apps') };
}

/** [construct path, prop, value, problem, fix] of every violation a call raises. */
function violations(call: () => unknown): unknown[][] {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.constructPath, v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error('accepted');
}

describe('checkPrincipal', () => {
  test('returns the principal ID of a GUID or a token', () => {
    const { granter, grantee } = tree();
    expect(checkPrincipal(granter, 'p', { principalId: ID })).toBe(ID);
    expect(checkPrincipal(granter, 'p', grantee)).toBe(ID);
    const token = Token.asString({ Ref: 'x' });
    expect(checkPrincipal(granter, 'p', { principalId: token })).toBe(token);
  });

  test('a principal ID that is no GUID', () => {
    const { granter } = tree();
    expect(violations(() => checkPrincipal(granter, 'senders.Orders', { principalId: 'orders' }))).toEqual([['app/Events', 'senders.Orders.principalId', 'orders', GUID_PROBLEM, GUID_FIX]]);
  });

  test('something that is no principal', () => {
    const { granter } = tree();
    for (const value of [ID, null, 7, []]) {
      const [[path, prop, given, problem]] = violations(() => checkPrincipal(granter, 'grantee', value as never));
      expect([path, prop, given]).toEqual(['app/Events', 'grantee', value]);
      expect(problem).toMatch(new RegExp(`^${NOT_A_PRINCIPAL.replace(/[()[\]{}.?*+^$|\\]/g, '\\$&')}, got `));
    }
    expect(violations(() => checkPrincipal(granter, 'grantee', { principalId: 7 } as never)).map((v) => [v[1], v[3]])).toEqual([['grantee.principalId', 'expected a principalId string, got the number 7']]);
  });
});

describe('checkPrincipalMap', () => {
  test('none given: no entries; given: [key, principal ID] entries in order', () => {
    const { granter, grantee } = tree();
    expect(checkPrincipalMap(granter, 'senders', undefined)).toEqual([]);
    expect(checkPrincipalMap(granter, 'senders', {})).toEqual([]);
    expect(checkPrincipalMap(granter, 'senders', { Orders: grantee, b: { principalId: ID2 }, [`K${'x9'.repeat(19)}Z`]: { principalId: ID } })).toEqual([
      ['Orders', ID], ['b', ID2], [`K${'x9'.repeat(19)}Z`, ID],
    ]);
  });

  test.each(['order-service', 'order_service', '1Orders', '', `K${'x'.repeat(40)}`, 'Order Service'])('the key %j is refused', (key) => {
    const { granter } = tree();
    expect(violations(() => checkPrincipalMap(granter, 'senders', { [key]: { principalId: ID } }))).toEqual([['app/Events', `senders.${key}`, key, KEY_PROBLEM, "use e.g. 'OrderService'"]]);
  });

  test('every bad key and principal is reported at once', () => {
    const { granter } = tree();
    expect(violations(() => checkPrincipalMap(granter, 'receivers', { 'a-b': { principalId: ID }, Ok: { principalId: ID }, Bad: { principalId: 'x' } })).map((v) => v.slice(1, 3))).toEqual([
      ['receivers.a-b', 'a-b'], ['receivers.Bad.principalId', 'x'],
    ]);
  });

  test('a map that is no map of principals', () => {
    const { granter } = tree();
    expect(violations(() => checkPrincipalMap(granter, 'senders', 'orders' as never))).toEqual([[
      'app/Events', 'senders', 'orders', 'expected an object of keys to principals, e.g. { OrderService: identity }, got the string "orders"', 'give an object of keys to principals, e.g. { OrderService: identity }',
    ]]);
    expect(violations(() => checkPrincipalMap(granter, 'senders', { Orders: 'x' } as never)).map((v) => v[1])).toEqual(['senders.Orders']);
  });
});

describe('resolveGrant', () => {
  test('a construct grantee: its principal ID, its scope, an id derived from both constructs and the role', () => {
    const { granter, grantee } = tree();
    expect(resolveGrant(granter, 'grantSend', grantee, undefined, 'Send')).toEqual({ scope: grantee, id: 'OrderIdentity-Events-Send', principalId: ID });
    expect(resolveGrant(granter, 'grantSend', grantee, {}, 'Send')).toEqual({ scope: grantee, id: 'OrderIdentity-Events-Send', principalId: ID });
  });

  test('the scope and id given win', () => {
    const { granter, grantee, apps } = tree();
    expect(resolveGrant(granter, 'grantSend', grantee, { scope: apps, id: 'Orders' }, 'Send')).toEqual({ scope: apps, id: 'Orders', principalId: ID });
    expect(resolveGrant(granter, 'grantSend', { principalId: ID2 }, { id: 'x' }, 'Send')).toEqual({ scope: granter, id: 'x', principalId: ID2 });
    expect(resolveGrant(granter, 'grantSend', { principalId: ID2 }, { id: `A${'b_-9'.repeat(19)}xyz` }, 'Send').id).toHaveLength(80);
  });

  test('a scope or a construct grantee in another App is refused: the stacks could not refer across apps', () => {
    const { granter, grantee } = tree();
    const other = new Construct(new RootConstruct('other'), 'Apps');
    const why = "it belongs to another cdktf App, whose stacks cannot refer to this construct's resources";
    const fix = 'grant from and to constructs of one App';
    expect(violations(() => resolveGrant(granter, 'grantSend', grantee, { scope: other }, 'Send'))).toEqual([['app/Events', 'grantSend(options).scope', 'other/Apps', why, fix]]);
    const stranger = Object.assign(new Construct(new RootConstruct('other'), 'Identity'), { principalId: ID });
    expect(violations(() => resolveGrant(granter, 'grantSend', stranger, undefined, 'Send'))).toEqual([['app/Events', 'grantSend(grantee)', 'other/Identity', why, fix]]);
    expect(violations(() => resolveGrant(granter, 'grantSend', stranger, { scope: granter }, 'Send')).map((v) => v[1])).toEqual(['grantSend(grantee)']);
  });

  test('a grantee that is not a construct needs an id', () => {
    const { granter, apps } = tree();
    const noId = [
      'app/Events', 'grantReceive(options).id', undefined, "the grantee is not a construct, so there is no construct ID to derive the role assignments' IDs from",
      "pass a stable id, e.g. grantReceive(principal, { id: 'OrderServiceReceive' })",
    ];
    expect(violations(() => resolveGrant(granter, 'grantReceive', { principalId: ID }, undefined, 'Receive'))).toEqual([noId]);
    expect(violations(() => resolveGrant(granter, 'grantReceive', { principalId: ID }, { scope: apps }, 'Receive'))).toEqual([noId]);
  });

  test.each(['1Orders', '_x', 'a b', 'a.b', '', `A${'b'.repeat(80)}`])('the id %j is refused', (id) => {
    const { granter, grantee } = tree();
    expect(violations(() => resolveGrant(granter, 'grantSend', grantee, { id }, 'Send'))).toEqual([['app/Events', 'grantSend(options).id', id, ID_PROBLEM, "use e.g. 'OrderServiceSend'"]]);
  });

  test('a bad grantee and bad options are reported together; a bad grantee alone is not also missing an id', () => {
    const { granter } = tree();
    expect(violations(() => resolveGrant(granter, 'grantSend', { principalId: 'x' }, { id: '1' }, 'Send')).map((v) => v[1])).toEqual(['grantSend(grantee).principalId', 'grantSend(options).id']);
    expect(violations(() => resolveGrant(granter, 'grantSend', { principalId: 'x' }, undefined, 'Send')).map((v) => v[1])).toEqual(['grantSend(grantee).principalId']);
    expect(violations(() => resolveGrant(granter, 'grantSend', ID as never, undefined, 'Send')).map((v) => v[1])).toEqual(['grantSend(grantee)']);
  });

  test('options of the wrong shape are reported, and no missing id besides', () => {
    const { granter } = tree();
    expect(violations(() => resolveGrant(granter, 'grantSend', { principalId: ID }, { scope: 'apps' } as never, 'Send')).map((v) => [v[1], v[2], v[3]])).toEqual([
      ['grantSend(options).scope', 'apps', 'expected a construct, got the string "apps"'],
    ]);
    expect(violations(() => resolveGrant(granter, 'grantSend', { principalId: ID }, { id: 7 } as never, 'Send')).map((v) => v[1])).toEqual(['grantSend(options).id']);
    expect(violations(() => resolveGrant(granter, 'grantSend', { principalId: ID }, { role: 'x' } as never, 'Send')).map((v) => v[1])).toEqual(['grantSend(options).role']);
    expect(violations(() => resolveGrant(granter, 'grantSend', { principalId: ID }, 'x' as never, 'Send')).map((v) => v[1])).toEqual(['grantSend(options)']);
    expect(violations(() => resolveGrant(granter, 'grantSend', { principalId: ID }, { id: 'x', regions: 'westus3' } as never, 'Send')).map((v) => [v[1], v[3]])).toEqual([
      ['grantSend(options).regions', 'expected a list of region names, e.g. [\'westeurope\'], got the string "westus3"'],
    ]);
    expect(violations(() => resolveGrant(granter, 'grantSend', { principalId: ID }, { regions: [3] } as never, 'Send')).map((v) => [v[1], v[3]])).toEqual([
      ['grantSend(options).regions[0]', 'expected a region name, got the number 3'],
    ]);
  });
});

describe('grantRegions', () => {
  test('without regions a grant covers every region; with them, only those', () => {
    const { granter } = tree();
    const all = grantRegions(granter, 'grantSend', undefined, ['westus3', 'eastus']);
    expect(['westus3', 'eastus', 'japaneast'].map(all)).toEqual([true, true, true]);
    expect(['westus3', 'eastus'].map(grantRegions(granter, 'grantSend', {}, ['westus3', 'eastus']))).toEqual([true, true]);
    expect(['westus3', 'eastus'].map(grantRegions(granter, 'grantSend', { regions: ['eastus'] }, ['westus3', 'eastus']))).toEqual([false, true]);
  });

  test('an empty list is refused: it would grant nothing', () => {
    const { granter } = tree();
    expect(violations(() => grantRegions(granter, 'grantSend', { regions: [] }, ['westus3', 'eastus']))).toEqual([[
      'app/Events', 'grantSend(options).regions', [], 'an empty list grants nothing', 'leave regions out to grant in every region, or list some of westus3, eastus',
    ]]);
  });

  test('a region the construct has no resources in is refused, each one named', () => {
    const { granter } = tree();
    expect(violations(() => grantRegions(granter, 'grantDataContributor', { regions: ['eastus', 'japaneast', 'westus'] }, ['westus3', 'eastus']))).toEqual(['japaneast', 'westus'].map((region) => [
      'app/Events', 'grantDataContributor(options).regions', region, `app/Events has no resources homed in ${region}, so the grant would cover nothing there`, 'use regions of westus3, eastus',
    ]));
  });
});

describe('grantChildId', () => {
  test('<id>-<part>, unless the scope holds that construct already', () => {
    const { granter, apps } = tree();
    const grant = { scope: apps, id: 'Orders', principalId: ID };
    expect(grantChildId(granter, 'grantSend', grant, 'westus3')).toBe('Orders-westus3');
    new Construct(apps, 'Orders-westus3');
    expect(grantChildId(granter, 'grantSend', grant, 'eastus')).toBe('Orders-eastus');
    expect(violations(() => grantChildId(granter, 'grantSend', grant, 'westus3'))).toEqual([[
      'app/Events', 'grantSend(options).id', 'Orders', "app/Apps already holds a construct 'Orders-westus3': the principal was granted this already, or another grant uses the same id", 'grant each principal once, or pass another id',
    ]]);
  });
});
