import { describe, expect, it } from 'vitest';
import { formatLogTime, logTimeTitle } from './log-time';

const at = Date.UTC(2025, 3, 25, 6, 21, 23, 984);

describe('formatLogTime', () => {
  it('shows UTC time of day with milliseconds', () => {
    expect(formatLogTime(at, 'utc', at)).toBe('06:21:23.984');
  });

  it('shows the time relative to the start, with hours only when needed', () => {
    expect(formatLogTime(at + 61_005, 'relative', at)).toBe('+1:01.005');
    expect(formatLogTime(at + 3_723_000, 'relative', at)).toBe('+1:02:03.000');
  });

  it('shows nothing for an unknown time', () => {
    expect(formatLogTime(Number.NaN, 'local', at)).toBe('');
    expect(formatLogTime(at, 'relative', Number.NaN)).toBe('');
    expect(logTimeTitle(Number.NaN)).toBe('');
  });

  it('shows local time in the reader zone', () => {
    const local = new Date(at);
    expect(formatLogTime(at, 'local', at).slice(0, 2)).toBe(String(local.getHours()).padStart(2, '0'));
  });
});
