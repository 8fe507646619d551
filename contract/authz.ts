// The authorisation decision (domain §5.2), shared by the emulator and the console: which rules apply to
// a caller, and what they decide for a path. Pure: it is given the caller's rules as data (the emulator's
// store loads them; the console builds them from the rules, policies and assignments the API lists) and
// imports nothing. `explain` returns the reasons: every matching rule ranked, the winners, and (for read)
// the ancestor path that denied.

export type Permission = 'read' | 'update' | 'execute';

/** Who a policy is assigned to, from the most specific to the least. */
export type AssigneeKind = 'user' | 'group' | 'everyone';

/** One rule as it reaches the caller: through one policy, by one of its assignments. */
export interface RuleGrant {
  ruleId: string;
  /** Null for an unnamed (inline) rule. */
  ruleName: string | null;
  /** The rule's regular expression, as stored (`^`-anchored). */
  path: string;
  readable: boolean;
  updatable: boolean;
  executable: boolean;
  /** The rule itself is a system rule. */
  ruleSystem: boolean;
  policyId: string;
  policyName: string;
  /** The policy is a system policy: its rules outrank every other. */
  policySystem: boolean;
  assignmentId: string;
  /** The assignment's username (null: not a user assignment). */
  username: string | null;
  /** The assignment's group name (null: not a group assignment). */
  groupname: string | null;
}

/** How a matching rule ranks; lower sorts first: system, then longer path, then user › group › everyone. */
export interface RuleRank {
  system: boolean;
  pathLength: number;
  assignee: AssigneeKind;
}

/** A rule that matched the path, with its rank and what it says about the permission asked for. */
export interface RankedRule {
  grant: RuleGrant;
  rank: RuleRank;
  allows: boolean;
}

/**
 * Why a path is or is not permitted:
 * - `no-matching-rule`: no rule of the caller matches, so no access;
 * - `allowed`: every top-ranked rule allows;
 * - `denied-by-top-rule`: a top-ranked rule denies (equal ranks that disagree deny).
 */
export type DecisionReason = 'no-matching-rule' | 'allowed' | 'denied-by-top-rule';

export interface Decision {
  path: string;
  permission: Permission;
  allowed: boolean;
  reason: DecisionReason;
  /** Every matching rule, best first (ties keep the order of the caller's rules). */
  ranking: RankedRule[];
  /** The top-ranked rules: they decide. */
  winners: RankedRule[];
}

/** Why a node is or is not readable: reading needs read on each prefix of its path (project first). */
export interface ReadDecision {
  nodePath: string;
  allowed: boolean;
  /** The decision for each prefix, project first, up to the first that denied. */
  prefixes: Decision[];
  /** The prefix (the node or an ancestor) that denied, or null when readable. */
  deniedAt: string | null;
}

/** OpsChain stores rule paths anchored: `^` is prefixed when missing (and the empty path matches all). */
export function normaliseRulePath(path: string): string {
  if (path === '' || path.startsWith('^')) return path;
  return `^${path}`;
}

interface CompiledRule {
  grant: RuleGrant;
  regex: RegExp;
  /** The sort key of `RuleRank`: [0 system | 1, -path length, 0 user | 1 group | 2 everyone]. */
  key: RankKey;
  rank: RuleRank;
}

type RankKey = readonly [number, number, number];

const ASSIGNEE_ORDER: Record<AssigneeKind, number> = { user: 0, group: 1, everyone: 2 };

function assigneeOf(grant: RuleGrant): AssigneeKind {
  if (grant.username !== null) return 'user';
  return grant.groupname !== null ? 'group' : 'everyone';
}

/** A rule whose path is not a valid regular expression matches nothing (the store refuses such paths anyway). */
function compile(grant: RuleGrant): CompiledRule | null {
  let regex: RegExp;
  try {
    regex = new RegExp(grant.path);
  } catch {
    return null;
  }
  const rank: RuleRank = {
    system: grant.ruleSystem || grant.policySystem,
    pathLength: grant.path.length,
    assignee: assigneeOf(grant),
  };
  return { grant, regex, rank, key: [rank.system ? 0 : 1, -rank.pathLength, ASSIGNEE_ORDER[rank.assignee]] };
}

