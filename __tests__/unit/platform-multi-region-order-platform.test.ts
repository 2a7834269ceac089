import { Construct, IConstruct } from 'constructs';
import { Lazy, TerraformOutput, TerraformStack, Testing } from 'cdktf';
// cdktf's resolver, the one synth runs (not exported from the package's index).
import { resolve as cdktfResolve } from 'cdktf/lib/_tokens';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { EventgridEventSubscription } from '@cdktf/provider-azurerm/lib/eventgrid-event-subscription';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { pathHash } from '../../lib/core/naming';
import { RedundancyPattern, RegionRole } from '../../lib/core/pattern';
import { DatabaseEngine } from '../../lib/database/engine';
import { EventTransport } from '../../lib/events/transport';
import { kubeloginExec } from '../../lib/stamp/kubelogin';
import { WorkloadIdentities } from '../../lib/workloads/workload-identities';
import { OrderWorkloads } from '../../lib/workloads/order-workloads';
import { PlatformBackend } from '../../lib/platform/backend';
import { MultiRegionOrderPlatform } from '../../lib/platform/multi-region-order-platform';
import { MultiRegionOrderPlatformProps } from '../../lib/platform/multi-region-order-platform-types';

/**
 * Unit tests of `MultiRegionOrderPlatform` (lib/platform/multi-region-order-platform.ts). Each test builds at most one
 * platform, as small as the behaviour allows (one zone-redundant region, only the parts it needs), and reads the
 * construct tree; checks that fail before anything is built cost nothing.
 */

// Values as a JSON or YAML document would deliver them: no compile-time types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const HEADERS = { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' };
const IMAGES = { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } };
const ENTRY = { frontDoor: { originHostHeaders: HEADERS } };
const APIM = { publisherName: 'Contoso', publisherEmail: 'p@contoso.com', jwt: { issuer: 'https://login.microsoftonline.com/t/v2.0', audiences: ['api://orders'] } };
const BASE: MultiRegionOrderPlatformProps = { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'] };
const SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';

/** A platform on a fresh app (or under `scope`), BASE with `props` over it. */
function platform(props: Loose = {}, id = 'shop', scope: Construct = Testing.app()): MultiRegionOrderPlatform {
  return new MultiRegionOrderPlatform(scope, id, { ...BASE, ...props });
}

const ADMIN = { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' };

/** A value as the stack of `scope` writes it (a token becomes its Terraform expression). */
function resolve(scope: IConstruct, value: unknown): unknown {
  return cdktfResolve(TerraformStack.of(scope), value);
}

/** The outputs of a stack (as built; cdktf adds its cross-stack outputs at synth), by construct id, resolved. */
function outputs(stack: TerraformStack): Record<string, unknown> {
  return Object.fromEntries(stack.node.children.filter((c): c is TerraformOutput => c instanceof TerraformOutput).map((o) => [o.node.id, cdktfResolve(stack, o.value)]));
}

/** Every construct of a type under `scope`. */
function findAll<T>(scope: IConstruct, type: abstract new (...args: never[]) => T): T[] {
  return scope.node.findAll().filter((c): c is IConstruct & T => c instanceof type);
}

/** The sub-resource of each private endpoint under `scope` (`sqlServer`, `Sql`, `namespace`, `vault`), sorted. */
function privateEndpointTargets(scope: IConstruct): string[] {
  return findAll(scope, PrivateEndpoint).map((e) => (e.privateServiceConnectionInput as { subresourceNames: string[] }).subresourceNames[0]).sort();
}

/** `text` as a regular expression that matches it literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ValidationError `build` throws. */
function error(build: () => unknown): ValidationError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('accepted');
}

/** [prop, value, problem, fix] of every violation `build` reports. */
function violations(build: () => unknown): [string, unknown, string, string][] {
  return error(build).violations.map((v) => [v.prop, v.value, v.problem, v.fix]);
}

/**
 * The platform-wide checks accept `props`: the build goes on to the first stamp, which a system pool below its minimum
 * stops (so nothing more is built).
 */
function passesPlatformChecks(props: Loose, pattern = BASE.pattern, regions = BASE.regions): void {
  const e = error(() => platform({ ...props, pattern, regions, kubernetes: { ...props.kubernetes, systemPool: { minCount: 1 } } }));
  expect([e.constructPath, e.prop]).toEqual([`shop-${regions[0]}/Stamp`, 'kubernetes.systemPool.minCount']);
}

describe('the platform id and scope', () => {
  test.each(['ab', 'a1', 'shop-eu-2', 'a'.repeat(40)])('the id %j is accepted (the props are checked next)', (id) => {
    const e = error(() => platform({ prefix: 42 }, id));
    expect([e.constructPath, e.prop]).toEqual([id, 'prefix']);
  });

  test.each(['a', 'a'.repeat(41), 'Shop', '1shop', '-shop', 'shop-', 'sh_op', ' shop', 'shop ', 'shop.eu'])('the id %j is refused', (id) => {
    const e = error(() => platform({}, id));
    expect(e.constructPath).toBe(id);
    expect(e.prop).toBe('id');
    expect(e.value).toBe(id);
    expect(e.problem).toBe('the platform id starts every stack name and state key');
    expect(e.fix).toBe('use 2-40 lower-case letters, digits and hyphens, e.g. the example file name');
  });

  test('a platform inside a stack (directly or deeper) is refused: it creates its own stacks', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    for (const scope of [stack, new Construct(stack, 'team')]) {
      const e = error(() => platform({}, 'shop', scope));
      expect(e.constructPath).toBe(`${scope.node.path}/shop`);
      expect(e.prop).toBe('scope');
      expect(e.value).toBe('stack');
      expect(e.problem).toBe('the platform creates its own stacks and cannot live inside a stack');
      expect(e.fix).toBe('create it on the App (new MultiRegionOrderPlatform(app, ...))');
    }
  });

  test('a platform under a plain construct of the app is accepted (the props are checked next)', () => {
    const e = error(() => platform({ prefix: 42 }, 'shop', new Construct(Testing.app(), 'team')));
    expect([e.constructPath, e.prop]).toEqual(['team/shop', 'prefix']);
  });
});

describe('the props, checked before anything is built', () => {
  test('their shape: an unknown option is refused under the platform\'s path, and no stack exists yet', () => {
    const app = Testing.app();
    const e = error(() => platform({ kubernetess: {} }, 'shop', app));
    expect([e.constructPath, e.prop, e.value]).toEqual(['shop', 'kubernetess', {}]);
    expect(app.node.children.map((c) => c.node.id)).toEqual(['shop']);
  });

  test('the prefix, the regions of the pattern and the backend', () => {
    expect(error(() => platform({ prefix: 'my-shop' })).prop).toBe('prefix');
    expect(error(() => platform({ regions: ['westus3', 'eastus'] })).prop).toBe('regions');
    const backend = error(() => platform({ backend: PlatformBackend.azurerm({ resourceGroupName: 'rg', storageAccountName: 'St-State' }) }));
    expect([backend.constructPath, backend.prop, backend.value]).toEqual(['shop', 'backend.storageAccountName', 'St-State']);
    expect(error(() => platform({ backend: (PlatformBackend.local as Loose)({ path: 'x' }) })).prop).toBe('backend');
  });

  test('the tags', () => {
    const e = error(() => platform({ tags: { 'a/b': 'x' } }));
    expect([e.constructPath, e.prop]).toEqual(['shop', 'tags.a/b']);
  });
});

describe('checks across the platform\'s parts', () => {
  test('Front Door over Private Link without workloads is refused: its origins would not exist', () => {
    expect(violations(() => platform({ entry: ENTRY }))).toEqual([[
      'entry', ['frontDoor'],
      "Front Door's Private Link origins are the Private Link Services the workloads' Services create, and there are no workloads: the edge stack would look them up and fail on apply",
      'add workloads, or set entry.frontDoor.privateLink: false with publicOrigins, or serve the services with trafficManager',
    ]]);
    expect(violations(() => platform({ entry: { frontDoor: { privateLink: true, originHostHeaders: HEADERS } } })).map((v) => v[0])).toEqual(['entry']);
    expect(violations(() => platform({ entry: { frontDoor: { services: ['tracking'], originHostHeaders: HEADERS }, trafficManager: { services: ['order'] } } })).map((v) => v[0])).toEqual(['entry']);
    // Front Door serves every service by default, over Private Link, even when the entry leaves its options out.
    expect(violations(() => platform({ entry: { healthProbePath: '/healthz/ready' } })).map((v) => v.slice(0, 2))).toEqual([['entry', ['healthProbePath']]]);
  });

  test.each<[string, Loose]>([
    ['public origins', { entry: { frontDoor: { privateLink: false }, publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } } } }],
    ['Traffic Manager for every service', { entry: { trafficManager: { services: ['order', 'tracking'] } } }],
    ['API Management in front', { entry: { apiManagement: APIM } }],
    ['workloads', { entry: ENTRY, workloads: IMAGES }],
  ])('an entry without Private Link origins, or with workloads, passes: %s', (_label, props) => {
    passesPlatformChecks(props);
  });

  test.each<[string, unknown]>([['standbyMinReplicas', 2], ['standbyActive', true], ['standbyActive', false]])('workloads.%s outside activePassive is refused', (key, value) => {
    expect(violations(() => platform({ workloads: { ...IMAGES, [key]: value } }))).toEqual([[
      `workloads.${key}`, value, 'only activePassive has a standby region, and this platform is zoneRedundant, so the setting would be ignored', `drop ${key}`,
    ]]);
  });

  test('a warm standby takes standbyMinReplicas and standbyActive', () => {
    passesPlatformChecks({ workloads: { ...IMAGES, standbyMinReplicas: 2, standbyActive: true }, entry: ENTRY }, RedundancyPattern.activePassive({ standby: 'warm' }), ['eastus2', 'centralus']);
  });

  test('a pilot-light standby refuses standbyMinReplicas (it runs none) and takes standbyActive', () => {
    const pilotLight = RedundancyPattern.activePassive({ standby: 'pilot-light' });
    expect(violations(() => platform({ workloads: { ...IMAGES, standbyMinReplicas: 1 }, pattern: pilotLight, regions: ['eastus2', 'centralus'] }))).toEqual([[
      'workloads.standbyMinReplicas', 1, 'a pilot-light standby runs no replicas, so the setting would be ignored', "drop standbyMinReplicas, or use RedundancyPattern.activePassive({ standby: 'warm' })",
    ]]);
    passesPlatformChecks({ workloads: { ...IMAGES, standbyActive: true }, entry: ENTRY }, pilotLight, ['eastus2', 'centralus']);
  });

  test('a deployer login without workloads is refused (only the -apps stacks log in); with workloads it passes', () => {
    expect(violations(() => platform({ kubernetes: { deployerLogin: 'servicePrincipal' } }))).toEqual([[
      'kubernetes.deployerLogin', 'servicePrincipal', 'only the -apps stacks log in to the clusters, and there are no workloads, so the setting would be ignored', 'drop deployerLogin, or add workloads',
    ]]);
    passesPlatformChecks({ kubernetes: { deployerLogin: 'servicePrincipal' }, workloads: IMAGES, entry: ENTRY });
  });

  test('the subscription ID must be a GUID', () => {
    expect(violations(() => platform({ subscriptionId: 'my-sub' }))).toEqual([[
      'subscriptionId', 'my-sub', 'not an Azure subscription ID (a GUID)', 'use the subscription ID: az account show --query id -o tsv',
    ]]);
    passesPlatformChecks({ subscriptionId: SUBSCRIPTION });
  });
});

