import { startChange, seedChangeTarget } from './change-seed.ts';
import { expect as baseExpect, test } from './fixtures.ts';
import { ChangePage } from './pages/change-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const expect = baseExpect.configure({ timeout: 20_000 });

test('the operator cancels a queued change and the one holding the target; their steps end cancelled', async ({
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
