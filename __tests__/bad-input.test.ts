import { Construct } from 'constructs';
import { Lazy, TerraformStack, Testing, Token } from 'cdktf';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import {
  ActivePassiveDatabase, AddressPlan, checkSchedulability, DatabaseEngine, EventBus, EventTransport, GlobalEntry, MultiRegionOrderPlatform, MultiRegionOrderPlatformProps,
  Observability, OrderWorkloads, OrderWorkloadsProps, PlatformBackend, RedundancyPattern, RegionalMonitoring, RegionalStamp, RegionRole, Rollout, TrackingStore,
  ValidationError, WorkloadIdentities,
} from '../lib';
import { ownGroups, sink } from './support/standalone';
import { testStack } from './support/synth';

/**
 * Bad input, as a plain-JavaScript, YAML- or JSON-driven consumer would give it: typos, wrong types, null, tokens,
 * conflicts. Every row must end in a `ValidationError` (never a TypeError) that names the construct path, the prop, the
 * value and a fix, and says the given words.
 */

// Values as a JSON or YAML document would deliver them: no compile-time types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const ADMIN = { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' };
const HEADERS = { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' };
const IMAGES = { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } };
const PRINCIPAL = '44444444-4444-4444-4444-444444444444';
/** A value Terraform knows only at apply time (a token, as a reference to another resource or a variable is). */
const tf = (expression: string): string => Lazy.stringValue({ produce: () => expression });

/** A full platform (every part), with top-level props replaced. */
function platform(overrides: Loose = {}, pattern = RedundancyPattern.primarySecondary(), regions = ['westus3', 'eastus']): () => void {
  return () => {
    new MultiRegionOrderPlatform(Testing.app(), 'shop', {
      prefix: 'shop', pattern, regions,
      database: { engine: DatabaseEngine.sql(), administrator: ADMIN },
      trackingStore: {}, eventBus: {},
      workloads: IMAGES,
      entry: { frontDoor: { originHostHeaders: HEADERS } },
      ...overrides,
    } as MultiRegionOrderPlatformProps);
  };
}

const zr = RedundancyPattern.zoneRedundant();
/** A sound demand model: weekend evening peaks, loads in requests per second. */
const DEMAND = {
  order: { peakRequestsPerSecond: 2000, baseRequestsPerSecond: 400, requestsPerSecondPerPod: 100 },
  tracking: { peakRequestsPerSecond: 800, baseRequestsPerSecond: 160, requestsPerSecondPerPod: 100 },
  peaks: [{ days: ['Friday', 'Saturday', 'Sunday'], startTime: '17:00', endTime: '22:00' }],
};
const stamp = (props: Loose) => () => new RegionalStamp(testStack(), 'Stamp', { region: 'westus3', prefix: 'shop', monitoring: sink('westus3'), ...props });
const database = (props: Loose) => () => new ActivePassiveDatabase(testStack(), 'OrderDb', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']), engine: DatabaseEngine.sql(), administrator: ADMIN, ...ownGroups(props.regions ?? ['westus3']), ...props });
const sql = (options: Loose) => database({ engine: DatabaseEngine.sql(options) });
const pg = (options: Loose) => database({ engine: DatabaseEngine.postgresql(options) });
const tracking = (props: Loose) => () => new TrackingStore(testStack(), 'Tracking', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(props.regions ?? ['westus3']), ...props });
const bus = (props: Loose) => () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(props.regions ?? ['westus3']), ...props });
const INGRESS = {
  region: 'westus3', nodeResourceGroup: 'rg-nodes', subnetName: 'snet-ingress', subnetCidr: '10.100.5.0/24', podCidr: '192.168.0.0/16',
  services: { order: { privateIp: '10.100.5.10', privateLinkServiceName: 'pls-order-api' }, tracking: { privateIp: '10.100.5.11', privateLinkServiceName: 'pls-tracking-api' } },
};
const entry = (props: Loose) => () => new GlobalEntry(testStack(), 'Entry', { prefix: 'shop', pattern: zr, regions: ['westus3'], ingress: [INGRESS], frontDoor: { originHostHeaders: HEADERS }, createResourceGroup: true, ...props });
const WORKLOADS: OrderWorkloadsProps = {
  region: 'westus3', role: RegionRole.PRIMARY, ...IMAGES,
  identities: { clientIds: { order: '11111111-1111-1111-1111-111111111111', tracking: '22222222-2222-2222-2222-222222222222' }, namespace: 'orders' },
  ingress: INGRESS, privateEndpointsCidr: '10.100.4.0/24', config: { order: {}, tracking: {} },
};
const workloads = (props: Loose) => () => {
  const stack = testStack();
  new KubernetesProvider(stack, 'Kubernetes', {});
  new OrderWorkloads(stack, 'Workloads', { ...WORKLOADS, ...props });
};
const order = (options: Loose) => workloads({ order: { image: 'c.io/order:1', ...options } });
const scope = () => new Construct(Testing.app(), 'platform');
const OBS_SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-westus3/providers';
const OBS_KV = `${OBS_SUB}/Microsoft.KeyVault/vaults/kv-shop`;
const OBS_AKS = `${OBS_SUB}/Microsoft.ContainerService/managedClusters/aks-shop`;
const observability = (props: Loose) => () => new Observability(testStack(), 'Obs', {
  prefix: 'shop', resourceGroupName: 'rg-monitoring', contacts: { emails: ['oncall@contoso.com'] }, targets: { keyVaultIds: { westus3: OBS_KV } }, ...props,
});

