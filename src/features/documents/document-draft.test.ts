import { afterEach, describe, expect, it } from 'vitest';
import { clearDraft, readDraft, writeDraft } from './document-draft';

describe('document drafts', () => {
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('keeps a draft per document in session storage only', () => {
    expect(writeDraft('properties', 'p1', { baseVersion: 3, text: '{"a": 1}' })).toBe(true);
    expect(readDraft('properties', 'p1')).toEqual({ baseVersion: 3, text: '{"a": 1}' });
    expect(readDraft('settings', 'p1')).toBeNull();
    expect(localStorage.length).toBe(0);
    clearDraft('properties', 'p1');
    expect(readDraft('properties', 'p1')).toBeNull();
  });

  it('ignores a stored draft it cannot read', () => {
    sessionStorage.setItem('opschain-console:draft:properties:p2', '{"baseVersion": "three"}');
    expect(readDraft('properties', 'p2')).toBeNull();
    sessionStorage.setItem('opschain-console:draft:properties:p2', 'not json');
    expect(readDraft('properties', 'p2')).toBeNull();
  });
});
