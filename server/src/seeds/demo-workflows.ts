/**
 * Demo workflows and scheduled activities (called at the end of seedDemo): published workflows with stages,
 * approvals, waits and a nested workflow, a draft, and two schedules that fire rarely (a weekly scheduled
 * workflow, and a nightly scheduled change with `new_commits_only`, which only ever fires once without Git).
 * No runs here: demo-history.ts starts them (and lets the schedules fire) through the engine.
 */
import type { Emulator } from '../context.ts';
import { isoFromMs } from '../engine/logs.ts';
import type { NodeRow } from '../nodes.ts';
import { findNodeByPath } from '../nodes.ts';
import { readSteps, toYaml } from '../workflows/definitions.ts';
import { nextRunMs } from '../workflows/schedules.ts';
import type { WorkflowRow } from '../workflows/store.ts';
import { findWorkflow, insertVersion, latestPublished } from '../workflows/store.ts';

const SOA_DEV = '/projects/bank/environments/dev/assets/soa_dev';
const LEDGER_DEV = '/projects/bank/environments/dev/assets/ledger_db_dev';
const SOA_TEST = '/projects/bank/environments/test/assets/soa_test';
const SOA_PROD = '/projects/bank/environments/prod/assets/soa_prod';
const SHARED_DB = '/projects/bank/assets/shared_db';

interface VersionSeed {
  name: string;
  description: string;
  draft: boolean;
  steps: unknown[];
}

function node(emu: Emulator, path: string): NodeRow {
  const found = findNodeByPath(emu, path);
  if (!found) throw new Error(`demo seed: no node ${path}`);
  return found;
}

/** Inserts a workflow and its versions in order; the steps are checked like an API save. */
function workflow(emu: Emulator, project: NodeRow, code: string, versions: VersionSeed[]): WorkflowRow {
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO workflows (id, project_id, code, archived, next_version, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 0, 1, 'opschain', ?, ?)`,
    )
    .run(emu.newId(), project.id, code, now, now);
  const row = findWorkflow(emu, project.id, code);
  if (!row) throw new Error(`demo seed: workflow ${code} vanished`);
  for (const v of versions) {
    const { steps, problems } = readSteps(v.steps);
    if (problems.length > 0) throw new Error(`demo seed: workflow ${code}: ${JSON.stringify(problems)}`);
    const header = { code, name: v.name, description: v.description, createdBy: 'opschain' };
    insertVersion(emu, row, {
      name: v.name,
      description: v.description,
      draft: v.draft,
      steps,
      sourceYaml: toYaml(header, steps),
      createdBy: 'opschain',
    });
  }
  return row;
}

const releaseSteps = [
  {
    run_as: 'parallel',
    name: 'Deploy to development',
    children: [
      { type: 'change', name: 'Deploy SOA (dev)', target: SOA_DEV, action: 'deploy' },
      { type: 'change', name: 'Check ledger database (dev)', target: LEDGER_DEV, action: 'hello' },
    ],
  },
  { type: 'wait', name: 'QA sign-off', requires_approval_from: 'qa' },
  { type: 'change', name: 'Deploy SOA (test)', target: SOA_TEST, action: 'deploy' },
  { type: 'wait', name: 'Go / no-go', requires_approval_from: 'approvers' },
  { type: 'change', name: 'Deploy SOA (prod)', target: SOA_PROD, action: 'deploy' },
];

function schedule(
  emu: Emulator,
  target: NodeRow,
  fields: {
    cron: string;
    metadata: Record<string, unknown>;
    action?: string;
    gitRev?: string;
    newCommitsOnly?: boolean;
    workflow?: WorkflowRow;
  },
): void {
  const now = emu.now();
  const next = nextRunMs(fields.cron, emu.clock.now());
  const remote = fields.action
    ? (emu
        .sql("SELECT id, name FROM git_remotes WHERE project_id = ? AND name = 'origin'")
        .get(target.project_id ?? target.id) as { id: string; name: string } | undefined)
    : undefined;
  const version = fields.workflow ? latestPublished(emu, fields.workflow.id) : undefined;
  emu
    .sql(
      `INSERT INTO scheduled_activities (id, kind, node_id, project_id, cron_schedule, repeat, metadata, action,
         new_commits_only, git_remote_id, git_remote_name, git_rev, workflow_id, workflow_version_id, next_run_at,
         next_run_ms, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'opschain', ?, ?)`,
    )
    .run(
      emu.newId(),
      fields.workflow ? 'scheduled_workflow' : 'scheduled_change',
      target.id,
      target.project_id ?? target.id,
      fields.cron,
      JSON.stringify(fields.metadata),
      fields.action ?? null,
      fields.newCommitsOnly ? 1 : 0,
      remote?.id ?? null,
      remote?.name ?? null,
      fields.gitRev ?? null,
      fields.workflow?.id ?? null,
      version?.id ?? null,
      next === null ? null : isoFromMs(next),
      next,
      now,
      now,
    );
}

export function seedDemoWorkflows(emu: Emulator): void {
  const bank = node(emu, '/projects/bank');
  workflow(emu, bank, 'smoke_checks', [
    {
      name: 'Smoke checks',
      description: 'Quick checks of the SOA domains in development and test',
      draft: false,
      steps: [
        {
          run_as: 'parallel',
          name: 'Check SOA domains',
          children: [
            { type: 'change', name: 'Check SOA (dev)', target: SOA_DEV, action: 'hello' },
            { type: 'change', name: 'Check SOA (test)', target: SOA_TEST, action: 'hello' },
          ],
        },
      ],
    },
  ]);
  workflow(emu, bank, 'release_train', [
    {
      name: 'Release train',
      description: 'Development, then test, then production, with sign-offs',
      draft: false,
      steps: releaseSteps,
    },
    {
      name: 'Release train',
      description: 'Adds a smoke test after the production deploy',
      draft: true,
      steps: [
        ...releaseSteps,
        { type: 'change', name: 'Smoke test (prod)', target: SOA_PROD, action: 'hello' },
      ],
    },
  ]);
  const maintenance = workflow(emu, bank, 'db_maintenance', [
    {
      name: 'Database maintenance',
      description: 'Weekly maintenance of the shared reporting database',
      draft: false,
      steps: [
        { type: 'change', name: 'Vacuum and analyse', target: SHARED_DB, action: 'hello' },
        { type: 'wait', name: 'Confirm replicas are healthy' },
        {
          type: 'workflow',
          name: 'Run smoke checks',
          target: '/projects/bank/workflows/smoke_checks',
          version: null,
        },
      ],
    },
  ]);
  workflow(emu, bank, 'quarterly_patch', [
    {
      name: 'Quarterly patching',
      description: 'Work in progress: patch every SOA domain',
      draft: true,
      steps: [
        {
          run_as: 'sequential',
          name: 'Patch in order',
          children: [
            { type: 'change', target: SOA_DEV, action: 'provision' },
            { type: 'change', target: SOA_TEST, action: 'provision' },
          ],
        },
      ],
    },
  ]);
  schedule(emu, bank, {
    cron: '0 2 * * 0',
    metadata: { window: 'Sunday maintenance' },
    workflow: maintenance,
  });
  schedule(emu, node(emu, '/projects/bank/environments/dev'), {
    cron: '30 1 * * *',
    action: 'hello',
    gitRev: 'main',
    newCommitsOnly: true,
    metadata: { purpose: 'nightly smoke test' },
  });
}
