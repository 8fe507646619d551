import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isApiError } from './errors';
import { listWorkflows, listWorkflowVersions, saveWorkflowVersion } from './workflows';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { workflowYamlSchema } from '@/lib/workflow-schema';

// The editor's workflow schema (src/lib/workflow-schema.ts) against the emulator's step reader, through the
// API: the demo workflows pass both; each invalid workflow below is refused by both (the server through
// `meta.validate`), so the editor's markers and the server's 422 agree.

setUpEmulator();
const validate = new Ajv({ allErrors: true }).compile(workflowYamlSchema);
const SOA_DEV = '/projects/bank/environments/dev/assets/soa_dev';

async function serverAccepts(sourceYaml: string): Promise<boolean> {
  try {
    await saveWorkflowVersion({
      projectCode: 'bank',
      workflowCode: 'release_train',
      sourceYaml,
      mode: 'check',
    });
    return true;
  } catch (error) {
    if (isApiError(error, 422)) return false;
    throw error;
  }
}

const VALID = `name: Everything
description: null
steps:
  - type: change
    name: Deploy
    target: ${SOA_DEV}
    action: deploy
    template_version: null
    start_time: 2026-12-24T18:00:00Z
    property_overrides: { replicas: 2 }
  - type: wait
  - type: wait
    name: QA
    requires_approval_from: approvers
  - run_as: parallel
    name: Side by side
    children:
      - type: workflow
        target: /projects/bank/workflows/smoke_checks
        version: null
      - run_as: sequential
        name: Inner
        children:
          - { type: wait, name: Hold }
`;

const INVALID: Record<string, string> = {
  'an empty step list': 'steps: []\n',
  'a mapping without steps': 'name: x\n',
  'a step without a type': 'steps:\n  - name: x\n',
  'an unknown type': 'steps:\n  - type: shell\n',
  'a change step without an action': `steps:\n  - type: change\n    target: ${SOA_DEV}\n`,
  'a blank target': "steps:\n  - type: change\n    target: '  '\n    action: deploy\n",
  'an unknown key on a wait step': 'steps:\n  - type: wait\n    approvers: qa\n',
  'a numeric name': 'steps:\n  - type: wait\n    name: 5\n',
  'a name over 200 characters': `steps:\n  - type: wait\n    name: ${'x'.repeat(201)}\n`,
  'a stage without a name': 'steps:\n  - run_as: parallel\n    children:\n      - type: wait\n',
  'a stage run as neither': 'steps:\n  - run_as: both\n    name: s\n    children:\n      - type: wait\n',
  'a stage without children': 'steps:\n  - run_as: parallel\n    name: s\n    children: []\n',
  'a stage with a type':
    'steps:\n  - type: null\n    run_as: parallel\n    name: s\n    children:\n      - type: wait\n',
  'version zero':
    'steps:\n  - type: workflow\n    target: /projects/bank/workflows/smoke_checks\n    version: 0\n',
  'a workflow target that is not a workflow path': 'steps:\n  - type: workflow\n    target: smoke_checks\n',
  'property overrides that are a list': `steps:\n  - type: change\n    target: ${SOA_DEV}\n    action: deploy\n    property_overrides: [1]\n`,
};

describe('workflowYamlSchema', () => {
  it('accepts every version of every demo workflow', async () => {
    signInAs('opschain');
    const workflows = await listWorkflows('bank');
    expect(workflows.length).toBeGreaterThan(2);
    for (const workflow of workflows) {
      const versions = await listWorkflowVersions('bank', workflow.code);
      for (const version of versions.items) {
        expect(validate(parse(version.source_yaml)), `${workflow.code} v${String(version.version)}`).toBe(
          true,
        );
      }
    }
  });

  it('accepts every kind of step and key the server accepts', async () => {
    signInAs('opschain');
    expect(validate(parse(VALID)), JSON.stringify(validate.errors)).toBe(true);
    expect(await serverAccepts(VALID)).toBe(true);
    expect(validate(parse(`- type: wait\n`))).toBe(true);
  });

  it.each(Object.entries(INVALID))('refuses %s, as the server does', async (_what, source) => {
    signInAs('opschain');
    expect(validate(parse(source))).toBe(false);
    expect(await serverAccepts(source)).toBe(false);
  });
});
