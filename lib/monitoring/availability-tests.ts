import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { ApplicationInsightsStandardWebTest } from '@cdktf/provider-azurerm/lib/application-insights-standard-web-test';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { Naming, ResourceKind } from '../core/naming';
import { Regions } from '../core/regions';
import { Checks, checkFormat } from '../core/validate';
import type { Tags } from '../core/tags';
import type { AlertSeverity, AvailabilityTestOptions, ObservabilityNames } from './observability-types';

// Internal: the availability tests of `Observability` (not exported from the package).

/**
 * Default test locations: East US, West US, West Europe, North Europe and Southeast Asia. Location IDs as Azure names
 * them (Application Insights web test "population tags"; the table of Microsoft's "Dynamic Web Test Creation" quickstart
 * template, https://azure.microsoft.com/resources/templates/dynamic-web-tests/).
 */
export const DEFAULT_TEST_LOCATIONS: readonly string[] = ['us-va-ash-azr', 'us-ca-sjc-azr', 'emea-nl-ams-azr', 'emea-gb-db3-azr', 'apac-sg-sin-azr'];
/**
 * The availability test locations Azure offers: location ID -> the Azure region it runs in and that region's country
 * (ISO 3166-1 alpha-2). Microsoft Learn, "Application Insights availability tests", location population tags. The ID's
 * own country part is not the location's (`emea-ru-msa-edge` is UK South, `emea-ch-zrh-edge` France South).
 */
export const TEST_LOCATIONS: { readonly [id: string]: { readonly region: string; readonly country: string } } = {
  'emea-au-syd-edge': { region: 'Australia East', country: 'AU' },
  'latam-br-gru-edge': { region: 'Brazil South', country: 'BR' },
  'us-fl-mia-edge': { region: 'Central US', country: 'US' },
  'apac-hk-hkn-azr': { region: 'East Asia', country: 'HK' },
  'us-va-ash-azr': { region: 'East US', country: 'US' },
  'emea-ch-zrh-edge': { region: 'France South', country: 'FR' },
  'emea-fr-pra-edge': { region: 'France Central', country: 'FR' },
  'apac-jp-kaw-edge': { region: 'Japan East', country: 'JP' },
  'emea-gb-db3-azr': { region: 'North Europe', country: 'IE' },
  'us-il-ch1-azr': { region: 'North Central US', country: 'US' },
  'us-tx-sn1-azr': { region: 'South Central US', country: 'US' },
  'apac-sg-sin-azr': { region: 'Southeast Asia', country: 'SG' },
  'emea-se-sto-edge': { region: 'UK West', country: 'GB' },
  'emea-nl-ams-azr': { region: 'West Europe', country: 'NL' },
  'us-ca-sjc-azr': { region: 'West US', country: 'US' },
  'emea-ru-msa-edge': { region: 'UK South', country: 'GB' },
};

/** At least this many locations, so one location's trouble is not taken for an outage. */
export const MIN_TEST_LOCATIONS = 5;
/** A location ID: `<area>-<country>-<site>-<azr|edge>` (`us-va-ash-azr`, `latam-br-gru-edge`). */
const TEST_LOCATION = /^[a-z]+-[a-z]{2}-[a-z0-9]{3}-(azr|edge)$/;
/** The frequencies `azurerm_application_insights_standard_web_test` accepts (its `frequency` validation). */
const FREQUENCIES = [300, 600, 900];
const TEST_KEY = /^[a-z][a-z0-9-]{0,39}$/;
const COMPONENT_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Insights\/components\/[^/]+$/i;

/** The availability options, checked, with their defaults. */
export interface CheckedAvailability {
  readonly options: AvailabilityTestOptions;
  readonly locations: readonly string[];
  readonly frequencySeconds: number;
  readonly failedLocations: number;
}

