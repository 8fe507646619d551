import { describe, expect, it } from 'vitest';
import { toWorkflowRunDetail } from './workflow-runs';

const at = '2026-12-03T13:55:08.272000Z';
const common = {
  lock_version: 0,
  created_by: 'opschain',
  status_code: 'success',
  created_at: at,
  started_at: at,
  finished_at: at,
  updated_at: at,
  skip_on_retry: false,
};
const run = {
  type: 'workflow_run',
  id: 'r1',
  attributes: {
    step_tree: {
      id: 's0',
      name: 'Big',
      type: 'workflow_noop_step',
      child_execution_strategy: 'sequential',
      children: [{ id: 's1', name: 'hello', type: 'workflow_change_step', action: 'hello', children: [] }],
    },
    scheduled: false,
    metadata: {},
    created_by: 'opschain',
    status_code: 'success',
    created_at: at,
    started_at: at,
    finished_at: at,
    updated_at: at,
    project_name: 'Retail',
  },
  relationships: { workflow_version: { data: { type: 'workflow_version', id: 'v1' } } },
  links: { self: '/api/projects/retail/workflows/big/runs/r1' },
  meta: { parallel_workflows_allowed: false, blocked_by_same_workflow_running: false, blocked_by_queue: [] },
};
const version = { type: 'workflow_version', id: 'v1', attributes: { version: 3, steps: [] } };
const noop = {
  type: 'workflow_noop_step',
  id: 's0',
  attributes: { ...common, name: 'Big', child_execution_strategy: 'sequential' },
};
const change = {
  type: 'workflow_change_step',
  id: 's1',
  attributes: { ...common, name: 'hello', action: 'hello', property_overrides: {} },
  relationships: { change: { data: { type: 'change', id: 'c1' } } },
};

describe('toWorkflowRunDetail', () => {
  it('reads the run, the version it ran and its steps with their changes', () => {
    const detail = toWorkflowRunDetail({ data: run, included: [version, noop, change] }, 'GET run');
    expect(detail.run.step_tree.children[0]?.id).toBe('s1');
    expect(detail.run.meta?.parallel_workflows_allowed).toBe(false);
    expect(detail.version).toBe(3);
    expect(detail.steps.map((step) => [step.id, step.changeId])).toEqual([
      ['s0', null],
      ['s1', 'c1'],
    ]);
    expect(detail.unreadableSteps).toBe(0);
  });

  it('counts a step it cannot read instead of dropping it silently, and reads one the schema takes', () => {
    const odd = {
      ...change,
      id: 's2',
      attributes: { ...change.attributes, created_at: '2026-12-03T13:55:08.1234567891Z' },
    };
    const broken = { ...change, id: 's3', attributes: { ...change.attributes, created_at: 'yesterday' } };
    const detail = toWorkflowRunDetail({ data: run, included: [noop, odd, broken] }, 'GET run');
    // Ten decimals: not the shape OpsChain sends, but a time the contract takes.
    expect(detail.steps.map((step) => step.id)).toEqual(['s0', 's2']);
    expect(detail.unreadableSteps).toBe(1);
    expect(detail.version).toBeNull();
  });

  it('refuses an answer that is not a run', () => {
    expect(() => toWorkflowRunDetail({ data: { ...run, type: 'workflow' } }, 'GET run')).toThrow(/GET run/);
    expect(() => toWorkflowRunDetail({ data: run, included: [{ id: 1 }] }, 'GET run')).toThrow(/GET run/);
  });
});
