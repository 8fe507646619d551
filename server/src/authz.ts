// The authorisation engine (domain §5.2): which rules apply to a caller, and what they decide for a path.
// Pure: it is given the caller's rules as data (the store loads them, see `loadRuleGrants`) and imports
// nothing, so the console's security explainer can share it later. `explain` returns the reasons: every
// matching rule ranked, the winners, and (for read) the ancestor path that denied.

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

const MAX_RULE_PATH = 500;

/**
 * Rule paths are regular expressions written for PostgreSQL, whose engine does not backtrack. We run them with
 * JavaScript's backtracking engine against every node path a request touches, so a careless pattern such as
 * `(a+)+$` or `(.*)*` could hang the emulator. The guard parses the pattern and accepts only shapes whose
 * matching time stays polynomial and small (see `AMBIGUITY_BUDGET`):
 * - a repeated group must be matchable one way only: each alternative starts with its own literal character
 *   and every open-ended repetition inside it stops at a character it cannot match (the docs' pattern for
 *   "changes at any depth", a repeated `(/[^/]+/[^/]+)` group, qualifies), or the group has a fixed length;
 * - elsewhere, each repetition that could hand characters to what follows it is an "ambiguous point"; a few
 *   are harmless (`^.*dev.*`), many multiply (`.*.*.*.*x` takes hours on a 300-character path);
 * - back-references are refused (they are not regular), and lookarounds may not repeat anything.
 * Returns a reason (completing "Path …"), or null when the pattern is safe to run.
 */
export function unsafeRulePathReason(path: string): string | null {
  if (path.length > MAX_RULE_PATH) return `is too long (maximum is ${String(MAX_RULE_PATH)} characters)`;
  try {
    new RegExp(path);
  } catch {
    return 'is not a valid regular expression';
  }
  try {
    const root = new PatternParser(path).parse();
    const state = { ambiguity: anchored(root) ? 0 : 1 };
    walkAlternatives(root, END_ONLY, false, state);
    if (state.ambiguity > AMBIGUITY_BUDGET) {
      return 'has too many open-ended repetitions that can match the same text (for example ".*.*.*x"); it could take too long to match';
    }
    return null;
  } catch (error) {
    if (error instanceof UnsafePattern) return error.reason;
    throw error;
  }
}

/**
 * Each ambiguous point multiplies the worst-case matching work by up to the path's length: with 2, a
 * 400-character path is matched in well under a millisecond; with 3 it takes tens of milliseconds per rule and
 * path (measured on Node 20), which a list of hundreds of nodes would feel.
 */
const AMBIGUITY_BUDGET = 2;

class UnsafePattern extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

const NESTED_REPETITION =
  'must not repeat a group that can match the same text in more than one way (for example "(a+)+" or "(.*)*")';

/** A single-character matcher: a literal, a class, `.` or an escape such as `\d`. */
interface CharNode {
  kind: 'char';
  test: (c: string) => boolean;
  /** The one character matched, when the atom is a plain literal; null for classes. */
  literal: string | null;
}
interface GroupNode {
  kind: 'group';
  alternatives: Item[][];
  lookaround: boolean;
}
/** Zero-width `^`, `$`, `\b` or `\B`; after `$` nothing more can be consumed. */
interface AssertNode {
  kind: 'assert';
  which: 'start' | 'end' | 'boundary';
}
type PatternNode = CharNode | GroupNode | AssertNode;

interface Item {
  node: PatternNode;
  min: number;
  max: number;
}

/** Characters that may come next (`end`: or the end of the text); null when they cannot be told. */
type Follow = { chars: ReadonlySet<string>; end: boolean } | null;

const END_ONLY: Follow = { chars: new Set(), end: true };

function charTester(source: string): (c: string) => boolean {
  const re = new RegExp(`^(?:${source})$`);
  return (c) => re.test(c);
}

/**
 * A parser for the patterns `new RegExp(path)` accepts (no flags, so Annex B syntax: a `{` that does not start
 * a quantifier is a literal). Only the structure matters here; character sets are tested with RegExp itself.
 */
class PatternParser {
  private pos = 0;
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  parse(): Item[][] {
    const alternatives = this.alternatives();
    if (this.pos < this.src.length) throw new UnsafePattern('is not a valid regular expression');
    return alternatives;
  }

