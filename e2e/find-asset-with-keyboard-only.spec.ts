import { expect, test } from './fixtures.ts';
import { AppShell, treeItemName } from './pages/app-shell.ts';
import { NodePage } from './pages/node-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

test('an operator finds an asset through the navigator using only the keyboard', async ({ page, axe }) => {
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInWithKeyboard('operator', 'operator');
  await expect(shell.pageHeading).toHaveText('Projects');

  await shell.tabIntoTree();
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(treeItemName('Core Banking Platform'));

  // Right opens the project; Right again moves to its first child.
  await page.keyboard.press('ArrowRight');
  await expect(shell.treeItem('Core Banking Platform')).toHaveAttribute('aria-expanded', 'true');
  await expect(shell.treeItem('Development')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(treeItemName('Development'));

  // Down to Production, open it, and type-ahead to the ledger database.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(treeItemName('Production'));
  await expect(shell.focusedTreeItem()).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowRight');
  await expect(shell.treeItem('Ledger database Production')).toBeVisible();
  await page.keyboard.type('led');
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(treeItemName('Ledger database Production'));
  await expect(shell.focusedTreeItem()).toHaveAttribute('aria-level', '3');
  await axe({ include: '[role="tree"]' });

  await page.keyboard.press('Enter');

  await new NodePage(page).expectNode(
    'Ledger database Production',
    '/projects/bank/environments/prod/assets/ledger_db_prod',
  );
  await expect(shell.treeItem('Ledger database Production')).toHaveAttribute('aria-selected', 'true');
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(treeItemName('Ledger database Production'));

  // Left goes up to the environment, Left again closes it; Home and End reach the ends.
  await page.keyboard.press('ArrowLeft');
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(treeItemName('Production'));
  await page.keyboard.press('ArrowLeft');
  await expect(shell.treeItem('Production')).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.treeItem('Ledger database Production')).toHaveCount(0);
  // Other journeys may have added projects: End reaches whichever row is last.
  await page.keyboard.press('End');
  await expect(shell.tree.getByRole('treeitem').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(treeItemName('Core Banking Platform'));
  await axe();
});

test('typing in the navigator filter narrows the tree, and Down arrow moves into it', async ({
  page,
  axe,
}) => {
  const shell = new AppShell(page);
  await new SignInPage(page).open();
  await new SignInPage(page).signInWithKeyboard('viewer', 'viewer');
  await expect(shell.pageHeading).toHaveText('Projects');
  await shell.treeItem('Retail Web Store').click();
  await expect(shell.pageHeading).toHaveText('Retail Web Store');
  await shell.treeItem('Retail Web Store').press('ArrowRight');
  await expect(shell.treeItem('Production')).toBeVisible();

  await shell.treeFilter.focus();
  await page.keyboard.type('prod');

  await expect(shell.tree.getByRole('treeitem')).toHaveCount(2);
  await expect(page.getByText(/^1 of \d+ projects$/)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(treeItemName('Retail Web Store'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await new NodePage(page).expectNode('Production', '/projects/retail/environments/prod');
  await axe();
});

test('with nothing opened, the filter finds assets on the server and opens the tree down to them', async ({
  page,
  axe,
}) => {
  const shell = new AppShell(page);
  await new SignInPage(page).open();
  await new SignInPage(page).signInWithKeyboard('operator', 'operator');
  await expect(shell.pageHeading).toHaveText('Projects');
  await expect(shell.treeItem('Core Banking Platform')).toHaveAttribute('aria-expanded', 'false');

  await shell.treeFilter.focus();
  await page.keyboard.type('ledger');

  // Each match in place, under the project and environment it was found in.
  for (const environment of ['Development', 'Test', 'Production']) {
    await expect(shell.treeItem(`Ledger database ${environment}`)).toHaveAttribute('aria-level', '3');
    await expect(shell.treeItem(environment)).toHaveAttribute('aria-expanded', 'true');
  }
  await expect(shell.treeItem('Core Banking Platform')).toHaveAttribute('aria-expanded', 'true');
  await expect(shell.tree.getByRole('treeitem')).toHaveCount(7);
  await expect(page.getByText(/^Searched all \d+ projects\.$/)).toBeVisible();
  await axe();

  await page.keyboard.press('ArrowDown');
  // The name starts with the row's text (a count of children shown may follow).
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(/^Core Banking Platform\b/);
  await page.keyboard.press('End');
  await expect(shell.focusedTreeItem()).toHaveAccessibleName(/^Ledger database Production\b/);
  await page.keyboard.press('Enter');
  await new NodePage(page).expectNode(
    'Ledger database Production',
    '/projects/bank/environments/prod/assets/ledger_db_prod',
  );
});
