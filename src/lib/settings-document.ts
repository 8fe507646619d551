// Edits to a settings document (or any JSON object) that leave everything else as it was: unknown keys,
// key order and untouched branches stay, so the form and the raw JSON view can edit the same document.

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when a step is missing or not an object. */
export function getIn(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    if (!isJsonRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * A copy of `record` with `path` set to `value` (undefined removes the key). Missing or non-object steps
 * become objects; with `prune`, objects left empty by a removal are removed too (never the root).
 */
export function setIn(
  record: JsonRecord,
  path: readonly string[],
  value: unknown,
  { prune = false }: { prune?: boolean } = {},
): JsonRecord {
  const [key, ...rest] = path;
  if (key === undefined) return record;
  if (rest.length === 0) {
    if (value === undefined) {
      if (!Object.hasOwn(record, key)) return record;
      return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
    }
    return { ...record, [key]: value };
  }
  const child = record[key];
  const next = setIn(isJsonRecord(child) ? child : {}, rest, value, { prune });
  if (prune && Object.keys(next).length === 0) return setIn(record, [key], undefined);
  return { ...record, [key]: next };
}

/** `"alice, approvers"` → `['alice', 'approvers']`. */
export function parseNameList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The comma-separated form OpsChain reads (domain §6.3). */
export function formatNameList(names: readonly string[]): string {
  return names.join(', ');
}

/** The same entries with one key renamed in place; null when the new name is taken or empty. */
export function renameKey(record: JsonRecord, from: string, to: string): JsonRecord | null {
  if (from === to) return record;
  if (to.trim() === '' || Object.hasOwn(record, to)) return null;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

/**
 * The notifications block with a target renamed, and the events that notify it pointing at the new name;
 * null when the new name is taken or empty.
 */
export function renameNotificationTarget(block: JsonRecord, from: string, to: string): JsonRecord | null {
  const targets = isJsonRecord(block.targets) ? block.targets : {};
  const renamed = renameKey(targets, from, to);
  if (renamed === null) return null;
  let next = setIn(block, ['targets'], renamed);
  const events = block.events;
  if (!isJsonRecord(events)) return next;
  for (const [subject, moments] of Object.entries(events)) {
    if (!isJsonRecord(moments)) continue;
    for (const [moment, settings] of Object.entries(moments)) {
      const notifyTo = isJsonRecord(settings) ? settings.notify_to : undefined;
      if (!Array.isArray(notifyTo) || !notifyTo.includes(from)) continue;
      const path = ['events', subject, moment, 'notify_to'];
      next = setIn(
        next,
        path,
        notifyTo.map((name: unknown) => (name === from ? to : name)),
      );
    }
  }
  return next;
}
