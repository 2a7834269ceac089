import type { Tags } from '../core/tags';

/** Resource IDs keyed by programmatic region name (`{ westus3: '/subscriptions/.../...' }`); Terraform tokens accepted. */
export type RegionResourceIds = { readonly [region: string]: string };

/** A standby resource: its ID and the region it is in. */
export interface StandbyNamespace {
  /** The namespace's resource ID (Terraform tokens accepted). */
  readonly id: string;
  /** The programmatic region the namespace is in. */
  readonly region: string;
}

/** A phone number an action group texts. */
export interface SmsNumber {
  /** Country calling code without `+` or leading zeros, 1-3 digits (`'1'`, `'44'`). */
  readonly countryCode: string;
  /** The national number, digits only (the whole number, with the country code, at most 15 digits as in E.164). */
  readonly phoneNumber: string;
}

/** Who the action group notifies. When given, at least one contact is required. */
export interface ObservabilityContacts {
  /** Email addresses (common alert schema). @default - none */
  readonly emails?: string[];
  /** Phone numbers texted by SMS. @default - none */
  readonly smsNumbers?: SmsNumber[];
  /** `https://` URLs that receive a POST (common alert schema), e.g. an incident tool's inbound webhook. @default - none */
  readonly webhooks?: string[];
  /**
   * Resource IDs of existing action groups (`/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Insights/actionGroups/<name>`);
   * every alert notifies them too.
   * @default - none
   */
  readonly actionGroupIds?: string[];
}

/**
 * The resources the alerts watch, as resource IDs (Terraform tokens accepted, e.g. `stamp.cluster.id`). Each kind of
 * target gets its alerts only when given. Maps are keyed by programmatic region name.
 */
