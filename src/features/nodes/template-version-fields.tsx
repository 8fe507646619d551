import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { failureMessage } from '@/api/failures';
import { templateListQuery, templateVersionsQuery } from '@/api/templates';

export interface TemplateChoice {
  /** The template's name, which the create request sends as `template_name` (as the spec's example). */
  template_name: string;
  template_version: string;
}

export interface TemplateVersionFieldsProps<V extends TemplateChoice> {
  projectCode: string;
  form: UseFormReturnType<V>;
  /** A new template was picked (its name, or '' when cleared); the version must be picked again. */
  onTemplateChange: (templateName: string) => void;
}

/** Pickers for the template an asset is built from and its version; archived ones are not offered. */
export function TemplateVersionFields<V extends TemplateChoice>({
  projectCode,
  form,
  onTemplateChange,
}: TemplateVersionFieldsProps<V>) {
  const templates = useQuery(
    templateListQuery(projectCode, { filters: { archived_eq: false }, sorts: 'name' }),
  );
  const selected = templates.data?.items.find((template) => template.name === form.values.template_name);
  const versions = useQuery({
    ...templateVersionsQuery(projectCode, selected?.code ?? ''),
    enabled: selected !== undefined,
  });
  const usable = (versions.data?.items ?? []).filter((version) => version.archived !== true);

  const templateError = templates.isError ? failureMessage(templates.error) : undefined;
  const versionError = versions.isError ? failureMessage(versions.error) : undefined;

  return (
    <>
      <Select
        label="Template"
        required
        searchable
        placeholder={templates.isPending ? 'Loading templates…' : 'Choose a template'}
        nothingFoundMessage="No template matches"
        data={(templates.data?.items ?? []).map((template) => ({
          value: template.name,
          label: `${template.name} (${template.code})`,
        }))}
        {...form.getInputProps('template_name')}
        error={form.errors.template_name ?? templateError}
        onChange={(value) => {
          const template = templates.data?.items.find((candidate) => candidate.name === value);
          onTemplateChange(template?.name ?? '');
        }}
      />
      <Select
        label="Template version"
        required
        disabled={selected === undefined}
        placeholder={
          selected === undefined
            ? 'Choose a template first'
            : versions.isPending
              ? 'Loading versions…'
              : 'Choose a version'
        }
        nothingFoundMessage="This template has no usable versions"
        data={usable.map((version) => ({
          value: version.version,
          label: `${version.version}${version.description === '' ? '' : ` — ${version.description}`}`,
        }))}
        {...form.getInputProps('template_version')}
        error={form.errors.template_version ?? versionError}
      />
    </>
  );
}
