import {
  Authorizer,
  nodePrefixes,
  type Decision,
  type Permission,
  type ReadDecision,
  type RuleGrant,
} from '@contract/authz';

// "What can this principal do here, and why" (domain §5), computed in the browser from the rules, policies
// and assignments the API lists. The ranking itself is `contract/authz.ts`, the very code the emulator
// decides with; this module turns the API's objects into the grants a principal holds, splits typed paths
// into node and checked sub-path, and compares two sets of objects (the impact of an edit before saving).

export const PERMISSIONS = ['read', 'update', 'execute'] as const satisfies readonly Permission[];

export interface AccessRule {
  id: string;
  name: string | null;
  path: string;
  readable: boolean;
  updatable: boolean;
  executable: boolean;
  system: boolean;
}

export interface AccessAssignment {
  id: string;
  username: string | null;
  groupname: string | null;
}

export interface AccessPolicy {
  id: string;
  name: string;
  system: boolean;
  ruleIds: readonly string[];
  assignments: readonly AccessAssignment[];
}

/** Everything the decision depends on, as the API lists it. */
export interface AccessData {
  rules: readonly AccessRule[];
  policies: readonly AccessPolicy[];
}

/** Whose access is asked about: a user (with their groups), any member of one group, or everyone. */
export type Principal =
  | { kind: 'user'; username: string; groups: readonly string[] }
  | { kind: 'group'; groupname: string }
  | { kind: 'everyone' };

export function principalLabel(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return principal.username;
    case 'group':
      return `members of group ${principal.groupname}`;
    case 'everyone':
      return 'everyone';
  }
}

/**
 * Whether an assignment reaches the principal: a username reaches that user; a group name its members; both
 * null everyone; both set that user while in that group (the docs' reading). For a group principal only
 * assignments to that group or to everyone count (a member may hold more through their own assignments).
 */
export function assignmentApplies(assignment: AccessAssignment, principal: Principal): boolean {
  const { username, groupname } = assignment;
  switch (principal.kind) {
    case 'user':
      return (
        (username === null || username === principal.username) &&
        (groupname === null || principal.groups.includes(groupname))
      );
    case 'group':
      return username === null && (groupname === null || groupname === principal.groupname);
    case 'everyone':
      return username === null && groupname === null;
  }
}

/** A policy that reaches a principal, and through which of its assignments. */
export interface PolicyReach {
  policyId: string;
  policyName: string;
  system: boolean;
  ruleCount: number;
  /** How each assignment that applies reaches the principal: "directly", "through group ops", "everyone". */
  via: readonly string[];
}

function viaText(assignment: AccessAssignment): string {
  const { username, groupname } = assignment;
  if (username !== null && groupname !== null) return `directly, while in group ${groupname}`;
  if (username !== null) return 'directly';
  if (groupname !== null) return `through group ${groupname}`;
  return 'as everyone';
}

/** The policies whose assignments reach the principal, in the API's order, with how each reaches them. */
export function policiesReaching(data: AccessData, principal: Principal): PolicyReach[] {
  return data.policies.flatMap((policy) => {
    const via = policy.assignments
      .filter((assignment) => assignmentApplies(assignment, principal))
      .map(viaText);
    return via.length === 0
      ? []
      : [
          {
            policyId: policy.id,
            policyName: policy.name,
            system: policy.system,
            ruleCount: policy.ruleIds.length,
            via: [...new Set(via)],
          },
        ];
  });
}

/** The grants (rule × policy × assignment) that reach the principal, in the API's order. */
export function grantsFor(data: AccessData, principal: Principal): RuleGrant[] {
  const rulesById = new Map(data.rules.map((rule) => [rule.id, rule]));
  const grants: RuleGrant[] = [];
  for (const policy of data.policies) {
    for (const assignment of policy.assignments) {
      if (!assignmentApplies(assignment, principal)) continue;
      for (const ruleId of policy.ruleIds) {
        const rule = rulesById.get(ruleId);
        if (rule === undefined) continue;
        grants.push({
          ruleId: rule.id,
          ruleName: rule.name === '' ? null : rule.name,
          path: rule.path,
          readable: rule.readable,
          updatable: rule.updatable,
          executable: rule.executable,
          ruleSystem: rule.system,
          policyId: policy.id,
          policyName: policy.name,
          policySystem: policy.system,
          assignmentId: assignment.id,
          username: assignment.username,
          groupname: assignment.groupname,
        });
      }
    }
  }
  return grants;
}

export function authorizerFor(data: AccessData, principal: Principal): Authorizer {
  const username = principal.kind === 'user' ? principal.username : '';
  const groups =
    principal.kind === 'user' ? principal.groups : principal.kind === 'group' ? [principal.groupname] : [];
  return new Authorizer(username, groups, grantsFor(data, principal));
}

