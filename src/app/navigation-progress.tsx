import { useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import classes from './navigation-progress.module.css';

/** Navigations quicker than this show no bar, so clicking between cached pages does not flicker. */
export const NAVIGATION_PROGRESS_DELAY_MS = 150;

/**
 * A thin bar across the top of the window while a navigation's loaders run (as GitHub shows), from
 * sign-in to the first page and between pages whose data is not cached yet.
 */
export function NavigationProgress() {
  const isNavigating = useRouterState({ select: (state) => state.status === 'pending' });
  const [isDelayOver, setIsDelayOver] = useState(false);
  if (!isNavigating && isDelayOver) setIsDelayOver(false);

  useEffect(() => {
    if (!isNavigating) return;
    const timer = setTimeout(() => {
      setIsDelayOver(true);
    }, NAVIGATION_PROGRESS_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [isNavigating]);

  if (!isNavigating || !isDelayOver) return null;
  return (
    <div className={classes.bar} role="progressbar" aria-label="Loading the page">
      <div className={classes.indicator} />
    </div>
  );
}
