/**
 * The README's "existing project" quickstart, read out of README.md: the install commands, the `cdktf.json` app
 * command, `tsconfig.json` and `main.ts` a user pastes. `__tests__/readme.test.ts` checks them against the package
 * and the starter; `scripts/consumer-proof.ts` runs them in a project made by `cdktf init`.
 *
 * Each piece is the fenced block that follows an HTML comment `<!-- quickstart: <name> -->`.
 */
export interface ReadmeQuickstart {
  /** `npm install ...` lines, in order. */
  readonly install: readonly string[];
  /** The `app` of `cdktf.json`. */
  readonly cdktfApp: string;
  /** `tsconfig.json`, as text. */
  readonly tsconfig: string;
  /** `main.ts`, as text. */
  readonly main: string;
}

export const QUICKSTART_BLOCKS = ['install', 'cdktf.json', 'tsconfig.json', 'main.ts'] as const;

export function readmeBlocks(readme: string): { readonly [name: string]: string } {
  const blocks: { [name: string]: string } = {};
  for (const match of readme.matchAll(/<!-- quickstart: ([\w.-]+) -->\n```[a-z]*\n([\s\S]*?)```/g)) {
    if (blocks[match[1]] !== undefined) throw new Error(`README.md: two quickstart blocks named ${match[1]}`);
    blocks[match[1]] = match[2];
  }
  return blocks;
}

export function readmeQuickstart(readme: string): ReadmeQuickstart {
  const blocks = readmeBlocks(readme);
  const missing = QUICKSTART_BLOCKS.filter((name) => blocks[name] === undefined);
  if (missing.length > 0) throw new Error(`README.md: no quickstart block named ${missing.join(', ')}`);
  const install = blocks.install.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => line.startsWith('npm install'));
  const app = (JSON.parse(blocks['cdktf.json']) as { app?: unknown }).app;
  if (typeof app !== 'string') throw new Error('README.md: the cdktf.json quickstart block has no "app"');
  return { install, cdktfApp: app, tsconfig: blocks['tsconfig.json'], main: blocks['main.ts'] };
}
