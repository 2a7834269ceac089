import { Construct } from 'constructs';
import { TerraformVariable, Token } from 'cdktf';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { PrivateDnsZones } from '../../lib/common/private-dns-zones';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern } from '../../lib/core/pattern';
import { TrackingStore } from '../../lib/tracking/tracking-store';
import { TrackingStoreProps } from '../../lib/tracking/tracking-store-types';
import { RegionalStamp } from '../../lib/stamp/regional-stamp';
import { resolved } from '../support/resolve';
import { ownGroups, sink } from '../support/standalone';
import { all, only, StackJson, synthStack, testStack } from '../support/synth';

/** lib/tracking/tracking-store.ts and lib/tracking/shapes.ts: each test builds one small TrackingStore and at most synthesizes its stack. */

const PRINCIPAL = '11111111-2222-3333-4444-555555555555';
const WORKSPACE = (region: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-${region}`;
const PS = { pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']) };
const AA = { pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], ...ownGroups(['eastus2', 'westus3']) };
const PINNED = { pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'brazilsouth'], ...ownGroups(['westeurope', 'brazilsouth']) };

function store(scope: Construct, props: Partial<TrackingStoreProps> = {}): TrackingStore {
  return new TrackingStore(scope, 'Tracking', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'], ...ownGroups(['westus3']), ...props });
}

function build(props: Partial<TrackingStoreProps> = {}): { tracking: TrackingStore; json: StackJson } {
  const stack = testStack();
  const tracking = store(stack, props);
  return { tracking, json: synthStack(stack) };
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

function propsViolations(props: Record<string, unknown>): unknown[][] {
  return violations(() => store(testStack(), props as Partial<TrackingStoreProps>));
}

/** The logical ID and resource of the only resource of a type whose logical ID starts with `start`. */
function byId(json: StackJson, type: string, start: string): [string, Record<string, unknown>] {
  const found = Object.entries(all(json, type)).filter(([id]) => id.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one ${type} ${start}*, found ${found.length}`);
  return found[0];
}

const THROUGHPUT = 'autoscale maximum throughput is 1000 RU/s or more, in steps of 1000 (Azure scales between 10% and 100% of it)';

