// The public API, name by name: what is not listed here is internal and may change in any release. Layers, bottom
// up: core, shared contracts and monitoring, the building blocks, platform (README, "Development"). The API report
// (etc/cdktf-order-platform.api.md, checked by `npm run api` in `npm test`) records every change to this surface.

export type { AddressPlanProps } from './core/address-plan-types';
export { AddressPlan } from './core/address-plan';
export type { RegionAddresses } from './core/address-plan';
export { ValidationError } from './core/errors';
export type { ValidationErrorDetails } from './core/errors';
export { RemovalPolicy } from './core/lifecycle';
export type { MaintenanceWindow } from './core/maintenance-window';
export { keepNamingPath } from './core/naming';
export { activeActivePartner, PatternKind, RedundancyPattern, RegionRole } from './core/pattern';
export type { ActivePassiveOptions, PrimarySecondaryOptions, RegionPinnedOptions, RegionPlacement, StandbyMode } from './core/pattern';
export { EU_DATA_BOUNDARY, Regions } from './core/regions';
export type { RegionInfo } from './core/regions';
export type { RegionData } from './core/region-data';
export { HEALTH_ENDPOINTS, PLATFORM_SERVICES, TRACKING_EVENTS_PATH } from './core/services';
export type { PlatformServiceSpec, ServiceKey } from './core/services';
export type { GrantOptions, IPrincipal } from './core/principal';
export { disableTokenStackTraces } from './core/stack-trace';
export type { Tags } from './core/tags';
export { AKS_POOL_MODE_LABEL } from './common/node-pool-model';
export type { NodePoolModel } from './common/node-pool-model';
export { PrivateDnsZones } from './common/private-dns-zones';
export type { PrivateDnsZoneSpec, PrivateDnsZonesProps } from './common/private-dns-zones';
export type { DataTierEndpoint } from './common/private-endpoints';
export type { RegionalIngress } from './common/regional-ingress';
export { RegionalMonitoring } from './monitoring/regional-monitoring';
export type { IRegionalMonitoring, RegionalMonitoringNames, RegionalMonitoringProps } from './monitoring/regional-monitoring';
export type { DiagnosticLogs } from './monitoring/diagnostics';
export { Observability } from './monitoring/observability';
export type {
  AlertSeverity, AvailabilityTestOptions, ObservabilityAlert, ObservabilityContacts, ObservabilityNames, ObservabilityProps, ObservabilityTargets, ObservabilityThresholds, RegionResourceIds, SmsNumber, StandbyNamespace,
} from './monitoring/observability-types';
export { DataTierConstruct } from './data-tier/data-tier';
export type { DataTierProps } from './data-tier/data-tier';
export { StampNetwork } from './stamp/network';

export type { DeployerLogin, KeyVaultOptions, KubernetesOptions, NodePoolOptions, RegionalStampNames, RegionalStampProps } from './stamp/regional-stamp-types';
export { RegionalStamp } from './stamp/regional-stamp';
export type { ActivePassiveDatabaseProps } from './database/active-passive-database-types';
export type { ActivePassiveDatabaseNames, DatabaseAdministrator, DatabaseCell, DatabaseServerEndpoint, PostgresqlEngineOptions, SqlEngineOptions, SqlLongTermRetention } from './database/database-types';
export { ActivePassiveDatabase } from './database/active-passive-database';
export { DatabaseEngine } from './database/engine';
export { POSTGRESQL_VERSIONS } from './database/postgresql';
export type { ConsistencyLevel, DeliveriesContainerOptions, TrackingBackup, TrackingStoreNames, TrackingStoreProps } from './tracking/tracking-store-types';
export { TrackingStore } from './tracking/tracking-store';
export type { TrackingAccount } from './tracking/tracking-store';
export type { EventBusProps } from './events/event-bus-types';
export { EventBus } from './events/event-bus';
export { EventTransport } from './events/transport';
export type { EventBusEndpoint, EventBusNames, EventDelivery, EventGridOptions, ServiceBusOptions } from './events/transport-types';
export type { ApiManagementOptions, FrontDoorOptions, GeoRoutingOptions, GlobalEntryNames, GlobalEntryProps, TrafficManagerOptions, WafOptions } from './global-entry/global-entry-types';
export { FRONT_DOOR_PRIVATE_LINK_REGIONS, GlobalEntry } from './global-entry/global-entry';
export type { OriginHealthAlertHook, PrivateLinkApproval } from './global-entry/global-entry';
export type { OrderServiceResources, OrderSlotResources, OrderWorkloadsProps, ProbePaths, ResourceOptions, WorkloadConfig, WorkloadServiceOptions } from './workloads/order-workloads-types';
export { OrderWorkloads } from './workloads/order-workloads';
export { canaryPods, planRelease } from './workloads/release-plan';
export type { ReleaseInput, ReleasePlan, SlotId, SlotPlan } from './workloads/release-plan';
export { Rollout } from './workloads/rollout';
export type { BlueGreenOptions, CanaryOptions } from './workloads/rollout';
export { checkSchedulability, nodeCapacity } from './workloads/schedulability';
export type { NodeCapacity, PodGroupModel, SchedulingReport, SchedulingScenario } from './workloads/schedulability';
export { WorkloadIdentities } from './workloads/workload-identities';
export type { IWorkloadIdentities, WorkloadIdentitiesProps } from './workloads/workload-identities';
export { PlatformBackend } from './platform/backend';
export type { AzurermStateOptions } from './platform/backend';
export type { MultiRegionOrderPlatformProps, PlatformAvailabilityTestOptions, PlatformFilled, PlatformDatabaseOptions, PlatformHealthOptions, PlatformEntryOptions, PlatformEventBusOptions, PlatformMonitoringOptions, PlatformObservabilityOptions, PlatformTrackingOptions, PlatformWorkloadOptions } from './platform/multi-region-order-platform-types';
export { MultiRegionOrderPlatform, RegionalData } from './platform/multi-region-order-platform';
export { checkSynthesized, formatRuleReport, readCdktfOut, ruleReportMarkdown, RULES } from './rules/rule-pack';
export type { RuleCheckOptions, RuleFinding, RuleReport, RuleSuppression, SuppressedFinding } from './rules/rule-pack';
export type { Rule, RuleSeverity, RuleSource, RuleViolation } from './rules/rule';
export { SynthesizedApp } from './rules/synthesized';
export type { JsonObject, JsonValue, SynthesizedResource, SynthesizedStack } from './rules/synthesized';
export type { RuleChecksOptions } from './rules/synth-check';
