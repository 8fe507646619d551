import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, seedEnvironment } from './node-seed.ts';
import { NodeList } from './pages/node-list.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

test('exporting the filtered environments downloads a CSV file of exactly those', async ({
  page,
  api,
  axe,
}) => {
  // A long journey with several accessibility scans, on a shared two-core machine.
  test.slow();
  const seeder = await api('opschain');
  const project = await seedEnterpriseProject(seeder);
  await seedEnvironment(seeder, project.code, 'eu_west', 'Europe West');
  await seedEnvironment(seeder, project.code, 'eu_north', 'Europe North');
  await seedEnvironment(seeder, project.code, 'us_east', 'United States East');
  const list = new NodeList(page, 'environments');

  await page.goto(`/projects/${project.code}?tab=environments`);
  await new SignInPage(page).signIn('viewer', 'viewer');
  await list.expectNames(['Europe North', 'Europe West', 'United States East']);

  await list.filter.fill('eu_');
  await expect(page).toHaveURL(/q=eu_/);
  await list.expectNames(['Europe North', 'Europe West']);
  await axe();

  // Credentials travel in a header, so the download is fetched and saved, never linked with a password.
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('download=')) requests.push(request.url());
  });
  const [download] = await Promise.all([page.waitForEvent('download'), list.exportButton.click()]);

  expect(download.suggestedFilename()).toBe(`${project.code}-environments.csv`);
  const path = await download.path();
  const lines = (await readFile(path, 'utf8')).trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^id,code,name/);
  expect(
    lines
      .slice(1)
      .map((line) => line.split(',')[1])
      .sort(),
  ).toEqual(['eu_north', 'eu_west']);
  expect(requests).toHaveLength(1);
  expect(requests[0]).toContain('filter%5Bname_or_code_cont%5D=eu_');
  expect(requests[0]).not.toMatch(/viewer/);
});
