import { JSON_API, expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, uniqueCode } from './node-seed.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { WorkflowPage } from './pages/workflow-pages.ts';

// Journey (issue 15, editor first cut): an admin opens a workflow's YAML, sees its steps previewed, picks a
// step to find its line, checks it with the server and saves it as a draft, seen as a new draft version.
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
  const created = await admin.post(`/api/projects/${project.code}/workflows`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({
      data: {
        attributes: {
          code: workflowCode,
          name: workflowName,
          description: '',
          draft: false,
          steps: [
            { type: 'wait', name: 'First hold' },
            { type: 'wait', name: 'Second hold', requires_approval_from: 'approvers' },
          ],
        },
      },
    }),
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto(`/projects/${project.code}/workflows/${workflowCode}`);
  await new SignInPage(page).signIn('opschain', 'opschain');
  const workflow = new WorkflowPage(page);
  await workflow.expectOpen(workflowName);
  await page.getByRole('link', { name: 'Edit YAML' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${workflowName}` })).toBeVisible();
  const preview = page.getByRole('tree', { name: /^Preview of the steps of / });
  await preview.getByRole('treeitem', { name: /^Second hold/ }).click();
  await expect(page.getByText(/The selected step starts on line \d+ of the YAML/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems found');
  await axe();

  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('The server found no problems')).toBeVisible();
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await workflow.expectOpen(workflowName);
  await expect(workflow.versions.getByRole('row').filter({ hasText: 'v2' })).toContainText('draft');
  await axe();
});
