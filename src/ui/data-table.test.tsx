import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordServerDenial } from '@/lib/server-denials';

import { renderWithProviders } from '@/test/render-with-providers';
import { DataTable, type DataTableProps } from './data-table';
import type { DataTableColumn } from './data-table-types';

interface Remote {
  id: string;
  name: string;
  archived: boolean;
}

const REMOTES: readonly Remote[] = [
  { id: '1', name: 'origin', archived: false },
  { id: '2', name: 'mirror', archived: true },
];

const COLUMNS: readonly DataTableColumn<Remote, 'name' | 'archived'>[] = [
  { key: 'name', header: 'Name', sortKey: 'name', isSticky: true, render: (remote) => remote.name },
  {
    key: 'status',
    header: 'Status',
    sortKey: 'archived',
    render: (remote) => (remote.archived ? 'Archived' : 'Active'),
  },
  { key: 'note', header: 'Note', isLowPriority: true, render: () => 'note' },
];

function renderTable(props: Partial<DataTableProps<Remote, 'name' | 'archived'>> = {}) {
  return renderWithProviders(
    <DataTable<Remote, 'name' | 'archived'>
      label="Git remotes"
      what="Git remotes"
      rows={REMOTES}
      rowKey={(remote) => remote.id}
      columns={COLUMNS}
      emptyTitle="No Git remotes"
      emptyHint="Git remotes are the repositories OpsChain fetches actions from."
      {...props}
    />,
  );
}

