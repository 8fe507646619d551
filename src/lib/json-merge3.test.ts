import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asJsonRecord,
  diffJson,
  isJsonRecord,
  jsonEqual,
  mergeJson3,
  parseJsonDocument,
  resolveConflicts,
  toPointer,
  type ConflictResolution,
  type JsonRecord,
  type JsonValue,
} from './json-merge3';

const decide = (entries: [string, ConflictResolution][]) => new Map(entries);

describe('mergeJson3', () => {
  const base = { db: { host: 'db1', port: 5432 }, tags: ['a', 'b'], name: 'bank' } satisfies JsonRecord;

  it('merges edits to different keys and says which came from theirs', () => {
    const mine = { ...base, name: 'Bank' };
    const theirs = { ...base, db: { host: 'db2', port: 5432 } };
    const result = mergeJson3(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual({ db: { host: 'db2', port: 5432 }, tags: ['a', 'b'], name: 'Bank' });
    expect(result.fromTheirs).toEqual(['/db/host']);
  });

  it('merges edits to different keys of one nested object', () => {
    const mine = { ...base, db: { host: 'db1', port: 6543 } };
    const theirs = { ...base, db: { host: 'db9', port: 5432, user: 'ops' } };
    const result = mergeJson3(base, mine, theirs);
    expect(result.merged.db).toEqual({ host: 'db9', port: 6543, user: 'ops' });
    expect(result.fromTheirs).toEqual(['/db/host', '/db/user']);
  });

  it('does not report identical edits as conflicts', () => {
    const edited = { ...base, name: 'Same', tags: ['z'] };
    const result = mergeJson3(base, edited, { ...edited });
    expect(result.conflicts).toEqual([]);
    expect(result.fromTheirs).toEqual([]);
    expect(result.merged).toEqual(edited);
  });

  it('reports different edits of one value with both values and its pointer', () => {
    const result = mergeJson3(base, { ...base, name: 'Mine' }, { ...base, name: 'Theirs' });
    expect(result.conflicts).toEqual([
      { pointer: '/name', path: ['name'], base: 'bank', mine: 'Mine', theirs: 'Theirs' },
    ]);
    expect(result.merged.name).toBe('Mine');
  });

  it('treats arrays as whole values: two edits of one array conflict', () => {
    const result = mergeJson3(base, { ...base, tags: ['a', 'b', 'c'] }, { ...base, tags: ['x', 'b'] });
    expect(result.conflicts.map((conflict) => conflict.pointer)).toEqual(['/tags']);
  });

  it('reports a deletion against an edit as a conflict', () => {
    const mine = { tags: base.tags, name: base.name };
    const theirs = { ...base, db: { host: 'db1', port: 1 } };
    const result = mergeJson3(base, mine, theirs);
    expect(result.conflicts).toEqual([
      { pointer: '/db', path: ['db'], base: base.db, mine: undefined, theirs: theirs.db },
    ]);
    expect(Object.hasOwn(result.merged, 'db')).toBe(false);
  });

  it('keeps a deletion on one side when the other left the value alone', () => {
    const theirs = { db: base.db, name: base.name };
    const result = mergeJson3(base, { ...base, name: 'x' }, theirs);
    expect(result.merged).toEqual({ db: base.db, name: 'x' });
    expect(result.fromTheirs).toEqual(['/tags']);
  });

  it('merges two objects both sides added under one new key', () => {
    const result = mergeJson3({}, { extra: { a: 1 } }, { extra: { b: 2 } });
    expect(result.merged).toEqual({ extra: { a: 1, b: 2 } });
    expect(result.conflicts).toEqual([]);
  });

  it('escapes pointer segments', () => {
    expect(toPointer(['a/b', 'c~d', 'opschain.env'])).toBe('/a~1b/c~0d/opschain.env');
  });
});

describe('resolveConflicts', () => {
  const base: JsonRecord = { a: 1, b: { c: 2 }, d: 3 };
  const mine: JsonRecord = { a: 10, b: { c: 20 }, d: 3 };
  const theirs: JsonRecord = { a: 11, b: { c: 21 }, d: 4 };

  it('applies keep mine, keep theirs and hand-edited values per conflict', () => {
    const result = mergeJson3(base, mine, theirs);
    expect(result.conflicts.map((conflict) => conflict.pointer)).toEqual(['/a', '/b/c']);
    const resolved = resolveConflicts(
      result,
      decide([
        ['/a', { kind: 'theirs' }],
        ['/b/c', { kind: 'value', value: { nested: true } }],
      ]),
    );
    expect(resolved).toEqual({ a: 11, b: { c: { nested: true } }, d: 4 });
  });

  it('removes the key when the chosen side removed it', () => {
    const result = mergeJson3({ a: 1 }, {}, { a: 2 });
    expect(resolveConflicts(result, decide([['/a', { kind: 'mine' }]]))).toEqual({});
    expect(resolveConflicts(result, decide([['/a', { kind: 'theirs' }]]))).toEqual({ a: 2 });
  });

  it('refuses to produce a document while a conflict is undecided', () => {
    const result = mergeJson3(base, mine, theirs);
    expect(() => resolveConflicts(result, decide([['/a', { kind: 'mine' }]]))).toThrow('/b/c');
  });

  it('does not change the merge result it resolves', () => {
    const result = mergeJson3(base, mine, theirs);
    const before = structuredClone(result.merged);
    resolveConflicts(
      result,
      decide([
        ['/a', { kind: 'theirs' }],
        ['/b/c', { kind: 'theirs' }],
      ]),
    );
    expect(result.merged).toEqual(before);
  });
});

describe('diffJson', () => {
  it('lists added, removed and changed values, arrays as one value', () => {
    expect(
      diffJson({ a: 1, b: { c: 2, d: [1] }, 'x/y': 1 }, { a: 1, b: { c: 3, d: [1, 2], e: null }, z: true }),
    ).toEqual([
      { pointer: '/b/c', kind: 'changed' },
      { pointer: '/b/d', kind: 'changed' },
      { pointer: '/b/e', kind: 'added' },
      { pointer: '/x~1y', kind: 'removed' },
      { pointer: '/z', kind: 'added' },
    ]);
  });
});

describe('parseJsonDocument', () => {
  it('accepts an object and refuses other JSON or broken text with a reason', () => {
    expect(parseJsonDocument('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonDocument('[1]')).toEqual({
      ok: false,
      message: 'The document must be a JSON object ({ … }).',
    });
    expect(parseJsonDocument('{"a": }')).toMatchObject({ ok: false });
  });
});

// Generated cases. Values go through JSON so that -0 (which JSON turns into 0) never appears.
const KEYS = ['a', 'b', 'c', 'x/y', 'opschain.env'];
const leaf = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('s', 't', ''),
  fc.boolean(),
  fc.constant(null),
);
const { value: jsonValue } = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
}));
const documentArb = fc
  .dictionary(fc.constantFrom(...KEYS), jsonValue, { maxKeys: 5 })
  .map((value): JsonRecord => throughJson(value));

