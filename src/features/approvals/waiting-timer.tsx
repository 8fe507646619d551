import { formatWait } from '@/lib/format-wait';
import { useNow } from '@/lib/use-now';

export interface WaitingTimerProps {
  /** ISO timestamp the wait began. */
  since: string;
}

/** "Waiting 3 min 12 s", ticking every second; the exact start is in the title and `dateTime`. */
export function WaitingTimer({ since }: WaitingTimerProps) {
  const now = useNow();
  const start = Date.parse(since);
  return (
    <time dateTime={since} title={new Date(start).toLocaleString()}>
      waiting {formatWait(now - start)}
    </time>
  );
}
