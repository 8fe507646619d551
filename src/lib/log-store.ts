import { stripEscapes } from './log-ansi';
import { isErrorLine, isRedactedLine } from './log-line-kind';

// A log of up to millions of lines held compactly (issue 12): no object per line. Lines live in chunks of
// CHUNK_SIZE; a full chunk keeps its messages as ONE string (joined with '\n') plus the end offset of each
// line, its times in a Float64Array, its step ids as indexes into one table and its flags as bytes. A line's
// text is cut out of the chunk string only when it is shown or copied, and search runs over the chunk
// strings directly (see log-search.ts). The chunk strings hold the text WITHOUT escape sequences (what
// search and copy see); a line with ANSI colours keeps its raw text in a per-chunk map for rendering.

const CHUNK_BITS = 14;
export const CHUNK_SIZE = 1 << CHUNK_BITS;

/** Flags of a line (bits). */
export const LINE_ERROR = 1;
export const LINE_REDACTED = 2;

/** What a caller appends: a message with its time (epoch ms, NaN when unknown) and step id (or null). */
export interface LogLineInput {
  message: string;
  loggedAtMs: number;
  stepId: string | null;
}

interface SealedChunk {
  /** The chunk's messages joined with '\n' (a message's own newlines are kept: ends say where it stops). */
  text: string;
  /** ends[i]: offset in `text` just after line i. */
  ends: Uint32Array;
  times: Float64Array;
  steps: Int32Array;
  flags: Uint8Array;
  /** Raw text (with escape sequences) of the lines that have any, by index in the chunk. */
  raw: Map<number, string>;
}

const NO_STEP = -1;

export class LogStore {
  private readonly sealed: SealedChunk[] = [];
  private openMessages: string[] = [];
  private openTimes = new Float64Array(CHUNK_SIZE);
  private openSteps = new Int32Array(CHUNK_SIZE);
  private openFlags = new Uint8Array(CHUNK_SIZE);
  private openRaw = new Map<number, string>();
  private readonly stepTable: string[] = [];
  private readonly stepIndex = new Map<string, number>();
  private lastStep: string | null = null;
  private lastStepNumber = NO_STEP;
  private firstErrorLine = -1;
  private count = 0;

  /** Lines held. */
  get length(): number {
    return this.count;
  }

  /** Index of the first line flagged as an error, or -1. */
  get firstError(): number {
    return this.firstErrorLine;
  }

  /** The step ids seen, in order of first appearance. */
  get stepIds(): readonly string[] {
    return this.stepTable;
  }

  append(lines: Iterable<LogLineInput>): void {
    for (const line of lines) this.push(line.message, line.loggedAtMs, line.stepId);
  }

  push(message: string, loggedAtMs: number, stepId: string | null): void {
    const at = this.openMessages.length;
    const text = stripEscapes(message);
    if (text !== message) this.openRaw.set(at, message);
    let flags = 0;
    if (isErrorLine(text)) flags |= LINE_ERROR;
    if (isRedactedLine(text)) flags |= LINE_REDACTED;
    if (flags & LINE_ERROR && this.firstErrorLine < 0) this.firstErrorLine = this.count;
    this.openMessages.push(text);
    this.openTimes[at] = loggedAtMs;
    this.openSteps[at] = stepId === null ? NO_STEP : this.stepNumber(stepId);
    this.openFlags[at] = flags;
    this.count++;
    if (this.openMessages.length === CHUNK_SIZE) this.seal();
  }

