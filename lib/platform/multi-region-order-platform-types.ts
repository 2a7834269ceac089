import { AddressPlanProps } from '../core/address-plan-types';
import { RemovalPolicy } from '../core/lifecycle';
import { RedundancyPattern } from '../core/pattern';
import { Tags } from '../core/tags';
import type { RuleChecksOptions } from '../rules/synth-check';
import { ActivePassiveDatabaseNames, DatabaseAdministrator } from '../database/database-types';
import { DatabaseEngine } from '../database/engine';
import { EventBusProps } from '../events/event-bus-types';
import { GlobalEntryProps } from '../global-entry/global-entry-types';
import { DiagnosticLogs } from '../monitoring/diagnostics';
import { ObservabilityProps } from '../monitoring/observability-types';
import { KeyVaultOptions, KubernetesOptions } from '../stamp/regional-stamp-types';
import { TrackingStoreProps } from '../tracking/tracking-store-types';
import { OrderCacheProps } from '../cache/order-cache-types';
import { WorkloadServiceOptions } from '../workloads/order-workloads-types';
import { DemandModel } from '../workloads/demand';
import type { MaintenanceWindow } from '../core/maintenance-window';
import { FailoverDrillsOptions } from '../drills/failover-drills-types';
import { PlatformBackend } from './backend';

// The props of MultiRegionOrderPlatform, apart from the construct so that the props' run-time shape (shapes.ts) can
// name them without importing it.

/** Monitoring settings of the platform. */
export interface PlatformMonitoringOptions {
  /** Log Analytics retention in days (30-730). @default 30 */
  readonly retentionDays?: number;
  /** Whether the workspaces are kept (prevent_destroy) or may be destroyed. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Which resource logs every diagnostic setting sends: `allLogs`, or `audit` (who did what to the data and the
   * settings) where log volume costs too much; metrics either way. AKS's `allLogs` include the API server's full audit
   * log, usually the largest cost: see the README's "Diagnostics".
   * @default 'allLogs'
   */
  readonly diagnosticLogs?: DiagnosticLogs;
}

/** The availability tests of the platform (see {@link PlatformObservabilityOptions.availabilityTests}). */
export interface PlatformAvailabilityTestOptions {
  /** Whether the platform creates availability tests. @default true (when there are workloads to test) */
  readonly enabled?: boolean;
  /** Azure's test location IDs, at least 5. @default - East US, West US, West Europe, North Europe and Southeast Asia */
  readonly testLocations?: string[];
  /** Seconds between two runs from each location: 300, 600 or 900. @default 300 */
  readonly frequencySeconds?: number;
  /** How many locations must fail at once to fire a test's alert. @default 2 */
  readonly failedLocations?: number;
}

/**
 * The platform's alerting (`Observability` in the `<id>-observability` stack), on by default: `Observability`'s alerts
 * on the platform's edge, data and AKS resources, availability tests of each service through the entry and of each
 * region's public origin, and an action group for `contacts`. `contacts`, `thresholds`, `severities`, `runbookUrl`,
 * `silencedRegions` and `names` are `Observability`'s props; the platform gives the targets.
 */
export interface PlatformObservabilityOptions extends Pick<ObservabilityProps, 'contacts' | 'thresholds' | 'severities' | 'runbookUrl' | 'silencedRegions' | 'names'> {
  /** Whether the platform creates the `<id>-observability` stack. @default true */
  readonly enabled?: boolean;
  /** Availability tests. @default - on, from 5 locations every 300 s, alerting when 2 fail */
  readonly availabilityTests?: PlatformAvailabilityTestOptions;
  /** The health workbook and portal dashboard. @default - both, with generated names */
  readonly health?: PlatformHealthOptions;
}

/** The platform's health workbook and portal dashboard (see {@link PlatformObservabilityOptions.health}). */
export interface PlatformHealthOptions {
  /** Whether the platform creates them. @default true */
  readonly enabled?: boolean;
  /**
   * Name overrides: `workbook` (a lower-case UUID, as Azure names workbooks) and `dashboard` (at most 160 letters, digits,
   * `_` and `-`).
   * @default - a UUID derived from the construct path, and `<prefix>-dash-health-<hash>`
   */
  readonly names?: { readonly workbook?: string; readonly dashboard?: string };
}