/** The value as JSON gives it back (no -0). */
function throughJson(value: JsonRecord): JsonRecord {
  const copy = asJsonRecord(JSON.parse(JSON.stringify(value)));
  if (copy === null) throw new Error('generated a non-object');
  return copy;
}

interface Edit {
  path: string[];
  value: JsonValue | undefined;
}
const editArb: fc.Arbitrary<Edit> = fc.record({
  path: fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }),
  value: fc.option(jsonValue, { nil: undefined }),
});

/** Applies edits as a person would: set or remove a value, creating objects on the way. */
function applyEdits(document: JsonRecord, edits: readonly Edit[]): JsonRecord {
  const edit = (record: JsonRecord, path: readonly string[], value: JsonValue | undefined): JsonRecord => {
    const [key, ...rest] = path;
    if (key === undefined) return record;
    const copy: JsonRecord = { ...record };
    if (rest.length === 0) {
      if (value === undefined) Reflect.deleteProperty(copy, key);
      else copy[key] = value;
    } else {
      const child = copy[key];
      copy[key] = edit(isJsonRecord(child) ? child : {}, rest, value);
    }
    return copy;
  };
  const edited = edits.reduce((record, { path, value }) => edit(record, path, value), document);
  return throughJson(edited);
}

/** Every value the document holds, by pointer: objects are walked into, anything else is one leaf. */
function leaves(value: JsonValue, path: string[] = [], out = new Map<string, JsonValue>()) {
  if (isJsonRecord(value))
    for (const [key, child] of Object.entries(value)) leaves(child, [...path, key], out);
  else if (path.length > 0) out.set(toPointer(path), value);
  return out;
}

