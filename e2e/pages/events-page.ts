import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// The emulator shares two cores with the browser and other test runs: allow slow answers.
const expect = baseExpect.configure({ timeout: 15_000 });

/** One row of the events table as a test expects it. */
export interface ExpectedEventRow {
  type: string;
  username: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The audit list (`/events`): filters, the newest-first table, its summary line and older pages. */
export class EventsPage {
  readonly page: Page;
  readonly main: Locator;
  readonly heading: Locator;
  readonly navLink: Locator;
  readonly typeFilter: Locator;
  readonly userFilter: Locator;
  readonly from: Locator;
  readonly until: Locator;
  readonly kind: Locator;
  readonly clearFilters: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly loadOlder: Locator;
  readonly noMatches: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Events' });
    this.navLink = page
      .getByRole('navigation', { name: 'Navigator' })
      .getByRole('link', { name: 'Events', exact: true });
    this.typeFilter = this.main.getByRole('textbox', { name: 'Type contains' });
    this.userFilter = this.main.getByRole('textbox', { name: 'User contains' });
    // Both ends of the time range include the second they name, and the labels say so.
    this.from = this.main.getByLabel('From (inclusive)', { exact: true });
    this.until = this.main.getByLabel('Until (inclusive)', { exact: true });
    this.kind = this.main.getByRole('radiogroup', { name: 'Kind' });
    this.clearFilters = this.main.getByRole('button', { name: 'Clear filters' });
    this.table = this.main.getByRole('table', { name: 'Events, newest first' });
    // The second row group is the body; the first holds the column headers.
    this.rows = this.table.getByRole('rowgroup').nth(1).getByRole('row');
    this.summary = this.main.getByText(/^\d+ events? shown; /);
    this.loadOlder = this.main.getByRole('button', { name: 'Load older events' });
    this.noMatches = this.main.getByText('No events match');
  }

  async openFromNavbar(): Promise<void> {
    await this.navLink.click();
    await expect(this.page).toHaveURL(/\/events$/);
    await expect(this.heading).toBeVisible();
    await expect(this.navLink).toHaveAttribute('aria-current', 'page');
  }

  /**
   * Picks a kind with the keyboard: Mantine's segmented control hides its radio inputs behind their labels,
   * so a pointer click on the radio itself is not possible, but focus and Space are, as for any user.
   */
  async chooseKind(label: 'All' | 'System' | 'Custom'): Promise<void> {
    const radio = this.kind.getByRole('radio', { name: label, exact: true });
    await radio.press('Space');
    await expect(radio).toBeChecked();
  }

  /** The table shows exactly these events, in this order (type, then the custom badge, then the user). */
  async expectRows(expected: readonly ExpectedEventRow[]): Promise<void> {
    await expect(this.rows).toHaveText(
      expected.map(
        ({ type, username }) =>
          new RegExp(`${escapeRegExp(type)}\\s*custom\\s*${escapeRegExp(username)}(?![\\w])`),
      ),
    );
  }

  /** The URL's search parameters, as a shared link would carry them. */
  searchParams(): Record<string, string> {
    return Object.fromEntries(new URL(this.page.url()).searchParams);
  }
}
