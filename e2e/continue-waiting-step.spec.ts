import { startChange, seedChangeTarget } from './change-seed.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('the operator continues a waiting step from its panel and the change finishes', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const operator = await api('operator');
  const target = await seedChangeTarget(await api(), 'wait');
  const changeId = await startChange(operator, target, { action: 'manual_wait' });

  const change = new ChangePage(page);
  await change.open(changeId);
  await new SignInPage(page).signIn('operator', 'operator');
  await change.expectOpen('manual_wait');
  await expect(change.step('wait_for_confirmation')).toContainText('Waiting');
  await change.select('wait_for_confirmation');
  await axe();

  await change.action('Continue').click();
  await expect(change.panel).toContainText('Continued by operator');
  await expect(change.status).toHaveText('Success');
  await expect(change.step('resume_service')).toContainText('Success');
  await expect(change.action('Continue')).toHaveAccessibleDescription('The step is not waiting');
  await axe();
});
