import { apiDownload, type DownloadedFile } from './client';

// CSV exports through the API's `download=<file>.csv` parameter (domain §12): projects, environments,
// assets and changes. The filters of the list apply; OpsChain orders the file oldest first whatever the sort.

export interface CsvExportInput {
  /** The list's API path, `/projects/bank/environments`. */
  path: string;
  /** The list's filter parameters (from `ransackParams`). */
  params?: URLSearchParams;
  /** The name asked for, `bank-environments.csv`. */
  fileName: string;
}

/** A file name ending in `.csv`, made of characters every system accepts. */
export function csvFileName(base: string): string {
  const cleaned = base
    .replace(/\.csv$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return `${cleaned === '' ? 'export' : cleaned}.csv`;
}

/** Fetches the CSV with the signed-in user's credentials; the server's file name wins when it sends one. */
export async function exportCsv({ path, params, fileName }: CsvExportInput): Promise<DownloadedFile> {
  const query = new URLSearchParams(params);
  query.set('download', csvFileName(fileName));
  const file = await apiDownload(path, { params: query });
  return { blob: file.blob, fileName: file.fileName ?? csvFileName(fileName) };
}
