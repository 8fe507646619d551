import { expect, test } from './fixtures.ts';
import { ApprovalsPage } from './pages/approvals-page.ts';

// Journey 4 (issue 14): three tabs of one browser poll the inbox once between them (a Web Lock elects the
// leader); when the leader closes, another tab polls on. Counted from the requests the browser sends for the
// inbox's list of waiting steps (one per poll).

const WINDOW_MS = 30_000;
const POLL_MS = 5000;

test('three open tabs send one tab’s worth of inbox polls, and polling survives closing the leader', async ({
  page,
  context,
  axe,
}) => {
  test.setTimeout(120_000);
  const polls: { at: number; page: string }[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/steps' && url.search.includes('status_code_in')) {
      polls.push({ at: Date.now(), page: request.frame().page().url() });
    }
  });

  const first = new ApprovalsPage(page);
  await first.signInAndOpen('approver');
  await axe();
  // The other tabs take the session from the first (issue 9) and open other pages of the console.
  const second = await context.newPage();
  await second.goto('/projects');
  await expect(second.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  const third = await context.newPage();
  await third.goto('/events');
  await expect(third.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();

  const start = Date.now();
  await page.waitForTimeout(WINDOW_MS);
  const inWindow = polls.filter((poll) => poll.at >= start).length;
  // One tab polls every 5 s: about 6 in 30 s. Three tabs each polling would send about 18.
  expect(inWindow).toBeGreaterThanOrEqual(WINDOW_MS / POLL_MS - 2);
  expect(inWindow).toBeLessThanOrEqual(WINDOW_MS / POLL_MS + 2);
  // Every tab shows the count the leader fetched.
  await expect(second.getByRole('link', { name: /^Approvals/ })).toHaveAccessibleName(/waiting for you/);
  await expect(third).toHaveTitle(/^\(\d+\) /);

  // Close the leader (the first tab, which polled first): another tab takes over within one interval.
  await page.close();
  const closedAt = Date.now();
  await second.waitForTimeout(POLL_MS * 3);
  const after = polls.filter((poll) => poll.at >= closedAt);
  expect(after.length).toBeGreaterThanOrEqual(2);
  expect(after.length).toBeLessThanOrEqual(5);
  const firstAfter = after[0];
  expect(firstAfter === undefined ? Infinity : firstAfter.at - closedAt).toBeLessThanOrEqual(POLL_MS + 1000);
});
