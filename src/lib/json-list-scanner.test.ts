import { describe, expect, it } from 'vitest';
import { JsonListScanner } from './json-list-scanner';

/** Feeds `text` in pieces of `size` characters; answers the members (parsed) and the rest document. */
function scan(text: string, size: number): { members: unknown[]; rest: unknown; batches: number } {
  const scanner = new JsonListScanner();
  const members: unknown[] = [];
  let batches = 0;
  for (let start = 0; start < text.length; start += size) {
    const found = scanner.push(text.slice(start, start + size));
    if (found.length > 0) batches++;
    members.push(...found.map((member) => JSON.parse(member) as unknown));
  }
  return { members, rest: scanner.finish(), batches };
}

const tricky = {
  links: { self: '/api/x?filter[a]=]', data: '[not it]' },
  meta: { data: [1, 2], note: 'braces } ] { [ and "quotes" and \\ backslashes' },
  data: [
    { id: '1', attributes: { name: 'a "quoted" } name', tags: ['x', ']'], nested: { data: [{}] } } },
    { id: '2', attributes: { name: 'ünïcødé ✓ \u2028', empty: {}, list: [] } },
    { id: '3', attributes: { text: 'back\\\\slash\\"', n: -1.5e3, t: true, f: false, z: null } },
  ],
  included: [{ id: 'i' }],
};

describe('JsonListScanner', () => {
  it.each([1, 2, 3, 7, 64, 100_000])(
    'hands out each member and keeps the rest of the document, in pieces of %i characters',
    (size) => {
      for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2)]) {
        const { members, rest } = scan(text, size);
        expect(members).toEqual(tricky.data);
        expect(rest).toEqual({ ...tricky, data: [] });
      }
    },
  );

  it('answers members as soon as they are complete', () => {
    const scanner = new JsonListScanner();
    expect(scanner.push('{"data":[{"id":"1"},{"id"')).toEqual(['{"id":"1"}']);
    expect(scanner.push(':"2"}')).toEqual(['{"id":"2"}']);
    expect(scanner.push(']}')).toEqual([]);
    expect(scanner.finish()).toEqual({ data: [] });
  });

  it('handles an empty list and scalar members', () => {
    expect(scan('{"data":[]}', 3)).toEqual({ members: [], rest: { data: [] }, batches: 0 });
    expect(scan('{"data":[1, "a,]", true ,null,2.5e1],"meta":{}}', 2).members).toEqual([
      1,
      'a,]',
      true,
      null,
      25,
    ]);
  });

  it('gives back a document without a data array whole', () => {
    expect(scan('{"errors":[{"status":"500"}]}', 4)).toEqual({
      members: [],
      rest: { errors: [{ status: '500' }] },
      batches: 0,
    });
    expect(scan('{"data":{"id":"1"}}', 4).rest).toEqual({ data: { id: '1' } });
  });

  it('refuses a document cut off inside its data array', () => {
    const scanner = new JsonListScanner();
    scanner.push('{"data":[{"id":"1"},{"id":');
    expect(() => scanner.finish()).toThrow(SyntaxError);
  });

  it('keeps little text between members', () => {
    const scanner = new JsonListScanner();
    const member = JSON.stringify({ id: 'x'.repeat(1000) });
    scanner.push('{"data":[');
    for (let n = 0; n < 100; n++) expect(scanner.push(`${n === 0 ? '' : ','}${member}`)).toHaveLength(1);
    expect((scanner as unknown as { pending: string }).pending.length).toBeLessThan(10);
  });
});
