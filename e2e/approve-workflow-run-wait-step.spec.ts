import { expect, test } from './fixtures.ts';
import { runStatus, seedApprovalProject, startWaitingRun, waitForRunStep } from './approval-seed.ts';
import { ApprovalsPage } from './pages/approvals-page.ts';

// Journey 6 (issue 14): a workflow run waits at an approval step; the approver approves it from the inbox
// and the run finishes.

test('an approver approves a workflow run’s wait step from the inbox', async ({ page, api, axe }) => {
  const opschain = await api('opschain');
  const project = await seedApprovalProject(opschain, 1);
  const run = await startWaitingRun(opschain, project.code, 'approvers');
  await waitForRunStep(opschain, run, 'waiting_for_approval');

  const inbox = new ApprovalsPage(page);
  await inbox.signInAndOpen('approver', '?group=run');
  const item = inbox.item(run.stepName);
  await expect(item).toBeVisible();
  await expect(item).toContainText(`Workflow ${run.workflowCode}`);
  await expect(
    page.getByRole('heading', { name: new RegExp(`Workflow run ${run.workflowCode}`) }),
  ).toBeVisible();
  await axe();

  await item.getByRole('button', { name: `Approve ${run.stepName}` }).click();
  await inbox.dialog.getByRole('textbox', { name: 'Message (optional)' }).fill('Go');
  await inbox.dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(inbox.results).toContainText('1 of 1 done');
  await expect(item).toHaveCount(0);
  await axe();
  await expect.poll(() => runStatus(opschain, run.runId), { timeout: 30_000 }).toBe('success');
});
