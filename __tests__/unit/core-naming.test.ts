import { Construct, RootConstruct } from 'constructs';
import { Lazy } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { keepNamingPath, Naming, namingPath, pathHash, PREFIX_PATTERN, ResourceKind } from '../../lib/core/naming';

/** Unit tests of lib/core/naming.ts: Azure's naming rules per resource kind, prefixes, and the generated names. */

/** The error `fn` throws (fails the test when it throws none or another kind). */
function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('no error thrown');
}

/** A construct at `app/stack` (and `app/stack/<child>` when given). */
function at(child?: string): Construct {
  const stack = new Construct(new RootConstruct('app'), 'stack');
  return child ? new Construct(stack, child) : stack;
}

/**
 * Each kind's rules as Microsoft Learn states them ("Naming rules and restrictions for Azure resources"), its
 * abbreviation, and names the pattern accepts and refuses (each refused one of a valid length).
 */
interface KindCase {
  readonly kind: ResourceKind;
  readonly label: string;
  readonly abbreviation: string;
  readonly min: number;
  readonly max: number;
  readonly rule: string;
  readonly hyphens: boolean;
  readonly ok: readonly string[];
  readonly bad: readonly string[];
}

const NETWORK_RULE = 'letters, digits, ._- starting with a letter or digit, ending with a letter, digit or _';
const ALNUM_HYPHEN_RULE = 'letters, digits and hyphens, starting and ending with a letter or digit';
const LOWER_RULE = 'lower-case letters, digits and hyphens, not starting or ending with a hyphen';
const LETTER_START_RULE = 'letters, digits and hyphens, starting with a letter and ending with a letter or digit';
// Names every "letters, digits and hyphens, starting and ending with a letter or digit" pattern accepts and refuses.
const ALNUM_HYPHEN_OK = ['a', 'Z9', 'my-Name-01', '0abc', 'a-b'];
const ALNUM_HYPHEN_BAD = ['-abc', 'abc-', 'a_bc', 'a.bc', 'a bc'];
const LOWER_OK = ['a', 'orders-01', '0db', 'a-b'];
const LOWER_BAD = ['Orders', 'orDers', '-abc', 'abc-', 'a_bc', 'a.bc'];
const NETWORK_OK = ['vnet-hub_01', 'A.b', 'ab_', '0a', 'a.b-c_d'];
const NETWORK_BAD = ['-ab', '.ab', '_ab', 'ab.', 'ab-', 'a b', 'a+b'];
const MONITOR_RULE = 'letters, digits, ._- starting with a letter or digit, not ending with a period';
const MONITOR_OK = ['a', '1', 'alert-Orders_01', 'a.b', 'ab_', 'ab-'];
const MONITOR_BAD = ['-ab', '.ab', '_ab', 'ab.', 'a b', 'a/b', 'a+b'];

