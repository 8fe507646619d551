import type { JsonObject } from '@contract/json-api';

// Failures of API calls, typed so screens can say what happened and what to do next (see describe.ts).

/** One entry of a JSON:API `errors` array (domain §3). */
export interface ApiErrorObject {
  status: number;
  code?: string;
  title: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: JsonObject;
}

const ATTRIBUTE_POINTER = /^\/data\/attributes\/(.+)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The sentence a person should read for one error: detail, else the server's message, else the title. */
export function errorText(error: ApiErrorObject): string {
  return error.detail ?? optionalString(error.meta?.message) ?? error.title;
}

// Read leniently: an error answer must never itself fail to parse. OpsChain sends `status` as an integer;
// JSON:API says string; a proxy may send neither. The HTTP status line is the fallback (and the truth:
// the documented 403 from approve/reject carries `status: 422` in its body).
function readErrorObject(raw: unknown, httpStatus: number): ApiErrorObject | null {
  if (!isRecord(raw)) return null;
  const title = optionalString(raw.title) ?? optionalString(raw.detail);
  if (title === undefined) return null;
  const status = typeof raw.status === 'number' ? raw.status : Number(raw.status);
  const error: ApiErrorObject = {
    status: Number.isInteger(status) && status > 0 ? status : httpStatus,
    title,
  };
  const code = optionalString(raw.code);
  if (code !== undefined) error.code = code;
  const detail = optionalString(raw.detail);
  if (detail !== undefined && detail !== title) error.detail = detail;
  if (isRecord(raw.source)) {
    const pointer = optionalString(raw.source.pointer);
    const parameter = optionalString(raw.source.parameter);
    if (pointer !== undefined || parameter !== undefined) {
      error.source = {
        ...(pointer === undefined ? {} : { pointer }),
        ...(parameter === undefined ? {} : { parameter }),
      };
    }
  }
  if (isRecord(raw.meta)) error.meta = raw.meta;
  return error;
}

/** What to call an answer that explains nothing (an HTML page from a proxy, an empty body). */
function fallbackError(status: number, statusText: string): ApiErrorObject {
  const line = `${String(status)}${statusText === '' ? '' : ` ${statusText}`}`;
  if (status === 401) {
    return { status, title: 'Not signed in', detail: 'The server did not accept the username and password.' };
  }
  if (status === 403)
    return { status, title: 'Not permitted', detail: `The server refused the request (${line}).` };
  if (status === 404)
    return { status, title: 'Not found', detail: `The server has nothing at this address (${line}).` };
  if (status >= 500) {
    return {
      status,
      title: status === 502 || status === 503 || status === 504 ? 'Server unavailable' : 'Server error',
      detail: `The OpsChain server answered ${line} without explaining the problem.`,
    };
  }
  return { status, title: 'Request failed', detail: `The server answered ${line}.` };
}

/**
 * How long a `Retry-After` header asks to wait, in milliseconds: delay-seconds or an HTTP date (RFC 9110
 * §10.2.3); null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; anything else (a negative number) is not one.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export interface ApiErrorOptions {
  /** From the answer's `Retry-After` header (503, 429): how long the server asks to wait, in ms. */
  retryAfterMs?: number | null;
}

/** An HTTP error answer from the API, with its JSON:API error objects. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The HTTP status of the answer. */
  readonly status: number;
  readonly statusText: string;
  /** At least one error object (synthesised when the server sent none). */
  readonly errors: readonly ApiErrorObject[];
  /** How long the server asked to wait before trying again (`Retry-After`), in ms; null when it did not. */
  readonly retryAfterMs: number | null;

  constructor(
    status: number,
    errors: readonly ApiErrorObject[],
    statusText = '',
    { retryAfterMs = null }: ApiErrorOptions = {},
  ) {
    const list = errors.length > 0 ? errors : [fallbackError(status, statusText)];
    super(list.map(errorText).join('; '));
    this.status = status;
    this.statusText = statusText;
    this.errors = list;
    this.retryAfterMs = retryAfterMs;
  }

  /** The first error's title ("Name can't be blank", "Active Record - Record Not Found"). */
  get title(): string {
    return this.errors[0]?.title ?? 'Request failed';
  }

  /**
   * Messages by form field, from `source.pointer`: `/data/attributes/name` → `name`, nested pointers with
   * dots (`steps.0.action`) as Mantine forms name them, record-level ones under `base`. Several errors on
   * one field are joined. Errors without a pointer are left out: show them with `message`.
   */
  byPointer(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const error of this.errors) {
      const pointer = error.source?.pointer;
      const match = pointer === undefined ? null : ATTRIBUTE_POINTER.exec(pointer);
      if (match?.[1] === undefined) continue;
      const field = match[1].split('/').join('.');
      const text = errorText(error);
      fields[field] = fields[field] === undefined ? text : `${fields[field]}; ${text}`;
    }
    return fields;
  }

  /** Reads an error answer's body; never throws. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const body = await response
      .text()
      .then((text): unknown => (text === '' ? null : JSON.parse(text)))
      .catch((): unknown => null);
    const raw = isRecord(body) && Array.isArray(body.errors) ? body.errors : [];
    const errors = raw
      .map((entry) => readErrorObject(entry, response.status))
      .filter((entry): entry is ApiErrorObject => entry !== null);
    return new ApiError(response.status, errors, response.statusText, {
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    });
  }
}

/** The request never got an answer: the server is unreachable, or the connection dropped. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(cause: unknown) {
    super('The OpsChain server could not be reached.', { cause });
  }
}

/** The server answered successfully, but not in the shape the API contract promises. */
export class ResponseFormatError extends Error {
  override readonly name = 'ResponseFormatError';
  /** Where the answer came from (`GET /api/projects`). */
  readonly request: string;
  /** The first few schema problems, `data.0.attributes.code: expected string`. */
  readonly problems: readonly string[];

  constructor(request: string, problems: readonly string[]) {
    super(`The answer to ${request} did not have the expected format.`);
    this.request = request;
    this.problems = problems;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