const BAD: [string, () => unknown, string][] = [
  // --- The platform: typos (unknown keys would be silently ignored) ---
  ['a typo in a top-level prop', platform({ kubernetess: {} }), "shop: invalid kubernetess {}: unknown option 'kubernetess', which would be ignored. Fix: did you mean 'kubernetes'?"],
  ['a typo in grantDeployerClusterAdmin (would keep cluster admin)', platform({ kubernetes: { grantDeployerClusterAdmn: false } }), "invalid kubernetes.grantDeployerClusterAdmn false: unknown option 'grantDeployerClusterAdmn', which would be ignored. Fix: did you mean 'grantDeployerClusterAdmin'?"],
  ['a typo in addressSpace (would land the VNets in the default range)', platform({ addressPlan: { adressSpace: '10.50.0.0/16' } }), "invalid addressPlan.adressSpace \"10.50.0.0/16\": unknown option 'adressSpace'"],
  ['a typo in a user pool option', platform({ kubernetes: { userPool: { maxCnt: 20 } } }), "invalid kubernetes.userPool.maxCnt 20: unknown option 'maxCnt', which would be ignored. Fix: did you mean 'maxCount'?"],
  ['a typo in a workload option', platform({ workloads: { ...IMAGES, order: { image: 'c.io/order:1', maxReplica: 20 } } }), "invalid workloads.order.maxReplica 20: unknown option 'maxReplica'"],
  ['a typo in the workloads object', platform({ workloads: { ...IMAGES, namepsace: 'shop' } }), "invalid workloads.namepsace \"shop\": unknown option 'namepsace'"],
  ['a typo in the database options', platform({ database: { engine: DatabaseEngine.sql(), administrator: ADMIN, databseName: 'x' } }), "invalid database.databseName \"x\": unknown option 'databseName'"],
  ['a database server name Azure refuses, through the platform', platform({ database: { engine: DatabaseEngine.sql(), administrator: ADMIN, names: { sqlServers: { westus3: 'SQL_Contoso' } } } }), 'shop-data/OrderDatabase: invalid database.names.sqlServers.westus3 "SQL_Contoso"'],
  ['a typo in the administrator', platform({ database: { engine: DatabaseEngine.sql(), administrator: { ...ADMIN, objectID: 'x' } } }), "invalid database.administrator.objectID \"x\": unknown option 'objectID'"],
  ['a typo in the tracking store', platform({ trackingStore: { consistencyLevel: 'Session' } }), "invalid trackingStore.consistencyLevel \"Session\": unknown option 'consistencyLevel'"],
  ['a data-tier prop the platform fills itself', platform({ trackingStore: { regions: ['westus3'] } }), "invalid trackingStore.regions [\"westus3\"]: unknown option 'regions'"],
  ['a typo in the cache', platform({ cache: { evictionPolicy: 'AllKeysLRU', skuName: 'Balanced_B3' } }), "invalid cache.skuName \"Balanced_B3\": unknown option 'skuName'"],
  ['an unknown cache SKU', platform({ cache: { sku: 'Premium_P1' } }), 'shop-data/OrderCache: invalid cache.sku "Premium_P1": Azure Managed Redis SKUs are'],
  ['a cache without high availability where the regions have zones', platform({ cache: { highAvailability: false } }), 'invalid cache.highAvailability false: westus3, eastus have availability zones'],
  ['cache geo-replication outside activeActive', platform({ cache: { geoReplication: true } }), 'invalid cache.geoReplication true: active geo-replication makes every region\'s cache writable and replicated, which only activeActive uses'],
  // --- Failover drills ---
  ['a drill shorter than the alert windows', platform({ drills: { durationMinutes: 3 } }), 'invalid drills.durationMinutes 3'],
  ['a drill longer than an hour', platform({ drills: { durationMinutes: 61 } }), 'invalid drills.durationMinutes 61'],
  ['a drill duration in fractions', platform({ drills: { durationMinutes: 10.5 } }), 'invalid drills.durationMinutes 10.5'],
  ['a drill zone that does not exist', platform({ drills: { zone: '4' } }), 'drills.zone'],
  ['a drill key misspelled', platform({ drills: { duration: 10 } }), 'drills.duration'],
  ['a drill scenario misspelled', platform({ drills: { scenarios: ['regionOutage'] } }), 'drills.scenarios[0]'],
  ['no drill scenario', platform({ drills: { scenarios: [] } }), 'invalid drills.scenarios []: no scenario'],
  ['a drill zone without a zone-loss drill', platform({ drills: { zone: '2', scenarios: ['regionLoss'] } }), "invalid drills.zone \"2\": only a zoneLoss drill shuts a zone down, and scenarios leaves it out, so the zone would be ignored. Fix: drop zone, or add 'zoneLoss' to scenarios"],
  ['a drill scenario twice', platform({ drills: { scenarios: ['zoneLoss', 'zoneLoss'] } }), 'a scenario is named twice'],
  ['a region-loss drill of one region', platform({ drills: { scenarios: ['regionLoss'] } }, zr, ['westus3']), 'the platform has one region'],
  ['an event-bus drill without Service Bus', platform({ eventBus: undefined, drills: { scenarios: ['eventBusLoss'] } }), 'the platform has no Service Bus event bus (eventBus with EventTransport.serviceBus(), the default'],
  // --- The demand model, scaling and maintenance ---
  ['a peak with no days', platform({ demand: { ...DEMAND, peaks: [{ days: [], startTime: '17:00', endTime: '22:00' }] } }), 'invalid demand.peaks[0].days []: no days: the peak would never happen'],
  ['a peak that ends when it starts', platform({ demand: { ...DEMAND, peaks: [{ days: ['Friday'], startTime: '17:00', endTime: '17:00' }] } }), 'invalid demand.peaks[0].endTime "17:00": the peak ends when it starts (17:00)'],
  ['an off-peak load above the peak', platform({ demand: { ...DEMAND, order: { peakRequestsPerSecond: 100, baseRequestsPerSecond: 500, requestsPerSecondPerPod: 50 } } }), 'invalid demand.order.baseRequestsPerSecond 500: above the peak (100 requests per second)'],
  ['a peak time zone given as an offset', platform({ demand: { ...DEMAND, timeZone: 'UTC+9' } }), 'invalid demand.timeZone "UTC+9": a fixed UTC offset, not a time zone'],
  ['a minimum above the maximum the demand model sets', platform({ demand: DEMAND, workloads: { ...IMAGES, order: { image: 'c.io/order:1', minReplicas: 30 } } }), 'invalid workloads.order.maxReplicas 20: must be an integer from 30 to 1000 (at least minReplicas (30))'],
  ['a maximum that cannot carry a lost region', platform({ demand: DEMAND, workloads: { ...IMAGES, order: { image: 'c.io/order:1', maxReplicas: 12 } } }), 'invalid workloads.order.maxReplicas 12: the demand model needs 10 pods in westus3 at peak, and 20 when another of the 2 serving regions is lost and the survivors carry its share: this maximum cannot carry a lost region'],
  ['a Cosmos DB maximum below the tracking demand', platform({ demand: { ...DEMAND, tracking: { peakRequestsPerSecond: 1000, baseRequestsPerSecond: 100, requestsPerSecondPerPod: 100, requestUnitsPerRequest: 10 } }, trackingStore: { deliveries: { maxThroughput: 4000 } } }), 'invalid trackingStore.deliveries.maxThroughput 4000: the tracking demand needs 10000 RU/s at peak'],
  ['a demand model with the KEDA add-on off', platform({ demand: DEMAND, kubernetes: { keda: false } }), 'invalid kubernetes.keda false: the demand model scales through the KEDA add-on'],
  ['a demand model without workloads', platform({ demand: DEMAND, workloads: undefined, entry: undefined }), 'the demand model sizes the workloads, and there are none, so it would be ignored'],
  ['a maintenance window inside a peak', platform({ demand: DEMAND, maintenanceWindows: { westus3: { kubernetes: { dayOfWeek: 'Friday', startTime: '18:00', utcOffset: '-07:00' } } } }), 'invalid maintenanceWindows.westus3.kubernetes {"dayOfWeek":"Friday","startTime":"18:00","durationHours":4,"utcOffset":"-07:00"}: inside peak 1 (Friday, Saturday, Sunday 17:00-22:00 America/Phoenix)'],
  ['two regions in maintenance at once', platform({ maintenanceWindows: { westus3: { kubernetes: { dayOfWeek: 'Tuesday', startTime: '02:00', utcOffset: '-07:00' } }, eastus: { kubernetes: { dayOfWeek: 'Tuesday', startTime: '05:00', utcOffset: '-05:00' } } } }), 'maintenanceWindows.westus3.kubernetes and maintenanceWindows.eastus.kubernetes overlap from Tuesday 10:00 UTC: westus3 and eastus would be in maintenance at once'],
  ['one AKS maintenance window for two regions', platform({ kubernetes: { maintenanceWindow: { dayOfWeek: 'Tuesday' } } }), 'invalid kubernetes.maintenanceWindow {"dayOfWeek":"Tuesday"}: one window for the 2 regions: every cluster would upgrade at once'],
  ['a database maintenance window with Azure SQL', platform({ maintenanceWindows: { westus3: { database: { dayOfWeek: 'Tuesday' } } } }), 'invalid maintenanceWindows.westus3.database {"dayOfWeek":"Tuesday"}: Azure SQL Database takes maintenance in the slots Azure offers'],
  ['an Azure SQL maintenance slot inside a peak', platform({ demand: { ...DEMAND, peaks: [{ days: ['Saturday'], startTime: '20:00', endTime: '02:00' }] }, database: { engine: DatabaseEngine.sql({ secondaryMaintenance: 'WeekendNights' }), administrator: ADMIN } }), "invalid database.engine.secondaryMaintenance \"WeekendNights\": Azure SQL's WeekendNights slot (22:00 for 8 hours, eastus local time) falls in peak 1"],
  ['serverless auto-pause in a failover group', platform({ database: { engine: DatabaseEngine.sql({ compute: { kind: 'Serverless', maxVcores: 4, autoPauseDelayMinutes: 60 } }), administrator: ADMIN } }), 'invalid database.engine.compute.autoPauseDelayMinutes 60: Azure does not auto-pause a serverless database that is geo-replicated or keeps long-term backups'],
  ['a KEDA backlog trigger on the Order service', workloads({ keda: { order: { backlog: { namespace: 'sb-shop-westus3', topic: 'order-events', subscription: 'delivery-tracking', messagesPerPod: 50, identityClientId: PRINCIPAL } } } }), 'invalid keda.order.backlog'],
  ['a KEDA schedule that is not cron', workloads({ keda: { tracking: { schedules: [{ timeZone: 'Europe/Berlin', start: 'Fridays at 5', end: '0 22 * * 5', replicas: 4 } ] } } }), 'invalid keda.tracking.schedules[0].start "Fridays at 5": not a five-field cron expression'],
  ['a cache name Azure refuses', platform({ cache: { names: { caches: { eastus: 'shop--cache' } } } }), 'invalid cache.names.caches.eastus "shop--cache": an Azure Managed Redis name must not contain consecutive hyphens'],
  ['a typo in the event bus', platform({ eventBus: { transprt: EventTransport.serviceBus() } }), "invalid eventBus.transprt (an instance of EventTransport): unknown option 'transprt'"],
  ['a typo in the entry', platform({ entry: { frontdoor: {} } }), "invalid entry.frontdoor {}: unknown option 'frontdoor', which would be ignored. Fix: did you mean 'frontDoor'?"],
  ['a typo in the WAF', platform({ entry: { frontDoor: { originHostHeaders: HEADERS, waf: { rateLimit: 10 } } } }), "invalid entry.frontDoor.waf.rateLimit 10: unknown option 'rateLimit'"],
  ['a typo in the geo routing (would drop the cell mapping)', platform({ entry: { geoRouting: { countrys: { westeurope: ['DE'] } } } }), "invalid entry.geoRouting.countrys"],
  ['a typo in monitoring', platform({ monitoring: { retentionInDays: 60 } }), "invalid monitoring.retentionInDays 60: unknown option 'retentionInDays', which would be ignored. Fix: did you mean 'retentionDays'?"],
  ['a typo in the Key Vault options', platform({ keyVault: { softDeleteDays: 30 } }), "invalid keyVault.softDeleteDays 30: unknown option 'softDeleteDays'"],
  ['a typo in a maintenance window', platform({ kubernetes: { maintenanceWindow: { day: 'Monday' } } }), "invalid kubernetes.maintenanceWindow.day \"Monday\": unknown option 'day'"],
  ['a typo in the probes', platform({ workloads: { ...IMAGES, order: { image: 'c.io/order:1', probes: { ready: '/r' } } } }), "invalid workloads.order.probes.ready \"/r\": unknown option 'ready'"],
  ['a typo in the resources', platform({ workloads: { ...IMAGES, order: { image: 'c.io/order:1', resources: { cpu: '1' } } } }), "invalid workloads.order.resources.cpu \"1\": unknown option 'cpu'"],
  // --- The platform: wrong types and null ---
  ['a prefix that is a number', platform({ prefix: 42 }), 'invalid prefix 42: expected a string, got the number 42'],
  ['regions as one string', platform({ regions: 'westus3' }), 'invalid regions "westus3": expected a list of region names'],
  ['a region that is not a string', platform({ regions: ['westus3', 7] }), 'invalid regions[1] 7: expected a region name, got the number 7'],
  ['a pattern given by name', platform({ pattern: 'primarySecondary' }), 'invalid pattern "primarySecondary": expected a RedundancyPattern'],
  ['grantDeployerClusterAdmin as a string', platform({ kubernetes: { grantDeployerClusterAdmin: 'false' } }), 'invalid kubernetes.grantDeployerClusterAdmin "false": expected true or false (a boolean, not a string), got the string "false"'],
  ['kubernetes: null', platform({ kubernetes: null }), 'invalid kubernetes null: expected an object, got null. Fix: leave kubernetes out to take the default'],
  ['an empty list for the tracking store', platform({ trackingStore: [] }), 'invalid trackingStore []: expected an object, got a list'],
  ['a list for the workload options', platform({ workloads: { order: [IMAGES.order], tracking: IMAGES.tracking } }), 'invalid workloads.order [{"image":"c.io/order:1"}]: expected an object, got a list'],
  ['a list for the engine options', platform({ database: { engine: DatabaseEngine.sql([] as Loose), administrator: ADMIN } }), 'shop-data/OrderDatabase: invalid database.engine []: expected an object, got a list'],
  ['a list for the pattern options', platform({}, RedundancyPattern.activePassive([] as Loose), ['eastus2', 'centralus']), 'invalid pattern []: expected an object, got a list. Fix: give an object'],
  ['null Event Grid options', platform({ eventBus: { transport: EventTransport.eventGrid(null as Loose) } }), 'shop: invalid eventBus.transport null: expected an object, got null'],
  ['a boolean from Terraform where the synth decides', platform({ kubernetes: { grantDeployerClusterAdmin: Token.asAny('${var.admin}') } }), 'invalid kubernetes.grantDeployerClusterAdmin (a Terraform token, unknown until apply): expected true or false (a boolean, not a string), got a Terraform token (unknown until apply)'],
  ['a prefix from Terraform', platform({ prefix: tf('${var.prefix}') }), 'a Terraform token is unknown until apply, and the prefix is part of every name the synth writes'],
  ['a region from Terraform', platform({ regions: [tf('${var.region}'), 'eastus'] }), 'a Terraform token is unknown until apply, and the region decides the stacks, names, zones and pairs at synth time'],
  ['a custom domain from Terraform', platform({ entry: { frontDoor: { customDomains: [tf('${var.domain}')] } } }), 'a Terraform token is unknown until apply, and a custom domain names its Front Door resource at synth time'],
  ['a misspelt option close to a longer one', platform({ trackingStore: { delivery: {} } }), "invalid trackingStore.delivery {}: unknown option 'delivery', which would be ignored. Fix: did you mean 'deliveries'?"],
  ['workloads: null', platform({ workloads: null }), 'invalid workloads null: expected an object, got null'],
  ['a service without options', platform({ workloads: { order: IMAGES.order } }), 'invalid workloads.tracking (undefined): expected an object, got nothing (undefined)'],
  ['a database without an engine', platform({ database: { administrator: ADMIN } }), 'invalid database.engine (undefined): expected a DatabaseEngine'],
  ['an engine given by name', platform({ database: { engine: 'sql', administrator: ADMIN } }), 'invalid database.engine "sql": expected a DatabaseEngine'],
  ['a rollout given by name', platform({ workloads: { ...IMAGES, order: { image: 'c.io/order:1', rollout: 'canary' } } }), 'invalid workloads.order.rollout "canary": expected a Rollout'],
  ['maxReplicas as a string', platform({ workloads: { ...IMAGES, order: { image: 'c.io/order:1', maxReplicas: '20' } } }), 'invalid workloads.order.maxReplicas "20": expected a number, got the string "20"'],
  ['NaN replicas', platform({ workloads: { ...IMAGES, order: { image: 'c.io/order:1', minReplicas: NaN } } }), 'invalid workloads.order.minReplicas NaN: expected a number, got NaN'],
  ['Infinity replicas', platform({ workloads: { ...IMAGES, order: { image: 'c.io/order:1', maxReplicas: Infinity } } }), 'invalid workloads.order.maxReplicas Infinity: expected a number, got Infinity'],
  ['tags with a number value', platform({ tags: { team: 7 } }), 'invalid tags.team 7: expected a string tag value, got the number 7'],
  ['a backend that is not one', platform({ backend: { kind: 'azurerm' } }), 'invalid backend {"kind":"azurerm"}: expected a PlatformBackend'],
  ['an azurerm backend without options (would silently keep state locally)', platform({ backend: (PlatformBackend.azurerm as Loose)(undefined) }), 'invalid backend (undefined): expected an object, got nothing (undefined)'],
  ['an azurerm backend with null options', platform({ backend: PlatformBackend.azurerm(null as Loose) }), 'invalid backend null: expected an object, got null. Fix: give an object'],
  ['a backend option from Terraform', platform({ backend: PlatformBackend.azurerm({ resourceGroupName: 'rg-tf', storageAccountName: tf('${var.sa}') }) }), 'invalid backend.storageAccountName "${TfToken[TOKEN.'],
  ['options given to PlatformBackend.local()', platform({ backend: (PlatformBackend.local as Loose)({ path: 'state' }) }), 'invalid backend {"path":"state"}: PlatformBackend.local() takes no options'],
  ['a subscription ID that is not one', platform({ subscriptionId: 'my-sub' }), 'invalid subscriptionId "my-sub": not an Azure subscription ID (a GUID)'],
  ['admin group IDs that are not GUIDs', platform({ kubernetes: { adminGroupObjectIds: ['platform-admins'] } }), 'invalid kubernetes.adminGroupObjectIds[0] "platform-admins": not an Entra ID group object ID (a GUID)'],
  ['an authorized IP range that is not one', platform({ kubernetes: { apiServerAuthorizedIpRanges: ['10.0.0.0/33'] } }), 'invalid kubernetes.apiServerAuthorizedIpRanges[0] "10.0.0.0/33": not an IPv4 address or CIDR'],
  ['an authorized IP range with an octet above 255', platform({ kubernetes: { apiServerAuthorizedIpRanges: ['300.1.1.1'] } }), 'invalid kubernetes.apiServerAuthorizedIpRanges[0] "300.1.1.1": not an IPv4 address or CIDR'],
  ['a Kubernetes version that is not one', platform({ kubernetes: { kubernetesVersion: 'latest' } }), 'invalid kubernetes.kubernetesVersion "latest": not a Kubernetes version AKS accepts'],
  ['an unknown deployer login', platform({ kubernetes: { deployerLogin: 'github' } }), "invalid kubernetes.deployerLogin \"github\": expected one of 'azurecli', 'servicePrincipal', 'workloadIdentity', 'managedIdentity'"],
  ['a container registry ID that is not one', platform({ kubernetes: { containerRegistries: { contoso: 'contoso.azurecr.io' } } }), 'invalid kubernetes.containerRegistries.contoso "contoso.azurecr.io": not an Azure Container Registry resource ID'],
  ['a workload namespace Kubernetes owns', platform({ workloads: { ...IMAGES, namespace: 'kube-system' } }), 'shop-westus3-apps/Workloads: invalid workloads.namespace "kube-system": Kubernetes or AKS owns this namespace'],
  ['the default namespace', platform({ workloads: { ...IMAGES, namespace: 'default' } }), 'invalid workloads.namespace "default": Kubernetes or AKS owns this namespace'],
  // --- The platform: options one part would ignore, parts that cannot work together ---
  ['standbyMinReplicas outside activePassive', platform({ workloads: { ...IMAGES, standbyMinReplicas: 1 } }), 'invalid workloads.standbyMinReplicas 1: only activePassive has a standby region, and this platform is primarySecondary, so the setting would be ignored'],
  ['standbyActive outside activePassive', platform({ workloads: { ...IMAGES, standbyActive: true } }), 'invalid workloads.standbyActive true: only activePassive has a standby region'],
  ['standbyMinReplicas with pilot light', platform({ workloads: { ...IMAGES, standbyMinReplicas: 1 } }, RedundancyPattern.activePassive({ standby: 'pilot-light' }), ['eastus2', 'centralus']), 'invalid workloads.standbyMinReplicas 1: a pilot-light standby runs no replicas'],
  ['an entry with Private Link origins and no workloads', platform({ workloads: undefined }), 'invalid entry ["frontDoor"]: Front Door\'s Private Link origins are the Private Link Services the workloads\' Services create, and there are no workloads'],
  ['a deployer login without workloads', platform({ workloads: undefined, entry: undefined, kubernetes: { deployerLogin: 'servicePrincipal' } }), 'invalid kubernetes.deployerLogin "servicePrincipal": only the -apps stacks log in to the clusters'],
  ['an entry probe path the workloads do not answer readiness on', platform({ entry: { frontDoor: { originHostHeaders: HEADERS }, healthProbePath: '/health' } }), 'invalid entry.healthProbePath "/health": the order service answers readiness on /healthz/ready'],
  ['services with different readiness paths behind one entry', platform({ workloads: { order: { image: 'c.io/order:1', probes: { readiness: '/ready' } }, tracking: IMAGES.tracking } }), 'the entry probes every service on one path, and the services\' readiness paths differ (order: /ready, tracking: /healthz/ready)'],
  ['Event Grid behind API Management', platform({ eventBus: { transport: EventTransport.eventGrid() }, entry: { apiManagement: { publisherName: 'Contoso', publisherEmail: 'p@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } } } }), 'invalid eventBus.transport "eventGrid": Event Grid\'s webhook handshake and deliveries would reach the tracking service through API Management'],
  ['an event bus name for a region without the resource, on the platform', platform({ eventBus: { names: { serviceBusNamespaces: { eastus: 'contoso-orders-e1' } } } }), 'shop-data/EventBus: invalid eventBus.names.serviceBusNamespaces.eastus "contoso-orders-e1": no Service Bus namespace of this construct is in eastus'],
  ['a data contributor as a principal ID string, on the platform', platform({ trackingStore: { dataContributors: { Auditor: PRINCIPAL } } }), `shop: invalid trackingStore.dataContributors.Auditor "${PRINCIPAL}": expected a principal`],
  ['deferSubscriptions on the platform', platform({ eventBus: { transport: EventTransport.eventGrid({ deferSubscriptions: true }) } }), 'invalid eventBus.transport.deferSubscriptions true: the platform always creates the subscriptions in the edge stack'],
  ['a webhook on the platform\'s domain outside the tracking route', platform({ eventBus: { transport: EventTransport.eventGrid({ webhookUrl: 'https://shop.contoso.com/events' }) }, entry: { frontDoor: { customDomains: ['shop.contoso.com'] } } }), 'invalid eventBus.transport.webhookUrl "https://shop.contoso.com/events": Front Door forwards only the services\' paths, and this path is not under the tracking route. Fix: use https://shop.contoso.com/tracking/events'],
  ['a subscribed webhook with nothing to derive it from', platform({ eventBus: { transport: EventTransport.eventGrid({ subscribe: true }) }, entry: { trafficManager: { services: ['tracking'] }, frontDoor: { originHostHeaders: { order: 'orders.contoso.com' } } } }), 'invalid eventBus.transport.webhookUrl (undefined): the webhook is derived from the Front Door entry that serves the tracking service, and there is none'],
  ['workloads that do not fit their node pool', platform({ kubernetes: { userPool: { maxCount: 3 } }, workloads: { order: { image: 'c.io/order:1', maxReplicas: 60, resources: { cpuRequest: '1', cpuLimit: '1' } }, tracking: IMAGES.tracking } }), 'invalid kubernetes.userPool {"region":"westus3","vmSize":"Standard_D4ds_v5","minCount":3,"maxCount":3}: in westus3 the workloads do not fit the user node pool at its maximum'],
  ['a platform id with upper-case letters', () => new MultiRegionOrderPlatform(Testing.app(), 'Shop', { prefix: 'shop', pattern: zr, regions: ['westus3'] }), 'Shop: invalid id "Shop": the platform id starts every stack name and state key'],
  ['a platform inside a stack', () => new MultiRegionOrderPlatform(new TerraformStack(Testing.app(), 'stack'), 'shop', { prefix: 'shop', pattern: zr, regions: ['westus3'] }), 'invalid scope "stack": the platform creates its own stacks and cannot live inside a stack'],
  // --- Redundancy patterns ---
  ['a typo in the standby option', platform({}, RedundancyPattern.activePassive({ stanby: 'pilot-light' } as Loose), ['eastus2', 'centralus']), "invalid pattern.stanby \"pilot-light\": unknown option 'stanby', which would be ignored. Fix: did you mean 'standby'?"],
  ['an unknown standby mode', platform({}, RedundancyPattern.activePassive({ standby: 'cold' } as Loose), ['eastus2', 'centralus']), "invalid pattern.standby \"cold\": expected one of 'warm', 'pilot-light'"],
  ['allowSecondaryWithoutZones as a string', platform({}, RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: 'yes' } as Loose)), 'invalid pattern.allowSecondaryWithoutZones "yes": expected true or false'],
  ['a typo in the residency option (would drop the residency check)', platform({ entry: undefined, workloads: undefined }, RedundancyPattern.regionPinned({ residence: { westeurope: 'Europe' } } as Loose), ['westeurope']), "invalid pattern.residence {\"westeurope\":\"Europe\"}: unknown option 'residence', which would be ignored. Fix: did you mean 'residency'?"],
  ['a residency keyed by a misspelt region', platform({ entry: undefined, workloads: undefined }, RedundancyPattern.regionPinned({ residency: { westeurop: 'Europe' } }), ['westeurope']), "invalid pattern.residency.westeurop \"Europe\": residency is declared for region 'westeurop', which is not one of the platform's cells"],
  ['a residency that is not a string', platform({ entry: undefined, workloads: undefined }, RedundancyPattern.regionPinned({ residency: { westeurope: true } } as Loose), ['westeurope']), 'invalid pattern.residency.westeurope true: expected a geography name, got the boolean true'],
  ['options given to a pattern that takes none', platform({}, (RedundancyPattern.zoneRedundant as Loose)({ zones: 2 }), ['westus3']), "invalid pattern.zones 2: unknown option 'zones', which would be ignored. Fix: remove it"],
  ['null options', platform({}, RedundancyPattern.primarySecondary(null as Loose)), 'invalid pattern null: expected an object, got null'],
  ['a misspelt region', platform({ regions: ['west-us-3', 'eastus'] }), "invalid regions[0] \"west-us-3\": not an Azure public region in the catalog (use the programmatic name, as `az account list-locations -o table` prints it). Fix: did you mean 'westus3' (West US 3)?"],
  ['too many regions for the pattern', platform({ regions: ['westus3', 'eastus', 'centralus'] }), 'invalid regions ["westus3","eastus","centralus"]: primarySecondary takes exactly 2 regions (primary, secondary), got 3'],
  // --- Address plan ---
  ['an address space with host bits set', platform({ addressPlan: { addressSpace: '10.100.1.0/16' } }), "invalid addressPlan.addressSpace \"10.100.1.0/16\": host bits are set, so it is not a network address. Fix: use '10.100.0.0/16'"],
  ['a region prefix length as a string', platform({ addressPlan: { regionPrefixLength: '20' } }), 'invalid addressPlan.regionPrefixLength "20": expected a number, got the string "20"'],
  ['an IPv4 octet above 255', platform({ addressPlan: { podCidr: '192.300.0.0/16' } }), 'invalid addressPlan.podCidr "192.300.0.0/16": not an IPv4 CIDR'],
  ['a service CIDR overlapping the address space', platform({ addressPlan: { serviceCidr: '10.110.0.0/16', addressSpace: '10.110.0.0/16' } }), 'invalid addressPlan.serviceCidr "10.110.0.0/16": overlaps the VNet address space'],
  ['a standalone address plan with an unknown key', () => new AddressPlan(scope(), { addressSpcae: '10.0.0.0/16' } as Loose, 1), "platform: invalid addressPlan.addressSpcae \"10.0.0.0/16\": unknown option 'addressSpcae'"],
  // --- Backend ---
  ['a backend storage account name Azure refuses', platform({ backend: PlatformBackend.azurerm({ resourceGroupName: 'rg-tf', storageAccountName: 'Contoso-State' }) }), 'invalid backend.storageAccountName "Contoso-State": a storage account name allows lower-case letters and digits only'],
  ['a typo in the backend options', platform({ backend: PlatformBackend.azurerm({ resourceGroupName: 'rg-tf', storageAccountName: 'contosostate', container: 'state' } as Loose) }), "invalid backend.container \"state\": unknown option 'container', which would be ignored. Fix: did you mean 'containerName'?"],
  // --- RegionalStamp ---
  ['a stamp with an unknown key', stamp({ zoneRedundnt: false }), "test/Stamp: invalid zoneRedundnt false: unknown option 'zoneRedundnt', which would be ignored. Fix: did you mean 'zoneRedundant'?"],
  ['zoneRedundant as a string', stamp({ zoneRedundant: 'false' }), 'invalid zoneRedundant "false": expected true or false'],
  ['a zonal user pool of 2 nodes', stamp({ kubernetes: { userPool: { minCount: 2 } } }), 'invalid kubernetes.userPool.minCount 2: must be an integer from 3 to 1000 (one user node per zone'],
  ['a system pool of 2 nodes', stamp({ kubernetes: { systemPool: { minCount: 2 } } }), 'invalid kubernetes.systemPool.minCount 2: must be an integer from 3 to 1000'],
  ['a pool maximum below its minimum', stamp({ kubernetes: { userPool: { minCount: 5, maxCount: 4 } } }), 'invalid kubernetes.userPool.maxCount 4: must be an integer from 5 to 1000'],
  ['a VM size that is not one', stamp({ kubernetes: { userPool: { vmSize: 'D4ds_v5' } } }), 'invalid kubernetes.userPool.vmSize "D4ds_v5": not an Azure VM size name'],
  ['a fractional node count', stamp({ kubernetes: { userPool: { maxCount: 10.5 } } }), 'invalid kubernetes.userPool.maxCount 10.5: must be an integer'],
  ['a maintenance window shorter than 4 hours', stamp({ kubernetes: { maintenanceWindow: { durationHours: 2 } } }), 'invalid kubernetes.maintenanceWindow.durationHours 2: must be an integer from 4 to 24'],
  ['a maintenance start time that is not HH:MM', stamp({ kubernetes: { maintenanceWindow: { startTime: '2am' } } }), 'invalid kubernetes.maintenanceWindow.startTime "2am": not a 24-hour HH:MM time'],
  ['an unknown day', stamp({ kubernetes: { maintenanceWindow: { dayOfWeek: 'Sun' } } }), "invalid kubernetes.maintenanceWindow.dayOfWeek \"Sun\": expected one of 'Monday'"],
  ['a public ingress port above 65535', stamp({ publicIngressPorts: [70000] }), 'invalid publicIngressPorts[0] 70000: must be an integer from 1 to 65535'],
  ['a registry key that cannot be a construct ID', stamp({ kubernetes: { containerRegistries: { 'my-acr': '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myacr' } } }), 'invalid kubernetes.containerRegistries.my-acr "my-acr": keys become construct IDs'],
  ['a Key Vault name override Azure refuses', stamp({ names: { keyVault: 'kv_orders' } }), 'invalid names.keyVault "kv_orders": a Key Vault name allows'],
  ['an address index outside the plan', stamp({ addressIndex: 16 }), 'invalid addressIndex 16: must be an integer from 0 to 15 (the block must lie inside the address plan)'],
  ['a role that is not one', stamp({ role: 'leader' }), "invalid role \"leader\": expected one of 'primary', 'secondary', 'active', 'passive', 'cell'"],
  ['a zone-redundant stamp where there are no zones', stamp({ region: 'westus' }), 'invalid region "westus": West US has no availability zones, so the stamp cannot be zone-redundant'],
  ['a stamp without a monitoring sink', () => new RegionalStamp(testStack(), 'Stamp', { region: 'westus3', prefix: 'shop' } as Loose), 'invalid monitoring (undefined): expected a monitoring sink (RegionalMonitoring), got nothing (undefined)'],
  ['a workspace name on a stamp (it creates no workspace)', stamp({ names: { logAnalyticsWorkspace: 'log' } }), "invalid names.logAnalyticsWorkspace \"log\": unknown option 'logAnalyticsWorkspace', which would be ignored"],
  ['a data tier without a monitoring sink for a region', () => new TrackingStore(testStack(), 'Tracking', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']), createResourceGroups: true, monitoring: { westus3: sink('westus3') } }), 'invalid monitoring ["westus3"]: no monitoring sink for eastus: the construct sends its diagnostics there and creates no workspace of its own'],
  ['a data tier with neither resource groups nor createResourceGroups', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], monitoring: { westus3: sink('westus3') } }), "invalid resourceGroupNames []: no resource group for westus3, and createResourceGroups is not set: the construct creates no group it was not asked for. Fix: pass resourceGroupNames: { westus3: '<existing group>' }, or set createResourceGroups: true"],
  ['an entry with neither a resource group nor createResourceGroup', entry({ createResourceGroup: undefined }), "invalid resourceGroupName (undefined): no resource group for the global resources, and createResourceGroup is not set"],
  ['an entry resource group name Azure refuses', entry({ resourceGroupName: 'rg edge' }), 'invalid resourceGroupName "rg edge"'],
  ['every stamp problem at once', stamp({ kubernetes: { userPool: { minCount: 1 }, systemPool: { minCount: 1 }, maintenanceWindow: { durationHours: 2 } } }), 'test/Stamp: 3 problems'],
  ['every shape problem at once', stamp({ zoneRedundant: 'yes', kubernetes: { automaticUpgradeChannel: 'nightly', userPool: { minCnt: 3 } } }), 'test/Stamp: 3 problems'],
  // --- ActivePassiveDatabase ---
  ['a SQL option with a typo', sql({ maxSizeGB: 64 }), "invalid engine.maxSizeGB 64: unknown option 'maxSizeGB', which would be ignored. Fix: did you mean 'maxSizeGb'?"],
  ['a PostgreSQL option on SQL', sql({ storageMb: 65536 }), "invalid engine.storageMb 65536: the sql engine has no option 'storageMb'; it is a postgresql option"],
  ['a SQL option on PostgreSQL', pg({ failoverMode: 'Manual' }), "invalid engine.failoverMode \"Manual\": the postgresql engine has no option 'failoverMode'; it is a sql option"],
  ['a Hyperscale SKU', sql({ skuName: 'HS_Gen5_2' }), 'invalid engine.skuName "HS_Gen5_2": zone-redundant Hyperscale needs high-availability replicas'],
  ['a Standard SKU', sql({ skuName: 'S3' }), 'invalid engine.skuName "S3": Basic and Standard databases cannot be zone-redundant'],
  ['a retention of 40 days', sql({ shortTermRetentionDays: 40 }), 'invalid engine.shortTermRetentionDays 40: must be an integer from 7 to 35'],
  ['a long-term retention as an ISO 8601 period (the old option)', sql({ longTermRetention: { weekly: 'P4W' } }), "invalid engine.longTermRetention.weekly \"P4W\": unknown option 'weekly', which would be ignored. Fix: did you mean 'weeklyRetentionWeeks'?"],
  ['a weekly retention beyond 520 weeks', sql({ longTermRetention: { weeklyRetentionWeeks: 521 } }), 'invalid engine.longTermRetention.weeklyRetentionWeeks 521: must be an integer from 1 to 520 (Azure SQL keeps long-term backups 1-520 weeks)'],
  ['a monthly retention of 0 months', sql({ longTermRetention: { monthlyRetentionMonths: 0 } }), 'invalid engine.longTermRetention.monthlyRetentionMonths 0: must be an integer from 1 to 120 (Azure SQL keeps long-term backups 1-120 months)'],
  ['a yearly retention beyond 10 years', sql({ longTermRetention: { yearlyRetentionYears: 11 } }), 'invalid engine.longTermRetention.yearlyRetentionYears 11: must be an integer from 1 to 10 (Azure SQL keeps long-term backups 1-10 years)'],
  ['serverless with a skuName', sql({ skuName: 'GP_Gen5_2', compute: { kind: 'Serverless', maxVcores: 4 } }), 'invalid engine.skuName "GP_Gen5_2": serverless compute names its own SKU (GP_S_Gen5_<maxVcores>)'],
  ['serverless max vCores Azure has no size for', sql({ compute: { kind: 'Serverless', maxVcores: 64 } }), 'invalid engine.compute.maxVcores 64: Azure SQL General Purpose serverless (GP_S_Gen5_<max vCores>) comes in these sizes only (expected 1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80, got the number 64)'],
  ['serverless min vCores below Azure\'s floor for the max', sql({ compute: { kind: 'Serverless', maxVcores: 16, minVcores: 1 } }), "invalid engine.compute.minVcores 1: below Azure's floor of 2 min vCores for 16 max vCores"],
  ['serverless auto-pause on a database with long-term backups', sql({ compute: { kind: 'Serverless', maxVcores: 4, autoPauseDelayMinutes: 60 } }), 'invalid engine.compute.autoPauseDelayMinutes 60: Azure does not auto-pause a serverless database that is geo-replicated or keeps long-term backups'],
  ['a compute kind that does not exist', sql({ compute: { kind: 'Elastic' } }), 'invalid engine.compute'],
  ['a SQL night maintenance window where Azure has none', database({ regions: ['polandcentral'], engine: DatabaseEngine.sql({ maintenance: 'WeekdayNights' }) }), 'invalid engine.maintenance "WeekdayNights": Azure SQL offers no maintenance window choice in polandcentral'],
  ['a SQL secondary maintenance window without geo-secondaries', sql({ secondaryMaintenance: 'WeekendNights' }), 'invalid engine.secondaryMaintenance "WeekendNights": zoneRedundant has no geo-secondaries, so this setting would be ignored'],
  ['a fractional yearly retention', sql({ longTermRetention: { yearlyRetentionYears: 1.5 } }), 'invalid engine.longTermRetention.yearlyRetentionYears 1.5: must be an integer from 1 to 10'],
  ['a retention in weeks as a string', sql({ longTermRetention: { weeklyRetentionWeeks: '4' } }), 'invalid engine.longTermRetention.weeklyRetentionWeeks "4": expected a number, got the string "4"'],
  ['a retention in weeks from Terraform (a token)', sql({ longTermRetention: { weeklyRetentionWeeks: Token.asNumber(tf('${var.weeks}')) } }), 'invalid engine.longTermRetention.weeklyRetentionWeeks (a Terraform number token, unknown until apply): a Terraform token is unknown until apply'],
  ['a failover mode in lower case', sql({ failoverMode: 'manual' }), "invalid engine.failoverMode \"manual\": expected one of 'Automatic', 'Manual'"],
  ['a grace period with Manual failover', database({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], engine: DatabaseEngine.sql({ failoverMode: 'Manual', graceMinutes: 60 }) }), 'invalid engine.graceMinutes 60: a grace period only applies to Automatic failover'],
  ['failover options without a failover group', sql({ readableSecondary: true }), 'invalid engine.readableSecondary true: zoneRedundant has no failover group, so this setting would be ignored'],
  ['readableSecondary as a string', sql({ readableSecondary: 'no' }), 'invalid engine.readableSecondary "no": expected true or false'],
  ['a PostgreSQL version as a number', pg({ version: 16 }), "invalid engine.version 16: expected a major version string such as '16', got the number 16"],
  ['a Burstable PostgreSQL SKU with HA', pg({ skuName: 'B_Standard_B2s' }), 'invalid engine.skuName "B_Standard_B2s": Burstable servers cannot run high availability'],
  ['the same zone for primary and standby', pg({ primaryZone: '2', standbyZone: '2' }), 'invalid engine.standbyZone "2": zone-redundant HA needs the standby in a different zone'],
  ['read replicas on a Burstable SKU', pg({ skuName: 'B_Standard_B2s', highAvailability: 'Disabled', readReplicas: 2 }), 'invalid engine.readReplicas 2: Burstable servers cannot have read replicas'],
  ['read replicas above Azure\'s five per server', pg({ readReplicas: 6 }), 'invalid engine.readReplicas 6: must be an integer from 0 to 5 (a flexible server has at most 5 read replicas)'],
  ['read replicas that with the partner replica pass five', database({ engine: DatabaseEngine.postgresql({ readReplicas: 5 }), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] }), "invalid engine.readReplicas 5: primarySecondary keeps 1 cross-region replica(s) of each cell's server, and a flexible server has at most 5 replicas (6 needed)"],
  ['a read replica count as a string', pg({ readReplicas: '2' }), 'invalid engine.readReplicas "2": expected a number, got the string "2"'],
  ['a read replica count as a Terraform token', pg({ readReplicas: Token.asNumber(tf('var.replicas')) }), 'invalid engine.readReplicas'],
  ['same-zone HA in a zonal primary without naming the region', pg({ highAvailability: 'SameZone' }), "invalid engine.highAvailability \"SameZone\": West US 3 has availability zones, where a same-zone standby survives a server failure but not the loss of its zone, and zone-redundant HA is possible"],
  ['zone-redundant HA in a cell without zones', database({ engine: DatabaseEngine.postgresql({ highAvailability: { ukwest: 'ZoneRedundant' } }), pattern: RedundancyPattern.regionPinned({ allowCellsWithoutZones: true }), regions: ['ukwest'], ...ownGroups(['ukwest']) }), 'invalid engine.highAvailability.ukwest "ZoneRedundant": UK West has no availability zones, so a standby cannot be placed in another zone'],
  ['an HA mode for a region that homes no cell', database({ engine: DatabaseEngine.postgresql({ highAvailability: { eastus: 'SameZone' } }), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'] }), 'invalid engine.highAvailability.eastus "SameZone": no cell is homed in eastus'],
  ['an HA mode misspelt', pg({ highAvailability: 'zone-redundant' }), "invalid engine.highAvailability \"zone-redundant\": expected true, false, 'ZoneRedundant', 'SameZone', 'Disabled', or an object of home regions to one of those modes"],
  ['read replica names beyond the count', database({ engine: DatabaseEngine.postgresql({ readReplicas: 1 }), names: { postgresqlReadReplicas: { westus3: ['orders-r1', 'orders-r2'] } } }), 'invalid names.postgresqlReadReplicas.westus3 ["orders-r1","orders-r2"]: 2 name(s) for 1 in-region read replica(s)'],
  ['read scale-out on General Purpose SQL', sql({ readScaleOut: true }), 'invalid engine.readScaleOut true: GP_Gen5_2 keeps no readable high-availability replica to scale reads out to'],
  ['read scale-out on PostgreSQL', pg({ readScaleOut: true }), "invalid engine.readScaleOut true: the postgresql engine has no option 'readScaleOut'; it is a sql option"],
  ['read replicas on SQL', sql({ readReplicas: 2 }), "invalid engine.readReplicas 2: the sql engine has no option 'readReplicas'; it is a postgresql option"],
  ['a cell without zones, not allowed', database({ engine: DatabaseEngine.postgresql(), pattern: RedundancyPattern.regionPinned(), regions: ['ukwest'], ...ownGroups(['ukwest']) }), 'invalid regions[0] "ukwest": UK West has no availability zones, but the cell region of regionPinned must be zone-redundant'],
  ['a zone given as a number', pg({ primaryZone: 1 }), "invalid engine.primaryZone 1: expected one of '1', '2', '3', got the number 1"],
  ['a PostgreSQL maintenance window in the old UTC fields', pg({ maintenanceWindow: { startHour: 2 } }), "invalid engine.maintenanceWindow.startHour 2: unknown option 'startHour', which would be ignored. Fix: use only 'dayOfWeek', 'startTime', 'durationHours', 'utcOffset'"],
  ['a PostgreSQL maintenance window longer than one hour', pg({ maintenanceWindow: { durationHours: 4 } }), 'invalid engine.maintenanceWindow.durationHours 4: flexible server custom maintenance windows last one hour. Fix: set durationHours to 1, or leave it out'],
  ['a PostgreSQL maintenance day as a number', pg({ maintenanceWindow: { dayOfWeek: 0 } }), "invalid engine.maintenanceWindow.dayOfWeek 0: expected one of 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', got the number 0"],
  ['a PostgreSQL maintenance start of 24:00', pg({ maintenanceWindow: { startTime: '24:00' } }), 'invalid engine.maintenanceWindow.startTime "24:00": not a 24-hour HH:MM time'],
  ['a PostgreSQL maintenance offset without minutes', pg({ maintenanceWindow: { utcOffset: '+9' } }), 'invalid engine.maintenanceWindow.utcOffset "+9": not a UTC offset'],
  ['a maintenance window shared with AKS (4 hours) given to PostgreSQL', pg({ maintenanceWindow: { dayOfWeek: 'Saturday', startTime: '22:00', durationHours: 4, utcOffset: '+01:00' } }), 'invalid engine.maintenanceWindow.durationHours 4: flexible server custom maintenance windows last one hour'],
  ['an engine subclassed outside the library', database({ engine: new (class Mine extends (DatabaseEngine as Loose) {})() }), 'invalid engine (an instance of Mine): not an engine made by DatabaseEngine.sql() or DatabaseEngine.postgresql()'],
  // --- ActivePassiveDatabase names ---
  ['a SQL server name with upper case', database({ names: { sqlServers: { westus3: 'Orders-SQL' } } }), 'invalid names.sqlServers.westus3 "Orders-SQL": an Azure SQL logical server name allows lower-case letters, digits and hyphens'],
  ['a SQL server name for an unlisted region', database({ names: { sqlServers: { eastus: 'orders-sql' } } }), 'invalid names.sqlServers.eastus "eastus": zoneRedundant creates no Azure SQL logical server for this key, so the name would be ignored (keys are the regions: westus3)'],
  ['a failover group name without a failover group', database({ names: { sqlFailoverGroups: { westus3: 'orders-fg' } } }), 'invalid names.sqlFailoverGroups.westus3 "westus3": zoneRedundant creates no SQL auto-failover group for this key, so the name would be ignored (keys are the home regions of replicated cells: none under this pattern). Fix: drop names.sqlFailoverGroups'],
  ['a failover group keyed by the secondary region', database({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], names: { sqlFailoverGroups: { eastus: 'orders-fg' } } }), 'invalid names.sqlFailoverGroups.eastus "eastus": primarySecondary creates no SQL auto-failover group for this key, so the name would be ignored (keys are the home regions of replicated cells: westus3). Fix: key names.sqlFailoverGroups by westus3'],
  ['PostgreSQL names given to the SQL engine', database({ names: { postgresqlServers: { westus3: 'orders-psql' } } }), 'invalid names.postgresqlServers {"westus3":"orders-psql"}: the sql engine creates no such resources, so the names would be ignored. Fix: name only what this engine creates (sqlServers, sqlFailoverGroups, databases), or drop names.postgresqlServers'],
  ['SQL names given to the PostgreSQL engine', database({ engine: DatabaseEngine.postgresql(), names: { sqlServers: { westus3: 'orders-sql' } } }), 'invalid names.sqlServers {"westus3":"orders-sql"}: the postgresql engine creates no such resources'],
  ['a PostgreSQL server name of two characters', database({ engine: DatabaseEngine.postgresql(), names: { postgresqlServers: { westus3: 'ab' } } }), 'invalid names.postgresqlServers.westus3 "ab": a PostgreSQL flexible server name must be 3-63 characters long'],
  ['a virtual endpoint name under a pattern without replicas', database({ engine: DatabaseEngine.postgresql(), names: { postgresqlVirtualEndpoints: { westus3: 'orders-ve' } } }), 'invalid names.postgresqlVirtualEndpoints.westus3 "westus3": zoneRedundant creates no PostgreSQL virtual endpoint for this key'],
  ['a virtual endpoint name with an underscore', database({ engine: DatabaseEngine.postgresql(), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], names: { postgresqlVirtualEndpoints: { westus3: 'orders_ve' } } }), 'invalid names.postgresqlVirtualEndpoints.westus3 "orders_ve": a PostgreSQL virtual endpoint name allows lower-case letters, digits and hyphens'],
  ['replica names for a cell without replicas', database({ engine: DatabaseEngine.postgresql(), names: { postgresqlReplicas: { westus3: { eastus: 'orders-replica' } } } }), 'invalid names.postgresqlReplicas.westus3 "westus3": zoneRedundant keeps no read replica of a cell homed here, so the names would be ignored'],
  ['a replica name keyed by a region without a replica', database({ engine: DatabaseEngine.postgresql(), pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], names: { postgresqlReplicas: { westus3: { westus3: 'orders-replica' } } } }), 'invalid names.postgresqlReplicas.westus3.westus3 "westus3": primarySecondary creates no PostgreSQL flexible server for this key, so the name would be ignored (keys are the regions holding a replica of the westus3 cell: eastus)'],
  ['replica names as a flat map', database({ engine: DatabaseEngine.postgresql(), names: { postgresqlReplicas: { westus3: 'orders-replica' } } }), 'invalid names.postgresqlReplicas.westus3 "orders-replica": expected an object of region names to names, got the string "orders-replica"'],
  ['a PostgreSQL database name starting with a digit', database({ engine: DatabaseEngine.postgresql(), names: { databases: { westus3: '1orders' } } }), 'invalid names.databases.westus3 "1orders": a PostgreSQL database name allows letters, digits, - and _, not starting with a digit'],
  ['a SQL database name ending with a period', database({ names: { databases: { westus3: 'orders.' } } }), 'invalid names.databases.westus3 "orders.": an Azure SQL database name allows any characters but'],
  ['a database name for a region that is no cell', database({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], names: { databases: { eastus: 'orders' } } }), "invalid names.databases.eastus \"eastus\": primarySecondary creates no Azure SQL database for this key, so the name would be ignored (keys are the cells' home regions: westus3)"],
  ['two activeActive SQL cells with one database name', database({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], names: { databases: { eastus2: 'orders', westus3: 'orders' } } }), "invalid names.databases.eastus2 \"orders\": under activeActive every server holds every cell's database, and the westus3 cell's database has this name too"],
  ['an activeActive SQL database name equal to another cell\'s generated one', database({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], names: { databases: { eastus2: 'orders-westus3' } } }), "invalid names.databases.eastus2 \"orders-westus3\": under activeActive every server holds every cell's database, and the westus3 cell's database has this name too"],
  ['names for an unknown resource', database({ names: { keyVault: 'kv' } }), "invalid names.keyVault \"kv\": unknown option 'keyVault', which would be ignored"],
  ['an administrator object ID that is not one', database({ administrator: { objectId: 'sg-db', name: 'sg-db' } }), 'invalid administrator.objectId "sg-db": not an Entra ID object ID (a GUID)'],
  ['an administrator type in lower case', database({ administrator: { ...ADMIN, type: 'group' } }), "invalid administrator.type \"group\": expected one of 'Group', 'User', 'ServicePrincipal'"],
  ['a database name with a hyphen', database({ databaseName: 'order-db' }), 'invalid databaseName "order-db": database names here are 1-40 lower-case letters, digits and underscores'],
  ['a removal policy given by name', database({ removalPolicy: 'keep' }), "invalid removalPolicy \"keep\": expected one of 'retain', 'destroy'"],
  ['a monitoring sink keyed by an unlisted region', database({ monitoring: { eastus: { workspaceId: 'x', appInsightsConnectionString: 'y' } } }), 'invalid monitoring.eastus "eastus": not one of the regions (westus3), so the setting would be ignored'],
  ['a monitoring sink that is not one', database({ monitoring: { westus3: 'log-analytics' } }), 'invalid monitoring.westus3 "log-analytics": expected a monitoring sink (RegionalMonitoring)'],
  ['every database problem at once', sql({ shortTermRetentionDays: 40, maxSizeGb: 0, longTermRetention: { weeklyRetentionWeeks: 1000 } }), 'test/OrderDb: 3 problems'],
  ['every database problem at once, names among them', database({ engine: DatabaseEngine.postgresql({ maintenanceWindow: { durationHours: 2 } }), names: { postgresqlServers: { westus3: 'X' }, sqlServers: { westus3: 'x' } } }), 'test/OrderDb: 3 problems'],
  ['connecting something that is not a stamp', () => new ActivePassiveDatabase(testStack(), 'OrderDb', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']), engine: DatabaseEngine.sql(), administrator: ADMIN, ...ownGroups(['westus3']) }).connect({ region: 'westus3' } as Loose), 'invalid connect(stamp) {"region":"westus3"}: expected a RegionalStamp, got an object'],
  ['connecting a stamp twice', () => { const s = testStack(); const t = new TrackingStore(s, 'Tracking', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }); const st = new RegionalStamp(s, 'Stamp', { region: 'westus3', prefix: 'shop', monitoring: sink('westus3') }); t.connect(st); t.connect(st); }, 'invalid connect(stamp) "test/Stamp": this stamp is already connected'],
  ['a scheduling check without pools', () => checkSchedulability(undefined as Loose, []), 'checkSchedulability: invalid pools (undefined): expected a list, got nothing (undefined). Fix: pass RegionalStamp.nodePools'],
  // --- TrackingStore ---
  ['a typo in the deliveries container', tracking({ deliveries: { partitionKey: '/orderId' } }), "invalid deliveries.partitionKey \"/orderId\": unknown option 'partitionKey', which would be ignored. Fix: did you mean 'partitionKeyPath'?"],
  ['a throughput that is not a step of 1000', tracking({ deliveries: { maxThroughput: 4500 } }), 'invalid deliveries.maxThroughput 4500: autoscale maximum throughput is 1000 RU/s or more, in steps of 1000'],
  ['Strong consistency with multi-region writes', () => new TrackingStore(testStack(), 'Tracking', { prefix: 'shop', pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], ...ownGroups(['eastus2', 'westus3']), consistency: 'Strong' }), 'invalid consistency "Strong": Strong consistency cannot be combined with multi-region writes'],
  ['continuous backup with multi-region writes', () => new TrackingStore(testStack(), 'Tracking', { prefix: 'shop', pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'westus3'], ...ownGroups(['eastus2', 'westus3']), backup: 'continuous7Days' }), 'invalid backup "continuous7Days": this library does not combine continuous backup with multi-region writes'],
  ['a data contributor that is not a principal ID', tracking({ dataContributors: { Tracker: { principalId: 'tracking-identity' } } }), 'invalid dataContributors.Tracker.principalId "tracking-identity": not an Entra ID principal (object) ID (a GUID)'],
  ['a data contributor key that cannot be a construct ID', tracking({ dataContributors: { 'tracking-api': { principalId: PRINCIPAL } } }), 'invalid dataContributors.tracking-api "tracking-api": keys become construct IDs'],
  ['a container named leases', tracking({ deliveries: { name: 'leases' } }), "invalid deliveries.name \"leases\": container names here are 1-40 lower-case letters, digits and hyphens, and 'leases' is taken by the change feed"],
  ['a TTL of zero', tracking({ deliveries: { defaultTtlSeconds: 0 } }), 'invalid deliveries.defaultTtlSeconds 0: must be an integer from 1 to 2147483647'],
  ['a data contributor as a principal ID string (the old form)', tracking({ dataContributors: { Tracker: PRINCIPAL } }), `invalid dataContributors.Tracker "${PRINCIPAL}": expected a principal (an object with a principalId, such as a UserAssignedIdentity or { principalId: '<Entra ID object ID>' }), got the string`],
  ['a data contributor without a principalId', tracking({ dataContributors: { Tracker: { objectId: PRINCIPAL } } }), 'invalid dataContributors.Tracker.principalId (undefined): expected a principalId string, got nothing (undefined)'],
  ['a Cosmos account name for a region without an account', () => new TrackingStore(testStack(), 'Tracking', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']), names: { cosmosAccounts: { eastus: 'contoso-tracking' } } }), 'invalid names.cosmosAccounts.eastus "contoso-tracking": no Cosmos DB account of this construct is in eastus (only in westus3), so the name would be ignored'],
  ['a Cosmos account name Azure refuses', tracking({ names: { cosmosAccounts: { westus3: 'ct' } } }), 'invalid names.cosmosAccounts.westus3 "ct": a Cosmos DB account name must be 3-44 characters long'],
  ['a leases container named like the deliveries container', tracking({ names: { leasesContainer: 'deliveries' } }), 'invalid names.leasesContainer "deliveries": the deliveries container has this name'],
  ['a data contributor grant without an id', () => new TrackingStore(testStack(), 'Tracking', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantDataContributor({ principalId: PRINCIPAL }), "invalid grantDataContributor(options).id (undefined): the grantee is not a construct"],
  ['a data contributor grant of a principal ID string', () => new TrackingStore(testStack(), 'Tracking', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantDataContributor(PRINCIPAL as Loose, { id: 'Tracker' }), `invalid grantDataContributor(grantee) "${PRINCIPAL}": expected a principal`],
  // --- EventBus ---
  ['a typo in the Service Bus options', bus({ transport: EventTransport.serviceBus({ capacty: 2 } as Loose) }), "invalid transport.capacty 2: unknown option 'capacty', which would be ignored. Fix: did you mean 'capacity'?"],
  ['a capacity not a multiple of the partitions', bus({ transport: EventTransport.serviceBus({ capacity: 2, partitions: 4 }) }), 'invalid transport.partitions 4: 2 messaging unit(s) cannot be spread over 4 partitions'],
  ['a lock duration above 5 minutes', bus({ transport: EventTransport.serviceBus({ lockDurationSeconds: 301 }) }), 'invalid transport.lockDurationSeconds 301: must be an integer from 5 to 300 (Azure locks a message for at most 5 minutes)'],
  ['a duration as an ISO 8601 string (the old form)', bus({ transport: EventTransport.serviceBus({ defaultMessageTtlDays: 'P14D' } as Loose) }), 'invalid transport.defaultMessageTtlDays "P14D": expected a number, got the string "P14D"'],
  ['an Event Grid option with a typo', bus({ transport: EventTransport.eventGrid({ webhookURL: 'https://x.contoso.com' } as Loose) }), "invalid transport.webhookURL \"https://x.contoso.com\": unknown option 'webhookURL'"],
  ['subscribe as a string', bus({ transport: EventTransport.eventGrid({ subscribe: 'true' } as Loose) }), 'invalid transport.subscribe "true": expected true or false'],
  ['subscribing without a webhook', bus({ transport: EventTransport.eventGrid({ subscribe: true }) }), 'invalid transport.webhookUrl (undefined): subscribe is true, and Event Grid needs the webhook to deliver to'],
  ['more delivery attempts than Event Grid makes', bus({ transport: EventTransport.eventGrid({ maxDeliveryAttempts: 50 }) }), 'invalid transport.maxDeliveryAttempts 50: must be an integer from 1 to 30'],
  ['senders as a list', bus({ senders: [{ principalId: PRINCIPAL }] }), 'invalid senders [{"principalId":"44444444-4444-4444-4444-444444444444"}]: expected an object of keys to principals, e.g. { OrderService: identity }, got a list'],
  ['a sender as a principal ID string (the old form)', bus({ senders: { OrderService: PRINCIPAL } }), `invalid senders.OrderService "${PRINCIPAL}": expected a principal (an object with a principalId`],
  ['a receiver whose principalId is a number', bus({ receivers: { Tracker: { principalId: 42 } } }), 'invalid receivers.Tracker.principalId 42: expected a principalId string, got the number 42'],
  ['a send grant without an id', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantSend({ principalId: PRINCIPAL }), "invalid grantSend(options).id (undefined): the grantee is not a construct, so there is no construct ID to derive the role assignments' IDs from"],
  ['a send grant of null', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantSend(null as Loose, { id: 'Order' }), 'invalid grantSend(grantee) null: expected a principal'],
  ['a send grant whose principal is not a GUID', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantSend({ principalId: 'order-identity' }, { id: 'Order' }), 'invalid grantSend(grantee).principalId "order-identity": not an Entra ID principal (object) ID'],
  ['grant regions as a string (would grant everywhere or nowhere)', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantSend({ principalId: PRINCIPAL }, { id: 'Order', regions: 'westus3' as Loose }), 'invalid grantSend(options).regions "westus3": expected a list of region names'],
  ['a grant in a region the bus has nothing in', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantSend({ principalId: PRINCIPAL }, { id: 'Order', regions: ['eastus'] }), 'invalid grantSend(options).regions "eastus": test/Events has no resources homed in eastus'],
  ['an empty list of grant regions (would grant nothing)', () => new TrackingStore(testStack(), 'Tracking', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantDataContributor({ principalId: PRINCIPAL }, { id: 'Tracker', regions: [] }), 'invalid grantDataContributor(options).regions []: an empty list grants nothing'],
  ['a grant id with a slash', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantSend({ principalId: PRINCIPAL }, { id: 'order/send' }), 'invalid grantSend(options).id "order/send": the id starts construct IDs and Terraform addresses'],
  ['a receive grant with Event Grid', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']), transport: EventTransport.eventGrid() }).grantReceive({ principalId: PRINCIPAL }, { id: 'Tracker' }), 'invalid grantReceive(grantee) {"principalId":"44444444-4444-4444-4444-444444444444"}: Event Grid pushes events to the webhook'],
  ['the same send grant twice', () => { const s = testStack(); const b = new EventBus(s, 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }); b.grantSend({ principalId: PRINCIPAL }, { id: 'Order' }); b.grantSend({ principalId: PRINCIPAL }, { id: 'Order' }); }, "invalid grantSend(options).id \"Order\": test/Events already holds a construct 'Order-westus3'"],
  ['a lock duration in minutes by mistake (0)', bus({ transport: EventTransport.serviceBus({ lockDurationSeconds: 0 }) }), 'invalid transport.lockDurationSeconds 0: must be an integer from 5 to 300'],
  ['a duplicate-detection window of 8 days', bus({ transport: EventTransport.serviceBus({ duplicateDetectionWindowMinutes: 8 * 1440 }) }), 'invalid transport.duplicateDetectionWindowMinutes 11520: must be an integer from 1 to 10080'],
  ['a message time to live of half a day', bus({ transport: EventTransport.serviceBus({ defaultMessageTtlDays: 0.5 }) }), 'invalid transport.defaultMessageTtlDays 0.5: must be an integer from 1 to 10675199'],
  ['the old ISO 8601 lock duration option', bus({ transport: EventTransport.serviceBus({ lockDuration: 'PT1M' } as Loose) }), "invalid transport.lockDuration \"PT1M\": unknown option 'lockDuration', which would be ignored. Fix: did you mean 'lockDurationSeconds'?"],
  ['a namespace name for the standby region', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']), names: { serviceBusNamespaces: { eastus: 'contoso-orders-e1' } } }), 'invalid names.serviceBusNamespaces.eastus "contoso-orders-e1": no Service Bus namespace of this construct is in eastus (only in westus3), so the name would be ignored'],
  ['a standby namespace name without a standby', bus({ names: { standbyNamespaces: { westus3: 'contoso-orders-dr' } } }), 'invalid names.standbyNamespaces.westus3 "contoso-orders-dr": this construct creates no Service Bus namespace, so the name would be ignored'],
  ['an alias named like its namespace', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']), names: { serviceBusNamespaces: { westus3: 'contoso-orders' }, geoDrAliases: { westus3: 'contoso-orders' } } }), 'invalid names.geoDrAliases.westus3 "contoso-orders": the same name as names.serviceBusNamespaces.westus3'],
  ['a namespace name ending in -sb', bus({ names: { serviceBusNamespaces: { westus3: 'contoso-orders-sb' } } }), "invalid names.serviceBusNamespaces.westus3 \"contoso-orders-sb\": a Service Bus namespace name must not end with '-sb' or '-mgmt'"],
  ['a topic name with a space', bus({ names: { topic: 'order events' } }), 'invalid names.topic "order events": a Service Bus topic name allows'],
  ['a Service Bus subscription name of 51 characters', bus({ names: { subscription: 's'.repeat(51) } }), 'a Service Bus subscription name must be 1-50 characters long'],
  ['Event Grid names on a Service Bus bus', bus({ names: { deadLetterContainer: 'dead' } }), 'invalid names.deadLetterContainer "dead": it names an Event Grid resource, and this bus uses Service Bus, so the name would be ignored'],
  ['Service Bus names on an Event Grid bus', bus({ transport: EventTransport.eventGrid(), names: { geoDrAliases: { westus3: 'contoso-orders' } } }), 'invalid names.geoDrAliases {"westus3":"contoso-orders"}: it names a Service Bus resource, and this bus uses Event Grid'],
  ['an Event Grid topic name with a dot', bus({ transport: EventTransport.eventGrid(), names: { eventGridTopics: { westus3: 'orders.events' } } }), 'invalid names.eventGridTopics.westus3 "orders.events": an Event Grid topic name allows letters, digits and hyphens'],
  ['a dead-letter storage account with hyphens', bus({ transport: EventTransport.eventGrid(), names: { deadLetterStorageAccounts: { westus3: 'contoso-dl' } } }), 'invalid names.deadLetterStorageAccounts.westus3 "contoso-dl": a storage account name allows lower-case letters and digits only'],
  ['a dead-letter container with two hyphens in a row', bus({ transport: EventTransport.eventGrid(), names: { deadLetterContainer: 'dead--letters' } }), 'invalid names.deadLetterContainer "dead--letters": a blob container name must not contain consecutive hyphens'],
  ['an Event Grid subscription name of two characters', bus({ transport: EventTransport.eventGrid(), names: { subscription: 'dt' } }), 'invalid names.subscription "dt": an Event Grid subscription name must be 3-64 characters long'],
  ['a typo in the event bus names', bus({ names: { aliases: {} } }), "invalid names.aliases {}: unknown option 'aliases', which would be ignored"],
  ['every event bus problem at once', bus({ transport: EventTransport.serviceBus({ capacity: 3, lockDurationSeconds: 600 }) }), 'test/Events: 2 problems'],
  // --- EventBus: Event Hubs ---
  ['Event Hubs partitions above Standard', bus({ transport: EventTransport.eventHubs({ partitions: 33 }) }), 'invalid transport.partitions 33: must be an integer from 1 to 32 (an event hub in Standard has 1 to 32 partitions). Fix: set transport.partitions between 1 and 32'],
  ['Event Hubs partitions above Premium', bus({ transport: EventTransport.eventHubs({ sku: 'Premium', partitions: 101 }) }), 'invalid transport.partitions 101: must be an integer from 1 to 100 (an event hub in Premium has 1 to 100 partitions)'],
  ['no Event Hubs partitions', bus({ transport: EventTransport.eventHubs({ partitions: 0 }) }), 'invalid transport.partitions 0: must be an integer from 1 to 32'],
  ['an Event Hubs retention beyond Standard', bus({ transport: EventTransport.eventHubs({ retentionDays: 8 }) }), 'invalid transport.retentionDays 8: must be an integer from 1 to 7 (Standard keeps events 1 to 7 days)'],
  ['an Event Hubs retention beyond Premium', bus({ transport: EventTransport.eventHubs({ sku: 'Premium', retentionDays: 91 }) }), 'invalid transport.retentionDays 91: must be an integer from 1 to 90'],
  ['Standard throughput units above 40', bus({ transport: EventTransport.eventHubs({ capacity: 41 }) }), 'invalid transport.capacity 41: must be an integer from 1 to 40 (a Standard namespace has 1 to 40 throughput units)'],
  ['Premium processing units Event Hubs does not offer', bus({ transport: EventTransport.eventHubs({ sku: 'Premium', capacity: 3 }) }), 'invalid transport.capacity 3: not a number of Premium processing units Event Hubs offers'],
  ['the Basic Event Hubs tier', bus({ transport: EventTransport.eventHubs({ sku: 'Basic' } as Loose) }), "invalid transport.sku \"Basic\": expected one of 'Standard', 'Premium'"],
  ['an Event Hubs tier in lower case', bus({ transport: EventTransport.eventHubs({ sku: 'premium' } as Loose) }), "invalid transport.sku \"premium\": expected one of 'Standard', 'Premium'"],
  ['auto-inflate on Premium', bus({ transport: EventTransport.eventHubs({ sku: 'Premium', maximumThroughputUnits: 10 }) }), 'invalid transport.maximumThroughputUnits 10: auto-inflate exists only for Standard throughput units'],
  ['an auto-inflate maximum below the capacity', bus({ transport: EventTransport.eventHubs({ capacity: 4, maximumThroughputUnits: 2 }) }), 'invalid transport.maximumThroughputUnits 2: must be an integer from 4 to 40'],
  ['a typo in the Event Hubs options', bus({ transport: EventTransport.eventHubs({ partitionCount: 8 } as Loose) }), "invalid transport.partitionCount 8: unknown option 'partitionCount', which would be ignored"],
  ['a Service Bus option on Event Hubs', bus({ transport: EventTransport.eventHubs({ lockDurationSeconds: 60 } as Loose) }), "invalid transport.lockDurationSeconds 60: unknown option 'lockDurationSeconds'"],
  ['a transport both Service Bus and Event Hubs (one object)', bus({ transport: { serviceBus: {}, eventHubs: { partitions: 8 } } as Loose }), 'invalid transport {"serviceBus":{},"eventHubs":{"partitions":8}}: expected exactly one EventTransport (EventTransport.serviceBus({...}), EventTransport.eventHubs({...}) or EventTransport.eventGrid({...}))'],
  ['a transport both Service Bus and Event Hubs (a list)', platform({ eventBus: { transport: [EventTransport.serviceBus(), EventTransport.eventHubs({ partitions: 8 })] } }), 'invalid eventBus.transport ["EventTransport.serviceBus({})","EventTransport.eventHubs({\\"partitions\\":8})"]: expected exactly one EventTransport'],
  ['Service Bus namespace names on an Event Hubs bus', bus({ transport: EventTransport.eventHubs(), names: { serviceBusNamespaces: { westus3: 'contoso-orders' } } }), 'invalid names.serviceBusNamespaces {"westus3":"contoso-orders"}: it names a Service Bus resource, and this bus uses Event Hubs, so the name would be ignored'],
  ['Event Hubs namespace names on a Service Bus bus', bus({ names: { eventHubNamespaces: { westus3: 'contoso-orders' } } }), 'invalid names.eventHubNamespaces {"westus3":"contoso-orders"}: it names an Event Hubs resource, and this bus uses Service Bus'],
  ['an Event Hubs namespace name ending in -sb', bus({ transport: EventTransport.eventHubs(), names: { eventHubNamespaces: { westus3: 'contoso-orders-sb' } } }), "invalid names.eventHubNamespaces.westus3 \"contoso-orders-sb\": an Event Hubs namespace name must not end with '-sb' or '-mgmt'"],
  ['a consumer group name with a slash', bus({ transport: EventTransport.eventHubs(), names: { subscription: 'delivery/tracking' } }), 'invalid names.subscription "delivery/tracking": an event hub consumer group name allows letters, digits, periods, hyphens and underscores'],
  ['an Event Hubs standby name where nothing pairs', bus({ transport: EventTransport.eventHubs(), names: { standbyNamespaces: { westus3: 'contoso-orders-dr' } } }), 'invalid names.standbyNamespaces.westus3'],
  ['a backlog grant with Event Hubs', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']), transport: EventTransport.eventHubs() }).grantBacklogRead({ principalId: PRINCIPAL }, { id: 'Keda' }), 'invalid grantBacklogRead(grantee) {"principalId":"44444444-4444-4444-4444-444444444444"}: KEDA has no backlog scaler for Event Hubs'],
  ['an eventBusLoss drill with Event Hubs', platform({ eventBus: { transport: EventTransport.eventHubs() }, drills: { scenarios: ['eventBusLoss'] } }), 'Chaos Studio has no Event Grid or Event Hubs fault'],
  // --- GlobalEntry ---
  ['a typo in the Front Door options', entry({ frontDoor: { originHostHeaders: HEADERS, privatLink: false } }), "invalid frontDoor.privatLink false: unknown option 'privatLink', which would be ignored. Fix: did you mean 'privateLink'?"],
  ['allowCrossCellFallback as a string (would break residency)', () => new GlobalEntry(testStack(), 'Entry', { prefix: 'shop', createResourceGroup: true, pattern: RedundancyPattern.regionPinned(), regions: ['westeurope', 'japaneast'], ingress: [{ ...INGRESS, region: 'westeurope' }, { ...INGRESS, region: 'japaneast' }], frontDoor: { originHostHeaders: HEADERS }, geoRouting: { countries: { westeurope: ['DE'], japaneast: ['JP'] }, allowCrossCellFallback: 'false' as Loose } }), 'invalid geoRouting.allowCrossCellFallback "false": expected true or false (a boolean, not a string), got the string "false"'],
  ['an origin host header for a service Front Door does not serve', entry({ publicOrigins: { westus3: { tracking: 'tracking-westus3.contoso.com' } }, trafficManager: { services: ['tracking'] }, frontDoor: { originHostHeaders: HEADERS } }), "invalid frontDoor.originHostHeaders.tracking \"tracking.contoso.com\": Front Door does not serve 'tracking' here (order), so the setting would be ignored"],
  ['public origins nobody uses', entry({ publicOrigins: { westus3: { order: 'orders.contoso.com' } } }), 'invalid publicOrigins ["westus3"]: every service is reached over Private Link, so public origins would be ignored'],
  ['Private Link locations with public origins', entry({ publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } }, frontDoor: { privateLink: false, privateLinkLocations: { westus3: 'eastus' } } }), 'invalid frontDoor.privateLinkLocations {"westus3":"eastus"}: the origins are not reached over Private Link, so the setting would be ignored'],
  ['a Private Link location keyed by an unlisted region', entry({ frontDoor: { originHostHeaders: HEADERS, privateLinkLocations: { eastus: 'eastus' } } }), 'invalid frontDoor.privateLinkLocations.eastus "eastus": not one of the regions (westus3)'],
  ['a custom domain listed twice', entry({ frontDoor: { customDomains: ['shop.contoso.com', 'shop.contoso.com'] } }), 'invalid frontDoor.customDomains ["shop.contoso.com","shop.contoso.com"]: a custom domain is listed twice'],
  ['a Traffic Manager TTL as a string', entry({ publicOrigins: { westus3: { tracking: 't.contoso.com' } }, trafficManager: { services: ['tracking'], dnsTtlSeconds: '30' }, frontDoor: { originHostHeaders: { order: 'orders.contoso.com' } } }), 'invalid trafficManager.dnsTtlSeconds "30": expected a number, got the string "30"'],
  ['a WAF mode in lower case', entry({ frontDoor: { originHostHeaders: HEADERS, waf: { mode: 'prevention' } } }), "invalid frontDoor.waf.mode \"prevention\": expected one of 'Prevention', 'Detection'"],
  ['an API Management e-mail that is not one', entry({ publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } }, apiManagement: { publisherName: 'Contoso', publisherEmail: 'platform', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } } }), 'invalid apiManagement.publisherEmail "platform": not an e-mail address'],
  ['API Management without jwt', entry({ publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } }, apiManagement: { publisherName: 'Contoso', publisherEmail: 'p@contoso.com' } }), 'invalid apiManagement.jwt (undefined): expected an object, got nothing (undefined)'],
  ['a forced Private Link behind API Management', entry({ publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } }, frontDoor: { privateLink: true }, apiManagement: { publisherName: 'Contoso', publisherEmail: 'p@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } } }), "invalid frontDoor.privateLink true: behind API Management Front Door's origins are the gateways"],
  ['ingress for a region that is not listed', entry({ ingress: [INGRESS, { ...INGRESS, region: 'eastus' }] }), 'invalid ingress ["westus3","eastus"]: ingress for eastus, which is not a listed region or is given twice'],
  ['ingress that is not a stamp\'s', entry({ ingress: [{ region: 'westus3' }] }), 'invalid ingress[0].nodeResourceGroup (undefined): expected a string, got nothing (undefined)'],
  ['ingress without the services', entry({ ingress: [{ ...INGRESS, services: {} }] }), 'invalid ingress[0].services.order (undefined): expected an object, got nothing (undefined)'],
  ['no Front Door services listed', entry({ frontDoor: { services: [] } }), 'invalid frontDoor.services []: no services listed'],
  ['Front Door settings when Traffic Manager serves everything', entry({ publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } }, trafficManager: { services: ['order', 'tracking'] }, frontDoor: { sampleSize: 4 } }), 'invalid frontDoor ["sampleSize"]: Traffic Manager serves every service, so the Front Door settings would be ignored'],
  ['the latency sensitivity under its old name', entry({ frontDoor: { originHostHeaders: HEADERS, latencySensitivityMs: 50 } }), "invalid frontDoor.latencySensitivityMs 50: unknown option 'latencySensitivityMs', which would be ignored"],
  ['a WAF policy name with a hyphen', entry({ names: { wafPolicy: 'shop-waf' } }), 'invalid names.wafPolicy "shop-waf": a Front Door WAF policy name allows letters and digits, starting with a letter'],
  ['a Front Door endpoint name too long', entry({ names: { frontDoorEndpoint: 'e'.repeat(47) } }), 'invalid names.frontDoorEndpoint "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee": a Front Door endpoint name must be 2-46 characters long'],
  ['a one-character Front Door profile name', entry({ names: { frontDoorProfile: 'a' } }), 'invalid names.frontDoorProfile "a": a Front Door profile name must be 2-90 characters long'],
  ['a security policy name ending in a hyphen', entry({ names: { securityPolicy: 'waf-' } }), 'invalid names.securityPolicy "waf-": a Front Door security policy name allows letters, digits and hyphens'],
  ['a custom-domain name with dots', entry({ frontDoor: { customDomains: ['shop.contoso.com'] }, names: { customDomains: { 'shop.contoso.com': 'shop.contoso.com' } } }), 'invalid names.customDomains.shop.contoso.com "shop.contoso.com": a Front Door custom domain name allows letters, digits and hyphens'],
  ['a name for a custom domain that is not listed', entry({ frontDoor: { customDomains: ['shop.contoso.com'] }, names: { customDomains: { 'www.contoso.com': 'www' } } }), "invalid names.customDomains.www.contoso.com \"www\": 'www.contoso.com' is not in frontDoor.customDomains (shop.contoso.com), so the name would be ignored"],
  ['two custom domains under one name', entry({ frontDoor: { customDomains: ['shop.contoso.com', 'www.contoso.com'] }, names: { customDomains: { 'www.contoso.com': 'shop-contoso-com' } } }), "invalid names.customDomains.www.contoso.com \"shop-contoso-com\": 'shop.contoso.com' has this name too"],
  ['a Traffic Manager profile name with an underscore', entry({ publicOrigins: { westus3: { tracking: 't.contoso.com' } }, trafficManager: { services: ['tracking'] }, frontDoor: { originHostHeaders: { order: 'orders.contoso.com' } }, names: { trafficManagerProfiles: { tracking: 'shop_tracking' } } }), 'invalid names.trafficManagerProfiles.tracking "shop_tracking": a Traffic Manager profile name allows letters, digits and hyphens'],
  ['a Traffic Manager profile name for a Front Door service', entry({ names: { trafficManagerProfiles: { order: 'shop-orders' } } }), "invalid names.trafficManagerProfiles.order \"shop-orders\": 'order' is not in trafficManager.services (none), so the name would be ignored"],
  ['two Traffic Manager profiles under one name', entry({ publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } }, trafficManager: { services: ['order', 'tracking'] }, frontDoor: undefined, names: { trafficManagerProfiles: { order: 'shop-api', tracking: 'shop-api' } } }), "invalid names.trafficManagerProfiles.tracking \"shop-api\": 'order' has this name too"],
  ['an API Management name without API Management', entry({ names: { apiManagement: 'shop-apim' } }), 'invalid names.apiManagement "shop-apim": apiManagement is not set, so the name would be ignored. Fix: drop names.apiManagement'],
  ['an API Management name starting with a digit', entry({ publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } }, apiManagement: { publisherName: 'Contoso', publisherEmail: 'p@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } }, names: { apiManagement: '1apim' } }), 'invalid names.apiManagement "1apim": an API Management service name allows letters, digits and hyphens, starting with a letter'],
  ['Front Door names when Traffic Manager serves everything', entry({ publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } }, trafficManager: { services: ['order', 'tracking'] }, frontDoor: undefined, names: { frontDoorProfile: 'shop-afd' } }), 'invalid names.frontDoorProfile "shop-afd": Front Door serves no service here, so the name would be ignored'],
  ['a typo in the entry names', entry({ names: { wafpolicy: 'shopwaf' } }), "invalid names.wafpolicy \"shopwaf\": unknown option 'wafpolicy', which would be ignored. Fix: did you mean 'wafPolicy'?"],
  ['an entry name through the platform', platform({ entry: { frontDoor: { originHostHeaders: HEADERS }, names: { frontDoorEndpoint: '-shop' } } }), 'invalid entry.names.frontDoorEndpoint "-shop": a Front Door endpoint name allows letters, digits and hyphens'],
  // --- OrderWorkloads ---
  ['an image tagged latest', order({ image: 'c.io/order:latest' }), "invalid order.image \"c.io/order:latest\": the tag 'latest' moves, so a rollout or rollback would not be reproducible"],
  ['an image with upper-case letters', order({ image: 'Contoso.azurecr.io/Order-API:1.0.0' }), 'invalid order.image "Contoso.azurecr.io/Order-API:1.0.0": registry and repository names are lower-case'],
  ['an image without a tag', order({ image: 'c.io/order' }), 'invalid order.image "c.io/order": an image must be pinned by a tag (other than latest) or by a digest'],
  ['a canary made without options', order({ rollout: (Rollout.canary as Loose)() }), 'invalid order.rollout (undefined): the rollout was made without its options (got nothing (undefined)). Fix: call Rollout.canary({ canaryImage, percent })'],
  ['options given to Rollout.rolling()', order({ rollout: (Rollout.rolling as Loose)({ maxSurge: '50%' }) }), 'invalid order.rollout {"maxSurge":"50%"}: Rollout.rolling() takes no options'],
  ['a canary share whose pod ratio exceeds maxReplicas', order({ rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 90 }) }), 'invalid order.rollout.percent 90: the share is a pod ratio: 90 % needs 18 canary pod(s) beside 2 stable ones (with minReplicas 2), above maxReplicas (10). Fix: use a share whose ratio fits (e.g. 10, 25, 50, 75)'],
  ['a 1 % canary with 10 replicas at most', order({ rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 1 }) }), 'invalid order.rollout.percent 1: the share is a pod ratio: 1 % needs 1 canary pod(s) beside 99 stable ones'],
  ['a canary of the stable image', order({ rollout: Rollout.canary({ canaryImage: 'c.io/order:1', percent: 10 }) }), 'invalid order.rollout.canaryImage "c.io/order:1": the canary runs the stable image, so there is no new version to try'],
  ['a blue-green service image that is neither colour', order({ image: 'c.io/order:9', rollout: Rollout.blueGreen({ live: 'blue', blueImage: 'c.io/order:1', greenImage: 'c.io/order:2' }) }), 'invalid order.image "c.io/order:9": under blue-green the colours\' images run (c.io/order:1, c.io/order:2), so this image would be ignored. Fix: set image to the live colour\'s image (c.io/order:1)'],
  ['a region that is not one', workloads({ region: 'mars' }), 'invalid region "mars": not an Azure public region in the catalog'],
  ['another stamp\'s ingress', workloads({ region: 'eastus' }), "invalid ingress.region \"westus3\": the ingress is the westus3 stamp's, and the workloads run in eastus"],
  ['an ingress address that is not one', workloads({ ingress: { ...INGRESS, services: { ...INGRESS.services, order: { privateIp: 'not-an-ip', privateLinkServiceName: 'pls-order-api' } } } }), 'invalid ingress.services.order.privateIp "not-an-ip": not an IPv4 address'],
  ['an ingress without a service', workloads({ ingress: { ...INGRESS, services: { order: INGRESS.services.order } } }), 'invalid ingress.services.tracking (undefined): expected an object, got nothing (undefined)'],
  ['config that would override the region', workloads({ config: { order: { REGION: 'eastus' }, tracking: {} } }), 'invalid config.order.REGION "eastus": REGION is set from the workloads\' own region and role, and this would override it'],
  ['a pod larger than a node', platform({ workloads: { order: { image: 'c.io/order:1', resources: { cpuRequest: '8', cpuLimit: '8' } }, tracking: IMAGES.tracking } }), 'order-api: one pod requests 8000m CPU and 256 MiB, more than a node of Standard_D4ds_v5 can give a pod (3360m, 11164 MiB), so no number of nodes helps. Fix: use a larger kubernetes.userPool.vmSize'],
  ['a fractional replica count through the platform', platform({ workloads: { order: { image: 'c.io/order:1', minReplicas: 2.5 }, tracking: IMAGES.tracking } }), 'shop-westus3-apps/Workloads: invalid workloads.order.minReplicas 2.5: must be an integer from 2 to 1000'],
  ['a fractional canary percentage', order({ rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 12.5 }) }), 'invalid order.rollout.percent 12.5: must be an integer from 0 to 100'],
  ['a typo in the canary options', order({ rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percnt: 10 } as Loose) }), "invalid order.rollout.percnt 10: unknown option 'percnt'"],
  ['a blue-green live colour that is not one', order({ rollout: Rollout.blueGreen({ live: 'red', blueImage: 'c.io/o:1', greenImage: 'c.io/o:2' } as Loose) }), "invalid order.rollout.live \"red\": expected one of 'blue', 'green'"],
  ['an idle colour of zero pods', order({ rollout: Rollout.blueGreen({ live: 'blue', blueImage: 'c.io/o:1', greenImage: 'c.io/o:2', idleReplicas: 0 }) }), 'invalid order.rollout.idleReplicas 0: must be an integer from 1 to 10'],
  ['an idle colour above maxReplicas', order({ rollout: Rollout.blueGreen({ live: 'blue', blueImage: 'c.io/o:1', greenImage: 'c.io/o:2', idleReplicas: 11 }) }), 'invalid order.rollout.idleReplicas 11: must be an integer from 1 to 10'],
  ['a standby mode on an active region', workloads({ standby: 'warm' }), 'invalid standby "warm": only a passive region has a standby, and this region is primary, so the setting would be ignored'],
  ['standbyActive on an active region', workloads({ standbyActive: true }), 'invalid standbyActive true: only a passive region has a standby'],
  ['a standby minimum for pilot light', workloads({ role: RegionRole.PASSIVE, standby: 'pilot-light', standbyMinReplicas: 1 }), 'invalid standbyMinReplicas 1: a pilot-light region runs no replicas'],
  ['a standby minimum above the active minimum', workloads({ role: RegionRole.PASSIVE, standbyMinReplicas: 3 }), 'invalid standbyMinReplicas 3: must be an integer from 1 to 2'],
  ['identities federated with another namespace', workloads({ namespace: 'shop' }), "invalid identities.namespace \"orders\": the identities trust service accounts in namespace 'orders', but the workloads run in 'shop'"],
  ['a client ID that is not one', workloads({ identities: { clientIds: { order: 'order-identity', tracking: '22222222-2222-2222-2222-222222222222' }, namespace: 'orders' } }), 'invalid identities.clientIds.order "order-identity": not a managed identity client ID (a GUID)'],
  ['a DNS label for a private service', workloads({ publicDnsLabels: { order: 'shop-order' } }), "invalid publicDnsLabels.order \"shop-order\": only public services get a DNS label, so the setting would be ignored. Fix: list 'order' in publicServices"],
  ['a config name that is not an environment variable', workloads({ config: { order: { 'db-host': 'x' }, tracking: {} } }), 'invalid config.order.db-host "db-host": not an environment variable name'],
  ['a config value that is not a string', workloads({ config: { order: { PORT: 8443 }, tracking: {} } }), 'invalid config.order.PORT 8443: expected a string, got the number 8443'],
  ['a private endpoint range that is not a CIDR', workloads({ privateEndpointsCidr: '10.100.4.0' }), 'invalid privateEndpointsCidr "10.100.4.0": not an IPv4 CIDR'],
  ['a public service that is not one', workloads({ publicServices: ['payments'] }), "invalid publicServices[0] \"payments\": expected one of 'order', 'tracking'"],
  ['a number token for replicas', order({ minReplicas: Token.asNumber('${var.replicas}') }), 'invalid order.minReplicas (a Terraform number token, unknown until apply): a Terraform token is unknown until apply, and this number is checked at synth time'],
  ['a port below 1024', order({ containerPort: 80 }), 'invalid order.containerPort 80: must be an integer from 1024 to 65535 (non-root containers bind unprivileged ports)'],
  ['every workload problem at once', order({ minReplicas: 1, cpuTargetPercent: 0, image: 'c.io/order:latest' }), 'test/Workloads: 3 problems'],
  // --- WorkloadIdentities, RegionalMonitoring ---
  ['identities for something that is not a stamp', () => new WorkloadIdentities(testStack(), 'Ids', { stamp: { region: 'westus3' } as Loose, prefix: 'shop' }), 'invalid stamp {"region":"westus3"}: expected a RegionalStamp'],
  ['identities in a namespace that is not a DNS label', () => { const s = testStack(); new WorkloadIdentities(s, 'Ids', { stamp: new RegionalStamp(s, 'Stamp', { region: 'westus3', prefix: 'shop', monitoring: sink('westus3') }), prefix: 'shop', namespace: 'Orders' }); }, 'invalid namespace "Orders": not a DNS-1123 label'],
  ['a workspace retention of 7 days', () => new RegionalMonitoring(testStack(), 'M', { prefix: 'shop', region: 'westus3', resourceGroupName: 'rg', retentionDays: 7 }), 'invalid retentionDays 7: must be an integer from 30 to 730'],
  ['a typo in the monitoring names', () => new RegionalMonitoring(testStack(), 'M', { prefix: 'shop', region: 'westus3', resourceGroupName: 'rg', names: { workspace: 'log' } as Loose }), "invalid names.workspace \"log\": unknown option 'workspace'"],
  // --- Observability ---
  ['alerts without a contact', observability({ contacts: {} }), 'invalid contacts {}: no contact, so every alert would fire unseen. Fix: give at least one of contacts.emails'],
  ['an email address without a domain', observability({ contacts: { emails: ['oncall'] } }), 'invalid contacts.emails[0] "oncall": not an email address'],
  ['an SMS number with a plus sign', observability({ contacts: { smsNumbers: [{ countryCode: '+44', phoneNumber: '7700900123' }] } }), 'invalid contacts.smsNumbers[0].countryCode "+44": not a country calling code (1-3 digits, no + or leading zero)'],
  ['an SMS number longer than E.164 allows', observability({ contacts: { smsNumbers: [{ countryCode: '44', phoneNumber: '07700900123456' }] } }), 'longer than 15 digits with its country code (E.164 allows at most 15)'],
  ['a webhook over plain http', observability({ contacts: { webhooks: ['http://hooks.contoso.com/alerts'] } }), 'invalid contacts.webhooks[0] "http://hooks.contoso.com/alerts": not an https:// URL'],
  ['an existing action group given by name', observability({ contacts: { actionGroupIds: ['ops-oncall'] } }), 'invalid contacts.actionGroupIds[0] "ops-oncall": not the resource ID of an action group'],
  ['a Cosmos DB alert target that is a Key Vault', observability({ targets: { cosmosAccountIds: { westus3: OBS_KV } } }), 'invalid targets.cosmosAccountIds.westus3 "' + OBS_KV + '": not the resource ID of a Cosmos DB account'],
  ['an Event Hubs alert target that is a Service Bus namespace', observability({ targets: { eventHubsNamespaceIds: { westus3: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/sb1' } } }), 'invalid targets.eventHubsNamespaceIds.westus3 "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/sb1": not the resource ID of an Event Hubs namespace'],
  ['an Event Hubs standby keyed by a misspelt region', observability({ targets: { eventHubsStandbyNamespaces: { westus33: { id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/eh1', region: 'eastus' } } } }), 'invalid targets.eventHubsStandbyNamespaces.westus33 "westus33": not an Azure public region'],
  ['an alert target keyed by a misspelt region', observability({ targets: { keyVaultIds: { westus33: OBS_KV } } }), 'invalid targets.keyVaultIds.westus33 "westus33": not an Azure public region in the catalog'],
  ['AKS alerts without a workspace for the log alerts', observability({ targets: { kubernetesClusterIds: { westus3: OBS_AKS } } }), 'invalid targets.logAnalyticsWorkspaceIds.westus3 (undefined): the AKS log alerts (container restarts, HPA at maximum) of westus3 query its Container Insights workspace, and none is given'],
  ['an origin health threshold of 0%', observability({ thresholds: { frontDoorOriginHealthPercent: 0 } }), 'invalid thresholds.frontDoorOriginHealthPercent 0: must be a number from 1 to 100'],
  ['a fractional restart count', observability({ thresholds: { aksContainerRestarts: 2.5 } }), 'invalid thresholds.aksContainerRestarts 2.5: must be an integer from 1 to 1000'],
  ['a severity of 5', observability({ severities: { keyVaultAvailability: 5 } }), 'invalid severities.keyVaultAvailability 5: expected one of 0, 1, 2, 3, 4'],
  ['a runbook URL with a fragment', observability({ runbookUrl: 'https://wiki.contoso.com/runbook#alerts' }), "invalid runbookUrl \"https://wiki.contoso.com/runbook#alerts\": not an https:// URL without a fragment"],
  ['silencing a region without targets', observability({ silencedRegions: ['eastus'] }), 'invalid silencedRegions[0] "eastus": no target of this construct is in eastus (targets are in westus3), so there is nothing to silence'],
  ['an action group short name over 12 characters', observability({ names: { actionGroupShortName: 'orders-oncall' } }), 'invalid names.actionGroupShortName "orders-oncall": an action group short name must be 1-12 characters long'],
  ['a name for an alert the construct does not create', observability({ names: { metricAlerts: { sqlReplicationLag: { westus3: 'sql-lag' } } } }), 'invalid names.metricAlerts.sqlReplicationLag {"westus3":"sql-lag"}: this construct creates no such alert'],
  ['an availability test over plain http (no certificate check)', observability({ availabilityTests: { applicationInsightsId: `${OBS_SUB}/Microsoft.Insights/components/appi-shop`, location: 'westus3', urls: { 'order-entry': 'http://shop.contoso.com/healthz/ready' } } }), 'invalid availabilityTests.urls.order-entry "http://shop.contoso.com/healthz/ready": not an https:// address'],
  ['availability tests from two locations (one location\'s trouble looks like an outage)', observability({ availabilityTests: { applicationInsightsId: `${OBS_SUB}/Microsoft.Insights/components/appi-shop`, location: 'westus3', urls: { 'order-entry': 'https://shop.contoso.com/healthz/ready' }, testLocations: ['us-va-ash-azr', 'emea-nl-ams-azr'] } }), "invalid availabilityTests.testLocations [\"us-va-ash-azr\",\"emea-nl-ams-azr\"]: 2 location(s): with fewer than 5"],
  ['a typo in the availability options', observability({ availabilityTests: { applicationInsightsId: `${OBS_SUB}/Microsoft.Insights/components/appi-shop`, location: 'westus3', urls: {}, frequency: 300 } }), "invalid availabilityTests.frequency 300: unknown option 'frequency', which would be ignored. Fix: did you mean 'frequencySeconds'?"],
  ['a typo in the thresholds', observability({ thresholds: { frontDoorOriginHealth: 90 } }), "invalid thresholds.frontDoorOriginHealth 90: unknown option 'frontDoorOriginHealth', which would be ignored. Fix: did you mean 'frontDoorOriginHealthPercent'?"],
];

describe('bad input', () => {
  test(`the table holds at least 120 rows (${BAD.length})`, () => {
    expect(BAD.length).toBeGreaterThanOrEqual(120);
  });

  test.each(BAD)('rejects %s', (_label, build, message) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const err = error as ValidationError;
    expect(err.message).toContain(message);
    // Every violation names the construct path, the prop, the value and a fix.
    expect(err.violations.length).toBeGreaterThan(0);
    for (const v of err.violations) {
      expect(v.constructPath.length).toBeGreaterThan(0);
      expect(v.prop.length).toBeGreaterThan(0);
      expect(v.message).toMatch(/: invalid \S+ .*\. Fix: \S/s);
    }
  });
});

/** Values that look odd but are right: each synthesizes. */
const GOOD: [string, () => unknown][] = [
  ['an image tag from Terraform (a token)', platform({ workloads: { order: { image: tf('${var.order_image}') }, tracking: IMAGES.tracking } })],
  ['a SQL server name from Terraform (a token), to adopt a server', database({ names: { sqlServers: { westus3: tf('${var.sql_server_name}') } } })],
  ['a PostgreSQL maintenance window east of UTC that opens the day before in UTC', pg({ maintenanceWindow: { dayOfWeek: 'Monday', startTime: '01:00', utcOffset: '+09:00' } })],
  ['a SQL database name with a hyphen through names (databaseName allows none)', database({ names: { databases: { westus3: 'order-db' } } })],
  ['an administrator object ID from Terraform (a token)', platform({ database: { engine: DatabaseEngine.sql(), administrator: { objectId: tf('${data.azuread_group.db.object_id}'), name: 'sg-db' } } })],
  ['admin group IDs and a subscription ID from Terraform (tokens)', platform({ kubernetes: { adminGroupObjectIds: [tf('${var.admins}')] }, subscriptionId: tf('${var.subscription_id}') })],
  ['a registry ID from Terraform (a token)', platform({ kubernetes: { containerRegistries: { contoso: tf('${data.azurerm_container_registry.acr.id}') } } })],
  ['a webhook URL from Terraform (a token), subscribed', bus({ transport: EventTransport.eventGrid({ webhookUrl: tf('${var.webhook}'), subscribe: true }) })],
  ['a data contributor principal ID from another resource (a token)', tracking({ dataContributors: { Tracker: { principalId: tf('${azurerm_user_assigned_identity.t.principal_id}') } } })],
  ['a data contributor given as a managed identity (a construct)', () => { const s = testStack(); new TrackingStore(s, 'Tracking', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']), dataContributors: { Tracker: new UserAssignedIdentity(s, 'Id', { name: 'id-t', location: 'westus3', resourceGroupName: 'rg' }) } }); }],
  ['a grant to a managed identity without options (scope and id from the identity)', () => { const s = testStack(); new EventBus(s, 'Events', { prefix: 'shop', pattern: zr, regions: ['westus3'], ...ownGroups(['westus3']) }).grantSend(new UserAssignedIdentity(s, 'Id', { name: 'id-o', location: 'westus3', resourceGroupName: 'rg' })); }],
  ['a sender principal ID from Terraform (a token)', bus({ senders: { Order: { principalId: tf('${var.order_principal}') } } })],
  ['a geo-DR alias name from Terraform (a token)', () => new EventBus(testStack(), 'Events', { prefix: 'shop', pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], ...ownGroups(['westus3', 'eastus']), names: { geoDrAliases: { westus3: tf('${var.alias}') } } })],
  ['the longest lock and duplicate-detection window Azure allows', bus({ transport: EventTransport.serviceBus({ lockDurationSeconds: 300, duplicateDetectionWindowMinutes: 10080, defaultMessageTtlDays: 10675199 }) })],
  ['the shortest prefix', platform({ prefix: 'ab' })],
  ['the shortest drill in zone 3, one scenario', platform({ drills: { durationMinutes: 5, zone: '3', scenarios: ['zoneLoss'] } })],
  ['the longest drill', platform({ drills: { durationMinutes: 60 } })],
  ['a single regionPinned cell without country routing', platform({}, RedundancyPattern.regionPinned(), ['westeurope'])],
  ['a canary at 0% (no canary Deployment)', platform({ workloads: { order: { image: 'c.io/order:1', rollout: Rollout.canary({ canaryImage: 'c.io/order:2', percent: 0 }) }, tracking: IMAGES.tracking } })],
  ['an idle colour of one pod', platform({ workloads: { order: { image: 'c.io/order:2', rollout: Rollout.blueGreen({ live: 'green', blueImage: 'c.io/order:1', greenImage: 'c.io/order:2', idleReplicas: 1 }) }, tracking: IMAGES.tracking } })],
  ['a warm standby as large as the active minimum', platform({ workloads: { ...IMAGES, standbyMinReplicas: 2 } }, RedundancyPattern.activePassive(), ['eastus2', 'centralus'])],
  ['a passive region without zones, allowed', platform({ workloads: undefined, entry: undefined }, RedundancyPattern.activePassive({ allowPassiveWithoutZones: true }), ['eastus2', 'westus'])],
  ['a Kubernetes patch version', platform({ kubernetes: { kubernetesVersion: '1.33.2' } })],
  ['a non-zonal standalone stamp with a 2-node user pool', stamp({ region: 'westus', zoneRedundant: false, kubernetes: { userPool: { minCount: 2 } } })],
  ['a service principal deployer with a private registry', platform({ kubernetes: { deployerLogin: 'servicePrincipal', containerRegistries: { contoso: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/contoso' } } })],
  ['admin groups as one list from Terraform (a list token)', platform({ kubernetes: { adminGroupObjectIds: Token.asList(tf('${var.admin_groups}')) } })],
  ['a webhook URL on another host than the platform\'s', platform({ eventBus: { transport: EventTransport.eventGrid({ webhookUrl: 'https://events.contoso.net/hooks/orders', subscribe: true }) } })],
  ['a readiness path the entry follows', platform({ workloads: { order: { image: 'c.io/order:1', probes: { readiness: '/ready' } }, tracking: { image: 'c.io/tracking:1', probes: { readiness: '/ready' } } } })],
  ['alerts on resources from Terraform (tokens as target IDs), an existing action group as the only contact', observability({ contacts: { actionGroupIds: [tf('${var.ops_action_group}')] }, targets: { kubernetesClusterIds: { westus3: tf('${var.aks}') }, logAnalyticsWorkspaceIds: { westus3: tf('${var.workspace}') } } })],
  ['the loosest thresholds and an SMS number of 15 digits', observability({ contacts: { smsNumbers: [{ countryCode: '44', phoneNumber: '7700900123456' }] }, thresholds: { frontDoorOriginHealthPercent: 1, aksHpaAtMaximumMinutes: 15, cosmosThrottledRequests: 0 } })],
];

describe('valid but unusual input', () => {
  test.each(GOOD)('accepts %s', (_label, build) => {
    expect(build).not.toThrow();
  });
});
