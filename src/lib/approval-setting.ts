import type { JsonObject } from '@contract/json-api';

// Whether a change on a node will wait for approval, and from whom (domain §6.3, §7.5). Settings are read
// top-down, project → environment → asset, and deep-merged: the lowest node that names a key decides it (an
// environment's `requires_approval_from: null` lifts its project's).

/** The value of `key` in force below `documents` (outermost first), or undefined when none names it. */
export function effectiveSetting(documents: readonly JsonObject[], key: string): unknown {
  for (let index = documents.length - 1; index >= 0; index -= 1) {
    const document = documents[index];
    if (document !== undefined && Object.hasOwn(document, key)) return document[key];
  }
  return undefined;
}

/**
 * The users and groups a change must be approved by: `"ops_lead, approvers"` → `['ops_lead', 'approvers']`.
 * Empty when no approval is needed (unset, null, blank, or not a string).
 */
export function requiredApprovers(documents: readonly JsonObject[]): string[] {
  const value = effectiveSetting(documents, 'requires_approval_from');
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
