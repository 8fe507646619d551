import type { ChangeFilterKey, ChangeSort } from '@contract/filters';
import {
  changeDocumentSchema,
  changeListDocumentSchema,
  isTerminalStatus,
  type ChangeAttributes,
  type ChangeMeta,
  type StepAttributes,
  type StepResource,
} from '@contract/change';
import type { Relationships } from '@contract/json-api';
import { queryOptions, useMutation, useQueryClient, type Query } from '@tanstack/react-query';
import { z } from 'zod';
import type { UnreadableRow } from '@/lib/list-rows';
import { parseNodePath, type NodeRef } from '@/lib/node-path';
import { ransackParams, type RansackQuery } from '@/lib/ransack';
import { apiRequest } from './client';
import { CHANGE_DETAIL_PARAMS, changePath } from './change-paths';
import { fetchList, flatten, parseDocument, reportUnreadableRows, type Flat } from './json-api';
import { readStepRows } from './plain-step';

// One change with its steps: `GET /api/changes/{id}?include=steps` (domain §7), and cancelling it,
// `DELETE /api/changes/{id}`. The change page polls the detail while the change runs.

export type Change = Flat<ChangeAttributes, ChangeMeta | undefined>;

/** A step of a change as the page uses it: its attributes, its children's ids and its parent's id. */
export type ChangeStep = Flat<StepAttributes, unknown> & {
  /** Ids of its children, in the order the server lists them (the order they run in). */
  child_ids: string[];
  /** Null for the root step. */
  parent_id: string | null;
};

export interface ChangeDetail {
  change: Change;
  /** The node the change runs on (from `links.parent`), null when the server's link cannot be read. */
  target: NodeRef | null;
  /** Its OpsChain path (`/projects/bank/environments/dev`), null with `target`. */
  targetPath: string | null;
  /** Every readable step, in the order the server sends them (tree order). */
  steps: ChangeStep[];
  /** The root step's id (`relationships.root_step`); null before the change has a step tree. */
  rootStepId: string | null;
  /** The template version an asset change ran (from `relationships.template_version`), when it names one. */
  templateVersion: { templateCode: string; version: string } | null;
  /** Included steps that did not match the contract (the page says so rather than failing). */
  unreadableSteps: UnreadableRow[];
  /**
   * True once two answers in a row found the change finished, or one found it and every step ended: the
   * last poll has been taken and polling stops (see `changeRefetchInterval`).
   */
  isSettled: boolean;
}

export const changeKeys = {
  all: ['changes'] as const,
  lists: () => [...changeKeys.all, 'list'] as const,
  details: () => [...changeKeys.all, 'detail'] as const,
  holders: () => [...changeKeys.all, 'holder'] as const,
  holder: (targetPath: string, changeId: string) => [...changeKeys.holders(), targetPath, changeId] as const,
  detail: (id: string) => [...changeKeys.details(), id] as const,
};

function idsOf(relationships: Relationships | undefined, name: string): string[] {
  const data = relationships?.[name]?.data;
  if (Array.isArray(data)) return data.map((identifier) => identifier.id);
  return data === undefined || data === null ? [] : [data.id];
}

/** `/api/projects/bank/environments/dev` → the environment `dev` of `bank`. */
function targetOf(link: string | null | undefined): { ref: NodeRef; path: string } | null {
  if (link === undefined || link === null) return null;
  const path = link.replace(/^\/api(?=\/)/, '');
  const ref = parseNodePath(path);
  return ref === null ? null : { ref, path };
}

const TEMPLATE_VERSION_LINK = /\/templates\/([^/]+)\/versions\/([^/]+)$/;

