import { expect as baseExpect, test } from './fixtures.ts';
import { readNode, seedEnterpriseProject, seedEnvironment, uniqueCode } from './node-seed.ts';
import { NodeList } from './pages/node-list.ts';
import { NodePage } from './pages/node-page.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

test('an operator renames an environment, archives it after confirming, and restores it', async ({
  page,
  api,
  axe,
}) => {
  // A long journey with several accessibility scans, on a shared two-core machine.
  test.slow();
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder);
  const code = uniqueCode('qa');
  await seedEnvironment(seeder, project.code, code, 'Quality');
  const path = `/projects/${project.code}/environments/${code}`;
  const node = new NodePage(page);
  const tabs = new NodeTabs(page);

  await page.goto(path);
  await new SignInPage(page).signIn('operator', 'operator');
  await expect(node.heading).toHaveText('Quality');
  await node.expectNode('Quality', path);

  await tabs.editButton.click();
  const edit = tabs.dialog(`Edit environment ${code}`);
  await expect(edit).toBeVisible();
  await axe();
  await edit.getByRole('textbox', { name: 'Name' }).fill('Quality assurance');
  await edit.getByRole('textbox', { name: 'Description' }).fill('Where releases are signed off');
  await edit.getByRole('button', { name: 'Save' }).click();

  await expect(edit).toBeHidden();
  await expect(node.heading).toHaveText('Quality assurance');
  await expect(page.getByRole('main').getByText('Where releases are signed off')).toBeVisible();
  expect(await readNode(seeder, path)).toMatchObject({ name: 'Quality assurance' });

  await tabs.archiveButton.click();
  const confirm = tabs.dialog(`Archive environment ${code}?`);
  await expect(confirm).toContainText('Its assets are archived too');
  await axe();
  await confirm.getByRole('button', { name: 'Archive environment' }).click();

  await expect(confirm).toBeHidden();
  await expect(tabs.restoreButton).toBeVisible();
  await expect(tabs.archivedBadge).toBeVisible();
  expect(await readNode(seeder, path)).toMatchObject({ archived: true });

  // The project's list hides archived environments until asked.
  await node.breadcrumbs.getByRole('link', { name: project.name }).click();
  await tabs.openTab('Environments');
  const list = new NodeList(page, 'environments');
  await expect(page.getByRole('main').getByText('No active environments')).toBeVisible();
  await list.showArchived.check();
  await expect(page).toHaveURL(/archived=true/);
  await list.expectNames(['Quality assurance']);
  await expect(list.row('Quality assurance')).toContainText('Archived');
  await axe();

  await list.row('Quality assurance').getByRole('link').click();
  await tabs.restoreButton.click();
  await tabs
    .dialog(`Restore environment ${code}?`)
    .getByRole('button', { name: 'Restore environment' })
    .click();
  await expect(tabs.archiveButton).toBeVisible();
  expect(await readNode(seeder, path)).toMatchObject({ archived: false });
});
