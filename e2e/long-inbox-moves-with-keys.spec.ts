import { expect as baseExpect, test } from './fixtures.ts';
import { JSON_API } from './fixtures.ts';
import { replaceDocument } from './node-seed.ts';
import { seedApprovalProject } from './approval-seed.ts';
import { ApprovalsPage } from './pages/approvals-page.ts';

// A long inbox (120 changes waiting for approval) renders only the rows in view; j and k still walk the whole
// list, scrolling the current item into view and focusing it. The changes wait for `viewer`, who may not
// decide them: viewer reads them with "Show items waiting for others", and no other journey opens viewer's
// inbox or waits for viewer, so every other inbox stays short. The changes are cancelled at the end.
const expect = baseExpect.configure({ timeout: 20_000 });
const WAITING = 120;

test('in a long inbox, j reaches the last item and k comes back, each shown and focused', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const opschain = await api('opschain');
  const project = await seedApprovalProject(opschain, 1);
  const environment = project.environments[0] ?? '';
  await replaceDocument(opschain, environment, 'settings', {
    requires_approval_from: 'viewer',
    allow_parallel_changes: true,
  });
  const changeIds: string[] = [];
  for (let i = 1; i <= WAITING; i += 1) {
    const response = await opschain.post(`/api${environment}/changes`, {
      headers: { 'content-type': JSON_API },
      data: JSON.stringify({
        data: {
          attributes: {
            action: 'hello',
            git_remote_name: 'origin',
            git_rev: 'main',
            metadata: { ticket: `LONG-${String(i)}` },
          },
        },
      }),
    });
    expect(response.status()).toBe(201);
    changeIds.push(((await response.json()) as { data: { id: string } }).data.id);
  }

  try {
    const inbox = new ApprovalsPage(page);
    await inbox.signInAndOpen('viewer', '?scope=all');
    const rows = page.getByRole('main').getByRole('listitem').and(page.locator('[aria-setsize]'));
    await expect(rows.first()).toBeVisible();
    const size = Number(await rows.first().getAttribute('aria-setsize'));
    expect(size).toBeGreaterThanOrEqual(WAITING);
    // Only the rows in and near view are in the page.
    expect(await rows.count()).toBeLessThan(size);
    await axe();

    // Other journeys decide their own items meanwhile, so the list's size is read from the current row itself.
    const current = page.locator('main li[aria-current="true"]');
    const place = async () => {
      const [position, setSize] = await Promise.all([
        current.getAttribute('aria-posinset'),
        current.getAttribute('aria-setsize'),
      ]);
      return { position: Number(position), setSize: Number(setSize) };
    };
    for (let i = 0; i < size + 20; i += 1) {
      const { position, setSize } = await place();
      if (position === setSize) break;
      await page.keyboard.press('j');
    }
    await expect
      .poll(async () => {
        const { position, setSize } = await place();
        return setSize - position;
      })
      .toBe(0);
    await expect(current).toBeInViewport();
    await expect(current).toBeFocused();
    const last = await current.getAttribute('data-key');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('k');
    await expect(current).not.toHaveAttribute('data-key', last ?? '');
    await expect
      .poll(async () => {
        const { position, setSize } = await place();
        return setSize - position;
      })
      .toBeGreaterThanOrEqual(3);
    await expect(current).toBeInViewport();
    await expect(current).toBeFocused();
    await axe();
  } finally {
    for (const id of changeIds) await opschain.delete(`/api/changes/${id}`);
  }
});
