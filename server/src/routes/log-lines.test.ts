import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, type TestEmulator } from '@server/test/emulator.ts';
import { REDACTED_MESSAGE } from '../engine/access.ts';
import { getChange, stepsOf } from '../engine/store.ts';
import { DEV, ORIGIN, startEngine, type EngineHarness } from '../engine/testing.ts';
import { insertPolicy, insertUser } from '../seeds/policies.ts';

// Contract tests here cover: GET /api/changes/{change_id}/log_lines (200, 404), GET /api/steps/{step_id}/log_lines
// (200, 404), GET /api/log_lines (200).

interface Line {
  id: string;
  type: string;
  attributes: { change_id: string; step_id: string; message: string; logged_at: string };
}
interface LineList {
  data: Line[];
  meta: { partial_response: boolean };
}

const RETAIL_DEV = '/api/projects/retail/environments/dev/changes';

async function as(emu: TestEmulator, user: string, url: string) {
  const res = await emu.app.inject({ method: 'GET', url, headers: { authorization: basicAuth(user) } });
  return { status: res.statusCode, body: res.json<unknown>() };
}

function storedOrder(h: TestEmulator, changeId: string): string[] {
  return (
    h.app.emulator.db
      .prepare('SELECT seq FROM log_lines WHERE change_id = ? ORDER BY logged_at, seq')
      .all(changeId) as { seq: number }[]
  ).map((r) => String(r.seq));
}

/**
 * The console's tail client, exactly as routes/log-lines.ts documents the cursor: `logged_at_gteq` the last
 * timestamp received, excluding (`id_not_in`) the ids already held at that timestamp. It also checks that no
 * answer repeats a line.
 */
function tailer(h: TestEmulator, changeId: string, limit?: number) {
  const received: Line[] = [];
  const ids = new Set<string>();
  let cursor: string | null = null;
  let atCursor: string[] = [];
  return {
    received,
    /** One poll; returns how many new lines arrived and whether the answer was partial. */
    async poll(): Promise<{ fresh: number; partial: boolean }> {
      const params = ['filter[sorts]=logged_at%20asc'];
      if (cursor) params.push(`filter[logged_at_gteq]=${encodeURIComponent(cursor)}`);
      for (const id of atCursor) params.push(`filter[id_not_in][]=${id}`);
      if (limit) params.push(`limit=${String(limit)}`);
      const res = await h.request('viewer', 'GET', `/api/changes/${changeId}/log_lines?${params.join('&')}`);
      if (res.status !== 200) throw new Error(`tail poll answered ${String(res.status)}`);
      const page = res.body as LineList;
      for (const line of page.data) {
        if (ids.has(line.id)) throw new Error(`line ${line.id} came twice`);
        ids.add(line.id);
        received.push(line);
      }
      const last = page.data[page.data.length - 1];
      if (last) {
        const t = last.attributes.logged_at;
        const idsAtT = page.data.filter((l) => l.attributes.logged_at === t).map((l) => l.id);
        atCursor = t === cursor ? [...atCursor, ...idsAtT] : idsAtT;
        cursor = t;
      }
      return { fresh: page.data.length, partial: page.meta.partial_response };
    },
  };
}

