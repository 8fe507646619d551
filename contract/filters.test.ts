import { describe, expect, it } from 'vitest';
import { FILTER_ATTRIBUTES, jsonFilterAttribute, RANSACK_PREDICATES, SORT_ATTRIBUTES } from './filters.ts';

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
});
