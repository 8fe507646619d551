import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmulator } from '@/test/emulator';
import { streamAssetSummaries } from './assets';
import { apiListStream, type ListStream } from './client';
import type { RowList } from '@/lib/list-rows';
import { credentialsStore } from './credentials';
import { ApiError, NetworkError, ResponseFormatError } from './errors';
import { streamedListQueryFn, type StreamedList } from './streamed-list';

/** A fetch whose body arrives in the given pieces; `fail` makes the connection drop after them. */
function piecewiseFetch(pieces: readonly string[], fail = false): typeof fetch {
  return () => {
    const encoder = new TextEncoder();
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const piece = pieces[index++];
        if (piece !== undefined) controller.enqueue(encoder.encode(piece));
        else if (fail) controller.error(new TypeError('network error'));
        else controller.close();
      },
    });
    return Promise.resolve(
      new Response(body, { status: 200, headers: { 'Content-Type': 'application/vnd.api+json' } }),
    );
  };
}

async function drain(stream: ListStream): Promise<{ batches: unknown[][]; rest: unknown }> {
  const batches: unknown[][] = [];
  for (;;) {
    const next = await stream.next();
    if (next.done === true) return { batches, rest: next.value };
    batches.push(next.value);
  }
}

const member = (n: number) => JSON.stringify({ id: String(n), type: 'asset' });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  credentialsStore.clear();
});

describe('apiListStream', () => {
  it('yields the first member at once, then batches that grow, and returns the rest of the document', async () => {
    const members = Array.from({ length: 450 }, (_, n) => member(n));
    // One member per network piece: the worst case for re-rendering.
    const pieces = [
      '{"meta":{"total":450},"data":[',
      ...members.map((m, n) => (n === 0 ? m : `,${m}`)),
      ']}',
    ];
    vi.stubGlobal('fetch', piecewiseFetch(pieces));

    const { batches, rest } = await drain(apiListStream('/projects/bank/assets'));

    expect(batches.map((batch) => batch.length)).toEqual([1, 100, 200, 149]);
    expect(batches.flat()).toEqual(members.map((m) => JSON.parse(m) as unknown));
    expect(rest).toEqual({ meta: { total: 450 }, data: [] });
  });

  it('hands out the first members of one large network chunk before scanning the rest, 500 at most at a time', async () => {
    // ~170,000 characters in one piece, members of ~130 characters: many more than one batch.
    const padded = (n: number) => JSON.stringify({ id: String(n), type: 'asset', note: 'x'.repeat(100) });
    const members = Array.from({ length: 1_300 }, (_, n) => padded(n));
    vi.stubGlobal('fetch', piecewiseFetch([`{"data":[${members.join(',')}]}`]));

    const { batches } = await drain(apiListStream('/projects/bank/assets'));

    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(500);
    expect(batches.flat()).toEqual(members.map((m) => JSON.parse(m) as unknown));
  });

  it('hands out a screenful first when a large chunk arrived at once, not everything in it', async () => {
    // Changes are ~1.5 KB each: a 64 KB piece held ~40 of them, all scanned and parsed before the first row.
    const change = (n: number) => JSON.stringify({ id: String(n), type: 'change', note: 'x'.repeat(1_450) });
    const members = Array.from({ length: 200 }, (_, n) => change(n));
    vi.stubGlobal('fetch', piecewiseFetch([`{"data":[${members.join(',')}]}`]));

    const { batches } = await drain(apiListStream('/changes'));

    expect(batches[0]?.length).toBeGreaterThanOrEqual(10);
    expect(batches[0]?.length).toBeLessThanOrEqual(20);
    expect(batches.flat()).toEqual(members.map((m) => JSON.parse(m) as unknown));
  });

  it('turns a connection dropped halfway into a NetworkError', async () => {
    vi.stubGlobal('fetch', piecewiseFetch(['{"data":[', member(1), `,${member(2)}`], true));
    const stream = apiListStream('/projects/bank/assets');

    await expect(stream.next()).resolves.toMatchObject({ value: [{ id: '1' }] });
    await expect(drain(stream)).rejects.toBeInstanceOf(NetworkError);
  });

  it('refuses a body that ends inside the list', async () => {
    vi.stubGlobal('fetch', piecewiseFetch(['{"data":[', member(1), ',{"id":']));
    await expect(drain(apiListStream('/projects/bank/assets'))).rejects.toBeInstanceOf(ResponseFormatError);
  });
});

