import { changeStatus } from './approval-seed.ts';
import { seedChangeTarget, startChange } from './change-seed.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Activity's filters live in the URL and are applied by the server: an operator narrows the list to the
// failed changes under one environment, shares the address, and the link opens the same view; then a
// metadata key and value pick one change out; the environment's own Activity tab filters the same way.
const expect = baseExpect.configure({ timeout: 20_000 });

test('an operator filters Activity by target, status and metadata, and the link opens the same view', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const seeder = await api('opschain');
  const operator = await api('operator');
  const target = await seedChangeTarget(seeder, 'filter');
  const failed = await startChange(operator, target, { action: 'failing', metadata: { ticket: 'T-1' } });
  const greeted = await startChange(operator, target, { action: 'hello', metadata: { ticket: 'T-2' } });
  await expect.poll(() => changeStatus(operator, failed), { timeout: 60_000 }).toBe('error');
  await expect.poll(() => changeStatus(operator, greeted), { timeout: 60_000 }).toBe('success');

  await page.goto(`/activity?target=${encodeURIComponent(target.path)}`);
  await new SignInPage(page).signIn('operator', 'operator');
  const table = page.getByRole('table', { name: 'Activity, newest first' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('link', { name: /, change / }) });
  await expect(rows).toHaveCount(2);

  // Status: a button naming the choice, opening checkboxes.
  await page.getByRole('button', { name: 'Status Any status' }).click();
  const statuses = page.getByRole('dialog').getByRole('group', { name: 'Show only these statuses' });
  await statuses.getByRole('checkbox', { name: 'Error' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('["error"]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('failing');
  await expect(rows.first()).toContainText('Error');
  await axe();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Status Error' })).toBeFocused();

  // The address is the view: another tab of the same session opens it as it is.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole('button', { name: 'Status Error' })).toBeVisible();
  await expect(other.getByLabel('Target path starts with')).toHaveValue(target.path);
  const otherRows = other
    .getByRole('table', { name: 'Activity, newest first' })
    .getByRole('row')
    .filter({ has: other.getByRole('link', { name: /, change / }) });
  await expect(otherRows).toHaveCount(1);
  await expect(otherRows.first()).toContainText('failing');
  await other.close();

  // Any status again, then a metadata key and value pick the other change out.
  await page.getByRole('button', { name: 'Status Error' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Any status' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => new URL(page.url()).searchParams.has('status')).toBe(false);
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Metadata key').fill('ticket');
  await page.getByLabel('Metadata value equals').fill('T-2');
  await expect(page).toHaveURL(/meta_value=T-2/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('hello');
  await expect(rows.first()).toContainText('Success');
  await axe();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(page.getByLabel('Metadata key')).toHaveValue('');

  // The environment's own Activity tab: the same table and filters, its changes only, no target filter.
  // Its list is asked for once, from link intent (the route's loader) — the tab reads that answer.
  const firstLoads: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === `/api${target.path}/changes` && !url.search.includes('updated_at_gteq'))
      firstLoads.push(url.search);
  });
  await page.goto(target.path);
  await page.getByRole('tab', { name: 'Activity' }).hover();
  await expect.poll(() => firstLoads.length).toBe(1);
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page).toHaveURL(new RegExp(`${target.path}/activity$`));
  await expect(rows).toHaveCount(2);
  expect(firstLoads).toHaveLength(1);
  await expect(page.getByLabel('Target path starts with')).toHaveCount(0);
  await page.getByRole('button', { name: 'Status Any status' }).click();
  await statuses.getByRole('checkbox', { name: 'Success' }).check();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('hello');
  await axe();
});
