import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import { ListView, type ListViewProps } from './list-view';

const props: Omit<ListViewProps, 'count' | 'unreadable'> = {
  what: 'environments',
  toolbar: null,
  isFetching: false,
  failure: null,
  onRetry: vi.fn(),
  isFiltered: false,
  filteredEmptyTitle: 'No environments match',
  onClearFilters: vi.fn(),
  emptyTitle: 'No active environments',
  emptyHint: 'Add one.',
  children: <p>the table</p>,
};

const unreadable = [{ index: 1, id: 'env-9', problems: ['attributes.name: expected string'] }];

describe('ListView', () => {
  it('marks unreadable rows above the rows it could read', () => {
    renderWithProviders(<ListView {...props} count={2} unreadable={unreadable} />);

    expect(screen.getByRole('status', { name: 'Unreadable environments' })).toHaveTextContent(
      '1 environment could not be read (id env-9; attributes.name: expected string)',
    );
    expect(screen.getByText('the table')).toBeInTheDocument();
  });

  it('does not call a list empty when its only rows were unreadable', () => {
    renderWithProviders(<ListView {...props} count={0} unreadable={unreadable} />);

    expect(screen.getByRole('status', { name: 'Unreadable environments' })).toBeInTheDocument();
    expect(screen.queryByText('No active environments')).not.toBeInTheDocument();
  });
});
