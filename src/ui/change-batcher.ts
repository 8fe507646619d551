// Reports an editor's text to its owner once typing pauses, not on every keystroke: reading a large
// document out of Monaco (and re-rendering the page around it) on each key cost a frame (issue 13). Pure
// timing logic, so it is tested without Monaco.

export interface ChangeBatcherOptions {
  /** How long typing must pause before the text is reported; 0: at every change. */
  delayMs: number;
  /** Reads the whole text (called only when a change is reported). */
  read: () => string;
  report: (text: string) => void;
}

export interface ChangeBatcher {
  /** The text changed: report it after the pause (at once when the delay is 0). */
  changed: () => void;
  /** Reports a change not yet reported, now (the editor lost the focus, the page is going away). */
  flush: () => void;
  /** Forgets a change not yet reported (the owner replaced the text itself). */
  cancel: () => void;
}

export function createChangeBatcher({ delayMs, read, report }: ChangeBatcherOptions): ChangeBatcher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isPending = false;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    isPending = false;
  };
  const flush = () => {
    if (!isPending) return;
    cancel();
    report(read());
  };
  return {
    changed: () => {
      isPending = true;
      if (delayMs <= 0) {
        flush();
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel,
  };
}
