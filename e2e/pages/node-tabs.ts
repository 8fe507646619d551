import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// The emulator shares two cores with the browser and other test runs: allow slow answers.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The header actions and tabs of a project, environment or asset page. */
export class NodeTabs {
  readonly page: Page;
  readonly main: Locator;
  readonly editButton: Locator;
  readonly archiveButton: Locator;
  readonly restoreButton: Locator;
  readonly archivedBadge: Locator;
  readonly apiLink: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.editButton = this.main.getByRole('button', { name: 'Edit', exact: true });
    this.archiveButton = this.main.getByRole('button', { name: 'Archive', exact: true });
    this.restoreButton = this.main.getByRole('button', { name: 'Restore', exact: true });
    this.archivedBadge = this.main.getByText('Archived', { exact: true }).first();
    this.apiLink = this.main.getByLabel('API link');
  }

  tab(name: string): Locator {
    return this.main.getByRole('tab', { name, exact: true });
  }

  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** A disabled control's reason, as its tooltip shows it on hover. */
  async tooltipOf(control: Locator): Promise<Locator> {
    await control.hover();
    const tooltip = this.page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    return tooltip;
  }
}
