import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { transformSync } from '@swc/core';

/** The README's quickstart is what users paste into their cdktf app: it must compile and synthesize as written. */
describe('README quickstart', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const block = /```ts\n(\/\/ main\.ts\n[\s\S]*?)```/.exec(readme);

  test('is present and imports the package by name', () => {
    expect(block).not.toBeNull();
    expect(block![1]).toContain("from 'cdktf-order-platform'");
  });

  test('synthesizes the data, region, apps and edge stacks', () => {
    const code = transformSync(block![1], { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code;
    const outdir = mkdtempSync(join(tmpdir(), 'order-platform-readme-'));
    const previous = process.env.CDKTF_OUTDIR;
    process.env.CDKTF_OUTDIR = outdir;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const load = (name: string) => (name === 'cdktf-order-platform' ? require('../lib') : require(name));
      new Function('require', 'exports', code)(load, {});
      expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(['orders-data', 'orders-edge', 'orders-westus3', 'orders-westus3-apps']);
    } finally {
      if (previous === undefined) delete process.env.CDKTF_OUTDIR;
      else process.env.CDKTF_OUTDIR = previous;
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
