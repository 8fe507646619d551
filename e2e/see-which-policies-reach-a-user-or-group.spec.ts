import { expect as baseExpect, test } from './fixtures.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 15_000 });

test('an admin opens a user and a group and sees which policies reach them, and how', async ({
  page,
  axe,
}) => {
  test.slow();
  await page.goto('/security/users');
  await new SignInPage(page).signIn('opschain', 'opschain');

  await page.getByRole('button', { name: 'Open user approver' }).click();
  await expect(page).toHaveURL(/\/security\/users\?.*user=approver/);
  const user = page.getByRole('region', { name: 'User approver' });
  await expect(user).toContainText('Member of approvers, qa.');
  const userPolicies = user.getByRole('table', { name: 'Policies that apply to user approver' });
  await expect(userPolicies.getByRole('row', { name: /^Approvers/ })).toContainText(
    'through group approvers',
  );
  await expect(userPolicies.getByRole('row', { name: /^Allow all/ })).toContainText('as everyone');
  await expect(userPolicies.getByRole('row', { name: /^Viewers/ })).toHaveCount(0);
  await axe();

  await user.getByRole('link', { name: 'approvers', exact: true }).click();
  await expect(page).toHaveURL(/\/security\/groups\?.*group=approvers/);
  const group = page.getByRole('region', { name: 'Group approvers' });
  await expect(group.getByRole('listitem')).toHaveText(['approver']);
  await expect(
    group.getByRole('table', { name: 'Policies that apply to group approvers' }).getByRole('row', {
      name: /^Approvers/,
    }),
  ).toContainText('through group approvers');
  await axe();

  await group.getByRole('link', { name: 'Approvers', exact: true }).click();
  await expect(page).toHaveURL(/\/security\/policies\?.*policy=/);
  await expect(page.getByRole('region', { name: 'Policy Approvers' })).toBeVisible();
  await page.goBack();
  await group.getByRole('link', { name: 'approver', exact: true }).click();
  await expect(page.getByRole('region', { name: 'User approver' })).toBeVisible();
  await page.getByRole('link', { name: 'Check what approver may do' }).click();
  await expect(page.getByLabel('User', { exact: true }).first()).toHaveValue('approver');
});
