import { Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuthorisationPolicy } from '@/api/authorisation';
import { policyFilteredListQuery } from '@/api/authorisation-admin';
import { listQueryState } from '@/api/list-query-state';
import { groupListQuery } from '@/api/users';
import { resolveSort, sortSpec, type ListSearch } from '@/lib/list-search';
import { DataTable } from '@/ui/data-table';
import type { DataTableColumn } from '@/ui/data-table-types';
import { Dialog } from '@/ui/dialog';
import { GuardedButton } from '@/ui/guarded-button';
import { ListFilterBar } from '@/ui/list-filter-bar';
import { StatusBadge } from '@/ui/status-badge';
import { ConfirmChangeDialog, type PendingChange } from './confirm-change-dialog';
import { PolicyDetail } from './policy-detail';
import { PolicyForm } from './policy-form';
import { useSecurityContext } from './use-security-context';

const POLICY_SORT_COLUMNS = ['name'] as const;
type PolicySortColumn = (typeof POLICY_SORT_COLUMNS)[number];

function countOf(policy: AuthorisationPolicy, relation: string): number {
  const data = policy.relationships[relation]?.data;
  return Array.isArray(data) ? data.length : 0;
}

const COLUMNS: readonly DataTableColumn<AuthorisationPolicy, PolicySortColumn>[] = [
  {
    key: 'name',
    header: 'Name',
    sortKey: 'name',
    isSticky: true,
    render: (policy) => (
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {policy.name}
        </Text>
        {policy.system ? <StatusBadge tone="neutral">System</StatusBadge> : null}
      </Group>
    ),
  },
  {
    key: 'description',
    header: 'Description',
    render: (policy) => <Text size="sm">{policy.description ?? ''}</Text>,
  },
  {
    key: 'rules',
    header: 'Rules',
    render: (policy) => <Text size="sm">{String(countOf(policy, 'authorisation_rules'))}</Text>,
  },
  {
    key: 'assignments',
    header: 'Assignments',
    render: (policy) => <Text size="sm">{String(countOf(policy, 'policy_assignments'))}</Text>,
  },
];

export interface PoliciesSearch extends ListSearch {
  policy?: string | undefined;
}

export interface PoliciesPanelProps {
  search: PoliciesSearch;
  onSearchChange: (patch: Partial<PoliciesSearch>) => void;
}

/** Authorisation policies: the list, and the opened policy's rules and assignments below it. */
export function PoliciesPanel({ search, onSearchChange }: PoliciesPanelProps) {
  const context = useSecurityContext();
  const groups = useQuery(groupListQuery());
  const text = (search.q ?? '').trim();
  const sort = resolveSort(search, POLICY_SORT_COLUMNS, { column: 'name', direction: 'asc' });
  const policies = useQuery({
    ...policyFilteredListQuery({
      filters: { name_cont: text === '' ? undefined : text },
      sorts: sortSpec(sort),
    }),
    placeholderData: keepPreviousData,
  });
  const [isCreating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingChange | null>(null);
  const opened = policies.data?.items.find((policy) => policy.id === search.policy);
  const takenNames = (context.access?.policies ?? []).map((policy) => policy.name);

  return (
    <Stack gap="sm">
      <ListFilterBar
        search={search}
        onSearchChange={onSearchChange}
        what="policies"
        matches="name"
        hasArchived={false}
      >
        <GuardedButton
          deniedReason={context.policiesDenied}
          deniable={{ resource: '/authorisation_policies', action: 'update' }}
          onClick={() => {
            setCreating(true);
          }}
        >
          New policy
        </GuardedButton>
      </ListFilterBar>
      <DataTable
        label="Authorisation policies"
        what="policies"
        {...listQueryState(policies)}
        rowKey={(policy) => policy.id}
        columns={COLUMNS}
        sort={sort}
        onSortChange={onSearchChange}
        skeletonRows={4}
        emptyTitle={text === '' ? 'No policies' : `No policies match “${text}”`}
        emptyHint="Policies bundle rules and are assigned to users, groups or everyone."
        minWidth={560}
        activeRowKey={search.policy}
        rowActions={[
          {
            label: 'Open',
            accessibleName: (policy) => `Open policy ${policy.name}`,
            deniedReason: null,
            onAction: (policy) => {
              onSearchChange({ policy: policy.id });
            },
          },
        ]}
      />
      {opened === undefined ? null : (
        <PolicyDetail
          key={opened.id}
          policy={opened}
          context={context}
          usernames={context.users.map((user) => user.username)}
          groupnames={(groups.data?.items ?? []).map((group) => group.cn)}
          takenNames={takenNames}
          onChange={setPending}
          onDeleted={() => {
            onSearchChange({ policy: undefined });
          }}
        />
      )}
      <Dialog
        opened={isCreating}
        onClose={() => {
          setCreating(false);
        }}
        title="New policy"
      >
        <PolicyForm
          policy={null}
          ruleIds={[]}
          takenNames={takenNames}
          onDone={(saved) => {
            setCreating(false);
            if (saved !== null) onSearchChange({ policy: saved.id });
          }}
        />
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
