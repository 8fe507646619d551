import { expect, test } from './fixtures.ts';
import { SecurityAdmin } from './pages/security-admin.ts';
import { SignInPage } from './pages/sign-in-page.ts';

test('the rule tester lists the bank dev and test environments a new rule would match', async ({
  page,
  axe,
}) => {
  await page.goto('/security/rules');
  await new SignInPage(page).signIn('opschain', 'opschain');
  const security = new SecurityAdmin(page);
  await expect(security.rulesTable).toBeVisible();
  await axe();

  await security.startRule('Bank dev and test', '^/projects/bank/environments/(dev|test)');
  const tester = security.tester;
  await expect(tester).toContainText(/Matches \d+ of \d+ paths tried/);
  const matches = tester.getByRole('list', { name: 'Matching paths' });
  await expect(matches).toContainText('/projects/bank/environments/dev');
  await expect(matches).toContainText('/projects/bank/environments/test/properties');
  await expect(matches).not.toContainText('/projects/bank/environments/prod');
  await axe();

  // An invalid regex is refused as it is typed, and the tester waits for a valid one.
  await security.dialog.getByLabel('Path (regular expression)').fill('^/projects/(bank');
  await expect(security.dialog.getByText(/Not a valid regular expression/)).toBeVisible();
  await expect(tester).toBeHidden();
  await security.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(security.dialog).toBeHidden();
});
