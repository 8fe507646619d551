import { expect, type APIRequestContext } from '@playwright/test';
import { JSON_API } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, seedGitRemote } from './node-seed.ts';

// Changes a journey starts over the REST API, on an environment of its own project, so no other journey's
// changes queue in front of them.

export interface ChangeTarget {
  projectCode: string;
  environmentCode: string;
  /** `/projects/<p>/environments/<e>`. */
  path: string;
}

/** A fresh Enterprise project with an environment `dev` and a Git remote `origin`. */
export async function seedChangeTarget(api: APIRequestContext, prefix: string): Promise<ChangeTarget> {
  const project = await seedEnterpriseProject(api, prefix);
  await seedEnvironment(api, project.code, 'dev', 'Development');
  await seedGitRemote(api, project.code);
  return {
    projectCode: project.code,
    environmentCode: 'dev',
    path: `/projects/${project.code}/environments/dev`,
  };
}

export interface ChangeInput {
  action: string;
  metadata?: Record<string, unknown>;
  property_overrides?: Record<string, unknown>;
}

/** Starts a change of one of the emulator's catalog actions from `origin` at `main`; answers its id. */
export async function startChange(
  api: APIRequestContext,
  target: ChangeTarget,
  input: ChangeInput,
): Promise<string> {
  const response = await api.post(`/api${target.path}/changes`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes: { git_remote_name: 'origin', git_rev: 'main', ...input } } }),
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { data: { id: string } };
  return body.data.id;
}
