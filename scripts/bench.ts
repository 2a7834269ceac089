/**
 * `npm run bench`: for each example, the median wall time and the peak RSS of a whole synth process
 * (`node dist/stacks/main.js` with EXAMPLES=<id>) over several runs, beside a floor process that only loads
 * `cdktf` and the provider modules the library uses, and the ratio of the two.
 *
 * Usage: node dist/scripts/bench.js [--runs N] (N >= 5, default 7). Exits 1 when a synth exceeds 2.5x the floor's
 * median time or 200 MB peak RSS.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EXAMPLES } from '../examples';

const MAX_RATIO = 2.5;
const MAX_RSS_MB = 200;

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
if (!Number.isInteger(runs) || runs < 5) {
  console.error('--runs must be an integer of at least 5');
  process.exit(2);
}

const dist = join(__dirname, '..');
const probe = join(__dirname, 'bench-probe.js');
const work = mkdtempSync(join(tmpdir(), 'order-platform-bench-'));

interface Sample { readonly seconds: number; readonly rssMb: number }

/** Runs a node script once and measures it. */
function measure(script: string, env: NodeJS.ProcessEnv): Sample {
  const rssFile = join(work, 'rss');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', probe, script], {
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, CHECKPOINT_DISABLE: '1', CDKTF_OUTDIR: join(work, 'out') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${script} exited with ${result.status}`);
  return { seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function series(script: string, env: NodeJS.ProcessEnv): { seconds: number; rssMb: number } {
  measure(script, env); // warm the file-system cache; not counted
  const samples = Array.from({ length: runs }, () => measure(script, env));
  return { seconds: median(samples.map((s) => s.seconds)), rssMb: Math.max(...samples.map((s) => s.rssMb)) };
}

try {
  const floor = series(join(__dirname, 'bench-floor.js'), {});
  const rows: string[][] = [];
  let failed = false;
  for (const id of Object.keys(EXAMPLES)) {
    const synth = series(join(dist, 'stacks', 'main.js'), { EXAMPLES: id });
    const ratio = synth.seconds / floor.seconds;
    const ok = ratio <= MAX_RATIO && synth.rssMb <= MAX_RSS_MB;
    failed ||= !ok;
    rows.push([id, String(runs), synth.seconds.toFixed(3), floor.seconds.toFixed(3), `${ratio.toFixed(2)}x`, synth.rssMb.toFixed(0), floor.rssMb.toFixed(0), ok ? 'ok' : 'OVER']);
  }
  const header = ['example', 'runs', 'synth median s', 'floor median s', 'ratio', 'synth peak RSS MB', 'floor peak RSS MB', `limits (<=${MAX_RATIO}x, <=${MAX_RSS_MB} MB)`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
