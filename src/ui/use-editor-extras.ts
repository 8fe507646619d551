import * as monaco from 'monaco-editor/editor';
import { useEffect, useRef } from 'react';
import type { CodeCompletions, CodeCursorRequest, CodeMarker, StringMark } from './code-editor-types';

// What a code editor adds to Monaco for one model: completion (snippets and values), markers, the cursor
// moved on request and reported when the user moves it, and marked string literals. Part of the lazy Monaco
// chunk.

type Editor = monaco.editor.IStandaloneCodeEditor;

export interface EditorExtras {
  language: string;
  completions?: CodeCompletions | undefined;
  markers?: readonly CodeMarker[] | undefined;
  cursorRequest?: CodeCursorRequest | undefined;
  onCursorLineChange?: ((line: number) => void) | undefined;
  stringMarks?: readonly StringMark[] | undefined;
}

const MARKER_OWNER = 'console';

function useCompletions(editor: Editor | null, language: string, completions: CodeCompletions | undefined) {
  // The provider is registered once per editor and reads the latest lists: a new list on every render (the
  // data arriving, the text changing) must not register providers over and over.
  const latest = useRef(completions);
  useEffect(() => {
    latest.current = completions;
  });
  const isWanted = completions !== undefined;
  useEffect(() => {
    if (editor === null || !isWanted) return undefined;
    const provider = monaco.languages.registerCompletionItemProvider(language, {
      triggerCharacters: ['/'],
      provideCompletionItems: (model, position) => {
        const current = latest.current;
        if (current === undefined || model !== editor.getModel()) return { suggestions: [] };
        const word = model.getWordUntilPosition(position);
        const wordRange = new monaco.Range(
          position.lineNumber,
          word.startColumn,
          position.lineNumber,
          word.endColumn,
        );
        const slot = current.valuesAt?.(model.getValue(), position.lineNumber, position.column) ?? null;
        if (slot !== null) {
          const range = new monaco.Range(
            position.lineNumber,
            slot.startColumn,
            position.lineNumber,
            model.getLineMaxColumn(position.lineNumber),
          );
          return {
            suggestions: slot.values.map((value, index) => ({
              label: value.label,
              detail: value.detail,
              kind: monaco.languages.CompletionItemKind.Value,
              insertText: value.label,
              sortText: String(index).padStart(5, '0'),
              range,
            })),
          };
        }
        return {
          suggestions: current.snippets.map((snippet) => ({
            label: snippet.label,
            detail: snippet.description,
            documentation: { value: `\`\`\`yaml\n${snippet.body}\n\`\`\`` },
            kind: monaco.languages.CompletionItemKind.Snippet,
            insertText: snippet.body,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            range: wordRange,
          })),
        };
      },
    });
    return () => {
      provider.dispose();
    };
  }, [editor, language, isWanted]);
}

function useMarkers(editor: Editor | null, markers: readonly CodeMarker[] | undefined) {
  useEffect(() => {
    const model = editor?.getModel();
    if (model === null || model === undefined) return;
    const lastLine = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      (markers ?? []).map((marker) => {
        const line = Math.min(Math.max(marker.line, 1), lastLine);
        return {
          startLineNumber: line,
          startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
          message: marker.message,
          severity: marker.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        };
      }),
    );
  }, [editor, markers]);
}

function useCursor(
  editor: Editor | null,
  request: CodeCursorRequest | undefined,
  onLineChange: ((line: number) => void) | undefined,
) {
  useEffect(() => {
    const model = editor?.getModel();
    if (editor === null || request === undefined || model === null || model === undefined) return;
    const line = Math.min(Math.max(request.line, 1), model.getLineCount());
    editor.setPosition({ lineNumber: line, column: model.getLineFirstNonWhitespaceColumn(line) || 1 }, 'api');
    editor.revealLineInCenterIfOutsideViewport(line);
    if (request.isFocused) editor.focus();
  }, [editor, request]);
  const latest = useRef(onLineChange);
  useEffect(() => {
    latest.current = onLineChange;
  });
  useEffect(() => {
    if (editor === null) return undefined;
    let lastLine = 0;
    const subscription = editor.onDidChangeCursorPosition((event) => {
      // Moves asked for through `cursorRequest` are not the user's: reporting them back would echo.
      const isSameLine = event.position.lineNumber === lastLine;
      lastLine = event.position.lineNumber;
      if (event.source !== 'api' && !isSameLine) latest.current?.(lastLine);
    });
    return () => {
      subscription.dispose();
    };
  }, [editor]);
}

const MARK_DELAY_MS = 250;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Keeps a decoration on every string literal the marks name, recomputed a moment after the text stops
 * changing (a search over a large document on every keystroke would cost a frame).
 */
function useStringMarks(editor: Editor | null, marks: readonly StringMark[] | undefined): void {
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

/** Wires the extras into `editor` (null until Monaco has mounted it). */
export function useEditorExtras(editor: Editor | null, extras: EditorExtras): void {
  useCompletions(editor, extras.language, extras.completions);
  useMarkers(editor, extras.markers);
  useCursor(editor, extras.cursorRequest, extras.onCursorLineChange);
  useStringMarks(editor, extras.stringMarks);
}
