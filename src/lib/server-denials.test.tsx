import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { recordServerDenial, serverDenial, useServerDenial } from './server-denials';

function wrapperFor(queryClient: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  };
}

describe('server denials', () => {
  it('keeps the server’s reason per resource and action', () => {
    const queryClient = new QueryClient();

    recordServerDenial(
      queryClient,
      { resource: '/projects/bank', action: 'edit' },
      'You are not permitted to update /projects/bank',
    );

    expect(serverDenial(queryClient, { resource: '/projects/bank', action: 'edit' })).toBe(
      'You are not permitted to update /projects/bank',
    );
    expect(serverDenial(queryClient, { resource: '/projects/bank', action: 'archive' })).toBeNull();
    expect(serverDenial(queryClient, { resource: '/projects/retail', action: 'edit' })).toBeNull();
  });

  it('are forgotten when the cache is cleared, as signing out does', () => {
    const queryClient = new QueryClient();
    recordServerDenial(queryClient, { resource: '/projects/bank', action: 'edit' }, 'Refused');

    queryClient.clear();

    expect(serverDenial(queryClient, { resource: '/projects/bank', action: 'edit' })).toBeNull();
  });

  it('are not collected by the cache’s garbage collection while the session lasts', () => {
    // The cache schedules its collection with setTimeout; fake timers run it without waiting.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 1 } } });
      recordServerDenial(queryClient, { resource: '/projects/bank', action: 'edit' }, 'Refused');
      // An ordinary unobserved entry, to show the collection did run.
      queryClient.setQueryData(['collected'], 'gone soon');

      vi.advanceTimersByTime(1000);

      expect(queryClient.getQueryData(['collected'])).toBeUndefined();
      expect(serverDenial(queryClient, { resource: '/projects/bank', action: 'edit' })).toBe('Refused');
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-renders a reader when a denial is recorded, and after the cache is cleared', () => {
    const queryClient = new QueryClient();
    const target = { resource: '/projects/bank', action: 'archive' };
    const { result } = renderHook(() => useServerDenial(target), { wrapper: wrapperFor(queryClient) });
    expect(result.current).toBeNull();

    act(() => {
      recordServerDenial(queryClient, target, 'You are not permitted to archive /projects/bank');
    });
    expect(result.current).toBe('You are not permitted to archive /projects/bank');

    act(() => {
      queryClient.clear();
    });
    expect(result.current).toBeNull();
  });

  it('reads nothing for no action', () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(() => useServerDenial(undefined), { wrapper: wrapperFor(queryClient) });
    expect(result.current).toBeNull();
  });
});
