import { useComputedColorScheme } from '@mantine/core';
import { DiffEditor, Editor, type DiffOnMount, type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { registerJsonSchema, registerYamlSchema } from './monaco-setup';
import type { CodeEditorProps, DiffEditorProps } from './code-editor-types';
import { useEditorExtras } from './use-editor-extras';
import { useEditorText } from './use-editor-text';
import './code-editor-monaco.css';

// The editors themselves, reached only through the lazy boundary in code-editor.tsx.

function useMonacoTheme(): string {
  // Follows the console's colour scheme (Mantine's computed light/dark), not just the system's.
  return useComputedColorScheme('light') === 'dark' ? 'console-dark' : 'console-light';
}

export function MonacoCodeEditor({
  value,
  language,
  label,
  onChange,
  isReadOnly = false,
  height,
  jsonSchema,
  yamlSchema,
  completions,
  markers,
  cursorRequest,
  onCursorLineChange,
  stringMarks,
  onLanguageProblemsChange,
  changeDelayMs = 0,
}: CodeEditorProps) {
  // Each editor its own model, so a schema applies to this document only.
  const modelPath = `inmemory://console/editor-${useId().replaceAll(':', '')}.${language}`;
  useEffect(
    () => (jsonSchema === undefined ? undefined : registerJsonSchema(modelPath, jsonSchema)),
    [modelPath, jsonSchema],
  );
  useEffect(
    () => (yamlSchema === undefined ? undefined : registerYamlSchema(modelPath, yamlSchema)),
    [modelPath, yamlSchema],
  );
  const [editor, setEditor] = useState<Parameters<OnMount>[0] | null>(null);
  useEditorText(editor, { value, onChange, delayMs: changeDelayMs });
  useEditorExtras(editor, {
    language,
    completions,
    markers,
    cursorRequest,
    onCursorLineChange,
    stringMarks,
    onLanguageProblemsChange,
  });
  // The same object while nothing changes: @monaco-editor/react applies new options on every render, which a
  // keystroke in a large document should not pay for.
  const options = useMemo(
    () => ({ ariaLabel: label, readOnly: isReadOnly, minimap: { enabled: false }, automaticLayout: true }),
    [label, isReadOnly],
  );
  return (
    <Editor
      path={modelPath}
      defaultValue={value}
      language={language}
      theme={useMonacoTheme()}
      height={height}
      options={options}
      onMount={setEditor}
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
  const diffEditor = useRef<Parameters<DiffOnMount>[0] | null>(null);
  const originalLabel = `${label}, ${sideNames[0]}`;
  const modifiedLabel = `${label}, ${sideNames[1]}`;
  // The constructor's ariaLabel has no effect on a diff editor, and a second diff editor in the same page
  // lost the labels set once on mount (measured): each side is labelled again after every render and diff.
  const applyLabels = useCallback(() => {
    diffEditor.current?.getOriginalEditor().updateOptions({ ariaLabel: originalLabel });
    diffEditor.current?.getModifiedEditor().updateOptions({ ariaLabel: modifiedLabel });
  }, [originalLabel, modifiedLabel]);
  useEffect(applyLabels);
  // Hidden (out of the accessibility tree, still laid out) until the sides are labelled: between the editor's
  // creation and `onMount` its text areas had no name, and a scan in that moment found them (CI, under load).
  const [isLabelled, setIsLabelled] = useState(false);
  // @monaco-editor/react disposes the models before the diff editor lets go of them, which throws
  // ("TextModel got disposed before DiffEditorWidget model got reset"): it keeps them (props below), and
  // this lets go and disposes them, in that order, before the editor itself is disposed.
  useEffect(
    () => () => {
      const editor = diffEditor.current;
      const models = editor?.getModel();
      editor?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  return (
    <div style={isLabelled ? undefined : { visibility: 'hidden' }}>
      <DiffEditor
        original={original}
        modified={modified}
        language={language}
        theme={useMonacoTheme()}
        height={height}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        options={{
          readOnly: true,
          automaticLayout: true,
          renderSideBySide: true,
          originalAriaLabel: originalLabel,
          modifiedAriaLabel: modifiedLabel,
        }}
        onMount={(editor) => {
          diffEditor.current = editor;
          applyLabels();
          editor.onDidUpdateDiff(applyLabels);
          setTimeout(applyLabels, 0);
          setIsLabelled(true);
        }}
      />
    </div>
  );
}
