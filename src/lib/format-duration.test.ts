import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('names the two largest units', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(192_000)).toBe('3 min 12 s');
    expect(formatDuration((2 * 60 + 5) * 60_000)).toBe('2 h 5 min');
    expect(formatDuration((3 * 24 + 4) * 3_600_000)).toBe('3 d 4 h');
  });

  it('never goes negative (a clock slightly behind the server)', () => {
    expect(formatDuration(-5000)).toBe('0 s');
  });
});
