import { expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, uniqueCode } from './node-seed.ts';
import { DocumentEditorPage, readProperties, writeProperties } from './pages/document-editor.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

// The save that meets a newer version is answered 422 (version mismatch): the browser logs that response.
test.use({ allowedConsoleErrors: [/status of 422/] });

test('two people edit different keys of one environment’s properties and the second save merges both', async ({
  page,
  browser,
  api,
  axe,
}) => {
  test.slow();
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder);
  const code = uniqueCode('merge');
  await seedEnvironment(seeder, project.code, code, 'Shared');
  const path = `/projects/${project.code}/environments/${code}`;
  const base = { app: { port: 8080, workers: 2 }, owner: 'payments' };
  const start = await writeProperties(seeder, path, base);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  try {
    const operator = new DocumentEditorPage(page, 'Shared');
    const admin = new DocumentEditorPage(other, 'Shared');
    await page.goto(`${path}/properties`);
    await new SignInPage(page).signIn('operator', 'operator');
    await other.goto(`${path}/properties`);
    await new SignInPage(other).signIn('opschain', 'opschain');
    await operator.startEditing();
    await admin.startEditing();

    await admin.replaceDocument({ ...base, app: { port: 9090, workers: 2 } });
    await admin.save();
    await expect(admin.savedNotice).toBeVisible();

    await operator.replaceDocument({ ...base, owner: 'platform' });
    await operator.save();
    const merged = page
      .getByRole('status')
      .filter({ hasText: `Merged with version ${String(start.version + 1)}` });
    await expect(merged).toBeVisible();
    await expect(operator.list(`Values from version ${String(start.version + 1)}`)).toHaveText('/app/port');
    await axe();
    await operator.save();
    await expect(operator.savedNotice).toBeVisible();

    const stored = await readProperties(seeder, path);
    expect(stored.version).toBe(start.version + 2);
    expect(stored.data).toEqual({ app: { port: 9090, workers: 2 }, owner: 'platform' });
  } finally {
    await otherContext.close();
  }
});
