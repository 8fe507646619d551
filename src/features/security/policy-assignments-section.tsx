import { Button, Group, List, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { setAssignments, type AssignmentValues } from '@/api/authorisation-admin';
import type { AccessData, AccessPolicy } from '@/lib/access-model';
import { GuardedButton } from '@/ui/guarded-button';
import type { PendingChange } from './confirm-change-dialog';

export interface PolicyAssignmentsSectionProps {
  policy: AccessPolicy;
  access: AccessData;
  usernames: readonly string[];
  groupnames: readonly string[];
  deniedReason: string | null;
  onChange: (change: PendingChange) => void;
}

const DENIABLE = { resource: '/authorisation_policies', action: 'update' };
type Kind = 'user' | 'group' | 'everyone';

export function assigneeLabel({ username, groupname }: AssignmentValues): string {
  if (username !== null && groupname !== null) return `user ${username} while in group ${groupname}`;
  if (username !== null) return `user ${username}`;
  if (groupname !== null) return `group ${groupname}`;
  return 'everyone';
}

const sameAssignee = (a: AssignmentValues, b: AssignmentValues) =>
  a.username === b.username && a.groupname === b.groupname;

/** Who a policy is assigned to; adding or removing one replaces the whole set, after showing the impact. */
export function PolicyAssignmentsSection(props: PolicyAssignmentsSectionProps) {
  const { policy, access, usernames, groupnames, deniedReason, onChange } = props;
  const [kind, setKind] = useState<Kind>('user');
  const [name, setName] = useState<string | null>(null);
  const current = policy.assignments.map(({ username, groupname }) => ({ username, groupname }));

  const propose = (next: AssignmentValues[], title: string, label: string, message: string) => {
    onChange({
      title,
      description: `${policy.name} would be assigned to: ${next.length === 0 ? 'nobody' : next.map(assigneeLabel).join('; ')}.`,
      confirmLabel: label,
      isDestructive: next.length < current.length,
      after: {
        ...access,
        policies: access.policies.map((candidate) =>
          candidate.id === policy.id
            ? {
                ...candidate,
                assignments: next.map((values, index) => ({ id: `draft-${String(index)}`, ...values })),
              }
            : candidate,
        ),
      },
      run: async () => {
        await setAssignments(policy.id, next);
        setName(null);
      },
      successMessage: message,
      deniable: DENIABLE,
    });
  };
  const handleAdd = () => {
    const wanted: AssignmentValues =
      kind === 'everyone'
        ? { username: null, groupname: null }
        : kind === 'user'
          ? { username: name, groupname: null }
          : { username: null, groupname: name };
    if (kind !== 'everyone' && name === null) return;
    if (current.some((existing) => sameAssignee(existing, wanted))) return;
    propose(
      [...current, wanted],
      `Assign ${policy.name} to ${assigneeLabel(wanted)}?`,
      'Assign',
      `${policy.name} assigned to ${assigneeLabel(wanted)}.`,
    );
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Assignments
      </Title>
      {current.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not assigned to anyone: its rules apply to nobody.
        </Text>
      ) : (
        <List spacing={4} size="sm" aria-label={`Assignments of ${policy.name}`}>
          {current.map((assignment) => (
            <List.Item key={assigneeLabel(assignment)}>
              <Group gap="xs">
                <Text size="sm">{assigneeLabel(assignment)}</Text>
                <GuardedButton
                  size="xs"
                  variant="subtle"
                  color="red"
                  deniedReason={deniedReason}
                  deniable={DENIABLE}
                  aria-label={`Remove assignment to ${assigneeLabel(assignment)}`}
                  onClick={() => {
                    propose(
                      current.filter((other) => !sameAssignee(other, assignment)),
                      `Remove ${policy.name} from ${assigneeLabel(assignment)}?`,
                      'Remove assignment',
                      `${policy.name} no longer assigned to ${assigneeLabel(assignment)}.`,
                    );
                  }}
                >
                  Remove
                </GuardedButton>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {deniedReason === null ? (
        <Group align="flex-end" gap="xs">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="assign-kind-label">
              Assign to
            </Text>
            <SegmentedControl
              aria-labelledby="assign-kind-label"
              value={kind}
              onChange={(value) => {
                setKind(value === 'group' ? 'group' : value === 'everyone' ? 'everyone' : 'user');
                setName(null);
              }}
              data={[
                { value: 'user', label: 'User' },
                { value: 'group', label: 'Group' },
                { value: 'everyone', label: 'Everyone' },
              ]}
            />
          </Stack>
          {kind === 'everyone' ? null : (
            <Select
              label={kind === 'user' ? 'User' : 'Group'}
              placeholder={kind === 'user' ? 'Pick a user' : 'Pick a group'}
              searchable
              data={[...(kind === 'user' ? usernames : groupnames)]}
              value={name}
              onChange={setName}
              w={240}
            />
          )}
          <Button onClick={handleAdd} disabled={kind !== 'everyone' && name === null}>
            Add assignment
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
