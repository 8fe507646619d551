import { expect as baseExpect, test } from './fixtures.ts';
import {
  replaceDocument,
  seedEnvironmentAsset,
  seedEnterpriseProject,
  seedEnvironment,
  uniqueCode,
} from './node-seed.ts';
import { NodeTabs } from './pages/node-tabs.ts';
import { SettingsSources } from './pages/settings-sources.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

test('an operator sees which node each setting and each converged property comes from', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const admin = await api('opschain');
  const project = await seedEnterpriseProject(admin, 'sources');
  const environmentCode = uniqueCode('env');
  const assetCode = uniqueCode('db');
  await seedEnvironment(admin, project.code, environmentCode, 'Staging');
  await seedEnvironmentAsset(admin, project.code, environmentCode, assetCode, 'Orders database');
  const projectPath = `/projects/${project.code}`;
  const environmentPath = `${projectPath}/environments/${environmentCode}`;
  const assetPath = `${environmentPath}/assets/${assetCode}`;
  await replaceDocument(admin, projectPath, 'settings', {
    allow_parallel_changes: true,
    event_retention_days: 30,
  });
  await replaceDocument(admin, environmentPath, 'settings', { requires_approval_from: 'approvers' });
  await replaceDocument(admin, assetPath, 'settings', { event_retention_days: 7 });
  await replaceDocument(admin, projectPath, 'properties', { db: { host: 'project-db', port: 5432 } });
  await replaceDocument(admin, environmentPath, 'properties', { db: { host: 'staging-db' } });
  await replaceDocument(admin, assetPath, 'properties', { db: { pool: 4 } });

  await page.goto(`${assetPath}/settings`);
  await new SignInPage(page).signIn('operator', 'operator');
  const sources = new SettingsSources(page);
  await expect(sources.setting('Allow parallel changes')).toContainText(
    `Inherited from project ${project.name}`,
  );
  await expect(sources.setting('Requires approval from')).toContainText('approvers');
  await expect(sources.setting('Requires approval from')).toContainText('Inherited from environment Staging');
  await expect(sources.setting('Event retention (days)')).toContainText('7 days');
  await expect(sources.setting('Event retention (days)')).toContainText('Set here');
  await expect(sources.setting('Change log retention (days)')).toContainText('Not set anywhere');
  await axe();

  await new NodeTabs(page).openTab('Converged properties');
  await expect(sources.key('db.host')).toContainText('"staging-db"');
  await expect(sources.key('db.host')).toContainText(`Environment ${environmentPath}`);
  await expect(sources.key('db.host')).toContainText(`replaces Project ${projectPath}`);
  await expect(sources.key('db.port')).toContainText(`Project ${projectPath}`);
  await expect(sources.key('db.pool')).toContainText(`Asset ${assetPath}`);
  await axe();
});
