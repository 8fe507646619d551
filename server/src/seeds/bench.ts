import type { Emulator } from '../context.ts';
import { recordEvent } from '../events.ts';
import { createNode } from '../node-store.ts';
import { insertTemplate, insertTemplateVersion } from '../template-store.ts';
import type { NodeRow } from '../nodes.ts';
import { seedDemoUsers } from './policies.ts';

/** The changes of the benchmark spread over this many assets (100 changes each). */
const CHANGED_ASSETS = 100;
const CHANGE_SPACING_MS = 60_000;
const OUTCOMES = ['success', 'success', 'success', 'error', 'cancelled'] as const;
const ACTIONS = ['deploy', 'hello', 'provision', 'failing'] as const;

/**
 * 10,000 finished changes, one a minute up to now, each with its root step, written straight into the tables
 * in one transaction (the engine's create path checks and records events per change, far too slow here).
 */
function seedBenchChanges(emu: Emulator, project: NodeRow, assets: readonly NodeRow[], versionId: string) {
  const insertChange = emu.sql(
    `INSERT INTO changes (id, seq, node_id, project_id, environment_id, asset_id, action, created_by, metadata,
       scheduled, git_rev, commit_sha, template_version_id, status_code, root_step_id, created_at, started_at,
       finished_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, 0, 'v1.0', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStep = emu.sql(
    `INSERT INTO steps (id, change_id, parent_id, position, sort_key, def_path, kind, action, name,
       child_execution_strategy, status_code, phase, created_at, started_at, finished_at, updated_at)
     VALUES (?, ?, NULL, 0, '0000', '', 'action', ?, NULL, 'sequential', ?, 'done', ?, ?, ?, ?)`,
  );
  const start = Date.now() - BENCH_SIZES.changes * CHANGE_SPACING_MS;
  emu.tx(() => {
    for (let i = 0; i < BENCH_SIZES.changes; i++) {
      const asset = assets[i % assets.length];
      if (asset === undefined) return;
      const id = emu.newId();
      const rootId = emu.newId();
      const created = start + i * CHANGE_SPACING_MS;
      const at = (offsetMs: number) => new Date(created + offsetMs).toISOString();
      const status = OUTCOMES[i % OUTCOMES.length] ?? 'success';
      const action = ACTIONS[i % ACTIONS.length] ?? 'hello';
      const metadata = JSON.stringify({ change_request: `CR${String(i).padStart(5, '0')}` });
      const sha = i.toString(16).padStart(40, '0');
      insertChange.run(
        id,
        i + 1,
        asset.id,
        project.id,
        asset.id,
        action,
        ['opschain', 'operator', 'approver'][i % 3] ?? 'opschain',
        metadata,
        sha,
        versionId,
        status,
        rootId,
        at(0),
        at(1_000),
        at(30_000),
        at(30_000),
      );
      insertStep.run(rootId, id, action, status, at(0), at(1_000), at(30_000), at(30_000));
    }
  });
}

export const BENCH_SIZES = { projects: 100, assets: 10_000, events: 100_000, changes: 10_000 } as const;

/**
 * The benchmark data set: 100 projects (one, `bench`, holding 10,000 project-owned assets, the rest with
 * three environments each), 100,000 events and 10,000 finished changes on the bench project's assets.
 */
export function seedBench(emu: Emulator): void {
  seedDemoUsers(emu);
  const bench = createNode(emu, {
    kind: 'project',
    parent: null,
    code: 'bench',
    name: 'Benchmark project',
    description: 'Ten thousand assets',
    projectType: 'Enterprise',
  });
  const templateId = insertTemplate(emu, {
    projectId: bench.id,
    code: 'generic',
    name: 'Generic asset',
    description: 'Template for benchmark assets',
    url: 'https://git.example.com/bench/generic.git',
  });
  const versionId = insertTemplateVersion(emu, {
    templateId,
    templateCode: 'generic',
    version: '1_0',
    description: 'First release',
    gitRev: 'v1.0',
    createdBy: 'opschain',
    ready: true,
  });
  const assets: NodeRow[] = [];
  for (let i = 0; i < BENCH_SIZES.assets; i++) {
    const n = String(i).padStart(5, '0');
    const asset = createNode(emu, {
      kind: 'asset',
      parent: bench,
      code: `asset_${n}`,
      name: `Asset ${n} ${['web', 'db', 'cache', 'queue', 'batch'][i % 5] ?? ''}`,
      description: `Benchmark asset number ${String(i)}`,
      templateId,
      templateVersionId: versionId,
    });
    if (i < CHANGED_ASSETS) assets.push(asset);
  }
  seedBenchChanges(emu, bench, assets, versionId);
  for (let p = 1; p < BENCH_SIZES.projects; p++) {
    const code = `project_${String(p).padStart(3, '0')}`;
    const project = createNode(emu, {
      kind: 'project',
      parent: null,
      code,
      name: `Project ${String(p).padStart(3, '0')}`,
      description: 'Benchmark project',
      projectType: p % 3 === 0 ? 'Standard' : 'Enterprise',
    });
    for (const env of ['dev', 'test', 'prod']) {
      createNode(emu, {
        kind: 'environment',
        parent: project,
        code: env,
        name: env.toUpperCase(),
        description: null,
      });
    }
  }
  const types = [
    'api:projects:update',
    'api:nodes:create',
    'api:properties:update',
    'deployment finished',
    'backup taken',
  ];
  for (let i = 0; i < BENCH_SIZES.events; i++) {
    const type = types[i % types.length] ?? 'bench';
    recordEvent(emu, {
      type,
      username: ['opschain', 'operator', 'approver'][i % 3] ?? 'opschain',
      system: type.startsWith('api:'),
      payload: { sequence: i, parent_code: `project_${String(i % 100).padStart(3, '0')}` },
      source: null,
    });
  }
}
