import { describe, expect, it } from 'vitest';
import { elapsedMs, formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('shows seconds, then minutes and seconds, then hours and minutes, then days and hours', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45_900)).toBe('45s');
    expect(formatDuration(187_000)).toBe('3m 07s');
    expect(formatDuration(7_500_000)).toBe('2h 05m');
    expect(formatDuration(273_600_000)).toBe('3d 4h');
  });

  it('never shows a negative duration', () => {
    expect(formatDuration(-5000)).toBe('0s');
  });
});

describe('elapsedMs', () => {
  const start = '2026-01-05T10:00:00Z';

  it('measures to the finish, or to now while running', () => {
    expect(elapsedMs(start, '2026-01-05T10:00:30Z', 0)).toBe(30_000);
    expect(elapsedMs(start, null, Date.parse(start) + 4000)).toBe(4000);
  });

  it('is null before the start or for unreadable times', () => {
    expect(elapsedMs(null, null, 0)).toBeNull();
    expect(elapsedMs('soon', null, 0)).toBeNull();
  });
});
