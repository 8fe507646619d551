import type { Links, Relationships } from '@contract/json-api';
import { z } from 'zod';
import {
  describeIssues,
  distinctProblems,
  parseRows,
  type RowList,
  type UnreadableRow,
} from '@/lib/list-rows';
import { apiListStream, apiRequest, apiUrl, describeRequest, type ApiRequestOptions } from './client';
import { ResponseFormatError } from './errors';

// Parse at the edge, flatten once (STYLE habit 3): resource modules call `fetchDocument` (one resource) or
// `fetchList` (a list, checked row by row) with a contract/ schema and turn each resource into a flat
// record with `flatten`.

/** Checks a parsed body against a contract/ schema; throws ResponseFormatError naming the request. */
export function parseDocument<S extends z.ZodType>(schema: S, body: unknown, request: string): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new ResponseFormatError(request, describeIssues(result.error));
  return result.data;
}

/** A list document schema (output `D`) whose `data` is an array of `R`s, next to meta, links and so on. */
export type ListSchema<R extends z.ZodType, D> = z.ZodType<D> & { shape: { data: z.ZodArray<R> } };

/** A list document as parsed by `parseList`: `data` holds the rows that matched, `unreadable` the others. */
export type ParsedList<R extends z.ZodType, D> = Omit<D, 'data'> & {
  data: z.output<R>[];
  unreadable: UnreadableRow[];
};

// Lists (request and query) whose unreadable rows were already reported, with what was wrong: a list polled
// every few seconds, or shown on several screens, reports the same mismatch once. Bounded, as it only serves
// logging.
const reported = new Set<string>();
const MAX_REPORTED = 200;

/**
 * Tells developers, once per list (`listKey`: request and query) and mismatch, that rows of a list did not
 * match the contract. The screens mark the rows themselves (UnreadableRowsNotice); this is the one report for
 * the console log. The message names the request without its query, which may hold filters.
 */
export function reportUnreadableRows(
  request: string,
  rows: readonly UnreadableRow[],
  listKey: string = request,
): void {
  if (rows.length === 0) return;
  const problems = distinctProblems(rows);
  const key = `${listKey}\n${problems.join('\n')}`;
  if (reported.has(key)) return;
  if (reported.size >= MAX_REPORTED) reported.clear();
  reported.add(key);
  console.warn(
    `${String(rows.length)} row(s) of ${request} did not match the API contract and are shown as unreadable:`,
    problems.join('; '),
  );
}

const listShellSchema = z.looseObject({ data: z.array(z.unknown()) });

/**
 * Checks a list document: the envelope (meta, links) must match, or ResponseFormatError is thrown; each
 * member of `data` is checked on its own, so one odd row is reported and marked rather than failing the list.
 */
export function parseList<R extends z.ZodType, D>(
  schema: ListSchema<R, D>,
  body: unknown,
  request: string,
  listKey: string = request,
): ParsedList<R, D> {
  const shell = parseDocument(listShellSchema, body, request);
  // The envelope is checked without its rows (an empty list always matches), the rows one by one.
  const envelope = parseDocument(schema, { ...shell, data: [] }, request);
  const rows = parseRows(schema.shape.data.element, shell.data);
  reportUnreadableRows(request, rows.unreadable, listKey);
  return { ...envelope, data: rows.items, unreadable: rows.unreadable };
}

/** GET a list and parse it row by row (see `parseList`). */
export async function fetchList<R extends z.ZodType, D>(
  schema: ListSchema<R, D>,
  path: string,
  options: ApiRequestOptions = {},
): Promise<ParsedList<R, D>> {
  const body = await apiRequest(path, options);
  const method = options.method ?? 'GET';
  return parseList(schema, body, describeRequest(method, path), `${method} ${apiUrl(path, options.params)}`);
}

/** Flattens the readable rows of a parsed list with `toItem`, keeping the unreadable ones beside them. */
export function toRowList<R, T>(
  list: { data: R[]; unreadable: UnreadableRow[] },
  toItem: (row: R) => T,
): RowList<T> {
  return { items: list.data.map(toItem), unreadable: list.unreadable };
}

/** GET (or another method) and parse the answer with `schema`. */
export async function fetchDocument<S extends z.ZodType>(
  schema: S,
  path: string,
  options: ApiRequestOptions = {},
): Promise<z.output<S>> {
  const body = await apiRequest(path, options);
  return parseDocument(schema, body, describeRequest(options.method ?? 'GET', path));
}

/**
 * GETs a list and yields its resources, each checked with `resourceSchema`, in batches as they arrive (see
 * `apiListStream`). A resource that does not match is yielded as unreadable (and reported), not dropped.
 */
export async function* streamResources<S extends z.ZodType>(
  resourceSchema: S,
  path: string,
  options: ApiRequestOptions = {},
): AsyncGenerator<RowList<z.output<S>>, void> {
  const method = options.method ?? 'GET';
  const request = describeRequest(method, path);
  const stream = apiListStream(path, options);
  let index = 0;
  const unreadable: UnreadableRow[] = [];
  for (;;) {
    const next = await stream.next();
    if (next.done === true) {
      const rest = next.value;
      if (typeof rest !== 'object' || rest === null || !Array.isArray((rest as { data?: unknown }).data)) {
        throw new ResponseFormatError(request, ['data: expected a list of resources']);
      }
      reportUnreadableRows(request, unreadable, `${method} ${apiUrl(path, options.params)}`);
      return;
    }
    const batch = parseRows(resourceSchema, next.value, index);
    index += next.value.length;
    unreadable.push(...batch.unreadable);
    yield batch;
  }
}

interface ResourceLike {
  id: string;
  attributes: object;
  relationships?: Relationships | undefined;
  links?: Links | undefined;
  meta?: unknown;
}

/** A resource as the console uses it: its attributes (snake_case, as on the wire) next to id and meta. */
export type Flat<A extends object, M> = A & {
  id: string;
  relationships: Relationships;
  links: Links;
  meta: M;
};

/** `{id, attributes, relationships, links, meta}` → `{id, ...attributes, relationships, links, meta}`. */
export function flatten<R extends ResourceLike>(resource: R): Flat<R['attributes'], R['meta']> {
  return {
    ...resource.attributes,
    id: resource.id,
    relationships: resource.relationships ?? {},
    links: resource.links ?? {},
    meta: resource.meta,
  };
}