const KINDS: readonly KindCase[] = [
  {
    kind: ResourceKind.RESOURCE_GROUP, label: 'resource group', abbreviation: 'rg', min: 1, max: 90, hyphens: true,
    rule: 'letters, digits, ._-() and not ending in a period', ok: ['a', 'rg-1', 'a.b', 'My_RG(1)', '(rg)', 'rg.x-y', '-rg'], bad: ['rg.', 'rg one', 'rg/1', 'a#', '.'],
  },
  { kind: ResourceKind.VIRTUAL_NETWORK, label: 'virtual network', abbreviation: 'vnet', min: 2, max: 64, hyphens: true, rule: NETWORK_RULE, ok: NETWORK_OK, bad: NETWORK_BAD },
  { kind: ResourceKind.SUBNET, label: 'subnet', abbreviation: 'snet', min: 1, max: 80, hyphens: true, rule: NETWORK_RULE, ok: ['a', ...NETWORK_OK], bad: ['_', '.', ...NETWORK_BAD] },
  { kind: ResourceKind.NETWORK_SECURITY_GROUP, label: 'network security group', abbreviation: 'nsg', min: 1, max: 80, hyphens: true, rule: NETWORK_RULE, ok: ['a', ...NETWORK_OK], bad: NETWORK_BAD },
  { kind: ResourceKind.PRIVATE_ENDPOINT, label: 'private endpoint', abbreviation: 'pe', min: 2, max: 64, hyphens: true, rule: NETWORK_RULE, ok: NETWORK_OK, bad: NETWORK_BAD },
  {
    kind: ResourceKind.LOG_ANALYTICS_WORKSPACE, label: 'Log Analytics workspace', abbreviation: 'log', min: 4, max: 63, hyphens: true,
    rule: ALNUM_HYPHEN_RULE, ok: ['logs', 'Log-Orders-01', '0abc'], bad: ['-abc', 'abc-', 'a_bc', 'a.bc'],
  },
  {
    kind: ResourceKind.APPLICATION_INSIGHTS, label: 'Application Insights component', abbreviation: 'appi', min: 1, max: 260, hyphens: true,
    rule: 'no %&\\?/ and not ending in a period or space', ok: ['a', 'App Insights (orders).v2', '.a', ' a', 'ünïcode-ok'],
    bad: ['a%b', 'a&b', 'a\\b', 'a?b', 'a/b', 'ab.', 'ab ', '%ab', '.', ' ', 'ab%'],
  },
  {
    kind: ResourceKind.KEY_VAULT, label: 'Key Vault', abbreviation: 'kv', min: 3, max: 24, hyphens: true, rule: LETTER_START_RULE,
    ok: ['kv1', 'My-Vault-01', 'abc', 'a-b'], bad: ['1kv', '-kv', 'kv-', 'k_v', 'k.v', 'k v'],
  },
  {
    kind: ResourceKind.KUBERNETES_CLUSTER, label: 'AKS cluster', abbreviation: 'aks', min: 1, max: 63, hyphens: true,
    rule: 'letters, digits, _ and -, starting and ending with a letter or digit', ok: ['a', '1', 'aks_Orders-01', 'a-b', 'a_b'], bad: ['_aks', '-aks', 'aks_', 'aks-', 'a.b', 'a b'],
  },
  { kind: ResourceKind.AKS_DNS_PREFIX, label: 'AKS DNS prefix', abbreviation: 'aks', min: 1, max: 54, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK, bad: ALNUM_HYPHEN_BAD },
  {
    kind: ResourceKind.USER_ASSIGNED_IDENTITY, label: 'user-assigned managed identity', abbreviation: 'id', min: 3, max: 128, hyphens: true,
    rule: 'letters, digits, _ and -, starting with a letter or digit', ok: ['id1', 'Id-orders_', '0ab', 'abc-', 'a_-'], bad: ['-id', '_id', 'i.d', 'i d', 'id/'],
  },
  {
    kind: ResourceKind.DATA_COLLECTION_RULE, label: 'data collection rule', abbreviation: 'dcr', min: 3, max: 64, hyphens: true,
    rule: 'letters, digits, ._- starting with a letter or digit', ok: ['dcr', 'Dcr.Orders-01_', '0ab', 'a.b'], bad: ['-dcr', '.dcr', 'dcr.', 'dcr-', 'dc r', 'dc+r'],
  },
  { kind: ResourceKind.SQL_SERVER, label: 'Azure SQL logical server', abbreviation: 'sql', min: 1, max: 63, hyphens: true, rule: LOWER_RULE, ok: LOWER_OK, bad: LOWER_BAD },
  { kind: ResourceKind.SQL_FAILOVER_GROUP, label: 'SQL auto-failover group', abbreviation: 'sqlfg', min: 1, max: 63, hyphens: true, rule: LOWER_RULE, ok: LOWER_OK, bad: LOWER_BAD },
  { kind: ResourceKind.POSTGRESQL_SERVER, label: 'PostgreSQL flexible server', abbreviation: 'psql', min: 3, max: 63, hyphens: true, rule: LOWER_RULE, ok: ['abc', 'pg-01'], bad: LOWER_BAD },
  { kind: ResourceKind.POSTGRESQL_VIRTUAL_ENDPOINT, label: 'PostgreSQL virtual endpoint', abbreviation: 'psqlve', min: 3, max: 63, hyphens: true, rule: LOWER_RULE, ok: ['abc', 've-01'], bad: LOWER_BAD },
  // terraform-provider-azurerm v4.55.0, internal/services/managedredis/validate/managed_redis_name.go.
  {
    kind: ResourceKind.MANAGED_REDIS, label: 'Azure Managed Redis', abbreviation: 'redis', min: 3, max: 63, hyphens: true,
    rule: 'letters, digits and hyphens, starting and ending with a letter or digit, without consecutive hyphens',
    ok: ['abc', 'Shop-Redis-01', 'a-b-c'], bad: ['-abc', 'abc-', 'a_b', 'a.b'],
  },
  { kind: ResourceKind.COSMOS_ACCOUNT, label: 'Cosmos DB account', abbreviation: 'cosmos', min: 3, max: 44, hyphens: true, rule: LOWER_RULE, ok: ['abc', 'cosmos-01'], bad: LOWER_BAD },
  {
    kind: ResourceKind.SERVICE_BUS_NAMESPACE, label: 'Service Bus namespace', abbreviation: 'sbns', min: 6, max: 50, hyphens: true, rule: LETTER_START_RULE,
    ok: ['orders', 'Orders-Bus-01', 'orders-sb-01', 'my-sbx1', 'orders-mgmtx', 'orderssb', 'ordersmgmt'], bad: ['1orders', '-orders', 'orders-', 'orders_bus', 'orders.bus'],
  },
  {
    kind: ResourceKind.EVENT_HUB_NAMESPACE, label: 'Event Hubs namespace', abbreviation: 'evhns', min: 6, max: 50, hyphens: true, rule: LETTER_START_RULE,
    ok: ['orders', 'Orders-Hub-01', 'orders-sb-01', 'ordersmgmt'], bad: ['1orders', '-orders', 'orders-', 'orders_hub', 'orders.hub'],
  },
  {
    kind: ResourceKind.EVENT_GRID_TOPIC, label: 'Event Grid topic', abbreviation: 'evgt', min: 3, max: 50, hyphens: true, rule: 'letters, digits and hyphens',
    ok: ['abc', '-ab', 'ab-', 'Topic-01'], bad: ['a_bc', 'abc_', '_abc', 'a.b', 'a b'],
  },
  { kind: ResourceKind.FRONT_DOOR_PROFILE, label: 'Front Door profile', abbreviation: 'afd', min: 2, max: 90, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK.filter((name) => name.length >= 2), bad: ALNUM_HYPHEN_BAD },
  { kind: ResourceKind.FRONT_DOOR_ENDPOINT, label: 'Front Door endpoint', abbreviation: 'fde', min: 2, max: 46, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK.filter((name) => name.length >= 2), bad: ALNUM_HYPHEN_BAD },
  {
    kind: ResourceKind.FRONT_DOOR_WAF_POLICY, label: 'Front Door WAF policy', abbreviation: 'waf', min: 1, max: 128, hyphens: false,
    rule: 'letters and digits, starting with a letter', ok: ['a', 'Z', 'waf01', 'WafPolicy2'], bad: ['1waf', 'waf-1', 'waf_1', '-waf', 'waf-'],
  },
  { kind: ResourceKind.TRAFFIC_MANAGER_PROFILE, label: 'Traffic Manager profile', abbreviation: 'traf', min: 1, max: 63, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK, bad: ALNUM_HYPHEN_BAD },
  {
    kind: ResourceKind.API_MANAGEMENT, label: 'API Management service', abbreviation: 'apim', min: 1, max: 50, hyphens: true, rule: LETTER_START_RULE,
    ok: ['a', 'Apim-01', 'a-b'], bad: ['1apim', '-apim', 'apim-', 'ap_im', 'ap.im'],
  },
  {
    kind: ResourceKind.STORAGE_ACCOUNT, label: 'storage account', abbreviation: 'st', min: 3, max: 24, hyphens: false, rule: 'lower-case letters and digits only',
    ok: ['abc', '123', 'st01orders'], bad: ['Abc', 'abC', 'ab-c', 'ab_c', '-abc', 'abc-'],
  },
  { kind: ResourceKind.SQL_DATABASE, label: 'Azure SQL database', abbreviation: 'sqldb', min: 1, max: 128, hyphens: true, rule: 'any characters but <>*%&:\\/? and control characters, not ending with a period or space',
    ok: ['a', 'Orders DB (1)', 'a.b', '-a', 'ü'], bad: ['a<b', 'a>b', 'a*b', 'a%b', 'a&b', 'a:b', 'a\\b', 'a/b', 'a?b', 'ab.', 'ab ', 'a\u0001b', '<ab', 'ab\u001f'] },
  { kind: ResourceKind.POSTGRESQL_DATABASE, label: 'PostgreSQL database', abbreviation: 'psqldb', min: 1, max: 63, hyphens: true, rule: 'letters, digits, - and _, not starting with a digit',
    ok: ['a', '_a', '-a', 'orders_db-1', 'A'], bad: ['1db', 'd.b', 'd b', 'd$b', 'db.'] },
  { kind: ResourceKind.COSMOS_SQL_CONTAINER, label: 'Cosmos DB container', abbreviation: 'container', min: 1, max: 255, hyphens: true, rule: 'any characters but / \\ # ?, not ending in a space',
    ok: ['a', 'orders events', '.a', 'a.', ' a'], bad: ['a/b', 'a\\b', 'a#b', 'a?b', 'ab ', ' ', '/ab', 'ab#'] },
  { kind: ResourceKind.STORAGE_CONTAINER, label: 'blob container', abbreviation: 'container', min: 3, max: 63, hyphens: true, rule: 'lower-case letters, digits and hyphens, starting and ending with a letter or digit',
    ok: ['abc', 'orders-01', '0ab'], bad: ['Abc', 'abC', '-abc', 'abc-', 'a_bc', 'a.bc'] },
  { kind: ResourceKind.SERVICE_BUS_TOPIC, label: 'Service Bus topic', abbreviation: 'sbt', min: 1, max: 260, hyphens: true, rule: 'letters, digits, periods, hyphens, tildes, slashes and underscores, starting and ending with a letter or digit',
    ok: ['a', 'order-events', 'a~b/c.d_e-f', 'A1'], bad: ['-a', 'a-', '_a', 'a_', '.a', 'a b', 'a+b'] },
  { kind: ResourceKind.SERVICE_BUS_SUBSCRIPTION, label: 'Service Bus subscription', abbreviation: 'sbts', min: 1, max: 50, hyphens: true,
    rule: 'letters, digits, periods, hyphens and underscores, starting and ending with a letter, digit or underscore',
    ok: ['a', '_', '_a_', 'a.b-c_d', 'Delivery-Tracking'], bad: ['-a', '.a', 'a-', 'a.', 'a b', 'a/b', 'a~b'] },
  { kind: ResourceKind.EVENT_HUB, label: 'event hub', abbreviation: 'evh', min: 1, max: 256, hyphens: true, rule: 'letters, digits, periods, hyphens and underscores, starting and ending with a letter or digit',
    ok: ['a', 'order-events', 'a.b-c_d', 'A1'], bad: ['-a', 'a-', '_a', 'a_', '.a', 'a b', 'a/b'] },
  { kind: ResourceKind.EVENT_HUB_CONSUMER_GROUP, label: 'event hub consumer group', abbreviation: 'evhcg', min: 1, max: 50, hyphens: true, rule: 'letters, digits, periods, hyphens and underscores, starting and ending with a letter or digit',
    ok: ['a', 'delivery-tracking', 'a.b-c_d', 'A1'], bad: ['-a', 'a-', '_a', 'a_', '.a', 'a b', 'a/b'] },
  { kind: ResourceKind.EVENT_GRID_SUBSCRIPTION, label: 'Event Grid subscription', abbreviation: 'evgs', min: 3, max: 64, hyphens: true, rule: 'letters, digits and hyphens',
    ok: ['abc', '-ab', 'ab-', 'Sub-01'], bad: ['a_bc', 'a.bc', 'a bc', '_abc'] },
  { kind: ResourceKind.FRONT_DOOR_CUSTOM_DOMAIN, label: 'Front Door custom domain', abbreviation: 'fdcd', min: 2, max: 260, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK.filter((name) => name.length >= 2), bad: ALNUM_HYPHEN_BAD },
  { kind: ResourceKind.FRONT_DOOR_ROUTE, label: 'Front Door route', abbreviation: 'fdr', min: 2, max: 90, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK.filter((name) => name.length >= 2), bad: ALNUM_HYPHEN_BAD },
  { kind: ResourceKind.FRONT_DOOR_ORIGIN_GROUP, label: 'Front Door origin group', abbreviation: 'fdog', min: 2, max: 90, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK.filter((name) => name.length >= 2), bad: ALNUM_HYPHEN_BAD },
  { kind: ResourceKind.FRONT_DOOR_ORIGIN, label: 'Front Door origin', abbreviation: 'fdo', min: 2, max: 90, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK.filter((name) => name.length >= 2), bad: ALNUM_HYPHEN_BAD },
  { kind: ResourceKind.TRAFFIC_MANAGER_ENDPOINT, label: 'Traffic Manager endpoint', abbreviation: 'trafe', min: 1, max: 260, hyphens: true, rule: 'no leading or trailing spaces, and none of / \\ # ? %',
    ok: ['a', 'West US 3', 'ep_1.x', 'a-b', 'a&b'], bad: [' a', 'a ', ' ', '\ta', 'a/b', 'a\\b', 'a#b', 'a?b', 'a%b', '/'] },
  { kind: ResourceKind.FRONT_DOOR_SECURITY_POLICY, label: 'Front Door security policy', abbreviation: 'fdsp', min: 1, max: 260, hyphens: true, rule: ALNUM_HYPHEN_RULE, ok: ALNUM_HYPHEN_OK, bad: ALNUM_HYPHEN_BAD },
  { kind: ResourceKind.ACTION_GROUP, label: 'action group', abbreviation: 'ag', min: 1, max: 260, hyphens: true, rule: MONITOR_RULE, ok: MONITOR_OK, bad: MONITOR_BAD },
  { kind: ResourceKind.METRIC_ALERT, label: 'metric alert', abbreviation: 'alert', min: 1, max: 260, hyphens: true, rule: MONITOR_RULE, ok: MONITOR_OK, bad: MONITOR_BAD },
  { kind: ResourceKind.LOG_ALERT, label: 'log alert rule', abbreviation: 'alert', min: 1, max: 260, hyphens: true, rule: MONITOR_RULE, ok: MONITOR_OK, bad: MONITOR_BAD },
  { kind: ResourceKind.ACTIVITY_LOG_ALERT, label: 'activity log alert', abbreviation: 'alert', min: 1, max: 260, hyphens: true, rule: MONITOR_RULE, ok: MONITOR_OK, bad: MONITOR_BAD },
  { kind: ResourceKind.WEB_TEST, label: 'availability test', abbreviation: 'avail', min: 1, max: 260, hyphens: true, rule: MONITOR_RULE, ok: MONITOR_OK, bad: MONITOR_BAD },
  { kind: ResourceKind.ALERT_PROCESSING_RULE, label: 'alert processing rule', abbreviation: 'apr', min: 1, max: 260, hyphens: true, rule: 'letters, digits, _ and -, starting with a letter or digit',
    ok: ['a', '1', 'apr_x-1', 'ab-', 'ab_'], bad: ['-ab', '_ab', 'a.b', 'a b', 'ab.'] },
  { kind: ResourceKind.CHAOS_EXPERIMENT, label: 'Chaos Studio experiment', abbreviation: 'chaos', min: 1, max: 63, hyphens: true, rule: 'letters, digits and hyphens, starting and ending with a letter or digit',
    ok: ['a', '1', 'Zone-Loss-1'], bad: ['-a', 'a-', 'a_b', 'a.b', 'a b'] },
  { kind: ResourceKind.PORTAL_DASHBOARD, label: 'portal dashboard', abbreviation: 'dash', min: 1, max: 160, hyphens: true, rule: 'letters, digits, _ and -',
    ok: ['a', '-a', 'a_', 'Dash-01'], bad: ['a.b', 'a b', 'a/b', '.'] },
  // The action group's short name is the prefix or given (never generated); the generation case below skips it.
  { kind: ResourceKind.ACTION_GROUP_SHORT_NAME, label: 'action group short', abbreviation: 'ag', min: 1, max: 12, hyphens: true, rule: 'any characters, not starting or ending with a space',
    ok: ['a', 'ops team', 'Ops-1!', '.'], bad: [' ab', 'ab ', ' ', 'a\tb '] },
];

