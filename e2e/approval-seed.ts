import { expect, type APIRequestContext } from '@playwright/test';
import { JSON_API } from './fixtures.ts';
import {
  runWorkflow,
  seedEnterpriseProject,
  seedEnvironment,
  seedGitRemote,
  seedWorkflow,
  uniqueCode,
} from './node-seed.ts';

// Things waiting for a decision, created by a journey over REST: changes running `approval_gate` (waits for
// the approvers group) or `manual_wait` (waits to be continued), and workflow runs waiting at a wait step.

type Json = Record<string, unknown>;

async function send(api: APIRequestContext, method: string, path: string, attributes: Json): Promise<Json> {
  const response = await api.fetch(path, {
    method,
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes } }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Json;
}

function idOf(document: Json): string {
  const data = document.data as { id?: unknown } | undefined;
  if (typeof data?.id !== 'string') throw new Error('no id in the answer');
  return data.id;
}

export interface ApprovalProject {
  code: string;
  /** Environment paths, each able to run one change at a time. */
  environments: string[];
}

/** An Enterprise project with `count` environments and a Git remote, so changes and workflows can run. */
export async function seedApprovalProject(api: APIRequestContext, count = 1): Promise<ApprovalProject> {
  const { code } = await seedEnterpriseProject(api, 'inbox');
  await seedGitRemote(api, code);
  const environments: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    await seedEnvironment(api, code, `env${String(i)}`, `Environment ${String(i)}`);
    environments.push(`/projects/${code}/environments/env${String(i)}`);
  }
  return { code, environments };
}

/** Starts a change and returns its id. */
export async function startChange(
  api: APIRequestContext,
  parentPath: string,
  action: 'approval_gate' | 'manual_wait',
  metadata: Json = {},
): Promise<string> {
  const document = await send(api, 'POST', '/api/changes', {
    action,
    parent_path: parentPath,
    git_remote_name: 'origin',
    git_rev: 'main',
    metadata,
  });
  return idOf(document);
}

/** Waits until the change has a step in `status` (waiting, waiting_for_approval) and returns that step's id. */
export async function waitForChangeStep(
  api: APIRequestContext,
  changeId: string,
  status: string,
): Promise<string> {
  let stepId = '';
  await expect
    .poll(
      async () => {
        const response = await api.get(
          `/api/steps?filter[change_id_eq]=${changeId}&filter[status_code_eq]=${status}`,
        );
        const body = (await response.json()) as { data: { id: string }[] };
        stepId = body.data[0]?.id ?? '';
        return stepId;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  return stepId;
}

export async function changeStatus(api: APIRequestContext, changeId: string): Promise<string> {
  const response = await api.get(`/api/changes/${changeId}`);
  const body = (await response.json()) as { data: { attributes: { status_code: string } } };
  return body.data.attributes.status_code;
}

export interface WaitingRun {
  workflowCode: string;
  runId: string;
  stepName: string;
}

/** Publishes a workflow of one wait step (an approval when `requiresApprovalFrom` is set) and runs it. */
export async function startWaitingRun(
  api: APIRequestContext,
  projectCode: string,
  requiresApprovalFrom: string | null,
): Promise<WaitingRun> {
  const workflowCode = uniqueCode('wf');
  const stepName = `Sign-off ${workflowCode}`;
  await seedWorkflow(api, projectCode, {
    code: workflowCode,
    name: `Journey workflow ${workflowCode}`,
    description: 'Created by a browser journey',
    draft: false,
    steps: [
      requiresApprovalFrom === null
        ? { type: 'wait', name: stepName }
        : { type: 'wait', name: stepName, requires_approval_from: requiresApprovalFrom },
    ],
  });
  return { workflowCode, runId: await runWorkflow(api, projectCode, workflowCode), stepName };
}

/** Waits until the run's wait step waits and returns its id. */
export async function waitForRunStep(
  api: APIRequestContext,
  run: WaitingRun,
  status: string,
): Promise<string> {
  let stepId = '';
  await expect
    .poll(
      async () => {
        const response = await api.get(
          `/api/workflow_steps?filter[workflow_run_id_eq]=${run.runId}&filter[status_code_eq]=${status}`,
        );
        const body = (await response.json()) as { data: { id: string }[] };
        stepId = body.data[0]?.id ?? '';
        return stepId;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  return stepId;
}

export async function runStatus(api: APIRequestContext, runId: string): Promise<string> {
  const response = await api.get(`/api/workflow_runs/${runId}`);
  const body = (await response.json()) as { data: { attributes: { status_code: string } } };
  return body.data.attributes.status_code;
}
