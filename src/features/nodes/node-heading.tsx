import { Badge, Code, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { NodeKind } from '@/lib/node-path';
import { NodeBreadcrumbs, type Crumb } from './node-breadcrumbs';

export interface NodeHeadingProps {
  kind: NodeKind;
  name: string;
  code: string;
  /** The OpsChain path, `/projects/bank/environments/dev`. */
  path: string;
  description: string | null;
  archived: boolean;
  /** Ancestors, outermost first, ending with this node (without a link). */
  crumbs: readonly Crumb[];
  /** A detail next to the kind, such as the project type. */
  kindDetail?: string | undefined;
  /** Buttons for the node (edit, archive...), on the right. */
  actions?: ReactNode;
}

const KIND_LABEL: Record<NodeKind, string> = {
  project: 'Project',
  environment: 'Environment',
  asset: 'Asset',
};

/** The top of every node page: breadcrumbs, the name as the page's heading, code, path and state. */
export function NodeHeading({
  kind,
  name,
  code,
  path,
  description,
  archived,
  crumbs,
  kindDetail,
  actions,
}: NodeHeadingProps) {
  return (
    <Stack gap="xs">
      <NodeBreadcrumbs crumbs={crumbs} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Group gap="sm" align="center">
            <Title order={1}>{name}</Title>
            {archived ? (
              <Badge color="gray" variant="filled">
                Archived
              </Badge>
            ) : null}
          </Group>
          <Group gap="md" wrap="wrap">
            <Text size="sm" c="dimmed">
              {KIND_LABEL[kind]}
              {kindDetail === undefined ? '' : ` · ${kindDetail}`}
            </Text>
            <Text size="sm">
              Code <Code>{code}</Code>
            </Text>
            <Text size="sm">
              Path <Code>{path}</Code>
            </Text>
          </Group>
          {description === null || description === '' ? null : <Text>{description}</Text>}
        </Stack>
        {actions}
      </Group>
    </Stack>
  );
}
