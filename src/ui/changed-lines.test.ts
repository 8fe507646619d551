import { describe, expect, it } from 'vitest';
import { advanceSpan } from './changed-lines';

const at = (startLineNumber: number, endLineNumber: number, text: string) => ({
  range: { startLineNumber, endLineNumber },
  text,
});

describe('advanceSpan', () => {
  it('is the line typed on for a keystroke', () => {
    expect(advanceSpan(undefined, [at(7, 7, 'x')])).toEqual({ start: 7, end: 7 });
  });

  it('covers the lines a pasted block now occupies', () => {
    expect(advanceSpan(undefined, [at(3, 3, 'a\nb\nc')])).toEqual({ start: 3, end: 5 });
  });

  it('is the joined line when lines are deleted', () => {
    expect(advanceSpan(undefined, [at(4, 6, '')])).toEqual({ start: 4, end: 4 });
  });

  it('moves lines edited earlier down when lines are added above them', () => {
    // Typed on line 10, then Enter on line 3: line 10 is now 11.
    expect(advanceSpan({ start: 10, end: 10 }, [at(3, 3, '\n')])).toEqual({ start: 3, end: 11 });
  });

  it('keeps lines edited earlier when the edit is below them, and grows to cover both', () => {
    expect(advanceSpan({ start: 2, end: 2 }, [at(8, 8, 'x')])).toEqual({ start: 2, end: 8 });
  });

  it('moves lines edited earlier up when lines above them are deleted', () => {
    expect(advanceSpan({ start: 10, end: 12 }, [at(2, 4, '')])).toEqual({ start: 2, end: 10 });
  });

  it('gives up (all lines) on an edit with several replacements', () => {
    expect(advanceSpan(undefined, [at(2, 2, 'a'), at(9, 9, 'b')])).toBeNull();
    expect(advanceSpan({ start: 1, end: 1 }, [])).toBeNull();
  });
});
