import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { transformSync } from '@swc/core';
import { App } from 'cdktf';
import { INIT_USAGE, parseInitArgs, UsageError, writeStarter } from '../cli/init';
import { DEFAULT_REGIONS, libraryManifest, REGION_COUNTRY, STARTER_PLATFORM_ID, starterFiles, StarterOptions } from '../cli/starter';
import { PatternKind, Regions } from '../lib';

/**
 * `order-platform init`: the starter project it writes. `.ci/run` installs one from the packed tarball and runs its
 * real `cdktf synth` and tests (scripts/consumer-proof.sh); here every pattern's `main.ts` is compiled and
 * synthesized in-process against the library's source.
 */

const swc = (code: string) => transformSync(code, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code;

/** Runs a generated `main.ts` module and returns its exports (`require.main !== module`: it does not synthesize). */
function loadMain(source: string): { orderPlatform: (scope: App) => { node: { findAll(): unknown[] } } } {
  const exports: Record<string, unknown> = {};
  const module = { exports };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (name: string) => (name === 'cdktf-order-platform' ? require('../lib') : require(name));
  new Function('require', 'exports', 'module', swc(source))(load, exports, module);
  return module.exports as never;
}

function starter(pattern: PatternKind, overrides: Partial<StarterOptions> = {}): { readonly [path: string]: string } {
  return starterFiles({ name: 'my-orders', pattern, regions: DEFAULT_REGIONS[pattern], prefix: 'myorders', library: '^0.1.0', projectId: 'fixed', ...overrides });
}

describe('the starter main.ts of every pattern', () => {
  test.each(Object.values(PatternKind))('%s synthesizes the data, region, apps, edge and observability stacks', (pattern) => {
    const outdir = mkdtempSync(join(tmpdir(), 'order-platform-init-'));
    try {
      const app = new App({ outdir });
      loadMain(starter(pattern)['main.ts']).orderPlatform(app);
      app.synth();
      const regions = DEFAULT_REGIONS[pattern];
      const expected = [`${STARTER_PLATFORM_ID}-data`, `${STARTER_PLATFORM_ID}-edge`, `${STARTER_PLATFORM_ID}-observability`, ...regions.flatMap((r) => [`${STARTER_PLATFORM_ID}-${r}`, `${STARTER_PLATFORM_ID}-${r}-apps`])];
      expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(expected.sort());
      const data = JSON.parse(readFileSync(join(outdir, 'stacks', `${STARTER_PLATFORM_ID}-data`, 'cdk.tf.json'), 'utf8'));
      const servers = Object.values({ ...data.resource.azurerm_mssql_server, ...data.resource.azurerm_postgresql_flexible_server }) as { name: string }[];
      expect(servers.length).toBeGreaterThan(0);
      for (const server of servers) expect(server.name).toContain('myorders');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('the pattern and regions given are the ones written', () => {
    const main = starter(PatternKind.ACTIVE_ACTIVE, { regions: ['westeurope', 'northeurope', 'swedencentral'] })['main.ts'];
    expect(main).toContain('pattern: RedundancyPattern.activeActive(),');
    expect(main).toContain("regions: ['westeurope', 'northeurope', 'swedencentral'],");
  });

  test('a regionPinned starter routes each cell its own country', () => {
    const main = starter(PatternKind.REGION_PINNED)['main.ts'];
    expect(main).toContain("geoRouting: { countries: { germanywestcentral: ['DE'], japaneast: ['JP'] } },");
    expect(starter(PatternKind.REGION_PINNED, { regions: ['westeurope'] })['main.ts']).not.toContain('geoRouting');
  });

  test('every catalog region has a country for regionPinned starters', () => {
    expect(Regions.all().filter((r) => !REGION_COUNTRY[r.name]).map((r) => r.name)).toEqual([]);
  });

  test('main.ts synthesizes only when run as the app, not when a test imports it', () => {
    expect(starter(PatternKind.ZONE_REDUNDANT)['main.ts']).toMatch(/if \(require\.main === module\) \{[^}]*app\.synth\(\);\n\}/);
  });
});

describe('the starter project files', () => {
  const files = starter(PatternKind.ZONE_REDUNDANT);
  const manifest = libraryManifest();

  test('package.json: the library, its peers as ranges, the CLI and pinned TypeScript 5.9', () => {
    const pkg = JSON.parse(files['package.json']);
    expect(pkg.dependencies).toEqual({ 'cdktf-order-platform': '^0.1.0', ...manifest.peerDependencies });
    expect(pkg.devDependencies['cdktf-cli']).toBe(manifest.devDependencies.cdktf);
    expect(pkg.devDependencies.typescript).toMatch(/^5\.9\.\d+$/);
    for (const version of Object.values(pkg.devDependencies) as string[]) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.test).toBe('tsc && jest');
  });

  test('cdktf.json: the app type-checks before it synthesizes; crash reports off', () => {
    const cdktf = JSON.parse(files['cdktf.json']);
    expect(cdktf).toMatchObject({ language: 'typescript', app: 'node node_modules/typescript/bin/tsc && node dist/main.js', output: 'cdktf.out', projectId: 'fixed', sendCrashReports: 'false' });
  });

  test('tsconfig.json compiles main.ts to dist/main.js, where cdktf.json runs it', () => {
    const tsconfig = JSON.parse(files['tsconfig.json']);
    expect(tsconfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.', strict: true, incremental: true });
    expect(tsconfig.include).toContain('*.ts');
  });

  test('jest runs the TypeScript test through swc with cdktf matchers set up', () => {
    expect(files['jest.config.js']).toContain("setupFilesAfterEnv: ['<rootDir>/jest.setup.js']");
    expect(files['jest.setup.js']).toContain("require('cdktf').Testing.setupJest();");
    expect(files['main.test.ts']).toContain('toHaveResourceWithProperties(KubernetesCluster');
    expect(files['main.test.ts']).toContain('toMatchSnapshot()');
  });

  test('.gitignore keeps out installs, builds, synth output and state', () => {
    for (const line of ['node_modules/', 'dist/', 'cdktf.out/', '*.tfstate']) expect(files['.gitignore'].split('\n')).toContain(line);
  });

  test('README names the stacks in deploy order and why TypeScript is pinned', () => {
    expect(files['README.md']).toContain('`orders-data`, `orders-westus3`, `orders-westus3-apps`, `orders-edge`, `orders-observability`');
    expect(files['README.md']).toContain(`pinned to ${manifest.devDependencies.typescript}`);
  });
});

describe('order-platform init arguments', () => {
  const cwd = '/work/somewhere';
  const fails = (args: string[]) => {
    try {
      parseInitArgs(args, cwd);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error(`init ${args.join(' ')} was accepted`);
  };

  test('defaults: the current directory, zoneRedundant in westus3, prefix from the directory, ^version', () => {
    const request = parseInitArgs([], '/work/My Shop-01');
    expect(request).toEqual({ dir: '/work/My Shop-01', starter: { name: 'my-shop-01', pattern: 'zoneRedundant', regions: ['westus3'], prefix: 'myshop01', library: `^${libraryManifest().version}` } });
  });

  test('--help', () => expect(parseInitArgs(['--help'], cwd)).toBe('help'));

  test.each([
    [['--pattern', 'activeActiv'], 'did you mean activeActive?'],
    [['--pattern', 'zoneRedundant', '--regions', 'westus3,eastus'], 'zoneRedundant takes exactly 1 region, got 2'],
    [['--pattern', 'primarySecondary', '--regions', 'westus3,west-us'], '--regions[1] "west-us": not an Azure public region'],
    [['--pattern', 'activePassive', '--regions', 'eastus2,eastus2'], "region 'eastus2' is listed twice"],
    [['--pattern', 'primarySecondary', '--regions', 'eastus2,westus'], 'West US has no availability zones'],
    [['--pattern', 'regionPinned', '--regions', 'eastus2,westus3'], 'eastus2 and westus3 are both in US'],
    [['--prefix', 'Contoso'], '--prefix: a name prefix must be 2-12 lower-case letters'],
    [['--library', './missing.tgz'], 'no such file or directory'],
    [['--library', '../missing-checkout'], 'no such file or directory'],
    [['--patern', 'activeActive'], 'unknown option --patern (did you mean --pattern?)'],
    [['--pattern'], "Option '--pattern <value>' argument missing"],
    [['a', 'b'], 'init takes one directory, got 2'],
  ])('%j is refused: %s', (args, message) => {
    expect(fails(args)).toContain(message);
  });

  test('a tarball, checkout or file: path becomes a file: spec relative to the new project; ranges and git URLs are kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'order-platform-tgz-'));
    try {
      writeFileSync(join(dir, 'cdktf-order-platform-0.1.0.tgz'), '');
      const request = parseInitArgs(['app', '--library', 'cdktf-order-platform-0.1.0.tgz'], dir);
      expect(request !== 'help' && request.starter.library).toBe('file:../cdktf-order-platform-0.1.0.tgz');
      const git = parseInitArgs(['--library', 'github:contoso/cdktf-order-platform#v0.1.0'], dir);
      expect(git !== 'help' && git.starter.library).toBe('github:contoso/cdktf-order-platform#v0.1.0');
      const range = parseInitArgs(['--library', '^0.1.0'], dir);
      expect(range !== 'help' && range.starter.library).toBe('^0.1.0');
      // A checkout beside the new project, given relative to where init runs.
      const checkout = parseInitArgs(['nested/app', '--library', '.'], dir);
      expect(checkout !== 'help' && checkout.starter.library).toBe('file:../..');
      const fileSpec = parseInitArgs(['app', '--library', `file:${join(dir, 'cdktf-order-platform-0.1.0.tgz')}`], dir);
      expect(fileSpec !== 'help' && fileSpec.starter.library).toBe('file:../cdktf-order-platform-0.1.0.tgz');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the usage text lists every pattern', () => {
    for (const kind of Object.values(PatternKind)) expect(INIT_USAGE).toContain(kind);
  });
});

describe('order-platform init writing', () => {
  test('writes every file, and refuses to overwrite any (writing nothing)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'order-platform-write-'));
    try {
      const request = parseInitArgs([join(dir, 'app'), '--prefix', 'shop'], dir);
      if (request === 'help') throw new Error('unexpected help');
      const written = writeStarter(request);
      expect(readdirSync(join(dir, 'app')).sort()).toEqual([...written].sort());
      expect(readFileSync(join(dir, 'app', 'main.ts'), 'utf8')).toContain("prefix: 'shop',");

      const second = join(dir, 'second');
      const again = parseInitArgs([second], dir);
      if (again === 'help') throw new Error('unexpected help');
      writeStarter({ ...again, dir: second });
      writeFileSync(join(second, 'main.ts'), 'my own code');
      rmSync(join(second, 'README.md'));
      expect(() => writeStarter({ ...again, dir: second })).toThrow(/already has package\.json, cdktf\.json, tsconfig\.json, main\.ts/);
      expect(readFileSync(join(second, 'main.ts'), 'utf8')).toBe('my own code');
      expect(readdirSync(second)).not.toContain('README.md');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
