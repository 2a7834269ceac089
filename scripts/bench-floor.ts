/**
 * The floor process of `npm run bench`: loads `cdktf` and exactly the provider modules the compiled library
 * requires, and does nothing else. A synth can never be faster than this.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
  });
}

/** Provider modules the library requires, found in its compiled output. */
export function providerModules(libDir: string): string[] {
  const found = new Set<string>();
  for (const file of files(libDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/require\("(@cdktf\/provider-[a-z]+\/lib\/[a-z0-9-]+)"\)/g)) found.add(match[1]);
  }
  return [...found].sort();
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('cdktf');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const mod of providerModules(join(__dirname, '..', 'lib'))) require(mod);
}
