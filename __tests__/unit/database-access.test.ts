import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { App, TerraformStack, Token } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { AccessScriptSpec, databaseUserNameProblem, postgresqlAccessScript, sqlAccessScript } from '../../lib/database/access';
import { ActivePassiveDatabase } from '../../lib/database/active-passive-database';
import type { DatabaseAccessGrant } from '../../lib/database/database-types';
import { DatabaseEngine } from '../../lib/database/engine';
import { ADMIN, databaseProps, makeDatabase } from '../support/database';
import { synthApp, testStack } from '../support/synth';

/** lib/database/access.ts and ActivePassiveDatabase.grantDataAccess: database users for Entra ID principals, as statements to run. */

const OID = '0a1b2c3d-0000-4000-8000-000000000001';
const SPEC: AccessScriptSpec = {
  name: 'shop-id-order-westus3-abc123', objectId: OID, principalType: 'ServicePrincipal', access: 'readWrite',
  databaseName: 'orders', host: 'shop-sqlfg-westus3-abc123.database.windows.net', administrator: ADMIN.name, replicated: true,
};

/** [prop, value, problem, fix] of the violations of a call (the test fails if it is accepted). */
function refused(call: () => unknown): unknown[][] {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error('accepted');
}

const UNSAFE = 'the name goes into SQL statements and a Terraform output, and may not hold quotes, closing brackets, backslashes, semicolons, line breaks, ${ or %{';
const NO_NAME = "the grantee needs a name (its Entra ID display name, or a user's user principal name), a string";

