// OpsChain timestamps are UTC ISO-8601 with microseconds (domain §2.7); people read them in their own
// time zone. The exact value stays available (title, datetime attribute) for copying into tickets.

const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "28 Nov 2026, 06:52:43" in the reader's locale and zone; the input as given when it is not a date. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatter.format(time);
}
