import { describe, expect, it } from 'vitest';
import { changedLines, unionSpan } from './changed-lines';

describe('changedLines', () => {
  it('is the line typed on for a keystroke', () => {
    expect(changedLines([{ range: { startLineNumber: 7 }, text: 'x' }])).toEqual({ start: 7, end: 7 });
  });

  it('covers the lines a pasted block now occupies', () => {
    expect(changedLines([{ range: { startLineNumber: 3 }, text: 'a\nb\nc' }])).toEqual({ start: 3, end: 5 });
  });

  it('is the joined line when lines are deleted', () => {
    expect(changedLines([{ range: { startLineNumber: 4 }, text: '' }])).toEqual({ start: 4, end: 4 });
  });

  it('gives up (all lines) on an edit with several replacements', () => {
    expect(
      changedLines([
        { range: { startLineNumber: 2 }, text: 'a' },
        { range: { startLineNumber: 9 }, text: 'b' },
      ]),
    ).toBeNull();
    expect(changedLines([])).toBeNull();
  });
});

describe('unionSpan', () => {
  it('covers both spans', () => {
    expect(unionSpan({ start: 5, end: 6 }, { start: 2, end: 3 })).toEqual({ start: 2, end: 6 });
    expect(unionSpan(undefined, { start: 2, end: 3 })).toEqual({ start: 2, end: 3 });
  });
});
