import { ApiError, NetworkError, ResponseFormatError, errorText } from './errors';

// Turns a failed API call into what a person reads: what happened and what to do next. Forms also get the
// errors the server tied to their fields (`source.pointer`, STYLE habit 2).

/** One sentence or two for a notification or an error state. */
export function failureMessage(error: unknown): string {
  if (error instanceof NetworkError) {
    return 'The OpsChain server could not be reached. Check your connection, then try again.';
  }
  if (error instanceof ResponseFormatError) {
    // Say what did not match: a Retry will not help, and the mismatch is what to report.
    const what = error.problems.length === 0 ? '' : ` What did not match: ${error.problems.join('; ')}.`;
    return `${error.message}${what} The console and the server may be different versions.`;
  }
  if (error instanceof ApiError) {
    const text = error.errors.map(errorText).join('\n');
    if (error.status === 401) return 'Your sign-in is no longer accepted. Sign in again to continue.';
    if (error.status === 403) {
      return `${text}\nYou do not have permission for this. Ask an OpsChain administrator for access.`;
    }
    if (error.status === 404) {
      return `${text}\nIt may have been removed, or you may not be allowed to see it. Reload the page.`;
    }
    if (error.status >= 500)
      return `${text}\nThe server failed (HTTP ${String(error.status)}). Try again later.`;
    return text;
  }
  if (error instanceof Error && error.message !== '') return error.message;
  return 'Something went wrong.';
}

/** A failed form submission: messages for the form's fields, and the rest for the form as a whole. */
export interface FormFailure {
  /** By field name, ready for Mantine's `form.setErrors`. */
  fields: Record<string, string>;
  /** Everything not shown on a field (record-level errors, permission denials, network failures). */
  message: string | null;
  /** True for a 403: the notification should explain the permission. */
  isForbidden: boolean;
  /** For a 403, the server's own reason (`You are not permitted to update /projects/bank`), else null. */
  deniedReason: string | null;
}

/** Places 422 errors on the form's fields via `source.pointer`; anything else becomes the form's message. */
export function formFailure(error: unknown, fieldNames: readonly string[]): FormFailure {
  if (!(error instanceof ApiError) || error.status !== 422) {
    return {
      fields: {},
      message: failureMessage(error),
      isForbidden: error instanceof ApiError && error.status === 403,
      deniedReason: deniedReason(error),
    };
  }
  const byPointer = error.byPointer();
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [field, text] of Object.entries(byPointer)) {
    if (fieldNames.includes(field)) fields[field] = text;
    else rest.push(text);
  }
  for (const entry of error.errors) {
    if (entry.source?.pointer === undefined || !/^\/data\/attributes\/.+/.test(entry.source.pointer)) {
      rest.push(errorText(entry));
    }
  }
  return {
    fields,
    message: rest.length > 0 ? rest.join('\n') : null,
    isForbidden: false,
    deniedReason: null,
  };
}

/** A permission denial (403): worth a notification that explains it, whatever else the screen shows. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/** The server's reason for refusing (403) in its own words, to show on the refused action; null otherwise. */
export function deniedReason(error: unknown): string | null {
  return error instanceof ApiError && error.status === 403 ? error.message : null;
}

/** Puts a failed submission's field errors on the form and answers the rest (see `formFailure`). */
export function applyFormFailure(
  error: unknown,
  form: { setErrors: (errors: Record<string, string>) => void },
  fieldNames: readonly string[],
): FormFailure {
  const failure = formFailure(error, fieldNames);
  form.setErrors(failure.fields);
  return failure;
}
