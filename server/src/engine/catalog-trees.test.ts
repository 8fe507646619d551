import { describe, expect, it } from 'vitest';
import { CATALOG_ACTIONS } from '../catalog.ts';
import {
  BIG_TREE_DEFAULT_STEPS,
  bigTreeStepCount,
  CATALOG_TREE_NAMES,
  catalogTree,
  defAt,
  echoLines,
  failureRequested,
  noisyLineCount,
  noisyMsPerLine,
  type StepDef,
} from './catalog-trees.ts';

function walk(def: StepDef, visit: (d: StepDef) => void): void {
  visit(def);
  for (const child of def.children) walk(child, visit);
}

describe('catalog trees', () => {
  it('define exactly the actions the catalog lists', () => {
    expect([...CATALOG_TREE_NAMES].sort()).toEqual(CATALOG_ACTIONS.map((a) => a.name).sort());
  });

  it('never schedule a script line after the end of its action', () => {
    for (const name of CATALOG_TREE_NAMES) {
      const tree = catalogTree(name);
      if (!tree) throw new Error(name);
      walk(tree, (d) => {
        const times = d.script.map((e) => e.atMs);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        for (const t of times) expect(t).toBeLessThanOrEqual(d.durationMs);
      });
    }
  });

  it('finds definitions by path', () => {
    const deploy = catalogTree('deploy');
    expect(deploy && defAt(deploy, '1.0')?.action).toBe('unit');
    expect(deploy && defAt(deploy, '')?.action).toBe('deploy');
    expect(deploy && defAt(deploy, '9')).toBeUndefined();
  });

  it('approval_gate needs the approvers group; manual_wait has a wait step', () => {
    const gate = catalogTree('approval_gate');
    expect(gate?.children[0]).toMatchObject({ kind: 'approval', requiresApprovalFrom: 'approvers' });
    expect(catalogTree('manual_wait')?.children[0]?.kind).toBe('wait');
  });
});

describe('big_tree', () => {
  const count = (def: StepDef): number => {
    let n = 0;
    walk(def, () => n++);
    return n;
  };

  it('has exactly step_count steps (2,000 by default), stages in sequence of parallel groups of chains', () => {
    const tree = catalogTree('big_tree');
    expect(tree && count(tree)).toBe(BIG_TREE_DEFAULT_STEPS);
    for (const n of [1, 2, 7, 55, 2001]) {
      const sized = catalogTree('big_tree', { step_count: n });
      expect(sized && count(sized)).toBe(n);
    }
    const stage = tree?.children[0];
    expect(tree?.strategy).toBe('sequential');
    expect(stage).toMatchObject({ name: 'stage 1', strategy: 'parallel' });
    expect(stage?.children[0]).toMatchObject({ name: 'group 1.1', strategy: 'sequential' });
    expect(stage?.children[0]?.children.map((c) => c.name)).toEqual([
      'check 1.1',
      'apply 1.1',
      'verify 1.1',
      'report 1.1',
    ]);
  });

  it('gives the same definition for the same size (the engine looks steps up on every event)', () => {
    expect(catalogTree('big_tree', { step_count: 300 })).toBe(catalogTree('big_tree', { step_count: '300' }));
  });

  it('step_count: whole numbers (also as text) from 1 to 10,000, else 2,000', () => {
    expect(bigTreeStepCount({})).toBe(2000);
    expect(bigTreeStepCount({ step_count: 50 })).toBe(50);
    expect(bigTreeStepCount({ step_count: ' 50 ' })).toBe(50);
    expect(bigTreeStepCount({ step_count: 50_000 })).toBe(10_000);
    for (const bad of [0, -1, 2.5, 'lots', null, [3]])
      expect(bigTreeStepCount({ step_count: bad })).toBe(2000);
  });
});

describe('property overrides', () => {
  it('log_lines: whole numbers (also as text) up to a million, else the default of 10,000', () => {
    expect(noisyLineCount({})).toBe(10_000);
    expect(noisyLineCount({ log_lines: 250 })).toBe(250);
    expect(noisyLineCount({ log_lines: '250' })).toBe(250);
    expect(noisyLineCount({ log_lines: 0 })).toBe(0);
    expect(noisyLineCount({ log_lines: 5_000_000 })).toBe(1_000_000);
    for (const bad of [-1, 1.5, 'many', null, { n: 1 }])
      expect(noisyLineCount({ log_lines: bad })).toBe(10_000);
  });

  it('lines_per_second: whole numbers from 1 to a million (also as text), else 1,000 lines per second', () => {
    expect(noisyMsPerLine({})).toBe(1);
    expect(noisyMsPerLine({ lines_per_second: 500 })).toBe(2);
    expect(noisyMsPerLine({ lines_per_second: '1000000' })).toBe(0.001);
    for (const bad of [0, -5, 2.5, 2_000_000, 'fast', null])
      expect(noisyMsPerLine({ lines_per_second: bad })).toBe(1);
  });

  it('echo: a string or a list of strings, kept verbatim; other values write nothing', () => {
    expect(echoLines({ echo: '<img src=x onerror=alert(1)>' })).toEqual(['<img src=x onerror=alert(1)>']);
    expect(echoLines({ echo: ['a', 2, '\u001b[31mb'] })).toEqual(['a', '\u001b[31mb']);
    expect(echoLines({})).toEqual([]);
    expect(echoLines({ echo: Array.from({ length: 200 }, () => 'x') })).toHaveLength(100);
  });

  it('fail_step names a step by name or by its path of names', () => {
    expect(failureRequested({ fail_step: 'unit' }, ['unit', 'test', 'deploy'])).toBe(true);
    expect(failureRequested({ fail_step: 'test/unit' }, ['unit', 'test', 'deploy'])).toBe(true);
    expect(
      failureRequested({ fail_step: ['x', 'host-3/configure'] }, ['configure', 'host-3', 'provision']),
    ).toBe(true);
    expect(failureRequested({ fail_step: 'host-3/configure' }, ['configure', 'host-2', 'provision'])).toBe(
      false,
    );
    expect(failureRequested({ fail_step: 7 }, ['unit'])).toBe(false);
    expect(failureRequested({}, ['unit'])).toBe(false);
  });
});
