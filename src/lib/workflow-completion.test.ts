import { describe, expect, it } from 'vitest';
import { completionSlot, completionValues, WORKFLOW_SNIPPETS } from './workflow-completion';

const DATA = {
  assets: [
    {
      path: '/projects/bank/assets/web',
      name: 'Web',
      actions: [{ name: 'deploy', description: 'Ships it' }, { name: 'restart' }],
    },
  ],
  workflows: [{ path: '/projects/bank/workflows/smoke', name: 'Smoke' }],
};

describe('completionSlot', () => {
  it('finds the target being typed and the type of the step around it', () => {
    const text = 'steps:\n  - type: change\n    target: /pro\n    action: deploy\n';
    expect(completionSlot(text, 3, 17)).toEqual({
      key: 'target',
      stepType: 'change',
      target: '/pro',
      startColumn: 13,
    });
  });

  it('finds the action and the target of its step, inside a stage', () => {
    const text = [
      'steps:',
      '  - run_as: parallel',
      '    name: s',
      '    children:',
      '      - type: wait',
      '      - type: change',
      '        target: /projects/bank/assets/web',
      '        action: ',
    ].join('\n');
    expect(completionSlot(text, 8, 17)).toMatchObject({
      key: 'action',
      stepType: 'change',
      target: '/projects/bank/assets/web',
    });
  });

  it('is null elsewhere: another key, before the colon, a line that does not exist', () => {
    const text = 'steps:\n  - type: wait\n    name: x\n    target: y\n';
    expect(completionSlot(text, 3, 12)).toBeNull();
    expect(completionSlot(text, 4, 6)).toBeNull();
    expect(completionSlot(text, 40, 1)).toBeNull();
  });
});

describe('completionValues', () => {
  it('offers assets for a change step, workflows for a workflow step, both when the type is not known', () => {
    const slot = { key: 'target', target: undefined, startColumn: 1 } as const;
    expect(completionValues({ ...slot, stepType: 'change' }, DATA).map((v) => v.label)).toEqual([
      '/projects/bank/assets/web',
    ]);
    expect(completionValues({ ...slot, stepType: 'workflow' }, DATA).map((v) => v.label)).toEqual([
      '/projects/bank/workflows/smoke',
    ]);
    expect(completionValues({ ...slot, stepType: undefined }, DATA)).toHaveLength(2);
  });

  it('offers the target asset’s actions, and none for an unknown target', () => {
    const slot = { key: 'action', stepType: 'change', startColumn: 1 } as const;
    expect(completionValues({ ...slot, target: '/projects/bank/assets/web' }, DATA)).toEqual([
      { label: 'deploy', detail: 'Ships it' },
      { label: 'restart', detail: undefined },
    ]);
    expect(completionValues({ ...slot, target: '/nowhere' }, DATA)).toEqual([]);
  });
});

describe('WORKFLOW_SNIPPETS', () => {
  it('has one snippet per kind of step, each a list item', () => {
    expect(WORKFLOW_SNIPPETS.map((s) => s.label)).toEqual([
      'change step',
      'wait step needing approvers',
      'nested workflow step',
      'parallel stage',
    ]);
    for (const snippet of WORKFLOW_SNIPPETS) expect(snippet.body.startsWith('- ')).toBe(true);
  });
});
