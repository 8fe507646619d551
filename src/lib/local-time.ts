// `<input type="datetime-local">` speaks the reader's local time without a zone (`2025-04-25T08:30:05`);
// the URL and the API speak UTC ISO-8601.

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * UTC ISO → the input's local value, to the second; '' for nothing or garbage. Written the way browsers
 * normalise the value (`:00` seconds left out), so the value read back from the box is the same text and
 * React never rewrites the box under the user's keystrokes.
 */
export function toLocalInput(iso: string | undefined): string {
  if (iso === undefined) return '';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  const minute = `${String(time.getFullYear()).padStart(4, '0')}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
  return time.getSeconds() === 0 ? minute : `${minute}:${pad(time.getSeconds())}`;
}

/** The input's local value → UTC ISO; undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (value === '') return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

// Time boxes choose whole seconds (`step={1}`), so a range covers whole seconds, both ends included: "From
// 10:00:05" starts at 10:00:05.000000 and "Until 10:00:07" ends before 10:00:08, whatever fraction a shared
// link carries.
const SECOND_MS = 1000;

function startOfSecond(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : Math.floor(time / SECOND_MS) * SECOND_MS;
}

/** A From/Until pair of boxes as API bounds: `from` inclusive, `before` exclusive (the second after Until). */
export function wholeSecondRange(
  from: string | undefined,
  until: string | undefined,
): { from: string | undefined; before: string | undefined } {
  const start = startOfSecond(from);
  const end = startOfSecond(until);
  return {
    from: start === undefined ? undefined : new Date(start).toISOString(),
    before: end === undefined ? undefined : new Date(end + SECOND_MS).toISOString(),
  };
}

/** True when Until names an earlier second than From, so nothing can match. */
export function isReversedRange(from: string | undefined, until: string | undefined): boolean {
  const start = startOfSecond(from);
  const end = startOfSecond(until);
  return start !== undefined && end !== undefined && end < start;
}
