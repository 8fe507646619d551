import { startChange, seedChangeTarget } from './change-seed.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('the operator cancels a queued change and the one holding the target, then runs the first again', async ({
  page,
  api,
  axe,
}) => {
  test.slow();
  const operator = await api('operator');
  const target = await seedChangeTarget(await api(), 'cancel');
  // A change waiting for someone holds the target, so the slow one queues behind it (the emulator runs
  // fifty times faster than real time: a running slow change would finish before the click).
  const holderId = await startChange(operator, target, { action: 'manual_wait' });
  const slowId = await startChange(operator, target, {
    action: 'slow',
    metadata: { ticket: 'CR-42' },
    property_overrides: { batch_size: 10 },
  });

  const change = new ChangePage(page);
  await change.open(slowId);
  await new SignInPage(page).signIn('operator', 'operator');
  await change.expectOpen('slow');
  await expect(change.status).toHaveText('Pending');
  const waitingAlert = page.getByRole('alert').filter({ hasText: 'Waiting to start' });
  await expect(waitingAlert).toContainText('Waiting for change manual_wait (waiting, started by operator)');
  await expect(waitingAlert.getByRole('link', { name: 'manual_wait' })).toHaveAttribute(
    'href',
    `/changes/${holderId}`,
  );
  await axe();

  await change.cancelButton.click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this change?' });
  await dialog.getByRole('button', { name: 'Cancel change' }).click();
  await expect(dialog).toBeHidden();
  await expect(change.status).toHaveText('Cancelled');
  await expect(change.cancelButton).toHaveAccessibleDescription('The change has finished');

  // Run again: the dialog starts from the cancelled change, editable, and sends a new change.
  await page.getByRole('button', { name: 'Run again' }).click();
  const runDialog = page.getByRole('dialog', { name: 'Run a change' });
  await expect(runDialog).toContainText(target.path);
  await expect(runDialog.getByLabel('Action')).toHaveValue('slow');
  await expect(runDialog.getByRole('textbox', { name: 'Revision' })).toHaveValue('main');
  await expect(runDialog.getByRole('combobox', { name: 'Git remote' })).toHaveValue(/^origin /);
  await expect(runDialog.getByLabel('Metadata')).toHaveValue(/"ticket": "CR-42"/);
  await expect(runDialog.getByLabel('Property overrides')).toHaveValue(/"batch_size": 10/);
  await runDialog.getByLabel('Metadata').fill('{"ticket": "CR-43"}');
  await axe();
  await runDialog.getByRole('button', { name: 'Run change' }).click();
  await expect(runDialog).toBeHidden();
  await expect(page).not.toHaveURL(new RegExp(`/changes/${slowId}$`));
  await expect(page).toHaveURL(/\/changes\/[^/?#]+$/);
  await change.expectOpen('slow');
  await expect(change.status).not.toHaveText('Cancelled');
  const newId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
  const created = await operator.get(`/api/changes/${newId}`);
  expect(created.status()).toBe(200);
  const attributes = ((await created.json()) as { data: { attributes: Record<string, unknown> } }).data
    .attributes;
  expect(attributes).toMatchObject({
    action: 'slow',
    git_remote_name: 'origin',
    git_rev: 'main',
    metadata: { ticket: 'CR-43' },
    property_overrides: { batch_size: 10 },
  });

  await change.open(holderId);
  await change.expectOpen('manual_wait');
  await expect(change.step('wait_for_confirmation')).toContainText('Waiting');
  await change.cancelButton.click();
  await expect(dialog.getByRole('list', { name: 'Steps that will stop' })).toContainText(
    'wait_for_confirmation (waiting)',
  );
  await axe();
  await dialog.getByRole('button', { name: 'Cancel change' }).click();
  await expect(change.status).toHaveText('Cancelled');
  await expect(change.step('wait_for_confirmation')).toContainText('Cancelled');
  await expect(change.step('resume_service')).toContainText('Cancelled');
  await axe();
});
