import { changeListDocumentSchema, stepListDocumentSchema, type StepResource } from '@contract/change';
import { nodeAuthorisationsSchema } from '@contract/node';
import {
  workflowRunListDocumentSchema,
  workflowStepListDocumentSchema,
  type WorkflowWaitStepResource,
} from '@contract/workflow';
import { z } from 'zod';
import { ransackParams } from '@/lib/ransack';
import { runOfLink, targetOfChangeLink, type InboxItem, type InboxSnapshot } from './approvals';
import { fetchDocument, fetchList } from './json-api';

// Fetching the approvals inbox (see approvals.ts): loaded only by the tab that polls, and only when it first
// polls, so the shell's first load does not carry the list schemas.

const WAITING_STATUSES = ['waiting', 'waiting_for_approval'];
/** Ids per `filter[id_in]` request, so URLs stay short however many steps wait. */
const ID_CHUNK = 40;
/** How long the leader trusts a node's authorisations before reading them again. */
const AUTHORISATIONS_TTL_MS = 5 * 60_000;

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
