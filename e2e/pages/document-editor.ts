import { expect as baseExpect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { JSON_API } from '../fixtures.ts';

// The emulator shares two cores with the browser and other test runs; Monaco loads lazily.
const expect = baseExpect.configure({ timeout: 20_000 });

/** The Properties (or Settings) tab of a node with its editor, conflict view and history. */
export class DocumentEditorPage {
  readonly page: Page;
  readonly main: Locator;
  readonly editButton: Locator;
  readonly historyButton: Locator;
  readonly saveButton: Locator;
  readonly editor: Locator;
  readonly savedNotice: Locator;

  constructor(page: Page, nodeName: string, kind: 'properties' | 'settings' = 'properties') {
    const label = kind === 'properties' ? 'Properties' : 'Settings';
    this.page = page;
    this.main = page.getByRole('main');
    this.editButton = this.main.getByRole('button', { name: `Edit ${kind}` });
    this.historyButton = this.main.getByRole('button', { name: 'Version history' });
    this.saveButton = this.main.getByRole('button', { name: 'Save', exact: true });
    this.editor = this.main.getByRole('textbox', { name: `${label} of ${nodeName} (JSON)` });
    this.savedNotice = page.getByText(new RegExp(`^Saved version \\d+ of the ${kind}\\.$`));
  }

  /** Opens Edit and waits for Monaco to take input. */
  async startEditing(): Promise<void> {
    await this.editButton.click();
    // Monaco's first load is about 1 MB: slow on a busy two-core machine.
    await expect(this.editor).toBeAttached({ timeout: 60_000 });
  }

  /** Replaces the whole document in the editor, as pasting it would. */
  async replaceDocument(document: Record<string, unknown>): Promise<void> {
    await this.editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(JSON.stringify(document));
    // Monaco may have closed a bracket or quote after the cursor: remove whatever follows the text.
    await this.page.keyboard.press('ControlOrMeta+Shift+End');
    await this.page.keyboard.press('Delete');
    await expect(this.main.getByText(/unsaved changes/)).toBeVisible();
  }

  async save(): Promise<void> {
    await expect(this.saveButton).toBeEnabled();
    await this.saveButton.click();
  }

  decision(pointer: string): Locator {
    return this.main.getByRole('radiogroup', { name: `Decision for ${pointer}` });
  }

  list(name: string): Locator {
    return this.main.getByRole('list', { name });
  }
}

export interface StoredDocument {
  id: string;
  version: number;
  data: Record<string, unknown>;
}

/** A node's properties as the API has them now. */
export async function readProperties(api: APIRequestContext, nodePath: string): Promise<StoredDocument> {
  const node = await api.get(`/api${nodePath}`);
  expect(node.status()).toBe(200);
  const { data } = (await node.json()) as {
    data: { relationships: { properties: { data: { id: string } } } };
  };
  const id = data.relationships.properties.data.id;
  const document = await api.get(`/api/properties/${id}`);
  expect(document.status()).toBe(200);
  const { attributes } = ((await document.json()) as { data: { attributes: Omit<StoredDocument, 'id'> } })
    .data;
  return { id, version: attributes.version, data: attributes.data };
}

/** Replaces a node's properties over the API (a checked update) and answers the stored version. */
export async function writeProperties(
  api: APIRequestContext,
  nodePath: string,
  data: Record<string, unknown>,
): Promise<StoredDocument> {
  const before = await readProperties(api, nodePath);
  const response = await api.patch(`/api/properties/${before.id}`, {
    headers: { 'content-type': JSON_API },
    data: JSON.stringify({ data: { attributes: { data, version: before.version } } }),
  });
  expect(response.status(), await response.text()).toBe(200);
  return readProperties(api, nodePath);
}
