import { expect, test } from './fixtures.ts';
import { downloadedLines, seedChange } from './log-seed.ts';
import { LogPane } from './pages/log-pane.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const LINES = 20_000;

test('a noisy change followed live ends with every line exactly once', async ({ page, api, axe }) => {
  const operator = await api('operator');
  // 10 lines per simulated second at EMULATOR_SPEED 50: 500 lines per second, about 40 seconds of output.
  const id = await seedChange(operator, {
    action: 'noisy',
    propertyOverrides: { log_lines: LINES, lines_per_second: 10 },
  });
  await page.goto(`/changes/${id}`);
  await new SignInPage(page).signIn('operator', 'operator');
  const log = new LogPane(page);

  await expect(log.follow).toBeChecked();
  await expect(log.status).toContainText('following the running change');
  await axe();

  await log.lines.scrollIntoViewIfNeeded();
  const shown = await log.waitUntilComplete(120_000);
  const all = await downloadedLines(operator, id);
  expect(shown).toBe(all.length);
  // Follow kept the newest line in view.
  await expect(log.lineLink(shown)).toBeInViewport();
  // Every generated line once: 20,000 matches means none missing and none repeated.
  await log.find.fill(`/${String(LINES)}: `);
  await expect(log.findSummary).toHaveText(`– of ${LINES.toLocaleString('en')} matches`);
});
