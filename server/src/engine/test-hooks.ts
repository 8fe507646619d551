/**
 * Test hooks outside `/api`, registered only when the app is built with `testHooks: true` (env
 * EMULATOR_TEST_HOOKS=1): they let e2e suites start each journey from a known state.
 *
 *   POST /__emulator/reset            empties every table and applies the seed again (204)
 *        body (optional) {"seed": "demo" | "none" | "bench"} — default: the seed the app was built with
 */
import type { FastifyInstance } from 'fastify';
import type { Emulator } from '../context.ts';
import { badRequest } from '../errors.ts';
import { isPlainObject } from '../jsonapi.ts';
import { isSeedName, seedDatabase, type SeedName } from '../seeds/seed.ts';

/** Empties every table (schema and ids counters stay) and seeds again, in one transaction. */
export function resetDatabase(emu: Emulator, seed: SeedName): void {
  const tables = (
    emu.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  // Foreign keys cannot be switched inside a transaction; every row goes, so their order does not matter.
  emu.db.pragma('foreign_keys = OFF');
  try {
    emu.tx(() => {
      for (const table of tables) emu.db.prepare(`DELETE FROM "${table.replace(/"/g, '""')}"`).run();
      seedDatabase(emu, seed);
    });
  } finally {
    emu.db.pragma('foreign_keys = ON');
  }
  emu.authzChanged();
}

export function testHookRoutes(app: FastifyInstance, defaultSeed: SeedName): void {
  const emu = app.emulator;
  app.post('/__emulator/reset', (req, reply) => {
    const body = req.body;
    const requested = isPlainObject(body) ? body.seed : undefined;
    if (requested !== undefined && (typeof requested !== 'string' || !isSeedName(requested))) {
      throw badRequest('Unknown seed', 'seed must be one of demo, none, bench');
    }
    resetDatabase(emu, requested ?? defaultSeed);
    return reply.status(204).send();
  });
}
