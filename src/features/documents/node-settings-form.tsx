import { Alert, Stack, Text } from '@mantine/core';
import { failureMessage } from '@/api/failures';
import type { AnyNode } from '@/api/node-mutations';
import { SettingsForm } from './settings-form';
import { useApproverNames } from './use-approver-names';
import { useParentSettings } from './use-parent-settings';

export interface NodeSettingsFormProps {
  node: AnyNode;
  /** The settings document being edited. */
  value: unknown;
  onChange: (next: unknown) => void;
  readOnly?: boolean;
}

/** The settings form for a node's document, fed with the server's users and groups and the parents' settings. */
export function NodeSettingsForm({ node, value, onChange, readOnly = false }: NodeSettingsFormProps) {
  const names = useApproverNames();
  const parents = useParentSettings(node);
  return (
    <Stack gap="sm">
      {names.problem === null ? null : (
        <Text size="xs" c="dimmed">
          {names.problem}
        </Text>
      )}
      {parents.status === 'pending' ? (
        <Text size="xs" c="dimmed">
          Loading what this node inherits…
        </Text>
      ) : null}
      {parents.status === 'error' ? (
        <Alert color="yellow" title="Inherited values unknown">
          The parents&apos; settings could not be loaded ({failureMessage(parents.error)}), so the form shows
          only this document&apos;s values.
        </Alert>
      ) : null}
      <SettingsForm
        value={value}
        onChange={onChange}
        readOnly={readOnly}
        level={node.kind}
        users={names.users}
        groups={names.groups}
        inherited={parents.status === 'success' ? parents.layers : []}
      />
    </Stack>
  );
}
