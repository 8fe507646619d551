import { timestampSchema } from '@contract/json-api';

// What the hand checks of large answers (`plain-step.ts`, `plainLogLine` in `log-lines.ts`) share: a value is
// what the contract schema would accept, checked without zod's per-value cost.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The contract schema's own pattern (the whole of its check: month lengths and leap years included), or the
// schema itself should it ever have none.
const TIMESTAMP = timestampSchema.def.pattern;

/** An ISO 8601 date-time with an offset, exactly as `timestampSchema` accepts it. */
export const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' &&
  (TIMESTAMP === undefined ? timestampSchema.safeParse(value).success : TIMESTAMP.test(value));
