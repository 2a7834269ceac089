/**
 * The reference figures the availability report and the outage simulation use: Microsoft's published SLAs and
 * recovery figures for the services the platform runs on, each with its source. Kept as data so the report can cite
 * them; update a figure together with its source and `asOf` date.
 */

/** One published figure. */
export interface ReferenceFigure {
  /** What it is about (`Front Door Standard/Premium`). */
  readonly item: string;
  /** The figure as published (`99.99%`, `1 h`). */
  readonly text: string;
  /** Where Microsoft publishes it. */
  readonly source: string;
}

/** An availability figure (a monthly uptime SLA) as a fraction. */
export interface SlaFigure extends ReferenceFigure {
  /** The SLA as a fraction (0.9999). */
  readonly availability: number;
}

const SLA_DOC = 'https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services';

/** When the figures were last checked against their sources. */
export const FIGURES_AS_OF = '2026-12-01';

/** Monthly uptime SLAs, by component. */
export const SLA = {
  frontDoor: { item: 'Front Door Standard/Premium', text: '99.99%', availability: 0.9999, source: SLA_DOC },
  trafficManager: { item: 'Traffic Manager', text: '99.99%', availability: 0.9999, source: SLA_DOC },
  apiManagementSingle: { item: 'API Management, one region without zones', text: '99.95%', availability: 0.9995, source: SLA_DOC },
  apiManagementRedundant: { item: 'API Management Premium across regions or zones', text: '99.99%', availability: 0.9999, source: SLA_DOC },
  aksZonal: { item: 'AKS Standard tier API server with availability zones', text: '99.95%', availability: 0.9995, source: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers' },
  aksNonZonal: { item: 'AKS Standard tier API server without availability zones', text: '99.9%', availability: 0.999, source: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers' },
  sqlZoneRedundant: { item: 'Azure SQL Database General Purpose/Business Critical/Premium, zone-redundant', text: '99.995%', availability: 0.99995, source: SLA_DOC },
  sql: { item: 'Azure SQL Database, not zone-redundant', text: '99.99%', availability: 0.9999, source: SLA_DOC },
  postgresqlZoneRedundantHa: { item: 'PostgreSQL flexible server, zone-redundant HA', text: '99.99%', availability: 0.9999, source: SLA_DOC },
  postgresqlSameZoneHa: { item: 'PostgreSQL flexible server, same-zone HA', text: '99.95%', availability: 0.9995, source: SLA_DOC },
  postgresqlNoHa: { item: 'PostgreSQL flexible server without HA', text: '99.9%', availability: 0.999, source: SLA_DOC },
  cosmosSingleRegion: { item: 'Cosmos DB, one region without zones', text: '99.99%', availability: 0.9999, source: SLA_DOC },
  cosmosSingleRegionZones: { item: 'Cosmos DB, one region with availability zones', text: '99.995%', availability: 0.99995, source: SLA_DOC },
  cosmosMultiRegion: { item: 'Cosmos DB, multi-region (reads; writes with multi-region writes)', text: '99.999%', availability: 0.99999, source: SLA_DOC },
  serviceBusPremium: { item: 'Service Bus Premium', text: '99.9%', availability: 0.999, source: SLA_DOC },
  eventGrid: { item: 'Event Grid', text: '99.99%', availability: 0.9999, source: SLA_DOC },
  // Standard's figure (Premium's is 99.99%): the lower one, whichever SKU the namespace has.
  eventHubs: { item: 'Event Hubs Standard', text: '99.95%', availability: 0.9995, source: SLA_DOC },
} as const satisfies { readonly [key: string]: SlaFigure };

/** Recovery figures: how long a failover takes and what it may lose. */
export const RECOVERY = {
  frontDoorProbe: { item: 'Front Door health probe', text: '30 s interval, sample size 4, 2 successful samples required: about 1-2 min to take an origin out', source: 'https://learn.microsoft.com/azure/frontdoor/health-probes' },
  sqlFailoverGroupRto: { item: 'SQL auto-failover group, Microsoft-managed policy', text: 'Azure fails over only when it declares a regional outage, and not before the grace period (at least 60 min) ends; not guaranteed (do not rely on it): the customer-managed (forced) failover is the recommended plan', source: 'https://learn.microsoft.com/azure/azure-sql/database/failover-group-sql-db' },
  sqlFailoverGroupRpo: { item: 'SQL geo-replication', text: 'RPO 5 s', source: 'https://learn.microsoft.com/azure/azure-sql/database/business-continuity-high-availability-disaster-recover-hadr-overview' },
  sqlListenerTtl: { item: 'SQL failover group listener', text: 'DNS TTL 30 s: clients follow a failover within it', source: 'https://learn.microsoft.com/azure/azure-sql/database/failover-group-sql-db' },
  postgresqlHaFailover: { item: 'PostgreSQL flexible server HA failover', text: '60-120 s, no data loss', source: 'https://learn.microsoft.com/azure/reliability/reliability-postgresql-flexible-server' },
  postgresqlReplicaRpo: { item: 'PostgreSQL cross-region read replica', text: 'RPO at most 5 min (asynchronous); promotion is started by an operator', source: 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-read-replicas' },
  cosmosRpo: { item: 'Cosmos DB multi-region, Session consistency', text: 'RPO below 15 min', source: 'https://learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql' },
  cosmosWriteRegionLoss: { item: 'Cosmos DB write region lost', text: 'service-managed failover can take an hour or more; a write-region change does not succeed during an outage (an operator uses a forced failover instead)', source: 'https://learn.microsoft.com/azure/reliability/reliability-cosmos-db' },
  trafficManagerProbe: { item: 'Traffic Manager endpoint monitoring', text: 'an endpoint is degraded after the probing interval times the tolerated failures; clients follow once their cached DNS answer (TTL) expires', source: 'https://learn.microsoft.com/azure/traffic-manager/traffic-manager-monitoring' },
  serviceBusGeoDr: { item: 'Service Bus geo-disaster recovery alias', text: 'copies metadata only, not messages: messages in the lost namespace wait for its recovery; failover is started by an operator', source: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-geo-dr' },
} as const satisfies { readonly [key: string]: ReferenceFigure };
