import { startChange, seedChangeTarget } from './change-seed.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('a failed change shows its failed step, the steps after it aborted, and "Next failed" opens it', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const operator = await api('operator');
  const target = await seedChangeTarget(await api(), 'failing');
  const changeId = await startChange(operator, target, { action: 'failing' });

  const change = new ChangePage(page);
  await change.open(changeId);
  await new SignInPage(page).signIn('operator', 'operator');
  await change.expectOpen('failing');

  await expect(change.status).toHaveText('Error');
  await expect(change.step('migrate_schema')).toContainText('Error');
  await expect(change.step('prepare')).toContainText('Success');
  await expect(change.step('restart_services')).toContainText('Aborted');
  await axe();

  // In tree order the root, which failed with its step, comes first; the next jump reaches the step itself.
  await change.nextFailed.click();
  await expect(change.panelHeading('failing')).toBeFocused();
  await change.nextFailed.click();
  await expect(change.panelHeading('migrate_schema')).toBeFocused();
  await expect(page).toHaveURL(/[?&]step=/);
  await expect(change.panel).toContainText('Error');
  await expect(change.panel.getByText('migrate_schema', { exact: true })).toBeVisible();
  // A failed step of a finished change may be skipped when it is run again.
  await expect(change.action('Skip on retry')).toBeEnabled();
  await axe();

  // The address keeps the selection: a reload opens the same step.
  await page.reload();
  await expect(change.panelHeading('migrate_schema')).toBeVisible();
});