describe('DataTable', () => {
  it('shows the rows in the order given, under their column headings', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Git remotes' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'NameStatusNote',
      'originActivenote',
      'mirrorArchivednote',
    ]);
  });

  it('reports a click on a sortable heading as the next sort for the URL, and marks the current order', async () => {
    const onSortChange = vi.fn();
    const { user } = renderTable({ sort: { column: 'name', direction: 'asc' }, onSortChange });

    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: 'Status' })).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('columnheader', { name: 'Note' })).not.toHaveAttribute('aria-sort');

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSortChange).toHaveBeenLastCalledWith({ sort: 'name', dir: 'desc' });
    await user.click(screen.getByRole('button', { name: 'Status' }));
    expect(onSortChange).toHaveBeenLastCalledWith({ sort: 'archived', dir: 'asc' });
  });

  it('runs a row action on its row, with a name that says which row', async () => {
    const onAction = vi.fn();
    const { user } = renderTable({
      rowActions: [
        {
          label: (remote) => (remote.archived ? 'Restore' : 'Archive'),
          accessibleName: (remote) => `${remote.archived ? 'Restore' : 'Archive'} ${remote.name}`,
          deniedReason: null,
          onAction,
        },
      ],
    });

    await user.click(screen.getByRole('button', { name: 'Restore mirror' }));

    expect(onAction).toHaveBeenCalledWith(REMOTES[1]);
    expect(screen.getByRole('button', { name: 'Archive origin' })).toHaveTextContent('Archive');
  });

  it('keeps a denied row action in place, disabled, saying why: from meta, or from the server after a 403', async () => {
    const onAction = vi.fn();
    const deniable = { resource: '/projects/bank', action: 'git-remotes' };
    const { user, queryClient } = renderTable({
      rowActions: [
        {
          label: 'Delete',
          accessibleName: (remote) => `Delete ${remote.name}`,
          deniedReason: 'You need update permission on /projects/bank to change Git remotes',
          onAction,
        },
        {
          label: 'Credentials',
          accessibleName: (remote) => `Credentials of ${remote.name}`,
          deniedReason: null,
          deniable,
          onAction,
        },
      ],
    });

    const del = screen.getByRole('button', { name: 'Delete origin' });
    expect(del).toHaveAttribute('aria-disabled', 'true');
    expect(del).toHaveAccessibleDescription(
      'You need update permission on /projects/bank to change Git remotes',
    );
    await user.click(del);
    expect(onAction).not.toHaveBeenCalled();

    const credentials = screen.getByRole('button', { name: 'Credentials of mirror' });
    expect(credentials).not.toHaveAttribute('aria-disabled');
    act(() => {
      recordServerDenial(queryClient, deniable, 'You are not permitted to update /projects/bank');
    });
    expect(credentials).toHaveAttribute('aria-disabled', 'true');
    expect(credentials).toHaveAccessibleDescription('You are not permitted to update /projects/bank');
  });

  it('selects rows one by one or all at once, for bulk actions', async () => {
    const onChange = vi.fn();
    const selection = { selectedKeys: new Set(['1']), onChange, rowLabel: (remote: Remote) => remote.name };
    const { user } = renderTable({ selection });

    expect(screen.getByRole('checkbox', { name: 'Select origin' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select mirror' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select all Git remotes' })).toBePartiallyChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Select mirror' }));
    expect(onChange).toHaveBeenLastCalledWith(new Set(['1', '2']));
    await user.click(screen.getByRole('checkbox', { name: 'Select all Git remotes' }));
    expect(onChange).toHaveBeenLastCalledWith(new Set(['1', '2']));
    await user.click(screen.getByRole('checkbox', { name: 'Select origin' }));
    expect(onChange).toHaveBeenLastCalledWith(new Set());
  });

  it('clears the selection from the heading when every row is selected', async () => {
    const onChange = vi.fn();
    const selection = {
      selectedKeys: new Set(['1', '2']),
      onChange,
      rowLabel: (remote: Remote) => remote.name,
    };
    const { user } = renderTable({ selection });

    await user.click(screen.getByRole('checkbox', { name: 'Select all Git remotes' }));

    expect(onChange).toHaveBeenLastCalledWith(new Set());
  });

  it('shows a skeleton until the first answer', () => {
    renderTable({ rows: undefined });
    expect(screen.getByRole('status')).toHaveTextContent('Loading Git remotes');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says what the list is for when it is empty', () => {
    renderTable({ rows: [] });
    expect(screen.getByText('No Git remotes')).toBeInTheDocument();
    expect(
      screen.getByText('Git remotes are the repositories OpsChain fetches actions from.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says nothing matches a filtered empty list, and offers to clear the filter', async () => {
    const onClearFilters = vi.fn();
    const { user } = renderTable({
      rows: [],
      isFiltered: true,
      filteredEmptyTitle: 'No Git remotes match “zzz”',
      onClearFilters,
    });

    expect(screen.getByText('No Git remotes match “zzz”')).toBeInTheDocument();
    expect(screen.queryByText('No Git remotes')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(onClearFilters).toHaveBeenCalledTimes(1);
  });

  it('explains a failed load and retries', async () => {
    const onRetry = vi.fn();
    const { user } = renderTable({
      rows: undefined,
      failure: 'The OpsChain server could not be reached.',
      onRetry,
    });

    expect(screen.getByRole('alert')).toHaveTextContent('The Git remotes could not be loaded');
    expect(screen.getByRole('alert')).toHaveTextContent('The OpsChain server could not be reached.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('names the rows that could not be read in a notice above the readable ones', () => {
    renderTable({ unreadable: [{ index: 2, id: 'bad-3', problems: ['attributes.name: expected string'] }] });

    const notice = screen.getByRole('status', { name: 'Unreadable Git remotes' });
    expect(notice).toHaveTextContent(
      '1 Git remote could not be read (id bad-3; attributes.name: expected string)',
    );
    expect(within(screen.getByRole('table', { name: 'Git remotes' })).getAllByRole('row')).toHaveLength(3);
  });

  it('names an unreadable row with the singular it is given, where dropping an "s" would not do', () => {
    renderTable({
      what: 'version history entries',
      one: 'version history entry',
      unreadable: [{ index: 0, id: 'bad-3', problems: ['attributes.name: expected string'] }],
    });

    expect(screen.getByRole('status', { name: 'Unreadable version history entries' })).toHaveTextContent(
      '1 version history entry could not be read (id bad-3; attributes.name: expected string)',
    );
  });

  it('does not call a list empty when its only rows could not be read', () => {
    renderTable({
      rows: [],
      unreadable: [{ index: 0, id: 'bad-3', problems: ['attributes.name: expected string'] }],
    });

    expect(screen.queryByText('No Git remotes')).toBeNull();
    expect(screen.getByRole('status', { name: 'Unreadable Git remotes' })).toBeInTheDocument();
  });

  it('opens a row’s details below it', () => {
    renderTable({ rowDetails: (remote) => (remote.id === '2' ? `Details of ${remote.name}` : null) });

    const rows = within(screen.getByRole('table', { name: 'Git remotes' })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'NameStatusNote',
      'originActivenote',
      'mirrorArchivednote',
      'Details of mirror',
    ]);
  });
});
