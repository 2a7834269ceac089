import { IConstruct } from 'constructs';
import { AzurermBackend, TerraformStack } from 'cdktf';
import { ValidationError } from '../core/errors';
import { ResourceKind } from '../core/naming';
import { checkShape, opt, shapes, strictShape } from '../core/validate';

/** Options of {@link PlatformBackend.azurerm}. */
export interface AzurermStateOptions {
  /** Resource group of the state storage account. */
  readonly resourceGroupName: string;
  /** Storage account holding the state (blob versioning and soft delete recommended). */
  readonly storageAccountName: string;
  /** Blob container. @default 'tfstate' */
  readonly containerName?: string;
  /** Prepended to every state key (`<keyPrefix><stack>.tfstate`). @default '' */
  readonly keyPrefix?: string;
}

/**
 * Where each stack of the platform keeps its Terraform state: one state per stack, so a stamp's plan never
 * locks or risks the data tier's state.
 */
export class PlatformBackend {
  /** cdktf's local backend (`terraform.<stack>.tfstate` in each stack's folder): for trying things out. */
  public static local(): PlatformBackend {
    return new PlatformBackend(undefined);
  }

  /** Azure Blob Storage with Entra ID authentication, one key per stack: for teams. */
  public static azurerm(options: AzurermStateOptions): PlatformBackend {
    return new PlatformBackend(options);
  }

  private constructor(private readonly azurerm: AzurermStateOptions | undefined) {}

  /** Validates the options against the construct that received them. */
  public validate(scope: IConstruct, prop: string): void {
    if (!this.azurerm) return;
    checkShape(scope, prop, this.azurerm, strictShape<AzurermStateOptions>({
      resourceGroupName: shapes.string(), storageAccountName: shapes.string(), containerName: opt(shapes.string()), keyPrefix: opt(shapes.string()),
    }));
    ResourceKind.STORAGE_ACCOUNT.validate(scope, `${prop}.storageAccountName`, this.azurerm.storageAccountName);
    ResourceKind.RESOURCE_GROUP.validate(scope, `${prop}.resourceGroupName`, this.azurerm.resourceGroupName);
    const container = this.azurerm.containerName ?? 'tfstate';
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
      throw new ValidationError({ scope, prop: `${prop}.containerName`, value: container, problem: 'blob container names are 3-63 lower-case letters, digits and single hyphens', fix: "use e.g. 'tfstate'" });
    }
    const keyPrefix = this.azurerm.keyPrefix ?? '';
    if (!/^[A-Za-z0-9._/-]*$/.test(keyPrefix)) {
      throw new ValidationError({ scope, prop: `${prop}.keyPrefix`, value: keyPrefix, problem: 'state keys are blob names; keep to letters, digits and ._/-', fix: "use e.g. 'order-platform/'" });
    }
  }

  /** Configures the stack's backend. */
  public bind(stack: TerraformStack): void {
    if (!this.azurerm) return; // cdktf adds its local backend by default.
    new AzurermBackend(stack, {
      resourceGroupName: this.azurerm.resourceGroupName,
      storageAccountName: this.azurerm.storageAccountName,
      containerName: this.azurerm.containerName ?? 'tfstate',
      key: `${this.azurerm.keyPrefix ?? ''}${stack.node.id}.tfstate`,
      useAzureadAuth: true,
    });
  }
}
