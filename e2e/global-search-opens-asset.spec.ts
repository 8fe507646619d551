import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { NodePage } from './pages/node-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

test('global search opened with / finds an asset by name and opens its page', async ({ page, axe }) => {
  const shell = new AppShell(page);
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('operator', 'operator');
  await expect(shell.pageHeading).toHaveText('Projects');

  await page.keyboard.press('/');
  await expect(shell.searchBox).toBeFocused();
  await page.keyboard.type('checkout');

  // One per environment of the retail project (other journeys may add projects, not these assets).
  for (const environment of ['Development', 'Test', 'Production']) {
    await expect(page.getByRole('button', { name: new RegExp(`^Checkout ${environment}`) })).toBeVisible();
  }
  await expect(page.getByText(/^Searched \d+ projects\.$/)).toBeVisible();
  await axe();
  await page.getByRole('button', { name: /Checkout Production/ }).click();

  await new NodePage(page).expectNode(
    'Checkout Production',
    '/projects/retail/environments/prod/assets/checkout_prod',
  );
  await expect(shell.treeItem('Checkout Production')).toHaveAttribute('aria-selected', 'true');
});

test('Ctrl+K opens search, which finds a project-owned asset by its code and Enter opens the first hit', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('viewer', 'viewer');
  await expect(shell.pageHeading).toHaveText('Projects');

  await page.keyboard.press('Control+k');
  await expect(shell.searchBox).toBeFocused();
  await page.keyboard.type('shared_db');
  const hit = page.getByRole('button', { name: /Shared reporting database/ });
  await expect(hit).toBeVisible();
  await expect(page.getByText(/^Searched \d+ projects\.$/)).toBeVisible();
  // Highlighted without an arrow key: Enter opens it.
  await expect(hit).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');

  await new NodePage(page).expectNode('Shared reporting database', '/projects/bank/assets/shared_db');
});

test('search says when nothing matches', async ({ page }) => {
  const shell = new AppShell(page);
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('viewer', 'viewer');
  await expect(shell.pageHeading).toHaveText('Projects');

  await shell.searchButton.click();
  await expect(shell.searchBox).toBeFocused();
  await page.keyboard.type('zzz-nothing');

  await expect(page.getByText('Nothing matches “zzz-nothing”.')).toBeVisible();
});
