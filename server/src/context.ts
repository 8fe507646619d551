import type { FastifyRequest } from 'fastify';
import type { Principal } from './auth.ts';
import { Authenticator } from './auth.ts';
import { loadRuleGrants } from './authorisation-store.ts';
import { Authorizer } from '@contract/authz.ts';
import type { Clock } from './clock.ts';
import { isoTimestamp } from './clock.ts';
import type { Db } from './db/database.ts';
import type { Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/** Everything a route handler needs, shared by the whole emulator instance. */
export class Emulator {
  readonly db: Db;
  /** The current time: the clock the app was built with, or the seed's clock while `withClock` runs. */
  readonly clock: Clock;
  private readonly baseClock: Clock;
  private clockOverride: Clock | null = null;
  readonly authn: Authenticator;
  private authzGeneration = 0;
  private readonly authzCache = new Map<string, { generation: number; authz: Authorizer }>();

  /** Simulated-time factor (EMULATOR_SPEED): durations of simulated work are divided by it. */
  readonly speed: number;
  private readonly tickers: { name: string; run: () => void }[] = [];

  constructor(db: Db, clock: Clock, speed = 1) {
    this.db = db;
    this.baseClock = clock;
    this.clock = { now: () => this.currentClock().now() };
    this.speed = speed > 0 ? speed : 1;
    this.authn = new Authenticator(db);
  }

  /**
   * Registers periodic work (the execution engines). The app drives all tickers on a timer; tests that use a
   * fake clock build the app with `drive: false` and call `runTickers()` after advancing the clock.
   */
  addTicker(name: string, run: () => void): void {
    this.tickers.push({ name, run });
  }

  runTickers(): void {
    for (const ticker of this.tickers) ticker.run();
  }

  private readonly statements = new Map<string, Statement>();

  /** A cached prepared statement: prepare once per SQL text, reuse on every request. */
  sql(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  now(): string {
    return isoTimestamp(this.currentClock());
  }

  private currentClock(): Clock {
    return this.clockOverride ?? this.baseClock;
  }

  /**
   * Runs `fn` with every time the emulator reads (timestamps, engine timers, schedules) taken from `clock`:
   * the demo seed drives the engine through days of history that end at the real clock's present.
   */
  withClock<T>(clock: Clock, fn: () => T): T {
    const previous = this.clockOverride;
    this.clockOverride = clock;
    try {
      return fn();
    } finally {
      this.clockOverride = previous;
    }
  }

  newId(): string {
    return randomUUID();
  }

  /** Call after any change to rules, policies, assignments or group membership. */
  authzChanged(): void {
    this.authzGeneration++;
  }

  authorizerFor(principal: Principal): Authorizer {
    const key = `${principal.username}\u0000${principal.groups.join(',')}`;
    const hit = this.authzCache.get(key);
    if (hit?.generation === this.authzGeneration) return hit.authz;
    const authz = new Authorizer(
      principal.username,
      principal.groups,
      loadRuleGrants(this.db, principal.username, principal.groups),
    );
    this.authzCache.set(key, { generation: this.authzGeneration, authz });
    return authz;
  }

  /** Runs `fn` in one SQLite transaction (IMMEDIATE, so concurrent writers serialise cleanly). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    emulator: Emulator;
  }
  interface FastifyRequest {
    principal: Principal | null;
    authz: Authorizer | null;
  }
  interface FastifyContextConfig {
    /** System event type recorded when this mutating route succeeds, e.g. `api:projects:create`. */
    event?: string;
  }
}

export function callerOf(req: FastifyRequest): { principal: Principal; authz: Authorizer } {
  if (!req.principal || !req.authz) throw new Error('route is missing authentication');
  return { principal: req.principal, authz: req.authz };
}
