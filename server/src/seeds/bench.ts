import type { Emulator } from '../context.ts';
import { recordEvent } from '../events.ts';
import { createNode } from '../node-store.ts';
import { insertTemplate, insertTemplateVersion } from '../template-store.ts';
import { seedDemoUsers } from './policies.ts';

export const BENCH_SIZES = { projects: 100, assets: 10_000, events: 100_000 } as const;

/**
 * The benchmark data set: 100 projects (one, `bench`, holding 10,000 project-owned assets, the rest with
 * three environments each) and 100,000 events.
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
  for (let i = 0; i < BENCH_SIZES.assets; i++) {
    const n = String(i).padStart(5, '0');
    createNode(emu, {
      kind: 'asset',
      parent: bench,
      code: `asset_${n}`,
      name: `Asset ${n} ${['web', 'db', 'cache', 'queue', 'batch'][i % 5] ?? ''}`,
      description: `Benchmark asset number ${String(i)}`,
      templateId,
      templateVersionId: versionId,
    });
  }
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
