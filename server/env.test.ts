import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiConfigFromEnv, ConfigError, portFromEnv, projectRoot } from './env.ts';

describe('apiConfigFromEnv', () => {
  it('defaults to the demo emulator with its database under the project root', () => {
    const { api, banner } = apiConfigFromEnv({});

    expect(api).toEqual({
      kind: 'emulator',
      emulator: { db: join(projectRoot, '.opschain-emulator/emulator.db'), seed: 'demo', speed: 1 },
    });
    expect(banner).toContain('  viewer/viewer');
  });

  it('lists only the superuser login for EMULATOR_SEED=none', () => {
    const { api, banner } = apiConfigFromEnv({
      EMULATOR_SEED: 'none',
      EMULATOR_DB: ':memory:',
      EMULATOR_SPEED: '50',
    });

    expect(api).toEqual({ kind: 'emulator', emulator: { db: ':memory:', seed: 'none', speed: 50 } });
    expect(banner.filter((line) => line.startsWith('  '))).toEqual(['  opschain/opschain (superuser)']);
  });

  it('proxies to OPSCHAIN_URL instead of starting the emulator', () => {
    expect(
      apiConfigFromEnv({ OPSCHAIN_URL: 'https://opschain.example.test', EMULATOR_SEED: 'bogus' }).api,
    ).toEqual({
      kind: 'proxy',
      upstream: 'https://opschain.example.test',
    });
  });

  it.each([
    [{ EMULATOR_SEED: 'bogus' }, /EMULATOR_SEED must be one of demo, none, bench/],
    [{ EMULATOR_SPEED: '0' }, /EMULATOR_SPEED must be a positive number/],
    [{ OPSCHAIN_URL: 'ftp://opschain.example.test' }, /OPSCHAIN_URL must be an http\(s\) URL/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => apiConfigFromEnv(env)).toThrow(message);
    expect(() => apiConfigFromEnv(env)).toThrow(ConfigError);
  });
});

describe('portFromEnv', () => {
  it('uses the fallback when PORT is unset and rejects non-ports', () => {
    expect(portFromEnv(undefined, 8080)).toBe(8080);
    expect(portFromEnv('8391', 8080)).toBe(8391);
    expect(() => portFromEnv('80a', 8080)).toThrow(/PORT must be a port number/);
  });
});
