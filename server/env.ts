import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { ApiSource } from './serve.ts';
import { FaultConfigError, parseFaults } from './src/faults.ts';
import { isSeedName, SEED_NAMES, type SeedName } from './src/seeds/seed.ts';

/** The repository root, so default paths do not depend on the working directory. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

// Keep in step with the users that server/src/seeds creates (seedBase, seedDemoUsers).
const SUPERUSER = 'opschain/opschain (superuser)';
const DEMO_LOGINS = [SUPERUSER, 'operator/operator', 'approver/approver', 'viewer/viewer'];
const SEED_LOGINS: Record<SeedName, readonly string[]> = {
  demo: DEMO_LOGINS,
  bench: DEMO_LOGINS,
  none: [SUPERUSER],
};

export class ConfigError extends Error {}

export interface ApiConfig {
  api: ApiSource;
  /** Lines telling the person who started the server where /api goes and how to sign in. */
  banner: string[];
}

/** Reads OPSCHAIN_URL, EMULATOR_DB, EMULATOR_SEED, EMULATOR_SPEED, EMULATOR_FAULTS and EMULATOR_TEST_HOOKS. */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv): ApiConfig {
  const upstream = envValue(env, 'OPSCHAIN_URL');
  if (upstream !== undefined) {
    if (!URL.canParse(upstream) || !/^https?:$/.test(new URL(upstream).protocol)) {
      throw new ConfigError(`OPSCHAIN_URL must be an http(s) URL, got "${upstream}".`);
    }
    return {
      api: { kind: 'proxy', upstream },
      banner: [`/api is proxied to ${upstream}; sign in with your OpsChain credentials.`],
    };
  }
  const dbSetting = envValue(env, 'EMULATOR_DB') ?? '.opschain-emulator/emulator.db';
  const db = dbSetting === ':memory:' || isAbsolute(dbSetting) ? dbSetting : resolve(projectRoot, dbSetting);
  const seed = seedFromEnv(envValue(env, 'EMULATOR_SEED') ?? 'demo');
  const speed = speedFromEnv(envValue(env, 'EMULATOR_SPEED'));
  const faults = faultsFromEnv(envValue(env, 'EMULATOR_FAULTS'));
  const testHooks = envValue(env, 'EMULATOR_TEST_HOOKS') === '1';
  return {
    api: {
      kind: 'emulator',
      emulator: { db, seed, speed, ...(faults ? { faults } : {}), ...(testHooks ? { testHooks } : {}) },
    },
    banner: [
      ...(faults ? [`EMULATOR_FAULTS is on: ${envValue(env, 'EMULATOR_FAULTS') ?? ''}`] : []),
      ...(testHooks ? ['EMULATOR_TEST_HOOKS is on: POST /__emulator/reset resets the database.'] : []),
      `API emulator: database ${db === ':memory:' ? 'in memory' : db}, seed "${seed}" (applied when the database is new).`,
      'Logins (user/password):',
      ...SEED_LOGINS[seed].map((login) => `  ${login}`),
    ],
  };
}

function seedFromEnv(seed: string): SeedName {
  if (!isSeedName(seed)) {
    throw new ConfigError(`EMULATOR_SEED must be one of ${SEED_NAMES.join(', ')}, got "${seed}".`);
  }
  return seed;
}

function faultsFromEnv(value: string | undefined): ReturnType<typeof parseFaults> {
  try {
    return parseFaults(value);
  } catch (error) {
    throw error instanceof FaultConfigError ? new ConfigError(error.message) : error;
  }
}

function speedFromEnv(value: string | undefined): number {
  if (value === undefined) return 1;
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new ConfigError(`EMULATOR_SPEED must be a positive number (1 = real time), got "${value}".`);
  }
  return speed;
}

export function portFromEnv(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${value}".`);
  }
  return port;
}

/** Closes the servers on SIGINT/SIGTERM; a second signal exits at once. */
export function closeOnSignals(close: () => Promise<unknown>): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(1);
    closing = true;
    console.log(`\n${signal}: shutting down…`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** The URL to print for a listening server (a wildcard host is shown as localhost). */
export function serverUrl(app: Pick<FastifyInstance, 'server'>, host: string): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The server is not listening on TCP.');
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${String(address.port)}`;
}

/** An environment variable, trimmed; empty counts as unset. */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

export function printStartupError(error: unknown): void {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (isErrnoException(error) && error.code === 'EADDRINUSE') {
    console.error(`${error.message}. Another server is using that port; set PORT to use another one.`);
  } else {
    console.error(error);
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