function permits(grant: RuleGrant, perm: Permission): boolean {
  return perm === 'read' ? grant.readable : perm === 'update' ? grant.updatable : grant.executable;
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
  /** canRead by node path: a list of 10,000 nodes asks it a dozen times per node. */
  private readonly readCache = new Map<string, boolean>();

  constructor(username: string, groups: readonly string[], grants: readonly RuleGrant[]) {
    this.username = username;
    this.groups = groups;
    this.rules = grants.map(compile).filter((rule): rule is CompiledRule => rule !== null);
  }

  /**
   * Decision of the top-ranked rules matching `path` alone (no ancestor check). The hot path: it keeps only
   * the current best rules; `explain` gives the same answer with its reasons.
   */
  decide(path: string, perm: Permission): boolean {
    const key = `${perm}\u0000${path}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let best: CompiledRule[] = [];
    let bestKey: RankKey | null = null;
    for (const rule of this.rules) {
      if (!rule.regex.test(path)) continue;
      const cmp = bestKey === null ? -1 : compareKeys(rule.key, bestKey);
      if (cmp < 0) {
        best = [rule];
        bestKey = rule.key;
      } else if (cmp === 0) best.push(rule);
    }
    const allowed = best.length > 0 && best.every((rule) => permits(rule.grant, perm));
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, allowed);
    return allowed;
  }

  /** `decide` with its reasons: every matching rule ranked, the winners, and why. Not cached. */
  explain(path: string, perm: Permission): Decision {
    const ranking = this.rules
      .filter((rule) => rule.regex.test(path))
      // Array.prototype.sort is stable: equal ranks keep the caller's rule order.
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((rule) => ({
        rule,
        ranked: { grant: rule.grant, rank: rule.rank, allows: permits(rule.grant, perm) },
      }));
    const top = ranking[0];
    const winners =
      top === undefined
        ? []
        : ranking.filter(({ rule }) => compareKeys(rule.key, top.rule.key) === 0).map(({ ranked }) => ranked);
    const allowed = winners.length > 0 && winners.every((winner) => winner.allows);
    return {
      path,
      permission: perm,
      allowed,
      reason: winners.length === 0 ? 'no-matching-rule' : allowed ? 'allowed' : 'denied-by-top-rule',
      ranking: ranking.map(({ ranked }) => ranked),
      winners,
    };
  }

  /** A node is readable when every prefix of its OpsChain path is readable. */
  canRead(nodePath: string): boolean {
    const cached = this.readCache.get(nodePath);
    if (cached !== undefined) return cached;
    const readable = nodePrefixes(nodePath).every((prefix) => this.decide(prefix, 'read'));
    if (this.readCache.size > 50_000) this.readCache.clear();
    this.readCache.set(nodePath, readable);
    return readable;
  }

  /** `canRead` with its reasons: the decision for each prefix, and the one that denied. */
  explainRead(nodePath: string): ReadDecision {
    const prefixes: Decision[] = [];
    for (const prefix of nodePrefixes(nodePath)) {
      const decision = this.explain(prefix, 'read');
      prefixes.push(decision);
      if (!decision.allowed) return { nodePath, allowed: false, prefixes, deniedAt: prefix };
    }
    return { nodePath, allowed: true, prefixes, deniedAt: null };
  }

  /** `sub` is a checked sub-path such as `/properties`, `/changes` or `''` for the node itself. */
  may(nodePath: string, sub: string, perm: Permission): boolean {
    if (!this.canRead(nodePath)) return false;
    return this.decide(nodePath + sub, perm);
  }
}

function compareKeys(a: RankKey, b: RankKey): number {
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
