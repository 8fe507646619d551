import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useCreateBookmark, useUpdateBookmark, type Bookmark, type BookmarkFields } from '@/api/bookmarks';
import { formFailure } from '@/api/failures';
import { useRecordDenial } from '@/api/record-denial';
import type { DeniableAction } from '@/lib/server-denials';
import { isWebUrl } from '@/lib/web-url';
import { FormAlert } from '@/ui/form-alert';
import { notifyFailure, notifySuccess } from '@/ui/notify';

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
  const recordDenial = useRecordDenial();
  const create = useCreateBookmark();
  const update = useUpdateBookmark();
  const [formError, setFormError] = useState<string | null>(null);
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

  const handleError = (error: Error) => {
    const failure = formFailure(error, ['url', 'description']);
    form.setErrors(failure.fields);
    setFormError(failure.message);
    if (failure.isForbidden && failure.message !== null) {
      notifyFailure('Bookmark not saved', failure.message);
      recordDenial(error, deniable);
    }
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    const fields = { url: values.url.trim(), description: values.description.trim() };
    const onSuccess = () => {
      notifySuccess(`Bookmark "${fields.description}" saved.`);
      onDone();
    };
    if (bookmark === undefined) create.mutate({ nodePath, fields }, { onSuccess, onError: handleError });
    else update.mutate({ nodePath, id: bookmark.id, fields }, { onSuccess, onError: handleError });
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
          <Button type="submit" loading={create.isPending || update.isPending}>
            {bookmark === undefined ? 'Add bookmark' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