/** A typed path split into the node it names and the checked sub-path below it (`/properties`, ''). */
export interface SplitPath {
  nodePath: string;
  subPath: string;
}

const NODE_SEGMENTS = new Set(['projects', 'environments', 'assets']);

/**
 * `/projects/bank/environments/dev/properties` → node `/projects/bank/environments/dev`, sub-path
 * `/properties`. Paths outside the node tree (`/authorisation_rules`) have no node: the sub-path is all.
 */
export function splitPath(path: string): SplitPath {
  const trimmed = path.trim().replace(/\/+$/, '');
  const segments = trimmed.split('/').filter((segment) => segment !== '');
  let nodeEnd = 0;
  while (
    nodeEnd + 1 < segments.length &&
    NODE_SEGMENTS.has(segments[nodeEnd] ?? '') &&
    (nodeEnd > 0 || segments[0] === 'projects')
  ) {
    nodeEnd += 2;
  }
  const nodePath = nodeEnd === 0 ? '' : `/${segments.slice(0, nodeEnd).join('/')}`;
  const rest = segments.slice(nodeEnd);
  return { nodePath, subPath: rest.length === 0 ? '' : `/${rest.join('/')}` };
}

export interface PermissionAnswer {
  permission: Permission;
  allowed: boolean;
  /** The decision at the asked path itself (for read of a node: its own path). */
  decision: Decision;
  /** For a path below or at a node: reading the node needs read on every prefix; this says which denied. */
  nodeRead: ReadDecision | null;
  /** Plain words: why. */
  summary: string;
}

export interface AccessAnswer {
  principal: Principal;
  path: string;
  split: SplitPath;
  answers: PermissionAnswer[];
}

function ruleLabel(decision: Decision): string {
  const names = decision.winners.map((winner) => {
    const name = winner.grant.ruleName ?? `unnamed rule ${winner.grant.path || '(matches everything)'}`;
    return `“${name}” of policy “${winner.grant.policyName}”`;
  });
  return names.join(' and ');
}

function summarise(answer: Omit<PermissionAnswer, 'summary'>): string {
  const { decision, nodeRead, permission } = answer;
  if (nodeRead !== null && !nodeRead.allowed && nodeRead.deniedAt !== null) {
    const denied = nodeRead.prefixes[nodeRead.prefixes.length - 1];
    const why =
      denied === undefined || denied.winners.length === 0
        ? 'no rule allows reading it'
        : `${ruleLabel(denied)} denies reading it`;
    return `Denied: ${nodeRead.deniedAt} is not readable (${why}), and everything below needs it.`;
  }
  if (decision.winners.length === 0)
    return `Denied: no rule gives ${permission} here (no match means no access).`;
  if (decision.allowed) return `Allowed by ${ruleLabel(decision)}.`;
  const tie = decision.winners.length > 1 && decision.winners.some((winner) => winner.allows);
  return tie
    ? `Denied: equally ranked rules disagree (${ruleLabel(decision)}); a tie denies.`
    : `Denied by ${ruleLabel(decision)}.`;
}

/** Read, update and execute for a principal at a path (a node, a node's sub-path, or a global path). */
export function explainAccess(data: AccessData, principal: Principal, path: string): AccessAnswer {
  const split = splitPath(path);
  const full = `${split.nodePath}${split.subPath}`;
  const authz = authorizerFor(data, principal);
  const nodeRead = split.nodePath === '' ? null : authz.explainRead(split.nodePath);
  const answers = PERMISSIONS.map((permission) => {
    const decision = authz.explain(full, permission);
    const allowed = (nodeRead?.allowed ?? true) && decision.allowed;
    const partial = { permission, allowed, decision, nodeRead };
    return { ...partial, summary: summarise(partial) };
  });
  return { principal, path: full, split, answers };
}

/** One decision the principal would gain or lose. */
export interface AccessChange {
  username: string;
  path: string;
  permission: Permission;
  before: boolean;
  after: boolean;
}

/** The checked paths an impact preview compares for each node (facets of §5.4 the console acts on). */
export const IMPACT_CHECKS: readonly { permission: Permission; subPath: string }[] = [
  { permission: 'read', subPath: '' },
  { permission: 'update', subPath: '' },
  { permission: 'update', subPath: '/properties' },
  { permission: 'execute', subPath: '/changes' },
];

export interface ImpactUser {
  username: string;
  groups: readonly string[];
}

