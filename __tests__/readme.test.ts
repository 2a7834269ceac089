import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { transformSync } from '@swc/core';
import { STARTER_APP_COMMAND, TSCONFIG_JSON } from '../cli/starter';
import { readmeBlocks, readmeQuickstart } from '../scripts/readme-quickstart';

/**
 * The README's quickstart for an existing project is what users paste: its install commands, `cdktf.json` app,
 * `tsconfig.json` and `main.ts`. Here they are checked against the package and the starter, and `main.ts` is
 * synthesized; `.ci/run` (scripts/consumer-proof.ts) pastes all four into a project made by `cdktf init` and runs the
 * real `cdktf synth`.
 */
const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { peerDependencies: Record<string, string>; devDependencies: Record<string, string> };
const quickstart = readmeQuickstart(readme);

describe('README quickstart (existing project)', () => {
  test("pins TypeScript first (cdktf init's TypeScript 7 breaks its own tree), then installs the library and the providers at the peer ranges", () => {
    expect(quickstart.install).toEqual([
      `npm install --save-dev typescript@${pkg.devDependencies.typescript}`,
      `npm install cdktf-order-platform @cdktf/provider-azurerm@${pkg.peerDependencies['@cdktf/provider-azurerm']} @cdktf/provider-kubernetes@${pkg.peerDependencies['@cdktf/provider-kubernetes']}`,
    ]);
  });

  test('states the cdktf and constructs peer ranges the package declares', () => {
    expect(readme).toContain(`\`cdktf\` (\`${pkg.peerDependencies.cdktf}\`), \`constructs\` (\`${pkg.peerDependencies.constructs}\``);
  });

  test('cdktf.json and tsconfig.json are the ones `init` writes', () => {
    expect(quickstart.cdktfApp).toBe(STARTER_APP_COMMAND);
    expect(quickstart.tsconfig).toBe(TSCONFIG_JSON);
  });

  test('main.ts imports the package by name', () => {
    expect(quickstart.main.startsWith('// main.ts\n')).toBe(true);
    expect(quickstart.main).toContain("from 'cdktf-order-platform'");
  });

  test('main.ts synthesizes the data, region, apps, edge and observability stacks', () => {
    const code = transformSync(quickstart.main, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code;
    const outdir = mkdtempSync(join(tmpdir(), 'order-platform-readme-'));
    const previous = process.env.CDKTF_OUTDIR;
    process.env.CDKTF_OUTDIR = outdir;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const load = (name: string) => (name === 'cdktf-order-platform' ? require('../lib') : require(name));
      new Function('require', 'exports', code)(load, {});
      expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(['orders-data', 'orders-edge', 'orders-observability', 'orders-westus3', 'orders-westus3-apps']);
    } finally {
      if (previous === undefined) delete process.env.CDKTF_OUTDIR;
      else process.env.CDKTF_OUTDIR = previous;
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a missing or doubled block is an error, not a silent skip', () => {
    expect(() => readmeQuickstart(readme.replace('<!-- quickstart: tsconfig.json -->', ''))).toThrow('no quickstart block named tsconfig.json');
    expect(() => readmeBlocks(`${readme}\n<!-- quickstart: install -->\n\`\`\`bash\nnpm install x\n\`\`\`\n`)).toThrow('two quickstart blocks named install');
  });
});

describe('README quickstart (new project)', () => {
  test('shows init from the registry and from a packed tarball with this version', () => {
    const version = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
    expect(readme).toContain('npx cdktf-order-platform init my-platform');
    expect(readme).toContain(`npx --yes ./cdktf-order-platform-${version}.tgz init ../my-platform --library ./cdktf-order-platform-${version}.tgz`);
  });
});
