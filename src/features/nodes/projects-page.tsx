import { Group, NativeSelect, Stack, Title } from '@mantine/core';
import { PROJECT_TYPES } from '@contract/node';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { failureMessage } from '@/api/failures';
import { projectListQuery } from '@/api/projects';
import { ransackParams } from '@/lib/ransack';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { ListView } from '@/ui/list-view';
import { CreateProjectButton } from './create-project-button';
import { ExportCsvButton } from './export-csv-button';
import { ProjectsTable } from './projects-table';
import { isProjectsFiltered, projectsQuery, projectsSort, type ProjectsSearch } from './projects-search';

export interface ProjectsPageProps {
  search: ProjectsSearch;
  onSearchChange: (patch: Partial<ProjectsSearch>) => void;
}

/** The filtered-empty title: `No Enterprise projects match “bank”`. */
function noMatchTitle({ q, type }: ProjectsSearch): string {
  const what = type === undefined ? 'projects' : `${type} projects`;
  const term = (q ?? '').trim();
  return term === '' ? `No ${what}` : `No ${what} match “${term}”`;
}

/**
 * Every project the user may read, filtered and sorted by the server as the URL says, with their export and,
 * once the list has said whether the user may create projects, the New project button (which opens the
 * project it created; a refusal of creating one is remembered on the list as read).
 */
export function ProjectsPage({ search, onSearchChange }: ProjectsPageProps) {
  const navigate = useNavigate();
  const query = projectsQuery(search);
  const sort = projectsSort(search);
  const result = useQuery({ ...projectListQuery(query), placeholderData: keepPreviousData });
  const list = result.data;
  const canCreate = list?.canCreate;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>Projects</Title>
        {list === undefined ? null : (
          <CreateProjectButton
            projects={list}
            onCreated={(project) => {
              void navigate({ to: '/projects/$projectCode', params: { projectCode: project.code } });
            }}
          />
        )}
      </Group>
      <ListView
        what="projects"
        count={result.data?.projects.length}
        unreadable={result.data?.unreadable}
        isFetching={result.isFetching}
        failure={result.isError ? failureMessage(result.error) : null}
        onRetry={() => void result.refetch()}
        isFiltered={isProjectsFiltered(search)}
        filteredEmptyTitle={noMatchTitle(search)}
        clearFiltersLabel="Clear the filters"
        onClearFilters={() => {
          onSearchChange({ q: undefined, type: undefined });
        }}
        emptyTitle={search.archived === true ? 'No projects' : 'No active projects'}
        emptyHint={
          <>
            Projects hold the environments and assets OpsChain manages.{' '}
            {canCreate === true
              ? 'Create the first one with New project.'
              : 'You may not create projects: ask an OpsChain administrator to create one or to give you access to one.'}
            {search.archived === true
              ? null
              : ' Archived projects are hidden: turn on Show archived to see them.'}
          </>
        }
        toolbar={
          <ListFilterBar
            search={search}
            onSearchChange={onSearchChange}
            what="projects"
            matches="name or code"
            filters={
              <NativeSelect
                aria-label="Project type"
                value={search.type ?? ''}
                data={[{ value: '', label: 'All types' }, ...PROJECT_TYPES]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  onSearchChange({ type: PROJECT_TYPES.find((type) => type === value) });
                }}
              />
            }
          >
            <ExportCsvButton
              what="projects"
              request={{
                path: '/projects',
                params: ransackParams({ filters: query.filters }),
                fileName: 'projects',
              }}
            />
          </ListFilterBar>
        }
      >
        <ProjectsTable projects={result.data?.projects ?? []} sort={sort} onSortChange={onSearchChange} />
      </ListView>
    </Stack>
  );
}
