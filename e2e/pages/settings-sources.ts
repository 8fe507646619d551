import type { Locator, Page } from '@playwright/test';

/** The tables that say where settings and converged properties come from. */
export class SettingsSources {
  readonly effectiveSettings: Locator;
  readonly convergedOrigins: Locator;

  constructor(page: Page) {
    const main = page.getByRole('main');
    this.effectiveSettings = main.getByRole('table', { name: 'Effective settings' });
    this.convergedOrigins = main.getByRole('table', { name: 'Where each key comes from' });
  }

  /** A setting's row, by its label ("Requires approval from"). */
  setting(label: string): Locator {
    return this.effectiveSettings
      .getByRole('row')
      .filter({ has: this.effectiveSettings.page().getByRole('rowheader', { name: label }) });
  }

  /** A converged key's row, by its dotted path ("db.host"). */
  key(path: string): Locator {
    return this.convergedOrigins
      .getByRole('row')
      .filter({ has: this.convergedOrigins.page().getByRole('rowheader', { name: path, exact: true }) });
  }
}
