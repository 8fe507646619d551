import { expect, test } from './fixtures.ts';
import { SecurityAdmin } from './pages/security-admin.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const REASON = /You need update permission on \/authorisation_(rules|policies) to change these\./;

test('the operator reads rules and policies but every editing action says why it is not theirs', async ({
  page,
  axe,
}) => {
  await page.goto('/security/rules');
  await new SignInPage(page).signIn('operator', 'operator');
  const security = new SecurityAdmin(page);
  await expect(security.rulesTable).toContainText('Operate all projects');

  const newRule = page.getByRole('button', { name: 'New rule' });
  await expect(newRule).toHaveAttribute('aria-disabled', 'true');
  await expect(newRule).toHaveAccessibleDescription(REASON);
  const edit = security.rulesTable.getByRole('button', { name: 'Edit rule Operate all projects' });
  await expect(edit).toHaveAttribute('aria-disabled', 'true');
  // The server filters the list by name or path; the filter is in the address.
  await page.getByRole('textbox', { name: 'Filter rules' }).fill('Operate all');
  await expect(page).toHaveURL(/q=Operate/);
  await expect(security.rulesTable).not.toContainText('Read everything (viewers)');
  await expect(security.rulesTable).toContainText('Operate all projects');
  await newRule.click({ force: true });
  await expect(security.dialog).toBeHidden();
  await axe();

  await security.openPolicies();
  await expect(page.getByRole('button', { name: 'New policy' })).toHaveAccessibleDescription(REASON);
  await security.policiesTable.getByRole('button', { name: 'Open policy Operators' }).click();
  const policy = security.policy('Operators');
  await expect(policy.getByRole('table', { name: 'Rules of Operators' })).toContainText(
    'Operate all projects',
  );
  await expect(policy).toContainText('group operators');
  await expect(policy.getByRole('button', { name: 'Edit' })).toHaveAccessibleDescription(REASON);
  await expect(policy.getByRole('button', { name: 'Add assignment' })).toHaveCount(0);
  await expect(policy.getByRole('button', { name: 'Remove assignment to group operators' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await axe();
});
