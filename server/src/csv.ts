import type { FastifyReply } from 'fastify';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
      ? String(value)
      : JSON.stringify(value);
  // Quote everything that could break a row; also defuse spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** File names come from the query string: keep them to a safe character set. */
export function safeFileName(name: string, fallbackExt: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
  return cleaned === '' || cleaned.startsWith('.') ? `download${fallbackExt}` : cleaned;
}

export function sendDownload(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  body: string,
): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);
}

/** `download=<name>.csv`: attribute columns, oldest first whatever the requested sort (docs §12). */
export function sendCsv(
  reply: FastifyReply,
  requested: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): FastifyReply {
  return sendDownload(
    reply,
    safeFileName(requested, '.csv'),
    'text/csv; charset=utf-8',
    toCsv(columns, rows),
  );
}