describe('the readiness path the entry probes', () => {
  const ready = (path: string) => ({ image: 'c.io/x:1', probes: { readiness: path } });

  test('an entry probe path other than the services\' readiness path is refused, once per service probed', () => {
    const problem = (service: string) => `the ${service} service answers readiness on /healthz/ready, so the entry would probe a path the service does not use for readiness`;
    const fix = 'drop entry.healthProbePath (it follows the workloads), or set it to /healthz/ready';
    expect(violations(() => platform({ workloads: IMAGES, entry: { ...ENTRY, healthProbePath: '/health' } }))).toEqual([
      ['entry.healthProbePath', '/health', problem('order'), fix],
      ['entry.healthProbePath', '/health', problem('tracking'), fix],
    ]);
  });

  test('an entry probe path given with services whose paths differ: each service that differs from it is named, once', () => {
    const errors = violations(() => platform({ workloads: { order: ready('/ready'), tracking: IMAGES.tracking }, entry: { ...ENTRY, healthProbePath: '/ready' } }));
    expect(errors.map((v) => [v[0], v[2]])).toEqual([
      ['entry.healthProbePath', 'the tracking service answers readiness on /healthz/ready, so the entry would probe a path the service does not use for readiness'],
    ]);
  });

  test('the services\' own readiness path as the entry\'s passes', () => {
    passesPlatformChecks({ workloads: { order: ready('/ready'), tracking: ready('/ready') }, entry: { ...ENTRY, healthProbePath: '/ready' } });
  });

  test('services with different readiness paths behind one entry are refused', () => {
    expect(violations(() => platform({ workloads: { order: ready('/ready'), tracking: IMAGES.tracking }, entry: ENTRY }))).toEqual([[
      'workloads.tracking.probes.readiness', '/healthz/ready',
      "the entry probes every service on one path, and the services' readiness paths differ (order: /ready, tracking: /healthz/ready)", 'give both services the same readiness path',
    ]]);
  });

  test('Traffic Manager probes its services, and Front Door probes its own unless API Management sits between', () => {
    // Traffic Manager serves order: order's path is probed, tracking's (Front Door's, behind API Management) is not.
    const entry = { trafficManager: { services: ['order'] }, apiManagement: APIM };
    expect(violations(() => platform({ workloads: { order: IMAGES.order, tracking: ready('/ready') }, entry: { ...entry, healthProbePath: '/ready' } })).map((v) => v[2]))
      .toEqual(['the order service answers readiness on /healthz/ready, so the entry would probe a path the service does not use for readiness']);
    passesPlatformChecks({ workloads: { order: IMAGES.order, tracking: ready('/ready') }, entry });
    // Without API Management, Front Door probes tracking too.
    expect(violations(() => platform({ workloads: { order: IMAGES.order, tracking: ready('/ready') }, entry: { trafficManager: { services: ['order'] }, frontDoor: { originHostHeaders: HEADERS } } })).map((v) => v[0]))
      .toEqual(['workloads.tracking.probes.readiness']);
  });

  test('Traffic Manager probes its own service\'s readiness path when Front Door serves the other behind API Management', () => {
    // Front Door probes the gateways, so tracking's path must not reach the order profile's monitor.
    const p = platform({ workloads: { order: ready('/order-ready'), tracking: ready('/tracking-ready') }, entry: { trafficManager: { services: ['order'] }, apiManagement: APIM } });
    const profiles = Object.values(JSON.parse(Testing.synth(p.edgeStack!)).resource.azurerm_traffic_manager_profile) as { monitor_config: { path: string } }[];
    expect(profiles.map((profile) => profile.monitor_config.path)).toEqual(['/order-ready']);
  });

  test('without workloads nothing is probed, so any path passes', () => {
    passesPlatformChecks({ entry: { trafficManager: { services: ['order', 'tracking'] }, healthProbePath: '/health' } });
  });
});

describe('the event bus transport on the platform', () => {
  test('the transport\'s own options are checked first, and nothing more is said about a transport that failed them', () => {
    const grid = error(() => platform({ eventBus: { transport: EventTransport.eventGrid({ deferSubscriptions: 'yes' } as Loose) } }));
    expect(grid.violations.map((v) => [v.constructPath, v.prop, v.value, v.problem])).toEqual([['shop', 'eventBus.transport.deferSubscriptions', 'yes', 'expected true or false (a boolean, not a string), got the string "yes"']]);
    const serviceBus = error(() => platform({ eventBus: { transport: EventTransport.serviceBus({ capacty: 2 } as Loose) } }));
    expect(serviceBus.violations.map((v) => [v.constructPath, v.prop, v.value])).toEqual([['shop', 'eventBus.transport.capacty', 2]]);
  });

  test('Event Grid behind API Management is refused: its handshake would meet validate-jwt', () => {
    expect(violations(() => platform({ eventBus: { transport: EventTransport.eventGrid() }, workloads: IMAGES, entry: { apiManagement: APIM } }))).toEqual([[
      'eventBus.transport', 'eventGrid',
      "Event Grid's webhook handshake and deliveries would reach the tracking service through API Management, whose validate-jwt policy refuses them",
      'use EventTransport.serviceBus() (the default), or drop apiManagement',
    ]]);
  });

  test('deferSubscriptions, even false, is refused: the platform always defers them to the edge stack', () => {
    for (const deferSubscriptions of [true, false]) {
      expect(violations(() => platform({ eventBus: { transport: EventTransport.eventGrid({ deferSubscriptions }) } }))).toEqual([[
        'eventBus.transport.deferSubscriptions', deferSubscriptions, 'the platform always creates the subscriptions in the edge stack, so the setting would be ignored', 'drop deferSubscriptions',
      ]]);
    }
  });

  test.each<[string, Loose]>([
    ['no entry and no workloads', {}],
    ['tracking served by Traffic Manager', { workloads: IMAGES, entry: { trafficManager: { services: ['tracking'] }, frontDoor: { originHostHeaders: HEADERS } } }],
  ])('subscribing without a webhook URL and no Front Door entry for tracking is refused: %s', (_label, props) => {
    expect(violations(() => platform({ ...props, eventBus: { transport: EventTransport.eventGrid({ subscribe: true }) } }))).toEqual([[
      'eventBus.transport.webhookUrl', undefined, 'the webhook is derived from the Front Door entry that serves the tracking service, and there is none', "set webhookUrl to the tracking service's HTTPS endpoint",
    ]]);
  });

  test.each<[string, Loose]>([
    ['a Front Door entry for tracking (workloads)', { workloads: IMAGES, entry: ENTRY, eventBus: { transport: EventTransport.eventGrid({ subscribe: true }) } }],
    ['a Front Door entry for tracking (an entry alone)', { entry: { frontDoor: { privateLink: false }, publicOrigins: { westus3: { order: 'o.contoso.com', tracking: 't.contoso.com' } } }, eventBus: { transport: EventTransport.eventGrid({ subscribe: true }) } }],
    ['a webhook URL', { eventBus: { transport: EventTransport.eventGrid({ subscribe: true, webhookUrl: 'https://hooks.contoso.com/events' }) } }],
    ['no subscription yet', { eventBus: { transport: EventTransport.eventGrid() } }],
  ])('an Event Grid webhook passes with %s', (_label, props) => {
    passesPlatformChecks(props);
  });

  const onDomain = (webhookUrl: string) => ({ eventBus: { transport: EventTransport.eventGrid({ webhookUrl }) }, workloads: IMAGES, entry: { frontDoor: { originHostHeaders: HEADERS, customDomains: ['shop.contoso.com'] } } });

  test.each(['https://shop.contoso.com/events', 'https://shop.contoso.com', 'https://shop.contoso.com/trackingx/events', 'https://shop.contoso.com/tracking'])(
    'a webhook %j on the platform\'s custom domain outside the tracking route is refused', (url) => {
      expect(violations(() => platform(onDomain(url)))).toEqual([[
        'eventBus.transport.webhookUrl', url, "Front Door forwards only the services' paths, and this path is not under the tracking route", 'use https://shop.contoso.com/tracking/events',
      ]]);
    },
  );

  test.each(['https://shop.contoso.com/tracking/events', 'https://shop.contoso.com/tracking/hooks?code=1', 'https://hooks.contoso.com/events', 'https://api.shop.contoso.com/events'])(
    'a webhook %j under the tracking route, or on another domain, passes', (url) => {
      passesPlatformChecks(onDomain(url));
    },
  );

  test('a webhook URL from Terraform, or with a part from Terraform, passes: it is known only at apply time', () => {
    passesPlatformChecks(onDomain(Lazy.stringValue({ produce: () => 'https://shop.contoso.com/events' })));
    passesPlatformChecks(onDomain(`https://shop.contoso.com/${Lazy.stringValue({ produce: () => 'events' })}`));
  });

  test('a webhook URL that is not HTTPS is left to the event bus to refuse', () => {
    const e = error(() => platform(onDomain('xhttps://shop.contoso.com/events')));
    expect([e.constructPath, e.prop, e.problem]).toEqual(['shop-data/EventBus', 'eventBus.transport.webhookUrl', 'Event Grid delivers to an HTTPS webhook']);
  });
});

