import type { Db } from './db/database.ts';

export type Permission = 'read' | 'update' | 'execute';

interface CompiledRule {
  regex: RegExp;
  pathLength: number;
  system: boolean;
  /** 0 user-assigned, 1 group-assigned, 2 everyone. */
  assignee: 0 | 1 | 2;
  readable: boolean;
  updatable: boolean;
  executable: boolean;
}

interface RuleRow {
  path: string;
  readable: number;
  updatable: number;
  executable: number;
  rule_system: number;
  policy_system: number;
  username: string | null;
  groupname: string | null;
}

const MAX_RULE_PATH = 500;

/**
 * Rule paths are regular expressions written for PostgreSQL. We run them with JavaScript's backtracking
 * engine, so refuse the shapes that can take exponential time: a quantified group that itself contains a
 * quantifier (`(a+)+`, `(a|a*)*`), and back-references. Returns a reason, or null when the pattern is safe.
 */
export function unsafeRulePathReason(path: string): string | null {
  if (path.length > MAX_RULE_PATH) return `is too long (maximum is ${String(MAX_RULE_PATH)} characters)`;
  try {
    new RegExp(path);
  } catch {
    return 'is not a valid regular expression';
  }
  if (/\\[1-9]/.test(path)) return 'must not use back-references';
  // Walk groups: a group containing a quantifier, followed by a quantifier, is a nested quantifier.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    if (ch === '(') stack.push(false);
    else if (ch === ')') {
      const hadQuantifier = stack.pop() ?? false;
      const next = path[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || (next === '?' && hadQuantifier);
      if (hadQuantifier && quantified && next !== '?') return 'must not nest quantifiers (for example "(a+)+")';
      if (hadQuantifier && stack.length > 0) stack[stack.length - 1] = true;
    } else if ((ch === '*' || ch === '+' || ch === '{') && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
  }
  return null;
}

/** OpsChain stores rule paths anchored: `^` is prefixed when missing (and the empty path matches all). */
export function normaliseRulePath(path: string): string {
  if (path === '' || path.startsWith('^')) return path;
  return `^${path}`;
}

function compile(row: RuleRow): CompiledRule | null {
  let regex: RegExp;
  try {
    regex = new RegExp(row.path);
  } catch {
    return null;
  }
  const assignee: 0 | 1 | 2 = row.username !== null ? 0 : row.groupname !== null ? 1 : 2;
  return {
    regex,
    pathLength: row.path.length,
    system: row.rule_system === 1 || row.policy_system === 1,
    assignee,
    readable: row.readable === 1,
    updatable: row.updatable === 1,
    executable: row.executable === 1,
  };
}

/**
 * The caller's rules, evaluated as the domain brief (§5.2) recommends: among the rules that match a path,
 * the top-ranked (system first, then longer path, then user before group before everyone) decide, and a
 * tie is denied if any of them denies. No match means no access.
 */
export class Authorizer {
  readonly username: string;
  readonly groups: readonly string[];
  private readonly rules: CompiledRule[];
  private readonly cache = new Map<string, boolean>();

  constructor(username: string, groups: readonly string[], rules: CompiledRule[]) {
    this.username = username;
    this.groups = groups;
    this.rules = rules;
  }

  static load(db: Db, username: string, groups: readonly string[]): Authorizer {
    const groupList = JSON.stringify(groups);
    const rows = db
      .prepare(
        `SELECT r.path, r.readable, r.updatable, r.executable, r.system AS rule_system,
                p.system AS policy_system, a.username, a.groupname
           FROM policy_assignments a
           JOIN authorisation_policies p ON p.id = a.policy_id
           JOIN policy_rules pr ON pr.policy_id = a.policy_id
           JOIN authorisation_rules r ON r.id = pr.rule_id
          WHERE (a.username IS NULL OR a.username = ?)
            AND (a.groupname IS NULL OR a.groupname IN (SELECT value FROM json_each(?)))`,
      )
      .all(username, groupList) as RuleRow[];
    const compiled = rows.map(compile).filter((r): r is CompiledRule => r !== null);
    return new Authorizer(username, groups, compiled);
  }

  /** Decision of the top-ranked rules matching `path` alone (no ancestor check). */
  decide(path: string, perm: Permission): boolean {
    const key = `${perm}\u0000${path}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let best: CompiledRule[] = [];
    let bestKey: [number, number, number] | null = null;
    for (const rule of this.rules) {
      if (!rule.regex.test(path)) continue;
      const k: [number, number, number] = [rule.system ? 0 : 1, -rule.pathLength, rule.assignee];
      const cmp = bestKey === null ? -1 : compareKeys(k, bestKey);
      if (cmp < 0) {
        best = [rule];
        bestKey = k;
      } else if (cmp === 0) best.push(rule);
    }
    const allowed =
      best.length > 0 &&
      best.every((r) => (perm === 'read' ? r.readable : perm === 'update' ? r.updatable : r.executable));
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, allowed);
    return allowed;
  }

  /** A node is readable when every prefix of its OpsChain path is readable. */
  canRead(nodePath: string): boolean {
    for (const prefix of nodePrefixes(nodePath)) {
      if (!this.decide(prefix, 'read')) return false;
    }
    return true;
  }

  /** `sub` is a checked sub-path such as `/properties`, `/changes` or `''` for the node itself. */
  may(nodePath: string, sub: string, perm: Permission): boolean {
    if (!this.canRead(nodePath)) return false;
    return this.decide(nodePath + sub, perm);
  }
}

function compareKeys(a: [number, number, number], b: [number, number, number]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `/projects/a/environments/b` → [`/projects/a`, `/projects/a/environments/b`]. */
export function nodePrefixes(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  const out: string[] = [];
  for (let i = 2; i <= parts.length; i += 2) out.push(`/${parts.slice(0, i).join('/')}`);
  return out;
}