  private alternatives(): Item[][] {
    const out: Item[][] = [[]];
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === ')') break;
      if (ch === '|') {
        this.pos++;
        out.push([]);
        continue;
      }
      const node = this.atom();
      const { min, max } = this.quantifier();
      out[out.length - 1]?.push({ node, min, max });
    }
    return out;
  }

  private atom(): PatternNode {
    const ch = this.src.charAt(this.pos);
    if (ch === '^' || ch === '$') {
      this.pos++;
      return { kind: 'assert', which: ch === '$' ? 'end' : 'start' };
    }
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    if (ch === '.') {
      this.pos++;
      return { kind: 'char', test: charTester('.'), literal: null };
    }
    if (ch === '\\') return this.escape();
    this.pos++;
    return { kind: 'char', test: (c) => c === ch, literal: ch };
  }

  private group(): GroupNode {
    this.pos++;
    let lookaround = false;
    const rest = this.src.slice(this.pos);
    if (rest.startsWith('?:')) this.pos += 2;
    else if (rest.startsWith('?=') || rest.startsWith('?!')) {
      lookaround = true;
      this.pos += 2;
    } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
      lookaround = true;
      this.pos += 3;
    } else if (rest.startsWith('?<')) {
      const close = this.src.indexOf('>', this.pos);
      if (close < 0) throw new UnsafePattern('is not a valid regular expression');
      this.pos = close + 1;
    }
    const alternatives = this.alternatives();
    if (this.src[this.pos] !== ')') throw new UnsafePattern('is not a valid regular expression');
    this.pos++;
    return { kind: 'group', alternatives, lookaround };
  }

  private charClass(): CharNode {
    const start = this.pos;
    let i = this.pos + 1;
    if (this.src[i] === '^') i++;
    // In JavaScript `[]` is an empty class and `[^]` any character: a `]` right after `[` or `[^` closes it.
    while (i < this.src.length && this.src[i] !== ']') i += this.src[i] === '\\' ? 2 : 1;
    this.pos = i + 1;
    const source = this.src.slice(start, this.pos);
    if (/\\[1-9]/.test(source)) throw new UnsafePattern('must not use back-references');
    return { kind: 'char', test: charTester(source), literal: null };
  }

  private escape(): PatternNode {
    const next = this.src.charAt(this.pos + 1);
    if (/[1-9]/.test(next) || (next === 'k' && this.src[this.pos + 2] === '<')) {
      throw new UnsafePattern('must not use back-references');
    }
    if (next === 'b' || next === 'B') {
      this.pos += 2;
      return { kind: 'assert', which: 'boundary' };
    }
    const length = escapeLength(this.src, this.pos);
    const source = this.src.slice(this.pos, this.pos + length);
    this.pos += length;
    // `\/`, `\.`… stand for the character itself; letters and digits name classes or control characters.
    const literal = /^[A-Za-z0-9]$/.test(next) ? null : next;
    return { kind: 'char', test: literal === null ? charTester(source) : (c) => c === literal, literal };
  }

  private quantifier(): { min: number; max: number } {
    const ch = this.src[this.pos];
    let bounds: { min: number; max: number } | null = null;
    if (ch === '*') bounds = { min: 0, max: Infinity };
    else if (ch === '+') bounds = { min: 1, max: Infinity };
    else if (ch === '?') bounds = { min: 0, max: 1 };
    if (bounds) this.pos++;
    else if (ch === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (match) {
        const min = Number(match[1]);
        const max =
          match[2] === undefined
            ? min
            : match[3] === '' || match[3] === undefined
              ? Infinity
              : Number(match[3]);
        bounds = { min, max };
        this.pos += match[0].length;
      }
    }
    if (!bounds) return { min: 1, max: 1 };
    if (this.src[this.pos] === '?') this.pos++; // lazy: the same set of ways to match
    return bounds;
  }
}

/** Length of the escape sequence at `pos` (`\x41`, `\u0041`, `\cJ`, or a backslash and one character). */
function escapeLength(src: string, pos: number): number {
  const next = src.charAt(pos + 1);
  if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(src.slice(pos + 2, pos + 4))) return 4;
  if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(src.slice(pos + 2, pos + 6))) return 6;
  if (next === 'c' && /^[A-Za-z]$/.test(src.charAt(pos + 2))) return 3;
  return 2;
}

function union(a: Follow, b: Follow): Follow {
  if (a === null || b === null) return null;
  return { chars: new Set([...a.chars, ...b.chars]), end: a.end || b.end };
}

/** What the text must continue with at `items[from]`, given `follow` after the sequence. */
function firstOf(items: readonly Item[], from: number, follow: Follow): Follow {
  const item = items[from];
  if (item === undefined) return follow;
  const { node } = item;
  if (node.kind === 'assert') return node.which === 'end' ? END_ONLY : firstOf(items, from + 1, follow);
  if (node.kind === 'char') {
    const own = literalFollow(node);
    return item.min === 0 ? union(own, firstOf(items, from + 1, follow)) : own;
  }
  // Computed once and shared by the alternatives, so nested groups cost linear, not exponential, time.
  const after = firstOf(items, from + 1, follow);
  if (node.lookaround) return after;
  const own = groupFirst(node, after);
  return item.min === 0 ? union(own, after) : own;
}

