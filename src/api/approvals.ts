import { changeListDocumentSchema, stepListDocumentSchema, type StepResource } from '@contract/change';
import { jsonObjectSchema } from '@contract/json-api';
import { nodeAuthorisationsSchema } from '@contract/node';
import {
  workflowRunListDocumentSchema,
  workflowStepListDocumentSchema,
  type WorkflowWaitStepResource,
} from '@contract/workflow';
import { queryOptions, skipToken } from '@tanstack/react-query';
import { z } from 'zod';
import { ransackParams } from '@/lib/ransack';
import { fetchDocument, fetchList } from './json-api';
import { alreadyDecidedMessage } from '@/lib/step-permissions';
import { errorText, isApiError } from './errors';
import { decideStep } from './steps';
import { decideWorkflowStep } from './workflow-steps';

// The approvals inbox (issue 14): every change step and workflow wait step that waits for someone, from
// `/api/steps` and `/api/workflow_steps` (domain §7.5, §9.4), joined with what a person deciding needs to
// see: the change or run (who started it, its metadata) and whether the caller may execute there (from the
// target node's `meta.authorisations`). One tab fetches (src/lib/leader-poller.ts) and the others receive
// the snapshot, so it is a plain structured-clonable object with a schema of its own.

/** Approve (approval steps: approve or reject) or Continue (wait steps). */
export const INBOX_KINDS = ['approve', 'continue'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

const runRefSchema = z.object({ projectCode: z.string(), workflowCode: z.string(), runId: z.string() });
export type RunRef = z.infer<typeof runRefSchema>;

export const inboxItemSchema = z.object({
  /** Unique across both sources: `change-step:<id>`, `workflow-step:<id>`. */
  key: z.string(),
  id: z.string(),
  source: z.enum(['change', 'workflow']),
  kind: z.enum(INBOX_KINDS),
  name: z.string(),
  /** The step's action (change steps only). */
  action: z.string().nullable(),
  /** The OpsChain path of the change's target node, or of the run's project. */
  targetPath: z.string().nullable(),
  changeId: z.string().nullable(),
  /** The change's action (change steps only). */
  changeAction: z.string().nullable(),
  run: runRefSchema.nullable(),
  startedBy: z.string().nullable(),
  metadata: jsonObjectSchema,
  requiresApprovalFrom: z.string().nullable(),
  /** When the step began waiting (its start, else its creation). */
  waitingSince: z.string(),
  /** Where execute permission is needed to act: `<node>/changes` or `<project>/workflow_runs`. */
  executePath: z.string().nullable(),
  /** Whether the caller has it; null when the node could not be read (the server decides). */
  mayExecute: z.boolean().nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxSnapshotSchema = z.object({
  items: z.array(inboxItemSchema),
  /** Waiting steps whose rows did not match the contract (listed nowhere, counted here). */
  unreadable: z.number().int(),
  fetchedAt: z.number(),
});
export type InboxSnapshot = z.infer<typeof inboxSnapshotSchema>;

/** What tabs share: the last snapshot and, when the last poll failed, why. */
export interface InboxState {
  snapshot: InboxSnapshot | null;
  error: string | null;
}

export const approvalKeys = {
  all: ['approvals'] as const,
  inbox: (username: string) => [...approvalKeys.all, 'inbox', username] as const,
};

/**
 * The inbox as the shared poller last saw it. Never fetched by the query itself (the leader tab's poller
 * writes it with setQueryData), so opening the page costs no request.
 */
export const inboxQuery = (username: string) =>
  queryOptions<InboxState>({
    queryKey: approvalKeys.inbox(username),
    queryFn: skipToken,
    staleTime: Infinity,
  });

const WAITING_STATUSES = ['waiting', 'waiting_for_approval'];
/** Ids per `filter[id_in]` request, so URLs stay short however many steps wait. */
const ID_CHUNK = 40;
/** How long the leader trusts a node's authorisations before reading them again. */
const AUTHORISATIONS_TTL_MS = 5 * 60_000;

const CHANGE_LINK = /^\/api(\/projects\/.+)\/changes\/[^/]+$/;
const RUN_LINK = /^\/api\/projects\/([^/]+)\/workflows\/([^/]+)\/runs\/([^/]+)$/;

/** The change's target node path, from the step's `links.change`. */
export function targetOfChangeLink(link: string | null | undefined): string | null {
  return link == null ? null : (CHANGE_LINK.exec(link)?.[1] ?? null);
}

/** Project, workflow and run, from a wait step's `links.workflow_run`. */
export function runOfLink(link: string | null | undefined): RunRef | null {
  const match = link == null ? null : RUN_LINK.exec(link);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return null;
  return {
    projectCode: decodeURIComponent(match[1]),
    workflowCode: decodeURIComponent(match[2]),
    runId: decodeURIComponent(match[3]),
  };
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

interface Origin {
  startedBy: string;
  metadata: Record<string, unknown>;
  action?: string;
}

async function changesById(ids: readonly string[], signal: AbortSignal): Promise<Map<string, Origin>> {
  const byId = new Map<string, Origin>();
  const lists = await Promise.all(
    chunks([...new Set(ids)], ID_CHUNK).map((chunk) =>
      fetchList(changeListDocumentSchema, '/changes', {
        params: ransackParams({ filters: { id_in: chunk } }),
        signal,
      }),
    ),
  );
  for (const change of lists.flatMap((list) => list.data)) {
    const { created_by, metadata, action } = change.attributes;
    byId.set(change.id, { startedBy: created_by, metadata, action });
  }
  return byId;
}

async function runsById(ids: readonly string[], signal: AbortSignal): Promise<Map<string, Origin>> {
  const byId = new Map<string, Origin>();
  const lists = await Promise.all(
    chunks([...new Set(ids)], ID_CHUNK).map((chunk) =>
      fetchList(workflowRunListDocumentSchema, '/workflow_runs', {
        params: ransackParams({ filters: { id_in: chunk } }),
        signal,
      }),
    ),
  );
  for (const run of lists.flatMap((list) => list.data)) {
    byId.set(run.id, { startedBy: run.attributes.created_by, metadata: run.attributes.metadata });
  }
  return byId;
}

const nodeAuthorisationsDocumentSchema = z.object({
  data: z.object({ meta: z.object({ authorisations: nodeAuthorisationsSchema }) }),
});

function changeStepItem(step: StepResource, changes: Map<string, Origin>): InboxItem {
  const { attributes: a } = step;
  const targetPath = targetOfChangeLink(step.links?.change);
  const origin = changes.get(a.change_id);
  return {
    key: `change-step:${step.id}`,
    id: step.id,
    source: 'change',
    kind: a.status_code === 'waiting' ? 'continue' : 'approve',
    name: a.name ?? a.action,
    action: a.action,
    targetPath,
    changeId: a.change_id,
    changeAction: origin?.action ?? null,
    run: null,
    startedBy: origin?.startedBy ?? null,
    metadata: origin?.metadata ?? {},
    requiresApprovalFrom: a.requires_approval_from,
    waitingSince: a.started_at ?? a.created_at,
    executePath: targetPath === null ? null : `${targetPath}/changes`,
    mayExecute: null,
  };
}

function waitStepItem(step: WorkflowWaitStepResource, runs: Map<string, Origin>): InboxItem {
  const { attributes: a } = step;
  const run = runOfLink(step.links?.workflow_run);
  const origin = run === null ? undefined : runs.get(run.runId);
  const projectPath = run === null ? null : `/projects/${run.projectCode}`;
  return {
    key: `workflow-step:${step.id}`,
    id: step.id,
    source: 'workflow',
    kind: a.status_code === 'waiting' ? 'continue' : 'approve',
    name: a.name,
    action: null,
    targetPath: projectPath,
    changeId: null,
    changeAction: null,
    run,
    startedBy: origin?.startedBy ?? a.created_by,
    metadata: origin?.metadata ?? {},
    requiresApprovalFrom: a.requires_approval_from,
    waitingSince: a.started_at ?? a.created_at,
    executePath: projectPath === null ? null : `${projectPath}/workflow_runs`,
    mayExecute: null,
  };
}

/**
 * A function that fetches the inbox snapshot; it remembers node authorisations for a few minutes, so a
 * steady inbox costs four requests a poll (steps, workflow steps, their changes and runs).
 */
export function createInboxFetcher(
  now: () => number = Date.now,
): (signal: AbortSignal) => Promise<InboxSnapshot> {
  const authorisations = new Map<string, { execute: boolean | null; at: number }>();

  const executeOn = async (nodePath: string, facet: 'changes' | 'workflow_runs', signal: AbortSignal) => {
    const key = `${nodePath}|${facet}`;
    const known = authorisations.get(key);
    if (known !== undefined && now() - known.at < AUTHORISATIONS_TTL_MS) return known.execute;
    let execute: boolean | null;
    try {
      const document = await fetchDocument(nodeAuthorisationsDocumentSchema, nodePath, { signal });
      execute = document.data.meta.authorisations[facet]?.execute === true;
    } catch (error) {
      if (signal.aborted) throw error;
      execute = null;
    }
    authorisations.set(key, { execute, at: now() });
    return execute;
  };

  return async (signal) => {
    const waiting = { status_code_in: WAITING_STATUSES };
    const [steps, workflowSteps] = await Promise.all([
      fetchList(stepListDocumentSchema, '/steps', { params: ransackParams({ filters: waiting }), signal }),
      fetchList(workflowStepListDocumentSchema, '/workflow_steps', {
        params: ransackParams({ filters: { ...waiting, type_eq: 'workflow_wait_step' } }),
        signal,
      }),
    ]);
    const waitSteps = workflowSteps.data.filter(
      (step): step is WorkflowWaitStepResource => step.type === 'workflow_wait_step',
    );
    const runIds = waitSteps
      .map((step) => runOfLink(step.links?.workflow_run)?.runId)
      .filter((id) => id !== undefined);
    const [changes, runs] = await Promise.all([
      changesById(
        steps.data.map((step) => step.attributes.change_id),
        signal,
      ),
      runsById(runIds, signal),
    ]);
    const items = [
      ...steps.data.map((step) => changeStepItem(step, changes)),
      ...waitSteps.map((step) => waitStepItem(step, runs)),
    ];
    // Each distinct node once, all at once.
    const facetOf = (item: InboxItem) => (item.source === 'change' ? 'changes' : 'workflow_runs');
    const distinct = new Map<string, Promise<boolean | null>>();
    for (const item of items) {
      if (item.targetPath === null) continue;
      const key = `${item.targetPath}|${facetOf(item)}`;
      if (!distinct.has(key)) distinct.set(key, executeOn(item.targetPath, facetOf(item), signal));
    }
    for (const item of items) {
      const pending =
        item.targetPath === null ? undefined : distinct.get(`${item.targetPath}|${facetOf(item)}`);
      item.mayExecute = pending === undefined ? null : await pending;
    }
    items.sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
    return {
      items,
      unreadable: steps.unreadable.length + workflowSteps.unreadable.length,
      fetchedAt: now(),
    };
  };
}

/** Reads a snapshot another tab broadcast; null when it does not match (another console version). */
export function parseInboxSnapshot(payload: unknown): InboxSnapshot | null {
  const parsed = inboxSnapshotSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

export type InboxDecision = 'approve' | 'reject' | 'continue';

/** What became of one decision, in words a person can act on. */
export type DecisionResult =
  | { outcome: 'done' }
  /** The step no longer waited: someone else decided first (`message`: "Already approved by alice"). */
  | { outcome: 'already-decided'; message: string }
  /** The server refused (not permitted, gone, unreachable), with its reason. */
  | { outcome: 'refused'; message: string };

export interface DecideInboxItemInput {
  item: Pick<InboxItem, 'id' | 'source'>;
  decision: InboxDecision;
  message?: string;
}

function refusal(error: unknown): DecisionResult {
  if (isApiError(error, 404))
    return { outcome: 'refused', message: 'The step no longer exists, or you may no longer see it.' };
  if (isApiError(error)) return { outcome: 'refused', message: error.errors.map(errorText).join('; ') };
  return { outcome: 'refused', message: error instanceof Error ? error.message : 'The request failed.' };
}

/**
 * Approves, rejects or continues one inbox item through the change step or workflow step API; never throws
 * (the result says what happened, so one failure in a bulk decision loses nothing else).
 */
export async function decideInboxItem({
  item,
  decision,
  message,
}: DecideInboxItemInput): Promise<DecisionResult> {
  try {
    const result =
      item.source === 'workflow'
        ? await decideWorkflowStep({ stepId: item.id, decision, message })
        : await decideStep({ stepId: item.id, decision, message });
    if (result.outcome === 'done') return { outcome: 'done' };
    // Only wait steps can have been decided; any other type means the id now names something else.
    const step = result.step !== null && 'approved_by' in result.step ? result.step : null;
    return { outcome: 'already-decided', message: alreadyDecidedMessage(step) };
  } catch (error) {
    return refusal(error);
  }
}
