/**
 * The cdktf app `cdktf.json` runs: synthesizes every example into `cdktf.out/stacks/<stack>/cdk.tf.json`.
 *
 * `EXAMPLES=zone-redundant node dist/stacks/main.js` synthesizes a subset (comma-separated platform ids).
 */
import { App } from 'cdktf';
import { disableTokenStackTraces } from '../lib';
import { EXAMPLES } from '../examples';

// Token stack traces only decorate synth errors and cost most of the synth time; set CDKTF_TOKEN_STACK_TRACES=1
// to keep them while debugging.
if (process.env.CDKTF_TOKEN_STACK_TRACES !== '1') disableTokenStackTraces();

const selected = process.env.EXAMPLES ? process.env.EXAMPLES.split(',').map((s) => s.trim()) : Object.keys(EXAMPLES);
const unknown = selected.filter((id) => !EXAMPLES[id]);
if (unknown.length > 0) {
  console.error(`Unknown example(s): ${unknown.join(', ')}. Known: ${Object.keys(EXAMPLES).join(', ')}`);
  process.exit(2);
}

const app = new App();
for (const id of selected) EXAMPLES[id](app);
app.synth();
