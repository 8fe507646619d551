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
