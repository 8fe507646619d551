import { expect as baseExpect, test } from './fixtures.ts';
import { runWorkflow, seedEnterpriseProject, seedWorkflow, uniqueCode } from './node-seed.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { WorkflowPage, WorkflowRunPage } from './pages/workflow-pages.ts';

// Journey (issue 15): a viewer opens a project's workflows, a workflow and one of its runs: everything reads,
// and Run, Archive, Delete (the workflow or a version), Schedule, Cancel and Continue stay visible but
// disabled, each saying why.
const expect = baseExpect.configure({ timeout: 20_000 });

test('a viewer reads workflow and run pages, with Run, Archive, Delete, Schedule, Cancel and Continue disabled and explained', async ({
  page,
  api,
  axe,
}) => {
  const admin = await api('opschain');
  const project = await seedEnterpriseProject(admin, 'wfview');
  const workflowCode = uniqueCode('hold');
  const workflowName = `Pause ${workflowCode}`;
  await seedWorkflow(admin, project.code, {
    code: workflowCode,
    name: workflowName,
    draft: false,
    steps: [{ type: 'wait', name: 'Hold' }],
  });
  const runId = await runWorkflow(admin, project.code, workflowCode);

  await page.goto(`/projects/${project.code}/workflows`);
  await new SignInPage(page).signIn('viewer', 'viewer');
  await page.getByRole('table', { name: 'Workflows' }).getByRole('link', { name: workflowName }).click();
  const workflow = new WorkflowPage(page);
  await workflow.expectOpen(workflowName);
  await expect(workflow.runButton).toHaveAttribute('aria-disabled', 'true');
  await expect(workflow.runButton).toHaveAccessibleDescription(/You need execute permission/);
  await expect(workflow.runs.getByRole('row')).toHaveCount(2);
  const workflowsPath = `/projects/${project.code}/workflows`;
  for (const label of ['Archive', 'Delete']) {
    const button = page.getByRole('button', { name: label, exact: true });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription(
      `You need update permission on ${workflowsPath} to archive or delete workflows`,
    );
  }
  const deleteVersion = workflow.versions.getByRole('button', { name: 'Delete version 1' });
  await expect(deleteVersion).toHaveAttribute('aria-disabled', 'true');
  await expect(deleteVersion).toHaveAccessibleDescription(
    `You need update permission on ${workflowsPath} to delete workflow versions`,
  );
  const schedule = page.getByRole('button', { name: 'Schedule this workflow' });
  await expect(schedule).toHaveAttribute('aria-disabled', 'true');
  await expect(schedule).toHaveAccessibleDescription(
    /^You need update permission on .* to create schedules$/,
  );
  await axe();

  await workflow.runs.getByRole('link', { name: new RegExp(`run ${runId}`) }).click();
  const run = new WorkflowRunPage(page);
  await run.expectOpen(workflowName);
  await expect(run.step('Hold')).toContainText(/waiting/i, { timeout: 60_000 });
  const cancel = page.getByRole('button', { name: 'Cancel run' });
  await expect(cancel).toHaveAttribute('aria-disabled', 'true');
  await expect(cancel).toHaveAccessibleDescription('You may not execute workflow runs in this project');
  await run.openStep('Hold');
  const proceed = run.drawer.getByRole('button', { name: 'Continue' });
  await expect(proceed).toHaveAttribute('aria-disabled', 'true');
  await expect(proceed).toHaveAccessibleDescription('You may not execute workflow runs in this project');
  await axe();
});
