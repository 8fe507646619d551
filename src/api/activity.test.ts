import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { apiRequest } from './client';
import { ransackEntries } from '@/lib/ransack';
import {
  activityListQuery,
  changeActivityQuery,
  includesRuns,
  mergeFresh,
  newestFirst,
  runActivityQuery,
  type ActivityList,
  type ActivityRow,
} from './activity';

function row(id: string, created_at: string, status_code = 'running', updated_at = created_at): ActivityRow {
  return {
    kind: 'change',
    id,
    action: 'deploy',
    status_code,
    created_by: 'operator',
    scheduled: false,
    created_at,
    started_at: null,
    finished_at: null,
    updated_at,
    target_path: '/projects/bank',
    target_name: 'Bank',
    workflow_code: null,
    metadata: {},
  };
}

function list(rows: ActivityRow[]): ActivityList {
  return { rows, unreadable: [], complete: true, watermark: '2026-01-01T00:00:02Z', runsFailure: null };
}

describe('changeActivityQuery', () => {
  it('sends each filter under its ransack key, metadata keys joined into the attribute', () => {
    const query = changeActivityQuery({
      statuses: ['running', 'queued'],
      action: ' deploy ',
      targetPrefix: '/projects/bank',
      createdBy: 'oper',
      from: '2026-01-01T00:00:00.000Z',
      before: '2026-01-02T00:00:00.000Z',
      metadataKey: 'notifications,events',
      metadataValue: 'all',
    });
    expect(ransackEntries(query)).toEqual([
      ['filter[action_cont]', 'deploy'],
      ['filter[created_at_gteq]', '2026-01-01T00:00:00.000Z'],
      ['filter[created_at_lt]', '2026-01-02T00:00:00.000Z'],
      ['filter[created_by_cont]', 'oper'],
      ['filter[metadata_notifications,events_eq]', 'all'],
      ['filter[parent_path_start]', '/projects/bank'],
      ['filter[status_code_in][]', 'running'],
      ['filter[status_code_in][]', 'queued'],
    ]);
  });

  it('leaves the status out for polls', () => {
    expect(ransackEntries(changeActivityQuery({ statuses: ['running'] }, false))).toEqual([]);
    expect(ransackEntries(runActivityQuery({ statuses: ['running'] }, false))).toEqual([]);
  });
});

describe('includesRuns', () => {
  it('includes runs on the global list unless filtering by action or target or asking for changes', () => {
    expect(includesRuns(null, {})).toBe(true);
    expect(includesRuns({ nodePath: '/projects/bank' }, {})).toBe(false);
    expect(includesRuns(null, { action: 'deploy' })).toBe(false);
    expect(includesRuns(null, { targetPrefix: '/projects/bank' })).toBe(false);
    expect(includesRuns(null, { kind: 'change' })).toBe(false);
    expect(includesRuns(null, { kind: 'workflow_run' })).toBe(true);
  });
});

describe('mergeFresh', () => {
  const a = row('a', '2026-01-01T00:00:01Z');
  const b = row('b', '2026-01-01T00:00:02Z');

  it('returns the same list when nothing changed', () => {
    const before = list([b, a]);
    expect(mergeFresh(before, [b], undefined)).toBe(before);
  });

  it('adds new rows newest first and replaces updated ones in place', () => {
    const c = row('c', '2026-01-01T00:00:03Z');
    const a2 = row('a', '2026-01-01T00:00:01Z', 'success', '2026-01-01T00:00:04Z');
    const after = mergeFresh(list([b, a]), [c, a2], undefined);
    expect(after.rows.map((r) => `${r.id}:${r.status_code}`)).toEqual([
      'c:running',
      'b:running',
      'a:success',
    ]);
    expect(after.watermark).toBe('2026-01-01T00:00:04Z');
  });

  it('drops rows whose status no longer matches the status filter', () => {
    const a2 = row('a', '2026-01-01T00:00:01Z', 'success', '2026-01-01T00:00:04Z');
    const after = mergeFresh(list([b, a]), [a2], ['running']);
    expect(after.rows.map((r) => r.id)).toEqual(['b']);
  });
});

describe('activityListQuery, first load', () => {
  setUpEmulator();

  it('puts the whole list newest first once it has come, whatever order the changes arrived in', async () => {
    signInAs('operator');
    const real = globalThis.fetch;
    const answer = (await apiRequest('/changes')) as { data: { attributes: object }[] };
    expect(answer.data.length).toBeGreaterThan(2);
    // The newest change arrives last, as one created while a long list streams can.
    const shuffled = { ...answer, data: [...answer.data.slice(1), answer.data[0]] };
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).startsWith(
        '/api/changes',
      )
        ? Promise.resolve(
            new Response(JSON.stringify(shuffled), {
              headers: { 'Content-Type': 'application/vnd.api+json' },
            }),
          )
        : real(input, init),
    );
    try {
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      const list = await client.query(activityListQuery(null, { kind: 'change' }));
      expect(list.complete).toBe(true);
      expect(list.rows.map((r) => r.created_at)).toEqual(newestFirst(list.rows).map((r) => r.created_at));
      expect(list.rows).toHaveLength(answer.data.length);
    } finally {
      vi.stubGlobal('fetch', real);
    }
  });
});