const GLOBALLY_UNIQUE = new Set([
  ResourceKind.KEY_VAULT, ResourceKind.SQL_SERVER, ResourceKind.SQL_FAILOVER_GROUP, ResourceKind.POSTGRESQL_SERVER, ResourceKind.POSTGRESQL_VIRTUAL_ENDPOINT,
  ResourceKind.COSMOS_ACCOUNT, ResourceKind.SERVICE_BUS_NAMESPACE, ResourceKind.EVENT_HUB_NAMESPACE, ResourceKind.FRONT_DOOR_ENDPOINT, ResourceKind.TRAFFIC_MANAGER_PROFILE,
  ResourceKind.API_MANAGEMENT, ResourceKind.STORAGE_ACCOUNT, ResourceKind.MANAGED_REDIS,
]);

/** The article before a label, as the messages write it: 'an' before a vowel sound (AKS, API, Event Grid), else 'a'. */
const article = (label: string): string => (/^[aeio]/i.test(label) ? 'an' : 'a');

describe('ResourceKind', () => {
  test('each case is a different kind, and every kind has its case', () => {
    expect(new Set(KINDS.map((c) => c.kind)).size).toBe(KINDS.length);
    const kinds = Object.entries(ResourceKind).filter(([, value]) => value instanceof ResourceKind);
    expect(kinds.length).toBeGreaterThan(40);
    expect(kinds.filter(([, kind]) => !KINDS.some((c) => c.kind === kind)).map(([name]) => name)).toEqual([]);
  });

  test('the globally unique kinds (their names become DNS names) are marked so, and only they', () => {
    expect(KINDS.filter((c) => c.kind.props.globallyUnique).map((c) => c.label)).toEqual(KINDS.filter((c) => GLOBALLY_UNIQUE.has(c.kind)).map((c) => c.label));
    expect(GLOBALLY_UNIQUE.size).toBe(13);
  });

  test.each(KINDS.map((c) => [c.label, c] as const))('%s: names of the allowed length and characters pass', (_label, c) => {
    const scope = at();
    expect(c.ok.length).toBeGreaterThan(0);
    for (const name of [...c.ok, 'a'.repeat(c.min), 'a'.repeat(c.max)]) expect([name, c.kind.validate(scope, 'names.x', name)]).toEqual([name, name]);
  });

  test.each(KINDS.map((c) => [c.label, c] as const))('%s: a name one character too long or too short is refused with the rule', (_label, c) => {
    const tooShort = c.min > 1 ? ['a'.repeat(c.min - 1)] : [''];
    for (const name of [...tooShort, 'a'.repeat(c.max + 1)]) {
      const e = thrown(() => c.kind.validate(at(), 'names.x', name));
      expect([e.constructPath, e.prop, e.value, e.problem, e.fix]).toEqual([
        'app/stack', 'names.x', name, `${article(c.label)} ${c.label} name must be ${c.min}-${c.max} characters long`, `choose a name of ${c.rule}, ${c.min}-${c.max} characters`,
      ]);
    }
  });

  test.each(KINDS.map((c) => [c.label, c] as const))('%s: characters the pattern does not allow are refused with the rule', (_label, c) => {
    expect(c.bad.length).toBeGreaterThan(0);
    for (const name of c.bad) {
      const e = thrown(() => c.kind.validate(at(), 'names.x', name));
      expect([name, e.prop, e.value, e.problem, e.fix]).toEqual([name, 'names.x', name, `${article(c.label)} ${c.label} name allows ${c.rule}`, `choose a name of ${c.rule}, ${c.min}-${c.max} characters`]);
    }
  });

  test.each(KINDS.filter((c) => c.kind !== ResourceKind.ACTION_GROUP_SHORT_NAME).map((c) => [c.label, c] as const))('%s: generated names use its abbreviation, with hyphens where it allows them', (_label, c) => {
    const hash = pathHash('app/stack');
    expect(new Naming('contoso').name(at(), c.kind)).toBe(c.hyphens ? `contoso-${c.abbreviation}-${hash}` : `contoso${c.abbreviation}${hash}`);
  });

  test('Key Vault names must not hold two hyphens in a row', () => {
    const e = thrown(() => ResourceKind.KEY_VAULT.validate(at(), 'names.vault', 'my--vault'));
    expect([e.prop, e.value, e.problem, e.fix]).toEqual(['names.vault', 'my--vault', 'a Key Vault name must not contain consecutive hyphens', `choose a name of ${LETTER_START_RULE}, 3-24 characters`]);
    expect(ResourceKind.KEY_VAULT.validate(at(), 'names.vault', 'my-va-ult')).toBe('my-va-ult');
  });

  test.each(['orders-sb', 'orders-mgmt', 'orders-SB', 'orders-Mgmt', 'o-hub-sb'])('Event Hubs namespace %s is refused: it shares servicebus.windows.net and its reserved endings', (name) => {
    const e = thrown(() => ResourceKind.EVENT_HUB_NAMESPACE.validate(at(), 'names.hubs', name));
    expect([e.prop, e.value, e.problem]).toEqual(['names.hubs', name, "an Event Hubs namespace name must not end with '-sb' or '-mgmt'"]);
  });

  test.each(['orders-sb', 'orders-mgmt', 'orders-SB', 'orders-Mgmt', 'o-bus-sb'])('Service Bus namespace %s is refused: Azure reserves the -sb and -mgmt endings', (name) => {
    const e = thrown(() => ResourceKind.SERVICE_BUS_NAMESPACE.validate(at(), 'names.bus', name));
    expect([e.prop, e.value, e.problem]).toEqual(['names.bus', name, "a Service Bus namespace name must not end with '-sb' or '-mgmt'"]);
  });

  test('a token passes unchecked: a name from another resource is known at apply time', () => {
    const token = Lazy.stringValue({ produce: () => '-' });
    expect(ResourceKind.STORAGE_ACCOUNT.validate(at(), 'names.x', token)).toBe(token);
  });

  test('a name that is not a string is refused, even one whose digits would pass, and a number token too', () => {
    for (const name of [12345, Lazy.numberValue({ produce: () => 12345 }), undefined, null]) {
      const e = thrown(() => ResourceKind.STORAGE_ACCOUNT.validate(at(), 'names.x', name as never));
      expect([e.value, e.problem]).toEqual([name, 'a storage account name must be 3-24 characters long']);
    }
  });
});

