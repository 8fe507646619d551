import type { Emulator } from './context.ts';

export interface NewEvent {
  type: string;
  /**
   * Who the event is about. The vendor schema requires a string for every event, system ones included (the
   * console rejects a null), so the engine names a person even for what it does by itself: see stepEvent
   * in engine/lifecycle.ts.
   */
  username: string;
  system: boolean;
  payload?: Record<string, unknown>;
  /** The resource the event is about; a deleted one may be known by its path alone. */
  source?: { type: string | null; id: string | null; path?: string | null } | null;
}

/** Stores one event; returns its id. Callers run it inside their own transaction where they have one. */
export function recordEvent(emu: Emulator, event: NewEvent): string {
  const id = emu.newId();
  emu
    .sql(
      `INSERT INTO events (id, type, username, system, payload, source_type, source_id, source_path, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      event.type,
      event.username,
      event.system ? 1 : 0,
      JSON.stringify(event.payload ?? {}),
      event.source?.type ?? null,
      event.source?.id ?? null,
      event.source?.path ?? null,
      emu.now(),
    );
  return id;
}

const SECRET_KEYS = new Set(['password', 'ssh_key_data', 'user']);

/** Request bodies are kept in system events, minus credentials. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.has(k) && v !== null && v !== undefined ? '{{hidden}}' : redactSecrets(v);
  }
  return out;
}
