import { formatTimestamp } from '@/lib/format-time';

export interface TimestampProps {
  /** ISO-8601, as the API sends it. */
  value: string;
}

/** A time in the reader's zone, with the exact UTC value in its tooltip and `datetime`. */
export function Timestamp({ value }: TimestampProps) {
  return (
    <time dateTime={value} title={value}>
      {formatTimestamp(value)}
    </time>
  );
}
