#!/usr/bin/env node
/**
 * `npm run mutate -- [--full] [paths...]`: Stryker mutation testing of the given lib/ files or folders (default: all
 * of lib/), incremental against the committed report of the tier.
 *
 * Two tiers:
 * - unit (default): the tests in __tests__/unit/ only, which call the library's functions and constructs directly
 *   and synthesize at most one small stack per test, so a mutant takes milliseconds to a second. The unit tier is part
 *   of the full suite, so every mutant it detects the full suite detects too: its score is a lower bound of the full
 *   suite's. Report: reports/mutation/unit.json.
 * - --full: every test file (each synthesizes whole platforms while it loads, so a mutant takes 10-30 s on 2 cores and
 *   all of lib/ takes days). Report: reports/mutation/incremental.json.
 *
 * Stryker's own incremental file holds only the files of the last run, so a module-by-module workflow would forget
 * the other modules. This wrapper hands Stryker a copy of the committed report (Stryker reuses every result whose
 * mutant and covering tests are unchanged), then merges the run's files back into it, and prints the mutation score
 * per directory of lib/ for both tiers (also written to reports/mutation/scores.md).
 *
 * `--tests <globs>` (unit tier only; comma-separated, relative to the repository) runs only those unit test files for
 * every mutant, e.g. `--tests '__tests__/unit/core-region-data*.test.ts'`. A mutant the subset detects the whole unit
 * tier detects too, so the score stays a lower bound; it makes modules whose mutants are mostly static (data tables,
 * schemas evaluated at load time, which Stryker runs against every related test file) affordable.
 *
 * Other options go to Stryker (e.g. --concurrency 1).
 *
 * `--scores` prints the tables of the committed reports without running Stryker.
 *
 * `--stale` lists, for the tier, the modules of lib/ whose committed result is not of the module as it is now: run
 * (`stale`: the module changed since; a run re-tests the changed mutants and reuses the rest) or never run (`not run`;
 * type-only modules, which have no mutants, are left out). It runs nothing and exits 0.
 *
 * Examples: npm run mutate -- lib/core/tags.ts      npm run mutate -- lib/core      npm run mutate -- --full lib/core/tags.ts
 */
const { spawnSync } = require('child_process');
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join, relative } = require('path');

const root = join(__dirname, '..');
const reports = join(root, 'reports', 'mutation');
const args = process.argv.slice(2);
const full = args.includes('--full');
// Other options go to Stryker as they are, e.g. --concurrency 1 (the value follows its option).
const strykerArgs = [];
const paths = [];
const tests = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--full' || args[i] === '--scores' || args[i] === '--stale') continue;
  if (args[i] === '--tests') {
    if (!args[i + 1] || args[i + 1].startsWith('--')) throw new Error('npm run mutate: --tests needs a comma-separated list of test file globs');
    tests.push(...args[++i].split(',').filter(Boolean));
    continue;
  }
  if (args[i].startsWith('--')) strykerArgs.push(args[i], ...(args[i + 1] && !args[i + 1].startsWith('--') && !args[i].includes('=') ? [args[++i]] : []));
  else paths.push(args[i]);
}
const TIERS = { unit: join(reports, 'unit.json'), full: join(reports, 'incremental.json') };
const committed = full ? TIERS.full : TIERS.unit;
const working = join(root, '.stryker-tmp', 'incremental-run.json');

const globs = (paths.length ? paths : ['lib']).map((path) => {
  const rel = relative(root, join(process.cwd(), path)).replace(/\\/g, '/');
  if (!rel.startsWith('lib/') && rel !== 'lib') throw new Error(`npm run mutate: ${path} is not under lib/`);
  if (!existsSync(join(root, rel))) throw new Error(`npm run mutate: ${path} does not exist`);
  return statSync(join(root, rel)).isDirectory() ? `${rel.replace(/\/$/, '')}/**/*.ts` : rel;
});

