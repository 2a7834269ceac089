import { ADDRESS_PLAN_PROPS_SHAPE, PATTERN_SHAPE, REGIONS_SHAPE, REMOVAL_POLICY_SHAPE, TAGS_SHAPE } from '../core/shapes';
import { objectShape, opt, Shape, shapes, strictShape } from '../core/validate';
import { ADMINISTRATOR_SHAPE, DATABASE_NAMES_SHAPE, ENGINE_SHAPE } from '../database/shapes';
import { EVENT_BUS_ENTRIES } from '../events/shapes';
import { ENTRY_OPTION_ENTRIES } from '../global-entry/shapes';
import { KEY_VAULT_SHAPE, KUBERNETES_SHAPE } from '../stamp/shapes';
import { TRACKING_STORE_ENTRIES } from '../tracking/shapes';
import { ORDER_CACHE_ENTRIES } from '../cache/shapes';
import { WORKLOAD_SERVICE_SHAPE } from '../workloads/shapes';
import { DEMAND_SHAPE } from '../workloads/demand';
import { MAINTENANCE_WINDOW_SHAPE } from '../core/maintenance-window';
import { DIAGNOSTIC_LOGS_SHAPE } from '../monitoring/regional-monitoring';
import { CONTACTS_SHAPE, OBSERVABILITY_NAMES_SHAPE, SEVERITIES_SHAPE, THRESHOLDS_SHAPE } from '../monitoring/shapes';
import { RULE_CHECKS_SHAPE } from '../rules/synth-check';
import { FAILOVER_DRILLS_OPTIONS_SHAPE } from '../drills/shapes';
import { PlatformBackend } from './backend';
import type { RegionMaintenanceWindows, MultiRegionOrderPlatformProps, PlatformAvailabilityTestOptions, PlatformCacheOptions, PlatformHealthOptions, PlatformObservabilityOptions, PlatformDatabaseOptions, PlatformEntryOptions, PlatformEventBusOptions, PlatformMonitoringOptions, PlatformTrackingOptions, PlatformWorkloadOptions } from './multi-region-order-platform-types';

// Internal: the run-time shape of the platform props (not exported from the package).

const WORKLOADS_SHAPE = strictShape<PlatformWorkloadOptions>({
  order: WORKLOAD_SERVICE_SHAPE, tracking: WORKLOAD_SERVICE_SHAPE, namespace: opt(shapes.string()), standbyMinReplicas: opt(shapes.number()), standbyActive: opt(shapes.boolean()),
});

const OBSERVABILITY_SHAPE = strictShape<PlatformObservabilityOptions>({
  enabled: opt(shapes.boolean()), contacts: opt(CONTACTS_SHAPE), thresholds: THRESHOLDS_SHAPE, severities: SEVERITIES_SHAPE, runbookUrl: opt(shapes.string()),
  silencedRegions: opt(shapes.list(shapes.string('region name'), 'a list of region names')),
  availabilityTests: opt(strictShape<PlatformAvailabilityTestOptions>({
    enabled: opt(shapes.boolean()), testLocations: opt(shapes.list(shapes.string('test location ID'), 'a list of test location IDs')), frequencySeconds: opt(shapes.number()), failedLocations: opt(shapes.number()),
  })),
  names: OBSERVABILITY_NAMES_SHAPE,
  health: opt(strictShape<PlatformHealthOptions>({
    enabled: opt(shapes.boolean()), names: opt(objectShape({ workbook: opt(shapes.string()), dashboard: opt(shapes.string()) })),
  })),
});

export const PLATFORM_SHAPE = strictShape<MultiRegionOrderPlatformProps>({
  prefix: shapes.string(), pattern: PATTERN_SHAPE, regions: REGIONS_SHAPE, addressPlan: opt(ADDRESS_PLAN_PROPS_SHAPE), kubernetes: opt(KUBERNETES_SHAPE),
  keyVault: opt(KEY_VAULT_SHAPE),
  monitoring: opt(strictShape<PlatformMonitoringOptions>({ retentionDays: opt(shapes.number()), removalPolicy: opt(REMOVAL_POLICY_SHAPE), diagnosticLogs: opt(DIAGNOSTIC_LOGS_SHAPE) })),
  database: opt(strictShape<PlatformDatabaseOptions>({ engine: ENGINE_SHAPE, administrator: ADMINISTRATOR_SHAPE, databaseName: opt(shapes.string()), names: opt(DATABASE_NAMES_SHAPE), removalPolicy: opt(REMOVAL_POLICY_SHAPE) })),
  trackingStore: opt(objectShape({ ...TRACKING_STORE_ENTRIES, removalPolicy: opt(REMOVAL_POLICY_SHAPE) } satisfies { [K in keyof PlatformTrackingOptions]-?: Shape })),
  cache: opt(objectShape({ ...ORDER_CACHE_ENTRIES, removalPolicy: opt(REMOVAL_POLICY_SHAPE) } satisfies { [K in keyof PlatformCacheOptions]-?: Shape })),
  eventBus: opt(objectShape({ ...EVENT_BUS_ENTRIES, removalPolicy: opt(REMOVAL_POLICY_SHAPE) } satisfies { [K in keyof PlatformEventBusOptions]-?: Shape })),
  entry: opt(objectShape(ENTRY_OPTION_ENTRIES satisfies { [K in keyof PlatformEntryOptions]-?: Shape })),
  workloads: opt(WORKLOADS_SHAPE), backend: opt(shapes.instance(() => PlatformBackend, 'a PlatformBackend (PlatformBackend.local() or PlatformBackend.azurerm({...}))')),
  observability: opt(OBSERVABILITY_SHAPE), subscriptionId: opt(shapes.string()), tags: opt(TAGS_SHAPE), checks: RULE_CHECKS_SHAPE,
  demand: opt(DEMAND_SHAPE), drills: opt(FAILOVER_DRILLS_OPTIONS_SHAPE),
  maintenanceWindows: opt(shapes.map(strictShape<RegionMaintenanceWindows>({ kubernetes: opt(MAINTENANCE_WINDOW_SHAPE), database: opt(MAINTENANCE_WINDOW_SHAPE) }))),
});
