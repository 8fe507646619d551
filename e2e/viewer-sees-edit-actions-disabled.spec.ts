import { expect as baseExpect, test } from './fixtures.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

test('the viewer sees edit actions disabled, each saying which permission is missing', async ({
  page,
  axe,
}) => {
  // A long journey with several accessibility scans, on a shared two-core machine.
  test.slow();
  const tabs = new NodeTabs(page);
  await page.goto('/projects');
  await new SignInPage(page).signIn('viewer', 'viewer');

  const newProject = page.getByRole('button', { name: 'New project' });
  await expect(newProject).toBeDisabled();
  await expect(await tabs.tooltipOf(newProject)).toHaveText(
    'You need update permission on /projects to create projects',
  );
  await axe();

  await page.goto('/projects/bank');
  await expect(tabs.editButton).toBeDisabled();
  await expect(await tabs.tooltipOf(tabs.editButton)).toHaveText(
    'You need update permission on /projects/bank to rename it',
  );
  await expect(tabs.archiveButton).toBeDisabled();
  await expect(tabs.archiveButton).toHaveAccessibleDescription(
    'You need update permission on /projects/bank to archive it',
  );
  // A disabled action opens nothing.
  await tabs.editButton.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add bookmark' })).toBeDisabled();
  await axe();

  await tabs.openTab('Environments');
  const newEnvironment = page.getByRole('button', { name: 'New environment' });
  await expect(newEnvironment).toBeDisabled();
  await expect(await tabs.tooltipOf(newEnvironment)).toHaveText(
    'You need update permission on /projects/bank/environments to create environments',
  );
  // Reading stays possible: the list and its export.
  await expect(page.getByRole('button', { name: 'Export CSV of the environments' })).toBeEnabled();

  await tabs.openTab('Git remotes');
  await expect(page.getByRole('button', { name: 'Add Git remote' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete origin' })).toBeDisabled();

  await tabs.openTab('Templates');
  await expect(page.getByRole('button', { name: 'New template' })).toHaveAccessibleDescription(
    'You need update permission on /projects/bank/templates to create templates',
  );

  await page.goto('/projects/bank/environments/prod/assets/soa_prod?tab=template');
  await expect(page.getByRole('button', { name: 'Assign another version' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Assign another version' })).toHaveAccessibleDescription(
    'You need update permission on /projects/bank/environments/prod/assets/soa_prod to move it to another version',
  );
  await axe();
});
