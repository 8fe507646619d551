import { Code, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AnyNode } from '@/api/node-mutations';
import { BookmarksPanel } from './bookmarks-panel';

export interface NodeOverviewProps {
  node: AnyNode;
}

function capabilities(node: AnyNode): string {
  const { meta } = node;
  const parts: string[] = [];
  if (meta.child_node_types.length > 0)
    parts.push(`holds ${meta.child_node_types.map((type) => `${type}s`).join(' and ')}`);
  parts.push(meta.can_have_changes ? 'runs changes' : 'runs no changes itself');
  if (meta.can_have_workflows) parts.push('has workflows');
  if (meta.requires_template) parts.push('is built from a template');
  return parts.join(', ');
}

/** Facts about the node and its bookmarks. */
export function NodeOverview({ node }: NodeOverviewProps) {
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Identifier
            </Text>
            <Code>{node.id}</Code>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              This {node.kind}
            </Text>
            <Text size="sm">{capabilities(node)}</Text>
          </Stack>
        </SimpleGrid>
      </Paper>
      <BookmarksPanel node={node} />
    </Stack>
  );
}
