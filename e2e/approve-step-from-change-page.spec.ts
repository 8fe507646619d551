import { startChange, seedChangeTarget } from './change-seed.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('the operator sees the approval is not theirs; the approver approves with a message and the change runs on', async ({
  page,
  browser,
  api,
  axe,
}) => {
  test.slow();
  const operator = await api('operator');
  const target = await seedChangeTarget(await api(), 'gate');
  const changeId = await startChange(operator, target, { action: 'approval_gate' });

  const change = new ChangePage(page);
  await change.open(changeId);
  await new SignInPage(page).signIn('operator', 'operator');
  await change.expectOpen('approval_gate');
  await expect(change.step('approve_release')).toContainText('Waiting for approval');
  await change.select('approve_release');
  await expect(change.action('Approve')).toBeDisabled();
  await expect(change.action('Approve')).toHaveAccessibleDescription('Requires approval from approvers');
  await expect(change.action('Reject')).toBeDisabled();
  await axe();

  // The approver, in a browser of their own.
  const approverContext = await browser.newContext();
  const approverPage = await approverContext.newPage();
  const approverView = new ChangePage(approverPage);
  await approverPage.goto(`/changes/${changeId}`);
  await new SignInPage(approverPage).signIn('approver', 'approver');
  await approverView.expectOpen('approval_gate');
  await approverView.select('approve_release');
  await approverView.panel.getByRole('textbox', { name: /Message/ }).fill('Ship it, as per CR 7');
  await approverView.action('Approve').click();
  await expect(approverView.panel).toContainText('Approved by approver: Ship it, as per CR 7');
  await expect(approverView.status).toHaveText('Success');
  await approverContext.close();

  // The operator's page follows on its own.
  await expect(change.status).toHaveText('Success');
  await expect(change.panel).toContainText('Approved by approver: Ship it, as per CR 7');
  await expect(change.action('Approve')).toHaveAccessibleDescription('The step is not waiting for approval');
  await axe();
});
