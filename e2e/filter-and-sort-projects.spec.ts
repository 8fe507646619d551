import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { expect as baseExpect, JSON_API, test } from './fixtures.ts';
import { uniqueCode } from './node-seed.ts';
import { AppShell } from './pages/app-shell.ts';
import { NodeList } from './pages/node-list.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

async function createProject(api: APIRequestContext, code: string, name: string, type: string) {
  const response = await api.post('/api/projects', {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({
      data: { attributes: { code, name, description: 'Created by a browser journey', project_type: type } },
    }),
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
}

test('an operator filters and sorts the projects, and the URL keeps both through a reload', async ({
  page,
  api,
  axe,
}) => {
  // Several accessibility scans and a reload, on a shared two-core machine.
  test.slow();
  // Other journeys add projects to the same emulator: this one looks only at its own, by a shared code part.
  const tag = uniqueCode('sortp');
  const seeder = await api('opschain');
  await createProject(seeder, `${tag}_a`, 'Venus journey', 'Enterprise');
  await createProject(seeder, `${tag}_b`, 'Apollo journey', 'Standard');
  await createProject(seeder, `${tag}_c`, 'Mercury journey', 'Enterprise');
  const shell = new AppShell(page);
  const list = new NodeList(page, 'projects');

  await page.goto('/projects');
  await new SignInPage(page).signIn('operator', 'operator');
  await expect(shell.pageHeading).toHaveText('Projects');

  await list.filter.fill(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await list.expectNames(['Apollo journey', 'Mercury journey', 'Venus journey']);
  await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending');

  await list.sortBy('Code');
  await expect(list.columnHeader('Code')).toHaveAttribute('aria-sort', 'ascending');
  await list.expectNames(['Venus journey', 'Apollo journey', 'Mercury journey']);
  await list.sortBy('Code');
  await expect(list.columnHeader('Code')).toHaveAttribute('aria-sort', 'descending');
  await list.expectNames(['Mercury journey', 'Apollo journey', 'Venus journey']);

  await list.projectType.selectOption('Enterprise');
  await list.expectNames(['Mercury journey', 'Venus journey']);
  await expect(page).toHaveURL(/type=Enterprise/);
  await axe();

  // The address is the list: reloading it (or sharing it) shows the same filters, sort and rows.
  await page.reload();

  await expect(shell.pageHeading).toHaveText('Projects');
  await list.expectNames(['Mercury journey', 'Venus journey']);
  await expect(list.filter).toHaveValue(tag);
  await expect(list.projectType).toHaveValue('Enterprise');
  await expect(list.columnHeader('Code')).toHaveAttribute('aria-sort', 'descending');
  await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'none');

  // The export holds the projects the filters select.
  const [download] = await Promise.all([page.waitForEvent('download'), list.exportButton.click()]);
  expect(download.suggestedFilename()).toBe('projects.csv');
  const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
  expect(
    lines
      .slice(1)
      .map((line) => line.split(',')[1])
      .sort(),
  ).toEqual([`${tag}_a`, `${tag}_c`]);

  await list.filter.fill(`${tag}_none`);
  await expect(page.getByRole('main').getByText(`No Enterprise projects match “${tag}_none”`)).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(list.filter).toHaveValue('');
  await expect(list.projectType).toHaveValue('');
  await expect(list.row('Core Banking Platform')).toBeVisible();
  await axe();
});
