// The `redirect` search parameter of the sign-in page comes from the URL, so anyone can craft it. Only
// paths inside the console are followed; anything else (another origin, `//host`, `javascript:`) goes home.

const DEFAULT_PATH = '/';

/** A same-origin path (with its query and hash) to return to after signing in. */
export function safeRedirectPath(value: string | undefined | null): string {
  if (value === undefined || value === null || value === '') return DEFAULT_PATH;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_PATH;
  let parsed: URL;
  try {
    parsed = new URL(value, 'http://console.invalid');
  } catch {
    return DEFAULT_PATH;
  }
  if (parsed.origin !== 'http://console.invalid') return DEFAULT_PATH;
  // Going back to sign-in after signing in would loop.
  if (parsed.pathname === '/sign-in') return DEFAULT_PATH;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
