import { expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, uniqueCode } from './node-seed.ts';
import { DocumentEditorPage, readProperties, writeProperties } from './pages/document-editor.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

// The save that meets a newer version is answered 422 (version mismatch): the browser logs that response.
test.use({ allowedConsoleErrors: [/status of 422/] });

test('two people change the same keys; the conflict view keeps theirs for one and mine for another', async ({
  page,
  browser,
  api,
  axe,
}) => {
  test.slow();
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder);
  const code = uniqueCode('conflict');
  await seedEnvironment(seeder, project.code, code, 'Contended');
  const path = `/projects/${project.code}/environments/${code}`;
  const base = { image: 'web:1.0', replicas: 2, zones: ['a'], owner: 'ops' };
  const start = await writeProperties(seeder, path, base);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  try {
    const operator = new DocumentEditorPage(page, 'Contended');
    const admin = new DocumentEditorPage(other, 'Contended');
    await page.goto(`${path}/properties`);
    await new SignInPage(page).signIn('operator', 'operator');
    await other.goto(`${path}/properties`);
    await new SignInPage(other).signIn('opschain', 'opschain');
    await operator.startEditing();
    await admin.startEditing();

    await admin.replaceDocument({ ...base, image: 'web:2.0', replicas: 4, zones: ['a', 'b'] });
    await admin.save();
    await expect(admin.savedNotice).toBeVisible();
    const theirs = start.version + 1;

    await operator.replaceDocument({ ...base, image: 'web:1.1', replicas: 6, owner: 'platform' });
    await operator.save();
    await expect(page.getByText(`Version ${String(theirs)} changed the same values as you`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Use these decisions' })).toBeDisabled();
    await axe();

    await operator.decision('/image').getByRole('radio', { name: 'Keep theirs' }).check();
    await expect(page.getByRole('button', { name: 'Use these decisions' })).toBeDisabled();
    await operator.decision('/replicas').getByRole('radio', { name: 'Keep mine' }).check();
    await page.getByRole('button', { name: 'Use these decisions' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: `Merged with version ${String(theirs)}` }),
    ).toContainText('You decided 2 conflict(s).');
    await expect(operator.list(`Values from version ${String(theirs)}`)).toHaveText('/zones');
    await operator.save();
    await expect(operator.savedNotice).toBeVisible();

    const stored = await readProperties(seeder, path);
    expect(stored.version).toBe(theirs + 1);
    expect(stored.data).toEqual({ image: 'web:2.0', replicas: 6, zones: ['a', 'b'], owner: 'platform' });
  } finally {
    await otherContext.close();
  }
});
