// `npm run check:changed`: the edit loop's check, limited to what this working copy changed. Type-checks
// everything (tsc -b is incremental, and a change can break a file that did not change), then lints,
// format-checks and runs the tests related to the changed files only. "Changed" means against the point
// where this branch left main (or HEAD when there is no main; or the commit given as the argument):
// commits since, staged, unstaged and untracked files.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function git(args: readonly string[]): string[] {
  const result = spawnSync('git', args, { encoding: 'utf8' });
  if (result.status !== 0) return [];
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The commit to compare with: the first argument (`npm run check:changed -- HEAD`), else where HEAD left main. */
function baseCommit(): string {
  const [argument] = process.argv.slice(2);
  if (argument !== undefined) return argument;
  const [mergeBase = 'HEAD'] = git(['merge-base', 'main', 'HEAD']);
  return mergeBase;
}

function changedFiles(base: string): string[] {
  // `git diff <base>` compares the working tree with the base: commits since, staged and unstaged alike.
  const tracked = git(['diff', '--name-only', '--diff-filter=d', base]);
  const untracked = git(['ls-files', '--others', '--exclude-standard']);
  return [...new Set([...tracked, ...untracked])].filter((file) => existsSync(file)).sort();
}

interface Step {
  name: string;
  command: string;
  args: string[];
}

function run({ name, command, args }: Step): boolean {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const isOk = result.status === 0;
  console.log(`${isOk ? '✔' : '✘'} ${name} (${seconds} s)`);
  return isOk;
}

const base = baseCommit();
const files = changedFiles(base);
const lintable = files.filter((file) => /\.(ts|tsx|js|mjs|cjs)$/.test(file));
const testable = files.filter((file) => /^(src|server|contract)\/.*\.(ts|tsx)$/.test(file));

console.log(
  files.length === 0
    ? `No files changed since ${base}.`
    : `Changed since ${base} (${String(files.length)}):\n  ${files.join('\n  ')}`,
);

const steps: Step[] = [{ name: 'tsc -b', command: 'npx', args: ['tsc', '-b'] }];
if (lintable.length > 0) {
  steps.push({
    name: `eslint (${String(lintable.length)} files)`,
    command: 'npx',
    args: [
      'eslint',
      '--max-warnings=0',
      '--no-warn-ignored',
      '--cache',
      '--cache-strategy=content',
      '--cache-location=node_modules/.cache/eslint/',
      ...lintable,
    ],
  });
}
if (files.length > 0) {
  steps.push({
    name: `prettier --check (${String(files.length)} files)`,
    command: 'npx',
    args: ['prettier', '--check', '--ignore-unknown', ...files],
  });
}
if (testable.length > 0) {
  steps.push({
    name: 'vitest related',
    command: 'npx',
    args: ['vitest', 'related', '--run', '--passWithNoTests', ...testable],
  });
}

// Every step runs, so one pass shows every kind of problem.
const failed = steps.filter((step) => !run(step)).map((step) => step.name);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
