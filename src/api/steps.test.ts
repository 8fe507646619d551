import { afterEach, describe, expect, it } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { alreadyDecidedMessage } from '@/lib/step-permissions';
import { cancelChange, getChangeDetail, getTargetHolder, toChangeDetail } from './changes';
import { apiRequest } from './client';
import { ApiError } from './errors';
import { decideStep, setSkipOnRetry, type Step } from './steps';

// A clock the test moves by hand; the engine runs only when told (`runTickers`).
let now = Date.parse('2026-01-05T10:00:00Z');
const clock = { now: () => now };
const emulator = setUpEmulator({ clock });

function advance(ms: number): void {
  now += ms;
  emulator().app.emulator.runTickers();
}

// Changes on one environment run one at a time: each test's change is cancelled after it, so the next starts.
const started: string[] = [];
afterEach(async () => {
  signInAs('opschain');
  for (const id of started.splice(0)) await cancelChange({ id }).catch(() => undefined);
  advance(250);
});

async function startChange(action: string): Promise<string> {
  const body = await apiRequest('/projects/bank/environments/dev/changes', {
    method: 'POST',
    body: { data: { attributes: { action, git_remote_name: 'origin', git_rev: 'main' } } },
  });
  const id = (body as { data?: { id?: unknown } } | null)?.data?.id;
  if (typeof id !== 'string') throw new Error('the change was not created');
  started.push(id);
  return id;
}

async function stepUntil(changeId: string, action: string, status: string): Promise<Step> {
  for (let waited = 0; waited < 120_000; waited += 250) {
    const detail = await getChangeDetail(changeId);
    const step = detail.steps.find((candidate) => candidate.action === action);
    if (step?.status_code === status) return step;
    advance(250);
  }
  throw new Error(`${action} never reached ${status}`);
}

describe('change detail', () => {
  it('reads the change, its target and its step tree with parents and children', async () => {
    signInAs('operator');
    const id = await startChange('approval_gate');
    await stepUntil(id, 'approve_release', 'waiting_for_approval');

    const detail = await getChangeDetail(id);

    expect(detail.change).toMatchObject({ id, action: 'approval_gate', created_by: 'operator' });
    expect(detail.target).toEqual({ kind: 'environment', projectCode: 'bank', environmentCode: 'dev' });
    expect(detail.targetPath).toBe('/projects/bank/environments/dev');
    const root = detail.steps.find((step) => step.id === detail.rootStepId);
    expect(root?.parent_id).toBeNull();
    const children = detail.steps.filter((step) => step.parent_id === root?.id).map((step) => step.action);
    expect(children).toEqual(['approve_release', 'apply_release']);
    expect(root?.child_ids).toHaveLength(2);
    expect(detail.isSettled).toBe(false);
  });

  it('names the change a pending one waits for on its target, and its place in the queue', async () => {
    signInAs('operator');
    const holder = await startChange('manual_wait');
    await stepUntil(holder, 'opschain_wait_step_1', 'waiting');
    const first = await startChange('hello');
    const second = await startChange('hello');
    advance(1000);

    const detail = await getChangeDetail(second);

    expect(detail.change.status_code).toBe('pending');
    expect(detail.change.meta).toMatchObject({
      blocked_by_change_in_same_parent: true,
      blocked_by_queue: [first],
    });
    expect((await getTargetHolder('/projects/bank/environments/dev', second))?.id).toBe(holder);
  });

  it('keeps the readable steps and marks the one that does not match the contract', () => {
    const step = (id: string, status: unknown) => ({
      type: 'step',
      id,
      attributes: {
        approved_by: [],
        rejected_by: [],
        continued_by: [],
        requires_approval_from: null,
        action: 'a',
        name: null,
        step_type: 'standard',
        child_execution_strategy: 'sequential',
        change_id: 'c1',
        skip_on_retry: false,
        created_at: '2026-01-05T10:00:00Z',
        started_at: null,
        finished_at: null,
        updated_at: '2026-01-05T10:00:00Z',
        status_code: status,
      },
    });
    const body = {
      data: {
        type: 'change',
        id: 'c1',
        attributes: {
          created_by: 'operator',
          name: null,
          action: 'a',
          initial_step_tree: null,
          metadata: {},
          property_overrides: {},
          scheduled: false,
          approved_by: null,
          rejected_by: null,
          requires_approval_from: null,
          status_code: 'success',
          created_at: '2026-01-05T10:00:00Z',
          started_at: null,
          finished_at: null,
          updated_at: '2026-01-05T10:00:00Z',
          project_name: 'Bank',
          environment_name: null,
          git_remote_name: null,
          git_rev: null,
          asset_name: null,
          commit_sha: null,
        },
        links: { parent: '/api/projects/bank' },
      },
      included: [step('s1', 'success'), step('s2', 42)],
    };

    const detail = toChangeDetail(body, 'GET /api/changes/c1', true);

    expect(detail.steps.map((s) => s.id)).toEqual(['s1']);
    expect(detail.unreadableSteps).toMatchObject([{ id: 's2' }]);
    expect(detail.target).toEqual({ kind: 'project', projectCode: 'bank' });
    expect(detail.templateVersion).toBeNull();
    expect(detail.isSettled).toBe(true);

    const onAsset = toChangeDetail(
      {
        ...body,
        data: {
          ...body.data,
          links: { parent: '/api/projects/bank/environments/dev/assets/web%201' },
          relationships: {
            template_version: {
              data: { type: 'template_version', id: 'tv1' },
              links: { related: '/api/projects/bank/templates/web_tpl/versions/v2' },
            },
          },
        },
      },
      'GET /api/changes/c1',
    );
    expect(onAsset.target).toEqual({
      kind: 'asset',
      projectCode: 'bank',
      environmentCode: 'dev',
      assetCode: 'web 1',
    });
    expect(onAsset.templateVersion).toEqual({ templateCode: 'web_tpl', version: 'v2' });
    expect(onAsset.isSettled).toBe(false);

    // Opened after it finished: every step ended, so no last poll is needed; a step still running needs one.
    const ended = toChangeDetail(
      { ...body, included: [step('s1', 'success'), step('s3', 'aborted')] },
      'GET',
    );
    expect(ended.isSettled).toBe(true);
    const running = toChangeDetail(
      { ...body, included: [step('s1', 'success'), step('s3', 'running')] },
      'GET',
    );
    expect(running.isSettled).toBe(false);

    // Members of other types are not the page's business; a malformed `included` fails the document.
    const mixed = toChangeDetail(
      { ...body, included: [step('s1', 'success'), { type: 'project', id: 'p1', attributes: 'odd' }] },
      'GET',
    );
    expect(mixed.steps.map((s) => s.id)).toEqual(['s1']);
    expect(mixed.unreadableSteps).toEqual([]);
    expect(() => toChangeDetail({ ...body, included: 'steps' }, 'GET /api/changes/c1')).toThrow(
      /GET \/api\/changes\/c1/,
    );
  });
});

