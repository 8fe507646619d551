import { normaliseRulePath } from '@contract/authz';
import { authorizerFor, type AccessData, type ImpactUser } from './access-model';

// The rule editor's live tester and lockout check: pure, so the dialog only renders their answers.

/** The checked sub-paths below each node that a rule may target (domain §5.4). */
export const TESTED_SUB_PATHS = ['', '/changes', '/properties', '/settings'] as const;

export type RulePathCheck = { pattern: RegExp; error: null } | { pattern: null; error: string };

/** The rule path as the server stores it (`^` added) compiled, or why it does not compile. */
export function compileRulePath(path: string): RulePathCheck {
  try {
    return { pattern: new RegExp(normaliseRulePath(path)), error: null };
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return { pattern: null, error: `Not a valid regular expression${detail === '' ? '' : `: ${detail}`}` };
  }
}

/**
 * The action names a rule path spells out after `/actions/` (`…/actions/deploy`, `…/actions/(deploy|build)`),
 * so the tester can try `/actions/<name>` below each node: actions belong to template versions, which the
 * tester does not load, so it tries the names the rule itself is about.
 */
export function actionNamesIn(path: string): string[] {
  const names = new Set<string>();
  for (const match of path.matchAll(/\/actions\/\(?((?:[\w-]+\|)*[\w-]+)\)?/g)) {
    for (const name of (match[1] ?? '').split('|')) if (name !== '') names.add(name);
  }
  return [...names];
}

export interface RuleTestResult {
  /** The first `limit` matching paths, in node order. */
  shown: string[];
  /** How many paths match in all. */
  total: number;
  /** How many paths were tried. */
  tried: number;
}

/**
 * Which of the paths a rule applies to match it: each node, its checked sub-paths and its actions
 * (`/actions/<name>`, for the action names given).
 */
export function testRulePath(
  pattern: RegExp,
  nodePaths: readonly string[],
  actionNames: readonly string[] = [],
  limit = 50,
): RuleTestResult {
  const subPaths = [...TESTED_SUB_PATHS, ...actionNames.map((name) => `/actions/${name}`)];
  const shown: string[] = [];
  let total = 0;
  let tried = 0;
  for (const node of nodePaths) {
    for (const sub of subPaths) {
      tried += 1;
      const path = node + sub;
      if (!pattern.test(path)) continue;
      total += 1;
      if (shown.length < limit) shown.push(path);
    }
  }
  return { shown, total, tried };
}

/** The security pages' own paths: losing read on them hides the section. */
export const SECURITY_PATHS = ['/authorisation_policies', '/authorisation_rules'] as const;

/**
 * The security paths the user may read before the change but not after it: a non-empty answer means saving
 * locks them out of these pages (and out of undoing the change).
 */
export function lockoutPaths(before: AccessData, after: AccessData, user: ImpactUser): string[] {
  const principal = { kind: 'user', username: user.username, groups: user.groups } as const;
  const was = authorizerFor(before, principal);
  const will = authorizerFor(after, principal);
  return SECURITY_PATHS.filter((path) => was.decide(path, 'read') && !will.decide(path, 'read'));
}
