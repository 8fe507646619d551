import { JSON_API, expect as baseExpect, test } from './fixtures.ts';
import { seedEnterpriseProject, uniqueCode } from './node-seed.ts';
import { AppShell } from './pages/app-shell.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { CompareVersionsPage, WorkflowPage } from './pages/workflow-pages.ts';

// Journey 2 of issue 15: an admin compares two versions of a workflow and sees the changed line, deletes a
// draft (gone from the API too), then archives the workflow, after which Run is disabled and says why.
const expect = baseExpect.configure({ timeout: 20_000 });

test('an admin finds a workflow with search, compares version 1 and 2, deletes the draft 3, and archives it', async ({
  page,
  api,
  axe,
}) => {
  const admin = await api('opschain');
  const project = await seedEnterpriseProject(admin, 'wfcmp');
  const code = uniqueCode('release');
  const name = `Release ${code}`;
  const workflowUrl = `/api/projects/${project.code}/workflows/${code}`;
  const send = async (method: 'POST' | 'PATCH', path: string, attributes: Record<string, unknown>) => {
    const response = await admin.fetch(path, {
      method,
      headers: { 'content-type': JSON_API },
      data: JSON.stringify({ data: { attributes } }),
    });
    expect(response.status(), await response.text()).toBe(method === 'POST' ? 201 : 200);
  };
  const steps = (waitName: string) => [{ type: 'wait', name: waitName }];
  await send('POST', `/api/projects/${project.code}/workflows`, {
    code,
    name,
    description: '',
    draft: false,
    steps: steps('Wait for the release window'),
  });
  await send('PATCH', workflowUrl, { name, steps: steps('Wait for QA sign-off'), draft: false });
  await send('PATCH', workflowUrl, { name, steps: steps('Unfinished idea'), draft: true });

  // Found with global search: a workflow hit opens the workflow's page.
  const shell = new AppShell(page);
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('opschain', 'opschain');
  await expect(shell.pageHeading).toHaveText('Projects');
  await page.keyboard.press('/');
  await expect(shell.searchBox).toBeFocused();
  await page.keyboard.type(code);
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  const workflow = new WorkflowPage(page);
  await workflow.expectOpen(name);
  await expect(workflow.versions.getByRole('row')).toHaveCount(4);
  await axe();

  await workflow.compare(1, 2);
  const compare = new CompareVersionsPage(page);
  await compare.expectOpen(name);
  await expect(page).toHaveURL(/\/compare\?from=1&to=2$/);
  const changed = compare.changedLines(1, 2);
  await expect(changed.getByRole('listitem')).toHaveCount(1);
  await expect(changed).toContainText('- name: Wait for the release window');
  await expect(changed).toContainText('+ name: Wait for QA sign-off');
  await expect(
    page.getByRole('textbox', { name: /version 1 compared with version 2, version 2$/ }),
  ).toBeAttached();
  await axe();

  // The address is the comparison: reloading it shows the same two versions.
  await page.reload();
  await expect(compare.changedLines(1, 2)).toContainText('+ name: Wait for QA sign-off');

  await page.getByRole('link', { name: `Workflow ${name}` }).click();
  await workflow.expectOpen(name);
  await expect(
    workflow.versions.getByRole('button', { name: 'Delete version 2' }),
  ).toHaveAccessibleDescription(/Only drafts are deleted here/);
  await workflow.deleteVersion(3);
  await expect(workflow.versions.getByRole('row')).toHaveCount(3);
  const gone = await admin.get(`${workflowUrl}/versions/3`);
  expect(gone.status()).toBe(404);
  const left = (await (await admin.get(`${workflowUrl}/versions`)).json()) as {
    data: { attributes: { version: number } }[];
  };
  expect(left.data.map((version) => version.attributes.version)).toEqual([1, 2]);

  // Its Schedules section offers the schedule form with this workflow already chosen.
  await page.getByRole('button', { name: 'Schedule this workflow' }).click();
  const scheduleDialog = page.getByRole('dialog', { name: `Schedule ${name}` });
  await expect(scheduleDialog.getByRole('combobox', { name: 'Workflow' })).toHaveValue(
    `${name} (${code}), version 2`,
  );
  await axe();
  await scheduleDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(scheduleDialog).toBeHidden();

  await workflow.archive();
  await expect(page.getByText('archived', { exact: true }).first()).toBeVisible();
  await expect(workflow.runButton).toHaveAttribute('aria-disabled', 'true');
  await expect(workflow.runButton).toHaveAccessibleDescription('Archived workflows cannot run');
  const archived = (await (await admin.get(workflowUrl)).json()) as {
    data: { attributes: { archived: boolean } };
  };
  expect(archived.data.attributes.archived).toBe(true);
  await axe();
});
