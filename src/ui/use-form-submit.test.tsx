import { Button, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { serverDenial } from '@/lib/server-denials';
import { renderWithProviders } from '@/test/render-with-providers';
import { FormAlert } from './form-alert';
import { useFormSubmit, type SubmitFailure } from './use-form-submit';

// The failures a form may meet, read as src/api's `formFailure` reads them (src/ui may not import it).
class FieldRejection extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('422');
  }
}
class Refusal extends Error {}

function describeFailure(error: unknown, fields: readonly string[]): SubmitFailure {
  if (error instanceof FieldRejection) {
    const known = Object.entries(error.fields).filter(([field]) => fields.includes(field));
    const rest = Object.entries(error.fields).filter(([field]) => !fields.includes(field));
    return {
      fields: Object.fromEntries(known),
      message: rest.length === 0 ? null : rest.map(([, text]) => text).join('\n'),
      deniedReason: null,
    };
  }
  if (error instanceof Refusal) {
    return { fields: {}, message: `${error.message}\nAsk an administrator.`, deniedReason: error.message };
  }
  return { fields: {}, message: 'The OpsChain server could not be reached.', deniedReason: null };
}

const deniable = { resource: '/projects', action: 'create-project' };

function NameForm({
  submit,
  onSuccess,
}: {
  submit: (values: { name: string }) => Promise<string>;
  onSuccess: () => void;
}) {
  const form = useForm({ initialValues: { name: '' } });
  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: ['name'],
    describeFailure,
    submit,
    deniable,
    failureTitle: 'Project not created',
    successMessage: (saved) => `Project ${saved} created.`,
    onSuccess,
  });
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormAlert message={formError} />
      <TextInput label="Name" {...form.getInputProps('name')} />
      <Button type="submit" loading={isSubmitting}>
        Create
      </Button>
    </form>
  );
}

describe('useFormSubmit', () => {
  it('sends the values, says it worked and hands on the answer', async () => {
    const submit = vi.fn((values: { name: string }) => Promise.resolve(values.name));
    const onSuccess = vi.fn();
    const { user } = renderWithProviders(<NameForm submit={submit} onSuccess={onSuccess} />);

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Payments');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Project Payments created.')).toBeInTheDocument();
    expect(submit).toHaveBeenCalledWith({ name: 'Payments' });
    expect(onSuccess).toHaveBeenCalledWith('Payments');
  });

  it('puts 422 errors on the fields they name and the others above the fields', async () => {
    const submit = () =>
      Promise.reject(
        new FieldRejection({ name: 'Name has already been taken', base: 'Projects are frozen' }),
      );
    const onSuccess = vi.fn();
    const { user } = renderWithProviders(<NameForm submit={submit} onSuccess={onSuccess} />);

    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => {
      expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
        'Name has already been taken',
      );
    });
    expect(screen.getByText('Projects are frozen')).toBeInTheDocument();
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('explains a 403 above the fields and in a notification, and denies the action with the server’s reason', async () => {
    const submit = () => Promise.reject(new Refusal('You are not permitted to create projects'));
    const { user, queryClient } = renderWithProviders(<NameForm submit={submit} onSuccess={vi.fn()} />);

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Payments');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Project not created')).toBeInTheDocument();
    expect(screen.getAllByText(/You are not permitted to create projects/).length).toBeGreaterThanOrEqual(2);
    expect(serverDenial(queryClient, deniable)).toBe('You are not permitted to create projects');
    // What was typed is kept.
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Payments');
  });

  it('shows other failures above the fields without denying anything, and clears them on the next try', async () => {
    const submit = vi
      .fn<(values: { name: string }) => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce('Payments');
    const { user, queryClient } = renderWithProviders(<NameForm submit={submit} onSuccess={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('The OpsChain server could not be reached.')).toBeInTheDocument();
    expect(serverDenial(queryClient, deniable)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => {
      expect(screen.queryByText('The OpsChain server could not be reached.')).toBeNull();
    });
  });
});
