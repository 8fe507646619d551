import { expect as baseExpect, test } from './fixtures.ts';
import { JSON_API } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, seedGitRemote, uniqueCode } from './node-seed.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SchedulesList } from './pages/schedules.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

test('the viewer opens schedule pages read-only, each disabled action saying which permission is missing', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder);
  const environmentCode = uniqueCode('env');
  await seedEnvironment(seeder, project.code, environmentCode, 'Nightly');
  await seedGitRemote(seeder, project.code);
  const environmentPath = `/projects/${project.code}/environments/${environmentCode}`;
  const created = await seeder.post(`/api${environmentPath}/scheduled_activities`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({
      data: {
        attributes: {
          action: 'nightly_backup',
          git_remote_name: 'origin',
          git_rev: 'main',
          cron_schedule: '30 1 * * *',
          repeat: true,
          new_commits_only: false,
          metadata: {},
        },
      },
    }),
  });
  expect(created.status()).toBe(201);
  const schedules = new SchedulesList(page);
  const tabs = new NodeTabs(page);

  await page.goto(`/schedules?q=${project.code}`);
  await new SignInPage(page).signIn('viewer', 'viewer');
  await expect(page.getByRole('heading', { level: 1, name: 'Schedules' })).toBeVisible();
  const row = schedules.row('nightly_backup');
  await expect(row).toContainText('At 01:30, every day');
  await expect(row.getByRole('link', { name: environmentPath })).toBeVisible();
  const remove = schedules.deleteButton('nightly_backup');
  await expect(remove).toBeDisabled();
  await expect(await tabs.tooltipOf(remove)).toHaveText(
    `You need update permission on ${environmentPath}/scheduled_activities to delete schedules`,
  );
  await axe();

  // The target link opens the environment's Schedules tab.
  await row.getByRole('link', { name: environmentPath }).click();
  await expect(page).toHaveURL(new RegExp(`${environmentPath}/schedules$`));
  await expect(tabs.tab('Schedules')).toHaveAttribute('aria-selected', 'true');
  await expect(schedules.newButton).toBeDisabled();
  await expect(await tabs.tooltipOf(schedules.newButton)).toHaveText(
    `You need update permission on ${environmentPath}/scheduled_activities to create schedules`,
  );
  await expect(schedules.deleteButton('nightly_backup')).toHaveAccessibleDescription(
    `You need update permission on ${environmentPath}/scheduled_activities to delete schedules`,
  );
  // A disabled action opens nothing.
  await schedules.newButton.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await axe();
});
