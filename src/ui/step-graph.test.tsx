import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { StepTreeNode } from '@/lib/step-tree';
import { treeOf } from '@/lib/step-tree-test-trees';
import { renderWithProviders } from '@/test/render-with-providers';
import { StepGraph } from './step-graph';

// deploy ─┬ build
//         ├ test ═╦ unit
//         │       ╚ integration (error)
//         └ release (aborted) ─ notify (waiting)
const tree = treeOf({
  id: 'deploy',
  status: 'error',
  children: [
    { id: 'build' },
    {
      id: 'test',
      parallel: true,
      children: [{ id: 'unit' }, { id: 'integration', status: 'error' }],
    },
    { id: 'release', status: 'aborted', children: [{ id: 'notify', status: 'waiting' }] },
  ],
});

/** The caller owns the selection (its URL); here a state stands in. */
function Harness({
  onSelect,
  initial,
  stepTree = tree,
}: {
  onSelect?: (id: string) => void;
  initial?: string;
  stepTree?: StepTreeNode;
}) {
  const [selectedId, setSelectedId] = useState(initial);
  return (
    <StepGraph
      tree={stepTree}
      selectedId={selectedId}
      onSelect={(id) => {
        setSelectedId(id);
        onSelect?.(id);
      }}
      now={Date.parse('2025-04-25T06:12:00.000Z')}
      label="Steps of change deploy"
    />
  );
}

const outline = () => screen.getByRole('tree', { name: 'Steps of change deploy' });
const item = (name: string) => within(outline()).getByRole('treeitem', { name: new RegExp(`^${name} `) });

describe('StepGraph outline', () => {
  it('lists the steps as a tree with levels, expansion and statuses in words', () => {
    renderWithProviders(<Harness />);
    const items = within(outline()).getAllByRole('treeitem');
    expect(items).toHaveLength(7);
    expect(item('deploy')).toHaveAttribute('aria-level', '1');
    expect(item('deploy')).toHaveAttribute('aria-expanded', 'true');
    expect(item('integration')).toHaveAttribute('aria-level', '3');
    expect(item('integration')).toHaveTextContent('Error');
    expect(item('release')).toHaveTextContent('Aborted');
    expect(item('notify')).toHaveTextContent('Waiting');
    expect(item('build')).not.toHaveAttribute('aria-expanded');
    expect(item('build')).toHaveTextContent('1:05');
  });

  it('moves with the arrow keys, expands and collapses, and selects with Enter', async () => {
    const onSelect = vi.fn();
    const { user } = renderWithProviders(<Harness onSelect={onSelect} />);
    expect(item('deploy')).toHaveAttribute('tabindex', '0');
    act(() => {
      item('deploy').focus();
    });
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(item('test')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(item('test')).toHaveAttribute('aria-expanded', 'false');
    expect(within(outline()).queryByRole('treeitem', { name: /^unit / })).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(item('test')).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowRight}');
    expect(item('unit')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(item('test')).toHaveFocus();
    await user.keyboard('{End}');
    expect(item('notify')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('notify');
    expect(item('notify')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(item('deploy')).toHaveFocus();
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it('follows a selection made elsewhere: the selected step becomes the tab stop', async () => {
    function Elsewhere() {
      const [selectedId, setSelectedId] = useState('build');
      return (
        <>
          <button
            type="button"
            onClick={() => {
              setSelectedId('unit');
            }}
          >
            Open unit elsewhere
          </button>
          <StepGraph
            tree={tree}
            selectedId={selectedId}
            onSelect={setSelectedId}
            label="Steps of change deploy"
          />
        </>
      );
    }
    const { user } = renderWithProviders(<Elsewhere />);
    expect(item('build')).toHaveAttribute('aria-selected', 'true');
    expect(item('build')).toHaveAttribute('tabindex', '0');
    await user.click(screen.getByRole('button', { name: 'Open unit elsewhere' }));
    expect(item('unit')).toHaveAttribute('aria-selected', 'true');
    expect(item('unit')).toHaveAttribute('tabindex', '0');
    expect(item('build')).toHaveAttribute('aria-selected', 'false');
    expect(item('build')).toHaveAttribute('tabindex', '-1');
    expect(within(outline()).getAllByRole('treeitem', { selected: true })).toHaveLength(1);
  });

  it('selects a step by clicking it in the outline', async () => {
    const onSelect = vi.fn();
    const { user } = renderWithProviders(<Harness onSelect={onSelect} />);
    await user.click(item('unit'));
    expect(onSelect).toHaveBeenCalledWith('unit');
    expect(item('unit')).toHaveAttribute('aria-selected', 'true');
  });
});

describe('StepGraph jumps', () => {
  it('"Next failed" selects the failed steps in turn, expanding what hides them', async () => {
    const onSelect = vi.fn();
    const { user } = renderWithProviders(<Harness onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(within(outline()).getAllByRole('treeitem')).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: 'Next failed (2)' }));
    expect(onSelect).toHaveBeenLastCalledWith('deploy');
    await user.click(screen.getByRole('button', { name: 'Next failed (2)' }));
    expect(onSelect).toHaveBeenLastCalledWith('integration');
    expect(item('integration')).toHaveAttribute('aria-selected', 'true');
    expect(item('test')).toHaveAttribute('aria-expanded', 'true');
  });

  it('"Next waiting" jumps to the waiting step; with none, it says why it is disabled', async () => {
    const onSelect = vi.fn();
    const { user } = renderWithProviders(<Harness onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: 'Next waiting (1)' }));
    expect(onSelect).toHaveBeenLastCalledWith('notify');
    renderWithProviders(<Harness stepTree={treeOf({ id: 'alone' })} />);
    const [, disabled] = screen.getAllByRole('button', { name: /Next waiting/ });
    expect(disabled).toHaveAttribute('aria-disabled', 'true');
    expect(disabled).toHaveAccessibleDescription('No step is waiting');
  });

  it('finds a step by name: Enter selects the next match', async () => {
    const onSelect = vi.fn();
    const { user } = renderWithProviders(<Harness onSelect={onSelect} initial="deploy" />);
    await user.type(screen.getByRole('textbox', { name: 'Find a step' }), 'T{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('test');
    expect(screen.getByText('4 matching')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('unit');
  });
});
