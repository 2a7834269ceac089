import { Construct } from 'constructs';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { Tags } from '../core/tags';

// Contract between the stamps, which own a private DNS zone per private-link service, and the data constructs, whose
// private endpoints register in the zone of their service (`PrivateDnsZones.SQL_DATABASE`, ...).

/** A private-link DNS zone and the construct ID it gets in a stamp. */
export interface PrivateDnsZoneSpec {
  /** Construct ID (PascalCase, stable). */
  readonly id: string;
  /** Zone name Azure documents for the service's private endpoints. */
  readonly zoneName: string;
}

/** Props of {@link PrivateDnsZones}. */
export interface PrivateDnsZonesProps {
  /** Resource group of the zones. */
  readonly resourceGroupName: string;
  /** VNet the zones are linked to. */
  readonly virtualNetworkId: string;
  /** Tags of the zones and links. */
  readonly tags: Tags;
}

/**
 * The stamp's private-link DNS zones, created on first use and linked to the stamp's VNet.
 *
 * Each stamp owns its zones, so a region can be rebuilt without touching another region's name resolution.
 * Zone names: Microsoft Learn, "Azure Private Endpoint private DNS zone values".
 */
export class PrivateDnsZones extends Construct {
  /** Key Vault (`privatelink.vaultcore.azure.net`). */
  public static readonly KEY_VAULT: PrivateDnsZoneSpec = { id: 'KeyVault', zoneName: 'privatelink.vaultcore.azure.net' };
  /** Azure SQL Database (`privatelink.database.windows.net`). */
  public static readonly SQL_DATABASE: PrivateDnsZoneSpec = { id: 'SqlDatabase', zoneName: 'privatelink.database.windows.net' };
  /** PostgreSQL flexible server (`privatelink.postgres.database.azure.com`). */
  public static readonly POSTGRESQL: PrivateDnsZoneSpec = { id: 'Postgresql', zoneName: 'privatelink.postgres.database.azure.com' };
  /** Cosmos DB for NoSQL (`privatelink.documents.azure.com`). */
  public static readonly COSMOS_SQL: PrivateDnsZoneSpec = { id: 'CosmosSql', zoneName: 'privatelink.documents.azure.com' };
  /** Service Bus (`privatelink.servicebus.windows.net`). */
  public static readonly SERVICE_BUS: PrivateDnsZoneSpec = { id: 'ServiceBus', zoneName: 'privatelink.servicebus.windows.net' };
  /** Event Grid (`privatelink.eventgrid.azure.net`). */
  public static readonly EVENT_GRID: PrivateDnsZoneSpec = { id: 'EventGrid', zoneName: 'privatelink.eventgrid.azure.net' };
  /**
   * Azure Managed Redis (`privatelink.redis.azure.net`, sub-resource `redisEnterprise`); Azure Cache for Redis uses
   * `privatelink.redis.cache.windows.net`, which does not resolve a Managed Redis host.
   */
  public static readonly MANAGED_REDIS: PrivateDnsZoneSpec = { id: 'ManagedRedis', zoneName: 'privatelink.redis.azure.net' };

  private readonly zones = new Map<string, PrivateDnsZone>();

  constructor(scope: Construct, id: string, private readonly props: PrivateDnsZonesProps) {
    super(scope, id);
  }

  /** The zone for a service, created and linked on first use. */
  public zone(spec: PrivateDnsZoneSpec): PrivateDnsZone {
    const existing = this.zones.get(spec.zoneName);
    if (existing) return existing;
    const zone = new PrivateDnsZone(this, `${spec.id}Zone`, {
      name: spec.zoneName,
      resourceGroupName: this.props.resourceGroupName,
      tags: this.props.tags,
    });
    new PrivateDnsZoneVirtualNetworkLink(this, `${spec.id}Link`, {
      name: 'stamp-vnet',
      privateDnsZoneName: zone.name,
      resourceGroupName: this.props.resourceGroupName,
      virtualNetworkId: this.props.virtualNetworkId,
      registrationEnabled: false,
      tags: this.props.tags,
    });
    this.zones.set(spec.zoneName, zone);
    return zone;
  }
}
