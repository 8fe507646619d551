import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { usePreference } from './use-preference';

afterEach(() => {
  window.localStorage.clear();
});

describe('usePreference', () => {
  it('starts at the default, then keeps what is set in localStorage for the next visit', () => {
    const first = renderHook(() => usePreference('tree.show-archived', z.boolean(), false));
    expect(first.result.current[0]).toBe(false);

    act(() => {
      first.result.current[1](true);
    });

    expect(first.result.current[0]).toBe(true);
    const later = renderHook(() => usePreference('tree.show-archived', z.boolean(), false));
    expect(later.result.current[0]).toBe(true);
  });

  it('updates every component reading the same preference', () => {
    const one = renderHook(() => usePreference('wrap', z.boolean(), false));
    const two = renderHook(() => usePreference('wrap', z.boolean(), false));

    act(() => {
      one.result.current[1](true);
    });

    expect(two.result.current[0]).toBe(true);
  });

  it('falls back to the default for a stored value the schema rejects', () => {
    window.localStorage.setItem('opschain-console.pref.size', JSON.stringify('huge'));

    const { result } = renderHook(() => usePreference('size', z.enum(['small', 'large']), 'small'));

    expect(result.current[0]).toBe('small');
  });
});
