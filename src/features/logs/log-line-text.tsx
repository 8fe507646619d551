import type { CSSProperties, ReactNode } from 'react';
import { ansiSpans, readableColour, type AnsiSpan } from '@/lib/log-ansi';
import { linkPieces } from '@/lib/log-links';
import { matchRanges } from '@/lib/log-search';
import classes from './log-pane.module.css';

// One line's text: ANSI styles as spans, web addresses as links, search matches marked. Everything is a
// React text child: nothing in a line can become markup.

export interface LogLineTextProps {
  /** The line as received (with its escape sequences). */
  raw: string;
  /** The current search, to mark its matches; null without one. */
  pattern: RegExp | null;
  /** The colour scheme shown (ANSI colours are adjusted to stay readable on it). */
  scheme: 'light' | 'dark';
}

function spanStyle(span: AnsiSpan, scheme: 'light' | 'dark'): CSSProperties | undefined {
  if (
    span.color === null &&
    span.background === null &&
    !span.isBold &&
    !span.isDim &&
    !span.isItalic &&
    !span.isUnderline &&
    !span.isStrikethrough
  )
    return undefined;
  const lines = [span.isUnderline ? 'underline' : '', span.isStrikethrough ? 'line-through' : ''].filter(
    Boolean,
  );
  return {
    ...(span.color === null
      ? {}
      : { color: span.background === null ? readableColour(span.color, scheme) : span.color }),
    ...(span.background === null ? {} : { backgroundColor: span.background }),
    ...(span.isBold ? { fontWeight: 700 } : {}),
    ...(span.isDim ? { opacity: 0.7 } : {}),
    ...(span.isItalic ? { fontStyle: 'italic' } : {}),
    ...(lines.length > 0 ? { textDecoration: lines.join(' ') } : {}),
  };
}

/** `text` (which starts at `offset` of the line) with the parts inside `ranges` marked. */
function marked(text: string, offset: number, ranges: readonly [number, number][], key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    const from = Math.max(start - offset, at);
    const to = Math.min(end - offset, text.length);
    if (to <= from) continue;
    if (from > at) out.push(text.slice(at, from));
    out.push(
      <mark key={`${key}-${String(from)}`} className={classes.match}>
        {text.slice(from, to)}
      </mark>,
    );
    at = to;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The spans as elements: links inside them, matches (`ranges` of the whole line's text) marked. */
function renderSpans(
  spans: readonly AnsiSpan[],
  ranges: readonly [number, number][],
  scheme: 'light' | 'dark',
): ReactNode[] {
  let offset = 0;
  return spans.map((span, i) => {
    const start = offset;
    offset += span.text.length;
    let pieceOffset = start;
    const children = linkPieces(span.text).map((piece, j) => {
      const pieceStart = pieceOffset;
      pieceOffset += piece.text.length;
      const content = marked(piece.text, pieceStart, ranges, `${String(i)}-${String(j)}`);
      return piece.href === null ? (
        content
      ) : (
        <a key={j} href={piece.href} target="_blank" rel="noopener noreferrer" className={classes.link}>
          {content}
        </a>
      );
    });
    const style = spanStyle(span, scheme);
    return style === undefined ? (
      <span key={i}>{children}</span>
    ) : (
      <span key={i} style={style}>
        {children}
      </span>
    );
  });
}

/** What linkPieces looks for (log-links.ts): a line without it has no link. */
const PLAIN_LINK = /https?:\/\//i;

export function LogLineText({ raw, pattern, scheme }: LogLineTextProps) {
  // Most lines are plain text: no spans, links or marks to build.
  if (pattern === null && !raw.includes('\u001b') && !PLAIN_LINK.test(raw)) return raw;
  const spans = ansiSpans(raw);
  const ranges = pattern === null ? [] : matchRanges(spans.map((s) => s.text).join(''), pattern);
  return renderSpans(spans, ranges, scheme);
}