// --stale: the modules whose committed result is not of their current source, without running Stryker.
if (args.includes('--stale')) {
  const report = existsSync(committed) ? JSON.parse(readFileSync(committed, 'utf8')) : { files: {} };
  const modules = (dir) => readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
  if (paths.length) throw new Error('npm run mutate: --stale looks at every module of lib/; it takes no paths');
  // A module with code: a top-level statement other than an import, a re-export, an interface or a type alias (what
  // compiles to nothing has no mutants). Parsed with TypeScript, so every form of statement counts.
  const ts = require('typescript');
  const TYPE_ONLY = [ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration, ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration];
  const hasCode = (source) => ts.createSourceFile('m.ts', source, ts.ScriptTarget.Latest).statements.some((statement) => !TYPE_ONLY.includes(statement.kind));
  const lines = [];
  for (const file of modules('lib').sort()) {
    const source = readFileSync(join(root, file), 'utf8');
    const entry = report.files[file];
    if (!entry) {
      if (hasCode(source)) lines.push(`not run  ${file}`);
    } else if (entry.source !== source) {
      lines.push(`stale    ${file} (${entry.mutants.length} mutants in the last result)`);
    }
  }
  console.log(lines.length ? lines.join('\n') : `every module of lib/ has a result of its current source in ${relative(root, committed)}`);
  process.exit(0);
}

/**
 * The rule pack and the insight reports (lib/rules, lib/insight) read the synthesized JSON and write files beside it:
 * nothing in them changes what a stack synthesizes (the synth-time check adds a validation, the reports write files of
 * their own). For a unit-tier run of those modules only, the examples are synthesized once from the unmutated build
 * (`npm run build`, then dist/examples) and every mutant's tests read them, as jest's globalSetup would give them:
 * a test file then takes a second instead of several (three examples synthesized per mutant). The score stays a lower
 * bound: a mutant that did change a synthesized example would only go undetected by the tests that read them.
 * Returns the directory, or undefined when the examples are synthesized per test file as usual.
 */
