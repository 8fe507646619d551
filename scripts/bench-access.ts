// Access explainer and impact preview benchmark (issue 16): `explainAccess` with 1,000 rules over 10,000 node
// paths, and the impact preview (`accessChanges` + `summariseImpact`) for 10 users × 10,000 paths. Prints
// numbers and asserts nothing. Run by `npm run bench -- access`; on its own:
// `TSX_TSCONFIG_PATH=tsconfig.base.json node --import tsx scripts/bench-access.ts`.
import { performance } from 'node:perf_hooks';
import {
  accessChanges,
  explainAccess,
  summariseImpact,
  type AccessData,
  type AccessPolicy,
  type AccessRule,
} from '../src/lib/access-model.ts';

const RULES = Number(process.env.BENCH_RULES ?? 1000);
const PATHS = Number(process.env.BENCH_PATHS ?? 10_000);
const USERS = 10;
const EXPLAIN_BUDGET_MS = 50;
const IMPACT_BUDGET_MS = 1000;

/** 100 projects × 10 environments × 9 assets (plus the projects and environments): about 10,000 paths. */
function nodePaths(count: number): string[] {
  const paths: string[] = [];
  for (let p = 0; paths.length < count; p += 1) {
    const project = `/projects/p${String(p)}`;
    paths.push(project);
    for (let e = 0; e < 10 && paths.length < count; e += 1) {
      const environment = `${project}/environments/e${String(e)}`;
      paths.push(environment);
      for (let a = 0; a < 9 && paths.length < count; a += 1)
        paths.push(`${environment}/assets/a${String(a)}`);
    }
  }
  return paths;
}

function rule(id: number, path: string, readable: boolean): AccessRule {
  return {
    id: `r${String(id)}`,
    name: `rule ${String(id)}`,
    path,
    readable,
    updatable: id % 3 === 0,
    executable: id % 5 === 0,
    system: false,
  };
}

/** Rules over projects, environments and sub-paths, spread over 20 policies assigned to users and groups. */
function accessData(ruleCount: number): AccessData {
  const rules: AccessRule[] = [rule(0, '^/', true)];
  for (let i = 1; i < ruleCount; i += 1) {
    const project = `^/projects/p${String(i % 100)}`;
    const path =
      i % 4 === 0
        ? project
        : i % 4 === 1
          ? `${project}/environments/e${String(i % 10)}`
          : i % 4 === 2
            ? `${project}/environments/(e1|e2)/properties`
            : `${project}/.*/changes`;
    rules.push(rule(i, path, i % 7 !== 0));
  }
  const policies: AccessPolicy[] = Array.from({ length: 20 }, (_, p) => ({
    id: `p${String(p)}`,
    name: `policy ${String(p)}`,
    system: false,
    // Every policy holds the read-everything rule, so the other rules refine a readable tree.
    ruleIds: ['r0', ...rules.filter((_r, index) => index > 0 && index % 20 === p).map((r) => r.id)],
    assignments: [
      p % 2 === 0
        ? { id: `a${String(p)}`, username: `user${String(p % USERS)}`, groupname: null }
        : { id: `a${String(p)}`, username: null, groupname: `group${String(p % 3)}` },
    ],
  }));
  return { rules, policies };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const paths = nodePaths(PATHS);
const before = accessData(RULES);
const users = Array.from({ length: USERS }, (_, i) => ({
  username: `user${String(i)}`,
  groups: [`group${String(i % 3)}`],
}));

const explainTimes: number[] = [];
for (let round = 0; round < 50; round += 1) {
  const path = `${paths[(round * 997) % paths.length] ?? '/projects/p0'}/properties`;
  const start = performance.now();
  explainAccess(before, { kind: 'user', username: 'user1', groups: ['group1'] }, path);
  explainTimes.push(performance.now() - start);
}

// The edit previewed: policy 1 (one of group1's) loses its assignment.
const after: AccessData = {
  ...before,
  policies: before.policies.map((p) => (p.id === 'p1' ? { ...p, assignments: [] } : p)),
};
const impactTimes: number[] = [];
let lines = 0;
for (let round = 0; round < 3; round += 1) {
  const start = performance.now();
  lines = summariseImpact(accessChanges(before, after, users, paths)).length;
  impactTimes.push(performance.now() - start);
}

const explainMs = median(explainTimes);
const impactMs = median(impactTimes);
console.log(`Access explainer: ${String(RULES)} rules, ${String(paths.length)} node paths`);
console.log(
  `  explainAccess (read, update, execute with reasons): median ${explainMs.toFixed(2)} ms (budget ${String(EXPLAIN_BUDGET_MS)} ms)${explainMs > EXPLAIN_BUDGET_MS ? ' OVER BUDGET' : ''}`,
);
console.log(
  `  impact preview, ${String(USERS)} users × ${String(paths.length)} paths × 4 checks: median ${impactMs.toFixed(0)} ms, ${String(lines)} impact lines (budget ${String(IMPACT_BUDGET_MS)} ms)${impactMs > IMPACT_BUDGET_MS ? ' OVER BUDGET' : ''}`,
);
