import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Where each test worker appends the operations its contract checks exercised (one file per process). */
export const COVERAGE_DIR = join(process.cwd(), 'node_modules', '.cache', 'contract-coverage');

/** Remembers that `METHOD specPath` answered `status` and the answer matched the spec. */
export function recordCoverage(method: string, specPath: string, status: number): void {
  mkdirSync(COVERAGE_DIR, { recursive: true });
  const test = expect.getState().testPath ?? '';
  const file = test.replace(`${process.cwd()}/`, '');
  appendFileSync(
    join(COVERAGE_DIR, `${String(process.pid)}.tsv`),
    `${method.toUpperCase()}\t${specPath}\t${String(status)}\t${file}\n`,
  );
}
