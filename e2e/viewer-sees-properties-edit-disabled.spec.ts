import { expect as baseExpect, test } from './fixtures.ts';
import { DocumentEditorPage } from './pages/document-editor.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('the viewer sees Edit properties and Edit settings disabled, each saying why', async ({ page, axe }) => {
  test.slow();
  const tabs = new NodeTabs(page);
  await page.goto('/projects/bank/environments/prod/properties');
  await new SignInPage(page).signIn('viewer', 'viewer');

  const properties = new DocumentEditorPage(page, 'Production');
  await expect(properties.editButton).toBeDisabled();
  await expect(properties.editButton).toHaveAccessibleDescription(
    'You need update permission on /projects/bank/environments/prod/properties to edit its properties',
  );
  // A disabled Edit opens nothing; the history stays open to read.
  await properties.editButton.click({ force: true });
  await expect(page).not.toHaveURL(/mode=edit/);
  await expect(properties.historyButton).toBeEnabled();
  await axe();

  await tabs.openTab('Settings');
  const settings = new DocumentEditorPage(page, 'Production', 'settings');
  await expect(settings.editButton).toBeDisabled();
  await expect(await tabs.tooltipOf(settings.editButton)).toHaveText(
    'You need update permission on /projects/bank/environments/prod/settings to edit its settings',
  );
  await axe();
});
