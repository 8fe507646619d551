import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { environmentListQuery, type EnvironmentListQuery } from '@/api/environments';
import type { Project } from '@/api/projects';
import type { ListSearch } from '@/lib/list-search';
import { nodeLinkOptions } from '@/lib/node-links';
import { projectPath } from '@/lib/node-path';
import { ransackParams } from '@/lib/ransack';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { CreateEnvironmentButton } from './create-environment-button';
import { ExportCsvButton } from './export-csv-button';
import { nodeListQuery, nodeListSort } from './list-filters';
import { toNodeListRow } from './node-list-table';
import { NodeListView } from './node-list-view';

export interface EnvironmentsListProps {
  project: Project;
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
}

/**
 * A project's environments, filtered and sorted by the server as the URL says, with their export and the
 * New environment button (which opens the environment it created).
 */
export function EnvironmentsList({ project, search, onSearchChange }: EnvironmentsListProps) {
  const projectCode = project.code;
  const navigate = useNavigate();
  const sort = nodeListSort(search);
  const query: EnvironmentListQuery = nodeListQuery(search);
  const result = useQuery({
    ...environmentListQuery(projectCode, query),
    placeholderData: keepPreviousData,
    select: ({ items, unreadable }) => ({
      unreadable,
      items: items.map((environment) =>
        toNodeListRow({ kind: 'environment', projectCode, environmentCode: environment.code }, environment),
      ),
    }),
  });
  return (
    <NodeListView
      result={result}
      search={search}
      sort={sort}
      onSearchChange={onSearchChange}
      what="environments"
      caption={`Environments of ${project.name}`}
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
          <CreateEnvironmentButton
            projectCode={projectCode}
            authorisations={project.meta.authorisations}
            onCreated={(environment) => {
              void navigate(
                nodeLinkOptions({ kind: 'environment', projectCode, environmentCode: environment.code }),
              );
            }}
          />
        </ListFilterBar>
      }
    />
  );
}
