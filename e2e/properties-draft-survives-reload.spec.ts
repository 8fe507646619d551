import { expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, uniqueCode } from './node-seed.ts';
import { DocumentEditorPage, readProperties, writeProperties } from './pages/document-editor.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('unsaved property edits survive a reload, and leaving the page asks first', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder);
  const code = uniqueCode('draft');
  await seedEnvironment(seeder, project.code, code, 'Drafty');
  const path = `/projects/${project.code}/environments/${code}`;
  const start = await writeProperties(seeder, path, { feature_flags: { search: false } });
  const editor = new DocumentEditorPage(page, 'Drafty');
  const tabs = new NodeTabs(page);

  await page.goto(`${path}/properties`);
  await new SignInPage(page).signIn('operator', 'operator');
  await editor.startEditing();
  await editor.replaceDocument({ feature_flags: { search: true } });

  // Reloading asks first (the browser's own prompt); accepting it reloads, and the draft is back.
  const prompts: string[] = [];
  page.on('dialog', (dialog) => {
    prompts.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(prompts).toEqual(['beforeunload']);
  await expect(page.getByText('Unsaved edits restored')).toBeVisible();
  await expect(page.getByText(/unsaved changes/)).toBeVisible();
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(editor.list('Your changes')).toHaveText('Changed /feature_flags/search');
  await axe();

  // Leaving inside the console asks too; staying keeps the editor.
  await tabs.tab('Overview').click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await axe();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(/\/properties\?mode=edit/);

  // Leaving anyway keeps the draft for later.
  await tabs.tab('Overview').click();
  await leave.getByRole('button', { name: 'Leave' }).click();
  await expect(page).not.toHaveURL(/\/properties/);
  await tabs.tab('Properties').click();
  await expect(page.getByText(/This tab holds unsaved edits of the properties/)).toBeVisible();
  await page.getByRole('button', { name: 'Continue editing' }).click();
  await editor.save();
  await expect(editor.savedNotice).toBeVisible();
  expect((await readProperties(seeder, path)).data).toEqual({ feature_flags: { search: true } });
  expect((await readProperties(seeder, path)).version).toBe(start.version + 1);
});
