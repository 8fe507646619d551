import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { NodePage } from './pages/node-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const ASSET_PATH = '/projects/bank/environments/prod/assets/soa_prod';

test('a deep link asks for sign-in, returns to the page, and a reload keeps both', async ({ page, axe }) => {
  const signIn = new SignInPage(page);
  const shell = new AppShell(page);
  const node = new NodePage(page);

  await page.goto(ASSET_PATH);
  await signIn.expectShown();
  expect(new URL(page.url()).searchParams.get('redirect')).toBe(ASSET_PATH);
  await signIn.signIn('approver', 'approver');

  await node.expectNode('SOA Production', ASSET_PATH);
  await expect(node.breadcrumbs.getByRole('link')).toHaveText([
    'Projects',
    'Core Banking Platform',
    'Production',
  ]);
  await expect(shell.treeItem('SOA Production')).toHaveAttribute('aria-selected', 'true');
  await axe();

  await page.reload();

  await node.expectNode('SOA Production', ASSET_PATH);
  await shell.expectSignedInAs('approver');
  // The navigator opens itself down to the page's node.
  await expect(shell.treeItem('Core Banking Platform')).toHaveAttribute('aria-expanded', 'true');
  await expect(shell.treeItem('Production')).toHaveAttribute('aria-expanded', 'true');
  await expect(shell.treeItem('SOA Production')).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain('approver');
});

test('the breadcrumbs lead back up, and each node page has its own heading', async ({ page }) => {
  const node = new NodePage(page);
  await page.goto(ASSET_PATH);
  await new SignInPage(page).signIn('viewer', 'viewer');
  await node.expectNode('SOA Production', ASSET_PATH);

  await node.breadcrumbs.getByRole('link', { name: 'Production' }).click();
  await node.expectNode('Production', '/projects/bank/environments/prod');
  await node.breadcrumbs.getByRole('link', { name: 'Core Banking Platform' }).click();
  await node.expectNode('Core Banking Platform', '/projects/bank');
});

test.describe('when the server stops accepting the credentials', () => {
  // The browser logs the 401s the server answers.
  test.use({ allowedConsoleErrors: [/401/] });

  test('the console asks to sign in again and returns to the page', async ({ page, axe }) => {
    const signIn = new SignInPage(page);
    const node = new NodePage(page);
    await page.goto(ASSET_PATH);
    await signIn.signIn('operator', 'operator');
    await node.expectNode('SOA Production', ASSET_PATH);

    // As if the password were changed elsewhere: the stored credentials no longer work.
    await page.evaluate(() => {
      window.sessionStorage.setItem(
        'opschain-console.credentials',
        JSON.stringify({ username: 'operator', password: 'changed-elsewhere' }),
      );
    });
    await page.reload();

    await signIn.expectShown();
    await expect(page.getByText('Your session ended')).toBeVisible();
    expect(new URL(page.url()).searchParams.get('redirect')).toBe(ASSET_PATH);
    await axe();
    await signIn.signIn('operator', 'operator');
    await node.expectNode('SOA Production', ASSET_PATH);
  });
});

test.describe('links to things that are not there', () => {
  // The browser logs the 404 the API answers for the missing environment.
  test.use({ allowedConsoleErrors: [/404/] });

  test('a link to a node the API does not know shows a not-found page with a way on', async ({
    page,
    axe,
  }) => {
    await page.goto('/projects/bank/environments/staging');
    await new SignInPage(page).signIn('operator', 'operator');

    await expect(page.getByRole('heading', { level: 1, name: 'Environment not found' })).toBeVisible();
    await expect(page.getByText('/projects/bank/environments/staging')).toBeVisible();
    await axe();
    await page.getByRole('link', { name: 'Go to projects' }).click();
    await expect(new AppShell(page).pageHeading).toHaveText('Projects');
  });

  test('an unknown console address shows the page-not-found page', async ({ page, axe }) => {
    await page.goto('/sign-in');
    await new SignInPage(page).signIn('operator', 'operator');
    await expect(page).toHaveURL(/\/projects$/);

    await page.goto('/no/such/page');

    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await axe();
  });
});
