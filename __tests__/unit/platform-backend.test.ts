import { RootConstruct } from 'constructs';
import { Lazy, TerraformStack, Testing } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { AzurermStateOptions, PlatformBackend } from '../../lib/platform/backend';

/** Unit tests of `PlatformBackend` (lib/platform/backend.ts): its checks against a bare scope and its backend block in one small stack. */
const scope = new RootConstruct('platform');
const STATE: AzurermStateOptions = { resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate01' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function error(backend: PlatformBackend): ValidationError {
  try {
    backend.validate(scope, 'backend');
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('accepted');
}

const azurerm = (options: Partial<AzurermStateOptions>) => PlatformBackend.azurerm({ ...STATE, ...options });

/** The `terraform` block of a stack whose backend is bound by `backend`. */
function terraformBlock(backend: PlatformBackend, stackId = 'shop-data'): { backend?: Record<string, unknown> } {
  const stack = new TerraformStack(Testing.app(), stackId);
  backend.bind(stack);
  return JSON.parse(Testing.synth(stack)).terraform;
}

describe('PlatformBackend.local()', () => {
  test('takes no options: without arguments (or with undefined) it validates', () => {
    expect(() => PlatformBackend.local().validate(scope, 'backend')).not.toThrow();
    expect(() => (PlatformBackend.local as Loose)(undefined).validate(scope, 'backend')).not.toThrow();
  });

  test('options a JavaScript caller passes are refused, not ignored', () => {
    const e = error((PlatformBackend.local as Loose)({ path: 'state' }));
    expect(e.constructPath).toBe('platform');
    expect(e.prop).toBe('backend');
    expect(e.value).toEqual({ path: 'state' });
    expect(e.problem).toBe('PlatformBackend.local() takes no options (cdktf keeps every stack\'s state in the directory synth runs in), so these would be ignored');
    expect(e.fix).toBe('call PlatformBackend.local() without arguments, or use PlatformBackend.azurerm({...})');
  });

  test('binds nothing: the stack keeps cdktf\'s own backend', () => {
    const stack = new TerraformStack(Testing.app(), 'shop-data');
    PlatformBackend.local().bind(stack);
    // An azurerm backend would be the stack's `terraform.backend`; the stack has no `terraform` block at all.
    expect(JSON.parse(Testing.synth(stack))).toEqual({});
  });
});

describe('PlatformBackend.azurerm()', () => {
  test('binds one state key per stack (<keyPrefix><stack id>.tfstate), container tfstate and Entra ID auth by default', () => {
    const backend = azurerm({});
    expect(() => backend.validate(scope, 'backend')).not.toThrow();
    expect(terraformBlock(backend).backend).toEqual({
      azurerm: { resource_group_name: 'rg-tfstate', storage_account_name: 'sttfstate01', container_name: 'tfstate', key: 'shop-data.tfstate', use_azuread_auth: true },
    });
  });

  test('the container and key prefix are taken as given', () => {
    const backend = azurerm({ containerName: 'state-01', keyPrefix: 'team/order-platform_v1.2/' });
    expect(() => backend.validate(scope, 'backend')).not.toThrow();
    expect(terraformBlock(backend, 'shop-westus3').backend).toEqual({
      azurerm: { resource_group_name: 'rg-tfstate', storage_account_name: 'sttfstate01', container_name: 'state-01', key: 'team/order-platform_v1.2/shop-westus3.tfstate', use_azuread_auth: true },
    });
  });

  test.each<[string, unknown, string, unknown, string]>([
    ['no options', undefined, 'backend', undefined, 'expected an object, got nothing (undefined)'],
    ['null options', null, 'backend', null, 'expected an object, got null'],
    ['a missing storage account', { resourceGroupName: 'rg' }, 'backend.storageAccountName', undefined, 'expected a string, got nothing (undefined)'],
    ['an unknown option', { ...STATE, container: 'x' }, 'backend.container', 'x', "unknown option 'container', which would be ignored"],
    ['a container name that is not a string', { ...STATE, containerName: 7 }, 'backend.containerName', 7, 'expected a string, got the number 7'],
    ['a key prefix that is not a string', { ...STATE, keyPrefix: false }, 'backend.keyPrefix', false, 'expected a string, got the boolean false'],
  ])('the shape of the options is checked: %s', (_label, options, prop, value, problem) => {
    const e = error(PlatformBackend.azurerm(options as Loose));
    expect(e.prop).toBe(prop);
    expect(e.value).toEqual(value);
    expect(e.problem).toContain(problem);
  });

  test.each<[keyof AzurermStateOptions]>([['resourceGroupName'], ['storageAccountName'], ['containerName'], ['keyPrefix']])('a token in %s is refused: Terraform reads the backend before anything else', (key) => {
    const token = Lazy.stringValue({ produce: () => 'x' });
    const e = error(azurerm({ [key]: token }));
    expect(e.prop).toBe(`backend.${key}`);
    expect(e.value).toBe(token);
    expect(e.problem).toBe('a backend block cannot refer to variables or other resources: Terraform reads it before anything else');
    expect(e.fix).toBe('give the literal name');
  });

  test('the storage account and the resource group must be names Azure accepts', () => {
    const account = error(azurerm({ storageAccountName: 'St-State' }));
    expect([account.prop, account.value, account.problem]).toEqual(['backend.storageAccountName', 'St-State', 'a storage account name allows lower-case letters and digits only']);
    const group = error(azurerm({ resourceGroupName: 'rg.' }));
    expect([group.prop, group.value, group.problem]).toEqual(['backend.resourceGroupName', 'rg.', 'a resource group name allows letters, digits, ._-() and not ending in a period']);
  });

  test.each(['abc', 'tfstate', 'a-b-c', '0state9', 'a'.repeat(63)])('the container name %j is accepted', (containerName) => {
    expect(() => azurerm({ containerName }).validate(scope, 'backend')).not.toThrow();
  });

  test.each(['ab', 'a'.repeat(64), 'Tfstate', 'tf_state', '-state', 'state-', 'tf--state', 'tfstate--1', ' tfstate', 'tfstate '])('the container name %j is refused', (containerName) => {
    const e = error(azurerm({ containerName }));
    expect(e.prop).toBe('backend.containerName');
    expect(e.value).toBe(containerName);
    expect(e.problem).toBe('blob container names are 3-63 lower-case letters, digits and single hyphens');
    expect(e.fix).toBe("use e.g. 'tfstate'");
  });

  test.each(['', 'orders/', 'A.z_0-9/x'])('the key prefix %j is accepted', (keyPrefix) => {
    expect(() => azurerm({ keyPrefix }).validate(scope, 'backend')).not.toThrow();
  });

  test.each(['orders state/', ' orders/', 'orders/?', 'é/'])('the key prefix %j is refused', (keyPrefix) => {
    const e = error(azurerm({ keyPrefix }));
    expect(e.prop).toBe('backend.keyPrefix');
    expect(e.value).toBe(keyPrefix);
    expect(e.problem).toBe('state keys are blob names; keep to letters, digits and ._/-');
    expect(e.fix).toBe("use e.g. 'order-platform/'");
  });
});
