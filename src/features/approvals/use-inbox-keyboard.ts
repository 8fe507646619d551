import { useEffect, useRef } from 'react';

// The inbox's single-key shortcuts. None fires while typing in a field, with a modifier held, while a dialog
// is open (`isEnabled`), or when the key auto-repeats: holding `a` asks once.

export type InboxShortcut =
  'next' | 'previous' | 'toggle' | 'approve' | 'reject' | 'continue' | 'open' | 'help';

const KEYS: Record<string, InboxShortcut> = {
  j: 'next',
  k: 'previous',
  x: 'toggle',
  a: 'approve',
  r: 'reject',
  c: 'continue',
  Enter: 'open',
  '?': 'help',
};

/** Whether keys typed at `target` are text: inputs, text areas, selects, editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/** Whether Enter at `target` already means something (a button, a link, a checkbox). */
function isActivatable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('button, a, input, [role="tab"], [role="switch"]') !== null
  );
}

/** The shortcut a key event asks for, or null. */
export function shortcutOf(event: KeyboardEvent): InboxShortcut | null {
  if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  const shortcut = KEYS[event.key];
  if (shortcut === undefined) return null;
  if (shortcut === 'open' && isActivatable(event.target)) return null;
  return shortcut;
}

export function useInboxKeyboard(onShortcut: (shortcut: InboxShortcut) => void, isEnabled: boolean): void {
  const handlerRef = useRef(onShortcut);
  useEffect(() => {
    handlerRef.current = onShortcut;
  });
  useEffect(() => {
    if (!isEnabled) return;
    const handleKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (shortcut === null) return;
      event.preventDefault();
      handlerRef.current(shortcut);
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [isEnabled]);
}
