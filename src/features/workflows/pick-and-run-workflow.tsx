import { Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureMessage } from '@/api/failures';
import { projectListQuery } from '@/api/projects';
import { workflowListQuery, workflowVersionsQuery } from '@/api/workflows';
import { denial } from '@/lib/permissions';
import { FormAlert } from '@/ui/form-alert';
import { RunWorkflowForm } from './run-workflow-form';

export interface StartedWorkflowRun {
  projectCode: string;
  workflowCode: string;
  runId: string;
}

export interface PickAndRunWorkflowProps {
  onCancel: () => void;
  onStarted: (run: StartedWorkflowRun) => void;
}

/** Picks an Enterprise project, one of its active workflows, then the version, and runs it. */
export function PickAndRunWorkflow({ onCancel, onStarted }: PickAndRunWorkflowProps) {
  const [projectCode, setProjectCode] = useState<string | null>(null);
  const [workflowCode, setWorkflowCode] = useState<string | null>(null);
  const projects = useQuery(projectListQuery({ filters: { archived_eq: false }, sorts: 'name' }));
  const enterprise = (projects.data?.projects ?? []).filter((project) => project.meta.can_have_workflows);
  const project = enterprise.find((candidate) => candidate.code === projectCode);
  const workflows = useQuery({
    ...workflowListQuery(projectCode ?? '', { filters: { archived_eq: false }, sorts: 'name' }),
    enabled: projectCode !== null,
  });
  const workflow = workflows.data?.find((candidate) => candidate.code === workflowCode);
  const versions = useQuery({
    ...workflowVersionsQuery(projectCode ?? '', workflowCode ?? ''),
    enabled: workflow !== undefined,
  });
  const runDenied =
    project === undefined
      ? null
      : denial(project.meta.authorisations, {
          nodePath: project.path,
          facet: 'workflow_runs',
          permission: 'execute',
          purpose: 'run workflows',
        });
  return (
    <Stack gap="sm">
      <Select
        label="Project"
        description="Workflows belong to Enterprise projects."
        placeholder={projects.isPending ? 'Loading…' : 'Pick a project'}
        searchable
        required
        nothingFoundMessage="No active Enterprise projects"
        data={enterprise.map((candidate) => ({
          value: candidate.code,
          label: `${candidate.name} (${candidate.code})`,
        }))}
        value={projectCode}
        onChange={(code) => {
          setProjectCode(code);
          setWorkflowCode(null);
        }}
        error={
          projects.isError ? `The projects could not be loaded: ${failureMessage(projects.error)}` : undefined
        }
      />
      <Select
        label="Workflow"
        placeholder={
          projectCode === null ? 'Pick a project first' : workflows.isPending ? 'Loading…' : 'Pick a workflow'
        }
        searchable
        required
        disabled={projectCode === null}
        nothingFoundMessage="No active workflows in this project"
        data={(workflows.data ?? []).map((candidate) => ({
          value: candidate.code,
          label:
            candidate.latest_published_version === null
              ? `${candidate.name} (${candidate.code}): no published version`
              : `${candidate.name} (${candidate.code})`,
        }))}
        value={workflowCode}
        onChange={setWorkflowCode}
        error={
          workflows.isError
            ? `The workflows could not be loaded: ${failureMessage(workflows.error)}`
            : undefined
        }
      />
      <FormAlert
        title="Versions not loaded"
        message={versions.isError ? failureMessage(versions.error) : null}
      />
      {workflow === undefined ? null : (
        <RunWorkflowForm
          key={workflow.id}
          workflow={workflow}
          versions={versions.data?.items ?? []}
          deniedReason={runDenied}
          onCancel={onCancel}
          onStarted={(runId) => {
            onStarted({ projectCode: workflow.projectCode, workflowCode: workflow.code, runId });
          }}
        />
      )}
    </Stack>
  );
}
