import { ServiceKey } from '../core/services';

// Internal (not exported from the package): the contract between the platform and the services' code, the one place
// that names what a pod finds in its environment. The README's "Environment contract" table lists the same keys
// (__tests__/unit/common-environment-contract.test.ts checks it), and __tests__/environment-contract.test.ts checks
// the list against the ConfigMaps the examples synthesize.

/** The namespace the services run in unless `namespace` says otherwise (service accounts, ConfigMaps, Services). */
export const DEFAULT_NAMESPACE = 'orders';

/** One environment variable of the services (a key of the ConfigMap `<service>-config`). */
export interface EnvironmentKeySpec {
  readonly name: string;
  /** The services whose ConfigMap carries it. */
  readonly services: readonly ServiceKey[];
  /** When it is set. */
  readonly when: string;
  /** What it holds. */
  readonly value: string;
}

/**
 * Every key the services may find in their ConfigMap. `OrderWorkloads` sets `REGION` and `REGION_ROLE` itself; the
 * platform fills the others from the data tier and monitoring (`OrderWorkloadsProps.config`), by region role.
 */
export const ENVIRONMENT_CONTRACT = [
  { name: 'REGION', services: ['order', 'tracking'], when: 'always', value: 'the region the pods run in (programmatic name, e.g. `westus3`)' },
  { name: 'REGION_ROLE', services: ['order', 'tracking'], when: 'always', value: "the region's role: `primary`, `secondary`, `active`, `passive` or `cell`" },
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', services: ['order', 'tracking'], when: 'always (platform)', value: "the region's Application Insights" },
  { name: 'ORDER_DB_ENGINE', services: ['order'], when: 'with `database`', value: '`sql` or `postgresql`' },
  { name: 'ORDER_DB_NAME', services: ['order'], when: 'with `database`', value: "the database of the region's cell" },
  { name: 'ORDER_DB_USER', services: ['order'], when: 'with `database`', value: "the Order service's database user: its managed identity's name (a PostgreSQL login sends it as the user)" },
  { name: 'ORDER_DB_WRITE_HOST', services: ['order'], when: 'with `database`', value: 'the read-write name of the cell, which follows a failover' },
  { name: 'ORDER_DB_READ_HOST', services: ['order'], when: 'with `database`', value: "the read-write name; a primarySecondary secondary: the read-only listener; activeActive: the region's own copy" },
  { name: 'ORDER_DB_READ_POOL', services: ['order'], when: 'with `database`, PostgreSQL `readReplicas`, in a cell\'s home region', value: "the hosts of the cell's in-region read replicas, comma-separated (reads that may lag the primary; fall back to `ORDER_DB_READ_HOST` when one is unreachable)" },
  { name: 'ORDER_DB_READ_INTENT', services: ['order'], when: 'with `database`, Azure SQL `readScaleOut`', value: '`ReadOnly`: the `ApplicationIntent` of read connections, which reach a readable high-availability replica' },
  { name: 'ORDER_DB_CELLS', services: ['order'], when: 'with `database`, activeActive', value: "JSON list of every cell: `home`, `database`, `readHost` (the region's local copy), `writeHost`" },
  { name: 'TRACKING_COSMOS_ENDPOINT', services: ['tracking'], when: 'with `trackingStore`', value: "the endpoint of the region's Cosmos DB account" },
  { name: 'TRACKING_COSMOS_DATABASE', services: ['tracking'], when: 'with `trackingStore`', value: 'the tracking database' },
  { name: 'TRACKING_DELIVERIES_CONTAINER', services: ['tracking'], when: 'with `trackingStore`', value: 'the deliveries container' },
  { name: 'TRACKING_LEASES_CONTAINER', services: ['tracking'], when: 'with `trackingStore`', value: "the change-feed processor's leases container" },
  { name: 'TRACKING_PREFERRED_REGIONS', services: ['tracking'], when: 'with `trackingStore`', value: "the account's regions by display name, own region first, comma-separated" },
  { name: 'ORDER_CACHE_HOST', services: ['order'], when: 'with `cache`', value: "the host of the region's Azure Managed Redis cache (resolved privately in the stamp; Entra ID authentication, TLS)" },
  { name: 'ORDER_CACHE_PORT', services: ['order'], when: 'with `cache`', value: 'the TLS port of the cache (`10000`)' },
  { name: 'ORDER_CACHE_CLUSTERING_POLICY', services: ['order'], when: 'with `cache`', value: '`EnterpriseCluster` (any client) or `OSSCluster` (a cluster-aware client)' },
  { name: 'EVENTS_TRANSPORT', services: ['order', 'tracking'], when: 'with `eventBus`', value: '`serviceBus`, `eventHubs` or `eventGrid`' },
  { name: 'EVENTS_HOST', services: ['order', 'tracking'], when: 'with `eventBus`', value: 'Service Bus and Event Hubs: the geo-DR alias when paired, else the namespace; Event Grid: the topic endpoint' },
  { name: 'EVENTS_TOPIC', services: ['order', 'tracking'], when: 'with `eventBus`', value: 'Service Bus: `order-events`; Event Hubs: the event hub `order-events` (the Kafka topic); Event Grid: the topic endpoint' },
  { name: 'EVENTS_SUBSCRIPTION', services: ['tracking'], when: 'with `eventBus`, Service Bus or Event Hubs', value: 'the subscription the tracking service consumes, or its consumer group (the Kafka `group.id`): `delivery-tracking`' },
  { name: 'EVENTS_KAFKA_BOOTSTRAP', services: ['order', 'tracking'], when: 'with `eventBus`, Event Hubs', value: 'the Kafka bootstrap server, `<EVENTS_HOST>:9093` (SASL OAUTHBEARER with the workload identity over TLS)' },
  { name: 'EVENTS_WEBHOOK_PATH', services: ['tracking'], when: 'with `eventBus`, Event Grid, webhook derived by the platform', value: 'the path Event Grid posts CloudEvents to (`/tracking/events`)' },
] as const satisfies readonly EnvironmentKeySpec[];

/** A key of the environment contract. */
export type EnvironmentKey = (typeof ENVIRONMENT_CONTRACT)[number]['name'];

/** The keys `OrderWorkloads` sets from its own region and role (a `config` must not override them). */
export const WORKLOAD_SET_KEYS: readonly EnvironmentKey[] = ['REGION', 'REGION_ROLE'];

/** A service's environment as the platform fills it: only keys of the contract. */
export type ServiceEnvironment = { [K in EnvironmentKey]?: string };
