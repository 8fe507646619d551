import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { linkRules, unlinkRule } from '@/api/authorisation-admin';
import type { AccessData, AccessPolicy, AccessRule } from '@/lib/access-model';
import { Dialog } from '@/ui/dialog';
import { GuardedButton } from '@/ui/guarded-button';
import type { PendingChange } from './confirm-change-dialog';
import { RuleForm } from './rule-form';
import type { SecurityContext } from './use-security-context';

export interface PolicyRulesSectionProps {
  policy: AccessPolicy;
  access: AccessData;
  context: SecurityContext;
  /** Why the user may not change this policy (system, or no update permission); null when they may. */
  deniedReason: string | null;
  onChange: (change: PendingChange) => void;
}

const DENIABLE = { resource: '/authorisation_policies', action: 'update' };

function ruleLabel(rule: AccessRule): string {
  return rule.name ?? rule.path;
}

function withRules(access: AccessData, policyId: string, ruleIds: readonly string[]): AccessData {
  return {
    ...access,
    policies: access.policies.map((policy) => (policy.id === policyId ? { ...policy, ruleIds } : policy)),
  };
}

/** The rules a policy holds, with detach, and attach for an existing rule; each change shows its impact first. */
export function PolicyRulesSection(props: PolicyRulesSectionProps) {
  const { policy, access, context, deniedReason, onChange } = props;
  const [toAttach, setToAttach] = useState<string | null>(null);
  const [isCreating, setCreating] = useState(false);
  const held = policy.ruleIds.flatMap((id) => access.rules.filter((rule) => rule.id === id));
  const attachable = access.rules.filter((rule) => !rule.system && !policy.ruleIds.includes(rule.id));

  const handleAttach = () => {
    const rule = attachable.find((candidate) => candidate.id === toAttach);
    if (rule === undefined) return;
    onChange({
      title: `Attach rule ${ruleLabel(rule)} to ${policy.name}?`,
      description: `Everyone the policy ${policy.name} is assigned to will be ruled by ${ruleLabel(rule)} too.`,
      confirmLabel: 'Attach rule',
      isDestructive: false,
      after: withRules(access, policy.id, [...policy.ruleIds, rule.id]),
      run: async () => {
        await linkRules(policy.id, [rule.id]);
        setToAttach(null);
      },
      successMessage: `Rule ${ruleLabel(rule)} attached to ${policy.name}.`,
      deniable: DENIABLE,
    });
  };
  const handleDetach = (rule: AccessRule) => {
    onChange({
      title: `Detach rule ${ruleLabel(rule)} from ${policy.name}?`,
      description: 'The rule stays in the rule list; this policy no longer holds it.',
      confirmLabel: 'Detach rule',
      isDestructive: true,
      after: withRules(
        access,
        policy.id,
        policy.ruleIds.filter((id) => id !== rule.id),
      ),
      run: () => unlinkRule(policy.id, rule.id),
      successMessage: `Rule ${ruleLabel(rule)} detached from ${policy.name}.`,
      deniable: DENIABLE,
    });
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Rules
      </Title>
      {held.length === 0 ? (
        <Text size="sm" c="dimmed">
          This policy holds no rules.
        </Text>
      ) : (
        <Table aria-label={`Rules of ${policy.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Path</Table.Th>
              <Table.Th>Allows</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {held.map((rule) => (
              <Table.Tr key={rule.id}>
                <Table.Td>{ruleLabel(rule)}</Table.Td>
                <Table.Td ff="monospace">{rule.path === '' ? '(every path)' : rule.path}</Table.Td>
                <Table.Td>
                  {[rule.readable && 'read', rule.updatable && 'update', rule.executable && 'execute']
                    .filter((permission) => permission !== false)
                    .join(', ') || 'denies all'}
                </Table.Td>
                <Table.Td>
                  <GuardedButton
                    size="xs"
                    variant="subtle"
                    color="red"
                    deniedReason={deniedReason}
                    deniable={DENIABLE}
                    aria-label={`Detach rule ${ruleLabel(rule)}`}
                    onClick={() => {
                      handleDetach(rule);
                    }}
                  >
                    Detach
                  </GuardedButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {deniedReason === null ? (
        <Group align="flex-end" gap="xs">
          <Select
            label="Attach a rule"
            placeholder="Pick a rule"
            searchable
            data={attachable.map((rule) => ({ value: rule.id, label: `${ruleLabel(rule)} (${rule.path})` }))}
            value={toAttach}
            onChange={setToAttach}
            w={360}
          />
          <Button onClick={handleAttach} disabled={toAttach === null}>
            Attach
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setCreating(true);
            }}
          >
            New rule in this policy
          </Button>
        </Group>
      ) : null}
      <Dialog
        opened={isCreating}
        onClose={() => {
          setCreating(false);
        }}
        title={`New rule in ${policy.name}`}
        size="xl"
      >
        <RuleForm
          rule={null}
          policy={policy}
          context={context}
          onDone={() => {
            setCreating(false);
          }}
        />
      </Dialog>
    </Stack>
  );
}
