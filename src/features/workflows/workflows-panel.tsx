import { SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { failureMessage } from '@/api/failures';
import { workflowListQuery } from '@/api/workflows';
import { EmptyState } from '@/ui/empty-state';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { WorkflowsTable } from './workflows-table';
import {
  isFiltered,
  toWorkflowQuery,
  workflowSort,
  WORKFLOW_STATES,
  type WorkflowsSearch,
} from './workflows-search';

export interface WorkflowsPanelProps {
  projectCode: string;
  projectName: string;
  /** Only Enterprise projects have workflows (`meta.can_have_workflows`). */
  canHaveWorkflows: boolean;
  search: WorkflowsSearch;
  onSearchChange: (patch: Partial<WorkflowsSearch>) => void;
}

const STATE_LABELS = { all: 'All', draft: 'Draft', published: 'Published' } as const;

/** A project's workflows with filters in the URL; a Standard project says why it has none. */
export function WorkflowsPanel({ canHaveWorkflows, ...props }: WorkflowsPanelProps) {
  if (!canHaveWorkflows) {
    return (
      <EmptyState title={`${props.projectName} has no workflows`}>
        Workflows belong to Enterprise projects: this is a Standard project, whose changes run on its
        environments.
      </EmptyState>
    );
  }
  return <WorkflowList {...props} />;
}

function WorkflowList({
  projectCode,
  search,
  onSearchChange,
}: Omit<WorkflowsPanelProps, 'canHaveWorkflows' | 'projectName'>) {
  const stateLabel = useId();
  const workflows = useQuery({
    ...workflowListQuery(projectCode, toWorkflowQuery(search)),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="sm">
      <ListFilterBar
        search={search}
        onSearchChange={onSearchChange}
        what="workflows"
        matches="name"
        filters={
          <Stack gap={4}>
            <Text size="sm" fw={500} id={stateLabel}>
              Latest version
            </Text>
            <SegmentedControl
              aria-labelledby={stateLabel}
              value={search.state ?? 'all'}
              data={(['all', ...WORKFLOW_STATES] as const).map((state) => ({
                value: state,
                label: STATE_LABELS[state],
              }))}
              onChange={(value) => {
                onSearchChange({ state: WORKFLOW_STATES.find((state) => state === value) });
              }}
            />
          </Stack>
        }
      />
      <WorkflowsTable
        workflows={workflows.data}
        failure={workflows.isError ? failureMessage(workflows.error) : null}
        onRetry={() => void workflows.refetch()}
        isFetching={workflows.isFetching}
        sort={workflowSort(search)}
        onSortChange={onSearchChange}
        isFiltered={isFiltered(search)}
        onClearFilters={() => {
          onSearchChange({ q: undefined, state: undefined, archived: undefined });
        }}
      />
    </Stack>
  );
}