describe('TrackingStore under zoneRedundant', () => {
  test('one account with the database, the two containers, the diagnostics, the private endpoint and the account workloads read', () => {
    const { tracking, json } = build();
    const [accountId, account] = byId(json, 'azurerm_cosmosdb_account', 'Tracking_westus3_CosmosAccount_');
    const [rgId, rg] = byId(json, 'azurerm_resource_group', 'Tracking_westus3_ResourceGroup_');
    const tags = { component: 'tracking-store', 'managed-by': 'cdktf-order-platform', pattern: 'zoneRedundant' };
    expect(rg).toEqual({ name: `shop-rg-tracking-westus3-${pathHash('test/Tracking/westus3')}`, location: 'westus3', tags });
    const group = `\${azurerm_resource_group.${rgId}.name}`;
    expect(account).toEqual({
      name: `shop-cosmos-westus3-${pathHash('test/Tracking/westus3')}`, location: 'westus3', resource_group_name: group, offer_type: 'Standard', kind: 'GlobalDocumentDB',
      consistency_policy: { consistency_level: 'Session' }, geo_location: [{ location: 'westus3', failover_priority: 0, zone_redundant: true }],
      automatic_failover_enabled: false, multiple_write_locations_enabled: false, backup: { type: 'Continuous', tier: 'Continuous7Days' },
      local_authentication_disabled: true, access_key_metadata_writes_enabled: false, minimal_tls_version: 'Tls12', public_network_access_enabled: false,
      network_acl_bypass_for_azure_services: false, tags: { ...tags, region: 'westus3' }, lifecycle: { prevent_destroy: true },
    });
    const accountName = `\${azurerm_cosmosdb_account.${accountId}.name}`;
    const [databaseId, database] = byId(json, 'azurerm_cosmosdb_sql_database', 'Tracking_westus3_Database_');
    expect(database).toEqual({ name: 'tracking', account_name: accountName, resource_group_name: group, lifecycle: { prevent_destroy: true } });
    const container = { account_name: accountName, database_name: `\${azurerm_cosmosdb_sql_database.${databaseId}.name}`, resource_group_name: group, partition_key_version: 2, lifecycle: { prevent_destroy: true } };
    expect(byId(json, 'azurerm_cosmosdb_sql_container', 'Tracking_westus3_DeliveriesContainer_')[1]).toEqual({ ...container, name: 'deliveries', partition_key_paths: ['/orderId'], autoscale_settings: { max_throughput: 4000 } });
    expect(byId(json, 'azurerm_cosmosdb_sql_container', 'Tracking_westus3_LeasesContainer_')[1]).toEqual({ ...container, name: 'leases', partition_key_paths: ['/id'], autoscale_settings: { max_throughput: 1000 } });
    expect(only(json, 'azurerm_monitor_diagnostic_setting')).toEqual({
      name: 'to-log-analytics', target_resource_id: `\${azurerm_cosmosdb_account.${accountId}.id}`, log_analytics_workspace_id: WORKSPACE('westus3'),
      // Cosmos DB's metric category is Requests (as the portal offers it), not AllMetrics.
      log_analytics_destination_type: 'Dedicated', enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: 'Requests' }],
    });
    expect(all(json, 'azurerm_cosmosdb_sql_role_assignment')).toEqual({});
    expect(resolved(tracking, tracking.accounts)).toEqual([{
      homeRegion: 'westus3', regions: ['westus3'], endpoint: `\${azurerm_cosmosdb_account.${accountId}.endpoint}`, databaseName: 'tracking',
      deliveriesContainer: 'deliveries', leasesContainer: 'leases', multiRegionWrites: false,
    }]);
    expect(Object.entries(tracking.cosmosAccounts).map(([region, a]) => [region, a.node.path])).toEqual([['westus3', 'test/Tracking/westus3/CosmosAccount']]);
    expect(resolved(tracking, tracking.privateEndpoints)).toEqual([{ key: 'westus3', qualifier: 'cosmos-westus3', resourceId: `\${azurerm_cosmosdb_account.${accountId}.id}`, subresource: 'Sql', zone: PrivateDnsZones.COSMOS_SQL, region: 'westus3' }]);
  });

  test('the options reach the account, the database and the containers; data contributors get the built-in role on the database', () => {
    const stack = testStack();
    const tracking = store(stack, {
      consistency: 'BoundedStaleness', backup: 'continuous30Days', databaseName: 'orders-tracking', removalPolicy: RemovalPolicy.DESTROY,
      deliveries: { name: 'shipments', partitionKeyPath: '/tenant/orderId', maxThroughput: 1000000, defaultTtlSeconds: 2147483647 }, leasesMaxThroughput: 2000,
      dataContributors: { Tracker: { principalId: PRINCIPAL } },
    });
    const json = synthStack(stack);
    const [accountId, account] = byId(json, 'azurerm_cosmosdb_account', 'Tracking_westus3_CosmosAccount_');
    expect([account.consistency_policy, account.backup, account.lifecycle]).toEqual([
      { consistency_level: 'BoundedStaleness', max_interval_in_seconds: 300, max_staleness_prefix: 100000 }, { type: 'Continuous', tier: 'Continuous30Days' }, { prevent_destroy: false },
    ]);
    expect(only(json, 'azurerm_cosmosdb_sql_database')).toMatchObject({ name: 'orders-tracking', lifecycle: { prevent_destroy: false } });
    expect(byId(json, 'azurerm_cosmosdb_sql_container', 'Tracking_westus3_DeliveriesContainer_')[1]).toMatchObject({
      name: 'shipments', partition_key_paths: ['/tenant/orderId'], autoscale_settings: { max_throughput: 1000000 }, default_ttl: 2147483647, lifecycle: { prevent_destroy: false },
    });
    expect(byId(json, 'azurerm_cosmosdb_sql_container', 'Tracking_westus3_LeasesContainer_')[1]).toMatchObject({ autoscale_settings: { max_throughput: 2000 }, lifecycle: { prevent_destroy: false } });
    const [rgId] = byId(json, 'azurerm_resource_group', 'Tracking_westus3_ResourceGroup_');
    expect(byId(json, 'azurerm_cosmosdb_sql_role_assignment', 'Tracking_westus3_DataContributor-Tracker_')[1]).toEqual({
      account_name: `\${azurerm_cosmosdb_account.${accountId}.name}`, resource_group_name: `\${azurerm_resource_group.${rgId}.name}`,
      role_definition_id: `\${azurerm_cosmosdb_account.${accountId}.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002`,
      principal_id: PRINCIPAL, scope: `\${azurerm_cosmosdb_account.${accountId}.id}/dbs/orders-tracking`,
    });
    expect(tracking.accounts.map((a) => [a.databaseName, a.deliveriesContainer, a.leasesContainer])).toEqual([['orders-tracking', 'shipments', 'leases']]);
  });

  test('every consistency level and backup the shape lists is accepted where the pattern allows it', () => {
    for (const consistency of ['Strong', 'BoundedStaleness', 'Session', 'ConsistentPrefix', 'Eventual'] as const) {
      expect(store(testStack(), { consistency }).node.id).toBe('Tracking');
    }
    for (const backup of ['continuous7Days', 'continuous30Days', 'periodic'] as const) {
      expect(store(testStack(), { backup }).node.id).toBe('Tracking');
    }
  });

  test('the smallest names, throughputs and time to live are accepted; -1 turns the time to live on without expiry', () => {
    const { json } = build({ databaseName: 'a', deliveries: { name: 'd', partitionKeyPath: '/k', maxThroughput: 1000, defaultTtlSeconds: -1 }, leasesMaxThroughput: 1000 });
    expect(only(json, 'azurerm_cosmosdb_sql_database').name).toBe('a');
    expect(byId(json, 'azurerm_cosmosdb_sql_container', 'Tracking_westus3_DeliveriesContainer_')[1]).toMatchObject({ name: 'd', partition_key_paths: ['/k'], default_ttl: -1 });
    const longest = build({ databaseName: `d${'a1-'.repeat(13)}`, deliveries: { name: `c${'-9'.repeat(19)}x`, defaultTtlSeconds: 1 } }).json;
    expect(only(longest, 'azurerm_cosmosdb_sql_database').name).toHaveLength(40);
    expect(byId(longest, 'azurerm_cosmosdb_sql_container', 'Tracking_westus3_DeliveriesContainer_')[1]).toMatchObject({ default_ttl: 1 });
  });

  test('periodic backup of a single-region account is geo-redundant where the region has a pair, zone-redundant where it has none', () => {
    expect(only(build({ backup: 'periodic' }).json, 'azurerm_cosmosdb_account').backup).toEqual({ type: 'Periodic', interval_in_minutes: 240, retention_in_hours: 8, storage_redundancy: 'Geo' });
    const unpaired = build({ regions: ['austriaeast'], ...ownGroups(['austriaeast']), backup: 'periodic' }).json;
    expect(only(unpaired, 'azurerm_cosmosdb_account').backup).toMatchObject({ type: 'Periodic', storage_redundancy: 'Zone' });
  });
});

