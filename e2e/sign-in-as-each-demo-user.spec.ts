import { DEMO_USERS, type DemoUser } from '../contract/demo-users.ts';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const GROUPS: Record<DemoUser, string> = {
  opschain: 'None',
  operator: 'operators',
  approver: 'approvers, qa',
  viewer: 'viewers',
};

for (const user of DEMO_USERS) {
  test(`${user} signs in, sees the projects with their groups and the server version, and signs out`, async ({
    page,
    axe,
  }) => {
    const signIn = new SignInPage(page);
    const shell = new AppShell(page);

    await page.goto('/');
    await signIn.expectShown();
    await axe();

    await signIn.signIn(user, user);

    await expect(page).toHaveURL(/\/projects$/);
    await expect(shell.pageHeading).toHaveText('Projects');
    await expect(page.getByRole('link', { name: 'Core Banking Platform' }).first()).toBeVisible();
    await expect(shell.serverVersion).toBeVisible();
    await shell.expectSignedInAs(user);
    expect(await shell.groupsText()).toBe(GROUPS[user]);
    await axe();

    await shell.signOut();

    await signIn.expectShown();
    await expect(signIn.notice).toHaveText('Signed out');
    await page.goto('/projects');
    await signIn.expectShown();
    await axe();
  });
}

test.describe('with a wrong password', () => {
  // The browser logs the 401 the server answers.
  test.use({ allowedConsoleErrors: [/401/] });

  test('a user who mistypes the password is told so, stays on sign-in, and can try again', async ({
    page,
    axe,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.open();

    await signIn.signIn('operator', 'not-the-password');

    await expect(signIn.problem).toContainText('Wrong username or password');
    await expect(signIn.password).toHaveValue('');
    await expect(signIn.password).toBeFocused();
    await expect(signIn.username).toHaveValue('operator');
    await expect(page).toHaveURL(/\/sign-in/);
    await axe();

    await signIn.password.fill('operator');
    await signIn.submit.click();

    await expect(page).toHaveURL(/\/projects$/);
    await new AppShell(page).expectSignedInAs('operator');
  });
});

test('signing in without a username or password asks for them before calling the server', async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  let calls = 0;
  page.on('request', (request) => {
    if (request.url().includes('/api/')) calls += 1;
  });

  await signIn.submit.click();

  await expect(page.getByText('Enter your username.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  expect(calls).toBe(0);
});
