import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AuthorisationPolicy } from '@/api/authorisation';
import { deletePolicy } from '@/api/authorisation-admin';
import { Dialog } from '@/ui/dialog';
import { GuardedButton } from '@/ui/guarded-button';
import { StatusBadge } from '@/ui/status-badge';
import type { PendingChange } from './confirm-change-dialog';
import { PolicyAssignmentsSection } from './policy-assignments-section';
import { PolicyForm } from './policy-form';
import { PolicyRulesSection } from './policy-rules-section';
import type { SecurityContext } from './use-security-context';

export interface PolicyDetailProps {
  policy: AuthorisationPolicy;
  context: SecurityContext;
  usernames: readonly string[];
  groupnames: readonly string[];
  takenNames: readonly string[];
  onChange: (change: PendingChange) => void;
  onDeleted: () => void;
}

const DENIABLE = { resource: '/authorisation_policies', action: 'update' };

/** One policy: name and description, its rules and its assignments, each editable unless it is a system policy. */
export function PolicyDetail(props: PolicyDetailProps) {
  const { policy, context, usernames, groupnames, takenNames, onChange, onDeleted } = props;
  const [isEditing, setEditing] = useState(false);
  const access = context.access;
  const held = access?.policies.find((candidate) => candidate.id === policy.id);
  const deniedReason = policy.system ? 'System policies are read-only.' : context.policiesDenied;

  const handleDelete = () => {
    onChange({
      title: `Delete policy ${policy.name}?`,
      description: 'Its rule links and assignments go with it; the rules themselves stay. There is no undo.',
      confirmLabel: 'Delete policy',
      isDestructive: true,
      after:
        access === undefined
          ? null
          : { ...access, policies: access.policies.filter((candidate) => candidate.id !== policy.id) },
      run: async () => {
        await deletePolicy(policy.id);
        onDeleted();
      },
      successMessage: `Policy ${policy.name} deleted.`,
      deniable: DENIABLE,
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={`Policy ${policy.name}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={2} size="h3">
                {policy.name}
              </Title>
              {policy.system ? <StatusBadge tone="neutral">System</StatusBadge> : null}
            </Group>
            <Text size="sm" c="dimmed">
              {policy.description ?? 'No description.'}
            </Text>
          </Stack>
          <Group gap="xs">
            <GuardedButton
              variant="default"
              deniedReason={deniedReason}
              deniable={DENIABLE}
              onClick={() => {
                setEditing(true);
              }}
            >
              Edit
            </GuardedButton>
            <GuardedButton
              color="red"
              variant="light"
              deniedReason={deniedReason}
              deniable={DENIABLE}
              onClick={handleDelete}
            >
              Delete
            </GuardedButton>
          </Group>
        </Group>
        {policy.system ? (
          <Alert color="gray" title="System policy">
            Built into OpsChain and read-only: its rules outrank every other rule, and nobody can change,
            detach or reassign it here.
          </Alert>
        ) : null}
        {held === undefined || access === undefined ? (
          <Text size="sm" c="dimmed">
            Loading its rules and assignments…
          </Text>
        ) : (
          <>
            <PolicyRulesSection
              policy={held}
              access={access}
              context={context}
              deniedReason={deniedReason}
              onChange={onChange}
            />
            <PolicyAssignmentsSection
              policy={held}
              access={access}
              usernames={usernames}
              groupnames={groupnames}
              deniedReason={deniedReason}
              onChange={onChange}
            />
          </>
        )}
      </Stack>
      <Dialog
        opened={isEditing}
        onClose={() => {
          setEditing(false);
        }}
        title={`Edit policy ${policy.name}`}
      >
        <PolicyForm
          policy={policy}
          ruleIds={held?.ruleIds ?? []}
          takenNames={takenNames.filter((name) => name !== policy.name)}
          onDone={() => {
            setEditing(false);
          }}
        />
      </Dialog>
    </Paper>
  );
}
