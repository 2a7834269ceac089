import { Testing } from 'cdktf';
import { PlatformBackend } from '../../lib/platform/backend';
import { PlatformStack } from '../../lib/platform/platform-stack';

/** Unit tests of `PlatformStack` (lib/platform/platform-stack.ts): one empty stack each, synthesized. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function synth(stack: PlatformStack): any {
  return JSON.parse(Testing.synth(stack));
}

const FEATURES = [{
  key_vault: [{ purge_soft_delete_on_destroy: false, recover_soft_deleted_key_vaults: true }],
  resource_group: [{ prevent_deletion_if_contains_resources: true }],
  storage: [{ data_plane_available: false }],
}];

describe('PlatformStack', () => {
  test('the azurerm provider with Entra ID storage auth and the safe features; no subscription and cdktf\'s backend by default', () => {
    const json = synth(new PlatformStack(Testing.app(), 'shop-data', { backend: PlatformBackend.local() }));
    expect(json.provider.azurerm).toEqual([{ storage_use_azuread: true, features: FEATURES }]);
    expect(json.terraform.backend).toBeUndefined();
    expect(Object.keys(json.terraform.required_providers)).toEqual(['azurerm']);
  });

  test('the subscription given, and the backend bound to the stack', () => {
    const json = synth(new PlatformStack(Testing.app(), 'shop-westus3', {
      backend: PlatformBackend.azurerm({ resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate01' }), subscriptionId: '00000000-0000-0000-0000-000000000001',
    }));
    expect(json.provider.azurerm).toEqual([{ subscription_id: '00000000-0000-0000-0000-000000000001', storage_use_azuread: true, features: FEATURES }]);
    expect(json.terraform.backend.azurerm.key).toBe('shop-westus3.tfstate');
  });

  test('extra resource providers to register, given (the drills stack registers Microsoft.Chaos)', () => {
    const json = synth(new PlatformStack(Testing.app(), 'shop-drills', { backend: PlatformBackend.local(), resourceProvidersToRegister: ['Microsoft.Chaos'] }));
    expect(json.provider.azurerm).toEqual([{ resource_providers_to_register: ['Microsoft.Chaos'], storage_use_azuread: true, features: FEATURES }]);
  });
});