describe('tailing a running change with the documented cursor', () => {
  it('gets every line once, in order, while the engine writes between polls (fake clock, small pages, shared timestamps)', async () => {
    // At speed 5000 noisy writes five lines per microsecond, so many lines share a logged_at.
    const h = await startEngine({ speed: 5000 });
    try {
      const noisy = await h.create('operator', RETAIL_DEV, {
        action: 'noisy',
        ...ORIGIN,
        property_overrides: { log_lines: 20_000 },
      });
      const failing = await h.create('operator', RETAIL_DEV, { action: 'failing', ...ORIGIN });
      const tail = tailer(h, noisy, 700);
      const other = tailer(h, failing, 3);
      let ticks = 0;
      while (
        getChange(h.app.emulator, noisy)?.status_code !== 'success' ||
        getChange(h.app.emulator, failing)?.status_code !== 'error'
      ) {
        h.advance(0.37);
        ticks++;
        for (let r = await tail.poll(); r.partial; r = await tail.poll());
        await other.poll();
      }
      await tail.poll();
      for (let r = await other.poll(); r.partial || r.fresh > 0; r = await other.poll());
      expect(ticks).toBeGreaterThan(5);
      const ids = tail.received.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(storedOrder(h, noisy));
      expect(ids.length).toBeGreaterThan(20_000);
      expect(other.received.map((l) => l.id)).toEqual(storedOrder(h, failing));
      // Shared timestamps really happened.
      const times = tail.received.map((l) => l.attributes.logged_at);
      expect(new Set(times).size).toBeLessThan(times.length / 2);
    } finally {
      await h.close();
    }
  });

  it('gets every line once while the engine runs on its own timer, concurrently with the polls', async () => {
    // Slow enough (about 6 s of wall time) that polls overlap the writes even on a heavily loaded machine.
    const h = await startEngine({
      speed: 5,
      drive: true,
      tickIntervalMs: 5,
      clock: { now: () => Date.now() },
    });
    try {
      const id = await h.create('operator', RETAIL_DEV, {
        action: 'noisy',
        ...ORIGIN,
        property_overrides: { log_lines: 30_000 },
      });
      const deploy = await h.create('operator', RETAIL_DEV, { action: 'deploy', ...ORIGIN });
      const tail = tailer(h, id, 1000);
      const deployTail = tailer(h, deploy);
      let polls = 0;
      let midRun = 0;
      for (;;) {
        const done =
          getChange(h.app.emulator, id)?.status_code === 'success' &&
          getChange(h.app.emulator, deploy)?.status_code === 'success';
        const r = await tail.poll();
        await deployTail.poll();
        polls++;
        if (r.fresh > 0 && !done) midRun++;
        if (done && r.fresh === 0 && !r.partial) break;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await deployTail.poll();
      expect(midRun).toBeGreaterThan(3);
      expect(polls).toBeGreaterThan(midRun);
      expect(tail.received.map((l) => l.id)).toEqual(storedOrder(h, id));
      expect(deployTail.received.map((l) => l.id)).toEqual(storedOrder(h, deploy));
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe('log line endpoints', () => {
  let h: EngineHarness;
  let helloId = '';
  let failingId = '';
  beforeAll(async () => {
    h = await startEngine();
    const emu = h.app.emulator;
    emu.tx(() => {
      insertUser(emu, 'auditor', 'auditor');
      insertPolicy(
        emu,
        { name: 'No hello logs on bank dev', description: null },
        [
          {
            name: 'no hello logs',
            path: '^/projects/bank/environments/dev/log_lines/hello',
            read: false,
            update: false,
            execute: false,
          },
        ],
        [{ username: 'auditor' }],
      );
      insertUser(emu, 'outsider', 'outsider');
      insertPolicy(
        emu,
        { name: 'No bank', description: null },
        [{ name: 'no bank', path: '^/projects/bank', read: false, update: false, execute: false }],
        [{ username: 'outsider' }],
      );
    });
    emu.authzChanged();
    helloId = await h.create('operator', DEV, { action: 'hello', ...ORIGIN });
    await h.record(helloId);
    failingId = await h.create('operator', RETAIL_DEV, { action: 'failing', ...ORIGIN });
    await h.record(failingId);
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists a change log oldest first (contract 200) with meta.partial_response', async () => {
    const res = await h.contract(
      'viewer',
      'GET',
      `/api/changes/${failingId}/log_lines`,
      '/api/changes/{change_id}/log_lines',
    );
    const doc = res.body as LineList;
    expect(doc.meta).toEqual({ partial_response: false });
    expect(doc.data.map((l) => l.id)).toEqual(storedOrder(h, failingId));
    expect(doc.data[0]?.type).toBe('log_line');
    expect(doc.data.every((l) => l.attributes.change_id === failingId)).toBe(true);
    expect(doc.data.some((l) => l.attributes.message.includes('Starting change'))).toBe(true);
    expect(doc.data[doc.data.length - 1]?.attributes.message).toContain('finished');
  });

  it('lists a step log (contract 200) and answers 404 for unknown changes and steps (contract 404)', async () => {
    const step = stepsOf(h.app.emulator, failingId).find((s) => s.action === 'migrate_schema');
    const res = await h.contract(
      'viewer',
      'GET',
      `/api/steps/${step?.id ?? ''}/log_lines`,
      '/api/steps/{step_id}/log_lines',
    );
    const doc = res.body as LineList;
    expect(doc.data.length).toBeGreaterThan(5);
    expect(doc.data.every((l) => l.attributes.step_id === step?.id)).toBe(true);
    expect(
      (await h.contract('viewer', 'GET', '/api/changes/nope/log_lines', '/api/changes/{change_id}/log_lines'))
        .status,
    ).toBe(404);
    expect(
      (await h.contract('viewer', 'GET', '/api/steps/nope/log_lines', '/api/steps/{step_id}/log_lines'))
        .status,
    ).toBe(404);
    expect((await as(h, 'outsider', `/api/changes/${helloId}/log_lines`)).status).toBe(404);
  });

  it('filters by message, time, step and id', async () => {
    const get = async (query: string) =>
      ((await h.request('viewer', 'GET', `/api/changes/${failingId}/log_lines?${query}`)).body as LineList)
        .data;
    const all = await get('');
    const duplicate = await get('filter[message_cont]=duplicatetable');
    expect(duplicate).toHaveLength(1);
    const middle = all[Math.floor(all.length / 2)];
    const after = await get(`filter[logged_at_gt]=${encodeURIComponent(middle?.attributes.logged_at ?? '')}`);
    expect(after.every((l) => l.attributes.logged_at > (middle?.attributes.logged_at ?? ''))).toBe(true);
    const from = await get(
      `filter[logged_at_gteq]=${encodeURIComponent(middle?.attributes.logged_at ?? '')}`,
    );
    expect(from.length).toBeGreaterThan(after.length);
    const stepId = all[0]?.attributes.step_id ?? '';
    expect((await get(`filter[step_id_eq]=${stepId}`)).every((l) => l.attributes.step_id === stepId)).toBe(
      true,
    );
    const byId = await get(`filter[id_gt]=${middle?.id ?? ''}`);
    expect(byId.map((l) => l.id)).toEqual(all.slice(Math.floor(all.length / 2) + 1).map((l) => l.id));
    const desc = await get('filter[sorts]=logged_at%20desc');
    const times = desc.map((l) => l.attributes.logged_at);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(desc.map((l) => l.id))).toEqual(new Set(all.map((l) => l.id)));
    expect(await get('filter[logged_at_gt]=not-a-date')).toEqual([]);
  });

  it('cuts pages at exactly limit with partial_response; 400 for a malformed limit', async () => {
    const all = ((await h.request('viewer', 'GET', `/api/changes/${failingId}/log_lines`)).body as LineList)
      .data;
    const page = (await h.request('viewer', 'GET', `/api/changes/${failingId}/log_lines?limit=5`))
      .body as LineList;
    expect(page.meta.partial_response).toBe(true);
    expect(page.data.map((l) => l.id)).toEqual(all.slice(0, 5).map((l) => l.id));
    const whole = (
      await h.request('viewer', 'GET', `/api/changes/${failingId}/log_lines?limit=${String(all.length)}`)
    ).body as LineList;
    expect(whole.meta.partial_response).toBe(false);
    expect(
      (await h.request('viewer', 'GET', `/api/changes/${failingId}/log_lines?limit=999999`)).status,
    ).toBe(200);
    for (const bad of ['0', '-1', 'abc', '1.5', '']) {
      const res = await h.request('viewer', 'GET', `/api/changes/${failingId}/log_lines?limit=${bad}`);
      expect(res.status).toBe(400);
    }
  });

  it('the cursor progresses even when more lines share a timestamp than limit allows', async () => {
    const all = ((await h.request('viewer', 'GET', `/api/changes/${failingId}/log_lines`)).body as LineList)
      .data;
    // The stack trace is written at one instant: more lines share its timestamp than the limit of 2.
    const trace = all.find((l) => l.attributes.message.includes('DuplicateTable'));
    expect(all.filter((l) => l.attributes.logged_at === trace?.attributes.logged_at).length).toBeGreaterThan(
      5,
    );
    const tail = tailer(h, failingId, 2);
    for (let r = await tail.poll(); r.partial; r = await tail.poll());
    expect(tail.received.map((l) => l.id)).toEqual(all.map((l) => l.id));
  });

  it('downloads a text file oldest first whatever the sort', async () => {
    const res = await h.request(
      'viewer',
      'GET',
      `/api/changes/${failingId}/log_lines?download=failing.log&filter[sorts]=logged_at%20desc`,
    );
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    expect(String(res.headers['content-disposition'])).toBe('attachment; filename="failing.log"');
    const lines = res.text.split('\n').filter((l) => l !== '');
    const all = ((await h.request('viewer', 'GET', `/api/changes/${failingId}/log_lines`)).body as LineList)
      .data;
    expect(lines).toEqual(all.map((l) => l.attributes.message));
  });

  it('redacts the lines of an action whose log_lines the caller may not read, also for message filters', async () => {
    const own = (await h.request('viewer', 'GET', `/api/changes/${helloId}/log_lines`)).body as LineList;
    const redacted = (await as(h, 'auditor', `/api/changes/${helloId}/log_lines`)).body as LineList;
    expect(redacted.data.map((l) => l.id)).toEqual(own.data.map((l) => l.id));
    expect(redacted.data.every((l) => l.attributes.message === REDACTED_MESSAGE)).toBe(true);
    const search = (await as(h, 'auditor', `/api/changes/${helloId}/log_lines?filter[message_cont]=Hello`))
      .body as LineList;
    expect(search.data).toEqual([]);
    const download = await h.app.inject({
      method: 'GET',
      url: `/api/changes/${helloId}/log_lines?download=x.log`,
      headers: { authorization: basicAuth('auditor') },
    });
    expect(download.body).not.toContain('Hello');
    // The auditor still reads other actions' logs.
    const other = (await as(h, 'auditor', `/api/changes/${failingId}/log_lines`)).body as LineList;
    expect(other.data.some((l) => l.attributes.message.includes('DuplicateTable'))).toBe(true);
  });

  it('GET /api/log_lines lists lines across changes (contract 200), hiding and redacting per caller', async () => {
    const res = await h.contract(
      'viewer',
      'GET',
      '/api/log_lines?filter[message_cont]=Starting%20change',
      '/api/log_lines',
    );
    const doc = res.body as LineList;
    // The demo's history (seeds/demo-history.ts) started changes too; these two are among them.
    expect([...new Set(doc.data.map((l) => l.attributes.change_id))]).toEqual(
      expect.arrayContaining([helloId, failingId]),
    );
    const limited = (await h.request('viewer', 'GET', '/api/log_lines?limit=3')).body as LineList;
    expect(limited.data).toHaveLength(3);
    expect(limited.meta.partial_response).toBe(true);
    const outsider = (await as(h, 'outsider', '/api/log_lines')).body as LineList;
    expect(outsider.data.length).toBeGreaterThan(0);
    // The outsider reads everything but Bank: no line of a Bank change (the demo's history has many).
    const bank = (
      (await h.request('viewer', 'GET', '/api/projects/bank/changes')).body as {
        data: { id: string }[];
      }
    ).data.map((c) => c.id);
    expect(bank).toContain(helloId);
    expect(outsider.data.some((l) => bank.includes(l.attributes.change_id))).toBe(false);
    const auditor = (await as(h, 'auditor', `/api/log_lines?filter[change_id_eq]=${helloId}`))
      .body as LineList;
    expect(auditor.data.length).toBe(storedOrder(h, helloId).length);
    expect(auditor.data.every((l) => l.attributes.message === REDACTED_MESSAGE)).toBe(true);
    const auditorSearch = (
      await as(
        h,
        'auditor',
        `/api/log_lines?filter[message_cont]=Hello%20from&filter[change_id_eq]=${helloId}`,
      )
    ).body as LineList;
    expect(auditorSearch.data).toEqual([]);
    const download = await h.request(
      'viewer',
      'GET',
      '/api/log_lines?download=all.log&filter[change_id_eq]=' + failingId,
    );
    expect(download.text.split('\n').filter((l) => l !== '')).toHaveLength(storedOrder(h, failingId).length);
  });
});
