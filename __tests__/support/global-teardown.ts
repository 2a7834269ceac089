import { rmSync } from 'fs';
import { EXAMPLE_STACKS_ENV } from './examples';

/** Jest globalTeardown: removes the directory global-setup.ts synthesized the examples into. */
export default function globalTeardown(): void {
  const dir = process.env[EXAMPLE_STACKS_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
