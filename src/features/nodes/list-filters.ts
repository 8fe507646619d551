import type { NameOrCodeFilterKey } from '@contract/filters';

/** The filters of a node list: text in the name or code, and archived nodes hidden unless asked for. */
export function listFilters(
  text: string,
  showArchived: boolean | undefined,
): Partial<Record<NameOrCodeFilterKey | 'archived_eq', string | boolean>> {
  const term = text.trim();
  return {
    ...(term === '' ? {} : { name_or_code_cont: term }),
    ...(showArchived === true ? {} : { archived_eq: false }),
  };
}
