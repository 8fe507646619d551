import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { recordServerDenial, serverDenial, useServerDenial } from './server-denials';

describe('server denials', () => {
  it('keeps the server’s reason per node and action', () => {
    const bank = { path: '/projects/bank' };
    const retail = { path: '/projects/retail' };

    recordServerDenial({ on: bank, action: 'edit' }, 'You are not permitted to update /projects/bank');

    expect(serverDenial({ on: bank, action: 'edit' })).toBe('You are not permitted to update /projects/bank');
    expect(serverDenial({ on: bank, action: 'archive' })).toBeNull();
    expect(serverDenial({ on: retail, action: 'edit' })).toBeNull();
  });

  it('does not carry over to the node’s data once it is read again', () => {
    const before = { path: '/projects/bank', meta: { update: true } };
    recordServerDenial({ on: before, action: 'edit' }, 'Refused');

    const reread = { path: '/projects/bank', meta: { update: true } };

    expect(serverDenial({ on: reread, action: 'edit' })).toBeNull();
  });

  it('re-renders a reader when a denial is recorded', () => {
    const node = { path: '/projects/bank' };
    const { result } = renderHook(() => useServerDenial({ on: node, action: 'archive' }));
    expect(result.current).toBeNull();

    act(() => {
      recordServerDenial({ on: node, action: 'archive' }, 'You are not permitted to archive /projects/bank');
    });

    expect(result.current).toBe('You are not permitted to archive /projects/bank');
  });
});
