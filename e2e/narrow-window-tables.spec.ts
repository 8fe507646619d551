import type { Locator, Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Pages wait on the emulator, which shares two cores with the browser and other test runs.
const expect = baseExpect.configure({ timeout: 15_000 });

// Issue 9, defect 10: at 800 px the tables scrolled sideways with the status off-screen. DataTable keeps
// the key column sticky and hides low-priority columns below the md breakpoint.
test.use({ viewport: { width: 800, height: 900 } });

/** The column's header cell lies wholly inside the window (not scrolled or pushed off to the right). */
async function expectWithinViewport(page: Page, cell: Locator): Promise<void> {
  await expect(cell).toBeVisible();
  const box = await cell.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box).not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
}

test('in an 800 px window the projects list keeps the name and status columns in view', async ({
  page,
  axe,
}) => {
  await page.goto('/projects');
  await new SignInPage(page).signIn('operator', 'operator');
  const table = page.getByRole('table', { name: 'Projects' });

  await expectWithinViewport(page, table.getByRole('columnheader', { name: 'Name' }));
  await expectWithinViewport(page, table.getByRole('columnheader', { name: 'Status' }));
  await expectWithinViewport(page, table.getByRole('row').nth(1).getByRole('link'));
  await expect(table.getByRole('columnheader', { name: 'Description' })).toBeHidden();
  await axe();
});

test('in an 800 px window the events page keeps the time and type columns in view', async ({ page, axe }) => {
  await page.goto('/events');
  await new SignInPage(page).signIn('operator', 'operator');
  const table = page.getByRole('table', { name: 'Events, newest first' });

  await expectWithinViewport(page, table.getByRole('columnheader', { name: 'Time' }));
  await expectWithinViewport(page, table.getByRole('columnheader', { name: 'Type' }));
  await expect(table.getByRole('columnheader', { name: 'Source' })).toBeHidden();
  await axe();
});

test('in an 800 px window the template versions keep the version and state columns in view', async ({
  page,
  axe,
}) => {
  await page.goto('/projects/bank/templates?template=postgres');
  await new SignInPage(page).signIn('operator', 'operator');
  const table = page.getByRole('table', { name: 'Template versions' });

  await expectWithinViewport(page, table.getByRole('columnheader', { name: 'Version' }));
  await expectWithinViewport(page, table.getByRole('columnheader', { name: 'State' }));
  await expect(table.getByRole('columnheader', { name: 'Commit' })).toBeHidden();
  await expect(table.getByRole('columnheader', { name: 'Created' })).toBeHidden();
  await axe();
});

test('in an 800 px window the bookmarks keep the bookmark and its actions in view', async ({ page, axe }) => {
  await page.goto('/projects/bank');
  await new SignInPage(page).signIn('operator', 'operator');
  const table = page.getByRole('table', { name: 'Bookmarks' });

  await expectWithinViewport(page, table.getByRole('columnheader', { name: 'Bookmark' }));
  await expectWithinViewport(page, table.getByRole('button', { name: 'Edit bookmark Platform runbooks' }));
  await expect(table.getByRole('columnheader', { name: 'Added by' })).toBeHidden();
  await axe();
});
