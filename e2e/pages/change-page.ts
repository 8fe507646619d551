import { expect, type Locator, type Page } from '@playwright/test';

/** A change's page (`/changes/<id>`): its status, steps and the selected step's panel. */
export class ChangePage {
  readonly page: Page;
  readonly status: Locator;
  readonly steps: Locator;
  readonly panel: Locator;
  readonly nextFailed: Locator;
  readonly cancelButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.status = page.getByRole('status', { name: 'Change status' });
    // The outline beside the graph: the same steps as a tree, with their statuses in words.
    this.steps = page.getByRole('tree', { name: /^Steps of change / });
    this.panel = page.getByRole('complementary', { name: /^Step / });
    this.nextFailed = page.getByRole('button', { name: /^Next failed/ });
    this.cancelButton = page.getByRole('button', { name: 'Cancel change' });
  }

  async open(changeId: string): Promise<void> {
    await this.page.goto(`/changes/${changeId}`);
  }

  async expectOpen(action: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: `Change ${action}` })).toBeVisible();
  }

  /** A step's item in the outline (its name, then its status and elapsed time). */
  step(name: string): Locator {
    return this.steps.getByRole('treeitem', { name: new RegExp(`^${name}(?![a-z0-9_])`) });
  }

  async select(name: string): Promise<void> {
    await this.step(name).click();
    await expect(this.panelHeading(name)).toBeVisible();
  }

  panelHeading(name: string): Locator {
    return this.panel.getByRole('heading', { name: `Step ${name}` });
  }

  action(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }
}