describe('TrackingStore under multi-region patterns', () => {
  test('primarySecondary: one account over both regions in order, service-managed failover, the failover priorities left to Azure', () => {
    const { tracking, json } = build(PS);
    const account = only(json, 'azurerm_cosmosdb_account');
    expect(account.geo_location).toEqual([{ location: 'westus3', failover_priority: 0, zone_redundant: true }, { location: 'eastus', failover_priority: 1, zone_redundant: true }]);
    expect([account.location, account.automatic_failover_enabled, account.multiple_write_locations_enabled, account.backup.type]).toEqual(['westus3', true, false, 'Continuous']);
    expect(account.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['geo_location'] });
    expect(tracking.accounts.map((a) => [a.homeRegion, a.regions, a.multiRegionWrites])).toEqual([['westus3', ['westus3', 'eastus'], false]]);
    expect(tracking.accountFor('eastus')).toEqual({ account: tracking.accounts[0], preferredRegions: ['eastus', 'westus3'] });
    expect(tracking.accountFor('westus3').preferredRegions).toEqual(['westus3', 'eastus']);
    expect(Object.keys(tracking.cosmosAccounts)).toEqual(['westus3']);
    expect(tracking.privateEndpoints.map((e) => e.key)).toEqual(['westus3']);
  });

  test('a secondary without zones is listed as not zone-redundant', () => {
    const regions = ['canadacentral', 'canadaeast'];
    const { json } = build({ pattern: RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), regions, ...ownGroups(regions) });
    expect(only(json, 'azurerm_cosmosdb_account').geo_location).toEqual([{ location: 'canadacentral', failover_priority: 0, zone_redundant: true }, { location: 'canadaeast', failover_priority: 1, zone_redundant: false }]);
  });

  test('activeActive: multi-region writes with Session consistency and geo-redundant periodic backup; the region list stays managed', () => {
    const { tracking, json } = build(AA);
    const account = only(json, 'azurerm_cosmosdb_account');
    expect([account.multiple_write_locations_enabled, account.automatic_failover_enabled, account.consistency_policy]).toEqual([true, false, { consistency_level: 'Session' }]);
    expect(account.backup).toEqual({ type: 'Periodic', interval_in_minutes: 240, retention_in_hours: 8, storage_redundancy: 'Geo' });
    expect(account.lifecycle).toEqual({ prevent_destroy: true });
    expect(tracking.accounts[0].multiRegionWrites).toBe(true);
  });

  test('regionPinned: one account per cell, each with its own database, containers, roles and endpoint', () => {
    const stack = testStack();
    const tracking = store(stack, { ...PINNED, dataContributors: { Tracker: { principalId: PRINCIPAL } } });
    const json = synthStack(stack);
    expect(Object.values(all(json, 'azurerm_cosmosdb_account')).map((a) => [a.location, a.geo_location, a.automatic_failover_enabled, a.lifecycle])).toEqual([
      ['brazilsouth', [{ location: 'brazilsouth', failover_priority: 0, zone_redundant: true }], false, { prevent_destroy: true }],
      ['westeurope', [{ location: 'westeurope', failover_priority: 0, zone_redundant: true }], false, { prevent_destroy: true }],
    ]);
    expect(Object.keys(all(json, 'azurerm_cosmosdb_sql_container'))).toHaveLength(4);
    expect(Object.keys(all(json, 'azurerm_cosmosdb_sql_role_assignment')).map((id) => id.replace(/_[0-9A-F]{8}$/, ''))).toEqual(['Tracking_brazilsouth_DataContributor-Tracker', 'Tracking_westeurope_DataContributor-Tracker']);
    expect(Object.keys(all(json, 'azurerm_monitor_diagnostic_setting'))).toHaveLength(2);
    expect(tracking.accounts.map((a) => [a.homeRegion, a.regions])).toEqual([['westeurope', ['westeurope']], ['brazilsouth', ['brazilsouth']]]);
    expect(Object.keys(tracking.cosmosAccounts)).toEqual(['westeurope', 'brazilsouth']);
    expect(tracking.privateEndpoints.map((e) => [e.key, e.qualifier])).toEqual([['westeurope', 'cosmos-westeurope'], ['brazilsouth', 'cosmos-brazilsouth']]);
    expect(tracking.accountFor('brazilsouth')).toEqual({ account: tracking.accounts[1], preferredRegions: ['brazilsouth'] });
  });

  test('a region no account spans', () => {
    const tracking = store(testStack(), PS);
    expect(violations(() => tracking.accountFor('centralus'))).toEqual([['test/Tracking', 'region', 'centralus', 'no tracking account spans this region', 'use one of westus3, eastus']]);
  });
});

