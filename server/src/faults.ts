/**
 * EMULATOR_FAULTS: injected latency and failures on `/api`, so the console's resilience can be tested.
 * Format: comma-separated `key=value`, e.g. `latency=200-800,error_rate=0.05`.
 *   latency=<ms> or <min>-<max>  every /api answer waits a uniformly random time in that range
 *   error_rate=<0..1>            that share of /api requests answer 503 with a JSON:API error (Retry-After: 1)
 * Off when unset or empty. Anything else is refused at start-up with a message saying what is wrong.
 */
import type { FastifyInstance } from 'fastify';
import { isApiRequest } from './api-scope.ts';
import { ApiHttpError } from './errors.ts';

export interface FaultConfig {
  latencyMs: { min: number; max: number } | null;
  errorRate: number;
}

export class FaultConfigError extends Error {}

const MAX_LATENCY_MS = 60_000;

function parseLatency(value: string): { min: number; max: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match)
    throw new FaultConfigError(
      `EMULATOR_FAULTS: latency must be <ms> or <min>-<max> in milliseconds, got "${value}"`,
    );
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min)
    throw new FaultConfigError(`EMULATOR_FAULTS: latency range "${value}" ends before it starts`);
  if (max > MAX_LATENCY_MS)
    throw new FaultConfigError(
      `EMULATOR_FAULTS: latency above ${String(MAX_LATENCY_MS)} ms is not supported, got "${value}"`,
    );
  return { min, max };
}

function parseRate(value: string): number {
  const rate = /^(?:0|1|0?\.\d+|1\.0*)$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new FaultConfigError(`EMULATOR_FAULTS: error_rate must be a number from 0 to 1, got "${value}"`);
  }
  return rate;
}

/** Parses EMULATOR_FAULTS; null when faults are off. Throws FaultConfigError with a readable message. */
export function parseFaults(spec: string | undefined): FaultConfig | null {
  const text = spec?.trim() ?? '';
  if (text === '') return null;
  const config: FaultConfig = { latencyMs: null, errorRate: 0 };
  for (const part of text.split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq).trim();
    const value = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (key === 'latency') config.latencyMs = parseLatency(value);
    else if (key === 'error_rate') config.errorRate = parseRate(value);
    else {
      throw new FaultConfigError(
        `EMULATOR_FAULTS: unknown setting "${item}"; use latency=<min>-<max> and/or error_rate=<0..1>, e.g. "latency=200-800,error_rate=0.05"`,
      );
    }
  }
  return config;
}

function serviceUnavailable(): ApiHttpError {
  return new ApiHttpError(
    503,
    [{ status: 503, title: 'Service Unavailable', detail: 'Injected by the emulator (EMULATOR_FAULTS).' }],
    { 'retry-after': '1' },
  );
}

/** Adds the faults to every `/api` request (before authentication, so they hit every answer alike). */
export function installFaults(
  app: FastifyInstance,
  config: FaultConfig,
  random: () => number = Math.random,
): void {
  app.addHook('onRequest', async (req) => {
    if (!isApiRequest(req)) return;
    if (config.latencyMs) {
      const { min, max } = config.latencyMs;
      const wait = min + random() * (max - min);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (config.errorRate > 0 && random() < config.errorRate) throw serviceUnavailable();
  });
}
