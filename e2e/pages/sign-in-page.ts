import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in page (`/sign-in`). */
export class SignInPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly problem: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in to OpsChain Console' });
    this.username = page.getByRole('textbox', { name: 'Username' });
    this.password = page.getByRole('textbox', { name: 'Password' });
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.problem = page.getByRole('alert');
    this.notice = page.getByRole('main').getByText(/Signed out|Your session ended/);
  }

  async open(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.heading).toBeVisible();
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/sign-in/);
    await expect(this.heading).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in and waits until the console has taken the session (before the test navigates elsewhere). */
  async signInAndWait(username: string, password: string): Promise<void> {
    await this.signIn(username, password);
    await expect(this.heading).toBeHidden();
  }

  /** Signs in with nothing but the keyboard: type, Tab, type, Enter. */
  async signInWithKeyboard(username: string, password: string): Promise<void> {
    await this.username.focus();
    await this.page.keyboard.type(username);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }
}
