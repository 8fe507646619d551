import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cancelChange, getChangeDetail, type ChangeStep } from '@/api/changes';
import { apiRequest } from '@/api/client';
import { decideStep } from '@/api/steps';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { StepActions } from './step-actions';

let now = Date.parse('2026-01-05T10:00:00Z');
const emulator = setUpEmulator({ clock: { now: () => now } });
const started: string[] = [];

afterEach(async () => {
  signInAs('opschain');
  for (const id of started.splice(0)) await cancelChange({ id }).catch(() => undefined);
});

async function waitingGate(): Promise<ChangeStep> {
  signInAs('operator');
  const body = await apiRequest('/projects/bank/environments/dev/changes', {
    method: 'POST',
    body: { data: { attributes: { action: 'approval_gate', git_remote_name: 'origin', git_rev: 'main' } } },
  });
  const id = (body as { data?: { id?: unknown } } | null)?.data?.id;
  if (typeof id !== 'string') throw new Error('the change was not created');
  started.push(id);
  for (let waited = 0; waited < 60_000; waited += 250) {
    const gate = (await getChangeDetail(id)).steps.find((step) => step.action === 'approve_release');
    if (gate?.status_code === 'waiting_for_approval') return gate;
    now += 250;
    emulator().app.emulator.runTickers();
  }
  throw new Error('the approval step never waited');
}

const allowed = { approve: null, reject: null, continue: 'The step is not waiting', skip_on_retry: 'n/a' };

describe('StepActions', () => {
  it('shows why an action is refused, next to the disabled button', () => {
    const step: ChangeStep = {
      id: 's1',
      status_code: 'waiting_for_approval',
      requires_approval_from: 'approvers',
      parent_id: null,
      child_ids: [],
      action: 'approve_release',
      name: null,
      approved_by: [],
      rejected_by: [],
      continued_by: [],
      step_type: 'standard',
      child_execution_strategy: 'sequential',
      change_id: 'c1',
      skip_on_retry: false,
      created_at: '2026-01-05T10:00:00Z',
      started_at: '2026-01-05T10:00:00Z',
      finished_at: null,
      updated_at: '2026-01-05T10:00:00Z',
      relationships: {},
      links: {},
      meta: undefined,
    };
    const refused = 'Requires approval from approvers';
    renderWithProviders(
      <StepActions step={step} verdicts={{ ...allowed, approve: refused, reject: refused }} />,
    );

    const approve = screen.getByRole('button', { name: 'Approve' });
    expect(approve).toHaveAttribute('aria-disabled', 'true');
    expect(approve).toHaveAccessibleDescription('Requires approval from approvers');
    // Nobody who may not decide is asked for a message.
    expect(screen.queryByRole('textbox', { name: /Message/ })).not.toBeInTheDocument();
  });

  it('says who decided first when the decision came too late', async () => {
    const gate = await waitingGate();
    signInAs('approver');
    await decideStep({ stepId: gate.id, decision: 'approve', message: 'first' });
    const { user } = renderWithProviders(<StepActions step={gate} verdicts={allowed} />);

    await user.type(screen.getByRole('textbox', { name: /Message/ }), 'not ready');
    await user.click(screen.getByRole('button', { name: 'Reject' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Already approved by approver');
  });
});