describe('Naming.validatePrefix', () => {
  test.each(['ab', 'a1', 'z9', 'contoso', 'shop01', 'abcdefghijkl', 'a0b1c2d3e4f5'])('%s passes', (prefix) => {
    expect(Naming.validatePrefix(at(), 'prefix', prefix)).toBe(prefix);
    expect(PREFIX_PATTERN.test(prefix)).toBe(true);
  });

  test.each(['', 'a', 'abcdefghijklm', '1ab', 'Ab', 'aB', 'a-b', '-ab', 'ab-', ' ab', 'ab ', 'a_b', 7, undefined, Lazy.numberValue({ produce: () => 7 })])('%p is refused', (prefix) => {
    const e = thrown(() => Naming.validatePrefix(at(), 'prefix', prefix as never));
    expect([e.constructPath, e.prop, e.value, e.problem, e.fix]).toEqual([
      'app/stack', 'prefix', prefix,
      'a name prefix must be 2-12 lower-case letters or digits and start with a letter (it is part of storage-account and Key Vault names, which allow neither hyphens nor more than 24 characters)',
      "use a short organisation or product code such as 'contoso' or 'shop01'",
    ]);
  });

  test('a token is refused: the prefix is part of every name the synth writes', () => {
    const token = Lazy.stringValue({ produce: () => 'contoso' });
    const e = thrown(() => Naming.validatePrefix(at(), 'prefix', token));
    expect([e.prop, e.value, e.problem, e.fix]).toEqual(['prefix', token, 'a Terraform token is unknown until apply, and the prefix is part of every name the synth writes', 'give the literal prefix']);
  });
});

