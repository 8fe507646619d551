import { createContext, useContext, useEffect, useState } from 'react';
import { formatElapsed } from '@/lib/elapsed';

// One clock for every running step: the graph provides the time, and only the elapsed-time labels read
// it, so a tick re-renders those labels and nothing else (memoised nodes stay as they are).

export const StepClockContext = createContext<number>(0);

/** `now` when the caller passes one; otherwise a clock ticking once a second while `isTicking`. */
export function useStepClock(now: number | undefined, isTicking: boolean): number {
  const [ownNow, setOwnNow] = useState(() => Date.now());
  const shouldTick = now === undefined && isTicking;
  useEffect(() => {
    if (!shouldTick) return undefined;
    const timer = window.setInterval(() => {
      setOwnNow(Date.now());
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, [shouldTick]);
  return now ?? ownNow;
}

export interface ElapsedTimeProps {
  startedAt: string | null;
  finishedAt: string | null;
}

/** Time from start to finish, or to now (the shared clock) while running; nothing before the start. */
export function ElapsedTime({ startedAt, finishedAt }: ElapsedTimeProps) {
  const now = useContext(StepClockContext);
  if (startedAt === null) return null;
  const start = Date.parse(startedAt);
  if (Number.isNaN(start)) return null;
  const end = finishedAt === null ? now : Date.parse(finishedAt);
  if (Number.isNaN(end)) return null;
  return <>{formatElapsed(end - start)}</>;
}
