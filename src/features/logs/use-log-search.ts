import { useDeferredValue, useMemo, useState } from 'react';
import type { LogStore } from '@/lib/log-store';
import { compileSearch, searchLog, stepMatch, type SearchResult } from '@/lib/log-search';

export interface LogSearch {
  query: string;
  isCaseSensitive: boolean;
  isRegex: boolean;
  error: string | null;
  pattern: RegExp | null;
  result: SearchResult | null;
  /** 0-based index of the current match, -1 before moving to one. */
  current: number;
  setQuery: (query: string) => void;
  setCaseSensitive: (value: boolean) => void;
  setRegex: (value: boolean) => void;
  /** Moves to the next or previous match and answers its line (or -1). */
  step: (direction: 1 | -1) => number;
}

/**
 * Find over the loaded lines (re-run as lines arrive; deferred, so typing and scrolling stay responsive).
 * `isIncluded` limits it to the lines shown (a step's).
 */
export function useLogSearch(
  store: LogStore,
  version: number,
  isIncluded: ((line: number) => boolean) | undefined,
): LogSearch {
  const [query, setQueryState] = useState('');
  const [isCaseSensitive, setCaseSensitive] = useState(false);
  const [isRegex, setRegex] = useState(false);
  const [current, setCurrent] = useState(-1);
  const compiled = useMemo(
    () => compileSearch({ query, isCaseSensitive, isRegex }),
    [query, isCaseSensitive, isRegex],
  );
  const pattern = compiled?.ok === true ? compiled.pattern : null;
  const deferredPattern = useDeferredValue(pattern);
  const deferredVersion = useDeferredValue(version);
  const result = useMemo(
    () => (deferredPattern === null ? null : searchLog(store, deferredPattern, isIncluded)),
    // The store is mutated in place: `deferredVersion` says when its lines changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deferredVersion stands for the store's content
    [store, deferredPattern, deferredVersion, isIncluded],
  );
  const count = result?.count ?? 0;
  const step = (direction: 1 | -1) => {
    const next = stepMatch(Math.min(current, count - 1), count, direction);
    setCurrent(next);
    return next < 0 ? -1 : (result?.lines[next] ?? -1);
  };
  return {
    query,
    isCaseSensitive,
    isRegex,
    error: compiled?.ok === false ? compiled.error : null,
    pattern,
    result,
    current: Math.min(current, count - 1),
    setQuery: (next) => {
      setQueryState(next);
      setCurrent(-1);
    },
    setCaseSensitive: (value) => {
      setCaseSensitive(value);
      setCurrent(-1);
    },
    setRegex: (value) => {
      setRegex(value);
      setCurrent(-1);
    },
    step,
  };
}