function literalFollow(node: CharNode): Follow {
  return node.literal === null ? null : { chars: new Set([node.literal]), end: false };
}

function groupFirst(node: GroupNode, after: Follow): Follow {
  let out: Follow = { chars: new Set(), end: false };
  for (const alternative of node.alternatives) out = union(out, firstOf(alternative, 0, after));
  return out;
}

/** A repetition is delimited when the text after it must start with a character it cannot match. */
function delimited(test: (c: string) => boolean, next: Follow): boolean {
  return next !== null && ![...next.chars].some(test);
}

/** The literal each alternative starts with, when all do and they differ (the branch taken is then certain). */
function distinctLeadingLiterals(alternatives: readonly (readonly Item[])[]): Set<string> | null {
  const leads = new Set<string>();
  for (const alternative of alternatives) {
    const first = alternative.find((item) => item.node.kind !== 'assert');
    if (first?.node.kind !== 'char' || first.node.literal === null || first.min !== 1 || first.max !== 1)
      return null;
    if (leads.has(first.node.literal)) return null;
    leads.add(first.node.literal);
  }
  return leads;
}

/** No alternation and no variable repetition anywhere inside: every match has the same length. */
function fixedLength(items: readonly Item[]): boolean {
  return items.every(
    (item) =>
      item.min === item.max &&
      (item.node.kind !== 'group' ||
        (item.node.alternatives.length === 1 && fixedLength(item.node.alternatives[0] ?? []))),
  );
}

function repeatsAnything(items: readonly Item[]): boolean {
  return items.some(
    (item) =>
      item.min !== item.max || (item.node.kind === 'group' && item.node.alternatives.some(repeatsAnything)),
  );
}

function anchored(root: readonly Item[][]): boolean {
  return root.every((alternative) => {
    const first = alternative[0]?.node;
    return first?.kind === 'assert' && first.which === 'start';
  });
}

function walkAlternatives(
  alternatives: readonly Item[][],
  follow: Follow,
  inRepeat: boolean,
  state: { ambiguity: number },
): void {
  if (alternatives.length > 1 && distinctLeadingLiterals(alternatives) === null) {
    if (inRepeat) throw new UnsafePattern(NESTED_REPETITION);
    state.ambiguity++;
  }
  for (const alternative of alternatives) walkSequence(alternative, follow, inRepeat, state);
}

/**
 * Counts the ambiguous points of a sequence. Inside a repeated group (`inRepeat`) any ambiguity repeats with
 * every iteration, which is exponential, so it is refused outright.
 */
function walkSequence(
  items: readonly Item[],
  follow: Follow,
  inRepeat: boolean,
  state: { ambiguity: number },
): void {
  items.forEach((item, index) => {
    const { node } = item;
    if (node.kind === 'assert') return;
    const next = firstOf(items, index + 1, follow);
    if (node.kind === 'group' && node.lookaround) {
      if (node.alternatives.some(repeatsAnything))
        throw new UnsafePattern('must not repeat anything inside a lookaround');
      return;
    }
    if (node.kind === 'char') {
      if (item.min !== item.max && !delimited(node.test, next)) {
        if (inRepeat) throw new UnsafePattern(NESTED_REPETITION);
        state.ambiguity++;
      }
      return;
    }
    if (item.max > 1) {
      walkRepeatedGroup(node, next, inRepeat, state);
      return;
    }
    if (item.min === 0) {
      // An optional group is ambiguous when the text after it could also start the way the group does.
      const own = groupFirst(node, next);
      const disjoint = own !== null && next !== null && ![...own.chars].some((c) => next.chars.has(c));
      if (!disjoint) {
        if (inRepeat) throw new UnsafePattern(NESTED_REPETITION);
        state.ambiguity++;
      }
    }
    walkAlternatives(node.alternatives, next, inRepeat, state);
  });
}

function walkRepeatedGroup(
  node: GroupNode,
  next: Follow,
  inRepeat: boolean,
  state: { ambiguity: number },
): void {
  if (inRepeat) throw new UnsafePattern(NESTED_REPETITION);
  const leads = distinctLeadingLiterals(node.alternatives);
  if (leads !== null) {
    // Inside, each iteration is followed by the next one, which starts with one of the leading literals.
    const iteration: Follow = { chars: leads, end: false };
    for (const alternative of node.alternatives) walkSequence(alternative, iteration, true, state);
  } else if (node.alternatives.length !== 1 || !fixedLength(node.alternatives[0] ?? [])) {
    throw new UnsafePattern(NESTED_REPETITION);
  }
  // Where the repetition stops (and how much of its last iteration it keeps) is one more choice.
  if (!(next !== null && next.end && next.chars.size === 0)) state.ambiguity++;
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
