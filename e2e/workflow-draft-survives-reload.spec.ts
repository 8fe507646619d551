import { expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, seedWorkflow, uniqueCode } from './node-seed.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { WorkflowEditorPage, WorkflowPage } from './pages/workflow-pages.ts';

// Journey (issue 15): an admin's unsaved workflow YAML survives a reload (the browser asks first) and is
// offered back with "Discard"; leaving the editor inside the console asks first, staying keeps the edit,
// leaving keeps it as a draft for the next visit; Discard goes back to the saved YAML.
const expect = baseExpect.configure({ timeout: 20_000 });

test('unsaved workflow YAML survives a reload, leaving asks first, and Discard restores the saved YAML', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const admin = await api('opschain');
  const project = await seedEnterpriseProject(admin, 'wfdraft');
  const workflowCode = uniqueCode('hold');
  const workflowName = `Hold ${workflowCode}`;
  await seedWorkflow(admin, project.code, {
    code: workflowCode,
    name: workflowName,
    description: '',
    draft: true,
    steps: [{ type: 'wait', name: 'Saved hold' }],
  });

  await page.goto(`/projects/${project.code}/workflows/${workflowCode}/edit`);
  await new SignInPage(page).signIn('opschain', 'opschain');
  const editor = new WorkflowEditorPage(page, workflowName);
  // The step graph's first load (its own chunk) can be slow on a busy machine.
  await expect(editor.preview.getByRole('treeitem', { name: /^Saved hold/ })).toBeVisible({
    timeout: 60_000,
  });
  await editor.replaceWith([`name: ${workflowName}`, 'steps:', '  - type: wait', '    name: Edited hold']);
  await expect(editor.preview.getByRole('treeitem', { name: /^Edited hold/ })).toBeVisible();

  // Reloading asks first (the browser's own prompt); accepting it reloads, and the edit is back.
  const prompts: string[] = [];
  page.on('dialog', (dialog) => {
    prompts.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(prompts).toEqual(['beforeunload']);
  const restored = page.getByRole('status').filter({ hasText: 'Restored your unsaved edit from' });
  await expect(restored).toBeVisible();
  await expect(editor.preview.getByRole('treeitem', { name: /^Edited hold/ })).toBeVisible();
  await expect(editor.preview.getByRole('treeitem', { name: /^Saved hold/ })).toHaveCount(0);
  await axe();

  // Leaving for the workflow's page asks first; staying keeps the editor and the edit.
  const leaveLink = page.getByRole('link', { name: `Workflow ${workflowName}` });
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await leaveLink.click();
  await expect(leave).toBeVisible();
  await expect(leave).toContainText(`Your edits to the YAML of ${workflowName} are not saved`);
  await axe();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(leave).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${workflowName}` })).toBeVisible();
  await expect(editor.preview.getByRole('treeitem', { name: /^Edited hold/ })).toBeVisible();

  // Leaving anyway keeps the edit as the tab's draft: the editor offers it again.
  await leaveLink.click();
  await leave.getByRole('button', { name: 'Leave' }).click();
  await new WorkflowPage(page).expectOpen(workflowName);
  await page.getByRole('link', { name: 'Edit YAML' }).click();
  await expect(restored).toBeVisible();
  await expect(editor.preview.getByRole('treeitem', { name: /^Edited hold/ })).toBeVisible();

  // Discard: back to the saved YAML, and nothing is left to restore or to ask about.
  await restored.getByRole('button', { name: 'Discard' }).click();
  await expect(restored).toBeHidden();
  await expect(editor.preview.getByRole('treeitem', { name: /^Saved hold/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${workflowName}` })).toBeVisible();
  await expect(editor.preview.getByRole('treeitem', { name: /^Saved hold/ })).toBeVisible();
  await expect(restored).toHaveCount(0);
  await leaveLink.click();
  await new WorkflowPage(page).expectOpen(workflowName);
  expect(prompts).toEqual(['beforeunload']);
});
