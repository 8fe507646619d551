import { escapePathComponent } from 'fast-json-patch';

// Three-way merge of JSON documents for properties and settings (issue 13): base is the version an edit
// started from, mine the edited document, theirs the version someone else saved meanwhile. The policy is
// OpsChain's: objects merge key by key (recursively), every other value — arrays included, because
// OpsChain's deep merge replaces arrays — is one value. Edits to different values merge; the same edit on
// both sides is no conflict; different edits of one value, or a deletion against an edit, are conflicts.

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonRecord;
export interface JsonRecord {
  [key: string]: JsonValue;
}

/** One value both sides changed differently. `undefined` means the side removed (or never had) the key. */
export interface MergeConflict {
  /** JSON Pointer of the value (`/db/port`); never the document root. */
  pointer: string;
  /** The same path as keys (`['db', 'port']`). */
  path: readonly string[];
  base: JsonValue | undefined;
  mine: JsonValue | undefined;
  theirs: JsonValue | undefined;
}

export interface MergeResult {
  /** The merged document; where a conflict is undecided it holds mine. */
  merged: JsonRecord;
  /** Pointers of the values taken from theirs (changed only on their side). */
  fromTheirs: string[];
  conflicts: MergeConflict[];
}

/** How one conflict is decided: keep mine, keep theirs, or a value written by hand (`undefined` removes the key). */
export type ConflictResolution =
  { kind: 'mine' } | { kind: 'theirs' } | { kind: 'value'; value: JsonValue | undefined };

export function isJsonRecord(value: JsonValue | undefined): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is plain JSON (what `JSON.parse` produces): checks the whole tree. */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object') return false;
  return Object.values(value).every(isJsonValue);
}

/** A JSON object from the server (`data` of a document), checked to hold plain JSON; null otherwise. */
export function asJsonRecord(value: unknown): JsonRecord | null {
  return isJsonValue(value) && isJsonRecord(value) ? value : null;
}

/** Structural equality of JSON values (key order does not matter; `undefined` is "absent"). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isJsonRecord(a) && isJsonRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

export function toPointer(path: readonly string[]): string {
  return path.map((key) => `/${escapePathComponent(key)}`).join('');
}

function own(record: JsonRecord, key: string): JsonValue | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

interface Collector {
  fromTheirs: string[];
  conflicts: MergeConflict[];
}

/** The pointers of the values that differ, as finely as objects allow (a changed key, not its parent). */
function collectChanges(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path: string[],
  out: string[],
): void {
  if (jsonEqual(before, after)) return;
  if (isJsonRecord(before) && isJsonRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
    for (const key of keys) collectChanges(own(before, key), own(after, key), [...path, key], out);
    return;
  }
  out.push(toPointer(path));
}

/** One difference between two documents: a value added, removed or changed (arrays count as one value). */
export interface JsonChange {
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
}

/** The values that differ between two documents, as finely as objects allow, in document order. */
export function diffJson(before: JsonRecord, after: JsonRecord): JsonChange[] {
  const pointers: string[] = [];
  collectChanges(before, after, [], pointers);
  return pointers.map((pointer) => {
    const path = pointer.split('/').slice(1);
    const had = hasPath(before, path);
    const has = hasPath(after, path);
    return { pointer, kind: had && has ? 'changed' : had ? 'removed' : 'added' };
  });
}

function hasPath(record: JsonRecord, escapedPath: readonly string[]): boolean {
  let node: JsonValue = record;
  for (const escaped of escapedPath) {
    const key = escaped.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isJsonRecord(node) || !Object.hasOwn(node, key)) return false;
    const child: JsonValue | undefined = node[key];
    if (child === undefined) return false;
    node = child;
  }
  return true;
}

function mergeValue(
  base: JsonValue | undefined,
  mine: JsonValue | undefined,
  theirs: JsonValue | undefined,
  path: string[],
  out: Collector,
): JsonValue | undefined {
  if (jsonEqual(mine, theirs)) return mine;
  if (jsonEqual(mine, base)) {
    collectChanges(base, theirs, path, out.fromTheirs);
    return theirs;
  }
  if (jsonEqual(theirs, base)) return mine;
  // Both sides changed this value, differently. Two objects still merge key by key (a base that was not an
  // object counts as empty: both sides built on nothing there).
  if (isJsonRecord(mine) && isJsonRecord(theirs)) {
    return mergeRecords(isJsonRecord(base) ? base : {}, mine, theirs, path, out);
  }
  out.conflicts.push({ pointer: toPointer(path), path: [...path], base, mine, theirs });
  return mine;
}

function mergeRecords(
  base: JsonRecord,
  mine: JsonRecord,
  theirs: JsonRecord,
  path: string[],
  out: Collector,
): JsonRecord {
  const merged: JsonRecord = {};
  // Mine's key order first, then keys only theirs has, in their order.
  const keys = [...Object.keys(mine), ...Object.keys(theirs).filter((key) => !Object.hasOwn(mine, key))];
  for (const key of keys) {
    const value = mergeValue(own(base, key), own(mine, key), own(theirs, key), [...path, key], out);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** Merges two edits of `base`; see the module comment for the policy. */
export function mergeJson3(base: JsonRecord, mine: JsonRecord, theirs: JsonRecord): MergeResult {
  const out: Collector = { fromTheirs: [], conflicts: [] };
  const merged = mergeRecords(base, mine, theirs, [], out);
  return { merged, fromTheirs: out.fromTheirs, conflicts: out.conflicts };
}

function chosenValue(conflict: MergeConflict, resolution: ConflictResolution): JsonValue | undefined {
  switch (resolution.kind) {
    case 'mine':
      return conflict.mine;
    case 'theirs':
      return conflict.theirs;
    case 'value':
      return resolution.value;
  }
}

/** Sets (or, for `undefined`, removes) the value at `path`, creating objects on the way. Returns a copy. */
function withValue(record: JsonRecord, path: readonly string[], value: JsonValue | undefined): JsonRecord {
  const [key, ...rest] = path;
  if (key === undefined) return record;
  const copy: JsonRecord = { ...record };
  if (rest.length === 0) {
    if (value === undefined) Reflect.deleteProperty(copy, key);
    else copy[key] = value;
    return copy;
  }
  const child = own(record, key);
  copy[key] = withValue(isJsonRecord(child) ? child : {}, rest, value);
  return copy;
}

/**
 * The merged document with every conflict decided. Throws when a conflict has no decision: nothing may be
 * saved until each one is decided.
 */
export function resolveConflicts(
  result: MergeResult,
  resolutions: ReadonlyMap<string, ConflictResolution>,
): JsonRecord {
  let document = result.merged;
  for (const conflict of result.conflicts) {
    const resolution = resolutions.get(conflict.pointer);
    if (resolution === undefined) throw new Error(`The conflict at ${conflict.pointer} is not decided`);
    document = withValue(document, conflict.path, chosenValue(conflict, resolution));
  }
  return document;
}

/** Parses JSON text into a document (an object), or says why it cannot be one. */
export function parseJsonDocument(
  text: string,
): { ok: true; value: JsonRecord } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'The text is not JSON.' };
  }
  if (!isJsonValue(value) || !isJsonRecord(value))
    return { ok: false, message: 'The document must be a JSON object ({ … }).' };
  return { ok: true, value };
}

/** How documents are shown in the editors: two-space indentation, as `JSON.stringify` writes it. */
export function formatJson(value: JsonValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}
