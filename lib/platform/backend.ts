import { IConstruct } from 'constructs';
import { AzurermBackend, TerraformStack, Token } from 'cdktf';
import { ValidationError } from '../core/errors';
import { ResourceKind } from '../core/naming';
import { asOptions, checkShape, givenOf, opt, recordGiven, shapes, strictShape } from '../core/validate';

/** Options of `PlatformBackend.azurerm()`. */
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
  /**
   * cdktf's local backend, for trying things out: each stack's state is `terraform.<stack>.tfstate` in the directory
   * `cdktf synth` ran in (the project root). cdktf writes that absolute path of the synthesizing machine into every
   * stack's backend block, so synthesize and deploy on the same machine, from the same directory.
   */
  public static local(): PlatformBackend {
    // eslint-disable-next-line prefer-rest-params -- a JavaScript caller may pass options this factory does not take
    return recordGiven(new PlatformBackend(undefined), arguments[0]);
  }

  /** Azure Blob Storage with Entra ID authentication, one key per stack: for teams. */
  public static azurerm(options: AzurermStateOptions): PlatformBackend {
    return recordGiven(new PlatformBackend(asOptions(options)), options);
  }

  /** @param azurerm - the options of an azurerm backend; none for the local backend */
  private constructor(private readonly azurerm: AzurermStateOptions | undefined) {}

  /** Validates the options against the construct that received them. */
  public validate(scope: IConstruct, prop: string): void {
    const given = givenOf(this);
    if (this.azurerm === undefined) {
      if (given !== undefined) throw new ValidationError({ scope, prop, value: given, problem: 'PlatformBackend.local() takes no options (cdktf keeps every stack\'s state in the directory synth runs in), so these would be ignored', fix: 'call PlatformBackend.local() without arguments, or use PlatformBackend.azurerm({...})' });
      return;
    }
    checkShape(scope, prop, given, strictShape<AzurermStateOptions>({
      resourceGroupName: shapes.string(), storageAccountName: shapes.string(), containerName: opt(shapes.string()), keyPrefix: opt(shapes.string()),
    }));
    const options = this.azurerm;
    // Terraform reads a backend block before anything else, so it cannot hold variables or references.
    for (const [key, value] of Object.entries(options)) {
      if (Token.isUnresolved(value)) throw new ValidationError({ scope, prop: `${prop}.${key}`, value, problem: 'a backend block cannot refer to variables or other resources: Terraform reads it before anything else', fix: 'give the literal name' });
    }
    ResourceKind.STORAGE_ACCOUNT.validate(scope, `${prop}.storageAccountName`, options.storageAccountName);
    ResourceKind.RESOURCE_GROUP.validate(scope, `${prop}.resourceGroupName`, options.resourceGroupName);
    const container = options.containerName ?? 'tfstate';
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
      throw new ValidationError({ scope, prop: `${prop}.containerName`, value: container, problem: 'blob container names are 3-63 lower-case letters, digits and single hyphens', fix: "use e.g. 'tfstate'" });
    }
    const keyPrefix = options.keyPrefix ?? '';
    if (!/^[A-Za-z0-9._/-]*$/.test(keyPrefix)) {
      throw new ValidationError({ scope, prop: `${prop}.keyPrefix`, value: keyPrefix, problem: 'state keys are blob names; keep to letters, digits and ._/-', fix: "use e.g. 'order-platform/'" });
    }
  }

  /** Configures the stack's backend. */
  public bind(stack: TerraformStack): void {
    if (this.azurerm === undefined) return; // The local backend: cdktf adds its own by default.
    new AzurermBackend(stack, {
      resourceGroupName: this.azurerm.resourceGroupName,
      storageAccountName: this.azurerm.storageAccountName,
      containerName: this.azurerm.containerName ?? 'tfstate',
      key: `${this.azurerm.keyPrefix ?? ''}${stack.node.id}.tfstate`,
      useAzureadAuth: true,
    });
  }
}
