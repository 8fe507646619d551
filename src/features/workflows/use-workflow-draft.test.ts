import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useWorkflowDraft } from './use-workflow-draft';

const SAVED = { text: 'steps:\n  - type: wait\n', version: 3 };

afterEach(() => {
  sessionStorage.clear();
});

describe('useWorkflowDraft', () => {
  it('keeps an edit in session storage and restores it, with its time, when the editor opens again', () => {
    const first = renderHook(() => useWorkflowDraft('bank', 'release', SAVED));
    expect(first.result.current.restoredAt).toBeNull();
    act(() => {
      first.result.current.setSource('steps:\n  - type: wait\n    name: Hold\n');
    });
    expect(first.result.current.isDirty.current).toBe(true);
    first.unmount();

    const second = renderHook(() => useWorkflowDraft('bank', 'release', SAVED));
    expect(second.result.current.source).toContain('name: Hold');
    expect(second.result.current.restoredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(second.result.current.isDirty.current).toBe(true);
    // Another workflow has no draft.
    expect(renderHook(() => useWorkflowDraft('bank', 'other', SAVED)).result.current.restoredAt).toBeNull();
  });

  it('forgets the draft when discarded or when the text is back to the saved YAML', () => {
    const editor = renderHook(() => useWorkflowDraft('bank', 'release', SAVED));
    act(() => {
      editor.result.current.setSource('steps: []\n');
    });
    act(() => {
      editor.result.current.discard();
    });
    expect(editor.result.current.source).toBe(SAVED.text);
    expect(editor.result.current.isDirty.current).toBe(false);
    expect(sessionStorage.length).toBe(0);
    act(() => {
      editor.result.current.setSource('x');
    });
    act(() => {
      editor.result.current.setSource(SAVED.text);
    });
    expect(sessionStorage.length).toBe(0);
  });
});
