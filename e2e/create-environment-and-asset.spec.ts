import { expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, uniqueCode } from './node-seed.ts';
import { CreateNodeDialog } from './pages/create-node-dialog.ts';
import { NodeList } from './pages/node-list.ts';
import { NodePage } from './pages/node-page.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

test('an operator creates an environment, then an asset in it built from a template version', async ({
  page,
  api,
  axe,
}) => {
  // A long journey with several accessibility scans, on a shared two-core machine.
  test.slow();
  const project = await seedEnterpriseProject(await api('opschain'));
  const environmentCode = uniqueCode('env');
  const assetCode = uniqueCode('db');
  const node = new NodePage(page);
  const tabs = new NodeTabs(page);

  await page.goto(`/projects/${project.code}?tab=environments`);
  await new SignInPage(page).signIn('operator', 'operator');
  await expect(tabs.tab('Environments')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('main').getByText('No active environments')).toBeVisible();
  await axe();

  await page.getByRole('button', { name: 'New environment' }).click();
  const environmentDialog = new CreateNodeDialog(page, 'New environment');
  await environmentDialog.fill(environmentCode, 'Staging', 'Pre-production checks');
  await axe();
  await environmentDialog.submit('Create environment');

  const environmentPath = `/projects/${project.code}/environments/${environmentCode}`;
  await expect(node.heading).toHaveText('Staging');
  await node.expectNode('Staging', environmentPath);
  await expect(page.getByText('Environment Staging created.')).toBeVisible();
  await axe();

  await tabs.openTab('Assets');
  await expect(page).toHaveURL(new RegExp(`${environmentPath}/assets$`));
  await page.getByRole('button', { name: 'New asset' }).click();
  const assetDialog = new CreateNodeDialog(page, 'New asset');
  await assetDialog.fill(assetCode, 'Orders database');
  await assetDialog.chooseTemplate('Journey web template (web_tpl)', 'v1');
  await axe();
  await assetDialog.submit('Create asset');

  const assetPath = `${environmentPath}/assets/${assetCode}`;
  await expect(node.heading).toHaveText('Orders database');
  await node.expectNode('Orders database', assetPath);
  await tabs.openTab('Template & versions');
  await expect(
    page.getByRole('main').getByText('Journey web template', { exact: false }).first(),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Template version history' }).getByRole('row')).toHaveCount(2);
  await axe();

  // Back on the environment, the new asset is listed.
  await node.breadcrumbs.getByRole('link', { name: 'Staging' }).click();
  await tabs.openTab('Assets');
  await new NodeList(page, 'assets').expectNames(['Orders database']);
});

test.describe('when the server refuses the code', () => {
  // The browser logs the 422 the API answers.
  test.use({ allowedConsoleErrors: [/status of 422/] });

  test('the create dialog keeps the input and marks the field the server refuses', async ({ page, api }) => {
    const seeder = await api('opschain');
    const project = await seedEnterpriseProject(seeder);
    const response = await seeder.post(`/api/projects/${project.code}/environments`, {
      headers: { 'content-type': 'application/vnd.api+json' },
      data: JSON.stringify({ data: { attributes: { code: 'taken', name: 'Taken', description: '' } } }),
    });
    expect(response.status()).toBe(201);

    await page.goto(`/projects/${project.code}?tab=environments`);
    await new SignInPage(page).signIn('operator', 'operator');
    await page.getByRole('button', { name: 'New environment' }).click();
    const dialog = new CreateNodeDialog(page, 'New environment');
    await dialog.fill('taken', 'Another name');
    await dialog.submit('Create environment');

    await expect(dialog.code).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.dialog.getByText('Code has already been taken')).toBeVisible();
    await expect(dialog.name).toHaveValue('Another name');
  });
});
