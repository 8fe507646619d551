import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUrlBoundText } from './use-url-bound-text';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function renderBound(initialUrl: string) {
  const onCommit = vi.fn<(value: string) => void>();
  const hook = renderHook(({ url }) => useUrlBoundText(url, onCommit, 250), {
    initialProps: { url: initialUrl },
  });
  const type = (value: string) => {
    act(() => {
      hook.result.current.onChange(value);
    });
  };
  const pause = () => {
    act(() => {
      vi.advanceTimersByTime(250);
    });
  };
  return { ...hook, onCommit, type, pause };
}

describe('useUrlBoundText', () => {
  it('drops a commit that comes due after the address moved to another page', () => {
    const start = window.location.pathname;
    const { onCommit, type, pause } = renderBound('');
    try {
      type('eu');
      window.history.pushState(null, '', '/somewhere-else');
      pause();
      expect(onCommit).not.toHaveBeenCalled();
      window.history.pushState(null, '', start);
      type('eu-');
      pause();
      expect(onCommit).toHaveBeenCalledExactlyOnceWith('eu-');
    } finally {
      window.history.pushState(null, '', start);
    }
  });

  it('commits once typing pauses', () => {
    const { result, onCommit, type, pause } = renderBound('');
    type('e');
    type('eu');
    expect(result.current.value).toBe('eu');
    expect(onCommit).not.toHaveBeenCalled();

    pause();
    expect(onCommit).toHaveBeenCalledExactlyOnceWith('eu');
  });

  it('keeps what was typed after a commit when that commit reaches the URL late', () => {
    const { result, onCommit, type, pause, rerender } = renderBound('');
    type('ab');
    pause();
    type('abc');

    rerender({ url: 'ab' });
    expect(result.current.value).toBe('abc');

    pause();
    expect(onCommit).toHaveBeenLastCalledWith('abc');
    rerender({ url: 'abc' });
    expect(result.current.value).toBe('abc');
  });

  it('takes a URL changed from elsewhere and drops the pending commit', () => {
    const { result, onCommit, type, pause, rerender } = renderBound('prd');
    type('prdx');

    rerender({ url: '' });
    expect(result.current.value).toBe('');
    pause();
    expect(onCommit).not.toHaveBeenCalled();
  });
});
