import { expect, test } from './fixtures.ts';
import { changeStatus, seedChange } from './log-seed.ts';
import { LogPane } from './pages/log-pane.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const IMG = '<img src=x onerror="window.__probe=1">';
const SCRIPT = '<script>window.__probe=2</script>';

test('markup and escape sequences in metadata and log output show as text and run nothing', async ({
  page,
  api,
  axe,
}) => {
  const operator = await api('operator');
  const id = await seedChange(operator, {
    action: 'hello',
    metadata: { note: IMG, ticket: SCRIPT },
    propertyOverrides: {
      echo: [
        `probe ${IMG}`,
        `\u001b[31mred ${SCRIPT}\u001b[0m \u001b]8;;javascript:window.__probe=3\u0007click\u001b]8;;\u0007`,
        'javascript:window.__probe=4 and https://example.com/docs?q=<b>',
      ],
    },
  });
  await expect.poll(() => changeStatus(operator, id), { timeout: 60_000 }).toBe('success');

  await page.goto(`/changes/${id}`);
  await new SignInPage(page).signIn('operator', 'operator');
  const log = new LogPane(page);
  await log.waitUntilComplete();

  await expect(log.lines.getByText(`probe ${IMG}`)).toBeVisible();
  await expect(log.lines.getByText(`red ${SCRIPT}`)).toBeVisible();
  // The colour became style, the escape sequences vanished, the hyperlink sequence left only its text.
  await expect(log.lines.getByText(`red ${SCRIPT}`)).toHaveCSS('color', 'rgb(187, 0, 0)');
  expect(await log.lines.evaluate((el) => el.textContent.includes(String.fromCharCode(27)))).toBe(false);
  // Only http(s) addresses become links, opened without access to the console.
  const link = log.lines.getByRole('link', { name: 'https://example.com/docs?q=' });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(log.lines.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.getByText(IMG).first()).toBeVisible();
  await axe();

  expect(await page.evaluate(() => (window as unknown as { __probe?: number }).__probe)).toBeUndefined();
  expect(await page.locator('main img, main script').count()).toBe(0);
});
