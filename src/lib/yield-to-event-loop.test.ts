import { afterEach, describe, expect, it, vi } from 'vitest';
import { TIME_SLICE_MS, TimeSlice, yieldToEventLoop } from './yield-to-event-loop';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('yieldToEventLoop', () => {
  it('resolves in a later task, not in the current one', async () => {
    const order: string[] = [];
    const yielded = yieldToEventLoop().then(() => order.push('yielded'));
    await Promise.resolve();
    order.push('same task');
    await yielded;
    expect(order).toEqual(['same task', 'yielded']);
  });
});

describe('TimeSlice', () => {
  it('is spent once its budget has passed, and starts again after a pause', async () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const slice = new TimeSlice();

    now += TIME_SLICE_MS - 1;
    expect(slice.spent()).toBe(false);
    now += 1;
    expect(slice.spent()).toBe(true);

    await slice.pause();
    expect(slice.spent()).toBe(false);
    now += TIME_SLICE_MS;
    slice.restart();
    expect(slice.spent()).toBe(false);
  });
});
