import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { environmentListQuery, type EnvironmentListQuery } from '@/api/environments';
import { resolveSort, sortSpec, type ListSearch } from '@/lib/list-search';
import { projectPath } from '@/lib/node-path';
import { ransackParams } from '@/lib/ransack';
import { ExportCsvButton } from './export-csv-button';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { DEFAULT_NODE_SORT, NODE_SORT_COLUMNS } from './node-list-table';
import { NodeListView } from './node-list-view';
import { listFilters } from './list-filters';

export interface EnvironmentsListProps {
  projectCode: string;
  projectName: string;
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  /** The create button, offered next to the export. */
  createAction?: ReactNode;
}

/** A project's environments, filtered and sorted by the server as the URL says. */
export function EnvironmentsList({
  projectCode,
  projectName,
  search,
  onSearchChange,
  createAction,
}: EnvironmentsListProps) {
  const sort = resolveSort(search, NODE_SORT_COLUMNS, DEFAULT_NODE_SORT);
  const query: EnvironmentListQuery = {
    filters: listFilters(search.q ?? '', search.archived),
    sorts: sortSpec(sort),
  };
  const result = useQuery({
    ...environmentListQuery(projectCode, query),
    placeholderData: keepPreviousData,
    select: ({ items, unreadable }) => ({
      unreadable,
      items: items.map((environment) => ({
        id: environment.id,
        ref: { kind: 'environment' as const, projectCode, environmentCode: environment.code },
        name: environment.name,
        code: environment.code,
        description: environment.description,
        archived: environment.archived,
      })),
    }),
  });
  return (
    <NodeListView
      result={result}
      search={search}
      sort={sort}
      onSearchChange={onSearchChange}
      what="environments"
      caption={`Environments of ${projectName}`}
      emptyHint="Environments are the places (dev, test, production) that changes run against."
      toolbar={
        <ListFilterBar
          search={search}
          onSearchChange={onSearchChange}
          what="environments"
          matches="name or code"
        >
          <ExportCsvButton
            what="environments"
            request={{
              path: `${projectPath(projectCode)}/environments`,
              params: ransackParams({ filters: query.filters }),
              fileName: `${projectCode}-environments`,
            }}
          />
          {createAction}
        </ListFilterBar>
      }
    />
  );
}
