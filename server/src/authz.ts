// The rule-path guard of the emulator: rule paths are regular expressions run by JavaScript's backtracking
// engine against every node path a request touches, so dangerous shapes are refused when a rule is saved.
// The decision itself (ranking, ties, read on every prefix) is shared with the console: `contract/authz.ts`.

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
