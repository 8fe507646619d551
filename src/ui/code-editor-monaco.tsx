import { useComputedColorScheme } from '@mantine/core';
import { DiffEditor, Editor, type DiffOnMount, type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { registerJsonSchema, registerYamlSchema } from './monaco-setup';
import type { CodeEditorProps, DiffEditorProps, StringMark } from './code-editor-types';
import { useEditorExtras } from './use-editor-extras';
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
  useEditorExtras(editor, { language, completions, markers, cursorRequest, onCursorLineChange });
  // The same object while nothing changes: @monaco-editor/react applies new options on every render, which a
  // keystroke in a large document should not pay for.
  const options = useMemo(
    () => ({ ariaLabel: label, readOnly: isReadOnly, minimap: { enabled: false }, automaticLayout: true }),
    [label, isReadOnly],
  );
  useStringMarks(editor, stringMarks);
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
      options={options}
      onMount={setEditor}
    />
  );
}

const MARK_DELAY_MS = 250;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Keeps a decoration on every string literal the marks name, recomputed a moment after the text stops
 * changing (a search over a large document on every keystroke would cost a frame).
 */
function useStringMarks(
  editor: Parameters<OnMount>[0] | null,
  marks: readonly StringMark[] | undefined,
): void {
  useEffect(() => {
    if (editor === null || marks === undefined || marks.length === 0) return undefined;
    const collection = editor.createDecorationsCollection();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const model = editor.getModel();
      if (model === null) return;
      collection.set(
        marks.flatMap((mark) =>
          model
            .findMatches(`"${escapeRegExp(mark.prefix)}(?:[^"\\\\]|\\\\.)*"`, false, true, true, null, false)
            .map((match) => ({
              range: match.range,
              options: {
                inlineClassName: 'console-string-mark',
                hoverMessage: { value: mark.hoverMessage },
              },
            })),
        ),
      );
    };
    update();
    const listener = editor.onDidChangeModelContent(() => {
      clearTimeout(timer);
      timer = setTimeout(update, MARK_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      listener.dispose();
      collection.clear();
    };
  }, [editor, marks]);
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
      }}
    />
  );
}
