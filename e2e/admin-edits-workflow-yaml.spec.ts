import { expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, seedWorkflow, uniqueCode } from './node-seed.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { WorkflowEditorPage, WorkflowPage } from './pages/workflow-pages.ts';

// Journey (issue 15, editor first cut): an admin opens a workflow's YAML, sees its steps previewed, picks a
// step to find its line, sees the schema's problems on their lines and its help for a key, checks the YAML
// with the server and saves it as a draft, seen as a new draft version.
const expect = baseExpect.configure({ timeout: 20_000 });

test('an admin previews a workflow’s YAML, checks it and saves it as a draft version', async ({
  page,
  api,
  axe,
}) => {
  const admin = await api('opschain');
  const project = await seedEnterpriseProject(admin, 'wfedit');
  const workflowCode = uniqueCode('gate');
  const workflowName = `Gate ${workflowCode}`;
  await seedWorkflow(admin, project.code, {
    code: workflowCode,
    name: workflowName,
    description: '',
    draft: false,
    steps: [
      { type: 'wait', name: 'First hold' },
      { type: 'wait', name: 'Second hold', requires_approval_from: 'approvers' },
    ],
  });

  await page.goto(`/projects/${project.code}/workflows/${workflowCode}`);
  await new SignInPage(page).signIn('opschain', 'opschain');
  const workflow = new WorkflowPage(page);
  await workflow.expectOpen(workflowName);
  await page.getByRole('link', { name: 'Edit YAML' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${workflowName}` })).toBeVisible();
  const preview = page.getByRole('tree', { name: /^Preview of the steps of / });
  // The step graph's first load (its own chunk) can be slow on a busy machine.
  await preview.getByRole('treeitem', { name: /^Second hold/ }).click({ timeout: 60_000 });
  await expect(page.getByText(/The selected step starts on line \d+ of the YAML/)).toBeVisible();
  const editor = new WorkflowEditorPage(page, workflowName);
  await expect(editor.problems).toContainText('No problems found');
  await axe();

  // The YAML schema (monaco-yaml) checks as the admin types: an unknown key and a value of the wrong type
  // are problems listed with their lines; fixing them clears the list.
  await editor.replaceWith([
    `name: ${workflowName}`,
    'steps:',
    '  - type: wait',
    '    name: First hold',
    '    timeout_minutes: 5',
    '  - type: wait',
    '    name: Second hold',
    '    requires_approval_from: 42',
  ]);
  await expect(editor.problems).toContainText('Line 5: Property timeout_minutes is not allowed. (schema)');
  await expect(editor.problems).toContainText(/Line 8: Incorrect type\. Expected .*string.* \(schema\)/);
  await axe();
  await editor.selectLine(8);
  await editor.type('requires_approval_from: approvers');
  await editor.selectLine(5);
  await page.keyboard.press('ControlOrMeta+Shift+K');
  await expect(editor.problems).toContainText('No problems found');
  await expect(editor.preview.getByRole('treeitem', { name: /^Second hold/ })).toBeVisible();
  // The schema's help for the key under the cursor (Monaco's Show Hover, Ctrl+K Ctrl+I).
  await editor.selectLine(7);
  // End, then Home: the cursor on the key's first letter (Home from there would go to column 1).
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+I');
  await expect(page.getByRole('tooltip')).toContainText(
    'The group whose members approve the step (an approval step); null: anyone continues it.',
  );
  // Its source is named after the schema, not the editor's internal model.
  await expect(page.getByRole('tooltip')).toContainText('opschain-workflow.schema.json');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);

  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('The server found no problems')).toBeVisible();
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await workflow.expectOpen(workflowName);
  await expect(workflow.versions.getByRole('row').filter({ hasText: 'v2' })).toContainText('draft');
  await axe();
});
