import type { AssetFilterKey, AssetSort, ChangeFilterKey } from '@contract/filters';
import { describe, expect, it } from 'vitest';
import { ransackEntries, ransackParams, textSearch, type RansackQuery } from './ransack';

describe('ransackEntries', () => {
  it('sends each filter as filter[<attribute>_<predicate>]', () => {
    const query: RansackQuery<AssetFilterKey> = { filters: { code_eq: 'soa_dev', name_cont: 'SOA' } };

    expect(ransackEntries(query)).toEqual([
      ['filter[code_eq]', 'soa_dev'],
      ['filter[name_cont]', 'SOA'],
    ]);
  });

  it('sends booleans and numbers as text', () => {
    expect(ransackEntries({ filters: { archived_eq: false, finished_at_null: true, id_gt: 7 } })).toEqual([
      ['filter[archived_eq]', 'false'],
      ['filter[finished_at_null]', 'true'],
      ['filter[id_gt]', '7'],
    ]);
  });

  it('sends lists with [] once per value', () => {
    const query: RansackQuery<ChangeFilterKey> = { filters: { status_code_in: ['running', 'queued'] } };

    expect(ransackEntries(query)).toEqual([
      ['filter[status_code_in][]', 'running'],
      ['filter[status_code_in][]', 'queued'],
    ]);
  });

  it('leaves out blank values and empty lists, as ransack would ignore them', () => {
    expect(
      ransackEntries({ filters: { code_eq: '', name_cont: undefined, id_in: [], type_eq: null } }),
    ).toEqual([]);
  });

  it('switches to OR with filter[m]=or only when asked and when there is something to combine', () => {
    expect(ransackEntries({ filters: { code_cont: 'a', name_cont: 'a' }, match: 'any' })).toEqual([
      ['filter[code_cont]', 'a'],
      ['filter[name_cont]', 'a'],
      ['filter[m]', 'or'],
    ]);
    expect(ransackEntries({ filters: {}, match: 'any' })).toEqual([]);
    expect(ransackEntries({ filters: { code_cont: 'a' }, match: 'all' })).toEqual([
      ['filter[code_cont]', 'a'],
    ]);
  });

  it('sends one sort as filter[sorts] and several as a filter[sorts][] list in order', () => {
    const one: RansackQuery<AssetFilterKey, AssetSort> = { sorts: 'name desc' };
    const several: RansackQuery<AssetFilterKey, AssetSort> = { sorts: ['archived', 'name desc'] };

    expect(ransackEntries(one)).toEqual([['filter[sorts]', 'name desc']]);
    expect(ransackEntries({ sorts: ['code'] })).toEqual([['filter[sorts]', 'code']]);
    expect(ransackEntries(several)).toEqual([
      ['filter[sorts][]', 'archived'],
      ['filter[sorts][]', 'name desc'],
    ]);
  });

  it('orders filters by key so equal queries give equal URLs', () => {
    expect(ransackEntries({ filters: { name_cont: 'x', code_eq: 'y' } })).toEqual(
      ransackEntries({ filters: { code_eq: 'y', name_cont: 'x' } }),
    );
  });
});

describe('ransackParams', () => {
  it('percent-encodes brackets and spaces', () => {
    const params = ransackParams({ filters: { name_cont: 'web app' }, sorts: 'name desc' });

    expect(params.toString()).toBe('filter%5Bname_cont%5D=web+app&filter%5Bsorts%5D=name+desc');
  });
});

describe('textSearch', () => {
  it('matches any of the attributes containing the trimmed text', () => {
    expect(ransackEntries(textSearch(['name', 'code'], '  soa '))).toEqual([
      ['filter[code_cont]', 'soa'],
      ['filter[name_cont]', 'soa'],
      ['filter[m]', 'or'],
    ]);
  });

  it('gives no filter for blank text', () => {
    expect(ransackEntries(textSearch(['name', 'code'], '   '))).toEqual([]);
  });

  it('needs no OR for a single attribute', () => {
    expect(ransackEntries(textSearch(['name'], 'db'))).toEqual([['filter[name_cont]', 'db']]);
  });
});
