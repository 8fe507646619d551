import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateBookmark, useUpdateBookmark, type Bookmark, type BookmarkFields } from '@/api/bookmarks';
import { formFailure } from '@/api/failures';
import type { DeniableAction } from '@/lib/server-denials';
import { isWebUrl } from '@/lib/web-url';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';

export interface BookmarkFormProps {
  nodePath: string;
  /** The bookmark to edit; a new one is added when absent. */
  bookmark?: Bookmark | undefined;
  /** Changing the node's bookmarks: a 403 is remembered on it, so its buttons say why they are disabled. */
  deniable: DeniableAction;
  onDone: () => void;
}

/** Adds or edits a bookmark: a labelled http(s) link. */
export function BookmarkForm({ nodePath, bookmark, deniable, onDone }: BookmarkFormProps) {
  const create = useCreateBookmark();
  const update = useUpdateBookmark();
  const form = useForm<BookmarkFields>({
    initialValues: { url: bookmark?.url ?? '', description: bookmark?.description ?? '' },
    validate: {
      url: (value) =>
        value.trim() === ''
          ? 'Enter the URL to open.'
          : isWebUrl(value.trim())
            ? null
            : 'Enter a full http:// or https:// address.',
      description: (value) => (value.trim() === '' ? 'Describe the link, e.g. "Grafana dashboards".' : null),
    },
  });

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: ['url', 'description'],
    describeFailure: formFailure,
    submit: (values: BookmarkFields) => {
      const fields = { url: values.url.trim(), description: values.description.trim() };
      return bookmark === undefined
        ? create.mutateAsync({ nodePath, fields })
        : update.mutateAsync({ nodePath, id: bookmark.id, fields });
    },
    deniable,
    failureTitle: 'Bookmark not saved',
    successMessage: (_, values) => `Bookmark "${values.description.trim()}" saved.`,
    onSuccess: onDone,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} />
        <TextInput
          label="Description"
          required
          data-autofocus
          placeholder="Grafana dashboards"
          {...form.getInputProps('description')}
        />
        <TextInput label="URL" required type="url" placeholder="https://" {...form.getInputProps('url')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {bookmark === undefined ? 'Add bookmark' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
