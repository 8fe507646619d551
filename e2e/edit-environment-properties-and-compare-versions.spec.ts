import { expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, uniqueCode } from './node-seed.ts';
import { DocumentEditorPage, readProperties, writeProperties } from './pages/document-editor.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('an operator edits an environment’s properties, saves, and compares the last two versions', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder);
  const code = uniqueCode('props');
  await seedEnvironment(seeder, project.code, code, 'Staging');
  const path = `/projects/${project.code}/environments/${code}`;
  const secret = 'secret-vault://staging/db/password';
  const before = await writeProperties(seeder, path, {
    region: 'eu-west-1',
    replicas: 2,
    db_password: secret,
  });
  const editor = new DocumentEditorPage(page, 'Staging');

  await page.goto(`${path}/properties`);
  await new SignInPage(page).signIn('operator', 'operator');
  // A reference to the secret vault is named as one, in the read view and in the editor.
  await expect(page.getByRole('region', { name: 'Secret vault references' })).toContainText(
    `/db_password → ${secret}`,
  );
  await editor.startEditing();
  const mark = page.locator('.console-string-mark');
  await expect(mark).toHaveCount(1);
  await mark.hover();
  await expect(page.getByText('Secret vault reference.', { exact: false }).first()).toBeVisible();
  await axe();
  await editor.replaceDocument({
    region: 'eu-west-1',
    replicas: 3,
    strategy: 'blue-green',
    db_password: secret,
  });
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(editor.list('Your changes')).toContainText('Changed /replicas');
  await expect(editor.list('Your changes')).toContainText('Added /strategy');
  await axe();
  await editor.save();

  await expect(editor.savedNotice).toBeVisible();
  const after = await readProperties(seeder, path);
  expect(after.version).toBe(before.version + 1);
  expect(after.data).toEqual({
    region: 'eu-west-1',
    replicas: 3,
    strategy: 'blue-green',
    db_password: secret,
  });

  await editor.historyButton.click();
  const versions = page.getByRole('table', { name: 'Versions of the properties' });
  await expect(versions.getByRole('row')).toHaveCount(after.version + 1);
  await expect(versions.getByRole('button', { name: `Open version ${String(after.version)}` })).toBeVisible();
  const changes = editor.list(
    `Changes from version ${String(before.version)} to version ${String(after.version)}`,
  );
  await expect(changes).toContainText('Changed /replicas');
  await expect(changes).toContainText('Added /strategy');
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await expect(
    page.getByRole('textbox', { name: new RegExp(`version ${String(after.version)}$`) }),
  ).toBeAttached();
  await axe();

  await versions.getByRole('button', { name: `Open version ${String(before.version)}` }).click();
  await expect(page.getByText(`Version ${String(before.version)} was replaced`)).toBeVisible();
});
