import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { toOneId } from '@contract/json-api';
import { getDocument } from '@/api/properties';
import { getProject } from '@/api/projects';
import { asJsonRecord, formatJson } from '@/lib/json-merge3';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import type { CodeEditorProps, DiffEditorProps } from '@/ui/code-editor-types';
import { DocumentEditor } from './document-editor';

// A plain text area stands in for Monaco (importing it under happy-dom costs ~15 s); the API is the emulator.
vi.mock('@/ui/code-editor', () => ({
  CodeEditor: ({ label, value, onChange }: CodeEditorProps) => (
    <textarea aria-label={label} value={value} onChange={(event) => onChange?.(event.target.value)} />
  ),
  DiffEditor: ({ label }: DiffEditorProps) => <p>Diff: {label}</p>,
}));

const emulator = setUpEmulator();

/** Saves a new version of the properties as someone else would (a checked update over the API). */
async function saveAsSomeoneElse(
  id: string,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
) {
  const current = await getDocument('properties', id);
  const answer = await emulator().app.inject({
    method: 'PATCH',
    url: `/api/properties/${id}`,
    headers: {
      authorization: `Basic ${btoa('opschain:opschain')}`,
      'content-type': 'application/vnd.api+json',
    },
    payload: JSON.stringify({
      data: { attributes: { data: change(current.data), version: current.version } },
    }),
  });
  expect(answer.statusCode).toBe(200);
}

async function openEditor(
  onSaved = vi.fn(),
  renderForm?: Parameters<typeof DocumentEditor>[0]['renderForm'],
) {
  signInAs('operator');
  const id = toOneId((await getProject('website')).relationships.properties);
  if (id === null) throw new Error('website has no properties');
  const current = await getDocument('properties', id);
  const data = asJsonRecord(current.data);
  if (data === null) throw new Error('not JSON');
  const view = renderWithProviders(
    <DocumentEditor
      kind="properties"
      id={id}
      nodePath="/projects/website"
      label="Properties of Website"
      base={{ version: current.version, data }}
      text={formatJson(data)}
      restored={null}
      renderForm={renderForm}
      onSaved={onSaved}
      onClose={vi.fn()}
      onDirtyChange={vi.fn()}
    />,
  );
  const editor = screen.getByRole('textbox', { name: 'Properties of Website (JSON)' });
  const edit = (next: Record<string, unknown>) => {
    fireEvent.change(editor, { target: { value: JSON.stringify(next, null, 2) } });
  };
  return { ...view, id, data, version: current.version, edit, onSaved };
}

/** Clicks Save once the (debounced) check of the text allows it. */
async function clickSave(user: ReturnType<typeof renderWithProviders>['user']) {
  const save = screen.getByRole('button', { name: 'Save' });
  await waitFor(() => {
    expect(save).toBeEnabled();
  });
  await user.click(save);
}

describe('DocumentEditor', () => {
  it('merges newer versions again and again until the checked save goes through', async () => {
    const { user, id, data, version, edit, onSaved } = await openEditor();
    edit({ ...data, mine: 1 });
    await saveAsSomeoneElse(id, (current) => ({ ...current, theirs: 1 }));
    await clickSave(user);

    expect(await screen.findByText(`Merged with version ${String(version + 1)}`)).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: `Values from version ${String(version + 1)}` }),
    ).toHaveTextContent('/theirs');
    // Someone saves again before the merged result is: the next save merges once more.
    await saveAsSomeoneElse(id, (current) => ({ ...current, later: true }));
    await clickSave(user);
    expect(await screen.findByText(`Merged with version ${String(version + 2)}`)).toBeInTheDocument();
    await clickSave(user);

    await waitFor(() => {
      expect(onSaved).toHaveBeenCalledTimes(1);
    });
    const stored = await getDocument('properties', id);
    expect(stored.version).toBe(version + 3);
    expect(stored.data).toEqual({ ...data, mine: 1, theirs: 1, later: true });
  });

  it('refuses to save JSON that does not parse, saying why', async () => {
    const { id } = await openEditor();
    fireEvent.change(screen.getByRole('textbox', { name: 'Properties of Website (JSON)' }), {
      target: { value: '{"a": ' },
    });
    expect(await screen.findByText(/^The JSON is not valid:/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect((await getDocument('properties', id)).data).not.toHaveProperty('a');
  });

  it('edits one document in the JSON and the form view, each showing the other’s changes', async () => {
    const renderForm = vi.fn(({ value, onChange }: { value: unknown; onChange: (next: unknown) => void }) => (
      <button
        type="button"
        onClick={() => {
          onChange({ ...asJsonRecord(value), from_form: true });
        }}
      >
        Form sets from_form
      </button>
    ));
    const { user, data, edit } = await openEditor(vi.fn(), renderForm);
    edit({ ...data, from_json: 1 });
    await user.click(screen.getByRole('radio', { name: 'Form' }));
    expect(renderForm).toHaveBeenLastCalledWith(
      expect.objectContaining({ value: { ...data, from_json: 1 } }),
    );
    await user.click(screen.getByRole('button', { name: 'Form sets from_form' }));
    await user.click(screen.getByRole('radio', { name: 'JSON' }));
    expect(screen.getByRole('textbox', { name: 'Properties of Website (JSON)' })).toHaveValue(
      formatJson({ ...data, from_json: 1, from_form: true }),
    );
  });
});
