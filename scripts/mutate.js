#!/usr/bin/env node
/**
 * `npm run mutate -- [paths...]`: Stryker mutation testing of the given lib/ files or folders (default: all of lib/),
 * incremental against the committed report `reports/mutation/incremental.json`.
 *
 * Stryker's own incremental file holds only the files of the last run, so a module-by-module workflow would forget
 * the other modules. This wrapper hands Stryker a copy of the committed report (Stryker reuses every result whose
 * mutant and covering tests are unchanged), then merges the run's files back into it, and prints the mutation score
 * per directory of lib/ from the merged report (also written to reports/mutation/scores.md).
 *
 * Examples: npm run mutate -- lib/core/tags.ts      npm run mutate -- lib/core      npm run mutate
 */
const { spawnSync } = require('child_process');
const { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('fs');
const { join, relative } = require('path');

const root = join(__dirname, '..');
const reports = join(root, 'reports', 'mutation');
const committed = join(reports, 'incremental.json');
const working = join(root, '.stryker-tmp', 'incremental-run.json');

const paths = process.argv.slice(2);
const globs = (paths.length ? paths : ['lib']).map((path) => {
  const rel = relative(root, join(process.cwd(), path)).replace(/\\/g, '/');
  if (!rel.startsWith('lib/') && rel !== 'lib') throw new Error(`npm run mutate: ${path} is not under lib/`);
  if (!existsSync(join(root, rel))) throw new Error(`npm run mutate: ${path} does not exist`);
  return statSync(join(root, rel)).isDirectory() ? `${rel.replace(/\/$/, '')}/**/*.ts` : rel;
});

mkdirSync(join(root, '.stryker-tmp'), { recursive: true });
if (existsSync(committed)) copyFileSync(committed, working);
const run = spawnSync('npx', ['stryker', 'run', '--mutate', globs.join(','), '--incrementalFile', relative(root, working)], {
  cwd: root,
  stdio: 'inherit',
  // Each test file synthesizes in-process, so the examples it reads carry the active mutant.
  env: { ...process.env, CHECKPOINT_DISABLE: '1', ORDER_PLATFORM_EXAMPLE_CACHE: 'off' },
});
if (run.status !== 0 || !existsSync(working)) {
  console.error(`npm run mutate: stryker exited with ${run.status}; the committed report is unchanged`);
  process.exit(run.status || 1);
}

const previous = existsSync(committed) ? JSON.parse(readFileSync(committed, 'utf8')) : { files: {}, testFiles: {} };
const latest = JSON.parse(readFileSync(working, 'utf8'));
const merged = {
  ...latest,
  files: Object.fromEntries(Object.entries({ ...previous.files, ...latest.files }).sort(([a], [b]) => a.localeCompare(b))),
  testFiles: Object.fromEntries(Object.entries({ ...(previous.testFiles || {}), ...(latest.testFiles || {}) }).sort(([a], [b]) => a.localeCompare(b))),
};
mkdirSync(reports, { recursive: true });
writeFileSync(committed, `${JSON.stringify(merged, null, 2)}\n`);
rmSync(working, { force: true });

/** Stryker's mutation score: detected (killed, timeout) over valid mutants (errors and ignored ones left out). */
const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];
const byDir = new Map();
for (const [file, { mutants }] of Object.entries(merged.files)) {
  const dir = file.split('/').slice(0, 2).join('/');
  const counts = byDir.get(dir) || { detected: 0, undetected: 0, files: 0 };
  counts.files++;
  for (const m of mutants) {
    if (DETECTED.includes(m.status)) counts.detected++;
    else if (UNDETECTED.includes(m.status)) counts.undetected++;
  }
  byDir.set(dir, counts);
}
const lines = ['| directory | files run | detected | undetected | score |', '|---|---|---|---|---|'];
for (const [dir, c] of [...byDir].sort()) {
  const total = c.detected + c.undetected;
  lines.push(`| ${dir} | ${c.files} | ${c.detected} | ${c.undetected} | ${total ? ((100 * c.detected) / total).toFixed(1) : '-'}% |`);
}
writeFileSync(join(reports, 'scores.md'), `${lines.join('\n')}\n`);
console.log(`\nmutation score per directory (reports/mutation/scores.md, from ${relative(root, committed)}):\n${lines.join('\n')}`);
