import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// The emulator shares two cores with the browser and other test runs: allow slow answers.
const expect = baseExpect.configure({ timeout: 15_000 });

/** A schedules list (a node's Schedules tab or `/schedules`) and its New schedule and Delete dialogs. */
export class SchedulesList {
  readonly page: Page;
  readonly table: Locator;
  readonly newButton: Locator;
  readonly createDialog: Locator;
  readonly deleteDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByRole('table', { name: 'Schedules' });
    this.newButton = page.getByRole('button', { name: 'New schedule' });
    this.createDialog = page.getByRole('dialog', { name: /^New schedule on / });
    this.deleteDialog = page.getByRole('dialog', { name: 'Delete this schedule?' });
  }

  row(text: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  deleteButton(action: string): Locator {
    return this.table.getByRole('button', { name: new RegExp(`^Delete schedule ${action} on `) });
  }

  /** The create dialog's fields. */
  field(name: string | RegExp): Locator {
    return this.createDialog.getByRole('textbox', { name });
  }

  /** A free text box on projects and environments, a box suggesting the asset's actions on assets. */
  get action(): Locator {
    const name = 'Action';
    return this.createDialog
      .getByRole('combobox', { name })
      .or(this.createDialog.getByRole('textbox', { name }));
  }

  get cronExpression(): Locator {
    return this.field(/^Cron expression/);
  }

  get nextRuns(): Locator {
    return this.createDialog.getByRole('table', { name: 'Next five runs' });
  }

  async chooseRepeatPattern(label: string): Promise<void> {
    await this.createDialog.getByRole('combobox', { name: 'Schedule pattern' }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  async submit(): Promise<void> {
    await this.createDialog.getByRole('button', { name: 'Create schedule' }).click();
    await expect(this.createDialog).toBeHidden();
  }

  async confirmDelete(): Promise<void> {
    await this.deleteDialog.getByRole('button', { name: 'Delete schedule' }).click();
    await expect(this.deleteDialog).toBeHidden();
  }
}
