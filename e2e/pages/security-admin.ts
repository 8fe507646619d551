import { expect, type Locator, type Page } from '@playwright/test';

/** The Security section's Rules and Policies tabs, and their dialogs. */
export class SecurityAdmin {
  readonly page: Page;
  readonly dialog: Locator;
  readonly rulesTable: Locator;
  readonly policiesTable: Locator;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByRole('dialog');
    this.rulesTable = page.getByRole('table', { name: 'Authorisation rules' });
    this.policiesTable = page.getByRole('table', { name: 'Authorisation policies' });
  }

  async openRules(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Rules' }).click();
    await expect(this.rulesTable).toBeVisible();
  }

  async openPolicies(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Policies' }).click();
    await expect(this.policiesTable).toBeVisible();
  }

  /** Opens the new-rule dialog and fills it (read/update/execute as given). */
  async startRule(name: string, path: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New rule' }).click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Path (regular expression)').fill(path);
  }

  get tester(): Locator {
    return this.dialog.getByRole('region', { name: 'Rule tester' });
  }

  /** The impact sentences of the confirmation dialog. */
  get impact(): Locator {
    return this.dialog.getByRole('list', { name: 'Decisions that change' });
  }

  async createPolicy(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New policy' }).click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByRole('button', { name: 'Create policy' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByRole('region', { name: `Policy ${name}` })).toBeVisible();
  }

  policy(name: string): Locator {
    return this.page.getByRole('region', { name: `Policy ${name}` });
  }
}
