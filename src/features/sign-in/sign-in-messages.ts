import { ApiError, NetworkError, ResponseFormatError } from '@/api/errors';
import type { RetryNotice } from '@/api/retry';

export interface SignInProblem {
  title: string;
  message: string;
  /** Wrong credentials: the password field is cleared and focused for another try. */
  isWrongCredentials: boolean;
}

function statusLine(error: ApiError): string {
  return `${String(error.status)}${error.statusText === '' ? '' : ` ${error.statusText}`}`;
}

/** Why signing in failed, told apart: wrong credentials, server down, network failure, anything else. */
export function signInProblem(error: unknown): SignInProblem {
  if (error instanceof ApiError && error.status === 401) {
    return {
      title: 'Wrong username or password',
      message:
        'OpsChain did not accept these credentials. Check them (passwords are case-sensitive) and try again.',
      isWrongCredentials: true,
    };
  }
  if (error instanceof ApiError && [502, 503, 504].includes(error.status)) {
    return {
      title: 'The OpsChain server is not available',
      message: `It answered ${statusLine(error)}, so your credentials could not be checked. Try again in a minute; if it persists, tell your OpsChain administrator.`,
      isWrongCredentials: false,
    };
  }
  if (error instanceof ApiError && error.status >= 500) {
    return {
      title: 'The OpsChain server failed',
      message: `It answered ${statusLine(error)} while checking your credentials: ${error.message} Try again; if it persists, tell your OpsChain administrator.`,
      isWrongCredentials: false,
    };
  }
  if (error instanceof NetworkError) {
    return {
      title: 'The OpsChain server could not be reached',
      message: 'Check your network connection (and VPN), then try again.',
      isWrongCredentials: false,
    };
  }
  if (error instanceof ApiError) {
    return {
      title: 'Signing in was refused',
      message: `The server answered ${statusLine(error)}: ${error.message} The console may not be connected to an OpsChain API.`,
      isWrongCredentials: false,
    };
  }
  if (error instanceof ResponseFormatError) {
    return {
      title: 'This does not look like an OpsChain server',
      message: `${error.message} Check that the console is connected to an OpsChain API (release 2025-04-25).`,
      isWrongCredentials: false,
    };
  }
  return {
    title: 'Signing in failed',
    message: error instanceof Error ? error.message : 'An unexpected error occurred. Try again.',
    isWrongCredentials: false,
  };
}

/** Said while the credentials are checked again after a failure that may pass (a busy server, no answer). */
export function retryingMessage({ retry, retries, waitMs, error }: RetryNotice): string {
  const why =
    error instanceof ApiError
      ? `The server answered ${statusLine(error)}.`
      : 'The server could not be reached.';
  const seconds = Math.max(1, Math.round(waitMs / 1000));
  return `${why} Trying again in ${String(seconds)} s (retry ${String(retry)} of ${String(retries)})…`;
}
