import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convergedOrigins, ownerLayerKind, type OriginLayer } from './converged-origins';

const layer = (label: string, data: Record<string, unknown>): OriginLayer => ({ label, data });

describe('convergedOrigins', () => {
  it('names the layer behind every key at every depth; later layers win, objects merge', () => {
    const rows = convergedOrigins([
      layer('repository', { db: { host: 'repo-host', port: 5432 }, tier: 'dev' }),
      layer('project', { db: { host: 'project-host' }, owner: 'team' }),
      layer('environment', { tier: 'prod' }),
      layer('asset', { db: { pool: 4 } }),
    ]);
    expect(rows.map((row) => [row.pointer, row.suppliedBy, row.replaced])).toEqual([
      ['/db', [0, 1, 3], []],
      ['/db/host', [1], [0]],
      ['/db/port', [0], []],
      ['/db/pool', [3], []],
      ['/tier', [2], [0]],
      ['/owner', [1], []],
    ]);
    expect(rows.find((row) => row.pointer === '/db/host')?.value).toBe('project-host');
  });

  it('treats arrays as whole values and lets a scalar replace an object (and the other way round)', () => {
    const rows = convergedOrigins([
      layer('project', { list: [1, 2, 3], box: { a: 1 }, flag: true }),
      layer('environment', { list: [9], box: 'flat', flag: { on: true } }),
    ]);
    expect(rows.map((row) => [row.pointer, row.isObject, row.suppliedBy, row.replaced])).toEqual([
      ['/list', false, [1], [0]],
      ['/box', false, [1], [0]],
      ['/flag', true, [1], [0]],
      ['/flag/on', false, [1], []],
    ]);
    expect(rows[0]?.value).toEqual([9]);
  });

  it('escapes keys in pointers', () => {
    expect(convergedOrigins([layer('asset', { 'a/b': { 'c~d': 1 } })]).map((row) => row.pointer)).toEqual([
      '/a~1b',
      '/a~1b/c~0d',
    ]);
  });

  it('agrees with a plain deep merge for random layers: each value comes from the layer it names', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.integer(),
        fc.constantFrom('x', 'y', true, null),
        fc.array(fc.integer(), { maxLength: 2 }),
        tie('object'),
      ),
      object: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }),
    }));
    const isObject = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    const deepMerge = (base: unknown, over: unknown): unknown => {
      if (!isObject(over) || !isObject(base)) return over;
      const out: Record<string, unknown> = { ...base };
      for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
      return out;
    };
    const at = (doc: unknown, path: readonly string[]): unknown =>
      path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc);
    fc.assert(
      fc.property(fc.array(json.object, { minLength: 1, maxLength: 4 }), (datas) => {
        const layers = datas.map((data) => layer('project', data));
        const merged = datas.reduce<unknown>((acc, data) => deepMerge(acc, data), {});
        const rows = convergedOrigins(layers);
        for (const row of rows) {
          const inForce = at(merged, row.path);
          if (row.isObject) {
            expect(typeof inForce === 'object' && inForce !== null && !Array.isArray(inForce)).toBe(true);
          } else {
            expect(row.value).toEqual(inForce);
            const source = row.suppliedBy[0];
            expect(at(datas[source ?? -1], row.path)).toEqual(inForce);
          }
        }
        const leaves = rows.filter((row) => !row.isObject).length;
        const countLeaves = (v: unknown): number =>
          isObject(v) ? Object.values(v).reduce<number>((sum, child) => sum + countLeaves(child), 0) : 1;
        expect(leaves).toBe(countLeaves(merged));
      }),
    );
  });
});

describe('ownerLayerKind', () => {
  it('reads the level from the owner link', () => {
    expect(ownerLayerKind('/api/projects/bank')).toBe('project');
    expect(ownerLayerKind('/api/projects/bank/environments/prod')).toBe('environment');
    expect(ownerLayerKind('/api/projects/bank/environments/prod/assets/db')).toBe('asset');
    expect(ownerLayerKind('/api/projects/bank/assets/db')).toBe('asset');
    expect(ownerLayerKind('/api/somewhere')).toBeNull();
    expect(ownerLayerKind(null)).toBeNull();
  });
});