/** Pointers whose leaf differs between the two documents (added, removed or changed). */
function changedLeaves(before: JsonRecord, after: JsonRecord): string[] {
  const a = leaves(before);
  const b = leaves(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter(
    (pointer) => !jsonEqual(a.get(pointer), b.get(pointer)),
  );
}

const overlaps = (pointer: string, conflict: string) =>
  pointer === conflict || pointer.startsWith(`${conflict}/`) || conflict.startsWith(`${pointer}/`);

const scenario = documentArb.chain((base) =>
  fc.record({
    base: fc.constant(base),
    mine: fc.array(editArb, { maxLength: 4 }).map((edits) => applyEdits(base, edits)),
    theirs: fc.array(editArb, { maxLength: 4 }).map((edits) => applyEdits(base, edits)),
  }),
);

describe('mergeJson3 on generated documents and edits', () => {
  it('never drops an edit of either side that did not conflict', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const result = mergeJson3(base, mine, theirs);
        const merged = leaves(result.merged);
        for (const [side, edited] of [
          ['mine', mine],
          ['theirs', theirs],
        ] as const) {
          const sideLeaves = leaves(edited);
          for (const pointer of changedLeaves(base, edited)) {
            if (result.conflicts.some((conflict) => overlaps(pointer, conflict.pointer))) continue;
            expect(merged.get(pointer), `${side} ${pointer}`).toEqual(sideLeaves.get(pointer));
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never reports a conflict where both sides hold the same value', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        for (const conflict of mergeJson3(base, mine, theirs).conflicts) {
          expect(jsonEqual(conflict.mine, conflict.theirs)).toBe(false);
        }
        const same = mergeJson3(base, mine, structuredClone(mine));
        expect(same.conflicts).toEqual([]);
        expect(same.merged).toEqual(mine);
      }),
      { numRuns: 1500 },
    );
  });

  it('answers the edited side when only one side edited', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        expect(mergeJson3(base, mine, base).merged).toEqual(mine);
        expect(mergeJson3(base, base, theirs).merged).toEqual(theirs);
        expect(mergeJson3(base, base, theirs).conflicts).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same conflicts whichever side is mine', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const pointers = (result: ReturnType<typeof mergeJson3>) =>
          result.conflicts.map((conflict) => conflict.pointer).sort();
        expect(pointers(mergeJson3(base, mine, theirs))).toEqual(pointers(mergeJson3(base, theirs, mine)));
      }),
      { numRuns: 500 },
    );
  });

  it('resolving every conflict with one side gives that side at each conflict', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom('mine' as const, 'theirs' as const),
        ({ base, mine, theirs }, kind) => {
          const result = mergeJson3(base, mine, theirs);
          const resolved = leaves(
            resolveConflicts(
              result,
              new Map(result.conflicts.map((conflict) => [conflict.pointer, { kind }])),
            ),
          );
          const side = leaves(kind === 'mine' ? mine : theirs);
          for (const conflict of result.conflicts) {
            for (const [pointer, value] of side) {
              if (overlaps(pointer, conflict.pointer)) expect(resolved.get(pointer)).toEqual(value);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
