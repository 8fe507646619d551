import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { PickAndRunWorkflow } from './pick-and-run-workflow';

setUpEmulator();

describe('PickAndRunWorkflow', () => {
  it('runs the latest published version of the workflow picked in an Enterprise project', async () => {
    signInAs('opschain');
    const onStarted = vi.fn();
    const { user } = renderWithProviders(<PickAndRunWorkflow onCancel={vi.fn()} onStarted={onStarted} />);

    await user.click(await screen.findByRole('combobox', { name: 'Project' }));
    await user.click(await screen.findByRole('option', { name: /^Core Banking Platform/ }));
    await user.click(screen.getByRole('combobox', { name: 'Workflow' }));
    await user.click(await screen.findByRole('option', { name: 'Smoke checks (smoke_checks)' }));
    const version = await screen.findByRole('combobox', { name: 'Version' });
    await vi.waitFor(() => {
      expect(version).toHaveValue('v1 (latest published)');
    });
    await user.click(screen.getByRole('button', { name: 'Run' }));

    await vi.waitFor(() => {
      expect(onStarted).toHaveBeenCalledWith(
        expect.objectContaining({ projectCode: 'bank', workflowCode: 'smoke_checks' }),
      );
    });
  });

  it('lists only Enterprise projects, and a viewer sees Run disabled with the reason', async () => {
    signInAs('viewer');
    const { user } = renderWithProviders(<PickAndRunWorkflow onCancel={vi.fn()} onStarted={vi.fn()} />);

    await user.click(await screen.findByRole('combobox', { name: 'Project' }));
    expect(screen.queryByRole('option', { name: /^Corporate Website/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: /^Core Banking Platform/ }));
    await user.click(screen.getByRole('combobox', { name: 'Workflow' }));
    await user.click(await screen.findByRole('option', { name: 'Smoke checks (smoke_checks)' }));

    const run = await screen.findByRole('button', { name: 'Run' });
    expect(run).toHaveAttribute('aria-disabled', 'true');
    expect(run).toHaveAccessibleDescription(
      'You need execute permission on /projects/bank/workflow_runs to run workflows',
    );
  });
});
