import { expect, type APIRequestContext } from '@playwright/test';
import { JSON_API } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, seedGitRemote } from './node-seed.ts';

// Changes for the log journeys, each on its own new project and environment (so no other change blocks it).

export interface ChangeInput {
  action: string;
  propertyOverrides?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** Creates a change over the API; answers its id. */
export async function seedChange(api: APIRequestContext, input: ChangeInput): Promise<string> {
  const project = await seedEnterpriseProject(api, 'log');
  await seedEnvironment(api, project.code, 'dev', 'Development');
  await seedGitRemote(api, project.code);
  const response = await api.post(`/api/projects/${project.code}/environments/dev/changes`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({
      data: {
        attributes: {
          action: input.action,
          git_remote_name: 'origin',
          git_rev: 'main',
          property_overrides: input.propertyOverrides ?? {},
          metadata: input.metadata ?? {},
        },
      },
    }),
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { data: { id: string } };
  return body.data.id;
}

/** The change's status now. */
export async function changeStatus(api: APIRequestContext, id: string): Promise<string> {
  const response = await api.get(`/api/changes/${id}`);
  const body = (await response.json()) as { data: { attributes: { status_code: string } } };
  return body.data.attributes.status_code;
}

/** Every line of the change's log, as the API's download file has them. */
export async function downloadedLines(api: APIRequestContext, id: string): Promise<string[]> {
  const response = await api.get(`/api/changes/${id}/log_lines?download=log.log`);
  expect(response.status()).toBe(200);
  return (await response.text()).split('\n').slice(0, -1);
}
