/**
 * The consumer proof `.ci/run` runs: what a new user does, outside this repository, with the packed library.
 *
 *  1. `npm pack` this repository (the build runs in `prepare`).
 *  2. In a temporary directory: `npx --yes ./<tarball> init app --library ./<tarball>`, then in `app`:
 *     `npm install`, the real `npx cdktf synth` (cdktf-cli from the starter's devDependencies), a check of the stacks it
 *     wrote, the starter's own tests (`npm test`: once writing its snapshots, once comparing with `--ci`), and
 *     `cdktf deploy 'orders-*'` with terraform replaced by a recorder: the stacks apply in dependency order.
 *  3. An existing project: `cdktf init --template=typescript --local`, then the README's quickstart as written (its
 *     install commands with the tarball for the library, its cdktf.json app, tsconfig.json and main.ts), then
 *     `npx cdktf synth`.
 *
 * Usage: node dist/scripts/consumer-proof.js [--bench N] [--keep]
 *   --bench N  also time, over N runs each (median): the starter's `cdktf synth`, its app command, the app without
 *              the type check, `ts-node` (cdktf's template default), and the CLI's floor (an app with one empty stack).
 *   --keep     leave the temporary directory for inspection.
 * The last line is `consumer proof: N passed, N failed` (the starter's jest tests, and one for each step).
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { STARTER_APP_COMMAND, STARTER_PLATFORM_ID } from '../cli/starter';
import { readmeQuickstart } from './readme-quickstart';

const repo = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const benchAt = args.indexOf('--bench');
const benchRuns = benchAt >= 0 ? Number(args[benchAt + 1]) : 0;
if (benchAt >= 0 && (!Number.isInteger(benchRuns) || benchRuns < 3)) {
  console.error('--bench takes a number of runs, at least 3');
  process.exit(2);
}
const keep = args.includes('--keep');
const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
delete env.CI; // the starter's first `npm test` writes its snapshots, as on a developer's machine

let passed = 0;
let failed = 0;

function run(command: string, cwd: string, extraEnv: NodeJS.ProcessEnv = {}): string {
  console.log(`\n$ ${command}    (in ${cwd})`);
  const result = spawnSync(command, { cwd, shell: true, env: { ...env, ...extraEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(output.split('\n').filter((line) => !line.includes('\u001b') && !/^\s*[⠁-⣿]\s/.test(line)).slice(-40).join('\n'));
  if (result.status !== 0) throw new Error(`'${command}' exited with ${result.status}`);
  return output;
}

/** One step of the proof; each builds on the one before, so the first failure ends the proof. */
function step(name: string, body: () => void): void {
  try {
    body();
    passed++;
    console.log(`\nok: ${name}`);
  } catch (e) {
    failed++;
    console.log(`\nFAILED: ${name}: ${(e as Error).message}`);
    throw new StopProof();
  }
}

class StopProof extends Error {}

function expectStacks(project: string, expected: readonly string[]): void {
  const dir = join(project, 'cdktf.out', 'stacks');
  const found = existsSync(dir) ? readdirSync(dir).sort() : [];
  if (JSON.stringify(found) !== JSON.stringify([...expected].sort())) throw new Error(`stacks ${found.join(', ')}; expected ${[...expected].sort().join(', ')}`);
  for (const stack of found) {
    const json = JSON.parse(readFileSync(join(dir, stack, 'cdk.tf.json'), 'utf8')) as { resource?: object; terraform?: { required_providers?: object } };
    const resources = Object.values(json.resource ?? {}).reduce((n: number, byName) => n + Object.keys(byName as object).length, 0);
    if (resources === 0) throw new Error(`${stack}/cdk.tf.json has no resources`);
    if (!json.terraform?.required_providers || !('azurerm' in json.terraform.required_providers)) throw new Error(`${stack} requires no azurerm provider`);
  }
}

