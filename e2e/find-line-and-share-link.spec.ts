import { expect, test } from './fixtures.ts';
import { changeStatus, seedChange } from './log-seed.ts';
import { LogPane } from './pages/log-pane.ts';
import { SignInPage } from './pages/sign-in-page.ts';

test('find a line in a finished log, link to it, and the link reopens at that line', async ({
  page,
  api,
  axe,
}) => {
  const operator = await api('operator');
  const id = await seedChange(operator, { action: 'noisy', propertyOverrides: { log_lines: 5000 } });
  await expect.poll(() => changeStatus(operator, id), { timeout: 60_000 }).toBe('success');

  await page.goto(`/changes/${id}`);
  await new SignInPage(page).signIn('operator', 'operator');
  const log = new LogPane(page);
  await log.waitUntilComplete();
  await log.lines.scrollIntoViewIfNeeded();

  await log.find.fill('line 4321/5000: processed');
  await expect(log.findSummary).toHaveText('– of 1 matches');
  await log.find.press('Enter');
  await expect(log.findSummary).toHaveText('1 of 1 matches');
  const match = log.lines.getByText('Line 4321/5000:', { exact: false });
  await expect(match).toBeInViewport();
  await axe();

  // The line's number is a link to it.
  const row = log.lines.locator('[data-line]').filter({ hasText: 'Line 4321/5000:' });
  const number = Number(await row.getAttribute('data-line'));
  await log.lineLink(number).click();
  await expect(page).toHaveURL(new RegExp(`#L${String(number)}$`));

  await page.reload();
  await log.waitUntilComplete();
  await expect(log.lineLink(number)).toBeInViewport();
  await expect(log.lines.getByText('Line 4321/5000:', { exact: false })).toBeInViewport();
});
