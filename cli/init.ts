/**
 * `order-platform init [dir] [--pattern <kind>] [--regions a,b] [--prefix p] [--library spec]`: writes a starter
 * consumer project (see `starter.ts`) into `dir`, refusing to overwrite any file.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'path';
import { parseArgs } from 'util';
import { RootConstruct } from 'constructs';
import { closest } from 'fastest-levenshtein';
import { formatValue, ValidationError } from '../lib/core/errors';
import { Naming } from '../lib/core/naming';
import { PatternKind, RedundancyPattern } from '../lib/core/pattern';
import { DEFAULT_REGIONS, libraryManifest, REGION_COUNTRY, starterFiles, StarterOptions } from './starter';

/** A mistake on the command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const INIT_USAGE = `Usage: order-platform init [dir] [options]

Writes a cdktf project for an online-ordering platform on Azure into dir (default: the current directory):
package.json, cdktf.json, tsconfig.json, main.ts, main.test.ts, jest.config.js, jest.setup.js, .gitignore, README.md.
Existing files are never overwritten.

Options:
  --pattern <kind>   zoneRedundant (default), primarySecondary, activePassive, activeActive, regionPinned
  --regions <a,b>    Azure regions, first = primary / home (default: the pattern's example regions)
  --prefix <p>       2-12 lower-case letters and digits, part of every Azure name (default: from dir)
  --library <spec>   how the project depends on cdktf-order-platform: a version range (default ^<this version>),
                     a path to a packed .tgz, or any npm install spec (file:, git URL)
  -h, --help         this text`;

/** The options `init` acts on, from its command-line arguments (relative paths against `cwd`). */
export interface InitRequest {
  readonly dir: string;
  readonly starter: StarterOptions;
}

/** Parses and checks `init`'s arguments; every mistake is a {@link UsageError} that says what to type instead. */
export function parseInitArgs(args: readonly string[], cwd: string): InitRequest | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        pattern: { type: 'string' },
        regions: { type: 'string' },
        prefix: { type: 'string' },
        library: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((e as Error).message);
    if (unknown) {
      const known = ['--pattern', '--regions', '--prefix', '--library', '--help'];
      throw new UsageError(`unknown option ${unknown[1]} (did you mean ${closest(unknown[1], known)}?)\n\n${INIT_USAGE}`);
    }
    throw new UsageError(`${(e as Error).message}\n\n${INIT_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError(`init takes one directory, got ${positionals.length}: ${positionals.join(' ')}\n\n${INIT_USAGE}`);
  const dir = resolve(cwd, positionals[0] ?? '.');

  const kinds = Object.values(PatternKind) as string[];
  const patternGiven = values.pattern ?? PatternKind.ZONE_REDUNDANT;
  if (!kinds.includes(patternGiven)) {
    throw new UsageError(`--pattern ${patternGiven} is not a redundancy pattern (did you mean ${closest(patternGiven, kinds)}?). Use one of: ${kinds.join(', ')}`);
  }
  const pattern = patternGiven as PatternKind;
  const regions = values.regions !== undefined ? values.regions.split(',').map((r) => r.trim()) : [...DEFAULT_REGIONS[pattern]];
  checkRegions(pattern, regions);
  if (pattern === PatternKind.REGION_PINNED) checkCellCountries(regions);

  const prefix = values.prefix ?? prefixFrom(basename(dir));
  try {
    Naming.validatePrefix(new RootConstruct('order-platform init'), '--prefix', prefix);
  } catch (e) {
    throw usageFrom(e, '--prefix');
  }
  return {
    dir,
    starter: {
      name: packageName(basename(dir)),
      pattern,
      regions,
      prefix,
      library: librarySpec(values.library, cwd, dir),
    },
  };
}

/** The region list checked exactly as the platform will check it, so a starter never fails its first synth on it. */
function checkRegions(pattern: PatternKind, regions: string[]): void {
  try {
    RedundancyPattern[pattern]().place(new RootConstruct('order-platform init'), regions, '--regions');
  } catch (e) {
    throw usageFrom(e, '--regions');
  }
}

/** A regionPinned starter routes each cell's country to it, so two cells must not share a country. */
function checkCellCountries(regions: readonly string[]): void {
  if (regions.length < 2) return;
  const seen = new Map<string, string>();
  for (const region of regions) {
    const country = REGION_COUNTRY[region];
    if (!country) throw new UsageError(`--regions: the starter does not know which country ${region} is in. Fix: pick another cell region, or write geoRouting in main.ts yourself`);
    const other = seen.get(country);
    if (other) throw new UsageError(`--regions: ${other} and ${region} are both in ${country}, and a regionPinned starter routes each cell's country to it. Fix: pick cells in different countries (e.g. germanywestcentral,japaneast), then adjust geoRouting in main.ts`);
    seen.set(country, region);
  }
}

function usageFrom(e: unknown, option: string): Error {
  if (!(e instanceof ValidationError)) return e as Error;
  const value = e.prop === option ? '' : ` ${formatValue(e.value)}`;
  return new UsageError(`${e.prop}${value}: ${e.problem}. Fix: ${e.fix.replace(/^list /, `give ${option} `)}`);
}

/** A prefix from the directory name: its letters and digits, at most 12, or `orders`. */
function prefixFrom(dirName: string): string {
  const letters = dirName.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/^[0-9]+/, '').slice(0, 12);
  return letters.length >= 2 ? letters : 'orders';
}

/** An npm package name from the directory name. */
function packageName(dirName: string): string {
  const name = dirName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return name || 'order-platform-app';
}

/**
 * The dependency spec written to package.json: a path (a packed `.tgz`, a checkout, or a `file:` spec), taken from
 * where init runs, becomes a `file:` spec relative to the new project, since npm resolves `file:` against the
 * package.json that holds it; anything else (a version range, a git URL) is kept as given.
 */
function librarySpec(given: string | undefined, cwd: string, dir: string): string {
  if (given === undefined) return `^${libraryManifest().version}`;
  const path = given.startsWith('file:') ? given.slice('file:'.length) : given;
  if (!given.startsWith('file:') && !/\.tgz$/.test(path) && !/^\.{1,2}([\\/]|$)/.test(path) && !isAbsolute(path)) return given;
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) throw new UsageError(`--library ${given}: no such file or directory (from ${cwd}). Give the path of the .tgz that npm pack wrote`);
  const fromProject = relative(dir, absolute) || '.';
  return `file:${fromProject.startsWith('.') || isAbsolute(fromProject) ? fromProject : `./${fromProject}`}`;
}

/** Writes the starter into `dir`; refuses (writing nothing) when any of its files exists. Returns the paths written. */
export function writeStarter(request: InitRequest): string[] {
  const files = starterFiles(request.starter);
  if (existsSync(request.dir) && !statSync(request.dir).isDirectory()) throw new UsageError(`${request.dir} exists and is not a directory`);
  const existing = Object.keys(files).filter((path) => existsSync(join(request.dir, path)));
  if (existing.length > 0) {
    throw new UsageError(`${request.dir} already has ${existing.join(', ')}; init never overwrites a file. Run it in a new or empty directory`);
  }
  for (const [path, content] of Object.entries(files)) {
    const target = join(request.dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { flag: 'wx' });
  }
  return Object.keys(files);
}
