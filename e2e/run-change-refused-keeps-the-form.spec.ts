import { JSON_API, expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment, seedGitRemote, uniqueCode } from './node-seed.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

// The browser reports the refusal this journey provokes.
test.use({ allowedConsoleErrors: [/status of 422/] });

test('a change the server refuses shows the reason on its field, keeps what was typed, and runs once fixed', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder, 'refuse');
  await seedGitRemote(seeder, project.code);
  const envCode = uniqueCode('env');
  await seedEnvironment(seeder, project.code, envCode, 'Refusals');
  const remotes = (await (await seeder.get(`/api/projects/${project.code}/git_remotes`)).json()) as {
    data: { id: string; attributes: { name: string } }[];
  };
  const remoteId = remotes.data.find((remote) => remote.attributes.name === 'origin')?.id ?? '';
  const setArchived = async (archived: boolean) => {
    const res = await seeder.patch(`/api/projects/${project.code}/git_remotes/${remoteId}`, {
      headers: { 'content-type': JSON_API },
      data: JSON.stringify({ data: { attributes: { archived } } }),
    });
    expect(res.status(), await res.text()).toBe(200);
  };

  await page.goto(`/projects/${project.code}/environments/${envCode}`);
  await new SignInPage(page).signIn('operator', 'operator');
  await page.getByRole('button', { name: 'Run change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run a change' });
  await dialog.getByRole('textbox', { name: 'Action' }).fill('hello');
  await dialog.getByRole('combobox', { name: 'Git remote' }).click();
  await page.getByRole('option', { name: /^origin/ }).click();
  await dialog.getByRole('textbox', { name: 'Revision' }).fill('release-7');
  await dialog.getByLabel('Metadata').fill('{"ticket": "OPS-12"}');

  // Someone archives the remote while the dialog is open: the server's 422 lands on the Git remote field.
  await setArchived(true);
  await dialog.getByRole('button', { name: 'Run change' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Git remote' })).toHaveAccessibleDescription(
    /Git remote "origin" is archived/,
  );
  await expect(dialog.getByRole('textbox', { name: 'Action' })).toHaveValue('hello');
  await expect(dialog.getByRole('textbox', { name: 'Revision' })).toHaveValue('release-7');
  await expect(dialog.getByLabel('Metadata')).toHaveValue('{"ticket": "OPS-12"}');
  await axe();

  // Restored, the same form runs as it stands.
  await setArchived(false);
  await dialog.getByRole('button', { name: 'Run change' }).click();
  const change = new ChangePage(page);
  await change.expectOpen('hello');
  await expect(page.getByText('release-7').first()).toBeVisible();
});
