import { Token, Tokenization } from 'cdktf';

// The statements that give an Entra ID principal a user in the Order database. Neither engine lets Azure Resource
// Manager (and so azurerm) create database users: they are created inside the database by one of its Entra ID
// administrators, so `ActivePassiveDatabase.grantDataAccess` writes these statements as a Terraform output to run once
// after the first deploy. The users live in the database, so they reach its geo-secondaries and read replicas by
// replication: the statements run on each cell's writer only. Names from Terraform tokens go in as they are (Terraform
// resolves them; the identity names the library generates are letters, digits and hyphens).

/** What a database user may do: read, or read and write the application's tables. */
export type DatabaseAccess = 'readWrite' | 'readOnly';

/** The kind of Entra ID principal a database user maps to (the same terms as `DatabaseAdministrator.type`). */
export type DatabasePrincipalType = 'ServicePrincipal' | 'User' | 'Group';

/** One cell's statements: who runs them, where, and what. @internal */
export interface AccessScriptSpec {
  /** The user's name: the principal's display name (a managed identity's name), or a token that resolves to it. */
  readonly name: string;
  /** The principal's Entra ID object ID (a GUID or a token). */
  readonly objectId: string;
  readonly principalType: DatabasePrincipalType;
  readonly access: DatabaseAccess;
  /** The cell's database. */
  readonly databaseName: string;
  /** The cell's read-write host, which follows a failover. */
  readonly host: string;
  /** The display name of the servers' Entra ID administrator. */
  readonly administrator: string;
  /** Whether the cell has a cross-region copy (which receives the user by replication). */
  readonly replicated: boolean;
}

/**
 * A literal that goes into the output's value as it is: Terraform would read `${` and `%{` as a template, so they are
 * escaped (`$${`, `%%{`). Tokens are left alone: they are the template Terraform resolves.
 */
function literal(value: string): string {
  return Token.isUnresolved(value) ? value : value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * Azure SQL: a contained user from Entra ID (`FROM EXTERNAL PROVIDER`, which looks the principal up by its display
 * name, or a user's user principal name) and the fixed database roles for the access asked. Idempotent: the user is
 * created only when missing, and adding a member twice is not an error. A principal re-created under the same name
 * (a replaced managed identity) keeps the old user's SID: drop the user first, then run the statements again.
 */
export function sqlAccessScript(s: AccessScriptSpec): string {
  const user = `[${s.name}]`;
  const roles = s.access === 'readWrite' ? ['db_datareader', 'db_datawriter'] : ['db_datareader'];
  return [
    `-- Run as a member of the Entra ID administrator '${literal(s.administrator)}', connected to database '${s.databaseName}' on ${s.host}${s.replicated ? ' (its geo-secondary receives the user by replication)' : ''}.`,
    `-- A principal re-created under the same name needs DROP USER ${user}; first.`,
    `IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'${s.name}') CREATE USER ${user} FROM EXTERNAL PROVIDER;`,
    ...roles.map((role) => `ALTER ROLE ${role} ADD MEMBER ${user};`),
  ].join('\n');
}

/**
 * PostgreSQL flexible server, as a psql script: in the `postgres` database an Entra ID role mapped by object ID
 * (`pgaadauth_create_principal_with_oid`, created only when missing), then in the cell's database the privileges on it
 * and its `public` schema. `GRANT ... ON ALL TABLES` covers only tables the running role may grant, and
 * `ALTER DEFAULT PRIVILEGES` only the running role's future tables: run the second part as the role that owns the
 * application's tables (the one the migrations run as), which is the administrator unless you chose another.
 */
export function postgresqlAccessScript(s: AccessScriptSpec): string {
  const role = `"${s.name}"`;
  const type = s.principalType === 'ServicePrincipal' ? 'service' : s.principalType === 'User' ? 'user' : 'group';
  const privileges = s.access === 'readWrite' ? 'SELECT, INSERT, UPDATE, DELETE' : 'SELECT';
  const sequences = s.access === 'readWrite' ? 'USAGE, SELECT' : 'SELECT';
  return [
    `-- psql script: run as a member of the Entra ID administrator '${literal(s.administrator)}' on ${s.host}${s.replicated ? ' (its read replica receives the role by replication)' : ''}.`,
    `-- A principal re-created under the same name needs DROP ROLE ${role}; first.`,
    `\\connect postgres`,
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${s.name}') THEN PERFORM pgaadauth_create_principal_with_oid('${s.name}', '${s.objectId}', '${type}', false, false); END IF; END $$;`,
    `-- As the role that owns the application's tables (the administrator unless the migrations run as another role):`,
    `\\connect "${s.databaseName}"`,
    `GRANT CONNECT ON DATABASE "${s.databaseName}" TO ${role};`,
    `GRANT USAGE ON SCHEMA public TO ${role};`,
    `GRANT ${privileges} ON ALL TABLES IN SCHEMA public TO ${role};`,
    `GRANT ${sequences} ON ALL SEQUENCES IN SCHEMA public TO ${role};`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${privileges} ON TABLES TO ${role};`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${sequences} ON SEQUENCES TO ${role};`,
  ].join('\n');
}

/** What would end the quoted name in either engine's statements, or start a Terraform template in the output. */
const UNSAFE_NAME = /[\]"'\\;\n\r]|\$\{|%\{/;

/**
 * Why a database user name cannot be used, or undefined when it can: 1 to `maxLength` characters (Azure SQL: 128, a
 * `sysname`) or bytes (PostgreSQL: 63, NAMEDATALEN - 1; longer role names are truncated), without quotes, closing
 * brackets, backslashes, semicolons or line breaks, which would end the quoted name in the statements, and without
 * `${` or `%{`, which Terraform would read as a template. A Terraform token is accepted; the text around one is checked.
 */
export function databaseUserNameProblem(name: unknown, maxLength: number, unit: 'characters' | 'bytes'): string | undefined {
  if (typeof name !== 'string') return 'the grantee needs a name (its Entra ID display name, or a user\'s user principal name), a string';
  const literals = Tokenization.reverseString(name).literals.map(String);
  if (literals.some((part) => UNSAFE_NAME.test(part))) {
    return 'the name goes into SQL statements and a Terraform output, and may not hold quotes, closing brackets, backslashes, semicolons, line breaks, ${ or %{';
  }
  if (Token.isUnresolved(name)) return undefined;
  const length = unit === 'bytes' ? Buffer.byteLength(name, 'utf8') : name.length;
  if (length < 1 || length > maxLength) return `a database user name of this engine has 1-${maxLength} ${unit}`;
  return undefined;
}
