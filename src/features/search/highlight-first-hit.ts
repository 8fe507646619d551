import type { SpotlightStore } from '@mantine/spotlight';

// Spotlight highlights a result only when the query changes (and our results arrive later, as projects
// answer) or an arrow key moves the highlight; Enter opens the highlighted result. So that Enter opens
// the best hit without an arrow press first, the first result is highlighted whenever the results change,
// unless the user has moved the highlight to a result that is still listed.
// Spotlight marks the highlighted action with `data-selected` and keeps its index in the store; the same
// is done here (its own helpers for this are not exported).

/** Highlights the first result, or keeps the user's choice when `keepChoice` and it is still listed. */
export function highlightFirstHit(store: SpotlightStore, keepChoice: boolean): void {
  const { listId } = store.getState();
  const list = listId === '' ? null : document.getElementById(listId);
  if (list === null) return;
  const current = list.querySelector('[data-selected]');
  if (keepChoice && current !== null) return;
  const first = list.querySelector('[data-action]');
  if (first === current) return;
  current?.removeAttribute('data-selected');
  first?.setAttribute('data-selected', 'true');
  store.updateState((state) => ({ ...state, selected: first === null ? -1 : 0 }));
}
