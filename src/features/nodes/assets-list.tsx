import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { assetListQuery, type AssetListQuery } from '@/api/assets';
import type { Environment } from '@/api/environments';
import type { Project } from '@/api/projects';
import type { ListSearch } from '@/lib/list-search';
import { nodeLinkOptions } from '@/lib/node-links';
import { ownerPath, type AssetOwner } from '@/lib/node-path';
import { ransackParams } from '@/lib/ransack';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { CreateAssetButton } from './create-asset-button';
import { ExportCsvButton } from './export-csv-button';
import { nodeListQuery, nodeListSort } from './list-filters';
import { toNodeListRow } from './node-list-table';
import { NodeListView } from './node-list-view';

export interface AssetsListProps {
  /** The project or environment that owns the assets. */
  node: Project | Environment;
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
}

function ownerOf(node: Project | Environment): AssetOwner {
  return node.kind === 'project'
    ? { projectCode: node.code }
    : { projectCode: node.projectCode, environmentCode: node.code };
}

/**
 * The assets a project or an environment owns, filtered and sorted by the server as the URL says, with
 * their export and the New asset button (which opens the asset it created).
 */
export function AssetsList({ node, search, onSearchChange }: AssetsListProps) {
  const owner = ownerOf(node);
  const navigate = useNavigate();
  const sort = nodeListSort(search);
  const query: AssetListQuery = nodeListQuery(search);
  const result = useQuery({
    ...assetListQuery(owner, query),
    placeholderData: keepPreviousData,
    select: ({ items, unreadable }) => ({
      unreadable,
      items: items.map((asset) =>
        toNodeListRow({ kind: 'asset', ...asset.owner, assetCode: asset.code }, asset),
      ),
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
      caption={`Assets of ${node.name}`}
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
          <CreateAssetButton
            owner={owner}
            authorisations={node.meta.authorisations}
            onCreated={(asset) => {
              void navigate(nodeLinkOptions({ kind: 'asset', ...owner, assetCode: asset.code }));
            }}
          />
        </ListFilterBar>
      }
    />
  );
}
