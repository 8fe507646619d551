// The JSON Schema of a workflow's YAML (domain §9.2), for the editor's completion, hover text and markers.
// It says what the emulator's step reader accepts (server/src/workflows/definitions.ts): the same kinds of
// step, the same keys per kind, the same required and blank rules. Two limits it cannot say are left to
// the server's check: at most 5,000 steps and stages nested at most 10 deep. What the steps refer to (an
// asset that exists, a published workflow) is checked by the server only. Pure data: no Monaco here.

type Schema = Readonly<Record<string, unknown>>;

const MAX_NAME = 200;

/** A string with something besides spaces (the server trims, then refuses an empty value). */
const filled = (description: string): Schema => ({ type: 'string', pattern: '\\S', description });

const stepName: Schema = {
  type: ['string', 'null'],
  maxLength: MAX_NAME,
  description: 'What the step is called on the run page (optional).',
};

const startTime: Schema = {
  type: ['string', 'null'],
  description: 'The earliest time the step may start (ISO-8601, e.g. 2026-12-24T18:00:00Z), or null.',
};

/** Keys the API sends back in a version's steps; a step may carry them unchanged. */
const echoed = (description: string): Schema => ({ description });

const changeStep: Schema = {
  type: 'object',
  title: 'Change step',
  description: 'Runs an action on an asset, as a change.',
  required: ['type', 'target', 'action'],
  additionalProperties: false,
  properties: {
    type: { const: 'change', description: 'A change step: runs `action` on the asset `target`.' },
    name: stepName,
    target: filled('The asset the change runs on: /projects/<p>[/environments/<e>]/assets/<a>.'),
    action: filled('The action to run, one of the asset’s template version’s actions: deploy.'),
    template_version: {
      type: ['string', 'null'],
      description: 'The template version whose code runs (default: the asset’s own), or null.',
    },
    start_time: startTime,
    property_overrides: {
      type: ['object', 'null'],
      description: 'Properties that override the asset’s for this change only, or null.',
    },
    change_parent: echoed('Sent back by the API: the node the change ran on.'),
  },
};

const waitStep: Schema = {
  type: 'object',
  title: 'Wait step',
  description: 'Waits until someone continues it, or (with requires_approval_from) approves it.',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { const: 'wait', description: 'A wait step: the run waits here.' },
    name: stepName,
    requires_approval_from: {
      type: ['string', 'null'],
      description: 'The group whose members approve the step (an approval step); null: anyone continues it.',
    },
    validation_error: echoed('Sent back by the API.'),
  },
};

const workflowStep: Schema = {
  type: 'object',
  title: 'Workflow step',
  description: 'Runs another workflow and waits for it.',
  required: ['type', 'target'],
  additionalProperties: false,
  properties: {
    type: { const: 'workflow', description: 'A nested workflow step.' },
    name: stepName,
    target: {
      type: 'string',
      pattern: '^\\s*/projects/[^/]+/workflows/[^/]+\\s*$',
      description: 'The workflow to run: /projects/<project_code>/workflows/<workflow_code>.',
    },
    version: {
      anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }],
      description: 'The version to run (a published one); null: the latest published version.',
    },
    start_time: startTime,
    validation_error: echoed('Sent back by the API.'),
    child_workflow_version: echoed('Sent back by the API.'),
  },
};

const stage: Schema = {
  type: 'object',
  title: 'Stage',
  description: 'Groups steps that run one after another or side by side. A stage has no type.',
  required: ['run_as', 'name', 'children'],
  additionalProperties: false,
  properties: {
    run_as: {
      enum: ['sequential', 'parallel'],
      description: 'sequential: the children run in order; parallel: they run side by side.',
    },
    name: { ...filled('What the stage is called on the run page.'), maxLength: MAX_NAME },
    children: { $ref: '#/definitions/steps', description: 'The steps of the stage (at least one).' },
  },
};

/** The workflow step format: a mapping with `steps` (and name, description…), or just the list of steps. */
export const workflowYamlSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'OpsChain workflow',
  definitions: {
    steps: { type: 'array', minItems: 1, items: { $ref: '#/definitions/step' } },
    step: { anyOf: [changeStep, waitStep, workflowStep, stage] },
  },
  anyOf: [
    {
      type: 'object',
      required: ['steps'],
      properties: {
        code: {
          type: 'string',
          description: 'The workflow’s code (as OpsChain writes the YAML; not changed by a save).',
        },
        name: { type: 'string', description: 'The workflow’s name.' },
        description: { type: ['string', 'null'], description: 'What the workflow does.' },
        created_by: { type: 'string', description: 'Who created the workflow (written by OpsChain).' },
        steps: {
          $ref: '#/definitions/steps',
          description: 'The steps, run one after another (at least one; at most 500 in all).',
        },
      },
    },
    { $ref: '#/definitions/steps' },
  ],
};
