/**
 * Finding runs and run steps the caller may see. A run is visible when its project is readable and so is
 * `<project>/workflow_runs`; anything else answers 404 as if it did not exist.
 */
import type { Authorizer } from '@contract/authz.ts';
import type { Emulator } from '../context.ts';
import { notFound } from '../errors.ts';
import type { NodeRow } from '../nodes.ts';
import { findNodeById } from '../nodes.ts';
import { canReadRuns, resolveWorkflowProject } from './access.ts';
import type { RunRow, RunStepRow } from './runs.ts';
import { getRun, getRunStep } from './runs.ts';
import type { WorkflowRow } from './store.ts';
import { findWorkflow } from './store.ts';

export interface NestedRunParams {
  project_code: string;
  workflow_code: string;
  run_id: string;
}

export function runNotFound(id: string): Error {
  return notFound('WorkflowRun', `Couldn't find WorkflowRun with 'id'=${id}`);
}

export function stepNotFound(id: string): Error {
  return notFound('BaseWorkflowStep', `Couldn't find BaseWorkflowStep with 'id'=${id}`);
}

/** Remembers per request which projects' runs the caller may read (lists check many runs of few projects). */
export function runVisibility(emu: Emulator, authz: Authorizer): (projectId: string) => boolean {
  const known = new Map<string, boolean>();
  return (projectId) => {
    let visible = known.get(projectId);
    if (visible === undefined) {
      const project = findNodeById(emu, projectId);
      visible = project !== undefined && canReadRuns(authz, project.path);
      known.set(projectId, visible);
    }
    return visible;
  };
}

export function visibleRun(
  emu: Emulator,
  authz: Authorizer,
  runId: string,
): { run: RunRow; project: NodeRow } {
  const run = getRun(emu, runId);
  const project = run ? findNodeById(emu, run.project_id) : undefined;
  if (!run || !project || !canReadRuns(authz, project.path)) throw runNotFound(runId);
  return { run, project };
}

/** The workflow of a `…/workflows/{w}/…` route: 404/422 for the project, then 404 for the workflow. */
export function routeWorkflow(
  emu: Emulator,
  authz: Authorizer,
  params: { project_code: string; workflow_code: string },
): {
  project: NodeRow;
  workflow: WorkflowRow;
} {
  const project = resolveWorkflowProject(emu, authz, params.project_code);
  const workflow = findWorkflow(emu, project.id, params.workflow_code);
  if (!workflow)
    throw notFound(
      'Workflow',
      `Couldn't find Workflow with code ${params.workflow_code} in project ${project.code}`,
    );
  return { project, workflow };
}

/** A run of a `…/workflows/{w}/runs/{r}` route: it must belong to that workflow. */
export function routeRun(
  emu: Emulator,
  authz: Authorizer,
  params: NestedRunParams,
): { run: RunRow; project: NodeRow; workflow: WorkflowRow } {
  const { project, workflow } = routeWorkflow(emu, authz, params);
  const run = getRun(emu, params.run_id);
  if (run?.workflow_id !== workflow.id || !canReadRuns(authz, project.path)) throw runNotFound(params.run_id);
  return { run, project, workflow };
}

export function visibleStep(emu: Emulator, authz: Authorizer, stepId: string): RunStepRow {
  const step = getRunStep(emu, stepId);
  if (!step) throw stepNotFound(stepId);
  const run = getRun(emu, step.run_id);
  const project = run ? findNodeById(emu, run.project_id) : undefined;
  if (!project || !canReadRuns(authz, project.path)) throw stepNotFound(stepId);
  return step;
}

export function routeStep(
  emu: Emulator,
  authz: Authorizer,
  params: NestedRunParams & { step_id: string },
): RunStepRow {
  const { run } = routeRun(emu, authz, params);
  const step = getRunStep(emu, params.step_id);
  if (step?.run_id !== run.id) throw stepNotFound(params.step_id);
  return step;
}