/** Jest's counts from its summary line. */
function jestCounts(output: string): { passed: number; failed: number } {
  const summary = output.split('\n').filter((line) => line.startsWith('Tests:')).pop() ?? '';
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(summary)?.[1] ?? 0);
  if (!summary) throw new Error('jest printed no summary');
  return { passed: count('passed'), failed: count('failed') };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(command: string, cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, { cwd, shell: true, env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`'${command}' exited with ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function bench(app: string): void {
  writeFileSync(join(app, 'floor.ts'), "import { App, TerraformStack } from 'cdktf';\n\nconst app = new App();\nnew TerraformStack(app, 'empty');\napp.synth();\n");
  run('npm install --no-save ts-node@10.9.2', app);
  run(STARTER_APP_COMMAND, app);
  const rows: [string, string][] = [
    ['`npx cdktf synth` (the starter, wall)', 'npx cdktf synth'],
    ['`npx cdktf synth` of an empty stack (the CLI floor, wall)', 'npx cdktf synth --app "node dist/floor.js"'],
    [`the app command \`${STARTER_APP_COMMAND}\``, STARTER_APP_COMMAND],
    ['the app without the type check (`node dist/main.js`)', 'node dist/main.js'],
    ['an app with one empty stack (`node dist/floor.js`)', 'node dist/floor.js'],
    ["`npx ts-node main.ts` (cdktf's template default, type-checks)", 'npx ts-node main.ts'],
    ['`npx tsc && node dist/main.js`', 'npx tsc && node dist/main.js'],
    ['`tsc -b && node dist/main.js` (skips the check while main.ts is unchanged, even after a dependency upgrade)', 'node node_modules/typescript/bin/tsc -b && node dist/main.js'],
  ];
  for (const [, command] of rows) time(command, app); // warm the file-system cache
  // Rounds interleave the commands, so a slow spell of the machine weighs on all of them alike.
  const samples = rows.map(() => [] as number[]);
  for (let round = 0; round < benchRuns; round++) rows.forEach(([, command], i) => samples[i].push(time(command, app)));
  console.log(`\n| measured in the starter project (${benchRuns} interleaved rounds, median) | seconds |\n|---|---|`);
  rows.forEach(([label], i) => console.log(`| ${label} | ${median(samples[i]).toFixed(2)} |`));
}

