import { useCallback, useMemo, useState } from 'react';

export interface Follow {
  isFollowing: boolean;
  /** Lines that arrived since following paused. */
  newLines: number;
  set: (value: boolean) => void;
  pause: () => void;
  handleScrolled: (scroll: { isUp: boolean; isAtEnd: boolean }) => void;
}

/**
 * Follow mode: on at the start of a live log; scrolling up pauses it (counting the lines that arrive
 * meanwhile), scrolling back to the end of a live log resumes it.
 */
export function useFollow(isLive: boolean, count: number): Follow {
  const [isFollowing, setFollowing] = useState(isLive);
  const [pausedAt, setPausedAt] = useState(count);
  const set = useCallback(
    (value: boolean) => {
      setFollowing(value);
      if (!value) setPausedAt(count);
    },
    [count],
  );
  const pause = useCallback(() => {
    set(false);
  }, [set]);
  const handleScrolled = useCallback(
    ({ isUp, isAtEnd }: { isUp: boolean; isAtEnd: boolean }) => {
      if (isFollowing && isUp && !isAtEnd) set(false);
      else if (!isFollowing && isAtEnd && isLive && !isUp) setFollowing(true);
    },
    [isFollowing, isLive, set],
  );
  return useMemo(
    () => ({
      isFollowing,
      newLines: isFollowing ? 0 : Math.max(0, count - pausedAt),
      set,
      pause,
      handleScrolled,
    }),
    [isFollowing, count, pausedAt, set, pause, handleScrolled],
  );
}
