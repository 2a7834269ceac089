import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';

/** Synthesized Terraform JSON of one stack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StackJson = { resource: Record<string, Record<string, any>>; data?: Record<string, Record<string, any>>; output?: Record<string, any>; terraform: any };

/** Synthesizes a whole app (validations on, as `cdktf synth` does) and returns every stack's JSON by name. */
export function synthApp(build: (app: App) => void): Record<string, StackJson> {
  const outdir = mkdtempSync(join(tmpdir(), 'order-platform-'));
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    const stacks: Record<string, StackJson> = {};
    for (const name of readdirSync(join(outdir, 'stacks'))) {
      stacks[name] = JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
    }
    return stacks;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** A bare stack with the azurerm provider, for building blocks used on their own. */
export function testStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzurermProvider(stack, 'Azurerm', { features: [{}] });
  return stack;
}

/** Synthesizes one stack with validations on. */
export function synthStack(stack: TerraformStack): StackJson {
  return JSON.parse(Testing.synth(stack, true));
}

/** The only resource of a type in a stack (fails the test when there are none or several). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function only(json: StackJson, type: string): any {
  const all = Object.values(json.resource[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** Every resource of a type, keyed by logical ID. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function all(json: StackJson, type: string): Record<string, any> {
  return json.resource[type] ?? {};
}

/** Sorted `<stack> <address>` lines of every resource and data source: the address contract. */
export function addresses(stacks: Record<string, StackJson>): string[] {
  const lines: string[] = [];
  for (const [stack, json] of Object.entries(stacks)) {
    for (const [type, byId] of Object.entries(json.resource ?? {})) for (const id of Object.keys(byId)) lines.push(`${stack} ${type}.${id}`);
    for (const [type, byId] of Object.entries(json.data ?? {})) for (const id of Object.keys(byId)) lines.push(`${stack} data.${type}.${id}`);
  }
  return lines.sort();
}

/** Kubernetes resources of a type whose `metadata.name` is the service's name or starts with it (`order-api`, `order-api-b`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function forService(json: StackJson, type: string, service: string): any[] {
  return Object.values(all(json, type)).filter((r) => r.metadata.name === service || r.metadata.name.startsWith(`${service}-`));
}
