// Web addresses in a log line become links (http and https only; never `javascript:` or `data:`), opened with
// rel="noopener noreferrer" by the pane. Everything else stays text.

export type LinkPiece = { text: string; href: null } | { text: string; href: string };

const URL_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address.
const TRAILING = /[.,;:!?)\]}]+$/;

export function linkPieces(text: string): LinkPiece[] {
  if (!/https?:\/\//i.test(text)) return [{ text, href: null }];
  const pieces: LinkPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_TEXT)) {
    const candidate = match[0].replace(TRAILING, '');
    const href = safeHref(candidate);
    if (href === null) continue;
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), href: null });
    pieces.push({ text: candidate, href });
    last = match.index + candidate.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), href: null });
  return pieces;
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
