import { afterEach, describe, expect, it, vi } from 'vitest';
import { getChangeDetail } from '@/api/changes';
import { apiRequest } from '@/api/client';
import { credentialsStore } from '@/api/credentials';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { startBootRequests } from './boot-requests';

describe('startBootRequests', () => {
  setUpEmulator();

  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function someChangeId(): Promise<string> {
    const body = (await apiRequest('/changes', { params: [['page[size]', '1']] })) as {
      data: { id: string }[];
    };
    const id = body.data[0]?.id;
    if (id === undefined) throw new Error('the demo seed has no change');
    return id;
  }

  it('asks for a change page’s change with its steps, and the page’s query takes that answer', async () => {
    signInAs('opschain');
    const id = await someChangeId();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');

    startBootRequests(`/changes/${id}`);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0]?.[0]).toBe(`/api/changes/${id}?include=steps`);

    const detail = await getChangeDetail(id);
    expect(detail.change.id).toBe(id);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('asks for a workflow run page’s run', () => {
    signInAs('opschain');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');

    startBootRequests('/projects/bank/workflows/nightly/runs/run%201');

    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0]?.[0]).toBe('/api/projects/bank/workflows/nightly/runs/run%201');
  });

  it('asks nothing for other pages, for a malformed address or when nobody is signed in', async () => {
    signInAs('opschain');
    const id = await someChangeId();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');

    startBootRequests('/activity');
    startBootRequests(`/changes/${id}/more`);
    startBootRequests('/changes/%E0');
    signInAs('viewer');
    credentialsStore.clear();
    startBootRequests(`/changes/${id}`);

    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
