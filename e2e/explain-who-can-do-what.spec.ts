import { expect as baseExpect, test } from './fixtures.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 15_000 });

test('an admin asks why the viewer may read but not change a project, from the project page', async ({
  page,
  axe,
}) => {
  test.slow();
  await page.goto('/projects/bank');
  await new SignInPage(page).signIn('opschain', 'opschain');

  await page.getByRole('link', { name: 'Who can do what here' }).click();
  await expect(page).toHaveURL(/\/security\/check\?path=%2Fprojects%2Fbank/);
  await expect(page.getByLabel('Path', { exact: true }).first()).toHaveValue('/projects/bank');
  await page.getByLabel('User', { exact: true }).first().click();
  await page.getByRole('option', { name: 'viewer' }).click();

  const read = page.getByRole('region', { name: 'Read: allowed' });
  await expect(read).toBeVisible();
  await expect(read).toContainText('Read everything (viewers)');
  const update = page.getByRole('region', { name: 'Update: denied' });
  await expect(update).toContainText('Denied by “Read everything (viewers)” of policy');
  await expect(update.getByRole('table')).toContainText('^/');
  await axe();

  // Below an unreadable ancestor nothing is allowed, and the answer names that ancestor.
  await page.getByLabel('Path', { exact: true }).first().fill('/projects/unknown_project/properties');
  await expect(page.getByRole('region', { name: 'Update: denied' })).toBeVisible();

  await page.getByRole('tab', { name: 'Users' }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('approvers');
  await page.getByRole('link', { name: 'Check access of approver' }).click();
  await expect(page.getByLabel('User', { exact: true }).first()).toHaveValue('approver');
  await axe();
});

test('the Security section is offered only to those who may read policies, and the operator may', async ({
  page,
}) => {
  await page.goto('/projects');
  await new SignInPage(page).signIn('operator', 'operator');
  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { name: 'Check access' })).toBeVisible();
});
