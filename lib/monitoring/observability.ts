import { Construct } from 'constructs';
import { Annotations, Token } from 'cdktf';
import { ApplicationInsightsStandardWebTest } from '@cdktf/provider-azurerm/lib/application-insights-standard-web-test';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorActivityLogAlert } from '@cdktf/provider-azurerm/lib/monitor-activity-log-alert';
import { MonitorAlertProcessingRuleSuppression } from '@cdktf/provider-azurerm/lib/monitor-alert-processing-rule-suppression';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { Naming, ResourceKind } from '../core/naming';
import { checkRegionNames } from '../core/name-overrides';
import { Regions } from '../core/regions';
import { Checks, checkFormat, checkShape } from '../core/validate';
import { buildAvailabilityTests, checkAvailability, CheckedAvailability, isHttpsUrl } from './availability-tests';
import { ACTIVITY_LOG_ALERTS, ActivityLogAlertSpec, anchorOf, STANDBY_SUFFIX, LOG_ALERTS, LogAlertSpec, METRIC_ALERTS, MetricAlertSpec, RegionalTarget, RUNBOOK_SECTIONS, RunbookSection, TARGET_TYPES, THRESHOLDS } from './observability-alerts';
import type { AlertSeverity, ObservabilityAlert, ObservabilityContacts, ObservabilityProps, ObservabilityTargets, ObservabilityThresholds } from './observability-types';
import { OBSERVABILITY_PROPS_SHAPE } from './shapes';

/** The region key of alerts on global resources (the Front Door profile). */
const GLOBAL = 'global';
const DEFAULT_BACKLOG_ENTITY = 'order-events';

