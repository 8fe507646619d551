import { afterEach, describe, expect, it, vi } from 'vitest';
import { basicAuth } from '../test/emulator.ts';
import { buildApp } from './app.ts';
import type { FastifyInstance } from 'fastify';
import { FaultConfigError, installFaults, parseFaults } from './faults.ts';

describe('parseFaults (EMULATOR_FAULTS)', () => {
  it('is off when unset or blank', () => {
    expect(parseFaults(undefined)).toBeNull();
    expect(parseFaults('  ')).toBeNull();
  });

  it('reads latency ranges, fixed latencies and error rates', () => {
    expect(parseFaults('latency=200-800,error_rate=0.05')).toEqual({
      latencyMs: { min: 200, max: 800 },
      errorRate: 0.05,
    });
    expect(parseFaults(' latency = 50 ')).toEqual({ latencyMs: { min: 50, max: 50 }, errorRate: 0 });
    expect(parseFaults('error_rate=1')).toEqual({ latencyMs: null, errorRate: 1 });
    expect(parseFaults('error_rate=.5')).toEqual({ latencyMs: null, errorRate: 0.5 });
  });

  it('fails fast with a message naming the problem', () => {
    const cases: [string, RegExp][] = [
      ['latency=fast', /latency must be <ms> or <min>-<max>/],
      ['latency=800-200', /ends before it starts/],
      ['latency=1-999999', /not supported/],
      ['error_rate=5%', /error_rate must be a number from 0 to 1/],
      ['error_rate=1.5', /error_rate must be a number from 0 to 1/],
      ['error_rate=', /error_rate must be a number from 0 to 1/],
      ['jitter=5', /unknown setting "jitter=5"/],
      ['latency=1;error_rate=0.1', /latency must be/],
    ];
    for (const [spec, message] of cases) {
      expect(() => parseFaults(spec)).toThrow(FaultConfigError);
      expect(() => parseFaults(spec)).toThrow(message);
    }
  });
});

describe('installFaults', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await app?.close();
    app = undefined;
  });

  it('answers 503 JSON:API errors with Retry-After at the configured rate, on /api only', async () => {
    app = await buildApp({
      db: ':memory:',
      seed: 'none',
      drive: false,
      faults: { latencyMs: null, errorRate: 1 },
    });
    const res = await app.inject({
      method: 'GET',
      url: '/api/info',
      headers: { authorization: basicAuth('opschain') },
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers['content-type']).toContain('application/vnd.api+json');
    expect(res.json()).toEqual({
      errors: [
        { status: 503, title: 'Service Unavailable', detail: 'Injected by the emulator (EMULATOR_FAULTS).' },
      ],
    });
    const outside = await app.inject({ method: 'GET', url: '/not-api' });
    expect(outside.statusCode).toBe(404);
  });

  it('injects faults on every spelling of an /api route the router matches', async () => {
    app = await buildApp({
      db: ':memory:',
      seed: 'none',
      drive: false,
      faults: { latencyMs: null, errorRate: 1 },
    });
    for (const url of ['/%61pi/info', '/%61%70%69/projects', '/api/%69nfo']) {
      const res = await app.inject({ method: 'GET', url, headers: { authorization: basicAuth('opschain') } });
      expect(res.statusCode, url).toBe(503);
    }
  });

  it('fails the share of requests drawn below the rate, and delays answers within the latency range', async () => {
    const draws = [0.9, 0.5, 0.1, 0.3];
    let i = 0;
    const random = () => draws[i++ % draws.length] ?? 0;
    const plain = await buildApp({ db: ':memory:', seed: 'none', drive: false });
    app = plain;
    installFaults(plain, { latencyMs: { min: 20, max: 60 }, errorRate: 0.2 }, random);
    // The latency on a fake clock: the answer is held exactly as long as drawn, whatever the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let isAnswered = false;
    const firstAnswer = plain
      .inject({ method: 'GET', url: '/api/info', headers: { authorization: basicAuth('opschain') } })
      .then((response) => {
        isAnswered = true;
        return response;
      });
    // latency draw 0.9 → 56 ms; error draw 0.5 ≥ 0.2 → no fault
    // Until the hook has set its timer (vi.waitFor would move the fake clock on while it polls).
    while (vi.getTimerCount() === 0) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(55);
    expect(isAnswered).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    const first = await firstAnswer;
    expect(first.statusCode).toBe(200);
    vi.useRealTimers();

    // latency draw 0.1 → 24 ms; error draw 0.3 ≥ 0.2 → no fault
    expect(
      (
        await plain.inject({
          method: 'GET',
          url: '/api/info',
          headers: { authorization: basicAuth('opschain') },
        })
      ).statusCode,
    ).toBe(200);
    i = 0;
    const sequence = [0, 0.1];
    const failing = () => sequence[i++ % sequence.length] ?? 0;
    const other = await buildApp({ db: ':memory:', seed: 'none', drive: false });
    installFaults(other, { latencyMs: null, errorRate: 0.2 }, failing);
    expect(
      (
        await other.inject({
          method: 'GET',
          url: '/api/info',
          headers: { authorization: basicAuth('opschain') },
        })
      ).statusCode,
    ).toBe(503);
    await other.close();
  });

  it('is off by default', async () => {
    app = await buildApp({ db: ':memory:', seed: 'none', drive: false });
    for (let n = 0; n < 20; n++) {
      expect(
        (
          await app.inject({
            method: 'GET',
            url: '/api/info',
            headers: { authorization: basicAuth('opschain') },
          })
        ).statusCode,
      ).toBe(200);
    }
  });
});
