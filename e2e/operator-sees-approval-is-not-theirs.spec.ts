import { expect, test } from './fixtures.ts';
import { seedApprovalProject, startChange, waitForChangeStep } from './approval-seed.ts';
import { ApprovalsPage } from './pages/approvals-page.ts';

// Journey 5 (issue 14): an approval for the approvers group is not the operator's: hidden by default, shown
// with the reason when they ask to see everything, and its buttons say why they are disabled.

test('the operator sees an approval for the approvers group as not theirs, with the reason', async ({
  page,
  api,
  axe,
}) => {
  const opschain = await api('opschain');
  const project = await seedApprovalProject(opschain, 1);
  const [env = ''] = project.environments;
  const change = await startChange(opschain, env, 'approval_gate');
  await waitForChangeStep(opschain, change, 'waiting_for_approval');

  const inbox = new ApprovalsPage(page);
  await inbox.signInAndOpen('operator');
  const item = page.getByRole('listitem').filter({ hasText: env });
  // Wait for the inbox to arrive before saying the item is not listed.
  await expect(page.getByText(/Nothing waits for your approval|Waiting for approval/).first()).toBeVisible();
  await expect(item).toHaveCount(0);
  await axe();

  await inbox.showOthers.click();
  await expect(page).toHaveURL(/scope=all/);
  await expect(item).toBeVisible();
  await expect(item.getByRole('note')).toHaveText(
    'Not yours: Requires approval from approvers; you are neither named nor in a named group',
  );
  await expect(item.getByRole('button', { name: /^Approve/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(item.getByRole('checkbox')).toBeDisabled();
  await axe();
});
