/**
 * The synthesized Terraform JSON of a set of stacks (what `cdktf synth` writes to `cdktf.out/stacks/<stack>/cdk.tf.json`),
 * as the rule pack reads it: resources by type with their addresses, and references followed within a stack
 * (`${azurerm_mssql_server.Server.id}`) and across stacks (cdktf's cross-stack outputs read through
 * `terraform_remote_state`).
 */

/** A block or a value of the Terraform JSON. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** An object of the Terraform JSON (a resource body, a block). */
export type JsonObject = { readonly [key: string]: JsonValue };

/** The synthesized Terraform JSON of one stack. */
export interface SynthesizedStack {
  /** The stack's name (its folder under `cdktf.out/stacks/`). */
  readonly name: string;
  /** The parsed `cdk.tf.json`. */
  readonly json: JsonObject;
}

/** One resource of a synthesized stack. */
export interface SynthesizedResource {
  /** The stack that holds it. */
  readonly stack: string;
  /** The Terraform type (`azurerm_mssql_server`). */
  readonly type: string;
  /** The Terraform name (the local name after the type). */
  readonly name: string;
  /** `type.name`, the address in the stack's state. */
  readonly address: string;
  /** The construct path cdktf records in the resource's `//` metadata, when it does. */
  readonly constructPath?: string;
  /** The resource's arguments and blocks, as synthesized. */
  readonly body: JsonObject;
}

const EXPRESSION = /\$\{[^}]*\}/g;
const REFERENCE = /(?<![\w.-])([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)/g;
const REMOTE_OUTPUT = /\$\{data\.terraform_remote_state(?:_[a-z0-9_]+)?\.([A-Za-z0-9_.-]+?)\.outputs\.([A-Za-z0-9_-]+)/g;
const CROSS_STACK_INPUT = 'cross-stack-reference-input-';

/** Whether a value is an object (a block or a body), not a list or a scalar. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The blocks of a nested block argument: cdktf writes a single block as an object and several as a list. */
export function blocks(value: unknown): readonly JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/**
 * The value at a dotted path of a body (`network_profile.network_policy`), descending into the first block where a
 * block is a list; `undefined` where any step is missing.
 */
export function valueAt(body: JsonObject, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = body;
  for (const step of path.split('.')) {
    const block: JsonObject | undefined = blocks(current)[0];
    if (block === undefined) return undefined;
    current = block[step];
  }
  return current;
}

/** Whether a value is an unresolved Terraform expression (`${...}`), which a rule cannot judge from the JSON. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** The synthesized stacks of a platform (or any app), with lookups the rules share. */
export class SynthesizedApp {
  /** The synthesized stacks, each with its name. */
  public readonly stacks: readonly SynthesizedStack[];
  /** Every resource of every stack, in stack then type then name order. */
  public readonly resources: readonly SynthesizedResource[];
  private readonly byStack = new Map<string, SynthesizedStack>();
  private readonly byAddress = new Map<string, SynthesizedResource>();

  constructor(stacks: readonly SynthesizedStack[]) {
    this.stacks = stacks;
    const resources: SynthesizedResource[] = [];
    for (const stack of stacks) {
      this.byStack.set(stack.name, stack);
      for (const [type, named] of Object.entries(isObject(stack.json.resource) ? stack.json.resource : {})) {
        if (!isObject(named)) continue;
        for (const [name, body] of Object.entries(named)) {
          if (!isObject(body)) continue;
          const meta = valueAt(body, '//.metadata.path');
          const resource: SynthesizedResource = { stack: stack.name, type, name, address: `${type}.${name}`, body, ...(typeof meta === 'string' ? { constructPath: meta } : {}) };
          resources.push(resource);
          this.byAddress.set(`${stack.name}\u0000${resource.address}`, resource);
        }
      }
    }
    this.resources = resources;
  }

  /** The resources of the given types. */
  public ofType(...types: readonly string[]): readonly SynthesizedResource[] {
    return this.resources.filter((r) => types.includes(r.type));
  }

  /**
   * The autoscaler that owns a Deployment's count and its replica range: a `kubernetes_horizontal_pod_autoscaler_v2`
   * whose target refers to the Deployment, or a KEDA ScaledObject (a `kubernetes_manifest`) of the same stack whose
   * target is the Deployment's name (KEDA then manages an HPA of its own).
   */
  public autoscalerOf(deployment: SynthesizedResource): { readonly resource: SynthesizedResource; readonly min: number; readonly max: number } | undefined {
    const hpa = this.ofType('kubernetes_horizontal_pod_autoscaler_v2').find((h) => h.stack === deployment.stack && this.referencedBy(h.stack, valueAt(h.body, 'spec.scale_target_ref.name')).includes(deployment));
    if (hpa) return { resource: hpa, min: Number(valueAt(hpa.body, 'spec.min_replicas') ?? 1), max: Number(valueAt(hpa.body, 'spec.max_replicas')) };
    const name = valueAt(deployment.body, 'metadata.name');
    const keda = this.ofType('kubernetes_manifest').find((m) => m.stack === deployment.stack && valueAt(m.body, 'manifest.kind') === 'ScaledObject'
      && valueAt(m.body, 'manifest.spec.scaleTargetRef.kind') === 'Deployment' && valueAt(m.body, 'manifest.spec.scaleTargetRef.name') === name);
    if (keda) return { resource: keda, min: Number(valueAt(keda.body, 'manifest.spec.minReplicaCount') ?? 1), max: Number(valueAt(keda.body, 'manifest.spec.maxReplicaCount') ?? 100) };
    return undefined;
  }

  /** The resource at an address of a stack. */
  public find(stack: string, address: string): SynthesizedResource | undefined {
    return this.byAddress.get(`${stack}\u0000${address}`);
  }

  /** The stack of a name. */
  public stack(name: string): SynthesizedStack | undefined {
    return this.byStack.get(name);
  }

  /**
   * The resources a value of `stack` refers to: `${type.name...}` in the same stack, and cdktf's cross-stack outputs
   * (`${data.terraform_remote_state.cross-stack-reference-input-<stack>.outputs.<output>}`) followed to the resource
   * the output's value names in its own stack. Data sources and unknown stacks are left out.
   */
  public referencedBy(stack: string, value: unknown): readonly SynthesizedResource[] {
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
    const found: SynthesizedResource[] = [];
    for (const [expression] of text.matchAll(EXPRESSION)) {
      for (const [, type, name] of expression.matchAll(REFERENCE)) {
        const local = this.find(stack, `${type}.${name}`);
        if (local) found.push(local);
      }
    }
    for (const [, dataName, output] of text.matchAll(REMOTE_OUTPUT)) {
      const source = this.remoteStack(dataName);
      const outputs = source && isObject(source.json.output) ? source.json.output : {};
      const outputBody = outputs[output];
      const outputValue = isObject(outputBody) ? outputBody.value : undefined;
      if (source && typeof outputValue === 'string') found.push(...this.referencedBy(source.name, outputValue));
    }
    return found.filter((r, i) => found.indexOf(r) === i);
  }

  /** The stack a `terraform_remote_state` data source reads (cdktf names it after the source stack). */
  private remoteStack(dataName: string): SynthesizedStack | undefined {
    if (dataName.startsWith(CROSS_STACK_INPUT)) return this.byStack.get(dataName.slice(CROSS_STACK_INPUT.length));
    return undefined;
  }
}
