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

  /** Ticks two versions in the versions table and opens their comparison. */
  async compare(from: number, to: number): Promise<void> {
    await this.versions.getByRole('checkbox', { name: `Select version ${String(from)}` }).check();
    await this.versions.getByRole('checkbox', { name: `Select version ${String(to)}` }).check();
    await this.page.getByRole('button', { name: 'Compare selected' }).click();
  }

  /** Deletes a draft version, confirming in its dialog. */
  async deleteVersion(version: number): Promise<void> {
    await this.versions.getByRole('button', { name: `Delete version ${String(version)}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete draft version ${String(version)}?` });
    await dialog.getByRole('button', { name: 'Delete version' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Archives the workflow, confirming in its dialog. */
  async archive(): Promise<void> {
    await this.page.getByRole('button', { name: 'Archive', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Archive workflow / });
    await dialog.getByRole('button', { name: 'Archive workflow' }).click();
    await expect(dialog).toBeHidden();
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

/** The comparison of two versions of a workflow (`…/compare?from=1&to=2`). */
export class CompareVersionsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async expectOpen(workflowName: string): Promise<void> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: `Compare versions of ${workflowName}` }),
    ).toBeVisible();
  }

  /** The listed changed lines between the two versions. */
  changedLines(from: number, to: number): Locator {
    return this.page.getByRole('list', {
      name: `Changed lines from version ${String(from)} to version ${String(to)}`,
    });
  }
}

/** The workflow YAML editor (`…/workflows/<w>/edit`): Monaco, its completions, the preview and the problems. */
export class WorkflowEditorPage {
  readonly page: Page;
  readonly yaml: Locator;
  readonly preview: Locator;
  readonly problems: Locator;

  constructor(page: Page, workflowName: string) {
    this.page = page;
    this.yaml = page.getByRole('textbox', { name: `YAML of workflow ${workflowName}` });
    this.preview = page.getByRole('tree', { name: `Preview of the steps of ${workflowName}` });
    this.problems = page.getByRole('region', { name: 'Problems' });
  }

  /** Empties the editor and leaves the cursor in it. */
  async clear(): Promise<void> {
    await this.yaml.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
  }

  /** Types text as it is (no auto-indent), then closes any completion list it opened. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Escape');
  }

  /** Opens completion (Ctrl+Space) and picks the item whose name starts with `label`. */
  async complete(label: string): Promise<void> {
    await this.page.keyboard.press('Control+Space');
    // Monaco's list: a listbox named "Suggest" whose items are named "<label>, <kind>".
    const option = this.page
      .getByRole('listbox', { name: 'Suggest' })
      .getByRole('listitem', { name: new RegExp(`^${escapeRegExp(label)}`) })
      .first();
    await expect(option).toBeVisible();
    await option.click();
  }

  /**
   * Replaces the YAML with `lines` as they are: typed bottom-up, each on a new first line, so that Monaco's
   * auto-indent (which follows the line above) adds nothing.
   */
  async replaceWith(lines: readonly string[]): Promise<void> {
    await this.clear();
    for (const [index, line] of [...lines].reverse().entries()) {
      if (index > 0) await this.newFirstLine();
      await this.type(line);
    }
  }

  /** Opens an empty first line and puts the cursor on it (nothing above it to take an indent from). */
  async newFirstLine(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Home');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('ArrowUp');
  }

  /** Selects line `line` (1-based) from its first character to its end, ready to be typed over. */
  async selectLine(line: number): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Home');
    for (let index = 1; index < line; index += 1) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Shift+Home');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
