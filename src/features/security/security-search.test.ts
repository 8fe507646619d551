import { describe, expect, it } from 'vitest';
import { checkAccessSearchSchema, formatWho, parseWho, principalOf } from './security-search';

describe('check access search', () => {
  it('reads who is asked about from the URL and writes it back the same way', () => {
    for (const who of ['user:viewer', 'group:cn=qa', 'everyone']) {
      const ref = parseWho(who);
      expect(ref && formatWho(ref)).toBe(who);
    }
    expect(parseWho('user:')).toBeNull();
    expect(parseWho('robot:x')).toBeNull();
    expect(parseWho(undefined)).toBeNull();
  });

  it('gives a user the groups the user list names', () => {
    const ref = parseWho('user:approver');
    expect(ref && principalOf(ref, () => ['approvers'])).toEqual({
      kind: 'user',
      username: 'approver',
      groups: ['approvers'],
    });
  });

  it('drops malformed values instead of failing the page', () => {
    expect(checkAccessSearchSchema.parse({ who: 3, path: '/projects/bank' })).toEqual({
      path: '/projects/bank',
    });
  });
});
