import { expect, test } from './fixtures.ts';
import { SecurityAdmin } from './pages/security-admin.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// The browser logs the 422 the API answers for the regex it refuses.
test.use({ allowedConsoleErrors: [/status of 422/] });

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
  // A regex the server finds too slow to run comes back on the field, in the server's words.
  await security.dialog.getByLabel('Path (regular expression)').fill('^/projects/(a+)+$');
  await security.dialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(security.dialog.getByText(/must not repeat a group/)).toBeVisible();
  await axe();
  await security.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(security.dialog).toBeHidden();
});