describe('TrackingStore props are checked', () => {
  test('Strong consistency and continuous backup with multi-region writes', () => {
    expect(violations(() => store(testStack(), { ...AA, consistency: 'Strong', backup: 'continuous7Days' }))).toEqual([
      ['test/Tracking', 'consistency', 'Strong', 'Strong consistency cannot be combined with multi-region writes (activeActive)', "use 'Session' (the default) or 'BoundedStaleness'"],
      ['test/Tracking', 'backup', 'continuous7Days', 'this library does not combine continuous backup with multi-region writes (activeActive): Microsoft documents the combination inconsistently and its restores as preview', "use 'periodic' (geo-redundant, the default under activeActive)"],
    ]);
    expect(violations(() => store(testStack(), { ...AA, backup: 'continuous30Days' })).map((v) => v[1])).toEqual(['backup']);
    expect(store(testStack(), { ...AA, consistency: 'BoundedStaleness', backup: 'periodic' }).accounts).toHaveLength(1);
  });

  test.each(['Tracking', '1tracking', 'tracking_db', '', `d${'a'.repeat(40)}`])('the database name %j is refused', (databaseName) => {
    expect(propsViolations({ databaseName })).toEqual([['test/Tracking', 'databaseName', databaseName, 'names here are 1-40 lower-case letters, digits and hyphens, starting with a letter', "use e.g. 'tracking'"]]);
  });

  test.each(['Deliveries', '9deliveries', 'deliveries/x', '', `d${'a'.repeat(40)}`, 'leases'])('the deliveries container name %j is refused', (name) => {
    expect(propsViolations({ deliveries: { name } })).toEqual([[
      'test/Tracking', 'deliveries.name', name, "container names here are 1-40 lower-case letters, digits and hyphens, and 'leases' is taken by the change feed", "use e.g. 'deliveries'",
    ]]);
  });

  test.each(['orderId', '/', '/orderId/', '//orderId', '/order Id', '/a//b', ' /orderId'])('the partition key path %j is refused', (partitionKeyPath) => {
    expect(propsViolations({ deliveries: { partitionKeyPath } })).toEqual([[
      'test/Tracking', 'deliveries.partitionKeyPath', partitionKeyPath, "a partition key path starts with '/' and names a property", "use e.g. '/orderId'",
    ]]);
  });

  test.each([400, 999, 1500, 1000001, 1001000, 2500.5, -1000, 0])('the throughput %d is refused for both containers', (value) => {
    expect(propsViolations({ deliveries: { maxThroughput: value }, leasesMaxThroughput: value })).toEqual([
      ['test/Tracking', 'deliveries.maxThroughput', value, THROUGHPUT, 'use 1000, 2000, 4000, ...'],
      ['test/Tracking', 'leasesMaxThroughput', value, THROUGHPUT, 'use 1000, 2000, 4000, ...'],
    ]);
  });

  test('a throughput from Terraform (a number token) is refused: it is checked at synth time', () => {
    const token = Token.asNumber('${var.throughput}');
    expect(propsViolations({ leasesMaxThroughput: token })).toEqual([[
      'test/Tracking', 'leasesMaxThroughput', token, 'a Terraform token is unknown until apply, and this number is checked at synth time (autoscale maximum throughput in RU/s)', 'pass a literal number',
    ]]);
  });

  test.each([0, -2, 1.5, 2147483648])('the time to live %d is refused', (defaultTtlSeconds) => {
    expect(propsViolations({ deliveries: { defaultTtlSeconds } })).toEqual([[
      'test/Tracking', 'deliveries.defaultTtlSeconds', defaultTtlSeconds, 'must be an integer from 1 to 2147483647 (-1 (on, no default expiry) or seconds)', 'set deliveries.defaultTtlSeconds between 1 and 2147483647',
    ]]);
  });

  test('data contributors are principals with stable keys', () => {
    expect(propsViolations({ dataContributors: { Tracker: { principalId: 'tracking' }, 'delivery-tracking': { principalId: PRINCIPAL } } }).map((v) => v.slice(1, 3))).toEqual([
      ['dataContributors.Tracker.principalId', 'tracking'], ['dataContributors.delivery-tracking', 'delivery-tracking'],
    ]);
  });

  test('every violation is reported at once, in the order of the props', () => {
    expect(propsViolations({
      ...AA, consistency: 'Strong', backup: 'continuous7Days', databaseName: 'X', deliveries: { name: 'X', partitionKeyPath: 'x', maxThroughput: 1, defaultTtlSeconds: 0 },
      leasesMaxThroughput: 1, dataContributors: { 'a-b': { principalId: PRINCIPAL } }, names: { cosmosAccounts: { westus3: 'x' } },
    }).map((v) => v[1])).toEqual([
      'consistency', 'backup', 'databaseName', 'deliveries.name', 'deliveries.partitionKeyPath', 'deliveries.maxThroughput', 'deliveries.defaultTtlSeconds', 'leasesMaxThroughput',
      'dataContributors.a-b', 'names.cosmosAccounts.westus3',
    ]);
  });

  test('the props\' shape: consistency levels, backups, the deliveries options, the names and the principals', () => {
    const [[, , , consistency, consistencyFix]] = propsViolations({ consistency: 'Linearizable' });
    expect([consistency, consistencyFix]).toEqual([
      "expected one of 'Strong', 'BoundedStaleness', 'Session', 'ConsistentPrefix', 'Eventual', got the string \"Linearizable\"",
      "give one of 'Strong', 'BoundedStaleness', 'Session', 'ConsistentPrefix', 'Eventual'",
    ]);
    const [[, , , backup]] = propsViolations({ backup: 'daily' });
    expect(backup).toBe("expected one of 'continuous7Days', 'continuous30Days', 'periodic', got the string \"daily\"");
    for (const key of ['name', 'partitionKeyPath', 'maxThroughput', 'defaultTtlSeconds']) {
      expect(propsViolations({ deliveries: { [key]: null } }).map((v) => v[1])).toEqual([`deliveries.${key}`]);
    }
    expect(propsViolations({ deliveries: { ttl: 5 } }).map((v) => [v[1], v[3]])).toEqual([['deliveries.ttl', "unknown option 'ttl', which would be ignored"]]);
    for (const key of ['databaseName', 'leasesMaxThroughput']) expect(propsViolations({ [key]: null }).map((v) => v[1])).toEqual([key]);
    expect(propsViolations({ names: { cosmosAccounts: 'x' } }).map((v) => [v[1], v[3]])).toEqual([['names.cosmosAccounts', 'expected an object of region names to account names, got the string "x"']]);
    expect(propsViolations({ names: { leasesContainer: 7 } }).map((v) => v[1])).toEqual(['names.leasesContainer']);
    expect(propsViolations({ names: { databases: {} } }).map((v) => v[1])).toEqual(['names.databases']);
    expect(propsViolations({ dataContributors: 'x' }).map((v) => [v[1], v[3]])).toEqual([['dataContributors', 'expected an object of keys to principals, e.g. { DeliveryTracking: identity }, got the string "x"']]);
  });
});

