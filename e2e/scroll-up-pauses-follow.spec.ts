import { expect, test } from './fixtures.ts';
import { seedChange } from './log-seed.ts';
import { LogPane } from './pages/log-pane.ts';
import { SignInPage } from './pages/sign-in-page.ts';

test('scrolling up pauses follow; the jump button returns to the newest line', async ({ page, api, axe }) => {
  const operator = await api('operator');
  // 10 lines per simulated second at EMULATOR_SPEED 50: 500 lines per second for about 40 seconds.
  const id = await seedChange(operator, {
    action: 'noisy',
    propertyOverrides: { log_lines: 20_000, lines_per_second: 10 },
  });
  await page.goto(`/changes/${id}`);
  await new SignInPage(page).signIn('operator', 'operator');
  const log = new LogPane(page);
  await expect(log.follow).toBeChecked();
  await expect(log.status).toContainText('following the running change');
  await expect.poll(() => log.lineCount(), { timeout: 30_000 }).toBeGreaterThan(1000);
  await log.lines.scrollIntoViewIfNeeded();

  await log.lines.hover();
  await page.mouse.wheel(0, -3000);
  await expect(log.follow).not.toBeChecked();
  await expect(log.jumpToLatest).toHaveText(/^[\d,]+ new lines — jump to latest$/);
  await axe();
  const newest = async () =>
    Math.max(...(await log.lines.getByRole('link', { name: /^Line \d+$/ }).allTextContents()).map(Number));
  const pausedAt = await newest();
  await page.waitForTimeout(1000);
  // Paused: the view stays where the reader left it.
  expect(await newest()).toBe(pausedAt);

  await log.jumpToLatest.click();
  await expect(log.follow).toBeChecked();
  await expect(log.jumpToLatest).toBeHidden();
  await expect.poll(newest).toBeGreaterThan(pausedAt + 200);
});
