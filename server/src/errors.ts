/** A JSON:API error object as OpsChain sends it. */
export interface ErrorObject {
  status: number;
  code?: string;
  title: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
}

/** Thrown by handlers; the app's error handler turns it into `{ errors: [...] }` with `httpStatus`. */
export class ApiHttpError extends Error {
  readonly httpStatus: number;
  readonly errors: ErrorObject[];
  readonly headers: Record<string, string>;

  constructor(httpStatus: number, errors: ErrorObject[], headers: Record<string, string> = {}) {
    super(errors.map((e) => e.title).join('; '));
    this.httpStatus = httpStatus;
    this.errors = errors;
    this.headers = headers;
  }
}

export function notFound(model: string, detail?: string): ApiHttpError {
  return new ApiHttpError(404, [
    {
      status: 404,
      title: 'Active Record - Record Not Found',
      meta: { message: detail ?? `Couldn't find ${model}` },
    },
  ]);
}

/** 422 model errors; `field` becomes `/data/attributes/<field>` (`base` for record-level errors). */
export function modelErrors(items: { field: string; title: string }[]): ApiHttpError {
  return new ApiHttpError(
    422,
    items.map(({ field, title }) => ({
      status: 422,
      code: 'model error',
      title,
      source: { pointer: `/data/attributes/${field}` },
    })),
  );
}

export function modelError(field: string, title: string): ApiHttpError {
  return modelErrors([{ field, title }]);
}

export function parameterMissing(param: string): ApiHttpError {
  return new ApiHttpError(400, [
    {
      status: 400,
      title: 'Action Controller - Parameter Missing',
      meta: { message: `param is missing or the value is empty: ${param}` },
    },
  ]);
}

export function unpermittedParameter(names: string[]): ApiHttpError {
  const list = names.map((n) => `:${n}`).join(', ');
  return new ApiHttpError(400, [
    {
      status: 400,
      title: 'Action Controller - Unpermitted Parameters',
      meta: { message: `found unpermitted parameter${names.length > 1 ? 's' : ''}: ${list}` },
    },
  ]);
}

export function badRequest(title: string, detail?: string): ApiHttpError {
  return new ApiHttpError(400, [{ status: 400, title, ...(detail ? { detail } : {}) }]);
}

/** Refused update or execution on a resource the caller can read. */
export function forbidden(
  title = 'You are not permitted to perform this action',
  detail?: string,
): ApiHttpError {
  return new ApiHttpError(403, [
    {
      status: 403,
      code: 'forbidden',
      title,
      ...(detail ? { detail } : {}),
      source: { pointer: '/data/attributes/base' },
    },
  ]);
}

export function unauthorized(): ApiHttpError {
  return new ApiHttpError(
    401,
    [{ status: 401, title: 'Unauthorized', detail: 'Valid HTTP Basic credentials are required.' }],
    { 'www-authenticate': 'Basic realm="OpsChain"' },
  );
}