describe('TrackingStore names', () => {
  test('an account per cell and the leases container renamed; the accounts the workloads read follow', () => {
    const { tracking, json } = build({ ...PINNED, names: { cosmosAccounts: { brazilsouth: 'contoso-tracking-br' }, leasesContainer: 'change-feed-leases' } });
    expect(Object.values(all(json, 'azurerm_cosmosdb_account')).map((a) => [a.location, a.name])).toEqual([
      ['brazilsouth', 'contoso-tracking-br'], ['westeurope', `shop-cosmos-westeurope-${pathHash('test/Tracking/westeurope')}`],
    ]);
    expect(Object.values(all(json, 'azurerm_cosmosdb_sql_container')).map((c) => c.name).sort()).toEqual(['change-feed-leases', 'change-feed-leases', 'deliveries', 'deliveries']);
    expect(tracking.accounts.map((a) => a.leasesContainer)).toEqual(['change-feed-leases', 'change-feed-leases']);
  });

  test("with the leases container renamed, the deliveries container may take the name 'leases'", () => {
    const { json } = build({ deliveries: { name: 'leases' }, names: { leasesContainer: 'change-feed' } });
    expect(Object.values(all(json, 'azurerm_cosmosdb_sql_container')).map((c) => c.name)).toEqual(['leases', 'change-feed']);
  });

  test('an account for a region without one, an invalid name, the same name twice', () => {
    expect(propsViolations({ ...PS, names: { cosmosAccounts: { eastus: 'contoso-tracking' } } })).toEqual([[
      'test/Tracking', 'names.cosmosAccounts.eastus', 'contoso-tracking', 'no Cosmos DB account of this construct is in eastus (only in westus3), so the name would be ignored', 'key names.cosmosAccounts by westus3',
    ]]);
    expect(propsViolations({ names: { cosmosAccounts: { westus3: 'Contoso-Tracking' } } }).map((v) => [v[1], v[3]])).toEqual([
      ['names.cosmosAccounts.westus3', expect.stringMatching(/^a Cosmos DB account name allows lower-case letters, digits and hyphens/)],
    ]);
    expect(propsViolations({ ...PINNED, names: { cosmosAccounts: { westeurope: 'contoso-tracking', brazilsouth: 'Contoso-Tracking' } } }).filter((v) => v[3] === 'the same name as names.cosmosAccounts.westeurope (Cosmos DB account names are globally unique)').map((v) => v[1])).toEqual(['names.cosmosAccounts.brazilsouth']);
    expect(propsViolations({ ...PINNED, names: { cosmosAccounts: { westeurope: 'contoso-tracking', brazilsouth: 'contoso-tracking' } } })).toEqual([[
      'test/Tracking', 'names.cosmosAccounts.brazilsouth', 'contoso-tracking', 'the same name as names.cosmosAccounts.westeurope (Cosmos DB account names are globally unique)', 'give each resource its own name',
    ]]);
  });

  test('the leases container: a name Azure refuses, the deliveries container\'s name', () => {
    expect(propsViolations({ names: { leasesContainer: 'change/leases' } }).map((v) => [v[1], v[2], v[3]])).toEqual([['names.leasesContainer', 'change/leases', expect.stringMatching(/^a Cosmos DB container name allows any characters but/)]]);
    expect(propsViolations({ deliveries: { name: 'events' }, names: { leasesContainer: 'events' } })).toEqual([[
      'test/Tracking', 'names.leasesContainer', 'events', 'the deliveries container has this name, and the change-feed processor needs a container of its own for its leases', 'give the leases container another name',
    ]]);
    expect(propsViolations({ names: { leasesContainer: 'deliveries' } }).map((v) => v[1])).toEqual(['names.leasesContainer']);
    // The default leases container is 'leases': naming it so is allowed, and the deliveries container may not take it.
    expect(build({ names: { leasesContainer: 'leases' } }).tracking.accounts[0].leasesContainer).toBe('leases');
  });
});

