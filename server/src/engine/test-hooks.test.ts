import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { attrs, basicAuth } from '@server/test/emulator.ts';
import { buildApp } from '../app.ts';
import { fakeClock, ORIGIN } from './testing.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const auth = { authorization: basicAuth('operator'), 'content-type': 'application/vnd.api+json' };

describe('POST /__emulator/reset', () => {
  it('is not served unless test hooks are enabled', async () => {
    app = await buildApp({ db: ':memory:', seed: 'demo', drive: false });
    expect((await app.inject({ method: 'POST', url: '/__emulator/reset' })).statusCode).toBe(404);
  });

  it('empties the database and applies the seed again (204)', async () => {
    const built = await buildApp({
      db: ':memory:',
      seed: 'demo',
      drive: false,
      testHooks: true,
      clock: fakeClock(),
    });
    app = built;
    const changeIds = async (): Promise<string[]> =>
      (await built.inject({ method: 'GET', url: '/api/changes', headers: auth }))
        .json<{ data: { id: string }[] }>()
        .data.map((c) => c.id);
    const seeded = await changeIds();
    const created = await app.inject({
      method: 'POST',
      url: '/api/projects/bank/environments/dev/changes',
      headers: auth,
      payload: JSON.stringify(attrs({ action: 'hello', ...ORIGIN })),
    });
    expect(created.statusCode).toBe(201);
    await app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: auth,
      payload: JSON.stringify(
        attrs({ description: null, code: 'extra', name: 'Extra', project_type: 'Standard' }),
      ),
    });
    const reset = await app.inject({ method: 'POST', url: '/__emulator/reset' });
    expect(reset.statusCode).toBe(204);
    // The demo's own history is made again (new ids, as many changes); the one made here is gone.
    const changes = await changeIds();
    expect(changes).toHaveLength(seeded.length);
    expect(changes).not.toContain(created.json<{ data: { id: string } }>().data.id);
    const projects = await app.inject({ method: 'GET', url: '/api/projects', headers: auth });
    expect(
      projects.json<{ data: { attributes: { code: string } }[] }>().data.map((p) => p.attributes.code),
    ).toEqual(['bank', 'retail', 'website']);
    // Users and policies are back: the operator still signs in and may create changes.
    const again = await app.inject({
      method: 'POST',
      url: '/api/projects/bank/environments/dev/changes',
      headers: auth,
      payload: JSON.stringify(attrs({ action: 'hello', ...ORIGIN })),
    });
    expect(again.statusCode).toBe(201);
  });

  it('takes another seed from the body and refuses unknown ones', async () => {
    app = await buildApp({ db: ':memory:', seed: 'demo', drive: false, testHooks: true });
    const bad = await app.inject({
      method: 'POST',
      url: '/__emulator/reset',
      headers: { 'content-type': 'application/json' },
      payload: '{"seed":"nope"}',
    });
    expect(bad.statusCode).toBe(400);
    const none = await app.inject({
      method: 'POST',
      url: '/__emulator/reset',
      headers: { 'content-type': 'application/json' },
      payload: '{"seed":"none"}',
    });
    expect(none.statusCode).toBe(204);
    const projects = await app.inject({
      method: 'GET',
      url: '/api/projects',
      headers: { authorization: basicAuth('opschain') },
    });
    expect(projects.json<{ data: unknown[] }>().data).toEqual([]);
  });
});
