import { useComputedColorScheme } from '@mantine/core';
import { DiffEditor, Editor } from '@monaco-editor/react';
import { useEffect, useId } from 'react';
import { registerJsonSchema } from './monaco-setup';
import type { CodeEditorProps, DiffEditorProps } from './code-editor-types';

// The editors themselves, reached only through the lazy boundary in code-editor.tsx.

function useMonacoTheme(): string {
  // Follows the console's colour scheme (Mantine's computed light/dark), not just the system's.
  return useComputedColorScheme('light') === 'dark' ? 'vs-dark' : 'vs';
}

export function MonacoCodeEditor({
  value,
  language,
  label,
  onChange,
  isReadOnly = false,
  height,
  jsonSchema,
}: CodeEditorProps) {
  // Each editor its own model, so a schema applies to this document only.
  const modelPath = `inmemory://console/editor-${useId().replaceAll(':', '')}.${language}`;
  useEffect(
    () => (jsonSchema === undefined ? undefined : registerJsonSchema(modelPath, jsonSchema)),
    [modelPath, jsonSchema],
  );
  return (
    <Editor
      path={modelPath}
      value={value}
      language={language}
      theme={useMonacoTheme()}
      height={height}
      onChange={(next) => {
        onChange?.(next ?? '');
      }}
      options={{ ariaLabel: label, readOnly: isReadOnly, minimap: { enabled: false }, automaticLayout: true }}
    />
  );
}

export function MonacoDiffEditor({
  original,
  modified,
  language,
  label,
  sideNames = ['before', 'after'],
  height,
}: DiffEditorProps) {
  return (
    <DiffEditor
      original={original}
      modified={modified}
      language={language}
      theme={useMonacoTheme()}
      height={height}
      options={{ readOnly: true, automaticLayout: true, renderSideBySide: true }}
      onMount={(editor) => {
        // The constructor's ariaLabel has no effect on a diff editor: each side is labelled here.
        editor.getOriginalEditor().updateOptions({ ariaLabel: `${label}, ${sideNames[0]}` });
        editor.getModifiedEditor().updateOptions({ ariaLabel: `${label}, ${sideNames[1]}` });
      }}
    />
  );
}
