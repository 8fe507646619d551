import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAuth } from '@/app/auth';
import { createAppRouter } from '@/app/router';
import { theme } from '@/app/theme';
import { archiveGitRemote, createGitRemote, listGitRemotes } from '@/api/git-remotes';
import { listScheduledActivities } from '@/api/scheduled-activities';
import { setUpEmulator, signInAs } from '@/test/emulator';
// For its document.fonts stand-in: happy-dom has none, and the metadata Textarea autosizes.
import '@/test/render-with-providers';

// The Schedules tab and the global list in the whole console (router, shell, pages) against the emulator.

setUpEmulator();

const SLOW = { timeout: 8000 };

function renderConsole(initialPath: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createAppRouter(
    { queryClient, auth: createAuth(queryClient) },
    { history: createMemoryHistory({ initialEntries: [initialPath] }) },
  );
  render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { router, user: userEvent.setup() };
}

async function pickRemote(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) {
  const remote = within(dialog).getByRole('combobox', { name: 'Git remote' });
  await waitFor(() => {
    expect(remote).toHaveAttribute('placeholder', 'Pick a remote');
  }, SLOW);
  await user.click(remote);
}

describe('schedules', () => {
  it('shows a viewer the project’s schedules read-only, saying why New schedule and Delete are disabled', async () => {
    signInAs('viewer');
    renderConsole('/projects/bank/schedules');

    const table = await screen.findByRole('table', { name: 'Schedules' }, SLOW);
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
    expect(screen.getByRole('tab', { name: 'Schedules' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('button', { name: 'New schedule' })).toHaveAccessibleDescription(
      'You need update permission on /projects/bank/scheduled_activities to create schedules',
    );
    const [deleteButton] = within(table).getAllByRole('button', { name: /^Delete schedule/ });
    expect(deleteButton).toHaveAttribute('aria-disabled', 'true');
    expect(deleteButton).toHaveAccessibleDescription(
      'You need update permission on /projects/bank/scheduled_activities to delete schedules',
    );
  });

  it('lists every schedule on the global page with its target, filtered by type from the URL', async () => {
    signInAs('viewer');
    renderConsole('/schedules?kind=workflow');

    const table = await screen.findByRole('table', { name: 'Schedules' }, SLOW);
    expect(within(table).getAllByRole('link', { name: '/projects/bank' }).length).toBeGreaterThan(0);
    expect(table).toHaveTextContent(/Workflow db_maintenance/);
    expect(table).not.toHaveTextContent(/Change ·/);
  });

  it('creates a scheduled change on an environment from the builder, after refusing a bad expression', async () => {
    signInAs('opschain');
    const { user } = renderConsole('/projects/bank/environments/test/schedules');
    await user.click(await screen.findByRole('button', { name: 'New schedule' }, SLOW));
    const dialog = await screen.findByRole('dialog', {
      name: 'New schedule on /projects/bank/environments/test',
    });

    await user.type(within(dialog).getByRole('textbox', { name: 'Action' }), 'nightly_check');
    await pickRemote(user, dialog);
    await user.click(await screen.findByRole('option', { name: 'origin' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Git revision' }), 'main');
    const cron = within(dialog).getByRole('textbox', { name: /Cron expression/ });
    await user.clear(cron);
    await user.click(cron);
    await user.paste('*/20 * * * * *');
    await user.click(within(dialog).getByRole('button', { name: 'Create schedule' }));
    expect(await within(dialog).findByText(/fires more than once a minute/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('combobox', { name: 'Schedule pattern' }));
    await user.click(await screen.findByRole('option', { name: 'Every day, at a time' }));
    expect(cron).toHaveValue('0 2 * * *');
    expect(within(dialog).getByText('At 02:00, every day (UTC)')).toBeInTheDocument();

    await user.clear(cron);
    await user.click(cron);
    await user.paste('45 3 * * 2');
    // The builder reads the expression back: weekly, on Tuesday, at 03:45.
    expect(within(dialog).getByRole('checkbox', { name: 'Tuesday' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Monday' })).not.toBeChecked();
    expect(within(dialog).getByText('At 03:45, only on Tuesday (UTC)')).toBeInTheDocument();
    expect(within(dialog).getByRole('table', { name: 'Next five runs' })).toHaveTextContent(
      /Tue \S+ 03:45 UTC/,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create schedule' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    }, SLOW);
    const table = await screen.findByRole('table', { name: 'Schedules' });
    expect(await within(table).findByText('nightly_check')).toBeInTheDocument();
    const saved = await listScheduledActivities(
      { kind: 'environment', projectCode: 'bank', environmentCode: 'test' },
      { filters: { action_eq: 'nightly_check' } },
    );
    expect(saved.items).toMatchObject([
      { cron_schedule: '45 3 * * 2', git_remote_name: 'origin', git_rev: 'main', repeat: true },
    ]);
  }, 40_000);

  it('schedules a published workflow on an Enterprise project, hourly from the builder', async () => {
    signInAs('opschain');
    const { user } = renderConsole('/projects/bank/schedules');
    await user.click(await screen.findByRole('button', { name: 'New schedule' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'New schedule on /projects/bank' });

    await user.click(within(dialog).getByRole('radio', { name: 'A workflow' }));
    const workflow = within(dialog).getByRole('combobox', { name: 'Workflow' });
    await waitFor(() => {
      expect(workflow).toHaveAttribute('placeholder', 'Pick a workflow');
    }, SLOW);
    await user.click(workflow);
    await user.click(await screen.findByRole('option', { name: /\(smoke_checks\), version/ }));
    await user.click(within(dialog).getByRole('combobox', { name: 'Schedule pattern' }));
    await user.click(await screen.findByRole('option', { name: 'Every hour, at a minute' }));
    expect(within(dialog).getByRole('textbox', { name: /Cron expression/ })).toHaveValue('0 * * * *');
    // Only changes take "new commits only".
    expect(within(dialog).queryByRole('checkbox', { name: /new commits/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create schedule' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    }, SLOW);
    const saved = await listScheduledActivities(
      { kind: 'project', projectCode: 'bank' },
      { filters: { workflow_code_eq: 'smoke_checks' } },
    );
    expect(saved.items).toMatchObject([{ type: 'scheduled_workflow', cron_schedule: '0 * * * *' }]);
  }, 40_000);

  it('warns of another schedule firing close by, and lands the server’s 422 on the field it names', async () => {
    signInAs('opschain');
    await createGitRemote({
      projectCode: 'bank',
      attributes: { name: 'mirror', url: 'https://git.example.com/m.git' },
    });
    const { user } = renderConsole('/projects/bank/environments/dev/schedules');
    await user.click(await screen.findByRole('button', { name: 'New schedule' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Action' }), 'deploy');
    await pickRemote(user, dialog);
    await user.click(await screen.findByRole('option', { name: 'mirror' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Git revision' }), 'main');
    // The demo's `hello` runs here at 01:30 every day: a minute later is close enough to warn.
    const cron = within(dialog).getByRole('textbox', { name: /Cron expression/ });
    await user.clear(cron);
    await user.click(cron);
    await user.paste('31 1 * * *');
    const warning = within(dialog).getByRole('alert', {
      name: /Another schedule on this target fires close/,
    });
    expect(warning).toHaveTextContent(/hello \(At 01:30, every day\): fires \w{3} \S+ 01:30 UTC/);
    // Someone archives the remote while the form is open: only the server can tell.
    const mirror = (await listGitRemotes('bank', { filters: { name_eq: 'mirror' } })).items[0];
    await archiveGitRemote({ projectCode: 'bank', id: mirror?.id ?? '', archived: true });
    await user.click(within(dialog).getByRole('button', { name: 'Create schedule' }));

    expect(await within(dialog).findByText('Git remote "mirror" is archived')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Git remote' })).toHaveAccessibleDescription(
      /Git remote "mirror" is archived/,
    );
  }, 40_000);
});
