import { TAGS_SHAPE } from '../core/shapes';
import { objectShape, opt, shapes, strictShape } from '../core/validate';
import { DIAGNOSTIC_LOGS_SHAPE, type IRegionalMonitoring } from './regional-monitoring';
import { LOG_ALERTS, METRIC_ALERTS, THRESHOLDS } from './observability-alerts';
import type { AvailabilityTestOptions, ObservabilityContacts, ObservabilityNames, ObservabilityProps, ObservabilityTargets, SmsNumber, StandbyNamespace } from './observability-types';

// Internal: run-time shapes of the monitoring contract (not exported from the package).

/** A monitoring sink: anything with a workspace ID and an Application Insights connection string. */
export const MONITORING_SINK_SHAPE = shapes.like<IRegionalMonitoring>({ workspaceId: shapes.string(), appInsightsConnectionString: shapes.string(), diagnosticLogs: opt(DIAGNOSTIC_LOGS_SHAPE) }, 'a monitoring sink (RegionalMonitoring)');

const REGION_IDS = opt(shapes.map(shapes.string('a resource ID'), "an object of region names to resource IDs, e.g. { westus3: cluster.id }"));
/** An optional list of strings: `one` names an item with its article (`an email address`), `many` the list's items. */
const STRINGS = (one: string, many: string) => opt(shapes.list(shapes.string(one), `a list of ${many}`));
const NAMES_BY_ALERT = opt(shapes.map(shapes.map(shapes.string('a name'), 'an object of region names to names'), 'an object of alert keys to { region: name } objects'));

/** Alert thresholds by prop. */
export const THRESHOLDS_SHAPE = opt(objectShape(Object.fromEntries(Object.keys(THRESHOLDS).map((key) => [key, opt(shapes.number())]))));
/** Severities by alert. */
export const SEVERITIES_SHAPE = opt(objectShape(Object.fromEntries([...METRIC_ALERTS.map((a) => a.alert), ...LOG_ALERTS.map((a) => a.alert), 'availability'].map((alert) => [alert, opt(shapes.oneOf([0, 1, 2, 3, 4]))]))));
/** Name overrides of `Observability`. */
export const OBSERVABILITY_NAMES_SHAPE = opt(strictShape<ObservabilityNames>({
  actionGroup: opt(shapes.string()), actionGroupShortName: opt(shapes.string()),
  metricAlerts: NAMES_BY_ALERT, logAlerts: NAMES_BY_ALERT, activityLogAlerts: NAMES_BY_ALERT,
  suppressionRules: opt(shapes.map(shapes.string('a name'), 'an object of region names to names')),
  availabilityTests: opt(shapes.map(shapes.string('a name'), 'an object of test keys to names')),
  availabilityAlerts: opt(shapes.map(shapes.string('a name'), 'an object of test keys to names')),
}));

/** Who an action group notifies. */
export const CONTACTS_SHAPE = strictShape<ObservabilityContacts>({
  emails: STRINGS('an email address', 'email addresses'),
  smsNumbers: opt(shapes.list(strictShape<SmsNumber>({ countryCode: shapes.string(), phoneNumber: shapes.string() }, "an object { countryCode: '1', phoneNumber: '5555551234' }"), 'a list of { countryCode, phoneNumber } objects')),
  webhooks: STRINGS('an https:// URL', 'https:// URLs'),
  actionGroupIds: STRINGS('an action group resource ID', 'action group resource IDs'),
});

/** The props of `Observability`. */
export const OBSERVABILITY_PROPS_SHAPE = strictShape<ObservabilityProps>({
  prefix: shapes.string(),
  resourceGroupName: shapes.string(),
  contacts: opt(CONTACTS_SHAPE),
  targets: strictShape<ObservabilityTargets>({
    frontDoorProfileId: opt(shapes.string('a resource ID')),
    postgresqlReplicaServerIds: opt(shapes.map(shapes.map(shapes.string('a resource ID'), 'an object of replica regions to resource IDs'), "an object of primary regions to { replica region: resource ID }, e.g. { eastus2: { centralus: replica.id } }")),
    postgresqlReadReplicaServerIds: opt(shapes.map(shapes.list(shapes.string('a resource ID'), 'a list of resource IDs'), 'an object of primary regions to lists of replica resource IDs, e.g. { eastus2: [replica.id] }')),
    cosmosAccountIds: REGION_IDS,
    serviceBusNamespaceIds: REGION_IDS,
    serviceBusStandbyNamespaces: opt(shapes.map(strictShape<StandbyNamespace>({ id: shapes.string('a resource ID'), region: shapes.string('a region name') }), "an object of region names to { id, region }, e.g. { westus3: { id: standby.id, region: 'eastus' } }")),
    serviceBusBacklogEntityName: opt(shapes.string()),
    eventHubsNamespaceIds: REGION_IDS,
    eventHubsStandbyNamespaces: opt(shapes.map(strictShape<StandbyNamespace>({ id: shapes.string('a resource ID'), region: shapes.string('a region name') }), "an object of region names to { id, region }")),
    kubernetesClusterIds: REGION_IDS,
    keyVaultIds: REGION_IDS,
    sqlFailoverGroupIds: REGION_IDS,
    sqlFailoverGroupPartnerIds: REGION_IDS,
    logAnalyticsWorkspaceIds: REGION_IDS,
  }),
  thresholds: THRESHOLDS_SHAPE,
  severities: SEVERITIES_SHAPE,
  availabilityTests: opt(strictShape<AvailabilityTestOptions>({
    applicationInsightsId: shapes.string('a resource ID'), location: shapes.string('a region name'),
    urls: shapes.map(shapes.string('an https:// address'), "an object of test keys to https:// addresses, e.g. { 'order-entry': 'https://.../healthz/ready' }"),
    testLocations: STRINGS('a test location ID', 'test location IDs'), frequencySeconds: opt(shapes.number()), failedLocations: opt(shapes.number()),
    urlRegions: opt(shapes.map(shapes.string('a region name'), 'an object of test keys to region names')),
  })),
  runbookUrl: opt(shapes.string()),
  silencedRegions: STRINGS('a region name', 'region names'),
  names: OBSERVABILITY_NAMES_SHAPE,
  tags: opt(TAGS_SHAPE),
});