function templateVersionOf(relationships: Relationships): ChangeDetail['templateVersion'] {
  const link = relationships.template_version?.links?.related;
  const match = link === undefined || link === null ? null : TEMPLATE_VERSION_LINK.exec(link);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  try {
    return { templateCode: decodeURIComponent(match[1]), version: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}

function toSteps(resources: readonly StepResource[]): ChangeStep[] {
  const parents = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const resource of resources) {
    const ids = idsOf(resource.relationships, 'children');
    children.set(resource.id, ids);
    for (const id of ids) parents.set(id, resource.id);
  }
  return resources.map((resource) => ({
    ...flatten(resource),
    child_ids: children.get(resource.id) ?? [],
    parent_id: parents.get(resource.id) ?? null,
  }));
}

/** The document with `included` unchecked: its members are checked one by one, each once. */
const includedShellSchema = z.looseObject({ included: z.array(z.unknown()).optional() });

function isStepMember(member: unknown): boolean {
  return typeof member === 'object' && member !== null && 'type' in member && member.type === 'step';
}

/**
 * Reads a change document with its included steps; a step that does not match is kept as unreadable. Each
 * included step is checked once, by hand or with the step schema (`readStepRows`; a 2,000-step change is
 * 2.5 MB): the envelope is checked without them, and members of other types are left alone, as the page does
 * not use them.
 */
export function toChangeDetail(body: unknown, request: string, wasFinished = false): ChangeDetail {
  const { included = [], ...envelope } = parseDocument(includedShellSchema, body, request);
  const document = parseDocument(changeDocumentSchema, envelope, request);
  const rows = readStepRows(included.filter(isStepMember));
  reportUnreadableRows(request, rows.unreadable);
  const change: Change = flatten(document.data);
  const target = targetOf(change.links.parent);
  const finished = isTerminalStatus(change.status_code);
  // Every step already ended: nothing is left for a last poll to read (a change opened after it finished).
  const stepsEnded =
    rows.unreadable.length === 0 && rows.items.every((step) => isTerminalStatus(step.attributes.status_code));
  return {
    change,
    target: target?.ref ?? null,
    targetPath: target?.path ?? null,
    steps: toSteps(rows.items),
    rootStepId: idsOf(change.relationships, 'root_step')[0] ?? null,
    templateVersion: templateVersionOf(change.relationships),
    unreadableSteps: rows.unreadable,
    isSettled: finished && (wasFinished || stepsEnded),
  };
}

/**
 * The change with its steps. `wasFinished`: the previous answer already found it finished, so this one is
 * the last poll.
 */
export async function getChangeDetail(
  id: string,
  signal?: AbortSignal,
  wasFinished = false,
): Promise<ChangeDetail> {
  const body = await apiRequest(changePath(id), { params: CHANGE_DETAIL_PARAMS, signal });
  return toChangeDetail(body, `GET /api${changePath(id)}`, wasFinished);
}

/** How often a running change is polled while the page is visible, and while the tab is hidden. */
export const CHANGE_POLL_MS = 1_000;
export const HIDDEN_CHANGE_POLL_MS = 10_000;

function isHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/**
 * Polls while the change is not finished (slower when the tab is hidden), then once more so that what
 * settled with it (the last step statuses) is read, then stops. A failed poll keeps the last answer and
 * tries again at the same pace.
 */
export function changeRefetchInterval(
  query: Pick<Query<ChangeDetail, Error, ChangeDetail>, 'state'>,
): number | false {
  const data = query.state.data;
  if (data?.isSettled === true) return false;
  return isHidden() ? HIDDEN_CHANGE_POLL_MS : CHANGE_POLL_MS;
}

export const changeQuery = (id: string) =>
  queryOptions({
    queryKey: changeKeys.detail(id),
    queryFn: ({ signal, client, queryKey }) => {
      const previous = client.getQueryData<ChangeDetail>(queryKey);
      return getChangeDetail(
        id,
        signal,
        previous !== undefined && isTerminalStatus(previous.change.status_code),
      );
    },
    refetchInterval: changeRefetchInterval,
    refetchIntervalInBackground: true,
  });

export interface CancelChangeInput {
  id: string;
}

/** Cancels the change: its running, pending and waiting steps stop (204). */
export async function cancelChange({ id }: CancelChangeInput): Promise<void> {
  await apiRequest(changePath(id), { method: 'DELETE' });
}

export function useCancelChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelChange,
    onSettled: (_data, _error, { id }) => queryClient.invalidateQueries({ queryKey: changeKeys.detail(id) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changeKeys.lists() }),
  });
}

/** Statuses of a change that has started and not finished: it holds its target (domain §7.8). */
const HOLDING_STATUSES = ['initializing', 'queued', 'running', 'waiting', 'waiting_for_approval'] as const;

/**
 * The started, unfinished change on `targetPath` itself (not on a node below it) other than `changeId`: what a
 * pending change waits for. Null when there is none (or it may not be read).
 */
export async function getTargetHolder(
  targetPath: string,
  changeId: string,
  signal?: AbortSignal,
): Promise<Change | null> {
  const query: RansackQuery<ChangeFilterKey, ChangeSort> = {
    filters: { status_code_in: HOLDING_STATUSES },
    sorts: 'created_at',
  };
  const list = await fetchList(changeListDocumentSchema, `${targetPath}/changes`, {
    params: ransackParams(query),
    signal,
  });
  const holder = list.data
    .map((resource) => flatten(resource))
    .find((change) => change.id !== changeId && targetOf(change.links.parent)?.path === targetPath);
  return holder ?? null;
}

/** Polled with the pending change it holds up. */
export const targetHolderQuery = (targetPath: string, changeId: string) =>
  queryOptions({
    queryKey: changeKeys.holder(targetPath, changeId),
    queryFn: ({ signal }) => getTargetHolder(targetPath, changeId, signal),
    refetchInterval: () => (isHidden() ? HIDDEN_CHANGE_POLL_MS : CHANGE_POLL_MS * 3),
  });