/** Checks the availability options (their shape is checked with the props); every violation is recorded in `checks`. */
export function checkAvailability(checks: Checks, options: AvailabilityTestOptions, names: ObservabilityNames | undefined): CheckedAvailability {
  const scope = checks.scope;
  checks.run(undefined, () => checkFormat(scope, 'availabilityTests.applicationInsightsId', options.applicationInsightsId, COMPONENT_ID,
    'not the resource ID of an Application Insights component (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/components/<name>)', 'give the component\'s id attribute (e.g. RegionalMonitoring.appInsights.id)'));
  // A token (e.g. the component's location attribute) is Terraform's to resolve; a literal must be a region.
  if (!Token.isUnresolved(options.location)) checks.run(undefined, () => Regions.find(options.location, scope, 'availabilityTests.location'));
  const keys = Object.keys(options.urls);
  if (keys.length === 0) checks.fail({ prop: 'availabilityTests.urls', value: options.urls, problem: 'no address to test', fix: "give at least one, e.g. { 'order-entry': 'https://<entry host>/healthz/ready' }" });
  for (const [key, url] of Object.entries(options.urls)) {
    if (!TEST_KEY.test(key)) checks.fail({ prop: `availabilityTests.urls.${key}`, value: key, problem: 'the key names the test and its alert: 1-40 lower-case letters, digits and hyphens, starting with a letter', fix: "use e.g. 'order-entry'" });
    // A token inside the address is resolved at apply time; the scheme must still be https:// (ssl checks need it).
    const https = Token.isUnresolved(url) ? url.startsWith('https://') : isHttpsUrl(url);
    if (!https) checks.fail({ prop: `availabilityTests.urls.${key}`, value: url, problem: 'not an https:// address (the test also checks the certificate)', fix: 'test the https:// address clients use' });
  }
  for (const [key, region] of Object.entries(options.urlRegions ?? {})) {
    if (!keys.includes(key)) checks.fail({ prop: `availabilityTests.urlRegions.${key}`, value: region, problem: `no address has the key ${key}, so the region would be ignored`, fix: keys.length > 0 ? `key urlRegions by ${keys.join(', ')}` : 'drop urlRegions' });
    else checks.run(undefined, () => Regions.find(region, scope, `availabilityTests.urlRegions.${key}`));
  }
  const locations = options.testLocations ?? DEFAULT_TEST_LOCATIONS;
  if (options.testLocations !== undefined) checkLocations(checks, options.testLocations);
  const frequencySeconds = checks.oneOf('availabilityTests.frequencySeconds', options.frequencySeconds ?? 300, FREQUENCIES, 300, 'the provider runs a standard web test every 300, 600 or 900 seconds');
  const failedLocations = checks.integer('availabilityTests.failedLocations', options.failedLocations ?? 2, 1, Math.max(1, locations.length), `at least 1 and at most the number of test locations (${locations.length})`, 2);
  for (const prop of ['availabilityTests', 'availabilityAlerts'] as const) {
    const kind = prop === 'availabilityTests' ? ResourceKind.WEB_TEST : ResourceKind.METRIC_ALERT;
    for (const [key, name] of Object.entries(names?.[prop] ?? {})) {
      if (!keys.includes(key)) {
        checks.fail({ prop: `names.${prop}.${key}`, value: name, problem: `no availability test has the key ${key}, so the name would be ignored`, fix: keys.length > 0 ? `key names.${prop} by ${keys.join(', ')}` : `drop names.${prop}` });
      } else {
        checks.run(undefined, () => kind.validate(scope, `names.${prop}.${key}`, name));
      }
    }
  }
  return { options, locations, frequencySeconds, failedLocations };
}

