import { expect, test } from './fixtures.ts';
import { seedEnterpriseProject } from './node-seed.ts';
import { SecurityAdmin } from './pages/security-admin.ts';
import { SignInPage } from './pages/sign-in-page.ts';

test('an admin writes a new rule inside an assigned policy, sees its impact, then deletes the policy', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const project = await seedEnterpriseProject(await api(), 'inline');
  const projectPath = `/projects/${project.code}`;
  const policyName = `Inline ${project.code}`;
  const ruleName = `Hide ${project.code} inline`;
  const security = new SecurityAdmin(page);

  await page.goto('/security/policies');
  await new SignInPage(page).signIn('opschain', 'opschain');
  await security.createPolicy(policyName);
  const policy = security.policy(policyName);
  await policy.getByRole('combobox', { name: 'User' }).click();
  await page.getByRole('option', { name: 'viewer', exact: true }).click();
  await policy.getByRole('button', { name: 'Add assignment' }).click();
  await expect(security.dialog).toContainText('No decision changes');
  await security.dialog.getByRole('button', { name: 'Assign' }).click();
  await expect(security.dialog).toBeHidden();

  await policy.getByRole('button', { name: 'New rule in this policy' }).click();
  await security.dialog.getByLabel('Name').fill(ruleName);
  await security.dialog.getByLabel('Path (regular expression)').fill(projectPath);
  await security.dialog.getByLabel('Read').uncheck();
  await expect(security.impact).toContainText(`viewer loses read on ${projectPath}`);
  await axe();
  await security.dialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(security.dialog).toBeHidden();
  await expect(policy.getByRole('table', { name: `Rules of ${policyName}` })).toContainText(ruleName);

  await policy.getByRole('button', { name: 'Delete' }).click();
  await expect(security.impact).toContainText(`viewer gains read on ${projectPath}`);
  await security.dialog.getByRole('button', { name: 'Delete policy' }).click();
  await expect(security.dialog).toBeHidden();
  await expect(security.policiesTable).not.toContainText(policyName);
  await axe();
});
