import { useEffect, type RefObject } from 'react';

/**
 * While a mouse button pressed outside `region` is held (panning the step graph, selecting text), the region
 * lets the pointer pass through: its links would otherwise take a drag crossing them for the user's intent
 * and start loading their pages (the Activity link: 10,000 changes) in the middle of the drag. A press inside
 * the region (its scroll bar, its own links) is left alone.
 */
export function usePassThroughWhileDragging(region: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const release = () => {
      region.current?.style.removeProperty('pointer-events');
    };
    const press = (event: PointerEvent) => {
      const element = region.current;
      if (element === null || event.pointerType !== 'mouse') return;
      if (event.target instanceof Node && element.contains(event.target)) return;
      element.style.pointerEvents = 'none';
    };
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    window.addEventListener('blur', release);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
      window.removeEventListener('blur', release);
      release();
    };
  }, [region]);
}
