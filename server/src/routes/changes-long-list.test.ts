import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '@server/test/emulator.ts';
import { startEngine, type EngineHarness } from '../engine/testing.ts';

// A list long enough to be streamed (500 changes or more) is read from the database while it is written:
// the first rows, then the rest a page at a time. It must be the same list, in the same order.

const EXTRA_CHANGES = 1_234;

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngine();
  const emu = h.app.emulator;
  emu.tx(() => {
    const template = emu.sql('SELECT * FROM changes ORDER BY seq LIMIT 1').get() as
      Record<string, unknown> | undefined;
    if (template === undefined) throw new Error('the demo seed has no change to copy');
    const { top } = emu.sql('SELECT MAX(seq) AS top FROM changes').get() as { top: number };
    const columns = Object.keys(template);
    const insert = emu.sql(
      `INSERT INTO changes (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const base = Date.parse('2024-01-01T00:00:00Z');
    for (let i = 0; i < EXTRA_CHANGES; i++) {
      const values: Record<string, unknown> = {
        ...template,
        id: emu.newId(),
        seq: top + 1 + i,
        root_step_id: null,
        // Pairs share a timestamp: the order falls back to seq.
        created_at: new Date(base + Math.floor(i / 2) * 1000).toISOString(),
      };
      insert.run(...columns.map((column) => values[column]));
    }
  });
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/changes, a long list', () => {
  it('answers every change newest first, once each, with meta at the end', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/changes',
      headers: { authorization: basicAuth('opschain') },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ data: { id: string }[]; meta: unknown }>();
    const expected = (
      h.app.emulator.sql('SELECT id FROM changes ORDER BY created_at DESC, seq DESC').all() as {
        id: string;
      }[]
    ).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(EXTRA_CHANGES);
    expect(body.data.map((change) => change.id)).toEqual(expected);
    expect(body.meta).toEqual({ partial_response: false, has_any: true });
  });

  it('keeps the sort asked for', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/changes?filter[s]=created_at+asc',
      headers: { authorization: basicAuth('opschain') },
    });
    expect(res.statusCode).toBe(200);
    const created = res
      .json<{ data: { attributes: { created_at: string } }[] }>()
      .data.map((change) => change.attributes.created_at);
    expect(created.length).toBeGreaterThan(EXTRA_CHANGES);
    expect(created).toEqual([...created].sort());
  });
});
