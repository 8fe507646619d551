import type { FastifyRequest } from 'fastify';
import type { Db } from './db/database.ts';

const SAVEPOINT = 'audited_write';

/**
 * Keeps a mutating route's writes and its system event in one transaction: the writes become visible only
 * together with the event, and an event that cannot be stored undoes the writes (the request then fails).
 * It spans the handler and `onSend`, where the event is recorded from the answer. Handlers are synchronous,
 * so no other request runs inside it; the handlers' own transactions (`Emulator.tx`) nest inside it as
 * savepoints. IMMEDIATE, like those: with several processes on one database file, a deferred transaction
 * that reads and then writes fails with SQLITE_BUSY instead of waiting for the lock.
 */
export class AuditedWrites {
  private readonly db: Db;
  private open: FastifyRequest | null = null;
  /** Begun inside a transaction someone else holds: a savepoint then, not a transaction of its own. */
  private nested = false;

  constructor(db: Db) {
    this.db = db;
  }

  begin(req: FastifyRequest): void {
    // Another request's write still open would mean a handler awaited something: refuse rather than mix them.
    if (this.open !== null) throw new Error('an audited write of another request is still open');
    this.nested = this.db.inTransaction;
    this.db.exec(this.nested ? `SAVEPOINT ${SAVEPOINT}` : 'BEGIN IMMEDIATE');
    this.open = req;
  }

  /** Runs `record` (the event), if any, and commits with it; if it fails, undoes everything and rethrows. */
  commit(req: FastifyRequest, record?: () => void): void {
    if (this.open !== req) {
      record?.();
      return;
    }
    try {
      record?.();
    } catch (err) {
      this.end(false);
      throw err;
    }
    this.end(true);
  }

  /** Undoes the request's writes, if it still has some open (a failure, an aborted request). */
  rollback(req: FastifyRequest): void {
    if (this.open === req) this.end(false);
  }

  private end(commit: boolean): void {
    this.open = null;
    // Some SQLite errors end the whole transaction themselves; then there is nothing left to end.
    if (!this.db.inTransaction) return;
    if (this.nested) {
      if (!commit) this.db.exec(`ROLLBACK TO ${SAVEPOINT}`);
      this.db.exec(`RELEASE ${SAVEPOINT}`);
    } else this.db.exec(commit ? 'COMMIT' : 'ROLLBACK');
  }
}
