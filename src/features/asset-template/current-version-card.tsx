import { Code, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Template, TemplateVersion } from '@/api/templates';
import { maskUrlCredentials } from '@/lib/mask-url-credentials';
import { Timestamp } from '@/ui/timestamp';
import { StatusBadge } from '@/ui/status-badge';

export interface CurrentVersionCardProps {
  template: Template;
  version: TemplateVersion;
}

/** The template an asset is built from and the version it uses now, with that version's actions. */
export function CurrentVersionCard({ template, version }: CurrentVersionCardProps) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {template.name} <Code>{template.code}</Code>
            </Title>
            <Code style={{ wordBreak: 'break-all' }}>{maskUrlCredentials(template.url)}</Code>
          </Stack>
          {template.archived ? <StatusBadge tone="neutral">Template archived</StatusBadge> : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Version
            </Text>
            <Text size="sm" fw={600}>
              {version.version}
            </Text>
            {version.description === '' ? null : <Text size="sm">{version.description}</Text>}
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Git revision
            </Text>
            <Code>{version.git_rev}</Code>
            <Text size="xs" c="dimmed">
              {version.commit_sha === null
                ? 'commit not resolved yet'
                : `commit ${version.commit_sha.slice(0, 12)}`}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              State
            </Text>
            <Text size="sm">
              {version.state}
              {version.archived === true ? ', archived' : ''}
            </Text>
            <Text size="xs" c="dimmed">
              created <Timestamp value={version.created_at} /> by {version.created_by}
            </Text>
          </Stack>
        </SimpleGrid>
        {version.actions === undefined || version.actions.length === 0 ? null : (
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              Actions of this version
            </Text>
            <List size="sm" spacing={2}>
              {version.actions.map((action) => (
                <List.Item key={action.name ?? action.description}>
                  <Code>{action.name ?? 'unnamed'}</Code>
                  {action.description === undefined ? null : ` — ${action.description}`}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
