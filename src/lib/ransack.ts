// Builds OpsChain's ransack query parameters (domain §12) from typed inputs, so no screen writes
// `filter[...]` strings by hand. Keys come from contract/filters.ts (`ProjectFilterKey`, `AssetSort`, ...).

import { COMBINATOR_PARAM, SORTS_PARAM } from '@contract/filters';

/** One operand; booleans are sent as `true`/`false`, numbers in decimal. */
export type RansackScalar = string | number | boolean;
/** A list for `_in`, `_not_in`, `_any` and `_all` predicates, sent as `filter[key][]=a&filter[key][]=b`. */
export type RansackValue = RansackScalar | readonly RansackScalar[];

export interface RansackQuery<K extends string = string, S extends string = string> {
  /** `filter[<attribute>_<predicate>]`; undefined, null, '' and [] are left out (ransack ignores blanks). */
  filters?: Partial<Record<K, RansackValue | null | undefined>>;
  /** `any` sends `filter[m]=or`: a record matches when any filter does. AND is the server's default. */
  match?: 'all' | 'any';
  /** `filter[sorts]`: `name`, `created_at desc`; several are sent as a list, first wins. */
  sorts?: S | readonly S[];
}

function encodeScalar(value: RansackScalar): string {
  return typeof value === 'string' ? value : String(value);
}

function isList(value: RansackValue): value is readonly RansackScalar[] {
  return Array.isArray(value);
}

/** The `filter[...]` pairs of a query, in a stable order (filters by key, then `m`, then sorts). */
export function ransackEntries<K extends string, S extends string>(
  query: RansackQuery<K, S>,
): [string, string][] {
  const entries: [string, string][] = [];
  const filters: Partial<Record<string, RansackValue | null | undefined>> = query.filters ?? {};
  for (const key of Object.keys(filters).sort()) {
    const value = filters[key];
    if (value === undefined || value === null) continue;
    if (isList(value)) {
      for (const item of value) {
        if (item !== '') entries.push([`filter[${key}][]`, encodeScalar(item)]);
      }
    } else if (value !== '') {
      entries.push([`filter[${key}]`, encodeScalar(value)]);
    }
  }
  if (query.match === 'any' && entries.length > 0) entries.push([`filter[${COMBINATOR_PARAM}]`, 'or']);
  const sorts = query.sorts;
  if (typeof sorts === 'string') {
    entries.push([`filter[${SORTS_PARAM}]`, sorts]);
  } else if (sorts !== undefined && sorts.length > 0) {
    if (sorts.length === 1 && sorts[0] !== undefined) entries.push([`filter[${SORTS_PARAM}]`, sorts[0]]);
    else for (const sort of sorts) entries.push([`filter[${SORTS_PARAM}][]`, sort]);
  }
  return entries;
}

/** The query as URL parameters (brackets are percent-encoded, as the docs ask). */
export function ransackParams<K extends string, S extends string>(
  query: RansackQuery<K, S>,
): URLSearchParams {
  return new URLSearchParams(ransackEntries(query));
}

/**
 * A text search over several attributes at once: `name_cont` OR `code_cont` (and so on). Trims the text;
 * an empty text gives no filters.
 */
export function textSearch<A extends string>(
  attributes: readonly A[],
  text: string,
): RansackQuery<`${A}_cont`, never> {
  const term = text.trim();
  if (term === '') return {};
  const filters: Partial<Record<`${A}_cont`, string>> = {};
  for (const attribute of attributes) filters[`${attribute}_cont`] = term;
  return { filters, match: attributes.length > 1 ? 'any' : 'all' };
}
