import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// The emulator shares two cores with the browser and other test runs: allow slow answers.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The environments or assets tab of a node page: filter, archived switch, table, export, create. */
export class NodeList {
  readonly page: Page;
  readonly filter: Locator;
  readonly showArchived: Locator;
  readonly table: Locator;
  readonly exportButton: Locator;

  constructor(page: Page, what: 'environments' | 'assets') {
    this.page = page;
    const main = page.getByRole('main');
    this.filter = main.getByRole('textbox', { name: `Filter ${what}` });
    this.showArchived = main.getByRole('switch', { name: 'Show archived' });
    this.table = main.getByRole('table', { name: new RegExp(`^${what}`, 'i') });
    this.exportButton = main.getByRole('button', { name: `Export ${what} as CSV` });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async expectNames(names: readonly string[]): Promise<void> {
    await expect(this.table.getByRole('link')).toHaveText([...names]);
  }
}
