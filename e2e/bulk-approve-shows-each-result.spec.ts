import { expect, test } from './fixtures.ts';
import { changeStatus, seedApprovalProject, startChange, waitForChangeStep } from './approval-seed.ts';
import { ApprovalsPage } from './pages/approvals-page.ts';

// Journey 2 (issue 14): three approvals selected and approved at once; the result names each; the counts follow.

test('an approver approves three changes in one go and sees each result', async ({ page, api, axe }) => {
  const opschain = await api('opschain');
  const project = await seedApprovalProject(opschain, 3);
  const changes = await Promise.all(
    project.environments.map((env) => startChange(opschain, env, 'approval_gate')),
  );
  await Promise.all(changes.map((id) => waitForChangeStep(opschain, id, 'waiting_for_approval')));

  const inbox = new ApprovalsPage(page);
  await inbox.signInAndOpen('approver');
  const items = project.environments.map((env) => page.getByRole('listitem').filter({ hasText: env }));
  for (const item of items) await expect(item).toBeVisible();
  await axe();

  for (const item of items) await item.getByRole('checkbox').click();
  const toolbar = page.getByRole('toolbar', { name: 'Selected items' });
  await expect(toolbar).toContainText('3 selected');
  await toolbar.getByRole('button', { name: 'Approve selected' }).click();
  await expect(inbox.dialog).toContainText('Approve 3 steps');
  await axe();
  // A double click sends each approval once: the server would answer the second with "already approved".
  await inbox.dialog.getByRole('button', { name: 'Approve', exact: true }).dblclick();

  await expect(inbox.results).toContainText('3 of 3 done');
  await expect(inbox.results.getByRole('listitem')).toHaveCount(3);
  for (const item of items) await expect(item).toHaveCount(0);
  await axe();

  // The tab's count is the number of items it lists, and the navbar badge counts both tabs.
  const listed = page.getByRole('list', { name: 'Waiting for approval' }).getByRole('listitem');
  await expect
    .poll(async () => {
      const badge = (await inbox.approveTab.textContent()) ?? '';
      return Number(badge.replace(/\D/g, '')) - (await listed.count());
    })
    .toBe(0);
  for (const id of changes)
    await expect.poll(() => changeStatus(opschain, id), { timeout: 30_000 }).not.toBe('waiting_for_approval');
});
