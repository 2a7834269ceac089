import { RootConstruct } from 'constructs';
import { ValidationError } from '../../lib/core/errors';
import { RemovalPolicy } from '../../lib/core/lifecycle';
import { RedundancyPattern } from '../../lib/core/pattern';
import { checkShape } from '../../lib/core/validate';
import { DatabaseEngine } from '../../lib/database/engine';
import { EventTransport } from '../../lib/events/transport';
import { PlatformBackend } from '../../lib/platform/backend';
import { MultiRegionOrderPlatformProps } from '../../lib/platform/multi-region-order-platform-types';
import { PLATFORM_SHAPE } from '../../lib/platform/shapes';

/** Unit tests of the platform props' run-time shape (lib/platform/shapes.ts), checked on their own: no synth. */
const scope = new RootConstruct('shop');

// Values as a JSON or YAML document would deliver them: no compile-time types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const IMAGES = { order: { image: 'c.io/order:1' }, tracking: { image: 'c.io/tracking:1' } };

/** Every prop of the platform and of each of its parts' options, set. */
const FULL: MultiRegionOrderPlatformProps = {
  prefix: 'shop', pattern: RedundancyPattern.activePassive(), regions: ['eastus2', 'centralus'],
  addressPlan: { addressSpace: '10.50.0.0/16' }, kubernetes: { kubernetesVersion: '1.31' }, keyVault: { softDeleteRetentionDays: 30 },
  monitoring: { retentionDays: 60, removalPolicy: RemovalPolicy.DESTROY },
  database: { engine: DatabaseEngine.sql(), administrator: { objectId: '33333333-3333-3333-3333-333333333333', name: 'sg-db' }, databaseName: 'sales', names: { sqlServers: { eastus2: 'sql-shop' } }, removalPolicy: RemovalPolicy.DESTROY },
  trackingStore: { removalPolicy: RemovalPolicy.DESTROY, names: { cosmosAccounts: { eastus2: 'cosmos-shop' } } },
  eventBus: { transport: EventTransport.serviceBus(), removalPolicy: RemovalPolicy.DESTROY },
  entry: { frontDoor: { originHostHeaders: { order: 'orders.contoso.com', tracking: 'tracking.contoso.com' } }, healthProbePath: '/healthz/ready' },
  workloads: { ...IMAGES, namespace: 'shop', standbyMinReplicas: 1, standbyActive: false },
  backend: PlatformBackend.local(), subscriptionId: '00000000-0000-0000-0000-000000000001', tags: { team: 'orders' },
};

function error(props: Loose): ValidationError {
  try {
    checkShape(scope, '', props, PLATFORM_SHAPE);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('accepted');
}

describe('PLATFORM_SHAPE', () => {
  test('every prop of the platform and of its parts\' options is accepted, and the required ones alone too', () => {
    expect(() => checkShape(scope, '', FULL, PLATFORM_SHAPE)).not.toThrow();
    expect(() => checkShape(scope, '', { prefix: 'shop', pattern: RedundancyPattern.zoneRedundant(), regions: ['westus3'] }, PLATFORM_SHAPE)).not.toThrow();
  });

  test.each<[string, Loose, string, unknown, string]>([
    ['a typo at the top', { ...FULL, prefx: 'x' }, 'prefx', 'x', "unknown option 'prefx'"],
    ['a typo in monitoring', { ...FULL, monitoring: { retentionInDays: 60 } }, 'monitoring.retentionInDays', 60, "unknown option 'retentionInDays'"],
    ['retention as a string', { ...FULL, monitoring: { retentionDays: '60' } }, 'monitoring.retentionDays', '60', 'expected a number, got the string "60"'],
    ['an unknown removal policy', { ...FULL, monitoring: { removalPolicy: 'keep' } }, 'monitoring.removalPolicy', 'keep', 'expected one of'],
    ['a typo in the database', { ...FULL, database: { ...FULL.database, databseName: 'x' } }, 'database.databseName', 'x', "unknown option 'databseName'"],
    ['a database name that is not a string', { ...FULL, database: { ...FULL.database, databaseName: 7 } }, 'database.databaseName', 7, 'expected a string'],
    ['a database removal policy that is not one', { ...FULL, database: { ...FULL.database, removalPolicy: 'keep' } }, 'database.removalPolicy', 'keep', 'expected one of'],
    ['a database without an administrator', { ...FULL, database: { engine: DatabaseEngine.sql() } }, 'database.administrator', undefined, 'expected an object'],
    ['a tracking store prop the platform fills', { ...FULL, trackingStore: { regions: ['eastus2'] } }, 'trackingStore.regions', ['eastus2'], "unknown option 'regions'"],
    ['a tracking store removal policy that is not one', { ...FULL, trackingStore: { removalPolicy: 'keep' } }, 'trackingStore.removalPolicy', 'keep', 'expected one of'],
    ['an event bus prop the platform fills', { ...FULL, eventBus: { prefix: 'x' } }, 'eventBus.prefix', 'x', "unknown option 'prefix'"],
    ['an event bus removal policy that is not one', { ...FULL, eventBus: { removalPolicy: 'keep' } }, 'eventBus.removalPolicy', 'keep', 'expected one of'],
    ['an entry prop the platform fills', { ...FULL, entry: { ingress: [] } }, 'entry.ingress', [], "unknown option 'ingress'"],
    ['a typo in the workloads', { ...FULL, workloads: { ...IMAGES, namepsace: 'x' } }, 'workloads.namepsace', 'x', "unknown option 'namepsace'"],
    ['a workload namespace that is not a string', { ...FULL, workloads: { ...IMAGES, namespace: 7 } }, 'workloads.namespace', 7, 'expected a string'],
    ['standbyMinReplicas as a string', { ...FULL, workloads: { ...IMAGES, standbyMinReplicas: '1' } }, 'workloads.standbyMinReplicas', '1', 'expected a number'],
    ['standbyActive as a string', { ...FULL, workloads: { ...IMAGES, standbyActive: 'true' } }, 'workloads.standbyActive', 'true', 'expected true or false'],
    ['a workload service without options', { ...FULL, workloads: { order: IMAGES.order } }, 'workloads.tracking', undefined, 'expected an object'],
    ['a subscription that is not a string', { ...FULL, subscriptionId: 7 }, 'subscriptionId', 7, 'expected a string'],
    ['tags with a number value', { ...FULL, tags: { team: 7 } }, 'tags.team', 7, 'expected a string tag value'],
  ])('%s is refused', (_label, props, prop, value, problem) => {
    const e = error(props);
    expect(e.constructPath).toBe('shop');
    expect(e.prop).toBe(prop);
    expect(e.value).toEqual(value);
    expect(e.problem).toContain(problem);
  });

  test('a backend that is not a PlatformBackend is refused, saying how to make one', () => {
    const e = error({ ...FULL, backend: { kind: 'azurerm' } });
    expect(e.prop).toBe('backend');
    expect(e.problem).toBe('expected a PlatformBackend (PlatformBackend.local() or PlatformBackend.azurerm({...})), got an object');
  });
});