describe('step decisions', () => {
  it('refuses an approval from someone not listed (403) and records the approver’s message', async () => {
    signInAs('operator');
    const id = await startChange('approval_gate');
    const gate = await stepUntil(id, 'approve_release', 'waiting_for_approval');

    const refusal = await decideStep({ stepId: gate.id, decision: 'approve' }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 403 });

    signInAs('approver');
    const result = await decideStep({ stepId: gate.id, decision: 'approve', message: '  As per CR 7  ' });
    expect(result.outcome).toBe('done');
    expect(result.step?.approved_by).toEqual([{ username: 'approver', message: 'As per CR 7' }]);
  });

  it('turns a decision that came too late into "already approved by …"', async () => {
    signInAs('operator');
    const id = await startChange('approval_gate');
    const gate = await stepUntil(id, 'approve_release', 'waiting_for_approval');
    signInAs('approver');
    await decideStep({ stepId: gate.id, decision: 'approve' });

    const late = await decideStep({ stepId: gate.id, decision: 'reject', message: 'no' });

    expect(late.outcome).toBe('not_waiting');
    expect(alreadyDecidedMessage(late.step)).toBe('Already approved by approver');
  });

  it('continues a waiting step, and flags a step to be skipped on retry', async () => {
    signInAs('operator');
    const id = await startChange('manual_wait');
    const wait = await stepUntil(id, 'opschain_wait_step_1', 'waiting');

    const result = await decideStep({ stepId: wait.id, decision: 'continue' });
    expect(result.outcome).toBe('done');
    expect(result.step?.continued_by).toEqual([{ username: 'operator', message: null }]);

    const flagged = await setSkipOnRetry({ stepId: wait.id, skip: true });
    expect(flagged.skip_on_retry).toBe(true);
  });

  it('cancels a change: it ends cancelled and a second cancel is refused', async () => {
    signInAs('operator');
    const id = await startChange('slow');
    advance(500);

    await cancelChange({ id });
    advance(250);

    const detail = await getChangeDetail(id);
    expect(detail.change.status_code).toBe('cancelled');
    await expect(cancelChange({ id })).rejects.toMatchObject({ status: 422 });
  });
});