  /**
   * Appends lines `from` (inclusive) to `to` (exclusive) of `other`, as they are stored there: a log read in
   * several parts at once (log-feed.ts) joins them in order without classifying each line again.
   */
  appendFrom(other: LogStore, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const at = this.openMessages.length;
      const text = other.message(i);
      const raw = other.rawOnly(i);
      if (raw !== undefined) this.openRaw.set(at, raw);
      const flags = other.flags(i);
      if (flags & LINE_ERROR && this.firstErrorLine < 0) this.firstErrorLine = this.count;
      const stepId = other.stepId(i);
      this.openMessages.push(text);
      this.openTimes[at] = other.time(i);
      this.openSteps[at] = stepId === null ? NO_STEP : this.stepNumber(stepId);
      this.openFlags[at] = flags;
      this.count++;
      if (this.openMessages.length === CHUNK_SIZE) this.seal();
    }
  }

  /** The line as received, with its escape sequences (for rendering colours). */
  rawMessage(index: number): string {
    return this.rawOnly(index) ?? this.message(index);
  }

  /** The raw text of a line that has escape sequences; undefined for the others. */
  private rawOnly(index: number): string | undefined {
    const chunk = this.sealed[index >>> CHUNK_BITS];
    const at = index & (CHUNK_SIZE - 1);
    return chunk === undefined ? this.openRaw.get(at) : chunk.raw.get(at);
  }

  /** The line's text without escape sequences (what search, copy and error detection see). */
  message(index: number): string {
    const chunk = this.sealed[index >>> CHUNK_BITS];
    const at = index & (CHUNK_SIZE - 1);
    if (chunk === undefined) return this.openMessages[at] ?? '';
    const start = at === 0 ? 0 : (chunk.ends[at - 1] ?? 0) + 1;
    return chunk.text.slice(start, chunk.ends[at]);
  }

  /** Epoch ms, NaN when the source had no time (a downloaded file). */
  time(index: number): number {
    const chunk = this.sealed[index >>> CHUNK_BITS];
    const at = index & (CHUNK_SIZE - 1);
    return (chunk === undefined ? this.openTimes[at] : chunk.times[at]) ?? Number.NaN;
  }

  stepId(index: number): string | null {
    const chunk = this.sealed[index >>> CHUNK_BITS];
    const at = index & (CHUNK_SIZE - 1);
    const step = (chunk === undefined ? this.openSteps[at] : chunk.steps[at]) ?? NO_STEP;
    return step === NO_STEP ? null : (this.stepTable[step] ?? null);
  }

  flags(index: number): number {
    const chunk = this.sealed[index >>> CHUNK_BITS];
    const at = index & (CHUNK_SIZE - 1);
    return (chunk === undefined ? this.openFlags[at] : chunk.flags[at]) ?? 0;
  }

  /**
   * The text of lines in blocks: each sealed chunk as one string (lines separated by '\n'), then the open
   * chunk line by line. `first` is the index of the block's first line; `ends` its line ends (sealed only).
   */
  *blocks(): Generator<{ first: number; text: string; ends: Uint32Array | null }> {
    for (const [i, chunk] of this.sealed.entries()) {
      yield { first: i * CHUNK_SIZE, text: chunk.text, ends: chunk.ends };
    }
    const base = this.sealed.length * CHUNK_SIZE;
    for (const [i, message] of this.openMessages.entries())
      yield { first: base + i, text: message, ends: null };
  }

  /** Indexes of the lines of one step, ascending. */
  linesOfStep(stepId: string): Int32Array {
    const step = this.stepIndex.get(stepId);
    if (step === undefined) return new Int32Array(0);
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) {
      const chunk = this.sealed[i >>> CHUNK_BITS];
      const at = i & (CHUNK_SIZE - 1);
      if ((chunk === undefined ? this.openSteps[at] : chunk.steps[at]) === step) out.push(i);
    }
    return Int32Array.from(out);
  }

  private stepNumber(stepId: string): number {
    // Consecutive lines mostly belong to one step: no map look-up for them.
    if (stepId === this.lastStep) return this.lastStepNumber;
    let n = this.stepIndex.get(stepId);
    if (n === undefined) {
      n = this.stepTable.length;
      this.stepTable.push(stepId);
      this.stepIndex.set(stepId, n);
    }
    this.lastStep = stepId;
    this.lastStepNumber = n;
    return n;
  }

  private seal(): void {
    const ends = new Uint32Array(CHUNK_SIZE);
    let offset = 0;
    for (const [i, message] of this.openMessages.entries()) {
      offset += message.length;
      ends[i] = offset;
      offset += 1;
    }
    this.sealed.push({
      text: this.openMessages.join('\n'),
      ends,
      times: this.openTimes,
      steps: this.openSteps,
      flags: this.openFlags,
      raw: this.openRaw,
    });
    this.openRaw = new Map();
    this.openMessages = [];
    this.openTimes = new Float64Array(CHUNK_SIZE);
    this.openSteps = new Int32Array(CHUNK_SIZE);
    this.openFlags = new Uint8Array(CHUNK_SIZE);
  }
}
