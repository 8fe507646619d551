import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorFetch, setUpEmulator, signInAs } from '@/test/emulator';
import { ransackParams } from '@/lib/ransack';
import { csvFileName, exportCsv } from './downloads';
import { ApiError } from './errors';

const emulator = setUpEmulator();

afterEach(() => {
  vi.stubGlobal('fetch', emulatorFetch(emulator().app));
});

describe('exportCsv', () => {
  it('downloads the filtered list as CSV with the credentials in a header, never in the URL', async () => {
    signInAs('viewer');
    const seen: { url: string; headers: Headers }[] = [];
    const forward = emulatorFetch(emulator().app);
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      seen.push({ url: input, headers: new Headers(init?.headers) });
      return forward(input, init);
    });

    const file = await exportCsv({
      path: '/projects/bank/environments',
      params: ransackParams({ filters: { name_cont: 'Prod' } }),
      fileName: 'bank environments',
    });

    expect(file.fileName).toBe('bank-environments.csv');
    const lines = (await file.blob.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('code');
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toContain('prod');
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.url).toBe(
      '/api/projects/bank/environments?filter%5Bname_cont%5D=Prod&download=bank-environments.csv',
    );
    expect(request?.url).not.toMatch(/viewer/);
    expect(request?.headers.get('Authorization')).toBe(`Basic ${btoa('viewer:viewer')}`);
    expect(request?.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
  });

  it('fails with the API error when the list cannot be read', async () => {
    signInAs('opschain');

    const failure = exportCsv({ path: '/projects/nowhere/environments', fileName: 'x' });

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 404 });
  });
});

describe('csvFileName', () => {
  it('keeps safe names and adds the extension once', () => {
    expect(csvFileName('bank-assets')).toBe('bank-assets.csv');
    expect(csvFileName('bank-assets.csv')).toBe('bank-assets.csv');
  });

  it('replaces characters file systems refuse and never answers an empty name', () => {
    expect(csvFileName('bank/prod: assets?')).toBe('bank-prod-assets.csv');
    expect(csvFileName('../..')).toBe('export.csv');
  });
});
