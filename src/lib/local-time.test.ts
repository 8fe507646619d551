import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from '@/lib/local-time';

// Whatever zone the tests run in: local values are checked through a round trip and `new Date(local)`.

describe('local time for datetime-local boxes', () => {
  it('turns a local value into UTC ISO and back', () => {
    const iso = fromLocalInput('2025-04-25T08:30:05');

    expect(iso).toBe(new Date('2025-04-25T08:30:05').toISOString());
    expect(toLocalInput(iso)).toBe('2025-04-25T08:30:05');
  });

  it('leaves out zero seconds, as browsers write the value', () => {
    expect(toLocalInput(new Date('2025-04-25T08:30:00').toISOString())).toBe('2025-04-25T08:30');
  });

  it('shows the second of a time with a fraction', () => {
    expect(toLocalInput(new Date('2025-04-25T08:30:05.984').toISOString())).toBe('2025-04-25T08:30:05');
  });

  it('has nothing for an empty box, a missing value or garbage', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('2025-13-40T99:00')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('yesterday')).toBe('');
  });
});
