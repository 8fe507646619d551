import { expect, type Locator, type Page } from '@playwright/test';

/** A workflow's page (`/projects/<p>/workflows/<w>`) and its run dialog. */
export class WorkflowPage {
  readonly page: Page;
  readonly runButton: Locator;
  readonly runDialog: Locator;
  readonly runs: Locator;
  readonly versions: Locator;

  constructor(page: Page) {
    this.page = page;
    this.runButton = page.getByRole('button', { name: 'Run workflow' });
    this.runDialog = page.getByRole('dialog', { name: /^Run / });
    this.runs = page.getByRole('table', { name: 'Runs' });
    this.versions = page.getByRole('table', { name: 'Versions' });
  }

  async expectOpen(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** Runs the latest published version from the dialog. */
  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.runDialog.getByRole('combobox', { name: 'Version' })).toHaveValue(/latest published/);
    await this.runDialog.getByRole('button', { name: 'Run', exact: true }).click();
  }
}

/** A workflow run's page (`…/runs/<r>`): status, the step outline and the step drawer. */
export class WorkflowRunPage {
  readonly page: Page;
  readonly status: Locator;
  readonly drawer: Locator;
  readonly steps: Locator;

  constructor(page: Page) {
    this.page = page;
    this.status = page.getByRole('status', { name: 'Run status' });
    this.drawer = page.getByRole('complementary', { name: /^Step / });
    this.steps = page.getByRole('tree', { name: /^Steps of the run of / });
  }

  async expectOpen(workflowName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: `Run of ${workflowName}` })).toBeVisible();
  }

  /** A step's item in the outline (its name, then its status). */
  step(name: string): Locator {
    return this.steps.getByRole('treeitem', { name: new RegExp(`^${name}(?![a-z0-9_])`) });
  }

  /** Opens a step's drawer from the outline (a tree item named after the step). */
  async openStep(name: string): Promise<void> {
    await this.step(name).click();
    await expect(this.drawer.getByRole('heading', { name: `Step ${name}` })).toBeVisible();
  }
}
