import type { Links, Relationships } from '@contract/json-api';
import type { z } from 'zod';
import { apiListStream, apiRequest, describeRequest, type ApiRequestOptions } from './client';
import { ResponseFormatError } from './errors';

// Parse at the edge, flatten once (STYLE habit 3): resource modules call `getDocument` with a contract/
// schema and turn each resource into a flat record with `flatten`.

const MAX_PROBLEMS = 5;

function formatIssues(error: z.ZodError): string[] {
  return error.issues
    .slice(0, MAX_PROBLEMS)
    .map((issue) => `${issue.path.length === 0 ? '(document)' : issue.path.join('.')}: ${issue.message}`);
}

/** Checks a parsed body against a contract/ schema; throws ResponseFormatError naming the request. */
export function parseDocument<S extends z.ZodType>(schema: S, body: unknown, request: string): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new ResponseFormatError(request, formatIssues(result.error));
  return result.data;
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
 * `apiListStream`). A resource that does not match fails the whole list, naming its index.
 */
export async function* streamResources<S extends z.ZodType>(
  resourceSchema: S,
  path: string,
  options: ApiRequestOptions = {},
): AsyncGenerator<z.output<S>[], void> {
  const request = describeRequest(options.method ?? 'GET', path);
  const stream = apiListStream(path, options);
  let index = 0;
  for (;;) {
    const next = await stream.next();
    if (next.done === true) {
      const rest = next.value;
      if (typeof rest !== 'object' || rest === null || !Array.isArray((rest as { data?: unknown }).data)) {
        throw new ResponseFormatError(request, ['data: expected a list of resources']);
      }
      return;
    }
    const batch: z.output<S>[] = [];
    for (const member of next.value) {
      const result = resourceSchema.safeParse(member);
      if (!result.success) {
        const issues = formatIssues(result.error).map((issue) => `data.${String(index)}.${issue}`);
        throw new ResponseFormatError(request, issues);
      }
      batch.push(result.data);
      index++;
    }
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