describe('TrackingStore.grantDataContributor', () => {
  test('a construct grantee: one assignment per account, under the grantee, named after it', () => {
    const stack = testStack();
    const tracking = store(stack, PINNED);
    const identity = new UserAssignedIdentity(stack, 'TrackingIdentity', { name: 'id-tracking', location: 'westeurope', resourceGroupName: 'rg-apps' });
    const created = tracking.grantDataContributor(identity);
    expect(created.map((r) => r.node.path)).toEqual(['test/TrackingIdentity/TrackingIdentity-Tracking-DataContributor-westeurope', 'test/TrackingIdentity/TrackingIdentity-Tracking-DataContributor-brazilsouth']);
    const json = synthStack(stack);
    expect(Object.keys(all(json, 'azurerm_cosmosdb_sql_role_assignment'))).toHaveLength(2);
    for (const region of ['westeurope', 'brazilsouth']) {
      const [accountId] = byId(json, 'azurerm_cosmosdb_account', `Tracking_${region}_CosmosAccount_`);
      const [rgId] = byId(json, 'azurerm_resource_group', `Tracking_${region}_ResourceGroup_`);
      expect(byId(json, 'azurerm_cosmosdb_sql_role_assignment', `TrackingIdentity_TrackingIdentity-Tracking-DataContributor-${region}_`)[1]).toEqual({
        account_name: `\${azurerm_cosmosdb_account.${accountId}.name}`, resource_group_name: `\${azurerm_resource_group.${rgId}.name}`,
        role_definition_id: `\${azurerm_cosmosdb_account.${accountId}.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002`,
        principal_id: '${azurerm_user_assigned_identity.TrackingIdentity.principal_id}', scope: `\${azurerm_cosmosdb_account.${accountId}.id}/dbs/tracking`,
      });
    }
  });

  test('options.regions: only the accounts homed there; a region without an account of its own is refused', () => {
    const pinned = store(testStack(), PINNED);
    const created = pinned.grantDataContributor({ principalId: PRINCIPAL }, { id: 'Tracker', regions: ['westeurope'] });
    expect(created.map((r) => r.node.id)).toEqual(['Tracker-westeurope']);
    expect(resolved(pinned, created[0].scopeInput)).toBe(resolved(pinned, `${pinned.cosmosAccounts.westeurope.id}/dbs/tracking`));
    const shared = store(testStack(), { pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus2'], ...ownGroups(['westus3', 'eastus2']) });
    expect(violations(() => shared.grantDataContributor({ principalId: PRINCIPAL }, { id: 'Tracker', regions: ['eastus2'] }))).toEqual([[
      'test/Tracking', 'grantDataContributor(options).regions', 'eastus2', 'test/Tracking has no resources homed in eastus2, so the grant would cover nothing there', 'use regions of westus3',
    ]]);
  });

  test('a plain principal with an id, in the scope given; the same grant twice is refused', () => {
    const stack = testStack();
    const tracking = store(stack, { databaseName: 'orders' });
    const apps = new Construct(stack, 'Apps');
    const variable = new TerraformVariable(stack, 'principal', { type: 'string' });
    const created = tracking.grantDataContributor({ principalId: variable.stringValue }, { scope: apps, id: 'Tracker' });
    expect(created.map((r) => r.node.path)).toEqual(['test/Apps/Tracker-westus3']);
    expect(resolved(stack, created[0].principalIdInput)).toBe('${var.principal}');
    expect(resolved(stack, created[0].scopeInput)).toBe(resolved(stack, `${tracking.cosmosAccounts.westus3.id}/dbs/orders`));
    expect(violations(() => tracking.grantDataContributor({ principalId: PRINCIPAL }, { scope: apps, id: 'Tracker' }))).toEqual([[
      'test/Tracking', 'grantDataContributor(options).id', 'Tracker', "test/Apps already holds a construct 'Tracker-westus3': the principal was granted this already, or another grant uses the same id", 'grant each principal once, or pass another id',
    ]]);
    expect(violations(() => tracking.grantDataContributor({ principalId: PRINCIPAL })).map((v) => v[1])).toEqual(['grantDataContributor(options).id']);
  });
});

describe('TrackingStore.connect', () => {
  test('a stamp gets a private endpoint into the account, named after the store', () => {
    const stack = testStack();
    const tracking = store(stack, PS);
    const stamp = new RegionalStamp(stack, 'Stamp', { prefix: 'shop', region: 'eastus', monitoring: sink('eastus') });
    tracking.connect(stamp);
    expect(stamp.node.findAll().map((c) => c.node.id).filter((id) => id.startsWith('TrackingEndpoint-'))).toEqual(['TrackingEndpoint-westus3']);
  });
});
