import { expect, type Locator, type Page } from '@playwright/test';

/** The log pane (a change's whole log on the change page, or a step's in its panel). */
export class LogPane {
  readonly lines: Locator;
  readonly status: Locator;
  readonly find: Locator;
  readonly findSummary: Locator;
  readonly follow: Locator;
  readonly jumpToLatest: Locator;

  constructor(page: Page, within: Locator = page.getByRole('region', { name: 'Change log' })) {
    this.lines = within.getByRole('region', { name: 'Log lines' }).first();
    this.status = within
      .getByRole('status')
      .filter({ hasText: /\d lines? — / })
      .first();
    this.find = within.getByRole('textbox', { name: 'Find in log' }).first();
    this.findSummary = within
      .getByRole('status')
      .filter({ hasText: /matches|No matches/ })
      .first();
    this.follow = within.getByRole('switch', { name: 'Follow (f)' }).first();
    this.jumpToLatest = within.getByRole('button', { name: /jump to latest/i }).first();
  }

  /** The link on line `n`'s number (rendered only while the line is in view). */
  lineLink(n: number): Locator {
    return this.lines.getByRole('link', { name: `Line ${String(n)}`, exact: true });
  }

  /** The number of lines the pane says it holds. */
  async lineCount(): Promise<number> {
    const text = (await this.status.textContent()) ?? '';
    return Number(text.replace(/ lines?.*/s, '').replace(/,/g, ''));
  }

  /** Waits until the whole log is loaded; answers the number of lines the pane holds. */
  async waitUntilComplete(timeout = 60_000): Promise<number> {
    await expect(this.status).toContainText('— complete', { timeout });
    return this.lineCount();
  }
}
