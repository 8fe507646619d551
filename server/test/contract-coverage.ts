import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Parent folder of the per-run coverage folders. */
export const COVERAGE_ROOT = join(process.cwd(), 'node_modules', '.cache', 'contract-coverage');

/**
 * One folder per checkout, cleared by the global setup at the start of a run. Two runs at the same time in
 * one checkout would mix their records; CI runs one, and only `npm run unit` enforces the coverage.
 */
export function coverageDir(): string {
  return join(COVERAGE_ROOT, 'current-run');
}

/** Remembers that `METHOD specPath` answered `status` and the answer matched the spec. */
export function recordCoverage(method: string, specPath: string, status: number): void {
  const dir = coverageDir();
  mkdirSync(dir, { recursive: true });
  const test = expect.getState().testPath ?? '';
  const file = test.replace(`${process.cwd()}/`, '');
  appendFileSync(
    join(dir, `${String(process.pid)}.tsv`),
    `${method.toUpperCase()}\t${specPath}\t${String(status)}\t${file}\n`,
  );
}