/** Every decision over users × node paths × checks that differs between `before` and `after`. */
export function accessChanges(
  before: AccessData,
  after: AccessData,
  users: readonly ImpactUser[],
  nodePaths: readonly string[],
): AccessChange[] {
  const changes: AccessChange[] = [];
  for (const user of users) {
    const principal: Principal = { kind: 'user', username: user.username, groups: user.groups };
    const touched = changedGrantPatterns(grantsFor(before, principal), grantsFor(after, principal));
    // The same grants decide the same everywhere: nothing to compare for this user.
    if (touched.length === 0) continue;
    const was = authorizerFor(before, principal);
    const will = authorizerFor(after, principal);
    for (const nodePath of nodePaths) {
      // A decision can change only where a grant that came or went matches the node, an ancestor (read
      // needs every prefix) or a checked sub-path; elsewhere the same grants match, so it is the same.
      const paths = [...nodePrefixes(nodePath), ...IMPACT_CHECKS.map(({ subPath }) => nodePath + subPath)];
      if (!touched.some((pattern) => paths.some((path) => pattern.test(path)))) continue;
      for (const { permission, subPath } of IMPACT_CHECKS) {
        const b = permission === 'read' ? was.canRead(nodePath) : was.may(nodePath, subPath, permission);
        const a = permission === 'read' ? will.canRead(nodePath) : will.may(nodePath, subPath, permission);
        if (a !== b) {
          changes.push({
            username: user.username,
            path: nodePath + subPath,
            permission,
            before: b,
            after: a,
          });
        }
      }
    }
  }
  return changes;
}

/**
 * What a grant decides with: its pattern, permissions and rank (system, assignee kind). Two grants with the
 * same key decide alike wherever they match, whichever rule or policy they come through, so having one or
 * both changes nothing.
 */
function grantKey(grant: RuleGrant): string {
  const assignee = grant.username !== null ? 'user' : grant.groupname !== null ? 'group' : 'everyone';
  return JSON.stringify([
    grant.path,
    grant.readable,
    grant.updatable,
    grant.executable,
    grant.ruleSystem || grant.policySystem,
    assignee,
  ]);
}

/** The path patterns of the grants in one list but not the other (an invalid pattern matches nothing). */
function changedGrantPatterns(before: readonly RuleGrant[], after: readonly RuleGrant[]): RegExp[] {
  const was = new Set(before.map(grantKey));
  const will = new Set(after.map(grantKey));
  const changed = [
    ...before.filter((grant) => !will.has(grantKey(grant))),
    ...after.filter((grant) => !was.has(grantKey(grant))),
  ];
  const patterns = new Map<string, RegExp>();
  for (const grant of changed) {
    if (patterns.has(grant.path)) continue;
    try {
      patterns.set(grant.path, new RegExp(grant.path));
    } catch {
      // The evaluator skips such a rule too.
    }
  }
  return [...patterns.values()];
}

/** "viewer loses read on /projects/bank and 14 nodes below": changes grouped, descendants folded in. */
export interface ImpactLine {
  username: string;
  permission: Permission;
  gains: boolean;
  subPath: string;
  /** The highest changed paths; every other changed path of the group lies below one of them. */
  roots: string[];
  below: number;
}

function isBelow(path: string, ancestor: string): boolean {
  return path.startsWith(`${ancestor}/`);
}

export function summariseImpact(changes: readonly AccessChange[]): ImpactLine[] {
  const groups = new Map<string, { line: Omit<ImpactLine, 'roots' | 'below'>; nodes: string[] }>();
  for (const change of changes) {
    const split = splitPath(change.path);
    const gains = change.after;
    const key = [change.username, change.permission, split.subPath, String(gains)].join('\u0000');
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        line: { username: change.username, permission: change.permission, gains, subPath: split.subPath },
        nodes: [],
      };
      groups.set(key, group);
    }
    group.nodes.push(split.nodePath);
  }
  return [...groups.values()].map(({ line, nodes }) => {
    const sorted = [...nodes].sort((a, b) => a.length - b.length || a.localeCompare(b));
    const roots: string[] = [];
    for (const node of sorted) if (!roots.some((root) => isBelow(node, root))) roots.push(node);
    return { ...line, roots, below: nodes.length - roots.length };
  });
}

export function impactSentence(line: ImpactLine): string {
  const verb = line.gains ? 'gains' : 'loses';
  const what = line.subPath === '' ? line.permission : `${line.permission} on ${line.subPath.slice(1)}`;
  const where =
    line.roots.length <= 3
      ? line.roots.join(', ')
      : `${line.roots.slice(0, 3).join(', ')} and ${String(line.roots.length - 3)} more`;
  const below = line.below === 0 ? '' : ` and ${String(line.below)} node${line.below === 1 ? '' : 's'} below`;
  return `${line.username} ${verb} ${what} on ${where}${below}`;
}
