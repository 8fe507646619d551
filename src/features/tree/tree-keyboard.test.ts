import { describe, expect, it } from 'vitest';
import type { NodeSummary } from '@/api/node-summary';
import { commandForKey, isTypeAheadKey, TypeAheadBuffer, typeAheadIndex } from './tree-keyboard';
import type { TreeRow } from './tree-model';

function row(path: string, name: string, extra: Partial<TreeRow> = {}): TreeRow {
  const node: NodeSummary = {
    kind: 'project',
    id: path,
    code: path.split('/').pop() ?? path,
    name,
    description: null,
    archived: false,
    path,
    projectCode: 'p',
    meta: { can_have_children: true, child_node_types: ['environment'], can_have_workflows: false },
  };
  return {
    node,
    level: 1,
    setSize: 1,
    posInSet: 1,
    isExpandable: true,
    isExpanded: false,
    childStatus: null,
    childCount: null,
    parentIndex: null,
    isSelected: false,
    isMatch: false,
    isContext: false,
    ...extra,
  };
}

// bank (expanded) > dev (expanded) > soa; bank > prod (collapsed); retail (collapsed); website (leaf)
const rows: TreeRow[] = [
  row('/projects/bank', 'Core Banking', { isExpanded: true, childStatus: 'ready' }),
  row('/projects/bank/environments/dev', 'Development', {
    level: 2,
    parentIndex: 0,
    isExpanded: true,
    childStatus: 'ready',
  }),
  row('/projects/bank/environments/dev/assets/soa', 'SOA', { level: 3, parentIndex: 1, isExpandable: false }),
  row('/projects/bank/environments/prod', 'Production', { level: 2, parentIndex: 0 }),
  row('/projects/retail', 'Retail'),
  row('/projects/website', 'Website', { isExpandable: false }),
];

describe('commandForKey', () => {
  it('moves down and up through visible rows, stopping at the ends', () => {
    expect(commandForKey(rows, 0, { key: 'ArrowDown' })).toEqual({ type: 'focus', index: 1 });
    expect(commandForKey(rows, 3, { key: 'ArrowUp' })).toEqual({ type: 'focus', index: 2 });
    expect(commandForKey(rows, 5, { key: 'ArrowDown' })).toBeNull();
    expect(commandForKey(rows, 0, { key: 'ArrowUp' })).toBeNull();
  });

  it('jumps to the first and last rows with Home and End', () => {
    expect(commandForKey(rows, 3, { key: 'Home' })).toEqual({ type: 'focus', index: 0 });
    expect(commandForKey(rows, 3, { key: 'End' })).toEqual({ type: 'focus', index: 5 });
    expect(commandForKey(rows, 0, { key: 'Home' })).toBeNull();
  });

  it('expands a closed node with Right, then moves to its first child', () => {
    expect(commandForKey(rows, 4, { key: 'ArrowRight' })).toEqual({
      type: 'expand',
      path: '/projects/retail',
    });
    expect(commandForKey(rows, 0, { key: 'ArrowRight' })).toEqual({ type: 'focus', index: 1 });
  });

  it('does nothing with Right on a leaf, or on an open node whose children are not shown yet', () => {
    expect(commandForKey(rows, 2, { key: 'ArrowRight' })).toBeNull();
    const loading = [row('/projects/retail', 'Retail', { isExpanded: true, childStatus: 'loading' })];
    expect(commandForKey(loading, 0, { key: 'ArrowRight' })).toBeNull();
  });

  it('collapses an open node with Left, or moves to the parent of a closed one', () => {
    expect(commandForKey(rows, 1, { key: 'ArrowLeft' })).toEqual({
      type: 'collapse',
      path: '/projects/bank/environments/dev',
    });
    expect(commandForKey(rows, 2, { key: 'ArrowLeft' })).toEqual({ type: 'focus', index: 1 });
    expect(commandForKey(rows, 3, { key: 'ArrowLeft' })).toEqual({ type: 'focus', index: 0 });
    expect(commandForKey(rows, 4, { key: 'ArrowLeft' })).toBeNull();
  });

  it('opens the focused node with Enter or Space', () => {
    expect(commandForKey(rows, 2, { key: 'Enter' })).toEqual({
      type: 'open',
      path: '/projects/bank/environments/dev/assets/soa',
    });
    expect(commandForKey(rows, 5, { key: ' ' })).toEqual({ type: 'open', path: '/projects/website' });
  });

  it('expands every closed sibling with *', () => {
    expect(commandForKey(rows, 0, { key: '*' })).toEqual({
      type: 'expand-siblings',
      paths: ['/projects/retail'],
    });
    expect(commandForKey(rows, 1, { key: '*' })).toEqual({
      type: 'expand-siblings',
      paths: ['/projects/bank/environments/prod'],
    });
  });

  it('leaves modified keys and unknown keys to the browser', () => {
    expect(commandForKey(rows, 0, { key: 'ArrowDown', altKey: true })).toBeNull();
    expect(commandForKey(rows, 0, { key: 'Enter', ctrlKey: true })).toBeNull();
    expect(commandForKey(rows, 0, { key: 'Tab' })).toBeNull();
    expect(commandForKey([], 0, { key: 'ArrowDown' })).toBeNull();
  });
});

describe('type-ahead', () => {
  it('moves to the next row whose name starts with the typed character, wrapping round', () => {
    expect(typeAheadIndex(rows, 0, 'p')).toBe(3);
    expect(typeAheadIndex(rows, 3, 'c')).toBe(0);
    expect(typeAheadIndex(rows, 5, 'r')).toBe(4);
  });

  it('keeps the current row while it still matches a longer text', () => {
    expect(typeAheadIndex(rows, 3, 'pr')).toBe(3);
    expect(typeAheadIndex(rows, 0, 'de')).toBe(1);
  });

  it('finds nothing for text no name starts with', () => {
    expect(typeAheadIndex(rows, 0, 'zz')).toBeNull();
  });

  it('collects characters typed in quick succession and starts again after a pause', () => {
    const buffer = new TypeAheadBuffer(500);

    expect(buffer.add('r', 1000)).toBe('r');
    expect(buffer.add('e', 1200)).toBe('re');
    expect(buffer.add('t', 1400)).toBe('ret');
    expect(buffer.add('w', 2000)).toBe('w');
  });

  it('cycles with a repeated character instead of looking for "ppp"', () => {
    const buffer = new TypeAheadBuffer(500);

    expect(buffer.add('p', 0)).toBe('p');
    expect(buffer.add('p', 100)).toBe('p');
  });

  it('takes printable characters only, leaving Space, * and shortcuts alone', () => {
    expect(isTypeAheadKey({ key: 'a' })).toBe(true);
    expect(isTypeAheadKey({ key: '7' })).toBe(true);
    expect(isTypeAheadKey({ key: ' ' })).toBe(false);
    expect(isTypeAheadKey({ key: '*' })).toBe(false);
    expect(isTypeAheadKey({ key: 'ArrowDown' })).toBe(false);
    expect(isTypeAheadKey({ key: 'k', ctrlKey: true })).toBe(false);
  });
});
