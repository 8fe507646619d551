import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

// A text box whose value lives in the URL. Bound to the URL directly, every keystroke waits for an
// asynchronous navigate before the box shows it; React then writes the value back and the caret jumps to the
// end (typing "xy" after the "p" of "prd" gave "pxrdy"). So the box keeps what is typed locally, sends it to
// the URL once typing pauses, and takes the URL's value only when the URL changes from elsewhere (back
// button, "Clear the filter"). This is the one deliberate copy of URL state into React state (STYLE habit 7):
// the URL still owns the filter, the draft only holds keystrokes on their way there.

export interface UrlBoundText {
  /** What the box shows. */
  value: string;
  /** The box's change handler. */
  onChange: (value: string) => void;
}

/**
 * Local text for an input bound to `urlValue`; `onCommit` gets it `delayMs` after the last keystroke.
 * Values that come back from our own commits do not overwrite what was typed since.
 */
export function useUrlBoundText(
  urlValue: string,
  onCommit: (value: string) => void,
  delayMs = 250,
): UrlBoundText {
  const [draft, setDraft] = useState(urlValue);
  // The URL value last seen, and the values sent and not yet seen back, oldest first.
  const [seen, setSeen] = useState(urlValue);
  const [inFlight, setInFlight] = useState<readonly string[]>([]);

  // Adjusting state while rendering (react.dev, "You might not need an effect"): no extra paint with the
  // stale value, and no effect that writes the URL back into the box.
  if (urlValue !== seen) {
    setSeen(urlValue);
    const index = inFlight.indexOf(urlValue);
    if (index === -1) {
      setInFlight([]);
      setDraft(urlValue);
    } else {
      setInFlight(inFlight.slice(index + 1));
    }
  }

  // The page the keystrokes were typed on. A commit that comes due after the user has left for another page
  // (which happens while that page's code loads and this one stays mounted) would pull them back: dropped.
  // The router writes the new address to the history before it loads the page, so the address tells.
  const typedOn = useRef<string | null>(null);
  const onChange = useCallback((value: string) => {
    typedOn.current = window.location.pathname;
    setDraft(value);
  }, []);

  const commit = useEffectEvent((value: string) => {
    if (typedOn.current !== null && typedOn.current !== window.location.pathname) return;
    setInFlight((previous) => [...previous, value]);
    onCommit(value);
  });

  // The timer restarts on each keystroke, and is dropped when the URL changes from elsewhere, since the
  // draft then equals the URL.
  useEffect(() => {
    if (draft === urlValue) return undefined;
    const timer = setTimeout(() => {
      commit(draft);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, urlValue, delayMs]);

  return { value: draft, onChange };
}
