import { expect as baseExpect, test } from './fixtures.ts';
import { seedAsset, seedEnterpriseProject, uniqueCode } from './node-seed.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SchedulesList } from './pages/schedules.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

const MINUTE = 60_000;

/** `Wed 2026-12-02 18:31 UTC`, as the console writes run times. */
function utc(ms: number): string {
  const date = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()] ?? '';
  return `${day} ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

interface ChangeList {
  data: {
    id: string;
    attributes: { action: string; scheduled: boolean; metadata: Record<string, unknown> };
  }[];
}

test('an operator schedules a change every minute on an asset, sees it fire, then deletes the schedule', async ({
  page,
  api,
  axe,
}) => {
  // The schedule fires on the minute (the scheduler follows the real clock): up to a minute of waiting.
  test.setTimeout(240_000);
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder);
  const assetCode = uniqueCode('web');
  await seedAsset(seeder, project.code, assetCode, 'Storefront');
  const assetPath = `/projects/${project.code}/assets/${assetCode}`;
  const schedules = new SchedulesList(page);
  const tabs = new NodeTabs(page);

  await page.goto(assetPath);
  await new SignInPage(page).signIn('operator', 'operator');
  await tabs.openTab('Schedules');
  await expect(page).toHaveURL(new RegExp(`${assetPath}/schedules$`));
  await expect(page.getByText('No schedules on Storefront')).toBeVisible();
  await axe();

  await schedules.newButton.click();
  await expect(schedules.createDialog).toBeVisible();
  await schedules.action.fill('smoke_test');
  await schedules.chooseRepeatPattern('Every minute');
  await expect(schedules.cronExpression).toHaveValue('* * * * *');
  await expect(schedules.createDialog.getByText('Every minute, every hour, every day (UTC)')).toBeVisible();
  // The next five runs are the next five whole minutes, in UTC and in the browser's time.
  const shownAt = Date.now();
  const rows = schedules.nextRuns.getByRole('row');
  await expect(rows).toHaveCount(6);
  const first = (await rows.nth(1).getByRole('cell').first().textContent()) ?? '';
  const firstMs = Math.ceil(shownAt / MINUTE) * MINUTE;
  // The form's clock may have read the time a moment before the test did.
  expect([utc(firstMs), utc(firstMs - MINUTE)]).toContain(first);
  const base = first === utc(firstMs) ? firstMs : firstMs - MINUTE;
  for (let index = 1; index <= 5; index += 1) {
    await expect(rows.nth(index).getByRole('cell').first()).toHaveText(utc(base + (index - 1) * MINUTE));
    await expect(rows.nth(index).getByRole('cell').nth(1)).not.toBeEmpty();
  }
  await schedules.field(/^Metadata/).fill('{"ticket": "OPS-42"}');
  await axe({ include: '[role="dialog"]' });
  await schedules.submit();

  const row = schedules.row('smoke_test');
  await expect(row).toContainText('Every minute, every hour, every day');
  await expect(row).toContainText('Enabled');
  await expect(row).toContainText('Repeats');
  await axe();

  // The schedule starts a change on the next whole minute; the API lists it as scheduled.
  await expect
    .poll(
      async () => {
        const response = await seeder.get(
          `/api${assetPath}/changes?filter[action_eq]=smoke_test&filter[scheduled_eq]=true`,
        );
        const body = (await response.json()) as ChangeList;
        return body.data.map((change) => change.attributes.metadata);
      },
      { timeout: 150_000, intervals: [2_000] },
    )
    .toContainEqual({ ticket: 'OPS-42' });

  await schedules.deleteButton('smoke_test').click();
  await expect(schedules.deleteDialog).toBeVisible();
  await expect(schedules.deleteDialog).toContainText('* * * * *');
  await axe({ include: '[role="dialog"]' });
  await schedules.confirmDelete();
  await expect(page.getByText('No schedules on Storefront')).toBeVisible();
  const left = await seeder.get(`/api${assetPath}/scheduled_activities`);
  expect(((await left.json()) as { data: unknown[] }).data).toEqual([]);
});
