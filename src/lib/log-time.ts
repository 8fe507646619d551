// How the log pane shows a line's time: in the reader's zone, in UTC, or relative to the log's first line.

export const LOG_TIME_MODES = ['local', 'utc', 'relative'] as const;
export type LogTimeMode = (typeof LOG_TIME_MODES)[number];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `HH:MM:SS.mmm` (local or UTC) or `+M:SS.mmm` / `+H:MM:SS.mmm` after `startMs`; '' for an unknown time. */
export function formatLogTime(ms: number, mode: LogTimeMode, startMs: number): string {
  if (!Number.isFinite(ms)) return '';
  if (mode === 'relative') {
    if (!Number.isFinite(startMs)) return '';
    const delta = Math.max(0, Math.floor(ms - startMs));
    const hours = Math.floor(delta / 3_600_000);
    const minutes = Math.floor(delta / 60_000) % 60;
    const seconds = Math.floor(delta / 1000) % 60;
    const rest = `${pad(seconds)}.${pad(delta % 1000, 3)}`;
    return hours > 0 ? `+${String(hours)}:${pad(minutes)}:${rest}` : `+${String(minutes)}:${rest}`;
  }
  const d = new Date(Math.floor(ms));
  const utc = mode === 'utc';
  const h = utc ? d.getUTCHours() : d.getHours();
  const m = utc ? d.getUTCMinutes() : d.getMinutes();
  const s = utc ? d.getUTCSeconds() : d.getSeconds();
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** The full date and time in UTC, for a time's tooltip. */
export function logTimeTitle(ms: number): string {
  return Number.isFinite(ms) ? new Date(Math.floor(ms)).toISOString() : '';
}
