import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SettingsLayer } from '@/lib/effective-settings';
import type { SettingLevel } from '@/lib/settings-schema';
import { renderWithProviders } from '@/test/render-with-providers';
import { SettingsForm } from './settings-form';

const USERS = ['alice', 'bob'];
const GROUPS = ['approvers'];

/** The form with the document in state, as the editor holds it; `onDocument` hears every new document. */
function renderForm({
  initial,
  level = 'project',
  inherited,
  readOnly,
}: {
  initial: unknown;
  level?: SettingLevel;
  inherited?: SettingsLayer[];
  readOnly?: boolean;
}) {
  const onDocument = vi.fn<(next: unknown) => void>();
  function Harness() {
    const [value, setValue] = useState<unknown>(initial);
    return (
      <SettingsForm
        value={value}
        onChange={(next) => {
          onDocument(next);
          setValue(next);
        }}
        level={level}
        users={USERS}
        groups={GROUPS}
        inherited={inherited}
        readOnly={readOnly}
      />
    );
  }
  return { ...renderWithProviders(<Harness />), onDocument };
}

const lastDocument = (onDocument: ReturnType<typeof vi.fn<(next: unknown) => void>>): unknown =>
  onDocument.mock.calls.at(-1)?.[0];

describe('SettingsForm', () => {
  it('turns on allow_parallel_changes and keeps keys it does not know', async () => {
    const { user, onDocument } = renderForm({ initial: { custom: { keep: [1, 2] } } });

    await user.click(screen.getByRole('switch', { name: 'Allow parallel changes' }));

    expect(lastDocument(onDocument)).toEqual({ custom: { keep: [1, 2] }, allow_parallel_changes: true });
    expect(screen.getByRole('switch', { name: 'Allow parallel changes' })).toBeChecked();
  });

  it('sets requires_approval_from from the offered users and groups and from typed names', async () => {
    const { user, onDocument } = renderForm({ initial: {} });

    const input = screen.getByRole('combobox', { name: 'Requires approval from' });
    await user.click(input);
    await user.click(await screen.findByRole('option', { name: 'approvers' }));
    await user.type(input, 'carol{Enter}');

    expect(lastDocument(onDocument)).toEqual({ requires_approval_from: 'approvers, carol' });
  });

  it('shows what an environment inherits, keeps project-only keys off, and inherits again on request', async () => {
    const inherited: SettingsLayer[] = [
      {
        level: 'project',
        label: 'Bank',
        data: { allow_parallel_changes: true, event_retention_days: 30 },
      },
    ];
    const { user, onDocument } = renderForm({
      initial: { event_retention_days: 7 },
      level: 'environment',
      inherited,
    });

    const parallel = screen.getByRole('switch', { name: 'Allow parallel changes' });
    expect(parallel).toBeDisabled();
    expect(parallel).toBeChecked();
    expect(screen.getByText('In force: Yes · Inherited from project Bank')).toBeInTheDocument();
    expect(screen.getByText('In force: 7 days · Set here')).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', {
        name: 'Inherit instead: remove Event retention (days) from this document',
      }),
    );

    expect(lastDocument(onDocument)).toEqual({});
    expect(screen.getByText('In force: 30 days · Inherited from project Bank')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Event retention (days)' })).toHaveAttribute(
      'placeholder',
      'Inherited: 30 days',
    );
  });

  it('sets retention days, or keeps forever with null', async () => {
    const { user, onDocument } = renderForm({ initial: {} });

    await user.type(screen.getByRole('textbox', { name: 'Change log retention (days)' }), '14');
    expect(lastDocument(onDocument)).toEqual({ change_log_retention_days: 14 });

    await user.click(screen.getByRole('checkbox', { name: 'Keep forever (null): Event retention (days)' }));
    expect(lastDocument(onDocument)).toEqual({ change_log_retention_days: 14, event_retention_days: null });
  });

  // Many keystrokes and two dropdowns: slow on a loaded two-core machine.
  it(
    'edits the notifications block: a target with its URL, and an event that notifies it',
    { timeout: 60_000 },
    async () => {
      const { user, onDocument } = renderForm({ initial: {} });

      await user.click(screen.getByRole('button', { name: 'Add target' }));
      const name = screen.getByRole('textbox', { name: 'Target name' });
      await user.clear(name);
      await user.type(name, 'slack');
      await user.tab();
      await user.type(screen.getByRole('textbox', { name: 'URLs of slack' }), 'https://hooks.example.com/a');
      await user.click(screen.getByRole('checkbox', { name: 'Change failure: notify' }));
      await user.click(screen.getByRole('combobox', { name: 'Change failure: notify to' }));
      await user.click(await screen.findByRole('option', { name: 'slack' }));

      expect(lastDocument(onDocument)).toEqual({
        notifications: {
          targets: { slack: ['https://hooks.example.com/a'] },
          events: { change: { failure: { notify: true, notify_to: ['slack'] } } },
        },
      });
    },
  );

  it('refuses a target name that is already taken', async () => {
    const { user } = renderForm({ initial: { notifications: { targets: { a: [], b: [] } } } });

    const [first] = screen.getAllByRole('textbox', { name: 'Target name' });
    if (first === undefined) throw new Error('no target rows');
    await user.clear(first);
    await user.type(first, 'b');
    await user.tab();

    expect(await screen.findByText('b is already a target')).toBeInTheDocument();
  });

  it('shows but does not edit when read-only', () => {
    renderForm({ initial: { allow_parallel_changes: true }, readOnly: true });

    expect(screen.getByRole('switch', { name: 'Allow parallel changes' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Add target' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /from this document$/ })).not.toBeInTheDocument();
  });

  it('asks for a JSON object when the document is something else', () => {
    renderForm({ initial: [1, 2] });
    expect(screen.getByRole('alert')).toHaveTextContent('The form needs a JSON object');
    expect(within(document.body).queryByRole('switch')).not.toBeInTheDocument();
  });
});