describe('the stacks of a platform', () => {
  test('the data stack and a stamp stack per region are children of the app, with the operators\' outputs; no optional part', () => {
    const app = Testing.app();
    const p = platform({}, 'shop', app);
    expect(app.node.children.map((c) => c.node.id)).toEqual(['shop', 'shop-data', 'shop-westus3', 'shop-observability']);
    expect(p.dataStack.node.path).toBe('shop-data');
    expect(Object.keys(p.regionStacks)).toEqual(['westus3']);
    expect(p.regionStacks.westus3.node.path).toBe('shop-westus3');
    const stamp = p.stamps.westus3;
    expect(stamp.node.path).toBe('shop-westus3/Stamp');
    expect(outputs(p.regionStacks.westus3)).toEqual(resolve(stamp, {
      ResourceGroupName: stamp.resourceGroupName, ClusterName: stamp.cluster.name, OidcIssuerUrl: stamp.cluster.oidcIssuerUrl, KeyVaultUri: stamp.keyVault.vaultUri,
    }));
    expect(outputs(p.dataStack)).toEqual({});
    expect(p.pattern).toBe(BASE.pattern);
    expect(p.placements.map((pl) => [pl.region.name, pl.role, pl.index])).toEqual([['westus3', RegionRole.PRIMARY, 0]]);
    expect(p.addressPlan.forRegion(0).vnet).toBe('10.100.0.0/20');
    expect([p.database, p.trackingStore, p.eventBus, p.edgeStack, p.entry]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([p.appsStacks, p.workloads]).toEqual([{}, {}]);
  });

  test('each stamp takes its region\'s role, zones and address block, and the address plan and AKS and Key Vault settings given', () => {
    const p = platform({
      pattern: RedundancyPattern.primarySecondary({ allowSecondaryWithoutZones: true }), regions: ['eastus2', 'northcentralus'],
      addressPlan: { addressSpace: '10.50.0.0/16' }, kubernetes: { kubernetesVersion: '1.31' }, keyVault: { softDeleteRetentionDays: 30 },
    });
    const [primary, secondary] = [p.stamps.eastus2, p.stamps.northcentralus];
    expect([primary.role, secondary.role]).toEqual([RegionRole.PRIMARY, RegionRole.SECONDARY]);
    expect([primary.zoneRedundant, secondary.zoneRedundant]).toEqual([true, false]);
    expect([primary.addresses.vnet, secondary.addresses.vnet]).toEqual(['10.50.0.0/20', '10.50.16.0/20']);
    expect(secondary.cluster.kubernetesVersionInput).toBe('1.31');
    expect(secondary.keyVault.softDeleteRetentionDaysInput).toBe(30);
  });

  test('the data stack holds each region\'s resource group and monitoring, with the platform\'s monitoring settings and tags', () => {
    const p = platform({ monitoring: { retentionDays: 90, removalPolicy: RemovalPolicy.DESTROY }, tags: { team: 'orders' } });
    const data = p.regionalData.westus3;
    expect(data.node.path).toBe('shop-data/westus3');
    expect(data.resourceGroup.nameInput).toBe(`shop-rg-data-westus3-${pathHash('shop/shop-data/westus3')}`);
    expect(data.resourceGroup.locationInput).toBe('westus3');
    const tags = { 'managed-by': 'cdktf-order-platform', platform: 'shop', pattern: 'zoneRedundant', team: 'orders' };
    expect(data.resourceGroup.tagsInput).toEqual({ ...tags, region: 'westus3', component: 'data' });
    expect(data.monitoring.workspace.locationInput).toBe('westus3');
    expect(resolve(data, data.monitoring.workspace.resourceGroupNameInput)).toBe(resolve(data, data.resourceGroup.name));
    expect(data.monitoring.workspace.retentionInDaysInput).toBe(90);
    expect(data.monitoring.workspace.lifecycle?.preventDestroy).toBe(false);
    expect(data.monitoring.workspace.tagsInput).toMatchObject({ ...tags, region: 'westus3', component: 'data' });
    // The stamp reports to it and carries the platform's tags.
    expect(p.stamps.westus3.monitoring).toBe(data.monitoring);
    expect(p.stamps.westus3.resourceGroup!.tagsInput).toMatchObject(tags);
  });

  test('without monitoring settings the workspaces keep 30 days and are retained', () => {
    const workspace = platform().regionalData.westus3.monitoring.workspace;
    expect(workspace.retentionInDaysInput).toBe(30);
    expect(workspace.lifecycle?.preventDestroy).toBe(true);
  });

  test('every stack gets the backend and the subscription', () => {
    const p = platform({ subscriptionId: SUBSCRIPTION, backend: PlatformBackend.azurerm({ resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate01' }) });
    const data = JSON.parse(Testing.synth(p.dataStack));
    expect(data.terraform.backend.azurerm.key).toBe('shop-data.tfstate');
    expect(data.provider.azurerm[0].subscription_id).toBe(SUBSCRIPTION);
    expect((p.regionStacks.westus3.node.findChild('Azurerm') as AzurermProvider).subscriptionId).toBe(SUBSCRIPTION);
  });

  test('names hash the path under the platform, wherever the stacks sit: <platform path>/<stack>/...', () => {
    const p = platform({}, 'shop', new Construct(Testing.app(), 'team'));
    expect(p.regionStacks.westus3.node.path).toBe('shop-westus3');
    expect(p.stamps.westus3.keyVault.nameInput).toBe(`shop-kv-westus3-${pathHash('team/shop/shop-westus3/Stamp')}`);
  });

  test('a stack name the app already has is refused: give each platform its own id', () => {
    const app = Testing.app();
    new TerraformStack(app, 'shop-data');
    const e = error(() => platform({}, 'shop', new Construct(app, 'team')));
    expect(e.constructPath).toBe('team/shop');
    expect(e.prop).toBe('id');
    expect(e.value).toBe('shop');
    expect(e.problem).toBe("the app already has a construct named 'shop-data' (shop-data), and stack names must be unique in an app");
    expect(e.fix).toBe('give each platform of the app its own id');
  });
});

describe('the data tier in the data stack', () => {
  test('the database: in the data regions\' resource groups, reached from every stamp, each cell\'s hosts as outputs', () => {
    const p = platform({ database: { engine: DatabaseEngine.sql(), administrator: ADMIN, databaseName: 'sales', removalPolicy: RemovalPolicy.DESTROY }, tags: { team: 'orders' } });
    const db = p.database!;
    expect(db.node.path).toBe('shop-data/OrderDatabase');
    const [cell] = db.cells;
    expect(cell.databaseName).toBe('sales');
    const server = db.sqlServers.westus3;
    expect(resolve(db, server.resourceGroupNameInput)).toBe(resolve(db, p.regionalData.westus3.resourceGroup.name));
    expect(server.lifecycle?.preventDestroy).toBe(false);
    expect(server.tagsInput).toMatchObject({ platform: 'shop', team: 'orders' });
    expect(outputs(p.dataStack)).toEqual(resolve(db, { 'OrderDb-westus3-ReadWriteHost': cell.readWriteHost, 'OrderDb-westus3-ReadOnlyHost': cell.readOnlyHost }));
    expect(privateEndpointTargets(p.regionStacks.westus3)).toEqual(['sqlServer', 'vault']);
  });

  test('database errors name the platform\'s props: database.<prop>, and regions as they are', () => {
    const names = error(() => platform({ database: { engine: DatabaseEngine.sql(), administrator: ADMIN, names: { sqlServers: { westus3: 'SQL_Contoso' } } } }));
    expect([names.constructPath, names.prop, names.value]).toEqual(['shop-data/OrderDatabase', 'database.names.sqlServers.westus3', 'SQL_Contoso']);
    const regions = ['eastus2', 'centralus', 'westus3', 'westeurope', 'northeurope', 'swedencentral'];
    const tooMany = error(() => platform({ pattern: RedundancyPattern.activeActive(), regions, database: { engine: DatabaseEngine.sql(), administrator: ADMIN } }));
    expect([tooMany.constructPath, tooMany.prop, tooMany.value]).toEqual(['shop-data/OrderDatabase', 'regions', regions]);
  });

  test('the tracking store: reached from every stamp, each account\'s endpoint as an output; errors under trackingStore.', () => {
    const p = platform({ trackingStore: {} });
    const tracking = p.trackingStore!;
    expect(tracking.node.path).toBe('shop-data/TrackingStore');
    expect(resolve(tracking, tracking.cosmosAccounts.westus3.resourceGroupNameInput)).toBe(resolve(tracking, p.regionalData.westus3.resourceGroup.name));
    expect(outputs(p.dataStack)).toEqual(resolve(tracking, { 'Tracking-westus3-Endpoint': tracking.accounts[0].endpoint }));
    expect(privateEndpointTargets(p.regionStacks.westus3)).toEqual(['Sql', 'vault']);
    const e = error(() => platform({ trackingStore: { names: { cosmosAccounts: { westus3: 'Cosmos_1' } } } }));
    expect([e.constructPath, e.prop, e.value]).toEqual(['shop-data/TrackingStore', 'trackingStore.names.cosmosAccounts.westus3', 'Cosmos_1']);
  });

  test('the event bus: reached from every stamp, each region\'s host as an output; errors under eventBus.', () => {
    const p = platform({ eventBus: {} });
    const bus = p.eventBus!;
    expect(bus.node.path).toBe('shop-data/EventBus');
    expect(resolve(bus, bus.serviceBusNamespaces.westus3.resourceGroupNameInput)).toBe(resolve(bus, p.regionalData.westus3.resourceGroup.name));
    expect(outputs(p.dataStack)).toEqual(resolve(bus, { 'EventBus-westus3-Host': bus.endpoints.westus3.host }));
    expect(privateEndpointTargets(p.regionStacks.westus3)).toEqual(['namespace', 'vault']);
    const e = error(() => platform({ eventBus: { names: { serviceBusNamespaces: { westus3: 'sb' } } } }));
    expect([e.constructPath, e.prop, e.value]).toEqual(['shop-data/EventBus', 'eventBus.names.serviceBusNamespaces.westus3', 'sb']);
  });

  test('Event Grid subscriptions are never in the data stack: the platform defers them to the edge stack', () => {
    const p = platform({ eventBus: { transport: EventTransport.eventGrid({ subscribe: true, webhookUrl: 'https://hooks.contoso.com/events' }) } });
    expect(p.eventBus!.eventGridTopics.westus3.node.path).toBe('shop-data/EventBus/westus3/EventGridTopic');
    expect(JSON.parse(Testing.synth(p.dataStack)).resource.azurerm_eventgrid_event_subscription).toBeUndefined();
  });
});

/** The ConfigMap data (the environment) of each service of a region's workloads, as given. */
function environment(workloads: OrderWorkloads): { order: unknown; tracking: unknown } {
  return { order: workloads.services.order.config.dataInput, tracking: workloads.services.tracking.config.dataInput };
}

describe('the workloads', () => {
  test('an -apps stack per region: identities in the stamp stack, the kubernetes provider from the cluster data source, the workloads', () => {
    const app = Testing.app();
    const p = platform({ workloads: { ...IMAGES, namespace: 'shop-ns' }, entry: ENTRY, kubernetes: { deployerLogin: 'servicePrincipal' } }, 'shop', app);
    expect(app.node.children.map((c) => c.node.id)).toEqual(['shop', 'shop-data', 'shop-westus3', 'shop-westus3-apps', 'shop-edge', 'shop-observability']);
    expect(Object.keys(p.appsStacks)).toEqual(['westus3']);
    expect(p.appsStacks.westus3.node.path).toBe('shop-westus3-apps');
    const workloads = p.workloads.westus3;
    expect(workloads.node.path).toBe('shop-westus3-apps/Workloads');
    expect(workloads.namespace.metadataInput?.name).toBe('shop-ns');
    const identities = p.regionStacks.westus3.node.findChild('WorkloadIdentities') as WorkloadIdentities;
    expect(identities).toBeInstanceOf(WorkloadIdentities);
    expect(identities.namespace).toBe('shop-ns');
    expect(workloads.services.order.serviceAccount.metadataInput?.annotations).toEqual({ 'azure.workload.identity/client-id': identities.clientIds.order });
    // Without a data tier, the services learn their region, role and telemetry sink.
    const common = { REGION: 'westus3', REGION_ROLE: 'primary', APPLICATIONINSIGHTS_CONNECTION_STRING: p.regionalData.westus3.monitoring.appInsightsConnectionString };
    expect(environment(workloads)).toEqual({ order: common, tracking: common });
    // No grants without a data tier, and the pools are not opened to the Internet (Front Door over Private Link).
    expect(findAll(identities, RoleAssignment)).toEqual([]);
    expect((p.stamps.westus3.network.node.findChild('AksNodesNsg') as NetworkSecurityGroup).securityRuleInput).toBeUndefined();

    const json = JSON.parse(Testing.synth(p.appsStacks.westus3));
    const [clusterId] = Object.keys(json.data.azurerm_kubernetes_cluster);
    const cluster = `data.azurerm_kubernetes_cluster.${clusterId}`;
    // One stack synthesized alone refers to the stamp's resources directly (an app synth reads them from remote state).
    const stamp = p.stamps.westus3;
    expect(json.data.azurerm_kubernetes_cluster[clusterId]).toMatchObject(resolve(stamp, { name: stamp.cluster.name, resource_group_name: stamp.resourceGroupName }) as object);
    const login = kubeloginExec('servicePrincipal');
    expect(json.provider.kubernetes).toEqual([{
      host: `\${${cluster}.kube_config[0].host}`,
      cluster_ca_certificate: `\${base64decode(${cluster}.kube_config[0].cluster_ca_certificate)}`,
      exec: [{ api_version: login.apiVersion, command: login.command, args: login.args }],
    }]);
  });

  test('the services\' identities get the data tier\'s roles: tracking contributes data, order sends, tracking receives from Service Bus', () => {
    const p = platform({ workloads: IMAGES, entry: ENTRY, trackingStore: {}, eventBus: {} });
    const identities = p.regionStacks.westus3.node.findChild('WorkloadIdentities') as WorkloadIdentities;
    const ids = identities.node.children.map((c) => c.node.id).filter((id) => /^(Tracking|Order)/.test(id));
    expect(ids).toEqual(['TrackingDataContributor-westus3', 'OrderEventsSender-westus3', 'OrderEventsReceiver-westus3']);
    const principal = (id: string) => resolve(identities, (identities.node.findChild(id) as { principalIdInput?: string }).principalIdInput);
    const [order, tracking] = [identities.identities.order, identities.identities.tracking].map((identity) => resolve(identities, identity.principalId));
    expect([principal('TrackingDataContributor-westus3'), principal('OrderEventsSender-westus3'), principal('OrderEventsReceiver-westus3')]).toEqual([tracking, order, tracking]);
  });

  test('the whole data tier in the services\' environment (zone-redundant: the single cell, reads where it writes)', () => {
    const p = platform({ workloads: IMAGES, entry: ENTRY, database: { engine: DatabaseEngine.sql(), administrator: ADMIN }, trackingStore: {}, eventBus: {} });
    const [cell] = p.database!.cells;
    const { account } = p.trackingStore!.accountFor('westus3');
    const events = p.eventBus!.endpoints.westus3;
    const common = { REGION: 'westus3', REGION_ROLE: 'primary', APPLICATIONINSIGHTS_CONNECTION_STRING: p.regionalData.westus3.monitoring.appInsightsConnectionString };
    const bus = { EVENTS_TRANSPORT: 'serviceBus', EVENTS_HOST: events.host, EVENTS_TOPIC: events.topic };
    expect(environment(p.workloads.westus3)).toEqual({
      // The Order identity's name is its database user (grantDataAccess creates it under that name).
      order: { ...common, ORDER_DB_ENGINE: 'sql', ORDER_DB_NAME: cell.databaseName, ORDER_DB_USER: (p.regionStacks.westus3.node.findChild('WorkloadIdentities') as WorkloadIdentities).names.order, ORDER_DB_WRITE_HOST: cell.readWriteHost, ORDER_DB_READ_HOST: cell.readWriteHost, ...bus },
      tracking: {
        ...common,
        TRACKING_COSMOS_ENDPOINT: account.endpoint, TRACKING_COSMOS_DATABASE: account.databaseName, TRACKING_DELIVERIES_CONTAINER: account.deliveriesContainer,
        TRACKING_LEASES_CONTAINER: account.leasesContainer, TRACKING_PREFERRED_REGIONS: 'West US 3', ...bus, EVENTS_SUBSCRIPTION: events.subscription,
      },
    });
  });

  test('primarySecondary: both regions write through the read-write name; the secondary reads its replica, and prefers its own tracking region', () => {
    const p = platform({
      pattern: RedundancyPattern.primarySecondary(), regions: ['eastus2', 'centralus'],
      workloads: IMAGES, entry: ENTRY, database: { engine: DatabaseEngine.sql(), administrator: ADMIN }, trackingStore: {},
    });
    const [cell] = p.database!.cells;
    expect(cell.readOnlyHost).not.toBe(cell.readWriteHost);
    const primary = environment(p.workloads.eastus2) as Loose;
    const secondary = environment(p.workloads.centralus) as Loose;
    expect([primary.order.ORDER_DB_WRITE_HOST, primary.order.ORDER_DB_READ_HOST]).toEqual([cell.readWriteHost, cell.readWriteHost]);
    expect([secondary.order.ORDER_DB_WRITE_HOST, secondary.order.ORDER_DB_READ_HOST]).toEqual([cell.readWriteHost, cell.readOnlyHost]);
    expect([primary.tracking.TRACKING_PREFERRED_REGIONS, secondary.tracking.TRACKING_PREFERRED_REGIONS]).toEqual(['East US 2,Central US', 'Central US,East US 2']);
    expect(secondary.order.ORDER_DB_CELLS).toBeUndefined();
  });

  test('activeActive: each region writes to its own cell, reads its local copy, and knows every cell', () => {
    const p = platform({ pattern: RedundancyPattern.activeActive(), regions: ['eastus2', 'centralus'], workloads: IMAGES, entry: ENTRY, database: { engine: DatabaseEngine.sql(), administrator: ADMIN } });
    const cell = p.database!.cell('centralus');
    expect(cell).not.toBe(p.database!.cells[0]);
    const order = (environment(p.workloads.centralus) as Loose).order;
    expect([order.ORDER_DB_NAME, order.ORDER_DB_WRITE_HOST, order.ORDER_DB_READ_HOST]).toEqual([cell.databaseName, cell.readWriteHost, cell.serverHosts.centralus]);
    expect(JSON.parse(order.ORDER_DB_CELLS)).toEqual(p.database!.cells.map((c) => ({ home: c.homeRegion, database: c.databaseName, readHost: c.serverHosts.centralus, writeHost: c.readWriteHost })));
  });

  test('regionPinned: each region writes to and reads its own cell', () => {
    const entry = { ...ENTRY, geoRouting: { countries: { eastus2: ['US'], centralus: ['CA'] } } };
    const p = platform({ pattern: RedundancyPattern.regionPinned(), regions: ['eastus2', 'centralus'], workloads: IMAGES, entry, database: { engine: DatabaseEngine.sql(), administrator: ADMIN } });
    const cell = p.database!.cell('centralus');
    expect(cell).not.toBe(p.database!.cells[0]);
    const order = (environment(p.workloads.centralus) as Loose).order;
    expect([order.ORDER_DB_NAME, order.ORDER_DB_WRITE_HOST, order.ORDER_DB_READ_HOST, order.ORDER_DB_CELLS]).toEqual([cell.databaseName, cell.readWriteHost, cell.readWriteHost, undefined]);
  });

  test('regionPinned: each region\'s services are granted only their own cell\'s tracking store and bus', () => {
    const entry = { ...ENTRY, geoRouting: { countries: { eastus2: ['US'], centralus: ['CA'] } } };
    const p = platform({ pattern: RedundancyPattern.regionPinned(), regions: ['eastus2', 'centralus'], workloads: IMAGES, entry, trackingStore: {}, eventBus: {} });
    for (const region of ['eastus2', 'centralus']) {
      const identities = p.regionStacks[region].node.findChild('WorkloadIdentities') as WorkloadIdentities;
      expect(identities.node.children.map((c) => c.node.id).filter((id) => /^(Tracking|Order)/.test(id))).toEqual([`TrackingDataContributor-${region}`, `OrderEventsSender-${region}`, `OrderEventsReceiver-${region}`]);
      // The tracking role is on the region's own account; the sender's scope is its own region's topic.
      const contributor = identities.node.findChild(`TrackingDataContributor-${region}`) as Loose;
      expect(resolve(identities, contributor.accountNameInput)).toEqual(resolve(identities, p.trackingStore!.cosmosAccounts[region].name));
      const sender = identities.node.findChild(`OrderEventsSender-${region}`) as RoleAssignment;
      expect(resolve(identities, sender.scopeInput)).toMatch(new RegExp(`^\\$\\{azurerm_servicebus_topic\\.EventBus_${region}_OrderEventsTopic_[0-9A-F]{8}\\.id\\}$`));
    }
  });

  test('the Order service\'s identity gets a database user in every cell it writes to, as statements in its region stack', () => {
    const dataAccess = (p: MultiRegionOrderPlatform, region: string) => Object.keys(outputs(p.regionStacks[region])).filter((name) => name.startsWith('OrderDbAccess-'));
    const database = { engine: DatabaseEngine.sql(), administrator: ADMIN };
    // One cell: every region's Order service writes to it (a secondary's too, after a failover).
    const ps = platform({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], workloads: IMAGES, entry: ENTRY, database });
    for (const region of ['westus3', 'eastus']) expect(dataAccess(ps, region)).toEqual(['OrderDbAccess-westus3']);
    const statements = resolve(ps.regionStacks.eastus, (ps.regionStacks.eastus.node.findChild('OrderDbAccess-westus3') as TerraformOutput).value) as string;
    const identity = (ps.regionStacks.eastus.node.findChild('WorkloadIdentities') as WorkloadIdentities).identities.order;
    expect(statements).toContain(`CREATE USER [${resolve(ps.regionStacks.eastus, identity.name) as string}] FROM EXTERNAL PROVIDER;`);
    expect(statements).toContain(`on ${resolve(ps.regionStacks.eastus, ps.database!.cells[0].readWriteHost) as string} `);
    // activeActive: each region writes to every cell (ORDER_DB_CELLS); regionPinned: only to its own.
    const aa = platform({ pattern: RedundancyPattern.activeActive(), regions: ['westus3', 'eastus'], workloads: IMAGES, entry: ENTRY, database });
    for (const region of ['westus3', 'eastus']) expect(dataAccess(aa, region)).toEqual(['OrderDbAccess-westus3', 'OrderDbAccess-eastus']);
    const entry = { ...ENTRY, geoRouting: { countries: { eastus2: ['US'], centralus: ['CA'] } } };
    const rp = platform({ pattern: RedundancyPattern.regionPinned(), regions: ['eastus2', 'centralus'], workloads: IMAGES, entry, database });
    for (const region of ['eastus2', 'centralus']) expect(dataAccess(rp, region)).toEqual([`OrderDbAccess-${region}`]);
    // Without a database there is nothing to grant.
    expect(dataAccess(platform({ workloads: IMAGES, entry: ENTRY }), 'westus3')).toEqual([]);
  });

  test('activePassive, pilot light: the passive region runs no Deployments and reads where it writes', () => {
    const p = platform({ pattern: RedundancyPattern.activePassive({ standby: 'pilot-light' }), regions: ['eastus2', 'centralus'], workloads: IMAGES, entry: ENTRY, database: { engine: DatabaseEngine.sql(), administrator: ADMIN } });
    expect(p.workloads.eastus2.deployments).toEqual({ order: ['order-api'], tracking: ['tracking-api'] });
    expect(p.workloads.centralus.deployments).toEqual({ order: [], tracking: [] });
    const [cell] = p.database!.cells;
    const order = (environment(p.workloads.centralus) as Loose).order;
    expect([order.REGION_ROLE, order.ORDER_DB_WRITE_HOST, order.ORDER_DB_READ_HOST]).toEqual([RegionRole.PASSIVE, cell.readWriteHost, cell.readWriteHost]);
  });

  test('activePassive, pilot light with standbyActive: the passive region runs at active size', () => {
    const p = platform({ pattern: RedundancyPattern.activePassive({ standby: 'pilot-light' }), regions: ['eastus2', 'centralus'], workloads: { ...IMAGES, standbyActive: true }, entry: ENTRY });
    expect(p.workloads.centralus.deployments).toEqual({ order: ['order-api'], tracking: ['tracking-api'] });
  });

  test('activePassive, warm: the passive region runs standbyMinReplicas', () => {
    const workloads = { order: { ...IMAGES.order, minReplicas: 3 }, tracking: { ...IMAGES.tracking, minReplicas: 3 }, standbyMinReplicas: 2 };
    const p = platform({ pattern: RedundancyPattern.activePassive({ standby: 'warm' }), regions: ['eastus2', 'centralus'], workloads, entry: ENTRY });
    const replicas = (region: string) => p.workloads[region].releases.order.slots.map((s) => [s.replicas, s.autoscale]);
    expect(replicas('eastus2')).toEqual([[3, { min: 3, max: 10 }]]);
    expect(replicas('centralus')).toEqual([[2, { min: 2, max: 10 }]]);
  });

  test('workload errors name the platform\'s props: workloads.<prop>, under the part that found them', () => {
    const identities = error(() => platform({ workloads: { ...IMAGES, namespace: 'Orders' }, entry: ENTRY }));
    expect([identities.constructPath, identities.prop, identities.value]).toEqual(['shop-westus3/WorkloadIdentities', 'workloads.namespace', 'Orders']);
    const workloads = violations(() => platform({ workloads: { order: { image: 'c.io/order' }, tracking: { image: 'c.io/tracking' }, namespace: 'kube-system' }, entry: ENTRY }));
    expect(workloads.map((v) => v[0])).toEqual(['workloads.namespace', 'workloads.order.image', 'workloads.tracking.image']);
    const standby = error(() => platform({ pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'], workloads: { ...IMAGES, standbyMinReplicas: 3 }, entry: ENTRY }));
    expect([standby.constructPath, standby.prop, standby.value]).toEqual(['shop-centralus-apps/Workloads', 'workloads.standbyMinReplicas', 3]);
  });
});

describe('the workloads fit their node pools', () => {
  /** The platform's scheduling violations: [prop, value, problem, fix] with the problem cut before its pending pods. */
  function scheduling(props: Loose): [string, unknown, string, string][] {
    return violations(() => platform({ entry: ENTRY, ...props })).map(([prop, value, problem, fix]) => [prop, value, problem.split('; pods stay Pending')[0], fix]);
  }
  const cpu = (cpuRequest: string) => ({ cpuRequest, cpuLimit: cpuRequest });

  test('a pod larger than a node: no number of nodes helps, at the minimum or the maximum', () => {
    const value = { region: 'westus3', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 10 };
    const errors = scheduling({ workloads: { order: { ...IMAGES.order, resources: cpu('8') }, tracking: IMAGES.tracking } });
    expect(errors.map(([prop, v, , fix]) => [prop, v, fix])).toEqual([
      ['kubernetes.userPool', value, "use a larger kubernetes.userPool.vmSize, or lower the service's resources"],
      ['kubernetes.userPool', value, "use a larger kubernetes.userPool.vmSize, or lower the service's resources"],
    ]);
    expect(errors.map(([, , problem]) => problem.replace(/\(.*\)$/, '(...)'))).toEqual([
      'in westus3 the workloads do not fit the user node pool at its minimum (...)',
      'in westus3 the workloads do not fit the user node pool at its maximum (...)',
    ]);
  });

  test('one pod larger than a node among others that only lack room: a larger VM size is the fix', () => {
    const errors = scheduling({ kubernetes: { userPool: { minCount: 3, maxCount: 3 } }, workloads: { order: { ...IMAGES.order, resources: cpu('8') }, tracking: { ...IMAGES.tracking, minReplicas: 20, maxReplicas: 40, resources: cpu('1') } } });
    expect(errors.map((e) => e[3])).toEqual(["use a larger kubernetes.userPool.vmSize, or lower the service's resources", "use a larger kubernetes.userPool.vmSize, or lower the service's resources"]);
  });

  test('too many replicas for the pool: raise its minimum or maximum node count, or scale the services down', () => {
    const errors = scheduling({ kubernetes: { userPool: { minCount: 3, maxCount: 3 } }, workloads: { order: { ...IMAGES.order, minReplicas: 20, maxReplicas: 40, resources: cpu('1') }, tracking: IMAGES.tracking } });
    expect(errors).toEqual([
      ['kubernetes.userPool', { region: 'westus3', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 3 }, expect.stringMatching(/^in westus3 the workloads do not fit the user node pool at its minimum \((system|user)/), "raise kubernetes.userPool.minCount, or lower the services' minReplicas or resources"],
      ['kubernetes.userPool', { region: 'westus3', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 3 }, expect.stringMatching(/^in westus3 the workloads do not fit the user node pool at its maximum \(/), "raise kubernetes.userPool.maxCount or use a larger vmSize, or lower the services' maxReplicas (or a blue-green idleReplicas)"],
    ]);
  });

  test('the problem lists the nodes of each pool and every pending pod', () => {
    const many = { ...IMAGES.order, maxReplicas: 40, resources: cpu('1') };
    const errors = violations(() => platform({ entry: ENTRY, kubernetes: { userPool: { minCount: 3, maxCount: 3 } }, workloads: { order: many, tracking: { ...many, image: IMAGES.tracking.image } } }));
    const nodes = '(system/1: 1, system/2: 1, system/3: 1, user/1: 1, user/2: 1, user/3: 1)';
    expect(errors.map((e) => e[2])).toEqual([
      expect.stringMatching(new RegExp(`^in westus3 the workloads do not fit the user node pool at its minimum ${escape(nodes)}; pods stay Pending: order-api: [^;]+; tracking-api: [^;]+$`)),
      expect.stringMatching(new RegExp(`^in westus3 the workloads do not fit the user node pool at its maximum ${escape(nodes)}; pods stay Pending: tracking-api: [^;]+; order-api: [^;]+$`)),
    ]);
  });

  test('a VM size the scheduling model does not know is not checked, and a warning says so', () => {
    const p = platform({ entry: ENTRY, workloads: IMAGES, kubernetes: { userPool: { vmSize: 'Standard_B4ms' } } });
    const warnings = p.workloads.westus3.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toEqual(['Node capacity is not checked for VM size(s) Standard_B4ms: the scheduling model knows the D, E and F families.']);
  });

  test('several unknown VM sizes are listed in one warning', () => {
    const p = platform({ entry: ENTRY, workloads: IMAGES, kubernetes: { systemPool: { vmSize: 'Standard_B4ms' }, userPool: { vmSize: 'Standard_B8ms' } } });
    const warnings = p.workloads.westus3.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toEqual(['Node capacity is not checked for VM size(s) Standard_B4ms, Standard_B8ms: the scheduling model knows the D, E and F families.']);
  });

  test('a known VM size gets no warning', () => {
    const p = platform({ entry: ENTRY, workloads: IMAGES });
    expect(p.workloads.westus3.node.metadata.filter((m) => m.type === '@cdktf/warn')).toEqual([]);
  });
});

describe('the edge stack', () => {
  test('after every -apps stack: Front Door over every stamp\'s ingress on the services\' readiness path, reporting to the primary region, with its outputs', () => {
    const ready = { probes: { readiness: '/ready' } };
    const p = platform({ workloads: { order: { ...IMAGES.order, ...ready }, tracking: { ...IMAGES.tracking, ...ready } }, entry: ENTRY, tags: { team: 'orders' } });
    const edge = p.edgeStack!;
    expect(edge.node.path).toBe('shop-edge');
    expect(edge.dependencies).toContain(p.appsStacks.westus3);
    const entry = p.entry!;
    expect(entry.node.path).toBe('shop-edge/Entry');
    expect(Object.values(entry.originGroups).map((g) => g.healthProbeInput?.path)).toEqual(['/ready', '/ready']);
    expect(entry.resourceGroup?.nameInput).toMatch(/^shop-rg-/);
    expect(entry.resourceGroup?.tagsInput).toMatchObject({ platform: 'shop', team: 'orders' });
    const [diagnostics] = findAll(edge, MonitorDiagnosticSetting);
    expect(diagnostics.logAnalyticsWorkspaceIdInput).toBe(p.regionalData.westus3.monitoring.workspaceId);
    expect(entry.privateLinkApprovals.map((a) => [a.region, a.service])).toEqual([['westus3', 'order'], ['westus3', 'tracking']]);
    expect(outputs(edge)).toStrictEqual(resolve(edge, { FrontDoorHostName: entry.endpointHostName, PrivateLinkServicesToApprove: entry.privateLinkApprovals.map((a) => a.privateLinkServiceId) }));
  });

  test('Traffic Manager alone, without workloads: the public origins and probe path given, an FQDN output per service', () => {
    const publicOrigins = { westus3: { order: 'orders-westus3.contoso.com', tracking: 'tracking-westus3.contoso.com' } };
    const p = platform({ entry: { trafficManager: { services: ['order', 'tracking'] }, publicOrigins, healthProbePath: '/status' } });
    const edge = p.edgeStack!;
    expect(edge.dependencies).toEqual([]);
    expect(Object.values(p.entry!.trafficManagerProfiles).map((t) => (t.monitorConfigInput as { path: string }).path)).toEqual(['/status', '/status']);
    expect(findAll(edge, TrafficManagerExternalEndpoint).map((e) => e.targetInput)).toEqual(['orders-westus3.contoso.com', 'tracking-westus3.contoso.com']);
    expect(outputs(edge)).toStrictEqual(resolve(edge, { 'TrafficManager-order-Fqdn': p.entry!.trafficManagerFqdns.order, 'TrafficManager-tracking-Fqdn': p.entry!.trafficManagerFqdns.tracking }));
    // Without workloads nothing is opened on the node pools.
    expect((p.stamps.westus3.network.node.findChild('AksNodesNsg') as NetworkSecurityGroup).securityRuleInput).toBeUndefined();
  });

  test('Traffic Manager with workloads: public load balancers with a DNS label per service and region, opened on 443, as the origins', () => {
    const ready = { probes: { readiness: '/ready' } };
    const p = platform({ workloads: { order: { ...IMAGES.order, ...ready }, tracking: { ...IMAGES.tracking, ...ready } }, entry: { trafficManager: { services: ['order', 'tracking'] } } });
    const label = (service: string, name: string) => `shop-${name}-${pathHash(`shop/westus3/${service}`)}`;
    const annotations = (service: 'order' | 'tracking') => p.workloads.westus3.services[service].service.metadataInput?.annotations ?? {};
    expect(annotations('order')['service.beta.kubernetes.io/azure-dns-label-name']).toBe(label('order', 'order-api'));
    expect(annotations('tracking')['service.beta.kubernetes.io/azure-dns-label-name']).toBe(label('tracking', 'tracking-api'));
    expect(findAll(p.edgeStack!, TrafficManagerExternalEndpoint).map((e) => e.targetInput)).toEqual([
      `${label('order', 'order-api')}.westus3.cloudapp.azure.com`, `${label('tracking', 'tracking-api')}.westus3.cloudapp.azure.com`,
    ]);
    // Traffic Manager probes the services' readiness path (the order service's, when Front Door serves none).
    expect(Object.values(p.entry!.trafficManagerProfiles).map((t) => (t.monitorConfigInput as { path: string }).path)).toEqual(['/ready', '/ready']);
    const nsg = p.stamps.westus3.network.node.findChild('AksNodesNsg') as NetworkSecurityGroup;
    expect((nsg.securityRuleInput as { destinationPortRanges: string[] }[]).map((r) => r.destinationPortRanges)).toEqual([['443']]);
  });

  test('Traffic Manager with workloads and public origins given: the origins given win, and only the public service gets a label', () => {
    const publicOrigins = { westus3: { order: 'orders-westus3.contoso.com' } };
    const p = platform({ workloads: IMAGES, entry: { trafficManager: { services: ['order'] }, frontDoor: { originHostHeaders: { tracking: HEADERS.tracking } }, publicOrigins } });
    expect(findAll(p.edgeStack!, TrafficManagerExternalEndpoint).map((e) => e.targetInput)).toEqual(['orders-westus3.contoso.com']);
    expect(p.workloads.westus3.services.tracking.service.metadataInput?.annotations?.['service.beta.kubernetes.io/azure-dns-label-name']).toBeUndefined();
    expect(p.workloads.westus3.services.order.service.metadataInput?.annotations?.['service.beta.kubernetes.io/azure-dns-label-name']).toBe(`shop-order-api-${pathHash('shop/westus3/order')}`);
  });

  test('workloads without an entry: Front Door for both services over Private Link, which needs the services\' host names', () => {
    const errors = error(() => platform({ workloads: IMAGES })).violations;
    expect(errors.map((v) => [v.constructPath, v.prop])).toEqual([['shop-edge/Entry', 'entry.frontDoor.originHostHeaders.order'], ['shop-edge/Entry', 'entry.frontDoor.originHostHeaders.tracking']]);
  });

  test('the fixes of observability errors name the platform\'s props, to the end of the text', () => {
    expect(error(() => platform({ observability: { names: { availabilityTests: { 'order-entry': 'x' } } } })).violations.map((v) => [v.prop, v.fix])).toEqual([
      ['observability.names.availabilityTests', 'drop observability.names.availabilityTests, or add observability.availabilityTests'],
    ]);
  });

  test('rule check errors name the platform\'s prop: checks.<prop>', () => {
    expect(error(() => platform({ checks: { enabeld: false } })).violations.map((v) => v.prop)).toEqual(['checks.enabeld']);
    expect(error(() => platform({ checks: { suppressions: [{ ruleId: 'OP-SQL-001', resource: 'a.b', reason: 'short' }] } })).violations.map((v) => v.prop)).toEqual(['checks.suppressions[0].reason']);
  });

  test('entry errors name the platform\'s props: entry.<prop>', () => {
    const e = error(() => platform({ workloads: IMAGES, entry: { frontDoor: { originHostHeaders: HEADERS, customDomains: ['Not A Domain'] } } }));
    expect([e.constructPath, e.prop, e.value, e.fix]).toEqual(['shop-edge/Entry', 'entry.frontDoor.customDomains[0]', 'Not A Domain', "use e.g. 'orders.contoso.com'"]);
  });

  test('Event Grid subscribing: the subscriptions come with the edge stack, to the tracking route of the platform\'s Front Door endpoint', () => {
    const p = platform({ workloads: IMAGES, entry: ENTRY, eventBus: { transport: EventTransport.eventGrid({ subscribe: true }) } });
    const json = JSON.parse(Testing.synth(p.edgeStack!));
    const subscriptions = Object.values(json.resource.azurerm_eventgrid_event_subscription) as { webhook_endpoint: { url: string } }[];
    expect(subscriptions.map((s) => s.webhook_endpoint.url)).toEqual([`https://${resolve(p.entry!, p.entry!.endpointHostName)}/tracking/events`]);
    expect(findAll(p.edgeStack!.node.findChild('EventGrid'), EventgridEventSubscription)).toHaveLength(1);
    // The tracking service serves the webhook under its route.
    expect((environment(p.workloads.westus3).tracking as Loose).EVENTS_WEBHOOK_PATH).toBe('/tracking/events');
    expect((environment(p.workloads.westus3).tracking as Loose).EVENTS_TRANSPORT).toBe('eventGrid');
  });

  test('Event Grid with a webhook URL: the subscriptions go to it, and the tracking service learns no path', () => {
    const p = platform({ workloads: IMAGES, entry: ENTRY, eventBus: { transport: EventTransport.eventGrid({ subscribe: true, webhookUrl: 'https://hooks.contoso.com/events' }) } });
    const json = JSON.parse(Testing.synth(p.edgeStack!));
    const subscriptions = Object.values(json.resource.azurerm_eventgrid_event_subscription) as { webhook_endpoint: { url: string } }[];
    expect(subscriptions.map((s) => s.webhook_endpoint.url)).toEqual(['https://hooks.contoso.com/events']);
    expect(environment(p.workloads.westus3).tracking).not.toHaveProperty('EVENTS_WEBHOOK_PATH');
  });

  test('Event Grid not yet subscribing: no subscription anywhere', () => {
    const p = platform({ workloads: IMAGES, entry: ENTRY, eventBus: { transport: EventTransport.eventGrid() } });
    expect(JSON.parse(Testing.synth(p.edgeStack!)).resource.azurerm_eventgrid_event_subscription).toBeUndefined();
  });
});

describe('observability', () => {
  /** The warnings of the app a platform is in (its stacks are the app's children). */
  const warnings = (scope: IConstruct) => scope.node.root.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data as string));

  test('on by default, last: its own stack and resource group in the primary region, after the data, region and edge stacks', () => {
    const p = platform({ workloads: IMAGES, entry: ENTRY, tags: { team: 'orders' } });
    const stack = p.observabilityStack!;
    expect(stack.node.path).toBe('shop-observability');
    expect(stack.dependencies).toEqual(expect.arrayContaining([p.dataStack, p.regionStacks.westus3, p.edgeStack]));
    expect(stack.dependencies).toHaveLength(3);
    const obs = p.observability!;
    expect(obs.node.path).toBe('shop-observability/Observability');
    const group = stack.node.findChild('ResourceGroup') as unknown as { nameInput: string; locationInput: string; tagsInput: Record<string, string> };
    expect([group.nameInput, group.locationInput]).toEqual([`shop-rg-observability-${pathHash('shop/shop-observability')}`, 'westus3']);
    expect(group.tagsInput).toMatchObject({ platform: 'shop', team: 'orders', component: 'observability' });
    // Without contacts: no action group, and a warning.
    expect(obs.actionGroup).toBeUndefined();
    expect(warnings(p)).toEqual([expect.stringContaining('Observability has no contacts')]);
  });

  test('its targets: every AKS cluster, Key Vault and workspace, the Front Door profile, the Cosmos accounts and Service Bus namespaces', () => {
    const p = platform({ workloads: IMAGES, entry: ENTRY, trackingStore: {}, eventBus: { names: { topic: 'orders-v2' } }, observability: { contacts: { emails: ['oncall@contoso.com'] } } });
    const obs = p.observability!;
    const scope = (key: string) => resolve(obs, obs.metricAlerts[key].scopesInput);
    const stamp = p.stamps.westus3;
    expect(scope('aksNodesNotReady.westus3')).toEqual(resolve(obs, [stamp.cluster.id]));
    expect(scope('keyVaultAvailability.westus3')).toEqual(resolve(obs, [stamp.keyVault.id]));
    expect(scope('frontDoor5xx.global')).toEqual(resolve(obs, [p.entry!.profile!.id]));
    expect(scope('cosmosAvailability.westus3')).toEqual(resolve(obs, [p.trackingStore!.cosmosAccounts.westus3.id]));
    expect(scope('serviceBusServerErrors.westus3')).toEqual(resolve(obs, [p.eventBus!.serviceBusNamespaces.westus3.id]));
    expect(resolve(obs, obs.logAlerts['aksContainerRestarts.westus3'].scopesInput)).toEqual(resolve(obs, [p.regionalData.westus3.monitoring.workspaceId]));
    // The backlog is the topic the delivery-tracking subscription reads.
    const backlog = obs.metricAlerts['deliveryTrackingBacklog.westus3'].criteriaInput as { dimension: { values: string[] }[] }[];
    expect(backlog[0].dimension[0].values).toEqual([p.eventBus!.endpoints.westus3.topic]);
    expect(p.eventBus!.endpoints.westus3.topic).toBe('orders-v2');
    expect(Object.keys(obs.metricAlerts).filter((k) => k.startsWith('postgresql'))).toEqual([]);
    expect(warnings(p)).toEqual([]);
  });

  test('PostgreSQL replicas and Service Bus standby namespaces are watched too, each keyed by its cell', () => {
    const p = platform({
      pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'],
      database: { engine: DatabaseEngine.postgresql({ version: '16' }), administrator: ADMIN }, observability: { contacts: { emails: ['oncall@contoso.com'] } },
    });
    const obs = p.observability!;
    expect(Object.keys(obs.metricAlerts).filter((k) => k.startsWith('postgresql'))).toEqual(['postgresqlReplicaLag.eastus2-replica-centralus']);
    expect(resolve(obs, obs.metricAlerts['postgresqlReplicaLag.eastus2-replica-centralus'].scopesInput)).toEqual(resolve(obs, [p.database!.postgresqlReplicas.eastus2.centralus.id]));
    const ps = platform({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], eventBus: {}, observability: { contacts: { emails: ['oncall@contoso.com'] }, silencedRegions: ['eastus'] } });
    const psObs = ps.observability!;
    expect(resolve(psObs, psObs.metricAlerts['serviceBusServerErrors.westus3-standby'].scopesInput)).toEqual(resolve(psObs, [ps.eventBus!.standbyNamespaces.westus3.id]));
    // Silencing eastus silences the standby namespace there.
    expect(resolve(psObs, psObs.suppressionRules.eastus.scopesInput)).toEqual(expect.arrayContaining(resolve(psObs, [ps.eventBus!.standbyNamespaces.westus3.id]) as unknown[]));
  });

  test('availability tests: each Front Door service under its route, from the primary region\'s Application Insights', () => {
    const ready = { probes: { readiness: '/ready' } };
    const p = platform({ workloads: { order: { ...IMAGES.order, ...ready }, tracking: { ...IMAGES.tracking, ...ready } }, entry: ENTRY, observability: { availabilityTests: { frequencySeconds: 600 } } });
    const obs = p.observability!;
    const host = p.entry!.endpointHostName!;
    expect(Object.fromEntries(Object.entries(obs.availabilityTests).map(([key, t]) => [key, resolve(obs, (t.requestInput as { url: string }).url)]))).toEqual(resolve(obs, {
      'order-entry': `https://${host}/orders/ready`, 'tracking-entry': `https://${host}/tracking/ready`,
    }));
    const test = obs.availabilityTests['order-entry'];
    expect([resolve(obs, test.applicationInsightsIdInput), test.locationInput, test.frequencyInput]).toEqual([resolve(obs, p.regionalData.westus3.monitoring.appInsights.id), 'westus3', 600]);
  });

  test('availability tests: Traffic Manager services through their FQDN, and every region\'s public origin directly', () => {
    const p = platform({ workloads: IMAGES, entry: { trafficManager: { services: ['order', 'tracking'] } } });
    const obs = p.observability!;
    const urls = Object.fromEntries(Object.entries(obs.availabilityTests).map(([key, t]) => [key, resolve(obs, (t.requestInput as { url: string }).url)]));
    const origins = findAll(p.edgeStack!, TrafficManagerExternalEndpoint).map((e) => e.targetInput);
    expect(urls).toEqual(resolve(obs, {
      'order-entry': `https://${p.entry!.trafficManagerFqdns.order}/healthz/ready`, 'tracking-entry': `https://${p.entry!.trafficManagerFqdns.tracking}/healthz/ready`,
      'order-westus3': `https://${origins[0]}/healthz/ready`, 'tracking-westus3': `https://${origins[1]}/healthz/ready`,
    }));
  });

  test('availability tests: behind API Management only the regions\' origins (its gateway refuses requests without a token)', () => {
    const p = platform({ workloads: IMAGES, entry: { frontDoor: { privateLink: false }, apiManagement: APIM } });
    expect(Object.keys(p.observability!.availabilityTests).sort()).toEqual(['order-westus3', 'tracking-westus3']);
  });

  test('availability tests off, or nothing to test without workloads; settings that would be ignored are refused', () => {
    expect(platform({ workloads: IMAGES, entry: ENTRY, observability: { availabilityTests: { enabled: false } } }).observability!.availabilityTests).toEqual({});
    expect(platform({}).observability!.availabilityTests).toEqual({});
    expect(error(() => platform({ workloads: IMAGES, entry: ENTRY, observability: { availabilityTests: { enabled: false, failedLocations: 3 } } })).violations.map((v) => [v.prop, v.value, v.problem, v.fix])).toEqual([
      ['observability.availabilityTests', ['failedLocations'], 'availability tests are disabled, so these settings would be ignored', 'drop failedLocations, or enabled: false'],
    ]);
    expect(error(() => platform({ observability: { availabilityTests: { testLocations: ['us-va-ash-azr'] } } })).violations.map((v) => [v.prop, v.problem, v.fix])).toEqual([
      ['observability.availabilityTests', "the availability tests request the services' readiness paths, and there are no workloads, so there is nothing to test", 'drop availabilityTests, or add workloads'],
    ]);
    // Turned off, or left empty, without workloads: nothing to refuse.
    expect(platform({ observability: { availabilityTests: { enabled: false } } }).observability!.availabilityTests).toEqual({});
    expect(platform({ observability: { availabilityTests: {} } }).observability!.availabilityTests).toEqual({});
    // With observability off, its settings are refused once, as settings of observability.
    expect(error(() => platform({ observability: { enabled: false, availabilityTests: { testLocations: ['us-va-ash-azr'] }, health: { enabled: false, names: { dashboard: 'x' } } } })).violations.map((v) => [v.prop, v.value])).toEqual([
      ['observability', ['availabilityTests', 'health']],
    ]);
    // Asking for them explicitly, without workloads, is refused too.
    expect(error(() => platform({ observability: { availabilityTests: { enabled: true } } })).violations.map((v) => [v.prop, v.value])).toEqual([['observability.availabilityTests', ['enabled']]]);
  });

  test('geography routing that rejects unmapped countries: a warning naming each test location outside the mapped countries, or of unknown country', () => {
    const geo = {
      pattern: RedundancyPattern.regionPinned({ residency: { westeurope: 'EU Data Boundary', eastus2: 'United States' } }), regions: ['westeurope', 'eastus2'], workloads: IMAGES,
      entry: { ...ENTRY, geoRouting: { countries: { westeurope: ['NL', 'IE'], eastus2: ['US'] }, rejectUnmappedCountries: true } },
    };
    const contacts = { emails: ['a@contoso.com'] };
    // The defaults include Southeast Asia (Singapore).
    expect(warnings(platform({ ...geo, observability: { contacts } }))).toEqual([
      'observability.availabilityTests: the entry refuses countries outside entry.geoRouting.countries, and the default test locations include apac-sg-sin-azr (Southeast Asia, SG): every test from there fails. Choose at least 5 locations in the mapped countries (README, "Observability").',
    ]);
    const inside = ['us-va-ash-azr', 'us-ca-sjc-azr', 'us-il-ch1-azr', 'emea-nl-ams-azr', 'emea-gb-db3-azr'];
    const chosen = platform({ ...geo, observability: { contacts, availabilityTests: { testLocations: inside } } });
    expect(warnings(chosen)).toEqual([]);
    expect(chosen.observability!.availabilityTests['order-entry'].geoLocationsInput).toEqual(inside);
    // Given locations outside the mapped countries, and one the table does not know.
    expect(warnings(platform({ ...geo, observability: { contacts, availabilityTests: { testLocations: [...inside.slice(0, 4), 'apac-jp-kaw-edge', 'emea-ru-msa-edge', 'us-xx-new-azr', 'us-yy-new-azr'] } } }))).toEqual([
      'observability.availabilityTests: the entry refuses countries outside entry.geoRouting.countries, and observability.availabilityTests.testLocations include apac-jp-kaw-edge (Japan East, JP), emea-ru-msa-edge (UK South, GB): every test from there fails. Choose at least 5 locations in the mapped countries (README, "Observability").',
      'observability.availabilityTests: the entry refuses countries outside entry.geoRouting.countries, and the country of us-xx-new-azr, us-yy-new-azr is not in the library\'s table of Azure test locations: check that it is a mapped country.',
    ]);
    // Without availability tests there is nothing to warn about.
    expect(warnings(platform({ ...geo, observability: { contacts, availabilityTests: { enabled: false } } }))).toEqual([]);
    // Without rejection the unmapped countries reach the default cell: no warning.
    expect(warnings(platform({ ...geo, entry: { ...ENTRY, geoRouting: { countries: { westeurope: ['NL'], eastus2: ['US'] } } }, observability: { contacts } }))).toEqual([]);
  });

  test('silencing a region silences the availability tests of its origins, not the entry\'s', () => {
    const p = platform({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], workloads: IMAGES, entry: { trafficManager: { services: ['order', 'tracking'] } }, observability: { silencedRegions: ['eastus'] } });
    const obs = p.observability!;
    const scopes = resolve(obs, obs.suppressionRules.eastus.scopesInput) as string[];
    expect(scopes).toEqual(expect.arrayContaining(resolve(obs, [obs.availabilityTests['order-eastus'].id, obs.availabilityTests['tracking-eastus'].id]) as string[]));
    for (const key of ['order-westus3', 'tracking-westus3', 'order-entry', 'tracking-entry']) expect(scopes).not.toContain(resolve(obs, obs.availabilityTests[key].id));
  });

  test('off: no observability stack; other observability settings with enabled: false are refused', () => {
    const app = Testing.app();
    const p = platform({ observability: { enabled: false } }, 'shop', app);
    expect([p.observabilityStack, p.observability]).toEqual([undefined, undefined]);
    expect(app.node.children.map((c) => c.node.id)).toEqual(['shop', 'shop-data', 'shop-westus3']);
    expect(error(() => platform({ observability: { enabled: false, contacts: { emails: ['a@contoso.com'] }, runbookUrl: 'https://wiki' } })).violations.map((v) => [v.prop, v.value, v.problem, v.fix])).toEqual([
      ['observability', ['contacts', 'runbookUrl'], 'observability is disabled, so these settings would be ignored', 'drop contacts, runbookUrl, or enabled: false'],
    ]);
  });

  test('the health workbook and dashboard: in the observability stack, a row for the entry and for each region; Traffic Manager charted', () => {
    const p = platform({ workloads: IMAGES, entry: { trafficManager: { services: ['order', 'tracking'] } } });
    const workbook = p.healthWorkbook!;
    expect([workbook.node.path, p.healthDashboard!.node.path]).toEqual(['shop-observability/Health/Workbook', 'shop-observability/Health/Dashboard']);
    expect(workbook.displayNameInput).toBe('shop platform health');
    const health = workbook;
    const json = JSON.parse(resolve(health, workbook.dataJsonInput) as string);
    expect(json.items.map((i: { content: { title?: string } }) => i.content.title)).toEqual([undefined, 'Global entry', 'westus3 (primary)']);
    const entry = json.items[1].content.items.map((i: Loose) => [i.content.title, i.content.metrics[0].metric, i.content.metrics[0].aggregation, i.content.metrics[0].splitBy, i.content.resourceIds[0]]);
    // Aggregation 3 is Maximum in the workbook's metric schema.
    expect(entry).toEqual(['order', 'tracking'].map((service) => [`Traffic Manager ${service}: endpoint state`, 'microsoft.network/trafficmanagerprofiles--ProbeAgentCurrentEndpointStateByProfileResourceId', 3, ['EndpointName'], resolve(health, p.entry!.trafficManagerProfiles[service].id)]));
    expect(json.items[0].content.json).toBe('# shop platform health\n\nPattern: zoneRedundant. West US 3: primary.');
  });

  test('the health workbook: a region that holds a replica of another region\'s tracking store charts its requests by region; its home region charts availability and status', () => {
    const p = platform({ pattern: RedundancyPattern.primarySecondary(), regions: ['westus3', 'eastus'], trackingStore: {} });
    const workbook = p.healthWorkbook!;
    const json = JSON.parse(resolve(workbook, workbook.dataJsonInput) as string);
    const regionRows = json.items.filter((row: Loose) => / \((primary|secondary)\)$/.test(row.content.title ?? ''));
    expect(regionRows).toHaveLength(2);
    const rows = Object.fromEntries(regionRows.map((row: Loose) => [row.content.title, row.content.items
      .filter((i: Loose) => i.content.metrics?.[0].namespace === 'microsoft.documentdb/databaseaccounts')
      .map((i: Loose) => [i.content.title, i.content.metrics[0].metric, i.content.metrics[0].splitBy, i.content.resourceIds[0]])]));
    const account = resolve(workbook, p.trackingStore!.cosmosAccounts.westus3.id);
    expect(Object.keys(p.trackingStore!.cosmosAccounts)).toEqual(['westus3']);
    expect(rows).toStrictEqual({
      'westus3 (primary)': [
        ['Tracking store availability', 'microsoft.documentdb/databaseaccounts--ServiceAvailability', undefined, account],
        ['Tracking store requests by status', 'microsoft.documentdb/databaseaccounts--TotalRequests', ['StatusCode'], account],
      ],
      'eastus (secondary)': [['Tracking store (account of westus3) requests by region', 'microsoft.documentdb/databaseaccounts--TotalRequests', ['Region'], account]],
    });
  });

  test('health off, or named: names are checked (the workbook\'s is a lower-case UUID), settings beside enabled: false refused', () => {
    const off = platform({ observability: { health: { enabled: false } } });
    expect([off.healthWorkbook, off.healthDashboard, off.observability === undefined]).toEqual([undefined, undefined, false]);
    const named = platform({ observability: { health: { names: { workbook: '4b2c1f5e-8d3a-5e6f-9a1b-2c3d4e5f6a7b', dashboard: 'orders-health' } } } });
    expect([named.healthWorkbook!.nameInput, named.healthDashboard!.nameInput]).toEqual(['4b2c1f5e-8d3a-5e6f-9a1b-2c3d4e5f6a7b', 'orders-health']);
    expect(error(() => platform({ observability: { health: { names: { workbook: '4B2C1F5E-8D3A-5E6F-9A1B-2C3D4E5F6A7B', dashboard: 'orders health' } } } })).violations.map((v) => [v.prop, v.value, v.problem, v.fix])).toEqual([
      ['observability.health.names.workbook', '4B2C1F5E-8D3A-5E6F-9A1B-2C3D4E5F6A7B', 'Azure names a workbook by a lower-case UUID', "give the existing workbook's name, e.g. '4b2c1f5e-8d3a-5e6f-9a1b-2c3d4e5f6a7b'"],
      ['observability.health.names.dashboard', 'orders health', expect.stringContaining('letters, digits, _ and -'), expect.any(String)],
    ]);
    expect(error(() => platform({ observability: { health: { enabled: false, names: { dashboard: 'x' } } } })).violations.map((v) => [v.prop, v.problem, v.fix])).toEqual([
      ['observability.health.names', 'the health workbook and dashboard are disabled, so the names would be ignored', 'drop names, or enabled: false'],
    ]);
    expect(error(() => platform({ observability: { health: { names: { workbok: 'x' } } } })).violations.map((v) => [v.prop, v.fix])).toEqual([['observability.health.names.workbok', "did you mean 'workbook'?"]]);
  });

  test('errors name the platform\'s props: observability.<prop>; unknown keys are refused', () => {
    const e = error(() => platform({ observability: { contacts: { emails: ['oncall'] }, thresholds: { keyVaultAvailabilityPercent: 0 }, silencedRegions: ['eastus'] } }));
    expect(e.violations.map((v) => [v.constructPath, v.prop, v.value])).toEqual([
      ['shop-observability/Observability', 'observability.contacts.emails[0]', 'oncall'],
      ['shop-observability/Observability', 'observability.thresholds.keyVaultAvailabilityPercent', 0],
      ['shop-observability/Observability', 'observability.silencedRegions[0]', 'eastus'],
    ]);
    // The fixes name the platform's props too.
    expect(e.violations.map((v) => v.fix)).toEqual([
      "give an address such as 'oncall@contoso.com'",
      'set observability.thresholds.keyVaultAvailabilityPercent between 1 and 100 (default 99)',
      'silence one of westus3',
    ]);
    expect(error(() => platform({ observability: { contacts: {} } })).violations.map((v) => v.fix)).toEqual(['give at least one of observability.contacts.emails, observability.contacts.smsNumbers, observability.contacts.webhooks or observability.contacts.actionGroupIds']);
    expect(error(() => platform({ observability: { contact: {} } })).violations.map((v) => [v.prop, v.fix])).toEqual([['observability.contact', "did you mean 'contacts'?"]]);
    expect(error(() => platform({ observability: { availabilityTests: { enabled: 'yes' } } })).violations.map((v) => v.prop)).toEqual(['observability.availabilityTests.enabled']);
  });
});

describe('errors of the parts', () => {
  test('an error that is not a ValidationError passes through unchanged', () => {
    const boom = new RangeError('boom');
    const engine = Object.assign(Object.create(DatabaseEngine.sql()), { checkOptions: () => { throw boom; } });
    expect(() => platform({ database: { engine, administrator: ADMIN } })).toThrow(boom);
  });
});
