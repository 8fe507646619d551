import { expect, type Locator, type Page } from '@playwright/test';

/** A project, environment or asset page: breadcrumbs, the name as h1, code and path. */
export class NodePage {
  readonly page: Page;
  readonly heading: Locator;
  readonly breadcrumbs: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  }

  async expectNode(name: string, path: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`${path}$`));
    await expect(this.heading).toHaveText(name);
    await expect(this.page.getByRole('main').getByText(path, { exact: true })).toBeVisible();
  }
}
