import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs` while `isTicking` (for live elapsed times). */
export function useNow(isTicking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return undefined;
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, intervalMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [isTicking, intervalMs]);
  return now;
}
