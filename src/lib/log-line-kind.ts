// What kind of line a log line is, from its text alone (the API has no level field).

/** The text OpsChain lists instead of a line the caller may not read (`/log_lines/<action>` denied). */
export const REDACTED_PREFIX = '[redacted:';

// Ruby Logger's error and fatal lines (`E, [2025-…] ERROR -- : …`, `F, […] FATAL -- : …`), and the usual
// words of failures and stack traces in other tools' output.
const ERROR_LINE =
  /^[EF], \[|\b(?:ERROR|FATAL|Traceback \(most recent call last\)|panic:)|Exception\b|\b[A-Z][A-Za-z]*Error\b:/;

export function isErrorLine(message: string): boolean {
  return ERROR_LINE.test(message);
}

export function isRedactedLine(message: string): boolean {
  return message.startsWith(REDACTED_PREFIX);
}
