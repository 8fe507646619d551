import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainFetch, setUpEmulator, signInAs, unreachableFetch } from '@/test/emulator';
import { apiRequest, apiUrl, onUnauthorized, startEarlyGet } from './client';
import { credentialsStore } from './credentials';
import { ApiError, NetworkError } from './errors';

describe('apiRequest against the emulator', () => {
  setUpEmulator();

  beforeEach(() => {
    signInAs('opschain');
  });

  it('sends the signed-in user’s credentials and resolves with the JSON:API document', async () => {
    await expect(apiRequest('/info')).resolves.toMatchObject({ data: { type: 'info', id: '0' } });
  });

  it('turns 422 model errors into an ApiError whose byPointer names each field', async () => {
    const error = await apiRequest('/projects', {
      method: 'POST',
      body: { data: { attributes: { code: '', name: '', description: '', project_type: 'Enterprise' } } },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    const fields = apiError.byPointer();
    expect(fields.name).toBe("Name can't be blank");
    expect(fields.code).toMatch(/^Code /);
    expect(apiError.message).toContain("Name can't be blank");
  });

  it('explains a 404 with the server’s message rather than its framework title', async () => {
    const error = await apiRequest('/projects/nope').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).title).toBe('Active Record - Record Not Found');
    expect((error as ApiError).message).toMatch(/^Couldn't find/);
  });

  it('reports a 401 on the stored credentials to the auth layer', async () => {
    credentialsStore.set({ username: 'opschain', password: 'wrong' });
    const listener = vi.fn();
    const stop = onUnauthorized(listener);

    const error = await apiRequest('/info').catch((caught: unknown) => caught);
    stop();

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not report a 401 for credentials that are only being tried', async () => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);

    const error = await apiRequest('/users', { credentials: { username: 'viewer', password: 'nope' } }).catch(
      (caught: unknown) => caught,
    );
    stop();

    expect((error as ApiError).status).toBe(401);
    expect(listener).not.toHaveBeenCalled();
  });

  it('resolves with null for 204 No Content', async () => {
    await expect(apiRequest('/projects/bank/environments/dev', { method: 'DELETE' })).resolves.toBeNull();
  });

  it('rejects with the abort reason, not a network error, when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await apiRequest('/info', { signal: controller.signal }).catch((caught: unknown) => caught);

    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('GETs started early (boot)', () => {
  setUpEmulator();

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('hands the early answer to the first request for the same URL, and asks anew after that', async () => {
    signInAs('opschain');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');

    startEarlyGet('/projects', [['filter[code_eq]', 'bank']]);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    await expect(apiRequest('/projects', { params: [['filter[code_eq]', 'bank']] })).resolves.toMatchObject({
      data: [{ attributes: { code: 'bank' } }],
    });
    expect(fetchSpy).toHaveBeenCalledTimes(1);

    await apiRequest('/projects', { params: [['filter[code_eq]', 'bank']] });
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('asks nothing when nobody is signed in', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');

    startEarlyGet('/info');

    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('is nobody else’s answer: another user, another URL or another method asks the server itself', async () => {
    signInAs('opschain');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    startEarlyGet('/info');
    startEarlyGet('/projects');

    signInAs('viewer');
    await apiRequest('/info');
    await apiRequest('/projects', { params: [['page[size]', '1']] });
    await apiRequest('/projects', { method: 'DELETE' }).catch(() => undefined);

    expect(fetchSpy).toHaveBeenCalledTimes(5);
    const viewerAuth = `Basic ${btoa('viewer:viewer')}`;
    for (const [, init] of fetchSpy.mock.calls.slice(2)) {
      expect(new Headers(init?.headers).get('authorization')).toBe(viewerAuth);
    }
  });

  it('reports an early 401 to the auth layer when the page takes it, like any other', async () => {
    credentialsStore.set({ username: 'opschain', password: 'wrong' });
    startEarlyGet('/info');
    const listener = vi.fn();
    const stop = onUnauthorized(listener);

    const error = await apiRequest('/info').catch((caught: unknown) => caught);
    stop();

    expect((error as ApiError).status).toBe(401);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('honours the taker’s abort', async () => {
    signInAs('opschain');
    startEarlyGet('/info');
    const controller = new AbortController();
    controller.abort();

    const error = await apiRequest('/info', { signal: controller.signal }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('apiRequest without a JSON:API answer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('turns a failed connection into a NetworkError', async () => {
    vi.stubGlobal('fetch', unreachableFetch());

    const error = await apiRequest('/info').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toBe('The OpsChain server could not be reached.');
  });

  it('turns a non-JSON 502 from a proxy into an ApiError with a sensible title', async () => {
    vi.stubGlobal('fetch', plainFetch(502));

    const error = await apiRequest('/info').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).title).toBe('Server unavailable');
    expect((error as ApiError).message).toContain('502');
    expect((error as ApiError).message).not.toContain('<html>');
  });

  it('turns a non-JSON 500 into a server error', async () => {
    vi.stubGlobal('fetch', plainFetch(500, 'boom'));

    const error = await apiRequest('/info').catch((caught: unknown) => caught);

    expect((error as ApiError).title).toBe('Server error');
  });

  it('sends JSON:API headers, Basic credentials, and no browser credentials', async () => {
    const fetchSpy = vi.fn<typeof fetch>(() => Promise.resolve(new Response(null, { status: 204 })));
    vi.stubGlobal('fetch', fetchSpy);

    await apiRequest('/projects/bank', {
      method: 'PATCH',
      body: { data: { attributes: { name: 'Bank' } } },
      credentials: { username: 'zoë', password: 'pässword' },
    });

    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    const headers = new Headers(init?.headers);
    expect(url).toBe('/api/projects/bank');
    expect(init?.method).toBe('PATCH');
    expect(init?.credentials).toBe('omit');
    expect(headers.get('accept')).toBe('application/vnd.api+json');
    expect(headers.get('content-type')).toBe('application/vnd.api+json');
    // base64 of the UTF-8 bytes of "zoë:pässword"
    expect(headers.get('authorization')).toBe('Basic em/Dqzpww6Rzc3dvcmQ=');
    expect(init?.body).toBe('{"data":{"attributes":{"name":"Bank"}}}');
  });
});

describe('apiUrl', () => {
  it('prefixes /api once and appends encoded query parameters', () => {
    expect(apiUrl('/projects')).toBe('/api/projects');
    expect(apiUrl('/api/projects/bank')).toBe('/api/projects/bank');
    expect(apiUrl('/projects', [['filter[name_cont]', 'a b']])).toBe(
      '/api/projects?filter%5Bname_cont%5D=a+b',
    );
    expect(apiUrl('/projects', new URLSearchParams())).toBe('/api/projects');
  });
});

describe('ApiError', () => {
  it('joins several errors on one field and maps nested and base pointers', () => {
    const error = new ApiError(422, [
      { status: 422, title: "Code can't be blank", source: { pointer: '/data/attributes/code' } },
      { status: 422, title: 'Code is invalid', source: { pointer: '/data/attributes/code' } },
      { status: 422, title: 'Step has no action', source: { pointer: '/data/attributes/steps/0/action' } },
      { status: 422, title: 'Archive it first', source: { pointer: '/data/attributes/base' } },
      { status: 422, title: 'No pointer at all' },
    ]);

    expect(error.byPointer()).toEqual({
      code: "Code can't be blank; Code is invalid",
      'steps.0.action': 'Step has no action',
      base: 'Archive it first',
    });
  });
});
