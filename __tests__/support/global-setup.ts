import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { disableTokenStackTraces } from '../../lib/core/stack-trace';
import { EXAMPLES } from '../../examples';
import { EXAMPLE_CACHE_OFF, EXAMPLE_STACKS_ENV } from './examples';

/**
 * Jest globalSetup: synthesizes every example once per run, unmodified, into `<tmp>/<example id>/stacks/<stack>/cdk.tf.json`,
 * and hands the directory to the test files (each its own module registry, maybe its own worker) through an
 * environment variable: jest starts its workers after this hook, with this process's environment. `exampleStacks(id)`
 * reads the files; global-teardown.ts removes the directory. Jest compiles this file and what it imports with the
 * project's swc transform, but runs it in its own process, outside the setupFiles: token stack traces are stubbed here.
 */
export default function globalSetup(): void {
  if (EXAMPLE_CACHE_OFF) return;
  disableTokenStackTraces();
  const dir = mkdtempSync(join(tmpdir(), 'order-platform-examples-'));
  for (const [id, build] of Object.entries(EXAMPLES)) {
    // One app per example, as `synthApp` builds it (validations on), so each example's stacks are what it synthesizes alone.
    const app = new App({ outdir: join(dir, id) });
    build(app);
    app.synth();
  }
  process.env[EXAMPLE_STACKS_ENV] = dir;
}
