import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// The emulator shares two cores with the browser and other test runs: allow slow answers.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * A server-side node list: the Projects page, or the environments or assets tab of a node page. Filter box,
 * archived switch, project type (projects only), sortable table, export, create.
 */
export class NodeList {
  readonly page: Page;
  readonly filter: Locator;
  readonly showArchived: Locator;
  readonly projectType: Locator;
  readonly table: Locator;
  readonly exportButton: Locator;

  constructor(page: Page, what: 'projects' | 'environments' | 'assets') {
    this.page = page;
    const main = page.getByRole('main');
    this.filter = main.getByRole('textbox', { name: `Filter ${what}` });
    this.showArchived = main.getByRole('switch', { name: 'Show archived' });
    this.projectType = main.getByRole('combobox', { name: 'Project type' });
    this.table = main.getByRole('table', { name: new RegExp(`^${what}`, 'i') });
    this.exportButton = main.getByRole('button', { name: `Export CSV of the ${what}` });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** A column header; its `aria-sort` says whether and how the list is sorted by it. */
  columnHeader(label: string): Locator {
    return this.table.getByRole('columnheader', { name: label, exact: true });
  }

  /** Clicks a column header: a new column sorts ascending, the current one flips. */
  async sortBy(label: string): Promise<void> {
    await this.columnHeader(label).getByRole('button').click();
  }

  async expectNames(names: readonly string[]): Promise<void> {
    await expect(this.table.getByRole('link')).toHaveText([...names]);
  }
}
