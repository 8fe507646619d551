import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from '@/test/emulator';
import { getAsset, listAssets, listAssetSummaries } from './assets';
import { credentialsStore } from './credentials';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
  credentialsStore.set({ username: 'viewer', password: 'viewer' });
});

afterAll(async () => {
  credentialsStore.clear();
  await emulator.close();
});

describe('assets', () => {
  it('lists the assets a project owns directly, apart from its environments’ assets', async () => {
    const { items: assets } = await listAssets({ projectCode: 'bank' });

    expect(assets.map((asset) => asset.path)).toEqual(['/projects/bank/assets/shared_db']);
    expect(assets[0]?.owner).toEqual({ projectCode: 'bank' });
  });

  it('lists an environment’s assets under the environment’s path', async () => {
    const summaries = await listAssetSummaries({ projectCode: 'bank', environmentCode: 'dev' });

    expect(summaries.map((asset) => asset.path)).toEqual([
      '/projects/bank/environments/dev/assets/soa_dev',
      '/projects/bank/environments/dev/assets/ledger_db_dev',
    ]);
    expect(summaries[0]).toMatchObject({ kind: 'asset', projectCode: 'bank', environmentCode: 'dev' });
  });

  it('reads one asset with its actions', async () => {
    const asset = await getAsset({ projectCode: 'bank', environmentCode: 'prod' }, 'soa_prod');

    expect(asset.name).toBe('SOA Production');
    expect(asset.actions.length).toBeGreaterThan(0);
    expect(asset.meta.child_node_types).toEqual([]);
  });
});
