import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ChangeDetail } from '@/api/changes';
import { elapsedMs, formatDuration } from '@/lib/format-duration';
import { nodeLinkOptions } from '@/lib/node-links';
import { AnchorLink } from '@/ui/router-links';
import { Timestamp } from '@/ui/timestamp';

export interface ChangeDetailsProps {
  detail: ChangeDetail;
  /** The target's name, once read. */
  targetName: string | null;
  now: number;
}

interface FactProps {
  label: string;
  children: ReactNode;
}

function Fact({ label, children }: FactProps) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function orDash(value: string | null): ReactNode {
  return value === null || value === '' ? '—' : value;
}

/** Who started the change, on what, from which revision, and when. */
export function ChangeDetails({ detail, targetName, now }: ChangeDetailsProps) {
  const { change, target, targetPath, templateVersion } = detail;
  const elapsed = elapsedMs(change.started_at, change.finished_at, now);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm">
      <Fact label="Target">
        {target === null ? (
          orDash(targetPath)
        ) : (
          <AnchorLink {...nodeLinkOptions(target)}>{targetName ?? targetPath}</AnchorLink>
        )}
      </Fact>
      <Fact label="Created by">{change.created_by}</Fact>
      <Fact label="Created">
        <Timestamp value={change.created_at} />
      </Fact>
      <Fact label="Started">
        {change.started_at === null ? '—' : <Timestamp value={change.started_at} />}
      </Fact>
      <Fact label="Finished">
        {change.finished_at === null ? '—' : <Timestamp value={change.finished_at} />}
      </Fact>
      <Fact label="Elapsed">
        <span aria-live="off">{elapsed === null ? '—' : formatDuration(elapsed)}</span>
      </Fact>
      {templateVersion === null ? (
        <>
          <Fact label="Git remote">{orDash(change.git_remote_name)}</Fact>
          <Fact label="Revision">{orDash(change.git_rev)}</Fact>
        </>
      ) : (
        <Fact label="Template version">
          {templateVersion.templateCode} {templateVersion.version}
        </Fact>
      )}
      <Fact label="Commit">
        {change.commit_sha === null ? 'not resolved yet' : <Code>{change.commit_sha}</Code>}
      </Fact>
      {change.scheduled ? <Fact label="Started by">a scheduled activity</Fact> : null}
    </SimpleGrid>
  );
}
