import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from '@/test/emulator';
import { credentialsStore } from './credentials';
import {
  createEnvironment,
  getEnvironment,
  listEnvironments,
  listEnvironmentSummaries,
} from './environments';
import { ApiError } from './errors';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
  credentialsStore.set({ username: 'operator', password: 'operator' });
});

afterAll(async () => {
  credentialsStore.clear();
  await emulator.close();
});

describe('environments', () => {
  it('lists a project’s environments with their paths', async () => {
    const { items: environments } = await listEnvironments('bank');

    expect(environments.map((environment) => environment.path)).toEqual([
      '/projects/bank/environments/dev',
      '/projects/bank/environments/test',
      '/projects/bank/environments/prod',
    ]);
    expect(environments[0]).toMatchObject({ kind: 'environment', projectCode: 'bank', name: 'Development' });
  });

  it('finds environments by name or code on the server', async () => {
    const found = await listEnvironmentSummaries('bank', {
      filters: { name_cont: 'prod', code_cont: 'prod' },
      match: 'any',
    });

    expect(found.map((environment) => environment.code)).toEqual(['prod']);
  });

  it('reads one environment with its permissions', async () => {
    const environment = await getEnvironment('bank', 'dev');

    expect(environment.meta.authorisations.self?.update).toBe(true);
  });

  it('places a create error on the field the server names', async () => {
    const error = await createEnvironment({
      projectCode: 'bank',
      attributes: { code: 'dev', name: 'Development', description: '' },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect(Object.keys((error as ApiError).byPointer())).toContain('code');
  });
});
