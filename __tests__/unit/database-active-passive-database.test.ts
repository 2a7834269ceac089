import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ValidationError } from '../../lib/core/errors';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { DatabaseEngine } from '../../lib/database/engine';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { ADMIN, makeDatabase, violatedProps, violations } from '../support/database';

/** lib/database/active-passive-database.ts and shapes.ts: the construct's own props, its cells and its wiring to stamps. */

const NAME_PROBLEM = 'database names here are 1-40 lower-case letters, digits and underscores, starting with a letter (valid for both engines without quoting)';

/** A stand-in for a stamp: a RegionalStamp to `instanceof` that records the private endpoints it is given. */
function fakeStamp(path: string): RegionalStamp & { endpoints: [string, unknown][] } {
  const endpoints: [string, unknown][] = [];
  return Object.assign(Object.create(RegionalStamp.prototype), { node: { path }, endpoints, addPrivateEndpoint: (id: string, options: unknown) => endpoints.push([id, options]) });
}

describe('ActivePassiveDatabase props', () => {
  test('the engine given is the engine used', () => {
    const engine = DatabaseEngine.postgresql();
    const database = makeDatabase({ engine });
    expect(database.engine).toBe(engine);
    expect(Object.keys(database.postgresqlServers)).toEqual(['westus3']);
  });

  test('the administrator needs an Entra object ID and a display name of 1-128 characters; its type defaults to Group', () => {
    expect(violations({ administrator: { objectId: 'sg-order-db-admins', name: ADMIN.name } })).toEqual([[
      'administrator.objectId', 'sg-order-db-admins', 'not an Entra ID object ID (a GUID)', "use the group's object ID: az ad group show -g <name> --query id -o tsv",
    ]]);
    for (const name of ['', 'n'.repeat(129)]) {
      expect(violations({ administrator: { objectId: ADMIN.objectId, name } })).toEqual([[
        'administrator.name', name, 'the administrator needs a display name of 1-128 characters', "use the group's display name, e.g. 'sg-order-db-admins'",
      ]]);
    }
    for (const name of ['a', 'n'.repeat(128)]) {
      expect(makeDatabase({ administrator: { objectId: ADMIN.objectId, name } }).sqlServers.westus3.azureadAdministratorInput?.loginUsername).toBe(name);
    }
    const admin = makeDatabase({ engine: DatabaseEngine.postgresql(), administrator: { ...ADMIN, type: 'Group' } }).node.findAll().find((c) => c.node.id === 'EntraAdministrator');
    expect((admin as unknown as { principalTypeInput: string }).principalTypeInput).toBe('Group');
    const defaulted = makeDatabase({ engine: DatabaseEngine.postgresql() }).node.findAll().find((c) => c.node.id === 'EntraAdministrator');
    expect((defaulted as unknown as { principalTypeInput: string }).principalTypeInput).toBe('Group');
  });

  test('the database name defaults to orders and is 1-40 lower-case letters, digits and underscores, starting with a letter', () => {
    expect(makeDatabase().sqlDatabases.westus3.nameInput).toBe('orders');
    for (const databaseName of ['a', 'order_2', 'o'.repeat(40)]) expect(makeDatabase({ databaseName }).sqlDatabases.westus3.nameInput).toBe(databaseName);
    for (const databaseName of ['', '1orders', '_orders', 'Orders', 'order-s', 'orders!', 'o'.repeat(41)]) {
      expect(violations({ databaseName })).toEqual([['databaseName', databaseName, NAME_PROBLEM, "use e.g. 'orders'"]]);
    }
  });

  test('every problem of the props is reported at once: the engine\'s, the administrator\'s and the name\'s', () => {
    expect(violatedProps({ engine: DatabaseEngine.sql({ skuName: 'S3' }), administrator: { objectId: 'x', name: '' }, databaseName: 'Orders' })).toEqual(['administrator.objectId', 'databaseName', 'engine.skuName']);
    // Options of the wrong shape stop the checks before the engine reads them; the others are still reported.
    expect(violatedProps({ engine: DatabaseEngine.sql({ maxSizeGb: 'big' } as never), administrator: { objectId: 'x', name: 'x' }, databaseName: 'Orders' })).toEqual(['engine.maxSizeGb', 'administrator.objectId', 'databaseName']);
  });

  test('props of the wrong shape are refused by the props\' shape', () => {
    expect(violations({ engine: 'sql', administrator: { objectId: ADMIN.objectId, name: ADMIN.name, type: 'Admin' }, databaseName: 7, foo: 1 })).toEqual([
      ['engine', 'sql', 'expected a DatabaseEngine (DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...})), got the string "sql"', 'give a DatabaseEngine (DatabaseEngine.sql({...}) or DatabaseEngine.postgresql({...}))'],
      ['administrator.type', 'Admin', 'expected one of \'Group\', \'User\', \'ServicePrincipal\', got the string "Admin"', "give one of 'Group', 'User', 'ServicePrincipal'"],
      ['databaseName', 7, 'expected a string, got the number 7', 'give a string'],
      ['foo', 1, "unknown option 'foo', which would be ignored", expect.stringContaining("use only 'prefix'")],
    ]);
    expect(violations({ administrator: { objectId: 1, name: null } })).toEqual([
      ['administrator.objectId', 1, 'expected a string, got the number 1', 'give a string'],
      ['administrator.name', null, 'expected a string, got null', 'give a string'],
    ]);
  });

  test('name overrides of the wrong shape are refused by the names\' shape', () => {
    expect(violations({ names: { sqlServers: 'x', sqlFailoverGroups: { westus3: 7 }, postgresqlServers: [], postgresqlReplicas: 'x', postgresqlVirtualEndpoints: { westus3: null }, databases: 1, foo: {} } })).toEqual([
      ['names.sqlServers', 'x', 'expected an object of region names to names, got the string "x"', 'give an object of region names to names'],
      ['names.sqlFailoverGroups.westus3', 7, 'expected a name, got the number 7', 'give a name'],
      ['names.postgresqlServers', [], 'expected an object of region names to names, got a list', 'give an object of region names to names'],
      ['names.postgresqlReplicas', 'x', 'expected an object of home regions to objects of replica regions to names, got the string "x"', 'give an object of home regions to objects of replica regions to names'],
      ['names.postgresqlVirtualEndpoints.westus3', null, 'expected a name, got null', 'give a name'],
      ['names.databases', 1, 'expected an object of region names to names, got the number 1', 'give an object of region names to names'],
      ['names.foo', {}, "unknown option 'foo', which would be ignored", "use only 'sqlServers', 'sqlFailoverGroups', 'postgresqlServers', 'postgresqlReplicas', 'postgresqlReadReplicas', 'postgresqlVirtualEndpoints', 'databases'"],
    ]);
    expect(violatedProps({ names: { postgresqlReplicas: { westus3: 'x' } } })).toEqual(['names.postgresqlReplicas.westus3']);
  });
});

