// Repository URLs come back from the API as they were entered, and people paste
// `https://user:token@host/x.git`. The console shows where a repository is, never the secret in its URL.

export const MASK = '***';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A colon in an authority without `@` that is not followed by a port number only. */
const NOT_A_PORT = /:(?!\d*$)/;

function isSshScheme(scheme: string): boolean {
  return /^(?:ssh|git\+ssh|ssh\+git):\/\/$/i.test(scheme);
}

/**
 * The URL with its user information replaced by `***`: `https://***@host/x.git`. A user name alone is
 * masked too (tokens are often passed as the user), except for SSH (`ssh://git@host/x.git`,
 * `git@host:x.git`), where it is only an account name. A malformed URL whose password holds a raw `/` is
 * masked up to its last `@`: hiding part of a path is better than showing part of a password.
 */
export function maskUrlCredentials(url: string): string {
  const scheme = SCHEME.exec(url)?.[0];
  if (scheme === undefined) return maskScpLike(url);
  const rest = url.slice(scheme.length);
  const authorityEnd = rest.search(/[/?#\\]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  let userinfoEnd = authority.lastIndexOf('@');
  if (userinfoEnd === -1 && NOT_A_PORT.test(authority)) userinfoEnd = rest.lastIndexOf('@');
  if (userinfoEnd === -1) return url;
  const userinfo = rest.slice(0, userinfoEnd);
  if (isSshScheme(scheme) && !userinfo.includes(':')) return url;
  return `${scheme}${MASK}${rest.slice(userinfoEnd)}`;
}

/** `git@host:path` keeps its user name; `user:secret@host:path` (not valid, but pasted) does not. */
function maskScpLike(url: string): string {
  const firstAt = url.indexOf('@');
  const firstColon = url.indexOf(':');
  if (firstAt === -1 || firstColon === -1 || firstColon > firstAt) return url;
  return `${MASK}${url.slice(url.lastIndexOf('@'))}`;
}