export interface ObservabilityTargets {
  /** The Front Door (Standard/Premium) profile (`Microsoft.Cdn/profiles`): origin health per origin group, 5xx percentage. @default - no Front Door alerts */
  readonly frontDoorProfileId?: string;
  /**
   * PostgreSQL read replicas (`Microsoft.DBforPostgreSQL/flexibleServers`): replica lag. Keyed by the region of their
   * primary, then by the replica's region, as `ActivePassiveDatabase.postgresqlReplicas`; their alerts are keyed
   * `<home>-replica-<region>` (`postgresqlReplicaLag.eastus2-replica-centralus`). Azure emits the lag metric on
   * replicas, so list the replica servers, not the primary.
   * @default - no PostgreSQL alerts
   */
  readonly postgresqlReplicaServerIds?: { readonly [home: string]: RegionResourceIds };
  /**
   * PostgreSQL in-region read replicas (a cell's read pool): replica lag, like `postgresqlReplicaServerIds`. Keyed by
   * the region of their primary (where they are too), in replica order, as `ActivePassiveDatabase.postgresqlReadReplicas`;
   * their alerts are keyed `<home>-read<n>` (`postgresqlReplicaLag.eastus2-read1`).
   * @default - no alerts on in-region read replicas
   */
  readonly postgresqlReadReplicaServerIds?: { readonly [home: string]: readonly string[] };
  /** Cosmos DB accounts (`Microsoft.DocumentDB/databaseAccounts`), keyed by their write (home) region. @default - no Cosmos DB alerts */
  readonly cosmosAccountIds?: RegionResourceIds;
  /** Service Bus namespaces (`Microsoft.ServiceBus/namespaces`). @default - no Service Bus alerts */
  readonly serviceBusNamespaceIds?: RegionResourceIds;
  /**
   * Geo-DR secondary (standby) Service Bus namespaces, keyed by the region of the namespace they stand by for (as
   * `EventBus.standbyNamespaces`), each with the region it is in. They hold no messages until a failover promotes them;
   * then they carry the load, so they get the same alerts as `serviceBusNamespaceIds`, keyed `<alert>.<home>-standby`
   * (`serviceBusServerErrors.westus3-standby`). Silencing a region silences the standbys in it.
   * @default - no standby alerts
   */
  readonly serviceBusStandbyNamespaces?: { readonly [home: string]: StandbyNamespace };
  /**
   * The Service Bus entity (queue or topic) whose active messages are the `delivery-tracking` backlog. Azure reports
   * `ActiveMessages` per queue or topic (its `EntityName` dimension), so this is the topic the `delivery-tracking`
   * subscription reads: `EventBus`'s `order-events` unless its transport names another topic.
   * @default 'order-events'
   */
  readonly serviceBusBacklogEntityName?: string;
  /** Event Hubs namespaces (`Microsoft.EventHub/namespaces`). @default - no Event Hubs alerts */
  readonly eventHubsNamespaceIds?: RegionResourceIds;
  /**
   * Geo-DR secondary (standby) Event Hubs namespaces, keyed by the region of the namespace they stand by for (as
   * `EventBus.eventHubStandbyNamespaces`), each with the region it is in: the same alerts as `eventHubsNamespaceIds`,
   * keyed `<alert>.<home>-standby`. Silencing a region silences the standbys in it.
   * @default - no standby alerts
   */
  readonly eventHubsStandbyNamespaces?: { readonly [home: string]: StandbyNamespace };
  /** AKS clusters (`Microsoft.ContainerService/managedClusters`); their log alerts need `logAnalyticsWorkspaceIds` for the same regions. @default - no AKS alerts */
  readonly kubernetesClusterIds?: RegionResourceIds;
  /** Key Vaults (`Microsoft.KeyVault/vaults`). @default - no Key Vault alerts */
  readonly keyVaultIds?: RegionResourceIds;
  /**
   * Azure SQL auto-failover groups (`Microsoft.Sql/servers/failoverGroups`), keyed by the region of the cell's primary
   * (as `ActivePassiveDatabase.sqlFailoverGroups`): activity log alerts when the group fails over (planned) or is forced
   * over (data loss possible). Azure Monitor has no SQL geo-replication metric; the health workbook shows the role and
   * replication state.
   * @default - no SQL alerts
   */
  readonly sqlFailoverGroupIds?: RegionResourceIds;
  /**
   * The same failover groups as the partner server sees them (`<partner server ID>/failoverGroups/<name>`), keyed like
   * `sqlFailoverGroupIds`. Azure records a failover on the server that becomes primary, so without these the alerts see
   * only failbacks; the platform gives them.
   * @default - none (the alerts then watch the primary server's side only)
   */
  readonly sqlFailoverGroupPartnerIds?: RegionResourceIds;
  /**
   * The Log Analytics workspaces that receive each region's Container Insights data (`RegionalMonitoring.workspaceId`):
   * the scope of the AKS log alerts. Required for every region in `kubernetesClusterIds`.
   * @default - none (allowed only without `kubernetesClusterIds`)
   */
  readonly logAnalyticsWorkspaceIds?: RegionResourceIds;
}

/**
 * Availability tests: Application Insights standard web tests that request each address from several Azure locations,
 * each with an alert when enough locations fail at once. Test each service's readiness path through the global entry
 * and, where it is reachable from the internet, each region's origin: then "the entry is down" and "one region is down"
 * fire different alerts.
 */
export interface AvailabilityTestOptions {
  /** The Application Insights component (`Microsoft.Insights/components`) that runs the tests and keeps their results. */
  readonly applicationInsightsId: string;
  /** Region of the tests (the component's region, e.g. the primary's; its `location` attribute works too). */
  readonly location: string;
  /**
   * The `https://` addresses to test by key (the key names the test and its alert: 1-40 lower-case letters, digits and
   * hyphens, starting with a letter), e.g. `{ 'order-entry': 'https://<entry host>/healthz/ready' }`. Terraform tokens
   * are accepted inside the address.
   */
  readonly urls: { readonly [key: string]: string };
  /**
   * Where the tests run from: Azure's location IDs (population tags such as `us-va-ash-azr`), at least 5 so one
   * location's trouble is not taken for an outage.
   * @default - East US, West US, West Europe, North Europe and Southeast Asia (`us-va-ash-azr`, `us-ca-sjc-azr`, `emea-nl-ams-azr`, `emea-gb-db3-azr`, `apac-sg-sin-azr`)
   */
  readonly testLocations?: string[];
  /** Seconds between two runs from each location: 300, 600 or 900 (the provider's choices). @default 300 */
  readonly frequencySeconds?: number;
  /** How many locations must fail at once to fire the test's alert (1 to the number of locations). @default 2 */
  readonly failedLocations?: number;
  /**
   * The region each address tests, by `urls` key, for addresses of one region (its origin): silencing that region
   * silences the test's alert too.
   * @default - none (entry tests belong to no region)
   */
  readonly urlRegions?: { readonly [key: string]: string };
}

