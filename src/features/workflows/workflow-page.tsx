import { Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlayerPlay } from '@tabler/icons-react';
import { isTerminalStatus } from '@contract/change';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { failureMessage } from '@/api/failures';
import { projectQuery } from '@/api/projects';
import { workflowRunListQuery } from '@/api/workflow-runs';
import { workflowQuery, workflowVersionsQuery } from '@/api/workflows';
import { denial } from '@/lib/permissions';
import { GuardedButton } from '@/ui/guarded-button';
import { AnchorLink, ButtonLink } from '@/ui/router-links';
import { StatusBadge } from '@/ui/status-badge';
import { RunWorkflowDialog } from './run-workflow-dialog';
import { WorkflowAdminActions } from './workflow-admin-actions';
import { WorkflowRunsTable } from './workflow-runs-table';
import { WorkflowVersionsSection } from './workflow-versions-section';

const RUNS_REFRESH_MS = 5_000;

export interface WorkflowPageProps {
  projectCode: string;
  workflowCode: string;
  /** A run was started: open its page. */
  onRunStarted: (runId: string) => void;
  /** Open the comparison of two versions. */
  onCompare: (from: number, to: number) => void;
  /** The workflow was deleted: leave its page. */
  onDeleted: () => void;
  /** The workflow's schedules (composed by the route from the schedules feature). */
  schedules?: ReactNode;
}

/** Why the workflow cannot run, beyond permissions; null when it can. */
function unavailable(archived: boolean, latestPublished: number | null): string | null {
  if (archived) return 'Archived workflows cannot run';
  if (latestPublished === null) return 'The workflow has no published version to run';
  return null;
}

/** One workflow: what it is, its versions (draft, published, archived), its runs, and Run. */
export function WorkflowPage({
  projectCode,
  workflowCode,
  onRunStarted,
  onCompare,
  onDeleted,
  schedules,
}: WorkflowPageProps) {
  const workflow = useSuspenseQuery(workflowQuery(projectCode, workflowCode)).data;
  const project = useSuspenseQuery(projectQuery(projectCode)).data;
  const versions = useQuery(workflowVersionsQuery(projectCode, workflowCode));
  const runs = useQuery({
    ...workflowRunListQuery({ projectCode, workflowCode }),
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => !isTerminalStatus(run.status_code)) === true
        ? RUNS_REFRESH_MS
        : false,
  });
  const [isRunning, running] = useDisclosure(false);
  const runDenied =
    denial(project.meta.authorisations, {
      nodePath: project.path,
      facet: 'workflow_runs',
      permission: 'execute',
      purpose: 'run workflows',
    }) ?? unavailable(workflow.archived, workflow.latest_published_version);
  const need = (purpose: string) =>
    denial(project.meta.authorisations, {
      nodePath: project.path,
      facet: 'workflows',
      permission: 'update',
      purpose,
    });
  const workflowPath = `${project.path}/workflows/${workflow.code}`;
  return (
    <Stack gap="md">
      <AnchorLink to="/projects/$projectCode/workflows" params={{ projectCode }} size="sm">
        Workflows of {project.name}
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1}>{workflow.name}</Title>
            {workflow.archived ? <StatusBadge tone="neutral">archived</StatusBadge> : null}
          </Group>
          <Text size="sm" c="dimmed">
            Workflow {workflow.code} in {project.name}
          </Text>
          {workflow.description === '' ? null : <Text size="sm">{workflow.description}</Text>}
        </Stack>
        <Group gap="xs">
          <ButtonLink
            variant="default"
            to="/projects/$projectCode/workflows/$workflowCode/edit"
            params={{ projectCode, workflowCode }}
          >
            {project.meta.authorisations.workflows?.update === true ? 'Edit YAML' : 'View YAML'}
          </ButtonLink>
          <GuardedButton
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            deniedReason={runDenied}
            onClick={running.open}
          >
            Run workflow
          </GuardedButton>
          <WorkflowAdminActions
            workflow={workflow}
            updateDenied={need('archive or delete workflows')}
            hasRuns={runs.data === undefined ? null : runs.data.items.length > 0}
            deniable={{
              archive: { resource: workflowPath, action: 'archive' },
              delete: { resource: workflowPath, action: 'delete' },
            }}
            onDeleted={onDeleted}
          />
        </Group>
      </Group>
      <Stack gap="xs">
        <Title order={2} size="h3">
          Runs
        </Title>
        <WorkflowRunsTable
          projectCode={projectCode}
          workflowCode={workflowCode}
          runs={runs.data?.items}
          unreadable={runs.data?.unreadable}
          failure={runs.isError ? failureMessage(runs.error) : null}
          onRetry={() => void runs.refetch()}
          isFetching={runs.isFetching}
        />
      </Stack>
      <WorkflowVersionsSection
        workflow={workflow}
        versions={versions}
        updateDenied={need('delete workflow versions')}
        deniable={{ resource: workflowPath, action: 'delete-versions' }}
        onCompare={onCompare}
      />
      {schedules}
      {isRunning ? (
        <RunWorkflowDialog
          workflow={workflow}
          versions={versions.data?.items ?? []}
          opened={isRunning}
          onClose={running.close}
          onStarted={(runId) => {
            running.close();
            onRunStarted(runId);
          }}
        />
      ) : null}
    </Stack>
  );
}
