import { describe, expect, it } from 'vitest';
import { lineOfPointer, previewWorkflowYaml, selfCallProblems, stepAtLine } from './workflow-yaml';

const SOURCE = `name: Release
steps:
  - type: change
    name: Deploy
    target: /projects/bank/assets/web
    action: deploy
  - name: Checks
    run_as: parallel
    children:
      - type: wait
        name: Sign-off
        requires_approval_from: approvers
      - type: workflow
        target: /projects/bank/workflows/smoke
`;

describe('previewWorkflowYaml', () => {
  it('builds the step tree with the line each step starts on', () => {
    const preview = previewWorkflowYaml(SOURCE);
    expect(preview.problems).toEqual([]);
    expect(preview.tree?.name).toBe('Release');
    const [deploy, checks] = preview.tree?.children ?? [];
    expect(deploy).toMatchObject({
      id: 'steps/0',
      name: 'Deploy',
      kind: 'change',
      detail: 'deploy on /projects/bank/assets/web',
    });
    expect(checks).toMatchObject({ id: 'steps/1', name: 'Checks', childExecution: 'parallel' });
    expect(checks?.children.map((child) => [child.id, child.kind])).toEqual([
      ['steps/1/children/0', 'wait'],
      ['steps/1/children/1', 'workflow'],
    ]);
    expect(preview.lines.get('steps/0')).toBe(3);
    expect(preview.lines.get('steps/1')).toBe(7);
    expect(preview.lines.get('steps/1/children/1')).toBe(13);
  });

  it('reads a bare list of steps', () => {
    const preview = previewWorkflowYaml('- type: wait\n  name: Hold\n', 'Fallback');
    expect(preview.tree?.name).toBe('Fallback');
    expect(preview.tree?.children[0]?.name).toBe('Hold');
  });

  it('reports invalid YAML, a missing step list and unknown types on their lines', () => {
    expect(previewWorkflowYaml('steps: [').problems[0]?.line).toBe(1);
    expect(previewWorkflowYaml('name: x\n').problems[0]?.message).toBe('The workflow needs a list of steps');
    expect(previewWorkflowYaml('steps:\n  - type: shell\n').problems).toEqual([
      { line: 2, message: 'Unknown step type "shell": change, wait or workflow' },
    ]);
  });
});

describe('lineOfPointer', () => {
  it('finds the line of the deepest step a 422 pointer is under', () => {
    const preview = previewWorkflowYaml(SOURCE);
    expect(lineOfPointer(preview, '/data/attributes/steps/0/target')).toBe(3);
    expect(lineOfPointer(preview, '/data/attributes/steps/1/children/0/requires_approval_from')).toBe(10);
    expect(lineOfPointer(preview, '/data/attributes/name')).toBeNull();
  });
});

describe('selfCallProblems', () => {
  it('flags a workflow step that runs the workflow itself, on its line', () => {
    const preview = previewWorkflowYaml(SOURCE);
    expect(selfCallProblems(preview, { projectCode: 'bank', workflowCode: 'smoke' })).toEqual([
      { line: 13, message: 'The workflow runs itself: it would never finish' },
    ]);
    expect(selfCallProblems(preview, { projectCode: 'bank', workflowCode: 'release' })).toEqual([]);
    expect(selfCallProblems(preview, { projectCode: 'other', workflowCode: 'smoke' })).toEqual([]);
  });
});

describe('stepAtLine', () => {
  it('finds the innermost step whose YAML spans the line', () => {
    const preview = previewWorkflowYaml(SOURCE);
    expect(stepAtLine(preview, 5)).toBe('steps/0');
    expect(stepAtLine(preview, 8)).toBe('steps/1');
    expect(stepAtLine(preview, 12)).toBe('steps/1/children/0');
    expect(stepAtLine(preview, 14)).toBe('steps/1/children/1');
    expect(stepAtLine(preview, 1)).toBeUndefined();
  });
});
