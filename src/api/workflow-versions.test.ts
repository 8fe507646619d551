import { describe, expect, it } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { ApiError } from './errors';
import {
  deleteDraftVersions,
  deleteWorkflow,
  deleteWorkflowVersion,
  getWorkflowVersion,
  setWorkflowArchived,
} from './workflow-versions';
import { getWorkflow, listWorkflowVersions, saveWorkflowVersion } from './workflows';

const emulator = setUpEmulator();

const yamlOf = (code: string, action: string) =>
  `code: ${code}\nname: Release ${code}\nsteps:\n  - type: change\n    target: /projects/bank/environments/dev/assets/soa_dev\n    action: ${action}\n`;

/** A workflow on bank with one published version (`deploy`). */
async function seedWorkflow(code: string, draft = false): Promise<void> {
  const response = await emulator().app.inject({
    method: 'POST',
    url: '/api/projects/bank/workflows',
    headers: {
      authorization: `Basic ${btoa('opschain:opschain')}`,
      'content-type': 'application/vnd.api+json',
    },
    payload: JSON.stringify({
      data: { attributes: { code, name: `Release ${code}`, source_yaml: yamlOf(code, 'deploy'), draft } },
    }),
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function versionNumbers(code: string): Promise<number[]> {
  return (await listWorkflowVersions('bank', code)).items.map((version) => version.version);
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('workflow versions', () => {
  it('reads one version with its YAML', async () => {
    signInAs('opschain');
    await seedWorkflow('wv_read');
    await saveWorkflowVersion({
      projectCode: 'bank',
      workflowCode: 'wv_read',
      sourceYaml: yamlOf('wv_read', 'release'),
      mode: 'draft',
    });

    const first = await getWorkflowVersion('bank', 'wv_read', 1);
    const second = await getWorkflowVersion('bank', 'wv_read', 2);

    expect(first).toMatchObject({ version: 1, draft: false });
    expect(first.source_yaml).toContain('action: deploy');
    expect(second).toMatchObject({ version: 2, draft: true });
    expect(second.source_yaml).toContain('action: release');
    expect((await failure(getWorkflowVersion('bank', 'wv_read', 9))).status).toBe(404);
  });

  it('deletes a draft version, and refuses to delete the only version (422)', async () => {
    signInAs('opschain');
    await seedWorkflow('wv_delete');
    await saveWorkflowVersion({
      projectCode: 'bank',
      workflowCode: 'wv_delete',
      sourceYaml: yamlOf('wv_delete', 'release'),
      mode: 'draft',
    });

    await deleteWorkflowVersion({ projectCode: 'bank', workflowCode: 'wv_delete', version: 2 });

    expect(await versionNumbers('wv_delete')).toEqual([1]);
    const refused = await failure(
      deleteWorkflowVersion({ projectCode: 'bank', workflowCode: 'wv_delete', version: 1 }),
    );
    expect(refused.status).toBe(422);
  });

  it('deletes all drafts, and refuses while nothing is published', async () => {
    signInAs('opschain');
    await seedWorkflow('wv_drafts');
    for (const action of ['one', 'two']) {
      await saveWorkflowVersion({
        projectCode: 'bank',
        workflowCode: 'wv_drafts',
        sourceYaml: yamlOf('wv_drafts', action),
        mode: 'draft',
      });
    }
    await deleteDraftVersions({ projectCode: 'bank', workflowCode: 'wv_drafts' });
    expect(await versionNumbers('wv_drafts')).toEqual([1]);

    await seedWorkflow('wv_unpublished', true);
    const refused = await failure(
      deleteDraftVersions({ projectCode: 'bank', workflowCode: 'wv_unpublished' }),
    );
    expect(refused.status).toBe(422);
  });

  it('archives and restores a workflow with the body the contract writes, keeping its steps and state', async () => {
    signInAs('opschain');
    await seedWorkflow('wv_archive');
    const workflow = await getWorkflow('bank', 'wv_archive');

    await setWorkflowArchived({ workflow, archived: true });
    const archived = await getWorkflow('bank', 'wv_archive');
    expect(archived).toMatchObject({ archived: true, draft: false, latest_published_version: 2 });
    expect(archived.steps).toEqual(workflow.steps);

    await setWorkflowArchived({ workflow: archived, archived: false });
    expect(await getWorkflow('bank', 'wv_archive')).toMatchObject({ archived: false });
  });

  it('refuses a viewer (403) and deletes a workflow that never ran', async () => {
    signInAs('opschain');
    await seedWorkflow('wv_gone');
    signInAs('viewer');
    const refused = await failure(deleteWorkflow({ projectCode: 'bank', workflowCode: 'wv_gone' }));
    expect(refused.status).toBe(403);

    signInAs('opschain');
    expect(await deleteWorkflow({ projectCode: 'bank', workflowCode: 'wv_gone' })).toEqual({
      outcome: 'deleted',
    });
  });
});
