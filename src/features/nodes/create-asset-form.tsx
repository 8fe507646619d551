import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateAsset, type Asset } from '@/api/assets';
import { formFailure } from '@/api/failures';
import type { AssetOwner } from '@/lib/node-path';
import type { DeniableAction } from '@/lib/server-denials';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';
import { validateCode, validateName } from './node-code';
import { NodeFields, type NodeFieldValues } from './node-fields';
import { TemplateVersionFields, type TemplateChoice } from './template-version-fields';

const FIELDS = ['code', 'name', 'description', 'template_name', 'template_version'] as const;

type Values = NodeFieldValues & TemplateChoice;

export interface CreateAssetFormProps {
  owner: AssetOwner;
  onCreated: (asset: Asset) => void;
  onCancel: () => void;
  /** Creating it, as the server may refuse it (403): the refusal is remembered, so the button says why. */
  deniable: DeniableAction;
}

/** A new asset of a project or an environment, built from a template version. */
export function CreateAssetForm({ owner, onCreated, onCancel, deniable }: CreateAssetFormProps) {
  const create = useCreateAsset();
  const form = useForm<Values>({
    initialValues: { code: '', name: '', description: '', template_name: '', template_version: '' },
    validate: {
      code: validateCode,
      name: validateName,
      template_name: (value) => (value === '' ? 'Choose the template the asset is built from.' : null),
      template_version: (value) => (value === '' ? 'Choose a version of the template.' : null),
    },
  });

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: FIELDS,
    describeFailure: formFailure,
    submit: (values: Values) =>
      create.mutateAsync({
        owner,
        attributes: {
          code: values.code.trim(),
          name: values.name.trim(),
          description: values.description,
          template_name: values.template_name,
          template_version: values.template_version,
        },
      }),
    deniable,
    failureTitle: 'Asset not created',
    successMessage: (asset) => `Asset ${asset.name} created.`,
    onSuccess: onCreated,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} title="Asset not created" />
        <NodeFields
          form={form}
          kind="asset"
          onCodeChange={(code) => {
            form.setFieldValue('code', code);
          }}
        />
        <TemplateVersionFields
          projectCode={owner.projectCode}
          form={form}
          onTemplateChange={(templateName) => {
            form.setValues({ template_name: templateName, template_version: '' });
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create asset
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
