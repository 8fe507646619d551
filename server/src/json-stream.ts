import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

// Large list documents are written in pieces: the first resources leave within milliseconds, and the event
// loop serves other requests between batches, instead of one 30 MB string built in one go.

/** Below this many items a list is answered as one plain object (the usual Fastify serialisation). */
export const STREAM_THRESHOLD = 500;

/** The first batch is small so the first rows reach the client at once. */
const FIRST_BATCH = 50;
/**
 * Later batches are small too, and the loop hands the event loop on once it has worked for SLICE_MS: other
 * requests are served only between turns, and a static file takes several (stat, open, read, compress). With
 * batches of 500 changes (tens of milliseconds each, more on a busy machine) the Activity page's own scripts
 * waited behind most of its 10,000 changes.
 */
const BATCH = 25;
const SLICE_MS = 4;

/**
 * `{"data":[…], …rest}` as a stream of JSON text. `serialize` turns a batch of items into resources (it may
 * query the database: batches run one after another, never interleaved with themselves). `items` may be a
 * generator that reads the database as batches are asked for (the first batch leaves before the rest is
 * read), and `rest` a function called once every item is out (for what depends on all of them).
 */
export function streamListDocument<T>(
  items: Iterable<T>,
  serialize: (batch: readonly T[]) => readonly unknown[],
  rest: Record<string, unknown> | (() => Record<string, unknown>) = {},
): Readable {
  async function* pieces(): AsyncGenerator<string> {
    yield '{"data":[';
    const source = items[Symbol.iterator]();
    let size = FIRST_BATCH;
    let written = false;
    let isDone = false;
    let sliceStart = performance.now();
    while (!isDone) {
      const batch: T[] = [];
      while (batch.length < size) {
        const next = source.next();
        if (next.done === true) {
          isDone = true;
          break;
        }
        batch.push(next.value);
      }
      // A batch may serialize to nothing (every item filtered out).
      const resources = batch.length === 0 ? [] : serialize(batch);
      if (resources.length > 0) {
        const text = resources.map((resource) => JSON.stringify(resource)).join(',');
        yield written ? `,${text}` : text;
        written = true;
      }
      // After the first batch at once (it is on its way to the client), then once a slice is used up.
      if (size === FIRST_BATCH || performance.now() - sliceStart >= SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
      size = BATCH;
    }
    const tail = Object.entries(typeof rest === 'function' ? rest() : rest)
      .map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`)
      .join('');
    yield `]${tail}}`;
  }
  return Readable.from(pieces(), { objectMode: false });
}