describe('the statements', () => {
  test('Azure SQL: a contained Entra ID user created only when missing, reader and writer roles for readWrite', () => {
    expect(sqlAccessScript(SPEC).split('\n')).toEqual([
      "-- Run as a member of the Entra ID administrator 'sg-order-db-admins', connected to database 'orders' on shop-sqlfg-westus3-abc123.database.windows.net (its geo-secondary receives the user by replication).",
      '-- A principal re-created under the same name needs DROP USER [shop-id-order-westus3-abc123]; first.',
      "IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'shop-id-order-westus3-abc123') CREATE USER [shop-id-order-westus3-abc123] FROM EXTERNAL PROVIDER;",
      'ALTER ROLE db_datareader ADD MEMBER [shop-id-order-westus3-abc123];',
      'ALTER ROLE db_datawriter ADD MEMBER [shop-id-order-westus3-abc123];',
    ]);
    // A cell without a cross-region copy: nothing to replicate to.
    expect(sqlAccessScript({ ...SPEC, replicated: false }).split('\n')[0]).toBe("-- Run as a member of the Entra ID administrator 'sg-order-db-admins', connected to database 'orders' on shop-sqlfg-westus3-abc123.database.windows.net.");
    const readOnly = sqlAccessScript({ ...SPEC, access: 'readOnly' });
    expect(readOnly).toContain('ALTER ROLE db_datareader ADD MEMBER');
    expect(readOnly).not.toContain('db_datawriter');
  });

  test('PostgreSQL: a psql script; the role mapped by object ID and kind in postgres (only when missing), then privileges on the database, its tables and sequences', () => {
    expect(postgresqlAccessScript(SPEC).split('\n')).toEqual([
      "-- psql script: run as a member of the Entra ID administrator 'sg-order-db-admins' on shop-sqlfg-westus3-abc123.database.windows.net (its read replica receives the role by replication).",
      '-- A principal re-created under the same name needs DROP ROLE "shop-id-order-westus3-abc123"; first.',
      '\\connect postgres',
      `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shop-id-order-westus3-abc123') THEN PERFORM pgaadauth_create_principal_with_oid('shop-id-order-westus3-abc123', '${OID}', 'service', false, false); END IF; END $$;`,
      "-- As the role that owns the application's tables (the administrator unless the migrations run as another role):",
      '\\connect "orders"',
      'GRANT CONNECT ON DATABASE "orders" TO "shop-id-order-westus3-abc123";',
      'GRANT USAGE ON SCHEMA public TO "shop-id-order-westus3-abc123";',
      'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "shop-id-order-westus3-abc123";',
      'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "shop-id-order-westus3-abc123";',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "shop-id-order-westus3-abc123";',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "shop-id-order-westus3-abc123";',
    ]);
    const readOnly = postgresqlAccessScript({ ...SPEC, access: 'readOnly', principalType: 'Group' });
    expect(readOnly).toContain(`'${OID}', 'group', false, false`);
    expect(readOnly).toContain('GRANT SELECT ON ALL TABLES IN SCHEMA public');
    expect(readOnly).toContain('GRANT SELECT ON ALL SEQUENCES IN SCHEMA public');
    expect(readOnly).not.toMatch(/INSERT|UPDATE|DELETE|USAGE, SELECT/);
    expect(postgresqlAccessScript({ ...SPEC, principalType: 'User' })).toContain(`'${OID}', 'user', false, false`);
    expect(postgresqlAccessScript({ ...SPEC, replicated: false }).split('\n')[0]).toBe("-- psql script: run as a member of the Entra ID administrator 'sg-order-db-admins' on shop-sqlfg-westus3-abc123.database.windows.net.");
  });

  test('a literal administrator name that Terraform would read as a template is escaped; a token is left as it is', () => {
    const admin = 'sg-${x}-%{y}';
    for (const script of [sqlAccessScript({ ...SPEC, administrator: admin }), postgresqlAccessScript({ ...SPEC, administrator: admin })]) {
      expect(script).toContain("administrator 'sg-$${x}-%%{y}'");
    }
    const token = Token.asString({ Ref: 'admin' });
    expect(sqlAccessScript({ ...SPEC, administrator: token })).toContain(`administrator '${token}'`);
  });

  test('a user name is 1 to the engine\'s limit of characters (SQL) or bytes (PostgreSQL) without what would end its quotes or start a template', () => {
    for (const name of ['a', 'n'.repeat(63), 'Order Service (prod)', 'shop-id-order-westus3-abc123', 'bob@contoso.com', 'a[b', 'a$b', 'a%b']) expect(databaseUserNameProblem(name, 63, 'bytes')).toBeUndefined();
    expect(databaseUserNameProblem('n'.repeat(64), 63, 'bytes')).toBe('a database user name of this engine has 1-63 bytes');
    // 32 characters of two bytes each: 64 bytes, which PostgreSQL would truncate.
    expect(databaseUserNameProblem('é'.repeat(32), 63, 'bytes')).toBe('a database user name of this engine has 1-63 bytes');
    expect(databaseUserNameProblem('é'.repeat(32), 128, 'characters')).toBeUndefined();
    // 100 characters, 200 bytes: within SQL's 128 characters.
    expect(databaseUserNameProblem('é'.repeat(100), 128, 'characters')).toBeUndefined();
    expect(databaseUserNameProblem('n'.repeat(128), 128, 'characters')).toBeUndefined();
    expect(databaseUserNameProblem('n'.repeat(129), 128, 'characters')).toBe('a database user name of this engine has 1-128 characters');
    expect(databaseUserNameProblem('', 128, 'characters')).toBe('a database user name of this engine has 1-128 characters');
    for (const name of ['a]b', 'a"b', "a'b", 'a\\b', 'a;b', 'a\nb', 'a\rb', 'a${b}', 'a%{b}']) expect(databaseUserNameProblem(name, 128, 'characters')).toBe(UNSAFE);
    expect(databaseUserNameProblem(undefined, 128, 'characters')).toBe(NO_NAME);
    expect(databaseUserNameProblem(7, 128, 'characters')).toBe(NO_NAME);
    // A token passes (Terraform resolves it); the text around one is checked.
    const stack = testStack();
    const identity = new UserAssignedIdentity(stack, 'Identity', { name: 'x', location: 'westus3', resourceGroupName: 'rg' });
    expect(databaseUserNameProblem(identity.name, 3, 'bytes')).toBeUndefined();
    expect(databaseUserNameProblem(`app-${identity.name}`, 128, 'characters')).toBeUndefined();
    expect(databaseUserNameProblem(`${identity.name}]x`, 128, 'characters')).toBe(UNSAFE);
  });
});

