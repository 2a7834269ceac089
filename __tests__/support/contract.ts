import { existsSync, readFileSync, writeFileSync } from 'fs';

/** `UPDATE_CONTRACTS=1` (never under CI) rewrites a contract file that differs; review the diff. */
const UPDATE = process.env.UPDATE_CONTRACTS === '1' && !process.env.CI;

/** Asserts that `actual` is the committed contract file at `path` (rewritten first under `UPDATE_CONTRACTS=1`). */
export function expectContract(path: string, actual: string): void {
  if (UPDATE && (!existsSync(path) || readFileSync(path, 'utf8') !== actual)) writeFileSync(path, actual);
  expect(existsSync(path)).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
