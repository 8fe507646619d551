import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getWorkflow, listWorkflowVersions, saveWorkflowVersion } from '@/api/workflows';
import { emulatorFetch, setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { DeleteVersionsDialog } from './delete-versions-dialog';

const emulator = setUpEmulator();
const DENIABLE = { resource: '/projects/bank/workflows/x', action: 'delete-versions' };

async function seedWorkflow(code: string, draft: boolean): Promise<void> {
  const response = await emulatorFetch(emulator().app)('/api/projects/bank/workflows', {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa('opschain:opschain')}`,
      'content-type': 'application/vnd.api+json',
    },
    body: JSON.stringify({
      data: { attributes: { code, name: `Hold ${code}`, draft, steps: [{ type: 'wait', name: 'Hold' }] } },
    }),
  });
  expect(response.status).toBe(201);
}

describe('DeleteVersionsDialog', () => {
  it('deletes the draft once confirmed and closes', async () => {
    signInAs('opschain');
    await seedWorkflow('dvd_one', false);
    const workflow = await getWorkflow('bank', 'dvd_one');
    await saveWorkflowVersion({
      projectCode: 'bank',
      workflowCode: 'dvd_one',
      sourceYaml: 'name: Hold dvd_one\nsteps:\n  - type: wait\n    name: Later\n',
      mode: 'draft',
    });
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <DeleteVersionsDialog
        workflow={workflow}
        deletion={{ kind: 'version', version: 2 }}
        deniable={DENIABLE}
        onClose={onClose}
      />,
    );

    const dialog = await screen.findByRole('dialog', { name: 'Delete draft version 2?' });
    expect(dialog).toHaveTextContent('Version 2 of Hold dvd_one is deleted; the other versions stay.');
    await user.click(screen.getByRole('button', { name: 'Delete version' }));

    await vi.waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect((await listWorkflowVersions('bank', 'dvd_one')).items.map((v) => v.version)).toEqual([1]);
  });

  it("shows the server's refusal when nothing is published (422) and stays open", async () => {
    signInAs('opschain');
    await seedWorkflow('dvd_drafts', true);
    const workflow = await getWorkflow('bank', 'dvd_drafts');
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <DeleteVersionsDialog
        workflow={workflow}
        deletion={{ kind: 'drafts', versions: [1] }}
        deniable={DENIABLE}
        onClose={onClose}
      />,
    );

    await user.click(await screen.findByRole('button', { name: 'Delete drafts' }));

    expect(await screen.findByText(/the workflow has no published version/)).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Delete all draft versions?' })).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