describe('ActivePassiveDatabase.grantDataAccess', () => {
  test('a managed identity gets one output per cell in its own stack, named <id>-<home region>, with its name and object ID resolved by Terraform', () => {
    let grants: DatabaseAccessGrant[] = [];
    let apps: TerraformStack | undefined;
    const stacks = synthApp((app) => {
      const data = new TerraformStack(app, 'data');
      new AzurermProvider(data, 'Azurerm', { features: [{}] });
      const database = new ActivePassiveDatabase(data, 'OrderDb', databaseProps({ pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus2'], engine: DatabaseEngine.postgresql() }));
      apps = new TerraformStack(app, 'apps');
      new AzurermProvider(apps, 'Azurerm', { features: [{}] });
      const identity = new UserAssignedIdentity(apps, 'OrderIdentity', { name: 'shop-id-order', location: 'westus3', resourceGroupName: 'rg' });
      grants = database.grantDataAccess(identity);
    });
    expect(grants.map((g) => [g.homeRegion, g.databaseName, g.output.node.path])).toEqual([
      ['westus3', 'orders', 'apps/OrderIdentity-OrderDb-DataAccess-westus3'],
      ['eastus2', 'orders', 'apps/OrderIdentity-OrderDb-DataAccess-eastus2'],
    ]);
    expect(grants.every((g) => g.output.node.scope === apps)).toBe(true);
    const outputs = stacks.apps.output!;
    expect(Object.keys(outputs).filter((name) => name.includes('DataAccess')).sort()).toEqual(['OrderIdentity-OrderDb-DataAccess-eastus2', 'OrderIdentity-OrderDb-DataAccess-westus3']);
    const westus3 = outputs['OrderIdentity-OrderDb-DataAccess-westus3'] as { value: string; description: string };
    expect(westus3.value).toContain("pgaadauth_create_principal_with_oid('${azurerm_user_assigned_identity.OrderIdentity.name}', '${azurerm_user_assigned_identity.OrderIdentity.principal_id}', 'service', false, false);");
    expect(westus3.value).toContain('GRANT CONNECT ON DATABASE "orders" TO "${azurerm_user_assigned_identity.OrderIdentity.name}";');
    // Where they run: the cell's writer, the virtual endpoint that follows a promotion.
    expect(grants[0].host).toMatch(/^shop-psqlve-westus3-[0-9a-f]{6}\.writer\.postgres\.database\.azure\.com$/);
    expect(westus3.value).toContain(`on ${grants[0].host} (its read replica receives the role by replication).`);
    expect(westus3.description).toBe("Statements that give data/OrderDb's westus3 database access (readWrite) to a principal: run them once as its Entra ID administrator.");
  });

  test('a principal that is not a construct needs an id; options place, limit and shape the grant', () => {
    const stack = testStack();
    const database = makeDatabase({ regions: ['westus3', 'eastus2'], pattern: RedundancyPattern.regionPinned() }, stack);
    const group = { principalId: OID, name: 'sg-order-readers' };
    expect(refused(() => database.grantDataAccess(group))).toEqual([[
      'grantDataAccess(options).id', undefined, "the grantee is not a construct, so there is no construct ID to derive the role assignments' IDs from",
      "pass a stable id, e.g. grantDataAccess(principal, { id: 'OrderServiceDataAccess' })",
    ]]);
    const grants = database.grantDataAccess(group, { id: 'Readers', regions: ['eastus2'], access: 'readOnly', principalType: 'Group' });
    expect(grants.map((g) => [g.homeRegion, g.output.node.path])).toEqual([['eastus2', 'test/Readers-eastus2']]);
    expect(grants[0].statements).toContain('ALTER ROLE db_datareader ADD MEMBER [sg-order-readers];');
    // A regionPinned cell has no cross-region copy, so nothing to say about replication.
    expect(grants[0].statements).not.toContain('replication');
    expect(grants[0].statements).not.toContain('db_datawriter');
    // The same grant twice would give Terraform two outputs of one name.
    expect(refused(() => database.grantDataAccess(group, { id: 'Readers', regions: ['eastus2'] }))[0][2]).toBe("test already holds a construct 'Readers-eastus2': the principal was granted this already, or another grant uses the same id");
  });

  test('bad grantees and options are refused with the prop, the value and the fix, every problem of a call at once', () => {
    const database = makeDatabase({ engine: DatabaseEngine.postgresql() });
    const FIX = "pass the managed identity itself, or { principalId, name: '<its display name, or a user principal name>' }";
    expect(refused(() => database.grantDataAccess({ principalId: OID, name: 'n'.repeat(64) }, { id: 'X' }))).toEqual([[
      'grantDataAccess(grantee).name', 'n'.repeat(64), 'a database user name of this engine has 1-63 bytes', FIX,
    ]]);
    expect(refused(() => database.grantDataAccess({ principalId: OID } as never, { id: 'X' }))).toEqual([['grantDataAccess(grantee).name', undefined, NO_NAME, FIX]]);
    expect(refused(() => database.grantDataAccess({ principalId: 'not-a-guid', name: 'x' }, { id: 'X' }))[0][0]).toBe('grantDataAccess(grantee).principalId');
    expect(refused(() => database.grantDataAccess({ principalId: OID, name: 'x' }, { id: 'X', access: 'write', principalType: 'App', foo: 1 } as never))).toEqual([
      ['grantDataAccess(options).access', 'write', 'expected one of \'readWrite\', \'readOnly\', got the string "write"', "give one of 'readWrite', 'readOnly'"],
      ['grantDataAccess(options).principalType', 'App', 'expected one of \'Group\', \'User\', \'ServicePrincipal\', got the string "App"', "give one of 'Group', 'User', 'ServicePrincipal'"],
      ['grantDataAccess(options).foo', 1, "unknown option 'foo', which would be ignored", "use only 'scope', 'id', 'regions', 'access', 'principalType'"],
    ]);
    // Options of the wrong shape, a bad principal ID and a bad name: all three reported by one call.
    expect(refused(() => database.grantDataAccess({ principalId: 'bad', name: 'a;b' }, { id: 'X', access: 'x' } as never)).map(([prop]) => prop)).toEqual([
      'grantDataAccess(options).access', 'grantDataAccess(grantee).principalId', 'grantDataAccess(grantee).name',
    ]);
    // Good options, a grant that needs an id and a bad name: both reported.
    expect(refused(() => database.grantDataAccess({ principalId: OID, name: 'a"b' })).map(([prop]) => prop)).toEqual(['grantDataAccess(options).id', 'grantDataAccess(grantee).name']);
    expect(refused(() => database.grantDataAccess(null as never, { id: 'X' })).map(([prop]) => prop)).toEqual(['grantDataAccess(grantee)']);
    expect(refused(() => database.grantDataAccess({ principalId: OID, name: 'x' }, { id: 'X', regions: ['eastus2'] }))[0].slice(0, 3)).toEqual([
      'grantDataAccess(options).regions', 'eastus2', 'test/OrderDb has no resources homed in eastus2, so the grant would cover nothing there',
    ]);
  });

  test('a scope in another cdktf App is refused: its stacks could not refer to the database', () => {
    const database = makeDatabase();
    const elsewhere = new TerraformStack(new App(), 'elsewhere');
    expect(refused(() => database.grantDataAccess({ principalId: OID, name: 'x' }, { id: 'X', scope: elsewhere }))).toEqual([[
      'grantDataAccess(options).scope', 'elsewhere', "it belongs to another cdktf App, whose stacks cannot refer to this construct's resources", 'grant from and to constructs of one App',
    ]]);
  });
});
