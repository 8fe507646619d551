import { expect as baseExpect, test } from './fixtures.ts';
import { seedAsset, seedEnterpriseProject, seedWorkflow, uniqueCode } from './node-seed.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { WorkflowPage, WorkflowRunPage } from './pages/workflow-pages.ts';

// Journey (issue 15): an admin finds a published workflow (a change step on an asset, then a wait step
// needing the approvers group) on the project's Workflows tab and runs it; the approver approves the wait
// step from the run page's drawer; the run ends success, and the change step's change page is reachable.
const expect = baseExpect.configure({ timeout: 20_000 });

test('an admin runs a workflow, the approver approves its wait step on the run page, and it succeeds', async ({
  page,
  browser,
  api,
  axe,
}) => {
  test.slow();
  const admin = await api('opschain');
  const project = await seedEnterpriseProject(admin, 'wfrun');
  const assetCode = uniqueCode('web');
  await seedAsset(admin, project.code, assetCode, 'Storefront');
  const workflowCode = uniqueCode('release');
  const workflowName = `Release ${workflowCode}`;
  await seedWorkflow(admin, project.code, {
    code: workflowCode,
    name: workflowName,
    description: 'Deploy, then sign off',
    draft: false,
    steps: [
      {
        type: 'change',
        name: 'Deploy storefront',
        target: `/projects/${project.code}/assets/${assetCode}`,
        action: 'deploy',
      },
      { type: 'wait', name: 'Sign-off', requires_approval_from: 'approvers' },
    ],
  });

  // The admin: Workflows tab → workflow page → Run.
  await page.goto(`/projects/${project.code}/workflows`);
  await new SignInPage(page).signIn('opschain', 'opschain');
  const table = page.getByRole('table', { name: 'Workflows' });
  await expect(table.getByRole('link', { name: workflowName })).toBeVisible();
  await axe();
  await table.getByRole('link', { name: workflowName }).click();
  const workflow = new WorkflowPage(page);
  await workflow.expectOpen(workflowName);
  await expect(workflow.versions).toContainText('published · runs');
  await axe();
  await workflow.run();
  const run = new WorkflowRunPage(page);
  await run.expectOpen(workflowName);
  await expect(run.step('Sign-off')).toContainText(/waiting for approval/i, { timeout: 60_000 });
  await axe();
  // The admin is not among the approvers: the drawer says who is.
  await run.openStep('Sign-off');
  await expect(run.drawer).toContainText('approvers');
  const runUrl = page.url();

  // The approver, in a browser of their own, approves from the same run page.
  const approverPage = await (await browser.newContext()).newPage();
  await approverPage.goto(runUrl);
  await new SignInPage(approverPage).signIn('approver', 'approver');
  const approverRun = new WorkflowRunPage(approverPage);
  await approverRun.expectOpen(workflowName);
  await expect(approverRun.drawer.getByRole('heading', { name: 'Step Sign-off' })).toBeVisible();
  await approverRun.drawer.getByRole('textbox', { name: 'Message (optional)' }).fill('Ship it');
  await approverRun.drawer.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(approverRun.status).toContainText(/success/i, { timeout: 60_000 });

  // The admin's page follows the run to its end, and the change step leads to its change.
  await expect(run.status).toContainText(/success/i, { timeout: 60_000 });
  await expect(run.drawer).toContainText('approver: “Ship it”');
  await run.openStep('Deploy storefront');
  await expect(run.drawer).toContainText('deploy on');
  await axe();
  await run.drawer.getByRole('link', { name: 'Open the change' }).click();
  const change = new ChangePage(page);
  await change.expectOpen('deploy');
  await expect(change.status).toContainText(/success/i);
  await axe();
});
