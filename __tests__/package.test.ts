import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';

/**
 * What `npm pack` ships and what the manifest promises consumers: the files a consumer needs and nothing else, peer
 * ranges that admit every compatible release, one command, and a lockfile that `npm ci` takes as committed.
 */
const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string; bin: Record<string, string>; peerDependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string>; license: string;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [relative(root, path)] : [];
  });
}

describe('npm pack', () => {
  let files: string[] = [];
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'lib', 'index.js'))) throw new Error('dist/ is not built: run npm run build (npm ci and npm install run it in prepare)');
    // --ignore-scripts: list what the current dist/ gives, without rebuilding inside the test.
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
  });

  test('ships the README, the docs it links, CHANGELOG, LICENSE and manifest', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/conventions.md', 'CHANGELOG.md', 'LICENSE', 'package.json']));
  });

  test('ships JavaScript and typings for every library source file, and the command', () => {
    const lib = sourceFiles(join(root, 'lib'));
    expect(lib.length).toBeGreaterThan(30);
    for (const source of lib) {
      const base = `dist/${source.replace(/\.ts$/, '')}`;
      expect(files).toContain(`${base}.js`);
      expect(files).toContain(`${base}.d.ts`);
    }
    const cli = sourceFiles(join(root, 'cli'));
    expect(cli.length).toBeGreaterThan(0);
    for (const source of cli) expect(files).toContain(`dist/${source.replace(/\.ts$/, '.js')}`);
  });

  test('ships no tests, fixtures, contracts, examples, scripts, source maps, sources or build state', () => {
    const unwanted = files.filter((f) => /(^|\/)__tests__\/|\.test\.|\.map$|(^|\/)(contracts|fixtures|__snapshots__)\//.test(f)
      || /^(dist\/)?(examples|stacks|scripts)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || /tsbuildinfo/.test(f) || f.startsWith('cdktf.out/'));
    expect(unwanted).toEqual([]);
    expect(files).toContain('dist/lib/index.js');
    expect(files.filter((f) => !['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json'].includes(f) && !/^dist\/(lib|cli)\//.test(f) && !/^docs\/[^/]+\.md$/.test(f))).toEqual([]);
  });

  test('the LICENSE is the Apache License 2.0 the manifest names', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const text = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(text).toContain('Apache License\n                           Version 2.0, January 2004');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
  });
});

describe('the manifest', () => {
  test('one command, order-platform, with a node shebang (so npx cdktf-order-platform runs it)', () => {
    expect(Object.keys(pkg.bin)).toEqual(['order-platform']);
    expect(readFileSync(join(root, 'cli', 'order-platform.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(pkg.bin['order-platform']).toBe('dist/cli/order-platform.js');
  });

  test('peer dependencies are caret ranges from the exact versions the build pins', () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['@cdktf/provider-azurerm', '@cdktf/provider-kubernetes', 'cdktf', 'constructs']);
    for (const [name, range] of Object.entries(pkg.peerDependencies)) {
      expect(`${name}@${range}`).toBe(`${name}@^${pkg.devDependencies[name]}`);
    }
  });

  test('dev dependencies are pinned exactly', () => {
    const loose = Object.entries(pkg.devDependencies).filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version));
    expect(loose).toEqual([]);
  });

  test('the build runs in prepare, so npm pack and git installs ship a built dist/', () => {
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.prepack).toBeUndefined();
  });
});

