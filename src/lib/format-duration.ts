// Elapsed times of changes and steps: "45s", "3m 07s", "2h 05m", "3d 4h". Live on running ones.

/** A non-negative duration in milliseconds as people read it; seconds are dropped above an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (days > 0) return `${String(days)}d ${String(hours)}h`;
  if (hours > 0) return `${String(hours)}h ${pad(minutes)}m`;
  if (minutes > 0) return `${String(minutes)}m ${pad(seconds)}s`;
  return `${String(seconds)}s`;
}

/**
 * How long something ran: from `started` to `finished`, or to `now` while it runs. Null before it started
 * or when a time cannot be read.
 */
export function elapsedMs(started: string | null, finished: string | null, now: number): number | null {
  if (started === null) return null;
  const start = Date.parse(started);
  const end = finished === null ? now : Date.parse(finished);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, end - start);
}
