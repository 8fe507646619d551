import type { FastifyRequest } from 'fastify';
import type { Db } from './db/database.ts';

const SAVEPOINT = 'audited_write';

/**
 * Keeps a mutating route's writes and its system event in one transaction: the writes become visible only
 * together with the event, and an event that cannot be stored undoes the writes (the request then fails).
 * It spans the handler and `onSend`, where the event is recorded from the answer. Handlers are synchronous,
 * so no other request runs inside it. A savepoint rather than BEGIN, so the handlers' own transactions
 * (`Emulator.tx`) nest inside it.
 */
export class AuditedWrites {
  private readonly db: Db;
  private open: FastifyRequest | null = null;

  constructor(db: Db) {
    this.db = db;
  }

  begin(req: FastifyRequest): void {
    // Another request's write still open would mean a handler awaited something: refuse rather than mix them.
    if (this.open !== null) throw new Error('an audited write of another request is still open');
    this.db.exec(`SAVEPOINT ${SAVEPOINT}`);
    this.open = req;
  }

  /** Runs `record` (the event) and commits with it; on failure undoes everything and rethrows. */
  commit(req: FastifyRequest, record: () => void): void {
    if (this.open !== req) {
      record();
      return;
    }
    try {
      record();
    } catch (err) {
      this.rollback(req);
      throw err;
    }
    this.open = null;
    this.db.exec(`RELEASE ${SAVEPOINT}`);
  }

  /** Undoes the request's writes, if it still has some open (a refusal, an error, an aborted request). */
  rollback(req: FastifyRequest): void {
    if (this.open !== req) return;
    this.open = null;
    // Some SQLite errors end the whole transaction themselves; then there is nothing left to undo.
    if (!this.db.inTransaction) return;
    this.db.exec(`ROLLBACK TO ${SAVEPOINT}`);
    this.db.exec(`RELEASE ${SAVEPOINT}`);
  }
}
