import { PrivateDnsZones, PrivateDnsZoneSpec } from '../../lib/common/private-dns-zones';
import { all, only, synthStack, testStack } from '../support/synth';

/** lib/common/private-dns-zones.ts: a stamp's private-link DNS zones, each test synthesizing one small stack. */

const PROPS = {
  resourceGroupName: 'rg-stamp',
  virtualNetworkId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-stamp/providers/Microsoft.Network/virtualNetworks/vnet',
  tags: { team: 'orders' },
};

describe('PrivateDnsZones', () => {
  test('each service has the zone name Microsoft Learn documents for its private endpoints, and a stable construct ID', () => {
    const specs: [PrivateDnsZoneSpec, PrivateDnsZoneSpec][] = [
      [PrivateDnsZones.KEY_VAULT, { id: 'KeyVault', zoneName: 'privatelink.vaultcore.azure.net' }],
      [PrivateDnsZones.SQL_DATABASE, { id: 'SqlDatabase', zoneName: 'privatelink.database.windows.net' }],
      [PrivateDnsZones.POSTGRESQL, { id: 'Postgresql', zoneName: 'privatelink.postgres.database.azure.com' }],
      [PrivateDnsZones.COSMOS_SQL, { id: 'CosmosSql', zoneName: 'privatelink.documents.azure.com' }],
      [PrivateDnsZones.SERVICE_BUS, { id: 'ServiceBus', zoneName: 'privatelink.servicebus.windows.net' }],
      [PrivateDnsZones.EVENT_GRID, { id: 'EventGrid', zoneName: 'privatelink.eventgrid.azure.net' }],
      [PrivateDnsZones.MANAGED_REDIS, { id: 'ManagedRedis', zoneName: 'privatelink.redis.azure.net' }],
    ];
    for (const [spec, expected] of specs) expect(spec).toEqual(expected);
  });

  test('no zone until one is asked for', () => {
    const stack = testStack();
    new PrivateDnsZones(stack, 'PrivateDns', PROPS);
    expect(synthStack(stack).resource).toBeUndefined();
  });

  test("a zone is created on first use in the stamp's group, with the tags, and linked to the stamp's VNet without auto-registration", () => {
    const stack = testStack();
    const zones = new PrivateDnsZones(stack, 'PrivateDns', PROPS);
    const zone = zones.zone(PrivateDnsZones.SQL_DATABASE);
    const json = synthStack(stack);
    const [zoneId] = Object.keys(all(json, 'azurerm_private_dns_zone'));
    expect(zoneId).toMatch(/^PrivateDns_SqlDatabaseZone_[0-9A-F]{8}$/);
    expect(only(json, 'azurerm_private_dns_zone')).toEqual({ name: 'privatelink.database.windows.net', resource_group_name: 'rg-stamp', tags: { team: 'orders' } });
    expect(Object.keys(all(json, 'azurerm_private_dns_zone_virtual_network_link'))).toEqual([expect.stringMatching(/^PrivateDns_SqlDatabaseLink_[0-9A-F]{8}$/)]);
    expect(only(json, 'azurerm_private_dns_zone_virtual_network_link')).toEqual({
      name: 'stamp-vnet',
      private_dns_zone_name: `\${azurerm_private_dns_zone.${zoneId}.name}`,
      resource_group_name: 'rg-stamp',
      virtual_network_id: PROPS.virtualNetworkId,
      registration_enabled: false,
      tags: { team: 'orders' },
    });
    expect(zone.node.path).toBe('test/PrivateDns/SqlDatabaseZone');
  });

  test('asking again returns the same zone; each service gets its own zone and link', () => {
    const stack = testStack();
    const zones = new PrivateDnsZones(stack, 'PrivateDns', PROPS);
    const first = zones.zone(PrivateDnsZones.KEY_VAULT);
    expect(zones.zone(PrivateDnsZones.KEY_VAULT)).toBe(first);
    expect(zones.zone({ id: 'Other', zoneName: PrivateDnsZones.KEY_VAULT.zoneName })).toBe(first);
    const cosmos = zones.zone(PrivateDnsZones.COSMOS_SQL);
    expect(cosmos).not.toBe(first);
    const json = synthStack(stack);
    expect(Object.values(all(json, 'azurerm_private_dns_zone')).map((z) => z.name).sort()).toEqual(['privatelink.documents.azure.com', 'privatelink.vaultcore.azure.net']);
    expect(Object.keys(all(json, 'azurerm_private_dns_zone_virtual_network_link'))).toHaveLength(2);
  });
});
