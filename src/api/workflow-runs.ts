import { runsPath, workflowRunPath, type WorkflowRunRef } from './workflow-run-paths';
import { resourceSchema, toOneId } from '@contract/json-api';
import {
  flattenWorkflowStep,
  workflowRunDocumentSchema,
  workflowRunListDocumentSchema,
  workflowRunResourceSchema,
  workflowStepResourceSchema,
  workflowVersionAttributesSchema,
  type WorkflowRunAttributes,
  type WorkflowRunMeta,
} from '@contract/workflow';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { RowList } from '@/lib/list-rows';
import { ransackParams } from '@/lib/ransack';
import { apiRequest, describeRequest } from './client';
import { fetchDocument, fetchList, flatten, parseDocument, toRowList, type Flat } from './json-api';
import { isRecord } from './plain-json';
import { plainWorkflowRunResource, plainWorkflowStep, type PlainRunStep } from './plain-workflow-run';
import { decideWorkflowStep } from './workflow-steps';
import { workflowKeys } from './workflows';

// Runs of a workflow (domain §9.3): `…/workflows/{w}/runs` lists and starts them (the server always runs the
// latest published version), `…/runs/{r}` shows one with its steps in `included` and cancels it (DELETE).

export type WorkflowRun = Flat<WorkflowRunAttributes, WorkflowRunMeta | undefined>;

/** A run step with the ids its relationships name: the change a change step made, the run a workflow step started. */
export type WorkflowRunStep = PlainRunStep;

export interface WorkflowRunDetail {
  run: WorkflowRun;
  /** The version the run ran, when the answer included it. */
  version: number | null;
  steps: readonly WorkflowRunStep[];
  /** Included steps that did not match the contract (not shown). */
  unreadableSteps: number;
}

export type { WorkflowRunRef } from './workflow-run-paths';

export const workflowRunKeys = {
  all: [...workflowKeys.all, 'runs'] as const,
  list: (ref: WorkflowRunRef) => [...workflowRunKeys.all, 'list', ref.projectCode, ref.workflowCode] as const,
  detail: (runId: string) => [...workflowRunKeys.all, 'detail', runId] as const,
};

/** The workflow's runs, newest first. */
export async function listWorkflowRuns(
  ref: WorkflowRunRef,
  signal?: AbortSignal,
): Promise<RowList<WorkflowRun>> {
  const list = await fetchList(workflowRunListDocumentSchema, runsPath(ref), {
    params: ransackParams({ sorts: 'created_at desc' }),
    signal,
  });
  return toRowList(list, (resource) => flatten(resource));
}

export const workflowRunListQuery = (ref: WorkflowRunRef) =>
  queryOptions({
    queryKey: workflowRunKeys.list(ref),
    queryFn: ({ signal }) => listWorkflowRuns(ref, signal),
  });

// A run answers every step in `included`, and the version it ran with its whole definition and YAML: megabytes
// for a run of thousands of steps. Checking `included` with the generic resource schema, then each member
// again with its own, took most of a second on a 2,000-step run; so the envelope is checked with the members'
// type and id only, and each member the page uses once, with its own schema (the version for its number).
// The run and its steps are read by hand first (plain-workflow-run.ts: the same answer, a few hundred
// milliseconds sooner on opening the page); what the hand checks do not take goes to the schemas.
const runShowShellSchema = z.looseObject({
  data: z.unknown(),
  included: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
});
const versionNumberSchema = resourceSchema(
  'workflow_version',
  workflowVersionAttributesSchema.pick({ version: true }),
);

type IncludedMember = Record<string, unknown> & { type: string; id: string };

const isIncludedMember = (value: unknown): value is IncludedMember =>
  isRecord(value) && typeof value.type === 'string' && typeof value.id === 'string';

/** `{ data, included? }` with every member typed and named; null for anything else (the schema then says why). */
function plainShell(body: unknown): { data: unknown; included: IncludedMember[] } | null {
  if (!isRecord(body)) return null;
  const { data, included } = body;
  if (included === undefined) return { data, included: [] };
  if (!Array.isArray(included)) return null;
  const members: IncludedMember[] = [];
  for (const member of included) {
    if (!isIncludedMember(member)) return null;
    members.push(member);
  }
  return { data, included: members };
}

/** A show answer of a run: the run, the number of the version it ran, and its steps (unreadable ones counted). */
export function toWorkflowRunDetail(body: unknown, request: string): WorkflowRunDetail {
  const shell = plainShell(body) ?? parseDocument(runShowShellSchema, body, request);
  const resource =
    plainWorkflowRunResource(shell.data) ?? parseDocument(workflowRunResourceSchema, shell.data, request);
  const run = flatten(resource);
  const included = shell.included ?? [];
  const versionId = toOneId(run.relationships.workflow_version);
  const versionMember = included.find(
    (member) => member.type === 'workflow_version' && member.id === versionId,
  );
  const version = versionNumberSchema.safeParse(versionMember);
  const steps: WorkflowRunStep[] = [];
  let unreadableSteps = 0;
  for (const member of included) {
    if (!member.type.startsWith('workflow_') || !member.type.endsWith('_step')) continue;
    const plain = plainWorkflowStep(member);
    if (plain !== null) {
      steps.push(plain);
      continue;
    }
    const parsed = workflowStepResourceSchema.safeParse(member);
    if (!parsed.success) {
      unreadableSteps += 1;
      continue;
    }
    const relationships = parsed.data.relationships ?? {};
    steps.push({
      ...flattenWorkflowStep(parsed.data),
      changeId: toOneId(relationships.change),
      childRunId: toOneId(relationships.child_workflow_run),
    });
  }
  return {
    run,
    version: version.success ? version.data.attributes.version : null,
    steps,
    unreadableSteps,
  };
}

export async function getWorkflowRun(
  ref: WorkflowRunRef,
  runId: string,
  signal?: AbortSignal,
): Promise<WorkflowRunDetail> {
  const path = workflowRunPath(ref, runId);
  return toWorkflowRunDetail(await apiRequest(path, { signal }), describeRequest('GET', path));
}

export const workflowRunQuery = (ref: WorkflowRunRef, runId: string) =>
  queryOptions({
    queryKey: workflowRunKeys.detail(runId),
    queryFn: ({ signal }) => getWorkflowRun(ref, runId, signal),
  });

/** Starts a run of the workflow's latest published version; answers the new run. */
export async function startWorkflowRun(ref: WorkflowRunRef): Promise<WorkflowRun> {
  const document = await fetchDocument(workflowRunDocumentSchema, runsPath(ref), {
    method: 'POST',
    body: { data: { attributes: { workflow_code: ref.workflowCode } } },
  });
  return flatten(document.data);
}

export async function cancelWorkflowRun({
  ref,
  runId,
}: {
  ref: WorkflowRunRef;
  runId: string;
}): Promise<void> {
  await apiRequest(workflowRunPath(ref, runId), { method: 'DELETE' });
}

export function useStartWorkflowRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startWorkflowRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowRunKeys.all }),
  });
}

export function useCancelWorkflowRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelWorkflowRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowRunKeys.all }),
  });
}

/** Approve, reject or continue a wait step of a run (src/api/workflow-steps.ts); the run is read again. */
export function useDecideWorkflowStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideWorkflowStep,
    onSettled: () => queryClient.invalidateQueries({ queryKey: workflowRunKeys.all }),
  });
}