describe('streamAssetSummaries', () => {
  it('yields an asset that does not match the contract as unreadable, with the others shown', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const summary = (code: string, name: string | null) =>
      JSON.stringify({
        type: 'asset',
        id: code,
        attributes: { code, name, description: null, archived: false },
        meta: { can_have_children: false, can_have_workflows: false, child_node_types: [] },
      });
    vi.stubGlobal(
      'fetch',
      piecewiseFetch([
        '{"data":[',
        summary('a', 'A'),
        `,${summary('b', null)}`,
        `,${summary('c', 'C')}`,
        ']}',
      ]),
    );

    const items: string[] = [];
    const unreadable: (string | null)[] = [];
    for await (const batch of streamAssetSummaries({ projectCode: 'bank' })) {
      items.push(...batch.items.map((node) => node.code));
      unreadable.push(...batch.unreadable.map((row) => row.id));
    }

    expect(items).toEqual(['a', 'c']);
    expect(unreadable).toEqual(['b']);
  });
});

describe('streaming asset summaries from the emulator', () => {
  it('streams a level the emulator writes in batches, checked against the contract', async () => {
    const emulator = await startEmulator();
    credentialsStore.set({ username: 'operator', password: 'operator' });
    const all: string[] = [];
    for await (const batch of streamAssetSummaries({ projectCode: 'bank', environmentCode: 'prod' })) {
      all.push(...batch.items.map((node) => node.path));
    }
    expect(all).toEqual([
      '/projects/bank/environments/prod/assets/soa_prod',
      '/projects/bank/environments/prod/assets/ledger_db_prod',
    ]);
    await emulator.close();
  });

  it('maps an error answer to an ApiError before anything is yielded', async () => {
    const emulator = await startEmulator();
    credentialsStore.set({ username: 'operator', password: 'operator' });
    const error = await streamAssetSummaries({ projectCode: 'nope' })
      .next()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    await emulator.close();
  });
});

describe('streamedListQueryFn', () => {
  async function* batches(...lists: string[][]): AsyncGenerator<RowList<string>> {
    for (const list of lists) {
      await Promise.resolve();
      yield { items: list, unreadable: [] };
    }
  }

  it('shows each batch of a first load as it arrives, then marks the list complete', async () => {
    const client = new QueryClient();
    const seen: (StreamedList<string> | undefined)[] = [];
    const unsubscribe = client.getQueryCache().subscribe(() => {
      seen.push(client.getQueryData<StreamedList<string>>(['list']));
    });
    const data = await client.query({
      queryKey: ['list'],
      queryFn: streamedListQueryFn(() => batches(['a'], ['b', 'c'])),
    });
    unsubscribe();
    expect(data).toEqual({ items: ['a', 'b', 'c'], unreadable: [], complete: true });
    expect(seen).toContainEqual({ items: ['a'], unreadable: [], complete: false });
    expect(seen).toContainEqual({ items: ['a', 'b', 'c'], unreadable: [], complete: false });
  });

  it('keeps a complete list on screen during a refetch and swaps in the new one at the end', async () => {
    const client = new QueryClient();
    client.setQueryData<StreamedList<string>>(['list'], { items: ['old'], unreadable: [], complete: true });
    const seen: (StreamedList<string> | undefined)[] = [];
    const unsubscribe = client.getQueryCache().subscribe(() => {
      seen.push(client.getQueryData<StreamedList<string>>(['list']));
    });
    const data = await client.query({
      queryKey: ['list'],
      queryFn: streamedListQueryFn(() => batches(['a'], ['b'])),
      staleTime: 0,
    });
    unsubscribe();
    expect(data).toEqual({ items: ['a', 'b'], unreadable: [], complete: true });
    expect(seen.filter((value) => value?.complete === false)).toEqual([]);
  });
});
