import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { failureMessage } from '@/api/failures';
import { workflowVersionQuery } from '@/api/workflow-versions';
import { workflowQuery, workflowVersionsQuery } from '@/api/workflows';
import { DiffEditor } from '@/ui/code-editor';
import { ErrorState } from '@/ui/error-state';
import { LineChanges } from '@/ui/line-changes';
import { AnchorLink } from '@/ui/router-links';
import { comparedVersions, type CompareSearch } from './compare-search';
import { ComparedVersion } from './compared-version';
import { versionLabel } from './version-labels';

export interface CompareVersionsPageProps {
  projectCode: string;
  workflowCode: string;
  search: CompareSearch;
  /** Another pair was chosen: put it in the address. */
  onSearchChange: (next: { from: number; to: number }) => void;
}

/** Two versions of a workflow side by side (YAML), the lines that differ listed; the pair is in the address. */
export function CompareVersionsPage({
  projectCode,
  workflowCode,
  search,
  onSearchChange,
}: CompareVersionsPageProps) {
  const workflow = useSuspenseQuery(workflowQuery(projectCode, workflowCode)).data;
  const versions = useQuery(workflowVersionsQuery(projectCode, workflowCode));
  const numbers = versions.data?.items.map((version) => version.version) ?? [];
  const pair = comparedVersions(numbers, search);
  const from = useQuery({
    ...workflowVersionQuery(projectCode, workflowCode, pair?.from ?? 0),
    enabled: pair !== null,
  });
  const to = useQuery({
    ...workflowVersionQuery(projectCode, workflowCode, pair?.to ?? 0),
    enabled: pair !== null,
  });
  const choices = (versions.data?.items ?? []).map((version) => ({
    value: String(version.version),
    label: versionLabel(version),
  }));
  const sideNames =
    pair === null ? null : ([`version ${String(pair.from)}`, `version ${String(pair.to)}`] as const);
  return (
    <Stack gap="md">
      <AnchorLink
        to="/projects/$projectCode/workflows/$workflowCode"
        params={{ projectCode, workflowCode }}
        size="sm"
      >
        Workflow {workflow.name}
      </AnchorLink>
      <Title order={1}>Compare versions of {workflow.name}</Title>
      {versions.isError ? (
        <ErrorState
          title="The versions could not be listed"
          message={failureMessage(versions.error)}
          onRetry={() => void versions.refetch()}
          isRetrying={versions.isFetching}
        />
      ) : null}
      {versions.isSuccess && pair === null ? (
        <Text size="sm">
          This workflow has one version only: once it has two, any two can be compared here.
        </Text>
      ) : null}
      {pair === null || sideNames === null ? null : (
        <>
          <Group align="flex-end" gap="sm">
            <Select
              label="Compare version"
              w={220}
              data={choices}
              value={String(pair.from)}
              allowDeselect={false}
              onChange={(value) => {
                if (value !== null) onSearchChange({ from: Number(value), to: pair.to });
              }}
            />
            <Button
              variant="default"
              leftSection={<IconArrowsLeftRight size={16} aria-hidden />}
              onClick={() => {
                onSearchChange({ from: pair.to, to: pair.from });
              }}
            >
              Swap
            </Button>
            <Select
              label="with version"
              w={220}
              data={choices}
              value={String(pair.to)}
              allowDeselect={false}
              onChange={(value) => {
                if (value !== null) onSearchChange({ from: pair.from, to: Number(value) });
              }}
            />
          </Group>
          <Stack gap={4}>
            <ComparedVersion number={pair.from} query={from} />
            <ComparedVersion number={pair.to} query={to} />
          </Stack>
          {from.data === undefined || to.data === undefined ? null : (
            <>
              <LineChanges
                original={from.data.source_yaml}
                modified={to.data.source_yaml}
                label={`Changed lines from version ${String(pair.from)} to version ${String(pair.to)}`}
                sideNames={sideNames}
              />
              <DiffEditor
                original={from.data.source_yaml}
                modified={to.data.source_yaml}
                language="yaml"
                label={`Workflow ${workflow.name}, version ${String(pair.from)} compared with version ${String(pair.to)}`}
                sideNames={sideNames}
                height="60vh"
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
