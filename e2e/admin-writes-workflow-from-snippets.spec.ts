import { expect as baseExpect, test } from './fixtures.ts';
import { seedAsset, seedEnterpriseProject, seedWorkflow, uniqueCode } from './node-seed.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { WorkflowEditorPage, WorkflowPage, WorkflowRunPage } from './pages/workflow-pages.ts';

// Journey 1 of issue 15: an admin writes a new workflow in the YAML editor from its snippets (a change step
// on an asset, a wait step needing approvers, a parallel stage), watches the preview follow, fixes the
// target the server refuses (shown on its line), publishes and runs it; the approver approves both wait
// steps from the run page; the run ends success and the change step leads to its change page.
const expect = baseExpect.configure({ timeout: 20_000 });
// The check the journey makes fail on purpose answers 422, which Chromium logs.
test.use({ allowedConsoleErrors: [/status of 422/] });

test('an admin writes a workflow from snippets, fixes a problem on its line, publishes and runs it', async ({
  page,
  browser,
  api,
  axe,
}) => {
  test.slow();
  const admin = await api('opschain');
  const project = await seedEnterpriseProject(admin, 'wfwrite');
  const assetCode = uniqueCode('web');
  await seedAsset(admin, project.code, assetCode, 'Storefront');
  const assetPath = `/projects/${project.code}/assets/${assetCode}`;
  // There is no create dialog: the workflow starts as a draft with one placeholder step (the API refuses
  // an empty one); the editor replaces it.
  const workflowCode = uniqueCode('release');
  const workflowName = `Release ${workflowCode}`;
  await seedWorkflow(admin, project.code, {
    code: workflowCode,
    name: workflowName,
    description: '',
    draft: true,
    steps: [{ type: 'wait', name: 'Placeholder' }],
  });

  await page.goto(`/projects/${project.code}/workflows/${workflowCode}/edit`);
  await new SignInPage(page).signIn('opschain', 'opschain');
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${workflowName}` })).toBeVisible();
  const editor = new WorkflowEditorPage(page, workflowName);
  // The step graph's first load (its own chunk) can be slow on a busy machine.
  await expect(editor.preview.getByRole('treeitem', { name: /^Placeholder/ })).toBeVisible({
    timeout: 60_000,
  });
  await axe();

  // The workflow as a bare list of steps, each snippet started on an empty first line (Monaco indents new
  // lines by itself; a snippet's lines follow the line it starts on). The parallel stage first: its wait
  // step made to need approvers too, written as a flow mapping.
  await editor.clear();
  await editor.type('parallel');
  await editor.complete('parallel stage');
  await editor.page.keyboard.press('Escape');
  await editor.selectLine(4);
  await editor.type('- { type: wait, name: Hold, requires_approval_from: approvers }');
  await editor.selectLine(5);
  await editor.page.keyboard.press('ControlOrMeta+Shift+K');
  await expect(editor.preview.getByRole('treeitem', { name: /^Side by side/ })).toBeVisible();
  await expect(editor.preview.getByRole('treeitem', { name: /^Hold/ })).toBeVisible();
  // Above it a wait step needing approvers, and above that a change step with a target that does not exist.
  await editor.newFirstLine();
  await editor.type('wait');
  await editor.complete('wait step needing approvers');
  await editor.page.keyboard.press('Escape');
  await expect(editor.preview.getByRole('treeitem', { name: /^Sign-off/ })).toBeVisible();
  await editor.newFirstLine();
  await editor.type('change');
  await editor.complete('change step');
  await editor.page.keyboard.press('Escape');
  await editor.selectLine(3);
  await editor.type(`target: /projects/${project.code}/assets/nowhere`);
  await expect(editor.preview.getByRole('treeitem', { name: /^Deploy/ })).toBeVisible();
  // The list indented under `steps:`, with the workflow's name above (the server needs one).
  await editor.page.keyboard.press('ControlOrMeta+A');
  await editor.page.keyboard.press('Tab');
  await editor.newFirstLine();
  await editor.type('steps:');
  await editor.newFirstLine();
  await editor.type(`name: ${workflowName}`);
  await expect(editor.preview.getByRole('treeitem', { name: /^Deploy/ })).toBeVisible();
  await expect(editor.problems).toContainText('No problems found');

  // The server refuses the target: the problem names the step's line, and picking the step shows that line.
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(editor.problems).toContainText(/Line 3: Target .* does not exist \(server\)/);
  await axe();
  await editor.preview.getByRole('treeitem', { name: /^Deploy/ }).click();
  await expect(page.getByText('The selected step starts on line 3 of the YAML.')).toBeVisible();
  // The fix, by completion of the project's assets.
  await editor.selectLine(5);
  await editor.page.keyboard.insertText('target: ');
  await editor.complete(assetPath);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('The server found no problems')).toBeVisible();
  await expect(editor.problems).toContainText('No problems found');

  await page.getByRole('button', { name: 'Publish' }).click();
  const workflow = new WorkflowPage(page);
  await workflow.expectOpen(workflowName);
  await expect(workflow.versions.getByRole('row').filter({ hasText: 'v2' })).toContainText('published');
  await axe();
  await workflow.run();
  const run = new WorkflowRunPage(page);
  await run.expectOpen(workflowName);
  await expect(run.step('Sign-off')).toContainText(/waiting for approval/i, { timeout: 60_000 });
  const runUrl = page.url();
  await axe();

  // The approver approves both wait steps from the run page.
  const approverPage = await (await browser.newContext()).newPage();
  await approverPage.goto(runUrl);
  await new SignInPage(approverPage).signIn('approver', 'approver');
  const approverRun = new WorkflowRunPage(approverPage);
  await approverRun.expectOpen(workflowName);
  for (const step of ['Sign-off', 'Hold']) {
    await expect(approverRun.step(step)).toContainText(/waiting for approval/i, { timeout: 60_000 });
    await approverRun.openStep(step);
    await approverRun.drawer.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(approverRun.step(step)).toContainText(/approved/i);
  }
  await expect(approverRun.status).toContainText(/success/i, { timeout: 60_000 });

  // The admin's run page ends success, and the change step leads to its change.
  await expect(run.status).toContainText(/success/i, { timeout: 60_000 });
  await run.openStep('Deploy');
  await run.drawer.getByRole('link', { name: 'Open the change' }).click();
  const change = new ChangePage(page);
  await change.expectOpen('deploy');
  await expect(change.status).toContainText(/success/i);
  await page.mouse.move(0, 0);
  await axe();
});
