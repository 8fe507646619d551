import type { Emulator } from '../context.ts';
import { appendVersion } from '../documents.ts';
import { createNode } from '../node-store.ts';
import type { NodeRow } from '../nodes.ts';
import { insertTemplate, insertTemplateVersion } from '../template-store.ts';
import { DAY_MS, HOUR_MS, seedClock, seedDemoHistory, type SeedClock } from './demo-history.ts';
import { seedDemoWorkflows } from './demo-workflows.ts';
import { seedBase, seedDemoUsers } from './policies.ts';

interface TemplateSeed {
  code: string;
  name: string;
  description: string;
  url: string;
  /** `daysAgo`: when the version was added, before the seed's "now" (template versions are months apart). */
  versions: { version: string; description: string; gitRev: string; daysAgo: number }[];
}

function insertRemote(
  emu: Emulator,
  project: NodeRow,
  name: string,
  url: string,
  withCredentials: boolean,
): void {
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO git_remotes (id, project_id, name, url, user, password, ssh_key_data, archived, disabled,
         used_by_change, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 0, 0, ?, ?)`,
    )
    .run(
      emu.newId(),
      project.id,
      name,
      url,
      withCredentials ? 'deploy-bot' : null,
      withCredentials ? 'demo-token' : null,
      now,
      now,
    );
}

/** A clock stopped at one moment, for a row dated apart from the seed's running clock. */
function fixedClock(ms: number): { now: () => number } {
  return { now: () => ms };
}

function seedTemplates(
  emu: Emulator,
  project: NodeRow,
  templates: TemplateSeed[],
  endMs: number,
): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const t of templates) {
    const firstDaysAgo = Math.max(...t.versions.map((v) => v.daysAgo));
    const templateId = emu.withClock(fixedClock(endMs - firstDaysAgo * DAY_MS - HOUR_MS), () =>
      insertTemplate(emu, {
        projectId: project.id,
        code: t.code,
        name: t.name,
        description: t.description,
        url: t.url,
        user: 'deploy-bot',
        password: 'demo-token',
      }),
    );
    const versions = new Map<string, string>([['__template__', templateId]]);
    for (const v of t.versions) {
      versions.set(
        v.version,
        emu.withClock(fixedClock(endMs - v.daysAgo * DAY_MS), () =>
          insertTemplateVersion(emu, {
            templateId,
            templateCode: t.code,
            version: v.version,
            description: v.description,
            gitRev: v.gitRev,
            createdBy: 'opschain',
            ready: true,
          }),
        ),
      );
    }
    out.set(t.code, versions);
  }
  return out;
}

function asset(
  emu: Emulator,
  parent: NodeRow,
  templates: Map<string, Map<string, string>>,
  spec: {
    code: string;
    name: string;
    description: string;
    template: string;
    version: string;
    properties?: Record<string, unknown>;
  },
): NodeRow {
  const versions = templates.get(spec.template);
  const templateId = versions?.get('__template__');
  const versionId = versions?.get(spec.version);
  if (!templateId || !versionId)
    throw new Error(`demo seed: unknown template ${spec.template} ${spec.version}`);
  return createNode(emu, {
    kind: 'asset',
    parent,
    code: spec.code,
    name: spec.name,
    description: spec.description,
    templateId,
    templateVersionId: versionId,
    properties: spec.properties ?? {},
  });
}

/** Moves an asset to another template version, closing its history record, as assign_to_assets does. */
function reassign(emu: Emulator, node: NodeRow, versionId: string): void {
  const now = emu.now();
  emu
    .sql('UPDATE template_version_history SET active_to = ? WHERE asset_id = ? AND active_to IS NULL')
    .run(now, node.id);
  emu
    .sql(
      'INSERT INTO template_version_history (id, asset_id, template_version_id, active_from, active_to) VALUES (?, ?, ?, ?, NULL)',
    )
    .run(emu.newId(), node.id, versionId, now);
  emu
    .sql('UPDATE nodes SET template_version_id = ?, updated_at = ? WHERE id = ?')
    .run(versionId, now, node.id);
}

function bookmark(emu: Emulator, node: NodeRow, url: string, description: string): void {
  const now = emu.now();
  emu
    .sql(
      'INSERT INTO bookmarks (id, node_id, url, description, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(emu.newId(), node.id, url, description, 'opschain', now, now);
}

const SOA: TemplateSeed = {
  code: 'soa',
  name: 'Oracle SOA Suite',
  description: 'Oracle SOA Suite 12c (12.2.1.4.0) domain with managed servers',
  url: 'https://git.example.com/platform/soa-template.git',
  versions: [
    { version: '2024_Q4_1', description: 'Baseline domain build', gitRev: 'v2024.4.1', daysAgo: 96.27 },
    { version: '2025_Q1_1', description: 'JDK 17 and patched WebLogic', gitRev: 'v2025.1.1', daysAgo: 61.6 },
    {
      version: '2025_Q2_1',
      description: 'Added additional configuration options',
      gitRev: 'v2025.2.1',
      daysAgo: 27.15,
    },
  ],
};
const POSTGRES: TemplateSeed = {
  code: 'postgres',
  name: 'PostgreSQL cluster',
  description: 'Primary and streaming replica with pgBackRest backups',
  url: 'https://git.example.com/platform/postgres-template.git',
  versions: [
    { version: '15_6', description: 'PostgreSQL 15.6', gitRev: 'pg-15.6', daysAgo: 88.42 },
    {
      version: '16_2',
      description: 'PostgreSQL 16.2 with logical replication slots',
      gitRev: 'pg-16.2',
      daysAgo: 40.7,
    },
  ],
};
const WEB: TemplateSeed = {
  code: 'web_app',
  name: 'Node web application',
  description: 'Containerised Node.js service behind the shared load balancer',
  url: 'https://git.example.com/retail/web-app-template.git',
  versions: [
    { version: '1_4', description: 'Node 20 runtime', gitRev: 'release/1.4', daysAgo: 15.8 },
    { version: '1_5', description: 'Blue/green deploys', gitRev: 'release/1.5', daysAgo: 9.05 },
  ],
};

/** The demo starts this long before the seed's "now": projects first, template versions over the months. */
const DEMO_AGE_MS = 100 * DAY_MS;
/** The engine-made history (demo-history.ts) covers the last week (and a bit, so the weekly schedule fires). */
const HISTORY_MS = 7 * DAY_MS + 2 * HOUR_MS;

/**
 * Realistic demo data: two Enterprise projects and a Standard one, with versioned properties and settings,
 * then a week of history made by the engine. Everything is dated before the emulator's clock at seed time.
 */
export function seedDemo(emu: Emulator): void {
  const endMs = emu.clock.now();
  const clock = seedClock(endMs - DEMO_AGE_MS);
  emu.withClock(clock, () => {
    seedDemoStructure(emu, clock, endMs);
    clock.advanceTo(endMs - HISTORY_MS);
    seedDemoWorkflows(emu);
    seedDemoHistory(emu, clock, endMs);
  });
}

function seedDemoStructure(emu: Emulator, clock: SeedClock, endMs: number): void {
  const daysAgo = (days: number): void => {
    clock.advanceTo(endMs - days * DAY_MS);
  };
  seedBase(emu);
  seedDemoUsers(emu);

  const bank = createNode(emu, {
    kind: 'project',
    parent: null,
    code: 'bank',
    name: 'Core Banking Platform',
    description: 'Payments, ledgers and the SOA integration layer',
    projectType: 'Enterprise',
    properties: { owner: 'platform-team', region: 'ap-southeast-2' },
    settings: { allow_parallel_changes: false },
  });
  insertRemote(emu, bank, 'origin', 'https://git.example.com/bank/opschain-actions.git', true);
  const bankTemplates = seedTemplates(emu, bank, [SOA, POSTGRES], endMs);
  daysAgo(45);
  appendVersion(emu, bank.properties_id, {
    owner: 'platform-team',
    region: 'ap-southeast-2',
    monitoring: { provider: 'prometheus', scrape_interval: '30s' },
  });
  daysAgo(30);
  appendVersion(emu, bank.properties_id, {
    owner: 'platform-team',
    region: 'ap-southeast-2',
    monitoring: {
      provider: 'prometheus',
      scrape_interval: '15s',
      alert_channels: ['#bank-ops', 'pagerduty'],
    },
    opschain: { env: { JAVA_OPTS: '-Xmx2g' } },
  });
  daysAgo(26);

  const envs = new Map<string, NodeRow>();
  for (const [code, name, description] of [
    ['dev', 'Development', 'Developer integration environment'],
    ['test', 'Test', 'System and regression testing'],
    ['prod', 'Production', 'Customer-facing production'],
  ] as const) {
    const env = createNode(emu, {
      kind: 'environment',
      parent: bank,
      code,
      name,
      description,
      properties: { tier: code, soa: { managed_servers: code === 'prod' ? 4 : 1 } },
      settings: code === 'prod' ? { requires_approval_from: 'approvers' } : {},
    });
    envs.set(code, env);
  }
  const prod = envs.get('prod');
  const dev = envs.get('dev');
  const test = envs.get('test');
  if (!prod || !dev || !test) throw new Error('demo seed: environments missing');
  daysAgo(20);
  appendVersion(emu, prod.properties_id, {
    tier: 'prod',
    soa: { managed_servers: 4, cluster: { name: 'soa_cluster', load_balancer: 'lb-prod-01.bank.internal' } },
    maintenance_window: { day: 'Sunday', start: '02:00', duration_minutes: 120 },
  });

  const sharedDb = asset(emu, bank, bankTemplates, {
    code: 'shared_db',
    name: 'Shared reporting database',
    description: 'Reporting replica shared by all environments',
    template: 'postgres',
    version: '15_6',
    properties: { postgres: { max_connections: 400, shared_buffers: '8GB' } },
  });
  daysAgo(18);
  reassign(emu, sharedDb, bankTemplates.get('postgres')?.get('16_2') ?? '');
  for (const env of [dev, test, prod]) {
    const soa = asset(emu, env, bankTemplates, {
      code: `soa_${env.code}`,
      name: `SOA ${env.name}`,
      description: `SOA Suite domain for ${env.name.toLowerCase()}`,
      template: 'soa',
      version: env.code === 'prod' ? '2024_Q4_1' : '2025_Q2_1',
      properties: {
        soa: { admin_port: 7001, managed_port: 8001, hosts: [`soa1-${env.code}.bank.internal`] },
      },
    });
    if (env.code === 'prod') reassign(emu, soa, bankTemplates.get('soa')?.get('2025_Q1_1') ?? '');
    asset(emu, env, bankTemplates, {
      code: `ledger_db_${env.code}`,
      name: `Ledger database ${env.name}`,
      description: 'General ledger PostgreSQL cluster',
      template: 'postgres',
      version: '16_2',
    });
    bookmark(emu, env, `https://grafana.bank.example.com/d/${env.code}`, `${env.name} dashboards`);
  }
  bookmark(emu, bank, 'https://wiki.bank.example.com/platform/runbooks', 'Platform runbooks');

  daysAgo(16);
  const retail = createNode(emu, {
    kind: 'project',
    parent: null,
    code: 'retail',
    name: 'Retail Web Store',
    description: 'Online store front end, cart and checkout services',
    projectType: 'Enterprise',
    properties: { owner: 'digital-team', cdn: { provider: 'fastly' } },
    settings: { allow_parallel_changes: true },
  });
  insertRemote(emu, retail, 'origin', 'https://git.example.com/retail/opschain-actions.git', false);
  const retailTemplates = seedTemplates(emu, retail, [WEB], endMs);
  daysAgo(15);
  const retailAssets: NodeRow[] = [];
  for (const [code, name] of [
    ['dev', 'Development'],
    ['test', 'Test'],
    ['prod', 'Production'],
  ] as const) {
    const env = createNode(emu, {
      kind: 'environment',
      parent: retail,
      code,
      name,
      description: `Retail ${name.toLowerCase()} environment`,
      properties: { replicas: code === 'prod' ? 6 : 2 },
    });
    for (const svc of ['storefront', 'checkout', 'cart']) {
      const created = asset(emu, env, retailTemplates, {
        code: `${svc}_${code}`,
        name: `${svc.charAt(0).toUpperCase()}${svc.slice(1)} ${name}`,
        description: `${svc} service`,
        template: 'web_app',
        version: '1_4',
        properties: { service: { name: svc, port: 3000 } },
      });
      if (code !== 'prod') retailAssets.push(created);
    }
  }

  daysAgo(12);
  const website = createNode(emu, {
    kind: 'project',
    parent: null,
    code: 'website',
    name: 'Corporate Website',
    description: 'Marketing site and content management',
    projectType: 'Standard',
    properties: { cms: 'wordpress', php: '8.2' },
  });
  insertRemote(emu, website, 'origin', 'https://git.example.com/marketing/website-actions.git', false);
  for (const [code, name] of [
    ['dev', 'Development'],
    ['test', 'Test'],
    ['prod', 'Production'],
  ] as const) {
    createNode(emu, {
      kind: 'environment',
      parent: website,
      code,
      name,
      description: `Website ${name.toLowerCase()}`,
    });
  }

  // Blue/green deploys (1_5) arrived later; development and test moved to it, production stays on 1_4.
  daysAgo(8.9);
  const blueGreen = retailTemplates.get('web_app')?.get('1_5') ?? '';
  for (const node of retailAssets) reassign(emu, node, blueGreen);
}
