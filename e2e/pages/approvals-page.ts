import { expect, type Locator, type Page } from '@playwright/test';
import { SignInPage } from './sign-in-page.ts';

/** The approvals inbox (`/approvals`). */
export class ApprovalsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly approveTab: Locator;
  readonly continueTab: Locator;
  readonly showOthers: Locator;
  readonly results: Locator;
  readonly dialog: Locator;
  readonly navEntry: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Approvals' });
    this.approveTab = page.getByRole('tab', { name: /^Approve/ });
    this.continueTab = page.getByRole('tab', { name: /^Continue/ });
    this.showOthers = page.getByRole('switch', { name: 'Show items waiting for others' });
    // Named by its title, "2 of 3 done".
    this.results = page.getByRole('status', { name: /\d+ of \d+ done/ });
    this.dialog = page.getByRole('dialog');
    this.navEntry = page
      .getByRole('navigation', { name: 'Navigator' })
      .getByRole('link', { name: /^Approvals/ });
  }

  /** Signs in as `user` (password = name) and opens the inbox. */
  async signInAndOpen(user: string, search = ''): Promise<void> {
    const signIn = new SignInPage(this.page);
    await this.page.goto(`/sign-in?redirect=${encodeURIComponent(`/approvals${search}`)}`);
    await signIn.signIn(user, user);
    await expect(this.heading).toBeVisible();
  }

  /** The item whose step is called `name`. */
  item(name: string): Locator {
    return this.page.getByRole('listitem', { name });
  }
}
