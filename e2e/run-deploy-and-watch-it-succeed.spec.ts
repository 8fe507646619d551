import { JSON_API, expect as baseExpect, test } from './fixtures.ts';
import { seedAsset, seedEnterpriseProject, uniqueCode } from './node-seed.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// The emulator runs fifty times faster than real time here: `deploy` would be over before the page is
// read. So a change waiting for someone holds the asset first; `deploy` queues behind it, the operator
// watches the holder's waiting step tick, then the holder is continued and `deploy` runs to success while
// the page is open, with no reload.
const expect = baseExpect.configure({ timeout: 20_000 });

test('an operator runs deploy on an asset and watches it to success, then finds it in Activity', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const seeder = await api('opschain');
  const operator = await api('operator');
  const project = await seedEnterpriseProject(seeder, 'watch');
  const assetCode = uniqueCode('web');
  await seedAsset(seeder, project.code, assetCode, 'Storefront');
  const assetPath = `/projects/${project.code}/assets/${assetCode}`;
  const holder = await operator.post(`/api${assetPath}/changes`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes: { action: 'manual_wait' } } }),
  });
  expect(holder.status(), await holder.text()).toBe(201);
  const holderId = ((await holder.json()) as { data: { id: string } }).data.id;

  await page.goto(assetPath);
  await new SignInPage(page).signIn('operator', 'operator');
  await page.getByRole('button', { name: 'Run change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run a change' });
  await expect(dialog).toContainText(assetPath);
  await dialog.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: /^deploy — / }).click();
  await dialog.getByLabel('Metadata').fill('{"change_request": "CR-7"}');
  await axe();
  await dialog.getByRole('button', { name: 'Run change' }).click();

  const change = new ChangePage(page);
  await change.expectOpen('deploy');
  await expect(page).toHaveURL(/\/changes\/[^/?#]+$/);
  await expect(change.status).toHaveText('Pending');
  const waiting = page.getByRole('alert').filter({ hasText: 'Waiting to start' });
  await expect(waiting.getByRole('link', { name: 'manual_wait' })).toHaveAttribute(
    'href',
    `/changes/${holderId}`,
  );
  await axe();

  // The holder's waiting step: its elapsed time ticks while the page is open.
  await waiting.getByRole('link', { name: 'manual_wait' }).click();
  await change.expectOpen('manual_wait');
  const waitStep = change.step('wait_for_confirmation');
  await expect(waitStep).toContainText('Waiting');
  const firstReading = await waitStep.textContent();
  await expect(waitStep).not.toHaveText(firstReading ?? '', { timeout: 5_000 });
  await page.goBack();
  await change.expectOpen('deploy');
  await expect(change.status).toHaveText('Pending');

  // Continue the holder behind the operator's back: deploy starts and finishes while the page is open.
  const steps = (await (await operator.get(`/api/steps?filter[change_id_eq]=${holderId}`)).json()) as {
    data: { id: string; attributes: { name: string } }[];
  };
  const waitStepId = steps.data.find((step) => step.attributes.name === 'wait_for_confirmation')?.id;
  expect(waitStepId).toBeDefined();
  const continued = await operator.post(`/api/steps/${waitStepId ?? ''}/continue`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes: {} } }),
  });
  expect(continued.status(), await continued.text()).toBe(200);

  await expect(change.status).toHaveText('Success');
  for (const name of ['build', 'unit', 'integration', 'release']) {
    await expect(change.step(name)).toContainText('Success');
  }
  const graph = page.getByRole('group', { name: /\(graph\)$/ });
  await expect(graph.getByText('release', { exact: true })).toBeVisible();
  await expect(graph).not.toContainText(/Pending|Running|Queued/);
  await expect(page.getByText('Waiting to start')).toBeHidden();
  await axe();

  // Activity lists it, filtered to the asset.
  await page.getByRole('navigation', { name: 'Navigator' }).getByRole('link', { name: 'Activity' }).click();
  await page.getByLabel('Target path starts with').fill(assetPath);
  await expect(page).toHaveURL(/target=/);
  const table = page.getByRole('table', { name: 'Activity, newest first' });
  const row = table.getByRole('row').filter({ hasText: 'deploy' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Success');
  await expect(row).toContainText('operator');
  await expect(table.getByRole('row').filter({ hasText: 'manual_wait' })).toContainText('Success');
  await axe();
  await row.getByRole('link', { name: /deploy/ }).click();
  await change.expectOpen('deploy');
});
