import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { activityListQuery } from '@/api/activity';
import { assetPath, environmentPath, projectPath } from '@/lib/node-path';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { prefetchNodeActivity } from './prefetch-node-activity';

setUpEmulator();

describe('prefetchNodeActivity', () => {
  it('loads the list under the key the node tab reads, for each kind of node', async () => {
    signInAs('operator');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const owner = { projectCode: 'bank', environmentCode: 'dev' };
    const cases = [
      { ref: { kind: 'project', projectCode: 'bank' } as const, path: projectPath('bank') },
      {
        ref: { kind: 'environment', projectCode: 'bank', environmentCode: 'dev' } as const,
        path: environmentPath('bank', 'dev'),
      },
      { ref: { kind: 'asset', ...owner, assetCode: 'soa_dev' } as const, path: assetPath(owner, 'soa_dev') },
    ];
    for (const { ref, path } of cases) {
      prefetchNodeActivity(client, ref, { status: ['success'] });
      const { queryKey } = activityListQuery({ nodePath: path }, { statuses: ['success'] });
      await expect.poll(() => client.getQueryState(queryKey)?.status, { timeout: 10_000 }).toBe('success');
    }
    expect(client.getQueryCache().getAll()).toHaveLength(3);
  });
});