describe('ActivePassiveDatabase cells and wiring', () => {
  test('cell(region) is the cell homed there; any other region is refused with the homes there are', () => {
    const database = makeDatabase({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'swedencentral'] });
    expect(database.cell('swedencentral')).toBe(database.cells[1]);
    expect(database.cell('westeurope').homeRegion).toBe('westeurope');
    const error = (() => {
      try {
        database.cell('eastus');
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('accepted eastus');
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect([error.constructPath, error.prop, error.value, error.problem, error.fix]).toEqual(['test/OrderDb', 'region', 'eastus', 'no database cell has this home region', 'use one of westeurope, swedencentral']);
  });

  test('the private endpoints: one per server, through the engine', () => {
    const database = makeDatabase({ engine: DatabaseEngine.postgresql(), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] });
    expect(database.privateEndpoints).toEqual(database.servers.map((server) => database.engine.privateEndpoint(server)));
    expect(database.privateEndpoints.map((e) => [e.key, e.qualifier, e.subresource])).toEqual([['westus3', 'psql-westus3', 'postgresqlServer'], ['westus3-replica-eastus', 'psql-westus3-replica-eastus', 'postgresqlServer']]);
  });

  test('connect(stamp) adds the endpoints to the stamp under OrderDbEndpoint-<key>', () => {
    const database = makeDatabase({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] });
    const stamp = fakeStamp('test/Stamp');
    database.connect(stamp);
    expect(stamp.endpoints).toEqual(database.privateEndpoints.map((e) => [`OrderDbEndpoint-${e.key}`, { resourceId: e.resourceId, subresource: 'sqlServer', zone: e.zone, qualifier: `sql-${e.key}` }]));
    expect(stamp.endpoints.map(([id]) => id)).toEqual(['OrderDbEndpoint-westus3', 'OrderDbEndpoint-eastus']);
  });

  test('the resource groups it creates are named for the database (db)', () => {
    const database = makeDatabase();
    const group = database.node.findAll().filter((c): c is ResourceGroup => c instanceof ResourceGroup);
    expect(group.map((g) => [g.node.path, g.nameInput])).toEqual([['test/OrderDb/westus3/ResourceGroup', `shop-rg-db-westus3-${pathHash('test/OrderDb/westus3')}`]]);
  });

  test('where backups must stay in the region, an info annotation says why; nowhere else', () => {
    const database = makeDatabase({ pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth', 'polandcentral'] });
    expect(database.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => m.data)).toEqual([
      "Backups of the brazilsouth database stay in-region (zone- or locally-redundant): its pair southcentralus lies outside the cell's residency Brazil.",
      'Backups of the polandcentral database stay in-region (zone- or locally-redundant): polandcentral has no paired region.',
    ]);
    expect(makeDatabase().node.metadata).toEqual([]);
  });
});