describe('package-lock.json', () => {
  const script = join(root, 'scripts', 'complete-lockfile.js');
  const check = (file: string) => spawnSync(process.execPath, [script, '--check', file], { encoding: 'utf8' });

  test('is committed complete: the helper has nothing to add', () => {
    const result = check(join(root, 'package-lock.json'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('the helper restores what npm install drops, and a second run changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'order-platform-lock-'));
    try {
      const file = join(dir, 'package-lock.json');
      copyFileSync(join(root, 'package-lock.json'), file);
      const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, unknown> };
      const platformEntries = Object.keys(lock.packages).filter((key) => /^node_modules\/@swc\/core-(darwin|win32)-/.test(key));
      expect(platformEntries.length).toBeGreaterThan(0);
      for (const key of platformEntries) delete lock.packages[key];
      writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
      expect(check(file).status).toBe(1);

      execFileSync(process.execPath, [script, file]);
      const once = readFileSync(file, 'utf8');
      expect(once).toBe(readFileSync(join(root, 'package-lock.json'), 'utf8'));
      execFileSync(process.execPath, [script, file]);
      expect(readFileSync(file, 'utf8')).toBe(once);
      expect(check(file).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('records the manifest: peer ranges, command and pins as package.json says', () => {
    const rootEntry = (JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { peerDependencies: unknown; bin: unknown; devDependencies: unknown }> }).packages[''];
    expect(rootEntry.peerDependencies).toEqual(pkg.peerDependencies);
    expect(rootEntry.bin).toEqual(pkg.bin);
    expect(rootEntry.devDependencies).toEqual(pkg.devDependencies);
  });
});

describe('scripts/cdktn-package-lock.json (the CDK Terrain suite installs from it with npm ci)', () => {
  type Lock = { packages: Record<string, { version?: string; devDependencies?: Record<string, string> }>; lockfileVersion: number };
  const main = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;
  const terrain = JSON.parse(readFileSync(join(root, 'scripts', 'cdktn-package-lock.json'), 'utf8')) as Lock;
  const ownedByCdktf = (key: string) => key === 'node_modules/cdktf' || key.startsWith('node_modules/cdktf/') || key === 'node_modules/constructs';

  test('records package.json with cdktf aliased to cdktn and constructs in its peer range, nothing else changed', () => {
    expect(terrain.packages[''].devDependencies).toEqual({ ...pkg.devDependencies, cdktf: 'npm:cdktn@0.24.0', constructs: '10.7.2' });
    // The whole root entry (peer ranges, dependencies, bin, engines) is the main lockfile's, or npm ci refuses it.
    expect(terrain.packages['']).toEqual({ ...main.packages[''], devDependencies: { ...main.packages[''].devDependencies, cdktf: 'npm:cdktn@0.24.0', constructs: '10.7.2' } });
    expect(terrain.packages['node_modules/cdktf'].version).toBe('0.24.0');
    expect(terrain.packages['node_modules/constructs'].version).toBe('10.7.2');
  });

  test('every other package is the version the main lockfile installs (no fresh resolution at CI time)', () => {
    const versions = (lock: Lock) => Object.entries(lock.packages).filter(([key]) => key !== '' && !ownedByCdktf(key)).map(([key, entry]) => `${key}@${entry.version}`);
    const shared = versions(main);
    expect(shared.length).toBeGreaterThan(500);
    expect(versions(terrain)).toEqual(shared);
  });

  test('is complete for npm ci on Linux, like the main lockfile', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'complete-lockfile.js'), '--check', join(root, 'scripts', 'cdktn-package-lock.json')], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the library and CDK Terrain', () => {
  test("imports from 'cdktf' exactly the names the README lists as exported by both cdktf and cdktn", () => {
    const imported = new Set<string>();
    for (const file of sourceFiles(join(root, 'lib'))) {
      for (const match of readFileSync(join(root, file), 'utf8').matchAll(/import \{([^}]+)\} from 'cdktf';/g)) {
        for (const name of match[1].split(',')) imported.add(name.trim().replace(/^type\s+/, ''));
      }
    }
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const listed = /<!-- cdktf-imports -->([\s\S]*?)<!-- \/cdktf-imports -->/.exec(readme)![1].match(/`[A-Za-z]+`/g)!.map((n) => n.slice(1, -1));
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].sort()).toEqual([...listed].sort());
  });
});

describe('npm run mutate -- --stale', () => {
  test('lists exactly the modules with code whose committed unit-tier result is not of their current source', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'mutate.js'), '--stale'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(join(root, 'reports', 'mutation', 'unit.json'), 'utf8')) as { files: Record<string, { source: string }> };
    const listed = result.stdout.split('\n').filter((line) => /^(stale|not run)/.test(line)).map((line) => line.replace(/^(stale|not run)\s+/, '').replace(/ \(.*$/, ''));
    const files = sourceFiles(join(root, 'lib')).map((f) => f.replace(/\\/g, '/')).sort();
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      const entry = report.files[file];
      const typeOnly = !/^(export\s+)?(abstract\s+)?(const|function|class|enum)\s/m.test(source);
      const current = entry ? entry.source === source : typeOnly;
      expect([file, listed.includes(file)]).toEqual([file, !current]);
    }
    // A module that only declares types is not listed as not run.
    expect(listed).not.toContain('lib/core/address-plan-types.ts');
    expect(files).toContain('lib/core/address-plan-types.ts');
  });
});
