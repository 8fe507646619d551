import { expect, test } from './fixtures.ts';
import { seedApprovalProject, startWaitingRun, waitForRunStep } from './approval-seed.ts';
import { ApprovalsPage } from './pages/approvals-page.ts';

// Journey 3 (issue 14): approver and opschain approve the same step at the same moment, in two browsers;
// exactly one succeeds, the other is told who was quicker.

// The slower approval is refused by the server (422), which the browser reports when the slower one is this
// page's; the journey checks that the user reads who was quicker instead.
test.use({ allowedConsoleErrors: [/status of 422/] });

test('two approvers approve one step at once: one succeeds, the other reads "already approved"', async ({
  page,
  browser,
  api,
  axe,
}) => {
  const opschain = await api('opschain');
  const project = await seedApprovalProject(opschain, 1);
  const run = await startWaitingRun(opschain, project.code, 'approvers,opschain');
  await waitForRunStep(opschain, run, 'waiting_for_approval');

  // The test's own page (checked with axe) for approver, a second browser context for opschain.
  const other = await browser.newContext();
  const inboxes = [new ApprovalsPage(page), new ApprovalsPage(await other.newPage())];
  await Promise.all([inboxes[0]?.signInAndOpen('approver'), inboxes[1]?.signInAndOpen('opschain')]);
  for (const inbox of inboxes) {
    await inbox
      .item(run.stepName)
      .getByRole('button', { name: `Approve ${run.stepName}` })
      .click();
    await expect(inbox.dialog).toBeVisible();
  }
  await axe();
  await Promise.all(
    inboxes.map((inbox) => inbox.dialog.getByRole('button', { name: 'Approve', exact: true }).click()),
  );

  const texts = await Promise.all(
    inboxes.map(async (inbox) => {
      await expect(inbox.results).toBeVisible();
      return (await inbox.results.textContent()) ?? '';
    }),
  );
  expect(texts.filter((text) => text.includes('1 of 1 done'))).toHaveLength(1);
  expect(texts.filter((text) => /Already approved by (approver|opschain)/.test(text))).toHaveLength(1);
  expect(texts.join(' ')).not.toMatch(/422|Cannot approve/);
  await other.close();
});
