import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LogScope } from '@/api/log-lines';
import { LogFeed, type FeedState } from './log-feed';

/** The feed of one log (restarted when the scope changes) and its state. */
export function useLogFeed(scope: LogScope, isLive: boolean): { feed: LogFeed; state: FeedState } {
  const { changeId, stepId } = scope;
  const [feed, setFeed] = useState(() => new LogFeed({ changeId, stepId }, isLive));
  // A new scope is a new log: a new feed (set during render, as React documents for derived state).
  const [key, setKey] = useState(`${changeId}|${stepId ?? ''}`);
  if (key !== `${changeId}|${stepId ?? ''}`) {
    setKey(`${changeId}|${stepId ?? ''}`);
    setFeed(new LogFeed({ changeId, stepId }, isLive));
  }
  useEffect(() => {
    // Resumes where it stopped when an effect runs twice (StrictMode).
    feed.start();
    return () => {
      feed.stop();
    };
  }, [feed]);
  useEffect(() => {
    feed.setLive(isLive);
  }, [feed, isLive]);
  const state = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  return { feed, state };
}
