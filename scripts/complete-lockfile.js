#!/usr/bin/env node
/**
 * Adds lockfile entries for platform-specific optional dependencies that the npm registry mirror of this
 * workplace does not carry (macOS, Windows, Android, ... builds of @swc/core and unrs-resolver).
 *
 * `npm install` here silently skips them (404), but `npm ci` then reports the lockfile out of sync. The entries
 * written here carry `os`/`cpu`/`libc`, so `npm ci` on Linux skips them exactly as it would with a lockfile made
 * against the public registry. Running it again changes nothing. Change dependencies with `npm run lock` (npm install,
 * then this script); `node scripts/complete-lockfile.js --check` exits 1 when the lockfile is not complete.
 */
const { readFileSync, writeFileSync } = require('fs');
const { join } = require('path');

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'loong64', 'riscv64', 'wasm32', 'mips64el'];

// node scripts/complete-lockfile.js [--check] [path/to/package-lock.json]
const file = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;

/** Whether `name` is installed where Node would find it from the package at `path`. */
function resolves(path, name) {
  for (let dir = path; ; dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
  }
}

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (resolves(path, name)) continue;
    const parts = name.split('/').pop().split('-');
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os || !cpu) continue; // not a platform build: npm decides about it on its own
    const libc = parts.some((p) => p.startsWith('musl')) ? ['musl'] : parts.includes('gnu') || parts.some((p) => p.startsWith('gnueabi')) ? ['glibc'] : undefined;
    // Keys in npm's own order (version first, then alphabetical), so a later `npm install` rewrites nothing.
    packages[key] = {
      version,
      cpu: [cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(libc && os === 'linux' ? { libc } : {}),
      optional: true,
      os: [os],
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
const completed = `${JSON.stringify(lock, null, 2)}\n`;
if (process.argv.includes('--check')) {
  // Idempotence check for tests and CI: the committed lockfile is already complete.
  if (completed !== readFileSync(file, 'utf8')) {
    console.error(`complete-lockfile --check: package-lock.json lacks ${added} platform-specific entries (or is not in its sorted form); run npm run lock`);
    process.exit(1);
  }
  console.log('complete-lockfile --check: package-lock.json is complete');
} else {
  writeFileSync(file, completed);
  console.log(`complete-lockfile: added ${added} platform-specific optional entries`);
}
