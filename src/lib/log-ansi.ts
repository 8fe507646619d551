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