const POST_SYNTH = ['lib/rules/', 'lib/insight/'];
function prebuiltExamples() {
  if (full || !globs.every((glob) => POST_SYNTH.some((dir) => glob.startsWith(dir)))) return undefined;
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run mutate: npm run build failed; the examples cannot be synthesized once');
  const dir = mkdtempSync(join(tmpdir(), 'order-platform-mutate-examples-'));
  const synth = [
    "const { join } = require('path');",
    "const { App } = require('cdktf');",
    "require('./dist/lib/core/stack-trace').disableTokenStackTraces();",
    "for (const [id, build] of Object.entries(require('./dist/examples').EXAMPLES)) {",
    '  const app = new App({ outdir: join(process.argv[1], id) });',
    '  build(app);',
    '  app.synth();',
    '}',
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', synth, dir], { cwd: root, stdio: 'inherit', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (run.status !== 0) throw new Error('npm run mutate: synthesizing the examples from dist/ failed');
  console.log(`npm run mutate: ${globs.join(', ')} only read what was synthesized; the unit tests read the examples synthesized once into ${dir}`);
  return dir;
}

// --scores: only print (and write) the score tables of the committed reports, without running Stryker.
const scoresOnly = args.includes('--scores');
mkdirSync(join(root, '.stryker-tmp'), { recursive: true });
if (!scoresOnly) {
  if (existsSync(committed)) copyFileSync(committed, working);
  // The unit tier runs stryker.unit.config.json: the same settings with jest limited to __tests__/unit/.
  let config = full ? 'stryker.config.json' : 'stryker.unit.config.json';
  if (tests.length) {
    if (full) throw new Error('npm run mutate: --tests narrows the unit tier; the full tier runs every test file');
    for (const glob of tests) {
      if (!glob.replace(/^\.\//, '').startsWith('__tests__/unit/')) throw new Error(`npm run mutate: --tests ${glob} is not under __tests__/unit/`);
    }
    const unit = JSON.parse(readFileSync(join(root, config), 'utf8'));
    unit.jest.config.testMatch = tests.map((glob) => `<rootDir>/${glob.replace(/^\.\//, '')}`);
    config = relative(root, join(root, '.stryker-tmp', 'stryker.tests.config.json'));
    writeFileSync(join(root, config), `${JSON.stringify(unit, null, 2)}\n`);
  }
  // Each test file synthesizes in-process, so the examples it reads carry the active mutant; except for modules that
  // only read what was synthesized (see POST_SYNTH), whose unit tier reads examples synthesized once, before Stryker.
  const examples = prebuiltExamples();
  const run = spawnSync('npx', ['stryker', 'run', config, '--mutate', globs.join(','), '--incrementalFile', relative(root, working), ...strykerArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...(examples ? { ORDER_PLATFORM_EXAMPLE_STACKS: examples } : { ORDER_PLATFORM_EXAMPLE_CACHE: 'off' }) },
  });
  if (examples) rmSync(examples, { recursive: true, force: true });
  if (run.status !== 0 || !existsSync(working)) {
    console.error(`npm run mutate: stryker exited with ${run.status}; the committed report is unchanged`);
    process.exit(run.status || 1);
  }

  const previous = existsSync(committed) ? JSON.parse(readFileSync(committed, 'utf8')) : { files: {}, testFiles: {} };
  const latest = JSON.parse(readFileSync(working, 'utf8'));
  // Only the modules of this run: Stryker also writes the other modules of the report it was handed, without the
  // mutants of lines changed since (it did not run them), and those must keep their last full result until they run.
  const ran = (file) => globs.some((glob) => (glob.endsWith('/**/*.ts') ? file.startsWith(glob.slice(0, -'**/*.ts'.length)) : file === glob));
  const runFiles = Object.fromEntries(Object.entries(latest.files).filter(([file]) => ran(file)));
  const merged = {
    ...latest,
    files: Object.fromEntries(Object.entries({ ...previous.files, ...runFiles }).sort(([a], [b]) => a.localeCompare(b))),
    testFiles: Object.fromEntries(Object.entries({ ...(previous.testFiles || {}), ...(latest.testFiles || {}) }).sort(([a], [b]) => a.localeCompare(b))),
  };
  mkdirSync(reports, { recursive: true });
  writeFileSync(committed, `${JSON.stringify(merged, null, 2)}\n`);
  rmSync(working, { force: true });
}

/** Stryker's mutation score: detected (killed, timeout) over valid mutants (errors and ignored ones left out). */
const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

/** The score table of one tier's report, per directory of lib/. */
function table(report) {
  const byDir = new Map();
  for (const [file, { mutants }] of Object.entries(report.files)) {
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
  const all = { detected: 0, undetected: 0, files: 0 };
  for (const [dir, c] of [...byDir].sort()) {
    const total = c.detected + c.undetected;
    lines.push(`| ${dir} | ${c.files} | ${c.detected} | ${c.undetected} | ${total ? ((100 * c.detected) / total).toFixed(1) : '-'}% |`);
    all.detected += c.detected; all.undetected += c.undetected; all.files += c.files;
  }
  const total = all.detected + all.undetected;
  lines.push(`| all run | ${all.files} | ${all.detected} | ${all.undetected} | ${total ? ((100 * all.detected) / total).toFixed(1) : '-'}% |`);
  return lines.join('\n');
}

const sections = Object.entries(TIERS).filter(([, file]) => existsSync(file)).map(([tier, file]) => `#### ${tier} tier (${relative(root, file)})\n\n${table(JSON.parse(readFileSync(file, 'utf8')))}\n`);
writeFileSync(join(reports, 'scores.md'), sections.join('\n'));
console.log(`\nmutation score per directory (reports/mutation/scores.md):\n\n${sections.join('\n')}`);
