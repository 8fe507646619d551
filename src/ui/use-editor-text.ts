import type * as monaco from 'monaco-editor/editor';
import { useEffect, useRef } from 'react';
import { createChangeBatcher, type ChangeBatcher } from './change-batcher';

// The editor's text, uncontrolled while the user types: Monaco holds it, and the owner hears about it once
// typing pauses (and at once when the focus leaves the editor or the page goes away). Reading a 1 MB model
// and comparing it with the prop on every keystroke, as a controlled editor does, cost a frame (issue 13).
// Part of the lazy Monaco chunk.

type Editor = monaco.editor.IStandaloneCodeEditor;

export interface EditorTextOptions {
  /** The owner's text: pushed into the editor when it differs from what the editor last reported. */
  value: string;
  onChange: ((value: string) => void) | undefined;
  delayMs: number;
}

/** Keeps `editor` (null until mounted) and its owner's text in step. */
export function useEditorText(editor: Editor | null, { value, onChange, delayMs }: EditorTextOptions): void {
  // The text the owner knows the editor to hold: what the editor reported, or what the owner pushed.
  const known = useRef<string | null>(null);
  const batcher = useRef<ChangeBatcher | null>(null);
  // Set while the owner's text is being pushed into the editor: that change is not reported back.
  const isPushing = useRef(false);
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  useEffect(() => {
    const model = editor?.getModel();
    if (editor === null || model === null || model === undefined) return undefined;
    known.current ??= model.getValue();
    const current = createChangeBatcher({
      delayMs,
      read: () => model.getValue(),
      report: (text) => {
        known.current = text;
        latestOnChange.current?.(text);
      },
    });
    batcher.current = current;
    const flush = () => {
      if (!model.isDisposed()) current.flush();
    };
    const typing = editor.onDidChangeModelContent((event) => {
      // The owner's own text, pushed below: nothing to report back.
      if (!event.isFlush && !isPushing.current) current.changed();
    });
    // Native events, not Monaco's focus tracker (which reports a blur a task later): a click on Save must
    // find the text already reported.
    const container = editor.getContainerDomNode();
    container.addEventListener('focusout', flush);
    // Capture: before the page's own `pagehide` handlers write the draft.
    window.addEventListener('pagehide', flush, { capture: true });
    window.addEventListener('beforeunload', flush, { capture: true });
    return () => {
      flush();
      typing.dispose();
      container.removeEventListener('focusout', flush);
      window.removeEventListener('pagehide', flush, { capture: true });
      window.removeEventListener('beforeunload', flush, { capture: true });
      batcher.current = null;
    };
  }, [editor, delayMs]);

  useEffect(() => {
    const model = editor?.getModel();
    if (editor === null || model === null || model === undefined) return;
    // The same string the editor reported (the usual case while typing) compares in constant time.
    if (value === known.current) return;
    // The owner replaced the text (a merge, Format, the form view, Discard): it wins over unreported typing.
    batcher.current?.cancel();
    known.current = value;
    isPushing.current = true;
    try {
      // An edit rather than setValue, so the user can undo it.
      model.pushStackElement();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
      model.pushStackElement();
    } finally {
      isPushing.current = false;
    }
  }, [editor, value]);
}
