import type { Emulator } from './context.ts';

export type DocumentKind = 'properties' | 'settings';

/** Creates a properties or settings document at version 1 for a node; returns its id. */
export function createDocument(
  emu: Emulator,
  kind: DocumentKind,
  ownerId: string,
  ownerType: string,
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
    | { current_version: number }
    | undefined;
  if (!row) throw new Error(`document ${documentId} does not exist`);
  const version = row.current_version + 1;
  const now = emu.now();
  emu
    .sql('INSERT INTO document_versions (id, document_id, version, data, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(emu.newId(), documentId, version, JSON.stringify(data), now);
  emu.sql('UPDATE documents SET current_version = ?, updated_at = ? WHERE id = ?').run(version, now, documentId);
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
