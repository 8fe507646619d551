import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeBatcher } from './change-batcher';

describe('createChangeBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp(delayMs: number) {
    let text = '';
    const read = vi.fn(() => text);
    const report = vi.fn();
    const batcher = createChangeBatcher({ delayMs, read, report });
    const type = (next: string) => {
      text = next;
      batcher.changed();
    };
    return { batcher, read, report, type };
  }

  it('reports the text once typing pauses, reading it only then', () => {
    const { read, report, type } = setUp(300);
    type('a');
    vi.advanceTimersByTime(200);
    type('ab');
    vi.advanceTimersByTime(200);
    type('abc');
    vi.advanceTimersByTime(299);
    expect(read).not.toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    expect(read).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledExactlyOnceWith('abc');
  });

  it('reports a pending change at once when flushed, and only once', () => {
    const { batcher, report, type } = setUp(300);
    type('draft');
    batcher.flush();
    expect(report).toHaveBeenCalledExactlyOnceWith('draft');

    vi.advanceTimersByTime(1000);
    batcher.flush();
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('reports nothing on a flush without a change', () => {
    const { batcher, read, report } = setUp(300);
    batcher.flush();
    expect(read).not.toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();
  });

  it('forgets a pending change when cancelled', () => {
    const { batcher, report, type } = setUp(300);
    type('typed');
    batcher.cancel();
    vi.advanceTimersByTime(1000);
    batcher.flush();
    expect(report).not.toHaveBeenCalled();
  });

  it('reports every change at once when the delay is 0', () => {
    const { report, type } = setUp(0);
    type('a');
    type('ab');
    expect(report.mock.calls).toEqual([['a'], ['ab']]);
  });
});
