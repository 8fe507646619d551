import { Code, Stack, Text, Title } from '@mantine/core';
import type { NodeKind } from '@/lib/node-path';
import { ButtonLink } from '@/ui/router-links';

export interface NodeNotFoundPageProps {
  kind: NodeKind;
  /** The OpsChain path that was asked for. */
  path: string;
}

const KIND_LABEL: Record<NodeKind, string> = {
  project: 'Project',
  environment: 'Environment',
  asset: 'Asset',
};

/** The API answered 404 for a node: it does not exist, or the user may not read it (OpsChain does not say which). */
export function NodeNotFoundPage({ kind, path }: NodeNotFoundPageProps) {
  return (
    <Stack gap="md" align="flex-start" py="md">
      <Title order={1}>{KIND_LABEL[kind]} not found</Title>
      <Text>
        OpsChain has no {kind} at <Code>{path}</Code> that you may see. It may have been renamed or never
        existed, or you may not have permission to read it.
      </Text>
      <Text c="dimmed" size="sm">
        Find it in the navigator or with search (press <kbd>/</kbd>), or ask an OpsChain administrator for
        access.
      </Text>
      <ButtonLink to="/projects">Go to projects</ButtonLink>
    </Stack>
  );
}