describe('naming paths and hashes', () => {
  test('pathHash: the first six hex characters of the SHA-256 of the path (names depend on it: it never changes)', () => {
    expect(pathHash('platform')).toBe('d294fc');
    expect(pathHash('app/stack')).toBe('16f158');
    expect(pathHash('app/stack/child')).toBe('2d9c19');
  });

  test('namingPath: the construct path, unless a scope above (or the construct itself) keeps an older path', () => {
    const root = new RootConstruct('app');
    const stack = new Construct(root, 'stack');
    const db = new Construct(new Construct(stack, 'Db'), 'Server');
    expect(namingPath(db)).toBe('app/stack/Db/Server');
    keepNamingPath(stack, 'old/path');
    expect(namingPath(stack)).toBe('old/path');
    expect(namingPath(db)).toBe('old/path/Db/Server');
    expect(namingPath(root)).toBe('app');
  });

  test('namingPath: the nearest kept path wins, the root\'s too', () => {
    const root = new RootConstruct('app');
    const stack = new Construct(root, 'stack');
    const db = new Construct(stack, 'Db');
    keepNamingPath(root, 'platform');
    expect(namingPath(db)).toBe('platform/stack/Db');
    keepNamingPath(stack, 'kept');
    expect(namingPath(db)).toBe('kept/Db');
  });
});

