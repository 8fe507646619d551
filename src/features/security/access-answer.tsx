import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { Decision, RankedRule } from '@contract/authz';
import type { PermissionAnswer } from '@/lib/access-model';

const PERMISSION_LABELS = { read: 'Read', update: 'Update', execute: 'Execute' } as const;

function assigneeText(rule: RankedRule): string {
  const { username, groupname } = rule.grant;
  if (username !== null && groupname !== null) return `user ${username} while in group ${groupname}`;
  if (username !== null) return `user ${username}`;
  return groupname !== null ? `group ${groupname}` : 'everyone';
}

function rankText(rule: RankedRule): string {
  const parts = [
    rule.rank.system ? 'system' : 'not system',
    `path length ${String(rule.rank.pathLength)}`,
    rule.rank.assignee,
  ];
  return parts.join(' · ');
}

interface RankingTableProps {
  decision: Decision;
  caption: string;
}

/** Every rule that matched the path, best first; the winners (they decide) are marked. */
function RankingTable({ decision, caption }: RankingTableProps) {
  if (decision.ranking.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rule matches {decision.path}.
      </Text>
    );
  }
  const winners = new Set(decision.winners);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Path pattern</Table.Th>
            <Table.Th>Policy</Table.Th>
            <Table.Th>Assigned to</Table.Th>
            <Table.Th>Rank</Table.Th>
            <Table.Th>Says</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decision.ranking.map((rule, index) => (
            <Table.Tr key={`${rule.grant.ruleId}-${rule.grant.assignmentId}-${String(index)}`}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{rule.grant.ruleName ?? 'Unnamed rule'}</Text>
                  {winners.has(rule) ? (
                    <Badge size="xs" variant="light">
                      decides
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {rule.grant.path === '' ? '(matches everything)' : rule.grant.path}
                </Text>
              </Table.Td>
              <Table.Td>{rule.grant.policyName}</Table.Td>
              <Table.Td>{assigneeText(rule)}</Table.Td>
              <Table.Td>{rankText(rule)}</Table.Td>
              <Table.Td>{rule.allows ? 'allow' : 'deny'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export interface AccessAnswerCardProps {
  answer: PermissionAnswer;
}

/** One permission's answer: allowed or denied (icon and word), why in a sentence, and the rules behind it. */
export function AccessAnswerCard({ answer }: AccessAnswerCardProps) {
  const label = PERMISSION_LABELS[answer.permission];
  const deniedPrefix = answer.nodeRead?.allowed === false ? answer.nodeRead.prefixes.at(-1) : undefined;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-label={`${label}: ${answer.allowed ? 'allowed' : 'denied'}`}
    >
      <Stack gap="xs">
        <Group gap="xs">
          {answer.allowed ? (
            <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" aria-hidden />
          ) : (
            <IconCircleX size={20} color="var(--mantine-color-red-6)" aria-hidden />
          )}
          <Title order={3} size="h4">
            {label}: {answer.allowed ? 'allowed' : 'denied'}
          </Title>
        </Group>
        <Text size="sm">{answer.summary}</Text>
        {deniedPrefix === undefined ? (
          <RankingTable
            decision={answer.decision}
            caption={`Rules matching ${answer.decision.path}, best first`}
          />
        ) : (
          <RankingTable
            decision={deniedPrefix}
            caption={`Rules matching ${deniedPrefix.path} (read), best first`}
          />
        )}
      </Stack>
    </Card>
  );
}
