import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';
import { NodePage } from './pages/node-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const ASSET_PATH = '/projects/bank/environments/prod/assets/soa_prod';
/** The BroadcastChannel on which the console's tabs share a session (src/app/auth-session-share.ts). */
const SESSION_CHANNEL = 'opschain-console.session';

/** Every address the page's document shows, to tell whether sign-in appeared even for a moment. */
function addressesOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.push(new URL(frame.url()).pathname);
  });
  return seen;
}

/** Uncaught errors of a page the `page` fixture does not watch. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a link opened in a new tab is signed in already, and signing out in one tab signs out the other', async ({
  page,
  context,
  axe,
}) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('operator', 'operator');
  await expect(new AppShell(page).pageHeading).toHaveText('Projects');

  const tab = await context.newPage();
  const tabErrors = errorsOf(tab);
  const addresses = addressesOf(tab);
  await tab.goto(ASSET_PATH);

  await new NodePage(tab).expectNode('SOA Production', ASSET_PATH);
  await new AppShell(tab).expectSignedInAs('operator');
  expect(addresses).not.toContain('/sign-in');
  // Shared in memory between open tabs, never put at rest where the browser keeps it after they close.
  expect(await tab.evaluate(() => JSON.stringify(window.localStorage))).not.toContain('operator');

  await new AppShell(tab).signOut();
  await new SignInPage(tab).expectShown();

  const signIn = new SignInPage(page);
  await signIn.expectShown();
  await expect(signIn.notice).toHaveText('Signed out');
  await expect(page.getByText('You signed out of the console in another tab.')).toBeVisible();
  await axe();
  // Signing in again returns to the page the tab was on.
  expect(new URL(page.url()).searchParams.get('redirect')).toBe('/projects');
  expect(tabErrors).toEqual([]);
});

test('a new tab opened after the last one closed, or in another browser, asks for the password', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await page.goto(ASSET_PATH);
  await new SignInPage(page).signIn('viewer', 'viewer');
  await new NodePage(page).expectNode('SOA Production', ASSET_PATH);

  // Another browser (a fresh context shares nothing): sign-in, and without waiting for other tabs.
  const otherBrowser = await browser.newContext(baseURL === undefined ? {} : { baseURL });
  try {
    // A signed-out tab of that browser listens on the channel tabs ask each other on: a new tab that knows
    // no tab is signed in (no holder of the signed-in lock) asks nobody, so it waits for no answer.
    const watcher = await otherBrowser.newPage();
    await watcher.goto('/sign-in');
    await new SignInPage(watcher).expectShown();
    await watcher.evaluate((name) => {
      const heard: unknown[] = [];
      new BroadcastChannel(name).addEventListener('message', (event) => heard.push(event.data));
      Object.assign(window, { heardOnSessionChannel: heard });
    }, SESSION_CHANNEL);
    const stranger = await otherBrowser.newPage();
    const addresses = addressesOf(stranger);
    await stranger.goto(ASSET_PATH);
    await new SignInPage(stranger).expectShown();
    // The same watch that saw no sign-in in the shared tab sees it here.
    expect(addresses).toContain('/sign-in');
    expect(new URL(stranger.url()).searchParams.get('redirect')).toBe(ASSET_PATH);
    expect(await watcher.evaluate(() => JSON.stringify(Reflect.get(window, 'heardOnSessionChannel')))).toBe(
      '[]',
    );
  } finally {
    await otherBrowser.close();
  }

  // The last tab of this browser closes: nobody is left to share the session with a new tab.
  await page.close();
  const next = await context.newPage();
  await next.goto(ASSET_PATH);
  await new SignInPage(next).expectShown();
  expect(new URL(next.url()).searchParams.get('redirect')).toBe(ASSET_PATH);
});
