import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { StackJson } from './synth';

/** The environment variable through which global-setup.ts tells the test files where the examples' stacks are. */
export const EXAMPLE_STACKS_ENV = 'ORDER_PLATFORM_EXAMPLE_STACKS';

const cache = new Map<string, Record<string, StackJson>>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Every stack of an example as synthesized unmodified (`EXAMPLES[id](app)`, validations on) by jest's globalSetup,
 * once per run for every test file. Read-only: the objects are frozen, so a test that changes them fails instead of
 * changing what the next test reads. Tests that need the constructs, or an example with overrides, synthesize their own.
 */
export function exampleStacks(id: string): Record<string, StackJson> {
  const cached = cache.get(id);
  if (cached) return cached;
  const dir = process.env[EXAMPLE_STACKS_ENV];
  if (!dir) throw new Error(`${EXAMPLE_STACKS_ENV} is not set: run jest with jest.config.js, whose globalSetup (__tests__/support/global-setup.ts) synthesizes the examples`);
  const stacksDir = join(dir, id, 'stacks');
  if (!existsSync(stacksDir)) throw new Error(`no synthesized example '${id}' in ${dir} (known: ${readdirSync(dir).join(', ')})`);
  const stacks: Record<string, StackJson> = {};
  for (const name of readdirSync(stacksDir).sort()) stacks[name] = JSON.parse(readFileSync(join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
  cache.set(id, deepFreeze(stacks));
  return stacks;
}
