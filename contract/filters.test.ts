import { describe, expect, it } from 'vitest';
import {
  FILTER_ATTRIBUTES,
  jsonFilterAttribute,
  parseFilterKey,
  RANSACK_PREDICATES,
  SORT_ATTRIBUTES,
  takesMultipleValues,
} from './filters.ts';
import type { ChangeFilterKey, ChangeSort } from './filters.ts';

describe('ransack predicates', () => {
  it('cover ransack 3.2.1: 18 value predicates, their _any/_all forms and 8 flags', () => {
    expect(RANSACK_PREDICATES).toHaveLength(18 * 3 + 8);
    expect(new Set(RANSACK_PREDICATES).size).toBe(RANSACK_PREDICATES.length);
    for (const predicate of [
      'eq',
      'not_eq',
      'lteq',
      'in',
      'not_in',
      'start',
      'end',
      'cont',
      'i_cont',
      'null',
      'not_null',
      'true',
      'false',
      'present',
      'blank',
      'eq_any',
      'not_in_all',
    ] as const) {
      expect(RANSACK_PREDICATES).toContain(predicate);
    }
  });

  it('send list predicates as several values and the rest as one', () => {
    expect(takesMultipleValues('in')).toBe(true);
    expect(takesMultipleValues('not_in')).toBe(true);
    expect(takesMultipleValues('cont_any')).toBe(true);
    expect(takesMultipleValues('eq')).toBe(false);
    expect(takesMultipleValues('null')).toBe(false);
  });
});

describe('parseFilterKey', () => {
  it('splits on the longest predicate that ends the key', () => {
    expect(parseFilterKey('created_at_not_eq')).toEqual({ attribute: 'created_at', predicate: 'not_eq' });
    expect(parseFilterKey('status_code_not_in')).toEqual({ attribute: 'status_code', predicate: 'not_in' });
    expect(parseFilterKey('finished_at_not_null')).toEqual({
      attribute: 'finished_at',
      predicate: 'not_null',
    });
    expect(parseFilterKey('logged_at_gteq')).toEqual({ attribute: 'logged_at', predicate: 'gteq' });
    expect(parseFilterKey('created_at_lteq_any')).toEqual({ attribute: 'created_at', predicate: 'lteq_any' });
    expect(parseFilterKey('type_start')).toEqual({ attribute: 'type', predicate: 'start' });
    expect(parseFilterKey('name_i_cont')).toEqual({ attribute: 'name', predicate: 'i_cont' });
  });

  it('keeps JSON paths, commas included, in the attribute', () => {
    expect(parseFilterKey('metadata_nested,key_eq')).toEqual({
      attribute: 'metadata_nested,key',
      predicate: 'eq',
    });
  });

  it('answers null when no predicate ends the key or nothing precedes it', () => {
    expect(parseFilterKey('sorts')).toBeNull();
    expect(parseFilterKey('m')).toBeNull();
    expect(parseFilterKey('eq')).toBeNull();
    expect(parseFilterKey('_eq')).toBeNull();
  });
});

describe('filter vocabularies', () => {
  it('build JSON attribute keys with underscores, nested keys with commas', () => {
    expect(jsonFilterAttribute('metadata', ['approver'])).toBe('metadata_approver');
    expect(jsonFilterAttribute('metadata', ['nested', 'key'])).toBe('metadata_nested,key');
  });

  it('let every collection filter by id and sort only by attributes it can filter by', () => {
    for (const [collection, attributes] of Object.entries(FILTER_ATTRIBUTES)) {
      expect(attributes, collection).toContain('id');
    }
    const filterableBy = new Map<string, readonly string[]>(Object.entries(FILTER_ATTRIBUTES));
    for (const [collection, sortable] of Object.entries(SORT_ATTRIBUTES)) {
      const filterable = filterableBy.get(collection) ?? [];
      expect(
        sortable.filter((attribute) => !filterable.includes(attribute)),
        collection,
      ).toEqual([]);
    }
  });

  it('type the documented change filters and sorts', () => {
    const filters: ChangeFilterKey[] = ['environment_code_eq', 'status_code_in', 'created_at_lt'];
    const sorts: ChangeSort[] = ['created_at desc', 'status_code'];
    expect(filters.map(parseFilterKey).every((parsed) => parsed !== null)).toBe(true);
    expect(sorts).toHaveLength(2);
  });
});
