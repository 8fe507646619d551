import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render-with-providers';
import { CodeEditor, DiffEditor } from './code-editor';
import type { CodeEditorProps, DiffEditorProps } from './code-editor-types';

// Stands in for the Monaco module behind the lazy boundary (importing Monaco under happy-dom costs ~15 s).
// The count shows when the module is evaluated: not when code-editor.tsx is imported, only on first render.
const monacoModule = vi.hoisted(() => ({ evaluations: 0 }));
vi.mock('./code-editor-monaco', () => {
  monacoModule.evaluations += 1;
  return {
    MonacoCodeEditor: ({ label, value }: CodeEditorProps) => (
      <textarea aria-label={label} defaultValue={value} />
    ),
    MonacoDiffEditor: ({ label }: DiffEditorProps) => <p>Diff: {label}</p>,
  };
});

describe('CodeEditor', () => {
  it('loads the editor module only when an editor is first shown, with a placeholder meanwhile', async () => {
    expect(monacoModule.evaluations).toBe(0);

    renderWithProviders(
      <CodeEditor value='{"a": 1}' language="json" label="Properties of Core Banking (JSON)" height={200} />,
    );

    expect(screen.getByRole('status')).toHaveTextContent(
      'Loading the editor: Properties of Core Banking (JSON)',
    );
    expect(await screen.findByRole('textbox', { name: 'Properties of Core Banking (JSON)' })).toHaveValue(
      '{"a": 1}',
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect(monacoModule.evaluations).toBe(1);
  });

  it('shows the diff editor through the same module', async () => {
    renderWithProviders(
      <DiffEditor original="a: 1" modified="a: 2" language="yaml" label="Settings" height={200} />,
    );

    expect(await screen.findByText('Diff: Settings')).toBeInTheDocument();
    expect(monacoModule.evaluations).toBe(1);
  });
});
