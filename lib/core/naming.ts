import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ValidationError } from './errors';

/** Azure's naming rules for one resource type, and the abbreviation the library uses for it. */
export interface ResourceKindProps {
  /** Human name for messages, e.g. `Key Vault`. */
  readonly label: string;
  /** Cloud Adoption Framework abbreviation used in generated names, e.g. `kv`. */
  readonly abbreviation: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** Whole-name pattern Azure accepts. */
  readonly pattern: RegExp;
  /** The pattern in words, for error messages. */
  readonly rule: string;
  /** Whether generated names may use `-` between parts; `false` for types that allow letters and digits only. */
  readonly hyphens: boolean;
  /** Whether the name must be unique across Azure (it becomes a DNS name). */
  readonly globallyUnique: boolean;
  /** Extra rule beyond the pattern, returning a problem or `undefined`. */
  readonly extraCheck?: (name: string) => string | undefined;
}

const ALNUM_HYPHEN = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const LOWER_ALNUM_HYPHEN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const NETWORK_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9_])?$/;
/** Names of Azure Monitor rules and action groups: letters, digits, ._- (no characters that need escaping in URLs). */
const MONITOR_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9_-])?$/;
const MONITOR_NAME_RULE = 'letters, digits, ._- starting with a letter or digit, not ending with a period';
const noDoubleHyphen = (name: string) => (name.includes('--') ? 'must not contain consecutive hyphens' : undefined);

/**
 * A resource type the library names, with Azure's length and character rules.
 *
 * Rules from Microsoft Learn, "Naming rules and restrictions for Azure resources"; abbreviations from the Cloud
 * Adoption Framework's "Abbreviation recommendations for Azure resources".
 */