/** The Order database of the platform. */
export interface PlatformDatabaseOptions {
  /** Engine and settings, e.g. `DatabaseEngine.sql()` or `DatabaseEngine.postgresql({ version: '16' })`. */
  readonly engine: DatabaseEngine;
  /** Entra ID administrator (a group) of every database server. */
  readonly administrator: DatabaseAdministrator;
  /** Database name inside every server. @default 'orders' */
  readonly databaseName?: string;
  /** Name overrides of the database's servers, failover groups, replicas and databases (see `ActivePassiveDatabaseNames`). @default - generated names */
  readonly names?: ActivePassiveDatabaseNames;
  /** Whether the database servers are kept (prevent_destroy) or may be destroyed. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** Data-tier props the platform fills in itself. */
export type PlatformFilled = 'prefix' | 'pattern' | 'regions' | 'resourceGroupNames' | 'createResourceGroups' | 'monitoring' | 'tags';

/** The Delivery-tracking store of the platform (`TrackingStore` props without what the platform supplies). */
export type PlatformTrackingOptions = Omit<TrackingStoreProps, PlatformFilled>;

/** The Order service's read cache (`OrderCache` props without what the platform supplies). */
export type PlatformCacheOptions = Omit<OrderCacheProps, PlatformFilled>;

/** The event bus of the platform (`EventBus` props without what the platform supplies). */
export type PlatformEventBusOptions = Omit<EventBusProps, PlatformFilled>;

/** The global entry of the platform (`GlobalEntry` props without what the platform supplies). */
export type PlatformEntryOptions = Omit<GlobalEntryProps, 'prefix' | 'pattern' | 'regions' | 'ingress' | 'resourceGroupName' | 'createResourceGroup' | 'monitoring' | 'tags'>;

/** The workloads of the platform, per service; the same settings in every region. */
export interface PlatformWorkloadOptions {
  /** The Order service. */
  readonly order: WorkloadServiceOptions;
  /** The Delivery-tracking service. */
  readonly tracking: WorkloadServiceOptions;
  /** Kubernetes namespace of both services (not `default` or a system namespace). @default 'orders' */
  readonly namespace?: string;
  /** Minimum replicas of a warm standby region (activePassive with `standby: 'warm'`). @default 1 */
  readonly standbyMinReplicas?: number;
  /**
   * activePassive: run the passive region at active size, so it carries the whole load. Set it during a failover (or a
   * drill) and unset it after failing back; a pilot-light region gets its Deployments, a warm one scales to the active
   * minimum. Nothing is replaced either way.
   * @default false
   */
  readonly standbyActive?: boolean;
}

/** The maintenance windows of one region (see `MultiRegionOrderPlatformProps.maintenanceWindows`). */
export interface RegionMaintenanceWindows {
  /** The AKS cluster's planned maintenance (automatic upgrades and node images), 4-24 hours. @default - off-peak and staggered */
  readonly kubernetes?: MaintenanceWindow;
  /** PostgreSQL: the region's servers' one-hour window. @default - off-peak and staggered */
  readonly database?: MaintenanceWindow;
}

/** Props of {@link MultiRegionOrderPlatform}. */
export interface MultiRegionOrderPlatformProps {
  /** Name prefix of every Azure resource: 2-12 lower-case letters and digits, starting with a letter. */
  readonly prefix: string;
  /** The redundancy pattern, e.g. `RedundancyPattern.zoneRedundant()`. */
  readonly pattern: RedundancyPattern;
  /**
   * Programmatic region names; the first is the primary / home region. The order also fixes each region's
   * address block, so append regions, never reorder them.
   */
  readonly regions: string[];
  /** How the VNets are carved. @default - 10.100.0.0/16 in /20 blocks, pods 192.168.0.0/16, services 172.16.0.0/16 */
  readonly addressPlan?: AddressPlanProps;
  /** AKS settings for every region. @default - see `KubernetesOptions` */
  readonly kubernetes?: KubernetesOptions;
  /** Key Vault settings for every region. @default - see `KeyVaultOptions` */
  readonly keyVault?: KeyVaultOptions;
  /** Log Analytics settings. @default - 30 days, retained on destroy */
  readonly monitoring?: PlatformMonitoringOptions;
  /**
   * The Order database (`ActivePassiveDatabase` in the data stack, private endpoints in every stamp).
   * @default - no database
   */
  readonly database?: PlatformDatabaseOptions;
  /**
   * The Delivery-tracking store (`TrackingStore`: Cosmos DB in the data stack, private endpoints in every stamp).
   * @default - no tracking store
   */
  readonly trackingStore?: PlatformTrackingOptions;
  /**
   * The Order service's read cache (`OrderCache`: Azure Managed Redis per region in the data stack, a private endpoint
   * from the region's stamp, geo-replicated under activeActive). It is billed per cache, so it is opt-in.
   * @default - no cache
   */
  readonly cache?: PlatformCacheOptions;
  /**
   * The event bus (`EventBus`: Service Bus Premium, or Event Grid with `transport: EventTransport.eventGrid(...)`).
   * Premium namespaces are billed per messaging unit, so it is opt-in.
   * @default - no event bus
   */
  readonly eventBus?: PlatformEventBusOptions;
  /**
   * The global entry in the `<id>-edge` stack: Front Door Premium + WAF over Private Link by default, Traffic
   * Manager for some services as an option.
   * @default - with `workloads`: Front Door for both services over Private Link; without: no edge stack (its origins
   * would not exist)
   */
  readonly entry?: PlatformEntryOptions;
  /**
   * The Order and Delivery-tracking services: workload identities in each region stack, Kubernetes objects in
   * `<id>-<region>-apps`.
   * @default - no workloads
   */
  readonly workloads?: PlatformWorkloadOptions;
  /**
   * Alerts, availability tests and their action group, in the `<id>-observability` stack (applied last).
   * @default - on, without contacts (a synth warning says the alerts notify no one)
   */
  readonly observability?: PlatformObservabilityOptions;
  /**
   * The demand model: each service's off-peak and peak load and the weekly peaks. The services' replica ranges (with a
   * lost region's share: N/(N-1) of the peak under N serving regions), KEDA peak floors that start before each peak, a
   * backlog scaler for the Delivery-tracking consumer and the Cosmos DB autoscale maximum are derived from it, and
   * user-set maxima are checked against it (see the README's "Scaling").
   * @default - no demand model: plain HPAs over `minReplicas`-`maxReplicas`
   */
  readonly demand?: DemandModel;
  /**
   * Each region's maintenance windows, by region: the AKS cluster's (automatic upgrades and node images) and, with
   * PostgreSQL, the region's servers'. A window inside a `demand` peak, or overlapping another region's (or the
   * region's own cluster and database), is an error.
   * @default - in each region's local night (01:00-03:00 standard time), from Tuesday onwards, outside the demand
   * model's peaks and staggered so no two regions are in maintenance at once
   */
  readonly maintenanceWindows?: { readonly [region: string]: RegionMaintenanceWindows };
  /**
   * Failover drills (`FailoverDrills` in the `<id>-drills` stack): Azure Chaos Studio experiments that cause a zone
   * loss, a region loss, a Key Vault loss or an event bus loss on this platform's resources, for a bounded time, when
   * a person or a pipeline starts them. Each experiment's expectation (alerts and availability tests that must and
   * must not fire, what keeps serving, the runbook section) is written to `cdktf.out/order-platform/<id>/drills.md`.
   * @default - no drills
   */
  readonly drills?: FailoverDrillsOptions;
  /** Terraform state backend, one state per stack. @default PlatformBackend.local() */
  readonly backend?: PlatformBackend;
  /** Subscription for every stack. @default - `ARM_SUBSCRIPTION_ID` or the Azure CLI's current subscription */
  readonly subscriptionId?: string;
  /** Tags for every resource. @default - library tags only */
  readonly tags?: Tags;
  /**
   * The rule pack (docs/rules.md) on the platform's synthesized stacks: error findings fail synth, warnings are
   * printed, and the report goes to `cdktf.out/order-platform/<id>/rules.md`. Suppress a finding with a reason.
   * @default - on, no suppressions
   */
  readonly checks?: RuleChecksOptions;
}
