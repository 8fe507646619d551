import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { COVERAGE_ROOT, coverageDir } from './contract-coverage.ts';
import { specOperations } from './openapi.ts';

/**
 * Vitest global setup for the server project: clears the contract-coverage records before the run and,
 * after it, writes `contract-coverage.md` (which test files validated which operation, with which statuses)
 * and prints the operations of the spec no contract test exercised. With CONTRACT_COVERAGE=enforce (set
 * by `npm run unit`, i.e. whenever the whole suite runs) an uncovered operation fails the run.
 */
export function setup(): void {
  rmSync(coverageDir(), { recursive: true, force: true });
  mkdirSync(coverageDir(), { recursive: true });
}

function collect(dir: string): Map<string, { statuses: Set<string>; files: Set<string> }> {
  const seen = new Map<string, { statuses: Set<string>; files: Set<string> }>();
  for (const name of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      const [method, path, status, file] = line.split('\t');
      if (!method || !path || !status) continue;
      const key = `${method} ${path}`;
      const entry = seen.get(key) ?? { statuses: new Set<string>(), files: new Set<string>() };
      entry.statuses.add(status);
      if (file) entry.files.add(file);
      seen.set(key, entry);
    }
  }
  return seen;
}

export function teardown(): void {
  const dir = coverageDir();
  if (!existsSync(dir)) return;
  const seen = collect(dir);
  const operations = specOperations();
  const missing = operations.filter((op) => !seen.has(op));
  const rows = operations.map((op) => {
    const entry = seen.get(op);
    const statuses = entry ? [...entry.statuses].sort().join(', ') : '**not covered**';
    const files = entry ? [...entry.files].sort().join(', ') : '';
    return `| ${op} | ${statuses} | ${files} |`;
  });
  const report = join(COVERAGE_ROOT, 'contract-coverage.md');
  writeFileSync(
    report,
    ['| operation | statuses validated | test files |', '|---|---|---|', ...rows, ''].join('\n'),
  );
  console.log(
    `\nContract coverage: ${String(operations.length - missing.length)} of ${String(operations.length)} operations of the OpenAPI document validated (details: ${report})`,
  );
  if (missing.length > 0) {
    console.log(`Not covered:\n  ${missing.join('\n  ')}`);
    if (process.env.CONTRACT_COVERAGE === 'enforce') {
      throw new Error(`${String(missing.length)} operations of the spec have no contract test`);
    }
  }
}