export class ResourceKind {
  public static readonly RESOURCE_GROUP = new ResourceKind({
    label: 'resource group', abbreviation: 'rg', minLength: 1, maxLength: 90, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9._()-]*[a-zA-Z0-9_()-]$/, rule: 'letters, digits, ._-() and not ending in a period',
  });
  public static readonly VIRTUAL_NETWORK = new ResourceKind({
    label: 'virtual network', abbreviation: 'vnet', minLength: 2, maxLength: 64, hyphens: true, globallyUnique: false,
    pattern: NETWORK_NAME, rule: 'letters, digits, ._- starting with a letter or digit, ending with a letter, digit or _',
  });
  public static readonly SUBNET = new ResourceKind({
    label: 'subnet', abbreviation: 'snet', minLength: 1, maxLength: 80, hyphens: true, globallyUnique: false,
    pattern: NETWORK_NAME, rule: 'letters, digits, ._- starting with a letter or digit, ending with a letter, digit or _',
  });
  public static readonly NETWORK_SECURITY_GROUP = new ResourceKind({
    label: 'network security group', abbreviation: 'nsg', minLength: 1, maxLength: 80, hyphens: true,
    globallyUnique: false, pattern: NETWORK_NAME,
    rule: 'letters, digits, ._- starting with a letter or digit, ending with a letter, digit or _',
  });
  public static readonly PRIVATE_ENDPOINT = new ResourceKind({
    label: 'private endpoint', abbreviation: 'pe', minLength: 2, maxLength: 64, hyphens: true, globallyUnique: false,
    pattern: NETWORK_NAME, rule: 'letters, digits, ._- starting with a letter or digit, ending with a letter, digit or _',
  });
  public static readonly LOG_ANALYTICS_WORKSPACE = new ResourceKind({
    label: 'Log Analytics workspace', abbreviation: 'log', minLength: 4, maxLength: 63, hyphens: true,
    globallyUnique: false, pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  public static readonly APPLICATION_INSIGHTS = new ResourceKind({
    label: 'Application Insights component', abbreviation: 'appi', minLength: 1, maxLength: 260, hyphens: true,
    globallyUnique: false, pattern: /^[^%&\\?/]*[^%&\\?/. ]$/, rule: 'no %&\\?/ and not ending in a period or space',
  });
  public static readonly KEY_VAULT = new ResourceKind({
    label: 'Key Vault', abbreviation: 'kv', minLength: 3, maxLength: 24, hyphens: true, globallyUnique: true,
    pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    rule: 'letters, digits and hyphens, starting with a letter and ending with a letter or digit',
    extraCheck: noDoubleHyphen,
  });
  public static readonly KUBERNETES_CLUSTER = new ResourceKind({
    label: 'AKS cluster', abbreviation: 'aks', minLength: 1, maxLength: 63, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?$/,
    rule: 'letters, digits, _ and -, starting and ending with a letter or digit',
  });
  /** The AKS API server's DNS prefix (`<prefix>-<hash>.hcp.<region>.azmk8s.io`). */
  public static readonly AKS_DNS_PREFIX = new ResourceKind({
    label: 'AKS DNS prefix', abbreviation: 'aks', minLength: 1, maxLength: 54, hyphens: true, globallyUnique: false,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  public static readonly USER_ASSIGNED_IDENTITY = new ResourceKind({
    label: 'user-assigned managed identity', abbreviation: 'id', minLength: 3, maxLength: 128, hyphens: true,
    globallyUnique: false, pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/, rule: 'letters, digits, _ and -, starting with a letter or digit',
  });
  public static readonly DATA_COLLECTION_RULE = new ResourceKind({
    label: 'data collection rule', abbreviation: 'dcr', minLength: 3, maxLength: 64, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9_])?$/, rule: 'letters, digits, ._- starting with a letter or digit',
  });
  public static readonly SQL_SERVER = new ResourceKind({
    label: 'Azure SQL logical server', abbreviation: 'sql', minLength: 1, maxLength: 63, hyphens: true, globallyUnique: true,
    pattern: LOWER_ALNUM_HYPHEN, rule: 'lower-case letters, digits and hyphens, not starting or ending with a hyphen',
  });
  public static readonly SQL_FAILOVER_GROUP = new ResourceKind({
    label: 'SQL auto-failover group', abbreviation: 'sqlfg', minLength: 1, maxLength: 63, hyphens: true,
    globallyUnique: true, pattern: LOWER_ALNUM_HYPHEN,
    rule: 'lower-case letters, digits and hyphens, not starting or ending with a hyphen',
  });
  /** A database on an Azure SQL logical server (the azurerm provider's ValidateMsSqlDatabaseName, v4.55.0). */
  public static readonly SQL_DATABASE = new ResourceKind({
    label: 'Azure SQL database', abbreviation: 'sqldb', minLength: 1, maxLength: 128, hyphens: true, globallyUnique: false,
    // eslint-disable-next-line no-control-regex
    pattern: /^[^<>*%&:\\/?\x00-\x1f]*[^<>*%&:\\/?\x00-\x1f.\s]$/,
    rule: 'any characters but <>*%&:\\/? and control characters, not ending with a period or space',
  });
  /** A database on a PostgreSQL flexible server (the azurerm provider's FlexibleServerDatabaseName, v4.55.0). */
  public static readonly POSTGRESQL_DATABASE = new ResourceKind({
    label: 'PostgreSQL database', abbreviation: 'psqldb', minLength: 1, maxLength: 63, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z_-][a-zA-Z0-9_-]*$/, rule: 'letters, digits, - and _, not starting with a digit',
  });
  public static readonly POSTGRESQL_SERVER = new ResourceKind({
    label: 'PostgreSQL flexible server', abbreviation: 'psql', minLength: 3, maxLength: 63, hyphens: true,
    globallyUnique: true, pattern: LOWER_ALNUM_HYPHEN,
    rule: 'lower-case letters, digits and hyphens, not starting or ending with a hyphen',
  });
  /** Virtual endpoint of a PostgreSQL flexible server (`<name>.writer.postgres.database.azure.com`). */
  public static readonly POSTGRESQL_VIRTUAL_ENDPOINT = new ResourceKind({
    label: 'PostgreSQL virtual endpoint', abbreviation: 'psqlve', minLength: 3, maxLength: 63, hyphens: true,
    globallyUnique: true, pattern: LOWER_ALNUM_HYPHEN,
    rule: 'lower-case letters, digits and hyphens, not starting or ending with a hyphen',
  });
  public static readonly COSMOS_ACCOUNT = new ResourceKind({
    label: 'Cosmos DB account', abbreviation: 'cosmos', minLength: 3, maxLength: 44, hyphens: true, globallyUnique: true,
    pattern: LOWER_ALNUM_HYPHEN, rule: 'lower-case letters, digits and hyphens, not starting or ending with a hyphen',
  });
  /**
   * Azure Managed Redis (`Microsoft.Cache/redisEnterprise`; host `<name>.<region>.redis.azure.net`). The rule is the
   * provider's (terraform-provider-azurerm v4.55.0, internal/services/managedredis/validate/managed_redis_name.go:
   * 3-63 characters, letters, digits and hyphens, starting and ending with a letter or digit, no `--`); the
   * abbreviation is the Cloud Adoption Framework's for Azure Cache for Redis (`redis`).
   */
  public static readonly MANAGED_REDIS = new ResourceKind({
    label: 'Azure Managed Redis', abbreviation: 'redis', minLength: 3, maxLength: 63, hyphens: true, globallyUnique: true,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit, without consecutive hyphens',
    extraCheck: noDoubleHyphen,
  });
  public static readonly SERVICE_BUS_NAMESPACE = new ResourceKind({
    label: 'Service Bus namespace', abbreviation: 'sbns', minLength: 6, maxLength: 50, hyphens: true, globallyUnique: true,
    pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    rule: 'letters, digits and hyphens, starting with a letter and ending with a letter or digit',
    extraCheck: (name) => (/-(sb|mgmt)$/i.test(name) ? "must not end with '-sb' or '-mgmt'" : undefined),
  });
  /** A Service Bus topic (internal/services/servicebus/validate/topic_name.go). */
  public static readonly SERVICE_BUS_TOPIC = new ResourceKind({
    label: 'Service Bus topic', abbreviation: 'sbt', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9](?:[-._~/a-zA-Z0-9]*[a-zA-Z0-9])?$/,
    rule: 'letters, digits, periods, hyphens, tildes, slashes and underscores, starting and ending with a letter or digit',
  });
  /** A Service Bus topic subscription (internal/services/servicebus/validate/subscription_name.go). */
  public static readonly SERVICE_BUS_SUBSCRIPTION = new ResourceKind({
    label: 'Service Bus subscription', abbreviation: 'sbts', minLength: 1, maxLength: 50, hyphens: true, globallyUnique: false,
    pattern: /^[_a-zA-Z0-9](?:[-._a-zA-Z0-9]*[_a-zA-Z0-9])?$/,
    rule: 'letters, digits, periods, hyphens and underscores, starting and ending with a letter, digit or underscore',
  });
  /**
   * An Event Hubs namespace, or its geo-DR alias (a host of servicebus.windows.net too):
   * internal/services/eventhub/validate/eventhub_names.go (ValidateEventHubNamespaceName), 6-50 characters.
   */
  public static readonly EVENT_HUB_NAMESPACE = new ResourceKind({
    label: 'Event Hubs namespace', abbreviation: 'evhns', minLength: 6, maxLength: 50, hyphens: true, globallyUnique: true,
    pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    rule: 'letters, digits and hyphens, starting with a letter and ending with a letter or digit',
    // Namespaces of Event Hubs and Service Bus share servicebus.windows.net and its reserved suffixes.
    extraCheck: (name) => (/-(sb|mgmt)$/i.test(name) ? "must not end with '-sb' or '-mgmt'" : undefined),
  });
  /** An event hub, the Kafka topic (internal/services/eventhub/validate/eventhub_names.go, ValidateEventHubName). */
  public static readonly EVENT_HUB = new ResourceKind({
    label: 'event hub', abbreviation: 'evh', minLength: 1, maxLength: 256, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9](?:[-._a-zA-Z0-9]*[a-zA-Z0-9])?$/,
    rule: 'letters, digits, periods, hyphens and underscores, starting and ending with a letter or digit',
  });
  /** An event hub consumer group, the Kafka group.id (internal/services/eventhub/validate/eventhub_names.go, ValidateEventHubConsumerName). */
  public static readonly EVENT_HUB_CONSUMER_GROUP = new ResourceKind({
    label: 'event hub consumer group', abbreviation: 'evhcg', minLength: 1, maxLength: 50, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9](?:[-._a-zA-Z0-9]*[a-zA-Z0-9])?$/,
    rule: 'letters, digits, periods, hyphens and underscores, starting and ending with a letter or digit',
  });
  public static readonly EVENT_GRID_TOPIC = new ResourceKind({
    label: 'Event Grid topic', abbreviation: 'evgt', minLength: 3, maxLength: 50, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9-]+$/, rule: 'letters, digits and hyphens',
  });
  /** An Event Grid event subscription (internal/services/eventgrid/event_subscription_schema.go). */
  public static readonly EVENT_GRID_SUBSCRIPTION = new ResourceKind({
    label: 'Event Grid subscription', abbreviation: 'evgs', minLength: 3, maxLength: 64, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9-]+$/, rule: 'letters, digits and hyphens',
  });
  /** Front Door (Standard/Premium) profile; azurerm's `FrontDoorName` (internal/services/cdn/validate) requires 2-90 characters. */
  public static readonly FRONT_DOOR_PROFILE = new ResourceKind({
    label: 'Front Door profile', abbreviation: 'afd', minLength: 2, maxLength: 90, hyphens: true, globallyUnique: false,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  /** Front Door endpoint; azurerm's `FrontDoorEndpointName` (internal/services/cdn/validate) requires 2-46 characters. */
  public static readonly FRONT_DOOR_ENDPOINT = new ResourceKind({
    label: 'Front Door endpoint', abbreviation: 'fde', minLength: 2, maxLength: 46, hyphens: true, globallyUnique: true,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  /**
   * Custom domain of a Front Door profile; azurerm's `FrontDoorCustomDomainName` (internal/services/cdn/validate):
   * 2-260 characters. The library names it after the host name, so the abbreviation is not used.
   */
  public static readonly FRONT_DOOR_CUSTOM_DOMAIN = new ResourceKind({
    label: 'Front Door custom domain', abbreviation: 'fdcd', minLength: 2, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  /**
   * Security policy of a Front Door profile; azurerm's `FrontDoorSecurityPolicyName` (internal/services/cdn/validate)
   * checks the characters only, and 260 is the limit of the profile's other named children (custom domains). The library
   * names it `waf`, so the abbreviation is not used.
   */
  public static readonly FRONT_DOOR_SECURITY_POLICY = new ResourceKind({
    label: 'Front Door security policy', abbreviation: 'fdsp', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  public static readonly FRONT_DOOR_WAF_POLICY = new ResourceKind({
    label: 'Front Door WAF policy', abbreviation: 'waf', minLength: 1, maxLength: 128, hyphens: false,
    globallyUnique: false, pattern: /^[a-zA-Z][a-zA-Z0-9]*$/, rule: 'letters and digits, starting with a letter',
  });
  /**
   * Front Door route, origin group and origin (children of a profile or endpoint, named by the library after the
   * service, the group's role and the region); azurerm's `FrontDoorRouteName`, `FrontDoorOriginGroupName` and
   * `FrontDoorOriginName` (internal/services/cdn/validate) all require 2-90 letters, digits and hyphens.
   */
  public static readonly FRONT_DOOR_ROUTE = new ResourceKind({
    label: 'Front Door route', abbreviation: 'fdr', minLength: 2, maxLength: 90, hyphens: true, globallyUnique: false,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  public static readonly FRONT_DOOR_ORIGIN_GROUP = new ResourceKind({
    label: 'Front Door origin group', abbreviation: 'fdog', minLength: 2, maxLength: 90, hyphens: true, globallyUnique: false,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  public static readonly FRONT_DOOR_ORIGIN = new ResourceKind({
    label: 'Front Door origin', abbreviation: 'fdo', minLength: 2, maxLength: 90, hyphens: true, globallyUnique: false,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  /**
   * Endpoint of a Traffic Manager profile (the library names it after its region). azurerm checks only that the name
   * is not empty (internal/services/trafficmanager/traffic_manager_external_endpoint_resource.go), so the library keeps
   * what its resource ID can hold: a path segment without `/`, `\`, `#`, `?` or `%` (the provider could not parse the ID
   * back), no surrounding spaces, at most 260 characters (the limit the library keeps for other named children, such as
   * a Front Door profile's custom domains).
   */
  public static readonly TRAFFIC_MANAGER_ENDPOINT = new ResourceKind({
    label: 'Traffic Manager endpoint', abbreviation: 'trafe', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: /^[^\s/\\#?%](?:[^/\\#?%]*[^\s/\\#?%])?$/, rule: 'no leading or trailing spaces, and none of / \\ # ? %',
  });
  public static readonly TRAFFIC_MANAGER_PROFILE = new ResourceKind({
    label: 'Traffic Manager profile', abbreviation: 'traf', minLength: 1, maxLength: 63, hyphens: true,
    globallyUnique: true, pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  public static readonly API_MANAGEMENT = new ResourceKind({
    label: 'API Management service', abbreviation: 'apim', minLength: 1, maxLength: 50, hyphens: true,
    globallyUnique: true, pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    rule: 'letters, digits and hyphens, starting with a letter and ending with a letter or digit',
  });
  public static readonly STORAGE_ACCOUNT = new ResourceKind({
    label: 'storage account', abbreviation: 'st', minLength: 3, maxLength: 24, hyphens: false, globallyUnique: true,
    pattern: /^[a-z0-9]+$/, rule: 'lower-case letters and digits only',
  });

  /** A blob container (never generated: the abbreviation is unused). */
  public static readonly STORAGE_CONTAINER = new ResourceKind({
    label: 'blob container', abbreviation: 'container', minLength: 3, maxLength: 63, hyphens: true, globallyUnique: false,
    pattern: LOWER_ALNUM_HYPHEN, rule: 'lower-case letters, digits and hyphens, starting and ending with a letter or digit',
    extraCheck: noDoubleHyphen,
  });
  /**
   * A Cosmos DB for NoSQL container (never generated: the abbreviation is unused). The provider checks the length only
   * (internal/services/cosmos/validate/cosmos.go, CosmosEntityName); Azure also refuses / \ # ? and a trailing space.
   */
  public static readonly COSMOS_SQL_CONTAINER = new ResourceKind({
    label: 'Cosmos DB container', abbreviation: 'container', minLength: 1, maxLength: 255, hyphens: true, globallyUnique: false,
    pattern: /^[^/\\#?]*[^/\\#? ]$/, rule: 'any characters but / \\ # ?, not ending in a space',
  });

  /**
   * Action group. The provider checks only that the name is not empty (internal/services/monitor/
   * monitor_action_group_resource.go); the library allows the conservative set it also allows for alert names.
   */
  public static readonly ACTION_GROUP = new ResourceKind({
    label: 'action group', abbreviation: 'ag', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: MONITOR_NAME, rule: MONITOR_NAME_RULE,
  });
  /** Short name of an action group, shown in its SMS and emails: 1-12 characters (monitor_action_group_resource.go, short_name). */
  public static readonly ACTION_GROUP_SHORT_NAME = new ResourceKind({
    label: 'action group short', abbreviation: 'ag', minLength: 1, maxLength: 12, hyphens: true, globallyUnique: false,
    pattern: /^\S(?:.*\S)?$/, rule: 'any characters, not starting or ending with a space',
  });
  /** Metric alert rule. The provider checks only that the name is not empty (monitor_metric_alert_resource.go). */
  public static readonly METRIC_ALERT = new ResourceKind({
    label: 'metric alert', abbreviation: 'alert', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: MONITOR_NAME, rule: MONITOR_NAME_RULE,
  });
  /** Log alert rule (scheduled query rule v2). The provider checks only that the name is not empty (monitor_scheduled_query_rules_alert_v2_resource.go). */
  public static readonly LOG_ALERT = new ResourceKind({
    label: 'log alert rule', abbreviation: 'alert', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: MONITOR_NAME, rule: MONITOR_NAME_RULE,
  });
  /**
   * Application Insights standard web test (availability test). The provider checks only that the name is not empty
   * (application_insights_standard_web_test_resource.go); the alerts' safe subset applies.
   */
  public static readonly WEB_TEST = new ResourceKind({
    label: 'availability test', abbreviation: 'avail', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: MONITOR_NAME, rule: MONITOR_NAME_RULE,
  });
  /** Activity log alert. The provider checks only that the name is not empty (monitor_activity_log_alert_resource.go). */
  public static readonly ACTIVITY_LOG_ALERT = new ResourceKind({
    label: 'activity log alert', abbreviation: 'alert', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: MONITOR_NAME, rule: MONITOR_NAME_RULE,
  });
  /** Portal dashboard: at most 160 letters, digits, _ and - (internal/services/portal/validate/dashboard_name.go). */
  public static readonly PORTAL_DASHBOARD = new ResourceKind({
    label: 'portal dashboard', abbreviation: 'dash', minLength: 1, maxLength: 160, hyphens: true, globallyUnique: false,
    pattern: /^[-\w]+$/, rule: 'letters, digits, _ and -',
  });
  /** Alert processing rule (internal/services/monitor/validate/alert_processing_rule_name.go). */
  public static readonly ALERT_PROCESSING_RULE = new ResourceKind({
    label: 'alert processing rule', abbreviation: 'apr', minLength: 1, maxLength: 260, hyphens: true, globallyUnique: false,
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/, rule: 'letters, digits, _ and -, starting with a letter or digit',
  });

  /**
   * Chaos Studio experiment (also the name of the ARM deployment of a zone-loss experiment, 1-64 characters). The
   * provider checks only that the name is not empty (chaos_studio_experiment_resource.go); the library keeps to
   * letters, digits and hyphens.
   */
  public static readonly CHAOS_EXPERIMENT = new ResourceKind({
    label: 'Chaos Studio experiment', abbreviation: 'chaos', minLength: 1, maxLength: 63, hyphens: true, globallyUnique: false,
    pattern: ALNUM_HYPHEN, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });

  private constructor(public readonly props: ResourceKindProps) {}

  /** Throws a `ValidationError` unless `name` satisfies Azure's rules for this type. */
  public validate(scope: IConstruct, prop: string, name: string): string {
    // A name from another resource (a token) is known only at apply time.
    if (typeof name === 'string' && Token.isUnresolved(name)) return name;
    const { label, minLength, maxLength, pattern, rule, extraCheck } = this.props;
    // 'an AKS cluster', 'an API Management service'; a 'u' label reads as 'you' ('a user-assigned managed identity').
    const a = /^[aeio]/i.test(label) ? 'an' : 'a';
    let problem: string | undefined;
    if (typeof name !== 'string' || name.length < minLength || name.length > maxLength) {
      problem = `${a} ${label} name must be ${minLength}-${maxLength} characters long`;
    } else if (!pattern.test(name)) {
      problem = `${a} ${label} name allows ${rule}`;
    } else {
      problem = extraCheck?.(name);
      if (problem) problem = `${a} ${label} name ${problem}`;
    }
    if (problem) {
      throw new ValidationError({ scope, prop, value: name, problem, fix: `choose a name of ${rule}, ${minLength}-${maxLength} characters` });
    }
    return name;
  }
}

/** Prefix rule: short enough for a 24-character Key Vault or storage account name with the hash. */
export const PREFIX_PATTERN = /^[a-z][a-z0-9]{1,11}$/;

/** Length of the stable hash in generated names. */
const HASH_LENGTH = 6;

const NAMING_PATHS = new WeakMap<IConstruct, string>();

/**
 * Records the path `construct` is named by, when it differs from its construct path: a construct moved in the tree
 * keeps hashing its old path, so the Azure names under it stay the same. `MultiRegionOrderPlatform` uses it for its
 * stacks, which are children of the App but were once children of the platform (`<platform path>/<stack id>`).
 */
export function keepNamingPath(construct: IConstruct, path: string): void {
  NAMING_PATHS.set(construct, path);
}

/** The path names hash for `scope`: its construct path, below the nearest scope with a path kept by {@link keepNamingPath}. */
export function namingPath(scope: IConstruct): string {
  const scopes = scope.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const kept = NAMING_PATHS.get(scopes[i]);
    if (kept !== undefined) return [kept, ...scopes.slice(i + 1).map((s) => s.node.id)].join('/');
  }
  return scope.node.path;
}

/** Six hex characters of the SHA-256 of a construct path: stable for as long as the path is. */
export function pathHash(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, HASH_LENGTH);
}

/**
 * Deterministic Azure resource names: `<prefix>-<abbreviation>[-<qualifier>]-<hash of the construct path>`.
 *
 * The hash keeps globally unique names (Key Vault, SQL server, storage, ...) distinct between platforms and
 * between regions of one platform, and it never changes while the construct path stays the same. The qualifier
 * (usually the region) is dropped when the result would exceed the type's maximum length.
 */
export class Naming {
  /** Validates a prefix: 2-12 lower-case letters and digits, starting with a letter. */
  public static validatePrefix(scope: IConstruct, prop: string, prefix: string): string {
    if (typeof prefix === 'string' && Token.isUnresolved(prefix)) {
      throw new ValidationError({ scope, prop, value: prefix, problem: 'a Terraform token is unknown until apply, and the prefix is part of every name the synth writes', fix: 'give the literal prefix' });
    }
    if (typeof prefix !== 'string' || !PREFIX_PATTERN.test(prefix)) {
      throw new ValidationError({
        scope,
        prop,
        value: prefix,
        problem: 'a name prefix must be 2-12 lower-case letters or digits and start with a letter (it is part of storage-account and Key Vault names, which allow neither hyphens nor more than 24 characters)',
        fix: "use a short organisation or product code such as 'contoso' or 'shop01'",
      });
    }
    return prefix;
  }

  constructor(public readonly prefix: string) {}

  /**
   * The name for a resource: `override` (validated against Azure's rules, reported as `prop`) when given,
   * otherwise a generated one hashed from `scope`'s naming path (plus `childId` when given).
   */
  public name(scope: IConstruct, kind: ResourceKind, options: { readonly qualifier?: string; readonly override?: string; readonly prop?: string; readonly childId?: string } = {}): string {
    const prop = options.prop ?? 'names';
    if (options.override !== undefined) return kind.validate(scope, prop, options.override);
    const { abbreviation, hyphens, maxLength } = kind.props;
    // `childId`: hash the path the resource itself will have, when several siblings of one kind share a scope.
    const path = namingPath(scope);
    const hash = pathHash(options.childId ? `${path}/${options.childId}` : path);
    const join = (parts: string[]) => parts.join(hyphens ? '-' : '');
    const clean = (part: string) => part.toLowerCase().replace(hyphens ? /[^a-z0-9-]/g : /[^a-z0-9]/g, '');
    const withQualifier = options.qualifier ? join([this.prefix, abbreviation, clean(options.qualifier), hash]) : undefined;
    const name = withQualifier && withQualifier.length <= maxLength ? withQualifier : join([this.prefix, abbreviation, hash]);
    return kind.validate(scope, prop, name);
  }
}
