import type { NodeSummary } from '@/api/node-summary';
import type { Workflow } from '@/api/workflows';
import { projectPath } from '@/lib/node-path';

// What global search finds, ranked and grouped: pure, so the ranking is tested without a server.

export const SEARCH_KINDS = ['project', 'environment', 'asset', 'workflow'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_GROUP_LABELS: Record<SearchKind, string> = {
  project: 'Projects',
  environment: 'Environments',
  asset: 'Assets',
  workflow: 'Workflows',
};

/** Searches start at this many characters: shorter ones would ask every project for everything. */
export const MIN_SEARCH_LENGTH = 2;

/** At most this many hits per group are listed; the rest are counted. */
export const GROUP_LIMIT = 8;

export interface SearchHit {
  kind: SearchKind;
  id: string;
  name: string;
  code: string;
  archived: boolean;
  /** Where choosing the hit goes: the node's path, or the workflow's page. */
  target: string;
  /** Where it lives, for telling apart equal names: "Core Banking Platform › Development". */
  context: string;
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  hits: SearchHit[];
  /** Hits beyond GROUP_LIMIT. */
  more: number;
}

export function nodeHit(node: NodeSummary, context: string): SearchHit {
  return {
    kind: node.kind,
    id: node.id,
    name: node.name,
    code: node.code,
    archived: node.archived,
    target: node.path,
    context,
  };
}

export function workflowHit(workflow: Workflow, projectName: string): SearchHit {
  return {
    kind: 'workflow',
    id: workflow.id,
    name: workflow.name,
    code: workflow.code,
    archived: workflow.archived,
    target: `${projectPath(workflow.projectCode)}/workflows/${encodeURIComponent(workflow.code)}`,
    context: `Workflow in ${projectName}`,
  };
}

/** 0 for an exact code or name, 1 for a prefix, 2 for anything else the server matched. */
function rank(hit: SearchHit, term: string): number {
  const name = hit.name.toLocaleLowerCase();
  const code = hit.code.toLocaleLowerCase();
  if (name === term || code === term) return 0;
  if (name.startsWith(term) || code.startsWith(term)) return 1;
  return 2;
}

/** Hits grouped by kind in a fixed order; within a group best match first, archived last, then by name. */
export function groupHits(hits: readonly SearchHit[], rawTerm: string): SearchGroup[] {
  const term = rawTerm.trim().toLocaleLowerCase();
  const seen = new Set<string>();
  const unique = hits.filter((hit) => {
    const key = `${hit.kind}:${hit.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return SEARCH_KINDS.map((kind) => {
    const sorted = unique
      .filter((hit) => hit.kind === kind)
      .sort(
        (a, b) =>
          rank(a, term) - rank(b, term) ||
          Number(a.archived) - Number(b.archived) ||
          a.name.localeCompare(b.name) ||
          a.context.localeCompare(b.context),
      );
    return {
      kind,
      label: SEARCH_GROUP_LABELS[kind],
      hits: sorted.slice(0, GROUP_LIMIT),
      more: Math.max(0, sorted.length - GROUP_LIMIT),
    };
  }).filter((group) => group.hits.length > 0);
}