/** Alert thresholds. Each is checked against its range at synth time. */
export interface ObservabilityThresholds {
  /** Front Door: alert when an origin group's health-probe success falls below this percentage (1-100). @default 80 */
  readonly frontDoorOriginHealthPercent?: number;
  /** Front Door: alert when the percentage of client requests answered 5xx exceeds this (0-100). @default 5 */
  readonly frontDoor5xxPercent?: number;
  /** PostgreSQL: alert when a read replica lags more than this many seconds (integer, 1-86400). @default 120 */
  readonly postgresqlReplicaLagSeconds?: number;
  /** Cosmos DB: alert when the account's hourly request availability falls below this percentage (1-100). @default 99.9 */
  readonly cosmosAvailabilityPercent?: number;
  /** Cosmos DB: alert when the average server-side latency exceeds this many milliseconds (1-60000). @default 100 */
  readonly cosmosServerSideLatencyMilliseconds?: number;
  /** Cosmos DB: alert when more than this many requests are throttled (HTTP 429) in 5 minutes (integer, 0-1000000). @default 100 */
  readonly cosmosThrottledRequests?: number;
  /** Cosmos DB: alert when the P99 replication latency between regions exceeds this many milliseconds (1-600000). @default 1000 */
  readonly cosmosReplicationLatencyMilliseconds?: number;
  /** Service Bus: alert when a queue or topic holds more than this many dead-lettered messages (integer, 0-1000000). @default 0 */
  readonly serviceBusDeadLetteredMessages?: number;
  /** Service Bus: alert when more than this many requests fail with a server error in 5 minutes (integer, 0-1000000). @default 5 */
  readonly serviceBusServerErrors?: number;
  /** Service Bus: alert when more than this many requests are throttled in 5 minutes (integer, 0-1000000). @default 0 */
  readonly serviceBusThrottledRequests?: number;
  /** Service Bus: alert when the backlog entity holds more than this many active messages (integer, 0-10000000). @default 1000 */
  readonly deliveryTrackingBacklogMessages?: number;
  /** Event Hubs: alert when more than this many requests fail with a server error in 5 minutes (integer, 0-1000000). @default 5 */
  readonly eventHubsServerErrors?: number;
  /** Event Hubs: alert when more than this many requests are throttled in 5 minutes (integer, 0-1000000). @default 0 */
  readonly eventHubsThrottledRequests?: number;
  /** AKS: alert when the average number of pods in phase Pending, Failed or Unknown over 15 minutes exceeds this (0-10000). @default 0 */
  readonly aksPodsNotReady?: number;
  /**
   * AKS: alert when the average number of pods the cluster autoscaler cannot schedule over 15 minutes exceeds this
   * (0-10000): a node pool at its maximum, a vCPU quota or a VM size out of capacity. @default 0
   */
  readonly aksUnschedulablePods?: number;
  /** AKS: alert when a pod fails its readiness probe more than this many times in 15 minutes (integer, 0-10000). @default 2 */
  readonly aksReadinessProbeFailures?: number;
  /** AKS: alert when a pod's containers restart more than this many times in 15 minutes (integer, 1-1000). @default 3 */
  readonly aksContainerRestarts?: number;
  /** AKS: alert when a horizontal pod autoscaler runs at its maximum replicas for at least this many of the last 15 minutes (integer, 1-15). @default 10 */
  readonly aksHpaAtMaximumMinutes?: number;
  /** Key Vault: alert when the vault's request availability falls below this percentage (1-100). @default 99 */
  readonly keyVaultAvailabilityPercent?: number;
}

