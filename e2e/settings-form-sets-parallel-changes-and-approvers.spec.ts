import { expect as baseExpect, test } from './fixtures.ts';
import { replaceDocument, seedEnterpriseProject } from './node-seed.ts';
import { DocumentEditorPage } from './pages/document-editor.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('an operator allows parallel changes and sets approvers in the settings form, then sees them in the JSON and the API', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const admin = await api('opschain');
  const project = await seedEnterpriseProject(admin, 'form');
  const path = `/projects/${project.code}`;
  await replaceDocument(admin, path, 'settings', { team_key: 'kept as it is' });

  const editor = new DocumentEditorPage(page, project.name, 'settings');
  await page.goto(`${path}/settings`);
  await new SignInPage(page).signIn('operator', 'operator');
  await editor.startEditing();
  const main = page.getByRole('main');
  // Mantine hides the view switch's radios under their labels: click the labels, as a user does.
  await main.getByText('Form', { exact: true }).click();
  const parallel = main.getByRole('switch', { name: 'Allow parallel changes' });
  // By keyboard: the sticky header can cover the switch once it is scrolled into view.
  await parallel.focus();
  await page.keyboard.press('Space');
  await expect(main.getByRole('switch', { name: 'Allow parallel changes' })).toBeChecked();
  const approvers = main.getByRole('combobox', { name: 'Requires approval from' });
  await approvers.click();
  await page.getByRole('option', { name: 'approvers', exact: true }).click();
  await approvers.fill('operator');
  await approvers.press('Enter');
  await approvers.press('Escape');
  await axe();

  await main.getByText('JSON', { exact: true }).click();
  await expect(editor.editor).toBeAttached();
  await expect(main.getByText('"allow_parallel_changes": true')).toBeVisible();
  await expect(main.getByText('"requires_approval_from": "approvers, operator"')).toBeVisible();
  await editor.save();
  await expect(editor.savedNotice).toBeVisible();

  const json = main.getByRole('region', { name: /^Settings version \d+$/ });
  await expect(json).toContainText('"allow_parallel_changes": true');
  await expect(json).toContainText('"requires_approval_from": "approvers, operator"');
  await axe();

  const node = (await (await admin.get(`/api${path}`)).json()) as {
    data: { relationships: { settings: { data: { id: string } } } };
  };
  const stored = await admin.get(`/api/settings/${node.data.relationships.settings.data.id}`);
  const { data } = ((await stored.json()) as { data: { attributes: { data: unknown } } }).data.attributes;
  expect(data).toEqual({
    team_key: 'kept as it is',
    allow_parallel_changes: true,
    requires_approval_from: 'approvers, operator',
  });
});
