import { describe, expect, it } from 'vitest';
import { ansiSpans, readableColour, stripEscapes } from './log-ansi';

describe('ansiSpans', () => {
  it('gives one plain span for a line without escapes', () => {
    expect(ansiSpans('plain <b>text</b>')).toEqual([
      expect.objectContaining({ text: 'plain <b>text</b>', color: null }),
    ]);
    expect(ansiSpans('')).toEqual([]);
  });

  it('turns colours and styles into data', () => {
    const spans = ansiSpans('a\u001b[31mred\u001b[0m \u001b[1;4mbold\u001b[0m');
    expect(spans.map((s) => s.text)).toEqual(['a', 'red', ' ', 'bold']);
    expect(spans[1]?.color).toBe('rgb(187, 0, 0)');
    expect(spans[3]).toMatchObject({ isBold: true, isUnderline: true, color: null });
  });

  it('swaps colours of reversed text', () => {
    const [span] = ansiSpans('\u001b[7;31mx');
    expect(span).toMatchObject({ text: 'x', background: 'rgb(187, 0, 0)', color: 'rgb(0, 0, 0)' });
  });

  it('never shows other escape sequences as text', () => {
    const spans = ansiSpans('\u001b[2Kclear \u001b]8;;http://x\u0007link\u001b]8;;\u0007 done');
    expect(spans.map((s) => s.text).join('')).toBe('clear link done');
  });
});

describe('stripEscapes', () => {
  it('removes colour, cursor and hyperlink sequences', () => {
    expect(stripEscapes('\u001b[1;32mok\u001b[0m \u001b[2A\u001b]0;title\u0007x')).toBe('ok x');
    expect(stripEscapes('no escapes')).toBe('no escapes');
  });
});

describe('readableColour', () => {
  it('darkens terminal yellow on a light pane and lightens blue on a dark one, to 4.5:1', () => {
    expect(readableColour('rgb(187, 187, 0)', 'light')).not.toBe('rgb(187, 187, 0)');
    expect(readableColour('rgb(0, 0, 187)', 'dark')).not.toBe('rgb(0, 0, 187)');
  });

  it('keeps colours that already read well', () => {
    expect(readableColour('rgb(0, 0, 0)', 'light')).toBe('rgb(0, 0, 0)');
    expect(readableColour('rgb(255, 255, 255)', 'dark')).toBe('rgb(255, 255, 255)');
  });
});
