import { Button, Code, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateChange, type CreateChangeInput, type CreatedChange } from '@/api/change-create';
import { formFailure } from '@/api/failures';
import { parseNodePath } from '@/lib/node-path';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';
import { ApprovalNotice } from './approval-notice';
import { jsonFieldText, parseJsonObjectField } from './change-json';
import { AssetSourceFields, RemoteSourceFields } from './run-change-fields';
import {
  RUN_CHANGE_ACTION,
  RUN_CHANGE_FIELDS,
  type RunChangeInitial,
  type RunChangeValues,
} from './run-change-types';
import { TargetPicker } from './target-picker';
import { useTargetChain } from './use-target-node';

export interface RunChangeFormProps {
  /** The target when the dialog was opened from its page; otherwise the form offers a target picker. */
  target?: string | undefined;
  initial?: RunChangeInitial | undefined;
  onCreated: (change: CreatedChange) => void;
  onCancel: () => void;
}

function initialValues(target: string | undefined, initial: RunChangeInitial | undefined): RunChangeValues {
  return {
    parent_path: target ?? initial?.target ?? '',
    action: initial?.action ?? '',
    git_remote_name: initial?.git_remote ?? '',
    git_rev: initial?.git_rev ?? '',
    template_version: initial?.template_version ?? '',
    metadata: jsonFieldText(initial?.metadata),
    property_overrides: jsonFieldText(initial?.property_overrides),
  };
}

const required = (label: string) => (value: string) => (value.trim() === '' ? `${label} is required` : null);

/** The body to send for the form's values; asset changes name no Git remote (domain §7.1). */
function toInput(values: RunChangeValues): CreateChangeInput {
  const isAsset = parseNodePath(values.parent_path)?.kind === 'asset';
  return {
    parent_path: values.parent_path,
    action: values.action.trim(),
    git_remote_name: isAsset ? undefined : values.git_remote_name,
    git_rev: isAsset ? undefined : values.git_rev.trim(),
    template_version: isAsset && values.template_version !== '' ? values.template_version : undefined,
    metadata: parseJsonObjectField(values.metadata, 'Metadata').value,
    property_overrides: parseJsonObjectField(values.property_overrides, 'Property overrides').value,
  };
}

/** Starts a change: target, action, where its code comes from, overrides and metadata. */
export function RunChangeForm({ target, initial, onCreated, onCancel }: RunChangeFormProps) {
  const create = useCreateChange();
  const form = useForm<RunChangeValues>({
    initialValues: initialValues(target, initial),
    validate: {
      parent_path: (value) =>
        parseNodePath(value) === null ? 'Choose a project, environment or asset' : null,
      action: required('Action'),
      git_remote_name: (value, values) =>
        parseNodePath(values.parent_path)?.kind === 'asset' ? null : required('Git remote')(value),
      git_rev: (value, values) =>
        parseNodePath(values.parent_path)?.kind === 'asset' ? null : required('Revision')(value),
      metadata: (value) => parseJsonObjectField(value, 'Metadata').error,
      property_overrides: (value) => parseJsonObjectField(value, 'Property overrides').error,
    },
  });
  const ref = parseNodePath(form.values.parent_path);
  const chain = useTargetChain(ref);
  const asset = chain.asset?.data;

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: RUN_CHANGE_FIELDS,
    describeFailure: formFailure,
    submit: (values: RunChangeValues) => create.mutateAsync(toInput(values)),
    deniable: ref === null ? undefined : { resource: form.values.parent_path, action: RUN_CHANGE_ACTION },
    failureTitle: 'Change not started',
    successMessage: (change) => `Change ${change.action} started.`,
    onSuccess: onCreated,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} title="Change not started" />
        {target === undefined ? (
          <TargetPicker
            value={form.values.parent_path}
            onChange={(path) => {
              form.setFieldValue('parent_path', path);
            }}
            error={typeof form.errors.parent_path === 'string' ? form.errors.parent_path : undefined}
          />
        ) : (
          <Text size="sm">
            Target <Code>{target}</Code>
            {form.errors.parent_path === undefined ? null : (
              <Text span c="var(--mantine-color-error)" size="sm" role="alert">
                {' '}
                {form.errors.parent_path}
              </Text>
            )}
          </Text>
        )}
        {ref === null ? null : ref.kind === 'asset' ? (
          asset === undefined ? (
            <Text size="sm" c="dimmed">
              {chain.asset?.isError === true
                ? 'The asset could not be loaded.'
                : 'Loading the asset’s actions…'}
            </Text>
          ) : (
            <AssetSourceFields form={form} asset={asset} />
          )
        ) : (
          <RemoteSourceFields form={form} projectCode={ref.projectCode} />
        )}
        <Textarea
          label="Property overrides"
          description="Optional JSON object, merged over the target’s properties for this change"
          placeholder='{"opschain": {"env": {"LOG_LEVEL": "debug"}}}'
          autosize
          minRows={2}
          maxRows={10}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('property_overrides')}
        />
        <Textarea
          label="Metadata"
          description='Optional JSON object kept with the change, for filtering: {"change_request": "CR921"}'
          placeholder='{"change_request": "CR921"}'
          autosize
          minRows={2}
          maxRows={10}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('metadata')}
        />
        <ApprovalNotice target={ref} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Run change
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