/** The alerts {@link Observability} can create; keys of `severities`, `names.metricAlerts` and `names.logAlerts`. */
export type ObservabilityAlert =
  | 'frontDoorOriginHealth' | 'frontDoor5xx'
  | 'postgresqlReplicaLag'
  | 'cosmosAvailability' | 'cosmosServerSideLatency' | 'cosmosThrottledRequests' | 'cosmosReplicationLatency'
  | 'serviceBusDeadLettered' | 'serviceBusServerErrors' | 'serviceBusThrottledRequests' | 'deliveryTrackingBacklog'
  | 'eventHubsServerErrors' | 'eventHubsThrottledRequests'
  | 'aksNodesNotReady' | 'aksPodsNotReady' | 'aksUnschedulablePods' | 'aksAutoscalerUnableToScale' | 'aksContainerRestarts'
  | 'aksReadinessProbeFailures' | 'aksHpaAtMaximum'
  | 'keyVaultAvailability'
  | 'availability';

/** Severity of an Azure Monitor alert: 0 (critical) to 4 (verbose). */
export type AlertSeverity = 0 | 1 | 2 | 3 | 4;

/** Name overrides of {@link Observability} (adopt existing resources by name). */
export interface ObservabilityNames {
  /** Name of the action group. @default - `<prefix>-ag-<hash>` */
  readonly actionGroup?: string;
  /** Short name of the action group (1-12 characters; shown in SMS and email). @default - the prefix */
  readonly actionGroupShortName?: string;
  /**
   * Metric alert names by alert and region (`global` for the Front Door alerts).
   * @default - `<prefix>-alert-<alert>-<region>-<hash>`
   */
  readonly metricAlerts?: { readonly [alert: string]: { readonly [region: string]: string } };
  /** Log alert (scheduled query rule) names by alert and region. @default - `<prefix>-alert-<alert>-<region>-<hash>` */
  readonly logAlerts?: { readonly [alert: string]: { readonly [region: string]: string } };
  /** Activity log alert names by alert (`sqlFailover`, `sqlForcedFailover`) and cell region. @default - `<prefix>-alert-<alert>-<region>-<hash>` */
  readonly activityLogAlerts?: { readonly [alert: string]: { readonly [region: string]: string } };
  /** Alert processing rule names by silenced region. @default - `<prefix>-apr-<region>-<hash>` */
  readonly suppressionRules?: { readonly [region: string]: string };
  /** Availability test names by `availabilityTests.urls` key. @default - `<prefix>-avail-<key>-<hash>` */
  readonly availabilityTests?: { readonly [key: string]: string };
  /** Names of the availability tests' alerts by `availabilityTests.urls` key. @default - `<prefix>-alert-availability-<key>-<hash>` */
  readonly availabilityAlerts?: { readonly [key: string]: string };
}

/** Props of {@link Observability}. */
export interface ObservabilityProps {
  /** Name prefix (2-12 lower-case letters and digits). */
  readonly prefix: string;
  /** Resource group of the action group, the alerts and the alert processing rules. */
  readonly resourceGroupName: string;
  /**
   * Who is notified (at least one contact when given).
   * @default - no action group: the alerts fire and show in the portal but notify no one (a synth warning says so)
   */
  readonly contacts?: ObservabilityContacts;
  /** What is watched. */
  readonly targets: ObservabilityTargets;
  /** Alert thresholds. @default - the defaults listed on each threshold */
  readonly thresholds?: ObservabilityThresholds;
  /** Severity per alert, 0 (critical) to 4 (verbose). @default - the severities in the README's alert table */
  readonly severities?: { readonly [K in ObservabilityAlert]?: AlertSeverity };
  /**
   * `https://` address of your runbook page (for example your copy of this README): each alert's description ends with
   * `Runbook: <runbookUrl>#<section anchor>`. Without a fragment (`#`); the library appends the anchor.
   * @default - descriptions name the README section instead
   */
  readonly runbookUrl?: string;
  /**
   * Regions under planned maintenance: an alert processing rule removes the notifications of every alert on that
   * region's targets (and its workspace's log alerts). Each must be a region of `targets`.
   * @default - none
   */
  readonly silencedRegions?: string[];
  /** Availability tests and their alerts. @default - none */
  readonly availabilityTests?: AvailabilityTestOptions;
  /** Name overrides. @default - generated names */
  readonly names?: ObservabilityNames;
  /** Tags for every resource. @default - none */
  readonly tags?: Tags;
}
