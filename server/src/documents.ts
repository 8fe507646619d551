import type { PropertiesOwnerType } from '@contract/properties.ts';
import type { Emulator } from './context.ts';
import { isPlainObject } from './jsonapi.ts';

export type DocumentKind = 'properties' | 'settings';

/** Creates a properties or settings document at version 1 for a node; returns its id. */
export function createDocument(
  emu: Emulator,
  kind: DocumentKind,
  ownerId: string,
  ownerType: PropertiesOwnerType,
  data: Record<string, unknown> = {},
): string {
  const id = emu.newId();
  const now = emu.now();
  emu
    .sql(
      `INSERT INTO documents (id, kind, owner_id, owner_type, current_version, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(id, kind, ownerId, ownerType, now, now);
  emu
    .sql('INSERT INTO document_versions (id, document_id, version, data, created_at) VALUES (?, ?, 1, ?, ?)')
    .run(emu.newId(), id, JSON.stringify(data), now);
  return id;
}

/** Appends a new version (current + 1) and returns its number. Callers check versions themselves. */
export function appendVersion(emu: Emulator, documentId: string, data: Record<string, unknown>): number {
  const row = emu.sql('SELECT current_version FROM documents WHERE id = ?').get(documentId) as
    { current_version: number } | undefined;
  if (!row) throw new Error(`document ${documentId} does not exist`);
  const version = row.current_version + 1;
  const now = emu.now();
  emu
    .sql('INSERT INTO document_versions (id, document_id, version, data, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(emu.newId(), documentId, version, JSON.stringify(data), now);
  emu
    .sql('UPDATE documents SET current_version = ?, updated_at = ? WHERE id = ?')
    .run(version, now, documentId);
  return version;
}

/** The current data of a document (`{}` if missing). */
export function currentData(emu: Emulator, documentId: string): Record<string, unknown> {
  const row = emu
    .sql(
      `SELECT v.data FROM documents d JOIN document_versions v
         ON v.document_id = d.id AND v.version = d.current_version WHERE d.id = ?`,
    )
    .get(documentId) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : {};
}

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  owner_id: string;
  /** Written only by `createDocument`, so always one of the contract's owner types. */
  owner_type: PropertiesOwnerType;
  current_version: number;
  created_at: string;
  updated_at: string;
}

export interface DocumentVersionRow {
  id: string;
  document_id: string;
  version: number;
  data: string;
  created_at: string;
}

export function findDocument(emu: Emulator, kind: DocumentKind, id: string): DocumentRow | undefined {
  return emu.sql('SELECT * FROM documents WHERE id = ? AND kind = ?').get(id, kind) as
    DocumentRow | undefined;
}

export function findVersion(
  emu: Emulator,
  documentId: string,
  version: number,
): DocumentVersionRow | undefined {
  return emu
    .sql('SELECT * FROM document_versions WHERE document_id = ? AND version = ?')
    .get(documentId, version) as DocumentVersionRow | undefined;
}

/** A stored version's data; documents are always JSON objects. */
export function versionData(row: DocumentVersionRow): Record<string, unknown> {
  return JSON.parse(row.data) as Record<string, unknown>;
}

export type ReplaceOutcome =
  { kind: 'updated'; version: number } | { kind: 'mismatch'; current: number; attempted: number };

/**
 * Replaces a document's data with a new version. With `expectedVersion` it is the checked update: it applies
 * only when the document is still at that version. The read and the write share one IMMEDIATE transaction,
 * so concurrent writers (other requests, other connections to the same file) cannot both pass the check.
 */
export function replaceData(
  emu: Emulator,
  documentId: string,
  data: Record<string, unknown>,
  expectedVersion?: number,
): ReplaceOutcome {
  return emu.tx((): ReplaceOutcome => {
    const row = emu.sql('SELECT current_version FROM documents WHERE id = ?').get(documentId) as
      { current_version: number } | undefined;
    if (!row) throw new Error(`document ${documentId} does not exist`);
    if (expectedVersion !== undefined && expectedVersion !== row.current_version) {
      return { kind: 'mismatch', current: row.current_version, attempted: expectedVersion };
    }
    return { kind: 'updated', version: appendVersion(emu, documentId, data) };
  });
}

/** OpsChain's wording for a failed checked update (spec example of PATCH /api/properties/{id}). */
export function versionMismatchTitle(kind: DocumentKind, current: number, attempted: number): string {
  return (
    `Version mismatch, the ${kind} are now at version ${String(current)} whilst these modifications were made ` +
    `to version ${String(attempted)}. Please fetch the latest version of the ${kind} and reapply the edits.`
  );
}

type SettingCheck = (value: unknown) => string | null;

const isBoolean: SettingCheck = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const isOptionalString: SettingCheck = (v) =>
  v === null || typeof v === 'string'
    ? null
    : 'must be a comma-separated list of users and groups (a string)';
const isRetentionDays: SettingCheck = (v) =>
  v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0)
    ? null
    : 'must be a whole number of days (0 or more) or null';

function notificationsProblem(v: unknown): string | null {
  if (v === null) return null;
  if (!isPlainObject(v)) return 'must be an object with targets and events';
  const { targets, events } = v;
  if (targets !== undefined) {
    if (!isPlainObject(targets)) return 'targets must be an object of named URL lists';
    const bad = Object.entries(targets).find(
      ([, urls]) => !Array.isArray(urls) || urls.some((u) => typeof u !== 'string'),
    );
    if (bad) return `targets.${bad[0]} must be a list of URLs`;
  }
  if (events !== undefined && !isPlainObject(events)) return 'events must be an object';
  return null;
}

/** Types of the settings keys OpsChain documents (domain §6.3); other keys are free-form. */
const SETTING_CHECKS: Readonly<Record<string, SettingCheck>> = {
  allow_parallel_changes: isBoolean,
  allow_parallel_runs_of_same_workflow: isBoolean,
  requires_approval_from: isOptionalString,
  change_log_retention_days: isRetentionDays,
  event_retention_days: isRetentionDays,
  notifications: notificationsProblem,
};

/** Titles of every problem with the known settings keys of `data` (empty when it is valid). */
export function settingsProblems(data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, check] of Object.entries(SETTING_CHECKS)) {
    if (!Object.hasOwn(data, key)) continue;
    const problem = check(data[key]);
    if (problem) problems.push(`Data ${key} ${problem}`);
  }
  return problems;
}

/**
 * Whether a parsed JSON value nests objects or arrays more than `max` levels deep. Checked iteratively: a
 * request body of a few megabytes can nest far deeper than the recursive JSON.stringify that stores it (or
 * SQLite's JSON functions, limited to 1000 levels) can handle.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.node !== 'object' || item.node === null) continue;
    const depth = item.depth + 1;
    if (depth > max) return true;
    for (const child of Object.values(item.node)) stack.push({ node: child, depth });
  }
  return false;
}
