import { expect, test } from './fixtures.ts';
import { changeStatus, seedApprovalProject, startChange, waitForChangeStep } from './approval-seed.ts';
import { ApprovalsPage } from './pages/approvals-page.ts';

// Journey 1 (issue 14): an approval_gate change waits under Approve, a manual_wait change under Continue; the
// approver approves the first with a message and continues the second from the keyboard; both proceed.

test('an approver approves one change and continues another with the keyboard only', async ({
  page,
  api,
  axe,
}) => {
  const opschain = await api('opschain');
  const project = await seedApprovalProject(opschain, 2);
  const [gateEnv = '', waitEnv = ''] = project.environments;
  const gate = await startChange(opschain, gateEnv, 'approval_gate', { ticket: 'CR-4711' });
  const wait = await startChange(opschain, waitEnv, 'manual_wait');
  await waitForChangeStep(opschain, gate, 'waiting_for_approval');
  await waitForChangeStep(opschain, wait, 'waiting');

  const inbox = new ApprovalsPage(page);
  await inbox.signInAndOpen('approver');
  const gateItem = page.getByRole('listitem').filter({ hasText: gateEnv });
  await expect(gateItem).toBeVisible();
  await expect(gateItem).toContainText('ticket: CR-4711');
  await expect(gateItem).toContainText('started by opschain');
  await expect(gateItem).toContainText(/waiting \d+/);
  await axe();

  // j until the gate is the current item, then a, type the message, Enter.
  for (let i = 0; i < 50 && (await gateItem.getAttribute('aria-current')) !== 'true'; i += 1) {
    await page.keyboard.press('j');
  }
  await expect(gateItem).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('a');
  await expect(inbox.dialog.getByRole('textbox', { name: 'Message (optional)' })).toBeFocused();
  await axe();
  await page.keyboard.type('Checked the release notes');
  await page.keyboard.press('Enter');
  await expect(inbox.results).toContainText('1 of 1 done');
  await expect(gateItem).toHaveCount(0);

  // To the Continue tab with the arrow keys, then j to the wait step, c, Enter.
  await inbox.approveTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(inbox.continueTab).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/tab=continue/);
  const waitItem = page.getByRole('listitem').filter({ hasText: waitEnv });
  await expect(waitItem).toBeVisible();
  await axe();
  for (let i = 0; i < 50 && (await waitItem.getAttribute('aria-current')) !== 'true'; i += 1) {
    await page.keyboard.press('j');
  }
  await page.keyboard.press('c');
  await expect(inbox.dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(inbox.results).toContainText('continued');
  await expect(waitItem).toHaveCount(0);

  // Both changes go on to the end; the approval carries its message.
  await expect.poll(() => changeStatus(opschain, gate), { timeout: 30_000 }).toBe('success');
  await expect.poll(() => changeStatus(opschain, wait), { timeout: 30_000 }).toBe('success');
  // The approval is recorded on the gate's approval step.
  const steps = (await (await opschain.get(`/api/steps?filter[change_id_eq]=${gate}`)).json()) as {
    data: { attributes: { approved_by: { username: string; message: string | null }[] | null } }[];
  };
  expect(steps.data.flatMap((step) => step.attributes.approved_by ?? [])).toContainEqual({
    username: 'approver',
    message: 'Checked the release notes',
  });
});
