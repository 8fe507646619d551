import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The accessible name of the navigator row of the node called `name`: a row is named by its visible text,
 * so the name goes on with "archived" and, once it is expanded, its child count ("4 children").
 */
export function treeItemName(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}( archived)?( \\S+ children( shown)?)?$`);
}

/** The signed-in console around every page: header, user menu, navigator tree, search. */
export class AppShell {
  readonly page: Page;
  readonly main: Locator;
  readonly pageHeading: Locator;
  readonly userMenuButton: Locator;
  readonly tree: Locator;
  readonly treeFilter: Locator;
  readonly searchButton: Locator;
  readonly searchBox: Locator;
  readonly serverVersion: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.pageHeading = this.main.getByRole('heading', { level: 1 });
    this.userMenuButton = page.getByRole('button', { name: /, user menu$/ });
    this.tree = page.getByRole('tree', { name: 'Projects, environments and assets' });
    this.treeFilter = page.getByRole('textbox', { name: 'Filter the navigator by name or code' });
    this.searchButton = page.getByRole('button', { name: 'Search' });
    this.searchBox = page.getByRole('textbox', {
      name: 'Search projects, environments, assets and workflows',
    });
    this.serverVersion = page.getByText(/^OpsChain \d{4}-\d{2}-\d{2} · API /);
  }

  /** A navigator row by its node's name. */
  treeItem(name: string): Locator {
    return this.tree.getByRole('treeitem', { name: treeItemName(name) });
  }

  async expectSignedInAs(username: string): Promise<void> {
    await expect(this.page.getByRole('button', { name: `${username}, user menu` })).toBeVisible();
  }

  /** The groups line of the user menu (opens and closes the menu). */
  async groupsText(): Promise<string> {
    await this.userMenuButton.click();
    const groups = this.page.getByRole('region', { name: 'User' }).getByTestId('user-groups');
    await expect(groups).not.toHaveText(/Loading/);
    const text = (await groups.textContent()) ?? '';
    await this.page.keyboard.press('Escape');
    await expect(this.userMenuButton).toHaveAttribute('aria-expanded', 'false');
    return text.trim();
  }

  async signOut(): Promise<void> {
    await this.userMenuButton.click();
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }

  /** The element that has keyboard focus, as the accessible name of its treeitem (or ''). */
  focusedTreeItem(): Locator {
    return this.tree.locator('[role="treeitem"]:focus');
  }

  /** Presses Tab until a tree row has focus, as a keyboard user gets into the navigator. */
  async tabIntoTree(maxPresses = 25): Promise<void> {
    for (let press = 0; press < maxPresses; press += 1) {
      await this.page.keyboard.press('Tab');
      if ((await this.focusedTreeItem().count()) === 1) return;
    }
    throw new Error(`no tree row took focus after ${String(maxPresses)} Tab presses`);
  }
}
