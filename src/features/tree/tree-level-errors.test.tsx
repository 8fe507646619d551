import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { NodeSummary } from '@/api/node-summary';
import { renderWithProviders } from '@/test/render-with-providers';
import { TreeLevelErrors } from './tree-level-errors';
import { flattenTree, type Level } from './tree-model';

const bank: NodeSummary = {
  kind: 'project',
  id: 'id-bank',
  code: 'bank',
  name: 'Bank',
  description: null,
  archived: false,
  path: '/projects/bank',
  projectCode: 'bank',
  projectType: 'Enterprise',
  meta: { can_have_children: true, child_node_types: ['environment'], can_have_workflows: true },
};

const unreadable = (id: string) => [{ index: 0, id, problems: ['attributes.name: expected string'] }];

describe('TreeLevelErrors', () => {
  it('marks the unreadable children of an expanded node and the unreadable projects', () => {
    const root: Level = { status: 'ready', nodes: [bank], unreadable: unreadable('odd-project') };
    const levels = new Map<string, Level>([
      [bank.path, { status: 'ready', nodes: [], unreadable: unreadable('odd-env') }],
    ]);
    const { rows } = flattenTree({
      root,
      levels,
      expanded: new Set([bank.path]),
      filter: '',
      showArchived: false,
      selectedPath: null,
    });

    renderWithProviders(<TreeLevelErrors root={root} levels={levels} rows={rows} onRetry={vi.fn()} />);

    expect(screen.getByRole('status', { name: 'Unreadable projects' })).toHaveTextContent(
      '1 project could not be read (id odd-project; attributes.name: expected string)',
    );
    expect(screen.getByRole('status', { name: 'Unreadable children of Bank' })).toHaveTextContent(
      '1 child of Bank could not be read (id odd-env',
    );
  });
});
