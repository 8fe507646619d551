import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { projectSearchQuery } from '@/api/node-search';
import type { NodeSummary } from '@/api/node-summary';
import { projectSummariesQuery } from '@/api/projects';
import { textSearch } from '@/lib/ransack';

export interface TargetPickerProps {
  /** The chosen target's OpsChain path, or '' for none. */
  value: string;
  onChange: (path: string) => void;
  error?: string | undefined;
}

const MIN_TERM = 2;
const MAX_OPTIONS = 50;

const KIND_LABEL = { project: 'Project', environment: 'Environment', asset: 'Asset' } as const;

function option(node: NodeSummary) {
  return { value: node.path, label: `${node.name} (${KIND_LABEL[node.kind]}) ${node.path}` };
}

/**
 * Finds a project, environment or asset by name or code on the server (each project is asked, as global
 * search does) and picks it as the change's target. Archived nodes are left out: they refuse changes.
 */
export function TargetPicker({ value, onChange, error }: TargetPickerProps) {
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 250);
  const isActive = term.length >= MIN_TERM;
  const projects = useQuery({ ...projectSummariesQuery(), enabled: isActive });
  const matchingProjects = useQuery({
    ...projectSummariesQuery(textSearch(['name', 'code'], term)),
    enabled: isActive,
  });
  const inProjects = useQueries({
    queries: (isActive ? (projects.data?.items ?? []) : []).map((project) =>
      projectSearchQuery(project, term),
    ),
  });
  const found: NodeSummary[] = isActive
    ? [
        ...(matchingProjects.data?.items ?? []),
        ...inProjects.flatMap((result) =>
          result.data === undefined
            ? []
            : [...result.data.environments, ...result.data.assets.map((match) => match.asset)],
        ),
      ]
    : [];
  const options = found
    .filter((node) => !node.archived)
    .slice(0, MAX_OPTIONS)
    .map(option);
  // The chosen target stays an option while other text is searched for.
  if (value !== '' && !options.some((candidate) => candidate.value === value)) {
    options.unshift({ value, label: value });
  }
  const isSearching =
    projects.isFetching || matchingProjects.isFetching || inProjects.some((q) => q.isFetching);
  return (
    <Select
      label="Target"
      description="Search projects, environments and assets by name or code"
      placeholder="Type at least two characters"
      searchable
      required
      data={options}
      value={value === '' ? null : value}
      onChange={(path) => {
        onChange(path ?? '');
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has searched already: every option it found is shown.
      filter={({ options: all }) => all}
      nothingFoundMessage={
        !isActive ? 'Type at least two characters' : isSearching ? 'Searching…' : 'Nothing matches'
      }
      error={error}
    />
  );
}
