import type { Permission } from '@contract/authz';
import { DEMO_USERS } from '@contract/demo-users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccessData } from './authorisation';
import { credentialsStore } from './credentials';
import { addEmulatorUser, startEmulator, type TestEmulator } from '@/test/emulator';
import { authorizerFor, type AccessData } from '@/lib/access-model';

// The console's explainer must say what the server decides. This test generates rules and policies over the
// demo tree, creates them through the API, reads them back the way the security pages do, and compares the
// console's decisions with the emulator's own answers over HTTP: node reads (200 or 404) and every facet of
// `meta.authorisations` (domain §5.4), for the demo users and generated users in generated groups.

const SEED = Number(process.env.AGREEMENT_SEED ?? 20261202);

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = ['viewers', 'operators', 'qa', 'approvers', 'gen-a', 'gen-b'];
const GENERATED_USERS = ['gen1', 'gen2', 'gen3', 'gen4', 'gen5', 'gen6'];

interface JsonResponse {
  status: number;
  body: unknown;
}

let emulator: TestEmulator;

async function call(
  user: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
): Promise<JsonResponse> {
  const response = await emulator.app.inject({
    method,
    url,
    headers: {
      authorization: `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}`,
      'content-type': 'application/vnd.api+json',
    },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
  return { status: response.statusCode, body: response.body === '' ? null : JSON.parse(response.body) };
}

interface NodeRow {
  links: { self: string };
  meta: { can_have_changes: boolean; authorisations: Record<string, Partial<Record<Permission, boolean>>> };
}

function rows(response: JsonResponse): NodeRow[] {
  const { data } = response.body as { data: NodeRow[] };
  return data;
}

async function allNodePaths(): Promise<string[]> {
  const paths: string[] = [];
  for (const project of rows(await call('opschain', 'GET', '/api/projects'))) {
    const self = project.links.self;
    paths.push(self.slice(4));
    const environments = rows(await call('opschain', 'GET', `${self}/environments`));
    for (const environment of environments) {
      paths.push(environment.links.self.slice(4));
      for (const asset of rows(await call('opschain', 'GET', `${environment.links.self}/assets`))) {
        paths.push(asset.links.self.slice(4));
      }
    }
    for (const asset of rows(await call('opschain', 'GET', `${self}/assets`)))
      paths.push(asset.links.self.slice(4));
  }
  return paths;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function generatedRulePath(next: () => number, nodes: readonly string[]): string {
  const node = pick(next, nodes);
  const project = node.split('/').slice(0, 3).join('/');
  const shapes = [
    `^${node}`,
    node,
    `^${project}/environments/(dev|test)`,
    '^(/[^/]+/[^/]+)*/changes',
    '^(/[^/]+/[^/]+)*/properties',
    `^${project}/assets`,
    `${node}/settings`,
    '',
  ];
  return pick(next, shapes);
}

describe('the console explainer agrees with the emulator', () => {
  let data: AccessData;
  let nodes: string[];
  let users: { username: string; groups: string[] }[];

  beforeAll(async () => {
    emulator = await startEmulator();
    const next = random(SEED);
    for (const username of GENERATED_USERS) {
      addEmulatorUser(
        emulator.app,
        username,
        GROUPS.filter(() => next() < 0.35),
      );
    }
    // More nodes than the demo's: projects of both types, each with environments named like the rules'.
    for (const [index, type] of ['Standard', 'Enterprise', 'Standard', 'Enterprise'].entries()) {
      const code = `gen_${String(index)}`;
      const attributes = { code, name: code, description: null, project_type: type };
      expect((await call('opschain', 'POST', '/api/projects', { data: { attributes } })).status).toBe(201);
      for (const env of ['dev', 'test', 'prod']) {
        const envAttributes = { code: env, name: env, description: null };
        const created = await call('opschain', 'POST', `/api/projects/${code}/environments`, {
          data: { attributes: envAttributes },
        });
        expect(created.status).toBe(201);
      }
    }
    nodes = await allNodePaths();
    for (let p = 0; p < 24; p++) {
      const rules = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
        path: generatedRulePath(next, nodes),
        readable: next() < 0.6,
        updatable: next() < 0.5,
        executable: next() < 0.5,
      }));
      const created = await call('opschain', 'POST', '/api/authorisation_policies', {
        data: {
          attributes: { name: `generated ${String(p)}`, description: null, authorisation_rules: rules },
        },
      });
      expect(created.status).toBe(201);
      const { data: policy } = created.body as { data: { id: string } };
      const assignments = Array.from({ length: 1 + Math.floor(next() * 2) }, () => {
        const roll = next();
        const user = pick(next, [...GENERATED_USERS, ...DEMO_USERS.filter((u) => u !== 'opschain')]);
        if (roll < 0.35) return { username: user };
        if (roll < 0.7) return { groupname: pick(next, GROUPS) };
        if (roll < 0.85) return { username: user, groupname: pick(next, GROUPS) };
        return { username: null, groupname: null };
      });
      const assigned = await call(
        'opschain',
        'POST',
        `/api/authorisation_policies/${policy.id}/assignments`,
        {
          data: { attributes: { assignments } },
        },
      );
      expect(assigned.status).toBe(200);
    }
    credentialsStore.set({ username: 'opschain', password: 'opschain' });
    const loaded = await loadAccessData();
    expect(loaded.unreadable).toEqual([]);
    data = loaded.data;
    const listed = (await call('opschain', 'GET', '/api/users')).body as {
      data: { attributes: { username: string; groupnames: string[] } }[];
    };
    users = listed.data.map(({ attributes }) => ({
      username: attributes.username,
      groups: attributes.groupnames,
    }));
  }, 60_000);

  afterAll(async () => {
    credentialsStore.clear();
    await emulator.close();
  });

  it('on every node read and every meta.authorisations facet, for every user', async () => {
    const disagreements: string[] = [];
    let compared = 0;
    const paths = new Set<string>();
    for (const user of users) {
      const authz = authorizerFor(data, { kind: 'user', username: user.username, groups: user.groups });
      for (const node of nodes) {
        const answer = await call(user.username, 'GET', `/api${node}`);
        const readable = answer.status === 200;
        compared++;
        paths.add(node);
        if (authz.canRead(node) !== readable) {
          const denied = authz.explainRead(node);
          disagreements.push(
            `${user.username} read ${node}: emulator ${String(readable)}, console ${String(!readable)} (rules: ${denied.prefixes
              .flatMap((d) => d.winners.map((w) => `${w.grant.policyName}:${w.grant.path}`))
              .join(', ')})`,
          );
        }
        if (!readable) continue;
        const { data: resource } = answer.body as { data: NodeRow };
        for (const [facet, permissions] of Object.entries(resource.meta.authorisations)) {
          const sub = facet === 'self' ? '' : `/${facet}`;
          for (const [permission, allowed] of Object.entries(permissions)) {
            if (facet === 'changes' && permission === 'execute' && !resource.meta.can_have_changes) continue;
            const perm = permission as Permission;
            compared++;
            paths.add(node + sub);
            const mine = authz.may(node, sub, perm);
            if (mine !== allowed) {
              const why = authz.explain(node + sub, perm);
              disagreements.push(
                `${user.username} ${perm} ${node}${sub}: emulator ${String(allowed)}, console ${String(mine)} (winners: ${why.winners
                  .map((w) => `${w.grant.policyName}:${w.grant.path}`)
                  .join(', ')})`,
              );
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(users.length).toBeGreaterThanOrEqual(10);
    expect(paths.size).toBeGreaterThan(200);
    expect(compared).toBeGreaterThan(2000);
  }, 120_000);
});
