import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { assetListQuery, type AssetListQuery } from '@/api/assets';
import { resolveSort, sortSpec, type ListSearch } from '@/lib/list-search';
import { ownerPath, type AssetOwner } from '@/lib/node-path';
import { ransackParams } from '@/lib/ransack';
import { ExportCsvButton } from './export-csv-button';
import { listFilters } from './list-filters';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { DEFAULT_NODE_SORT, NODE_SORT_COLUMNS } from './node-list-table';
import { NodeListView } from './node-list-view';

export interface AssetsListProps {
  owner: AssetOwner;
  ownerName: string;
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
  createAction?: ReactNode;
}

/** The assets a project or an environment owns, filtered and sorted by the server as the URL says. */
export function AssetsList({ owner, ownerName, search, onSearchChange, createAction }: AssetsListProps) {
  const sort = resolveSort(search, NODE_SORT_COLUMNS, DEFAULT_NODE_SORT);
  const query: AssetListQuery = {
    filters: listFilters(search.q ?? '', search.archived),
    sorts: sortSpec(sort),
  };
  const result = useQuery({
    ...assetListQuery(owner, query),
    placeholderData: keepPreviousData,
    select: ({ items, unreadable }) => ({
      unreadable,
      items: items.map((asset) => ({
        id: asset.id,
        ref: { kind: 'asset' as const, ...asset.owner, assetCode: asset.code },
        name: asset.name,
        code: asset.code,
        description: asset.description,
        archived: asset.archived,
      })),
    }),
  });
  const fileBase = [owner.projectCode, owner.environmentCode, 'assets'].filter(Boolean).join('-');
  return (
    <NodeListView
      result={result}
      search={search}
      sort={sort}
      onSearchChange={onSearchChange}
      what="assets"
      caption={`Assets of ${ownerName}`}
      emptyHint="Assets are the things OpsChain manages (servers, databases, services), each built from a template."
      toolbar={
        <ListFilterBar search={search} onSearchChange={onSearchChange} what="assets" matches="name or code">
          <ExportCsvButton
            what="assets"
            request={{
              path: `${ownerPath(owner)}/assets`,
              params: ransackParams({ filters: query.filters }),
              fileName: fileBase,
            }}
          />
          {createAction}
        </ListFilterBar>
      }
    />
  );
}
