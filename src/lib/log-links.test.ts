import { describe, expect, it } from 'vitest';
import { linkPieces } from './log-links';

describe('linkPieces', () => {
  it('links http and https addresses and leaves the rest as text', () => {
    expect(linkPieces('see https://ci.example.com/build/12 for details')).toEqual([
      { text: 'see ', href: null },
      { text: 'https://ci.example.com/build/12', href: 'https://ci.example.com/build/12' },
      { text: ' for details', href: null },
    ]);
  });

  it('keeps sentence punctuation out of the link', () => {
    expect(linkPieces('(at http://x.example/a).')).toEqual([
      { text: '(at ', href: null },
      { text: 'http://x.example/a', href: 'http://x.example/a' },
      { text: ').', href: null },
    ]);
  });

  it('never links other schemes or markup', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      '<img src=x onerror=alert(1)>',
      'ftp://x',
    ]) {
      expect(linkPieces(text)).toEqual([{ text, href: null }]);
    }
  });

  it('stops an address at quotes and angle brackets', () => {
    expect(linkPieces('<a href="https://evil.example/">')).toEqual([
      { text: '<a href="', href: null },
      { text: 'https://evil.example/', href: 'https://evil.example/' },
      { text: '">', href: null },
    ]);
  });
});