/** The alert condition in words, for descriptions. */
const OPERATOR_WORDS: { readonly [K in MetricAlertSpec['operator']]: string } = { GreaterThan: 'above', GreaterThanOrEqual: 'at least', LessThan: 'below' };
const WINDOW_WORDS: { readonly [K in MetricAlertSpec['windowSize'] | LogAlertSpec['windowDuration']]: string } = { PT5M: '5 minutes', PT15M: '15 minutes', PT1H: '1 hour' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY_CODE = /^[1-9]\d{0,2}$/;
const PHONE_NUMBER = /^\d{4,14}$/;
const ACTION_GROUP_ID = /^\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/resourceGroups\/[-\w.()]+\/providers\/Microsoft\.Insights\/actionGroups\/[^/<>\s]+$/i;

/** Name overrides keyed by alert, then region. */
type NamesByAlert = { readonly [alert: string]: { readonly [region: string]: string } };

/** An alert instance to create: its spec, region and target resource ID. */
interface Planned<S> {
  readonly spec: S;
  readonly region: string;
  readonly targetId: string;
}

/**
 * Alerting for the platform, usable in any stack: one action group (email, SMS, webhooks, existing action groups),
 * metric alerts on Front Door, PostgreSQL replicas, Cosmos DB, Service Bus, AKS and Key Vault, log alerts (scheduled
 * query rules v2) for what AKS has no platform metric for, and alert processing rules that silence a region under
 * planned maintenance. Each alert's description ends with its runbook (README, "Observability").
 *
 * Targets are resource IDs by region, so the construct needs nothing but IDs (Terraform tokens work, also across
 * stacks); each kind of target gets its alerts only when given.
 */
export class Observability extends Construct {
  /** The action group every alert notifies; `undefined` without `contacts` (the alerts then notify no one). */
  public readonly actionGroup?: MonitorActionGroup;
  /** Metric alerts by `<alert>.<region>` (`<alert>.global` for Front Door), e.g. `cosmosThrottledRequests.westus3`. */
  public readonly metricAlerts: { readonly [key: string]: MonitorMetricAlert } = {};
  /** Log alerts (scheduled query rules v2) by `<alert>.<region>`, e.g. `aksContainerRestarts.westus3`. */
  public readonly logAlerts: { readonly [key: string]: MonitorScheduledQueryRulesAlertV2 } = {};
  /** Activity log alerts by `<alert>.<cell region>` (`sqlFailover.westus3`, `sqlForcedFailover.westus3`). */
  public readonly activityLogAlerts: { readonly [key: string]: MonitorActivityLogAlert } = {};
  /** Alert processing rules (suppression) by silenced region. */
  public readonly suppressionRules: { readonly [region: string]: MonitorAlertProcessingRuleSuppression } = {};
  /** Availability tests (standard web tests) by `availabilityTests.urls` key. */
  public readonly availabilityTests: { readonly [key: string]: ApplicationInsightsStandardWebTest };
  /** The availability tests' alerts by `availabilityTests.urls` key. */
  public readonly availabilityAlerts: { readonly [key: string]: MonitorMetricAlert };

  private readonly naming: Naming;
  private readonly thresholds: Required<ObservabilityThresholds>;
  private readonly severities: { readonly [K in ObservabilityAlert]: AlertSeverity };
  private readonly backlogEntity: string;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    checkShape(this, '', props, OBSERVABILITY_PROPS_SHAPE);
    const checks = new Checks(this);
    const prefix = checks.run('xx', () => Naming.validatePrefix(this, 'prefix', props.prefix));
    this.naming = new Naming(prefix);
    const regions = checkTargets(checks, props.targets);
    if (props.contacts !== undefined) checkContacts(checks, props.contacts);
    this.thresholds = resolveThresholds(checks, props.thresholds);
    this.severities = resolveSeverities(props.severities);
    this.backlogEntity = props.targets.serviceBusBacklogEntityName ?? DEFAULT_BACKLOG_ENTITY;
    if (props.runbookUrl !== undefined) {
      checks.run(undefined, () => checkFormat(this, 'runbookUrl', props.runbookUrl!, { test: (v) => isHttpsUrl(v) && !v.includes('#') && !/[$%]\{/.test(v) },
        'not an https:// URL without a fragment or ${ / %{ (the library appends each alert\'s #anchor, and Terraform would read ${ and %{ in the descriptions as template syntax)', "give the page's https:// address without '#...', e.g. 'https://wiki.contoso.com/platform/runbook'"));
    }
    const metricPlan = planMetricAlerts(props.targets);
    const logPlan = planLogAlerts(props.targets);
    checkSilencedRegions(checks, props.silencedRegions, [...new Set([...regions, ...Object.values(props.availabilityTests?.urlRegions ?? {})])]);
    this.checkNames(checks, props, metricPlan, logPlan);
    const availability = this.checkAvailabilityTests(checks, props);
    if (metricPlan.length + logPlan.length + planActivityLogAlerts(props.targets).length === 0 && props.availabilityTests === undefined && !checks.failed('targets')) {
      checks.fail({ prop: 'targets', value: props.targets, problem: 'no target and no availability test, so there is nothing to watch (only an action group would be created)', fix: 'give at least one target (e.g. targets.kubernetesClusterIds) or availabilityTests' });
    }
    checks.throwIfAny();

    if (props.contacts !== undefined) this.actionGroup = this.createActionGroup(props, props.contacts);
    else Annotations.of(this).addWarning('Observability has no contacts: its alerts fire and show in the Azure portal but notify no one. Give contacts (emails, smsNumbers, webhooks or actionGroupIds).');
    const actionGroupIds = this.actionGroup ? [this.actionGroup.id, ...(props.contacts?.actionGroupIds ?? [])] : [];
    for (const planned of metricPlan) this.createMetricAlert(planned, actionGroupIds, props);
    for (const planned of logPlan) this.createLogAlert(planned, props.targets.logAnalyticsWorkspaceIds![planned.region], actionGroupIds, props);
    for (const planned of planActivityLogAlerts(props.targets)) this.createActivityLogAlert(planned, actionGroupIds, props);
    const built = availability ? buildAvailabilityTests({
      scope: this, naming: this.naming, resourceGroupName: props.resourceGroupName, checked: availability, names: props.names,
      severity: this.severities.availability, actionGroupIds, runbook: this.runbook(RUNBOOK_SECTIONS.availability, props), tags: props.tags,
    }) : { tests: {}, alerts: {} };
    this.availabilityTests = built.tests;
    this.availabilityAlerts = built.alerts;
    for (const region of props.silencedRegions ?? []) this.createSuppressionRule(region, props);
  }

  /** The availability options checked, or `undefined` without tests (then names for tests are an error). */
  private checkAvailabilityTests(checks: Checks, props: ObservabilityProps): CheckedAvailability | undefined {
    if (props.availabilityTests !== undefined) return checkAvailability(checks, props.availabilityTests, props.names);
    for (const prop of ['availabilityTests', 'availabilityAlerts'] as const) {
      if (props.names?.[prop] !== undefined) checks.fail({ prop: `names.${prop}`, value: props.names[prop], problem: 'there are no availabilityTests, so the names would be ignored', fix: `drop names.${prop}, or add availabilityTests` });
    }
    return undefined;
  }

  private checkNames(checks: Checks, props: ObservabilityProps, metricPlan: readonly Planned<MetricAlertSpec>[], logPlan: readonly Planned<LogAlertSpec>[]): void {
    const names = props.names ?? {};
    if (names.actionGroup !== undefined) checks.run(undefined, () => ResourceKind.ACTION_GROUP.validate(this, 'names.actionGroup', names.actionGroup!));
    if (names.actionGroupShortName !== undefined) checks.run(undefined, () => ResourceKind.ACTION_GROUP_SHORT_NAME.validate(this, 'names.actionGroupShortName', names.actionGroupShortName!));
    const byAlert = (plan: readonly Planned<MetricAlertSpec | LogAlertSpec | ActivityLogAlertSpec>[], prop: string, given: NamesByAlert | undefined, kind: ResourceKind) => {
      for (const [alert, regionNames] of Object.entries(given ?? {})) {
        const regions = plan.filter((p) => p.spec.alert === alert).map((p) => p.region);
        if (regions.length === 0) {
          checks.fail({ prop: `${prop}.${alert}`, value: regionNames, problem: 'this construct creates no such alert (unknown alert, or its target is not given), so the names would be ignored', fix: `key ${prop} by the alerts it creates: ${[...new Set(plan.map((p) => p.spec.alert))].join(', ') || '(none)'}` });
          continue;
        }
        checkRegionNames(checks, `${prop}.${alert}`, regionNames, regions, kind);
      }
    };
    byAlert(metricPlan, 'names.metricAlerts', names.metricAlerts, ResourceKind.METRIC_ALERT);
    byAlert(logPlan, 'names.logAlerts', names.logAlerts, ResourceKind.LOG_ALERT);
    byAlert(planActivityLogAlerts(props.targets), 'names.activityLogAlerts', names.activityLogAlerts, ResourceKind.ACTIVITY_LOG_ALERT);
    checkRegionNames(checks, 'names.suppressionRules', names.suppressionRules, props.silencedRegions ?? [], ResourceKind.ALERT_PROCESSING_RULE);
  }

  private createActionGroup(props: ObservabilityProps, contacts: ObservabilityContacts): MonitorActionGroup {
    return new MonitorActionGroup(this, 'ActionGroup', {
      name: this.naming.name(this, ResourceKind.ACTION_GROUP, { override: props.names?.actionGroup, prop: 'names.actionGroup', childId: 'ActionGroup' }),
      resourceGroupName: props.resourceGroupName,
      // 1-12 characters (monitor_action_group_resource.go); the prefix is 2-12.
      shortName: props.names?.actionGroupShortName ?? this.naming.prefix,
      // The common alert schema where the receiver supports it (email, webhook; SMS has no schema).
      emailReceiver: (contacts.emails ?? []).map((emailAddress, i) => ({ name: `email-${i + 1}`, emailAddress, useCommonAlertSchema: true })),
      smsReceiver: (contacts.smsNumbers ?? []).map((sms, i) => ({ name: `sms-${i + 1}`, countryCode: sms.countryCode, phoneNumber: sms.phoneNumber })),
      webhookReceiver: (contacts.webhooks ?? []).map((serviceUri, i) => ({ name: `webhook-${i + 1}`, serviceUri, useCommonAlertSchema: true })),
      tags: props.tags,
    });
  }

  /** The description: what is measured, when it fires, then the runbook (`... : above 100 ms over 5 minutes. Runbook: ...`). */
  private description(spec: MetricAlertSpec | LogAlertSpec, threshold: number, window: keyof typeof WINDOW_WORDS, props: ObservabilityProps): string {
    return `${spec.summary}: ${OPERATOR_WORDS[spec.operator]} ${threshold}${spec.unit} over ${WINDOW_WORDS[window]}. Runbook: ${this.runbook(spec.runbook, props)}`;
  }

  /** Where a runbook section is: the page given in `runbookUrl` with the section's anchor, or the README section. */
  private runbook(section: RunbookSection, props: ObservabilityProps): string {
    return props.runbookUrl !== undefined ? `${props.runbookUrl}#${anchorOf(section)}` : `README section "${section}"`;
  }

  private alertName(kind: ResourceKind, alert: ObservabilityAlert, region: string, id: string, override: string | undefined, prop: string): string {
    return this.naming.name(this, kind, { qualifier: `${kebab(alert)}-${region}`, override, prop, childId: id });
  }

  private createMetricAlert(planned: Planned<MetricAlertSpec>, actionGroupIds: readonly string[], props: ObservabilityProps): void {
    const { spec, region, targetId } = planned;
    const id = `${spec.alert}-${region}`;
    const threshold = spec.threshold !== undefined ? this.thresholds[spec.threshold] : spec.fixedThreshold!;
    const dimension = spec.dimension ? [{ name: spec.dimension.name, operator: 'Include', values: [...(spec.dimension.values ?? [this.backlogEntity])] }] : undefined;
    this.mutable(this.metricAlerts)[`${spec.alert}.${region}`] = new MonitorMetricAlert(this, id, {
      name: this.alertName(ResourceKind.METRIC_ALERT, spec.alert, region, id, props.names?.metricAlerts?.[spec.alert]?.[region], `names.metricAlerts.${spec.alert}.${region}`),
      resourceGroupName: props.resourceGroupName,
      scopes: [targetId],
      description: this.description(spec, threshold, spec.windowSize, props),
      severity: this.severities[spec.alert],
      windowSize: spec.windowSize,
      frequency: spec.frequency,
      autoMitigate: true,
      criteria: [{ metricNamespace: spec.namespace, metricName: spec.metric, aggregation: spec.aggregation, operator: spec.operator, threshold, dimension }],
      action: actionGroupIds.map((actionGroupId) => ({ actionGroupId })),
      tags: props.tags,
    });
  }

  private createLogAlert(planned: Planned<LogAlertSpec>, workspaceId: string, actionGroupIds: readonly string[], props: ObservabilityProps): void {
    const { spec, region, targetId } = planned;
    const id = `${spec.alert}-${region}`;
    this.mutable(this.logAlerts)[`${spec.alert}.${region}`] = new MonitorScheduledQueryRulesAlertV2(this, id, {
      name: this.alertName(ResourceKind.LOG_ALERT, spec.alert, region, id, props.names?.logAlerts?.[spec.alert]?.[region], `names.logAlerts.${spec.alert}.${region}`),
      resourceGroupName: props.resourceGroupName,
      location: region,
      scopes: [workspaceId],
      description: this.description(spec, this.thresholds[spec.threshold], spec.windowDuration, props),
      displayName: `${spec.summary} (${region})`,
      severity: this.severities[spec.alert],
      windowDuration: spec.windowDuration,
      evaluationFrequency: spec.evaluationFrequency,
      autoMitigationEnabled: true,
      criteria: [{
        query: spec.query(targetId),
        timeAggregationMethod: 'Maximum',
        metricMeasureColumn: 'AggregatedValue',
        operator: spec.operator,
        threshold: this.thresholds[spec.threshold],
        dimension: spec.dimensions.map((name) => ({ name, operator: 'Include', values: ['*'] })),
      }],
      // Without contacts there is no action group, and the provider's action block needs one (omit the block).
      action: actionGroupIds.length > 0 ? { actionGroups: [...actionGroupIds] } : undefined,
      tags: props.tags,
    });
  }

  /** An activity log alert: the operation succeeded on the target (category Administrative). Activity log alerts are global and carry no severity. */
  private createActivityLogAlert(planned: Planned<ActivityLogAlertSpec>, actionGroupIds: readonly string[], props: ObservabilityProps): void {
    const { spec, region, targetId } = planned;
    const id = `${spec.alert}-${region}`;
    this.mutable(this.activityLogAlerts)[`${spec.alert}.${region}`] = new MonitorActivityLogAlert(this, id, {
      name: this.naming.name(this, ResourceKind.ACTIVITY_LOG_ALERT, { qualifier: `${kebab(spec.alert)}-${region}`, override: props.names?.activityLogAlerts?.[spec.alert]?.[region], prop: `names.activityLogAlerts.${spec.alert}.${region}`, childId: id }),
      resourceGroupName: props.resourceGroupName,
      location: 'global',
      scopes: activityScopes(props.targets, region, targetId),
      description: `${spec.summary} (cell ${region}). Runbook: ${this.runbook(spec.runbook, props)}`,
      criteria: { category: 'Administrative', operationName: spec.operation, statuses: ['Succeeded'] },
      action: actionGroupIds.map((actionGroupId) => ({ actionGroupId })),
      tags: props.tags,
    });
  }

  private createSuppressionRule(region: string, props: ObservabilityProps): void {
    // The region's targets, and the availability tests of its origins.
    const tests = Object.entries(props.availabilityTests?.urlRegions ?? {}).filter(([, r]) => r === region).map(([key]) => this.availabilityTests[key].id);
    const scopes = [...regionScopes(props.targets, region), ...tests];
    this.mutable(this.suppressionRules)[region] = new MonitorAlertProcessingRuleSuppression(this, `Silence-${region}`, {
      name: this.naming.name(this, ResourceKind.ALERT_PROCESSING_RULE, { qualifier: region, override: props.names?.suppressionRules?.[region], prop: `names.suppressionRules.${region}`, childId: `Silence-${region}` }),
      resourceGroupName: props.resourceGroupName,
      scopes,
      description: `Planned maintenance in ${region}: alerts on the region's resources notify no one (silencedRegions).`,
      tags: props.tags,
    });
  }

  private mutable<T>(map: { readonly [key: string]: T }): { [key: string]: T } {
    return map as { [key: string]: T };
  }
}

/** `cosmosThrottledRequests` -> `cosmos-throttled-requests`. */
function kebab(value: string): string {
  return value.replace(/[A-Z0-9]+/g, (m) => `-${m.toLowerCase()}`).replace(/^-/, '');
}

/** The regional target maps keyed by region, in the order alerts are created. */
const REGIONAL_TARGETS: readonly (RegionalTarget | 'sqlFailoverGroupIds' | 'logAnalyticsWorkspaceIds')[] = ['sqlFailoverGroupIds', 'cosmosAccountIds', 'serviceBusNamespaceIds', 'eventHubsNamespaceIds', 'kubernetesClusterIds', 'keyVaultIds', 'logAnalyticsWorkspaceIds'];

/** A regional target: the alert key it is watched under (`westus3`, `westus3-standby`), the region it is in, its ID. */
interface PlacedTarget {
  readonly target: RegionalTarget | 'sqlFailoverGroupIds' | 'logAnalyticsWorkspaceIds';
  /** The region part of its alerts' keys (`<alert>.<key>`). */
  readonly key: string;
  /** The region the resource is in (silencing that region silences it). */
  readonly region: string;
  readonly id: string;
  /** The prop the ID was given in. */
  readonly prop: string;
}

/**
 * Every regional target: the maps keyed by region; PostgreSQL replicas keyed `<home>-replica-<region>` (a region may
 * hold replicas of several cells) and in-region read replicas `<home>-read<n>`; standby namespaces keyed `<home>-standby`, in their own region.
 */
function placedTargets(targets: ObservabilityTargets): PlacedTarget[] {
  const placed: PlacedTarget[] = [];
  for (const [home, replicas] of Object.entries(targets.postgresqlReplicaServerIds ?? {})) {
    for (const [region, id] of Object.entries(replicas ?? {})) placed.push({ target: 'postgresqlReplicaServerIds', key: `${home}-replica-${region}`, region, id, prop: `targets.postgresqlReplicaServerIds.${home}.${region}` });
  }
  for (const [home, replicas] of Object.entries(targets.postgresqlReadReplicaServerIds ?? {})) {
    replicas.forEach((id, k) => placed.push({ target: 'postgresqlReplicaServerIds', key: `${home}-read${k + 1}`, region: home, id, prop: `targets.postgresqlReadReplicaServerIds.${home}[${k}]` }));
  }
  for (const key of REGIONAL_TARGETS) {
    for (const [region, id] of Object.entries(targets[key] ?? {})) placed.push({ target: key, key: region, region, id, prop: `targets.${key}.${region}` });
    if (key === 'serviceBusNamespaceIds') {
      for (const [home, standby] of Object.entries(targets.serviceBusStandbyNamespaces ?? {})) placed.push({ target: key, key: `${home}${STANDBY_SUFFIX}`, region: standby.region, id: standby.id, prop: `targets.serviceBusStandbyNamespaces.${home}.id` });
    }
    if (key === 'eventHubsNamespaceIds') {
      for (const [home, standby] of Object.entries(targets.eventHubsStandbyNamespaces ?? {})) placed.push({ target: key, key: `${home}${STANDBY_SUFFIX}`, region: standby.region, id: standby.id, prop: `targets.eventHubsStandbyNamespaces.${home}.id` });
    }
  }
  return placed;
}

/** Checks the region keys and resource IDs of the targets; returns every region that has a target. */
function checkTargets(checks: Checks, targets: ObservabilityTargets): string[] {
  const regions = new Set<string>();
  const checkId = (prop: string, value: string, key: keyof ObservabilityTargets) => {
    const { type, label } = TARGET_TYPES[key]!;
    const pattern = new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${type.replace('.', '\\.').replace('<server>', '[^/]+')}/[^/]+$`, 'i');
    checks.run(undefined, () => checkFormat(checks.scope, prop, value, pattern, `not the resource ID of ${label} (/subscriptions/<id>/resourceGroups/<group>/providers/${type}/<name>), so the alerts would watch the wrong resource`, `give the resource's id attribute (a literal ID or a reference such as resource.id)`));
  };
  if (targets.frontDoorProfileId !== undefined) checkId('targets.frontDoorProfileId', targets.frontDoorProfileId, 'frontDoorProfileId');
  // The keys that are regions besides each target's own region: a replica's cell, a standby's cell.
  for (const key of ['postgresqlReplicaServerIds', 'serviceBusStandbyNamespaces', 'eventHubsStandbyNamespaces'] as const) {
    for (const home of Object.keys(targets[key] ?? {})) checks.run(undefined, () => Regions.find(home, checks.scope, `targets.${key}.${home}`));
  }
  for (const t of placedTargets(targets)) {
    const regionProp = t.prop.endsWith('.id') ? `${t.prop.slice(0, -3)}.region` : t.prop;
    const known = checks.run(undefined, () => Regions.find(t.region, checks.scope, regionProp));
    if (known) regions.add(t.region);
    checkId(t.prop, t.id, t.target);
  }
  for (const [region, id] of Object.entries(targets.sqlFailoverGroupPartnerIds ?? {})) {
    if (targets.sqlFailoverGroupIds?.[region] === undefined) {
      checks.fail({ prop: `targets.sqlFailoverGroupPartnerIds.${region}`, value: id, problem: `no failover group of ${region} is in sqlFailoverGroupIds, so the partner's side would be ignored`, fix: `add targets.sqlFailoverGroupIds.${region}, or drop this key` });
    } else {
      checkId(`targets.sqlFailoverGroupPartnerIds.${region}`, id, 'sqlFailoverGroupIds');
    }
  }
  for (const region of Object.keys(targets.kubernetesClusterIds ?? {})) {
    if (targets.logAnalyticsWorkspaceIds?.[region] === undefined) {
      checks.fail({ prop: `targets.logAnalyticsWorkspaceIds.${region}`, value: undefined, problem: `the AKS log alerts (container restarts, HPA at maximum) of ${region} query its Container Insights workspace, and none is given`, fix: `add targets.logAnalyticsWorkspaceIds.${region} (the workspace of the cluster's Container Insights, e.g. RegionalMonitoring.workspaceId)` });
    }
  }
  const entity = targets.serviceBusBacklogEntityName;
  if (entity !== undefined && !Token.isUnresolved(entity) && !/^[a-zA-Z0-9][a-zA-Z0-9._/-]{0,259}$/.test(entity)) {
    checks.fail({ prop: 'targets.serviceBusBacklogEntityName', value: entity, problem: 'not a Service Bus queue or topic name', fix: "give the topic the delivery-tracking subscription reads, e.g. 'order-events'" });
  }
  return [...regions];
}

function checkContacts(checks: Checks, contacts: ObservabilityContacts): void {
  const count = (contacts.emails?.length ?? 0) + (contacts.smsNumbers?.length ?? 0) + (contacts.webhooks?.length ?? 0) + (contacts.actionGroupIds?.length ?? 0);
  if (count === 0) {
    checks.fail({ prop: 'contacts', value: contacts, problem: 'no contact, so every alert would fire unseen', fix: 'give at least one of contacts.emails, contacts.smsNumbers, contacts.webhooks or contacts.actionGroupIds' });
  }
  (contacts.emails ?? []).forEach((email, i) => checks.run(undefined, () => checkFormat(checks.scope, `contacts.emails[${i}]`, email, EMAIL, 'not an email address', "give an address such as 'oncall@contoso.com'")));
  // A contact listed twice would be notified twice (two receivers).
  const lists: [string, readonly string[]][] = [['emails', contacts.emails ?? []], ['webhooks', contacts.webhooks ?? []], ['actionGroupIds', contacts.actionGroupIds ?? []], ['smsNumbers', (contacts.smsNumbers ?? []).map((n) => `+${n.countryCode} ${n.phoneNumber}`)]];
  for (const [key, values] of lists) {
    values.forEach((value, i) => {
      if (!Token.isUnresolved(value) && values.indexOf(value) < i) checks.fail({ prop: `contacts.${key}[${i}]`, value: (contacts as Record<string, unknown[]>)[key][i], problem: 'listed twice, so it would be notified twice', fix: 'list each contact once' });
    });
  }
  (contacts.smsNumbers ?? []).forEach((sms, i) => {
    checks.run(undefined, () => checkFormat(checks.scope, `contacts.smsNumbers[${i}].countryCode`, sms.countryCode, COUNTRY_CODE, 'not a country calling code (1-3 digits, no + or leading zero)', "give the digits only, e.g. '1' or '44'"));
    checks.run(undefined, () => checkFormat(checks.scope, `contacts.smsNumbers[${i}].phoneNumber`, sms.phoneNumber, PHONE_NUMBER, 'not a national phone number (4-14 digits, no spaces, + or punctuation)', "give the digits only, e.g. '5555551234'"));
    if (COUNTRY_CODE.test(sms.countryCode) && PHONE_NUMBER.test(sms.phoneNumber) && sms.countryCode.length + sms.phoneNumber.length > 15) {
      checks.fail({ prop: `contacts.smsNumbers[${i}]`, value: sms, problem: 'longer than 15 digits with its country code (E.164 allows at most 15)', fix: 'drop the trunk prefix (a leading 0) from phoneNumber' });
    }
  });
  (contacts.webhooks ?? []).forEach((url, i) => checks.run(undefined, () => checkFormat(checks.scope, `contacts.webhooks[${i}]`, url, { test: isHttpsUrl }, 'not an https:// URL without spaces (alert payloads must not travel unencrypted)', 'give the https:// address of the receiving endpoint')));
  (contacts.actionGroupIds ?? []).forEach((id, i) => checks.run(undefined, () => checkFormat(checks.scope, `contacts.actionGroupIds[${i}]`, id, ACTION_GROUP_ID, 'not the resource ID of an action group', 'give /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/actionGroups/<name> (or the id attribute of a MonitorActionGroup)')));
}

/** Every threshold, given or default, checked against its range. */
function resolveThresholds(checks: Checks, given: ObservabilityThresholds | undefined): Required<ObservabilityThresholds> {
  const result: Record<string, number> = {};
  for (const [key, spec] of Object.entries(THRESHOLDS)) {
    const value = (given as Record<string, number> | undefined)?.[key];
    result[key] = spec.default;
    if (value === undefined) continue;
    const prop = `thresholds.${key}`;
    if (Token.isUnresolved(value)) {
      checks.fail({ prop, value, problem: 'a Terraform token is unknown until apply, and the threshold is checked against its range at synth time', fix: 'pass a literal number' });
    } else if (value < spec.min || value > spec.max || (spec.integer && !Number.isInteger(value))) {
      checks.fail({ prop, value, problem: `must be ${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`, fix: `set ${prop} between ${spec.min} and ${spec.max} (default ${spec.default})` });
    } else {
      result[key] = value;
    }
  }
  return result as Required<ObservabilityThresholds>;
}

function resolveSeverities(given: ObservabilityProps['severities']): { readonly [K in ObservabilityAlert]: AlertSeverity } {
  const result: Partial<Record<ObservabilityAlert, AlertSeverity>> = {};
  for (const spec of [...METRIC_ALERTS, ...LOG_ALERTS]) result[spec.alert] = given?.[spec.alert] ?? spec.severity;
  // An availability test failing from several locations: the service is unreachable for users there.
  result.availability = given?.availability ?? 1;
  return result as { readonly [K in ObservabilityAlert]: AlertSeverity };
}

function checkSilencedRegions(checks: Checks, silenced: readonly string[] | undefined, regions: readonly string[]): void {
  const seen = new Set<string>();
  (silenced ?? []).forEach((region, i) => {
    const prop = `silencedRegions[${i}]`;
    if (Token.isUnresolved(region)) {
      checks.fail({ prop, value: region, problem: 'a Terraform token is unknown until apply, and each silenced region is matched against the targets\' regions at synth time', fix: `pass a literal region name${regions.length > 0 ? ` (${regions.join(', ')})` : ''}` });
    } else if (!regions.includes(region)) {
      checks.fail({ prop, value: region, problem: regions.length > 0 ? `no target of this construct is in ${region} (targets are in ${regions.join(', ')}), so there is nothing to silence` : 'no regional target is given, so there is nothing to silence', fix: regions.length > 0 ? `silence one of ${regions.join(', ')}` : 'drop silencedRegions' });
    } else if (seen.has(region)) {
      checks.fail({ prop, value: region, problem: 'listed twice', fix: 'list each region once' });
    }
    seen.add(region);
  });
}

function planMetricAlerts(targets: ObservabilityTargets): Planned<MetricAlertSpec>[] {
  const plan: Planned<MetricAlertSpec>[] = [];
  const placed = placedTargets(targets);
  for (const spec of METRIC_ALERTS) {
    if (spec.target === 'frontDoorProfileId') {
      if (targets.frontDoorProfileId !== undefined) plan.push({ spec, region: GLOBAL, targetId: targets.frontDoorProfileId });
      continue;
    }
    for (const t of placed.filter((p) => p.target === spec.target)) plan.push({ spec, region: t.key, targetId: t.id });
  }
  return plan;
}

function planActivityLogAlerts(targets: ObservabilityTargets): Planned<ActivityLogAlertSpec>[] {
  return ACTIVITY_LOG_ALERTS.flatMap((spec) => Object.entries(targets.sqlFailoverGroupIds ?? {}).map(([region, targetId]) => ({ spec, region, targetId })));
}

/** An activity log alert's scopes: the group as the primary server sees it, and as the partner does (scopes are prefixes of the events' resource IDs). */
function activityScopes(targets: ObservabilityTargets, region: string, targetId: string): string[] {
  const partner = targets.sqlFailoverGroupPartnerIds?.[region];
  return partner !== undefined ? [targetId, partner] : [targetId];
}

function planLogAlerts(targets: ObservabilityTargets): Planned<LogAlertSpec>[] {
  return LOG_ALERTS.flatMap((spec) => Object.entries(targets.kubernetesClusterIds ?? {}).map(([region, targetId]) => ({ spec, region, targetId })));
}

/** Every resource of a region the alerts watch: the scopes of its suppression rule (the workspace carries the log alerts). */
function regionScopes(targets: ObservabilityTargets, region: string): string[] {
  const partner = targets.sqlFailoverGroupPartnerIds?.[region];
  return [...placedTargets(targets).filter((t) => t.region === region).map((t) => t.id), ...(partner !== undefined ? [partner] : [])];
}
