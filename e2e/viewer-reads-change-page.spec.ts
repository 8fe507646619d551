import { startChange, seedChangeTarget } from './change-seed.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('a viewer reads a change page with every action disabled and the reason given', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const target = await seedChangeTarget(await api(), 'viewer');
  const changeId = await startChange(await api('operator'), target, { action: 'manual_wait' });

  const change = new ChangePage(page);
  await change.open(changeId);
  await new SignInPage(page).signIn('viewer', 'viewer');
  await change.expectOpen('manual_wait');
  await expect(change.step('wait_for_confirmation')).toContainText('Waiting');

  await expect(change.cancelButton).toBeDisabled();
  await expect(change.cancelButton).toHaveAccessibleDescription(
    'You may not execute changes on this environment',
  );
  await change.select('wait_for_confirmation');
  await expect(change.action('Continue')).toBeDisabled();
  await expect(change.action('Continue')).toHaveAccessibleDescription(
    'You may not execute changes on this environment',
  );
  // A disabled action does nothing.
  await change.action('Continue').click({ force: true });
  await expect(change.step('wait_for_confirmation')).toContainText('Waiting');
  await axe();

  // The target links to its page.
  await page.getByRole('link', { name: 'Development' }).click();
  await expect(page).toHaveURL(new RegExp(`${target.path}$`));
});