function checkLocations(checks: Checks, locations: readonly string[]): void {
  if (locations.length < MIN_TEST_LOCATIONS) {
    checks.fail({ prop: 'availabilityTests.testLocations', value: locations, problem: `${locations.length} location(s): with fewer than ${MIN_TEST_LOCATIONS}, one location's network trouble looks like an outage`, fix: `list at least ${MIN_TEST_LOCATIONS} locations, or leave testLocations out for the default five` });
  }
  const seen = new Set<string>();
  locations.forEach((location, i) => {
    const prop = `availabilityTests.testLocations[${i}]`;
    if (!TEST_LOCATION.test(location)) checks.fail({ prop, value: location, problem: 'not an availability test location ID (<area>-<country>-<site>-azr or -edge)', fix: "use Azure's location IDs, e.g. 'us-va-ash-azr' (East US) or 'emea-nl-ams-azr' (West Europe)" });
    else if (seen.has(location)) checks.fail({ prop, value: location, problem: 'listed twice', fix: 'list each location once' });
    seen.add(location);
  });
}

export function isHttpsUrl(value: string): boolean {
  // `new URL` accepts spaces (it encodes them): an address with whitespace is a typo, not what the user meant.
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** What building the tests needs from `Observability`. */
export interface AvailabilityBuild {
  readonly scope: Construct;
  readonly naming: Naming;
  readonly resourceGroupName: string;
  readonly checked: CheckedAvailability;
  readonly names: ObservabilityNames | undefined;
  readonly severity: AlertSeverity;
  readonly actionGroupIds: readonly string[];
  /** The runbook the alerts' descriptions end with. */
  readonly runbook: string;
  readonly tags: Tags | undefined;
}

/**
 * One standard web test per address (GET, expecting 200, certificate checked, one retry) and one metric alert per test
 * that fires when `failedLocations` locations fail within 5 minutes (`application_insights_web_test_location_availability_criteria`,
 * scoped to the test and its component as Azure requires).
 */
export function buildAvailabilityTests(b: AvailabilityBuild): { tests: Record<string, ApplicationInsightsStandardWebTest>; alerts: Record<string, MonitorMetricAlert> } {
  const tests: Record<string, ApplicationInsightsStandardWebTest> = {};
  const alerts: Record<string, MonitorMetricAlert> = {};
  const { options, locations, frequencySeconds, failedLocations } = b.checked;
  for (const [key, url] of Object.entries(options.urls)) {
    const testId = `Availability-${key}`;
    const test = new ApplicationInsightsStandardWebTest(b.scope, testId, {
      name: b.naming.name(b.scope, ResourceKind.WEB_TEST, { qualifier: key, override: b.names?.availabilityTests?.[key], prop: `names.availabilityTests.${key}`, childId: testId }),
      resourceGroupName: b.resourceGroupName,
      location: options.location,
      applicationInsightsId: options.applicationInsightsId,
      geoLocations: [...locations],
      frequency: frequencySeconds,
      enabled: true,
      retryEnabled: true,
      request: { url, httpVerb: 'GET' },
      validationRules: { expectedStatusCode: 200, sslCheckEnabled: true, sslCertRemainingLifetime: 7 },
      description: `GET ${key} from ${locations.length} locations every ${frequencySeconds / 60} minutes, expecting 200 and a certificate valid for 7 more days.`,
      tags: b.tags,
    });
    tests[key] = test;
    const alertId = `AvailabilityAlert-${key}`;
    alerts[key] = new MonitorMetricAlert(b.scope, alertId, {
      name: b.naming.name(b.scope, ResourceKind.METRIC_ALERT, { qualifier: `availability-${key}`, override: b.names?.availabilityAlerts?.[key], prop: `names.availabilityAlerts.${key}`, childId: alertId }),
      resourceGroupName: b.resourceGroupName,
      scopes: [test.id, options.applicationInsightsId],
      description: `Availability test ${key}: failing from at least ${failedLocations} of ${locations.length} locations over 5 minutes. Runbook: ${b.runbook}`,
      severity: b.severity,
      windowSize: 'PT5M',
      frequency: 'PT1M',
      autoMitigate: true,
      applicationInsightsWebTestLocationAvailabilityCriteria: { webTestId: test.id, componentId: options.applicationInsightsId, failedLocationCount: failedLocations },
      action: b.actionGroupIds.map((actionGroupId) => ({ actionGroupId })),
      tags: b.tags,
    });
  }
  return { tests, alerts };
}
