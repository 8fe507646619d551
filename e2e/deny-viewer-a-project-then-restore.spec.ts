import { expect, test } from './fixtures.ts';
import { seedEnterpriseProject } from './node-seed.ts';
import { AppShell } from './pages/app-shell.ts';
import { SecurityAdmin } from './pages/security-admin.ts';
import { SignInPage } from './pages/sign-in-page.ts';

test('an admin denies the viewer one project with a rule and policy, then removes the assignment', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const project = await seedEnterpriseProject(await api(), 'hide');
  const projectPath = `/projects/${project.code}`;
  const ruleName = `Hide ${project.code}`;
  const policyName = `No ${project.code} for viewer`;
  const security = new SecurityAdmin(page);
  const shell = new AppShell(page);

  await page.goto('/security/rules');
  await new SignInPage(page).signIn('opschain', 'opschain');
  await security.startRule(ruleName, `^${projectPath}`);
  await security.dialog.getByLabel('Read').uncheck();
  await expect(security.tester).toContainText(projectPath);
  await security.dialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(security.dialog).toBeHidden();
  await expect(security.rulesTable).toContainText(ruleName);

  await security.openPolicies();
  await security.createPolicy(policyName);
  const policy = security.policy(policyName);
  await policy.getByLabel('Attach a rule').click();
  await page.getByRole('option', { name: new RegExp(`^${ruleName} `) }).click();
  await policy.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(security.dialog).toContainText('No decision changes');
  await security.dialog.getByRole('button', { name: 'Attach rule' }).click();
  await expect(security.dialog).toBeHidden();
  await expect(policy.getByRole('table', { name: `Rules of ${policyName}` })).toContainText(ruleName);

  await policy.getByRole('combobox', { name: 'User' }).click();
  await page.getByRole('option', { name: 'viewer', exact: true }).click();
  await policy.getByRole('button', { name: 'Add assignment' }).click();
  await expect(security.impact).toContainText(`viewer loses read on ${projectPath}`);
  await axe();
  await security.dialog.getByRole('button', { name: 'Assign' }).click();
  await expect(security.dialog).toBeHidden();
  await expect(policy.getByRole('list', { name: `Assignments of ${policyName}` })).toContainText(
    'user viewer',
  );
  await axe();

  await page.goto(`/security/check?who=user%3Aviewer&path=${encodeURIComponent(projectPath)}`);
  const read = page.getByRole('region', { name: 'Read: denied' });
  await expect(read).toContainText(ruleName);
  await axe();

  await shell.signOut();
  // Navigating before the sign-in has finished would land on the sign-in page again.
  await new SignInPage(page).signInAndWait('viewer', 'viewer');
  await page.goto('/projects');
  await expect(shell.tree.getByRole('treeitem').first()).toBeVisible();
  await expect(shell.treeItem(project.name)).toHaveCount(0);

  // The admin takes the assignment away again: the viewer sees the project once more.
  await shell.signOut();
  // Navigating before the sign-in has finished would land on the sign-in page again.
  await new SignInPage(page).signInAndWait('opschain', 'opschain');
  await page.goto('/security/policies');
  await security.policiesTable.getByRole('button', { name: `Open policy ${policyName}` }).click();
  await security.policy(policyName).getByRole('button', { name: 'Remove assignment to user viewer' }).click();
  await expect(security.impact).toContainText(`viewer gains read on ${projectPath}`);
  await security.dialog.getByRole('button', { name: 'Remove assignment' }).click();
  await expect(security.dialog).toBeHidden();
  await expect(security.policy(policyName)).toContainText('Not assigned to anyone');

  await shell.signOut();
  // Navigating before the sign-in has finished would land on the sign-in page again.
  await new SignInPage(page).signInAndWait('viewer', 'viewer');
  await page.goto('/projects');
  await expect(shell.treeItem(project.name)).toBeVisible();
});
