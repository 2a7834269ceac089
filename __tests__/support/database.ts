import { TerraformOutput, TerraformStack } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { RedundancyPattern } from '../../lib/core/pattern';
import { ActivePassiveDatabase } from '../../lib/database/active-passive-database';
import type { ActivePassiveDatabaseProps } from '../../lib/database/active-passive-database-types';
import { DatabaseEngine } from '../../lib/database/engine';
import { ownGroups } from './standalone';
import { StackJson, synthStack, testStack } from './synth';

// Helpers of the database unit tests (__tests__/unit/database-*.test.ts): each test builds one small standalone
// ActivePassiveDatabase (`OrderDb` in the stack `test`, its own resource groups and a monitoring sink per region).

export const ADMIN = { objectId: '11111111-2222-3333-4444-555555555555', name: 'sg-order-db-admins' };

/** What a test changes of the default props (zoneRedundant in westus3 on Azure SQL); any key, for bad input. */
export type Overrides = Partial<Record<keyof ActivePassiveDatabaseProps, unknown>> & Record<string, unknown>;

/** The props of a standalone database: SQL, zoneRedundant in westus3, with `overrides` (resource groups and sinks follow `regions`). */
export function databaseProps(overrides: Overrides = {}): ActivePassiveDatabaseProps {
  const regions = (overrides.regions as string[] | undefined) ?? ['westus3'];
  return { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions, administrator: ADMIN, engine: DatabaseEngine.sql(), ...ownGroups(regions), ...overrides } as ActivePassiveDatabaseProps;
}

/** Builds (without synthesizing) the database `OrderDb` in a new test stack. */
export function makeDatabase(overrides: Overrides = {}, stack: TerraformStack = testStack()): ActivePassiveDatabase {
  return new ActivePassiveDatabase(stack, 'OrderDb', databaseProps(overrides));
}

/** Builds and synthesizes the database; its cells and servers are the stack's outputs `cells` and `servers` (tokens resolved). */
export function synthDatabase(overrides: Overrides = {}): { database: ActivePassiveDatabase; json: StackJson; cells: unknown; servers: unknown } {
  const stack = testStack();
  const database = makeDatabase(overrides, stack);
  new TerraformOutput(stack, 'cells', { value: database.cells });
  new TerraformOutput(stack, 'servers', { value: database.servers });
  const json = synthStack(stack);
  return { database, json, cells: json.output?.cells.value, servers: json.output?.servers.value };
}

/** [prop, value, problem, fix] of every violation the props raise (the test fails if they are accepted). */
export function violations(overrides: Overrides): unknown[][] {
  try {
    makeDatabase(overrides);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    for (const v of (e as ValidationError).violations) expect(v.constructPath).toBe('test/OrderDb');
    return (e as ValidationError).violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
  }
  throw new Error(`accepted ${JSON.stringify(overrides)}`);
}

/** The props of every violation the props raise. */
export function violatedProps(overrides: Overrides): string[] {
  return violations(overrides).map(([prop]) => prop as string);
}

/**
 * The logical ID of the one resource of `type` whose construct path under `OrderDb` is `path` (`westus3/SqlServer`);
 * fails when there is none or more than one.
 */
export function logicalId(json: StackJson, type: string, path: string): string {
  const prefix = `OrderDb_${path.replace(/\//g, '_')}_`;
  const ids = Object.keys(json.resource[type] ?? {}).filter((id) => id.startsWith(prefix) && /^[0-9A-F]{8}$/.test(id.slice(prefix.length)));
  if (ids.length !== 1) throw new Error(`expected one ${type} at OrderDb/${path}, found ${ids.length}`);
  return ids[0];
}

/** The synthesized resource of `type` at `OrderDb/<path>`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resourceAt(json: StackJson, type: string, path: string): any {
  return json.resource[type][logicalId(json, type, path)];
}

/** The Terraform reference `${type.id.attribute}` of the resource at `OrderDb/<path>`. */
export function ref(json: StackJson, type: string, path: string, attribute: string): string {
  return `\${${type}.${logicalId(json, type, path)}.${attribute}}`;
}

/** The tenant ID of the client config data source, as the servers reference it. */
export function tenantRef(json: StackJson): string {
  const ids = Object.keys(json.data?.azurerm_client_config ?? {});
  if (ids.length !== 1) throw new Error(`expected one azurerm_client_config, found ${ids.length}`);
  return `\${data.azurerm_client_config.${ids[0]}.tenant_id}`;
}

/** The workspace ID of the monitoring sink of `region` (see `sink` in standalone.ts). */
export function workspaceOf(region: string): string {
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-${region}`;
}

/** The library's tags of the database under `pattern`, with `extra`. */
export function tagsOf(pattern: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'managed-by': 'cdktf-order-platform', component: 'order-database', pattern, ...extra };
}
