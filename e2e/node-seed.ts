import { expect, type APIRequestContext } from '@playwright/test';
import { JSON_API } from './fixtures.ts';

// Seeds the nodes a journey works on over the REST API, with codes no other test uses, so specs can run
// in parallel against one emulator.

let counter = 0;

/** A code unique to this run and this test: lowercase letters, digits and underscores. */
export function uniqueCode(prefix: string): string {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 7);
  return `${prefix}_${Date.now().toString(36)}${String(counter)}${random}`.toLowerCase();
}

async function post(
  api: APIRequestContext,
  path: string,
  attributes: Record<string, unknown>,
  method = 'POST',
) {
  const response = await api.fetch(path, {
    method,
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes } }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response;
}

/** Git credentials of a public repository: the API wants them sent, as null. */
const NO_GIT_CREDENTIALS = { user: null, password: null, ssh_key_data: null };

export interface SeededProject {
  code: string;
  name: string;
}

/** An Enterprise project with a template (`<code>_tpl`, version `v1`), so assets can be created in it. */
export async function seedEnterpriseProject(api: APIRequestContext, prefix = 'e2e'): Promise<SeededProject> {
  const code = uniqueCode(prefix);
  const name = `Journey ${code}`;
  await post(api, '/api/projects', {
    code,
    name,
    description: 'Created by a browser journey',
    project_type: 'Enterprise',
  });
  await post(api, `/api/projects/${code}/templates`, {
    code: 'web_tpl',
    name: 'Journey web template',
    description: 'Template for journey assets',
    url: 'https://git.example.com/journeys/web.git',
    ...NO_GIT_CREDENTIALS,
  });
  await post(
    api,
    `/api/projects/${code}/templates/web_tpl/versions/v1`,
    { description: 'First version', git_rev: 'main' },
    'PUT',
  );
  return { code, name };
}

export async function seedEnvironment(
  api: APIRequestContext,
  projectCode: string,
  code: string,
  name: string,
): Promise<void> {
  await post(api, `/api/projects/${projectCode}/environments`, {
    code,
    name,
    description: `${name} environment`,
  });
}

/** Reads a node over the API, as the server has it now. */
export async function readNode(api: APIRequestContext, path: string): Promise<Record<string, unknown>> {
  const response = await api.get(`/api${path}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data: { attributes: Record<string, unknown> } };
  return body.data.attributes;
}

/** A Git remote of a project, so changes can run on its environments from it. */
export async function seedGitRemote(
  api: APIRequestContext,
  projectCode: string,
  name = 'origin',
  url = 'https://git.example.com/journeys/actions.git',
): Promise<void> {
  await post(api, `/api/projects/${projectCode}/git_remotes`, { name, url, ...NO_GIT_CREDENTIALS });
}

/** An asset of a project seeded by `seedEnterpriseProject`, built from its template (`web_tpl`, `v1`). */
export async function seedAsset(
  api: APIRequestContext,
  projectCode: string,
  code: string,
  name: string,
): Promise<void> {
  await post(api, `/api/projects/${projectCode}/assets`, {
    code,
    name,
    description: `${name} asset`,
    template_name: 'web_tpl',
    template_version: 'v1',
  });
}

/** An asset of an environment, built from the project's journey template (`web_tpl` v1). */
export async function seedEnvironmentAsset(
  api: APIRequestContext,
  projectCode: string,
  environmentCode: string,
  code: string,
  name: string,
): Promise<void> {
  await post(api, `/api/projects/${projectCode}/environments/${environmentCode}/assets`, {
    code,
    name,
    description: `${name} asset`,
    template_name: 'web_tpl',
    template_version: 'v1',
  });
}

/** Replaces a node's properties or settings (an unchecked update: no version). */
export async function replaceDocument(
  api: APIRequestContext,
  nodePath: string,
  kind: 'properties' | 'settings',
  data: Record<string, unknown>,
): Promise<void> {
  const node = await api.get(`/api${nodePath}`);
  expect(node.status()).toBe(200);
  const body = (await node.json()) as { data: { relationships: Record<string, { data: { id: string } }> } };
  const id = body.data.relationships[kind]?.data.id ?? '';
  await post(api, `/api/${kind}/${id}`, { data }, 'PATCH');
}

/** A workflow as the API creates it (domain §9): published unless `draft`, with its steps as written. */
export interface WorkflowSeed {
  code: string;
  name: string;
  description?: string;
  draft: boolean;
  steps: readonly Record<string, unknown>[];
}

/** Creates a workflow on an Enterprise project. */
export async function seedWorkflow(
  api: APIRequestContext,
  projectCode: string,
  workflow: WorkflowSeed,
): Promise<void> {
  await post(api, `/api/projects/${projectCode}/workflows`, { description: '', ...workflow });
}

/** Starts a run of a workflow's latest published version; the run's id. */
export async function runWorkflow(
  api: APIRequestContext,
  projectCode: string,
  workflowCode: string,
): Promise<string> {
  const response = await post(api, `/api/projects/${projectCode}/workflows/${workflowCode}/runs`, {
    workflow_code: workflowCode,
  });
  return ((await response.json()) as { data: { id: string } }).data.id;
}
