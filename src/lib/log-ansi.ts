import Anser from 'anser';

// ANSI colours and styles of a log line, parsed by anser into plain data the pane renders as text spans
// (never anser's HTML output: a line must not be able to inject markup).

export interface AnsiSpan {
  text: string;
  /** CSS colour `rgb(r, g, b)`, or null for the default. */
  color: string | null;
  background: string | null;
  isBold: boolean;
  isDim: boolean;
  isItalic: boolean;
  isUnderline: boolean;
  isStrikethrough: boolean;
}

const ESC = '\u001b';
// anser's colours are "r, g, b" with numbers from its palette or the escape's own numbers.
const RGB = /^\d{1,3}, ?\d{1,3}, ?\d{1,3}$/;

function cssColour(value: string | null | undefined): string | null {
  if (value === null || value === undefined || !RGB.test(value)) return null;
  return `rgb(${value})`;
}

function plainSpan(text: string): AnsiSpan {
  return {
    text,
    color: null,
    background: null,
    isBold: false,
    isDim: false,
    isItalic: false,
    isUnderline: false,
    isStrikethrough: false,
  };
}

/** The line's text split into styled spans; escape sequences (also unknown ones) never show as text. */
export function ansiSpans(line: string): AnsiSpan[] {
  if (!line.includes(ESC)) return line === '' ? [] : [plainSpan(line)];
  return Anser.ansiToJson(line, { json: true, remove_empty: true })
    .map((entry) => {
      const decorations = new Set(entry.decorations);
      const reversed = decorations.has('reverse');
      const fg = cssColour(entry.fg);
      const bg = cssColour(entry.bg);
      return {
        // anser leaves sequences it does not interpret (cursor moves) in the text: drop what is left of them.
        text: stripEscapes(entry.content),
        color: reversed ? bg : fg,
        background: reversed ? fg : bg,
        isBold: decorations.has('bold'),
        isDim: decorations.has('dim'),
        isItalic: decorations.has('italic'),
        isUnderline: decorations.has('underline'),
        isStrikethrough: decorations.has('strikethrough'),
      };
    })
    .filter((span) => span.text !== '');
}

// CSI sequences (ESC [ … final byte), OSC sequences (ESC ] … BEL or ESC \), and any other lone ESC pair.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_]?)/g;

/** The line without any escape sequence: what copying and searching see. */
export function stripEscapes(line: string): string {
  return line.includes(ESC) ? line.replace(ESCAPES, '') : line;
}

const LIGHT_BACKGROUND: readonly [number, number, number] = [248, 249, 250];
const DARK_BACKGROUND: readonly [number, number, number] = [31, 31, 31];

function luminance([r, g, b]: readonly number[]): number {
  const [lr = 0, lg = 0, lb = 0] = [r ?? 0, g ?? 0, b ?? 0].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/**
 * A text colour (`rgb(r, g, b)`) moved towards black on a light pane or white on a dark one until it reads
 * at 4.5:1 (WCAG AA): terminal palettes assume a black background, where yellow on white is unreadable.
 */
export function readableColour(colour: string, scheme: 'light' | 'dark'): string {
  const parts = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/.exec(colour);
  if (parts === null) return colour;
  const background = scheme === 'light' ? LIGHT_BACKGROUND : DARK_BACKGROUND;
  const target = scheme === 'light' ? 0 : 255;
  let rgb = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  for (let step = 0; step < 10 && contrast(rgb, background) < 4.5; step++) {
    rgb = rgb.map((c) => Math.round(c + (target - c) * 0.2));
  }
  return `rgb(${rgb.join(', ')})`;
}
