import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { StackJson } from './synth';

/** The environment variable through which global-setup.ts tells the test files where the examples' stacks are. */
export const EXAMPLE_STACKS_ENV = 'ORDER_PLATFORM_EXAMPLE_STACKS';

/**
 * `ORDER_PLATFORM_EXAMPLE_CACHE=off` (set by `npm run mutate`): no globalSetup synth; each test file synthesizes the
 * examples it reads in its own process. Stryker activates a mutant inside the test environment only, so stacks
 * synthesized by globalSetup would never carry the mutant under test.
 */
export const EXAMPLE_CACHE_OFF = process.env.ORDER_PLATFORM_EXAMPLE_CACHE === 'off';

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
  if (EXAMPLE_CACHE_OFF) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when the cache is off */
    const { synthApp } = require('./synth') as typeof import('./synth');
    const { EXAMPLES } = require('../../examples') as typeof import('../../examples');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const stacks = deepFreeze(synthApp((app) => EXAMPLES[id](app)));
    cache.set(id, stacks);
    return stacks;
  }
  const dir = process.env[EXAMPLE_STACKS_ENV];
  if (!dir) throw new Error(`${EXAMPLE_STACKS_ENV} is not set: run jest with jest.config.js, whose globalSetup (__tests__/support/global-setup.ts) synthesizes the examples`);
  const stacksDir = join(dir, id, 'stacks');
  if (!existsSync(stacksDir)) throw new Error(`no synthesized example '${id}' in ${dir} (known: ${readdirSync(dir).join(', ')})`);
  const stacks: Record<string, StackJson> = {};
  for (const name of readdirSync(stacksDir).sort()) stacks[name] = JSON.parse(readFileSync(join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
  cache.set(id, deepFreeze(stacks));
  return stacks;
}