const work = mkdtempSync(join(tmpdir(), 'order-platform-consumer-'));
try {
  let tarball = '';
  step('npm pack', () => {
    run(`npm pack --pack-destination ${JSON.stringify(work)}`, repo);
    const written = readdirSync(work).filter((name) => name.endsWith('.tgz'));
    if (written.length !== 1) throw new Error(`npm pack wrote ${written.length} tarballs`);
    tarball = written[0];
  });
  const app = join(work, 'app');
  const starterStacks = [`${STARTER_PLATFORM_ID}-data`, `${STARTER_PLATFORM_ID}-westus3`, `${STARTER_PLATFORM_ID}-westus3-apps`, `${STARTER_PLATFORM_ID}-edge`, `${STARTER_PLATFORM_ID}-observability`];
  step('init from the tarball', () => {
    run(`npx --yes ./${tarball} init app --library ./${tarball}`, work);
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    if (pkg.dependencies['cdktf-order-platform'] !== `file:../${tarball}`) throw new Error(`the starter depends on ${pkg.dependencies['cdktf-order-platform']}`);
  });
  step('npm install in the starter (no --legacy-peer-deps)', () => {
    run('npm install', app);
    run('npm ls cdktf constructs @cdktf/provider-azurerm @cdktf/provider-kubernetes cdktf-order-platform', app);
  });
  step('npx cdktf synth in the starter', () => {
    run('npx cdktf synth', app);
    expectStacks(app, starterStacks);
  });
  step("the starter's tests: npm test, writing its snapshots", () => {
    const counts = jestCounts(run('npm test', app));
    passed += counts.passed;
    failed += counts.failed;
    if (!existsSync(join(app, '__snapshots__', 'main.test.ts.snap'))) throw new Error('no snapshot written');
  });
  step("the starter's tests again with --ci: the synth matches its snapshots", () => {
    run('npm test -- --ci', app);
  });
  step("cdktf deploy 'orders-*' applies the stacks in dependency order (terraform replaced by a recorder)", () => {
    // The real cdktf-cli decides the order; a stand-in terraform on PATH records each call and succeeds, since no
    // provider can be installed here. Before the stacks were the App's children, the CLI refused to start.
    const bin = join(work, 'terraform-recorder');
    const log = join(work, 'terraform-calls.log');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'terraform'), `#!/bin/sh
echo "$(basename "$PWD") $*" >> ${JSON.stringify(log)}
case "$1" in
  version) echo '{"terraform_version":"1.11.0","platform":"linux_amd64","provider_selections":{},"terraform_outdated":false}';;
  output) echo '{}';;
esac
exit 0
`, { mode: 0o755 });
    run("npx cdktf deploy 'orders-*' --auto-approve", app, { PATH: `${bin}${delimiter}${process.env.PATH}` });
    const applied = readFileSync(log, 'utf8').split('\n').filter((line) => / apply /.test(` ${line} `)).map((line) => line.split(' ')[0]);
    const expected = [`${STARTER_PLATFORM_ID}-data`, `${STARTER_PLATFORM_ID}-westus3`, `${STARTER_PLATFORM_ID}-westus3-apps`, `${STARTER_PLATFORM_ID}-edge`, `${STARTER_PLATFORM_ID}-observability`];
    if (JSON.stringify(applied) !== JSON.stringify(expected)) throw new Error(`applied ${applied.join(', ')}; expected ${expected.join(', ')}`);
  });
  step('a type error stops the app command before anything is synthesized', () => {
    const main = readFileSync(join(app, 'main.ts'), 'utf8');
    rmSync(join(app, 'cdktf.out'), { recursive: true, force: true });
    writeFileSync(join(app, 'main.ts'), `${main}\nexport const typeError: number = 'not a number';\n`);
    const result = spawnSync('npx cdktf synth', { cwd: app, shell: true, env, encoding: 'utf8' });
    writeFileSync(join(app, 'main.ts'), main);
    if (result.status === 0) throw new Error('cdktf synth succeeded with a type error in main.ts');
    if (!/error TS\d+/.test(`${result.stdout}${result.stderr}`)) throw new Error('cdktf synth failed without a TypeScript error');
    if (existsSync(join(app, 'cdktf.out', 'stacks'))) throw new Error('stacks were synthesized despite the type error');
  });

  const existing = join(work, 'existing');
  step('the README quickstart pasted into a project made by cdktf init', () => {
    const quickstart = readmeQuickstart(readFileSync(join(repo, 'README.md'), 'utf8'));
    run(`mkdir existing && cd existing && ${join(app, 'node_modules', '.bin', 'cdktf')} init --template=typescript --local --project-name=existing --project-description=existing --enable-crash-reporting=false --providers=`, work);
    for (const line of quickstart.install) run(line.replace(/(npm install(?: --save-dev| -D)?) cdktf-order-platform(?=\s)/, `$1 ../${tarball}`), existing);
    const cdktf = JSON.parse(readFileSync(join(existing, 'cdktf.json'), 'utf8')) as { app: string };
    cdktf.app = quickstart.cdktfApp;
    writeFileSync(join(existing, 'cdktf.json'), `${JSON.stringify(cdktf, null, 2)}\n`);
    writeFileSync(join(existing, 'tsconfig.json'), quickstart.tsconfig);
    writeFileSync(join(existing, 'main.ts'), quickstart.main);
    // cdktf init's projects use a CLI installed globally; the starter's copy stands in for it.
    run(`${join(app, 'node_modules', '.bin', 'cdktf')} synth`, existing);
    expectStacks(existing, ['orders-data', 'orders-westus3', 'orders-westus3-apps', 'orders-edge', 'orders-observability']);
  });

  if (benchRuns > 0) bench(app);
} catch (e) {
  if (!(e instanceof StopProof)) throw e;
} finally {
  if (keep) console.log(`\nkept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(`\nconsumer proof: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
