import { JSON_API_MEDIA_TYPE } from '@contract/json-api';
import { basicAuthorization, credentialsStore, type Credentials } from './credentials';
import { JsonListScanner } from '@/lib/json-list-scanner';
import { TimeSlice } from '@/lib/yield-to-event-loop';
import { ApiError, NetworkError, ResponseFormatError } from './errors';

// The console's only `fetch` (STYLE habit 2): JSON:API media type, HTTP Basic credentials, typed errors.
// It never shows messages or navigates; a 401 is reported to whoever listens (the auth layer).

export const API_BASE = '/api';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions {
  method?: HttpMethod;
  /** Query parameters, e.g. from `ransackParams`. */
  params?: URLSearchParams | readonly (readonly [string, string])[];
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /**
   * Credentials to try instead of the signed-in user's (sign-in checks them before keeping them). A 401
   * then means "wrong password", not "signed out", so it is not reported to the auth layer.
   */
  credentials?: Credentials;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Calls `listener` whenever the server answers 401 to the signed-in user's credentials. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

/**
 * `/api` + path (a path from `links` that already starts with `/api` is used as is) + query.
 */
export function apiUrl(path: string, params?: ApiRequestOptions['params']): string {
  const base = path === API_BASE || path.startsWith(`${API_BASE}/`) ? path : `${API_BASE}${path}`;
  const pairs = params instanceof URLSearchParams ? [...params.entries()] : (params ?? []);
  const query = new URLSearchParams(pairs.map(([key, value]) => [key, value])).toString();
  return query === '' ? base : `${base}?${query}`;
}

/** The method and path, for messages (`GET /api/projects`); never the query, which may hold filters. */
export function describeRequest(method: HttpMethod, path: string): string {
  return `${method} ${apiUrl(path)}`;
}

/** Starts one request; a failure to reach the server becomes NetworkError (an abort stays an abort). */
async function startFetch(path: string, options: ApiRequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const credentials = options.credentials ?? credentialsStore.get();
  const headers = new Headers({ Accept: accept });
  if (credentials !== null) headers.set('Authorization', basicAuthorization(credentials));
  if (options.body !== undefined) headers.set('Content-Type', JSON_API_MEDIA_TYPE);
  // Marks the call as the console's own: OpsChain then answers a 401 without a `WWW-Authenticate: Basic`
  // challenge, so the browser never pops up its own sign-in dialog.
  headers.set('X-Requested-With', 'XMLHttpRequest');
  try {
    return await fetch(apiUrl(path, options.params), {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      // The Authorization header is set by hand; omitting browser credentials keeps the browser from
      // showing its own Basic-auth dialog on a 401 and from sending cookies the API does not use.
      credentials: 'omit',
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    // An abort is not a failure: let the caller (React Query) see it as one.
    if (options.signal?.aborted === true) throw options.signal.reason;
    throw new NetworkError(error);
  }
}

/** How long a GET started at boot waits to be taken by the page that needs it; then it is forgotten. */
export const EARLY_GET_TTL_MS = 10_000;

interface EarlyGet {
  response: Promise<Response>;
  /** The credentials it was sent with: after a sign-out or a switch of user it is not anybody's answer. */
  credentials: Credentials;
}

const earlyGets = new Map<string, EarlyGet>();

/**
 * Starts a GET for the signed-in user before anything asks for it: at boot, the page's own request goes out
 * while the app's code is still starting (≈ 250 ms sooner), and the first `apiRequest` for the same URL
 * takes its response instead of sending another. Nothing happens when nobody is signed in.
 */
export function startEarlyGet(path: string, params?: ApiRequestOptions['params']): void {
  const credentials = credentialsStore.get();
  const url = apiUrl(path, params);
  if (credentials === null || earlyGets.has(url)) return;
  const response = startFetch(path, params === undefined ? {} : { params }, JSON_API_MEDIA_TYPE);
  // A failure is reported to whoever takes the response; one nobody takes is not an unhandled rejection.
  response.catch(() => undefined);
  earlyGets.set(url, { response, credentials });
  setTimeout(() => {
    if (earlyGets.get(url)?.response === response) earlyGets.delete(url);
  }, EARLY_GET_TTL_MS);
}

/** The early GET of this URL for the signed-in user, once: a later request asks the server again. */
function takeEarlyGet(url: string): Promise<Response> | undefined {
  const early = earlyGets.get(url);
  if (early === undefined) return undefined;
  earlyGets.delete(url);
  const current = credentialsStore.get();
  const isSameUser =
    current !== null &&
    current.username === early.credentials.username &&
    current.password === early.credentials.password;
  return isSameUser ? early.response : undefined;
}

/** Sends one request and answers the successful response; failures become NetworkError or ApiError. */
async function send(path: string, options: ApiRequestOptions, accept: string): Promise<Response> {
  const isPlainGet =
    (options.method ?? 'GET') === 'GET' &&
    options.credentials === undefined &&
    accept === JSON_API_MEDIA_TYPE;
  const early = isPlainGet ? takeEarlyGet(apiUrl(path, options.params)) : undefined;
  const response = await (early ?? startFetch(path, options, accept));
  // The early request was not sent with this caller's signal: its abort is honoured here.
  if (options.signal?.aborted === true) throw options.signal.reason;

  if (!response.ok) {
    const error = await ApiError.fromResponse(response);
    if (response.status === 401 && options.credentials === undefined) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw error;
  }
  return response;
}

/** Performs one API call; resolves with the parsed JSON body (null for 204 or an empty body). */
export async function apiRequest(path: string, options: ApiRequestOptions = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const response = await send(path, options, JSON_API_MEDIA_TYPE);
  if (response.status === 204) return null;
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ResponseFormatError(describeRequest(method, path), ['The body is not JSON.']);
  }
}

/**
 * A JSON document the console's own server serves outside `/api` (server/serve.ts), such as what answers the
 * API. Not OpsChain's, so no credentials and no error handling beyond "absent": resolves with null when the
 * server does not serve it (a real OpsChain behind a proxy), cannot be reached, or answers something else.
 */
export async function consoleServerJson(
  path: `/__console/${string}`,
  signal?: AbortSignal,
): Promise<unknown> {
  try {
    const response = await fetch(path, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      ...(signal === undefined ? {} : { signal }),
    });
    return response.ok ? ((await response.json()) as unknown) : null;
  } catch {
    if (signal?.aborted === true) throw signal.reason;
    return null;
  }
}

/** The members of a list's `data` as they arrive, parsed; the rest of the document once it has all come. */
export type ListStream = AsyncGenerator<unknown[], unknown>;

/** How many members a batch waits for: the first as soon as any is complete, then growing. */
const FIRST_STREAM_BATCH = 1;
/** Larger batches would be parsed (and rendered) in one long task that holds up input and painting. */
const MAX_STREAM_BATCH = 500;
/** Characters scanned between checks for a full batch or a used-up time slice. */
const SCAN_PIECE = 64 * 1024;
/**
 * Until the first batch has left, a smaller piece: a screenful of changes (about 1.5 KB each). The first
 * chunk read is often every byte that arrived while the page rendered; scanning and parsing all of it before
 * the first rows held them up for nothing.
 */
const FIRST_SCAN_PIECE = 24 * 1024;

/**
 * GETs a list document and yields the members of its `data` array while the body arrives, so a long list
 * (10,000 assets) can be shown before its end has been received. The first batch goes as soon as one member
 * is complete (with any others already received); later ones wait for 100, 200, 400, then 500 members, so a
 * screen re-renders a few times, not once per member. Returns the rest of the document with `data` empty.
 */
export async function* apiListStream(path: string, options: ApiRequestOptions = {}): ListStream {
  const request = describeRequest(options.method ?? 'GET', path);
  const response = await send(path, options, JSON_API_MEDIA_TYPE);
  // User Timing marks: the navigator benchmark reads them to tell network time from rendering time.
  performance.mark('list-stream:response', { detail: path });
  const scanner = new JsonListScanner();
  const parse = (members: readonly string[]): unknown[] => {
    try {
      return JSON.parse(`[${members.join(',')}]`) as unknown[];
    } catch {
      throw new ResponseFormatError(request, ['The body is not JSON.']);
    }
  };
  const waiting: string[] = [];
  let batch = FIRST_STREAM_BATCH;
  // Chunks already received are read without a pause in between: a slice at a time, so rendering the rows
  // just handed out (and input) is not held up behind megabytes of scanning.
  const slice = new TimeSlice();
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (reader === undefined) {
    waiting.push(...scanner.push(await response.text()));
  } else {
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<string>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (options.signal?.aborted === true) throw options.signal.reason;
          throw new NetworkError(error);
        }
        if (chunk.done) break;
        // A chunk can be megabytes: scanned a piece at a time, so a full batch leaves without waiting for
        // the rest of the chunk.
        for (let start = 0; start < chunk.value.length;) {
          const end = start + (batch === FIRST_STREAM_BATCH ? FIRST_SCAN_PIECE : SCAN_PIECE);
          waiting.push(...scanner.push(chunk.value.slice(start, end)));
          start = end;
          // What has arrived goes out (at most MAX_STREAM_BATCH at a time) once a batch's worth has.
          while (waiting.length >= batch) {
            if (batch === FIRST_STREAM_BATCH) performance.mark('list-stream:first-batch', { detail: path });
            yield parse(waiting.splice(0, MAX_STREAM_BATCH));
            batch = Math.min(batch === FIRST_STREAM_BATCH ? 100 : batch * 2, MAX_STREAM_BATCH);
            slice.restart();
          }
          if (slice.spent()) await slice.pause();
        }
      }
    } finally {
      // Stops the download when the reader gives up early (an abort, or a consumer that stopped).
      reader.cancel().catch(() => undefined);
    }
  }
  while (waiting.length > 0) yield parse(waiting.splice(0, MAX_STREAM_BATCH));
  try {
    return scanner.finish();
  } catch {
    throw new ResponseFormatError(request, ['The body is not JSON.']);
  }
}

/** A file the API served, such as a CSV export. */
export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition`, when the server named the file. */
  fileName: string | null;
}

const FILE_NAME = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i;

function fileNameOf(disposition: string | null): string | null {
  const raw = disposition === null ? undefined : FILE_NAME.exec(disposition)?.[1];
  if (raw === undefined) return null;
  try {
    return decodeURIComponent(raw.trim());
  } catch {
    return raw.trim();
  }
}

/**
 * Downloads a file the API serves (`download=<name>.csv`) with the signed-in user's credentials in the
 * Authorization header, as a Blob. A plain link cannot do this without putting the credentials in the URL.
 */
export async function apiDownload(
  path: string,
  options: Pick<ApiRequestOptions, 'params' | 'signal'> = {},
): Promise<DownloadedFile> {
  const response = await send(path, options, '*/*');
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}
