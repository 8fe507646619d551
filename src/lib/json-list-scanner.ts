// Reads a JSON:API list document while it arrives: hands out each member of the top-level `data` array as
// soon as its text is complete, and keeps the rest of the document (`meta`, `links`…) for the end. The
// navigator paints the first of 10,000 assets long before the last one has been received.
//
// Speed matters (a 10,000-asset level is ~30 MB): inside members the scan jumps from one structural
// character to the next with a regular expression and from quote to quote with indexOf, instead of
// looking at every character in JavaScript.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** The characters that matter inside an object or array member, outside strings. */
const STRUCTURAL = /["{}[\]]/g;

type Phase =
  /** Before `data`: the text is kept whole, it is short (`{"data":[` in practice). */
  | 'before'
  /** Inside the `data` array, between members. */
  | 'between'
  /** Inside one member of `data`. */
  | 'member'
  /** `data` has ended: the rest is copied unread. */
  | 'after';

/** Whether the quote at `index` is escaped: an odd number of backslashes right before it. */
function isEscaped(source: string, index: number): boolean {
  let backslashes = 0;
  for (let at = index - 1; at >= 0 && source.charCodeAt(at) === BACKSLASH; at--) backslashes++;
  return backslashes % 2 === 1;
}

/** The index of the quote that closes a string whose text continues at `from`, or -1 if not received yet. */
function closingQuote(source: string, from: number): number {
  let quote = source.indexOf('"', from);
  while (quote !== -1 && isEscaped(source, quote)) quote = source.indexOf('"', quote + 1);
  return quote;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

export class JsonListScanner {
  /** Received text not yet handed out or copied; scanning resumes at `position`. */
  private pending = '';
  private position = 0;
  private phase: Phase = 'before';
  /** Nesting depth of objects and arrays at `position` (the document's own braces make it 1). */
  private depth = 0;
  private inString = false;
  /** Before `data`: where the current top-level string started, and the last top-level key read. */
  private stringStart = -1;
  private lastKey: string | null = null;
  private afterColon = false;
  /** Where the current member starts in `pending`, and whether it is a scalar (not an object or array). */
  private memberStart = 0;
  private scalar = false;
  /** The document without the members of `data`, which becomes `[]`. */
  private outside = '';

  /** Adds received text; answers the members of `data` completed by it, as JSON text. */
  push(text: string): string[] {
    if (this.phase === 'after') {
      this.outside += text;
      return [];
    }
    this.pending += text;
    const members: string[] = [];
    const source = this.pending;
    let i = this.position;
    while (i < source.length && !this.dataEnded()) {
      if (this.inString) {
        const quote = closingQuote(source, i);
        if (quote === -1) {
          // Resume at the last character: a quote arriving next may be escaped by a backslash here.
          i = source.length;
          break;
        }
        this.inString = false;
        if (this.stringStart >= 0 && !this.afterColon) this.lastKey = source.slice(this.stringStart, quote);
        this.stringStart = -1;
        i = quote + 1;
        continue;
      }
      if (this.phase === 'member' && !this.scalar) {
        i = this.scanObjectMember(source, i, members);
        continue;
      }
      const code = source.charCodeAt(i);
      if (this.phase === 'before') this.scanBefore(code, i);
      else if (this.phase === 'between') this.scanBetween(code, i);
      else this.scanScalar(code, i, source, members);
      i++;
    }
    if (this.dataEnded()) {
      // The closing `]` of `data` is at `memberStart`: it and everything after it belong to the rest.
      this.outside += source.slice(this.memberStart);
      this.pending = '';
      this.position = 0;
    } else if (this.phase === 'before') {
      this.position = i;
    } else {
      // Keep only the unfinished member (or nothing, between members).
      const keepFrom = this.phase === 'member' ? this.memberStart : i;
      this.pending = source.slice(keepFrom);
      this.position = i - keepFrom;
      this.memberStart = 0;
    }
    return members;
  }

  /** A method, not a field test: the scan methods change `phase` behind TypeScript's narrowing. */
  private dataEnded(): boolean {
    return this.phase === 'after';
  }

  /** Jumps to the next structural character of an object or array member; answers where to go on. */
  private scanObjectMember(source: string, from: number, members: string[]): number {
    STRUCTURAL.lastIndex = from;
    const found = STRUCTURAL.exec(source);
    if (found === null) return source.length;
    const at = found.index;
    const code = source.charCodeAt(at);
    if (code === QUOTE) this.inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth++;
    else {
      this.depth--;
      if (this.depth === 2) {
        members.push(source.slice(this.memberStart, at + 1));
        this.phase = 'between';
      }
    }
    return at + 1;
  }

  private scanBefore(code: number, i: number): void {
    if (code === QUOTE) {
      this.inString = true;
      if (this.depth === 1) this.stringStart = i + 1;
    } else if (code === COLON && this.depth === 1) this.afterColon = true;
    else if (code === COMMA && this.depth === 1) {
      this.afterColon = false;
      this.lastKey = null;
    } else if (code === OPEN_BRACKET && this.depth === 1 && this.afterColon && this.lastKey === 'data') {
      this.outside = this.pending.slice(0, i + 1);
      this.phase = 'between';
      this.depth = 2;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth++;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) this.depth--;
  }

  private scanBetween(code: number, i: number): void {
    if (code === CLOSE_BRACKET) {
      this.memberStart = i;
      this.phase = 'after';
    } else if (code !== COMMA && !isWhitespace(code)) {
      this.phase = 'member';
      this.memberStart = i;
      this.scalar = code !== OPEN_BRACE && code !== OPEN_BRACKET;
      if (!this.scalar) this.depth = 3;
      else if (code === QUOTE) this.inString = true;
    }
  }

  /** Inside a scalar member (a number, string, true, false or null): it ends at `,`, `]` or a space. */
  private scanScalar(code: number, i: number, source: string, members: string[]): void {
    if (code === QUOTE) {
      this.inString = true;
      return;
    }
    if (code !== COMMA && code !== CLOSE_BRACKET && !isWhitespace(code)) return;
    members.push(source.slice(this.memberStart, i));
    this.phase = 'between';
    if (code === CLOSE_BRACKET) {
      this.memberStart = i;
      this.phase = 'after';
    }
  }

  /**
   * The document as received without the members of `data` (so `data` is `[]`), once all text is in.
   * Throws SyntaxError when the text was not a complete JSON document.
   */
  finish(): unknown {
    if (this.phase === 'before') return JSON.parse(this.pending) as unknown;
    if (this.phase !== 'after') throw new SyntaxError('The list document ended inside its data array.');
    return JSON.parse(this.outside) as unknown;
  }
}
