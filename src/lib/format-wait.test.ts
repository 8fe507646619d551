import { describe, expect, it } from 'vitest';
import { formatWait } from './format-wait';

describe('formatWait', () => {
  it('names the two largest units', () => {
    expect(formatWait(45_000)).toBe('45 s');
    expect(formatWait(192_000)).toBe('3 min 12 s');
    expect(formatWait((2 * 60 + 5) * 60_000)).toBe('2 h 5 min');
    expect(formatWait((3 * 24 + 4) * 3_600_000)).toBe('3 d 4 h');
  });

  it('never goes negative (a clock slightly behind the server)', () => {
    expect(formatWait(-5000)).toBe('0 s');
  });
});
