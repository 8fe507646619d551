import { describe, expect, it } from 'vitest';
import { formatElapsed } from './elapsed';

describe('formatElapsed', () => {
  it('shows minutes and seconds, hours only when needed', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });

  it('shows 0:00 for a negative span (a clock behind the server)', () => {
    expect(formatElapsed(-5000)).toBe('0:00');
  });
});
