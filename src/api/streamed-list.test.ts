import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { untilShown } from './streamed-list';

const KEY = ['things', 'list'] as const;

function clientWithQuery(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(KEY, { items: [] });
  return client;
}

describe('untilShown', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves at once when a screen already shows the list', async () => {
    const client = clientWithQuery();
    const unsubscribe = new QueryObserver(client, { queryKey: KEY, enabled: false }).subscribe(
      () => undefined,
    );
    await expect(untilShown(client, KEY, new AbortController().signal)).resolves.toBeUndefined();
    unsubscribe();
  });

  it('waits for a screen to show the list', async () => {
    vi.useFakeTimers();
    const client = clientWithQuery();
    let isDone = false;
    const waiting = untilShown(client, KEY, new AbortController().signal).then(() => {
      isDone = true;
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(isDone).toBe(false);
    const unsubscribe = new QueryObserver(client, { queryKey: KEY, enabled: false }).subscribe(
      () => undefined,
    );
    await waiting;
    expect(isDone).toBe(true);
    unsubscribe();
  });

  it('gives up waiting after two seconds, or when the load is aborted', async () => {
    vi.useFakeTimers();
    const client = clientWithQuery();
    let isDone = false;
    const waiting = untilShown(client, KEY, new AbortController().signal).then(() => {
      isDone = true;
    });
    await vi.advanceTimersByTimeAsync(1999);
    expect(isDone).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(isDone).toBe(true);

    const abort = new AbortController();
    const aborted = untilShown(client, KEY, abort.signal);
    abort.abort();
    await expect(aborted).resolves.toBeUndefined();
  });
});
