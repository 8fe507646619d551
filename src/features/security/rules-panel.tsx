import { Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuthorisationRule } from '@/api/authorisation';
import { deleteRule, ruleListQuery } from '@/api/authorisation-admin';
import { listQueryState } from '@/api/list-query-state';
import { resolveSort, sortSpec, type ListSearch } from '@/lib/list-search';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { Dialog } from '@/ui/dialog';
import { GuardedButton } from '@/ui/guarded-button';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { StatusBadge } from '@/ui/status-badge';
import { ConfirmChangeDialog, type PendingChange } from './confirm-change-dialog';
import { RuleForm } from './rule-form';
import { useSecurityContext } from './use-security-context';

const RULE_SORT_COLUMNS = ['name', 'path'] as const;
type RuleSortColumn = (typeof RULE_SORT_COLUMNS)[number];
const RULES_DENIABLE = { resource: '/authorisation_rules', action: 'update' };

function permissionsOf(rule: AuthorisationRule): string {
  const allowed = [rule.readable && 'read', rule.updatable && 'update', rule.executable && 'execute'].filter(
    (permission): permission is string => typeof permission === 'string',
  );
  return allowed.length === 0 ? 'denies all' : allowed.join(', ');
}

const COLUMNS: readonly DataTableColumn<AuthorisationRule, RuleSortColumn>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    isSticky: true,
    render: (rule) => (
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {rule.name ?? '(unnamed)'}
        </Text>
        {rule.system ? <StatusBadge tone="neutral">System</StatusBadge> : null}
      </Group>
    ),
  },
  {
    key: 'path',
    header: 'Path',
    sortKey: 'path',
    render: (rule) => (
      <Text size="sm" ff="monospace">
        {rule.path === '' ? '(every path)' : rule.path}
      </Text>
    ),
  },
  { key: 'allows', header: 'Allows', render: (rule) => <Text size="sm">{permissionsOf(rule)}</Text> },
  {
    key: 'policies',
    header: 'Policies',
    isLowPriority: true,
    render: (rule) => {
      const count = rule.relationships.authorisation_policies?.data;
      const n = Array.isArray(count) ? count.length : 0;
      return <Text size="sm">{n === 0 ? 'in no policy' : `in ${String(n)}`}</Text>;
    },
  },
];

export interface RulesPanelProps {
  search: ListSearch;
  onSearchChange: (patch: Partial<ListSearch>) => void;
}

/** Authorisation rules: the list (filtered by the server), and create, edit and delete with their impact. */
export function RulesPanel({ search, onSearchChange }: RulesPanelProps) {
  const context = useSecurityContext();
  const text = (search.q ?? '').trim();
  const sort = resolveSort(search, RULE_SORT_COLUMNS, { column: 'name', direction: 'asc' });
  const rules = useQuery({
    ...ruleListQuery({
      filters: { name_or_path_cont: text === '' ? undefined : text },
      sorts: sortSpec(sort),
    }),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<AuthorisationRule | 'new' | null>(null);
  const [pending, setPending] = useState<PendingChange | null>(null);
  const systemReason = (rule: AuthorisationRule) =>
    rule.system ? 'System rules are read-only.' : context.rulesDenied;

  const handleDelete = (rule: AuthorisationRule) => {
    const access = context.access;
    setPending({
      title: `Delete rule ${rule.name ?? rule.path}?`,
      description: 'The rule leaves every policy that holds it. There is no undo.',
      confirmLabel: 'Delete rule',
      isDestructive: true,
      after:
        access === undefined
          ? null
          : {
              rules: access.rules.filter((candidate) => candidate.id !== rule.id),
              policies: access.policies.map((policy) => ({
                ...policy,
                ruleIds: policy.ruleIds.filter((id) => id !== rule.id),
              })),
            },
      run: () => deleteRule(rule.id),
      successMessage: `Rule ${rule.name ?? rule.path} deleted.`,
      deniable: RULES_DENIABLE,
    });
  };

  return (
    <Stack gap="sm">
      <ListFilterBar
        search={search}
        onSearchChange={onSearchChange}
        what="rules"
        matches="name or path"
        hasArchived={false}
      >
        <GuardedButton
          deniedReason={context.rulesDenied}
          deniable={RULES_DENIABLE}
          onClick={() => {
            setEditing('new');
          }}
        >
          New rule
        </GuardedButton>
      </ListFilterBar>
      <DataTable
        label="Authorisation rules"
        what="rules"
        {...listQueryState(rules)}
        rowKey={(rule) => rule.id}
        columns={COLUMNS}
        sort={sort}
        onSortChange={onSearchChange}
        skeletonRows={4}
        emptyTitle={text === '' ? 'No rules' : `No rules match “${text}”`}
        emptyHint="Rules grant or deny read, update and execute on the paths their regular expression matches."
        minWidth={640}
        rowActions={[
          {
            label: 'Edit',
            accessibleName: (rule) => `Edit rule ${rule.name ?? rule.path}`,
            deniedReason: systemReason,
            deniable: RULES_DENIABLE,
            onAction: setEditing,
          },
          {
            label: 'Delete',
            color: 'red',
            accessibleName: (rule) => `Delete rule ${rule.name ?? rule.path}`,
            deniedReason: systemReason,
            deniable: RULES_DENIABLE,
            onAction: handleDelete,
          },
        ]}
      />
      <Dialog
        opened={editing !== null}
        onClose={() => {
          setEditing(null);
        }}
        title={editing === 'new' ? 'New rule' : `Edit rule ${editing?.name ?? ''}`}
        size="xl"
      >
        {editing === null ? null : (
          <RuleForm
            rule={editing === 'new' ? null : editing}
            context={context}
            onDone={() => {
              setEditing(null);
            }}
          />
        )}
      </Dialog>
      <ConfirmChangeDialog
        change={pending}
        context={context}
        onClose={() => {
          setPending(null);
        }}
      />
    </Stack>
  );
}
