import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// The emulator shares two cores with the browser and other test runs: allow slow answers.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The New environment / New asset dialog. */
export class CreateNodeDialog {
  readonly dialog: Locator;
  readonly code: Locator;
  readonly name: Locator;
  readonly description: Locator;
  readonly template: Locator;
  readonly version: Locator;

  constructor(page: Page, title: 'New environment' | 'New asset' | 'New project') {
    this.dialog = page.getByRole('dialog', { name: title });
    this.code = this.dialog.getByRole('textbox', { name: 'Code' });
    this.name = this.dialog.getByRole('textbox', { name: 'Name' });
    this.description = this.dialog.getByRole('textbox', { name: 'Description' });
    this.template = this.dialog.getByRole('combobox', { name: 'Template', exact: true });
    this.version = this.dialog.getByRole('combobox', { name: 'Template version' });
  }

  async fill(code: string, name: string, description = ''): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.code.fill(code);
    await this.name.fill(name);
    if (description !== '') await this.description.fill(description);
  }

  async chooseTemplate(template: string, version: string): Promise<void> {
    await this.template.click();
    await this.dialog.page().getByRole('option', { name: template }).click();
    await this.version.click();
    await this.dialog
      .page()
      .getByRole('option', { name: new RegExp(`^${version}`) })
      .click();
  }

  async submit(label: string): Promise<void> {
    await this.dialog.getByRole('button', { name: label }).click();
  }
}