describe('Naming.name', () => {
  const naming = new Naming('contoso');

  test('keeps its prefix', () => {
    expect(naming.prefix).toBe('contoso');
  });

  test('prefix, abbreviation, the cleaned qualifier and the hash of the naming path', () => {
    const hash = pathHash('app/stack');
    expect(naming.name(at(), ResourceKind.SQL_SERVER, { qualifier: 'westus3' })).toBe(`contoso-sql-westus3-${hash}`);
    expect(naming.name(at(), ResourceKind.SQL_SERVER, { qualifier: 'West US-3!' })).toBe(`contoso-sql-westus-3-${hash}`);
    expect(naming.name(at(), ResourceKind.STORAGE_ACCOUNT, { qualifier: 'West-3' })).toBe(`contosostwest3${hash}`);
    expect(naming.name(at(), ResourceKind.SQL_SERVER, { qualifier: '' })).toBe(`contoso-sql-${hash}`);
    expect(naming.name(at(), ResourceKind.SQL_SERVER)).toBe(`contoso-sql-${hash}`);
  });

  test('the qualifier is dropped when the name would exceed the kind\'s maximum, kept when it fits exactly', () => {
    const hash = pathHash('app/stack');
    // contoso-kv-<q>-<hash>: 18 characters and the qualifier; Key Vault names end at 24.
    expect(naming.name(at(), ResourceKind.KEY_VAULT, { qualifier: 'abcdef' })).toBe(`contoso-kv-abcdef-${hash}`);
    expect(naming.name(at(), ResourceKind.KEY_VAULT, { qualifier: 'abcdefg' })).toBe(`contoso-kv-${hash}`);
  });

  test('childId: the hash of the path the resource will have, for siblings of one kind in one scope', () => {
    expect(naming.name(at(), ResourceKind.KEY_VAULT, { childId: 'child' })).toBe(`contoso-kv-${pathHash('app/stack/child')}`);
    expect(naming.name(at(), ResourceKind.KEY_VAULT, { childId: '' })).toBe(`contoso-kv-${pathHash('app/stack')}`);
  });

  test('the hash follows a kept naming path', () => {
    const root = new RootConstruct('app');
    const stack = new Construct(root, 'stack');
    keepNamingPath(stack, 'old/path');
    expect(naming.name(new Construct(stack, 'Db'), ResourceKind.SQL_SERVER)).toBe(`contoso-sql-${pathHash('old/path/Db')}`);
  });

  test('an override is validated and used as given, reported as its prop ("names" by default)', () => {
    expect(naming.name(at(), ResourceKind.KEY_VAULT, { override: 'My-Vault', qualifier: 'westus3', childId: 'x' })).toBe('My-Vault');
    expect(thrown(() => naming.name(at(), ResourceKind.KEY_VAULT, { override: '1vault', prop: 'names.vault' })).prop).toBe('names.vault');
    expect(thrown(() => naming.name(at(), ResourceKind.KEY_VAULT, { override: '1vault' })).prop).toBe('names');
    expect(thrown(() => naming.name(at(), ResourceKind.KEY_VAULT, { override: '' })).prop).toBe('names');
  });

  test('a generated name is validated too (a prefix the constructor did not check)', () => {
    const e = thrown(() => new Naming('Contoso').name(at(), ResourceKind.STORAGE_ACCOUNT, { prop: 'prefix' }));
    expect([e.prop, e.value, e.problem]).toEqual(['prefix', `Contosost${pathHash('app/stack')}`, 'a storage account name allows lower-case letters and digits only']);
    expect(thrown(() => new Naming('Contoso').name(at(), ResourceKind.STORAGE_ACCOUNT)).prop).toBe('names');
  });
});
