import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PlatformBackend } from './backend';

/** Props of {@link PlatformStack}. */
export interface PlatformStackProps {
  readonly backend: PlatformBackend;
  /** @default - from the environment (`ARM_SUBSCRIPTION_ID`) or the Azure CLI */
  readonly subscriptionId?: string;
  /**
   * Resource providers the azurerm provider registers besides its default ("legacy") set, which lacks some
   * (Microsoft.Chaos: terraform-provider-azurerm v4.55.0, internal/resourceproviders/required.go).
   * @default - none
   */
  readonly resourceProvidersToRegister?: string[];
}

/** A stack of the platform: the azurerm provider with safe feature flags and the chosen backend. */
export class PlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id);
    new AzurermProvider(this, 'Azurerm', {
      subscriptionId: props.subscriptionId,
      ...(props.resourceProvidersToRegister ? { resourceProvidersToRegister: props.resourceProvidersToRegister } : {}),
      storageUseAzuread: true,
      features: [{
        // Purge protection makes a purge fail anyway; recovering a soft-deleted vault keeps its secrets.
        keyVault: [{ purgeSoftDeleteOnDestroy: false, recoverSoftDeletedKeyVaults: true }],
        resourceGroup: [{ preventDeletionIfContainsResources: true }],
        // Storage accounts here deny public network access: manage them through Azure Resource Manager only, so a
        // plan from outside the VNet does not fail on the data plane (terraform-provider-azurerm#33454).
        storage: [{ dataPlaneAvailable: false }],
      }],
    });
    props.backend.bind(this);
  }
}
