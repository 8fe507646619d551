import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileFilter, queryOf, type CompiledFilter, type FilterSchema } from './filter.ts';

const SCHEMA: FilterSchema = {
  id: { sql: 'i.id', type: 'string' },
  code: { sql: 'i.code', type: 'string' },
  name: { sql: 'i.name', type: 'string' },
  size: { sql: 'i.size', type: 'number' },
  archived: { sql: 'i.archived', type: 'boolean' },
  created_at: { sql: 'i.created_at', type: 'datetime' },
  metadata: { sql: 'i.metadata', type: 'json' },
  // A column whose name starts with a JSON attribute's: it must win over metadata → key "version".
  metadata_version: { sql: 'i.metadata_version', type: 'number' },
  // Parent fields are ordinary entries backed by an expression.
  parent_code: { sql: "upper(substr(i.code, 1, 1)) || 'X'", type: 'string' },
};

interface Row {
  id: string;
  code: string;
  name: string | null;
  size: number | null;
  archived: 0 | 1;
  created_at: string;
  metadata: string | null;
  metadata_version: number | null;
}

const ROWS: readonly Row[] = [
  {
    id: 'a',
    code: 'prod',
    name: 'Production',
    size: 10,
    archived: 0,
    created_at: '2025-04-25T06:21:23.000000Z',
    metadata: JSON.stringify({
      approver: 'A. Manager',
      nested: { key: 'v1' },
      priority: 5,
      enabled: true,
      tags: { 'x-y': 'b' },
    }),
    metadata_version: 1,
  },
  {
    id: 'b',
    code: 'Prod-2',
    name: 'production backup',
    size: 20,
    archived: 1,
    created_at: '2025-04-25T06:21:23.984222Z',
    metadata: JSON.stringify({
      approver: 'B. Boss',
      nested: { key: 'v2' },
      priority: 'high',
      enabled: false,
    }),
    metadata_version: 2,
  },
  {
    id: 'c',
    code: 'demo',
    name: 'Demo 50%_off',
    size: 5,
    archived: 0,
    created_at: '2025-04-24T23:59:59.999999Z',
    metadata: JSON.stringify({
      priority: 12,
      'a"b': 'quoted',
      'back\\slash': 'bs',
      'x.y': 'dot',
      "it's": 'apos',
    }),
    metadata_version: 3,
  },
  {
    id: 'd',
    code: 'dev_1',
    name: null,
    size: null,
    archived: 1,
    created_at: '2025-04-26T00:00:00.000000Z',
    metadata: '{}',
    metadata_version: null,
  },
  {
    id: 'e',
    code: 'test',
    name: '',
    size: 0,
    archived: 0,
    created_at: '2025-05-01T12:00:00.000000Z',
    metadata: JSON.stringify({ approver: 'A. Manager', nested: { key: null }, priority: 7.5 }),
    metadata_version: 1,
  },
  {
    id: 'f',
    code: 'devx1',
    name: "it's",
    size: 7,
    archived: 0,
    created_at: '2025-04-25T00:00:00.000000Z',
    metadata: 'not json',
    metadata_version: 2,
  },
];
const ALL = ['a', 'b', 'c', 'd', 'e', 'f'];

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE items (
    id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT, size INTEGER, archived INTEGER NOT NULL,
    created_at TEXT NOT NULL, metadata TEXT, metadata_version INTEGER)`);
  const insert = db.prepare(`INSERT INTO items VALUES
    (@id, @code, @name, @size, @archived, @created_at, @metadata, @metadata_version)`);
  for (const row of ROWS) insert.run(row);
});

/** Builds a query string from [key, value] pairs, encoding both (brackets included). */
function qs(...pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

function compile(query: string, schema: FilterSchema = SCHEMA): CompiledFilter {
  return compileFilter(queryOf(`/api/items?${query}`), schema, { defaultOrder: 'i.id ASC' });
}

/** Runs the compiled filter against the table and returns the matching ids in result order. */
function ids(query: string, schema: FilterSchema = SCHEMA): string[] {
  const { where, params, orderBy } = compile(query, schema);
  const rows = db
    .prepare(`SELECT i.id AS id FROM items i WHERE (${where}) ORDER BY ${orderBy}`)
    .all(...params);
  return rows.map((row) => {
    if (typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string') return row.id;
    throw new Error('unexpected row shape');
  });
}

function only(...keep: string[]): string[] {
  return ALL.filter((id) => keep.includes(id));
}

function except(...drop: string[]): string[] {
  return ALL.filter((id) => !drop.includes(id));
}

describe('compileFilter without conditions', () => {
  it('returns 1=1, no params and the default order', () => {
    expect(compile('')).toEqual({ where: '1=1', params: [], orderBy: 'i.id ASC', sorted: false });
    expect(ids('')).toEqual(ALL);
  });

  it('ignores keys that are not filter[…] (download, limit, include)', () => {
    expect(ids('download=x.csv&limit=1&include=parent&code_eq=prod')).toEqual(ALL);
  });

  it('ignores unknown attributes and unknown predicates', () => {
    expect(
      ids(qs(['filter[colour_eq]', 'red'], ['filter[code_foo]', 'x'], ['filter[code]', 'prod'])),
    ).toEqual(ALL);
  });

  it('ignores attribute names that only exist on Object.prototype', () => {
    expect(
      ids(qs(['filter[constructor_eq]', 'x'], ['filter[__proto___eq]', 'x'], ['filter[toString_null]', '1'])),
    ).toEqual(ALL);
  });

  it('ignores conditions whose values are blank, as ransack strips blank params', () => {
    expect(ids(qs(['filter[code_eq]', ''], ['filter[code_in][]', ''], ['filter[name_null]', ' ']))).toEqual(
      ALL,
    );
  });

  it('trims surrounding whitespace from values', () => {
    expect(ids(qs(['filter[code_eq]', '  prod '])).sort()).toEqual(['a']);
  });
});

describe('key syntax', () => {
  it('accepts encoded brackets', () => {
    expect(ids('filter%5Bcode_eq%5D=prod')).toEqual(['a']);
  });

  it('accepts unencoded brackets', () => {
    expect(ids('filter[code_eq]=prod')).toEqual(['a']);
  });

  it('ignores keys with trailing garbage after the brackets', () => {
    expect(ids('filter[code_eq]x=prod&filter[code_eq][a]=prod')).toEqual(ALL);
  });
});

describe('comparison predicates on strings', () => {
  it('eq is exact and case-sensitive', () => {
    expect(ids(qs(['filter[code_eq]', 'prod']))).toEqual(['a']);
    expect(ids(qs(['filter[code_eq]', 'PROD']))).toEqual([]);
  });

  it('not_eq excludes the value (and NULLs, as in SQL)', () => {
    expect(ids(qs(['filter[code_not_eq]', 'prod']))).toEqual(except('a'));
    expect(ids(qs(['filter[name_not_eq]', 'Production']))).toEqual(only('b', 'c', 'e', 'f'));
  });

  it('lt, lteq, gt and gteq compare strings as text', () => {
    expect(ids(qs(['filter[code_lt]', 'dev_1']))).toEqual(only('b', 'c'));
    expect(ids(qs(['filter[code_lteq]', 'dev_1']))).toEqual(only('b', 'c', 'd'));
    expect(ids(qs(['filter[code_gt]', 'prod']))).toEqual(only('e'));
    expect(ids(qs(['filter[code_gteq]', 'prod']))).toEqual(only('a', 'e'));
  });

  it('matches id when the schema has it', () => {
    expect(ids(qs(['filter[id_eq]', 'c']))).toEqual(['c']);
  });

  it('uses the last value when a single-value predicate is repeated', () => {
    expect(ids(qs(['filter[code_eq]', 'demo'], ['filter[code_eq]', 'prod']))).toEqual(['a']);
  });
});

describe('matching predicates', () => {
  it('cont, start and end are case-insensitive, like ransack ILIKE on PostgreSQL', () => {
    expect(ids(qs(['filter[code_cont]', 'ROD']))).toEqual(only('a', 'b'));
    expect(ids(qs(['filter[name_start]', 'prod']))).toEqual(only('a', 'b'));
    expect(ids(qs(['filter[name_end]', 'UP']))).toEqual(only('b'));
  });

  it('i_cont is case-insensitive', () => {
    expect(ids(qs(['filter[name_i_cont]', 'DEMO']))).toEqual(only('c'));
  });

  it('negated matches exclude matches and NULLs', () => {
    expect(ids(qs(['filter[name_not_cont]', 'prod']))).toEqual(only('c', 'e', 'f'));
    expect(ids(qs(['filter[name_not_i_cont]', 'PROD']))).toEqual(only('c', 'e', 'f'));
    expect(ids(qs(['filter[code_not_start]', 'dev']))).toEqual(only('a', 'b', 'c', 'e'));
    expect(ids(qs(['filter[code_not_end]', '1']))).toEqual(only('a', 'b', 'c', 'e'));
  });

  it('treats % and _ in values literally', () => {
    expect(ids(qs(['filter[name_cont]', '%']))).toEqual(['c']);
    expect(ids(qs(['filter[name_cont]', '50%_']))).toEqual(['c']);
    expect(ids(qs(['filter[code_start]', 'dev_']))).toEqual(['d']);
    expect(ids(qs(['filter[code_cont]', '_']))).toEqual(['d']);
  });

  it('treats backslashes in values literally', () => {
    expect(ids(qs(['filter[code_cont]', '\\']))).toEqual([]);
    expect(ids(qs(['filter[name_cont]', '\\%']))).toEqual([]);
  });

  it('matches and does_not_match take a LIKE pattern with wildcards', () => {
    expect(ids(qs(['filter[code_matches]', 'dev%']))).toEqual(only('d', 'f'));
    expect(ids(qs(['filter[code_matches]', 'dev_1']))).toEqual(only('d', 'f'));
    expect(ids(qs(['filter[code_does_not_match]', 'dev%']))).toEqual(only('a', 'b', 'c', 'e'));
  });
});

describe('_any and _all predicates', () => {
  it('cont_any matches any value and cont_all every value', () => {
    expect(ids(qs(['filter[code_cont_any][]', 'ro'], ['filter[code_cont_any][]', 'em']))).toEqual(
      only('a', 'b', 'c'),
    );
    expect(ids(qs(['filter[name_cont_all][]', 'prod'], ['filter[name_cont_all][]', 'back']))).toEqual(['b']);
  });

  it('start_any, end_any and eq_any', () => {
    expect(ids(qs(['filter[code_start_any][]', 'te'], ['filter[code_start_any][]', 'de']))).toEqual(
      only('c', 'd', 'e', 'f'),
    );
    expect(ids(qs(['filter[code_end_any][]', '2'], ['filter[code_end_any][]', 'mo']))).toEqual(
      only('b', 'c'),
    );
    expect(ids(qs(['filter[code_eq_any][]', 'prod'], ['filter[code_eq_any][]', 'test']))).toEqual(
      only('a', 'e'),
    );
  });

  it('not_eq_all excludes every value', () => {
    expect(ids(qs(['filter[code_not_eq_all][]', 'prod'], ['filter[code_not_eq_all][]', 'test']))).toEqual(
      only('b', 'c', 'd', 'f'),
    );
  });

  it('accepts a single value', () => {
    expect(ids(qs(['filter[code_cont_any]', 'ro']))).toEqual(only('a', 'b'));
  });

  it('in_any, in_all, not_in_any and not_in_all compare with each value on its own, as ransack derives them', () => {
    const two = (key: string) => qs([`filter[code_${key}][]`, 'prod'], [`filter[code_${key}][]`, 'test']);
    expect(ids(two('in_any'))).toEqual(only('a', 'e'));
    expect(ids(two('in_all'))).toEqual([]);
    expect(ids(two('not_in_any'))).toEqual(only('a', 'b', 'c', 'd', 'e', 'f'));
    expect(ids(two('not_in_all'))).toEqual(only('b', 'c', 'd', 'f'));
  });
});

describe('in and not_in', () => {
  it('accepts the [] array syntax', () => {
    expect(ids(qs(['filter[code_in][]', 'prod'], ['filter[code_in][]', 'demo']))).toEqual(only('a', 'c'));
  });

  it('accepts repeated keys without brackets and a single value', () => {
    expect(ids(qs(['filter[code_in]', 'prod'], ['filter[code_in]', 'demo']))).toEqual(only('a', 'c'));
    expect(ids(qs(['filter[code_in]', 'prod']))).toEqual(['a']);
  });

  it('accepts indexed arrays', () => {
    expect(ids(qs(['filter[code_in][0]', 'prod'], ['filter[code_in][1]', 'test']))).toEqual(only('a', 'e'));
  });

  it('ignores an empty array, as ransack does', () => {
    expect(ids(qs(['filter[code_in][]', '']))).toEqual(ALL);
  });

  it('not_in excludes the values and NULLs', () => {
    expect(ids(qs(['filter[size_not_in][]', '10'], ['filter[size_not_in][]', '20']))).toEqual(
      only('c', 'e', 'f'),
    );
  });

  it('converts each value to the field type', () => {
    expect(ids(qs(['filter[size_in][]', '5'], ['filter[size_in][]', '20.0']))).toEqual(only('b', 'c'));
    expect(ids(qs(['filter[archived_in][]', 't']))).toEqual(only('b', 'd'));
  });

  it('matches nothing when any value cannot be converted', () => {
    expect(ids(qs(['filter[size_in][]', '5'], ['filter[size_in][]', 'five']))).toEqual([]);
  });
});

describe('numbers', () => {
  it('compares numerically', () => {
    expect(ids(qs(['filter[size_lt]', '10']))).toEqual(only('c', 'e', 'f'));
    expect(ids(qs(['filter[size_lteq]', '10']))).toEqual(only('a', 'c', 'e', 'f'));
    expect(ids(qs(['filter[size_gt]', '9.5']))).toEqual(only('a', 'b'));
    expect(ids(qs(['filter[size_gteq]', '20']))).toEqual(only('b'));
    expect(ids(qs(['filter[size_eq]', '1e1']))).toEqual(only('a'));
    expect(ids(qs(['filter[size_not_eq]', '10']))).toEqual(only('b', 'c', 'e', 'f'));
  });

  it('makes a condition with a non-numeric value match nothing', () => {
    expect(ids(qs(['filter[size_lt]', 'abc']))).toEqual([]);
    expect(ids(qs(['filter[size_eq]', '10abc']))).toEqual([]);
    expect(ids(qs(['filter[size_eq]', 'Infinity']))).toEqual([]);
  });

  it('lets other conditions still match under m=or when one value is invalid', () => {
    expect(ids(qs(['filter[size_lt]', 'abc'], ['filter[code_eq]', 'demo'], ['filter[m]', 'or']))).toEqual([
      'c',
    ]);
  });
});

describe('booleans', () => {
  it('eq accepts true/false, 1/0 and t/f in any case', () => {
    for (const yes of ['true', 'TRUE', '1', 't', 'T'])
      expect(ids(qs(['filter[archived_eq]', yes]))).toEqual(only('b', 'd'));
    for (const no of ['false', 'False', '0', 'f']) {
      expect(ids(qs(['filter[archived_eq]', no]))).toEqual(only('a', 'c', 'e', 'f'));
    }
  });

  it('eq with a non-boolean value matches nothing', () => {
    expect(ids(qs(['filter[archived_eq]', 'yes']))).toEqual([]);
  });

  it('true and false follow ransack: _true=1 is = true, _true=0 is <> true', () => {
    expect(ids(qs(['filter[archived_true]', '1']))).toEqual(only('b', 'd'));
    expect(ids(qs(['filter[archived_true]', '0']))).toEqual(only('a', 'c', 'e', 'f'));
    expect(ids(qs(['filter[archived_false]', 'true']))).toEqual(only('a', 'c', 'e', 'f'));
    expect(ids(qs(['filter[archived_false]', 'false']))).toEqual(only('b', 'd'));
    expect(ids(qs(['filter[archived_not_true]', '1']))).toEqual(only('a', 'c', 'e', 'f'));
    expect(ids(qs(['filter[archived_not_false]', '1']))).toEqual(only('b', 'd'));
  });

  it('ignores a switch predicate whose value is not a boolean', () => {
    expect(ids(qs(['filter[archived_true]', 'maybe']))).toEqual(ALL);
    expect(ids(qs(['filter[name_null]', 'yes']))).toEqual(ALL);
  });
});

describe('null, present and blank', () => {
  it('_null=1 means IS NULL and _null=0 means IS NOT NULL', () => {
    expect(ids(qs(['filter[name_null]', '1']))).toEqual(['d']);
    expect(ids(qs(['filter[name_null]', 'true']))).toEqual(['d']);
    expect(ids(qs(['filter[name_null]', '0']))).toEqual(except('d'));
    expect(ids(qs(['filter[name_null]', 'false']))).toEqual(except('d'));
  });

  it('not_null is the opposite of null', () => {
    expect(ids(qs(['filter[size_not_null]', '1']))).toEqual(except('d'));
    expect(ids(qs(['filter[size_not_null]', '0']))).toEqual(['d']);
  });

  it('present excludes NULL and empty strings; blank selects them', () => {
    expect(ids(qs(['filter[name_present]', '1']))).toEqual(except('d', 'e'));
    expect(ids(qs(['filter[name_present]', '0']))).toEqual(only('d', 'e'));
    expect(ids(qs(['filter[name_blank]', '1']))).toEqual(only('d', 'e'));
    expect(ids(qs(['filter[name_blank]', '0']))).toEqual(except('d', 'e'));
  });
});

describe('datetimes', () => {
  it('compares the stored microsecond text exactly', () => {
    expect(ids(qs(['filter[created_at_eq]', '2025-04-25T06:21:23.984222Z']))).toEqual(['b']);
  });

  it('treats a value without fraction as .000000, so gt excludes the same second at .000000', () => {
    expect(ids(qs(['filter[created_at_gt]', '2025-04-25T06:21:23Z']))).toEqual(only('b', 'd', 'e'));
    expect(ids(qs(['filter[created_at_gteq]', '2025-04-25T06:21:23Z']))).toEqual(only('a', 'b', 'd', 'e'));
    expect(ids(qs(['filter[created_at_eq]', '2025-04-25T06:21:23Z']))).toEqual(['a']);
  });

  it('pads milliseconds to microseconds', () => {
    expect(ids(qs(['filter[created_at_gt]', '2025-04-25T06:21:23.984Z']))).toEqual(only('b', 'd', 'e'));
    expect(ids(qs(['filter[created_at_gt]', '2025-04-25T06:21:23.984222Z']))).toEqual(only('d', 'e'));
  });

  it('truncates fractions beyond microseconds', () => {
    expect(ids(qs(['filter[created_at_eq]', '2025-04-25T06:21:23.984222999Z']))).toEqual(['b']);
  });

  it('reads a date alone as midnight UTC', () => {
    expect(ids(qs(['filter[created_at_lt]', '2025-04-25']))).toEqual(['c']);
    expect(ids(qs(['filter[created_at_eq]', '2025-04-25']))).toEqual(['f']);
    expect(ids(qs(['filter[created_at_gteq]', '2025-04-26']))).toEqual(only('d', 'e'));
  });

  it('reads a value without zone as UTC and accepts a space separator and minutes only', () => {
    expect(ids(qs(['filter[created_at_eq]', '2025-04-25T06:21:23']))).toEqual(['a']);
    expect(ids(qs(['filter[created_at_eq]', '2025-04-25 06:21:23']))).toEqual(['a']);
    expect(ids(qs(['filter[created_at_lt]', '2025-04-25T06:21']))).toEqual(only('c', 'f'));
  });

  it('applies UTC offsets', () => {
    expect(ids(qs(['filter[created_at_eq]', '2025-04-25T08:21:23+02:00']))).toEqual(['a']);
    expect(ids(qs(['filter[created_at_eq]', '2025-04-24T20:00:00-0400']))).toEqual(['f']);
    expect(ids(qs(['filter[created_at_eq]', '2025-04-25T01:00:00+01']))).toEqual(['f']);
  });

  it('reads an unencoded + offset, which arrives as a space', () => {
    expect(ids('filter[created_at_eq]=2025-04-25T08:21:23+02:00')).toEqual(['a']);
  });

  it('makes impossible or unparseable values match nothing', () => {
    for (const bad of [
      'yesterday',
      '2025-02-30',
      '2025-13-01',
      '2025-04-25T24:00:00Z',
      '25/04/2025',
      '2025-4-5',
    ]) {
      expect(ids(qs(['filter[created_at_lt]', bad]))).toEqual([]);
    }
  });

  it('leaves datetime text matching (cont/start) unnormalised', () => {
    expect(ids(qs(['filter[created_at_start]', '2025-04-25']))).toEqual(only('a', 'b', 'f'));
  });
});

describe('combining conditions', () => {
  it('ANDs conditions by default', () => {
    expect(ids(qs(['filter[code_cont]', 'd'], ['filter[archived_eq]', 'false']))).toEqual(
      only('a', 'c', 'f'),
    );
  });

  it('ORs conditions with m=or (any case)', () => {
    expect(ids(qs(['filter[code_eq]', 'prod'], ['filter[size_eq]', '5'], ['filter[m]', 'or']))).toEqual(
      only('a', 'c'),
    );
    expect(ids(qs(['filter[code_eq]', 'prod'], ['filter[size_eq]', '5'], ['filter[m]', 'OR']))).toEqual(
      only('a', 'c'),
    );
    expect(ids(qs(['filter[code_eq]', 'prod'], ['filter[size_eq]', '5'], ['filter[m]', 'and']))).toEqual([]);
  });

  it('keeps multi-part conditions grouped under m=or', () => {
    expect(ids(qs(['filter[name_present]', '1'], ['filter[code_eq]', 'dev_1'], ['filter[m]', 'or']))).toEqual(
      except('e'),
    );
  });

  it('supports ransack attribute combinations with _or_ and _and_', () => {
    expect(ids(qs(['filter[code_or_name_cont]', 'backup']))).toEqual(['b']);
    expect(ids(qs(['filter[code_or_name_cont]', 'demo']))).toEqual(['c']);
    expect(ids(qs(['filter[code_and_name_start]', 'p']))).toEqual(only('a', 'b'));
    expect(ids(qs(['filter[code_or_colour_eq]', 'prod']))).toEqual(ALL);
  });
});

describe('JSON attributes', () => {
  it('compares a top-level key as text', () => {
    expect(ids(qs(['filter[metadata_approver_eq]', 'A. Manager']))).toEqual(only('a', 'e'));
    expect(ids(qs(['filter[metadata_approver_cont]', 'manager']))).toEqual(only('a', 'e'));
    expect(
      ids(qs(['filter[metadata_approver_in][]', 'B. Boss'], ['filter[metadata_approver_in][]', 'x'])),
    ).toEqual(['b']);
  });

  it('follows nested keys joined by a comma', () => {
    expect(ids(qs(['filter[metadata_nested,key_eq]', 'v1']))).toEqual(['a']);
    expect(ids(qs(['filter[metadata_nested,key_not_eq]', 'v1']))).toEqual(['b']);
  });

  it('reads JSON null and missing keys as NULL', () => {
    expect(ids(qs(['filter[metadata_nested,key_null]', '1']))).toEqual(only('c', 'd', 'e', 'f'));
    expect(ids(qs(['filter[metadata_nested,key_present]', '1']))).toEqual(only('a', 'b'));
  });

  it('reads numbers and booleans as their JSON text', () => {
    expect(ids(qs(['filter[metadata_priority_eq]', '5']))).toEqual(['a']);
    expect(ids(qs(['filter[metadata_priority_eq]', '7.5']))).toEqual(['e']);
    expect(ids(qs(['filter[metadata_enabled_eq]', 'true']))).toEqual(['a']);
    expect(ids(qs(['filter[metadata_enabled_true]', '1']))).toEqual(['a']);
    expect(ids(qs(['filter[metadata_enabled_false]', '1']))).toEqual(['b']);
  });

  it('orders JSON numbers numerically against a numeric value and skips non-numbers', () => {
    expect(ids(qs(['filter[metadata_priority_gt]', '6']))).toEqual(only('c', 'e'));
    expect(ids(qs(['filter[metadata_priority_lt]', '10']))).toEqual(only('a', 'e'));
  });

  it('orders JSON values as text against a non-numeric value', () => {
    expect(ids(qs(['filter[metadata_priority_gteq]', 'h']))).toEqual(['b']);
  });

  it('prefers an exact column over a JSON key with the same spelling', () => {
    expect(ids(qs(['filter[metadata_version_gt]', '1']))).toEqual(only('b', 'c', 'f'));
  });

  it('compares the whole document when no key is given', () => {
    expect(ids(qs(['filter[metadata_eq]', '{}']))).toEqual(['d']);
  });

  it('addresses keys containing quotes, backslashes, dots and dashes literally', () => {
    expect(ids(qs(['filter[metadata_a"b_eq]', 'quoted']))).toEqual(['c']);
    expect(ids(qs(['filter[metadata_back\\slash_eq]', 'bs']))).toEqual(['c']);
    expect(ids(qs(['filter[metadata_x.y_eq]', 'dot']))).toEqual(['c']);
    expect(ids(qs(["filter[metadata_it's_eq]", 'apos']))).toEqual(['c']);
    expect(ids(qs(['filter[metadata_tags,x-y_eq]', 'b']))).toEqual(['a']);
  });

  it('passes the JSON path as a parameter, not as SQL', () => {
    const compiled = compile(qs(['filter[metadata_a"b_eq]', 'quoted']));
    expect(compiled.where).not.toContain('a"b');
    expect(compiled.params).toContain('$."a\\"b"');
  });

  it('reads malformed JSON as NULL instead of failing the query', () => {
    expect(ids(qs(['filter[metadata_approver_null]', '1']))).toEqual(only('c', 'd', 'f'));
    expect(ids(qs(['filter[metadata_priority_gt]', '0']))).toEqual(only('a', 'c', 'e'));
  });
});

describe('parent fields', () => {
  it('are plain schema entries backed by any SQL expression', () => {
    expect(ids(qs(['filter[parent_code_eq]', 'DX']))).toEqual(only('c', 'd', 'f'));
  });
});

describe('sorting', () => {
  it('sorts by one attribute with a direction and keeps the default order as a tiebreak', () => {
    const compiled = compile(qs(['filter[sorts]', 'code desc']));
    expect(compiled.sorted).toBe(true);
    expect(compiled.orderBy).toBe('i.code DESC NULLS FIRST, i.id ASC');
    expect(ids(qs(['filter[sorts]', 'code desc']))).toEqual(['e', 'a', 'f', 'd', 'c', 'b']);
  });

  it('sorts ascending by default, with NULLs last as in PostgreSQL', () => {
    expect(ids(qs(['filter[sorts]', 'size']))).toEqual(['e', 'c', 'f', 'a', 'b', 'd']);
    expect(ids(qs(['filter[sorts]', 'size desc']))).toEqual(['d', 'b', 'a', 'f', 'c', 'e']);
  });

  it('applies several sorts in order', () => {
    // Binary text order: '' < 'Demo…' < 'Production' < "it's"; NULL names last.
    expect(ids(qs(['filter[sorts][]', 'archived desc'], ['filter[sorts][]', 'name']))).toEqual([
      'b',
      'd',
      'e',
      'c',
      'a',
      'f',
    ]);
  });

  it('uses the default order for ties', () => {
    expect(ids(qs(['filter[sorts]', 'archived']))).toEqual(['a', 'c', 'e', 'f', 'b', 'd']);
  });

  it('reads the direction case-insensitively and falls back to asc for anything else', () => {
    expect(ids(qs(['filter[sorts]', 'size DESC']))).toEqual(['d', 'b', 'a', 'f', 'c', 'e']);
    expect(ids(qs(['filter[sorts]', 'size sideways']))).toEqual(['e', 'c', 'f', 'a', 'b', 'd']);
    expect(ids(qs(['filter[sorts]', 'size desc; DROP TABLE items']))).toEqual(['e', 'c', 'f', 'a', 'b', 'd']);
  });

  it('ignores unknown sort attributes and reports sorted=false when none remain', () => {
    const compiled = compile(qs(['filter[sorts]', 'colour desc'], ['filter[sorts]', '']));
    expect(compiled).toMatchObject({ orderBy: 'i.id ASC', sorted: false });
  });

  it('accepts the s alias', () => {
    expect(ids(qs(['filter[s]', 'code desc']))).toEqual(['e', 'a', 'f', 'd', 'c', 'b']);
  });

  it('sorts by nested JSON keys', () => {
    expect(ids(qs(['filter[sorts]', 'metadata_nested,key desc']))).toEqual(['c', 'd', 'e', 'f', 'b', 'a']);
    // SQLite orders numbers before text; missing keys and malformed JSON are NULL, last when ascending.
    expect(ids(qs(['filter[sorts]', 'metadata_priority']))).toEqual(['a', 'e', 'c', 'b', 'd', 'f']);
  });

  it('ignores JSON sort keys with characters that could leave the SQL string', () => {
    for (const sort of ["metadata_x') DESC; DROP TABLE items; --", 'metadata_a"b', 'metadata_back\\slash']) {
      expect(compile(qs(['filter[sorts]', sort]))).toMatchObject({ orderBy: 'i.id ASC', sorted: false });
    }
  });

  it('returns the bare default order when it is empty and nothing is sorted', () => {
    expect(compileFilter(new URLSearchParams(), SCHEMA, { defaultOrder: '' }).orderBy).toBe('');
  });
});

describe('injection attempts', () => {
  const payloads = [
    "'; DROP TABLE items; --",
    "prod' OR '1'='1",
    '") OR 1=1 --',
    "'); DELETE FROM items; --",
    '%',
    '_',
    '\\',
    '?',
  ];

  it('never puts values into the SQL text', () => {
    for (const payload of payloads) {
      for (const predicate of ['eq', 'cont', 'in', 'lt', 'start', 'matches']) {
        const compiled = compile(qs([`filter[code_${predicate}]`, `zz${payload}`]));
        expect(compiled.where).not.toContain(`zz${payload}`);
      }
    }
  });

  it('neither breaks the query nor matches wrongly', () => {
    for (const payload of payloads) {
      expect(ids(qs(['filter[code_eq]', payload]))).toEqual([]);
      expect(ids(qs(['filter[code_in][]', payload], ['filter[code_in][]', 'demo']))).toEqual(['c']);
      expect(ids(qs(['filter[name_end]', payload]))).toEqual([]);
      expect(ids(qs([`filter[metadata_${payload}_eq]`, 'x']))).toEqual([]);
    }
    expect(db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: ROWS.length });
  });

  it('ignores attribute names carrying SQL', () => {
    for (const name of ["code' OR 1=1 --", 'code) OR (1=1', '1=1; DROP TABLE items', 'code;--']) {
      expect(ids(qs([`filter[${name}_eq]`, 'x']))).toEqual(ALL);
    }
    expect(db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: ROWS.length });
  });

  it('ignores sort strings carrying SQL', () => {
    expect(compile(qs(['filter[sorts]', 'code; DROP TABLE items']))).toMatchObject({ orderBy: 'i.id ASC' });
    expect(compile(qs(['filter[sorts]', '(SELECT 1) desc']))).toMatchObject({ orderBy: 'i.id ASC' });
  });
});

describe('queryOf', () => {
  it('parses the part after ? and ignores a fragment', () => {
    expect(queryOf('/api/items?filter%5Bcode_eq%5D=prod&limit=2#top').get('filter[code_eq]')).toBe('prod');
    expect(queryOf('/api/items?limit=2#top').get('limit')).toBe('2');
  });

  it('returns empty params for a URL without a query', () => {
    expect([...queryOf('/api/items')]).toEqual([]);
  });
});

describe('cost', () => {
  it('emits one parameter per value, so the work grows linearly with the query', () => {
    const pairs = Array.from(
      { length: 5000 },
      (_, index) => ['filter[code_in][]', `code-${String(index)}`] as const,
    );
    const compiled = compile(qs(...pairs));
    expect(compiled.params).toHaveLength(5000);
    expect(compiled.where.length).toBeLessThan(5000 * 4 + 100);
    expect(ids(qs(...pairs, ['filter[code_in][]', 'prod']))).toEqual(['a']);
  });

  it('compiles many conditions and huge hostile values quickly (no catastrophic backtracking)', () => {
    const hostile = [
      '1'.repeat(200_000) + 'x',
      '2025-04-25T06:21:23.' + '9'.repeat(200_000) + '!',
      '+'.repeat(200_000),
      ('1.' + 'e').repeat(50_000),
    ];
    const pairs: (readonly [string, string])[] = [];
    for (const value of hostile) {
      pairs.push(
        ['filter[size_eq]', value],
        ['filter[created_at_gt]', value],
        ['filter[metadata_a_lt]', value],
      );
    }
    for (let index = 0; index < 2000; index += 1)
      pairs.push([`filter[unknown_${String(index)}_${'x_'.repeat(20)}eq]`, 'v']);
    pairs.push([`filter[${'_or_'.repeat(10_000)}eq]`, 'v'], ['filter[sorts]', `${'a '.repeat(50_000)}desc`]);
    const query = qs(...pairs);
    const started = performance.now();
    const compiled = compile(query);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(ids(query)).toEqual([]);
    expect(compiled.sorted).toBe(false);
  });
});
