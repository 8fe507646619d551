import * as monaco from 'monaco-editor/editor';
import { useEffect, useRef } from 'react';
import { advanceSpan, type LineSpan } from './changed-lines';
import type { CodeCompletions, CodeCursorRequest, CodeMarker, StringMark } from './code-editor-types';

// What a code editor adds to Monaco for one model: completion (snippets and values), markers, the cursor
// moved on request and reported when the user moves it, marked string literals, and the language service's
// problems reported to the page. Part of the lazy Monaco chunk.

type Editor = monaco.editor.IStandaloneCodeEditor;

export interface EditorExtras {
  language: string;
  completions?: CodeCompletions | undefined;
  markers?: readonly CodeMarker[] | undefined;
  cursorRequest?: CodeCursorRequest | undefined;
  onCursorLineChange?: ((line: number) => void) | undefined;
  stringMarks?: readonly StringMark[] | undefined;
  onLanguageProblemsChange?: ((problems: readonly CodeMarker[]) => void) | undefined;
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

/** Reports the problems Monaco's language service marks (the schema's), whenever they change. */
function useLanguageProblems(
  editor: Editor | null,
  onChange: ((problems: readonly CodeMarker[]) => void) | undefined,
) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const isWanted = onChange !== undefined;
  useEffect(() => {
    const model = editor?.getModel();
    if (!isWanted || model === null || model === undefined) return undefined;
    const report = () => {
      latest.current?.(
        monaco.editor
          .getModelMarkers({ resource: model.uri })
          .filter(
            (marker) =>
              marker.owner !== MARKER_OWNER &&
              (marker.severity === monaco.MarkerSeverity.Error ||
                marker.severity === monaco.MarkerSeverity.Warning),
          )
          .map((marker) => ({
            line: marker.startLineNumber,
            message: marker.message,
            severity: marker.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning',
          })),
      );
    };
    report();
    const uri = model.uri.toString();
    const subscription = monaco.editor.onDidChangeMarkers((changed) => {
      if (changed.some((resource) => resource.toString() === uri)) report();
    });
    return () => {
      subscription.dispose();
    };
  }, [editor, isWanted]);
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
const MARK_CLASS = 'console-string-mark';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Keeps a decoration on every string literal the marks name. The whole document is searched once; after
 * that, a moment after the text stops changing, only the lines edited since (a search of a large document
 * cost a frame, issue 13). A JSON string never spans lines, so a line's marks depend on that line alone.
 */
function useStringMarks(editor: Editor | null, marks: readonly StringMark[] | undefined): void {
  useEffect(() => {
    const model = editor?.getModel();
    if (editor === null || model === null || model === undefined || marks === undefined || marks.length === 0)
      return undefined;
    const searches = marks.map((mark) => ({
      pattern: `"${escapeRegExp(mark.prefix)}(?:[^"\\\\]|\\\\.)*"`,
      options: {
        inlineClassName: MARK_CLASS,
        hoverMessage: { value: mark.hoverMessage },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    }));
    let markIds: string[] = [];
    // The lines edited since the last search (undefined: none; null: too many edits to follow, all lines).
    let dirty: LineSpan | null | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const find = (scope: monaco.IRange) =>
      searches.flatMap(({ pattern, options }) =>
        model
          .findMatches(pattern, scope, true, true, null, false)
          .map((match) => ({ range: match.range, options })),
      );
    const searchAll = () => {
      markIds = model.deltaDecorations(markIds, find(model.getFullModelRange()));
    };
    const searchDirty = () => {
      const span = dirty;
      dirty = undefined;
      if (span === undefined) return;
      if (span === null) {
        searchAll();
        return;
      }
      const last = Math.min(span.end, model.getLineCount());
      const scope = new monaco.Range(Math.min(span.start, last), 1, last, model.getLineMaxColumn(last));
      const mine = new Set(markIds);
      const stale = model
        .getDecorationsInRange(scope)
        .filter((decoration) => mine.has(decoration.id))
        .map((decoration) => decoration.id);
      const staleSet = new Set(stale);
      const added = model.deltaDecorations(stale, find(scope));
      markIds = [...markIds.filter((id) => !staleSet.has(id)), ...added];
    };

    searchAll();
    const listener = editor.onDidChangeModelContent((event) => {
      // Only numbers here: Monaco refuses decoration changes while it reports an edit.
      dirty = event.isFlush || dirty === null ? null : advanceSpan(dirty, event.changes);
      clearTimeout(timer);
      timer = setTimeout(searchDirty, MARK_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      listener.dispose();
      if (!model.isDisposed()) model.deltaDecorations(markIds, []);
    };
  }, [editor, marks]);
}

/** Wires the extras into `editor` (null until Monaco has mounted it). */
export function useEditorExtras(editor: Editor | null, extras: EditorExtras): void {
  useCompletions(editor, extras.language, extras.completions);
  useMarkers(editor, extras.markers);
  useCursor(editor, extras.cursorRequest, extras.onCursorLineChange);
  useStringMarks(editor, extras.stringMarks);
  useLanguageProblems(editor, extras.onLanguageProblemsChange);
}
