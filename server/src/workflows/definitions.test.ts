import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readSteps, readYaml, sameSteps, toYaml } from './definitions.ts';
import { cronProblem, nextRunMs } from './schedules.ts';

const T0 = Date.UTC(2025, 3, 25, 6, 0, 0);

describe('readSteps', () => {
  it('keeps only the keys of each kind of step, trimmed, and drops response-only keys', () => {
    const { steps, problems } = readSteps([
      { type: 'change', target: ' /projects/p/assets/a ', action: 'run ', name: ' ', change_parent: null },
      { type: 'wait', requires_approval_from: ' ', validation_error: 'old' },
      { type: 'workflow', target: '/projects/p/workflows/w', version: null, child_workflow_version: {} },
      { run_as: 'parallel', name: 'stage', children: [{ type: 'wait', name: 'inner' }] },
    ]);
    expect(problems).toEqual([]);
    expect(steps).toEqual([
      { type: 'change', target: '/projects/p/assets/a', action: 'run' },
      { type: 'wait', requires_approval_from: null },
      { type: 'workflow', target: '/projects/p/workflows/w', version: null },
      { run_as: 'parallel', name: 'stage', children: [{ type: 'wait', name: 'inner' }] },
    ]);
  });

  it('reports every problem with the field path of its step', () => {
    const { problems } = readSteps([
      'not a step',
      { type: 'change', target: 5, action: '' },
      { run_as: 'parallel', children: [{ type: 'workflow', target: '/x', version: 0 }] },
      { type: 'wait', start_time: 'soon' },
      { type: 'change', target: '/a', action: 'b', start_time: 'never' },
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      'steps/0',
      'steps/1/target',
      'steps/1/action',
      'steps/2/name',
      'steps/2/children/0/version',
      'steps/3/start_time',
      'steps/4/start_time',
    ]);
  });

  it('refuses an empty list and stages nested too deep', () => {
    expect(readSteps([]).problems).toEqual([{ field: 'steps', title: "Steps can't be blank" }]);
    let deep: unknown = { type: 'wait' };
    for (let i = 0; i < 12; i++) deep = { run_as: 'sequential', name: `s${String(i)}`, children: [deep] };
    expect(readSteps([deep]).problems.map((p) => p.title)).toContain('Stages nest at most 10 deep');
  });
});

describe('YAML', () => {
  it('writes a --- document that reads back to the same steps', () => {
    const steps = readSteps([{ type: 'change', target: '/projects/p/assets/a', action: 'run' }]).steps;
    const text = toYaml({ code: 'w', name: 'W', description: null, createdBy: 'me' }, steps);
    expect(text.startsWith('---\n')).toBe(true);
    expect(parse(text)).toEqual({ code: 'w', name: 'W', description: '', created_by: 'me', steps });
    const back = readYaml(text).definition;
    expect(sameSteps(readSteps(back?.steps).steps, steps)).toBe(true);
  });

  it('reads a bare list of steps, and reports text that is not a workflow', () => {
    expect(readYaml('- type: wait\n').definition?.steps).toEqual([{ type: 'wait' }]);
    expect(readYaml('just text').problem?.field).toBe('source_yaml');
    expect(readYaml('a: [').problem?.title).toMatch(/^Source yaml is not valid YAML/);
  });
});

describe('cron', () => {
  it('accepts 5 and 6 fields in UTC and finds the next occurrence strictly after a time', () => {
    expect(cronProblem('21 0 1 3 1', T0)).toBeNull();
    expect(new Date(nextRunMs('21 0 1 3 1', T0) ?? 0).toISOString()).toBe('2026-03-01T00:21:00.000Z');
    expect(nextRunMs('*/10 * * * * *', T0)).toBe(T0 + 10_000);
    expect(nextRunMs('0 6 * * *', T0)).toBe(T0 + 24 * 3_600_000);
  });

  it('explains what is wrong', () => {
    expect(cronProblem('* * * *', T0)).toMatch(/5 fields/);
    expect(cronProblem('61 * * * *', T0)).toMatch(/^Cron schedule is not valid/);
    expect(cronProblem('0 0 30 2 *', T0)).toBe('Cron schedule never fires');
    expect(nextRunMs('nonsense', T0)).toBeNull();
  });
});
